/*
** segments.c: mot_analyse_segments, the moment-of-truth analysis per
** segment of customers (include/mot/segments.h; docs/methods.md §30).
**
** The customers.csv rows are first given a level of the column (a text
** value, a numeric value, or a value tier). For each level a view of the
** project is built: a mot_project that borrows the blueprint, the
** configuration and the string tables of the loaded project, and owns
** only copies of its customers' rows (customers.csv columns, attribute
** columns included) and of their events, with the customers renumbered
** 0.. in a table of their own. The view is derived and analysed like any
** project, then freed before the next level, so at most one segment's
** copy is in memory. The survey, ticket, interaction and staff tables
** are left out of the views (their analyses are not per segment).
**
** In a `tier` run, a tier's view also gets its own copy of the
** touchpoints where the blueprint's tolerance_<tier> replaces the
** tolerance, so that "below tolerance" is judged by that tier's standard.
** mot_tiers_find exposes the same tier assignment to other analyses
** (tickets.c).
**
** Afterwards the touchpoints whose MOT type is not the same in every
** segment are listed with heterogeneity tests of their churn odds ratios
** and loyalty lifts across the segments (Woolf's test).
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/segments.h"
#include "mot/analyse.h"
#include "mot/derive.h"
#include "mot/stats.h"

/* ---- levels ---------------------------------------------------------------- */

typedef struct levels {
    uint32_t *of;        /* per customers.csv row: level, or MOT_NONE */
    char **name;
    size_t n;
} levels;

static void levels_free(levels *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->name[i]);
    free(l->name);
    free(l->of);
}

static mot_status add_name(levels *l, const char *s)
{
    char **g = realloc(l->name, (l->n + 1) * sizeof *g);
    if (!g)
        return MOT_ENOMEM;
    l->name = g;
    if (!(l->name[l->n] = strdup(s)))
        return MOT_ENOMEM;
    l->n++;
    return MOT_OK;
}

/* Levels from codes into a string table (MOT_NONE: no value). */
static mot_status coded(levels *l, const uint32_t *code, size_t rows,
                        const mot_strtab *dict)
{
    mot_status st = MOT_OK;
    size_t n = mot_strtab_count(dict);
    for (size_t i = 0; i < n && st == MOT_OK; i++)
        st = add_name(l, mot_strtab_get(dict, (uint32_t)i));
    for (size_t r = 0; r < rows; r++)
        l->of[r] = code[r];
    return st;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Levels from the distinct values of a numeric column. */
static mot_status numeric(levels *l, const double *x, size_t rows,
                          const char *col, mot_error *err)
{
    double v[MOT_SEGMENT_MAX_LEVELS];
    size_t nv = 0;
    for (size_t r = 0; r < rows; r++) {
        if (isnan(x[r]))
            continue;
        size_t k = 0;
        while (k < nv && v[k] != x[r])
            k++;
        if (k == nv) {
            if (nv == MOT_SEGMENT_MAX_LEVELS)
                return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                                     "customers.csv column '%s' has more "
                                     "than %d values: it cannot be a "
                                     "segment", col, MOT_SEGMENT_MAX_LEVELS);
            v[nv++] = x[r];
        }
    }
    qsort(v, nv, sizeof *v, cmp_double);
    for (size_t k = 0; k < nv; k++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", v[k]);
        if (add_name(l, buf) != MOT_OK)
            return MOT_ENOMEM;
    }
    for (size_t r = 0; r < rows; r++) {
        l->of[r] = MOT_NONE;
        for (size_t k = 0; k < nv && !isnan(x[r]); k++)
            if (v[k] == x[r])
                l->of[r] = (uint32_t)k;
    }
    return MOT_OK;
}

/* Value tiers: low <= q(1/3) < mid <= q(2/3) < high. */
static mot_status tiers(levels *l, const double *x, size_t rows,
                        mot_segments *s, mot_error *err)
{
    double *v = malloc((rows + 1) * sizeof *v);
    size_t n = 0;
    if (!v)
        return MOT_ENOMEM;
    for (size_t r = 0; r < rows; r++)
        if (!isnan(x[r]))
            v[n++] = x[r];
    if (n == 0) {
        free(v);
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "no customer has a value: no value tiers");
    }
    qsort(v, n, sizeof *v, cmp_double);
    s->tiers = 1;
    s->tier_cut[0] = mot_quantile_sorted(v, n, 1.0 / 3);
    s->tier_cut[1] = mot_quantile_sorted(v, n, 2.0 / 3);
    free(v);
    mot_status st = add_name(l, "low");
    if (st == MOT_OK)
        st = add_name(l, "mid");
    if (st == MOT_OK)
        st = add_name(l, "high");
    for (size_t r = 0; r < rows; r++)
        l->of[r] = isnan(x[r]) ? MOT_NONE
                   : x[r] <= s->tier_cut[0] ? 0
                   : x[r] <= s->tier_cut[1] ? 1 : 2;
    return st;
}

