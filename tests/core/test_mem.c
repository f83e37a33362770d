/* test_mem.c: the big-array allocator (src/core/mem.c): big blocks start
** on a huge page, small ones are plain malloc, calloc zeroes and refuses
** an overflowing size, and every block is freed with free(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static void test_big_alloc(void **state)
{
    (void)state;
    size_t sizes[] = {0, 1, 4096, MOT_MEM_HUGE_MIN - 1, MOT_MEM_HUGE_MIN,
                      3 * MOT_MEM_HUGE + 123};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        unsigned char *p = mot_mem_alloc(sizes[i]);
        assert_non_null(p);
        if (sizes[i] >= MOT_MEM_HUGE_MIN)
            assert_int_equal((uintptr_t)p % MOT_MEM_HUGE, 0);
        memset(p, 0xA5, sizes[i] ? sizes[i] : 1);
        /* it may be shrunk with realloc, keeping its bytes */
        unsigned char *q = realloc(p, sizes[i] / 2 + 1);
        assert_non_null(q);
        assert_int_equal(q[sizes[i] / 2], 0xA5);
        free(q);
    }
}

static void test_zeroed(void **state)
{
    (void)state;
    size_t counts[] = {0, 10, MOT_MEM_HUGE / 8 + 1, 5 * MOT_MEM_HUGE / 8};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
        double *p = mot_mem_calloc(counts[i], sizeof *p);
        assert_non_null(p);
        for (size_t k = 0; k < counts[i]; k++)
            assert_true(p[k] == 0.0);
        free(p);
    }
    assert_null(mot_mem_calloc(SIZE_MAX / 4, 8));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_big_alloc),
        cmocka_unit_test(test_zeroed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
