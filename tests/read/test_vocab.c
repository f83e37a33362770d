/* test_vocab.c: blueprint vocabulary names and words (src/read/vocab.c).
**
** Every accepted word is checked through a heap copy of exactly its
** length, so AddressSanitizer catches a read past len.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "mot/project.h"

typedef int (*from_text_fn)(const char *s, size_t len);

/* The *_from_text functions, adapted to one type for the tables below. */
static int phase(const char *s, size_t len) { return (int)mot_phase_from_text(s, len); }
static int lane(const char *s, size_t len) { return (int)mot_lane_from_text(s, len); }
static int channel(const char *s, size_t len) { return (int)mot_channel_from_text(s, len); }
static int dimension(const char *s, size_t len) { return (int)mot_dimension_from_text(s, len); }

static int call(from_text_fn fn, const char *text)
{
    size_t len = strlen(text);
    char *p = malloc(len ? len : 1);
    assert_non_null(p);
    memcpy(p, text, len);
    int v = fn(p, len);
    free(p);
    return v;
}

typedef struct word_case {
    const char *text;
    int want;
} word_case;

static void check_words(from_text_fn fn, const word_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int got = call(fn, cases[i].text);
        if (got != cases[i].want)
            fail_msg("\"%s\": got %d, want %d", cases[i].text, got,
                     cases[i].want);
    }
}

#define CHECK(fn, cases) check_words(fn, cases, sizeof cases / sizeof cases[0])

static void test_phase(void **state)
{
    (void)state;
    static const word_case cases[] = {
        {"expectation", MOT_PHASE_EXPECTATION}, {"Expectation", MOT_PHASE_EXPECTATION},
        {" EXPECTATION ", MOT_PHASE_EXPECTATION}, {"预期", MOT_PHASE_EXPECTATION},
        {"期望", MOT_PHASE_EXPECTATION},
        {"contact", MOT_PHASE_CONTACT}, {"Contact", MOT_PHASE_CONTACT},
        {"接触", MOT_PHASE_CONTACT}, {"服务中", MOT_PHASE_CONTACT},
        {"follow-up", MOT_PHASE_FOLLOW_UP}, {"follow_up", MOT_PHASE_FOLLOW_UP},
        {"followup", MOT_PHASE_FOLLOW_UP}, {"Follow Up", MOT_PHASE_FOLLOW_UP},
        {"FOLLOW-UP", MOT_PHASE_FOLLOW_UP}, {"\tfollow-up\t", MOT_PHASE_FOLLOW_UP},
        {"跟进", MOT_PHASE_FOLLOW_UP}, {"后续", MOT_PHASE_FOLLOW_UP},
        {"", MOT_PHASE_UNSET}, {" ", MOT_PHASE_UNSET}, {"expect", MOT_PHASE_UNSET},
        {"contacts", MOT_PHASE_UNSET}, {"follow", MOT_PHASE_UNSET},
        {"up", MOT_PHASE_UNSET}, {"预", MOT_PHASE_UNSET}, {"接触点", MOT_PHASE_UNSET},
        {"during", MOT_PHASE_UNSET},
    };
    CHECK(phase, cases);
    assert_string_equal(mot_phase_name(MOT_PHASE_EXPECTATION), "expectation");
    assert_string_equal(mot_phase_name(MOT_PHASE_CONTACT), "contact");
    assert_string_equal(mot_phase_name(MOT_PHASE_FOLLOW_UP), "follow-up");
    assert_string_equal(mot_phase_name(MOT_PHASE_UNSET), "");
    assert_string_equal(mot_phase_name((mot_phase)99), "");
}

