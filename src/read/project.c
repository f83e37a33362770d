/*
** project.c: mot_project_load, mot_project_free and mot_project_summary.
**
** Loading reads mot.ini first (the scale and column names the other files
** need), then blueprint.csv (which every touchpoint reference is checked
** against), staff.csv (which staff ids are checked against), and the other
** files, but for those the caller's options skip. Every problem is
** reported to the caller's diag and reading goes on, so one call finds all
** of them, up to the error budget; the project is handed out only when
** there was none.
**
** mot_kano_load_file and mot_servqual_load_file read one such file given
** by its path, into a project of their own with no folder and no
** blueprint, and hand out only that table.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/parallel.h"
#include "read/chunks.h"
#include "read/columns.h"
#include "read/load.h"

/* mot.ini is a few lines; a bigger file is surely not one. */
#define CONFIG_MAX (1024 * 1024)

/* A new empty project for folder dir, or NULL if a malloc fails. */
static mot_project *project_new(const char *dir)
{
    mot_project *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    int ok = mot_config_init(&p->config) == MOT_OK;
    p->dir = strdup(dir);
    p->customer_ids = mot_strtab_new();
    p->staff_ids = mot_strtab_new();
    p->branches = mot_strtab_new();
    if (!ok || !p->dir || !p->customer_ids || !p->staff_ids ||
        !p->branches) {
        mot_project_free(p);
        return NULL;
    }
    return p;
}

void mot_project_free(mot_project *p)
{
    if (!p)
        return;
    mot_blueprint_free(&p->blueprint);
    mot_staff_free(p->staff);
    mot_customers_free(p->customers);
    mot_events_free(p->events);
    mot_kano_free(p->kano);
    mot_servqual_free(p->servqual);
    mot_tickets_free(p->tickets);
    mot_interactions_free(p->interactions);
    mot_strtab_free(p->customer_ids);
    mot_strtab_free(p->staff_ids);
    mot_strtab_free(p->branches);
    mot_config_free(&p->config);
    free(p->dir);
    free(p);
}

