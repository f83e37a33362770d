/* test_journeys.c: mot_journeys_compute (src/analyse/journeys.c).
**
** A hand-made project of five customers whose events are neither grouped
** by customer nor in time order: directly-follows counts, customers per
** step, median hours between steps (R's type-7 quantile), the churn
** comparison of each step (chi-square and Holm-adjusted p from R's
** prop.test and p.adjust, tests/data/journeys/journeys.R), variants,
** first-contact resolution (counted by hand; Wilson interval from R) and
** the needs. Then a step with 2000 times, past the exact buffer, whose
** binned median and interval lie within a bin (2.2%) of the exact order
** statistics; and the planted churn path of every demo scenario over
** three seeds. */
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

#define H 3600.0

/* x within tol of want (cmocka 1.1 has no double assertion). */
#define assert_double_equal(x, want, tol) assert_true(fabs((x) - (want)) <= (tol))

static const lu_file hand_files[] = {
    {"blueprint.csv", "id,name,stage\nT1,咨询,售前\nT2,开通,售中\n"
                      "T3,报修,售后\n"},
    {"customers.csv", "customer_id,segment,churned\nC1,A,1\nC2,A,1\n"
                      "C3,B,0\nC4,B,0\nC5,A,0\n"},
    {"events.csv", "customer_id,time,touchpoint\n"
                   "C1,1768089600,T3\n"
                   "C1,1767225600,T1\n"
                   "C2,1767225600,T1\n"
                   "C5,1767225600,T1\n"
                   "C1,1767232800,T2\n"
                   "C3,1767225600,T1\n"
                   "C4,1767225600,T2\n"
                   "C2,1767240000,T2\n"
                   "C5,1769904000,T1\n"
                   "C1,1767312000,T2\n"
                   "C2,1767312000,T3\n"
                   "C3,1767236400,T3\n"
                   "C4,1768089600,T2\n"
                   "C4,1768176000,T3\n"},
    {NULL, NULL}};

typedef struct run {
    mot_project *p;
    mot_features *f;
    mot_journeys *j;
} run;

static void compute(run *r, const char *dir, const mot_journey_options *o)
{
    mot_error err;
    r->p = lu_load(dir);
    assert_int_equal(mot_features_derive(r->p, 1, &r->f, &err), MOT_OK);
    assert_int_equal(mot_journeys_compute(r->p, r->f, o, &r->j, &err),
                     MOT_OK);
}

static void run_free(run *r)
{
    mot_journeys_free(r->j);
    mot_features_free(r->f);
    mot_project_free(r->p);
}

static size_t tp(const run *r, const char *id)
{
    if (strcmp(id, "start") == 0)
        return MOT_JOURNEY_START(r->j->ntp);
    if (strcmp(id, "end") == 0)
        return MOT_JOURNEY_END(r->j->ntp);
    long t = mot_blueprint_find(&r->p->blueprint, id, strlen(id));
    assert_true(t >= 0);
    return (size_t)t;
}

static const mot_journey_edge *edge(const run *r, const char *from,
                                    const char *to)
{
    size_t a = tp(r, from), b = tp(r, to);
    for (size_t i = 0; i < r->j->nedges; i++)
        if (r->j->edges[i].from == a && r->j->edges[i].to == b)
            return &r->j->edges[i];
    return NULL;
}

