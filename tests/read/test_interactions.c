/* test_interactions.c: interactions.csv loads every column that is not a
** known one as a behaviour step (0/1 or 1..5), and checks staff against
** staff.csv when there is one. (Malformed rows are in test_project.c's
** matrix.) */
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

static void test_steps_and_columns(void **state)
{
    (void)state;
    const char *dir = lu_project("in_all", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"staff.csv", "staff_id\nS1\nS2\n"},
        {"interactions.csv", "interaction_id,greeted,staff_id,time,"
                             "customer_id,touchpoint,branch,customer_score,"
                             "explained,微笑\n"
                             "I1,1,S2,0,C1,T2,北京,4,0,5\n"
                             "I2,0,S1,60,,,,,1,\n"
                             "I3,,S1,120,C1,报修,上海,2.5,1,3.5\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_interactions *x = p->interactions;
    assert_non_null(x);
    assert_int_equal(x->n, 3);
    assert_int_equal(x->nsteps, 3);
    assert_string_equal(x->step_names[0], "greeted");
    assert_string_equal(x->step_names[1], "explained");
    assert_string_equal(x->step_names[2], "微笑");
    const uint32_t staff[] = {1, 0, 0}, customer[] = {0, MOT_NONE, 0},
                   branch[] = {0, MOT_NONE, 1};
    const int32_t touchpoint[] = {1, -1, 2};
    const int64_t time[] = {0, 60, 120};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(x->interaction[i], i);
        assert_int_equal(x->staff[i], staff[i]);
        assert_int_equal(x->time[i], time[i]);
        assert_int_equal(x->customer[i], customer[i]);
        assert_int_equal(x->touchpoint[i], touchpoint[i]);
        assert_int_equal(x->branch[i], branch[i]);
    }
    assert_true(x->steps[0][0] == 1.0f && x->steps[0][1] == 0.0f);
    assert_true(LU_ISNAN(x->steps[0][2]));
    assert_true(x->steps[1][0] == 0.0f && x->steps[1][2] == 1.0f);
    assert_true(x->steps[2][0] == 5.0f && x->steps[2][2] == 3.5f);
    assert_true(LU_ISNAN(x->steps[2][1]));
    assert_true(x->customer_score[0] == 4.0f);
    assert_true(LU_ISNAN(x->customer_score[1]));
    assert_string_equal(mot_strtab_get(x->interaction_ids, 2), "I3");
    mot_project_free(p);
}

static void test_staff_interned_without_staff_file(void **state)
{
    (void)state;
    const char *dir = lu_project("in_nostaff", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"interactions.csv", "interaction_id,staff_id,time,greeted\n"
                             "I1,S7,0,1\nI2,S8,0,0\nI3,S7,0,1\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    const mot_interactions *x = p->interactions;
    assert_int_equal(x->staff[0], 0);
    assert_int_equal(x->staff[1], 1);
    assert_int_equal(x->staff[2], 0);
    assert_int_equal(mot_strtab_count(p->staff_ids), 2);
    assert_null(p->staff);
    assert_null(x->customer);
    assert_null(x->touchpoint);
    assert_null(x->branch);
    assert_null(x->customer_score);
    mot_project_free(p);
}

/* MOT_SKIP_INTERACTION_DETAIL reads staff, time, score and steps only: a
** repeated interaction id and an unknown touchpoint go unchecked. */
static void test_skip_detail(void **state)
{
    (void)state;
    const char *dir = lu_project("in_detail", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"interactions.csv", "interaction_id,staff_id,time,customer_id,"
                             "touchpoint,branch,customer_score,greeted\n"
                             "I1,S1,0,C1,nowhere,北京,4,1\n"
                             "I1,S2,60,C2,,,,0\n"},
        {NULL, NULL}});
    lu_result r;
    lu_load_fail(dir, 0, &r);      /* read whole: both problems */
    assert_int_equal(r.count, 2);
    mot_diag_free(&r.diag);

    mot_diag d;
    mot_diag_init(&d, 0);
    mot_project *p = NULL;
    mot_load_options opt = {.skip = MOT_SKIP_INTERACTION_DETAIL};
    assert_int_equal(mot_project_load(&p, dir, &opt, &d), MOT_OK);
    assert_int_equal(d.n, 0);
    mot_diag_free(&d);
    assert_int_equal(p->skipped, MOT_SKIP_INTERACTION_DETAIL);
    const mot_interactions *x = p->interactions;
    assert_int_equal(x->n, 2);
    assert_null(x->interaction);
    assert_null(x->interaction_ids);
    assert_null(x->customer);
    assert_null(x->touchpoint);
    assert_null(x->branch);
    assert_int_equal(x->staff[1], 1);
    assert_int_equal(x->time[1], 60);
    assert_true(x->customer_score[0] == 4.0f);
    assert_true(LU_ISNAN(x->customer_score[1]));
    assert_true(x->steps[0][0] == 1.0f && x->steps[0][1] == 0.0f);
    assert_int_equal(mot_strtab_count(p->customer_ids), 0);
    mot_project_free(p);
}

