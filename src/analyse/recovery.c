/*
** recovery.c: service recovery and the recovery paradox (the recovery
** part of mot_tickets_analyse).
**
** A ticket is a failure. It is recovered when it was resolved within the
** standard (sla_hours of its touchpoint, or of its customer's tier) and
** its satisfaction afterwards is at least the touchpoint's tolerance (the
** tier's tolerance_<tier> when the blueprint gives one, else tolerance,
** else the scale's neutral point); it is not recovered when it missed the
** standard (late, or open past it) or was rated below that level; else
** (no standard, open inside it, or resolved in time but not rated) it is
** not judged. Recovery rate = recovered / judged tickets, Wilson interval.
**
** Customers of customers.csv fall in three groups: no failure (no
** ticket), not recovered (some ticket not recovered), recovered (every
** ticket judged and recovered); the rest (a ticket not judged, none
** failed) are left out. The groups are compared two by two
** (recovered - no failure, not recovered - no failure, recovered - not
** recovered) on:
**   overall  mean, t interval; Welch's t test of the difference, Cohen's
**            d = diff / sqrt(((n1-1) v1 + (n2-1) v2) / (n1 + n2 - 2));
**   nps      NPS = p_P - p_D with its Wald interval (METHODS-NOTES 7); the
**            difference by Welch's t test on the answers scored +1, 0, -1
**            (their mean is the NPS, their unbiased variance
**            n/(n-1) (p_P + p_D - NPS^2)); Cohen's d as above;
**   churn    rate with Wilson's interval; difference with Newcombe's
**            (1998, method 10) hybrid score interval
**            d -+ sqrt((p1 - l1)^2 + (u2 - p2)^2) (lower) and
**            sqrt((u1 - p1)^2 + (p2 - l2)^2) (upper), Pearson's 2x2
**            chi-square test (no continuity correction).
** A pair is compared only when both groups have min_group customers with
** the outcome. Holm's method adjusts all p-values together. Following
** METHODS-NOTES 8, a paradox is reported only when the recovered are
** better than the customers without a failure (higher overall or NPS,
** lower churn) with a Holm-adjusted p < alpha.
**
** Tolerance line: churn against a customer's longest hours to resolve a
** ticket, by the maximally selected chi-square of the MOT engine's lines
** (lines.c), kept only when churn is higher beyond the line and the
** adjusted p < alpha.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/shared.h"
#include "analyse/tickets_int.h"
#include "core/mem.h"

const char *mot_tk_group_name(int g)
{
    static const char *const names[MOT_TK_NGROUPS] = {
        "recovered", "no_failure", "not_recovered"};
    return g >= 0 && g < MOT_TK_NGROUPS ? names[g] : "";
}

/* Customer flags while reading tickets. */
enum { C_TICKET = 1, C_FAILED = 2, C_UNJUDGED = 4 };

/* A group's outcome summary: n, mean and unbiased variance (for NPS of
** the +1/0/-1 scores), events (churn). */
typedef struct grp_sum {
    double n, mean, var, events;
} grp_sum;

/* Recovered (1), not (0) or not judged (-1): ticket i of p. */
static int recovered(const mot_project *p, const mot_tk_table *t, size_t i)
{
    const mot_tickets *k = p->tickets;
    if (t->resolution_ok[i] != 1)
        return t->resolution_ok[i];
    double sat = k->satisfaction ? (double)k->satisfaction[i] : NAN;
    if (isnan(sat))
        return -1;
    double tol = NAN;
    if (t->tiers && t->tier[i] != MOT_NONE)
        tol = mot_blueprint_tier_value(&p->blueprint, MOT_TIER_TOLERANCE,
                                       t->tiers->name[t->tier[i]],
                                       k->touchpoint[i]);
    if (isnan(tol))
        tol = p->blueprint.tp[k->touchpoint[i]].tolerance;
    if (isnan(tol))
        tol = p->config.scale.neutral;
    return sat >= tol;
}

