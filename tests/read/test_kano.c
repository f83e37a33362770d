/* test_kano.c: kano.csv loads answers as 1..5 from digits and words
** (English and Chinese), with importance, segment and touchpoint; a KANO
** file read on its own (mot_kano_load_file) keeps its touchpoint column as
** text and names itself by its path in messages. (Malformed rows are in
** test_project.c's matrix.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"

static void test_every_column_is_stored(void **state)
{
    (void)state;
    const char *dir = lu_project("ka_all", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"kano.csv", "respondent_id,feature,functional,dysfunctional,"
                     "importance,segment,touchpoint,age\n"
                     "R1,wifi,1,5,4,商务,T1,30\n"
                     "R1,早餐,must-be,live with,,,开通,41\n"
                     "R2,wifi,喜欢,不喜欢,2.5,休闲,,\n"
                     "R2,早餐,Neutral,理所当然,5,商务,T3,22\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_kano *k = p->kano;
    assert_non_null(k);
    assert_int_equal(k->n, 4);
    const uint32_t respondent[] = {0, 0, 1, 1}, feature[] = {0, 1, 0, 1},
                   segment[] = {0, MOT_NONE, 1, 0};
    const uint8_t functional[] = {1, 2, 1, 3}, dysfunctional[] = {5, 4, 5, 2};
    const int32_t touchpoint[] = {0, 1, -1, 2};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(k->respondent[i], respondent[i]);
        assert_int_equal(k->feature[i], feature[i]);
        assert_int_equal(k->functional[i], functional[i]);
        assert_int_equal(k->dysfunctional[i], dysfunctional[i]);
        assert_int_equal(k->segment[i], segment[i]);
        assert_int_equal(k->touchpoint[i], touchpoint[i]);
    }
    assert_string_equal(mot_strtab_get(k->features, 1), "早餐");
    assert_string_equal(mot_strtab_get(k->respondents, 1), "R2");
    assert_string_equal(mot_strtab_get(k->segments, 1), "休闲");
    assert_true(k->importance[0] == 4.0f && k->importance[2] == 2.5f);
    assert_true(LU_ISNAN(k->importance[1]));
    const mot_column *age = mot_columns_find(&k->attrs, "age");
    assert_true(age->numeric && age->num[3] == 22.0);
    /* KANO respondents are not the project's customers */
    assert_int_equal(mot_strtab_count(p->customer_ids), 0);
    mot_project_free(p);
}

static void test_optional_columns_absent_are_null(void **state)
{
    (void)state;
    const char *dir = lu_project("ka_min", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                     "R1,wifi,2,4\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_kano *k = p->kano;
    assert_int_equal(k->n, 1);
    assert_null(k->importance);
    assert_null(k->segment);
    assert_null(k->touchpoint);
    assert_int_equal(k->attrs.n, 0);
    mot_project_free(p);
}

static void test_load_one_file(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("ka_file");
    const char *path = tu_write(dir, "answers 2026.csv",
                                "respondent_id,feature,functional,"
                                "dysfunctional,touchpoint\n"
                                "R1,wifi,1,5,T9\nR2,wifi,dislike,2,\n",
                                (size_t)-1);
    mot_diag d;
    mot_kano *k = NULL;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_kano_load_file(&k, path, NULL, &d), MOT_OK);
    assert_int_equal(d.total, 0);
    assert_int_equal(k->n, 2);
    assert_int_equal(k->dysfunctional[1], 2);
    /* no blueprint: the touchpoint is text in an attribute column */
    assert_null(k->touchpoint);
    const mot_column *tp = mot_columns_find(&k->attrs, "touchpoint");
    assert_non_null(tp);
    assert_false(tp->numeric);
    assert_string_equal(mot_strtab_get(tp->dict, tp->code[0]), "T9");
    assert_int_equal(tp->code[1], MOT_NONE);
    mot_kano_free(k);

    /* problems name the file by the path given, with line and column */
    path = tu_write(dir, "bad.csv", "respondent_id,feature,functional,"
                    "dysfunctional\nR1,wifi,1,5\nR2,wifi,6,5\nR1,wifi,2,2\n",
                    (size_t)-1);
    k = (mot_kano *)1;
    assert_int_equal(mot_kano_load_file(&k, path, NULL, &d), MOT_EDATA);
    assert_null(k);
    assert_int_equal(d.total, 2);
    char buf[1200], want[1200];
    mot_error_format(&d.items[0], buf, sizeof buf);
    snprintf(want, sizeof want, "%s:3:3: functional must be a KANO answer: "
             "1 to 5, or like, must-be, neutral, live-with, dislike, found "
             "\"6\"", path);
    assert_string_equal(buf, want);
    mot_error_format(&d.items[1], buf, sizeof buf);
    snprintf(want, sizeof want, "%s:4:2: respondent \"R1\" answered feature "
             "\"wifi\" twice: first on line 2", path);
    assert_string_equal(buf, want);
    mot_diag_free(&d);

    /* a missing file */
    mot_diag_init(&d, 0);
    assert_int_equal(mot_kano_load_file(&k, tu_path(dir, "none.csv"), NULL,
                                        &d), MOT_ENOENT);
    assert_null(k);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.items[0].status, MOT_ENOENT);
    mot_diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_column_is_stored),
        cmocka_unit_test(test_optional_columns_absent_are_null),
        cmocka_unit_test(test_load_one_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
