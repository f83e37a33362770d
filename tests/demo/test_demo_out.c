/* test_demo_out.c: record formatting and tmp-then-rename files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "demo/demo_out.h"
#include "testutil.h"

static const char *text(demo_line *l)
{
    l->buf[l->n] = '\0';
    return l->buf;
}

static void test_fields(void **state)
{
    (void)state;
    demo_line l;
    demo_line_start(&l);
    demo_line_text(&l, "报修");
    demo_line_empty(&l);
    demo_line_text(&l, "a,b");
    demo_line_text(&l, "say \"hi\"");
    demo_line_text(&l, "two\nlines");
    demo_line_raw(&l, "x,y");
    demo_line_uint(&l, 0);
    demo_line_uint(&l, 18446744073709551615ULL);
    assert_string_equal(text(&l), "报修,,\"a,b\",\"say \"\"hi\"\"\","
                                  "\"two\nlines\",x,y,0,18446744073709551615");
}

static void test_fixed_decimals(void **state)
{
    (void)state;
    static const struct {
        long long v;
        int decimals;
        const char *want;
    } cases[] = {
        {-1234, 2, "-12.34"}, {5, 1, "0.5"},   {0, 2, "0.00"},
        {45, 1, "4.5"},       {3, 0, "3"},     {-7, 0, "-7"},
        {100, 2, "1.00"},     {-5, 1, "-0.5"}, {880000, 2, "8800.00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        demo_line l;
        demo_line_start(&l);
        demo_line_fixed(&l, cases[i].v, cases[i].decimals);
        assert_string_equal(text(&l), cases[i].want);
    }
}

static void test_ids_and_times(void **state)
{
    (void)state;
    static const struct {
        long long secs;
        const char *time, *date;
    } cases[] = {
        {0, "2026-01-01T00:00:00", "2026-01-01"},
        {59LL * 86400 + 3661, "2026-03-01T01:01:01", "2026-03-01"},
        {DEMO_YEAR_SECONDS - 1, "2026-12-31T23:59:59", "2026-12-31"},
        {DEMO_YEAR_SECONDS, "2027-01-01T00:00:00", "2027-01-01"},
        {(365LL + 365 + 59) * 86400, "2028-02-29T00:00:00", "2028-02-29"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        demo_line l;
        demo_line_start(&l);
        demo_line_time(&l, cases[i].secs);
        demo_line_date(&l, cases[i].secs);
        char want[64];
        snprintf(want, sizeof want, "%s,%s", cases[i].time, cases[i].date);
        assert_string_equal(text(&l), want);
    }
    demo_line l;
    demo_line_start(&l);
    demo_line_id(&l, "C", 7, 5);
    demo_line_id(&l, "TK", 1234567, 7);
    demo_line_id(&l, "S", 123, 2);
    assert_string_equal(text(&l), "C00007,TK1234567,S123");
}

static void test_file_commit(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("out_commit");
    demo_file f;
    mot_error err;
    assert_int_equal(demo_file_open(&f, dir, "a.csv", &err), MOT_OK);
    demo_line l;
    demo_line_start(&l);
    demo_line_text(&l, "id");
    demo_file_put(&f, &l);
    /* nothing under the real name until the commit */
    char *none = tu_read(tu_path(dir, "a.csv"), NULL);
    assert_null(none);
    assert_int_equal(demo_file_close(&f, &err), MOT_OK);
    assert_int_equal(demo_file_commit(&f, &err), MOT_OK);
    char *got = tu_read(tu_path(dir, "a.csv"), NULL);
    assert_string_equal(got, "id\n");
    free(got);
    assert_null(tu_read(tu_path(dir, "a.csv.tmp"), NULL));
    demo_file_discard(&f); /* harmless after a commit */
}

static void test_file_discard_and_errors(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("out_discard");
    demo_file f;
    mot_error err;
    assert_int_equal(demo_file_open(&f, dir, "b.csv", &err), MOT_OK);
    demo_file_discard(&f);
    assert_null(tu_read(tu_path(dir, "b.csv.tmp"), NULL));
    assert_null(tu_read(tu_path(dir, "b.csv"), NULL));

    char missing[4096];
    snprintf(missing, sizeof missing, "%s/no/such", dir);
    assert_int_equal(demo_file_open(&f, missing, "c.csv", &err), MOT_EIO);
    char want[4200];
    snprintf(want, sizeof want, "%s/c.csv", missing);
    assert_string_equal(err.file, want);
    assert_string_equal(err.message,
                        "cannot create the file (No such file or directory)");
    demo_file_discard(&f); /* harmless after a failed open */

    /* a write error is reported at close, naming the real file */
    demo_file g = {0};
    g.f = fopen("/dev/full", "w");
    if (!g.f)
        skip();
    g.path = strdup("full.csv");
    demo_line l;
    demo_line_start(&l);
    demo_line_text(&l, "x");
    demo_file_put(&g, &l);
    assert_int_equal(demo_file_close(&g, &err), MOT_EIO);
    assert_string_equal(err.file, "full.csv");
    assert_string_equal(err.message,
                        "cannot write the file (No space left on device)");
    demo_file_discard(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_fixed_decimals),
        cmocka_unit_test(test_ids_and_times),
        cmocka_unit_test(test_file_commit),
        cmocka_unit_test(test_file_discard_and_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
