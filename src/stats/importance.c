/*
** importance.c: relative importance of correlated predictors in a linear
** regression: exact LMG / Shapley values, Johnson's relative weights and
** Pratt's measure, all from the correlation matrix.
**
** LMG (Lindeman, Merenda & Gold 1980; Groemping 2006, J. Stat. Softw.
** 17(1)) is the Shapley value of the R^2 game:
**     lmg_j = sum_{S subset of others} |S|! (p-|S|-1)! / p!
**             * [R2(S + j) - R2(S)],
** which sums to R2(all). All 2^p subset R^2 values are computed once, in
** a depth-first walk that adds predictors in increasing index order and
** borders the parent's Cholesky factor: for S with R_SS = L L',
** c = L^{-1} r_S and R2(S) = c'c, appending j > max(S) needs
**     l = L^{-1} R_Sj,  d = sqrt(R_jj - l'l),  c_new = (r_j - l'c) / d,
**     R2(S + j) = R2(S) + c_new^2,
** i.e. O(|S|^2) per subset instead of O(|S|^3).
**
** Johnson (2000, Multivariate Behav. Res. 35(1)): R_xx = V diag(e) V'
** (gsl_eigen_symmv), Lambda = V diag(sqrt e) V' (the symmetric square
** root), beta* = Lambda^{-1} r_xy = V diag(1/sqrt e) V' r_xy, and
**     rw_j = sum_k Lambda_jk^2 beta*_k^2,   sum_j rw_j = R^2.
** Pratt (1987): pratt_j = beta_j r_jy with beta = R_xx^{-1} r_xy.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>

#include "mot/stats.h"
#include "stats/stats_int.h"

mot_status mot_importance_check(const double *rxx, const double *rxy,
                                size_t p, mot_error *err)
{
    if (p < 1)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "no predictors");
    for (size_t j = 0; j < p; j++)
        if (isnan(rxx[j * p + j]))
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                 "predictor %zu is constant", j);
    for (size_t j = 0; j < p; j++) {
        int ok = isfinite(rxy[j]) && fabs(rxx[j * p + j] - 1) < 1e-9;
        for (size_t k = 0; k < p && ok; k++)
            ok = isfinite(rxx[j * p + k]) &&
                 fabs(rxx[j * p + k] - rxx[k * p + j]) < 1e-12;
        if (!ok)
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                 "predictor %zu has invalid correlations "
                                 "(not finite, not symmetric or a diagonal "
                                 "other than 1)", j);
    }
    double *l = malloc(p * p * sizeof *l);
    if (!l)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    size_t bad = mot_chol_first_bad(rxx, p, p, MOT_COLLINEAR_TOL, l, p);
    free(l);
    if (bad < p)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "predictor %zu is collinear with predictors 0.."
                             "%zu", bad, bad ? bad - 1 : 0);
    return MOT_OK;
}

/* The depth-first walk over subsets (see the file comment). */
typedef struct walk {
    const double *rxx, *rxy;
    size_t p;
    double *l;          /* p x p: row k is the factor row of S[k] */
    double *c;          /* p: L^{-1} r_S */
    size_t *s;          /* p: the subset's members, ascending */
    double *r2;         /* 2^p: R2 by bit mask */
} walk;

static void dfs(walk *w, size_t depth, size_t from, uint32_t mask, double r2)
{
    size_t p = w->p;
    double *lk = w->l + depth * p;
    for (size_t j = from; j < p; j++) {
        double ss = 0, lc = 0;
        for (size_t i = 0; i < depth; i++) {
            double t = w->rxx[w->s[i] * p + j];
            const double *li = w->l + i * p;
            for (size_t m = 0; m < i; m++)
                t -= li[m] * lk[m];
            t /= li[i];
            lk[i] = t;
            ss += t * t;
            lc += t * w->c[i];
        }
        double d2 = w->rxx[j * p + j] - ss;
        /* mot_importance_check ruled out d2 <= tol for the full ordered
        ** set, and a subset's pivot is never smaller. */
        double d = sqrt(d2 > 0 ? d2 : 0);
        lk[depth] = d;
        w->s[depth] = j;
        double cj = d > 0 ? (w->rxy[j] - lc) / d : 0;
        w->c[depth] = cj;
        uint32_t m2 = mask | (uint32_t)1 << j;
        double r2j = r2 + cj * cj;
        w->r2[m2] = r2j;
        dfs(w, depth + 1, j + 1, m2, r2j);
    }
}

