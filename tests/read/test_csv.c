/*
** test_csv.c: the streaming CSV reader (src/read/csv.c, source.c, utf8.c).
**
** Valid inputs are read with the default buffer and with every tiny buffer
** size from 8 to 40 bytes, so that each field, doubled quote, CRLF and
** multi-byte character is split across a refill somewhere. Records are
** compared through a dump: "LINE:[field][field]@FIELDLINE..." per record.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "mot/csv.h"
#include "read/csv_internal.h"
#include "read/source.h"
#include "testutil.h"

#define DEFAULT_BUFFER (256 * 1024)

/* ---- helpers ---------------------------------------------------------- */

/* Read every record of c into a dump (caller frees); *last receives the
** status that ended reading and *err its details. */
static char *dump(mot_csv *c, mot_status *last, mot_error *err)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    assert_non_null(f);
    mot_status st;
    while ((st = mot_csv_next(c, err)) == MOT_OK) {
        size_t n = mot_csv_nfields(c);
        assert_true(n >= 1);
        fprintf(f, "%lu:", mot_csv_line(c));
        for (size_t i = 0; i < n; i++) {
            size_t len;
            const char *s = mot_csv_field(c, i, &len);
            assert_int_equal(strlen(s), len);
            fprintf(f, "[%s]", s);
            if (mot_csv_field_line(c, i) != mot_csv_line(c))
                fprintf(f, "@%lu", mot_csv_field_line(c, i));
        }
        fputc('\n', f);
    }
    fclose(f);
    *last = st;
    return out;
}

/* Open len bytes with a read buffer of bufsize; asserts the open works. */
static mot_csv *open_mem(const char *data, size_t len,
                         const mot_csv_options *opt, size_t bufsize)
{
    mot_csv *c;
    mot_error err;
    mot_status st = mot_csv_open_memory_sized(&c, "t.csv", data, len, opt,
                                              bufsize, &err);
    if (st != MOT_OK)
        fail_msg("open failed: %s", err.message);
    return c;
}

/* Read data completely with the given buffer and check the dump. */
static void expect_records(const char *data, size_t len,
                           const mot_csv_options *opt, size_t bufsize,
                           const char *want, const char *label)
{
    mot_csv *c = open_mem(data, len, opt, bufsize);
    mot_status st;
    mot_error err;
    char *got = dump(c, &st, &err);
    if (st != MOT_DONE)
        fail_msg("%s (buffer %zu): %s", label, bufsize, err.message);
    if (strcmp(got, want) != 0)
        fail_msg("%s (buffer %zu):\n got: %s\nwant: %s", label, bufsize, got,
                 want);
    free(got);
    mot_csv_free(c);
}

/* expect_records with the default buffer and buffers of 8..40 bytes. */
static void expect_records_all_buffers(const char *data, size_t len,
                                       const mot_csv_options *opt,
                                       const char *want, const char *label)
{
    expect_records(data, len, opt, DEFAULT_BUFFER, want, label);
    for (size_t b = MOT_CSV_BUFFER_MIN; b <= 40; b++)
        expect_records(data, len, opt, b, want, label);
}

/* data converted from UTF-8 to `charset` with iconv (caller frees). */
static char *to_charset(const char *charset, const char *utf8, size_t *outlen)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t inleft = strlen(utf8), cap = inleft * 4 + 16, outleft = cap;
    char *out = malloc(cap), *in = (char *)utf8, *p = out;
    assert_non_null(out);
    assert_true(iconv(cd, &in, &inleft, &p, &outleft) != (size_t)-1);
    iconv_close(cd);
    *outlen = cap - outleft;
    return out;
}

/* ---- valid inputs ----------------------------------------------------- */

typedef struct valid_case {
    const char *label;
    const char *input;
    const char *want;
} valid_case;

