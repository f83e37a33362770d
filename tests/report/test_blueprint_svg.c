/*
** test_blueprint_svg.c: the service blueprint drawing (mot/blueprint_svg.h).
**
** A small fixed project (seven touchpoints in three stages: every lane, a
** touchpoint without a lane on the back channel and one with none at all,
** two boxes in one cell, supports links, an SLA, a name with XML
** characters) and a hand-built analysis (each kind of moment, a fail
** point, a wait point, missing estimates) are drawn in English and
** Chinese and compared with golden SVG files in tests/data/golden/
** (MOT_UPDATE_GOLDEN=1 regenerates them; review the diff, and look at the
** drawing). XML validity of the goldens and of every demo's blueprint is
** checked with python3 in tests/cli/blueprint.sh.
**
** The geometry check lays out generated blueprints of 3, 14 and 40
** touchpoints with long Chinese (and English) names, many in one lane and
** stage, with and without an analysis, in both languages, and asserts
** that no two boxes overlap, every box lies in its lane and stage column,
** every line of text lies inside the rectangle it belongs to and no text
** outside a box runs into a box; also for one name of 150 Chinese
** characters. The fixture's lanes, side-by-side boxes, badges, lines and
** stage order are checked directly too, and a failed write is MOT_EIO.
** A hand-built tickets result marks fail and wait points by the share of
** tickets past their standards (and not below the minimum of tickets),
** with or without an analysis, and adds the late share to the box.
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

#include "mot/blueprint_svg.h"
#include "testutil.h"
#include "read/loadutil.h"

static mot_project *load(const char *name, const char *csv)
{
    const char *dir = tu_tmpdir(name);
    tu_write(dir, "blueprint.csv", csv, (size_t)-1);
    return lu_load(dir);
}

/* A result for touchpoint tp with nothing estimated. */
static mot_tp_result blank(size_t tp)
{
    mot_tp_result r;
    memset(&r, 0, sizeof r);
    r.tp = tp;
    r.mean = r.below_tolerance = r.tolerance = r.target = NAN;
    r.line.value = NAN;
    return r;
}

/* An analysis of ntp touchpoints in tps (filled by the caller). */
static mot_analysis analysis_of(mot_tp_result *tps, size_t ntp)
{
    mot_analysis a;
    memset(&a, 0, sizeof a);
    a.ntp = ntp;
    a.tp = tps;
    return a;
}

/* ---- the golden drawing ------------------------------------------------- */

static const char fixture[] =
    "id,name,stage,lane,channel,supports,sla_hours\n"
    "E1,Store & <signage>,Buy,evidence,,,\n"
    "F1,营业厅办理开户与实名登记,Buy,frontstage,front,,\n"
    "F2,Hotline,Buy,frontstage,front,,\n"
    "B1,实名审核,Buy,,back,F1,\n"
    "C1,首月账单,Bill,customer,digital,,\n"
    "S1,计费核算,Bill,support,,C1,\n"
    "R1,故障报修上门,Repair,,,,48\n";

static mot_analysis fixture_analysis(mot_tp_result *tps)
{
    for (size_t i = 0; i < 7; i++)
        tps[i] = blank(i);
    tps[4].mean = 3.21;              /* C1: negative, and a fail point */
    tps[4].below_tolerance = 0.36;
    tps[4].kind = MOT_KIND_NEGATIVE;
    tps[1].mean = 4.4;               /* F1: positive */
    tps[1].below_tolerance = 0.04;
    tps[1].kind = MOT_KIND_POSITIVE;
    tps[2].mean = 3.9;               /* F2: no moment; a line on contacts */
    tps[2].below_tolerance = 0.12;
    tps[2].line.found = 1;
    snprintf(tps[2].line.measure, sizeof tps[2].line.measure, "contacts");
    tps[6].mean = 3.7;               /* R1: hygiene, wait and fail point */
    tps[6].below_tolerance = 0.25;
    tps[6].kind = MOT_KIND_HYGIENE;
    tps[6].line.found = 1;
    snprintf(tps[6].line.measure, sizeof tps[6].line.measure,
             "wait_minutes");
    return analysis_of(tps, 7);
}

static char *draw(const mot_blueprint *b, const mot_analysis *a,
                  mot_lang lang)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_non_null(m);
    assert_int_equal(mot_blueprint_svg(b, a, NULL, lang, m), MOT_OK);
    assert_int_equal(fclose(m), 0);
    return s;
}

