/* test_table.c: the machinery under every file's loader: growing parallel
** arrays, first occurrences, pairs, and reading one file's header and
** rows with aliases, trimming and attribute columns. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "read/columns.h"
#include "read/table.h"
#include "testutil.h"

static void test_grow_doubles_and_keeps(void **state)
{
    (void)state;
    int32_t *a = NULL;
    double *b = NULL;
    size_t cap = 0;
    mot_array arrays[] = {{&a, sizeof *a}, {&b, sizeof *b}};
    assert_int_equal(mot_grow(arrays, 2, &cap, 1), MOT_OK);
    assert_int_equal(cap, 16);
    for (int i = 0; i < 16; i++) {
        a[i] = i;
        b[i] = i / 2.0;
    }
    assert_int_equal(mot_grow(arrays, 2, &cap, 16), MOT_OK);
    assert_int_equal(cap, 16);
    assert_int_equal(mot_grow(arrays, 2, &cap, 17), MOT_OK);
    assert_int_equal(cap, 32);
    assert_int_equal(mot_grow(arrays, 2, &cap, 100), MOT_OK);
    assert_int_equal(cap, 128);
    assert_int_equal(a[15], 15);
    assert_true(b[15] == 7.5);
    mot_shrink(arrays, 2, 16);
    assert_int_equal(a[15], 15);
    assert_true(b[3] == 1.5);
    free(a);
    free(b);
}

static void test_seen_and_pairs(void **state)
{
    (void)state;
    mot_strtab *pairs = mot_strtab_new();
    mot_seen seen = {NULL, 0};
    uint32_t p1, p2, p3;
    assert_int_equal(mot_pair_intern(pairs, 1, 2, &p1), MOT_OK);
    assert_int_equal(mot_pair_intern(pairs, 2, 1, &p2), MOT_OK);
    assert_int_equal(mot_pair_intern(pairs, 1, 2, &p3), MOT_OK);
    assert_int_not_equal(p1, p2);
    assert_int_equal(p1, p3);
    assert_int_equal(mot_seen_mark(NULL, &seen, p1, 7), 0);
    assert_int_equal(mot_seen_mark(NULL, &seen, 1000, 9), 0);
    assert_int_equal(mot_seen_mark(NULL, &seen, p3, 12), 7);
    assert_int_equal(mot_seen_mark(NULL, &seen, 1000, 13), 9);
    assert_int_equal(mot_seen_mark(NULL, &seen, 999, 14), 0);
    mot_seen_free(&seen);
    mot_strtab_free(pairs);
}

enum { C_ID, C_WHEN, C_SCORE, C_NCOLS };
static const char *const when_aliases[] = {"timestamp", "time:timestamp",
                                           NULL};
static const mot_tbl_col cols[C_NCOLS] = {
    {"id", NULL, 1}, {"when", when_aliases, 1}, {"score", NULL, 0},
};

/* A load of an empty project in dir, enough to open its files. */
static void start(mot_load *ld, mot_project *p, mot_diag *d, const char *dir)
{
    memset(ld, 0, sizeof *ld);
    memset(p, 0, sizeof *p);
    p->dir = (char *)dir;
    assert_int_equal(mot_config_init(&p->config), MOT_OK);
    mot_diag_init(d, 0);
    ld->p = p;
    ld->diag = d;
    ld->max_errors = 100;
}