static const valid_case valid_cases[] = {
    {"plain", "a,b,c\n1,2,3\n", "1:[a][b][c]\n2:[1][2][3]\n"},
    {"no final newline", "a,b\n1,2", "1:[a][b]\n2:[1][2]\n"},
    {"CRLF", "a,b\r\n1,2\r\n", "1:[a][b]\n2:[1][2]\n"},
    {"lone CR", "a,b\r1,2\r", "1:[a][b]\n2:[1][2]\n"},
    {"mixed line ends", "a\rb\r\nc\nd", "1:[a]\n2:[b]\n3:[c]\n4:[d]\n"},
    {"quoted comma", "\"a,b\",c\n", "1:[a,b][c]\n"},
    {"doubled quotes", "\"say \"\"hi\"\"\",x\n", "1:[say \"hi\"][x]\n"},
    {"only a doubled quote", "\"\"\"\"\n", "1:[\"]\n"},
    {"LF in quotes", "\"line1\nline2\",b\nc,d\n",
     "1:[line1\nline2][b]@2\n3:[c][d]\n"},
    {"CRLF in quotes", "\"x\r\ny\",z\r\nn,m\r\n",
     "1:[x\r\ny][z]@2\n3:[n][m]\n"},
    {"lone CR in quotes", "\"a\rb\",c\nd\n", "1:[a\rb][c]@2\n3:[d]\n"},
    {"many lines in quotes", "k,\"1\n2\n\n3\",v\n",
     "1:[k][1\n2\n\n3][v]@4\n"},
    {"BOM", "\xEF\xBB\xBFid,name\n1,x\n", "1:[id][name]\n2:[1][x]\n"},
    {"empty fields", ",,\na,,b\n", "1:[][][]\n2:[a][][b]\n"},
    {"trailing delimiter", "a,\n", "1:[a][]\n"},
    {"empty lines skipped", "\n\na,b\n\n\r\n\rc\n\n", "3:[a][b]\n7:[c]\n"},
    {"only empty lines", "\n\r\n\r", ""},
    {"empty input", "", ""},
    {"quote inside unquoted", "ab\"c,d\"\n", "1:[ab\"c][d\"]\n"},
    {"space before quote", " \"a\",b\n", "1:[ \"a\"][b]\n"},
    {"blank line is a record", " \n", "1:[ ]\n"},
    {"empty quoted", "\"\",a\n\"\"\n", "1:[][a]\n2:[]\n"},
    {"quoted at end of input", "a,\"b\"", "1:[a][b]\n"},
    {"quoted then lone CR", "\"a\"\rb\r", "1:[a]\n2:[b]\n"},
    {"quoted then CRLF", "\"a\"\r\n\"b\"\r\n", "1:[a]\n2:[b]\n"},
    {"Chinese", "客户,触点\nC001,开通\n", "1:[客户][触点]\n2:[C001][开通]\n"},
    {"quoted Chinese", "\"理所,当然\",无所谓\n", "1:[理所,当然][无所谓]\n"},
    {"four-byte character", "\xF0\x9F\x98\x80,x\n", "1:[\xF0\x9F\x98\x80][x]\n"},
    {"largest code point", "\xF4\x8F\xBF\xBF\n", "1:[\xF4\x8F\xBF\xBF]\n"},
};

static void test_valid_matrix(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof valid_cases / sizeof *valid_cases; i++) {
        const valid_case *t = &valid_cases[i];
        expect_records_all_buffers(t->input, strlen(t->input), NULL, t->want,
                                   t->label);
    }
}

static void test_delimiters(void **state)
{
    (void)state;
    mot_csv_options semi = {0, 0, ';'}, tab = {0, 0, '\t'};
    expect_records_all_buffers("a;\"b;c\";d,e\n", 12, &semi,
                               "1:[a][b;c][d,e]\n", "semicolon");
    expect_records_all_buffers("a\tb c\t\n", 7, &tab, "1:[a][b c][]\n", "tab");
    mot_csv *c = NULL;
    mot_error err;
    mot_csv_options quote = {0, 0, '"'};
    assert_int_equal(mot_csv_open_memory(&c, "t.csv", "a", 1, &quote, &err),
                     MOT_EUSAGE);
    assert_null(c);
    assert_string_equal(err.message, "the delimiter must be an ASCII "
                        "character other than a quote or a line end");
}

/* A value of each length 0..n with every byte the CSV syntax cares about,
** written with mot_csv_write_field and read back field by field. */
static void test_write_field_round_trip(void **state)
{
    (void)state;
    static const char *const values[] = {
        "", "plain", "a,b", "say \"hi\"", "\"", "\"\"", "two\nlines",
        "cr\rhere", "crlf\r\n", ",", " lead and trail ", "报修,\"缴费\"\n",
    };
    size_t nv = sizeof values / sizeof *values;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    for (size_t r = 0; r < nv; r++) {      /* record r: values r.., then x */
        for (size_t k = 0; k < nv; k++) {
            assert_int_equal(mot_csv_write_field(f, values[(r + k) % nv],
                                                 strlen(values[(r + k) % nv])), 0);
            assert_int_not_equal(fputc(',', f), EOF);
        }
        assert_int_equal(mot_csv_write_field(f, "x", 1), 0);
        assert_int_not_equal(fputc('\n', f), EOF);
    }
    fclose(f);
    for (size_t bufsize = MOT_CSV_BUFFER_MIN; bufsize <= DEFAULT_BUFFER;
         bufsize *= 8) {
        mot_csv *c = open_mem(text, len, NULL, bufsize);
        mot_error err;
        for (size_t r = 0; r < nv; r++) {
            assert_int_equal(mot_csv_next(c, &err), MOT_OK);
            assert_int_equal(mot_csv_nfields(c), nv + 1);
            for (size_t k = 0; k < nv; k++)
                assert_string_equal(mot_csv_field(c, k, NULL),
                                    values[(r + k) % nv]);
            assert_string_equal(mot_csv_field(c, nv, NULL), "x");
        }
        assert_int_equal(mot_csv_next(c, &err), MOT_DONE);
        assert_int_equal(mot_csv_bytes(c), len);
        mot_csv_free(c);
    }
    free(text);
}

