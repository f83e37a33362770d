/*
** test_analysis_report.c: the moment-of-truth report in every format.
**
** A small project (five touchpoints with Chinese names, one with a "|")
** and a hand-built mot_analysis are rendered as JSON, text (English and
** Chinese) and Markdown and compared with golden files in
** tests/data/golden/. The analysis is written here, not computed, so the
** goldens depend only on the renderers; it holds every case they must
** handle: each kind of moment, missing estimates (NAN), a missing
** interval, tolerance lines on a score (below), on waiting time (above)
** and on contacts (for dissatisfaction), Holm-adjusted and raw p-values,
** flagged churn estimates, every kind of recommendation with and without
** each effect, notes, the touchpoints' importance-performance grid with a
** touchpoint left out. Its KANO and SERVQUAL results are computed by the
** real analyses from tiny answer files tied to the touchpoints (features
** of each category; dimensions below, inside and above the zone of
** tolerance). A second, nearly empty analysis covers the "nothing found"
** paths (no grid, no survey keys).
**
** To regenerate the goldens after an intended change, run the test with
** MOT_UPDATE_GOLDEN=1 in the environment and review the diff:
**   MOT_UPDATE_GOLDEN=1 build/asan/tests/test_analysis_report
**
** Beyond the goldens: the "kano" and "servqual" keys being the objects
** of the survey renderers, the prose naming a touchpoint's KANO category
** and SERVQUAL zone, the message table (unique keys, the same arguments
** in both languages), NAN written as null and never as nan/inf, the
** peak-end parts being the same as the peak-end of the whole report,
** aligned columns with Chinese names, prose wrapped at 78 columns, and a
** failed write reported as MOT_EIO. JSON validity is checked by parsing
** the goldens with python3 in tests/cli/analyze.sh.
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

#include "mot/report.h"
#include "mot/stats.h"
#include "report/internal.h"
#include "testutil.h"
#include "read/loadutil.h"

static const char blueprint[] =
    "id,name,stage,phase,lane,tolerance,target,servqual_dimension,"
    "kano_feature\n"
    "T01,营业厅办理,开通,contact,frontstage,3,4.5,responsiveness,\n"
    "T02,首月账单,账单,contact,evidence,3,4.5,reliability,账单准确无误\n"
    "T03,App 查询,账单,contact,customer,3,4.5,tangibles,流量提醒\n"
    "T04,装机上门,服务,contact,frontstage,3,4.5,responsiveness,准时上门\n"
    "T05,Repair | callback,服务,follow-up,backstage,,,,\n";

/* KANO answers (functional, dysfunctional) of four respondents: 账单准确
** 无误 must-be (3 M, 1 O), 流量提醒 attractive (3 A, 1 I), 准时上门
** performance (3 O, 1 M), 积分商城 indifferent (3 I, 1 Q) and tied to no
** touchpoint. */
static const char kano[] =
    "respondent_id,feature,functional,dysfunctional\n"
    "R1,账单准确无误,3,5\nR2,账单准确无误,2,5\nR3,账单准确无误,1,5\n"
    "R4,账单准确无误,4,5\n"
    "R1,流量提醒,1,3\nR2,流量提醒,1,4\nR3,流量提醒,3,3\nR4,流量提醒,1,2\n"
    "R1,准时上门,1,5\nR2,准时上门,1,5\nR3,准时上门,3,5\nR4,准时上门,1,5\n"
    "R1,积分商城,3,3\nR2,积分商城,2,4\nR3,积分商城,4,3\nR4,积分商城,1,1\n";

/* SERVQUAL answers of three respondents with the zone of tolerance: item
** 1 (tangibles, T03) above the zone, item 5 (reliability, T02) below it,
** item 10 (responsiveness, T01 and T04) inside it; and their weights. */
static const char servqual[] =
    "respondent_id,item,expectation,perception,adequate,desired\n"
    "R1,1,5,7,4,6\nR2,1,6,7,5,6\nR3,1,5,6,4,5\n"
    "R1,5,6,3,5,6\nR2,5,7,4,5,7\nR3,5,6,4,5,6\n"
    "R1,10,6,5,4,6\nR2,10,6,5,5,6\nR3,10,7,6,5,7\n";
static const char weights[] =
    "respondent_id,dimension,points\n"
    "R1,tangibles,20\nR1,reliability,50\nR1,responsiveness,30\n"
    "R2,tangibles,30\nR2,reliability,40\nR2,responsiveness,30\n"
    "R3,tangibles,20\nR3,reliability,40\nR3,responsiveness,40\n";

