/*
** test_chunks.c: the chunked reader (src/read/chunks.c, the slices of
** csv.c and the parallel load of events.csv in events.c).
**
** Two levels. The CSV level cuts small inputs (CRLF, lone CR, blank
** lines, quoted commas, quotes and line ends, a byte-order mark, errors)
** at every line feed, and at every pair of them, and checks the promise
** the loader relies on: when every slice reads without a problem and none
** ends inside a quote, the slices' records, fields and lines (each
** slice's lines counted on from the previous ones) are exactly those of
** one reader over the whole input; and when one reader finds a problem,
** some slice does too (so the loader falls back and reports it). The
** project level loads folders whose events.csv is cut into chunks of a
** few bytes (mot_chunk_bytes) with one thread and with several, and
** compares the tables, the customer ids in order, and every reported
** problem (file:line:column and text): a bad score, an unterminated
** quote, a quoted line end, invalid UTF-8, CRLF, a byte-order mark, gzip.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "testutil.h"
#include "read/loadutil.h"
#include "read/chunks.h"
#include "read/csv_internal.h"

/* ---- CSV level -------------------------------------------------------- */

/* The records of a reading, flattened: "line:field|field\n" per record,
** field lines appended as "@line" when a field starts on another line. */
typedef struct flat {
    char *s;
    size_t len, cap;
    int bad;            /* a problem (error or open quote) */
    unsigned long lines;/* line ends read */
} flat;

/* Append n bytes at s to f. */
static void add(flat *f, const char *s, size_t n)
{
    if (f->len + n + 1 > f->cap) {
        f->cap = (f->len + n + 1) * 2;
        f->s = realloc(f->s, f->cap);
        assert_non_null(f->s);
    }
    memcpy(f->s + f->len, s, n);
    f->len += n;
    f->s[f->len] = '\0';
}

static void put(flat *f, const char *fmt, ...)
{
    va_list ap;
    char buf[1400];
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof buf);
    add(f, buf, (size_t)n);
}

/* Read all of c into f, lines shifted by `offset`. */
static void read_all(mot_csv *c, unsigned long offset, flat *f)
{
    mot_error err;
    mot_status st;
    while ((st = mot_csv_next(c, &err)) == MOT_OK) {
        put(f, "%lu:", mot_csv_line(c) + offset);
        for (size_t i = 0; i < mot_csv_nfields(c); i++) {
            size_t len;
            const char *s = mot_csv_field(c, i, &len);
            put(f, "%s%.*s@%lu", i ? "|" : "", (int)len, s,
                mot_csv_field_line(c, i) + offset);
        }
        put(f, "\n");
    }
    if (st != MOT_DONE || mot_csv_open_quote(c))
        f->bad = 1;
    f->lines = mot_csv_next_line(c) - 1;
}

/* One reader over data; 0 when it does not open or its encoding is not
** UTF-8 (the loader then never cuts the file). */
static int read_serial(const char *data, size_t len, flat *f)
{
    mot_csv *c;
    mot_error err;
    memset(f, 0, sizeof *f);
    if (mot_csv_open_memory(&c, "t", data, len, NULL, &err) != MOT_OK)
        return 0;
    int utf8 = strcmp(mot_csv_encoding(c), "UTF-8") == 0 ||
               strcmp(mot_csv_encoding(c), "UTF-8 BOM") == 0;
    read_all(c, 0, f);
    mot_csv_free(c);
    return utf8;
}

/* Slices of data at bounds[0..m], read one after the other. */
static void read_sliced(const char *data, const unsigned long long *bounds,
                        size_t m, flat *f)
{
    unsigned long lines = 0;
    memset(f, 0, sizeof *f);
    for (size_t k = 0; k < m; k++) {
        mot_csv *c;
        mot_error err;
        flat part;
        memset(&part, 0, sizeof part);
        assert_int_equal(mot_csv_open_slice(&c, NULL, data, bounds[k],
                                            bounds[k + 1] - bounds[k], NULL,
                                            &err), MOT_OK);
        read_all(c, lines, &part);
        mot_csv_free(c);
        if (part.s)
            add(f, part.s, part.len);
        free(part.s);
        f->bad |= part.bad;
        lines += part.lines;
    }
    f->lines = lines;
}

