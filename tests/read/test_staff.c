/* test_staff.c: staff.csv loads names, branches and training times; its
** ids are the project's staff ids in file order, which the other files
** refer to. (Malformed rows are in test_project.c's matrix.) */
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
    const char *dir = lu_project("st_all", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"staff.csv", "staff_id,name,branch,trained_at,grade\n"
                      "S1,王芳,北京,2026-01-05,A\nS2,,上海,,B\n"
                      "S3,Li Lei,北京,1767571200,A\n"},
        {"events.csv", "customer_id,time,touchpoint,staff_id,branch\n"
                       "C1,0,T1,S3,广州\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_staff *s = p->staff;
    assert_non_null(s);
    assert_int_equal(s->n, 3);
    for (uint32_t i = 0; i < 3; i++)
        assert_int_equal(s->staff[i], i);
    assert_string_equal(s->name[0], "王芳");
    assert_null(s->name[1]);
    assert_string_equal(s->name[2], "Li Lei");
    assert_int_equal(s->branch[0], 0);
    assert_int_equal(s->branch[1], 1);
    assert_int_equal(s->branch[2], 0);
    assert_int_equal(s->trained_at[0], 1767571200);
    assert_int_equal(s->trained_at[1], MOT_NO_TIME);
    assert_int_equal(s->trained_at[2], 1767571200);
    /* events refer to the same staff and branch tables */
    assert_int_equal(p->events->staff[0], 2);
    assert_int_equal(p->events->branch[0], 2);
    assert_string_equal(mot_strtab_get(p->branches, 2), "广州");
    mot_project_free(p);
}

static void test_optional_columns_absent(void **state)
{
    (void)state;
    const char *dir = lu_project("st_min", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"staff.csv", "staff_id\nS1\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_staff *s = p->staff;
    assert_int_equal(s->n, 1);
    assert_null(s->name[0]);
    assert_null(s->branch);
    assert_null(s->trained_at);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_column_is_stored),
        cmocka_unit_test(test_optional_columns_absent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
