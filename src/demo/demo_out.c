/*
** demo_out.c: CSV records with integer-exact formatting, and files written as
** NAME.tmp then renamed.
**
** Dates come from mot_time_date (the reader's own days-to-civil algorithm,
** src/read/parse.c), so times past the end of 2026 still print correctly.
*/
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo/demo_out.h"
#include "mot/parse.h"

#define EPOCH_DAY_2026 20454LL /* 2026-01-01 in days since 1970-01-01 */
#define STDIO_BUFFER (256 * 1024)

void demo_line_start(demo_line *l)
{
    l->n = 0;
    l->nfields = 0;
}

/* Append one byte (the record must have room: asserted). */
static void put_char(demo_line *l, char c)
{
    assert(l->n + 1 < DEMO_LINE_MAX);
    l->buf[l->n++] = c;
}

/* Append len bytes (the record must have room: asserted). */
static void put_bytes(demo_line *l, const char *s, size_t len)
{
    assert(l->n + len < DEMO_LINE_MAX);
    memcpy(l->buf + l->n, s, len);
    l->n += len;
}

/* Start a new field: a comma unless it is the first. */
static void next_field(demo_line *l)
{
    if (l->nfields++ > 0)
        put_char(l, ',');
}

void demo_line_text(demo_line *l, const char *s)
{
    next_field(l);
    if (strpbrk(s, ",\"\r\n") == NULL) {
        put_bytes(l, s, strlen(s));
        return;
    }
    put_char(l, '"');
    for (; *s; s++) {
        if (*s == '"')
            put_char(l, '"');
        put_char(l, *s);
    }
    put_char(l, '"');
}

void demo_line_raw(demo_line *l, const char *s)
{
    next_field(l);
    put_bytes(l, s, strlen(s));
}

void demo_line_empty(demo_line *l)
{
    next_field(l);
}

/* Append the decimal digits of v, zero-padded to at least width. */
static void put_digits(demo_line *l, unsigned long long v, int width)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    while (n < width)
        tmp[n++] = '0';
    while (n > 0)
        put_char(l, tmp[--n]);
}

void demo_line_uint(demo_line *l, unsigned long long v)
{
    next_field(l);
    put_digits(l, v, 1);
}

void demo_line_fixed(demo_line *l, long long v, int decimals)
{
    unsigned long long scale = 1, mag;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    next_field(l);
    if (v < 0) {
        put_char(l, '-');
        mag = 0ULL - (unsigned long long)v;
    } else {
        mag = (unsigned long long)v;
    }
    put_digits(l, mag / scale, 1);
    if (decimals > 0) {
        put_char(l, '.');
        put_digits(l, mag % scale, decimals);
    }
}

void demo_line_id(demo_line *l, const char *prefix, unsigned long n,
                  int width)
{
    next_field(l);
    put_bytes(l, prefix, strlen(prefix));
    put_digits(l, n, width);
}

/* Append the date of secs (seconds since 2026-01-01). */
static void put_date(demo_line *l, long long secs)
{
    int64_t y;
    int m, d;
    assert(secs >= 0);
    mot_time_date((int64_t)EPOCH_DAY_2026 * 86400 + secs, &y, &m, &d);
    put_digits(l, (unsigned long long)y, 4);
    put_char(l, '-');
    put_digits(l, (unsigned)m, 2);
    put_char(l, '-');
    put_digits(l, (unsigned)d, 2);
}

void demo_line_date(demo_line *l, long long secs)
{
    next_field(l);
    put_date(l, secs);
}

void demo_line_time(demo_line *l, long long secs)
{
    long long s = secs % 86400;
    next_field(l);
    put_date(l, secs);
    put_char(l, 'T');
    put_digits(l, (unsigned long long)(s / 3600), 2);
    put_char(l, ':');
    put_digits(l, (unsigned long long)(s / 60 % 60), 2);
    put_char(l, ':');
    put_digits(l, (unsigned long long)(s % 60), 2);
}

/* ---- files --------------------------------------------------------------- */

/* A new string "dir/name" + suffix, or NULL if malloc fails. */
static char *join(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

/* Free the paths of df and clear them. */
static void free_paths(demo_file *df)
{
    free(df->path);
    free(df->tmp);
    df->path = df->tmp = NULL;
}

mot_status demo_file_open(demo_file *df, const char *dir, const char *name,
                          mot_error *err)
{
    memset(df, 0, sizeof *df);
    df->path = join(dir, name, "");
    df->tmp = join(dir, name, ".tmp");
    if (!df->path || !df->tmp) {
        free_paths(df);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0,
                             "out of memory opening %s", name);
    }
    df->f = fopen(df->tmp, "wb");
    if (!df->f) {
        mot_error_set(err, MOT_EIO, df->path, 0, 0,
                      "cannot create the file (%s)", strerror(errno));
        free_paths(df);
        return MOT_EIO;
    }
    setvbuf(df->f, NULL, _IOFBF, STDIO_BUFFER);
    return MOT_OK;
}

void demo_file_put(demo_file *df, const demo_line *l)
{
    if (df->error)
        return;
    errno = 0;
    if (fwrite(l->buf, 1, l->n, df->f) != l->n || putc('\n', df->f) == EOF)
        df->error = errno ? errno : EIO;
}

mot_status demo_file_close(demo_file *df, mot_error *err)
{
    if (!df->f)
        return MOT_OK;
    if (!df->error && fflush(df->f) != 0)
        df->error = errno ? errno : EIO;
    if (fclose(df->f) != 0 && !df->error)
        df->error = errno ? errno : EIO;
    df->f = NULL;
    if (df->error)
        return mot_error_set(err, MOT_EIO, df->path, 0, 0,
                             "cannot write the file (%s)",
                             strerror(df->error));
    return MOT_OK;
}

mot_status demo_file_commit(demo_file *df, mot_error *err)
{
    assert(df->f == NULL && !df->error);
    if (rename(df->tmp, df->path) != 0) {
        mot_error_set(err, MOT_EIO, df->path, 0, 0,
                      "cannot rename the finished file into place (%s)",
                      strerror(errno));
        demo_file_discard(df);
        return MOT_EIO;
    }
    free_paths(df);
    return MOT_OK;
}

void demo_file_discard(demo_file *df)
{
    if (df->f)
        fclose(df->f);
    df->f = NULL;
    if (df->tmp)
        remove(df->tmp);
    free_paths(df);
}
