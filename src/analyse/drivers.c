/*
** drivers.c: driver analysis of a wide table (mot/drivers.h; the methods
** are in docs/methods.md, "mot drivers").
**
** Steps: code the outcome (binary or numeric) and every other column as
** terms (numeric as is, yes/no as 1/0, other text as dummies against the
** most frequent level); keep the rows complete in the outcome and every
** term (listwise, as R's na.omit); drop terms that are constant or a
** linear combination of earlier ones (as R's NA coefficients); fit the
** logistic (binary) or linear (numeric) model with the stats core; take
** importance as each term's part of the linear model's R^2 (LMG or
** Johnson's relative weights) with a batched Poisson bootstrap interval;
** scan numeric drivers for tolerance lines (binary outcome), Holm-adjusted
** across the drivers scanned; order the terms by importance.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/drivers.h"
#include "mot/parse.h"
#include "analyse/shared.h"

void mot_drivers_options_default(mot_drivers_options *o)
{
    memset(o, 0, sizeof *o);
    o->bootstrap = 200;
    o->seed = 1;
    o->alpha = 0.05;
    o->min_group = 30;
    o->max_levels = 20;
}

void mot_drivers_free(mot_drivers *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nd; i++) {
        free(d->d[i].column);
        free(d->d[i].level);
        free(d->d[i].reference);
    }
    free(d->d);
    for (size_t i = 0; i < d->nnotes; i++)
        free(d->notes[i]);
    free(d->notes);
    free(d->outcome);
    free(d->event);
    free(d);
}

/* One model term: a column, or one level of a text column. */
typedef struct term {
    size_t col;
    mot_driver_kind kind;
    uint32_t level;          /* LEVEL: the level's code; YESNO: yes's */
    uint32_t ref;            /* LEVEL: the reference's code */
} term;

/* The working state of one analysis. */
typedef struct dv {
    const mot_wide *w;
    const mot_drivers_options *o;
    mot_drivers *res;
    mot_error *err;
    const mot_column *ycol, *idcol;
    double *y;               /* per row, NAN when missing */
    term *t;                 /* terms ... */
    size_t nt, tcap;
    double *x;               /* ... their values, rows x nt */
    size_t nc;               /* complete rows ... */
    double *xc, *yc;         /* ... their values, nc x nt and nc */
} dv;

