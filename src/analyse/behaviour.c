/*
** behaviour.c: front-line MOT behaviour by step and by staff member
** (mot/behaviour.h; docs/methods.md, "Front-line behaviour").
**
** Done well: d_ik = 1 when step k of interaction i is 1 (0/1 steps) or at
** least 4 (1-5 ratings); the share of step k is sum d / n over the rated
** interactions, with a Wilson (1927) interval.
**
** Drivers: over the interactions with a customer_score y and every step
** rated, the LMG decomposition of R^2 of y on d_1..d_K (Lindeman, Merenda
** & Gold 1980; Groemping 2006; the MOT engine's method, via
** mot_design_importance), with a percentile interval from the batched
** one-pass Poisson bootstrap (bootimp.c), and the OLS fit
** y = b0 + sum_k b_k d_k + e with t intervals (mot_ols_from_moments).
**
** Missing before a low score: low means y < neutral of the scale; for each
** step, the shares of not-done-well among low and other rated interactions
** and Pearson's chi-square of the 2 x 2 table (mot_counts_chisq), Holm
** (1979) over the steps.
**
** Staff: for step k and staff i with n_ik rated interactions and x_ik done
** well, the prior Beta(a_k, b_k) has mean pbar_k (the pooled share) and
** strength M_k = a_k + b_k from the method of moments of the
** beta-binomial (Kleinman 1973): with S = sum_i n_i (x_i/n_i - pbar)^2,
** E[S] = pbar(1-pbar) [(K-1) + rho (N - sum n_i^2/N - (K-1))] where rho =
** 1/(M+1) is the intra-staff correlation, so rho is solved from the
** observed S and M = 1/rho - 1. The shrunken share is the posterior mean
** (x_ik + pbar_k M_k) / (n_ik + M_k) (pbar_k when M_k is infinite). The
** coaching priority of a ranked person is argmax_k b_k (pbar_k -
** shrunk_ik) over the steps where that lift is positive; the flag needs
** the Bonferroni Wilson upper bound of the raw share below pbar_k -
** min_gap. Branches get the same profiles.
**
** Training: difference-in-differences (e.g. Angrist & Pischke 2009, 5.2):
** the coefficient b3 of y = b0 + b1 T + b2 A + b3 T A + e by OLS (the
** saturated 2 x 2 model, so b3 = (ybar_TA - ybar_T.) - (ybar_.A -
** ybar_..) of the four cell means) with its t interval; T = the staff
** member has trained_at, A = the interaction is at or after trained_at
** (trained) or the group's reference date (untrained: the lower median
** of the trained staff's dates).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "analyse/shared.h"
#include "core/mem.h"
#include "mot/behaviour.h"
#include "mot/stats.h"
#include "mot/strtab.h"

void mot_behaviour_options_default(mot_behaviour_options *o)
{
    o->level = 0.95;
    o->alpha = 0.05;
    o->min_staff = 30;
    o->min_gap = 0.05;
    o->bootstrap = 200;
    o->seed = 1;
    o->threads = 0;
}

double mot_bh_prior_strength(const double *n, const double *x, size_t k)
{
    double N = 0, X = 0, N2 = 0, S = 0;
    size_t used = 0;
    for (size_t i = 0; i < k; i++) {
        if (n[i] <= 0)
            continue;
        N += n[i];
        X += x[i];
        N2 += n[i] * n[i];
        used++;
    }
    if (used < 2 || N <= 0)
        return INFINITY;
    double pbar = X / N;
    if (pbar <= 0 || pbar >= 1)
        return INFINITY;
    for (size_t i = 0; i < k; i++)
        if (n[i] > 0) {
            double d = x[i] / n[i] - pbar;
            S += n[i] * d * d;
        }
    double den = N - N2 / N - (double)(used - 1);
    if (!(den > 0))
        return INFINITY;
    double rho = (S / (pbar * (1 - pbar)) - (double)(used - 1)) / den;
    if (!(rho > 0))
        return INFINITY;
    if (rho >= 1)
        return 0;
    return 1 / rho - 1;
}

/* The analysis in progress. */
typedef struct bh {
    const mot_interactions *t;
    const mot_behaviour_options *o;
    mot_behaviour_result *r;
    double ok_at;             /* done well: value >= ok_at */
    size_t *rows;             /* model rows */
    mot_error *err;
} bh;

