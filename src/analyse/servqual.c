/*
** servqual.c: SERVQUAL analysis of servqual.csv and servqual_weights.csv
** (Parasuraman, Zeithaml & Berry 1988, 1994).
**
** For respondent r, item j and dimension d, with E expectation,
** P perception, A adequate and D desired:
**   item gap     g_rj = P - E;  MSA_rj = P - A;  MSS_rj = P - D
**   item means   over the respondents who rated j (each measure over the
**                rows where its values are present), t intervals;
**   G_rd         the mean of r's item gaps in d (likewise E, P, MSA, MSS);
**   dimension    the mean over respondents of G_rd (respondent-level),
**                t interval;
**   unweighted   U_r = the mean of G_rd over the dimensions in the data;
**                the score is the mean of U_r over the respondents who
**                have every dimension (with complete answers: the mean of
**                the dimension gaps, as 12manage computes it);
**   weighted     w_rd = points_rd / the sum of r's points over the
**                dimensions in the data (points out of 100, so with all
**                five dimensions w_rd = points_rd / 100); W_r =
**                sum_d w_rd G_rd; the score is the mean of W_r
**                (per-respondent weighting, Zeithaml, Parasuraman & Berry
**                1990), over respondents with weights and every dimension;
**   alpha        Cronbach's alpha of the dimension's items, expectations
**                and perceptions separately, listwise (mot_alpha_compute);
**   zone         below when the mean MSA < 0, above when the mean MSS > 0,
**                else inside (the zone includes its edges);
**   derived      without weights, when respondents have an overall score
**                Y_r (servqual.csv's overall column, else the caller's,
**                e.g. customers.csv): over the respondents with Y_r and
**                P_rd in each of the p dimensions of the data (at least
**                p + 2 of them), the LMG decomposition of the R^2 of Y on
**                the P_rd (mot_design_importance), each dimension's part
**                divided by R^2: its share of the explained variance,
**                summing to 1; a percentile interval from a Poisson
**                bootstrap of the respondents (mot_boot_run);
**   IPA          importance = the mean weight share of the dimension
**                (weights win) or its derived share, performance = its
**                mean perception (mot_ipa_classify).
** docs/methods.md gives the sources, the checks and the edge cases.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/shared.h"
#include "analyse/survey_int.h"

/* The measures of one answer. */
enum { ME, MP, MG, MSA, MSS, NMEASURES };

/* Accumulators per dimension: the measures, then the weight share. */
#define DIM_ACC (NMEASURES + 1)
#define ACC_WEIGHT NMEASURES

/* One respondent's sums over the items of one dimension. */
typedef struct cell {
    double sum[NMEASURES];
    uint32_t count[NMEASURES];
} cell;

/* The state of one analysis. */
typedef struct sq_work {
    const mot_servqual *s;
    mot_servqual_result *r;
    size_t nresp, nitems;
    cell *cells;                /* nresp x MOT_NDIMENSIONS */
    unsigned char *rated;       /* per respondent: some rating */
    mot_moments **item_acc;     /* nitems x NMEASURES */
    mot_moments **dim_acc;      /* MOT_NDIMENSIONS x DIM_ACC */
    mot_moments *score_acc[2];  /* unweighted, weighted */
} sq_work;

const char *mot_zone_name(mot_zone z)
{
    switch (z) {
    case MOT_ZONE_BELOW: return "below";
    case MOT_ZONE_INSIDE: return "inside";
    case MOT_ZONE_ABOVE: return "above";
    case MOT_ZONE_NONE: break;
    }
    return "none";
}

const char *mot_importance_source_name(mot_importance_source s)
{
    switch (s) {
    case MOT_IMPORTANCE_WEIGHTS: return "weights";
    case MOT_IMPORTANCE_DERIVED: return "derived";
    case MOT_IMPORTANCE_NONE: break;
    }
    return "none";
}

void mot_servqual_options_default(mot_servqual_options *o)
{
    memset(o, 0, sizeof *o);
    o->level = 0.95;
    o->bootstrap = 200;
    o->seed = 1;
}

