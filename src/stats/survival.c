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
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"

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

mot_status mot_km_fit(const double *time, const int *event, size_t n,
                      mot_km **out, mot_error *err)
{
    obs *o = NULL;
    size_t m = 0;
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
        !(km->se = malloc(m * sizeof(double)))) {
        mot_km_free(km);
        free(o);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    double s = 1, gw = 0;
    size_t i = 0, k = 0;
    while (i < m) {
        double t = o[i].t, d = 0, c = 0, risk = (double)(m - i);
        while (i < m && o[i].t == t) {
            if (o[i].e)
                d++;
            else
                c++;
            i++;
        }
        if (d > 0) {
            s *= 1 - d / risk;
            gw = risk > d ? gw + d / (risk * (risk - d)) : INFINITY;
        }
        km->time[k] = t;
        km->n_risk[k] = risk;
        km->n_event[k] = d;
        km->n_censor[k] = c;
        km->surv[k] = s;
        km->se[k] = s > 0 ? s * sqrt(gw) : NAN;
        k++;
    }
    km->k = k;
    free(o);
    *out = km;
    return MOT_OK;
}

double mot_km_surv_at(const mot_km *km, double t)
{
    double s = 1;
    for (size_t i = 0; i < km->k && km->time[i] <= t; i++)
        s = km->surv[i];
    return s;
}

mot_status mot_logrank_test(const double *time, const int *event,
                            const int *group, size_t n, mot_logrank *res,
                            mot_error *err)
{
    obs *o = NULL;
    size_t m = 0;
    if (!group)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "no groups");
    mot_status st = collect(time, event, group, n, &o, &m, err);
    if (st != MOT_OK)
        return st;
    memset(res, 0, sizeof *res);
    double risk[2] = {0, 0};
    for (size_t i = 0; i < m; i++)
        risk[o[i].g]++;
    res->n[0] = risk[0];
    res->n[1] = risk[1];
    double e0 = 0, v = 0, dtot = 0;
    size_t i = 0;
    while (i < m) {
        double t = o[i].t, d[2] = {0, 0}, left[2] = {0, 0};
        while (i < m && o[i].t == t) {
            d[o[i].g] += o[i].e;
            left[o[i].g]++;
            i++;
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
    free(o);
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
