/*
** charts.c: the report's charts (mot/charts.h), drawn with the chart
** module (mot/svg.h).
**
** Every chart follows one pattern: decide whether there is anything to
** draw (else MOT_ENOENT before writing a byte), size the drawing from what
** there is (a slot per touchpoint, a row per bar, a panel per line), map
** the analysis's numbers through linear scales, draw, and finish with a
** legend row. The numbers are the analysis's own: a chart positions them,
** it never derives a statistic from them. Labels are cut to the room they
** have (fit_text) and the whole text goes into a tooltip.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/charts.h"
#include "mot/svg.h"
#include "report/internal.h"

#define FS 11.0               /* labels */
#define FS_SMALL 10.0
#define LEAD 1.3

static const char style[] =
    "text{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"WenQuanYi Zen Hei\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\","
    "\"PingFang SC\",sans-serif;"
    "fill:#222;font-size:11px}\n"
    ".c-axis line,.c-axis path{stroke:#6b7785;stroke-width:1}\n"
    ".c-axis text{font-size:10px;fill:#444}\n"
    ".c-small{font-size:10px;fill:#444}\n"
    ".c-strong{font-weight:bold}\n"
    ".c-grid{stroke:#e3e8ee;stroke-width:1}\n"
    ".c-stage{fill:#f4f7fa}\n.c-stage2{fill:#e9eff5}\n"
    ".c-below{fill:#fbe3e0;opacity:.8}\n"
    ".c-target{stroke:#1e8449;stroke-width:1.5;stroke-dasharray:5 3}\n"
    ".c-curve{fill:none;stroke:#2e86c1;stroke-width:2}\n"
    ".c-ci{stroke:#34495e;stroke-width:1.3}\n"
    ".c-pt{fill:#2e86c1;stroke:#fff;stroke-width:1.5}\n"
    ".c-negative{fill:#c0392b}\n.c-positive{fill:#1e8449}\n"
    ".c-hygiene{fill:#d68910}\n.c-none{fill:#2e86c1}\n"
    ".c-bubble{fill-opacity:.55;stroke:#fff;stroke-width:1}\n"
    ".c-cross{stroke:#7f8c8d;stroke-width:1;stroke-dasharray:4 3}\n"
    ".c-quad{font-size:11px;fill:#7f8c8d;font-style:italic}\n"
    ".c-bar{fill:#5dade2}\n.c-bar.c-win{fill:#2e86c1}\n"
    ".c-bar.c-negative{fill:#c0392b}\n.c-bar.c-positive{fill:#1e8449}\n"
    ".c-bar.c-hygiene{fill:#d68910}\n"
    ".c-gapneg{fill:#e6a19a}\n.c-gappos{fill:#8fd1a8}\n"
    ".c-zone{fill:#d5f5e3;stroke:#1e8449;stroke-width:1}\n"
    ".c-zero{stroke:#2c3e50;stroke-width:1.2}\n"
    ".c-rate{stroke:#c0392b;stroke-width:3}\n"
    ".c-rate.c-within{stroke:#2e86c1}\n"
    ".c-line{stroke:#2c3e50;stroke-width:1.5;stroke-dasharray:6 3}\n"
    ".c-mark{font-size:10px;font-weight:bold;fill:#2c3e50}\n";

/* ---- helpers ------------------------------------------------------------- */

/* s cut with "…" to fit `width` user units at font size fs, into buf. */
static const char *fit_text(char *buf, size_t n, const char *s, double width,
                            double fs)
{
    double cols = width / (fs * MOT_SVG_COLUMN_EM);
    mot_text_fit(s, cols < 2 ? 2 : (size_t)cols, buf, n);
    return buf;
}

static double dmin(double a, double b) { return a < b ? a : b; }
static double dmax(double a, double b) { return a > b ? a : b; }

/* A left or bottom axis with light grid lines across the plot. */
static void grid(mot_svg *s, const mot_svg_scale *sc, mot_svg_side side,
                 double from, double to, size_t count)
{
    double t[16];
    size_t k = mot_svg_ticks(dmin(sc->d0, sc->d1), dmax(sc->d0, sc->d1),
                             count, t, 16);
    for (size_t i = 0; i < k; i++) {
        double v = mot_svg_scale_map(sc, t[i]);
        if (side == MOT_SVG_LEFT)
            mot_svg_line(s, from, v, to, v, "c-grid");
        else
            mot_svg_line(s, v, from, v, to, "c-grid");
    }
}

static const char *kind_cls(mot_kind k)
{
    switch (k) {
    case MOT_KIND_NEGATIVE: return "c-negative";
    case MOT_KIND_POSITIVE: return "c-positive";
    case MOT_KIND_HYGIENE: return "c-hygiene";
    default: return "c-none";
    }
}

#define LEGEND_ROW 16.0

/* A legend from x0 with its first row's baseline at y: swatch classes and
** message keys, n of them; a swatch class starting with "l:" is drawn as
** a line. An entry that would pass maxx starts a new row below. Returns
** the number of rows; with s NULL, only counts them. */
static size_t legend(mot_svg *s, double x0, double y, double maxx,
                     mot_lang lang, const char *const *cls,
                     const char *const *keys, size_t n)
{
    double x = x0;
    size_t rows = 1;
    for (size_t i = 0; i < n; i++) {
        const char *t = mot_tr(lang, keys[i]);
        double w = 20 + mot_svg_text_width(t, (size_t)-1, FS_SMALL);
        if (x > x0 && x + w > maxx) {
            x = x0;
            y += LEGEND_ROW;
            rows++;
        }
        if (s && strncmp(cls[i], "l:", 2) == 0)
            mot_svg_line(s, x, y - 4, x + 16, y - 4, cls[i] + 2);
        else if (s)
            mot_svg_rect(s, x, y - 10, 12, 12, 2, cls[i]);
        if (s)
            mot_svg_text(s, x + 20, y, MOT_SVG_START, "c-small", t,
                         (size_t)-1);
        x += w + 18;
    }
    return rows;
}

