/*
** config.c: mot.ini, a project's optional settings file.
**
** A small INI reader written for good messages: every problem names
** file:line:column, where column is the 1-based byte column on the line at
** which the bad token starts, and reading goes on after a bad line so that
** all problems are reported at once (each to the mot_diag, the first also
** to the caller's mot_error). mot_config_parse is a pure function of a
** buffer, which is what the fuzzer drives.
**
** Lines: a UTF-8 BOM at the start is skipped; lines end in LF or CRLF;
** blank lines and lines whose first non-space character is ';' or '#' are
** ignored; "[name]" starts a section; "key = value" sets a key of the
** current section. Section and key names are ASCII, case-insensitive.
** A key of an unknown section is not reported again (its section was).
** When a key is given twice the later value wins.
**
** The [scale] values are checked together at the end of the text (max >
** min, neutral in [min, max]), since they may come in any order; those
** errors are reported after the others. A neutral that is not given is
** the middle of the scale when min or max is.
*/
#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/config.h"
#include "mot/parse.h"
#include "read/textutil.h"

/* Most stages [stages] order may list. */
#define MAX_STAGES 1000

typedef char excerpt_buf[MOT_TEXT_EXCERPT_MAX + 4];

/* A [scale] value as given, kept until the end of the text. */
typedef struct scale_value {
    int given;
    double value;
    unsigned long line, column;
    excerpt_buf text;
} scale_value;

struct ini;
typedef void (*set_fn)(struct ini *p, size_t key, const char *v, size_t len);

typedef struct section_def {
    const char *name;
    const char *const *keys;   /* NULL-terminated */
    const char *expected;      /* the keys, for the unknown-key message */
    set_fn set;
} section_def;

/* The state of one mot_config_parse call. */
typedef struct ini {
    mot_config *cfg;
    const char *name;
    mot_error *err;
    mot_diag *diag;
    mot_status status;          /* first failure, MOT_OK if none */
    int nomem;                  /* a malloc failed: stop */
    unsigned long line;
    const char *line_start;     /* for columns */
    const section_def *sec;     /* NULL before any section or in a bad one */
    int sec_bad;                /* the current section header was bad */
    scale_value min, max, neutral;
} ini;

/* ---- reporting ----------------------------------------------------------- */

