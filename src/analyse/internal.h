/*
** internal.h: how the parts of the moment-of-truth engine fit together.
**
** mot_analyse (analyse.c) allocates the mot_analysis, fills the
** touchpoint performance (perf.c), then calls the parts below in order,
** each filling its own fields of the result, then the overall score by
** experience (experience.c), the peak-end comparison (peakend.c) and
** finally typing, ranking and recommendations (typing.c),
** which read what the others computed; beside the engine, the
** touchpoints' importance-performance grid and the survey instruments
** (instruments.c). Each part leaves its fields NAN (or
** found = 0) where the data cannot support an estimate, and says why with
** mot_analysis_note.
*/
#ifndef MOT_ANALYSE_INTERNAL_H
#define MOT_ANALYSE_INTERNAL_H

#include "mot/analyse.h"

/* Append a plain-English caveat to a->notes (printf-formatted). Returns
** MOT_ENOMEM (notes unchanged) if a malloc fails. */
mot_status mot_analysis_note(mot_analysis *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* perf.c: n, n_rated, n_customers, reach, mean/sd/interval, tolerance,
** below_tolerance with its interval. */
mot_status mot_analyse_perf(const mot_project *p, const mot_features *f,
                            const mot_analyse_options *o, mot_analysis *a,
                            mot_error *err);

/* impact.c: importance on the overall score (importance*, overall_r2,
** overall_n, importance_method, interval_method). */
mot_status mot_analyse_overall(const mot_project *p, const mot_features *f,
                               const mot_analyse_options *o, mot_analysis *a,
                               mot_error *err);

/* churn.c: odds_ratio .. churn_flags, the loyalty lift (lift*), churn_n,
** churners. */
mot_status mot_analyse_churn(const mot_project *p, const mot_features *f,
                             const mot_analyse_options *o, mot_analysis *a,
                             mot_error *err);

/* tolerance.c: each touchpoint's strongest tolerance line (line). */
mot_status mot_analyse_tolerance(const mot_project *p, const mot_features *f,
                                 const mot_analyse_options *o,
                                 mot_analysis *a, mot_error *err);

/* experience.c: the overall score by experience (overall_bad ..
** gain_target_hi). */
mot_status mot_analyse_experience(const mot_project *p,
                                  const mot_features *f,
                                  const mot_analyse_options *o,
                                  mot_analysis *a, mot_error *err);

/* peakend.c: peak_end. */
mot_status mot_analyse_peak_end(const mot_project *p, const mot_features *f,
                                const mot_analyse_options *o,
                                mot_analysis *a, mot_error *err);

/* typing.c: kind, priority, expected_effect, moments, recs. */
mot_status mot_analyse_typing(const mot_project *p, const mot_features *f,
                              const mot_analyse_options *o, mot_analysis *a,
                              mot_error *err);

/* instruments.c: the touchpoints' importance-performance grid (ipa of
** the analysis and of each touchpoint), from importance and mean. */
mot_status mot_analyse_ipa(const mot_project *p, const mot_features *f,
                           const mot_analyse_options *o, mot_analysis *a,
                           mot_error *err);

/* instruments.c: kano and servqual, the project's survey results. */
mot_status mot_analyse_surveys(const mot_project *p, const mot_features *f,
                               const mot_analyse_options *o,
                               mot_analysis *a, mot_error *err);

/* behaviour.c: the front-line behaviour of interactions.csv (a->behaviour;
** a note when the file holds nothing to analyse). */
mot_status mot_analyse_behaviour(const mot_project *p, const mot_features *f,
                                 const mot_analyse_options *o,
                                 mot_analysis *a, mot_error *err);

#endif /* MOT_ANALYSE_INTERNAL_H */
