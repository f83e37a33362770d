/*
** args.c: the argument parser and error printing shared by subcommands.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "mot %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'mot %s --help'.\n", cmd);
    return EXIT_USAGE;
}

void cli_print_error(const mot_error *err)
{
    char buf[MOT_ERROR_FILE_MAX + MOT_ERROR_MSG_MAX + 64];
    mot_error_format(err, buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
}

static int in_list(const char *const *list, const char *name, size_t len)
{
    for (; list && *list; list++)
        if (strlen(*list) == len && strncmp(*list, name, len) == 0)
            return 1;
    return 0;
}

/* Map "-o" to "out" and "-h" to "help"; other short options are unknown. */
static const char *long_name_of_short(char c)
{
    switch (c) {
    case 'o': return "out";
    case 'h': return "help";
    }
    return NULL;
}

int cli_parse(const char *cmd, const cli_spec *spec, int argc, char **argv,
              cli_args *out)
{
    memset(out, 0, sizeof *out);
    int only_args = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || a[1] == '\0') {
            if (out->narg >= CLI_MAX_ARGS || out->narg >= spec->max_args)
                return cli_usage(cmd, "unexpected argument '%s'", a);
            out->arg[out->narg++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
            continue;
        }
        const char *name;
        size_t len;
        const char *value = NULL;
        if (a[1] == '-') {
            name = a + 2;
            const char *eq = strchr(name, '=');
            len = eq ? (size_t)(eq - name) : strlen(name);
            if (eq)
                value = eq + 1;
        } else {
            name = a[2] == '\0' ? long_name_of_short(a[1]) : NULL;
            if (!name)
                return cli_usage(cmd, "unknown option '%s'", a);
            len = strlen(name);
        }
        if (len == 4 && strncmp(name, "help", 4) == 0) {
            out->help = 1;
            continue;
        }
        int takes_value = in_list(spec->with_value, name, len);
        if (!takes_value && !in_list(spec->flags, name, len))
            return cli_usage(cmd, "unknown option '%s'", a);
        if (!takes_value && value)
            return cli_usage(cmd, "option '--%.*s' takes no value", (int)len, name);
        if (takes_value && !value) {
            if (i + 1 >= argc)
                return cli_usage(cmd, "option '%s' needs a value", a);
            value = argv[++i];
        }
        if (out->nopt >= CLI_MAX_OPTS)
            return cli_usage(cmd, "too many options");
        /* keep the canonical (static) spelling of the name */
        const char *const *list = takes_value ? spec->with_value : spec->flags;
        for (; *list; list++)
            if (strlen(*list) == len && strncmp(*list, name, len) == 0)
                break;
        out->opt[out->nopt].name = *list;
        out->opt[out->nopt].value = value;
        out->nopt++;
    }
    if (!out->help && out->narg < spec->min_args)
        return cli_usage(cmd, "missing argument");
    return 0;
}

const char *cli_get(const cli_args *a, const char *name, const char *dflt)
{
    /* the last occurrence wins, as in most CLIs */
    for (int i = a->nopt - 1; i >= 0; i--)
        if (strcmp(a->opt[i].name, name) == 0)
            return a->opt[i].value ? a->opt[i].value : "";
    return dflt;
}

int cli_get_ulong(const char *cmd, const cli_args *a, const char *name,
                  unsigned long dflt, unsigned long *out)
{
    const char *v = cli_get(a, name, NULL);
    if (!v) {
        *out = dflt;
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long n = strtoul(v, &end, 10);
    if (v[0] < '0' || v[0] > '9' || *end != '\0' || errno == ERANGE)
        return cli_usage(cmd, "--%s must be a whole number, found '%s'", name, v);
    *out = n;
    return 0;
}
