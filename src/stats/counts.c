/*
** counts.c: the mot_counts accumulator, a 2 x K table of weighted counts
** (for each group k the total n_k and the events e_k), mergeable by
** addition and serializable, with Pearson's chi-square test of equal
** rates:
**     X^2 = sum_k [ (e_k - n_k E/N)^2 / (n_k E/N)
**                 + ((n_k - e_k) - n_k (N-E)/N)^2 / (n_k (N-E)/N) ]
** on (groups with n_k > 0) - 1 degrees of freedom (Pearson 1900; Agresti,
** Categorical Data Analysis, 3rd ed., 3.2.1).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"
#include "stats/stats_int.h"

struct mot_counts {
    size_t k;
    double *n;      /* k totals */
    double *e;      /* k events */
};

static const char TAG[4] = {'C', 'N', 'T', 'S'};

mot_status mot_counts_new(size_t k, mot_counts **out)
{
    *out = NULL;
    if (k < 1 || k > MOT_COUNTS_MAXK)
        return MOT_EUSAGE;
    mot_counts *c = calloc(1, sizeof *c);
    if (!c)
        return MOT_ENOMEM;
    c->k = k;
    c->n = calloc(k, sizeof *c->n);
    c->e = calloc(k, sizeof *c->e);
    if (!c->n || !c->e) {
        mot_counts_free(c);
        return MOT_ENOMEM;
    }
    *out = c;
    return MOT_OK;
}

void mot_counts_free(mot_counts *c)
{
    if (!c)
        return;
    free(c->n);
    free(c->e);
    free(c);
}

void mot_counts_reset(mot_counts *c)
{
    memset(c->n, 0, c->k * sizeof *c->n);
    memset(c->e, 0, c->k * sizeof *c->e);
}

size_t mot_counts_groups(const mot_counts *c) { return c->k; }

mot_status mot_counts_add(mot_counts *c, size_t group, int y, double w)
{
    if (group >= c->k || (y != 0 && y != 1))
        return MOT_EUSAGE;
    if (!(w >= 0) || !isfinite(w))
        return MOT_EDATA;
    c->n[group] += w;
    if (y)
        c->e[group] += w;
    return MOT_OK;
}

mot_status mot_counts_merge(mot_counts *dst, const mot_counts *src)
{
    if (dst->k != src->k)
        return MOT_EUSAGE;
    for (size_t i = 0; i < dst->k; i++) {
        dst->n[i] += src->n[i];
        dst->e[i] += src->e[i];
    }
    return MOT_OK;
}

mot_status mot_counts_get(const mot_counts *c, size_t group, double *n,
                          double *events)
{
    if (group >= c->k)
        return MOT_EUSAGE;
    if (n)
        *n = c->n[group];
    if (events)
        *events = c->e[group];
    return MOT_OK;
}

mot_status mot_counts_chisq(const mot_counts *c, double *stat, double *df,
                            double *p)
{
    double nt = 0, et = 0;
    size_t used = 0;
    for (size_t i = 0; i < c->k; i++)
        if (c->n[i] > 0) {
            nt += c->n[i];
            et += c->e[i];
            used++;
        }
    if (used < 2 || !(et > 0) || !(et < nt))
        return MOT_EDATA;
    double r = et / nt, x2 = 0;
    for (size_t i = 0; i < c->k; i++) {
        if (!(c->n[i] > 0))
            continue;
        double ee = c->n[i] * r, en = c->n[i] * (1 - r);
        double de = c->e[i] - ee, dn = (c->n[i] - c->e[i]) - en;
        x2 += de * de / ee + dn * dn / en;
    }
    if (stat)
        *stat = x2;
    if (df)
        *df = (double)(used - 1);
    if (p)
        *p = mot_chisq_sf(x2, (double)(used - 1));
    return MOT_OK;
}

static void put_state(const mot_counts *c, wbuf *w)
{
    wb_header(w, TAG);
    wb_u64(w, c->k);
    for (size_t i = 0; i < c->k; i++) {
        wb_f64(w, c->n[i]);
        wb_f64(w, c->e[i]);
    }
}

mot_status mot_counts_serialize(const mot_counts *c, void *buf, size_t cap,
                                size_t *len)
{
    wbuf probe = {NULL, 0, 0};
    put_state(c, &probe);
    if (len)
        *len = probe.len;
    if (!buf || cap < probe.len)
        return MOT_ELIMIT;
    wbuf w = {buf, cap, 0};
    put_state(c, &w);
    return MOT_OK;
}

mot_status mot_counts_deserialize(const void *buf, size_t len,
                                  mot_counts **out, mot_error *err)
{
    rbuf r = {buf, len, 0, 0};
    *out = NULL;
    mot_status st = mot_ser_check_header(&r, TAG, "counts", err);
    if (st != MOT_OK)
        return st;
    uint64_t k = rb_u64(&r);
    if (r.bad || k < 1 || k > MOT_COUNTS_MAXK)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "counts state has a bad number of groups");
    size_t need = MOT_SER_HEADER + 8 + 16 * k;
    if (len != need)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "counts state is %zu bytes, expected %zu", len,
                             need);
    mot_counts *c;
    st = mot_counts_new(k, &c);
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "%s", mot_strerror(st));
    int ok = 1;
    for (size_t i = 0; i < k; i++) {
        c->n[i] = rb_f64(&r);
        c->e[i] = rb_f64(&r);
        ok = ok && isfinite(c->n[i]) && c->e[i] >= 0 && c->e[i] <= c->n[i];
    }
    if (r.bad || !ok) {
        mot_counts_free(c);
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "counts state holds invalid numbers");
    }
    *out = c;
    return MOT_OK;
}
