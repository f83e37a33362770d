/*
** csvnum.h: a tiny reader for the numeric test fixtures (tests only): a
** header line, then rows whose first field is a quoted name and the rest
** numbers. Aborts the test on any surprise.
*/
#ifndef MOT_TEST_CSVNUM_H
#define MOT_TEST_CSVNUM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read `path` into a new n x k row-major array; k and n are checked. */
static double *csvnum_read(const char *path, size_t want_rows,
                           size_t want_cols)
{
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open %s", path);
    char line[4096];
    if (!fgets(line, sizeof line, f))
        fail_msg("%s: empty", path);
    double *v = calloc(want_rows * want_cols, sizeof *v);
    size_t r = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '\n' || line[0] == '\0')
            continue;
        if (r >= want_rows)
            fail_msg("%s: more than %zu rows", path, want_rows);
        char *p = strchr(line + 1, '"');
        if (line[0] != '"' || !p || p[1] != ',')
            fail_msg("%s: row %zu has no quoted name", path, r + 1);
        p += 2;
        for (size_t c = 0; c < want_cols; c++) {
            char *end;
            v[r * want_cols + c] = strtod(p, &end);
            if (end == p)
                fail_msg("%s: row %zu column %zu is not a number", path,
                         r + 1, c + 1);
            p = end;
            if (c + 1 < want_cols) {
                if (*p != ',')
                    fail_msg("%s: row %zu: short", path, r + 1);
                p++;
            }
        }
        r++;
    }
    fclose(f);
    if (r != want_rows)
        fail_msg("%s: %zu rows, expected %zu", path, r, want_rows);
    return v;
}

#endif
