/*
** journeys.c: mot_journeys_compute, the paths customers take through the
** touchpoints (include/mot/journeys.h; definitions in docs/methods.md,
** "Journeys").
**
** One pass over the customers, each customer's events in time order
** (ties keep file order), found and ordered by the index that
** mot_features_derive uses too (derive/order.c: directly when the file is
** grouped by customer, else through a stable counting sort of the event
** indexes, 4 bytes an event; a scratch array that only grows). While
** walking a customer's events the pass updates small tables: the
** directly-follows counts of (touchpoints + 2)^2 steps with a stamp per
** step that counts each customer once, the times between steps (kept
** exactly up to TIMES_EXACT per step, then in a log-binned histogram), a
** bounded hash table of variants (64-bit hashes of the collapsed
** sequence; the table stops taking new variants when full), the repeat
** episodes per touchpoint and the contact counts of the needs.
**
** Afterwards: the churn comparisons with Wilson intervals and a Pearson
** chi-square test, Holm-adjusted over the steps (and, separately, over
** the variants) with at least min_group customers on each side; the
** median times with order-statistic intervals; the top variants, whose
** steps are read back from one customer who took each.
**
** Cost: O(events + customers x touchpoints) time (plus the sorting of a
** customer whose events are out of time order); memory as in the header.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "core/mem.h"
#include "derive/order.h"
#include "mot/journeys.h"
#include "mot/stats.h"
#include "mot/strtab.h"

#define TIMES_EXACT 1024u        /* times kept exactly per step */
#define BINS_PER_OCTAVE 32
#define NBINS (1 + 40 * BINS_PER_OCTAVE)  /* 0 s, then 1 s .. 2^40 s */
#define VARIANT_SLOTS (2 * MOT_JOURNEY_MAX_VARIANTS)
#define SECONDS_PER_DAY 86400.0

void mot_journey_options_default(mot_journey_options *o)
{
    o->repeat_days = 7;
    o->first_days = 30;
    o->top_variants = 10;
    o->min_group = 30;
    o->alpha = 0.05;
}

/* ---- the pass's state ---------------------------------------------------- */

/* Times between the two events of one step. */
typedef struct step_times {
    double *exact;               /* up to TIMES_EXACT seconds, or NULL */
    uint32_t *hist;              /* NBINS counts once exact overflowed */
    uint64_t n;
} step_times;

typedef struct variant {
    uint64_t hash;
    uint32_t rep;                /* a customer (feature row) who took it */
    uint32_t customers, churn_n, churners;
} variant;

typedef struct pass {
    const mot_project *p;
    const mot_features *f;
    const mot_journey_options *o;
    mot_journeys *j;
    size_t ntp, nsteps;          /* nsteps = (ntp + 2)^2 */
    mot_ev_index ix;             /* each customer's events */
    mot_ev_keys keys;            /* one customer's, in time order */
    int64_t data_end;            /* the latest event time */
    /* per step */
    uint64_t *count;
    uint32_t *stamp, *customers, *churn_n, *churners;
    step_times *times;
    /* per touchpoint, this customer's episode */
    uint32_t *tp_stamp;
    int64_t *tp_last;
    uint32_t *tp_episode_contacts;
    int *tp_censored;            /* the open episode starts too late */
    /* variants */
    variant *var;
    size_t nvar;
    uint32_t *slot;              /* VARIANT_SLOTS, entry index + 1 or 0 */
    double all_churn_n, all_churners;
} pass;

/* ---- ordering the events ------------------------------------------------- */

/* s->keys: customer c's k events in time order (ties: file order).
** MOT_ENOMEM if the scratch cannot grow. */
static mot_status customer_events(pass *s, size_t c, size_t k)
{
    return mot_ev_keys_fill(&s->keys, &s->ix, s->p->events, c, k);
}

/* Index each customer's events (derive/order.c) and find the data's last
** time. MOT_EDATA for an event outside the project (a project built by
** hand), MOT_ENOMEM. */
static mot_status index_events(pass *s)
{
    const mot_events *ev = s->p->events;
    uint32_t *count = mot_mem_calloc(s->f->ncustomers + 1, sizeof *count);
    if (!count)
        return MOT_ENOMEM;
    mot_status st = mot_ev_index_build(&s->ix, ev, s->f->ncustomers, s->ntp,
                                       count, NULL);
    free(count);
    s->data_end = INT64_MIN;
    for (size_t i = 0; i < ev->n; i++)
        if (ev->time[i] > s->data_end)
            s->data_end = ev->time[i];
    return st;
}

