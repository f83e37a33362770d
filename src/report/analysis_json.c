/*
** analysis_json.c: the moment-of-truth analysis as the JSON object of
** DESIGN §4 (`mot analyze --format json`).
**
** The keys of the contract keep their names and meaning; the keys added
** beside them carry what the contract leaves out: sample sizes, the
** intervals of every estimate, the methods that gave them, and the
** engine's notes. The survey instruments are written by their own
** renderers (survey.c), so `mot kano` and `mot servqual` print the same
** objects. docs/report.md lists every key. Values that are
** identifiers (touchpoint ids, "negative", "above", "lift_to_tolerance",
** phase and lane names) are English whatever the report language; a
** missing estimate (NAN) is null, never a made-up number.
**
** The writer is mot_json, which never emits invalid JSON and reports a
** failed write once, at the end.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "report/internal.h"

/* "key": s, or null when s is empty (a name the data did not give). */
static void str(mot_json *j, const char *key, const char *s)
{
    mot_json_key(j, key);
    mot_json_string(j, s && *s ? s : NULL);
}

/* "key": n for a table read, null for a file present but not read
** (mot_project.skipped), nothing for a file absent. */
static void skippable(mot_json *j, const char *key, const size_t *n,
                      int skipped)
{
    if (n)
        mot_json_member_count(j, key, *n);
    else if (skipped) {
        mot_json_key(j, key);
        mot_json_null(j);
    }
}

/* Counts of every input table present (tickets.csv: the tickets part's
** count when the analysis carries it, the table itself being freed). */
static void inputs(mot_json *j, const mot_project *p, const mot_analysis *a)
{
    mot_json_key(j, "inputs");
    mot_json_begin_object(j);
    mot_json_member_count(j, "touchpoints", p->blueprint.n);
    mot_json_member_count(j, "stages", p->blueprint.nstages);
    if (p->customers)
        mot_json_member_count(j, "customers", p->customers->n);
    if (p->events)
        mot_json_member_count(j, "events", p->events->n);
    if (p->kano)
        mot_json_member_count(j, "kano", p->kano->n);
    if (p->servqual)
        mot_json_member_count(j, "servqual", p->servqual->n);
    skippable(j, "tickets", p->tickets    ? &p->tickets->n
                            : a->tickets ? &a->tickets->n
                                         : NULL,
              (p->skipped & MOT_SKIP_TICKETS) != 0);
    skippable(j, "interactions",
              p->interactions ? &p->interactions->n : NULL,
              (p->skipped & MOT_SKIP_INTERACTIONS) != 0);
    skippable(j, "staff", p->staff ? &p->staff->n : NULL,
              (p->skipped & MOT_SKIP_STAFF) != 0);
    mot_json_end_object(j);
}

/* Who the estimates rest on, and how they were made. */
static void sample_and_methods(mot_json *j, const mot_analysis *a)
{
    mot_json_key(j, "sample");
    mot_json_begin_object(j);
    mot_json_member_count(j, "customers", a->customers);
    mot_json_member_count(j, "with_outcome", a->with_outcome);
    mot_json_member_count(j, "events", a->events);
    str(j, "overall_outcome", a->overall_outcome);
    mot_json_member_count(j, "overall_n", a->overall_n);
    mot_json_member_number(j, "overall_r2", a->overall_r2);
    mot_json_member_count(j, "churn_n", a->churn_n);
    mot_json_member_number(j, "churners", a->churners);
    mot_json_end_object(j);

    mot_json_key(j, "methods");
    mot_json_begin_object(j);
    mot_json_member_number(j, "confidence", 0.95);
    str(j, "mean_ci", "t");
    str(j, "share_ci", "wilson");
    str(j, "importance", a->importance_method);
    str(j, "importance_ci", a->interval_method);
    str(j, "odds_ratio_ci", "wald");
    str(j, "overall_drop", "welch");
    str(j, "multiple_testing", "holm");
    str(j, "peak_end", "cross-validated r2");
    mot_json_end_object(j);
}

