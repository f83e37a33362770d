/*
** fuzz_project.c: libFuzzer target for the project loader
** (mot_project_load).
**
** The input is a whole project folder: its bytes are cut at each 0x1E
** (the ASCII record separator) into the texts of blueprint.csv, mot.ini,
** events.csv, customers.csv, kano.csv, servqual.csv, servqual_weights.csv,
** tickets.csv, interactions.csv and staff.csv, in that order; an empty
** text means the file is absent. Loading must never crash, read out of
** bounds or leak; a failed load must hand out no project and report its
** problems; a loaded project must only hold references that resolve.
**
** Then the loads of `mot analyze` are checked against each other: the
** load with tickets.csv and the events' staff columns (MOT_SKIP_EVENT_
** JOURNEY | MOT_SKIP_INTERACTION_DETAIL) must give the same status,
** messages, id tables, events and tickets with one thread and with two
** (tickets.csv and interactions.csv read beside events.csv, and
** events.csv cut into chunks of 1 to 61 bytes, so that the chunked
** reader runs on every input), and once
** loaded, mot_project_drop of tickets.csv and the
** staff columns must leave exactly the project that a load skipping them
** gives: the same id tables in the same order and the same columns.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mot/project.h"
#include "read/chunks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {
    "blueprint.csv", "mot.ini", "events.csv", "customers.csv", "kano.csv",
    "servqual.csv", "servqual_weights.csv", "tickets.csv",
    "interactions.csv", "staff.csv",
};
#define NFILES (sizeof files / sizeof *files)

static char dir[4096];

/* Remove the folder and its files when the fuzzer exits. */
static void cleanup(void)
{
    char path[4200];
    for (size_t k = 0; k < NFILES; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        unlink(path);
    }
    rmdir(dir);
}

/* The folder the files are written to, made once per process under
** $TMPDIR (or /tmp). */
static const char *folder(void)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/mot-fuzz-project-XXXXXX",
                 tmp && tmp[0] ? tmp : "/tmp");
        if (!mkdtemp(dir))
            abort();
        atexit(cleanup);
    }
    return dir;
}

/* Write file k with (s, n), or remove it when n is 0. */
static void put(size_t k, const uint8_t *s, size_t n)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, files[k]);
    unlink(path);
    if (n == 0)
        return;
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n)
        abort();
    fclose(f);
}

/* Abort unless every reference in the loaded project resolves. */
static void check(const mot_project *p)
{
    const mot_blueprint *b = &p->blueprint;
    for (size_t i = 0; i < b->n; i++)
        if (b->tp[i].stage_index >= b->nstages ||
            b->tp[i].supports >= (long)b->n)
            abort();
    if (p->events)
        for (size_t i = 0; i < p->events->n; i++)
            if (p->events->touchpoint[i] >= b->n ||
                p->events->customer[i] >= mot_strtab_count(p->customer_ids))
                abort();
    if (p->tickets)
        for (size_t i = 0; i < p->tickets->n; i++)
            if (p->tickets->touchpoint[i] >= b->n)
                abort();
}

#define WIDE (MOT_SKIP_EVENT_JOURNEY | MOT_SKIP_INTERACTION_DETAIL)
#define DROP (MOT_SKIP_TICKETS | MOT_SKIP_EVENT_DETAIL)

/* Load the folder with skip bits and threads into *p (NULL on failure);
** the status, with the messages in d (initialised here). */
static mot_status load(unsigned skip, unsigned threads, mot_project **p,
                       mot_diag *d)
{
    mot_load_options o = {.skip = skip, .threads = threads};
    *p = NULL;
    mot_diag_init(d, 0);
    return mot_project_load(p, dir, &o, d);
}

/* Abort unless both hold the same messages. */
static void same_messages(const mot_diag *a, const mot_diag *b)
{
    if (a->total != b->total || a->n != b->n)
        abort();
    for (size_t i = 0; i < a->n; i++) {
        char x[1200], y[1200];
        mot_error_format(&a->items[i], x, sizeof x);
        mot_error_format(&b->items[i], y, sizeof y);
        if (strcmp(x, y) != 0)
            abort();
    }
}

static void same_ids(const mot_strtab *a, const mot_strtab *b)
{
    if (mot_strtab_count(a) != mot_strtab_count(b))
        abort();
    for (uint32_t i = 0; i < mot_strtab_count(a); i++)
        if (strcmp(mot_strtab_get(a, i), mot_strtab_get(b, i)) != 0)
            abort();
}

/* Abort unless the n elements of size sz at x and y are alike (both NULL
** or equal bytes). */
static void same_col(const void *x, const void *y, size_t n, size_t sz)
{
    if ((x == NULL) != (y == NULL) || (x && n && memcmp(x, y, n * sz)))
        abort();
}