/* Finish writing: the svg's status, or MOT_EIO when f failed. */
static mot_status finish(mot_svg *s)
{
    mot_status st = mot_svg_end(s);
    if (st == MOT_OK && ferror(s->f))
        st = MOT_EIO;
    return st;
}

/* A point with a tooltip. */
static void point(mot_svg *s, double x, double y, double r, const char *cls,
                  const char *tip)
{
    mot_svg_group(s, NULL);
    mot_svg_title(s, tip);
    mot_svg_circle(s, x, y, r, cls);
    mot_svg_group_end(s);
}

/* Labels placed so far in a scatter chart, to keep new ones off them. */
#define MAX_LABELS 256
typedef struct labels {
    double x[MAX_LABELS], y[MAX_LABELS], w[MAX_LABELS], h[MAX_LABELS];
    size_t n;
    double x0, y0, x1, y1;    /* the plot: labels stay inside */
} labels;

/* Place text (already fitted) next to a point at (cx, cy) of radius r:
** right of it, else left, above or below, wherever it meets no label
** placed before and stays in the plot; no label when there is no room
** (the point's tooltip names it). */
static void place_label(mot_svg *s, labels *lb, double cx, double cy,
                        double r, const char *text)
{
    double w = mot_svg_text_width(text, (size_t)-1, FS_SMALL), h = FS_SMALL;
    const double cand[4][2] = {{cx + r + 3, cy - h / 2},
                               {cx - r - 3 - w, cy - h / 2},
                               {cx - w / 2, cy - r - 2 - h},
                               {cx - w / 2, cy + r + 2}};
    for (size_t k = 0; k < 4 && lb->n < MAX_LABELS; k++) {
        double x = cand[k][0], y = cand[k][1];
        if (x < lb->x0 || x + w > lb->x1 || y < lb->y0 || y + h > lb->y1)
            continue;
        int clash = 0;
        for (size_t i = 0; i < lb->n && !clash; i++)
            clash = x < lb->x[i] + lb->w[i] && lb->x[i] < x + w &&
                    y < lb->y[i] + lb->h[i] && lb->y[i] < y + h;
        if (clash)
            continue;
        lb->x[lb->n] = x;
        lb->y[lb->n] = y;
        lb->w[lb->n] = w;
        lb->h[lb->n++] = h;
        mot_svg_text(s, x, y + 0.85 * h, MOT_SVG_START, "c-small", text,
                     (size_t)-1);
        return;
    }
}

/* ---- the emotion curve ---------------------------------------------------- */

#define CV_ML 48.0
#define CV_MR 16.0
#define CV_MT 34.0
#define CV_PH 240.0
#define CV_LINES 3

/* The touchpoint most often at a place of the journey (counts), or -1. */
static long top_of(const size_t *counts, size_t ntp)
{
    long best = -1;
    for (size_t i = 0; counts && i < ntp; i++)
        if (counts[i] > 0 && (best < 0 || counts[i] > counts[best]))
            best = (long)i;
    return best;
}

