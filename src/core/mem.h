/*
** mem.h: huge-page advice for big arrays (not public).
**
** Page faults and TLB misses are costly, in virtual machines above all:
** the first write to each 4 KiB page of a new array traps into the kernel,
** and random access over tens of MiB (a hash table's slots) misses the TLB
** on nearly every probe. Linux backs memory with 2 MiB transparent huge
** pages only where advised when transparent_hugepage is "madvise"
** (Debian's default).
*/
#ifndef MOT_CORE_MEM_H
#define MOT_CORE_MEM_H

#include <stddef.h>

/* A huge page, and below how many bytes an array gets no advice. */
#define MOT_MEM_HUGE ((size_t)2 << 20)
#define MOT_MEM_HUGE_MIN MOT_MEM_HUGE

/* malloc(n) for a big array that will be written through (n == 0 gives a
** block of one byte): from MOT_MEM_HUGE_MIN bytes on, the block starts on
** a huge-page boundary and the whole huge pages in it are advised, so
** that only its last partial huge page is faulted in 4 KiB pages. NULL if
** the allocation fails. Free it with free(); it may be shrunk with
** realloc, but growing it with realloc loses the alignment. */
void *mot_mem_alloc(size_t n);

/* calloc(n, size) the same way: zeroed, NULL on overflow or failure. */
void *mot_mem_calloc(size_t n, size_t size);

/* Advise huge pages for the whole 2 MiB pages inside the n bytes at p
** (from malloc or mmap), when n >= MOT_MEM_HUGE_MIN. Advice only: nothing
** changes for the caller, and nothing happens where the system has no
** such advice or p is NULL. The block must not be grown with realloc
** afterwards (the advice splits its mapping, so realloc would copy). */
void mot_mem_huge(void *p, size_t n);

#endif /* MOT_CORE_MEM_H */
