/* test_features.c: the derive stage. A tiny project written as CSV, with
** its events out of order, ties in time and score, touchpoints not met and
** met but not rated, checked field by field against values worked out by
** hand; and random projects built in memory, checked against a second,
** sort-free computation (argmin/argmax over (time, file position) for
** every customer) with the events shuffled and grouped, on 1 and 4
** threads, which must agree to the bit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/derive.h"
#include "testutil.h"
#include "read/loadutil.h"

/* ---- the hand-worked project ------------------------------------------- */

static const char customers_csv[] = "customer_id\nC1\nC2\nC3\nC4\n";

/* C1, in time order: 03-01 T1 unrated (wait 12); 03-02 T2 3; 03-03 T1 4
** (wait 5) and, at the same time but later in the file, T1 2 (wait 3);
** 03-04 T2 3; 03-05 T3 2. C2: 03-01 T1 5; 03-05 T2 2; 03-06 T3 5. C3: one
** unrated T3 contact. C4: no events. C5: only in events. */
static const char events_csv[] =
    "customer_id,time,touchpoint,score,wait_minutes\n"
    "C2,2026-03-05 10:00,T2,2,\n"
    "C1,2026-03-03 09:00,T1,4,5\n"
    "C1,2026-03-05 09:00,T3,2,\n"
    "C1,2026-03-01 09:00,T1,,12\n"
    "C5,2026-03-07 00:00,T1,1,\n"
    "C2,2026-03-01 10:00,T1,5,\n"
    "C1,2026-03-02 09:00,T2,3,\n"
    "C2,2026-03-06 10:00,T3,5,\n"
    "C1,2026-03-03 09:00,T1,2,3\n"
    "C3,2026-03-04 08:00,T3,,\n"
    "C1,2026-03-04 09:00,T2,3,\n";

static int64_t at(const char *s)
{
    int64_t t;
    assert_int_equal(mot_parse_time(s, strlen(s), &t), MOT_OK);
    return t;
}

/* Expected per-touchpoint values of one customer (NAN: none). */
typedef struct tp_expect {
    unsigned contacts;
    float worst, last, mean, wait;
} tp_expect;

static void check_float(float got, float want)
{
    if (isnan(want))
        assert_true(isnan(got));
    else
        assert_true(got == want);
}

/* The longest wait of customer c at touchpoint t: NAN where the
** touchpoint has no wait slot (no event there has a wait). */
static float wait_at(const mot_features *f, size_t c, size_t t)
{
    if (!f->wait || f->wait_slot[t] < 0)
        return NAN;
    assert_true((size_t)f->wait_slot[t] < f->nwait);
    return f->wait[c * f->nwait + (size_t)f->wait_slot[t]];
}

static void check_tp(const mot_features *f, size_t c, const tp_expect *e)
{
    for (size_t t = 0; t < f->ntp; t++) {
        size_t i = c * f->ntp + t;
        assert_int_equal(f->contacts[i], e[t].contacts);
        check_float(f->worst[i], e[t].worst);
        check_float(f->last[i], e[t].last);
        check_float(f->mean[i], e[t].mean);
        check_float(wait_at(f, c, t), e[t].wait);
    }
}

/* Expected journey of one customer. */
typedef struct journey_expect {
    unsigned events, rated;
    float first, worst, best, end, mean;
    int32_t first_tp, worst_tp, best_tp, end_tp;
    const char *first_time, *last_time;   /* NULL: MOT_NO_TIME */
} journey_expect;

static void check_journey(const mot_features *f, size_t c,
                          const journey_expect *e)
{
    assert_int_equal(f->events[c], e->events);
    assert_int_equal(f->rated[c], e->rated);
    check_float(f->first[c], e->first);
    check_float(f->worst_moment[c], e->worst);
    check_float(f->best_moment[c], e->best);
    check_float(f->end[c], e->end);
    check_float(f->journey_mean[c], e->mean);
    assert_int_equal(f->first_tp[c], e->first_tp);
    assert_int_equal(f->worst_tp[c], e->worst_tp);
    assert_int_equal(f->best_tp[c], e->best_tp);
    assert_int_equal(f->end_tp[c], e->end_tp);
    assert_true(f->first_time[c] ==
                (e->first_time ? at(e->first_time) : MOT_NO_TIME));
    assert_true(f->last_time[c] ==
                (e->last_time ? at(e->last_time) : MOT_NO_TIME));
}