mot_status mot_chart_curve(FILE *f, const mot_project *p,
                           const mot_analysis *a, mot_lang lang)
{
    size_t n = a->ntp, shown = 0;
    for (size_t i = 0; i < n; i++)
        shown += isfinite(a->tp[i].mean);
    if (shown == 0)
        return MOT_ENOENT;
    static const char *const lg_cls[] = {"c-pt c-none", "c-below",
                                         "l:c-target", "c-pt c-negative",
                                         "c-pt c-positive", "c-pt c-hygiene"};
    static const char *const lg_keys[] = {"chart.lg.mean", "chart.lg.below",
                                          "chart.lg.target",
                                          "chart.lg.negative",
                                          "chart.lg.positive",
                                          "chart.lg.hygiene"};
    double sw = dmax(64, dmin(110, 660.0 / (double)n));
    double w = CV_ML + (double)n * sw + CV_MR;
    double label_h = CV_LINES * FS * LEAD;
    double axis_y = CV_MT + CV_PH;
    size_t lg_rows = legend(NULL, 8, 0, w - 8, lang, lg_cls, lg_keys, 6);
    double lg_y = axis_y + 10 + label_h + 24;
    double h = lg_y + (double)(lg_rows - 1) * LEGEND_ROW + 10;
    mot_svg s;
    mot_svg_begin(&s, f, w, h, style);
    mot_svg_scale y = {p->config.scale.min, p->config.scale.max, axis_y,
                       CV_MT};
    const mot_blueprint *b = &p->blueprint;
    char buf[512], tip[768], v[32], lo[32], hi[32];

    /* stages, shaded in turn, labelled at the top */
    for (size_t i = 0, k = 0; i < n; k++) {
        size_t j = i;
        while (j < n && b->tp[a->tp[j].tp].stage_index ==
                            b->tp[a->tp[i].tp].stage_index)
            j++;
        double x0 = CV_ML + (double)i * sw, x1 = CV_ML + (double)j * sw;
        mot_svg_rect(&s, x0, CV_MT - 22, x1 - x0, CV_PH + 22, 0,
                     k % 2 ? "c-stage2" : "c-stage");
        mot_svg_text(&s, (x0 + x1) / 2, CV_MT - 8, MOT_SVG_MIDDLE,
                     "c-small c-strong",
                     fit_text(buf, sizeof buf, b->tp[a->tp[i].tp].stage,
                              x1 - x0 - 6, FS_SMALL),
                     (size_t)-1);
        i = j;
    }
    grid(&s, &y, MOT_SVG_LEFT, CV_ML, w - CV_MR, 5);

    /* below-tolerance band and target, per slot */
    for (size_t i = 0; i < n; i++) {
        const mot_tp_result *r = &a->tp[i];
        double x0 = CV_ML + (double)i * sw;
        if (isfinite(r->tolerance)) {
            double ty = mot_svg_scale_map(&y, r->tolerance);
            mot_svg_rect(&s, x0, ty, sw, axis_y - ty, 0, "c-below");
        }
        if (isfinite(r->target)) {
            double gy = mot_svg_scale_map(&y, r->target);
            mot_svg_line(&s, x0 + 2, gy, x0 + sw - 2, gy, "c-target");
        }
    }

    /* the curve through the means */
    char *d = NULL;
    size_t dlen = 0;
    FILE *m = open_memstream(&d, &dlen);
    if (!m) {
        s.status = MOT_ENOMEM;
    } else {
        int first = 1;
        for (size_t i = 0; i < n; i++)
            if (isfinite(a->tp[i].mean)) {
                fprintf(m, "%s%.1f %.1f", first ? "M" : "L",
                        CV_ML + ((double)i + 0.5) * sw,
                        mot_svg_scale_map(&y, a->tp[i].mean));
                first = 0;
            }
        if (fclose(m) != 0)
            s.status = MOT_ENOMEM;
        else if (shown > 1)
            mot_svg_path(&s, d, NULL, "c-curve");
        free(d);
    }

    /* intervals, points and marks */
    long worst = top_of(a->peak_end.worst_count, n);
    long best = top_of(a->peak_end.best_count, n);
    long end = top_of(a->peak_end.end_count, n);
    for (size_t i = 0; i < n; i++) {
        const mot_tp_result *r = &a->tp[i];
        const mot_touchpoint *t = &b->tp[r->tp];
        double cx = CV_ML + ((double)i + 0.5) * sw;
        if (isfinite(r->mean)) {
            double cy = mot_svg_scale_map(&y, r->mean);
            double top = cy;
            if (isfinite(r->mean_lo) && isfinite(r->mean_hi)) {
                double y0 = mot_svg_scale_map(&y, r->mean_lo);
                double y1 = mot_svg_scale_map(&y, r->mean_hi);
                mot_svg_line(&s, cx, y0, cx, y1, "c-ci");
                mot_svg_line(&s, cx - 4, y0, cx + 4, y0, "c-ci");
                mot_svg_line(&s, cx - 4, y1, cx + 4, y1, "c-ci");
                top = y1;
            }
            snprintf(tip, sizeof tip, mot_tr(lang, "chart.tip.mean"), t->name,
                     mot_report_fixed(v, sizeof v, r->mean, 2),
                     mot_report_fixed(lo, sizeof lo, r->mean_lo, 2),
                     mot_report_fixed(hi, sizeof hi, r->mean_hi, 2));
            char cls[40];
            snprintf(cls, sizeof cls, "c-pt %s", kind_cls(r->kind));
            point(&s, cx, cy, r->kind != MOT_KIND_NONE ? 6 : 4.5, cls, tip);
            /* worst / best / end above the interval */
            const char *marks[3];
            size_t nm = 0;
            if ((long)i == worst)
                marks[nm++] = mot_tr(lang, "chart.worst");
            if ((long)i == best)
                marks[nm++] = mot_tr(lang, "chart.best");
            if ((long)i == end)
                marks[nm++] = mot_tr(lang, "chart.end");
            for (size_t k = 0; k < nm; k++) {
                double my = top - 8 - (double)(nm - 1 - k) * 12;
                if (my < CV_MT + 8)
                    my = cy + 18 + (double)k * 12;
                mot_svg_text(&s, cx, my, MOT_SVG_MIDDLE, "c-mark", marks[k],
                             (size_t)-1);
            }
        }
        /* the name under the axis, wrapped to the slot */
        mot_svg_span sp[CV_LINES];
        size_t nl = mot_svg_wrap(t->name, FS, sw - 6, sp, CV_LINES);
        size_t k_end = nl < CV_LINES ? nl : CV_LINES;
        mot_svg_group(&s, NULL);
        mot_svg_title(&s, t->name);
        for (size_t k = 0; k < k_end; k++) {
            const char *txt = t->name + sp[k].start;
            size_t len = sp[k].len;
            if (k + 1 == CV_LINES && nl > CV_LINES) {
                fit_text(buf, sizeof buf, txt, sw - 6, FS);
                txt = buf;
                len = (size_t)-1;
            }
            mot_svg_text(&s, cx, axis_y + 10 + FS + (double)k * FS * LEAD,
                         MOT_SVG_MIDDLE, NULL, txt, len);
        }
        mot_svg_group_end(&s);
    }
    mot_svg_axis(&s, &y, MOT_SVG_LEFT, CV_ML, 5, "%g", "c-axis");
    mot_svg_line(&s, CV_ML, axis_y, w - CV_MR, axis_y, "c-zero");

    legend(&s, 8, lg_y, w - 8, lang, lg_cls, lg_keys, 6);
    return finish(&s);
}

/* ---- importance and performance ----------------------------------------- */

#define IP_W 680.0
#define IP_H 420.0
#define IP_ML 56.0
#define IP_MR 150.0
#define IP_MT 16.0
#define IP_MB 60.0

