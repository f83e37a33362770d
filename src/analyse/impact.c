/*
** impact.c: the importance of each touchpoint for the overall score
** (docs/methods.md, "Impact on the overall score").
**
** Outcome: customers.csv's overall score (mot.ini [outcomes] overall),
** else NPS; customers without it are left out. Predictor of touchpoint j:
** the customer's mean rated score there, x_j. Most customers did not rate
** most touchpoints (not met, or met and not asked), so x_j is missing for
** most of them; it is never taken as zero on the score scale. Instead
**     z_j = x_j - mu_j   for customers who rated j,   z_j = 0   otherwise,
** mu_j the mean of x_j over the n_j customers (with the outcome) who
** rated it: mean imputation, centred at the raters' mean. Then sum z_j = 0
** and every covariance with z_j is a sum over the raters of j only, e.g.
**     (N - 1) cov(z_j, y) = sum_{raters of j} (x_j - mu_j)(y - mean_y)
**                         = sum_{raters of j} (x_j - mu_j)(y - m_j),
** m_j the mean of y over the raters of j,
** so a customer who did not rate j adds nothing to what z_j explains, and
** a difference in level between raters and the others (e.g. unhappy
** customers rating more often) cannot leak into it. The correlation
** matrix of (z_1..z_p, y) is a proper correlation matrix of real rows
** (positive semi-definite, R^2 <= 1) and comes from one mot_moments.
**
** Meaning: importance_j is the part of the variance of the overall score,
** across all customers with one, that the observed experiences at j
** explain (LMG up to 15 touchpoints, Johnson's relative weights above;
** the parts sum to overall_r2). A touchpoint few customers meet or rate
** explains little of that variance however strongly it moves those who
** meet it: with uncorrelated touchpoints importance_j is about
** (n_j / N) r_j^2, r_j the correlation among its raters. Reach is thus
** part of the estimate. Touchpoints rated by fewer than min_group
** customers with the outcome are left out (NAN, noted). Intervals:
** percentile, from the batched one-pass Poisson bootstrap (bootimp.c).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "analyse/shared.h"

/* What the bootstrap callbacks read. */
typedef struct imp_ctx {
    const mot_features *f;
    const float *y;           /* outcome per customers.csv row */
    size_t p;                 /* touchpoints in the model */
    size_t *tp;               /* their indexes */
    double *mu;               /* their raters' means */
} imp_ctx;

/* (z_1..z_p, y) of feature row i; 0 without an outcome. */
static int imp_row(const void *vctx, size_t i, double *const *vals)
{
    const imp_ctx *c = vctx;
    int32_t cr = c->f->customer_row[i];
    if (cr < 0 || isnan(c->y[cr]))
        return 0;
    double *v = vals[0];
    for (size_t j = 0; j < c->p; j++) {
        float x = c->f->mean[i * c->f->ntp + c->tp[j]];
        v[j] = isnan(x) ? 0 : x - c->mu[j];
    }
    v[c->p] = c->y[cr];
    return 1;
}

/* The statistic: importance of each touchpoint, then R^2 (q = p + 1). */
static void imp_stat(const void *vctx, mot_moments *const *acc, double *out)
{
    const imp_ctx *c = vctx;
    mot_design_importance_stat(acc[0], c->p, out);
}

/* The outcome column and its name; NULL when there is none. */
static const float *outcome(const mot_project *p, const char **name)
{
    const mot_customers *cu = p->customers;
    if (cu && cu->has_overall) {
        *name = "overall";
        return cu->overall;
    }
    if (cu && cu->has_nps) {
        *name = "nps";
        return cu->nps;
    }
    return NULL;
}

