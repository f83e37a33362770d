/*
** test_sort.c: the radix sorts of src/stats/sort.c. Checks: the keys of
** doubles are in the order of the values (signs, zeros, subnormals,
** infinities, neighbours one ulp apart) and give the values back; a
** pair sort is the stable sort (by key, ties in input order) that qsort
** with the index as tie-break gives, on keys that share digits (skipped
** passes), on keys of doubles and on random 64-bit keys; the u64 sort
** likewise; 0 and 1 keys.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"
#include "stats/sort.h"

/* By key, then by val (the input index): the stable order. */
static int cmp_kv(const void *a, const void *b)
{
    const mot_kv *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->val > y->val) - (x->val < y->val);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void test_double_keys(void **state)
{
    (void)state;
    const double v[] = {-INFINITY, -DBL_MAX, -1e10, -1.5, -1,
                        nextafter(-1, 0), -DBL_MIN, -4.9e-324, 0,
                        4.9e-324, DBL_MIN, nextafter(1, 0), 1,
                        nextafter(1, 2), 2.5, 1e300, DBL_MAX, INFINITY};
    size_t n = sizeof v / sizeof *v;
    for (size_t i = 0; i < n; i++) {
        uint64_t k = mot_key_of_double(v[i]);
        double back = mot_key_double(k);
        assert_memory_equal(&back, &v[i], sizeof back);
        if (i + 1 < n)
            assert_true(k < mot_key_of_double(v[i + 1]));
    }
    /* -0 equals 0: the same key, and 0 back */
    assert_true(mot_key_of_double(-0.0) == mot_key_of_double(0.0));
    assert_false(signbit(mot_key_double(mot_key_of_double(-0.0))));
}

/* Sort n pairs drawn by `kind` both ways and compare. */
static void check_kv(size_t n, int kind, uint64_t seed)
{
    mot_kv *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
    mot_kv *tmp = malloc((n + 1) * sizeof *tmp);
    uint64_t *u = malloc((n + 1) * sizeof *u), *w = malloc((n + 1) * sizeof *w);
    uint64_t *ut = malloc((n + 1) * sizeof *ut);
    assert_true(a && b && tmp && u && w && ut);
    mot_rng r;
    mot_rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++) {
        double x = mot_rng_uniform(&r);
        uint64_t k;
        switch (kind) {
        case 0: k = (uint64_t)(x * 7); break;                 /* few, small */
        case 1: k = mot_key_of_double((x - 0.5) * 1e3); break; /* doubles */
        case 2: k = mot_key_of_double((float)(x * 100)); break; /* floats */
        default: k = (uint64_t)(x * 18446744073709549568.0); break;
        }
        a[i] = b[i] = (mot_kv){k, i};
        u[i] = w[i] = k;
    }
    qsort(b, n, sizeof *b, cmp_kv);
    const mot_kv *s = mot_sort_kv(a, tmp, n);
    for (size_t i = 0; i < n; i++) {
        assert_true(s[i].key == b[i].key);
        assert_true(s[i].val == b[i].val);
    }
    qsort(w, n, sizeof *w, cmp_u64);
    const uint64_t *su = mot_sort_u64(u, ut, n);
    for (size_t i = 0; i < n; i++)
        assert_true(su[i] == w[i]);
    free(a);
    free(b);
    free(tmp);
    free(u);
    free(w);
    free(ut);
}

static void test_sorts(void **state)
{
    (void)state;
    for (int kind = 0; kind < 4; kind++) {
        check_kv(0, kind, 1);
        check_kv(1, kind, 2);
        check_kv(2, kind, 3);
        check_kv(5000, kind, 4 + (uint64_t)kind);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_double_keys),
        cmocka_unit_test(test_sorts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
