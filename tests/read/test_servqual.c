/* test_servqual.c: servqual.csv loads ratings and the dimension of each
** row (given, even for a standard item number, or from the standard item
** number); servqual_weights.csv
** loads points per respondent and dimension; both read from paths of
** their own (mot_servqual_load_file) with messages naming the paths; the
** optional overall column (one score per respondent, repeated on its
** rows, empty cells allowed, two different scores an error naming
** file:line:column; its name from mot.ini's [outcomes] overall).
** (Malformed rows are in test_project.c's matrix.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"

static void test_dimensions_from_items_and_column(void **state)
{
    (void)state;
    const char *dir = lu_project("sq_dims", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"servqual.csv", "respondent_id,item,expectation,perception,"
                         "dimension,adequate,desired,wave\n"
                         "R1,2,7,6,,5,7,1\n"
                         "R1,9,6.5,7,,,,1\n"
                         "R1,13,7,5,,,,1\n"
                         "R1,17,7,7,,,,1\n"
                         "R1,22,7,2,,,,1\n"
                         "R2,Q 服务态度,10,1,empathy,4,9,2\n"
                         "R2,1,5,5,可靠性,,,2\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_servqual *s = p->servqual;
    assert_non_null(s);
    assert_int_equal(s->n, 7);
    const int8_t dim[] = {MOT_DIM_TANGIBLES, MOT_DIM_RELIABILITY,
                          MOT_DIM_RESPONSIVENESS, MOT_DIM_ASSURANCE,
                          MOT_DIM_EMPATHY, MOT_DIM_EMPATHY,
                          MOT_DIM_RELIABILITY};
    const uint32_t respondent[] = {0, 0, 0, 0, 0, 1, 1},
                   item[] = {0, 1, 2, 3, 4, 5, 6};
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(s->dimension[i], dim[i]);
        assert_int_equal(s->respondent[i], respondent[i]);
        assert_int_equal(s->item[i], item[i]);
    }
    assert_string_equal(mot_strtab_get(s->items, 5), "Q 服务态度");
    assert_true(s->expectation[1] == 6.5f && s->perception[4] == 2.0f);
    assert_true(s->expectation[5] == 10.0f && s->perception[5] == 1.0f);
    assert_true(s->adequate[0] == 5.0f && s->desired[0] == 7.0f);
    assert_true(LU_ISNAN(s->adequate[1]) && LU_ISNAN(s->desired[1]));
    assert_true(s->adequate[5] == 4.0f && s->desired[5] == 9.0f);
    assert_non_null(mot_columns_find(&s->attrs, "wave"));
    assert_int_equal(s->nweights, 0);
    assert_null(s->w_points);
    mot_project_free(p);
}

static void test_weights(void **state)
{
    (void)state;
    const char *dir = lu_project("sq_weights", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"servqual.csv", "respondent_id,item,expectation,perception\n"
                         "R1,1,7,6\nR2,1,7,6\n"},
        {"servqual_weights.csv", "respondent_id,dimension,points\n"
                                 "R2,tangibles,20\nR2,reliability,30\n"
                                 "R2,responsiveness,20\nR2,assurance,15\n"
                                 "R2,empathy,15.4\n"
                                 "R1,可靠性,100\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_servqual *s = p->servqual;
    assert_int_equal(s->nweights, 6);
    assert_int_equal(s->w_respondent[0], 1);
    assert_int_equal(s->w_dimension[0], MOT_DIM_TANGIBLES);
    assert_true(s->w_points[0] == 20.0f);
    assert_int_equal(s->w_dimension[4], MOT_DIM_EMPATHY);
    assert_true(s->w_points[4] == 15.4f);   /* 100.4: within rounding */
    assert_int_equal(s->w_respondent[5], 0);
    assert_int_equal(s->w_dimension[5], MOT_DIM_RELIABILITY);
    mot_project_free(p);
}

