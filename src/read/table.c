/*
** table.c: reading one CSV file of a project folder (see table.h).
**
** The file is found as NAME.csv or NAME.csv.gz (the CSV reader detects
** gzip and the text encoding). The header is mapped to the file's known
** columns; every field a loader asks for is trimmed of ASCII spaces. Each
** problem becomes a message naming the file as it is in the folder (not
** its full path), the physical line and the 1-based field number, and is
** added to the load's diag.
*/
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/mem.h"
#include "mot/parse.h"
#include "read/chunks.h"
#include "read/columns.h"
#include "read/table.h"
#include "read/textutil.h"

/* ---- the load ----------------------------------------------------------------- */

void mot_load_report(mot_load *ld, const mot_error *err)
{
    mot_diag_add(ld->diag, err);
    ld->nerrors++;
    if (ld->status == MOT_OK)
        ld->status = err->status;
    if (err->status == MOT_ENOMEM)
        ld->stop = 1;
}

void mot_load_error(mot_load *ld, mot_status status, const char *file,
                    unsigned long line, unsigned long column,
                    const char *fmt, ...)
{
    mot_error err;
    va_list ap;
    va_start(ap, fmt);
    mot_error_setv(&err, status, file, line, column, fmt, ap);
    va_end(ap);
    mot_load_report(ld, &err);
}

int mot_load_stopped(const mot_load *ld)
{
    return ld->stop || ld->nerrors >= ld->max_errors;
}

void mot_load_free(mot_load *ld)
{
    mot_strtab_free(ld->tp_texts);
    free(ld->tp_of_text);
    ld->tp_texts = NULL;
    ld->tp_of_text = NULL;
    ld->tp_cap = 0;
}

/* ---- growable arrays ----------------------------------------------------------- */

mot_status mot_grow(mot_array *arrays, size_t k, size_t *cap, size_t need)
{
    size_t newcap = *cap ? *cap : 16;
    if (need <= *cap)
        return MOT_OK;
    while (newcap < need) {
        if (newcap > SIZE_MAX / 2)
            return MOT_ENOMEM;
        newcap *= 2;
    }
    for (size_t i = 0; i < k; i++) {
        void *old, *p;
        if (newcap > SIZE_MAX / arrays[i].size)
            return MOT_ENOMEM;
        size_t bytes = newcap * arrays[i].size;
        memcpy(&old, arrays[i].ptr, sizeof old);
        if (bytes < MOT_MEM_HUGE_MIN) {
            p = realloc(old, bytes);
        } else if ((p = mot_mem_alloc(bytes)) != NULL) {
            /* a new block on a huge page rather than realloc's, which
            ** would extend a mapping of 4 KiB pages (core/mem.h) */
            if (old)
                memcpy(p, old, *cap * arrays[i].size);
            free(old);
        }
        if (!p)
            return MOT_ENOMEM;
        memcpy(arrays[i].ptr, &p, sizeof p);
    }
    *cap = newcap;
    return MOT_OK;
}

void mot_shrink(mot_array *arrays, size_t k, size_t n)
{
    for (size_t i = 0; i < k && n > 0; i++) {
        void *old, *p;
        memcpy(&old, arrays[i].ptr, sizeof old);
        if (!old)
            continue;
        p = realloc(old, n * arrays[i].size);
        if (p)
            memcpy(arrays[i].ptr, &p, sizeof p);
    }
}

/* ---- opening a file and reading its header --------------------------------- */

/* True when something exists at path. */
static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The required columns, "id, name, stage", for messages. */
static void list_required(const mot_tbl *t, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t c = 0; c < t->ncols && used < n; c++)
        if (t->cols[c].required)
            used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                     used ? ", " : "", t->cols[c].name);
}

/* The header names as written, "id, name", for messages. */
static void list_header(const mot_tbl *t, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < t->nheader && used < n; i++)
        used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                 i ? ", " : "", t->header[i]);
}

/* Copy the trimmed header names; MOT_OK or MOT_ENOMEM. */
static mot_status copy_header(mot_tbl *t)
{
    size_t n = mot_csv_nfields(t->csv);
    t->header = calloc(n, sizeof *t->header);
    t->other = calloc(n, 1);
    if (!t->header || !t->other)
        return MOT_ENOMEM;
    t->nheader = n;
    t->header_line = mot_csv_line(t->csv);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = mot_csv_field(t->csv, i, &len);
        mot_text_trim(&s, &len);
        t->header[i] = strndup(s, len);
        if (!t->header[i])
            return MOT_ENOMEM;
    }
    return MOT_OK;
}