mot_status mot_chart_ipa(FILE *f, const mot_project *p, const mot_analysis *a,
                         mot_lang lang)
{
    if (a->ipa.n == 0)
        return MOT_ENOENT;
    double xlo = a->ipa.performance, xhi = xlo, ylo = 0,
           yhi = a->ipa.importance;
    for (size_t i = 0; i < a->ntp; i++) {
        const mot_tp_result *r = &a->tp[i];
        if (r->ipa == MOT_IPA_NONE)
            continue;
        xlo = dmin(xlo, r->mean);
        xhi = dmax(xhi, r->mean);
        yhi = dmax(yhi, r->importance);
    }
    double pad = dmax(0.15, (xhi - xlo) * 0.12);
    xlo = dmax(p->config.scale.min, xlo - pad);
    xhi = dmin(p->config.scale.max, xhi + pad);
    if (!(xhi > xlo)) {
        xlo = p->config.scale.min;
        xhi = p->config.scale.max;
    }
    yhi = yhi > 0 ? 100 * yhi * 1.15 : 1;
    double px1 = IP_W - IP_MR, py1 = IP_H - IP_MB;
    mot_svg_scale x = {xlo, xhi, IP_ML, px1};
    mot_svg_scale y = {ylo, yhi, py1, IP_MT};
    mot_svg s;
    mot_svg_begin(&s, f, IP_W, IP_H, style);
    grid(&s, &y, MOT_SVG_LEFT, IP_ML, px1, 5);
    grid(&s, &x, MOT_SVG_BOTTOM, IP_MT, py1, 6);
    double cx = mot_svg_scale_map(&x, a->ipa.performance);
    double cy = mot_svg_scale_map(&y, 100 * a->ipa.importance);
    mot_svg_line(&s, cx, IP_MT, cx, py1, "c-cross");
    mot_svg_line(&s, IP_ML, cy, px1, cy, "c-cross");
    /* quadrant names in the plot's corners */
    mot_svg_text(&s, IP_ML + 6, IP_MT + 14, MOT_SVG_START, "c-quad",
                 mot_report_ipa_word(lang, MOT_IPA_CONCENTRATE), (size_t)-1);
    mot_svg_text(&s, px1 - 6, IP_MT + 14, MOT_SVG_END, "c-quad",
                 mot_report_ipa_word(lang, MOT_IPA_KEEP_UP), (size_t)-1);
    mot_svg_text(&s, IP_ML + 6, py1 - 8, MOT_SVG_START, "c-quad",
                 mot_report_ipa_word(lang, MOT_IPA_LOW_PRIORITY), (size_t)-1);
    mot_svg_text(&s, px1 - 6, py1 - 8, MOT_SVG_END, "c-quad",
                 mot_report_ipa_word(lang, MOT_IPA_OVERKILL), (size_t)-1);
    char buf[256], tip[768], v1[32], v2[32], v3[32];
    labels lb = {.n = 0, .x0 = IP_ML, .y0 = IP_MT, .x1 = IP_W - 4,
                 .y1 = py1};
    /* bubbles first, so labels are drawn over all of them */
    for (size_t i = 0; i < a->ntp; i++) {
        const mot_tp_result *r = &a->tp[i];
        if (r->ipa == MOT_IPA_NONE)
            continue;
        const char *name = p->blueprint.tp[r->tp].name;
        double bx = mot_svg_scale_map(&x, r->mean);
        double by = mot_svg_scale_map(&y, 100 * r->importance);
        double rad = 4 + 14 * sqrt(isfinite(r->reach) ? dmax(0, r->reach)
                                                      : 0);
        char cls[48];
        snprintf(cls, sizeof cls, "c-bubble %s", kind_cls(r->kind));
        snprintf(tip, sizeof tip, mot_tr(lang, "chart.tip.ipa"), name,
                 mot_report_fixed(v1, sizeof v1, 100 * r->importance, 1),
                 mot_report_fixed(v2, sizeof v2, r->mean, 2),
                 mot_report_fixed(v3, sizeof v3, 100 * r->reach, 0));
        point(&s, bx, by, rad, cls, tip);
    }
    /* labels, moments of truth first */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < a->ntp; i++) {
            const mot_tp_result *r = &a->tp[i];
            if (r->ipa == MOT_IPA_NONE ||
                (r->kind != MOT_KIND_NONE) != (pass == 0))
                continue;
            double bx = mot_svg_scale_map(&x, r->mean);
            double by = mot_svg_scale_map(&y, 100 * r->importance);
            double rad = 4 + 14 * sqrt(isfinite(r->reach)
                                           ? dmax(0, r->reach) : 0);
            place_label(&s, &lb, bx, by, rad,
                        fit_text(buf, sizeof buf,
                                 p->blueprint.tp[r->tp].name, 120, FS_SMALL));
        }
    mot_svg_axis(&s, &x, MOT_SVG_BOTTOM, py1, 6, "%.1f", "c-axis");
    mot_svg_axis(&s, &y, MOT_SVG_LEFT, IP_ML, 5, "%g%%", "c-axis");
    mot_svg_text(&s, (IP_ML + px1) / 2, py1 + 32, MOT_SVG_MIDDLE, "c-small",
                 mot_tr(lang, "chart.ax.mean"), (size_t)-1);
    mot_svg_text(&s, px1 + 8, cy + 4, MOT_SVG_START, "c-small",
                 mot_tr(lang, "chart.ax.importance"), (size_t)-1);
    static const char *const cls[] = {"c-bubble c-negative",
                                      "c-bubble c-positive",
                                      "c-bubble c-none"};
    static const char *const keys[] = {"chart.lg.negative", "chart.lg.positive",
                                       "chart.lg.reach"};
    legend(&s, IP_ML, IP_H - 8, IP_W, lang, cls, keys, 3);
    return finish(&s);
}

/* ---- horizontal bars ---------------------------------------------------- */

#define BAR_W 680.0
#define BAR_LABEL 190.0
#define BAR_ROW 24.0
#define BAR_MT 10.0
#define BAR_MB 46.0