/* Mean, variance and interval of the overall score per group. */
static mot_status overall_stats(const mot_customers *c, const int *group,
                                double level, mot_tk_recovery *rec,
                                grp_sum *sum)
{
    for (int g = 0; g < MOT_TK_NGROUPS; g++) {
        mot_moments *m;
        mot_tk_outcome_stat *s = &rec->overall[g];
        s->value = s->lo = s->hi = NAN;
        sum[g] = (grp_sum){0, NAN, NAN, NAN};
        if (mot_moments_new(1, &m) != MOT_OK)
            return MOT_ENOMEM;
        for (size_t r = 0; r < c->n; r++)
            if (group[r] == g && !isnan(c->overall[r])) {
                double x = c->overall[r];
                mot_moments_add(m, &x, 1);
            }
        s->n = (size_t)mot_moments_rows(m);
        sum[g].n = (double)s->n;
        if (s->n > 0) {
            mot_moments_mean(m, &s->value);
            sum[g].mean = s->value;
        }
        if (s->n > 1) {
            mot_moments_cov(m, &sum[g].var, 1);
            mot_mean_t_interval(s->value, sqrt(sum[g].var), sum[g].n, level,
                                &s->lo, &s->hi);
        }
        mot_moments_free(m);
    }
    return MOT_OK;
}

/* NPS per group. */
static mot_status nps_stats(const mot_customers *c, const int *group,
                            double level, mot_tk_recovery *rec, grp_sum *sum)
{
    double *v = mot_mem_alloc((c->n ? c->n : 1) * sizeof *v);
    if (!v)
        return MOT_ENOMEM;
    for (int g = 0; g < MOT_TK_NGROUPS; g++) {
        mot_tk_outcome_stat *s = &rec->nps[g];
        size_t m = 0;
        for (size_t r = 0; r < c->n; r++)
            if (group[r] == g && !isnan(c->nps[r]))
                v[m++] = c->nps[r];
        mot_nps res;
        mot_error e;
        s->n = 0;
        s->value = s->lo = s->hi = NAN;
        sum[g] = (grp_sum){0, NAN, NAN, NAN};
        if (m == 0 || mot_nps_compute(v, m, &res, &e) != MOT_OK)
            continue;
        s->n = (size_t)res.n;
        s->value = res.nps;
        mot_nps_wald(&res, level, &s->lo, &s->hi);
        sum[g].n = (double)res.n;
        sum[g].mean = res.nps;
        if (res.n > 1)
            sum[g].var = res.var * (double)res.n / (double)(res.n - 1);
    }
    free(v);
    return MOT_OK;
}

/* Churn rate per group. */
static void churn_stats(const mot_customers *c, const int *group,
                        double level, mot_tk_recovery *rec, grp_sum *sum)
{
    for (int g = 0; g < MOT_TK_NGROUPS; g++) {
        mot_tk_outcome_stat *s = &rec->churn[g];
        double n = 0, e = 0;
        for (size_t r = 0; r < c->n; r++)
            if (group[r] == g && c->churned[r] >= 0) {
                n++;
                e += c->churned[r];
            }
        s->n = (size_t)n;
        s->value = s->lo = s->hi = NAN;
        sum[g] = (grp_sum){n, NAN, NAN, e};
        if (n > 0) {
            s->value = sum[g].mean = e / n;
            mot_prop_wilson(e, n, level, &s->lo, &s->hi);
        }
    }
}

