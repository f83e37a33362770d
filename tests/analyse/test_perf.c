/* test_perf.c: touchpoint performance through mot_analyse on a small
** project: counts and reach by hand; mean, sd and t interval from R's
** t.test and the Wilson interval from R's prop.test (correct = FALSE),
** printed by tests/data/r/perf.R; the scale's neutral standing in for a
** missing tolerance; the same numbers on 1 and 3 threads; the options'
** defaults; features from another project refused. */
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

/* T1 (tolerance 3, target 4.5): scores 1 2 4 5 and two unrated contacts;
** T2 (no tolerance: the neutral 2.5 of mot.ini): 2 3 3.5 and one
** unrated; T3 (tolerance 4): never met. Customers: C1 met T1 and T2, C2
** T1, C3 T2, C4 nothing. */
static const lu_file files[] = {
    {"mot.ini", "[scale]\nmin = 1\nmax = 5\nneutral = 2.5\n"},
    {"blueprint.csv", "id,name,stage,tolerance,target\n"
                      "T1,咨询,售前,3,4.5\nT2,开通,售中,,\nT3,报修,售后,4,\n"},
    {"customers.csv", "customer_id\nC1\nC2\nC3\nC4\n"},
    {"events.csv", "customer_id,time,touchpoint,score\n"
                   "C1,2026-01-01,T1,1\nC1,2026-01-02,T1,\n"
                   "C2,2026-01-01,T1,2\nC1,2026-01-03,T2,2\n"
                   "C2,2026-01-02,T1,4\nC3,2026-01-01,T2,3\n"
                   "C2,2026-01-03,T1,5\nC3,2026-01-02,T2,\n"
                   "C2,2026-01-04,T1,\nC3,2026-01-03,T2,3.5\n"},
    {NULL, NULL}};

static mot_analysis *analyse(mot_project *p, unsigned threads)
{
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_analyse_options o;
    mot_error err;
    mot_analyse_options_default(&o);
    o.threads = threads;
    o.bootstrap = 0;
    assert_int_equal(mot_features_derive(p, threads, &f, &err), MOT_OK);
    if (mot_analyse(p, f, &o, &a, &err) != MOT_OK)
        fail_msg("mot_analyse: %s", err.message);
    mot_features_free(f);
    return a;
}

static void check_close(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g", got, want);
}

static void check_perf(const mot_analysis *a)
{
    const mot_tp_result *t1 = &a->tp[0], *t2 = &a->tp[1], *t3 = &a->tp[2];
    assert_int_equal(a->customers, 4);
    assert_int_equal(a->events, 10);
    /* T1 */
    assert_int_equal(t1->n, 6);
    assert_int_equal(t1->n_rated, 4);
    assert_int_equal(t1->n_customers, 2);
    check_close(t1->reach, 0.5, 0);
    check_close(t1->tolerance, 3, 0);
    check_close(t1->target, 4.5, 0);
    check_close(t1->mean, 3, 1e-12);
    check_close(t1->sd, 1.82574185835055, 1e-12);
    check_close(t1->mean_lo, 0.0948372842452347, 1e-9);
    check_close(t1->mean_hi, 5.9051627157547655, 1e-9);
    check_close(t1->below_tolerance, 0.5, 0);
    check_close(t1->below_lo, 0.15003898915215, 1e-9);
    check_close(t1->below_hi, 0.84996101084785, 1e-9);
    /* T2: tolerance from the scale's neutral */
    assert_int_equal(t2->n, 4);
    assert_int_equal(t2->n_rated, 3);
    assert_int_equal(t2->n_customers, 2);
    check_close(t2->tolerance, 2.5, 0);
    assert_true(isnan(t2->target));
    check_close(t2->mean, 2.833333333333333, 1e-12);
    check_close(t2->sd, 0.763762615825973, 1e-12);
    check_close(t2->mean_lo, 0.936041816534954, 1e-9);
    check_close(t2->mean_hi, 4.730624850131713, 1e-9);
    check_close(t2->below_tolerance, 1.0 / 3, 1e-15);
    check_close(t2->below_lo, 0.0614919447203963, 1e-9);
    check_close(t2->below_hi, 0.7923403991979523, 1e-9);
    /* T3: never met */
    assert_int_equal(t3->n, 0);
    assert_int_equal(t3->n_customers, 0);
    check_close(t3->reach, 0, 0);
    check_close(t3->tolerance, 4, 0);
    assert_true(isnan(t3->mean) && isnan(t3->sd) && isnan(t3->mean_lo));
    assert_true(isnan(t3->below_tolerance) && isnan(t3->below_lo));
}

static void test_performance_against_r(void **state)
{
    (void)state;
    mot_project *p = lu_load(lu_project("perf", files));
    for (unsigned threads = 1; threads <= 3; threads += 2) {
        mot_analysis *a = analyse(p, threads);
        check_perf(a);
        mot_analysis_free(a);
    }
    mot_project_free(p);
}

static void test_one_rated_score_has_no_interval(void **state)
{
    (void)state;
    mot_project *p = lu_load(lu_project("perf_one", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01,T1,2\n"},
        {NULL, NULL}}));
    mot_analysis *a = analyse(p, 1);
    assert_int_equal(a->tp[0].n_rated, 1);
    check_close(a->tp[0].mean, 2, 0);
    assert_true(isnan(a->tp[0].sd) && isnan(a->tp[0].mean_lo));
    check_close(a->tp[0].below_tolerance, 1, 0);   /* neutral 3 */
    assert_true(a->tp[0].below_lo > 0 && a->tp[0].below_hi == 1);
    mot_analysis_free(a);
    mot_project_free(p);
}

static void test_defaults_and_misuse(void **state)
{
    (void)state;
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    assert_int_equal(o.bootstrap, 200);
    assert_int_equal(o.seed, 1);
    assert_int_equal(o.threads, 0);
    check_close(o.alpha, 0.05, 0);
    assert_int_equal(o.min_group, 30);
    assert_string_equal(mot_kind_name(MOT_KIND_NEGATIVE), "negative");
    assert_string_equal(mot_kind_name(MOT_KIND_POSITIVE), "positive");
    assert_string_equal(mot_kind_name(MOT_KIND_HYGIENE), "hygiene");
    assert_string_equal(mot_kind_name(MOT_KIND_NONE), "none");

    mot_project *p = lu_load(lu_project("perf_a", files));
    mot_project *q = lu_load(lu_project("perf_b", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {NULL, NULL}}));
    mot_features *f = NULL;
    mot_analysis *a = (mot_analysis *)1;
    mot_error err;
    assert_int_equal(mot_features_derive(q, 1, &f, NULL), MOT_OK);
    assert_int_equal(mot_analyse(p, f, NULL, &a, &err), MOT_EUSAGE);
    assert_null(a);
    assert_non_null(strstr(err.message, "not derived from this project"));
    mot_features_free(f);
    assert_int_equal(mot_features_derive(p, 1, &f, NULL), MOT_OK);
    o.alpha = 0;
    assert_int_equal(mot_analyse(p, f, &o, &a, &err), MOT_EUSAGE);
    mot_features_free(f);
    mot_analysis_free(NULL);
    mot_project_free(p);
    mot_project_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_performance_against_r),
        cmocka_unit_test(test_one_rated_score_has_no_interval),
        cmocka_unit_test(test_defaults_and_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