static void test_write_field_quotes_only_when_needed(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    mot_csv_write_field(f, "abc", 3);
    mot_csv_write_field(f, "", 0);
    mot_csv_write_field(f, "a\"b", 3);
    mot_csv_write_field(f, "x\ny", 3);
    mot_csv_write_field(f, "1,2", 2);       /* only the first len bytes */
    fclose(f);
    assert_string_equal(text, "abc\"a\"\"b\"\"x\ny\"\"1,\"");
    free(text);
}

/* One field of 200 000 bytes between short ones, quoted and not, read with
** a buffer smaller than the field and with the default one. */
static void test_long_field(void **state)
{
    (void)state;
    size_t big = 200000;
    char *text = malloc(2 * big + 64);
    assert_non_null(text);
    char *p = text;
    p += sprintf(p, "a,");
    for (size_t i = 0; i < big; i++)
        *p++ = (char)('a' + i % 26);
    p += sprintf(p, ",z\n\"");
    for (size_t i = 0; i < big; i++)
        *p++ = i % 1000 == 999 ? '\n' : 'q';
    p += sprintf(p, "\"\n");
    size_t len = (size_t)(p - text);
    for (size_t bufsize = 4096; bufsize <= DEFAULT_BUFFER; bufsize *= 64) {
        mot_csv *c = open_mem(text, len, NULL, bufsize);
        mot_error err;
        size_t n;
        assert_int_equal(mot_csv_next(c, &err), MOT_OK);
        assert_int_equal(mot_csv_nfields(c), 3);
        const char *f = mot_csv_field(c, 1, &n);
        assert_int_equal(n, big);
        assert_memory_equal(f, text + 2, big);
        assert_string_equal(mot_csv_field(c, 2, NULL), "z");
        assert_int_equal(mot_csv_next(c, &err), MOT_OK);
        assert_int_equal(mot_csv_line(c), 2);
        f = mot_csv_field(c, 0, &n);
        assert_int_equal(n, big);
        assert_memory_equal(f, text + big + 6, big);
        assert_int_equal(mot_csv_next(c, &err), MOT_DONE);
        mot_csv_free(c);
    }
    free(text);
}

/* Many records (well over one default buffer) of fields with commas,
** quotes and newlines, made by a fixed pseudo-random sequence, written
** and read back with the default buffer and odd small ones. */
static void test_many_records_across_buffers(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "C0001234", "2026-03-01T08:30:00", "开通", "4", "", "a,b",
        "\"q\"", "x\ny", "\r\n", "缴费 报修", "\xF0\x9F\x98\x80",
    };
    size_t np = sizeof parts / sizeof *parts, nrec = 40000, nf = 5;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    uint32_t x = 12345;
    for (size_t r = 0; r < nrec; r++)
        for (size_t k = 0; k < nf; k++) {
            x = x * 1103515245u + 12345u;
            const char *s = parts[(x >> 16) % np];
            mot_csv_write_field(f, s, strlen(s));
            fputc(k + 1 < nf ? ',' : '\n', f);
        }
    fclose(f);
    assert_true(len > 2 * DEFAULT_BUFFER);
    static const size_t sizes[] = {DEFAULT_BUFFER, 4099, 61};
    for (size_t b = 0; b < sizeof sizes / sizeof *sizes; b++) {
        mot_csv *c = open_mem(text, len, NULL, sizes[b]);
        mot_error err;
        x = 12345;
        for (size_t r = 0; r < nrec; r++) {
            assert_int_equal(mot_csv_next(c, &err), MOT_OK);
            assert_int_equal(mot_csv_nfields(c), nf);
            for (size_t k = 0; k < nf; k++) {
                x = x * 1103515245u + 12345u;
                assert_string_equal(mot_csv_field(c, k, NULL),
                                    parts[(x >> 16) % np]);
            }
        }
        assert_int_equal(mot_csv_next(c, &err), MOT_DONE);
        mot_csv_free(c);
    }
    free(text);
}

