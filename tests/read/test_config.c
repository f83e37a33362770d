/* test_config.c: mot.ini settings (src/read/config.c).
**
** The error matrix gives, for each text, every message expected in the
** diag in order, formatted as "file:line:column: message"; the first must
** also be what *err received.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/config.h"
#include "testutil.h"

/* Parse text (through a heap copy of exactly its length) into cfg. */
static mot_status parse(mot_config *cfg, const char *text, mot_error *err,
                        mot_diag *diag)
{
    size_t len = strlen(text);
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, text, len);
    mot_status st = mot_config_parse(cfg, "mot.ini", copy, len, err, diag);
    free(copy);
    return st;
}

/* All the diag's errors, formatted, one a line. */
static void format_diag(const mot_diag *d, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->n && used < n; i++) {
        char line[1200];
        mot_error_format(&d->items[i], line, sizeof line);
        used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                 i ? "\n" : "", line);
    }
}

static void assert_defaults(const mot_config *c)
{
    assert_true(c->scale.min == 1 && c->scale.max == 5 && c->scale.neutral == 3);
    assert_string_equal(c->overall_col, "overall");
    assert_string_equal(c->nps_col, "nps");
    assert_string_equal(c->churn_col, "churned");
    assert_string_equal(c->churn_time_col, "churn_time");
    assert_string_equal(c->lang, "");
    assert_null(c->stage_order);
    assert_int_equal(c->nstage_order, 0);
}

static void test_defaults(void **state)
{
    (void)state;
    mot_config c;
    assert_int_equal(mot_config_init(&c), MOT_OK);
    assert_defaults(&c);
    assert_int_equal(parse(&c, "", NULL, NULL), MOT_OK);
    assert_int_equal(mot_config_parse(&c, "mot.ini", NULL, 0, NULL, NULL), MOT_OK);
    assert_int_equal(parse(&c, "\n\n; only comments\n# here\n   \n", NULL, NULL), MOT_OK);
    assert_defaults(&c);
    mot_config_free(&c);
    mot_config_free(&c);   /* freeing twice is harmless */
}

static void test_full_file(void **state)
{
    (void)state;
    mot_config c;
    mot_diag d;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_config_init(&c), MOT_OK);
    const char *text =
        "; settings of the telecom project\n"
        "# both comment styles\n"
        "\n"
        "[Scale]\n"
        "  min = 0\n"
        "MAX=10\n"
        "neutral = 6.5\n"
        "[outcomes]\n"
        "overall = 总体满意度\n"
        "nps = recommend\n"
        "churn = left\n"
        "churn_time = left_at\n"
        "[ report ]\n"
        "lang = ZH\n"
        "[stages]\n"
        "order = 咨询, 开通，账单 ,  维修\n";
    assert_int_equal(parse(&c, text, NULL, &d), MOT_OK);
    assert_int_equal(d.total, 0);
    assert_true(c.scale.min == 0 && c.scale.max == 10 && c.scale.neutral == 6.5);
    assert_string_equal(c.overall_col, "总体满意度");
    assert_string_equal(c.nps_col, "recommend");
    assert_string_equal(c.churn_col, "left");
    assert_string_equal(c.churn_time_col, "left_at");
    assert_string_equal(c.lang, "zh");
    assert_int_equal(c.nstage_order, 4);
    assert_string_equal(c.stage_order[0], "咨询");
    assert_string_equal(c.stage_order[1], "开通");
    assert_string_equal(c.stage_order[2], "账单");
    assert_string_equal(c.stage_order[3], "维修");
    mot_config_free(&c);
    mot_diag_free(&d);
}

static void test_bom_crlf_and_repeats(void **state)
{
    (void)state;
    mot_config c;
    assert_int_equal(mot_config_init(&c), MOT_OK);
    const char *text =
        "\xEF\xBB\xBF[report]\r\n"
        "lang = en\r\n"
        "lang = zh\r\n"            /* the later value wins */
        "[stages]\r\n"
        "order = a, b\r\n"
        "order = c\r\n"
        "[scale]\r\n"
        "max = 7";                 /* no final line end */
    assert_int_equal(parse(&c, text, NULL, NULL), MOT_OK);
    assert_string_equal(c.lang, "zh");
    assert_int_equal(c.nstage_order, 1);
    assert_string_equal(c.stage_order[0], "c");
    /* neutral not given: the middle of the new scale */
    assert_true(c.scale.min == 1 && c.scale.max == 7 && c.scale.neutral == 4);
    mot_config_free(&c);
}

