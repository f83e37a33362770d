/* test_events.c: events.csv loads into its column arrays: every optional
** column, process-mining column names, gzip, GB18030, and a real help-desk
** event log. (Malformed events are in the matrix of test_project.c.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"

/* 2026-03-01 08:30 UTC */
#define T0 1772353800

static const char all_columns[] =
    "customer_id,time,touchpoint,score,journey_id,staff_id,branch,"
    "wait_minutes,expected,channel,device\n"
    "C1,2026-03-01 08:30,T1,4,J1,S1,北京,5,4,digital,ios\n"
    "C1,1772357400,开通,,J1,,北京,,,front,\n"
    "C2,2026-03-02T10:00:00Z,T3,1.5,J2,S2,上海,0,3,,android\n";

static void test_every_column_is_stored(void **state)
{
    (void)state;
    const char *dir = lu_project("ev_all", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"staff.csv", "staff_id\nS1\nS2\n"},
        {"events.csv", all_columns}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_events *e = p->events;
    assert_non_null(e);
    assert_int_equal(e->n, 3);
    assert_int_equal(mot_strtab_count(p->customer_ids), 2);
    const uint32_t customer[] = {0, 0, 1}, touchpoint[] = {0, 1, 2},
                   journey[] = {0, 0, 1}, staff[] = {0, MOT_NONE, 1},
                   branch[] = {0, 0, 1};
    const int64_t time[] = {T0, T0 + 3600, T0 + 86400 + 5400};
    const uint8_t channel[] = {MOT_CHANNEL_DIGITAL, MOT_CHANNEL_FRONT,
                               MOT_CHANNEL_UNSET};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(e->customer[i], customer[i]);
        assert_int_equal(e->time[i], time[i]);
        assert_int_equal(e->touchpoint[i], touchpoint[i]);
        assert_int_equal(e->journey[i], journey[i]);
        assert_int_equal(e->staff[i], staff[i]);
        assert_int_equal(e->branch[i], branch[i]);
        assert_int_equal(e->channel[i], channel[i]);
    }
    assert_string_equal(mot_strtab_get(p->customer_ids, 1), "C2");
    assert_string_equal(mot_strtab_get(e->journeys, 1), "J2");
    assert_string_equal(mot_strtab_get(p->branches, 1), "上海");
    assert_true(e->score[0] == 4.0f && e->score[2] == 1.5f);
    assert_true(LU_ISNAN(e->score[1]));
    assert_true(e->wait_minutes[0] == 5.0f && e->wait_minutes[2] == 0.0f);
    assert_true(LU_ISNAN(e->wait_minutes[1]));
    assert_true(e->expected[0] == 4.0f && LU_ISNAN(e->expected[1]));
    const mot_column *device = mot_columns_find(&e->attrs, "device");
    assert_non_null(device);
    assert_false(device->numeric);
    assert_int_equal(device->code[0], 0);
    assert_int_equal(device->code[1], MOT_NONE);
    assert_string_equal(mot_strtab_get(device->dict, device->code[2]),
                        "android");
    mot_project_free(p);
}

