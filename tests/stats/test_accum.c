/*
** test_accum.c: the mergeable accumulators (mot_moments, mot_counts,
** mot_irls): hand-computed small cases, merging shards equals one pass
** (1e-12 relative), agreement with an independent two-pass computation in
** long double, serialize -> deserialize round trips, and rejection of
** truncated, foreign and wrong-version buffers with MOT_EDATA.
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

static void assert_rel(double got, double want, double tol)
{
    double d = fabs(got - want), s = fmax(fabs(want), 1e-300);
    if (!(d <= tol * s || d <= tol))
        fail_msg("got %.17g, want %.17g (rel tol %g)", got, want, tol);
}

/* x = 1,2,3,4 and y = 2,4,5,9 by hand: means 2.5 and 5; deviations
** (-1.5,-.5,.5,1.5) and (-3,-1,0,4); Sxx = 5, Syy = 26, Sxy = 11; sample
** covariances 5/3, 26/3, 11/3; r = 11 / sqrt(5 * 26). */
static void test_moments_hand(void **state)
{
    (void)state;
    mot_moments *m;
    assert_int_equal(mot_moments_new(2, &m), MOT_OK);
    const double rows[4][2] = {{1, 2}, {2, 4}, {3, 5}, {4, 9}};
    for (int i = 0; i < 4; i++)
        assert_int_equal(mot_moments_add(m, rows[i], 1), MOT_OK);
    double mean[2], cov[4], corr[4], c[4];
    assert_int_equal(mot_moments_mean(m, mean), MOT_OK);
    assert_rel(mean[0], 2.5, 1e-15);
    assert_rel(mean[1], 5, 1e-15);
    mot_moments_comoment(m, c);
    assert_rel(c[0], 5, 1e-15);
    assert_rel(c[1], 11, 1e-15);
    assert_rel(c[3], 26, 1e-15);
    assert_int_equal(mot_moments_cov(m, cov, 1), MOT_OK);
    assert_rel(cov[0], 5.0 / 3, 1e-15);
    assert_rel(cov[1], 11.0 / 3, 1e-15);
    assert_rel(cov[2], 11.0 / 3, 1e-15);
    assert_rel(cov[3], 26.0 / 3, 1e-15);
    assert_int_equal(mot_moments_cov(m, cov, 0), MOT_OK);
    assert_rel(cov[0], 5.0 / 4, 1e-15);
    assert_int_equal(mot_moments_corr(m, corr), MOT_OK);
    assert_rel(corr[1], 11 / sqrt(5.0 * 26), 1e-15);
    assert_rel(corr[0], 1, 0);
    mot_moments_free(m);
}

/* A weight of 2 counts a row twice; NAN rows are skipped whole. */
static void test_moments_weights_and_missing(void **state)
{
    (void)state;
    mot_moments *a, *b;
    assert_int_equal(mot_moments_new(2, &a), MOT_OK);
    assert_int_equal(mot_moments_new(2, &b), MOT_OK);
    const double r1[2] = {1, 7}, r2[2] = {4, -2}, r3[2] = {2.5, 3};
    const double miss[2] = {NAN, 1};
    mot_moments_add(a, r1, 2);
    mot_moments_add(a, r2, 1);
    mot_moments_add(a, r3, 3);
    mot_moments_add(a, miss, 1);
    mot_moments_add(a, r1, 0);
    for (int i = 0; i < 2; i++)
        mot_moments_add(b, r1, 1);
    mot_moments_add(b, r2, 1);
    for (int i = 0; i < 3; i++)
        mot_moments_add(b, r3, 1);
    assert_int_equal(mot_moments_skipped(a), 1);
    assert_int_equal(mot_moments_rows(a), 4);
    assert_rel(mot_moments_weight(a), 6, 0);
    double ca[4], cb[4];
    mot_moments_cov(a, ca, 1);
    mot_moments_cov(b, cb, 1);
    for (int i = 0; i < 4; i++)
        assert_rel(ca[i], cb[i], 1e-14);
    /* Bad input is rejected and leaves the state alone. */
    const double inf[2] = {INFINITY, 0};
    assert_int_equal(mot_moments_add(a, r1, -1), MOT_EDATA);
    assert_int_equal(mot_moments_add(a, r1, NAN), MOT_EDATA);
    assert_int_equal(mot_moments_add(a, inf, 1), MOT_EDATA);
    assert_int_equal(mot_moments_rows(a), 4);
    /* A constant variable gets NAN correlations. */
    mot_moments *k;
    mot_moments_new(2, &k);
    const double c1[2] = {5, 1}, c2[2] = {5, 2};
    mot_moments_add(k, c1, 1);
    mot_moments_add(k, c2, 1);
    double r[4];
    assert_int_equal(mot_moments_corr(k, r), MOT_OK);
    assert_true(isnan(r[0]) && isnan(r[1]) && isnan(r[2]));
    assert_rel(r[3], 1, 0);
    mot_moments_free(k);
    mot_moments_free(a);
    mot_moments_free(b);
    assert_int_equal(mot_moments_new(0, &a), MOT_EUSAGE);
    assert_null(a);
}

