/*
** mot/journeys.h: the paths customers take through the touchpoints.
**
** mot_journeys_compute walks every customer's events in time order (ties
** keep file order, as in mot/derive.h) once and counts, as process-mining
** tools show them:
**  - the directly-follows graph: for each pair of steps (a touchpoint, or
**    the journey's start or end) how often the second directly follows
**    the first, how many customers take that step, and the median time
**    between the two events with a distribution-free interval;
**  - churn along each step: the churn rate of the customers who take it
**    against those who do not (Wilson intervals, a chi-square test,
**    Holm-adjusted over the steps with enough customers on both sides);
**  - the journey variants: each customer's sequence of touchpoints with
**    immediate repeats collapsed; the most common ones with their counts,
**    share and churn rate against the rest (tested the same way);
**  - repeat contacts: a contact at a touchpoint opens an episode unless
**    the customer was there in the repeat window (N days) before it; the
**    episode is resolved at first contact when no contact there follows
**    within N days: first-contact resolution (FCR) per touchpoint;
**  - high-frequency needs: contacts per touchpoint in all, per value of
**    the customers.csv segment column and in each customer's first
**    `first_days` days (from the customer's first event).
** The definitions, tests and minimum sizes are in docs/methods.md
** ("Journeys").
**
** Memory: tables of (touchpoints + 2)^2 steps and a bounded table of
** variants (MOT_JOURNEY_MAX_VARIANTS); nothing per event except, when the
** events file is not grouped by customer, one 4-byte index an event.
**
** Ownership: the caller owns the mot_journeys and frees it with
** mot_journeys_free; it borrows nothing from the project.
*/
#ifndef MOT_JOURNEYS_H
#define MOT_JOURNEYS_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"
#include "mot/derive.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Distinct variants kept; variants first seen after the table is full are
** counted as "other" (notes say so). */
#define MOT_JOURNEY_MAX_VARIANTS 65536u

typedef struct mot_journey_options {
    double repeat_days;   /* repeat window for FCR, days (7) */
    double first_days;    /* the "first days" window of needs (30) */
    size_t top_variants;  /* variants reported (10) */
    size_t min_group;     /* customers needed on each side of a churn
                             test (30) */
    double alpha;         /* interval level is 1 - alpha (0.05) */
} mot_journey_options;

/* Fill *o with the defaults above. */
void mot_journey_options_default(mot_journey_options *o);

/* A churn comparison: the customers who take a step (or a variant) and
** have a churn value against the other customers with one. NAN where not
** estimable; p and p_adjusted NAN when not tested (either side smaller
** than min_group). */
typedef struct mot_journey_churn {
    double n, churners, rate, lo, hi;              /* with it */
    double rest_n, rest_churners, rest_rate, rest_lo, rest_hi;
    double ratio;                                  /* rate / rest_rate */
    double chisq, p, p_adjusted;                   /* Pearson, 1 df; Holm */
} mot_journey_churn;

/* One directly-follows step. from/to are touchpoint indexes, or
** MOT_JOURNEY_START(ntp) / MOT_JOURNEY_END(ntp). */
#define MOT_JOURNEY_START(ntp) (ntp)
#define MOT_JOURNEY_END(ntp) ((ntp) + 1)
typedef struct mot_journey_edge {
    size_t from, to;
    uint64_t count;          /* times to directly follows from */
    size_t customers;        /* customers who take the step at least once */
    /* hours between the two events (NAN for start and end steps):
    ** median and its order-statistic interval; times counted */
    double median_hours, median_lo, median_hi;
    uint64_t n_times;
    int median_exact;        /* 1: from every time; 0: from the binned
                                times (docs/methods.md) */
    mot_journey_churn churn;
} mot_journey_edge;

typedef struct mot_journey_variant {
    size_t *steps;           /* touchpoint indexes, repeats collapsed */
    size_t nsteps;
    size_t customers;
    double share;            /* of customers with events */
    mot_journey_churn churn;
} mot_journey_variant;

/* First-contact resolution at one touchpoint. */
typedef struct mot_journey_fcr {
    uint64_t contacts;       /* all contacts there */
    uint64_t episodes;       /* contacts that open an episode */
    uint64_t resolved;       /* episodes with no repeat within the window */
    uint64_t repeats;        /* contacts inside an episode's window */
    double fcr, lo, hi;      /* resolved / episodes, Wilson; NAN if none */
} mot_journey_fcr;

typedef struct mot_journeys {
    size_t ntp;
    size_t customers;        /* customers with events */
    uint64_t events;
    double repeat_days, first_days, level;
    size_t min_group;

    mot_journey_edge *edges; /* steps taken at least once, most frequent
                                first (ties: from, then to) */
    size_t nedges;
    size_t edges_tested;     /* the Holm family of the steps */

    mot_journey_variant *variants;   /* the top variants, most first */
    size_t nvariants;
    size_t distinct_variants;        /* counted exactly (<= the cap) */
    size_t other_customers;          /* customers whose variant came after
                                        the table was full */
    size_t variants_tested;

    mot_journey_fcr *fcr;    /* ntp entries */

    /* needs: contacts per touchpoint (ntp entries each) */
    uint64_t *contacts;      /* all */
    uint64_t *first_contacts;/* in each customer's first first_days days */
    size_t nsegments;        /* values of customers.csv segment (0: none) */
    char **segment_names;    /* nsegments */
    size_t *segment_customers;   /* customers with events per segment */
    uint64_t *segment_contacts;  /* nsegments x ntp, row per segment */
    int has_churn;           /* customers.csv has churned */
} mot_journeys;

/* Compute the journeys of project p whose features f were derived from it
** (f gives each customer's customers.csv row). opt may be NULL for the
** defaults. Returns MOT_OK and a new result in *out (with no events:
** customers 0 and empty tables); MOT_EUSAGE if f does not fit p or an
** option is out of range (repeat_days or first_days not positive, alpha
** not in (0, 0.5)); MOT_EDATA if an event names a customer or touchpoint
** outside the project (a project built by hand); MOT_ENOMEM. On failure
** *out is NULL. */
mot_status mot_journeys_compute(const mot_project *p, const mot_features *f,
                                const mot_journey_options *opt,
                                mot_journeys **out, mot_error *err);

/* Free the result. NULL is a no-op. */
void mot_journeys_free(mot_journeys *j);

#ifdef __cplusplus
}
#endif
#endif /* MOT_JOURNEYS_H */
