/*
** test_survival.c: Kaplan-Meier and the log-rank test on the 6-MP
** leukaemia remission data (Freireich et al. 1963, as tabulated by Gehan
** 1965 and used in Kleinbaum & Klein, Survival Analysis, ch. 2), checked
** step by step by hand below and against the published survfit and
** survdiff output (S and Greenwood SE to 3-4 decimals; log-rank
** chi-square 16.79, O/E 9/19.25 and 21/10.75). Rows in time order
** (which are not sorted again) give exactly what rows in any order give.
** The ordered variants (survival_int.h: rows left in place, a group per
** row, -1 left out) give exactly the numbers of the public functions on
** the rows kept, on random data with many ties.
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
#include "stats/survival_int.h"

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* 6-MP group (+ = censored): 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+
** 22 23 25+ 32+ 32+ 34+ 35+. Placebo: 1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12
** 12 15 17 22 23 (all events). */
static const double T6[21] = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19,
                              20, 22, 23, 25, 32, 32, 34, 35};
static const int E6[21] = {1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0,
                           0, 1, 1, 0, 0, 0, 0, 0};
static const double TP[21] = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11,
                              11, 12, 12, 15, 17, 22, 23};

static void test_km_6mp(void **state)
{
    (void)state;
    mot_km *km;
    assert_int_equal(mot_km_fit(T6, E6, 21, &km, NULL), MOT_OK);
    /* Event times with (n at risk, events), by hand: 6 (21, 3), 7 (17, 1),
    ** 10 (15, 1), 13 (12, 1), 16 (11, 1), 22 (7, 1), 23 (6, 1). */
    const double et[7] = {6, 7, 10, 13, 16, 22, 23};
    const double nr[7] = {21, 17, 15, 12, 11, 7, 6};
    const double de[7] = {3, 1, 1, 1, 1, 1, 1};
    /* survfit(Surv(time, status) ~ 1) printed values. */
    const double pub_s[7] = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
    const double pub_se[7] = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141,
                              0.1282, 0.1346};
    double s = 1, gw = 0;
    size_t seen = 0;
    for (size_t i = 0; i < km->k; i++) {
        if (km->n_event[i] == 0)
            continue;
        assert_true(seen < 7);
        assert_abs(km->time[i], et[seen], 0);
        assert_abs(km->n_risk[i], nr[seen], 0);
        assert_abs(km->n_event[i], de[seen], 0);
        s *= 1 - de[seen] / nr[seen];
        gw += de[seen] / (nr[seen] * (nr[seen] - de[seen]));
        assert_abs(km->surv[i], s, 1e-14);
        assert_abs(km->se[i], s * sqrt(gw), 1e-14);
        assert_abs(km->surv[i], pub_s[seen], 5e-4);
        assert_abs(km->se[i], pub_se[seen], 5e-5);
        seen++;
    }
    assert_int_equal(seen, 7);
    /* Distinct times: 6 7 9 10 11 13 16 17 19 20 22 23 25 32 34 35. */
    assert_int_equal(km->k, 16);
    assert_abs(km->n_censor[0], 1, 0);
    assert_abs(mot_km_surv_at(km, 5.9), 1, 0);
    assert_abs(mot_km_surv_at(km, 12), 0.753, 5e-4);
    assert_abs(mot_km_surv_at(km, 100), 0.448, 5e-4);
    mot_km_free(km);

    /* Placebo: all events; S reaches 0 and its SE is undefined there. */
    int ep[21];
    for (int i = 0; i < 21; i++)
        ep[i] = 1;
    assert_int_equal(mot_km_fit(TP, ep, 21, &km, NULL), MOT_OK);
    assert_abs(km->surv[0], 19.0 / 21, 1e-15);
    assert_abs(km->surv[km->k - 1], 0, 0);
    assert_true(isnan(km->se[km->k - 1]));
    mot_km_free(km);
}

static void test_logrank_6mp(void **state)
{
    (void)state;
    double t[42];
    int e[42], g[42];
    for (int i = 0; i < 21; i++) {
        t[i] = T6[i];
        e[i] = E6[i];
        g[i] = 0;
        t[21 + i] = TP[i];
        e[21 + i] = 1;
        g[21 + i] = 1;
    }
    mot_logrank lr;
    assert_int_equal(mot_logrank_test(t, e, g, 42, &lr, NULL), MOT_OK);
    assert_abs(lr.n[0], 21, 0);
    assert_abs(lr.observed[0], 9, 0);
    assert_abs(lr.observed[1], 21, 0);
    assert_abs(lr.expected[0], 19.25, 0.005);
    assert_abs(lr.expected[1], 10.75, 0.005);
    assert_abs(lr.stat, 16.79, 0.005);
    assert_abs(lr.p, mot_chisq_sf(lr.stat, 1), 0);
    assert_true(lr.p < 5e-5 && lr.p > 3e-5);
    /* Swapping the groups changes nothing but the labels. */
    for (int i = 0; i < 42; i++)
        g[i] = 1 - g[i];
    mot_logrank lr2;
    assert_int_equal(mot_logrank_test(t, e, g, 42, &lr2, NULL), MOT_OK);
    assert_abs(lr2.stat, lr.stat, 1e-12);
    assert_abs(lr2.expected[1], lr.expected[0], 1e-12);
}

