/*
** test_servqual_analysis.c: the SERVQUAL analysis (src/analyse/servqual.c)
** against values computed elsewhere (METHODS-NOTES 2, 6):
**   - the 12manage example [V]: dimension gaps T -0.65, Rel -1.10,
**     Resp -0.83, A -0.70, E -1.01 give the unweighted score -0.858 and,
**     with weights 10/30/25/20/15, the weighted score -0.894 [C]; built
**     from item answers of two respondents whose gaps lie 0.1 on either
**     side, so the t intervals are worked by hand (t_{0.975,1} =
**     12.70620473617471);
**   - per-respondent weighting against aggregate weighting, by hand;
**   - MSA, MSS and the zone labels (edges included) by hand;
**   - Cronbach's alpha per dimension against R's psych::alpha and the
**     dimension gaps against t.test on tests/data/servqual_alpha.csv
**     (the script beside it prints the numbers);
**   - respondent-level means with missing answers, by hand; the IPA of
**     the dimensions; touchpoints from the blueprint; bad input;
**   - the derived importance (LMG shares of R^2 of the overall score on
**     the dimension perceptions) on a 2^3 factorial where the five
**     perception columns are uncorrelated, so that LMG_j = r_j^2, worked
**     by hand in sqfactorial.h, from the overall column or from the
**     caller; weights win over it; none without either.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "read/loadutil.h"
#include "sqfactorial.h"

/* t_{0.975, 1}: R's qt(0.975, 1). */
#define T975_1 12.70620473617471

/* |got - want| <= tol, else fail saying both (NAN fails). */
static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* Write servqual.csv (and servqual_weights.csv when weights is not NULL)
** into MOT_TEST_TMP/<name>, read them on their own and analyse them with
** the default options; fails the test if any step fails. */
static mot_servqual_result *analyse(const char *name, const char *answers,
                                    const char *weights)
{
    const char *dir = tu_tmpdir(name);
    char path[1024], wpath[1024];
    snprintf(path, sizeof path, "%s", tu_write(dir, "servqual.csv", answers,
                                               (size_t)-1));
    if (weights)
        snprintf(wpath, sizeof wpath, "%s",
                 tu_write(dir, "servqual_weights.csv", weights, (size_t)-1));
    mot_diag d;
    mot_servqual *s = NULL;
    mot_diag_init(&d, 0);
    mot_status st = mot_servqual_load_file(&s, path, weights ? wpath : NULL,
                                           NULL, &d);
    for (size_t i = 0; i < d.n; i++) {
        char buf[1200];
        mot_error_format(&d.items[i], buf, sizeof buf);
        print_error("%s\n", buf);
    }
    mot_diag_free(&d);
    if (st != MOT_OK)
        fail_msg("%s did not load: %s", path, mot_strerror(st));
    mot_servqual_result *r = NULL;
    mot_error err;
    if (mot_servqual_analyse(s, NULL, NULL, &r, &err) != MOT_OK)
        fail_msg("analysis failed: %s", err.message);
    mot_servqual_free(s);
    return r;
}

/* A growing text (open_memstream). */
typedef struct text {
    FILE *f;
    char *s;
    size_t len;
} text;

static void text_start(text *t, const char *header)
{
    t->s = NULL;
    t->f = open_memstream(&t->s, &t->len);
    assert_non_null(t->f);
    fputs(header, t->f);
}

static char *text_end(text *t)
{
    assert_int_equal(fclose(t->f), 0);
    return t->s;
}

/* ---- the 12manage example ------------------------------------------------- */

static const double gap12[MOT_NDIMENSIONS] = {-0.65, -1.10, -0.83, -0.70,
                                              -1.01};
static const int points12[MOT_NDIMENSIONS] = {10, 30, 25, 20, 15};

