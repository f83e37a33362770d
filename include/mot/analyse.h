/*
** mot/analyse.h: the moment-of-truth engine (what `mot analyze` computes).
**
** mot_analyse takes a project and its derived features and computes, per
** touchpoint: performance (n, reach, mean, share below tolerance, with
** intervals), impact on the overall score (share of explained variance by
** LMG/Shapley, or Johnson's relative weights above 15 touchpoints, with
** bootstrap intervals), impact on churn (logistic regression of churn on
** bad experiences: odds ratios with Wald intervals, churn if bad / good,
** attributable churners), tolerance lines (change points in churn along
** score, contacts and waiting time, with a scan-adjusted p-value), the
** overall score by experience (bad / adequate / good, with the gains of
** lifting to tolerance and target), the peak-end comparison, the MOT type
** (negative / positive / hygiene / none, at a family-wise error rate of
** alpha by Holm's method) and a ranking with recommendations. The rules
** are in docs/methods.md.
**
** Beside the engine, so that one result holds everything `mot analyze`
** reports: the touchpoints' importance-performance grid (Martilla & James
** 1977: importance above against the mean score), and the survey
** instruments of the project (mot/survey.h: KANO on kano.csv, SERVQUAL on
** servqual.csv and servqual_weights.csv) analysed with the blueprint, so
** that their features and dimensions are tied to touchpoints.
**
** The result is plain data: report modules render it (JSON keys of
** DESIGN §4) and never recompute statistics. Every estimate carries its
** n and an interval or p-value; where the data cannot support an estimate
** (too few customers, no outcome column, separation), the estimate is NAN
** and a note says why.
**
** Ownership: the caller owns the mot_analysis and frees it with
** mot_analysis_free. It borrows nothing: strings in it are its own.
*/
#ifndef MOT_ANALYSE_H
#define MOT_ANALYSE_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"
#include "mot/derive.h"
#include "mot/survey.h"
#include "mot/behaviour.h"
#include "mot/journeys.h"
#include "mot/segments.h"

/* The tickets results (mot/tickets.h, mot/consistency.h; tickets.h
** includes this header). */
struct mot_tickets_result;
struct mot_consistency_result;

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mot_kind {
    MOT_KIND_NONE = 0,
    MOT_KIND_NEGATIVE,   /* bad experiences significantly raise churn or
                            lower the overall score */
    MOT_KIND_POSITIVE,   /* good experiences significantly lift loyalty or
                            lower churn beyond the rest */
    MOT_KIND_HYGIENE     /* matters only below tolerance (must-be) */
} mot_kind;

/* "negative", "positive", "hygiene", "none". */
const char *mot_kind_name(mot_kind k);

typedef struct mot_analyse_options {
    unsigned bootstrap;   /* resamples for importance intervals (200) */
    uint64_t seed;        /* PRNG seed for bootstrap/permutations (1) */
    unsigned threads;     /* worker threads, 0 = one per core */
    double alpha;         /* significance level (0.05) */
    size_t min_group;     /* fewest customers in a group to report (30) */
    /* Added by the impact/churn/tolerance parts: */
    unsigned permutations;/* tolerance lines: 0 = Miller-Siegmund p;
                             > 0 = a permutation p from this many (0) */
    /* Added (instruments.c): the crosshair of the touchpoints'
    ** importance-performance grid. 0: at the means of the importances and
    ** mean scores of the touchpoints that have both (0); 1: performance at
    ** the scale midpoint, (min + max) / 2 of mot.ini [scale], importance
    ** still at its mean (a share of explained variance has no scale; its
    ** mean is the equal share). */
    int ipa_midpoint;
    /* Added (journeys.c): the repeat window of first-contact resolution,
    ** days (7; mot/journeys.h). */
    double repeat_days;
} mot_analyse_options;

/* Fill *o with the defaults above. */
void mot_analyse_options_default(mot_analyse_options *o);

/* A tolerance line: past `value` of `measure`, the outcome rate jumps. */
typedef struct mot_tolerance {
    int found;                 /* 0: no significant line (other fields NAN) */
    char measure[64];          /* "score", "contacts", "wait_minutes", or a
                                  customers.csv column */
    char outcome[16];          /* "churn" or "dissatisfied" */
    double value;              /* the line itself */
    int direction;             /* +1: beyond means > value ("above");
                                  -1: beyond means < value ("below") */
    double rate_beyond, rate_within;
    double n_beyond, n_within;
    double statistic;          /* maximally selected chi-square */
    double p_adjusted;         /* adjusted for the scan over cut points */
    char p_method[24];         /* "miller-siegmund" or "permutation" */
    /* Added: p_adjusted is the scan-adjusted p (p_scan) further adjusted
    ** by Holm's method over the family of every scan of the analysis
    ** (docs/methods.md, "Tolerance lines"). */
    double p_scan;             /* adjusted for the scan only */
    size_t family;             /* scans in the Holm family */
} mot_tolerance;

