/*
** cmd_kano.c: `mot kano FILE.csv`, the KANO analysis of one answer file.
**
** Reads the file on its own (mot_kano_load_file: the checks of kano.csv,
** problems as file:line:column on stderr, exit 65 for bad data, 66 for a
** missing file), analyses it (mot_kano_analyse) and prints the kano object
** of DESIGN 4 (--format json) or tables (text or md, --lang en|zh).
*/
#include <stdio.h>

#include "cli/cli.h"
#include "mot/report.h"

/* What the renderer needs. */
typedef struct kano_report {
    const mot_kano_result *r;
    cli_report_options o;
} kano_report;

static mot_status render(FILE *f, const void *ctx)
{
    const kano_report *k = ctx;
    if (!k->o.json)
        return k->o.md ? mot_report_kano_md(f, k->r, k->o.lang)
                          : mot_report_kano_text(f, k->r, k->o.lang);
    mot_json j;
    mot_json_init(&j, f, 1);
    mot_report_kano_json(&j, k->r);
    return mot_json_finish(&j);
}

int cmd_kano(int argc, char **argv)
{
    static const char *const with_value[] = {"format", "lang", "max-errors",
                                             NULL};
    static const char *const flags[] = {"segment", NULL};
    static const cli_spec spec = {with_value, flags, 1, 1};
    cli_args a;
    kano_report rep;
    unsigned long max_errors;
    int rc = cli_parse("kano", &spec, argc - 1, argv + 1, &a);
    if (rc || (rc = cli_get_doc_report_options("kano", &a, &rep.o)) ||
        (rc = cli_get_ulong("kano", &a, "max-errors", 100, &max_errors)))
        return rc;
    if (max_errors == 0)
        return cli_usage("kano", "--max-errors must be at least 1");

    mot_diag diag;
    mot_load_options lo = {.max_errors = max_errors};
    mot_kano *k = NULL;
    mot_diag_init(&diag, max_errors);
    mot_status st = mot_kano_load_file(&k, a.arg[0], &lo, &diag);
    cli_print_diag(&diag, max_errors);
    mot_diag_free(&diag);
    if (st != MOT_OK)
        return mot_status_exit_code(st);

    mot_kano_options ko;
    mot_kano_result *r = NULL;
    mot_error err;
    mot_kano_options_default(&ko);
    ko.by_segment = cli_get(&a, "segment", NULL) != NULL;
    mot_error_clear(&err);
    st = mot_kano_analyse(k, NULL, &ko, &r, &err);
    mot_kano_free(k);
    if (st != MOT_OK) {
        cli_print_error(&err);
        return mot_status_exit_code(st);
    }
    rep.r = r;
    rc = cli_emit("kano", render, &rep);
    mot_kano_result_free(r);
    return rc;
}
