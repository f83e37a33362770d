/*
** test_consistency.c: consistency across staff and branches, expectation
** against experience and trends (src/analyse/consistency.c).
**
**  - the small project tests/data/consist against R (tests/data/r/
**    consistency.R, its output consistency.csv): ICC(1) of staff and of
**    branch with the F-based interval, the ANOVA, the empirical Bayes
**    means, the Welch tests (a staff member within their branch, a branch
**    against the others) with Holm, the disconfirmation t test, monthly
**    means and Wilson shares, and the before/after comparison (Welch,
**    Newcombe, z test, Holm);
**  - a hand-made balanced case: ICC, variance components and shrinkage
**    worked out by hand, and a Wilson interval by hand;
**  - the demo: the planted staff member S14 and branch (the fourth) are
**    flagged in every scenario and no one else is, over several seeds;
**    but for S04-S06, the untrained staff of the branch where training
**    works: after the training dates their trained colleagues S01-S03 do
**    the key step more often and score about 0.45 higher, so S04-S06 are
**    truly below the rest of their branch and are sometimes flagged (at
**    telecom T10 in 2 of 8 seeds at 4000 customers);
**  - many cells (300 staff, 12 branches, 3 touchpoints, 6000 events,
**    some without staff or branch, ties for a home branch): the per-cell
**    sums against the events summed one by one here and mot_icc1 on the
**    raw scores.
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
#include "mot/consistency.h"
#include "mot/parse.h"
#include "testutil.h"
#include "rfix.h"

#define CLOSE(a, b, tol)                                                    \
    do {                                                                    \
        double a_ = (a), b_ = (b);                                          \
        if (!(fabs(a_ - b_) <= (tol)))                                      \
            fail_msg("%s = %.12g, expected %.12g", #a, a_, b_);             \
    } while (0)

static mot_project *load(const char *dir)
{
    mot_project *p;
    mot_diag d;
    mot_diag_init(&d, 0);
    mot_load_options o = {.skip = MOT_SKIP_INTERACTIONS};
    if (mot_project_load(&p, dir, &o, &d) != MOT_OK) {
        char buf[1200];
        mot_error_format(&d.items[0], buf, sizeof buf);
        fail_msg("%s did not load: %s", dir, buf);
    }
    mot_diag_free(&d);
    return p;
}

static mot_consistency_result *run(const mot_project *p, const char *change)
{
    mot_consistency_options o;
    mot_consistency_options_default(&o);
    if (change)
        assert_int_equal(mot_parse_time(change, strlen(change),
                                        &o.change_time), MOT_OK);
    mot_consistency_result *r = NULL;
    mot_error err;
    mot_error_clear(&err);
    assert_int_equal(mot_consistency_analyse(p, &o, &r, &err), MOT_OK);
    return r;
}

static size_t tp_index(const mot_consistency_result *r, const char *id)
{
    for (size_t t = 0; t < r->ntp; t++)
        if (strcmp(r->tp_id[t], id) == 0)
            return t;
    fail_msg("no touchpoint %s", id);
    return 0;
}

static const mot_cs_group *group(const mot_consistency_result *r,
                                 const char *tp, int factor, const char *key)
{
    size_t t = tp_index(r, tp);
    for (size_t i = 0; i < r->ngroups; i++)
        if (r->group[i].tp == t && r->group[i].factor == factor &&
            strcmp(r->group[i].key, key) == 0)
            return &r->group[i];
    fail_msg("no group %s at %s", key, tp);
    return NULL;
}

static const mot_cs_touchpoint *touchpoint(const mot_consistency_result *r,
                                           const char *tp)
{
    size_t t = tp_index(r, tp);
    for (size_t i = 0; i < r->ntps; i++)
        if (r->tp[i].tp == t)
            return &r->tp[i];
    fail_msg("no consistency row for %s", tp);
    return NULL;
}

static const mot_cs_trend *trend(const mot_consistency_result *r,
                                 const char *tp, const char *period)
{
    size_t t = tp_index(r, tp);
    for (size_t i = 0; i < r->ntrend; i++)
        if (r->trend[i].tp == t && strcmp(r->trend[i].period, period) == 0)
            return &r->trend[i];
    fail_msg("no trend %s %s", tp, period);
    return NULL;
}

/* ---- against R ------------------------------------------------------------- */