/* "key": {"mean": overall, "n": n}: the overall score of a group. */
static void group(mot_json *j, const char *key, double mean, size_t n)
{
    mot_json_key(j, key);
    mot_json_begin_object(j);
    mot_json_member_number(j, "mean", mean);
    mot_json_member_count(j, "n", n);
    mot_json_end_object(j);
}

/* "key": {"points": x, "ci": [lo, hi]}: a gain in mean overall score. */
static void gain(mot_json *j, const char *key, double x, double lo, double hi)
{
    mot_json_key(j, key);
    mot_json_begin_object(j);
    mot_json_member_number(j, "points", x);
    mot_json_member_interval(j, "ci", lo, hi);
    mot_json_end_object(j);
}

void mot_report_logit_flags_json(mot_json *j, unsigned f)
{
    static const struct { unsigned bit; const char *name; } names[] = {
        {MOT_LOGIT_NOT_CONVERGED, "not_converged"},
        {MOT_LOGIT_SEPARATION, "separation"},
        {MOT_LOGIT_COMPLETE_SEP, "complete_separation"},
        {MOT_LOGIT_SMALL, "small_group"},
        {MOT_LOGIT_DIVERGED, "diverged"},
    };
    mot_json_key(j, "flags");
    mot_json_begin_array(j);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (f & names[i].bit)
            mot_json_string(j, names[i].name);
    mot_json_end_array(j);
}

static void impact(mot_json *j, const mot_tp_result *r)
{
    mot_json_key(j, "impact");
    mot_json_begin_object(j);

    mot_json_key(j, "overall");
    mot_json_begin_object(j);
    mot_json_member_number(j, "importance", r->importance);
    mot_json_member_interval(j, "ci", r->importance_lo, r->importance_hi);
    mot_json_member_number(j, "drop", r->overall_drop);
    mot_json_member_interval(j, "drop_ci", r->overall_drop_lo, r->overall_drop_hi);
    mot_json_member_number(j, "drop_p", r->overall_drop_p);
    mot_json_member_number(j, "drop_p_holm", r->drop_p_adj);
    mot_json_key(j, "by_experience");
    mot_json_begin_object(j);
    group(j, "bad", r->overall_bad, r->n_overall_bad);
    group(j, "adequate", r->overall_adequate, r->n_overall_adequate);
    group(j, "good", r->overall_good, r->n_overall_good);
    mot_json_end_object(j);
    gain(j, "gain_to_tolerance", r->gain_tolerance, r->gain_tolerance_lo,
         r->gain_tolerance_hi);
    gain(j, "gain_to_target", r->gain_target, r->gain_target_lo,
         r->gain_target_hi);
    mot_json_end_object(j);

    mot_json_key(j, "churn");
    mot_json_begin_object(j);
    mot_json_member_number(j, "odds_ratio", r->odds_ratio);
    mot_json_member_interval(j, "ci", r->or_lo, r->or_hi);
    mot_json_member_number(j, "p", r->p);
    mot_json_member_number(j, "p_holm", r->churn_p_adj);
    mot_json_member_number(j, "churn_if_bad", r->churn_if_bad);
    mot_json_member_number(j, "churn_if_good", r->churn_if_good);
    mot_json_member_number(j, "attributable_churners", r->attributable_churners);
    mot_json_member_number(j, "n_bad", r->n_bad);
    mot_json_member_number(j, "n_good", r->n_good);
    mot_report_logit_flags_json(j, r->churn_flags);
    mot_json_key(j, "survival");
    mot_json_begin_object(j);
    mot_json_member_number(j, "median_days_bad", r->km_median_bad);
    mot_json_member_number(j, "median_days_good", r->km_median_good);
    mot_json_member_number(j, "hazard_ratio", r->km_hr);
    mot_json_member_number(j, "logrank_chi2", r->km_stat);
    mot_json_member_number(j, "p", r->km_p);
    mot_json_end_object(j);
    mot_json_end_object(j);

    mot_json_key(j, "loyalty");
    mot_json_begin_object(j);
    str(j, "measure", r->lift_measure);
    mot_json_member_number(j, "lift", r->lift);
    mot_json_member_interval(j, "ci", r->lift_lo, r->lift_hi);
    mot_json_member_number(j, "p", r->lift_p);
    mot_json_member_number(j, "p_holm", r->lift_p_adj);
    mot_json_member_number(j, "n_good", r->n_lift_good);
    mot_json_member_number(j, "n_rest", r->n_lift_rest);
    mot_json_end_object(j);

    mot_json_end_object(j);
}