/* The answers: 22 standard items, respondents R1 and R2, expectation 6;
** item j of dimension d has gap gap12[d] + delta_j + 0.1 (R1) or - 0.1
** (R2), the deltas +0.2, -0.2, ... (0 for a fifth item) summing to 0 in
** each dimension. */
static char *answers12(void)
{
    static const int first[MOT_NDIMENSIONS + 1] = {1, 5, 10, 14, 18, 23};
    text t;
    text_start(&t, "respondent_id,item,expectation,perception\n");
    for (int who = 0; who < 2; who++)
        for (int d = 0; d < MOT_NDIMENSIONS; d++)
            for (int j = first[d]; j < first[d + 1]; j++) {
                int k = j - first[d], last = j + 1 == first[d + 1];
                double delta = last && k % 2 == 0 ? 0 : k % 2 ? -0.2 : 0.2;
                double p = 6 + gap12[d] + delta + (who ? -0.1 : 0.1);
                fprintf(t.f, "R%d,%d,6,%.2f\n", who + 1, j, p);
            }
    return text_end(&t);
}

static char *weights12(void)
{
    text t;
    text_start(&t, "respondent_id,dimension,points\n");
    for (int who = 1; who <= 2; who++)
        for (int d = 0; d < MOT_NDIMENSIONS; d++)
            fprintf(t.f, "R%d,%s,%d\n", who,
                    mot_dimension_name((mot_dimension)d), points12[d]);
    return text_end(&t);
}

static void test_12manage_example(void **state)
{
    (void)state;
    char *answers = answers12(), *weights = weights12();
    mot_servqual_result *r = analyse("sq_12manage", answers, weights);
    free(answers);
    free(weights);
    assert_int_equal(r->respondents, 2);
    assert_int_equal(r->nitems, 22);
    assert_int_equal(r->ndims, 5);
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        const mot_servqual_dim *x = &r->dims[d];
        assert_int_equal(x->gap.n, 2);
        assert_abs(x->gap.mean, gap12[d], 1e-6);
        assert_abs(x->expectation.mean, 6, 0);
        assert_abs(x->perception.mean, 6 + gap12[d], 1e-6);
        /* respondents' gaps gap +- 0.1: sd/sqrt(2) = 0.1 */
        assert_abs(x->gap.hi - x->gap.mean, T975_1 * 0.1, 1e-5);
        assert_abs(x->weight.mean, points12[d] / 100.0, 1e-15);
        assert_int_equal(x->zone, MOT_ZONE_NONE);
    }
    assert_int_equal(r->dims[0].nitems, 4);
    assert_int_equal(r->dims[1].nitems, 5);
    /* unweighted: mean of the dimension gaps, -4.29 / 5 */
    assert_int_equal(r->unweighted.n, 2);
    assert_abs(r->unweighted.mean, -0.858, 1e-6);
    assert_abs(r->unweighted.lo, -0.858 - T975_1 * 0.1, 1e-5);
    assert_abs(r->unweighted.hi, -0.858 + T975_1 * 0.1, 1e-5);
    /* weighted: .10(-.65) + .30(-1.10) + .25(-.83) + .20(-.70)
    ** + .15(-1.01) = -0.894 */
    assert_int_equal(r->weighted.n, 2);
    assert_abs(r->weighted.mean, -0.894, 1e-6);
    assert_abs(r->weighted.hi, -0.894 + T975_1 * 0.1, 1e-5);
    /* item 1: gaps -0.65 + 0.2 -+ 0.1; item 9 (fifth of reliability):
    ** -1.10 exactly */
    assert_string_equal(r->items[0].item, "1");
    assert_abs(r->items[0].gap.mean, -0.45, 1e-6);
    assert_abs(r->items[0].gap.sd, sqrt(0.02), 1e-6);
    assert_string_equal(r->items[8].item, "9");
    assert_int_equal(r->items[8].dimension, MOT_DIM_RELIABILITY);
    assert_abs(r->items[8].gap.mean, -1.10, 1e-6);
    /* IPA at the means: importance 0.2, performance 6 - 0.858; T (0.10,
    ** 5.35) overkill, Rel (0.30, 4.90) concentrate, Resp (0.25, 5.17)
    ** keep up, E (0.15, 4.99) low priority (A sits on the importance
    ** line, left to test_ipa.c's exact tie) */
    assert_int_equal(r->ipa.n, 5);
    assert_abs(r->ipa.importance, 0.2, 1e-12);
    assert_abs(r->ipa.performance, 6 - 0.858, 1e-6);
    assert_int_equal(r->dims[MOT_DIM_TANGIBLES].ipa, MOT_IPA_OVERKILL);
    assert_int_equal(r->dims[MOT_DIM_RELIABILITY].ipa, MOT_IPA_CONCENTRATE);
    assert_int_equal(r->dims[MOT_DIM_RESPONSIVENESS].ipa, MOT_IPA_KEEP_UP);
    assert_int_equal(r->dims[MOT_DIM_EMPATHY].ipa, MOT_IPA_LOW_PRIORITY);
    mot_servqual_result_free(r);
}

