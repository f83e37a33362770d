/* test_demo.c: mot demo writes complete, deterministic, consistent projects
** with the planted truths of docs/demo.md really in the data.
**
** The files are re-read with a tiny CSV splitter of this test's own (the
** demo never quotes, but the splitter handles quotes anyway), and the
** planted effects are recomputed here directly from the rows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mot/demo.h"
#include "testutil.h"

static const char *const project_files[] = {
    "mot.ini", "blueprint.csv", "events.csv", "customers.csv", "kano.csv",
    "servqual.csv", "servqual_weights.csv", "tickets.csv",
    "interactions.csv", "staff.csv"};
#define NFILES (sizeof project_files / sizeof project_files[0])

/* ---- a tiny CSV table ---------------------------------------------------- */

typedef struct table {
    char *data;
    char **cell;     /* row-major, ncols per row; row 0 is the header */
    size_t nrows;    /* data rows, header excluded */
    size_t ncols;
} table;

/* Split one record at p (modified in place) into at most max fields;
** returns the number of fields and advances *pp past the newline. */
static size_t split_record(char **pp, char **fields, size_t max)
{
    char *p = *pp, *out = p;
    size_t n = 0;
    for (;;) {
        char *start = out;
        if (*p == '"') {
            for (p++; *p; p++) {
                if (*p == '"' && p[1] != '"') {
                    p++;
                    break;
                }
                if (*p == '"')
                    p++; /* a doubled quote stands for one */
                *out++ = *p;
            }
        } else {
            while (*p && *p != ',' && *p != '\n')
                *out++ = *p++;
        }
        char end = *p;
        *out++ = '\0';
        assert_true(n < max);
        fields[n++] = start;
        if (end == ',') {
            p++;
            continue;
        }
        *pp = end ? p + 1 : p;
        return n;
    }
}

static table load(const char *dir, const char *file)
{
    table t = {0};
    size_t len, cap = 0, nrec = 0;
    t.data = tu_read(tu_path(dir, file), &len);
    assert_non_null(t.data);
    assert_true(len > 0 && t.data[len - 1] == '\n');
    assert_null(strchr(t.data, '\r'));
    char *p = t.data, *fields[64];
    while (*p) {
        size_t n = split_record(&p, fields, 64);
        if (nrec == 0)
            t.ncols = n;
        assert_int_equal(n, t.ncols); /* every record has the header's width */
        if ((nrec + 1) * t.ncols > cap) {
            cap = cap ? cap * 2 : 1024;
            while (cap < (nrec + 1) * t.ncols)
                cap *= 2;
            t.cell = realloc(t.cell, cap * sizeof *t.cell);
            assert_non_null(t.cell);
        }
        memcpy(t.cell + nrec * t.ncols, fields, n * sizeof *fields);
        nrec++;
    }
    t.nrows = nrec - 1;
    return t;
}

static void unload(table *t)
{
    free(t->data);
    free(t->cell);
}

static const char *get(const table *t, size_t row, size_t col)
{
    return t->cell[(row + 1) * t->ncols + col];
}

static size_t col(const table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cell[i], name) == 0)
            return i;
    fail_msg("no column %s", name);
    return 0;
}

/* The header row joined back with commas. */
static const char *header(const table *t)
{
    static char buf[1024];
    buf[0] = '\0';
    for (size_t i = 0; i < t->ncols; i++) {
        if (i)
            strcat(buf, ",");
        strcat(buf, t->cell[i]);
    }
    return buf;
}

/* Row of the customer with id C<digits> (ids are C + 1-based number). */
static size_t customer_row(const table *cu, const char *id)
{
    assert_true(id[0] == 'C');
    size_t i = strtoul(id + 1, NULL, 10) - 1;
    assert_true(i < cu->nrows);
    assert_string_equal(get(cu, i, 0), id);
    return i;
}

/* Blueprint row of touchpoint id, or (size_t)-1. */
static size_t tp_row(const table *bp, const char *id)
{
    for (size_t i = 0; i < bp->nrows; i++)
        if (strcmp(get(bp, i, 0), id) == 0)
            return i;
    return (size_t)-1;
}

static void write_demo(const char *dir, const char *scenario,
                       unsigned long n, uint64_t seed)
{
    mot_demo_options o = {scenario, n, seed};
    mot_error err;
    mot_error_clear(&err);
    mot_status st = mot_demo_write(dir, &o, &err);
    if (st != MOT_OK)
        fail_msg("mot_demo_write %s: %s: %s", scenario, err.file,
                 err.message);
}

static int exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* ---- files, headers, sizes ----------------------------------------------- */

