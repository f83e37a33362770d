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
**
** Only the rows and events at each distinct x matter to the statistic
** and to both bounds (counts of 0/1 outcomes are exact in doubles, so the
** order of ties changes no number), so without a permutation test the
** scan works on groups of equal x: counted in one pass over the rows when
** x takes at most COUNTING_MAX distinct values (scores, counts of
** contacts), else by sorting the x of the events and of the other rows
** apart as integer keys (LSD radix) and merging them. The permutation test
** needs the outcomes in stable x order (its shuffles start from it): the
** rows are ordered by counting, or by qsort (glibc's is a merge sort, so
** stable) when x has many values or a -0 (which equals 0). The tests
** check that every path gives the numbers of the qsort one.
*/
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"
#include "stats/maxstat_int.h"
#include "stats/sort.h"
#include "stats/stats_int.h"

/* pi; M_PI is not in strict C11. */
#define MOT_PI 3.14159265358979323846

/* Most distinct x values ordered by counting, and the slots of the hash
** table that finds them (a power of two, at least twice as many). */
#define COUNTING_MAX 256
#define COUNTING_SLOTS 512

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

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The distinct x values of rows being counted. */
typedef struct distinct {
    double value[COUNTING_MAX];     /* in the order met, then sorted */
    size_t count[COUNTING_MAX];     /* rows of each, then where they start */
    size_t n;
    int16_t slot[COUNTING_SLOTS];   /* index into value, -1 empty */
    unsigned char rank[COUNTING_MAX]; /* index in order met -> sorted */
} distinct;

/* The index of x among the distinct values of c, added if new; -1 when
** there would be more than COUNTING_MAX. x is not NAN and not -0. */
static int distinct_index(distinct *c, double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    bits *= UINT64_C(0x9E3779B97F4A7C15);
    for (size_t h = (size_t)(bits >> 55);; h = (h + 1) % COUNTING_SLOTS) {
        int16_t i = c->slot[h];
        if (i >= 0 && c->value[i] == x)
            return i;
        if (i < 0) {
            if (c->n == COUNTING_MAX)
                return -1;
            c->value[c->n] = x;
            c->count[c->n] = 0;
            c->slot[h] = (int16_t)c->n;
            return (int)c->n++;
        }
    }
}

/* Order r[0..n-1] by x stably by counting, with idx (n bytes) as scratch
** and ys receiving the outcomes in x order. Returns 0, r and ys
** unspecified, when x has more than COUNTING_MAX distinct values or a -0
** (which equals 0 but would not be stored as 0). */
static int order_by_counting(row *r, size_t n, unsigned char *idx,
                             double *ys)
{
    distinct c;
    c.n = 0;
    memset(c.slot, 0xff, sizeof c.slot);
    for (size_t i = 0; i < n; i++) {
        int k = r[i].x == 0 && signbit(r[i].x) ? -1
                                               : distinct_index(&c, r[i].x);
        if (k < 0)
            return 0;
        idx[i] = (unsigned char)k;
        c.count[k]++;
    }
    double sorted[COUNTING_MAX];
    size_t start[COUNTING_MAX], at = 0;
    memcpy(sorted, c.value, c.n * sizeof *sorted);
    qsort(sorted, c.n, sizeof *sorted, cmp_double);
    for (size_t j = 0; j < c.n; j++) {
        /* the distinct values are few: find each one's rank directly */
        size_t k = 0;
        while (c.value[k] != sorted[j])
            k++;
        c.rank[k] = (unsigned char)j;
        start[j] = at;
        at += c.count[k];
    }
    for (size_t i = 0; i < n; i++)
        ys[start[c.rank[idx[i]]]++] = r[i].y;
    for (size_t j = 0, i = 0; j < c.n; j++)
        for (; i < start[j]; i++)
            r[i] = (row){sorted[j], ys[i]};
    return 1;
}

