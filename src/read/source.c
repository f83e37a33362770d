/*
** source.c: the decoded byte stream under the CSV reader (see source.h).
**
** Raw bytes come from zlib (gzdopen + gzread, which reads plain files as
** they are and gzip files decompressed) or from a memory buffer, through a
** raw buffer of MOT_SOURCE_WINDOW bytes. Opening fills that buffer once to
** decide the encoding; afterwards UTF-8 input is copied out of it and then
** read straight into the caller's buffer, while GB18030 and UTF-16 input
** is refilled there and converted into the caller's buffer with iconv.
** A failure found while reading is kept: the bytes before it are delivered
** first, then every later read returns it.
*/
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "read/source.h"
#include "read/utf8.h"

#define RAW_SIZE MOT_SOURCE_WINDOW
#define NO_ICONV ((iconv_t)-1)
#define HINT "save the file as UTF-8 or GB18030"

struct mot_source {
    gzFile gz;                  /* the file, or NULL for memory input */
    int fd;                     /* a slice of a file: read with pread ... */
    unsigned long long fpos, fend;  /* ... from fpos up to fend; else -1 */
    const unsigned char *mem;   /* memory input */
    size_t mem_len, mem_pos;
    unsigned char *raw;         /* raw bytes read but not yet delivered */
    size_t raw_pos, raw_len;
    int raw_eof;                /* the raw input has no more bytes */
    iconv_t cd;                 /* NO_ICONV when UTF-8 passes through */
    const char *charset;        /* "UTF-8", "GB18030", "UTF-16LE", ... */
    int bom;                    /* a UTF-8 byte-order mark was skipped */
    char encoding[32];
    mot_status failed;          /* final failure, MOT_OK while reading */
    char message[MOT_ERROR_MSG_MAX];
};

/* Remember a final failure (printf-style message) and report it in *err. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static mot_status source_fail(mot_source *s, mot_error *err, mot_status st,
                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->message, sizeof s->message, fmt, ap);
    va_end(ap);
    s->failed = st;
    return mot_error_set(err, st, NULL, 0, 0, "%s", s->message);
}

/* The failure zlib reports after a short read, as a mot_status with a
** message; MOT_OK if there is none. */
static mot_status gz_failure(mot_source *s, mot_error *err)
{
    int errnum, saved_errno = errno;
    const char *msg = gzerror(s->gz, &errnum);
    const char *colon = strstr(msg, ": ");   /* drop zlib's "<fd:3>: " */
    if (colon)
        msg = colon + 2;
    switch (errnum) {
    case Z_OK:
    case Z_STREAM_END:
        return MOT_OK;
    case Z_ERRNO:
        return source_fail(s, err, MOT_EIO, "read failed: %s",
                           strerror(saved_errno));
    case Z_MEM_ERROR:
        return source_fail(s, err, MOT_ENOMEM, "out of memory");
    case Z_BUF_ERROR:
        return source_fail(s, err, MOT_EDATA, "the compressed file is cut off");
    default:
        return source_fail(s, err, MOT_EDATA,
                           "the compressed data is corrupt (%s)", msg);
    }
}

