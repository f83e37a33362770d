/*
** churn.c: the impact of each touchpoint on churn and on loyalty
** (docs/methods.md, "Impact on churn" and "Loyalty lift").
**
** Churn model. For the customers.csv rows with a churn value, one term
** per touchpoint, bad_j = 1 when the customer's worst rated score there is
** below the touchpoint's tolerance, and 0 otherwise: a good rated
** experience, no rating, or no contact. "Not rated" is not "bad": only an
** observed bad experience counts, so the reference group mixes good and
** unknown experiences, which, if anything, pulls odds ratios towards 1.
** (No separate "met" term: whether a customer met a touchpoint is not
** the experience there, and with a term for it the bad term would compare
** bad with good raters only, on far fewer customers.) Touchpoints with
** fewer than min_group bad experiences (or fewer than min_group without)
** get no term. Plus one 0/1 term per segment level against the most
** frequent level (levels with fewer than min_group customers pooled into
** it). Terms that are linear combinations of earlier ones are dropped.
** Logistic regression by IRLS (stats core): odds ratio e^beta_j with its
** Wald interval and p; separation, tiny groups and non-convergence are
** flags (churn_flags) and notes, and diverging coefficients are NAN.
**
**   churn_if_bad / churn_if_good: the raw churn rates of customers whose
**       worst rated score is below / at or above tolerance, with their n;
**   attributable_churners = sum over customers with bad_j = 1 of
**       [p_i - p_i(bad_j = 0)], p_i the fitted churn probability: the
**       churners expected to have stayed had their bad experience there
**       been good, the rest of their profile unchanged.
**
** Loyalty lift. On NPS (else the overall score): the mean of customers
** whose worst rated score is at or above the target (the blueprint's
** target, else the scale's top) minus the mean of those whose worst rated
** score is adequate (tolerance up to the target), by Welch's t test. The
** bad experiences are left out of the comparison on purpose: they show
** the penalty of falling short (the churn and overall models), the lift
** the reward of exceeding expectations (penalty-reward contrast analysis,
** Brandt 1987).
**
** Survival (when churn_time is present): time from the customer's first
** event to churn_time for churners, censored at the end of the data (the
** latest event or churn time) for the others; per touchpoint the
** Kaplan-Meier median of the bad and good groups, the log-rank test and
** its hazard ratio estimate (O/E bad) / (O/E good); touchpoints run in
** parallel (the result does not depend on the threads).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "analyse/shared.h"
#include "core/mem.h"
#include "core/parallel.h"
#include "stats/sort.h"
#include "stats/survival_int.h"

#define DAY 86400.0

/* The rows of the churn model. */
typedef struct ch_rows {
    size_t n;
    size_t *row;            /* feature row */
    signed char *bad;       /* bad_at of each touchpoint (n x ntp) */
} ch_rows;

/* The model's terms and its design, collapsed to distinct patterns. */
typedef struct ch_model {
    size_t q;               /* terms */
    size_t *tp;             /* touchpoint of each term, or SIZE_MAX for a
                               segment level */
    uint32_t *level;        /* segment level of each term */
    size_t n;               /* patterns */
    double *x;              /* n x q: the distinct 0/1 rows of terms */
    double *w;              /* customers with each pattern */
    double *y;              /* and their churn rate */
} ch_model;

/* The churn value (0 or 1) of model row i. */
static double churned_of(const mot_project *p, const mot_features *f,
                         const ch_rows *rw, size_t i)
{
    return p->customers->churned[f->customer_row[rw->row[i]]];
}

/* 1 bad, 0 good, -1 not rated: customer row i at touchpoint t. */
static int bad_at(const mot_features *f, const mot_analysis *a, size_t i,
                  size_t t)
{
    float w = f->worst[i * f->ntp + t];
    return isnan(w) ? -1 : w < a->tp[t].tolerance;
}

/* ---- loyalty lift ------------------------------------------------------- */

/* The level a worst score must reach to be a good experience at t. */
static double good_level(const mot_project *p, const mot_tp_result *r)
{
    return isfinite(r->target) ? r->target : p->config.scale.max;
}

