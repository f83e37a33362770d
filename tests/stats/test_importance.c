/*
** test_importance.c: R^2 from a correlation matrix, LMG/Shapley, Johnson's
** relative weights and Pratt, against METHODS-NOTES §5: the two-predictor
** hand case [V], the swiss and mtcars relaimpo values [V, C] to 1e-9, the
** weighted swiss LMG values [C]; plus the subset R^2 of the bordering walk
** against GSL's Cholesky solve, the closed forms for uncorrelated
** predictors, and rejection of constant and collinear predictors.
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
#include "csvnum.h"

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* r12 = 0.5, ry1 = 0.6, ry2 = 0.4: R^2 = (.36 + .16 - 2 .6 .4 .5)/(1 - .25)
** = 0.28/0.75; LMG_1 = (r1^2 + R^2 - r2^2)/2 = 0.286667, LMG_2 = 0.086667. */
static void test_two_predictor_hand_case(void **state)
{
    (void)state;
    const double rxx[4] = {1, 0.5, 0.5, 1}, rxy[2] = {0.6, 0.4};
    double lmg[2], rw[2], r2, r2b;
    assert_int_equal(mot_importance_lmg(rxx, rxy, 2, lmg, &r2, NULL), MOT_OK);
    assert_abs(r2, 0.28 / 0.75, 1e-15);
    assert_abs(lmg[0], (0.36 + 0.28 / 0.75 - 0.16) / 2, 1e-15);
    assert_abs(lmg[1], (0.16 + 0.28 / 0.75 - 0.36) / 2, 1e-15);
    assert_abs(lmg[0], 0.286667, 5e-7);
    assert_abs(lmg[1], 0.086667, 5e-7);
    /* Johnson's weights equal LMG when p = 2. */
    assert_int_equal(mot_importance_rw(rxx, rxy, 2, rw, &r2b, NULL), MOT_OK);
    assert_abs(r2b, r2, 1e-14);
    assert_abs(rw[0], lmg[0], 1e-14);
    assert_abs(rw[1], lmg[1], 1e-14);
}

/* Uncorrelated predictors: every measure is r^2. */
static void test_uncorrelated(void **state)
{
    (void)state;
    const double rxx[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    const double rxy[3] = {0.5, -0.3, 0.1};
    double lmg[3], rw[3], pr[3], beta[3], r2;
    assert_int_equal(mot_importance_lmg(rxx, rxy, 3, lmg, &r2, NULL), MOT_OK);
    assert_int_equal(mot_importance_rw(rxx, rxy, 3, rw, NULL, NULL), MOT_OK);
    assert_int_equal(mot_importance_pratt(rxx, rxy, 3, beta, pr, NULL, NULL), MOT_OK);
    assert_abs(r2, 0.25 + 0.09 + 0.01, 1e-15);
    for (int j = 0; j < 3; j++) {
        assert_abs(lmg[j], rxy[j] * rxy[j], 1e-15);
        assert_abs(rw[j], rxy[j] * rxy[j], 1e-14);
        assert_abs(pr[j], rxy[j] * rxy[j], 1e-15);
        assert_abs(beta[j], rxy[j], 1e-15);
    }
}

/* Correlation matrix of the columns `cols` of an n x k table (outcome
** first in cols), with weights w (NULL = 1), split into rxx and rxy. */
static void corr_of(const double *t, size_t n, size_t k, const size_t *cols,
                    size_t m, const double *w, double *rxx, double *rxy)
{
    mot_moments *acc;
    assert_int_equal(mot_moments_new(m, &acc), MOT_OK);
    double row[16], corr[256];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < m; j++)
            row[j] = t[i * k + cols[j]];
        assert_int_equal(mot_moments_add(acc, row, w ? w[i] : 1), MOT_OK);
    }
    assert_int_equal(mot_moments_corr(acc, corr), MOT_OK);
    assert_int_equal(mot_corr_split(corr, m, 0, rxx, rxy), MOT_OK);
    mot_moments_free(acc);
}

static const size_t SWISS_ALL[6] = {0, 1, 2, 3, 4, 5};

