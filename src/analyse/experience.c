/*
** experience.c: the overall score by experience at each touchpoint, and
** what lifting the experience there is worth.
**
** Customers with an overall score and a rated score at touchpoint j are
** put in one of three groups by their worst score x there (tolerance T_j
** and target G_j from perf.c):
**     bad       x < T_j
**     adequate  T_j <= x < G_j       (all of x >= T_j without a target)
**     good      x >= G_j             (empty without a target, or G_j <= T_j)
** with group sizes n_k, means m_k and unbiased variances v_k of overall.
** Customers not met or not rated at j are in no group (docs/methods.md).
**
** The drop is Welch's (1947) comparison of the not-bad (adequate + good)
** and bad groups: mean(not bad) - mean(bad) with its interval and p.
**
** Gains, in points of the mean overall score of all N customers with an
** overall score, if every bad experience were lifted to tolerance (the
** bad group then scores like the adequate group) and if every experience
** were lifted to target (everyone then scores like the good group):
**     gain_tolerance = n_b (m_a - m_b) / N
**     gain_target    = [n_b (m_g - m_b) + n_a (m_g - m_a)] / N
** Each is a linear combination L = sum c_k m_k of independent group means,
** with Var L = sum c_k^2 v_k / n_k and Satterthwaite's (1946) degrees of
** freedom (sum c_k^2 v_k/n_k)^2 / sum (c_k^2 v_k/n_k)^2 / (n_k - 1); the
** interval is L -+ t_{1-alpha/2, df} sqrt(Var L). A group that enters an
** estimate needs at least min_group customers (else NAN); with no bad
** experience the gain to tolerance is exactly 0. The comparison is
** unadjusted: it assumes the groups differ only by the experience here
** (in the demo the touchpoints are independent by construction).
*/
#include <math.h>
#include <stdlib.h>

#include "analyse/internal.h"
#include "mot/stats.h"

enum { G_BAD, G_ADEQUATE, G_GOOD, G_COUNT };

/* n, mean and unbiased variance of one group. */
typedef struct group {
    double n, mean, var;
} group;

/* A linear combination of group means with its interval. */
typedef struct lincomb {
    double est, lo, hi;
} lincomb;

/* L = sum c[k] m_k with its interval at `level`; NAN if a group with a
** nonzero coefficient has fewer than min_n customers. */
static lincomb combine(const group *g, const double *c, double min_n,
                       double level)
{
    double est = 0, var = 0, dfden = 0;
    for (int k = 0; k < G_COUNT; k++) {
        if (c[k] == 0)
            continue;
        if (g[k].n < min_n || g[k].n < 2)
            return (lincomb){NAN, NAN, NAN};
        double v = c[k] * c[k] * g[k].var / g[k].n;
        est += c[k] * g[k].mean;
        var += v;
        dfden += v * v / (g[k].n - 1);
    }
    if (var == 0)
        return (lincomb){est, est, est};
    double half = mot_t_quantile(0.5 + level / 2, var * var / dfden) *
                  sqrt(var);
    return (lincomb){est, est - half, est + half};
}

/* Read the group statistics of one touchpoint's accumulators. */
static void read_groups(mot_moments *const *m, group *g)
{
    for (int k = 0; k < G_COUNT; k++) {
        g[k].n = (double)mot_moments_rows(m[k]);
        g[k].mean = g[k].var = NAN;
        if (g[k].n >= 1)
            mot_moments_mean(m[k], &g[k].mean);
        if (g[k].n >= 2)
            mot_moments_cov(m[k], &g[k].var, 1);
    }
}

/* The drop of touchpoint r: Welch's comparison of the not-bad (merged
** adequate and good accumulators) and bad groups, each needing min_n
** customers; left NAN otherwise. */
static void drop(mot_tp_result *r, mot_moments *const *m, const group *bad,
                 double min_n, double level)
{
    mot_moments *notbad;
    double nb, mean, var;
    mot_welch w;
    if (bad->n < min_n || mot_moments_new(1, &notbad) != MOT_OK)
        return;
    mot_moments_merge(notbad, m[G_ADEQUATE]);
    mot_moments_merge(notbad, m[G_GOOD]);
    nb = (double)mot_moments_rows(notbad);
    if (nb >= min_n && mot_moments_mean(notbad, &mean) == MOT_OK &&
        mot_moments_cov(notbad, &var, 1) == MOT_OK &&
        mot_welch_test(nb, mean, var, bad->n, bad->mean, bad->var, level,
                       &w) == MOT_OK) {
        r->overall_drop = w.diff;
        r->overall_drop_lo = w.lo;
        r->overall_drop_hi = w.hi;
        r->overall_drop_p = w.p;
    }
    mot_moments_free(notbad);
}