/* Lift at touchpoint t from the group moments g[0] good, g[1] adequate. */
static void lift_tp(mot_tp_result *r, mot_moments *const *g,
                    const mot_analyse_options *o)
{
    double n[2], m[2], v[2];
    for (int k = 0; k < 2; k++) {
        n[k] = mot_moments_weight(g[k]);
        m[k] = v[k] = NAN;
        if (n[k] >= 2) {
            mot_moments_mean(g[k], &m[k]);
            mot_moments_cov(g[k], &v[k], 1);
        }
    }
    r->n_lift_good = n[0];
    r->n_lift_rest = n[1];
    mot_welch w;
    if (n[0] < (double)o->min_group || n[1] < (double)o->min_group ||
        mot_welch_test(n[0], m[0], v[0], n[1], m[1], v[1], 1 - o->alpha,
                       &w) != MOT_OK)
        return;
    r->lift = w.diff;
    r->lift_lo = w.lo;
    r->lift_hi = w.hi;
    r->lift_p = w.p;
}

/* The loyalty lift of every touchpoint. */
static mot_status lift(const mot_project *p, const mot_features *f,
                       const mot_analyse_options *o, mot_analysis *a)
{
    const mot_customers *cu = p->customers;
    const float *y = cu->has_nps ? cu->nps : cu->overall;
    size_t ntp = f->ntp, missing = 0;
    mot_moments **g = calloc(2 * ntp + 1, sizeof *g);
    mot_status st = g ? MOT_OK : MOT_ENOMEM;
    for (size_t k = 0; k < 2 * ntp && st == MOT_OK; k++)
        st = mot_moments_new(1, &g[k]);
    for (size_t i = 0; i < f->ncustomers && st == MOT_OK; i++) {
        int32_t cr = f->customer_row[i];
        double yi = cr >= 0 ? y[cr] : NAN;
        for (size_t t = 0; t < ntp && !isnan(yi); t++) {
            double w = f->worst[i * ntp + t];
            const mot_tp_result *r = &a->tp[t];
            if (isnan(w) || w < r->tolerance)
                continue;
            mot_moments_add(g[2 * t + (w >= good_level(p, r) ? 0 : 1)], &yi,
                            1);
        }
    }
    for (size_t t = 0; t < ntp && st == MOT_OK; t++) {
        snprintf(a->tp[t].lift_measure, sizeof a->tp[t].lift_measure, "%s",
                 cu->has_nps ? "nps" : "overall");
        lift_tp(&a->tp[t], g + 2 * t, o);
        missing += a->tp[t].n_rated > 0 && isnan(a->tp[t].lift);
    }
    for (size_t k = 0; g && k < 2 * ntp; k++)
        mot_moments_free(g[k]);
    free(g);
    if (st == MOT_OK && missing)
        st = mot_analysis_note(a, "loyalty lift: %zu rated touchpoint(s) "
                                  "have fewer than %zu customers with a good "
                                  "or with an adequate experience: no lift",
                               missing, o->min_group);
    return st;
}

/* ---- the churn model ---------------------------------------------------- */

/* Customers with a churn value, and the descriptive rates per touchpoint. */
static mot_status rows_and_rates(const mot_project *p, const mot_features *f,
                                 mot_analysis *a, ch_rows *rw)
{
    const mot_customers *cu = p->customers;
    size_t ntp = f->ntp;
    double *cnt = calloc(4 * ntp + 1, sizeof *cnt);  /* nbad ebad ngood egood */
    rw->row = mot_mem_alloc((f->ncustomers + 1) * sizeof *rw->row);
    rw->bad = mot_mem_alloc(f->ncustomers * ntp + 1);
    if (!cnt || !rw->row || !rw->bad) {
        free(cnt);
        return MOT_ENOMEM;
    }
    for (size_t i = 0; i < f->ncustomers; i++) {
        int32_t cr = f->customer_row[i];
        if (cr < 0 || cu->churned[cr] < 0)
            continue;
        signed char *bi = rw->bad + rw->n * ntp;
        rw->row[rw->n] = i;
        rw->n++;
        for (size_t t = 0; t < ntp; t++) {
            int b = bi[t] = (signed char)bad_at(f, a, i, t);
            if (b >= 0) {
                cnt[4 * t + (b ? 0 : 2)]++;
                cnt[4 * t + (b ? 1 : 3)] += cu->churned[cr];
            }
        }
    }
    for (size_t t = 0; t < ntp; t++) {
        mot_tp_result *r = &a->tp[t];
        const double *c = cnt + 4 * t;
        r->n_bad = c[0];
        r->n_good = c[2];
        r->churn_if_bad = c[0] > 0 ? c[1] / c[0] : NAN;
        r->churn_if_good = c[2] > 0 ? c[3] / c[2] : NAN;
    }
    free(cnt);
    return MOT_OK;
}

