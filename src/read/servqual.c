/*
** servqual.c: loading servqual.csv and servqual_weights.csv.
**
** servqual.csv: one row is one respondent's expectation and perception of
** one item (and optionally the adequate and desired levels of the zone of
** tolerance), numbers 1 to 10. An item belongs to the dimension its row
** gives; without one, the item must be a standard SERVQUAL item number
** 1..22 (Parasuraman, Zeithaml & Berry 1988), whose dimension is known. A
** respondent rates an item once, and an item belongs to one dimension on
** every row. An optional overall column (named by the config's
** overall_col, default "overall") holds the respondent's overall score,
** any number, repeated on the respondent's rows; cells may be empty, but
** two different numbers for one respondent are an error.
**
** servqual_weights.csv: each respondent shares 100 points among the five
** dimensions (one row per respondent and dimension). Its respondents are
** those of servqual.csv, so it needs servqual.csv beside it.
**
** mot_servqual_load_file reads the two files from paths given on their
** own, with the same checks.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "read/columns.h"
#include "read/load.h"

enum {
    S_RESPONDENT, S_ITEM, S_EXPECTATION, S_PERCEPTION, S_DIMENSION,
    S_ADEQUATE, S_DESIRED, S_OVERALL, S_NCOLS
};

enum { W_RESPONDENT, W_DIMENSION, W_POINTS, W_NCOLS };

static const mot_tbl_col weight_cols[W_NCOLS] = {
    {"respondent_id", NULL, 1}, {"dimension", NULL, 1}, {"points", NULL, 1},
};

/* Points may miss 100 by this much (rounding in spreadsheets). */
#define POINTS_SLACK 0.5

/* The reader of a file and the arrays it grows. */
typedef struct sq_read {
    mot_tbl t;
    mot_servqual *s;
    mot_array arrays[S_NCOLS];
    size_t narrays, cap;
    mot_strtab *pairs;   /* (respondent, item or dimension) pairs met ... */
    mot_seen seen;       /* ... and their lines */
    int8_t *item_dim;    /* per item: the dimension of its first row ... */
    unsigned long *item_line;   /* ... and that row's line, 0 none yet */
    size_t item_cap;
    double *resp_overall;       /* per respondent: the first overall ... */
    unsigned long *resp_line;   /* ... and its line, 0 none yet */
    size_t resp_cap;
} sq_read;

void mot_servqual_free(mot_servqual *s)
{
    if (!s)
        return;
    free(s->respondent);
    free(s->item);
    free(s->dimension);
    free(s->expectation);
    free(s->perception);
    free(s->adequate);
    free(s->desired);
    free(s->overall);
    mot_strtab_free(s->respondents);
    mot_strtab_free(s->items);
    mot_columns_free(&s->attrs);
    free(s->w_respondent);
    free(s->w_dimension);
    free(s->w_points);
    free(s);
}

/* Start reading a file, base.csv in the folder or the file at path when
** path is not NULL: open it and make the pair table. MOT_OK, or the status
** of mot_tbl_open (MOT_DONE when absent) or mot_tbl_open_path. */
static mot_status sq_open(sq_read *r, mot_load *ld, const char *base,
                          const char *path, const mot_tbl_col *c, size_t n,
                          int keep_attrs)
{
    mot_status st;
    memset(r, 0, sizeof *r);
    st = path ? mot_tbl_open_path(&r->t, ld, path, c, n, keep_attrs)
              : mot_tbl_open(&r->t, ld, base, c, n, keep_attrs);
    if (st == MOT_OK && !(r->pairs = mot_strtab_new()))
        mot_load_error(ld, MOT_ENOMEM, r->t.file, 0, 0, "out of memory");
    return st;
}

/* Close the file and free the pair table (not the servqual table). */
static void sq_close(sq_read *r)
{
    free(r->item_dim);
    free(r->item_line);
    free(r->resp_overall);
    free(r->resp_line);
    mot_strtab_free(r->pairs);
    mot_seen_free(&r->seen);
    mot_tbl_close(&r->t);
}

