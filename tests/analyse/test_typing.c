/* test_typing.c: the typing rules, ranking and recommendations on
** estimates set by hand (mot_analyse_typing alone, as mot_analyse calls
** it last). The Holm adjustment over all ten tests, the type each rule
** gives (and the order in which they apply), unreliable fits and
** reversed effects left untyped, the expected effect and its ranking,
** and each recommendation's numbers are worked out in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "analyse/internal.h"

#define NTP 8

static void check_close(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g", got, want);
}

/* Every estimate "not estimated", tolerance 3 and target 4.5. */
static void blank(mot_tp_result *r, size_t tp)
{
    memset(r, 0, sizeof *r);
    r->tp = tp;
    r->reach = r->mean = r->below_tolerance = NAN;
    r->tolerance = 3;
    r->target = 4.5;
    r->importance = r->odds_ratio = r->or_lo = r->or_hi = r->p = NAN;
    r->attributable_churners = NAN;
    r->lift = r->lift_lo = r->lift_hi = r->lift_p = NAN;
    r->overall_drop = r->overall_drop_lo = r->overall_drop_hi = NAN;
    r->overall_drop_p = NAN;
    r->gain_tolerance = r->gain_tolerance_lo = r->gain_tolerance_hi = NAN;
    r->gain_target = r->gain_target_lo = r->gain_target_hi = NAN;
    r->line.value = r->line.p_adjusted = NAN;
    r->line.rate_beyond = r->line.rate_within = r->line.n_beyond = NAN;
}

static void churn(mot_tp_result *r, double p, double or_, double lo,
                  double hi, unsigned flags)
{
    r->p = p;
    r->odds_ratio = or_;
    r->or_lo = lo;
    r->or_hi = hi;
    r->churn_flags = flags;
}

/* A project shell: ids A..H, scale 1..5. */
typedef struct fixture {
    mot_project p;
    mot_touchpoint tps[NTP];
    char ids[NTP][2];
    mot_analysis *a;
} fixture;

static fixture *fixture_new(void)
{
    fixture *x = calloc(1, sizeof *x);
    assert_non_null(x);
    for (size_t t = 0; t < NTP; t++) {
        x->ids[t][0] = (char)('A' + t);
        x->tps[t].id = x->ids[t];
    }
    x->p.blueprint.tp = x->tps;
    x->p.blueprint.n = NTP;
    x->p.config.scale = (mot_scale){1, 5, 3};
    x->a = calloc(1, sizeof *x->a);
    assert_non_null(x->a);
    x->a->ntp = NTP;
    x->a->tp = calloc(NTP, sizeof *x->a->tp);
    x->a->moments = calloc(NTP, sizeof *x->a->moments);
    assert_true(x->a->tp && x->a->moments);
    for (size_t t = 0; t < NTP; t++)
        blank(&x->a->tp[t], t);
    x->a->overall_r2 = 0.4;
    x->a->churn_n = 1000;
    x->a->churners = 100;
    return x;
}

static void fixture_free(fixture *x)
{
    mot_analysis_free(x->a);
    free(x);
}

/* The eight touchpoints:
**   A  churn p 1e-6, OR 3 [2, 4.5]; also a lift p 0.01     -> negative
**   B  churn p 0.5; lift p 1e-5 [1.5, 2.5]; drop p 1e-4     -> positive
**   C  drop p 1e-4, 0.4 [0.2, 0.6]                          -> negative
**   D  churn p 0.2; line p 1e-3 on contacts, churn .3 vs .1 -> hygiene
**   E  churn p 1e-9 but the fit is separated: not a test    -> none
**   F  churn p 1e-6 but OR 0.3 [0.2, 0.5]: reversed, noted  -> none
**   G  lift p 0.02: significant alone, not after Holm       -> none
**   H  nothing estimated                                    -> none
** The 10 tests sorted, times Holm's m - j + 1, running maximum:
**   1e-6 A churn x10 = 1e-5; 1e-6 F churn x9 -> 1e-5; 1e-5 B lift x8 =
**   8e-5; 1e-4 B drop x7 = 7e-4; 1e-4 C drop x6 -> 7e-4; 1e-3 D line x5 =
**   5e-3; 0.01 A lift x4 = 0.04; 0.02 G lift x3 = 0.06; 0.2 D churn x2 =
**   0.4; 0.5 B churn x1 = 0.5. */
static void set_estimates(mot_analysis *a)
{
    mot_tp_result *r = a->tp;
    churn(&r[0], 1e-6, 3, 2, 4.5, 0);
    r[0].lift = 1;
    r[0].lift_lo = 0.2;
    r[0].lift_p = 0.01;
    churn(&r[1], 0.5, 1.1, 0.7, 1.6, 0);
    r[1].lift = 2;
    r[1].lift_lo = 1.5;
    r[1].lift_p = 1e-5;
    r[1].overall_drop = 0.5;
    r[1].overall_drop_lo = 0.3;
    r[1].overall_drop_p = 1e-4;
    r[2].overall_drop = 0.4;
    r[2].overall_drop_lo = 0.2;
    r[2].overall_drop_p = 1e-4;
    churn(&r[3], 0.2, 1.3, 0.8, 2.0, 0);
    r[3].line = (mot_tolerance){.found = 1, .measure = "contacts",
                                .outcome = "churn", .value = 3,
                                .direction = 1, .rate_beyond = 0.3,
                                .rate_within = 0.1, .n_beyond = 100,
                                .n_within = 400, .p_adjusted = 1e-3};
    churn(&r[4], 1e-9, NAN, NAN, NAN, MOT_LOGIT_SEPARATION);
    churn(&r[5], 1e-6, 0.3, 0.2, 0.5, 0);
    r[6].lift = 0.5;
    r[6].lift_lo = 0.1;
    r[6].lift_p = 0.02;
}