/* Append a term. */
static void add_term(ch_model *m, size_t tp, uint32_t level)
{
    m->tp[m->q] = tp;
    m->level[m->q++] = level;
}

/* The segment levels with at least min_group customers, except the most
** frequent (the reference). */
static mot_status segment_terms(const mot_project *p, const ch_rows *rw,
                                const mot_features *f,
                                const mot_analyse_options *o,
                                mot_analysis *a, ch_model *m)
{
    const mot_customers *cu = p->customers;
    size_t nlev = mot_strtab_count(cu->segments), pooled = 0;
    uint32_t *code = mot_mem_alloc((rw->n + 1) * sizeof *code);
    size_t *cnt = malloc((nlev + 1) * sizeof *cnt);
    if (!code || !cnt) {
        free(code);
        free(cnt);
        return MOT_ENOMEM;
    }
    for (size_t i = 0; i < rw->n; i++)
        code[i] = cu->segment[f->customer_row[rw->row[i]]];
    uint32_t ref = mot_design_mode(code, rw->n, nlev, cnt);
    for (size_t l = 0; l < nlev; l++) {
        if (l == ref || !cnt[l])
            continue;
        if (cnt[l] >= o->min_group)
            add_term(m, SIZE_MAX, (uint32_t)l);
        else
            pooled++;
    }
    free(code);
    free(cnt);
    if (!pooled)
        return MOT_OK;
    return mot_analysis_note(a, "churn model: %zu segment(s) with fewer than "
                                "%zu customers pooled with the largest, %s",
                             pooled, o->min_group,
                             mot_strtab_get(cu->segments, ref));
}

/* Term j (0/1) of model row i. */
static int term_of(const mot_project *p, const mot_features *f,
                   const ch_rows *rw, const ch_model *m, size_t i, size_t j)
{
    size_t fr = rw->row[i];
    if (m->tp[j] != SIZE_MAX)
        return rw->bad[i * f->ntp + m->tp[j]] == 1;
    return p->customers->segment[f->customer_row[fr]] == m->level[j];
}

/* Append pattern bits (or row i's terms when bits is NULL) with weight w
** and churn rate y. */
static void emit(const mot_project *p, const mot_features *f,
                 const ch_rows *rw, ch_model *m,
                 const uint64_t *bits, size_t i, double w, double y)
{
    double *x = m->x + m->n * m->q;
    for (size_t j = 0; j < m->q; j++)
        x[j] = bits ? (double)((*bits >> j) & 1)
                    : term_of(p, f, rw, m, i, j);
    m->w[m->n] = w;
    m->y[m->n++] = y;
}

/* A distinct pattern of terms: its customers and their churners. */
typedef struct pattern {
    uint64_t key;           /* the terms as bits */
    size_t n;               /* 0: an empty slot */
    double ev;
} pattern;

/* Ascending key. */
static int cmp_pattern(const void *a, const void *b)
{
    uint64_t x = ((const pattern *)a)->key, y = ((const pattern *)b)->key;
    return (x > y) - (x < y);
}

/* The slot of key in the table of cap (a power of two) slots: its own or
** the empty one where it goes. */
static pattern *pattern_slot(pattern *tab, size_t cap, uint64_t key)
{
    size_t h = (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 32);
    for (;; h++) {
        pattern *s = &tab[h & (cap - 1)];
        if (!s->n || s->key == key)
            return s;
    }
}