/* Report header names given twice; returns how many were reported. */
static int check_duplicates(mot_tbl *t)
{
    int bad = 0;
    for (size_t j = 1; j < t->nheader; j++) {
        const char *b = t->header[j];
        for (size_t i = 0; i < j && b[0]; i++) {
            if (mot_text_ieq(t->header[i], strlen(t->header[i]), b)) {
                mot_load_error(t->ld, MOT_EDATA, t->file, t->header_line,
                               (unsigned long)j + 1,
                               "column \"%s\" appears twice, as columns %zu "
                               "and %zu; each column name must be unique",
                               b, i + 1, j + 1);
                bad++;
                break;
            }
        }
    }
    return bad;
}

/* The header field named `name`, or -1. */
static long find_header(const mot_tbl *t, const char *name)
{
    for (size_t i = 0; i < t->nheader; i++)
        if (mot_text_ieq(name, strlen(name), t->header[i]))
            return (long)i;
    return -1;
}

/* Report a required column that is missing. */
static void report_missing(mot_tbl *t, const mot_tbl_col *col)
{
    char have[400], also[120] = "";
    size_t used = 0;
    list_header(t, have, sizeof have);
    for (size_t a = 0; col->aliases && col->aliases[a]; a++)
        used += (size_t)snprintf(also + used, sizeof also - used, "%s%s",
                                 a ? ", " : " (or ", col->aliases[a]);
    if (used)
        snprintf(also + used, sizeof also - used, ")");
    mot_load_error(t->ld, MOT_EDATA, t->file, t->header_line, 0,
                   "missing required column \"%s\"%s; the header has: %s",
                   col->name, also, have);
}

/* Find each known column in the header (its name first, then its
** aliases in order); returns the number of required ones missing. */
static int map_columns(mot_tbl *t)
{
    int missing = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        const mot_tbl_col *col = &t->cols[c];
        long pos = find_header(t, col->name);
        for (size_t a = 0; pos < 0 && col->aliases && col->aliases[a]; a++)
            pos = find_header(t, col->aliases[a]);
        t->pos[c] = pos;
        if (pos < 0 && col->required) {
            report_missing(t, col);
            missing++;
        }
    }
    return missing;
}

/* Mark the named header fields that are not known columns, and start an
** attribute column for each when the file keeps them. */
static mot_status find_others(mot_tbl *t)
{
    size_t n = 0;
    char **names;
    for (size_t i = 0; i < t->nheader; i++)
        t->other[i] = t->header[i][0] != '\0';
    for (size_t c = 0; c < t->ncols; c++)
        if (t->pos[c] >= 0)
            t->other[t->pos[c]] = 0;
    if (!t->keep_attrs)
        return MOT_OK;
    t->attr_field = malloc((t->nheader + 1) * sizeof *t->attr_field);
    names = malloc((t->nheader + 1) * sizeof *names);
    if (!t->attr_field || !names) {
        free(names);
        return MOT_ENOMEM;
    }
    for (size_t i = 0; i < t->nheader; i++)
        if (t->other[i]) {
            t->attr_field[n] = i;
            names[n++] = t->header[i];
        }
    mot_status st = mot_columns_init(&t->attrs, names, n);
    free(names);
    return st;
}

/* Read the header row and map it; MOT_OK or the problem's status (then
** reported). */
static mot_status read_header(mot_tbl *t)
{
    mot_error err;
    mot_status st = mot_csv_next(t->csv, &err);
    if (st == MOT_DONE) {
        char want[200];
        list_required(t, want, sizeof want);
        mot_load_error(t->ld, MOT_EDATA, t->file, 0, 0,
                       "file is empty; expected a header row with %s", want);
        return MOT_EDATA;
    }
    if (st != MOT_OK) {
        snprintf(err.file, sizeof err.file, "%s", t->file);
        mot_load_report(t->ld, &err);
        return st;
    }
    if (copy_header(t) != MOT_OK)
        goto nomem;
    if (check_duplicates(t) + map_columns(t) > 0)
        return MOT_EDATA;
    if (find_others(t) != MOT_OK)
        goto nomem;
    return MOT_OK;
nomem:
    mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
    return MOT_ENOMEM;
}