static mot_status find_levels(const mot_project *p, const char *col,
                              levels *l, mot_segments *s, mot_error *err)
{
    const mot_customers *cu = p->customers;
    if (!cu)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "segments need customers.csv");
    if (!(l->of = malloc((cu->n + 1) * sizeof *l->of)))
        return MOT_ENOMEM;
    if (strcmp(col, "segment") == 0 && cu->has_segment)
        return coded(l, cu->segment, cu->n, cu->segments);
    const mot_column *c = mot_columns_find(&cu->attrs, col);
    if (c && !c->numeric)
        return coded(l, c->code, cu->n, c->dict);
    if (c)
        return numeric(l, c->num, cu->n, col, err);
    if (strcmp(col, "tier") == 0 && cu->has_value)
        return tiers(l, cu->value, cu->n, s, err);
    return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                         "customers.csv has no column '%s'%s", col,
                         strcmp(col, "tier") == 0
                             ? " and no value column to make tiers of" : "");
}

/* ---- tiers ------------------------------------------------------------------ */

void mot_tiers_free(mot_tiers *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->name[i]);
    free(t->name);
    free(t->of_customer);
    free(t);
}

mot_status mot_tiers_find(const mot_project *p, mot_tiers **out,
                          mot_error *err)
{
    levels l = {NULL, NULL, 0};
    mot_segments s;
    mot_tiers *t = calloc(1, sizeof *t);
    mot_status st;
    size_t nc = mot_strtab_count(p->customer_ids);
    *out = NULL;
    memset(&s, 0, sizeof s);
    s.tier_cut[0] = s.tier_cut[1] = NAN;
    if (!t)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    st = find_levels(p, "tier", &l, &s, err);
    if (st == MOT_OK &&
        !(t->of_customer = malloc((nc + 1) * sizeof *t->of_customer)))
        st = MOT_ENOMEM;
    if (st != MOT_OK) {
        if (st == MOT_ENOMEM)
            mot_error_set(err, st, NULL, 0, 0, "out of memory");
        levels_free(&l);
        mot_tiers_free(t);
        return st;
    }
    t->name = l.name;
    t->n = l.n;
    t->ncustomers = nc;
    t->from_value = s.tiers;
    t->cut[0] = s.tier_cut[0];
    t->cut[1] = s.tier_cut[1];
    for (size_t i = 0; i < nc; i++)
        t->of_customer[i] = MOT_NONE;
    for (size_t r = 0; r < p->customers->n; r++)
        t->of_customer[p->customers->customer[r]] = l.of[r];
    free(l.of);
    *out = t;
    return MOT_OK;
}

uint32_t mot_tiers_index(const mot_tiers *t, const char *name)
{
    for (size_t i = 0; t && i < t->n; i++) {
        const char *a = t->name[i], *b = name;
        while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b))
            a++, b++;
        if (!*a && !*b)
            return (uint32_t)i;
    }
    return MOT_NONE;
}

mot_status mot_tiers_check(const mot_tiers *t, const mot_blueprint *b,
                           mot_error *err)
{
    for (size_t k = 0; k < b->ntiercol; k++) {
        const mot_tier_column *c = &b->tiercol[k];
        char list[200] = "";
        size_t used = 0;
        if (mot_tiers_index(t, c->tier) != MOT_NONE)
            continue;
        for (size_t i = 0; t && i < t->n && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                     i ? ", " : "", t->name[i]);
        if (!t)
            return mot_error_set(err, MOT_EDATA, "blueprint.csv", c->line,
                                 c->column, "%s is a standard for tier "
                                 "\"%s\", but the customers have no tiers "
                                 "(customers.csv needs a tier or a value "
                                 "column)", c->header, c->tier);
        return mot_error_set(err, MOT_EDATA, "blueprint.csv", c->line,
                             c->column, "%s is a standard for tier \"%s\", "
                             "but no customer has that tier (the tiers are: "
                             "%s)", c->header, c->tier, list);
    }
    return MOT_OK;
}