#define SAME(x, y, n) same_col((x), (y), (n), sizeof *(x))

/* Abort unless both have no events or the same events in the columns the
** analysis reads. */
static void same_events(const mot_events *x, const mot_events *y)
{
    if ((x == NULL) != (y == NULL))
        abort();
    if (!x)
        return;
    if (x->n != y->n)
        abort();
    SAME(x->customer, y->customer, x->n);
    SAME(x->time, y->time, x->n);
    SAME(x->touchpoint, y->touchpoint, x->n);
    SAME(x->score, y->score, x->n);
    SAME(x->wait_minutes, y->wait_minutes, x->n);
    SAME(x->staff, y->staff, x->n);
    SAME(x->branch, y->branch, x->n);
    SAME(x->journey, y->journey, x->n);
}

/* Abort unless the projects hold the same tables, ids and columns that
** the analysis reads. */
static void same_project(const mot_project *a, const mot_project *b)
{
    if (a->skipped != b->skipped || a->tickets || b->tickets ||
        (a->customers == NULL) != (b->customers == NULL) ||
        (a->events == NULL) != (b->events == NULL) ||
        (a->interactions == NULL) != (b->interactions == NULL) ||
        (a->staff == NULL) != (b->staff == NULL))
        abort();
    same_ids(a->customer_ids, b->customer_ids);
    same_ids(a->staff_ids, b->staff_ids);
    same_ids(a->branches, b->branches);
    if (a->customers) {
        if (a->customers->n != b->customers->n)
            abort();
        SAME(a->customers->customer, b->customers->customer,
             a->customers->n);
    }
    same_events(a->events, b->events);
    if (a->interactions) {
        const mot_interactions *x = a->interactions, *y = b->interactions;
        if (x->n != y->n || x->nsteps != y->nsteps)
            abort();
        SAME(x->staff, y->staff, x->n);
        SAME(x->time, y->time, x->n);
        SAME(x->customer_score, y->customer_score, x->n);
    }
    if (a->staff) {
        if (a->staff->n != b->staff->n)
            abort();
        SAME(a->staff->staff, b->staff->staff, a->staff->n);
        SAME(a->staff->branch, b->staff->branch, a->staff->n);
    }
}

/* The loads of mot analyze, as the header says; the load with two
** threads cuts events.csv into chunks of `chunk` bytes. */
static void check_analysis_loads(size_t chunk)
{
    mot_project *one, *two, *skipped;
    mot_diag d1, d2, d3;
    mot_status s1 = load(WIDE, 1, &one, &d1);
    mot_chunk_min = 1;
    mot_chunk_bytes = chunk;
    mot_status s2 = load(WIDE, 2, &two, &d2);
    mot_chunk_min = mot_chunk_bytes = 0;
    if (s1 != s2)
        abort();
    same_messages(&d1, &d2);
    if (s1 == MOT_OK) {
        /* tickets.csv and interactions.csv read beside the events */
        same_ids(one->customer_ids, two->customer_ids);
        same_ids(one->branches, two->branches);
        same_ids(one->staff_ids, two->staff_ids);
        same_events(one->events, two->events);
        if ((one->tickets == NULL) != (two->tickets == NULL) ||
            (one->tickets && one->tickets->n != two->tickets->n))
            abort();
        if (one->tickets) {
            SAME(one->tickets->customer, two->tickets->customer,
                 one->tickets->n);
            SAME(one->tickets->branch, two->tickets->branch,
                 one->tickets->n);
        }
        if (mot_project_drop(one, DROP) != MOT_OK ||
            load(WIDE | DROP, 1, &skipped, &d3) != MOT_OK)
            abort();
        same_project(one, skipped);
        mot_project_free(skipped);
        mot_diag_free(&d3);
    }
    mot_project_free(one);
    mot_project_free(two);
    mot_diag_free(&d1);
    mot_diag_free(&d2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *where = folder();
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= size && k < NFILES; i++)
        if (i == size || data[i] == 0x1E) {
            put(k++, data + start, i - start);
            start = i + 1;
        }
    for (; k < NFILES; k++)
        put(k, NULL, 0);
    mot_diag diag;
    mot_project *p = NULL;
    mot_diag_init(&diag, 0);
    mot_status st = mot_project_load(&p, where, NULL, &diag);
    if (st == MOT_OK) {
        if (!p || diag.total != 0)
            abort();
        check(p);
    } else if (p || diag.total == 0 || st >= 0) {
        abort();
    }
    mot_project_free(p);
    mot_diag_free(&diag);
    check_analysis_loads(1 + size % 61);
    return 0;
}