static mot_error *err_of(const bh *b)
{
    return b->err;
}

/* Done well (1), not (0) or not rated (-1): step k of row i. */
static int done_well(const bh *b, size_t k, size_t i)
{
    float v = b->t->steps[k][i];
    if (isnan(v))
        return -1;
    return v >= b->ok_at;
}

/* Bootstrap row: the indicators then the score of model row i. */
static int boot_row(const void *ctx, size_t i, double *const *vals)
{
    const bh *b = ctx;
    size_t row = b->rows[i], K = b->t->nsteps;
    for (size_t k = 0; k < K; k++)
        vals[0][k] = done_well(b, k, row);
    vals[0][K] = b->t->customer_score[row];
    return 1;
}

static void boot_stat(const void *ctx, mot_moments *const *acc, double *out)
{
    const bh *b = ctx;
    mot_design_importance_stat(acc[0], b->t->nsteps, out);
}

/* Importance and OLS of the score on the indicators. A fit that is not
** possible leaves model = 0; only resource failures are errors. */
static mot_status drivers(bh *b, mot_error *err)
{
    const mot_interactions *t = b->t;
    mot_behaviour_result *r = b->r;
    size_t K = t->nsteps, m = 0;
    if (!t->customer_score)
        return MOT_OK;
    b->rows = mot_mem_alloc((t->n ? t->n : 1) * sizeof *b->rows);
    if (!b->rows)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < t->n; i++) {
        if (isnan(t->customer_score[i]))
            continue;
        size_t k = 0;
        while (k < K && done_well(b, k, i) >= 0)
            k++;
        if (k == K)
            b->rows[m++] = i;
    }
    r->n_model = m;
    if (m < K + 2)
        return MOT_OK;
    size_t dim = K + 1;
    mot_boot_job job = {m, 1, &dim, K + 1, boot_row, boot_stat, b,
                        b->o->bootstrap, b->o->seed, b->o->threads,
                        b->o->level, 0};
    mot_boot *bt;
    mot_status st = mot_boot_pass(&job, &bt);
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "bootstrap failed");
    mot_ols *ols = NULL;
    mot_error e2;
    if (mot_ols_from_moments(mot_boot_total(bt)[0], K, b->o->level, &ols,
                             &e2) != MOT_OK) {
        mot_boot_free(bt);
        return MOT_OK;        /* constant or collinear: no model */
    }
    mot_boot_out bo;
    st = mot_boot_stats(bt, &bo);
    mot_boot_free(bt);
    if (st != MOT_OK) {
        mot_ols_free(ols);
        return mot_error_set(err, st, NULL, 0, 0, "out of memory");
    }
    if (!isnan(bo.est[K])) {
        r->model = 1;
        r->r2 = bo.est[K];
        r->method = K <= MOT_LMG_MAXP ? "lmg" : "relative_weights";
        r->boot_failed = bo.failed;
        double best = -INFINITY;
        for (size_t k = 0; k < K; k++) {
            mot_bh_step *s = &r->steps[k];
            s->importance = bo.est[k];
            s->importance_lo = bo.lo[k];
            s->importance_hi = bo.hi[k];
            s->beta = ols->coef[k + 1].beta;
            s->beta_lo = ols->coef[k + 1].lo;
            s->beta_hi = ols->coef[k + 1].hi;
            s->beta_p = ols->coef[k + 1].p;
            if (s->importance > best) {
                best = s->importance;
                r->key_step = (int)k;
            }
        }
    }
    mot_boot_out_free(&bo);
    mot_ols_free(ols);
    return MOT_OK;
}

