/*
** customers.c: loading customers.csv, one row per customer.
**
** The outcomes (overall satisfaction, likelihood to recommend, churn and
** its time) are found under the column names mot.ini [outcomes] gives
** (by default overall, nps, churned, churn_time). Every outcome array is
** allocated whether or not its column is there (has_* says which were), so
** analyses can index them freely. Each customer_id may appear once.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "read/columns.h"
#include "read/load.h"

enum {
    C_CUSTOMER, C_OVERALL, C_NPS, C_CHURNED, C_CHURN_TIME, C_SEGMENT,
    C_VALUE, C_NCOLS
};

/* The reader of the file and the arrays it grows. */
typedef struct cu_read {
    mot_tbl t;
    mot_tbl_col cols[C_NCOLS];
    mot_customers *c;
    size_t cap;
    mot_seen seen;    /* line of each customer id in this file */
} cu_read;

void mot_customers_free(mot_customers *c)
{
    if (!c)
        return;
    free(c->customer);
    free(c->overall);
    free(c->nps);
    free(c->churned);
    free(c->churn_time);
    free(c->segment);
    free(c->value);
    mot_strtab_free(c->segments);
    mot_columns_free(&c->attrs);
    free(c);
}

/* The columns, with the outcome names from the config. */
static void set_columns(cu_read *r, const mot_config *cfg)
{
    const mot_tbl_col cols[C_NCOLS] = {
        {"customer_id", NULL, 1}, {cfg->overall_col, NULL, 0},
        {cfg->nps_col, NULL, 0}, {cfg->churn_col, NULL, 0},
        {cfg->churn_time_col, NULL, 0}, {"segment", NULL, 0},
        {"value", NULL, 0},
    };
    memcpy(r->cols, cols, sizeof cols);
}

#define NARRAYS 7

/* The column arrays of c. */
static void list_arrays(mot_customers *c, mot_array a[NARRAYS])
{
    const mot_array all[NARRAYS] = {
        {&c->customer, sizeof *c->customer}, {&c->overall, sizeof *c->overall},
        {&c->nps, sizeof *c->nps}, {&c->churned, sizeof *c->churned},
        {&c->churn_time, sizeof *c->churn_time},
        {&c->segment, sizeof *c->segment}, {&c->value, sizeof *c->value},
    };
    memcpy(a, all, sizeof all);
}

/* Append an empty row; 0 (reported) if a malloc fails. */
static int add_row(cu_read *r)
{
    mot_customers *c = r->c;
    mot_array a[NARRAYS];
    list_arrays(c, a);
    if (mot_grow(a, NARRAYS, &r->cap, c->n + 1) != MOT_OK) {
        mot_load_error(r->t.ld, MOT_ENOMEM, r->t.file, 0, 0,
                       "out of memory");
        return 0;
    }
    c->n++;
    return 1;
}

/* Read nps (a whole number 0..10) and churned (a yes/no flag) of row i. */
static void read_nps_churn(cu_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    size_t len;
    const char *s;
    double d;
    int flag;
    if (mot_tbl_real(t, C_NPS, 0, 10, "a whole number from 0 to 10", &d)) {
        if (!isnan(d) && d != floor(d))
            mot_tbl_bad(t, C_NPS, "a whole number from 0 to 10");
        else
            r->c->nps[i] = (float)d;
    }
    s = mot_tbl_text(t, C_CHURNED, &len);
    if (len == 0)
        return;
    if (mot_parse_bool(s, len, &flag) == MOT_OK)
        r->c->churned[i] = (int8_t)flag;
    else
        mot_tbl_bad(t, C_CHURNED, "0 or 1 (or yes/no)");
}

/* Read the current row as customer row c->n. */
static void read_row(cu_read *r)
{
    mot_tbl *t = &r->t;
    mot_customers *c = r->c;
    size_t i = c->n;
    double d;
    if (!add_row(r))
        return;
    c->customer[i] = c->segment[i] = MOT_NONE;
    c->overall[i] = c->nps[i] = NAN;
    c->churned[i] = -1;
    mot_tbl_unique(t, C_CUSTOMER, t->ld->p->customer_ids, &r->seen,
                   &c->customer[i]);
    mot_tbl_real(t, C_OVERALL, -HUGE_VAL, HUGE_VAL, "a number", &d);
    c->overall[i] = (float)d;
    read_nps_churn(r, i);
    mot_tbl_time(t, C_CHURN_TIME, 0, &c->churn_time[i]);
    mot_tbl_intern(t, C_SEGMENT, 0, c->segments, &c->segment[i]);
    mot_tbl_real(t, C_VALUE, -HUGE_VAL, HUGE_VAL, "a number", &c->value[i]);
}

/* Note which outcome columns the file has. */
static void note_columns(cu_read *r)
{
    const mot_tbl *t = &r->t;
    mot_customers *c = r->c;
    c->has_overall = mot_tbl_has(t, C_OVERALL);
    c->has_nps = mot_tbl_has(t, C_NPS);
    c->has_churned = mot_tbl_has(t, C_CHURNED);
    c->has_churn_time = mot_tbl_has(t, C_CHURN_TIME);
    c->has_segment = mot_tbl_has(t, C_SEGMENT);
    c->has_value = mot_tbl_has(t, C_VALUE);
}

mot_status mot_load_customers(mot_load *ld)
{
    cu_read r;
    mot_status st;
    memset(&r, 0, sizeof r);
    set_columns(&r, &ld->p->config);
    st = mot_tbl_open(&r.t, ld, "customers", r.cols, C_NCOLS, 1);
    if (st != MOT_OK)
        return st;
    if (!(r.c = ld->p->customers = calloc(1, sizeof *r.c)) ||
        !(r.c->segments = mot_strtab_new()))
        mot_load_error(ld, MOT_ENOMEM, r.t.file, 0, 0, "out of memory");
    else {
        mot_array a[NARRAYS];
        note_columns(&r);
        list_arrays(r.c, a);
        size_t rows = mot_tbl_reserve(&r.t, a, NARRAYS, &r.cap);
        if (rows)
            (void)mot_strtab_reserve(ld->p->customer_ids, rows);
    }
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (r.c) {
        mot_array a[NARRAYS];
        list_arrays(r.c, a);
        mot_shrink(a, NARRAYS, r.c->n);
        mot_tbl_take_attrs(&r.t, &r.c->attrs);
    }
    mot_seen_free(&r.seen);
    mot_tbl_close(&r.t);
    return st < 0 ? st : MOT_OK;
}