/* Append a note (printf-formatted). MOT_ENOMEM. */
static mot_status note(mot_drivers *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static mot_status note(mot_drivers *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = len >= 0 ? malloc((size_t)len + 1) : NULL;
    char **grown = s ? realloc(d->notes, (d->nnotes + 1) * sizeof *grown)
                     : NULL;
    if (!grown) {
        free(s);
        return MOT_ENOMEM;
    }
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    d->notes = grown;
    d->notes[d->nnotes++] = s;
    return MOT_OK;
}

/* ---- coding ------------------------------------------------------------- */

/* For a text column with exactly two levels that are yes/no words of
** opposite meaning: the code of "yes"; else MOT_NONE. */
static uint32_t yes_code(const mot_column *c, const size_t *counts,
                         size_t nlev)
{
    uint32_t yes = MOT_NONE;
    int seen[2] = {0, 0}, used = 0;
    for (size_t l = 0; l < nlev; l++) {
        if (!counts[l])
            continue;
        const char *s = mot_strtab_get(c->dict, (uint32_t)l);
        int b;
        if (++used > 2 || mot_parse_bool(s, strlen(s), &b) != MOT_OK ||
            seen[b])
            return MOT_NONE;
        seen[b] = 1;
        if (b)
            yes = (uint32_t)l;
    }
    return used == 2 ? yes : MOT_NONE;
}

/* Levels of text column c with rows: count, and the counts per code. */
static size_t levels(const dv *v, const mot_column *c, size_t *counts,
                     uint32_t *mode)
{
    size_t nlev = mot_strtab_count(c->dict), used = 0;
    *mode = mot_design_mode(c->code, v->w->nrows, nlev, counts);
    for (size_t l = 0; l < nlev; l++)
        used += counts[l] > 0;
    return used;
}

/* Code a binary text outcome: 1 for yes (yes/no words) or for the rarer
** of two texts. */
static mot_status code_text_outcome(dv *v, const mot_column *c)
{
    size_t nlev = mot_strtab_count(c->dict);
    size_t *counts = calloc(nlev ? nlev : 1, sizeof *counts);
    if (!counts)
        return MOT_ENOMEM;
    uint32_t mode;
    size_t used = levels(v, c, counts, &mode);
    uint32_t ev = used == 2 ? yes_code(c, counts, nlev) : MOT_NONE;
    mot_status st = MOT_OK;
    if (used < 2)
        st = mot_error_set(v->err, MOT_EDATA, v->w->name, 0, 0,
                           "outcome column \"%s\" does not vary", c->name);
    else if (used > 2)
        st = mot_error_set(v->err, MOT_EDATA, v->w->name, 0, 0,
                           "outcome column \"%s\" has %zu different texts: "
                           "a binary outcome needs exactly 2, a numeric one "
                           "numbers", c->name, used);
    else if (ev == MOT_NONE) {
        for (size_t l = 0; l < nlev; l++)
            if (counts[l] && l != mode)
                ev = (uint32_t)l;
        st = note(v->res, "the outcome \"%s\" counts \"%s\" (the rarer "
                          "value) as the event", c->name,
                  mot_strtab_get(c->dict, ev));
    }
    free(counts);
    if (st != MOT_OK)
        return st;
    v->res->binary = 1;
    if (!(v->res->event = strdup(mot_strtab_get(c->dict, ev))))
        return MOT_ENOMEM;
    for (size_t i = 0; i < v->w->nrows; i++)
        v->y[i] = c->code[i] == MOT_NONE ? NAN : c->code[i] == ev;
    return MOT_OK;
}

/* Code a numeric outcome: binary when it takes exactly two values (the
** larger is the event), else numeric. */
static mot_status code_num_outcome(dv *v, const mot_column *c)
{
    double a = NAN, b = NAN;
    int more = 0;
    for (size_t i = 0; i < v->w->nrows; i++) {
        double x = c->num[i];
        v->y[i] = x;
        if (isnan(x) || x == a || x == b)
            continue;
        if (isnan(a))
            a = x;
        else if (isnan(b))
            b = x;
        else
            more = 1;
    }
    if (isnan(b))
        return mot_error_set(v->err, MOT_EDATA, v->w->name, 0, 0,
                             "outcome column \"%s\" does not vary", c->name);
    if (more)
        return MOT_OK;
    double hi = a > b ? a : b;
    char buf[32];
    snprintf(buf, sizeof buf, "%.15g", hi);
    v->res->binary = 1;
    if (!(v->res->event = strdup(buf)))
        return MOT_ENOMEM;
    for (size_t i = 0; i < v->w->nrows; i++)
        if (!isnan(v->y[i]))
            v->y[i] = v->y[i] == hi;
    return MOT_OK;
}

/* Append a term. MOT_ENOMEM. */
static mot_status add_term(dv *v, term t)
{
    if (v->nt == v->tcap) {
        size_t cap = v->tcap ? 2 * v->tcap : 16;
        term *g = realloc(v->t, cap * sizeof *g);
        if (!g)
            return MOT_ENOMEM;
        v->t = g;
        v->tcap = cap;
    }
    v->t[v->nt++] = t;
    return MOT_OK;
}

/* Sort the n level codes lv by the byte order of their texts (n is at
** most max_levels: insertion sort). */
static void sort_levels(const mot_strtab *dict, uint32_t *lv, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t x = lv[i];
        const char *s = mot_strtab_get(dict, x);
        size_t j = i;
        for (; j > 0 && strcmp(mot_strtab_get(dict, lv[j - 1]), s) > 0; j--)
            lv[j] = lv[j - 1];
        lv[j] = x;
    }
}

