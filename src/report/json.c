/*
** json.c: a streaming JSON writer (mot_json).
**
** The writer tracks nesting so it can place commas and indentation, and
** so mot_json_finish can tell whether the calls formed one complete value.
** Numbers are printed with the fewest significant digits (up to 17) that
** read back to the same double, so output is both short and exact.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/report.h"

void mot_json_init(mot_json *j, FILE *f, int pretty)
{
    memset(j, 0, sizeof *j);
    j->f = f;
    j->pretty = pretty;
    j->first[0] = 1;
}

static void fail(mot_json *j, mot_status st)
{
    if (j->status == MOT_OK)
        j->status = st;
}

static void newline(mot_json *j)
{
    if (!j->pretty)
        return;
    fputc('\n', j->f);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->f);
}

/* Write what must come before a value: a comma and newline inside a
** container, nothing after a key. */
static void before_value(mot_json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth == 0) {
        if (!j->first[0])
            fail(j, MOT_EUSAGE);   /* a second top-level value */
        j->first[0] = 0;
        return;
    }
    if (!j->first[j->depth])
        fputc(',', j->f);
    j->first[j->depth] = 0;
    newline(j);
}

static void begin(mot_json *j, char c)
{
    before_value(j);
    fputc(c, j->f);
    if (j->depth + 1 >= MOT_JSON_MAX_DEPTH) {
        fail(j, MOT_EUSAGE);
        return;
    }
    j->depth++;
    j->first[j->depth] = 1;
}

static void end(mot_json *j, char c)
{
    if (j->depth == 0 || j->after_key) {
        fail(j, MOT_EUSAGE);
        return;
    }
    int empty = j->first[j->depth];
    j->depth--;
    if (!empty)
        newline(j);
    fputc(c, j->f);
}

void mot_json_begin_object(mot_json *j) { begin(j, '{'); }
void mot_json_end_object(mot_json *j) { end(j, '}'); }
void mot_json_begin_array(mot_json *j) { begin(j, '['); }
void mot_json_end_array(mot_json *j) { end(j, ']'); }

static void write_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void mot_json_key(mot_json *j, const char *key)
{
    before_value(j);
    write_string(j->f, key);
    fputs(j->pretty ? ": " : ":", j->f);
    j->after_key = 1;
}

void mot_json_string(mot_json *j, const char *s)
{
    if (!s) {
        mot_json_null(j);
        return;
    }
    before_value(j);
    write_string(j->f, s);
}

void mot_json_number(mot_json *j, double x)
{
    if (!isfinite(x)) {
        mot_json_null(j);
        return;
    }
    before_value(j);
    char buf[40];
    if (x == floor(x) && fabs(x) < 1e15) {
        snprintf(buf, sizeof buf, "%.0f", x);   /* 200, not 2e+02 */
    } else {
        for (int prec = 1; prec <= 17; prec++) {
            snprintf(buf, sizeof buf, "%.*g", prec, x);
            if (strtod(buf, NULL) == x)
                break;
        }
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    fputs(buf, j->f);
}

void mot_json_int(mot_json *j, int64_t x)
{
    before_value(j);
    fprintf(j->f, "%lld", (long long)x);
}

void mot_json_bool(mot_json *j, int b)
{
    before_value(j);
    fputs(b ? "true" : "false", j->f);
}

void mot_json_null(mot_json *j)
{
    before_value(j);
    fputs("null", j->f);
}

void mot_json_member_number(mot_json *j, const char *key, double x)
{
    mot_json_key(j, key);
    mot_json_number(j, x);
}

void mot_json_member_count(mot_json *j, const char *key, uint64_t n)
{
    mot_json_key(j, key);
    mot_json_int(j, n > INT64_MAX ? INT64_MAX : (int64_t)n);
}

void mot_json_member_interval(mot_json *j, const char *key, double lo,
                              double hi)
{
    mot_json_key(j, key);
    mot_json_begin_array(j);
    mot_json_number(j, lo);
    mot_json_number(j, hi);
    mot_json_end_array(j);
}

mot_status mot_json_finish(mot_json *j)
{
    if (j->depth != 0 || j->after_key || j->first[0])
        fail(j, MOT_EUSAGE);
    if (j->pretty)
        fputc('\n', j->f);
    if (ferror(j->f))
        fail(j, MOT_EIO);
    return j->status;
}