static void test_golden(void **state)
{
    (void)state;
    mot_project *p = load("blueprint_fixture", fixture);
    mot_tp_result tps[7];
    mot_analysis a = fixture_analysis(tps);
    char *s = draw(&p->blueprint, &a, MOT_LANG_EN);
    tu_golden("blueprint.en.svg", s);
    free(s);
    s = draw(&p->blueprint, &a, MOT_LANG_ZH);
    tu_golden("blueprint.zh.svg", s);
    free(s);
    s = draw(&p->blueprint, NULL, MOT_LANG_EN);
    tu_golden("blueprint.plain.svg", s);
    free(s);
    mot_project_free(p);
}

/* The fixture's facts, independent of the goldens. */
static void test_fixture_layout(void **state)
{
    (void)state;
    mot_project *p = load("blueprint_fixture", fixture);
    mot_tp_result tps[7];
    mot_analysis a = fixture_analysis(tps);
    mot_bp_layout *l;
    assert_int_equal(
        mot_blueprint_layout(&p->blueprint, &a, NULL, MOT_LANG_EN, &l),
        MOT_OK);
    /* lanes: given, back channel -> backstage, nothing -> frontstage */
    assert_int_equal(l->box[0].lane, MOT_LANE_EVIDENCE);
    assert_int_equal(l->box[3].lane, MOT_LANE_BACKSTAGE);
    assert_int_equal(l->box[5].lane, MOT_LANE_SUPPORT);
    assert_int_equal(l->box[6].lane, MOT_LANE_FRONTSTAGE);
    /* two boxes in one cell sit side by side */
    assert_true(l->box[1].box.y == l->box[2].box.y);
    assert_true(l->box[2].box.x > l->box[1].box.x + l->box[1].box.w);
    /* badges */
    assert_true(l->box[4].fail && !l->box[4].wait);
    assert_true(!l->box[2].fail && l->box[2].wait);
    assert_true(l->box[6].fail && l->box[6].wait);
    assert_true(!l->box[1].fail && !l->box[0].fail);
    /* lanes top to bottom, lines between them */
    for (size_t k = 1; k < 5; k++)
        assert_true(l->lane[k].y >= l->lane[k - 1].y + l->lane[k - 1].h -
                                        1e-9);
    assert_true(l->line_y[0] == l->lane[2].y);
    assert_true(l->line_y[1] == l->lane[3].y);
    assert_true(l->line_y[2] == l->lane[4].y);
    /* stages in order, left to right */
    assert_int_equal(l->nstages, 3);
    assert_true(l->stage[0].x < l->stage[1].x);
    assert_true(l->stage[1].x < l->stage[2].x);
    mot_blueprint_layout_free(l);

    /* the data lines appear, and the kinds and links are drawn */
    char *s = draw(&p->blueprint, &a, MOT_LANG_EN);
    assert_non_null(strstr(s, ">mean 3.21</text>"));
    assert_non_null(strstr(s, ">below tolerance 36%</text>"));
    assert_non_null(strstr(s, ">SLA 48 h</text>"));
    assert_non_null(strstr(s, "class=\"tp negative\""));
    assert_non_null(strstr(s, "class=\"tp positive\""));
    assert_non_null(strstr(s, "class=\"tp hygiene\""));
    assert_non_null(strstr(s, "Store &amp; &lt;signage&gt;"));
    size_t links = 0;
    for (const char *q = s; (q = strstr(q, "marker-end")); q++)
        links++;
    assert_int_equal(links, 2 + 1);     /* two supports + the legend's */
    free(s);
    s = draw(&p->blueprint, &a, MOT_LANG_ZH);
    assert_non_null(strstr(s, ">服务蓝图</text>"));
    assert_non_null(strstr(s, ">可视线</text>"));
    assert_non_null(strstr(s, ">均分 3.21</text>"));
    free(s);
    mot_project_free(p);
}

/* A ticket group of touchpoint id: judged tickets and the share within
** the standard, for resolution and first response. */
static mot_tk_group tk_group(const char *id, size_t res_judged,
                             double res_share, size_t resp_judged,
                             double resp_share)
{
    mot_tk_group g;
    memset(&g, 0, sizeof g);
    g.key = (char *)id;
    g.name = (char *)id;
    g.resolution_sla.judged = res_judged;
    g.resolution_sla.share = res_share;
    g.response_sla.judged = resp_judged;
    g.response_sla.share = resp_share;
    return g;
}