/* Count the rows of each distinct pattern of terms (q <= 64) into a hash
** table, and emit the patterns in ascending key order; MOT_ENOMEM. */
static mot_status count_patterns(const mot_project *p, const mot_features *f,
                                 const ch_rows *rw, ch_model *m)
{
    size_t cap = 1024, used = 0;
    pattern *tab = calloc(cap, sizeof *tab);
    if (!tab)
        return MOT_ENOMEM;
    for (size_t i = 0; i < rw->n; i++) {
        uint64_t key = 0;
        for (size_t j = 0; j < m->q; j++)
            key |= (uint64_t)term_of(p, f, rw, m, i, j) << j;
        pattern *s = pattern_slot(tab, cap, key);
        if (!s->n) {
            if (2 * (used + 1) > cap) {     /* grow to keep it half empty */
                pattern *big = calloc(2 * cap, sizeof *big);
                if (!big) {
                    free(tab);
                    return MOT_ENOMEM;
                }
                for (size_t k = 0; k < cap; k++)
                    if (tab[k].n)
                        *pattern_slot(big, 2 * cap, tab[k].key) = tab[k];
                free(tab);
                tab = big;
                cap *= 2;
                s = pattern_slot(tab, cap, key);
            }
            s->key = key;
            used++;
        }
        s->n++;
        s->ev += churned_of(p, f, rw, i);
    }
    size_t k = 0;
    for (size_t h = 0; h < cap; h++)
        if (tab[h].n)
            tab[k++] = tab[h];
    qsort(tab, k, sizeof *tab, cmp_pattern);
    for (size_t h = 0; h < k; h++)
        emit(p, f, rw, m, &tab[h].key, 0, (double)tab[h].n,
             tab[h].ev / (double)tab[h].n);
    free(tab);
    return MOT_OK;
}

/* The design collapsed to its distinct patterns: customers with the same
** terms share one row, weighted by their number, with their churn rate
** as the outcome (the binomial likelihood is the same, so are the
** estimates and standard errors; a million customers fit in a few
** hundred rows), in ascending order of the terms as bits. The churners of
** a pattern are a sum of 0/1 values, exact in any order. With more than
** 64 terms every customer is a row. */
static mot_status patterns(const mot_project *p, const mot_features *f,
                           const ch_rows *rw, ch_model *m)
{
    size_t n = rw->n, q = m->q;
    m->x = malloc((n * q + 1) * sizeof *m->x);
    m->w = malloc((n + 1) * sizeof *m->w);
    m->y = malloc((n + 1) * sizeof *m->y);
    if (!m->x || !m->w || !m->y)
        return MOT_ENOMEM;
    if (q <= 64)
        return count_patterns(p, f, rw, m);
    for (size_t i = 0; i < n; i++)
        emit(p, f, rw, m, NULL, i, 1, churned_of(p, f, rw, i));
    return MOT_OK;
}

/* The terms: touchpoints with enough bad and not-bad customers, then
** segment levels; and the design matrix. */
static mot_status design(const mot_project *p, const mot_features *f,
                         const mot_analyse_options *o, mot_analysis *a,
                         const ch_rows *rw, ch_model *m)
{
    const mot_customers *cu = p->customers;
    size_t cap = f->ntp + (cu->has_segment ? mot_strtab_count(cu->segments)
                                           : 0) + 1;
    size_t few = 0;
    m->tp = malloc(cap * sizeof *m->tp);
    m->level = malloc(cap * sizeof *m->level);
    if (!m->tp || !m->level)
        return MOT_ENOMEM;
    double mg = (double)o->min_group;
    for (size_t t = 0; t < f->ntp; t++) {
        const mot_tp_result *r = &a->tp[t];
        if (r->n_bad >= mg && (double)rw->n - r->n_bad >= mg)
            add_term(m, t, 0);
        else
            few += r->n_rated > 0;
    }
    mot_status st = MOT_OK;
    if (few)
        st = mot_analysis_note(a, "churn model: %zu rated touchpoint(s) with "
                                  "fewer than %zu customers with a bad "
                                  "experience get no odds ratio",
                               few, o->min_group);
    if (st == MOT_OK && cu->has_segment)
        st = segment_terms(p, rw, f, o, a, m);
    return st == MOT_OK ? patterns(p, f, rw, m) : st;
}