static mot_project *load_fixture(void)
{
    const char *dir = tu_tmpdir("report_fixture");
    tu_write(dir, "blueprint.csv", blueprint, (size_t)-1);
    tu_write(dir, "kano.csv", kano, (size_t)-1);
    tu_write(dir, "servqual.csv", servqual, (size_t)-1);
    tu_write(dir, "servqual_weights.csv", weights, (size_t)-1);
    return lu_load(dir);
}

/* A result with every estimate missing, for touchpoint tp. */
static mot_tp_result empty_tp(size_t tp)
{
    mot_tp_result r;
    memset(&r, 0, sizeof r);
    r.tp = tp;
    r.reach = r.mean = r.sd = r.mean_lo = r.mean_hi = NAN;
    r.tolerance = 3;
    r.target = tp < 4 ? 4.5 : NAN;
    r.below_tolerance = r.below_lo = r.below_hi = NAN;
    r.importance = r.importance_lo = r.importance_hi = NAN;
    r.odds_ratio = r.or_lo = r.or_hi = r.p = NAN;
    r.churn_if_bad = r.churn_if_good = r.n_bad = r.n_good = NAN;
    r.attributable_churners = NAN;
    r.lift = r.lift_lo = r.lift_hi = r.lift_p = NAN;
    r.overall_bad = r.overall_adequate = r.overall_good = NAN;
    r.overall_drop = r.overall_drop_lo = r.overall_drop_hi = NAN;
    r.overall_drop_p = NAN;
    r.gain_tolerance = r.gain_tolerance_lo = r.gain_tolerance_hi = NAN;
    r.gain_target = r.gain_target_lo = r.gain_target_hi = NAN;
    r.churn_p_adj = r.lift_p_adj = r.drop_p_adj = r.line_p_adj = NAN;
    r.n_lift_good = r.n_lift_rest = NAN;
    r.km_median_bad = r.km_median_good = NAN;
    r.km_hr = r.km_stat = r.km_p = NAN;
    r.line.value = r.line.rate_beyond = r.line.rate_within = NAN;
    r.line.n_beyond = r.line.n_within = NAN;
    r.line.statistic = r.line.p_adjusted = r.line.p_scan = NAN;
    r.expected_effect = NAN;
    return r;
}

static void perf(mot_tp_result *r, size_t n, size_t rated, size_t cust,
                 double reach, double mean, double sd, double lo, double hi,
                 double below, double blo, double bhi)
{
    r->n = n;
    r->n_rated = rated;
    r->n_customers = cust;
    r->reach = reach;
    r->mean = mean;
    r->sd = sd;
    r->mean_lo = lo;
    r->mean_hi = hi;
    r->below_tolerance = below;
    r->below_lo = blo;
    r->below_hi = bhi;
}

static void churn(mot_tp_result *r, double or, double lo, double hi, double p,
                  double bad, double good, double nbad, double ngood,
                  double attributable, unsigned flags)
{
    r->odds_ratio = or;
    r->or_lo = lo;
    r->or_hi = hi;
    r->p = p;
    r->churn_if_bad = bad;
    r->churn_if_good = good;
    r->n_bad = nbad;
    r->n_good = ngood;
    r->attributable_churners = attributable;
    r->churn_flags = flags;
}

/* A line found in a family of 9 scans: p_scan for its scan, p after Holm
** over the family. */
static void line(mot_tolerance *l, const char *measure, const char *outcome,
                 double value, int direction, double beyond, double within,
                 double nb, double nw, double stat, double p_scan, double p,
                 const char *method)
{
    l->p_scan = p_scan;
    l->family = 9;
    l->found = 1;
    snprintf(l->measure, sizeof l->measure, "%s", measure);
    snprintf(l->outcome, sizeof l->outcome, "%s", outcome);
    l->value = value;
    l->direction = direction;
    l->rate_beyond = beyond;
    l->rate_within = within;
    l->n_beyond = nb;
    l->n_within = nw;
    l->statistic = stat;
    l->p_adjusted = p;
    snprintf(l->p_method, sizeof l->p_method, "%s", method);
}

/* Storage of the fixture analyses (static: the test owns no heap). */
static mot_tp_result tps[5];
static size_t moments[] = {1, 2, 3};
static size_t worst[] = {120, 830, 40, 300, 0};
static size_t best[] = {600, 10, 700, 90, 0};
static size_t ends[] = {0, 200, 900, 150, 0};
/* T05 only ever first: its row must still be listed */
static size_t firsts[] = {1400, 300, 0, 0, 200};
static mot_recommendation recs[] = {
    {1, "lift_to_tolerance", 3, 28.4, 0.1, 0.05, 0.15},
    {3, "stay_within_line", 45, 7.2, NAN, NAN, NAN},
    {3, "lift_to_tolerance", 3, 9.6, NAN, NAN, NAN},
    {1, "lift_to_target", 4.5, 35.0, 0.21, 0.14, 0.28},
    {2, "lift_to_target", 4.5, 0, 0.05, 0.01, 0.09},
};
static mot_tolerance customer_lines[2];
static char note1[] = "12 customers have events but no customers.csv row.";
static char note2[] = "T05 has no rated contacts: its performance is not "
                      "estimated.";