/* Read up to n raw bytes into dst; *got is 0 only at the end. */
static mot_status raw_input(mot_source *s, unsigned char *dst, size_t n,
                            size_t *got, mot_error *err)
{
    *got = 0;
    if (s->fd >= 0) {
        unsigned long long left = s->fend - s->fpos;
        size_t ask = left < n ? (size_t)left : n;
        ssize_t r;
        if (ask == 0)
            return MOT_OK;
        do
            r = pread(s->fd, dst, ask, (off_t)s->fpos);
        while (r < 0 && errno == EINTR);
        if (r < 0)
            return source_fail(s, err, MOT_EIO, "read failed: %s",
                               strerror(errno));
        s->fpos += (size_t)r;
        if (r == 0)
            s->fpos = s->fend;      /* the file got shorter: its end */
        *got = (size_t)r;
        return MOT_OK;
    }
    if (!s->gz) {
        size_t k = s->mem_len - s->mem_pos;
        *got = k < n ? k : n;
        if (*got)
            memcpy(dst, s->mem + s->mem_pos, *got);
        s->mem_pos += *got;
        return MOT_OK;
    }
    unsigned ask = n < (size_t)INT_MAX ? (unsigned)n : (unsigned)INT_MAX;
    int r = gzread(s->gz, dst, ask);
    if (r > 0) {
        *got = (size_t)r;
        return MOT_OK;
    }
    mot_status st = gz_failure(s, err);
    if (st == MOT_OK && r < 0)
        st = source_fail(s, err, MOT_EIO, "read failed");
    return st;
}

/* Move the undelivered raw bytes to the front and read more after them
** until the raw buffer is full or the input ends. */
static mot_status raw_refill(mot_source *s, mot_error *err)
{
    size_t keep = s->raw_len - s->raw_pos;
    memmove(s->raw, s->raw + s->raw_pos, keep);
    s->raw_pos = 0;
    s->raw_len = keep;
    while (!s->raw_eof && s->raw_len < RAW_SIZE) {
        size_t got;
        mot_status st = raw_input(s, s->raw + s->raw_len,
                                  RAW_SIZE - s->raw_len, &got, err);
        if (st != MOT_OK)
            return st;
        if (got == 0)
            s->raw_eof = 1;
        s->raw_len += got;
    }
    return MOT_OK;
}

/* 1-based physical line of byte `off` in r (LF, CRLF and lone CR end a
** line). */
static unsigned long line_of(const unsigned char *r, size_t off)
{
    unsigned long line = 1;
    for (size_t i = 0; i < off; i++)
        if (r[i] == '\n' || (r[i] == '\r' && (i + 1 >= off || r[i + 1] != '\n')))
            line++;
    return line;
}

/* Length of the longest prefix of r[0..n) made of whole GB18030
** characters (by byte structure: one byte 00-7F, two bytes 81-FE then
** 40-7E or 80-FE, four bytes 81-FE 30-39 81-FE 30-39); *cut says whether
** it stops in a character that more bytes could complete. */
static size_t gb18030_prefix(const unsigned char *r, size_t n, int *cut)
{
    size_t i = 0;
    *cut = 0;
    while (i < n) {
        unsigned c = r[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c == 0x80 || c == 0xFF)
            return i;
        if (i + 1 >= n)
            return *cut = 1, i;
        unsigned b = r[i + 1];
        if (b >= 0x40 && b <= 0xFE && b != 0x7F) {
            i += 2;
            continue;
        }
        if (b < 0x30 || b > 0x39)
            return i;
        if (i + 3 >= n) {
            *cut = i + 2 >= n || (r[i + 2] >= 0x81 && r[i + 2] <= 0xFE);
            return i;
        }
        if (r[i + 2] < 0x81 || r[i + 2] == 0xFF || r[i + 3] < 0x30 ||
            r[i + 3] > 0x39)
            return i;
        i += 4;
    }
    return i;
}

/* Start converting from `charset` to UTF-8, skipping `skip` bytes. */
static mot_status use_iconv(mot_source *s, const char *charset, size_t skip,
                            const char *name, mot_error *err)
{
    s->cd = iconv_open("UTF-8", charset);
    if (s->cd == NO_ICONV)
        return mot_error_set(err, MOT_EIO, name, 0, 0,
                             "cannot convert %s text: %s", charset,
                             strerror(errno));
    s->charset = charset;
    s->raw_pos = skip;
    return MOT_OK;
}

