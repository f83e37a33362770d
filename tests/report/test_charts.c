/*
** test_charts.c: the report's charts (mot/charts.h) and the HTML page
** (mot_report_html) on a small fixed project.
**
** Four touchpoints in three stages (one with a long Chinese name) and a
** hand-built analysis: means with intervals on a 1-5 scale, importances,
** a negative and a positive moment, a tolerance line on waiting time and
** one on a customers.csv column, peak-end counts and R², and hand-built
** KANO and SERVQUAL results. Each chart is compared with a golden SVG in
** tests/data/golden/ (chart.NAME.LANG.svg; XML validity of every golden
** SVG is checked by tests/cli/blueprint.sh). To regenerate after an
** intended change, run with MOT_UPDATE_GOLDEN=1 and read the diff:
**   MOT_UPDATE_GOLDEN=1 build/asan/tests/test_charts
**
** Beyond the goldens, positions computed by hand from the chart geometry
** (the curve's y scale maps the scale 1..5 onto 274..34, so a mean of 3
** is at y = 154 and 4.5 at y = 64), MOT_ENOENT with nothing written for an
** analysis with nothing to draw, the page holding every chart with its
** caption above the table of its section, its sections being the
** Markdown report's, nothing in it fetching anything, and a failed write
** reported as MOT_EIO.
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

#include "mot/charts.h"
#include "mot/report.h"
#include "report/internal.h"
#include "testutil.h"
#include "read/loadutil.h"

static const char blueprint[] =
    "id,name,stage,lane,tolerance,target\n"
    "T1,Hotline,Buy,frontstage,3,4.5\n"
    "T2,营业厅办理开户与实名登记及后续回访,Buy,frontstage,3,4.5\n"
    "T3,First bill,Bill,evidence,3,\n"
    "T4,Repair,Fix,frontstage,3,4.5\n";

static mot_project *load(void)
{
    const char *dir = tu_tmpdir("charts_fixture");
    tu_write(dir, "blueprint.csv", blueprint, (size_t)-1);
    return lu_load(dir);
}

static mot_tp_result blank(size_t tp)
{
    mot_tp_result r;
    memset(&r, 0, sizeof r);
    r.tp = tp;
    r.reach = r.mean = r.mean_lo = r.mean_hi = NAN;
    r.below_tolerance = r.importance = r.importance_lo = NAN;
    r.importance_hi = r.target = NAN;
    r.tolerance = 3;
    r.line.value = r.line.rate_beyond = r.line.rate_within = NAN;
    return r;
}

static size_t worst[4] = {5, 40, 2, 10}, best[4] = {30, 1, 3, 9},
              endc[4] = {0, 0, 4, 50}, first[4] = {50, 4, 0, 0};

static mot_kano_feature kano_features[2];
static mot_kano_result kano;
static mot_servqual_result servqual;
static mot_tolerance customer_line;

/* The fixture's analysis in *a, with its touchpoints in tps. */
static void fixture(mot_analysis *a, mot_tp_result *tps)
{
    static const double mean[4] = {3.0, 4.5, 3.8, 2.6};
    static const double imp[4] = {0.05, 0.30, NAN, 0.12};
    static const double reach[4] = {0.9, 0.5, 1.0, 0.25};
    for (size_t i = 0; i < 4; i++) {
        tps[i] = blank(i);
        tps[i].mean = mean[i];
        tps[i].mean_lo = mean[i] - 0.2;
        tps[i].mean_hi = mean[i] + 0.2;
        tps[i].reach = reach[i];
        tps[i].importance = imp[i];
        tps[i].importance_lo = imp[i] / 2;
        tps[i].importance_hi = imp[i] * 1.5;
        tps[i].target = i == 2 ? NAN : 4.5;
    }
    tps[3].kind = MOT_KIND_NEGATIVE;
    tps[1].kind = MOT_KIND_POSITIVE;
    tps[0].ipa = MOT_IPA_LOW_PRIORITY;
    tps[1].ipa = MOT_IPA_KEEP_UP;
    tps[3].ipa = MOT_IPA_CONCENTRATE;
    mot_tolerance *l = &tps[3].line;
    l->found = 1;
    snprintf(l->measure, sizeof l->measure, "wait_minutes");
    snprintf(l->outcome, sizeof l->outcome, "churn");
    l->value = 20;
    l->direction = 1;
    l->rate_beyond = 0.4;
    l->rate_within = 0.1;

    memset(&customer_line, 0, sizeof customer_line);
    customer_line.found = 1;
    snprintf(customer_line.measure, sizeof customer_line.measure, "tenure");
    snprintf(customer_line.outcome, sizeof customer_line.outcome, "churn");
    customer_line.value = 6;
    customer_line.direction = -1;
    customer_line.rate_beyond = 0.3;
    customer_line.rate_within = 0.15;

    memset(a, 0, sizeof *a);
    a->ntp = 4;
    a->tp = tps;
    a->customer_lines = &customer_line;
    a->ncustomer_lines = 1;
    a->ipa.n = 3;
    a->ipa.importance = 0.1567;
    a->ipa.performance = 3.3667;
    a->peak_end.available = 1;
    a->peak_end.n = 100;
    a->peak_end.r2_mean = 0.31;
    a->peak_end.r2_peak_end = 0.42;
    a->peak_end.r2_primacy = 0.43;
    snprintf(a->peak_end.winner, sizeof a->peak_end.winner, "peak_end");
    a->peak_end.worst_count = worst;
    a->peak_end.best_count = best;
    a->peak_end.end_count = endc;
    a->peak_end.first_count = first;

    memset(&kano, 0, sizeof kano);
    memset(kano_features, 0, sizeof kano_features);
    kano_features[0].name = "准时上门";
    kano_features[0].all.better = 0.7;
    kano_features[0].all.worse = -0.8;
    kano_features[0].all.better_lo = 0.6;
    kano_features[0].all.better_hi = 0.8;
    kano_features[0].all.worse_lo = -0.9;
    kano_features[0].all.worse_hi = -0.7;
    kano_features[0].all.category = MOT_KANO_O;
    kano_features[1].name = "Loyalty points";
    kano_features[1].all.better = 0.2;
    kano_features[1].all.worse = -0.1;
    kano_features[1].all.better_lo = kano_features[1].all.better_hi = NAN;
    kano_features[1].all.worse_lo = kano_features[1].all.worse_hi = NAN;
    kano_features[1].all.category = MOT_KANO_I;
    kano.features = kano_features;
    kano.nfeatures = 2;
    a->kano = &kano;

    memset(&servqual, 0, sizeof servqual);
    servqual.has_zone = 1;
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        mot_servqual_dim *dm = &servqual.dims[d];
        dm->dimension = (mot_dimension)d;
        dm->nitems = d == MOT_DIM_EMPATHY ? 0 : 4;
        dm->gap.mean = -0.5 * d;
        dm->gap.lo = dm->gap.mean - 0.2;
        dm->gap.hi = dm->gap.mean + 0.2;
        dm->msa.mean = 1 - 0.5 * d;
        dm->mss.mean = -0.5 - 0.25 * d;
    }
    a->servqual = &servqual;
}

