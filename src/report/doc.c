/*
** doc.c: the document model the text and Markdown reports share.
**
** A mot_doc is a growing array of blocks, each owning its text or table.
** Building never stops halfway with an error to check at every step: the
** first failed malloc is remembered in d->status and later additions are
** skipped, so content code reads as a plain sequence of additions and the
** renderer checks the status once.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report/internal.h"

void mot_doc_init(mot_doc *d)
{
    memset(d, 0, sizeof *d);
    d->status = MOT_OK;
}

void mot_doc_free(mot_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->block[i].text);
        mot_table_free(d->block[i].table);
    }
    free(d->block);
    mot_doc_init(d);
}

/* Room for one more block: 1, or 0 with d->status set. */
static int grow(mot_doc *d)
{
    if (d->status != MOT_OK)
        return 0;
    if (d->n < d->cap)
        return 1;
    size_t cap = d->cap ? 2 * d->cap : 32;
    mot_block *b = realloc(d->block, cap * sizeof *b);
    if (!b) {
        d->status = MOT_ENOMEM;
        return 0;
    }
    d->block = b;
    d->cap = cap;
    return 1;
}

void mot_doc_add(mot_doc *d, mot_block_kind kind, const char *fmt, ...)
{
    if (!grow(d))
        return;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (!text) {
        d->status = MOT_ENOMEM;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, ap);
    va_end(ap);
    d->block[d->n++] = (mot_block){kind, text, NULL};
}

mot_table *mot_doc_table(mot_doc *d, size_t ncols, const int *right)
{
    if (!grow(d))
        return NULL;
    mot_table *t = mot_table_new(ncols, right);
    if (!t) {
        d->status = MOT_ENOMEM;
        return NULL;
    }
    d->block[d->n++] = (mot_block){MOT_BLOCK_TABLE, NULL, t};
    return t;
}

void mot_doc_row(mot_doc *d, mot_table *t, const char *const *cells)
{
    if (t && d->status == MOT_OK && mot_table_add(t, cells) != MOT_OK)
        d->status = MOT_ENOMEM;
}

static int is_list(mot_block_kind k)
{
    return k == MOT_BLOCK_ITEM || k == MOT_BLOCK_BULLET;
}

int mot_doc_blank_before(const mot_doc *d, size_t i)
{
    if (d->block[i].kind == MOT_BLOCK_FIGURE)
        return 0;
    /* the block before, figures left out */
    size_t j = i;
    while (j > 0 && d->block[j - 1].kind == MOT_BLOCK_FIGURE)
        j--;
    return j > 0 && !(is_list(d->block[i].kind) &&
                      d->block[i].kind == d->block[j - 1].kind);
}

int mot_doc_item_number(const mot_doc *d, size_t i)
{
    int n = 1;
    while (i > 0 && (d->block[i - 1].kind == MOT_BLOCK_ITEM ||
                     d->block[i - 1].kind == MOT_BLOCK_FIGURE)) {
        n += d->block[i - 1].kind == MOT_BLOCK_ITEM;
        i--;
    }
    return n;
}
