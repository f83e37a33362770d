/*
** mem.c: huge-page advice for big arrays (core/mem.h).
*/
#define _DEFAULT_SOURCE 1   /* madvise */
#include <stdint.h>
#include <sys/mman.h>

#include "core/mem.h"

void mot_mem_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(huge - 1);
    if (p && n >= MOT_MEM_HUGE_MIN && hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}
