/* test_demo_rng.c: the demo generator's PRNG, distributions, exp and log. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "demo/demo_rng.h"

/* xoshiro256** from the state {1, 2, 3, 4}: outputs worked out by hand
** from the published algorithm. */
static void test_xoshiro_reference(void **state)
{
    (void)state;
    demo_rng r = {{1, 2, 3, 4}};
    assert_true(mot_rng_next(&r) == UINT64_C(11520));
    assert_true(mot_rng_next(&r) == UINT64_C(0));
    assert_true(mot_rng_next(&r) == UINT64_C(1509978240));
}

static void test_seeding_separates_streams(void **state)
{
    (void)state;
    demo_rng a, b, c, d;
    demo_rng_seed(&a, 0, 1, 0);
    demo_rng_seed(&b, 0, 1, 0);
    demo_rng_seed(&c, 0, 2, 0);
    demo_rng_seed(&d, 0, 1, 1);
    uint64_t x = mot_rng_next(&a);
    assert_true(x == mot_rng_next(&b));
    assert_true(x != mot_rng_next(&c));
    assert_true(x != mot_rng_next(&d));
    /* seed 0 is a seed like any other */
    demo_rng_seed(&a, 0, 0, 0);
    assert_true((a.s[0] | a.s[1] | a.s[2] | a.s[3]) != 0);
}

static void test_uniform_and_below(void **state)
{
    (void)state;
    demo_rng r;
    demo_rng_seed(&r, 7, 1, 0);
    unsigned count[6] = {0};
    double sum = 0;
    for (int i = 0; i < 60000; i++) {
        double u = mot_rng_uniform(&r);
        assert_true(u >= 0 && u < 1);
        sum += u;
        count[demo_rng_below(&r, 6)]++;
    }
    assert_true(fabs(sum / 60000 - 0.5) < 0.01);
    for (int k = 0; k < 6; k++)
        assert_true(count[k] > 9500 && count[k] < 10500);
    assert_int_equal(demo_rng_below(&r, 1), 0);
}

static void test_distributions(void **state)
{
    (void)state;
    demo_rng r;
    demo_rng_seed(&r, 11, 1, 0);
    const int n = 100000;
    double s1 = 0, s2 = 0, e = 0;
    unsigned hits = 0, w[3] = {0};
    static const unsigned short weights[3] = {100, 0, 300};
    for (int i = 0; i < n; i++) {
        double z = demo_rng_normal(&r);
        s1 += z;
        s2 += z * z;
        e += demo_rng_exp(&r, 3.0);
        hits += (unsigned)demo_rng_chance(&r, 250);
        w[demo_rng_pick(&r, weights, 3)]++;
    }
    assert_true(fabs(s1 / n) < 0.02);
    assert_true(fabs(s2 / n - 1) < 0.02);
    assert_true(fabs(e / n - 3.0) < 0.05);
    assert_true(fabs(hits / (double)n - 0.25) < 0.01);
    assert_int_equal(w[1], 0);
    assert_true(fabs(w[0] / (double)n - 0.25) < 0.01);
    assert_int_equal(demo_rng_chance(&r, 0), 0);
    assert_int_equal(demo_rng_chance(&r, 1000), 1);
}

static void test_exp_and_log_match_libm(void **state)
{
    (void)state;
    for (double x = -50; x <= 50; x += 0.0137) {
        double want = exp(x);
        assert_true(fabs(demo_exp(x) - want) <= 4e-15 * want);
    }
    for (double x = 1e-300; x < 1e300; x *= 1.37) {
        double want = log(x);
        assert_true(fabs(demo_log(x) - want) <= 4e-15 * fabs(want) + 1e-300);
    }
    assert_true(demo_log(1.0) == 0.0);
    assert_true(demo_exp(0.0) == 1.0);
    assert_true(demo_exp(-800) == 0.0);
}

static void test_round(void **state)
{
    (void)state;
    static const struct {
        double x;
        long want;
    } cases[] = {{0.5, 1}, {1.49, 1}, {-0.5, -1}, {-1.49, -1}, {2.5, 3},
                 {0.0, 0}, {39.95, 40}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(demo_round(cases[i].x), cases[i].want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xoshiro_reference),
        cmocka_unit_test(test_seeding_separates_streams),
        cmocka_unit_test(test_uniform_and_below),
        cmocka_unit_test(test_distributions),
        cmocka_unit_test(test_exp_and_log_match_libm),
        cmocka_unit_test(test_round),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