/* ---- errors ----------------------------------------------------------- */

typedef struct error_case {
    const char *label;
    const char *input;
    size_t max_field, max_fields;
    int records;            /* good records before the error */
    mot_status status;
    unsigned long line, column;
    const char *message;
} error_case;

#define UNTERMINATED "unterminated quoted field: the quote opened here is " \
                     "never closed"
#define AFTER_QUOTE "expected a comma or end of line after the closing " \
                    "quote, found "
#define TOO_LONG "field is longer than the limit of 10 bytes"
#define INVALID_UTF8 "invalid UTF-8 (byte 0x%s); save the file as UTF-8 " \
                     "or GB18030"

static const error_case error_cases[] = {
    {"unterminated", "a,b\nc,\"open\nmore\n", 0, 0, 1, MOT_EDATA, 2, 2,
     UNTERMINATED},
    {"unterminated at end", "\"", 0, 0, 0, MOT_EDATA, 1, 1, UNTERMINATED},
    {"unterminated after doubled", "x\n\n\"a\"\"", 0, 0, 1, MOT_EDATA, 3, 1,
     UNTERMINATED},
    {"text after quote", "a,\"b\"x,c\n", 0, 0, 0, MOT_EDATA, 1, 2,
     AFTER_QUOTE "\"x\""},
    {"text after quote, next line", "\"a\nb\" c\n", 0, 0, 0, MOT_EDATA, 2, 1,
     AFTER_QUOTE "\" c\""},
    {"text after quote, to end", "a\n\"b\"cd", 0, 0, 1, MOT_EDATA, 2, 1,
     AFTER_QUOTE "\"cd\""},
    {"text after quote, long",
     "\"a\"xy好好好好好好好好好好好好好好好好好好好好,z\n", 0, 0, 0, MOT_EDATA,
     1, 1, AFTER_QUOTE "\"xy好好好好好好好好好好好好...\""},
    {"text after quote, exactly 40",
     "\"a\"0123456789012345678901234567890123456789\n", 0, 0, 0, MOT_EDATA,
     1, 1, AFTER_QUOTE "\"0123456789012345678901234567890123456789\""},
    {"text after quote, 41",
     "\"a\"01234567890123456789012345678901234567890\n", 0, 0, 0, MOT_EDATA,
     1, 1, AFTER_QUOTE "\"0123456789012345678901234567890123456789...\""},
    {"field too long", "a,12345678901\n", 10, 0, 0, MOT_ELIMIT, 1, 2,
     TOO_LONG},
    {"field at the limit", "1234567890,\"12345678\"\"\"\n", 10, 0, 1,
     MOT_DONE, 0, 0, ""},
    {"quoted field too long", "a\nb,\"x\ny\n12345678901\"\n", 10, 0, 1,
     MOT_ELIMIT, 2, 2, TOO_LONG},
    {"too long by a doubled quote", "\"1234567890\"\"\"\n", 10, 0, 0,
     MOT_ELIMIT, 1, 1, TOO_LONG},
    {"too many fields", "a,b,c\nd,e,f,g\n", 0, 3, 1, MOT_ELIMIT, 2, 4,
     "too many fields in one record (the limit is 3)"},
    {"too many: empty last", "a,b,c,\n", 0, 3, 0, MOT_ELIMIT, 1, 4,
     "too many fields in one record (the limit is 3)"},
    {"one field allowed", "a\nb,c\n", 0, 1, 1, MOT_ELIMIT, 2, 2,
     "too many fields in one record (the limit is 1)"},
};

/* Read input with the case's limits and the given buffer; check the
** records before the error and the error itself, twice. */
static void check_error_case(const error_case *t, size_t bufsize)
{
    mot_csv_options opt = {t->max_field, t->max_fields, 0};
    mot_csv *c = open_mem(t->input, strlen(t->input), &opt, bufsize);
    mot_error err;
    mot_status st;
    int records = 0;
    while ((st = mot_csv_next(c, &err)) == MOT_OK)
        records++;
    if (records != t->records || st != t->status)
        fail_msg("%s (buffer %zu): %d records then %d, want %d then %d: %s",
                 t->label, bufsize, records, st, t->records, t->status,
                 st < 0 ? err.message : "");
    if (st < 0) {
        if (strcmp(err.message, t->message) != 0 || err.line != t->line ||
            err.column != t->column)
            fail_msg("%s (buffer %zu): got %lu:%lu: %s", t->label, bufsize,
                     err.line, err.column, err.message);
        assert_string_equal(err.file, "t.csv");
        assert_int_equal(err.status, st);
    }
    mot_error again;
    assert_int_equal(mot_csv_next(c, &again), st);
    if (st < 0)
        assert_memory_equal(&again, &err, sizeof err);
    mot_csv_free(c);
}