/* Per-respondent weighting, not aggregate: R1 puts all points on
** tangibles, where its gap is -1 (0 elsewhere): W = -1; R2 splits them
** between reliability (gap -2) and responsiveness (0): W = -1. The score
** is -1; weighting the mean gaps by the mean weights would give
** .5(-.5) + .25(-1) = -0.5. */
static void test_weights_per_respondent(void **state)
{
    (void)state;
    mot_servqual_result *r = analyse("sq_per_respondent",
        "respondent_id,item,expectation,perception\n"
        "R1,1,6,5\nR1,5,6,6\nR1,10,6,6\nR1,14,6,6\nR1,18,6,6\n"
        "R2,1,6,6\nR2,5,6,4\nR2,10,6,6\nR2,14,6,6\nR2,18,6,6\n",
        "respondent_id,dimension,points\n"
        "R1,tangibles,100\nR1,reliability,0\n"
        "R2,reliability,50\nR2,responsiveness,50\n");
    assert_abs(r->weighted.mean, -1, 1e-12);
    assert_abs(r->weighted.sd, 0, 1e-12);
    assert_abs(r->weighted.lo, -1, 1e-12);
    /* unweighted: R1 -1/5, R2 -2/5 */
    assert_abs(r->unweighted.mean, -0.3, 1e-12);
    assert_abs(r->dims[MOT_DIM_TANGIBLES].weight.mean, 0.5, 1e-15);
    assert_abs(r->dims[MOT_DIM_RESPONSIVENESS].weight.mean, 0.25, 1e-15);
    assert_abs(r->dims[MOT_DIM_EMPATHY].weight.mean, 0, 0);
    /* one item per dimension: alpha is undefined, not a failure */
    assert_true(isnan(r->dims[MOT_DIM_TANGIBLES].alpha_perception.alpha));
    mot_servqual_result_free(r);

    /* weights over the dimensions in the data: without empathy items,
    ** 20 points each over four dimensions are shares of 1/4 */
    r = analyse("sq_renormalise",
        "respondent_id,item,expectation,perception\n"
        "R1,1,6,5\nR1,5,6,6\nR1,10,6,6\nR1,14,6,4\n",
        "respondent_id,dimension,points\n"
        "R1,tangibles,20\nR1,reliability,20\nR1,responsiveness,20\n"
        "R1,assurance,20\nR1,empathy,20\n");
    assert_int_equal(r->ndims, 4);
    assert_int_equal(r->dims[MOT_DIM_EMPATHY].nitems, 0);
    assert_abs(r->dims[MOT_DIM_ASSURANCE].weight.mean, 0.25, 1e-15);
    assert_abs(r->weighted.mean, 0.25 * -1 + 0.25 * -2, 1e-12);
    assert_abs(r->unweighted.mean, -3.0 / 4, 1e-12);
    assert_int_equal(r->weighted.n, 1);
    assert_true(isnan(r->weighted.lo));     /* one respondent */
    mot_servqual_result_free(r);
}

/* ---- the zone of tolerance -------------------------------------------------- */

