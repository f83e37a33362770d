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

#ifdef __cplusplus
}
#endif
#endif /* MOT_SEGMENTS_H */
