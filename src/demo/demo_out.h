/*
** demo_out.h: how the demo generator writes its files.
**
** A demo_line builds one CSV record in a fixed buffer, a field at a time,
** with integer-exact formatting (fixed decimals from scaled integers,
** times from whole seconds), so output never depends on libc's printf of
** doubles. A demo_file writes records to NAME.tmp and renames it to NAME
** only when everything succeeded, so a failed run leaves no partial file
** under a real name.
*/
#ifndef MOT_DEMO_OUT_H
#define MOT_DEMO_OUT_H

#include <stdio.h>

#include "mot/error.h"

#define DEMO_LINE_MAX 2048

/* Seconds from 2026-01-01T00:00:00 to the end of 2026. */
#define DEMO_YEAR_SECONDS (365LL * 86400)

typedef struct demo_line {
    char buf[DEMO_LINE_MAX];
    size_t n;
    unsigned nfields;
} demo_line;

/* Start an empty record. */
void demo_line_start(demo_line *l);
/* Append a text field, quoted (RFC 4180) when it holds a comma, a quote,
** CR or LF. All text the generator writes is its own and short: a record
** longer than DEMO_LINE_MAX is a bug (asserted). */
void demo_line_text(demo_line *l, const char *s);
/* Append s as it is, unquoted, as one field (for header rows, which may
** hold several comma-separated names, and mot.ini lines). */
void demo_line_raw(demo_line *l, const char *s);
/* Append an empty field. */
void demo_line_empty(demo_line *l);
/* Append an unsigned integer. */
void demo_line_uint(demo_line *l, unsigned long long v);
/* Append v / 10^decimals with exactly `decimals` digits after the point
** (v = -1234, decimals 2 gives "-12.34"; decimals 0 gives "-1234"). */
void demo_line_fixed(demo_line *l, long long v, int decimals);
/* Append prefix followed by n zero-padded to at least `width` digits. */
void demo_line_id(demo_line *l, const char *prefix, unsigned long n,
                  int width);
/* Append the time `secs` seconds after 2026-01-01T00:00:00 as
** YYYY-MM-DDTHH:MM:SS (no zone), or only YYYY-MM-DD. secs >= 0. */
void demo_line_time(demo_line *l, long long secs);
void demo_line_date(demo_line *l, long long secs);

typedef struct demo_file {
    FILE *f;
    char *path;   /* the real name, dir/NAME */
    char *tmp;    /* dir/NAME.tmp, written first */
    int error;    /* errno of the first failed write, 0 if none */
} demo_file;

/* Create dir/name.tmp for writing (replacing any old one). On failure
** returns MOT_EIO (or MOT_ENOMEM) naming dir/name in err, and *df holds
** nothing to free. */
mot_status demo_file_open(demo_file *df, const char *dir, const char *name,
                          mot_error *err);

/* Write the record in l and a newline. A failure is remembered in
** df->error (and reported by demo_file_close); later writes are skipped. */
void demo_file_put(demo_file *df, const demo_line *l);

/* Flush and close the file. Returns MOT_OK, or MOT_EIO naming the file if
** any write, the flush or the close failed. The .tmp stays in place. */
mot_status demo_file_close(demo_file *df, mot_error *err);

/* Rename the closed dir/name.tmp to dir/name and free *df. Returns MOT_OK
** or MOT_EIO naming the file (the .tmp is then removed). */
mot_status demo_file_commit(demo_file *df, mot_error *err);

/* Close the file if it is open, remove the .tmp and free *df. Safe on a
** zeroed or already committed demo_file. */
void demo_file_discard(demo_file *df);

#endif /* MOT_DEMO_OUT_H */
