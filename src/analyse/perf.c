/*
** perf.c: touchpoint performance, the first part of mot_analyse.
**
** Per touchpoint, over the events there:
**     n            events (contacts, rated or not)
**     n_rated      rated events; mean and sd of their scores (unbiased),
**                  and the t interval mean -+ t_{1-alpha/2, n-1} sd/sqrt(n)
**     tolerance    the blueprint's `tolerance`, else the scale's neutral
**                  (mot.ini [scale] neutral); target: the blueprint's
**     below_tolerance  share of rated scores strictly below tolerance,
**                  with the Wilson (1927) score interval
** and over customers (the rows of the features):
**     n_customers  customers with at least one contact there
**     reach        n_customers / customers
**
** Events are split in PERF_BLOCKS contiguous ranges, whatever the number
** of threads; each range gets a mot_moments accumulator and counts per
** touchpoint (a thread takes the ranges b with b % threads == its part),
** merged in range order at the end (Chan et al.'s pairwise formulas: the
** same numbers as one pass up to rounding, and the same numbers with any
** number of threads). Intervals need n_rated >= 2 (mean) and >= 1
** (share).
*/
#include <math.h>
#include <stdlib.h>

#include "analyse/internal.h"
#include "core/parallel.h"
#include "mot/stats.h"

/* The ranges the events are split in. */
#define PERF_BLOCKS 16

/* One range's sums per touchpoint. */
typedef struct perf_part {
    mot_moments **m;        /* rated scores */
    size_t *n;              /* events */
    size_t *below;          /* rated scores below tolerance */
    mot_status st;
} perf_part;

typedef struct perf_job {
    const mot_events *ev;
    size_t ntp;
    const double *tol;      /* per touchpoint */
    perf_part part[PERF_BLOCKS];
} perf_job;

static void part_free(perf_part *pp, size_t ntp)
{
    if (pp->m)
        for (size_t t = 0; t < ntp; t++)
            mot_moments_free(pp->m[t]);
    free(pp->m);
    free(pp->n);
    free(pp->below);
}

/* Allocate one range's accumulators; MOT_ENOMEM. */
static mot_status part_alloc(perf_part *pp, size_t ntp)
{
    pp->m = calloc(ntp + 1, sizeof *pp->m);
    pp->n = calloc(ntp + 1, sizeof *pp->n);
    pp->below = calloc(ntp + 1, sizeof *pp->below);
    if (!pp->m || !pp->n || !pp->below)
        return MOT_ENOMEM;
    for (size_t t = 0; t < ntp; t++)
        if (mot_moments_new(1, &pp->m[t]) != MOT_OK)
            return MOT_ENOMEM;
    return MOT_OK;
}

/* Accumulate the events of range b. */
static void perf_block(perf_job *j, unsigned b)
{
    perf_part *pp = &j->part[b];
    size_t lo = mot_parallel_lo(j->ev->n, b, PERF_BLOCKS),
           hi = mot_parallel_lo(j->ev->n, b + 1, PERF_BLOCKS);
    if ((pp->st = part_alloc(pp, j->ntp)) != MOT_OK)
        return;
    for (size_t i = lo; i < hi; i++) {
        uint32_t t = j->ev->touchpoint[i];
        double x = j->ev->score[i];
        if (t >= j->ntp)
            continue;
        pp->n[t]++;
        if (isnan(x))
            continue;
        /* a finite score with weight 1 cannot be rejected */
        mot_moments_add(pp->m[t], &x, 1.0);
        pp->below[t] += x < j->tol[t];
    }
}

/* Worker: the ranges b with b % nparts == part. */
static void perf_part_run(void *ctx, unsigned part, unsigned nparts)
{
    for (unsigned b = part; b < PERF_BLOCKS; b += nparts)
        perf_block(ctx, b);
}

/* Fill the score statistics of r from the merged sums of touchpoint t. */
static void score_stats(mot_tp_result *r, const perf_part *pp, size_t t,
                        double level)
{
    double mean, var, lo, hi;
    r->n = pp->n[t];
    r->n_rated = (size_t)mot_moments_rows(pp->m[t]);
    if (r->n_rated == 0)
        return;
    mot_moments_mean(pp->m[t], &mean);
    r->mean = mean;
    if (r->n_rated >= 2 && mot_moments_cov(pp->m[t], &var, 1) == MOT_OK) {
        double half = mot_t_quantile(0.5 + level / 2, (double)r->n_rated - 1) *
                      sqrt(var / (double)r->n_rated);
        r->sd = sqrt(var);
        r->mean_lo = mean - half;
        r->mean_hi = mean + half;
    }
    r->below_tolerance = (double)pp->below[t] / (double)r->n_rated;
    if (mot_prop_wilson((double)pp->below[t], (double)r->n_rated, level, &lo,
                        &hi) == MOT_OK) {
        r->below_lo = lo;
        r->below_hi = hi;
    }
}

/* Accumulate the events on threads and merge the ranges, in order, into
** range 0. */
static mot_status accumulate(perf_job *j, unsigned threads)
{
    mot_status st = MOT_OK;
    mot_parallel_run(mot_parallel_threads(threads, PERF_BLOCKS),
                     perf_part_run, j);
    for (unsigned i = 0; i < PERF_BLOCKS; i++)
        if (j->part[i].st != MOT_OK)
            st = j->part[i].st;
    for (unsigned i = 1; i < PERF_BLOCKS && st == MOT_OK; i++)
        for (size_t t = 0; t < j->ntp && st == MOT_OK; t++) {
            j->part[0].n[t] += j->part[i].n[t];
            j->part[0].below[t] += j->part[i].below[t];
            st = mot_moments_merge(j->part[0].m[t], j->part[i].m[t]);
        }
    return st;
}

/* n_customers and reach of every touchpoint, from the features. */
static void reach(const mot_features *f, mot_analysis *a)
{
    for (size_t c = 0; c < f->ncustomers; c++)
        for (size_t t = 0; t < f->ntp; t++)
            a->tp[t].n_customers += f->contacts[c * f->ntp + t] > 0;
    for (size_t t = 0; t < f->ntp; t++)
        if (f->ncustomers)
            a->tp[t].reach =
                (double)a->tp[t].n_customers / (double)f->ncustomers;
}

mot_status mot_analyse_perf(const mot_project *p, const mot_features *f,
                            const mot_analyse_options *o, mot_analysis *a,
                            mot_error *err)
{
    perf_job j = {p->events, a->ntp, NULL, {{0}}};
    double *tol = malloc((a->ntp + 1) * sizeof *tol);
    mot_status st = tol ? MOT_OK : MOT_ENOMEM;
    for (size_t t = 0; t < a->ntp && tol; t++) {
        const mot_touchpoint *tp = &p->blueprint.tp[t];
        tol[t] = a->tp[t].tolerance = isfinite(tp->tolerance)
                                          ? tp->tolerance
                                          : p->config.scale.neutral;
        a->tp[t].target = tp->target;
    }
    j.tol = tol;
    if (st == MOT_OK)
        reach(f, a);
    if (st == MOT_OK && p->events) {
        st = accumulate(&j, o->threads);
        for (size_t t = 0; t < a->ntp && st == MOT_OK; t++)
            score_stats(&a->tp[t], &j.part[0], t, 1 - o->alpha);
    }
    for (unsigned i = 0; i < PERF_BLOCKS; i++)
        part_free(&j.part[i], a->ntp);
    free(tol);
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "out of memory");
    if (!p->events)
        return mot_analysis_note(a, "no events.csv: touchpoint performance "
                                    "and every per-touchpoint estimate "
                                    "need events");
    return MOT_OK;
}
