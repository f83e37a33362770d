/* test_blueprint.c: blueprint.csv loads into touchpoints, stages and
** attribute columns; lookups by id and name; stage order; per-tier
** columns and their bad values. (Other malformed blueprints are in the
** matrix of test_project.c.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"

static const char full_blueprint[] =
    "id,name,stage,phase,lane,channel,supports,tolerance,target,sla_hours,"
    "servqual_dimension,kano_feature,owner,budget,note\n"
    "T1,咨询,售前,expectation,customer,digital,,3,4.5,,reliability,"
    "快速响应,客服部,100,a\n"
    "T2,开通,售中,contact,frontstage,front,,2.5,4,48,responsiveness,,,"
    "200,\n"
    "T3,工单派发,售中,,backstage,back,T2,,,24,,,,,b\n"
    "T4,回访,售后,follow-up,support,,开通,,,,empathy,,,-3.5,a\n";

static void test_every_column_is_stored(void **state)
{
    (void)state;
    const char *dir = lu_project("bp_full", (lu_file[]){
        {"blueprint.csv", full_blueprint}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_blueprint *b = &p->blueprint;
    assert_int_equal(b->n, 4);
    const mot_touchpoint *t1 = &b->tp[0], *t2 = &b->tp[1], *t3 = &b->tp[2],
                         *t4 = &b->tp[3];
    assert_string_equal(t1->id, "T1");
    assert_string_equal(t1->name, "咨询");
    assert_string_equal(t1->stage, "售前");
    assert_int_equal(t1->phase, MOT_PHASE_EXPECTATION);
    assert_int_equal(t1->lane, MOT_LANE_CUSTOMER);
    assert_int_equal(t1->channel, MOT_CHANNEL_DIGITAL);
    assert_int_equal(t1->supports, -1);
    assert_true(t1->tolerance == 3.0 && t1->target == 4.5);
    assert_true(LU_ISNAN(t1->sla_hours));
    assert_int_equal(t1->servqual_dimension, MOT_DIM_RELIABILITY);
    assert_string_equal(t1->kano_feature, "快速响应");
    assert_string_equal(t1->owner, "客服部");
    assert_int_equal(t1->line, 2);

    assert_int_equal(t2->phase, MOT_PHASE_CONTACT);
    assert_int_equal(t2->lane, MOT_LANE_FRONTSTAGE);
    assert_int_equal(t2->channel, MOT_CHANNEL_FRONT);
    assert_true(t2->tolerance == 2.5 && t2->target == 4.0);
    assert_true(t2->sla_hours == 48.0);
    assert_null(t2->kano_feature);
    assert_null(t2->owner);

    assert_int_equal(t3->phase, MOT_PHASE_UNSET);
    assert_int_equal(t3->lane, MOT_LANE_BACKSTAGE);
    assert_int_equal(t3->supports, 1);                 /* by id */
    assert_true(LU_ISNAN(t3->tolerance) && LU_ISNAN(t3->target));
    assert_int_equal(t3->servqual_dimension, MOT_DIM_UNSET);

    assert_int_equal(t4->phase, MOT_PHASE_FOLLOW_UP);
    assert_int_equal(t4->lane, MOT_LANE_SUPPORT);
    assert_int_equal(t4->channel, MOT_CHANNEL_UNSET);
    assert_int_equal(t4->supports, 1);                 /* by name */
    assert_int_equal(t4->line, 5);
    mot_project_free(p);
}

