/*
** drop.c: mot_project_drop, freeing parts of a loaded project so that it
** is the project a load skipping them would have given.
**
** `mot analyze` reads events.csv once for two uses: its tickets part needs
** tickets.csv and the events' staff, branch and expected columns, the
** analysis after it needs neither. Freeing those parts is easy; the id
** tables are the subtle bit. The loader numbers ids in the order it first
** meets them, file after file (staff.csv, customers.csv, events.csv,
** tickets.csv, interactions.csv), so ids that only tickets.csv named sit
** among the others or after them, and the analysis would count a
** customer only a ticket names as a customer with no events.
**
** So after freeing, each id table is renumbered by walking the columns
** that still refer to it in the loader's order: an id gets the next
** number when it is first met. When that is the numbering it already has
** (the usual case: the freed parts named no id of their own) nothing
** moves; otherwise a new table is built in the new order and every column
** that remains is rewritten. Either way the tables and indexes are those
** the load with the extra skip bits gives, which the tests check.
*/
#include <stdlib.h>
#include <string.h>

#include "mot/project.h"
#include "read/columns.h"
#include "read/load.h"

/* The parts mot_project_drop can free. */
#define DROPPABLE (MOT_SKIP_TICKETS | MOT_SKIP_INTERACTIONS | \
                   MOT_SKIP_EVENT_DETAIL | MOT_SKIP_EVENT_EXTRA | \
                   MOT_SKIP_EVENT_JOURNEY)

/* One column of ids into a table; col is NULL when there is none. */
typedef struct ref {
    uint32_t *col;
    size_t n;
} ref;

#define MAX_REFS 4

/* Renumber table *tab by first appearance in refs[0..nrefs) (in that
** order); rewrite the columns and replace the table when the numbering
** changes. MOT_OK, or MOT_ENOMEM with nothing changed. */
static mot_status renumber(mot_strtab **tab, ref *refs, size_t nrefs)
{
    size_t count = mot_strtab_count(*tab), next = 0;
    if (count == 0)
        return MOT_OK;
    uint32_t *to = malloc(count * sizeof *to);
    if (!to)
        return MOT_ENOMEM;
    memset(to, 0xff, count * sizeof *to);   /* MOT_NONE: not met */
    int same = 1;
    for (size_t r = 0; r < nrefs; r++)
        for (size_t i = 0; refs[r].col && i < refs[r].n; i++) {
            uint32_t v = refs[r].col[i];
            if (v == MOT_NONE || v >= count || to[v] != MOT_NONE)
                continue;
            same &= v == next;
            to[v] = (uint32_t)next++;
        }
    if (same && next == count) {
        free(to);
        return MOT_OK;
    }
    /* the new table: the ids met, in their new order */
    uint32_t *from = malloc((next ? next : 1) * sizeof *from);
    mot_strtab *t = mot_strtab_new();
    mot_status st = from && t ? MOT_OK : MOT_ENOMEM;
    for (size_t v = 0; st == MOT_OK && v < count; v++)
        if (to[v] != MOT_NONE)
            from[to[v]] = (uint32_t)v;
    for (size_t k = 0; st == MOT_OK && k < next; k++) {
        const char *s = mot_strtab_get(*tab, from[k]);
        uint32_t idx;
        st = mot_strtab_intern(t, s, strlen(s), &idx, NULL);
    }
    free(from);
    if (st != MOT_OK) {
        mot_strtab_free(t);
        free(to);
        return st;
    }
    for (size_t r = 0; r < nrefs; r++)
        for (size_t i = 0; refs[r].col && i < refs[r].n; i++)
            if (refs[r].col[i] != MOT_NONE && refs[r].col[i] < count)
                refs[r].col[i] = to[refs[r].col[i]];
    free(to);
    mot_strtab_free(*tab);
    *tab = t;
    return MOT_OK;
}

/* Free the events' columns that `what` leaves out. */
static void drop_event_columns(mot_events *e, unsigned what)
{
    free(e->journey);
    free(e->channel);
    mot_strtab_free(e->journeys);
    mot_columns_free(&e->attrs);
    e->journey = NULL;
    e->channel = NULL;
    e->journeys = NULL;
    if (what & MOT_SKIP_EVENT_EXTRA) {
        free(e->wait_minutes);
        e->wait_minutes = NULL;
    }
    if (what & MOT_SKIP_EVENT_DETAIL) {
        free(e->staff);
        free(e->branch);
        free(e->expected);
        e->staff = e->branch = NULL;
        e->expected = NULL;
    }
}

mot_status mot_project_drop(mot_project *p, unsigned what)
{
    if (what & ~DROPPABLE)
        return MOT_EUSAGE;
    if ((what & MOT_SKIP_TICKETS) && p->tickets) {
        mot_tickets_free(p->tickets);
        p->tickets = NULL;
        p->skipped |= MOT_SKIP_TICKETS;
    }
    if ((what & MOT_SKIP_INTERACTIONS) && p->interactions) {
        mot_interactions_free(p->interactions);
        p->interactions = NULL;
        p->skipped |= MOT_SKIP_INTERACTIONS;
    }
    unsigned ev = what & (MOT_SKIP_EVENT_DETAIL | MOT_SKIP_EVENT_EXTRA |
                          MOT_SKIP_EVENT_JOURNEY);
    if (ev && p->events) {
        drop_event_columns(p->events, ev);
        p->skipped |= ev;
    }

    /* the columns that still refer to each id table, in load order */
    const mot_staff *sf = p->staff;
    const mot_customers *cu = p->customers;
    const mot_events *e = p->events;
    const mot_tickets *tk = p->tickets;
    const mot_interactions *x = p->interactions;
    ref customers[MAX_REFS], staff[MAX_REFS], branches[MAX_REFS];
    size_t nc = 0, ns = 0, nb = 0;
    if (sf) {
        staff[ns++] = (ref){sf->staff, sf->n};
        branches[nb++] = (ref){sf->branch, sf->n};
    }
    if (cu)
        customers[nc++] = (ref){cu->customer, cu->n};
    if (e) {
        customers[nc++] = (ref){e->customer, e->n};
        staff[ns++] = (ref){e->staff, e->n};
        branches[nb++] = (ref){e->branch, e->n};
    }
    if (tk) {
        customers[nc++] = (ref){tk->customer, tk->n};
        staff[ns++] = (ref){tk->staff, tk->n};
        branches[nb++] = (ref){tk->branch, tk->n};
    }
    if (x) {
        customers[nc++] = (ref){x->customer, x->n};
        staff[ns++] = (ref){x->staff, x->n};
        branches[nb++] = (ref){x->branch, x->n};
    }
    mot_status st = renumber(&p->customer_ids, customers, nc);
    if (st == MOT_OK)
        st = renumber(&p->staff_ids, staff, ns);
    if (st == MOT_OK)
        st = renumber(&p->branches, branches, nb);
    return st;
}
