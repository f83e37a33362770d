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
** threads (chunks.h): each chunk runs the same read_row into arrays and id
** tables (customers, branches) of its own, and the chunks are put together
** so that the project is exactly what one reader would give; any problem
** sends the file to that one reader.
*/
#define _DEFAULT_SOURCE 1   /* madvise */
#include <math.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <unistd.h>
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
        mot_tbl_intern(t, E_BRANCH, 0, r->branches, &e->branch[i]);
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
    mot_tbl_intern(t, E_CUSTOMER, 1, r->ids, &e->customer[i]);
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

/* ---- customers.csv and events.csv together, events.csv in chunks ------ */

/* One chunk of events.csv, read into arrays of its own with customer ids
** interned into a table of its own; `map` then turns those into the
** project's ids. */
typedef struct ev_chunk {
    unsigned long long lo, hi;  /* its bytes in the file */
    mot_load ld;                /* its own caches and error count */
    mot_diag diag;
    ev_read r;
    mot_events e;
    uint32_t *map;              /* chunk customer index -> project index */
    uint32_t *bmap;             /* chunk branch index -> project index */
    size_t start;               /* its first row in the project's events */
    int bad;                    /* a problem: the chunks are not used */
} ev_chunk;

typedef struct ev_par {
    mot_load *ld;
    mot_tbl head;               /* events.csv, its header read */
    char *path;
    ev_chunk *chunk;
    size_t nchunks;
    _Atomic size_t next;        /* the next task: 0 customers, k chunk k-1 */
} ev_par;