/* Read the whole of a small file into a new buffer; NULL with *st set
** (MOT_ENOENT, MOT_EIO, MOT_ELIMIT, MOT_ENOMEM) when it cannot. */
static char *read_small_file(const char *path, size_t *len, mot_status *st)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    *st = MOT_ENOENT;
    if (!f)
        return NULL;
    *st = MOT_ENOMEM;
    buf = malloc(CONFIG_MAX + 1);
    if (buf) {
        *len = fread(buf, 1, CONFIG_MAX + 1, f);
        *st = ferror(f) ? MOT_EIO : *len > CONFIG_MAX ? MOT_ELIMIT : MOT_OK;
    }
    fclose(f);
    if (*st != MOT_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Read mot.ini when the folder has one; its problems go to the diag. */
static void load_config(mot_load *ld)
{
    char path[4096];
    size_t len = 0, before = ld->diag->total;
    mot_status st;
    mot_error err;
    snprintf(path, sizeof path, "%s/mot.ini", ld->p->dir);
    char *data = read_small_file(path, &len, &st);
    if (st == MOT_ENOENT)
        return;
    if (!data) {
        mot_load_error(ld, st, "mot.ini", 0, 0, "%s",
                       st == MOT_ELIMIT ? "file is larger than 1 MiB; it "
                       "should be a few lines of settings"
                       : st == MOT_EIO ? "cannot be read"
                       : "out of memory");
        return;
    }
    mot_error_clear(&err);
    st = mot_config_parse(&ld->p->config, "mot.ini", data, len, &err,
                          ld->diag);
    free(data);
    ld->nerrors += ld->diag->total - before;
    if (st != MOT_OK && ld->diag->total == before)
        mot_load_report(ld, &err);
    else if (st != MOT_OK && ld->status == MOT_OK)
        ld->status = st;
}

/* tickets.csv and interactions.csv read on a thread of their own while
** customers.csv and events.csv are read. Each is read into a shallow copy
** of the project (staff.csv's ids only looked up, the blueprint and
** config only read) on a load of its own that stops at the first
** problem, which is possible when staff.csv is there (MOT_SKIP_
** INTERACTION_DETAIL for interactions.csv too, so that it names no other
** id). tickets.csv interns its customers and branches into tables of its
** own, which are then added to the project's, in the order the tickets
** first name them, exactly as reading it in its place would number them.
** A problem, or a main load that stopped, throws a side table away, and
** the file is then read again in its place, which reports what one
** reader reports. */
size_t mot_side_loads;

typedef struct side_file {
    mot_status (*load)(mot_load *);
    int wanted;
    char file[64];          /* its name in messages */
    mot_load sl;            /* the side load */
    mot_diag diag;
    mot_project p;          /* the shallow copy */
} side_file;

enum { SIDE_TICKETS, SIDE_INTERACTIONS, SIDE_N };

typedef struct side_read {
    mot_load *ld;           /* the project's load */
    side_file f[SIDE_N];
} side_read;

static void side_part(void *ctx, unsigned part, unsigned nparts)
{
    side_read *s = ctx;
    (void)nparts;
    if (part == 0)
        mot_load_customers_events(s->ld);
    else
        for (int k = 0; k < SIDE_N; k++)
            if (s->f[k].wanted)
                s->f[k].load(&s->f[k].sl);
}

/* Which files can be read on the side (s->f[k].wanted); 0 when none. */
static int side_plan(mot_load *ld, side_read *s)
{
    memset(s, 0, sizeof *s);
    s->ld = ld;
    if (!ld->has_staff_file || mot_load_stopped(ld) ||
        mot_parallel_threads(ld->threads, 0) < 2)
        return 0;
    s->f[SIDE_TICKETS].load = mot_load_tickets;
    s->f[SIDE_TICKETS].wanted = !(ld->skip & MOT_SKIP_TICKETS) &&
                                mot_tbl_present(ld, "tickets");
    s->f[SIDE_INTERACTIONS].load = mot_load_interactions;
    s->f[SIDE_INTERACTIONS].wanted =
        (ld->skip & MOT_SKIP_INTERACTION_DETAIL) &&
        !(ld->skip & MOT_SKIP_INTERACTIONS) &&
        mot_tbl_present(ld, "interactions");
    if (s->f[SIDE_TICKETS].wanted)
        mot_tbl_file_name(ld, "tickets", s->f[SIDE_TICKETS].file,
                          sizeof s->f[SIDE_TICKETS].file);
    return s->f[SIDE_TICKETS].wanted || s->f[SIDE_INTERACTIONS].wanted;
}

/* Set up side file f's load; MOT_ENOMEM if its own tables cannot be. */
static mot_status side_start(const mot_load *ld, side_file *f, int own_ids)
{
    f->p = *ld->p;
    mot_diag_init(&f->diag, 1);
    f->sl.p = &f->p;
    f->sl.diag = &f->diag;
    f->sl.max_errors = 1;
    f->sl.skip = ld->skip;
    f->sl.threads = 1;
    f->sl.blueprint_partial = ld->blueprint_partial;
    f->sl.has_staff_file = ld->has_staff_file;
    f->sl.nstaff_file = ld->nstaff_file;
    if (!own_ids)
        return MOT_OK;
    /* never the project's own tables, even when a malloc fails */
    f->p.customer_ids = mot_strtab_new();
    f->p.branches = f->p.customer_ids ? mot_strtab_new() : NULL;
    return f->p.customer_ids && f->p.branches ? MOT_OK : MOT_ENOMEM;
}

/* Number the ids of the side table `from` in the project's table `to`
** (new ones after the others, in from's order) and rewrite the n indexes
** of col (MOT_NONE kept) to match. */
static mot_status adopt_ids(const mot_strtab *from, mot_strtab *to,
                            uint32_t *col, size_t n)
{
    uint32_t *map;
    mot_status st = mot_ids_adopt(from, to, &map);
    for (size_t i = 0; st == MOT_OK && col && i < n; i++)
        if (col[i] != MOT_NONE)
            col[i] = map[col[i]];
    free(map);
    return st;
}

/* Keep side file k's table in the project when it read clean (1), else
** throw it away (0). */
static int side_finish(mot_load *ld, side_read *s, int k)
{
    side_file *f = &s->f[k];
    int ok = f->wanted && f->sl.nerrors == 0 && !f->sl.stop &&
             !mot_load_stopped(ld);
    if (k == SIDE_TICKETS) {
        mot_tickets *t = f->p.tickets;
        mot_status st = MOT_OK;
        if (ok && ((st = adopt_ids(f->p.customer_ids, ld->p->customer_ids,
                                   t->customer, t->n)) != MOT_OK ||
                   (st = adopt_ids(f->p.branches, ld->p->branches,
                                   t->branch, t->n)) != MOT_OK))
            mot_ids_failed(ld, st, f->file);
        if (ok)
            ld->p->tickets = t;
        else
            mot_tickets_free(t);
        mot_strtab_free(f->p.customer_ids);
        mot_strtab_free(f->p.branches);
    } else {
        if (ok) {
            ld->p->interactions = f->p.interactions;
            ld->p->skipped |= f->p.skipped & MOT_SKIP_INTERACTION_DETAIL;
        } else {
            mot_interactions_free(f->p.interactions);
        }
    }
    mot_load_free(&f->sl);
    mot_diag_free(&f->diag);
    mot_side_loads += (size_t)ok;
    return ok;
}

/* customers.csv and events.csv, with the files of s (side_plan) beside
** them; done[k] is set for a side file read. */
static void customers_events_side(mot_load *ld, side_read *s,
                                  int done[SIDE_N])
{
    for (int k = 0; k < SIDE_N; k++)
        if (s->f[k].wanted &&
            side_start(ld, &s->f[k], k == SIDE_TICKETS) != MOT_OK)
            s->f[k].wanted = 0;     /* it is read in its place */
    mot_parallel_run(2, side_part, s);
    for (int k = 0; k < SIDE_N; k++)
        done[k] = side_finish(ld, s, k);
}

/* Read the data files after blueprint.csv, in an order where each file
** is checked against those it refers to. A file whose MOT_SKIP_* bit is
** in ld->skip is not opened; the bit goes to p->skipped when the file is
** there. */
static void load_files(mot_load *ld)
{
    static const struct {
        mot_status (*load)(mot_load *);
        unsigned skip;          /* the bit that leaves the file unread */
        const char *base;       /* its name without .csv */
    } files[] = {
        {mot_load_staff, MOT_SKIP_STAFF, "staff"},
        {mot_load_customers_events, 0, NULL},
        {mot_load_kano, 0, NULL},
        {mot_load_servqual, 0, NULL},
        {mot_load_tickets, MOT_SKIP_TICKETS, "tickets"},
        {mot_load_interactions, MOT_SKIP_INTERACTIONS, "interactions"},
    };
    side_read side;
    int done[SIDE_N] = {0, 0};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        if (mot_load_stopped(ld))
            return;
        if (files[i].load == mot_load_customers_events && side_plan(ld, &side))
            customers_events_side(ld, &side, done);
        else if ((files[i].load == mot_load_tickets && done[SIDE_TICKETS]) ||
                 (files[i].load == mot_load_interactions &&
                  done[SIDE_INTERACTIONS]))
            continue;
        else if (!(ld->skip & files[i].skip))
            files[i].load(ld);
        else if (mot_tbl_present(ld, files[i].base))
            ld->p->skipped |= files[i].skip;
    }
}

