/* test_columns.c: attribute columns built row by row keep numbers when
** every non-empty value is one, codes otherwise; lookup by name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mot/project.h"
#include "read/columns.h"

#define ISNAN(x) ((x) != (x))

/* Build columns a, b, c from rows of three texts each. */
static void build(mot_columns *c, const char *const rows[][3], size_t n)
{
    char *names[] = {"a", "B", "c"};
    size_t cap = 0;
    assert_int_equal(mot_columns_init(c, names, 3), MOT_OK);
    for (size_t r = 0; r < n; r++) {
        assert_int_equal(mot_columns_reserve(c, &cap, r + 1), MOT_OK);
        assert_true(cap >= r + 1);
        for (size_t k = 0; k < 3; k++)
            assert_int_equal(mot_columns_set(c, k, r, rows[r][k],
                                             strlen(rows[r][k])), MOT_OK);
    }
    mot_columns_finish(c, n);
}

static void test_numeric_or_categorical(void **state)
{
    (void)state;
    /* a: numbers and an empty value; B: a word among numbers; c: empty */
    static const char *const rows[][3] = {
        {"1.5", "3", ""}, {"", "x", ""}, {"-2e1", "3", ""},
    };
    mot_columns c;
    build(&c, rows, 3);
    assert_int_equal(c.n, 3);
    const mot_column *a = &c.col[0], *b = &c.col[1], *e = &c.col[2];
    assert_true(a->numeric);
    assert_null(a->code);
    assert_null(a->dict);
    assert_true(a->num[0] == 1.5 && a->num[2] == -20.0);
    assert_true(ISNAN(a->num[1]));
    assert_false(b->numeric);
    assert_null(b->num);
    assert_int_equal(b->code[0], 0);
    assert_int_equal(b->code[1], 1);
    assert_int_equal(b->code[2], 0);
    assert_int_equal(mot_strtab_count(b->dict), 2);
    assert_string_equal(mot_strtab_get(b->dict, 1), "x");
    /* a column with no value at all counts as numeric, all NAN */
    assert_true(e->numeric);
    for (size_t r = 0; r < 3; r++)
        assert_true(ISNAN(e->num[r]));
    mot_columns_free(&c);
    assert_int_equal(c.n, 0);
    assert_null(c.col);
}

static void test_find_ignores_case(void **state)
{
    (void)state;
    static const char *const rows[][3] = {{"1", "2", "3"}};
    mot_columns c;
    build(&c, rows, 1);
    assert_ptr_equal(mot_columns_find(&c, "A"), &c.col[0]);
    assert_ptr_equal(mot_columns_find(&c, "b"), &c.col[1]);
    assert_null(mot_columns_find(&c, "d"));
    assert_null(mot_columns_find(&c, "a "));
    assert_null(mot_columns_find(NULL, "a"));
    mot_columns_free(&c);
}

static void test_many_rows(void **state)
{
    (void)state;
    char *names[] = {"n"};
    mot_columns c;
    size_t cap = 0;
    char buf[16];
    assert_int_equal(mot_columns_init(&c, names, 1), MOT_OK);
    for (size_t r = 0; r < 10000; r++) {
        int len = snprintf(buf, sizeof buf, "%zu", r % 7);
        assert_int_equal(mot_columns_reserve(&c, &cap, r + 1), MOT_OK);
        assert_int_equal(mot_columns_set(&c, 0, r, buf, (size_t)len), MOT_OK);
    }
    mot_columns_finish(&c, 10000);
    assert_true(c.col[0].numeric);
    assert_true(c.col[0].num[9999] == 9999 % 7);
    mot_columns_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numeric_or_categorical),
        cmocka_unit_test(test_find_ignores_case),
        cmocka_unit_test(test_many_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
