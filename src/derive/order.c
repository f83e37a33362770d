/*
** order.c: each customer's events in time order (order.h).
**
** Building the index is one pass over the events (counting, and noticing
** whether each customer's events are contiguous) and, only when they are
** not, a stable counting sort by customer. Ordering one customer's k
** events by time first checks whether they already are (one scan: the
** usual case), then sorts by (time, index): by insertion up to
** INSERTION_MAX events, else with qsort. Both give the same order, file
** order among equal times, since the indexes come in increasing order.
*/
#include <stdlib.h>

#include "core/mem.h"
#include "derive/order.h"

/* Longest journey sorted by insertion rather than qsort. */
#define INSERTION_MAX 32

mot_status mot_ev_index_build(mot_ev_index *ix, const mot_events *ev,
                              size_t ncustomers, size_t ntp, uint32_t *count,
                              mot_error *err)
{
    uint32_t prev = MOT_NONE;
    int grouped = 1;
    ix->start = mot_mem_calloc(ncustomers ? ncustomers : 1, sizeof *ix->start);
    ix->perm = NULL;
    if (!ix->start)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < ev->n; i++) {
        uint32_t c = ev->customer[i];
        if (c >= ncustomers || ev->touchpoint[i] >= ntp) {
            mot_ev_index_free(ix);
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                 "event %zu refers to a customer or "
                                 "touchpoint that is not in the project",
                                 i + 1);
        }
        if (c != prev) {
            if (count[c])
                grouped = 0;
            else
                ix->start[c] = (uint32_t)i;
            prev = c;
        }
        count[c]++;
    }
    if (grouped)
        return MOT_OK;
    /* stable counting sort: perm lists each customer's events in file
       order from start[c] */
    if (!(ix->perm = mot_mem_alloc((ev->n ? ev->n : 1) * sizeof *ix->perm))) {
        mot_ev_index_free(ix);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    uint32_t next = 0;
    for (size_t c = 0; c < ncustomers; c++) {
        ix->start[c] = next;
        next += count[c];
    }
    for (size_t i = 0; i < ev->n; i++)
        ix->perm[ix->start[ev->customer[i]]++] = (uint32_t)i;
    for (size_t c = 0; c < ncustomers; c++)
        ix->start[c] -= count[c];
    return MOT_OK;
}

void mot_ev_index_free(mot_ev_index *ix)
{
    free(ix->start);
    free(ix->perm);
    ix->start = ix->perm = NULL;
}

static int key_cmp(const void *a, const void *b)
{
    const mot_ev_key *x = a, *y = b;
    if (x->time != y->time)
        return x->time < y->time ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort keys[0..k-1] by (time, index). */
static void sort_keys(mot_ev_key *keys, size_t k)
{
    if (k > INSERTION_MAX) {
        qsort(keys, k, sizeof *keys, key_cmp);
        return;
    }
    for (size_t i = 1; i < k; i++) {
        mot_ev_key x = keys[i];
        size_t j = i;
        while (j > 0 && keys[j - 1].time > x.time) {
            keys[j] = keys[j - 1];
            j--;
        }
        keys[j] = x;
    }
}

mot_status mot_ev_keys_fill(mot_ev_keys *b, const mot_ev_index *ix,
                            const mot_events *ev, size_t c, size_t k)
{
    int sorted = 1;
    if (k > b->cap) {
        mot_ev_key *nk = realloc(b->keys, k * sizeof *nk);
        if (!nk)
            return MOT_ENOMEM;
        b->keys = nk;
        b->cap = k;
    }
    for (size_t i = 0; i < k; i++) {
        uint32_t e = ix->perm ? ix->perm[ix->start[c] + i]
                              : ix->start[c] + (uint32_t)i;
        b->keys[i] = (mot_ev_key){ev->time[e], e};
        if (i > 0 && b->keys[i].time < b->keys[i - 1].time)
            sorted = 0;
    }
    if (!sorted)
        sort_keys(b->keys, k);
    return MOT_OK;
}

void mot_ev_keys_free(mot_ev_keys *b)
{
    free(b->keys);
    b->keys = NULL;
    b->cap = 0;
}
