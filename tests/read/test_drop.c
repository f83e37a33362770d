/* test_drop.c: mot_project_drop leaves a project exactly as a load that
** skipped the dropped parts gives: the same tables, the same ids in the
** same order and the same indexes in every column that remains. Checked
** on small projects where tickets.csv and the events' staff and branch
** name ids nothing else names (with and without staff.csv, so that staff
** ids are interned from the files), and on the demo projects. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"
#include "read/chunks.h"

/* What `mot analyze` reads when it runs the tickets part, and what it
** then drops. */
#define WIDE (MOT_SKIP_EVENT_JOURNEY | MOT_SKIP_INTERACTION_DETAIL)
#define DROP (MOT_SKIP_TICKETS | MOT_SKIP_EVENT_DETAIL)

static mot_project *load(const char *dir, unsigned skip, unsigned threads)
{
    mot_diag d;
    mot_project *p = NULL;
    mot_load_options o = {.skip = skip, .threads = threads};
    mot_diag_init(&d, 0);
    mot_status st = mot_project_load(&p, dir, &o, &d);
    for (size_t i = 0; i < d.n; i++) {
        char buf[1200];
        mot_error_format(&d.items[i], buf, sizeof buf);
        print_error("%s\n", buf);
    }
    mot_diag_free(&d);
    assert_int_equal(st, MOT_OK);
    return p;
}

static void same_strtab(const mot_strtab *a, const mot_strtab *b)
{
    assert_int_equal(mot_strtab_count(a), mot_strtab_count(b));
    for (uint32_t i = 0; i < mot_strtab_count(a); i++) {
        assert_string_equal(mot_strtab_get(a, i), mot_strtab_get(b, i));
        const char *s = mot_strtab_get(a, i);
        assert_int_equal(mot_strtab_find(a, s, strlen(s)), i);
    }
}

/* Arrays of n elements of size sz, both NULL or equal. */
static void same_array(const void *a, const void *b, size_t n, size_t sz)
{
    assert_true((a == NULL) == (b == NULL));
    if (a && n)
        assert_memory_equal(a, b, n * sz);
}

#define SAME(x, y, n) same_array((x), (y), (n), sizeof *(x))

static void same_project(const mot_project *a, const mot_project *b)
{
    assert_int_equal(a->skipped, b->skipped);
    same_strtab(a->customer_ids, b->customer_ids);
    same_strtab(a->staff_ids, b->staff_ids);
    same_strtab(a->branches, b->branches);
    assert_null(a->tickets);
    assert_null(b->tickets);
    assert_true((a->customers == NULL) == (b->customers == NULL));
    if (a->customers) {
        assert_int_equal(a->customers->n, b->customers->n);
        SAME(a->customers->customer, b->customers->customer, a->customers->n);
    }
    assert_true((a->events == NULL) == (b->events == NULL));
    if (a->events) {
        const mot_events *x = a->events, *y = b->events;
        assert_int_equal(x->n, y->n);
        SAME(x->customer, y->customer, x->n);
        SAME(x->time, y->time, x->n);
        SAME(x->touchpoint, y->touchpoint, x->n);
        SAME(x->score, y->score, x->n);
        SAME(x->wait_minutes, y->wait_minutes, x->n);
        SAME(x->journey, y->journey, x->n);
        SAME(x->staff, y->staff, x->n);
        SAME(x->branch, y->branch, x->n);
        SAME(x->expected, y->expected, x->n);
        SAME(x->channel, y->channel, x->n);
        assert_true((x->journeys == NULL) == (y->journeys == NULL));
        assert_int_equal(x->attrs.n, y->attrs.n);
    }
    assert_true((a->interactions == NULL) == (b->interactions == NULL));
    if (a->interactions) {
        const mot_interactions *x = a->interactions, *y = b->interactions;
        assert_int_equal(x->n, y->n);
        SAME(x->staff, y->staff, x->n);
        SAME(x->time, y->time, x->n);
        SAME(x->customer, y->customer, x->n);
        SAME(x->branch, y->branch, x->n);
    }
    assert_true((a->staff == NULL) == (b->staff == NULL));
    if (a->staff) {
        assert_int_equal(a->staff->n, b->staff->n);
        SAME(a->staff->staff, b->staff->staff, a->staff->n);
        SAME(a->staff->branch, b->staff->branch, a->staff->n);
    }
}