static void test_against_r(void **state)
{
    (void)state;
    rfix fx;
    rfix_read(MOT_TEST_DATA "/r/consistency.csv", &fx);
    mot_project *p = load(MOT_TEST_DATA "/consist");
    mot_consistency_result *r = run(p, "2026-03-01");
    const double tol = 1e-9;

    static const char *const fname[2] = {"staff_id", "branch"};
    const mot_cs_touchpoint *a = touchpoint(r, "A");
    assert_int_equal(a->n, 200);
    for (int f = 0; f < 2; f++) {
        char key[64];
        const mot_icc *c = &a->icc[f];
        snprintf(key, sizeof key, "icc %s", fname[f]);
        const double *v = rfix_get(&fx, key);
        CLOSE(c->icc, v[0], tol);
        CLOSE(c->lo, v[1], 1e-7);
        CLOSE(c->hi, v[2], 1e-7);
        CLOSE(c->n0, v[3], tol);
        CLOSE(c->f, v[4], tol);
        snprintf(key, sizeof key, "anova %s", fname[f]);
        v = rfix_get(&fx, key);
        CLOSE(c->p, v[0], 1e-12);
        CLOSE(c->msb, v[1], tol);
        CLOSE(c->msw, v[2], tol);
        CLOSE(c->var_between, v[3], tol);
    }
    static const char *const staff[] = {"s01", "s02", "s03", "s04", "s05",
                                        "s06"};
    for (size_t i = 0; i < 6; i++) {
        char key[64];
        snprintf(key, sizeof key, "shrunk staff_id %s", staff[i]);
        const double *v = rfix_get(&fx, key);
        const mot_cs_group *g = group(r, "A", MOT_CS_STAFF, staff[i]);
        assert_int_equal(g->n, (size_t)v[0]);
        CLOSE(g->mean, v[1], tol);
        CLOSE(g->shrunk, v[2], tol);
        CLOSE(g->weight, v[3], tol);
        snprintf(key, sizeof key, "test staff %s", staff[i]);
        if (strcmp(staff[i], "s06") == 0) {
            assert_false(g->tested);   /* 12 rated scores < min_n */
            continue;
        }
        v = rfix_get(&fx, key);
        assert_true(g->tested);
        CLOSE(g->diff, v[0], tol);
        CLOSE(g->lo, v[1], 1e-7);
        CLOSE(g->hi, v[2], 1e-7);
        CLOSE(g->p, v[3], 1e-9);
        CLOSE(g->p_holm, v[4], 1e-9);
        assert_int_equal(g->flagged, strcmp(staff[i], "s02") == 0);
    }
    /* s03 helps out in South, but is compared within North */
    assert_string_equal(group(r, "A", MOT_CS_STAFF, "s03")->within, "North");
    static const char *const branch[] = {"North", "South"};
    for (size_t i = 0; i < 2; i++) {
        char key[64];
        snprintf(key, sizeof key, "shrunk branch %s", branch[i]);
        const double *v = rfix_get(&fx, key);
        const mot_cs_group *g = group(r, "A", MOT_CS_BRANCH, branch[i]);
        assert_int_equal(g->n, (size_t)v[0]);
        CLOSE(g->mean, v[1], tol);
        CLOSE(g->shrunk, v[2], tol);
        CLOSE(g->weight, v[3], tol);
        snprintf(key, sizeof key, "test branch %s", branch[i]);
        v = rfix_get(&fx, key);
        CLOSE(g->diff, v[0], tol);
        CLOSE(g->lo, v[1], 1e-7);
        CLOSE(g->hi, v[2], 1e-7);
        CLOSE(g->p, v[3], 1e-9);
        CLOSE(g->p_holm, v[4], 1e-9);
        assert_false(g->flagged);
    }
    assert_int_equal(r->tested[MOT_CS_STAFF], 5);
    assert_int_equal(r->flagged[MOT_CS_STAFF], 1);
    assert_int_equal(r->flagged[MOT_CS_BRANCH], 0);

    /* expectation: only A has expected values */
    assert_true(r->has_expected);
    assert_int_equal(r->nexpect, 1);
    const double *v = rfix_get(&fx, "expect A");
    assert_int_equal(r->expect[0].n, (size_t)v[0]);
    CLOSE(r->expect[0].diff, v[1], tol);
    CLOSE(r->expect[0].lo, v[2], 1e-7);
    CLOSE(r->expect[0].hi, v[3], 1e-7);
    CLOSE(r->expect[0].p, v[4], 1e-12);
    CLOSE(r->expect[0].p_holm, v[4], 1e-12);   /* one test */

    /* trends: the data span four months, so by month */
    assert_string_equal(r->period, "month");
    static const char *const tps[] = {"A", "B"};
    static const char *const months[] = {"2026-01", "2026-02", "2026-03",
                                         "2026-04"};
    for (size_t i = 0; i < 2; i++)
        for (size_t m = 0; m < 4; m++) {
            char key[64];
            snprintf(key, sizeof key, "trend %s %s", tps[i], months[m]);
            v = rfix_get(&fx, key);
            const mot_cs_trend *t = trend(r, tps[i], months[m]);
            assert_int_equal(t->n, (size_t)v[0]);
            CLOSE(t->mean, v[1], tol);
            CLOSE(t->lo, v[2], 1e-7);
            CLOSE(t->hi, v[3], 1e-7);
            assert_int_equal(t->below, (size_t)v[4]);
            snprintf(key, sizeof key, "wilson %s %s", tps[i], months[m]);
            v = rfix_get(&fx, key);
            CLOSE(t->share, v[0], tol);
            CLOSE(t->share_lo, v[1], 1e-9);
            CLOSE(t->share_hi, v[2], 1e-9);
        }

    /* before/after 2026-03-01 */
    assert_int_equal(r->nchange, 2);
    for (size_t i = 0; i < 2; i++) {
        const mot_cs_change *c = &r->change[i];
        char key[64];
        assert_string_equal(r->tp_id[c->tp], tps[i]);
        snprintf(key, sizeof key, "change %s mean", tps[i]);
        v = rfix_get(&fx, key);
        CLOSE(c->diff, v[0], tol);
        CLOSE(c->lo, v[1], 1e-7);
        CLOSE(c->hi, v[2], 1e-7);
        CLOSE(c->p, v[3], 1e-9);
        CLOSE(c->p_holm, v[4], 1e-9);
        snprintf(key, sizeof key, "change %s below", tps[i]);
        v = rfix_get(&fx, key);
        CLOSE(c->below_diff, v[0], tol);
        CLOSE(c->below_lo, v[1], 1e-9);
        CLOSE(c->below_hi, v[2], 1e-9);
        CLOSE(c->below_p, v[3], 1e-9);
        CLOSE(c->below_p_holm, v[4], 1e-9);
    }
    mot_consistency_result_free(r);
    mot_project_free(p);
}

