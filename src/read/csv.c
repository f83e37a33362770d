/*
** csv.c: the streaming CSV reader (mot/csv.h).
**
** A mot_source (source.c) delivers decoded UTF-8 bytes into one read
** buffer. Each refill is checked with mot_utf8_check, and the parser only
** looks at the checked prefix buf[pos..lim). An incomplete character at the
** end of a refill waits in buf[lim..fill) for the next one; an invalid byte,
** or a failure of the source, becomes a pending error raised when the
** parser reaches it, so it is reported at the line and field it is in.
**
** The parser copies each field into the record buffer, NUL-terminated.
** Runs of ordinary bytes are taken eight at a time while a word holds none
** of the three bytes that stop the field kind (unquoted fields stop at the
** delimiter, CR and LF; quoted fields at the quote, CR and LF), then one at
** a time through a table. Nothing but the record buffer survives a refill,
** so a field, a doubled quote or a CRLF may be split anywhere. Memory is
** the read buffer, the source's 64 KiB window, zlib's buffers and the
** largest record so far.
**
** Error positions: a field too long or one field too many is reported at
** the line where that field starts, an unterminated quote where it opened,
** an invalid byte or text after a closing quote on the physical line of
** the byte or text itself; the column is always the 1-based field number.
*/
#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/csv.h"
#include "read/csv_internal.h"
#include "read/source.h"
#include "read/utf8.h"

#define BUFFER_SIZE (256 * 1024)
#define MAX_FIELD_DEFAULT (1024 * 1024)
#define MAX_FIELDS_DEFAULT 4096
#define FOUND_MAX 40        /* bytes of offending text quoted in a message */

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Three bytes that end a run of field content, as a table and as words
** of eight copies for scanning a word at a time. */
typedef struct stopset {
    unsigned char table[256];
    uint64_t pat[3];
} stopset;

struct mot_csv {
    mot_source *src;
    char *name;
    size_t max_field, max_fields;
    unsigned char delim;
    stopset plain;          /* bytes ending a run in an unquoted field */
    stopset quoted;         /* bytes ending a run in a quoted field */

    unsigned char *buf;     /* read buffer of cap bytes */
    size_t cap, pos, lim, fill;
    int src_done;           /* the source has nothing more to give */
    mot_status pend;        /* error waiting at buf[lim], or MOT_OK */
    int pend_here;          /* the pending error has a position */
    char pend_msg[MOT_ERROR_MSG_MAX];
    unsigned long long dropped; /* bytes consumed before buf[0] */

    char *rec;              /* the current record's fields, each ending NUL */
    size_t rec_len, rec_cap;
    size_t *off;            /* field i is rec + off[i]; off[nfields] = end */
    unsigned long *fline;   /* line on which field i starts */
    size_t nfields, fcap;   /* off has fcap + 1 entries, fline fcap */
    unsigned long line;     /* physical line of buf[pos] */
    unsigned long rec_line;

    mot_status status;      /* MOT_OK while reading, then MOT_DONE or error */
    mot_error error;        /* the error that ended reading */
    int open_quote;         /* reading ended in an unterminated quote */
};

/* ---- errors ----------------------------------------------------------- */

/* End reading with an error at (line, column); returns st. */
#if defined(__GNUC__)
__attribute__((format(printf, 6, 7)))
#endif
static mot_status fail(mot_csv *c, mot_error *err, mot_status st,
                       unsigned long line, unsigned long column,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mot_error_setv(&c->error, st, c->name, line, column, fmt, ap);
    va_end(ap);
    c->status = st;
    c->nfields = 0;
    if (err)
        *err = c->error;
    return st;
}

/* Raise the pending error at the current line and field. */
static mot_status fail_pending(mot_csv *c, mot_error *err)
{
    if (!c->pend_here)
        return fail(c, err, c->pend, 0, 0, "%s", c->pend_msg);
    return fail(c, err, c->pend, c->line, c->nfields + 1, "%s", c->pend_msg);
}

/* Make st (with a printf-style message) the error waiting at buf[lim]. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void set_pending(mot_csv *c, mot_status st, int here,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->pend_msg, sizeof c->pend_msg, fmt, ap);
    va_end(ap);
    c->pend = st;
    c->pend_here = here;
}

/* ---- the read buffer -------------------------------------------------- */

