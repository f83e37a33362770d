/*
** analysis_md.c: the moment-of-truth report as Markdown.
**
** Lays out the document of analysis_doc.c for pasting into documents: the
** title as "#", sections as "##", numbered and bulleted lists, and pipe
** tables (CommonMark with the GitHub table extension) whose numeric
** columns are right-aligned. A "|" inside a cell is escaped, and so is a
** paragraph's first character where Markdown would take it for a list
** mark; otherwise prose is written as it is.
*/
#include <string.h>

#include "report/internal.h"

static void put_cell(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputc('\\', f);
        fputc(*s, f);
    }
}

/* A paragraph, its first character escaped where Markdown would read it
** as a list item, heading or quote ("* note" stays a paragraph). */
static void put_para(FILE *f, const char *s)
{
    if (*s && strchr("*-+#>", *s))
        fputc('\\', f);
    fprintf(f, "%s\n", s);
}

static void put_table(FILE *f, const mot_table *t)
{
    size_t rows = mot_table_rows(t), cols = mot_table_cols(t);
    for (size_t r = 0; r < rows; r++) {
        fputc('|', f);
        for (size_t c = 0; c < cols; c++) {
            fputc(' ', f);
            put_cell(f, mot_table_cell(t, r, c));
            fputs(" |", f);
        }
        fputc('\n', f);
        if (r == 0) {
            fputc('|', f);
            for (size_t c = 0; c < cols; c++)
                fputs(mot_table_right(t, c) ? " --: |" : " --- |", f);
            fputc('\n', f);
        }
    }
}

mot_status mot_doc_layout_md(const mot_doc *d, FILE *f)
{
    for (size_t i = 0; i < d->n; i++) {
        const mot_block *b = &d->block[i];
        if (b->kind == MOT_BLOCK_FIGURE)   /* drawn in HTML only */
            continue;
        if (mot_doc_blank_before(d, i))
            fputc('\n', f);
        switch (b->kind) {
        case MOT_BLOCK_TITLE:
            fprintf(f, "# %s\n", b->text);
            break;
        case MOT_BLOCK_HEADING:
            fprintf(f, "## %s\n", b->text);
            break;
        case MOT_BLOCK_PARA:
            put_para(f, b->text);
            break;
        case MOT_BLOCK_ITEM:
            fprintf(f, "%d. %s\n", mot_doc_item_number(d, i), b->text);
            break;
        case MOT_BLOCK_BULLET:
            fprintf(f, "- %s\n", b->text);
            break;
        case MOT_BLOCK_TABLE:
            put_table(f, b->table);
            break;
        case MOT_BLOCK_FIGURE:
            break;
        }
    }
    return ferror(f) ? MOT_EIO : MOT_OK;
}

mot_status mot_report_md(const mot_project *p, const mot_analysis *a,
                         FILE *f, mot_lang lang)
{
    return mot_report_render(p, a, lang, 0, mot_doc_layout_md, f);
}

mot_status mot_report_peak_end_md(const mot_project *p, const mot_analysis *a,
                                  FILE *f, mot_lang lang)
{
    return mot_report_render(p, a, lang, 1, mot_doc_layout_md, f);
}