/* Order r[0..n-1] by x stably and put the outcomes in that order into ys,
** by counting if `counting` and x has few values; idx is n bytes of
** scratch. */
static void order_rows(row *r, size_t n, int counting, unsigned char *idx,
                       double *ys)
{
    if (counting && order_by_counting(r, n, idx, ys))
        return;
    qsort(r, n, sizeof *r, cmp_row);
    for (size_t i = 0; i < n; i++)
        ys[i] = r[i].y;
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

/* Fill res from the scan's winner: cut arg of the k cuts at lower-group
** sizes m[] of nn rows with `events` events, its chi-square best, eb
** events below it, the last x below it and the first x above it. The p is
** Miller-Siegmund's (the caller replaces it by a permutation p). */
static void describe_cut(mot_maxstat *res, size_t nn, double events,
                         const size_t *m, size_t k, size_t arg, double best,
                         double eb, double cut, double cut_next)
{
    size_t mb = m[arg];
    res->found = 1;
    res->cut = cut;
    res->cut_next = cut_next;
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
    res->p = res->p_ms;
}

/* The fewest rows on each side of a cut of nn rows under options o. */
static size_t min_side(const mot_maxstat_opts *o, size_t nn)
{
    size_t minn = (size_t)ceil(o->min_prop * (double)nn);
    if (minn < o->min_group)
        minn = o->min_group;
    return minn < 1 ? 1 : minn;
}

/* The scan by putting the rows in stable x order, by counting when
** `counting` is set and x has few distinct values, else by qsort: the
** permutation test's path (its shuffles start from that order). The rows
** were checked: no infinite x, every y 0 or 1 where neither is NAN. */
static mot_status scan_rows(const double *x, const double *y, size_t n,
                            const mot_maxstat_opts *o, int counting,
                            mot_maxstat *res, mot_error *err)
{
    row *r = malloc((n ? n : 1) * sizeof *r);
    double *ys = malloc((n ? n : 1) * sizeof *ys);
    size_t *m = malloc((n ? n : 1) * sizeof *m);
    unsigned char *idx = malloc(n ? n : 1);
    mot_status st = MOT_OK;
    if (!r || !ys || !m || !idx) {
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    size_t nn = 0;
    double events = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) || isnan(y[i]))
            continue;
        r[nn].x = x[i];
        r[nn].y = y[i];
        events += y[i];
        nn++;
    }
    if (nn < 2 || events == 0 || events == (double)nn)
        goto done;      /* found = 0 */
    order_rows(r, nn, counting, idx, ys);
    size_t minn = min_side(o, nn);
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
    describe_cut(res, nn, events, m, k, arg, best, eb, r[mb - 1].x, r[mb].x);

    if (o->perm > 0) {
        mot_rng rng;
        mot_rng_seed(&rng, o->seed);
        size_t ge = 0;
        double tol = best * 1e-12;
        for (unsigned i = 0; i < o->perm; i++) {
            mot_rng_shuffle(&rng, ys, nn);
            if (scan(ys, nn, events, m, k, NULL) >= best - tol)
                ge++;
        }
        res->p_perm = (double)(ge + 1) / (double)(o->perm + 1);
        res->p = res->p_perm;
    }
done:
    free(r);
    free(ys);
    free(m);
    free(idx);
    return st;
}

/* The distinct x values of the rows in ascending order, each with its
** rows and events. */
typedef struct groups {
    size_t n, cap;
    double *x;
    size_t *rows;
    double *events;
} groups;

/* Append value x with `rows` rows and `events` events; 0 on ENOMEM. */
static int groups_add(groups *g, double x, size_t rows, double events)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : COUNTING_MAX;
        double *gx = realloc(g->x, cap * sizeof *gx);
        if (gx)
            g->x = gx;
        size_t *gr = realloc(g->rows, cap * sizeof *gr);
        if (gr)
            g->rows = gr;
        double *ge = realloc(g->events, cap * sizeof *ge);
        if (ge)
            g->events = ge;
        if (!gx || !gr || !ge)
            return 0;
        g->cap = cap;
    }
    g->x[g->n] = x;
    g->rows[g->n] = rows;
    g->events[g->n] = events;
    g->n++;
    return 1;
}

