/* test_peakend.c: the peak-end comparison.
**
** A small project (events out of order) whose 10 compared customers make
** 10-fold cross-validation leave-one-out: the three cross-validated R^2
** (peak-end, mean, primacy), the winner and the first/worst/best/end
** counts come from R (tests/data/r/peakend_loo.R: journeys summarised in
** R, held-out errors from hat values); both bootstrap intervals are
** recomputed here from R's held-out errors with the documented Poisson
** weights and a two-pass weighted sum of squares. Then every demo
** scenario, whose overall score is planted peak-end shaped (the first
** moment not planted): peak-end must win, with an interval of the
** difference above 0; the first-impression counts must sum to the
** customers compared, and the unplanted first moment must not be found
** to add. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/derive.h"
#include "mot/analyse.h"
#include "testutil.h"
#include "read/loadutil.h"

/* The events of tests/data/r/peakend_loo.R, in the same (shuffled) order.
** C11 has two rated moments but no overall score (counted, not compared);
** C12 an overall score but one rated moment (neither). */
static const char events_csv[] =
    "customer_id,time,touchpoint,score\n"
    "C8,2026-01-01,T3,4\nC8,2026-01-03,T3,1\nC5,2026-01-03,T3,2\n"
    "C9,2026-01-01,T1,4\nC3,2026-01-01,T3,5\nC2,2026-01-05,T1,5\n"
    "C3,2026-01-02,T3,5\nC6,2026-01-04,T2,4\nC1,2026-01-01,T1,4\n"
    "C10,2026-01-05,T2,4\nC11,2026-01-01,T3,2\nC9,2026-01-03,T1,1\n"
    "C7,2026-01-01,T3,2\nC4,2026-01-02,T2,4\nC4,2026-01-01,T1,1\n"
    "C7,2026-01-02,T3,3\nC10,2026-01-02,T2,4\nC1,2026-01-02,T1,5\n"
    "C6,2026-01-02,T2,5\nC1,2026-01-03,T2,5\nC2,2026-01-02,T2,4\n"
    "C3,2026-01-04,T2,\nC5,2026-01-04,T3,5\nC2,2026-01-01,T1,1\n"
    "C10,2026-01-01,T2,1\nC6,2026-01-06,T2,3\nC6,2026-01-07,T2,\n"
    "C5,2026-01-05,T2,1\nC6,2026-01-01,T1,5\nC8,2026-01-04,T3,4\n"
    "C2,2026-01-03,T1,1\nC5,2026-01-01,T1,5\nC10,2026-01-03,T1,3\n"
    "C12,2026-01-01,T2,3\nC9,2026-01-07,T2,\nC11,2026-01-02,T1,4\n"
    "C9,2026-01-05,T2,3\n";

static const char customers_csv[] =
    "customer_id,overall\nC1,4.5\nC2,2.25\nC3,4.75\nC4,3\nC5,2\n"
    "C6,3.5\nC7,2.5\nC8,2.75\nC9,2.25\nC10,3\nC11,\nC12,3\n";

/* Quarters: exact in the loader's floats. */
static const double overall[10] = {4.5, 2.25, 4.75, 3, 2,
                                   3.5, 2.5, 2.75, 2.25, 3};

/* Held-out squared errors of C1..C10 (peakend_loo.R). */
static const double sq_pe[10] = {
    0.071233903091620615, 1.799028668275723719, 0.029227600569211244,
    0.241026188388973162, 0.000442722609144609, 0.014049570653370478,
    1.661302120416522143, 0.032374351871181074, 0.033421069085752202,
    0.241026188388973495};
static const double sq_mean[10] = {
    0.187118008437014011, 0.094907278194354183, 0.203282356000452108,
    0.773097781809204188, 1.128089657493536180, 0.179043153559684726,
    0.066818074252004978, 0.000350098297445994, 0.050804489311458916,
    0.091004400630371851};
static const double sq_primacy[10] = {
    7.13214988988791e-02, 2.29484063289114e+00, 3.26730723479069e-02,
    3.22130639294781e-01, 1.09761020074901e-06, 1.42194375222499e-02,
    2.72866627829999e+00, 1.50213577955954e-01, 6.67615902026464e-02,
    3.22130639294781e-01};

