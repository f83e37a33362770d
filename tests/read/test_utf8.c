/* test_utf8.c: mot_utf8_check (src/read/utf8.c) against utf8proc's
** decoder on every length and position around its eight-byte steps, with
** a poisoned byte just past the range that it must not read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <utf8proc.h>

#include "read/utf8.h"

/* The reference: utf8proc's decoder, one character at a time (it
** rejects overlongs, surrogates and code points past U+10FFFF); a
** sequence cut by the end of the range is short when the bytes so far
** are a valid start (the same bytes padded with continuation bytes
** decode). */
static size_t slow_check(const unsigned char *s, size_t n, mot_utf8_end *end)
{
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        if (s[i] == 0) {
            *end = MOT_UTF8_NUL;
            return i;
        }
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i),
                                              &cp);
        if (k > 0) {
            i += (size_t)k;
            continue;
        }
        /* too short, or invalid? pad with the smallest continuation */
        unsigned char pad[4];
        size_t have = n - i < 4 ? n - i : 4;
        memcpy(pad, s + i, have);
        int short_ok = 0;
        for (unsigned lo = 0x80; lo <= 0xBF && !short_ok; lo++) {
            memset(pad + have, (int)lo, 4 - have);
            short_ok = utf8proc_iterate(pad, 4, &cp) > (utf8proc_ssize_t)have;
        }
        *end = short_ok ? MOT_UTF8_SHORT : MOT_UTF8_BAD;
        return i;
    }
    *end = MOT_UTF8_ALL;
    return n;
}

static void same(const unsigned char *s, size_t n)
{
    mot_utf8_end e1, e2;
    size_t got = mot_utf8_check(s, n, &e1);
    size_t want = slow_check(s, n, &e2);
    assert_int_equal(got, want);
    assert_int_equal(e1, e2);
}

/* Plain ASCII of every length up to 100, with a NUL and then a bad byte
** just past the end: the whole range is valid. */
static void test_ascii_lengths(void **state)
{
    (void)state;
    unsigned char buf[128];
    for (size_t n = 0; n <= 100; n++) {
        memset(buf, 'a', sizeof buf);
        for (unsigned char poison = 0; poison < 2; poison++) {
            buf[n] = poison ? 0xFF : 0x00;
            mot_utf8_end e;
            assert_int_equal(mot_utf8_check(buf, n, &e), n);
            assert_int_equal(e, MOT_UTF8_ALL);
        }
    }
}

/* One odd byte or character at every position of ranges of every length
** around the steps. */
static void test_every_position(void **state)
{
    (void)state;
    static const unsigned char *const odd[] = {
        (const unsigned char *)"\x00", (const unsigned char *)"\xFF",
        (const unsigned char *)"\x80", (const unsigned char *)"\xC3\xA9",
        (const unsigned char *)"\xE4\xB8\xAD",
        (const unsigned char *)"\xF0\x9F\x98\x80",
        (const unsigned char *)"\xE0\x80\x80",
        (const unsigned char *)"\xED\xA0\x80",
        (const unsigned char *)"\xF4\x90\x80\x80",
        (const unsigned char *)"\xE4\xB8",
    };
    static const size_t odd_len[] = {1, 1, 1, 2, 3, 4, 3, 3, 4, 2};
    unsigned char buf[128];
    for (size_t k = 0; k < sizeof odd / sizeof *odd; k++)
        for (size_t n = 1; n <= 80; n++)
            for (size_t at = 0; at < n; at++) {
                memset(buf, 'x', sizeof buf);
                size_t m = odd_len[k] < n - at ? odd_len[k] : n - at;
                memcpy(buf + at, odd[k], m);
                buf[n] = 0xFF;
                same(buf, n);
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_lengths),
        cmocka_unit_test(test_every_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
