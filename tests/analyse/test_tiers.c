/*
** test_tiers.c: tier-aware standards (blueprint columns sla_hours_<tier>,
** sla_response_hours_<tier>, tolerance_<tier>) in mot_tickets_analyse
** (src/analyse/tickets.c, recovery.c) and in mot_analyse_segments by
** `tier` (src/analyse/segments.c), against hand counts; the Wilson
** intervals are R's (tests/data/r/tickets_tiers.R, numbers copied here).
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

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* Hours after 2026-01-01 00:00 UTC, as ISO text. */
#define T(h) "2026-01-01T" h

/* Touchpoint A: default resolution 24 h, first response 4 h, tolerance 3;
** for tier vip 8 h, 1 h and tolerance 4. B: 48 h, no first-response
** standard, nothing for vip. Every ticket opens at 0 h.
**
** ticket cust tier tp  resp  resolved sat | resp std  res std   recovered
**  t1    v1   vip  A   0.5   6        3   | 1 in      8 in      no (3 < 4)
**  t2    v2   vip  A   2     12       5   | 1 MISS    8 MISS    no
**  t3    v3   vip  B   1     30       4   | none      48 in     yes (4 >= 3)
**  t4    s1   std  A   2     12       4   | 4 in      24 in     yes
**  t5    s2   std  A   5     30       2   | 4 MISS    24 MISS   no
**  t6    s3   std  B   1     50       5   | none      48 MISS   no
**  t7    x9   -    A   2     12       3   | 4 in      24 in     yes
** t2 is within the default standard (2 <= 4, 12 <= 24) but outside the
** VIP one. */
static const lu_file ticket_files[] = {
    {"blueprint.csv",
     "id,name,stage,tolerance,sla_hours,sla_response_hours,sla_hours_vip,"
     "sla_response_hours_vip,tolerance_vip\n"
     "A,Repair,after,3,24,4,8,1,4\n"
     "B,Complaint,after,3,48,,,,\n"},
    {"customers.csv", "customer_id,tier,overall\nv1,vip,4\nv2,vip,3\n"
                      "v3,vip,5\ns1,std,4\ns2,std,2\ns3,std,3\n"},
    {"tickets.csv",
     "ticket_id,customer_id,touchpoint,opened_at,first_response_at,"
     "resolved_at,satisfaction\n"
     "t1,v1,A," T("00:00") "," T("00:30") "," T("06:00") ",3\n"
     "t2,v2,A," T("00:00") "," T("02:00") "," T("12:00") ",5\n"
     "t3,v3,B," T("00:00") "," T("01:00") ",2026-01-02T06:00,4\n"
     "t4,s1,A," T("00:00") "," T("02:00") "," T("12:00") ",4\n"
     "t5,s2,A," T("00:00") "," T("05:00") ",2026-01-02T06:00,2\n"
     "t6,s3,B," T("00:00") "," T("01:00") ",2026-01-03T02:00,5\n"
     "t7,x9,A," T("00:00") "," T("02:00") "," T("12:00") ",3\n"},
    {NULL, NULL}};

static const mot_tk_group *find_group(const mot_tickets_result *r,
                                      mot_tk_by by, const char *key)
{
    for (size_t i = 0; i < r->nby[by]; i++)
        if (strcmp(r->by[by][i].key, key) == 0)
            return &r->by[by][i];
    fail_msg("no group %s", key);
    return NULL;
}

static void assert_share(const mot_tk_share *s, size_t within, size_t judged,
                         double lo, double hi)
{
    assert_int_equal(s->within, within);
    assert_int_equal(s->judged, judged);
    assert_abs(s->share, (double)within / (double)judged, 1e-12);
    assert_abs(s->lo, lo, 1e-10);
    assert_abs(s->hi, hi, 1e-10);
}

static void test_tickets_by_tier(void **state)
{
    (void)state;
    mot_project *p = lu_load(lu_project("tiers_tickets", ticket_files));
    mot_tickets_result *r = NULL;
    mot_error err;
    assert_int_equal(p->blueprint.ntiercol, 3);
    assert_int_equal(mot_tickets_analyse(p, NULL, &r, &err), MOT_OK);
    assert_true(r->has_tiers);
    assert_true(r->has_response_sla);
    assert_int_equal(r->ntier_columns, 2);
    assert_string_equal(r->tier_columns[0], "sla_hours_vip");
    assert_string_equal(r->tier_columns[1], "sla_response_hours_vip");
    /* A: t1 t2 t4 t5 t7; within t1 t4 t7 on both (t2 would be within by
    ** the default) */
    const mot_tk_group *a = find_group(r, MOT_TK_TOUCHPOINT, "A");
    assert_share(&a->resolution_sla, 3, 5, 0.230724281276, 0.882379225767);
    assert_share(&a->response_sla, 3, 5, 0.230724281276, 0.882379225767);
    /* vip: resolution t1 in, t2 miss, t3 in (B's default: no vip value);
    ** first response t1 in, t2 miss, t3 not judged */
    const mot_tk_group *v = find_group(r, MOT_TK_TIER, "vip");
    assert_int_equal(v->n, 3);
    assert_share(&v->resolution_sla, 2, 3, 0.207659600802, 0.938508055280);
    assert_share(&v->response_sla, 1, 2, 0.094531205734, 0.905468794266);
    assert_int_equal(v->resolution_tier_std, 2);
    assert_int_equal(v->response_tier_std, 2);
    /* std: no std columns, so the defaults: t4 in, t5 miss, t6 miss;
    ** first response t4 in, t5 miss */
    const mot_tk_group *s = find_group(r, MOT_TK_TIER, "std");
    assert_share(&s->resolution_sla, 1, 3, 0.061491944720, 0.792340399198);
    assert_share(&s->response_sla, 1, 2, 0.094531205734, 0.905468794266);
    assert_int_equal(s->resolution_tier_std, 0);
    assert_int_equal(s->response_tier_std, 0);
    assert_int_equal(r->nby[MOT_TK_TIER], 2);   /* x9 has no tier */
    /* total: resolution within t1 t3 t4 t7 of 7 */
    assert_share(&r->total.resolution_sla, 4, 7, 0.250458364528,
                 0.841780144749);
    /* recovery: t3 t4 t7 of 7 (t1 is below the vip tolerance 4) */
    assert_share(&r->recovery.rate, 3, 7, 0.158219855251, 0.749541635472);
    mot_tickets_result_free(r);
    mot_project_free(p);
}

