/*
** test_reliability.c: Cronbach's alpha on a matrix worked by hand, and
** the NPS vectors of METHODS-NOTES §7 [C].
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "mot/stats.h"

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* Items (rows are respondents):
**     1 2 3 | 2 3 3 | 3 3 4 | 4 5 5
** Sums of squares: item 1 (mean 2.5) 5; item 2 (3.25) 4.75; item 3
** (3.75) 2.75; cross products 1-2 4.5, 1-3 3.5, 2-3 3.25. Totals 6 8 10
** 14 (mean 9.5): SS 35 = 12.5 + 2 (4.5 + 3.5 + 3.25).
**     alpha = 3/2 (1 - 12.5/35) = 0.9642857...
**     r12 = 4.5/sqrt(5 * 4.75), r13 = 3.5/sqrt(5 * 2.75),
**     r23 = 3.25/sqrt(4.75 * 2.75); alpha_std = 3 rbar / (1 + 2 rbar).
** A fifth row with a missing item is dropped (listwise). */
static void test_alpha_hand(void **state)
{
    (void)state;
    const double x[15] = {1, 2, 3, 2, 3, 3, 3, 3, 4, 4, 5, 5, 2, NAN, 1};
    mot_alpha a;
    assert_int_equal(mot_alpha_compute(x, 5, 3, &a, NULL), MOT_OK);
    assert_int_equal(a.k, 3);
    assert_int_equal(a.rows, 4);
    assert_int_equal(a.skipped, 1);
    assert_abs(a.alpha, 1.5 * (1 - 12.5 / 35), 1e-14);
    assert_abs(a.alpha, 0.964285714285714, 1e-14);
    double rbar = (4.5 / sqrt(5 * 4.75) + 3.5 / sqrt(5 * 2.75) +
                   3.25 / sqrt(4.75 * 2.75)) / 3;
    assert_abs(a.rbar, rbar, 1e-14);
    assert_abs(a.alpha_std, 3 * rbar / (1 + 2 * rbar), 1e-14);
}

/* Two items that move against each other: var 1 each... x = (1,2,3),
** y = (3,2,1): total constant -> undefined; with y = (3,1,2): SS 2 and 2,
** cross -1, total SS 2 + 2 - 2 = 2, alpha = 2 (1 - 4/2) = -2. */
static void test_alpha_negative_and_undefined(void **state)
{
    (void)state;
    mot_alpha a;
    mot_error err;
    const double neg[6] = {1, 3, 2, 1, 3, 2};
    assert_int_equal(mot_alpha_compute(neg, 3, 2, &a, NULL), MOT_OK);
    assert_abs(a.alpha, -2, 1e-14);
    assert_abs(a.rbar, -0.5, 1e-14);
    assert_abs(a.alpha_std, 2 * -0.5 / (1 - 0.5), 1e-14);
    const double flat[6] = {1, 3, 2, 2, 3, 1};
    assert_int_equal(mot_alpha_compute(flat, 3, 2, &a, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "no variance"));
    const double one[3] = {1, 2, 3};
    assert_int_equal(mot_alpha_compute(one, 3, 1, &a, &err), MOT_EDATA);
    const double cst[6] = {1, 5, 2, 5, 3, 5};
    assert_int_equal(mot_alpha_compute(cst, 3, 2, &a, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "item 1 is constant"));
}

/* METHODS-NOTES §7: c(1, 8, 8, 10, 5, NA, 9): n 6, NPS 0, var 2/3, SE 1/3;
** 20 D / 30 passive / 50 P: NPS .30, var .61, SE .0781025, 95% Wald
** [0.146922, 0.453078]. */
static void test_nps_vectors(void **state)
{
    (void)state;
    const double s[7] = {1, 8, 8, 10, 5, NAN, 9};
    mot_nps r;
    assert_int_equal(mot_nps_compute(s, 7, &r, NULL), MOT_OK);
    assert_int_equal(r.n, 6);
    assert_int_equal(r.skipped, 1);
    assert_int_equal(r.promoters, 2);
    assert_int_equal(r.passives, 2);
    assert_int_equal(r.detractors, 2);
    assert_abs(r.nps, 0, 1e-15);
    assert_abs(r.var, 2.0 / 3, 1e-15);
    assert_abs(r.se, 1.0 / 3, 1e-15);
    assert_int_equal(mot_nps_from_counts(50, 30, 20, &r), MOT_OK);
    assert_abs(r.nps, 0.30, 1e-15);
    assert_abs(r.var, 0.61, 1e-15);
    assert_abs(r.se, 0.0781025, 5e-8);
    double lo, hi;
    assert_int_equal(mot_nps_wald(&r, 0.95, &lo, &hi), MOT_OK);
    assert_abs(lo, 0.146922, 5e-7);
    assert_abs(hi, 0.453078, 5e-7);
}

static void test_nps_bad_input(void **state)
{
    (void)state;
    mot_nps r;
    mot_error err;
    const double bad[3] = {3, 7.5, 9};
    assert_int_equal(mot_nps_compute(bad, 3, &r, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "answer 1"));
    const double out[2] = {11, 2};
    assert_int_equal(mot_nps_compute(out, 2, &r, &err), MOT_EDATA);
    const double none[2] = {NAN, NAN};
    assert_int_equal(mot_nps_compute(none, 2, &r, &err), MOT_EDATA);
    /* One answer: defined, SE 0. */
    const double one[1] = {10};
    assert_int_equal(mot_nps_compute(one, 1, &r, &err), MOT_OK);
    assert_abs(r.nps, 1, 0);
    assert_abs(r.se, 0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alpha_hand),
        cmocka_unit_test(test_alpha_negative_and_undefined),
        cmocka_unit_test(test_nps_vectors),
        cmocka_unit_test(test_nps_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
