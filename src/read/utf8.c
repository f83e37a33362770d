/*
** utf8.c: UTF-8 validation (see utf8.h).
**
** The loop takes 32 bytes, then eight, at a time while they are all ASCII
** and none is NUL, which is nearly all of a typical CSV file; other bytes
** go through a direct check of the lead byte and the allowed range of each
** continuation byte (Unicode table 3-7), so overlongs, surrogates and code
** points above U+10FFFF are rejected at their lead byte.
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
        while (n - i >= 32) {       /* four words at a time, all plain */
            uint64_t v[4];
            memcpy(v, s + i, sizeof v);
            if (not_plain_ascii(v[0]) | not_plain_ascii(v[1]) |
                not_plain_ascii(v[2]) | not_plain_ascii(v[3]))
                break;
            i += 32;
        }
        if (i == n)
            break;
        if (n - i >= 8) {
            memcpy(&w, s + i, 8);
            if (!not_plain_ascii(w)) {
                i += 8;
                continue;
            }
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
