/*
** mot/stats.h: the statistics core (arrays in, numbers out).
**
** Nothing here knows about touchpoints, customers or files: every function
** takes plain arrays of doubles and returns numbers, so the same code
** serves the analysis module, the live server and, later, database
** aggregates. docs/methods.md gives each method's formula, source and the
** test vector that checks it.
**
** Accumulators. Statistics that run over many rows are mergeable
** accumulators with the life cycle
**     new (init) -> add (one row at a time) -> merge (combine two shards)
**     -> finish (read the results)
** plus a compact, versioned byte serialization (serialize / deserialize)
** so their state can be shipped between threads, processes or machines
** (e.g. as a PostgreSQL aggregate's bytea state). Merging shards gives the
** one-pass result up to floating-point rounding. Three exist:
**     mot_moments  weighted means and co-moments of p variables
**     mot_counts   a 2 x K table of (weighted) counts: events by group
**     mot_irls     the per-iteration sufficient statistics of logistic IRLS
**
** Serialized states begin with a 4-byte tag ("MOMS", "CNTS", "IRLS"), a
** version byte (currently 1) and three zero bytes; numbers follow as
** little-endian 64-bit integers and IEEE-754 doubles. A buffer whose tag,
** version, length or contents are wrong is rejected with MOT_EDATA.
** serialize(acc, buf, cap, &len) always stores the size it needs in *len;
** it writes only when cap >= *len and otherwise returns MOT_ELIMIT (pass
** buf = NULL, cap = 0 to ask for the size).
**
** Missing values are NAN. Matrices are dense, row-major, p x p.
**
** GSL: functions that use GSL linear algebra switch GSL's default error
** handler (which prints and aborts) off, once per process, the first time
** they run, so that failures come back as mot_status codes; a program that
** wants its own GSL handler should install it after the first call.
*/
#ifndef MOT_STATS_H
#define MOT_STATS_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================
** Distributions (dist.c): thin, argument-checked wrappers around GSL's
** gsl_cdf_*. Invalid arguments (df <= 0, p outside [0,1], NAN) give NAN;
** quantiles at p = 0 or 1 give -INFINITY / +INFINITY where the support is
** unbounded (0 for the lower end of chi-square and F).
** ==================================================================== */

double mot_norm_pdf(double z);
double mot_norm_cdf(double z);          /* P(Z <= z) */
double mot_norm_sf(double z);           /* P(Z > z), accurate in the tail */
double mot_norm_quantile(double p);     /* z with P(Z <= z) = p */
double mot_chisq_cdf(double x, double df);
double mot_chisq_sf(double x, double df);       /* upper tail: a p-value */
double mot_chisq_quantile(double p, double df);
double mot_t_cdf(double t, double df);
double mot_t_sf(double t, double df);
double mot_t_quantile(double p, double df);
double mot_f_cdf(double x, double df1, double df2);
double mot_f_sf(double x, double df1, double df2);
double mot_f_quantile(double p, double df1, double df2);

/* Confidence interval for a proportion x/n (x events of n trials; both may
** be weighted, non-integer) at confidence `level` (e.g. 0.95).
** Wilson (1927) score interval, and the Wald interval p +- z sqrt(p(1-p)/n)
** clipped to [0, 1]. MOT_EUSAGE if n <= 0, x < 0, x > n or level is not in
** (0, 1); *lo and *hi are then untouched. */
mot_status mot_prop_wilson(double x, double n, double level, double *lo,
                           double *hi);
mot_status mot_prop_wald(double x, double n, double level, double *lo,
                         double *hi);

/* Student's t interval for a mean: mean -+ t_{(1+level)/2, n-1} sd /
** sqrt(n), with sd the sample standard deviation (divisor n - 1) of n
** observations (n may be a sum of frequency weights). MOT_EUSAGE if n < 2,
** mean or sd is not finite, sd < 0 or level is not in (0, 1); *lo and *hi
** are then untouched. */
mot_status mot_mean_t_interval(double mean, double sd, double n,
                               double level, double *lo, double *hi);

