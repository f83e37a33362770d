/*
** cmd_demo.c: `mot demo`, write a synthetic project with planted truths.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int cmd_demo(int argc, char **argv)
{
    static const char *const with_value[] = {"scenario", "customers", "seed",
                                             "out", NULL};
    static const cli_spec spec = {with_value, NULL, 0, 0};
    cli_args a;
    int rc = cli_parse("demo", &spec, argc - 1, argv + 1, &a);
    if (rc)
        return rc;
    unsigned long customers, seed;
    if ((rc = cli_get_ulong("demo", &a, "customers", 2000, &customers)) ||
        (rc = cli_get_ulong("demo", &a, "seed", 1, &seed)))
        return rc;
    const char *out = cli_get(&a, "out", NULL);
    if (!out || !*out)
        return cli_usage("demo", "--out DIR is required");
    mot_demo_options opt = {cli_get(&a, "scenario", "telecom"), customers,
                            (uint64_t)seed};
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_demo_write(out, &opt, &err);
    if (st == MOT_EUSAGE)
        return cli_usage("demo", "%s", err.message);
    if (st != MOT_OK) {
        cli_print_error(&err);
        return mot_status_exit_code(st);
    }
    printf("wrote the %s demo (%lu customers, seed %lu) to %s\n", opt.scenario,
           customers, seed, out);
    return EXIT_OK;
}