/* A per-tier column for a tier no customer has is an error, at the
** column's header; so is one when the customers have no tiers. */
static void test_unknown_tier(void **state)
{
    (void)state;
    lu_file files[4];
    memcpy(files, ticket_files, sizeof files);
    files[0].text = "id,name,stage,sla_hours,sla_hours_gold\n"
                    "A,Repair,after,24,8\nB,Complaint,after,48,\n";
    mot_project *p = lu_load(lu_project("tiers_unknown", files));
    mot_tickets_result *r = NULL;
    mot_error err;
    char buf[1200];
    assert_int_equal(mot_tickets_analyse(p, NULL, &r, &err), MOT_EDATA);
    assert_null(r);
    mot_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "blueprint.csv:1:5: sla_hours_gold is a "
                        "standard for tier \"gold\", but no customer has "
                        "that tier (the tiers are: vip, std)");
    mot_project_free(p);

    files[1].text = "customer_id,overall\nv1,4\n";
    p = lu_load(lu_project("tiers_none", files));
    assert_int_equal(mot_tickets_analyse(p, NULL, &r, &err), MOT_EDATA);
    mot_error_format(&err, buf, sizeof buf);
    assert_non_null(strstr(buf, "blueprint.csv:1:5: sla_hours_gold is a "
                            "standard for tier \"gold\", but the customers "
                            "have no tiers"));
    mot_project_free(p);
}

/* --segment tier: the vip view judges T1 by tolerance_vip 4, so vip's
** scores 3, 4, 5 have one below tolerance (0 by the default 3); std keeps
** the default: 2, 3, 4 have one below 3. */
static const lu_file seg_files[] = {
    {"blueprint.csv", "id,name,stage,tolerance,tolerance_VIP\n"
                      "T1,Repair,after,3,4\nT2,Other,after,3,\n"},
    {"customers.csv", "customer_id,tier,churned,plan\nv1,vip,0,a\n"
                      "v2,vip,1,a\nv3,vip,0,a\ns1,std,0,b\ns2,std,1,b\n"
                      "s3,std,0,b\n"},
    {"events.csv", "customer_id,time,touchpoint,score\n"
                   "v1,1767225600,T1,3\nv2,1767225600,T1,4\n"
                   "v3,1767225600,T1,5\ns1,1767225600,T1,2\n"
                   "s2,1767225600,T1,3\ns3,1767225600,T1,4\n"},
    {NULL, NULL}};

static void test_segment_tolerance(void **state)
{
    (void)state;
    mot_project *p = lu_load(lu_project("tiers_segments", seg_files));
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_analyse_options o;
    mot_error err;
    mot_analyse_options_default(&o);
    o.bootstrap = 20;
    o.threads = 1;
    assert_int_equal(mot_features_derive(p, 1, &f, &err), MOT_OK);
    assert_int_equal(mot_analyse(p, f, &o, &a, &err), MOT_OK);
    /* the whole project keeps the default tolerance */
    assert_abs(a->tp[0].tolerance, 3, 0);
    assert_int_equal(mot_analyse_segments(p, "tier", &o, a, &err), MOT_OK);
    const mot_segments *s = a->segments;
    assert_int_equal(s->nseg, 2);
    assert_string_equal(s->seg[0].name, "vip");
    assert_int_equal(s->seg[0].tier_tolerances, 1);
    assert_abs(s->seg[0].a->tp[0].tolerance, 4, 0);
    assert_abs(s->seg[0].a->tp[0].below_tolerance, 1.0 / 3, 1e-12);
    assert_abs(s->seg[0].a->tp[1].tolerance, 3, 0);
    assert_string_equal(s->seg[1].name, "std");
    assert_int_equal(s->seg[1].tier_tolerances, 0);
    assert_abs(s->seg[1].a->tp[0].tolerance, 3, 0);
    assert_abs(s->seg[1].a->tp[0].below_tolerance, 1.0 / 3, 1e-12);
    /* the blueprint itself is unchanged */
    assert_abs(p->blueprint.tp[0].tolerance, 3, 0);
    mot_segments_free(a->segments);
    a->segments = NULL;
    /* another column: no tier tolerances */
    assert_int_equal(mot_analyse_segments(p, "plan", &o, a, &err),
                     MOT_OK);
    assert_int_equal(a->segments->seg[0].tier_tolerances, 0);
    assert_abs(a->segments->seg[0].a->tp[0].tolerance, 3, 0);
    mot_analysis_free(a);
    mot_features_free(f);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tickets_by_tier),
        cmocka_unit_test(test_unknown_tier),
        cmocka_unit_test(test_segment_tolerance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