/* Check the promise for data cut at bounds. */
static void check_cut(const char *data, size_t len, const flat *whole,
                      const unsigned long long *bounds, size_t m)
{
    flat parts;
    read_sliced(data, bounds, m, &parts);
    if (!parts.bad) {
        assert_false(whole->bad);
        assert_string_equal(parts.s ? parts.s : "",
                            whole->s ? whole->s : "");
        assert_int_equal(parts.lines, whole->lines);
    }
    (void)len;
    free(parts.s);
}

/* Cut data (after a byte-order mark, if any) at every line feed and at
** every pair of them. */
static void cut_everywhere(const char *data)
{
    size_t len = strlen(data);
    unsigned long long lo = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0
                            ? 3 : 0;
    unsigned long long b[4];
    flat whole;
    assert_true(read_serial(data, len, &whole));
    for (size_t i = (size_t)lo; i < len; i++) {
        if (data[i] != '\n' || i + 1 >= len)
            continue;
        b[0] = lo;
        b[1] = i + 1;
        b[2] = len;
        check_cut(data, len, &whole, b, 2);
        for (size_t j = i + 1; j < len; j++) {
            if (data[j] != '\n' || j + 1 >= len)
                continue;
            b[2] = j + 1;
            b[3] = len;
            check_cut(data, len, &whole, b, 3);
        }
    }
    free(whole.s);
}

static void test_slices_agree(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "a,b,c\n1,2,3\n4,5,6\n7,8,9\n",
        "a,b\r\n1,2\r\n\r\n3,4\r\n5,6",
        "a,b\r1,2\r3,4\n5,6\n7,8\n",
        "\n\na,b\n\n1,2\n\n\n3,4\n",
        "a,\"b,c\"\n1,\"x\ny\"\n2,\"p\"\"q\"\n3,\"\n\n\"\n4,z\n",
        "id,note\n1,\"line one\r\nline two\"\n2,plain\n3,\"a\"\"b\nc\"\n",
        "\xEF\xBB\xBFid,name\n1,中文\n2,\"多\n行\"\n3,end\n",
        "a,b\n1,\"open\n2,3\n4,5\n",
        "a,b\n1,2\n3,\"x\"y\n5,6\n",
        "a\n\"\n\"\n\"\n\"\n",
        "\"\n\",\"\n\"\n\"\n\",x\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        cut_everywhere(inputs[i]);
}

/* Invalid UTF-8 past the 64 KiB that decide the encoding: one reader
** reports it, and so does the slice it falls in. */
static void test_slices_bad_utf8(void **state)
{
    (void)state;
    size_t n = 20000, len = 0;
    char *data = malloc(n * 4 + 16);
    assert_non_null(data);
    len += (size_t)sprintf(data, "a,b\n");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(data + len, "%zu,%c\n", i % 10, i == n - 7
                               ? '\xFF' : 'x');
    flat whole;
    assert_true(read_serial(data, len, &whole));
    assert_true(whole.bad);
    for (size_t m = 2; m <= 9; m++) {
        unsigned long long b[10];
        size_t got = mot_chunks_split(NULL, data, 0, len, m, b);
        assert_int_equal(got, m);
        check_cut(data, len, &whole, b, got);
    }
    free(whole.s);
    free(data);
}

/* A quote that opens in one slice and closes in the next is caught. */
static void test_quote_across_cut(void **state)
{
    (void)state;
    const char *data = "a,b\n1,\"x\ny\"\n2,z\n";
    size_t len = strlen(data);
    unsigned long long b[3] = {0, 9, len};   /* just after "x\n" */
    flat parts;
    assert_int_equal(data[8], '\n');
    read_sliced(data, b, 2, &parts);
    assert_true(parts.bad);
    free(parts.s);
}

static void test_split(void **state)
{
    (void)state;
    const char *data = "h\naaaa\nbb\nc\n\nddddddd\ne\n";
    size_t len = strlen(data);
    for (size_t n = 1; n <= 30; n++) {
        unsigned long long b[31];
        size_t m = mot_chunks_split(NULL, data, 2, len, n, b);
        assert_true(m >= 1 && m <= n);
        assert_int_equal(b[0], 2);
        assert_int_equal(b[m], len);
        for (size_t k = 1; k <= m; k++) {
            assert_true(b[k] > b[k - 1]);
            if (k < m)
                assert_int_equal(data[b[k] - 1], '\n');
        }
    }
    /* no line feed: one chunk */
    unsigned long long b[5];
    assert_int_equal(mot_chunks_split(NULL, "abc\rdef", 0, 7, 4, b), 1);
}

