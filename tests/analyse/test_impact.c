/*
** test_impact.c: importance of the touchpoints for the overall score.
**
**  - the METHODS-NOTES §5 hand case as a 3-touchpoint project: scores and
**    overall built from orthogonal (Walsh) vectors so that r12 = .5,
**    ry1 = .6, ry2 = .4 and a third touchpoint orthogonal to both with
**    ry3 = .3: LMG = 0.286667, 0.086667 [V] and 0.09 (= r^2, orthogonal),
**    R^2 = 0.28/0.75 + 0.09;
**  - missing ratings: the centred mean imputation and LMG recomputed here
**    from the raw rows by a second implementation (imputation, two-pass
**    correlations, subset R^2 by Gaussian elimination, the Shapley sum
**    written out);
**  - the batched one-pass Poisson bootstrap: its interval width against
**    the delta-method standard error of r^2, 2 rho (1 - rho^2) / sqrt(n),
**    with and without batching; the same result on 1 and 3 threads;
**  - the demo projects: the planted end and negative moments carry the
**    importance, the unplanted touchpoints next to none;
**  - NPS standing in for a missing overall score, and the notes.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "projutil.h"
#include "analyse/shared.h"

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

static const char *BLUEPRINT3 = "id,name,stage\nT1,咨询,售前\nT2,开通,售中\n"
                                "T3,报修,售后\n";

static void options(mot_analyse_options *o, unsigned boot, size_t min_group)
{
    mot_analyse_options_default(o);
    o->bootstrap = boot;
    o->min_group = min_group;
    o->threads = 2;
}

/* Walsh function k (a column of the 16 x 16 Hadamard matrix) at row i. */
static double walsh(unsigned k, unsigned i)
{
    return __builtin_popcount(k & i) % 2 ? -1 : 1;
}

static void test_hand_case(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("impact_hand");
    pu_text ev, cu;
    pu_text_open(&ev);
    pu_text_open(&cu);
    fprintf(ev.f, "customer_id,time,touchpoint,score\n");
    fprintf(cu.f, "customer_id,overall\n");
    double s75 = sqrt(0.75), a2 = (0.4 - 0.3) / s75;
    double a4 = sqrt(1 - 0.36 - a2 * a2 - 0.09);
    for (unsigned i = 0; i < 16; i++) {
        double w1 = walsh(1, i), w2 = walsh(2, i), w3 = walsh(4, i),
               w4 = walsh(8, i);
        double x[3] = {3 + w1, 3 + 0.5 * w1 + s75 * w2, 3 + w3};
        for (int t = 0; t < 3; t++)
            fprintf(ev.f, "C%02u,2026-01-0%d,T%d,%.17g\n", i, t + 1, t + 1,
                    x[t]);
        fprintf(cu.f, "C%02u,%.17g\n", i,
                3 + 0.6 * w1 + a2 * w2 + 0.3 * w3 + a4 * w4);
    }
    pu_text_write(&ev, dir, "events.csv");
    pu_text_write(&cu, dir, "customers.csv");
    tu_write(dir, "blueprint.csv", BLUEPRINT3, (size_t)-1);
    mot_analyse_options o;
    options(&o, 20, 5);
    pu_run u;
    pu_analyse(&u, dir, &o);
    const mot_analysis *a = u.a;
    /* scores and overall are stored as floats: 1e-6 */
    assert_abs(a->tp[0].importance, 0.28666666666666667, 1e-6);
    assert_abs(a->tp[1].importance, 0.08666666666666667, 1e-6);
    assert_abs(a->tp[2].importance, 0.09, 1e-6);
    assert_abs(a->overall_r2, 0.28 / 0.75 + 0.09, 1e-6);
    assert_string_equal(a->importance_method, "lmg");
    assert_string_equal(a->overall_outcome, "overall");
    assert_string_equal(a->interval_method,
                        "percentile Poisson bootstrap (20)");
    assert_int_equal(a->overall_n, 16);
    pu_free(&u);
}

/* ---- a second implementation, for the missing-ratings case -------------- */

