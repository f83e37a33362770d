/*
** test_drivers.c: `mot drivers` analysis against independent values.
**
**  - telco_churn.csv (IBM's sample, 7,043 customers; outcome churn
**    Yes/No): every odds ratio, Wald standard error and p against R's
**    glm on the same coding (tests/data/r/glm_drivers_telco.R, fixture
**    telco_glm.csv), the aliased terms R reports as NA left out, the
**    relative weights against R's eigen() computation, tenure and
**    contract the strongest drivers, and the tenure tolerance line's
**    chi-square recounted here from the table;
**  - mtcars.csv (numeric outcome mpg): coefficients, SEs and p against
**    R's lm, LMG against a brute-force Shapley sum in R
**    (lm_drivers_mtcars.R, fixture mtcars_lm.csv);
**  - small tables written here: a text outcome whose rarer value is the
**    event, yes/no and identifier columns, separation flagged instead of
**    printed, and the usage and data errors.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/drivers.h"
#include "testutil.h"
#include "rfix.h"

#define Z975 1.959963984540054

static void assert_rel(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol * fabs(want)))
        fail_msg("got %.15g, want %.15g (rel tol %g)", got, want, tol);
}

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* The driver named "column" or "column=level", or NULL. */
static const mot_driver *find(const mot_drivers *d, const char *name)
{
    for (size_t i = 0; i < d->nd; i++) {
        char buf[160];
        if (d->d[i].level)
            snprintf(buf, sizeof buf, "%s=%s", d->d[i].column, d->d[i].level);
        else
            snprintf(buf, sizeof buf, "%s", d->d[i].column);
        if (strcmp(buf, name) == 0)
            return &d->d[i];
    }
    return NULL;
}

static int has_note(const mot_drivers *d, const char *text)
{
    for (size_t i = 0; i < d->nnotes; i++)
        if (strstr(d->notes[i], text))
            return 1;
    return 0;
}

static mot_drivers *run(const char *path, const char *outcome, const char *id,
                        unsigned boot)
{
    mot_wide *w;
    mot_error err;
    if (mot_wide_read(path, &w, &err) != MOT_OK)
        fail_msg("%s: %s", path, err.message);
    mot_drivers_options o;
    mot_drivers_options_default(&o);
    o.outcome = outcome;
    o.id = id;
    o.bootstrap = boot;
    o.threads = 2;
    mot_drivers *d;
    if (mot_drivers_analyse(w, &o, &d, &err) != MOT_OK)
        fail_msg("analyse: %s", err.message);
    mot_wide_free(w);
    return d;
}

static void test_telco_against_glm(void **state)
{
    (void)state;
    rfix fx;
    rfix_read(MOT_TEST_DATA "/r/telco_glm.csv", &fx);
    mot_drivers *d = run(MOT_SHARED_DATA "/telco_churn.csv", "churn", NULL,
                         100);
    assert_true(d->binary);
    assert_string_equal(d->event, "Yes");
    assert_string_equal(d->model, "logistic");
    const double *n = rfix_get(&fx, "(n)");
    assert_int_equal(d->rows, 7043);
    assert_int_equal(d->n, (size_t)n[0]);
    assert_rel(d->events, n[1], 0);
    assert_rel(d->deviance, n[2], 1e-9);
    assert_rel(d->null_deviance, n[3], 1e-12);
    /* every term R estimated, and no other */
    assert_int_equal(d->nd, fx.n - 2);
    double r2 = 0;
    for (size_t i = 1; i + 1 < fx.n; i++) {
        const mot_driver *t = find(d, fx.name[i]);
        if (!t)
            fail_msg("term %s missing", fx.name[i]);
        const double *v = fx.v[i];
        assert_rel(log(t->estimate), v[0], 1e-7);
        assert_rel((log(t->hi) - log(t->lo)) / (2 * Z975), v[1], 1e-7);
        assert_rel(t->p, v[3], 1e-6);
        assert_abs(t->importance, v[4], 1e-9);
        assert_true(t->importance_lo <= t->importance &&
                    t->importance <= t->importance_hi);
        r2 += t->importance;
    }
    assert_rel(d->r2, rfix_get(&fx, "(intercept)")[4], 1e-9);
    assert_rel(r2, d->r2, 1e-9);
    assert_string_equal(d->importance_method, "relative_weights");
    /* the terms glm reports as NA (aliased) are left out with a note */
    assert_null(find(d, "multiple_lines=No phone service"));
    assert_null(find(d, "online_security=No internet service"));
    assert_true(has_note(d, "7 terms left out"));
    assert_true(has_note(d, "\"streaming_movies=No internet service\""));
    assert_true(has_note(d, "11 of 7043 rows left out"));
    assert_true(has_note(d, "total_charges 11"));
    mot_drivers_free(d);
}