/* ---- times between steps ------------------------------------------------- */

/* The histogram bin of d seconds: 0 below 1 s, else 1 + floor(32 log2 d). */
static size_t time_bin(double d)
{
    if (d < 1)
        return 0;
    double b = 1 + floor(BINS_PER_OCTAVE * log2(d));
    return b >= NBINS - 1 ? NBINS - 1 : (size_t)b;
}

/* The value a bin stands for: 0, or its geometric midpoint. */
static double bin_value(size_t b)
{
    return b == 0 ? 0 : exp2((b - 0.5) / BINS_PER_OCTAVE);
}

static mot_status add_time(step_times *t, double d)
{
    if (!t->hist) {
        if (!t->exact && !(t->exact = malloc(TIMES_EXACT * sizeof *t->exact)))
            return MOT_ENOMEM;
        if (t->n < TIMES_EXACT) {
            t->exact[t->n++] = d;
            return MOT_OK;
        }
        if (!(t->hist = calloc(NBINS, sizeof *t->hist)))
            return MOT_ENOMEM;
        for (size_t i = 0; i < t->n; i++)
            t->hist[time_bin(t->exact[i])]++;
        free(t->exact);
        t->exact = NULL;
    }
    t->hist[time_bin(d)]++;
    t->n++;
    return MOT_OK;
}

/* The value of 1-based rank r in the histogram. */
static double hist_rank(const uint32_t *h, uint64_t r)
{
    uint64_t cum = 0;
    for (size_t b = 0; b < NBINS; b++) {
        cum += h[b];
        if (cum >= r)
            return bin_value(b);
    }
    return NAN;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median (type 7) and its interval of level, in hours, into e. */
static void times_median(step_times *t, double level, mot_journey_edge *e)
{
    e->n_times = t->n;
    e->median_hours = e->median_lo = e->median_hi = NAN;
    if (t->n == 0)
        return;
    if (!t->hist) {
        double lo, hi;
        e->median_exact = 1;
        qsort(t->exact, t->n, sizeof *t->exact, cmp_double);
        e->median_hours = mot_quantile_sorted(t->exact, t->n, 0.5) / 3600;
        if (mot_quantile_ci_sorted(t->exact, t->n, 0.5, level, &lo, &hi,
                                   NULL) == MOT_OK) {
            e->median_lo = lo / 3600;
            e->median_hi = hi / 3600;
        }
        return;
    }
    /* binned: type 7 between the two middle ranks; the interval's ranks
    ** from the normal approximation of Binomial(n, 1/2) with continuity
    ** correction (docs/methods.md) */
    double n = (double)t->n, h = (n - 1) * 0.5, fl = floor(h);
    double x0 = hist_rank(t->hist, (uint64_t)fl + 1),
           x1 = hist_rank(t->hist, (uint64_t)fl + 2 <= t->n
                                       ? (uint64_t)fl + 2 : (uint64_t)fl + 1);
    double z = mot_norm_quantile(0.5 + level / 2), sd = sqrt(n * 0.25);
    double l = floor(n * 0.5 - 0.5 - z * sd) + 1,
           u = ceil(n * 0.5 - 0.5 + z * sd) + 1;
    e->median_exact = 0;
    e->median_hours = (x0 + (h - fl) * (x1 - x0)) / 3600;
    if (l >= 1 && u <= n) {
        e->median_lo = hist_rank(t->hist, (uint64_t)l) / 3600;
        e->median_hi = hist_rank(t->hist, (uint64_t)u) / 3600;
    }
}

/* ---- variants ------------------------------------------------------------ */

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
}

/* Count customer c (churn value y: 0/1, -1 unknown) under variant hash. */
static void add_variant(pass *s, uint64_t hash, size_t c, int y)
{
    size_t i = (size_t)(hash & (VARIANT_SLOTS - 1));
    while (s->slot[i] && s->var[s->slot[i] - 1].hash != hash)
        i = (i + 1) & (VARIANT_SLOTS - 1);
    variant *v;
    if (s->slot[i]) {
        v = &s->var[s->slot[i] - 1];
    } else if (s->nvar < MOT_JOURNEY_MAX_VARIANTS) {
        v = &s->var[s->nvar++];
        *v = (variant){hash, (uint32_t)c, 0, 0, 0};
        s->slot[i] = (uint32_t)s->nvar;
    } else {
        s->j->other_customers++;
        return;
    }
    v->customers++;
    if (y >= 0) {
        v->churn_n++;
        v->churners += (uint32_t)y;
    }
}

