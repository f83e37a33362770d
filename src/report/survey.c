/*
** survey.c: rendering KANO and SERVQUAL results as JSON and as text.
**
** JSON is the stable contract of DESIGN 4: the kano object is
** {"features": [{"feature", "counts": {"A".."Q"}, "category", "better",
** "worse", ...}], ...} and the servqual object {"dimensions":
** [{"dimension", "expectation", "perception", "gap", "msa", "mss",
** "alpha"}], "weighted_score", "unweighted_score", ...}, with added keys
** for n, intervals, strength, Fong's test, segments, the zone of
** tolerance, weights, the dimensions' importance (weights or derived)
** and the IPA (docs/formats.md lists them). Identifiers
** are stable English words whatever the language; undefined numbers are
** null. The text form is built as blocks of the report's document model
** (internal.h): headings, tables and legends, labels in English or
** Chinese. `mot kano` and `mot servqual` lay it out for a terminal
** (tables aligned by display width, Chinese names taking two columns);
** `mot analyze` puts the same blocks in its text and Markdown reports.
**
** Nothing is computed here beyond formatting: every number comes from the
** result.
*/
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/internal.h"

/* ---- JSON ------------------------------------------------------------------ */

/* "key": mean and "key_ci": [lo, hi]. */
static void json_estimate(mot_json *j, const char *key,
                          const mot_estimate *e)
{
    char ci[64];
    mot_json_key(j, key);
    mot_json_number(j, e->mean);
    snprintf(ci, sizeof ci, "%s_ci", key);
    mot_json_member_interval(j, ci, e->lo, e->hi);
}

/* "key": {"n", "mean", "sd", "ci"}, or null when n = 0. */
static void json_estimate_object(mot_json *j, const char *key,
                                 const mot_estimate *e)
{
    mot_json_key(j, key);
    if (e->n == 0) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_key(j, "n");
    mot_json_int(j, (int64_t)e->n);
    mot_json_key(j, "mean");
    mot_json_number(j, e->mean);
    mot_json_key(j, "sd");
    mot_json_number(j, e->sd);
    mot_json_member_interval(j, "ci", e->lo, e->hi);
    mot_json_end_object(j);
}

/* "key": a KANO letter, or null. */
static void json_letter(mot_json *j, const char *key, mot_kano_category c)
{
    mot_json_key(j, key);
    mot_json_string(j, c == MOT_KANO_NONE ? NULL : mot_kano_letter(c));
}

/* The keys of one feature's (or segment's) statistics. */
static void json_kano_stats(mot_json *j, const mot_kano_stats *s)
{
    mot_json_key(j, "n");
    mot_json_int(j, (int64_t)s->n);
    mot_json_key(j, "counts");
    mot_json_begin_object(j);
    for (int c = 0; c < MOT_KANO_NCAT; c++) {
        mot_json_key(j, mot_kano_letter((mot_kano_category)c));
        mot_json_int(j, (int64_t)s->count[c]);
    }
    mot_json_end_object(j);
    mot_json_key(j, "shares");
    mot_json_begin_object(j);
    for (int c = 0; c < MOT_KANO_NCAT; c++) {
        mot_json_key(j, mot_kano_letter((mot_kano_category)c));
        mot_json_number(j, s->share[c]);
    }
    mot_json_end_object(j);
    json_letter(j, "category", s->category);
    json_letter(j, "mode", s->mode);
    mot_json_key(j, "category_name");
    mot_json_string(j, s->category == MOT_KANO_NONE
                           ? NULL : mot_kano_category_name(s->category));
    mot_json_key(j, "better");
    mot_json_number(j, s->better);
    mot_json_member_interval(j, "better_ci", s->better_lo, s->better_hi);
    mot_json_key(j, "worse");
    mot_json_number(j, s->worse);
    mot_json_member_interval(j, "worse_ci", s->worse_lo, s->worse_hi);
    mot_json_key(j, "category_strength");
    mot_json_number(j, s->category_strength);
    mot_json_key(j, "total_strength");
    mot_json_number(j, s->total_strength);
    mot_json_key(j, "fong");
    mot_json_begin_object(j);
    json_letter(j, "first", s->first);
    json_letter(j, "second", s->second);
    mot_json_key(j, "difference");
    mot_json_number(j, s->fong_difference);
    mot_json_key(j, "threshold");
    mot_json_number(j, s->fong_threshold);
    mot_json_key(j, "significant");
    if (s->fong_significant < 0)
        mot_json_null(j);
    else
        mot_json_bool(j, s->fong_significant);
    mot_json_end_object(j);
    json_estimate_object(j, "importance", &s->importance);
}