/* Choose the touchpoints rated by at least min_group customers with the
** outcome, and their raters' means (a first pass). */
static mot_status choose(const mot_project *pj, const mot_features *f,
                         const mot_analyse_options *o, mot_analysis *a,
                         imp_ctx *c)
{
    size_t ntp = f->ntp;
    size_t *n = calloc(ntp + 1, sizeof *n);
    double *sum = calloc(ntp + 1, sizeof *sum);
    c->tp = malloc((ntp + 1) * sizeof *c->tp);
    c->mu = malloc((ntp + 1) * sizeof *c->mu);
    mot_status st = MOT_ENOMEM;
    if (!n || !sum || !c->tp || !c->mu)
        goto done;
    for (size_t i = 0; i < f->ncustomers; i++) {
        int32_t cr = f->customer_row[i];
        for (size_t t = 0; t < ntp && cr >= 0 && !isnan(c->y[cr]); t++) {
            float x = f->mean[i * ntp + t];
            n[t] += !isnan(x);
            sum[t] += isnan(x) ? 0 : x;
        }
    }
    st = MOT_OK;
    for (size_t t = 0; t < ntp && st == MOT_OK; t++) {
        if (n[t] >= o->min_group) {
            c->mu[c->p] = sum[t] / (double)n[t];
            c->tp[c->p++] = t;
        } else if (n[t] > 0) {
            st = mot_analysis_note(a, "%s: rated by %zu customers with %s "
                                      "(fewer than %zu): no importance",
                                   pj->blueprint.tp[t].id, n[t],
                                   a->overall_outcome, o->min_group);
        }
    }
done:
    free(n);
    free(sum);
    return st;
}

/* Copy the estimates and intervals into the result. */
static mot_status store(const imp_ctx *c, const mot_boot_out *bo,
                        const mot_analyse_options *o, mot_analysis *a)
{
    a->overall_r2 = bo->est[c->p];
    snprintf(a->importance_method, sizeof a->importance_method, "%s",
             c->p <= MOT_LMG_MAXP ? "lmg" : "relative_weights");
    snprintf(a->interval_method, sizeof a->interval_method,
             "percentile Poisson bootstrap (%u)", o->bootstrap);
    for (size_t j = 0; j < c->p; j++) {
        mot_tp_result *r = &a->tp[c->tp[j]];
        r->importance = bo->est[j];
        r->importance_lo = bo->lo[j];
        r->importance_hi = bo->hi[j];
    }
    if (isnan(a->overall_r2))
        return mot_analysis_note(a, "importance: the rated touchpoints are "
                                    "collinear: no importance");
    if (bo->failed)
        return mot_analysis_note(a, "importance: %zu of %u bootstrap "
                                    "replicates gave no estimate and were "
                                    "left out of the intervals", bo->failed,
                                 o->bootstrap);
    return MOT_OK;
}

/* The pass and the bootstrap. */
static mot_status estimate(const mot_analyse_options *o, mot_analysis *a,
                           imp_ctx *c)
{
    size_t dim = c->p + 1;
    mot_boot_job job = {c->f->ncustomers, 1, &dim, c->p + 1, imp_row,
                        imp_stat, c, o->bootstrap, o->seed, o->threads, 0.95,
                        0};
    mot_boot *b;
    mot_boot_out bo;
    mot_status st = mot_boot_pass(&job, &b);
    if (st != MOT_OK)
        return st;
    a->overall_n = (size_t)mot_moments_rows(mot_boot_total(b)[0]);
    if ((st = mot_boot_stats(b, &bo)) == MOT_OK) {
        st = store(c, &bo, o, a);
        mot_boot_out_free(&bo);
    }
    mot_boot_free(b);
    return st;
}

mot_status mot_analyse_overall(const mot_project *p, const mot_features *f,
                               const mot_analyse_options *o, mot_analysis *a,
                               mot_error *err)
{
    const char *name = "";
    imp_ctx c = {f, outcome(p, &name), 0, NULL, NULL};
    snprintf(a->overall_outcome, sizeof a->overall_outcome, "%s", name);
    if (!c.y)
        return mot_analysis_note(a, "no overall score or NPS in "
                                    "customers.csv: no importance on the "
                                    "overall score");
    mot_status st = choose(p, f, o, a, &c);
    if (st == MOT_OK && c.p == 0)
        st = mot_analysis_note(a, "no touchpoint is rated by %zu customers "
                                  "with %s: no importance", o->min_group,
                               name);
    else if (st == MOT_OK)
        st = estimate(o, a, &c);
    free(c.tp);
    free(c.mu);
    if (st == MOT_ENOMEM)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    return st;
}
