/*
** test_logistic.c: logistic regression by IRLS against independent
** values: the 2x2 table (the MLE odds ratio is the cross-product ratio
** ad/bc and its Wald SE sqrt(1/a+1/b+1/c+1/d) exactly; deviances by
** hand), R's glm output for mtcars published in a tutorial
** (statology.org, "How to Interpret glm Output in R": am ~ disp + hp),
** a second fitting method written here (Newton-Raphson on the
** log-likelihood with finite-difference derivatives), a fit run over
** serialized shards, and the separation / tiny-group / collinearity
** diagnostics.
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

#define Z975 1.959963984540054

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

static void assert_rel(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol * fabs(want)))
        fail_msg("got %.15g, want %.15g (rel tol %g)", got, want, tol);
}

/* x = 1: 30 events, 20 non-events; x = 0: 15 events, 35 non-events. */
static void table_rows(double *x, double *y)
{
    int i = 0;
    for (int k = 0; k < 30; k++, i++) { x[i] = 1; y[i] = 1; }
    for (int k = 0; k < 20; k++, i++) { x[i] = 1; y[i] = 0; }
    for (int k = 0; k < 15; k++, i++) { x[i] = 0; y[i] = 1; }
    for (int k = 0; k < 35; k++, i++) { x[i] = 0; y[i] = 0; }
}

static void check_table_fit(const mot_logit *f)
{
    double a = 30, b = 20, c = 15, d = 35;
    assert_true(f->converged);
    assert_int_equal(f->flags, 0);
    assert_int_equal(f->p, 2);
    assert_rel(f->coef[1].odds_ratio, a * d / (b * c), 1e-10);
    assert_rel(f->coef[1].beta, log(3.5), 1e-10);
    double se = sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    assert_rel(f->coef[1].se, se, 1e-9);
    assert_rel(f->coef[0].beta, log(c / d), 1e-10);
    assert_rel(f->coef[0].se, sqrt(1 / c + 1 / d), 1e-9);
    assert_rel(f->coef[1].or_lo, 3.5 * exp(-Z975 * se), 1e-9);
    assert_rel(f->coef[1].or_hi, 3.5 * exp(Z975 * se), 1e-9);
    double z = log(3.5) / se;
    assert_rel(f->coef[1].z, z, 1e-9);
    assert_rel(f->coef[1].p, erfc(z / sqrt(2)), 1e-8);
    /* Saturated fit: fitted rates are the cell rates. */
    double dev = -2 * (a * log(0.6) + b * log(0.4) + c * log(0.3) + d * log(0.7));
    double dev0 = -2 * (45 * log(0.45) + 55 * log(0.55));
    assert_rel(f->deviance, dev, 1e-10);
    assert_rel(f->null_deviance, dev0, 1e-12);
    assert_rel(f->n, 100, 0);
    assert_rel(f->events, 45, 0);
}

static void test_two_by_two(void **state)
{
    (void)state;
    double x[100], y[100];
    table_rows(x, y);
    mot_logit *f;
    assert_int_equal(mot_logit_fit(x, 100, 1, y, NULL, NULL, &f, NULL), MOT_OK);
    check_table_fit(f);
    assert_int_equal(f->rows, 100);
    mot_logit_free(f);
    /* The same table as four weighted rows, plus skipped missing rows. */
    const double xw[6] = {1, 1, 0, 0, NAN, 1};
    const double yw[6] = {1, 0, 1, 0, 1, NAN};
    const double ww[6] = {30, 20, 15, 35, 1, 1};
    assert_int_equal(mot_logit_fit(xw, 6, 1, yw, ww, NULL, &f, NULL), MOT_OK);
    check_table_fit(f);
    assert_int_equal(f->rows, 4);
    assert_int_equal(f->skipped, 2);
    mot_logit_free(f);
}

/* Without an intercept, rows at x = 0 have mu = 1/2 whatever beta is, so
** beta = log(a/b) from the x = 1 rows, SE sqrt(1/a + 1/b). */
static void test_no_intercept(void **state)
{
    (void)state;
    double x[100], y[100];
    table_rows(x, y);
    mot_logit_opts o;
    mot_logit_opts_default(&o);
    o.intercept = 0;
    mot_logit *f;
    assert_int_equal(mot_logit_fit(x, 100, 1, y, NULL, &o, &f, NULL), MOT_OK);
    assert_int_equal(f->p, 1);
    assert_rel(f->coef[0].beta, log(1.5), 1e-10);
    assert_rel(f->coef[0].se, sqrt(1.0 / 30 + 1.0 / 20), 1e-9);
    assert_rel(f->null_deviance, 200 * log(2.0), 1e-12);
    mot_logit_free(f);
}