static void test_every_scenario_writes_all_files(void **state)
{
    (void)state;
    for (const char *const *s = mot_demo_scenarios; *s; s++) {
        const char *dir = tu_tmpdir(*s);
        write_demo(dir, *s, 50, 1);
        for (size_t f = 0; f < NFILES; f++) {
            char tmp[64];
            snprintf(tmp, sizeof tmp, "%s.tmp", project_files[f]);
            assert_true(exists(tu_path(dir, project_files[f])));
            assert_false(exists(tu_path(dir, tmp)));
        }
        static const struct {
            const char *file, *header;
        } want[] = {
            {"blueprint.csv",
             "id,name,stage,phase,lane,channel,supports,tolerance,target,"
             "sla_hours,servqual_dimension,kano_feature,owner"},
            {"events.csv", "customer_id,journey_id,time,touchpoint,score,"
                           "staff_id,branch,wait_minutes,channel"},
            {"customers.csv", "customer_id,segment,value,tenure_months,"
                              "overall,nps,churned,churn_time"},
            {"kano.csv", "respondent_id,feature,functional,dysfunctional,"
                         "importance,segment"},
            {"servqual_weights.csv", "respondent_id,dimension,points"},
            {"tickets.csv", "ticket_id,customer_id,touchpoint,opened_at,"
                            "first_response_at,resolved_at,category,"
                            "satisfaction,staff_id,branch,compensation"},
            {"staff.csv", "staff_id,name,branch,trained_at"},
        };
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
            table t = load(dir, want[i].file);
            assert_string_equal(header(&t), want[i].header);
            unload(&t);
        }
        table sq = load(dir, "servqual.csv");
        assert_string_equal(header(&sq),
                            strcmp(*s, "hotel") == 0
                                ? "respondent_id,item,dimension,expectation,"
                                  "perception,adequate,desired"
                                : "respondent_id,item,expectation,"
                                  "perception,adequate,desired");
        unload(&sq);
        table ix = load(dir, "interactions.csv");
        assert_string_equal(header(&ix),
                            strcmp(*s, "rail") == 0
                                ? "interaction_id,staff_id,time,customer_id,"
                                  "touchpoint,branch,customer_score,"
                                  "探索,提议,行动,确认"
                                : "interaction_id,staff_id,time,customer_id,"
                                  "touchpoint,branch,customer_score,"
                                  "营造氛围,分析问题,解决问题,总结问题,"
                                  "完善跟进");
        unload(&ix);
    }
}

static void test_mot_ini(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("ini");
    write_demo(dir, "rail", 3, 42);
    char *ini = tu_read(tu_path(dir, "mot.ini"), NULL);
    assert_string_equal(ini,
                        "; mot demo --scenario rail --customers 3 --seed 42\n"
                        "[scale]\nmin = 1\nmax = 5\nneutral = 3\n\n"
                        "[report]\nlang = zh\n");
    free(ini);
}