static char *notes[] = {note1, note2};

/* The analysis of project p, written by hand but for the survey results,
** which the real analyses compute from p's kano.csv and servqual.csv with
** its blueprint (the report only renders them). Free with release. */
static mot_analysis full_analysis(const mot_project *p)
{
    for (size_t i = 0; i < 5; i++)
        tps[i] = empty_tp(i);
    /* T01: nothing special, every estimate present */
    perf(&tps[0], 1800, 700, 1500, 0.75, 4.1, 0.9, 4.03, 4.17, 0.12, 0.1,
         0.145);
    tps[0].importance = 0.08;
    tps[0].importance_lo = 0.05;
    tps[0].importance_hi = 0.12;
    churn(&tps[0], 1.2, 0.9, 1.6, 0.21, 0.12, 0.1, 200, 1300, 3.2, 0);
    tps[0].churn_p_adj = 1;
    line(&tps[0].line, "contacts", "dissatisfied", 2, 1, 0.3, 0.2, 150, 1350,
         6.1, 0.004, 0.03, "miller-siegmund");
    tps[0].line_p_adj = 0.09;     /* not significant after Holm: no type */
    tps[0].expected_effect = 0;
    /* T02: negative, with a tolerance line below score 2 */
    perf(&tps[1], 2100, 1650, 1980, 0.99, 3.2, 1.3, 3.14, 3.26, 0.36, 0.34,
         0.38);
    tps[1].importance = 0.31;
    tps[1].importance_lo = 0.25;
    tps[1].importance_hi = 0.37;
    churn(&tps[1], 3.9, 2.8, 5.4, 1e-9, 0.24, 0.081, 590, 1390, 41.3, 0);
    tps[1].churn_p_adj = 2e-8;
    tps[1].overall_bad = 3.1;
    tps[1].n_overall_bad = 540;
    tps[1].overall_adequate = 3.9;
    tps[1].n_overall_adequate = 880;
    tps[1].overall_good = 4.4;
    tps[1].n_overall_good = 470;
    tps[1].overall_drop = 0.62;
    tps[1].overall_drop_lo = 0.5;
    tps[1].overall_drop_hi = 0.74;
    tps[1].overall_drop_p = 1e-6;
    tps[1].drop_p_adj = 1.8e-5;
    tps[1].gain_tolerance = 0.1;
    tps[1].gain_tolerance_lo = 0.05;
    tps[1].gain_tolerance_hi = 0.15;
    tps[1].gain_target = 0.21;
    tps[1].gain_target_lo = 0.14;
    tps[1].gain_target_hi = 0.28;
    tps[1].km_median_bad = 180;
    tps[1].km_median_good = NAN;   /* survival stays above one half */
    tps[1].km_hr = 2.6;
    tps[1].km_stat = 88.1;
    tps[1].km_p = 1e-12;
    line(&tps[1].line, "score", "churn", 2, -1, 0.31, 0.09, 412, 1568, 45.2,
         0.00004, 0.0004, "miller-siegmund");
    tps[1].line_p_adj = 0.0036;
    tps[1].kind = MOT_KIND_NEGATIVE;
    tps[1].priority = 1;
    tps[1].expected_effect = 41.3;
    /* T03: positive (NPS lift); its churn estimate is not estimable and its
    ** importance has no interval */
    perf(&tps[2], 5200, 900, 1200, 0.6, 4.4, 0.7, 4.35, 4.45, 0.04, 0.03,
         0.055);
    tps[2].importance = 0.12;
    churn(&tps[2], NAN, NAN, NAN, NAN, 0.02, 0.1, 9, 1191, NAN,
          MOT_LOGIT_SMALL | MOT_LOGIT_DIVERGED);
    tps[2].lift = 0.9;
    tps[2].lift_lo = 0.5;
    tps[2].lift_hi = 1.3;
    tps[2].lift_p = 0.0021;
    tps[2].lift_p_adj = 0.0168;
    tps[2].n_lift_good = 610;
    tps[2].n_lift_rest = 280;
    snprintf(tps[2].lift_measure, sizeof tps[2].lift_measure, "nps");
    tps[2].kind = MOT_KIND_POSITIVE;
    tps[2].priority = 2;
    tps[2].expected_effect = 12.5;
    /* T04: hygiene, a churn line above 45 minutes of waiting; a small
    ** group in the churn model (its p is not tested) */
    perf(&tps[3], 800, 320, 760, 0.38, 3.9, 1.1, 3.78, 4.02, 0.15, 0.115,
         0.194);
    tps[3].importance = 0.05;
    tps[3].importance_lo = 0.02;
    tps[3].importance_hi = 0.09;
    churn(&tps[3], 2.1, 1.3, 3.4, 0.003, 0.19, 0.1, 45, 715, 9.1,
          MOT_LOGIT_SMALL);
    line(&tps[3].line, "wait_minutes", "churn", 45, 1, 0.42, 0.18, 61, 699,
         11.7, 0.0002, 0.002, "permutation");
    tps[3].line_p_adj = 0.012;
    tps[3].kind = MOT_KIND_HYGIENE;
    tps[3].priority = 3;
    tps[3].expected_effect = 9.1;
    /* customers.csv: a line below 6 months of tenure; none in value */
    line(&customer_lines[0], "tenure_months", "churn", 6, -1, 0.35, 0.17, 240,
         1740, 30.2, 0.00001, 0.0001, "miller-siegmund");
    memset(&customer_lines[1], 0, sizeof customer_lines[1]);
    /* T05: never rated, no estimates at all */
    perf(&tps[4], 150, 0, 140, 0.07, NAN, NAN, NAN, NAN, NAN, NAN, NAN);

    mot_analysis a;
    memset(&a, 0, sizeof a);
    a.customers = 2000;
    a.with_outcome = 1988;
    a.events = 45678;
    a.ntp = 5;
    a.tp = tps;
    a.moments = moments;
    a.nmoments = 3;
    a.overall_r2 = 0.452;
    a.overall_n = 1890;
    snprintf(a.importance_method, sizeof a.importance_method, "lmg");
    snprintf(a.interval_method, sizeof a.interval_method,
             "percentile bootstrap (200)");
    snprintf(a.overall_outcome, sizeof a.overall_outcome, "overall");
    a.churn_n = 1980;
    a.churners = 412;
    a.peak_end = (mot_peak_end){1, 1900, 0.412, 0.281, "peak_end", 0.098,
                                0.164, worst, ends, best, 0.437, 0.011,
                                0.040, 1, firsts};
    a.customer_lines = customer_lines;
    a.ncustomer_lines = 2;
    a.recs = recs;
    a.nrecs = sizeof recs / sizeof recs[0];
    a.notes = notes;
    a.nnotes = 2;
    /* importance against mean of T01..T04 (T05 has neither): crosshair at
    ** their means (0.14, 3.9); T04's mean on the line counts as high */
    a.ipa = (mot_ipa){0.14, 3.9, 0, 4};
    tps[0].ipa = MOT_IPA_OVERKILL;
    tps[1].ipa = MOT_IPA_CONCENTRATE;
    tps[2].ipa = MOT_IPA_OVERKILL;
    tps[3].ipa = MOT_IPA_OVERKILL;
    mot_error err;
    assert_int_equal(mot_kano_analyse(p->kano, &p->blueprint, NULL, &a.kano,
                                      &err), MOT_OK);
    assert_int_equal(mot_servqual_analyse(p->servqual, &p->blueprint, NULL,
                                          &a.servqual, &err), MOT_OK);
    return a;
}