/* Compare groups a - b on outcome `name`; churn when is_rate. Returns 0
** when the pair is not compared. */
static int compare(const char *name, int is_rate, const grp_sum *sum,
                   const mot_tk_outcome_stat *st, int a, int b,
                   double level, size_t min_group, mot_tk_compare *out)
{
    const grp_sum *x = &sum[a], *y = &sum[b];
    if (x->n < (double)min_group || y->n < (double)min_group)
        return 0;
    memset(out, 0, sizeof *out);
    snprintf(out->outcome, sizeof out->outcome, "%s", name);
    snprintf(out->groups, sizeof out->groups, "%s-%s", mot_tk_group_name(a),
             mot_tk_group_name(b));
    out->first = a;
    out->second = b;
    out->diff = x->mean - y->mean;
    out->lo = out->hi = out->statistic = out->p = out->p_holm = NAN;
    out->cohen_d = NAN;
    if (is_rate) {
        const mot_tk_outcome_stat *s1 = &st[a], *s2 = &st[b];
        out->lo = out->diff - hypot(s1->value - s1->lo, s2->hi - s2->value);
        out->hi = out->diff + hypot(s1->hi - s1->value, s2->value - s2->lo);
        out->statistic = mot_chisq_2x2(x->events, x->n - x->events,
                                       y->events, y->n - y->events);
        out->p = mot_chisq_sf(out->statistic, 1);
        return 1;
    }
    mot_welch w;
    if (mot_welch_test(x->n, x->mean, x->var, y->n, y->mean, y->var, level,
                       &w) != MOT_OK)
        return 1;
    out->lo = w.lo;
    out->hi = w.hi;
    out->statistic = w.t;
    out->p = w.p;
    double pooled = ((x->n - 1) * x->var + (y->n - 1) * y->var) /
                    (x->n + y->n - 2);
    if (pooled > 0)
        out->cohen_d = out->diff / sqrt(pooled);
    return 1;
}

/* The three pairs on each outcome, Holm, and the paradox verdict. */
static mot_status compare_all(const mot_customers *c, const int *group,
                              const mot_tickets_options *o,
                              mot_tk_recovery *rec)
{
    static const int pairs[3][2] = {
        {MOT_TK_RECOVERED, MOT_TK_NO_FAILURE},
        {MOT_TK_NOT_RECOVERED, MOT_TK_NO_FAILURE},
        {MOT_TK_RECOVERED, MOT_TK_NOT_RECOVERED}};
    grp_sum sum[3][MOT_TK_NGROUPS];
    const char *names[3] = {"overall", "nps", "churn"};
    int has[3] = {c->has_overall, c->has_nps, c->has_churned};
    const mot_tk_outcome_stat *st[3] = {rec->overall, rec->nps, rec->churn};
    if ((has[0] && overall_stats(c, group, o->level, rec, sum[0])) ||
        (has[1] && nps_stats(c, group, o->level, rec, sum[1])))
        return MOT_ENOMEM;
    if (has[2])
        churn_stats(c, group, o->level, rec, sum[2]);
    if (!(rec->cmp = calloc(9, sizeof *rec->cmp)))
        return MOT_ENOMEM;
    for (int k = 0; k < 3; k++)
        for (int q = 0; has[k] && q < 3; q++)
            rec->ncmp += (size_t)compare(names[k], k == 2, sum[k], st[k],
                                         pairs[q][0], pairs[q][1], o->level,
                                         o->min_group, &rec->cmp[rec->ncmp]);
    double p[9], adj[9];
    for (size_t i = 0; i < rec->ncmp; i++)
        p[i] = rec->cmp[i].p;
    if (mot_p_holm(p, rec->ncmp, adj) != MOT_OK)
        return MOT_ENOMEM;
    for (size_t i = 0; i < rec->ncmp; i++) {
        mot_tk_compare *m = &rec->cmp[i];
        m->p_holm = adj[i];
        int better = strcmp(m->outcome, "churn") == 0 ? m->diff < 0
                                                      : m->diff > 0;
        if (strcmp(m->groups, "recovered-no_failure") == 0 && better &&
            m->p_holm < o->alpha)
            rec->paradox = 1;
    }
    return MOT_OK;
}

