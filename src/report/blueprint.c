/*
** blueprint.c: the service blueprint as SVG (mot/blueprint_svg.h).
**
** Two steps. mot_blueprint_layout places everything: the title, the stage
** headers (one column per stage, in stage order), the five lanes (each as
** tall as its tallest stack of boxes), one box per touchpoint and every
** line of text, each with the rectangle it must stay inside. Boxes of the
** same lane and stage sit side by side, at most BOX_PER_ROW to a row, then
** in further rows; a box is as tall as its wrapped name and data lines.
** mot_blueprint_svg then only draws that layout with the chart module
** (mot/svg.h): lanes, the three lines between them, stage separators,
** supports arrows (under the boxes), boxes coloured by kind of moment of
** truth with F and W badges, and the legend.
**
** The numbers shown are the analysis's own (mean, below_tolerance, the
** tolerance line) and the tickets analysis's (the share of tickets
** resolved within the SLA); the only rules here are which touchpoints get
** a badge: F (fail point) when more than MOT_BLUEPRINT_FAIL_SHARE of the
** scores are below tolerance, or of the touchpoint's tickets (at least
** MOT_BLUEPRINT_MIN_TICKETS judged) were resolved after its SLA; W (wait
** point) when a tolerance line was found on waiting time or on the number
** of contacts, or more than MOT_BLUEPRINT_FAIL_SHARE of the first
** responses (at least MOT_BLUEPRINT_MIN_TICKETS judged) came after their
** standard.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/blueprint_svg.h"
#include "mot/svg.h"
#include "report/internal.h"

/* Geometry, in SVG user units (pixels at 100%). */
#define MARGIN 16.0
#define LABEL_W 132.0         /* the lane label column */
#define BOX_W 150.0
#define GAP 14.0              /* between boxes and around them */
#define PAD 8.0               /* inside boxes and cells */
#define LANE_TOP 26.0         /* band above a lane's boxes (line labels) */
#define LANE_MIN_H 64.0
#define STAGES_MIN_W 420.0    /* room for the line labels and legend */
#define BOX_PER_ROW 3
#define BADGE_R 7.0
#define LEADING 1.35          /* line height in font sizes */

#define FS_TITLE 18.0
#define FS_HEAD 13.0
#define FS_NAME 12.0
#define FS_DATA 11.0
#define FS_LINE 10.0
#define FS_LEGEND 11.0

static const char *const lane_key[5] = {
    "bp.lane.evidence", "bp.lane.customer", "bp.lane.frontstage",
    "bp.lane.backstage", "bp.lane.support"};
static const char *const line_key[3] = {
    "bp.line.interaction", "bp.line.visibility", "bp.line.internal"};
static const char *const line_cls[3] = {
    "bpline interaction", "bpline visibility", "bpline internal"};

mot_lane mot_blueprint_lane_of(const mot_touchpoint *t)
{
    if (t->lane != MOT_LANE_UNSET)
        return t->lane;
    if (t->channel == MOT_CHANNEL_BACK || t->supports >= 0)
        return MOT_LANE_BACKSTAGE;
    return MOT_LANE_FRONTSTAGE;
}

/* ---- layout ------------------------------------------------------------- */

static mot_rect rect(double x, double y, double w, double h)
{
    return (mot_rect){x, y, w, h};
}

/* Append one line of text at (x, y) (top left of its extent). */
static void add_text(mot_bp_layout *l, const char *s, size_t len, double x,
                     double y, double fs, const char *cls, mot_rect within)
{
    if (l->status != MOT_OK)
        return;
    if (l->ntext == l->text_cap) {
        size_t cap = l->text_cap ? 2 * l->text_cap : 64;
        mot_bp_text *t = realloc(l->text, cap * sizeof *t);
        if (!t) {
            l->status = MOT_ENOMEM;
            return;
        }
        l->text = t;
        l->text_cap = cap;
    }
    l->text[l->ntext++] = (mot_bp_text){
        s, len, rect(x, y, mot_svg_text_width(s, len, fs), fs * LEADING),
        within, fs, cls};
}

