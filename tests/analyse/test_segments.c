/* test_segments.c: mot_analyse_segments (src/analyse/segments.c).
**
** A generated project of two segments of 1000 customers who each rate
** T1, T2 and T3 once (scores uniform 1..5, tolerance 3): in segment A a
** score below 3 at T1 multiplies the churn odds by 5, in B nothing does.
** T1 must be a negative moment in A, none in B, and be the one touchpoint
** listed as differing, with Woolf's Q equal to the two-segment formula
** (b_A - b_B)^2 / (se_A^2 + se_B^2) recomputed here from the segments'
** odds ratios and intervals. Then value tiers on a hand-made project
** (values 1..9: R's quantile(1:9, c(1/3, 2/3)) = 3.666667, 6.333333, so
** three customers a tier), a numeric column as levels, and the errors. */
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

#define PER_SEGMENT 1000

typedef struct run {
    mot_project *p;
    mot_features *f;
    mot_analysis *a;
} run;

static void analyse(run *r, const char *dir)
{
    mot_error err;
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    o.bootstrap = 20;
    o.threads = 1;
    r->p = lu_load(dir);
    assert_int_equal(mot_features_derive(r->p, 1, &r->f, &err), MOT_OK);
    assert_int_equal(mot_analyse(r->p, r->f, &o, &r->a, &err), MOT_OK);
}

static void run_free(run *r)
{
    mot_analysis_free(r->a);
    mot_features_free(r->f);
    mot_project_free(r->p);
}

/* The generated project: customers.csv and events.csv texts. */
static const char *generated(void)
{
    size_t n = 2 * PER_SEGMENT, cap = n * 120 + 256, cu = 0, ev = 0;
    char *c = malloc(cap), *e = malloc(cap);
    mot_rng rng;
    assert_true(c && e);
    mot_rng_seed(&rng, 42);
    cu += (size_t)snprintf(c, cap, "customer_id,segment,churned\n");
    ev += (size_t)snprintf(e, cap, "customer_id,time,touchpoint,score\n");
    for (size_t i = 0; i < n; i++) {
        int seg_a = i < PER_SEGMENT, s[3];
        for (int t = 0; t < 3; t++) {
            s[t] = 1 + (int)mot_rng_below(&rng, 5);
            ev += (size_t)snprintf(e + ev, cap - ev, "C%zu,%zu,T%d,%d\n", i,
                                   (size_t)1767225600 + i * 100 + (size_t)t,
                                   t + 1, s[t]);
        }
        double odds = 0.15 * (seg_a && s[0] < 3 ? 5 : 1);
        int churned = mot_rng_uniform(&rng) < odds / (1 + odds);
        cu += (size_t)snprintf(c + cu, cap - cu, "C%zu,%s,%d\n", i,
                               seg_a ? "A" : "B", churned);
    }
    const lu_file files[] = {
        {"blueprint.csv", "id,name,stage,tolerance\nT1,账单,使用,3\n"
                          "T2,客服,使用,3\nT3,续约,续约,3\n"},
        {"customers.csv", c},
        {"events.csv", e},
        {NULL, NULL}};
    const char *dir = lu_project("segments_gen", files);
    free(c);
    free(e);
    return dir;
}

static void test_moment_differs(void **state)
{
    (void)state;
    run r;
    mot_error err;
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    o.bootstrap = 20;
    o.threads = 1;
    analyse(&r, generated());
    assert_int_equal(mot_analyse_segments(r.p, "segment", &o, r.a, &err),
                     MOT_OK);
    const mot_segments *s = r.a->segments;
    assert_non_null(s);
    assert_int_equal(s->nseg, 2);
    assert_int_equal(s->unassigned, 0);
    size_t a = strcmp(s->seg[0].name, "A") == 0 ? 0 : 1, b = 1 - a;
    assert_string_equal(s->seg[a].name, "A");
    assert_int_equal(s->seg[a].n, PER_SEGMENT);
    assert_int_equal(s->seg[a].events, 3 * PER_SEGMENT);
    const mot_tp_result *ra = &s->seg[a].a->tp[0], *rb = &s->seg[b].a->tp[0];
    assert_int_equal(ra->kind, MOT_KIND_NEGATIVE);
    assert_int_equal(rb->kind, MOT_KIND_NONE);
    assert_true(ra->odds_ratio > 3);
    assert_true(rb->or_lo < 1 && rb->or_hi > 1);
    /* each segment is a project of its own: its reach is of its own
    ** customers */
    assert_true(fabs(ra->reach - 1) < 1e-12);
    assert_int_equal(s->ndiff, 1);
    assert_int_equal(s->diff[0].tp, 0);
    double z = mot_norm_quantile(0.975);
    double ba = log(ra->odds_ratio), bb = log(rb->odds_ratio);
    double sa = (log(ra->or_hi) - log(ra->or_lo)) / (2 * z),
           sb = (log(rb->or_hi) - log(rb->or_lo)) / (2 * z);
    double q = (ba - bb) * (ba - bb) / (sa * sa + sb * sb);
    assert_int_equal(s->diff[0].churn.k, 2);
    assert_true(fabs(s->diff[0].churn.q - q) < 1e-9 * (1 + q));
    assert_true(fabs(s->diff[0].churn.df - 1) < 1e-12);
    assert_true(s->diff[0].churn.p < 0.001);
    run_free(&r);
}

