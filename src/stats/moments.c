/*
** moments.c: the mot_moments accumulator: weighted count, means and the
** co-moment matrix of p variables, mergeable and serializable.
**
** Adding a row x with weight w to a state (W, m, C) (West 1979, the
** weighted form of Welford 1962):
**     W' = W + w,   d = x - m,   m' = m + d w / W',
**     C' = C + d d' w W / W'.
** Merging two states a and b (Chan, Golub & LeVeque 1979/1983):
**     W = Wa + Wb,  delta = mb - ma,  m = ma + delta Wb / W,
**     C = Ca + Cb + delta delta' Wa Wb / W.
** Both avoid the catastrophic cancellation of sum(x^2) - n mean^2.
** C is kept as the packed upper triangle (p(p+1)/2 values). Rows with a
** NAN are skipped whole (listwise deletion) and counted.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"
#include "stats/stats_int.h"

struct mot_moments {
    size_t p;
    uint64_t rows, skipped;
    double w;           /* total weight */
    double *mean;       /* p */
    double *c;          /* packed upper triangle, p(p+1)/2 */
    double *d;          /* scratch, p */
};

static const char TAG[4] = {'M', 'O', 'M', 'S'};

static size_t packed_len(size_t p) { return p * (p + 1) / 2; }

/* Index of (i, j), i <= j, in the packed upper triangle. */
static size_t pk(size_t p, size_t i, size_t j)
{
    return i * p - i * (i - 1) / 2 + (j - i);
}

mot_status mot_moments_new(size_t p, mot_moments **out)
{
    *out = NULL;
    if (p < 1 || p > MOT_MOMENTS_MAXP)
        return MOT_EUSAGE;
    mot_moments *m = calloc(1, sizeof *m);
    if (!m)
        return MOT_ENOMEM;
    m->p = p;
    m->mean = calloc(p, sizeof *m->mean);
    m->c = calloc(packed_len(p), sizeof *m->c);
    m->d = calloc(p, sizeof *m->d);
    if (!m->mean || !m->c || !m->d) {
        mot_moments_free(m);
        return MOT_ENOMEM;
    }
    *out = m;
    return MOT_OK;
}

void mot_moments_free(mot_moments *m)
{
    if (!m)
        return;
    free(m->mean);
    free(m->c);
    free(m->d);
    free(m);
}

void mot_moments_reset(mot_moments *m)
{
    m->rows = m->skipped = 0;
    m->w = 0;
    memset(m->mean, 0, m->p * sizeof *m->mean);
    memset(m->c, 0, packed_len(m->p) * sizeof *m->c);
}

size_t mot_moments_dim(const mot_moments *m) { return m->p; }
uint64_t mot_moments_rows(const mot_moments *m) { return m->rows; }
uint64_t mot_moments_skipped(const mot_moments *m) { return m->skipped; }
double mot_moments_weight(const mot_moments *m) { return m->w; }

/* mot_moments_add for p = 1 (group means, the commonest use), the same
** operations in the same order without the loops. */
static mot_status add1(mot_moments *m, double x, double w)
{
    if (isnan(x)) {
        m->skipped++;
        return MOT_OK;
    }
    if (isinf(x))
        return MOT_EDATA;
    m->rows++;
    if (w == 0)
        return MOT_OK;
    double wn = m->w + w;
    double f = w / wn;
    double g = w * m->w / wn;
    double d = x - m->mean[0];
    m->mean[0] += d * f;
    m->c[0] += g * d * d;
    m->w = wn;
    return MOT_OK;
}

mot_status mot_moments_add(mot_moments *m, const double *x, double w)
{
    size_t p = m->p;
    if (!(w >= 0) || !isfinite(w))
        return MOT_EDATA;
    if (p == 1)
        return add1(m, x[0], w);
    for (size_t j = 0; j < p; j++) {
        if (isnan(x[j])) {
            m->skipped++;
            return MOT_OK;
        }
        if (isinf(x[j]))
            return MOT_EDATA;
    }
    m->rows++;
    if (w == 0)
        return MOT_OK;
    double wn = m->w + w;
    double f = w / wn;          /* weight of the new row in the mean */
    double g = w * m->w / wn;   /* weight of d d' in C */
    for (size_t j = 0; j < p; j++) {
        m->d[j] = x[j] - m->mean[j];
        m->mean[j] += m->d[j] * f;
    }
    double *c = m->c;
    for (size_t i = 0; i < p; i++) {
        double gi = g * m->d[i];
        for (size_t j = i; j < p; j++)
            *c++ += gi * m->d[j];
    }
    m->w = wn;
    return MOT_OK;
}