/* Drop aliased terms (noted). */
static mot_status drop_aliased(const mot_project *p, mot_analysis *a,
                               ch_model *m)
{
    unsigned char *keep = malloc(m->q + 1);
    if (!keep || mot_design_keep(m->x, m->n, m->q, m->w, keep) != MOT_OK) {
        free(keep);
        return MOT_ENOMEM;
    }
    size_t k = 0, q = m->q;
    mot_status st = MOT_OK;
    for (size_t j = 0; j < q && st == MOT_OK; j++)
        if (!keep[j])
            st = mot_analysis_note(
                a, "churn model: the term of %s is a linear combination of "
                   "earlier terms and is left out",
                m->tp[j] != SIZE_MAX
                    ? p->blueprint.tp[m->tp[j]].id
                    : mot_strtab_get(p->customers->segments, m->level[j]));
    for (size_t i = 0; i < m->n; i++)
        for (size_t j = 0; j < q; j++)
            if (keep[j])
                m->x[k++] = m->x[i * q + j];
    k = 0;
    for (size_t j = 0; j < q; j++)
        if (keep[j]) {
            m->tp[k] = m->tp[j];
            m->level[k++] = m->level[j];
        }
    m->q = k;
    free(keep);
    return st;
}

/* Attributable churners of term j (file comment). A row with a term whose
** coefficient diverged is fitted at 0 or 1 whatever term j does, and adds
** nothing. */
static double attributable(const mot_logit *fit, const ch_model *m,
                           size_t j)
{
    double sum = 0, bj = fit->coef[j + 1].beta;
    for (size_t i = 0; i < m->n; i++) {
        const double *x = m->x + i * m->q;
        double eta = fit->coef[0].beta;
        int limit = 0;
        for (size_t k = 0; k < m->q && !limit; k++) {
            limit = x[k] != 0 && (fit->coef[k + 1].flags & MOT_LOGIT_DIVERGED);
            eta += x[k] != 0 ? fit->coef[k + 1].beta * x[k] : 0;
        }
        if (x[j] == 1 && !limit)
            sum += m->w[i] *
                   (1 / (1 + exp(-eta)) - 1 / (1 + exp(-(eta - bj))));
    }
    return sum;
}

/* Copy the fit into the touchpoints' results. */
static mot_status store(const mot_logit *fit, const ch_model *m,
                        mot_analysis *a)
{
    for (size_t j = 0; j < m->q; j++) {
        if (m->tp[j] == SIZE_MAX)
            continue;
        const mot_logit_coef *c = &fit->coef[j + 1];
        mot_tp_result *r = &a->tp[m->tp[j]];
        r->odds_ratio = c->odds_ratio;
        r->or_lo = c->or_lo;
        r->or_hi = c->or_hi;
        r->p = c->p;
        r->churn_flags = c->flags | (fit->flags & MOT_LOGIT_NOT_CONVERGED);
        r->attributable_churners = c->flags & MOT_LOGIT_DIVERGED
                                       ? NAN : attributable(fit, m, j);
    }
    mot_status st = MOT_OK;
    if (fit->flags & MOT_LOGIT_SEPARATION)
        st = mot_analysis_note(a, "churn model: some terms separate churners "
                                  "from the others; their odds ratios are "
                                  "not finite and are not reported");
    if (st == MOT_OK && (fit->flags & MOT_LOGIT_NOT_CONVERGED))
        st = mot_analysis_note(a, "churn model: the fit did not converge in "
                                  "%d iterations", fit->iterations);
    if (st == MOT_OK && (fit->flags & MOT_LOGIT_SMALL))
        st = mot_analysis_note(a, "churn model: some groups have fewer than "
                                  "5 churners or stayers; their intervals "
                                  "are wide");
    return st;
}