/* "touchpoint": id and "touchpoint_name": name (null when unknown). */
static void json_touchpoint(mot_json *j, const mot_survey_tp *tp)
{
    mot_json_key(j, "touchpoint");
    mot_json_string(j, tp->id);
    mot_json_key(j, "touchpoint_name");
    mot_json_string(j, tp->name);
}

void mot_report_kano_json(mot_json *j, const mot_kano_result *r)
{
    mot_json_begin_object(j);
    mot_json_key(j, "features");
    mot_json_begin_array(j);
    for (size_t f = 0; f < r->nfeatures; f++) {
        const mot_kano_feature *x = &r->features[f];
        mot_json_begin_object(j);
        mot_json_key(j, "feature");
        mot_json_string(j, x->name);
        json_touchpoint(j, &x->touchpoint);
        json_kano_stats(j, &x->all);
        if (r->nsegments) {
            mot_json_key(j, "segments");
            mot_json_begin_array(j);
            for (size_t g = 0; g < r->nsegments; g++) {
                mot_json_begin_object(j);
                mot_json_key(j, "segment");
                mot_json_string(j, r->segments[g]);
                json_kano_stats(j, &x->segment[g]);
                mot_json_end_object(j);
            }
            mot_json_end_array(j);
        }
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "respondents");
    mot_json_int(j, (int64_t)r->respondents);
    mot_json_key(j, "answers");
    mot_json_int(j, (int64_t)r->answers);
    mot_json_key(j, "tie_rule");
    mot_json_begin_object(j);
    mot_json_key(j, "order");
    mot_json_string(j, "M>O>A>I");
    mot_json_key(j, "close");
    mot_json_number(j, r->options.close);
    mot_json_end_object(j);
    mot_json_key(j, "level");
    mot_json_number(j, r->options.level);
    mot_json_end_object(j);
}

/* The "alpha" object of a dimension. */
static void json_alpha(mot_json *j, const mot_servqual_dim *d)
{
    mot_json_key(j, "alpha");
    mot_json_begin_object(j);
    mot_json_key(j, "expectation");
    mot_json_number(j, d->alpha_expectation.alpha);
    mot_json_key(j, "perception");
    mot_json_number(j, d->alpha_perception.alpha);
    mot_json_key(j, "items");
    mot_json_int(j, (int64_t)d->nitems);
    mot_json_key(j, "n_expectation");
    mot_json_int(j, (int64_t)d->alpha_expectation.rows);
    mot_json_key(j, "n_perception");
    mot_json_int(j, (int64_t)d->alpha_perception.rows);
    mot_json_end_object(j);
}

