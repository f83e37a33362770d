/*
** strtab.c: string interning (mot_strtab).
**
** Strings live in append-only chunks (64 KiB to 8 MiB) so pointers to
** them never move, each after its length (4 bytes) and before a NUL; an
** index array maps the dense index to the string, and an open-addressing
** hash table (linear probing, power-of-two size, load factor <= 1/2) maps
** a string to its index. Hashes are FNV-1a, stored beside the index so
** that growing never re-reads the strings.
**
** With a million ids (the customers of a big project) the table is tens
** of MiB read at random, so a lookup costs its cache and TLB misses: one
** for the slot, one for the string's pointer, one for the string with its
** length; the slots of a big table get huge pages (core/mem.h), which
** made inserting a million ids a third faster here. The index array and
** the chunks of strings (which grow with the table) get them too, for
** fewer page faults: each is written once.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "mot/strtab.h"

/* A new chunk of strings is as big as those before it together, within
** these bounds (or bigger, for one string that needs it). */
#define CHUNK_MIN (64 * 1024)
#define CHUNK_MAX (8 * 1024 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    char data[];
} chunk;

typedef struct slot {
    uint32_t index;   /* MOT_NONE when empty */
    uint32_t hash;
} slot;

struct mot_strtab {
    chunk *chunks;
    char **strs;      /* index -> string (its length in the 4 bytes
                         before it) */
    size_t count, cap;
    slot *slots;
    size_t nslots;    /* power of two */
    size_t bytes;
};

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

mot_strtab *mot_strtab_new(void)
{
    mot_strtab *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->nslots = 64;
    t->slots = malloc(t->nslots * sizeof *t->slots);
    if (!t->slots) {
        free(t);
        return NULL;
    }
    for (size_t i = 0; i < t->nslots; i++)
        t->slots[i].index = MOT_NONE;
    return t;
}

void mot_strtab_free(mot_strtab *t)
{
    if (!t)
        return;
    chunk *c = t->chunks;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(t->strs);
    free(t->slots);
    free(t);
}

/* Rehash into n slots (a power of two, more than twice the strings);
** -1 (table unchanged) if a malloc fails. */
static int resize_slots(mot_strtab *t, size_t n)
{
    slot *s = mot_mem_alloc(n * sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < n; i++)
        s[i].index = MOT_NONE;
    for (size_t i = 0; i < t->nslots; i++) {
        if (t->slots[i].index == MOT_NONE)
            continue;
        size_t j = t->slots[i].hash & (n - 1);
        while (s[j].index != MOT_NONE)
            j = (j + 1) & (n - 1);
        s[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = s;
    t->nslots = n;
    return 0;
}

/* Give the index array room for cap strings; -1 (unchanged) on failure. */
static int resize_strs(mot_strtab *t, size_t cap)
{
    char **strs = mot_mem_alloc(cap * sizeof *strs);
    if (!strs)
        return -1;
    if (t->count)
        memcpy(strs, t->strs, t->count * sizeof *strs);
    free(t->strs);
    t->strs = strs;
    t->cap = cap;
    return 0;
}

mot_status mot_strtab_reserve(mot_strtab *t, size_t n)
{
    size_t want = t->count + n, slots = t->nslots;
    if (n > ((size_t)MOT_NONE - 1) - t->count)
        return MOT_ELIMIT;
    while (want * 2 > slots)
        slots *= 2;
    if (slots != t->nslots && resize_slots(t, slots) != 0)
        return MOT_ENOMEM;
    if (want > t->cap && resize_strs(t, want) != 0)
        return MOT_ENOMEM;
    return MOT_OK;
}

/* The length of stored string p. */
static size_t stored_len(const char *p)
{
    uint32_t n;
    memcpy(&n, p - sizeof n, sizeof n);
    return n;
}

static size_t probe(const mot_strtab *t, const char *s, size_t len, uint32_t h)
{
    size_t j = h & (t->nslots - 1);
    for (;;) {
        const slot *sl = &t->slots[j];
        if (sl->index == MOT_NONE)
            return j;
        if (sl->hash == h && stored_len(t->strs[sl->index]) == len &&
            memcmp(t->strs[sl->index], s, len) == 0)
            return j;
        j = (j + 1) & (t->nslots - 1);
    }
}

uint32_t mot_strtab_find(const mot_strtab *t, const char *s, size_t len)
{
    return t->slots[probe(t, s, len, hash_bytes(s, len))].index;
}

uint32_t mot_strtab_find_near(const mot_strtab *t, const char *s, size_t len,
                              uint32_t guess)
{
    if (guess < t->count && stored_len(t->strs[guess]) == len &&
        memcmp(t->strs[guess], s, len) == 0)
        return guess;
    return mot_strtab_find(t, s, len);
}

/* Copy (s, len) into the chunks after its length, with a NUL; the copy,
** or NULL if a malloc fails. */
static char *store(mot_strtab *t, const char *s, size_t len)
{
    chunk *c = t->chunks;
    uint32_t n = (uint32_t)len;
    size_t need = sizeof n + len + 1;
    if (!c || c->size - c->used < need) {
        size_t size = t->bytes < CHUNK_MIN ? CHUNK_MIN
                      : t->bytes > CHUNK_MAX ? CHUNK_MAX : t->bytes;
        if (size < need)
            size = need;
        c = mot_mem_alloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->used = 0;
        c->size = size;
        c->next = t->chunks;
        t->chunks = c;
        t->bytes += sizeof *c + size;
    }
    char *p = c->data + c->used + sizeof n;
    memcpy(p - sizeof n, &n, sizeof n);
    memcpy(p, s, len);
    p[len] = '\0';
    c->used += need;
    return p;
}

mot_status mot_strtab_intern(mot_strtab *t, const char *s, size_t len,
                             uint32_t *index, int *added)
{
    uint32_t h = hash_bytes(s, len);
    size_t j = probe(t, s, len, h);
    if (added)
        *added = 0;
    if (t->slots[j].index != MOT_NONE) {
        *index = t->slots[j].index;
        return MOT_OK;
    }
    if (t->count >= (size_t)MOT_NONE - 1 || len > UINT32_MAX)
        return MOT_ELIMIT;
    if (t->count == t->cap && resize_strs(t, t->cap ? t->cap * 2 : 64) != 0)
        return MOT_ENOMEM;
    if ((t->count + 1) * 2 > t->nslots) {
        if (resize_slots(t, t->nslots * 2) != 0)
            return MOT_ENOMEM;
        j = probe(t, s, len, h);
    }
    char *p = store(t, s, len);
    if (!p)
        return MOT_ENOMEM;
    uint32_t i = (uint32_t)t->count++;
    t->strs[i] = p;
    t->slots[j].index = i;
    t->slots[j].hash = h;
    *index = i;
    if (added)
        *added = 1;
    return MOT_OK;
}

const char *mot_strtab_get(const mot_strtab *t, uint32_t i)
{
    assert(i < t->count);
    return t->strs[i];
}

size_t mot_strtab_count(const mot_strtab *t) { return t->count; }

size_t mot_strtab_memory(const mot_strtab *t)
{
    return sizeof *t + t->bytes + t->cap * sizeof *t->strs +
           t->nslots * sizeof *t->slots;
}
