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
** MOT_SKIP_EVENT_DETAIL, only wait_minutes; with MOT_SKIP_EVENT_EXTRA,
** no journey, wait_minutes, channel or attribute columns; with
** MOT_SKIP_EVENT_JOURNEY, no journey, channel or attribute columns); ids
** are interned once.
**
** mot_load_customers_events reads customers.csv and, when one of those
** bits leaves the journey ids out and staff ids are checked against
** staff.csv (a lookup only) or not read, events.csv in chunks on several
** threads (chunks.h). The chunks' line feeds are counted first, which
** bounds their rows, so each chunk runs the same read_row straight into
** its own stretch of the project's arrays (each page of them written once),
** with id tables (customers, branches) of its own; the chunks are then put
** together in place so that the project is exactly what one reader would
** give. Any problem sends the file to that one reader.
*/
#include <assert.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/mem.h"
#include "core/parallel.h"
#include "read/chunks.h"
#include "read/columns.h"
#include "read/csv_internal.h"
#include "read/load.h"

enum {
    E_CUSTOMER, E_TIME, E_TOUCHPOINT, E_SCORE, E_JOURNEY, E_STAFF, E_BRANCH,
    E_WAIT, E_EXPECTED, E_CHANNEL, E_NCOLS
};

/* The skip bits that leave columns of events.csv unread (the attribute
** columns with any of them). */
#define EVENT_SKIPS (MOT_SKIP_EVENT_DETAIL | MOT_SKIP_EVENT_EXTRA | \
                     MOT_SKIP_EVENT_JOURNEY)

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
    mot_strtab *ids;    /* where customer ids are interned */
    mot_strtab *branches;   /* and branches */
    const mot_strtab *known_ids;    /* a chunk's: the project's tables, */
    const mot_strtab *known_branches;   /* looked up first (table.h) */
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

