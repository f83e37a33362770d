/*
** kano.c: loading kano.csv, the answers to a KANO questionnaire.
**
** One row is one respondent's pair of answers about one feature: how they
** would feel if it were there (functional) and if it were not
** (dysfunctional), each 1 like .. 5 dislike or the words (mot_parse.h).
** Respondents and features have their own tables (they are not the
** project's customers); a respondent answers a feature once. The optional
** touchpoint ties a feature to the blueprint.
**
** A kano.csv read on its own (mot_kano_load_file) has no blueprint to check
** touchpoints against: its touchpoint column is then not a known column
** but an attribute column like any other, so the text is kept.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "read/columns.h"
#include "read/load.h"

enum {
    K_RESPONDENT, K_FEATURE, K_FUNCTIONAL, K_DYSFUNCTIONAL, K_IMPORTANCE,
    K_SEGMENT, K_TOUCHPOINT, K_NCOLS
};

static const mot_tbl_col cols[K_NCOLS] = {
    {"respondent_id", NULL, 1}, {"feature", NULL, 1},
    {"functional", NULL, 1}, {"dysfunctional", NULL, 1},
    {"importance", NULL, 0}, {"segment", NULL, 0}, {"touchpoint", NULL, 0},
};

/* The reader of the file and the arrays it grows. */
typedef struct ka_read {
    mot_tbl t;
    mot_kano *k;
    mot_array arrays[K_NCOLS];
    size_t narrays, cap;
    mot_strtab *pairs;   /* (respondent, feature) pairs met ... */
    mot_seen seen;       /* ... and their lines */
} ka_read;

void mot_kano_free(mot_kano *k)
{
    if (!k)
        return;
    free(k->respondent);
    free(k->feature);
    free(k->functional);
    free(k->dysfunctional);
    free(k->importance);
    free(k->segment);
    free(k->touchpoint);
    mot_strtab_free(k->respondents);
    mot_strtab_free(k->features);
    mot_strtab_free(k->segments);
    mot_columns_free(&k->attrs);
    free(k);
}

/* List the arrays of the columns present in the file. */
static void list_arrays(ka_read *r)
{
    mot_kano *k = r->k;
    mot_array all[K_NCOLS] = {
        {&k->respondent, sizeof *k->respondent},
        {&k->feature, sizeof *k->feature},
        {&k->functional, sizeof *k->functional},
        {&k->dysfunctional, sizeof *k->dysfunctional},
        {&k->importance, sizeof *k->importance},
        {&k->segment, sizeof *k->segment},
        {&k->touchpoint, sizeof *k->touchpoint},
    };
    for (int c = 0; c < (int)r->t.ncols; c++)
        if (c <= K_DYSFUNCTIONAL || mot_tbl_has(&r->t, c))
            r->arrays[r->narrays++] = all[c];
}

/* A KANO answer from column col; 0 (reported) when it is not one. */
static uint8_t read_answer(mot_tbl *t, int col)
{
    size_t len;
    const char *s = mot_tbl_text(t, col, &len);
    int answer;
    if (mot_parse_kano_answer(s, len, &answer) == MOT_OK)
        return (uint8_t)answer;
    mot_tbl_bad(t, col, "a KANO answer: 1 to 5, or like, must-be, neutral, "
                "live-with, dislike");
    return 0;
}

/* Check that the respondent of row i answers its feature once. */
static void check_pair(ka_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    const mot_kano *k = r->k;
    uint32_t pair;
    unsigned long first;
    if (k->respondent[i] == MOT_NONE || k->feature[i] == MOT_NONE)
        return;
    if (mot_pair_intern(r->pairs, k->respondent[i], k->feature[i], &pair)
        != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    first = mot_seen_mark(t, &r->seen, pair, mot_tbl_line(t, K_FEATURE));
    if (first)
        mot_tbl_error_at(t, (size_t)t->pos[K_FEATURE], "respondent \"%s\" "
                         "answered feature \"%s\" twice: first on line %lu",
                         mot_strtab_get(k->respondents, k->respondent[i]),
                         mot_strtab_get(k->features, k->feature[i]), first);
}

/* Read the optional columns of row i. */
static void read_optional(ka_read *r, size_t i)
{
    mot_tbl *t = &r->t;
    mot_kano *k = r->k;
    double d;
    if (k->importance) {
        mot_tbl_real(t, K_IMPORTANCE, -HUGE_VAL, HUGE_VAL, "a number", &d);
        k->importance[i] = (float)d;
    }
    if (k->segment)
        mot_tbl_intern(t, K_SEGMENT, 0, k->segments, &k->segment[i]);
    if (k->touchpoint)
        mot_tbl_touchpoint(t, K_TOUCHPOINT, 0, &k->touchpoint[i]);
}

/* Read the current row as answer k->n. */
static void read_row(ka_read *r)
{
    mot_tbl *t = &r->t;
    mot_kano *k = r->k;
    size_t i = k->n;
    if (mot_grow(r->arrays, r->narrays, &r->cap, i + 1) != MOT_OK) {
        mot_load_error(t->ld, MOT_ENOMEM, t->file, 0, 0, "out of memory");
        return;
    }
    k->n++;
    mot_tbl_intern(t, K_RESPONDENT, 1, k->respondents, &k->respondent[i]);
    mot_tbl_intern(t, K_FEATURE, 1, k->features, &k->feature[i]);
    check_pair(r, i);
    k->functional[i] = read_answer(t, K_FUNCTIONAL);
    k->dysfunctional[i] = read_answer(t, K_DYSFUNCTIONAL);
    read_optional(r, i);
}

/* The table and its string tables; NULL (reported) if a malloc fails. */
static mot_kano *kano_new(mot_load *ld, const char *file)
{
    mot_kano *k = ld->p->kano = calloc(1, sizeof *k);
    if (k && (k->respondents = mot_strtab_new()) &&
        (k->features = mot_strtab_new()) && (k->segments = mot_strtab_new()))
        return k;
    mot_load_error(ld, MOT_ENOMEM, file, 0, 0, "out of memory");
    return NULL;
}

/* Read kano.csv from the folder (path NULL) or the file at path, where
** touchpoint is left to the attribute columns. */
static mot_status read_file(mot_load *ld, const char *path)
{
    ka_read r;
    mot_status st;
    memset(&r, 0, sizeof r);
    st = path ? mot_tbl_open_path(&r.t, ld, path, cols, K_TOUCHPOINT, 1)
              : mot_tbl_open(&r.t, ld, "kano", cols, K_NCOLS, 1);
    if (st != MOT_OK)
        return st;
    r.k = kano_new(ld, r.t.file);
    if (r.k && !(r.pairs = mot_strtab_new()))
        mot_load_error(ld, MOT_ENOMEM, r.t.file, 0, 0, "out of memory");
    if (r.k)
        list_arrays(&r);
    while ((st = mot_tbl_next(&r.t)) == MOT_OK)
        read_row(&r);
    if (r.k) {
        mot_shrink(r.arrays, r.narrays, r.k->n);
        mot_tbl_take_attrs(&r.t, &r.k->attrs);
    }
    mot_strtab_free(r.pairs);
    mot_seen_free(&r.seen);
    mot_tbl_close(&r.t);
    return st < 0 ? st : MOT_OK;
}

mot_status mot_load_kano(mot_load *ld)
{
    return read_file(ld, NULL);
}

mot_status mot_load_kano_file(mot_load *ld, const char *path)
{
    return read_file(ld, path);
}
