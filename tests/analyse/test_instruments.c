/*
** test_instruments.c: what mot_analyse computes beside the engine
** (src/analyse/instruments.c).
**
** On a telecom demo: the KANO and SERVQUAL results are those of
** mot_kano_analyse and mot_servqual_analyse with the blueprint, so the
** features and dimensions are tied to the blueprint rows that name them;
** the touchpoints' importance-performance grid classifies exactly the
** touchpoints that have an importance and a mean, as mot_ipa_classify
** does at their means, and with ipa_midpoint at the scale midpoint for
** the mean and the same mean importance; the demo gives SERVQUAL weights,
** so they are the dimensions' importance (weights win). On a tiny project:
** no survey files, no results; a servqual.csv without ratings is noted,
** not an error; no importance, no grid. On a hand-built project whose
** SERVQUAL respondents are customers with an overall score: the
** dimensions' derived importance is that of sqfactorial.h, with the
** analysis' bootstrap.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/derive.h"
#include "mot/analyse.h"
#include "testutil.h"
#include "projutil.h"
#include "read/loadutil.h"
#include "sqfactorial.h"

static void options(mot_analyse_options *o)
{
    mot_analyse_options_default(o);
    o->bootstrap = 0;
    o->threads = 2;
}

/* The quadrants mot_ipa_classify gives the touchpoints of a around opt
** (NULL: the means) into q; its crosshair into *res. */
static void classify(const mot_analysis *a, const mot_ipa_options *opt,
                     mot_ipa_quadrant *q, mot_ipa *res)
{
    double imp[64], perf[64];
    mot_error err;
    assert_true(a->ntp <= 64);
    for (size_t t = 0; t < a->ntp; t++) {
        imp[t] = a->tp[t].importance;
        perf[t] = a->tp[t].mean;
    }
    assert_int_equal(mot_ipa_classify(imp, perf, a->ntp, opt, q, res, &err),
                     MOT_OK);
}

static void test_demo(void **state)
{
    (void)state;
    mot_analyse_options o;
    pu_run u;
    options(&o);
    pu_demo(&u, "telecom", 400, 3, &o);
    const mot_analysis *a = u.a;

    /* KANO: tied to the blueprint rows naming the features */
    assert_non_null(a->kano);
    assert_int_equal(a->kano->nfeatures, 6);
    size_t tied = 0;
    for (size_t i = 0; i < a->kano->nfeatures; i++) {
        const mot_kano_feature *x = &a->kano->features[i];
        if (x->touchpoint.index < 0)
            continue;
        const mot_touchpoint *t = &u.p->blueprint.tp[x->touchpoint.index];
        assert_string_equal(t->kano_feature, x->name);
        assert_string_equal(x->touchpoint.id, t->id);
        tied++;
    }
    assert_int_equal(tied, 4);
    assert_int_equal(a->kano->features[0].all.category, MOT_KANO_M);
    assert_int_equal(a->kano->features[0].touchpoint.index,
                     (long)pu_tp(&u, "T06"));

    /* SERVQUAL: with the weights, each dimension's touchpoints those of
    ** the blueprint */
    assert_non_null(a->servqual);
    assert_true(a->servqual->has_weights && a->servqual->has_zone);
    assert_int_equal(a->servqual->importance_source, MOT_IMPORTANCE_WEIGHTS);
    assert_int_equal(a->servqual->derived.n, 0);
    for (int d = 0; d < MOT_NDIMENSIONS; d++)
        assert_true(a->servqual->dims[d].importance ==
                    a->servqual->dims[d].weight.mean);
    const mot_servqual_dim *resp = &a->servqual->dims[MOT_DIM_RESPONSIVENESS];
    assert_int_equal(resp->zone, MOT_ZONE_BELOW);
    assert_int_equal(resp->ntouchpoints, 3);
    for (size_t t = 0; t < resp->ntouchpoints; t++)
        assert_int_equal(u.p->blueprint.tp[resp->touchpoints[t].index]
                             .servqual_dimension, MOT_DIM_RESPONSIVENESS);

    /* the grid: what mot_ipa_classify gives at the means */
    mot_ipa_quadrant q[64];
    mot_ipa want;
    classify(a, NULL, q, &want);
    size_t both = 0;
    for (size_t t = 0; t < a->ntp; t++) {
        assert_int_equal(a->tp[t].ipa, q[t]);
        int has = !isnan(a->tp[t].importance) && !isnan(a->tp[t].mean);
        assert_int_equal(a->tp[t].ipa != MOT_IPA_NONE, has);
        both += has;
    }
    assert_true(both >= 5 && both < a->ntp);
    assert_int_equal(a->ipa.n, both);
    assert_int_equal(a->ipa.at_point, 0);
    assert_true(a->ipa.importance == want.importance &&
                a->ipa.performance == want.performance);
    double mean_importance = a->ipa.importance;

    /* at the scale midpoint (1..5: 3) for the mean; importance as before */
    mot_analysis *m = NULL;
    mot_error err;
    o.ipa_midpoint = 1;
    assert_int_equal(mot_analyse(u.p, u.f, &o, &m, &err), MOT_OK);
    mot_ipa_options mid = {1, mean_importance, 3};
    classify(m, &mid, q, &want);
    assert_int_equal(m->ipa.at_point, 1);
    assert_true(m->ipa.importance == mean_importance &&
                m->ipa.performance == 3);
    assert_int_equal(m->ipa.n, both);
    int differs = 0;
    for (size_t t = 0; t < m->ntp; t++) {
        assert_int_equal(m->tp[t].ipa, q[t]);
        differs |= m->tp[t].ipa != a->tp[t].ipa;
    }
    assert_true(differs);   /* every mean is above 3: none is low now */
    mot_analysis_free(m);
    pu_free(&u);
}