static void test_sizes(void **state)
{
    (void)state;
    static const struct {
        unsigned long n, kano, servqual;
        const char *first, *last;
    } cases[] = {
        {1, 1, 1, "C00001", "C00001"},
        {10, 10, 10, "C00001", "C00010"},
        {250, 100, 66, "C00001", "C00250"},
        {2000, 300, 200, "C00001", "C02000"},
        {123456, 300, 200, "C000001", "C123456"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *dir = tu_tmpdir("sizes");
        write_demo(dir, "property", cases[i].n, 3);
        table cu = load(dir, "customers.csv");
        assert_int_equal(cu.nrows, cases[i].n);
        assert_string_equal(get(&cu, 0, 0), cases[i].first);
        assert_string_equal(get(&cu, cu.nrows - 1, 0), cases[i].last);
        unload(&cu);
        table ka = load(dir, "kano.csv"), sq = load(dir, "servqual.csv");
        assert_int_equal(ka.nrows, cases[i].kano * 8); /* 8 features */
        assert_int_equal(sq.nrows, cases[i].servqual * 22);
        unload(&ka);
        unload(&sq);
        table st = load(dir, "staff.csv");
        assert_int_equal(st.nrows, 24);
        unload(&st);
    }
}

/* ---- determinism --------------------------------------------------------- */

static void test_same_seed_same_bytes(void **state)
{
    (void)state;
    for (const char *const *s = mot_demo_scenarios; *s; s++) {
        char a[4096], b[4096];
        snprintf(a, sizeof a, "%s", tu_tmpdir("same_a"));
        snprintf(b, sizeof b, "%s", tu_tmpdir("same_b"));
        write_demo(a, *s, 300, 12345);
        write_demo(b, *s, 300, 12345);
        for (size_t f = 0; f < NFILES; f++) {
            size_t la, lb;
            char *x = tu_read(tu_path(a, project_files[f]), &la);
            char *y = tu_read(tu_path(b, project_files[f]), &lb);
            assert_non_null(x);
            assert_non_null(y);
            assert_int_equal(la, lb);
            assert_memory_equal(x, y, la);
            free(x);
            free(y);
        }
    }
}

/* FNV-1a, 32 bits, of n bytes. */
static unsigned long fnv(const char *s, size_t n)
{
    unsigned long h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = ((h ^ (unsigned char)s[i]) * 16777619u) & 0xFFFFFFFFu;
    return h;
}

/* The bytes of a small project in every scenario, pinned: the same
** arguments must give these files on every machine and compiler. A
** deliberate change to the generator changes them; then update the
** numbers here (the failure message prints the new ones) and say so in
** docs/demo.md's history, since published demo outputs change with it. */
static void test_output_is_pinned(void **state)
{
    (void)state;
    static const struct {
        const char *scenario;
        unsigned long hash;
    } pins[] = {
        {"telecom", 0xFA9C9E14UL},
        {"rail", 0x5B421B8BUL},
        {"property", 0x3ED687BBUL},
        {"hotel", 0xCC12A774UL},
    };
    int wrong = 0;
    for (size_t i = 0; i < sizeof pins / sizeof pins[0]; i++) {
        const char *dir = tu_tmpdir("pinned");
        write_demo(dir, pins[i].scenario, 120, 20260101);
        unsigned long h = 0;
        for (size_t f = 0; f < NFILES; f++) {
            size_t len;
            char *x = tu_read(tu_path(dir, project_files[f]), &len);
            assert_non_null(x);
            h = (h * 31 + fnv(x, len)) & 0xFFFFFFFFu;
            free(x);
        }
        if (h != pins[i].hash) {
            print_message("%s: hash 0x%08lXUL, pinned 0x%08lXUL\n",
                          pins[i].scenario, h, pins[i].hash);
            wrong = 1;
        }
    }
    assert_false(wrong);
}

static void test_different_seed_different_events(void **state)
{
    (void)state;
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s", tu_tmpdir("seed_a"));
    snprintf(b, sizeof b, "%s", tu_tmpdir("seed_b"));
    write_demo(a, "telecom", 200, 0);
    write_demo(b, "telecom", 200, 1);
    size_t la, lb;
    char *x = tu_read(tu_path(a, "events.csv"), &la);
    char *y = tu_read(tu_path(b, "events.csv"), &lb);
    assert_true(la != lb || memcmp(x, y, la) != 0);
    assert_true(fnv(x, la) != fnv(y, lb));
    free(x);
    free(y);
    /* the blueprint does not depend on the seed */
    x = tu_read(tu_path(a, "blueprint.csv"), &la);
    y = tu_read(tu_path(b, "blueprint.csv"), &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(x, y, la);
    free(x);
    free(y);
}

/* ---- usage and I/O errors ------------------------------------------------ */

static void test_bad_options(void **state)
{
    (void)state;
    static const struct {
        const char *scenario;
        unsigned long n;
        const char *message;
    } cases[] = {
        {"metro", 100,
         "scenario must be one of telecom, rail, property, hotel, found "
         "\"metro\""},
        {"", 100,
         "scenario must be one of telecom, rail, property, hotel, found "
         "\"\""},
        {"telecom-and-rail-and-property-and-hotel-and-more", 100,
         "scenario must be one of telecom, rail, property, hotel, found "
         "\"telecom-and-rail-and-property-and-hotel-...\""},
        {"telecom", 0,
         "customers must be a whole number from 1 to 50000000, found 0"},
        {"hotel", 50000001,
         "customers must be a whole number from 1 to 50000000, found "
         "50000001"},
    };
    const char *dir = tu_path(tu_tmpdir("bad"), "never");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mot_demo_options o = {cases[i].scenario, cases[i].n, 0};
        mot_error err;
        mot_error_clear(&err);
        assert_int_equal(mot_demo_write(dir, &o, &err), MOT_EUSAGE);
        assert_int_equal(err.status, MOT_EUSAGE);
        assert_string_equal(err.message, cases[i].message);
        assert_false(exists(dir)); /* nothing written */
    }
    mot_error err;
    assert_int_equal(mot_demo_write("", NULL, &err), MOT_EUSAGE);
    assert_string_equal(err.message, "the output folder must be given");
    assert_int_equal(mot_demo_write(NULL, NULL, NULL), MOT_EUSAGE);
}

static void test_folder_cannot_be_made(void **state)
{
    (void)state;
    const char *tmp = tu_tmpdir("io");
    tu_write(tmp, "afile", "x", 1);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/afile/sub", tmp);
    mot_error err;
    mot_demo_options o = {"telecom", 10, 0};
    assert_int_equal(mot_demo_write(dir, &o, &err), MOT_EIO);
    assert_string_equal(err.file, dir);
    assert_string_equal(err.message,
                        "cannot create the folder (Not a directory)");
}

static void test_file_cannot_be_written_leaves_nothing(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("io_file");
    char blocker[4096], want[4096];
    /* a folder where events.csv.tmp should go makes its fopen fail */
    snprintf(blocker, sizeof blocker, "%s/events.csv.tmp", dir);
    assert_int_equal(mkdir(blocker, 0777), 0);
    tu_write(dir, "customers.csv", "old\n", 4);
    mot_error err;
    mot_demo_options o = {"hotel", 10, 0};
    assert_int_equal(mot_demo_write(dir, &o, &err), MOT_EIO);
    snprintf(want, sizeof want, "%s/events.csv", dir);
    assert_string_equal(err.file, want);
    assert_true(strncmp(err.message, "cannot create the file (", 24) == 0);
    for (size_t f = 0; f < NFILES; f++) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%s.tmp", project_files[f]);
        if (strcmp(project_files[f], "customers.csv") != 0)
            assert_false(exists(tu_path(dir, project_files[f])));
        if (strcmp(project_files[f], "events.csv") != 0)
            assert_false(exists(tu_path(dir, tmp)));
    }
    /* the old file is untouched */
    char *old = tu_read(tu_path(dir, "customers.csv"), NULL);
    assert_string_equal(old, "old\n");
    free(old);
}