static void test_error_matrix(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof *error_cases; i++) {
        check_error_case(&error_cases[i], DEFAULT_BUFFER);
        for (size_t b = MOT_CSV_BUFFER_MIN; b <= 24; b++)
            check_error_case(&error_cases[i], b);
    }
}

/* A file of `lines` valid lines "C0000001,ok\n" (more than the 64 KiB the
** encoding is decided on), then `tail`. Caller frees; *len gets the size. */
static char *long_prefix(size_t lines, const char *tail, size_t taillen,
                         size_t *len)
{
    char *text = malloc(lines * 12 + taillen + 1);
    assert_non_null(text);
    for (size_t i = 0; i < lines; i++)
        sprintf(text + i * 12, "C%07zu,ok\n", i + 1);
    memcpy(text + lines * 12, tail, taillen);
    *len = lines * 12 + taillen;
    return text;
}

/* A string literal and its length (it may hold NUL bytes). */
#define S(lit) lit, sizeof lit - 1

typedef struct late_case {
    const char *label;
    const char *tail;       /* after 89 999 good lines */
    size_t taillen;
    unsigned long line, column;
    const char *byte;       /* "FF", or NULL for the NUL message */
} late_case;

static const late_case late_cases[] = {
    {"stray 0xFF", S("C0090000,\xFF\n"), 90000, 2, "FF"},
    {"0xFF in first field", S("\xFF,x\n"), 90000, 1, "FF"},
    {"overlong slash", S("a,b,\xC0\xAF\n"), 90000, 3, "C0"},
    {"overlong 3-byte", S("\xE0\x80\xAF\n"), 90000, 1, "E0"},
    {"overlong 4-byte", S("\xF0\x80\x80\xAF\n"), 90000, 1, "F0"},
    {"surrogate", S("x,\xED\xA0\x80\n"), 90000, 2, "ED"},
    {"above U+10FFFF", S("\xF4\x90\x80\x80\n"), 90000, 1, "F4"},
    {"lead F5", S("\xF5\x80\x80\x80\n"), 90000, 1, "F5"},
    {"lone continuation", S("ok\x80\n"), 90000, 1, "80"},
    {"cut by a new field", S("\xE5\x8F,x\n"), 90000, 1, "E5"},
    {"cut at end of file", S("a,\xE5\x8F"), 90000, 2, "E5"},
    {"inside quotes, next line", S("\"a\n\xFF\"\n"), 90001, 1, "FF"},
    {"after closing quote", S("\"a\"\xFF\n"), 90000, 1, "FF"},
    {"on an empty line", S("\n\xFF\n"), 90001, 1, "FF"},
    {"NUL byte", S("a,b\0c\n"), 90000, 2, NULL},
};

static void test_late_invalid_bytes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof late_cases / sizeof *late_cases; i++) {
        const late_case *t = &late_cases[i];
        size_t len;
        char *text = long_prefix(89999, t->tail, t->taillen, &len);
        char want[200];
        if (t->byte)
            snprintf(want, sizeof want, INVALID_UTF8, t->byte);
        else
            snprintf(want, sizeof want,
                     "file looks binary (NUL byte); expected CSV text");
        static const size_t sizes[] = {DEFAULT_BUFFER, 4096, 9};
        for (size_t b = 0; b < sizeof sizes / sizeof *sizes; b++) {
            mot_csv *c = open_mem(text, len, NULL, sizes[b]);
            assert_string_equal(mot_csv_encoding(c), "UTF-8");
            mot_error err;
            mot_status st;
            size_t records = 0;
            while ((st = mot_csv_next(c, &err)) == MOT_OK)
                records++;
            if (st != MOT_EDATA || strcmp(err.message, want) != 0 ||
                err.line != t->line || err.column != t->column)
                fail_msg("%s (buffer %zu): %d %lu:%lu: %s", t->label, sizes[b],
                         st, err.line, err.column, err.message);
            assert_true(records >= 89999);
            mot_csv_free(c);
        }
        free(text);
    }
}

typedef struct open_case {
    const char *label;
    const char *input;
    size_t len;
    unsigned long line;
    const char *message;
} open_case;