/* Load dir wide and drop, and load it skipping; the two must agree. Then
** drop the waits too (as `mot analyze` does once the features are
** derived), against a load that skipped them as well. */
static void check_dir(const char *dir, unsigned threads)
{
    mot_project *a = load(dir, WIDE, threads);
    mot_project *b = load(dir, WIDE | DROP, threads);
    assert_int_equal(mot_project_drop(a, DROP), MOT_OK);
    same_project(a, b);
    mot_project_free(b);
    b = load(dir, WIDE | DROP | MOT_SKIP_EVENT_EXTRA, threads);
    assert_int_equal(mot_project_drop(a, MOT_SKIP_EVENT_EXTRA), MOT_OK);
    same_project(a, b);
    assert_true(!a->events || !a->events->wait_minutes);
    mot_project_free(a);
    mot_project_free(b);
}

#define BP "id,name,stage\nT1,咨询,售前\nT2,开通,售中\n"
#define EVENTS                                                              \
    "customer_id,time,touchpoint,score,journey_id,staff_id,branch,"        \
    "expected,channel,extra\n"                                             \
    "C2,2026-01-01,T1,4,J1,S2,B9,3,front,x\n"                              \
    "C1,2026-01-02,T2,,J1,S1,B1,,digital,y\n"                              \
    "C3,2026-01-03,T2,2,J2,S3,B1,4,,z\n"
/* tickets name customer C8, staff S4 and branch B7 that nothing else
** names; interactions name S3 before S1 */
#define TICKETS                                                             \
    "ticket_id,customer_id,touchpoint,opened_at,first_response_at,"        \
    "resolved_at,staff_id,branch\n"                                        \
    "K1,C8,T1,2026-01-05,,,S4,B7\n"                                        \
    "K2,C1,T2,2026-01-06,2026-01-06,2026-01-07,S1,B1\n"
#define INTERACTIONS                                                        \
    "interaction_id,staff_id,time,customer_id,branch,customer_score,"      \
    "step1\n"                                                              \
    "I1,S3,2026-01-04,C9,B8,4,1\n"                                         \
    "I2,S1,2026-01-05,C1,B1,5,0\n"

/* Without staff.csv the staff ids come from the files, in load order:
** the events' S2 S1 S3 and the tickets' S4 go, the interactions' S3 S1
** stay in their order; so do C8 and the events' branches. */
static void test_drop_renumbers_ids(void **state)
{
    (void)state;
    const lu_file files[] = {{"blueprint.csv", BP},
                             {"customers.csv", "customer_id,overall\nC1,4\n"},
                             {"events.csv", EVENTS},
                             {"tickets.csv", TICKETS},
                             {"interactions.csv", INTERACTIONS},
                             {NULL, NULL}};
    const char *dir = lu_project("drop_nostaff", files);
    mot_project *a = load(dir, WIDE, 1);
    assert_int_equal(mot_strtab_count(a->customer_ids), 4);   /* C1..C3 C8 */
    assert_int_equal(mot_strtab_count(a->staff_ids), 4);
    assert_string_equal(mot_strtab_get(a->staff_ids, 0), "S2");
    assert_int_equal(mot_project_drop(a, DROP), MOT_OK);
    assert_int_equal(mot_strtab_count(a->customer_ids), 3);
    assert_int_equal(mot_strtab_count(a->staff_ids), 2);
    assert_string_equal(mot_strtab_get(a->staff_ids, 0), "S3");
    assert_string_equal(mot_strtab_get(a->staff_ids, 1), "S1");
    assert_int_equal(a->interactions->staff[0], 0);
    assert_int_equal(a->interactions->staff[1], 1);
    assert_int_equal(mot_strtab_count(a->branches), 0);
    assert_true(a->skipped & MOT_SKIP_TICKETS);
    assert_true(a->skipped & MOT_SKIP_EVENT_DETAIL);
    assert_null(a->events->staff);
    assert_null(a->events->expected);
    assert_null(a->events->wait_minutes);
    mot_project_free(a);
    check_dir(dir, 1);
}

