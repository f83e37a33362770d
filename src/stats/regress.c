/*
** regress.c: linear regression R^2 and standardized coefficients from a
** correlation matrix, for any subset of predictors.
**
** With R_SS the correlation matrix of the predictors in S and r_S their
** correlations with the outcome, the standardized coefficients solve
** R_SS beta = r_S and R^2(S) = r_S' beta = r_S' R_SS^{-1} r_S (e.g.
** Cohen, Cohen, West & Aiken, Applied Multiple Regression, 3rd ed.,
** 3.5). We solve by the Cholesky factorization R_SS = L L' (GSL's
** gsl_linalg_cholesky_decomp1 / _solve); a matrix that is not positive
** definite means constant or collinear predictors and is MOT_EDATA.
*/
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "mot/stats.h"
#include "stats/stats_int.h"

mot_status mot_corr_split(const double *corr, size_t m, size_t y,
                          double *rxx, double *rxy)
{
    if (m < 2 || y >= m)
        return MOT_EUSAGE;
    size_t a = 0;
    for (size_t i = 0; i < m; i++) {
        if (i == y)
            continue;
        size_t b = 0;
        for (size_t j = 0; j < m; j++) {
            if (j == y)
                continue;
            rxx[a * (m - 1) + b] = corr[i * m + j];
            b++;
        }
        rxy[a] = corr[i * m + y];
        a++;
    }
    return MOT_OK;
}

mot_status mot_regress_r2(const double *rxx, const double *rxy, size_t p,
                          const size_t *subset, size_t k, double *r2,
                          double *beta, mot_error *err)
{
    if (k > p)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "subset of %zu predictors out of %zu", k, p);
    for (size_t i = 0; i < k; i++)
        if (subset[i] >= p)
            return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                                 "predictor index %zu out of range", subset[i]);
    if (k == 0) {
        *r2 = 0;
        return MOT_OK;
    }
    mot_stats_gsl_quiet();
    gsl_matrix *a = gsl_matrix_alloc(k, k);
    gsl_vector *b = gsl_vector_alloc(k), *x = gsl_vector_alloc(k);
    mot_status st = MOT_OK;
    if (!a || !b || !x) {
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < k; i++) {
        for (size_t j = 0; j < k; j++)
            gsl_matrix_set(a, i, j, rxx[subset[i] * p + subset[j]]);
        gsl_vector_set(b, i, rxy[subset[i]]);
        if (!isfinite(rxy[subset[i]])) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "predictor %zu has no finite correlation with "
                               "the outcome", subset[i]);
            goto done;
        }
    }
    for (size_t i = 0; i < k * k; i++)
        if (!isfinite(a->data[i])) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "predictor %zu is constant",
                               subset[i / k]);
            goto done;
        }
    /* GSL fails on a negative pivot; a pivot that is merely rounding
    ** noise (1 - R^2 of a predictor on those before it below
    ** MOT_COLLINEAR_TOL) is collinear too. */
    int ok = gsl_linalg_cholesky_decomp1(a) == GSL_SUCCESS;
    for (size_t i = 0; i < k && ok; i++) {
        double d = gsl_matrix_get(a, i, i);
        ok = d * d >= MOT_COLLINEAR_TOL * rxx[subset[i] * p + subset[i]];
    }
    if (!ok || gsl_linalg_cholesky_solve(a, b, x) != GSL_SUCCESS) {
        st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                           "the predictors' correlation matrix is not "
                           "positive definite (collinear predictors)");
        goto done;
    }
    double s = 0;
    for (size_t i = 0; i < k; i++) {
        s += gsl_vector_get(b, i) * gsl_vector_get(x, i);
        if (beta)
            beta[i] = gsl_vector_get(x, i);
    }
    *r2 = s;
done:
    gsl_matrix_free(a);
    gsl_vector_free(b);
    gsl_vector_free(x);
    return st;
}