/* Not done well before a low score vs the rest, per step, and Holm. */
static mot_status missing(bh *b, mot_error *err)
{
    const mot_interactions *t = b->t;
    mot_behaviour_result *r = b->r;
    size_t K = t->nsteps;
    if (!t->customer_score)
        return MOT_OK;
    double *p = malloc(K * sizeof *p), *adj = malloc(K * sizeof *adj);
    size_t *idx = malloc(K * sizeof *idx), np = 0;
    mot_counts *c = NULL;
    mot_status st = MOT_ENOMEM;
    if (!p || !adj || !idx || mot_counts_new(2, &c) != MOT_OK)
        goto done;
    double worst = -INFINITY;
    for (size_t k = 0; k < K; k++) {
        mot_bh_step *s = &r->steps[k];
        mot_counts_reset(c);
        for (size_t i = 0; i < t->n; i++) {
            int d = done_well(b, k, i);
            float y = t->customer_score[i];
            if (d < 0 || isnan(y))
                continue;
            if (mot_counts_add(c, y < r->low_below ? 0 : 1, !d, 1) != MOT_OK)
                goto done;
        }
        double n0, e0, n1, e1, df;
        mot_counts_get(c, 0, &n0, &e0);
        mot_counts_get(c, 1, &n1, &e1);
        s->n_low = (size_t)n0;
        s->n_rest = (size_t)n1;
        s->missing_low = n0 > 0 ? e0 / n0 : NAN;
        s->missing_rest = n1 > 0 ? e1 / n1 : NAN;
        if (mot_counts_chisq(c, &s->chisq, &df, &s->p) == MOT_OK) {
            p[np] = s->p;
            idx[np++] = k;
        }
        if (s->missing_low > worst) {
            worst = s->missing_low;
            r->most_missing = (int)k;
        }
    }
    if (np && mot_p_holm(p, np, adj) != MOT_OK)
        goto done;
    for (size_t j = 0; j < np; j++)
        r->steps[idx[j]].p_adjusted = adj[j];
    st = MOT_OK;
done:
    mot_counts_free(c);
    free(p);
    free(adj);
    free(idx);
    if (st != MOT_OK)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    return st;
}

/* Step profiles of groups of interactions (staff members or branches):
** grp[i] is the group of row i (>= ng: none), name(ctx, g) the group's
** name. Fills *out (the groups with interactions, in group order), their
** count and how many are ranked and flagged, and the prior strength of
** each step in prior (nsteps). Shrinkage, priorities and flags as the
** file comment says; flags are Bonferroni over ranked groups x steps. */
typedef const char *(*group_name_fn)(const mot_project *p, size_t g);

static const char *staff_name(const mot_project *p, size_t g)
{
    return mot_strtab_get(p->staff_ids, (uint32_t)g);
}

static const char *branch_name(const mot_project *p, size_t g)
{
    return mot_strtab_get(p->branches, (uint32_t)g);
}

