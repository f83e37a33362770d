/*
** tickets.c: complaints and work orders against the service standard
** (mot_tickets_analyse; the recovery part is in recovery.c).
**
** Per ticket i, with times in seconds and hours h = seconds / 3600:
**   response hours   (first_response_at - opened_at) / 3600
**   resolution hours (resolved_at - opened_at) / 3600
**   age of an open ticket (resolved_at empty): (end - opened_at) / 3600,
**     end = the latest time in tickets.csv and events.csv.
** Against a standard S hours (resolution: blueprint sla_hours of the
** ticket's touchpoint; first response: blueprint column
** sla_response_hours), a ticket is within when its hours <= S, missed when
** its hours > S or when it has no such time yet and its age > S; an open
** ticket younger than S is not judged, nor is one without a standard. The
** share within is within / judged with a Wilson (1927) interval.
** Per-tier standards: when the blueprint has sla_hours_<tier> (or
** sla_response_hours_<tier>) and the ticket's customer is of that tier
** (mot_tiers_find: customers.csv's tier column, else value tiers), S is
** the tier's value where the cell is not empty; the tickets are then also
** grouped by tier, each group saying how many were judged by the tier's
** own standard.
**
** Median and 90th percentile: type 7 quantiles (Hyndman & Fan 1996) with
** the exact distribution-free order-statistic interval (Conover 1999,
** 3.2; mot_quantile_ci_sorted), so no resampling is needed.
**
** Pareto (Juran's "vital few"): categories by count, most first (ties by
** name), with cumulative shares; the vital few are the shortest head
** whose cumulative share reaches vital_share (80%).
**
** Repeats: ticket j is a repeat when the same customer opened another
** ticket at most repeat_days (30) days before it (or at the same time,
** earlier in file order).
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/shared.h"
#include "analyse/tickets_int.h"
#include "core/mem.h"
#include "stats/sort.h"

void mot_tickets_options_default(mot_tickets_options *o)
{
    o->level = 0.95;
    o->alpha = 0.05;
    o->repeat_days = 30;
    o->vital_share = 0.8;
    o->min_group = 10;
}

const char *mot_tk_by_name(mot_tk_by by)
{
    static const char *const names[MOT_TK_NBY] = {"touchpoint", "category",
                                                  "branch", "staff", "tier"};
    return by < MOT_TK_NBY ? names[by] : "";
}

mot_status mot_tk_note(mot_tickets_result *r, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **notes = realloc(r->notes, (r->nnotes + 1) * sizeof *notes);
    if (!notes)
        return MOT_ENOMEM;
    r->notes = notes;
    if (!(notes[r->nnotes] = strdup(buf)))
        return MOT_ENOMEM;
    r->nnotes++;
    return MOT_OK;
}

/* Fill *h from the m values of v, sorted ascending. */
static void hours_fill(mot_tk_hours *h, const double *v, size_t m,
                       double level)
{
    h->n = m;
    h->median = h->median_lo = h->median_hi = NAN;
    h->p90 = h->p90_lo = h->p90_hi = NAN;
    if (m == 0)
        return;
    h->median = mot_quantile_sorted(v, m, 0.5);
    h->p90 = mot_quantile_sorted(v, m, 0.9);
    mot_quantile_ci_sorted(v, m, 0.5, level, &h->median_lo, &h->median_hi,
                           NULL);
    mot_quantile_ci_sorted(v, m, 0.9, level, &h->p90_lo, &h->p90_hi, NULL);
}

void mot_tk_share_fill(mot_tk_share *s, size_t within, size_t judged,
                       double level)
{
    s->judged = judged;
    s->within = within;
    s->share = s->lo = s->hi = NAN;
    if (judged == 0)
        return;
    s->share = (double)within / (double)judged;
    mot_prop_wilson((double)within, (double)judged, level, &s->lo, &s->hi);
}

/* The hours of a group's tickets: response, resolution and, of the open
** ones, age. */
enum { TK_RESPONSE, TK_RESOLUTION, TK_AGE, TK_NHOURS };

