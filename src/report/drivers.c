/*
** drivers.c: rendering a `mot drivers` result (mot/drivers.h) as JSON
** (DESIGN §4) or as a terminal report. Nothing is computed here: every
** number comes from the mot_drivers; NAN prints as null in JSON and as
** "-" in text.
**
** JSON: {"outcome", "model", "event", "rows", "n", "events", "r2",
** "importance_method", "interval_method", "drivers": [{"column", "level",
** "reference", "kind", "importance", "importance_ci", "odds_ratio" |
** "beta", "ci", "p", "flags", "tolerance_line"}], "notes"}. A tolerance
** line is {"measure", "value", "direction" ("above" | "below"),
** "rate_beyond", "rate_within", "n_beyond", "n_within", "statistic",
** "p_scan", "p_adjusted", "p_method", "family"} or null.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mot/drivers.h"
#include "mot/report.h"
#include "report/internal.h"

/* The JSON name of a term's kind. */
static const char *kind_name(mot_driver_kind k)
{
    return k == MOT_DRIVER_NUMERIC ? "numeric"
           : k == MOT_DRIVER_YESNO ? "yes_no" : "level";
}

/* One term's object. */
static void json_driver(mot_json *j, const mot_drivers *r, const mot_driver *d)
{
    mot_json_begin_object(j);
    mot_json_key(j, "column");
    mot_json_string(j, d->column);
    mot_json_key(j, "level");
    mot_json_string(j, d->level);
    mot_json_key(j, "reference");
    mot_json_string(j, d->reference);
    mot_json_key(j, "kind");
    mot_json_string(j, kind_name(d->kind));
    mot_json_key(j, "importance");
    mot_json_number(j, d->importance);
    mot_json_member_interval(j, "importance_ci", d->importance_lo, d->importance_hi);
    mot_json_key(j, r->binary ? "odds_ratio" : "beta");
    mot_json_number(j, d->estimate);
    mot_json_member_interval(j, "ci", d->lo, d->hi);
    mot_json_key(j, "p");
    mot_json_number(j, d->p);
    mot_report_logit_flags_json(j, d->flags);
    mot_json_key(j, "tolerance_line");
    mot_report_line_json(j, &d->line, NAN);
    mot_json_end_object(j);
}

mot_status mot_drivers_write_json(const mot_drivers *d, FILE *f, int pretty)
{
    mot_json j;
    mot_json_init(&j, f, pretty);
    mot_json_begin_object(&j);
    mot_json_key(&j, "outcome");
    mot_json_string(&j, d->outcome);
    mot_json_key(&j, "model");
    mot_json_string(&j, d->model);
    mot_json_key(&j, "event");
    mot_json_string(&j, d->event);
    mot_json_key(&j, "rows");
    mot_json_int(&j, (int64_t)d->rows);
    mot_json_key(&j, "n");
    mot_json_int(&j, (int64_t)d->n);
    mot_json_key(&j, "events");
    mot_json_number(&j, d->events);
    mot_json_key(&j, "r2");
    mot_json_number(&j, d->r2);
    mot_json_key(&j, "importance_method");
    mot_json_string(&j, d->importance_method);
    mot_json_key(&j, "interval_method");
    mot_json_string(&j, d->interval_method);
    mot_json_key(&j, "drivers");
    mot_json_begin_array(&j);
    for (size_t i = 0; i < d->nd; i++)
        json_driver(&j, d, &d->d[i]);
    mot_json_end_array(&j);
    mot_json_key(&j, "notes");
    mot_json_begin_array(&j);
    for (size_t i = 0; i < d->nnotes; i++)
        mot_json_string(&j, d->notes[i]);
    mot_json_end_array(&j);
    mot_json_end_object(&j);
    return mot_json_finish(&j);
}

/* ---- text --------------------------------------------------------------- */

/* A number with `digits` significant digits, or "-" for NAN. */
static const char *num(char *buf, size_t n, double x, int digits)
{
    if (isnan(x))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.*g", digits, x);
    return buf;
}