static void test_optional_columns_absent_are_null(void **state)
{
    (void)state;
    const char *dir = lu_project("ev_min", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"events.csv", "customer_id,time,touchpoint\nC1,2026-03-01,T2\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_events *e = p->events;
    assert_int_equal(e->n, 1);
    assert_true(LU_ISNAN(e->score[0]));
    assert_int_equal(e->time[0], T0 - 8 * 3600 - 1800);
    assert_null(e->journey);
    assert_null(e->staff);
    assert_null(e->branch);
    assert_null(e->wait_minutes);
    assert_null(e->expected);
    assert_null(e->channel);
    assert_int_equal(e->attrs.n, 0);
    assert_null(p->customers);
    assert_null(p->kano);
    mot_project_free(p);
}

static void test_process_mining_column_names(void **state)
{
    (void)state;
    static const char *const headers[] = {
        "case:concept:name,concept:name,time:timestamp,org:resource\n",
        "case_id,activity,timestamp,org:resource\n",
        "Case_ID,Activity,TimeStamp,org:resource\n",
    };
    for (size_t h = 0; h < 3; h++) {
        char events[400];
        snprintf(events, sizeof events, "%s%s", headers[h],
                 "Case 1,咨询,2012-10-09T14:50:17+00:00,Value 1\n"
                 "Case 1,T2,2012-10-09T14:51:01+00:00,Value 2\n");
        const char *dir = lu_project("ev_pm", (lu_file[]){
            {"blueprint.csv", LU_BLUEPRINT}, {"events.csv", events},
            {NULL, NULL}});
        mot_project *p = lu_load(dir);
        const mot_events *e = p->events;
        assert_int_equal(e->n, 2);
        assert_int_equal(e->touchpoint[0], 0);
        assert_int_equal(e->touchpoint[1], 1);
        assert_int_equal(e->time[1] - e->time[0], 44);
        assert_string_equal(mot_strtab_get(p->customer_ids, e->customer[0]),
                            "Case 1");
        const mot_column *res = mot_columns_find(&e->attrs, "org:resource");
        assert_non_null(res);
        assert_int_equal(res->code[1], 1);
        mot_project_free(p);
    }
}

static void test_canonical_name_wins_over_alias(void **state)
{
    (void)state;
    /* with both customer_id and case_id, case_id is an attribute */
    const char *dir = lu_project("ev_alias", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"events.csv", "case_id,customer_id,time,touchpoint\n"
                       "K7,C1,2026-03-01,T1\n"}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    assert_string_equal(mot_strtab_get(p->customer_ids, 0), "C1");
    const mot_column *k = mot_columns_find(&p->events->attrs, "case_id");
    assert_non_null(k);
    assert_string_equal(mot_strtab_get(k->dict, k->code[0]), "K7");
    mot_project_free(p);
}

static void test_numeric_attribute(void **state)
{
    (void)state;
    const char *dir = lu_project("ev_num", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"events.csv", "customer_id,time,touchpoint,bill,plan\n"
                       "C1,0,T1,12.5,A\nC1,60,T1,,3\nC2,120,T2,-4,B\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_column *bill = mot_columns_find(&p->events->attrs, "bill");
    const mot_column *plan = mot_columns_find(&p->events->attrs, "plan");
    assert_true(bill->numeric);
    assert_true(bill->num[0] == 12.5 && bill->num[2] == -4.0);
    assert_true(LU_ISNAN(bill->num[1]));
    /* "3" is a number but "A" is not: the column is categorical */
    assert_false(plan->numeric);
    assert_string_equal(mot_strtab_get(plan->dict, plan->code[1]), "3");
    mot_project_free(p);
}

static void test_gzip_file(void **state)
{
    (void)state;
    const char *dir = lu_project("ev_gz", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {NULL, NULL}});
    gzFile gz = gzopen(tu_path(dir, "events.csv.gz"), "wb");
    assert_non_null(gz);
    gzputs(gz, "customer_id,time,touchpoint,score\n");
    for (int i = 0; i < 1000; i++)
        gzprintf(gz, "C%d,%d,T%d,%d\n", i % 70, 1000 + i, 1 + i % 3,
                 1 + i % 5);
    assert_int_equal(gzclose(gz), Z_OK);
    mot_project *p = lu_load(dir);
    assert_int_equal(p->events->n, 1000);
    assert_int_equal(mot_strtab_count(p->customer_ids), 70);
    assert_int_equal(p->events->touchpoint[998], 2);
    assert_true(p->events->score[998] == 4.0f);
    mot_project_free(p);
}

/* Write text to dir/file converted from UTF-8 to GB18030. */
static void write_gb18030(const char *dir, const char *file, const char *text)
{
    char out[1024], *in = (char *)text, *o = out;
    size_t inleft = strlen(text), outleft = sizeof out;
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
    iconv_close(cd);
    tu_write(dir, file, out, sizeof out - outleft);
}

static void test_gb18030_file(void **state)
{
    (void)state;
    const char *dir = lu_project("ev_gb", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {NULL, NULL}});
    write_gb18030(dir, "events.csv", "客户,customer_id,time,touchpoint\n"
                  "张三,C1,2026-03-01,咨询\n李四,C2,2026-03-01,报修\n");
    mot_project *p = lu_load(dir);
    assert_int_equal(p->events->n, 2);
    assert_int_equal(p->events->touchpoint[0], 0);
    assert_int_equal(p->events->touchpoint[1], 2);
    const mot_column *who = mot_columns_find(&p->events->attrs, "客户");
    assert_non_null(who);
    assert_string_equal(mot_strtab_get(who->dict, who->code[1]), "李四");
    mot_project_free(p);
}

static void test_real_helpdesk_log(void **state)
{
    (void)state;
    if (access(MOT_SHARED_DATA "/helpdesk_log.csv", R_OK) != 0) {
        print_message("shared data not found beside the checkout: skipped\n");
        skip();
    }
    char *bp = tu_read(MOT_TEST_DATA "/helpdesk/blueprint.csv", NULL);
    assert_non_null(bp);
    const char *dir = lu_project("ev_helpdesk", (lu_file[]){
        {"blueprint.csv", bp}, {NULL, NULL}});
    free(bp);
    assert_int_equal(symlink(MOT_SHARED_DATA "/helpdesk_log.csv",
                             tu_path(dir, "events.csv")), 0);
    mot_project *p = lu_load(dir);
    const mot_events *e = p->events;
    assert_int_equal(e->n, 21348);
    assert_int_equal(mot_strtab_count(p->customer_ids), 4580);
    /* "Take in charge ticket" (H03) is the most frequent activity */
    size_t taken = 0;
    for (size_t i = 0; i < e->n; i++)
        taken += e->touchpoint[i] == 2;
    assert_int_equal(taken, 5060);
    assert_non_null(mot_columns_find(&e->attrs, "org:resource"));
    assert_non_null(mot_columns_find(&e->attrs, "service_level"));
    mot_project_free(p);
}

