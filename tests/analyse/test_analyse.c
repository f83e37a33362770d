/*
** test_analyse.c: mot_analyse's running of its parts. With 2 threads the
** behaviour and journeys parts run on a thread of their own, into blank
** results moved into the analysis afterwards; with 1 thread every part
** runs in order. Both must give the same notes in the same order, the
** behaviour and journeys results, and the same churn, survival and
** tolerance numbers bit for bit (a telecom demo of 1500 customers, which
** has interactions, churn times and notes from several parts); and 1, 2
** and 3 threads the same touchpoint performance bit for bit.
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
#include "mot/analyse.h"
#include "mot/behaviour.h"
#include "mot/derive.h"
#include "mot/journeys.h"
#include "testutil.h"
#include "read/loadutil.h"

/* The same double, NAN included. */
static void same(double x, double y, const char *what, size_t t)
{
    if (!(isnan(x) && isnan(y)) && memcmp(&x, &y, sizeof x) != 0)
        fail_msg("%s of touchpoint %zu: %.17g against %.17g", what, t, x, y);
}

static mot_analysis *analyse(const mot_project *p, const mot_features *f,
                             unsigned threads)
{
    mot_analyse_options o;
    mot_analysis *a = NULL;
    mot_error err;
    mot_analyse_options_default(&o);
    o.bootstrap = 20;
    o.threads = threads;
    if (mot_analyse(p, f, &o, &a, &err) != MOT_OK)
        fail_msg("mot_analyse on %u thread(s): %s", threads, err.message);
    return a;
}

static void test_side_parts_same_as_in_order(void **state)
{
    (void)state;
    mot_error err;
    mot_demo_options d = {"telecom", 1500, 3};
    const char *dir = tu_tmpdir("analyse_side_parts");
    assert_int_equal(mot_demo_write(dir, &d, &err), MOT_OK);
    mot_project *p = lu_load(dir);
    mot_features *f = NULL;
    assert_int_equal(mot_features_derive(p, 1, &f, &err), MOT_OK);
    mot_analysis *a = analyse(p, f, 1), *b = analyse(p, f, 2);
    mot_analysis *c = analyse(p, f, 3);

    assert_true(a->nnotes > 0);
    assert_int_equal(a->nnotes, b->nnotes);
    for (size_t i = 0; i < a->nnotes; i++)
        assert_string_equal(a->notes[i], b->notes[i]);

    assert_non_null(a->behaviour);
    assert_non_null(b->behaviour);
    assert_int_equal(a->behaviour->n, b->behaviour->n);
    assert_int_equal(a->behaviour->nstaff, b->behaviour->nstaff);
    same(a->behaviour->r2, b->behaviour->r2, "behaviour r2", 0);
    assert_non_null(a->journeys);
    assert_non_null(b->journeys);
    assert_int_equal(a->journeys->nedges, b->journeys->nedges);
    assert_int_equal(a->journeys->nvariants, b->journeys->nvariants);

    for (size_t t = 0; t < a->ntp; t++) {
        const mot_tp_result *x = &a->tp[t], *y = &b->tp[t];
        same(x->odds_ratio, y->odds_ratio, "odds ratio", t);
        same(x->attributable_churners, y->attributable_churners,
             "attributable churners", t);
        same(x->km_stat, y->km_stat, "log-rank", t);
        same(x->km_hr, y->km_hr, "hazard ratio", t);
        same(x->km_median_bad, y->km_median_bad, "median bad", t);
        same(x->km_median_good, y->km_median_good, "median good", t);
        same(x->line.value, y->line.value, "line", t);
        same(x->line.p_adjusted, y->line.p_adjusted, "line p", t);
        assert_int_equal(x->kind, y->kind);
        /* performance: the events' ranges do not follow the threads */
        for (const mot_tp_result *z = y; z; z = z == y ? &c->tp[t] : NULL) {
            assert_int_equal(x->n, z->n);
            assert_int_equal(x->n_rated, z->n_rated);
            same(x->mean, z->mean, "mean", t);
            same(x->sd, z->sd, "sd", t);
            same(x->mean_lo, z->mean_lo, "mean interval", t);
            same(x->below_tolerance, z->below_tolerance, "below", t);
        }
    }
    mot_analysis_free(c);
    mot_analysis_free(a);
    mot_analysis_free(b);
    mot_features_free(f);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_side_parts_same_as_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
