/*
** mot/svg.h: the chart module, a small SVG writer with scales, axes and
** text layout, shared by the service blueprint and the report's charts.
**
** Writing: mot_svg_begin opens a document (viewBox, an embedded style
** sheet), the element functions write one element each with every piece
** of text escaped for XML (&, <, >, quotes; control characters dropped;
** invalid UTF-8 bytes written as U+FFFD), so the output always parses as
** XML; mot_svg_end closes it and reports the first failure. Numbers are
** written with at most two decimals and no trailing zeros, so output is
** the same on every platform (golden files).
**
** Scales and axes: a linear scale maps a domain interval onto a range of
** pixels; mot_svg_ticks chooses "nice" tick values (1, 2 or 5 times a
** power of ten) and mot_svg_axis draws an axis with them.
**
** Text layout without a font engine: the width of a string is estimated
** from its display width in columns (mot_text_width: CJK and other wide
** characters take two columns) times MOT_SVG_COLUMN_EM of the font size:
** a generous average for sans-serif Latin letters, and 1.2 em for a CJK
** character, a little over its real 1 em. mot_svg_wrap breaks
** text into lines that fit a width: at spaces, and between CJK characters
** (which need no spaces), cutting a word that fits no line between
** characters; it never splits a UTF-8 sequence.
**
** Errors are sticky: element functions do nothing after a failure, and
** mot_svg_end returns it.
*/
#ifndef MOT_SVG_H
#define MOT_SVG_H

#include <stddef.h>
#include <stdio.h>
#include "mot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- writing ------------------------------------------------------------ */

#define MOT_SVG_MAX_DEPTH 32

typedef struct mot_svg {
    FILE *f;
    int depth;                /* open groups (and defs) */
    mot_status status;        /* first failure, sticky */
} mot_svg;

/* Start a document of width x height user units (also its viewBox) on f,
** with the CSS text `style` (may be NULL) in a <style> element. */
void mot_svg_begin(mot_svg *s, FILE *f, double width, double height,
                   const char *style);
/* Close the document. Returns MOT_OK, MOT_EIO if a write to f failed, or
** MOT_EUSAGE if groups were left open or closed too often. */
mot_status mot_svg_end(mot_svg *s);

/* Open and close a group <g>; cls is its class attribute (NULL: none).
** Groups nest up to MOT_SVG_MAX_DEPTH. */
void mot_svg_group(mot_svg *s, const char *cls);
void mot_svg_group_end(mot_svg *s);
/* A <title> (a tooltip in browsers) for the enclosing group. */
void mot_svg_title(mot_svg *s, const char *text);
/* Define an arrowhead marker with this id and class, to be named by
** mot_svg_path's marker_end. */
void mot_svg_arrow_marker(mot_svg *s, const char *id, const char *cls);

/* Shapes; cls is the class attribute (NULL: none). rx rounds corners. */
void mot_svg_rect(mot_svg *s, double x, double y, double w, double h,
                  double rx, const char *cls);
void mot_svg_line(mot_svg *s, double x1, double y1, double x2, double y2,
                  const char *cls);
void mot_svg_circle(mot_svg *s, double cx, double cy, double r,
                    const char *cls);
/* A path with data d (SVG path syntax, written as given after escaping)
** ending in the marker of id marker_end (NULL: none). */
void mot_svg_path(mot_svg *s, const char *d, const char *marker_end,
                  const char *cls);

typedef enum mot_svg_anchor {
    MOT_SVG_START = 0, MOT_SVG_MIDDLE, MOT_SVG_END
} mot_svg_anchor;

/* Text at baseline (x, y); len bytes of text, or up to NUL when len is
** (size_t)-1. */
void mot_svg_text(mot_svg *s, double x, double y, mot_svg_anchor anchor,
                  const char *cls, const char *text, size_t len);

/* Write len bytes of text (up to NUL when len is (size_t)-1) escaped for
** XML character data and attribute values. Returns nonzero if f is in
** error afterwards. */
int mot_svg_escape(FILE *f, const char *text, size_t len);

/* Write x as SVG does it here: rounded to two decimals, without trailing
** zeros ("12", "3.5", "-0.25"); non-finite numbers are written as 0. */
void mot_svg_number(FILE *f, double x);

/* ---- scales and axes ---------------------------------------------------- */

/* A linear map from the domain [d0, d1] onto the range [r0, r1]. */
typedef struct mot_svg_scale {
    double d0, d1, r0, r1;
} mot_svg_scale;

/* Where x of the domain falls in the range (extrapolated outside it); the
** middle of the range when the domain is empty (d0 == d1). */
double mot_svg_scale_map(const mot_svg_scale *sc, double x);

/* Up to max tick values, about `count` of them, at round steps (1, 2 or 5
** times a power of ten) inside [lo, hi], in increasing order, written to
** ticks. Returns how many were written; 0 when the interval is not finite
** or empty, or count or max is 0. */
size_t mot_svg_ticks(double lo, double hi, size_t count, double *ticks,
                       size_t max);

typedef enum mot_svg_side { MOT_SVG_BOTTOM = 0, MOT_SVG_LEFT } mot_svg_side;

/* An axis for scale sc: a line along its range at `pos` (the y of a
** bottom axis, the x of a left one), about `count` ticks with labels
** printed by printf format fmt (one double, e.g. "%.1f"), and ticks
** pointing away from the plot. cls classes the group. */
void mot_svg_axis(mot_svg *s, const mot_svg_scale *sc, mot_svg_side side,
                  double pos, size_t count, const char *fmt, const char *cls);

/* ---- text layout -------------------------------------------------------- */

/* Estimated width of one display column, in em (font sizes). */
#define MOT_SVG_COLUMN_EM 0.6

/* Estimated width in user units of len bytes of text (to NUL when len is
** (size_t)-1) at font size font_size. */
double mot_svg_text_width(const char *text, size_t len, double font_size);

/* One line of wrapped text: len bytes from text + start. */
typedef struct mot_svg_span {
    size_t start, len;
} mot_svg_span;

/* Break text into lines no wider than width at font_size: at spaces
** (which are dropped at line ends), before and after wide (CJK)
** characters, and, for a word wider than a line, between characters.
** A line holds at least one character, so a character wider than width
** makes a line of its own. Writes up to max lines to lines and returns
** the number of lines the text needs (0 for empty or blank text), which
** is at most the number of characters; call again with more room when it
** is above max. lines may be NULL when max is 0 (to count). */
size_t mot_svg_wrap(const char *text, double font_size, double width,
                    mot_svg_span *lines, size_t max);

#ifdef __cplusplus
}
#endif
#endif /* MOT_SVG_H */
