/*
** chunks.c: cutting a file into chunks that end just after a line feed
** (see chunks.h). Only a few KiB around each cut are read, with pread;
** counting a chunk's line feeds reads it through once.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/chunks.h"

size_t mot_chunk_bytes, mot_chunk_min, mot_chunked_loads;

#define WINDOW 4096

/* Offset just after the first line feed at or after `from` and before
** hi, or hi when there is none (or a read fails). */
static unsigned long long after_lf(int fd, const unsigned char *mem,
                                   unsigned long long from,
                                   unsigned long long hi)
{
    unsigned char buf[WINDOW];
    while (from < hi) {
        unsigned long long left = hi - from;
        size_t n = left < WINDOW ? (size_t)left : WINDOW;
        const unsigned char *p = mem ? mem + from : buf;
        if (!mem) {
            ssize_t r;
            do
                r = pread(fd, buf, n, (off_t)from);
            while (r < 0 && errno == EINTR);
            if (r <= 0)
                return hi;
            n = (size_t)r;
        }
        const unsigned char *lf = memchr(p, '\n', n);
        if (lf)
            return from + (unsigned long long)(lf - p) + 1;
        from += n;
    }
    return hi;
}

size_t mot_chunks_split(const char *path, const void *mem,
                        unsigned long long lo, unsigned long long hi,
                        size_t n, unsigned long long *bounds)
{
    int fd = -1;
    size_t m = 0;
    bounds[0] = lo;
    if (path && (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        n = 1;
    for (size_t k = 1; k < n; k++) {
        unsigned long long target = lo + (hi - lo) / n * k +
                                    (hi - lo) % n * k / n;
        unsigned long long from = target > bounds[m] ? target - 1
                                                     : bounds[m];
        unsigned long long b = after_lf(fd, mem, from, hi);
        if (b >= hi)
            break;
        bounds[++m] = b;
    }
    bounds[++m] = hi;
    if (fd >= 0)
        close(fd);
    return m;
}

size_t mot_chunks_rows_max(const char *path, const void *mem,
                           unsigned long long lo, unsigned long long hi)
{
    enum { BUF = 256 << 10 };
    unsigned char *buf = NULL;
    size_t lf = 0;
    unsigned char last = '\n';
    int fd = -1;
    if (path && ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
                 !(buf = malloc(BUF)))) {
        if (fd >= 0)
            close(fd);
        return SIZE_MAX;
    }
    while (lo < hi) {
        unsigned long long left = hi - lo;
        size_t n = left < BUF ? (size_t)left : BUF;
        const unsigned char *p = mem ? (const unsigned char *)mem + lo : buf;
        if (!mem) {
            ssize_t r;
            do
                r = pread(fd, buf, n, (off_t)lo);
            while (r < 0 && errno == EINTR);
            if (r <= 0) {
                lf = SIZE_MAX;
                break;
            }
            n = (size_t)r;
        }
        for (const unsigned char *q = p, *end = p + n;
             (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
            lf++;
        last = p[n - 1];
        lo += n;
    }
    free(buf);
    if (fd >= 0)
        close(fd);
    return lf == SIZE_MAX ? lf : lf + (last != '\n');
}

/* ---- putting pieces together --------------------------------------------- */

mot_status mot_ids_adopt(const mot_strtab *from, mot_strtab *to,
                         uint32_t **map)
{
    size_t n = mot_strtab_count(from);
    mot_status st = MOT_OK;
    if (!(*map = malloc((n ? n : 1) * sizeof **map)))
        return MOT_ENOMEM;
    for (size_t j = 0; j < n && st == MOT_OK; j++) {
        const char *s = mot_strtab_get(from, (uint32_t)j);
        st = mot_strtab_intern(to, s, strlen(s), &(*map)[j], NULL);
    }
    if (st != MOT_OK) {
        free(*map);
        *map = NULL;
    }
    return st;
}

void mot_ids_failed(mot_load *ld, mot_status st, const char *file)
{
    if (st == MOT_ELIMIT)
        mot_load_error(ld, st, file, 0, 0, "more distinct values than mot "
                       "can hold (4294967294)");
    else
        mot_load_error(ld, MOT_ENOMEM, file, 0, 0, "out of memory");
    ld->stop = 1;
}