/* Append s wrapped to `width` as lines from (x, y) down; returns the
** height taken. */
static double add_wrapped(mot_bp_layout *l, const char *s, double x, double y,
                          double width, double fs, const char *cls,
                          mot_rect within)
{
    mot_svg_span stack[16];
    mot_svg_span *sp = stack;
    size_t n = mot_svg_wrap(s, fs, width, stack, 16);
    if (n > 16) {
        sp = malloc(n * sizeof *sp);
        if (!sp) {
            l->status = MOT_ENOMEM;
            return 0;
        }
        mot_svg_wrap(s, fs, width, sp, n);
    }
    for (size_t i = 0; i < n; i++)
        add_text(l, s + sp[i].start, sp[i].len, x,
                 y + (double)i * fs * LEADING, fs, cls, within);
    if (sp != stack)
        free(sp);
    return (double)n * fs * LEADING;
}

/* The tickets group of touchpoint t, or NULL. */
static const mot_tk_group *tickets_of(const mot_tickets_result *tk,
                                      const mot_touchpoint *t)
{
    for (size_t k = 0; tk && k < tk->nby[MOT_TK_TOUCHPOINT]; k++)
        if (strcmp(tk->by[MOT_TK_TOUCHPOINT][k].key, t->id) == 0)
            return &tk->by[MOT_TK_TOUCHPOINT][k];
    return NULL;
}

/* Whether more than MOT_BLUEPRINT_FAIL_SHARE of enough judged tickets
** missed the standard. */
static int missed_often(const mot_tk_share *sh)
{
    return sh->judged >= MOT_BLUEPRINT_MIN_TICKETS && isfinite(sh->share) &&
           1 - sh->share > MOT_BLUEPRINT_FAIL_SHARE;
}

/* Fill box k's data lines and badges from the analysis and tickets. */
static size_t box_data(mot_bp_box *bx, const mot_touchpoint *t,
                       const mot_analysis *a, const mot_tickets_result *tk,
                       mot_lang lang)
{
    const mot_tk_group *g = tickets_of(tk, t);
    size_t n = 0;
    char v[32];
    if (a) {
        const mot_tp_result *r = &a->tp[bx->tp];
        if (isfinite(r->mean)) {
            snprintf(v, sizeof v, "%.2f", r->mean);
            snprintf(bx->data[n++], sizeof bx->data[0],
                     mot_tr(lang, "bp.mean"), v);
        }
        if (isfinite(r->below_tolerance)) {
            snprintf(v, sizeof v, "%.0f%%", 100 * r->below_tolerance);
            snprintf(bx->data[n++], sizeof bx->data[0],
                     mot_tr(lang, "bp.below"), v);
        }
        bx->kind = r->kind;
        bx->fail = r->below_tolerance > MOT_BLUEPRINT_FAIL_SHARE;
        bx->wait = r->line.found &&
                   (strcmp(r->line.measure, "wait_minutes") == 0 ||
                    strcmp(r->line.measure, "contacts") == 0);
    }
    if (g) {
        bx->fail |= missed_often(&g->resolution_sla);
        bx->wait |= missed_often(&g->response_sla);
    }
    if (isfinite(t->sla_hours)) {
        snprintf(v, sizeof v, "%g", t->sla_hours);
        snprintf(bx->data[n++], sizeof bx->data[0], mot_tr(lang, "bp.sla"),
                 v);
        if (g && isfinite(g->resolution_sla.share)) {
            snprintf(v, sizeof v, "%.0f%%",
                     100 * (1 - g->resolution_sla.share));
            snprintf(bx->data[n++], sizeof bx->data[0],
                     mot_tr(lang, "bp.late"), v);
        }
    }
    if (bx->kind != MOT_KIND_NONE) {
        char key[32];
        snprintf(key, sizeof key, "kind.%s", mot_kind_name(bx->kind));
        snprintf(bx->data[n++], sizeof bx->data[0], mot_tr(lang, "bp.moment"),
                 mot_tr(lang, key));
    }
    return n;
}

