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
** their default options (but the analysis' bootstrap replicates and seed
** for SERVQUAL) and the blueprint, which ties KANO features
** (blueprint kano_feature, kano.csv touchpoint) and SERVQUAL dimensions
** (blueprint servqual_dimension) to touchpoints. Without weights and
** without an overall column in servqual.csv, the SERVQUAL dimensions'
** derived importance uses the overall score of customers.csv for the
** respondents whose respondent_id is a customer_id there. A file that
** holds nothing to analyse (no answer with a rating) is noted, not an
** error.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* The overall score of customers.csv for each SERVQUAL respondent of p
** (NAN when the respondent is not a customer or has no score) in a new
** array *out, or *out NULL when customers.csv has no overall column.
** MOT_OK or MOT_ENOMEM. */
static mot_status respondent_overall(const mot_project *p, double **out,
                                     mot_error *err)
{
    const mot_customers *c = p->customers;
    const mot_servqual *s = p->servqual;
    size_t ncust = mot_strtab_count(p->customer_ids);
    size_t nresp = mot_strtab_count(s->respondents);
    double *by_customer, *y;
    *out = NULL;
    if (!c || !c->has_overall || s->overall)
        return MOT_OK;
    by_customer = malloc((ncust ? ncust : 1) * sizeof *by_customer);
    y = malloc((nresp ? nresp : 1) * sizeof *y);
    if (!by_customer || !y) {
        free(by_customer);
        free(y);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < ncust; i++)
        by_customer[i] = NAN;
    for (size_t i = 0; i < c->n; i++)
        if (c->customer[i] < ncust)
            by_customer[c->customer[i]] = c->overall[i];
    for (size_t r = 0; r < nresp; r++) {
        const char *id = mot_strtab_get(s->respondents, (uint32_t)r);
        uint32_t k = mot_strtab_find(p->customer_ids, id, strlen(id));
        y[r] = k < ncust ? by_customer[k] : NAN;
    }
    free(by_customer);
    *out = y;
    return MOT_OK;
}

mot_status mot_analyse_surveys(const mot_project *p, const mot_features *f,
                               const mot_analyse_options *o,
                               mot_analysis *a, mot_error *err)
{
    mot_status st = MOT_OK;
    (void)f;
    if (p->kano)
        st = survey_status(a, "kano.csv",
                           mot_kano_analyse(p->kano, &p->blueprint, NULL,
                                            &a->kano, err), err);
    if (st == MOT_OK && p->servqual) {
        mot_servqual_options so;
        double *overall;
        mot_servqual_options_default(&so);
        so.bootstrap = o->bootstrap;
        so.seed = o->seed;
        st = respondent_overall(p, &overall, err);
        so.overall = overall;
        if (st == MOT_OK)
            st = survey_status(a, "servqual.csv",
                               mot_servqual_analyse(p->servqual,
                                                    &p->blueprint, &so,
                                                    &a->servqual, err),
                               err);
        free(overall);
    }
    return st;
}