/* Fill hours kind w of group g from its m values v, sorted ascending. */
static void hours_set(mot_tk_group *g, int w, const double *v, size_t m,
                      double level)
{
    if (w == TK_RESPONSE)
        hours_fill(&g->response, v, m, level);
    else if (w == TK_RESOLUTION)
        hours_fill(&g->resolution, v, m, level);
    else {
        g->open_age_median = g->open_age_max = NAN;
        if (m) {
            g->open_age_median = mot_quantile_sorted(v, m, 0.5);
            g->open_age_max = v[m - 1];
        }
    }
}

/* Fill the counts and shares of group g from its m tickets idx[] of the
** table t (the hours come from hours_set). */
static void group_fill(mot_tk_group *g, const mot_tk_table *t,
                       const size_t *idx, size_t m, double level)
{
    size_t rw = 0, rj = 0, sw = 0, sj = 0;
    g->n = m;
    g->open = g->open_overdue = g->repeats = 0;
    g->response_tier_std = g->resolution_tier_std = 0;
    for (size_t k = 0; k < m; k++) {
        size_t i = idx[k];
        rw += t->response_ok[i] == 1;
        rj += t->response_ok[i] >= 0;
        sw += t->resolution_ok[i] == 1;
        sj += t->resolution_ok[i] >= 0;
        g->response_tier_std += t->response_ok[i] >= 0 &&
                                t->response_tier[i];
        g->resolution_tier_std += t->resolution_ok[i] >= 0 &&
                                  t->resolution_tier[i];
        g->repeats += t->repeat[i];
        if (isnan(t->resolution_h[i])) {
            g->open++;
            g->open_overdue += t->resolution_ok[i] == 0;
        }
    }
    mot_tk_share_fill(&g->response_sla, rw, rj, level);
    mot_tk_share_fill(&g->resolution_sla, sw, sj, level);
}

/* Sorted hours of one kind: kv[i].key (mot_key_of_double) the hours of
** ticket row kv[i].val, m of them, by hours and then row. */
typedef struct tk_sorted {
    mot_kv *kv;
    size_t m;
} tk_sorted;

/* The tickets' hours of kind w (the response or resolution time where
** there is one; the age of the open tickets) with their rows into *s
** (s->kv allocated, the caller frees it), sorted by hours then row (the
** stable radix sort of stats/sort.h, from row order). MOT_ENOMEM. */
static mot_status sorted_hours(const mot_tk_table *t, size_t nt, int w,
                               tk_sorted *s)
{
    size_t n = nt ? nt : 1, m = 0;
    mot_kv *kv = mot_mem_alloc(n * sizeof *kv);
    mot_kv *tmp = mot_mem_alloc(n * sizeof *tmp);
    s->kv = NULL;
    s->m = 0;
    if (!kv || !tmp) {
        free(kv);
        free(tmp);
        return MOT_ENOMEM;
    }
    for (size_t i = 0; i < nt; i++) {
        double h = w == TK_RESPONSE ? t->response_h[i] : t->resolution_h[i];
        if (w == TK_AGE ? isnan(h) : !isnan(h))
            kv[m++] = (mot_kv){mot_key_of_double(w == TK_AGE ? t->age_h[i]
                                                               : h), i};
    }
    s->kv = mot_sort_kv(kv, tmp, m);
    free(s->kv == kv ? tmp : kv);
    s->m = m;
    return MOT_OK;
}

/* Within (1), missed (0) or not judged (-1) against standard s hours,
** for a ticket that took h hours (NAN: not yet) and is age hours old. */
static int8_t judge(double h, double age, double s)
{
    if (isnan(s))
        return -1;
    if (!isnan(h))
        return h <= s;
    return age > s ? 0 : -1;
}