/* A deterministic data set, row i, variable j, around an offset: 100
** (well conditioned) or 1e6 (stressing cancellation: a spread of ~10 on
** 1e6 leaves ~11 significant digits in each deviation). */
static double offset = 100;

static double datum(size_t i, size_t j)
{
    double u = sin((double)(i * 7 + j * 13) * 0.61803) * 10;
    double v = cos((double)(i * 3 + 1) * 1.4142) * 3;
    return offset * (double)(j + 1) + u + (j % 2 ? v : -v) + (double)(i % 17);
}

#define NROW 5000
#define P 5

/* Merging 7 uneven shards (in a tree) equals one pass to 1e-12 relative
** on well-conditioned data; both agree with a long-double two-pass
** computation to 1e-12 (offset 100) or 1e-9 (offset 1e6, where the data
** themselves carry only ~11 digits of their deviations). */
static void merge_case(double off, double tol_merge, double tol_ref)
{
    offset = off;
    mot_moments *one, *shard[7];
    assert_int_equal(mot_moments_new(P, &one), MOT_OK);
    for (int s = 0; s < 7; s++)
        assert_int_equal(mot_moments_new(P, &shard[s]), MOT_OK);
    /* Uneven shards: row i goes to shard (i * i) % 7, a few to none. */
    for (size_t i = 0; i < NROW; i++) {
        double x[P];
        for (size_t j = 0; j < P; j++)
            x[j] = datum(i, j);
        if (i % 97 == 5)
            x[i % P] = NAN;
        double w = 1 + (double)(i % 4) * 0.5;
        assert_int_equal(mot_moments_add(one, x, w), MOT_OK);
        assert_int_equal(mot_moments_add(shard[(i * i) % 7], x, w), MOT_OK);
    }
    /* Merge as a tree: (0+1) + (2+3), then the rest into it. */
    mot_moments_merge(shard[0], shard[1]);
    mot_moments_merge(shard[2], shard[3]);
    mot_moments_merge(shard[0], shard[2]);
    for (int s = 4; s < 7; s++)
        mot_moments_merge(shard[0], shard[s]);
    assert_int_equal(mot_moments_rows(shard[0]), mot_moments_rows(one));
    assert_int_equal(mot_moments_skipped(shard[0]), mot_moments_skipped(one));
    double m1[P], m2[P], c1[P * P], c2[P * P];
    mot_moments_mean(one, m1);
    mot_moments_mean(shard[0], m2);
    mot_moments_comoment(one, c1);
    mot_moments_comoment(shard[0], c2);
    for (int j = 0; j < P; j++)
        assert_rel(m2[j], m1[j], 1e-14);
    for (int j = 0; j < P * P; j++)
        assert_rel(c2[j], c1[j], tol_merge);

    /* Independent check: two passes in long double. */
    long double sw = 0, mean[P] = {0}, cm[P][P] = {{0}};
    for (size_t i = 0; i < NROW; i++) {
        if (i % 97 == 5)
            continue;
        long double w = 1 + (long double)(i % 4) * 0.5L;
        sw += w;
        for (size_t j = 0; j < P; j++)
            mean[j] += w * (long double)datum(i, j);
    }
    for (size_t j = 0; j < P; j++)
        mean[j] /= sw;
    for (size_t i = 0; i < NROW; i++) {
        if (i % 97 == 5)
            continue;
        long double w = 1 + (long double)(i % 4) * 0.5L;
        for (size_t a = 0; a < P; a++)
            for (size_t b = 0; b < P; b++)
                cm[a][b] += w * ((long double)datum(i, a) - mean[a]) *
                            ((long double)datum(i, b) - mean[b]);
    }
    for (size_t a = 0; a < P; a++) {
        assert_rel(m1[a], (double)mean[a], 1e-14);
        for (size_t b = 0; b < P; b++)
            assert_rel(c1[a * P + b], (double)cm[a][b], tol_ref);
    }
    mot_moments_free(one);
    for (int s = 0; s < 7; s++)
        mot_moments_free(shard[s]);
    offset = 100;
}