/* ---- a view of one segment ------------------------------------------------ */

typedef struct view {
    mot_project p;
    mot_customers cu;
    mot_events ev;
    mot_column *cols;
    mot_touchpoint *tp;  /* the blueprint's touchpoints with a tier's
                            tolerances, or NULL */
} view;

static void view_free(view *v)
{
    mot_customers *cu = &v->cu;
    free(cu->customer);
    free(cu->overall);
    free(cu->nps);
    free(cu->churned);
    free(cu->churn_time);
    free(cu->segment);
    free(cu->value);
    for (size_t i = 0; v->cols && i < cu->attrs.n; i++) {
        free(v->cols[i].num);
        free(v->cols[i].code);
    }
    free(v->cols);
    free(v->tp);
    free(v->ev.customer);
    free(v->ev.time);
    free(v->ev.touchpoint);
    free(v->ev.score);
    free(v->ev.wait_minutes);
    mot_strtab_free(v->p.customer_ids);
}

/* dst[i] = src[rows[i]] for the n rows, as a new array (NULL when src
** is NULL); *ok = 0 when a malloc fails. */
#define PICK(dst, src, rows, n, ok)                                      \
    do {                                                                 \
        (dst) = NULL;                                                    \
        if (src) {                                                       \
            (dst) = malloc(((n) + 1) * sizeof *(dst));                   \
            if (!(dst))                                                  \
                (ok) = 0;                                                \
            else                                                         \
                for (size_t i_ = 0; i_ < (n); i_++)                      \
                    (dst)[i_] = (src)[(rows)[i_]];                       \
        }                                                                \
    } while (0)

/* The customers of level k: rows[0..n-1] of customers.csv, renumbered in
** ids; map (per project customer) gets their new numbers. */
static mot_status view_customers(view *v, const mot_project *p,
                                 const size_t *rows, size_t n, uint32_t *map)
{
    const mot_customers *cu = p->customers;
    mot_customers *d = &v->cu;
    int ok = 1;
    *d = *cu;   /* then every array is replaced by a copy (or NULL) */
    d->customer = NULL;
    d->churned = NULL;
    d->overall = d->nps = NULL;
    d->churn_time = NULL;
    d->segment = NULL;
    d->value = NULL;
    d->n = n;
    d->customer = malloc((n + 1) * sizeof *d->customer);
    if (!d->customer || !(v->p.customer_ids = mot_strtab_new()))
        return MOT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        uint32_t old = cu->customer[rows[i]], idx;
        const char *id = mot_strtab_get(p->customer_ids, old);
        int added;
        if (mot_strtab_intern(v->p.customer_ids, id, strlen(id), &idx,
                              &added) != MOT_OK)
            return MOT_ENOMEM;
        d->customer[i] = idx;
        map[old] = idx;
    }
    PICK(d->overall, cu->overall, rows, n, ok);
    PICK(d->nps, cu->nps, rows, n, ok);
    PICK(d->churned, cu->churned, rows, n, ok);
    PICK(d->churn_time, cu->churn_time, rows, n, ok);
    PICK(d->segment, cu->segment, rows, n, ok);
    PICK(d->value, cu->value, rows, n, ok);
    d->attrs.col = v->cols = calloc(cu->attrs.n + 1, sizeof *v->cols);
    if (!ok || !v->cols)
        return MOT_ENOMEM;
    for (size_t c = 0; c < cu->attrs.n; c++) {
        const mot_column *s = &cu->attrs.col[c];
        v->cols[c] = *s;
        PICK(v->cols[c].num, s->num, rows, n, ok);
        PICK(v->cols[c].code, s->code, rows, n, ok);
    }
    return ok ? MOT_OK : MOT_ENOMEM;
}