/* ======================================================================
** mot_moments (moments.c): weighted count, means and co-moment matrix of
** p variables, updated with the weighted Welford/West recurrence and
** merged with Chan, Golub & LeVeque's pairwise formula.
** ==================================================================== */

typedef struct mot_moments mot_moments;

/* Largest p a mot_moments accepts. */
#define MOT_MOMENTS_MAXP 4096

/* A new empty accumulator for p variables (1 <= p <= MOT_MOMENTS_MAXP).
** MOT_EUSAGE for a bad p, MOT_ENOMEM; *out is NULL on failure. The caller
** owns *out and frees it with mot_moments_free. */
mot_status mot_moments_new(size_t p, mot_moments **out);
void mot_moments_free(mot_moments *m);
/* Back to empty (same p). */
void mot_moments_reset(mot_moments *m);
size_t mot_moments_dim(const mot_moments *m);

/* Add one row x[0..p-1] with weight w (a frequency weight: w = 2 counts
** the row twice). A row with any NAN is skipped as a whole (listwise) and
** counted in mot_moments_skipped. MOT_EDATA (accumulator unchanged) if w
** is negative or not finite or a value is infinite; w = 0 adds nothing but
** counts the row. */
mot_status mot_moments_add(mot_moments *m, const double *x, double w);

/* dst <- dst combined with src (same p, else MOT_EUSAGE). */
mot_status mot_moments_merge(mot_moments *dst, const mot_moments *src);

/* Rows used, rows skipped for a missing value, and the sum of weights of
** the rows used. */
uint64_t mot_moments_rows(const mot_moments *m);
uint64_t mot_moments_skipped(const mot_moments *m);
double mot_moments_weight(const mot_moments *m);

/* Means (p values). MOT_EDATA if the total weight is 0. */
mot_status mot_moments_mean(const mot_moments *m, double *mean);
/* The co-moment matrix C = sum w (x - mean)(x - mean)' (p x p). */
mot_status mot_moments_comoment(const mot_moments *m, double *c);
/* Covariance: C / (W - 1) when unbiased (frequency weights; the usual
** sample covariance when every w = 1), C / W otherwise. MOT_EDATA if the
** divisor is not positive. */
mot_status mot_moments_cov(const mot_moments *m, double *cov, int unbiased);
/* Correlation matrix. A variable with zero variance gets NAN in its whole
** row and column (diagonal included); the call still succeeds. MOT_EDATA
** if the total weight is 0. */
mot_status mot_moments_corr(const mot_moments *m, double *corr);

mot_status mot_moments_serialize(const mot_moments *m, void *buf, size_t cap,
                                 size_t *len);
/* A new accumulator from a serialized state; MOT_EDATA (with a message in
** *err) for a truncated, foreign or corrupt buffer. */
mot_status mot_moments_deserialize(const void *buf, size_t len,
                                   mot_moments **out, mot_error *err);

/* ======================================================================
** mot_counts (counts.c): a 2 x K table, for each of K groups the total
** (weighted) count n_k and the count of events (y = 1) e_k.
** ==================================================================== */

typedef struct mot_counts mot_counts;

#define MOT_COUNTS_MAXK (1u << 24)

/* A new empty table with k groups (1 <= k <= MOT_COUNTS_MAXK). */
mot_status mot_counts_new(size_t k, mot_counts **out);
void mot_counts_free(mot_counts *c);
void mot_counts_reset(mot_counts *c);
size_t mot_counts_groups(const mot_counts *c);

/* Count one row of group `group` with outcome y (0 or 1) and weight w >= 0.
** MOT_EUSAGE if group >= k or y is not 0/1; MOT_EDATA for a bad weight. */
mot_status mot_counts_add(mot_counts *c, size_t group, int y, double w);
mot_status mot_counts_merge(mot_counts *dst, const mot_counts *src);