/* mtcars columns: mpg cyl disp hp drat wt qsec vs am gear carb. */
static double *mtcars;

static void pick(const size_t *cols, size_t k, double *x, double *y)
{
    for (size_t i = 0; i < 32; i++) {
        for (size_t j = 0; j < k; j++)
            x[i * k + j] = mtcars[i * 11 + cols[j]];
        y[i] = mtcars[i * 11 + 8];
    }
}

/* glm(am ~ disp + hp, family = binomial, data = mtcars), as printed:
**   (Intercept)  1.40342  1.36757  1.026  0.3048
**   disp        -0.09518  0.04800 -1.983  0.0474
**   hp           0.12170  0.06777  1.796  0.0725
** and the null deviance of 13 manual cars in 32 by hand. */
static void test_mtcars_published(void **state)
{
    (void)state;
    const size_t cols[2] = {2, 3};
    double x[64], y[32];
    pick(cols, 2, x, y);
    mot_logit *f;
    assert_int_equal(mot_logit_fit(x, 32, 2, y, NULL, NULL, &f, NULL), MOT_OK);
    assert_true(f->converged);
    assert_int_equal(f->flags, 0);
    const double b[3] = {1.40342, -0.09518, 0.12170};
    const double se[3] = {1.36757, 0.04800, 0.06777};
    const double z[3] = {1.026, -1.983, 1.796};
    const double p[3] = {0.3048, 0.0474, 0.0725};
    for (int j = 0; j < 3; j++) {
        assert_abs(f->coef[j].beta, b[j], 5e-6);
        assert_abs(f->coef[j].se, se[j], 5e-6);
        assert_abs(f->coef[j].z, z[j], 5e-4);
        assert_abs(f->coef[j].p, p[j], 5e-5);
    }
    assert_rel(f->null_deviance,
               -2 * (13 * log(13.0 / 32) + 19 * log(19.0 / 32)), 1e-12);
    assert_abs(f->null_deviance, 43.230, 5e-4);
    mot_logit_free(f);
}

/* ---- a second method: Newton-Raphson with numerical derivatives ------ */

static const double *nx, *ny;
static size_t nn, nq;

/* The log-likelihood with an intercept, straight from its definition. */
static double loglik(const double *b)
{
    double s = 0;
    for (size_t i = 0; i < nn; i++) {
        double eta = b[0];
        for (size_t j = 1; j < nq; j++)
            eta += b[j] * nx[i * (nq - 1) + j - 1];
        double mu = 1 / (1 + exp(-eta));
        s += ny[i] ? log(mu) : log(1 - mu);
    }
    return s;
}

/* Solve a x = r (q <= 4) by Gaussian elimination with pivoting. */
static void solve(double *a, double *r, size_t q)
{
    for (size_t c = 0; c < q; c++) {
        size_t piv = c;
        for (size_t i = c + 1; i < q; i++)
            if (fabs(a[i * q + c]) > fabs(a[piv * q + c]))
                piv = i;
        for (size_t j = 0; j < q; j++) {
            double t = a[c * q + j];
            a[c * q + j] = a[piv * q + j];
            a[piv * q + j] = t;
        }
        double t = r[c];
        r[c] = r[piv];
        r[piv] = t;
        for (size_t i = c + 1; i < q; i++) {
            double f = a[i * q + c] / a[c * q + c];
            for (size_t j = c; j < q; j++)
                a[i * q + j] -= f * a[c * q + j];
            r[i] -= f * r[c];
        }
    }
    for (size_t c = q; c-- > 0;) {
        double s = r[c];
        for (size_t j = c + 1; j < q; j++)
            s -= a[c * q + j] * r[j];
        r[c] = s / a[c * q + c];
    }
}

