/*
** test_ols.c: least squares with inference, Welch's t test and Holm's
** adjustment against R's lm(), t.test() and p.adjust() (values printed by
** tests/data/r/ols_welch_holm.R, R 4.2.2, on R's mtcars, the same data as
** tests/data/mtcars.csv), plus frequency weights against repeated rows
** and the rejection of constant and collinear predictors.
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

static void assert_rel(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol * fabs(want)))
        fail_msg("got %.15g, want %.15g (rel tol %g)", got, want, tol);
}

/* mtcars columns after the name: mpg 0, cyl 1, disp 2, hp 3, drat 4,
** wt 5, qsec 6, vs 7, am 8, gear 9, carb 10. */
static mot_moments *mtcars_moments(const size_t *cols, size_t k,
                                   const double *w)
{
    double *t = csvnum_read(MOT_TEST_DATA "/mtcars.csv", 32, 11);
    mot_moments *m;
    assert_int_equal(mot_moments_new(k, &m), MOT_OK);
    for (size_t i = 0; i < 32; i++) {
        double x[8];
        for (size_t j = 0; j < k; j++)
            x[j] = t[i * 11 + cols[j]];
        assert_int_equal(mot_moments_add(m, x, w ? w[i] : 1), MOT_OK);
    }
    free(t);
    return m;
}

/* lm(mpg ~ wt + hp + qsec, mtcars): the outcome given in the middle of
** the variables (index 1) to check the split keeps predictor order. */
static void test_lm_mtcars(void **state)
{
    (void)state;
    static const size_t cols[] = {5, 0, 3, 6};
    mot_moments *m = mtcars_moments(cols, 4, NULL);
    mot_ols *o;
    mot_error err;
    assert_int_equal(mot_ols_from_moments(m, 1, 0.95, &o, &err), MOT_OK);
    static const double beta[] = {27.6105268582049277, -4.3587972001626856,
                                  -0.0178222716055425, 0.5108336942450579};
    static const double se[] = {8.4199284765393010, 0.7527003922347391,
                                0.0149811688489363, 0.4392215320375527};
    static const double t[] = {3.27918781437835, -5.79087940584378,
                               -1.18964493259870, 1.16304337784920};
    static const double p[] = {2.78455566110203e-03, 3.21722152963987e-06,
                               2.44176240903366e-01, 2.54628381026501e-01};
    static const double lo[] = {10.363085233456669, -5.900634059248407,
                                -0.048509804868144, -0.388870828810914};
    static const double hi[] = {44.857968482953183, -2.816960341076964,
                                0.012865261657059, 1.410538217301029};
    assert_int_equal(o->p, 3);
    for (int j = 0; j < 4; j++) {
        assert_rel(o->coef[j].beta, beta[j], 1e-10);
        assert_rel(o->coef[j].se, se[j], 1e-10);
        assert_rel(o->coef[j].t, t[j], 1e-10);
        assert_rel(o->coef[j].p, p[j], 1e-8);
        assert_rel(o->coef[j].lo, lo[j], 1e-10);
        assert_rel(o->coef[j].hi, hi[j], 1e-10);
    }
    assert_rel(o->r2, 0.834767761705830, 1e-12);
    assert_rel(o->adj_r2, 0.817064307602883, 1e-12);
    assert_rel(o->sigma, 2.577784882520817, 1e-12);
    assert_rel(o->f, 47.1528187014578, 1e-10);
    assert_rel(o->f_p, 4.5064110240248e-11, 1e-7);
    assert_rel(o->df, 28, 0);
    assert_rel(o->n, 32, 0);
    mot_ols_free(o);
    mot_moments_free(m);
}

/* Weight 2 on a row is the row repeated: compare with the data where
** rows 0..9 appear twice. */
static void test_frequency_weights(void **state)
{
    (void)state;
    static const size_t cols[] = {0, 5, 3};
    double w[32];
    for (int i = 0; i < 32; i++)
        w[i] = i < 10 ? 2 : 1;
    mot_moments *mw = mtcars_moments(cols, 3, w);
    double *t = csvnum_read(MOT_TEST_DATA "/mtcars.csv", 32, 11);
    mot_moments *md;
    assert_int_equal(mot_moments_new(3, &md), MOT_OK);
    for (int rep = 0; rep < 2; rep++)
        for (int i = 0; i < (rep ? 10 : 32); i++) {
            double x[3] = {t[i * 11], t[i * 11 + 5], t[i * 11 + 3]};
            assert_int_equal(mot_moments_add(md, x, 1), MOT_OK);
        }
    free(t);
    mot_ols *a, *b;
    assert_int_equal(mot_ols_from_moments(mw, 0, 0.9, &a, NULL), MOT_OK);
    assert_int_equal(mot_ols_from_moments(md, 0, 0.9, &b, NULL), MOT_OK);
    assert_rel(a->df, 39, 0);
    for (int j = 0; j < 3; j++) {
        assert_rel(a->coef[j].beta, b->coef[j].beta, 1e-10);
        assert_rel(a->coef[j].se, b->coef[j].se, 1e-10);
        assert_rel(a->coef[j].lo, b->coef[j].lo, 1e-10);
    }
    mot_ols_free(a);
    mot_ols_free(b);
    mot_moments_free(mw);
    mot_moments_free(md);
}