static mot_analysis *analyse_dir(const char *dir, unsigned bootstrap,
                                 uint64_t seed, size_t min_group)
{
    mot_project *p = lu_load(dir);
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_analyse_options o;
    mot_error err;
    mot_analyse_options_default(&o);
    o.bootstrap = bootstrap;
    o.seed = seed;
    o.min_group = min_group;
    assert_int_equal(mot_features_derive(p, 2, &f, &err), MOT_OK);
    if (mot_analyse(p, f, &o, &a, &err) != MOT_OK)
        fail_msg("mot_analyse: %s", err.message);
    mot_features_free(f);
    mot_project_free(p);
    return a;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The type-7 quantile of sorted x[0..n-1] at prob (written out here). */
static double quantile7(const double *x, size_t n, double prob)
{
    double h = (double)(n - 1) * prob;
    size_t i = (size_t)floor(h);
    return i + 1 < n ? x[i] + (h - (double)i) * (x[i + 1] - x[i]) : x[i];
}

/* The bootstrap interval of R^2(a) - R^2(b) as documented, from R's
** held-out errors sq_a and sq_b. */
static void expected_interval(uint64_t seed, unsigned b, const double *sq_a,
                              const double *sq_b, double *lo, double *hi)
{
    double *d = malloc(b * sizeof *d);
    size_t n = 0;
    assert_non_null(d);
    for (unsigned r = 0; r < b; r++) {
        double w[10], W = 0, ybar = 0, sst = 0, s_a = 0, s_b = 0;
        for (size_t i = 0; i < 10; i++) {
            w[i] = mot_boot_weight(seed, i, r);
            W += w[i];
            ybar += w[i] * overall[i];
        }
        if (W == 0)
            continue;
        ybar /= W;
        for (size_t i = 0; i < 10; i++) {
            sst += w[i] * (overall[i] - ybar) * (overall[i] - ybar);
            s_a += w[i] * sq_a[i];
            s_b += w[i] * sq_b[i];
        }
        if (sst > 0)
            d[n++] = (s_b - s_a) / sst;
    }
    qsort(d, n, sizeof *d, cmp_double);
    *lo = quantile7(d, n, 0.025);
    *hi = quantile7(d, n, 0.975);
    free(d);
}

static void test_leave_one_out_against_r(void **state)
{
    (void)state;
    const char *dir = lu_project("pe_small", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", customers_csv},
        {"events.csv", events_csv}, {NULL, NULL}});
    mot_analysis *a = analyse_dir(dir, 400, 42, 5);
    const mot_peak_end *pe = &a->peak_end;
    double lo, hi;
    assert_true(pe->available);
    assert_int_equal(pe->n, 10);
    assert_true(fabs(pe->r2_peak_end - 0.482992804595552) < 1e-10);
    /* journey means are floats (derive.h): 7 digits of agreement */
    assert_true(fabs(pe->r2_mean - 0.652098395236924) < 1e-7);
    assert_string_equal(pe->winner, "mean");
    /* 5 parameters on 9 customers per fold: 5 digits (floats again) */
    assert_true(fabs(pe->r2_primacy - 0.247277935508648) < 1e-5);
    const size_t worst[3] = {4, 3, 4}, best[3] = {6, 2, 3}, end[3] = {2, 6, 3};
    const size_t first[3] = {6, 1, 4};
    for (size_t t = 0; t < 3; t++) {
        assert_int_equal(pe->first_count[t], first[t]);
        assert_int_equal(pe->worst_count[t], worst[t]);
        assert_int_equal(pe->best_count[t], best[t]);
        assert_int_equal(pe->end_count[t], end[t]);
    }
    expected_interval(42, 400, sq_pe, sq_mean, &lo, &hi);
    assert_true(fabs(pe->diff_lo - lo) < 1e-7);
    assert_true(fabs(pe->diff_hi - hi) < 1e-7);
    assert_true(pe->diff_lo < pe->diff_hi);
    expected_interval(42, 400, sq_primacy, sq_pe, &lo, &hi);
    print_message("primacy diff [%.9f, %.9f] expected [%.9f, %.9f]\n",
                  pe->primacy_diff_lo, pe->primacy_diff_hi, lo, hi);
    assert_true(fabs(pe->primacy_diff_lo - lo) < 1e-5);
    assert_true(fabs(pe->primacy_diff_hi - hi) < 1e-5);
    assert_int_equal(pe->primacy_adds, lo > 0);
    mot_analysis_free(a);

    /* no bootstrap: no interval; too few customers: not compared */
    a = analyse_dir(dir, 0, 42, 5);
    assert_true(a->peak_end.available);
    assert_true(isnan(a->peak_end.diff_lo) && isnan(a->peak_end.diff_hi));
    assert_true(isnan(a->peak_end.primacy_diff_lo) &&
                isnan(a->peak_end.primacy_diff_hi));
    assert_false(a->peak_end.primacy_adds);
    assert_false(isnan(a->peak_end.r2_primacy));
    mot_analysis_free(a);
    a = analyse_dir(dir, 0, 42, 11);
    assert_false(a->peak_end.available);
    assert_true(isnan(a->peak_end.r2_peak_end));
    assert_true(isnan(a->peak_end.r2_primacy));
    assert_int_equal(a->peak_end.first_count[0], 6);
    assert_int_equal(a->peak_end.worst_count[0], 4);
    int noted = 0;
    for (size_t i = 0; i < a->nnotes; i++)
        noted |= strstr(a->notes[i], "peak-end not compared") != NULL;
    assert_true(noted);
    mot_analysis_free(a);
}

static void test_without_overall_only_counts(void **state)
{
    (void)state;
    const char *dir = lu_project("pe_nooverall", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"events.csv", events_csv},
        {NULL, NULL}});
    mot_analysis *a = analyse_dir(dir, 10, 1, 5);
    assert_false(a->peak_end.available);
    assert_int_equal(a->peak_end.n, 0);
    assert_int_equal(a->peak_end.best_count[0], 6);
    mot_analysis_free(a);
}

