/*
** csv_internal.h: hooks into the CSV reader for tests and fuzzing.
**
** A tiny read buffer makes every field and every multi-byte character
** cross a refill boundary somewhere, which is where a streaming parser's
** bugs hide; production code always uses the default size.
*/
#ifndef MOT_READ_CSV_INTERNAL_H
#define MOT_READ_CSV_INTERNAL_H

#include "mot/csv.h"

/* Smallest read buffer mot_csv_open_memory_sized accepts. */
#define MOT_CSV_BUFFER_MIN 8

/* Like mot_csv_open_memory with a read buffer of `bufsize` bytes (at least
** MOT_CSV_BUFFER_MIN; smaller sizes are raised to it). */
mot_status mot_csv_open_memory_sized(mot_csv **out, const char *name,
                                     const void *data, size_t len,
                                     const mot_csv_options *opt,
                                     size_t bufsize, mot_error *err);

/* A reader over bytes [offset, offset + len) of the file at path (or, when
** path is NULL, of the memory at mem), taken as UTF-8 whatever they hold
** (mot_source_open_slice): one chunk of a file whose encoding was decided
** by a reader over the whole of it. Lines count from 1 at offset. */
mot_status mot_csv_open_slice(mot_csv **out, const char *path,
                              const void *mem, unsigned long long offset,
                              unsigned long long len,
                              const mot_csv_options *opt, mot_error *err);

/* The physical line of the next unread byte: after reading to the end,
** 1 + the number of line ends read. */
unsigned long mot_csv_next_line(const mot_csv *c);

/* True when reading ended with "unterminated quoted field" because the
** input ended inside a quoted field (for a chunk, a sign that the chunk
** began or ended inside a quoted field rather than at a row boundary). */
int mot_csv_open_quote(const mot_csv *c);

#endif
