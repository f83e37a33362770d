/*
** mot/report.h: rendering results.
**
** The moment-of-truth report (mot_report_*): the result of mot_analyse as
** the JSON object of DESIGN §4, as a terminal report or as Markdown, in
** English or Chinese. Renderers only present what the mot_analysis holds;
** they never compute statistics.
**
** Building blocks: a streaming JSON writer (mot_json) that never emits invalid JSON
** (non-finite numbers become null, strings are escaped), and terminal text
** helpers that measure display width the way a terminal does (CJK and
** other East Asian wide characters take two columns; combining marks none)
** so tables of Chinese touchpoint names line up.
**
** Renderers of analysis results (the survey instruments, below) build on
** them and only format: every number comes from the result.
**
** Both write to a stdio stream chosen by the caller. To avoid partial
** output, callers render into a memory stream (open_memstream) or a
** temporary file and publish it only when rendering succeeded; errors are
** sticky and reported once by mot_json_finish / by ferror on the stream.
*/
#ifndef MOT_REPORT_H
#define MOT_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "mot/error.h"
#include "mot/survey.h"
#include "mot/analyse.h"
#include "mot/tickets.h"
#include "mot/consistency.h"
#include "mot/behaviour.h"
#include "mot/drivers.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- JSON writer ---------------------------------------------------------- */

#define MOT_JSON_MAX_DEPTH 64

typedef struct mot_json {
    FILE *f;
    int pretty;                 /* indent two spaces per level */
    int depth;
    unsigned char first[MOT_JSON_MAX_DEPTH]; /* nothing written yet at level */
    int after_key;              /* a key was written, its value is due */
    mot_status status;          /* first failure, sticky */
} mot_json;

/* Start writing one JSON value to f. */
void mot_json_init(mot_json *j, FILE *f, int pretty);
void mot_json_begin_object(mot_json *j);
void mot_json_end_object(mot_json *j);
void mot_json_begin_array(mot_json *j);
void mot_json_end_array(mot_json *j);
/* Inside an object: the key of the next value. */
void mot_json_key(mot_json *j, const char *key);
/* A UTF-8 string (escaped per RFC 8259); NULL writes null. */
void mot_json_string(mot_json *j, const char *s);
/* A number in the shortest form that reads back to the same double
** (whole numbers below 1e15 without an exponent: 200, not 2e+02); NAN
** and infinities write null. */
void mot_json_number(mot_json *j, double x);
void mot_json_int(mot_json *j, int64_t x);
void mot_json_bool(mot_json *j, int b);
void mot_json_null(mot_json *j);
/* Members of an object: "key": x (null when not finite), "key": n, and
** "key": [lo, hi] (each end null when not finite). */
void mot_json_member_number(mot_json *j, const char *key, double x);
void mot_json_member_count(mot_json *j, const char *key, uint64_t n);
void mot_json_member_interval(mot_json *j, const char *key, double lo,
                              double hi);
/* Finish: MOT_OK, MOT_EIO if a write failed, MOT_EUSAGE if the calls did
** not form one complete value (unbalanced begin/end, a key outside an
** object, nesting deeper than MOT_JSON_MAX_DEPTH). Writes a final newline
** when pretty. */
mot_status mot_json_finish(mot_json *j);

/* ---- terminal text -------------------------------------------------------- */

/* Display width in terminal columns of the UTF-8 string s (len bytes, or
** up to NUL when len is (size_t)-1): East Asian wide and fullwidth
** characters count 2, combining marks and controls 0, others 1. Invalid
** bytes count 1 each. */
size_t mot_text_width(const char *s, size_t len);

/* Write s to f padded with spaces to `width` columns (left-aligned, or
** right-aligned when right is nonzero). Text wider than width is written
** whole. */
void mot_text_pad(FILE *f, const char *s, size_t width, int right);

/* Cut s to at most `width` display columns, ending with "…" when cut,
** never splitting a UTF-8 sequence; writes into buf (size n, NUL-ended). */
void mot_text_fit(const char *s, size_t width, char *buf, size_t n);

/* A text table: rows of cells, printed with columns aligned by display
** width. Cells are copied. */
typedef struct mot_table mot_table;

