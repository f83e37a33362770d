/*
** features.c: mot_features_derive, the per-customer features of the event
** log (include/mot/derive.h).
**
** Events arrive in any order. One pass over them (derive/order.c, shared
** with the journeys analysis) counts each customer's events and notices whether every customer's events are contiguous in the
** file (the usual case for exports). When they are not, a stable counting
** sort by customer builds a permutation of event indexes (4 bytes an
** event); when they are, no permutation is needed. The customers are then
** split into contiguous ranges, one per worker thread; a worker takes its
** customers one at a time, orders the customer's events by time (stable:
** ties keep file order; usually they already are in order, which one scan
** confirms) and fills the customer's row of every array. Workers write
** disjoint rows, so there are no locks, and the result does not depend on
** the number of threads.
**
** Cost: O(events + customers x touchpoints) time, plus O(k log k) for a
** customer whose k events are not in time order. Extra memory: 4 bytes a
** customer, 4 bytes an event when the file is not grouped by customer,
** and per worker the longest journey's (time, index) pairs. The features
** themselves take 14 bytes a customer-touchpoint (a uint16 count and three
** floats), 4 more at each touchpoint where some event has a wait, and 64
** bytes a customer.
**
** Definitions (all over the customer's events in time order):
**   contacts  events at the touchpoint (saturating at 65535)
**   worst     lowest rated score there; last: the last rated score; mean:
**             their mean; wait: the longest wait_minutes (NAN when none)
**   first / worst_moment / best_moment / end: the first, lowest, highest
**             and last rated scores of the whole journey (the earliest
**             wins a tie for lowest and highest), with their touchpoints
**   journey_mean  the mean of all rated scores
** A touchpoint the customer never met has contacts 0 and NAN scores; one
** met but never rated has contacts > 0 and NAN scores (docs/methods.md).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/parallel.h"
#include "derive/order.h"
#include "mot/derive.h"

/* What the workers share (read-only but for their own rows and status). */
typedef struct derive_job {
    const mot_events *ev;       /* NULL when the project has no events */
    mot_features *f;
    mot_ev_index ix;            /* each customer's events */
    mot_status status[MOT_MAX_THREADS];
} derive_job;

/* One worker's scratch space. */
typedef struct scratch {
    mot_ev_keys keys;           /* the customer's events in time order */
    double *sum;                /* per touchpoint: sum of rated scores */
    uint32_t *nrated;           /* per touchpoint: rated events */
} scratch;

/* Reset customer c's row of the per-touchpoint arrays to "not met". */
static void clear_row(mot_features *f, scratch *s, size_t c)
{
    size_t base = c * f->ntp;
    for (size_t t = 0; t < f->ntp; t++) {
        f->contacts[base + t] = 0;
        f->worst[base + t] = f->last[base + t] = f->mean[base + t] = NAN;
        s->sum[t] = 0;
        s->nrated[t] = 0;
    }
    for (size_t k = 0; k < f->nwait; k++)
        f->wait[c * f->nwait + k] = NAN;
}

/* Count event e of customer c at touchpoint tp as a contact. */
static void add_contact(const mot_events *ev, mot_features *f, size_t c,
                        uint32_t tp, uint32_t e)
{
    size_t i = c * f->ntp + tp;
    if (f->contacts[i] < UINT16_MAX)
        f->contacts[i]++;
    if (f->wait && f->wait_slot[tp] >= 0) {
        float w = ev->wait_minutes[e], *m;
        m = &f->wait[c * f->nwait + (size_t)f->wait_slot[tp]];
        if (!isnan(w) && (isnan(*m) || w > *m))
            *m = w;
    }
}

/* Update the journey moments of customer c with rated score x at tp. */
static void add_moment(mot_features *f, size_t c, float x, int32_t tp)
{
    if (f->rated[c] == 0) {
        f->first[c] = f->worst_moment[c] = f->best_moment[c] = x;
        f->first_tp[c] = f->worst_tp[c] = f->best_tp[c] = tp;
    } else if (x < f->worst_moment[c]) {
        f->worst_moment[c] = x;
        f->worst_tp[c] = tp;
    } else if (x > f->best_moment[c]) {
        f->best_moment[c] = x;
        f->best_tp[c] = tp;
    }
    f->end[c] = x;
    f->end_tp[c] = tp;
    f->rated[c]++;
}

