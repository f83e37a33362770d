/* test_textutil.c: the readers' text helpers (src/read/textutil.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "read/textutil.h"

static void test_trim(void **state)
{
    (void)state;
    static const struct { const char *text; const char *want; } cases[] = {
        {"", ""}, {"   ", ""}, {"a", "a"}, {"  a b  ", "a b"},
        {"\ta\t", "a"}, {" \n ", "\n"}, {"\xe3\x80\x80x", "\xe3\x80\x80x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].text;
        size_t len = strlen(s);
        mot_text_trim(&s, &len);
        assert_int_equal(len, strlen(cases[i].want));
        assert_memory_equal(s, cases[i].want, len);
    }
}

static void test_ieq(void **state)
{
    (void)state;
    assert_true(mot_text_ieq("Scale", 5, "scale"));
    assert_true(mot_text_ieq("SCALE", 5, "scale"));
    assert_true(mot_text_ieq("", 0, ""));
    assert_true(mot_text_ieq("scales", 5, "scale"));
    assert_false(mot_text_ieq("scale", 5, "scales"));
    assert_false(mot_text_ieq("scales", 6, "scale"));
    assert_false(mot_text_ieq("scald", 5, "scale"));
    assert_false(mot_text_ieq("\xc3\x89", 2, "\xc3\xa9"));  /* É vs é: ASCII only */
}

static void test_loose_eq(void **state)
{
    (void)state;
    static const struct { const char *text, *word; int want; } cases[] = {
        {"follow-up", "follow-up", 1}, {"Follow_Up", "follow-up", 1},
        {"followup", "follow-up", 1}, {" follow up ", "follow-up", 1},
        {"follow--up", "follow-up", 1}, {"-", "", 1}, {"", "", 1},
        {"follow", "follow-up", 0}, {"follow-ups", "follow-up", 0},
        {"", "x", 0}, {"x", "", 0}, {"喜欢", "喜欢", 1}, {"喜 欢", "喜欢", 1},
        {"不喜欢", "喜欢", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(mot_text_loose_eq(cases[i].text, strlen(cases[i].text),
                                           cases[i].word), cases[i].want);
    assert_true(mot_text_loose_eq("like it", 4, "like"));
}

static void test_utf8(void **state)
{
    (void)state;
    static const struct { const char *text; int want; } cases[] = {
        {"", 1}, {"abc", 1}, {"咨询", 1}, {"\xc2\x80", 1}, {"\xdf\xbf", 1},
        {"\xe0\xa0\x80", 1}, {"\xed\x9f\xbf", 1}, {"\xef\xbf\xbf", 1},
        {"\xf0\x90\x80\x80", 1}, {"\xf4\x8f\xbf\xbf", 1},
        {"\x80", 0}, {"\xc0\xaf", 0}, {"\xc1\xbf", 0}, {"\xc2", 0},
        {"\xc2\x41", 0}, {"\xe0\x9f\xbf", 0}, {"\xed\xa0\x80", 0},
        {"\xe4\xb8", 0}, {"\xf0\x8f\xbf\xbf", 0}, {"\xf4\x90\x80\x80", 0},
        {"\xf5\x80\x80\x80", 0}, {"\xff", 0}, {"\xd7\xc9\xd1\xaf", 0}, /* GBK 咨询 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(mot_text_is_utf8(cases[i].text, strlen(cases[i].text)),
                         cases[i].want);
    assert_true(mot_text_is_utf8("\xe4\xb8\xad", 3));
    assert_false(mot_text_is_utf8("\xe4\xb8\xad", 2));
}

static void test_excerpt(void **state)
{
    (void)state;
    char buf[MOT_TEXT_EXCERPT_MAX + 4];
    const char *forty = "0123456789012345678901234567890123456789";
    assert_string_equal(mot_text_excerpt(buf, sizeof buf, "five", 4), "five");
    assert_string_equal(mot_text_excerpt(buf, sizeof buf, forty, 40), forty);
    assert_string_equal(mot_text_excerpt(buf, sizeof buf, "0123456789012345678901234567890123456789X", 41),
                        "0123456789012345678901234567890123456789...");
    /* 38 ASCII bytes then 咨 (3 bytes) straddles byte 40: cut before it */
    const char *cjk = "01234567890123456789012345678901234567\xe5\x92\xa8\xe8\xaf\xa2";
    assert_string_equal(mot_text_excerpt(buf, sizeof buf, cjk, strlen(cjk)),
                        "01234567890123456789012345678901234567...");
    /* 39 ASCII bytes then 咨: cut at 39 */
    const char *cjk2 = "012345678901234567890123456789012345678\xe5\x92\xa8";
    assert_string_equal(mot_text_excerpt(buf, sizeof buf, cjk2, strlen(cjk2)),
                        "012345678901234567890123456789012345678...");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trim),
        cmocka_unit_test(test_ieq),
        cmocka_unit_test(test_loose_eq),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_excerpt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