/* Churn against each customer's longest hours to resolve. */
static mot_status resolution_line(const mot_project *p, const double *hours,
                                  const mot_tickets_options *o,
                                  mot_tk_recovery *rec, mot_error *err)
{
    const mot_customers *c = p->customers;
    double *x = mot_mem_alloc((c->n ? c->n : 1) * 2 * sizeof *x);
    if (!x)
        return MOT_ENOMEM;
    double *y = x + c->n;
    for (size_t r = 0; r < c->n; r++) {
        x[r] = hours[c->customer[r]];
        y[r] = c->churned[r] >= 0 ? c->churned[r] : NAN;
    }
    mot_line_opts lo = {o->min_group, 0.1, 0, 1};
    mot_line_scan s;
    mot_status st = mot_line_scan_run(x, y, c->n, &lo, "resolution_hours",
                                      "churn", +1, &s, err);
    if (st == MOT_OK)
        st = mot_line_family(&s, 1, o->alpha);
    if (st == MOT_OK)
        rec->line = s.line;
    free(x);
    return st;
}

mot_status mot_tk_recovery_run(const mot_project *p, const mot_tk_table *t,
                               const mot_tickets_options *o,
                               mot_tickets_result *r, mot_error *err)
{
    const mot_tickets *k = p->tickets;
    mot_tk_recovery *rec = &r->recovery;
    size_t nc = mot_strtab_count(p->customer_ids), judged = 0, ok = 0;
    uint8_t *flags = mot_mem_calloc(nc ? nc : 1, 1);
    double *hours = mot_mem_alloc((nc ? nc : 1) * sizeof *hours);
    int *group = NULL;
    mot_status st = MOT_ENOMEM;
    for (int g = 0; g < MOT_TK_NGROUPS; g++) {
        mot_tk_outcome_stat *s[3] = {&rec->overall[g], &rec->nps[g],
                                     &rec->churn[g]};
        for (int j = 0; j < 3; j++)
            *s[j] = (mot_tk_outcome_stat){0, NAN, NAN, NAN};
    }
    if (!flags || !hours)
        goto done;
    for (size_t i = 0; i < nc; i++)
        hours[i] = NAN;
    for (size_t i = 0; i < k->n; i++) {
        int v = recovered(p, t, i);
        uint32_t cu = k->customer[i];
        judged += v >= 0;
        ok += v == 1;
        flags[cu] |= C_TICKET | (v == 0 ? C_FAILED : 0) |
                     (v < 0 ? C_UNJUDGED : 0);
        if (!isnan(t->resolution_h[i]) &&
            !(hours[cu] >= t->resolution_h[i]))
            hours[cu] = t->resolution_h[i];
    }
    mot_tk_share_fill(&rec->rate, ok, judged, o->level);
    st = MOT_OK;
    if (!k->satisfaction)
        st = mot_tk_note(r, "tickets.csv has no satisfaction column: no "
                         "ticket counts as recovered");
    const mot_customers *c = p->customers;
    if (st != MOT_OK || !c) {
        if (st == MOT_OK)
            st = mot_tk_note(r, "no customers.csv: the recovery groups "
                             "are not compared");
        goto done;
    }
    if (!(group = mot_mem_alloc((c->n ? c->n : 1) * sizeof *group))) {
        st = MOT_ENOMEM;
        goto done;
    }
    for (size_t row = 0; row < c->n; row++) {
        uint8_t f = flags[c->customer[row]];
        group[row] = !f ? MOT_TK_NO_FAILURE
                     : f & C_FAILED ? MOT_TK_NOT_RECOVERED
                     : f & C_UNJUDGED ? -1 : MOT_TK_RECOVERED;
        if (group[row] >= 0)
            rec->customers[group[row]]++;
    }
    st = compare_all(c, group, o, rec);
    if (st == MOT_OK && c->has_churned)
        st = resolution_line(p, hours, o, rec, err);
done:
    free(flags);
    free(hours);
    free(group);
    return st;
}