#define UNKNOWN "file is not UTF-8 or GB18030 text (byte 0x%s); save it as UTF-8"

static const open_case open_cases[] = {
    {"Latin-1", S("caf\xE9,x\n"), 1, "E9"},
    {"Latin-1 on line 3", S("a,b\r\nc,d\r\ncaf\xE9,x\r\n"), 3, "E9"},
    {"GB18030 then junk", S("\xB1\xA8,\x81\x40\n\n\xFF\n"), 3, "FF"},
    {"cut GB18030 at end", S("x\n\x81"), 2, "81"},
    {"NUL", S("a,b\nc\0d\n"), 2, NULL},
    {"UTF-16 without BOM", S("a\0,\0b\0"), 1, NULL},
};

static void test_open_rejects_encoding(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof open_cases / sizeof *open_cases; i++) {
        const open_case *t = &open_cases[i];
        char want[200];
        if (t->message)
            snprintf(want, sizeof want, UNKNOWN, t->message);
        else
            snprintf(want, sizeof want,
                     "file looks binary (NUL byte); expected CSV text");
        mot_csv *c = (mot_csv *)1;
        mot_error err;
        mot_status st = mot_csv_open_memory(&c, "t.csv", t->input, t->len,
                                            NULL, &err);
        if (st != MOT_EDATA || strcmp(err.message, want) != 0 ||
            err.line != t->line)
            fail_msg("%s: %d %lu: %s", t->label, st, err.line, err.message);
        assert_null(c);
        assert_string_equal(err.file, "t.csv");
        assert_int_equal(err.column, 0);
    }
}

/* ---- encodings -------------------------------------------------------- */

static const char gb_text[] = "报修,缴费\n张三,\"理所当然\"\n";
static const char gb_want[] = "1:[报修][缴费]\n2:[张三][理所当然]\n";

static void expect_encoding(const char *data, size_t len, const char *enc)
{
    mot_csv *c = open_mem(data, len, NULL, DEFAULT_BUFFER);
    assert_string_equal(mot_csv_encoding(c), enc);
    mot_csv_free(c);
}

static void test_gb18030(void **state)
{
    (void)state;
    size_t len;
    char *gb = to_charset("GB18030", gb_text, &len);
    assert_true(len < strlen(gb_text));     /* really converted: 2 bytes/char */
    expect_encoding(gb, len, "GB18030");
    expect_records_all_buffers(gb, len, NULL, gb_want, "GB18030");
    free(gb);
    /* a four-byte GB18030 sequence (U+1F600) and the GB18030 BOM */
    gb = to_charset("GB18030", "\xEF\xBB\xBF\xF0\x9F\x98\x80,é\n", &len);
    assert_memory_equal(gb, "\x84\x31\x95\x33", 4);
    expect_records_all_buffers(gb, len, NULL, "1:[\xF0\x9F\x98\x80][é]\n",
                               "GB18030 four bytes");
    free(gb);
}