/* ---- one customer -------------------------------------------------------- */

/* Close customer c's episode at touchpoint tp. */
static void close_episode(pass *s, size_t tp)
{
    mot_journey_fcr *r = &s->j->fcr[tp];
    if (s->tp_censored[tp])
        return;
    r->episodes++;
    if (s->tp_episode_contacts[tp] == 1)
        r->resolved++;
    else
        r->repeats += s->tp_episode_contacts[tp] - 1;
}

/* Contact of customer c (stamp) at tp at time t: the FCR episodes. */
static void repeat_contact(pass *s, uint32_t stamp, size_t tp, int64_t t)
{
    double window = s->o->repeat_days * SECONDS_PER_DAY;
    s->j->fcr[tp].contacts++;
    if (s->tp_stamp[tp] == stamp && (double)(t - s->tp_last[tp]) <= window) {
        s->tp_episode_contacts[tp]++;
    } else {
        if (s->tp_stamp[tp] == stamp)
            close_episode(s, tp);
        s->tp_stamp[tp] = stamp;
        s->tp_episode_contacts[tp] = 1;
        /* an episode opened within the window before the data end cannot
        ** be seen to be resolved: left out */
        s->tp_censored[tp] = (double)(s->data_end - t) < window;
    }
    s->tp_last[tp] = t;
}

/* Count the step from -> to of customer c (stamp, churn value y). */
static mot_status take_step(pass *s, size_t from, size_t to, uint32_t stamp,
                            int y, int64_t dt)
{
    size_t e = from * (s->ntp + 2) + to;
    s->count[e]++;
    if (s->stamp[e] != stamp) {
        s->stamp[e] = stamp;
        s->customers[e]++;
        if (y >= 0) {
            s->churn_n[e]++;
            s->churners[e] += (uint32_t)y;
        }
    }
    if (dt >= 0)
        return add_time(&s->times[e], (double)dt);
    return MOT_OK;
}

static mot_status walk_customer(pass *s, size_t c)
{
    const mot_events *ev = s->p->events;
    const mot_customers *cu = s->p->customers;
    mot_journeys *j = s->j;
    size_t k = s->f->events[c], ntp = s->ntp, prev = MOT_JOURNEY_START(ntp);
    uint32_t stamp = (uint32_t)c + 1;
    int32_t row = s->f->customer_row[c];
    int y = row >= 0 && cu && cu->has_churned ? cu->churned[row] : -1;
    size_t seg = row >= 0 && cu && cu->has_segment &&
                         cu->segment[row] != MOT_NONE
                     ? cu->segment[row] : SIZE_MAX;
    uint64_t hash = 0x6a09e667f3bcc908ULL;
    int64_t prev_time = 0;
    mot_status st;
    if (k == 0)
        return MOT_OK;
    if ((st = customer_events(s, c, k)) != MOT_OK)
        return st;
    j->customers++;
    j->events += k;
    if (y >= 0) {
        s->all_churn_n++;
        s->all_churners += y;
    }
    if (seg != SIZE_MAX)
        j->segment_customers[seg]++;
    int64_t first = s->keys.keys[0].time;
    double first_window = s->o->first_days * SECONDS_PER_DAY;
    for (size_t i = 0; i < k; i++) {
        uint32_t e = s->keys.keys[i].idx;
        size_t tp = ev->touchpoint[e];
        int64_t t = s->keys.keys[i].time;
        if ((st = take_step(s, prev, tp, stamp, y,
                            i ? t - prev_time : -1)) != MOT_OK)
            return st;
        if (tp != prev)
            hash = mix(hash, tp + 1);
        repeat_contact(s, stamp, tp, t);
        j->contacts[tp]++;
        if ((double)(t - first) <= first_window)
            j->first_contacts[tp]++;
        if (seg != SIZE_MAX)
            j->segment_contacts[seg * ntp + tp]++;
        prev = tp;
        prev_time = t;
    }
    if ((st = take_step(s, prev, MOT_JOURNEY_END(ntp), stamp, y, -1)) !=
        MOT_OK)
        return st;
    for (size_t tp = 0; tp < ntp; tp++)
        if (s->tp_stamp[tp] == stamp)
            close_episode(s, tp);
    add_variant(s, hash, c, y);
    return MOT_OK;
}

