/*
** cmd_tickets.c: `mot tickets DIR`, complaints and work orders against the
** service standard, and service recovery.
**
** Loads the project (problems as `mot check` shows them: exit 65 for bad
** data, 66 for a missing folder or blueprint), analyses its tickets.csv
** (mot_tickets_analyse; exit 66 when the folder has none) and prints the
** "tickets" object (--format json) or a report (text, --lang en|zh).
*/
#include <stdio.h>

#include "cli/cli.h"
#include "mot/report.h"

/* What the renderer needs. */
typedef struct tickets_report {
    const mot_tickets_result *r;
    int json;
    mot_lang lang;
} tickets_report;

static mot_status render(FILE *f, const void *ctx)
{
    const tickets_report *t = ctx;
    if (!t->json)
        return mot_report_tickets_text(f, t->r, t->lang);
    mot_json j;
    mot_json_init(&j, f, 1);
    mot_report_tickets_json(&j, t->r);
    return mot_json_finish(&j);
}

int cmd_tickets(int argc, char **argv)
{
    static const char *const with_value[] = {"format", "lang", NULL};
    static const cli_spec spec = {with_value, NULL, 1, 1};
    cli_args a;
    cli_report_options ro;
    int lang = -1;
    int rc = cli_parse("tickets", &spec, argc - 1, argv + 1, &a);
    if (rc || (rc = cli_get_report_options("tickets", &a, &ro)) ||
        (rc = cli_lang_option("tickets", &a, &lang)))
        return rc;

    mot_project *p;
    if ((rc = cli_load_project("tickets", a.arg[0], 100,
                               MOT_SKIP_INTERACTIONS, &p)))
        return rc;
    if (!p->tickets) {
        fprintf(stderr, "mot tickets: %s has no tickets.csv\n", a.arg[0]);
        mot_project_free(p);
        return EXIT_NOINPUT;
    }
    mot_tickets_result *r = NULL;
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_tickets_analyse(p, NULL, &r, &err);
    tickets_report rep = {r, ro.json,
                          lang >= 0 ? (mot_lang)lang : cli_default_lang(p)};
    mot_project_free(p);
    if (st != MOT_OK) {
        cli_print_error(&err);
        return mot_status_exit_code(st);
    }
    rc = cli_emit("tickets", render, &rep);
    mot_tickets_result_free(r);
    return rc;
}
