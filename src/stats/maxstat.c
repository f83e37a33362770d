/*
** maxstat.c: the change-point ("tolerance line") scan of a binary outcome
** along a numeric variable: the maximally selected chi-square statistic
** and its multiplicity-adjusted p-values.
**
** Sort the rows by x. Every cut between two distinct neighbouring values
** that leaves at least max(min_group, ceil(min_prop n)) rows on each side
** gives a 2x2 table (below/above x events/non-events) and its Pearson
** chi-square without continuity correction,
**     X^2 = N (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d)).
** The statistic is M = max X^2 (the first cut on ties); with b = sqrt(M)
** the maximal standardized statistic, the adjusted p-values are:
**
**  - Miller & Siegmund (1982, Biometrics 38:1011-1016), in the form of
**    Lausen & Schumacher (1992, Biometrics 48:73-85), from the Brownian
**    bridge limit, for cuts between the eps_lo and eps_hi quantiles:
**        P(M >= b^2) ~ phi(b)(b - 1/b) log(eps_hi(1-eps_lo) /
**                                         ((1-eps_hi) eps_lo))
**                     + 4 phi(b)/b          (1 when b < 1).
**    eps_lo and eps_hi are the shares of rows below the first and the
**    last admissible cut actually scanned. The limit assumes a continuum
**    of cuts, so with few distinct x values it is conservative.
**  - Lausen, Sauerbrei & Schumacher (1994; the "Lau94" improved Bonferroni
**    bound of R's maxstat), using the actual cut positions m_1 < ... < m_k
**    (rows below each cut):
**        P ~ 2 (1 - Phi(b)) + sum_i (1/pi) exp(-b^2/2)
**                                  (t_i - (b^2/4 - 1) t_i^3 / 6),
**        t_i = sqrt(1 - m_i (N - m_{i+1}) / ((N - m_i) m_{i+1})).
**  - A permutation test: y is shuffled (xoshiro256**, seeded) `perm`
**    times, the same cuts rescanned, p = (1 + #{M* >= M}) / (perm + 1).
** The reported p is the permutation p when perm > 0, else Miller-Siegmund.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"

/* pi; M_PI is not in strict C11. */
#define MOT_PI 3.14159265358979323846

void mot_maxstat_opts_default(mot_maxstat_opts *o)
{
    o->min_group = 5;
    o->min_prop = 0.1;
    o->perm = 0;
    o->seed = 1;
}

double mot_chisq_2x2(double a, double b, double c, double d)
{
    double r1 = a + b, r2 = c + d, c1 = a + c, c2 = b + d;
    double n = r1 + r2;
    if (!(r1 > 0 && r2 > 0 && c1 > 0 && c2 > 0))
        return NAN;
    double t = a * d - b * c;
    /* Divide step by step: the product of margins overflows for large n. */
    return n * (t / r1) * (t / r2) / c1 / c2;
}

