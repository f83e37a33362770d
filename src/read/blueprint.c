/*
** blueprint.c: loading blueprint.csv, the service blueprint.
**
** One row is one touchpoint (a step of the service) with its stage and,
** optionally, its phase, lane, channel, the step it supports, the zone of
** tolerance (tolerance, target), its service standard (sla_hours), its
** SERVQUAL dimension, KANO feature and owner. Rows keep their file order.
**
** Stages are ordered by first appearance, so a stage's rows must be
** together; mot.ini [stages] order gives the order instead, and must then
** list every stage. After all rows, `supports` is resolved to a touchpoint
** (by id, then name) and chains of supports are checked for cycles.
**
** Per-tier columns sla_hours_<tier>, sla_response_hours_<tier> and
** tolerance_<tier> (prefix matched ignoring case) give a tier's own
** standard; they are read like sla_hours (a positive number of hours) and
** tolerance (a number on the score scale) into b->tiercol, and are also
** kept as attribute columns. Whether each names a tier some customer has
** is checked where tiers are known (mot_tiers_check, segments.c).
*/
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "read/columns.h"
#include "read/load.h"
#include "read/textutil.h"

enum {
    B_ID, B_NAME, B_STAGE, B_PHASE, B_LANE, B_CHANNEL, B_SUPPORTS,
    B_TOLERANCE, B_TARGET, B_SLA, B_DIM, B_KANO, B_OWNER, B_NCOLS
};

static const mot_tbl_col cols[B_NCOLS] = {
    {"id", NULL, 1}, {"name", NULL, 1}, {"stage", NULL, 1},
    {"phase", NULL, 0}, {"lane", NULL, 0}, {"channel", NULL, 0},
    {"supports", NULL, 0}, {"tolerance", NULL, 0}, {"target", NULL, 0},
    {"sla_hours", NULL, 0}, {"servqual_dimension", NULL, 0},
    {"kano_feature", NULL, 0}, {"owner", NULL, 0},
};

/* What the loader keeps beside the blueprint while reading it. */
typedef struct bp_read {
    mot_tbl t;
    mot_blueprint *b;
    size_t cap;
    mot_strtab *ids;          /* touchpoint ids, to find duplicates */
    mot_seen id_seen;
    size_t *tier_field;       /* header field of each b->tiercol */
    mot_strtab *stages;       /* stage names in order of appearance */
    uint32_t last_stage;      /* stage of the previous row */
    char **supports;          /* per row: the supports text, or NULL */
    unsigned long *sup_line;  /* per row: the line of that field */
} bp_read;

/* True when the string a (NULL for none) is (s, len). */
static int same_text(const char *a, const char *s, size_t len)
{
    return a && strlen(a) == len && memcmp(a, s, len) == 0;
}

/* True when (s, len) and the NUL-terminated t are equal ignoring ASCII
** case. */
static int ieq(const char *s, size_t len, const char *t)
{
    size_t i = 0;
    for (; i < len && t[i]; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)t[i]))
            return 0;
    return i == len && !t[i];
}

double mot_blueprint_tier_value(const mot_blueprint *b, mot_tier_kind kind,
                                const char *tier, size_t tp)
{
    if (!tier || tp >= b->n)
        return NAN;
    for (size_t k = 0; k < b->ntiercol; k++)
        if (b->tiercol[k].kind == kind &&
            ieq(tier, strlen(tier), b->tiercol[k].tier))
            return b->tiercol[k].value[tp];
    return NAN;
}

long mot_blueprint_find(const mot_blueprint *b, const char *s, size_t len)
{
    for (size_t i = 0; i < b->n; i++)
        if (same_text(b->tp[i].id, s, len))
            return (long)i;
    for (size_t i = 0; i < b->n; i++)
        if (same_text(b->tp[i].name, s, len))
            return (long)i;
    return -1;
}

void mot_blueprint_free(mot_blueprint *b)
{
    for (size_t i = 0; i < b->n; i++) {
        mot_touchpoint *tp = &b->tp[i];
        free(tp->id);
        free(tp->name);
        free(tp->stage);
        free(tp->kano_feature);
        free(tp->owner);
    }
    free(b->tp);
    for (size_t i = 0; i < b->nstages; i++)
        free(b->stages[i]);
    free(b->stages);
    for (size_t k = 0; k < b->ntiercol; k++) {
        free(b->tiercol[k].header);
        free(b->tiercol[k].value);
    }
    free(b->tiercol);
    mot_columns_free(&b->attrs);
    memset(b, 0, sizeof *b);
}

