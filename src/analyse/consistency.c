/*
** consistency.c: consistency across staff and branches, expectation
** against experience, and trends of the touchpoints' rated scores
** (mot/consistency.h; docs/methods.md section 28).
**
** ICC(1): with k groups of n_i scores (N in all), grand mean m, MSB =
** sum n_i (m_i - m)^2 / (k - 1), MSW = sum sum (y - m_i)^2 / (N - k) and
** n0 = (N - sum n_i^2 / N) / (k - 1), ICC = (MSB - MSW) / (MSB + (n0 - 1)
** MSW). Interval (Shrout & Fleiss 1979, ICC(1,1); McGraw & Wong 1996,
** case 1), with n0 for the group size: F = MSB / MSW, F_L = F /
** F_{1-a/2}(k-1, N-k), F_U = F F_{1-a/2}(N-k, k-1), ends (F_L - 1) / (F_L +
** n0 - 1) and (F_U - 1) / (F_U + n0 - 1). Variance components vb = max(0,
** (MSB - MSW) / n0), vw = MSW.
**
** Shrinkage (empirical Bayes, e.g. Morris 1983): a group's mean moves
** towards the touchpoint's mean m by B = vb / (vb + vw / n_i): shrunk = m
** + B (m_i - m); B = 0 (everyone at m) when vb = 0.
**
** Tests: a branch against the scores of every other branch at the
** touchpoint; a staff member, in the branch where most of their rated
** scores there are, against the other staff's scores in that branch (so
** that a whole branch below the rest does not flag each of its staff),
** or against every other staff member when events carry no branch. Welch's
** t test (mot_welch_test) from min_n scores on; Holm over every staff
** test and, separately, every branch test.
**
** Trends: months, or weeks (Monday to Sunday, UTC) when the rated events
** span less than 92 days. Before/after: Welch for the mean; for the share
** below tolerance Newcombe's (1998, method 10) hybrid score interval of
** the difference from the two Wilson intervals and the pooled two-
** proportion z test; Holm over both measures of every touchpoint.
**
** Computed from per-cell sums: one pass over the events' columns adds
** each rated score to the count, sum and sum of squares of its
** (touchpoint, staff, branch) cell and its (touchpoint, day) cell (small
** open-addressing hash tables: as many cells as there are, never a dense
** touchpoints x staff x branches array) and to per-touchpoint sums; only
** the cells are sorted, and nothing is kept per event. The ICC's within
** sum of squares is the sum over groups of ss - s^2 / n.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/consistency.h"
#include "mot/parse.h"
#include "mot/stats.h"
#include "mot/strtab.h"

#define WEEK_SPAN_DAYS 92

void mot_consistency_options_default(mot_consistency_options *o)
{
    o->level = 0.95;
    o->alpha = 0.05;
    o->min_n = 20;
    o->change_time = MOT_NO_TIME;
}

const char *mot_cs_factor_name(int factor)
{
    return factor == MOT_CS_STAFF ? "staff" : "branch";
}

/* ---- ICC ------------------------------------------------------------------ */

/* The rest of ICC(1) in *r (n and groups set) from the between and within
** sums of squares and the sum of squared group sizes. */
static void icc_finish(mot_icc *r, double ssb, double sq, double ssw,
                       double level)
{
    double N = (double)r->n;
    if (r->groups < 2 || r->n <= r->groups)
        return;
    double kk = (double)r->groups, df1 = kk - 1, df2 = N - kk;
    r->n0 = (N - sq / N) / df1;
    r->msb = ssb / df1;
    r->msw = ssw / df2;
    r->var_within = r->msw;
    r->var_between = fmax(0, (r->msb - r->msw) / r->n0);
    if (r->msw > 0) {
        r->f = r->msb / r->msw;
        r->p = mot_f_sf(r->f, df1, df2);
        r->icc = (r->msb - r->msw) / (r->msb + (r->n0 - 1) * r->msw);
        double q = 1 - (1 - level) / 2;
        double fl = r->f / mot_f_quantile(q, df1, df2);
        double fu = r->f * mot_f_quantile(q, df2, df1);
        r->lo = (fl - 1) / (fl + r->n0 - 1);
        r->hi = (fu - 1) / (fu + r->n0 - 1);
    }
}

