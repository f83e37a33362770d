/*
** mot/derive.h: per-customer features derived from events.
**
** The derive stage turns the event log into one row per customer: for each
** touchpoint, whether the customer met it and how often, and the worst,
** last and mean rated score there and the longest wait (where there are
** waits); for the whole
** journey (all of the customer's events in time order), the first, worst,
** best and end moments and the mean score.
**
** Rows are the project's customer ids (mot_project.customer_ids, in the
** order they were first seen: customers.csv rows first, then customers
** that only appear in events or tickets); customer_row maps a row to its
** customers.csv row, or -1.
**
** A customer who never met a touchpoint has contacts 0 and NAN scores
** there; a customer who met it but never rated it has contacts > 0 and NAN
** scores. Neither is ever a score of zero: analyses decide explicitly how
** to treat "not met" and "not rated" (docs/methods.md).
**
** Ownership: the caller owns the mot_features and frees it with
** mot_features_free; it keeps no pointer into the project.
*/
#ifndef MOT_DERIVE_H
#define MOT_DERIVE_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mot_features {
    size_t ncustomers;       /* rows */
    size_t ntp;              /* touchpoints (blueprint order) */
    int32_t *customer_row;   /* row -> customers.csv row, -1 if none */

    /* Per customer and touchpoint, at index row * ntp + tp. */
    uint16_t *contacts;      /* events there (saturates at 65535) */
    float *worst;            /* lowest rated score; NAN if none rated */
    float *last;             /* score of the last rated contact; NAN */
    float *mean;             /* mean rated score; NAN */
    /* Per customer and touchpoint with waits: the longest wait_minutes
    ** (NAN if none), at index row * nwait + wait_slot[tp]. Only the
    ** touchpoints where some event has a wait get a slot (wait_slot[tp]
    ** >= 0, in touchpoint order; -1 for the others). wait and wait_slot
    ** are NULL and nwait 0 when no event has a wait. */
    float *wait;
    int32_t *wait_slot;      /* per touchpoint */
    size_t nwait;

    /* Per customer: the journey, all of the customer's events in time
    ** order (ties keep file order). Moments are rated events only. */
    uint32_t *events;        /* events of the customer, rated or not */
    uint32_t *rated;         /* rated events */
    float *first, *worst_moment, *best_moment, *end, *journey_mean; /* NAN */
    int32_t *first_tp, *worst_tp, *best_tp, *end_tp;  /* -1 when none;
                                the earliest moment wins a tie for worst
                                and best */
    int64_t *first_time, *last_time;  /* MOT_NO_TIME when no events */
} mot_features;

/* Derive the features of project p (its events may be absent: then every
** customer has no contacts). Returns MOT_OK and a new mot_features in
** *out; MOT_ENOMEM; MOT_ELIMIT past 4,294,967,295 events or 2^31 - 1
** customers.csv rows; MOT_EDATA if an event names a customer or
** touchpoint index outside the project (a project built by hand; the
** loader never does this). On failure *out is NULL and nothing allocated
** is left behind. threads is the number of worker threads (0 = one per
** core); the result does not depend on it. */
mot_status mot_features_derive(const mot_project *p, unsigned threads,
                               mot_features **out, mot_error *err);

/* Free the features. NULL is a no-op. */
void mot_features_free(mot_features *f);

#ifdef __cplusplus
}
#endif
#endif /* MOT_DERIVE_H */