/* An odds ratio or coefficient: 3 significant digits, more when it is
** close to 1 (an odds ratio per dollar, 1.000329, is not "1"). */
static const char *estimate(char *buf, size_t n, double x, int ratio)
{
    int digits = 3;
    double d = fabs(x - 1);
    if (ratio && d > 0 && d < 0.01)
        digits += (int)-floor(log10(d)) - 1;
    return num(buf, n, x, digits > 8 ? 8 : digits);
}

/* "[lo, hi]" or "-". */
static const char *interval(char *buf, size_t n, double lo, double hi,
                            int ratio)
{
    char a[32], b[32];
    if (isnan(lo) || isnan(hi))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "[%s, %s]", estimate(a, sizeof a, lo, ratio),
                 estimate(b, sizeof b, hi, ratio));
    return buf;
}

/* "> value: beyond% vs within% (p ...)", "none", or "-" (not looked for). */
static const char *line_text(char *buf, size_t n, const mot_driver *d)
{
    const mot_tolerance *t = &d->line;
    char v[32], pv[32];
    if (!d->scanned)
        snprintf(buf, n, "-");
    else if (!t->found)
        snprintf(buf, n, "none");
    else
        snprintf(buf, n, "%s %s: %.0f%% vs %.0f%% (p %s)",
                 t->direction > 0 ? ">" : "<", num(v, sizeof v, t->value, 6),
                 100 * t->rate_beyond, 100 * t->rate_within,
                 mot_report_pval(pv, sizeof pv, t->p_adjusted));
    return buf;
}

/* One term's row of the table. MOT_ENOMEM. */
static mot_status text_row(mot_table *t, const mot_driver *d, int ratio)
{
    char name[256], imp[32], ici[80], est[32], eci[80], p[32], line[128];
    if (d->level)
        snprintf(name, sizeof name, "%s=%s (vs %s)", d->column, d->level,
                 d->reference);
    else
        snprintf(name, sizeof name, "%s%s", d->column,
                 d->flags & MOT_LOGIT_DIVERGED ? " (separated)" : "");
    return mot_table_addf(t, "%s\t%s\t%s\t%s\t%s\t%s\t%s", name,
                          num(imp, sizeof imp, d->importance, 3),
                          interval(ici, sizeof ici, d->importance_lo,
                                   d->importance_hi, 0),
                          estimate(est, sizeof est, d->estimate, ratio),
                          interval(eci, sizeof eci, d->lo, d->hi, ratio),
                          mot_report_pval(p, sizeof p, d->p),
                          line_text(line, sizeof line, d));
}

mot_status mot_drivers_write_text(const mot_drivers *d, FILE *f)
{
    static const int right[7] = {0, 1, 0, 1, 0, 1, 0};
    char r2[32];
    fprintf(f, "Drivers of %s: %s regression on %zu of %zu rows", d->outcome,
            d->model, d->n, d->rows);
    if (d->binary)
        fprintf(f, " (event \"%s\": %.0f rows)", d->event, d->events);
    fprintf(f, ".\nR² of the %s model %s; importance = each driver's part "
               "of it (%s), 95%% %s.\n\n",
            d->binary ? "linear-probability" : "linear",
            num(r2, sizeof r2, d->r2, 3),
            strcmp(d->importance_method, "lmg") == 0 ? "LMG / Shapley"
                                                     : "relative weights",
            d->interval_method);
    mot_table *t = mot_table_new(7, right);
    if (!t)
        return MOT_ENOMEM;
    mot_status st = mot_table_addf(t, "driver\timportance\t95%% CI\t%s\t95%% CI"
                                      "\tp\ttolerance line",
                                   d->binary ? "odds ratio" : "beta");
    for (size_t i = 0; i < d->nd && st == MOT_OK; i++)
        st = text_row(t, &d->d[i], d->binary);
    if (st == MOT_OK)
        mot_table_print(t, f, 2, 1);
    mot_table_free(t);
    if (st == MOT_OK && d->nnotes) {
        fprintf(f, "\nNotes:\n");
        for (size_t i = 0; i < d->nnotes; i++)
            fprintf(f, "  - %s\n", d->notes[i]);
    }
    if (st == MOT_OK && ferror(f))
        st = MOT_EIO;
    return st;
}