/* Fit the model and store it. */
static mot_status fit_model(const mot_analyse_options *o, const ch_model *m,
                            mot_analysis *a)
{
    mot_logit_opts lo;
    mot_logit_opts_default(&lo);
    lo.level = 1 - o->alpha;
    mot_logit *fit;
    mot_error e;
    mot_status st = mot_logit_fit(m->x, m->n, m->q, m->y, m->w, &lo, &fit,
                                  &e);
    if (st == MOT_EDATA)
        return mot_analysis_note(a, "churn model not fitted: %s", e.message);
    if (st != MOT_OK)
        return st;
    st = store(fit, m, a);
    mot_logit_free(fit);
    return st;
}

/* ---- survival ----------------------------------------------------------- */

/* The model rows with a survival time (days from the first event to
** churn_time for churners, to the end of the data, the latest event or
** churn time, for the others) as pairs: the time's sort key, and the row
** with its event in the top bit. *nkv receives their number; returns the
** churners without a usable time. */
static size_t survival_times(const mot_project *p, const mot_features *f,
                             const ch_rows *rw, mot_kv *kv, size_t *nkv)
{
    const mot_customers *cu = p->customers;
    int64_t end = INT64_MIN;
    size_t bad = 0, k = 0;
    for (size_t i = 0; i < rw->n; i++) {
        int64_t l = f->last_time[rw->row[i]];
        int64_t c = cu->churn_time[f->customer_row[rw->row[i]]];
        end = l != MOT_NO_TIME && l > end ? l : end;
        end = c != MOT_NO_TIME && c > end ? c : end;
    }
    for (size_t i = 0; i < rw->n; i++) {
        int64_t s = f->first_time[rw->row[i]];
        int64_t c = cu->churn_time[f->customer_row[rw->row[i]]];
        double y = churned_of(p, f, rw, i);
        int64_t e = y ? c : end;
        uint64_t event = y == 1;
        double time = s == MOT_NO_TIME || e == MOT_NO_TIME || e < s
                          ? NAN : (double)(e - s) / DAY;
        bad += y && (s != MOT_NO_TIME) && isnan(time);
        if (!isnan(time))
            kv[k++] = (mot_kv){mot_key_of_double(time), i | event << 63};
    }
    *nkv = k;
    return bad;
}

/* The survival view's data, shared read-only by the parts. */
typedef struct sv_job {
    const mot_features *f;
    mot_analysis *a;          /* each part writes its touchpoints only */
    const double *time;       /* the model rows with a time, in time order: */
    const int *event;         /* time and event, */
    const signed char *bad;   /* bad_at of touchpoint t at bad + t * nord */
    size_t nord;
    double min_group;
} sv_job;

/* Log-rank test and Kaplan-Meier medians of bad vs good at t. */
static void survival_tp(const sv_job *j, size_t t)
{
    mot_tp_result *r = &j->a->tp[t];
    const signed char *bad = j->bad + t * j->nord;
    mot_logrank lr;
    if (mot_logrank_ordered(j->time, j->event, bad, j->nord, &lr, NULL) !=
        MOT_OK)
        return;
    r->km_stat = lr.stat;
    r->km_p = lr.p;
    r->km_hr = (lr.observed[1] / lr.expected[1]) /
               (lr.observed[0] / lr.expected[0]);
    r->km_median_good = mot_km_median_ordered(j->time, j->event, bad, 0,
                                              j->nord);
    r->km_median_bad = mot_km_median_ordered(j->time, j->event, bad, 1,
                                             j->nord);
}

/* Part `part`: the touchpoints t with t % nparts == part. */
static void survival_part(void *ctx, unsigned part, unsigned nparts)
{
    sv_job *j = ctx;
    for (size_t t = part; t < j->f->ntp; t += nparts)
        if (j->a->tp[t].n_bad >= j->min_group &&
            j->a->tp[t].n_good >= j->min_group)
            survival_tp(j, t);
}

