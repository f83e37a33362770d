/*
** internal.h: how the report module renders a moment-of-truth analysis.
**
** The text and Markdown reports say the same things in the same order, so
** their content is built once (analysis_doc.c) as a small document model,
** a list of blocks (title, headings, paragraphs, numbered and bulleted
** items, tables), and each format only lays blocks out: analysis_text.c
** for a terminal (wrapped prose, tables aligned by display width),
** analysis_md.c as Markdown. The JSON report (analysis_json.c) writes the
** result directly. All display text comes from one table of English
** messages (i18n.c) and its gettext catalog of translations (po/zh_CN.po).
*/
#ifndef MOT_REPORT_INTERNAL_H
#define MOT_REPORT_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include "mot/report.h"

/* ---- messages (i18n.c) ----------------------------------------------------- */

/* The display text of message `key` in lang. Messages with arguments are
** printf formats whose conversions are all strings (%s, or %1$s ... by
** position), taking the same arguments in both languages. An unknown key is a programming error (assert); with NDEBUG
** it returns the key itself. */
const char *mot_tr(mot_lang lang, const char *key);

/* The translation into lang of English text that is a gettext msgid
** without context (the survey reports mark theirs with tr() and N_()); the
** text itself when lang is English or the catalog has no translation. */
const char *mot_tr_text(mot_lang lang, const char *english);

/* The display text in lang of an interval method that the analyses name
** ("percentile Poisson bootstrap (200)"), written into buf (size n); m
** itself when it is not one of those. */
const char *mot_interval_method_text(mot_lang lang, const char *m,
                                     char *buf, size_t n);

/* Marks a string literal for xgettext (po/update.sh) where it is not an
** argument of a translating call, e.g. in a table. */
#define N_(s) s

/* The message table, for tests: entry i (0 <= i < mot_tr_count()) as its
** key, English text and Chinese text from the catalog (NULL when the
** catalog has no translation of it; mot_tr then falls back to English). */
size_t mot_tr_count(void);
void mot_tr_entry(size_t i, const char **key, const char **en,
                  const char **zh);

/* ---- the document model (doc.c) ------------------------------------------ */

typedef enum mot_block_kind {
    MOT_BLOCK_TITLE,      /* the report's title, once, first */
    MOT_BLOCK_HEADING,    /* a section */
    MOT_BLOCK_PARA,       /* a paragraph of prose */
    MOT_BLOCK_ITEM,       /* an item of a numbered list (numbered from 1
                             in each run of consecutive items) */
    MOT_BLOCK_BULLET,     /* an item of a bulleted list */
    MOT_BLOCK_TABLE,      /* a table whose first row is its header */
    MOT_BLOCK_FIGURE      /* a chart: text is its id ("curve", "ipa" ...,
                             html.c's table of charts); only the HTML
                             layout draws it, the others skip it, so the
                             text and Markdown keep the same sections and
                             tables as the HTML, without the drawings */
} mot_block_kind;

typedef struct mot_block {
    mot_block_kind kind;
    char *text;           /* every kind but TABLE */
    mot_table *table;     /* TABLE */
} mot_block;

typedef struct mot_doc {
    mot_block *block;
    size_t n, cap;
    mot_status status;    /* MOT_ENOMEM once a malloc failed, sticky */
} mot_doc;

