/*
** mot/survey.h: the survey instruments: KANO, SERVQUAL with the zone of
** tolerance, and importance-performance analysis (IPA).
**
** KANO (Kano et al. 1984; Berger et al. 1993): each answer pair
** (functional, dysfunctional) is a category by the evaluation table,
** A attractive, O one-dimensional, M must-be, I indifferent, R reverse,
** Q questionable; per feature the counts and shares, the category (the
** most frequent answer, with Matzler et al.'s M > O > A > I rule when the
** top categories are close), category and total strength (Lee & Newcomb
** 1997), Fong's (1996) test of the top two, Better and Worse, mean
** self-stated importance, and the same per segment.
**
** SERVQUAL (Parasuraman, Zeithaml & Berry 1988): gap = perception -
** expectation per item and per dimension, as means over respondents with
** t intervals; the unweighted and the weighted score; Cronbach's alpha per
** dimension of expectations and of perceptions; the zone of tolerance
** (Parasuraman, Zeithaml & Berry 1994): MSA = perception - adequate,
** MSS = perception - desired, each dimension below, inside or above it;
** the touchpoints of each dimension (blueprint servqual_dimension); an IPA
** of the dimensions (performance = their perception; importance = their
** weights or, without weights, derived: each dimension's share of the
** variance of the respondents' overall score that their dimension
** perceptions explain, by LMG, with a bootstrap percentile interval).
**
** IPA (Martilla & James 1977): any items with an importance and a
** performance fall in four quadrants around a crosshair at the data means
** or at a given point; a value equal to the crosshair counts as high.
**
** docs/methods.md gives every formula, its source, the edge cases and the
** tests that check them. Results are plain data; the report module
** renders them (mot/report.h) and never recomputes them.
**
** Ownership: the caller owns a result and frees it with its _free
** function; a result borrows nothing (its strings are its own).
*/
#ifndef MOT_SURVEY_H
#define MOT_SURVEY_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"
#include "mot/stats.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- shared ---------------------------------------------------------------- */

/* A mean over n observations with its Student t interval. */
typedef struct mot_estimate {
    size_t n;           /* observations used */
    double mean;        /* NAN when n = 0 */
    double sd;          /* sample standard deviation, NAN when n < 2 */
    double lo, hi;      /* t interval at the analysis' level, NAN n < 2 */
} mot_estimate;

/* The touchpoint a KANO feature or a SERVQUAL dimension belongs to. */
typedef struct mot_survey_tp {
    long index;         /* blueprint index; -1 when known only as text */
    char *id;           /* blueprint id, or the text of kano.csv's
                           touchpoint column read without a blueprint;
                           NULL: no touchpoint */
    char *name;         /* blueprint name; NULL when not known */
} mot_survey_tp;

/* ---- importance-performance analysis (ipa.c) ------------------------------ */

typedef enum mot_ipa_quadrant {
    MOT_IPA_NONE = 0,        /* not classified (a value is missing) */
    MOT_IPA_CONCENTRATE,     /* high importance, low performance */
    MOT_IPA_KEEP_UP,         /* high importance, high performance */
    MOT_IPA_LOW_PRIORITY,    /* low importance, low performance */
    MOT_IPA_OVERKILL         /* low importance, high performance */
} mot_ipa_quadrant;

/* "concentrate_here", "keep_up_the_good_work", "low_priority",
** "possible_overkill"; "none" for MOT_IPA_NONE. */
const char *mot_ipa_quadrant_name(mot_ipa_quadrant q);

typedef struct mot_ipa_options {
    int at_point;       /* 0: crosshair at the means of the items' values;
                           1: at (importance, performance) below, e.g. the
                           scale midpoint */
    double importance, performance;
} mot_ipa_options;

typedef struct mot_ipa {
    double importance;  /* the crosshair used */
    double performance;
    int at_point;       /* as in the options */
    size_t n;           /* items classified */
} mot_ipa;

/* Classify n items with importance[i] and performance[i] into quadrant[i]
** around the crosshair: high means >= the crosshair value. An item with a
** NAN value gets MOT_IPA_NONE and does not enter the means. opt NULL means
** the crosshair at the means. On MOT_OK *res describes the crosshair.
** MOT_EDATA (quadrants all NONE) when the crosshair is at the means and no
** item has both values; MOT_EUSAGE for a crosshair point that is not
** finite. */
mot_status mot_ipa_classify(const double *importance,
                            const double *performance, size_t n,
                            const mot_ipa_options *opt,
                            mot_ipa_quadrant *quadrant, mot_ipa *res,
                            mot_error *err);

/* ---- KANO (kano.c) ---------------------------------------------------------- */

typedef enum mot_kano_category {
    MOT_KANO_NONE = -1,
    MOT_KANO_A = 0,     /* attractive */
    MOT_KANO_O,         /* one-dimensional (performance) */
    MOT_KANO_M,         /* must-be */
    MOT_KANO_I,         /* indifferent */
    MOT_KANO_R,         /* reverse */
    MOT_KANO_Q          /* questionable */
} mot_kano_category;
#define MOT_KANO_NCAT 6

