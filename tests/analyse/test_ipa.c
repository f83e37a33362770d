/*
** test_ipa.c: importance-performance analysis (src/analyse/ipa.c) on the
** METHODS-NOTES 3 test vector [C]: items a (4.5, 3.0), b (4.2, 4.4),
** c (3.1, 2.9), d (3.0, 4.5) as (importance, performance).
**   - Crosshair at the data means (3.7, 3.7): a concentrate here, b keep
**     up the good work, c low priority, d possible overkill.
**   - Crosshair at the scale midpoint (3, 3): c becomes concentrate here
**     (importance 3.1 is high), and d lies on the importance line: with
**     the rule that a value equal to the crosshair counts as high, d is
**     keep up the good work; a (performance 3.0, on the line) likewise.
** Also: items with a missing value, the all-missing case, a bad point.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "mot/survey.h"

static const double imp[4] = {4.5, 4.2, 3.1, 3.0};
static const double perf[4] = {3.0, 4.4, 2.9, 4.5};

static void test_crosshair_at_means(void **state)
{
    (void)state;
    mot_ipa_quadrant q[4];
    mot_ipa res;
    mot_error err;
    assert_int_equal(mot_ipa_classify(imp, perf, 4, NULL, q, &res, &err),
                     MOT_OK);
    assert_true(fabs(res.importance - 3.7) < 1e-12);
    assert_true(fabs(res.performance - 3.7) < 1e-12);
    assert_int_equal(res.at_point, 0);
    assert_int_equal(res.n, 4);
    assert_int_equal(q[0], MOT_IPA_CONCENTRATE);
    assert_int_equal(q[1], MOT_IPA_KEEP_UP);
    assert_int_equal(q[2], MOT_IPA_LOW_PRIORITY);
    assert_int_equal(q[3], MOT_IPA_OVERKILL);
    assert_string_equal(mot_ipa_quadrant_name(q[0]), "concentrate_here");
    assert_string_equal(mot_ipa_quadrant_name(q[1]),
                        "keep_up_the_good_work");
    assert_string_equal(mot_ipa_quadrant_name(q[2]), "low_priority");
    assert_string_equal(mot_ipa_quadrant_name(q[3]), "possible_overkill");
    assert_string_equal(mot_ipa_quadrant_name(MOT_IPA_NONE), "none");
}

static void test_crosshair_at_midpoint(void **state)
{
    (void)state;
    mot_ipa_quadrant q[4];
    mot_ipa res;
    mot_error err;
    mot_ipa_options o = {1, 3, 3};
    assert_int_equal(mot_ipa_classify(imp, perf, 4, &o, q, &res, &err),
                     MOT_OK);
    assert_true(res.importance == 3 && res.performance == 3);
    assert_int_equal(res.at_point, 1);
    assert_int_equal(q[0], MOT_IPA_KEEP_UP);       /* performance 3.0 = 3 */
    assert_int_equal(q[1], MOT_IPA_KEEP_UP);
    assert_int_equal(q[2], MOT_IPA_CONCENTRATE);
    assert_int_equal(q[3], MOT_IPA_KEEP_UP);       /* importance 3.0 = 3 */
    /* just below the line is low */
    mot_ipa_options below = {1, 3.0000001, 3.0000001};
    mot_ipa_classify(imp, perf, 4, &below, q, &res, &err);
    assert_int_equal(q[0], MOT_IPA_CONCENTRATE);
    assert_int_equal(q[3], MOT_IPA_OVERKILL);
}

static void test_missing_values(void **state)
{
    (void)state;
    const double i5[5] = {4.5, 4.2, 3.1, 3.0, NAN};
    const double p5[5] = {3.0, 4.4, 2.9, 4.5, 1.0};
    mot_ipa_quadrant q[5];
    mot_ipa res;
    mot_error err;
    /* the fifth item has no importance: unclassified, out of the means */
    assert_int_equal(mot_ipa_classify(i5, p5, 5, NULL, q, &res, &err),
                     MOT_OK);
    assert_int_equal(res.n, 4);
    assert_true(fabs(res.performance - 3.7) < 1e-12);
    assert_int_equal(q[4], MOT_IPA_NONE);
    assert_int_equal(q[2], MOT_IPA_LOW_PRIORITY);
    /* nothing to centre on */
    const double none[2] = {NAN, NAN};
    assert_int_equal(mot_ipa_classify(none, p5, 2, NULL, q, &res, &err),
                     MOT_EDATA);
    assert_int_equal(q[0], MOT_IPA_NONE);
    /* a given point needs no data, but must be finite */
    mot_ipa_options o = {1, 3, 3};
    assert_int_equal(mot_ipa_classify(none, p5, 2, &o, q, &res, &err),
                     MOT_OK);
    assert_int_equal(res.n, 0);
    o.performance = INFINITY;
    assert_int_equal(mot_ipa_classify(imp, perf, 4, &o, q, &res, &err),
                     MOT_EUSAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crosshair_at_means),
        cmocka_unit_test(test_crosshair_at_midpoint),
        cmocka_unit_test(test_missing_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
