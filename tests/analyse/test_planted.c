/* test_planted.c: the whole engine finds what the demo plants
** (docs/demo.md) and nothing else. Every scenario, three seeds, 2000
** customers each: write, load, derive, analyse, then check
**   - the negative MOT (churn odds x4) is typed negative;
**   - the positive MOT (+2 NPS for a 5) is typed positive;
**   - the tolerance touchpoint's line is on the planted measure, within
**     10% of the planted value (for a count: the first count beyond the
**     line is the planted one), and the touchpoint is a moment (hygiene,
**     or negative if its scores also carry the count's churn);
**   - peak-end beats the mean;
**   - touchpoints with nothing planted (routine and QA touchpoints, and
**     the unmet backstage rows) are typed none. The typing's Holm
**     correction keeps the chance of any false moment in one run at most
**     alpha = 5%, so over the 12 runs about 0.6 are expected at worst:
**     the test allows 1 false moment in all.
** The END and TICKET touchpoints carry real effects on the overall score
** (through the peak) and may be typed anything. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/derive.h"
#include "mot/analyse.h"
#include "testutil.h"
#include "read/loadutil.h"

#define CUSTOMERS 2000
#define SEEDS 3
#define ALLOWED_FALSE 1

typedef struct planted {
    const char *scenario;
    const char *neg, *pos, *tol;
    const char *tol_measure;
    double tol_value;          /* first count beyond, or the wait limit */
    const char *effects[3];    /* END and TICKET: real, any type */
} planted;

static const planted truths[] = {
    {"telecom", "T06", "T13", "T10", "contacts", 3, {"T14", "T11", NULL}},
    {"rail", "R10", "R08", "R07", "wait_minutes", 15, {"R13", "R03", NULL}},
    {"property", "P03", "P12", "P07", "contacts", 3, {"P14", "P13", NULL}},
    {"hotel", "H05", "H08", "H04", "wait_minutes", 10, {"H11", "H07", NULL}},
};

static long find(const mot_project *p, const char *id)
{
    long t = mot_blueprint_find(&p->blueprint, id, strlen(id));
    assert_true(t >= 0);
    return t;
}

static int is_planted(const planted *w, const char *id)
{
    if (!strcmp(id, w->neg) || !strcmp(id, w->pos) || !strcmp(id, w->tol))
        return 1;
    for (size_t i = 0; w->effects[i]; i++)
        if (!strcmp(id, w->effects[i]))
            return 1;
    return 0;
}

static void print_result(const mot_project *p, const mot_analysis *a)
{
    for (size_t t = 0; t < a->ntp; t++) {
        const mot_tp_result *r = &a->tp[t];
        if (r->n == 0)
            continue;
        print_message("  %-4s %-8s OR %6.2f p %8.2g | lift %5.2f p %8.2g | "
                      "drop %5.2f p %8.2g | line %-12s %6.2f p %8.2g\n",
                      p->blueprint.tp[t].id, mot_kind_name(r->kind),
                      r->odds_ratio, r->churn_p_adj, r->lift, r->lift_p_adj,
                      r->overall_drop, r->drop_p_adj,
                      r->line.found ? r->line.measure : "-", r->line.value,
                      r->line_p_adj);
    }
}

static void check_line(const mot_tp_result *r, const planted *w)
{
    assert_true(r->line.found);
    assert_string_equal(r->line.measure, w->tol_measure);
    assert_int_equal(r->line.direction, 1);
    if (!strcmp(w->tol_measure, "contacts"))
        assert_true(floor(r->line.value) + 1 == w->tol_value);
    else
        assert_true(fabs(r->line.value - w->tol_value) <=
                    0.1 * w->tol_value);
    assert_true(r->kind == MOT_KIND_HYGIENE || r->kind == MOT_KIND_NEGATIVE);
}

/* Analyse one demo project; returns its false moments. */
static size_t run(const planted *w, uint64_t seed)
{
    char name[64];
    mot_error err;
    mot_demo_options d = {w->scenario, CUSTOMERS, seed};
    snprintf(name, sizeof name, "planted_%s_%llu", w->scenario,
             (unsigned long long)seed);
    const char *dir = tu_tmpdir(name);
    assert_int_equal(mot_demo_write(dir, &d, &err), MOT_OK);
    mot_project *p = lu_load(dir);
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_analyse_options o;
    mot_analyse_options_default(&o);
    o.bootstrap = 50;
    assert_int_equal(mot_features_derive(p, 2, &f, &err), MOT_OK);
    if (mot_analyse(p, f, &o, &a, &err) != MOT_OK)
        fail_msg("mot_analyse: %s", err.message);
    print_message("%s seed %llu\n", w->scenario, (unsigned long long)seed);
    print_result(p, a);
    assert_int_equal(a->tp[find(p, w->neg)].kind, MOT_KIND_NEGATIVE);
    assert_int_equal(a->tp[find(p, w->pos)].kind, MOT_KIND_POSITIVE);
    check_line(&a->tp[find(p, w->tol)], w);
    assert_true(a->peak_end.available);
    assert_string_equal(a->peak_end.winner, "peak_end");
    size_t false_moments = 0;
    for (size_t t = 0; t < a->ntp; t++)
        if (!is_planted(w, p->blueprint.tp[t].id) &&
            a->tp[t].kind != MOT_KIND_NONE) {
            print_message("  false moment: %s\n", p->blueprint.tp[t].id);
            false_moments++;
        }
    mot_analysis_free(a);
    mot_features_free(f);
    mot_project_free(p);
    return false_moments;
}

static void test_planted_truths_are_found(void **state)
{
    (void)state;
    size_t false_moments = 0;
    for (size_t s = 0; s < sizeof truths / sizeof truths[0]; s++)
        for (uint64_t seed = 0; seed < SEEDS; seed++)
            false_moments += run(&truths[s], seed);
    print_message("false moments in %zu runs: %zu (allowed %d)\n",
                  sizeof truths / sizeof truths[0] * SEEDS, false_moments,
                  ALLOWED_FALSE);
    assert_true(false_moments <= ALLOWED_FALSE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_planted_truths_are_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