/* Group k's total and events (MOT_EUSAGE if k is out of range). */
mot_status mot_counts_get(const mot_counts *c, size_t group, double *n,
                          double *events);
/* Pearson chi-square test of equal event rates across the groups that
** have n > 0: statistic, degrees of freedom (groups used - 1) and p-value.
** MOT_EDATA if fewer than 2 groups have data or every row (or none) is an
** event. */
mot_status mot_counts_chisq(const mot_counts *c, double *stat, double *df,
                            double *p);

mot_status mot_counts_serialize(const mot_counts *c, void *buf, size_t cap,
                                size_t *len);
mot_status mot_counts_deserialize(const void *buf, size_t len,
                                  mot_counts **out, mot_error *err);

/* ======================================================================
** mot_irls (logistic.c): the sufficient statistics of one IRLS (Newton)
** iteration of logistic regression at a fixed coefficient vector beta:
**     H = X'WX   with W = diag(w mu (1 - mu)),  mu = 1 / (1 + exp(-x'beta))
**     U = X'w(y - mu)          (the score)
**     X'Wz = H beta + U        (z the working response)
**     D = the deviance at beta
** Rows are added in any order and shards merged, so a fit over many
** machines runs one pass per iteration:
**     beta_next = beta + H^{-1} U.
** ==================================================================== */

typedef struct mot_irls mot_irls;

#define MOT_IRLS_MAXP 1024

/* A new accumulator for p coefficients evaluated at beta (p values; NULL
** means all zeros). The caller includes a 1 column in each row for an
** intercept. */
mot_status mot_irls_new(size_t p, const double *beta, mot_irls **out);
void mot_irls_free(mot_irls *a);
/* Empty the sums and move to a new beta (NULL keeps the current one). */
void mot_irls_reset(mot_irls *a, const double *beta);
size_t mot_irls_dim(const mot_irls *a);
const double *mot_irls_beta(const mot_irls *a);   /* borrowed, p values */

/* Add row x (p values) with outcome y in [0, 1] and weight w >= 0. A row
** with a NAN (in x or y) is skipped and counted. MOT_EDATA (unchanged) if
** y is outside [0, 1], w is negative or not finite, or x is infinite. */
mot_status mot_irls_add(mot_irls *a, const double *x, double y, double w);
/* dst += src. MOT_EUSAGE if p differs or the two were not evaluated at
** the same beta (bitwise). */
mot_status mot_irls_merge(mot_irls *dst, const mot_irls *src);

uint64_t mot_irls_rows(const mot_irls *a);
uint64_t mot_irls_skipped(const mot_irls *a);
double mot_irls_weight(const mot_irls *a);       /* sum of w */
double mot_irls_events(const mot_irls *a);       /* sum of w y */
double mot_irls_deviance(const mot_irls *a);
/* Weight of rows whose fitted probability is within 3e-7 of 0 or 1
** (|x'beta| > 15): the sign of separation. */
double mot_irls_extreme(const mot_irls *a);
/* Copies of H (p x p), U (p) and X'Wz (p). */
void mot_irls_xtwx(const mot_irls *a, double *h);
void mot_irls_score(const mot_irls *a, double *u);
void mot_irls_xtwz(const mot_irls *a, double *xtwz);

/* The Newton/IRLS step: beta_next = beta + H^{-1} U, by the Cholesky
** factorization of H (GSL). MOT_EDATA if H is not positive definite
** (collinear columns, or every row fitted at 0/1). */
mot_status mot_irls_step(const mot_irls *a, double *beta_next,
                         mot_error *err);

mot_status mot_irls_serialize(const mot_irls *a, void *buf, size_t cap,
                              size_t *len);
mot_status mot_irls_deserialize(const void *buf, size_t len, mot_irls **out,
                                mot_error *err);

/* ======================================================================
** Logistic regression (logistic.c) by IRLS, with Wald inference.
** ==================================================================== */

