/*
** typing.c: moment-of-truth typing, ranking and recommendations, the last
** part of mot_analyse. It reads the estimates of the other parts and
** computes no statistic of its own but the multiple-testing adjustment.
**
** Tests. Per touchpoint up to four p-values (NAN: not tested):
**     churn  the Wald p of the churn odds ratio of a bad experience (not
**            tested when the fit flags separation, divergence, no
**            convergence or a tiny group: its p is not trustworthy)
**     lift   the p of the loyalty lift of a good experience
**     drop   the Welch p of the overall drop after a bad experience
**     line   the p of the strongest tolerance line, adjusted for the scan
**            over cut points and already by Holm over every scan
**            (tolerance.c); entering a second Holm family keeps it valid
**            (an adjusted p is still a p-value), only more conservative
** All of them, over all touchpoints, are adjusted together by Holm's
** (1979) step-down method, so the chance of typing any touchpoint that
** has no effect as a moment of truth is at most alpha (family-wise error
** rate, under any dependence between the tests).
**
** Rules, in order (the first that holds gives the type):
**     negative  churn: adjusted p < alpha and the odds ratio's interval
**               lies above 1 (bad experiences raise churn)
**     positive  lift: adjusted p < alpha and the lift's interval lies
**               above 0 (good experiences lift loyalty)
**     negative  drop: adjusted p < alpha and the drop's interval lies
**               above 0 (bad experiences lower the overall score)
**     hygiene   line: adjusted p < alpha and the outcome is worse beyond
**               the line than within it, with none of the above: the
**               touchpoint matters only past a threshold (KANO must-be)
**     none      otherwise.
** A significant effect the wrong way round (bad experiences with less
** churn, or a higher overall score) types nothing and is noted.
**
** Ranking. expected_effect = impact x reach x gap, with
**     impact  importance / R^2 (the touchpoint's share of the explained
**             variance of the overall score) when the overall model was
**             fitted, else attributable churners / churners (its share of
**             the churn)
**     reach   the share of customers who met the touchpoint
**     gap     max(0, target - mean) / (scale max - scale min), target the
**             blueprint's, else the scale maximum
** Moments of truth (type not none) are ranked by it, highest first (NAN
** last, ties in blueprint order); priority is the rank.
**
** Recommendations, for each moment of truth in rank order:
**     lift_to_tolerance (when some scores are below tolerance and it
**     retains churners or has an estimable overall gain) and
**     lift_to_target (when the mean is below a target above tolerance):
**         churners_retained = the attributable churners of the churn
**         model when its effect is significant (the model splits bad at
**         tolerance, so both lifts retain the same), 0 when a churn model
**         was fitted but shows no significant effect, NAN without one;
**         overall_gain = gain_tolerance / gain_target (experience.c).
**     stay_within_line (a significant line on a measure other than the
**     score): churners_retained = n_beyond (rate_beyond - rate_within)
**     when the line's outcome is churn.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "mot/stats.h"

enum { H_CHURN, H_LIFT, H_DROP, H_LINE, H_COUNT };

#define UNRELIABLE_FIT (MOT_LOGIT_NOT_CONVERGED | MOT_LOGIT_SEPARATION | \
                        MOT_LOGIT_COMPLETE_SEP | MOT_LOGIT_SMALL |        \
                        MOT_LOGIT_DIVERGED)

/* The raw p-value of test h of touchpoint r, NAN when not tested. */
static double raw_p(const mot_tp_result *r, int h)
{
    switch (h) {
    case H_CHURN: return r->churn_flags & UNRELIABLE_FIT ? NAN : r->p;
    case H_LIFT: return r->lift_p;
    case H_DROP: return r->overall_drop_p;
    default: return r->line.found ? r->line.p_adjusted : NAN;
    }
}

/* Holm-adjust every test of every touchpoint together; *ntests counts
** them. MOT_ENOMEM. */
static mot_status adjust(mot_analysis *a, size_t *ntests)
{
    size_t n = a->ntp * H_COUNT;
    double *p = malloc((n + 1) * sizeof *p);
    mot_status st;
    if (!p)
        return MOT_ENOMEM;
    *ntests = 0;
    for (size_t t = 0; t < a->ntp; t++)
        for (int h = 0; h < H_COUNT; h++) {
            p[t * H_COUNT + h] = raw_p(&a->tp[t], h);
            *ntests += !isnan(p[t * H_COUNT + h]);
        }
    if ((st = mot_p_holm(p, n, p)) == MOT_OK)
        for (size_t t = 0; t < a->ntp; t++) {
            mot_tp_result *r = &a->tp[t];
            r->churn_p_adj = p[t * H_COUNT + H_CHURN];
            r->lift_p_adj = p[t * H_COUNT + H_LIFT];
            r->drop_p_adj = p[t * H_COUNT + H_DROP];
            r->line_p_adj = p[t * H_COUNT + H_LINE];
        }
    free(p);
    return st;
}

/* Which tests of r are significant in the direction that makes a moment. */
typedef struct verdict {
    int churn, lift, drop, line;
} verdict;

static verdict judge(const mot_tp_result *r, double alpha)
{
    verdict v;
    v.churn = r->churn_p_adj < alpha && r->or_lo > 1;
    v.lift = r->lift_p_adj < alpha && r->lift_lo > 0;
    v.drop = r->drop_p_adj < alpha && r->overall_drop_lo > 0;
    v.line = r->line_p_adj < alpha && r->line.rate_beyond > r->line.rate_within;
    return v;
}