/* Append an empty touchpoint; NULL (reported) if a malloc fails. */
static mot_touchpoint *add_touchpoint(bp_read *r)
{
    mot_blueprint *b = r->b;
    mot_array a[3] = {{&b->tp, sizeof *b->tp},
                      {&r->supports, sizeof *r->supports},
                      {&r->sup_line, sizeof *r->sup_line}};
    if (mot_grow(a, 3, &r->cap, b->n + 1) != MOT_OK) {
        mot_load_error(r->t.ld, MOT_ENOMEM, r->t.file, 0, 0,
                       "out of memory");
        return NULL;
    }
    for (size_t k = 0; k < b->ntiercol; k++) {
        double *v = realloc(b->tiercol[k].value,
                            r->cap * sizeof *b->tiercol[k].value);
        if (!v) {
            mot_load_error(r->t.ld, MOT_ENOMEM, r->t.file, 0, 0,
                           "out of memory");
            return NULL;
        }
        b->tiercol[k].value = v;
        v[b->n] = NAN;
    }
    mot_touchpoint *tp = &b->tp[b->n];
    memset(tp, 0, sizeof *tp);
    tp->supports = -1;
    tp->tolerance = tp->target = tp->sla_hours = NAN;
    tp->servqual_dimension = MOT_DIM_UNSET;
    r->supports[b->n] = NULL;
    r->sup_line[b->n] = 0;
    b->n++;
    return tp;
}

/* True when mot.ini [stages] order names stage s. */
static int in_stage_order(const mot_config *cfg, const char *s)
{
    for (size_t k = 0; k < cfg->nstage_order; k++)
        if (strcmp(cfg->stage_order[k], s) == 0)
            return 1;
    return 0;
}

/* Note the row's stage; its index in r->stages goes in stage_index until
** finish_stages puts the final order there. */
static void note_stage(bp_read *r, mot_touchpoint *tp)
{
    const mot_config *cfg = &r->t.ld->p->config;
    uint32_t si;
    int added;
    if (!tp->stage[0])
        return;
    if (mot_strtab_intern(r->stages, tp->stage, strlen(tp->stage), &si,
                          &added) != MOT_OK) {
        mot_load_error(r->t.ld, MOT_ENOMEM, r->t.file, 0, 0,
                       "out of memory");
        return;
    }
    tp->stage_index = si;
    if (cfg->stage_order && added && !in_stage_order(cfg, tp->stage))
        mot_tbl_error_at(&r->t, (size_t)r->t.pos[B_STAGE],
                         "stage \"%s\" is not in mot.ini [stages] order",
                         tp->stage);
    if (!cfg->stage_order && !added && si != r->last_stage)
        mot_tbl_error_at(&r->t, (size_t)r->t.pos[B_STAGE],
                         "stage \"%s\" appears again after \"%s\"; keep "
                         "each stage's rows together or give the order in "
                         "mot.ini [stages] order", tp->stage,
                         mot_strtab_get(r->stages, r->last_stage));
    r->last_stage = si;
}

/* Read the words and numbers of the row. */
static void read_values(bp_read *r, mot_touchpoint *tp)
{
    mot_tbl *t = &r->t;
    mot_tbl_phase(t, B_PHASE, &tp->phase);
    mot_tbl_lane(t, B_LANE, &tp->lane);
    mot_tbl_channel(t, B_CHANNEL, &tp->channel);
    mot_tbl_score(t, B_TOLERANCE, &tp->tolerance);
    mot_tbl_score(t, B_TARGET, &tp->target);
    mot_tbl_real(t, B_SLA, DBL_MIN, HUGE_VAL, "a positive number of hours",
                 &tp->sla_hours);
    mot_tbl_dimension(t, B_DIM, &tp->servqual_dimension);
}

/* The prefixes of the per-tier columns, by mot_tier_kind. */
static const char *const tier_prefix[MOT_TIER_NKINDS] = {
    "sla_hours_", "sla_response_hours_", "tolerance_"};

/* Read the per-tier fields of the row into touchpoint i. */
static void read_tier_values(bp_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    const mot_scale *sc = &t->ld->p->config.scale;
    for (size_t k = 0; k < r->b->ntiercol; k++) {
        mot_tier_column *c = &r->b->tiercol[k];
        size_t len;
        const char *s = mot_tbl_field(t, r->tier_field[k], &len);
        double v;
        if (len == 0)
            continue;
        if (c->kind == MOT_TIER_TOLERANCE) {
            if (mot_parse_double(s, len, &v) != MOT_OK || v < sc->min ||
                v > sc->max) {
                mot_tbl_bad_at(t, r->tier_field[k],
                               "a number between %g and %g", sc->min,
                               sc->max);
                continue;
            }
        } else if (mot_parse_double(s, len, &v) != MOT_OK || !(v > 0) ||
                   !isfinite(v)) {
            mot_tbl_bad_at(t, r->tier_field[k], "a positive number of hours");
            continue;
        }
        c->value[i] = v;
    }
}

