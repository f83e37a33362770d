/* test_strtab.c: interning, lookups, growth, embedded bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mot/strtab.h"

static void test_intern_and_find(void **state)
{
    (void)state;
    mot_strtab *t = mot_strtab_new();
    assert_non_null(t);
    uint32_t a, b, c;
    int added;
    assert_int_equal(mot_strtab_intern(t, "报修", strlen("报修"), &a, &added), MOT_OK);
    assert_int_equal(added, 1);
    assert_int_equal(a, 0);
    assert_int_equal(mot_strtab_intern(t, "缴费", strlen("缴费"), &b, &added), MOT_OK);
    assert_int_equal(b, 1);
    assert_int_equal(mot_strtab_intern(t, "报修", strlen("报修"), &c, &added), MOT_OK);
    assert_int_equal(added, 0);
    assert_int_equal(c, a);
    assert_string_equal(mot_strtab_get(t, b), "缴费");
    assert_int_equal(mot_strtab_find(t, "x", 1), MOT_NONE);
    /* a prefix is a different string */
    assert_int_equal(mot_strtab_find(t, "报", strlen("报")), MOT_NONE);
    mot_strtab_free(t);
}

static void test_many_strings_keep_their_index(void **state)
{
    (void)state;
    mot_strtab *t = mot_strtab_new();
    char buf[32];
    const char *first = NULL;
    for (uint32_t i = 0; i < 200000; i++) {
        int n = snprintf(buf, sizeof buf, "C%07u", i);
        uint32_t idx;
        assert_int_equal(mot_strtab_intern(t, buf, (size_t)n, &idx, NULL), MOT_OK);
        assert_int_equal(idx, i);
        if (i == 0)
            first = mot_strtab_get(t, 0);
    }
    assert_int_equal(mot_strtab_count(t), 200000);
    /* pointers never move */
    assert_ptr_equal(first, mot_strtab_get(t, 0));
    for (uint32_t i = 0; i < 200000; i += 997) {
        int n = snprintf(buf, sizeof buf, "C%07u", i);
        assert_int_equal(mot_strtab_find(t, buf, (size_t)n), i);
    }
    mot_strtab_free(t);
}

/* Reserving room changes nothing a lookup sees; too many is a limit. */
static void test_reserve(void **state)
{
    (void)state;
    mot_strtab *t = mot_strtab_new();
    char buf[32];
    uint32_t idx;
    assert_int_equal(mot_strtab_intern(t, "first", 5, &idx, NULL), MOT_OK);
    assert_int_equal(mot_strtab_reserve(t, 0), MOT_OK);
    assert_int_equal(mot_strtab_reserve(t, 300000), MOT_OK);
    size_t mem = mot_strtab_memory(t);
    assert_int_equal(mot_strtab_find(t, "first", 5), 0);
    for (uint32_t i = 1; i <= 300000; i++) {
        int n = snprintf(buf, sizeof buf, "K%07u", i);
        assert_int_equal(mot_strtab_intern(t, buf, (size_t)n, &idx, NULL),
                         MOT_OK);
        assert_int_equal(idx, i);
    }
    /* the index and the slots did not grow: only chunks of text */
    assert_true(mot_strtab_memory(t) - mem < 300000 * 16);
    for (uint32_t i = 1; i <= 300000; i += 499) {
        int n = snprintf(buf, sizeof buf, "K%07u", i);
        assert_int_equal(mot_strtab_find(t, buf, (size_t)n), i);
    }
    assert_int_equal(mot_strtab_reserve(t, (size_t)MOT_NONE), MOT_ELIMIT);
    /* a guess is tried first, and any guess finds what find finds */
    int n = snprintf(buf, sizeof buf, "K%07u", 1234u);
    assert_int_equal(mot_strtab_find_near(t, buf, (size_t)n, 1234), 1234);
    assert_int_equal(mot_strtab_find_near(t, buf, (size_t)n, 1235), 1234);
    assert_int_equal(mot_strtab_find_near(t, buf, (size_t)n, MOT_NONE), 1234);
    assert_int_equal(mot_strtab_find_near(t, "K", 1, 1), MOT_NONE);
    assert_int_equal(mot_strtab_find_near(t, "firs", 4, 0), MOT_NONE);
    assert_int_equal(mot_strtab_count(t), 300001);
    mot_strtab_free(t);
}

static void test_empty_string_is_a_value(void **state)
{
    (void)state;
    mot_strtab *t = mot_strtab_new();
    uint32_t i;
    assert_int_equal(mot_strtab_intern(t, "", 0, &i, NULL), MOT_OK);
    assert_int_equal(mot_strtab_find(t, "", 0), i);
    assert_string_equal(mot_strtab_get(t, i), "");
    mot_strtab_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_intern_and_find),
        cmocka_unit_test(test_many_strings_keep_their_index),
        cmocka_unit_test(test_reserve),
        cmocka_unit_test(test_empty_string_is_a_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