static void test_replaces_files_and_makes_parents(void **state)
{
    (void)state;
    const char *tmp = tu_tmpdir("parents");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/a/b/c", tmp);
    write_demo(dir, "telecom", 20, 5);
    write_demo(dir, "telecom", 10, 5);
    table cu = load(dir, "customers.csv");
    assert_int_equal(cu.nrows, 10);
    unload(&cu);
}

/* ---- consistency of references ------------------------------------------- */

static int is_score(const char *s, int lo, int hi)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && !*end && v >= lo && v <= hi;
}

static int is_time_2026(const char *s)
{
    int y, mo, d, h, mi, se, n = 0;
    return strlen(s) == 19 &&
           sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se,
                  &n) == 6 &&
           n == 19 && y == 2026 && mo >= 1 && mo <= 12 && d >= 1 &&
           d <= 31 && h < 24 && mi < 60 && se < 60;
}

static void check_blueprint(const table *bp)
{
    assert_true(bp->nrows >= 10 && bp->nrows <= 16);
    size_t stage = col(bp, "stage"), lane = col(bp, "lane");
    int evidence = 0;
    for (size_t i = 0; i < bp->nrows; i++) {
        const char *sup = get(bp, i, col(bp, "supports"));
        if (*sup)
            assert_true(tp_row(bp, sup) < i); /* serves an earlier row */
        evidence += strcmp(get(bp, i, lane), "evidence") == 0;
        /* stage rows are contiguous: a stage seen before must be this one */
        for (size_t j = 0; j + 1 < i; j++)
            if (strcmp(get(bp, j, stage), get(bp, i, stage)) == 0)
                assert_string_equal(get(bp, i - 1, stage),
                                    get(bp, i, stage));
    }
    assert_int_equal(evidence, 1);
}

static void check_events(const table *ev, const table *bp, const table *cu)
{
    size_t rated = 0;
    char prev_id[32] = "", prev_time[32] = "";
    for (size_t i = 0; i < ev->nrows; i++) {
        const char *id = get(ev, i, 0), *t = get(ev, i, 2);
        size_t tp = tp_row(bp, get(ev, i, 3));
        assert_true(tp != (size_t)-1);
        const char *lane = get(bp, tp, col(bp, "lane"));
        assert_true(strcmp(lane, "backstage") && strcmp(lane, "support") &&
                    strcmp(lane, "evidence"));
        customer_row(cu, id);
        assert_true(is_time_2026(t));
        if (strcmp(id, prev_id) == 0)
            assert_true(strcmp(prev_time, t) <= 0); /* in order */
        else
            assert_true(strcmp(prev_id, id) < 0);   /* grouped */
        snprintf(prev_id, sizeof prev_id, "%s", id);
        snprintf(prev_time, sizeof prev_time, "%s", t);
        const char *score = get(ev, i, 4);
        rated += *score != '\0';
        assert_true(!*score || is_score(score, 1, 5));
        assert_string_equal(get(ev, i, 8), get(bp, tp, col(bp, "channel")));
    }
    double share = (double)rated / (double)ev->nrows;
    assert_true(share > 0.25 && share < 0.45);
}

static void check_customers(const table *cu)
{
    for (size_t i = 0; i < cu->nrows; i++) {
        const char *overall = get(cu, i, 4), *churned = get(cu, i, 6);
        double o = atof(overall);
        assert_true(o >= 1.0 && o <= 5.0 && strlen(overall) == 3 &&
                    overall[1] == '.');
        assert_true(is_score(get(cu, i, 5), 0, 10));
        assert_true(is_score(churned, 0, 1));
        assert_int_equal(*churned == '1', *get(cu, i, 7) != '\0');
        if (*churned == '1')
            assert_true(is_time_2026(get(cu, i, 7)));
    }
}

static void check_tickets(const table *tk, const table *bp, const table *cu)
{
    for (size_t i = 0; i < tk->nrows; i++) {
        customer_row(cu, get(tk, i, 1));
        size_t tp = tp_row(bp, get(tk, i, 2));
        assert_true(tp != (size_t)-1);
        assert_true(*get(bp, tp, col(bp, "sla_hours")));
        const char *opened = get(tk, i, 3), *resp = get(tk, i, 4),
                   *res = get(tk, i, 5);
        assert_true(is_time_2026(opened) && is_time_2026(resp));
        assert_true(strcmp(opened, resp) <= 0);
        if (*res)
            assert_true(is_time_2026(res) && strcmp(resp, res) <= 0);
        assert_int_equal(*res != '\0', *get(tk, i, 7) != '\0');
    }
}

