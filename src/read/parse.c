/*
** parse.c: judging single field values (numbers, flags, times, KANO).
**
** Every parser trims surrounding spaces, checks the whole field against a
** strict grammar and only then converts it, so that "12abc", "0x1F",
** "nan" or "1,000" are rejected rather than half-read. Fields arrive as
** (s, len) and are not NUL-terminated, so nothing here reads past len:
** numbers are copied into a small local buffer before strtod sees them.
**
** Times are converted with the era-based days-from-civil algorithm and its
** inverse (proleptic Gregorian calendar, 400-year eras of 146097 days),
** written out below; no libc time function is involved, so neither the
** TZ variable nor the locale changes a result.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "read/textutil.h"

/* Longest number text mot_parse_double accepts, after trimming. */
#define NUMBER_MAX 128

#define SECONDS_PER_DAY 86400

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* How many digits begin (s, len). */
static size_t digit_run(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && is_digit((unsigned char)s[n]))
        n++;
    return n;
}

/* ---- numbers ------------------------------------------------------------ */

/* True when (s, len) is [+-] digits [. digits] [(e|E) [+-] digits] with at
** least one digit before the exponent. */
static int is_decimal(const char *s, size_t len)
{
    size_t i = 0, n, mantissa;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    mantissa = n = digit_run(s + i, len - i);
    i += n;
    if (i < len && s[i] == '.') {
        i++;
        n = digit_run(s + i, len - i);
        i += n;
        mantissa += n;
    }
    if (mantissa == 0)
        return 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        n = digit_run(s + i, len - i);
        if (n == 0)
            return 0;
        i += n;
    }
    return i == len;
}

/* Fast path: an optional minus, up to 15 digits in all and an optional
** point between digits ("4", "8.3", "-0.25"; most scores, waits and
** amounts). The digits m are then a whole number below 2^53 and 10^k (k
** digits after the point, k <= 15) is exact too, so m / 10^k is the
** correctly rounded value, which is what strtod gives (Clinger 1990, the
** exact fast path). 1 when taken. */
static int small_decimal(const char *s, size_t len, double *out)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                   1e15};
    uint64_t v = 0;
    size_t i = 0, digits = 0, point = 0;   /* point: index after '.' */
    int neg = len > 0 && s[0] == '-';
    i = (size_t)neg;
    if (len - i == 0 || len - i > 16)
        return 0;
    for (; i < len; i++) {
        unsigned d = (unsigned)((unsigned char)s[i] - '0');
        if (d <= 9) {
            v = v * 10 + d;
            digits++;
        } else if (s[i] == '.' && !point && digits > 0 && i + 1 < len) {
            point = i + 1;
        } else {
            return 0;
        }
    }
    if (digits > 15)
        return 0;
    double x = (double)v;
    if (point)
        x /= pow10[len - point];
    *out = neg ? -x : x;
    return 1;
}

/* Numbers longer than NUMBER_MAX bytes are rejected (no real field needs
** them). The conversion is strtod's in the "C" locale, which the CLI never
** changes (or the fast path's, the same value); errno is restored. Values
** that overflow to infinity are rejected; values that underflow become 0
** or a subnormal. */
mot_status mot_parse_double(const char *s, size_t len, double *out)
{
    char buf[NUMBER_MAX + 1];
    char *end;
    mot_text_trim(&s, &len);
    if (small_decimal(s, len, out))
        return MOT_OK;
    if (len == 0 || len > NUMBER_MAX || !is_decimal(s, len))
        return MOT_EDATA;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int saved = errno;
    double v = strtod(buf, &end);
    errno = saved;
    if (end != buf + len || !isfinite(v))
        return MOT_EDATA;
    *out = v;
    return MOT_OK;
}

mot_status mot_parse_int64(const char *s, size_t len, int64_t *out)
{
    size_t i = 0;
    int neg = 0;
    uint64_t v = 0, limit;
    mot_text_trim(&s, &len);
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == len || digit_run(s + i, len - i) != len - i)
        return MOT_EDATA;
    limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (limit - d) / 10)
            return MOT_EDATA;
        v = v * 10 + d;
    }
    if (!neg)
        *out = (int64_t)v;
    else if (v == (uint64_t)INT64_MAX + 1)
        *out = INT64_MIN;
    else
        *out = -(int64_t)v;
    return MOT_OK;
}

/* ---- flags and KANO answers --------------------------------------------- */

typedef struct word_value {
    const char *word;
    int value;
} word_value;

static const word_value bool_words[] = {
    {"1", 1}, {"true", 1}, {"yes", 1}, {"y", 1}, {"是", 1},
    {"0", 0}, {"false", 0}, {"no", 0}, {"n", 0}, {"否", 0},
};