/* The bound on a chunk's rows: its line feeds, one more when it does not
** end with one; a lone carriage return is not counted (the reader checks
** the bound as it goes). */
static void test_rows_max(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t lo, hi, want;
    } cases[] = {
        {"a\nb\n", 0, 4, 2}, {"a\nb", 0, 3, 2}, {"a\nb\n", 2, 2, 0},
        {"\n\n\n", 0, 3, 3}, {"a\rb\rc", 0, 5, 1}, {"x\r\ny\r\n", 0, 6, 2},
        {"h\naaaa\nbb", 2, 9, 2}, {"h\naaaa\nbb", 2, 7, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(mot_chunks_rows_max(NULL, cases[i].s, cases[i].lo,
                                             cases[i].hi), cases[i].want);
    /* a long stretch, read through the buffer more than once, from a file */
    size_t n = 700000;
    char *data = malloc(n);
    assert_non_null(data);
    size_t lf = 0;
    for (size_t i = 0; i < n; i++) {
        data[i] = (char)(i % 7 == 3 ? '\n' : 'a' + (int)(i % 5));
        lf += data[i] == '\n';
    }
    const char *dir = lu_project("chunks_rows", (lu_file[]){{NULL, NULL}});
    char path[600];
    snprintf(path, sizeof path, "%s/big.csv", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    assert_int_equal(mot_chunks_rows_max(path, NULL, 0, n), lf + 1);
    assert_int_equal(mot_chunks_rows_max(NULL, data, 0, n), lf + 1);
    assert_int_equal(mot_chunks_rows_max(path, NULL, 4, 11), 1);
    snprintf(path, sizeof path, "%s/missing.csv", dir);
    assert_int_equal(mot_chunks_rows_max(path, NULL, 0, 10), SIZE_MAX);
    free(data);
}

/* ---- project level ------------------------------------------------------- */

#define CUSTOMERS "customer_id,overall,churned\nC1,4,0\nC2,3,1\nC3,5,0\n" \
                  "C4,2,1\n"

/* The skip bits load uses: those of the analysis, or (the tickets part)
** MOT_SKIP_EVENT_EXTRA. */
static unsigned load_skip = MOT_SKIP_ANALYSIS;

/* Load dir with load_skip and `threads` threads; the messages go into
** *msgs ("file:line:col: text\n" each, malloc'd). */
static mot_status load(const char *dir, unsigned threads, mot_project **p,
                       char **msgs)
{
    mot_diag d;
    mot_load_options opt = {.skip = load_skip, .threads = threads};
    flat f;
    memset(&f, 0, sizeof f);
    mot_diag_init(&d, 0);
    mot_status st = mot_project_load(p, dir, &opt, &d);
    put(&f, "%zu:", d.total);
    for (size_t i = 0; i < d.n; i++) {
        char buf[1200];
        mot_error_format(&d.items[i], buf, sizeof buf);
        put(&f, "%s\n", buf);
    }
    mot_diag_free(&d);
    *msgs = f.s;
    return st;
}

/* The events and customer ids of p, flattened. */
static char *dump(const mot_project *p)
{
    flat f;
    memset(&f, 0, sizeof f);
    put(&f, "skipped %u\n", p->skipped);
    for (size_t i = 0; i < mot_strtab_count(p->customer_ids); i++)
        put(&f, "id %s\n", mot_strtab_get(p->customer_ids, (uint32_t)i));
    for (size_t i = 0; i < mot_strtab_count(p->branches); i++)
        put(&f, "branch %s\n", mot_strtab_get(p->branches, (uint32_t)i));
    const mot_events *e = p->events;
    if (e)
        put(&f, "journey %d channel %d attrs %zu\n", e->journey != NULL,
            e->channel != NULL, e->attrs.n);
    for (size_t i = 0; e && i < e->n; i++)
        put(&f, "%u %lld %u %.9g %.9g %d %d %.9g\n", e->customer[i],
            (long long)e->time[i], e->touchpoint[i], (double)e->score[i],
            e->wait_minutes ? (double)e->wait_minutes[i] : -1.0,
            e->staff ? (int)e->staff[i] : -2,
            e->branch ? (int)e->branch[i] : -2,
            e->expected ? (double)e->expected[i] : -1.0);
    return f.s;
}

/* Load dir with 1 thread and with 2, 3 and 4, each with chunks of
** 1..40 bytes, and check that all agree; returns the status. */
static mot_status agree(const char *dir)
{
    mot_project *p;
    char *msgs, *want;
    mot_chunk_min = 1;
    mot_chunk_bytes = 1;
    mot_status st = load(dir, 1, &p, &msgs);
    want = st == MOT_OK ? dump(p) : NULL;
    mot_project_free(p);
    for (unsigned t = 2; t <= 4; t++) {
        for (size_t bytes = 1; bytes <= 40; bytes += (bytes < 8 ? 1 : 7)) {
            mot_project *q;
            char *m2;
            mot_chunk_bytes = bytes;
            assert_int_equal(load(dir, t, &q, &m2), st);
            assert_string_equal(m2, msgs);
            if (st == MOT_OK) {
                char *got = dump(q);
                assert_string_equal(got, want);
                free(got);
            }
            mot_project_free(q);
            free(m2);
        }
    }
    mot_chunk_min = mot_chunk_bytes = 0;
    free(msgs);
    free(want);
    return st;
}

#define EVENTS_OK \
    "customer_id,time,touchpoint,score,wait_minutes,channel\n" \
    "C1,2026-01-01 08:00,T1,4,,front\nC1,2026-01-02 09:00,T2,,3,front\n" \
    "C2,2026-01-01 10:00,T1,2,1.5,back\nC9,2026-01-03 10:00,T3,5,,back\n" \
    "C2,2026-01-04 10:00,T2,3,,digital\nC8,2026-01-05 10:00,T1,,,back\n" \
    "C9,2026-01-06 10:00,T1,1,,front\nC3,2026-01-07 10:00,T3,4,2,front\n"

static void test_project_agrees(void **state)
{
    (void)state;
    const char *dir = lu_project("chunks_ok", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", EVENTS_OK}, {NULL, NULL}});
    assert_int_equal(agree(dir), MOT_OK);
    /* the new ids C9 and C8 come after customers.csv's, in file order */
    mot_project *p;
    char *msgs;
    size_t before = mot_chunked_loads;
    mot_chunk_min = mot_chunk_bytes = 1;
    assert_int_equal(load(dir, 2, &p, &msgs), MOT_OK);
    mot_chunk_min = mot_chunk_bytes = 0;
    assert_int_equal(mot_chunked_loads, before + 1);
    assert_string_equal(mot_strtab_get(p->customer_ids, 4), "C9");
    assert_string_equal(mot_strtab_get(p->customer_ids, 5), "C8");
    assert_int_equal(p->events->n, 8);
    mot_project_free(p);
    free(msgs);
}

/* Rows ended by a lone carriage return outnumber a chunk's line feeds,
** the bound of its place in the arrays: the chunk gives up and the file
** is read in one piece, with the same result. Blank lines leave gaps that
** are closed. */
static void test_project_lone_cr(void **state)
{
    (void)state;
    const char *dir = lu_project("chunks_lone_cr", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01 08:00,T1,4\rC2,2026-01-01 09:00,T2,\r"
                       "C3,2026-01-01 09:00,T3,5\n\n\n"
                       "C1,2026-01-02 08:00,T1,3\n\n"
                       "C4,2026-01-03 08:00,T2,2\n"},
        {NULL, NULL}});
    assert_int_equal(agree(dir), MOT_OK);
}

static void test_project_crlf_bom(void **state)
{
    (void)state;
    const char *dir = lu_project("chunks_crlf", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", "\xEF\xBB\xBF" "customer_id,time,touchpoint,score\r\n"
                       "C1,2026-01-01 08:00,T1,4\r\n\r\n"
                       "C2,2026-01-01 09:00,T2,\r\nC3,2026-01-01 09:00,"
                       "T3,5\r\nC1,2026-01-02 08:00,T1,3\r\n"},
        {NULL, NULL}});
    size_t before = mot_chunked_loads;
    assert_int_equal(agree(dir), MOT_OK);
    assert_true(mot_chunked_loads > before);
}