/* MSA = P - adequate, MSS = P - desired, by hand:
**   tangibles (item 1)       R1 P4 A5 D7, R2 P5 A6 D7: MSA -1, -1;
**                            MSS -3, -2: below
**   reliability (item 5)     R1 P6 A5 D7, R2 P6 A6 D7: MSA 1, 0 -> 0.5;
**                            MSS -1, -1: inside
**   responsiveness (10)      R1 P7 A4 D6, R2 P7 A5 D6: MSS 1, 1: above
**   assurance (14)           P5 A5 D6 twice: MSA 0: inside (the edge)
**   empathy (18)             R1 P6 A4 D6: MSS 0: inside; R2 without
**                            levels: n 1 */
static void test_zone_of_tolerance(void **state)
{
    (void)state;
    mot_servqual_result *r = analyse("sq_zone",
        "respondent_id,item,expectation,perception,adequate,desired\n"
        "R1,1,6,4,5,7\nR2,1,6,5,6,7\n"
        "R1,5,6,6,5,7\nR2,5,6,6,6,7\n"
        "R1,10,6,7,4,6\nR2,10,6,7,5,6\n"
        "R1,14,6,5,5,6\nR2,14,6,5,5,6\n"
        "R1,18,6,6,4,6\nR2,18,6,5,,\n", NULL);
    const mot_servqual_dim *d = r->dims;
    assert_true(r->has_zone);
    assert_abs(d[MOT_DIM_TANGIBLES].msa.mean, -1, 0);
    assert_abs(d[MOT_DIM_TANGIBLES].mss.mean, -2.5, 0);
    assert_int_equal(d[MOT_DIM_TANGIBLES].zone, MOT_ZONE_BELOW);
    assert_abs(d[MOT_DIM_RELIABILITY].msa.mean, 0.5, 0);
    assert_abs(d[MOT_DIM_RELIABILITY].mss.mean, -1, 0);
    assert_int_equal(d[MOT_DIM_RELIABILITY].zone, MOT_ZONE_INSIDE);
    assert_abs(d[MOT_DIM_RESPONSIVENESS].mss.mean, 1, 0);
    assert_int_equal(d[MOT_DIM_RESPONSIVENESS].zone, MOT_ZONE_ABOVE);
    assert_abs(d[MOT_DIM_ASSURANCE].msa.mean, 0, 0);
    assert_int_equal(d[MOT_DIM_ASSURANCE].zone, MOT_ZONE_INSIDE);
    assert_int_equal(d[MOT_DIM_EMPATHY].mss.n, 1);
    assert_abs(d[MOT_DIM_EMPATHY].mss.mean, 0, 0);
    assert_int_equal(d[MOT_DIM_EMPATHY].zone, MOT_ZONE_INSIDE);
    /* MSA interval of reliability: values 1, 0: sd sqrt(1/2), half
    ** t * sd / sqrt(2) = t / 2 */
    assert_abs(d[MOT_DIM_RELIABILITY].msa.lo, 0.5 - T975_1 / 2, 1e-9);
    /* items carry MSA and MSS too */
    assert_abs(r->items[0].msa.mean, -1, 0);
    assert_int_equal(r->items[4].mss.n, 1);
    assert_string_equal(mot_zone_name(MOT_ZONE_BELOW), "below");
    assert_string_equal(mot_zone_name(MOT_ZONE_NONE), "none");
    mot_servqual_result_free(r);
}

/* ---- alpha against psych ---------------------------------------------------- */

/* Rscript tests/data/servqual_alpha.R tests/data/servqual_alpha.csv:
**   tangibles expectation raw_alpha 0.761904761904762
**   tangibles perception raw_alpha 0.70096463022508
**   tangibles gap mean -0.979166666666667 ci -1.60161944357585
**     -0.356713889757481
**   reliability expectation raw_alpha 0.884488448844885
**   reliability perception raw_alpha 0.910027472527473
**   reliability gap mean -1.61666666666667 ci -2.35655476469935
**     -0.876778568633984 */
static void test_alpha_against_psych(void **state)
{
    (void)state;
    char *answers = tu_read(MOT_TEST_DATA "/servqual_alpha.csv", NULL);
    assert_non_null(answers);
    mot_servqual_result *r = analyse("sq_alpha", answers, NULL);
    free(answers);
    const mot_servqual_dim *t = &r->dims[MOT_DIM_TANGIBLES],
                           *l = &r->dims[MOT_DIM_RELIABILITY];
    assert_int_equal(r->ndims, 2);
    assert_int_equal(t->alpha_expectation.k, 4);
    assert_int_equal(t->alpha_expectation.rows, 12);
    assert_abs(t->alpha_expectation.alpha, 0.761904761904762, 1e-12);
    assert_abs(t->alpha_perception.alpha, 0.70096463022508, 1e-12);
    assert_abs(l->alpha_expectation.alpha, 0.884488448844885, 1e-12);
    assert_abs(l->alpha_perception.alpha, 0.910027472527473, 1e-12);
    assert_abs(t->gap.mean, -0.979166666666667, 1e-12);
    assert_abs(t->gap.lo, -1.60161944357585, 1e-10);
    assert_abs(t->gap.hi, -0.356713889757481, 1e-10);
    assert_abs(l->gap.mean, -1.61666666666667, 1e-12);
    assert_abs(l->gap.lo, -2.35655476469935, 1e-10);
    assert_abs(l->gap.hi, -0.876778568633984, 1e-10);
    assert_int_equal(r->dims[MOT_DIM_EMPATHY].nitems, 0);
    assert_true(isnan(r->dims[MOT_DIM_EMPATHY].alpha_perception.alpha));
    mot_servqual_result_free(r);
}

