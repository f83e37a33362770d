/* testutil.c: see testutil.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

const char *tu_path(const char *a, const char *b)
{
    static char buf[4][4096];
    static int k;
    char *p = buf[k++ & 3];
    snprintf(p, 4096, "%s/%s", a, b);
    return p;
}

const char *tu_tmpdir(const char *name)
{
    static char path[4096];
    char cmd[8300];
    snprintf(path, sizeof path, "%s/%s", MOT_TEST_TMP, name);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", path, path);
    if (system(cmd) != 0)
        fail_msg("cannot make %s", path);
    return path;
}

const char *tu_write(const char *dir, const char *file, const char *data,
                     size_t len)
{
    const char *path = tu_path(dir, file);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    if (len == (size_t)-1)
        len = strlen(data);
    if (fwrite(data, 1, len, f) != len)
        fail_msg("short write %s", path);
    fclose(f);
    return path;
}

char *tu_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

void tu_golden(const char *name, const char *s)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/golden/%s", MOT_TEST_DATA, name);
    const char *update = getenv("MOT_UPDATE_GOLDEN");
    if (update && *update && strcmp(update, "0") != 0) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(s, 1, strlen(s), f), strlen(s));
        assert_int_equal(fclose(f), 0);
        return;
    }
    char *want = tu_read(path, NULL);
    if (!want)
        fail_msg("no golden file %s (run with MOT_UPDATE_GOLDEN=1)", path);
    if (strcmp(want, s) != 0) {
        size_t i = 0, lineno = 1, start = 0;
        while (want[i] && want[i] == s[i]) {
            if (want[i] == '\n') {
                lineno++;
                start = i + 1;
            }
            i++;
        }
        fprintf(stderr, "%s differs at line %zu:\n  want: %.*s\n  got:  %.*s\n",
                name, lineno, (int)strcspn(want + start, "\n"), want + start,
                (int)strcspn(s + start, "\n"), s + start);
        free(want);
        fail_msg("%s differs from its golden file "
                 "(MOT_UPDATE_GOLDEN=1 regenerates it)", name);
    }
    free(want);
}

