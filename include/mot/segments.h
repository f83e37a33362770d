/*
** mot/segments.h: the moment-of-truth analysis per segment of customers.
**
** mot_analyse_segments splits the customers of customers.csv by the values
** of one of its columns and runs mot_analyse on each part as if it were a
** project of its own (the project stays loaded once: each part is a view
** that borrows the blueprint and configuration and copies only the rows
** of its customers and their events; the survey files are left out).
** Customers that are not in customers.csv, or whose value is empty, are
** in no segment.
**
** The column may be
**  - `segment` or any text column of customers.csv: one segment a value;
**  - a numeric column with at most MOT_SEGMENT_MAX_LEVELS distinct values:
**    one segment a value;
**  - `tier` when customers.csv has no such column but has `value`: value
**    tiers by quantiles, `low` (value <= the 1/3 quantile), `mid` (<= the
**    2/3 quantile) and `high` (R's type-7 quantiles of the non-empty
**    values).
** Then, per touchpoint, where the moment differs: a touchpoint that is a
** moment of truth (or one of another kind) in one segment and not in
** another, with each segment's evidence and a test of heterogeneity of the
** churn odds ratios across the segments (Woolf's test: Cochran's Q on the
** log odds ratios weighted by their inverse variances, recovered from the
** Wald intervals; k - 1 degrees of freedom), and of the loyalty lifts
** likewise (docs/methods.md, "Segments").
**
** Ownership: the mot_segments belongs to the mot_analysis it is attached
** to (mot_analysis.segments) and is freed with it.
*/
#ifndef MOT_SEGMENTS_H
#define MOT_SEGMENTS_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MOT_SEGMENT_MAX_LEVELS 12

struct mot_analysis;
struct mot_analyse_options;

typedef struct mot_segment {
    char *name;                  /* the value, or low/mid/high */
    size_t n;                    /* customers.csv rows in it */
    size_t events;
    size_t tier_tolerances;      /* touchpoints judged against the
                                    blueprint's tolerance_<name> (column
                                    `tier` only; 0 otherwise) */
    struct mot_analysis *a;      /* its analysis */
} mot_segment;

/* A heterogeneity test across segments (NAN/0 when fewer than two
** segments have the estimate). */
typedef struct mot_segment_test {
    size_t k;                    /* segments with the estimate */
    double q, df, p;
} mot_segment_test;

typedef struct mot_segment_diff {
    size_t tp;                   /* blueprint index */
    mot_segment_test churn;      /* Woolf's test of the odds ratios */
    mot_segment_test lift;       /* the same for the loyalty lifts */
} mot_segment_diff;

typedef struct mot_segments {
    char *column;
    int tiers;                   /* 1: value tiers (tier_cut set) */
    double tier_cut[2];          /* the 1/3 and 2/3 quantiles of value */
    mot_segment *seg;
    size_t nseg;
    size_t unassigned;           /* customers.csv rows in no segment */
    mot_segment_diff *diff;      /* touchpoints whose kind differs */
    size_t ndiff;
} mot_segments;

/* Analyse each segment of project p by customers.csv column `column`
** with options opt (NULL: defaults) and attach the result to a as
** a->segments (replacing none: a->segments must be NULL). Returns MOT_OK;
** MOT_EUSAGE when there is no customers.csv, no such column (and it is not
** `tier` with a value column), a numeric column has more than
** MOT_SEGMENT_MAX_LEVELS values, or no customer has a value (err says
** which); MOT_ENOMEM; or the status of a segment's analysis. On failure a
** is unchanged. */
mot_status mot_analyse_segments(const mot_project *p, const char *column,
                                const struct mot_analyse_options *opt,
                                struct mot_analysis *a, mot_error *err);

/* Free a result (mot_analysis_free calls it). NULL is a no-op. */
void mot_segments_free(mot_segments *s);

/* The customers' tiers, as `--segment tier` makes them: customers.csv's
** `tier` column when it has one, else value tiers low/mid/high. */
typedef struct mot_tiers {
    char **name;                 /* the tiers, n of them */
    size_t n;
    uint32_t *of_customer;       /* per project customer id: tier, or
                                    MOT_NONE (not in customers.csv, or no
                                    tier) */
    size_t ncustomers;
    int from_value;              /* 1: value tiers (cut set) */
    double cut[2];               /* the 1/3 and 2/3 quantiles of value */
} mot_tiers;

/* Find the tiers of p's customers into a new *out. Returns MOT_OK;
** MOT_EUSAGE (err says why) when there is no customers.csv or it has
** neither a tier nor a value column, or a numeric tier column has too
** many values; MOT_ENOMEM. *out is NULL on failure. The caller frees it
** with mot_tiers_free. */
mot_status mot_tiers_find(const mot_project *p, mot_tiers **out,
                          mot_error *err);

/* Free tiers; NULL is a no-op. */
void mot_tiers_free(mot_tiers *t);

/* The index of the tier named (ignoring ASCII case) `name`, or MOT_NONE. */
uint32_t mot_tiers_index(const mot_tiers *t, const char *name);

/* Check that every per-tier column of b names one of the tiers t (NULL:
** the customers have no tiers). Returns MOT_OK, or MOT_EDATA with err at
** the column's header in blueprint.csv for the first that does not. */
mot_status mot_tiers_check(const mot_tiers *t, const mot_blueprint *b,
                           mot_error *err);

#ifdef __cplusplus
}
#endif
#endif /* MOT_SEGMENTS_H */
