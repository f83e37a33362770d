/*
** staff.c: loading staff.csv, one row per member of staff.
**
** It is read before the files that name staff (events, tickets,
** interactions), so that their staff ids can be checked against it: when
** a project has staff.csv, its staff ids are the project's staff_ids
** 0 .. n-1, in file order. Each staff_id may appear once.
*/
#include <stdlib.h>
#include <string.h>

#include "read/load.h"

enum { F_STAFF, F_NAME, F_BRANCH, F_TRAINED, F_NCOLS };

static const mot_tbl_col cols[F_NCOLS] = {
    {"staff_id", NULL, 1}, {"name", NULL, 0}, {"branch", NULL, 0},
    {"trained_at", NULL, 0},
};

/* The reader of the file and the arrays it grows. */
typedef struct st_read {
    mot_tbl t;
    mot_staff *s;
    mot_array arrays[F_NCOLS];
    size_t narrays, cap;
    mot_seen seen;    /* line of each staff id */
} st_read;

void mot_staff_free(mot_staff *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->name[i]);
    free(s->staff);
    free(s->name);
    free(s->branch);
    free(s->trained_at);
    free(s);
}

/* List the arrays of the columns present in the file. */
static void list_arrays(st_read *r)
{
    mot_staff *s = r->s;
    mot_array all[F_NCOLS] = {
        {&s->staff, sizeof *s->staff}, {&s->name, sizeof *s->name},
        {&s->branch, sizeof *s->branch},
        {&s->trained_at, sizeof *s->trained_at},
    };
    for (int c = 0; c < F_NCOLS; c++)
        if (c <= F_NAME || mot_tbl_has(&r->t, c))
            r->arrays[r->narrays++] = all[c];
}

/* Read the current row as staff row s->n; ids are new, in file order. */
static void read_row(st_read *r)
{
    mot_tbl *t = &r->t;
    mot_staff *s = r->s;
    size_t i = s->n;
    if (mot_grow(r->arrays, r->narrays, &r->cap, i + 1) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    s->name[i] = NULL;
    s->n++;
    mot_tbl_unique(t, F_STAFF, t->ld->p->staff_ids, &r->seen, &s->staff[i]);
    s->name[i] = mot_tbl_copy(t, F_NAME, 0);
    if (s->branch)
        mot_tbl_intern(t, F_BRANCH, 0, t->ld->p->branches, &s->branch[i]);
    if (s->trained_at)
        mot_tbl_time(t, F_TRAINED, 0, &s->trained_at[i]);
}

mot_status mot_load_staff(mot_load *ld)
{
    st_read r;
    mot_status st;
    memset(&r, 0, sizeof r);
    st = mot_tbl_open(&r.t, ld, "staff", cols, F_NCOLS, 0);
    if (st != MOT_OK)
        return st;
    if (!(r.s = ld->p->staff = calloc(1, sizeof *r.s)))
        mot_load_error(ld, MOT_ENOMEM, r.t.file, 0, 0, "out of memory");
    else
        list_arrays(&r);
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (r.s)
        mot_shrink(r.arrays, r.narrays, r.s->n);
    mot_seen_free(&r.seen);
    ld->has_staff_file = 1;
    ld->nstaff_file = mot_strtab_count(ld->p->staff_ids);
    mot_tbl_close(&r.t);
    return st < 0 ? st : MOT_OK;
}