static void report_at(ini *p, mot_status st, unsigned long line,
                      unsigned long column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Record an error: add it to the diag and, if it is the first, to *err. */
static void report_at(ini *p, mot_status st, unsigned long line,
                      unsigned long column, const char *fmt, ...)
{
    mot_error e;
    va_list ap;
    va_start(ap, fmt);
    mot_error_setv(&e, st, p->name, line, column, fmt, ap);
    va_end(ap);
    if (p->diag)
        mot_diag_add(p->diag, &e);
    if (p->status == MOT_OK) {
        p->status = st;
        if (p->err)
            *p->err = e;
    }
    if (st == MOT_ENOMEM)
        p->nomem = 1;
}

/* Column on the current line of a pointer into it. */
static unsigned long column_of(const ini *p, const char *at)
{
    return (unsigned long)(at - p->line_start) + 1;
}

static void out_of_memory(ini *p, const char *at)
{
    report_at(p, MOT_ENOMEM, p->line, column_of(p, at),
              "out of memory reading the settings");
}

/* A NUL-terminated copy of (s, len), or NULL if malloc fails. */
static char *copy_text(const char *s, size_t len)
{
    char *c = malloc(len + 1);
    if (c) {
        memcpy(c, s, len);
        c[len] = '\0';
    }
    return c;
}

/* True for text a setting may keep: UTF-8 without NUL bytes. */
static int is_text(const char *s, size_t len)
{
    return mot_text_is_utf8(s, len) && !memchr(s, '\0', len);
}

/* ---- [scale] --------------------------------------------------------------- */

static void set_scale(ini *p, size_t key, const char *v, size_t len)
{
    scale_value *sv = key == 0 ? &p->min : key == 1 ? &p->max : &p->neutral;
    excerpt_buf ex;
    double x;
    if (mot_parse_double(v, len, &x) != MOT_OK) {
        report_at(p, MOT_EDATA, p->line, column_of(p, v),
                  "%s must be a number, found \"%s\"", p->sec->keys[key],
                  mot_text_excerpt(ex, sizeof ex, v, len));
        return;
    }
    sv->given = 1;
    sv->value = x;
    sv->line = p->line;
    sv->column = column_of(p, v);
    mot_text_excerpt(sv->text, sizeof sv->text, v, len);
}

/* Check the scale given in the text and, if it is consistent, store it.
** The scale already in cfg is consistent (mot_config_init's or one stored
** here), so a problem always involves a value given in the text. */
static void finish_scale(ini *p)
{
    mot_scale s = p->cfg->scale;
    if (!p->min.given && !p->max.given && !p->neutral.given)
        return;
    if (p->min.given)
        s.min = p->min.value;
    if (p->max.given)
        s.max = p->max.value;
    if (p->neutral.given)
        s.neutral = p->neutral.value;
    else if (p->min.given || p->max.given)
        s.neutral = s.min + (s.max - s.min) / 2;
    if (!(s.max > s.min)) {
        assert(p->min.given || p->max.given);
        if (p->max.given)
            report_at(p, MOT_EDATA, p->max.line, p->max.column,
                      "max must be a number greater than min (%g), "
                      "found \"%s\"", s.min, p->max.text);
        else
            report_at(p, MOT_EDATA, p->min.line, p->min.column,
                      "min must be a number less than max (%g), "
                      "found \"%s\"", s.max, p->min.text);
        return;
    }
    if (s.neutral < s.min || s.neutral > s.max) {
        assert(p->neutral.given);
        report_at(p, MOT_EDATA, p->neutral.line, p->neutral.column,
                  "neutral must be a number between min (%g) and max (%g), "
                  "found \"%s\"", s.min, s.max, p->neutral.text);
        return;
    }
    p->cfg->scale = s;
}

/* ---- [outcomes] and [report] ---------------------------------------------- */

static void set_outcome(ini *p, size_t key, const char *v, size_t len)
{
    char **slots[] = {&p->cfg->overall_col, &p->cfg->nps_col,
                      &p->cfg->churn_col, &p->cfg->churn_time_col};
    if (len == 0) {
        report_at(p, MOT_EDATA, p->line, column_of(p, v),
                  "%s must be a column name, found \"\"",
                  p->sec->keys[key]);
        return;
    }
    if (!is_text(v, len)) {
        report_at(p, MOT_EDATA, p->line, column_of(p, v),
                  "%s must be UTF-8 text, found bytes that are not "
                  "(save the file as UTF-8)", p->sec->keys[key]);
        return;
    }
    char *copy = copy_text(v, len);
    if (!copy) {
        out_of_memory(p, v);
        return;
    }
    free(*slots[key]);
    *slots[key] = copy;
}

static void set_lang(ini *p, size_t key, const char *v, size_t len)
{
    excerpt_buf ex;
    (void)key;
    if (mot_text_ieq(v, len, "en"))
        strcpy(p->cfg->lang, "en");
    else if (mot_text_ieq(v, len, "zh"))
        strcpy(p->cfg->lang, "zh");
    else
        report_at(p, MOT_EDATA, p->line, column_of(p, v),
                  "lang must be en or zh, found \"%s\"",
                  mot_text_excerpt(ex, sizeof ex, v, len));
}

/* ---- [stages] ---------------------------------------------------------------- */

/* Length of the comma (ASCII or full-width U+FF0C) at s, or 0. */
static size_t comma_at(const char *s, size_t len)
{
    if (len >= 1 && s[0] == ',')
        return 1;
    if (len >= 3 && memcmp(s, "\xEF\xBC\x8C", 3) == 0)
        return 3;
    return 0;
}

/* The next item of a comma-separated list starting at *pos in (v, len):
** trimmed, in (*item, *ilen); *pos moves past its comma. */
static void next_item(const char *v, size_t len, size_t *pos,
                      const char **item, size_t *ilen)
{
    size_t i = *pos, c = 0;
    while (i < len && (c = comma_at(v + i, len - i)) == 0)
        i++;
    *item = v + *pos;
    *ilen = i - *pos;
    mot_text_trim(item, ilen);
    *pos = i + c;
}

/* True when (s, len) is one of the n strings of list. */
static int in_list(char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return 1;
    return 0;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

/* Fill list with the n stage names of the value (v, len). Returns 1, or
** 0 after reporting the first problem and freeing the names copied. */
static int fill_order(ini *p, const char *v, size_t len, char **list,
                      size_t n)
{
    excerpt_buf ex;
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        const char *item;
        size_t ilen;
        next_item(v, len, &pos, &item, &ilen);
        if (ilen == 0)
            report_at(p, MOT_EDATA, p->line, column_of(p, item),
                      "order must be stage names separated by commas, "
                      "found an empty name in \"%s\"",
                      mot_text_excerpt(ex, sizeof ex, v, len));
        else if (in_list(list, i, item, ilen))
            report_at(p, MOT_EDATA, p->line, column_of(p, item),
                      "order must name each stage once, found \"%s\" twice",
                      mot_text_excerpt(ex, sizeof ex, item, ilen));
        else if (!(list[i] = copy_text(item, ilen)))
            out_of_memory(p, item);
        else
            continue;
        for (size_t j = 0; j < i; j++)
            free(list[j]);
        return 0;
    }
    return 1;
}

/* Build the list in full before replacing the old one, so that a bad list
** or a failed malloc leaves the setting as it was. */
static void set_order(ini *p, size_t key, const char *v, size_t len)
{
    size_t n = 1;
    (void)key;
    if (!is_text(v, len)) {
        report_at(p, MOT_EDATA, p->line, column_of(p, v),
                  "order must be UTF-8 text, found bytes that are not "
                  "(save the file as UTF-8)");
        return;
    }
    for (size_t i = 0; i < len; i++)
        n += comma_at(v + i, len - i) != 0;
    if (n > MAX_STAGES) {
        report_at(p, MOT_EDATA, p->line, column_of(p, v),
                  "order must list at most %d stages, found %zu",
                  MAX_STAGES, n);
        return;
    }
    char **list = malloc(n * sizeof *list);
    if (!list) {
        out_of_memory(p, v);
        return;
    }
    if (!fill_order(p, v, len, list, n)) {
        free(list);
        return;
    }
    free_list(p->cfg->stage_order, p->cfg->nstage_order);
    p->cfg->stage_order = list;
    p->cfg->nstage_order = n;
}

/* ---- lines --------------------------------------------------------------------- */

static const char *const scale_keys[] = {"min", "max", "neutral", NULL};
static const char *const outcome_keys[] = {"overall", "nps", "churn",
                                           "churn_time", NULL};
static const char *const report_keys[] = {"lang", NULL};
static const char *const stage_keys[] = {"order", NULL};

static const section_def sections[] = {
    {"scale", scale_keys, "min, max or neutral", set_scale},
    {"outcomes", outcome_keys, "overall, nps, churn or churn_time",
     set_outcome},
    {"report", report_keys, "lang", set_lang},
    {"stages", stage_keys, "order", set_order},
};

/* A "[name]" line, s at the '['. */
static void section_line(ini *p, const char *s, size_t len)
{
    excerpt_buf ex;
    const char *close = memchr(s, ']', len);
    p->sec = NULL;
    p->sec_bad = 1;
    if (!close || !mot_parse_is_blank(close + 1, len - (size_t)(close + 1 - s))) {
        report_at(p, MOT_EDATA, p->line, column_of(p, s),
                  "a section header must be [name], found \"%s\"",
                  mot_text_excerpt(ex, sizeof ex, s, len));
        return;
    }
    const char *name = s + 1;
    size_t nlen = (size_t)(close - name);
    mot_text_trim(&name, &nlen);
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        if (mot_text_ieq(name, nlen, sections[i].name)) {
            p->sec = &sections[i];
            p->sec_bad = 0;
            return;
        }
    }
    report_at(p, MOT_EDATA, p->line, column_of(p, s),
              "unknown section \"%s\"; expected [scale], [outcomes], "
              "[report] or [stages]",
              mot_text_excerpt(ex, sizeof ex, s, (size_t)(close + 1 - s)));
}

