/*
** cmd_unbuilt.c: the commands of DESIGN §3 that are not built yet.
**
** They exist in the dispatcher (so `mot --help` shows the whole product
** and `mot COMMAND --help` its usage) and say plainly that they are not
** available in this version, exiting 64.
*/
#include <stdio.h>

#include "cli/cli.h"

int cmd_unbuilt(int argc, char **argv)
{
    (void)argc;
    fprintf(stderr,
            "mot %s: not built yet in mot %s; 'mot check DIR' validates a "
            "project meanwhile\n",
            argv[0], mot_version());
    return EXIT_USAGE;
}