static mot_kind kind_of(verdict v)
{
    if (v.churn)
        return MOT_KIND_NEGATIVE;
    if (v.lift)
        return MOT_KIND_POSITIVE;
    if (v.drop)
        return MOT_KIND_NEGATIVE;
    return v.line ? MOT_KIND_HYGIENE : MOT_KIND_NONE;
}

/* Note significant effects that go the wrong way. */
static mot_status note_reversed(const mot_project *p, mot_analysis *a,
                                const mot_tp_result *r, double alpha)
{
    const char *id = p->blueprint.tp[r->tp].id;
    mot_status st = MOT_OK;
    if (r->churn_p_adj < alpha && r->or_hi < 1)
        st = mot_analysis_note(a, "%s: customers with a bad experience "
                                  "churn less (odds ratio %.2f); not typed",
                               id, r->odds_ratio);
    if (st == MOT_OK && r->drop_p_adj < alpha && r->overall_drop_hi < 0)
        st = mot_analysis_note(a, "%s: customers with a bad experience "
                                  "score higher overall (by %.2f); not "
                                  "typed", id, -r->overall_drop);
    return st;
}

/* expected_effect of touchpoint r (see the file comment). */
static double expected_effect(const mot_project *p, const mot_analysis *a,
                              const mot_tp_result *r)
{
    const mot_scale *s = &p->config.scale;
    double impact, target = isfinite(r->target) ? r->target : s->max, gap;
    if (a->overall_r2 > 0)
        impact = isfinite(r->importance) ? r->importance / a->overall_r2 : 0;
    else if (a->churners > 0)
        impact = isfinite(r->attributable_churners)
                     ? r->attributable_churners / a->churners : 0;
    else
        return NAN;
    gap = target > r->mean ? (target - r->mean) / (s->max - s->min) : 0;
    return impact * r->reach * gap;
}

/* Rank the moments of truth into a->moments and set their priority. */
static void rank(mot_analysis *a)
{
    a->nmoments = 0;
    for (size_t t = 0; t < a->ntp; t++) {
        const mot_tp_result *r = &a->tp[t];
        size_t i;
        if (r->kind == MOT_KIND_NONE)
            continue;
        /* insertion: stable, NAN after every number */
        for (i = a->nmoments; i > 0; i--) {
            double prev = a->tp[a->moments[i - 1]].expected_effect;
            if (!(isnan(prev) ? !isnan(r->expected_effect)
                              : r->expected_effect > prev))
                break;
            a->moments[i] = a->moments[i - 1];
        }
        a->moments[i] = t;
        a->nmoments++;
    }
    for (size_t i = 0; i < a->nmoments; i++)
        a->tp[a->moments[i]].priority = (int)i + 1;
}

/* Churners retained by lifting touchpoint r's bad experiences. */
static double churners_retained(const mot_analysis *a,
                                const mot_tp_result *r, verdict v)
{
    if (v.churn)
        return r->attributable_churners;
    return a->churn_n > 0 ? 0 : NAN;
}

static void add_rec(mot_analysis *a, size_t tp, const char *action,
                    double level, double churners, double gain, double lo,
                    double hi)
{
    mot_recommendation *rec = &a->recs[a->nrecs++];
    rec->tp = tp;
    strncpy(rec->action, action, sizeof rec->action - 1);
    rec->action[sizeof rec->action - 1] = '\0';
    rec->level = level;
    rec->churners_retained = churners;
    rec->overall_gain = gain;
    rec->overall_gain_lo = lo;
    rec->overall_gain_hi = hi;
}

/* The recommendations of moment of truth r. */
static void recommend(mot_analysis *a, const mot_tp_result *r, verdict v)
{
    double ch = churners_retained(a, r, v);
    if (r->below_tolerance > 0 && (ch > 0 || isfinite(r->gain_tolerance)))
        add_rec(a, r->tp, "lift_to_tolerance", r->tolerance, ch,
                r->gain_tolerance, r->gain_tolerance_lo,
                r->gain_tolerance_hi);
    if (r->target > r->tolerance && r->mean < r->target)
        add_rec(a, r->tp, "lift_to_target", r->target, ch, r->gain_target,
                r->gain_target_lo, r->gain_target_hi);
    if (v.line && strcmp(r->line.measure, "score") != 0)
        add_rec(a, r->tp, "stay_within_line", r->line.value,
                strcmp(r->line.outcome, "churn") == 0
                    ? r->line.n_beyond *
                          (r->line.rate_beyond - r->line.rate_within)
                    : NAN,
                NAN, NAN, NAN);
}

mot_status mot_analyse_typing(const mot_project *p, const mot_features *f,
                              const mot_analyse_options *o, mot_analysis *a,
                              mot_error *err)
{
    size_t ntests;
    mot_status st;
    (void)f;
    if (adjust(a, &ntests) != MOT_OK ||
        !(a->recs = calloc(3 * a->ntp + 1, sizeof *a->recs)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t t = 0; t < a->ntp; t++) {
        mot_tp_result *r = &a->tp[t];
        r->kind = kind_of(judge(r, o->alpha));
        r->expected_effect = expected_effect(p, a, r);
        if ((st = note_reversed(p, a, r, o->alpha)) != MOT_OK)
            return st;
    }
    rank(a);
    for (size_t i = 0; i < a->nmoments; i++) {
        const mot_tp_result *r = &a->tp[a->moments[i]];
        recommend(a, r, judge(r, o->alpha));
    }
    if (ntests == 0)
        return mot_analysis_note(a, "no touchpoint could be tested (no "
                                    "overall score, churn or tolerance "
                                    "estimate): no moment of truth is "
                                    "claimed");
    return mot_analysis_note(a, "moments of truth are typed at a "
                                "family-wise error rate of %g over %zu "
                                "tests (Holm)", o->alpha, ntests);
}
