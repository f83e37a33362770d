/*
** mot/consistency.h: consistency across staff and branches, expectation
** against experience, and trends of the touchpoints' scores (`mot
** tickets`, DESIGN §1 question 7; docs/methods.md section 28).
**
** mot_consistency_analyse reads a project's rated events (events.csv with
** its staff_id, branch and expected columns, and the blueprint's
** tolerance) and computes:
**
**  - consistency: per touchpoint, the share of the score variance due to
**    staff and, separately, to branch: ICC(1) of the one-way random-
**    effects model (unbalanced groups, n0 of Snedecor & Cochran) with the
**    F-based interval of Shrout & Fleiss (1979) / McGraw & Wong (1996,
**    case 1) computed with n0; per staff member and branch, the mean, the
**    shrunken (empirical Bayes) mean and, from min_n rated scores on, a
**    Welch test against the rest (a staff member against the other staff
**    of the branch they mostly work in, a branch against the other
**    branches), Holm-adjusted over all the tests of staff, and separately
**    of branches; flagged when below the rest and the adjusted p < alpha;
**  - expectation: where events carry `expected`, per touchpoint the mean
**    disconfirmation score - expected with its t interval and a t test,
**    Holm-adjusted over the touchpoints;
**  - trends: per touchpoint and month (week when the rated events span
**    less than 92 days): rated scores, the mean with its t interval and
**    the share below tolerance with its Wilson interval; and, given a
**    change time, the difference after - before of the mean (Welch) and of
**    the share below tolerance (Newcombe's hybrid score interval, the
**    two-proportion z test), Holm-adjusted over all of them.
**
** Ownership: the caller owns the result and frees it with
** mot_consistency_result_free. It borrows nothing from the project.
*/
#ifndef MOT_CONSISTENCY_H
#define MOT_CONSISTENCY_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mot_consistency_options {
    double level;          /* interval confidence (0.95) */
    double alpha;          /* significance level (0.05) */
    size_t min_n;          /* fewest rated scores of a staff member or
                              branch at a touchpoint to be tested (20) */
    int64_t change_time;   /* before/after split; MOT_NO_TIME: none */
} mot_consistency_options;

/* Fill *o with the defaults above. */
void mot_consistency_options_default(mot_consistency_options *o);

/* The two factors. */
enum { MOT_CS_STAFF = 0, MOT_CS_BRANCH, MOT_CS_NFACTORS };

/* "staff", "branch". */
const char *mot_cs_factor_name(int factor);

/* ICC(1) of a one-way random-effects model. */
typedef struct mot_icc {
    size_t n;              /* rated scores with the factor known */
    size_t groups;         /* groups with a rated score */
    double n0;             /* (n - sum n_i^2 / n) / (groups - 1) */
    double msb, msw;       /* mean squares between and within */
    double f, p;           /* F = msb / msw on (groups-1, n-groups) df */
    double var_between, var_within;  /* max(0, (msb - msw) / n0), msw */
    double icc, lo, hi;    /* NAN when groups < 2 or n <= groups */
} mot_icc;

/* One ICC per factor of a touchpoint. */
typedef struct mot_cs_touchpoint {
    size_t tp;             /* blueprint index */
    size_t n;              /* rated scores */
    mot_icc icc[MOT_CS_NFACTORS];
} mot_cs_touchpoint;

/* A staff member or branch at a touchpoint. */
typedef struct mot_cs_group {
    size_t tp;             /* blueprint index */
    int factor;            /* MOT_CS_STAFF or MOT_CS_BRANCH */
    char *key;             /* staff id or branch */
    char *within;          /* staff: the branch compared within; NULL when
                              compared with every other staff member */
    size_t n;              /* rated scores */
    double mean, shrunk;   /* raw and empirical Bayes mean */
    double weight;         /* shrinkage weight B = vb / (vb + vw / n) */
    size_t rest_n;         /* rated scores of the rest */
    double rest_mean;
    double diff, lo, hi;   /* mean - rest_mean, Welch interval; the test
                              fields are NAN when not tested */
    double p, p_holm;
    int tested, flagged;   /* flagged: diff < 0 and p_holm < alpha */
} mot_cs_group;

/* Expectation against experience at a touchpoint. */
typedef struct mot_cs_expect {
    size_t tp;
    size_t n;              /* events with both score and expected */
    double score, expected;          /* means */
    double diff, lo, hi;   /* mean of score - expected, t interval */
    double t, p, p_holm;
} mot_cs_expect;

/* One touchpoint in one period. */
typedef struct mot_cs_trend {
    size_t tp;
    char period[16];       /* "2026-03" (month) or "2026-03-02" (the
                              Monday of the week) */
    size_t n;
    double mean, lo, hi;   /* t interval; ends NAN when n < 2 */
    size_t below;          /* scores below tolerance */
    double share, share_lo, share_hi;   /* Wilson */
} mot_cs_trend;

/* Before and after the change time at a touchpoint. */
typedef struct mot_cs_change {
    size_t tp;
    size_t n_before, n_after;
    double mean_before, mean_after;
    double diff, lo, hi, p, p_holm;     /* after - before (Welch) */
    double below_before, below_after;   /* shares below tolerance */
    double below_diff, below_lo, below_hi, below_p, below_p_holm;
} mot_cs_change;

typedef struct mot_consistency_result {
    int has_events, has_staff, has_branch, has_expected;
    size_t ntp;                    /* blueprint touchpoints */
    char **tp_id, **tp_name;       /* ntp each */
    double *tolerance;             /* ntp: blueprint tolerance or neutral */
    mot_cs_touchpoint *tp;         /* touchpoints with rated scores */
    size_t ntps;
    mot_cs_group *group;           /* by touchpoint: branches, then staff */
    size_t ngroups;
    size_t tested[MOT_CS_NFACTORS], flagged[MOT_CS_NFACTORS];
    mot_cs_expect *expect;
    size_t nexpect;
    const char *period;            /* "month" or "week" (static) */
    mot_cs_trend *trend;           /* by touchpoint, then period */
    size_t ntrend;
    int64_t change_time;           /* MOT_NO_TIME when none */
    mot_cs_change *change;
    size_t nchange;
    double level, alpha;
    size_t min_n;
} mot_consistency_result;

/* Analyse p's events with options o (NULL: defaults). Returns MOT_OK and
** a new result in *out (empty sections when the project has no events or
** no rated score); MOT_EUSAGE for bad options; MOT_ENOMEM. */
mot_status mot_consistency_analyse(const mot_project *p,
                                   const mot_consistency_options *o,
                                   mot_consistency_result **out,
                                   mot_error *err);

/* Free the result. NULL is a no-op. */
void mot_consistency_result_free(mot_consistency_result *r);

/* The ICC(1) of scores y (n of them) in groups g (values 0..k-1) at
** confidence level: the formulas above, for tests and for callers with
** their own data. MOT_EUSAGE for a bad level or group; MOT_ENOMEM. */
mot_status mot_icc1(const double *y, const uint32_t *g, size_t n, size_t k,
                    double level, mot_icc *out);

#ifdef __cplusplus
}
#endif
#endif /* MOT_CONSISTENCY_H */