void mot_servqual_result_free(mot_servqual_result *r)
{
    if (!r)
        return;
    for (size_t j = 0; j < r->nitems; j++)
        free(r->items[j].item);
    free(r->items);
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        for (size_t t = 0; t < r->dims[d].ntouchpoints; t++)
            mot_survey_tp_clear(&r->dims[d].touchpoints[t]);
        free(r->dims[d].touchpoints);
    }
    free(r);
}

/* ---- setting up ------------------------------------------------------------- */

/* The result's items (names and dimensions, from each item's first row)
** and the dimensions' item counts. MOT_OK, MOT_EDATA for a row without
** an item or dimension or an item in two dimensions, MOT_ENOMEM. */
static mot_status make_items(sq_work *w, mot_error *err)
{
    const mot_servqual *s = w->s;
    mot_servqual_result *r = w->r;
    if (!(r->items = calloc(w->nitems ? w->nitems : 1, sizeof *r->items)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t j = 0; j < w->nitems; j++) {
        r->items[j].dimension = MOT_DIM_UNSET;
        r->nitems++;
        if (!(r->items[j].item = strdup(mot_strtab_get(s->items,
                                                       (uint32_t)j))))
            return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0,
                                 "out of memory");
    }
    for (size_t i = 0; i < s->n; i++) {
        int d = s->dimension[i];
        if (s->item[i] >= w->nitems || s->respondent[i] >= w->nresp ||
            d < 0 || d >= MOT_NDIMENSIONS)
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0, "SERVQUAL "
                                 "answer %zu has no respondent, item or "
                                 "dimension", i + 1);
        mot_servqual_item *it = &r->items[s->item[i]];
        if (it->dimension == MOT_DIM_UNSET) {
            it->dimension = (mot_dimension)d;
            r->dims[d].nitems++;
        } else if (it->dimension != (mot_dimension)d) {
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0, "SERVQUAL "
                                 "item \"%s\" is in two dimensions",
                                 it->item);
        }
    }
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        r->dims[d].dimension = (mot_dimension)d;
        r->ndims += r->dims[d].nitems > 0;
    }
    return MOT_OK;
}

/* Allocate the work arrays; MOT_OK or MOT_ENOMEM. */
static mot_status work_new(sq_work *w, mot_error *err)
{
    w->cells = calloc(w->nresp ? w->nresp * MOT_NDIMENSIONS : 1,
                      sizeof *w->cells);
    w->rated = calloc(w->nresp ? w->nresp : 1, 1);
    w->item_acc = calloc(w->nitems ? w->nitems * NMEASURES : 1,
                         sizeof *w->item_acc);
    w->dim_acc = calloc(MOT_NDIMENSIONS * DIM_ACC, sizeof *w->dim_acc);
    if (!w->cells || !w->rated || !w->item_acc || !w->dim_acc)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    mot_status st = mot_est_new(w->item_acc, w->nitems * NMEASURES, err);
    if (st == MOT_OK)
        st = mot_est_new(w->dim_acc, MOT_NDIMENSIONS * DIM_ACC, err);
    if (st == MOT_OK)
        st = mot_est_new(w->score_acc, 2, err);
    return st;
}

static void work_free(sq_work *w)
{
    if (w->item_acc)
        mot_est_free(w->item_acc, w->nitems * NMEASURES);
    if (w->dim_acc)
        mot_est_free(w->dim_acc, MOT_NDIMENSIONS * DIM_ACC);
    mot_est_free(w->score_acc, 2);
    free(w->item_acc);
    free(w->dim_acc);
    free(w->cells);
    free(w->rated);
}

/* ---- the answers ------------------------------------------------------------ */

/* Value of an optional column at row i (NAN when there is no column). */
static double opt_value(const float *col, size_t i)
{
    return col ? (double)col[i] : NAN;
}

/* Add every answer to its item's accumulators and its respondent's
** cell. */
static void add_answers(sq_work *w)
{
    const mot_servqual *s = w->s;
    for (size_t i = 0; i < s->n; i++) {
        double e = s->expectation[i], p = s->perception[i];
        double v[NMEASURES] = {e, p, p - e, p - opt_value(s->adequate, i),
                               p - opt_value(s->desired, i)};
        uint32_t who = s->respondent[i];
        cell *c = &w->cells[(size_t)who * MOT_NDIMENSIONS + s->dimension[i]];
        for (int m = 0; m < NMEASURES; m++) {
            if (isnan(v[m]))
                continue;
            mot_est_add(w->item_acc[(size_t)s->item[i] * NMEASURES + m],
                        v[m]);
            c->sum[m] += v[m];
            c->count[m]++;
        }
        if (!isnan(e) || !isnan(p))
            w->rated[who] = 1;
    }
}