static void test_load_files(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("sq_files");
    char answers[1024], weights[1024], buf[1200], want[1200];
    snprintf(answers, sizeof answers, "%s",
             tu_write(dir, "sq.csv", "respondent_id,item,expectation,"
                      "perception\nR1,1,7,6\nR2,2,5,5\n", (size_t)-1));
    snprintf(weights, sizeof weights, "%s",
             tu_write(dir, "w.csv", "respondent_id,dimension,points\n"
                      "R1,tangibles,100\nR2,empathy,50\n", (size_t)-1));
    mot_diag d;
    mot_servqual *s = NULL;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_servqual_load_file(&s, answers, NULL, NULL, &d),
                     MOT_OK);
    assert_int_equal(s->n, 2);
    assert_int_equal(s->nweights, 0);
    mot_servqual_free(s);

    /* the weights file's problems name its path */
    assert_int_equal(mot_servqual_load_file(&s, answers, weights, NULL, &d),
                     MOT_EDATA);
    assert_null(s);
    assert_int_equal(d.total, 1);
    mot_error_format(&d.items[0], buf, sizeof buf);
    snprintf(want, sizeof want, "%s:3:3: points of respondent \"R2\" add up "
             "to 50; they must add up to 100", weights);
    assert_string_equal(buf, want);
    mot_diag_free(&d);

    tu_write(dir, "w.csv", "respondent_id,dimension,points\n"
             "R1,tangibles,100\nR2,empathy,100\n", (size_t)-1);
    mot_diag_init(&d, 0);
    assert_int_equal(mot_servqual_load_file(&s, answers, weights, NULL, &d),
                     MOT_OK);
    assert_int_equal(s->nweights, 2);
    assert_int_equal(s->w_respondent[1], 1);
    mot_servqual_free(s);

    /* a missing weights file */
    assert_int_equal(mot_servqual_load_file(&s, answers,
                                            tu_path(dir, "none.csv"), NULL,
                                            &d), MOT_ENOENT);
    assert_null(s);
    mot_diag_free(&d);
}

static void test_overall(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("sq_overall");
    char path[1024], buf[1200], want[1200];
    snprintf(path, sizeof path, "%s",
             tu_write(dir, "sq.csv", "respondent_id,item,expectation,"
                      "perception,overall\nR1,1,7,6,4\nR1,2,5,5,\n"
                      "R2,1,5,5,2.5\nR1,3,6,6,4\n", (size_t)-1));
    mot_diag d;
    mot_servqual *s = NULL;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_servqual_load_file(&s, path, NULL, NULL, &d),
                     MOT_OK);
    assert_non_null(s->overall);
    assert_true(s->overall[0] == 4 && isnan(s->overall[1]) &&
                s->overall[2] == 2.5f && s->overall[3] == 4);
    mot_servqual_free(s);

    /* a second, different score of R1 on line 5, field 5 */
    tu_write(dir, "sq.csv", "respondent_id,item,expectation,perception,"
             "overall\nR1,1,7,6,4\nR1,2,5,5,\nR2,1,5,5,3\nR1,3,6,6,4.5\n",
             (size_t)-1);
    assert_int_equal(mot_servqual_load_file(&s, path, NULL, NULL, &d),
                     MOT_EDATA);
    assert_null(s);
    assert_int_equal(d.total, 1);
    mot_error_format(&d.items[0], buf, sizeof buf);
    snprintf(want, sizeof want, "%s:5:5: respondent \"R1\" has overall "
             "4.5 here but 4 on line 2; give one overall score per "
             "respondent", path);
    assert_string_equal(buf, want);
    mot_diag_free(&d);

    /* in a project, the column named by mot.ini */
    dir = lu_project("sq_overall_ini", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"mot.ini", "[outcomes]\noverall = 总体\n"},
        {"servqual.csv", "respondent_id,item,expectation,perception,总体\n"
                         "R1,1,7,6,4\nR1,2,5,5,4\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    assert_non_null(p->servqual->overall);
    assert_true(p->servqual->overall[1] == 4);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dimensions_from_items_and_column),
        cmocka_unit_test(test_weights),
        cmocka_unit_test(test_load_files),
        cmocka_unit_test(test_overall),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
