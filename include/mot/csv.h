/*
** mot/csv.h: a streaming RFC 4180 CSV reader that knows where it is.
**
** The reader pulls one record at a time from a file (plain or gzip, detected
** by content), a memory buffer, or standard input, in bounded memory: it
** holds one read buffer and the current record, never the whole file.
**
** Accepted: quoted fields with commas, doubled quotes and newlines; LF,
** CRLF or lone CR line ends; a UTF-8 byte-order mark; files in GB18030/GBK
** (as saved by Chinese Excel) and UTF-16 with a BOM, which are converted to
** UTF-8 with iconv. Encoding detection: a BOM decides; otherwise the first
** 64 KiB are checked: valid UTF-8 means UTF-8, else valid GB18030 means
** GB18030, else the file is rejected as being in an unknown encoding.
** Fields handed out are always valid UTF-8.
**
** Lines that are empty are skipped. A quote inside an unquoted field is
** kept as a literal character (as Excel does); text between a closing
** quote and the next delimiter is an error.
**
** Positions: line numbers are physical lines of the file (1-based, counting
** the newlines inside quoted fields); the column of a field is its 1-based
** position in the record (the spreadsheet column), which is what error
** messages report as file:line:column.
**
** Errors (all MOT_EDATA unless noted, with file, line and column set):
** unterminated quoted field (line and column where the quote opened);
** field longer than max_field (MOT_ELIMIT); invalid UTF-8; unknown
** encoding or binary content (NUL bytes); text after a closing quote.
** After an error the reader is finished: mot_csv_next keeps returning it.
**
** Ownership: the caller owns the mot_csv and frees it with mot_csv_free.
** Field pointers belong to the reader and stay valid until the next call
** to mot_csv_next or mot_csv_free.
*/
#ifndef MOT_CSV_H
#define MOT_CSV_H

#include <stddef.h>
#include <stdio.h>
#include "mot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mot_csv mot_csv;

typedef struct mot_csv_options {
    size_t max_field;   /* longest field in bytes; 0 = 1 MiB */
    size_t max_fields;  /* most fields in one record; 0 = 4096 */
    char delimiter;     /* 0 = ',' */
} mot_csv_options;

/* Open `path` for reading ("-" is standard input). `opt` may be NULL.
** On success *out is a new reader positioned before the first record.
** Fails with MOT_ENOENT if the file does not exist, MOT_EIO if it cannot
** be read, MOT_EDATA if its encoding is unknown, MOT_ENOMEM; *out is then
** NULL. Error messages name the file as given in `path`. */
mot_status mot_csv_open(mot_csv **out, const char *path,
                        const mot_csv_options *opt, mot_error *err);

/* Like mot_csv_open, over `len` bytes at `data` (not copied: they must
** outlive the reader). `name` is used in error messages. */
mot_status mot_csv_open_memory(mot_csv **out, const char *name,
                               const void *data, size_t len,
                               const mot_csv_options *opt, mot_error *err);

/* Free the reader and close its file. NULL is a no-op. */
void mot_csv_free(mot_csv *csv);

/* Read the next record. Returns MOT_OK when a record is ready, MOT_DONE at
** the end of the input, or a negative status with *err filled. */
mot_status mot_csv_next(mot_csv *csv, mot_error *err);

/* Number of fields in the current record (at least 1). */
size_t mot_csv_nfields(const mot_csv *csv);

/* Field i (0-based) of the current record, NUL-terminated, valid UTF-8,
** quotes removed. If len is not NULL it receives the length in bytes.
** i must be < mot_csv_nfields. */
const char *mot_csv_field(const mot_csv *csv, size_t i, size_t *len);

/* Physical line (1-based) on which the current record starts. */
unsigned long mot_csv_line(const mot_csv *csv);

/* Physical line on which field i of the current record starts (differs
** from mot_csv_line after a quoted field with newlines). */
unsigned long mot_csv_field_line(const mot_csv *csv, size_t i);

/* The name given at open time. */
const char *mot_csv_name(const mot_csv *csv);

/* The detected encoding: "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE",
** "UTF-16BE"; prefixed "gzip " for compressed input. */
const char *mot_csv_encoding(const mot_csv *csv);

/* Bytes of input consumed so far (compressed bytes for gzip input is not
** promised: this counts decoded bytes). */
unsigned long long mot_csv_bytes(const mot_csv *csv);

/* ---- writing ------------------------------------------------------------ */

/* Append field `s` (length len) to the stdio stream f, quoted when it holds
** a comma, quote, CR or LF (quotes doubled). Returns 0 or EOF on error. */
int mot_csv_write_field(FILE *f, const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* MOT_CSV_H */
