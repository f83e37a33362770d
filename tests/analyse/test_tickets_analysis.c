/*
** test_tickets_analysis.c: tickets against the standard and service
** recovery (src/analyse/tickets.c, recovery.c) and the order-statistic
** quantile interval of the stats core, against values computed by hand
** (written out below) or by R (tests/data/r/tickets_recovery.R, whose
** printed numbers are copied here):
**   - mot_quantile_ci_sorted for the median and p90 of n = 10;
**   - a hand-made project: hours to first response and resolution
**     (type 7 median and p90, their order-statistic intervals), shares
**     within the standard (resolution and first response, open tickets
**     past or inside the standard, touchpoints without one), the open
**     backlog and its age, the Pareto and its vital few, repeats within
**     30 days, the recovery rate, the three recovery groups (who falls
**     where, who is left out), their means, NPS and churn with intervals,
**     the nine comparisons (Welch, chi-square, Newcombe, Cohen's d) and
**     Holm;
**   - a planted tolerance line in hours to resolve;
**   - the demo: in every scenario the planted often-missed SLA touchpoint
**     misses 25-45% of its judged tickets and is the worst touchpoint.
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
#include "projutil.h"

/* |got - want| <= tol, else fail saying both (NAN fails). */
static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* 2026-01-01 00:00 UTC; times below are hours after it. */
#define T0 1767225600LL
#define H(h) (T0 + (long long)((h) * 3600))

/* ---- the quantile interval ----------------------------------------------- */

