/*
** columns.h: building attribute columns (mot_columns) row by row.
**
** While a file is read, each attribute column keeps both a number (NAN
** when the field is empty or not a number) and a code into its own string
** table for every row, and remembers whether every non-empty value so far
** was a number. mot_columns_finish then keeps only the numbers or only the
** codes.
*/
#ifndef MOT_READ_COLUMNS_H
#define MOT_READ_COLUMNS_H

#include <stddef.h>

#include "mot/project.h"

/* Start n empty columns named names[0..n-1] (copied) in *c. Returns MOT_OK
** or MOT_ENOMEM (then *c holds what was made; mot_columns_free frees it). */
mot_status mot_columns_init(mot_columns *c, char *const *names, size_t n);

/* Make room for `need` rows in every column, doubling *cap. MOT_OK or
** MOT_ENOMEM (rows already stored are kept). */
mot_status mot_columns_reserve(mot_columns *c, size_t *cap, size_t need);

/* Store the trimmed text (s, len) as row `row` of column k; row must be
** below the reserved capacity. MOT_OK or MOT_ENOMEM/MOT_ELIMIT from
** interning (the row is then empty). */
mot_status mot_columns_set(mot_columns *c, size_t k, size_t row,
                           const char *s, size_t len);

/* Keep, in each column, the numbers if every non-empty value was a number,
** else the codes, trimmed to nrows. */
void mot_columns_finish(mot_columns *c, size_t nrows);

/* Free every column; *c is empty afterwards. */
void mot_columns_free(mot_columns *c);

#endif /* MOT_READ_COLUMNS_H */