/* Fill every feature of customer c from its events. */
static mot_status derive_customer(const derive_job *j, scratch *s, size_t c)
{
    mot_features *f = j->f;
    size_t k = f->events[c], base = c * f->ntp;
    double jsum = 0;
    mot_status st;
    clear_row(f, s, c);
    f->rated[c] = 0;
    f->first[c] = f->worst_moment[c] = f->best_moment[c] = f->end[c] =
        f->journey_mean[c] = NAN;
    f->first_tp[c] = f->worst_tp[c] = f->best_tp[c] = f->end_tp[c] = -1;
    f->first_time[c] = f->last_time[c] = MOT_NO_TIME;
    if (k == 0)
        return MOT_OK;
    if ((st = mot_ev_keys_fill(&s->keys, &j->ix, j->ev, c, k)) != MOT_OK)
        return st;
    const mot_ev_key *keys = s->keys.keys;
    for (size_t i = 0; i < k; i++) {
        uint32_t e = keys[i].idx, tp = j->ev->touchpoint[e];
        float x = j->ev->score[e];
        add_contact(j->ev, f, c, tp, e);
        if (isnan(x))
            continue;
        if (isnan(f->worst[base + tp]) || x < f->worst[base + tp])
            f->worst[base + tp] = x;
        f->last[base + tp] = x;
        s->sum[tp] += x;
        s->nrated[tp]++;
        jsum += x;
        add_moment(f, c, x, (int32_t)tp);
    }
    for (size_t t = 0; t < f->ntp; t++)
        if (s->nrated[t])
            f->mean[base + t] = (float)(s->sum[t] / s->nrated[t]);
    if (f->rated[c])
        f->journey_mean[c] = (float)(jsum / f->rated[c]);
    f->first_time[c] = keys[0].time;
    f->last_time[c] = keys[k - 1].time;
    return MOT_OK;
}

/* Worker: derive the customers of part `part`. */
static void derive_part(void *ctx, unsigned part, unsigned nparts)
{
    derive_job *j = ctx;
    size_t lo = mot_parallel_lo(j->f->ncustomers, part, nparts),
           hi = mot_parallel_lo(j->f->ncustomers, part + 1, nparts);
    scratch s = {{NULL, 0}, calloc(j->f->ntp + 1, sizeof *s.sum),
                 calloc(j->f->ntp + 1, sizeof *s.nrated)};
    mot_status st = s.sum && s.nrated ? MOT_OK : MOT_ENOMEM;
    for (size_t c = lo; c < hi && st == MOT_OK; c++)
        st = derive_customer(j, &s, c);
    j->status[part] = st;
    mot_ev_keys_free(&s.keys);
    free(s.sum);
    free(s.nrated);
}

/* mot_mem_alloc(n * size) (core/mem.h: the features of a big project are
** hundreds of MiB written once), or NULL on overflow or failure. */
static void *alloc_array(size_t n, size_t size)
{
    return n > SIZE_MAX / size ? NULL : mot_mem_alloc(n * size);
}

/* Give each touchpoint where an event of ev (may be NULL) has a wait a
** slot of f's wait array. */
static mot_status wait_slots(const mot_events *ev, mot_features *f)
{
    if (!ev || !ev->wait_minutes)
        return MOT_OK;
    if (!(f->wait_slot = malloc((f->ntp ? f->ntp : 1) * sizeof *f->wait_slot)))
        return MOT_ENOMEM;
    for (size_t t = 0; t < f->ntp; t++)
        f->wait_slot[t] = -1;
    for (size_t i = 0; i < ev->n; i++)
        if (!isnan(ev->wait_minutes[i]) && ev->touchpoint[i] < f->ntp)
            f->wait_slot[ev->touchpoint[i]] = 0;
    for (size_t t = 0; t < f->ntp; t++)
        if (f->wait_slot[t] == 0)
            f->wait_slot[t] = (int32_t)f->nwait++;
    if (f->nwait == 0) {
        free(f->wait_slot);
        f->wait_slot = NULL;
    }
    return MOT_OK;
}