/* The latest time in the tickets and events of p. */
static int64_t end_time(const mot_project *p)
{
    const mot_tickets *k = p->tickets;
    int64_t end = MOT_NO_TIME;
    for (size_t i = 0; i < k->n; i++) {
        int64_t t[3] = {k->opened_at[i], k->first_response_at[i],
                        k->resolved_at[i]};
        for (int j = 0; j < 3; j++)
            if (t[j] != MOT_NO_TIME && t[j] > end)
                end = t[j];
    }
    for (size_t i = 0; p->events && i < p->events->n; i++)
        if (p->events->time[i] > end)
            end = p->events->time[i];
    return end;
}

/* A ticket in the order of repeats: by customer, then opening time,
** then row. */
typedef struct tk_order {
    uint32_t customer;
    int64_t opened;
    size_t row;
} tk_order;

static int cmp_order(const void *a, const void *b)
{
    const tk_order *x = a, *y = b;
    if (x->customer != y->customer)
        return x->customer < y->customer ? -1 : 1;
    if (x->opened != y->opened)
        return x->opened < y->opened ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

/* Mark repeats in t->repeat and count the customers with one. */
static mot_status mark_repeats(const mot_tickets *k, mot_tk_table *t,
                               double days, size_t *customers)
{
    tk_order *ord = mot_mem_alloc((k->n ? k->n : 1) * sizeof *ord);
    if (!ord)
        return MOT_ENOMEM;
    for (size_t i = 0; i < k->n; i++)
        ord[i] = (tk_order){k->customer[i], k->opened_at[i], i};
    qsort(ord, k->n, sizeof *ord, cmp_order);
    *customers = 0;
    int counted = 0;
    for (size_t r = 1; r < k->n; r++) {
        const tk_order *i = &ord[r - 1], *j = &ord[r];
        if (i->customer != j->customer) {
            counted = 0;
            continue;
        }
        if ((double)(j->opened - i->opened) <= days * 86400.0) {
            t->repeat[j->row] = 1;
            if (!counted)
                (*customers)++;
            counted = 1;
        }
    }
    free(ord);
    return MOT_OK;
}

/* The group key of ticket i by `by`, MOT_NONE when it has none. */
static uint32_t key_of(const mot_tickets *k, const mot_tk_table *t,
                       mot_tk_by by, size_t i)
{
    switch (by) {
    case MOT_TK_TIER: return t->tiers ? t->tier[i] : MOT_NONE;
    case MOT_TK_TOUCHPOINT: return k->touchpoint[i];
    case MOT_TK_CATEGORY: return k->category ? k->category[i] : MOT_NONE;
    case MOT_TK_BRANCH: return k->branch ? k->branch[i] : MOT_NONE;
    case MOT_TK_STAFF: return k->staff ? k->staff[i] : MOT_NONE;
    default: return MOT_NONE;
    }
}

/* The number of keys of `by` and the name of key j. */
static size_t nkeys(const mot_project *p, const mot_tk_table *t,
                    mot_tk_by by)
{
    switch (by) {
    case MOT_TK_TIER: return t->tiers ? t->tiers->n : 0;
    case MOT_TK_TOUCHPOINT: return p->blueprint.n;
    case MOT_TK_CATEGORY:
        return p->tickets->categories
                   ? mot_strtab_count(p->tickets->categories) : 0;
    case MOT_TK_BRANCH: return mot_strtab_count(p->branches);
    case MOT_TK_STAFF: return mot_strtab_count(p->staff_ids);
    default: return 0;
    }
}

static const char *key_name(const mot_project *p, const mot_tk_table *t,
                            mot_tk_by by, uint32_t j)
{
    switch (by) {
    case MOT_TK_TIER: return t->tiers->name[j];
    case MOT_TK_TOUCHPOINT: return p->blueprint.tp[j].id;
    case MOT_TK_CATEGORY: return mot_strtab_get(p->tickets->categories, j);
    case MOT_TK_BRANCH: return mot_strtab_get(p->branches, j);
    default: return mot_strtab_get(p->staff_ids, j);
    }
}

static int cmp_group(const void *a, const void *b)
{
    const mot_tk_group *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* The groups of every `by` with at least one ticket, most tickets first.
** Each kind of hours is sorted once, over all the tickets; a counting
** sort by key of those sorted values gives every group its values
** sorted. buf has room for as many doubles as there are tickets. */
static mot_status make_groups(const mot_project *p, const mot_tk_table *t,
                              mot_tickets_result *r, double *buf,
                              double level)
{
    const mot_tickets *k = p->tickets;
    size_t *idx = mot_mem_alloc((k->n ? k->n : 1) * sizeof *idx);
    uint32_t *gi[MOT_TK_NBY] = {NULL};  /* by key: group index or none */
    size_t *start = NULL, maxk = 0;
    tk_sorted v = {NULL, 0};
    if (!idx)
        return MOT_ENOMEM;
    for (size_t i = 0; i < k->n; i++)
        idx[i] = i;
    group_fill(&r->total, t, idx, k->n, level);
    mot_status st = MOT_OK;
    for (int by = 0; by < MOT_TK_NBY && st == MOT_OK; by++) {
        size_t nk = nkeys(p, t, (mot_tk_by)by);
        maxk = nk > maxk ? nk : maxk;
        /* counting sort: the tickets of key j go to idx[start[j] ..
        ** start[j + 1]), placed through pos */
        start = calloc(2 * (nk + 1), sizeof *start);
        mot_tk_group *g = calloc(nk ? nk : 1, sizeof *g);
        gi[by] = malloc((nk ? nk : 1) * sizeof *gi[by]);
        if (!start || !g || !gi[by]) {
            free(g);
            st = MOT_ENOMEM;
            break;
        }
        size_t *pos = start + nk + 1;
        r->by[by] = g;
        for (size_t i = 0; i < k->n; i++) {
            uint32_t j = key_of(k, t, (mot_tk_by)by, i);
            if (j != MOT_NONE)
                start[j + 1]++;
        }
        for (size_t j = 0; j < nk; j++)
            pos[j + 1] = start[j + 1] += start[j];
        for (size_t i = 0; i < k->n; i++) {
            uint32_t j = key_of(k, t, (mot_tk_by)by, i);
            if (j != MOT_NONE)
                idx[pos[j]++] = i;
        }
        size_t ng = 0;
        for (size_t j = 0; j < nk && st == MOT_OK; j++) {
            gi[by][j] = MOT_NONE;
            if (start[j + 1] == start[j])
                continue;
            gi[by][j] = (uint32_t)ng;
            mot_tk_group *q = &g[ng++];
            const char *key = key_name(p, t, (mot_tk_by)by, (uint32_t)j);
            const char *name = by == MOT_TK_TOUCHPOINT
                                   ? p->blueprint.tp[j].name : key;
            q->key = strdup(key);
            q->name = strdup(name);
            if (!q->key || !q->name)
                st = MOT_ENOMEM;
            else
                group_fill(q, t, idx + start[j], start[j + 1] - start[j],
                           level);
        }
        r->nby[by] = ng;
        free(start);
        start = NULL;
    }
    /* The hours, one kind at a time. */
    free(idx);
    idx = NULL;
    if (st == MOT_OK && !(start = malloc(2 * (maxk + 1) * sizeof *start)))
        st = MOT_ENOMEM;
    for (int w = 0; w < TK_NHOURS && st == MOT_OK; w++) {
        if ((st = sorted_hours(t, k->n, w, &v)) != MOT_OK)
            break;
        size_t m = v.m;
        for (size_t i = 0; i < m; i++)
            buf[i] = mot_key_double(v.kv[i].key);
        hours_set(&r->total, w, buf, m, level);
        for (int by = 0; by < MOT_TK_NBY; by++) {
            size_t nk = nkeys(p, t, (mot_tk_by)by), *pos = start + nk + 1;
            memset(start, 0, (nk + 1) * sizeof *start);
            for (size_t i = 0; i < m; i++) {
                uint32_t j = key_of(k, t, (mot_tk_by)by, v.kv[i].val);
                if (j != MOT_NONE)
                    start[j + 1]++;
            }
            pos[0] = 0;
            for (size_t j = 0; j < nk; j++)
                pos[j + 1] = start[j + 1] += start[j];
            for (size_t i = 0; i < m; i++) {
                uint32_t j = key_of(k, t, (mot_tk_by)by, v.kv[i].val);
                if (j != MOT_NONE)
                    buf[pos[j]++] = mot_key_double(v.kv[i].key);
            }
            for (size_t j = 0; j < nk; j++)
                if (gi[by][j] != MOT_NONE)
                    hours_set(&r->by[by][gi[by][j]], w, buf + start[j],
                              start[j + 1] - start[j], level);
        }
        free(v.kv);
        v.kv = NULL;
    }
    free(v.kv);
    for (int by = 0; by < MOT_TK_NBY && st == MOT_OK; by++)
        qsort(r->by[by], r->nby[by], sizeof *r->by[by], cmp_group);
    for (int by = 0; by < MOT_TK_NBY; by++)
        free(gi[by]);
    free(start);
    free(idx);
    return st;
}

static int cmp_pareto(const void *a, const void *b)
{
    const mot_tk_pareto *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->category, y->category);
}

/* The Pareto of categories from the category groups. */
static mot_status make_pareto(mot_tickets_result *r, size_t with_category,
                              double vital_share)
{
    size_t n = r->nby[MOT_TK_CATEGORY];
    if (n == 0)
        return MOT_OK;
    if (!(r->pareto = calloc(n, sizeof *r->pareto)))
        return MOT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const mot_tk_group *g = &r->by[MOT_TK_CATEGORY][i];
        if (!(r->pareto[i].category = strdup(g->key)))
            return MOT_ENOMEM;
        r->pareto[i].n = g->n;
        r->npareto++;
    }
    qsort(r->pareto, n, sizeof *r->pareto, cmp_pareto);
    size_t cum = 0;
    for (size_t i = 0; i < n; i++) {
        mot_tk_pareto *q = &r->pareto[i];
        q->vital = (double)cum < vital_share * (double)with_category;
        r->nvital += (size_t)q->vital;
        cum += q->n;
        q->share = (double)q->n / (double)with_category;
        q->cumulative = (double)cum / (double)with_category;
    }
    return MOT_OK;
}

