/* test_customers.c: customers.csv loads outcomes, segments, values and
** driver columns; outcome column names come from mot.ini; customer ids are
** shared with events. (Malformed rows are in test_project.c's matrix.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"

/* 2026-03-01 08:30 UTC */
#define T0 1772353800

static void test_every_column_is_stored(void **state)
{
    (void)state;
    const char *dir = lu_project("cu_all", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"customers.csv",
         "customer_id,overall,nps,churned,churn_time,segment,value,tenure,plan\n"
         "C1,4.5,9,0,,家庭,1200.5,36,A\n"
         "C2,2,3,1,2026-03-01 08:30,个人,80,2,B\n"
         "C3,,,是,,,,,\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_customers *c = p->customers;
    assert_non_null(c);
    assert_int_equal(c->n, 3);
    assert_true(c->has_overall && c->has_nps && c->has_churned &&
                c->has_churn_time && c->has_segment && c->has_value);
    for (uint32_t i = 0; i < 3; i++)
        assert_int_equal(c->customer[i], i);
    assert_string_equal(mot_strtab_get(p->customer_ids, 2), "C3");
    assert_true(c->overall[0] == 4.5f && c->overall[1] == 2.0f);
    assert_true(LU_ISNAN(c->overall[2]));
    assert_true(c->nps[0] == 9.0f && c->nps[1] == 3.0f);
    assert_true(LU_ISNAN(c->nps[2]));
    assert_int_equal(c->churned[0], 0);
    assert_int_equal(c->churned[1], 1);
    assert_int_equal(c->churned[2], 1);
    assert_int_equal(c->churn_time[0], MOT_NO_TIME);
    assert_int_equal(c->churn_time[1], T0);
    assert_int_equal(c->segment[0], 0);
    assert_int_equal(c->segment[1], 1);
    assert_int_equal(c->segment[2], MOT_NONE);
    assert_string_equal(mot_strtab_get(c->segments, 1), "个人");
    assert_true(c->value[0] == 1200.5 && c->value[1] == 80.0);
    assert_true(LU_ISNAN(c->value[2]));
    const mot_column *tenure = mot_columns_find(&c->attrs, "tenure");
    assert_non_null(tenure);
    assert_true(tenure->numeric);
    assert_true(tenure->num[0] == 36.0 && tenure->num[1] == 2.0);
    assert_true(LU_ISNAN(tenure->num[2]));
    const mot_column *plan = mot_columns_find(&c->attrs, "plan");
    assert_false(plan->numeric);
    assert_int_equal(c->attrs.n, 2);
    mot_project_free(p);
}

static void test_absent_outcomes_are_empty(void **state)
{
    (void)state;
    const char *dir = lu_project("cu_min", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"customers.csv", "customer_id\nC1\nC2\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_customers *c = p->customers;
    assert_int_equal(c->n, 2);
    assert_false(c->has_overall || c->has_nps || c->has_churned ||
                 c->has_churn_time || c->has_segment || c->has_value);
    for (size_t i = 0; i < 2; i++) {
        assert_true(LU_ISNAN(c->overall[i]) && LU_ISNAN(c->nps[i]));
        assert_int_equal(c->churned[i], -1);
        assert_int_equal(c->churn_time[i], MOT_NO_TIME);
        assert_int_equal(c->segment[i], MOT_NONE);
        assert_true(LU_ISNAN(c->value[i]));
    }
    mot_project_free(p);
}

static void test_outcome_names_from_mot_ini(void **state)
{
    (void)state;
    const char *dir = lu_project("cu_ini", (lu_file[]){
        {"mot.ini", "[outcomes]\noverall = csat\nnps = recommend\n"
                    "churn = left\n"},
        {"blueprint.csv", LU_BLUEPRINT},
        {"customers.csv", "customer_id,CSAT,recommend,left,overall\n"
                          "C1,3,10,yes,x\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_customers *c = p->customers;
    assert_true(c->has_overall && c->has_nps && c->has_churned);
    assert_true(c->overall[0] == 3.0f && c->nps[0] == 10.0f);
    assert_int_equal(c->churned[0], 1);
    /* the default name is now just another column */
    assert_non_null(mot_columns_find(&c->attrs, "overall"));
    mot_project_free(p);
}

static void test_ids_are_shared_with_events(void **state)
{
    (void)state;
    const char *dir = lu_project("cu_shared", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"customers.csv", "customer_id,churned\nC1,0\nC2,1\n"},
        {"events.csv", "customer_id,time,touchpoint\nC2,0,T1\nC9,0,T2\n"
                       "C1,0,T3\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    assert_int_equal(p->events->customer[0], 1);
    assert_int_equal(p->events->customer[1], 2);   /* new: after C1, C2 */
    assert_int_equal(p->events->customer[2], 0);
    assert_int_equal(mot_strtab_count(p->customer_ids), 3);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_column_is_stored),
        cmocka_unit_test(test_absent_outcomes_are_empty),
        cmocka_unit_test(test_outcome_names_from_mot_ini),
        cmocka_unit_test(test_ids_are_shared_with_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