/* The legend's entries: message key and the class of its swatch. */
static const struct {
    const char *key, *cls;
} legend[] = {
    {"bp.legend.negative", "tp negative"},
    {"bp.legend.positive", "tp positive"},
    {"bp.legend.hygiene", "tp hygiene"},
    {"bp.legend.fail", "badge"},
    {"bp.legend.wait", "badge"},
    {"bp.legend.supports", "link"},
};
#define NLEGEND (sizeof legend / sizeof legend[0])
#define SWATCH 14.0

mot_status mot_blueprint_layout(const mot_blueprint *b, const mot_analysis *a,
                                const mot_tickets_result *tk, mot_lang lang,
                                mot_bp_layout **out)
{
    *out = NULL;
    if (a && a->ntp != b->n)
        a = NULL;
    mot_bp_layout *l = calloc(1, sizeof *l);
    size_t ns = b->nstages ? b->nstages : 1;
    size_t ncell = 5 * ns;
    size_t *count = calloc(ncell, sizeof *count);  /* boxes per cell */
    size_t *first = calloc(ncell, sizeof *first);  /* first row of a cell */
    size_t *slot = calloc(b->n ? b->n : 1, sizeof *slot); /* place in cell */
    double *rowh = calloc(b->n ? b->n : 1, sizeof *rowh); /* row heights */
    double *colx = calloc(ns, sizeof *colx);
    if (l) {
        l->box = calloc(b->n ? b->n : 1, sizeof *l->box);
        l->stage = calloc(ns, sizeof *l->stage);
        l->nbox = b->n;
        l->nstages = b->nstages;
    }
    if (!l || !count || !first || !slot || !rowh || !colx || !l->box ||
        !l->stage) {
        free(count);
        free(first);
        free(slot);
        free(rowh);
        free(colx);
        mot_blueprint_layout_free(l);
        return MOT_ENOMEM;
    }

    /* boxes: lane, cell slot, text relative to the box's top left */
    double inner = BOX_W - 2 * PAD;
    for (size_t i = 0; i < b->n; i++) {
        const mot_touchpoint *t = &b->tp[i];
        mot_bp_box *bx = &l->box[i];
        bx->tp = i;
        bx->lane = mot_blueprint_lane_of(t);
        size_t cell = (size_t)(bx->lane - 1) * ns + t->stage_index;
        slot[i] = count[cell]++;
        bx->first_text = l->ntext;
        double h = add_wrapped(l, t->name, PAD, PAD, inner, FS_NAME, "name",
                               rect(0, 0, 0, 0));
        size_t nd = box_data(bx, t, a, tk, lang);
        for (size_t k = 0; k < nd; k++)
            h += add_wrapped(l, bx->data[k], PAD, PAD + h, inner, FS_DATA,
                             "data", rect(0, 0, 0, 0));
        bx->ntext = l->ntext - bx->first_text;
        bx->box = rect(0, 0, BOX_W, h + 2 * PAD);
    }
    /* rows of each cell and their heights */
    size_t rows = 0;
    for (size_t c = 0; c < ncell; c++) {
        first[c] = rows;
        rows += (count[c] + BOX_PER_ROW - 1) / BOX_PER_ROW;
    }
    for (size_t i = 0; i < b->n; i++) {
        mot_bp_box *bx = &l->box[i];
        size_t cell = (size_t)(bx->lane - 1) * ns + b->tp[i].stage_index;
        size_t r = first[cell] + slot[i] / BOX_PER_ROW;
        if (bx->box.h > rowh[r])
            rowh[r] = bx->box.h;
    }

    /* columns: as wide as their widest cell */
    double x0 = MARGIN + LABEL_W;
    double x = x0;
    for (size_t s = 0; s < ns; s++) {
        size_t most = 1;
        for (size_t ln = 0; ln < 5; ln++)
            if (count[ln * ns + s] > most)
                most = count[ln * ns + s];
        if (most > BOX_PER_ROW)
            most = BOX_PER_ROW;
        colx[s] = x;
        x += (double)most * (BOX_W + GAP) + GAP;
    }
    if (x - x0 < STAGES_MIN_W)
        x = x0 + STAGES_MIN_W;
    double right = x;
    l->width = right + MARGIN;

    /* title, stage headers */
    double y = MARGIN;
    const char *title = mot_tr(lang, "bp.title");
    add_text(l, title, strlen(title), MARGIN, y, FS_TITLE, "title",
             rect(0, 0, l->width, y + FS_TITLE * LEADING));
    y += FS_TITLE * LEADING + PAD;
    l->stage_top = y;
    double head = FS_HEAD * LEADING;
    for (size_t s = 0; s < b->nstages; s++) {
        double w = (s + 1 < ns ? colx[s + 1] : right) - colx[s];
        mot_rect cell = rect(colx[s], y, w, 0);
        double h = add_wrapped(l, b->stages[s], colx[s] + PAD, y + PAD,
                               w - 2 * PAD, FS_HEAD, "stage", cell);
        if (h > head)
            head = h;
    }
    y += head + 2 * PAD;
    for (size_t k = 0; k < l->ntext; k++)   /* the headers' final height */
        if (l->text[k].cls && strcmp(l->text[k].cls, "stage") == 0)
            l->text[k].within.h = y - l->stage_top;

    /* lanes */
    for (size_t ln = 0; ln < 5; ln++) {
        double top = y;
        double tallest = 0;
        for (size_t s = 0; s < ns; s++) {
            size_t c = ln * ns + s;
            size_t nr = (count[c] + BOX_PER_ROW - 1) / BOX_PER_ROW;
            double hh = 0;
            for (size_t r = 0; r < nr; r++)
                hh += rowh[first[c] + r] + (r ? GAP : 0);
            if (hh > tallest)
                tallest = hh;
        }
        const char *name = mot_tr(lang, lane_key[ln]);
        size_t lines = mot_svg_wrap(name, FS_HEAD, LABEL_W - 2 * PAD, NULL, 0);
        double label_h = (double)lines * FS_HEAD * LEADING + 2 * PAD;
        double h = LANE_TOP + tallest + GAP;
        if (h < label_h)
            h = label_h;
        if (h < LANE_MIN_H)
            h = LANE_MIN_H;
        l->lane[ln] = rect(MARGIN, top, right - MARGIN, h);
        add_wrapped(l, name, MARGIN + PAD, top + PAD, LABEL_W - 2 * PAD,
                    FS_HEAD, "lanelabel", rect(MARGIN, top, LABEL_W, h));
        if (ln >= 2) {
            const char *lt = mot_tr(lang, line_key[ln - 2]);
            l->line_y[ln - 2] = top;
            add_text(l, lt, strlen(lt), x0 + 6, top + 3, FS_LINE,
                     "linelabel",
                     rect(x0, top, right - x0, LANE_TOP - BADGE_R));
        }
        /* the boxes of this lane */
        for (size_t i = 0; i < b->n; i++) {
            mot_bp_box *bx = &l->box[i];
            if ((size_t)(bx->lane - 1) != ln)
                continue;
            size_t s = b->tp[i].stage_index;
            size_t c = ln * ns + s;
            size_t r = slot[i] / BOX_PER_ROW;
            double by = top + LANE_TOP;
            for (size_t q = 0; q < r; q++)
                by += rowh[first[c] + q] + GAP;
            bx->box.x = colx[s] + GAP +
                        (double)(slot[i] % BOX_PER_ROW) * (BOX_W + GAP);
            bx->box.y = by;
            for (size_t k = bx->first_text; k < bx->first_text + bx->ntext;
                 k++) {
                l->text[k].box.x += bx->box.x;
                l->text[k].box.y += bx->box.y;
                l->text[k].within = rect(bx->box.x + PAD, bx->box.y,
                                         bx->box.w - 2 * PAD, bx->box.h);
            }
        }
        y += h;
    }
    for (size_t s = 0; s < b->nstages; s++) {
        double w = (s + 1 < ns ? colx[s + 1] : right) - colx[s];
        l->stage[s] = rect(colx[s], l->stage_top, w, y - l->stage_top);
    }

    /* the legend, in rows as wide as the drawing */
    y += GAP;
    l->legend_y = y;
    double lx = MARGIN, lrow = FS_LEGEND * LEADING;
    for (size_t k = 0; k < NLEGEND; k++) {
        const char *s = mot_tr(lang, legend[k].key);
        if (strcmp(legend[k].key, "bp.legend.fail") == 0) {
            char share[16];
            snprintf(share, sizeof share, "%.0f%%",
                     100 * MOT_BLUEPRINT_FAIL_SHARE);
            snprintf(l->fail_legend, sizeof l->fail_legend, s, share);
            s = l->fail_legend;
        } else if (strcmp(legend[k].key, "bp.legend.wait") == 0) {
            char share[16];
            snprintf(share, sizeof share, "%.0f%%",
                     100 * MOT_BLUEPRINT_FAIL_SHARE);
            snprintf(l->wait_legend, sizeof l->wait_legend, s, share);
            s = l->wait_legend;
        }
        double w = SWATCH + 6 + mot_svg_text_width(s, (size_t)-1, FS_LEGEND);
        if (lx > MARGIN && lx + w > right) {
            lx = MARGIN;
            y += lrow + 6;
        }
        add_text(l, s, strlen(s), lx + SWATCH + 6, y, FS_LEGEND, "legend",
                 rect(MARGIN, y, right - MARGIN, lrow));
        lx += w + 2 * GAP;
    }
    y += lrow + MARGIN;
    l->height = y;

    free(count);
    free(first);
    free(slot);
    free(rowh);
    free(colx);
    if (l->status != MOT_OK) {
        mot_status st = l->status;
        mot_blueprint_layout_free(l);
        return st;
    }
    *out = l;
    return MOT_OK;
}

