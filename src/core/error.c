/*
** error.c: status codes, error details and the bounded error list.
**
** mot_error_set formats a message into a fixed-size mot_error (truncating,
** never overflowing). mot_diag keeps the first `limit` errors a reader
** reports and counts the rest, so `mot check` can show every problem in a
** folder without unbounded memory.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"

const char *mot_version(void) { return MOT_VERSION_STRING; }

const char *mot_strerror(mot_status status)
{
    switch (status) {
    case MOT_DONE: return "no more records";
    case MOT_OK: return "success";
    case MOT_ENOMEM: return "out of memory";
    case MOT_EIO: return "input/output error";
    case MOT_ENOENT: return "missing input";
    case MOT_EDATA: return "bad data";
    case MOT_EUSAGE: return "invalid argument";
    case MOT_ELIMIT: return "input exceeds a limit";
    case MOT_ENOTIMPL: return "not implemented yet";
    }
    return "unknown error";
}

int mot_status_exit_code(mot_status status)
{
    switch (status) {
    case MOT_OK: case MOT_DONE: return 0;
    case MOT_EUSAGE: case MOT_ENOTIMPL: return 64;
    case MOT_EDATA: case MOT_ELIMIT: return 65;
    case MOT_ENOENT: return 66;
    case MOT_EIO: return 74;
    case MOT_ENOMEM: return 70;
    }
    return 70;
}

void mot_error_clear(mot_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
}

mot_status mot_error_setv(mot_error *err, mot_status status, const char *file,
                          unsigned long line, unsigned long column,
                          const char *fmt, va_list ap)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    return status;
}

mot_status mot_error_set(mot_error *err, mot_status status, const char *file,
                         unsigned long line, unsigned long column,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mot_error_setv(err, status, file, line, column, fmt, ap);
    va_end(ap);
    return status;
}

int mot_error_format(const mot_error *err, char *buf, size_t n)
{
    char where[MOT_ERROR_FILE_MAX + 48] = "";
    if (err->file[0] && err->line && err->column)
        snprintf(where, sizeof where, "%s:%lu:%lu: ", err->file, err->line,
                 err->column);
    else if (err->file[0] && err->line)
        snprintf(where, sizeof where, "%s:%lu: ", err->file, err->line);
    else if (err->file[0])
        snprintf(where, sizeof where, "%s: ", err->file);
    return snprintf(buf, n, "%s%s", where,
                    err->message[0] ? err->message : mot_strerror(err->status));
}

void mot_diag_init(mot_diag *d, size_t limit)
{
    memset(d, 0, sizeof *d);
    d->limit = limit ? limit : 100;
}

void mot_diag_free(mot_diag *d)
{
    size_t limit = d->limit;
    free(d->items);
    mot_diag_init(d, limit);
}

void mot_diag_add(mot_diag *d, const mot_error *err)
{
    d->total++;
    if (d->worst == MOT_OK && err->status < 0)
        d->worst = err->status;
    if (d->n >= d->limit)
        return;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        mot_error *items = realloc(d->items, cap * sizeof *items);
        if (!items)
            return;
        d->items = items;
        d->cap = cap;
    }
    d->items[d->n++] = *err;
}