/* R^2 of y on the predictors in mask, from the correlation matrix c (4 x
** 4, y last), by Gaussian elimination on R_SS b = r_S. */
static double r2_subset(const double c[4][4], unsigned mask)
{
    double m[3][4];
    int idx[3], k = 0;
    for (int j = 0; j < 3; j++)
        if (mask & (1u << j))
            idx[k++] = j;
    for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++)
            m[i][j] = c[idx[i]][idx[j]];
        m[i][k] = c[idx[i]][3];
    }
    for (int i = 0; i < k; i++)
        for (int r = i + 1; r < k; r++) {
            double f = m[r][i] / m[i][i];
            for (int j = i; j <= k; j++)
                m[r][j] -= f * m[i][j];
        }
    double b[3], r2 = 0;
    for (int i = k - 1; i >= 0; i--) {
        b[i] = m[i][k];
        for (int j = i + 1; j < k; j++)
            b[i] -= m[i][j] * b[j];
        b[i] /= m[i][i];
        r2 += b[i] * c[idx[i]][3];
    }
    return r2;
}

/* LMG of 3 predictors: the Shapley sum written out. */
static void lmg3(const double c[4][4], double *lmg)
{
    static const double wt[3] = {1.0 / 3, 1.0 / 6, 1.0 / 3};  /* |S| = 0,1,2 */
    for (int j = 0; j < 3; j++) {
        lmg[j] = 0;
        for (unsigned s = 0; s < 8; s++) {
            if (s & (1u << j))
                continue;
            int k = __builtin_popcount(s);
            lmg[j] += wt[k] * (r2_subset(c, s | (1u << j)) - r2_subset(c, s));
        }
    }
}

/* A deterministic generator for the data (an LCG; any will do). */
static unsigned lcg(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7fff;
}

static void test_missing_ratings(void **state)
{
    (void)state;
    enum { N = 150 };
    static double x[N][3], y[N];
    static int rated[N][3];
    const char *dir = tu_tmpdir("impact_missing");
    pu_text ev, cu;
    pu_text_open(&ev);
    pu_text_open(&cu);
    fprintf(ev.f, "customer_id,time,touchpoint,score\n");
    fprintf(cu.f, "customer_id,overall\n");
    unsigned s = 7;
    for (int i = 0; i < N; i++) {
        double lin = 0;
        for (int t = 0; t < 3; t++) {
            x[i][t] = 1 + lcg(&s) % 5;
            rated[i][t] = (int)(lcg(&s) % 10) < 6 - 2 * t;   /* 60%, 40%, 20% */
            if (rated[i][t])
                fprintf(ev.f, "C%03d,2026-01-0%d,T%d,%g\n", i, t + 1, t + 1,
                        x[i][t]);
            else    /* met, not rated */
                fprintf(ev.f, "C%03d,2026-01-0%d,T%d,\n", i, t + 1, t + 1);
            lin += (t + 1) * 0.25 * x[i][t];
        }
        y[i] = 0.25 * (double)(int)(4 * (lin + (lcg(&s) % 9) * 0.25));
        if (i % 10 == 9)
            fprintf(cu.f, "C%03d,\n", i);   /* no overall: left out */
        else
            fprintf(cu.f, "C%03d,%.2f\n", i, y[i]);
    }
    pu_text_write(&ev, dir, "events.csv");
    pu_text_write(&cu, dir, "customers.csv");
    tu_write(dir, "blueprint.csv", BLUEPRINT3, (size_t)-1);

    /* the expected values: imputation centred at the raters' mean among
    ** the customers with an overall score, then correlations */
    double v[N][4], mu[3] = {0}, cnt[3] = {0}, c[4][4], mean[4] = {0};
    int n = 0;
    for (int i = 0; i < N; i++)
        for (int t = 0; t < 3 && i % 10 != 9; t++)
            if (rated[i][t]) {
                mu[t] += x[i][t];
                cnt[t]++;
            }
    for (int t = 0; t < 3; t++)
        mu[t] /= cnt[t];
    for (int i = 0; i < N; i++) {
        if (i % 10 == 9)
            continue;
        for (int t = 0; t < 3; t++)
            v[n][t] = rated[i][t] ? x[i][t] - mu[t] : 0;
        v[n][3] = y[i];
        for (int k = 0; k < 4; k++)
            mean[k] += v[n][k];
        n++;
    }
    for (int k = 0; k < 4; k++)
        mean[k] /= n;
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++) {
            c[a][b] = 0;
            for (int i = 0; i < n; i++)
                c[a][b] += (v[i][a] - mean[a]) * (v[i][b] - mean[b]);
        }
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++)
            if (a != b)
                c[a][b] /= sqrt(c[a][a] * c[b][b]);
    for (int a = 0; a < 4; a++)
        c[a][a] = 1;
    double want[3];
    lmg3(c, want);

    mot_analyse_options o;
    options(&o, 50, 20);
    pu_run u;
    pu_analyse(&u, dir, &o);
    for (int t = 0; t < 3; t++) {
        assert_abs(u.a->tp[t].importance, want[t], 1e-9);
        assert_true(u.a->tp[t].importance_lo <= u.a->tp[t].importance_hi);
    }
    assert_abs(u.a->overall_r2, r2_subset(c, 7), 1e-9);
    assert_int_equal(u.a->overall_n, n);
    /* the planted order: T3 weighs most per point but is rated least */
    assert_true(want[0] > 0 && want[1] > 0 && want[2] > 0);
    pu_free(&u);

    /* too few raters of T3: left out, noted, the others still estimated */
    o.min_group = 30;
    pu_analyse(&u, dir, &o);
    assert_true(isnan(u.a->tp[2].importance));
    assert_true(pu_note(&u, "T3: rated by"));
    assert_true(u.a->tp[0].importance > 0);
    pu_free(&u);
}

