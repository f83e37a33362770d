/*
** columns.c: attribute columns, the columns of a file that mot does not
** know by name (segments, drivers, process-mining attributes).
**
** A column is numeric when every non-empty value is a number; it is then
** kept as doubles (NAN where empty), otherwise as codes into its own
** string table (MOT_NONE where empty). Both are kept while reading, since
** the last row may decide.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "read/columns.h"
#include "read/table.h"
#include "read/textutil.h"

mot_status mot_columns_init(mot_columns *c, char *const *names, size_t n)
{
    c->n = 0;
    c->col = n ? calloc(n, sizeof *c->col) : NULL;
    if (n && !c->col)
        return MOT_ENOMEM;
    c->n = n;
    for (size_t k = 0; k < n; k++) {
        mot_column *col = &c->col[k];
        col->numeric = 1;
        col->name = strdup(names[k]);
        col->dict = mot_strtab_new();
        if (!col->name || !col->dict)
            return MOT_ENOMEM;
    }
    return MOT_OK;
}

mot_status mot_columns_reserve(mot_columns *c, size_t *cap, size_t need)
{
    size_t newcap = need;
    if (need <= *cap)
        return MOT_OK;
    for (size_t k = 0; k < c->n; k++) {
        newcap = *cap;
        mot_array a[2] = {{&c->col[k].num, sizeof(double)},
                          {&c->col[k].code, sizeof(uint32_t)}};
        if (mot_grow(a, 2, &newcap, need) != MOT_OK)
            return MOT_ENOMEM;
    }
    *cap = newcap;
    return MOT_OK;
}

mot_status mot_columns_set(mot_columns *c, size_t k, size_t row,
                           const char *s, size_t len)
{
    mot_column *col = &c->col[k];
    double v = NAN;
    col->num[row] = NAN;
    col->code[row] = MOT_NONE;
    if (len == 0)
        return MOT_OK;
    if (mot_parse_double(s, len, &v) == MOT_OK)
        col->num[row] = v;
    else
        col->numeric = 0;
    return mot_strtab_intern(col->dict, s, len, &col->code[row], NULL);
}

void mot_columns_finish(mot_columns *c, size_t nrows)
{
    for (size_t k = 0; k < c->n; k++) {
        mot_column *col = &c->col[k];
        if (col->numeric) {
            free(col->code);
            col->code = NULL;
            mot_strtab_free(col->dict);
            col->dict = NULL;
            mot_array a = {&col->num, sizeof(double)};
            mot_shrink(&a, 1, nrows);
        } else {
            free(col->num);
            col->num = NULL;
            mot_array a = {&col->code, sizeof(uint32_t)};
            mot_shrink(&a, 1, nrows);
        }
    }
}

void mot_columns_free(mot_columns *c)
{
    for (size_t k = 0; k < c->n; k++) {
        free(c->col[k].name);
        free(c->col[k].num);
        free(c->col[k].code);
        mot_strtab_free(c->col[k].dict);
    }
    free(c->col);
    c->col = NULL;
    c->n = 0;
}

const mot_column *mot_columns_find(const mot_columns *c, const char *name)
{
    if (!c || !name)
        return NULL;
    for (size_t k = 0; k < c->n; k++)
        if (mot_text_ieq(name, strlen(name), c->col[k].name))
            return &c->col[k];
    return NULL;
}