/* MOT_SKIP_EVENT_EXTRA leaves journey_id, wait_minutes, channel and the
** attribute columns unread (NULL, empty, their bad values unreported) and
** reads the rest as a full load does; a bad value in a column it reads
** is still reported at its line and column. */
static void test_skip_extra(void **state)
{
    (void)state;
    const char *dir = lu_project("ev_extra", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"staff.csv", "staff_id\nS1\nS2\n"},
        {"events.csv",
         "customer_id,time,touchpoint,score,journey_id,staff_id,branch,"
         "wait_minutes,expected,channel,device\n"
         "C1,2026-03-01 08:30,T1,4,J1,S1,北京,-5,4,nowhere,ios\n"
         "C2,1772357400,开通,,J2,,上海,many,,by post,\n"
         "C1,2026-03-02T10:00:00Z,T3,1.5,,S2,北京,0,3,,android\n"},
        {NULL, NULL}});
    lu_result r;
    lu_load_fail(dir, 0, &r);      /* read whole: wait and channel bad */
    assert_int_equal(r.count, 4);
    assert_string_equal(r.first, "events.csv:2:8: wait_minutes must be a "
                                 "number of minutes, 0 or more, found "
                                 "\"-5\"");
    mot_diag_free(&r.diag);

    mot_diag d;
    mot_diag_init(&d, 0);
    mot_project *p = NULL;
    mot_load_options opt = {.skip = MOT_SKIP_EVENT_EXTRA, .threads = 1};
    assert_int_equal(mot_project_load(&p, dir, &opt, &d), MOT_OK);
    assert_int_equal(d.n, 0);
    mot_diag_free(&d);
    assert_int_equal(p->skipped, MOT_SKIP_EVENT_EXTRA);
    const mot_events *e = p->events;
    assert_int_equal(e->n, 3);
    assert_null(e->journey);
    assert_null(e->journeys);
    assert_null(e->wait_minutes);
    assert_null(e->channel);
    assert_int_equal(e->attrs.n, 0);
    const uint32_t customer[] = {0, 1, 0}, touchpoint[] = {0, 1, 2},
                   staff[] = {0, MOT_NONE, 1}, branch[] = {0, 1, 0};
    const int64_t time[] = {T0, T0 + 3600, T0 + 86400 + 5400};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(e->customer[i], customer[i]);
        assert_int_equal(e->time[i], time[i]);
        assert_int_equal(e->touchpoint[i], touchpoint[i]);
        assert_int_equal(e->staff[i], staff[i]);
        assert_int_equal(e->branch[i], branch[i]);
    }
    assert_true(e->score[0] == 4.0f && e->score[2] == 1.5f);
    assert_true(LU_ISNAN(e->score[1]));
    assert_true(e->expected[0] == 4.0f && LU_ISNAN(e->expected[1]) &&
                e->expected[2] == 3.0f);
    assert_string_equal(mot_strtab_get(p->branches, 1), "上海");
    mot_project_free(p);

    /* a column it reads is still checked, at its place */
    dir = lu_project("ev_extra_bad", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"staff.csv", "staff_id\nS1\n"},
        {"events.csv", "customer_id,time,touchpoint,channel,staff_id\n"
                       "C1,0,T1,nowhere,S1\nC1,60,T2,,S9\n"},
        {NULL, NULL}});
    mot_diag_init(&d, 0);
    p = (mot_project *)1;
    assert_int_not_equal(mot_project_load(&p, dir, &opt, &d), MOT_OK);
    assert_null(p);
    assert_int_equal(d.total, 1);
    char buf[400];
    mot_error_format(&d.items[0], buf, sizeof buf);
    assert_true(strncmp(buf, "events.csv:3:5: ", 16) == 0);
    assert_non_null(strstr(buf, "\"S9\""));
    mot_diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_column_is_stored),
        cmocka_unit_test(test_optional_columns_absent_are_null),
        cmocka_unit_test(test_process_mining_column_names),
        cmocka_unit_test(test_canonical_name_wins_over_alias),
        cmocka_unit_test(test_numeric_attribute),
        cmocka_unit_test(test_gzip_file),
        cmocka_unit_test(test_gb18030_file),
        cmocka_unit_test(test_real_helpdesk_log),
        cmocka_unit_test(test_skip_extra),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