void mot_blueprint_layout_free(mot_bp_layout *l)
{
    if (!l)
        return;
    free(l->box);
    free(l->text);
    free(l->stage);
    free(l);
}

/* ---- drawing ------------------------------------------------------------ */

static const char style_fmt[] =
    "text{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"WenQuanYi Zen Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;"
    "fill:#222}\n"
    ".title{font-size:%gpx;font-weight:bold}\n"
    ".stage,.lanelabel{font-size:%gpx;font-weight:bold;fill:#2c3e50}\n"
    ".name{font-size:%gpx;font-weight:bold}\n"
    ".data{font-size:%gpx;fill:#444}\n"
    ".linelabel{font-size:%gpx;font-style:italic;fill:#2c3e50;"
    "paint-order:stroke;stroke:#fff;stroke-width:3px}\n"
    ".legend{font-size:%gpx}\n"
    ".lane{fill:#f7f9fb}\n.lane.odd{fill:#eef3f8}\n"
    ".head{fill:#dfe7ef}\n"
    ".sep{stroke:#c3ccd6;stroke-dasharray:3 4}\n"
    ".bpline{stroke:#2c3e50;stroke-width:1.5}\n"
    ".bpline.visibility{stroke-dasharray:9 4}\n"
    ".bpline.internal{stroke-dasharray:2 3}\n"
    ".tp rect{fill:#fff;stroke:#8a96a3;stroke-width:1}\n"
    ".tp.negative rect{fill:#fdecea;stroke:#c0392b;stroke-width:2.5}\n"
    ".tp.positive rect{fill:#e6f5ec;stroke:#1e8449;stroke-width:2.5}\n"
    ".tp.hygiene rect{fill:#fdf3dc;stroke:#d68910;stroke-width:2.5}\n"
    ".badge circle{fill:#2c3e50}\n"
    ".badge text{fill:#fff;font-size:10px;font-weight:bold}\n"
    ".link{fill:none;stroke:#5d6d7e;stroke-width:1.3}\n"
    ".arrowhead{fill:#5d6d7e}\n";

