/*
** fuzz_csv.c: libFuzzer target for the CSV reader.
**
** The first input byte picks the read buffer size (8 to 71 bytes) and
** whether the delimiter is a comma or a semicolon; the rest is the file.
** It is read twice in lockstep, with that tiny buffer and with the default
** one, and the two readings must agree record for record, field for field,
** and on the final status and error (a streaming parser must not depend on
** where refills fall). Every field must be valid UTF-8 without NUL, within
** the limits, with sensible lines; errors must carry a position.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mot/csv.h"
#include "read/csv_internal.h"

#define MAX_FIELD 64
#define MAX_FIELDS 16

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

/* Whether s[0..n) is valid UTF-8 without NUL, by decoding each character
** and checking its value (independently of src/read/utf8.c). */
static int valid_utf8(const unsigned char *s, size_t n)
{
    static const uint32_t min[4] = {0, 0x80, 0x800, 0x10000};
    static const unsigned mask[4] = {0x7F, 0x1F, 0x0F, 0x07};
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k;
        if (c == 0)
            return 0;
        else if (c < 0x80)
            k = 0;
        else if ((c & 0xE0) == 0xC0)
            k = 1;
        else if ((c & 0xF0) == 0xE0)
            k = 2;
        else if ((c & 0xF8) == 0xF0)
            k = 3;
        else
            return 0;
        if (n - i <= k)
            return 0;
        uint32_t cp = c & mask[k];
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3Fu);
        }
        if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* Check the current record of c on its own. */
static void check_record(const mot_csv *c, unsigned long *last_line)
{
    size_t n = mot_csv_nfields(c);
    CHECK(n >= 1 && n <= MAX_FIELDS);
    CHECK(mot_csv_line(c) > *last_line);
    unsigned long line = mot_csv_line(c);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *f = mot_csv_field(c, i, &len);
        CHECK(len <= MAX_FIELD && strlen(f) == len);
        CHECK(valid_utf8((const unsigned char *)f, len));
        CHECK(mot_csv_field_line(c, i) >= line);
        line = mot_csv_field_line(c, i);
    }
    *last_line = line;
}

/* The two readers hold the same record. */
static void check_same(const mot_csv *a, const mot_csv *b)
{
    size_t n = mot_csv_nfields(a);
    CHECK(mot_csv_nfields(b) == n && mot_csv_line(a) == mot_csv_line(b));
    for (size_t i = 0; i < n; i++) {
        size_t la, lb;
        const char *fa = mot_csv_field(a, i, &la);
        const char *fb = mot_csv_field(b, i, &lb);
        CHECK(la == lb && memcmp(fa, fb, la) == 0);
        CHECK(mot_csv_field_line(a, i) == mot_csv_field_line(b, i));
    }
}

/* Two errors say the same thing at the same place. */
static int same_error(const mot_error *a, const mot_error *b)
{
    return a->status == b->status && a->line == b->line &&
           a->column == b->column && strcmp(a->file, b->file) == 0 &&
           strcmp(a->message, b->message) == 0;
}

/* An error a reader reported: positioned where it should be. */
static void check_error(mot_status st, const mot_error *e)
{
    CHECK(st == MOT_EDATA || st == MOT_ELIMIT);
    CHECK(e->status == st && e->message[0] && strcmp(e->file, "f.csv") == 0);
    CHECK(e->line >= 1 && e->column <= MAX_FIELDS + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    mot_csv_options opt = {MAX_FIELD, MAX_FIELDS, data[0] & 0x40 ? ';' : ','};
    size_t small = MOT_CSV_BUFFER_MIN + (data[0] & 0x3F);
    mot_csv *a, *b;
    mot_error ea, eb;
    mot_status sa = mot_csv_open_memory_sized(&a, "f.csv", data + 1, size - 1,
                                              &opt, small, &ea);
    mot_status sb = mot_csv_open_memory(&b, "f.csv", data + 1, size - 1, &opt,
                                        &eb);
    CHECK(sa == sb);
    if (sa != MOT_OK) {
        check_error(sa, &ea);
        CHECK(same_error(&ea, &eb) && ea.column == 0);
        return 0;
    }
    CHECK(strcmp(mot_csv_encoding(a), mot_csv_encoding(b)) == 0);
    unsigned long last_line = 0;
    while ((sa = mot_csv_next(a, &ea)) == MOT_OK) {
        CHECK(mot_csv_next(b, &eb) == MOT_OK);
        check_record(a, &last_line);
        check_same(a, b);
    }
    sb = mot_csv_next(b, &eb);
    CHECK(sa == sb);
    if (sa != MOT_DONE) {
        check_error(sa, &ea);
        CHECK(same_error(&ea, &eb));
    }
    mot_error again;
    CHECK(mot_csv_next(a, &again) == sa);
    CHECK(sa == MOT_DONE || same_error(&again, &ea));
    mot_csv_free(a);
    mot_csv_free(b);
    return 0;
}