/* One dimension's object. */
static void json_dimension(mot_json *j, const mot_servqual_dim *d)
{
    mot_json_begin_object(j);
    mot_json_key(j, "dimension");
    mot_json_string(j, mot_dimension_name(d->dimension));
    mot_json_key(j, "items");
    mot_json_int(j, (int64_t)d->nitems);
    mot_json_key(j, "n");
    mot_json_int(j, (int64_t)d->gap.n);
    json_estimate(j, "expectation", &d->expectation);
    json_estimate(j, "perception", &d->perception);
    json_estimate(j, "gap", &d->gap);
    json_estimate(j, "msa", &d->msa);
    json_estimate(j, "mss", &d->mss);
    json_alpha(j, d);
    mot_json_key(j, "zone");
    mot_json_string(j, d->zone == MOT_ZONE_NONE ? NULL
                                                : mot_zone_name(d->zone));
    json_estimate(j, "weight", &d->weight);
    mot_json_key(j, "importance");
    mot_json_number(j, d->importance);
    mot_json_member_interval(j, "importance_ci", d->importance_lo, d->importance_hi);
    mot_json_key(j, "ipa");
    mot_json_string(j, d->ipa == MOT_IPA_NONE ? NULL
                                              : mot_ipa_quadrant_name(d->ipa));
    mot_json_key(j, "touchpoints");
    mot_json_begin_array(j);
    for (size_t t = 0; t < d->ntouchpoints; t++) {
        mot_json_begin_object(j);
        mot_json_key(j, "id");
        mot_json_string(j, d->touchpoints[t].id);
        mot_json_key(j, "name");
        mot_json_string(j, d->touchpoints[t].name);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_end_object(j);
}

/* "importance_source" and the "derived_importance" object, null when
** the derived importance was not computed. */
static void json_importance(mot_json *j, const mot_servqual_result *r)
{
    const mot_servqual_derived *dv = &r->derived;
    mot_json_key(j, "importance_source");
    mot_json_string(j, r->importance_source == MOT_IMPORTANCE_NONE
                           ? NULL
                           : mot_importance_source_name(r->importance_source));
    mot_json_key(j, "derived_importance");
    if (r->importance_source != MOT_IMPORTANCE_DERIVED) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_key(j, "method");
    mot_json_string(j, "lmg");
    mot_json_key(j, "outcome");
    mot_json_string(j, dv->outcome);
    mot_json_key(j, "n");
    mot_json_int(j, (int64_t)dv->n);
    mot_json_key(j, "r2");
    mot_json_number(j, dv->r2);
    mot_json_key(j, "bootstrap");
    mot_json_int(j, (int64_t)dv->bootstrap);
    mot_json_key(j, "bootstrap_failed");
    mot_json_int(j, (int64_t)dv->failed);
    mot_json_end_object(j);
}

/* The "ipa" object of the dimensions, or null when it was not done. */
static void json_ipa(mot_json *j, const mot_servqual_result *r)
{
    const mot_ipa *ipa = &r->ipa;
    mot_json_key(j, "ipa");
    if (ipa->n == 0) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_key(j, "importance");
    mot_json_string(j, mot_importance_source_name(r->importance_source));
    mot_json_key(j, "performance");
    mot_json_string(j, "perception");
    mot_json_key(j, "crosshair");
    mot_json_string(j, ipa->at_point ? "point" : "means");
    mot_json_key(j, "crosshair_importance");
    mot_json_number(j, ipa->importance);
    mot_json_key(j, "crosshair_performance");
    mot_json_number(j, ipa->performance);
    mot_json_end_object(j);
}

/* The "items" array. */
static void json_items(mot_json *j, const mot_servqual_result *r)
{
    mot_json_key(j, "items");
    mot_json_begin_array(j);
    for (size_t i = 0; i < r->nitems; i++) {
        const mot_servqual_item *it = &r->items[i];
        mot_json_begin_object(j);
        mot_json_key(j, "item");
        mot_json_string(j, it->item);
        mot_json_key(j, "dimension");
        mot_json_string(j, mot_dimension_name(it->dimension));
        mot_json_key(j, "n");
        mot_json_int(j, (int64_t)it->gap.n);
        json_estimate(j, "expectation", &it->expectation);
        json_estimate(j, "perception", &it->perception);
        json_estimate(j, "gap", &it->gap);
        json_estimate(j, "msa", &it->msa);
        json_estimate(j, "mss", &it->mss);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
}

void mot_report_servqual_json(mot_json *j, const mot_servqual_result *r)
{
    mot_json_begin_object(j);
    mot_json_key(j, "dimensions");
    mot_json_begin_array(j);
    for (int d = 0; d < MOT_NDIMENSIONS; d++)
        if (r->dims[d].nitems)
            json_dimension(j, &r->dims[d]);
    mot_json_end_array(j);
    mot_json_key(j, "weighted_score");
    mot_json_number(j, r->weighted.mean);
    mot_json_member_interval(j, "weighted_ci", r->weighted.lo, r->weighted.hi);
    mot_json_key(j, "weighted_n");
    mot_json_int(j, (int64_t)r->weighted.n);
    mot_json_key(j, "unweighted_score");
    mot_json_number(j, r->unweighted.mean);
    mot_json_member_interval(j, "unweighted_ci", r->unweighted.lo, r->unweighted.hi);
    mot_json_key(j, "unweighted_n");
    mot_json_int(j, (int64_t)r->unweighted.n);
    mot_json_key(j, "respondents");
    mot_json_int(j, (int64_t)r->respondents);
    json_importance(j, r);
    json_ipa(j, r);
    json_items(j, r);
    mot_json_key(j, "level");
    mot_json_number(j, r->options.level);
    mot_json_end_object(j);
}

/* ---- text ------------------------------------------------------------------ */

/* English or Chinese display text. */
static const char *tr(int zh, const char *en)
{
    return mot_tr_text(zh ? MOT_LANG_ZH : MOT_LANG_EN, en);
}

const char *mot_report_kano_word(mot_lang lang, mot_kano_category c)
{
    static const char *const en[MOT_KANO_NCAT] = {
        N_("attractive"), N_("performance"), N_("must-be"),
        N_("indifferent"), N_("reverse"), N_("questionable")};
    if (c == MOT_KANO_NONE)
        return "-";
    return mot_tr_text(lang, en[c]);
}

const char *mot_report_dimension_word(mot_lang lang, mot_dimension d)
{
    /* mot_dimension_name()'s stable names, marked for translation */
    static const char *const names[MOT_NDIMENSIONS] = {
        N_("tangibles"), N_("reliability"), N_("responsiveness"),
        N_("assurance"), N_("empathy")};
    if (d >= 0 && d < MOT_NDIMENSIONS)
        return mot_tr_text(lang, names[d]);
    return mot_dimension_name(d);
}

/* The display text of a zone of tolerance label. */
static const char *zone_display(int zh, mot_zone z)
{
    switch (z) {
    case MOT_ZONE_BELOW: return tr(zh, "below");
    case MOT_ZONE_INSIDE: return tr(zh, "inside");
    case MOT_ZONE_ABOVE: return tr(zh, "above");
    case MOT_ZONE_NONE: break;
    }
    return "-";
}

const char *mot_report_ipa_word(mot_lang lang, mot_ipa_quadrant q)
{
    int zh = lang == MOT_LANG_ZH;
    switch (q) {
    case MOT_IPA_CONCENTRATE: return tr(zh, "concentrate here");
    case MOT_IPA_KEEP_UP: return tr(zh, "keep up the good work");
    case MOT_IPA_LOW_PRIORITY: return tr(zh, "low priority");
    case MOT_IPA_OVERKILL: return tr(zh, "possible overkill");
    case MOT_IPA_NONE: break;
    }
    return "-";
}

/* A table of a document being built: the header row first, then one row
** at a time, each of up to MAXCELLS cells with a buffer of its own (wide
** enough for a number, an interval or a name cut by mot_text_fit). The
** table joins the document when its header row ends; failures stick in
** the document's status. */
#define MAXCELLS 16
#define CELL 160
/* Longest feature, item and touchpoint names shown, in columns. */
#define NAME_WIDTH 28

typedef struct table {
    mot_doc *d;
    mot_table *t;           /* in d once the header row ended */
    int right[MAXCELLS];    /* per column: right-aligned (a number) */
    size_t ncols;           /* 0 until the header row ended */
    char buf[MAXCELLS][CELL];
    const char *cell[MAXCELLS];
    size_t n;               /* cells of the row being built */
} table;

/* The next cell's buffer. */
static char *next(table *w)
{
    assert(w->n < MAXCELLS);
    w->cell[w->n] = w->buf[w->n];
    return w->buf[w->n++];
}

/* Start a table of d: no columns yet. */
static void table_start(table *w, mot_doc *d)
{
    memset(w, 0, sizeof *w);
    w->d = d;
}

/* Add a column to the header being built (right: numbers). */
static void column(table *w, const char *name, int right)
{
    w->right[w->n] = right;
    snprintf(next(w), CELL, "%s", name);
}

/* Append a copy of text, cut to `width` display columns. */
static void put(table *w, const char *s, size_t width)
{
    mot_text_fit(s ? s : "", width, next(w), CELL);
}

/* Append a number with `digits` decimals ("-" when undefined). */
static void put_num(table *w, double x, int digits)
{
    mot_report_fixed(next(w), CELL, x, digits);
}

/* Append an interval [lo, hi] ("" when undefined). */
static void put_interval(table *w, double lo, double hi, int digits)
{
    char *b = next(w), l[64], h[64];
    if (isnan(lo) || isnan(hi))
        b[0] = '\0';
    else
        snprintf(b, CELL, "[%s, %s]",
                 mot_report_fixed(l, sizeof l, lo, digits),
                 mot_report_fixed(h, sizeof h, hi, digits));
}

/* Append a count. */
static void put_count(table *w, uint64_t x)
{
    snprintf(next(w), CELL, "%llu", (unsigned long long)x);
}

/* End the row being built: the header row makes the table (its columns
** are the header's), every row is added. */
static void end_row(table *w)
{
    if (w->ncols == 0) {
        w->ncols = w->n;
        w->t = mot_doc_table(w->d, w->ncols, w->right);
    }
    assert(w->n == w->ncols);
    mot_doc_row(w->d, w->t, w->cell);
    w->n = 0;
}

/* Lay out on f, for a terminal or as Markdown (md), the KANO result k, or
** else the SERVQUAL result s, in lang ("zh" or else English). */
static mot_status survey_doc(FILE *f, const mot_kano_result *k,
                             const mot_servqual_result *s, const char *lang,
                             int md)
{
    mot_lang l = lang && strcmp(lang, "zh") == 0 ? MOT_LANG_ZH : MOT_LANG_EN;
    mot_doc d;
    mot_doc_init(&d);
    if (k)
        mot_report_kano_doc(&d, k, l);
    else
        mot_report_servqual_doc(&d, s, l);
    mot_status st = d.status != MOT_OK ? d.status
                    : md               ? mot_doc_layout_md(&d, f)
                                       : mot_doc_layout_text(&d, f);
    mot_doc_free(&d);
    return st;
}

/* ---- KANO text -------------------------------------------------------------- */

/* The KANO table of the features' overall statistics (segment < 0) or
** of one segment's. */
static void kano_table(mot_doc *d, const mot_kano_result *r, long segment,
                       mot_lang lang)
{
    int zh = lang == MOT_LANG_ZH, tps = 0;
    table w;
    for (size_t i = 0; segment < 0 && i < r->nfeatures; i++)
        tps |= r->features[i].touchpoint.id != NULL;
    table_start(&w, d);
    column(&w, tr(zh, "feature"), 0);
    if (tps)
        column(&w, tr(zh, "touchpoint"), 0);
    column(&w, "n", 1);
    for (int c = 0; c < MOT_KANO_NCAT; c++)
        column(&w, mot_kano_letter((mot_kano_category)c), 1);
    column(&w, tr(zh, "category"), 0);
    column(&w, tr(zh, "strength"), 1);
    column(&w, "Better", 1);
    column(&w, "Worse", 1);
    column(&w, "Fong", 0);
    if (r->has_importance)
        column(&w, tr(zh, "importance"), 1);
    end_row(&w);
    for (size_t i = 0; i < r->nfeatures; i++) {
        const mot_kano_feature *x = &r->features[i];
        const mot_kano_stats *s = segment < 0 ? &x->all
                                              : &x->segment[segment];
        put(&w, x->name, NAME_WIDTH);
        if (tps)
            put(&w, x->touchpoint.name ? x->touchpoint.name
                    : x->touchpoint.id ? x->touchpoint.id : "-", NAME_WIDTH);
        put_count(&w, s->n);
        for (int c = 0; c < MOT_KANO_NCAT; c++)
            put_count(&w, s->count[c]);
        snprintf(next(&w), CELL, "%s %s%s", mot_kano_letter(s->category),
                 mot_report_kano_word(lang, s->category),
                 s->category != s->mode ? "*" : "");
        put_num(&w, s->category_strength, 2);
        put_num(&w, s->better, 2);
        put_num(&w, s->worse, 2);
        put(&w, s->fong_significant < 0 ? "-"
                : s->fong_significant ? tr(zh, "sig")
                                      : tr(zh, "ns"), 12);
        if (r->has_importance)
            put_num(&w, s->importance.mean, 2);
        end_row(&w);
    }
}

void mot_report_kano_doc(mot_doc *d, const mot_kano_result *r,
                         mot_lang lang)
{
    int zh = lang == MOT_LANG_ZH;
    mot_doc_add(d, MOT_BLOCK_HEADING,
                tr(zh, "KANO: %zu features, %zu respondents, %zu answers"),
                r->nfeatures, r->respondents, r->answers);
    mot_doc_add(d, MOT_BLOCK_FIGURE, "kano");
    kano_table(d, r, -1, lang);
    for (size_t g = 0; g < r->nsegments; g++) {
        mot_doc_add(d, MOT_BLOCK_PARA, tr(zh, "segment %s:"),
                    r->segments[g]);
        kano_table(d, r, (long)g, lang);
    }
    mot_doc_add(d, MOT_BLOCK_PARA,
                tr(zh, "A attractive, O performance (one-dimensional), "
                     "M must-be, I indifferent, R reverse, Q questionable. "
                     "* within %g percentage points of the most frequent "
                     "answer: taken by the rule M > O > A > I. strength: "
                     "share of the top category minus the next; Fong: "
                     "whether the two differ significantly. %g%% intervals "
                     "of Better and Worse: --format json."),
                100 * r->options.close, 100 * r->options.level);
}

mot_status mot_report_kano_text(FILE *f, const mot_kano_result *r,
                                const char *lang)
{
    return survey_doc(f, r, NULL, lang, 0);
}

mot_status mot_report_kano_md(FILE *f, const mot_kano_result *r,
                              const char *lang)
{
    return survey_doc(f, r, NULL, lang, 1);
}

/* ---- SERVQUAL text ---------------------------------------------------------- */

/* The gap table: one row per dimension in the data. */
static void servqual_gaps(mot_doc *d, const mot_servqual_result *r,
                          mot_lang lang)
{
    int zh = lang == MOT_LANG_ZH;
    table w;
    table_start(&w, d);
    column(&w, tr(zh, "dimension"), 0);
    column(&w, tr(zh, "items"), 1);
    column(&w, "n", 1);
    column(&w, tr(zh, "expectation"), 1);
    column(&w, tr(zh, "perception"), 1);
    column(&w, tr(zh, "gap"), 1);
    column(&w, tr(zh, "interval"), 0);
    column(&w, tr(zh, "alpha E"), 1);
    column(&w, tr(zh, "alpha P"), 1);
    end_row(&w);
    for (int i = 0; i < MOT_NDIMENSIONS; i++) {
        const mot_servqual_dim *x = &r->dims[i];
        if (!x->nitems)
            continue;
        put(&w, mot_report_dimension_word(lang, x->dimension), NAME_WIDTH);
        put_count(&w, x->nitems);
        put_count(&w, x->gap.n);
        put_num(&w, x->expectation.mean, 2);
        put_num(&w, x->perception.mean, 2);
        put_num(&w, x->gap.mean, 2);
        put_interval(&w, x->gap.lo, x->gap.hi, 2);
        put_num(&w, x->alpha_expectation.alpha, 2);
        put_num(&w, x->alpha_perception.alpha, 2);
        end_row(&w);
    }
}

/* The names of dimension x's touchpoints, "a, b", into buf. */
static void touchpoint_list(const mot_servqual_dim *x, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t t = 0; t < x->ntouchpoints && used < n; t++)
        used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                 t ? ", " : "", x->touchpoints[t].name);
}