/* ---- the bootstrap behind the intervals --------------------------------- */

typedef struct bv_ctx {
    double *x, *y;
} bv_ctx;

static int bv_row(const void *ctx, size_t i, double *const *vals)
{
    const bv_ctx *c = ctx;
    vals[0][0] = c->x[i];
    vals[0][1] = c->y[i];
    return 1;
}

static void bv_stat(const void *ctx, mot_moments *const *acc, double *out)
{
    (void)ctx;
    double r[4];
    out[0] = mot_moments_corr(acc[0], r) == MOT_OK ? r[1] * r[1] : NAN;
}

/* Rows with correlation rho = 0.5 (Box-Muller normals). */
static void bv_data(bv_ctx *c, size_t n, uint64_t seed)
{
    mot_rng r;
    mot_rng_seed(&r, seed);
    c->x = malloc(n * sizeof *c->x);
    c->y = malloc(n * sizeof *c->y);
    for (size_t i = 0; i < n; i++) {
        double u1 = mot_rng_uniform(&r) + 1e-300, u2 = mot_rng_uniform(&r);
        double u3 = mot_rng_uniform(&r) + 1e-300, u4 = mot_rng_uniform(&r);
        double z1 = sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
        double z2 = sqrt(-2 * log(u3)) * cos(6.283185307179586 * u4);
        c->x[i] = z1;
        c->y[i] = 0.5 * z1 + sqrt(0.75) * z2;
    }
}

/* The interval of r^2 over n rows, reps replicates, at most maxb batches,
** on `threads` threads. */
static void bv_run(const bv_ctx *c, size_t n, size_t maxb, unsigned threads,
                   mot_boot_out *bo)
{
    size_t dim = 2;
    mot_boot_job job = {n, 1, &dim, 1, bv_row, bv_stat, c, 400, 9, threads,
                        0.95, maxb};
    mot_boot *b;
    assert_int_equal(mot_boot_pass(&job, &b), MOT_OK);
    assert_int_equal(mot_boot_stats(b, bo), MOT_OK);
    mot_boot_free(b);
}

static void test_bootstrap(void **state)
{
    (void)state;
    static const size_t sizes[] = {3000, 20000};
    for (int k = 0; k < 2; k++) {
        size_t n = sizes[k];
        bv_ctx c;
        bv_data(&c, n, 100 + k);
        mot_boot_out one, three;
        bv_run(&c, n, 0, 1, &one);
        bv_run(&c, n, 0, 3, &three);
        assert_int_equal(one.batches, n < MOT_BOOT_BATCHES ? n
                                                          : MOT_BOOT_BATCHES);
        /* threads do not change anything */
        assert_true(one.est[0] == three.est[0] && one.lo[0] == three.lo[0] &&
                    one.hi[0] == three.hi[0]);
        /* delta method: SE(r^2) = 2 rho (1 - rho^2) / sqrt(n) at the
        ** estimated rho */
        double rho = sqrt(one.est[0]);
        double se = 2 * rho * (1 - rho * rho) / sqrt((double)n);
        double width = (one.hi[0] - one.lo[0]) / (2 * 1.959963984540054);
        if (!(fabs(width / se - 1) < 0.2))
            fail_msg("n %zu: bootstrap SE %g, delta-method SE %g", n, width,
                     se);
        assert_true(one.lo[0] < one.est[0] && one.est[0] < one.hi[0]);
        assert_int_equal(one.failed, 0);
        mot_boot_out_free(&one);
        mot_boot_out_free(&three);
        free(c.x);
        free(c.y);
    }
}

