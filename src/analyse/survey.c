/*
** survey.c: helpers shared by the KANO and SERVQUAL analyses.
**
** Means are accumulated in mot_moments of one variable (Welford's update,
** so they can be merged like every accumulator of the statistics core)
** and finished with the sample standard deviation (divisor n - 1) and
** Student's t interval mean -+ t_{(1+level)/2, n-1} sd / sqrt(n)
** (mot_mean_t_interval).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/survey_int.h"

mot_status mot_est_new(mot_moments **acc, size_t n, mot_error *err)
{
    for (size_t i = 0; i < n; i++)
        acc[i] = NULL;
    for (size_t i = 0; i < n; i++) {
        if (mot_moments_new(1, &acc[i]) != MOT_OK) {
            mot_est_free(acc, i);
            return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0,
                                 "out of memory");
        }
    }
    return MOT_OK;
}

void mot_est_free(mot_moments **acc, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        mot_moments_free(acc[i]);
        acc[i] = NULL;
    }
}

void mot_est_add(mot_moments *m, double x)
{
    if (!isnan(x))
        mot_moments_add(m, &x, 1);
}

void mot_est_none(mot_estimate *e)
{
    e->n = 0;
    e->mean = e->sd = e->lo = e->hi = NAN;
}

void mot_est_finish(const mot_moments *m, double level, mot_estimate *e)
{
    double var;
    mot_est_none(e);
    e->n = (size_t)mot_moments_rows(m);
    if (e->n == 0 || mot_moments_mean(m, &e->mean) != MOT_OK)
        return;
    if (e->n < 2 || mot_moments_cov(m, &var, 1) != MOT_OK)
        return;
    e->sd = sqrt(var > 0 ? var : 0);
    mot_mean_t_interval(e->mean, e->sd, (double)e->n, level, &e->lo, &e->hi);
}

mot_status mot_survey_tp_set(mot_survey_tp *tp, const mot_blueprint *b,
                             size_t i, mot_error *err)
{
    char *id = strdup(b->tp[i].id), *name = strdup(b->tp[i].name);
    if (!id || !name) {
        free(id);
        free(name);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    tp->index = (long)i;
    tp->id = id;
    tp->name = name;
    return MOT_OK;
}

void mot_survey_tp_clear(mot_survey_tp *tp)
{
    free(tp->id);
    free(tp->name);
    tp->index = -1;
    tp->id = tp->name = NULL;
}