mot_status mot_chart_importance(FILE *f, const mot_project *p,
                                const mot_analysis *a, mot_lang lang)
{
    size_t n = 0;
    double hi = 0;
    for (size_t i = 0; i < a->ntp; i++)
        if (isfinite(a->tp[i].importance)) {
            n++;
            hi = dmax(hi, dmax(a->tp[i].importance,
                               isfinite(a->tp[i].importance_hi)
                                   ? a->tp[i].importance_hi : 0));
        }
    if (n == 0)
        return MOT_ENOENT;
    double h = BAR_MT + (double)n * BAR_ROW + BAR_MB;
    double x0 = BAR_LABEL, x1 = BAR_W - 60;
    mot_svg_scale x = {0, hi > 0 ? 100 * hi * 1.05 : 1, x0, x1};
    mot_svg s;
    mot_svg_begin(&s, f, BAR_W, h, style);
    grid(&s, &x, MOT_SVG_BOTTOM, BAR_MT, BAR_MT + (double)n * BAR_ROW, 6);
    char buf[256], tip[768], v[32], lo[32], hv[32];
    size_t row = 0;
    for (size_t i = 0; i < a->ntp; i++) {
        const mot_tp_result *r = &a->tp[i];
        if (!isfinite(r->importance))
            continue;
        const char *name = p->blueprint.tp[r->tp].name;
        double y = BAR_MT + (double)row++ * BAR_ROW;
        double bw = mot_svg_scale_map(&x, 100 * dmax(0, r->importance)) - x0;
        snprintf(tip, sizeof tip, mot_tr(lang, "chart.tip.importance"), name,
                 mot_report_fixed(v, sizeof v, 100 * r->importance, 1),
                 mot_report_fixed(lo, sizeof lo, 100 * r->importance_lo, 1),
                 mot_report_fixed(hv, sizeof hv, 100 * r->importance_hi, 1));
        mot_svg_group(&s, NULL);
        mot_svg_title(&s, tip);
        char cls[40];
        snprintf(cls, sizeof cls, "c-bar %s",
                 r->kind != MOT_KIND_NONE ? kind_cls(r->kind) : "");
        mot_svg_rect(&s, x0, y + 5, bw, BAR_ROW - 10, 0, cls);
        mot_svg_group_end(&s);
        double end = x0 + bw;
        if (isfinite(r->importance_lo) && isfinite(r->importance_hi)) {
            double a0 = mot_svg_scale_map(&x, 100 * r->importance_lo);
            double a1 = mot_svg_scale_map(&x, 100 * r->importance_hi);
            double my = y + BAR_ROW / 2;
            mot_svg_line(&s, a0, my, a1, my, "c-ci");
            mot_svg_line(&s, a0, my - 4, a0, my + 4, "c-ci");
            mot_svg_line(&s, a1, my - 4, a1, my + 4, "c-ci");
            end = dmax(end, a1);
        }
        mot_svg_text(&s, x0 - 6, y + BAR_ROW / 2 + 4, MOT_SVG_END, NULL,
                     fit_text(buf, sizeof buf, name, BAR_LABEL - 12, FS),
                     (size_t)-1);
        snprintf(buf, sizeof buf, "%s%%", v);
        mot_svg_text(&s, end + 5, y + BAR_ROW / 2 + 4, MOT_SVG_START,
                     "c-small", buf, (size_t)-1);
    }
    double ay = BAR_MT + (double)n * BAR_ROW;
    mot_svg_axis(&s, &x, MOT_SVG_BOTTOM, ay, 6, "%g%%", "c-axis");
    mot_svg_text(&s, (x0 + x1) / 2, ay + 30, MOT_SVG_MIDDLE, "c-small",
                 mot_tr(lang, "chart.ax.importance_ci"), (size_t)-1);
    return finish(&s);
}

/* ---- tolerance lines ------------------------------------------------------ */

#define TL_PW 320.0           /* a panel */
#define TL_PH 190.0
#define TL_GAP 20.0
#define TL_ML 44.0
#define TL_MT 40.0
#define TL_MB 40.0

static int line_measure_is_score(const char *m)
{
    return strcmp(m, "score") == 0;
}