/* ---- by hand ---------------------------------------------------------------- */

/* Staff s1 {1,2,3}, s2 {3,4,5}, s3 {5,6,7} at A (no branch column):
** means 2, 4, 6, grand mean 4; SSB = 3 (4 + 0 + 4) = 24, MSB = 12; SSW =
** 2 + 2 + 2 = 6, MSW = 1; n0 = 3; ICC = (12 - 1) / (12 + 2) = 11/14;
** vb = 11/3, B = (11/3) / (11/3 + 1/3) = 11/12, so s1's shrunk mean is
** 4 - 2 (11/12) = 2.1666..., s3's 5.8333.... At B, ten scores in one week
** with two below the neutral 3: Wilson 2/10 = (p + z^2/2n -+ z sqrt(p(1-p)/n
** + z^2/4n^2)) / (1 + z^2/n) = [0.0566822, 0.5098375]. */
static void test_by_hand(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("consistency_hand");
    tu_write(dir, "blueprint.csv", "id,name,stage\nA,A,s\nB,B,s\n",
             (size_t)-1);
    static const char *const ev =
        "customer_id,time,touchpoint,score,staff_id\n"
        "c1,2026-05-04T10:00:00,A,1,s1\nc2,2026-05-04T10:00:00,A,2,s1\n"
        "c3,2026-05-04T10:00:00,A,3,s1\nc4,2026-05-04T10:00:00,A,3,s2\n"
        "c5,2026-05-05T10:00:00,A,4,s2\nc6,2026-05-05T10:00:00,A,5,s2\n"
        "c7,2026-05-05T10:00:00,A,5,s3\nc8,2026-05-06T10:00:00,A,6,s3\n"
        "c9,2026-05-06T10:00:00,A,7,s3\n"
        "c1,2026-05-04T11:00:00,B,1,\nc2,2026-05-04T11:00:00,B,2,\n"
        "c3,2026-05-04T11:00:00,B,3,\nc4,2026-05-04T11:00:00,B,3,\n"
        "c5,2026-05-05T11:00:00,B,4,\nc6,2026-05-05T11:00:00,B,4,\n"
        "c7,2026-05-05T11:00:00,B,4,\nc8,2026-05-06T11:00:00,B,5,\n"
        "c9,2026-05-06T11:00:00,B,5,\nc9,2026-05-07T11:00:00,B,5,\n";
    tu_write(dir, "events.csv", ev, (size_t)-1);
    tu_write(dir, "mot.ini", "[scale]\nmin = 1\nmax = 7\nneutral = 3\n",
             (size_t)-1);
    mot_project *p = load(dir);
    mot_consistency_result *r = run(p, NULL);
    assert_true(r->has_staff);
    assert_false(r->has_branch);
    const mot_icc *c = &touchpoint(r, "A")->icc[MOT_CS_STAFF];
    CLOSE(c->msb, 12, 1e-12);
    CLOSE(c->msw, 1, 1e-12);
    CLOSE(c->n0, 3, 1e-12);
    CLOSE(c->icc, 11.0 / 14, 1e-12);
    CLOSE(c->var_between, 11.0 / 3, 1e-12);
    assert_true(isnan(touchpoint(r, "A")->icc[MOT_CS_BRANCH].icc));
    const mot_cs_group *g = group(r, "A", MOT_CS_STAFF, "s1");
    CLOSE(g->weight, 11.0 / 12, 1e-12);
    CLOSE(g->shrunk, 4 - 2 * 11.0 / 12, 1e-12);
    CLOSE(group(r, "A", MOT_CS_STAFF, "s3")->shrunk, 4 + 2 * 11.0 / 12, 1e-12);
    assert_null(g->within);
    assert_false(g->tested);    /* 3 scores < min_n */
    assert_int_equal(r->flagged[MOT_CS_STAFF], 0);
    /* Four days of data: weeks, the Monday 2026-05-04 */
    assert_string_equal(r->period, "week");
    const mot_cs_trend *t = trend(r, "B", "2026-05-04");
    assert_int_equal(t->n, 10);
    assert_int_equal(t->below, 2);
    CLOSE(t->share_lo, 0.0566822, 1e-7);
    CLOSE(t->share_hi, 0.5098375, 1e-7);
    assert_false(r->has_expected);
    assert_int_equal(r->nexpect, 0);
    assert_int_equal(r->nchange, 0);
    mot_consistency_result_free(r);
    mot_project_free(p);
}

