/*
** interactions.c: loading interactions.csv, staff behaviour checklists.
**
** One row is one observed interaction of a member of staff: its id, staff
** id and time, then one column per behaviour step of the service standard
** (every column that is not one of the known ones), each 0/1 (not done /
** done) or a rating 1 to 5, so a number from 0 to 5. Each interaction_id
** may appear once. With MOT_SKIP_INTERACTION_DETAIL only staff_id, time,
** customer_score and the steps are read (what the behaviour analysis
** uses): a row then costs 16 bytes plus 4 a step, and interaction_id (its
** uniqueness too), customer_id, touchpoint and branch are not checked.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "read/load.h"

enum {
    X_INTERACTION, X_STAFF, X_TIME, X_CUSTOMER, X_TOUCHPOINT, X_BRANCH,
    X_SCORE, X_NCOLS
};

static const mot_tbl_col cols[X_NCOLS] = {
    {"interaction_id", NULL, 1}, {"staff_id", NULL, 1}, {"time", NULL, 1},
    {"customer_id", NULL, 0}, {"touchpoint", NULL, 0}, {"branch", NULL, 0},
    {"customer_score", NULL, 0},
};

/* The reader of the file and the arrays it grows. */
typedef struct in_read {
    mot_tbl t;
    mot_interactions *x;
    size_t *step_field;     /* header field of each step */
    mot_array *arrays;      /* X_NCOLS + nsteps */
    size_t narrays, cap;
    mot_seen seen;          /* line of each interaction id */
} in_read;

void mot_interactions_free(mot_interactions *x)
{
    if (!x)
        return;
    free(x->interaction);
    free(x->staff);
    free(x->time);
    for (size_t k = 0; k < x->nsteps; k++) {
        free(x->step_names ? x->step_names[k] : NULL);
        free(x->steps ? x->steps[k] : NULL);
    }
    free(x->step_names);
    free(x->steps);
    free(x->customer);
    free(x->touchpoint);
    free(x->branch);
    free(x->customer_score);
    mot_strtab_free(x->interaction_ids);
    free(x);
}

/* Take the columns that are not known ones as the behaviour steps; MOT_OK
** or MOT_ENOMEM. */
static mot_status find_steps(in_read *r)
{
    const mot_tbl *t = &r->t;
    mot_interactions *x = r->x;
    size_t n = 0;
    for (size_t i = 0; i < t->nheader; i++)
        n += t->other[i];
    x->step_names = calloc(n + 1, sizeof *x->step_names);
    x->steps = calloc(n + 1, sizeof *x->steps);
    r->step_field = malloc((n + 1) * sizeof *r->step_field);
    r->arrays = malloc((X_NCOLS + n) * sizeof *r->arrays);
    if (!x->step_names || !x->steps || !r->step_field || !r->arrays)
        return MOT_ENOMEM;
    x->nsteps = n;
    for (size_t i = 0, k = 0; i < t->nheader; i++) {
        if (!t->other[i])
            continue;
        r->step_field[k] = i;
        if (!(x->step_names[k++] = strdup(t->header[i])))
            return MOT_ENOMEM;
    }
    return MOT_OK;
}

/* 1 if column c is in the file and read. */
static int wanted(const in_read *r, int c)
{
    if (r->t.ld->skip & MOT_SKIP_INTERACTION_DETAIL)
        return c == X_STAFF || c == X_TIME ||
               (c == X_SCORE && mot_tbl_has(&r->t, c));
    return c <= X_TIME || mot_tbl_has(&r->t, c);
}

/* List the arrays of the columns read and of the steps. */
static void list_arrays(in_read *r)
{
    mot_interactions *x = r->x;
    mot_array all[X_NCOLS] = {
        {&x->interaction, sizeof *x->interaction},
        {&x->staff, sizeof *x->staff}, {&x->time, sizeof *x->time},
        {&x->customer, sizeof *x->customer},
        {&x->touchpoint, sizeof *x->touchpoint},
        {&x->branch, sizeof *x->branch},
        {&x->customer_score, sizeof *x->customer_score},
    };
    for (int c = 0; c < X_NCOLS; c++)
        if (wanted(r, c))
            r->arrays[r->narrays++] = all[c];
    for (size_t k = 0; k < x->nsteps; k++) {
        mot_array a = {&x->steps[k], sizeof **x->steps};
        r->arrays[r->narrays++] = a;
    }
}

