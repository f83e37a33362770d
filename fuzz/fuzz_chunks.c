/*
** fuzz_chunks.c: libFuzzer target for the chunked reader's promise.
**
** The first input byte picks how many chunks to cut into (1 to 16); the
** rest is the file. When one reader over the whole takes it as UTF-8 (the
** only case the loader cuts), the text after a byte-order mark is cut
** with mot_chunks_split and each chunk read with its own slice reader.
** If every slice reads without a problem and none ends inside a quote,
** their records must be exactly the whole reader's: the same fields, the
** same line of each field (each slice's lines counted on from those
** before it), and the whole reader must have ended without a problem too.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mot/csv.h"
#include "read/chunks.h"
#include "read/csv_internal.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Compare the current records of a (the whole) and b (a slice, its lines
** shifted by off). */
static void same_record(mot_csv *a, mot_csv *b, unsigned long off)
{
    size_t n = mot_csv_nfields(a);
    CHECK(mot_csv_nfields(b) == n);
    CHECK(mot_csv_line(b) + off == mot_csv_line(a));
    for (size_t i = 0; i < n; i++) {
        size_t la, lb;
        const char *fa = mot_csv_field(a, i, &la);
        const char *fb = mot_csv_field(b, i, &lb);
        CHECK(la == lb && memcmp(fa, fb, la) == 0);
        CHECK(mot_csv_field_line(b, i) + off == mot_csv_field_line(a, i));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mot_csv *whole, *c;
    mot_error err;
    if (size < 1)
        return 0;
    size_t want = (size_t)(data[0] % 16) + 1;
    data++;
    size--;
    if (mot_csv_open_memory(&whole, "f", data, size, NULL, &err) != MOT_OK)
        return 0;
    const char *enc = mot_csv_encoding(whole);
    int bom = strcmp(enc, "UTF-8 BOM") == 0;
    if (!bom && strcmp(enc, "UTF-8") != 0) {
        mot_csv_free(whole);
        return 0;
    }
    unsigned long long lo = bom ? 3 : 0, bounds[17];
    size_t m = mot_chunks_split(NULL, data, lo, size, want, bounds);
    CHECK(m >= 1 && m <= want && bounds[0] == lo && bounds[m] == size);
    /* first pass: do all slices read clean? */
    int clean = 1;
    for (size_t k = 0; k < m && clean; k++) {
        CHECK(bounds[k + 1] > bounds[k] || size == lo);
        CHECK(mot_csv_open_slice(&c, NULL, data, bounds[k],
                                 bounds[k + 1] - bounds[k], NULL,
                                 &err) == MOT_OK);
        mot_status st;
        while ((st = mot_csv_next(c, &err)) == MOT_OK)
            ;
        clean = st == MOT_DONE && !mot_csv_open_quote(c);
        mot_csv_free(c);
    }
    if (clean) {
        /* second pass: record for record against the whole reader */
        unsigned long off = 0;
        for (size_t k = 0; k < m; k++) {
            CHECK(mot_csv_open_slice(&c, NULL, data, bounds[k],
                                     bounds[k + 1] - bounds[k], NULL,
                                     &err) == MOT_OK);
            while (mot_csv_next(c, &err) == MOT_OK) {
                CHECK(mot_csv_next(whole, &err) == MOT_OK);
                same_record(whole, c, off);
            }
            off += mot_csv_next_line(c) - 1;
            mot_csv_free(c);
        }
        CHECK(mot_csv_next(whole, &err) == MOT_DONE);
    }
    mot_csv_free(whole);
    return 0;
}
