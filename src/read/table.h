/*
** table.h: the machinery shared by the loaders of the project's CSV files.
**
** A mot_load holds the state of one mot_project_load: the project being
** filled, the diag that collects problems, the error budget, and lookup
** caches used by several files (touchpoint texts, the staff ids that came
** from staff.csv).
**
** A mot_tbl reads one file of the folder, NAME.csv or NAME.csv.gz (or,
** for the commands that take a single file, a file at any path). It maps
** the header to the columns the file knows (matched case-insensitively
** after trimming, with aliases), rejects duplicate and missing columns,
** hands out the trimmed text of each known column row by row, and gathers
** the columns it does not know into attribute columns (mot_columns). Its
** mot_tbl_* parsers judge one field each and, when it is wrong, add a
** message "file:line:column: <header> must be <what>, found "<text>"" to
** the diag and return 0, so that a loader reports a bad field and goes on
** with the next one.
**
** Loaders append rows with mot_grow, which grows a set of parallel column
** arrays by doubling.
*/
#ifndef MOT_READ_TABLE_H
#define MOT_READ_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "mot/csv.h"
#include "mot/project.h"

/* ---- the state of one project load ------------------------------------- */

typedef struct mot_load {
    mot_project *p;
    mot_diag *diag;
    size_t max_errors;      /* stop reading after this many problems */
    size_t nerrors;         /* problems reported by this load */
    unsigned skip;          /* MOT_SKIP_* bits: what not to read */
    unsigned threads;       /* threads to read with (0: one per core) */
    mot_status status;      /* the first problem's status, MOT_OK if none */
    int stop;               /* an allocation failed: read no further */
    int blueprint_partial;  /* blueprint.csv could not be read whole, so
                               touchpoint references are not checked */
    int has_staff_file;     /* staff.csv was read ... */
    size_t nstaff_file;     /* ... and gave staff_ids 0 .. nstaff_file-1 */
    mot_strtab *tp_texts;   /* touchpoint texts met in data files ... */
    int32_t *tp_of_text;    /* ... and their blueprint index, -1 unknown */
    size_t tp_cap;
} mot_load;

/* Add *err to the diag and count it; the first problem sets ld->status. */
void mot_load_report(mot_load *ld, const mot_error *err);

