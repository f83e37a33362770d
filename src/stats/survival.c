/*
** survival.c: the Kaplan-Meier estimator with Greenwood's variance, and
** the two-group log-rank test.
**
** Kaplan & Meier (1958): at each distinct time t_i with n_i at risk and
** d_i events, S(t) = prod_{t_i <= t} (1 - d_i/n_i). Greenwood (1926):
**     Var S(t) = S(t)^2 sum_{t_i <= t} d_i / (n_i (n_i - d_i)),
** undefined (NAN) once S = 0. Censored rows count as at risk at their own
** time (events before censorings on ties), as usual.
**
** Log-rank (Mantel 1966; Peto & Peto 1972) as in R's survdiff with rho =
** 0: at each event time, with n = n0 + n1 at risk and d events,
**     E0 += d n0 / n,   V += d (n0/n)(1 - n0/n)(n - d)/(n - 1),
** and X^2 = (O0 - E0)^2 / V on 1 degree of freedom.
**
** Both estimators walk rows in time order in one loop each (km_walk,
** logrank_walk), shared by the public functions (which copy, check and
** sort the rows first) and by the ordered variants of survival_int.h,
** which take rows the caller keeps in time order and a group per row
** (-1: left out), so that many subsets of the same rows need no copies.
*/
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"
#include "stats/survival_int.h"

typedef struct obs {
    double t;
    int e, g;
} obs;

static int cmp_obs(const void *a, const void *b)
{
    double x = ((const obs *)a)->t, y = ((const obs *)b)->t;
    return (x > y) - (x < y);
}

/* Copy, check and sort the usable rows (unless they come in time order
** already); *k receives their number. Only the rows' grouping by equal
** time matters to the estimators, so the order of ties does not. */
static mot_status collect(const double *time, const int *event,
                          const int *group, size_t n, obs **out, size_t *k,
                          mot_error *err)
{
    obs *o = malloc((n ? n : 1) * sizeof *o);
    if (!o)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    size_t m = 0;
    int sorted = 1;
    for (size_t i = 0; i < n; i++) {
        if (isnan(time[i]))
            continue;
        if (!(time[i] >= 0) || isinf(time[i]) ||
            (event[i] != 0 && event[i] != 1) ||
            (group && group[i] != 0 && group[i] != 1)) {
            free(o);
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                 "row %zu: need time >= 0, event 0/1%s", i,
                                 group ? ", group 0/1" : "");
        }
        o[m].t = time[i];
        o[m].e = event[i];
        o[m].g = group ? group[i] : 0;
        sorted = sorted && (m == 0 || o[m - 1].t <= o[m].t);
        m++;
    }
    if (m == 0) {
        free(o);
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0, "no usable rows");
    }
    if (!sorted)
        qsort(o, m, sizeof *o, cmp_obs);
    *out = o;
    *k = m;
    return MOT_OK;
}

void mot_km_free(mot_km *km)
{
    if (!km)
        return;
    free(km->time);
    free(km->n_risk);
    free(km->n_event);
    free(km->n_censor);
    free(km->surv);
    free(km->se);
    free(km);
}

/* Kaplan-Meier over the rows i of t, e (time order) with g[i] == which
** (g NULL: every row), m of them: the steps into km's arrays when km is
** not NULL (room for m; km->k set), and the median returned: the first
** time at which S <= 0.5, NAN if S stays above. */
static double km_walk(const double *t, const int *e, const signed char *g,
                      int which, size_t n, size_t m, mot_km *km)
{
    double s = 1, gw = 0, median = NAN;
    size_t i = 0, done = 0, k = 0;
    while (i < n) {
        if (g && g[i] != which) {
            i++;
            continue;
        }
        double ti = t[i], d = 0, c = 0, risk = (double)(m - done);
        for (; i < n && t[i] == ti; i++) {
            if (g && g[i] != which)
                continue;
            if (e[i])
                d++;
            else
                c++;
            done++;
        }
        if (d > 0) {
            s *= 1 - d / risk;
            gw = risk > d ? gw + d / (risk * (risk - d)) : INFINITY;
        }
        if (s <= 0.5 && isnan(median))
            median = ti;
        if (km) {
            km->time[k] = ti;
            km->n_risk[k] = risk;
            km->n_event[k] = d;
            km->n_censor[k] = c;
            km->surv[k] = s;
            km->se[k] = s > 0 ? s * sqrt(gw) : NAN;
        }
        k++;
    }
    if (km)
        km->k = k;
    return median;
}

