/*
** order.h: each customer's events in time order, the walk that the
** features (features.c) and the journeys analysis (analyse/journeys.c)
** share. Internal to libmot.
**
** An index lists each customer's events: when the file keeps every
** customer's events together (the usual export), by where they start;
** otherwise through a permutation of event indexes built by a stable
** counting sort (4 bytes an event). A key buffer then receives one
** customer's events ordered by time, ties in file order.
**
** Ownership: the index owns start and perm (mot_ev_index_free); a key
** buffer owns its keys (mot_ev_keys_free). The events and counts are the
** caller's and must outlive the index.
*/
#ifndef MOT_DERIVE_ORDER_H
#define MOT_DERIVE_ORDER_H

#include <stddef.h>
#include <stdint.h>

#include "mot/error.h"
#include "mot/project.h"

typedef struct mot_ev_key {
    int64_t time;
    uint32_t idx;               /* the event's row in mot_events */
} mot_ev_key;

typedef struct mot_ev_index {
    uint32_t *start;            /* per customer: first event, or first
                                   position in perm */
    uint32_t *perm;             /* NULL: events start..start+k-1 */
} mot_ev_index;

typedef struct mot_ev_keys {
    mot_ev_key *keys;
    size_t cap;
} mot_ev_keys;

/* Count each customer's events into count[0..ncustomers-1] (zero on
** entry) and index them. MOT_EDATA when an event names a customer at or
** past ncustomers or a touchpoint at or past ntp (err says which event),
** MOT_ENOMEM. On failure *ix holds nothing (and needs no free). */
mot_status mot_ev_index_build(mot_ev_index *ix, const mot_events *ev,
                              size_t ncustomers, size_t ntp, uint32_t *count,
                              mot_error *err);
void mot_ev_index_free(mot_ev_index *ix);

/* Customer c's k events (k = its count) into b->keys[0..k-1], by time,
** ties in file order. MOT_ENOMEM if b cannot grow (b is unchanged). */
mot_status mot_ev_keys_fill(mot_ev_keys *b, const mot_ev_index *ix,
                            const mot_events *ev, size_t c, size_t k);
void mot_ev_keys_free(mot_ev_keys *b);

#endif
