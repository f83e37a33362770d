/*
** mem.c: huge-page advice for big arrays (core/mem.h).
**
** A malloc'ed block starts anywhere in a page, so advice covers only the
** whole huge pages inside it: a 4 MiB array got one, and half its pages
** still came one 4 KiB fault at a time (on the benchmark's virtual
** machine a 4 KiB fault costs about 3 ms per MiB, a huge one 0.07).
** mot_mem_alloc therefore aligns big blocks on a huge page.
*/
#define _DEFAULT_SOURCE 1   /* madvise */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/mem.h"

void *mot_mem_alloc(size_t n)
{
    void *p = NULL;
    if (n < MOT_MEM_HUGE_MIN)
        return malloc(n ? n : 1);
    if (posix_memalign(&p, MOT_MEM_HUGE, n) != 0)
        return NULL;
    mot_mem_huge(p, n);
    return p;
}

void *mot_mem_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    if (n * size < MOT_MEM_HUGE_MIN)
        return calloc(n ? n : 1, size ? size : 1);
    void *p = mot_mem_alloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void mot_mem_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = MOT_MEM_HUGE;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(huge - 1);
    if (p && n >= MOT_MEM_HUGE_MIN && hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}
