/*
** cmd_check.c: `mot check DIR`, validate a project folder.
**
** Loads every file of the project, prints each problem found on stderr as
** file:line:column: message (up to --max-errors, then how many more), and
** on success one summary line of what loaded on stdout.
*/
#include <stdio.h>

#include "cli/cli.h"

int cmd_check(int argc, char **argv)
{
    static const char *const with_value[] = {"max-errors", NULL};
    static const cli_spec spec = {with_value, NULL, 1, 1};
    cli_args a;
    int rc = cli_parse("check", &spec, argc - 1, argv + 1, &a);
    if (rc)
        return rc;
    unsigned long max_errors;
    if ((rc = cli_get_ulong("check", &a, "max-errors", 100, &max_errors)))
        return rc;
    if (max_errors == 0)
        return cli_usage("check", "--max-errors must be at least 1");

    const char *dir = a.arg[0];
    mot_diag diag;
    mot_diag_init(&diag, max_errors);
    char summary[512] = "";
    mot_load_options opt = {.max_errors = max_errors, .summary = summary,
                            .summary_size = sizeof summary};
    mot_project *p = NULL;
    mot_status st = mot_project_load(&p, dir, &opt, &diag);
    cli_print_diag(&diag, max_errors);
    if (st != MOT_OK) {
        fprintf(stderr, "mot check: %zu problem%s in %s\n", diag.total,
                diag.total == 1 ? "" : "s", dir);
        if (summary[0])
            fprintf(stderr, "rows without problems: %s\n", summary);
        mot_diag_free(&diag);
        return mot_status_exit_code(st);
    }
    printf("ok %s: %s\n", dir, summary);
    mot_project_free(p);
    mot_diag_free(&diag);
    return EXIT_OK;
}
