/*
** tolerance.c: tolerance lines (忍耐底线) of the touchpoints and of the
** customers.csv numeric columns (docs/methods.md, "Tolerance lines").
**
** Outcome: churn when customers.csv has it, else dissatisfaction (the
** overall score below the scale's neutral). Measures of each touchpoint,
** over the customers who met it: the worst rated score (a line must have
** more churn below it), the number of contacts and the longest
** wait_minutes (more churn above). Customer columns: every numeric
** attribute column and `value` (either direction).
**
** Each measure is scanned for the cut with the largest chi-square (the
** stats core's maximally selected chi-square, at least min_group
** customers and 5% of them on each side), whose p-value is adjusted for
** the scan over cut points (Miller & Siegmund 1982, or a permutation test
** when options ask for one). The scan p-values of every measure of every
** touchpoint and every customer column form one family, adjusted by
** Holm's method (lines.c), so the chance of any spurious line in the
** whole analysis is at most alpha. A touchpoint's line is its most
** significant one after that adjustment (smallest p, then largest
** chi-square); none when no measure is significant. Scans run in
** parallel, one per part; the result does not depend on the threads.
** Without a permutation test a part counts all its touchpoint measures in
** one pass over the features, each into a tally of its distinct values
** (maxstat_int.h), instead of reading the features once per measure; a
** measure with many distinct values, and every customer column, is
** scanned from an x array as before. Both give the same numbers.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "analyse/shared.h"
#include "core/mem.h"
#include "core/parallel.h"

enum { M_SCORE, M_CONTACTS, M_WAIT, M_COLUMN };

/* One measure to scan. */
typedef struct tl_scan {
    int kind;                 /* M_* */
    size_t tp;                /* touchpoint (not M_COLUMN) */
    const double *col;        /* M_COLUMN: values per customers.csv row */
    const char *name;         /* measure name */
} tl_scan;

typedef struct tl_job {
    const mot_features *f;
    const double *y;          /* outcome per feature row, NAN none */
    const char *outcome;
    mot_line_opts lo;
    const tl_scan *sc;
    mot_line_scan *res;
    size_t n;
    mot_status st[MOT_MAX_THREADS];
} tl_job;

/* The value of scan s (not M_COLUMN) at feature row i; NAN: not
** measured. */
static double tp_value(const mot_features *f, const tl_scan *s, size_t i)
{
    size_t k = i * f->ntp + s->tp;
    switch (s->kind) {
    case M_SCORE: return f->worst[k];
    case M_CONTACTS: return f->contacts[k] ? f->contacts[k] : NAN;
    default: return f->wait[i * f->nwait + (size_t)f->wait_slot[s->tp]];
    }
}

/* The values of scan s per feature row into x (NAN: not measured). */
static void measure(const mot_features *f, const tl_scan *s, double *x)
{
    for (size_t i = 0; i < f->ncustomers; i++) {
        int32_t cr = f->customer_row[i];
        if (s->kind != M_COLUMN)
            x[i] = tp_value(f, s, i);
        else
            x[i] = cr >= 0 ? s->col[cr] : NAN;
    }
}

/* Tally the touchpoint measures of the part's scans (those at s = part,
** part + nparts, ...) in one pass over the features, one tally per scan
** (t[k] for the k-th scan of the part); a tally gives up on a measure
** with many distinct values, which is then scanned from its x array. */
static void tally_part(const tl_job *j, unsigned part, unsigned nparts,
                       mot_maxstat_tally *t)
{
    const mot_features *f = j->f;
    size_t nt = 0, live = 0;
    for (size_t s = part; s < j->n; s += nparts, nt++) {
        mot_maxstat_tally_init(&t[nt]);
        t[nt].ok = j->sc[s].kind != M_COLUMN;
        live += (size_t)t[nt].ok;
    }
    for (size_t i = 0; i < f->ncustomers && live; i++) {
        double y = j->y[i];
        size_t k = 0;
        for (size_t s = part; s < j->n; s += nparts, k++) {
            if (!t[k].ok)
                continue;
            if (isnan(y))
                t[k].skipped++;
            else if (!mot_maxstat_tally_add(&t[k], tp_value(f, &j->sc[s], i),
                                            y))
                live--;
        }
    }
}

/* Part `part` of the scans: those with index % nparts == part. Without a
** permutation test the touchpoint measures are tallied in one pass
** (tally_part); the others are measured into x and scanned. */
static void scan_part(void *ctx, unsigned part, unsigned nparts)
{
    tl_job *j = ctx;
    size_t nmine = (j->n - part + nparts - 1) / nparts;
    double *x = mot_mem_alloc((j->f->ncustomers + 1) * sizeof *x);
    mot_maxstat_tally *t = calloc(nmine + 1, sizeof *t);
    if (!x || !t) {
        free(x);
        free(t);
        j->st[part] = MOT_ENOMEM;
        return;
    }
    if (j->lo.perm == 0)
        tally_part(j, part, nparts, t);
    size_t k = 0;
    for (size_t s = part; s < j->n && j->st[part] == MOT_OK;
         s += nparts, k++) {
        static const int expect[] = {-1, 1, 1, 0};
        mot_line_opts lo = j->lo;
        lo.seed += s;
        mot_status st;
        if (t[k].ok) {
            st = mot_line_scan_tally(&t[k], &lo, j->sc[s].name, j->outcome,
                                     expect[j->sc[s].kind], &j->res[s], NULL);
        } else {
            measure(j->f, &j->sc[s], x);
            st = mot_line_scan_run(x, j->y, j->f->ncustomers, &lo,
                                   j->sc[s].name, j->outcome,
                                   expect[j->sc[s].kind], &j->res[s], NULL);
        }
        if (st == MOT_ENOMEM)
            j->st[part] = st;   /* other failures leave found = 0 */
    }
    free(x);
    free(t);
}