static void test_without_surveys(void **state)
{
    (void)state;
    mot_analyse_options o;
    pu_run u;
    options(&o);
    pu_analyse(&u, lu_project("instruments_none", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01,T1,2\nC2,2026-01-01,T2,4\n"},
        {NULL, NULL}}), &o);
    assert_null(u.a->kano);
    assert_null(u.a->servqual);
    assert_int_equal(u.a->ipa.n, 0);   /* no overall score: no importance */
    assert_true(isnan(u.a->ipa.importance) && isnan(u.a->ipa.performance));
    for (size_t t = 0; t < u.a->ntp; t++)
        assert_int_equal(u.a->tp[t].ipa, MOT_IPA_NONE);
    pu_free(&u);

    /* a servqual.csv without ratings is noted; kano.csv is analysed */
    pu_analyse(&u, lu_project("instruments_empty", (lu_file[]){
        {"blueprint.csv", "id,name,stage,kano_feature\nT1,咨询,售前,wifi\n"},
        {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                     "R1,wifi,1,5\n"},
        {"servqual.csv", "respondent_id,item,expectation,perception\n"
                         "R1,1,,\n"},
        {NULL, NULL}}), &o);
    assert_non_null(u.a->kano);
    assert_int_equal(u.a->kano->features[0].touchpoint.index, 0);
    assert_null(u.a->servqual);
    assert_true(pu_note(&u, "servqual.csv is not analysed"));
    pu_free(&u);
}

static void test_derived_from_customers(void **state)
{
    (void)state;
    mot_analyse_options o;
    pu_run u;
    char customers[512];
    size_t used = (size_t)snprintf(customers, sizeof customers,
                                   "customer_id,overall\n");
    /* C9 is a customer without a score; R1 answers every dimension but
    ** is no customer */
    for (int i = 0; i < SQF_N; i++) {
        double y = sqf_overall(i);
        used += (size_t)snprintf(customers + used, sizeof customers - used,
                                 isnan(y) ? "C%d,\n" : "C%d,%g\n", i + 1, y);
    }
    char *answers = sqf_answers("C", NULL);
    size_t n = strlen(answers);
    answers = realloc(answers, n + 64);
    assert_non_null(answers);
    strcpy(answers + n, "R1,1,5,2\nR1,5,5,2\nR1,10,5,2\nR1,14,5,2\n"
                        "R1,18,5,2\n");
    options(&o);
    o.bootstrap = 50;
    pu_analyse(&u, lu_project("instruments_derived", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"customers.csv", customers},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01,T1,2\nC2,2026-01-01,T2,4\n"},
        {"servqual.csv", answers},
        {NULL, NULL}}), &o);
    free(answers);
    assert_non_null(u.a->servqual);
    const mot_servqual_result *r = u.a->servqual;
    assert_int_equal(r->respondents, SQF_N + 1);
    /* R1's perception 2 of tangibles moves that mean: (9 * 4 + 2) / 10 */
    assert_true(fabs(r->dims[0].perception.mean - 3.8) < 1e-12);
    assert_int_equal(r->importance_source, MOT_IMPORTANCE_DERIVED);
    assert_string_equal(r->derived.outcome, "customers.csv");
    assert_int_equal(r->derived.n, SQF_N - 1);
    assert_true(fabs(r->derived.r2 - 0.9375) < 1e-12);
    for (int d = 0; d < MOT_NDIMENSIONS; d++)
        assert_true(fabs(r->dims[d].importance - sqf_share[d]) < 1e-12);
    assert_int_equal(r->derived.bootstrap, 50);
    pu_free(&u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo),
        cmocka_unit_test(test_without_surveys),
        cmocka_unit_test(test_derived_from_customers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