/* Tenure and contract are the strongest drivers; the tenure line's
** chi-square recounted from the file. */
static void test_telco_strong_drivers(void **state)
{
    (void)state;
    mot_drivers *d = run(MOT_SHARED_DATA "/telco_churn.csv", "churn", NULL,
                         50);
    assert_string_equal(d->d[0].column, "tenure");
    assert_true(d->d[0].p < 1e-15 && d->d[0].estimate < 1);
    const mot_driver *one = find(d, "contract=One year");
    const mot_driver *two = find(d, "contract=Two year");
    assert_true(one->p < 1e-8 && two->p < 1e-8);
    assert_true(two->estimate < one->estimate && one->estimate < 1);
    /* contract's terms together outweigh any other column's */
    double contract = one->importance + two->importance;
    for (size_t i = 0; i < d->nd; i++) {
        const char *c = d->d[i].column;
        if (strcmp(c, "contract") == 0 || strcmp(c, "tenure") == 0)
            continue;
        double sum = 0;
        for (size_t j = 0; j < d->nd; j++)
            if (strcmp(d->d[j].column, c) == 0)
                sum += d->d[j].importance;
        assert_true(sum < contract);
    }
    /* tenure: churn is higher below the line */
    const mot_tolerance *l = &d->d[0].line;
    assert_true(d->d[0].scanned);
    assert_true(l->found);
    assert_int_equal(l->direction, -1);
    assert_true(l->p_adjusted < 1e-10 && l->rate_beyond > l->rate_within);
    assert_true(l->family >= 3);  /* tenure, monthly and total charges */
    mot_wide *w;
    assert_int_equal(mot_wide_read(MOT_SHARED_DATA "/telco_churn.csv", &w,
                                   NULL), MOT_OK);
    const mot_column *ten = mot_columns_find(&w->cols, "tenure");
    const mot_column *ch = mot_columns_find(&w->cols, "churn");
    double cell[2][2] = {{0, 0}, {0, 0}};
    for (size_t i = 0; i < w->nrows; i++) {
        int beyond = ten->num[i] < l->value;
        int yes = strcmp(mot_strtab_get(ch->dict, ch->code[i]), "Yes") == 0;
        cell[beyond][yes]++;
    }
    assert_rel(l->n_beyond, cell[1][0] + cell[1][1], 0);
    assert_rel(l->rate_beyond, cell[1][1] / (cell[1][0] + cell[1][1]), 1e-12);
    double a = cell[1][1], b = cell[1][0], c = cell[0][1], e = cell[0][0];
    double nn = a + b + c + e;
    double chi = nn * (a * e - b * c) * (a * e - b * c) /
                 ((a + b) * (c + e) * (a + c) * (b + e));
    assert_rel(l->statistic, chi, 1e-9);
    mot_wide_free(w);
    mot_drivers_free(d);
}

static void test_mtcars_against_lm(void **state)
{
    (void)state;
    rfix fx;
    rfix_read(MOT_TEST_DATA "/r/mtcars_lm.csv", &fx);
    mot_drivers *d = run(MOT_TEST_DATA "/mtcars.csv", "mpg", "model", 50);
    assert_false(d->binary);
    assert_string_equal(d->model, "linear");
    assert_string_equal(d->importance_method, "lmg");
    assert_int_equal(d->nd, 10);
    assert_int_equal(d->n, 32);
    for (size_t i = 1; i < fx.n; i++) {
        const mot_driver *t = find(d, fx.name[i]);
        assert_non_null(t);
        const double *v = fx.v[i];
        assert_rel(t->estimate, v[0], 1e-9);
        /* t interval: beta -+ t_{.975, 21} se */
        assert_rel((t->hi - t->lo) / 2, 2.079613844727662 * v[1], 1e-9);
        assert_rel(t->p, v[3], 1e-8);
        assert_rel(t->importance, v[4], 1e-9);
        assert_false(t->scanned);
        assert_false(t->line.found);
    }
    assert_rel(d->r2, rfix_get(&fx, "(intercept)")[4], 1e-12);
    /* ordered by importance: wt first */
    assert_string_equal(d->d[0].column, "wt");
    for (size_t i = 1; i < d->nd; i++)
        assert_true(d->d[i - 1].importance >= d->d[i].importance);
    assert_true(has_note(d, "tolerance lines need a binary outcome"));
    mot_drivers_free(d);
}

