/*
** mot/tickets.h: complaints and work orders against the service standard,
** and service recovery (`mot tickets`, DESIGN §5 "Service recovery").
**
** mot_tickets_analyse reads a project's tickets.csv (with its blueprint
** and, for recovery, customers.csv) and computes:
**
**  - per touchpoint, category, branch and staff member: volume; hours to
**    first response and to resolution (median and 90th percentile, type 7,
**    with exact order-statistic intervals); the share within the standard
**    (Wilson intervals), separately for first response and resolution;
**    the open backlog and its age at the end of the data; repeats;
**  - a Pareto of the categories: most frequent first, the cumulative
**    share, and the "vital few" that reach 80% of the tickets;
**  - repeat complaints: tickets opened by a customer who had opened
**    another ticket in the 30 days before;
**  - recovery: the share of judged tickets resolved within the standard
**    and rated at or above the tolerance afterwards; the recovery paradox
**    as a comparison of three customer groups (failure recovered, no
**    failure, failure not recovered) on the overall score, NPS and churn,
**    with intervals, tests and Holm's adjustment; and hours to resolve as
**    a tolerance line for churn.
**
** Standards: resolution uses the blueprint's sla_hours of the ticket's
** touchpoint; first response uses the optional blueprint column
** sla_response_hours, and has no standard share where that is absent.
** When the blueprint has per-tier columns (sla_hours_<tier>,
** sla_response_hours_<tier>, tolerance_<tier>), a ticket of a customer of
** that tier (mot_tiers_find) is judged by the tier's value where it is
** given, else by the default; the tickets are then also grouped by tier.
** docs/methods.md (section 26) gives every definition.
**
** Ownership: the caller owns the result and frees it with
** mot_tickets_result_free. It borrows nothing.
*/
#ifndef MOT_TICKETS_H
#define MOT_TICKETS_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"
#include "mot/analyse.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mot_tickets_options {
    double level;          /* interval confidence (0.95) */
    double alpha;          /* significance level of the tests (0.05) */
    double repeat_days;    /* a repeat comes within this many days (30) */
    double vital_share;    /* the Pareto's vital few reach this share (0.8) */
    size_t min_group;      /* fewest customers in a recovery group for a
                              comparison (10) */
} mot_tickets_options;

/* Fill *o with the defaults above. */
void mot_tickets_options_default(mot_tickets_options *o);

/* Hours from opening to a time (first response or resolution). */
typedef struct mot_tk_hours {
    size_t n;                      /* tickets that have the time */
    double median, median_lo, median_hi;   /* NAN when n = 0; ends NAN
                                              when n is too small */
    double p90, p90_lo, p90_hi;
} mot_tk_hours;

/* The share of tickets within the standard. */
typedef struct mot_tk_share {
    size_t judged;                 /* tickets whose outcome is known */
    size_t within;
    double share, lo, hi;          /* Wilson; NAN when judged = 0 */
} mot_tk_share;

/* What `by` a group stands for. */
typedef enum mot_tk_by {
    MOT_TK_TOUCHPOINT = 0, MOT_TK_CATEGORY, MOT_TK_BRANCH, MOT_TK_STAFF,
    MOT_TK_TIER, MOT_TK_NBY
} mot_tk_by;

/* "touchpoint", "category", "branch", "staff", "tier". */
const char *mot_tk_by_name(mot_tk_by by);

typedef struct mot_tk_group {
    char *key;                     /* touchpoint id, category, branch or
                                      staff id */
    char *name;                    /* the touchpoint's name; else = key */
    size_t n;                      /* tickets */
    mot_tk_hours response, resolution;
    mot_tk_share response_sla, resolution_sla;
    size_t open;                   /* tickets without resolved_at */
    size_t open_overdue;           /* of them, past the standard at end */
    double open_age_median, open_age_max;   /* hours at end; NAN if none */
    size_t repeats;                /* repeat tickets (see above) */
    size_t response_tier_std;      /* judged tickets (response_sla.judged)
                                      judged by a per-tier standard */
    size_t resolution_tier_std;    /* the same for resolution */
} mot_tk_group;