/* The terms of text column k: yes/no, dummies, or left out. */
static mot_status code_text(dv *v, size_t k)
{
    const mot_column *c = &v->w->cols.col[k];
    size_t nlev = mot_strtab_count(c->dict);
    size_t *counts = calloc(nlev ? nlev : 1, sizeof *counts);
    uint32_t *lv = malloc((nlev ? nlev : 1) * sizeof *lv), mode;
    mot_status st = MOT_ENOMEM;
    if (!counts || !lv)
        goto done;
    size_t used = levels(v, c, counts, &mode), n = 0;
    uint32_t yes = yes_code(c, counts, nlev);
    if (used < 2)
        st = note(v->res, "column \"%s\" left out: it does not vary",
                  c->name);
    else if (yes != MOT_NONE)
        st = add_term(v, (term){k, MOT_DRIVER_YESNO, yes, MOT_NONE});
    else if (used > v->o->max_levels)
        st = note(v->res, "column \"%s\" left out: %zu different texts "
                          "(more than %zu) look like an identifier or free "
                          "text", c->name, used, v->o->max_levels);
    else {
        for (size_t l = 0; l < nlev; l++)
            if (counts[l] && l != mode)
                lv[n++] = (uint32_t)l;
        sort_levels(c->dict, lv, n);
        st = MOT_OK;
        for (size_t i = 0; i < n && st == MOT_OK; i++)
            st = add_term(v, (term){k, MOT_DRIVER_LEVEL, lv[i], mode});
    }
done:
    free(counts);
    free(lv);
    return st;
}

/* The term of numeric column k, unless it is constant or empty. */
static mot_status code_num(dv *v, size_t k)
{
    const mot_column *c = &v->w->cols.col[k];
    double first = NAN;
    for (size_t i = 0; i < v->w->nrows; i++) {
        if (isnan(c->num[i]))
            continue;
        if (isnan(first))
            first = c->num[i];
        else if (c->num[i] != first)
            return add_term(v, (term){k, MOT_DRIVER_NUMERIC, 0, 0});
    }
    return note(v->res, "column \"%s\" left out: %s", c->name,
                isnan(first) ? "it is empty" : "it does not vary");
}

/* Value of term t in row i (NAN when missing). */
static double term_value(const dv *v, const term *t, size_t i)
{
    const mot_column *c = &v->w->cols.col[t->col];
    if (t->kind == MOT_DRIVER_NUMERIC)
        return c->num[i];
    if (c->code[i] == MOT_NONE)
        return NAN;
    return c->code[i] == t->level;
}

/* Code the outcome and every other column; fill x. */
static mot_status code_all(dv *v)
{
    const mot_columns *cs = &v->w->cols;
    mot_status st = v->ycol->numeric ? code_num_outcome(v, v->ycol)
                                     : code_text_outcome(v, v->ycol);
    for (size_t k = 0; k < cs->n && st == MOT_OK; k++) {
        const mot_column *c = &cs->col[k];
        if (c == v->ycol || c == v->idcol)
            continue;
        st = c->numeric ? code_num(v, k) : code_text(v, k);
    }
    if (st != MOT_OK)
        return st;
    if (v->nt == 0)
        return mot_error_set(v->err, MOT_EDATA, v->w->name, 0, 0,
                             "no column can be a driver of \"%s\"",
                             v->ycol->name);
    size_t n = v->w->nrows;
    if (!(v->x = malloc(n * v->nt * sizeof *v->x)))
        return MOT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < v->nt; j++)
            v->x[i * v->nt + j] = term_value(v, &v->t[j], i);
    return MOT_OK;
}

/* ---- rows and terms used ------------------------------------------------ */

/* Note how many rows a missing value left out, naming the columns that
** lost the most. */
static mot_status note_missing(dv *v, size_t dropped)
{
    const mot_columns *cs = &v->w->cols;
    char buf[256] = "";
    size_t len = 0, named = 0;
    for (size_t k = 0; k < cs->n && named < 4; k++) {
        const mot_column *c = &cs->col[k];
        if (c == v->idcol)
            continue;
        size_t miss = 0;
        for (size_t i = 0; i < v->w->nrows; i++)
            miss += c->numeric ? isnan(c->num[i]) : c->code[i] == MOT_NONE;
        if (miss && len < sizeof buf)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s %zu",
                                    named++ ? ", " : "", c->name, miss);
    }
    return note(v->res, "%zu of %zu rows left out for a missing value "
                        "(empty cells: %s)", dropped, v->w->nrows, buf);
}

/* Keep the complete rows in xc, yc. */
static mot_status complete_rows(dv *v)
{
    size_t n = v->w->nrows, p = v->nt;
    v->xc = malloc((n * p + 1) * sizeof *v->xc);
    v->yc = malloc((n + 1) * sizeof *v->yc);
    if (!v->xc || !v->yc)
        return MOT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int ok = !isnan(v->y[i]);
        for (size_t j = 0; j < p && ok; j++)
            ok = !isnan(v->x[i * p + j]);
        if (!ok)
            continue;
        memcpy(v->xc + v->nc * p, v->x + i * p, p * sizeof *v->xc);
        v->yc[v->nc++] = v->y[i];
    }
    v->res->n = v->nc;
    return v->nc < n ? note_missing(v, n - v->nc) : MOT_OK;
}