/* G_rd (or another measure m) of respondent who: NAN when r has none. */
static double cell_mean(const sq_work *w, size_t who, int d, int m)
{
    const cell *c = &w->cells[who * MOT_NDIMENSIONS + d];
    return c->count[m] ? c->sum[m] / c->count[m] : NAN;
}

/* Each respondent's weight shares w_rd over the dimensions in the data,
** in share[who * MOT_NDIMENSIONS + d]; NAN for a respondent without
** weights (or whose points there add up to 0). MOT_ENOMEM or MOT_OK with
** *out NULL when there are no weights. */
static mot_status weight_shares(const sq_work *w, double **out,
                                mot_error *err)
{
    const mot_servqual *s = w->s;
    size_t cells = w->nresp * MOT_NDIMENSIONS;
    *out = NULL;
    if (s->nweights == 0)
        return MOT_OK;
    double *share = malloc((cells ? cells : 1) * sizeof *share);
    if (!share)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t c = 0; c < cells; c++)
        share[c] = NAN;
    for (size_t i = 0; i < s->nweights; i++) {
        int d = s->w_dimension[i];
        size_t who = s->w_respondent[i];
        if (who >= w->nresp || d < 0 || d >= MOT_NDIMENSIONS ||
            isnan(s->w_points[i]))
            continue;
        double *x = share + who * MOT_NDIMENSIONS;
        if (isnan(x[0]))        /* the respondent's first weight */
            for (int e = 0; e < MOT_NDIMENSIONS; e++)
                x[e] = 0;
        x[d] += s->w_points[i];
    }
    for (size_t who = 0; who < w->nresp; who++) {
        double *x = share + who * MOT_NDIMENSIONS, total = 0;
        for (int d = 0; d < MOT_NDIMENSIONS; d++)
            total += w->r->dims[d].nitems ? x[d] : 0;
        for (int d = 0; d < MOT_NDIMENSIONS; d++)
            x[d] = total > 0 && w->r->dims[d].nitems ? x[d] / total : NAN;
    }
    *out = share;
    return MOT_OK;
}

/* The respondent-level means of the dimensions, the weight shares and
** the two scores. MOT_OK or MOT_ENOMEM. */
static mot_status add_respondents(sq_work *w, mot_error *err)
{
    const mot_servqual_result *r = w->r;
    double *share;
    mot_status st = weight_shares(w, &share, err);
    if (st != MOT_OK)
        return st;
    for (size_t who = 0; who < w->nresp; who++) {
        double sum = 0, weighted = 0;
        int complete = w->rated[who];
        for (int d = 0; d < MOT_NDIMENSIONS; d++) {
            if (!r->dims[d].nitems)
                continue;
            for (int m = 0; m < NMEASURES; m++)
                mot_est_add(w->dim_acc[d * DIM_ACC + m],
                            cell_mean(w, who, d, m));
            double g = cell_mean(w, who, d, MG);
            double ws = share ? share[who * MOT_NDIMENSIONS + d] : NAN;
            mot_est_add(w->dim_acc[d * DIM_ACC + ACC_WEIGHT], ws);
            complete &= !isnan(g);
            sum += g;
            weighted += ws * g;
        }
        if (!complete)
            continue;
        mot_est_add(w->score_acc[0], sum / (double)r->ndims);
        mot_est_add(w->score_acc[1], weighted);
    }
    free(share);
    return MOT_OK;
}