static void check_staff_refs(const table *ix, const table *st,
                             const table *ev)
{
    size_t rated = 0;
    for (size_t i = 0; i < ix->nrows; i++) {
        const char *s = get(ix, i, 1);
        size_t k = strtoul(s + 1, NULL, 10) - 1;
        assert_true(k < st->nrows);
        assert_string_equal(get(st, k, 0), s);
        assert_string_equal(get(st, k, 2), get(ix, i, 5)); /* branch */
        const char *y = get(ix, i, 6);  /* empty: reviewed, not rated */
        assert_true(!*y || is_score(y, 1, 5));
        rated += *y != '\0';
        for (size_t c = 7; c < ix->ncols; c++)
            assert_true(is_score(get(ix, i, c), 0, 1));
    }
    /* the customer rated 35% of the QA contacts; a reviewer assessed
    ** half of the others: 0.35 / (0.35 + 0.65 / 2) = 52% are rated */
    if (ix->nrows >= 200) {
        double share = (double)rated / (double)ix->nrows;
        assert_true(share > 0.4 && share < 0.65);
    }
    for (size_t i = 0; i < ev->nrows; i++) {
        const char *s = get(ev, i, 5);
        if (*s)
            assert_true(strtoul(s + 1, NULL, 10) - 1 < st->nrows);
    }
}

static void check_surveys(const table *ka, const table *sq, const table *wt,
                          const table *bp, const table *cu)
{
    static const char *const words[] = {
        "1", "2", "3", "4", "5", "like", "must-be", "neutral", "live-with",
        "dislike", "喜欢", "理所当然", "无所谓", "能忍受", "不喜欢"};
    for (size_t i = 0; i < ka->nrows; i++) {
        customer_row(cu, get(ka, i, 0));
        for (size_t c = 2; c <= 3; c++) {
            int ok = 0;
            for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
                ok |= strcmp(get(ka, i, c), words[w]) == 0;
            assert_true(ok);
        }
        assert_true(is_score(get(ka, i, 4), 1, 5));
    }
    /* every blueprint kano_feature is a feature asked about */
    for (size_t b = 0; b < bp->nrows; b++) {
        const char *f = get(bp, b, col(bp, "kano_feature"));
        int found = !*f;
        for (size_t i = 0; i < ka->nrows && !found; i++)
            found = strcmp(get(ka, i, 1), f) == 0;
        assert_true(found);
    }
    for (size_t i = 0; i < sq->nrows; i++) {
        customer_row(cu, get(sq, i, 0));
        if (sq->ncols == 6)
            assert_true(is_score(get(sq, i, 1), 1, 22));
        for (size_t c = sq->ncols - 4; c < sq->ncols; c++)
            assert_true(is_score(get(sq, i, c), 1, 7));
    }
    assert_int_equal(wt->nrows % 5, 0);
    for (size_t i = 0; i < wt->nrows; i += 5) {
        long sum = 0;
        for (size_t k = 0; k < 5; k++) {
            assert_string_equal(get(wt, i + k, 0), get(wt, i, 0));
            sum += atol(get(wt, i + k, 2));
        }
        assert_int_equal(sum, 100);
    }
}

static void test_references_are_consistent(void **state)
{
    (void)state;
    for (const char *const *s = mot_demo_scenarios; *s; s++) {
        const char *dir = tu_tmpdir("refs");
        write_demo(dir, *s, 600, 99);
        table bp = load(dir, "blueprint.csv"), ev = load(dir, "events.csv"),
              cu = load(dir, "customers.csv"), tk = load(dir, "tickets.csv"),
              ix = load(dir, "interactions.csv"), st = load(dir, "staff.csv"),
              ka = load(dir, "kano.csv"), sq = load(dir, "servqual.csv"),
              wt = load(dir, "servqual_weights.csv");
        check_blueprint(&bp);
        check_events(&ev, &bp, &cu);
        check_customers(&cu);
        check_tickets(&tk, &bp, &cu);
        check_staff_refs(&ix, &st, &ev);
        check_surveys(&ka, &sq, &wt, &bp, &cu);
        table *all[] = {&bp, &ev, &cu, &tk, &ix, &st, &ka, &sq, &wt};
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            unload(all[i]);
    }
}

/* ---- the planted truths -------------------------------------------------- */

/* What docs/demo.md promises per scenario. */
typedef struct planted {
    const char *scenario;
    const char *neg, *pos, *tol, *end, *sla, *plain;
    int tol_contacts;     /* or */
    double tol_wait;
    const char *key_step, *odd_step, *weak_step;
    const char *gap_dim;  /* SERVQUAL dimension with the planted gap */
    const char *kano_a, *kano_o, *kano_m, *kano_i;
} planted;

static const planted plants[] = {
    {"telecom", "T06", "T13", "T10", "T14", "T11", "T08", 3, 0,
     "解决问题", "营造氛围", "完善跟进", "responsiveness",
     "专属客户经理", "网络覆盖与网速", "账单准确无误", "积分兑换商城"},
    {"rail", "R10", "R08", "R07", "R13", "R03", "R06", 0, 15,
     "探索", "提议", "确认", "reliability",
     "静音车厢", "候补购票成功率", "列车准点", "车厢纪念品"},
    {"property", "P03", "P12", "P07", "P14", "P07", "P11", 3, 0,
     "解决问题", "分析问题", "总结问题", "responsiveness",
     "社区节日活动", "报修及时上门", "门禁安全", "小区公告栏"},
    {"hotel", "H05", "H08", "H04", "H11", "H07", "H01", 0, 10,
     "营造氛围", "解决问题", "完善跟进", "tangibles",
     "欢迎水果", "床品舒适", "房间干净", "大堂香氛"},
};