/* Check that the pair (respondent a, b) of the row is new; a repeat is
** reported as "respondent "<a>" <what> "<b_text>" twice". */
static void check_pair(sq_read *r, uint32_t a, uint32_t b, int col,
                       const char *what, const char *b_text)
{
    mot_tbl *t = &r->t;
    uint32_t pair;
    unsigned long first;
    if (a == MOT_NONE || b == MOT_NONE)
        return;
    if (mot_pair_intern(r->pairs, a, b, &pair) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    first = mot_seen_mark(t, &r->seen, pair, mot_tbl_line(t, col));
    if (first)
        mot_tbl_error_at(t, (size_t)t->pos[col], "respondent \"%s\" %s "
                         "\"%s\" twice: first on line %lu",
                         mot_strtab_get(r->s->respondents, a), what, b_text,
                         first);
}

/* ---- servqual.csv -------------------------------------------------------- */

/* List the arrays of the columns present in the file. */
static void list_arrays(sq_read *r)
{
    mot_servqual *s = r->s;
    mot_array all[S_NCOLS] = {
        {&s->respondent, sizeof *s->respondent}, {&s->item, sizeof *s->item},
        {&s->expectation, sizeof *s->expectation},
        {&s->perception, sizeof *s->perception},
        {&s->dimension, sizeof *s->dimension},
        {&s->adequate, sizeof *s->adequate},
        {&s->desired, sizeof *s->desired},
        {&s->overall, sizeof *s->overall},
    };
    for (int c = 0; c < S_NCOLS; c++)
        if (c <= S_DIMENSION || mot_tbl_has(&r->t, c))
            r->arrays[r->narrays++] = all[c];
}

/* The dimension of the row: its dimension field, else that of the
** standard item its item field numbers. */
static mot_dimension read_dimension(mot_tbl *t)
{
    mot_dimension d;
    size_t len;
    const char *s;
    int64_t item;
    if (!mot_tbl_dimension(t, S_DIMENSION, &d) || d != MOT_DIM_UNSET)
        return d;
    s = mot_tbl_text(t, S_ITEM, &len);
    if (len && mot_parse_int64(s, len, &item) == MOT_OK && item >= 1 &&
        item <= 22)
        return mot_dimension_of_item((long)item);
    if (len)
        mot_tbl_bad(t, S_ITEM, "a SERVQUAL item number 1 to 22 (or give a "
                    "dimension column)");
    return MOT_DIM_UNSET;
}

/* Check that item `item` of the current row has the dimension d it had
** on its first row. */
static void check_item_dimension(sq_read *r, uint32_t item, mot_dimension d)
{
    mot_tbl *t = &r->t;
    if (item == MOT_NONE || d == MOT_DIM_UNSET)
        return;
    if ((size_t)item >= r->item_cap) {
        size_t old = r->item_cap;
        mot_array a[2] = {{&r->item_dim, sizeof *r->item_dim},
                          {&r->item_line, sizeof *r->item_line}};
        if (mot_grow(a, 2, &r->item_cap, (size_t)item + 1) != MOT_OK) {
            mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
            return;
        }
        memset(r->item_line + old, 0,
               (r->item_cap - old) * sizeof *r->item_line);
    }
    if (!r->item_line[item]) {
        r->item_dim[item] = (int8_t)d;
        r->item_line[item] = mot_tbl_line(t, S_ITEM);
    } else if (r->item_dim[item] != (int8_t)d) {
        mot_tbl_error_at(t, (size_t)t->pos[mot_tbl_has(t, S_DIMENSION)
                                           ? S_DIMENSION : S_ITEM],
                         "item \"%s\" is in dimension %s here but in %s on "
                         "line %lu; an item belongs to one dimension",
                         mot_strtab_get(r->s->items, item),
                         mot_dimension_name(d),
                         mot_dimension_name((mot_dimension)
                                            r->item_dim[item]),
                         r->item_line[item]);
    }
}

/* Check that the overall score x of respondent who on the current row
** is the one the respondent's earlier rows gave (an empty cell, NAN,
** says nothing). */
static void check_overall(sq_read *r, uint32_t who, double x)
{
    mot_tbl *t = &r->t;
    if (who == MOT_NONE || isnan(x))
        return;
    if ((size_t)who >= r->resp_cap) {
        size_t old = r->resp_cap;
        mot_array a[2] = {{&r->resp_overall, sizeof *r->resp_overall},
                          {&r->resp_line, sizeof *r->resp_line}};
        if (mot_grow(a, 2, &r->resp_cap, (size_t)who + 1) != MOT_OK) {
            mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
            return;
        }
        memset(r->resp_line + old, 0,
               (r->resp_cap - old) * sizeof *r->resp_line);
    }
    if (!r->resp_line[who]) {
        r->resp_overall[who] = x;
        r->resp_line[who] = mot_tbl_line(t, S_OVERALL);
    } else if (r->resp_overall[who] != x) {
        mot_tbl_error_at(t, (size_t)t->pos[S_OVERALL], "respondent \"%s\" "
                         "has %s %g here but %g on line %lu; give one "
                         "overall score per respondent",
                         mot_strtab_get(r->s->respondents, who),
                         mot_tbl_name(t, S_OVERALL), x,
                         r->resp_overall[who], r->resp_line[who]);
    }
}

/* A rating 1..10 from column col into *out (NAN when empty or bad). */
static void read_rating(mot_tbl *t, int col, float *out)
{
    double d;
    mot_tbl_real(t, col, 1, 10, "a number between 1 and 10", &d);
    *out = (float)d;
}

/* Read the current row as answer s->n. */
static void read_row(sq_read *r)
{
    mot_tbl *t = &r->t;
    mot_servqual *s = r->s;
    size_t i = s->n;
    if (mot_grow(r->arrays, r->narrays, &r->cap, i + 1) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    s->n++;
    mot_tbl_intern(t, S_RESPONDENT, 1, s->respondents, &s->respondent[i]);
    if (mot_tbl_intern(t, S_ITEM, 1, s->items, &s->item[i]))
        check_pair(r, s->respondent[i], s->item[i], S_ITEM, "rated item",
                   mot_strtab_get(s->items, s->item[i]));
    s->dimension[i] = (int8_t)read_dimension(t);
    check_item_dimension(r, s->item[i], (mot_dimension)s->dimension[i]);
    read_rating(t, S_EXPECTATION, &s->expectation[i]);
    read_rating(t, S_PERCEPTION, &s->perception[i]);
    if (s->adequate)
        read_rating(t, S_ADEQUATE, &s->adequate[i]);
    if (s->desired)
        read_rating(t, S_DESIRED, &s->desired[i]);
    if (s->overall) {
        double d;
        mot_tbl_real(t, S_OVERALL, -HUGE_VAL, HUGE_VAL, "a number", &d);
        s->overall[i] = (float)d;
        check_overall(r, s->respondent[i], (float)d);
    }
}

/* The table and its string tables; NULL (reported) if a malloc fails. */
static mot_servqual *servqual_new(mot_load *ld, const char *file)
{
    mot_servqual *s = ld->p->servqual = calloc(1, sizeof *s);
    if (s && (s->respondents = mot_strtab_new()) &&
        (s->items = mot_strtab_new()))
        return s;
    mot_load_error(ld, MOT_ENOMEM, file, 0, 0, "out of memory");
    return NULL;
}

/* Read servqual.csv from the folder (path NULL) or the file at path;
** MOT_DONE when the folder has none. */
static mot_status load_answers(mot_load *ld, const char *path)
{
    const mot_tbl_col cols[S_NCOLS] = {
        {"respondent_id", NULL, 1}, {"item", NULL, 1},
        {"expectation", NULL, 1}, {"perception", NULL, 1},
        {"dimension", NULL, 0}, {"adequate", NULL, 0}, {"desired", NULL, 0},
        {ld->p->config.overall_col, NULL, 0},
    };
    sq_read r;
    mot_status st = sq_open(&r, ld, "servqual", path, cols, S_NCOLS, 1);
    if (st != MOT_OK)
        return st;
    if ((r.s = servqual_new(ld, r.t.file)) != NULL)
        list_arrays(&r);
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (r.s) {
        mot_shrink(r.arrays, r.narrays, r.s->n);
        mot_tbl_take_attrs(&r.t, &r.s->attrs);
    }
    sq_close(&r);
    return st < 0 ? st : MOT_OK;
}

/* ---- servqual_weights.csv ------------------------------------------------ */

/* The points each respondent gave, summed, and where they start. */
typedef struct sums {
    double *points;         /* per respondent index */
    unsigned long *line;    /* line of the respondent's first row, 0 none */
    size_t cap;
} sums;

/* Add the row's points to the respondent's sum; 0 if a malloc fails. */
static int add_points(sums *m, uint32_t who, double points,
                      unsigned long line)
{
    if ((size_t)who >= m->cap) {
        size_t old = m->cap;
        mot_array a[2] = {{&m->points, sizeof *m->points},
                          {&m->line, sizeof *m->line}};
        if (mot_grow(a, 2, &m->cap, (size_t)who + 1) != MOT_OK)
            return 0;
        memset(m->points + old, 0, (m->cap - old) * sizeof *m->points);
        memset(m->line + old, 0, (m->cap - old) * sizeof *m->line);
    }
    m->points[who] += points;
    if (!m->line[who])
        m->line[who] = line;
    return 1;
}

/* Read the current row as weight s->nweights. */
static void read_weight(sq_read *r, sums *m)
{
    mot_tbl *t = &r->t;
    mot_servqual *s = r->s;
    size_t i = s->nweights, len;
    mot_dimension d;
    double points;
    if (mot_grow(r->arrays, r->narrays, &r->cap, i + 1) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    s->nweights++;
    mot_tbl_intern(t, W_RESPONDENT, 1, s->respondents, &s->w_respondent[i]);
    mot_tbl_text(t, W_DIMENSION, &len);
    if (len == 0)
        mot_tbl_error_at(t, (size_t)t->pos[W_DIMENSION], "%s must not be "
                         "empty", mot_tbl_name(t, W_DIMENSION));
    mot_tbl_dimension(t, W_DIMENSION, &d);
    s->w_dimension[i] = (int8_t)d;
    if (d != MOT_DIM_UNSET)
        check_pair(r, s->w_respondent[i], (uint32_t)d, W_DIMENSION,
                   "gave points to dimension", mot_dimension_name(d));
    if (mot_tbl_real(t, W_POINTS, 0, 100, "a number from 0 to 100", &points) && isnan(points))
        mot_tbl_error_at(t, (size_t)t->pos[W_POINTS], "%s must not be "
                         "empty", mot_tbl_name(t, W_POINTS));
    s->w_points[i] = (float)points;
    if (s->w_respondent[i] != MOT_NONE && !isnan(points) &&
        !add_points(m, s->w_respondent[i], points, mot_tbl_line(t, W_POINTS)))
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
}

/* Report each respondent whose points do not add up to 100. */
static void check_sums(sq_read *r, const sums *m)
{
    for (size_t who = 0; who < m->cap; who++) {
        if (!m->line[who] || fabs(m->points[who] - 100) <= POINTS_SLACK)
            continue;
        mot_load_error(r->t.ld, MOT_EDATA, r->t.file, m->line[who],
                       (unsigned long)r->t.pos[W_POINTS] + 1,
                       "points of respondent \"%s\" add up to %g; they must "
                       "add up to 100",
                       mot_strtab_get(r->s->respondents, (uint32_t)who),
                       m->points[who]);
    }
}

/* Read servqual_weights.csv from the folder (path NULL) or the file at
** path into the servqual table, which servqual.csv made (answers_read: it
** was in the folder). */
static void load_weights(mot_load *ld, const char *path, int answers_read)
{
    sq_read r;
    sums m = {NULL, NULL, 0};
    mot_status st = sq_open(&r, ld, "servqual_weights", path, weight_cols,
                            W_NCOLS, 0);
    if (st != MOT_OK)
        return;
    r.s = ld->p->servqual;
    if (!answers_read)
        mot_load_error(ld, MOT_EDATA, r.t.file, 0, 0, "needs servqual.csv "
                       "in the same folder: the weights belong to its "
                       "respondents");
    if (r.s) {
        mot_array a[3] = {{&r.s->w_respondent, sizeof *r.s->w_respondent},
                          {&r.s->w_dimension, sizeof *r.s->w_dimension},
                          {&r.s->w_points, sizeof *r.s->w_points}};
        memcpy(r.arrays, a, sizeof a);
        r.narrays = 3;
        while (mot_tbl_next(&r.t) == MOT_OK)
            read_weight(&r, &m);
        if (!mot_load_stopped(ld))
            check_sums(&r, &m);
        mot_shrink(r.arrays, r.narrays, r.s->nweights);
    }
    free(m.points);
    free(m.line);
    sq_close(&r);
}

mot_status mot_load_servqual(mot_load *ld)
{
    mot_status st = load_answers(ld, NULL);
    if (!mot_load_stopped(ld))
        load_weights(ld, NULL, st != MOT_DONE);
    return st;
}

mot_status mot_load_servqual_files(mot_load *ld, const char *path,
                                   const char *weights_path)
{
    mot_status st = load_answers(ld, path);
    if (weights_path && ld->p->servqual && !mot_load_stopped(ld))
        load_weights(ld, weights_path, 1);
    return st;
}