static void test_hand_counts(void **state)
{
    (void)state;
    run r;
    mot_journey_options o;
    mot_journey_options_default(&o);
    o.min_group = 2;
    compute(&r, lu_project("journeys_hand", hand_files), &o);
    const mot_journeys *j = r.j;
    assert_int_equal(j->customers, 5);
    assert_int_equal(j->events, 14);
    /* every step, counted by hand */
    static const struct {
        const char *from, *to;
        unsigned count, customers;
        double median;           /* hours; NAN for start/end */
    } want[] = {
        {"start", "T1", 4, 4, NAN}, {"start", "T2", 1, 1, NAN},
        {"T1", "T2", 2, 2, 3},      {"T2", "T2", 2, 2, 131},
        {"T2", "T3", 3, 3, 24},     {"T1", "T3", 1, 1, 3},
        {"T1", "T1", 1, 1, 744},    {"T3", "end", 4, 4, NAN},
        {"T1", "end", 1, 1, NAN}};
    assert_int_equal(j->nedges, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const mot_journey_edge *e = edge(&r, want[i].from, want[i].to);
        assert_non_null(e);
        assert_int_equal(e->count, want[i].count);
        assert_int_equal(e->customers, want[i].customers);
        if (isnan(want[i].median)) {
            assert_true(isnan(e->median_hours));
        } else {
            assert_true(e->median_exact);
            assert_double_equal(e->median_hours, want[i].median, 1e-9);
            /* n <= 5: no 95% order-statistic interval exists */
            assert_true(isnan(e->median_lo) && isnan(e->median_hi));
        }
    }
    /* most frequent first: (T3, end) and (start, T1), 4 each, by from
    ** (start is numbered after the touchpoints) */
    assert_int_equal(j->edges[0].to, MOT_JOURNEY_END(3));
    assert_int_equal(j->edges[1].from, MOT_JOURNEY_START(3));

    /* churn: R prop.test(correct = FALSE) and p.adjust("holm") */
    assert_int_equal(j->edges_tested, 3);
    const mot_journey_edge *e = edge(&r, "T1", "T2");
    assert_double_equal(e->churn.rate, 1, 1e-12);
    assert_double_equal(e->churn.rest_rate, 0, 1e-12);
    assert_double_equal(e->churn.chisq, 5, 1e-9);
    assert_double_equal(e->churn.p, 0.0253473186774683, 1e-9);
    assert_double_equal(e->churn.p_adjusted, 0.0760419560324049, 1e-9);
    e = edge(&r, "T2", "T3");
    assert_double_equal(e->churn.chisq, 80.0 / 36, 1e-9);
    assert_double_equal(e->churn.p_adjusted, 0.2720742562282887, 1e-9);
    e = edge(&r, "T2", "T2");
    assert_double_equal(e->churn.p_adjusted, 0.7093881150142263, 1e-9);
    assert_true(isnan(edge(&r, "start", "T1")->churn.p)); /* rest 1 < 2 */

    /* variants, repeats collapsed */
    assert_int_equal(j->distinct_variants, 4);
    assert_int_equal(j->other_customers, 0);
    assert_int_equal(j->variants[0].customers, 2);
    assert_double_equal(j->variants[0].share, 0.4, 1e-12);
    assert_int_equal(j->variants[0].nsteps, 3);
    assert_int_equal(j->variants[0].steps[0], tp(&r, "T1"));
    assert_int_equal(j->variants[0].steps[1], tp(&r, "T2"));
    assert_int_equal(j->variants[0].steps[2], tp(&r, "T3"));

    /* FCR, 7 days: T2 C1 (2 contacts, unresolved), C2, C4 twice (10 days
    ** apart): 4 needs, 3 resolved, 1 repeat; T1: C5's contact on day 31
    ** is within 7 days of the data's end, so left out */
    const mot_journey_fcr *f = &j->fcr[tp(&r, "T2")];
    assert_int_equal(f->contacts, 5);
    assert_int_equal(f->episodes, 4);
    assert_int_equal(f->resolved, 3);
    assert_int_equal(f->repeats, 1);
    assert_double_equal(f->fcr, 0.75, 1e-12);
    assert_double_equal(f->lo, 0.300641842582402, 1e-9);
    assert_double_equal(f->hi, 0.954412739190299, 1e-9);
    f = &j->fcr[tp(&r, "T1")];
    assert_int_equal(f->contacts, 5);
    assert_int_equal(f->episodes, 4);
    assert_int_equal(f->resolved, 4);

    /* needs: C5's second T1 contact is on day 31, outside the first 30 */
    assert_int_equal(j->contacts[tp(&r, "T1")], 5);
    assert_int_equal(j->first_contacts[tp(&r, "T1")], 4);
    assert_int_equal(j->contacts[tp(&r, "T2")], 5);
    assert_int_equal(j->nsegments, 2);
    size_t a = strcmp(j->segment_names[0], "A") == 0 ? 0 : 1;
    assert_string_equal(j->segment_names[a], "A");
    assert_int_equal(j->segment_customers[a], 3);
    assert_int_equal(j->segment_contacts[a * 3 + tp(&r, "T1")], 4);
    assert_int_equal(j->segment_contacts[(1 - a) * 3 + tp(&r, "T2")], 2);
    run_free(&r);
}