/* ---- missing answers -------------------------------------------------------- */

/* Respondent-level means: R1 rates items 1 and 2 (gaps -1, -3: its
** tangibles gap -2), R2 only item 1 (gap 0), R3 item 1 without a
** perception. Tangibles: (-2 + 0) / 2 = -1 over 2 respondents, where a
** mean over rows would give -4/3. Only R1 also rates reliability (item 5,
** gap 1), so only R1 has every dimension: unweighted (-2 + 1) / 2. */
static void test_missing_answers(void **state)
{
    (void)state;
    mot_servqual_result *r = analyse("sq_missing",
        "respondent_id,item,expectation,perception\n"
        "R1,1,6,5\nR1,2,6,3\nR2,1,5,5\nR3,1,6,\nR1,5,4,5\n", NULL);
    const mot_servqual_dim *t = &r->dims[MOT_DIM_TANGIBLES];
    assert_int_equal(r->respondents, 3);
    assert_int_equal(t->gap.n, 2);
    assert_abs(t->gap.mean, -1, 1e-15);
    assert_int_equal(t->expectation.n, 3);
    assert_abs(t->expectation.mean, (6 + 5 + 6) / 3.0, 1e-15);
    assert_int_equal(r->items[0].gap.n, 2);
    assert_int_equal(r->items[0].expectation.n, 3);
    assert_int_equal(r->unweighted.n, 1);
    assert_abs(r->unweighted.mean, -0.5, 1e-15);
    assert_int_equal(r->weighted.n, 0);
    assert_true(isnan(r->weighted.mean));
    assert_false(r->has_weights);
    assert_int_equal(r->ipa.n, 0);
    assert_int_equal(t->ipa, MOT_IPA_NONE);
    mot_servqual_result_free(r);
}

/* ---- derived importance ----------------------------------------------------- */