mot_status mot_icc1(const double *y, const uint32_t *g, size_t n, size_t k,
                    double level, mot_icc *out)
{
    mot_icc r = {0};
    r.n0 = r.msb = r.msw = r.f = r.p = NAN;
    r.var_between = r.var_within = r.icc = r.lo = r.hi = NAN;
    if (!(level > 0 && level < 1))
        return MOT_EUSAGE;
    for (size_t i = 0; i < n; i++)
        if (g[i] >= k)
            return MOT_EUSAGE;
    double *sum = calloc(k ? k : 1, sizeof *sum);
    double *cnt = calloc(k ? k : 1, sizeof *cnt);
    if (!sum || !cnt) {
        free(sum);
        free(cnt);
        return MOT_ENOMEM;
    }
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        sum[g[i]] += y[i];
        cnt[g[i]] += 1;
        total += y[i];
    }
    r.n = n;
    double N = (double)n, m = n ? total / N : NAN, sq = 0, ssb = 0, ssw = 0;
    for (size_t j = 0; j < k; j++) {
        if (cnt[j] == 0)
            continue;
        r.groups++;
        sum[j] /= cnt[j];   /* now the group's mean */
        ssb += cnt[j] * (sum[j] - m) * (sum[j] - m);
        sq += cnt[j] * cnt[j];
    }
    for (size_t i = 0; i < n; i++)
        ssw += (y[i] - sum[g[i]]) * (y[i] - sum[g[i]]);
    free(sum);
    free(cnt);
    icc_finish(&r, ssb, sq, ssw, level);
    *out = r;
    return MOT_OK;
}

/* ---- helpers -------------------------------------------------------------- */

/* Count, sum and sum of squares of scores. */
typedef struct acc {
    double n, s, ss;
} acc;

static void acc_add(acc *a, double y)
{
    a->n += 1;
    a->s += y;
    a->ss += y * y;
}

static double acc_mean(const acc *a)
{
    return a->n > 0 ? a->s / a->n : NAN;
}

static double acc_var(const acc *a)
{
    if (a->n < 2)
        return NAN;
    double v = (a->ss - a->s * a->s / a->n) / (a->n - 1);
    return v > 0 ? v : 0;
}

/* Add the count and sums of b to a. */
static void acc_merge(acc *a, const acc *b)
{
    a->n += b->n;
    a->s += b->s;
    a->ss += b->ss;
}

/* The within-group sum of squares of a: ss - s^2 / n (0 when rounding
** makes it negative). */
static double acc_ssw(const acc *a)
{
    if (a->n == 0)
        return 0;
    double v = a->ss - a->s * a->s / a->n;
    return v > 0 ? v : 0;
}

/* ---- cells ----------------------------------------------------------------- */

/* The rated scores of one cell: a (touchpoint, staff, branch) with a =
** touchpoint << 32 | staff and b = branch (MOT_NONE for an unknown staff
** member or branch, so they sort last), or a (touchpoint, day) with a =
** touchpoint and b = the day. */
typedef struct cell {
    uint64_t a;
    int64_t b;
    acc y;
    double below;          /* (touchpoint, day): scores below tolerance */
    int used;
} cell;

/* Cells in an open-addressing hash table (linear probing, at most half
** full; capacity a power of two). */
typedef struct cells {
    cell *c;
    size_t cap, n;
} cells;

/* splitmix64's finaliser. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* The slot of (a, b): where it is, or the free slot it would go to. */
static size_t cells_slot(const cells *h, uint64_t a, int64_t b)
{
    size_t mask = h->cap - 1;
    size_t i = (size_t)(mix(a * 0x9e3779b97f4a7c15ULL ^ (uint64_t)b) & mask);
    while (h->c[i].used && (h->c[i].a != a || h->c[i].b != b))
        i = (i + 1) & mask;
    return i;
}

/* Double the table's capacity (256 at first). MOT_ENOMEM, h unchanged. */
static mot_status cells_grow(cells *h)
{
    size_t cap = h->cap ? 2 * h->cap : 256;
    cell *c = calloc(cap, sizeof *c), *old = h->c;
    size_t ocap = h->cap;
    if (!c)
        return MOT_ENOMEM;
    h->c = c;
    h->cap = cap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].used)
            h->c[cells_slot(h, old[i].a, old[i].b)] = old[i];
    free(old);
    return MOT_OK;
}

