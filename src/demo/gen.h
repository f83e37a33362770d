/*
** gen.h: the demo generator's shared state and the planted effect sizes.
**
** demo.c drives the run: it opens every output file, then for each
** customer calls demo_journey (events, tickets, interactions), then
** demo_outcomes (the customers.csv row) and, for the customers sampled as
** survey respondents, demo_kano_rows and demo_servqual_rows. A
** demo_story carries one customer's latent variables from the journey to
** the outcomes and the surveys, so that all files tell one story. Only
** the current customer is in memory.
**
** The constants below are the planted effects documented in demo.c and
** docs/demo.md; change them together.
*/
#ifndef MOT_DEMO_GEN_H
#define MOT_DEMO_GEN_H

#include <stdint.h>

#include "demo/demo_out.h"
#include "demo/demo_rng.h"
#include "demo/scenario.h"

/* Churn: odds = churn_base/1000 x NEG_ODDS if the NEG score was below 3,
** x TOL_ODDS if the customer was beyond the tolerance line. */
#define DEMO_NEG_ODDS 4.0
#define DEMO_TOL_ODDS 3.5
/* overall = 1 + PEAK_W (worst - 1) + END_W (end - 1) + N(0, OVERALL_SD),
** rounded to one decimal and kept within 1..5 (worst: the lowest score at
** a DEMO_PEAK touchpoint; end: the score at the END touchpoint). */
#define DEMO_PEAK_W 0.6
#define DEMO_END_W 0.35
#define DEMO_OVERALL_SD 0.35
/* nps = NPS_BASE + NPS_PER_OVERALL (overall - 1) + POS_NPS [best POS
** score is 5] + N(0, NPS_SD), rounded, kept within 0..10. */
#define DEMO_NPS_BASE 2.5
#define DEMO_NPS_PER_OVERALL 1.5
#define DEMO_POS_NPS 2.0
#define DEMO_NPS_SD 1.2

enum demo_file_id {
    DF_INI, DF_BLUEPRINT, DF_STAFF, DF_EVENTS, DF_CUSTOMERS, DF_TICKETS,
    DF_INTERACTIONS, DF_KANO, DF_SERVQUAL, DF_WEIGHTS, DF_COUNT
};

/* Independent random streams, so that one file's draws never shift
** another's. */
enum { DEMO_STREAM_JOURNEY = 1, DEMO_STREAM_KANO, DEMO_STREAM_SERVQUAL,
       DEMO_STREAM_REVIEW };

typedef struct demo_gen {
    const demo_scenario *sc;
    uint64_t seed;
    unsigned long ncustomers;
    int id_width;               /* digits in a customer id */
    unsigned long nkano;        /* KANO respondents */
    unsigned long nservqual;    /* SERVQUAL respondents */
    unsigned long tickets;      /* ticket ids handed out so far */
    unsigned long interactions; /* interaction ids handed out so far */
    demo_file file[DF_COUNT];
} demo_gen;

typedef struct demo_story {
    unsigned long index;   /* 0-based customer number */
    unsigned segment;      /* index into sc->segment */
    unsigned branch;       /* home branch, index into sc->branch */
    int neg_worst;         /* lowest score at the NEG touchpoint; 6: none */
    int pos_best;          /* highest score at the POS touchpoint; 0: none */
    int peak;              /* lowest score at any DEMO_PEAK touchpoint */
    int end;               /* score at the END touchpoint; 0: none */
    unsigned tol_contacts; /* contacts at the TOL touchpoint */
    unsigned tol_wait;     /* longest wait there, tenths of a minute */
    int sla_missed;        /* a ticket missed its SLA or is still open */
    long long first, last; /* times of the first and last contact */
    demo_rng review;       /* DEMO_STREAM_REVIEW: which unrated QA
                              contacts a reviewer assessed */
} demo_story;

/* Append customer `index`'s id (C00001 ...) and staff s's id (S01 ...). */
void demo_line_customer(demo_line *l, const demo_gen *g,
                        unsigned long index);
void demo_line_staff(demo_line *l, unsigned s);

/* journey.c: walk customer st->index through the blueprint, writing
** events, tickets and interactions, and fill the rest of *st. */
void demo_journey(demo_gen *g, demo_rng *r, demo_story *st);
/* journey.c: write the customers.csv row that follows from *st. */
void demo_outcomes(demo_gen *g, demo_rng *r, const demo_story *st);

/* survey.c: the KANO and SERVQUAL answers of a respondent, if customer
** st->index is one (respondents are spread evenly over the customers). */
void demo_kano_rows(demo_gen *g, const demo_story *st);
void demo_servqual_rows(demo_gen *g, const demo_story *st);

/* staff.c: per mille chance that staff member s does step k of the
** behaviour model at time t, and the staff.csv rows. */
unsigned demo_staff_step(const demo_scenario *sc, unsigned s, unsigned k,
                         long long t);
void demo_staff_rows(demo_gen *g);

/* staff.c: what staff member s adds to the score of a QA contact, on top
** of the behaviour steps: -1.0 for the planted weak staff member S14
** (branch 2), -0.6 anywhere in the planted weak branch (branch 3), 0 for
** everyone else. */
double demo_staff_offset(unsigned s);

#endif /* MOT_DEMO_GEN_H */