/* Per customer, what the events show at a few touchpoints. */
typedef struct seen {
    int neg, pos, plain;  /* lowest rated score at NEG and PLAIN, highest
                             at POS; 0 when none was rated */
    int contacts;         /* contacts at TOL */
    double wait;          /* longest wait at TOL */
    int min, last, nrated;
    double sum;
} seen;

static seen *collect(const table *ev, const table *cu, const planted *p)
{
    seen *s = calloc(cu->nrows, sizeof *s);
    assert_non_null(s);
    for (size_t i = 0; i < ev->nrows; i++) {
        seen *c = &s[customer_row(cu, get(ev, i, 0))];
        const char *tp = get(ev, i, 3), *sc = get(ev, i, 4);
        int v = *sc ? atoi(sc) : 0;
        if (strcmp(tp, p->tol) == 0) {
            c->contacts++;
            if (atof(get(ev, i, 7)) > c->wait)
                c->wait = atof(get(ev, i, 7));
        }
        if (!v)
            continue;
        if (strcmp(tp, p->neg) == 0 && (!c->neg || v < c->neg))
            c->neg = v;
        if (strcmp(tp, p->plain) == 0 && (!c->plain || v < c->plain))
            c->plain = v;
        if (strcmp(tp, p->pos) == 0 && v > c->pos)
            c->pos = v;
        if (!c->nrated || v < c->min)
            c->min = v;
        c->last = v;
        c->sum += v;
        c->nrated++;
    }
    return s;
}

/* Mean of customers.csv column k over customers where pick(seen) is 1
** (or 0): returns the mean and counts into *n. */
typedef int (*pick_fn)(const seen *, const planted *);

static double mean_if(const table *cu, size_t k, const seen *s,
                      const planted *p, pick_fn pick, int want, size_t *n)
{
    double sum = 0;
    *n = 0;
    for (size_t i = 0; i < cu->nrows; i++) {
        int r = pick(&s[i], p);
        if (r < 0 || r != want)
            continue;
        sum += atof(get(cu, i, k));
        (*n)++;
    }
    return *n ? sum / (double)*n : NAN;
}

static int bad_neg(const seen *s, const planted *p)
{
    (void)p;
    return s->neg ? s->neg < 3 : -1;
}
/* An unplanted touchpoint's scores are rarely below 3: split at 4. */
static int bad_plain(const seen *s, const planted *p)
{
    (void)p;
    return s->plain ? s->plain < 4 : -1;
}
static int great_pos(const seen *s, const planted *p)
{
    (void)p;
    return s->pos ? s->pos == 5 : -1;
}
static int beyond(const seen *s, const planted *p)
{
    if (!s->contacts)
        return -1;
    return p->tol_contacts ? s->contacts >= p->tol_contacts
                           : s->wait > p->tol_wait;
}

static double odds_ratio(double a, double b)
{
    return (a / (1 - a)) / (b / (1 - b));
}

static double corr(const double *x, const double *y, size_t n)
{
    double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (double)n;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / sqrt(sxx * syy);
}

/* Least squares y = a + b1 x1 + b2 x2, and its R squared. */
typedef struct fit2 {
    double b1, b2, r2;
} fit2;

static fit2 ols2(const double *x1, const double *x2, const double *y,
                 size_t n)
{
    double m1 = 0, m2 = 0, my = 0, a = 0, b = 0, c = 0, p = 0, q = 0,
           syy = 0;
    for (size_t i = 0; i < n; i++) {
        m1 += x1[i] / (double)n;
        m2 += x2[i] / (double)n;
        my += y[i] / (double)n;
    }
    for (size_t i = 0; i < n; i++) {
        double u = x1[i] - m1, v = x2[i] - m2, w = y[i] - my;
        a += u * u;
        b += u * v;
        c += v * v;
        p += u * w;
        q += v * w;
        syy += w * w;
    }
    fit2 f;
    f.b1 = (c * p - b * q) / (a * c - b * b);
    f.b2 = (a * q - b * p) / (a * c - b * b);
    f.r2 = (f.b1 * p + f.b2 * q) / syy;
    return f;
}