/* ---- finishing ----------------------------------------------------------- */

/* The churn comparison of a group (n customers with a churn value, x
** churners) against the rest of the customers with one. */
static void churn_compare(const pass *s, double n, double x,
                          mot_journey_churn *r)
{
    double level = 1 - s->o->alpha, rn = s->all_churn_n - n,
           rx = s->all_churners - x;
    r->n = n;
    r->churners = x;
    r->rest_n = rn;
    r->rest_churners = rx;
    r->rate = r->lo = r->hi = NAN;
    r->rest_rate = r->rest_lo = r->rest_hi = NAN;
    r->ratio = r->chisq = r->p = r->p_adjusted = NAN;
    if (n > 0) {
        r->rate = x / n;
        mot_prop_wilson(x, n, level, &r->lo, &r->hi);
    }
    if (rn > 0) {
        r->rest_rate = rx / rn;
        mot_prop_wilson(rx, rn, level, &r->rest_lo, &r->rest_hi);
    }
    if (r->rest_rate > 0)
        r->ratio = r->rate / r->rest_rate;
    double tot = n + rn, events = x + rx;
    if (n < (double)s->o->min_group || rn < (double)s->o->min_group ||
        events <= 0 || events >= tot)
        return;
    double a = x, b = n - x, c = rx, d = rn - rx, det = a * d - b * c;
    r->chisq = tot * det * det / (n * rn * events * (tot - events));
    r->p = mot_chisq_sf(r->chisq, 1);
}

/* Holm-adjust the p of the n comparisons c[] (those not tested are NAN
** and stay out of the family); the family's size into *tested. */
static mot_status holm(mot_journey_churn **c, size_t n, size_t *tested)
{
    double *pv = calloc(n + 1, sizeof *pv);
    mot_status st;
    if (!pv)
        return MOT_ENOMEM;
    *tested = 0;
    for (size_t i = 0; i < n; i++) {
        pv[i] = c[i]->p;
        *tested += isfinite(pv[i]) != 0;
    }
    if ((st = mot_p_holm(pv, n, pv)) == MOT_OK)
        for (size_t i = 0; i < n; i++)
            c[i]->p_adjusted = pv[i];
    free(pv);
    return st;
}