static void test_neutral_default_follows_min(void **state)
{
    (void)state;
    mot_config c;
    assert_int_equal(mot_config_init(&c), MOT_OK);
    assert_int_equal(parse(&c, "[scale]\nmin = 0\nmax = 10\n", NULL, NULL), MOT_OK);
    assert_true(c.scale.min == 0 && c.scale.max == 10 && c.scale.neutral == 5);
    mot_config_free(&c);
}

static void test_error_matrix(void **state)
{
    (void)state;
    static const struct { const char *text, *want; } cases[] = {
        {"[scale]\nmaxx = 5\n",
         "mot.ini:2:1: unknown key \"maxx\" in [scale]; expected min, max or neutral"},
        {"[scale]\nmin = 1\n\nmax = 0\n",
         "mot.ini:4:7: max must be a number greater than min (1), found \"0\""},
        {"[scale]\nmax = 0\nmin = 1\n",
         "mot.ini:2:7: max must be a number greater than min (1), found \"0\""},
        {"[scale]\nmin = 3\nmax = 3\n",
         "mot.ini:3:7: max must be a number greater than min (3), found \"3\""},
        {"[scale]\nmin = 7\n",
         "mot.ini:2:7: min must be a number less than max (5), found \"7\""},
        {"[scale]\nneutral = 6\n",
         "mot.ini:2:11: neutral must be a number between min (1) and max (5), found \"6\""},
        {"[scale]\nneutral = 0.5\n",
         "mot.ini:2:11: neutral must be a number between min (1) and max (5), found \"0.5\""},
        {"[scale]\nneutral = 8\nmax = 10\nmin = 9\n",
         "mot.ini:2:11: neutral must be a number between min (9) and max (10), found \"8\""},
        {"[scale]\nmax = five\n",
         "mot.ini:2:7: max must be a number, found \"five\""},
        {"[scale]\nmin =\n",
         "mot.ini:2:6: min must be a number, found \"\""},
        {"[scale]\nmax = nan\n",
         "mot.ini:2:7: max must be a number, found \"nan\""},
        {"[scale]\nmax = 1e400\n",
         "mot.ini:2:7: max must be a number, found \"1e400\""},
        {"[scale]\nmax = 5 ; top\n",
         "mot.ini:2:7: max must be a number, found \"5 ; top\""},
        {"[scale]\nmax = 1234567890123456789012345678901234567890123x\n",
         "mot.ini:2:7: max must be a number, found \"1234567890123456789012345678901234567890...\""},
        {"\tmin = 1\n",
         "mot.ini:1:2: a setting must come after a [section] header, found \"min = 1\""},
        {"[scale]\nhello\n",
         "mot.ini:2:1: a line must be [section], key = value or a ; comment, found \"hello\""},
        {"[scale]\n  = 5\n",
         "mot.ini:2:3: a line must be [section], key = value or a ; comment, found \"= 5\""},
        {"[scale\nmax = 0\n",
         "mot.ini:1:1: a section header must be [name], found \"[scale\""},
        {"[scale] x\n",
         "mot.ini:1:1: a section header must be [name], found \"[scale] x\""},
        {"[foo]\nx = 1\n[scale]\nmax = 10\n",
         "mot.ini:1:1: unknown section \"[foo]\"; expected [scale], [outcomes], [report] or [stages]"},
        {"  [报告]\n",
         "mot.ini:1:3: unknown section \"[报告]\"; expected [scale], [outcomes], [report] or [stages]"},
        {"[outcomes]\noverall =\n",
         "mot.ini:2:10: overall must be a column name, found \"\""},
        {"[outcomes]\nchurn_time =   \n",
         "mot.ini:2:16: churn_time must be a column name, found \"\""},
        {"[outcomes]\nnps = \xc4\xe3\xba\xc3\n",   /* GBK text */
         "mot.ini:2:7: nps must be UTF-8 text, found bytes that are not (save the file as UTF-8)"},
        {"[outcomes]\nchurned = x\n",
         "mot.ini:2:1: unknown key \"churned\" in [outcomes]; expected overall, nps, churn or churn_time"},
        {"[report]\nlang = fr\n",
         "mot.ini:2:8: lang must be en or zh, found \"fr\""},
        {"[report]\nlang = english\n",
         "mot.ini:2:8: lang must be en or zh, found \"english\""},
        {"[report]\nlanguage = en\n",
         "mot.ini:2:1: unknown key \"language\" in [report]; expected lang"},
        {"[stages]\norder = a,,b\n",
         "mot.ini:2:11: order must be stage names separated by commas, found an empty name in \"a,,b\""},
        {"[stages]\norder = a,\n",
         "mot.ini:2:11: order must be stage names separated by commas, found an empty name in \"a,\""},
        {"[stages]\norder =\n",
         "mot.ini:2:8: order must be stage names separated by commas, found an empty name in \"\""},
        {"[stages]\norder = 咨询, 开通, 咨询\n",
         "mot.ini:2:25: order must name each stage once, found \"咨询\" twice"},
        {"[stages]\norder = \xd7\xc9\xd1\xaf\n",
         "mot.ini:2:9: order must be UTF-8 text, found bytes that are not (save the file as UTF-8)"},
        {"[stages]\nstages = a\n",
         "mot.ini:2:1: unknown key \"stages\" in [stages]; expected order"},
        {"[scale]\r\nmax = x\r\n",
         "mot.ini:2:7: max must be a number, found \"x\""},
        {"\xEF\xBB\xBF[bogus]\r\n",
         "mot.ini:1:1: unknown section \"[bogus]\"; expected [scale], [outcomes], [report] or [stages]"},
        /* several problems: all reported, the scale's check last */
        {"[scale]\nmaxx = 1\nmax = 0\n[report]\nlang = de\n[bogus]\nfoo = 1\n"
         "[outcomes]\noverall=\n",
         "mot.ini:2:1: unknown key \"maxx\" in [scale]; expected min, max or neutral\n"
         "mot.ini:5:8: lang must be en or zh, found \"de\"\n"
         "mot.ini:6:1: unknown section \"[bogus]\"; expected [scale], [outcomes], [report] or [stages]\n"
         "mot.ini:9:9: overall must be a column name, found \"\"\n"
         "mot.ini:3:7: max must be a number greater than min (1), found \"0\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mot_config c;
        mot_error err;
        mot_diag d;
        char got[4096], first[1200];
        mot_diag_init(&d, 0);
        mot_error_clear(&err);
        assert_int_equal(mot_config_init(&c), MOT_OK);
        mot_status st = parse(&c, cases[i].text, &err, &d);
        format_diag(&d, got, sizeof got);
        if (st != MOT_EDATA)
            fail_msg("case %zu: status %d, diag: %s", i, st, got);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("case %zu:\n got: %s\nwant: %s", i, got, cases[i].want);
        mot_error_format(&err, first, sizeof first);
        assert_int_equal(err.status, MOT_EDATA);
        assert_memory_equal(first, got, strlen(first));
        assert_int_equal(d.worst, MOT_EDATA);
        mot_config_free(&c);
        mot_diag_free(&d);
    }
}

static void test_bad_values_leave_settings(void **state)
{
    (void)state;
    mot_config c;
    assert_int_equal(mot_config_init(&c), MOT_OK);
    const char *text =
        "[scale]\nmin = 0\nmax = 10\nneutral = 11\n"     /* inconsistent */
        "[report]\nlang = fr\n"
        "[stages]\norder = a, , b\n"
        "[outcomes]\noverall = satisfaction\nnps =\n";   /* applied, kept */
    assert_int_equal(parse(&c, text, NULL, NULL), MOT_EDATA);
    assert_true(c.scale.min == 1 && c.scale.max == 5 && c.scale.neutral == 3);
    assert_string_equal(c.lang, "");
    assert_null(c.stage_order);
    assert_string_equal(c.overall_col, "satisfaction");
    assert_string_equal(c.nps_col, "nps");
    mot_config_free(&c);
}

static void test_diag_limit_and_null_outputs(void **state)
{
    (void)state;
    mot_config c;
    mot_diag d;
    mot_error err;
    const char *text = "a\nb\nc\n";
    assert_int_equal(mot_config_init(&c), MOT_OK);
    mot_diag_init(&d, 2);
    assert_int_equal(parse(&c, text, &err, &d), MOT_EDATA);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.total, 3);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 1);
    assert_string_equal(err.file, "mot.ini");
    assert_int_equal(parse(&c, text, NULL, NULL), MOT_EDATA);
    mot_diag_free(&d);
    mot_config_free(&c);
}