double mot_maxstat_pms(double b, double eps_lo, double eps_hi)
{
    if (!(eps_lo > 0 && eps_lo < 1 && eps_hi > 0 && eps_hi < 1) || isnan(b))
        return NAN;
    if (b < 1)
        return 1;
    double db = mot_norm_pdf(b);
    double p = 4 * db / b +
               db * (b - 1 / b) *
                   log(eps_hi * (1 - eps_lo) / ((1 - eps_hi) * eps_lo));
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

typedef struct row {
    double x, y;
} row;

static int cmp_row(const void *a, const void *b)
{
    double x = ((const row *)a)->x, y = ((const row *)b)->x;
    return (x > y) - (x < y);
}

/* Max chi-square over the cuts at lower-group sizes m[0..k-1] of the
** outcome sequence y (in x order); *arg receives the cut's index. */
static double scan(const double *y, size_t n, double events, const size_t *m,
                   size_t k, size_t *arg)
{
    double best = -1, a = 0;
    size_t at = 0, used = 0;
    for (size_t c = 0; c < k; c++) {
        while (used < m[c])
            a += y[used++];
        double nb = (double)m[c], na = (double)n - nb;
        double s = mot_chisq_2x2(a, nb - a, events - a, na - (events - a));
        if (s > best) {
            best = s;
            at = c;
        }
    }
    if (arg)
        *arg = at;
    return best;
}

mot_status mot_maxstat_scan(const double *x, const double *y, size_t n,
                            const mot_maxstat_opts *opts, mot_maxstat *res,
                            mot_error *err)
{
    mot_maxstat_opts o;
    if (opts)
        o = *opts;
    else
        mot_maxstat_opts_default(&o);
    if (!(o.min_prop >= 0 && o.min_prop < 0.5) || (n && (!x || !y)))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "invalid arguments to mot_maxstat_scan");
    memset(res, 0, sizeof *res);
    res->cut = res->cut_next = NAN;
    res->rate_below = res->rate_above = NAN;
    res->stat = res->p_raw = res->p_ms = res->p_lau94 = NAN;
    res->p_perm = res->p = res->eps_lo = res->eps_hi = NAN;

    row *r = malloc((n ? n : 1) * sizeof *r);
    double *ys = malloc((n ? n : 1) * sizeof *ys);
    size_t *m = malloc((n ? n : 1) * sizeof *m);
    mot_status st = MOT_OK;
    if (!r || !ys || !m) {
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    size_t nn = 0;
    double events = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) || isnan(y[i])) {
            res->skipped++;
            continue;
        }
        if (isinf(x[i])) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "row %zu: x is infinite", i);
            goto done;
        }
        if (y[i] != 0 && y[i] != 1) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "row %zu: outcome %g is not 0 or 1", i, y[i]);
            goto done;
        }
        r[nn].x = x[i];
        r[nn].y = y[i];
        events += y[i];
        nn++;
    }
    res->rows = nn;
    if (nn < 2 || events == 0 || events == (double)nn)
        goto done;      /* found = 0 */
    qsort(r, nn, sizeof *r, cmp_row);
    for (size_t i = 0; i < nn; i++)
        ys[i] = r[i].y;
    size_t minn = (size_t)ceil(o.min_prop * (double)nn);
    if (minn < o.min_group)
        minn = o.min_group;
    if (minn < 1)
        minn = 1;
    size_t k = 0;
    for (size_t i = 0; i + 1 < nn; i++) {
        size_t below = i + 1;
        if (r[i].x < r[i + 1].x && below >= minn && nn - below >= minn)
            m[k++] = below;
    }
    res->cuts = k;
    if (k == 0)
        goto done;

    size_t arg;
    double best = scan(ys, nn, events, m, k, &arg);
    size_t mb = m[arg];
    double eb = 0;
    for (size_t i = 0; i < mb; i++)
        eb += ys[i];
    res->found = 1;
    res->cut = r[mb - 1].x;
    res->cut_next = r[mb].x;
    res->n_below = (double)mb;
    res->events_below = eb;
    res->rate_below = eb / (double)mb;
    res->n_above = (double)(nn - mb);
    res->events_above = events - eb;
    res->rate_above = res->events_above / res->n_above;
    res->direction = res->rate_above > res->rate_below ? 1 : -1;
    res->stat = best;
    res->p_raw = mot_chisq_sf(best, 1);
    res->eps_lo = (double)m[0] / (double)nn;
    res->eps_hi = (double)m[k - 1] / (double)nn;
    double b = sqrt(best);
    res->p_ms = mot_maxstat_pms(b, res->eps_lo, res->eps_hi);

    /* Lausen, Sauerbrei & Schumacher (1994). */
    double lp = 2 * mot_norm_sf(b), N = (double)nn;
    for (size_t c = 0; c + 1 < k; c++) {
        double m1 = (double)m[c], m2 = (double)m[c + 1];
        double t = sqrt(1 - m1 * (N - m2) / ((N - m1) * m2));
        lp += exp(-b * b / 2) / MOT_PI * (t - (b * b / 4 - 1) * t * t * t / 6);
    }
    res->p_lau94 = lp < 0 ? 0 : lp > 1 ? 1 : lp;

    if (o.perm > 0) {
        mot_rng rng;
        mot_rng_seed(&rng, o.seed);
        size_t ge = 0;
        double tol = best * 1e-12;
        for (unsigned i = 0; i < o.perm; i++) {
            mot_rng_shuffle(&rng, ys, nn);
            if (scan(ys, nn, events, m, k, NULL) >= best - tol)
                ge++;
        }
        res->p_perm = (double)(ge + 1) / (double)(o.perm + 1);
        res->p = res->p_perm;
    } else {
        res->p = res->p_ms;
    }
done:
    free(r);
    free(ys);
    free(m);
    return st;
}