typedef struct mot_tk_pareto {
    char *category;
    size_t n;
    double share, cumulative;
    int vital;                     /* among the vital few */
} mot_tk_pareto;

/* One comparison of two customer groups on one outcome. */
typedef struct mot_tk_compare {
    char outcome[16];              /* "overall", "nps" or "churn" */
    char groups[40];               /* e.g. "recovered-no_failure" */
    int first, second;             /* the two groups (MOT_TK_RECOVERED..) */
    double diff, lo, hi;           /* first minus second: means (overall),
                                      NPS on [-1, 1], churn rates */
    double statistic;              /* Welch t, or chi-square (1 df) */
    double p, p_holm;              /* NAN when not tested */
    double cohen_d;                /* overall and nps; NAN for churn */
} mot_tk_compare;

/* Recovery groups of customers. */
enum { MOT_TK_RECOVERED = 0, MOT_TK_NO_FAILURE, MOT_TK_NOT_RECOVERED,
       MOT_TK_NGROUPS };

/* "recovered", "no_failure", "not_recovered". */
const char *mot_tk_group_name(int g);

typedef struct mot_tk_outcome_stat {
    size_t n;                      /* customers with this outcome */
    double value, lo, hi;          /* mean overall (t interval), NPS on
                                      [-1, 1] (Wald), churn rate (Wilson) */
} mot_tk_outcome_stat;

typedef struct mot_tk_recovery {
    mot_tk_share rate;             /* recovered of judged tickets */
    size_t customers[MOT_TK_NGROUPS];
    mot_tk_outcome_stat overall[MOT_TK_NGROUPS], nps[MOT_TK_NGROUPS],
        churn[MOT_TK_NGROUPS];
    mot_tk_compare *cmp;           /* the tests done, ncmp of them */
    size_t ncmp;
    int paradox;                   /* recovered better than no failure on
                                      some outcome, Holm-significant */
    /* churn against a customer's longest hours to resolve: a tolerance
    ** line (measure "resolution_hours", outcome "churn"), found only when
    ** churn is higher beyond it and its scan-adjusted p < alpha */
    mot_tolerance line;
} mot_tk_recovery;

typedef struct mot_tickets_result {
    size_t n;                      /* tickets */
    int64_t end_time;              /* latest time in tickets and events */
    int has_response_sla;          /* blueprint has sla_response_hours */
    int has_category, has_satisfaction, has_customers;
    int has_tiers;                 /* the blueprint has per-tier columns:
                                      tickets judged by tier, by[MOT_TK_TIER]
                                      filled */
    char **tier_columns;           /* the per-tier sla_hours_<tier> and
                                      sla_response_hours_<tier> headers */
    size_t ntier_columns;
    mot_tk_group total;            /* every ticket */
    mot_tk_group *by[MOT_TK_NBY];  /* groups, most tickets first */
    size_t nby[MOT_TK_NBY];
    mot_tk_pareto *pareto;         /* categories, most tickets first */
    size_t npareto, nvital;
    size_t repeat_customers;       /* customers with a repeat */
    mot_tk_recovery recovery;
    double level, alpha, repeat_days;
    char **notes;                  /* caveats in plain English */
    size_t nnotes;
} mot_tickets_result;

/* Analyse p's tickets with options o (NULL: defaults). Returns MOT_OK and
** a new result in *out; MOT_EDATA (err says why) when the project has no
** tickets.csv; MOT_EUSAGE for bad options; MOT_ENOMEM. */
mot_status mot_tickets_analyse(const mot_project *p,
                               const mot_tickets_options *o,
                               mot_tickets_result **out, mot_error *err);

/* Free the result. NULL is a no-op. */
void mot_tickets_result_free(mot_tickets_result *r);

#ifdef __cplusplus
}
#endif
#endif /* MOT_TICKETS_H */
