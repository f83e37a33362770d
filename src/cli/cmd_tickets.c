/*
** cmd_tickets.c: `mot tickets DIR`, complaints and work orders against the
** service standard, service recovery, consistency across staff and
** branches, expectation against experience, and trends.
**
** Loads the project (problems as `mot check` shows them: exit 65 for bad
** data, 66 for a missing folder or blueprint), analyses its tickets.csv
** (mot_tickets_analyse; exit 66 when the folder has none) and its rated
** events (mot_consistency_analyse, with --change-date YYYY-MM-DD for a
** before/after comparison) and prints the "tickets" object (--format
** json) or a report (--format text or md, --lang en|zh).
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "mot/parse.h"
#include "mot/report.h"

/* What the renderer needs. */
typedef struct tickets_report {
    const mot_tickets_result *r;
    const mot_consistency_result *c;
    int format;            /* 0 text, 1 json, 2 md */
    mot_lang lang;
} tickets_report;

static mot_status render(FILE *f, const void *ctx)
{
    const tickets_report *t = ctx;
    if (t->format != 1)
        return mot_report_tickets_render(f, t->r, t->c, t->lang,
                                         t->format == 2);
    mot_json j;
    mot_json_init(&j, f, 1);
    mot_report_tickets_json_with(&j, t->r, t->c);
    return mot_json_finish(&j);
}

int cmd_tickets(int argc, char **argv)
{
    static const char *const with_value[] = {"format", "lang", "change-date",
                                             NULL};
    static const cli_spec spec = {with_value, NULL, 1, 1};
    cli_args a;
    int lang = -1, format = 0;
    int rc = cli_parse("tickets", &spec, argc - 1, argv + 1, &a);
    if (rc || (rc = cli_lang_option("tickets", &a, &lang)))
        return rc;
    const char *fmt = cli_get(&a, "format", "text");
    if (strcmp(fmt, "json") == 0)
        format = 1;
    else if (strcmp(fmt, "md") == 0)
        format = 2;
    else if (strcmp(fmt, "text") != 0)
        return cli_usage("tickets", "--format must be text, json or md, "
                         "found '%s'", fmt);
    mot_consistency_options co;
    mot_consistency_options_default(&co);
    const char *when = cli_get(&a, "change-date", NULL);
    if (when && (strlen(when) != 10 ||
                 mot_parse_time(when, strlen(when), &co.change_time) !=
                     MOT_OK))
        return cli_usage("tickets", "--change-date must be a date "
                         "YYYY-MM-DD, found '%s'", when);

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
    mot_consistency_result *c = NULL;
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_tickets_analyse(p, NULL, &r, &err);
    if (st == MOT_OK)
        st = mot_consistency_analyse(p, &co, &c, &err);
    tickets_report rep = {r, c, format,
                          lang >= 0 ? (mot_lang)lang : cli_default_lang(p)};
    mot_project_free(p);
    if (st != MOT_OK) {
        mot_tickets_result_free(r);
        cli_print_error(&err);
        return mot_status_exit_code(st);
    }
    rc = cli_emit("tickets", render, &rep);
    mot_tickets_result_free(r);
    mot_consistency_result_free(c);
    return rc;
}