/* Find the per-tier columns in the header. A prefix with no tier after
** it, or two columns of one kind for one tier, are reported. */
static void find_tier_columns(bp_read *r)
{
    mot_tbl *t = &r->t;
    mot_blueprint *b = r->b;
    size_t n = 0;
    b->tiercol = calloc(t->nheader + 1, sizeof *b->tiercol);
    r->tier_field = calloc(t->nheader + 1, sizeof *r->tier_field);
    if (!b->tiercol || !r->tier_field) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    for (size_t i = 0; i < t->nheader; i++) {
        const char *h = t->header[i];
        size_t hl = strlen(h);
        int kind = -1;
        if (!t->other[i])
            continue;
        for (int k = 0; k < MOT_TIER_NKINDS; k++) {
            size_t pl = strlen(tier_prefix[k]);
            if (hl >= pl && ieq(h, pl, tier_prefix[k]))
                kind = k;    /* the prefixes do not overlap */
        }
        if (kind < 0)
            continue;
        const char *tier = h + strlen(tier_prefix[kind]);
        if (!tier[0]) {
            mot_load_error(t->ld, MOT_EDATA, t->file, t->header_line,
                           (unsigned long)i + 1, "%s must name a tier after "
                           "the prefix, as in %svip", h, tier_prefix[kind]);
            continue;
        }
        for (size_t k = 0; k < n; k++)
            if ((int)b->tiercol[k].kind == kind &&
                ieq(tier, strlen(tier), b->tiercol[k].tier))
                mot_load_error(t->ld, MOT_EDATA, t->file, t->header_line,
                               (unsigned long)i + 1, "%s gives the same "
                               "tier's standard as column %lu (%s)", h,
                               b->tiercol[k].column, b->tiercol[k].header);
        mot_tier_column *c = &b->tiercol[n];
        if (!(c->header = strdup(h))) {
            mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
            return;
        }
        c->kind = (mot_tier_kind)kind;
        c->tier = c->header + strlen(tier_prefix[kind]);
        c->line = t->header_line;
        c->column = (unsigned long)i + 1;
        r->tier_field[n++] = i;
        b->ntiercol = n;
    }
}

/* Read one row into a new touchpoint. */
static void read_row(bp_read *r)
{
    mot_tbl *t = &r->t;
    mot_touchpoint *tp = add_touchpoint(r);
    uint32_t id;
    if (!tp)
        return;
    tp->line = mot_tbl_line(t, B_ID);
    if (!(tp->id = mot_tbl_copy(t, B_ID, 1)) ||
        !(tp->name = mot_tbl_copy(t, B_NAME, 1)) ||
        !(tp->stage = mot_tbl_copy(t, B_STAGE, 1)))
        return;
    if (tp->id[0])
        mot_tbl_unique(t, B_ID, r->ids, &r->id_seen, &id);
    note_stage(r, tp);
    read_values(r, tp);
    read_tier_values(r, r->b->n - 1);
    tp->kano_feature = mot_tbl_copy(t, B_KANO, 0);
    tp->owner = mot_tbl_copy(t, B_OWNER, 0);
    r->supports[r->b->n - 1] = mot_tbl_copy(t, B_SUPPORTS, 0);
    r->sup_line[r->b->n - 1] = mot_tbl_line(t, B_SUPPORTS);
}