mot_status mot_parse_bool(const char *s, size_t len, int *out)
{
    mot_text_trim(&s, &len);
    for (size_t i = 0; i < sizeof bool_words / sizeof bool_words[0]; i++) {
        if (mot_text_ieq(s, len, bool_words[i].word)) {
            *out = bool_words[i].value;
            return MOT_OK;
        }
    }
    return MOT_EDATA;
}

/* Compared loosely (mot_text_loose_eq), so "must be", "Must-Be" and
** "must_be" are one word. */
static const word_value kano_words[] = {
    {"like", 1}, {"must-be", 2}, {"expect", 2}, {"neutral", 3},
    {"live-with", 4}, {"dislike", 5},
    {"喜欢", 1}, {"理所当然", 2}, {"无所谓", 3}, {"能忍受", 4}, {"不喜欢", 5},
};

mot_status mot_parse_kano_answer(const char *s, size_t len, int *out)
{
    int64_t n;
    if (mot_parse_int64(s, len, &n) == MOT_OK) {
        if (n < 1 || n > 5)
            return MOT_EDATA;
        *out = (int)n;
        return MOT_OK;
    }
    for (size_t i = 0; i < sizeof kano_words / sizeof kano_words[0]; i++) {
        if (mot_text_loose_eq(s, len, kano_words[i].word)) {
            *out = kano_words[i].value;
            return MOT_OK;
        }
    }
    return MOT_EDATA;
}

int mot_parse_is_blank(const char *s, size_t len)
{
    mot_text_trim(&s, &len);
    return len == 0;
}

/* ---- calendar ----------------------------------------------------------- */