/* Map each of the k arrays for cap elements, straight from the system
** (untouched pages take no memory; unmapped when freed, they leave
** malloc's thresholds and arenas as they were); 0 if one fails. They get
** no huge pages: cap is a bound five times or more the rows a chunk
** holds, and a huge page backs 2 MiB at the first byte written, which
** held 150 MiB more at the 1M benchmark's peak for no gain in time. */
static int map_arrays(const mot_array *a, size_t k, size_t cap)
{
    for (size_t i = 0; i < k; i++) {
        void *p = mmap(NULL, cap * a[i].size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            return 0;
        memcpy(a[i].ptr, &p, sizeof p);
    }
    return 1;
}

/* Unmap the arrays map_arrays mapped. */
static void unmap_arrays(const mot_array *a, size_t k, size_t cap)
{
    for (size_t i = 0; i < k; i++) {
        void *p;
        memcpy(&p, a[i].ptr, sizeof p);
        if (p)
            munmap(p, cap * a[i].size);
        p = NULL;
        memcpy(a[i].ptr, &p, sizeof p);
    }
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
    k->bad = 1;
    if (!k->r.ids || !k->r.branches ||
        mot_csv_open_slice(&k->r.t.csv, par->path, NULL, k->lo,
                           k->hi - k->lo, NULL, &err) != MOT_OK)
        return;
    list_arrays(&k->r);
    /* room for every row at once: a row without a problem has three
    ** non-empty fields, two commas and a line end (but the last), so at
    ** least 5 bytes; the rows are checked against it all the same, so
    ** that read_row never has to grow (realloc) the mapped arrays */
    size_t cap = (size_t)((k->hi - k->lo) / 5 + 2);
    k->r.cap = cap;
    if (!map_arrays(k->r.arrays, k->r.narrays, cap))
        return;
    int full = 0;
    while (mot_tbl_next(&k->r.t) == MOT_OK && k->ld.nerrors == 0 &&
           !(full = k->e.n == cap))
        read_row(&k->r);
    k->bad = full || k->ld.nerrors > 0 || mot_csv_open_quote(k->r.t.csv);
    mot_csv_free(k->r.t.csv);
    k->r.t.csv = NULL;
    mot_load_free(&k->ld);
    mot_diag_free(&k->diag);
}

/* Free what chunk k holds. */
static void free_chunk(ev_chunk *k)
{
    unmap_arrays(k->r.arrays, k->r.narrays, k->r.cap);
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

/* A worker: the calling thread (part 0) reads customers.csv first (the
** longest task, and its tables then come from the main thread's memory
** as with one thread); every worker then takes chunks in order until
** none is left. */
static void read_part(void *ctx, unsigned part, unsigned nparts)
{
    ev_par *par = ctx;
    size_t task;
    (void)nparts;
    if (part == 0 && !mot_load_stopped(par->ld))
        mot_load_customers(par->ld);
    while ((task = par->next++) < par->nchunks)
        read_chunk(par, &par->chunk[task]);
}

/* The index in to of each string of from (MOT_NONE where it is not in
** to), allocated; NULL when out of memory. */
static uint32_t *map_ids(const mot_strtab *from, const mot_strtab *to)
{
    size_t n = mot_strtab_count(from);
    uint32_t *map = malloc((n ? n : 1) * sizeof *map);
    for (size_t j = 0; map && j < n; j++) {
        const char *s = mot_strtab_get(from, (uint32_t)j);
        map[j] = mot_strtab_find(to, s, strlen(s));
    }
    return map;
}

/* Look up each chunk's customer ids and branches in the project's tables
** (read-only, so on several threads); MOT_NONE where one is new. */
static void map_part(void *ctx, unsigned part, unsigned nparts)
{
    ev_par *par = ctx;
    const mot_strtab *ids = par->ld->p->customer_ids;
    const mot_strtab *branches = par->ld->p->branches;
    size_t lo = mot_parallel_lo(par->nchunks, part, nparts);
    size_t hi = mot_parallel_lo(par->nchunks, part + 1, nparts);
    for (size_t c = lo; c < hi; c++) {
        ev_chunk *k = &par->chunk[c];
        if (!(k->map = map_ids(k->r.ids, ids)) ||
            !(k->bmap = map_ids(k->r.branches, branches)))
            k->bad = 1;
    }
}

/* Copy each chunk's rows into the project's events (allocated), mapping
** the customer ids, and free the chunk. */
static void copy_part(void *ctx, unsigned part, unsigned nparts)
{
    ev_par *par = ctx;
    mot_events *e = par->ld->p->events;
    size_t lo = mot_parallel_lo(par->nchunks, part, nparts);
    size_t hi = mot_parallel_lo(par->nchunks, part + 1, nparts);
    for (size_t c = lo; c < hi; c++) {
        ev_chunk *k = &par->chunk[c];
        size_t at = k->start, n = k->e.n;
        if (n == 0) {           /* blank lines: no arrays */
            free_chunk(k);
            continue;
        }
        for (size_t i = 0; i < n; i++)
            e->customer[at + i] = k->map[k->e.customer[i]];
        memcpy(e->time + at, k->e.time, n * sizeof *e->time);
        memcpy(e->touchpoint + at, k->e.touchpoint,
               n * sizeof *e->touchpoint);
        memcpy(e->score + at, k->e.score, n * sizeof *e->score);
        if (e->wait_minutes)
            memcpy(e->wait_minutes + at, k->e.wait_minutes,
                   n * sizeof *e->wait_minutes);
        if (e->staff)
            memcpy(e->staff + at, k->e.staff, n * sizeof *e->staff);
        if (e->expected)
            memcpy(e->expected + at, k->e.expected,
                   n * sizeof *e->expected);
        for (size_t i = 0; e->branch && i < n; i++)
            e->branch[at + i] = k->e.branch[i] == MOT_NONE
                                ? MOT_NONE : k->bmap[k->e.branch[i]];
        free_chunk(k);
    }
}

/* Give the new customer ids and branches of the chunks project indexes,
** in the order of the file (chunk by chunk, each in order of first
** appearance), as interning row by row would; MOT_OK or the failure. */
static mot_status intern_new(ev_par *par)
{
    for (size_t c = 0; c < par->nchunks; c++) {
        ev_chunk *k = &par->chunk[c];
        mot_status st = mot_ids_intern_new(k->r.ids, k->map,
                                           par->ld->p->customer_ids);
        if (st == MOT_OK)
            st = mot_ids_intern_new(k->r.branches, k->bmap,
                                    par->ld->p->branches);
        if (st != MOT_OK)
            return st;
    }
    return MOT_OK;
}

/* Put the chunks together as the project's events; 1 when done (or
** reported), 0 when the file must be read again whole. */
static int merge_chunks(ev_par *par, unsigned threads)
{
    mot_load *ld = par->ld;
    size_t n = 0;
    const ev_read *r0 = &par->chunk[0].r;
    int wait = wanted(r0, E_WAIT), staff = wanted(r0, E_STAFF);
    int branch = wanted(r0, E_BRANCH), expected = wanted(r0, E_EXPECTED);
    for (size_t c = 0; c < par->nchunks; c++)
        if (par->chunk[c].bad)
            return 0;
    mot_parallel_run(mot_parallel_threads(threads, par->nchunks), map_part,
                     par);
    for (size_t c = 0; c < par->nchunks; c++) {
        if (par->chunk[c].bad)
            return 0;
        par->chunk[c].start = n;
        n += par->chunk[c].e.n;
    }
    if (n == 0)
        return 0;           /* the reader in one piece says "no rows" */
    mot_status st = intern_new(par);
    mot_events *e = ld->p->events = calloc(1, sizeof *e);
    if (e) {
        e->customer = malloc(n * sizeof *e->customer);
        e->time = malloc(n * sizeof *e->time);
        e->touchpoint = malloc(n * sizeof *e->touchpoint);
        e->score = malloc(n * sizeof *e->score);
        e->wait_minutes = wait ? malloc(n * sizeof *e->wait_minutes) : NULL;
        e->staff = staff ? malloc(n * sizeof *e->staff) : NULL;
        e->branch = branch ? malloc(n * sizeof *e->branch) : NULL;
        e->expected = expected ? malloc(n * sizeof *e->expected) : NULL;
    }
    if (st != MOT_OK || !e || !e->customer || !e->time || !e->touchpoint ||
        !e->score || (wait && !e->wait_minutes) || (staff && !e->staff) ||
        (branch && !e->branch) || (expected && !e->expected)) {
        mot_ids_failed(ld, st, par->head.file);
        return 1;
    }
    e->n = n;
    mot_mem_huge(e->customer, n * sizeof *e->customer);
    mot_mem_huge(e->time, n * sizeof *e->time);
    mot_mem_huge(e->touchpoint, n * sizeof *e->touchpoint);
    mot_mem_huge(e->score, n * sizeof *e->score);
    mot_mem_huge(e->wait_minutes, wait ? n * sizeof *e->wait_minutes : 0);
    mot_mem_huge(e->staff, staff ? n * sizeof *e->staff : 0);
    mot_mem_huge(e->branch, branch ? n * sizeof *e->branch : 0);
    mot_mem_huge(e->expected, expected ? n * sizeof *e->expected : 0);
    mot_parallel_run(mot_parallel_threads(threads, par->nchunks), copy_part,
                     par);
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
        mot_parallel_run(mot_parallel_threads(threads, par.nchunks),
                         read_part, &par);
        done = mot_load_stopped(ld) || merge_chunks(&par, threads);
        for (size_t c = 0; c < par.nchunks; c++)
            free_chunk(&par.chunk[c]);
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
