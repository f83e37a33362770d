/*
** test_dist.c: distribution functions against closed forms (chi-square
** with 2 df is exponential: P = 1 - e^{-x/2}; t with 1 df is Cauchy:
** P = 1/2 + atan(t)/pi; F(1, n) at t^2 is 2 P_t(t) - 1; the normal CDF is
** erfc) and against standard table quantiles (as printed by R's qnorm,
** qchisq, qt, qf); Wilson and Wald intervals against Newcombe (1998,
** Stat. Med. 17:857-872), Table II, methods 1 and 3, and the Wilson upper
** limit for 0/n in closed form, z^2 / (n + z^2); the t interval of a mean
** against R's t.test.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "mot/stats.h"

#define PI 3.14159265358979323846

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

static void test_closed_forms(void **state)
{
    (void)state;
    for (double x = 0.1; x < 30; x *= 1.7) {
        assert_abs(mot_chisq_cdf(x, 2), 1 - exp(-x / 2), 1e-14);
        assert_abs(mot_chisq_sf(x, 2), exp(-x / 2), 1e-14 * exp(-x / 2) + 1e-300);
        assert_abs(mot_chisq_quantile(1 - exp(-x / 2), 2), x, 1e-9 * x);
    }
    for (double t = -20; t <= 20; t += 1.25) {
        assert_abs(mot_t_cdf(t, 1), 0.5 + atan(t) / PI, 1e-14);
        assert_abs(mot_norm_cdf(t / 4), 0.5 * erfc(-t / 4 / sqrt(2)), 1e-15);
        assert_abs(mot_norm_sf(t / 4), 0.5 * erfc(t / 4 / sqrt(2)), 1e-15);
        if (t > 0) {
            assert_abs(mot_f_cdf(t * t, 1, 7), 2 * mot_t_cdf(t, 7) - 1, 1e-13);
            assert_abs(mot_f_sf(t * t, 1, 7), 2 * mot_t_sf(t, 7), 1e-13);
        }
    }
    assert_abs(mot_norm_pdf(0), 1 / sqrt(2 * PI), 1e-16);
    assert_abs(mot_norm_sf(10), 7.619853024160527e-24, 1e-36);
}

static void test_table_quantiles(void **state)
{
    (void)state;
    assert_abs(mot_norm_quantile(0.975), 1.959963984540054, 1e-13);
    assert_abs(mot_norm_cdf(1.96), 0.9750021048517795, 1e-15);
    assert_abs(mot_chisq_quantile(0.95, 1), 3.841458820694124, 1e-9);
    assert_abs(mot_chisq_quantile(0.95, 10), 18.30703805327515, 1e-9);
    assert_abs(mot_chisq_cdf(3.841458820694124, 1), 0.95, 1e-13);
    assert_abs(mot_t_quantile(0.975, 10), 2.228138851986274, 1e-9);
    assert_abs(mot_t_quantile(0.975, 1), 12.70620473617471, 1e-8);
    assert_abs(mot_f_quantile(0.95, 2, 10), 4.102821015130399, 1e-8);
    /* where GSL's inverse returns NaN (R: qf(0.975, 11, 1900), qf(0.975,
    ** 1, 478); and the other tail of the first) */
    assert_abs(mot_f_quantile(0.975, 11, 1900), 1.99951523923822, 1e-10);
    assert_abs(mot_f_quantile(0.975, 1, 478), 5.05568877713994, 1e-10);
    assert_abs(mot_f_quantile(0.025, 11, 1900), 0.346414087582038, 1e-10);
    assert_abs(mot_f_quantile(0.975, 1900, 11), 2.88671862908339, 1e-10);
    /* never NaN over a grid of degrees of freedom, and the CDF at the
    ** quantile gives p back */
    for (double d1 = 1; d1 <= 40; d1 += 3)
        for (double d2 = 2; d2 <= 5000; d2 = d2 * 1.7 + 1)
            for (int k = 0; k < 2; k++) {
                double p = k ? 0.975 : 0.025, q = mot_f_quantile(p, d1, d2);
                assert_true(isfinite(q) && q > 0);
                assert_abs(gsl_cdf_fdist_P(q, d1, d2), p, 1e-9);
            }
    /* Edges and bad arguments. */
    assert_true(isinf(mot_norm_quantile(1)) && mot_norm_quantile(1) > 0);
    assert_true(isinf(mot_norm_quantile(0)) && mot_norm_quantile(0) < 0);
    assert_abs(mot_chisq_quantile(0, 3), 0, 0);
    assert_true(isnan(mot_norm_quantile(1.5)));
    assert_true(isnan(mot_chisq_cdf(1, 0)));
    assert_true(isnan(mot_t_quantile(0.5, -1)));
    assert_true(isnan(mot_f_quantile(0.5, 1, NAN)));
    assert_abs(mot_chisq_sf(-1, 3), 1, 0);
}