/* Drop the consumed bytes, read more from the source and check them.
** Called only when every checked byte has been consumed (pos == lim). */
static void refill(mot_csv *c)
{
    assert(c->pos == c->lim && c->pend == MOT_OK);
    size_t tail = c->fill - c->lim;
    memmove(c->buf, c->buf + c->lim, tail);
    c->dropped += c->lim;
    c->pos = c->lim = 0;
    c->fill = tail;
    if (!c->src_done) {
        mot_error e;
        size_t got;
        mot_status st = mot_source_read(c->src, (char *)c->buf + tail,
                                        c->cap - tail, &got, &e);
        if (st == MOT_OK)
            c->fill += got;
        else
            c->src_done = 1;
        if (st < 0)
            set_pending(c, st, st == MOT_EDATA, "%s", e.message);
    }
    mot_utf8_end end;
    c->lim = mot_utf8_check(c->buf, c->fill, &end);
    if (end == MOT_UTF8_NUL)
        set_pending(c, MOT_EDATA, 1,
                    "file looks binary (NUL byte); expected CSV text");
    else if (end == MOT_UTF8_BAD || (end == MOT_UTF8_SHORT && c->src_done))
        set_pending(c, MOT_EDATA, 1,
                    "invalid UTF-8 (byte 0x%02X); save the file as UTF-8 "
                    "or GB18030", c->buf[c->lim]);
}

/* Make buf[pos] available: 1 if it is, 0 at the end of the input, -1 when
** the pending error has been reached. */
static int more(mot_csv *c)
{
    while (c->pos == c->lim) {
        if (c->pend != MOT_OK)
            return -1;
        if (c->src_done && c->fill == c->lim)
            return 0;
        refill(c);
    }
    return 1;
}

/* Count the line end `ch` (just consumed); a CR takes a following LF. */
static void end_line(mot_csv *c, unsigned char ch)
{
    c->line++;
    if (ch == '\r' && more(c) > 0 && c->buf[c->pos] == '\n')
        c->pos++;
}

/* ---- the record buffer ------------------------------------------------ */

/* Grow the record buffer to hold n more bytes and a NUL. */
static mot_status grow(mot_csv *c, size_t n, mot_error *err)
{
    size_t cap = c->rec_cap;
    while (n >= cap - c->rec_len)
        cap *= 2;
    char *rec = realloc(c->rec, cap);
    if (!rec)
        return fail(c, err, MOT_ENOMEM, c->line, c->nfields + 1,
                    "out of memory reading a record");
    c->rec = rec;
    c->rec_cap = cap;
    return MOT_OK;
}

/* Make room for n more bytes and a NUL in the record buffer. */
static inline mot_status reserve(mot_csv *c, size_t n, mot_error *err)
{
    return n < c->rec_cap - c->rec_len ? MOT_OK : grow(c, n, err);
}

/* Append n bytes to the current field, within max_field. */
static inline mot_status append(mot_csv *c, const void *p, size_t n,
                                mot_error *err)
{
    size_t have = c->rec_len - c->off[c->nfields];
    if (n > c->max_field - have)
        return fail(c, err, MOT_ELIMIT, c->fline[c->nfields], c->nfields + 1,
                    "field is longer than the limit of %zu bytes",
                    c->max_field);
    mot_status st = reserve(c, n, err);
    if (st != MOT_OK)
        return st;
    memcpy(c->rec + c->rec_len, p, n);
    c->rec_len += n;
    return MOT_OK;
}

/* Double the field arrays (at most to max_fields entries). If a realloc
** fails, reading ends with MOT_ENOMEM and the arrays stay usable. */
static mot_status grow_fields(mot_csv *c, mot_error *err)
{
    size_t cap = c->fcap * 2 < c->max_fields ? c->fcap * 2 : c->max_fields;
    size_t *off = realloc(c->off, (cap + 1) * sizeof *off);
    if (off)
        c->off = off;
    unsigned long *fline = off ? realloc(c->fline, cap * sizeof *fline) : NULL;
    if (!fline)
        return fail(c, err, MOT_ENOMEM, c->line, c->nfields + 1,
                    "out of memory reading a record");
    c->fline = fline;
    c->fcap = cap;
    return MOT_OK;
}

/* Start field number nfields + 1 on the current line; MOT_ELIMIT if the
** record already has max_fields fields. */
static mot_status begin_field(mot_csv *c, mot_error *err)
{
    if (c->nfields == c->max_fields)
        return fail(c, err, MOT_ELIMIT, c->line, c->nfields + 1,
                    "too many fields in one record (the limit is %zu)",
                    c->max_fields);
    if (c->nfields == c->fcap) {
        mot_status st = grow_fields(c, err);
        if (st != MOT_OK)
            return st;
    }
    c->fline[c->nfields] = c->line;
    c->off[c->nfields] = c->rec_len;
    return MOT_OK;
}

