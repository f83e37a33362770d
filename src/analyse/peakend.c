/*
** peakend.c: the peak-end comparison (Kahneman et al. 1993; Redelmeier &
** Kahneman 1996): is a customer's overall score better predicted by the
** worst, best and last moments of the journey than by its mean?
**
** Customers: those with an overall score y and at least 2 rated moments
** (derive.h; with one, worst = best = end = mean and the models cannot
** differ). Three linear models, fitted by least squares (mot_ols):
**     peak-end  y ~ 1 + worst + best + end
**     mean      y ~ 1 + journey_mean
**     primacy   y ~ 1 + first + worst + best + end
** (first: the first rated moment; Asch 1946 for primacy in impressions)
** compared by K-fold cross-validated R^2 (K = 10; Stone 1974):
**     R^2_cv = 1 - sum_i (y_i - yhat_i^(-k(i)))^2 / sum_i (y_i - ybar)^2
** where yhat^(-k) is the model fitted without fold k and ybar the mean of
** all y. Fold k(i) is assigned by shuffling the labels i mod K with the
** seeded PRNG, so folds differ in size by at most one. Cross-validation
** charges the peak-end model for its extra coefficients, so the winner
** ("peak_end" when its R^2_cv is higher, "mean" otherwise, ties included)
** is not a matter of model size. With n = K it is leave-one-out.
**
** Interval of the difference R^2_cv(peak-end) - R^2_cv(mean): the
** batched one-pass Poisson bootstrap of mot_boot_run (shared.h) over
** customers, of the difference computed from the held-out squared
** errors, the cross-validated predictions being held fixed (the fits are
** not repeated per replicate, so the interval reflects which customers
** were sampled, not the fitting noise, which is small next to it for n in
** the hundreds). Its cost does not grow with the customers past 4096.
** The interval of R^2_cv(primacy) - R^2_cv(peak-end) comes from the same
** replicates; primacy_adds is 1 when it lies above 0 (the first moment
** explains the overall score beyond peak-end), 0 otherwise or without it.
**
** Counts: over every customer with at least 2 rated moments (an overall
** score not needed), how often each touchpoint is the first, the worst,
** the best and the end moment.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "analyse/shared.h"
#include "core/mem.h"
#include "mot/stats.h"

#define PE_FOLDS 10
#define PE_MODELS 3          /* peak-end, mean, primacy */
#define PE_MAXP 4            /* predictors of the largest model */

/* Customers in the comparison and their held-out squared errors. */
typedef struct pe_data {
    size_t n;
    uint32_t *row;           /* feature rows */
    unsigned char *fold;
    double *y;               /* overall scores */
    double *sq[PE_MODELS];   /* held-out squared errors */
    int primacy;             /* 1 when the primacy model could be fitted */
} pe_data;

/* The fitted coefficients (intercept first) per model and fold. */
typedef struct pe_fit {
    double b[PE_MODELS][PE_FOLDS][PE_MAXP + 1];
} pe_fit;

static const size_t model_p[PE_MODELS] = {3, 1, 4};

/* Predictors of model `model` for feature row c into x. */
static void predictors(const mot_features *f, size_t c, int model, double *x)
{
    if (model == 0) {
        x[0] = f->worst_moment[c];
        x[1] = f->best_moment[c];
        x[2] = f->end[c];
    } else if (model == 1) {
        x[0] = f->journey_mean[c];
    } else {
        x[0] = f->first[c];
        x[1] = f->worst_moment[c];
        x[2] = f->best_moment[c];
        x[3] = f->end[c];
    }
}

static double overall_of(const mot_project *p, const mot_features *f,
                         size_t c)
{
    int32_t row = f->customer_row[c];
    return row >= 0 ? p->customers->overall[row] : NAN;
}

/* Count the first, worst, best and end touchpoints; collect the customers of the
** comparison into d->row (when the project has an overall score). */
static void collect(const mot_project *p, const mot_features *f,
                    mot_peak_end *pe, pe_data *d)
{
    int with_overall = p->customers && p->customers->has_overall;
    for (size_t c = 0; c < f->ncustomers; c++) {
        if (f->rated[c] < 2)
            continue;
        pe->first_count[f->first_tp[c]]++;
        pe->worst_count[f->worst_tp[c]]++;
        pe->best_count[f->best_tp[c]]++;
        pe->end_count[f->end_tp[c]]++;
        if (with_overall && !isnan(overall_of(p, f, c)))
            d->row[d->n++] = (uint32_t)c;
    }
}

/* Assign balanced folds by shuffling the labels i mod K. */
static mot_status assign_folds(pe_data *d, uint64_t seed)
{
    double *lab = mot_mem_alloc(d->n * sizeof *lab);
    mot_rng rng;
    if (!lab)
        return MOT_ENOMEM;
    for (size_t i = 0; i < d->n; i++)
        lab[i] = (double)(i % PE_FOLDS);
    mot_rng_seed(&rng, seed);
    mot_rng_shuffle(&rng, lab, d->n);
    for (size_t i = 0; i < d->n; i++)
        d->fold[i] = (unsigned char)lab[i];
    free(lab);
    return MOT_OK;
}

