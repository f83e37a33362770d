/*
** chunks.h: cutting a CSV file into chunks at row boundaries (internal).
**
** The chunked reader (events.c) parses the rows of a big file in parts on
** several threads. A part starts just after a line feed found near an
** even share of the bytes. A line feed may also sit inside a quoted
** field; that is not known before parsing, so each chunk is read as if it
** began at a row (mot_csv_open_slice) and the result is used only when
** every chunk read without any problem: given that the first chunk starts
** at a row, a chunk that ends cleanly (not inside a quoted field: see
** mot_csv_open_quote) ends at a row, so the next one starts at one, and
** the chunks' rows are exactly the rows a single reader finds. Otherwise
** the caller reads the file again in one piece, which reports every
** problem as it always has.
*/
#ifndef MOT_READ_CHUNKS_H
#define MOT_READ_CHUNKS_H

#include <stddef.h>
#include <stdint.h>

#include "mot/strtab.h"
#include "read/table.h"

/* Bytes per chunk that the loaders aim at, and the fewest they cut a
** chunk to; 0 (the default) means the built-in sizes (16 MiB and 1 MiB).
** A test hook: tests set them small to cut small files everywhere. Not
** for use while a load runs on another thread. */
extern size_t mot_chunk_bytes, mot_chunk_min;

/* Loads whose events.csv was put together from chunks (a test hook, like
** the two above: it tells a test that the chunked path was taken). */
extern size_t mot_chunked_loads;
/* Files read on the side thread and kept (read/project.c), for tests. */
extern size_t mot_side_loads;

/* Putting pieces read apart together (the chunks of events.csv, the
** files read beside it): intern every string of `from` into `to`, in
** from's order, so that the new ids get the numbers a single reader would
** have given them, and set *map to a new array (the caller frees it) of
** each one's index in `to`. MOT_OK, or MOT_ENOMEM / MOT_ELIMIT with *map
** NULL (the strings before the failure stay in `to`). */
mot_status mot_ids_adopt(const mot_strtab *from, mot_strtab *to,
                         uint32_t **map);

/* Report that putting the pieces of `file` together failed with st
** (MOT_ELIMIT: too many distinct ids; anything else: out of memory), and
** stop the load. */
void mot_ids_failed(mot_load *ld, mot_status st, const char *file);

/* The built-in sizes. */
#define MOT_CHUNK_BYTES (16u << 20)
#define MOT_CHUNK_MIN (1u << 20)

/* Cut bytes [lo, hi) of the file at path (or, when path is NULL, of the
** memory at mem) into at most n (>= 1) non-empty chunks: bounds[0] = lo,
** bounds[m] = hi, and each bounds[k] between is just after the first line
** feed at or after lo + k (hi - lo) / n (and after bounds[k - 1]). Returns
** m, 1 <= m <= n (1 also when the file cannot be read: the caller then
** reads it in one piece, which reports the problem). bounds has n + 1
** entries. */
size_t mot_chunks_split(const char *path, const void *mem,
                        unsigned long long lo, unsigned long long hi,
                        size_t n, unsigned long long *bounds);

/* The most rows bytes [lo, hi) of the file at path (or, when path is
** NULL, of the memory at mem) can hold as CSV records ended by a line
** feed: the line feeds among them, plus one when the last byte is not a
** line feed. SIZE_MAX when the file cannot be read. A record ended by a
** lone carriage return is not counted: a reader that trusts the bound
** must check it (the chunked reader counts rows as it writes them and
** gives the chunk up when one more would not fit). */
size_t mot_chunks_rows_max(const char *path, const void *mem,
                           unsigned long long lo, unsigned long long hi);

#endif /* MOT_READ_CHUNKS_H */