static void test_hand_worked_features(void **state)
{
    (void)state;
    const char *dir = lu_project("feat_hand", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", customers_csv},
        {"events.csv", events_csv}, {NULL, NULL}});
    mot_project *p = lu_load(dir);
    mot_features *f = NULL;
    mot_error err;
    assert_int_equal(mot_features_derive(p, 2, &f, &err), MOT_OK);
    assert_int_equal(f->ncustomers, 5);
    assert_int_equal(f->ntp, 3);
    /* only T1 has waits: one slot */
    assert_int_equal(f->nwait, 1);
    assert_int_equal(f->wait_slot[0], 0);
    assert_int_equal(f->wait_slot[1], -1);
    assert_int_equal(f->wait_slot[2], -1);
    const int32_t rows[] = {0, 1, 2, 3, -1};
    for (size_t c = 0; c < 5; c++)
        assert_int_equal(f->customer_row[c], rows[c]);
    const float N = NAN;
    /* C1: T1 scores 4 then 2 at one time (file order), mean 3, longest
    ** wait 12 on the unrated contact; T2 3, 3; T3 2. */
    check_tp(f, 0, (tp_expect[]){{3, 2, 2, 3, 12}, {2, 3, 3, 3, N},
                                 {1, 2, 2, 2, N}});
    check_journey(f, 0, &(journey_expect){6, 5, 3, 2, 4, 2, 2.8f,
        1, 0, 0, 2, "2026-03-01 09:00", "2026-03-05 09:00"});
    /* C2: the best score 5 twice: the earlier (T1) wins. */
    check_tp(f, 1, (tp_expect[]){{1, 5, 5, 5, N}, {1, 2, 2, 2, N},
                                 {1, 5, 5, 5, N}});
    check_journey(f, 1, &(journey_expect){3, 3, 5, 2, 5, 5, 4,
        0, 1, 0, 2, "2026-03-01 10:00", "2026-03-06 10:00"});
    /* C3 met T3 but did not rate it; C4 met nothing. */
    check_tp(f, 2, (tp_expect[]){{0, N, N, N, N}, {0, N, N, N, N},
                                 {1, N, N, N, N}});
    check_journey(f, 2, &(journey_expect){1, 0, N, N, N, N, N,
        -1, -1, -1, -1, "2026-03-04 08:00", "2026-03-04 08:00"});
    check_tp(f, 3, (tp_expect[]){{0, N, N, N, N}, {0, N, N, N, N},
                                 {0, N, N, N, N}});
    check_journey(f, 3, &(journey_expect){0, 0, N, N, N, N, N,
        -1, -1, -1, -1, NULL, NULL});
    check_journey(f, 4, &(journey_expect){1, 1, 1, 1, 1, 1, 1,
        0, 0, 0, 0, "2026-03-07 00:00", "2026-03-07 00:00"});
    mot_features_free(f);
    mot_project_free(p);
}

static void test_no_events_and_no_wait_column(void **state)
{
    (void)state;
    const char *dir = lu_project("feat_noev", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", customers_csv},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    mot_features *f = NULL;
    assert_int_equal(mot_features_derive(p, 0, &f, NULL), MOT_OK);
    assert_int_equal(f->ncustomers, 4);
    assert_null(f->wait);
    for (size_t i = 0; i < 12; i++) {
        assert_int_equal(f->contacts[i], 0);
        assert_true(isnan(f->worst[i]) && isnan(f->mean[i]));
    }
    for (size_t c = 0; c < 4; c++) {
        assert_int_equal(f->events[c], 0);
        assert_int_equal(f->end_tp[c], -1);
        assert_true(f->first_time[c] == MOT_NO_TIME);
    }
    mot_features_free(f);
    mot_project_free(p);

    dir = lu_project("feat_nowait", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C9,2026-01-01,T3,4\n"},
        {NULL, NULL}});
    p = lu_load(dir);
    assert_int_equal(mot_features_derive(p, 1, &f, NULL), MOT_OK);
    assert_null(f->wait);
    assert_int_equal(f->customer_row[0], -1);
    assert_int_equal(f->contacts[2], 1);
    assert_true(f->worst[2] == 4.0f && f->end[0] == 4.0f);
    mot_features_free(f);
    mot_project_free(p);
}

/* ---- random projects in memory --------------------------------------- */

#define R_CUSTOMERS 400
#define R_TP 5
#define R_EVENTS 4000

/* A project of R_CUSTOMERS customers, R_TP touchpoints and R_EVENTS
** events in random order (grouped by customer when `grouped`), times
** from a small range (many ties), half the events rated, some waits. */
typedef struct rproject {
    mot_project p;
    mot_events ev;
} rproject;

