/*
** mot/wide.h: a wide table read from one CSV file.
**
** A wide table has a header row and one row per unit (a customer, a
** respondent), one column per variable, as `mot drivers` reads it. Every
** column becomes an attribute column (mot_column, project.h): numeric when
** every non-empty value is a number, categorical (codes into its own
** string table) otherwise; empty cells are missing (NAN / MOT_NONE).
** Values and header names are trimmed of spaces and tabs.
**
** Ownership: the caller owns the mot_wide and frees it with mot_wide_free.
*/
#ifndef MOT_WIDE_H
#define MOT_WIDE_H

#include <stddef.h>
#include "mot/error.h"
#include "mot/project.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mot_wide {
    char *name;          /* the path as given */
    size_t nrows;
    mot_columns cols;    /* in header order */
} mot_wide;

/* Read the CSV file at path (plain or gzip, encodings as mot_csv_open).
** Returns MOT_OK and a new table in *out; MOT_ENOENT / MOT_EIO if the file
** cannot be read; MOT_EDATA naming file:line:column for an empty file, an
** empty or duplicate (case-insensitive) header name, a row whose number of
** fields differs from the header's, or a CSV syntax error; MOT_ENOMEM.
** On failure *out is NULL. */
mot_status mot_wide_read(const char *path, mot_wide **out, mot_error *err);

/* Free the table. NULL is a no-op. */
void mot_wide_free(mot_wide *w);

#ifdef __cplusplus
}
#endif
#endif /* MOT_WIDE_H */