/* n = 10, median: B ~ Bin(10, 1/2), F(1) = 11/1024 = 0.0107 <= 0.025 <
** F(2) = 56/1024, so l = 2; F(7) = 968/1024 < 0.975 <= F(8) = 1013/1024,
** so u = 9; coverage (1013 - 11)/1024 = 0.978515625. The p90: B ~
** Bin(10, 0.9), F(6) = P(at most 6 of 10) = 1 - P(4+ misses of p 0.1) =
** 0.0128 <= 0.025 < F(7) = 0.0702, so l = 7; F(9) = 1 - 0.9^10 = 0.651 <
** 0.975: no upper end. */
static void test_quantile_ci(void **state)
{
    (void)state;
    double x[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, lo, hi, cov;
    assert_int_equal(mot_quantile_ci_sorted(x, 10, 0.5, 0.95, &lo, &hi,
                                            &cov), MOT_OK);
    assert_abs(lo, 2, 0);
    assert_abs(hi, 9, 0);
    assert_abs(cov, 1002.0 / 1024, 1e-12);
    assert_int_equal(mot_quantile_ci_sorted(x, 10, 0.9, 0.95, &lo, &hi,
                                            &cov), MOT_OK);
    assert_abs(lo, 7, 0);
    assert_true(isnan(hi) && isnan(cov));
    assert_int_equal(mot_quantile_ci_sorted(x, 0, 0.5, 0.95, &lo, &hi,
                                            NULL), MOT_EUSAGE);
    assert_int_equal(mot_quantile_ci_sorted(x, 10, 1, 0.95, &lo, &hi,
                                            NULL), MOT_EUSAGE);
}

/* ---- the hand-made project ----------------------------------------------- */

/* Touchpoint A: resolution standard 10 h, first response 2 h, tolerance
** 3; B: 24 h, no first-response standard; C: no standard.
**
** ticket  cust  tp  opened  1st resp  resolved  cat  sat
**  A1..A10 c1..c10 A  0    1,1,1,1,3,3,3,3,3,3   2,4,..,20  X X X X X Y Y Y Z Z
**          sat 4 2 5 3 4 5 1 2 3 4
**  A11     c11  A  970     971       open      X    -
**  B1      c1   B  10      11        30        X    4
**  B2      c12  B  995     -         open      W    -
**  B3      c2   B  960     961       990       X    5
**  C1      c13  C  0       1         1000      X    5
** The end of the data is 1000 h. */
static const char *make_project(void)
{
    const char *dir = tu_tmpdir("tickets_hand");
    tu_write(dir, "blueprint.csv",
             "id,name,stage,tolerance,sla_hours,sla_response_hours\n"
             "A,Repair,after,3,10,2\n"
             "B,Complaint,after,3,24,\n"
             "C,Other,after,,,\n", (size_t)-1);
    pu_text t;
    pu_text_open(&t);
    fprintf(t.f, "ticket_id,customer_id,touchpoint,opened_at,"
            "first_response_at,resolved_at,category,satisfaction,staff_id,"
            "branch\n");
    static const char cat[] = "XXXXXYYYZZ";
    static const int sat[] = {4, 2, 5, 3, 4, 5, 1, 2, 3, 4};
    for (int i = 0; i < 10; i++)
        fprintf(t.f, "A%d,c%d,A,%lld,%lld,%lld,%c,%d,S1,N1\n", i + 1, i + 1,
                H(0), H(i < 4 ? 1 : 3), H(2 * (i + 1)), cat[i], sat[i]);
    fprintf(t.f, "A11,c11,A,%lld,%lld,,X,,S1,N1\n", H(970), H(971));
    fprintf(t.f, "B1,c1,B,%lld,%lld,%lld,X,4,S2,N2\n", H(10), H(11), H(30));
    fprintf(t.f, "B2,c12,B,%lld,,,W,,S2,N2\n", H(995));
    fprintf(t.f, "B3,c2,B,%lld,%lld,%lld,X,5,S2,N2\n", H(960), H(961),
            H(990));
    fprintf(t.f, "C1,c13,C,%lld,%lld,%lld,X,5,,\n", H(0), H(1), H(1000));
    pu_text_write(&t, dir, "tickets.csv");
    /* recovered c1 c3 c4 c5; not recovered c2 c6..c11; no failure
    ** c14..c18; c12 and c13 (tickets not judged) are left out */
    tu_write(dir, "customers.csv",
             "customer_id,overall,nps,churned\n"
             "c1,5,10,0\nc3,4,9,0\nc4,5,8,0\nc5,4,6,1\n"
             "c14,4,9,0\nc15,3,7,0\nc16,4,7,1\nc17,3,5,0\nc18,4,3,1\n"
             "c2,2,0,1\nc6,3,6,1\nc7,1,7,0\nc8,2,2,1\nc9,3,10,1\n"
             "c10,2,5,0\nc11,1,3,1\n"
             "c12,1,0,1\nc13,1,0,1\n", (size_t)-1);
    return dir;
}

static mot_project *load(const char *dir)
{
    mot_diag d;
    mot_project *p = NULL;
    mot_diag_init(&d, 0);
    if (mot_project_load(&p, dir, NULL, &d) != MOT_OK) {
        char buf[1200];
        mot_error_format(&d.items[0], buf, sizeof buf);
        fail_msg("%s did not load: %s", dir, buf);
    }
    mot_diag_free(&d);
    return p;
}

static const mot_tk_group *find_group(const mot_tickets_result *r,
                                      mot_tk_by by, const char *key)
{
    for (size_t i = 0; i < r->nby[by]; i++)
        if (strcmp(r->by[by][i].key, key) == 0)
            return &r->by[by][i];
    fail_msg("no group %s", key);
    return NULL;
}

static mot_tickets_result *analyse(const mot_project *p, size_t min_group)
{
    mot_tickets_options o;
    mot_tickets_result *r = NULL;
    mot_error err;
    mot_tickets_options_default(&o);
    o.min_group = min_group;
    if (mot_tickets_analyse(p, &o, &r, &err) != MOT_OK)
        fail_msg("analyse: %s", err.message);
    return r;
}

/* A: resolution hours 2, 4, ..., 20 (A11 open). Type 7 median: h = 9 x
** 0.5 = 4.5, x5 + 0.5 (x6 - x5) = 10 + 1 = 11; p90: h = 8.1, x9 + 0.1
** (x10 - x9) = 18.2; intervals [x2, x9] = [4, 18] and [x7, -] = [14, -]
** (test_quantile_ci). First response of 11 tickets: 1 x 5 and 3 x 6:
** median x6 = 3, p90 x10 = 3. Within 2 h: A1-A4 and A11 = 5 of 11.
** Resolution within 10 h: 2, 4, 6, 8, 10 (10 <= 10 is within) and A11,
** open at age 1000 - 970 = 30 h > 10, missed: 5 of 11, Wilson [R]
** 0.212712716225, 0.719908462591. */
static void test_touchpoint_a(void **state)
{
    (void)state;
    mot_project *p = load(make_project());
    mot_tickets_result *r = analyse(p, 3);
    assert_int_equal(r->n, 15);
    assert_int_equal(r->end_time, H(1000));
    assert_true(r->has_response_sla);
    const mot_tk_group *a = find_group(r, MOT_TK_TOUCHPOINT, "A");
    assert_string_equal(a->name, "Repair");
    assert_int_equal(a->n, 11);
    assert_int_equal(a->resolution.n, 10);
    assert_abs(a->resolution.median, 11, 1e-12);
    assert_abs(a->resolution.median_lo, 4, 1e-12);
    assert_abs(a->resolution.median_hi, 18, 1e-12);
    assert_abs(a->resolution.p90, 18.2, 1e-12);
    assert_abs(a->resolution.p90_lo, 14, 1e-12);
    assert_true(isnan(a->resolution.p90_hi));
    assert_int_equal(a->response.n, 11);
    assert_abs(a->response.median, 3, 1e-12);
    assert_abs(a->response.p90, 3, 1e-12);
    assert_int_equal(a->response_sla.judged, 11);
    assert_int_equal(a->response_sla.within, 5);
    assert_int_equal(a->resolution_sla.judged, 11);
    assert_int_equal(a->resolution_sla.within, 5);
    assert_abs(a->resolution_sla.share, 5.0 / 11, 1e-12);
    assert_abs(a->resolution_sla.lo, 0.212712716225, 1e-10);
    assert_abs(a->resolution_sla.hi, 0.719908462591, 1e-10);
    assert_int_equal(a->open, 1);
    assert_int_equal(a->open_overdue, 1);
    assert_abs(a->open_age_median, 30, 1e-9);
    assert_abs(a->open_age_max, 30, 1e-9);
    /* the groups come most tickets first: A (11), B (3), C (1) */
    assert_int_equal(r->nby[MOT_TK_TOUCHPOINT], 3);
    assert_string_equal(r->by[MOT_TK_TOUCHPOINT][0].key, "A");
    assert_string_equal(r->by[MOT_TK_TOUCHPOINT][2].key, "C");
    mot_tickets_result_free(r);
    mot_project_free(p);
}

/* B: B2 is open at age 5 h < 24: not judged; B1 20 h within, B3 30 h
** missed: 1 of 2 (Wilson [R] 0.0945312057342, 0.905468794266). B has no
** first-response standard: nothing judged. C has no standard at all.
** Repeats: c1 opened A1 at 0 h and B1 at 10 h: B1 is a repeat; c2's
** tickets are 960 h = 40 days apart: not. Totals: 15 tickets, 2 open
** (A11 overdue, B2 not), within 6 of 13 judged; staff S1 11, S2 3. */
static void test_other_groups(void **state)
{
    (void)state;
    mot_project *p = load(make_project());
    mot_tickets_result *r = analyse(p, 3);
    const mot_tk_group *b = find_group(r, MOT_TK_TOUCHPOINT, "B");
    assert_int_equal(b->resolution_sla.judged, 2);
    assert_int_equal(b->resolution_sla.within, 1);
    assert_abs(b->resolution_sla.lo, 0.0945312057342, 1e-10);
    assert_abs(b->resolution_sla.hi, 0.905468794266, 1e-10);
    assert_int_equal(b->response_sla.judged, 0);
    assert_true(isnan(b->response_sla.share));
    assert_int_equal(b->open, 1);
    assert_int_equal(b->open_overdue, 0);
    assert_abs(b->open_age_median, 5, 1e-9);
    assert_int_equal(b->repeats, 1);
    assert_abs(b->resolution.median, 25, 1e-12);     /* (20 + 30) / 2 */
    const mot_tk_group *c = find_group(r, MOT_TK_TOUCHPOINT, "C");
    assert_int_equal(c->resolution_sla.judged, 0);
    assert_int_equal(r->total.n, 15);
    assert_int_equal(r->total.open, 2);
    assert_int_equal(r->total.open_overdue, 1);
    assert_int_equal(r->total.resolution_sla.judged, 13);
    assert_int_equal(r->total.resolution_sla.within, 6);
    assert_int_equal(r->total.repeats, 1);
    assert_int_equal(r->repeat_customers, 1);
    assert_int_equal(find_group(r, MOT_TK_STAFF, "S1")->n, 11);
    assert_int_equal(find_group(r, MOT_TK_STAFF, "S2")->n, 3);
    assert_int_equal(find_group(r, MOT_TK_BRANCH, "N2")->n, 3);
    assert_int_equal(r->nby[MOT_TK_STAFF], 2);   /* C1 has no staff */
    mot_tickets_result_free(r);
    mot_project_free(p);
}

/* Categories X 9, Y 3, Z 2, W 1 of 15: cumulative 0.6, 0.8, 14/15, 1.
** The vital few reach 80%: X and Y (Z starts at 80%). */
static void test_pareto(void **state)
{
    (void)state;
    mot_project *p = load(make_project());
    mot_tickets_result *r = analyse(p, 3);
    assert_int_equal(r->npareto, 4);
    static const char *const order[] = {"X", "Y", "Z", "W"};
    static const size_t n[] = {9, 3, 2, 1};
    static const double cum[] = {0.6, 0.8, 14.0 / 15, 1};
    for (int i = 0; i < 4; i++) {
        assert_string_equal(r->pareto[i].category, order[i]);
        assert_int_equal(r->pareto[i].n, n[i]);
        assert_abs(r->pareto[i].cumulative, cum[i], 1e-12);
        assert_int_equal(r->pareto[i].vital, i < 2);
    }
    assert_abs(r->pareto[1].share, 0.2, 1e-12);
    assert_int_equal(r->nvital, 2);
    mot_tickets_result_free(r);
    mot_project_free(p);
}

/* Recovered tickets (within the standard and satisfaction >= 3): A1 (4),
** A3 (5), A4 (3), A5 (4, 10 h <= 10), B1 (4) = 5; not: A2 (rated 2),
** A6-A10 and B3 (late), A11 (open past it); not judged: B2 (open inside
** the standard), C1 (no standard). Rate 5 / 13, Wilson [R]
** 0.177097077978, 0.644771084873.
** Groups: recovered c1 c3 c4 c5 (4), no failure c14-c18 (5), not
** recovered c2 c6-c11 (7); c12, c13 left out.
** Recovered: overall 5 4 5 4, mean 4.5, variance 1/3, t interval 4.5 -+
** t(0.975, 3) sqrt(1/3) / 2 = 4.5 -+ 3.18244630528 x 0.288675134595;
** NPS answers 10 9 8 6: P 2, D 1 of 4, NPS 0.25, var 0.5 + 0.25 - 0.0625
** = 0.6875, Wald 0.25 -+ 1.95996398454 sqrt(0.6875 / 4) clipped at 1;
** churn 1 of 4. No failure: mean 3.6, NPS (1 - 2) / 5 = -0.2, churn
** 2 / 5. Not recovered: mean 2, NPS (1 - 5) / 7, churn 5 / 7.
** Comparisons [R]: Welch t.test of overall and of the +1/0/-1 NPS
** scores, prop.test(correct = FALSE) chi-square, Newcombe's interval and
** p.adjust(holm) over the nine p-values. */
static void test_recovery(void **state)
{
    (void)state;
    mot_project *p = load(make_project());
    mot_tickets_result *r = analyse(p, 3);
    const mot_tk_recovery *v = &r->recovery;
    assert_int_equal(v->rate.judged, 13);
    assert_int_equal(v->rate.within, 5);
    assert_abs(v->rate.lo, 0.177097077978, 1e-10);
    assert_abs(v->rate.hi, 0.644771084873, 1e-10);
    assert_int_equal(v->customers[MOT_TK_RECOVERED], 4);
    assert_int_equal(v->customers[MOT_TK_NO_FAILURE], 5);
    assert_int_equal(v->customers[MOT_TK_NOT_RECOVERED], 7);
    const mot_tk_outcome_stat *o = &v->overall[MOT_TK_RECOVERED];
    assert_abs(o->value, 4.5, 1e-12);
    assert_abs(o->lo, 4.5 - 3.18244630528 * 0.288675134595, 1e-8);
    assert_abs(o->hi, 4.5 + 3.18244630528 * 0.288675134595, 1e-8);
    const mot_tk_outcome_stat *n = &v->nps[MOT_TK_RECOVERED];
    assert_abs(n->value, 0.25, 1e-12);
    assert_abs(n->lo, 0.25 - 1.95996398454 * sqrt(0.6875 / 4), 1e-8);
    assert_abs(n->hi, 1, 1e-12);
    assert_abs(v->nps[MOT_TK_NOT_RECOVERED].value, -4.0 / 7, 1e-12);
    assert_abs(v->overall[MOT_TK_NO_FAILURE].value, 3.6, 1e-12);
    assert_abs(v->churn[MOT_TK_NO_FAILURE].value, 0.4, 1e-12);
    assert_abs(v->churn[MOT_TK_NOT_RECOVERED].value, 5.0 / 7, 1e-12);

    /* outcome, groups, diff, lo, hi, statistic, p, d; p_holm in order */
    static const struct {
        const char *outcome, *groups;
        double diff, lo, hi, stat, p, d;
    } want[9] = {
        {"overall", "recovered-no_failure", 0.9, -0.0128337221894,
         1.81283372219, 2.37721744708, 0.0524419874716, 1.60538865303},
        {"overall", "not_recovered-no_failure", -1.6, -2.47798296281,
         -0.722017037186, -4.06088630055, 0.00228686659849, -2.2188007849},
        {"overall", "recovered-not_recovered", 2.5, 1.53227863338,
         3.46772136662, 5.9160797831, 0.000303379751844, 3.35410196625},
        {"nps", "recovered-no_failure", 0.45, -1.03184472494, 1.93184472494,
         0.740629955765, 0.486513922659, 0.505376498667},
        {"nps", "not_recovered-no_failure", -0.371428571429, -1.46425844852,
         0.721401305668, -0.777129919162, 0.458377627443, -0.460195011513},
        {"nps", "recovered-not_recovered", 0.821428571429, -0.598263198004,
         2.24112034086, 1.45756577621, 0.20090867469, 0.969238791956},
        {"churn", "recovered-no_failure", -0.15, -0.572077154537,
         0.380717232415, 0.225, 0.635256295997, NAN},
        {"churn", "not_recovered-no_failure", 0.314285714286,
         -0.198197530481, 0.662349486291, 1.18530612245, 0.276278415808,
         NAN},
        {"churn", "recovered-not_recovered", -0.464285714286,
         -0.752721027971, 0.108599329475, 2.2130952381, 0.136843866043, NAN},
    };
    static const double holm[9] = {0.367093912301, 0.0182949327879,
                                   0.00273041776659, 1, 1, 1, 1, 1,
                                   0.821063196258};
    assert_int_equal(v->ncmp, 9);
    for (int i = 0; i < 9; i++) {
        const mot_tk_compare *c = &v->cmp[i];
        assert_string_equal(c->outcome, want[i].outcome);
        assert_string_equal(c->groups, want[i].groups);
        char pair[64];
        snprintf(pair, sizeof pair, "%s-%s", mot_tk_group_name(c->first),
                 mot_tk_group_name(c->second));
        assert_string_equal(pair, c->groups);
        assert_abs(c->diff, want[i].diff, 1e-10);
        assert_abs(c->lo, want[i].lo, 1e-9);
        assert_abs(c->hi, want[i].hi, 1e-9);
        assert_abs(c->statistic, want[i].stat, 1e-9);
        assert_abs(c->p, want[i].p, 1e-9);
        assert_abs(c->p_holm, holm[i], 1e-9);
        if (isnan(want[i].d))
            assert_true(isnan(c->cohen_d));
        else
            assert_abs(c->cohen_d, want[i].d, 1e-9);
    }
    assert_false(v->paradox);    /* 0.9 better, but Holm p 0.37 */
    /* with 5 customers per group the recovered-no failure pair is not
    ** compared at all */
    mot_tickets_result_free(r);
    r = analyse(p, 5);
    assert_int_equal(r->recovery.ncmp, 3);   /* not_recovered-no_failure */
    assert_string_equal(r->recovery.cmp[0].groups,
                        "not_recovered-no_failure");
    mot_tickets_result_free(r);
    mot_project_free(p);
}

/* A planted line: 60 customers, one ticket each at A (standard 10 h),
** resolved after 1..60 hours; the 20 resolved after more than 40 hours
** all churn, none of the others do; a recovery paradox is planted too:
** the 10 recovered (in time, rated 5) have overall 5, the 20 without a
** ticket 3 (+- 1 noise of a fixed pattern). */
static void test_line_and_paradox(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("tickets_line");
    tu_write(dir, "blueprint.csv", "id,name,stage,tolerance,sla_hours\n"
             "A,Repair,after,3,10\n", (size_t)-1);
    pu_text t, c;
    pu_text_open(&t);
    pu_text_open(&c);
    fprintf(t.f, "ticket_id,customer_id,touchpoint,opened_at,"
            "first_response_at,resolved_at,satisfaction\n");
    fprintf(c.f, "customer_id,overall,churned\n");
    for (int i = 1; i <= 60; i++) {
        fprintf(t.f, "t%d,c%d,A,%lld,%lld,%lld,5\n", i, i, H(0), H(0.5),
                H(i));
        fprintf(c.f, "c%d,%d,%d\n", i, i <= 10 ? 5 : 2, i > 40);
    }
    for (int i = 61; i <= 80; i++)
        fprintf(c.f, "c%d,%d,0\n", i, 3 + (i % 3) - 1);
    pu_text_write(&t, dir, "tickets.csv");
    pu_text_write(&c, dir, "customers.csv");
    mot_project *p = load(dir);
    mot_tickets_result *r = analyse(p, 5);
    const mot_tolerance *l = &r->recovery.line;
    assert_true(l->found);
    assert_string_equal(l->measure, "resolution_hours");
    assert_abs(l->value, 40, 1e-9);
    assert_int_equal(l->direction, 1);
    assert_abs(l->rate_beyond, 1, 1e-12);
    assert_abs(l->rate_within, 0, 1e-12);
    assert_true(l->p_adjusted < 0.05);
    /* recovered: c1..c10 (within 10 h, rated 5), overall 5 */
    assert_int_equal(r->recovery.customers[MOT_TK_RECOVERED], 10);
    assert_abs(r->recovery.overall[MOT_TK_RECOVERED].value, 5, 1e-12);
    assert_true(r->recovery.paradox);
    mot_tickets_result_free(r);
    mot_project_free(p);
}

/* No tickets.csv is an error; no category, satisfaction or customers
** are notes. */
static void test_missing(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("tickets_missing");
    tu_write(dir, "blueprint.csv", "id,name,stage\nA,Repair,after\n",
             (size_t)-1);
    mot_project *p = load(dir);
    mot_tickets_result *r = NULL;
    mot_error err;
    assert_int_equal(mot_tickets_analyse(p, NULL, &r, &err), MOT_EDATA);
    assert_null(r);
    mot_project_free(p);
    tu_write(dir, "tickets.csv",
             "ticket_id,customer_id,touchpoint,opened_at,first_response_at,"
             "resolved_at\nt1,c1,A,0,10,3600\n", (size_t)-1);
    p = load(dir);
    r = analyse(p, 5);
    assert_false(r->has_response_sla);
    assert_null(r->pareto);
    assert_int_equal(r->recovery.rate.judged, 0);
    assert_true(isnan(r->total.resolution_sla.share));
    assert_abs(r->total.resolution.median, 1, 1e-12);
    assert_true(r->nnotes >= 4);   /* response, sla, category, ... */
    mot_tickets_result_free(r);
    mot_project_free(p);
}

/* The demo: the touchpoint planted with 35% of resolved tickets past the
** SLA (docs/demo.md) misses 25-45% of its judged tickets (late or open
** past the standard) and is the worst touchpoint. */
static void test_demo(void **state)
{
    (void)state;
    static const char *const sc[] = {"telecom", "rail", "property",
                                     "hotel"};
    static const char *const planted[] = {"T11", "R03", "P07", "H07"};
    for (int s = 0; s < 4; s++) {
        char name[64];
        snprintf(name, sizeof name, "tickets_demo_%s", sc[s]);
        const char *dir = tu_tmpdir(name);
        mot_demo_options d = {sc[s], 1500, 3};
        mot_error err;
        if (mot_demo_write(dir, &d, &err) != MOT_OK)
            fail_msg("demo: %s", err.message);
        mot_project *p = load(dir);
        mot_tickets_result *r = analyse(p, 10);
        const mot_tk_group *g = find_group(r, MOT_TK_TOUCHPOINT, planted[s]);
        double missed = 1 - g->resolution_sla.share;
        if (!(missed >= 0.25 && missed <= 0.45))
            fail_msg("%s %s missed %g", sc[s], planted[s], missed);
        for (size_t i = 0; i < r->nby[MOT_TK_TOUCHPOINT]; i++)
            assert_true(r->by[MOT_TK_TOUCHPOINT][i].resolution_sla.share >=
                        g->resolution_sla.share);
        mot_tickets_result_free(r);
        mot_project_free(p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quantile_ci),
        cmocka_unit_test(test_touchpoint_a),
        cmocka_unit_test(test_other_groups),
        cmocka_unit_test(test_pareto),
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_line_and_paradox),
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_demo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