/* The survival view of every touchpoint with min_group bad and good, one
** touchpoint per part. The rows with a time are put in time order once
** (ties in row order: a stable sort of the rows), with their times,
** events and bad_at of every touchpoint (a column per touchpoint), so
** that the estimators read each touchpoint's rows in order where they
** are, with no copy. The times and events go into the sort scratch the
** sorted pairs are not in (12 of its 16 bytes a row), and rw->row is
** freed once read, to keep the peak memory down. */
static mot_status survival(const mot_project *p, const mot_features *f,
                           const mot_analyse_options *o, ch_rows *rw,
                           mot_analysis *a)
{
    size_t ntp = f->ntp, nord;
    mot_kv *kv = mot_mem_alloc((rw->n + 1) * sizeof *kv);
    mot_kv *tmp = mot_mem_alloc((rw->n + 1) * sizeof *tmp);
    signed char *obad = NULL;
    mot_status st = MOT_ENOMEM;
    if (!kv || !tmp) {
        free(kv);
        free(tmp);
        return st;
    }
    size_t bad = survival_times(p, f, rw, kv, &nord);
    const mot_kv *s = mot_sort_kv(kv, tmp, nord);
    double *otime = (void *)(s == kv ? tmp : kv);
    int *oevent = (int *)(otime + nord);
    free(rw->row);
    rw->row = NULL;
    if ((obad = mot_mem_alloc(nord * ntp + 1))) {
        for (size_t k = 0; k < nord; k++) {
            size_t i = (size_t)(s[k].val & ~(UINT64_C(1) << 63));
            otime[k] = mot_key_double(s[k].key);
            oevent[k] = (int)(s[k].val >> 63);
            for (size_t t = 0; t < ntp; t++)
                obad[t * nord + k] = rw->bad[i * ntp + t];
        }
        sv_job j = {f, a, otime, oevent, obad, nord, (double)o->min_group};
        unsigned parts = mot_parallel_threads(o->threads, f->ntp);
        mot_parallel_run(parts, survival_part, &j);
        st = bad ? mot_analysis_note(a, "survival: %zu churner(s) without a "
                                        "usable churn_time left out", bad)
                 : MOT_OK;
    }
    free(obad);
    free(kv);
    free(tmp);
    return st;
}

/* ---- the part ----------------------------------------------------------- */

/* The churn model and the survival view (customers.csv has churn). */
static mot_status churn(const mot_project *p, const mot_features *f,
                        const mot_analyse_options *o, mot_analysis *a)
{
    ch_rows rw = {0, NULL, NULL};
    ch_model m = {0, NULL, NULL, 0, NULL, NULL, NULL};
    mot_status st = rows_and_rates(p, f, a, &rw);
    if (st == MOT_OK) {
        a->churn_n = rw.n;
        a->churners = 0;
        for (size_t i = 0; i < rw.n; i++)
            a->churners += churned_of(p, f, &rw, i);
        st = design(p, f, o, a, &rw, &m);
    }
    if (st == MOT_OK && m.q == 0)
        st = mot_analysis_note(a, "churn model not fitted: no touchpoint has "
                                  "%zu customers with a bad experience",
                               o->min_group);
    else if (st == MOT_OK && (st = drop_aliased(p, a, &m)) == MOT_OK)
        st = fit_model(o, &m, a);
    if (st == MOT_OK && p->customers->has_churn_time)
        st = survival(p, f, o, &rw, a);
    free(rw.row);
    free(rw.bad);
    free(m.tp);
    free(m.level);
    free(m.x);
    free(m.w);
    free(m.y);
    return st;
}

mot_status mot_analyse_churn(const mot_project *p, const mot_features *f,
                             const mot_analyse_options *o, mot_analysis *a,
                             mot_error *err)
{
    const mot_customers *cu = p->customers;
    mot_status st = MOT_OK;
    if (cu && (cu->has_nps || cu->has_overall))
        st = lift(p, f, o, a);
    else
        st = mot_analysis_note(a, "no NPS or overall score: no loyalty lift");
    if (st == MOT_OK && cu && cu->has_churned)
        st = churn(p, f, o, a);
    else if (st == MOT_OK)
        st = mot_analysis_note(a, "no churn column in customers.csv: no "
                                  "impact on churn");
    if (st == MOT_ENOMEM)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    return st;
}
