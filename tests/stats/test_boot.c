/*
** test_boot.c: the PRNG against published known-answer vectors
** (splitmix64 from 0: e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f;
** xoshiro256** from state {1,2,3,4}: the reference outputs used by the
** rand_xoshiro crate's tests), Poisson(1) frequencies against e^-1/k!,
** type-7 quantiles against R's quantile(1:10, ...) computed by hand, and
** a one-pass Poisson bootstrap of a mean whose spread matches
** sd/sqrt(n).
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "mot/stats.h"

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

static void test_known_answers(void **state)
{
    (void)state;
    mot_rng r;
    mot_rng_seed(&r, 0);
    assert_true(r.s[0] == 0xe220a8397b1dcdafu);
    assert_true(r.s[1] == 0x6e789e6aa1b965f4u);
    assert_true(r.s[2] == 0x06c45d188009454fu);
    const uint64_t want[10] = {
        11520u, 0u, 1509978240u, 1215971899390074240u,
        1216172134540287360u, 607988272756665600u, 16172922978634559625u,
        8476171486693032832u, 10595114339597558777u, 2904607092377533576u};
    r.s[0] = 1;
    r.s[1] = 2;
    r.s[2] = 3;
    r.s[3] = 4;
    for (int i = 0; i < 10; i++)
        assert_true(mot_rng_next(&r) == want[i]);
}

static void test_uniform_and_below(void **state)
{
    (void)state;
    mot_rng r;
    mot_rng_seed(&r, 2024);
    double s = 0;
    for (int i = 0; i < 100000; i++) {
        double u = mot_rng_uniform(&r);
        assert_true(u >= 0 && u < 1);
        s += u;
    }
    assert_abs(s / 100000, 0.5, 0.005);
    /* below(6): chi-square goodness of fit on 60000 draws, 5 df; the 0.999
    ** quantile is 20.52. */
    double c[6] = {0};
    for (int i = 0; i < 60000; i++) {
        uint64_t k = mot_rng_below(&r, 6);
        assert_true(k < 6);
        c[k]++;
    }
    double x2 = 0;
    for (int k = 0; k < 6; k++)
        x2 += (c[k] - 10000) * (c[k] - 10000) / 10000;
    assert_true(x2 < 20.52);
    assert_int_equal(mot_rng_below(&r, 1), 0);
    /* Same seed, same stream. */
    mot_rng a, b;
    mot_rng_seed(&a, 99);
    mot_rng_seed(&b, 99);
    for (int i = 0; i < 100; i++)
        assert_true(mot_rng_next(&a) == mot_rng_next(&b));
    /* A shuffle is a permutation. */
    double v[50];
    for (int i = 0; i < 50; i++)
        v[i] = i;
    mot_rng_shuffle(&a, v, 50);
    double sum = 0;
    int moved = 0;
    for (int i = 0; i < 50; i++) {
        sum += v[i];
        moved += v[i] != i;
    }
    assert_abs(sum, 49 * 50 / 2, 0);
    assert_true(moved > 30);
}

/* P(k) = e^-1 / k!: 0.367879, 0.367879, 0.183940, 0.061313, ... */
static void check_poisson1(const unsigned *draws, size_t n)
{
    double cnt[8] = {0}, s = 0, s2 = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned k = draws[i];
        cnt[k < 7 ? k : 7]++;
        s += k;
        s2 += (double)k * k;
    }
    double mean = s / n, var = s2 / n - mean * mean;
    assert_abs(mean, 1, 0.006);
    assert_abs(var, 1, 0.012);
    double pk = exp(-1);
    for (int k = 0; k < 5; k++) {
        double se = sqrt(pk * (1 - pk) / n);
        assert_abs(cnt[k] / n, pk, 5 * se);
        pk /= k + 1;
    }
}

static void test_poisson1(void **state)
{
    (void)state;
    enum { N = 400000 };
    unsigned *d = malloc(N * sizeof *d);
    mot_rng r;
    mot_rng_seed(&r, 7);
    for (size_t i = 0; i < N; i++)
        d[i] = mot_rng_poisson1(&r);
    check_poisson1(d, N);
    for (size_t i = 0; i < N; i++)
        d[i] = mot_boot_weight(11, i / 40, (uint32_t)(i % 40));
    check_poisson1(d, N);
    /* A pure function of (seed, row, replicate). */
    assert_int_equal(mot_boot_weight(11, 123, 4), mot_boot_weight(11, 123, 4));
    int differ = 0;
    for (uint32_t b = 0; b < 100; b++)
        differ += mot_boot_weight(11, 5, b) != mot_boot_weight(12, 5, b);
    assert_true(differ > 30);
    free(d);
}