static void test_stages_in_order_of_appearance(void **state)
{
    (void)state;
    const char *dir = lu_project("bp_stages", (lu_file[]){
        {"blueprint.csv", full_blueprint}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_blueprint *b = &p->blueprint;
    assert_int_equal(b->nstages, 3);
    assert_string_equal(b->stages[0], "售前");
    assert_string_equal(b->stages[1], "售中");
    assert_string_equal(b->stages[2], "售后");
    const size_t want[] = {0, 1, 1, 2};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(b->tp[i].stage_index, want[i]);
    mot_project_free(p);
}

static void test_extra_columns_become_attributes(void **state)
{
    (void)state;
    const char *dir = lu_project("bp_attrs", (lu_file[]){
        {"blueprint.csv", full_blueprint}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_columns *a = &p->blueprint.attrs;
    assert_int_equal(a->n, 2);
    const mot_column *budget = mot_columns_find(a, "BUDGET");
    assert_non_null(budget);
    assert_string_equal(budget->name, "budget");
    assert_true(budget->numeric);
    assert_null(budget->code);
    assert_null(budget->dict);
    assert_true(budget->num[0] == 100.0 && budget->num[1] == 200.0);
    assert_true(LU_ISNAN(budget->num[2]));
    assert_true(budget->num[3] == -3.5);
    const mot_column *note = mot_columns_find(a, "note");
    assert_non_null(note);
    assert_false(note->numeric);
    assert_null(note->num);
    assert_int_equal(note->code[0], 0);
    assert_int_equal(note->code[1], MOT_NONE);
    assert_int_equal(note->code[2], 1);
    assert_int_equal(note->code[3], 0);
    assert_string_equal(mot_strtab_get(note->dict, 1), "b");
    assert_null(mot_columns_find(a, "owner"));
    mot_project_free(p);
}

static void test_find_by_id_then_name(void **state)
{
    (void)state;
    /* X9 is named "T1", the id of another touchpoint: the id wins */
    const char *dir = lu_project("bp_find", (lu_file[]){
        {"blueprint.csv", "id,name,stage\nT1,咨询,售前\nX9,T1,售前\n"
                          "T2,开通,售中\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_blueprint *b = &p->blueprint;
    assert_int_equal(mot_blueprint_find(b, "T1", 2), 0);
    assert_int_equal(mot_blueprint_find(b, "X9", 2), 1);
    assert_int_equal(mot_blueprint_find(b, "开通", strlen("开通")), 2);
    assert_int_equal(mot_blueprint_find(b, "T", 1), -1);
    assert_int_equal(mot_blueprint_find(b, "T22", 3), -1);
    mot_project_free(p);
}

static void test_header_is_matched_loosely(void **state)
{
    (void)state;
    /* case and spaces around header names do not matter; values are
    ** trimmed; an unnamed empty column at the end is ignored */
    const char *dir = lu_project("bp_header", (lu_file[]){
        {"blueprint.csv", " ID ,Name,STAGE, Tolerance ,\r\n"
                          " T1 , 咨询 ,售前, 2 ,\r\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_touchpoint *t = &p->blueprint.tp[0];
    assert_string_equal(t->id, "T1");
    assert_string_equal(t->name, "咨询");
    assert_true(t->tolerance == 2.0);
    assert_int_equal(p->blueprint.attrs.n, 0);
    mot_project_free(p);
}

static void test_stage_order_from_mot_ini(void **state)
{
    (void)state;
    /* rows of a stage need not be together when mot.ini gives the order */
    const char *dir = lu_project("bp_order", (lu_file[]){
        {"mot.ini", "[stages]\norder = 售后, 售前, 售中\n"},
        {"blueprint.csv", "id,name,stage\nT1,a,售前\nT2,b,售中\nT3,c,售前\n"
                          "T4,d,售后\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_blueprint *b = &p->blueprint;
    assert_int_equal(b->nstages, 3);
    assert_string_equal(b->stages[0], "售后");
    assert_string_equal(b->stages[1], "售前");
    assert_string_equal(b->stages[2], "售中");
    const size_t want[] = {1, 2, 1, 0};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(b->tp[i].stage_index, want[i]);
    mot_project_free(p);
}

static void test_score_scale_from_mot_ini(void **state)
{
    (void)state;
    const char *dir = lu_project("bp_scale", (lu_file[]){
        {"mot.ini", "[scale]\nmin = 0\nmax = 10\nneutral = 5\n"},
        {"blueprint.csv", "id,name,stage,tolerance,target\nT1,a,s,6,9.5\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    assert_true(p->blueprint.tp[0].tolerance == 6.0);
    assert_true(p->blueprint.tp[0].target == 9.5);
    mot_project_free(p);
}

/* sla_hours_<tier>, sla_response_hours_<tier>, tolerance_<tier>: read
** per touchpoint (prefix ignoring case), empty cells NAN, also kept as
** attributes; looked up by tier ignoring case. */
static void test_tier_columns(void **state)
{
    (void)state;
    const char *dir = lu_project("bp_tiers", (lu_file[]){
        {"blueprint.csv", "id,name,stage,sla_hours,SLA_Hours_VIP,"
                          "sla_response_hours_vip,tolerance_gold,sla_x\n"
                          "T1,a,s,24,8,1,4.5,1\nT2,b,s,48,,2,,2\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_blueprint *b = &p->blueprint;
    assert_int_equal(b->ntiercol, 3);
    assert_int_equal(b->tiercol[0].kind, MOT_TIER_SLA);
    assert_string_equal(b->tiercol[0].header, "SLA_Hours_VIP");
    assert_string_equal(b->tiercol[0].tier, "VIP");
    assert_int_equal(b->tiercol[0].line, 1);
    assert_int_equal(b->tiercol[0].column, 5);
    assert_int_equal(b->tiercol[1].kind, MOT_TIER_SLA_RESPONSE);
    assert_int_equal(b->tiercol[2].kind, MOT_TIER_TOLERANCE);
    assert_string_equal(b->tiercol[2].tier, "gold");
    assert_true(mot_blueprint_tier_value(b, MOT_TIER_SLA, "vip", 0) == 8.0);
    assert_true(LU_ISNAN(mot_blueprint_tier_value(b, MOT_TIER_SLA, "vip",
                                                  1)));
    assert_true(mot_blueprint_tier_value(b, MOT_TIER_SLA_RESPONSE, "VIP",
                                         1) == 2.0);
    assert_true(mot_blueprint_tier_value(b, MOT_TIER_TOLERANCE, "gold",
                                         0) == 4.5);
    assert_true(LU_ISNAN(mot_blueprint_tier_value(b, MOT_TIER_SLA, "gold",
                                                  0)));
    assert_true(LU_ISNAN(mot_blueprint_tier_value(b, MOT_TIER_SLA, NULL,
                                                  0)));
    assert_non_null(mot_columns_find(&b->attrs, "sla_hours_vip"));
    mot_project_free(p);
}

/* Bad per-tier values and headers: file:line:column, the load fails. */
static void test_tier_columns_bad(void **state)
{
    (void)state;
    static const struct {
        const char *csv, *first;
    } cases[] = {
        {"id,name,stage,sla_hours_vip\nT1,a,s,0\n",
         "blueprint.csv:2:4: sla_hours_vip must be a positive number of "
         "hours, found \"0\""},
        {"id,name,stage,sla_response_hours_vip\nT1,a,s,soon\n",
         "blueprint.csv:2:4: sla_response_hours_vip must be a positive "
         "number of hours, found \"soon\""},
        {"id,name,stage,tolerance_vip\nT1,a,s,7\n",
         "blueprint.csv:2:4: tolerance_vip must be a number between 1 and "
         "5, found \"7\""},
        {"id,name,stage,sla_hours_\nT1,a,s,7\n",
         "blueprint.csv:1:4: sla_hours_ must name a tier after the prefix, "
         "as in sla_hours_vip"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lu_result r;
        const char *dir = lu_project("bp_tiers_bad", (lu_file[]){
            {"blueprint.csv", cases[i].csv}, {NULL, NULL}});
        lu_load_fail(dir, 0, &r);
        assert_int_equal(r.status, MOT_EDATA);
        assert_string_equal(r.first, cases[i].first);
        mot_diag_free(&r.diag);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tier_columns),
        cmocka_unit_test(test_tier_columns_bad),
        cmocka_unit_test(test_every_column_is_stored),
        cmocka_unit_test(test_stages_in_order_of_appearance),
        cmocka_unit_test(test_extra_columns_become_attributes),
        cmocka_unit_test(test_find_by_id_then_name),
        cmocka_unit_test(test_header_is_matched_loosely),
        cmocka_unit_test(test_stage_order_from_mot_ini),
        cmocka_unit_test(test_score_scale_from_mot_ini),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