/* "A", "O", "M", "I", "R", "Q"; "" for MOT_KANO_NONE. */
const char *mot_kano_letter(mot_kano_category c);
/* "attractive", "one_dimensional", "must_be", "indifferent", "reverse",
** "questionable"; "none" for MOT_KANO_NONE. */
const char *mot_kano_category_name(mot_kano_category c);

/* The category of a functional and a dysfunctional answer, each 1 like,
** 2 must-be, 3 neutral, 4 live-with, 5 dislike, by the evaluation table of
** Berger et al. (1993); MOT_KANO_NONE when an answer is not 1..5. */
mot_kano_category mot_kano_evaluate(int functional, int dysfunctional);

typedef struct mot_kano_options {
    double close;       /* shares this close to the most frequent one's
                           are ties, broken M > O > A > I (0.05) */
    double level;       /* interval level (0.95) */
    int by_segment;     /* also per segment, when kano.csv has one (0) */
} mot_kano_options;

/* Fill *o with the defaults above. */
void mot_kano_options_default(mot_kano_options *o);

/* One feature's answers, or those of one segment. */
typedef struct mot_kano_stats {
    uint64_t n;                     /* answers, R and Q included */
    uint64_t count[MOT_KANO_NCAT];  /* by mot_kano_category */
    double share[MOT_KANO_NCAT];    /* count / n (NAN when n = 0) */
    mot_kano_category mode;         /* the most frequent of the six */
    mot_kano_category category;     /* the mode after the tie rule */
    mot_kano_category first;        /* the largest of A, O, M, I, R ... */
    mot_kano_category second;       /* ... and the next (Q left out) */
    double category_strength;       /* share[first] - share[second] */
    double total_strength;          /* share A + O + M */
    double better, better_lo, better_hi;  /* (A+O)/(A+O+M+I), Wilson
                                             interval; NAN when A+O+M+I
                                             is 0 */
    double worse, worse_lo, worse_hi;     /* -(O+M)/(A+O+M+I), likewise */
    double fong_difference;         /* |count[first] - count[second]| */
    double fong_threshold;          /* 1.65 sqrt((a+b)(2n-a-b)/(2n)) */
    int fong_significant;           /* 1 difference >= threshold, 0 not,
                                       -1 not applicable (a + b = 0) */
    mot_estimate importance;        /* self-stated; n = 0 without */
} mot_kano_stats;

typedef struct mot_kano_feature {
    char *name;
    mot_survey_tp touchpoint;       /* id NULL when none */
    mot_kano_stats all;
    mot_kano_stats *segment;        /* nsegments entries, or NULL */
} mot_kano_feature;

typedef struct mot_kano_result {
    size_t nfeatures;
    mot_kano_feature *features;     /* in order of first appearance */
    size_t nsegments;               /* 0 unless by segment */
    char **segments;                /* their names, in order of first
                                       appearance */
    size_t respondents, answers;
    int has_importance;             /* kano.csv has an importance column */
    mot_kano_options options;       /* as used */
} mot_kano_result;

/* Analyse the KANO answers k. b (may be NULL) names each feature's
** touchpoint: the touchpoint column of kano.csv (the first row of the
** feature that has one), else the first blueprint row whose kano_feature
** is the feature, else the text of an attribute column "touchpoint" (a
** kano.csv read without a blueprint). opt NULL means the defaults.
** Returns MOT_OK and a new result in *out; MOT_EUSAGE for bad options;
** MOT_EDATA if an answer is not 1..5 or a row's feature or respondent is
** missing (a table that did not come from the loader); MOT_ENOMEM. */
mot_status mot_kano_analyse(const mot_kano *k, const mot_blueprint *b,
                            const mot_kano_options *opt,
                            mot_kano_result **out, mot_error *err);
void mot_kano_result_free(mot_kano_result *r);

/* ---- SERVQUAL (servqual.c) ------------------------------------------------- */

typedef enum mot_zone {
    MOT_ZONE_NONE = 0,      /* no adequate and desired levels */
    MOT_ZONE_BELOW,         /* MSA < 0: perception below adequate */
    MOT_ZONE_INSIDE,        /* MSA >= 0 and MSS <= 0 */
    MOT_ZONE_ABOVE          /* MSS > 0: perception above desired */
} mot_zone;

/* "below", "inside", "above"; "none" for MOT_ZONE_NONE. */
const char *mot_zone_name(mot_zone z);

typedef struct mot_servqual_options {
    double level;           /* interval level (0.95) */
    mot_ipa_options ipa;    /* crosshair of the dimensions' IPA (means) */
    const double *overall;  /* NULL, or per respondent (index into the
                               table's respondents) an overall score from
                               elsewhere (customers.csv), NAN when none;
                               used when servqual.csv has no overall
                               column. Not kept: NULL in a result. */
    unsigned bootstrap;     /* replicates of the derived importance's
                               interval (200; 0: no interval) */
    uint64_t seed;          /* their seed (1) */
} mot_servqual_options;

