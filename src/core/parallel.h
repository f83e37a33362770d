/*
** parallel.h: run a job split in parts on worker threads (not public).
**
** mot_parallel_run calls fn(ctx, part, nparts) once for every part in
** 0..nparts-1, each on its own thread (the caller's thread runs part 0),
** and returns when all have finished. Parts must not share writable data:
** callers partition their work (customers, rows, replicates) by part and
** merge per-part results afterwards. If a thread cannot be started, its
** part runs on the caller's thread instead, so the job always completes
** and gives the same result.
*/
#ifndef MOT_CORE_PARALLEL_H
#define MOT_CORE_PARALLEL_H

#include <stddef.h>

/* Most threads a job uses. */
#define MOT_MAX_THREADS 64u

typedef void (*mot_part_fn)(void *ctx, unsigned part, unsigned nparts);

/* The number of threads to use for `threads` requested (0 = one per
** online core), at most MOT_MAX_THREADS and at most `work` (so that no
** part is empty when work > 0); at least 1. */
unsigned mot_parallel_threads(unsigned threads, size_t work);

/* Run fn over nparts parts (1 <= nparts <= MOT_MAX_THREADS) as above. */
void mot_parallel_run(unsigned nparts, mot_part_fn fn, void *ctx);

/* The first index of part `part` when n items are split into nparts
** nearly equal contiguous ranges (part = nparts gives n). */
size_t mot_parallel_lo(size_t n, unsigned part, unsigned nparts);

#endif /* MOT_CORE_PARALLEL_H */
