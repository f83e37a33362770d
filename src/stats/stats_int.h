/*
** stats_int.h: helpers shared by the src/stats modules (not public).
**
** The byte serialization of accumulator states: a 4-byte tag, a version
** byte and three zero bytes, then fields as little-endian u64 and IEEE-754
** doubles (a double travels as its bit pattern, so NAN and -0 survive).
** A `wbuf` writes into a caller's buffer and counts every byte even past
** its end, so one routine both sizes and fills; an `rbuf` reads and
** remembers whether it ran out. The one-time switch-off of GSL's
** abort-on-error handler. And a variant of mot_maxstat_scan for tests.
*/
#ifndef MOT_STATS_INT_H
#define MOT_STATS_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mot/error.h"
#include "mot/stats.h"

#define MOT_SER_VERSION 1
#define MOT_SER_HEADER 8

/* mot_maxstat_scan ordering the rows by qsort whatever x holds, never by
** counting its values: the tests check that both give the same results. */
mot_status mot_maxstat_scan_qsort(const double *x, const double *y, size_t n,
                                  const mot_maxstat_opts *opts,
                                  mot_maxstat *res, mot_error *err);

/* Turn GSL's default error handler (print + abort) off, once per process
** (pthread_once); GSL errors then come back as return codes. */
void mot_stats_gsl_quiet(void);

typedef struct wbuf {
    unsigned char *p;
    size_t cap, len;
} wbuf;

typedef struct rbuf {
    const unsigned char *p;
    size_t len, pos;
    int bad;
} rbuf;

static inline void wb_bytes(wbuf *w, const void *src, size_t n)
{
    if (w->p && w->len + n <= w->cap)
        memcpy(w->p + w->len, src, n);
    w->len += n;
}

static inline void wb_u64(wbuf *w, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    wb_bytes(w, b, 8);
}

static inline void wb_f64(wbuf *w, double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof v);
    wb_u64(w, v);
}

static inline void wb_header(wbuf *w, const char tag[4])
{
    unsigned char h[MOT_SER_HEADER] = {0};
    memcpy(h, tag, 4);
    h[4] = MOT_SER_VERSION;
    wb_bytes(w, h, sizeof h);
}

static inline uint64_t rb_u64(rbuf *r)
{
    uint64_t v = 0;
    if (r->bad || r->len - r->pos < 8) {
        r->bad = 1;
        return 0;
    }
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)r->p[r->pos + i] << (8 * i);
    r->pos += 8;
    return v;
}

static inline double rb_f64(rbuf *r)
{
    uint64_t v = rb_u64(r);
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

/* Check the header of a serialized state; MOT_OK or MOT_EDATA with a
** message naming `what`. */
mot_status mot_ser_check_header(rbuf *r, const char tag[4], const char *what,
                                mot_error *err);

/* Cholesky of the leading k x k block of a (row-major, stride lda) by
** bordering, into l (stride ldl): returns k if every pivot's squared
** value, relative to the diagonal entry, is at least tol; otherwise the
** index of the first failing column. Used to name collinear columns. */
size_t mot_chol_first_bad(const double *a, size_t lda, size_t k, double tol,
                          double *l, size_t ldl);

#endif /* MOT_STATS_INT_H */