static void test_swiss(void **state)
{
    (void)state;
    double *t = csvnum_read(MOT_TEST_DATA "/swiss.csv", 47, 6);
    double rxx[25], rxy[5], lmg[5], rw[5], pr[5], beta[5], r2, r2rw, r2pr;
    corr_of(t, 47, 6, SWISS_ALL, 6, NULL, rxx, rxy);
    assert_int_equal(mot_importance_lmg(rxx, rxy, 5, lmg, &r2, NULL), MOT_OK);
    assert_abs(r2, 0.706735001593, 1e-12);
    const double want_lmg[5] = {0.0570912207681, 0.1711730289002,
                                0.2601346786244, 0.1055701503735,
                                0.1127659229265};
    const double want_first[5] = {0.124664909906, 0.417164470501,
                                  0.440615646724, 0.215003501619,
                                  0.173518927325};
    const double want_beta[5] = {-0.312921282500, -0.164778222539,
                                 -0.670400780106, 0.347600028144,
                                 0.251135976299};
    const double want_pratt[5] = {-0.1104859910, 0.1064274043, 0.4450045676,
                                  0.1611768150, 0.1046122056};
    const double want_rw[5] = {0.048416895812, 0.154708249806,
                               0.271964104646, 0.114680029948,
                               0.116965721381};
    for (int j = 0; j < 5; j++) {
        assert_abs(lmg[j], want_lmg[j], 1e-9);
        assert_abs(lmg[j] / r2, want_lmg[j] / 0.706735001593, 1e-9);
        assert_abs(rxy[j] * rxy[j], want_first[j], 1e-11);
    }
    assert_int_equal(mot_importance_rw(rxx, rxy, 5, rw, &r2rw, NULL), MOT_OK);
    assert_int_equal(mot_importance_pratt(rxx, rxy, 5, beta, pr, &r2pr, NULL), MOT_OK);
    assert_abs(r2rw, 0.706735001593, 1e-12);
    assert_abs(r2pr, 0.706735001593, 1e-12);
    double s = 0;
    for (int j = 0; j < 5; j++) {
        assert_abs(rw[j], want_rw[j], 1e-9);
        assert_abs(beta[j], want_beta[j], 1e-11);
        assert_abs(pr[j], want_pratt[j], 1e-9);
        s += lmg[j];
    }
    assert_abs(s, r2, 1e-14);
    free(t);
}

/* Which weights reproduce the published weighted R^2? w_i = 1 + (i mod 3)
** with i the 1-based row index, as R's 1 + (seq_len(47) %% 3) gives
** (2, 3, 1, 2, 3, 1, ...): R^2 = 0.694332891423. The 0-based reading
** (1, 2, 3, ...) gives 0.7237... and does not. */
static void test_swiss_weighted(void **state)
{
    (void)state;
    double *t = csvnum_read(MOT_TEST_DATA "/swiss.csv", 47, 6);
    double w0[47], w1[47];
    for (int i = 0; i < 47; i++) {
        w0[i] = 1 + (i % 3);
        w1[i] = 1 + ((i + 1) % 3);
    }
    double rxx[25], rxy[5], lmg[5], r2, r2b;
    corr_of(t, 47, 6, SWISS_ALL, 6, w0, rxx, rxy);
    assert_int_equal(mot_importance_lmg(rxx, rxy, 5, lmg, &r2b, NULL), MOT_OK);
    print_message("0-based R2 %.12f\n", r2b);
    assert_true(fabs(r2b - 0.694332891423) > 1e-4);
    corr_of(t, 47, 6, SWISS_ALL, 6, w1, rxx, rxy);
    assert_int_equal(mot_importance_lmg(rxx, rxy, 5, lmg, &r2, NULL), MOT_OK);
    assert_abs(r2, 0.694332891423, 1e-12);
    const double want[5] = {0.0518208063017, 0.1549452302086,
                            0.2559770835712, 0.1019573530969,
                            0.1296324182449};
    for (int j = 0; j < 5; j++)
        assert_abs(lmg[j], want[j], 1e-9);
    free(t);
}

/* mtcars, mpg ~ cyl + disp + hp + gear (columns 0, 1, 2, 3, 9). */
static void test_mtcars(void **state)
{
    (void)state;
    double *t = csvnum_read(MOT_TEST_DATA "/mtcars.csv", 32, 11);
    const size_t cols[5] = {0, 1, 2, 3, 9};
    double rxx[16], rxy[4], lmg[4], rw[4], r2, r2rw;
    corr_of(t, 32, 11, cols, 5, NULL, rxx, rxy);
    assert_int_equal(mot_importance_lmg(rxx, rxy, 4, lmg, &r2, NULL), MOT_OK);
    assert_int_equal(mot_importance_rw(rxx, rxy, 4, rw, &r2rw, NULL), MOT_OK);
    assert_abs(r2, 0.779189638983, 1e-12);
    assert_abs(r2rw, 0.779189638983, 1e-12);
    const double want_rw[4] = {0.228479725928, 0.222146870540,
                               0.232174439299, 0.096388603215};
    const double want_pct[4] = {29.3227, 28.5100, 29.7969, 12.3704};
    const double want_lmg[4] = {0.2470520332352, 0.2434995947956,
                                0.2109128995443, 0.0777251114079};
    for (int j = 0; j < 4; j++) {
        assert_abs(rw[j], want_rw[j], 1e-9);
        assert_abs(100 * rw[j] / r2, want_pct[j], 5e-5);
        assert_abs(lmg[j], want_lmg[j], 1e-9);
    }
    free(t);
}