/* Draw text line t. */
static void draw_text(mot_svg *s, const mot_bp_text *t)
{
    mot_svg_text(s, t->box.x, t->box.y + 0.8 * t->box.h, MOT_SVG_START,
                 t->cls, t->text, t->len);
}

/* Whether a box of l other than i and j meets rectangle r. */
static int blocked(const mot_bp_layout *l, size_t i, size_t j, mot_rect r)
{
    for (size_t k = 0; k < l->nbox; k++) {
        const mot_rect *b = &l->box[k].box;
        if (k != i && k != j && b->x < r.x + r.w && r.x < b->x + b->w &&
            b->y < r.y + r.h && r.y < b->y + b->h)
            return 1;
    }
    return 0;
}

/* The supports arrow from box i to box j of l: from the middles of their
** facing sides, a smooth curve when nothing lies between them; otherwise
** around the boxes in the way, up or down the gutter left of both boxes
** (no box is ever there: box slots line up across lanes) and across in
** the gaps above and below the rows. Side by side in one row: straight. */
static void draw_link(mot_svg *s, const mot_bp_layout *l, size_t i, size_t j)
{
    const mot_rect *from = &l->box[i].box, *to = &l->box[j].box;
    double fx = from->x + from->w / 2, tx = to->x + to->w / 2;
    double fy, ty;
    char d[200];
    if (to->y + to->h <= from->y || from->y + from->h <= to->y) {
        int up = to->y < from->y;
        double dir = up ? -1 : 1;
        fy = up ? from->y : from->y + from->h;
        ty = up ? to->y + to->h : to->y;
        double lo = fx < tx ? fx : tx, hi = fx < tx ? tx : fx;
        double ylo = fy < ty ? fy : ty, yhi = fy < ty ? ty : fy;
        if (!blocked(l, i, j, rect(lo - 1, ylo, hi - lo + 2, yhi - ylo))) {
            double my = (fy + ty) / 2;
            snprintf(d, sizeof d, "M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f",
                     fx, fy, fx, my, tx, my, tx, ty);
        } else {
            double gx = (from->x < to->x ? from->x : to->x) - GAP / 2;
            snprintf(d, sizeof d, "M%.1f %.1fV%.1fH%.1fV%.1fH%.1fV%.1f", fx,
                     fy, fy + dir * GAP / 2, gx, ty - dir * GAP / 2, tx, ty);
        }
    } else {
        int left = to->x < from->x;
        fx = left ? from->x : from->x + from->w;
        tx = left ? to->x + to->w : to->x;
        fy = from->y + from->h / 2;
        ty = to->y + to->h / 2;
        snprintf(d, sizeof d, "M%.1f %.1fL%.1f %.1f", fx, fy, tx, ty);
    }
    mot_svg_path(s, d, "arrow", "link");
}

