/* test_parse.c: field value parsers (src/read/parse.c).
**
** Every case goes through call_*(), which copies the text into a heap
** block of exactly its length (no NUL), so AddressSanitizer catches any
** read past len. Expected epoch seconds were computed with GNU date, e.g.
** `date -u -d '2026-03-01 08:30' +%s`, not with this code.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "mot/parse.h"

/* A heap copy of text without its NUL (freed by the caller). */
static char *exact(const char *text, size_t len)
{
    char *p = malloc(len ? len : 1);
    assert_non_null(p);
    memcpy(p, text, len);
    return p;
}

static mot_status call_double(const char *text, double *out)
{
    size_t len = strlen(text);
    char *p = exact(text, len);
    mot_status st = mot_parse_double(p, len, out);
    free(p);
    return st;
}

static mot_status call_int64(const char *text, int64_t *out)
{
    size_t len = strlen(text);
    char *p = exact(text, len);
    mot_status st = mot_parse_int64(p, len, out);
    free(p);
    return st;
}

static mot_status call_bool(const char *text, int *out)
{
    size_t len = strlen(text);
    char *p = exact(text, len);
    mot_status st = mot_parse_bool(p, len, out);
    free(p);
    return st;
}

static mot_status call_time(const char *text, int64_t *out)
{
    size_t len = strlen(text);
    char *p = exact(text, len);
    mot_status st = mot_parse_time(p, len, out);
    free(p);
    return st;
}

static mot_status call_kano(const char *text, int *out)
{
    size_t len = strlen(text);
    char *p = exact(text, len);
    mot_status st = mot_parse_kano_answer(p, len, out);
    free(p);
    return st;
}

/* ---- numbers ------------------------------------------------------------ */

static void test_double_accepts(void **state)
{
    (void)state;
    static const struct { const char *text; double want; } cases[] = {
        {"3", 3.0}, {"-2.5", -2.5}, {"+2.5", 2.5}, {"1e3", 1000.0},
        {"1E-2", 0.01}, {"2.5e+1", 25.0}, {"4.", 4.0}, {".5", 0.5},
        {"-.25", -0.25}, {"  7  ", 7.0}, {"\t0\t", 0.0}, {"-0", -0.0},
        {"007", 7.0}, {"1e-400", 0.0}, {"1.7976931348623157e308", 1.7976931348623157e308},
        {"123456789012345678901234567890", 1.2345678901234568e29},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = -99.0;
        errno = 1234;
        assert_int_equal(call_double(cases[i].text, &v), MOT_OK);
        assert_true(v == cases[i].want);
        assert_int_equal(errno, 1234);
    }
}

static void test_double_rejects(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "", "   ", "+", "-", ".", "+.", "e3", "1e", "1e+", "1e-", "1.2.3",
        "12abc", "abc", "nan", "NaN", "inf", "-inf", "infinity", "0x1F",
        "0x1p3", "1,000", "1 000", "1_000", "--1", "+-1", "1e3.5", "١",
        "1e400", "-1e400", "３", "5 points",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = -99.0;
        errno = 1234;
        assert_int_equal(call_double(cases[i], &v), MOT_EDATA);
        assert_true(v == -99.0);
        assert_int_equal(errno, 1234);
    }
}

static void test_double_length_limit(void **state)
{
    (void)state;
    char text[200];
    double v = 0;
    memset(text, '0', sizeof text);
    text[127] = '5';
    text[128] = '\0';
    assert_int_equal(call_double(text, &v), MOT_OK);   /* 128 bytes */
    assert_true(v == 5.0);
    text[128] = '5';
    text[129] = '\0';
    assert_int_equal(call_double(text, &v), MOT_EDATA); /* 129 bytes */
}

static void test_double_stops_at_len(void **state)
{
    (void)state;
    double v = 0;
    assert_int_equal(mot_parse_double("12345", 2, &v), MOT_OK);
    assert_true(v == 12.0);
    assert_int_equal(mot_parse_double("1e5", 2, &v), MOT_EDATA);
    assert_int_equal(mot_parse_double("5x", 1, &v), MOT_OK);
    assert_true(v == 5.0);
}