static int edge_cmp(const void *a, const void *b)
{
    const mot_journey_edge *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

static mot_status finish_edges(pass *s)
{
    mot_journeys *j = s->j;
    size_t n = 0, w = s->ntp + 2;
    for (size_t e = 0; e < s->nsteps; e++)
        n += s->count[e] > 0;
    if (!(j->edges = calloc(n + 1, sizeof *j->edges)))
        return MOT_ENOMEM;
    for (size_t e = 0; e < s->nsteps; e++) {
        if (!s->count[e])
            continue;
        mot_journey_edge *g = &j->edges[j->nedges++];
        g->from = e / w;
        g->to = e % w;
        g->count = s->count[e];
        g->customers = s->customers[e];
        times_median(&s->times[e], 1 - s->o->alpha, g);
        churn_compare(s, s->churn_n[e], s->churners[e], &g->churn);
    }
    qsort(j->edges, j->nedges, sizeof *j->edges, edge_cmp);
    mot_journey_churn **c = malloc((j->nedges + 1) * sizeof *c);
    if (!c)
        return MOT_ENOMEM;
    for (size_t i = 0; i < j->nedges; i++)
        c[i] = &j->edges[i].churn;
    mot_status st = holm(c, j->nedges, &j->edges_tested);
    free(c);
    return st;
}

/* The collapsed steps of customer c's journey into v. */
static mot_status variant_steps(pass *s, size_t c, mot_journey_variant *v)
{
    size_t k = s->f->events[c];
    mot_status st = customer_events(s, c, k);
    if (st != MOT_OK)
        return st;
    if (!(v->steps = malloc((k + 1) * sizeof *v->steps)))
        return MOT_ENOMEM;
    for (size_t i = 0; i < k; i++) {
        size_t tp = s->p->events->touchpoint[s->keys.keys[i].idx];
        if (v->nsteps == 0 || v->steps[v->nsteps - 1] != tp)
            v->steps[v->nsteps++] = tp;
    }
    return MOT_OK;
}

static int variant_cmp(const void *a, const void *b)
{
    const variant *x = a, *y = b;
    if (x->customers != y->customers)
        return x->customers > y->customers ? -1 : 1;
    return x->rep < y->rep ? -1 : x->rep > y->rep;
}

static mot_status finish_variants(pass *s)
{
    mot_journeys *j = s->j;
    size_t top = s->nvar < s->o->top_variants ? s->nvar : s->o->top_variants;
    mot_status st;
    j->distinct_variants = s->nvar;
    qsort(s->var, s->nvar, sizeof *s->var, variant_cmp);
    if (!(j->variants = calloc(top + 1, sizeof *j->variants)))
        return MOT_ENOMEM;
    for (size_t i = 0; i < top; i++) {
        mot_journey_variant *v = &j->variants[j->nvariants++];
        v->customers = s->var[i].customers;
        v->share = (double)v->customers / (double)j->customers;
        churn_compare(s, s->var[i].churn_n, s->var[i].churners, &v->churn);
        if ((st = variant_steps(s, s->var[i].rep, v)) != MOT_OK)
            return st;
    }
    mot_journey_churn **c = malloc((top + 1) * sizeof *c);
    if (!c)
        return MOT_ENOMEM;
    for (size_t i = 0; i < top; i++)
        c[i] = &j->variants[i].churn;
    st = holm(c, top, &j->variants_tested);
    free(c);
    return st;
}

static void finish_fcr(pass *s)
{
    for (size_t t = 0; t < s->ntp; t++) {
        mot_journey_fcr *r = &s->j->fcr[t];
        r->fcr = r->lo = r->hi = NAN;
        if (r->episodes) {
            r->fcr = (double)r->resolved / (double)r->episodes;
            mot_prop_wilson((double)r->resolved, (double)r->episodes,
                            1 - s->o->alpha, &r->lo, &r->hi);
        }
    }
}

/* ---- allocation ---------------------------------------------------------- */

static mot_journeys *result_new(const mot_project *p, size_t ntp,
                                const mot_journey_options *o)
{
    mot_journeys *j = calloc(1, sizeof *j);
    const mot_customers *cu = p->customers;
    if (!j)
        return NULL;
    j->ntp = ntp;
    j->repeat_days = o->repeat_days;
    j->first_days = o->first_days;
    j->level = 1 - o->alpha;
    j->min_group = o->min_group;
    j->has_churn = cu && cu->has_churned;
    j->nsegments = cu && cu->has_segment ? mot_strtab_count(cu->segments) : 0;
    j->fcr = calloc(ntp + 1, sizeof *j->fcr);
    j->contacts = calloc(ntp + 1, sizeof *j->contacts);
    j->first_contacts = calloc(ntp + 1, sizeof *j->first_contacts);
    j->segment_names = calloc(j->nsegments + 1, sizeof *j->segment_names);
    j->segment_customers = calloc(j->nsegments + 1,
                                  sizeof *j->segment_customers);
    j->segment_contacts = calloc(j->nsegments * ntp + 1,
                                 sizeof *j->segment_contacts);
    if (!j->fcr || !j->contacts || !j->first_contacts ||
        !j->segment_names || !j->segment_customers || !j->segment_contacts) {
        mot_journeys_free(j);
        return NULL;
    }
    for (size_t s = 0; s < j->nsegments; s++) {
        const char *name = mot_strtab_get(cu->segments, (uint32_t)s);
        if (!(j->segment_names[s] = strdup(name ? name : ""))) {
            mot_journeys_free(j);
            return NULL;
        }
    }
    for (size_t t = 0; t < ntp; t++)
        j->fcr[t].fcr = j->fcr[t].lo = j->fcr[t].hi = NAN;
    return j;
}

static mot_status pass_alloc(pass *s)
{
    size_t n = s->nsteps, ntp = s->ntp;
    s->count = calloc(n, sizeof *s->count);
    s->stamp = calloc(n, sizeof *s->stamp);
    s->customers = calloc(n, sizeof *s->customers);
    s->churn_n = calloc(n, sizeof *s->churn_n);
    s->churners = calloc(n, sizeof *s->churners);
    s->times = calloc(n, sizeof *s->times);
    s->tp_stamp = calloc(ntp + 1, sizeof *s->tp_stamp);
    s->tp_last = calloc(ntp + 1, sizeof *s->tp_last);
    s->tp_episode_contacts = calloc(ntp + 1, sizeof *s->tp_episode_contacts);
    s->tp_censored = calloc(ntp + 1, sizeof *s->tp_censored);
    s->var = malloc(MOT_JOURNEY_MAX_VARIANTS * sizeof *s->var);
    s->slot = calloc(VARIANT_SLOTS, sizeof *s->slot);
    if (!s->count || !s->stamp || !s->customers || !s->churn_n ||
        !s->churners || !s->times || !s->tp_stamp || !s->tp_last ||
        !s->tp_episode_contacts || !s->tp_censored || !s->var || !s->slot)
        return MOT_ENOMEM;
    return MOT_OK;
}

static void pass_free(pass *s)
{
    if (s->times)
        for (size_t e = 0; e < s->nsteps; e++) {
            free(s->times[e].exact);
            free(s->times[e].hist);
        }
    free(s->times);
    free(s->count);
    free(s->stamp);
    free(s->customers);
    free(s->churn_n);
    free(s->churners);
    free(s->tp_stamp);
    free(s->tp_last);
    free(s->tp_episode_contacts);
    free(s->tp_censored);
    free(s->var);
    free(s->slot);
    mot_ev_keys_free(&s->keys);
    mot_ev_index_free(&s->ix);
}

static mot_status run(pass *s)
{
    mot_status st = pass_alloc(s);
    if (st == MOT_OK)
        st = index_events(s);
    for (size_t c = 0; c < s->f->ncustomers && st == MOT_OK; c++)
        st = walk_customer(s, c);
    if (st == MOT_OK)
        st = finish_edges(s);
    if (st == MOT_OK)
        st = finish_variants(s);
    if (st == MOT_OK)
        finish_fcr(s);
    return st;
}

mot_status mot_journeys_compute(const mot_project *p, const mot_features *f,
                                const mot_journey_options *opt,
                                mot_journeys **out, mot_error *err)
{
    mot_journey_options o;
    size_t ncust = p->customer_ids ? mot_strtab_count(p->customer_ids) : 0;
    *out = NULL;
    if (opt)
        o = *opt;
    else
        mot_journey_options_default(&o);
    if (f->ntp != p->blueprint.n || f->ncustomers != ncust ||
        ncust >= UINT32_MAX)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "the features were not derived from this "
                             "project");
    if (!(o.repeat_days > 0) || !(o.first_days > 0) ||
        !(o.alpha > 0 && o.alpha < 0.5))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "the repeat window and the first-days window "
                             "must be positive and alpha between 0 and 0.5");
    mot_journeys *j = result_new(p, f->ntp, &o);
    if (!j)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    if (!p->events || p->events->n == 0) {
        *out = j;
        return MOT_OK;
    }
    pass s = {0};
    s.p = p;
    s.f = f;
    s.o = &o;
    s.j = j;
    s.ntp = f->ntp;
    s.nsteps = (f->ntp + 2) * (f->ntp + 2);
    mot_status st = run(&s);
    pass_free(&s);
    if (st != MOT_OK) {
        mot_journeys_free(j);
        return mot_error_set(err, st, NULL, 0, 0, st == MOT_EDATA
                             ? "an event refers to a customer or "
                               "touchpoint that is not in the project"
                             : "out of memory");
    }
    *out = j;
    return MOT_OK;
}