/* A quoted line end in events.csv: a cut inside it falls back. */
static void test_project_quoted_newline(void **state)
{
    (void)state;
    const char *dir = lu_project("chunks_quoted", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", "customer_id,time,touchpoint,score,note\n"
                       "C1,2026-01-01 08:00,T1,4,\"a\nb\nc\"\n"
                       "C2,2026-01-01 09:00,T2,,\"x,\n\"\"y\"\"\"\n"
                       "C3,2026-01-01 09:00,T3,5,\n"
                       "\"C4\",\"2026-01-02 08:00\",T1,3,\"\n\n\"\n"},
        {NULL, NULL}});
    assert_int_equal(agree(dir), MOT_OK);
}

/* Problems: the same messages, at the same line and column. */
static void test_project_errors(void **state)
{
    (void)state;
    const char *bad_score = lu_project("chunks_bad", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01 08:00,T1,4\nC2,2026-01-01 09:00,T2,9\n"
                       "C3,yesterday,T3,5\nC1,2026-01-02 08:00,TX,3\n"
                       ",2026-01-02 08:00,T1,3\n"},
        {NULL, NULL}});
    assert_int_equal(agree(bad_score), MOT_EDATA);
    mot_project *p;
    char *msgs;
    mot_chunk_min = mot_chunk_bytes = 1;
    load(bad_score, 4, &p, &msgs);
    mot_chunk_min = mot_chunk_bytes = 0;
    assert_non_null(strstr(msgs, "events.csv:3:4: score must be"));
    assert_non_null(strstr(msgs, "events.csv:4:2: time must be"));
    assert_non_null(strstr(msgs, "events.csv:5:3: touchpoint must be"));
    assert_non_null(strstr(msgs, "events.csv:6:1: customer_id must not"));
    free(msgs);

    const char *open = lu_project("chunks_open", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01 08:00,T1,4\nC2,\"2026-01-01 09:00,T2,\n"
                       "C3,2026-01-01 09:00,T3,5\n"},
        {NULL, NULL}});
    assert_int_equal(agree(open), MOT_EDATA);
    const char *utf8 = lu_project("chunks_utf8", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01 08:00,T1,4\nC\xC3,2026-01-01 09:00,T2,\n"
                       "C3,2026-01-01 09:00,T3,5\n"},
        {NULL, NULL}});
    assert_int_equal(agree(utf8), MOT_EDATA);
    /* customers.csv's problems come first, events.csv's after them */
    const char *both = lu_project("chunks_both", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT},
        {"customers.csv", "customer_id,overall\nC1,4\nC1,x\n"},
        {"events.csv", "customer_id,time,touchpoint,score\n"
                       "C1,2026-01-01 08:00,T1,4\nC2,2026-01-01 09:00,T2,0\n"
                       "C3,2026-01-01 09:00,T3,5\n"},
        {NULL, NULL}});
    assert_int_equal(agree(both), MOT_EDATA);
}