/* A table with ncols columns; right[c] nonzero right-aligns column c
** (numbers). right may be NULL. NULL if a malloc fails. */
mot_table *mot_table_new(size_t ncols, const int *right);
void mot_table_free(mot_table *t);
/* Append a row of ncols cells (NULL cells print empty). MOT_ENOMEM leaves
** the table unchanged. */
mot_status mot_table_add(mot_table *t, const char *const *cells);
/* Like mot_table_add with printf-formatted cells separated by '\t'. */
mot_status mot_table_addf(mot_table *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Print every row to f, indenting by `indent` spaces, two spaces between
** columns, the first row followed by a rule of '-' when header is set. */
void mot_table_print(const mot_table *t, FILE *f, int indent, int header);
/* Shape and contents, for renderers of other formats: rows added so far,
** columns, the cell at (row, col) (borrowed; NULL when out of range) and
** whether column col is right-aligned. */
size_t mot_table_rows(const mot_table *t);
size_t mot_table_cols(const mot_table *t);
const char *mot_table_cell(const mot_table *t, size_t row, size_t col);
int mot_table_right(const mot_table *t, size_t col);

/* ---- the moment-of-truth report ------------------------------------------ */

/* Language of display text. Identifiers (JSON keys and values such as
** "negative", touchpoint ids) are English whatever the language; notes the
** engine wrote (mot_analysis.notes) stay as written. */
typedef enum mot_lang { MOT_LANG_EN = 0, MOT_LANG_ZH } mot_lang;

/* The whole analysis of project p (the project a was computed from) as one
** JSON object with the keys of DESIGN §4 that the analysis computes ("kano"
** and "servqual" as mot_report_kano_json / mot_report_servqual_json write
** them, when a holds them), plus the touchpoints' importance-performance
** grid, the sample sizes, intervals, methods and notes the contract leaves
** out (docs/report.md lists every key). Non-finite numbers are null. pretty
** indents two spaces per level and ends with a newline. Returns MOT_OK,
** MOT_ENOMEM, or MOT_EIO if writing to f failed. */
mot_status mot_report_json(const mot_project *p, const mot_analysis *a,
                           FILE *f, int pretty);

/* The analysis as a report for a terminal: the moments of truth in plain
** words (best first, with their numbers and intervals, and the KANO
** category and SERVQUAL zone tied to the touchpoint), then tables of the
** touchpoints (blueprint order, columns aligned by display width), their
** importance-performance grid, tolerance lines, peak-end, the KANO and
** SERVQUAL sections of mot_report_kano_text / mot_report_servqual_text,
** recommendations, notes and sample sizes.
** Returns MOT_OK, MOT_ENOMEM, or MOT_EIO if writing to f failed. */
mot_status mot_report_text(const mot_project *p, const mot_analysis *a,
                           FILE *f, mot_lang lang);

/* The same sections as mot_report_text, as Markdown (headings, numbered
** lists, pipe tables). Same returns. */
mot_status mot_report_md(const mot_project *p, const mot_analysis *a,
                         FILE *f, mot_lang lang);

/* The same sections again as one self-contained HTML page (no network
** fetches: inline style sheet and SVG, no script): each chart (mot/charts.h)
** drawn above the table of its numbers, and the service blueprint with
** the moments of truth in the first section; readable on a screen and
** printable to A4. tk (may be NULL) is the project's tickets analysis, for
** the blueprint's fail and wait points (mot/blueprint_svg.h). Same
** returns. */
mot_status mot_report_html(const mot_project *p, const mot_analysis *a,
                           const mot_tickets_result *tk, FILE *f,
                           mot_lang lang);

/* Only the peak-end comparison (`mot peakend`): as JSON the object the
** full report has under "peak_end"; as text or Markdown its section.
** Same returns as the functions above. */
mot_status mot_report_peak_end_json(const mot_project *p,
                                    const mot_analysis *a, FILE *f,
                                    int pretty);
mot_status mot_report_peak_end_text(const mot_project *p,
                                    const mot_analysis *a, FILE *f,
                                    mot_lang lang);
mot_status mot_report_peak_end_md(const mot_project *p,
                                  const mot_analysis *a, FILE *f,
                                  mot_lang lang);

/* ---- survey instruments (survey.c) ---------------------------------------- */

/* Write the KANO result as one JSON value: the object of DESIGN 4's
** "kano" key ({"features": [...], ...}; keys in docs/formats.md), so that
** `mot kano` prints it alone and `mot analyze` puts it after
** mot_json_key(j, "kano"). Failures stick in j (mot_json_finish). */
void mot_report_kano_json(mot_json *j, const mot_kano_result *r);

/* The same for SERVQUAL: the object of the "servqual" key. */
void mot_report_servqual_json(mot_json *j, const mot_servqual_result *r);

/* Write the result as text for a terminal: aligned tables and a legend,
** in Chinese when lang is "zh", else in English. Returns MOT_OK, MOT_ENOMEM
** or MOT_EIO (a write to f failed). */
mot_status mot_report_kano_text(FILE *f, const mot_kano_result *r,
                                const char *lang);
mot_status mot_report_servqual_text(FILE *f, const mot_servqual_result *r,
                                    const char *lang);
/* The same reports as Markdown (headings, pipe tables). */
mot_status mot_report_kano_md(FILE *f, const mot_kano_result *r,
                              const char *lang);
mot_status mot_report_servqual_md(FILE *f, const mot_servqual_result *r,
                                  const char *lang);

/* ---- tickets and service recovery (tickets.c) ---------------------------- */

/* Write the tickets result as one JSON value: the object of DESIGN 4's
** "tickets" key (keys in docs/report.md), so that `mot tickets` prints it
** alone and `mot analyze` can put it after mot_json_key(j, "tickets").
** Failures stick in j (mot_json_finish). */
void mot_report_tickets_json(mot_json *j, const mot_tickets_result *r);

/* The tickets result as a terminal report in lang: a summary, tables by
** touchpoint, category, branch and staff, the Pareto of categories, the
** recovery groups and tests, and notes. Returns MOT_OK, MOT_ENOMEM or
** MOT_EIO (a write to f failed). */
mot_status mot_report_tickets_text(FILE *f, const mot_tickets_result *r,
                                   mot_lang lang);

/* The same object with the keys "consistency", "expectation" and
** "trends" of c (docs/report.md) before "methods"; c may be NULL (then
** it is mot_report_tickets_json). */
void mot_report_tickets_json_with(mot_json *j, const mot_tickets_result *r,
                                  const mot_consistency_result *c);

/* The `mot tickets` report in lang, as text for a terminal (markdown 0)
** or as Markdown (1): the tickets sections of r, then, when c is not
** NULL, consistency across staff and branches, expectation against
** experience, trends and the before/after comparison. MOT_OK, MOT_ENOMEM
** or MOT_EIO. */
mot_status mot_report_tickets_render(FILE *f, const mot_tickets_result *r,
                                     const mot_consistency_result *c,
                                     mot_lang lang, int markdown);

/* ---- drivers of a wide table (drivers.c) -------------------------------- */

/* The `mot drivers` result d as a report in lang, for a terminal or as
** Markdown: the model, the terms' table (importance, odds ratio or beta,
** intervals, p, tolerance line), the notes. MOT_OK, MOT_ENOMEM, MOT_EIO. */
mot_status mot_report_drivers_text(FILE *f, const mot_drivers *d,
                                   mot_lang lang);
mot_status mot_report_drivers_md(FILE *f, const mot_drivers *d,
                                 mot_lang lang);

/* ---- front-line behaviour (behaviour.c) --------------------------------- */

/* Write the behaviour result as one JSON object (keys in docs/report.md:
** steps, staff, training). Failures stick in j (mot_json_finish). */
void mot_report_behaviour_json(mot_json *j, const mot_behaviour_result *r);

/* The behaviour result as a terminal report in lang: steps, the staff
** and branches ranked with their shrunken shares and coaching priority,
** and the training effect. Returns MOT_OK, MOT_ENOMEM or MOT_EIO. */
mot_status mot_report_behaviour_text(FILE *f, const mot_behaviour_result *r,
                                     mot_lang lang);
/* The same report as Markdown. */
mot_status mot_report_behaviour_md(FILE *f, const mot_behaviour_result *r,
                                   mot_lang lang);

#ifdef __cplusplus
}
#endif
#endif /* MOT_REPORT_H */