/* Close the current field with its NUL. */
static mot_status end_field(mot_csv *c, mot_error *err)
{
    mot_status st = reserve(c, 0, err);
    if (st != MOT_OK)
        return st;
    c->rec[c->rec_len++] = '\0';
    c->off[++c->nfields] = c->rec_len;
    return MOT_OK;
}

/* ---- parsing ---------------------------------------------------------- */

/* Skip line ends; returns like more(). */
static int skip_empty_lines(mot_csv *c)
{
    for (;;) {
        int r = more(c);
        if (r <= 0)
            return r;
        unsigned char ch = c->buf[c->pos];
        if (ch != '\r' && ch != '\n')
            return 1;
        c->pos++;
        end_line(c, ch);
    }
}

/* Nonzero when some byte of w equals the byte repeated in pat. */
static inline uint64_t has_byte(uint64_t w, uint64_t pat)
{
    uint64_t x = w ^ pat;
    return (x - ONES) & ~x & HIGHS;
}

/* Copy the run of bytes at buf[pos] up to one of the three bytes of `stop`
** (or lim) into the field; pos is left on that byte. Whole words free of
** them are skipped eight bytes at a time. */
static inline mot_status take_run(mot_csv *c, const stopset *stop,
                                  mot_error *err)
{
    const unsigned char *p = c->buf + c->pos, *e = c->buf + c->lim, *q = p;
    while (e - q >= 8) {
        uint64_t w;
        memcpy(&w, q, 8);
        if (has_byte(w, stop->pat[0]) | has_byte(w, stop->pat[1]) |
            has_byte(w, stop->pat[2]))
            break;
        q += 8;
    }
    while (q < e && !stop->table[*q])
        q++;
    c->pos = (size_t)(q - c->buf);
    return q > p ? append(c, p, (size_t)(q - p), err) : MOT_OK;
}

/* Read an unquoted field up to its delimiter (consumed: *again = 1) or
** the end of its line or input (*again = 0). */
static mot_status plain_field(mot_csv *c, int *again, mot_error *err)
{
    for (;;) {
        int r = more(c);
        if (r < 0)
            return fail_pending(c, err);
        if (r == 0) {
            *again = 0;
            return MOT_OK;
        }
        mot_status st = take_run(c, &c->plain, err);
        if (st != MOT_OK)
            return st;
        if (c->pos == c->lim)
            continue;
        unsigned char ch = c->buf[c->pos++];
        *again = ch == c->delim;
        if (!*again)
            end_line(c, ch);
        return MOT_OK;
    }
}

/* How the delimiter is named in messages. */
static const char *delim_name(unsigned char d)
{
    switch (d) {
    case ',': return "a comma";
    case ';': return "a semicolon";
    case '\t': return "a tab";
    default: return "the delimiter";
    }
}

/* Fail on the text that follows a closing quote (at buf[pos]), quoting up
** to FOUND_MAX bytes of it, cut at a character boundary. */
static mot_status text_after_quote(mot_csv *c, mot_error *err)
{
    unsigned char found[FOUND_MAX + 1];
    size_t n = 0;
    unsigned long line = c->line;
    while (n <= FOUND_MAX && more(c) > 0) {
        unsigned char ch = c->buf[c->pos];
        if (ch == c->delim || ch == '\r' || ch == '\n')
            break;
        found[n++] = ch;
        c->pos++;
    }
    int cut = n > FOUND_MAX;
    if (cut)
        for (n = FOUND_MAX; n > 0 && (found[n] & 0xC0) == 0x80; n--)
            ;
    return fail(c, err, MOT_EDATA, line, c->nfields + 1,
                "expected %s or end of line after the closing quote, "
                "found \"%.*s%s\"", delim_name(c->delim), (int)n,
                (const char *)found, cut ? "..." : "");
}

/* After a closing quote: the delimiter, a line end or the end of input
** must follow (r is more()'s answer for the byte after the quote). */
static mot_status after_quote(mot_csv *c, int r, int *again, mot_error *err)
{
    if (r < 0)
        return fail_pending(c, err);
    *again = 0;
    if (r == 0)
        return MOT_OK;
    unsigned char ch = c->buf[c->pos];
    if (ch == c->delim) {
        c->pos++;
        *again = 1;
        return MOT_OK;
    }
    if (ch == '\r' || ch == '\n') {
        c->pos++;
        end_line(c, ch);
        return MOT_OK;
    }
    return text_after_quote(c, err);
}