void mot_report_line_json(mot_json *j, const mot_tolerance *l, double p_holm)
{
    if (!l->found) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    str(j, "measure", l->measure);
    mot_json_member_number(j, "value", l->value);
    str(j, "direction", l->direction > 0 ? "above" : "below");
    /* churn_beyond / churn_within are the outcome's rates: churn, or the
    ** share dissatisfied when "outcome" says so */
    mot_json_member_number(j, "churn_beyond", l->rate_beyond);
    mot_json_member_number(j, "churn_within", l->rate_within);
    mot_json_member_number(j, "p_adjusted", l->p_adjusted);
    mot_json_member_number(j, "p_scan", l->p_scan);
    mot_json_member_count(j, "family", l->family);
    str(j, "outcome", l->outcome);
    mot_json_member_number(j, "n_beyond", l->n_beyond);
    mot_json_member_number(j, "n_within", l->n_within);
    mot_json_member_number(j, "statistic", l->statistic);
    str(j, "p_method", l->p_method);
    mot_json_member_number(j, "p_holm", p_holm);
    mot_json_end_object(j);
}

static void touchpoint(mot_json *j, const mot_project *p,
                       const mot_tp_result *r)
{
    const mot_touchpoint *t = &p->blueprint.tp[r->tp];
    mot_json_begin_object(j);
    str(j, "id", t->id);
    str(j, "name", t->name);
    str(j, "stage", t->stage);
    str(j, "phase", mot_phase_name(t->phase));
    str(j, "lane", mot_lane_name(t->lane));
    mot_json_member_count(j, "n", r->n);
    mot_json_member_count(j, "n_rated", r->n_rated);
    mot_json_member_count(j, "n_customers", r->n_customers);
    mot_json_member_number(j, "reach", r->reach);
    mot_json_member_number(j, "mean", r->mean);
    mot_json_member_interval(j, "mean_ci", r->mean_lo, r->mean_hi);
    mot_json_member_number(j, "sd", r->sd);
    mot_json_member_number(j, "tolerance", r->tolerance);
    mot_json_member_number(j, "target", r->target);
    mot_json_member_number(j, "below_tolerance", r->below_tolerance);
    mot_json_member_interval(j, "below_tolerance_ci", r->below_lo, r->below_hi);
    impact(j, r);
    mot_json_key(j, "tolerance_line");
    mot_report_line_json(j, &r->line, r->line_p_adj);
    str(j, "mot", mot_kind_name(r->kind));
    mot_json_key(j, "priority");
    if (r->priority > 0)
        mot_json_int(j, r->priority);
    else
        mot_json_null(j);
    mot_json_member_number(j, "expected_effect", r->expected_effect);
    str(j, "ipa", r->ipa == MOT_IPA_NONE ? NULL
                                         : mot_ipa_quadrant_name(r->ipa));
    mot_json_end_object(j);
}

/* "key": [ids of the touchpoints with a nonzero count, most first]. */
static void ranked_ids(mot_json *j, const mot_project *p, const char *key,
                       const size_t *counts, size_t ntp, size_t *idx)
{
    size_t k = mot_report_rank_counts(counts, ntp, idx);
    mot_json_key(j, key);
    mot_json_begin_array(j);
    for (size_t i = 0; i < k; i++)
        mot_json_string(j, p->blueprint.tp[idx[i]].id);
    mot_json_end_array(j);
}