/* The events of the customers of map (MOT_NONE: not in the view). */
static mot_status view_events(view *v, const mot_events *ev,
                              const uint32_t *map)
{
    mot_events *d = &v->ev;
    size_t n = 0;
    for (size_t i = 0; i < ev->n; i++)
        n += map[ev->customer[i]] != MOT_NONE;
    d->n = n;
    d->customer = malloc((n + 1) * sizeof *d->customer);
    d->time = malloc((n + 1) * sizeof *d->time);
    d->touchpoint = malloc((n + 1) * sizeof *d->touchpoint);
    d->score = malloc((n + 1) * sizeof *d->score);
    if (ev->wait_minutes)
        d->wait_minutes = malloc((n + 1) * sizeof *d->wait_minutes);
    if (!d->customer || !d->time || !d->touchpoint || !d->score ||
        (ev->wait_minutes && !d->wait_minutes))
        return MOT_ENOMEM;
    for (size_t i = 0, k = 0; i < ev->n; i++) {
        uint32_t c = map[ev->customer[i]];
        if (c == MOT_NONE)
            continue;
        d->customer[k] = c;
        d->time[k] = ev->time[i];
        d->touchpoint[k] = ev->touchpoint[i];
        d->score[k] = ev->score[i];
        if (d->wait_minutes)
            d->wait_minutes[k] = ev->wait_minutes[i];
        k++;
    }
    return MOT_OK;
}

/* Build the view of the n customers.csv rows `rows`. */
static mot_status view_build(view *v, const mot_project *p,
                             const size_t *rows, size_t n)
{
    size_t ncust = mot_strtab_count(p->customer_ids);
    uint32_t *map = malloc((ncust + 1) * sizeof *map);
    mot_status st;
    memset(v, 0, sizeof *v);
    v->p = *p;
    v->p.customer_ids = NULL;
    v->p.kano = NULL;
    v->p.servqual = NULL;
    v->p.tickets = NULL;
    v->p.interactions = NULL;
    v->p.staff = NULL;
    v->p.customers = &v->cu;
    v->p.events = NULL;
    if (!map)
        return MOT_ENOMEM;
    for (size_t i = 0; i < ncust; i++)
        map[i] = MOT_NONE;
    st = view_customers(v, p, rows, n, map);
    if (st == MOT_OK && p->events) {
        v->p.events = &v->ev;
        st = view_events(v, p->events, map);
    }
    free(map);
    return st;
}

/* ---- analysing the segments ------------------------------------------------ */

/* Give the view the tolerances of tier `tier` where the blueprint has
** tolerance_<tier>; *count gets the number of touchpoints changed. The
** touchpoints are copied shallowly (their strings stay borrowed). */
static mot_status tier_tolerances(view *v, const char *tier, size_t *count)
{
    const mot_blueprint *b = &v->p.blueprint;
    *count = 0;
    for (size_t i = 0; i < b->n; i++)
        *count += !isnan(mot_blueprint_tier_value(b, MOT_TIER_TOLERANCE,
                                                  tier, i));
    if (*count == 0)
        return MOT_OK;
    if (!(v->tp = malloc(b->n * sizeof *v->tp)))
        return MOT_ENOMEM;
    for (size_t i = 0; i < b->n; i++) {
        double tol = mot_blueprint_tier_value(b, MOT_TIER_TOLERANCE, tier, i);
        v->tp[i] = b->tp[i];
        if (!isnan(tol))
            v->tp[i].tolerance = tol;
    }
    v->p.blueprint.tp = v->tp;
    return MOT_OK;
}

static mot_status analyse_one(const mot_project *p, const size_t *rows,
                              size_t n, const mot_analyse_options *o,
                              int tiered, mot_segment *sg, mot_error *err)
{
    view v;
    mot_features *f = NULL;
    mot_status st = view_build(&v, p, rows, n);
    if (st == MOT_OK && tiered)
        st = tier_tolerances(&v, sg->name, &sg->tier_tolerances);
    if (st != MOT_OK) {
        view_free(&v);
        return mot_error_set(err, st, NULL, 0, 0, "out of memory");
    }
    sg->n = n;
    sg->events = v.ev.n;
    if ((st = mot_features_derive(&v.p, o->threads, &f, err)) == MOT_OK)
        st = mot_analyse(&v.p, f, o, &sg->a, err);
    mot_features_free(f);
    view_free(&v);
    return st;
}

/* Woolf's / Cochran's Q of estimates b with standard errors se over the
** segments where both are finite (se > 0). */
static mot_segment_test heterogeneity(const double *b, const double *se,
                                      size_t n)
{
    mot_segment_test t = {0, NAN, NAN, NAN};
    double sw = 0, swb = 0, swb2 = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(b[i]) || !isfinite(se[i]) || !(se[i] > 0))
            continue;
        double w = 1 / (se[i] * se[i]);
        sw += w;
        swb += w * b[i];
        swb2 += w * b[i] * b[i];
        t.k++;
    }
    if (t.k < 2)
        return t;
    t.q = swb2 - swb * swb / sw;
    if (t.q < 0)
        t.q = 0;
    t.df = (double)t.k - 1;
    t.p = mot_chisq_sf(t.q, t.df);
    return t;
}