/* A term's display name into buf: "col" or "col=level". */
static void term_name(const dv *v, const term *t, char *buf, size_t n)
{
    const mot_column *c = &v->w->cols.col[t->col];
    if (t->kind == MOT_DRIVER_LEVEL)
        snprintf(buf, n, "%s=%s", c->name, mot_strtab_get(c->dict, t->level));
    else
        snprintf(buf, n, "%s", c->name);
}

/* Drop the terms that are constant or aliased in the complete rows, with
** one note naming them. */
static mot_status drop_aliased(dv *v)
{
    size_t p = v->nt, k = 0, len = 0, dropped = 0;
    unsigned char *keep = malloc(p);
    char *names = malloc(p * 160 + 1);
    mot_status st = MOT_ENOMEM;
    if (!keep || !names ||
        mot_design_keep(v->xc, v->nc, p, NULL, keep) != MOT_OK)
        goto done;
    names[0] = '\0';
    for (size_t j = 0; j < p; j++) {
        if (keep[j])
            continue;
        char name[150];
        term_name(v, &v->t[j], name, sizeof name);
        len += (size_t)snprintf(names + len, p * 160 + 1 - len, "%s\"%s\"",
                                dropped++ ? ", " : "", name);
    }
    st = dropped ? note(v->res, "%zu term%s left out: in the complete rows "
                                "each is constant or a linear combination "
                                "of the terms before it: %s", dropped,
                        dropped == 1 ? "" : "s", names)
                 : MOT_OK;
    for (size_t i = 0; i < v->nc; i++)
        for (size_t j = 0; j < p; j++)
            if (keep[j])
                v->xc[k++] = v->xc[i * p + j];
    k = 0;
    for (size_t j = 0; j < p; j++)
        if (keep[j])
            v->t[k++] = v->t[j];
    v->nt = k;
    if (st == MOT_OK && (k == 0 || v->nc < k + 2))
        st = mot_error_set(v->err, MOT_EDATA, v->w->name, 0, 0,
                           "%zu complete rows are too few for %zu terms",
                           v->nc, k);
done:
    free(keep);
    free(names);
    return st;
}

/* ---- the result's terms ------------------------------------------------- */

/* strdup, keeping NULL (NULL on failure too: callers check the source). */
static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* Create the result's driver entries, one per kept term. */
static mot_status make_drivers(dv *v)
{
    mot_drivers *r = v->res;
    if (!(r->d = calloc(v->nt, sizeof *r->d)))
        return MOT_ENOMEM;
    r->nd = v->nt;
    for (size_t j = 0; j < v->nt; j++) {
        const term *t = &v->t[j];
        const mot_column *c = &v->w->cols.col[t->col];
        mot_driver *d = &r->d[j];
        d->kind = t->kind;
        d->importance = d->importance_lo = d->importance_hi = NAN;
        d->estimate = d->lo = d->hi = d->p = NAN;
        mot_line_clear(&d->line);
        d->column = strdup(c->name);
        if (t->kind == MOT_DRIVER_LEVEL) {
            d->level = dup_or_null(mot_strtab_get(c->dict, t->level));
            d->reference = dup_or_null(mot_strtab_get(c->dict, t->ref));
        }
        if (!d->column || (t->kind == MOT_DRIVER_LEVEL &&
                           (!d->level || !d->reference)))
            return MOT_ENOMEM;
    }
    return MOT_OK;
}