/* With staff.csv the staff ids are its own; branches keep staff.csv's. */
static void test_drop_with_staff_file(void **state)
{
    (void)state;
    const lu_file files[] = {
        {"blueprint.csv", BP},
        {"customers.csv", "customer_id,overall\nC3,4\nC1,2\n"},
        {"events.csv", EVENTS},
        {"tickets.csv", TICKETS},
        {"interactions.csv", INTERACTIONS},
        {"staff.csv", "staff_id,branch\nS1,B1\nS2,B2\nS3,B1\nS4,B3\n"},
        {NULL, NULL}};
    const char *dir = lu_project("drop_staff", files);
    check_dir(dir, 1);
    check_dir(dir, 2);
}

/* Nothing to renumber: the ids stay where they are. */
static void test_drop_keeps_ids(void **state)
{
    (void)state;
    const lu_file files[] = {
        {"blueprint.csv", BP},
        {"customers.csv", "customer_id,overall\nC1,4\nC2,3\nC3,1\n"},
        {"events.csv", EVENTS},
        {"tickets.csv", "ticket_id,customer_id,touchpoint,opened_at,"
                        "first_response_at,resolved_at\n"
                        "K1,C2,T1,2026-01-05,,\n"},
        {NULL, NULL}};
    const char *dir = lu_project("drop_same", files);
    mot_project *a = load(dir, WIDE, 1);
    const mot_strtab *before = a->customer_ids;
    assert_int_equal(mot_project_drop(a, DROP), MOT_OK);
    assert_ptr_equal(a->customer_ids, before);
    mot_project_free(a);
    check_dir(dir, 1);
}

static void test_drop_other_bits(void **state)
{
    (void)state;
    const lu_file files[] = {{"blueprint.csv", BP},
                             {"events.csv", EVENTS},
                             {"staff.csv", "staff_id\nS1\nS2\nS3\n"},
                             {NULL, NULL}};
    const char *dir = lu_project("drop_bits", files);
    mot_project *a = load(dir, 0, 1);
    assert_int_equal(mot_project_drop(a, MOT_SKIP_STAFF), MOT_EUSAGE);
    assert_non_null(a->staff);
    assert_int_equal(mot_project_drop(a, MOT_SKIP_EVENT_JOURNEY), MOT_OK);
    assert_null(a->events->journey);
    assert_null(a->events->channel);
    assert_int_equal(a->events->attrs.n, 0);
    assert_non_null(a->events->staff);
    assert_int_equal(a->skipped, MOT_SKIP_EVENT_JOURNEY);
    mot_project_free(a);
}

/* The demo projects, read in one piece and in chunks of about 4 KiB. */
static void test_drop_demo(void **state)
{
    (void)state;
    size_t chunked = mot_chunked_loads;
    mot_chunk_min = 1;
    mot_chunk_bytes = 4096;
    for (size_t s = 0; mot_demo_scenarios[s]; s++) {
        char name[64];
        snprintf(name, sizeof name, "drop_demo_%s", mot_demo_scenarios[s]);
        const char *dir = tu_tmpdir(name);
        mot_demo_options o = {mot_demo_scenarios[s], 300, 7};
        mot_error err;
        assert_int_equal(mot_demo_write(dir, &o, &err), MOT_OK);
        check_dir(dir, 1);
        check_dir(dir, 2);
    }
    mot_chunk_min = mot_chunk_bytes = 0;
    assert_true(mot_chunked_loads > chunked);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_drop_renumbers_ids),
        cmocka_unit_test(test_drop_with_staff_file),
        cmocka_unit_test(test_drop_keeps_ids),
        cmocka_unit_test(test_drop_other_bits),
        cmocka_unit_test(test_drop_demo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