static void test_moments_merge_equals_one_pass(void **state)
{
    (void)state;
    merge_case(100, 1e-12, 1e-12);
    merge_case(1e6, 1e-10, 1e-9);
}

static void test_moments_serialize(void **state)
{
    (void)state;
    mot_moments *m, *back;
    mot_moments_new(3, &m);
    for (size_t i = 0; i < 100; i++) {
        double x[3] = {datum(i, 0), datum(i, 1), i % 10 == 0 ? NAN : datum(i, 2)};
        mot_moments_add(m, x, 1.5);
    }
    size_t len = 0;
    assert_int_equal(mot_moments_serialize(m, NULL, 0, &len), MOT_ELIMIT);
    assert_int_equal(len, 8 + 8 * (4 + 3 + 6));
    unsigned char *buf = malloc(len), *buf2 = malloc(len);
    size_t len2;
    assert_int_equal(mot_moments_serialize(m, buf, len - 1, &len2), MOT_ELIMIT);
    assert_int_equal(mot_moments_serialize(m, buf, len, &len2), MOT_OK);
    assert_int_equal(len2, len);
    assert_memory_equal(buf, "MOMS\x01\0\0\0", 8);
    assert_int_equal(mot_moments_deserialize(buf, len, &back, NULL), MOT_OK);
    assert_int_equal(mot_moments_serialize(back, buf2, len, &len2), MOT_OK);
    assert_memory_equal(buf, buf2, len);
    assert_int_equal(mot_moments_rows(back), 90);
    assert_int_equal(mot_moments_skipped(back), 10);
    /* The restored state keeps accumulating like the original. */
    double x[3] = {1, 2, 3};
    mot_moments_add(m, x, 1);
    mot_moments_add(back, x, 1);
    double c1[9], c2[9];
    mot_moments_comoment(m, c1);
    mot_moments_comoment(back, c2);
    assert_memory_equal(c1, c2, sizeof c1);
    mot_moments_free(back);

    mot_error err;
    assert_int_equal(mot_moments_deserialize(buf, len - 1, &back, &err), MOT_EDATA);
    assert_null(back);
    assert_int_equal(mot_moments_deserialize(buf, 5, &back, &err), MOT_EDATA);
    assert_int_equal(mot_moments_deserialize(buf, 0, &back, &err), MOT_EDATA);
    buf[4] = 2;
    assert_int_equal(mot_moments_deserialize(buf, len, &back, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "version 2"));
    buf[4] = 1;
    buf[0] = 'X';
    assert_int_equal(mot_moments_deserialize(buf, len, &back, &err), MOT_EDATA);
    buf[0] = 'M';
    /* A negative variance inside is corrupt. */
    double neg = -1;
    memcpy(buf + 8 + 8 * (4 + 3), &neg, 8);
    assert_int_equal(mot_moments_deserialize(buf, len, &back, &err), MOT_EDATA);
    free(buf);
    free(buf2);
    mot_moments_free(m);
}

