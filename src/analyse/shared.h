/*
** shared.h: helpers shared by the driver-type analyses (impact.c,
** churn.c, tolerance.c and drivers.c); not public.
**
**  - bootimp.c: a statistic of moment accumulators (e.g. importance from a
**    correlation matrix) with a batched one-pass Poisson bootstrap
**    interval, threaded;
**  - lines.c: tolerance-line scans and their Holm adjustment over a
**    family of scans;
**  - design.c: what model matrices need: dropping columns that are linear
**    combinations of earlier ones, the most frequent level of a coded
**    column, importance from a correlation matrix.
*/
#ifndef MOT_ANALYSE_SHARED_H
#define MOT_ANALYSE_SHARED_H

#include <stddef.h>
#include <stdint.h>

#include "mot/analyse.h"
#include "mot/stats.h"
#include "stats/maxstat_int.h"

/* ---- bootimp.c ---------------------------------------------------------- */

/* Most bootstrap batches: above this many rows, rows are hashed into this
** many batches (docs/methods.md, "Bootstrap of importance"). */
#define MOT_BOOT_BATCHES 4096

/* Fill the values of row `row` for each accumulator: vals[a] has room for
** the a-th accumulator's dimension. Return 0 to leave the row out. Called
** from several threads at once: it must only read ctx. */
typedef int (*mot_boot_row_fn)(const void *ctx, size_t row,
                               double *const *vals);

/* Compute the q values of the statistic from accumulators acc[0..nacc-1]
** into out; NAN where it cannot be computed. Called from several threads
** at once: it must only read ctx. */
typedef void (*mot_boot_stat_fn)(const void *ctx, mot_moments *const *acc,
                                 double *out);

typedef struct mot_boot_job {
    size_t nrows;             /* rows, passed to row() as 0..nrows-1 */
    size_t nacc;              /* accumulators per row (1..4) */
    const size_t *dims;       /* their dimensions */
    size_t q;                 /* values of the statistic */
    mot_boot_row_fn row;
    mot_boot_stat_fn stat;
    const void *ctx;
    unsigned reps;            /* bootstrap replicates (0: no interval) */
    uint64_t seed;
    unsigned threads;         /* 0 = one per core */
    double level;             /* interval confidence, e.g. 0.95 */
    size_t max_batches;       /* 0 = MOT_BOOT_BATCHES */
} mot_boot_job;

typedef struct mot_boot_out {
    double *est;              /* q: the statistic on every row */
    double *lo, *hi;          /* q: percentile interval; NAN when fewer
                                 than 2 replicates gave a value */
    size_t batches;           /* resampling units used */
    size_t failed;            /* replicates whose statistic was NAN
                                 somewhere */
} mot_boot_out;

/* The accumulated batches of one job. */
typedef struct mot_boot mot_boot;

/* Accumulate every row into its batch (one pass, threaded). The job
** (and what its ctx points to) must outlive *out; the caller may change
** what ctx points to before mot_boot_stats, e.g. to choose what the
** statistic uses from the totals. MOT_ENOMEM, MOT_EDATA if row() gave an
** infinite value, MOT_EUSAGE for a bad job; *out is NULL on failure.
** Free with mot_boot_free. */
mot_status mot_boot_pass(const mot_boot_job *job, mot_boot **out);
void mot_boot_free(mot_boot *b);

/* The nacc accumulators over every row (borrowed from b). */
mot_moments *const *mot_boot_total(const mot_boot *b);

/* The statistic on every row and on `reps` replicates that give each
** batch a Poisson(1) weight (mot_boot_weight(seed, batch, rep)), and
** their percentile intervals (threaded; the result does not depend on the
** number of threads). b keeps its batches (it may be asked again).
** MOT_ENOMEM (out left empty). Free *out with mot_boot_out_free. */
mot_status mot_boot_stats(mot_boot *b, mot_boot_out *out);
void mot_boot_out_free(mot_boot_out *out);

/* mot_boot_pass, mot_boot_stats and mot_boot_free in one call, when the
** statistic needs nothing from the totals first. */
mot_status mot_boot_run(const mot_boot_job *job, mot_boot_out *out);

