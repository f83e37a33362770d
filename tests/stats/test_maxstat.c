/*
** test_maxstat.c: the change-point scan. Checks: the 2x2 chi-square by
** hand; a 10-row scan worked by hand; its permutation p against the exact
** permutation distribution enumerated here over all C(10,6) = 210
** outcome arrangements; the Miller-Siegmund formula against the published
** critical values of Lausen & Schumacher (1992), Table 2 (as shipped in
** R's maxstat, data/LausenTab2.txt); Miller-Siegmund against a 20000-
** permutation p on 2000 rows; a planted step recovered; the false
** positive rate on pure noise over 200 seeds; that the scan by groups
** of equal x (counted or sorted) and ordering the rows by counting give
** exactly the results of ordering them by qsort, permutation p-values
** included; and that a tally of the rows (maxstat_int.h) scans to the
** same numbers, and gives up where it must.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"
#include "stats/maxstat_int.h"
#include "stats/stats_int.h"

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* [10 40; 20 30]: N (ad - bc)^2 / (r1 r2 c1 c2) = 100 * 500^2 /
** (50 * 50 * 30 * 70) = 100/21. */
static void test_chisq_2x2(void **state)
{
    (void)state;
    assert_abs(mot_chisq_2x2(10, 40, 20, 30), 100.0 / 21, 1e-14);
    assert_abs(mot_chisq_2x2(5, 5, 5, 5), 0, 0);
    assert_true(isnan(mot_chisq_2x2(0, 0, 5, 5)));
    /* Large counts do not overflow. */
    assert_abs(mot_chisq_2x2(1e9, 4e9, 2e9, 3e9) / 1e10, 100.0 / 21 / 100, 1e-12);
}