/* Chart fn of the fixture drawn into a new string; its status in *st. */
static char *draw(mot_chart_fn fn, const mot_project *p,
                  const mot_analysis *a, mot_lang lang, mot_status *st)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_non_null(m);
    *st = fn(m, p, a, lang);
    assert_int_equal(fclose(m), 0);
    return s;
}

static void test_golden(void **state)
{
    (void)state;
    static const char *const ids[] = {"curve", "ipa", "importance",
                                      "tolerance", "peak_end", "kano",
                                      "servqual"};
    mot_project *p = load();
    mot_tp_result tps[4];
    mot_analysis a;
    fixture(&a, tps);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        for (int lang = 0; lang < 2; lang++) {
            mot_chart_fn fn = mot_chart_find(ids[i]);
            assert_non_null(fn);
            mot_status st;
            char *s = draw(fn, p, &a, (mot_lang)lang, &st);
            assert_int_equal(st, MOT_OK);
            char name[64];
            snprintf(name, sizeof name, "chart.%s.%s.svg", ids[i],
                     lang ? "zh" : "en");
            tu_golden(name, s);
            free(s);
        }
    assert_null(mot_chart_find("pie"));
    mot_project_free(p);
}

/* Positions worked out by hand from the geometry. */
static void test_positions(void **state)
{
    (void)state;
    mot_project *p = load();
    mot_tp_result tps[4];
    mot_analysis a;
    fixture(&a, tps);
    mot_status st;
    char *s = draw(mot_chart_curve, p, &a, MOT_LANG_EN, &st);
    /* slots of 110 (660 / 4 capped at 110) from x = 48: centres 103, 213,
    ** 323, 433; mean 3 at y = 274 - (3 - 1) / 4 * 240 = 154 */
    assert_non_null(strstr(s, "cx=\"103\" cy=\"154\""));
    assert_non_null(strstr(s, "cx=\"213\" cy=\"64\""));    /* 4.5 */
    /* the curve's path through the four means */
    assert_non_null(strstr(s, "d=\"M103.0 154.0L213.0 64.0L323.0 106.0"
                              "L433.0 178.0\""));
    /* worst is T2 (40), best T1 (30), end T4 (50) */
    assert_non_null(strstr(s, ">worst</text>"));
    assert_non_null(strstr(s, ">best</text>"));
    assert_non_null(strstr(s, ">end</text>"));
    /* the target dash of T1 at 4.5 (y = 64) and none for T3 */
    assert_non_null(strstr(s, "x1=\"50\" y1=\"64\" x2=\"156\" y2=\"64\""));
    assert_null(strstr(s, "x1=\"270\" y1=\"64\""));
    free(s);
    /* importance: the axis runs to 100 * 0.45 * 1.05 = 47.25 over x 190 ..
    ** 620, so 30% is a bar of 430 * 30 / 47.25 = 273.02 */
    s = draw(mot_chart_importance, p, &a, MOT_LANG_EN, &st);
    assert_non_null(strstr(s, "width=\"273.02\""));
    assert_null(strstr(s, "First bill"));   /* no importance, no bar */
    free(s);
    mot_project_free(p);
}