/* Fit model `model` on every fold but k from the per-fold moments acc.
** MOT_EDATA (err says why) when the training data cannot be fitted. */
static mot_status fit_fold(mot_moments *const *acc, int model, int k,
                           double level, pe_fit *fit, mot_error *err)
{
    mot_moments *train;
    mot_ols *ols = NULL;
    size_t p = model_p[model];
    mot_status st = mot_moments_new(p + 1, &train);
    for (int j = 0; j < PE_FOLDS && st == MOT_OK; j++)
        if (j != k)
            st = mot_moments_merge(train, acc[j]);
    if (st == MOT_OK)
        st = mot_ols_from_moments(train, p, level, &ols, err);
    for (size_t j = 0; st == MOT_OK && j <= p; j++)
        fit->b[model][k][j] = ols->coef[j].beta;
    mot_ols_free(ols);
    mot_moments_free(train);
    return st;
}

/* Accumulate each fold's (predictors, y) moments of one model and fit the
** K training sets. */
static mot_status fit_model(const mot_project *p, const mot_features *f,
                            const pe_data *d, int model, double level,
                            pe_fit *fit, mot_error *err)
{
    mot_moments *acc[PE_FOLDS] = {NULL};
    size_t np = model_p[model];
    mot_status st = MOT_OK;
    for (int k = 0; k < PE_FOLDS && st == MOT_OK; k++)
        st = mot_moments_new(np + 1, &acc[k]);
    for (size_t i = 0; i < d->n && st == MOT_OK; i++) {
        double x[PE_MAXP + 1];
        predictors(f, d->row[i], model, x);
        x[np] = overall_of(p, f, d->row[i]);
        st = mot_moments_add(acc[d->fold[i]], x, 1.0);
    }
    for (int k = 0; k < PE_FOLDS && st == MOT_OK; k++)
        st = fit_fold(acc, model, k, level, fit, err);
    for (int k = 0; k < PE_FOLDS; k++)
        mot_moments_free(acc[k]);
    return st;
}

/* Held-out squared errors of every model, and their R^2_cv. MOT_EDATA
** if the overall score does not vary. */
static mot_status cv_r2(const mot_project *p, const mot_features *f,
                        pe_data *d, const pe_fit *fit, double *r2)
{
    double ybar = 0, sst = 0, sse[PE_MODELS] = {0, 0};
    for (size_t i = 0; i < d->n; i++)
        ybar += overall_of(p, f, d->row[i]);
    ybar /= (double)d->n;
    for (size_t i = 0; i < d->n; i++) {
        size_t c = d->row[i];
        double y = overall_of(p, f, c);
        d->y[i] = y;
        sst += (y - ybar) * (y - ybar);
        for (int m = 0; m < PE_MODELS; m++) {
            const double *b = fit->b[m][d->fold[i]];
            if (m == 2 && !d->primacy) {
                d->sq[m][i] = 0;
                continue;
            }
            double x[PE_MAXP], yhat = b[0];
            predictors(f, c, m, x);
            for (size_t j = 0; j < model_p[m]; j++)
                yhat += b[j + 1] * x[j];
            d->sq[m][i] = (y - yhat) * (y - yhat);
            sse[m] += d->sq[m][i];
        }
    }
    if (!(sst > 0))
        return MOT_EDATA;
    for (int m = 0; m < PE_MODELS; m++)
        r2[m] = 1 - sse[m] / sst;
    if (!d->primacy)
        r2[2] = NAN;
    return MOT_OK;
}

/* ---- bootstrap of the difference ---------------------------------------- */

/* The row of customer i for the bootstrap: (y, e^2 peak-end, e^2 mean,
** e^2 primacy). */
static int boot_row(const void *ctx, size_t i, double *const *vals)
{
    const pe_data *d = ctx;
    vals[0][0] = d->y[i];
    for (int m = 0; m < PE_MODELS; m++)
        vals[0][1 + m] = d->sq[m][i];
    return 1;
}

/* The differences of R^2 from weighted sums: with W the weight, the means
** of the squared errors and C_yy the co-moment of y,
** R^2_a - R^2_b = (sum w e^2_b - sum w e^2_a) / C_yy = W (mean_b - mean_a)
** / C_yy. out[0]: peak-end - mean; out[1]: primacy - peak-end. */
static void boot_stat(const void *ctx, mot_moments *const *acc, double *out)
{
    const pe_data *d = ctx;
    double mean[1 + PE_MODELS], c[(1 + PE_MODELS) * (1 + PE_MODELS)];
    out[0] = out[1] = NAN;
    if (mot_moments_mean(acc[0], mean) == MOT_OK &&
        mot_moments_comoment(acc[0], c) == MOT_OK && c[0] > 0) {
        double w = mot_moments_weight(acc[0]);
        out[0] = w * (mean[2] - mean[1]) / c[0];
        if (d->primacy)
            out[1] = w * (mean[1] - mean[3]) / c[0];
    }
}