/* Intercept only: the mean with its t interval; and bad input. */
static void test_edges(void **state)
{
    (void)state;
    mot_moments *m;
    assert_int_equal(mot_moments_new(1, &m), MOT_OK);
    double y[] = {1, 2, 3, 6};
    for (int i = 0; i < 4; i++)
        mot_moments_add(m, &y[i], 1);
    mot_ols *o;
    assert_int_equal(mot_ols_from_moments(m, 0, 0.95, &o, NULL), MOT_OK);
    /* mean 3, sd sqrt(14/3), se sd/2, t_{.975,3} = 3.182446305284263 */
    assert_rel(o->coef[0].beta, 3, 1e-15);
    assert_rel(o->coef[0].se, sqrt(14.0 / 3) / 2, 1e-12);
    assert_rel(o->coef[0].hi, 3 + 3.182446305284263 * sqrt(14.0 / 3) / 2,
               1e-12);
    mot_ols_free(o);
    mot_moments_free(m);

    /* x2 = 2 x1 + 1 is collinear; x3 constant. */
    mot_moments *c;
    assert_int_equal(mot_moments_new(3, &c), MOT_OK);
    for (int i = 0; i < 6; i++) {
        double r[3] = {i, 2.0 * i + 1, (i * 7) % 5};
        mot_moments_add(c, r, 1);
    }
    mot_error err;
    assert_int_equal(mot_ols_from_moments(c, 2, 0.95, &o, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "predictor 1"));
    assert_null(o);
    assert_int_equal(mot_ols_from_moments(c, 3, 0.95, &o, &err), MOT_EUSAGE);
    mot_moments_reset(c);
    for (int i = 0; i < 6; i++) {
        double r[3] = {i, 4, (i * 7) % 5};
        mot_moments_add(c, r, 1);
    }
    assert_int_equal(mot_ols_from_moments(c, 2, 0.95, &o, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "predictor 1 is constant"));
    mot_moments_free(c);
}

/* t.test(mpg[am == 1], mpg[am == 0]) on mtcars. */
static void test_welch(void **state)
{
    (void)state;
    double *t = csvnum_read(MOT_TEST_DATA "/mtcars.csv", 32, 11);
    double n[2] = {0}, s[2] = {0}, ss[2] = {0};
    for (int i = 0; i < 32; i++) {
        int g = t[i * 11 + 8] == 1 ? 0 : 1;
        n[g]++;
        s[g] += t[i * 11];
        ss[g] += t[i * 11] * t[i * 11];
    }
    free(t);
    double m[2], v[2];
    for (int g = 0; g < 2; g++) {
        m[g] = s[g] / n[g];
        v[g] = (ss[g] - n[g] * m[g] * m[g]) / (n[g] - 1);
    }
    mot_welch w;
    assert_int_equal(mot_welch_test(n[0], m[0], v[0], n[1], m[1], v[1], 0.95,
                                    &w), MOT_OK);
    assert_rel(w.t, 3.76712314514492519, 1e-10);
    assert_rel(w.df, 18.33225163840046079, 1e-10);
    assert_rel(w.p, 0.00137363833307103, 1e-8);
    assert_rel(w.lo, 3.20968418746995976, 1e-10);
    assert_rel(w.hi, 11.28019435504016066, 1e-10);
    assert_int_equal(mot_welch_test(1, 0, 1, 5, 0, 1, 0.95, &w), MOT_EDATA);
    assert_int_equal(mot_welch_test(3, 1, 0, 5, 2, 0, 0.95, &w), MOT_EDATA);
    assert_int_equal(mot_welch_test(3, 1, 1, 5, 2, 1, 1.5, &w), MOT_EUSAGE);
}

/* p.adjust(..., "holm"), with a NAN that is not a test, ties, and in
** place. */
static void test_holm(void **state)
{
    (void)state;
    double p[] = {0.01, 0.04, 0.03, 0.005, NAN, 0.5}, adj[6];
    static const double want[] = {0.04, 0.09, 0.09, 0.025, NAN, 0.5};
    assert_int_equal(mot_p_holm(p, 6, adj), MOT_OK);
    for (int i = 0; i < 6; i++) {
        if (isnan(want[i]))
            assert_true(isnan(adj[i]));
        else
            assert_rel(adj[i], want[i], 1e-14);
    }
    double q[] = {0.02, 0.02, 0.3, 0.001};
    static const double want2[] = {0.06, 0.06, 0.3, 0.004};
    assert_int_equal(mot_p_holm(q, 4, q), MOT_OK);
    for (int i = 0; i < 4; i++)
        assert_rel(q[i], want2[i], 1e-14);
    assert_int_equal(mot_p_holm(q, 0, q), MOT_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lm_mtcars),
        cmocka_unit_test(test_frequency_weights),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_welch),
        cmocka_unit_test(test_holm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