/* One panel at (ox, oy): the rates within and beyond line l of `where`. */
static void tolerance_panel(mot_svg *s, double ox, double oy,
                            const mot_project *p, const char *where,
                            const mot_tolerance *l, mot_lang lang)
{
    double lo, hi;
    if (line_measure_is_score(l->measure)) {
        lo = p->config.scale.min;
        hi = p->config.scale.max;
    } else {
        double span = fabs(l->value) > 0 ? fabs(l->value) : 1;
        lo = l->value - span;
        hi = l->value + span;
        if (l->value >= 0 && lo < 0)
            lo = 0;
    }
    double rate_hi = dmax(l->rate_beyond, l->rate_within);
    rate_hi = isfinite(rate_hi) && rate_hi > 0 ? dmin(100, 100 * rate_hi * 1.25)
                                               : 100;
    double px0 = ox + TL_ML, px1 = ox + TL_PW - 10;
    double py0 = oy + TL_MT, py1 = oy + TL_PH - TL_MB;
    mot_svg_scale x = {lo, hi, px0, px1};
    mot_svg_scale y = {0, rate_hi, py1, py0};
    char buf[256], title[512], v[32], rb[32], rw[32];
    const char *measure =
        mot_tr(lang, strcmp(l->measure, "score") == 0 ? "chart.m.score"
                     : strcmp(l->measure, "wait_minutes") == 0 ? "chart.m.wait"
                     : strcmp(l->measure, "contacts") == 0 ? "chart.m.contacts"
                                                           : "chart.m.column");
    snprintf(title, sizeof title, "%s · %s", where, measure);
    mot_svg_group(s, NULL);
    mot_svg_title(s, title);
    mot_svg_text(s, ox + 4, oy + 14, MOT_SVG_START, "c-strong",
                 fit_text(buf, sizeof buf, title, TL_PW - 8, FS), (size_t)-1);
    mot_svg_group_end(s);
    grid(s, &y, MOT_SVG_LEFT, px0, px1, 4);
    double lx = mot_svg_scale_map(&x, l->value);
    double yb = mot_svg_scale_map(&y, 100 * l->rate_beyond);
    double yw = mot_svg_scale_map(&y, 100 * l->rate_within);
    /* beyond: below the value for direction -1, above it for +1 */
    double bx0 = l->direction < 0 ? px0 : lx, bx1 = l->direction < 0 ? lx : px1;
    double wx0 = l->direction < 0 ? lx : px0, wx1 = l->direction < 0 ? px1 : lx;
    mot_svg_line(s, bx0, yb, bx1, yb, "c-rate");
    mot_svg_line(s, wx0, yw, wx1, yw, "c-rate c-within");
    mot_svg_line(s, lx, py0 - 4, lx, py1, "c-line");
    mot_report_fixed(v, sizeof v, l->value, 2);
    snprintf(buf, sizeof buf, mot_tr(lang, "chart.line_at"), v);
    mot_svg_text(s, lx + (lx > (px0 + px1) / 2 ? -4 : 4), py0 + 2,
                 lx > (px0 + px1) / 2 ? MOT_SVG_END : MOT_SVG_START, "c-mark",
                 buf, (size_t)-1);
    mot_report_fixed(rb, sizeof rb, 100 * l->rate_beyond, 0);
    mot_report_fixed(rw, sizeof rw, 100 * l->rate_within, 0);
    snprintf(buf, sizeof buf, "%s%%", rb);
    mot_svg_text(s, (bx0 + bx1) / 2, yb - 6, MOT_SVG_MIDDLE, "c-small", buf,
                 (size_t)-1);
    snprintf(buf, sizeof buf, "%s%%", rw);
    mot_svg_text(s, (wx0 + wx1) / 2, yw - 6, MOT_SVG_MIDDLE, "c-small", buf,
                 (size_t)-1);
    mot_svg_axis(s, &x, MOT_SVG_BOTTOM, py1, 5, "%g", "c-axis");
    mot_svg_axis(s, &y, MOT_SVG_LEFT, px0, 4, "%g%%", "c-axis");
    mot_svg_text(s, px1, py1 + 30, MOT_SVG_END, "c-small",
                 strcmp(measure, mot_tr(lang, "chart.m.column")) == 0
                     ? l->measure : measure,
                 (size_t)-1);
    mot_svg_text(s, ox + 4, oy + 28, MOT_SVG_START, "c-small",
                 mot_tr(lang, strcmp(l->outcome, "churn") == 0
                                  ? "chart.ax.churn" : "chart.ax.dissatisfied"),
                 (size_t)-1);
}

mot_status mot_chart_tolerance(FILE *f, const mot_project *p,
                               const mot_analysis *a, mot_lang lang)
{
    size_t n = 0;
    for (size_t i = 0; i < a->ntp; i++)
        n += a->tp[i].line.found != 0;
    for (size_t i = 0; i < a->ncustomer_lines; i++)
        n += a->customer_lines[i].found != 0;
    if (n == 0)
        return MOT_ENOENT;
    size_t rows = (n + 1) / 2;
    double w = 2 * TL_PW + TL_GAP;
    double h = (double)rows * (TL_PH + TL_GAP) + 24;
    mot_svg s;
    mot_svg_begin(&s, f, w, h, style);
    size_t k = 0;
    for (size_t i = 0; i < a->ntp + a->ncustomer_lines; i++) {
        int tp = i < a->ntp;
        const mot_tolerance *l = tp ? &a->tp[i].line
                                    : &a->customer_lines[i - a->ntp];
        if (!l->found)
            continue;
        const char *where = tp ? p->blueprint.tp[a->tp[i].tp].name
                               : l->measure;
        tolerance_panel(&s, (double)(k % 2) * (TL_PW + TL_GAP),
                        (double)(k / 2) * (TL_PH + TL_GAP), p, where, l, lang);
        k++;
    }
    static const char *const cls[] = {"l:c-rate", "l:c-rate c-within",
                                      "l:c-line"};
    static const char *const keys[] = {"chart.lg.beyond", "chart.lg.within",
                                       "chart.lg.line"};
    legend(&s, 8, h - 8, w, lang, cls, keys, 3);
    return finish(&s);
}

/* ---- peak-end ----------------------------------------------------------- */

