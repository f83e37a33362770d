/*
** cli.h: what the subcommands of the `mot` program share.
**
** The CLI is thin: each cmd_*.c parses its arguments, calls libmot and
** prints. This header gives them one argument parser, one way to print
** library errors (to stderr, as file:line:column: message) and the exit
** codes of DESIGN §3.
*/
#ifndef MOT_CLI_H
#define MOT_CLI_H

#include <stdio.h>
#include "mot/mot.h"
#include "mot/analyse.h"
#include "mot/derive.h"
#include "mot/report.h"

enum {
    EXIT_OK = 0,
    EXIT_USAGE = 64,
    EXIT_DATA = 65,
    EXIT_NOINPUT = 66,
    EXIT_IO = 74
};

/* One subcommand: name, one-line summary, usage text (printed by --help)
** and its entry point, which gets argv from the command name on
** (argv[0] is the command's name, as for a program). */
typedef struct cli_command {
    const char *name;
    const char *summary;
    const char *help;
    int (*run)(int argc, char **argv);
} cli_command;

/* ---- arguments -------------------------------------------------------- */

/* A parsed option: name without dashes, and its value (NULL for flags). */
typedef struct cli_opt {
    const char *name;
    const char *value;
} cli_opt;

/* What a command accepts: option names that take a value, and flags. */
typedef struct cli_spec {
    const char *const *with_value;   /* NULL-terminated */
    const char *const *flags;        /* NULL-terminated, may be NULL */
    int min_args, max_args;          /* positional arguments */
} cli_spec;

#define CLI_MAX_OPTS 32
#define CLI_MAX_ARGS 8

typedef struct cli_args {
    cli_opt opt[CLI_MAX_OPTS];
    int nopt;
    const char *arg[CLI_MAX_ARGS];
    int narg;
    int help;                        /* -h or --help was given */
} cli_args;

/* Parse argv (after the command name) by spec: "--name value",
** "--name=value", "-o value" (short -o only, meaning --out/-o as given in
** with_value), flags, "--" ending options. On a usage error prints
** "mot CMD: message" and a pointer to --help on stderr and returns 64;
** otherwise 0. */
int cli_parse(const char *cmd, const cli_spec *spec, int argc, char **argv,
              cli_args *out);

/* The value of option `name`, or `dflt` when it was not given. */
const char *cli_get(const cli_args *a, const char *name, const char *dflt);

/* Parse a whole non-negative integer option value; prints a usage error
** and returns 64 when it is not one, else 0. */
int cli_get_ulong(const char *cmd, const cli_args *a, const char *name,
                  unsigned long dflt, unsigned long *out);

/* ---- output ------------------------------------------------------------- */

/* Print one error as "file:line:column: message" on stderr. */
void cli_print_error(const mot_error *err);

/* Print "mot CMD: message" on stderr and return 64. */
int cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---- memory (memory.c) -------------------------------------------------- */

/* Run the program again (argv as main got it) with glibc's huge-page
** tunable set, once, where that works and MOT_HUGEPAGES is not 0 (see
** memory.c); returns only when it did not. Call before reading anything. */
void cli_huge_pages(char **argv);

/* ---- projects (project.c) ---------------------------------------------- */

/* Load the project in dir, leaving out what the MOT_SKIP_* bits of skip
** say (0: everything is read and checked), printing every problem on
** stderr as `mot check` does (at most max_errors, then how many more, then
** "mot CMD: N problems in DIR" and a summary of the rows without
** problems). Returns 0 with the project in *out (the caller frees it), or
** the exit code of the failure (65 bad data, 66 missing, ...). */
int cli_load_project(const char *cmd, const char *dir, size_t max_errors,
                     unsigned skip, mot_project **out);

/* The analysis options --threads, --seed, --bootstrap and --ipa-crosshair
** (see `mot analyze --help`) into *o, the defaults for those not given
** (a command accepts those its cli_spec names). Returns 0, or 64 after a
** usage message for a bad value. */
int cli_analyse_options(const char *cmd, const cli_args *a,
                        mot_analyse_options *o);

