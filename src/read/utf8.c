/*
** utf8.c: UTF-8 validation (see utf8.h).
**
** The loop takes eight bytes at a time while they are all ASCII and none is
** NUL, which is nearly all of a typical CSV file; a three-byte character
** whose lead byte puts no limit on its continuation bytes (most of CJK) is
** taken whole; other bytes go through a direct check of the lead byte and
** the allowed range of each continuation byte (Unicode table 3-7), so
** overlongs, surrogates and code points above U+10FFFF are rejected at
** their lead byte.
*/
#include <stdint.h>
#include <string.h>

#include "read/utf8.h"

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Nonzero when some byte of w is NUL or has its high bit set. */
static uint64_t not_plain_ascii(uint64_t w)
{
    return (w | ((w - ONES) & ~w)) & HIGHS;
}

/* For lead byte c, the number of continuation bytes that follow and the
** allowed range of the first one; returns 0 if c cannot start a
** multi-byte character. */
static int lead_info(unsigned c, unsigned *lo, unsigned *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        return 1;
    if (c >= 0xE0 && c <= 0xEF) {
        if (c == 0xE0)
            *lo = 0xA0;         /* overlong below U+0800 */
        else if (c == 0xED)
            *hi = 0x9F;         /* surrogates U+D800..U+DFFF */
        return 2;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (c == 0xF0)
            *lo = 0x90;         /* overlong below U+10000 */
        else if (c == 0xF4)
            *hi = 0x8F;         /* above U+10FFFF */
        return 3;
    }
    return 0;
}

size_t mot_utf8_check(const unsigned char *s, size_t n, mot_utf8_end *end)
{
    size_t i = 0;
    while (i < n) {
        uint64_t w;
        if (n - i >= 8) {
            memcpy(&w, s + i, 8);
            uint64_t odd = not_plain_ascii(w);
            if (!odd) {
                i += 8;
                continue;
            }
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* past the plain bytes before the first odd one (the mask's
            ** lowest set bit is in that byte: the borrow of w - ONES runs
            ** upwards only from a byte that is zero) */
            i += (size_t)__builtin_ctzll(odd) / 8;
#endif
        }
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0) {
                *end = MOT_UTF8_NUL;
                return i;
            }
            i++;
            continue;
        }
        if (c >= 0xE1 && c != 0xED && c <= 0xEF && n - i > 2 &&
            (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            i += 3;     /* the common three bytes (CJK): no range limits */
            continue;
        }
        unsigned lo, hi;
        int need = lead_info(c, &lo, &hi);
        if (need == 0) {
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
