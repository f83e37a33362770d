/*
** scenario.h: the four industries the demo generator knows, as tables.
**
** A scenario is data only: the blueprint rows with, for each customer-
** facing touchpoint, how often customers meet it, how it is rated and
** which planted truth it carries (its role flags); plus segments, branches,
** the behaviour model's steps, KANO features and SERVQUAL settings. The
** generator (journey.c, survey.c) reads these tables and never names an
** industry. What the roles mean is documented in demo.c and docs/demo.md.
*/
#ifndef MOT_DEMO_SCENARIO_H
#define MOT_DEMO_SCENARIO_H

#include <stddef.h>

/* Roles of a touchpoint in the planted truths. */
enum {
    DEMO_NEG = 1 << 0,    /* negative MOT: a score below 3 raises churn odds */
    DEMO_POS = 1 << 1,    /* positive MOT: a best score of 5 lifts NPS */
    DEMO_TOL = 1 << 2,    /* tolerance line in its contacts or its wait */
    DEMO_TICKET = 1 << 3, /* each contact opens a ticket; the score follows
                             whether the ticket met its SLA */
    DEMO_END = 1 << 4,    /* the journey's last moment (met by everyone) */
    DEMO_QA = 1 << 5,     /* staff behaviour steps drive the score; rated
                             contacts become interactions.csv rows */
    DEMO_STAFF = 1 << 6   /* contacts name a staff member */
};

/* Touchpoints whose scores shape `overall` as its peak (worst moment). */
#define DEMO_PEAK (DEMO_NEG | DEMO_POS | DEMO_TICKET | DEMO_END)

#define DEMO_NSCORE 5      /* scores 1..5 */
#define DEMO_NREPEAT 6     /* 1..6 contacts */
#define DEMO_NSEGMENT 3
#define DEMO_NBRANCH 4
#define DEMO_STAFF_PER_BRANCH 6
#define DEMO_NSTAFF (DEMO_NBRANCH * DEMO_STAFF_PER_BRANCH)
#define DEMO_NDIM 5        /* SERVQUAL dimensions */

typedef struct demo_tp {
    /* blueprint.csv; "" for an empty field */
    const char *id, *name, *stage, *phase, *lane, *channel, *supports;
    unsigned char tolerance, target; /* tenths of a score point; 0: empty */
    unsigned short sla_hours;        /* 0: empty */
    const char *servqual, *kano, *owner;
    /* events.csv */
    unsigned short reach;      /* per mille of customers who meet it; 0 for
                                  rows without events (backstage, evidence) */
    unsigned short rated;      /* per mille of contacts that carry a score */
    unsigned gap_lo, gap_hi;   /* minutes since the previous contact */
    unsigned short repeat[DEMO_NREPEAT]; /* weights of 1..6 contacts;
                                            all 0: exactly one */
    unsigned short wait_median; /* tenths of a minute; 0: no wait column */
    unsigned short score[DEMO_NSCORE]; /* weights of scores 1..5 */
    unsigned flags;            /* DEMO_* roles */
    /* tickets.csv, for DEMO_TICKET */
    unsigned short sla_miss;   /* per mille of resolved tickets past SLA */
    const char *category[3];
} demo_tp;

typedef struct demo_kano {
    const char *feature;
    char category;             /* the planted one: 'A', 'O', 'M' or 'I' */
} demo_kano;

typedef struct demo_sq_item {  /* an adapted SERVQUAL item */
    const char *name;
    unsigned char dim;         /* 0 tangibles .. 4 empathy */
} demo_sq_item;

typedef struct demo_scenario {
    const char *name;
    const demo_tp *tp;
    size_t ntp;
    const char *segment[DEMO_NSEGMENT];
    unsigned short segment_weight[DEMO_NSEGMENT];
    unsigned long value_cents[DEMO_NSEGMENT]; /* median `value` per segment */
    const char *branch[DEMO_NBRANCH];
    const char *const *steps;  /* behaviour model step names */
    unsigned char nsteps;
    unsigned char key_step;    /* the step that matters most for the score */
    unsigned char weak_step;   /* most staff skip it often */
    unsigned char odd_step;    /* the odd staff member's weak step */
    unsigned short training_day;  /* first training, days since 1 Jan */
    unsigned short training_step; /* days between the trained staff's
                                     courses (the middle one falls near
                                     the median interaction time) */
    unsigned short start_days; /* journeys start within the first N days */
    unsigned short churn_base; /* baseline churn odds, per mille */
    unsigned char tol_contacts; /* TOL beyond: >= this many contacts, or 0 */
    unsigned short tol_wait;   /* TOL beyond: wait > this many tenths, or 0 */
    unsigned long compensation_cents[3]; /* amounts paid for missed SLAs */
    const demo_kano *kano;
    size_t nkano;
    const demo_sq_item *sq_items; /* NULL: the standard 22 numbered items */
    size_t nsq_items;
    unsigned char sq_gap_dim;  /* the dimension with the planted gap */
} demo_scenario;

/* The scenario called `name`, or NULL if there is none. */
const demo_scenario *demo_scenario_find(const char *name);

/* The SERVQUAL dimension names in the standard order. */
extern const char *const demo_sq_dims[DEMO_NDIM];

#endif /* MOT_DEMO_SCENARIO_H */