/* Both groups merged in time order (ties in a different order than a
** sort would leave them) against the rows in file order; KM on the 6-MP
** rows reversed against them in time order. */
static void test_order_does_not_matter(void **state)
{
    (void)state;
    double t[42], ts[42];
    int e[42], g[42], es[42], gs[42];
    for (int i = 0; i < 21; i++) {
        t[i] = T6[i];
        e[i] = E6[i];
        g[i] = 0;
        t[21 + i] = TP[i];
        e[21 + i] = 1;
        g[21 + i] = 1;
    }
    size_t k = 0;
    for (double v = 0; v <= 35; v++)       /* the times are whole days */
        for (int i = 41; i >= 0; i--)      /* ties from the last row back */
            if (t[i] == v) {
                ts[k] = t[i];
                es[k] = e[i];
                gs[k++] = g[i];
            }
    assert_int_equal(k, 42);
    mot_logrank a, b;
    assert_int_equal(mot_logrank_test(t, e, g, 42, &a, NULL), MOT_OK);
    assert_int_equal(mot_logrank_test(ts, es, gs, 42, &b, NULL), MOT_OK);
    assert_memory_equal(&a, &b, sizeof a);

    double tr[21];
    int er[21];
    for (int i = 0; i < 21; i++) {
        tr[i] = T6[20 - i];
        er[i] = E6[20 - i];
    }
    mot_km *x, *y;
    assert_int_equal(mot_km_fit(T6, E6, 21, &x, NULL), MOT_OK);
    assert_int_equal(mot_km_fit(tr, er, 21, &y, NULL), MOT_OK);
    assert_int_equal(x->k, y->k);
    assert_memory_equal(x->time, y->time, x->k * sizeof *x->time);
    assert_memory_equal(x->n_risk, y->n_risk, x->k * sizeof *x->n_risk);
    assert_memory_equal(x->n_event, y->n_event, x->k * sizeof *x->n_event);
    assert_memory_equal(x->surv, y->surv, x->k * sizeof *x->surv);
    assert_memory_equal(x->se, y->se, x->k * sizeof *x->se);
    mot_km_free(x);
    mot_km_free(y);
}

static void test_bad_input(void **state)
{
    (void)state;
    mot_km *km;
    mot_error err;
    const double t[3] = {1, -2, 3};
    const int e[3] = {1, 1, 0};
    assert_int_equal(mot_km_fit(t, e, 3, &km, &err), MOT_EDATA);
    assert_null(km);
    assert_non_null(strstr(err.message, "row 1"));
    const double tn[2] = {NAN, NAN};
    assert_int_equal(mot_km_fit(tn, e, 2, &km, &err), MOT_EDATA);
    const double t2[3] = {1, 2, 3};
    const int g[3] = {0, 0, 0};
    mot_logrank lr;
    assert_int_equal(mot_logrank_test(t2, e, g, 3, &lr, &err), MOT_EDATA);
    const int gb[3] = {0, 2, 1};
    assert_int_equal(mot_logrank_test(t2, e, gb, 3, &lr, &err), MOT_EDATA);
}

/* Random rows in time order (times on a coarse grid: many ties), groups
** -1, 0, 1: the ordered functions against the public ones on the rows
** kept, bit for bit. */
static void test_ordered_matches(void **state)
{
    (void)state;
    enum { N = 2000 };
    double t[N], kt[N];
    int e[N], g[N], ke[N];
    signed char g8[N];
    mot_rng r;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        mot_rng_seed(&r, seed);
        for (size_t i = 0; i < N; i++) {
            t[i] = (double)(size_t)(mot_rng_uniform(&r) * 300) / 4;
            e[i] = mot_rng_uniform(&r) < 0.4;
            double u = mot_rng_uniform(&r);
            g8[i] = (signed char)(u < 0.2 ? -1 : u < 0.6 ? 0 : 1);
        }
        for (size_t i = 1; i < N; i++)      /* insertion sort by time */
            for (size_t j = i; j > 0 && t[j - 1] > t[j]; j--) {
                double x = t[j];
                t[j] = t[j - 1];
                t[j - 1] = x;
            }
        size_t n = 0;
        for (size_t i = 0; i < N; i++)
            if (g8[i] >= 0) {
                kt[n] = t[i];
                ke[n] = e[i];
                g[n++] = g8[i];
            }
        mot_logrank a, b;
        assert_int_equal(mot_logrank_test(kt, ke, g, n, &a, NULL), MOT_OK);
        assert_int_equal(mot_logrank_ordered(t, e, g8, N, &b, NULL), MOT_OK);
        assert_memory_equal(&a, &b, sizeof a);
        for (int which = 0; which < 2; which++) {
            size_t k = 0;
            for (size_t i = 0; i < n; i++)
                if (g[i] == which) {
                    kt[k] = kt[i];  /* k <= i: in place */
                    ke[k++] = ke[i];
                }
            mot_km *km;
            assert_int_equal(mot_km_fit(kt, ke, k, &km, NULL), MOT_OK);
            double want = NAN;
            for (size_t i = 0; i < km->k && isnan(want); i++)
                if (km->surv[i] <= 0.5)
                    want = km->time[i];
            mot_km_free(km);
            double got = mot_km_median_ordered(t, e, g8, which, N);
            assert_memory_equal(&got, &want, sizeof got);
            /* kt, ke were overwritten: rebuild the kept rows */
            n = 0;
            for (size_t i = 0; i < N; i++)
                if (g8[i] >= 0) {
                    kt[n] = t[i];
                    ke[n] = e[i];
                    g[n++] = g8[i];
                }
        }
    }
    /* no row kept: NAN */
    assert_true(isnan(mot_km_median_ordered(T6, E6, NULL, 0, 0)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_km_6mp),
        cmocka_unit_test(test_logrank_6mp),
        cmocka_unit_test(test_order_does_not_matter),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_ordered_matches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
