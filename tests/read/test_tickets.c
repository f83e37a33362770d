/* test_tickets.c: tickets.csv loads times (open tickets have none after
** the opening), categories, satisfaction, staff, branch and compensation.
** (Malformed rows are in test_project.c's matrix.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"
#include "read/chunks.h"

/* 2026-03-01 08:30 UTC */
#define T0 1772353800

static void test_every_column_is_stored(void **state)
{
    (void)state;
    const char *dir = lu_project("tk_all", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"staff.csv", "staff_id,branch\nS1,北京\nS2,上海\n"},
        {"tickets.csv", "ticket_id,customer_id,touchpoint,opened_at,"
                        "first_response_at,resolved_at,category,"
                        "satisfaction,staff_id,branch,compensation,priority\n"
                        "K1,C1,报修,2026-03-01 08:30,2026-03-01 09:00,"
                        "2026-03-03 08:30,漏水,2,S2,上海,50,P1\n"
                        "K2,C2,T3,2026-03-01 08:30,2026-03-01 08:30,,,,,,,P2\n"
                        "K3,C1,T1,2026-03-02 10:00,,,咨询,5,S1,北京,0,P1\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_tickets *k = p->tickets;
    assert_non_null(k);
    assert_int_equal(k->n, 3);
    const uint32_t ticket[] = {0, 1, 2}, customer[] = {0, 1, 0},
                   touchpoint[] = {2, 2, 0}, category[] = {0, MOT_NONE, 1},
                   staff[] = {1, MOT_NONE, 0}, branch[] = {1, MOT_NONE, 0};
    const int64_t opened[] = {T0, T0, T0 + 86400 + 5400},
                  first[] = {T0 + 1800, T0, MOT_NO_TIME},
                  resolved[] = {T0 + 2 * 86400, MOT_NO_TIME, MOT_NO_TIME};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(k->ticket[i], ticket[i]);
        assert_int_equal(k->customer[i], customer[i]);
        assert_int_equal(k->touchpoint[i], touchpoint[i]);
        assert_int_equal(k->opened_at[i], opened[i]);
        assert_int_equal(k->first_response_at[i], first[i]);
        assert_int_equal(k->resolved_at[i], resolved[i]);
        assert_int_equal(k->category[i], category[i]);
        assert_int_equal(k->staff[i], staff[i]);
        assert_int_equal(k->branch[i], branch[i]);
    }
    assert_string_equal(mot_strtab_get(k->ticket_ids, 2), "K3");
    assert_string_equal(mot_strtab_get(k->categories, 0), "漏水");
    assert_true(k->satisfaction[0] == 2.0f && k->satisfaction[2] == 5.0f);
    assert_true(LU_ISNAN(k->satisfaction[1]));
    assert_true(k->compensation[0] == 50.0f && k->compensation[2] == 0.0f);
    assert_true(LU_ISNAN(k->compensation[1]));
    const mot_column *prio = mot_columns_find(&k->attrs, "priority");
    assert_non_null(prio);
    assert_int_equal(prio->code[2], 0);
    mot_project_free(p);
}

static void test_optional_columns_absent_are_null(void **state)
{
    (void)state;
    const char *dir = lu_project("tk_min", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"tickets.csv", "ticket_id,customer_id,touchpoint,opened_at,"
                        "first_response_at,resolved_at\nK1,C1,T3,0,,\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_tickets *k = p->tickets;
    assert_int_equal(k->n, 1);
    assert_int_equal(k->opened_at[0], 0);
    assert_null(k->category);
    assert_null(k->satisfaction);
    assert_null(k->staff);
    assert_null(k->branch);
    assert_null(k->compensation);
    mot_project_free(p);
}

/* Load dir with threads; the messages into *d (initialised here). */
static mot_project *load_threads(const char *dir, unsigned threads,
                                 mot_diag *d)
{
    mot_project *p = NULL;
    mot_load_options opt = {.threads = threads};
    mot_diag_init(d, 0);
    mot_project_load(&p, dir, &opt, d);
    return p;
}

static void same_ids(const mot_strtab *a, const mot_strtab *b)
{
    assert_int_equal(mot_strtab_count(a), mot_strtab_count(b));
    for (uint32_t i = 0; i < mot_strtab_count(a); i++)
        assert_string_equal(mot_strtab_get(a, i), mot_strtab_get(b, i));
}

/* With staff.csv and two threads, tickets.csv is read beside the events
** into id tables of its own: the customers and branches only tickets
** name (C9, C8; B7) get the numbers a reader in its place gives, and a
** file with problems gives the same messages. */
static void test_read_beside_events(void **state)
{
    (void)state;
    static const char good[] =
        "ticket_id,customer_id,touchpoint,opened_at,first_response_at,"
        "resolved_at,staff_id,branch\n"
        "K1,C9,T1,2026-01-05,,,S2,B7\n"
        "K2,C1,T2,2026-01-06,2026-01-06,2026-01-07,S1,B1\n"
        "K3,C8,T2,2026-01-06,,,,B1\n";
    static const char bad[] =
        "ticket_id,customer_id,touchpoint,opened_at,first_response_at,"
        "resolved_at,staff_id,branch\n"
        "K1,C9,T1,2026-01-05,,,S2,B7\n"
        "K1,C1,T9,2026-01-06,2026-01-04,,S7,B1\n";
    const char *dir = lu_project("tk_beside", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"staff.csv", "staff_id,branch\nS1,B1\nS2,B2\n"},
        {"customers.csv", "customer_id,overall\nC2,4\nC1,3\n"},
        {"events.csv", "customer_id,time,touchpoint,score,branch\n"
                       "C3,0,T1,4,B3\nC1,60,T2,,B1\n"},
        {"tickets.csv", good}, {NULL, NULL}});
    mot_diag d1, d2;
    mot_project *p1 = load_threads(dir, 1, &d1);
    size_t side = mot_side_loads;
    mot_project *p2 = load_threads(dir, 2, &d2);
    assert_int_equal(mot_side_loads, side + 1);     /* tickets.csv */
    assert_non_null(p1);
    assert_non_null(p2);
    same_ids(p1->customer_ids, p2->customer_ids);
    same_ids(p1->branches, p2->branches);
    assert_int_equal(mot_strtab_count(p2->customer_ids), 5);
    assert_string_equal(mot_strtab_get(p2->customer_ids, 3), "C9");
    assert_string_equal(mot_strtab_get(p2->branches, 3), "B7");
    const mot_tickets *a = p1->tickets, *b = p2->tickets;
    assert_int_equal(b->n, 3);
    assert_memory_equal(a->customer, b->customer, 3 * sizeof *a->customer);
    assert_memory_equal(a->branch, b->branch, 3 * sizeof *a->branch);
    assert_memory_equal(a->staff, b->staff, 3 * sizeof *a->staff);
    mot_project_free(p1);
    mot_project_free(p2);
    mot_diag_free(&d1);
    mot_diag_free(&d2);

    tu_write(dir, "tickets.csv", bad, (size_t)-1);
    p1 = load_threads(dir, 1, &d1);
    p2 = load_threads(dir, 2, &d2);
    assert_null(p1);
    assert_null(p2);
    assert_true(d1.n >= 3);
    lu_same_messages(&d1, &d2);
    mot_diag_free(&d1);
    mot_diag_free(&d2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_column_is_stored),
        cmocka_unit_test(test_optional_columns_absent_are_null),
        cmocka_unit_test(test_read_beside_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