/* True when some dimension has a touchpoint. */
static int any_touchpoints(const mot_servqual_result *r)
{
    for (int d = 0; d < MOT_NDIMENSIONS; d++)
        if (r->dims[d].ntouchpoints)
            return 1;
    return 0;
}

/* The zone, weight, importance and IPA table. */
static void servqual_zone(mot_doc *d, const mot_servqual_result *r,
                          mot_lang lang)
{
    int zh = lang == MOT_LANG_ZH, tps = any_touchpoints(r);
    table w;
    table_start(&w, d);
    column(&w, tr(zh, "dimension"), 0);
    column(&w, "MSA", 1);
    column(&w, "MSS", 1);
    column(&w, tr(zh, "zone"), 0);
    column(&w, tr(zh, "weight"), 1);
    column(&w, tr(zh, "importance"), 1);
    column(&w, tr(zh, "interval"), 0);
    column(&w, "IPA", 0);
    if (tps)
        column(&w, tr(zh, "touchpoints"), 0);
    end_row(&w);
    for (int i = 0; i < MOT_NDIMENSIONS; i++) {
        const mot_servqual_dim *x = &r->dims[i];
        char names[CELL];
        if (!x->nitems)
            continue;
        put(&w, mot_report_dimension_word(lang, x->dimension), NAME_WIDTH);
        put_num(&w, x->msa.mean, 2);
        put_num(&w, x->mss.mean, 2);
        put(&w, zone_display(zh, x->zone), NAME_WIDTH);
        put_num(&w, x->weight.mean, 2);
        put_num(&w, x->importance, 2);
        put_interval(&w, x->importance_lo, x->importance_hi, 2);
        put(&w, mot_report_ipa_word(lang, x->ipa), NAME_WIDTH);
        if (tps) {
            touchpoint_list(x, names, sizeof names);
            put(&w, x->ntouchpoints ? names : "-", 2 * NAME_WIDTH);
        }
        end_row(&w);
    }
}