/* An analysis with nothing to draw: MOT_ENOENT, nothing written. */
static void test_nothing(void **state)
{
    (void)state;
    static const char *const ids[] = {"curve", "ipa", "importance",
                                      "tolerance", "peak_end", "kano",
                                      "servqual"};
    mot_project *p = load();
    mot_tp_result tps[4];
    for (size_t i = 0; i < 4; i++)
        tps[i] = blank(i);
    mot_analysis a;
    memset(&a, 0, sizeof a);
    a.ntp = 4;
    a.tp = tps;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        mot_status st;
        char *s = draw(mot_chart_find(ids[i]), p, &a, MOT_LANG_EN, &st);
        assert_int_equal(st, MOT_ENOENT);
        assert_string_equal(s, "");
        free(s);
    }
    mot_project_free(p);
}

static char *page(const mot_project *p, const mot_analysis *a, mot_lang lang)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_non_null(m);
    assert_int_equal(mot_report_html(p, a, NULL, m, lang), MOT_OK);
    assert_int_equal(fclose(m), 0);
    return s;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *q = s; (q = strstr(q, what)); q += strlen(what))
        n++;
    return n;
}

static void test_page(void **state)
{
    (void)state;
    mot_project *p = load();
    mot_tp_result tps[4];
    mot_analysis a;
    fixture(&a, tps);
    char *s = page(p, &a, MOT_LANG_EN);
    assert_true(strncmp(s, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    static const char *const ids[] = {"blueprint", "curve", "ipa",
                                      "importance", "tolerance", "peak_end",
                                      "kano", "servqual"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        char want[64];
        snprintf(want, sizeof want, "data-chart=\"%s\"", ids[i]);
        assert_int_equal(count(s, want), 1);
    }
    /* inline SVG without XML declarations; one document per chart */
    assert_int_equal(count(s, "<?xml"), 0);
    assert_int_equal(count(s, "<svg "), 8);
    assert_int_equal(count(s, "</svg>"), 8);
    /* nothing to fetch, nothing to run */
    assert_null(strstr(s, "<script"));
    assert_null(strstr(s, "src="));
    assert_null(strstr(s, "<link"));
    assert_null(strstr(s, "https:"));
    /* the curve comes before the performance table, in its section */
    const char *h = strstr(s, "<h2>Touchpoints: performance</h2>");
    const char *fig = strstr(s, "data-chart=\"curve\"");
    assert_non_null(h);
    assert_true(h < fig && fig < strstr(h, "<table>"));
    /* names in the tables are the Markdown's, cut to the same width */
    assert_non_null(strstr(s, "<td>T2 营业厅办理"));

    /* the sections are those of the Markdown report */
    char *md = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&md, &len);
    assert_int_equal(mot_report_md(p, &a, m, MOT_LANG_EN), MOT_OK);
    assert_int_equal(fclose(m), 0);
    size_t sections = 0;
    for (const char *q = md; (q = strstr(q, "\n## ")); q++) {
        const char *e = strchr(q + 4, '\n');
        char want[256];
        snprintf(want, sizeof want, "<h2>%.*s</h2>", (int)(e - q - 4), q + 4);
        assert_non_null(strstr(s, want));
        sections++;
    }
    assert_int_equal(count(s, "<h2>"), sections);
    assert_true(sections >= 8);
    free(md);
    free(s);

    s = page(p, &a, MOT_LANG_ZH);
    assert_non_null(strstr(s, "<html lang=\"zh-CN\">"));
    assert_non_null(strstr(s, "旅程情绪曲线"));
    free(s);
    mot_project_free(p);
}

/* A write to a read-only stream fails as MOT_EIO. */
static void test_write_error(void **state)
{
    (void)state;
    mot_project *p = load();
    mot_tp_result tps[4];
    mot_analysis a;
    fixture(&a, tps);
    FILE *f = fopen("/dev/null", "r");
    assert_non_null(f);
    assert_int_equal(mot_report_html(p, &a, NULL, f, MOT_LANG_EN), MOT_EIO);
    assert_int_equal(mot_chart_curve(f, p, &a, MOT_LANG_EN), MOT_EIO);
    fclose(f);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_nothing),
        cmocka_unit_test(test_page),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