/* The cell (a, b), added empty when new; NULL when out of memory. The
** pointer is valid until the next cells_get. */
static cell *cells_get(cells *h, uint64_t a, int64_t b)
{
    if (2 * (h->n + 1) > h->cap && cells_grow(h) != MOT_OK)
        return NULL;
    cell *c = &h->c[cells_slot(h, a, b)];
    if (!c->used) {
        c->used = 1;
        c->a = a;
        c->b = b;
        h->n++;
    }
    return c;
}

static int cmp_cell(const void *x, const void *y)
{
    const cell *c = x, *d = y;
    if (c->a != d->a)
        return c->a < d->a ? -1 : 1;
    if (c->b != d->b)
        return c->b < d->b ? -1 : 1;
    return 0;
}

/* Move the cells to the front of h->c sorted by (a, b) and return their
** count; h is no longer a hash table after. */
static size_t cells_sort(cells *h)
{
    size_t k = 0;
    for (size_t i = 0; i < h->cap; i++)
        if (h->c[i].used)
            h->c[k++] = h->c[i];
    if (k > 1)
        qsort(h->c, k, sizeof *h->c, cmp_cell);
    return k;
}

/* ICC(1) as mot_icc1 does it, from the count and sums of the k groups g
** (empty ones skipped): the within sum of squares is the sum over groups
** of ss - s^2 / n. */
static void icc_groups(const acc *g, size_t k, double level, mot_icc *out)
{
    mot_icc r = {0};
    r.n0 = r.msb = r.msw = r.f = r.p = NAN;
    r.var_between = r.var_within = r.icc = r.lo = r.hi = NAN;
    double N = 0, total = 0, sq = 0, ssb = 0, ssw = 0;
    for (size_t j = 0; j < k; j++) {
        N += g[j].n;
        total += g[j].s;
    }
    double m = N > 0 ? total / N : NAN;
    for (size_t j = 0; j < k; j++) {
        if (g[j].n == 0)
            continue;
        r.groups++;
        double mj = g[j].s / g[j].n;
        ssb += g[j].n * (mj - m) * (mj - m);
        sq += g[j].n * g[j].n;
        ssw += acc_ssw(&g[j]);
    }
    r.n = (size_t)N;
    icc_finish(&r, ssb, sq, ssw, level);
    *out = r;
}

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Welch test of group g against rest into c; sets tested. */
static void test_group(mot_cs_group *c, const acc *g, const acc *rest,
                       double level)
{
    mot_welch w;
    c->rest_n = (size_t)rest->n;
    c->rest_mean = acc_mean(rest);
    c->diff = c->mean - c->rest_mean;
    if (mot_welch_test(g->n, acc_mean(g), acc_var(g), rest->n,
                       acc_mean(rest), acc_var(rest), level, &w) == MOT_OK) {
        c->lo = w.lo;
        c->hi = w.hi;
        c->p = w.p;
        c->tested = 1;
    }
}

/* ---- the pass over the events ---------------------------------------------- */

typedef struct cs {
    const mot_project *p;
    const mot_consistency_options *o;
    mot_consistency_result *r;
    size_t n;              /* rated events */
    size_t ns, nb;         /* staff ids, branches */
    cells cell;            /* (touchpoint, staff, branch) */
    cells day;             /* (touchpoint, day) */
    int64_t tmin, tmax;    /* of the rated events */
    acc *d;                /* per touchpoint: score - expected */
    double *se, *ee;       /* per touchpoint: sums of score, expected */
    acc *side;             /* 2 per touchpoint: before, after the change */
    double *below;         /* 2 per touchpoint: below tolerance */
    size_t cap_groups;
} cs;

