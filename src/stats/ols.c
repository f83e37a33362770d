/*
** ols.c: ordinary least squares with t inference, from the means and
** co-moments of a mot_moments accumulator.
**
** With W the total (frequency) weight, x the p predictors and y the
** outcome, C the co-moment matrix sum w (v - mean)(v - mean)' of all the
** variables, Cxx its predictor block, cxy the predictors' co-moments with
** y and Cyy that of y (Seber & Lee, Linear Regression Analysis, 2nd ed.,
** 3.1 and 3.8; the centred form of the normal equations):
**     beta = Cxx^-1 cxy,              b0 = mean_y - beta' mean_x,
**     SSE = Cyy - beta' cxy,          df = W - p - 1,
**     sigma^2 = SSE / df,             Var(beta) = sigma^2 Cxx^-1,
**     Var(b0) = sigma^2 (1/W + mean_x' Cxx^-1 mean_x),
**     R^2 = 1 - SSE / Cyy,            F = (R^2 / p) / ((1 - R^2) / df).
** t = beta / se with a two-sided t(df) p-value; intervals beta -+
** t_{(1+level)/2, df} se. These equal R's lm() with unit weights (and
** lm on the rows repeated w times with frequency weights).
**
** Collinearity is judged on the correlation scale, as everywhere in the
** core: a predictor whose 1 - R^2 on those before it is below
** MOT_COLLINEAR_TOL is rejected (MOT_EDATA naming it).
*/
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "mot/stats.h"
#include "stats/stats_int.h"

void mot_ols_free(mot_ols *o)
{
    if (!o)
        return;
    free(o->coef);
    free(o);
}

/* Check the predictors (the co-moment block c, p x p) for constant and
** collinear columns on the correlation scale. */
static mot_status check_predictors(const double *c, size_t p, mot_error *err)
{
    double *r = malloc(p * p * sizeof *r), *l = malloc(p * p * sizeof *l);
    mot_status st = MOT_OK;
    if (!r || !l) {
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < p; i++)
        if (!(c[i * p + i] > 0)) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "predictor %zu is constant", i);
            goto done;
        }
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j < p; j++)
            r[i * p + j] = c[i * p + j] / sqrt(c[i * p + i] * c[j * p + j]);
    size_t bad = mot_chol_first_bad(r, p, p, MOT_COLLINEAR_TOL, l, p);
    if (bad < p)
        st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                           "predictor %zu is collinear with the predictors "
                           "before it", bad);
done:
    free(r);
    free(l);
    return st;
}

/* Split the (p+1)^2 co-moment matrix cm and means at outcome index y into
** the predictors' block cxx, their co-moments with y and their means. */
static void split(const double *cm, const double *mean, size_t m, size_t y,
                  double *cxx, double *cxy, double *mx)
{
    size_t a = 0;
    for (size_t i = 0; i < m; i++) {
        if (i == y)
            continue;
        size_t b = 0;
        for (size_t j = 0; j < m; j++)
            if (j != y)
                cxx[a * (m - 1) + b++] = cm[i * m + j];
        cxy[a] = cm[i * m + y];
        mx[a++] = mean[i];
    }
}

/* Fill o from the centred normal equations (file comment), inverting Cxx
** by Cholesky. */
static mot_status solve(const double *cxx, const double *cxy,
                        const double *mx, double my, double cyy, double w,
                        double level, mot_ols *o, mot_error *err)
{
    size_t p = o->p;
    mot_stats_gsl_quiet();
    gsl_matrix *a = p ? gsl_matrix_alloc(p, p) : NULL;
    if (p && !a)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < p * p; i++)
        a->data[i] = cxx[i];
    if (p && (gsl_linalg_cholesky_decomp1(a) != GSL_SUCCESS ||
              gsl_linalg_cholesky_invert(a) != GSL_SUCCESS)) {
        gsl_matrix_free(a);
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "the predictors are collinear");
    }
    double sse = cyy, b0 = my, v0 = 1 / w;
    for (size_t i = 0; i < p; i++) {
        double b = 0;
        for (size_t j = 0; j < p; j++) {
            b += gsl_matrix_get(a, i, j) * cxy[j];
            v0 += mx[i] * gsl_matrix_get(a, i, j) * mx[j];
        }
        o->coef[i + 1].beta = b;
        sse -= b * cxy[i];
        b0 -= b * mx[i];
    }
    if (sse < 0)
        sse = 0;
    o->df = w - (double)p - 1;
    double s2 = sse / o->df;
    o->sigma = sqrt(s2);
    o->r2 = 1 - sse / cyy;
    o->adj_r2 = 1 - (1 - o->r2) * (w - 1) / o->df;
    o->f = p ? (o->r2 / (double)p) / ((1 - o->r2) / o->df) : NAN;
    o->f_p = p ? mot_f_sf(o->f, (double)p, o->df) : NAN;
    o->coef[0].beta = b0;
    double tq = mot_t_quantile(0.5 + level / 2, o->df);
    for (size_t j = 0; j <= p; j++) {
        mot_ols_coef *c = &o->coef[j];
        double v = j ? gsl_matrix_get(a, j - 1, j - 1) : v0;
        c->se = sqrt(s2 * v);
        c->t = c->beta / c->se;
        c->p = 2 * mot_t_sf(fabs(c->t), o->df);
        c->lo = c->beta - tq * c->se;
        c->hi = c->beta + tq * c->se;
    }
    gsl_matrix_free(a);
    return MOT_OK;
}

mot_status mot_ols_from_moments(const mot_moments *m, size_t y, double level,
                                mot_ols **out, mot_error *err)
{
    *out = NULL;
    size_t k = m ? mot_moments_dim(m) : 0;
    if (!m || y >= k || !(level > 0 && level < 1))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "invalid arguments to mot_ols_from_moments");
    size_t p = k - 1;
    double w = mot_moments_weight(m);
    if (!(w - (double)p - 1 > 0))
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "%g rows leave no residual degrees of freedom "
                             "for %zu predictors", w, p);
    mot_ols *o = calloc(1, sizeof *o);
    double *cm = malloc(k * k * sizeof *cm), *mean = malloc(k * sizeof *mean);
    double *cxx = malloc((p ? p * p : 1) * sizeof *cxx);
    double *cxy = malloc((p ? p : 1) * sizeof *cxy);
    double *mx = malloc((p ? p : 1) * sizeof *mx);
    mot_status st = MOT_ENOMEM;
    if (!o || !cm || !mean || !cxx || !cxy || !mx ||
        !(o->coef = calloc(k, sizeof *o->coef))) {
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
        goto done;
    }
    o->p = p;
    o->n = w;
    mot_moments_comoment(m, cm);
    mot_moments_mean(m, mean);
    split(cm, mean, k, y, cxx, cxy, mx);
    double cyy = cm[y * k + y];
    if (!(cyy > 0)) {
        st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                           "the outcome is constant");
        goto done;
    }
    if ((p && (st = check_predictors(cxx, p, err)) != MOT_OK) ||
        (st = solve(cxx, cxy, mx, mean[y], cyy, w, level, o, err)) != MOT_OK)
        goto done;
    *out = o;
    o = NULL;
done:
    mot_ols_free(o);
    free(cm);
    free(mean);
    free(cxx);
    free(cxy);
    free(mx);
    return st;
}
