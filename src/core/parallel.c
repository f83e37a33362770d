/*
** parallel.c: a fork-join helper over POSIX threads.
**
** A job is split in parts that share nothing writable; part 0 runs on the
** calling thread and parts 1.. on new threads, which are joined before
** mot_parallel_run returns. Thread creation failing is not an error: that
** part runs on the caller after the others have been started, so results
** never depend on how many threads actually ran.
*/
#include <assert.h>
#include <pthread.h>
#include <unistd.h>

#include "core/parallel.h"

typedef struct part_arg {
    mot_part_fn fn;
    void *ctx;
    unsigned part, nparts;
} part_arg;

static void *part_main(void *arg)
{
    part_arg *a = arg;
    a->fn(a->ctx, a->part, a->nparts);
    return NULL;
}

unsigned mot_parallel_threads(unsigned threads, size_t work)
{
    if (threads == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores > 0 ? (unsigned)(cores < MOT_MAX_THREADS
                                             ? cores : MOT_MAX_THREADS)
                            : 1u;
    }
    if (threads > MOT_MAX_THREADS)
        threads = MOT_MAX_THREADS;
    if (work > 0 && threads > work)
        threads = (unsigned)work;
    return threads ? threads : 1u;
}

size_t mot_parallel_lo(size_t n, unsigned part, unsigned nparts)
{
    /* n * part / nparts without overflow for any n that fits in size_t */
    return n / nparts * part + n % nparts * part / nparts;
}

void mot_parallel_run(unsigned nparts, mot_part_fn fn, void *ctx)
{
    pthread_t tid[MOT_MAX_THREADS];
    part_arg arg[MOT_MAX_THREADS];
    int started[MOT_MAX_THREADS];
    assert(nparts >= 1 && nparts <= MOT_MAX_THREADS);
    for (unsigned i = 0; i < nparts; i++) {
        arg[i] = (part_arg){fn, ctx, i, nparts};
        started[i] = i > 0 &&
                     pthread_create(&tid[i], NULL, part_main, &arg[i]) == 0;
    }
    fn(ctx, 0, nparts);
    for (unsigned i = 1; i < nparts; i++) {
        if (started[i])
            pthread_join(tid[i], NULL);
        else
            fn(ctx, i, nparts);
    }
}