/* The peak_end object; MOT_ENOMEM if scratch memory was not to be had. */
static mot_status peak_end(mot_json *j, const mot_project *p,
                           const mot_analysis *a)
{
    const mot_peak_end *pe = &a->peak_end;
    size_t *idx = malloc((a->ntp ? a->ntp : 1) * sizeof *idx);
    if (!idx)
        return MOT_ENOMEM;
    mot_json_begin_object(j);
    mot_json_key(j, "available");
    mot_json_bool(j, pe->available);
    mot_json_member_count(j, "n", pe->n);
    mot_json_member_number(j, "r2_peak_end", pe->r2_peak_end);
    mot_json_member_number(j, "r2_mean", pe->r2_mean);
    str(j, "winner", pe->available ? pe->winner : NULL);
    mot_json_member_interval(j, "difference_ci", pe->diff_lo, pe->diff_hi);
    ranked_ids(j, p, "peak_touchpoints", pe->worst_count, a->ntp, idx);
    ranked_ids(j, p, "best_touchpoints", pe->best_count, a->ntp, idx);
    ranked_ids(j, p, "end_touchpoints", pe->end_count, a->ntp, idx);
    mot_json_member_number(j, "r2_primacy", pe->r2_primacy);
    mot_json_member_interval(j, "primacy_diff_ci", pe->primacy_diff_lo,
                             pe->primacy_diff_hi);
    mot_json_key(j, "primacy_adds");
    if (isnan(pe->primacy_diff_lo))
        mot_json_null(j);
    else
        mot_json_bool(j, pe->primacy_adds);
    ranked_ids(j, p, "first_touchpoints", pe->first_count, a->ntp, idx);
    mot_json_key(j, "counts");
    mot_json_begin_array(j);
    for (size_t i = 0; i < a->ntp; i++) {
        size_t w = pe->worst_count ? pe->worst_count[i] : 0;
        size_t b = pe->best_count ? pe->best_count[i] : 0;
        size_t e = pe->end_count ? pe->end_count[i] : 0;
        size_t f = pe->first_count ? pe->first_count[i] : 0;
        if (w + b + e + f == 0)
            continue;
        mot_json_begin_object(j);
        str(j, "touchpoint", p->blueprint.tp[i].id);
        mot_json_member_count(j, "worst", w);
        mot_json_member_count(j, "best", b);
        mot_json_member_count(j, "end", e);
        mot_json_member_count(j, "first", f);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_end_object(j);
    free(idx);
    return MOT_OK;
}

/* The touchpoints' importance-performance grid: its axes (the touchpoint
** keys they come from), the crosshair, each touchpoint classified, and
** the ids of those left out; null when no touchpoint was classified. */
static void ipa(mot_json *j, const mot_project *p, const mot_analysis *a)
{
    mot_json_key(j, "ipa");
    if (a->ipa.n == 0) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    str(j, "importance", "impact.overall.importance");
    str(j, "performance", "mean");
    str(j, "crosshair", a->ipa.at_point ? "midpoint" : "means");
    mot_json_member_number(j, "crosshair_importance", a->ipa.importance);
    mot_json_member_number(j, "crosshair_performance", a->ipa.performance);
    mot_json_member_count(j, "n", a->ipa.n);
    mot_json_key(j, "touchpoints");
    mot_json_begin_array(j);
    for (size_t i = 0; i < a->ntp; i++) {
        const mot_tp_result *r = &a->tp[i];
        if (r->ipa == MOT_IPA_NONE)
            continue;
        mot_json_begin_object(j);
        str(j, "touchpoint", p->blueprint.tp[r->tp].id);
        mot_json_member_number(j, "importance", r->importance);
        mot_json_member_number(j, "performance", r->mean);
        str(j, "quadrant", mot_ipa_quadrant_name(r->ipa));
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "left_out");
    mot_json_begin_array(j);
    for (size_t i = 0; i < a->ntp; i++)
        if (a->tp[i].ipa == MOT_IPA_NONE)
            mot_json_string(j, p->blueprint.tp[a->tp[i].tp].id);
    mot_json_end_array(j);
    mot_json_end_object(j);
}

static void recommendations(mot_json *j, const mot_project *p,
                            const mot_analysis *a)
{
    mot_json_key(j, "recommendations");
    mot_json_begin_array(j);
    for (size_t i = 0; i < a->nrecs; i++) {
        const mot_recommendation *r = &a->recs[i];
        mot_json_begin_object(j);
        str(j, "touchpoint", p->blueprint.tp[r->tp].id);
        str(j, "action", r->action);
        mot_json_member_number(j, "level", r->level);
        mot_json_key(j, "expected_effect");
        mot_json_begin_object(j);
        mot_json_member_number(j, "churners_retained", r->churners_retained);
        mot_json_member_number(j, "overall_gain", r->overall_gain);
        mot_json_member_interval(j, "overall_gain_ci", r->overall_gain_lo, r->overall_gain_hi);
        mot_json_end_object(j);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
}

mot_status mot_report_json(const mot_project *p, const mot_analysis *a,
                           FILE *f, int pretty)
{
    mot_json j;
    mot_json_init(&j, f, pretty);
    mot_json_begin_object(&j);
    str(&j, "mot_version", mot_version());
    inputs(&j, p, a);
    sample_and_methods(&j, a);

    mot_json_key(&j, "touchpoints");
    mot_json_begin_array(&j);
    for (size_t i = 0; i < a->ntp; i++)
        touchpoint(&j, p, &a->tp[i]);
    mot_json_end_array(&j);

    mot_json_key(&j, "customer_tolerance_lines");
    mot_json_begin_object(&j);
    mot_json_member_count(&j, "scanned", a->ncustomer_lines);
    mot_json_key(&j, "lines");
    mot_json_begin_array(&j);
    for (size_t i = 0; i < a->ncustomer_lines; i++)
        if (a->customer_lines[i].found)
            mot_report_line_json(&j, &a->customer_lines[i], NAN);
    mot_json_end_array(&j);
    mot_json_end_object(&j);

    mot_json_key(&j, "moments_of_truth");
    mot_json_begin_array(&j);
    for (size_t i = 0; i < a->nmoments; i++)
        mot_json_string(&j, p->blueprint.tp[a->tp[a->moments[i]].tp].id);
    mot_json_end_array(&j);

    mot_json_key(&j, "peak_end");
    mot_status st = peak_end(&j, p, a);
    if (st != MOT_OK)
        return st;

    /* DESIGN §4's survey keys, the very objects `mot kano` and `mot
    ** servqual` print; absent when the project has no such file. Then
    ** "tickets", the object `mot tickets` prints, null without
    ** tickets.csv. */
    if (a->kano) {
        mot_json_key(&j, "kano");
        mot_report_kano_json(&j, a->kano);
    }
    if (a->servqual) {
        mot_json_key(&j, "servqual");
        mot_report_servqual_json(&j, a->servqual);
    }
    mot_json_key(&j, "tickets");
    if (a->tickets)
        mot_report_tickets_json_with(&j, a->tickets, a->consistency);
    else
        mot_json_null(&j);
    ipa(&j, p, a);
    if (a->behaviour) {     /* the object `mot behaviour` prints */
        mot_json_key(&j, "behaviour");
        mot_report_behaviour_json(&j, a->behaviour);
    }
    mot_report_journeys_json(&j, p, a);
    mot_report_segments_json(&j, p, a);

    recommendations(&j, p, a);

    mot_json_key(&j, "notes");
    mot_json_begin_array(&j);
    for (size_t i = 0; i < a->nnotes; i++)
        mot_json_string(&j, a->notes[i]);
    mot_json_end_array(&j);

    mot_json_end_object(&j);
    return mot_json_finish(&j);
}

mot_status mot_report_peak_end_json(const mot_project *p,
                                    const mot_analysis *a, FILE *f,
                                    int pretty)
{
    mot_json j;
    mot_json_init(&j, f, pretty);
    mot_status st = peak_end(&j, p, a);
    return st != MOT_OK ? st : mot_json_finish(&j);
}