static void check_outcome_plants(const planted *p, const table *ev,
                                 const table *cu)
{
    seen *s = collect(ev, cu, p);
    size_t churned = col(cu, "churned"), nps = col(cu, "nps"), n1, n0;
    /* (1) a bad NEG score: churn odds about x4 */
    double bad = mean_if(cu, churned, s, p, bad_neg, 1, &n1);
    double good = mean_if(cu, churned, s, p, bad_neg, 0, &n0);
    assert_true(n1 > 200 && n0 > 800);
    assert_true(odds_ratio(bad, good) > 2.5 && odds_ratio(bad, good) < 6);
    /* (2) a 5 at POS: NPS about +2 */
    double lift = mean_if(cu, nps, s, p, great_pos, 1, &n1) -
                  mean_if(cu, nps, s, p, great_pos, 0, &n0);
    assert_true(lift > 1.5 && lift < 2.6);
    /* (3) beyond the tolerance line churn jumps */
    double over = mean_if(cu, churned, s, p, beyond, 1, &n1);
    double within = mean_if(cu, churned, s, p, beyond, 0, &n0);
    assert_true(over > 1.6 * within);
    /* (9) an unplanted touchpoint does nothing */
    bad = mean_if(cu, churned, s, p, bad_plain, 1, &n1);
    good = mean_if(cu, churned, s, p, bad_plain, 0, &n0);
    assert_true(n1 > 200);
    assert_true(odds_ratio(bad, good) > 0.55 && odds_ratio(bad, good) < 1.8);
    double nps_plain = mean_if(cu, nps, s, p, bad_plain, 1, &n1) -
                       mean_if(cu, nps, s, p, bad_plain, 0, &n0);
    assert_true(fabs(nps_plain) < 0.6);
    /* (4) overall follows the worst and the last rated score, both, and
    ** better than it follows the mean */
    double *o = malloc(cu->nrows * sizeof *o),
           *mn = malloc(cu->nrows * sizeof *mn),
           *lo = malloc(cu->nrows * sizeof *lo),
           *last = malloc(cu->nrows * sizeof *last);
    size_t n = 0;
    for (size_t i = 0; i < cu->nrows; i++) {
        if (!s[i].nrated)
            continue;
        o[n] = atof(get(cu, i, col(cu, "overall")));
        mn[n] = s[i].sum / s[i].nrated;
        lo[n] = s[i].min;
        last[n] = s[i].last;
        n++;
    }
    fit2 pe = ols2(lo, last, o, n);
    double r_mean = corr(mn, o, n);
    assert_true(pe.b1 > 0.12 && pe.b2 > 0.15);
    assert_true(pe.r2 > r_mean * r_mean + 0.05);
    free(o);
    free(mn);
    free(lo);
    free(last);
    free(s);
}

static long long seconds(const char *t)
{
    int y, mo, d, h, mi, se;
    static const int before[12] = {0, 31, 59, 90, 120, 151,
                                   181, 212, 243, 273, 304, 334};
    sscanf(t, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &se);
    return (((long long)(before[mo - 1] + d - 1) * 24 + h) * 60 + mi) * 60 +
           se;
}

static void check_ticket_plant(const planted *p, const table *tk,
                               const table *bp)
{
    long long sla = atoll(get(bp, tp_row(bp, p->sla), col(bp, "sla_hours")));
    size_t late = 0, resolved = 0;
    for (size_t i = 0; i < tk->nrows; i++) {
        if (strcmp(get(tk, i, 2), p->sla) != 0 || !*get(tk, i, 5))
            continue;
        resolved++;
        late += seconds(get(tk, i, 5)) - seconds(get(tk, i, 3)) > sla * 3600;
    }
    double share = (double)late / (double)resolved;
    assert_true(resolved > 300);
    assert_true(share > 0.25 && share < 0.45);
}

/* KANO category of (functional, dysfunctional) per the Berger table. */
static char kano_category(const char *f, const char *d)
{
    static const char *const table5[5] = {"QAAAO", "RIIIM", "RIIIM",
                                          "RIIIM", "RRRRQ"};
    static const char *const names[3][5] = {
        {"1", "2", "3", "4", "5"},
        {"like", "must-be", "neutral", "live-with", "dislike"},
        {"喜欢", "理所当然", "无所谓", "能忍受", "不喜欢"}};
    int fi = -1, di = -1;
    for (int s = 0; s < 3; s++)
        for (int k = 0; k < 5; k++) {
            if (strcmp(f, names[s][k]) == 0)
                fi = k;
            if (strcmp(d, names[s][k]) == 0)
                di = k;
        }
    assert_true(fi >= 0 && di >= 0);
    return table5[fi][di];
}

static char kano_mode(const table *ka, const char *feature)
{
    int count[128] = {0};
    for (size_t i = 0; i < ka->nrows; i++)
        if (strcmp(get(ka, i, 1), feature) == 0)
            count[(int)kano_category(get(ka, i, 2), get(ka, i, 3))]++;
    char best = '?';
    for (const char *c = "AOMIRQ"; *c; c++)
        if (best == '?' || count[(int)*c] > count[(int)best])
            best = *c;
    assert_true(count[(int)'R'] + count[(int)'Q'] > 0); /* a little noise */
    return best;
}