/* A "key = value" line (key, klen trimmed; eq at the '='). */
static void setting_line(ini *p, const char *key, size_t klen,
                         const char *eq, const char *end)
{
    excerpt_buf ex;
    const char *v = eq + 1;
    size_t vlen = (size_t)(end - v);
    mot_text_trim(&v, &vlen);
    if (!p->sec) {
        if (!p->sec_bad)
            report_at(p, MOT_EDATA, p->line, column_of(p, key),
                      "a setting must come after a [section] header, "
                      "found \"%s\"",
                      mot_text_excerpt(ex, sizeof ex, key,
                                       (size_t)(end - key)));
        return;
    }
    for (size_t i = 0; p->sec->keys[i]; i++) {
        if (mot_text_ieq(key, klen, p->sec->keys[i])) {
            p->sec->set(p, i, v, vlen);
            return;
        }
    }
    report_at(p, MOT_EDATA, p->line, column_of(p, key),
              "unknown key \"%s\" in [%s]; expected %s",
              mot_text_excerpt(ex, sizeof ex, key, klen), p->sec->name,
              p->sec->expected);
}

/* One line without its line end. */
static void parse_line(ini *p, const char *s, size_t len)
{
    excerpt_buf ex;
    const char *end = s + len;
    mot_text_trim(&s, &len);
    if (len == 0 || s[0] == ';' || s[0] == '#')
        return;
    if (s[0] == '[') {
        section_line(p, s, len);
        return;
    }
    const char *eq = memchr(s, '=', len);
    size_t klen = eq ? (size_t)(eq - s) : 0;
    mot_text_trim(&s, &klen);
    if (klen == 0) {
        report_at(p, MOT_EDATA, p->line, column_of(p, s),
                  "a line must be [section], key = value or a ; comment, "
                  "found \"%s\"", mot_text_excerpt(ex, sizeof ex, s, len));
        return;
    }
    setting_line(p, s, klen, eq, end);
}