/* Days since 1970-01-01 of t (floor). */
static int64_t day_of(int64_t t)
{
    return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

/* One pass over the rated events (score known, touchpoint in the
** blueprint): the cells, the touchpoints' sums and the time span.
** MOT_ENOMEM. */
static mot_status scan(cs *c)
{
    const mot_events *e = c->p->events;
    mot_consistency_result *r = c->r;
    size_t ntp = r->ntp ? r->ntp : 1;
    c->d = calloc(ntp, sizeof *c->d);
    c->se = calloc(ntp, sizeof *c->se);
    c->ee = calloc(ntp, sizeof *c->ee);
    c->side = calloc(2 * ntp, sizeof *c->side);
    c->below = calloc(2 * ntp, sizeof *c->below);
    if (!c->d || !c->se || !c->ee || !c->side || !c->below)
        return MOT_ENOMEM;
    if (!e)
        return MOT_OK;
    int split = r->change_time != MOT_NO_TIME;
    for (size_t i = 0; i < e->n; i++) {
        double y = e->score[i];
        uint32_t tp = e->touchpoint[i];
        if (isnan(y) || tp >= r->ntp)
            continue;
        uint32_t s = e->staff && e->staff[i] < c->ns ? e->staff[i] : MOT_NONE;
        uint32_t b = e->branch && e->branch[i] < c->nb ? e->branch[i]
                                                        : MOT_NONE;
        int64_t t = e->time[i];
        cell *x = cells_get(&c->cell, (uint64_t)tp << 32 | s, b);
        if (!x)
            return MOT_ENOMEM;
        acc_add(&x->y, y);
        if (!(x = cells_get(&c->day, tp, day_of(t))))
            return MOT_ENOMEM;
        acc_add(&x->y, y);
        x->below += y < r->tolerance[tp];
        if (c->n++ == 0)
            c->tmin = c->tmax = t;
        else if (t < c->tmin)
            c->tmin = t;
        else if (t > c->tmax)
            c->tmax = t;
        if (e->expected && isfinite(e->expected[i])) {
            acc_add(&c->d[tp], y - e->expected[i]);
            c->se[tp] += y;
            c->ee[tp] += e->expected[i];
        }
        if (split) {
            size_t k = 2 * (size_t)tp + (t >= r->change_time);
            acc_add(&c->side[k], y);
            c->below[k] += y < r->tolerance[tp];
        }
    }
    return MOT_OK;
}

/* ---- consistency ----------------------------------------------------------- */

static mot_cs_group *new_group(cs *c)
{
    mot_consistency_result *r = c->r;
    if (r->ngroups == c->cap_groups) {
        size_t cap = c->cap_groups ? 2 * c->cap_groups : 64;
        mot_cs_group *g = realloc(r->group, cap * sizeof *g);
        if (!g)
            return NULL;
        r->group = g;
        c->cap_groups = cap;
    }
    mot_cs_group *g = &r->group[r->ngroups++];
    memset(g, 0, sizeof *g);
    g->mean = g->shrunk = g->weight = g->rest_mean = NAN;
    g->diff = g->lo = g->hi = g->p = g->p_holm = NAN;
    return g;
}

static uint32_t cell_staff(const cell *v)
{
    return (uint32_t)(v->a & 0xffffffffu);
}

/* Cells v[0..m) are those of one touchpoint, sorted by staff and branch.
** Fills its ICCs and groups. */
static mot_status one_touchpoint(cs *c, const cell *v, size_t m)
{
    mot_consistency_result *r = c->r;
    const mot_project *p = c->p;
    size_t nb = c->nb;
    mot_cs_touchpoint *t = &r->tp[r->ntps++];
    t->tp = (size_t)(v[0].a >> 32);
    acc *sg = calloc(m, sizeof *sg);             /* per staff member */
    acc *grp = calloc(nb ? nb : 1, sizeof *grp); /* per branch */
    acc *bws = calloc(nb ? nb : 1, sizeof *bws); /* branch, staff known */
    mot_status st = MOT_ENOMEM;
    if (!sg || !grp || !bws)
        goto done;
    /* The groups' sums: staff members (runs of cells), branches. */
    acc all = {0, 0, 0}, sall = {0, 0, 0};
    size_t nsg = 0;
    for (size_t i = 0; i < m; i++) {
        uint32_t s = cell_staff(&v[i]);
        int64_t b = v[i].b;
        t->n += (size_t)v[i].y.n;
        if (s != MOT_NONE) {
            nsg += i == 0 || cell_staff(&v[i - 1]) != s;
            acc_merge(&sg[nsg - 1], &v[i].y);
            acc_merge(&sall, &v[i].y);
        }
        if (b != MOT_NONE) {
            acc_merge(&grp[b], &v[i].y);
            acc_merge(&all, &v[i].y);
            if (s != MOT_NONE)
                acc_merge(&bws[b], &v[i].y);
        }
    }
    icc_groups(sg, nsg, c->o->level, &t->icc[MOT_CS_STAFF]);
    icc_groups(grp, nb, c->o->level, &t->icc[MOT_CS_BRANCH]);
    /* Branches: each against every other branch. */
    const mot_icc *ib = &t->icc[MOT_CS_BRANCH];
    for (size_t b = 0; b < nb; b++) {
        if (grp[b].n == 0)
            continue;
        mot_cs_group *q = new_group(c);
        if (!q)
            goto done;
        q->tp = t->tp;
        q->factor = MOT_CS_BRANCH;
        if (!(q->key = dup(mot_strtab_get(p->branches, (uint32_t)b))))
            goto done;
        q->n = (size_t)grp[b].n;
        q->mean = acc_mean(&grp[b]);
        double gm = acc_mean(&all);
        if (isfinite(ib->var_between)) {
            double vb = ib->var_between, vw = ib->var_within;
            q->weight = vb > 0 ? vb / (vb + vw / grp[b].n) : 0;
            q->shrunk = gm + q->weight * (q->mean - gm);
        }
        acc rest = {all.n - grp[b].n, all.s - grp[b].s, all.ss - grp[b].ss};
        if (q->n >= c->o->min_n && rest.n >= 2)
            test_group(q, &grp[b], &rest, c->o->level);
        else {
            q->rest_n = (size_t)rest.n;
            q->rest_mean = acc_mean(&rest);
            q->diff = q->mean - q->rest_mean;
        }
    }
    /* Staff: runs of cells of one staff member (the unknown ones last). */
    const mot_icc *is = &t->icc[MOT_CS_STAFF];
    for (size_t i = 0, k = 0; i < m && cell_staff(&v[i]) != MOT_NONE; k++) {
        uint32_t s = cell_staff(&v[i]);
        /* The staff member's home: the branch with most of their scores,
        ** the first (lowest index) of equals. */
        acc home = {0, 0, 0};
        uint32_t hb = MOT_NONE;
        for (; i < m && cell_staff(&v[i]) == s; i++)
            if (v[i].b != MOT_NONE && v[i].y.n > home.n) {
                home = v[i].y;
                hb = (uint32_t)v[i].b;
            }
        const acc mine = sg[k];
        mot_cs_group *q = new_group(c);
        if (!q)
            goto done;
        q->tp = t->tp;
        q->factor = MOT_CS_STAFF;
        if (!(q->key = dup(mot_strtab_get(p->staff_ids, s))))
            goto done;
        if (hb != MOT_NONE &&
            !(q->within = dup(mot_strtab_get(p->branches, hb))))
            goto done;
        q->n = (size_t)mine.n;
        q->mean = acc_mean(&mine);
        double gm = acc_mean(&sall);
        if (isfinite(is->var_between)) {
            double vb = is->var_between, vw = is->var_within;
            q->weight = vb > 0 ? vb / (vb + vw / mine.n) : 0;
            q->shrunk = gm + q->weight * (q->mean - gm);
        }
        acc self = hb != MOT_NONE ? home : mine;
        acc base = hb != MOT_NONE ? bws[hb] : sall;
        acc rest = {base.n - self.n, base.s - self.s, base.ss - self.ss};
        if (self.n >= (double)c->o->min_n && rest.n >= 2) {
            test_group(q, &self, &rest, c->o->level);
            q->diff = acc_mean(&self) - q->rest_mean;
        } else {
            q->rest_n = (size_t)rest.n;
            q->rest_mean = acc_mean(&rest);
            q->diff = acc_mean(&self) - q->rest_mean;
        }
    }
    st = MOT_OK;
done:
    free(sg);
    free(grp);
    free(bws);
    return st;
}

/* Holm over the tested groups of each factor; flags. */
static mot_status adjust_groups(mot_consistency_result *r)
{
    double *p = malloc((r->ngroups ? r->ngroups : 1) * sizeof *p);
    if (!p)
        return MOT_ENOMEM;
    for (int f = 0; f < MOT_CS_NFACTORS; f++) {
        for (size_t i = 0; i < r->ngroups; i++)
            p[i] = r->group[i].factor == f && r->group[i].tested
                       ? r->group[i].p : NAN;
        if (mot_p_holm(p, r->ngroups, p) != MOT_OK) {
            free(p);
            return MOT_ENOMEM;
        }
        for (size_t i = 0; i < r->ngroups; i++) {
            mot_cs_group *g = &r->group[i];
            if (g->factor != f || !g->tested)
                continue;
            g->p_holm = p[i];
            r->tested[f]++;
            g->flagged = g->diff < 0 && g->p_holm < r->alpha;
            r->flagged[f] += (size_t)g->flagged;
        }
    }
    free(p);
    return MOT_OK;
}

static mot_status consistency(cs *c)
{
    mot_consistency_result *r = c->r;
    size_t n = cells_sort(&c->cell), ntp = 0;
    const cell *v = c->cell.c;
    for (size_t i = 0; i < n; i++)
        ntp += i == 0 || v[i].a >> 32 != v[i - 1].a >> 32;
    r->tp = calloc(ntp ? ntp : 1, sizeof *r->tp);
    if (!r->tp)
        return MOT_ENOMEM;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].a >> 32 == v[i].a >> 32)
            j++;
        mot_status st = one_touchpoint(c, &v[i], j - i);
        if (st != MOT_OK)
            return st;
        i = j;
    }
    return adjust_groups(r);
}