static void test_gb18030_errors_after_window(void **state)
{
    (void)state;
    static const struct {
        const char *tail;
        size_t taillen;
        unsigned long line, column;
        const char *message;
    } cases[] = {
        {S("\xB1\xA8,\x80\n"), 90000, 2,
         "invalid GB18030 (byte 0x80); save the file as UTF-8 or GB18030"},
        {S("\xB1\xA8,\xB1"), 90000, 2,
         "the file ends inside a GB18030 character"},
        {S("a\0b\n"), 90000, 1,
         "file looks binary (NUL byte); expected CSV text"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len;
        char *text = long_prefix(89999, cases[i].tail, cases[i].taillen, &len);
        memcpy(text, "\xB1\xA8", 2);        /* 报 in GB18030 */
        for (size_t bufsize = 9; bufsize <= DEFAULT_BUFFER; bufsize *= 241) {
            mot_csv *c = open_mem(text, len, NULL, bufsize);
            assert_string_equal(mot_csv_encoding(c), "GB18030");
            mot_error err;
            mot_status st;
            assert_int_equal(mot_csv_next(c, &err), MOT_OK);
            assert_string_equal(mot_csv_field(c, 0, NULL), "报000001");
            while ((st = mot_csv_next(c, &err)) == MOT_OK)
                ;
            assert_int_equal(st, MOT_EDATA);
            assert_string_equal(err.message, cases[i].message);
            assert_int_equal(err.line, cases[i].line);
            assert_int_equal(err.column, cases[i].column);
            mot_csv_free(c);
        }
        free(text);
    }
}

static void test_utf16(void **state)
{
    (void)state;
    static const struct {
        const char *charset, *bom, *enc;
    } cases[] = {
        {"UTF-16LE", "\xFF\xFE", "UTF-16LE"},
        {"UTF-16BE", "\xFE\xFF", "UTF-16BE"},
    };
    for (size_t i = 0; i < 2; i++) {
        size_t len;
        char *body = to_charset(cases[i].charset, gb_text, &len);
        char *text = malloc(len + 2);
        assert_non_null(text);
        memcpy(text, cases[i].bom, 2);
        memcpy(text + 2, body, len);
        expect_encoding(text, len + 2, cases[i].enc);
        expect_records_all_buffers(text, len + 2, NULL, gb_want, cases[i].enc);
        /* cut in the middle of a code unit */
        mot_csv *c = open_mem(text, len + 1, NULL, DEFAULT_BUFFER);
        mot_error err;
        mot_status st;
        while ((st = mot_csv_next(c, &err)) == MOT_OK)
            ;
        assert_int_equal(st, MOT_EDATA);
        char want[100];
        snprintf(want, sizeof want, "the file ends inside a %s character",
                 cases[i].enc);
        assert_string_equal(err.message, want);
        assert_int_equal(err.line, 2);
        mot_csv_free(c);
        free(body);
        free(text);
    }
}

static void test_utf8_encodings_named(void **state)
{
    (void)state;
    expect_encoding("a,b\n", 4, "UTF-8");
    expect_encoding("\xEF\xBB\xBF" "a\n", 5, "UTF-8 BOM");
    expect_encoding("", 0, "UTF-8");
    /* a character cut by the end of the 64 KiB window is still UTF-8 */
    size_t len = 70000;
    char *text = malloc(len);
    assert_non_null(text);
    memset(text, 'a', len);
    memcpy(text + 65535, "好", 3);
    text[len - 1] = '\n';
    expect_encoding(text, len, "UTF-8");
    free(text);
}

/* ---- files, gzip, stdin ------------------------------------------------- */

/* Write data gzip-compressed to dir/file; returns the path. */
static const char *write_gzip(const char *dir, const char *file,
                              const char *data, size_t len)
{
    const char *path = tu_path(dir, file);
    gzFile gz = gzopen(path, "wb");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, data, (unsigned)len), (int)len);
    assert_int_equal(gzclose(gz), Z_OK);
    return path;
}

/* Read the file at path and check its encoding and dump. */
static void expect_file(const char *path, const char *enc, const char *want)
{
    mot_csv *c;
    mot_error err;
    assert_int_equal(mot_csv_open(&c, path, NULL, &err), MOT_OK);
    assert_string_equal(mot_csv_encoding(c), enc);
    assert_string_equal(mot_csv_name(c), path);
    mot_status st;
    char *got = dump(c, &st, &err);
    assert_int_equal(st, MOT_DONE);
    assert_string_equal(got, want);
    free(got);
    mot_csv_free(c);
}

/* Compress data, cut the last 12 bytes and read it: the reader must say
** the file is cut off, when opening if that is within the first 64 KiB. */
static void expect_cut_gzip(const char *dir, const char *data, size_t len)
{
    size_t zlen;
    char *z = tu_read(write_gzip(dir, "whole.csv.gz", data, len), &zlen);
    assert_non_null(z);
    const char *path = tu_write(dir, "cut.csv.gz", z, zlen - 12);
    free(z);
    mot_csv *c;
    mot_error err;
    mot_status st = mot_csv_open(&c, path, NULL, &err);
    size_t records = 0;
    if (st == MOT_OK) {
        while ((st = mot_csv_next(c, &err)) == MOT_OK)
            records++;
        mot_csv_free(c);
    }
    assert_int_equal(st, MOT_EDATA);
    assert_string_equal(err.message, "the compressed file is cut off");
    assert_string_equal(err.file, path);
    if (len > 2 * MOT_SOURCE_WINDOW) {
        assert_true(records > 80000);
        assert_int_equal(err.line, records + 1);
    }
}

