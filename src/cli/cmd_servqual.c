/*
** cmd_servqual.c: `mot servqual FILE.csv [--weights FILE]`, the SERVQUAL
** analysis of one answer file and, optionally, its dimension weights.
**
** Reads the files on their own (mot_servqual_load_file: the checks of
** servqual.csv and servqual_weights.csv, problems as file:line:column on
** stderr, exit 65 for bad data, 66 for a missing file), analyses them
** (mot_servqual_analyse, default options: without weights, an overall
** column gives the dimensions' derived importance with 200 bootstrap
** replicates, seed 1) and prints the servqual object of DESIGN 4
** (--format json) or tables (text, --lang en|zh).
*/
#include <stdio.h>

#include "cli/cli.h"
#include "mot/report.h"

/* What the renderer needs. */
typedef struct servqual_report {
    const mot_servqual_result *r;
    cli_report_options o;
} servqual_report;

static mot_status render(FILE *f, const void *ctx)
{
    const servqual_report *s = ctx;
    if (!s->o.json)
        return s->o.md ? mot_report_servqual_md(f, s->r, s->o.lang)
                          : mot_report_servqual_text(f, s->r, s->o.lang);
    mot_json j;
    mot_json_init(&j, f, 1);
    mot_report_servqual_json(&j, s->r);
    return mot_json_finish(&j);
}

int cmd_servqual(int argc, char **argv)
{
    static const char *const with_value[] = {"weights", "format", "lang",
                                             "max-errors", NULL};
    static const cli_spec spec = {with_value, NULL, 1, 1};
    cli_args a;
    servqual_report rep;
    unsigned long max_errors;
    int rc = cli_parse("servqual", &spec, argc - 1, argv + 1, &a);
    if (rc || (rc = cli_get_doc_report_options("servqual", &a, &rep.o)) ||
        (rc = cli_get_ulong("servqual", &a, "max-errors", 100,
                            &max_errors)))
        return rc;
    if (max_errors == 0)
        return cli_usage("servqual", "--max-errors must be at least 1");

    mot_diag diag;
    mot_load_options lo = {.max_errors = max_errors};
    mot_servqual *s = NULL;
    mot_diag_init(&diag, max_errors);
    mot_status st = mot_servqual_load_file(&s, a.arg[0],
                                           cli_get(&a, "weights", NULL), &lo,
                                           &diag);
    cli_print_diag(&diag, max_errors);
    mot_diag_free(&diag);
    if (st != MOT_OK)
        return mot_status_exit_code(st);

    mot_servqual_result *r = NULL;
    mot_error err;
    mot_error_clear(&err);
    st = mot_servqual_analyse(s, NULL, NULL, &r, &err);
    mot_servqual_free(s);
    if (st != MOT_OK) {
        cli_print_error(&err);
        return mot_status_exit_code(st);
    }
    rep.r = r;
    rc = cli_emit("servqual", render, &rep);
    mot_servqual_result_free(r);
    return rc;
}
