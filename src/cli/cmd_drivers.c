/*
** cmd_drivers.c: `mot drivers FILE.csv --outcome COL`, driver analysis of
** a wide table (one row per customer, one column per candidate driver).
**
** Reads the table, runs mot_drivers_analyse and renders the result (text
** or Markdown in English or Chinese, or JSON) into a memory stream, printed only when everything succeeded,
** so that an error leaves no partial output. Exit codes per DESIGN §3.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Render d as ro says into a new buffer (*buf, *len). */
static mot_status render(const mot_drivers *d, const cli_report_options *ro,
                         char **buf, size_t *len)
{
    FILE *m = open_memstream(buf, len);
    if (!m)
        return MOT_ENOMEM;
    mot_lang lang = strcmp(ro->lang, "zh") == 0 ? MOT_LANG_ZH : MOT_LANG_EN;
    mot_status st = ro->json ? mot_drivers_write_json(d, m, 1)
                    : ro->md ? mot_report_drivers_md(m, d, lang)
                             : mot_report_drivers_text(m, d, lang);
    if (fclose(m) != 0 && st == MOT_OK)
        st = MOT_ENOMEM;
    if (st != MOT_OK) {
        free(*buf);
        *buf = NULL;
    }
    return st;
}

/* Options into o; 0 or a usage exit code. */
static int options(const cli_args *a, mot_drivers_options *o,
                   cli_report_options *ro)
{
    unsigned long boot, seed, threads;
    int rc;
    mot_drivers_options_default(o);
    if ((rc = cli_get_ulong("drivers", a, "bootstrap", 200, &boot)) ||
        (rc = cli_get_ulong("drivers", a, "seed", 1, &seed)) ||
        (rc = cli_get_ulong("drivers", a, "threads", 0, &threads)))
        return rc;
    if (boot > 100000 || threads > 1024)
        return cli_usage("drivers", "--bootstrap is at most 100000 and "
                                    "--threads at most 1024");
    o->outcome = cli_get(a, "outcome", NULL);
    o->id = cli_get(a, "id", NULL);
    o->bootstrap = (unsigned)boot;
    o->seed = seed;
    o->threads = (unsigned)threads;
    if ((rc = cli_get_doc_report_options("drivers", a, ro)))
        return rc;
    if (!o->outcome || !*o->outcome)
        return cli_usage("drivers", "--outcome COL is required");
    return 0;
}

int cmd_drivers(int argc, char **argv)
{
    static const char *const with_value[] = {"outcome", "id", "format",
                                             "lang", "bootstrap", "seed",
                                             "threads", NULL};
    static const cli_spec spec = {with_value, NULL, 1, 1};
    cli_args a;
    mot_drivers_options o;
    cli_report_options ro;
    int rc = cli_parse("drivers", &spec, argc - 1, argv + 1, &a);
    if (rc || (rc = options(&a, &o, &ro)))
        return rc;
    mot_error err;
    mot_error_clear(&err);
    mot_wide *w = NULL;
    mot_drivers *d = NULL;
    char *buf = NULL;
    size_t len = 0;
    mot_status st = mot_wide_read(a.arg[0], &w, &err);
    if (st == MOT_OK)
        st = mot_drivers_analyse(w, &o, &d, &err);
    if (st == MOT_EUSAGE) {
        rc = cli_usage("drivers", "%s", err.message);
    } else if (st != MOT_OK) {
        cli_print_error(&err);
        rc = mot_status_exit_code(st);
    } else if ((st = render(d, &ro, &buf, &len)) != MOT_OK) {
        fprintf(stderr, "mot drivers: %s\n", mot_strerror(st));
        rc = mot_status_exit_code(st);
    } else if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
        fprintf(stderr, "mot drivers: cannot write the output\n");
        rc = EXIT_IO;
    }
    free(buf);
    mot_drivers_free(d);
    mot_wide_free(w);
    return rc;
}