/* Derive and analyse project p (loaded from dir) with options opt. Once
** the features are derived, the events' waits are freed (mot_project_drop
** with MOT_SKIP_EVENT_EXTRA): the analysis reads them from the features.
** Returns 0 with the analysis in *out (the caller frees it), or an exit
** code after printing what went wrong. */
int cli_analyse(const char *cmd, const char *dir, mot_project *p,
                const mot_analyse_options *opt, mot_analysis **out);

/* Load (as above, skipping the MOT_SKIP_* bits in skip, such as
** MOT_SKIP_ANALYSIS: the files and columns the analysis does not use,
** which are neither read nor checked), derive and analyse the project in
** dir with options opt. With with_tickets, when dir holds tickets.csv, the
** load also reads it and the events' staff, branch and expected, and the
** tickets part (mot_analyse_tickets) runs first; its results go to the
** analysis's tickets and consistency, and what only it used is freed
** (mot_project_drop) before the features are made.
** Returns 0 with the project in *p and the analysis in *a (the caller
** frees both), or an exit code after printing what went wrong. */
int cli_analyse_project(const char *cmd, const char *dir, unsigned skip,
                        int with_tickets, const mot_analyse_options *opt,
                        mot_project **p, mot_analysis **a);

/* The tickets analysis of p (default options) in *out when p has
** tickets.csv (loaded: not skipped), else *out = NULL. Returns 0, or an
** exit code after printing what went wrong. The caller frees *out. */
int cli_tickets_if_any(const char *cmd, const mot_project *p,
                       mot_tickets_result **out);

/* ---- reports (output.c) ------------------------------------------------- */

/* Publish a finished report: write data (len bytes) to stdout when path is
** NULL or "-", else to path.tmp, renamed over path once whole. Returns 0,
** or 74 after printing why nothing (or nothing new) was written. */
int cli_write_output(const char *cmd, const char *path, const char *data,
                     size_t len);

/* The --lang option: 0 with *lang a mot_lang, or -1 when not given;
** 64 (after a usage message) when it is neither en nor zh. */
int cli_lang_option(const char *cmd, const cli_args *a, int *lang);

/* The report language when --lang is not given: the project's mot.ini
** [report] lang (when p is not NULL), else zh when LC_ALL, LC_MESSAGES or
** LANG (the first one set) starts with "zh", else en. */
mot_lang cli_default_lang(const mot_project *p);

/* `mot analyze` and `mot peakend`: parse the options of analyze (see its
** help), analyse DIR, render the whole report, or only the peak-end part
** when peak_end_only is set, and publish it. Returns the exit code. */
int cli_analysis_command(const char *cmd, int argc, char **argv,
                         int peak_end_only);

/* --format text|json (default text) and --lang en|zh (default: see
** cli_default_lang) of the single-file report commands. */
typedef struct cli_report_options {
    int json;           /* 1 for --format json */
    int md;             /* 1 for --format md (cli_get_doc_report_options) */
    const char *lang;   /* "en" or "zh" */
} cli_report_options;

/* Read --format and --lang into *out; prints a usage error and returns
** 64 for another value, else 0. */
int cli_get_report_options(const char *cmd, const cli_args *a,
                           cli_report_options *out);
/* The same, and --format md too (the reports built as a document). */
int cli_get_doc_report_options(const char *cmd, const cli_args *a,
                               cli_report_options *out);

/* Print the problems in d on stderr, then how many more there were, or
** that reading stopped at max_errors. */
void cli_print_diag(const mot_diag *d, size_t max_errors);

/* A report renderer: writes the report about ctx to f. */
typedef mot_status (*cli_render_fn)(FILE *f, const void *ctx);

/* Render into memory, then print on stdout (cli_write_output) only when
** rendering succeeded whole. Returns 0, or after saying why on stderr, the
** exit code of the failure (out of memory, I/O error). */
int cli_emit(const char *cmd, cli_render_fn render, const void *ctx);

/* The command table (main.c). */
extern const cli_command cli_commands[];

/* The subcommands. */
int cmd_analyze(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_kano(int argc, char **argv);
int cmd_servqual(int argc, char **argv);
int cmd_drivers(int argc, char **argv);
int cmd_peakend(int argc, char **argv);
int cmd_tickets(int argc, char **argv);
int cmd_behaviour(int argc, char **argv);
int cmd_blueprint(int argc, char **argv);
int cmd_unbuilt(int argc, char **argv);

#endif /* MOT_CLI_H */