static void rproject_make(rproject *r, uint64_t seed, int grouped)
{
    mot_rng g;
    mot_rng_seed(&g, seed);
    memset(r, 0, sizeof *r);
    r->p.blueprint.n = R_TP;
    r->p.customer_ids = mot_strtab_new();
    assert_non_null(r->p.customer_ids);
    for (unsigned c = 0; c < R_CUSTOMERS; c++) {
        char id[16];
        uint32_t ix;
        int n = snprintf(id, sizeof id, "C%u", c);
        assert_int_equal(mot_strtab_intern(r->p.customer_ids, id, (size_t)n,
                                           &ix, NULL), MOT_OK);
    }
    mot_events *e = &r->ev;
    e->n = R_EVENTS;
    e->customer = malloc(R_EVENTS * sizeof *e->customer);
    e->time = malloc(R_EVENTS * sizeof *e->time);
    e->touchpoint = malloc(R_EVENTS * sizeof *e->touchpoint);
    e->score = malloc(R_EVENTS * sizeof *e->score);
    e->wait_minutes = malloc(R_EVENTS * sizeof *e->wait_minutes);
    assert_true(e->customer && e->time && e->touchpoint && e->score &&
                e->wait_minutes);
    for (size_t i = 0; i < R_EVENTS; i++) {
        /* a quarter of the customers get no events, one gets hundreds
        ** (sorted by qsort rather than by insertion) */
        if (grouped)
            e->customer[i] = i < 500 ? 0 : (uint32_t)(1 + (i - 500) * 298 /
                                                     (R_EVENTS - 500));
        else
            e->customer[i] = mot_rng_below(&g, 8) == 0
                ? 5 : (uint32_t)mot_rng_below(&g, R_CUSTOMERS * 3 / 4);
        e->time[i] = 1000 + (int64_t)mot_rng_below(&g, 12);
        e->touchpoint[i] = (uint32_t)mot_rng_below(&g, R_TP);
        e->score[i] = mot_rng_below(&g, 2) ? NAN
                      : (float)(1 + mot_rng_below(&g, 5));
        e->wait_minutes[i] = mot_rng_below(&g, 3) ? NAN
                             : (float)mot_rng_below(&g, 60) / 2;
    }
    r->p.events = e;
}

static void rproject_free(rproject *r)
{
    free(r->ev.customer);
    free(r->ev.time);
    free(r->ev.touchpoint);
    free(r->ev.score);
    free(r->ev.wait_minutes);
    mot_strtab_free(r->p.customer_ids);
}

/* Does event a come before event b in time order (ties: file order)? */
static int before(const mot_events *e, size_t a, size_t b)
{
    return e->time[a] < e->time[b] || (e->time[a] == e->time[b] && a < b);
}

/* The reference: every feature of customer c by scanning all events, with
** no sorting (first/last/worst/best as argmin/argmax). */
static void check_reference(const mot_events *e, const mot_features *f,
                            size_t c)
{
    size_t first = SIZE_MAX, lastr = SIZE_MAX, worst = SIZE_MAX,
           best = SIZE_MAX, firstev = SIZE_MAX, lastev = SIZE_MAX;
    unsigned nev = 0, nrated = 0;
    double sum = 0;
    for (size_t t = 0; t < R_TP; t++) {
        unsigned n = 0, k = 0;
        double s = 0;
        float lo = NAN, w = NAN;
        size_t last = SIZE_MAX;
        for (size_t i = 0; i < e->n; i++) {
            if (e->customer[i] != c || e->touchpoint[i] != t)
                continue;
            n++;
            if (!isnan(e->wait_minutes[i]) &&
                (isnan(w) || e->wait_minutes[i] > w))
                w = e->wait_minutes[i];
            if (isnan(e->score[i]))
                continue;
            k++;
            s += e->score[i];
            if (isnan(lo) || e->score[i] < lo)
                lo = e->score[i];
            if (last == SIZE_MAX || before(e, last, i))
                last = i;
        }
        size_t x = c * R_TP + t;
        assert_int_equal(f->contacts[x], n);
        check_float(f->worst[x], lo);
        check_float(f->last[x], last == SIZE_MAX ? NAN : e->score[last]);
        check_float(f->mean[x], k ? (float)(s / k) : NAN);
        check_float(wait_at(f, c, t), w);
    }
    for (size_t i = 0; i < e->n; i++) {
        if (e->customer[i] != c)
            continue;
        nev++;
        if (firstev == SIZE_MAX || before(e, i, firstev))
            firstev = i;
        if (lastev == SIZE_MAX || before(e, lastev, i))
            lastev = i;
        if (isnan(e->score[i]))
            continue;
        nrated++;
        sum += e->score[i];
        if (first == SIZE_MAX || before(e, i, first))
            first = i;
        if (lastr == SIZE_MAX || before(e, lastr, i))
            lastr = i;
        if (worst == SIZE_MAX || e->score[i] < e->score[worst] ||
            (e->score[i] == e->score[worst] && before(e, i, worst)))
            worst = i;
        if (best == SIZE_MAX || e->score[i] > e->score[best] ||
            (e->score[i] == e->score[best] && before(e, i, best)))
            best = i;
    }
    assert_int_equal(f->events[c], nev);
    assert_int_equal(f->rated[c], nrated);
    assert_true(f->first_time[c] ==
                (nev ? e->time[firstev] : MOT_NO_TIME));
    assert_true(f->last_time[c] == (nev ? e->time[lastev] : MOT_NO_TIME));
    if (!nrated) {
        assert_int_equal(f->end_tp[c], -1);
        assert_true(isnan(f->journey_mean[c]));
        return;
    }
    check_float(f->journey_mean[c], (float)(sum / nrated));
    check_float(f->first[c], e->score[first]);
    check_float(f->end[c], e->score[lastr]);
    check_float(f->worst_moment[c], e->score[worst]);
    check_float(f->best_moment[c], e->score[best]);
    assert_int_equal(f->first_tp[c], e->touchpoint[first]);
    assert_int_equal(f->end_tp[c], e->touchpoint[lastr]);
    assert_int_equal(f->worst_tp[c], e->touchpoint[worst]);
    assert_int_equal(f->best_tp[c], e->touchpoint[best]);
}

