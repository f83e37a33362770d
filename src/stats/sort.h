/*
** sort.h: stable radix sorts of 64-bit keys for the analysis's large
** arrays (not public): a million rows sort in at most six passes over
** them, where qsort makes some twenty comparisons a row. The keys of doubles keep the
** order of the values, so that a sort by key is a sort by value.
*/
#ifndef MOT_STATS_SORT_H
#define MOT_STATS_SORT_H

#include <stddef.h>
#include <stdint.h>

/* A key and what travels with it. */
typedef struct mot_kv {
    uint64_t key;
    uint64_t val;
} mot_kv;

/* An unsigned key in the order of the double x: x < y exactly when
** key(x) < key(y), for every x and y not NAN; -0 has the key of 0 (they
** are equal). mot_key_double gives back the value (0 for -0). */
uint64_t mot_key_of_double(double x);
double mot_key_double(uint64_t key);

/* Sort k[0..n-1] ascending, with tmp (n keys) as scratch. Returns where
** the sorted keys are: k or tmp. Never fails. */
uint64_t *mot_sort_u64(uint64_t *k, uint64_t *tmp, size_t n);

/* Sort kv[0..n-1] by ascending key, stably (equal keys keep their order),
** with tmp (n pairs) as scratch. Returns where the sorted pairs are: kv or
** tmp. Never fails. */
mot_kv *mot_sort_kv(mot_kv *kv, mot_kv *tmp, size_t n);

#endif /* MOT_STATS_SORT_H */
