/*
** mot/charts.h: the report's charts, drawn from a moment-of-truth
** analysis with the chart module (mot/svg.h), one SVG document each.
**
** Charts only draw numbers the analysis holds (means and their intervals,
** importances, rates either side of a tolerance line, R² of the peak-end
** models, KANO Better and Worse, SERVQUAL gaps and zone of tolerance);
** they compute no statistic. Each is a complete SVG document with its own
** style sheet, so it stands alone (golden files) and can be put inline in
** the HTML report (html.c), whose own classes do not collide with the
** charts' ("c-" prefixed). Text is laid out with the chart module's width
** estimate: names too wide for their room are cut with "…" and shown whole
** in a tooltip (<title>).
**
** The charts (docs/report.md describes each):
**   curve       the journey's emotion curve: touchpoints in blueprint
**               order, mean score with its interval, tolerance band and
**               target, stages shaded, worst/best/end moments marked;
**   ipa         importance against performance, bubble area = reach;
**   importance  importance bars with their intervals;
**   tolerance   one panel per tolerance line: the outcome rate within and
**               beyond the line, the line marked;
**   peak_end    cross-validated R² of the mean, peak-end and primacy
**               models;
**   kano        the KANO Better-Worse scatter with quadrant labels;
**   servqual    SERVQUAL gap bars per dimension with the zone of tolerance.
**
** Every function returns MOT_OK after writing its chart to f; MOT_ENOENT,
** having written nothing, when the analysis holds nothing to draw; MOT_EIO
** when a write failed; MOT_ENOMEM.
*/
#ifndef MOT_CHARTS_H
#define MOT_CHARTS_H

#include <stdio.h>
#include "mot/analyse.h"
#include "mot/project.h"
#include "mot/report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef mot_status (*mot_chart_fn)(FILE *f, const mot_project *p,
                                   const mot_analysis *a, mot_lang lang);

mot_status mot_chart_curve(FILE *f, const mot_project *p,
                           const mot_analysis *a, mot_lang lang);
mot_status mot_chart_ipa(FILE *f, const mot_project *p,
                         const mot_analysis *a, mot_lang lang);
mot_status mot_chart_importance(FILE *f, const mot_project *p,
                                const mot_analysis *a, mot_lang lang);
mot_status mot_chart_tolerance(FILE *f, const mot_project *p,
                               const mot_analysis *a, mot_lang lang);
mot_status mot_chart_peak_end(FILE *f, const mot_project *p,
                              const mot_analysis *a, mot_lang lang);
mot_status mot_chart_kano(FILE *f, const mot_project *p,
                          const mot_analysis *a, mot_lang lang);
mot_status mot_chart_servqual(FILE *f, const mot_project *p,
                              const mot_analysis *a, mot_lang lang);

/* The chart of id ("curve", "ipa", ... as above); NULL for an unknown id. */
mot_chart_fn mot_chart_find(const char *id);

#ifdef __cplusplus
}
#endif
#endif /* MOT_CHARTS_H */