mot_status mot_chart_peak_end(FILE *f, const mot_project *p,
                              const mot_analysis *a, mot_lang lang)
{
    (void)p;
    const mot_peak_end *pe = &a->peak_end;
    if (!pe->available)
        return MOT_ENOENT;
    const char *keys[3] = {"chart.pe.mean", "chart.pe.peak_end",
                           "chart.pe.primacy"};
    double r2[3] = {pe->r2_mean, pe->r2_peak_end, pe->r2_primacy};
    int win[3] = {strcmp(pe->winner, "mean") == 0,
                  strcmp(pe->winner, "peak_end") == 0, pe->primacy_adds};
    size_t n = isfinite(pe->r2_primacy) ? 3 : 2;
    double hi = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(r2[i]))
            hi = dmax(hi, r2[i]);
    double h = BAR_MT + (double)n * BAR_ROW + BAR_MB;
    double x0 = BAR_LABEL, x1 = BAR_W - 60;
    mot_svg_scale x = {0, hi > 0 ? hi * 1.1 : 1, x0, x1};
    mot_svg s;
    mot_svg_begin(&s, f, BAR_W, h, style);
    grid(&s, &x, MOT_SVG_BOTTOM, BAR_MT, BAR_MT + (double)n * BAR_ROW, 5);
    char v[32];
    for (size_t i = 0; i < n; i++) {
        double y = BAR_MT + (double)i * BAR_ROW;
        double bw = isfinite(r2[i]) ? mot_svg_scale_map(&x, dmax(0, r2[i])) - x0
                                    : 0;
        mot_svg_rect(&s, x0, y + 5, bw, BAR_ROW - 10, 0,
                     win[i] ? "c-bar c-win" : "c-bar");
        mot_svg_text(&s, x0 - 6, y + BAR_ROW / 2 + 4, MOT_SVG_END, NULL,
                     mot_tr(lang, keys[i]), (size_t)-1);
        mot_svg_text(&s, x0 + bw + 5, y + BAR_ROW / 2 + 4, MOT_SVG_START,
                     "c-small", mot_report_fixed(v, sizeof v, r2[i], 3),
                     (size_t)-1);
    }
    double ay = BAR_MT + (double)n * BAR_ROW;
    mot_svg_axis(&s, &x, MOT_SVG_BOTTOM, ay, 5, "%g", "c-axis");
    mot_svg_text(&s, (x0 + x1) / 2, ay + 30, MOT_SVG_MIDDLE, "c-small",
                 mot_tr(lang, "chart.ax.r2"), (size_t)-1);
    return finish(&s);
}

/* ---- KANO ------------------------------------------------------------------ */

#define KN_W 600.0
#define KN_H 440.0
#define KN_M 56.0

mot_status mot_chart_kano(FILE *f, const mot_project *p, const mot_analysis *a,
                          mot_lang lang)
{
    (void)p;
    const mot_kano_result *r = a->kano;
    size_t n = 0;
    for (size_t i = 0; r && i < r->nfeatures; i++)
        n += isfinite(r->features[i].all.better) &&
             isfinite(r->features[i].all.worse);
    if (n == 0)
        return MOT_ENOENT;
    double px0 = KN_M, px1 = KN_W - 130, py0 = 16, py1 = KN_H - KN_M;
    mot_svg_scale x = {0, 1, px0, px1};
    mot_svg_scale y = {0, 1, py1, py0};
    mot_svg s;
    mot_svg_begin(&s, f, KN_W, KN_H, style);
    grid(&s, &x, MOT_SVG_BOTTOM, py0, py1, 5);
    grid(&s, &y, MOT_SVG_LEFT, px0, px1, 5);
    double mx = mot_svg_scale_map(&x, 0.5), my = mot_svg_scale_map(&y, 0.5);
    mot_svg_line(&s, mx, py0, mx, py1, "c-cross");
    mot_svg_line(&s, px0, my, px1, my, "c-cross");
    /* Better high and |Worse| low: attractive; both high: performance;
    ** Better low, |Worse| high: must-be; both low: indifferent */
    mot_svg_text(&s, px1 - 6, py1 - 8, MOT_SVG_END, "c-quad",
                 mot_report_kano_word(lang, MOT_KANO_A), (size_t)-1);
    mot_svg_text(&s, px1 - 6, py0 + 14, MOT_SVG_END, "c-quad",
                 mot_report_kano_word(lang, MOT_KANO_O), (size_t)-1);
    mot_svg_text(&s, px0 + 6, py0 + 14, MOT_SVG_START, "c-quad",
                 mot_report_kano_word(lang, MOT_KANO_M), (size_t)-1);
    mot_svg_text(&s, px0 + 6, py1 - 8, MOT_SVG_START, "c-quad",
                 mot_report_kano_word(lang, MOT_KANO_I), (size_t)-1);
    char buf[256], tip[768], b[32], wv[32];
    labels lb = {.n = 0, .x0 = px0, .y0 = py0, .x1 = KN_W - 4, .y1 = py1};
    for (size_t i = 0; i < r->nfeatures; i++) {
        const mot_kano_feature *ft = &r->features[i];
        const mot_kano_stats *st = &ft->all;
        if (!isfinite(st->better) || !isfinite(st->worse))
            continue;
        double cx = mot_svg_scale_map(&x, st->better);
        double cy = mot_svg_scale_map(&y, -st->worse);
        if (isfinite(st->better_lo) && isfinite(st->better_hi))
            mot_svg_line(&s, mot_svg_scale_map(&x, st->better_lo), cy,
                         mot_svg_scale_map(&x, st->better_hi), cy, "c-grid");
        if (isfinite(st->worse_lo) && isfinite(st->worse_hi))
            mot_svg_line(&s, cx, mot_svg_scale_map(&y, -st->worse_lo), cx,
                         mot_svg_scale_map(&y, -st->worse_hi), "c-grid");
        snprintf(tip, sizeof tip, mot_tr(lang, "chart.tip.kano"), ft->name,
                 mot_report_fixed(b, sizeof b, st->better, 2),
                 mot_report_fixed(wv, sizeof wv, st->worse, 2),
                 mot_report_kano_word(lang, st->category));
        point(&s, cx, cy, 5, "c-pt c-none", tip);
        place_label(&s, &lb, cx, cy, 5,
                    fit_text(buf, sizeof buf, ft->name, 120, FS_SMALL));
    }
    mot_svg_axis(&s, &x, MOT_SVG_BOTTOM, py1, 5, "%g", "c-axis");
    mot_svg_axis(&s, &y, MOT_SVG_LEFT, px0, 5, "%g", "c-axis");
    mot_svg_text(&s, (px0 + px1) / 2, py1 + 32, MOT_SVG_MIDDLE, "c-small",
                 mot_tr(lang, "chart.ax.better"), (size_t)-1);
    mot_svg_text(&s, px1 + 8, py0 + 10, MOT_SVG_START, "c-small",
                 mot_tr(lang, "chart.ax.worse"), (size_t)-1);
    return finish(&s);
}