/* A project without events.csv: every section empty, nothing to sort. */
static void test_no_events(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("consistency_none");
    tu_write(dir, "blueprint.csv", "id,name,stage\nA,A,s\n", (size_t)-1);
    mot_project *p = load(dir);
    mot_consistency_result *r = run(p, "2026-03-01");
    assert_false(r->has_events);
    assert_int_equal(r->ntps, 0);
    assert_int_equal(r->ngroups, 0);
    assert_int_equal(r->nexpect, 0);
    assert_int_equal(r->ntrend, 0);
    assert_int_equal(r->nchange, 0);
    mot_consistency_result_free(r);
    mot_project_free(p);
}

static void test_icc_edges(void **state)
{
    (void)state;
    double y[4] = {1, 2, 3, 4};
    uint32_t g[4] = {0, 0, 0, 0}, bad[4] = {0, 1, 2, 3};
    mot_icc c;
    assert_int_equal(mot_icc1(y, g, 4, 1, 0.95, &c), MOT_OK);
    assert_int_equal(c.groups, 1);
    assert_true(isnan(c.icc));
    assert_int_equal(mot_icc1(y, bad, 4, 4, 0.95, &c), MOT_OK);
    assert_true(isnan(c.icc));              /* no df within */
    assert_int_equal(mot_icc1(y, bad, 4, 3, 0.95, &c), MOT_EUSAGE);
    assert_int_equal(mot_icc1(y, g, 4, 1, 1.5, &c), MOT_EUSAGE);
}