typedef struct mot_tp_result {
    size_t tp;                      /* blueprint index */

    /* performance */
    size_t n;                       /* events */
    size_t n_rated;                 /* rated events */
    size_t n_customers;             /* customers who met it */
    double reach;                   /* n_customers / customers */
    double mean, sd, mean_lo, mean_hi;        /* rated scores, t interval */
    double tolerance;               /* adequate level used */
    double target;                  /* desired level: blueprint target,
                                       NAN when not given */
    double below_tolerance, below_lo, below_hi; /* share of rated scores
                                                   below it, Wilson */

    /* impact on the overall score (NAN when not estimable) */
    double importance, importance_lo, importance_hi;   /* its part of R^2
                                        (LMG or relative weight; the parts
                                        sum to overall_r2) */

    /* impact on churn (NAN when not estimable) */
    double odds_ratio, or_lo, or_hi, p;
    double churn_if_bad, churn_if_good;
    double n_bad, n_good;
    double attributable_churners;
    unsigned churn_flags;           /* MOT_LOGIT_* flags of this term */

    /* positive side: loyalty lift of a good experience vs the rest */
    double lift, lift_lo, lift_hi, lift_p;
    char lift_measure[16];          /* "nps" or "overall" */

    /* Added (churn.c): the rest of the lift comparison is the adequate
    ** experiences (rated, neither bad nor good); group sizes. */
    double n_lift_good, n_lift_rest;
    /* Added (churn.c), survival view when churn_time is present (NAN
    ** otherwise): days from the customer's first event to churn, censored
    ** at the end of the data; bad vs good experience here. */
    double km_median_bad, km_median_good;  /* NAN if S stays above 0.5 */
    double km_hr;                   /* log-rank (O/E bad) / (O/E good) */
    double km_stat, km_p;           /* log-rank chi-square (1 df), p */

    mot_tolerance line;             /* the strongest line, or found = 0 */

    /* overall score by experience here (NAN when not estimable): the
    ** customers with an overall score and a rated score here, grouped by
    ** their worst score here: bad (below tolerance), adequate (tolerance
    ** up to target), good (target or more; empty without a target) */
    double overall_bad, overall_adequate, overall_good;  /* mean overall */
    size_t n_overall_bad, n_overall_adequate, n_overall_good;
    double overall_drop;            /* mean(not bad) - mean(bad) */
    double overall_drop_lo, overall_drop_hi, overall_drop_p;  /* Welch */
    /* points of mean overall (over every customer with an overall score)
    ** gained if each bad experience here were lifted to tolerance, and if
    ** each experience were lifted to target (group means; interval from
    ** their standard errors, Satterthwaite df) */
    double gain_tolerance, gain_tolerance_lo, gain_tolerance_hi;
    double gain_target, gain_target_lo, gain_target_hi;

    /* Holm-adjusted p-values of the tests the typing uses (NAN: not
    ** tested): churn odds ratio, loyalty lift, overall drop, tolerance
    ** line; adjusted together over all touchpoints (docs/methods.md) */
    double churn_p_adj, lift_p_adj, drop_p_adj, line_p_adj;

    mot_kind kind;
    int priority;                   /* 1.. among moments of truth, 0 none */
    double expected_effect;         /* ranking key (docs/methods.md) */

    /* Added (instruments.c): the quadrant of importance against mean
    ** around mot_analysis.ipa's crosshair; MOT_IPA_NONE when either is
    ** NAN (the touchpoint is left out of the grid). */
    mot_ipa_quadrant ipa;
} mot_tp_result;

typedef struct mot_peak_end {
    int available;             /* 0 without overall scores or rated events */
    size_t n;                  /* customers in the comparison */
    double r2_peak_end;        /* cross-validated R^2: overall ~ worst +
                                  best + end */
    double r2_mean;            /* cross-validated R^2: overall ~ mean */
    char winner[16];           /* "peak_end" or "mean" */
    double diff_lo, diff_hi;   /* bootstrap interval of r2_peak_end -
                                  r2_mean (the method of the importance
                                  intervals, named in interval_method) */
    size_t *worst_count;       /* per touchpoint: times it was the worst */
    size_t *end_count;         /* ... the end moment */
    size_t *best_count;        /* ... the best moment */
    /* Added (peakend.c): primacy, the first moment beside peak-end. */
    double r2_primacy;         /* cross-validated R^2: overall ~ first +
                                  worst + best + end, same customers and
                                  folds */
    double primacy_diff_lo, primacy_diff_hi; /* bootstrap interval of
                                  r2_primacy - r2_peak_end (same method
                                  and replicates as diff_lo/hi) */
    int primacy_adds;          /* 1 when that interval lies above 0 */
    size_t *first_count;       /* per touchpoint: times it was the first
                                  rated moment */
} mot_peak_end;

typedef struct mot_recommendation {
    size_t tp;
    char action[32];           /* "lift_to_tolerance", "lift_to_target" or
                                  "stay_within_line" */
    double level;              /* the score lifted to, or the line's value */
    double churners_retained;  /* expected, NAN without churn data; 0 when
                                  the churn effect is not significant */
    double overall_gain;       /* points of mean overall, NAN without it */
    double overall_gain_lo, overall_gain_hi;
} mot_recommendation;

