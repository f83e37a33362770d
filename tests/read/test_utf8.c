/* test_utf8.c: mot_utf8_check (src/read/utf8.c), against a byte-by-byte
** reference on every length and position around its 32- and 8-byte
** steps, with a poisoned byte just past the range that it must not read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "read/utf8.h"

/* The reference: one character at a time (Unicode table 3-7). */
static size_t slow_check(const unsigned char *s, size_t n, mot_utf8_end *end)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i], lo = 0x80, hi = 0xBF;
        int need;
        if (c == 0) {
            *end = MOT_UTF8_NUL;
            return i;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            *end = MOT_UTF8_BAD;
            return i;
        }
        for (int k = 1; k <= need; k++) {
            if (i + (size_t)k >= n) {
                *end = MOT_UTF8_SHORT;
                return i;
            }
            unsigned b = s[i + (size_t)k];
            if (b < lo || b > hi) {
                *end = MOT_UTF8_BAD;
                return i;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        i += (size_t)need + 1;
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