/* The groups of the nn rows of x, y (neither NAN) by sorting keys: the
** events' x and the non-events' x sorted apart and merged. 0 on ENOMEM. */
static int groups_by_sorting(const double *x, const double *y, size_t n,
                             size_t nn, groups *g)
{
    uint64_t *k = malloc((nn ? nn : 1) * sizeof *k);
    uint64_t *tmp = malloc((nn ? nn : 1) * sizeof *tmp);
    int ok = 0;
    if (!k || !tmp)
        goto done;
    size_t ne = 0, nz = nn;     /* events from the front, others from the back */
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) || isnan(y[i]))
            continue;
        if (y[i] != 0)
            k[ne++] = mot_key_of_double(x[i]);
        else
            k[--nz] = mot_key_of_double(x[i]);
    }
    assert(ne == nz);
    const uint64_t *e = mot_sort_u64(k, tmp, ne);
    const uint64_t *z = mot_sort_u64(k + ne, tmp + ne, nn - ne);
    size_t i = 0, j = 0;
    while (i < ne || j < nn - ne) {
        uint64_t v = i == ne ? z[j] : j == nn - ne ? e[i]
                     : e[i] < z[j] ? e[i] : z[j];
        size_t rows = 0, ev = 0;
        for (; i < ne && e[i] == v; i++)
            ev++;
        rows = ev;
        for (; j < nn - ne && z[j] == v; j++)
            rows++;
        if (!groups_add(g, mot_key_double(v), rows, (double)ev))
            goto done;
    }
    ok = 1;
done:
    free(k);
    free(tmp);
    return ok;
}

/* The scan from the groups of x: the cuts between neighbouring groups,
** the events below a cut counted per group. Gives what scan_rows gives
** without a permutation test: counts of 0/1 outcomes are exact in doubles,
** so the chi-squares are the same numbers whatever the order of ties. */
static mot_status scan_groups(const groups *g, size_t nn, double events,
                              const mot_maxstat_opts *o, mot_maxstat *res,
                              mot_error *err)
{
    size_t minn = min_side(o, nn);
    size_t *m = malloc((g->n ? g->n : 1) * sizeof *m);
    size_t *at = malloc((g->n ? g->n : 1) * sizeof *at);
    if (!m || !at) {
        free(m);
        free(at);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    size_t k = 0, below = 0;
    for (size_t j = 0; j + 1 < g->n; j++) {
        below += g->rows[j];
        if (below >= minn && nn - below >= minn) {
            at[k] = j;
            m[k++] = below;
        }
    }
    res->cuts = k;
    if (k > 0) {
        double best = -1, a = 0;
        size_t arg = 0;
        for (size_t c = 0, j = 0; c < k; c++) {
            while (j <= at[c])
                a += g->events[j++];
            double nb = (double)m[c], na = (double)nn - nb;
            double s = mot_chisq_2x2(a, nb - a, events - a, na - (events - a));
            if (s > best) {
                best = s;
                arg = c;
            }
        }
        double eb = 0;
        for (size_t j = 0; j <= at[arg]; j++)
            eb += g->events[j];
        describe_cut(res, nn, events, m, k, arg, best, eb, g->x[at[arg]],
                     g->x[at[arg] + 1]);
    }
    free(m);
    free(at);
    return MOT_OK;
}

void mot_maxstat_tally_init(mot_maxstat_tally *t)
{
    t->ok = 1;
    t->rows = t->skipped = t->n = 0;
    t->events = 0;
    memset(t->slot, 0xff, sizeof t->slot);
}

/* res with every number "not estimated". */
static void res_clear(mot_maxstat *res)
{
    memset(res, 0, sizeof *res);
    res->cut = res->cut_next = NAN;
    res->rate_below = res->rate_above = NAN;
    res->stat = res->p_raw = res->p_ms = res->p_lau94 = NAN;
    res->p_perm = res->p = res->eps_lo = res->eps_hi = NAN;
}

/* The options, or the defaults; MOT_EUSAGE for bad ones. */
static mot_status options(const mot_maxstat_opts *opts, mot_maxstat_opts *o,
                          mot_error *err)
{
    if (opts)
        *o = *opts;
    else
        mot_maxstat_opts_default(o);
    if (!(o->min_prop >= 0 && o->min_prop < 0.5))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "invalid arguments to mot_maxstat_scan");
    return MOT_OK;
}

