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

#endif
