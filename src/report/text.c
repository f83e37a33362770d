/*
** text.c: display width of UTF-8 text and aligned terminal tables.
**
** Width follows utf8proc's character widths (Unicode East Asian Width:
** wide and fullwidth characters take two columns, combining marks zero),
** which is what terminals use, so Chinese touchpoint names line up with
** ASCII numbers. A mot_table keeps its cells until printed, measuring each
** column's widest cell.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "mot/report.h"

size_t mot_text_width(const char *s, size_t len)
{
    if (len == (size_t)-1)
        len = strlen(s);
    size_t w = 0, i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {       /* invalid byte: one column, move on */
            w++;
            i++;
            continue;
        }
        int cw = utf8proc_charwidth(cp);
        w += cw > 0 ? (size_t)cw : 0;
        i += (size_t)k;
    }
    return w;
}

void mot_text_pad(FILE *f, const char *s, size_t width, int right)
{
    size_t w = mot_text_width(s, (size_t)-1);
    size_t pad = w < width ? width - w : 0;
    if (right)
        fprintf(f, "%*s", (int)pad, "");
    fputs(s, f);
    if (!right)
        fprintf(f, "%*s", (int)pad, "");
}

void mot_text_fit(const char *s, size_t width, char *buf, size_t n)
{
    if (n == 0)
        return;
    size_t len = strlen(s);
    if (mot_text_width(s, len) <= width && len < n) {
        memcpy(buf, s, len + 1);
        return;
    }
    /* keep whole characters while they and the ellipsis fit */
    static const char ell[] = "\xe2\x80\xa6";   /* U+2026, one column */
    size_t w = 0, i = 0, out = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        size_t step = k > 0 ? (size_t)k : 1;
        int cw = k > 0 ? utf8proc_charwidth(cp) : 1;
        size_t cwu = cw > 0 ? (size_t)cw : 0;
        if (w + cwu + 1 > width || out + step + sizeof ell > n)
            break;
        memcpy(buf + out, s + i, step);
        out += step;
        w += cwu;
        i += step;
    }
    if (out + sizeof ell <= n && width > 0) {
        memcpy(buf + out, ell, sizeof ell);   /* includes the NUL */
    } else {
        buf[out < n ? out : n - 1] = '\0';
    }
}

struct mot_table {
    size_t ncols;
    int *right;
    char **cells;      /* nrows * ncols, owned */
    size_t nrows, cap;
};

mot_table *mot_table_new(size_t ncols, const int *right)
{
    mot_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    t->right = calloc(ncols ? ncols : 1, sizeof *t->right);
    if (!t->right) {
        free(t);
        return NULL;
    }
    if (right)
        memcpy(t->right, right, ncols * sizeof *right);
    return t;
}

void mot_table_free(mot_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->right);
    free(t);
}

mot_status mot_table_add(mot_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **c = realloc(t->cells, cap * t->ncols * sizeof *c);
        if (!c)
            return MOT_ENOMEM;
        t->cells = c;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * t->ncols;
    for (size_t i = 0; i < t->ncols; i++) {
        row[i] = strdup(cells[i] ? cells[i] : "");
        if (!row[i]) {
            while (i-- > 0)
                free(row[i]);
            return MOT_ENOMEM;
        }
    }
    t->nrows++;
    return MOT_OK;
}

mot_status mot_table_addf(mot_table *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *line = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&line, &len);
    if (!m) {
        va_end(ap);
        return MOT_ENOMEM;
    }
    vfprintf(m, fmt, ap);
    va_end(ap);
    if (fclose(m) != 0) {
        free(line);
        return MOT_ENOMEM;
    }
    const char **cells = calloc(t->ncols ? t->ncols : 1, sizeof *cells);
    if (!cells) {
        free(line);
        return MOT_ENOMEM;
    }
    char *p = line;
    for (size_t i = 0; i < t->ncols && p; i++) {
        cells[i] = p;
        p = strchr(p, '\t');
        if (p)
            *p++ = '\0';
    }
    mot_status st = mot_table_add(t, cells);
    free(cells);
    free(line);
    return st;
}

void mot_table_print(const mot_table *t, FILE *f, int indent, int header)
{
    size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (!w)
        return;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            size_t cw = mot_text_width(t->cells[r * t->ncols + c], (size_t)-1);
            if (cw > w[c])
                w[c] = cw;
        }
    size_t total = 0;
    for (size_t c = 0; c < t->ncols; c++)
        total += w[c] + (c ? 2 : 0);
    for (size_t r = 0; r < t->nrows; r++) {
        fprintf(f, "%*s", indent, "");
        for (size_t c = 0; c < t->ncols; c++) {
            const char *cell = t->cells[r * t->ncols + c];
            int last = c + 1 == t->ncols;
            if (c)
                fputs("  ", f);
            if (last && !t->right[c])
                fputs(cell, f);   /* no trailing spaces */
            else
                mot_text_pad(f, cell, w[c], t->right[c]);
        }
        fputc('\n', f);
        if (r == 0 && header) {
            fprintf(f, "%*s", indent, "");
            for (size_t i = 0; i < total; i++)
                fputc('-', f);
            fputc('\n', f);
        }
    }
    free(w);
}

size_t mot_table_rows(const mot_table *t)
{
    return t->nrows;
}

size_t mot_table_cols(const mot_table *t)
{
    return t->ncols;
}

const char *mot_table_cell(const mot_table *t, size_t row, size_t col)
{
    if (row >= t->nrows || col >= t->ncols)
        return NULL;
    return t->cells[row * t->ncols + col];
}

int mot_table_right(const mot_table *t, size_t col)
{
    return col < t->ncols && t->right[col];
}