/* Which of base.csv and base.csv.gz is in the folder: sets t->file and
** returns its full path (malloc'd) or NULL with *st set (MOT_DONE when
** neither, else a reported failure). */
static char *locate(mot_tbl *t, const char *base, mot_status *st)
{
    const char *dir = t->ld->p->dir;
    size_t n = strlen(dir) + strlen(base) + 16;
    char *plain = malloc(n), *gz = malloc(n);
    if (!plain || !gz) {
        free(plain);
        free(gz);
        mot_load_error(t->ld, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        *st = MOT_ENOMEM;
        return NULL;
    }
    snprintf(plain, n, "%s/%s.csv", dir, base);
    snprintf(gz, n, "%s/%s.csv.gz", dir, base);
    int has_plain = file_exists(plain), has_gz = file_exists(gz);
    snprintf(t->file, sizeof t->file, "%s.csv%s", base,
             has_plain ? "" : ".gz");
    *st = has_plain || has_gz ? MOT_OK : MOT_DONE;
    if (has_plain && has_gz) {
        mot_load_error(t->ld, MOT_EDATA, t->file, 0, 0,
                       "%s.csv.gz is in the folder too; keep only one of "
                       "them", base);
        *st = MOT_EDATA;
    }
    free(has_plain ? gz : plain);
    if (*st != MOT_OK) {
        free(has_plain ? plain : gz);
        return NULL;
    }
    return has_plain ? plain : gz;
}

int mot_project_has_file(const char *dir, const char *base)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.csv", dir, base);
    if (file_exists(path))
        return 1;
    snprintf(path, sizeof path, "%s/%s.csv.gz", dir, base);
    return file_exists(path);
}

void mot_tbl_file_name(const mot_load *ld, const char *base, char *buf,
                       size_t n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.csv", ld->p->dir, base);
    snprintf(buf, n, "%s.csv%s", base, file_exists(path) ? "" : ".gz");
}

int mot_tbl_present(const mot_load *ld, const char *base)
{
    return mot_project_has_file(ld->p->dir, base);
}

/* Set up t for a file with the given columns. */
static void tbl_init(mot_tbl *t, mot_load *ld, const mot_tbl_col *cols,
                     size_t ncols, int keep_attrs)
{
    assert(ncols <= MOT_TBL_MAXCOLS);
    memset(t, 0, sizeof *t);
    t->ld = ld;
    t->cols = cols;
    t->ncols = ncols;
    t->keep_attrs = keep_attrs;
}

/* Open the file at path (t->file already names it) and read its header;
** MOT_OK or the reported problem's status, t closed. */
static mot_status tbl_start(mot_tbl *t, const char *path)
{
    mot_error err;
    mot_status st = mot_csv_open(&t->csv, path, NULL, &err);
    if (st != MOT_OK) {
        snprintf(err.file, sizeof err.file, "%s", t->file);
        mot_load_report(t->ld, &err);
        return st;
    }
    t->path = strdup(path);     /* for mot_tbl_reserve, which copes without */
    st = read_header(t);
    if (st != MOT_OK)
        mot_tbl_close(t);
    return st;
}

mot_status mot_tbl_open(mot_tbl *t, mot_load *ld, const char *base,
                        const mot_tbl_col *cols, size_t ncols,
                        int keep_attrs)
{
    mot_status st;
    char *path;
    tbl_init(t, ld, cols, ncols, keep_attrs);
    path = locate(t, base, &st);
    if (!path)
        return st;
    st = tbl_start(t, path);
    free(path);
    return st;
}

mot_status mot_tbl_open_path(mot_tbl *t, mot_load *ld, const char *path,
                             const mot_tbl_col *cols, size_t ncols,
                             int keep_attrs)
{
    tbl_init(t, ld, cols, ncols, keep_attrs);
    snprintf(t->file, sizeof t->file, "%s", path);
    return tbl_start(t, path);
}

