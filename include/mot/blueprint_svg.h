/*
** mot/blueprint_svg.h: the service blueprint drawn as SVG, with its
** moments of truth (`mot blueprint`).
**
** The drawing follows Bitner, Ostrom & Morgan (2008): five swimlanes from
** top to bottom (physical evidence, customer actions, frontstage or
** onstage actions, backstage actions, support processes) separated by the
** line of interaction, the line of visibility and the line of internal
** interaction; the blueprint's stages are columns, in stage order. Each
** touchpoint is a box in its lane and stage, showing its name (wrapped)
** and, when an analysis is given, its mean score, its share of scores
** below tolerance and its SLA (with the share of tickets resolved after
** it, when a tickets analysis is given). Moments of truth are coloured by
** kind; fail points ("F": scores below tolerance or tickets past the SLA
** often) and wait points ("W": a tolerance line on waiting or contacts,
** or first responses late often) are marked; `supports` links are
** arrows from the supporting step to the touchpoint it serves. The rules
** are in docs/report.md.
**
** The layout is computed first (mot_blueprint_layout) and then drawn, so
** tests can check the geometry the drawing uses: no two boxes overlap and
** every line of text fits its box.
*/
#ifndef MOT_BLUEPRINT_SVG_H
#define MOT_BLUEPRINT_SVG_H

#include <stddef.h>
#include <stdio.h>
#include "mot/analyse.h"
#include "mot/project.h"
#include "mot/report.h"
#include "mot/tickets.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A fail point: more than this share of a touchpoint's scores is below
** its tolerance, or of its judged tickets were resolved after its SLA; a
** wait point (besides a tolerance line on waiting time or contacts): more
** than this share of its first responses came after their standard. */
#define MOT_BLUEPRINT_FAIL_SHARE 0.2
/* The fewest judged tickets of a touchpoint for the ticket rules. */
#define MOT_BLUEPRINT_MIN_TICKETS 10

/* An axis-aligned rectangle in SVG user units. */
typedef struct mot_rect {
    double x, y, w, h;
} mot_rect;

/* One line of text placed in the drawing: len bytes at `text` (borrowed
** from the blueprint, the message table or the layout's boxes), class
** `cls`, at font size font_size; `box` is its estimated extent (baseline
** at box.y + 0.8 box.h) and `within` the rectangle it must stay inside
** (its touchpoint's box less the padding, its lane label cell, stage
** header ...). */
typedef struct mot_bp_text {
    const char *text;
    size_t len;
    mot_rect box, within;
    double font_size;
    const char *cls;
} mot_bp_text;

/* The place of one touchpoint. */
typedef struct mot_bp_box {
    size_t tp;                /* blueprint index */
    mot_lane lane;            /* the lane drawn in (never UNSET) */
    mot_rect box;
    size_t first_text, ntext; /* its lines in mot_bp_layout.text */
    int fail, wait;           /* marked F / W */
    mot_kind kind;
    char data[5][64];         /* its data lines (mean, below, SLA, tickets
                                 late, kind) */
} mot_bp_box;

typedef struct mot_bp_layout {
    double width, height;
    mot_bp_box *box;          /* one per touchpoint, blueprint order */
    size_t nbox;
    mot_bp_text *text;        /* every line of text of the drawing */
    size_t ntext, text_cap;
    mot_rect lane[5];         /* lanes, top to bottom */
    double line_y[3];         /* interaction, visibility, internal */
    mot_rect *stage;          /* stage columns, header included */
    size_t nstages;
    double stage_top;         /* y of the stage headers */
    double legend_y;          /* y of the legend */
    char fail_legend[128];    /* the legend's fail point text */
    char wait_legend[160];    /* the legend's wait point text */
    mot_status status;        /* MOT_ENOMEM if building it failed */
} mot_bp_layout;

/* The lane a touchpoint is drawn in: its lane; without one, backstage
** for the back channel or a step that supports another, else frontstage. */
mot_lane mot_blueprint_lane_of(const mot_touchpoint *t);

/* Lay out blueprint b with analysis a (NULL: names only; otherwise a must
** be an analysis of a project with this blueprint) and tickets analysis tk
** of the same project (NULL: none) in lang. Returns MOT_OK and a new
** layout in *out, or MOT_ENOMEM. */
mot_status mot_blueprint_layout(const mot_blueprint *b, const mot_analysis *a,
                                const mot_tickets_result *tk, mot_lang lang,
                                mot_bp_layout **out);

/* Free a layout; NULL is a no-op. */
void mot_blueprint_layout_free(mot_bp_layout *l);

/* Draw blueprint b (with analysis a and tickets analysis tk, each may be
** NULL) as one SVG document on f. Returns MOT_OK, MOT_ENOMEM, or MOT_EIO
** if writing to f failed. */
mot_status mot_blueprint_svg(const mot_blueprint *b, const mot_analysis *a,
                             const mot_tickets_result *tk, mot_lang lang,
                             FILE *f);

#ifdef __cplusplus
}
#endif
#endif /* MOT_BLUEPRINT_SVG_H */