/* Cronbach's alpha of dimension d's items, expectations and perceptions.
** MOT_OK or MOT_ENOMEM. */
static mot_status dimension_alpha(const sq_work *w, int d, mot_error *err)
{
    const mot_servqual *s = w->s;
    mot_servqual_dim *dim = &w->r->dims[d];
    size_t k = dim->nitems, cells = w->nresp * k;
    size_t *col = malloc((w->nitems ? w->nitems : 1) * sizeof *col);
    double *x = malloc(2 * (cells ? cells : 1) * sizeof *x);
    if (!col || !x) {
        free(col);
        free(x);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t j = 0, c = 0; j < w->nitems; j++)
        col[j] = w->r->items[j].dimension == (mot_dimension)d ? c++ : k;
    for (size_t c = 0; c < 2 * cells; c++)
        x[c] = NAN;
    for (size_t i = 0; i < s->n; i++) {
        if (s->dimension[i] != d)
            continue;
        size_t at = (size_t)s->respondent[i] * k + col[s->item[i]];
        x[at] = s->expectation[i];
        x[cells + at] = s->perception[i];
    }
    /* alpha may be undefined (one item, a constant item, too few
    ** respondents): then it is NAN, which is not a failure */
    mot_error e;
    mot_status st = mot_alpha_compute(x, w->nresp, k,
                                      &dim->alpha_expectation, &e);
    if (st != MOT_ENOMEM)
        st = mot_alpha_compute(x + cells, w->nresp, k,
                               &dim->alpha_perception, &e);
    free(col);
    free(x);
    if (st == MOT_ENOMEM)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    return MOT_OK;
}