/* Report a failed allocation (or MOT_ELIMIT: past 2^32-2 distinct values
** in a string table); the load stops. Returns 0. */
static int alloc_failed(mot_tbl *t, mot_status st)
{
    if (st == MOT_ELIMIT)
        mot_load_error(t->ld, st, t->file, 0, 0, "more distinct values "
                       "than mot can hold (4294967294)");
    else
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
    t->ld->stop = 1;
    return 0;
}

/* ---- rows ------------------------------------------------------------------------ */

/* Report a value in a column the header gives no name (past its end, or
** under an empty header cell); one report per row. */
static void check_unnamed(mot_tbl *t)
{
    size_t n = mot_csv_nfields(t->csv);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (i < t->nheader && t->header[i][0])
            continue;
        mot_tbl_field(t, i, &len);
        if (len > 0) {
            char found[MOT_TEXT_EXCERPT_MAX + 8];
            const char *s = mot_csv_field(t->csv, i, &len);
            mot_tbl_error_at(t, i, "a value in a column that has no name "
                             "in the header, found \"%s\"",
                             mot_text_excerpt(found, sizeof found, s, len));
            return;
        }
    }
}

/* Store the current row's attribute fields as row t->nrows. */
static mot_status add_attrs(mot_tbl *t)
{
    mot_status st = mot_columns_reserve(&t->attrs, &t->attrs_cap,
                                        t->nrows + 1);
    for (size_t k = 0; st == MOT_OK && k < t->attrs.n; k++) {
        size_t len;
        const char *s = mot_tbl_field(t, t->attr_field[k], &len);
        st = mot_columns_set(&t->attrs, k, t->nrows, s, len);
    }
    return st;
}

mot_status mot_tbl_next(mot_tbl *t)
{
    mot_error err;
    mot_status st;
    if (!t->csv || mot_load_stopped(t->ld))
        return MOT_DONE;
    st = mot_csv_next(t->csv, &err);
    if (st == MOT_DONE) {
        if (t->nrows == 0)
            mot_load_error(t->ld, MOT_EDATA, t->file, 0, 0,
                           "no rows: the file has a header but no data");
        return MOT_DONE;
    }
    if (st != MOT_OK) {
        snprintf(err.file, sizeof err.file, "%s", t->file);
        mot_load_report(t->ld, &err);
        return st;
    }
    check_unnamed(t);
    if (t->attrs.n > 0 && (st = add_attrs(t)) != MOT_OK) {
        alloc_failed(t, st);
        return MOT_DONE;
    }
    t->nrows++;
    return MOT_OK;
}

void mot_tbl_take_attrs(mot_tbl *t, mot_columns *out)
{
    mot_columns_finish(&t->attrs, t->nrows);
    *out = t->attrs;
    t->attrs.col = NULL;
    t->attrs.n = 0;
}

void mot_tbl_close(mot_tbl *t)
{
    mot_csv_free(t->csv);
    t->csv = NULL;
    for (size_t i = 0; t->header && i < t->nheader; i++)
        free(t->header[i]);
    free(t->header);
    free(t->other);
    free(t->attr_field);
    t->header = NULL;
    t->other = NULL;
    t->attr_field = NULL;
    t->nheader = 0;
    mot_columns_free(&t->attrs);
    free(t->path);
    t->path = NULL;
}

