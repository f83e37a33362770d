/*
** tickets.c: loading tickets.csv, work orders and complaints.
**
** One row is one ticket of a customer about a touchpoint, with the time it
** was opened, first answered and resolved (either of the last two may be
** empty while the ticket is open; neither may come before the opening).
** Each ticket_id may appear once.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "read/columns.h"
#include "read/load.h"

enum {
    T_TICKET, T_CUSTOMER, T_TOUCHPOINT, T_OPENED, T_FIRST_RESPONSE,
    T_RESOLVED, T_CATEGORY, T_SATISFACTION, T_STAFF, T_BRANCH,
    T_COMPENSATION, T_NCOLS
};

static const mot_tbl_col cols[T_NCOLS] = {
    {"ticket_id", NULL, 1}, {"customer_id", NULL, 1},
    {"touchpoint", NULL, 1}, {"opened_at", NULL, 1},
    {"first_response_at", NULL, 1}, {"resolved_at", NULL, 1},
    {"category", NULL, 0}, {"satisfaction", NULL, 0},
    {"staff_id", NULL, 0}, {"branch", NULL, 0}, {"compensation", NULL, 0},
};

/* The reader of the file and the arrays it grows. */
typedef struct tk_read {
    mot_tbl t;
    mot_tickets *k;
    mot_array arrays[T_NCOLS];
    size_t narrays, cap;
    mot_seen seen;     /* line of each ticket id */
} tk_read;

void mot_tickets_free(mot_tickets *k)
{
    if (!k)
        return;
    free(k->ticket);
    free(k->customer);
    free(k->touchpoint);
    free(k->opened_at);
    free(k->first_response_at);
    free(k->resolved_at);
    free(k->category);
    free(k->satisfaction);
    free(k->staff);
    free(k->branch);
    free(k->compensation);
    mot_strtab_free(k->ticket_ids);
    mot_strtab_free(k->categories);
    mot_columns_free(&k->attrs);
    free(k);
}

/* List the arrays of the columns present in the file. */
static void list_arrays(tk_read *r)
{
    mot_tickets *k = r->k;
    mot_array all[T_NCOLS] = {
        {&k->ticket, sizeof *k->ticket}, {&k->customer, sizeof *k->customer},
        {&k->touchpoint, sizeof *k->touchpoint},
        {&k->opened_at, sizeof *k->opened_at},
        {&k->first_response_at, sizeof *k->first_response_at},
        {&k->resolved_at, sizeof *k->resolved_at},
        {&k->category, sizeof *k->category},
        {&k->satisfaction, sizeof *k->satisfaction},
        {&k->staff, sizeof *k->staff}, {&k->branch, sizeof *k->branch},
        {&k->compensation, sizeof *k->compensation},
    };
    for (int c = 0; c < T_NCOLS; c++)
        if (c <= T_RESOLVED || mot_tbl_has(&r->t, c))
            r->arrays[r->narrays++] = all[c];
}

/* Read a time of column col that may not come before `opened`. */
static void read_later_time(mot_tbl *t, int col, int64_t opened,
                            int64_t *out)
{
    size_t len;
    const char *s;
    if (!mot_tbl_time(t, col, 0, out) || *out == MOT_NO_TIME ||
        opened == MOT_NO_TIME || *out >= opened)
        return;
    s = mot_tbl_text(t, T_OPENED, &len);
    mot_tbl_bad(t, col, "a time at or after %s (%.*s)",
                mot_tbl_name(t, T_OPENED), (int)(len < 40 ? len : 40), s);
}

/* Read the optional columns of row i. */
static void read_optional(tk_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    mot_tickets *k = r->k;
    double d;
    if (k->category)
        mot_tbl_intern(t, T_CATEGORY, 0, k->categories, &k->category[i]);
    if (k->satisfaction) {
        mot_tbl_score(t, T_SATISFACTION, &d);
        k->satisfaction[i] = (float)d;
    }
    if (k->staff)
        mot_tbl_staff(t, T_STAFF, 0, &k->staff[i]);
    if (k->branch)
        mot_tbl_intern(t, T_BRANCH, 0, t->ld->p->branches, &k->branch[i]);
    if (k->compensation) {
        mot_tbl_real(t, T_COMPENSATION, 0, HUGE_VAL, "an amount, 0 or more",
                     &d);
        k->compensation[i] = (float)d;
    }
}

/* Read the current row as ticket k->n. */
static void read_row(tk_read *r)
{
    mot_tbl *t = &r->t;
    mot_tickets *k = r->k;
    size_t i = k->n;
    int32_t tp;
    if (mot_grow(r->arrays, r->narrays, &r->cap, i + 1) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    k->n++;
    mot_tbl_unique(t, T_TICKET, k->ticket_ids, &r->seen, &k->ticket[i]);
    mot_tbl_intern(t, T_CUSTOMER, 1, t->ld->p->customer_ids,
                   &k->customer[i]);
    mot_tbl_touchpoint(t, T_TOUCHPOINT, 1, &tp);
    k->touchpoint[i] = tp < 0 ? MOT_NONE : (uint32_t)tp;
    mot_tbl_time(t, T_OPENED, 1, &k->opened_at[i]);
    read_later_time(t, T_FIRST_RESPONSE, k->opened_at[i],
                    &k->first_response_at[i]);
    read_later_time(t, T_RESOLVED, k->opened_at[i], &k->resolved_at[i]);
    read_optional(r, i);
}

/* The table and its string tables; NULL (reported) if a malloc fails. */
static mot_tickets *tickets_new(mot_load *ld, const char *file)
{
    mot_tickets *k = ld->p->tickets = calloc(1, sizeof *k);
    if (k && (k->ticket_ids = mot_strtab_new()) &&
        (k->categories = mot_strtab_new()))
        return k;
    mot_load_error(ld, MOT_ENOMEM, file, 0, 0, "out of memory");
    return NULL;
}

mot_status mot_load_tickets(mot_load *ld)
{
    tk_read r;
    mot_status st;
    memset(&r, 0, sizeof r);
    st = mot_tbl_open(&r.t, ld, "tickets", cols, T_NCOLS, 1);
    if (st != MOT_OK)
        return st;
    if ((r.k = tickets_new(ld, r.t.file)) != NULL) {
        list_arrays(&r);
        size_t rows = mot_tbl_reserve(&r.t, r.arrays, r.narrays, &r.cap);
        if (rows)
            (void)mot_strtab_reserve(r.k->ticket_ids, rows);
    }
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (r.k) {
        mot_shrink(r.arrays, r.narrays, r.k->n);
        mot_tbl_take_attrs(&r.t, &r.k->attrs);
    }
    mot_seen_free(&r.seen);
    mot_tbl_close(&r.t);
    return st < 0 ? st : MOT_OK;
}