#define SAME(a, b, field, n) \
    assert_memory_equal((a)->field, (b)->field, (n) * sizeof *(a)->field)

static void check_identical(const mot_features *a, const mot_features *b)
{
    size_t nc = a->ncustomers, cells = nc * a->ntp;
    assert_int_equal(b->ncustomers, nc);
    SAME(a, b, customer_row, nc);
    SAME(a, b, contacts, cells);
    SAME(a, b, worst, cells);
    SAME(a, b, last, cells);
    SAME(a, b, mean, cells);
    assert_int_equal(b->nwait, a->nwait);
    if (a->nwait) {
        SAME(a, b, wait, nc * a->nwait);
        SAME(a, b, wait_slot, a->ntp);
    }
    SAME(a, b, events, nc);
    SAME(a, b, rated, nc);
    SAME(a, b, first, nc);
    SAME(a, b, worst_moment, nc);
    SAME(a, b, best_moment, nc);
    SAME(a, b, end, nc);
    SAME(a, b, journey_mean, nc);
    SAME(a, b, first_tp, nc);
    SAME(a, b, worst_tp, nc);
    SAME(a, b, best_tp, nc);
    SAME(a, b, end_tp, nc);
    SAME(a, b, first_time, nc);
    SAME(a, b, last_time, nc);
}

static void run_random(uint64_t seed, int grouped)
{
    rproject r;
    mot_features *one = NULL, *four = NULL;
    rproject_make(&r, seed, grouped);
    assert_int_equal(mot_features_derive(&r.p, 1, &one, NULL), MOT_OK);
    assert_int_equal(mot_features_derive(&r.p, 4, &four, NULL), MOT_OK);
    check_identical(one, four);
    for (size_t c = 0; c < R_CUSTOMERS; c++)
        check_reference(&r.ev, four, c);
    mot_features_free(one);
    mot_features_free(four);
    rproject_free(&r);
}

static void test_random_shuffled_matches_reference(void **state)
{
    (void)state;
    run_random(1, 0);
    run_random(2, 0);
}

static void test_random_grouped_matches_reference(void **state)
{
    (void)state;
    run_random(3, 1);
}

static void test_bad_index_is_an_error(void **state)
{
    (void)state;
    rproject r;
    mot_features *f = (mot_features *)1;
    mot_error err;
    rproject_make(&r, 4, 0);
    r.ev.touchpoint[17] = R_TP;
    assert_int_equal(mot_features_derive(&r.p, 2, &f, &err), MOT_EDATA);
    assert_null(f);
    assert_non_null(strstr(err.message, "event 18"));
    rproject_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_worked_features),
        cmocka_unit_test(test_no_events_and_no_wait_column),
        cmocka_unit_test(test_random_shuffled_matches_reference),
        cmocka_unit_test(test_random_grouped_matches_reference),
        cmocka_unit_test(test_bad_index_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