static int is_leap(int64_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int days_in_month(int64_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 to y-m-d. Years count from March so that the leap
** day ends a year; an era is 400 years. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                         /* [0, 399] */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil, for any int64 day count whose year
** fits (every day count from an int64 of seconds does). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* ---- times -------------------------------------------------------------- */

/* A cursor over the field being parsed. */
typedef struct scan {
    const char *p, *end;
} scan;

/* Read min..max digits as a number into *v; false if fewer than min. */
static int scan_digits(scan *c, int min, int max, int *v)
{
    int n = 0, x = 0;
    while (n < max && c->p < c->end && is_digit((unsigned char)*c->p)) {
        x = x * 10 + (*c->p++ - '0');
        n++;
    }
    if (n < min)
        return 0;
    *v = x;
    return 1;
}

/* Consume ch if it is next. */
static int scan_char(scan *c, char ch)
{
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return 1;
    }
    return 0;
}

/* HH:MM, HH:MM:SS or HH:MM:SS.fraction (one-digit hours too) as seconds
** since midnight; the fraction is dropped. */
static int scan_clock(scan *c, int *secs)
{
    int h, mi, s = 0;
    if (!scan_digits(c, 1, 2, &h) || !scan_char(c, ':') ||
        !scan_digits(c, 2, 2, &mi))
        return 0;
    if (scan_char(c, ':')) {
        if (!scan_digits(c, 2, 2, &s))
            return 0;
        if (scan_char(c, '.')) {
            size_t n = digit_run(c->p, (size_t)(c->end - c->p));
            if (n == 0)
                return 0;
            c->p += n;
        }
    }
    if (h > 23 || mi > 59 || s > 60)
        return 0;
    *secs = h * 3600 + mi * 60 + s;
    return 1;
}

/* Nothing, Z, +HH, +HHMM or +HH:MM (or -) as seconds east of UTC. */
static int scan_zone(scan *c, int *offset)
{
    int sign, h, m = 0;
    *offset = 0;
    if (c->p == c->end || scan_char(c, 'Z') || scan_char(c, 'z'))
        return 1;
    if (scan_char(c, '+'))
        sign = 1;
    else if (scan_char(c, '-'))
        sign = -1;
    else
        return 0;
    if (!scan_digits(c, 2, 2, &h))
        return 0;
    if (c->p < c->end) {
        scan_char(c, ':');
        if (!scan_digits(c, 2, 2, &m))
            return 0;
    }
    if (h > 23 || m > 59)
        return 0;
    *offset = sign * (h * 3600 + m * 60);
    return 1;
}

/* YYYY-MM-DD or YYYY/MM/DD, optionally followed by 'T' or ' ', a clock
** and a zone, filling the whole of *c. */
static int parse_iso(scan *c, int64_t *out)
{
    int y, mo, d, secs, offset;
    char sep;
    if (!scan_digits(c, 4, 4, &y) || c->p == c->end ||
        (*c->p != '-' && *c->p != '/'))
        return 0;
    sep = *c->p++;
    if (!scan_digits(c, 1, 2, &mo) || !scan_char(c, sep) ||
        !scan_digits(c, 1, 2, &d))
        return 0;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return 0;
    int64_t t = days_from_civil(y, mo, d) * SECONDS_PER_DAY;
    if (c->p == c->end) {
        *out = t;
        return 1;
    }
    if (!scan_char(c, 'T') && !scan_char(c, ' '))
        return 0;
    if (!scan_clock(c, &secs) || !scan_zone(c, &offset) || c->p != c->end)
        return 0;
    *out = t + secs - offset;
    return 1;
}

/* Unix seconds (up to 12 digits) or milliseconds (13 digits, rounded down
** to the second), optionally signed. */
static int parse_unix(const char *s, size_t len, int64_t *out)
{
    size_t ndigits = len - (s[0] == '+' || s[0] == '-');
    int64_t v;
    if (ndigits > 13 || mot_parse_int64(s, len, &v) != MOT_OK)
        return 0;
    if (ndigits == 13) {
        int64_t ms = v % 1000;
        v = v / 1000 - (ms < 0);
    }
    *out = v;
    return 1;
}

/* The value of the two digits at s, or -1. */
static int two_digits(const char *s)
{
    unsigned a = (unsigned)((unsigned char)s[0] - '0');
    unsigned b = (unsigned)((unsigned char)s[1] - '0');
    return a > 9 || b > 9 ? -1 : (int)(a * 10 + b);
}

/* Fast path for the commonest form, exactly "YYYY-MM-DDTHH:MM:SS" (or
** with a space for the T): the value parse_iso gives it; 0 when s is not
** of that form, or not a valid date and time (parse_iso then decides). */
static int iso_seconds(const char *s, size_t len, int64_t *out)
{
    if (len != 19 || s[4] != '-' || s[7] != '-' ||
        (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        return 0;
    int y1 = two_digits(s), y2 = two_digits(s + 2), mo = two_digits(s + 5),
        d = two_digits(s + 8), h = two_digits(s + 11),
        mi = two_digits(s + 14), sec = two_digits(s + 17);
    if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 ||
        h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
        return 0;
    int y = y1 * 100 + y2;
    if (d > days_in_month(y, mo))
        return 0;
    *out = days_from_civil(y, mo, d) * SECONDS_PER_DAY + h * 3600 +
           mi * 60 + sec;
    return 1;
}

/* Beyond the header's forms, one-digit months, days and hours are taken
** too ("2026/3/1 8:30"), as Excel writes them. */
mot_status mot_parse_time(const char *s, size_t len, int64_t *out)
{
    int64_t t;
    mot_text_trim(&s, &len);
    if (iso_seconds(s, len, out))
        return MOT_OK;
    if (len == 0)
        return MOT_EDATA;
    size_t sign = s[0] == '+' || s[0] == '-';
    if (sign < len && digit_run(s + sign, len - sign) == len - sign) {
        if (!parse_unix(s, len, &t))
            return MOT_EDATA;
    } else {
        scan c = {s, s + len};
        if (!parse_iso(&c, &t))
            return MOT_EDATA;
    }
    *out = t;
    return MOT_OK;
}

/* Years outside 0..9999 are written in ISO 8601's expanded form with a
** sign ("+33658-...", "-0001-..."), which needs more than 21 bytes and is
** cut short by a smaller buffer; mot_parse_time does not read it back. */
/* Split t into whole days since the epoch and the seconds into the day
** (0..86399). */
static int64_t split_days(int64_t t, int64_t *secs)
{
    int64_t days = t / SECONDS_PER_DAY;
    *secs = t % SECONDS_PER_DAY;
    if (*secs < 0) {
        *secs += SECONDS_PER_DAY;
        days--;
    }
    return days;
}

void mot_time_date(int64_t t, int64_t *year, int *month, int *day)
{
    int64_t secs;
    civil_from_days(split_days(t, &secs), year, month, day);
}

void mot_format_time(int64_t t, char *buf, size_t n)
{
    int64_t secs, y;
    int m, d;
    civil_from_days(split_days(t, &secs), &y, &m, &d);
    const char *sign = y < 0 ? "-" : y > 9999 ? "+" : "";
    snprintf(buf, n, "%s%04lld-%02d-%02dT%02d:%02d:%02dZ", sign,
             (long long)(y < 0 ? -y : y), m, d, (int)(secs / 3600),
             (int)(secs / 60 % 60), (int)(secs % 60));
}