/* ---- lines.c ------------------------------------------------------------ */

/* One scan of a candidate tolerance line, before the family adjustment. */
typedef struct mot_line_scan {
    mot_tolerance line;       /* found = 1 when the scan had a cut */
    int expect;               /* the direction a line must have (+1, -1)
                                 or 0 for either */
    int wrong_way;            /* a cut was found in the other direction */
} mot_line_scan;

typedef struct mot_line_opts {
    size_t min_group;         /* fewest rows on each side */
    double min_prop;          /* and at least this share */
    unsigned perm;            /* permutations, 0 = Miller-Siegmund */
    uint64_t seed;
} mot_line_opts;

/* Scan y (0/1; NAN rows skipped) along x for the cut with the largest
** chi-square (mot_maxstat_scan) and describe it as a line in s->line:
** direction +1 means beyond is x > value (value = the last x below the
** cut), -1 beyond is x < value (value = the first x above it); rates and
** n beyond and within; p_scan the scan-adjusted p. found = 0 when no cut
** is admissible or y does not vary. measure and outcome are copied.
** MOT_ENOMEM; MOT_EDATA from the scan (a y not 0/1). */
mot_status mot_line_scan_run(const double *x, const double *y, size_t n,
                             const mot_line_opts *o, const char *measure,
                             const char *outcome, int expect,
                             mot_line_scan *s, mot_error *err);

/* mot_line_scan_run of the rows counted in tally t (t->ok; o->perm must
** be 0): the same line. MOT_ENOMEM; MOT_EUSAGE for a tally that gave up
** or a permutation test. */
mot_status mot_line_scan_tally(const mot_maxstat_tally *t,
                               const mot_line_opts *o, const char *measure,
                               const char *outcome, int expect,
                               mot_line_scan *s, mot_error *err);

/* Holm-adjust the scan p-values of the n scans (those with a cut, in any
** direction, form the family), store p_adjusted and family, and keep
** found = 1 only for lines in the expected direction with p_adjusted <
** alpha (the others are cleared to found = 0 with NAN numbers).
** MOT_ENOMEM. */
mot_status mot_line_family(mot_line_scan *s, size_t n, double alpha);

/* A cleared line: found = 0, numbers NAN, strings empty. */
void mot_line_clear(mot_tolerance *t);

/* ---- design.c ----------------------------------------------------------- */

/* Columns of the n x p row-major matrix x (rows with a NAN left out;
** row weights w, or NULL for all 1) that are constant or a linear
** combination of the kept columns before them (1 - R^2 <
** MOT_COLLINEAR_TOL on the correlation scale, with an intercept):
** keep[j] = 0 for those, 1 for the others. MOT_ENOMEM. */
mot_status mot_design_keep(const double *x, size_t n, size_t p,
                           const double *w, unsigned char *keep);

/* The code with the most rows among codes[0..n-1] (values < nlevels,
** MOT_NONE skipped; ties: the smallest code) and each code's count in
** counts (nlevels entries). Returns MOT_NONE when every row is empty. */
uint32_t mot_design_mode(const uint32_t *codes, size_t n, size_t nlevels,
                         size_t *counts);

/* Importance of p predictors from an (p+1) x (p+1) correlation matrix
** whose outcome is index y: LMG when p <= MOT_LMG_MAXP, else Johnson's
** relative weights (*method set to "lmg" or "relative_weights"). imp gets
** p values and *r2 the R^2; MOT_EDATA (err says why) when the matrix
** does not allow it. */
mot_status mot_design_importance(const double *corr, size_t p, size_t y,
                                 double *imp, double *r2,
                                 const char **method, mot_error *err);

/* The bootstrap statistic of importance: from the moments of p predictors
** followed by the outcome (index p), out[0..p-1] = mot_design_importance's
** values and out[p] = R^2, or all NAN when the replicate's matrix does not
** allow them (or a malloc fails). */
void mot_design_importance_stat(const mot_moments *acc, size_t p,
                                double *out);

#endif /* MOT_ANALYSE_SHARED_H */
