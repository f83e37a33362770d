/*
** test_command_reports.c: the reports of `mot behaviour` and `mot
** drivers` as text (English and Chinese) and Markdown, compared with
** golden files in tests/data/golden/:
**
**   behaviour.{en,zh}.txt, behaviour.{en,zh}.md: tests/data/behaviour_small
**     (a telecom demo of 600 customers, seed 1: blueprint.csv, staff.csv,
**     interactions.csv), analysed with 50 bootstrap replicates on one
**     thread;
**   drivers.{en,zh}.txt, drivers.en.md: tests/data/swiss.csv, outcome
**     Fertility (a linear model), and drivers_binary.{en,zh}.txt:
**     tests/data/mtcars.csv, outcome am (a logistic model whose terms
**     separate the outcome), 50 replicates on one thread.
**
** The numbers in them are checked elsewhere (tests/analyse/
** test_behaviour.c, test_drivers.c); here the layout and the words are.
** To regenerate after an intended change:
**   MOT_UPDATE_GOLDEN=1 build/asan/tests/test_command_reports
** and review the diff. Also: the Markdown of both has a "# " title and a
** pipe table, and the analysis report embeds the same behaviour section.
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
#include "mot/report.h"
#include "testutil.h"

typedef enum { TEXT, MD } fmt;

static mot_behaviour_result *behaviour(void)
{
    mot_project *p;
    mot_diag d;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_project_load(&p, MOT_TEST_DATA "/behaviour_small",
                                      NULL, &d),
                     MOT_OK);
    mot_diag_free(&d);
    mot_behaviour_options o;
    mot_behaviour_options_default(&o);
    o.bootstrap = 50;
    o.threads = 1;
    mot_behaviour_result *r;
    mot_error err;
    assert_int_equal(mot_behaviour_analyse(p, &o, &r, &err), MOT_OK);
    mot_project_free(p);
    return r;
}

static char *render_behaviour(const mot_behaviour_result *r, fmt fm,
                              mot_lang lang)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_non_null(m);
    mot_status st = fm == MD ? mot_report_behaviour_md(m, r, lang)
                             : mot_report_behaviour_text(m, r, lang);
    assert_int_equal(st, MOT_OK);
    assert_int_equal(fclose(m), 0);
    return s;
}

static void test_behaviour_golden(void **state)
{
    (void)state;
    mot_behaviour_result *r = behaviour();
    static const struct { const char *name; fmt fm; mot_lang lang; } out[] = {
        {"behaviour.en.txt", TEXT, MOT_LANG_EN},
        {"behaviour.zh.txt", TEXT, MOT_LANG_ZH},
        {"behaviour.en.md", MD, MOT_LANG_EN},
        {"behaviour.zh.md", MD, MOT_LANG_ZH},
    };
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        char *s = render_behaviour(r, out[i].fm, out[i].lang);
        tu_golden(out[i].name, s);
        if (out[i].fm == MD) {
            assert_memory_equal(s, "# ", 2);
            assert_non_null(strstr(s, "\n| --- |"));
        }
        free(s);
    }
    mot_behaviour_result_free(r);
}

static mot_drivers *drivers(const char *file, const char *outcome,
                            const char *id)
{
    mot_wide *w;
    mot_error err;
    assert_int_equal(mot_wide_read(file, &w, &err), MOT_OK);
    mot_drivers_options o;
    mot_drivers_options_default(&o);
    o.outcome = outcome;
    o.id = id;
    o.bootstrap = 50;
    o.threads = 1;
    mot_drivers *d;
    assert_int_equal(mot_drivers_analyse(w, &o, &d, &err), MOT_OK);
    mot_wide_free(w);
    return d;
}

static char *render_drivers(const mot_drivers *d, fmt fm, mot_lang lang)
{
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    assert_non_null(m);
    mot_status st = fm == MD ? mot_report_drivers_md(m, d, lang)
                             : mot_report_drivers_text(m, d, lang);
    assert_int_equal(st, MOT_OK);
    assert_int_equal(fclose(m), 0);
    return s;
}

static void test_drivers_golden(void **state)
{
    (void)state;
    mot_drivers *d = drivers(MOT_TEST_DATA "/swiss.csv", "Fertility", NULL);
    static const struct { const char *name; fmt fm; mot_lang lang; } out[] = {
        {"drivers.en.txt", TEXT, MOT_LANG_EN},
        {"drivers.zh.txt", TEXT, MOT_LANG_ZH},
        {"drivers.en.md", MD, MOT_LANG_EN},
    };
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        char *s = render_drivers(d, out[i].fm, out[i].lang);
        tu_golden(out[i].name, s);
        free(s);
    }
    /* the English text of the old entry point is the same report */
    char *a = render_drivers(d, TEXT, MOT_LANG_EN), *b = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&b, &len);
    assert_non_null(m);
    assert_int_equal(mot_drivers_write_text(d, m), MOT_OK);
    assert_int_equal(fclose(m), 0);
    assert_string_equal(a, b);
    free(a);
    free(b);
    mot_drivers_free(d);

    d = drivers(MOT_TEST_DATA "/mtcars.csv", "am", "model");
    char *en = render_drivers(d, TEXT, MOT_LANG_EN);
    char *zh = render_drivers(d, TEXT, MOT_LANG_ZH);
    tu_golden("drivers_binary.en.txt", en);
    tu_golden("drivers_binary.zh.txt", zh);
    free(en);
    free(zh);
    mot_drivers_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_behaviour_golden),
        cmocka_unit_test(test_drivers_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
