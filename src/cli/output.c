/*
** output.c: what the report commands share: their --format and --lang
** options, printing the problems a load found, choosing the report
** language, and publishing a report. A report is rendered whole into
** memory first; only then is it written, to stdout or to a file via a
** temporary name renamed into place, so a failure never leaves a
** half-written report behind (DESIGN §2).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Both readers: md says whether --format md is accepted. */
static int report_options(const char *cmd, const cli_args *a, int md,
                          cli_report_options *out)
{
    const char *format = cli_get(a, "format", "text");
    int lang = -1;
    int rc = cli_lang_option(cmd, a, &lang);
    if (rc)
        return rc;
    if (lang < 0)
        lang = (int)cli_default_lang(NULL);
    out->json = out->md = 0;
    if (strcmp(format, "json") == 0)
        out->json = 1;
    else if (md && strcmp(format, "md") == 0)
        out->md = 1;
    else if (strcmp(format, "text") != 0)
        return cli_usage(cmd, "--format must be text%s or json, found '%s'",
                         md ? ", md" : "", format);
    out->lang = lang == MOT_LANG_ZH ? "zh" : "en";
    return 0;
}

int cli_get_report_options(const char *cmd, const cli_args *a,
                           cli_report_options *out)
{
    return report_options(cmd, a, 0, out);
}

int cli_get_doc_report_options(const char *cmd, const cli_args *a,
                               cli_report_options *out)
{
    return report_options(cmd, a, 1, out);
}

void cli_print_diag(const mot_diag *d, size_t max_errors)
{
    for (size_t i = 0; i < d->n; i++)
        cli_print_error(&d->items[i]);
    if (d->total > d->n)
        fprintf(stderr, "... and %zu more problems (%zu shown; "
                "'mot check --max-errors N' shows more)\n",
                d->total - d->n, d->n);
    else if (d->total >= max_errors)
        fprintf(stderr, "... stopped after %zu problems; "
                "'mot check --max-errors N' shows more\n", d->total);
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
    if (st != MOT_OK) {
        free(buf);
        fprintf(stderr, "mot %s: cannot write the report: %s\n", cmd,
                mot_strerror(st));
        return mot_status_exit_code(st);
    }
    int rc = cli_write_output(cmd, NULL, buf, len);
    free(buf);
    return rc;
}

int cli_write_output(const char *cmd, const char *path, const char *data,
                     size_t len)
{
    if (!path || strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            fprintf(stderr, "mot %s: cannot write to standard output: %s\n",
                    cmd, strerror(errno));
            return EXIT_IO;
        }
        return EXIT_OK;
    }
    size_t n = strlen(path) + sizeof ".tmp";
    char *tmp = malloc(n);
    if (!tmp) {
        fprintf(stderr, "mot %s: out of memory\n", cmd);
        return mot_status_exit_code(MOT_ENOMEM);
    }
    snprintf(tmp, n, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(data, 1, len, f) == len;
    int saved = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = 0;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        saved = errno;
    }
    if (!ok) {
        fprintf(stderr, "mot %s: cannot write %s: %s\n", cmd, path,
                strerror(saved));
        if (f)
            remove(tmp);
    }
    free(tmp);
    return ok ? EXIT_OK : EXIT_IO;
}

int cli_lang_option(const char *cmd, const cli_args *a, int *lang)
{
    const char *v = cli_get(a, "lang", NULL);
    if (!v)
        *lang = -1;
    else if (strcmp(v, "en") == 0)
        *lang = MOT_LANG_EN;
    else if (strcmp(v, "zh") == 0)
        *lang = MOT_LANG_ZH;
    else
        return cli_usage(cmd, "--lang must be en or zh, found '%s'", v);
    return EXIT_OK;
}

mot_lang cli_default_lang(const mot_project *p)
{
    const char *lang = p ? p->config.lang : "";
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; !lang[0] && i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            lang = v;
    }
    return lang[0] == 'z' && lang[1] == 'h' ? MOT_LANG_ZH : MOT_LANG_EN;
}