/* Numerical Hessian of the log-likelihood at b (central differences). */
static void num_hessian(double *b, const double *h, double *hs)
{
    for (size_t i = 0; i < nq; i++)
        for (size_t j = 0; j < nq; j++) {
            double bi = b[i], bj = b[j], v[4];
            for (int k = 0; k < 4; k++) {
                b[i] = bi + (k & 1 ? -h[i] : h[i]);
                b[j] = (i == j ? b[i] : bj) + (k & 2 ? -h[j] : h[j]);
                v[k] = loglik(b);
                b[i] = bi;
                b[j] = bj;
            }
            hs[i * nq + j] = (v[0] - v[1] - v[2] + v[3]) / (4 * h[i] * h[j]);
        }
}

static void newton_numeric(double *b, double *se)
{
    double h[4], g[4], hs[16];
    for (int it = 0; it < 60; it++) {
        /* A small step for the gradient (its error moves the fixed
        ** point), a larger one for the Hessian (only the speed). */
        for (size_t j = 0; j < nq; j++)
            h[j] = 1e-6 * fmax(1, fabs(b[j]));
        for (size_t j = 0; j < nq; j++) {
            double bj = b[j];
            b[j] = bj + h[j];
            double up = loglik(b);
            b[j] = bj - h[j];
            double dn = loglik(b);
            b[j] = bj;
            g[j] = (up - dn) / (2 * h[j]);
        }
        for (size_t j = 0; j < nq; j++)
            h[j] = 1e-4 * fmax(1, fabs(b[j]));
        num_hessian(b, h, hs);
        for (size_t j = 0; j < nq * nq; j++)
            hs[j] = -hs[j];
        solve(hs, g, nq);
        for (size_t j = 0; j < nq; j++)
            b[j] += g[j];
    }
    /* SE: sqrt of the diagonal of the inverse numerical information,
    ** with steps that move eta by about 1e-3 whatever the column's
    ** scale. */
    for (size_t j = 0; j < nq; j++) {
        double m = 0;
        for (size_t i = 0; i < nn; i++)
            m += j ? fabs(nx[i * (nq - 1) + j - 1]) / (double)nn : 1.0 / (double)nn;
        h[j] = 1e-3 / m;
    }
    num_hessian(b, h, hs);
    for (size_t c = 0; c < nq; c++) {
        double a[16], r[4] = {0};
        for (size_t j = 0; j < nq * nq; j++)
            a[j] = -hs[j];
        r[c] = 1;
        solve(a, r, nq);
        se[c] = sqrt(r[c]);
    }
}

/* am ~ hp + wt and am ~ mpg + hp + wt: IRLS agrees with numerical
** Newton; and the first matches the published 18.86 + 0.0362 hp - 8.083
** wt quoted in R tutorials. */
static void test_against_numeric_newton(void **state)
{
    (void)state;
    const size_t cols2[2] = {3, 5}, cols3[3] = {0, 3, 5};
    const size_t *cols[2] = {cols2, cols3};
    const size_t ks[2] = {2, 3};
    for (int c = 0; c < 2; c++) {
        size_t k = ks[c];
        double x[96], y[32];
        pick(cols[c], k, x, y);
        mot_logit *f;
        assert_int_equal(mot_logit_fit(x, 32, k, y, NULL, NULL, &f, NULL), MOT_OK);
        assert_true(f->converged);
        nx = x;
        ny = y;
        nn = 32;
        nq = k + 1;
        double b[4] = {0}, se[4];
        newton_numeric(b, se);
        for (size_t j = 0; j <= k; j++) {
            assert_rel(f->coef[j].beta, b[j], 1e-6);
            assert_rel(f->coef[j].se, se[j], 1e-6);
        }
        assert_rel(f->deviance, -2 * loglik(b), 1e-9);
        if (c == 0) {
            assert_abs(f->coef[0].beta, 18.86, 0.01);
            assert_abs(f->coef[1].beta, 0.0362, 0.0001);
            assert_abs(f->coef[2].beta, -8.083, 0.001);
        }
        mot_logit_free(f);
    }
}