/* Copy the blueprint rows of dimension d into its touchpoints. MOT_OK or
** MOT_ENOMEM. */
static mot_status dimension_touchpoints(mot_servqual_dim *dim,
                                        const mot_blueprint *b,
                                        mot_error *err)
{
    size_t n = 0;
    for (size_t t = 0; t < b->n; t++)
        n += b->tp[t].servqual_dimension == dim->dimension;
    if (n == 0)
        return MOT_OK;
    if (!(dim->touchpoints = calloc(n, sizeof *dim->touchpoints)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t t = 0; t < b->n; t++) {
        if (b->tp[t].servqual_dimension != dim->dimension)
            continue;
        if (mot_survey_tp_set(&dim->touchpoints[dim->ntouchpoints], b, t,
                              err) != MOT_OK)
            return MOT_ENOMEM;
        dim->ntouchpoints++;
    }
    return MOT_OK;
}

/* Alpha not computed (yet). */
static void no_alpha(mot_alpha *a)
{
    memset(a, 0, sizeof *a);
    a->alpha = a->alpha_std = a->rbar = NAN;
}

/* The zone of tolerance label of a dimension. */
static mot_zone zone_of(const mot_servqual_dim *dim)
{
    if (dim->msa.n == 0 || dim->mss.n == 0)
        return MOT_ZONE_NONE;
    if (dim->msa.mean < 0)
        return MOT_ZONE_BELOW;
    return dim->mss.mean > 0 ? MOT_ZONE_ABOVE : MOT_ZONE_INSIDE;
}

/* ---- derived importance ----------------------------------------------------- */

/* The rows of the derived importance: per respondent used, the p
** perception means and then the overall score. */
typedef struct derived_rows {
    const double *x;        /* nrows x (p + 1) */
    size_t p;
} derived_rows;

static int derived_row(const void *ctx, size_t row, double *const *vals)
{
    const derived_rows *dr = ctx;
    memcpy(vals[0], dr->x + row * (dr->p + 1), (dr->p + 1) * sizeof **vals);
    return 1;
}

/* out[0..p-1]: the LMG parts divided by R^2, out[p]: R^2; all NAN when
** the replicate does not allow them. */
static void derived_stat(const void *ctx, mot_moments *const *acc,
                         double *out)
{
    const derived_rows *dr = ctx;
    mot_design_importance_stat(acc[0], dr->p, out);
    for (size_t j = 0; j < dr->p; j++)
        out[j] = out[dr->p] > 0 ? out[j] / out[dr->p] : NAN;
}

/* Each respondent's overall score, in y (nresp values, NAN none): from
** servqual.csv's column, else from the options; r->derived.outcome
** names the source (NULL: neither). */
static void overall_scores(const sq_work *w, double *y)
{
    const mot_servqual *s = w->s;
    const double *given = w->r->options.overall;
    for (size_t who = 0; who < w->nresp; who++)
        y[who] = s->overall || !given ? NAN : given[who];
    if (s->overall)
        for (size_t i = 0; i < s->n; i++)
            if (isnan(y[s->respondent[i]]))
                y[s->respondent[i]] = s->overall[i];
    w->r->derived.outcome = s->overall ? "servqual.csv"
                            : given    ? "customers.csv" : NULL;
}

/* Without weights: the derived importance of the dimensions into their
** importance and interval, and importance_source DERIVED when it could
** be computed (the outcome varies, the perceptions are not collinear).
** MOT_OK or MOT_ENOMEM. */
static mot_status derived_importance(sq_work *w, mot_error *err)
{
    mot_servqual_result *r = w->r;
    mot_servqual_derived *dv = &r->derived;
    size_t p = r->ndims, dim = p + 1;
    int at[MOT_NDIMENSIONS];
    double *y = malloc((w->nresp ? w->nresp : 1) * sizeof *y);
    double *x = malloc((w->nresp ? w->nresp : 1) * dim * sizeof *x);
    mot_status st = MOT_OK;
    dv->bootstrap = r->options.bootstrap;
    if (!y || !x) {
        free(y);
        free(x);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    overall_scores(w, y);
    for (int d = 0, k = 0; d < MOT_NDIMENSIONS; d++)
        if (r->dims[d].nitems)
            at[k++] = d;
    for (size_t who = 0; dv->outcome && who < w->nresp; who++) {
        double *row = x + dv->n * dim;
        int complete = isfinite(y[who]);
        for (size_t j = 0; j < p; j++) {
            row[j] = cell_mean(w, who, at[j], MP);
            complete &= !isnan(row[j]);
        }
        row[p] = y[who];
        dv->n += complete;
    }
    if (dv->outcome && p > 0 && dv->n >= p + 2) {
        derived_rows dr = {x, p};
        mot_boot_job job = {dv->n, 1, &dim, dim, derived_row, derived_stat,
                            &dr, r->options.bootstrap, r->options.seed, 1,
                            r->options.level, 0};
        mot_boot_out bo;
        st = mot_boot_run(&job, &bo);
        if (st == MOT_OK && !isnan(bo.est[p])) {
            r->importance_source = MOT_IMPORTANCE_DERIVED;
            dv->r2 = bo.est[p];
            dv->failed = bo.failed;
            for (size_t j = 0; j < p; j++) {
                r->dims[at[j]].importance = bo.est[j];
                r->dims[at[j]].importance_lo = bo.lo[j];
                r->dims[at[j]].importance_hi = bo.hi[j];
            }
        }
        if (st == MOT_OK)
            mot_boot_out_free(&bo);
        else if (st == MOT_ENOMEM)
            mot_error_set(err, st, NULL, 0, 0, "out of memory");
        else    /* rows are finite and the job is well formed */
            st = mot_error_set(err, st, NULL, 0, 0, "SERVQUAL derived "
                               "importance failed: %s", mot_strerror(st));
    }
    free(y);
    free(x);
    return st;
}

/* The importance of each dimension: its weight share when there are
** weights (they win), else the derived importance when it can be had. */
static mot_status dimension_importance(sq_work *w, mot_error *err)
{
    mot_servqual_result *r = w->r;
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        mot_servqual_dim *dim = &r->dims[d];
        dim->importance = dim->importance_lo = dim->importance_hi = NAN;
    }
    r->derived.r2 = NAN;
    if (!r->has_weights)
        return derived_importance(w, err);
    r->importance_source = MOT_IMPORTANCE_WEIGHTS;
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        mot_servqual_dim *dim = &r->dims[d];
        dim->importance = dim->weight.mean;
        dim->importance_lo = dim->weight.lo;
        dim->importance_hi = dim->weight.hi;
    }
    return MOT_OK;
}

/* The IPA of the dimensions in the data: importance as chosen above,
** performance their mean perception. */
static mot_status dimension_ipa(mot_servqual_result *r, mot_error *err)
{
    double imp[MOT_NDIMENSIONS], perf[MOT_NDIMENSIONS];
    mot_ipa_quadrant q[MOT_NDIMENSIONS];
    int at[MOT_NDIMENSIONS];
    size_t n = 0;
    if (r->importance_source == MOT_IMPORTANCE_NONE)
        return MOT_OK;
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        if (!r->dims[d].nitems)
            continue;
        at[n] = d;
        imp[n] = r->dims[d].importance;
        perf[n++] = r->dims[d].perception.mean;
    }
    mot_status st = mot_ipa_classify(imp, perf, n, &r->options.ipa, q,
                                     &r->ipa, err);
    if (st == MOT_EDATA)        /* no dimension has both: no IPA */
        return MOT_OK;
    for (size_t i = 0; st == MOT_OK && i < n; i++)
        r->dims[at[i]].ipa = q[i];
    return st;
}

