/*
** wide.c: reading a wide table (mot/wide.h): a header, then one row per
** unit, every column kept as an attribute column.
**
** The header is read first and checked (no empty and no duplicate names,
** compared ignoring ASCII case); each row must have as many fields as the
** header. Values go through mot_columns_set, so a column is numeric when
** every non-empty value parses as a number.
*/
#include <stdlib.h>
#include <string.h>

#include "mot/csv.h"
#include "mot/wide.h"
#include "read/columns.h"
#include "read/textutil.h"

void mot_wide_free(mot_wide *w)
{
    if (!w)
        return;
    free(w->name);
    mot_columns_free(&w->cols);
    free(w);
}

/* Check the header record and start one column per field. */
static mot_status read_header(mot_csv *csv, mot_wide *w, mot_error *err)
{
    size_t n = mot_csv_nfields(csv);
    char **names = calloc(n, sizeof *names);
    mot_status st = MOT_OK;
    if (!names)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t k = 0; k < n && st == MOT_OK; k++) {
        size_t len;
        const char *s = mot_csv_field(csv, k, &len);
        mot_text_trim(&s, &len);
        if (len == 0) {
            st = mot_error_set(err, MOT_EDATA, w->name, mot_csv_line(csv),
                               k + 1, "header name must not be empty");
            break;
        }
        for (size_t j = 0; j < k && st == MOT_OK; j++)
            if (mot_text_ieq(s, len, names[j]))
                st = mot_error_set(err, MOT_EDATA, w->name,
                                   mot_csv_line(csv), k + 1,
                                   "header name \"%s\" appears twice "
                                   "(columns %zu and %zu)", names[j], j + 1,
                                   k + 1);
        if (st == MOT_OK && !(names[k] = strndup(s, len)))
            st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (st == MOT_OK && mot_columns_init(&w->cols, names, n) != MOT_OK)
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t k = 0; k < n; k++)
        free(names[k]);
    free(names);
    return st;
}

/* Store the current record as row w->nrows. */
static mot_status read_row(mot_csv *csv, mot_wide *w, size_t *cap,
                           mot_error *err)
{
    size_t n = mot_csv_nfields(csv);
    if (n != w->cols.n)
        return mot_error_set(err, MOT_EDATA, w->name, mot_csv_line(csv),
                             n < w->cols.n ? n + 1 : w->cols.n + 1,
                             "expected %zu fields as in the header, found "
                             "%zu", w->cols.n, n);
    if (mot_columns_reserve(&w->cols, cap, w->nrows + 1) != MOT_OK)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t k = 0; k < n; k++) {
        size_t len;
        const char *s = mot_csv_field(csv, k, &len);
        mot_text_trim(&s, &len);
        mot_status st = mot_columns_set(&w->cols, k, w->nrows, s, len);
        if (st != MOT_OK)
            return mot_error_set(err, st, w->name, mot_csv_field_line(csv, k),
                                 k + 1, "cannot store the value: %s",
                                 mot_strerror(st));
    }
    w->nrows++;
    return MOT_OK;
}

mot_status mot_wide_read(const char *path, mot_wide **out, mot_error *err)
{
    *out = NULL;
    mot_csv *csv = NULL;
    mot_wide *w = calloc(1, sizeof *w);
    if (!w || !(w->name = strdup(path))) {
        free(w);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    mot_status st = mot_csv_open(&csv, path, NULL, err);
    if (st != MOT_OK)
        goto fail;
    if ((st = mot_csv_next(csv, err)) == MOT_DONE) {
        st = mot_error_set(err, MOT_EDATA, path, 0, 0,
                           "the file is empty: expected a header row");
        goto fail;
    }
    if (st != MOT_OK || (st = read_header(csv, w, err)) != MOT_OK)
        goto fail;
    size_t cap = 0;
    while ((st = mot_csv_next(csv, err)) == MOT_OK)
        if ((st = read_row(csv, w, &cap, err)) != MOT_OK)
            goto fail;
    if (st != MOT_DONE)
        goto fail;
    mot_columns_finish(&w->cols, w->nrows);
    mot_csv_free(csv);
    *out = w;
    return MOT_OK;
fail:
    mot_csv_free(csv);
    mot_wide_free(w);
    return st;
}