/* The scan of tally t (at least 2 rows, both outcomes) by its groups. */
static mot_status scan_tally(const mot_maxstat_tally *t,
                             const mot_maxstat_opts *o, mot_maxstat *res,
                             mot_error *err)
{
    groups g = {0, 0, NULL, NULL, NULL};
    double sorted[MOT_TALLY_MAX];
    mot_status st = MOT_OK;
    memcpy(sorted, t->value, t->n * sizeof *sorted);
    qsort(sorted, t->n, sizeof *sorted, cmp_double);
    for (size_t j = 0; j < t->n && st == MOT_OK; j++) {
        size_t k = 0;
        while (t->value[k] != sorted[j])
            k++;
        if (!groups_add(&g, sorted[j], t->count[k], t->ev[k]))
            st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (st == MOT_OK)
        st = scan_groups(&g, t->rows, t->events, o, res, err);
    free(g.x);
    free(g.rows);
    free(g.events);
    return st;
}

mot_status mot_maxstat_tally_scan(const mot_maxstat_tally *t,
                                  const mot_maxstat_opts *opts,
                                  mot_maxstat *res, mot_error *err)
{
    mot_maxstat_opts o;
    mot_status st = options(opts, &o, err);
    if (st != MOT_OK)
        return st;
    if (!t->ok || o.perm > 0)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "mot_maxstat_tally_scan: %s",
                             t->ok ? "no permutation test on a tally"
                                   : "the tally gave up");
    res_clear(res);
    res->rows = t->rows;
    res->skipped = t->skipped;
    if (t->rows < 2 || t->events == 0 || t->events == (double)t->rows)
        return MOT_OK;      /* found = 0 */
    return scan_tally(t, &o, res, err);
}

/* mot_maxstat_scan: check the rows, then scan them by groups of equal x
** (counted in a tally in the same pass when x has at most MOT_TALLY_MAX
** distinct values, else sorted as keys), or by rows in stable x order
** (`by_rows`, or a permutation test, or a -0 in x). by_rows = 2 puts rows
** in order by qsort whatever x holds. */
static mot_status maxstat_scan(const double *x, const double *y, size_t n,
                               const mot_maxstat_opts *opts, int by_rows,
                               mot_maxstat *res, mot_error *err)
{
    mot_maxstat_opts o;
    mot_status st = options(opts, &o, err);
    if (st != MOT_OK)
        return st;
    if (n && (!x || !y))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "invalid arguments to mot_maxstat_scan");
    res_clear(res);
    if (o.perm > 0 && !by_rows)
        by_rows = 1;
    mot_maxstat_tally t;
    mot_maxstat_tally_init(&t);
    t.ok = !by_rows;        /* still counting the distinct values */
    size_t nn = 0;
    double events = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) || isnan(y[i])) {
            res->skipped++;
            continue;
        }
        if (isinf(x[i]))
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                 "row %zu: x is infinite", i);
        if (y[i] != 0 && y[i] != 1)
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                 "row %zu: outcome %g is not 0 or 1", i,
                                 y[i]);
        if (x[i] == 0 && signbit(x[i]))
            by_rows += !by_rows;
        events += y[i];
        nn++;
        mot_maxstat_tally_add(&t, x[i], y[i]);
    }
    res->rows = nn;
    if (nn < 2 || events == 0 || events == (double)nn)
        return MOT_OK;      /* found = 0 */
    if (by_rows)
        return scan_rows(x, y, n, &o, by_rows == 1, res, err);
    if (t.ok)
        return scan_tally(&t, &o, res, err);

    groups g = {0, 0, NULL, NULL, NULL};
    if (!groups_by_sorting(x, y, n, nn, &g))
        st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    else
        st = scan_groups(&g, nn, events, &o, res, err);
    free(g.x);
    free(g.rows);
    free(g.events);
    return st;
}

mot_status mot_maxstat_scan(const double *x, const double *y, size_t n,
                            const mot_maxstat_opts *opts, mot_maxstat *res,
                            mot_error *err)
{
    return maxstat_scan(x, y, n, opts, 0, res, err);
}

mot_status mot_maxstat_scan_qsort(const double *x, const double *y, size_t n,
                                  const mot_maxstat_opts *opts,
                                  mot_maxstat *res, mot_error *err)
{
    return maxstat_scan(x, y, n, opts, 2, res, err);
}
