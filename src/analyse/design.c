/*
** design.c: what the model matrices of the driver analyses need.
**
** Aliased columns. A column that is constant, or a linear combination of
** the kept columns before it (with the intercept), carries nothing the
** model does not already have, and its coefficient is not identified (R's
** lm and glm report NA for it). We find them as R does, in column order:
** with the correlation matrix of the complete rows, column j is dropped
** when 1 - R^2 of j on the kept earlier columns is below
** MOT_COLLINEAR_TOL (mot_regress_r2 on the correlation matrix).
**
** Importance. LMG (exact Shapley decomposition of R^2) up to
** MOT_LMG_MAXP predictors, Johnson's relative weights above (the stats
** core computes both from the correlation matrix).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/shared.h"

/* Correlation matrix of the complete rows of x (n x p, weights w or all
** 1) into corr. */
static mot_status corr_of(const double *x, size_t n, size_t p,
                          const double *w, double *corr)
{
    mot_moments *m;
    if (mot_moments_new(p, &m) != MOT_OK)
        return MOT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        mot_moments_add(m, x + i * p, w ? w[i] : 1);
    mot_status st = mot_moments_corr(m, corr);
    mot_moments_free(m);
    return st;
}

mot_status mot_design_keep(const double *x, size_t n, size_t p,
                           const double *w, unsigned char *keep)
{
    double *corr = malloc((p ? p * p : 1) * sizeof *corr);
    size_t *sub = malloc((p ? p : 1) * sizeof *sub);
    double *rxy = malloc((p ? p : 1) * sizeof *rxy);
    mot_status st = MOT_ENOMEM;
    if (!corr || !sub || !rxy)
        goto done;
    st = corr_of(x, n, p, w, corr);
    if (st == MOT_ENOMEM)
        goto done;
    size_t k = 0;
    for (size_t j = 0; j < p; j++) {
        double r2 = 0;
        keep[j] = 0;
        if (st != MOT_OK || isnan(corr[j * p + j]))
            continue;     /* constant, or no complete rows */
        for (size_t i = 0; i < p; i++)
            rxy[i] = corr[i * p + j];
        if (mot_regress_r2(corr, rxy, p, sub, k, &r2, NULL, NULL) != MOT_OK ||
            !(1 - r2 >= MOT_COLLINEAR_TOL))
            continue;
        keep[j] = 1;
        sub[k++] = j;
    }
    st = MOT_OK;
done:
    free(corr);
    free(sub);
    free(rxy);
    return st;
}

uint32_t mot_design_mode(const uint32_t *codes, size_t n, size_t nlevels,
                         size_t *counts)
{
    memset(counts, 0, nlevels * sizeof *counts);
    for (size_t i = 0; i < n; i++)
        if (codes[i] < nlevels)
            counts[codes[i]]++;
    uint32_t best = MOT_NONE;
    for (size_t l = 0; l < nlevels; l++)
        if (counts[l] && (best == MOT_NONE || counts[l] > counts[best]))
            best = (uint32_t)l;
    return best;
}

mot_status mot_design_importance(const double *corr, size_t p, size_t y,
                                 double *imp, double *r2,
                                 const char **method, mot_error *err)
{
    double *rxx = malloc((p ? p * p : 1) * sizeof *rxx);
    double *rxy = malloc((p ? p : 1) * sizeof *rxy);
    mot_status st = MOT_ENOMEM;
    if (rxx && rxy && (st = mot_corr_split(corr, p + 1, y, rxx, rxy)) ==
                          MOT_OK) {
        *method = p <= MOT_LMG_MAXP ? "lmg" : "relative_weights";
        st = p <= MOT_LMG_MAXP ? mot_importance_lmg(rxx, rxy, p, imp, r2, err)
                               : mot_importance_rw(rxx, rxy, p, imp, r2, err);
    }
    free(rxx);
    free(rxy);
    return st;
}

void mot_design_importance_stat(const mot_moments *acc, size_t p,
                                double *out)
{
    double *corr = malloc((p + 1) * (p + 1) * sizeof *corr);
    const char *method;
    if (!corr || mot_moments_corr(acc, corr) != MOT_OK ||
        mot_design_importance(corr, p, p, out, &out[p], &method, NULL) !=
            MOT_OK)
        for (size_t j = 0; j <= p; j++)
            out[j] = NAN;
    free(corr);
}