size_t mot_tbl_reserve(mot_tbl *t, mot_array *arrays, size_t k, size_t *cap)
{
    struct stat sb;
    size_t n = strlen(t->file);
    if (!t->path || (n >= 3 && strcmp(t->file + n - 3, ".gz") == 0) ||
        stat(t->path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        sb.st_size < (1 << 20))
        return 0;
    size_t rows = mot_chunks_rows_max(t->path, NULL, 0,
                                      (unsigned long long)sb.st_size);
    if (rows == SIZE_MAX)
        return 0;
    (void)mot_grow(arrays, k, cap, rows);
    (void)mot_columns_reserve(&t->attrs, &t->attrs_cap, rows);
    return rows;
}

/* ---- fields ---------------------------------------------------------------------- */

int mot_tbl_has(const mot_tbl *t, int col)
{
    return t->pos[col] >= 0;
}

const char *mot_tbl_field(const mot_tbl *t, size_t i, size_t *len)
{
    if (i >= mot_csv_nfields(t->csv)) {
        *len = 0;
        return "";
    }
    const char *s = mot_csv_field(t->csv, i, len);
    mot_text_trim(&s, len);
    return s;
}

const char *mot_tbl_text(const mot_tbl *t, int col, size_t *len)
{
    if (t->pos[col] < 0) {
        *len = 0;
        return "";
    }
    return mot_tbl_field(t, (size_t)t->pos[col], len);
}

const char *mot_tbl_name(const mot_tbl *t, int col)
{
    return t->pos[col] >= 0 ? t->header[t->pos[col]] : t->cols[col].name;
}

/* Line on which header field i of the current row starts. */
static unsigned long field_line(const mot_tbl *t, size_t i)
{
    if (i < mot_csv_nfields(t->csv))
        return mot_csv_field_line(t->csv, i);
    return mot_csv_line(t->csv);
}

unsigned long mot_tbl_line(const mot_tbl *t, int col)
{
    return t->pos[col] >= 0 ? field_line(t, (size_t)t->pos[col])
                            : mot_csv_line(t->csv);
}

void mot_tbl_error_at(mot_tbl *t, size_t i, const char *fmt, ...)
{
    mot_error err;
    va_list ap;
    va_start(ap, fmt);
    mot_error_setv(&err, MOT_EDATA, t->file, field_line(t, i),
                   (unsigned long)i + 1, fmt, ap);
    va_end(ap);
    mot_load_report(t->ld, &err);
}

/* "<name> must be <what>, found "<text>"" for header field i. */
static void bad_atv(mot_tbl *t, size_t i, const char *fmt, va_list ap)
{
    char what[200], found[MOT_TEXT_EXCERPT_MAX + 8];
    size_t len = 0;
    const char *s = "";
    if (i < mot_csv_nfields(t->csv))
        s = mot_csv_field(t->csv, i, &len);
    vsnprintf(what, sizeof what, fmt, ap);
    mot_tbl_error_at(t, i, "%s must be %s, found \"%s\"",
                     i < t->nheader ? t->header[i] : "value", what,
                     mot_text_excerpt(found, sizeof found, s, len));
}

void mot_tbl_bad_at(mot_tbl *t, size_t i, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bad_atv(t, i, fmt, ap);
    va_end(ap);
}

void mot_tbl_bad(mot_tbl *t, int col, const char *fmt, ...)
{
    va_list ap;
    assert(t->pos[col] >= 0);
    va_start(ap, fmt);
    bad_atv(t, (size_t)t->pos[col], fmt, ap);
    va_end(ap);
}

/* ---- field parsers --------------------------------------------------------------- */

/* Report an empty required field. */
static int empty_required(mot_tbl *t, int col)
{
    mot_tbl_error_at(t, (size_t)t->pos[col], "%s must not be empty",
                     mot_tbl_name(t, col));
    return 0;
}

/* Parse column col as a number in [lo, hi] into *out (NAN when empty);
** 0 when it is not one. */
static int parse_real(const mot_tbl *t, int col, double lo, double hi,
                      double *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    double v;
    *out = NAN;
    if (len == 0)
        return 1;
    if (mot_parse_double(s, len, &v) != MOT_OK || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

int mot_tbl_real(mot_tbl *t, int col, double lo, double hi,
                 const char *what, double *out)
{
    if (parse_real(t, col, lo, hi, out))
        return 1;
    mot_tbl_bad(t, col, "%s", what);
    return 0;
}

int mot_tbl_score(mot_tbl *t, int col, double *out)
{
    const mot_scale *sc = &t->ld->p->config.scale;
    if (parse_real(t, col, sc->min, sc->max, out))
        return 1;
    mot_tbl_bad(t, col, "a number between %g and %g", sc->min, sc->max);
    return 0;
}

char *mot_tbl_copy(mot_tbl *t, int col, int required)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    char *copy;
    if (len == 0 && !required)
        return NULL;
    if (len == 0)
        empty_required(t, col);
    copy = strndup(s, len);
    if (!copy)
        alloc_failed(t, MOT_ENOMEM);
    return copy;
}

int mot_tbl_time(mot_tbl *t, int col, int required, int64_t *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    *out = MOT_NO_TIME;
    if (len == 0 && !required)
        return 1;
    if (len == 0 || mot_parse_time(s, len, out) != MOT_OK) {
        mot_tbl_bad(t, col, "a date and time like 2026-03-01 08:30 or Unix "
                    "seconds");
        return 0;
    }
    return 1;
}

/* Intern column col as mot_tbl_intern_known does, with known NULL for
** mot_tbl_intern; the memo remembers the last text per column and table. */
static int intern(mot_tbl *t, int col, int required, const mot_strtab *known,
                  mot_strtab *tab, uint32_t *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    mot_tbl_memo *m = &t->memo[col];
    mot_status st = MOT_OK;
    *out = MOT_NONE;
    if (len == 0)
        return required ? empty_required(t, col) : 1;
    if (m->tab == tab && m->len == len && memcmp(m->text, s, len) == 0) {
        *out = m->index;
        return 1;
    }
    /* the id after the last one found is the likeliest (sorted files) */
    uint32_t guess = m->tab == tab && m->index < MOT_TBL_LOCAL
                     ? m->index + 1 : 0;
    if (known && (*out = mot_strtab_find_near(known, s, len, guess)) !=
                 MOT_NONE)
        assert(*out < MOT_TBL_LOCAL);
    else if ((st = mot_strtab_intern(tab, s, len, out, NULL)) == MOT_OK &&
             known)
        *out = *out < MOT_TBL_LOCAL ? *out | MOT_TBL_LOCAL : MOT_NONE;
    if (st == MOT_OK && *out == MOT_NONE)
        st = MOT_ELIMIT;
    if (st != MOT_OK)
        return alloc_failed(t, st);
    m->tab = len <= sizeof m->text ? tab : NULL;
    m->len = (unsigned char)len;
    m->index = *out;
    memcpy(m->text, s, m->tab ? len : 0);
    return 1;
}

int mot_tbl_intern(mot_tbl *t, int col, int required, mot_strtab *tab,
                   uint32_t *out)
{
    return intern(t, col, required, NULL, tab, out);
}

int mot_tbl_intern_known(mot_tbl *t, int col, int required,
                         const mot_strtab *known, mot_strtab *local,
                         uint32_t *out)
{
    return intern(t, col, required, known, local, out);
}

/* The blueprint index of touchpoint text (s, len), through the load's
** cache; -1 when the blueprint has none, -2 if a malloc fails. */
static long touchpoint_of(mot_load *ld, const char *s, size_t len)
{
    uint32_t i;
    int added;
    if (!ld->tp_texts && !(ld->tp_texts = mot_strtab_new()))
        return -2;
    if (mot_strtab_intern(ld->tp_texts, s, len, &i, &added) != MOT_OK)
        return -2;
    if (!added && i >= ld->tp_cap)
        return -2;      /* a malloc failed when the text was added */
    if (added) {
        mot_array a = {&ld->tp_of_text, sizeof(int32_t)};
        if (mot_grow(&a, 1, &ld->tp_cap, (size_t)i + 1) != MOT_OK)
            return -2;
        ld->tp_of_text[i] = (int32_t)mot_blueprint_find(&ld->p->blueprint,
                                                         s, len);
    }
    return ld->tp_of_text[i];
}

int mot_tbl_touchpoint(mot_tbl *t, int col, int required, int32_t *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    long tp;
    *out = -1;
    if (len == 0)
        return required ? empty_required(t, col) : 1;
    if (t->ld->blueprint_partial)
        return 1;
    tp = touchpoint_of(t->ld, s, len);
    if (tp == -2)
        return alloc_failed(t, MOT_ENOMEM);
    if (tp < 0) {
        mot_tbl_bad(t, col, "an id or name from blueprint.csv");
        return 0;
    }
    *out = (int32_t)tp;
    return 1;
}

int mot_tbl_staff(mot_tbl *t, int col, int required, uint32_t *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    mot_load *ld = t->ld;
    uint32_t i;
    *out = MOT_NONE;
    if (len == 0)
        return required ? empty_required(t, col) : 1;
    if (!ld->has_staff_file)
        return mot_tbl_intern(t, col, required, ld->p->staff_ids, out);
    i = mot_strtab_find(ld->p->staff_ids, s, len);
    if (i == MOT_NONE || i >= ld->nstaff_file) {
        mot_tbl_bad(t, col, "an id from staff.csv");
        return 0;
    }
    *out = i;
    return 1;
}

/* Report a word that is not one of names[0..n-1]. */
static int bad_word(mot_tbl *t, int col, const char *const *names, size_t n)
{
    char list[200];
    size_t used = 0;
    list[0] = '\0';
    for (size_t i = 0; i < n && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 i ? ", " : "", names[i]);
    mot_tbl_bad(t, col, "one of %s", list);
    return 0;
}

int mot_tbl_phase(mot_tbl *t, int col, mot_phase *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    const char *names[] = {mot_phase_name(MOT_PHASE_EXPECTATION),
                           mot_phase_name(MOT_PHASE_CONTACT),
                           mot_phase_name(MOT_PHASE_FOLLOW_UP)};
    *out = len ? mot_phase_from_text(s, len) : MOT_PHASE_UNSET;
    if (len && *out == MOT_PHASE_UNSET)
        return bad_word(t, col, names, 3);
    return 1;
}

int mot_tbl_lane(mot_tbl *t, int col, mot_lane *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    const char *names[] = {mot_lane_name(MOT_LANE_EVIDENCE),
                           mot_lane_name(MOT_LANE_CUSTOMER),
                           mot_lane_name(MOT_LANE_FRONTSTAGE),
                           mot_lane_name(MOT_LANE_BACKSTAGE),
                           mot_lane_name(MOT_LANE_SUPPORT)};
    *out = len ? mot_lane_from_text(s, len) : MOT_LANE_UNSET;
    if (len && *out == MOT_LANE_UNSET)
        return bad_word(t, col, names, 5);
    return 1;
}

int mot_tbl_channel(mot_tbl *t, int col, mot_channel *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    const char *names[] = {mot_channel_name(MOT_CHANNEL_FRONT),
                           mot_channel_name(MOT_CHANNEL_BACK),
                           mot_channel_name(MOT_CHANNEL_DIGITAL)};
    *out = len ? mot_channel_from_text(s, len) : MOT_CHANNEL_UNSET;
    if (len && *out == MOT_CHANNEL_UNSET)
        return bad_word(t, col, names, 3);
    return 1;
}

int mot_tbl_dimension(mot_tbl *t, int col, mot_dimension *out)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    const char *names[MOT_NDIMENSIONS];
    for (int d = 0; d < MOT_NDIMENSIONS; d++)
        names[d] = mot_dimension_name((mot_dimension)d);
    *out = len ? mot_dimension_from_text(s, len) : MOT_DIM_UNSET;
    if (len && *out == MOT_DIM_UNSET)
        return bad_word(t, col, names, MOT_NDIMENSIONS);
    return 1;
}

/* ---- first occurrences -------------------------------------------------------------- */

unsigned long mot_seen_mark(mot_tbl *t, mot_seen *s, uint32_t i,
                            unsigned long line)
{
    if ((size_t)i >= s->cap) {
        size_t old = s->cap;
        mot_array a = {&s->line, sizeof *s->line};
        if (mot_grow(&a, 1, &s->cap, (size_t)i + 1) != MOT_OK)
            return (unsigned long)alloc_failed(t, MOT_ENOMEM);
        memset(s->line + old, 0, (s->cap - old) * sizeof *s->line);
    }
    if (s->line[i])
        return s->line[i];
    s->line[i] = line;
    return 0;
}

void mot_seen_free(mot_seen *s)
{
    free(s->line);
    s->line = NULL;
    s->cap = 0;
}

int mot_tbl_unique(mot_tbl *t, int col, mot_strtab *tab, mot_seen *seen,
                   uint32_t *out)
{
    unsigned long first;
    if (!mot_tbl_intern(t, col, 1, tab, out) || *out == MOT_NONE)
        return 0;
    first = mot_seen_mark(t, seen, *out, mot_tbl_line(t, col));
    if (!first)
        return 1;
    mot_tbl_error_at(t, (size_t)t->pos[col], "%s \"%s\" appears twice: "
                     "first on line %lu", mot_tbl_name(t, col),
                     mot_strtab_get(tab, *out), first);
    return 0;
}

mot_status mot_pair_intern(mot_strtab *pairs, uint32_t a, uint32_t b,
                           uint32_t *index)
{
    char key[2 * sizeof(uint32_t)];
    memcpy(key, &a, sizeof a);
    memcpy(key + sizeof a, &b, sizeof b);
    return mot_strtab_intern(pairs, key, sizeof key, index, NULL);
}