/* Read the behaviour steps of row i. */
static void read_steps(in_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    mot_interactions *x = r->x;
    for (size_t k = 0; k < x->nsteps; k++) {
        size_t len;
        const char *s = mot_tbl_field(t, r->step_field[k], &len);
        double v = NAN;
        if (len && (mot_parse_double(s, len, &v) != MOT_OK || v < 0 ||
                    v > 5)) {
            mot_tbl_bad_at(t, r->step_field[k], "0 or 1 (not done, done) or "
                           "a rating from 1 to 5");
            v = NAN;
        }
        x->steps[k][i] = (float)v;
    }
}

/* Read the optional columns of row i. */
static void read_optional(in_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    mot_interactions *x = r->x;
    double d;
    if (x->customer)
        mot_tbl_intern(t, X_CUSTOMER, 0, t->ld->p->customer_ids,
                       &x->customer[i]);
    if (x->touchpoint)
        mot_tbl_touchpoint(t, X_TOUCHPOINT, 0, &x->touchpoint[i]);
    if (x->branch)
        mot_tbl_intern(t, X_BRANCH, 0, t->ld->p->branches, &x->branch[i]);
    if (x->customer_score) {
        mot_tbl_score(t, X_SCORE, &d);
        x->customer_score[i] = (float)d;
    }
}

/* Read the current row as interaction x->n. */
static void read_row(in_read *r)
{
    mot_tbl *t = &r->t;
    mot_interactions *x = r->x;
    size_t i = x->n;
    if (mot_grow(r->arrays, r->narrays, &r->cap, i + 1) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    x->n++;
    if (x->interaction)
        mot_tbl_unique(t, X_INTERACTION, x->interaction_ids, &r->seen,
                       &x->interaction[i]);
    mot_tbl_staff(t, X_STAFF, 1, &x->staff[i]);
    mot_tbl_time(t, X_TIME, 1, &x->time[i]);
    read_optional(r, i);
    read_steps(r, i);
}

/* Make the table and find its steps; 0 (reported) on failure. */
static int start(in_read *r)
{
    mot_load *ld = r->t.ld;
    int detail = !(ld->skip & MOT_SKIP_INTERACTION_DETAIL);
    r->x = ld->p->interactions = calloc(1, sizeof *r->x);
    if (!detail)
        ld->p->skipped |= MOT_SKIP_INTERACTION_DETAIL;
    if (!r->x || (detail && !(r->x->interaction_ids = mot_strtab_new())) ||
        find_steps(r) != MOT_OK) {
        mot_load_error(ld, MOT_ENOMEM, r->t.file, 0, 0, "out of memory");
        return 0;
    }
    if (r->x->nsteps == 0)
        mot_load_error(ld, MOT_EDATA, r->t.file, r->t.header_line, 0,
                       "no behaviour step columns: after interaction_id, "
                       "staff_id and time, give one column per step of the "
                       "service standard (0/1 or a rating 1 to 5)");
    list_arrays(r);
    size_t rows = mot_tbl_reserve(&r->t, r->arrays, r->narrays, &r->cap);
    if (rows && r->x->interaction_ids)
        (void)mot_strtab_reserve(r->x->interaction_ids, rows);
    return 1;
}

mot_status mot_load_interactions(mot_load *ld)
{
    in_read r;
    mot_status st;
    memset(&r, 0, sizeof r);
    st = mot_tbl_open(&r.t, ld, "interactions", cols, X_NCOLS, 0);
    if (st != MOT_OK)
        return st;
    if (start(&r)) {
        while ((st = mot_tbl_next(&r.t)) == MOT_OK)
            read_row(&r);
        mot_shrink(r.arrays, r.narrays, r.x->n);
    }
    free(r.step_field);
    free(r.arrays);
    mot_seen_free(&r.seen);
    mot_tbl_close(&r.t);
    return st < 0 ? st : MOT_OK;
}