/* The customers' tiers when the blueprint has per-tier columns (t->tiers
** stays NULL otherwise), with each ticket's tier. MOT_EDATA (err says
** which column) when a per-tier column names a tier no customer has. */
static mot_status find_tiers(const mot_project *p, mot_tk_table *t,
                             mot_error *err)
{
    const mot_tickets *k = p->tickets;
    mot_error quiet;
    if (p->blueprint.ntiercol == 0)
        return MOT_OK;
    mot_status st = mot_tiers_find(p, &t->tiers, &quiet);
    if (st == MOT_ENOMEM)
        return st;
    if ((st = mot_tiers_check(t->tiers, &p->blueprint, err)) != MOT_OK)
        return st;
    if (!(t->tier = mot_mem_alloc((k->n ? k->n : 1) * sizeof *t->tier)))
        return MOT_ENOMEM;
    for (size_t i = 0; i < k->n; i++)
        t->tier[i] = k->customer[i] < t->tiers->ncustomers
                         ? t->tiers->of_customer[k->customer[i]] : MOT_NONE;
    return MOT_OK;
}

/* The standard of kind for ticket i at touchpoint tp: the tier's when
** given (*tiered = 1), else dflt. */
static double standard(const mot_project *p, const mot_tk_table *t,
                       mot_tier_kind kind, size_t i, size_t tp, double dflt,
                       uint8_t *tiered)
{
    *tiered = 0;
    if (!t->tiers || t->tier[i] == MOT_NONE)
        return dflt;
    double s = mot_blueprint_tier_value(&p->blueprint, kind,
                                        t->tiers->name[t->tier[i]], tp);
    if (isnan(s))
        return dflt;
    *tiered = 1;
    return s;
}