/* Groups (50 rows, 10 events) and (50, 20): the 2x2 chi-square by hand is
** 100 (10*30 - 40*20)^2 / (50*50*30*70) = 100/21 = 4.7619...; its
** chi-square(1) p-value is 0.029096 (erfc(sqrt(X2/2))). */
static void test_counts(void **state)
{
    (void)state;
    mot_counts *a, *b, *back;
    assert_int_equal(mot_counts_new(3, &a), MOT_OK);
    assert_int_equal(mot_counts_new(3, &b), MOT_OK);
    for (int i = 0; i < 50; i++) {
        mot_counts *c = i % 3 ? a : b;
        assert_int_equal(mot_counts_add(c, 0, i < 10, 1), MOT_OK);
        assert_int_equal(mot_counts_add(c, 2, i < 20, 1), MOT_OK);
    }
    assert_int_equal(mot_counts_add(a, 3, 1, 1), MOT_EUSAGE);
    assert_int_equal(mot_counts_add(a, 0, 2, 1), MOT_EUSAGE);
    assert_int_equal(mot_counts_add(a, 0, 1, -1), MOT_EDATA);
    assert_int_equal(mot_counts_merge(a, b), MOT_OK);
    double n, e, x2, df, p;
    mot_counts_get(a, 2, &n, &e);
    assert_rel(n, 50, 0);
    assert_rel(e, 20, 0);
    assert_int_equal(mot_counts_chisq(a, &x2, &df, &p), MOT_OK);
    assert_rel(x2, 100.0 / 21, 1e-14);
    assert_rel(df, 1, 0);
    assert_rel(p, erfc(sqrt(x2 / 2)), 1e-12);
    assert_rel(p, 0.0290963, 1e-5);

    size_t len;
    unsigned char buf[256];
    assert_int_equal(mot_counts_serialize(a, buf, sizeof buf, &len), MOT_OK);
    assert_int_equal(len, 8 + 8 + 16 * 3);
    assert_int_equal(mot_counts_deserialize(buf, len, &back, NULL), MOT_OK);
    mot_counts_get(back, 0, &n, &e);
    assert_rel(n, 50, 0);
    assert_rel(e, 10, 0);
    mot_counts_free(back);
    assert_int_equal(mot_counts_deserialize(buf, len - 8, &back, NULL), MOT_EDATA);
    buf[4] = 9;
    assert_int_equal(mot_counts_deserialize(buf, len, &back, NULL), MOT_EDATA);
    /* A moments state is not a counts state. */
    memcpy(buf, "MOMS", 4);
    buf[4] = 1;
    assert_int_equal(mot_counts_deserialize(buf, len, &back, NULL), MOT_EDATA);
    mot_counts_free(a);
    mot_counts_free(b);
}