static void check_survey_plants(const planted *p, const table *ka,
                                const table *sq)
{
    assert_int_equal(kano_mode(ka, p->kano_a), 'A');
    assert_int_equal(kano_mode(ka, p->kano_o), 'O');
    assert_int_equal(kano_mode(ka, p->kano_m), 'M');
    assert_int_equal(kano_mode(ka, p->kano_i), 'I');
    static const char *const dims[5] = {"tangibles", "reliability",
                                        "responsiveness", "assurance",
                                        "empathy"};
    static const int standard[22] = {0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2,
                                     2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4};
    double e[5] = {0}, per[5] = {0}, adequate[5] = {0};
    int n[5] = {0};
    int off = sq->ncols == 7;
    for (size_t i = 0; i < sq->nrows; i++) {
        int d = 0;
        if (off)
            while (strcmp(dims[d], get(sq, i, 2)) != 0)
                d++;
        else
            d = standard[atoi(get(sq, i, 1)) - 1];
        e[d] += atof(get(sq, i, 2 + off));
        per[d] += atof(get(sq, i, 3 + off));
        adequate[d] += atof(get(sq, i, 4 + off));
        n[d]++;
    }
    for (int d = 0; d < 5; d++) {
        double gap = (per[d] - e[d]) / n[d];
        if (strcmp(dims[d], p->gap_dim) == 0) {
            assert_true(gap < -1.5);
            assert_true(per[d] < adequate[d] - 0.3 * n[d]);
        } else {
            assert_true(gap > -1.2 && gap < 0);
            assert_true(per[d] > adequate[d]);
        }
    }
}

/* Share of interactions doing `step`, among those of staff (NULL: all),
** or, when branch is given, among that branch's interactions by trained
** staff after their trained_at (after = 1) or all the others (after = 0:
** untrained staff, or before the training). */
static double step_rate(const table *ix, const table *st, const char *step,
                        const char *staff, const char *branch, int after)
{
    size_t k = col(ix, step), n = 0, done = 0;
    for (size_t i = 0; i < ix->nrows; i++) {
        const char *s = get(ix, i, 1);
        if (staff && strcmp(s, staff) != 0)
            continue;
        if (branch) {
            const char *trained = get(st, strtoul(s + 1, NULL, 10) - 1, 3);
            int post = *trained && strncmp(get(ix, i, 2), trained, 10) >= 0;
            if (strcmp(get(ix, i, 5), branch) != 0 || post != after)
                continue;
        }
        n++;
        done += *get(ix, i, k) == '1';
    }
    assert_true(n >= 20);
    return (double)done / (double)n;
}

static double score_lift(const table *ix, size_t k)
{
    double sum[2] = {0}, n[2] = {0};
    for (size_t i = 0; i < ix->nrows; i++) {
        if (!*get(ix, i, 6))
            continue;               /* not rated by the customer */
        int d = *get(ix, i, k) == '1';
        sum[d] += atof(get(ix, i, 6));
        n[d]++;
    }
    return sum[1] / n[1] - sum[0] / n[0];
}

static void check_behaviour_plants(const planted *p, const table *ix,
                                   const table *st)
{
    for (size_t k = 7; k < ix->ncols; k++) {
        double lift = score_lift(ix, k);
        if (strcmp(ix->cell[k], p->key_step) == 0)
            assert_true(lift > 1.5);
        else
            assert_true(lift > 0 && lift < 0.7);
    }
    assert_true(step_rate(ix, st, p->odd_step, "S10", NULL, 0) < 0.35);
    assert_true(step_rate(ix, st, p->odd_step, "S11", NULL, 0) > 0.6);
    assert_true(step_rate(ix, st, p->weak_step, "S10", NULL, 0) > 0.65);
    assert_true(step_rate(ix, st, p->weak_step, NULL, NULL, 0) < 0.55);
    const char *works = get(st, 0, 2), *idle = get(st, 6, 2);
    double gain = step_rate(ix, st, p->key_step, NULL, works, 1) -
                  step_rate(ix, st, p->key_step, NULL, works, 0);
    double none = step_rate(ix, st, p->key_step, NULL, idle, 1) -
                  step_rate(ix, st, p->key_step, NULL, idle, 0);
    assert_true(gain > 0.12);
    assert_true(fabs(none) < 0.12);
}

static void test_planted_truths(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof plants / sizeof plants[0]; i++) {
        const planted *p = &plants[i];
        const char *dir = tu_tmpdir("planted");
        write_demo(dir, p->scenario, 5000, 2026);
        table bp = load(dir, "blueprint.csv"), ev = load(dir, "events.csv"),
              cu = load(dir, "customers.csv"), tk = load(dir, "tickets.csv"),
              ix = load(dir, "interactions.csv"), st = load(dir, "staff.csv"),
              ka = load(dir, "kano.csv"), sq = load(dir, "servqual.csv");
        check_outcome_plants(p, &ev, &cu);
        check_ticket_plant(p, &tk, &bp);
        check_survey_plants(p, &ka, &sq);
        check_behaviour_plants(p, &ix, &st);
        table *all[] = {&bp, &ev, &cu, &tk, &ix, &st, &ka, &sq};
        for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
            unload(all[k]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_scenario_writes_all_files),
        cmocka_unit_test(test_mot_ini),
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_same_seed_same_bytes),
        cmocka_unit_test(test_different_seed_different_events),
        cmocka_unit_test(test_output_is_pinned),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_folder_cannot_be_made),
        cmocka_unit_test(test_file_cannot_be_written_leaves_nothing),
        cmocka_unit_test(test_replaces_files_and_makes_parents),
        cmocka_unit_test(test_references_are_consistent),
        cmocka_unit_test(test_planted_truths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
