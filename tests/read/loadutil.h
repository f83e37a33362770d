/*
** loadutil.h: helpers for the tests of the project loader (header only,
** so that each test program can include it).
**
** lu_project writes a tiny project folder under MOT_TEST_TMP; lu_load
** loads it and fails the test, printing every message, when it does not
** load; lu_load_fail loads a folder that must not load and returns the
** status, the first message (formatted as file:line:column: message) and
** the number of problems.
**
** Include after <cmocka.h> and "testutil.h".
*/
#ifndef MOT_TESTS_LOADUTIL_H
#define MOT_TESTS_LOADUTIL_H

#include <stdio.h>
#include <string.h>

#include "mot/project.h"

/* A file of a test project. */
typedef struct lu_file {
    const char *name;
    const char *text;
} lu_file;

/* The smallest blueprint most tests start from. */
#define LU_BLUEPRINT "id,name,stage\nT1,咨询,售前\nT2,开通,售中\nT3,报修,售后\n"

/* Make the folder MOT_TEST_TMP/<name> holding files (up to one whose name
** is NULL); returns its path (a static buffer of tu_tmpdir). */
static inline const char *lu_project(const char *name, const lu_file *files)
{
    const char *dir = tu_tmpdir(name);
    for (; files->name; files++)
        tu_write(dir, files->name, files->text, (size_t)-1);
    return dir;
}

/* Load dir, which must load: fails the test with every message if not. */
static inline mot_project *lu_load(const char *dir)
{
    mot_diag d;
    mot_project *p = NULL;
    mot_diag_init(&d, 0);
    mot_status st = mot_project_load(&p, dir, NULL, &d);
    for (size_t i = 0; i < d.n; i++) {
        char buf[1200];
        mot_error_format(&d.items[i], buf, sizeof buf);
        print_error("%s\n", buf);
    }
    mot_diag_free(&d);
    if (st != MOT_OK)
        fail_msg("%s did not load: %s", dir, mot_strerror(st));
    assert_non_null(p);
    return p;
}

/* What a failed load reported. */
typedef struct lu_result {
    mot_status status;
    char first[1200];     /* the first message, formatted */
    size_t count;         /* how many problems were reported */
    mot_diag diag;        /* all of them (free with mot_diag_free) */
} lu_result;

/* Load dir with at most max_errors problems (0: the default); the load
** must fail. Frees nothing of r but r->diag, which the caller frees. */
static inline void lu_load_fail(const char *dir, size_t max_errors,
                                lu_result *r)
{
    mot_project *p = (mot_project *)1;
    mot_load_options opt = {.max_errors = max_errors};
    mot_diag_init(&r->diag, 0);
    r->status = mot_project_load(&p, dir, &opt, &r->diag);
    assert_null(p);
    assert_int_not_equal(r->status, MOT_OK);
    assert_true(r->diag.n > 0);
    assert_int_equal(r->diag.worst, r->status);
    mot_error_format(&r->diag.items[0], r->first, sizeof r->first);
    r->count = r->diag.total;
}

/* The formatted message i of a failed load. */
static inline const char *lu_message(const lu_result *r, size_t i)
{
    static char buf[1200];
    assert_true(i < r->diag.n);
    mot_error_format(&r->diag.items[i], buf, sizeof buf);
    return buf;
}

/* Fail unless a and b hold the same messages, formatted alike. */
static inline void lu_same_messages(const mot_diag *a, const mot_diag *b)
{
    assert_int_equal(b->n, a->n);
    for (size_t i = 0; i < a->n; i++) {
        char x[1200], y[1200];
        mot_error_format(&a->items[i], x, sizeof x);
        mot_error_format(&b->items[i], y, sizeof y);
        assert_string_equal(x, y);
    }
}

/* True when x is NAN (without <math.h>'s isnan on floats and doubles). */
#define LU_ISNAN(x) ((x) != (x))

#endif /* MOT_TESTS_LOADUTIL_H */