/* The rows of o (m of them) as arrays t, e, g (g may be NULL); 0 on
** ENOMEM (nothing left allocated). */
static int split(const obs *o, size_t m, double **t, int **e,
                 signed char **g)
{
    *t = malloc(m * sizeof **t);
    *e = malloc(m * sizeof **e);
    if (g)
        *g = malloc(m);
    if (!*t || !*e || (g && !*g)) {
        free(*t);
        free(*e);
        if (g)
            free(*g);
        return 0;
    }
    for (size_t i = 0; i < m; i++) {
        (*t)[i] = o[i].t;
        (*e)[i] = o[i].e;
        if (g)
            (*g)[i] = (signed char)o[i].g;
    }
    return 1;
}

mot_status mot_km_fit(const double *time, const int *event, size_t n,
                      mot_km **out, mot_error *err)
{
    obs *o = NULL;
    size_t m = 0;
    double *t = NULL;
    int *e = NULL;
    *out = NULL;
    mot_status st = collect(time, event, NULL, n, &o, &m, err);
    if (st != MOT_OK)
        return st;
    mot_km *km = calloc(1, sizeof *km);
    if (!km || !(km->time = malloc(m * sizeof(double))) ||
        !(km->n_risk = malloc(m * sizeof(double))) ||
        !(km->n_event = malloc(m * sizeof(double))) ||
        !(km->n_censor = malloc(m * sizeof(double))) ||
        !(km->surv = malloc(m * sizeof(double))) ||
        !(km->se = malloc(m * sizeof(double))) ||
        !split(o, m, &t, &e, NULL)) {
        mot_km_free(km);
        free(o);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    free(o);
    km_walk(t, e, NULL, 0, m, m, km);
    free(t);
    free(e);
    *out = km;
    return MOT_OK;
}

double mot_km_median_ordered(const double *time, const int *event,
                             const signed char *group, int which, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        assert(i == 0 || time[i - 1] <= time[i]);
        m += !group || group[i] == which;
    }
    return m ? km_walk(time, event, group, which, n, m, NULL) : NAN;
}

double mot_km_surv_at(const mot_km *km, double t)
{
    double s = 1;
    for (size_t i = 0; i < km->k && km->time[i] <= t; i++)
        s = km->surv[i];
    return s;
}

/* The log-rank test of the rows of t, e (time order) with g[i] 0 or 1
** (-1: left out), into res; MOT_EDATA as mot_logrank_test. */
static mot_status logrank_walk(const double *t, const int *e,
                               const signed char *g, size_t n,
                               mot_logrank *res, mot_error *err)
{
    memset(res, 0, sizeof *res);
    double risk[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
        if (g[i] >= 0)
            risk[g[i]]++;
    res->n[0] = risk[0];
    res->n[1] = risk[1];
    double e0 = 0, v = 0, dtot = 0;
    size_t i = 0;
    while (i < n) {
        if (g[i] < 0) {
            i++;
            continue;
        }
        double ti = t[i], d[2] = {0, 0}, left[2] = {0, 0};
        for (; i < n && t[i] == ti; i++) {
            if (g[i] < 0)
                continue;
            d[g[i]] += e[i];
            left[g[i]]++;
        }
        double dd = d[0] + d[1], nn = risk[0] + risk[1];
        if (dd > 0) {
            double f = risk[0] / nn;
            e0 += dd * f;
            if (nn > 1)
                v += dd * f * (1 - f) * (nn - dd) / (nn - 1);
            res->observed[0] += d[0];
            res->observed[1] += d[1];
            dtot += dd;
        }
        risk[0] -= left[0];
        risk[1] -= left[1];
    }
    if (res->n[0] == 0 || res->n[1] == 0 || dtot == 0 || !(v > 0))
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "log-rank needs rows in both groups and at "
                             "least one event");
    res->expected[0] = e0;
    res->expected[1] = dtot - e0;
    res->var = v;
    double diff = res->observed[0] - e0;
    res->stat = diff * diff / v;
    res->p = mot_chisq_sf(res->stat, 1);
    return MOT_OK;
}

mot_status mot_logrank_test(const double *time, const int *event,
                            const int *group, size_t n, mot_logrank *res,
                            mot_error *err)
{
    obs *o = NULL;
    size_t m = 0;
    double *t;
    int *e;
    signed char *g;
    if (!group)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "no groups");
    mot_status st = collect(time, event, group, n, &o, &m, err);
    if (st != MOT_OK)
        return st;
    int ok = split(o, m, &t, &e, &g);
    free(o);
    if (!ok)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    st = logrank_walk(t, e, g, m, res, err);
    free(t);
    free(e);
    free(g);
    return st;
}

mot_status mot_logrank_ordered(const double *time, const int *event,
                               const signed char *group, size_t n,
                               mot_logrank *res, mot_error *err)
{
    for (size_t i = 0; i < n; i++)
        assert((i == 0 || time[i - 1] <= time[i]) && time[i] >= 0 &&
               (event[i] == 0 || event[i] == 1) && group[i] >= -1 &&
               group[i] <= 1);
    return logrank_walk(time, event, group, n, res, err);
}
