/*
** project.c: loading and analysing a project folder, for every command
** that reads one.
**
** Loading reports every problem found the same way whichever command
** asked (file:line:column: message on stderr, then how many there were),
** so `mot analyze` on a broken folder says what `mot check` says of the
** files and columns the analysis reads (the others it does not read).
** The tickets part of the analysis reads events.csv on the analysis's
** own load (reading it twice cost seconds on big projects), and
** tickets.csv and the events' staff, branch and expected columns are
** freed before the features are made (mot_project_drop), so they are
** never in memory together.
*/
#include <stdio.h>
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

int cli_analyse(const char *cmd, const char *dir, mot_project *p,
                const mot_analyse_options *opt, mot_analysis **out)
{
    mot_error err;
    mot_error_clear(&err);
    mot_features *f = NULL;
    mot_analysis *a = NULL;
    mot_status st = mot_features_derive(p, opt->threads, &f, &err);
    if (st == MOT_OK)
        st = mot_project_drop(p, MOT_SKIP_EVENT_EXTRA);
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

/* The tickets part of `mot analyze` on p (loaded with tickets.csv and the
** events' staff, branch and expected) into *tk and *cs; then the tables
** only it used are freed. */
static int tickets_part(const char *cmd, mot_project *p, unsigned threads,
                        mot_tickets_result **tk, mot_consistency_result **cs)
{
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_analyse_tickets(p, threads, tk, cs, &err);
    if (st == MOT_OK &&
        (st = mot_project_drop(p, MOT_SKIP_TICKETS |
                                   MOT_SKIP_EVENT_DETAIL)) != MOT_OK)
        mot_error_set(&err, st, NULL, 0, 0, "%s", mot_strerror(st));
#if defined(__GLIBC__)
    /* give the freed pages back before the features are made */
    malloc_trim(0);
#endif
    return tickets_exit(cmd, st, &err);
}

int cli_analyse_project(const char *cmd, const char *dir, unsigned skip,
                        int with_tickets, const mot_analyse_options *opt,
                        mot_project **pp, mot_analysis **out)
{
#if defined(__GLIBC__)
    /* glibc raises its mmap threshold (up to 32 MiB) each time a big
       mmapped block is freed; the arrays made after that would then come
       from the heap and fragment it (bench/README.md): keep the default */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    /* the tickets part reads tickets.csv and events.csv's staff, branch
       and expected on the same load, freed before the features are made */
    with_tickets = with_tickets && mot_project_has_file(dir, "tickets");
    if (with_tickets)
        skip = (skip & ~(MOT_SKIP_TICKETS | MOT_SKIP_EVENT_DETAIL)) |
               MOT_SKIP_EVENT_JOURNEY;
    mot_project *p;
    mot_analysis *a = NULL;
    mot_tickets_result *tk = NULL;
    mot_consistency_result *cs = NULL;
    int rc = load_project(cmd, dir, 100, skip, opt->threads, &p);
    if (rc)
        return rc;
    if ((with_tickets &&
         (rc = tickets_part(cmd, p, opt->threads, &tk, &cs))) ||
        (rc = cli_analyse(cmd, dir, p, opt, &a))) {
        mot_tickets_result_free(tk);
        mot_consistency_result_free(cs);
        mot_project_free(p);
        return rc;
    }
    a->tickets = tk;        /* the analysis owns them from here */
    a->consistency = cs;
    *pp = p;
    *out = a;
    return EXIT_OK;
}