/* ---- the public functions ---------------------------------------------------- */

/* On failure *cfg holds no memory (as after mot_config_free). */
mot_status mot_config_init(mot_config *cfg)
{
    static const char *const defaults[] = {"overall", "nps", "churned",
                                           "churn_time"};
    memset(cfg, 0, sizeof *cfg);
    cfg->scale.min = 1;
    cfg->scale.max = 5;
    cfg->scale.neutral = 3;
    char **slots[] = {&cfg->overall_col, &cfg->nps_col, &cfg->churn_col,
                      &cfg->churn_time_col};
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
        if (!(*slots[i] = copy_text(defaults[i], strlen(defaults[i])))) {
            mot_config_free(cfg);
            return MOT_ENOMEM;
        }
    }
    return MOT_OK;
}

/* Every valid line is applied, also after a bad one; a bad value leaves
** its setting as it was, and an inconsistent [scale] leaves the whole
** scale as it was. After a failed malloc reading stops (MOT_ENOMEM). */
mot_status mot_config_parse(mot_config *cfg, const char *name,
                            const char *data, size_t len,
                            mot_error *err, mot_diag *diag)
{
    ini p;
    size_t pos = 0;
    memset(&p, 0, sizeof p);
    p.cfg = cfg;
    p.name = name;
    p.err = err;
    p.diag = diag;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len && !p.nomem) {
        const char *s = data + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl != NULL);
        if (n > 0 && s[n - 1] == '\r')
            n--;
        p.line++;
        p.line_start = s;
        parse_line(&p, s, n);
    }
    if (!p.nomem)
        finish_scale(&p);
    return p.nomem ? MOT_ENOMEM : p.status;
}

/* Read the whole file at path into a new buffer (*data, *len). */
static mot_status read_file(const char *path, char **data, size_t *len,
                            mot_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT || errno == ENOTDIR)
            return mot_error_set(err, MOT_ENOENT, path, 0, 0,
                                 "file not found");
        return mot_error_set(err, MOT_EIO, path, 0, 0, "cannot open: %s",
                             strerror(errno));
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            char *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                free(buf);
                fclose(f);
                return mot_error_set(err, MOT_ENOMEM, path, 0, 0,
                                     "out of memory reading the file");
            }
            buf = nbuf;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        free(buf);
        return mot_error_set(err, MOT_EIO, path, 0, 0, "cannot read: %s",
                             strerror(saved));
    }
    *data = buf;
    *len = n;
    return MOT_OK;
}

/* A missing file fills *err but is not added to diag: mot.ini is optional,
** and its absence is for the caller to judge. Errors are named by path as
** given. */
mot_status mot_config_load(mot_config *cfg, const char *path,
                           mot_error *err, mot_diag *diag)
{
    mot_error e;
    char *data = NULL;
    size_t len = 0;
    mot_status st = read_file(path, &data, &len, &e);
    if (st != MOT_OK) {
        if (err)
            *err = e;
        if (diag && st != MOT_ENOENT)
            mot_diag_add(diag, &e);
        return st;
    }
    st = mot_config_parse(cfg, path, data, len, err, diag);
    free(data);
    return st;
}

void mot_config_free(mot_config *cfg)
{
    free(cfg->overall_col);
    free(cfg->nps_col);
    free(cfg->churn_col);
    free(cfg->churn_time_col);
    free_list(cfg->stage_order, cfg->nstage_order);
    memset(cfg, 0, sizeof *cfg);
}