/* Free what the fixture's project and analysis own. */
static void release(mot_project *p, mot_analysis *a)
{
    mot_kano_result_free(a->kano);
    mot_servqual_result_free(a->servqual);
    mot_project_free(p);
}

/* Touchpoints only, no outcome: nothing can be estimated. */
static mot_analysis empty_analysis(void)
{
    for (size_t i = 0; i < 5; i++)
        tps[i] = empty_tp(i);
    mot_analysis a;
    memset(&a, 0, sizeof a);
    a.ntp = 5;
    a.tp = tps;
    a.overall_r2 = NAN;
    a.churners = NAN;
    a.peak_end = (mot_peak_end){0, 0, NAN, NAN, "", NAN, NAN, NULL, NULL,
                                NULL, NAN, NAN, NAN, 0, NULL};
    a.ipa = (mot_ipa){NAN, NAN, 0, 0};
    return a;
}

/* ---- rendering and the goldens ------------------------------------------- */

typedef enum { JSON, JSON_COMPACT, TEXT, MD, PE_JSON, PE_TEXT, PE_MD } fmt;

/* Render a in format fm and language lang into a new string. */
static char *render(const mot_project *p, const mot_analysis *a, fmt fm,
                    mot_lang lang)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_non_null(m);
    mot_status st = MOT_OK;
    switch (fm) {
    case JSON: st = mot_report_json(p, a, m, 1); break;
    case JSON_COMPACT: st = mot_report_json(p, a, m, 0); break;
    case TEXT: st = mot_report_text(p, a, m, lang); break;
    case MD: st = mot_report_md(p, a, m, lang); break;
    case PE_JSON: st = mot_report_peak_end_json(p, a, m, 0); break;
    case PE_TEXT: st = mot_report_peak_end_text(p, a, m, lang); break;
    case PE_MD: st = mot_report_peak_end_md(p, a, m, lang); break;
    }
    assert_int_equal(st, MOT_OK);
    assert_int_equal(fclose(m), 0);
    return s;
}