/* Decide the encoding from the first RAW_SIZE bytes (see source.h). */
static mot_status detect(mot_source *s, const char *name, mot_error *err)
{
    mot_status st = raw_refill(s, err);
    if (st != MOT_OK)
        return mot_error_set(err, st, name, 0, 0, "%s", s->message);
    const unsigned char *r = s->raw;
    size_t n = s->raw_len;
    if (n >= 3 && r[0] == 0xEF && r[1] == 0xBB && r[2] == 0xBF) {
        s->raw_pos = 3;
        s->bom = 1;
        return MOT_OK;
    }
    if (n >= 2 && r[0] == 0xFF && r[1] == 0xFE)
        return use_iconv(s, "UTF-16LE", 2, name, err);
    if (n >= 2 && r[0] == 0xFE && r[1] == 0xFF)
        return use_iconv(s, "UTF-16BE", 2, name, err);
    const unsigned char *nul = memchr(r, 0, n);
    if (nul)
        return mot_error_set(err, MOT_EDATA, name, line_of(r, (size_t)(nul - r)),
                             0, "file looks binary (NUL byte); expected CSV text");
    mot_utf8_end end;
    size_t u = mot_utf8_check(r, n, &end);
    if (end == MOT_UTF8_ALL || (end == MOT_UTF8_SHORT && !s->raw_eof))
        return MOT_OK;
    int cut;
    size_t g = gb18030_prefix(r, n, &cut);
    if (g == n || (cut && !s->raw_eof)) {
        int bom = n >= 4 && r[0] == 0x84 && r[1] == 0x31 && r[2] == 0x95 &&
                  r[3] == 0x33;
        return use_iconv(s, "GB18030", bom ? 4 : 0, name, err);
    }
    size_t bad = u > g ? u : g;
    return mot_error_set(err, MOT_EDATA, name, line_of(r, bad), 0,
                         "file is not UTF-8 or GB18030 text (byte 0x%02X); "
                         "save it as UTF-8", r[bad]);
}

/* A new source with its raw buffer, reading nothing yet. */
static mot_source *source_new(void)
{
    mot_source *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->raw = malloc(RAW_SIZE);
    if (!s->raw) {
        free(s);
        return NULL;
    }
    s->cd = NO_ICONV;
    s->charset = "UTF-8";
    s->fd = -1;
    return s;
}

/* Finish opening: decide the encoding, or free s on failure. */
static mot_status source_start(mot_source **out, mot_source *s,
                               const char *name, mot_error *err)
{
    mot_status st = detect(s, name, err);
    if (st != MOT_OK) {
        mot_source_free(s);
        return st;
    }
    snprintf(s->encoding, sizeof s->encoding, "%s%s%s",
             s->gz && !gzdirect(s->gz) ? "gzip " : "", s->charset,
             s->bom ? " BOM" : "");
    *out = s;
    return MOT_OK;
}

mot_status mot_source_open(mot_source **out, const char *path,
                           mot_error *err)
{
    *out = NULL;
    int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO)
                                    : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT
            ? mot_error_set(err, MOT_ENOENT, path, 0, 0, "file not found")
            : mot_error_set(err, MOT_EIO, path, 0, 0, "cannot open the file: %s",
                            strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        close(fd);
        return mot_error_set(err, MOT_EIO, path, 0, 0,
                             "is a folder, expected a CSV file");
    }
    mot_source *s = source_new();
    if (s)
        s->gz = gzdopen(fd, "rb");
    if (!s || !s->gz) {
        close(fd);
        mot_source_free(s);
        return mot_error_set(err, MOT_ENOMEM, path, 0, 0, "out of memory");
    }
    gzbuffer(s->gz, 128 * 1024);
    return source_start(out, s, path, err);
}

mot_status mot_source_open_memory(mot_source **out, const char *name,
                                  const void *data, size_t len,
                                  mot_error *err)
{
    *out = NULL;
    mot_source *s = source_new();
    if (!s)
        return mot_error_set(err, MOT_ENOMEM, name, 0, 0, "out of memory");
    s->mem = data;
    s->mem_len = len;
    return source_start(out, s, name, err);
}