/* ---- the demo projects --------------------------------------------------- */

typedef struct planted {
    const char *scenario, *neg, *end;
    const char *unplanted[5];
} planted;

static void test_demo(void **state)
{
    (void)state;
    static const planted sc[] = {
        {"telecom", "T06", "T14", {"T01", "T05", "T08", NULL}},
        {"rail", "R10", "R13", {"R01", "R02", "R12", NULL}},
        {"property", "P03", "P14", {"P01", "P05", "P09", "P10", "P11"}},
        {"hotel", "H05", "H11", {"H01", "H09", NULL}},
    };
    mot_analyse_options o;
    options(&o, 50, 30);
    for (size_t s = 0; s < sizeof sc / sizeof sc[0]; s++) {
        pu_run u;
        pu_demo(&u, sc[s].scenario, 2000, 3, &o);
        const mot_tp_result *neg = &u.a->tp[pu_tp(&u, sc[s].neg)];
        const mot_tp_result *end = &u.a->tp[pu_tp(&u, sc[s].end)];
        double sum = 0;
        for (size_t t = 0; t < u.a->ntp; t++)
            sum += isnan(u.a->tp[t].importance) ? 0 : u.a->tp[t].importance;
        assert_abs(sum, u.a->overall_r2, 1e-9);
        assert_true(end->importance > neg->importance);
        for (int k = 0; k < 5 && sc[s].unplanted[k]; k++) {
            const mot_tp_result *r = &u.a->tp[pu_tp(&u, sc[s].unplanted[k])];
            if (!(r->importance < 0.01 &&
                  r->importance_hi < neg->importance_lo))
                fail_msg("%s %s: importance %g [%g, %g] vs %s from %g",
                         sc[s].scenario, sc[s].unplanted[k], r->importance,
                         r->importance_lo, r->importance_hi, sc[s].neg,
                         neg->importance_lo);
        }
        pu_free(&u);
    }
}

/* NPS stands in for a missing overall; without either, a note. */
static void test_outcomes(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("impact_nps");
    pu_text ev, cu;
    pu_text_open(&ev);
    pu_text_open(&cu);
    fprintf(ev.f, "customer_id,time,touchpoint,score\n");
    fprintf(cu.f, "customer_id,nps\n");
    unsigned s = 3;
    for (int i = 0; i < 60; i++) {
        int x = 1 + (int)(lcg(&s) % 5);
        fprintf(ev.f, "C%02d,2026-01-01,T1,%d\n", i, x);
        fprintf(cu.f, "C%02d,%d\n", i, x + (int)(lcg(&s) % 6));
    }
    pu_text_write(&ev, dir, "events.csv");
    pu_text_write(&cu, dir, "customers.csv");
    tu_write(dir, "blueprint.csv", BLUEPRINT3, (size_t)-1);
    mot_analyse_options o;
    options(&o, 0, 30);
    pu_run u;
    pu_analyse(&u, dir, &o);
    assert_string_equal(u.a->overall_outcome, "nps");
    assert_true(u.a->tp[0].importance > 0);
    /* one predictor: importance = R^2 = r^2; no bootstrap: no interval */
    assert_abs(u.a->tp[0].importance, u.a->overall_r2, 1e-15);
    assert_true(isnan(u.a->tp[0].importance_lo));
    assert_true(isnan(u.a->tp[1].importance));
    pu_free(&u);

    tu_write(dir, "customers.csv", "customer_id,segment\nC01,a\n", (size_t)-1);
    pu_analyse(&u, dir, &o);
    assert_string_equal(u.a->overall_outcome, "");
    assert_true(isnan(u.a->overall_r2));
    assert_true(pu_note(&u, "no overall score or NPS"));
    pu_free(&u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_case),
        cmocka_unit_test(test_missing_ratings),
        cmocka_unit_test(test_bootstrap),
        cmocka_unit_test(test_demo),
        cmocka_unit_test(test_outcomes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