static void test_golden_full(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    static const struct { const char *name; fmt fm; mot_lang lang; } out[] = {
        {"analysis.json", JSON, MOT_LANG_EN},
        {"analysis.en.txt", TEXT, MOT_LANG_EN},
        {"analysis.zh.txt", TEXT, MOT_LANG_ZH},
        {"analysis.en.md", MD, MOT_LANG_EN},
        {"analysis.zh.md", MD, MOT_LANG_ZH},
    };
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        char *s = render(p, &a, out[i].fm, out[i].lang);
        tu_golden(out[i].name, s);
        free(s);
    }
    release(p, &a);
}

static void test_golden_empty(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = empty_analysis();
    char *s = render(p, &a, JSON, MOT_LANG_EN);
    tu_golden("empty.json", s);
    free(s);
    s = render(p, &a, TEXT, MOT_LANG_EN);
    tu_golden("empty.en.txt", s);
    free(s);
    release(p, &a);
}

/* ---- properties ------------------------------------------------------------ */

/* Fail unless haystack contains needle. */
static void assert_has(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("\"%s\" not in:\n%s", needle, haystack);
}

/* The kano (or else the servqual) result as the compact JSON object its
** own renderer writes, which `mot kano` (`mot servqual`) prints. */
static char *survey_json(const mot_kano_result *k,
                         const mot_servqual_result *sq)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    mot_json j;
    assert_non_null(m);
    mot_json_init(&j, m, 0);
    if (k)
        mot_report_kano_json(&j, k);
    else
        mot_report_servqual_json(&j, sq);
    assert_int_equal(mot_json_finish(&j), MOT_OK);
    assert_int_equal(fclose(m), 0);
    return s;
}

/* The report's "kano" and "servqual" are the very objects of the survey
** renderers, after peak_end, with their features and dimensions tied to
** the touchpoints; the touchpoints' grid follows; without the results the
** keys are absent. */
static void test_survey_keys(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    char *whole = render(p, &a, JSON_COMPACT, MOT_LANG_ZH);
    char *k = survey_json(a.kano, NULL), *sq = survey_json(NULL, a.servqual);
    size_t n = strlen(k) + strlen(sq) + 64;
    char *want = malloc(n);
    assert_non_null(want);
    snprintf(want, n, "]},\"kano\":%s,\"servqual\":%s,\"tickets\":null,"
                      "\"ipa\":{", k, sq);
    assert_has(whole, want);
    assert_has(k, "{\"feature\":\"账单准确无误\",\"touchpoint\":\"T02\","
                  "\"touchpoint_name\":\"首月账单\"");
    assert_has(k, "{\"feature\":\"积分商城\",\"touchpoint\":null,");
    assert_has(sq, "\"zone\":\"below\",\"weight\":");
    assert_has(sq, "\"touchpoints\":[{\"id\":\"T01\",\"name\":\"营业厅办理\"},"
                   "{\"id\":\"T04\",\"name\":\"装机上门\"}]");
    assert_has(whole, "\"ipa\":{\"importance\":\"impact.overall.importance\","
                      "\"performance\":\"mean\",\"crosshair\":\"means\","
                      "\"crosshair_importance\":0.14,"
                      "\"crosshair_performance\":3.9,\"n\":4,");
    assert_has(whole, "{\"touchpoint\":\"T02\",\"importance\":0.31,"
                      "\"performance\":3.2,\"quadrant\":\"concentrate_here\"}");
    assert_has(whole, "\"left_out\":[\"T05\"]}");
    assert_has(whole, "\"expected_effect\":41.3,\"ipa\":\"concentrate_here\"}");
    free(want);
    free(k);
    free(sq);
    free(whole);
    release(p, &a);

    p = load_fixture();
    a = empty_analysis();
    whole = render(p, &a, JSON_COMPACT, MOT_LANG_EN);
    assert_null(strstr(whole, "\"kano\":{"));
    assert_null(strstr(whole, "\"servqual\":{"));
    assert_has(whole, "\"tickets\":null,\"ipa\":null,\"recommendations\"");
    free(whole);
    release(p, &a);
}