/* Per-ticket hours, judgements and (for recovery) satisfaction. */
static mot_status make_table(const mot_project *p, const mot_tickets_options
                             *o, mot_tickets_result *r, mot_tk_table *t,
                             mot_error *err)
{
    const mot_tickets *k = p->tickets;
    const mot_blueprint *bp = &p->blueprint;
    const mot_column *rcol = mot_columns_find(&bp->attrs,
                                              "sla_response_hours");
    size_t n = k->n ? k->n : 1;
    t->response_h = mot_mem_alloc(n * sizeof *t->response_h);
    t->resolution_h = mot_mem_alloc(n * sizeof *t->resolution_h);
    t->age_h = mot_mem_alloc(n * sizeof *t->age_h);
    t->response_ok = mot_mem_alloc(n);
    t->resolution_ok = mot_mem_alloc(n);
    t->response_tier = mot_mem_calloc(n, 1);
    t->resolution_tier = mot_mem_calloc(n, 1);
    t->repeat = mot_mem_calloc(n, 1);
    if (!t->response_h || !t->resolution_h || !t->age_h || !t->response_ok ||
        !t->resolution_ok || !t->repeat || !t->response_tier ||
        !t->resolution_tier)
        return MOT_ENOMEM;
    mot_status st = find_tiers(p, t, err);
    if (st != MOT_OK)
        return st;
    r->has_tiers = t->tiers != NULL;
    if (!(r->tier_columns = calloc(bp->ntiercol + 1,
                                   sizeof *r->tier_columns)))
        return MOT_ENOMEM;
    for (size_t c = 0; c < bp->ntiercol; c++) {
        if (bp->tiercol[c].kind == MOT_TIER_TOLERANCE)
            continue;
        if (!(r->tier_columns[r->ntier_columns] =
                  strdup(bp->tiercol[c].header)))
            return MOT_ENOMEM;
        r->ntier_columns++;
    }
    r->has_response_sla = rcol && rcol->numeric;
    for (size_t k2 = 0; k2 < bp->ntiercol; k2++)
        r->has_response_sla |= bp->tiercol[k2].kind == MOT_TIER_SLA_RESPONSE;
    for (size_t i = 0; i < k->n; i++) {
        size_t tpi = k->touchpoint[i];
        const mot_touchpoint *tp = &bp->tp[tpi];
        double open = (double)k->opened_at[i];
        double rs = rcol && rcol->numeric ? rcol->num[tpi] : NAN;
        rs = standard(p, t, MOT_TIER_SLA_RESPONSE, i, tpi, rs,
                      &t->response_tier[i]);
        double ss = standard(p, t, MOT_TIER_SLA, i, tpi, tp->sla_hours,
                             &t->resolution_tier[i]);
        t->age_h[i] = ((double)r->end_time - open) / 3600;
        t->response_h[i] = k->first_response_at[i] == MOT_NO_TIME
            ? NAN : ((double)k->first_response_at[i] - open) / 3600;
        t->resolution_h[i] = k->resolved_at[i] == MOT_NO_TIME
            ? NAN : ((double)k->resolved_at[i] - open) / 3600;
        t->response_ok[i] = judge(t->response_h[i], t->age_h[i], rs);
        t->resolution_ok[i] = judge(t->resolution_h[i], t->age_h[i], ss);
    }
    return mark_repeats(k, t, o->repeat_days, &r->repeat_customers);
}