/* The fit run by hand over three shards whose IRLS states travel
** serialized, as a distributed aggregate would, equals mot_logit_fit. */
static void test_sharded_fit(void **state)
{
    (void)state;
    const size_t cols[2] = {3, 5};
    double x[64], y[32];
    pick(cols, 2, x, y);
    mot_logit *f;
    assert_int_equal(mot_logit_fit(x, 32, 2, y, NULL, NULL, &f, NULL), MOT_OK);
    double beta[3] = {0, 0, 0};
    double dev_old = INFINITY;
    for (int it = 0; it < 50; it++) {
        mot_irls *total;
        assert_int_equal(mot_irls_new(3, beta, &total), MOT_OK);
        for (int s = 0; s < 3; s++) {
            mot_irls *sh, *back;
            mot_irls_new(3, beta, &sh);
            for (size_t i = (size_t)s; i < 32; i += 3) {
                double row[3] = {1, x[i * 2], x[i * 2 + 1]};
                assert_int_equal(mot_irls_add(sh, row, y[i], 1), MOT_OK);
            }
            unsigned char buf[512];
            size_t len;
            assert_int_equal(mot_irls_serialize(sh, buf, sizeof buf, &len), MOT_OK);
            assert_int_equal(mot_irls_deserialize(buf, len, &back, NULL), MOT_OK);
            assert_int_equal(mot_irls_merge(total, back), MOT_OK);
            mot_irls_free(sh);
            mot_irls_free(back);
        }
        double dev = mot_irls_deviance(total);
        if (fabs(dev - dev_old) < 1e-13) {
            mot_irls_free(total);
            break;
        }
        dev_old = dev;
        assert_int_equal(mot_irls_step(total, beta, NULL), MOT_OK);
        mot_irls_free(total);
    }
    for (int j = 0; j < 3; j++)
        assert_rel(beta[j], f->coef[j].beta, 1e-8);
    mot_logit_free(f);
}

/* x = 1..10, y = (x > 5): complete separation. Flags, no numbers. */
static void test_complete_separation(void **state)
{
    (void)state;
    double x[10], y[10];
    for (int i = 0; i < 10; i++) {
        x[i] = i + 1;
        y[i] = i + 1 > 5;
    }
    mot_logit *f;
    assert_int_equal(mot_logit_fit(x, 10, 1, y, NULL, NULL, &f, NULL), MOT_OK);
    assert_true(f->flags & MOT_LOGIT_SEPARATION);
    assert_true(f->flags & MOT_LOGIT_COMPLETE_SEP);
    for (int j = 0; j < 2; j++) {
        assert_true(f->coef[j].flags & MOT_LOGIT_DIVERGED);
        assert_true(isnan(f->coef[j].beta) && isnan(f->coef[j].se));
        assert_true(isnan(f->coef[j].odds_ratio) && isnan(f->coef[j].p));
    }
    assert_true(f->deviance < 1e-3);
    mot_logit_free(f);
}

/* x = 1: 10 rows all events; x = 0: 8 events in 20. Quasi-complete
** separation: beta_x diverges (NAN), the intercept is the MLE of the
** x = 0 rows, log(8/12) with SE sqrt(1/8 + 1/12). */
static void test_quasi_separation(void **state)
{
    (void)state;
    double x[30], y[30];
    for (int i = 0; i < 30; i++) {
        x[i] = i < 10;
        y[i] = i < 10 || i < 18;
    }
    mot_logit *f;
    assert_int_equal(mot_logit_fit(x, 30, 1, y, NULL, NULL, &f, NULL), MOT_OK);
    assert_true(f->flags & MOT_LOGIT_SEPARATION);
    assert_false(f->flags & MOT_LOGIT_COMPLETE_SEP);
    assert_true(f->coef[1].flags & MOT_LOGIT_DIVERGED);
    assert_true(isnan(f->coef[1].odds_ratio));
    assert_false(f->coef[0].flags & MOT_LOGIT_DIVERGED);
    assert_rel(f->coef[0].beta, log(8.0 / 12), 1e-6);
    assert_rel(f->coef[0].se, sqrt(1.0 / 8 + 1.0 / 12), 1e-4);
    /* A regular fit with the same shape is not flagged. */
    y[0] = 0;
    mot_logit_free(f);
    assert_int_equal(mot_logit_fit(x, 30, 1, y, NULL, NULL, &f, NULL), MOT_OK);
    assert_false(f->flags & (MOT_LOGIT_SEPARATION | MOT_LOGIT_NOT_CONVERGED));
    assert_rel(f->coef[1].odds_ratio, (9.0 * 12) / (1 * 8), 1e-9);
    /* ... but its 1-row cell is a tiny group. */
    assert_true(f->coef[1].flags & MOT_LOGIT_SMALL);
    assert_true(f->flags & MOT_LOGIT_SMALL);
    assert_false(f->coef[0].flags & MOT_LOGIT_SMALL);
    mot_logit_free(f);
}