mot_status mot_importance_lmg(const double *rxx, const double *rxy, size_t p,
                              double *lmg, double *r2, mot_error *err)
{
    if (p > MOT_LMG_MAXP)
        return mot_error_set(err, MOT_ELIMIT, NULL, 0, 0,
                             "exact LMG needs 2^%zu subsets; at most %d "
                             "predictors", p, MOT_LMG_MAXP);
    mot_status st = mot_importance_check(rxx, rxy, p, err);
    if (st != MOT_OK)
        return st;
    size_t nsub = (size_t)1 << p;
    walk w = {rxx, rxy, p, NULL, NULL, NULL, NULL};
    w.l = calloc(p * p, sizeof *w.l);
    w.c = calloc(p, sizeof *w.c);
    w.s = calloc(p, sizeof *w.s);
    w.r2 = calloc(nsub, sizeof *w.r2);
    double *fact = calloc(p + 1, sizeof *fact);
    if (!w.l || !w.c || !w.s || !w.r2 || !fact) {
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    w.r2[0] = 0;
    dfs(&w, 0, 0, 0, 0);
    /* Shapley weights |S|!(p-|S|-1)!/p! by size. */
    fact[0] = 1;
    for (size_t i = 1; i <= p; i++)
        fact[i] = fact[i - 1] * (double)i;
    for (size_t j = 0; j < p; j++) {
        uint32_t bit = (uint32_t)1 << j;
        double s = 0;
        for (uint32_t m = 0; m < nsub; m++) {
            if (m & bit)
                continue;
            size_t k = (size_t)__builtin_popcount(m);
            s += fact[k] * fact[p - k - 1] * (w.r2[m | bit] - w.r2[m]);
        }
        lmg[j] = s / fact[p];
    }
    if (r2)
        *r2 = w.r2[nsub - 1];
done:
    free(w.l);
    free(w.c);
    free(w.s);
    free(w.r2);
    free(fact);
    return st;
}

mot_status mot_importance_rw(const double *rxx, const double *rxy, size_t p,
                             double *rw, double *r2, mot_error *err)
{
    mot_status st = mot_importance_check(rxx, rxy, p, err);
    if (st != MOT_OK)
        return st;
    mot_stats_gsl_quiet();
    gsl_matrix *a = gsl_matrix_alloc(p, p), *v = gsl_matrix_alloc(p, p);
    gsl_vector *e = gsl_vector_alloc(p);
    gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(p);
    double *lam = calloc(p * p, sizeof *lam), *bs = calloc(p, sizeof *bs);
    double *t = calloc(p, sizeof *t);
    if (!a || !v || !e || !ws || !lam || !bs || !t) {
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j < p; j++)
            gsl_matrix_set(a, i, j, rxx[i * p + j]);
    if (gsl_eigen_symmv(a, e, v, ws) != GSL_SUCCESS) {
        st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                           "eigendecomposition of the predictors' "
                           "correlation matrix failed");
        goto done;
    }
    for (size_t k = 0; k < p; k++)
        if (!(gsl_vector_get(e, k) > 0)) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "the predictors' correlation matrix is not "
                               "positive definite");
            goto done;
        }
    /* Lambda = V diag(sqrt e) V'; t = diag(1/sqrt e) V' rxy; beta* = V t. */
    for (size_t k = 0; k < p; k++) {
        double s = 0;
        for (size_t i = 0; i < p; i++)
            s += gsl_matrix_get(v, i, k) * rxy[i];
        t[k] = s / sqrt(gsl_vector_get(e, k));
    }
    for (size_t i = 0; i < p; i++) {
        double s = 0;
        for (size_t k = 0; k < p; k++)
            s += gsl_matrix_get(v, i, k) * t[k];
        bs[i] = s;
        for (size_t j = 0; j < p; j++) {
            double q = 0;
            for (size_t k = 0; k < p; k++)
                q += gsl_matrix_get(v, i, k) * sqrt(gsl_vector_get(e, k)) *
                     gsl_matrix_get(v, j, k);
            lam[i * p + j] = q;
        }
    }
    double tot = 0;
    for (size_t j = 0; j < p; j++) {
        double s = 0;
        for (size_t k = 0; k < p; k++)
            s += lam[j * p + k] * lam[j * p + k] * bs[k] * bs[k];
        rw[j] = s;
        tot += s;
    }
    if (r2)
        *r2 = tot;
done:
    gsl_matrix_free(a);
    gsl_matrix_free(v);
    gsl_vector_free(e);
    if (ws)
        gsl_eigen_symmv_free(ws);
    free(lam);
    free(bs);
    free(t);
    return st;
}

mot_status mot_importance_pratt(const double *rxx, const double *rxy,
                                size_t p, double *beta, double *pratt,
                                double *r2, mot_error *err)
{
    mot_status st = mot_importance_check(rxx, rxy, p, err);
    if (st != MOT_OK)
        return st;
    size_t *all = malloc(p * sizeof *all);
    double *b = malloc(p * sizeof *b);
    double r2v = 0;
    if (!all || !b) {
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t j = 0; j < p; j++)
        all[j] = j;
    if ((st = mot_regress_r2(rxx, rxy, p, all, p, &r2v, b, err)) != MOT_OK)
        goto done;
    for (size_t j = 0; j < p; j++) {
        if (beta)
            beta[j] = b[j];
        if (pratt)
            pratt[j] = b[j] * rxy[j];
    }
    if (r2)
        *r2 = r2v;
done:
    free(all);
    free(b);
    return st;
}