/* Copy a line end inside a quoted field (ch just consumed; a CR takes a
** following LF with it). */
static mot_status quoted_line_end(mot_csv *c, unsigned char ch, mot_error *err)
{
    mot_status st = append(c, &ch, 1, err);
    c->line++;
    if (st == MOT_OK && ch == '\r' && more(c) > 0 && c->buf[c->pos] == '\n') {
        c->pos++;
        st = append(c, "\n", 1, err);
    }
    return st;
}

/* Read a quoted field (buf[pos] is its opening quote); *again as for
** plain_field. */
static mot_status quoted_field(mot_csv *c, int *again, mot_error *err)
{
    unsigned long open_line = c->line;
    c->pos++;
    for (;;) {
        int r = more(c);
        if (r < 0)
            return fail_pending(c, err);
        if (r == 0 && (c->open_quote = 1))
            return fail(c, err, MOT_EDATA, open_line, c->nfields + 1,
                        "unterminated quoted field: the quote opened here "
                        "is never closed");
        mot_status st = take_run(c, &c->quoted, err);
        if (st != MOT_OK)
            return st;
        if (c->pos == c->lim)
            continue;
        unsigned char ch = c->buf[c->pos++];
        if (ch != '"') {
            st = quoted_line_end(c, ch, err);
        } else {
            r = more(c);
            if (r <= 0 || c->buf[c->pos] != '"')
                return after_quote(c, r, again, err);
            c->pos++;
            st = append(c, "\"", 1, err);
        }
        if (st != MOT_OK)
            return st;
    }
}

mot_status mot_csv_next(mot_csv *c, mot_error *err)
{
    if (c->status != MOT_OK) {
        if (c->status < 0 && err)
            *err = c->error;
        return c->status;
    }
    c->nfields = 0;
    c->rec_len = 0;
    int r = skip_empty_lines(c);
    if (r < 0)
        return fail_pending(c, err);
    if (r == 0) {
        c->status = MOT_DONE;
        return MOT_DONE;
    }
    c->rec_line = c->line;
    int again = 1;
    while (again) {
        mot_status st = begin_field(c, err);
        if (st != MOT_OK)
            return st;
        r = more(c);
        if (r > 0 && c->buf[c->pos] == '"')
            st = quoted_field(c, &again, err);
        else
            st = plain_field(c, &again, err);
        if (st == MOT_OK)
            st = end_field(c, err);
        if (st != MOT_OK)
            return st;
    }
    return MOT_OK;
}

/* ---- opening and accessors -------------------------------------------- */

/* Make s stop at `first`, CR and LF. */
static void stopset_init(stopset *s, unsigned char first)
{
    static const unsigned char line_ends[2] = {'\r', '\n'};
    s->table[first] = 1;
    s->pat[0] = first * ONES;
    for (int i = 0; i < 2; i++) {
        s->table[line_ends[i]] = 1;
        s->pat[i + 1] = line_ends[i] * ONES;
    }
}

/* Wrap the open source `src` (owned from here on) in a reader. */
static mot_status csv_create(mot_csv **out, const char *name,
                             mot_source *src, const mot_csv_options *opt,
                             size_t bufsize, mot_error *err)
{
    mot_csv *c = calloc(1, sizeof *c);
    size_t namelen = strlen(name);
    if (c) {
        c->src = src;
        c->name = malloc(namelen + 1);
        c->buf = malloc(bufsize);
        c->rec = malloc(c->rec_cap = 256);
        c->fcap = 16;
        c->off = malloc((c->fcap + 1) * sizeof *c->off);
        c->fline = malloc(c->fcap * sizeof *c->fline);
    }
    if (!c || !c->name || !c->buf || !c->rec || !c->off || !c->fline) {
        if (c)
            mot_csv_free(c);
        else
            mot_source_free(src);
        return mot_error_set(err, MOT_ENOMEM, name, 0, 0, "out of memory");
    }
    memcpy(c->name, name, namelen + 1);
    c->cap = bufsize;
    c->line = 1;
    c->max_field = opt && opt->max_field ? opt->max_field : MAX_FIELD_DEFAULT;
    c->max_fields = opt && opt->max_fields ? opt->max_fields : MAX_FIELDS_DEFAULT;
    if (c->fcap > c->max_fields)
        c->fcap = c->max_fields;
    c->delim = opt && opt->delimiter ? (unsigned char)opt->delimiter : ',';
    stopset_init(&c->plain, c->delim);
    stopset_init(&c->quoted, '"');
    *out = c;
    return MOT_OK;
}

