/* test_experience.c: the overall score by experience at a touchpoint and
** the gains of lifting it, through mot_analyse on a small project. Group
** sizes and means by hand; the drop (Welch), the gains and their
** intervals from R (tests/data/r/experience.R: t.test, and the
** documented linear combination written out). Customers not met, not
** rated, or without an overall score are left out of the groups, and the
** base N counts every customer with an overall score. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/derive.h"
#include "mot/analyse.h"
#include "testutil.h"
#include "read/loadutil.h"

/* T1: tolerance 3, target 4.5. Worst scores at T1 and overall:
**   bad      C1 1 (also a 4) 2.0, C2 2 2.5, C3 1 1.5, C4 2 (twice) 3.0
**   adequate C5 3 3.5, C6 4 3.0, C7 3 (also a 5) 4.0, C8 4 4.5
**   good     C9 5 4.5, C10 5 5.0, C11 5 (twice) 4.0, C12 4.5 4.75
** C13 met only T2 (3.25), C14 did not rate T1 (2.25): in N = 14 only.
** C15 has a bad T1 score but no overall score: nowhere. */
static const lu_file files[] = {
    {"blueprint.csv", "id,name,stage,tolerance,target\n"
                      "T1,咨询,售前,3,4.5\nT2,开通,售中,3,\n"},
    {"customers.csv", "customer_id,overall\n"
                      "C1,2.0\nC2,2.5\nC3,1.5\nC4,3.0\nC5,3.5\nC6,3.0\n"
                      "C7,4.0\nC8,4.5\nC9,4.5\nC10,5.0\nC11,4.0\nC12,4.75\n"
                      "C13,3.25\nC14,2.25\nC15,\n"},
    {"events.csv", "customer_id,time,touchpoint,score\n"
                   "C1,2026-01-01,T1,1\nC1,2026-01-02,T1,4\n"
                   "C2,2026-01-01,T1,2\nC3,2026-01-01,T1,1\n"
                   "C4,2026-01-01,T1,2\nC4,2026-01-02,T1,2\n"
                   "C5,2026-01-01,T1,3\nC6,2026-01-01,T1,4\n"
                   "C7,2026-01-01,T1,3\nC7,2026-01-02,T1,5\n"
                   "C8,2026-01-01,T1,4\nC9,2026-01-01,T1,5\n"
                   "C10,2026-01-01,T1,5\nC11,2026-01-01,T1,5\n"
                   "C11,2026-01-02,T1,5\nC12,2026-01-01,T1,4.5\n"
                   "C13,2026-01-01,T2,4\nC14,2026-01-01,T1,\n"
                   "C15,2026-01-01,T1,1\n"},
    {NULL, NULL}};

static mot_analysis *analyse(const lu_file *fs, const char *name,
                             size_t min_group)
{
    mot_project *p = lu_load(lu_project(name, fs));
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_analyse_options o;
    mot_error err;
    mot_analyse_options_default(&o);
    o.bootstrap = 0;
    o.min_group = min_group;
    assert_int_equal(mot_features_derive(p, 1, &f, &err), MOT_OK);
    if (mot_analyse(p, f, &o, &a, &err) != MOT_OK)
        fail_msg("mot_analyse: %s", err.message);
    mot_features_free(f);
    mot_project_free(p);
    return a;
}

static void check_close(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g", got, want);
}

static void test_groups_drop_and_gains_against_r(void **state)
{
    (void)state;
    mot_analysis *a = analyse(files, "exp", 4);
    const mot_tp_result *r = &a->tp[0];
    assert_int_equal(r->n_overall_bad, 4);
    assert_int_equal(r->n_overall_adequate, 4);
    assert_int_equal(r->n_overall_good, 4);
    check_close(r->overall_bad, 9.0 / 4, 1e-12);
    check_close(r->overall_adequate, 15.0 / 4, 1e-12);
    check_close(r->overall_good, 18.25 / 4, 1e-12);
    check_close(r->overall_drop, 1.90625, 1e-12);
    check_close(r->overall_drop_lo, 0.93893134653009225, 1e-9);
    check_close(r->overall_drop_hi, 2.87356865346990809, 1e-9);
    check_close(r->overall_drop_p, 0.00272654777332104, 1e-12);
    check_close(r->gain_tolerance, 0.428571428571429, 1e-12);
    check_close(r->gain_tolerance_lo, 0.109469329262185, 1e-9);
    check_close(r->gain_tolerance_hi, 0.747673527880672, 1e-9);
    check_close(r->gain_target, 0.892857142857143, 1e-12);
    check_close(r->gain_target_lo, 0.483920227661463, 1e-9);
    check_close(r->gain_target_hi, 1.301794058052823, 1e-9);
    /* T2: one customer, no bad experience, no target */
    assert_int_equal(a->tp[1].n_overall_adequate, 1);
    assert_true(isnan(a->tp[1].overall_drop));
    check_close(a->tp[1].gain_tolerance, 0, 0);
    assert_true(isnan(a->tp[1].gain_target));
    mot_analysis_free(a);
}

static void test_small_groups_are_not_estimated(void **state)
{
    (void)state;
    mot_analysis *a = analyse(files, "exp_small", 5);
    const mot_tp_result *r = &a->tp[0];
    /* the group means are still reported; no group reaches 5 */
    check_close(r->overall_bad, 9.0 / 4, 1e-12);
    assert_true(isnan(r->overall_drop) && isnan(r->overall_drop_p));
    assert_true(isnan(r->gain_tolerance) && isnan(r->gain_target));
    int noted = 0;
    for (size_t i = 0; i < a->nnotes; i++)
        noted |= strstr(a->notes[i], "overall drop is not estimated") != NULL;
    assert_true(noted);
    mot_analysis_free(a);
}

static void test_no_bad_experience_gains_nothing(void **state)
{
    (void)state;
    mot_analysis *a = analyse((lu_file[]){
        {"blueprint.csv", "id,name,stage,tolerance,target\nT1,a,s,3,4.5\n"},
        {"customers.csv", "customer_id,overall\nC1,3\nC2,4\nC3,5\n"},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01,T1,3\nC2,2026-01-01,T1,4\n"
                       "C3,2026-01-01,T1,5\n"},
        {NULL, NULL}}, "exp_nobad", 1);
    const mot_tp_result *r = &a->tp[0];
    assert_int_equal(r->n_overall_bad, 0);
    check_close(r->gain_tolerance, 0, 0);
    check_close(r->gain_tolerance_lo, 0, 0);
    assert_true(isnan(r->overall_drop));
    /* adequate C1, C2 (3.5 +- ...), good C3 alone: no variance there */
    assert_true(isnan(r->gain_target));
    mot_analysis_free(a);
}

static void test_no_overall_column_is_noted(void **state)
{
    (void)state;
    mot_analysis *a = analyse((lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01,T1,3\n"},
        {NULL, NULL}}, "exp_none", 1);
    assert_true(isnan(a->tp[0].overall_bad));
    int noted = 0;
    for (size_t i = 0; i < a->nnotes; i++)
        noted |= strstr(a->notes[i], "overall score by experience") != NULL;
    assert_true(noted);
    mot_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_groups_drop_and_gains_against_r),
        cmocka_unit_test(test_small_groups_are_not_estimated),
        cmocka_unit_test(test_no_bad_experience_gains_nothing),
        cmocka_unit_test(test_no_overall_column_is_noted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