static mot_status differences(mot_segments *s, size_t ntp, double alpha)
{
    double z = mot_norm_quantile(1 - alpha / 2);
    double *b = malloc((s->nseg + 1) * sizeof *b),
           *se = malloc((s->nseg + 1) * sizeof *se);
    s->diff = calloc(ntp + 1, sizeof *s->diff);
    if (!b || !se || !s->diff) {
        free(b);
        free(se);
        return MOT_ENOMEM;
    }
    for (size_t t = 0; t < ntp; t++) {
        int same = 1;
        for (size_t k = 1; k < s->nseg; k++)
            same &= s->seg[k].a->tp[t].kind == s->seg[0].a->tp[t].kind;
        if (same)
            continue;
        mot_segment_diff *d = &s->diff[s->ndiff++];
        d->tp = t;
        for (size_t k = 0; k < s->nseg; k++) {
            const mot_tp_result *r = &s->seg[k].a->tp[t];
            b[k] = r->odds_ratio > 0 ? log(r->odds_ratio) : NAN;
            se[k] = r->or_lo > 0 && r->or_hi > 0
                        ? (log(r->or_hi) - log(r->or_lo)) / (2 * z) : NAN;
        }
        d->churn = heterogeneity(b, se, s->nseg);
        for (size_t k = 0; k < s->nseg; k++) {
            const mot_tp_result *r = &s->seg[k].a->tp[t];
            b[k] = r->lift;
            se[k] = (r->lift_hi - r->lift_lo) / (2 * z);
        }
        d->lift = heterogeneity(b, se, s->nseg);
    }
    free(b);
    free(se);
    return MOT_OK;
}

void mot_segments_free(mot_segments *s)
{
    if (!s)
        return;
    for (size_t k = 0; k < s->nseg; k++) {
        free(s->seg[k].name);
        mot_analysis_free(s->seg[k].a);
    }
    free(s->seg);
    free(s->diff);
    free(s->column);
    free(s);
}

mot_status mot_analyse_segments(const mot_project *p, const char *column,
                                const mot_analyse_options *opt,
                                mot_analysis *a, mot_error *err)
{
    mot_analyse_options o;
    levels l = {NULL, NULL, 0};
    size_t *rows = NULL;
    mot_status st;
    if (opt)
        o = *opt;
    else
        mot_analyse_options_default(&o);
    mot_segments *s = calloc(1, sizeof *s);
    if (!s || !(s->column = strdup(column))) {
        free(s);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    s->tier_cut[0] = s->tier_cut[1] = NAN;
    if ((st = find_levels(p, column, &l, s, err)) != MOT_OK)
        goto done;
    int tiered = strcmp(column, "tier") == 0;
    if (tiered) {
        mot_tiers t = {l.name, l.n, NULL, 0, s->tiers, {NAN, NAN}};
        if ((st = mot_tiers_check(&t, &p->blueprint, err)) != MOT_OK)
            goto done;
    }
    size_t nrows = p->customers->n;
    if (!(rows = malloc((nrows + 1) * sizeof *rows)) ||
        !(s->seg = calloc(l.n + 1, sizeof *s->seg))) {
        st = MOT_ENOMEM;
        goto done;
    }
    for (size_t r = 0; r < nrows; r++)
        s->unassigned += l.of[r] == MOT_NONE;
    for (size_t k = 0; k < l.n && st == MOT_OK; k++) {
        size_t n = 0;
        for (size_t r = 0; r < nrows; r++)
            if (l.of[r] == k)
                rows[n++] = r;
        if (n == 0)
            continue;
        mot_segment *sg = &s->seg[s->nseg];
        if (!(sg->name = strdup(l.name[k]))) {
            st = MOT_ENOMEM;
            break;
        }
        s->nseg++;
        st = analyse_one(p, rows, n, &o, tiered, sg, err);
    }
    if (st == MOT_OK && s->nseg == 0)
        st = mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                           "no customer has a value in column '%s'", column);
    if (st == MOT_OK)
        st = differences(s, p->blueprint.n, o.alpha);
done:
    if (st == MOT_ENOMEM)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    free(rows);
    levels_free(&l);
    if (st != MOT_OK) {
        mot_segments_free(s);
        return st;
    }
    a->segments = s;
    return MOT_OK;
}