/* ---- SERVQUAL ------------------------------------------------------------- */

#define SQ_ROW 30.0

mot_status mot_chart_servqual(FILE *f, const mot_project *p,
                              const mot_analysis *a, mot_lang lang)
{
    (void)p;
    const mot_servqual_result *r = a->servqual;
    size_t n = 0;
    double lo = 0, hi = 0;
    for (size_t d = 0; r && d < MOT_NDIMENSIONS; d++) {
        const mot_servqual_dim *dm = &r->dims[d];
        if (dm->nitems == 0 || !isfinite(dm->gap.mean))
            continue;
        n++;
        double v[6] = {dm->gap.mean, dm->gap.lo, dm->gap.hi, dm->msa.mean,
                       dm->mss.mean, 0};
        for (size_t k = 0; k < 6; k++)
            if (isfinite(v[k])) {
                lo = dmin(lo, v[k]);
                hi = dmax(hi, v[k]);
            }
    }
    if (n == 0)
        return MOT_ENOENT;
    double span = dmax(0.5, (hi - lo) * 0.08);
    double h = BAR_MT + (double)n * SQ_ROW + BAR_MB + 14;
    double x0 = BAR_LABEL, x1 = BAR_W - 50;
    mot_svg_scale x = {lo - span, hi + span, x0, x1};
    mot_svg s;
    mot_svg_begin(&s, f, BAR_W, h, style);
    grid(&s, &x, MOT_SVG_BOTTOM, BAR_MT, BAR_MT + (double)n * SQ_ROW, 6);
    double zx = mot_svg_scale_map(&x, 0);
    char tip[512], g[32], gl[32], gh[32], v[32];
    size_t row = 0;
    for (size_t d = 0; d < MOT_NDIMENSIONS; d++) {
        const mot_servqual_dim *dm = &r->dims[d];
        if (dm->nitems == 0 || !isfinite(dm->gap.mean))
            continue;
        double y = BAR_MT + (double)row++ * SQ_ROW;
        const char *word = mot_report_dimension_word(lang, dm->dimension);
        if (isfinite(dm->msa.mean) && isfinite(dm->mss.mean)) {
            double a0 = mot_svg_scale_map(&x, dmin(dm->mss.mean, dm->msa.mean));
            double a1 = mot_svg_scale_map(&x, dmax(dm->mss.mean, dm->msa.mean));
            mot_svg_rect(&s, a0, y + 3, a1 - a0, SQ_ROW - 6, 2, "c-zone");
        }
        double gx = mot_svg_scale_map(&x, dm->gap.mean);
        snprintf(tip, sizeof tip, mot_tr(lang, "chart.tip.gap"), word,
                 mot_report_fixed(g, sizeof g, dm->gap.mean, 2),
                 mot_report_fixed(gl, sizeof gl, dm->gap.lo, 2),
                 mot_report_fixed(gh, sizeof gh, dm->gap.hi, 2));
        mot_svg_group(&s, NULL);
        mot_svg_title(&s, tip);
        mot_svg_rect(&s, dmin(zx, gx), y + 9, fabs(gx - zx), SQ_ROW - 18, 0,
                     dm->gap.mean < 0 ? "c-gapneg" : "c-gappos");
        mot_svg_group_end(&s);
        if (isfinite(dm->gap.lo) && isfinite(dm->gap.hi)) {
            double a0 = mot_svg_scale_map(&x, dm->gap.lo);
            double a1 = mot_svg_scale_map(&x, dm->gap.hi);
            double my = y + SQ_ROW / 2;
            mot_svg_line(&s, a0, my, a1, my, "c-ci");
            mot_svg_line(&s, a0, my - 4, a0, my + 4, "c-ci");
            mot_svg_line(&s, a1, my - 4, a1, my + 4, "c-ci");
        }
        mot_svg_text(&s, x0 - 6, y + SQ_ROW / 2 + 4, MOT_SVG_END, NULL, word,
                     (size_t)-1);
        mot_svg_text(&s, x1 + 6, y + SQ_ROW / 2 + 4, MOT_SVG_START, "c-small",
                     mot_report_fixed(v, sizeof v, dm->gap.mean, 2),
                     (size_t)-1);
    }
    double ay = BAR_MT + (double)n * SQ_ROW;
    mot_svg_line(&s, zx, BAR_MT, zx, ay, "c-zero");
    mot_svg_axis(&s, &x, MOT_SVG_BOTTOM, ay, 6, "%g", "c-axis");
    mot_svg_text(&s, (x0 + x1) / 2, ay + 30, MOT_SVG_MIDDLE, "c-small",
                 mot_tr(lang, "chart.ax.gap"), (size_t)-1);
    static const char *const cls[] = {"c-gapneg", "c-zone"};
    static const char *const keys[] = {"chart.lg.gap", "chart.lg.zone"};
    legend(&s, 8, h - 6, BAR_W, lang, cls, keys, r->has_zone ? 2 : 1);
    return finish(&s);
}

/* ---- lookup -------------------------------------------------------------- */

mot_chart_fn mot_chart_find(const char *id)
{
    static const struct {
        const char *id;
        mot_chart_fn fn;
    } charts[] = {
        {"curve", mot_chart_curve},        {"ipa", mot_chart_ipa},
        {"importance", mot_chart_importance},
        {"tolerance", mot_chart_tolerance}, {"peak_end", mot_chart_peak_end},
        {"kano", mot_chart_kano},          {"servqual", mot_chart_servqual},
    };
    for (size_t i = 0; i < sizeof charts / sizeof charts[0]; i++)
        if (strcmp(charts[i].id, id) == 0)
            return charts[i].fn;
    return NULL;
}