mot_status mot_source_open_slice(mot_source **out, const char *path,
                                 const void *mem, unsigned long long offset,
                                 unsigned long long len, mot_error *err)
{
    const char *name = path ? path : "(memory)";
    *out = NULL;
    mot_source *s = source_new();
    if (!s)
        return mot_error_set(err, MOT_ENOMEM, name, 0, 0, "out of memory");
    if (path) {
        s->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) {
            int e = errno;
            mot_source_free(s);
            return mot_error_set(err, e == ENOENT ? MOT_ENOENT : MOT_EIO,
                                 name, 0, 0, "cannot open the file: %s",
                                 strerror(e));
        }
        s->fpos = offset;
        s->fend = offset + len;
    } else {
        s->mem = (const unsigned char *)mem + offset;
        s->mem_len = (size_t)len;
    }
    snprintf(s->encoding, sizeof s->encoding, "UTF-8");
    *out = s;
    return MOT_OK;
}

void mot_source_free(mot_source *s)
{
    if (!s)
        return;
    if (s->fd >= 0)
        close(s->fd);
    if (s->gz)
        gzclose(s->gz);
    if (s->cd != NO_ICONV)
        iconv_close(s->cd);
    free(s->raw);
    free(s);
}

/* Deliver UTF-8 input: what is left in the raw buffer, then straight. */
static mot_status pass_through(mot_source *s, char *buf, size_t n,
                               size_t *got, mot_error *err)
{
    if (s->raw_pos < s->raw_len) {
        size_t k = s->raw_len - s->raw_pos;
        *got = k < n ? k : n;
        memcpy(buf, s->raw + s->raw_pos, *got);
        s->raw_pos += *got;
        return MOT_OK;
    }
    if (s->raw_eof)
        return MOT_DONE;
    mot_status st = raw_input(s, (unsigned char *)buf, n, got, err);
    if (st == MOT_OK && *got == 0) {
        s->raw_eof = 1;
        return MOT_DONE;
    }
    return st;
}

/* Deliver converted input: iconv from the raw buffer into buf, refilling
** the raw buffer when iconv wants more. */
static mot_status convert(mot_source *s, char *buf, size_t n, size_t *got,
                          mot_error *err)
{
    for (;;) {
        if (s->raw_pos < s->raw_len) {
            char *in = (char *)s->raw + s->raw_pos, *outp = buf;
            size_t inleft = s->raw_len - s->raw_pos, outleft = n;
            size_t r = iconv(s->cd, &in, &inleft, &outp, &outleft);
            int e = errno;
            s->raw_pos = (size_t)((unsigned char *)in - s->raw);
            *got = n - outleft;
            if (r == (size_t)-1 && e == EILSEQ)
                source_fail(s, err, MOT_EDATA, "invalid %s (byte 0x%02X); " HINT,
                            s->charset, s->raw[s->raw_pos]);
            if (*got > 0)
                return MOT_OK;
            if (s->failed != MOT_OK)
                return s->failed;
        }
        if (s->raw_eof) {
            if (s->raw_pos < s->raw_len)
                return source_fail(s, err, MOT_EDATA,
                                   "the file ends inside a %s character",
                                   s->charset);
            return MOT_DONE;
        }
        mot_status st = raw_refill(s, err);
        if (st != MOT_OK)
            return st;
    }
}

mot_status mot_source_read(mot_source *s, char *buf, size_t n, size_t *got,
                           mot_error *err)
{
    *got = 0;
    if (s->failed != MOT_OK)
        return mot_error_set(err, s->failed, NULL, 0, 0, "%s", s->message);
    if (s->cd == NO_ICONV)
        return pass_through(s, buf, n, got, err);
    return convert(s, buf, n, got, err);
}

const char *mot_source_encoding(const mot_source *s)
{
    return s->encoding;
}