static void table_free(mot_tk_table *t)
{
    free(t->response_h);
    free(t->resolution_h);
    free(t->age_h);
    free(t->response_ok);
    free(t->resolution_ok);
    free(t->repeat);
    free(t->response_tier);
    free(t->resolution_tier);
    free(t->tier);
    mot_tiers_free(t->tiers);
}

static mot_status add_notes(const mot_project *p, mot_tickets_result *r)
{
    mot_status st = MOT_OK;
    if (!r->has_response_sla)
        st = mot_tk_note(r, "no first-response standard: the blueprint has "
                         "no sla_response_hours column, so first response "
                         "times are reported without a share within");
    size_t nosla = 0;
    for (size_t i = 0; i < r->nby[MOT_TK_TOUCHPOINT]; i++) {
        long tp = mot_blueprint_find(&p->blueprint,
                                     r->by[MOT_TK_TOUCHPOINT][i].key,
                                     strlen(r->by[MOT_TK_TOUCHPOINT][i].key));
        int tier_sla = 0;
        for (size_t c = 0; tp >= 0 && c < p->blueprint.ntiercol; c++)
            tier_sla |= p->blueprint.tiercol[c].kind == MOT_TIER_SLA &&
                        !isnan(p->blueprint.tiercol[c].value[tp]);
        nosla += tp >= 0 && isnan(p->blueprint.tp[tp].sla_hours) &&
                 !tier_sla;
    }
    if (st == MOT_OK && nosla)
        st = mot_tk_note(r, "%zu ticket touchpoint%s ha%s no sla_hours in "
                         "the blueprint: %s tickets are not judged against "
                         "a resolution standard", nosla,
                         nosla == 1 ? "" : "s", nosla == 1 ? "s" : "ve",
                         nosla == 1 ? "its" : "their");
    if (st == MOT_OK && !r->has_category)
        st = mot_tk_note(r, "tickets.csv has no category column: no Pareto "
                         "of categories");
    return st;
}