/* The percentile intervals of both differences into pe (left NAN with
** fewer than 2 usable replicates), by the batched one-pass Poisson
** bootstrap of mot_boot_run. MOT_ENOMEM. */
static mot_status bootstrap(const pe_data *d, const mot_analyse_options *o,
                            mot_peak_end *pe)
{
    static const size_t dim = 1 + PE_MODELS;
    mot_boot_job job = {d->n, 1, &dim, 2, boot_row, boot_stat, d,
                        o->bootstrap, o->seed, o->threads, 1 - o->alpha, 0};
    mot_boot_out out;
    mot_status st;
    if (o->bootstrap < 2)
        return MOT_OK;
    if ((st = mot_boot_run(&job, &out)) == MOT_OK) {
        pe->diff_lo = out.lo[0];
        pe->diff_hi = out.hi[0];
        pe->primacy_diff_lo = out.lo[1];
        pe->primacy_diff_hi = out.hi[1];
        pe->primacy_adds = out.lo[1] > 0;
    }
    mot_boot_out_free(&out);
    return st == MOT_ENOMEM ? st : MOT_OK;
}

/* ---- the comparison ----------------------------------------------------- */

static void data_free(pe_data *d)
{
    free(d->row);
    free(d->fold);
    free(d->y);
    for (int m = 0; m < PE_MODELS; m++)
        free(d->sq[m]);
}

/* Fit, cross-validate and bootstrap the customers in d. MOT_EDATA (with a
** note's text in err) when the models cannot be fitted. */
static mot_status compare(const mot_project *p, const mot_features *f,
                          const mot_analyse_options *o, pe_data *d,
                          mot_peak_end *pe, mot_error *err)
{
    pe_fit fit;
    double r2[PE_MODELS];
    mot_status st;
    d->fold = mot_mem_alloc(d->n);
    d->y = mot_mem_alloc(d->n * sizeof *d->y);
    for (int m = 0; m < PE_MODELS; m++)
        if (!(d->sq[m] = mot_mem_alloc(d->n * sizeof *d->sq[m])))
            return MOT_ENOMEM;
    if (!d->fold || !d->y || assign_folds(d, o->seed) != MOT_OK)
        return MOT_ENOMEM;
    for (int m = 0; m < 2; m++)
        if ((st = fit_model(p, f, d, m, 1 - o->alpha, &fit, err)) != MOT_OK)
            return st;
    /* The primacy model failing (e.g. first collinear with the others)
    ** leaves r2_primacy NAN, noted by the caller, not the comparison. */
    st = fit_model(p, f, d, 2, 1 - o->alpha, &fit, err);
    if (st == MOT_ENOMEM)
        return st;
    d->primacy = st == MOT_OK;
    if (cv_r2(p, f, d, &fit, r2) != MOT_OK)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "the overall score does not vary");
    pe->available = 1;
    pe->n = d->n;
    pe->r2_peak_end = r2[0];
    pe->r2_mean = r2[1];
    pe->r2_primacy = r2[2];
    strcpy(pe->winner, r2[0] > r2[1] ? "peak_end" : "mean");
    return bootstrap(d, o, pe);
}

mot_status mot_analyse_peak_end(const mot_project *p, const mot_features *f,
                                const mot_analyse_options *o,
                                mot_analysis *a, mot_error *err)
{
    pe_data d;
    mot_error why;
    size_t need = o->min_group > PE_FOLDS ? o->min_group : PE_FOLDS;
    mot_status st;
    memset(&d, 0, sizeof d);
    if (!(d.row = mot_mem_alloc((f->ncustomers + 1) * sizeof *d.row)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    collect(p, f, &a->peak_end, &d);
    if (d.n < need) {
        data_free(&d);
        return mot_analysis_note(a, "peak-end not compared: %zu customers "
                                    "have an overall score and 2 or more "
                                    "rated moments, %zu are needed",
                                 d.n, need);
    }
    mot_error_clear(&why);
    st = compare(p, f, o, &d, &a->peak_end, &why);
    data_free(&d);
    if (st == MOT_ENOMEM)
        return mot_error_set(err, st, NULL, 0, 0, "out of memory");
    if (st != MOT_OK) {
        a->peak_end.available = 0;
        return mot_analysis_note(a, "peak-end not compared: %s",
                                 why.message);
    }
    if (!d.primacy &&
        mot_analysis_note(a, "peak-end: the first moment not compared "
                             "(%s)", why.message) != MOT_OK)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    if (o->bootstrap >= 2 && isnan(a->peak_end.diff_lo))
        return mot_analysis_note(a, "peak-end: too few bootstrap "
                                    "replicates could be computed for an "
                                    "interval of the difference");
    return MOT_OK;
}