static void test_project_gzip(void **state)
{
    (void)state;
    const char *dir = lu_project("chunks_gz", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {NULL, NULL}});
    gzFile gz = gzopen(tu_path(dir, "events.csv.gz"), "wb");
    assert_non_null(gz);
    assert_true(gzputs(gz, EVENTS_OK) > 0);
    assert_int_equal(gzclose(gz), Z_OK);
    size_t before = mot_chunked_loads;
    assert_int_equal(agree(dir), MOT_OK);
    assert_int_equal(mot_chunked_loads, before);      /* gzip: one piece */
}

#define EVENTS_EXTRA \
    "customer_id,journey_id,time,touchpoint,score,staff_id,branch," \
    "wait_minutes,expected,channel,device\n" \
    "C1,J1,2026-01-01 08:00,T1,4,S1,北京,,3,front,ios\n" \
    "C1,J1,2026-01-02 09:00,T2,,,,3,,front,\n" \
    "C2,J2,2026-01-01 10:00,T1,2,S2,上海,1.5,4,back,web\n" \
    "C9,J3,2026-01-03 10:00,T3,5,S1,广州,,,back,\n" \
    "C2,J2,2026-01-04 10:00,T2,3,S2,北京,,5,digital,ios\n" \
    "C8,J4,2026-01-05 10:00,T1,,,深圳,,,back,\n" \
    "C9,J3,2026-01-06 10:00,T1,1,S1,上海,,2,front,\n" \
    "C3,J5,2026-01-07 10:00,T3,4,S2,深圳,2,4,front,web\n"

