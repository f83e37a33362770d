/*
** cmd_analyze.c: `mot analyze DIR`, the main job: find, explain and rank
** the moments of truth of the project in DIR, and report them.
**
** The command loads the project (reporting every problem as `mot check`
** does), derives the per-customer features, runs the analysis, renders
** the report whole into memory and only then publishes it on stdout or
** in the -o file, so a failure leaves no partial report. When the folder
** has tickets.csv, the tickets part (what `mot tickets` shows; the HTML's
** blueprint marks its fail and wait points) is analysed first, on the
** same load, and what only it reads is freed before the features are
** made. `mot peakend`
** (cmd_peakend.c) is the same command reporting only the peak-end part.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_MD, FORMAT_HTML } format;

/* Render the report of a (the whole of it, or only the peak-end part) in
** format fm into a new string *out of *len bytes. */
static mot_status render(const mot_project *p, const mot_analysis *a,
                         const mot_tickets_result *tk, format fm,
                         mot_lang lang, int peak_end_only, char **out,
                         size_t *len)
{
    *out = NULL;
    FILE *m = open_memstream(out, len);
    if (!m)
        return MOT_ENOMEM;
    mot_status st = MOT_OK;
    switch (fm) {
    case FORMAT_TEXT:
        st = peak_end_only ? mot_report_peak_end_text(p, a, m, lang)
                           : mot_report_text(p, a, m, lang);
        break;
    case FORMAT_JSON:
        st = peak_end_only ? mot_report_peak_end_json(p, a, m, 1)
                           : mot_report_json(p, a, m, 1);
        break;
    case FORMAT_MD:
        st = peak_end_only ? mot_report_peak_end_md(p, a, m, lang)
                           : mot_report_md(p, a, m, lang);
        break;
    case FORMAT_HTML:
        st = mot_report_html(p, a, tk, m, lang);
        break;
    }
    if (fclose(m) != 0 && st == MOT_OK)
        st = MOT_ENOMEM;
    if (st != MOT_OK) {
        free(*out);
        *out = NULL;
    }
    return st;
}

/* The --format option: 0 with *fm set, or 64 after a usage message. */
static int format_option(const char *cmd, const cli_args *a, format *fm)
{
    const char *v = cli_get(a, "format", "text");
    if (strcmp(v, "text") == 0)
        *fm = FORMAT_TEXT;
    else if (strcmp(v, "json") == 0)
        *fm = FORMAT_JSON;
    else if (strcmp(v, "md") == 0)
        *fm = FORMAT_MD;
    else if (strcmp(v, "html") == 0 && strcmp(cmd, "analyze") == 0)
        *fm = FORMAT_HTML;
    else if (strcmp(cmd, "analyze") == 0)
        return cli_usage(cmd, "--format must be text, json, md or html, "
                         "found '%s'", v);
    else
        return cli_usage(cmd, "--format must be text, json or md, found '%s'", v);
    return EXIT_OK;
}

/* --threads, --seed, --bootstrap, --ipa-crosshair and --repeat-days into
** *o (defaults elsewhere). */
int cli_analyse_options(const char *cmd, const cli_args *a,
                        mot_analyse_options *o)
{
    unsigned long threads, seed, boot, repeat;
    mot_analyse_options_default(o);
    int rc;
    if ((rc = cli_get_ulong(cmd, a, "threads", o->threads, &threads)) ||
        (rc = cli_get_ulong(cmd, a, "repeat-days",
                            (unsigned long)o->repeat_days, &repeat)) ||
        (rc = cli_get_ulong(cmd, a, "seed", (unsigned long)o->seed, &seed)) ||
        (rc = cli_get_ulong(cmd, a, "bootstrap", o->bootstrap, &boot)))
        return rc;
    if (threads > 1024)
        return cli_usage(cmd, "--threads must be at most 1024, found %lu",
                         threads);
    if (boot > 100000)
        return cli_usage(cmd, "--bootstrap must be at most 100000, found %lu",
                         boot);
    if (repeat < 1 || repeat > 3650)
        return cli_usage(cmd, "--repeat-days must be 1 to 3650, found %lu",
                         repeat);
    o->repeat_days = (double)repeat;
    o->threads = (unsigned)threads;
    o->seed = (uint64_t)seed;
    o->bootstrap = (unsigned)boot;
    const char *ipa = cli_get(a, "ipa-crosshair", "means");
    if (strcmp(ipa, "midpoint") == 0)
        o->ipa_midpoint = 1;
    else if (strcmp(ipa, "means") != 0)
        return cli_usage(cmd, "--ipa-crosshair must be means or midpoint, "
                         "found '%s'", ipa);
    return EXIT_OK;
}

int cli_analysis_command(const char *cmd, int argc, char **argv,
                         int peak_end_only)
{
    static const char *const with_value[] = {
        "format", "out", "lang", "threads", "segment", "seed", "bootstrap",
        "ipa-crosshair", "repeat-days", NULL};
    static const cli_spec spec = {with_value, NULL, 1, 1};
    cli_args a;
    int rc = cli_parse(cmd, &spec, argc - 1, argv + 1, &a);
    if (rc)
        return rc;
    format fm = FORMAT_TEXT;
    int lang = -1;
    mot_analyse_options opt;
    if ((rc = format_option(cmd, &a, &fm)) ||
        (rc = cli_lang_option(cmd, &a, &lang)) ||
        (rc = cli_analyse_options(cmd, &a, &opt)))
        return rc;
    const char *segment = cli_get(&a, "segment", NULL);
    if (segment && peak_end_only)
        return cli_usage(cmd, "--segment is an option of mot analyze");
    if (segment && !*segment)
        return cli_usage(cmd, "--segment needs a customers.csv column");
    const char *out = cli_get(&a, "out", NULL);
    if (out && !*out)
        return cli_usage(cmd, "-o needs a file name");

    mot_project *p;
    mot_analysis *an;
    /* the peak-end report shows neither the tickets nor the behaviour
       part */
    unsigned skip = peak_end_only ? MOT_SKIP_BEHAVIOUR : MOT_SKIP_ANALYSIS;
    if ((rc = cli_analyse_project(cmd, a.arg[0], skip, !peak_end_only, &opt,
                                  &p, &an)))
        return rc;
    if (segment) {
        mot_error err = {0};
        mot_status sst = mot_analyse_segments(p, segment, &opt, an, &err);
        if (sst != MOT_OK) {
            mot_analysis_free(an);
            mot_project_free(p);
            if (sst == MOT_EUSAGE)
                return cli_usage(cmd, "--segment %s: %s", segment,
                                 err.message);
            fprintf(stderr, "mot %s: --segment %s: %s\n", cmd, segment,
                    err.message[0] ? err.message : mot_strerror(sst));
            return mot_status_exit_code(sst);
        }
    }
    char *text;
    size_t len;
    mot_status st = render(p, an, an->tickets, fm,
                           lang < 0 ? cli_default_lang(p) : (mot_lang)lang,
                           peak_end_only, &text, &len);
    mot_analysis_free(an);
    mot_project_free(p);
    if (st != MOT_OK) {
        fprintf(stderr, "mot %s: cannot render the report: %s\n", cmd,
                mot_strerror(st));
        return mot_status_exit_code(st);
    }
    rc = cli_write_output(cmd, out, text, len);
    free(text);
    return rc;
}

int cmd_analyze(int argc, char **argv)
{
    return cli_analysis_command("analyze", argc, argv, 0);
}
