/*
** output.c: what the report commands share: their --format and --lang
** options, printing the problems a load found, and printing a report only
** once it has been rendered whole (into memory), so that a failure never
** leaves half a report on stdout.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cli_get_report_options(const char *cmd, const cli_args *a,
                           cli_report_options *out)
{
    const char *format = cli_get(a, "format", "text");
    const char *lang = cli_get(a, "lang", "en");
    if (strcmp(format, "text") == 0)
        out->json = 0;
    else if (strcmp(format, "json") == 0)
        out->json = 1;
    else
        return cli_usage(cmd, "--format must be text or json, found '%s'",
                         format);
    if (strcmp(lang, "en") != 0 && strcmp(lang, "zh") != 0)
        return cli_usage(cmd, "--lang must be en or zh, found '%s'", lang);
    out->lang = lang;
    return 0;
}

void cli_print_diag(const mot_diag *d, size_t max_errors)
{
    for (size_t i = 0; i < d->n; i++)
        cli_print_error(&d->items[i]);
    if (d->total > d->n)
        fprintf(stderr, "... and %zu more problems (%zu shown; --max-errors "
                "to see more)\n", d->total - d->n, d->n);
    else if (d->total >= max_errors)
        fprintf(stderr, "... stopped after %zu problems; --max-errors N to "
                "see more\n", d->total);
}

int cli_emit(const char *cmd, cli_render_fn render, const void *ctx)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) {
        fprintf(stderr, "mot %s: out of memory\n", cmd);
        return mot_status_exit_code(MOT_ENOMEM);
    }
    mot_status st = render(m, ctx);
    if (fclose(m) != 0 && st == MOT_OK)
        st = MOT_ENOMEM;
    if (st == MOT_OK && (fwrite(buf, 1, len, stdout) != len ||
                         fflush(stdout) != 0))
        st = MOT_EIO;
    free(buf);
    if (st != MOT_OK) {
        fprintf(stderr, "mot %s: cannot write the report: %s\n", cmd,
                mot_strerror(st));
        return mot_status_exit_code(st);
    }
    return EXIT_OK;
}