/* Grouped binomial rows (a share y of events with weight n) have the
** same likelihood as their 0/1 rows: the same estimates, also under
** quasi-separation, where an exact fit of the groups is not complete
** separation. Rows: 200, x1 = [i < 40], x2 = [i % 4 == 0], y = x1 or
** [i % 5 == 1]: every x1 = 1 row is an event. */
static void test_grouped_rows(void **state)
{
    (void)state;
    double x[400], y[200], gx[8] = {0, 0, 0, 1, 1, 0, 1, 1}, gw[4] = {0},
           gy[4] = {0};
    for (int i = 0; i < 200; i++) {
        int b1 = i < 40, b2 = i % 4 == 0, k = 2 * b1 + b2;
        x[2 * i] = b1;
        x[2 * i + 1] = b2;
        y[i] = b1 || i % 5 == 1;
        gw[k]++;
        gy[k] += y[i];
    }
    for (int k = 0; k < 4; k++)
        gy[k] /= gw[k];
    mot_logit *a, *b;
    assert_int_equal(mot_logit_fit(x, 200, 2, y, NULL, NULL, &a, NULL), MOT_OK);
    assert_int_equal(mot_logit_fit(gx, 4, 2, gy, gw, NULL, &b, NULL), MOT_OK);
    assert_true(a->flags & MOT_LOGIT_SEPARATION);
    assert_false(a->flags & MOT_LOGIT_COMPLETE_SEP);
    assert_int_equal(b->flags, a->flags);
    for (int j = 0; j < 3; j++)
        assert_int_equal(b->coef[j].flags, a->coef[j].flags);
    assert_true(b->coef[1].flags & MOT_LOGIT_DIVERGED);
    /* intercept: the event share without x1 is 1 in 5, odds 1/4; x2 has
    ** no effect among x1 = 0 rows */
    assert_rel(a->coef[0].beta, log(0.25), 1e-8);
    assert_rel(b->coef[0].beta, a->coef[0].beta, 1e-8);
    assert_rel(b->coef[0].se, a->coef[0].se, 1e-8);
    assert_true(fabs(b->coef[2].beta - a->coef[2].beta) < 1e-8);
    assert_rel(b->coef[2].se, a->coef[2].se, 1e-8);
    mot_logit_free(a);
    mot_logit_free(b);
}

static void test_bad_data(void **state)
{
    (void)state;
    double x[40], y[20];
    for (int i = 0; i < 20; i++) {
        x[2 * i] = i % 7;
        x[2 * i + 1] = 2 * (i % 7) + 1;   /* collinear with column 0 */
        y[i] = i % 3 == 0;
    }
    mot_logit *f;
    mot_error err;
    assert_int_equal(mot_logit_fit(x, 20, 2, y, NULL, NULL, &f, &err), MOT_EDATA);
    assert_null(f);
    assert_non_null(strstr(err.message, "column 1"));
    for (int i = 0; i < 20; i++)
        x[2 * i] = 4;                     /* constant column 0 */
    assert_int_equal(mot_logit_fit(x, 20, 2, y, NULL, NULL, &f, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "column 0 is constant"));
    for (int i = 0; i < 20; i++) {
        x[i] = i;
        y[i] = 1;
    }
    assert_int_equal(mot_logit_fit(x, 20, 1, y, NULL, NULL, &f, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "does not vary"));
    y[3] = 2;
    y[4] = 0;
    assert_int_equal(mot_logit_fit(x, 20, 1, y, NULL, NULL, &f, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "row 3"));
    mot_logit_opts o;
    mot_logit_opts_default(&o);
    o.level = 1;
    assert_int_equal(mot_logit_fit(x, 20, 1, y, NULL, &o, &f, &err), MOT_EUSAGE);
}

static int setup(void **state)
{
    (void)state;
    mtcars = csvnum_read(MOT_TEST_DATA "/mtcars.csv", 32, 11);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(mtcars);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_by_two),
        cmocka_unit_test(test_no_intercept),
        cmocka_unit_test(test_mtcars_published),
        cmocka_unit_test(test_against_numeric_newton),
        cmocka_unit_test(test_sharded_fit),
        cmocka_unit_test(test_complete_separation),
        cmocka_unit_test(test_quasi_separation),
        cmocka_unit_test(test_grouped_rows),
        cmocka_unit_test(test_bad_data),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