/* ---- many cells --------------------------------------------------------------- */

/* Many staff and branches (more cells than the hash starts with), some
** scores without staff or branch, ties for a staff member's home branch:
** every ICC against mot_icc1 on the raw scores, and every group's n, mean,
** home branch (most scores there, the lowest branch index on a tie) and
** rest, the monthly trends and the before/after counts and means against
** sums taken here from the events one by one. */
#define MC_N 6000
static void test_many_cells(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("consistency_cells");
    tu_write(dir, "blueprint.csv", "id,name,stage\nA,A,s\nB,B,s\nC,C,s\n",
             (size_t)-1);
    tu_write(dir, "mot.ini", "[scale]\nmin = 1\nmax = 5\nneutral = 3\n",
             (size_t)-1);
    static char csv[MC_N * 64 + 64];
    static int ytp[MC_N], ysc[MC_N], yst[MC_N], ybr[MC_N], ymo[MC_N];
    size_t len = (size_t)snprintf(csv, 64,
                                  "customer_id,time,touchpoint,score,"
                                  "staff_id,branch\n");
    uint32_t x = 12345;
    for (int i = 0; i < MC_N; i++) {
        x = x * 1103515245u + 12345u;
        uint32_t v = x >> 8;
        ytp[i] = (int)(v % 3);
        yst[i] = (int)(v / 3 % 301);         /* 300: no staff */
        ybr[i] = (int)(v / 903 % 13);        /* 12: no branch */
        if (yst[i] < 300 && v / 11739 % 4)   /* mostly one branch each */
            ybr[i] = yst[i] % 12;
        ysc[i] = 1 + (int)(v / 46956 % 5);
        if (yst[i] % 7 == 0 && ysc[i] < 5)  /* some staff score higher */
            ysc[i]++;
        ymo[i] = (int)(v / 234780 % 9) + 1;
        char st[8] = "", br[8] = "";
        if (yst[i] < 300)
            snprintf(st, sizeof st, "s%03d", yst[i]);
        if (ybr[i] < 12)
            snprintf(br, sizeof br, "n%02d", ybr[i]);
        len += (size_t)snprintf(csv + len, 64,
                                "c%d,2026-%02d-1%dT10:00:00,%c,%d,%s,%s\n",
                                i, ymo[i], i % 10, 'A' + ytp[i], ysc[i],
                                st, br);
    }
    tu_write(dir, "events.csv", csv, len);
    mot_project *p = load(dir);
    mot_consistency_result *r = run(p, "2026-05-01");
    /* the project's indices of the staff and branches */
    uint32_t sidx[301], bidx[13];
    for (int s = 0; s < 301; s++) {
        char k[8];
        snprintf(k, sizeof k, "s%03d", s);
        sidx[s] = s < 300 ? mot_strtab_find(p->staff_ids, k, 4) : MOT_NONE;
    }
    for (int b = 0; b < 13; b++) {
        char k[8];
        snprintf(k, sizeof k, "n%02d", b);
        bidx[b] = b < 12 ? mot_strtab_find(p->branches, k, 3) : MOT_NONE;
    }
    size_t ns = mot_strtab_count(p->staff_ids);
    size_t nb = mot_strtab_count(p->branches);
    static double y[MC_N];
    static uint32_t g[MC_N];
    size_t gi = 0;
    for (int t = 0; t < 3; t++) {
        char id[2] = {(char)('A' + t), 0};
        const mot_cs_touchpoint *tp = touchpoint(r, id);
        for (int f = 0; f < MOT_CS_NFACTORS; f++) {
            size_t m = 0;
            for (int i = 0; i < MC_N; i++) {
                uint32_t k = f == MOT_CS_STAFF ? sidx[yst[i]] : bidx[ybr[i]];
                if (ytp[i] == t && k != MOT_NONE) {
                    y[m] = ysc[i];
                    g[m++] = k;
                }
            }
            mot_icc want;
            assert_int_equal(mot_icc1(y, g, m, f == MOT_CS_STAFF ? ns : nb,
                                      0.95, &want), MOT_OK);
            const mot_icc *got = &tp->icc[f];
            assert_int_equal(got->n, want.n);
            assert_int_equal(got->groups, want.groups);
            CLOSE(got->n0, want.n0, 1e-9);
            CLOSE(got->msb, want.msb, 1e-9);
            CLOSE(got->msw, want.msw, 1e-9);
            CLOSE(got->icc, want.icc, 1e-9);
            /* an end mot_f_quantile cannot give is NAN in both */
            assert_int_equal(isnan(got->lo), isnan(want.lo));
            if (!isnan(want.lo))
                CLOSE(got->lo, want.lo, 1e-9);
            assert_int_equal(isnan(got->hi), isnan(want.hi));
            if (!isnan(want.hi))
                CLOSE(got->hi, want.hi, 1e-9);
        }
        /* groups in order: branches, then staff, by index */
        for (int f = MOT_CS_BRANCH; f >= MOT_CS_STAFF; f--) {
            size_t nk = f == MOT_CS_STAFF ? ns : nb;
            for (uint32_t k = 0; k < nk; k++) {
                double n = 0, sum = 0, cnt[13] = {0}, sb[13] = {0};
                for (int i = 0; i < MC_N; i++)
                    if (ytp[i] == t &&
                        (f == MOT_CS_STAFF ? sidx[yst[i]] : bidx[ybr[i]]) ==
                            k) {
                        n++;
                        sum += ysc[i];
                        cnt[ybr[i]]++;
                        sb[ybr[i]] += ysc[i];
                    }
                if (n == 0)
                    continue;
                assert_true(gi < r->ngroups);
                const mot_cs_group *q = &r->group[gi++];
                assert_int_equal(q->tp, tp->tp);
                assert_int_equal(q->factor, f);
                assert_string_equal(q->key,
                                    f == MOT_CS_STAFF
                                        ? mot_strtab_get(p->staff_ids, k)
                                        : mot_strtab_get(p->branches, k));
                assert_int_equal(q->n, (size_t)n);
                CLOSE(q->mean, sum / n, 1e-12);
                double rn = 0, rs = 0;
                int home = -1;
                if (f == MOT_CS_STAFF) {
                    for (int b = 0; b < 12; b++)
                        if (cnt[b] > 0 &&
                            (home < 0 || cnt[b] > cnt[home] ||
                             (cnt[b] == cnt[home] && bidx[b] < bidx[home])))
                            home = b;
                    if (home < 0)
                        assert_null(q->within);
                    else
                        assert_string_equal(q->within,
                                            mot_strtab_get(p->branches,
                                                           bidx[home]));
                }
                for (int i = 0; i < MC_N; i++) {
                    if (ytp[i] != t)
                        continue;
                    if (f == MOT_CS_BRANCH ? ybr[i] < 12 && bidx[ybr[i]] != k
                        : yst[i] < 300 && sidx[yst[i]] != k &&
                              (home < 0 || ybr[i] == home)) {
                        rn++;
                        rs += ysc[i];
                    }
                }
                assert_int_equal(q->rest_n, (size_t)rn);
                if (rn > 0)
                    CLOSE(q->rest_mean, rs / rn, 1e-12);
                double self = home < 0 ? sum / n : sb[home] / cnt[home];
                if (rn > 0)
                    CLOSE(q->diff, self - rs / rn, 1e-12);
            }
        }
        /* trends by month, before/after 2026-05-01 */
        double bn[2] = {0, 0}, bs[2] = {0, 0};
        for (int mo = 1; mo <= 9; mo++) {
            double n = 0, sum = 0, below = 0;
            for (int i = 0; i < MC_N; i++)
                if (ytp[i] == t && ymo[i] == mo) {
                    n++;
                    sum += ysc[i];
                    below += ysc[i] < 3;
                    bn[mo >= 5] += 1;
                    bs[mo >= 5] += ysc[i];
                }
            char per[16];
            snprintf(per, sizeof per, "2026-%02d", mo);
            const mot_cs_trend *tr = trend(r, id, per);
            assert_int_equal(tr->n, (size_t)n);
            assert_int_equal(tr->below, (size_t)below);
            CLOSE(tr->mean, sum / n, 1e-12);
        }
        const mot_cs_change *ch = NULL;
        for (size_t i = 0; i < r->nchange; i++)
            if (r->change[i].tp == tp->tp)
                ch = &r->change[i];
        assert_non_null(ch);
        assert_int_equal(ch->n_before, (size_t)bn[0]);
        assert_int_equal(ch->n_after, (size_t)bn[1]);
        CLOSE(ch->mean_before, bs[0] / bn[0], 1e-12);
        CLOSE(ch->mean_after, bs[1] / bn[1], 1e-12);
    }
    assert_int_equal(gi, r->ngroups);
    assert_int_equal(r->ntrend, 27);
    assert_string_equal(r->period, "month");
    mot_consistency_result_free(r);
    mot_project_free(p);
}