/* Flags of a fit and of a coefficient. */
#define MOT_LOGIT_NOT_CONVERGED  0x01u /* max_iter reached */
#define MOT_LOGIT_SEPARATION     0x02u /* quasi-complete separation: some
                                          fitted probabilities go to 0/1
                                          and coefficients diverge */
#define MOT_LOGIT_COMPLETE_SEP   0x04u /* complete separation: all do */
#define MOT_LOGIT_SMALL          0x08u /* a tiny group: fewer than
                                          min_group events or non-events,
                                          or (for a 0/1 column) rows at a
                                          level */
#define MOT_LOGIT_DIVERGED       0x10u /* this coefficient diverges (its
                                          numbers are NAN) */

typedef struct mot_logit_opts {
    int intercept;      /* 1 (default): prepend an intercept column */
    int max_iter;       /* IRLS iterations, default 25 (as R's glm) */
    double tol;         /* |dD| / (|D| + 0.1) < tol, default 1e-8 */
    double min_group;   /* tiny-group threshold, default 5 */
    double level;       /* Wald interval level, default 0.95 */
} mot_logit_opts;

void mot_logit_opts_default(mot_logit_opts *o);

typedef struct mot_logit_coef {
    double beta;        /* coefficient (log odds ratio per unit) */
    double se;          /* Wald standard error sqrt((X'WX)^-1_jj) */
    double z;           /* beta / se */
    double p;           /* two-sided normal p-value 2 P(Z > |z|) */
    double odds_ratio;  /* exp(beta) */
    double or_lo, or_hi;/* exp(beta -+ z_{(1+level)/2} se) */
    unsigned flags;     /* MOT_LOGIT_SMALL, MOT_LOGIT_DIVERGED */
} mot_logit_coef;

typedef struct mot_logit {
    size_t p;               /* coefficients, the intercept first if any */
    mot_logit_coef *coef;   /* p entries, owned by the fit */
    double deviance;        /* -2 log-likelihood (0/1 outcomes) */
    double null_deviance;   /* of the intercept-only model */
    double n;               /* sum of weights of the rows used */
    double events;          /* sum of w y */
    uint64_t rows, skipped;
    int iterations;         /* IRLS steps taken */
    int converged;          /* 1 if the deviance criterion was met */
    unsigned flags;         /* MOT_LOGIT_* for the whole fit */
} mot_logit;

/* Fit y ~ x by maximum likelihood. x is n x p row-major (without the
** intercept column when opts->intercept), y in [0, 1] (usually 0/1), w
** the row weights or NULL for all 1; rows with a NAN are skipped. opts
** NULL means defaults. On MOT_OK *out holds a fit the caller frees with
** mot_logit_free. Separation and tiny groups are not errors: they are
** flags, and diverging coefficients are NAN instead of huge numbers.
** MOT_EDATA (with the column named in *err) for a constant or collinear
** column, fewer rows than coefficients, or a constant outcome;
** MOT_EUSAGE for bad arguments; MOT_ENOMEM. */
mot_status mot_logit_fit(const double *x, size_t n, size_t p,
                         const double *y, const double *w,
                         const mot_logit_opts *opts, mot_logit **out,
                         mot_error *err);
void mot_logit_free(mot_logit *f);

/* ======================================================================
** Linear regression from a correlation matrix (regress.c) and driver
** importance (importance.c). rxx is the p x p correlation matrix of the
** predictors, rxy their p correlations with the outcome.
** ==================================================================== */

/* 1 - R^2 of a predictor on the others below this is collinear. */
#define MOT_COLLINEAR_TOL 1e-10
/* Largest p for exact LMG (2^p subsets). */
#define MOT_LMG_MAXP 15

/* Split an m x m correlation matrix into the predictors' rxx ((m-1)^2)
** and rxy (m-1) with the outcome at index y; predictor order is kept. */
mot_status mot_corr_split(const double *corr, size_t m, size_t y,
                          double *rxx, double *rxy);