mot_status mot_tickets_analyse(const mot_project *p,
                               const mot_tickets_options *opt,
                               mot_tickets_result **out, mot_error *err)
{
    mot_tickets_options o;
    if (opt)
        o = *opt;
    else
        mot_tickets_options_default(&o);
    *out = NULL;
    if (!(o.level > 0 && o.level < 1) || !(o.alpha > 0 && o.alpha < 1) ||
        !(o.repeat_days >= 0) || !(o.vital_share > 0 && o.vital_share <= 1))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "bad tickets options");
    if (!p->tickets)
        return mot_error_set(err, MOT_EDATA, p->dir, 0, 0,
                             "the project has no tickets.csv");
    const mot_tickets *k = p->tickets;
    mot_tickets_result *r = calloc(1, sizeof *r);
    mot_tk_table t = {0};
    double *buf = mot_mem_alloc((k->n ? k->n : 1) * sizeof *buf);
    if (!r || !buf) {
        free(r);
        free(buf);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    r->n = k->n;
    r->level = o.level;
    r->alpha = o.alpha;
    r->repeat_days = o.repeat_days;
    r->has_category = k->category != NULL;
    r->has_satisfaction = k->satisfaction != NULL;
    r->has_customers = p->customers != NULL;
    r->end_time = end_time(p);
    mot_line_clear(&r->recovery.line);
    size_t with_category = 0;
    for (size_t i = 0; k->category && i < k->n; i++)
        with_category += k->category[i] != MOT_NONE;
    mot_status st = make_table(p, &o, r, &t, err);
    if (st == MOT_OK)
        st = make_groups(p, &t, r, buf, o.level);
    if (st == MOT_OK)
        st = make_pareto(r, with_category, o.vital_share);
    if (st == MOT_OK)
        st = add_notes(p, r);
    if (st == MOT_OK)
        st = mot_tk_recovery_run(p, &t, &o, r, err);
    table_free(&t);
    free(buf);
    if (st != MOT_OK) {
        mot_tickets_result_free(r);
        if (st == MOT_ENOMEM)
            mot_error_set(err, st, NULL, 0, 0, "out of memory");
        return st;
    }
    *out = r;
    return MOT_OK;
}

static void group_free(mot_tk_group *g)
{
    free(g->key);
    free(g->name);
}

void mot_tickets_result_free(mot_tickets_result *r)
{
    if (!r)
        return;
    group_free(&r->total);
    for (int by = 0; by < MOT_TK_NBY; by++) {
        for (size_t i = 0; r->by[by] && i < r->nby[by]; i++)
            group_free(&r->by[by][i]);
        free(r->by[by]);
    }
    for (size_t i = 0; i < r->npareto; i++)
        free(r->pareto[i].category);
    free(r->pareto);
    free(r->recovery.cmp);
    for (size_t i = 0; i < r->ntier_columns; i++)
        free(r->tier_columns[i]);
    free(r->tier_columns);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->notes);
    free(r);
}