/* x = 1..10, y = 0 0 0 1 0 1 1 1 1 1, at least 2 rows a side. By hand:
**   m=3: [0 3; 6 1] -> 10 * 18^2 / (3*7*6*4) = 6.4286
**   m=4: [1 3; 5 1] -> 10 * 14^2 / (4*6*6*4) = 3.4028
**   m=5: [1 4; 5 0] -> 10 * 20^2 / (5*5*6*4) = 6.6667  <- max
**   m=6: [2 4; 4 0] -> 10 * 16^2 / (6*4*6*4) = 4.4444
** so the cut is x <= 5, rates 1/5 below and 5/5 above. */
static const double X10[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
static const double Y10[10] = {0, 0, 0, 1, 0, 1, 1, 1, 1, 1};

static void test_hand_scan(void **state)
{
    (void)state;
    mot_maxstat_opts o;
    mot_maxstat_opts_default(&o);
    o.min_group = 2;
    o.min_prop = 0;
    mot_maxstat r;
    assert_int_equal(mot_maxstat_scan(X10, Y10, 10, &o, &r, NULL), MOT_OK);
    assert_true(r.found);
    assert_int_equal(r.cuts, 7);
    assert_abs(r.stat, 20.0 / 3, 1e-13);
    assert_abs(r.cut, 5, 0);
    assert_abs(r.cut_next, 6, 0);
    assert_int_equal(r.direction, 1);
    assert_abs(r.n_below, 5, 0);
    assert_abs(r.rate_below, 0.2, 1e-15);
    assert_abs(r.n_above, 5, 0);
    assert_abs(r.rate_above, 1, 0);
    assert_abs(r.eps_lo, 0.2, 1e-15);
    assert_abs(r.eps_hi, 0.8, 1e-15);
    assert_abs(r.p_raw, erfc(sqrt(20.0 / 3 / 2)), 1e-14);
    assert_abs(r.p_ms, mot_maxstat_pms(sqrt(20.0 / 3), 0.2, 0.8), 0);
    assert_true(isnan(r.p_perm));
    assert_abs(r.p, r.p_ms, 0);
    /* Reversed outcome: the same cut, direction -1. */
    double y2[10];
    for (int i = 0; i < 10; i++)
        y2[i] = 1 - Y10[i];
    assert_int_equal(mot_maxstat_scan(X10, y2, 10, &o, &r, NULL), MOT_OK);
    assert_int_equal(r.direction, -1);
    assert_abs(r.cut, 5, 0);
}

/* Max chi-square of an arrangement over the cuts m = 2..8 (test's own). */
static double max_chi(const int *y)
{
    double best = 0;
    int e = 0;
    for (int i = 0; i < 10; i++)
        e += y[i];
    for (int m = 2; m <= 8; m++) {
        int a = 0;
        for (int i = 0; i < m; i++)
            a += y[i];
        double s = mot_chisq_2x2(a, m - a, e - a, (10 - m) - (e - a));
        if (s > best)
            best = s;
    }
    return best;
}

/* The exact permutation p: every placement of the 6 events among 10. */
static void test_permutation_exact(void **state)
{
    (void)state;
    int ge = 0, total = 0;
    for (unsigned mask = 0; mask < 1024; mask++) {
        if (__builtin_popcount(mask) != 6)
            continue;
        int y[10];
        for (int i = 0; i < 10; i++)
            y[i] = (mask >> i) & 1;
        total++;
        if (max_chi(y) >= 20.0 / 3 - 1e-9)
            ge++;
    }
    assert_int_equal(total, 210);
    double exact = (double)ge / total;
    mot_maxstat_opts o;
    mot_maxstat_opts_default(&o);
    o.min_group = 2;
    o.min_prop = 0;
    o.perm = 40000;
    o.seed = 12345;
    mot_maxstat r;
    assert_int_equal(mot_maxstat_scan(X10, Y10, 10, &o, &r, NULL), MOT_OK);
    double se = sqrt(exact * (1 - exact) / o.perm);
    assert_abs(r.p_perm, exact, 4 * se + 1.0 / o.perm);
    assert_abs(r.p, r.p_perm, 0);
    /* Deterministic for a seed. */
    mot_maxstat r2;
    mot_maxstat_scan(X10, Y10, 10, &o, &r2, NULL);
    assert_abs(r2.p_perm, r.p_perm, 0);
}

/* Lausen & Schumacher (1992), Table 2: critical values b at alpha = .10,
** .05, .025, .01 for (eps_lo, eps_hi) = (.25,.75), (.4,.6), (.1,.9),
** (.4,.9), printed to 3 decimals. The approximation at b must give alpha
** (to the rounding of b: dp/db * 0.0005 is under 1% of alpha). */
static void test_lausen_schumacher_table2(void **state)
{
    (void)state;
    const double alpha[4] = {0.10, 0.05, 0.025, 0.01};
    const double eps[4][2] = {{0.25, 0.75}, {0.4, 0.6}, {0.1, 0.9}, {0.4, 0.9}};
    const double b[4][4] = {{2.539, 2.263, 2.784, 2.597},
                            {2.829, 2.560, 3.054, 2.883},
                            {3.088, 2.828, 3.297, 3.138},
                            {3.395, 3.149, 3.588, 3.442}};
    for (int a = 0; a < 4; a++)
        for (int e = 0; e < 4; e++) {
            double p = mot_maxstat_pms(b[a][e], eps[e][0], eps[e][1]);
            if (!(fabs(p - alpha[a]) < 0.01 * alpha[a]))
                fail_msg("eps (%g, %g), b %g: p %g, table alpha %g",
                         eps[e][0], eps[e][1], b[a][e], p, alpha[a]);
        }
    assert_abs(mot_maxstat_pms(0.9, 0.1, 0.9), 1, 0);
    assert_true(isnan(mot_maxstat_pms(3, 0, 0.9)));
}

/* 2000 distinct x, a mild step (rate .2 -> .245 after row 1200): Miller-
** Siegmund against 20000 permutations. The approximation is the limit
** for a continuum of cuts, so on a finite grid it is slightly
** conservative (about +3..10% of p here); we require p_perm <= p_ms
** within Monte-Carlo error and p_ms within 12% + 3 MC SE of p_perm. */
static void test_ms_against_permutation(void **state)
{
    (void)state;
    enum { N = 2000 };
    static double x[N], y[N];
    mot_rng r;
    mot_rng_seed(&r, 777 + 11);
    for (int i = 0; i < N; i++) {
        x[i] = i;
        y[i] = mot_rng_uniform(&r) < (i > 1200 ? 0.245 : 0.2);
    }
    mot_maxstat_opts o;
    mot_maxstat_opts_default(&o);
    o.perm = 20000;
    o.seed = 3;
    mot_maxstat m;
    assert_int_equal(mot_maxstat_scan(x, y, N, &o, &m, NULL), MOT_OK);
    double se = sqrt(m.p_perm * (1 - m.p_perm) / o.perm);
    print_message("p_ms %.5f p_perm %.5f (se %.5f) p_lau94 %.5f\n", m.p_ms,
                  m.p_perm, se, m.p_lau94);
    assert_true(m.p_perm > 0.005 && m.p_perm < 0.1);
    assert_true(m.p_ms >= m.p_perm - 3 * se);
    assert_true(m.p_ms <= 1.12 * m.p_perm + 3 * se);
    /* The Bonferroni-type Lau94 bound is an upper bound too. */
    assert_true(m.p_lau94 >= m.p_perm - 3 * se);
}

/* A planted step: churn 10% up to x = 60, 50% above. */
static void test_planted_step(void **state)
{
    (void)state;
    enum { N = 300 };
    double x[N], y[N];
    mot_rng r;
    mot_rng_seed(&r, 42);
    for (int i = 0; i < N; i++) {
        x[i] = round(mot_rng_uniform(&r) * 1000) / 10;
        y[i] = mot_rng_uniform(&r) < (x[i] <= 60 ? 0.1 : 0.5);
    }
    x[7] = NAN;
    mot_maxstat_opts o;
    mot_maxstat_opts_default(&o);
    o.perm = 199;
    mot_maxstat m;
    assert_int_equal(mot_maxstat_scan(x, y, N, &o, &m, NULL), MOT_OK);
    assert_true(m.found);
    assert_int_equal(m.rows, N - 1);
    assert_int_equal(m.skipped, 1);
    assert_true(m.cut >= 57 && m.cut <= 63);
    assert_int_equal(m.direction, 1);
    assert_true(m.rate_below < 0.16 && m.rate_above > 0.4);
    assert_true(m.p_ms < 1e-6);
    assert_abs(m.p_perm, 1.0 / 200, 0);
}

/* Pure noise: the adjusted p is below .05 in at most ~8% of 200 seeds
** (expected 5% or fewer; the raw p would be far more often). */
static void test_noise_false_positives(void **state)
{
    (void)state;
    enum { N = 200, SEEDS = 200 };
    int fp_ms = 0, fp_perm = 0, fp_raw = 0, found = 0;
    for (int s = 0; s < SEEDS; s++) {
        double x[N], y[N];
        mot_rng r;
        mot_rng_seed(&r, 1000 + (uint64_t)s);
        for (int i = 0; i < N; i++) {
            x[i] = mot_rng_uniform(&r);
            y[i] = mot_rng_uniform(&r) < 0.3;
        }
        mot_maxstat_opts o;
        mot_maxstat_opts_default(&o);
        o.perm = 199;
        o.seed = (uint64_t)s;
        mot_maxstat m;
        assert_int_equal(mot_maxstat_scan(x, y, N, &o, &m, NULL), MOT_OK);
        found += m.found;
        fp_ms += m.p_ms < 0.05;
        fp_perm += m.p_perm <= 0.05;
        fp_raw += m.p_raw < 0.05;
    }
    print_message("false positives of %d: raw %d, MS %d, permutation %d\n",
                  SEEDS, fp_raw, fp_ms, fp_perm);
    assert_int_equal(found, SEEDS);
    assert_true(fp_ms <= 0.08 * SEEDS);
    assert_true(fp_perm <= 0.08 * SEEDS);
    assert_true(fp_raw > fp_ms);
}

static void test_edge_cases(void **state)
{
    (void)state;
    mot_maxstat m;
    mot_error err;
    /* Constant outcome, and too few distinct x: no cut, not an error. */
    const double x[6] = {1, 2, 3, 4, 5, 6}, y0[6] = {0, 0, 0, 0, 0, 0};
    assert_int_equal(mot_maxstat_scan(x, y0, 6, NULL, &m, NULL), MOT_OK);
    assert_false(m.found);
    assert_true(isnan(m.p));
    const double xs[6] = {1, 1, 1, 1, 1, 2}, y1[6] = {0, 1, 0, 1, 0, 1};
    assert_int_equal(mot_maxstat_scan(xs, y1, 6, NULL, &m, NULL), MOT_OK);
    assert_false(m.found);
    assert_int_equal(m.cuts, 0);
    const double yb[6] = {0, 1, 2, 1, 0, 1};
    assert_int_equal(mot_maxstat_scan(x, yb, 6, NULL, &m, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "row 2"));
    mot_maxstat_opts o;
    mot_maxstat_opts_default(&o);
    o.min_prop = 0.7;
    assert_int_equal(mot_maxstat_scan(x, y1, 6, &o, &m, &err), MOT_EUSAGE);
}

/* Fail unless a and b are the same result, bit for bit (NAN = NAN). */
static void assert_same_scan(const mot_maxstat *a, const mot_maxstat *b)
{
    const double da[] = {a->cut, a->cut_next, a->n_below, a->events_below,
                         a->rate_below, a->n_above, a->events_above,
                         a->rate_above, a->stat, a->p_raw, a->p_ms,
                         a->p_lau94, a->p_perm, a->p, a->eps_lo, a->eps_hi};
    const double db[] = {b->cut, b->cut_next, b->n_below, b->events_below,
                         b->rate_below, b->n_above, b->events_above,
                         b->rate_above, b->stat, b->p_raw, b->p_ms,
                         b->p_lau94, b->p_perm, b->p, b->eps_lo, b->eps_hi};
    assert_int_equal(a->found, b->found);
    assert_int_equal(a->direction, b->direction);
    assert_int_equal(a->cuts, b->cuts);
    assert_int_equal(a->rows, b->rows);
    assert_int_equal(a->skipped, b->skipped);
    for (size_t i = 0; i < sizeof da / sizeof *da; i++)
        if (!(isnan(da[i]) && isnan(db[i])) &&
            memcmp(&da[i], &db[i], sizeof da[i]) != 0)
            fail_msg("field %zu: %.17g against %.17g", i, da[i], db[i]);
}

/* x with k distinct values (k up to 300: counting up to 256, sorting
** above; 1000 and 2999 with values of every sign and few ties), some NAN x
** and y, a step in the churn rate: the scan by groups of equal x gives the
** numbers of the scan by rows in qsort order. Every scan also with 50
** permutations (by rows, counting or qsort), whose shuffles start from the
** order of ties. */
static void test_counting_matches_qsort(void **state)
{
    (void)state;
    static const size_t ks[] = {2, 5, 11, 30, 255, 256, 257, 300, 1000, 2999};
    enum { N = 3000 };
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    assert_non_null(x);
    assert_non_null(y);
    for (size_t c = 0; c < sizeof ks / sizeof *ks; c++) {
        mot_rng r;
        mot_rng_seed(&r, 99 + c);
        for (size_t i = 0; i < N; i++) {
            double u = mot_rng_uniform(&r);
            x[i] = (double)(size_t)(u * (double)ks[c]) / 2 - 3;
            if (ks[c] > 300)    /* a scale that is not a multiple of 1/2 */
                x[i] = (x[i] + 1) * 1.37e-3;
            y[i] = mot_rng_uniform(&r) < (u < 0.3 ? 0.4 : 0.2);
            if (i % 97 == 0)
                x[i] = NAN;
            if (i % 89 == 0)
                y[i] = NAN;
        }
        for (unsigned perm = 0; perm <= 50; perm += 50) {
            mot_maxstat_opts o;
            mot_maxstat_opts_default(&o);
            o.perm = perm;
            o.seed = 5;
            mot_maxstat a, b;
            assert_int_equal(mot_maxstat_scan(x, y, N, &o, &a, NULL), MOT_OK);
            assert_int_equal(mot_maxstat_scan_qsort(x, y, N, &o, &b, NULL),
                             MOT_OK);
            assert_true(a.found);
            assert_same_scan(&a, &b);
        }
    }
    /* -0 equals 0: ordered by qsort, with its ties, and reported as met */
    for (size_t i = 0; i < N; i++)
        x[i] = i % 7 == 0 ? -0.0 : (double)(i % 5);
    mot_maxstat a, b;
    assert_int_equal(mot_maxstat_scan(x, y, N, NULL, &a, NULL), MOT_OK);
    assert_int_equal(mot_maxstat_scan_qsort(x, y, N, NULL, &b, NULL), MOT_OK);
    assert_same_scan(&a, &b);
    free(x);
    free(y);
}

/* Rows counted one by one in a tally scan to what mot_maxstat_scan gives
** on the same rows; a tally gives up past 256 values, on an infinite x, a
** y not 0/1 or a -0, and refuses a permutation test. */
static void test_tally_matches_scan(void **state)
{
    (void)state;
    static const size_t ks[] = {2, 7, 40, 256, 257};
    enum { N = 3000 };
    double x[N], y[N];
    for (size_t c = 0; c < sizeof ks / sizeof *ks; c++) {
        mot_rng r;
        mot_rng_seed(&r, 7 + c);
        mot_maxstat_tally t;
        mot_maxstat_tally_init(&t);
        for (size_t i = 0; i < N; i++) {
            double u = mot_rng_uniform(&r);
            x[i] = (double)(size_t)(u * (double)ks[c]) - 20;
            y[i] = mot_rng_uniform(&r) < (u < 0.6 ? 0.3 : 0.1);
            if (i % 53 == 0)
                x[i] = NAN;
            if (i % 71 == 0)
                y[i] = NAN;
            mot_maxstat_tally_add(&t, x[i], y[i]);
        }
        mot_maxstat a, b;
        assert_int_equal(mot_maxstat_scan(x, y, N, NULL, &a, NULL), MOT_OK);
        if (ks[c] > MOT_TALLY_MAX) {
            assert_false(t.ok);
            assert_int_equal(mot_maxstat_tally_scan(&t, NULL, &b, NULL),
                             MOT_EUSAGE);
            continue;
        }
        assert_true(t.ok);
        assert_int_equal(mot_maxstat_tally_scan(&t, NULL, &b, NULL), MOT_OK);
        assert_true(a.found);
        assert_same_scan(&a, &b);
        mot_maxstat_opts o;
        mot_maxstat_opts_default(&o);
        o.perm = 10;
        assert_int_equal(mot_maxstat_tally_scan(&t, &o, &b, NULL),
                         MOT_EUSAGE);
    }
    /* a constant outcome and too few rows: found = 0, as the scan */
    mot_maxstat_tally t;
    mot_maxstat_tally_init(&t);
    mot_maxstat b;
    mot_maxstat_tally_add(&t, 1, 0);
    assert_int_equal(mot_maxstat_tally_scan(&t, NULL, &b, NULL), MOT_OK);
    assert_false(b.found);
    mot_maxstat_tally_add(&t, 2, 0);
    assert_int_equal(mot_maxstat_tally_scan(&t, NULL, &b, NULL), MOT_OK);
    assert_false(b.found);
    assert_int_equal(b.rows, 2);
    /* giving up */
    static const double bad[][2] = {{INFINITY, 0}, {1, 2}, {-0.0, 1}};
    for (size_t i = 0; i < 3; i++) {
        mot_maxstat_tally_init(&t);
        assert_true(mot_maxstat_tally_add(&t, 1, 0));
        assert_false(mot_maxstat_tally_add(&t, bad[i][0], bad[i][1]));
        assert_false(mot_maxstat_tally_add(&t, 1, 1));
        assert_false(t.ok);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chisq_2x2),
        cmocka_unit_test(test_hand_scan),
        cmocka_unit_test(test_permutation_exact),
        cmocka_unit_test(test_lausen_schumacher_table2),
        cmocka_unit_test(test_ms_against_permutation),
        cmocka_unit_test(test_planted_step),
        cmocka_unit_test(test_noise_false_positives),
        cmocka_unit_test(test_edge_cases),
        cmocka_unit_test(test_counting_matches_qsort),
        cmocka_unit_test(test_tally_matches_scan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