/* A table written here: plan basic/premium (premium rarer: the event),
** a yes/no column, an identifier-like column, a constant one. */
static void test_coding(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("drivers_coding");
    char *csv = malloc(64 * 1024);
    size_t len = (size_t)sprintf(csv, "cust,plan,autopay,code,region,age,k\n");
    for (int i = 0; i < 400; i++) {
        int premium = (i % 7 == 0) || (i % 5 == 0 && i % 2 == 0);
        len += (size_t)sprintf(csv + len, "C%d,%s,%s,X%d,%s,%d,1\n", i,
                               premium ? "premium" : "basic",
                               i % 3 ? "yes" : "no", i,
                               i % 4 == 0 ? "north" : i % 4 == 1 ? "south"
                                                                 : "east",
                               20 + (i * 37) % 50);
    }
    tu_write(dir, "t.csv", csv, len);
    free(csv);
    mot_drivers *d = run(tu_path(dir, "t.csv"), "plan", "cust", 20);
    assert_true(d->binary);
    assert_string_equal(d->event, "premium");
    assert_true(has_note(d, "counts \"premium\" (the rarer value)"));
    assert_true(has_note(d, "column \"code\" left out: 400 different"));
    assert_true(has_note(d, "column \"k\" left out: it does not vary"));
    const mot_driver *a = find(d, "autopay");
    assert_non_null(a);
    assert_int_equal(a->kind, MOT_DRIVER_YESNO);
    /* region: east is the most frequent level, the reference */
    const mot_driver *n = find(d, "region=north");
    assert_non_null(n);
    assert_string_equal(n->reference, "east");
    assert_non_null(find(d, "region=south"));
    assert_null(find(d, "region=east"));
    assert_true(find(d, "age")->scanned);
    assert_int_equal(d->nd, 4);
    mot_drivers_free(d);
}

/* am on the other mtcars columns is separated: flagged, no numbers. */
static void test_separation(void **state)
{
    (void)state;
    mot_drivers *d = run(MOT_TEST_DATA "/mtcars.csv", "am", "model", 0);
    assert_true(d->binary);
    assert_string_equal(d->event, "1");
    assert_true(has_note(d, "separated"));
    size_t diverged = 0;
    for (size_t i = 0; i < d->nd; i++)
        if (d->d[i].flags & MOT_LOGIT_DIVERGED) {
            diverged++;
            assert_true(isnan(d->d[i].estimate) && isnan(d->d[i].p));
        }
    assert_true(diverged > 0);
    /* no bootstrap asked: no interval */
    assert_true(isnan(d->d[0].importance_lo));
    mot_drivers_free(d);
}

static void test_errors(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("drivers_errors");
    tu_write(dir, "t.csv", "y,x,z\na,1,1\nb,2,1\nc,3,2\na,4,2\n", (size_t)-1);
    mot_wide *w;
    mot_error err;
    assert_int_equal(mot_wide_read(tu_path(dir, "t.csv"), &w, &err), MOT_OK);
    mot_drivers_options o;
    mot_drivers_options_default(&o);
    mot_drivers *d;
    o.outcome = "nope";
    assert_int_equal(mot_drivers_analyse(w, &o, &d, &err), MOT_EUSAGE);
    assert_non_null(strstr(err.message, "no column \"nope\""));
    assert_null(d);
    o.outcome = "x";
    o.id = "X";
    assert_int_equal(mot_drivers_analyse(w, &o, &d, &err), MOT_EUSAGE);
    o.id = NULL;
    o.outcome = "y";
    assert_int_equal(mot_drivers_analyse(w, &o, &d, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "3 different texts"));
    o.outcome = "z";
    assert_int_equal(mot_drivers_analyse(w, &o, &d, &err), MOT_EDATA);
    assert_non_null(strstr(err.message, "too few"));
    mot_wide_free(w);

    tu_write(dir, "bad.csv", "a,b,A\n1,2,3\n", (size_t)-1);
    assert_int_equal(mot_wide_read(tu_path(dir, "bad.csv"), &w, &err),
                     MOT_EDATA);
    assert_non_null(strstr(err.message, "appears twice"));
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 3);
    tu_write(dir, "short.csv", "a,b\n1,2\n3\n", (size_t)-1);
    assert_int_equal(mot_wide_read(tu_path(dir, "short.csv"), &w, &err),
                     MOT_EDATA);
    assert_int_equal(err.line, 3);
    tu_write(dir, "empty.csv", "", 0);
    assert_int_equal(mot_wide_read(tu_path(dir, "empty.csv"), &w, &err),
                     MOT_EDATA);
    assert_int_equal(mot_wide_read(tu_path(dir, "none.csv"), &w, &err),
                     MOT_ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_telco_against_glm),
        cmocka_unit_test(test_telco_strong_drivers),
        cmocka_unit_test(test_mtcars_against_lm),
        cmocka_unit_test(test_coding),
        cmocka_unit_test(test_separation),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