/* Check the options a caller passed; MOT_EUSAGE if they cannot work. */
static mot_status check_options(const char *name, const mot_csv_options *opt,
                                mot_error *err)
{
    unsigned char d = opt ? (unsigned char)opt->delimiter : 0;
    if (d == '"' || d == '\r' || d == '\n' || d >= 0x80)
        return mot_error_set(err, MOT_EUSAGE, name, 0, 0,
                             "the delimiter must be an ASCII character other "
                             "than a quote or a line end");
    return MOT_OK;
}

mot_status mot_csv_open(mot_csv **out, const char *path,
                        const mot_csv_options *opt, mot_error *err)
{
    *out = NULL;
    mot_source *src;
    mot_status st = check_options(path, opt, err);
    if (st == MOT_OK)
        st = mot_source_open(&src, path, err);
    if (st == MOT_OK)
        st = csv_create(out, path, src, opt, BUFFER_SIZE, err);
    return st;
}

mot_status mot_csv_open_memory_sized(mot_csv **out, const char *name,
                                     const void *data, size_t len,
                                     const mot_csv_options *opt,
                                     size_t bufsize, mot_error *err)
{
    *out = NULL;
    mot_source *src;
    if (!name)
        name = "(memory)";
    if (bufsize < MOT_CSV_BUFFER_MIN)
        bufsize = MOT_CSV_BUFFER_MIN;
    mot_status st = check_options(name, opt, err);
    if (st == MOT_OK)
        st = mot_source_open_memory(&src, name, data, len, err);
    if (st == MOT_OK)
        st = csv_create(out, name, src, opt, bufsize, err);
    return st;
}

mot_status mot_csv_open_memory(mot_csv **out, const char *name,
                               const void *data, size_t len,
                               const mot_csv_options *opt, mot_error *err)
{
    return mot_csv_open_memory_sized(out, name, data, len, opt, BUFFER_SIZE,
                                     err);
}

mot_status mot_csv_open_slice(mot_csv **out, const char *path,
                              const void *mem, unsigned long long offset,
                              unsigned long long len,
                              const mot_csv_options *opt, mot_error *err)
{
    const char *name = path ? path : "(memory)";
    *out = NULL;
    mot_source *src;
    mot_status st = check_options(name, opt, err);
    if (st == MOT_OK)
        st = mot_source_open_slice(&src, path, mem, offset, len, err);
    if (st == MOT_OK)
        st = csv_create(out, name, src, opt, BUFFER_SIZE, err);
    return st;
}

unsigned long mot_csv_next_line(const mot_csv *c)
{
    return c->line;
}

int mot_csv_open_quote(const mot_csv *c)
{
    return c->open_quote;
}

void mot_csv_free(mot_csv *c)
{
    if (!c)
        return;
    mot_source_free(c->src);
    free(c->name);
    free(c->buf);
    free(c->rec);
    free(c->off);
    free(c->fline);
    free(c);
}

size_t mot_csv_nfields(const mot_csv *c)
{
    return c->nfields;
}

const char *mot_csv_field(const mot_csv *c, size_t i, size_t *len)
{
    assert(i < c->nfields);
    if (len)
        *len = c->off[i + 1] - c->off[i] - 1;
    return c->rec + c->off[i];
}

unsigned long mot_csv_line(const mot_csv *c)
{
    return c->rec_line;
}

unsigned long mot_csv_field_line(const mot_csv *c, size_t i)
{
    assert(i < c->nfields);
    return c->fline[i];
}

const char *mot_csv_name(const mot_csv *c)
{
    return c->name;
}

const char *mot_csv_encoding(const mot_csv *c)
{
    return mot_source_encoding(c->src);
}

unsigned long long mot_csv_bytes(const mot_csv *c)
{
    return c->dropped + c->pos;
}

/* ---- writing ---------------------------------------------------------- */

int mot_csv_write_field(FILE *f, const char *s, size_t len)
{
    int quote = 0;
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote)
        return len && fwrite(s, 1, len, f) != len ? EOF : 0;
    if (putc('"', f) == EOF)
        return EOF;
    for (const char *p = s, *e = s + len; p < e;) {
        const char *q = memchr(p, '"', (size_t)(e - p));
        size_t n = q ? (size_t)(q - p) + 1 : (size_t)(e - p);
        if (fwrite(p, 1, n, f) != n || (q && putc('"', f) == EOF))
            return EOF;
        p += n;
    }
    return putc('"', f) == EOF ? EOF : 0;
}