/* ---- expectation ------------------------------------------------------------ */

static mot_status expectation(cs *c)
{
    mot_consistency_result *r = c->r;
    size_t ntp = r->ntp;
    const acc *d = c->d;
    for (size_t t = 0; t < ntp; t++)
        r->nexpect += d[t].n > 0;
    r->expect = calloc(r->nexpect ? r->nexpect : 1, sizeof *r->expect);
    double *p = malloc((r->nexpect ? r->nexpect : 1) * sizeof *p);
    mot_status st = MOT_ENOMEM;
    if (!r->expect || !p)
        goto done;
    size_t k = 0;
    for (size_t t = 0; t < ntp; t++) {
        if (d[t].n == 0)
            continue;
        mot_cs_expect *e = &r->expect[k];
        e->tp = t;
        e->n = (size_t)d[t].n;
        e->score = c->se[t] / d[t].n;
        e->expected = c->ee[t] / d[t].n;
        e->diff = acc_mean(&d[t]);
        e->lo = e->hi = e->t = e->p = NAN;
        double v = acc_var(&d[t]);
        if (d[t].n >= 2 &&
            mot_mean_t_interval(e->diff, sqrt(v), d[t].n, r->level, &e->lo,
                                &e->hi) == MOT_OK && v > 0) {
            e->t = e->diff / sqrt(v / d[t].n);
            e->p = 2 * mot_t_sf(fabs(e->t), d[t].n - 1);
        }
        p[k++] = e->p;
    }
    if (mot_p_holm(p, r->nexpect, p) != MOT_OK)
        goto done;
    for (size_t i = 0; i < r->nexpect; i++)
        r->expect[i].p_holm = p[i];
    st = MOT_OK;
done:
    free(p);
    return st;
}