void mot_journeys_free(mot_journeys *j)
{
    if (!j)
        return;
    free(j->edges);
    for (size_t i = 0; i < j->nvariants; i++)
        free(j->variants[i].steps);
    free(j->variants);
    free(j->fcr);
    free(j->contacts);
    free(j->first_contacts);
    if (j->segment_names)
        for (size_t s = 0; s < j->nsegments; s++)
            free(j->segment_names[s]);
    free(j->segment_names);
    free(j->segment_customers);
    free(j->segment_contacts);
    free(j);
}

mot_status mot_analyse_journeys(const mot_project *p, const mot_features *f,
                                const mot_analyse_options *o,
                                mot_analysis *a, mot_error *err)
{
    mot_journey_options jo;
    if (!p->events)
        return MOT_OK;
    mot_journey_options_default(&jo);
    jo.repeat_days = o->repeat_days;
    jo.alpha = o->alpha;
    jo.min_group = o->min_group;
    mot_status st = mot_journeys_compute(p, f, &jo, &a->journeys, err);
    if (st == MOT_OK && a->journeys->other_customers)
        st = mot_analysis_note(a, "journeys: more than %u distinct "
                               "variants; %zu customers whose variant came "
                               "later are counted as other variants",
                               MOT_JOURNEY_MAX_VARIANTS,
                               a->journeys->other_customers);
    return st;
}