/* R^2 of the regression of the outcome on the k predictors listed in
** subset (indexes into rxx; k = 0 gives 0), and their standardized
** coefficients in beta (k values; may be NULL). Cholesky via GSL.
** MOT_EDATA if the subset's matrix is not positive definite (collinear
** or constant predictors), MOT_EUSAGE for a bad index. */
mot_status mot_regress_r2(const double *rxx, const double *rxy, size_t p,
                          const size_t *subset, size_t k, double *r2,
                          double *beta, mot_error *err);

/* MOT_OK if every predictor has a finite correlation row and unit-size
** variance and none is collinear with those before it (1 - R^2 <
** MOT_COLLINEAR_TOL); otherwise MOT_EDATA with a message naming the first
** offending predictor index (0-based). */
mot_status mot_importance_check(const double *rxx, const double *rxy,
                                size_t p, mot_error *err);

/* Exact LMG / Shapley decomposition of R^2 over all 2^p subsets (each
** subset's R^2 computed once, by bordering the parent's Cholesky factor):
**   lmg_j = sum_{S not containing j} |S|!(p-|S|-1)!/p! [R2(S+j) - R2(S)].
** lmg (p values) sums to *r2 (may be NULL). MOT_ELIMIT if p >
** MOT_LMG_MAXP; MOT_EDATA as mot_importance_check. */
mot_status mot_importance_lmg(const double *rxx, const double *rxy, size_t p,
                              double *lmg, double *r2, mot_error *err);

/* Johnson's (2000) relative weights: with R = V diag(e) V' (GSL
** eigendecomposition), Lambda = V diag(sqrt e) V', beta* = Lambda^-1 rxy,
** rw_j = sum_k Lambda_jk^2 beta*_k^2. Sums to R^2. */
mot_status mot_importance_rw(const double *rxx, const double *rxy, size_t p,
                             double *rw, double *r2, mot_error *err);

/* Pratt's measure: beta = rxx^-1 rxy (standardized coefficients, written
** to beta if not NULL), pratt_j = beta_j rxy_j; sums to R^2, may be < 0. */
mot_status mot_importance_pratt(const double *rxx, const double *rxy,
                                size_t p, double *beta, double *pratt,
                                double *r2, mot_error *err);

/* ======================================================================
** Resampling support (boot.c): a seeded PRNG, Poisson(1) bootstrap
** weights and percentile intervals.
** ==================================================================== */

/* xoshiro256** (Blackman & Vigna 2018), seeded through splitmix64. The
** same seed gives the same stream on every platform. */
typedef struct mot_rng {
    uint64_t s[4];
} mot_rng;

void mot_rng_seed(mot_rng *r, uint64_t seed);
uint64_t mot_rng_next(mot_rng *r);
double mot_rng_uniform(mot_rng *r);             /* [0, 1), 53 bits */
uint64_t mot_rng_below(mot_rng *r, uint64_t n); /* uniform in [0, n), n>0 */
unsigned mot_rng_poisson1(mot_rng *r);          /* Poisson(1) */
/* Shuffle a[0..n-1] (Fisher-Yates). */
void mot_rng_shuffle(mot_rng *r, double *a, size_t n);

/* A Poisson(1) weight that depends only on (seed, row, replicate): the
** one-pass Poisson bootstrap gives row `row` this weight in replicate
** `rep`, whichever shard or thread sees it (a counter-based generator:
** splitmix64 of the three, then inversion). */
unsigned mot_boot_weight(uint64_t seed, uint64_t row, uint32_t rep);

/* The sample quantile of type 7 (Hyndman & Fan 1996; R's default) of
** sorted[0..n-1] (ascending, no NAN) at prob in [0, 1]. NAN if n = 0. */
double mot_quantile_sorted(const double *sorted, size_t n, double prob);