/* ---- trends ---------------------------------------------------------------- */

/* The period key of day d (since 1970-01-01): year * 12 + month - 1, or
** the Monday's day. */
static int64_t period_key(int64_t d, int weekly)
{
    if (weekly)
        return d - ((d % 7 + 7 + 3) % 7);
    int64_t y;
    int mo, day;
    mot_time_date(d * 86400, &y, &mo, &day);
    return y * 12 + mo - 1;
}

static void period_label(int64_t key, int weekly, char *buf, size_t n)
{
    if (weekly) {
        char t[40];
        mot_format_time(key * 86400, t, sizeof t);
        snprintf(buf, n, "%.10s", t);
    } else {
        int64_t y = key >= 0 ? key / 12 : -((-key + 11) / 12);
        /* the ranges said to the compiler too: times have 4-digit years */
        int year = y < -9999 ? -9999 : y > 9999 ? 9999 : (int)y;
        int month = (int)((key - y * 12) % 12) + 1;
        snprintf(buf, n, "%04d-%02d", year, month);
    }
}

/* Mean with t interval and share below with Wilson interval of a. */
static void describe(const acc *a, double below, double level, double *mean,
                     double *lo, double *hi, double *share, double *slo,
                     double *shi)
{
    *mean = acc_mean(a);
    *lo = *hi = *slo = *shi = NAN;
    *share = a->n > 0 ? below / a->n : NAN;
    if (a->n >= 2)
        mot_mean_t_interval(*mean, sqrt(acc_var(a)), a->n, level, lo, hi);
    if (a->n > 0)
        mot_prop_wilson(below, a->n, level, slo, shi);
}

