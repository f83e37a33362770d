/*
** cmd_behaviour.c: `mot behaviour DIR`, front-line MOT behaviour by step
** and staff member, coaching priorities and the training effect.
**
** Loads the project (problems as `mot check` shows them: exit 65 for bad
** data, 66 for a missing folder or blueprint), analyses its
** interactions.csv (mot_behaviour_analyse; exit 66 when the folder has
** none) and prints the behaviour object (--format json) or a report (text
** or md, --lang en|zh).
*/
#include <stdio.h>

#include "cli/cli.h"
#include "mot/report.h"

/* What the renderer needs. */
typedef struct behaviour_report {
    const mot_behaviour_result *r;
    int json, md;
    mot_lang lang;
} behaviour_report;

static mot_status render(FILE *f, const void *ctx)
{
    const behaviour_report *t = ctx;
    if (t->md)
        return mot_report_behaviour_md(f, t->r, t->lang);
    if (!t->json)
        return mot_report_behaviour_text(f, t->r, t->lang);
    mot_json j;
    mot_json_init(&j, f, 1);
    mot_report_behaviour_json(&j, t->r);
    return mot_json_finish(&j);
}

int cmd_behaviour(int argc, char **argv)
{
    static const char *const with_value[] = {"format", "lang", NULL};
    static const cli_spec spec = {with_value, NULL, 1, 1};
    cli_args a;
    cli_report_options ro;
    int lang = -1;
    int rc = cli_parse("behaviour", &spec, argc - 1, argv + 1, &a);
    if (rc || (rc = cli_get_doc_report_options("behaviour", &a, &ro)) ||
        (rc = cli_lang_option("behaviour", &a, &lang)))
        return rc;

    mot_project *p;
    if ((rc = cli_load_project("behaviour", a.arg[0], 100,
                               MOT_SKIP_TICKETS, &p)))
        return rc;
    if (!p->interactions) {
        fprintf(stderr, "mot behaviour: %s has no interactions.csv\n", a.arg[0]);
        mot_project_free(p);
        return EXIT_NOINPUT;
    }
    mot_behaviour_result *r = NULL;
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_behaviour_analyse(p, NULL, &r, &err);
    behaviour_report rep = {r, ro.json, ro.md,
                          lang >= 0 ? (mot_lang)lang : cli_default_lang(p)};
    mot_project_free(p);
    if (st != MOT_OK) {
        cli_print_error(&err);
        return mot_status_exit_code(st);
    }
    rc = cli_emit("behaviour", render, &rep);
    mot_behaviour_result_free(r);
    return rc;
}
