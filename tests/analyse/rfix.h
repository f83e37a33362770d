/*
** rfix.h: reading the R fixtures of tests/data/r (tests only): a header
** line, then rows of a quoted name and five numbers, as the scripts there
** print them. Aborts the test on any surprise.
*/
#ifndef MOT_TEST_RFIX_H
#define MOT_TEST_RFIX_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RFIX_MAX 64

typedef struct rfix {
    size_t n;
    char name[RFIX_MAX][96];
    double v[RFIX_MAX][5];
} rfix;

static void rfix_read(const char *path, rfix *f)
{
    FILE *fp = fopen(path, "r");
    char line[1024];
    if (!fp || !fgets(line, sizeof line, fp))
        fail_msg("cannot read %s", path);
    f->n = 0;
    while (fgets(line, sizeof line, fp)) {
        char *q = strchr(line + 1, '"');
        if (line[0] != '"' || !q || f->n >= RFIX_MAX)
            fail_msg("%s: bad row %zu", path, f->n + 1);
        size_t len = (size_t)(q - line - 1);
        if (len >= sizeof f->name[0])
            fail_msg("%s: name too long", path);
        memcpy(f->name[f->n], line + 1, len);
        f->name[f->n][len] = '\0';
        char *p = q + 1;
        for (int k = 0; k < 5; k++) {
            char *end;
            if (*p++ != ',')
                fail_msg("%s: row %zu short", path, f->n + 1);
            f->v[f->n][k] = strtod(p, &end);
            if (end == p)
                fail_msg("%s: row %zu: not a number", path, f->n + 1);
            p = end;
        }
        f->n++;
    }
    fclose(fp);
}

/* The row named `name`, or abort. */
static const double *rfix_get(const rfix *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->name[i], name) == 0)
            return f->v[i];
    fail_msg("no fixture row \"%s\"", name);
    return NULL;
}

#endif