static mot_status trends(cs *c)
{
    mot_consistency_result *r = c->r;
    if (c->n == 0) {
        r->period = "month";
        return MOT_OK;
    }
    int weekly = day_of(c->tmax) - day_of(c->tmin) < WEEK_SPAN_DAYS;
    r->period = weekly ? "week" : "month";
    /* (touchpoint, day) cells sorted, each day's period in place of the
    ** day: they stay sorted, by (touchpoint, period). */
    size_t n = cells_sort(&c->day), np = 0;
    cell *v = c->day.c;
    for (size_t i = 0; i < n; i++) {
        v[i].b = period_key(v[i].b, weekly);
        np += i == 0 || cmp_cell(&v[i], &v[i - 1]) != 0;
    }
    r->trend = calloc(np ? np : 1, sizeof *r->trend);
    if (!r->trend)
        return MOT_ENOMEM;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        acc a = {0, 0, 0};
        double below = 0;
        for (; j < n && cmp_cell(&v[j], &v[i]) == 0; j++) {
            acc_merge(&a, &v[j].y);
            below += v[j].below;
        }
        mot_cs_trend *t = &r->trend[r->ntrend++];
        t->tp = (size_t)v[i].a;
        period_label(v[i].b, weekly, t->period, sizeof t->period);
        t->n = (size_t)a.n;
        t->below = (size_t)below;
        describe(&a, below, r->level, &t->mean, &t->lo, &t->hi, &t->share,
                 &t->share_lo, &t->share_hi);
        i = j;
    }
    return MOT_OK;
}

/* Difference p1 - p2 of x1/n1 and x2/n2: Newcombe's hybrid score
** interval and the pooled z test's two-sided p. */
static void prop_diff(double x1, double n1, double x2, double n2,
                      double level, double *d, double *lo, double *hi,
                      double *p)
{
    double l1, u1, l2, u2, p1 = x1 / n1, p2 = x2 / n2;
    *d = p1 - p2;
    *lo = *hi = *p = NAN;
    if (mot_prop_wilson(x1, n1, level, &l1, &u1) != MOT_OK ||
        mot_prop_wilson(x2, n2, level, &l2, &u2) != MOT_OK)
        return;
    *lo = *d - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
    *hi = *d + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
    double pp = (x1 + x2) / (n1 + n2);
    double se = sqrt(pp * (1 - pp) * (1 / n1 + 1 / n2));
    if (se > 0)
        *p = 2 * mot_norm_sf(fabs(*d) / se);
}

static mot_status change(cs *c)
{
    mot_consistency_result *r = c->r;
    if (r->change_time == MOT_NO_TIME)
        return MOT_OK;
    size_t ntp = r->ntp;
    const acc *a = c->side;
    const double *below = c->below;
    for (size_t t = 0; t < ntp; t++)
        r->nchange += a[2 * t].n > 0 || a[2 * t + 1].n > 0;
    r->change = calloc(r->nchange ? r->nchange : 1, sizeof *r->change);
    double *p = malloc(2 * (r->nchange ? r->nchange : 1) * sizeof *p);
    mot_status st = MOT_ENOMEM;
    if (!r->change || !p)
        goto done;
    size_t k = 0;
    for (size_t t = 0; t < ntp; t++) {
        const acc *b = &a[2 * t], *f = &a[2 * t + 1];
        if (b->n == 0 && f->n == 0)
            continue;
        mot_cs_change *ch = &r->change[k];
        ch->tp = t;
        ch->n_before = (size_t)b->n;
        ch->n_after = (size_t)f->n;
        ch->mean_before = acc_mean(b);
        ch->mean_after = acc_mean(f);
        ch->diff = ch->mean_after - ch->mean_before;
        ch->lo = ch->hi = ch->p = NAN;
        ch->below_before = b->n > 0 ? below[2 * t] / b->n : NAN;
        ch->below_after = f->n > 0 ? below[2 * t + 1] / f->n : NAN;
        ch->below_diff = ch->below_after - ch->below_before;
        ch->below_lo = ch->below_hi = ch->below_p = NAN;
        mot_welch w;
        if (mot_welch_test(f->n, acc_mean(f), acc_var(f), b->n, acc_mean(b),
                           acc_var(b), r->level, &w) == MOT_OK) {
            ch->lo = w.lo;
            ch->hi = w.hi;
            ch->p = w.p;
        }
        if (b->n > 0 && f->n > 0)
            prop_diff(below[2 * t + 1], f->n, below[2 * t], b->n, r->level,
                      &ch->below_diff, &ch->below_lo, &ch->below_hi,
                      &ch->below_p);
        p[2 * k] = ch->p;
        p[2 * k + 1] = ch->below_p;
        k++;
    }
    if (mot_p_holm(p, 2 * r->nchange, p) != MOT_OK)
        goto done;
    for (size_t i = 0; i < r->nchange; i++) {
        r->change[i].p_holm = p[2 * i];
        r->change[i].below_p_holm = p[2 * i + 1];
    }
    st = MOT_OK;
done:
    free(p);
    return st;
}

