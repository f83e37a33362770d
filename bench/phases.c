/*
** phases.c: where the time of `mot analyze` goes, phase by phase.
**
** Runs what `mot analyze --threads N` runs, through the library, and
** prints each phase's wall time, the process's CPU time (all threads)
** spent in it, the peak resident memory so far, the resident memory at
** its end and the fresh memory it was handed (fresh_now): loading the
** project
** (with MOT_SKIP_ANALYSIS, or with tickets.csv and the events' staff,
** branch and expected when the folder has tickets.csv; chunks of
** events.csv read side by side when N > 1), the tickets part
** (tickets, consistency and trends, then freeing what only it used),
** deriving the features, and the analysis (models and bootstrap). Build against a release libmot, for example:
**
**   cmake --preset release && cmake --build build/release
**   cc -O2 -Iinclude bench/phases.c build/release/libmot.a -lz -lm \
**      $(pkg-config --libs gsl openblas libutf8proc) -lpthread \
**      -o build/release/phases
**   build/release/phases build/bench-1000000 2
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <malloc.h>

#include "mot/mot.h"

/* Seconds on the clock `id`. */
static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall0, cpu0;

/* Resident memory now, MiB (VmRSS of /proc/self/status; 0 if unknown). */
static double rss_now(void)
{
    char line[256];
    double kib = 0;
    FILE *f = fopen("/proc/self/status", "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kib = strtod(line + 6, NULL);
    if (f)
        fclose(f);
    return kib / 1024.0;
}

/* Fresh memory the system has handed out so far, MiB: the process's minor
** page faults of 4 KiB, and the machine's transparent huge pages faulted
** in (thp_fault_alloc of /proc/vmstat: any process's, so run nothing
** else). Each fresh page is cleared by the kernel, which on a virtual
** machine can cost more than the work done in it. */
static double fresh_now(void)
{
    char line[256];
    double thp = 0;
    struct rusage ru;
    FILE *f = fopen("/proc/vmstat", "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "thp_fault_alloc ", 16) == 0)
            thp = strtod(line + 16, NULL);
    if (f)
        fclose(f);
    getrusage(RUSAGE_SELF, &ru);
    return thp * 2.0 + (double)ru.ru_minflt / 256.0;
}

static double fresh0;

/* Print the phase that just ended and start the next. */
static void phase(const char *name)
{
    double wall = clock_s(CLOCK_MONOTONIC), cpu =
        clock_s(CLOCK_PROCESS_CPUTIME_ID), fresh = fresh_now();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%-10s wall %6.3f s  cpu %6.3f s  peak %5.0f MiB  now %5.0f MiB"
           "  fresh %5.0f MiB\n", name, wall - wall0, cpu - cpu0,
           (double)ru.ru_maxrss / 1024.0, rss_now(), fresh - fresh0);
    wall0 = wall;
    cpu0 = cpu;
    fresh0 = fresh;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: phases DIR THREADS\n");
        return 2;
    }
    unsigned threads = (unsigned)strtoul(argv[2], NULL, 10);
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);     /* as mot analyze does */
    mot_diag diag;
    mot_project *p = NULL;
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_tickets_result *tk = NULL;
    mot_consistency_result *cs = NULL;
    mot_error err;
    mot_load_options lo;
    mot_analyse_options ao;
    memset(&lo, 0, sizeof lo);
    /* what `mot analyze` reads (src/cli/project.c): with tickets.csv also
       the events' staff, branch and expected, for the tickets part */
    int with_tickets = mot_project_has_file(argv[1], "tickets");
    lo.skip = with_tickets ? MOT_SKIP_EVENT_JOURNEY |
                                 MOT_SKIP_INTERACTION_DETAIL
                           : MOT_SKIP_ANALYSIS;
    lo.threads = threads;
    mot_analyse_options_default(&ao);
    ao.threads = threads;
    mot_diag_init(&diag, 10);
    wall0 = clock_s(CLOCK_MONOTONIC);
    cpu0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    fresh0 = fresh_now();
    if (mot_project_load(&p, argv[1], &lo, &diag) != MOT_OK) {
        fprintf(stderr, "phases: cannot load %s\n", argv[1]);
        return 1;
    }
    phase("load");
    if (with_tickets) {
        if (mot_analyse_tickets(p, threads, &tk, &cs, &err) != MOT_OK ||
            mot_project_drop(p, MOT_SKIP_TICKETS | MOT_SKIP_EVENT_DETAIL) !=
                MOT_OK) {
            fprintf(stderr, "phases: tickets: %s\n", err.message);
            return 1;
        }
        malloc_trim(0);
        phase("tickets");
    }
    if (mot_features_derive(p, threads, &f, &err) != MOT_OK) {
        fprintf(stderr, "phases: derive: %s\n", err.message);
        return 1;
    }
    phase("derive");
    if (mot_analyse(p, f, &ao, &a, &err) != MOT_OK) {
        fprintf(stderr, "phases: analyse: %s\n", err.message);
        return 1;
    }
    phase("analyse");
    mot_tickets_result_free(tk);
    mot_consistency_result_free(cs);
    mot_analysis_free(a);
    mot_features_free(f);
    mot_project_free(p);
    mot_diag_free(&diag);
    phase("free");
    return 0;
}
