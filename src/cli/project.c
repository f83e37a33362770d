/*
** project.c: loading and analysing a project folder, for every command
** that reads one.
**
** Loading reports every problem found the same way whichever command
** asked (file:line:column: message on stderr, then how many there were),
** so `mot analyze` on a broken folder says what `mot check` says of the
** files and columns the analysis reads (the others it does not read).
** The tickets part of the analysis has a load of its own
** (cli_tickets_part), made and freed before the analysis's: tickets.csv
** and the events' staff, branch and expected columns are then never in
** memory together with the features.
*/
#include <stdio.h>
#include <sys/stat.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/cli.h"

/* cli_load_project reading with `threads` threads (0: one per core). */
static int load_project(const char *cmd, const char *dir, size_t max_errors,
                        unsigned skip, unsigned threads, mot_project **out)
{
    mot_diag diag;
    mot_diag_init(&diag, max_errors);
    char summary[512] = "";
    mot_load_options opt = {.max_errors = max_errors, .summary = summary,
                            .summary_size = sizeof summary, .skip = skip,
                            .threads = threads};
    mot_project *p = NULL;
    mot_status st = mot_project_load(&p, dir, &opt, &diag);
    cli_print_diag(&diag, max_errors);
    if (st != MOT_OK) {
        fprintf(stderr, "mot %s: %zu problem%s in %s\n", cmd, diag.total,
                diag.total == 1 ? "" : "s", dir);
        if (summary[0])
            fprintf(stderr, "rows without problems: %s\n", summary);
    }
    mot_diag_free(&diag);
    *out = p;
    return st == MOT_OK ? EXIT_OK : mot_status_exit_code(st);
}

int cli_load_project(const char *cmd, const char *dir, size_t max_errors,
                     unsigned skip, mot_project **out)
{
    return load_project(cmd, dir, max_errors, skip, 0, out);
}

int cli_analyse(const char *cmd, const char *dir, const mot_project *p,
                const mot_analyse_options *opt, mot_analysis **out)
{
    mot_error err;
    mot_error_clear(&err);
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_status st = mot_features_derive(p, opt->threads, &f, &err);
    if (st == MOT_OK)
        st = mot_analyse(p, f, opt, &a, &err);
    mot_features_free(f);
    if (st != MOT_OK) {
        if (!err.message[0])
            mot_error_set(&err, st, NULL, 0, 0, "%s", mot_strerror(st));
        fprintf(stderr, "mot %s: cannot analyse %s: ", cmd, dir);
        cli_print_error(&err);
        return mot_status_exit_code(st);
    }
    *out = a;
    return EXIT_OK;
}

int cli_analyse_project(const char *cmd, const char *dir, unsigned skip,
                        const mot_analyse_options *opt, mot_project **pp,
                        mot_analysis **out)
{
    mot_project *p;
    int rc = load_project(cmd, dir, 100, skip, opt->threads, &p);
    if (rc)
        return rc;
    if ((rc = cli_analyse(cmd, dir, p, opt, out))) {
        mot_project_free(p);
        return rc;
    }
    *pp = p;
    return EXIT_OK;
}

/* 0 for MOT_OK, else say on stderr why the tickets analysis failed and
** return the exit code of st. */
static int tickets_exit(const char *cmd, mot_status st, mot_error *err)
{
    if (st == MOT_OK)
        return EXIT_OK;
    if (!err->message[0])
        mot_error_set(err, st, NULL, 0, 0, "%s", mot_strerror(st));
    fprintf(stderr, "mot %s: cannot analyse the tickets: ", cmd);
    cli_print_error(err);
    return mot_status_exit_code(st);
}

int cli_tickets_if_any(const char *cmd, const mot_project *p,
                       mot_tickets_result **out)
{
    *out = NULL;
    if (!p->tickets)
        return EXIT_OK;
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_tickets_analyse(p, NULL, out, &err);
    if (st != MOT_OK)
        *out = NULL;
    return tickets_exit(cmd, st, &err);
}

/* True when dir holds tickets.csv or tickets.csv.gz (the names the loader
** reads). */
static int has_tickets(const char *dir)
{
    static const char *const names[] = {"tickets.csv", "tickets.csv.gz"};
    char path[4096];
    struct stat sb;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
            return 1;
    }
    return 0;
}

int cli_tickets_part(const char *cmd, const char *dir,
                     mot_tickets_result **tk, mot_consistency_result **cs)
{
    *tk = NULL;
    *cs = NULL;
    if (!has_tickets(dir))
        return EXIT_OK;
#if defined(__GLIBC__)
    /* glibc raises its mmap threshold (up to 32 MiB) each time a big
       mmapped block is freed; after this load is freed, the analysis's
       arrays would then come from the heap, fragmenting it: 735 MiB peak
       on the 1M benchmark instead of 674 MiB with the threshold fixed at
       its default (bench/README.md) */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    mot_project *p;
    int rc = cli_load_project(cmd, dir, 100, MOT_SKIP_INTERACTIONS |
                              MOT_SKIP_EVENT_EXTRA, &p);
    if (rc)
        return rc;
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_analyse_tickets(p, tk, cs, &err);
    mot_project_free(p);
#if defined(__GLIBC__)
    /* give the freed pages back: glibc keeps them resident otherwise,
       and the analysis's own arrays would come on top of them */
    malloc_trim(0);
#endif
    return tickets_exit(cmd, st, &err);
}
