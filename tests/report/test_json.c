/* test_json.c: the JSON writer's output, escaping, numbers and misuse. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/report.h"

/* Render with fn into a string; returns the status of mot_json_finish. */
static mot_status render(void (*fn)(mot_json *), int pretty, char **out)
{
    size_t len;
    FILE *m = open_memstream(out, &len);
    mot_json j;
    mot_json_init(&j, m, pretty);
    fn(&j);
    mot_status st = mot_json_finish(&j);
    fclose(m);
    return st;
}

static void doc(mot_json *j)
{
    mot_json_begin_object(j);
    mot_json_key(j, "name");
    mot_json_string(j, "首月账单 \"bill\"\n\\\x01");
    mot_json_key(j, "n");
    mot_json_int(j, -42);
    mot_json_key(j, "ci");
    mot_json_begin_array(j);
    mot_json_number(j, 0.1);
    mot_json_number(j, 1.0 / 3.0);
    mot_json_number(j, NAN);
    mot_json_number(j, 1e300);
    mot_json_number(j, -0.0);
    mot_json_number(j, 200.0);    /* whole: no exponent */
    mot_json_end_array(j);
    mot_json_key(j, "empty");
    mot_json_begin_array(j);
    mot_json_end_array(j);
    mot_json_key(j, "ok");
    mot_json_bool(j, 1);
    mot_json_key(j, "none");
    mot_json_string(j, NULL);
    mot_json_end_object(j);
}

static void test_compact(void **state)
{
    (void)state;
    char *s;
    assert_int_equal(render(doc, 0, &s), MOT_OK);
    assert_string_equal(s, "{\"name\":\"首月账单 \\\"bill\\\"\\n\\\\\\u0001\",\"n\":-42,"
                           "\"ci\":[0.1,0.3333333333333333,null,1e+300,0,200],"
                           "\"empty\":[],\"ok\":true,\"none\":null}");
    free(s);
}

static void test_pretty(void **state)
{
    (void)state;
    char *s;
    assert_int_equal(render(doc, 1, &s), MOT_OK);
    assert_non_null(strstr(s, "{\n  \"name\": "));
    assert_non_null(strstr(s, "\"ci\": [\n    0.1,\n    0.3333333333333333,"));
    assert_non_null(strstr(s, "\"empty\": [],"));
    assert_string_equal(s + strlen(s) - 3, "\n}\n");
    free(s);
}

static void unbalanced(mot_json *j)
{
    mot_json_begin_object(j);
    mot_json_key(j, "a");
}

static void two_values(mot_json *j)
{
    mot_json_int(j, 1);
    mot_json_int(j, 2);
}

static void nothing(mot_json *j) { (void)j; }

static void test_misuse_is_reported(void **state)
{
    (void)state;
    char *s;
    assert_int_equal(render(unbalanced, 0, &s), MOT_EUSAGE);
    free(s);
    assert_int_equal(render(two_values, 0, &s), MOT_EUSAGE);
    free(s);
    assert_int_equal(render(nothing, 0, &s), MOT_EUSAGE);
    free(s);
}

static void test_numbers_round_trip(void **state)
{
    (void)state;
    const double xs[] = {0.5, 123456789.125, 2.2250738585072014e-308, 0.1 + 0.2, -7};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        char *s;
        size_t len;
        FILE *m = open_memstream(&s, &len);
        mot_json j;
        mot_json_init(&j, m, 0);
        mot_json_number(&j, xs[i]);
        assert_int_equal(mot_json_finish(&j), MOT_OK);
        fclose(m);
        assert_true(strtod(s, NULL) == xs[i]);
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compact),
        cmocka_unit_test(test_pretty),
        cmocka_unit_test(test_misuse_is_reported),
        cmocka_unit_test(test_numbers_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