static void test_stage_limit(void **state)
{
    (void)state;
    mot_config c;
    mot_error err;
    size_t n = 1001;
    char *text = malloc(32 + n * 6);
    assert_non_null(text);
    size_t used = (size_t)sprintf(text, "[stages]\norder = ");
    for (size_t i = 0; i < n; i++)
        used += (size_t)sprintf(text + used, "%s%zu", i ? "," : "", i);
    assert_int_equal(mot_config_init(&c), MOT_OK);
    assert_int_equal(parse(&c, text, &err, NULL), MOT_EDATA);
    assert_string_equal(err.message, "order must list at most 1000 stages, found 1001");
    assert_int_equal(err.column, 9);
    /* 1000 stages are fine */
    strrchr(text, ',')[0] = '\0';
    assert_int_equal(parse(&c, text, &err, NULL), MOT_OK);
    assert_int_equal(c.nstage_order, 1000);
    assert_string_equal(c.stage_order[999], "999");
    free(text);
    mot_config_free(&c);
}

static void test_stops_at_len(void **state)
{
    (void)state;
    mot_config c;
    const char *text = "[scale]\nmax = 9\nmax = x\n";
    assert_int_equal(mot_config_init(&c), MOT_OK);
    assert_int_equal(mot_config_parse(&c, "mot.ini", text, 15, NULL, NULL), MOT_OK);
    assert_true(c.scale.max == 9);
    mot_config_free(&c);
}

