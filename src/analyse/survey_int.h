/*
** survey_int.h: what the survey analyses (kano.c, servqual.c) share:
** means with their t intervals, accumulated in the statistics core's
** mot_moments, and references to touchpoints (survey.c).
*/
#ifndef MOT_ANALYSE_SURVEY_INT_H
#define MOT_ANALYSE_SURVEY_INT_H

#include "mot/survey.h"

/* n empty one-variable accumulators in acc[0..n-1]: MOT_OK, or MOT_ENOMEM
** (err filled) with every acc[i] NULL. */
mot_status mot_est_new(mot_moments **acc, size_t n, mot_error *err);

/* Free the n accumulators (NULL entries are skipped). */
void mot_est_free(mot_moments **acc, size_t n);

/* Add x to m unless it is NAN. */
void mot_est_add(mot_moments *m, double x);

/* The mean of what m holds, its sample sd and its t interval at level:
** n = 0 gives a NAN mean, n < 2 a NAN sd and interval. */
void mot_est_finish(const mot_moments *m, double level, mot_estimate *e);

/* An estimate of nothing: n = 0, every number NAN. */
void mot_est_none(mot_estimate *e);

/* Point tp at blueprint row i (copying its id and name): MOT_OK or
** MOT_ENOMEM (err filled, tp unchanged). */
mot_status mot_survey_tp_set(mot_survey_tp *tp, const mot_blueprint *b,
                             size_t i, mot_error *err);

/* Free what tp holds; it then refers to no touchpoint. */
void mot_survey_tp_clear(mot_survey_tp *tp);

#endif /* MOT_ANALYSE_SURVEY_INT_H */
