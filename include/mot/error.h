/*
** mot/error.h: status codes and error details.
**
** Every fallible libmot function returns a mot_status: MOT_OK (0) on
** success, a negative code on failure (positive codes are non-error
** signals such as MOT_DONE). When the caller passes a mot_error, the
** function fills it with the file, line and column the failure is about
** and a message saying what was expected and what was found. The library
** never prints and never exits: presentation is the caller's.
**
** A mot_diag collects many errors (for `mot check`, which reports every
** problem at once) up to a limit, counting those past the limit.
*/
#ifndef MOT_ERROR_H
#define MOT_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mot_status {
    MOT_DONE = 1,       /* not an error: a stream has no more records */
    MOT_OK = 0,
    MOT_ENOMEM = -1,    /* out of memory */
    MOT_EIO = -2,       /* reading or writing failed */
    MOT_ENOENT = -3,    /* a required input is missing */
    MOT_EDATA = -4,     /* input data is malformed or inconsistent */
    MOT_EUSAGE = -5,    /* an argument is invalid (caller's mistake) */
    MOT_ELIMIT = -6,    /* input exceeds a documented limit */
    MOT_ENOTIMPL = -7   /* the feature is not built yet */
} mot_status;

/* Longest file name and message kept in a mot_error (longer ones are
** truncated, never overflowed). */
#define MOT_ERROR_FILE_MAX 512
#define MOT_ERROR_MSG_MAX 512

typedef struct mot_error {
    mot_status status;
    char file[MOT_ERROR_FILE_MAX]; /* "" when not about a file */
    unsigned long line;            /* 1-based; 0 when not about a line */
    unsigned long column;          /* 1-based field number; 0 when none */
    char message[MOT_ERROR_MSG_MAX];
} mot_error;

/* A short English description of a status code; never NULL. */
const char *mot_strerror(mot_status status);

/* Map a status to the CLI's exit code (DESIGN §3): 0 ok, 64 usage,
** 65 bad data, 66 missing input, 74 I/O error, 70 anything else. */
int mot_status_exit_code(mot_status status);

/* Fill *err (if err is not NULL) and return status. file may be NULL;
** line/column 0 mean "not applicable". The message is printf-formatted. */
mot_status mot_error_set(mot_error *err, mot_status status, const char *file,
                         unsigned long line, unsigned long column,
                         const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
mot_status mot_error_setv(mot_error *err, mot_status status, const char *file,
                          unsigned long line, unsigned long column,
                          const char *fmt, va_list ap);

/* Clear *err to "no error". */
void mot_error_clear(mot_error *err);

/* Write "file:line:column: message" (parts that are 0/empty are left out)
** into buf of size n, NUL-terminated; returns the length it needed, like
** snprintf. */
int mot_error_format(const mot_error *err, char *buf, size_t n);

/* ---- mot_diag: a bounded list of errors --------------------------------- */

typedef struct mot_diag {
    mot_error *items;   /* the first `limit` errors, in the order reported */
    size_t n;           /* how many are kept in items */
    size_t cap;
    size_t limit;       /* keep at most this many (0 = default 100) */
    size_t total;       /* how many were reported, kept or not */
    mot_status worst;   /* first failure status reported, MOT_OK if none */
} mot_diag;

/* Initialise an empty list keeping at most `limit` errors (0 = 100). */
void mot_diag_init(mot_diag *d, size_t limit);
/* Free the kept errors; the list is empty afterwards. */
void mot_diag_free(mot_diag *d);
/* Append a copy of *err. Past the limit only `total` grows. If a malloc
** fails, the error is counted but not kept. */
void mot_diag_add(mot_diag *d, const mot_error *err);

#ifdef __cplusplus
}
#endif
#endif /* MOT_ERROR_H */
