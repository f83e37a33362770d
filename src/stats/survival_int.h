/*
** survival_int.h: the survival estimators of survival.c on rows the
** caller keeps in time order (not public). The caller runs many of them
** over subsets of the same rows (one per touchpoint, and per group), so
** the rows are neither copied nor checked again: a subset is a group per
** row, -1 for rows left out. The numbers are those of mot_km_fit and
** mot_logrank_test on the rows kept.
*/
#ifndef MOT_STATS_SURVIVAL_INT_H
#define MOT_STATS_SURVIVAL_INT_H

#include <stddef.h>

#include "mot/error.h"
#include "mot/stats.h"

/* The Kaplan-Meier median (the first time at which S <= 0.5, NAN if S
** stays above or no row is kept) of the rows with group[i] == which
** (group NULL: every row). time must be ascending, finite and >= 0 and
** event 0 or 1 (asserted). Never fails. */
double mot_km_median_ordered(const double *time, const int *event,
                             const signed char *group, int which, size_t n);

/* mot_logrank_test of the rows with group[i] 0 or 1 (-1: left out), time
** and event as for mot_km_median_ordered (asserted). MOT_EDATA if a group
** is empty or there is no event. */
mot_status mot_logrank_ordered(const double *time, const int *event,
                               const signed char *group, size_t n,
                               mot_logrank *res, mot_error *err);

#endif /* MOT_STATS_SURVIVAL_INT_H */