/* Report a problem at file:line:column (0 for "none"). */
void mot_load_error(mot_load *ld, mot_status status, const char *file,
                    unsigned long line, unsigned long column,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* True once the load must stop reading: the error budget is spent or an
** allocation failed. */
int mot_load_stopped(const mot_load *ld);

/* Free the caches of the load (not the project). */
void mot_load_free(mot_load *ld);

/* ---- growable parallel arrays -------------------------------------------- */

/* One array of a table: the address of its pointer (e.g. &ev->score) and
** the size of one element. */
typedef struct mot_array {
    void *ptr;
    size_t size;
} mot_array;

/* Make room for at least `need` elements in each of the k arrays, doubling
** *cap. Returns MOT_OK or MOT_ENOMEM; on failure *cap is unchanged and
** every array still holds its elements (some may have grown). */
mot_status mot_grow(mot_array *arrays, size_t k, size_t *cap, size_t need);

/* Shrink each array to n elements (to give back the doubling slack); an
** array that cannot be shrunk stays as it is. */
void mot_shrink(mot_array *arrays, size_t k, size_t n);

/* ---- one CSV file of the project ----------------------------------------- */

/* A column the file knows. aliases is NULL or NULL-terminated. */
typedef struct mot_tbl_col {
    const char *name;
    const char *const *aliases;
    int required;
} mot_tbl_col;

#define MOT_TBL_MAXCOLS 16

/* The last text interned from a column and its index: rows of event logs
** come grouped by case, so most ids repeat the previous row's. */
typedef struct mot_tbl_memo {
    const mot_strtab *tab;     /* NULL: nothing remembered */
    uint32_t index;
    unsigned char len;
    char text[63];
} mot_tbl_memo;

typedef struct mot_tbl {
    mot_load *ld;
    mot_csv *csv;
    char file[MOT_ERROR_FILE_MAX]; /* "events.csv", "events.csv.gz", or
                                      the path given to mot_tbl_open_path */
    const mot_tbl_col *cols;
    size_t ncols;
    long pos[MOT_TBL_MAXCOLS];     /* header field of each column, -1 none */
    char **header;                 /* trimmed header names */
    unsigned long header_line;     /* line of the header (after blank ones) */
    size_t nheader;
    unsigned char *other;          /* per header field: 1 if it is named but
                                      not one of cols */
    size_t *attr_field;            /* header field of each attribute */
    size_t nrows;                  /* rows read so far */
    int keep_attrs;                /* gather unknown columns into attrs */
    mot_columns attrs;
    size_t attrs_cap;
    mot_tbl_memo memo[MOT_TBL_MAXCOLS];
    char *path;                    /* where the file is (owned) */
} mot_tbl;

/* Open base.csv (or base.csv.gz) in the project folder and map its header
** to cols (at most MOT_TBL_MAXCOLS). When keep_attrs is set, columns that
** are not in cols become attribute columns (see mot_tbl_take_attrs).
** Returns MOT_OK with *t ready for mot_tbl_next; MOT_DONE when neither
** file exists; otherwise the problem (empty file, missing or duplicate
** column, unreadable file) has been reported, *t is closed and its status
** is returned. */
mot_status mot_tbl_open(mot_tbl *t, mot_load *ld, const char *base,
                        const mot_tbl_col *cols, size_t ncols,
                        int keep_attrs);

/* True when base.csv or base.csv.gz is in the project folder. */
int mot_tbl_present(const mot_load *ld, const char *base);

/* The name under which the loader reports base's file (mot_tbl.file):
** base.csv, or base.csv.gz when only that one is in the folder. */
void mot_tbl_file_name(const mot_load *ld, const char *base, char *buf,
                       size_t n);

/* Open the file at path, whatever its name, like mot_tbl_open; problems
** name the file by path as given. A missing file is reported (MOT_ENOENT)
** like any other failure to open. */
mot_status mot_tbl_open_path(mot_tbl *t, mot_load *ld, const char *path,
                             const mot_tbl_col *cols, size_t ncols,
                             int keep_attrs);

/* Read the next row. Returns MOT_OK when a row is ready; MOT_DONE at the
** end of the file (reporting "no rows" when there were none) or when the
** load must stop; a negative status after reporting a CSV syntax error
** that ends the file. */
mot_status mot_tbl_next(mot_tbl *t);

/* Move the attribute columns gathered so far into *out (each numeric when
** every non-empty value was a number), leaving none in t. */
void mot_tbl_take_attrs(mot_tbl *t, mot_columns *out);

/* Close the file and free what t holds. Safe on a closed mot_tbl. */
void mot_tbl_close(mot_tbl *t);

/* Before the rows of a big file (1 MiB or more, not gzip) are read: make
** room in the k arrays (mot_grow, *cap) and in t's attribute columns for
** as many rows as the file has line feeds, and return that number (0 when
** nothing was reserved), so that they are not grown and copied row by
** row. A hint only: a failed malloc leaves the growing to the rows, and a
** file with more rows (lone carriage returns) grows them as usual. The
** caller may reserve its string tables with the number too. */
size_t mot_tbl_reserve(mot_tbl *t, mot_array *arrays, size_t k, size_t *cap);

/* True when column col is in the header. */
int mot_tbl_has(const mot_tbl *t, int col);

/* Trimmed text of column col in the current row; "" (length 0) when the
** column is absent or the row is short. Not NUL-terminated at *len. */
const char *mot_tbl_text(const mot_tbl *t, int col, size_t *len);

/* Trimmed text of header field i in the current row, like mot_tbl_text. */
const char *mot_tbl_field(const mot_tbl *t, size_t i, size_t *len);

/* Report a problem with header field i (0-based) of the current row:
** "file:line:i+1: <message>". */
void mot_tbl_error_at(mot_tbl *t, size_t i, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Report "<header name> must be <what>, found "<text>"" for column col
** of the current row, the text quoted verbatim and cut near 40 bytes. */
void mot_tbl_bad(mot_tbl *t, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The same for header field i. */
void mot_tbl_bad_at(mot_tbl *t, size_t i, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The header name of column col as the file spells it (trimmed). */
const char *mot_tbl_name(const mot_tbl *t, int col);

/* Line of the current row (where column col starts). */
unsigned long mot_tbl_line(const mot_tbl *t, int col);

/* ---- field parsers: 1 when the field is good, 0 after reporting --------- */

/* A number in [lo, hi]; empty gives NAN. `what` is the expectation shown
** in the message, e.g. "a number between 1 and 5". */
int mot_tbl_real(mot_tbl *t, int col, double lo, double hi,
                 const char *what, double *out);

/* A malloc'd copy of the trimmed text. Empty gives NULL, or "" after an
** error when required; NULL is also returned (after reporting) if a
** malloc fails. */
char *mot_tbl_copy(mot_tbl *t, int col, int required);

/* A number on the project's score scale; empty gives NAN. */
int mot_tbl_score(mot_tbl *t, int col, double *out);

/* A point in time; empty gives MOT_NO_TIME, or an error when required. */
int mot_tbl_time(mot_tbl *t, int col, int required, int64_t *out);

/* Intern the text into tab; empty gives MOT_NONE, or an error when
** required ("<name> must not be empty"). */
int mot_tbl_intern(mot_tbl *t, int col, int required, mot_strtab *tab,
                   uint32_t *out);

/* Set on an index that mot_tbl_intern_known gave from its local table. */
#define MOT_TBL_LOCAL 0x80000000u

/* mot_tbl_intern for one of several readers working side by side: text
** already in `known` (shared, read-only while they work, fewer than
** MOT_TBL_LOCAL strings) gets its index there; any other is interned into
** `local` (the reader's own) and gets its index there | MOT_TBL_LOCAL,
** which the caller turns into a project index afterwards. An error (MOT_
** ELIMIT) when local would reach MOT_TBL_LOCAL strings. */
int mot_tbl_intern_known(mot_tbl *t, int col, int required,
                         const mot_strtab *known, mot_strtab *local,
                         uint32_t *out);

/* The blueprint index of a touchpoint given by id or name; empty gives
** -1, or an error when required. When blueprint.csv could not be read
** whole, gives -1 without a report (the blueprint's problem is reported,
** and every reference would be another). */
int mot_tbl_touchpoint(mot_tbl *t, int col, int required, int32_t *out);

/* A staff id: checked against staff.csv when the project has one,
** interned into the project's staff_ids otherwise. Empty gives MOT_NONE,
** or an error when required. */
int mot_tbl_staff(mot_tbl *t, int col, int required, uint32_t *out);

/* Words of the blueprint vocabulary (mot_*_from_text); empty gives the
** UNSET value; anything else is reported with the list of accepted words. */
int mot_tbl_phase(mot_tbl *t, int col, mot_phase *out);
int mot_tbl_lane(mot_tbl *t, int col, mot_lane *out);
int mot_tbl_channel(mot_tbl *t, int col, mot_channel *out);
int mot_tbl_dimension(mot_tbl *t, int col, mot_dimension *out);

/* ---- first occurrences (duplicate ids) ------------------------------------ */

/* The line on which each index of an id table was first seen. */
typedef struct mot_seen {
    unsigned long *line;   /* 0: not seen yet */
    size_t cap;
} mot_seen;

/* Note that index i appeared on `line`. Returns 0 when i is new, the line
** of its first occurrence when it is a duplicate, and reports and returns
** 0 if a malloc fails (the load then stops). */
unsigned long mot_seen_mark(mot_tbl *t, mot_seen *s, uint32_t i,
                            unsigned long line);
void mot_seen_free(mot_seen *s);

/* Intern column col (required) into tab as an id that may appear once in
** the file: a repeat is reported as "<name> "<id>" appears twice: first on
** line N". *out gets the index (MOT_NONE when empty). */
int mot_tbl_unique(mot_tbl *t, int col, mot_strtab *tab, mot_seen *seen,
                   uint32_t *out);

/* Intern the pair (a, b) into pairs (8 bytes) so duplicate pairs can be
** found with mot_seen_mark. Returns MOT_OK or the failure. */
mot_status mot_pair_intern(mot_strtab *pairs, uint32_t a, uint32_t b,
                           uint32_t *index);

#endif /* MOT_READ_TABLE_H */