/* IRLS sums: shards merge to the one-pass sums, and X'WX, the score and
** the deviance at beta = 0 are, by hand, X'X/4, X'(y - 1/2) and
** 2 n log 2. */
static void test_irls_merge_and_serialize(void **state)
{
    (void)state;
    mot_irls *one, *s1, *s2, *back;
    const double beta[3] = {0.3, -0.02, 0.5};
    assert_int_equal(mot_irls_new(3, beta, &one), MOT_OK);
    mot_irls_new(3, beta, &s1);
    mot_irls_new(3, beta, &s2);
    for (size_t i = 0; i < 400; i++) {
        double x[3] = {1, datum(i, 0) - 1e6, sin((double)i)};
        double y = (i * 7919) % 3 == 0;
        double w = i % 5 ? 1 : 2;
        if (i == 17)
            x[2] = NAN;
        assert_int_equal(mot_irls_add(one, x, y, w), MOT_OK);
        assert_int_equal(mot_irls_add(i % 3 ? s1 : s2, x, y, w), MOT_OK);
    }
    assert_int_equal(mot_irls_merge(s1, s2), MOT_OK);
    double h1[9], h2[9], u1[3], u2[3];
    mot_irls_xtwx(one, h1);
    mot_irls_xtwx(s1, h2);
    mot_irls_score(one, u1);
    mot_irls_score(s1, u2);
    for (int i = 0; i < 9; i++)
        assert_rel(h2[i], h1[i], 1e-12);
    for (int i = 0; i < 3; i++)
        assert_rel(u2[i], u1[i], 1e-12);
    assert_rel(mot_irls_deviance(s1), mot_irls_deviance(one), 1e-12);
    assert_int_equal(mot_irls_skipped(s1), 1);
    /* X'Wz = H beta + U. */
    double z[3];
    mot_irls_xtwz(one, z);
    for (int i = 0; i < 3; i++) {
        double s = u1[i];
        for (int j = 0; j < 3; j++)
            s += h1[i * 3 + j] * beta[j];
        assert_rel(z[i], s, 1e-12);
    }

    size_t len;
    assert_int_equal(mot_irls_serialize(one, NULL, 0, &len), MOT_ELIMIT);
    unsigned char *buf = malloc(len);
    assert_int_equal(mot_irls_serialize(one, buf, len, &len), MOT_OK);
    assert_int_equal(mot_irls_deserialize(buf, len, &back, NULL), MOT_OK);
    mot_irls_xtwx(back, h2);
    assert_memory_equal(h1, h2, sizeof h1);
    assert_memory_equal(mot_irls_beta(back), beta, sizeof beta);
    mot_irls_free(back);
    assert_int_equal(mot_irls_deserialize(buf, len - 1, &back, NULL), MOT_EDATA);
    buf[4] = 0;
    assert_int_equal(mot_irls_deserialize(buf, len, &back, NULL), MOT_EDATA);
    free(buf);

    /* Different beta: merging is refused. */
    mot_irls *other;
    mot_irls_new(3, NULL, &other);
    assert_int_equal(mot_irls_merge(one, other), MOT_EUSAGE);

    /* Hand values at beta = 0 (mu = 1/2, w v = 1/4). */
    const double xs[4][2] = {{1, 2}, {1, -1}, {1, 3}, {1, 0}};
    const double ys[4] = {1, 0, 1, 1};
    for (int i = 0; i < 4; i++)
        mot_irls_add(other, (const double[3]){xs[i][0], xs[i][1], 0}, ys[i], 1);
    double h[9], u[3];
    mot_irls_xtwx(other, h);
    mot_irls_score(other, u);
    assert_rel(h[0], 4 * 0.25, 1e-15);
    assert_rel(h[1], (2 - 1 + 3 + 0) * 0.25, 1e-15);
    assert_rel(h[4], (4 + 1 + 9 + 0) * 0.25, 1e-15);
    assert_rel(u[0], 0.5 - 0.5 + 0.5 + 0.5, 1e-15);
    assert_rel(u[1], 2 * 0.5 + (-1) * (-0.5) + 3 * 0.5 + 0, 1e-15);
    assert_rel(mot_irls_deviance(other), 8 * log(2.0), 1e-15);
    assert_int_equal(mot_irls_add(other, xs[0], 1.5, 1), MOT_EDATA);
    mot_irls_free(other);
    mot_irls_free(one);
    mot_irls_free(s1);
    mot_irls_free(s2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_moments_hand),
        cmocka_unit_test(test_moments_weights_and_missing),
        cmocka_unit_test(test_moments_merge_equals_one_pass),
        cmocka_unit_test(test_moments_serialize),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_irls_merge_and_serialize),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