/* ---- driver ---------------------------------------------------------------- */

static mot_status setup(cs *c)
{
    const mot_project *p = c->p;
    mot_consistency_result *r = c->r;
    const mot_events *e = p->events;
    r->ntp = p->blueprint.n;
    r->tp_id = calloc(r->ntp ? r->ntp : 1, sizeof *r->tp_id);
    r->tp_name = calloc(r->ntp ? r->ntp : 1, sizeof *r->tp_name);
    r->tolerance = calloc(r->ntp ? r->ntp : 1, sizeof *r->tolerance);
    if (!r->tp_id || !r->tp_name || !r->tolerance)
        return MOT_ENOMEM;
    for (size_t t = 0; t < r->ntp; t++) {
        const mot_touchpoint *tp = &p->blueprint.tp[t];
        r->tp_id[t] = dup(tp->id);
        r->tp_name[t] = dup(tp->name ? tp->name : tp->id);
        if (!r->tp_id[t] || !r->tp_name[t])
            return MOT_ENOMEM;
        r->tolerance[t] = isfinite(tp->tolerance) ? tp->tolerance
                                                  : p->config.scale.neutral;
    }
    c->ns = mot_strtab_count(p->staff_ids);
    c->nb = mot_strtab_count(p->branches);
    if (!e)
        return MOT_OK;
    r->has_events = 1;
    r->has_staff = e->staff != NULL;
    r->has_branch = e->branch != NULL;
    r->has_expected = e->expected != NULL;
    return MOT_OK;
}

mot_status mot_consistency_analyse(const mot_project *p,
                                   const mot_consistency_options *o,
                                   mot_consistency_result **out,
                                   mot_error *err)
{
    mot_consistency_options def;
    *out = NULL;
    if (!o) {
        mot_consistency_options_default(&def);
        o = &def;
    }
    if (!(o->level > 0 && o->level < 1) || !(o->alpha > 0 && o->alpha < 1) ||
        o->min_n < 2) {
        mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                      "level and alpha must be in (0, 1) and min_n at "
                      "least 2");
        return MOT_EUSAGE;
    }
    mot_consistency_result *r = calloc(1, sizeof *r);
    if (!r) {
        mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        return MOT_ENOMEM;
    }
    r->level = o->level;
    r->alpha = o->alpha;
    r->min_n = o->min_n;
    r->change_time = o->change_time;
    r->period = "month";
    cs c = {0};
    c.p = p;
    c.o = o;
    c.r = r;
    mot_status st = setup(&c);
    if (st == MOT_OK)
        st = scan(&c);
    if (st == MOT_OK)
        st = consistency(&c);
    if (st == MOT_OK)
        st = expectation(&c);
    if (st == MOT_OK)
        st = trends(&c);
    if (st == MOT_OK)
        st = change(&c);
    free(c.cell.c);
    free(c.day.c);
    free(c.d);
    free(c.se);
    free(c.ee);
    free(c.side);
    free(c.below);
    if (st != MOT_OK) {
        mot_consistency_result_free(r);
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
        return st;
    }
    *out = r;
    return MOT_OK;
}

void mot_consistency_result_free(mot_consistency_result *r)
{
    if (!r)
        return;
    for (size_t t = 0; t < r->ntp; t++) {
        if (r->tp_id)
            free(r->tp_id[t]);
        if (r->tp_name)
            free(r->tp_name[t]);
    }
    free(r->tp_id);
    free(r->tp_name);
    free(r->tolerance);
    free(r->tp);
    for (size_t i = 0; i < r->ngroups; i++) {
        free(r->group[i].key);
        free(r->group[i].within);
    }
    free(r->group);
    free(r->expect);
    free(r->trend);
    free(r->change);
    free(r);
}
