/*
** events.c: loading events.csv, the touchpoint interactions.
**
** One row is one contact of a customer with a touchpoint at a time, with a
** score when it was rated (most are not). Event logs exported by
** process-mining tools load as they are: case_id or case:concept:name
** stand for customer_id, activity or concept:name for touchpoint,
** timestamp or time:timestamp for time.
**
** This is the biggest file of a project (about ten events a customer), so
** a row costs 20 bytes (customer, time, touchpoint, score) plus 4 or 1 for
** each optional column the file has and the load reads (with
** MOT_SKIP_EVENT_DETAIL, only wait_minutes); ids are interned once.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "read/columns.h"
#include "read/load.h"

enum {
    E_CUSTOMER, E_TIME, E_TOUCHPOINT, E_SCORE, E_JOURNEY, E_STAFF, E_BRANCH,
    E_WAIT, E_EXPECTED, E_CHANNEL, E_NCOLS
};

static const char *const customer_aliases[] = {"case_id",
                                                "case:concept:name", NULL};
static const char *const time_aliases[] = {"timestamp", "time:timestamp",
                                           NULL};
static const char *const touchpoint_aliases[] = {"activity", "concept:name",
                                                 NULL};

static const mot_tbl_col cols[E_NCOLS] = {
    {"customer_id", customer_aliases, 1}, {"time", time_aliases, 1},
    {"touchpoint", touchpoint_aliases, 1}, {"score", NULL, 0},
    {"journey_id", NULL, 0}, {"staff_id", NULL, 0}, {"branch", NULL, 0},
    {"wait_minutes", NULL, 0}, {"expected", NULL, 0}, {"channel", NULL, 0},
};

/* The reader of the file and the arrays it grows. */
typedef struct ev_read {
    mot_tbl t;
    mot_events *e;
    mot_array arrays[E_NCOLS];
    size_t narrays, cap;
} ev_read;

void mot_events_free(mot_events *e)
{
    if (!e)
        return;
    free(e->customer);
    free(e->time);
    free(e->touchpoint);
    free(e->score);
    free(e->journey);
    free(e->staff);
    free(e->branch);
    free(e->wait_minutes);
    free(e->expected);
    free(e->channel);
    mot_strtab_free(e->journeys);
    mot_columns_free(&e->attrs);
    free(e);
}

/* True when column c is to be read: it is in the file, and the load reads
** detail columns or c is one the analysis uses. */
static int wanted(const ev_read *r, int c)
{
    return mot_tbl_has(&r->t, c) &&
           (c == E_WAIT || !(r->t.ld->skip & MOT_SKIP_EVENT_DETAIL));
}

/* List the arrays of the columns to read. */
static void list_arrays(ev_read *r)
{
    mot_events *e = r->e;
    mot_array all[E_NCOLS] = {
        {&e->customer, sizeof *e->customer}, {&e->time, sizeof *e->time},
        {&e->touchpoint, sizeof *e->touchpoint}, {&e->score, sizeof *e->score},
        {&e->journey, sizeof *e->journey}, {&e->staff, sizeof *e->staff},
        {&e->branch, sizeof *e->branch},
        {&e->wait_minutes, sizeof *e->wait_minutes},
        {&e->expected, sizeof *e->expected},
        {&e->channel, sizeof *e->channel},
    };
    for (int c = 0; c < E_NCOLS; c++)
        if (c <= E_SCORE || wanted(r, c))
            r->arrays[r->narrays++] = all[c];
}

/* Read the optional columns of row i. */
static void read_optional(ev_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    mot_events *e = r->e;
    double d;
    mot_channel ch;
    if (e->journey)
        mot_tbl_intern(t, E_JOURNEY, 0, e->journeys, &e->journey[i]);
    if (e->staff)
        mot_tbl_staff(t, E_STAFF, 0, &e->staff[i]);
    if (e->branch)
        mot_tbl_intern(t, E_BRANCH, 0, t->ld->p->branches, &e->branch[i]);
    if (e->wait_minutes) {
        mot_tbl_real(t, E_WAIT, 0, HUGE_VAL, "a number of minutes, 0 or "
                     "more", &d);
        e->wait_minutes[i] = (float)d;
    }
    if (e->expected) {
        mot_tbl_score(t, E_EXPECTED, &d);
        e->expected[i] = (float)d;
    }
    if (e->channel) {
        mot_tbl_channel(t, E_CHANNEL, &ch);
        e->channel[i] = (uint8_t)ch;
    }
}

/* Read the current row as event e->n. */
static void read_row(ev_read *r)
{
    mot_tbl *t = &r->t;
    mot_events *e = r->e;
    size_t i = e->n;
    int32_t tp;
    double score;
    if (mot_grow(r->arrays, r->narrays, &r->cap, i + 1) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    e->n++;
    mot_tbl_intern(t, E_CUSTOMER, 1, t->ld->p->customer_ids,
                   &e->customer[i]);
    mot_tbl_time(t, E_TIME, 1, &e->time[i]);
    mot_tbl_touchpoint(t, E_TOUCHPOINT, 1, &tp);
    e->touchpoint[i] = tp < 0 ? MOT_NONE : (uint32_t)tp;
    mot_tbl_score(t, E_SCORE, &score);
    e->score[i] = (float)score;
    read_optional(r, i);
}

mot_status mot_load_events(mot_load *ld)
{
    ev_read r;
    mot_status st;
    int detail = !(ld->skip & MOT_SKIP_EVENT_DETAIL);
    memset(&r, 0, sizeof r);
    st = mot_tbl_open(&r.t, ld, "events", cols, E_NCOLS, detail);
    if (st != MOT_OK)
        return st;
    if (!detail)
        ld->p->skipped |= MOT_SKIP_EVENT_DETAIL;
    if (!(r.e = ld->p->events = calloc(1, sizeof *r.e)) ||
        (wanted(&r, E_JOURNEY) &&
         !(r.e->journeys = mot_strtab_new())))
        mot_load_error(ld, MOT_ENOMEM, r.t.file, 0, 0, "out of memory");
    else
        list_arrays(&r);
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (r.e) {
        mot_tbl_take_attrs(&r.t, &r.e->attrs);
        mot_shrink(r.arrays, r.narrays, r.e->n);
    }
    mot_tbl_close(&r.t);
    return st < 0 ? st : MOT_OK;
}
