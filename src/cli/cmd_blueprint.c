/*
** cmd_blueprint.c: `mot blueprint DIR`, the service blueprint as SVG.
**
** Loads the project; when it has events (and --no-analysis is not given)
** analyses it as `mot analyze` does, so the boxes carry their numbers and
** the moments of truth their colours, and its tickets.csv when there is
** one, for the fail and wait points (tickets past their standards); renders the drawing into memory
** (mot_blueprint_svg) and publishes it whole, to -o FILE or stdout.
*/
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "mot/blueprint_svg.h"

int cmd_blueprint(int argc, char **argv)
{
    static const char *const with_value[] = {"out", "lang", "threads", "seed",
                                             "bootstrap", NULL};
    static const char *const flags[] = {"no-analysis", NULL};
    static const cli_spec spec = {with_value, flags, 1, 1};
    cli_args a;
    int lang = -1;
    mot_analyse_options opt;
    int rc = cli_parse("blueprint", &spec, argc - 1, argv + 1, &a);
    if (rc || (rc = cli_lang_option("blueprint", &a, &lang)) ||
        (rc = cli_analyse_options("blueprint", &a, &opt)))
        return rc;
    const char *out = cli_get(&a, "out", NULL);
    if (out && !*out)
        return cli_usage("blueprint", "-o needs a file name");

    mot_project *p;
    int plain = cli_get(&a, "no-analysis", NULL) != NULL;
    if ((rc = cli_load_project("blueprint", a.arg[0], 100,
                               plain ? MOT_SKIP_BEHAVIOUR
                                     : MOT_SKIP_BEHAVIOUR & ~MOT_SKIP_TICKETS,
                               &p)))
        return rc;
    mot_analysis *an = NULL;
    mot_tickets_result *tk = NULL;
    if (p->events && p->events->n > 0 && !plain &&
        (rc = cli_analyse("blueprint", a.arg[0], p, &opt, &an))) {
        mot_project_free(p);
        return rc;
    }
    if (!plain && (rc = cli_tickets_if_any("blueprint", p, &tk))) {
        mot_analysis_free(an);
        mot_project_free(p);
        return rc;
    }
    char *svg = NULL;
    size_t len = 0;
    mot_status st = MOT_ENOMEM;
    FILE *m = open_memstream(&svg, &len);
    if (m) {
        st = mot_blueprint_svg(&p->blueprint, an, tk,
                               lang < 0 ? cli_default_lang(p) : (mot_lang)lang,
                               m);
        if (fclose(m) != 0 && st == MOT_OK)
            st = MOT_ENOMEM;
    }
    mot_tickets_result_free(tk);
    mot_analysis_free(an);
    mot_project_free(p);
    if (st != MOT_OK) {
        free(svg);
        fprintf(stderr, "mot blueprint: cannot draw the blueprint: %s\n",
                mot_strerror(st));
        return mot_status_exit_code(st);
    }
    rc = cli_write_output("blueprint", out, svg, len);
    free(svg);
    return rc;
}