static const lu_file tier_files[] = {
    {"blueprint.csv", LU_BLUEPRINT},
    {"customers.csv", "customer_id,value,plan,churned\nC1,1,2,0\nC2,2,1,1\n"
                      "C3,3,2,0\nC4,4,1,0\nC5,5,2,1\nC6,6,1,0\nC7,7,2,0\n"
                      "C8,8,1,1\nC9,9,2,0\nC10,,1,0\n"},
    {"events.csv", "customer_id,time,touchpoint,score\n"
                   "C1,1767225600,T1,4\nC5,1767225600,T2,2\n"
                   "C9,1767225600,T3,5\n"},
    {NULL, NULL}};

static void test_tiers_and_levels(void **state)
{
    (void)state;
    run r;
    mot_error err;
    analyse(&r, lu_project("segments_tiers", tier_files));
    assert_int_equal(mot_analyse_segments(r.p, "tier", NULL, r.a, &err),
                     MOT_OK);
    const mot_segments *s = r.a->segments;
    assert_true(s->tiers);
    assert_true(fabs(s->tier_cut[0] - 11.0 / 3) < 1e-12);
    assert_true(fabs(s->tier_cut[1] - 19.0 / 3) < 1e-12);
    assert_int_equal(s->nseg, 3);
    assert_string_equal(s->seg[0].name, "low");
    assert_string_equal(s->seg[2].name, "high");
    for (size_t k = 0; k < 3; k++)
        assert_int_equal(s->seg[k].n, 3);
    assert_int_equal(s->unassigned, 1);   /* C10 has no value */
    assert_int_equal(s->seg[0].events, 1);
    mot_segments_free(r.a->segments);
    r.a->segments = NULL;

    /* a numeric column with two values */
    assert_int_equal(mot_analyse_segments(r.p, "plan", NULL, r.a, &err),
                     MOT_OK);
    s = r.a->segments;
    assert_int_equal(s->nseg, 2);
    assert_string_equal(s->seg[0].name, "1");
    assert_int_equal(s->seg[0].n, 5);
    assert_int_equal(s->seg[1].n, 5);
    mot_segments_free(r.a->segments);
    r.a->segments = NULL;

    /* no such column; a numeric column with too many values */
    assert_int_equal(mot_analyse_segments(r.p, "nope", NULL, r.a, &err),
                     MOT_EUSAGE);
    assert_non_null(strstr(err.message, "no column 'nope'"));
    assert_null(r.a->segments);
    run_free(&r);
}

static void test_too_many_levels(void **state)
{
    (void)state;
    char cu[512];
    size_t used = (size_t)snprintf(cu, sizeof cu, "customer_id,x\n");
    for (int i = 1; i <= 13; i++)
        used += (size_t)snprintf(cu + used, sizeof cu - used, "C%d,%d\n", i,
                                 i);
    const lu_file files[] = {{"blueprint.csv", LU_BLUEPRINT},
                             {"customers.csv", cu},
                             {NULL, NULL}};
    run r;
    mot_error err;
    analyse(&r, lu_project("segments_levels", files));
    assert_int_equal(mot_analyse_segments(r.p, "x", NULL, r.a, &err),
                     MOT_EUSAGE);
    assert_non_null(strstr(err.message, "more than 12 values"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_moment_differs),
        cmocka_unit_test(test_tiers_and_levels),
        cmocka_unit_test(test_too_many_levels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