/* True when dir names an existing folder. */
static int is_folder(const char *dir)
{
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

mot_status mot_project_load(mot_project **out, const char *dir,
                            const mot_load_options *opt, mot_diag *diag)
{
    mot_load ld;
    *out = NULL;
    memset(&ld, 0, sizeof ld);
    ld.diag = diag;
    ld.max_errors = opt && opt->max_errors ? opt->max_errors : 100;
    ld.skip = opt ? opt->skip : 0;
    ld.threads = opt ? opt->threads : 0;
    if (!is_folder(dir)) {
        mot_load_error(&ld, MOT_ENOENT, dir, 0, 0, "folder not found");
        return ld.status;
    }
    if (!(ld.p = project_new(dir))) {
        mot_load_error(&ld, MOT_ENOMEM, dir, 0, 0, "out of memory");
        return ld.status;
    }
    load_config(&ld);
    if (!mot_load_stopped(&ld)) {
        mot_status st = mot_load_blueprint(&ld);
        ld.blueprint_partial = st != MOT_OK;
        if (st != MOT_ENOENT)
            load_files(&ld);
    }
    mot_load_free(&ld);
    if (opt && opt->summary && opt->summary_size)
        mot_project_summary(ld.p, opt->summary, opt->summary_size);
    if (ld.status != MOT_OK) {
        mot_project_free(ld.p);
        return ld.status;
    }
    *out = ld.p;
    return MOT_OK;
}

/* Set up ld for reading a single file on its own into a project with no
** folder and no blueprint; MOT_OK, or the reported failure (ld->p NULL). */
static mot_status single_start(mot_load *ld, const char *path,
                               const mot_load_options *opt, mot_diag *diag)
{
    memset(ld, 0, sizeof *ld);
    ld->diag = diag;
    ld->max_errors = opt && opt->max_errors ? opt->max_errors : 100;
    ld->blueprint_partial = 1;
    if (!(ld->p = project_new("")))
        mot_load_error(ld, MOT_ENOMEM, path, 0, 0, "out of memory");
    return ld->status;
}

mot_status mot_kano_load_file(mot_kano **out, const char *path,
                              const mot_load_options *opt, mot_diag *diag)
{
    mot_load ld;
    *out = NULL;
    if (single_start(&ld, path, opt, diag) == MOT_OK)
        mot_load_kano_file(&ld, path);
    mot_load_free(&ld);
    if (ld.status == MOT_OK) {
        *out = ld.p->kano;
        ld.p->kano = NULL;
    }
    mot_project_free(ld.p);
    return ld.status;
}

mot_status mot_servqual_load_file(mot_servqual **out, const char *path,
                                  const char *weights_path,
                                  const mot_load_options *opt,
                                  mot_diag *diag)
{
    mot_load ld;
    *out = NULL;
    if (single_start(&ld, path, opt, diag) == MOT_OK)
        mot_load_servqual_files(&ld, path, weights_path);
    mot_load_free(&ld);
    if (ld.status == MOT_OK) {
        *out = ld.p->servqual;
        ld.p->servqual = NULL;
    }
    mot_project_free(ld.p);
    return ld.status;
}

/* A summary line being written: like snprintf, it never writes past
** size and counts the length it needs. */
typedef struct line {
    char *buf;
    size_t size;
    int used;
} line;

/* Append the formatted text (a va_list) to l. */
static void addv(line *l, const char *fmt, va_list ap)
{
    size_t at = (size_t)l->used < l->size ? (size_t)l->used : l->size;
    int got = vsnprintf(l->size ? l->buf + at : NULL, l->size - at, fmt, ap);
    l->used += got > 0 ? got : 0;
}

#if defined(__GNUC__)
#define PRINTF_LIKE __attribute__((format(printf, 2, 3)))
#else
#define PRINTF_LIKE
#endif
static void add(line *l, const char *fmt, ...) PRINTF_LIKE;
static void part(line *l, const char *fmt, ...) PRINTF_LIKE;

/* Append the formatted text to l. */
static void add(line *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    addv(l, fmt, ap);
    va_end(ap);
}

/* Append ", " (unless l is empty) and the formatted text to l. */
static void part(line *l, const char *fmt, ...)
{
    va_list ap;
    if (l->used)
        add(l, ", ");
    va_start(ap, fmt);
    addv(l, fmt, ap);
    va_end(ap);
}

/* "s" when n is not 1. */
static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

int mot_project_summary(const mot_project *p, char *buf, size_t n)
{
    line l = {buf, n, 0};
    const mot_blueprint *b = &p->blueprint;
    if (n)
        buf[0] = '\0';
    if (p->customers)
        part(&l, "customers %zu", p->customers->n);
    if (p->events)
        part(&l, "events %zu", p->events->n);
    part(&l, "touchpoints %zu in %zu stage%s", b->n, b->nstages,
         plural(b->nstages));
    if (p->kano)
        part(&l, "kano %zu answer%s", p->kano->n, plural(p->kano->n));
    if (p->servqual)
        part(&l, "servqual %zu answer%s", p->servqual->n,
             plural(p->servqual->n));
    if (p->tickets)
        part(&l, "tickets %zu", p->tickets->n);
    else if (p->skipped & MOT_SKIP_TICKETS)
        part(&l, "tickets not read");
    if (p->interactions)
        part(&l, "interactions %zu", p->interactions->n);
    else if (p->skipped & MOT_SKIP_INTERACTIONS)
        part(&l, "interactions not read");
    if (p->staff)
        part(&l, "staff %zu", p->staff->n);
    else if (p->skipped & MOT_SKIP_STAFF)
        part(&l, "staff not read");
    return l.used;
}