/* Newcombe (1998), Table II: 81/263, 15/148, 0/20, 1/29; method 1 (Wald)
** and method 3 (Wilson score), 4 decimals. */
static void test_proportion_intervals(void **state)
{
    (void)state;
    const double x[4] = {81, 15, 0, 1}, n[4] = {263, 148, 20, 29};
    const double wil[4][2] = {{0.2553, 0.3662}, {0.0624, 0.1605},
                              {0.0000, 0.1611}, {0.0061, 0.1718}};
    const double wal[4][2] = {{0.2522, 0.3638}, {0.0527, 0.1500},
                              {0.0000, 0.0000}, {0.0000, 0.1009}};
    double lo, hi;
    for (int i = 0; i < 4; i++) {
        assert_int_equal(mot_prop_wilson(x[i], n[i], 0.95, &lo, &hi), MOT_OK);
        assert_abs(lo, wil[i][0], 6e-5);
        assert_abs(hi, wil[i][1], 6e-5);
        assert_int_equal(mot_prop_wald(x[i], n[i], 0.95, &lo, &hi), MOT_OK);
        assert_abs(lo, wal[i][0], 6e-5); /* 1/29: Newcombe's -0.0320, clipped */
        assert_abs(hi, wal[i][1], 6e-5);
    }
    double z = 1.959963984540054;
    mot_prop_wilson(0, 20, 0.95, &lo, &hi);
    assert_abs(hi, z * z / (20 + z * z), 1e-14);
    assert_int_equal(mot_prop_wilson(3, 2, 0.95, &lo, &hi), MOT_EUSAGE);
    assert_int_equal(mot_prop_wilson(0, 0, 0.95, &lo, &hi), MOT_EUSAGE);
    assert_int_equal(mot_prop_wald(1, 2, 1, &lo, &hi), MOT_EUSAGE);
}

/* R 4.2: t.test(mtcars$mpg) gives [17.9176785087462, 22.2635714912538],
** conf.level = 0.9 [18.284178665509, 21.897071334491] (mean 20.090625,
** sd 6.0269480520891, n 32); t.test(c(1, 2)) gives -+6.35310236808735
** around 1.5 (t_{0.975,1} = 12.7062 times 0.5). */
static void test_mean_interval(void **state)
{
    (void)state;
    double lo, hi;
    const double m = 20.090625, sd = 6.0269480520891;
    assert_int_equal(mot_mean_t_interval(m, sd, 32, 0.95, &lo, &hi), MOT_OK);
    assert_abs(lo, 17.9176785087462, 1e-9);
    assert_abs(hi, 22.2635714912538, 1e-9);
    assert_int_equal(mot_mean_t_interval(m, sd, 32, 0.9, &lo, &hi), MOT_OK);
    assert_abs(lo, 18.284178665509, 1e-9);
    assert_abs(hi, 21.897071334491, 1e-9);
    assert_int_equal(mot_mean_t_interval(1.5, sqrt(0.5), 2, 0.95, &lo, &hi),
                     MOT_OK);
    assert_abs(lo, -4.85310236808735, 1e-9);
    assert_abs(hi, 7.85310236808735, 1e-9);
    /* zero spread: a point; too few or bad arguments: untouched */
    assert_int_equal(mot_mean_t_interval(3, 0, 5, 0.95, &lo, &hi), MOT_OK);
    assert_true(lo == 3 && hi == 3);
    lo = hi = -99;
    assert_int_equal(mot_mean_t_interval(3, 1, 1, 0.95, &lo, &hi), MOT_EUSAGE);
    assert_int_equal(mot_mean_t_interval(NAN, 1, 9, 0.95, &lo, &hi),
                     MOT_EUSAGE);
    assert_int_equal(mot_mean_t_interval(3, -1, 9, 0.95, &lo, &hi),
                     MOT_EUSAGE);
    assert_int_equal(mot_mean_t_interval(3, 1, 9, 1, &lo, &hi), MOT_EUSAGE);
    assert_true(lo == -99 && hi == -99);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closed_forms),
        cmocka_unit_test(test_table_quantiles),
        cmocka_unit_test(test_proportion_intervals),
        cmocka_unit_test(test_mean_interval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