static void test_load(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("config_load");
    mot_config c;
    mot_error err;
    mot_diag d;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_config_init(&c), MOT_OK);

    /* missing: ENOENT, nothing changed, nothing added to the diag */
    const char *missing = tu_path(dir, "mot.ini");
    assert_int_equal(mot_config_load(&c, missing, &err, &d), MOT_ENOENT);
    assert_int_equal(err.status, MOT_ENOENT);
    assert_string_equal(err.file, missing);
    assert_string_equal(err.message, "file not found");
    assert_int_equal(d.total, 0);
    assert_defaults(&c);
    assert_int_equal(mot_config_load(&c, tu_path(missing, "x"), NULL, NULL), MOT_ENOENT);

    /* a directory cannot be read */
    assert_int_equal(mot_config_load(&c, dir, &err, &d), MOT_EIO);
    assert_int_equal(d.total, 1);
    assert_defaults(&c);

    /* a good file */
    const char *path = tu_write(dir, "mot.ini", "[scale]\nmax = 7\n[report]\nlang = en\n",
                                (size_t)-1);
    assert_int_equal(mot_config_load(&c, path, &err, NULL), MOT_OK);
    assert_true(c.scale.max == 7);
    assert_string_equal(c.lang, "en");

    /* a bad one names the file as given */
    path = tu_write(dir, "mot.ini", "[scale]\nmax = 0\n", (size_t)-1);
    mot_diag_free(&d);
    assert_int_equal(mot_config_load(&c, path, &err, &d), MOT_EDATA);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 7);
    assert_string_equal(err.message, "max must be a number greater than min (1), found \"0\"");
    assert_int_equal(d.total, 1);
    mot_diag_free(&d);
    mot_config_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_full_file),
        cmocka_unit_test(test_bom_crlf_and_repeats),
        cmocka_unit_test(test_neutral_default_follows_min),
        cmocka_unit_test(test_error_matrix),
        cmocka_unit_test(test_bad_values_leave_settings),
        cmocka_unit_test(test_diag_limit_and_null_outputs),
        cmocka_unit_test(test_stage_limit),
        cmocka_unit_test(test_stops_at_len),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