/* Distribution-free confidence interval for the prob-quantile from the
** order statistics of sorted[0..n-1] (ascending, no NAN; Conover 1999,
** 3.2; exact, no resampling): with B ~ Binomial(n, prob) and F its CDF,
** the lower end is x_(l), l - 1 the largest k with F(k) <= (1-level)/2,
** the upper end x_(u), u - 1 the smallest k with F(k) >= (1+level)/2
** (1-based ranks). Its coverage F(u-1) - F(l-1) >= level goes to
** *coverage (may be NULL). An end that needs a rank outside 1..n (too few
** rows) is NAN, and so is the coverage then. MOT_EUSAGE (outputs
** untouched) for n = 0, prob outside (0, 1) or level outside (0, 1). */
mot_status mot_quantile_ci_sorted(const double *sorted, size_t n,
                                  double prob, double level, double *lo,
                                  double *hi, double *coverage);

/* Percentile bootstrap interval: the (1-level)/2 and (1+level)/2 type-7
** quantiles of the replicate values rep[0..b-1]. NAN replicates (failed
** fits) are dropped and their number stored in *dropped (may be NULL).
** MOT_EDATA if fewer than 2 remain; MOT_EUSAGE for a bad level; ENOMEM. */
mot_status mot_boot_percentile(const double *rep, size_t b, double level,
                               double *lo, double *hi, size_t *dropped);

/* ======================================================================
** Change-point scan of a binary outcome along x (maxstat.c): the
** maximally selected chi-square statistic.
** ==================================================================== */

typedef struct mot_maxstat_opts {
    size_t min_group;   /* fewest rows on each side, default 5 */
    double min_prop;    /* and at least this share of rows, default 0.1 */
    unsigned perm;      /* permutations for a permutation p (0 = none) */
    uint64_t seed;      /* their PRNG seed */
} mot_maxstat_opts;

void mot_maxstat_opts_default(mot_maxstat_opts *o);

typedef struct mot_maxstat {
    int found;          /* 0: no admissible cut or a constant outcome */
    double cut;         /* "below" is x <= cut ... */
    double cut_next;    /* ... "above" is x >= cut_next (next distinct x) */
    int direction;      /* +1 outcome rate higher above the cut, -1 below */
    double n_below, events_below, rate_below;
    double n_above, events_above, rate_above;
    double stat;        /* the maximal 2x2 chi-square (no correction) */
    double p_raw;       /* its unadjusted chi-square(1) p-value */
    double p_ms;        /* Miller & Siegmund (1982) approximation */
    double p_lau94;     /* Lausen, Sauerbrei & Schumacher (1994) bound */
    double p_perm;      /* permutation p, NAN if perm = 0 */
    double p;           /* the adjusted p: p_perm if perm > 0, else p_ms */
    double eps_lo, eps_hi; /* share of rows below the first/last cut */
    size_t cuts;        /* admissible cuts scanned */
    size_t rows, skipped;  /* rows used; rows with a NAN */
} mot_maxstat;

/* Scan every cut between distinct sorted x values that leaves at least
** max(min_group, ceil(min_prop n)) rows on each side, computing the 2x2
** chi-square of y (0/1) below vs above; report the maximum and its
** multiplicity-adjusted p-values. Rows with NAN x or y are skipped.
** MOT_EDATA (naming the row) if y is not 0/1 or x is infinite;
** MOT_EUSAGE for bad options; MOT_ENOMEM. No admissible cut or a constant
** outcome is MOT_OK with res->found = 0 and p-values NAN. */
mot_status mot_maxstat_scan(const double *x, const double *y, size_t n,
                            const mot_maxstat_opts *opts, mot_maxstat *res,
                            mot_error *err);

/* P(max |Z| >= b) under independence by Miller & Siegmund (1982), for cuts
** between the eps_lo and eps_hi quantiles (Lausen & Schumacher 1992):
**   phi(b) (b - 1/b) log(eps_hi (1-eps_lo) / ((1-eps_hi) eps_lo))
**     + 4 phi(b) / b,
** clipped to [0, 1]; 1 when b < 1. NAN for eps outside (0, 1). */
double mot_maxstat_pms(double b, double eps_lo, double eps_hi);