/* The item table. */
static void servqual_items(mot_doc *d, const mot_servqual_result *r,
                           mot_lang lang)
{
    int zh = lang == MOT_LANG_ZH;
    table w;
    table_start(&w, d);
    column(&w, tr(zh, "item"), 0);
    column(&w, tr(zh, "dimension"), 0);
    column(&w, "n", 1);
    column(&w, tr(zh, "expectation"), 1);
    column(&w, tr(zh, "perception"), 1);
    column(&w, tr(zh, "gap"), 1);
    column(&w, tr(zh, "interval"), 0);
    end_row(&w);
    for (size_t i = 0; i < r->nitems; i++) {
        const mot_servqual_item *it = &r->items[i];
        put(&w, it->item, NAME_WIDTH);
        put(&w, mot_report_dimension_word(lang, it->dimension), NAME_WIDTH);
        put_count(&w, it->gap.n);
        put_num(&w, it->expectation.mean, 2);
        put_num(&w, it->perception.mean, 2);
        put_num(&w, it->gap.mean, 2);
        put_interval(&w, it->gap.lo, it->gap.hi, 2);
        end_row(&w);
    }
}

/* The unweighted and weighted scores with their intervals and n. */
static void servqual_scores(mot_doc *d, const mot_servqual_result *r,
                            mot_lang lang)
{
    int zh = lang == MOT_LANG_ZH;
    const mot_estimate *e[2] = {&r->unweighted, &r->weighted};
    table w;
    table_start(&w, d);
    column(&w, tr(zh, "SERVQUAL score"), 0);
    column(&w, tr(zh, "value"), 1);
    column(&w, tr(zh, "interval"), 0);
    column(&w, "n", 1);
    end_row(&w);
    for (int i = 0; i < 2; i++) {
        put(&w, i ? tr(zh, "weighted") : tr(zh, "unweighted"), NAME_WIDTH);
        put_num(&w, e[i]->mean, 3);
        put_interval(&w, e[i]->lo, e[i]->hi, 3);
        put_count(&w, e[i]->n);
        end_row(&w);
    }
}