static void test_lane(void **state)
{
    (void)state;
    static const word_case cases[] = {
        {"evidence", MOT_LANE_EVIDENCE}, {"Evidence", MOT_LANE_EVIDENCE},
        {"physical evidence", MOT_LANE_EVIDENCE}, {"Physical_Evidence", MOT_LANE_EVIDENCE},
        {"有形展示", MOT_LANE_EVIDENCE}, {"实体证据", MOT_LANE_EVIDENCE},
        {"customer", MOT_LANE_CUSTOMER}, {"CUSTOMER", MOT_LANE_CUSTOMER},
        {"customer actions", MOT_LANE_CUSTOMER}, {"customer-actions", MOT_LANE_CUSTOMER},
        {"顾客行为", MOT_LANE_CUSTOMER}, {"客户行为", MOT_LANE_CUSTOMER},
        {"顾客", MOT_LANE_CUSTOMER},
        {"frontstage", MOT_LANE_FRONTSTAGE}, {"Front stage", MOT_LANE_FRONTSTAGE},
        {"front-stage", MOT_LANE_FRONTSTAGE}, {"onstage", MOT_LANE_FRONTSTAGE},
        {"On-Stage", MOT_LANE_FRONTSTAGE}, {"前台", MOT_LANE_FRONTSTAGE},
        {"backstage", MOT_LANE_BACKSTAGE}, {"Back stage", MOT_LANE_BACKSTAGE},
        {"后台", MOT_LANE_BACKSTAGE},
        {"support", MOT_LANE_SUPPORT}, {"support processes", MOT_LANE_SUPPORT},
        {"Support_Processes", MOT_LANE_SUPPORT}, {"支持", MOT_LANE_SUPPORT},
        {"支持过程", MOT_LANE_SUPPORT},
        {"", MOT_LANE_UNSET}, {"front", MOT_LANE_UNSET}, {"back", MOT_LANE_UNSET},
        {"customers", MOT_LANE_UNSET}, {"physical", MOT_LANE_UNSET},
        {"process", MOT_LANE_UNSET}, {"客户", MOT_LANE_UNSET}, {"线上", MOT_LANE_UNSET},
    };
    CHECK(lane, cases);
    static const char *const names[] = {"", "evidence", "customer",
                                        "frontstage", "backstage", "support"};
    for (int l = MOT_LANE_UNSET; l <= MOT_LANE_SUPPORT; l++)
        assert_string_equal(mot_lane_name((mot_lane)l), names[l]);
    assert_string_equal(mot_lane_name((mot_lane)-3), "");
}

static void test_channel(void **state)
{
    (void)state;
    static const word_case cases[] = {
        {"front", MOT_CHANNEL_FRONT}, {"Front", MOT_CHANNEL_FRONT},
        {"offline", MOT_CHANNEL_FRONT}, {"线下", MOT_CHANNEL_FRONT},
        {"前台", MOT_CHANNEL_FRONT},
        {"back", MOT_CHANNEL_BACK}, {" BACK ", MOT_CHANNEL_BACK},
        {"后台", MOT_CHANNEL_BACK},
        {"digital", MOT_CHANNEL_DIGITAL}, {"Digital", MOT_CHANNEL_DIGITAL},
        {"online", MOT_CHANNEL_DIGITAL}, {"On-line", MOT_CHANNEL_DIGITAL},
        {"线上", MOT_CHANNEL_DIGITAL}, {"数字", MOT_CHANNEL_DIGITAL},
        {"", MOT_CHANNEL_UNSET}, {"frontstage", MOT_CHANNEL_UNSET},
        {"web", MOT_CHANNEL_UNSET}, {"app", MOT_CHANNEL_UNSET},
        {"线", MOT_CHANNEL_UNSET},
    };
    CHECK(channel, cases);
    static const char *const names[] = {"", "front", "back", "digital"};
    for (int c = MOT_CHANNEL_UNSET; c <= MOT_CHANNEL_DIGITAL; c++)
        assert_string_equal(mot_channel_name((mot_channel)c), names[c]);
    assert_string_equal(mot_channel_name((mot_channel)4), "");
}

