/*
** source.h: the decoded byte stream under the CSV reader (internal).
**
** A mot_source delivers the text of a file, standard input or a memory
** buffer as UTF-8 bytes. Files go through zlib, which reads plain files
** unchanged and gzip files decompressed. On opening, the encoding is
** decided once: a byte-order mark decides; otherwise the first 64 KiB
** must be valid UTF-8, else valid GB18030, else the source is rejected.
** GB18030 and UTF-16 text is converted with iconv; UTF-8 passes through
** unchanged (and unchecked: the CSV reader validates what it parses).
*/
#ifndef MOT_READ_SOURCE_H
#define MOT_READ_SOURCE_H

#include <stddef.h>
#include "mot/error.h"

typedef struct mot_source mot_source;

/* Bytes examined to decide the encoding when there is no byte-order mark. */
#define MOT_SOURCE_WINDOW (64 * 1024)

/* Open the file at `path` ("-" is standard input) and decide its encoding.
** Fails with MOT_ENOENT (no such file), MOT_EIO (a directory, unreadable),
** MOT_EDATA (binary content or unknown encoding; err->line is the line of
** the first offending byte), MOT_ENOMEM; *out is then NULL. */
mot_status mot_source_open(mot_source **out, const char *path,
                           mot_error *err);

/* Like mot_source_open over len bytes at data (not copied, not
** decompressed); `name` is used in error messages. */
mot_status mot_source_open_memory(mot_source **out, const char *name,
                                  const void *data, size_t len,
                                  mot_error *err);

/* A source over bytes [offset, offset + len) of the file at path (read
** with pread; path is then also the name in messages) or, when path is
** NULL, of the memory at mem. The bytes are taken as UTF-8 as they are:
** no encoding is decided and no byte-order mark looked for, since this
** reads a part of a file whose encoding was decided by a source over the
** whole of it (the chunked reader, chunks.h). Fails with MOT_ENOENT,
** MOT_EIO or MOT_ENOMEM; *out is then NULL. */
mot_status mot_source_open_slice(mot_source **out, const char *path,
                                 const void *mem, unsigned long long offset,
                                 unsigned long long len, mot_error *err);

/* Close the source. NULL is a no-op. */
void mot_source_free(mot_source *s);

/* Read up to n (at least 4) bytes of UTF-8 text into buf. Returns MOT_OK
** with *got > 0, MOT_DONE at the end, or a failure with err->status and
** err->message set (no file or position: the caller knows where it is):
** MOT_EDATA for text invalid in the source encoding (every byte before
** the bad one has been delivered by then), MOT_EIO for a read error.
** A failure is final: later calls return it again. */
mot_status mot_source_read(mot_source *s, char *buf, size_t n, size_t *got,
                           mot_error *err);

/* "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE" or "UTF-16BE", prefixed
** "gzip " when the file was compressed. */
const char *mot_source_encoding(const mot_source *s);

#endif