static void test_derived_importance(void **state)
{
    (void)state;
    char *answers = sqf_answers("R", "overall");
    mot_servqual_result *r = analyse("sq_derived", answers, NULL);
    sqf_check(r, "servqual.csv");
    assert_int_equal(r->derived.bootstrap, 200);
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        /* shares lie in [0, 1], so do their percentiles; the replicates
        ** that resample too few distinct runs fail and are dropped */
        const mot_servqual_dim *x = &r->dims[d];
        assert_true(x->importance_lo >= 0 &&
                    x->importance_lo <= x->importance_hi &&
                    x->importance_hi <= 1);
    }
    assert_true(r->derived.failed < 200);
    mot_servqual_result_free(r);

    /* weights win: the IPA importance is the weight share */
    char *weights = weights12();
    r = analyse("sq_derived_w", answers, weights);
    assert_int_equal(r->importance_source, MOT_IMPORTANCE_WEIGHTS);
    assert_null(r->derived.outcome);
    assert_int_equal(r->derived.n, 0);
    assert_true(isnan(r->derived.r2));
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        assert_abs(r->dims[d].importance, points12[d] / 100.0, 1e-12);
        assert_true(r->dims[d].importance_lo == r->dims[d].weight.lo);
    }
    mot_servqual_result_free(r);

    /* no overall score and no weights: no importance, no IPA */
    char *none = sqf_answers("R", NULL);
    r = analyse("sq_derived_none", none, NULL);
    assert_int_equal(r->importance_source, MOT_IMPORTANCE_NONE);
    assert_null(r->derived.outcome);
    assert_int_equal(r->ipa.n, 0);
    assert_true(isnan(r->dims[0].importance));
    mot_servqual_result_free(r);

    /* the score given by the caller (customers.csv in a project), without
    ** an interval when no bootstrap is asked for */
    mot_diag dg;
    mot_servqual *s = NULL;
    const char *dir = tu_tmpdir("sq_derived_given");
    mot_diag_init(&dg, 0);
    assert_int_equal(mot_servqual_load_file(&s, tu_write(dir, "sq.csv", none,
                                                         (size_t)-1),
                                            NULL, NULL, &dg), MOT_OK);
    mot_diag_free(&dg);
    double y[SQF_N];
    for (int i = 0; i < SQF_N; i++)
        y[i] = sqf_overall(i);
    mot_servqual_options o;
    mot_error err;
    mot_servqual_options_default(&o);
    o.overall = y;
    o.bootstrap = 0;
    assert_int_equal(mot_servqual_analyse(s, NULL, &o, &r, &err), MOT_OK);
    sqf_check(r, "customers.csv");
    assert_null(r->options.overall);
    assert_true(isnan(r->dims[0].importance_lo));
    mot_servqual_result_free(r);
    mot_servqual_free(s);
    free(answers);
    free(weights);
    free(none);
}

/* ---- touchpoints and bad input ---------------------------------------------- */

static void test_touchpoints_and_errors(void **state)
{
    (void)state;
    const char *dir = lu_project("sq_tp", (lu_file[]){
        {"blueprint.csv", "id,name,stage,servqual_dimension\n"
                          "T1,咨询,售前,assurance\nT2,开通,售中,\n"
                          "T3,报修,售后,可靠性\nT4,回访,售后,reliability\n"},
        {"servqual.csv", "respondent_id,item,expectation,perception\n"
                         "R1,5,6,5\nR1,14,6,6\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    mot_servqual_result *r = NULL;
    mot_error err;
    assert_int_equal(mot_servqual_analyse(p->servqual, &p->blueprint, NULL,
                                          &r, &err), MOT_OK);
    const mot_servqual_dim *rel = &r->dims[MOT_DIM_RELIABILITY];
    assert_int_equal(rel->ntouchpoints, 2);
    assert_string_equal(rel->touchpoints[0].id, "T3");
    assert_string_equal(rel->touchpoints[1].name, "回访");
    assert_int_equal(rel->touchpoints[1].index, 3);
    assert_int_equal(r->dims[MOT_DIM_ASSURANCE].ntouchpoints, 1);
    assert_int_equal(r->dims[MOT_DIM_TANGIBLES].ntouchpoints, 0);
    mot_servqual_result_free(r);

    mot_servqual_options o;
    mot_servqual_options_default(&o);
    o.level = 0;
    r = (mot_servqual_result *)1;
    assert_int_equal(mot_servqual_analyse(p->servqual, NULL, &o, &r, &err),
                     MOT_EUSAGE);
    assert_null(r);
    mot_servqual_options_default(&o);
    o.ipa.at_point = 1;
    o.ipa.importance = NAN;
    assert_int_equal(mot_servqual_analyse(p->servqual, NULL, &o, &r, &err),
                     MOT_EUSAGE);
    mot_project_free(p);

    /* no rating at all */
    dir = lu_project("sq_empty", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"servqual.csv", "respondent_id,item,expectation,perception\n"
                         "R1,5,,\n"}, {NULL, NULL}});
    p = lu_load(dir);
    assert_int_equal(mot_servqual_analyse(p->servqual, NULL, NULL, &r, &err),
                     MOT_EDATA);
    assert_null(r);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_12manage_example),
        cmocka_unit_test(test_weights_per_respondent),
        cmocka_unit_test(test_zone_of_tolerance),
        cmocka_unit_test(test_alpha_against_psych),
        cmocka_unit_test(test_missing_answers),
        cmocka_unit_test(test_touchpoints_and_errors),
        cmocka_unit_test(test_derived_importance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