/* Load dir with skip and threads; the messages into *d (initialised
** here), the project returned (NULL when the load failed). */
static mot_project *load_with(const char *dir, unsigned skip,
                              unsigned threads, mot_diag *d)
{
    mot_project *p = NULL;
    mot_load_options opt = {.skip = skip, .threads = threads};
    mot_diag_init(d, 0);
    mot_project_load(&p, dir, &opt, d);
    return p;
}

/* With staff.csv and MOT_SKIP_INTERACTION_DETAIL, two threads read
** interactions.csv beside customers.csv and events.csv: the same table,
** and, for a file with problems, the same messages as one thread (the file
** is read again in its place). */
static void test_read_beside_events(void **state)
{
    (void)state;
    static const char staff[] = "staff_id,branch\nS1,北京\nS2,上海\n";
    static const char events[] = "customer_id,time,touchpoint,score\n"
                                 "C1,0,T1,4\nC2,60,T2,\n";
    static const char good[] =
        "interaction_id,staff_id,time,customer_score,greeted\n"
        "I1,S2,0,4,1\nI2,S1,60,,0\n";
    static const char bad[] =
        "interaction_id,staff_id,time,customer_score,greeted\n"
        "I1,S2,0,4,1\nI2,S9,60,,0\nI3,S1,x,,0\n";
    const unsigned skip = MOT_SKIP_INTERACTION_DETAIL;
    const char *dir = lu_project("in_beside", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"staff.csv", staff},
        {"events.csv", events}, {"interactions.csv", good}, {NULL, NULL}});
    mot_diag d1, d2;
    mot_project *p1 = load_with(dir, skip, 1, &d1);
    size_t side = mot_side_loads;
    mot_project *p2 = load_with(dir, skip, 2, &d2);
    assert_int_equal(mot_side_loads, side + 1);     /* interactions.csv */
    assert_non_null(p1);
    assert_non_null(p2);
    assert_int_equal(p2->skipped, p1->skipped);
    assert_int_equal(p2->interactions->n, 2);
    assert_memory_equal(p1->interactions->staff, p2->interactions->staff,
                        2 * sizeof *p1->interactions->staff);
    assert_memory_equal(p1->interactions->time, p2->interactions->time,
                        2 * sizeof *p1->interactions->time);
    assert_true(p2->interactions->steps[0][0] == 1.0f);
    assert_int_equal(p2->events->n, 2);
    mot_project_free(p1);
    mot_project_free(p2);
    mot_diag_free(&d1);
    mot_diag_free(&d2);

    tu_write(dir, "interactions.csv", bad, (size_t)-1);
    p1 = load_with(dir, skip, 1, &d1);
    p2 = load_with(dir, skip, 2, &d2);
    assert_null(p1);
    assert_null(p2);
    assert_int_equal(d1.n, 2);
    lu_same_messages(&d1, &d2);
    mot_diag_free(&d1);
    mot_diag_free(&d2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps_and_columns),
        cmocka_unit_test(test_staff_interned_without_staff_file),
        cmocka_unit_test(test_skip_detail),
        cmocka_unit_test(test_read_beside_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
