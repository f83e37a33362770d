/*
** test_tickets_report.c: the `mot tickets` report (src/report/tickets.c)
** of the small project tests/data/consist (8 tickets, 339 events with
** staff, branch and expected; tests/data/r/consistency.R), with the
** before/after comparison at 2026-03-01, against golden files: JSON,
** text in English and Chinese, Markdown in English and Chinese
** (tests/data/golden/tickets.*; regenerate with MOT_UPDATE_GOLDEN=1 and
** read the diff). Also: the report without the consistency result (the
** old mot_report_tickets_text) has no consistency section, and JSON
** without it has none of its keys.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/parse.h"
#include "mot/report.h"
#include "testutil.h"

typedef struct fixture {
    mot_project *p;
    mot_tickets_result *t;
    mot_consistency_result *c;
} fixture;

static void load(fixture *f)
{
    mot_diag d;
    mot_error err;
    mot_diag_init(&d, 0);
    if (mot_project_load(&f->p, MOT_TEST_DATA "/consist", NULL, &d) != MOT_OK)
        fail_msg("the consist fixture did not load");
    mot_diag_free(&d);
    mot_error_clear(&err);
    assert_int_equal(mot_tickets_analyse(f->p, NULL, &f->t, &err), MOT_OK);
    mot_consistency_options o;
    mot_consistency_options_default(&o);
    assert_int_equal(mot_parse_time("2026-03-01", 10, &o.change_time),
                     MOT_OK);
    assert_int_equal(mot_consistency_analyse(f->p, &o, &f->c, &err), MOT_OK);
}

static void unload(fixture *f)
{
    mot_consistency_result_free(f->c);
    mot_tickets_result_free(f->t);
    mot_project_free(f->p);
}

enum { JSON = 0, TEXT, MD, JSON_PLAIN };

static char *render(const fixture *f, int how, mot_lang lang,
                    const mot_consistency_result *c)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_non_null(m);
    mot_status st = MOT_OK;
    if (how == JSON || how == JSON_PLAIN) {
        mot_json j;
        mot_json_init(&j, m, 1);
        mot_report_tickets_json_with(&j, f->t, how == JSON ? c : NULL);
        st = mot_json_finish(&j);
    } else {
        st = mot_report_tickets_render(m, f->t, c, lang, how == MD);
    }
    assert_int_equal(st, MOT_OK);
    assert_int_equal(fclose(m), 0);
    return s;
}

static void test_golden(void **state)
{
    (void)state;
    fixture f;
    load(&f);
    static const struct { const char *name; int how; mot_lang lang; } out[] = {
        {"tickets.json", JSON, MOT_LANG_EN},
        {"tickets.en.txt", TEXT, MOT_LANG_EN},
        {"tickets.zh.txt", TEXT, MOT_LANG_ZH},
        {"tickets.en.md", MD, MOT_LANG_EN},
        {"tickets.zh.md", MD, MOT_LANG_ZH},
    };
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        char *s = render(&f, out[i].how, out[i].lang, f.c);
        tu_golden(out[i].name, s);
        free(s);
    }
    unload(&f);
}

static void test_without_consistency(void **state)
{
    (void)state;
    fixture f;
    load(&f);
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_int_equal(mot_report_tickets_text(m, f.t, MOT_LANG_EN), MOT_OK);
    assert_int_equal(fclose(m), 0);
    assert_non_null(strstr(s, "Tickets and service recovery"));
    assert_null(strstr(s, "Consistency"));
    free(s);
    s = render(&f, JSON_PLAIN, MOT_LANG_EN, NULL);
    assert_null(strstr(s, "\"consistency\""));
    assert_null(strstr(s, "\"trends\""));
    free(s);
    unload(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_without_consistency),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