/* ---- the demo ---------------------------------------------------------------- */

static void test_demo_planted(void **state)
{
    (void)state;
    static const char *const scen[] = {"telecom", "rail", "property",
                                       "hotel"};
    for (size_t s = 0; s < 4; s++)
        for (uint64_t seed = 0; seed < 2; seed++) {
            char name[64];
            snprintf(name, sizeof name, "consistency_%s_%llu", scen[s],
                     (unsigned long long)seed);
            const char *dir = tu_tmpdir(name);
            mot_demo_options d = {scen[s], 4000, seed + 10};
            mot_error err;
            if (mot_demo_write(dir, &d, &err) != MOT_OK)
                fail_msg("demo: %s", err.message);
            mot_project *p = load(dir);
            /* the planted branch: that of S19, the fourth branch */
            const char *low_branch = NULL;
            for (size_t i = 0; i < p->staff->n; i++)
                if (strcmp(mot_strtab_get(p->staff_ids, p->staff->staff[i]),
                           "S19") == 0)
                    low_branch = mot_strtab_get(p->branches,
                                                p->staff->branch[i]);
            assert_non_null(low_branch);
            mot_consistency_result *r = run(p, NULL);
            size_t staff_hits = 0, branch_hits = 0;
            for (size_t i = 0; i < r->ngroups; i++) {
                const mot_cs_group *g = &r->group[i];
                if (!g->flagged)
                    continue;
                if (g->factor == MOT_CS_STAFF) {
                    if (strcmp(g->key, "S04") == 0 ||
                        strcmp(g->key, "S05") == 0 ||
                        strcmp(g->key, "S06") == 0)
                        continue;   /* below their trained colleagues */
                    if (strcmp(g->key, "S14") != 0)
                        fail_msg("%s seed %llu: %s flagged at %s", scen[s],
                                 (unsigned long long)seed, g->key,
                                 r->tp_id[g->tp]);
                    staff_hits++;
                } else {
                    if (strcmp(g->key, low_branch) != 0)
                        fail_msg("%s seed %llu: branch %s flagged",
                                 scen[s], (unsigned long long)seed, g->key);
                    branch_hits++;
                }
            }
            if (!staff_hits || !branch_hits)
                fail_msg("%s seed %llu: S14 %zu, branch %zu", scen[s],
                         (unsigned long long)seed, staff_hits, branch_hits);
            assert_true(r->tested[MOT_CS_STAFF] >= 24);
            mot_consistency_result_free(r);
            mot_project_free(p);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_r),
        cmocka_unit_test(test_by_hand),
        cmocka_unit_test(test_no_events),
        cmocka_unit_test(test_icc_edges),
        cmocka_unit_test(test_many_cells),
        cmocka_unit_test(test_demo_planted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