/* The "tickets" object of tk and cs, as `mot tickets` prints it;
** malloc'd. */
static char *tickets_obj(const mot_tickets_result *tk,
                         const mot_consistency_result *cs)
{
    char *obj = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&obj, &len);
    assert_non_null(m);
    mot_json j;
    mot_json_init(&j, m, 0);
    mot_report_tickets_json_with(&j, tk, cs);
    assert_int_equal(mot_json_finish(&j), MOT_OK);
    assert_int_equal(fclose(m), 0);
    return obj;
}

/* The report's "tickets" is the very object `mot tickets` prints
** (mot_report_tickets_json_with), after servqual, from the results
** mot_analyse_tickets gives for the consist fixture; the inputs count its
** tickets; the text and Markdown reports have its sections under a
** heading (not a second title), in both languages. */
static void test_tickets_key(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    mot_project *tp = NULL;
    mot_diag d;
    mot_error err;
    mot_diag_init(&d, 0);
    mot_error_clear(&err);
    assert_int_equal(mot_project_load(&tp, MOT_TEST_DATA "/consist", NULL, &d),
                     MOT_OK);
    mot_diag_free(&d);
    assert_int_equal(mot_analyse_tickets(tp, 2, &a.tickets, &a.consistency,
                                         &err), MOT_OK);
    assert_non_null(a.tickets);
    assert_non_null(a.consistency);
    /* one thread gives the same (the two analyses one after the other) */
    mot_tickets_result *tk1;
    mot_consistency_result *cs1;
    assert_int_equal(mot_analyse_tickets(tp, 1, &tk1, &cs1, &err), MOT_OK);
    mot_project_free(tp);

    char *obj = tickets_obj(a.tickets, a.consistency);
    char *obj1 = tickets_obj(tk1, cs1);
    assert_string_equal(obj, obj1);
    free(obj1);
    mot_tickets_result_free(tk1);
    mot_consistency_result_free(cs1);
    char *sq = survey_json(NULL, a.servqual);
    size_t n = strlen(obj) + strlen(sq) + 64;
    char *want = malloc(n);
    assert_non_null(want);
    snprintf(want, n, "\"servqual\":%s,\"tickets\":%s,\"ipa\":{", sq, obj);
    char *whole = render(p, &a, JSON_COMPACT, MOT_LANG_EN);
    assert_has(whole, want);
    snprintf(want, n, "\"tickets\":%zu,", a.tickets->n);
    assert_has(whole, want);
    assert_has(obj, "\"consistency\":");
    assert_has(obj, "\"trends\":");
    free(whole);
    free(want);
    free(sq);
    free(obj);

    whole = render(p, &a, MD, MOT_LANG_EN);
    assert_has(whole, "\n## Tickets and service recovery\n");
    free(whole);
    whole = render(p, &a, MD, MOT_LANG_ZH);
    assert_has(whole, "\n## 工单与服务补救\n");
    free(whole);
    whole = render(p, &a, TEXT, MOT_LANG_EN);
    assert_has(whole, "Tickets and service recovery");
    free(whole);

    mot_tickets_result_free(a.tickets);
    mot_consistency_result_free(a.consistency);
    release(p, &a);
}

/* A moment of truth's sentence names the KANO category of the feature at
** its touchpoint and where its SERVQUAL dimension stands against the zone
** of tolerance, in both languages (Markdown: one line per sentence). */
static void test_survey_prose(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    char *en = render(p, &a, MD, MOT_LANG_EN);
    char *zh = render(p, &a, MD, MOT_LANG_ZH);
    assert_has(en, "1. 首月账单 (T02) is a negative moment of truth: ");
    assert_has(en, "; 账单准确无误 is a must-be feature here (KANO); its "
                   "SERVQUAL dimension, reliability, is below the zone of "
                   "tolerance (MSA -1.33); ");
    assert_has(en, "; 流量提醒 is an attractive feature here (KANO); its "
                   "SERVQUAL dimension, tangibles, is above the zone of "
                   "tolerance (MSS 1.00)");
    assert_has(en, "; 准时上门 is a performance feature here (KANO); its "
                   "SERVQUAL dimension, responsiveness, is inside the zone "
                   "of tolerance; ");
    assert_has(zh, "；“账单准确无误”是此处的必备型需求（KANO）；其 SERVQUAL "
                   "维度可靠性低于容忍区（MSA -1.33）；");
    assert_has(zh, "其 SERVQUAL 维度响应性处于容忍区内；");
    /* the feature tied to no touchpoint is in the KANO table only */
    assert_null(strstr(en, "积分商城 is"));
    assert_has(en, "| 积分商城 | - |");
    free(en);
    free(zh);
    release(p, &a);
}