static void test_dimension(void **state)
{
    (void)state;
    static const word_case cases[] = {
        {"tangibles", MOT_DIM_TANGIBLES}, {"Tangibles", MOT_DIM_TANGIBLES},
        {"有形性", MOT_DIM_TANGIBLES},
        {"reliability", MOT_DIM_RELIABILITY}, {"RELIABILITY", MOT_DIM_RELIABILITY},
        {"可靠性", MOT_DIM_RELIABILITY},
        {"responsiveness", MOT_DIM_RESPONSIVENESS}, {" Responsiveness ", MOT_DIM_RESPONSIVENESS},
        {"响应性", MOT_DIM_RESPONSIVENESS},
        {"assurance", MOT_DIM_ASSURANCE}, {"Assurance", MOT_DIM_ASSURANCE},
        {"保证性", MOT_DIM_ASSURANCE},
        {"empathy", MOT_DIM_EMPATHY}, {"Empathy", MOT_DIM_EMPATHY},
        {"移情性", MOT_DIM_EMPATHY}, {"关怀性", MOT_DIM_EMPATHY},
        {"", MOT_DIM_UNSET}, {"tangible", MOT_DIM_UNSET}, {"reliable", MOT_DIM_UNSET},
        {"1", MOT_DIM_UNSET}, {"有形", MOT_DIM_UNSET}, {"quality", MOT_DIM_UNSET},
    };
    CHECK(dimension, cases);
    static const char *const names[] = {"tangibles", "reliability",
                                        "responsiveness", "assurance", "empathy"};
    for (int d = 0; d < MOT_NDIMENSIONS; d++)
        assert_string_equal(mot_dimension_name((mot_dimension)d), names[d]);
    assert_string_equal(mot_dimension_name(MOT_DIM_UNSET), "");
    assert_string_equal(mot_dimension_name((mot_dimension)MOT_NDIMENSIONS), "");
}

static void test_dimension_of_item(void **state)
{
    (void)state;
    /* Parasuraman, Zeithaml & Berry (1988), items 1..22 */
    static const mot_dimension want[23] = {
        MOT_DIM_UNSET,
        MOT_DIM_TANGIBLES, MOT_DIM_TANGIBLES, MOT_DIM_TANGIBLES, MOT_DIM_TANGIBLES,
        MOT_DIM_RELIABILITY, MOT_DIM_RELIABILITY, MOT_DIM_RELIABILITY,
        MOT_DIM_RELIABILITY, MOT_DIM_RELIABILITY,
        MOT_DIM_RESPONSIVENESS, MOT_DIM_RESPONSIVENESS, MOT_DIM_RESPONSIVENESS,
        MOT_DIM_RESPONSIVENESS,
        MOT_DIM_ASSURANCE, MOT_DIM_ASSURANCE, MOT_DIM_ASSURANCE, MOT_DIM_ASSURANCE,
        MOT_DIM_EMPATHY, MOT_DIM_EMPATHY, MOT_DIM_EMPATHY, MOT_DIM_EMPATHY,
        MOT_DIM_EMPATHY,
    };
    for (long item = 0; item <= 22; item++)
        assert_int_equal(mot_dimension_of_item(item), want[item]);
    assert_int_equal(mot_dimension_of_item(23), MOT_DIM_UNSET);
    assert_int_equal(mot_dimension_of_item(-1), MOT_DIM_UNSET);
    assert_int_equal(mot_dimension_of_item(-2147483647L - 1), MOT_DIM_UNSET);
    assert_int_equal(mot_dimension_of_item(2147483647L), MOT_DIM_UNSET);
}

static void test_stops_at_len(void **state)
{
    (void)state;
    assert_int_equal(mot_phase_from_text("contacts", 7), MOT_PHASE_CONTACT);
    assert_int_equal(mot_lane_from_text("backstagex", 9), MOT_LANE_BACKSTAGE);
    assert_int_equal(mot_channel_from_text("backstage", 4), MOT_CHANNEL_BACK);
    assert_int_equal(mot_dimension_from_text("empathy", 6), MOT_DIM_UNSET);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phase),
        cmocka_unit_test(test_lane),
        cmocka_unit_test(test_channel),
        cmocka_unit_test(test_dimension),
        cmocka_unit_test(test_dimension_of_item),
        cmocka_unit_test(test_stops_at_len),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
