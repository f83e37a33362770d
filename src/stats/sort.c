/*
** sort.c: LSD radix sorts of 64-bit keys (sort.h), 11 bits a pass: each
** pass counts the digits, turns the counts into starts and moves every
** key to its digit's next slot, which keeps equal keys in order (stable).
** A digit that every key shares (the high bits of small counts, the low
** bits of doubles made from floats) costs its counting pass only. The
** counts live on the stack (2048 entries): nothing is allocated, so
** nothing can fail.
*/
#include <string.h>

#include "stats/sort.h"

enum { DIGIT_BITS = 11, DIGITS = 1 << DIGIT_BITS };

uint64_t mot_key_of_double(double x)
{
    uint64_t b;
    x += 0.0;   /* -0 + 0 is +0 */
    memcpy(&b, &x, sizeof b);
    return b >> 63 ? ~b : b | UINT64_C(1) << 63;
}

double mot_key_double(uint64_t key)
{
    uint64_t b = key >> 63 ? key & ~(UINT64_C(1) << 63) : ~key;
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* Digit counts (count[d] keys with digit d, count[first] for the first
** key's) into the start of each digit in the sorted order; 0 when every
** one of the n keys has the first key's digit (nothing to move). */
static int starts(size_t *count, size_t n, size_t first)
{
    if (count[first] == n)
        return 0;
    for (size_t d = 0, at = 0; d < DIGITS; d++) {
        size_t c = count[d];
        count[d] = at;
        at += c;
    }
    return 1;
}

uint64_t *mot_sort_u64(uint64_t *k, uint64_t *tmp, size_t n)
{
    size_t count[DIGITS];
    for (unsigned shift = 0; shift < 64 && n > 1; shift += DIGIT_BITS) {
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < n; i++)
            count[(k[i] >> shift) & (DIGITS - 1)]++;
        if (!starts(count, n, (k[0] >> shift) & (DIGITS - 1)))
            continue;
        for (size_t i = 0; i < n; i++)
            tmp[count[(k[i] >> shift) & (DIGITS - 1)]++] = k[i];
        uint64_t *t = k;
        k = tmp;
        tmp = t;
    }
    return k;
}

mot_kv *mot_sort_kv(mot_kv *kv, mot_kv *tmp, size_t n)
{
    size_t count[DIGITS];
    for (unsigned shift = 0; shift < 64 && n > 1; shift += DIGIT_BITS) {
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < n; i++)
            count[(kv[i].key >> shift) & (DIGITS - 1)]++;
        if (!starts(count, n, (kv[0].key >> shift) & (DIGITS - 1)))
            continue;
        for (size_t i = 0; i < n; i++)
            tmp[count[(kv[i].key >> shift) & (DIGITS - 1)]++] = kv[i];
        mot_kv *t = kv;
        kv = tmp;
        tmp = t;
    }
    return kv;
}