/* R: quantile(1:10, c(0, .025, .5, .975, 1)) = 1, 1.225, 5.5, 9.775, 10
** (type 7: h = 9 p; 1 + 0.225 = 1.225). */
static void test_quantiles(void **state)
{
    (void)state;
    const double x[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assert_abs(mot_quantile_sorted(x, 10, 0), 1, 0);
    assert_abs(mot_quantile_sorted(x, 10, 0.025), 1.225, 1e-14);
    assert_abs(mot_quantile_sorted(x, 10, 0.5), 5.5, 1e-14);
    assert_abs(mot_quantile_sorted(x, 10, 0.975), 9.775, 1e-14);
    assert_abs(mot_quantile_sorted(x, 10, 1), 10, 0);
    assert_true(isnan(mot_quantile_sorted(x, 0, 0.5)));
    const double rep[12] = {7, 3, NAN, 10, 1, 9, 2, 8, 6, NAN, 5, 4};
    double lo, hi;
    size_t dropped;
    assert_int_equal(mot_boot_percentile(rep, 12, 0.95, &lo, &hi, &dropped), MOT_OK);
    assert_int_equal(dropped, 2);
    assert_abs(lo, 1.225, 1e-14);
    assert_abs(hi, 9.775, 1e-14);
    assert_int_equal(mot_boot_percentile(rep, 12, 1.5, &lo, &hi, NULL), MOT_EUSAGE);
    const double one[2] = {NAN, 3};
    assert_int_equal(mot_boot_percentile(one, 2, 0.9, &lo, &hi, NULL), MOT_EDATA);
}

/* One-pass Poisson bootstrap of a mean: every row streams once, feeding
** B weighted accumulators; the replicates' spread estimates the standard
** error sd/sqrt(n), and sharding the stream changes nothing. */
static void test_poisson_bootstrap_mean(void **state)
{
    (void)state;
    enum { N = 4000, B = 300 };
    mot_moments *rep[B], *half[B];
    for (int b = 0; b < B; b++) {
        assert_int_equal(mot_moments_new(1, &rep[b]), MOT_OK);
        assert_int_equal(mot_moments_new(1, &half[b]), MOT_OK);
    }
    mot_rng r;
    mot_rng_seed(&r, 5);
    double s = 0, s2 = 0;
    mot_moments *second[B];
    for (int b = 0; b < B; b++)
        mot_moments_new(1, &second[b]);
    for (uint64_t i = 0; i < N; i++) {
        double v = -log(1 - mot_rng_uniform(&r)) * 3; /* exponential, sd 3 */
        s += v;
        s2 += v * v;
        for (uint32_t b = 0; b < B; b++) {
            double w = mot_boot_weight(77, i, b);
            mot_moments_add(rep[b], &v, w);
            mot_moments_add(i % 2 ? half[b] : second[b], &v, w);
        }
    }
    double mean = s / N, sd = sqrt((s2 - N * mean * mean) / (N - 1));
    double m[B], ms = 0, ms2 = 0;
    for (int b = 0; b < B; b++) {
        mot_moments_mean(rep[b], &m[b]);
        double mh;
        mot_moments_merge(half[b], second[b]);
        mot_moments_mean(half[b], &mh);
        assert_abs(mh, m[b], 1e-12 * fabs(m[b]));
        ms += m[b];
        ms2 += m[b] * m[b];
    }
    double se_boot = sqrt((ms2 - ms * ms / B) / (B - 1));
    double se = sd / sqrt((double)N);
    print_message("bootstrap SE %.5f, sd/sqrt(n) %.5f\n", se_boot, se);
    /* The SD of B = 300 replicates has ~4% relative error. */
    assert_abs(se_boot / se, 1, 0.15);
    double lo, hi;
    assert_int_equal(mot_boot_percentile(m, B, 0.95, &lo, &hi, NULL), MOT_OK);
    assert_true(lo < mean && mean < hi);
    assert_abs((hi - lo) / (2 * 1.959964 * se), 1, 0.2);
    for (int b = 0; b < B; b++) {
        mot_moments_free(rep[b]);
        mot_moments_free(half[b]);
        mot_moments_free(second[b]);
    }
}

/* mot_quantile_ci_sorted finds its ranks by binary search on the binomial
** CDF; the plain scan over every k (the way the ranks are defined: l the
** last k + 1 with F(k) <= tail, u the first k + 1 with F(k) >= 1 - tail)
** must give the same ends and coverage. */
static void test_quantile_ci_ranks(void **state)
{
    (void)state;
    static const double probs[] = {0.05, 0.25, 0.5, 0.75, 0.9, 0.99};
    static const double levels[] = {0.8, 0.9, 0.95, 0.99};
    double *x = malloc(600 * sizeof *x);
    assert_non_null(x);
    for (size_t i = 0; i < 600; i++)
        x[i] = (double)i;       /* sorted[r - 1] = r - 1: the rank shows */
    for (size_t n = 1; n <= 600; n += n < 60 ? 1 : 37)
        for (size_t a = 0; a < sizeof probs / sizeof *probs; a++)
            for (size_t b = 0; b < sizeof levels / sizeof *levels; b++) {
                double tail = (1 - levels[b]) / 2, lo, hi, cov;
                size_t l = 0, u = 0;
                for (size_t k = 0; k < n; k++) {
                    double f = gsl_cdf_binomial_P((unsigned)k, probs[a],
                                                  (unsigned)n);
                    if (f <= tail)
                        l = k + 1;
                    if (!u && f >= 1 - tail)
                        u = k + 1;
                }
                assert_int_equal(mot_quantile_ci_sorted(x, n, probs[a],
                                                        levels[b], &lo, &hi,
                                                        &cov),
                                 MOT_OK);
                if (l)
                    assert_true(lo == (double)(l - 1));
                else
                    assert_true(isnan(lo));
                if (u)
                    assert_true(hi == (double)(u - 1));
                else
                    assert_true(isnan(hi));
            }
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_answers),
        cmocka_unit_test(test_uniform_and_below),
        cmocka_unit_test(test_poisson1),
        cmocka_unit_test(test_quantiles),
        cmocka_unit_test(test_poisson_bootstrap_mean),
        cmocka_unit_test(test_quantile_ci_ranks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