static void test_header_rows_and_attributes(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("table_rows");
    tu_write(dir, "things.csv", " Time:Timestamp ,note,ID,,size\n"
             "2026-03-01, a , x ,,3\n0,b,y\n", (size_t)-1);
    mot_load ld;
    mot_project p;
    mot_diag d;
    mot_tbl t;
    size_t len;
    start(&ld, &p, &d, dir);
    assert_int_equal(mot_tbl_open(&t, &ld, "things", cols, C_NCOLS, 1),
                     MOT_OK);
    assert_string_equal(t.file, "things.csv");
    assert_true(mot_tbl_has(&t, C_ID) && mot_tbl_has(&t, C_WHEN));
    assert_false(mot_tbl_has(&t, C_SCORE));
    assert_string_equal(mot_tbl_name(&t, C_WHEN), "Time:Timestamp");
    assert_string_equal(mot_tbl_name(&t, C_SCORE), "score");
    assert_int_equal(mot_tbl_next(&t), MOT_OK);
    const char *s = mot_tbl_text(&t, C_ID, &len);
    assert_int_equal(len, 1);
    assert_memory_equal(s, "x", 1);
    mot_tbl_text(&t, C_SCORE, &len);
    assert_int_equal(len, 0);
    assert_int_equal(mot_tbl_line(&t, C_ID), 2);
    assert_int_equal(mot_tbl_next(&t), MOT_OK);
    assert_int_equal(mot_tbl_line(&t, C_ID), 3);
    assert_int_equal(mot_tbl_next(&t), MOT_DONE);
    mot_columns attrs;
    mot_tbl_take_attrs(&t, &attrs);
    assert_int_equal(attrs.n, 2);
    assert_string_equal(attrs.col[0].name, "note");
    assert_false(attrs.col[0].numeric);
    assert_string_equal(mot_strtab_get(attrs.col[0].dict,
                                       attrs.col[0].code[0]), "a");
    assert_string_equal(attrs.col[1].name, "size");
    assert_true(attrs.col[1].numeric);
    assert_true(attrs.col[1].num[0] == 3.0);
    assert_true(attrs.col[1].num[1] != attrs.col[1].num[1]);
    mot_columns_free(&attrs);
    mot_tbl_close(&t);
    mot_tbl_close(&t);            /* closing twice is harmless */
    assert_int_equal(d.total, 0);
    assert_int_equal(ld.status, MOT_OK);
    mot_config_free(&p.config);
    mot_diag_free(&d);
}

static void test_absent_file(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("table_absent");
    mot_load ld;
    mot_project p;
    mot_diag d;
    mot_tbl t;
    start(&ld, &p, &d, dir);
    assert_int_equal(mot_tbl_open(&t, &ld, "things", cols, C_NCOLS, 1),
                     MOT_DONE);
    assert_int_equal(d.total, 0);
    mot_config_free(&p.config);
    mot_diag_free(&d);
}

static void test_error_budget(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("table_budget");
    tu_write(dir, "things.csv", "id,when\n,0\n,0\n,0\n,0\n", (size_t)-1);
    mot_load ld;
    mot_project p;
    mot_diag d;
    mot_tbl t;
    start(&ld, &p, &d, dir);
    ld.max_errors = 2;
    assert_int_equal(mot_tbl_open(&t, &ld, "things", cols, C_NCOLS, 0),
                     MOT_OK);
    mot_strtab *ids = mot_strtab_new();
    size_t rows = 0;
    while (mot_tbl_next(&t) == MOT_OK) {
        uint32_t id;
        rows++;
        assert_int_equal(mot_tbl_intern(&t, C_ID, 1, ids, &id), 0);
        assert_int_equal(id, MOT_NONE);
    }
    mot_strtab_free(ids);
    assert_int_equal(rows, 2);
    assert_int_equal(d.total, 2);
    assert_true(mot_load_stopped(&ld));
    assert_int_equal(ld.status, MOT_EDATA);
    char buf[200];
    mot_error_format(&d.items[1], buf, sizeof buf);
    assert_string_equal(buf, "things.csv:3:1: id must not be empty");
    mot_tbl_close(&t);
    mot_config_free(&p.config);
    mot_diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_doubles_and_keeps),
        cmocka_unit_test(test_seen_and_pairs),
        cmocka_unit_test(test_header_rows_and_attributes),
        cmocka_unit_test(test_absent_file),
        cmocka_unit_test(test_error_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