typedef struct mot_analysis {
    size_t customers;          /* rows of the features */
    size_t with_outcome;       /* customers.csv rows */
    size_t events;
    size_t ntp;
    mot_tp_result *tp;         /* ntp entries, blueprint order */

    size_t *moments;           /* tp indexes of the moments of truth, best
                                  first */
    size_t nmoments;

    double overall_r2;         /* R^2 of overall on the touchpoints */
    size_t overall_n;
    char importance_method[24];/* "lmg" or "relative_weights" */
    char interval_method[40];  /* e.g. "percentile bootstrap (200)" */
    size_t churn_n;            /* customers in the churn model */
    double churners;

    /* Added (impact.c): the outcome of the importance model, "overall" or
    ** "nps" ("" when there is none). */
    char overall_outcome[16];
    /* Added (tolerance.c): one line per numeric customers.csv column
    ** scanned (found = 0 where none is significant); freed by
    ** mot_analysis_free. */
    mot_tolerance *customer_lines;
    size_t ncustomer_lines;

    mot_peak_end peak_end;

    mot_recommendation *recs;
    size_t nrecs;

    char **notes;              /* caveats in plain English, e.g. why an
                                  estimate is missing */
    size_t nnotes;

    /* Added (instruments.c): the crosshair of the touchpoints' grid and
    ** how many touchpoints it classifies (n = 0 and NAN crosshair: no
    ** touchpoint has both an importance and a mean); at_point is the
    ** option ipa_midpoint. */
    mot_ipa ipa;
    /* Added (instruments.c): the KANO and SERVQUAL results of the
    ** project, with the default options and the blueprint; NULL when
    ** kano.csv or servqual.csv is absent, or holds nothing to analyse (a
    ** note says so). Freed by mot_analysis_free. */
    mot_kano_result *kano;
    mot_servqual_result *servqual;
    /* Added (behaviour.c): the front-line behaviour result of the
    ** project's interactions.csv (mot_behaviour_analyse with the default
    ** options but the analysis's bootstrap, seed, threads and alpha), the
    ** object `mot behaviour` prints; NULL when interactions.csv is absent
    ** or was not read, or holds nothing to analyse (a note says so).
    ** Freed by mot_analysis_free. */
    mot_behaviour_result *behaviour;
    /* Added (journeys.c): the paths through the touchpoints
    ** (mot/journeys.h); NULL when events.csv is absent. Freed by
    ** mot_analysis_free. */
    mot_journeys *journeys;
    /* Added (segments.c): the analysis per segment, NULL unless
    ** mot_analyse_segments was called on this result. Freed by
    ** mot_analysis_free. */
    mot_segments *segments;
    /* Added (the tickets hook, analyse.c): the tickets analysis and the
    ** consistency / expectation / trends of the rated events, the object
    ** `mot tickets` prints (DESIGN §4 "tickets"). mot_analyse leaves them
    ** NULL: the caller fills them from mot_analyse_tickets (mot analyze
    ** runs it before deriving the features and then frees tickets.csv
    ** and the events' staff, branch and expected columns with
    ** mot_project_drop, so that they are not in memory with the
    ** features). NULL when the project has no tickets.csv; consistency may
    ** be NULL with tickets set. Owned and freed by mot_analysis_free. */
    struct mot_tickets_result *tickets;
    struct mot_consistency_result *consistency;
} mot_analysis;

/* Analyse project p with features f (derived from p). opt may be NULL for
** the defaults. Returns MOT_OK and a new result in *out; MOT_ENOMEM;
** MOT_EDATA if the data cannot be analysed at all (err says why).
** Missing inputs are not errors: the parts they feed are NAN and noted. */
mot_status mot_analyse(const mot_project *p, const mot_features *f,
                       const mot_analyse_options *opt, mot_analysis **out,
                       mot_error *err);

/* Free the result. NULL is a no-op. */
void mot_analysis_free(mot_analysis *a);

/* The tickets part of the analysis (DESIGN §4 "tickets"): on a project
** that read tickets.csv and the events' staff, branch and expected
** columns (loaded without MOT_SKIP_TICKETS and MOT_SKIP_EVENT_DETAIL, as
** `mot tickets` loads it), mot_tickets_analyse and mot_consistency_
** analyse with their default options. Returns MOT_OK with new results in
** *tickets and *consistency (the caller owns them: free them or hand them
** to a mot_analysis's fields of those names), both NULL when p has no
** tickets.csv; otherwise the first failure's status (MOT_ENOMEM, MOT_EDATA
** with err set) and both NULL. threads is the number of threads (0 = one
** per core): with two or more the two analyses run side by side; the
** results do not depend on it. */
mot_status mot_analyse_tickets(const mot_project *p, unsigned threads,
                               struct mot_tickets_result **tickets,
                               struct mot_consistency_result **consistency,
                               mot_error *err);

#ifdef __cplusplus
}
#endif
#endif /* MOT_ANALYSE_H */