/* The string arguments a message takes: *convs of them, each %s or %N$s
** (positional ones must be 1..N, each once), and *percents literal "%%".
** A message without arguments is plain text (passed as a "%s" argument)
** and may hold a bare "%"; a format must not. */
static void conversions(const char *key, const char *s, int *convs,
                        int *percents)
{
    int seen[10] = {0}, positional = 0, bare = 0;
    *convs = *percents = 0;
    for (; *s; s++) {
        if (s[0] != '%')
            continue;
        if (s[1] == '%') {
            (*percents)++;
            s++;
        } else if (s[1] == 's') {
            (*convs)++;
            s++;
        } else if (s[1] >= '1' && s[1] <= '9' && s[2] == '$' && s[3] == 's') {
            seen[s[1] - '0']++;
            positional++;
            s += 3;
        } else {
            bare++;
        }
    }
    if (bare && (*convs || *percents || positional))
        fail_msg("message %s: a format with a conversion other than %%s", key);
    if (positional) {
        if (*convs)
            fail_msg("message %s mixes %%s and %%N$s", key);
        for (int i = 1; i <= positional; i++)
            if (seen[i] != 1)
                fail_msg("message %s: argument %d used %d times", key, i,
                         seen[i]);
        *convs = positional;
    }
}

static void test_messages(void **state)
{
    (void)state;
    size_t n = mot_tr_count();
    assert_true(n > 50);
    for (size_t i = 0; i < n; i++) {
        const char *key, *en, *zh;
        mot_tr_entry(i, &key, &en, &zh);
        for (size_t j = 0; j < i; j++) {
            const char *k2, *e2, *z2;
            mot_tr_entry(j, &k2, &e2, &z2);
            if (strcmp(key, k2) == 0)
                fail_msg("message key %s twice", key);
        }
        if (!zh)
            fail_msg("message %s has no translation in po/zh_CN.po (make po, "
                     "then translate it)", key);
        int ce, pe, cz, pz;
        conversions(key, en, &ce, &pe);
        conversions(key, zh, &cz, &pz);
        if (ce != cz || pe != pz)
            fail_msg("message %s: %d/%d arguments in English, %d/%d in Chinese",
                     key, ce, pe, cz, pz);
        assert_true(*en && *zh);
        assert_string_equal(mot_tr(MOT_LANG_EN, key), en);
        assert_string_equal(mot_tr(MOT_LANG_ZH, key), zh);
    }
    /* the catalog is read, not the English returned twice */
    assert_string_equal(mot_tr(MOT_LANG_ZH, "title"), "关键时刻分析：%s");
    assert_string_equal(mot_tr(MOT_LANG_EN, "title"), "Moments of truth: %s");
}

static void test_json_nan_is_null(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    char *s = render(p, &a, JSON_COMPACT, MOT_LANG_ZH);
    assert_null(strstr(s, "nan"));
    assert_null(strstr(s, "inf"));
    /* T03's churn estimate and T05's mean are NAN */
    assert_non_null(strstr(s, "\"id\":\"T03\""));
    assert_non_null(strstr(s, "\"odds_ratio\":null,\"ci\":[null,null]"));
    assert_non_null(strstr(s, "\"mean\":null,\"mean_ci\":[null,null]"));
    assert_non_null(strstr(s, "\"flags\":[\"small_group\",\"diverged\"]"));
    /* identifiers stay English in every language */
    assert_non_null(strstr(s, "\"mot\":\"negative\""));
    assert_non_null(strstr(s, "\"moments_of_truth\":[\"T02\",\"T03\",\"T04\"]"));
    assert_non_null(strstr(s, "\"peak_touchpoints\":[\"T02\",\"T04\",\"T01\",\"T03\"]"));
    free(s);
    release(p, &a);
}

/* The peak-end parts say exactly what the whole report says. */
static void test_peak_end_part(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    static const struct { fmt whole, part; } pairs[] = {
        {JSON_COMPACT, PE_JSON}, {TEXT, PE_TEXT}, {MD, PE_MD}};
    for (size_t i = 0; i < 3; i++)
        for (int lang = MOT_LANG_EN; lang <= MOT_LANG_ZH; lang++) {
            char *whole = render(p, &a, pairs[i].whole, (mot_lang)lang);
            char *part = render(p, &a, pairs[i].part, (mot_lang)lang);
            assert_true(strlen(part) > 20);
            if (!strstr(whole, part))
                fail_msg("peak-end part %zu (%d) is not in the whole report:\n%s",
                         i, lang, part);
            free(whole);
            free(part);
        }
    release(p, &a);
}