/* Tickets mark fail points (resolution after the SLA in more than
** MOT_BLUEPRINT_FAIL_SHARE of at least MOT_BLUEPRINT_MIN_TICKETS judged
** tickets) and wait points (first responses late as often), and add the
** late share to the SLA line; without an analysis too. */
static void test_tickets_badges(void **state)
{
    (void)state;
    mot_project *p = load("blueprint_fixture", fixture);
    mot_tk_group g[4] = {
        tk_group("R1", 20, 0.6, 20, 0.7),    /* 40% late: F; 30%: W */
        tk_group("E1", 9, 0.0, 9, 0.0),      /* too few tickets */
        tk_group("F1", 40, 0.85, 40, 0.8),   /* 15% late; 20% is not over */
        tk_group("S1", 10, NAN, 0, NAN),     /* no share */
    };
    mot_tickets_result tk;
    memset(&tk, 0, sizeof tk);
    tk.by[MOT_TK_TOUCHPOINT] = g;
    tk.nby[MOT_TK_TOUCHPOINT] = 4;
    for (int with = 0; with < 2; with++) {
        mot_tp_result tps[7];
        mot_analysis a = fixture_analysis(tps);
        tps[6].below_tolerance = 0.1;    /* R1: no fail point by scores */
        tps[6].line.found = 0;           /* ... nor a wait point by lines */
        mot_bp_layout *l;
        assert_int_equal(mot_blueprint_layout(&p->blueprint,
                                              with ? &a : NULL, &tk,
                                              MOT_LANG_EN, &l),
                         MOT_OK);
        assert_true(l->box[6].fail && l->box[6].wait);
        assert_true(!l->box[0].fail && !l->box[0].wait);
        assert_true(!l->box[1].fail && !l->box[1].wait);
        assert_true(!l->box[5].fail && !l->box[5].wait);
        assert_string_equal(l->box[6].data[with ? 2 : 0], "SLA 48 h");
        assert_string_equal(l->box[6].data[with ? 3 : 1],
                            "40% of tickets late");
        mot_blueprint_layout_free(l);
    }
    mot_project_free(p);
}

/* A write to a read-only stream fails as MOT_EIO. */
static void test_write_error(void **state)
{
    (void)state;
    mot_project *p = load("blueprint_fixture", fixture);
    FILE *f = fopen("/dev/null", "r");
    assert_non_null(f);
    assert_int_equal(
        mot_blueprint_svg(&p->blueprint, NULL, NULL, MOT_LANG_EN, f), MOT_EIO);
    fclose(f);
    mot_project_free(p);
}

/* ---- the geometry check ------------------------------------------------- */

static int overlap(const mot_rect *a, const mot_rect *b)
{
    return a->x < b->x + b->w - 1e-9 && b->x < a->x + a->w - 1e-9 &&
           a->y < b->y + b->h - 1e-9 && b->y < a->y + a->h - 1e-9;
}

static int inside(const mot_rect *in, const mot_rect *out)
{
    return in->x >= out->x - 1e-9 && in->y >= out->y - 1e-9 &&
           in->x + in->w <= out->x + out->w + 1e-9 &&
           in->y + in->h <= out->y + out->h + 1e-9;
}

static void check_geometry(const mot_bp_layout *l, const mot_blueprint *b)
{
    for (size_t i = 0; i < l->nbox; i++) {
        const mot_bp_box *bi = &l->box[i];
        for (size_t j = i + 1; j < l->nbox; j++)
            if (overlap(&bi->box, &l->box[j].box))
                fail_msg("boxes %zu and %zu overlap", i, j);
        if (!inside(&bi->box, &l->lane[bi->lane - 1]))
            fail_msg("box %zu is outside its lane", i);
        if (!inside(&bi->box, &l->stage[b->tp[i].stage_index]))
            fail_msg("box %zu is outside its stage column", i);
        if (!inside(&bi->box, &(mot_rect){0, 0, l->width, l->height}))
            fail_msg("box %zu is outside the drawing", i);
        for (size_t k = bi->first_text; k < bi->first_text + bi->ntext; k++)
            if (!inside(&l->text[k].box, &bi->box))
                fail_msg("line %zu (%.*s) does not fit box %zu", k,
                         (int)l->text[k].len, l->text[k].text, i);
    }
    for (size_t k = 0; k < l->ntext; k++) {
        const mot_bp_text *t = &l->text[k];
        if (!inside(&t->box, &t->within))
            fail_msg("line %zu (%.*s) leaves its rectangle", k, (int)t->len,
                     t->text);
        if (!inside(&t->box, &(mot_rect){0, 0, l->width, l->height}))
            fail_msg("line %zu (%.*s) is outside the drawing", k, (int)t->len,
                     t->text);
        for (size_t i = 0; i < l->nbox; i++)
            if (overlap(&t->box, &l->box[i].box) &&
                !(k >= l->box[i].first_text &&
                  k < l->box[i].first_text + l->box[i].ntext))
                fail_msg("line %zu (%.*s) runs into box %zu", k, (int)t->len,
                         t->text, i);
    }
}