/* The 2x2 Pearson chi-square (no continuity correction) of the table
** [a b; c d]: N (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d)); NAN if a margin is
** zero. */
double mot_chisq_2x2(double a, double b, double c, double d);

/* ======================================================================
** Survival (survival.c): Kaplan-Meier with Greenwood variance, and the
** two-group log-rank test.
** ==================================================================== */

typedef struct mot_km {
    size_t k;           /* distinct observed times (events or censorings) */
    double *time;       /* ascending */
    double *n_risk;     /* at risk just before time[i] */
    double *n_event;    /* events at time[i] */
    double *n_censor;   /* censored at time[i] */
    double *surv;       /* S(time[i]) */
    double *se;         /* Greenwood SE of S: S sqrt(sum d/(n(n-d))) */
} mot_km;

/* Kaplan-Meier estimate from time[i] >= 0 and event[i] (1 event, 0
** censored), in any order: rows already in time order are not sorted
** again, so a caller fitting many subsets of the same rows can sort them
** once (the result does not depend on the order). Rows with NAN time are
** skipped. MOT_EDATA for a negative or
** infinite time or event not 0/1, or no rows; the caller frees *out with
** mot_km_free. */
mot_status mot_km_fit(const double *time, const int *event, size_t n,
                      mot_km **out, mot_error *err);
void mot_km_free(mot_km *km);
/* S(t) of the step function (1 before the first time). */
double mot_km_surv_at(const mot_km *km, double t);

typedef struct mot_logrank {
    double n[2];        /* rows per group */
    double observed[2]; /* events per group */
    double expected[2]; /* expected events under equal hazards */
    double var;         /* hypergeometric variance of observed[0] */
    double stat;        /* (O0 - E0)^2 / var, chi-square on 1 df */
    double p;
} mot_logrank;

/* Log-rank (Mantel-Haenszel) test of group 0 vs group 1 (group[i] 0/1);
** rows in any order, as for mot_km_fit (those in time order are not
** sorted again). MOT_EDATA for bad values or if a group is empty or there is no event. */
mot_status mot_logrank_test(const double *time, const int *event,
                            const int *group, size_t n, mot_logrank *res,
                            mot_error *err);

/* ======================================================================
** Reliability and scores (reliability.c).
** ==================================================================== */

typedef struct mot_alpha {
    size_t k;           /* items */
    uint64_t rows;      /* complete rows used (listwise) */
    uint64_t skipped;   /* rows with a missing item */
    double alpha;       /* raw: k/(k-1) (1 - sum var_i / var_total) */
    double alpha_std;   /* standardized: k rbar / (1 + (k-1) rbar) */
    double rbar;        /* mean inter-item correlation */
} mot_alpha;

/* Cronbach's alpha of the k items accumulated in m (listwise: rows with a
** missing item were skipped by mot_moments_add). MOT_EDATA if k < 2, fewer
** than 2 rows, an item is constant (standardized alpha undefined) or the
** total variance is 0. */
mot_status mot_alpha_from_moments(const mot_moments *m, mot_alpha *res,
                                  mot_error *err);
/* The same from an n x k row-major matrix (NAN = missing). */
mot_status mot_alpha_compute(const double *x, size_t n, size_t k,
                             mot_alpha *res, mot_error *err);

typedef struct mot_nps {
    uint64_t n;             /* valid answers */
    uint64_t promoters;     /* 9-10 */
    uint64_t passives;      /* 7-8 */
    uint64_t detractors;    /* 0-6 */
    uint64_t skipped;       /* NAN */
    double nps;             /* p_P - p_D in [-1, 1] */
    double var;             /* p_P + p_D - nps^2 (per answer) */
    double se;              /* sqrt(var / n) */
} mot_nps;