/* The outcome per feature row; its name, or NULL when there is none. */
static const char *outcome(const mot_project *p, const mot_features *f,
                           double *y)
{
    const mot_customers *cu = p->customers;
    int churn = cu && cu->has_churned;
    if (!churn && !(cu && cu->has_overall))
        return NULL;
    for (size_t i = 0; i < f->ncustomers; i++) {
        int32_t cr = f->customer_row[i];
        y[i] = NAN;
        if (cr >= 0 && churn && cu->churned[cr] >= 0)
            y[i] = cu->churned[cr];
        else if (cr >= 0 && !churn && !isnan(cu->overall[cr]))
            y[i] = cu->overall[cr] < p->config.scale.neutral;
    }
    return churn ? "churn" : "dissatisfied";
}

/* The list of scans: touchpoint measures, then customer columns. */
static size_t list_scans(const mot_project *p, const mot_features *f,
                         tl_scan *sc)
{
    size_t n = 0;
    const mot_customers *cu = p->customers;
    for (size_t t = 0; t < f->ntp; t++) {
        sc[n++] = (tl_scan){M_SCORE, t, NULL, "score"};
        sc[n++] = (tl_scan){M_CONTACTS, t, NULL, "contacts"};
        if (f->wait && f->wait_slot[t] >= 0)
            sc[n++] = (tl_scan){M_WAIT, t, NULL, "wait_minutes"};
    }
    if (cu->has_value)
        sc[n++] = (tl_scan){M_COLUMN, 0, cu->value, "value"};
    for (size_t k = 0; k < cu->attrs.n; k++)
        if (cu->attrs.col[k].numeric)
            sc[n++] = (tl_scan){M_COLUMN, 0, cu->attrs.col[k].num,
                                cu->attrs.col[k].name};
    return n;
}

/* Keep each touchpoint's strongest line and every column's line; note
** significant changes the wrong way. */
static mot_status store(const tl_scan *sc, const mot_line_scan *res,
                        size_t n, mot_analysis *a)
{
    size_t nc = 0, wrong = 0;
    for (size_t s = 0; s < n; s++)
        nc += sc[s].kind == M_COLUMN;
    if (nc && !(a->customer_lines = calloc(nc, sizeof *a->customer_lines)))
        return MOT_ENOMEM;
    for (size_t s = 0; s < n; s++) {
        const mot_tolerance *l = &res[s].line;
        if (sc[s].kind == M_COLUMN) {
            a->customer_lines[a->ncustomer_lines++] = *l;
            continue;
        }
        mot_tolerance *best = &a->tp[sc[s].tp].line;
        wrong += (size_t)res[s].wrong_way;
        if (l->found && (!best->found || l->p_adjusted < best->p_adjusted ||
                         (l->p_adjusted == best->p_adjusted &&
                          l->statistic > best->statistic)))
            *best = *l;
    }
    if (!wrong)
        return MOT_OK;
    return mot_analysis_note(a, "tolerance lines: %zu touchpoint measure(s) "
                                "change the outcome significantly the other "
                                "way (less churn at lower scores or more "
                                "contacts): not tolerance lines", wrong);
}

/* Run the scans and the family adjustment. */
static mot_status scan_all(const mot_project *p, const mot_features *f,
                           const mot_analyse_options *o, tl_job *j,
                           tl_scan *sc, mot_analysis *a)
{
    j->sc = sc;
    j->n = list_scans(p, f, sc);
    if (!(j->res = calloc(j->n + 1, sizeof *j->res)))
        return MOT_ENOMEM;
    for (size_t s = 0; s < j->n; s++)
        mot_line_clear(&j->res[s].line);
    unsigned parts = mot_parallel_threads(o->threads, j->n);
    mot_parallel_run(parts, scan_part, j);
    for (unsigned t = 0; t < parts; t++)
        if (j->st[t] != MOT_OK)
            return j->st[t];
    mot_status st = mot_line_family(j->res, j->n, o->alpha);
    return st == MOT_OK ? store(sc, j->res, j->n, a) : st;
}

mot_status mot_analyse_tolerance(const mot_project *p, const mot_features *f,
                                 const mot_analyse_options *o,
                                 mot_analysis *a, mot_error *err)
{
    const mot_customers *cu = p->customers;
    size_t cap = 3 * f->ntp + (cu ? cu->attrs.n + 1 : 0) + 1;
    double *y = mot_mem_alloc((f->ncustomers + 1) * sizeof *y);
    tl_scan *sc = malloc(cap * sizeof *sc);
    tl_job j = {f, y, NULL, {o->min_group, 0.05, o->permutations, o->seed},
                NULL, NULL, 0, {MOT_OK}};
    mot_status st = MOT_ENOMEM;
    if (y && sc) {
        j.outcome = outcome(p, f, y);
        st = j.outcome ? scan_all(p, f, o, &j, sc, a)
                       : mot_analysis_note(a, "no churn or overall score in "
                                              "customers.csv: no tolerance "
                                              "lines");
    }
    free(y);
    free(sc);
    free(j.res);
    if (st == MOT_ENOMEM)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    return st;
}