/* The logistic model: odds ratios with Wald intervals. */
static mot_status fit_logistic(dv *v)
{
    mot_drivers *r = v->res;
    mot_logit *f;
    mot_status st = mot_logit_fit(v->xc, v->nc, v->nt, v->yc, NULL, NULL, &f,
                                  v->err);
    if (st != MOT_OK)
        return st;
    snprintf(r->model, sizeof r->model, "logistic");
    r->events = f->events;
    r->deviance = f->deviance;
    r->null_deviance = f->null_deviance;
    for (size_t j = 0; j < v->nt; j++) {
        const mot_logit_coef *c = &f->coef[j + 1];
        mot_driver *d = &r->d[j];
        d->estimate = c->odds_ratio;
        d->lo = c->or_lo;
        d->hi = c->or_hi;
        d->p = c->p;
        d->flags = c->flags;
    }
    if (f->flags & MOT_LOGIT_SEPARATION)
        st = note(r, "the outcome is (quasi-)separated by some terms: their "
                     "odds ratios are not finite and are left out");
    if (st == MOT_OK && (f->flags & MOT_LOGIT_NOT_CONVERGED))
        st = note(r, "the logistic fit did not converge in %d iterations",
                  f->iterations);
    if (st == MOT_OK && (f->flags & MOT_LOGIT_SMALL))
        st = note(r, "some terms rest on fewer than 5 rows, events or "
                     "non-events at a level: their intervals are wide");
    mot_logit_free(f);
    return st;
}

/* The linear model: coefficients with t intervals. */
static mot_status fit_linear(dv *v)
{
    size_t p = v->nt;
    mot_moments *m;
    double *row = malloc((p + 1) * sizeof *row);
    if (!row || mot_moments_new(p + 1, &m) != MOT_OK) {
        free(row);
        return MOT_ENOMEM;
    }
    for (size_t i = 0; i < v->nc; i++) {
        memcpy(row, v->xc + i * p, p * sizeof *row);
        row[p] = v->yc[i];
        mot_moments_add(m, row, 1);
    }
    free(row);
    mot_ols *o;
    mot_status st = mot_ols_from_moments(m, p, 0.95, &o, v->err);
    mot_moments_free(m);
    if (st != MOT_OK)
        return st;
    snprintf(v->res->model, sizeof v->res->model, "linear");
    for (size_t j = 0; j < p; j++) {
        mot_driver *d = &v->res->d[j];
        d->estimate = o->coef[j + 1].beta;
        d->lo = o->coef[j + 1].lo;
        d->hi = o->coef[j + 1].hi;
        d->p = o->coef[j + 1].p;
    }
    mot_ols_free(o);
    return MOT_OK;
}

/* Bootstrap row: the terms then the outcome of complete row i. */
static int boot_row(const void *ctx, size_t i, double *const *vals)
{
    const dv *v = ctx;
    memcpy(vals[0], v->xc + i * v->nt, v->nt * sizeof **vals);
    vals[0][v->nt] = v->yc[i];
    return 1;
}

/* Bootstrap statistic: importance of each term, then R^2. */
static void boot_stat(const void *ctx, mot_moments *const *acc, double *out)
{
    const dv *v = ctx;
    mot_design_importance_stat(acc[0], v->nt, out);
}

/* Importance with its bootstrap interval. */
static mot_status importance(dv *v)
{
    mot_drivers *r = v->res;
    size_t dim = v->nt + 1;
    mot_boot_job job = {v->nc, 1, &dim, v->nt + 1, boot_row, boot_stat, v,
                        v->o->bootstrap, v->o->seed, v->o->threads, 0.95, 0};
    mot_boot_out bo;
    mot_status st = mot_boot_run(&job, &bo);
    if (st != MOT_OK)
        return st;
    snprintf(r->importance_method, sizeof r->importance_method, "%s",
             v->nt <= MOT_LMG_MAXP ? "lmg" : "relative_weights");
    snprintf(r->interval_method, sizeof r->interval_method,
             "percentile Poisson bootstrap (%u)", v->o->bootstrap);
    r->r2 = bo.est[v->nt];
    for (size_t j = 0; j < v->nt; j++) {
        r->d[j].importance = bo.est[j];
        r->d[j].importance_lo = bo.lo[j];
        r->d[j].importance_hi = bo.hi[j];
    }
    if (isnan(r->r2))
        st = note(r, "importance could not be computed: the terms' "
                     "correlation matrix is singular");
    else if (bo.failed)
        st = note(r, "%zu of %u bootstrap replicates could not be computed "
                     "and were left out of the intervals", bo.failed,
                  v->o->bootstrap);
    mot_boot_out_free(&bo);
    return st;
}

/* ---- tolerance lines ---------------------------------------------------- */