/* Everything that follows from the accumulated answers. */
static mot_status finish(sq_work *w, const mot_blueprint *b, mot_error *err)
{
    mot_servqual_result *r = w->r;
    double level = r->options.level;
    mot_status st = MOT_OK;
    for (size_t j = 0; j < w->nitems; j++) {
        mot_servqual_item *it = &r->items[j];
        mot_estimate *e[NMEASURES] = {&it->expectation, &it->perception,
                                      &it->gap, &it->msa, &it->mss};
        for (int m = 0; m < NMEASURES; m++)
            mot_est_finish(w->item_acc[j * NMEASURES + m], level, e[m]);
    }
    for (int d = 0; st == MOT_OK && d < MOT_NDIMENSIONS; d++) {
        mot_servqual_dim *dim = &r->dims[d];
        mot_estimate *e[DIM_ACC] = {&dim->expectation, &dim->perception,
                                    &dim->gap, &dim->msa, &dim->mss,
                                    &dim->weight};
        for (int m = 0; m < DIM_ACC; m++)
            mot_est_finish(w->dim_acc[d * DIM_ACC + m], level, e[m]);
        dim->zone = zone_of(dim);
        no_alpha(&dim->alpha_expectation);
        no_alpha(&dim->alpha_perception);
        if (dim->nitems)
            st = dimension_alpha(w, d, err);
        if (st == MOT_OK && b)
            st = dimension_touchpoints(dim, b, err);
    }
    mot_est_finish(w->score_acc[0], level, &r->unweighted);
    mot_est_finish(w->score_acc[1], level, &r->weighted);
    if (st == MOT_OK)
        st = dimension_importance(w, err);
    return st == MOT_OK ? dimension_ipa(r, err) : st;
}

/* ---- the analysis ----------------------------------------------------------- */

/* Check the options; MOT_OK or MOT_EUSAGE. */
static mot_status check_options(const mot_servqual_options *o,
                                mot_error *err)
{
    if (!(o->level > 0 && o->level < 1))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "the interval "
                             "level must be between 0 and 1");
    if (o->ipa.at_point &&
        (!isfinite(o->ipa.importance) || !isfinite(o->ipa.performance)))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "the IPA "
                             "crosshair must be a finite point");
    return MOT_OK;
}

mot_status mot_servqual_analyse(const mot_servqual *s,
                                const mot_blueprint *b,
                                const mot_servqual_options *opt,
                                mot_servqual_result **out, mot_error *err)
{
    sq_work w;
    mot_status st;
    *out = NULL;
    memset(&w, 0, sizeof w);
    w.s = s;
    w.nresp = mot_strtab_count(s->respondents);
    w.nitems = mot_strtab_count(s->items);
    if (!(w.r = calloc(1, sizeof *w.r)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    if (opt)
        w.r->options = *opt;
    else
        mot_servqual_options_default(&w.r->options);
    w.r->has_zone = s->adequate && s->desired;
    w.r->ipa.importance = w.r->ipa.performance = NAN;
    w.r->has_weights = s->nweights > 0;
    st = check_options(&w.r->options, err);
    if (st == MOT_OK)
        st = make_items(&w, err);
    if (st == MOT_OK)
        st = work_new(&w, err);
    if (st == MOT_OK) {
        add_answers(&w);
        for (size_t who = 0; who < w.nresp; who++)
            w.r->respondents += w.rated[who];
        if (w.r->respondents == 0)
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0, "no SERVQUAL "
                               "answer has an expectation or a perception");
    }
    if (st == MOT_OK)
        st = add_respondents(&w, err);
    if (st == MOT_OK)
        st = finish(&w, b, err);
    work_free(&w);
    w.r->options.overall = NULL;    /* not kept */
    if (st != MOT_OK) {
        mot_servqual_result_free(w.r);
        return st;
    }
    *out = w.r;
    return MOT_OK;
}
