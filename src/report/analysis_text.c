/*
** analysis_text.c: the moment-of-truth report for a terminal.
**
** Lays out the document of analysis_doc.c (and of the survey
** instruments, survey.c): an underlined title and
** headings, prose wrapped at 78 display columns (numbered and bulleted
** items with a hanging indent), tables aligned by display width so that
** Chinese names line up (mot_table). Lines break at spaces, and between
** two characters when one of them is East Asian wide (Chinese has no
** spaces), but never before closing punctuation such as "，" or "）" nor
** after opening punctuation such as "（".
*/
#include <string.h>

#include <utf8proc.h>

#include "report/internal.h"

#define WIDTH 78          /* columns of wrapped prose */
#define INDENT 2          /* of list items and tables */

/* Closing punctuation a line must not start with, opening punctuation it
** must not end with (both sets hold ASCII and CJK forms). */
static int no_break_before(utf8proc_int32_t c)
{
    static const utf8proc_int32_t set[] = {
        ',', '.', ';', ':', '!', '?', ')', ']', '%',
        0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09,
        0x300B, 0x300D, 0x300F, 0x201D, 0x2019};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

static int no_break_after(utf8proc_int32_t c)
{
    static const utf8proc_int32_t set[] = {'(', '[', 0xFF08, 0x300A, 0x300C,
                                           0x300E, 0x201C, 0x2018};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

static int is_relation(utf8proc_int32_t c)
{
    return c == '=' || c == '<' || c == '>';
}

/* Width of code point c in columns (0 for controls and combining marks). */
static size_t char_width(utf8proc_int32_t c)
{
    int w = utf8proc_charwidth(c);
    return w > 0 ? (size_t)w : 0;
}

/* Write s as lines of at most WIDTH columns: the first line continues
** after `col` columns already written, the others start with `hang`
** spaces. A word wider than a whole line is written whole. */
static void put_wrapped(FILE *f, const char *s, size_t col, size_t hang)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *line = p;   /* start of the unwritten line */
    const unsigned char *brk = NULL; /* the line may end here ... */
    const unsigned char *next = NULL;/* ... and the next start here */
    utf8proc_int32_t prev = 0;
    size_t prev_w = 0;
    while (*p) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0) {        /* invalid byte: one column, no break */
            c = 0xFFFD;
            k = 1;
        }
        size_t w = char_width(c);
        if (c == ' ') {
            /* keep "p < 0.001" and "n = 1900" on one line */
            if (!is_relation(prev) && !is_relation(p[1])) {
                brk = p;
                next = p + 1;
            }
        } else if (p > line && (w == 2 || prev_w == 2) &&
                   !no_break_before(c) && !no_break_after(prev)) {
            brk = next = p;
        }
        if (c != ' ' && col + w > WIDTH && brk && brk > line) {
            const unsigned char *end = brk;
            while (end > line && end[-1] == ' ')
                end--;
            fwrite(line, 1, (size_t)(end - line), f);
            fprintf(f, "\n%*s", (int)hang, "");
            line = next;
            col = hang + mot_text_width((const char *)line, (size_t)(p - line));
            brk = NULL;
        }
        col += w;
        prev = c;
        prev_w = w;
        p += k;
    }
    fputs((const char *)line, f);
    fputc('\n', f);
}

/* A line of c under text as wide as the text. */
static void underline(FILE *f, const char *text, char c)
{
    fprintf(f, "%s\n", text);
    for (size_t i = mot_text_width(text, (size_t)-1); i > 0; i--)
        fputc(c, f);
    fputc('\n', f);
}

mot_status mot_doc_layout_text(const mot_doc *d, FILE *f)
{
    for (size_t i = 0; i < d->n; i++) {
        const mot_block *b = &d->block[i];
        if (b->kind == MOT_BLOCK_FIGURE)   /* drawn in HTML only */
            continue;
        if (mot_doc_blank_before(d, i))
            fputc('\n', f);
        char mark[32];
        switch (b->kind) {
        case MOT_BLOCK_TITLE:
            underline(f, b->text, '=');
            break;
        case MOT_BLOCK_HEADING:
            underline(f, b->text, '-');
            break;
        case MOT_BLOCK_PARA:
            put_wrapped(f, b->text, 0, 0);
            break;
        case MOT_BLOCK_ITEM:
        case MOT_BLOCK_BULLET:
            if (b->kind == MOT_BLOCK_ITEM)
                snprintf(mark, sizeof mark, "%*s%d. ", INDENT, "",
                         mot_doc_item_number(d, i));
            else
                snprintf(mark, sizeof mark, "%*s- ", INDENT, "");
            fputs(mark, f);
            put_wrapped(f, b->text, strlen(mark), strlen(mark));
            break;
        case MOT_BLOCK_TABLE:
            mot_table_print(b->table, f, INDENT, 1);
            break;
        case MOT_BLOCK_FIGURE:
            break;
        }
    }
    return ferror(f) ? MOT_EIO : MOT_OK;
}

mot_status mot_report_text(const mot_project *p, const mot_analysis *a,
                           FILE *f, mot_lang lang)
{
    return mot_report_render(p, a, lang, 0, mot_doc_layout_text, f);
}

mot_status mot_report_peak_end_text(const mot_project *p,
                                    const mot_analysis *a, FILE *f,
                                    mot_lang lang)
{
    return mot_report_render(p, a, lang, 1, mot_doc_layout_text, f);
}