/* True when numeric term j takes more than two values. */
static int scannable(const dv *v, size_t j)
{
    const double *x = v->w->cols.col[v->t[j].col].num;
    double a = NAN, b = NAN;
    if (v->t[j].kind != MOT_DRIVER_NUMERIC)
        return 0;
    for (size_t i = 0; i < v->w->nrows; i++) {
        if (isnan(x[i]) || x[i] == a || x[i] == b)
            continue;
        if (isnan(a))
            a = x[i];
        else if (isnan(b))
            b = x[i];
        else
            return 1;
    }
    return 0;
}

/* Scan every numeric driver (binary outcome) and adjust over them. */
static mot_status lines(dv *v)
{
    mot_drivers *r = v->res;
    mot_line_scan *s = calloc(v->nt ? v->nt : 1, sizeof *s);
    if (!s)
        return MOT_ENOMEM;
    mot_line_opts lo = {v->o->min_group, 0.05, v->o->permutations, 0};
    mot_status st = MOT_OK;
    for (size_t j = 0; j < v->nt && st == MOT_OK; j++) {
        mot_line_clear(&s[j].line);
        if (!r->binary || !scannable(v, j))
            continue;
        r->d[j].scanned = 1;
        lo.seed = v->o->seed + j;
        st = mot_line_scan_run(v->w->cols.col[v->t[j].col].num, v->y,
                               v->w->nrows, &lo, r->d[j].column,
                               v->ycol->name, 0, &s[j], v->err);
    }
    if (st == MOT_OK)
        st = mot_line_family(s, v->nt, v->o->alpha);
    for (size_t j = 0; j < v->nt && st == MOT_OK; j++)
        r->d[j].line = s[j].line;
    free(s);
    return st;
}

/* Most important first; NAN last; ties by column and level name. */
static int cmp_driver(const void *a, const void *b)
{
    const mot_driver *x = a, *y = b;
    int nx = isnan(x->importance), ny = isnan(y->importance);
    if (nx || ny || x->importance == y->importance) {
        if (nx != ny)
            return nx - ny;
        int c = strcmp(x->column, y->column);
        return c ? c : strcmp(x->level ? x->level : "",
                              y->level ? y->level : "");
    }
    return (x->importance < y->importance) - (x->importance > y->importance);
}

/* Every step of the file comment, in order. */
static mot_status analyse(dv *v)
{
    mot_status st;
    if ((st = code_all(v)) != MOT_OK || (st = complete_rows(v)) != MOT_OK ||
        (st = drop_aliased(v)) != MOT_OK || (st = make_drivers(v)) != MOT_OK)
        return st;
    if ((st = v->res->binary ? fit_logistic(v) : fit_linear(v)) != MOT_OK ||
        (st = importance(v)) != MOT_OK || (st = lines(v)) != MOT_OK)
        return st;
    if (!v->res->binary)
        st = note(v->res, "tolerance lines need a binary outcome: none were "
                          "looked for");
    qsort(v->res->d, v->res->nd, sizeof *v->res->d, cmp_driver);
    return st;
}

mot_status mot_drivers_analyse(const mot_wide *w,
                               const mot_drivers_options *o,
                               mot_drivers **out, mot_error *err)
{
    *out = NULL;
    const mot_column *yc = o->outcome ? mot_columns_find(&w->cols, o->outcome)
                                      : NULL;
    const mot_column *idc = o->id ? mot_columns_find(&w->cols, o->id) : NULL;
    if (!yc || (o->id && !idc))
        return mot_error_set(err, MOT_EUSAGE, w->name, 0, 0,
                             "no column \"%s\" in the table",
                             !yc ? (o->outcome ? o->outcome : "")
                                 : o->id);
    if (yc == idc)
        return mot_error_set(err, MOT_EUSAGE, w->name, 0, 0,
                             "the outcome cannot be the id column");
    dv v = {w, o, calloc(1, sizeof(mot_drivers)), err, yc, idc, NULL, NULL,
            0, 0, NULL, 0, NULL, NULL};
    mot_status st = MOT_ENOMEM;
    if (v.res && (v.res->outcome = strdup(yc->name)) &&
        (v.y = malloc((w->nrows + 1) * sizeof *v.y))) {
        v.res->rows = w->nrows;
        v.res->deviance = v.res->null_deviance = v.res->events = NAN;
        st = analyse(&v);
    }
    if (st == MOT_ENOMEM)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    free(v.y);
    free(v.t);
    free(v.x);
    free(v.xc);
    free(v.yc);
    if (st != MOT_OK)
        mot_drivers_free(v.res);
    else
        *out = v.res;
    return st;
}
