/* test_error.c: error formatting, exit codes and the bounded list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "mot/error.h"

static void test_format_with_position(void **state)
{
    (void)state;
    mot_error e;
    char buf[256];
    mot_error_set(&e, MOT_EDATA, "events.csv", 57, 4,
                  "score must be a number between %d and %d, found \"%s\"", 1, 5, "five");
    mot_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "events.csv:57:4: score must be a number between 1 and 5, found \"five\"");
    mot_error_set(&e, MOT_ENOENT, "blueprint.csv", 0, 0, "file not found");
    mot_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "blueprint.csv: file not found");
    mot_error_set(&e, MOT_EDATA, "mot.ini", 3, 0, "bad line");
    mot_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "mot.ini:3: bad line");
}

static void test_exit_codes(void **state)
{
    (void)state;
    assert_int_equal(mot_status_exit_code(MOT_OK), 0);
    assert_int_equal(mot_status_exit_code(MOT_EUSAGE), 64);
    assert_int_equal(mot_status_exit_code(MOT_EDATA), 65);
    assert_int_equal(mot_status_exit_code(MOT_ENOENT), 66);
    assert_int_equal(mot_status_exit_code(MOT_EIO), 74);
    assert_string_equal(mot_strerror(MOT_EDATA), "bad data");
}

static void test_diag_keeps_limit_and_counts_rest(void **state)
{
    (void)state;
    mot_diag d;
    mot_diag_init(&d, 3);
    mot_error e;
    for (int i = 0; i < 10; i++) {
        mot_error_set(&e, i == 0 ? MOT_EDATA : MOT_ENOENT, "f", (unsigned long)i + 1, 1, "m%d", i);
        mot_diag_add(&d, &e);
    }
    assert_int_equal(d.n, 3);
    assert_int_equal(d.total, 10);
    assert_int_equal(d.worst, MOT_EDATA);
    assert_string_equal(d.items[2].message, "m2");
    mot_diag_free(&d);
    assert_int_equal(d.n, 0);
}

static void test_long_message_truncates(void **state)
{
    (void)state;
    char big[2000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    mot_error e;
    mot_error_set(&e, MOT_EDATA, big, 1, 1, "%s", big);
    assert_int_equal(strlen(e.message), MOT_ERROR_MSG_MAX - 1);
    assert_int_equal(strlen(e.file), MOT_ERROR_FILE_MAX - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_with_position),
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_diag_keeps_limit_and_counts_rest),
        cmocka_unit_test(test_long_message_truncates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
