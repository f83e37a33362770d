/*
** mot/behaviour.h: front-line MOT behaviour by step and by staff member
** (`mot behaviour`, issue 7; the behaviour model of METHODS-NOTES §10:
** 探索/提议/行动/确认 or 营造氛围/分析问题/解决问题/总结问题/完善跟进 -- the
** step names come from the header of interactions.csv).
**
** mot_behaviour_analyse reads a project's interactions.csv and computes:
**
**  - per step: how often it is done well (the share of rated interactions,
**    Wilson interval), where "done well" is a 1 when every step value is
**    0 or 1, and a rating of 4 or more otherwise (1-5 ratings);
**  - per step, how much it moves the customer's rating of the interaction:
**    the LMG share of R^2 of customer_score on the steps' done-well
**    indicators (the MOT engine's driver method), with a seeded batched
**    Poisson bootstrap percentile interval, and the OLS coefficient of
**    each indicator with its t interval;
**  - per step, the share of low-score interactions (customer_score below
**    the scale's neutral point) where the step was not done well against
**    the same share among the other interactions, with a Pearson
**    chi-square test and Holm's adjustment over the steps; the step most
**    often missing before a low score;
**  - per staff member: each step's done-well share, raw and shrunken
**    towards the overall share (empirical Bayes, beta-binomial prior by
**    the method of moments), and the coaching priority: the step k that
**    maximizes beta_k x (overall share_k - shrunken share_k), the lift in
**    the person's mean customer score from bringing that step up to the
**    overall level. Only staff with at least min_staff interactions are
**    ranked; a ranked person is "flagged" when the raw share of the
**    priority step is significantly more than min_gap below the overall
**    share (the upper end of its Wilson interval at level 1 - alpha/m,
**    m = ranked staff x steps, i.e. Bonferroni, is below the overall
**    share minus min_gap: a material shortfall, not any difference a
**    large sample can detect);
**  - per branch: the same profile, shrinkage, priority and flag, among
**    the branches (a row's branch is its staff member's in staff.csv);
**
**  - the training effect (when staff.csv has trained_at): a
**    difference-in-differences of trained vs untrained staff, before vs
**    after training, on customer_score and on each step's done-well
**    indicator: the interaction coefficient of the OLS fit
**    y = b0 + b1 trained + b2 after + b3 trained x after, with its t
**    interval (R's lm(y ~ trained * after)), over all staff and within
**    each branch that has trained and untrained staff. A trained person's
**    "after" starts at their trained_at; an untrained person's at the
**    group's reference date, the lower median of the trained staff's
**    trained_at. Groups count only staff with interactions; staff missing
**    from staff.csv count as untrained.
**
** docs/methods.md ("Front-line behaviour") gives every definition.
**
** Ownership: the caller owns the result and frees it with
** mot_behaviour_result_free. It borrows nothing.
*/
#ifndef MOT_BEHAVIOUR_H
#define MOT_BEHAVIOUR_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/project.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mot_behaviour_options {
    double level;          /* interval confidence (0.95) */
    double alpha;          /* significance level of tests and flags (0.05) */
    size_t min_staff;      /* fewest interactions to rank a person (30) */
    double min_gap;        /* a flag needs a share significantly more than
                              this below the overall share (0.05) */
    unsigned bootstrap;    /* importance replicates (200; 0: no interval) */
    uint64_t seed;         /* bootstrap seed (1) */
    unsigned threads;      /* 0 = one per core */
} mot_behaviour_options;

/* Fill *o with the defaults above. */
void mot_behaviour_options_default(mot_behaviour_options *o);

typedef struct mot_bh_step {
    char *name;                    /* the column header */
    size_t n;                      /* interactions with the step rated */
    size_t done;                   /* of them, done well */
    double share, share_lo, share_hi;          /* done / n, Wilson */
    /* Driver model (NAN when there is no model, see the result). */
    double importance, importance_lo, importance_hi; /* LMG share of R^2 */
    double beta, beta_lo, beta_hi, beta_p;     /* OLS, t interval */
    /* Missing before a low score: shares not done well among the rated
    ** low-score and other interactions; NAN when a group is empty. */
    size_t n_low, n_rest;
    double missing_low, missing_rest;
    double chisq, p, p_adjusted;   /* Pearson 1 df; Holm; NAN if no test */
} mot_bh_step;