static void test_int64(void **state)
{
    (void)state;
    static const struct { const char *text; int64_t want; } ok[] = {
        {"0", 0}, {"42", 42}, {"-42", -42}, {"+42", 42}, {" 17 ", 17},
        {"000123", 123}, {"9223372036854775807", INT64_MAX},
        {"-9223372036854775808", INT64_MIN}, {"-0", 0},
    };
    static const char *const bad[] = {
        "", " ", "+", "-", "1.0", "1e3", "1.", "12a", "0x10", "1 2",
        "9223372036854775808", "-9223372036854775809",
        "99999999999999999999", "1,000", "--1",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int64_t v = 7;
        assert_int_equal(call_int64(ok[i].text, &v), MOT_OK);
        assert_true(v == ok[i].want);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t v = 7;
        assert_int_equal(call_int64(bad[i], &v), MOT_EDATA);
        assert_true(v == 7);
    }
    int64_t v = 0;
    assert_int_equal(mot_parse_int64("123", 2, &v), MOT_OK);
    assert_true(v == 12);
}

/* ---- flags, KANO, blank -------------------------------------------------- */

static void test_bool(void **state)
{
    (void)state;
    static const struct { const char *text; int want; } ok[] = {
        {"1", 1}, {"0", 0}, {"true", 1}, {"TRUE", 1}, {"True", 1},
        {"false", 0}, {"FALSE", 0}, {"yes", 1}, {"Yes", 1}, {"no", 0},
        {"NO", 0}, {"y", 1}, {"Y", 1}, {"n", 0}, {"N", 0}, {"是", 1},
        {"否", 0}, {" yes ", 1}, {"\t0", 0},
    };
    static const char *const bad[] = {
        "", "2", "-1", "01", "1.0", "ye", "yess", "t", "f", "on", "off",
        "true false", "不是", "是的",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int v = 9;
        assert_int_equal(call_bool(ok[i].text, &v), MOT_OK);
        assert_int_equal(v, ok[i].want);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int v = 9;
        assert_int_equal(call_bool(bad[i], &v), MOT_EDATA);
        assert_int_equal(v, 9);
    }
    int v = 9;
    assert_int_equal(mot_parse_bool("yesno", 3, &v), MOT_OK);
    assert_int_equal(v, 1);
}