/* Split s (modified) into its lines; returns how many, at most max. */
static size_t split_lines(char *s, char **lines, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        char *end = strchr(s, '\n');
        assert_non_null(end);
        *end = '\0';
        lines[n++] = s;
        s = end + 1;
    }
    return n;
}

/* Whether line i of a text report is the rule under a table's header. */
static int is_rule(char **lines, size_t i)
{
    const char *l = lines[i];
    return strncmp(l, "  --", 4) == 0 && l[strspn(l, " -")] == '\0';
}

/* The rows of the table whose header row contains `col` (rule excluded)
** into rows[]; returns how many. */
static size_t table_rows(char **lines, size_t n, const char *col, char **rows,
                         size_t max)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (!is_rule(lines, i + 1) || !strstr(lines[i], col))
            continue;
        size_t k = 0;
        rows[k++] = lines[i];
        for (size_t j = i + 2; j < n && lines[j][0] && k < max; j++)
            rows[k++] = lines[j];
        return k;
    }
    fail_msg("no table with a column %s", col);
    return 0;
}

static void test_cjk_alignment(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    char *s = render(p, &a, TEXT, MOT_LANG_ZH);
    char *lines[512], *rows[16];
    size_t n = split_lines(s, lines, 512);
    /* touchpoints: the last column (关键时刻) is left-aligned and unpadded,
    ** so every row ends its second-last column at the same display column */
    size_t k = table_rows(lines, n, "关键时刻", rows, 16);
    assert_int_equal(k, 6);
    size_t want = 0;
    for (size_t i = 0; i < k; i++) {
        char *last = NULL;
        for (char *q = strstr(rows[i], "  "); q; q = strstr(q + 1, "  "))
            last = q;
        assert_non_null(last);
        size_t w = mot_text_width(rows[i], (size_t)(last - rows[i]));
        if (i == 0)
            want = w;
        assert_int_equal(w, want);
    }
    /* peak-end counts: the last column is numeric (right-aligned), so
    ** whole rows are equally wide (header and T01..T05, T05 by its first
    ** impressions alone) */
    k = table_rows(lines, n, "最差时刻", rows, 16);
    assert_int_equal(k, 6);
    for (size_t i = 1; i < k; i++)
        assert_int_equal(mot_text_width(rows[i], (size_t)-1),
                         mot_text_width(rows[0], (size_t)-1));
    free(s);
    release(p, &a);
}

/* Prose (every line outside a table) fits in 78 columns in both
** languages. */
static void test_wrapping(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    for (int lang = MOT_LANG_EN; lang <= MOT_LANG_ZH; lang++) {
        char *s = render(p, &a, TEXT, (mot_lang)lang);
        char *lines[512];
        size_t n = split_lines(s, lines, 512);
        int in_table = 0, wrapped = 0;
        for (size_t i = 0; i < n; i++) {
            if (lines[i][0] == '\0')
                in_table = 0;
            else if (i + 1 < n && is_rule(lines, i + 1))
                in_table = 1;
            if (in_table)
                continue;
            size_t w = mot_text_width(lines[i], (size_t)-1);
            if (w > 78)
                fail_msg("line wider than 78 columns: %s", lines[i]);
            wrapped += w > 70;
        }
        assert_true(wrapped > 3);   /* long prose did fill its lines */
        free(s);
    }
    release(p, &a);
}

static void test_write_error(void **state)
{
    (void)state;
    mot_project *p = load_fixture();
    mot_analysis a = full_analysis(p);
    FILE *f = fopen("/dev/null", "r");
    assert_non_null(f);
    assert_int_equal(mot_report_text(p, &a, f, MOT_LANG_EN), MOT_EIO);
    clearerr(f);
    assert_int_equal(mot_report_md(p, &a, f, MOT_LANG_ZH), MOT_EIO);
    clearerr(f);
    assert_int_equal(mot_report_json(p, &a, f, 1), MOT_EIO);
    fclose(f);
    release(p, &a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_full),
        cmocka_unit_test(test_golden_empty),
        cmocka_unit_test(test_tickets_key),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_survey_keys),
        cmocka_unit_test(test_survey_prose),
        cmocka_unit_test(test_json_nan_is_null),
        cmocka_unit_test(test_peak_end_part),
        cmocka_unit_test(test_cjk_alignment),
        cmocka_unit_test(test_wrapping),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