/* Two-moment journeys: first + end = worst + best for every customer, so
** the primacy model cannot be fitted; peak-end is still compared, and a
** note says why primacy is not. */
static void test_primacy_collinear_is_noted(void **state)
{
    (void)state;
    const char *dir = lu_project("pe_two", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"customers.csv",
         "customer_id,overall\nD1,5\nD2,4.5\nD3,1\nD4,5\nD5,4.5\n"
         "D6,4.5\nD7,2.5\nD8,4\nD9,2\nD10,3\nD11,4.5\nD12,4\n"},
        {"events.csv",
         "customer_id,time,touchpoint,score\n"
         "D1,2026-01-01,T1,2\nD1,2026-01-02,T2,5\nD2,2026-01-01,T1,2\n"
         "D2,2026-01-02,T2,3\nD3,2026-01-01,T1,5\nD3,2026-01-02,T2,1\n"
         "D4,2026-01-01,T1,4\nD4,2026-01-02,T2,3\nD5,2026-01-01,T1,2\n"
         "D5,2026-01-02,T2,2\nD6,2026-01-01,T1,5\nD6,2026-01-02,T2,5\n"
         "D7,2026-01-01,T1,4\nD7,2026-01-02,T2,2\nD8,2026-01-01,T1,2\n"
         "D8,2026-01-02,T2,5\nD9,2026-01-01,T1,1\nD9,2026-01-02,T2,1\n"
         "D10,2026-01-01,T1,5\nD10,2026-01-02,T2,1\n"
         "D11,2026-01-01,T1,1\nD11,2026-01-02,T2,3\n"
         "D12,2026-01-01,T1,5\nD12,2026-01-02,T2,4\n"},
        {NULL, NULL}});
    mot_analysis *a = analyse_dir(dir, 50, 7, 5);
    const mot_peak_end *pe = &a->peak_end;
    assert_true(pe->available);
    assert_false(isnan(pe->r2_peak_end));
    assert_true(isnan(pe->r2_primacy));
    assert_true(isnan(pe->primacy_diff_lo) && isnan(pe->primacy_diff_hi));
    assert_false(pe->primacy_adds);
    assert_int_equal(pe->first_count[0], 12);
    int noted = 0;
    for (size_t i = 0; i < a->nnotes; i++)
        noted |= strstr(a->notes[i], "first moment not compared") != NULL;
    assert_true(noted);
    mot_analysis_free(a);
}

static void test_demo_is_peak_end_shaped(void **state)
{
    (void)state;
    for (size_t s = 0; mot_demo_scenarios[s]; s++) {
        char name[32];
        mot_error err;
        snprintf(name, sizeof name, "pe_demo_%s", mot_demo_scenarios[s]);
        const char *dir = tu_tmpdir(name);
        mot_demo_options d = {mot_demo_scenarios[s], 1000, 5};
        assert_int_equal(mot_demo_write(dir, &d, &err), MOT_OK);
        mot_analysis *a = analyse_dir(dir, 50, 1, 30);
        const mot_peak_end *pe = &a->peak_end;
        print_message("%-8s n %zu  R2cv peak-end %.3f  mean %.3f  "
                      "diff [%.3f, %.3f]\n", mot_demo_scenarios[s], pe->n,
                      pe->r2_peak_end, pe->r2_mean, pe->diff_lo,
                      pe->diff_hi);
        assert_true(pe->available);
        assert_string_equal(pe->winner, "peak_end");
        assert_true(pe->diff_lo > 0);
        assert_true(pe->diff_lo <= pe->r2_peak_end - pe->r2_mean &&
                    pe->r2_peak_end - pe->r2_mean <= pe->diff_hi);
        print_message("%-8s R2cv primacy %.4f  diff [%.4f, %.4f] adds %d\n",
                      mot_demo_scenarios[s], pe->r2_primacy,
                      pe->primacy_diff_lo, pe->primacy_diff_hi,
                      pe->primacy_adds);
        assert_true(pe->primacy_diff_lo <= pe->r2_primacy - pe->r2_peak_end &&
                    pe->r2_primacy - pe->r2_peak_end <= pe->primacy_diff_hi);
        assert_int_equal(pe->primacy_adds, pe->primacy_diff_lo > 0);
        /* one first impression per customer counted */
        size_t nf = 0, nw = 0;
        for (size_t t = 0; t < a->ntp; t++) {
            nf += pe->first_count[t];
            nw += pe->worst_count[t];
        }
        print_message("%-8s first impressions %zu, compared %zu\n",
                      mot_demo_scenarios[s], nf, pe->n);
        assert_int_equal(nf, nw);
        assert_int_equal(nf, pe->n);   /* every demo customer has overall */
        /* primacy is not planted: it must not be reported as adding */
        assert_false(pe->primacy_adds);
        mot_analysis_free(a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_leave_one_out_against_r),
        cmocka_unit_test(test_without_overall_only_counts),
        cmocka_unit_test(test_primacy_collinear_is_noted),
        cmocka_unit_test(test_demo_is_peak_end_shaped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