/* True when column c is to be read: it is in the file, and the skip bits
** do not leave it out: MOT_SKIP_EVENT_DETAIL (all but wait_minutes),
** MOT_SKIP_EVENT_EXTRA (journey, wait_minutes, channel) or
** MOT_SKIP_EVENT_JOURNEY (journey, channel). */
static int wanted(const ev_read *r, int c)
{
    unsigned skip = r->t.ld->skip;
    if (!mot_tbl_has(&r->t, c))
        return 0;
    switch (c) {
    case E_JOURNEY:
    case E_CHANNEL:
        return !(skip & (MOT_SKIP_EVENT_DETAIL | MOT_SKIP_EVENT_EXTRA |
                         MOT_SKIP_EVENT_JOURNEY));
    case E_WAIT:
        return !(skip & MOT_SKIP_EVENT_EXTRA);
    default:
        return !(skip & MOT_SKIP_EVENT_DETAIL);
    }
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
        mot_tbl_intern_known(t, E_BRANCH, 0, r->known_branches, r->branches,
                             &e->branch[i]);
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
    mot_tbl_intern_known(t, E_CUSTOMER, 1, r->known_ids, r->ids,
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
    memset(&r, 0, sizeof r);
    r.ids = ld->p->customer_ids;
    r.branches = ld->p->branches;
    st = mot_tbl_open(&r.t, ld, "events", cols, E_NCOLS,
                      !(ld->skip & EVENT_SKIPS));
    if (st != MOT_OK)
        return st;
    ld->p->skipped |= ld->skip & EVENT_SKIPS;
    if (!(r.e = ld->p->events = calloc(1, sizeof *r.e)) ||
        (wanted(&r, E_JOURNEY) &&
         !(r.e->journeys = mot_strtab_new())))
        mot_load_error(ld, MOT_ENOMEM, r.t.file, 0, 0, "out of memory");
    else {
        list_arrays(&r);
        (void)mot_tbl_reserve(&r.t, r.arrays, r.narrays, &r.cap);
    }
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (r.e) {
        mot_tbl_take_attrs(&r.t, &r.e->attrs);
        mot_shrink(r.arrays, r.narrays, r.e->n);
    }
    mot_tbl_close(&r.t);
    return st < 0 ? st : MOT_OK;
}

/* ---- customers.csv and events.csv together, events.csv in chunks ------ */

/* One chunk of events.csv, read straight into its place in the project's
** arrays. Customer ids and branches that customers.csv and staff.csv gave
** get the project's indexes; others are interned into tables of the
** chunk's own, which `map` and `bmap` then turn into project indexes. */
typedef struct ev_chunk {
    unsigned long long lo, hi;  /* its bytes in the file */
    mot_load ld;                /* its own caches and error count */
    mot_diag diag;
    ev_read r;
    mot_events e;               /* views into the project's arrays */
    uint32_t *map;              /* chunk customer index -> project index */
    uint32_t *bmap;             /* chunk branch index -> project index */
    size_t at;                  /* its first row in the arrays as read */
    size_t cap;                 /* the most rows it can have */
    size_t start;               /* its first row once put together */
    int bad;                    /* a problem: the chunks are not used */
} ev_chunk;

typedef struct ev_par {
    mot_load *ld;
    mot_tbl head;               /* events.csv, its header read */
    char *path;
    ev_chunk *chunk;
    size_t nchunks;
    ev_read all;                /* the arrays every chunk writes into */
    _Atomic size_t next;        /* the next chunk to read */
} ev_par;

/* The first step: the calling thread (part 0) reads customers.csv, so
** that its tables come from the main thread's memory as with one thread
** and the chunks can look its ids up; the others count the line feeds of
** each chunk, the most rows it can hold. */
static void first_part(void *ctx, unsigned part, unsigned nparts)
{
    ev_par *par = ctx;
    if (part == 0) {
        mot_load_customers(par->ld);
        return;
    }
    size_t lo = mot_parallel_lo(par->nchunks, part - 1, nparts - 1);
    size_t hi = mot_parallel_lo(par->nchunks, part, nparts - 1);
    for (size_t c = lo; c < hi; c++) {
        ev_chunk *k = &par->chunk[c];
        k->cap = mot_chunks_rows_max(par->path, NULL, k->lo, k->hi);
    }
}

/* Give each chunk its place in arrays allocated for all their rows
** (par->all, its events owned by par until merged); 0 when a chunk could
** not be counted, the project has too many ids for MOT_TBL_LOCAL or a
** malloc failed (what was allocated is par's). The arrays get huge pages:
** each page is written once, by the chunk reading its rows. */
static int place_chunks(ev_par *par)
{
    size_t total = 0;
    if (mot_strtab_count(par->ld->p->customer_ids) >= MOT_TBL_LOCAL ||
        mot_strtab_count(par->ld->p->branches) >= MOT_TBL_LOCAL)
        return 0;
    for (size_t c = 0; c < par->nchunks; c++) {
        ev_chunk *k = &par->chunk[c];
        if (k->cap == SIZE_MAX || k->cap > SIZE_MAX / 16 - total)
            return 0;
        k->at = total;
        total += k->cap;
    }
    ev_read *all = &par->all;
    all->t = par->head;
    if (total == 0 || !(all->e = calloc(1, sizeof *all->e)))
        return 0;
    list_arrays(all);
    for (size_t i = 0; i < all->narrays; i++) {
        size_t bytes = total * all->arrays[i].size;
        void *p = mot_mem_alloc(bytes);
        if (!p)
            return 0;
        memcpy(all->arrays[i].ptr, &p, sizeof p);
    }
    all->cap = total;
    return 1;
}

/* Point the arrays of chunk k's reader at its place in par->all. */
static void view_arrays(const ev_par *par, ev_chunk *k)
{
    const ev_read *all = &par->all;
    list_arrays(&k->r);
    assert(k->r.narrays == all->narrays);
    for (size_t i = 0; i < all->narrays; i++) {
        char *base;
        memcpy(&base, all->arrays[i].ptr, sizeof base);
        base += k->at * all->arrays[i].size;
        memcpy(k->r.arrays[i].ptr, &base, sizeof base);
    }
    k->r.cap = k->cap;
}

/* Read chunk k: its rows as read_row reads them, stopping at the first
** problem (the chunk is then bad and the file is read again whole). */
static void read_chunk(ev_par *par, ev_chunk *k)
{
    mot_load *ld = par->ld;
    mot_error err;
    mot_diag_init(&k->diag, 1);
    k->ld.p = ld->p;
    k->ld.diag = &k->diag;
    k->ld.max_errors = 1;
    k->ld.skip = ld->skip;
    k->ld.blueprint_partial = ld->blueprint_partial;
    k->ld.has_staff_file = ld->has_staff_file;
    k->ld.nstaff_file = ld->nstaff_file;
    k->r.t = par->head;             /* shares the header, read-only */
    k->r.t.ld = &k->ld;
    k->r.t.nrows = 1;       /* a chunk of blank lines is no "no rows" */
    memset(k->r.t.memo, 0, sizeof k->r.t.memo);
    k->r.e = &k->e;
    k->r.ids = mot_strtab_new();
    k->r.branches = mot_strtab_new();
    k->r.known_ids = ld->p->customer_ids;
    k->r.known_branches = ld->p->branches;
    k->bad = 1;
    if (!k->r.ids || !k->r.branches ||
        mot_csv_open_slice(&k->r.t.csv, par->path, NULL, k->lo,
                           k->hi - k->lo, NULL, &err) != MOT_OK)
        return;
    /* the rows are checked against the count all the same (a lone
    ** carriage return ends a row too), so that read_row never has to
    ** grow (realloc) arrays that are views */
    view_arrays(par, k);
    int full = 0;
    while (mot_tbl_next(&k->r.t) == MOT_OK && k->ld.nerrors == 0 &&
           !(full = k->e.n == k->cap))
        read_row(&k->r);
    k->bad = full || k->ld.nerrors > 0 || mot_csv_open_quote(k->r.t.csv);
    mot_csv_free(k->r.t.csv);
    k->r.t.csv = NULL;
    mot_load_free(&k->ld);
    mot_diag_free(&k->diag);
}

/* Free what chunk k holds (its arrays are views: par's or the project's). */
static void free_chunk(ev_chunk *k)
{
    memset(&k->e, 0, sizeof k->e);
    mot_strtab_free(k->r.ids);
    k->r.ids = NULL;
    mot_strtab_free(k->r.branches);
    k->r.branches = NULL;
    free(k->map);
    k->map = NULL;
    free(k->bmap);
    k->bmap = NULL;
}

/* A worker: it takes chunks in order until none is left. */
static void read_part(void *ctx, unsigned part, unsigned nparts)
{
    ev_par *par = ctx;
    size_t task;
    (void)part;
    (void)nparts;
    while ((task = par->next++) < par->nchunks)
        read_chunk(par, &par->chunk[task]);
}

/* Rewrite the n indexes at col that are local (MOT_TBL_LOCAL) through
** map. */
static void renumber(uint32_t *col, size_t n, const uint32_t *map)
{
    for (size_t i = 0; i < n; i++)
        if (col[i] != MOT_NONE && (col[i] & MOT_TBL_LOCAL))
            col[i] = map[col[i] & ~MOT_TBL_LOCAL];
}

/* Turn the local customer and branch indexes of each chunk, in place,
** into the project's. */
static void renumber_part(void *ctx, unsigned part, unsigned nparts)
{
    ev_par *par = ctx;
    size_t lo = mot_parallel_lo(par->nchunks, part, nparts);
    size_t hi = mot_parallel_lo(par->nchunks, part + 1, nparts);
    for (size_t c = lo; c < hi; c++) {
        ev_chunk *k = &par->chunk[c];
        if (mot_strtab_count(k->r.ids))
            renumber(k->e.customer, k->e.n, k->map);
        if (k->e.branch && mot_strtab_count(k->r.branches))
            renumber(k->e.branch, k->e.n, k->bmap);
    }
}

/* Close the gaps that chunks with fewer rows than line feeds (blank
** lines, line feeds inside quotes, a lone carriage return's row) left
** between them, in the order of the file. */
static void close_gaps(ev_par *par)
{
    const ev_read *all = &par->all;
    for (size_t c = 0; c < par->nchunks; c++) {
        const ev_chunk *k = &par->chunk[c];
        if (k->start == k->at || k->e.n == 0)
            continue;
        for (size_t i = 0; i < all->narrays; i++) {
            char *base;
            size_t size = all->arrays[i].size;
            memcpy(&base, all->arrays[i].ptr, sizeof base);
            memmove(base + k->start * size, base + k->at * size,
                    k->e.n * size);
        }
    }
}

/* Give the chunks' own customer ids and branches project indexes, in the
** order of the file (chunk by chunk, each in order of first appearance),
** as interning row by row would; MOT_OK or the failure. */
static mot_status intern_new(ev_par *par)
{
    mot_status st = MOT_OK;
    for (size_t c = 0; c < par->nchunks && st == MOT_OK; c++) {
        ev_chunk *k = &par->chunk[c];
        st = mot_ids_adopt(k->r.ids, par->ld->p->customer_ids, &k->map);
        if (st == MOT_OK)
            st = mot_ids_adopt(k->r.branches, par->ld->p->branches,
                               &k->bmap);
    }
    return st;
}

/* Put the chunks together as the project's events (par->all's, which the
** project then owns); 1 when done (or reported), 0 when the file must be
** read again whole. */
static int merge_chunks(ev_par *par, unsigned threads)
{
    mot_load *ld = par->ld;
    size_t n = 0;
    unsigned nt = mot_parallel_threads(threads, par->nchunks);
    for (size_t c = 0; c < par->nchunks; c++) {
        if (par->chunk[c].bad)
            return 0;
        par->chunk[c].start = n;
        n += par->chunk[c].e.n;
    }
    if (n == 0)
        return 0;           /* the reader in one piece says "no rows" */
    mot_status st = intern_new(par);
    if (st != MOT_OK) {
        mot_ids_failed(ld, st, par->head.file);
        return 1;
    }
    mot_parallel_run(nt, renumber_part, par);
    close_gaps(par);
    mot_events *e = ld->p->events = par->all.e;
    par->all.e = NULL;
    e->n = n;
    mot_shrink(par->all.arrays, par->all.narrays, n);
    par->head.nrows = n;
    mot_tbl_take_attrs(&par->head, &e->attrs);
    mot_chunked_loads++;
    ld->p->skipped |= ld->skip & EVENT_SKIPS;
    return 1;
}

/* Open events.csv for the chunked reader: its header read on a load of
** its own (so that nothing is reported: a problem sends the file to the
** reader in one piece, which reports it), a plain UTF-8 file, big enough
** to cut. Returns the number of chunks (0: read it in one piece). */
static size_t open_chunked(ev_par *par, mot_load *hl, mot_diag *hd,
                           unsigned threads)
{
    mot_load *ld = par->ld;
    size_t aim = mot_chunk_bytes ? mot_chunk_bytes : MOT_CHUNK_BYTES;
    size_t least = mot_chunk_min ? mot_chunk_min : MOT_CHUNK_MIN;
    struct stat sb;
    mot_diag_init(hd, 1);
    *hl = *ld;
    hl->diag = hd;
    hl->nerrors = 0;
    hl->max_errors = 1;
    hl->tp_texts = NULL;
    hl->tp_of_text = NULL;
    hl->tp_cap = 0;
    if (mot_tbl_open(&par->head, hl, "events", cols, E_NCOLS, 0) != MOT_OK)
        return 0;
    /* staff ids without staff.csv are interned: one reader */
    if (!(ld->skip & MOT_SKIP_EVENT_DETAIL) &&
        mot_tbl_has(&par->head, E_STAFF) && !ld->has_staff_file)
        return 0;
    const char *enc = mot_csv_encoding(par->head.csv);
    int bom = strcmp(enc, "UTF-8 BOM") == 0;
    size_t dlen = strlen(ld->p->dir);
    if ((!bom && strcmp(enc, "UTF-8") != 0) ||
        !(par->path = malloc(dlen + sizeof "/events.csv")))
        return 0;
    memcpy(par->path, ld->p->dir, dlen);
    memcpy(par->path + dlen, "/events.csv", sizeof "/events.csv");
    if (strcmp(par->head.file, "events.csv") != 0 ||
        stat(par->path, &sb) != 0)
        return 0;
    unsigned long long lo = mot_csv_bytes(par->head.csv) + (bom ? 3 : 0);
    unsigned long long hi = (unsigned long long)sb.st_size;
    if (hi <= lo)
        return 0;
    size_t want = (size_t)((hi - lo) / aim);
    if (want < 4 * (size_t)threads)
        want = 4 * (size_t)threads;
    if (want > (hi - lo) / least)
        want = (size_t)((hi - lo) / least);
    if (want < 2)
        return 0;
    unsigned long long *bounds = malloc((want + 1) * sizeof *bounds);
    if (!bounds)
        return 0;
    size_t m = mot_chunks_split(par->path, NULL, lo, hi, want, bounds);
    if (m >= 2 && (par->chunk = calloc(m, sizeof *par->chunk))) {
        par->nchunks = m;
        for (size_t c = 0; c < m; c++) {
            par->chunk[c].lo = bounds[c];
            par->chunk[c].hi = bounds[c + 1];
        }
    }
    free(bounds);
    return par->nchunks;
}

mot_status mot_load_customers_events(mot_load *ld)
{
    ev_par par;
    mot_load hl;
    mot_diag hd;
    unsigned threads = mot_parallel_threads(ld->threads, 0);
    int done = 0;
    memset(&par, 0, sizeof par);
    atomic_init(&par.next, 0);
    par.ld = ld;
    if (threads > 1 &&
        (ld->skip & EVENT_SKIPS) &&
        !mot_load_stopped(ld) && open_chunked(&par, &hl, &hd, threads)) {
        mot_parallel_run(threads, first_part, &par);
        if (!mot_load_stopped(ld) && place_chunks(&par)) {
            mot_parallel_run(mot_parallel_threads(threads, par.nchunks),
                             read_part, &par);
            done = mot_load_stopped(ld) || merge_chunks(&par, threads);
        }
        for (size_t c = 0; c < par.nchunks; c++)
            free_chunk(&par.chunk[c]);
        mot_events_free(par.all.e);
    } else if (!mot_load_stopped(ld)) {
        mot_load_customers(ld);
    }
    free(par.chunk);
    free(par.path);
    mot_tbl_close(&par.head);
    if (par.head.ld == &hl) {
        mot_load_free(&hl);
        mot_diag_free(&hd);
    }
    if (!done && !mot_load_stopped(ld))
        mot_load_events(ld);
    return MOT_OK;
}