/* An F or W badge centred at (cx, cy). */
static void draw_badge(mot_svg *s, double cx, double cy, const char *c)
{
    mot_svg_group(s, "badge");
    mot_svg_circle(s, cx, cy, BADGE_R, NULL);
    mot_svg_text(s, cx, cy + 3.5, MOT_SVG_MIDDLE, NULL, c, (size_t)-1);
    mot_svg_group_end(s);
}

mot_status mot_blueprint_svg(const mot_blueprint *b, const mot_analysis *a,
                             const mot_tickets_result *tk, mot_lang lang,
                             FILE *f)
{
    mot_bp_layout *l;
    mot_status st = mot_blueprint_layout(b, a, tk, lang, &l);
    if (st != MOT_OK)
        return st;
    char style[sizeof style_fmt + 64];
    snprintf(style, sizeof style, style_fmt, FS_TITLE, FS_HEAD, FS_NAME,
             FS_DATA, FS_LINE, FS_LEGEND);
    mot_svg s;
    mot_svg_begin(&s, f, l->width, l->height, style);
    mot_svg_arrow_marker(&s, "arrow", "arrowhead");

    /* lanes and stage headers, then the lines and separators over them */
    double right = l->lane[0].x + l->lane[0].w;
    double bottom = l->lane[4].y + l->lane[4].h;
    mot_svg_group(&s, "lanes");
    for (size_t ln = 0; ln < 5; ln++)
        mot_svg_rect(&s, l->lane[ln].x, l->lane[ln].y, l->lane[ln].w,
                     l->lane[ln].h, 0, ln % 2 ? "lane odd" : "lane");
    for (size_t k = 0; k < l->nstages; k++) {
        mot_rect r = l->stage[k];
        mot_svg_rect(&s, r.x, r.y, r.w, l->lane[0].y - r.y, 0, "head");
        if (k > 0)
            mot_svg_line(&s, r.x, r.y, r.x, bottom, "sep");
    }
    /* between evidence and customer actions: a plain rule */
    mot_svg_line(&s, l->lane[1].x, l->lane[1].y, right, l->lane[1].y, "sep");
    for (size_t k = 0; k < 3; k++)
        mot_svg_line(&s, l->lane[0].x, l->line_y[k], right, l->line_y[k],
                     line_cls[k]);
    mot_svg_group_end(&s);

    /* supports links, under the boxes */
    mot_svg_group(&s, "links");
    for (size_t i = 0; i < l->nbox; i++) {
        long to = b->tp[i].supports;
        if (to >= 0 && (size_t)to < l->nbox && (size_t)to != i)
            draw_link(&s, l, i, (size_t)to);
    }
    mot_svg_group_end(&s);

    /* boxes, with a tooltip, their text and badges */
    for (size_t i = 0; i < l->nbox; i++) {
        const mot_bp_box *bx = &l->box[i];
        const mot_touchpoint *t = &b->tp[i];
        char cls[32];
        snprintf(cls, sizeof cls, "tp %s", mot_kind_name(bx->kind));
        mot_svg_group(&s, cls);
        char tip[512];
        snprintf(tip, sizeof tip, mot_tr(lang, "tp.label"), t->name, t->id);
        mot_svg_title(&s, tip);
        mot_svg_rect(&s, bx->box.x, bx->box.y, bx->box.w, bx->box.h, 4, NULL);
        for (size_t k = bx->first_text; k < bx->first_text + bx->ntext; k++)
            draw_text(&s, &l->text[k]);
        /* badges on the top edge, from the right; they reach BADGE_R
        ** above the box, where the layout keeps text out */
        double cx = bx->box.x + bx->box.w - 10;
        if (bx->fail) {
            draw_badge(&s, cx, bx->box.y, "F");
            cx -= 2.6 * BADGE_R;
        }
        if (bx->wait)
            draw_badge(&s, cx, bx->box.y, "W");
        mot_svg_group_end(&s);
    }

    /* every other text: title, headers, lane and line labels, legend */
    /* (the boxes' lines come first in l->text, in box order) */
    const mot_bp_box *last = l->nbox ? &l->box[l->nbox - 1] : NULL;
    for (size_t k = last ? last->first_text + last->ntext : 0; k < l->ntext;
         k++)
        draw_text(&s, &l->text[k]);

    /* legend swatches, left of their labels (the last lines of text) */
    size_t k0 = l->ntext - NLEGEND;
    for (size_t k = 0; k < NLEGEND; k++) {
        const mot_bp_text *t = &l->text[k0 + k];
        double sx = t->box.x - SWATCH - 6, sy = t->box.y + 1;
        if (strcmp(legend[k].cls, "badge") == 0) {
            draw_badge(&s, sx + SWATCH / 2, sy + SWATCH / 2,
                       strcmp(legend[k].key, "bp.legend.fail") == 0 ? "F"
                                                                    : "W");
        } else if (strcmp(legend[k].cls, "link") == 0) {
            char d[96];
            snprintf(d, sizeof d, "M%.1f %.1fL%.1f %.1f", sx,
                     sy + SWATCH / 2, sx + SWATCH, sy + SWATCH / 2);
            mot_svg_path(&s, d, "arrow", "link");
        } else {
            mot_svg_group(&s, legend[k].cls);
            mot_svg_rect(&s, sx, sy, SWATCH, SWATCH, 3, NULL);
            mot_svg_group_end(&s);
        }
    }
    st = mot_svg_end(&s);
    mot_blueprint_layout_free(l);
    return st;
}