void mot_doc_init(mot_doc *d);
void mot_doc_free(mot_doc *d);
/* Append a block of the given kind (not TABLE) whose text is printf-
** formatted. A failed malloc sets d->status and appends nothing. */
void mot_doc_add(mot_doc *d, mot_block_kind kind, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Append a table of ncols columns (right[c] nonzero right-aligns column
** c) and return it for mot_doc_row; NULL (and d->status set) if a malloc
** failed. */
mot_table *mot_doc_table(mot_doc *d, size_t ncols, const int *right);
/* Append a row of cells to table t of d; a NULL t (a table that could not
** be made) is ignored. A failed malloc sets d->status. */
void mot_doc_row(mot_doc *d, mot_table *t, const char *const *cells);
/* Layout rules both formats follow: whether a blank line goes before
** block i (between blocks, not between the items of one list; never
** before a figure, which the text formats skip), and the number of item i
** in its list (from 1). */
int mot_doc_blank_before(const mot_doc *d, size_t i);
int mot_doc_item_number(const mot_doc *d, size_t i);

/* ---- numbers (analysis_doc.c) -------------------------------------------- */

/* x with the given decimals into buf (size n), returned; "-" when x is not
** finite; a value that rounds to zero has no sign ("0.00", not "-0.00"). */
const char *mot_report_fixed(char *buf, size_t n, double x, int decimals);

/* A p-value for a table cell, into buf (size n), returned: "< 0.001" or
** three decimals ("0.012"); "-" when not finite. */
const char *mot_report_pval(char *buf, size_t n, double p);

/* Text cells and lines of the command reports (tickets.c; used by
** behaviour.c too): x with digits decimals ("-" when NAN); x as a whole
** percentage ("-" when NAN); "[lo, hi]" in either form ("" when both ends
** are NAN); "x [lo, hi]" in one cell; a printf line of mot_tr(lang, key)
** with string arguments; a heading underlined to its display width. */
const char *mot_report_num(char *buf, size_t n, double x, int digits);
const char *mot_report_pct(char *buf, size_t n, double x);
const char *mot_report_ci(char *buf, size_t n, double lo, double hi,
                          int digits, int pct);
const char *mot_report_est(char *buf, size_t n, double x, double lo,
                           double hi, int digits, int pct);
void mot_report_say(FILE *f, mot_lang lang, const char *key, ...);
void mot_report_heading(FILE *f, mot_lang lang, const char *key);

/* ---- laying a document out ----------------------------------------------- */

/* A format's layout of a whole document on f: MOT_OK or MOT_EIO. */
typedef mot_status (*mot_doc_layout)(const mot_doc *d, FILE *f);

/* For a terminal (analysis_text.c) and as Markdown (analysis_md.c). */
mot_status mot_doc_layout_text(const mot_doc *d, FILE *f);
mot_status mot_doc_layout_md(const mot_doc *d, FILE *f);

/* ---- the survey instruments as content (survey.c) ------------------------ */

/* Append to d the KANO result r as `mot kano` shows it: a heading with
** the counts, the features' table (and one per segment), a legend. */
void mot_report_kano_doc(mot_doc *d, const mot_kano_result *r,
                         mot_lang lang);

/* Append to d the SERVQUAL result r as `mot servqual` shows it: a heading
** with the counts, the dimensions' gaps, the scores, the zone of
** tolerance, weights, IPA and touchpoints (when any is known), the items. */
void mot_report_servqual_doc(mot_doc *d, const mot_servqual_result *r,
                             mot_lang lang);

/* ---- front-line behaviour as content (behaviour.c) ------------------------ */

/* Append to d the behaviour result r as `mot behaviour` shows it: its
** title (a section heading when section is set, as in the analysis
** report), the summary, the steps, the staff and branch profiles and the
** training effect. */
void mot_report_behaviour_doc(mot_doc *d, const mot_behaviour_result *r,
                              mot_lang lang, int section);

/* ---- tickets as content (tickets.c) -------------------------------------- */

/* Append to d the tickets result r (and, when c is not NULL, consistency,
** expectation and trends) as `mot tickets` shows them: its title (a
** section heading when section is set, as in the analysis report), the
** summary, the tables by touchpoint, category, branch and staff, the
** Pareto of categories, service recovery, the consistency sections and
** the notes. */
void mot_report_tickets_doc(mot_doc *d, const mot_tickets_result *r,
                            const mot_consistency_result *c, mot_lang lang,
                            int section);

/* Display words shared by the survey tables and the analysis report: a
** KANO category ("must-be", "必备"; "-" for none), a SERVQUAL dimension,
** an IPA quadrant ("concentrate here", "重点改进"; "-" for none). */
const char *mot_report_kano_word(mot_lang lang, mot_kano_category c);
const char *mot_report_dimension_word(mot_lang lang, mot_dimension d);
const char *mot_report_ipa_word(mot_lang lang, mot_ipa_quadrant q);

/* ---- JSON pieces shared by the reports (analysis_json.c) ----------------- */

/* "flags": the names of the MOT_LOGIT_* flags set in f, as an array. */
void mot_report_logit_flags_json(mot_json *j, unsigned f);

/* A tolerance line as an object (DESIGN §4 keys: churn_beyond and
** churn_within are the rates of the line's `outcome`), null when none was
** found; p_holm is its p-value adjusted once more with every other test of
** the typing (NAN for lines that are not typed, such as those of customer
** columns or of `mot drivers`). */
void mot_report_line_json(mot_json *j, const mot_tolerance *l, double p_holm);

/* ---- building the content (analysis_doc.c) ------------------------------- */

/* Append the whole report of analysis a of project p in lang to d (the
** content every layout shares, figures included). */
void mot_report_doc(mot_doc *d, const mot_project *p, const mot_analysis *a,
                    mot_lang lang);

/* Build the report of analysis a of project p in lang (the whole report,
** or only its peak-end section when peak_end_only is set) and lay it out
** on f. Returns MOT_OK, MOT_ENOMEM or the layout's MOT_EIO. */
mot_status mot_report_render(const mot_project *p, const mot_analysis *a,
                             mot_lang lang, int peak_end_only,
                             mot_doc_layout layout, FILE *f);

/* Touchpoints with a nonzero count, most first (ties in blueprint order):
** writes their indexes into idx (room for ntp) and returns how many.
** counts may be NULL (none). Shared by the JSON and text reports so both
** name the same peak and end touchpoints. */
size_t mot_report_rank_counts(const size_t *counts, size_t ntp, size_t *idx);

/* ---- journeys (journeys.c) ---------------------------------------------- */

/* The "journeys" member of the analysis JSON object (nothing when
** a->journeys is NULL), and its section of the text and Markdown reports
** (nothing when no customer has events). */
void mot_report_journeys_json(mot_json *j, const mot_project *p,
                              const mot_analysis *a);
void mot_report_journeys_doc(mot_doc *d, const mot_project *p,
                             const mot_analysis *a, mot_lang lang);

/* ---- segments (segments.c) ----------------------------------------------- */

/* The "segments" member of the analysis JSON object and its section of the
** text and Markdown reports; nothing when a->segments is NULL. */
void mot_report_segments_json(mot_json *j, const mot_project *p,
                              const mot_analysis *a);
void mot_report_segments_doc(mot_doc *d, const mot_project *p,
                             const mot_analysis *a, mot_lang lang);

#endif /* MOT_REPORT_INTERNAL_H */