/* Fill touchpoint r's fields from its three accumulators; N customers
** have an overall score. */
static void finish_tp(mot_tp_result *r, mot_moments *const *m, double N,
                      double min_n, double level)
{
    group g[G_COUNT];
    lincomb l;
    read_groups(m, g);
    r->n_overall_bad = (size_t)g[G_BAD].n;
    r->n_overall_adequate = (size_t)g[G_ADEQUATE].n;
    r->n_overall_good = (size_t)g[G_GOOD].n;
    r->overall_bad = g[G_BAD].mean;
    r->overall_adequate = g[G_ADEQUATE].mean;
    r->overall_good = g[G_GOOD].mean;
    drop(r, m, &g[G_BAD], min_n, level);
    l = combine(g, (double[G_COUNT]){-g[G_BAD].n / N, g[G_BAD].n / N, 0},
                min_n, level);
    r->gain_tolerance = l.est;
    r->gain_tolerance_lo = l.lo;
    r->gain_tolerance_hi = l.hi;
    if (!(r->target > r->tolerance))
        return;
    l = combine(g, (double[G_COUNT]){-g[G_BAD].n / N, -g[G_ADEQUATE].n / N,
                                     (g[G_BAD].n + g[G_ADEQUATE].n) / N},
                min_n, level);
    r->gain_target = l.est;
    r->gain_target_lo = l.lo;
    r->gain_target_hi = l.hi;
}

/* The group of worst score x at touchpoint r. */
static int group_of(const mot_tp_result *r, double x)
{
    if (x < r->tolerance)
        return G_BAD;
    return r->target > r->tolerance && x >= r->target ? G_GOOD : G_ADEQUATE;
}

/* Add every customer with an overall score to the accumulators m (ntp x
** G_COUNT); *N counts them. */
static void accumulate(const mot_project *p, const mot_features *f,
                       const mot_analysis *a, mot_moments **m, double *N)
{
    const float *overall = p->customers->overall;
    *N = 0;
    for (size_t c = 0; c < f->ncustomers; c++) {
        int32_t row = f->customer_row[c];
        double y = row >= 0 ? overall[row] : NAN;
        if (isnan(y))
            continue;
        (*N)++;
        for (size_t t = 0; t < f->ntp; t++) {
            double x = f->worst[c * f->ntp + t];
            if (!isnan(x))
                mot_moments_add(m[t * G_COUNT + group_of(&a->tp[t], x)], &y,
                                1.0);
        }
    }
}

mot_status mot_analyse_experience(const mot_project *p,
                                  const mot_features *f,
                                  const mot_analyse_options *o,
                                  mot_analysis *a, mot_error *err)
{
    size_t nacc = f->ntp * G_COUNT, missing = 0;
    mot_moments **m;
    mot_status st = MOT_OK;
    double N;
    if (!p->customers || !p->customers->has_overall || !p->events)
        return mot_analysis_note(a, "no overall score and events: the "
                                    "overall score by experience is not "
                                    "estimated");
    if (!(m = calloc(nacc + 1, sizeof *m)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < nacc && st == MOT_OK; i++)
        st = mot_moments_new(1, &m[i]);
    if (st == MOT_OK) {
        accumulate(p, f, a, m, &N);
        for (size_t t = 0; t < f->ntp && N > 0; t++) {
            finish_tp(&a->tp[t], m + t * G_COUNT, N, (double)o->min_group,
                      1 - o->alpha);
            missing += a->tp[t].n_rated > 0 && isnan(a->tp[t].overall_drop);
        }
    }
    for (size_t i = 0; i < nacc; i++)
        mot_moments_free(m[i]);
    free(m);
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "out of memory");
    if (missing)
        return mot_analysis_note(a, "%zu rated touchpoint(s) have fewer "
                                    "than %zu customers with a bad or with "
                                    "a not-bad experience: their overall "
                                    "drop is not estimated",
                                 missing, o->min_group);
    return MOT_OK;
}
