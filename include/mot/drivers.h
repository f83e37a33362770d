/*
** mot/drivers.h: driver analysis of a wide table (`mot drivers`).
**
** A wide table has one row per customer and one column per candidate
** driver (mot/wide.h). For one outcome column, mot_drivers_analyse codes
** every other column as model terms, fits one model and decomposes its
** R^2:
**
**  - coding: a numeric column as it is; a text column whose two values
**    are yes/no words (mot_parse_bool) as 1 for yes; any other text column
**    as one 0/1 term per level against its most frequent level (the
**    reference), levels in byte order; columns that are constant, look
**    like identifiers (more than max_levels levels) or are the --id
**    column are left out, and terms that are linear combinations of
**    earlier terms are dropped (each with a note);
**  - rows with a missing value in the outcome or any used column are left
**    out (listwise, with a note of how many and why);
**  - a binary outcome (two values: 0/1, yes/no words, or two texts, the
**    rarer being the event) gets a logistic regression (odds ratios, Wald
**    intervals), a numeric outcome a linear one (coefficients, t
**    intervals);
**  - importance: each term's part of the R^2 of the linear model (the
**    linear-probability model for a binary outcome), by LMG up to 15
**    terms and Johnson's relative weights above, with a percentile
**    bootstrap interval;
**  - tolerance lines on numeric drivers (binary outcome only), adjusted
**    for the scan and, by Holm's method, across the drivers scanned.
**
** The methods, their sources and edge cases are in docs/methods.md
** ("mot drivers"). Ownership: the caller owns the mot_drivers and frees it
** with mot_drivers_free; it borrows nothing from the table.
*/
#ifndef MOT_DRIVERS_H
#define MOT_DRIVERS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "mot/error.h"
#include "mot/wide.h"
#include "mot/analyse.h"
#include "mot/stats.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mot_driver_kind {
    MOT_DRIVER_NUMERIC = 0,  /* a numeric column as it is */
    MOT_DRIVER_YESNO,        /* a yes/no text column, 1 = yes */
    MOT_DRIVER_LEVEL         /* one level of a text column vs reference */
} mot_driver_kind;

typedef struct mot_driver {
    char *column;            /* the table's column */
    char *level;             /* MOT_DRIVER_LEVEL: the level, else NULL */
    char *reference;         /* MOT_DRIVER_LEVEL: the reference level */
    mot_driver_kind kind;
    double importance;       /* its part of r2 (the parts sum to r2) */
    double importance_lo, importance_hi;   /* bootstrap interval */
    double estimate;         /* odds ratio (logistic) or coefficient per
                                unit (linear) */
    double lo, hi;           /* its 95% interval (Wald or t) */
    double p;                /* two-sided p of "no effect" */
    unsigned flags;          /* MOT_LOGIT_* of the coefficient */
    mot_tolerance line;      /* numeric drivers, binary outcome; found = 0
                                when none is significant or not scanned */
    int scanned;             /* 1 if a line was looked for */
} mot_driver;

typedef struct mot_drivers_options {
    const char *outcome;     /* the outcome column (required) */
    const char *id;          /* an identifier column to leave out, or NULL */
    unsigned bootstrap;      /* importance resamples (200) */
    uint64_t seed;           /* bootstrap and permutation seed (1) */
    unsigned threads;        /* 0 = one per core */
    double alpha;            /* significance of tolerance lines (0.05) */
    size_t min_group;        /* fewest rows on each side of a line (30) */
    size_t max_levels;       /* text columns with more levels are left
                                out as identifiers (20) */
    unsigned permutations;   /* lines: 0 = Miller-Siegmund p, else a
                                permutation p from this many (0) */
} mot_drivers_options;

/* Fill *o with the defaults above (outcome and id NULL). */
void mot_drivers_options_default(mot_drivers_options *o);

typedef struct mot_drivers {
    char *outcome;           /* the outcome column */
    int binary;              /* 1: logistic model, 0: linear */
    char *event;             /* binary: the value counted as 1 */
    size_t rows;             /* rows of the table */
    size_t n;                /* complete rows used */
    double events;           /* binary: rows with the event */
    double r2;               /* R^2 of the linear (probability) model */
    double deviance, null_deviance;   /* logistic only, else NAN */
    char model[16];          /* "logistic" or "linear" */
    char importance_method[24];       /* "lmg" or "relative_weights" */
    char interval_method[40];         /* of the importance intervals */
    mot_driver *d;           /* terms, most important first */
    size_t nd;
    char **notes;            /* plain-English caveats */
    size_t nnotes;
} mot_drivers;

/* Analyse table w for o->outcome. Returns MOT_OK and a new result in
** *out; MOT_EUSAGE when the outcome or id column is not in the table (err
** names it); MOT_EDATA when the data cannot support the model (an outcome
** that does not vary or has more than two text values, no usable driver,
** fewer complete rows than terms); MOT_ENOMEM. On failure *out is NULL. */
mot_status mot_drivers_analyse(const mot_wide *w,
                               const mot_drivers_options *o,
                               mot_drivers **out, mot_error *err);

/* Free the result. NULL is a no-op. */
void mot_drivers_free(mot_drivers *d);

/* ---- rendering (src/report/drivers.c) ------------------------------------ */

/* The JSON object of DESIGN §4: {"outcome", "drivers": [{"column",
** "importance", "odds_ratio" | "beta", "ci", "p", "tolerance_line"}]} plus
** n, the model and method names and notes. pretty indents. MOT_EIO if a
** write fails, MOT_ENOMEM. */
mot_status mot_drivers_write_json(const mot_drivers *d, FILE *f, int pretty);

/* A terminal report in English: the model, an aligned table of the
** terms (importance with its interval, odds ratio or coefficient with its
** interval, p, tolerance line), then the notes; mot_report_drivers_text
** (mot/report.h) in either language, mot_report_drivers_md as Markdown.
** MOT_EIO, MOT_ENOMEM. */
mot_status mot_drivers_write_text(const mot_drivers *d, FILE *f);

#ifdef __cplusplus
}
#endif
#endif /* MOT_DRIVERS_H */
