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

/* A file of 1 MiB or more gets its arrays and attribute columns made
** ready for every line feed's row before they are read; smaller files and
** gzip ones get nothing. Growing past 2 MiB (a new block on a huge page)
** keeps every element. */
static void test_reserve(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("table_reserve");
    size_t rows = 60000, len = 0;
    char *text = malloc(rows * 32 + 64);
    assert_non_null(text);
    len += (size_t)sprintf(text, "id,when,note\n");
    for (size_t i = 0; i < rows; i++)
        len += (size_t)sprintf(text + len, "C%07zu,2026-03-01,n%zu\n", i,
                               i % 7);
    assert_true(len >= (1u << 20));
    tu_write(dir, "things.csv", text, len);
    tu_write(dir, "small.csv", "id,when\nx,0\n", (size_t)-1);
    mot_load ld;
    mot_project p;
    mot_diag d;
    mot_tbl t;
    start(&ld, &p, &d, dir);
    assert_int_equal(mot_tbl_open(&t, &ld, "things", cols, C_NCOLS, 1),
                     MOT_OK);
    int64_t *when = NULL;
    size_t cap = 0;
    mot_array a = {&when, sizeof *when};
    assert_int_equal(mot_tbl_reserve(&t, &a, 1, &cap), rows + 1);
    assert_true(cap >= rows + 1);
    assert_true(t.attrs_cap >= rows + 1);
    size_t before = cap, n = 0;
    while (mot_tbl_next(&t) == MOT_OK) {
        assert_int_equal(mot_grow(&a, 1, &cap, n + 1), MOT_OK);
        assert_true(mot_tbl_time(&t, C_WHEN, 1, &when[n++]));
    }
    assert_int_equal(n, rows);
    assert_int_equal(cap, before);          /* never grown row by row */
    mot_columns attrs;
    mot_tbl_take_attrs(&t, &attrs);
    assert_int_equal(attrs.n, 1);
    assert_string_equal(mot_strtab_get(attrs.col[0].dict,
                                       attrs.col[0].code[rows - 1]),
                        "n2");                  /* (rows - 1) % 7 */
    mot_columns_free(&attrs);
    mot_tbl_close(&t);
    assert_int_equal(when[rows - 1], when[0]);
    /* grown past the huge-page size from a full block: nothing lost */
    size_t big = cap * 4;
    assert_int_equal(mot_grow(&a, 1, &cap, big), MOT_OK);
    assert_true(cap >= big);
    assert_int_equal(when[rows - 1], when[0]);
    free(when);

    when = NULL;
    cap = 0;
    assert_int_equal(mot_tbl_open(&t, &ld, "small", cols, C_NCOLS, 1),
                     MOT_OK);
    assert_int_equal(mot_tbl_reserve(&t, &a, 1, &cap), 0);
    assert_int_equal(cap, 0);
    mot_tbl_close(&t);
    assert_int_equal(d.total, 0);
    mot_config_free(&p.config);
    mot_diag_free(&d);
    free(text);
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
        cmocka_unit_test(test_reserve),
        cmocka_unit_test(test_absent_file),
        cmocka_unit_test(test_error_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