static mot_status profiles(bh *b, const mot_project *p, const uint32_t *grp,
                           size_t ng, group_name_fn name, double *prior,
                           mot_bh_staff **out, size_t *nout, size_t *ranked,
                           size_t *flagged)
{
    const mot_interactions *t = b->t;
    mot_behaviour_result *r = b->r;
    size_t K = t->nsteps, m = ng ? ng : 1;
    /* Per group: interactions, rated and done per step. */
    size_t *cnt = calloc(m, sizeof *cnt), *which = calloc(m, sizeof *which);
    double *n = calloc(m * K, sizeof *n);
    double *x = calloc(m * K, sizeof *x);
    double *nk = malloc(m * sizeof *nk);
    double *xk = malloc(m * sizeof *xk);
    mot_status st = MOT_ENOMEM;
    if (!cnt || !which || !n || !x || !nk || !xk)
        goto done;
    for (size_t i = 0; i < t->n; i++) {
        uint32_t s = grp[i];
        if (s >= ng)
            continue;
        cnt[s]++;
        for (size_t k = 0; k < K; k++) {
            int d = done_well(b, k, i);
            if (d >= 0) {
                n[s * K + k] += 1;
                x[s * K + k] += d;
            }
        }
    }
    for (size_t k = 0; k < K; k++) {
        for (size_t s = 0; s < ng; s++) {
            nk[s] = n[s * K + k];
            xk[s] = x[s * K + k];
        }
        prior[k] = mot_bh_prior_strength(nk, xk, ng);
    }
    size_t with = 0;
    for (size_t s = 0; s < ng; s++)
        with += cnt[s] > 0;
    *out = calloc(with ? with : 1, sizeof **out);
    if (!*out)
        goto done;
    for (size_t s = 0; s < ng; s++) {
        if (!cnt[s])
            continue;
        which[*nout] = s;
        mot_bh_staff *f = &(*out)[(*nout)++];
        f->priority = -1;
        f->lift = NAN;
        f->n = cnt[s];
        f->staff_id = strdup(name(p, s));
        f->share = malloc(K * sizeof *f->share);
        f->shrunk = malloc(K * sizeof *f->shrunk);
        if (!f->staff_id || !f->share || !f->shrunk)
            goto done;
        f->ranked = f->n >= r->min_staff;
        *ranked += (size_t)f->ranked;
        for (size_t k = 0; k < K; k++) {
            double ni = n[s * K + k], xi = x[s * K + k];
            double pbar = r->steps[k].share, M = prior[k];
            f->share[k] = ni > 0 ? xi / ni : NAN;
            f->shrunk[k] = isinf(M) ? pbar : (xi + pbar * M) / (ni + M);
            if (!f->ranked || !r->model)
                continue;
            double lift = r->steps[k].beta * (pbar - f->shrunk[k]);
            if (lift > 0 && (f->priority < 0 || lift > f->lift)) {
                f->priority = (int)k;
                f->lift = lift;
            }
        }
    }
    /* Flags: Bonferroni over ranked groups x steps. */
    size_t tests = *ranked * K;
    double level = 1 - b->o->alpha / (double)(tests ? tests : 1);
    for (size_t j = 0; j < *nout; j++) {
        mot_bh_staff *f = &(*out)[j];
        if (f->priority < 0)
            continue;
        size_t s = which[j], k = (size_t)f->priority;
        double lo, hi;
        if (mot_prop_wilson(x[s * K + k], n[s * K + k], level, &lo, &hi) ==
                MOT_OK &&
            hi < r->steps[k].share - r->min_gap) {
            f->flagged = 1;
            (*flagged)++;
        }
    }
    st = MOT_OK;
done:
    free(cnt);
    free(which);
    free(n);
    free(x);
    free(nk);
    free(xk);
    if (st != MOT_OK)
        mot_error_set(err_of(b), st, NULL, 0, 0, "out of memory");
    return st;
}

