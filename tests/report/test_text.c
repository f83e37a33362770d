/* test_text.c: display widths of mixed CJK/ASCII text and table alignment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/report.h"

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(mot_text_width("abc", (size_t)-1), 3);
    assert_int_equal(mot_text_width("报修", (size_t)-1), 4);
    assert_int_equal(mot_text_width("T01 首月账单", (size_t)-1), 12);
    assert_int_equal(mot_text_width("ＡＢ", (size_t)-1), 4);     /* fullwidth */
    assert_int_equal(mot_text_width("e\xcc\x81", (size_t)-1), 1); /* e + combining acute */
    assert_int_equal(mot_text_width("\xff" "a", (size_t)-1), 2);  /* invalid byte counts 1 */
    assert_int_equal(mot_text_width("报修", 3), 2);             /* first character only */
}

static void test_fit(void **state)
{
    (void)state;
    char buf[64];
    mot_text_fit("营业厅办理", 6, buf, sizeof buf);
    assert_string_equal(buf, "营业\xe2\x80\xa6");
    assert_int_equal(mot_text_width(buf, (size_t)-1), 5);
    mot_text_fit("短", 6, buf, sizeof buf);
    assert_string_equal(buf, "短");
}

static void test_table_aligns_cjk(void **state)
{
    (void)state;
    const int right[] = {0, 1};
    mot_table *t = mot_table_new(2, right);
    assert_non_null(t);
    assert_int_equal(mot_table_addf(t, "touchpoint\tmean"), MOT_OK);
    assert_int_equal(mot_table_addf(t, "首月账单\t%.2f", 2.5), MOT_OK);
    assert_int_equal(mot_table_addf(t, "app\t%.2f", 4.25), MOT_OK);
    char *s;
    size_t len;
    FILE *m = open_memstream(&s, &len);
    mot_table_print(t, m, 2, 1);
    fclose(m);
    assert_string_equal(s,
                        "  touchpoint  mean\n"
                        "  ----------------\n"
                        "  首月账单    2.50\n"
                        "  app         4.25\n");
    free(s);
    mot_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_table_aligns_cjk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
