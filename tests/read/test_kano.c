/* test_kano.c: kano.csv loads answers as 1..5 from digits and words
** (English and Chinese), with importance, segment and touchpoint.
** (Malformed rows are in test_project.c's matrix.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_column_is_stored),
        cmocka_unit_test(test_optional_columns_absent_are_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