static void test_kano(void **state)
{
    (void)state;
    static const struct { const char *text; int want; } ok[] = {
        {"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}, {"5", 5}, {" 3 ", 3},
        {"like", 1}, {"LIKE", 1}, {"Like", 1},
        {"must-be", 2}, {"must be", 2}, {"Must Be", 2}, {"MUST-BE", 2},
        {"expect", 2}, {"Expect", 2},
        {"neutral", 3}, {"Neutral", 3},
        {"live-with", 4}, {"live with", 4}, {"Live With", 4},
        {"dislike", 5}, {"DISLIKE", 5}, {"  dislike  ", 5},
        {"喜欢", 1}, {"理所当然", 2}, {"无所谓", 3}, {"能忍受", 4},
        {"不喜欢", 5}, {" 不喜欢 ", 5},
    };
    static const char *const bad[] = {
        "", " ", "0", "6", "-1", "2.5", "likes", "must", "live", "dis like x",
        "喜", "不", "I like it", "1 like",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int v = 0;
        assert_int_equal(call_kano(ok[i].text, &v), MOT_OK);
        assert_int_equal(v, ok[i].want);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int v = 0;
        assert_int_equal(call_kano(bad[i], &v), MOT_EDATA);
        assert_int_equal(v, 0);
    }
    int v = 0;
    assert_int_equal(mot_parse_kano_answer("dislike", 4, &v), MOT_EDATA);
    assert_int_equal(mot_parse_kano_answer("likely", 4, &v), MOT_OK);
    assert_int_equal(v, 1);
}

static void test_blank(void **state)
{
    (void)state;
    assert_true(mot_parse_is_blank("", 0));
    assert_true(mot_parse_is_blank("   ", 3));
    assert_true(mot_parse_is_blank(" \t ", 3));
    assert_true(mot_parse_is_blank("  x", 2));
    assert_false(mot_parse_is_blank("x", 1));
    assert_false(mot_parse_is_blank(" 0 ", 3));
    assert_false(mot_parse_is_blank("\n", 1));
}

/* ---- times -------------------------------------------------------------- */

static void test_time_accepts(void **state)
{
    (void)state;
    /* Expected values from GNU date: date -u -d '<text>' +%s */
    static const struct { const char *text; int64_t want; } cases[] = {
        {"2026-03-01 08:30", 1772353800},
        {"2026-03-01T08:30", 1772353800},
        {"2026-03-01T08:30:00", 1772353800},
        {"2026-03-01 08:30:59", 1772353859},
        {"2026-03-01", 1772323200},
        {"2026/03/01", 1772323200},
        {"2026/03/01 08:30", 1772353800},
        {"2026/3/1 8:30", 1772353800},
        {"2026-3-1", 1772323200},
        {"  2026-03-01 08:30  ", 1772353800},
        {"1970-01-01", 0},
        {"1970-01-01T00:00:00Z", 0},
        {"1969-12-31 23:59:59", -1},
        {"1969-07-20 20:17:40", -14182940},
        {"1900-01-01", -2208988800},
        {"1900-03-01 00:00", -2203891200},
        {"1601-01-01", -11644473600},
        {"1600-03-01", -11670912000},
        {"0001-01-01", -62135596800},
        {"0000-01-01", -62167219200},
        {"2000-02-29", 951782400},
        {"2000-03-01", 951868800},
        {"2024-02-29 12:00", 1709208000},
        {"2026-02-28 23:59:59", 1772323199},
        {"2026-12-31 23:59", 1798761540},
        {"2100-03-01", 4107542400},
        {"9999-12-31", 253402214400},
        {"9999-12-31 23:59:59", 253402300799},
        {"2026-03-01T08:30:00Z", 1772353800},
        {"2026-03-01T08:30:00z", 1772353800},
        {"2026-03-01T08:30Z", 1772353800},
        {"2026-03-01T08:30:00+08:00", 1772325000},
        {"2026-03-01T08:30:00+0800", 1772325000},
        {"2026-03-01T08:30:00+08", 1772325000},
        {"2026-03-01T08:30:00-0530", 1772373600},
        {"2026-03-01T08:30:00-05:30", 1772373600},
        {"2026-03-01T08:30:00-05", 1772371800},
        {"2026-03-01T00:00+14:00", 1772272800},
        {"2026-03-01T08:30:00.5+08:00", 1772325000},
        {"1999-12-31T23:59:59.999", 946684799},
        {"1999-12-31T23:59:59.0", 946684799},
        {"2026-03-01 08:30:60", 1772353860},    /* leap second: next minute */
        {"2012-10-09T14:50:17+00:00", 1349794217},  /* helpdesk log */
        {"2013-02-13 12:03:35", 1360757015},        /* BPIC 2014 */
        /* Unix seconds and (13 digits) milliseconds */
        {"0", 0}, {"1772353800", 1772353800}, {"+1772353800", 1772353800},
        {"-14182940", -14182940}, {"999999999999", 999999999999},
        {"-999999999999", -999999999999}, {"2026", 2026},
        {"1234567890123", 1234567890}, {"1772353800999", 1772353800},
        {"-1234567890123", -1234567891}, {"0000000000001", 0},
        {" 1772353800 ", 1772353800},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t t = 42;
        if (call_time(cases[i].text, &t) != MOT_OK)
            fail_msg("rejected \"%s\"", cases[i].text);
        if (t != cases[i].want)
            fail_msg("\"%s\": got %lld, want %lld", cases[i].text,
                     (long long)t, (long long)cases[i].want);
    }
}

static void test_time_rejects(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "", "  ", "+", "-", "abc", "12345678901234", "-12345678901234",
        "1.5", "1e9", "2026-02-29", "2100-02-29", "1900-02-29",
        "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "2026-01-32", "2026-001-01", "2026-01-001", "26-03-01",
        "20260-03-01", "2026-03", "2026-03/01", "2026/03-01",
        "2026.03.01", "2026-03-01T", "2026-03-01  08:30",
        "2026-03-01X08:30", "2026-03-01t08:30", "2026-03-01 24:00",
        "2026-03-01 23:60", "2026-03-01 23:59:61", "2026-03-01 8",
        "2026-03-01 08:3", "2026-03-01 08:30:5", "2026-03-01 08:30:",
        "2026-03-01 08:30:00.", "2026-03-01 08:30.5", "2026-03-01 123:30",
        "2026-03-01 08:30:00+", "2026-03-01 08:30:00+8",
        "2026-03-01 08:30:00+08:", "2026-03-01 08:30:00+08:0",
        "2026-03-01 08:30:00+08:000", "2026-03-01 08:30:00+24:00",
        "2026-03-01 08:30:00+08:60", "2026-03-01 08:30:00 +08:00",
        "2026-03-01 08:30:00ZZ", "2026-03-01 08:30:00 UTC",
        "2026-03-01Z", "2026-03-01+08:00", "2026-03-01 08:30:00Z junk",
        "２０２６-03-01", "2026-03-01 08:30:00.5.5",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t t = 42;
        if (call_time(cases[i], &t) != MOT_EDATA || t != 42)
            fail_msg("accepted \"%s\" as %lld", cases[i], (long long)t);
    }
}