/* NPS of 0..10 answers (NAN skipped). MOT_EDATA naming the index for a
** value that is not an integer in 0..10, or when no answer is valid. */
mot_status mot_nps_compute(const double *score, size_t n, mot_nps *res,
                           mot_error *err);
/* From counts; MOT_EDATA if all are 0. */
mot_status mot_nps_from_counts(uint64_t promoters, uint64_t passives,
                               uint64_t detractors, mot_nps *res);
/* Wald interval nps -+ z se, clipped to [-1, 1]. */
mot_status mot_nps_wald(const mot_nps *s, double level, double *lo,
                        double *hi);

/* ======================================================================
** Linear regression with inference (ols.c), two-sample comparison
** (welch.c) and multiple-testing adjustment (holm.c).
** ==================================================================== */

typedef struct mot_ols_coef {
    double beta;        /* coefficient (per unit of the predictor) */
    double se;          /* sqrt(sigma^2 [(X'X)^-1]_jj) */
    double t;           /* beta / se */
    double p;           /* two-sided t(df) p-value */
    double lo, hi;      /* beta -+ t_{(1+level)/2, df} se */
} mot_ols_coef;

typedef struct mot_ols {
    size_t p;           /* predictors; coef has p + 1 entries, the
                           intercept first */
    mot_ols_coef *coef; /* owned by the fit */
    double n;           /* sum of weights (rows for unit weights) */
    double df;          /* residual degrees of freedom n - p - 1 */
    double r2, adj_r2;  /* 1 - SSE/SST and 1 - (1 - R^2)(n-1)/df */
    double sigma;       /* sqrt(SSE / df) */
    double f, f_p;      /* overall F(p, df) test and its p-value */
} mot_ols;

/* Ordinary least squares of variable y on the other variables of m, from
** its means and co-moments (so a fit over shards is a merge away):
** beta = Cxx^-1 cxy, intercept = mean_y - beta' mean_x, sigma^2 =
** (Cyy - beta' cxy) / (W - p - 1), Var(beta) = sigma^2 Cxx^-1,
** Var(intercept) = sigma^2 (1/W + mean_x' Cxx^-1 mean_x). Weights are
** frequency weights (as rows repeated), not R's precision weights. The
** predictors keep their order in m. level is the interval's confidence
** (e.g. 0.95). MOT_EDATA (naming the 0-based predictor, counted without
** y) for a constant or collinear predictor, a constant outcome, or no
** residual degrees of freedom; MOT_EUSAGE for bad arguments; MOT_ENOMEM.
** The caller frees *out with mot_ols_free. */
mot_status mot_ols_from_moments(const mot_moments *m, size_t y, double level,
                                mot_ols **out, mot_error *err);
void mot_ols_free(mot_ols *o);

typedef struct mot_welch {
    double n1, n2, mean1, mean2;
    double diff;        /* mean1 - mean2 */
    double se;          /* sqrt(v1/n1 + v2/n2) */
    double df;          /* Welch-Satterthwaite degrees of freedom */
    double t, p;        /* diff / se, two-sided t(df) p-value */
    double lo, hi;      /* diff -+ t_{(1+level)/2, df} se */
} mot_welch;

/* Welch's unequal-variance t test of mean1 = mean2 from each group's
** size n, mean and unbiased variance v. MOT_EDATA if a group has fewer
** than 2 rows or both variances are 0; MOT_EUSAGE for a bad level. */
mot_status mot_welch_test(double n1, double mean1, double v1, double n2,
                          double mean2, double v2, double level,
                          mot_welch *res);

/* Holm's (1979) step-down adjustment of the n p-values p (NAN entries are
** not tests: they stay NAN and do not count): with the m valid p-values
** sorted ascending, adj_(i) = max_{j <= i} min(1, (m - j + 1) p_(j)).
** adj may alias p. MOT_ENOMEM. */
mot_status mot_p_holm(const double *p, size_t n, double *adj);

#ifdef __cplusplus
}
#endif
#endif /* MOT_STATS_H */