typedef struct mot_bh_staff {
    char *staff_id;
    size_t n;                      /* interactions */
    double *share;                 /* nsteps: raw done-well share (NAN
                                      when the step was never rated) */
    double *shrunk;                /* nsteps: empirical-Bayes share */
    int ranked;                    /* n >= min_staff */
    int priority;                  /* step index, -1 when not ranked or no
                                      step has a positive lift */
    double lift;                   /* beta x gap of the priority; NAN */
    int flagged;                   /* see the file comment */
} mot_bh_staff;

/* One difference-in-differences; cells are 0 untrained before, 1
** untrained after, 2 trained before, 3 trained after. */
typedef struct mot_bh_did {
    size_t n[4];
    double mean[4];                /* NAN for an empty cell */
    double estimate, lo, hi, p;    /* b3, t interval, p; NAN when a cell
                                      has no rows or the fit fails */
} mot_bh_did;

typedef struct mot_bh_training {
    char *branch;                  /* NULL: all staff */
    size_t trained_staff, untrained_staff;
    int64_t reference;             /* untrained staff's "after" start */
    mot_bh_did score;              /* customer_score (NAN without one) */
    mot_bh_did *steps;             /* nsteps: done-well indicators */
} mot_bh_training;

typedef struct mot_behaviour_result {
    size_t n;                      /* interactions */
    int ratings;                   /* 1: steps are ratings (done well is
                                      >= 4), 0: they are 0/1 */
    double low_below;              /* low score: customer_score < this */
    size_t nsteps;
    mot_bh_step *steps;
    /* Driver model over the interactions with a customer_score and every
    ** step rated; model = 0 (and the step numbers NAN) when there is no
    ** customer_score column or the fit is not possible (too few rows, a
    ** step constant or collinear). */
    int model;
    size_t n_model;
    double r2;
    const char *method;            /* "lmg" or "relative_weights" */
    size_t boot_failed;            /* replicates that gave no value */
    int key_step;                  /* largest importance, -1 */
    int most_missing;              /* largest missing_low, -1 */
    /* Shrinkage prior per step: strength M = a + b of Beta(a, b) centred
    ** on the overall share (INFINITY: complete pooling, between-staff
    ** variance not above binomial noise). */
    double *prior_strength;        /* nsteps */
    size_t min_staff;
    double min_gap;                /* the options' min_gap */
    size_t nstaff;                 /* staff with interactions, by id order */
    mot_bh_staff *staff;
    size_t ranked, flagged;        /* counts */
    /* Branch profiles, the same as the staff's (staff_id holds the branch
    ** name; shrinkage, ranking at min_staff interactions, priorities and
    ** flags are computed among the branches): a row's branch is its staff
    ** member's in staff.csv, else the row's own branch column. nbranch =
    ** 0 when no branch is known. In branch order. */
    size_t nbranch;
    mot_bh_staff *branch;
    size_t branches_ranked, branches_flagged;
    /* Training effect: none when staff.csv has no trained_at or nobody
    ** (or everybody) is trained; else all staff, then each branch with
    ** trained and untrained staff, in branch order. */
    size_t ntraining;
    mot_bh_training *training;
} mot_behaviour_result;

/* Analyse p's interactions.csv with options o (NULL: defaults). Uses the
** project's [scale] neutral as the low-score line. MOT_EDATA when the
** project has no interactions table or it has no steps; MOT_EUSAGE for
** bad options; MOT_ENOMEM. *out is NULL on failure, err says why. */
mot_status mot_behaviour_analyse(const mot_project *p,
                                 const mot_behaviour_options *o,
                                 mot_behaviour_result **out, mot_error *err);
void mot_behaviour_result_free(mot_behaviour_result *r);

/* The beta-binomial method-of-moments prior strength M = a + b for k
** groups with n[i] trials and x[i] successes (groups with n[i] = 0 are
** skipped): with N = sum n, pbar = sum x / N, S = sum n_i (x_i/n_i -
** pbar)^2, rho = (S / (pbar (1 - pbar)) - (k - 1)) / (N - sum n_i^2 / N -
** (k - 1)), M = 1/rho - 1. INFINITY when rho <= 0, pbar is 0 or 1, or the
** denominator is not positive; 0 when rho >= 1. */
double mot_bh_prior_strength(const double *n, const double *x, size_t k);

#ifdef __cplusplus
}
#endif
#endif /* MOT_BEHAVIOUR_H */