static void test_time_stops_at_len(void **state)
{
    (void)state;
    int64_t t = 0;
    assert_int_equal(mot_parse_time("2026-03-01T08:30", 10, &t), MOT_OK);
    assert_true(t == 1772323200);
    assert_int_equal(mot_parse_time("2026-03-01 08:30:00+08:00", 19, &t), MOT_OK);
    assert_true(t == 1772353800);
    assert_int_equal(mot_parse_time("12345", 3, &t), MOT_OK);
    assert_true(t == 123);
    assert_int_equal(mot_parse_time("2026-03-01 08:30", 15, &t), MOT_EDATA);
}

static void test_format_time(void **state)
{
    (void)state;
    /* Expected text from GNU date: date -u -d @<t> +%FT%TZ */
    static const struct { int64_t t; const char *want; } cases[] = {
        {0, "1970-01-01T00:00:00Z"},
        {-1, "1969-12-31T23:59:59Z"},
        {1772353800, "2026-03-01T08:30:00Z"},
        {1772325000, "2026-03-01T00:30:00Z"},
        {951782400, "2000-02-29T00:00:00Z"},
        {1349794217, "2012-10-09T14:50:17Z"},
        {-14182940, "1969-07-20T20:17:40Z"},
        {-1234567891, "1930-11-18T00:28:29Z"},
        {-62167219200, "0000-01-01T00:00:00Z"},
        {253402300799, "9999-12-31T23:59:59Z"},
        {253402300800, "+10000-01-01T00:00:00Z"},
        {999999999999, "+33658-09-27T01:46:39Z"},
        {-62167219201, "-0001-12-31T23:59:59Z"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[32];
        mot_format_time(cases[i].t, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
}

static void test_format_time_small_buffer_and_extremes(void **state)
{
    (void)state;
    char buf[21];
    mot_format_time(253402300800, buf, sizeof buf);
    assert_string_equal(buf, "+10000-01-01T00:00:0");
    char big[64];
    mot_format_time(INT64_MIN, big, sizeof big);   /* must not overflow */
    assert_int_equal(big[0], '-');
    mot_format_time(INT64_MAX, big, sizeof big);
    assert_int_equal(big[0], '+');
    char tiny[1] = {'x'};
    mot_format_time(0, tiny, 0);
    assert_int_equal(tiny[0], 'x');
}

static void test_format_then_parse(void **state)
{
    (void)state;
    /* every 9999th hour from 1583 to 9999, and each side of midnight */
    for (int64_t t = -12212553600; t < 253402300800; t += 9999 * 3600 + 1) {
        for (int64_t dt = -1; dt <= 1; dt++) {
            char buf[32];
            int64_t back = 0;
            mot_format_time(t + dt, buf, sizeof buf);
            assert_int_equal(mot_parse_time(buf, strlen(buf), &back), MOT_OK);
            assert_true(back == t + dt);
        }
    }
}

/* mot_time_date gives the date mot_format_time writes, on each side of
** midnight, over the years the reader accepts and a few before year 0. */
static void test_time_date(void **state)
{
    (void)state;
    for (int64_t t = -62198755200; t < 253402300800; t += 9999 * 3600 + 1) {
        for (int64_t dt = -1; dt <= 1; dt++) {
            char buf[48], want[48];
            int64_t y;
            int m, d;
            mot_format_time(t + dt, buf, sizeof buf);
            mot_time_date(t + dt, &y, &m, &d);
            snprintf(want, sizeof want, "%s%04lld-%02d-%02dT", y < 0 ? "-" : "",
                     (long long)(y < 0 ? -y : y), m, d);
            assert_memory_equal(buf, want, strlen(want));
        }
    }
    int64_t y;
    int m, d;
    mot_time_date(-1, &y, &m, &d);               /* 1969-12-31T23:59:59Z */
    assert_true(y == 1969 && m == 12 && d == 31);
    mot_time_date(951782400, &y, &m, &d);        /* 2000-02-29T00:00:00Z */
    assert_true(y == 2000 && m == 2 && d == 29);
}

/* The fast paths (whole numbers of up to 15 digits, and times written
** exactly YYYY-MM-DDTHH:MM:SS) give what the general parsers give for the
** same value written another way ("N.0", a trailing "Z"), and reject what
** they reject. */
/* The short-decimal fast path ("8.3", "-0.25": m / 10^k) gives strtod's
** value bit for bit: generated decimals of 1 to 16 digits, the point
** anywhere, with and without a minus. */
static void test_decimals_as_strtod(void **state)
{
    (void)state;
    static const char *const edge[] = {"0.1", "-0.0", "0.0", "-0", "9.5",
        "123456789012345", "1234567.89012345", "9.99999999999999",
        "0.000000000000001", "999999999999999.9", "1.7976931348623157",
        "4.35", "8.3", "2.675", "0.30000000000000004"};
    uint64_t g = 88172645463325252u;
    char a[40];
    for (size_t i = 0; i < 200000 + sizeof edge / sizeof *edge; i++) {
        if (i < sizeof edge / sizeof *edge) {
            snprintf(a, sizeof a, "%s", edge[i]);
        } else {
            g ^= g << 13;
            g ^= g >> 7;
            g ^= g << 17;
            size_t nd = 1 + g % 16, at = (g >> 8) % (nd + 1), k = 0;
            if ((g >> 16) & 1)
                a[k++] = '-';
            for (size_t d = 0; d < nd; d++) {
                if (d == at && d > 0)
                    a[k++] = '.';
                a[k++] = (char)('0' + (g >> (20 + 2 * (d % 20))) % 10);
            }
            a[k] = '\0';
        }
        double x, y = strtod(a, NULL);
        assert_int_equal(mot_parse_double(a, strlen(a), &x), MOT_OK);
        if (memcmp(&x, &y, sizeof x) != 0)
            fail_msg("%s: %.17g, strtod %.17g", a, x, y);
    }
}

static void test_fast_paths_agree(void **state)
{
    (void)state;
    char a[64], b[80];
    double x, y;
    for (long v = 0; v < 200000; v += (v < 1000 ? 1 : 997)) {
        snprintf(a, sizeof a, "%ld", v);
        snprintf(b, sizeof b, "%ld.0", v);
        assert_int_equal(mot_parse_double(a, strlen(a), &x), MOT_OK);
        assert_int_equal(mot_parse_double(b, strlen(b), &y), MOT_OK);
        assert_true(x == y);
    }
    static const char *const nums[] = {"999999999999999", "000000000000007",
                                       "9007199254740993", "1234567890123456789"};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        snprintf(b, sizeof b, "%s.0", nums[i]);
        assert_int_equal(mot_parse_double(nums[i], strlen(nums[i]), &x),
                         MOT_OK);
        assert_int_equal(mot_parse_double(b, strlen(b), &y), MOT_OK);
        assert_true(x == y);
    }
    assert_int_equal(mot_parse_double(" 42 ", 4, &x), MOT_OK);
    assert_true(x == 42.0);
    assert_int_not_equal(mot_parse_double("4x", 2, &x), MOT_OK);
    static const int years[] = {1, 1900, 1999, 2000, 2024, 2026, 2100, 9999};
    static const char *const clocks[] = {"00:00:00", "09:08:14", "23:59:60",
                                         "24:00:00", "12:60:00", "12:00:61",
                                         "1a:00:00"};
    for (size_t yi = 0; yi < sizeof years / sizeof *years; yi++)
        for (int m = 0; m <= 13; m++)
            for (int d = 0; d <= 32; d++)
                for (size_t ci = 0; ci < sizeof clocks / sizeof *clocks;
                     ci++) {
                    int64_t t1 = 1, t2 = 2;
                    snprintf(a, sizeof a, "%04d-%02d-%02d%c%s", years[yi],
                             m, d, ci % 2 ? ' ' : 'T', clocks[ci]);
                    snprintf(b, sizeof b, "%sZ", a);
                    mot_status s1 = mot_parse_time(a, strlen(a), &t1);
                    mot_status s2 = mot_parse_time(b, strlen(b), &t2);
                    assert_int_equal(s1, s2);
                    if (s1 == MOT_OK)
                        assert_true(t1 == t2);
                }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_double_accepts),
        cmocka_unit_test(test_double_rejects),
        cmocka_unit_test(test_double_length_limit),
        cmocka_unit_test(test_double_stops_at_len),
        cmocka_unit_test(test_int64),
        cmocka_unit_test(test_bool),
        cmocka_unit_test(test_kano),
        cmocka_unit_test(test_blank),
        cmocka_unit_test(test_time_accepts),
        cmocka_unit_test(test_time_rejects),
        cmocka_unit_test(test_time_stops_at_len),
        cmocka_unit_test(test_format_time),
        cmocka_unit_test(test_format_time_small_buffer_and_extremes),
        cmocka_unit_test(test_format_then_parse),
        cmocka_unit_test(test_time_date),
        cmocka_unit_test(test_fast_paths_agree),
        cmocka_unit_test(test_decimals_as_strtod),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