/* Staff profiles (by the rows' staff) and branch profiles (by the staff
** member's branch in staff.csv, else the row's branch column). */
static mot_status staff(bh *b, const mot_project *p)
{
    const mot_interactions *t = b->t;
    mot_behaviour_result *r = b->r;
    size_t ns = mot_strtab_count(p->staff_ids);
    size_t nb = p->branches ? mot_strtab_count(p->branches) : 0;
    mot_status st = profiles(b, p, t->staff, ns, staff_name,
                             r->prior_strength, &r->staff, &r->nstaff,
                             &r->ranked, &r->flagged);
    if (st != MOT_OK || !nb)
        return st;
    uint32_t *of = malloc((ns ? ns : 1) * sizeof *of);
    uint32_t *grp = malloc((t->n ? t->n : 1) * sizeof *grp);
    double *prior = malloc(r->nsteps * sizeof *prior);
    st = MOT_ENOMEM;
    if (of && grp && prior) {
        for (size_t s = 0; s < ns; s++)
            of[s] = MOT_NONE;
        for (size_t j = 0; p->staff && p->staff->branch && j < p->staff->n;
             j++)
            of[p->staff->staff[j]] = p->staff->branch[j];
        for (size_t i = 0; i < t->n; i++) {
            uint32_t s = t->staff[i];
            grp[i] = s < ns && of[s] != MOT_NONE ? of[s]
                     : t->branch                 ? t->branch[i]
                                                 : MOT_NONE;
        }
        st = profiles(b, p, grp, nb, branch_name, prior, &r->branch,
                      &r->nbranch, &r->branches_ranked,
                      &r->branches_flagged);
    } else
        mot_error_set(err_of(b), st, NULL, 0, 0, "out of memory");
    free(of);
    free(grp);
    free(prior);
    return st;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The cells of one difference-in-differences as it is accumulated: per
** cell (2 trained + after) the rows, the sum of y and the sum of squared
** deviations from the cell's running mean (Welford 1962). */
typedef struct did_acc {
    size_t n[4];
    double sum[4], mean[4], ss[4];
} did_acc;

static void did_add(did_acc *a, int c, double y)
{
    a->n[c]++;
    a->sum[c] += y;
    double dev = y - a->mean[c];
    a->mean[c] += dev / (double)a->n[c];
    a->ss[c] += dev * (y - a->mean[c]);
}

/* The DiD of the saturated model y = b0 + b1 T + b2 A + b3 T A + e from
** its cells (docs/methods.md, "Training effect"): its OLS fit has the
** cell means as fitted values, so b3 = (m3 - m2) - (m1 - m0), the
** residual sum of squares is the cells' sum, s^2 = that / (N - 4), and
** Var(b3) = s^2 (1/n0 + 1/n1 + 1/n2 + 1/n3); t interval and two-sided p
** on N - 4 degrees of freedom, as mot_ols_from_moments gives them. The
** estimate stays NAN when a cell is empty, N <= 4 or y is constant. */
static void did_finish(const did_acc *a, double level, mot_bh_did *d)
{
    double N = 0, sse = 0, inv = 0, total = 0;
    int cells = 1;
    for (int c = 0; c < 4; c++) {
        d->n[c] = a->n[c];
        d->mean[c] = a->n[c] ? a->sum[c] / (double)a->n[c] : NAN;
        cells &= a->n[c] > 0;
        N += (double)a->n[c];
        total += a->sum[c];
    }
    d->estimate = d->lo = d->hi = d->p = NAN;
    if (!cells || !(N - 4 > 0))
        return;
    double grand = total / N, syy = 0;
    for (int c = 0; c < 4; c++) {
        double gap = a->mean[c] - grand;
        sse += a->ss[c];
        syy += a->ss[c] + (double)a->n[c] * gap * gap;
        inv += 1 / (double)a->n[c];
    }
    if (!(syy > 0))
        return;                         /* y constant: no fit */
    double df = N - 4, s2 = sse / df;
    double se = sqrt(s2 * inv), tq = mot_t_quantile(0.5 + level / 2, df);
    d->estimate = (a->mean[3] - a->mean[2]) - (a->mean[1] - a->mean[0]);
    d->p = 2 * mot_t_sf(fabs(d->estimate / se), df);
    d->lo = d->estimate - tq * se;
    d->hi = d->estimate + tq * se;
}

/* The DiDs of the customer score (acc[0]) and of each step (acc[1 + k])
** over the rows whose staff is in the group (grp[staff] != 0), in one
** pass. */
static void did_group(const bh *b, const int64_t *at, const unsigned char *grp,
                      int64_t ref, did_acc *acc)
{
    const mot_interactions *t = b->t;
    size_t K = t->nsteps;
    memset(acc, 0, (K + 1) * sizeof *acc);
    for (size_t i = 0; i < t->n; i++) {
        uint32_t s = t->staff[i];
        if (!grp[s] || t->time[i] == MOT_NO_TIME)
            continue;
        int tr = at[s] != MOT_NO_TIME;
        int c = 2 * tr + (t->time[i] >= (tr ? at[s] : ref));
        double y = t->customer_score ? t->customer_score[i] : NAN;
        if (!isnan(y))
            did_add(&acc[0], c, y);
        for (size_t k = 0; k < K; k++) {
            int dw = done_well(b, k, i);
            if (dw >= 0)
                did_add(&acc[1 + k], c, dw);
        }
    }
}

/* The training effect over all staff and by branch. */
static mot_status training(bh *b, const mot_project *p, mot_error *err)
{
    const mot_staff *sf = p->staff;
    mot_behaviour_result *r = b->r;
    size_t ns = mot_strtab_count(p->staff_ids), K = r->nsteps;
    size_t nb = p->branches ? mot_strtab_count(p->branches) : 0;
    if (!sf || !sf->trained_at || !ns)
        return MOT_OK;
    int64_t *at = malloc(ns * sizeof *at), *dates = malloc(ns * sizeof *dates);
    uint32_t *br = malloc(ns * sizeof *br);
    unsigned char *grp = malloc(ns), *active = calloc(ns, 1);
    did_acc *acc = malloc((K + 1) * sizeof *acc);
    mot_status st = MOT_ENOMEM;
    if (!at || !dates || !br || !grp || !active || !acc)
        goto done;
    for (size_t s = 0; s < ns; s++) {
        at[s] = MOT_NO_TIME;
        br[s] = MOT_NONE;
    }
    for (size_t i = 0; i < b->t->n; i++)    /* staff with interactions */
        if (b->t->staff[i] < ns)
            active[b->t->staff[i]] = 1;
    for (size_t j = 0; j < sf->n; j++) {
        at[sf->staff[j]] = sf->trained_at[j];
        if (sf->branch)
            br[sf->staff[j]] = sf->branch[j];
    }
    r->training = calloc(1 + nb, sizeof *r->training);
    if (!r->training)
        goto done;
    for (size_t g = 0; g <= nb; g++) {   /* g = 0: all; g - 1: a branch */
        size_t nt = 0, nu = 0;
        for (size_t s = 0; s < ns; s++) {
            grp[s] = active[s] && (g == 0 || br[s] == g - 1);
            if (grp[s] && at[s] != MOT_NO_TIME)
                dates[nt++] = at[s];
            else
                nu += grp[s];
        }
        if (!nt || !nu)
            continue;
        qsort(dates, nt, sizeof *dates, cmp_i64);
        mot_bh_training *tr = &r->training[r->ntraining++];
        tr->trained_staff = nt;
        tr->untrained_staff = nu;
        tr->reference = dates[(nt - 1) / 2];
        if (g > 0 &&
            !(tr->branch = strdup(mot_strtab_get(p->branches,
                                                 (uint32_t)(g - 1)))))
            goto done;
        if (!(tr->steps = calloc(K, sizeof *tr->steps)))
            goto done;
        did_group(b, at, grp, tr->reference, acc);
        did_finish(&acc[0], b->o->level, &tr->score);
        for (size_t k = 0; k < K; k++)
            did_finish(&acc[1 + k], b->o->level, &tr->steps[k]);
    }
    st = MOT_OK;
done:
    free(at);
    free(dates);
    free(br);
    free(grp);
    free(active);
    free(acc);
    if (st != MOT_OK)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    return st;
}

mot_status mot_behaviour_analyse(const mot_project *p,
                                 const mot_behaviour_options *o,
                                 mot_behaviour_result **out, mot_error *err)
{
    mot_behaviour_options def;
    if (!o) {
        mot_behaviour_options_default(&def);
        o = &def;
    }
    *out = NULL;
    if (!p || !(o->level > 0 && o->level < 1) ||
        !(o->alpha > 0 && o->alpha < 1) || !(o->min_gap >= 0 && o->min_gap < 1))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "bad behaviour options");
    const mot_interactions *t = p->interactions;
    if (!t || !t->nsteps)
        return mot_error_set(err, MOT_EDATA, p->dir, 0, 0,
                             "no interactions.csv with behaviour steps");
    size_t K = t->nsteps;
    mot_behaviour_result *r = calloc(1, sizeof *r);
    if (!r)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    bh b = {t, o, r, 1, NULL, err};
    r->n = t->n;
    r->nsteps = K;
    r->min_staff = o->min_staff;
    r->min_gap = o->min_gap;
    r->low_below = p->config.scale.neutral;
    r->r2 = NAN;
    r->key_step = r->most_missing = -1;
    r->steps = calloc(K, sizeof *r->steps);
    r->prior_strength = calloc(K, sizeof *r->prior_strength);
    mot_status st = MOT_ENOMEM;
    if (!r->steps || !r->prior_strength)
        goto fail;
    /* Ratings when any value is not 0 or 1. */
    for (size_t k = 0; k < K && !r->ratings; k++)
        for (size_t i = 0; i < t->n; i++) {
            float v = t->steps[k][i];
            if (!isnan(v) && v != 0 && v != 1) {
                r->ratings = 1;
                break;
            }
        }
    b.ok_at = r->ratings ? 4 : 1;
    for (size_t k = 0; k < K; k++) {
        mot_bh_step *s = &r->steps[k];
        s->name = strdup(t->step_names[k]);
        if (!s->name)
            goto fail;
        for (size_t i = 0; i < t->n; i++) {
            int d = done_well(&b, k, i);
            if (d >= 0) {
                s->n++;
                s->done += (size_t)d;
            }
        }
        s->share = s->n ? (double)s->done / (double)s->n : NAN;
        s->share_lo = s->share_hi = NAN;
        if (s->n)
            mot_prop_wilson((double)s->done, (double)s->n, o->level,
                            &s->share_lo, &s->share_hi);
        s->importance = s->importance_lo = s->importance_hi = NAN;
        s->beta = s->beta_lo = s->beta_hi = s->beta_p = NAN;
        s->missing_low = s->missing_rest = NAN;
        s->chisq = s->p = s->p_adjusted = NAN;
    }
    if ((st = drivers(&b, err)) != MOT_OK ||
        (st = missing(&b, err)) != MOT_OK ||
        (st = staff(&b, p)) != MOT_OK ||
        (st = training(&b, p, err)) != MOT_OK)
        goto fail;
    free(b.rows);
    *out = r;
    return MOT_OK;
fail:
    free(b.rows);
    if (st == MOT_ENOMEM)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    mot_behaviour_result_free(r);
    return st;
}

