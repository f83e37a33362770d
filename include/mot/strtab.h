/*
** mot/strtab.h: a string table that interns strings to dense indexes.
**
** Ids (customer ids, staff ids, categories) are stored once and referred
** to by a uint32_t index, in order of first insertion, so tables can keep
** small integer columns instead of strings. Lookups are O(1) on average
** (open addressing, FNV-1a). Strings are copied into chunks owned by the
** table; a pointer returned by mot_strtab_get stays valid until the table
** is freed (chunks never move).
*/
#ifndef MOT_STRTAB_H
#define MOT_STRTAB_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "No value": the index stored for an empty field. */
#define MOT_NONE UINT32_MAX

typedef struct mot_strtab mot_strtab;

/* A new empty table, or NULL if a malloc fails. */
mot_strtab *mot_strtab_new(void);
/* Free the table and every string in it. NULL is a no-op. */
void mot_strtab_free(mot_strtab *t);

/* Index of (s, len), inserting it if new. *added (if not NULL) is set to 1
** when it was inserted. Returns MOT_ENOMEM (table unchanged) if a malloc
** fails, MOT_ELIMIT past 2^32-2 strings. */
mot_status mot_strtab_intern(mot_strtab *t, const char *s, size_t len,
                             uint32_t *index, int *added);

/* Make room for n more strings, so that interning them does not grow the
** index or the hash table (their text still goes into new chunks as
** needed). A hint: MOT_ENOMEM (table unchanged) if a malloc fails, and
** interning works the same either way. */
mot_status mot_strtab_reserve(mot_strtab *t, size_t n);

/* Index of (s, len), or MOT_NONE if it is not in the table. */
uint32_t mot_strtab_find(const mot_strtab *t, const char *s, size_t len);

/* mot_strtab_find, trying index `guess` first (any value): a lookup that
** costs no hashing when strings are looked up in the order they were added
** (customer ids in events.csv sorted like customers.csv), and one string
** comparison more when not. */
uint32_t mot_strtab_find_near(const mot_strtab *t, const char *s, size_t len,
                              uint32_t guess);

/* The NUL-terminated string at index i (i < mot_strtab_count). */
const char *mot_strtab_get(const mot_strtab *t, uint32_t i);

/* Number of distinct strings. */
size_t mot_strtab_count(const mot_strtab *t);

/* Bytes of memory the table holds (for benchmarks). */
size_t mot_strtab_memory(const mot_strtab *t);

#ifdef __cplusplus
}
#endif
#endif /* MOT_STRTAB_H */
