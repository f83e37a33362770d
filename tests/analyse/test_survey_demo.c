/*
** test_survey_demo.c: the survey analyses recover what `mot demo` plants
** (docs/demo.md, "The planted truths" 5 and 6): on each scenario's
** project, every KANO feature gets its planted category (and the blueprint
** row whose kano_feature names it as its touchpoint), and the planted
** SERVQUAL dimension has the largest negative gap, below the zone of
** tolerance, while the other dimensions are inside it.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "read/loadutil.h"

/* A planted KANO feature. */
typedef struct planted_feature {
    const char *feature;
    char category;
} planted_feature;

/* One scenario's planted truths, copied from docs/demo.md. */
typedef struct planted {
    const char *scenario;
    planted_feature kano[8];          /* up to a NULL feature */
    mot_dimension gap;                /* the SERVQUAL dimension planted */
    const char *tp_feature, *tp_id;   /* a feature and its blueprint row */
} planted;

static const planted scenarios[] = {
    {"telecom",
     {{"账单准确无误", 'M'}, {"网络覆盖与网速", 'O'}, {"故障当天修复", 'O'},
      {"专属客户经理", 'A'}, {"流量惊喜包", 'A'}, {"积分兑换商城", 'I'},
      {NULL, 0}},
     MOT_DIM_RESPONSIVENESS, "账单准确无误", "T06"},
    {"rail",
     {{"列车准点", 'M'}, {"候补购票成功率", 'O'}, {"座位充电插座", 'O'},
      {"站内免费无线网络", 'A'}, {"静音车厢", 'A'}, {"车厢纪念品", 'I'},
      {"进站刷脸", 'I'}, {NULL, 0}},
     MOT_DIM_RELIABILITY, NULL, NULL},
    {"property",
     {{"门禁安全", 'M'}, {"交付验房陪同", 'M'}, {"报修及时上门", 'O'},
      {"24小时管家响应", 'O'}, {"社区节日活动", 'A'}, {"快递代收", 'A'},
      {"线上缴费", 'I'}, {"小区公告栏", 'I'}},
     MOT_DIM_RESPONSIVENESS, NULL, NULL},
    {"hotel",
     {{"房间干净", 'M'}, {"免费取消", 'M'}, {"床品舒适", 'O'},
      {"快速退房", 'O'}, {"欢迎水果", 'A'}, {"免费升级", 'A'},
      {"大堂香氛", 'I'}, {NULL, 0}},
     MOT_DIM_TANGIBLES, NULL, NULL},
};

/* The planted category of feature name, or 0 when it is not planted. */
static char planted_category(const planted *p, const char *name)
{
    for (size_t i = 0; i < 8 && p->kano[i].feature; i++)
        if (strcmp(p->kano[i].feature, name) == 0)
            return p->kano[i].category;
    return 0;
}

static void check_kano(const planted *p, const mot_project *proj)
{
    mot_kano_options o;
    mot_kano_result *r = NULL;
    mot_error err;
    size_t nplanted = 0;
    while (nplanted < 8 && p->kano[nplanted].feature)
        nplanted++;
    mot_kano_options_default(&o);
    o.by_segment = 1;
    assert_int_equal(mot_kano_analyse(proj->kano, &proj->blueprint, &o, &r,
                                      &err), MOT_OK);
    assert_int_equal(r->nfeatures, nplanted);
    assert_true(r->nsegments >= 2);
    for (size_t i = 0; i < r->nfeatures; i++) {
        const mot_kano_feature *x = &r->features[i];
        char want = planted_category(p, x->name);
        if (!want)
            fail_msg("%s: feature %s was not planted", p->scenario, x->name);
        if (x->all.category != (mot_kano_category)(strchr("AOMIRQ", want) -
                                                   "AOMIRQ"))
            fail_msg("%s: %s is %s, planted %c", p->scenario, x->name,
                     mot_kano_letter(x->all.category), want);
        assert_int_equal(x->all.fong_significant, 1);
        assert_true(x->all.importance.n > 0);
        if (p->tp_feature && strcmp(x->name, p->tp_feature) == 0)
            assert_string_equal(x->touchpoint.id, p->tp_id);
    }
    mot_kano_result_free(r);
}

static void check_servqual(const planted *p, const mot_project *proj)
{
    mot_servqual_result *r = NULL;
    mot_error err;
    assert_int_equal(mot_servqual_analyse(proj->servqual, &proj->blueprint,
                                          NULL, &r, &err), MOT_OK);
    assert_int_equal(r->ndims, MOT_NDIMENSIONS);
    assert_true(r->has_zone && r->has_weights);
    int worst = 0;
    for (int d = 1; d < MOT_NDIMENSIONS; d++)
        if (r->dims[d].gap.mean < r->dims[worst].gap.mean)
            worst = d;
    if (worst != (int)p->gap)
        fail_msg("%s: largest gap in %s, planted %s", p->scenario,
                 mot_dimension_name((mot_dimension)worst),
                 mot_dimension_name(p->gap));
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        const mot_servqual_dim *x = &r->dims[d];
        /* planted gap near -2, the others -0.4 .. -1.0; intervals apart */
        if (d == (int)p->gap) {
            assert_true(x->gap.hi < -1.5);
            assert_int_equal(x->zone, MOT_ZONE_BELOW);
        } else {
            assert_true(x->gap.lo > -1.5);
            assert_int_equal(x->zone, MOT_ZONE_INSIDE);
        }
        /* items of a dimension agree (a respondent level, sd 0.5, under
        ** item noise, sd 0.6: alpha about 0.6 for 3 items, 0.75 for 5) */
        assert_true(x->alpha_expectation.alpha > 0.3);
        assert_true(x->alpha_perception.alpha > 0.3);
    }
    assert_int_equal(r->dims[p->gap].ipa == MOT_IPA_CONCENTRATE ||
                     r->dims[p->gap].ipa == MOT_IPA_LOW_PRIORITY, 1);
    assert_true(r->unweighted.hi < 0 && r->weighted.hi < 0);
    mot_servqual_result_free(r);
}

static void test_demo_scenarios(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof scenarios / sizeof *scenarios; i++) {
        const planted *p = &scenarios[i];
        char name[64];
        snprintf(name, sizeof name, "survey_demo_%s", p->scenario);
        const char *dir = tu_tmpdir(name);
        mot_demo_options o = {p->scenario, 500, 11};
        mot_error err;
        assert_int_equal(mot_demo_write(dir, &o, &err), MOT_OK);
        mot_project *proj = lu_load(dir);
        check_kano(p, proj);
        check_servqual(p, proj);
        mot_project_free(proj);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_scenarios),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