/* Performance and effects for ranking and recommendations (R^2 0.4):
**   A importance 0.1, reach 1, mean 3.5: 0.1/0.4 x 1 x (4.5-3.5)/4 = 0.0625
**   B 0.05, 0.5, mean 4.0: 0.05/0.4 x 0.5 x 0.5/4 = 0.0078125
**   C 0.2, 0.8, mean 4.1: 0.2/0.4 x 0.8 x 0.4/4 = 0.04
**   D importance NAN (counts 0): 0
** so the order is A, C, B, D. */
static void set_performance(mot_analysis *a)
{
    mot_tp_result *r = a->tp;
    const double imp[4] = {0.1, 0.05, 0.2, NAN},
                 reach[4] = {1, 0.5, 0.8, 0.9},
                 mean[4] = {3.5, 4.0, 4.1, NAN},
                 below[4] = {0.2, 0, 0.1, 0.05};
    for (size_t t = 0; t < 4; t++) {
        r[t].importance = imp[t];
        r[t].reach = reach[t];
        r[t].mean = mean[t];
        r[t].below_tolerance = below[t];
        r[t].gain_tolerance = 0.1 * (double)(t + 1);
        r[t].gain_tolerance_lo = 0.05 * (double)(t + 1);
        r[t].gain_tolerance_hi = 0.15 * (double)(t + 1);
        r[t].gain_target = 0.3 * (double)(t + 1);
        r[t].gain_target_lo = 0.2 * (double)(t + 1);
        r[t].gain_target_hi = 0.4 * (double)(t + 1);
    }
    r[0].attributable_churners = 12.5;
    /* B has bad experiences, but too few to estimate what lifting them
    ** gains, and no churn effect: no lift to tolerance */
    r[1].below_tolerance = 0.05;
    r[1].gain_tolerance = r[1].gain_tolerance_lo = NAN;
    r[1].gain_tolerance_hi = NAN;
}

static int has_note(const mot_analysis *a, const char *text)
{
    for (size_t i = 0; i < a->nnotes; i++)
        if (strstr(a->notes[i], text))
            return 1;
    return 0;
}

static void test_types_and_holm(void **state)
{
    (void)state;
    fixture *x = fixture_new();
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    set_estimates(x->a);
    set_performance(x->a);
    assert_int_equal(mot_analyse_typing(&x->p, NULL, &o, x->a, NULL),
                     MOT_OK);
    const mot_tp_result *r = x->a->tp;
    const mot_kind want[NTP] = {
        MOT_KIND_NEGATIVE, MOT_KIND_POSITIVE, MOT_KIND_NEGATIVE,
        MOT_KIND_HYGIENE, MOT_KIND_NONE, MOT_KIND_NONE, MOT_KIND_NONE,
        MOT_KIND_NONE};
    for (size_t t = 0; t < NTP; t++)
        assert_int_equal(r[t].kind, want[t]);
    check_close(r[0].churn_p_adj, 1e-5, 1e-18);
    check_close(r[5].churn_p_adj, 1e-5, 1e-18);
    check_close(r[1].lift_p_adj, 8e-5, 1e-17);
    check_close(r[1].drop_p_adj, 7e-4, 1e-16);
    check_close(r[2].drop_p_adj, 7e-4, 1e-16);
    check_close(r[3].line_p_adj, 5e-3, 1e-15);
    check_close(r[0].lift_p_adj, 0.04, 1e-15);
    check_close(r[6].lift_p_adj, 0.06, 1e-15);
    check_close(r[3].churn_p_adj, 0.4, 1e-15);
    check_close(r[1].churn_p_adj, 0.5, 1e-15);
    assert_true(isnan(r[4].churn_p_adj) && isnan(r[7].churn_p_adj));
    assert_true(has_note(x->a, "F: customers with a bad experience churn "
                               "less"));
    assert_true(has_note(x->a, "over 10 tests"));
    fixture_free(x);
}