/* What the derived importance is, with its n, R^2 and interval. */
static void derived_note(mot_doc *d, const mot_servqual_result *r, int zh)
{
    const mot_servqual_derived *dv = &r->derived;
    char ci[160];
    if (dv->bootstrap)
        snprintf(ci, sizeof ci, tr(zh, "percentile intervals from %u "
                                     "bootstrap replicates (%zu could not "
                                     "be split and were dropped)"),
                 dv->bootstrap, dv->failed);
    else
        snprintf(ci, sizeof ci, "%s", tr(zh, "no interval (no bootstrap)"));
    mot_doc_add(d, MOT_BLOCK_PARA,
                tr(zh, "Derived importance: each dimension's share of the "
                     "variance of the overall score (%s) explained by the "
                     "dimension perceptions (R² = %.3f, n = %zu), by LMG, "
                     "summing to 1; %s."),
                dv->outcome, dv->r2, dv->n, ci);
}

void mot_report_servqual_doc(mot_doc *d, const mot_servqual_result *r,
                             mot_lang lang)
{
    int zh = lang == MOT_LANG_ZH;
    mot_doc_add(d, MOT_BLOCK_HEADING,
                tr(zh, "SERVQUAL: %zu respondents, %zu items"),
                r->respondents, r->nitems);
    mot_doc_add(d, MOT_BLOCK_PARA,
                tr(zh, "Gap = perception - expectation, with %g%% intervals; "
                     "alpha: Cronbach's alpha of the expectations (E) and "
                     "of the perceptions (P)."),
                100 * r->options.level);
    mot_doc_add(d, MOT_BLOCK_FIGURE, "servqual");
    servqual_gaps(d, r, lang);
    servqual_scores(d, r, lang);
    if (r->has_zone || r->importance_source != MOT_IMPORTANCE_NONE ||
        any_touchpoints(r)) {
        servqual_zone(d, r, lang);
        if (r->has_zone)
            mot_doc_add(d, MOT_BLOCK_PARA, "%s",
                        tr(zh, "MSA = perception - adequate, MSS = "
                               "perception - desired; the zone of tolerance "
                               "lies between."));
        if (r->importance_source == MOT_IMPORTANCE_DERIVED)
            derived_note(d, r, zh);
        if (r->ipa.n)
            mot_doc_add(d, MOT_BLOCK_PARA,
                        tr(zh, "IPA: importance = %s, performance = "
                             "perception; crosshair at the %s (%.2f, %.2f), "
                             "equal counts as high."),
                        r->importance_source == MOT_IMPORTANCE_WEIGHTS
                            ? tr(zh, "weight")
                            : tr(zh, "derived"),
                        r->ipa.at_point ? tr(zh, "given point")
                                        : tr(zh, "means"),
                        r->ipa.importance, r->ipa.performance);
    }
    servqual_items(d, r, lang);
}

mot_status mot_report_servqual_text(FILE *f, const mot_servqual_result *r,
                                    const char *lang)
{
    return survey_doc(f, NULL, r, lang, 0);
}

mot_status mot_report_servqual_md(FILE *f, const mot_servqual_result *r,
                                  const char *lang)
{
    return survey_doc(f, NULL, r, lang, 1);
}