/* Allocate the arrays of f (f->ncustomers, f->ntp and f->nwait set). */
static mot_status alloc_features(mot_features *f)
{
    size_t nc = f->ncustomers, cells;
    if ((f->ntp && nc > SIZE_MAX / f->ntp) ||
        (f->nwait && nc > SIZE_MAX / f->nwait))
        return MOT_ENOMEM;
    cells = nc * f->ntp;
    f->customer_row = alloc_array(nc, sizeof *f->customer_row);
    f->contacts = alloc_array(cells, sizeof *f->contacts);
    f->worst = alloc_array(cells, sizeof *f->worst);
    f->last = alloc_array(cells, sizeof *f->last);
    f->mean = alloc_array(cells, sizeof *f->mean);
    f->wait = f->nwait ? alloc_array(nc * f->nwait, sizeof *f->wait) : NULL;
    f->events = mot_mem_calloc(nc, sizeof *f->events);
    f->rated = alloc_array(nc, sizeof *f->rated);
    f->first = alloc_array(nc, sizeof *f->first);
    f->worst_moment = alloc_array(nc, sizeof *f->worst_moment);
    f->best_moment = alloc_array(nc, sizeof *f->best_moment);
    f->end = alloc_array(nc, sizeof *f->end);
    f->journey_mean = alloc_array(nc, sizeof *f->journey_mean);
    f->first_tp = alloc_array(nc, sizeof *f->first_tp);
    f->worst_tp = alloc_array(nc, sizeof *f->worst_tp);
    f->best_tp = alloc_array(nc, sizeof *f->best_tp);
    f->end_tp = alloc_array(nc, sizeof *f->end_tp);
    f->first_time = alloc_array(nc, sizeof *f->first_time);
    f->last_time = alloc_array(nc, sizeof *f->last_time);
    if (!f->customer_row || !f->contacts || !f->worst || !f->last ||
        !f->mean || (f->nwait && !f->wait) || !f->events || !f->rated ||
        !f->first || !f->worst_moment || !f->best_moment || !f->end ||
        !f->journey_mean || !f->first_tp || !f->worst_tp || !f->best_tp ||
        !f->end_tp || !f->first_time || !f->last_time)
        return MOT_ENOMEM;
    return MOT_OK;
}

/* Map each feature row to its customers.csv row (or -1). */
static void map_customer_rows(const mot_project *p, mot_features *f)
{
    for (size_t c = 0; c < f->ncustomers; c++)
        f->customer_row[c] = -1;
    if (!p->customers)
        return;
    for (size_t r = 0; r < p->customers->n; r++) {
        uint32_t c = p->customers->customer[r];
        if (c < f->ncustomers)
            f->customer_row[c] = (int32_t)r;
    }
}

/* Index the events by customer and run the workers. */
static mot_status derive_all(const mot_project *p, mot_features *f,
                             unsigned threads, mot_error *err)
{
    derive_job j = {p->events, f, {NULL, NULL}, {MOT_OK}};
    mot_status st = MOT_OK;
    unsigned nparts = mot_parallel_threads(threads, f->ncustomers);
    if (j.ev && (st = mot_ev_index_build(&j.ix, j.ev, f->ncustomers, f->ntp,
                                         f->events, err)) != MOT_OK)
        return st;
    mot_parallel_run(nparts, derive_part, &j);
    for (unsigned i = 0; i < nparts; i++)
        if (j.status[i] != MOT_OK)
            st = mot_error_set(err, j.status[i], NULL, 0, 0,
                               "out of memory");
    mot_ev_index_free(&j.ix);
    return st;
}

mot_status mot_features_derive(const mot_project *p, unsigned threads,
                               mot_features **out, mot_error *err)
{
    mot_features *f;
    mot_status st;
    size_t ncust = p->customer_ids ? mot_strtab_count(p->customer_ids) : 0;
    *out = NULL;
    if (p->events && p->events->n > UINT32_MAX)
        return mot_error_set(err, MOT_ELIMIT, NULL, 0, 0,
                             "%zu events: at most %lu can be analysed",
                             p->events->n, (unsigned long)UINT32_MAX);
    if (p->customers && p->customers->n > INT32_MAX)
        return mot_error_set(err, MOT_ELIMIT, NULL, 0, 0,
                             "%zu customers: at most %ld can be analysed",
                             p->customers->n, (long)INT32_MAX);
    if (!(f = calloc(1, sizeof *f)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    f->ncustomers = ncust;
    f->ntp = p->blueprint.n;
    st = wait_slots(p->events, f);
    if (st == MOT_OK)
        st = alloc_features(f);
    if (st != MOT_OK) {
        mot_features_free(f);
        return mot_error_set(err, st, NULL, 0, 0, "out of memory");
    }
    map_customer_rows(p, f);
    if ((st = derive_all(p, f, threads, err)) != MOT_OK) {
        mot_features_free(f);
        return st;
    }
    *out = f;
    return MOT_OK;
}

void mot_features_free(mot_features *f)
{
    if (!f)
        return;
    free(f->customer_row);
    free(f->contacts);
    free(f->worst);
    free(f->last);
    free(f->mean);
    free(f->wait);
    free(f->wait_slot);
    free(f->events);
    free(f->rated);
    free(f->first);
    free(f->worst_moment);
    free(f->best_moment);
    free(f->end);
    free(f->journey_mean);
    free(f->first_tp);
    free(f->worst_tp);
    free(f->best_tp);
    free(f->end_tp);
    free(f->first_time);
    free(f->last_time);
    free(f);
}