void mot_behaviour_result_free(mot_behaviour_result *r)
{
    if (!r)
        return;
    for (size_t k = 0; r->steps && k < r->nsteps; k++)
        free(r->steps[k].name);
    free(r->steps);
    for (size_t j = 0; j < r->nstaff; j++) {
        free(r->staff[j].staff_id);
        free(r->staff[j].share);
        free(r->staff[j].shrunk);
    }
    free(r->staff);
    for (size_t j = 0; j < r->nbranch; j++) {
        free(r->branch[j].staff_id);
        free(r->branch[j].share);
        free(r->branch[j].shrunk);
    }
    free(r->branch);
    for (size_t j = 0; j < r->ntraining; j++) {
        free(r->training[j].branch);
        free(r->training[j].steps);
    }
    free(r->training);
    free(r->prior_strength);
    free(r);
}

mot_status mot_analyse_behaviour(const mot_project *p, const mot_features *f,
                                 const mot_analyse_options *o,
                                 mot_analysis *a, mot_error *err)
{
    (void)f;
    if (!p->interactions)
        return MOT_OK;
    mot_behaviour_options bo;
    mot_behaviour_options_default(&bo);
    bo.bootstrap = o->bootstrap;
    bo.seed = o->seed;
    bo.threads = o->threads;
    bo.alpha = o->alpha;
    mot_status st = mot_behaviour_analyse(p, &bo, &a->behaviour, err);
    if (st != MOT_EDATA)
        return st;
    st = mot_analysis_note(a, "interactions.csv is not analysed: %s",
                           err->message);
    mot_error_clear(err);
    return st;
}