static void test_default_min_group_tests_nothing(void **state)
{
    (void)state;
    run r;
    compute(&r, lu_project("journeys_hand2", hand_files), NULL);
    assert_int_equal(r.j->edges_tested, 0);
    assert_true(isnan(edge(&r, "T1", "T2")->churn.p_adjusted));
    run_free(&r);
}

/* 2000 customers, T1 then T2 k minutes later (k = 1..2000): the binned
** median is within a bin of 1000.5 minutes, the interval of the exact
** ranks 956 and 1045 (R, journeys.R). */
static void test_binned_median(void **state)
{
    (void)state;
    size_t cap = 2000 * 40 + 64, used = 0;
    char *ev = malloc(cap);
    assert_non_null(ev);
    used += (size_t)snprintf(ev, cap, "customer_id,time,touchpoint\n");
    for (int k = 1; k <= 2000; k++)
        used += (size_t)snprintf(ev + used, cap - used,
                                 "C%d,1767225600,T1\nC%d,%d,T2\n", k, k,
                                 1767225600 + 60 * k);
    const lu_file files[] = {{"blueprint.csv", LU_BLUEPRINT},
                             {"events.csv", ev},
                             {NULL, NULL}};
    run r;
    compute(&r, lu_project("journeys_binned", files), NULL);
    const mot_journey_edge *e = edge(&r, "T1", "T2");
    assert_non_null(e);
    assert_int_equal(e->n_times, 2000);
    assert_false(e->median_exact);
    double bin = exp2(1.0 / 32);   /* one bin's ratio */
    assert_true(fabs(log(e->median_hours * H / (1000.5 * 60))) < log(bin));
    assert_true(fabs(log(e->median_lo * H / (956 * 60))) < log(bin));
    assert_true(fabs(log(e->median_hi * H / (1045 * 60))) < log(bin));
    run_free(&r);
    free(ev);
}

/* The demo's planted churn path (docs/demo.md) is a step whose churn is
** significantly above the rest's, in every scenario and seed. */
static void test_demo_churn_path(void **state)
{
    (void)state;
    static const char *const paths[][3] = {{"telecom", "T11", "T14"},
                                           {"rail", "R03", "R06"},
                                           {"property", "P13", "P14"},
                                           {"hotel", "H07", "H08"}};
    for (size_t s = 0; s < 4; s++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            char name[64];
            mot_error err;
            snprintf(name, sizeof name, "journeys_demo_%s_%llu", paths[s][0],
                     (unsigned long long)seed);
            const char *dir = tu_tmpdir(name);
            mot_demo_options d = {paths[s][0], 2000, seed};
            assert_int_equal(mot_demo_write(dir, &d, &err), MOT_OK);
            run r;
            compute(&r, dir, NULL);
            const mot_journey_edge *e = edge(&r, paths[s][1], paths[s][2]);
            assert_non_null(e);
            if (!(e->churn.p_adjusted < 0.05 &&
                  e->churn.rate > e->churn.rest_rate))
                fail_msg("%s seed %llu: %s -> %s churn %.3f vs %.3f, p %g",
                         paths[s][0], (unsigned long long)seed, paths[s][1],
                         paths[s][2], e->churn.rate, e->churn.rest_rate,
                         e->churn.p_adjusted);
            run_free(&r);
        }
}

static void test_bad_options(void **state)
{
    (void)state;
    run r;
    mot_error err;
    mot_journey_options o;
    mot_journey_options_default(&o);
    o.repeat_days = 0;
    r.p = lu_load(lu_project("journeys_hand3", hand_files));
    assert_int_equal(mot_features_derive(r.p, 1, &r.f, &err), MOT_OK);
    r.j = (mot_journeys *)&o;
    assert_int_equal(mot_journeys_compute(r.p, r.f, &o, &r.j, &err),
                     MOT_EUSAGE);
    assert_null(r.j);
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_counts),
        cmocka_unit_test(test_default_min_group_tests_nothing),
        cmocka_unit_test(test_binned_median),
        cmocka_unit_test(test_demo_churn_path),
        cmocka_unit_test(test_bad_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