static void test_files_and_gzip(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("csv_files");
    expect_file(tu_write(dir, "plain.csv", gb_text, (size_t)-1), "UTF-8",
                gb_want);
    expect_file(write_gzip(dir, "events.csv.gz", gb_text, strlen(gb_text)),
                "gzip UTF-8", gb_want);
    size_t len;
    char *gb = to_charset("GB18030", gb_text, &len);
    expect_file(tu_write(dir, "gb.csv", gb, len), "GB18030", gb_want);
    expect_file(write_gzip(dir, "gb.csv.gz", gb, len), "gzip GB18030", gb_want);
    free(gb);
    /* gzip files cut short: inside the first 64 KiB, and far after it */
    expect_cut_gzip(dir, gb_text, strlen(gb_text));
    char *text = long_prefix(89999, "", 0, &len);
    expect_cut_gzip(dir, text, len);
    free(text);
    /* corrupt compressed data */
    char *z = tu_read(write_gzip(dir, "bad.csv.gz", gb_text, strlen(gb_text)), &len);
    assert_non_null(z);
    z[10] |= 0x06;     /* block type 3 is reserved */
    const char *path = tu_write(dir, "bad.csv.gz", z, len);
    free(z);
    mot_csv *c;
    mot_error err;
    assert_int_equal(mot_csv_open(&c, path, NULL, &err), MOT_EDATA);
    assert_string_equal(err.message,
                        "the compressed data is corrupt (invalid block type)");
}

static void test_missing_file_and_folder(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("csv_missing");
    const char *path = tu_path(dir, "nope.csv");
    mot_csv *c = (mot_csv *)1;
    mot_error err;
    assert_int_equal(mot_csv_open(&c, path, NULL, &err), MOT_ENOENT);
    assert_null(c);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "file not found");
    assert_int_equal(mot_csv_open(&c, dir, NULL, &err), MOT_EIO);
    assert_null(c);
    assert_string_equal(err.file, dir);
    assert_string_equal(err.message, "is a folder, expected a CSV file");
    if (geteuid() != 0) {       /* root reads anything */
        const char *locked = tu_write(dir, "locked.csv", "a\n", 2);
        assert_int_equal(chmod(locked, 0), 0);
        assert_int_equal(mot_csv_open(&c, locked, NULL, &err), MOT_EIO);
        assert_string_equal(err.message,
                            "cannot open the file: Permission denied");
    }
}

static void test_stdin(void **state)
{
    (void)state;
    const char *dir = tu_tmpdir("csv_stdin");
    const char *path = write_gzip(dir, "in.csv.gz", gb_text, strlen(gb_text));
    int saved = dup(0);
    assert_true(saved >= 0);
    assert_non_null(freopen(path, "rb", stdin));
    expect_file("-", "gzip UTF-8", gb_want);
    assert_int_equal(dup2(saved, 0), 0);
    close(saved);
}

/* ---- the real data -------------------------------------------------------- */

/* Count the records of a shared data file and check each has nfields. */
static void count_shared(const char *file, size_t want_records,
                         size_t want_fields)
{
    const char *path = tu_path(MOT_SHARED_DATA, file);
    if (access(path, R_OK) != 0) {
        print_message("skipped: %s is absent\n", path);
        skip();
    }
    mot_csv *c;
    mot_error err;
    assert_int_equal(mot_csv_open(&c, path, NULL, &err), MOT_OK);
    assert_string_equal(mot_csv_encoding(c), "UTF-8");
    size_t records = 0;
    mot_status st;
    while ((st = mot_csv_next(c, &err)) == MOT_OK) {
        if (mot_csv_nfields(c) != want_fields)
            fail_msg("%s:%lu: %zu fields", file, mot_csv_line(c),
                     mot_csv_nfields(c));
        records++;
    }
    if (st != MOT_DONE)
        fail_msg("%s:%lu:%lu: %s", file, err.line, err.column, err.message);
    assert_int_equal(records, want_records);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(mot_csv_bytes(c), (unsigned long long)sb.st_size);
    mot_csv_free(c);
}

static void test_helpdesk_log(void **state)
{
    (void)state;
    count_shared("helpdesk_log.csv", 21349, 13);
}

static void test_bpic14_cases(void **state)
{
    (void)state;
    count_shared("bpic14_incident_cases.csv", 4001, 28);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_matrix),
        cmocka_unit_test(test_delimiters),
        cmocka_unit_test(test_write_field_round_trip),
        cmocka_unit_test(test_write_field_quotes_only_when_needed),
        cmocka_unit_test(test_long_field),
        cmocka_unit_test(test_many_records_across_buffers),
        cmocka_unit_test(test_error_matrix),
        cmocka_unit_test(test_late_invalid_bytes),
        cmocka_unit_test(test_open_rejects_encoding),
        cmocka_unit_test(test_gb18030),
        cmocka_unit_test(test_gb18030_errors_after_window),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_utf8_encodings_named),
        cmocka_unit_test(test_files_and_gzip),
        cmocka_unit_test(test_missing_file_and_folder),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_helpdesk_log),
        cmocka_unit_test(test_bpic14_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
