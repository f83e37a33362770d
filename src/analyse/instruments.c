/*
** instruments.c: the last parts of mot_analyse, beside the engine: the
** touchpoints' importance-performance grid and the project's survey
** instruments, so that one mot_analysis holds everything `mot analyze`
** reports and the report code computes nothing.
**
** The grid (Martilla & James 1977; mot_ipa_classify, docs/methods.md
** §25) puts each touchpoint's importance (its part of the explained
** variance of the overall score, from the engine) against its performance
** (its mean score). Touchpoints without both are left out. The crosshair
** is at the means over the touchpoints classified or, with the option
** ipa_midpoint, at the scale midpoint for performance and still at the
** mean for importance: a share of explained variance has no scale, and
** its mean is the equal share. Scaling importance by R² to a share of the
** explained variance changes no quadrant, so the engine's importance is
** used as it is.
**
** The survey instruments are mot_kano_analyse on kano.csv and
** mot_servqual_analyse on servqual.csv (with servqual_weights.csv), with
** their default options and the blueprint, which ties KANO features
** (blueprint kano_feature, kano.csv touchpoint) and SERVQUAL dimensions
** (blueprint servqual_dimension) to touchpoints. A file that holds nothing
** to analyse (no answer with a rating) is noted, not an error.
*/
#include <math.h>
#include <stdlib.h>

#include "analyse/internal.h"

mot_status mot_analyse_ipa(const mot_project *p, const mot_features *f,
                           const mot_analyse_options *o, mot_analysis *a,
                           mot_error *err)
{
    size_t n = a->ntp ? a->ntp : 1;
    double *importance = malloc(n * sizeof *importance);
    double *performance = malloc(n * sizeof *performance);
    mot_ipa_quadrant *quadrant = malloc(n * sizeof *quadrant);
    mot_status st = MOT_ENOMEM;
    (void)f;
    if (importance && performance && quadrant) {
        for (size_t t = 0; t < a->ntp; t++) {
            importance[t] = a->tp[t].importance;
            performance[t] = a->tp[t].mean;
        }
        st = mot_ipa_classify(importance, performance, a->ntp, NULL,
                              quadrant, &a->ipa, err);
        if (st == MOT_OK && o->ipa_midpoint) {
            mot_ipa_options at = {1, a->ipa.importance,
                                  (p->config.scale.min +
                                   p->config.scale.max) / 2};
            st = mot_ipa_classify(importance, performance, a->ntp, &at,
                                  quadrant, &a->ipa, err);
        }
        if (st == MOT_OK) {
            for (size_t t = 0; t < a->ntp; t++)
                a->tp[t].ipa = quadrant[t];
        } else if (st == MOT_EDATA) {   /* no touchpoint has both */
            mot_error_clear(err);
            a->ipa.importance = a->ipa.performance = NAN;
            a->ipa.at_point = o->ipa_midpoint;
            a->ipa.n = 0;
            st = MOT_OK;
        }
    }
    free(importance);
    free(performance);
    free(quadrant);
    return st == MOT_ENOMEM
               ? mot_error_set(err, st, NULL, 0, 0, "out of memory") : st;
}

/* A survey file the analysis refused as holding nothing to analyse
** (MOT_EDATA) becomes a note; any other status is returned. */
static mot_status survey_status(mot_analysis *a, const char *file,
                                mot_status st, mot_error *err)
{
    if (st != MOT_EDATA)
        return st;
    st = mot_analysis_note(a, "%s is not analysed: %s", file, err->message);
    mot_error_clear(err);
    return st;
}

mot_status mot_analyse_surveys(const mot_project *p, const mot_features *f,
                               const mot_analyse_options *o,
                               mot_analysis *a, mot_error *err)
{
    mot_status st = MOT_OK;
    (void)f;
    (void)o;
    if (p->kano)
        st = survey_status(a, "kano.csv",
                           mot_kano_analyse(p->kano, &p->blueprint, NULL,
                                            &a->kano, err), err);
    if (st == MOT_OK && p->servqual)
        st = survey_status(a, "servqual.csv",
                           mot_servqual_analyse(p->servqual, &p->blueprint,
                                                NULL, &a->servqual, err),
                           err);
    return st;
}
