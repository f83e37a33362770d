/*
** maxstat_int.h: the change-point scan of maxstat.c from rows counted one
** at a time (not public). A caller scanning many measures of the same
** rows (tolerance.c: three per touchpoint) can count them all in one pass
** over its data instead of building an x array per measure: each measure
** keeps a tally of the rows and events at each of its distinct values.
** The scan of a tally is mot_maxstat_scan of the rows counted, number for
** number (only the rows and events at each distinct x enter it). A tally
** gives up (ok = 0) on more than MOT_TALLY_MAX distinct values, an
** infinite x, an outcome other than 0/1 or a -0: the caller then scans
** the rows with mot_maxstat_scan, which handles them.
*/
#ifndef MOT_STATS_MAXSTAT_INT_H
#define MOT_STATS_MAXSTAT_INT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mot/error.h"
#include "mot/stats.h"

/* Most distinct values of a tally, and its hash slots (a power of two, at
** least twice as many). */
#define MOT_TALLY_MAX 256
#define MOT_TALLY_SLOTS 512

typedef struct mot_maxstat_tally {
    int ok;                         /* 0: gave up, scan the rows instead */
    size_t rows, skipped;           /* rows counted; rows with a NAN */
    double events;                  /* their outcomes' sum, in row order */
    size_t n;                       /* distinct values */
    double value[MOT_TALLY_MAX];    /* in the order met */
    size_t count[MOT_TALLY_MAX];    /* rows of each */
    double ev[MOT_TALLY_MAX];       /* events of each */
    int16_t slot[MOT_TALLY_SLOTS];  /* index into value, -1 empty */
} mot_maxstat_tally;

/* An empty tally. */
void mot_maxstat_tally_init(mot_maxstat_tally *t);

/* Count the row (x, y): skipped when either is NAN; gives up (ok = 0)
** as the file comment says. Returns t->ok. */
static inline int mot_maxstat_tally_add(mot_maxstat_tally *t, double x,
                                        double y)
{
    if (!t->ok)
        return 0;
    if (isnan(x) || isnan(y)) {
        t->skipped++;
        return 1;
    }
    if (isinf(x) || (y != 0 && y != 1) || (x == 0 && signbit(x)))
        return t->ok = 0;
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    bits *= UINT64_C(0x9E3779B97F4A7C15);
    size_t h = (size_t)(bits >> 55);
    for (;; h = (h + 1) % MOT_TALLY_SLOTS) {
        int16_t i = t->slot[h];
        if (i >= 0 && t->value[i] == x)
            break;
        if (i < 0) {
            if (t->n == MOT_TALLY_MAX)
                return t->ok = 0;
            t->value[t->n] = x;
            t->count[t->n] = 0;
            t->ev[t->n] = 0;
            t->slot[h] = (int16_t)t->n++;
            break;
        }
    }
    size_t k = (size_t)t->slot[h];
    t->count[k]++;
    t->ev[k] += y;
    t->events += y;
    t->rows++;
    return 1;
}

/* The scan of the rows counted in t (t->ok), as mot_maxstat_scan of them
** with options o (NULL: the defaults; perm must be 0). MOT_EUSAGE for bad
** options, a tally that gave up or perm > 0; MOT_ENOMEM. */
mot_status mot_maxstat_tally_scan(const mot_maxstat_tally *t,
                                  const mot_maxstat_opts *o,
                                  mot_maxstat *res, mot_error *err);

#endif /* MOT_STATS_MAXSTAT_INT_H */