/* Every subset's R^2 from the bordering walk (visible through LMG of
** sub-problems) equals GSL's Cholesky solve; checked by recomputing LMG
** from mot_regress_r2 over all subsets of 6 swiss-like predictors. */
static void test_lmg_against_direct_subsets(void **state)
{
    (void)state;
    double *t = csvnum_read(MOT_TEST_DATA "/mtcars.csv", 32, 11);
    const size_t cols[7] = {0, 1, 2, 3, 4, 5, 6}; /* mpg ~ cyl..qsec */
    const size_t p = 6;
    double rxx[36], rxy[6], lmg[6], r2;
    corr_of(t, 32, 11, cols, 7, NULL, rxx, rxy);
    assert_int_equal(mot_importance_lmg(rxx, rxy, p, lmg, &r2, NULL), MOT_OK);
    double r2s[64];
    size_t sub[6];
    for (unsigned m = 0; m < 64; m++) {
        size_t k = 0;
        for (size_t j = 0; j < p; j++)
            if (m & (1u << j))
                sub[k++] = j;
        assert_int_equal(mot_regress_r2(rxx, rxy, p, sub, k, &r2s[m], NULL, NULL), MOT_OK);
    }
    const double fact[7] = {1, 1, 2, 6, 24, 120, 720};
    for (size_t j = 0; j < p; j++) {
        double s = 0;
        for (unsigned m = 0; m < 64; m++) {
            if (m & (1u << j))
                continue;
            int k = __builtin_popcount(m);
            s += fact[k] * fact[p - k - 1] / fact[p] * (r2s[m | (1u << j)] - r2s[m]);
        }
        assert_abs(lmg[j], s, 1e-13);
    }
    assert_abs(r2, r2s[63], 1e-13);
    free(t);
}

static void test_rejects_bad_predictors(void **state)
{
    (void)state;
    mot_error err;
    double lmg[3];
    /* Predictor 1 is constant: NAN row from mot_moments_corr. */
    const double c1[9] = {1, NAN, 0.2, NAN, NAN, NAN, 0.2, NAN, 1};
    const double y1[3] = {0.3, NAN, 0.1};
    assert_int_equal(mot_importance_lmg(c1, y1, 3, lmg, NULL, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "predictor 1"));
    /* Predictor 2 = predictor 0 + predictor 1 (scaled): collinear. */
    double a = 0.3, r02 = (1 + a) / sqrt(2 + 2 * a), r12 = r02;
    const double c2[9] = {1, a, r02, a, 1, r12, r02, r12, 1};
    const double y2[3] = {0.3, 0.2, 0.35};
    assert_int_equal(mot_importance_lmg(c2, y2, 3, lmg, NULL, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "predictor 2"));
    assert_int_equal(mot_importance_rw(c2, y2, 3, lmg, NULL, &err), MOT_EDATA);
    assert_int_equal(mot_importance_pratt(c2, y2, 3, NULL, lmg, NULL, &err), MOT_EDATA);
    double r2;
    const size_t all[3] = {0, 1, 2};
    assert_int_equal(mot_regress_r2(c2, y2, 3, all, 3, &r2, NULL, &err), MOT_EDATA);
    const size_t bad[1] = {3};
    assert_int_equal(mot_regress_r2(c2, y2, 3, bad, 1, &r2, NULL, &err), MOT_EUSAGE);
    /* Too many predictors for exact LMG. */
    double big[16 * 16], by[16], bl[16];
    for (int i = 0; i < 16; i++) {
        by[i] = 0.1;
        for (int j = 0; j < 16; j++)
            big[i * 16 + j] = i == j;
    }
    assert_int_equal(mot_importance_lmg(big, by, 16, bl, NULL, &err), MOT_ELIMIT);
    /* ... but 15 is fine, and Johnson has no limit. */
    double b15[15 * 15];
    for (int i = 0; i < 15; i++)
        for (int j = 0; j < 15; j++)
            b15[i * 15 + j] = i == j;
    assert_int_equal(mot_importance_lmg(b15, by, 15, bl, &r2, &err), MOT_OK);
    assert_abs(r2, 15 * 0.01, 1e-14);
    assert_int_equal(mot_importance_rw(big, by, 16, bl, &r2, &err), MOT_OK);
    assert_abs(r2, 16 * 0.01, 1e-14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_predictor_hand_case),
        cmocka_unit_test(test_uncorrelated),
        cmocka_unit_test(test_swiss),
        cmocka_unit_test(test_swiss_weighted),
        cmocka_unit_test(test_mtcars),
        cmocka_unit_test(test_lmg_against_direct_subsets),
        cmocka_unit_test(test_rejects_bad_predictors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