void mot_servqual_options_default(mot_servqual_options *o);

typedef struct mot_servqual_item {
    char *item;
    mot_dimension dimension;
    /* means over the respondents who rated the item: expectation E,
    ** perception P, gap P - E, MSA P - adequate, MSS P - desired (n = 0
    ** where the values are missing) */
    mot_estimate expectation, perception, gap, msa, mss;
} mot_servqual_item;

typedef struct mot_servqual_dim {
    mot_dimension dimension;
    size_t nitems;          /* 0: the dimension is not in the data */
    /* means over respondents of each respondent's mean over the
    ** dimension's items */
    mot_estimate expectation, perception, gap, msa, mss;
    mot_alpha alpha_expectation;    /* Cronbach's alpha of the items,
                                       listwise; alpha NAN when undefined */
    mot_alpha alpha_perception;
    mot_zone zone;          /* by the means of MSA and MSS */
    mot_estimate weight;    /* share of the respondent's points, over the
                               respondents who gave weights; n = 0 none */
    double importance;      /* the IPA importance: weight.mean, or the
                               derived share; NAN when there is none */
    double importance_lo, importance_hi;  /* its interval: weight's t
                               interval or the bootstrap percentile one;
                               NAN when there is none */
    mot_ipa_quadrant ipa;   /* importance, performance perception.mean */
    size_t ntouchpoints;
    mot_survey_tp *touchpoints;     /* blueprint rows of this dimension */
} mot_servqual_dim;

/* Where the dimensions' IPA importance comes from. */
typedef enum mot_importance_source {
    MOT_IMPORTANCE_NONE = 0,    /* no weights and no derived importance */
    MOT_IMPORTANCE_WEIGHTS,     /* servqual_weights.csv (wins) */
    MOT_IMPORTANCE_DERIVED      /* from the overall score */
} mot_importance_source;

/* "none", "weights", "derived". */
const char *mot_importance_source_name(mot_importance_source s);

/* The derived importance: LMG of the overall score on the respondents'
** dimension perception means (G_rd of perceptions), as shares of R^2. */
typedef struct mot_servqual_derived {
    const char *outcome;    /* "servqual.csv" (its overall column) or
                               "customers.csv"; NULL: no overall score */
    size_t n;               /* respondents with the score and a perception
                               in every dimension of the data */
    double r2;              /* R^2 of the score on the perceptions; NAN
                               when not computed */
    unsigned bootstrap;     /* replicates asked for (0: no interval) */
    size_t failed;          /* replicates whose R^2 could not be split */
} mot_servqual_derived;

typedef struct mot_servqual_result {
    size_t respondents;     /* who rated at least one item */
    size_t nitems;
    mot_servqual_item *items;       /* in order of first appearance */
    mot_servqual_dim dims[MOT_NDIMENSIONS];  /* by mot_dimension */
    size_t ndims;           /* dimensions in the data (nitems > 0) */
    mot_estimate unweighted;/* per respondent, the mean of their dimension
                               gaps; over respondents with every dimension */
    mot_estimate weighted;  /* per respondent, the sum of their dimension
                               gaps times their weight shares; over
                               respondents with weights and every
                               dimension; n = 0 without weights */
    int has_zone;           /* adequate and desired columns present */
    int has_weights;        /* servqual_weights.csv given */
    mot_importance_source importance_source;  /* of dims[].importance */
    mot_servqual_derived derived;   /* outcome NULL and n = 0 when weights
                                       were given */
    mot_ipa ipa;            /* the dimensions' crosshair; n = 0 when not
                               done (no importance) */
    mot_servqual_options options;   /* as used */
} mot_servqual_result;

/* Analyse the SERVQUAL answers s (and their weights, if any). b (may be
** NULL) maps dimensions to touchpoints. opt NULL means the defaults.
** The dimensions' importance is their weight share when s has weights;
** else, when respondents have an overall score (s->overall, else
** opt->overall), the derived share (LMG of the score on the dimension
** perceptions over R^2, a bootstrap interval); else none. A derived
** importance that cannot be had (too few respondents, a constant score,
** collinear perceptions) is no importance, not a failure.
** Returns MOT_OK and a new result in *out; MOT_EUSAGE for bad options;
** MOT_EDATA for a row without a dimension, respondent or item (a table
** that did not come from the loader) or when no row has a rating;
** MOT_ENOMEM. */
mot_status mot_servqual_analyse(const mot_servqual *s,
                                const mot_blueprint *b,
                                const mot_servqual_options *opt,
                                mot_servqual_result **out, mot_error *err);
void mot_servqual_result_free(mot_servqual_result *r);

#ifdef __cplusplus
}
#endif
#endif /* MOT_SURVEY_H */