static void test_ranking_and_recommendations(void **state)
{
    (void)state;
    fixture *x = fixture_new();
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    set_estimates(x->a);
    set_performance(x->a);
    assert_int_equal(mot_analyse_typing(&x->p, NULL, &o, x->a, NULL),
                     MOT_OK);
    const mot_analysis *a = x->a;
    check_close(a->tp[0].expected_effect, 0.0625, 1e-15);
    check_close(a->tp[1].expected_effect, 0.0078125, 1e-15);
    check_close(a->tp[2].expected_effect, 0.04, 1e-15);
    check_close(a->tp[3].expected_effect, 0, 0);
    assert_int_equal(a->nmoments, 4);
    const size_t order[4] = {0, 2, 1, 3};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(a->moments[i], order[i]);
        assert_int_equal(a->tp[order[i]].priority, (int)i + 1);
    }
    assert_int_equal(a->tp[4].priority, 0);
    /* A: both lifts retain its 12.5 attributable churners; C: churn
    ** model fitted, no significant effect: 0; B: nothing estimable below
    ** tolerance, so only the lift to target; D: lift to tolerance (no
    ** mean, so no target) and stay within 3 contacts: 100 x (0.3 - 0.1)
    ** = 20 churners. */
    const struct {
        size_t tp;
        const char *action;
        double level, churners, gain, lo, hi;
    } want[] = {
        {0, "lift_to_tolerance", 3, 12.5, 0.1, 0.05, 0.15},
        {0, "lift_to_target", 4.5, 12.5, 0.3, 0.2, 0.4},
        {2, "lift_to_tolerance", 3, 0, 0.3, 0.15, 0.45},
        {2, "lift_to_target", 4.5, 0, 0.9, 0.6, 1.2},
        {1, "lift_to_target", 4.5, 0, 0.6, 0.4, 0.8},
        {3, "lift_to_tolerance", 3, 0, 0.4, 0.2, 0.6},
        {3, "stay_within_line", 3, 20, NAN, NAN, NAN},
    };
    assert_int_equal(a->nrecs, 7);
    for (size_t i = 0; i < 7; i++) {
        const mot_recommendation *rec = &a->recs[i];
        assert_int_equal(rec->tp, want[i].tp);
        assert_string_equal(rec->action, want[i].action);
        check_close(rec->level, want[i].level, 0);
        check_close(rec->churners_retained, want[i].churners, 1e-12);
        if (isnan(want[i].gain)) {
            assert_true(isnan(rec->overall_gain));
        } else {
            check_close(rec->overall_gain, want[i].gain, 1e-12);
            check_close(rec->overall_gain_lo, want[i].lo, 1e-12);
            check_close(rec->overall_gain_hi, want[i].hi, 1e-12);
        }
    }
    fixture_free(x);
}

/* Without an overall model the impact is the share of churners: A's 12.5
** of 100 churners x reach 1 x gap 0.25 = 0.03125; the others have no
** attributable churners (0). Without a churn model, churners retained
** are NAN. */
static void test_churn_impact_without_overall(void **state)
{
    (void)state;
    fixture *x = fixture_new();
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    set_estimates(x->a);
    set_performance(x->a);
    x->a->overall_r2 = NAN;
    assert_int_equal(mot_analyse_typing(&x->p, NULL, &o, x->a, NULL),
                     MOT_OK);
    check_close(x->a->tp[0].expected_effect, 0.03125, 1e-15);
    check_close(x->a->tp[2].expected_effect, 0, 0);
    fixture_free(x);

    x = fixture_new();
    set_estimates(x->a);
    set_performance(x->a);
    x->a->overall_r2 = NAN;
    x->a->churners = NAN;
    x->a->churn_n = 0;
    assert_int_equal(mot_analyse_typing(&x->p, NULL, &o, x->a, NULL),
                     MOT_OK);
    assert_true(isnan(x->a->tp[0].expected_effect));
    /* C (no churn significance, no churn model): NAN churners */
    for (size_t i = 0; i < x->a->nrecs; i++)
        if (x->a->recs[i].tp == 2)
            assert_true(isnan(x->a->recs[i].churners_retained));
    fixture_free(x);
}

/* A stricter alpha: at 1e-4 only A (1e-5) and B's lift (8e-5) survive;
** C's drop (7e-4) and D's line (5e-3) do not. */
static void test_alpha_is_the_threshold(void **state)
{
    (void)state;
    fixture *x = fixture_new();
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    o.alpha = 1e-4;
    set_estimates(x->a);
    set_performance(x->a);
    assert_int_equal(mot_analyse_typing(&x->p, NULL, &o, x->a, NULL),
                     MOT_OK);
    assert_int_equal(x->a->tp[0].kind, MOT_KIND_NEGATIVE);
    assert_int_equal(x->a->tp[1].kind, MOT_KIND_POSITIVE);
    assert_int_equal(x->a->tp[2].kind, MOT_KIND_NONE);
    assert_int_equal(x->a->tp[3].kind, MOT_KIND_NONE);
    assert_int_equal(x->a->nmoments, 2);
    fixture_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_types_and_holm),
        cmocka_unit_test(test_ranking_and_recommendations),
        cmocka_unit_test(test_churn_impact_without_overall),
        cmocka_unit_test(test_alpha_is_the_threshold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