/* Set b->stages in their final order (mot.ini's, else first appearance,
** with stages mot.ini misses last) and each touchpoint's stage_index. */
static mot_status finish_stages(bp_read *r)
{
    const mot_config *cfg = &r->t.ld->p->config;
    mot_blueprint *b = r->b;
    size_t n = mot_strtab_count(r->stages), k = 0;
    size_t *order = malloc((n + 1) * sizeof *order);
    b->stages = calloc(n + 1, sizeof *b->stages);
    if (!order || !b->stages) {
        free(order);
        return MOT_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = SIZE_MAX;
    for (size_t c = 0; c < cfg->nstage_order; c++) {
        const char *s = cfg->stage_order[c];
        uint32_t si = mot_strtab_find(r->stages, s, strlen(s));
        if (si != MOT_NONE && order[si] == SIZE_MAX)
            order[si] = k++;
    }
    for (size_t i = 0; i < n; i++)
        if (order[i] == SIZE_MAX)
            order[i] = k++;
    b->nstages = n;
    for (size_t i = 0; i < b->n; i++)
        if (b->tp[i].stage_index < n)
            b->tp[i].stage_index = order[b->tp[i].stage_index];
    for (size_t i = 0; i < n; i++) {
        b->stages[order[i]] = strdup(mot_strtab_get(r->stages, (uint32_t)i));
        if (!b->stages[order[i]]) {
            free(order);
            return MOT_ENOMEM;
        }
    }
    free(order);
    return MOT_OK;
}

/* Point each touchpoint's supports at the touchpoint it names. */
static void resolve_supports(bp_read *r)
{
    mot_blueprint *b = r->b;
    for (size_t i = 0; i < b->n; i++) {
        const char *s = r->supports[i];
        char found[64];
        if (!s)
            continue;
        b->tp[i].supports = mot_blueprint_find(b, s, strlen(s));
        if (b->tp[i].supports < 0)
            mot_load_error(r->t.ld, MOT_EDATA, r->t.file, r->sup_line[i],
                           (unsigned long)r->t.pos[B_SUPPORTS] + 1,
                           "%s must be an id from blueprint.csv, found "
                           "\"%s\"", mot_tbl_name(&r->t, B_SUPPORTS),
                           mot_text_excerpt(found, sizeof found, s, strlen(s)));
    }
}

/* Report the cycle of supports that starts at touchpoint `start`:
** "supports makes a cycle: A -> B -> A". */
static void report_cycle(bp_read *r, size_t start)
{
    const mot_blueprint *b = r->b;
    char chain[300];
    size_t used = 0, i = start;
    do {
        used += (size_t)snprintf(chain + used, sizeof chain - used, "%s -> ",
                                 b->tp[i].id);
        i = (size_t)b->tp[i].supports;
    } while (i != start && used < sizeof chain);
    if (used < sizeof chain)
        snprintf(chain + used, sizeof chain - used, "%s", b->tp[start].id);
    mot_load_error(r->t.ld, MOT_EDATA, r->t.file, r->sup_line[start],
                   (unsigned long)r->t.pos[B_SUPPORTS] + 1,
                   "supports makes a cycle: %s; a step cannot support "
                   "itself, even through other steps", chain);
}

/* Find the cycles of supports (each touchpoint supports at most one, so
** a walk from each touchpoint either ends or meets a cycle); report each
** cycle once, at the touchpoint of it met first in file order. */
static mot_status check_cycles(bp_read *r)
{
    const mot_blueprint *b = r->b;
    unsigned char *state = calloc(b->n + 1, 1);  /* 0 new, 1 walking, 2 done */
    if (!state)
        return MOT_ENOMEM;
    for (size_t i = 0; i < b->n; i++) {
        long j = (long)i;
        while (j >= 0 && state[j] == 0) {
            state[j] = 1;
            j = b->tp[j].supports;
        }
        if (j >= 0 && state[j] == 1)
            report_cycle(r, (size_t)j);
        for (j = (long)i; j >= 0 && state[j] == 1; j = b->tp[j].supports)
            state[j] = 2;
    }
    free(state);
    return MOT_OK;
}

/* Free what the loader kept beside the blueprint. */
static void bp_read_free(bp_read *r)
{
    for (size_t i = 0; r->supports && i < r->b->n; i++)
        free(r->supports[i]);
    free(r->supports);
    free(r->sup_line);
    free(r->tier_field);
    mot_strtab_free(r->ids);
    mot_strtab_free(r->stages);
    mot_seen_free(&r->id_seen);
    mot_tbl_close(&r->t);
}

/* After the rows: the stage order, supports and attribute columns. */
static void finish(bp_read *r)
{
    mot_blueprint *b = r->b;
    if (finish_stages(r) != MOT_OK) {
        mot_load_error(r->t.ld, MOT_ENOMEM, r->t.file, 0, 0,
                       "out of memory");
        return;
    }
    resolve_supports(r);
    if (check_cycles(r) != MOT_OK)
        mot_load_error(r->t.ld, MOT_ENOMEM, r->t.file, 0, 0,
                       "out of memory");
    mot_tbl_take_attrs(&r->t, &b->attrs);
    mot_array a = {&b->tp, sizeof *b->tp};
    mot_shrink(&a, 1, b->n);
}

mot_status mot_load_blueprint(mot_load *ld)
{
    bp_read r;
    mot_status st;
    memset(&r, 0, sizeof r);
    r.b = &ld->p->blueprint;
    r.last_stage = MOT_NONE;
    st = mot_tbl_open(&r.t, ld, "blueprint", cols, B_NCOLS, 1);
    if (st == MOT_DONE) {
        mot_load_error(ld, MOT_ENOENT, "blueprint.csv", 0, 0,
                       "file not found; a project needs at least "
                       "blueprint.csv");
        return MOT_ENOENT;
    }
    if (st != MOT_OK)
        return st;
    r.ids = mot_strtab_new();
    r.stages = mot_strtab_new();
    if (!r.ids || !r.stages)
        mot_load_error(ld, MOT_ENOMEM, r.t.file, 0, 0, "out of memory");
    find_tier_columns(&r);
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (!mot_load_stopped(ld))
        finish(&r);
    bp_read_free(&r);
    return st < 0 ? st : MOT_OK;
}
