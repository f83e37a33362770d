/*
** fuzz_parse.c: libFuzzer target for the field value parsers.
**
** The input is one field (not NUL-terminated, so AddressSanitizer catches
** any read past its length), fed to every value parser and vocabulary
** lookup. Results must be in range, and a time that parses must survive
** formatting and parsing again unchanged when the input had no fraction
** and its year is one the ISO form can write (0..9999).
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "mot/project.h"

/* 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z (GNU date). */
#define ISO_FIRST (-62167219200LL)
#define ISO_LAST 253402300799LL

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_time(const char *s, size_t len)
{
    int64_t t, back;
    char buf[32];
    if (mot_parse_time(s, len, &t) != MOT_OK)
        return;
    if (memchr(s, '.', len) || t < ISO_FIRST || t > ISO_LAST)
        return;
    mot_format_time(t, buf, sizeof buf);
    if (strlen(buf) != 20 || mot_parse_time(buf, 20, &back) != MOT_OK ||
        back != t)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    double d;
    int64_t n;
    int v;
    if (mot_parse_double(s, size, &d) == MOT_OK && !isfinite(d))
        abort();
    mot_parse_int64(s, size, &n);
    if (mot_parse_bool(s, size, &v) == MOT_OK && v != 0 && v != 1)
        abort();
    if (mot_parse_kano_answer(s, size, &v) == MOT_OK && (v < 1 || v > 5))
        abort();
    if (mot_parse_is_blank(s, size) && mot_parse_double(s, size, &d) == MOT_OK)
        abort();
    check_time(s, size);
    if (mot_phase_from_text(s, size) > MOT_PHASE_FOLLOW_UP ||
        mot_lane_from_text(s, size) > MOT_LANE_SUPPORT ||
        mot_channel_from_text(s, size) > MOT_CHANNEL_DIGITAL ||
        mot_dimension_from_text(s, size) > MOT_DIM_EMPATHY)
        abort();
    return 0;
}
