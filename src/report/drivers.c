/*
** drivers.c: rendering a `mot drivers` result (mot/drivers.h) as JSON
** (DESIGN §4) or as a report in English or Chinese, built as a document
** (report/internal.h) and laid out for a terminal or as Markdown. Nothing
** is computed here: every number comes from the mot_drivers; NAN prints
** as null in JSON and as "-" in text. The engine's notes and interval
** method are English in both languages.
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
static const char *line_text(char *buf, size_t n, const mot_driver *d,
                             mot_lang lang)
{
    const mot_tolerance *t = &d->line;
    char v[32], pv[32];
    if (!d->scanned)
        snprintf(buf, n, "-");
    else if (!t->found)
        snprintf(buf, n, "%s", mot_tr(lang, "drv.none"));
    else
        snprintf(buf, n, "%s %s: %.0f%% vs %.0f%% (p %s)",
                 t->direction > 0 ? ">" : "<", num(v, sizeof v, t->value, 6),
                 100 * t->rate_beyond, 100 * t->rate_within,
                 mot_report_pval(pv, sizeof pv, t->p_adjusted));
    return buf;
}

/* One term's row of the table. */
static void doc_row(mot_doc *doc, mot_table *t, const mot_driver *d,
                    int ratio, mot_lang lang)
{
    char name[512], imp[32], ici[80], est[32], eci[80], p[32], line[128];
    if (d->level)
        snprintf(name, sizeof name, mot_tr(lang, "drv.level"), d->column,
                 d->level, d->reference);
    else if (d->flags & MOT_LOGIT_DIVERGED)
        snprintf(name, sizeof name, mot_tr(lang, "drv.separated"),
                 d->column);
    else
        snprintf(name, sizeof name, "%s", d->column);
    const char *cells[7] = {
        name, num(imp, sizeof imp, d->importance, 3),
        interval(ici, sizeof ici, d->importance_lo, d->importance_hi, 0),
        estimate(est, sizeof est, d->estimate, ratio),
        interval(eci, sizeof eci, d->lo, d->hi, ratio),
        mot_report_pval(p, sizeof p, d->p), line_text(line, sizeof line, d,
                                                      lang)};
    mot_doc_row(doc, t, cells);
}

/* The report as a document: the title, the model and its R², the terms'
** table, the notes. */
static void drivers_doc(mot_doc *doc, const mot_drivers *d, mot_lang lang)
{
    static const int right[7] = {0, 1, 0, 1, 0, 1, 0};
    char n[32], rows[32], ev[32], r2[32], im[96];
    snprintf(n, sizeof n, "%zu", d->n);
    snprintf(rows, sizeof rows, "%zu", d->rows);
    mot_doc_add(doc, MOT_BLOCK_TITLE, mot_tr(lang, "drv.title"), d->outcome);
    if (d->binary) {
        snprintf(ev, sizeof ev, "%.0f", d->events);
        mot_doc_add(doc, MOT_BLOCK_PARA, mot_tr(lang, "drv.logistic"), n,
                    rows, d->event, ev);
    } else
        mot_doc_add(doc, MOT_BLOCK_PARA, mot_tr(lang, "drv.linear"), n,
                    rows);
    mot_doc_add(doc, MOT_BLOCK_PARA,
                mot_tr(lang, d->binary ? "drv.r2.lpm" : "drv.r2.linear"),
                num(r2, sizeof r2, d->r2, 3),
                mot_tr(lang, strcmp(d->importance_method, "lmg") == 0
                                 ? "drv.lmg"
                                 : "drv.relative_weights"),
                mot_interval_method_text(lang, d->interval_method, im,
                                         sizeof im));
    mot_table *t = mot_doc_table(doc, 7, right);
    const char *head[7] = {
        mot_tr(lang, "drv.col.driver"), mot_tr(lang, "drv.col.importance"),
        mot_tr(lang, "drv.col.ci"),
        mot_tr(lang, d->binary ? "drv.col.or" : "drv.col.beta"),
        mot_tr(lang, "drv.col.ci"), "p", mot_tr(lang, "drv.col.line")};
    mot_doc_row(doc, t, head);
    for (size_t i = 0; i < d->nd; i++)
        doc_row(doc, t, &d->d[i], d->binary, lang);
    if (d->nnotes)
        mot_doc_add(doc, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "drv.notes"));
    for (size_t i = 0; i < d->nnotes; i++)
        mot_doc_add(doc, MOT_BLOCK_BULLET, "%s", d->notes[i]);
}

static mot_status render(FILE *f, const mot_drivers *d, mot_lang lang,
                         mot_doc_layout layout)
{
    mot_doc doc;
    mot_doc_init(&doc);
    drivers_doc(&doc, d, lang);
    mot_status st = doc.status == MOT_OK ? layout(&doc, f) : doc.status;
    mot_doc_free(&doc);
    return st;
}

mot_status mot_report_drivers_text(FILE *f, const mot_drivers *d,
                                   mot_lang lang)
{
    return render(f, d, lang, mot_doc_layout_text);
}

mot_status mot_report_drivers_md(FILE *f, const mot_drivers *d,
                                 mot_lang lang)
{
    return render(f, d, lang, mot_doc_layout_md);
}

mot_status mot_drivers_write_text(const mot_drivers *d, FILE *f)
{
    return mot_report_drivers_text(f, d, MOT_LANG_EN);
}