/* A blueprint of n touchpoints in about n / 4 stages with long names,
** every lane, lanes missing on some rows, and a crowd of seven in one
** lane and stage when n is large; every fifth supports the one before. */
static char *generated(size_t n)
{
    static const char *const lanes[] = {"evidence", "customer", "frontstage",
                                        "backstage", "support", ""};
    static const char *const names[] = {
        "宽带装机上门服务预约与确认及现场调试验收",
        "Repair technician callback and satisfaction follow-up visit",
        "首月账单",
        "营业厅排队叫号等候与业务受理（含实名认证）",
        "App",
        "Supercalifragilisticexpialidocious-account-verification",
    };
    size_t cap = 256 + n * 256, k = 0;
    char *csv = malloc(cap);
    assert_non_null(csv);
    k += (size_t)snprintf(csv + k, cap - k,
                          "id,name,stage,lane,channel,supports,sla_hours\n");
    size_t nstages = n / 4 ? n / 4 : 1;
    for (size_t i = 0; i < n; i++) {
        int crowd = n >= 14 && i < 7;
        k += (size_t)snprintf(
            csv + k, cap - k, "T%zu,%s %zu,阶段%zu 客户旅程的很长的阶段名称,%s,%s,%s,%s\n",
            i, names[i % 6], i, crowd ? 0 : i * nstages / n,
            crowd ? "frontstage" : lanes[i % 6], i % 7 == 6 ? "back" : "",
            i % 5 == 4 ? "T0" : "", i % 3 == 0 ? "24" : "");
    }
    return csv;
}

static void check_generated(size_t n)
{
    char name[32];
    snprintf(name, sizeof name, "blueprint_gen%zu", n);
    char *csv = generated(n);
    mot_project *p = load(name, csv);
    free(csv);
    mot_tp_result *tps = calloc(n, sizeof *tps);
    assert_non_null(tps);
    for (size_t i = 0; i < n; i++) {
        tps[i] = blank(i);
        tps[i].mean = 1 + (double)(i % 40) / 10;
        tps[i].below_tolerance = (double)(i % 10) / 10;
        tps[i].kind = (mot_kind)(i % 4);
        tps[i].line.found = i % 3 == 1;
        snprintf(tps[i].line.measure, sizeof tps[i].line.measure,
                 "wait_minutes");
    }
    mot_analysis a = analysis_of(tps, n);
    for (int lang = 0; lang < 2; lang++)
        for (int with = 0; with < 2; with++) {
            mot_bp_layout *l;
            assert_int_equal(mot_blueprint_layout(&p->blueprint,
                                                  with ? &a : NULL, NULL,
                                                  (mot_lang)lang, &l),
                             MOT_OK);
            assert_int_equal(l->nbox, n);
            check_geometry(l, &p->blueprint);
            mot_blueprint_layout_free(l);
        }
    /* and it draws */
    char *s = draw(&p->blueprint, &a, MOT_LANG_ZH);
    assert_non_null(strstr(s, "</svg>\n"));
    free(s);
    free(tps);
    mot_project_free(p);
}

static void test_geometry_3(void **state)
{
    (void)state;
    check_generated(3);
}

static void test_geometry_14(void **state)
{
    (void)state;
    check_generated(14);
}

static void test_geometry_40(void **state)
{
    (void)state;
    check_generated(40);
}

/* The fixture passes the geometry check too. */
static void test_geometry_fixture(void **state)
{
    (void)state;
    mot_project *p = load("blueprint_fixture", fixture);
    mot_tp_result tps[7];
    mot_analysis a = fixture_analysis(tps);
    mot_bp_layout *l;
    assert_int_equal(
        mot_blueprint_layout(&p->blueprint, &a, NULL, MOT_LANG_ZH, &l),
        MOT_OK);
    check_geometry(l, &p->blueprint);
    mot_blueprint_layout_free(l);
    mot_project_free(p);
}

/* A name of 150 Chinese characters wraps into more lines than the
** layout's first guess holds, and still fits its box. */
static void test_long_name(void **state)
{
    (void)state;
    char csv[1024] = "id,name,stage\nT1,";
    for (int i = 0; i < 150; i++)
        strcat(csv, "长");
    strcat(csv, ",阶段\nT2,短,阶段\n");
    mot_project *p = load("blueprint_long", csv);
    mot_bp_layout *l;
    assert_int_equal(
        mot_blueprint_layout(&p->blueprint, NULL, NULL, MOT_LANG_ZH, &l),
        MOT_OK);
    assert_true(l->box[0].ntext > 16);
    check_geometry(l, &p->blueprint);
    mot_blueprint_layout_free(l);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_fixture_layout),
        cmocka_unit_test(test_tickets_badges),
        cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_geometry_fixture),
        cmocka_unit_test(test_geometry_3),
        cmocka_unit_test(test_geometry_14),
        cmocka_unit_test(test_geometry_40),
        cmocka_unit_test(test_long_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
