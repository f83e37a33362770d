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
    mot_project *p;
    if ((rc = cli_load_project("check", dir, max_errors, 0, &p)))
        return rc;
    char summary[512];
    mot_project_summary(p, summary, sizeof summary);
    printf("ok %s: %s\n", dir, summary);
    mot_project_free(p);
    return EXIT_OK;
}