/* The tickets part's load (MOT_SKIP_EVENT_EXTRA): staff_id, branch and
** expected are read in chunks too (branches interned in file order, the
** same as one reader), with staff.csv; without it, staff ids are
** interned, and the file is read in one piece. Bad values in the
** columns it reads are reported as one reader reports them; those in
** the columns it skips are not. */
static void test_project_extra(void **state)
{
    (void)state;
    load_skip = MOT_SKIP_INTERACTIONS | MOT_SKIP_EVENT_EXTRA;
    const char *dir = lu_project("chunks_extra", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"staff.csv", "staff_id\nS1\nS2\n"},
        {"events.csv", EVENTS_EXTRA}, {NULL, NULL}});
    size_t before = mot_chunked_loads;
    assert_int_equal(agree(dir), MOT_OK);
    assert_true(mot_chunked_loads > before);
    mot_project *p;
    char *msgs;
    mot_chunk_min = mot_chunk_bytes = 1;
    assert_int_equal(load(dir, 2, &p, &msgs), MOT_OK);
    mot_chunk_min = mot_chunk_bytes = 0;
    assert_int_equal(p->skipped, MOT_SKIP_EVENT_EXTRA);
    assert_int_equal(mot_strtab_count(p->branches), 4);
    assert_string_equal(mot_strtab_get(p->branches, 2), "广州");
    assert_null(p->events->journey);
    assert_null(p->events->wait_minutes);
    assert_null(p->events->channel);
    assert_int_equal(p->events->attrs.n, 0);
    assert_int_equal(p->events->staff[2], 1);
    assert_int_equal(p->events->branch[7], 3);
    assert_true(p->events->expected[4] == 5.0f);
    mot_project_free(p);
    free(msgs);

    const char *nostaff = lu_project("chunks_extra_nostaff", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"events.csv", EVENTS_EXTRA}, {NULL, NULL}});
    before = mot_chunked_loads;
    assert_int_equal(agree(nostaff), MOT_OK);
    assert_int_equal(mot_chunked_loads, before);

    const char *bad = lu_project("chunks_extra_bad", (lu_file[]){
        {"blueprint.csv", LU_BLUEPRINT}, {"customers.csv", CUSTOMERS},
        {"staff.csv", "staff_id\nS1\nS2\n"},
        {"events.csv", "customer_id,time,touchpoint,staff_id,expected,"
                       "wait_minutes,channel\n"
                       "C1,2026-01-01 08:00,T1,S1,4,-1,nowhere\n"
                       "C2,2026-01-01 09:00,T2,S7,3,,\n"
                       "C3,2026-01-01 09:00,T3,S2,11,,\n"
                       "C1,2026-01-02 08:00,T1,,,x,\n"},
        {NULL, NULL}});
    assert_int_equal(agree(bad), MOT_EDATA);
    mot_chunk_min = mot_chunk_bytes = 1;
    load(bad, 2, &p, &msgs);
    mot_chunk_min = mot_chunk_bytes = 0;
    assert_string_equal(msgs, "2:events.csv:3:4: staff_id must be an id "
                              "from staff.csv, found \"S7\"\n"
                              "events.csv:4:5: expected must be a number "
                              "between 1 and 5, found \"11\"\n");
    free(msgs);
    load_skip = MOT_SKIP_ANALYSIS;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_rows_max),
        cmocka_unit_test(test_project_lone_cr),
        cmocka_unit_test(test_slices_agree),
        cmocka_unit_test(test_quote_across_cut),
        cmocka_unit_test(test_slices_bad_utf8),
        cmocka_unit_test(test_project_agrees),
        cmocka_unit_test(test_project_crlf_bom),
        cmocka_unit_test(test_project_quoted_newline),
        cmocka_unit_test(test_project_errors),
        cmocka_unit_test(test_project_gzip),
        cmocka_unit_test(test_project_extra),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