mot_status mot_moments_merge(mot_moments *dst, const mot_moments *src)
{
    size_t p = dst->p;
    if (src->p != p)
        return MOT_EUSAGE;
    dst->rows += src->rows;
    dst->skipped += src->skipped;
    if (src->w == 0)
        return MOT_OK;
    if (dst->w == 0) {
        dst->w = src->w;
        memcpy(dst->mean, src->mean, p * sizeof *dst->mean);
        memcpy(dst->c, src->c, packed_len(p) * sizeof *dst->c);
        return MOT_OK;
    }
    double w = dst->w + src->w;
    double f = src->w / w;
    double g = dst->w * src->w / w;
    for (size_t j = 0; j < p; j++)
        dst->d[j] = src->mean[j] - dst->mean[j];
    double *c = dst->c;
    const double *cs = src->c;
    for (size_t i = 0; i < p; i++) {
        double gi = g * dst->d[i];
        for (size_t j = i; j < p; j++)
            *c++ += *cs++ + gi * dst->d[j];
    }
    for (size_t j = 0; j < p; j++)
        dst->mean[j] += dst->d[j] * f;
    dst->w = w;
    return MOT_OK;
}

mot_status mot_moments_mean(const mot_moments *m, double *mean)
{
    if (!(m->w > 0))
        return MOT_EDATA;
    memcpy(mean, m->mean, m->p * sizeof *mean);
    return MOT_OK;
}

mot_status mot_moments_comoment(const mot_moments *m, double *c)
{
    size_t p = m->p;
    for (size_t i = 0; i < p; i++)
        for (size_t j = i; j < p; j++)
            c[i * p + j] = c[j * p + i] = m->c[pk(p, i, j)];
    return MOT_OK;
}

mot_status mot_moments_cov(const mot_moments *m, double *cov, int unbiased)
{
    double div = unbiased ? m->w - 1 : m->w;
    if (!(div > 0))
        return MOT_EDATA;
    mot_moments_comoment(m, cov);
    for (size_t i = 0; i < m->p * m->p; i++)
        cov[i] /= div;
    return MOT_OK;
}

mot_status mot_moments_corr(const mot_moments *m, double *corr)
{
    size_t p = m->p;
    if (!(m->w > 0))
        return MOT_EDATA;
    for (size_t i = 0; i < p; i++) {
        double cii = m->c[pk(p, i, i)];
        /* A constant variable accumulates an exact zero (its deviations
        ** are exactly 0); the relative floor only guards against
        ** rounding noise around a huge mean. */
        int const_i = !(cii > 1e-30 * m->w * m->mean[i] * m->mean[i]);
        for (size_t j = i; j < p; j++) {
            double cjj = m->c[pk(p, j, j)];
            int const_j = !(cjj > 1e-30 * m->w * m->mean[j] * m->mean[j]);
            double r;
            if (const_i || const_j)
                r = NAN;
            else if (i == j)
                r = 1;
            else {
                r = m->c[pk(p, i, j)] / sqrt(cii * cjj);
                if (r > 1)
                    r = 1;
                else if (r < -1)
                    r = -1;
            }
            corr[i * p + j] = corr[j * p + i] = r;
        }
    }
    return MOT_OK;
}

static void put_state(const mot_moments *m, wbuf *w)
{
    wb_header(w, TAG);
    wb_u64(w, m->p);
    wb_u64(w, m->rows);
    wb_u64(w, m->skipped);
    wb_f64(w, m->w);
    for (size_t j = 0; j < m->p; j++)
        wb_f64(w, m->mean[j]);
    for (size_t i = 0; i < packed_len(m->p); i++)
        wb_f64(w, m->c[i]);
}

mot_status mot_moments_serialize(const mot_moments *m, void *buf, size_t cap,
                                 size_t *len)
{
    wbuf probe = {NULL, 0, 0};
    put_state(m, &probe);
    if (len)
        *len = probe.len;
    if (!buf || cap < probe.len)
        return MOT_ELIMIT;
    wbuf w = {buf, cap, 0};
    put_state(m, &w);
    return MOT_OK;
}

mot_status mot_moments_deserialize(const void *buf, size_t len,
                                   mot_moments **out, mot_error *err)
{
    rbuf r = {buf, len, 0, 0};
    *out = NULL;
    mot_status st = mot_ser_check_header(&r, TAG, "moments", err);
    if (st != MOT_OK)
        return st;
    uint64_t p = rb_u64(&r);
    if (r.bad || p < 1 || p > MOT_MOMENTS_MAXP)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "moments state has a bad dimension");
    size_t need = MOT_SER_HEADER + 8 * (4 + p + packed_len(p));
    if (len != need)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "moments state is %zu bytes, expected %zu", len,
                             need);
    mot_moments *m;
    st = mot_moments_new(p, &m);
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "%s", mot_strerror(st));
    m->rows = rb_u64(&r);
    m->skipped = rb_u64(&r);
    m->w = rb_f64(&r);
    int ok = m->w >= 0 && isfinite(m->w);
    for (size_t j = 0; j < p; j++) {
        m->mean[j] = rb_f64(&r);
        ok = ok && isfinite(m->mean[j]);
    }
    for (size_t i = 0; i < packed_len(p); i++) {
        m->c[i] = rb_f64(&r);
        ok = ok && isfinite(m->c[i]);
    }
    for (size_t j = 0; j < p; j++)
        ok = ok && m->c[pk(p, j, j)] >= 0;
    if (r.bad || !ok) {
        mot_moments_free(m);
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "moments state holds invalid numbers");
    }
    *out = m;
    return MOT_OK;
}
