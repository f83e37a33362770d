/*
** html.c: the moment-of-truth report as one self-contained HTML page
** (`mot analyze --format html`).
**
** The page is the document of analysis_doc.c, the same blocks the text
** and Markdown reports lay out, so the three say the same things in the
** same order: each heading opens a <section>, paragraphs, lists and
** tables follow as they are, and every figure block is drawn where the
** content put it, by the chart of that id (mot/charts.h; "blueprint" is
** the service blueprint of mot/blueprint_svg.h). A figure is inline SVG,
** directly above the table with its exact numbers. Adding a section with
** a chart is thus: its content in analysis_doc.c with a figure block, and
** its chart in charts.c (mot_chart_find); html.c needs no change.
**
** Self-contained: one file, the style sheet inline, no script, no image,
** font or link fetched from anywhere (tooltips are SVG <title>s, shown by
** the browser). The style sheet lays it out for a laptop screen and, in
** @media print, for A4 paper (charts scaled to the page width, no figure
** or table row split across pages). Every piece of text is escaped for
** HTML. Chart SVG documents are written without their XML declaration;
** their style sheets use "c-" classes, and the blueprint's own classes
** are not used by the page.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/blueprint_svg.h"
#include "mot/charts.h"
#include "mot/mot.h"
#include "mot/svg.h"
#include "report/internal.h"

static const char page_style[] =
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#f5f7fa;color:#222;line-height:1.5;"
    "font-family:system-ui,-apple-system,\"Segoe UI\",\"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"WenQuanYi Zen Hei\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\","
    "\"PingFang SC\",sans-serif;font-size:15px}\n"
    "main{max-width:1100px;margin:0 auto;padding:24px 28px 48px;"
    "background:#fff}\n"
    "h1{font-size:26px;margin:0 0 8px;color:#1b2631}\n"
    "h2{font-size:20px;margin:32px 0 10px;padding-bottom:4px;"
    "border-bottom:2px solid #d6dde5;color:#1b2631}\n"
    "p{margin:8px 0}\n"
    "nav.toc{background:#f0f3f7;border-radius:6px;padding:8px 16px;"
    "margin:12px 0 4px;font-size:14px}\n"
    "nav.toc ol{margin:4px 0;padding-left:20px;columns:2}\n"
    "nav.toc a{color:#1f618d;text-decoration:none}\n"
    "ol.moments>li{margin:6px 0}\n"
    "figure.chart{margin:14px 0;padding:8px;border:1px solid #e3e8ee;"
    "border-radius:6px;overflow-x:auto}\n"
    "figure.chart svg{display:block;max-width:100%;height:auto}\n"
    "figure.chart.wide svg{max-width:none}\n"
    "figcaption{font-size:13px;color:#555;margin-top:4px}\n"
    "div.tbl{overflow-x:auto;margin:8px 0}\n"
    "table{border-collapse:collapse;font-size:13px}\n"
    "th,td{border-bottom:1px solid #e3e8ee;padding:4px 8px;"
    "text-align:left;vertical-align:top}\n"
    "th{background:#eef2f6;font-weight:600}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}\n"
    "footer{margin-top:32px;font-size:12px;color:#777}\n"
    "@page{size:A4;margin:14mm}\n"
    "@media print{body{background:#fff;font-size:11pt}"
    "main{max-width:none;padding:0}nav.toc{display:none}"
    "figure.chart{break-inside:avoid;border:none;padding:0;overflow:visible}"
    "figure.chart svg,figure.chart.wide svg{max-width:100%}"
    "div.tbl{overflow:visible}table{font-size:8.5pt}"
    "tr{break-inside:avoid}h2{break-after:avoid}}\n";

/* Text escaped for HTML. */
static void esc(FILE *f, const char *s)
{
    mot_svg_escape(f, s, (size_t)-1);
}

/* The SVG document in buf (len bytes) without its XML declaration. */
static void put_svg(FILE *f, const char *buf, size_t len)
{
    if (len > 5 && strncmp(buf, "<?xml", 5) == 0) {
        const char *nl = memchr(buf, '\n', len);
        if (nl) {
            len -= (size_t)(nl + 1 - buf);
            buf = nl + 1;
        }
    }
    fwrite(buf, 1, len, f);
}

/* Draw figure `id` of the report into a new string; MOT_ENOENT when it
** has nothing to show. */
static mot_status draw(const char *id, const mot_project *p,
                       const mot_analysis *a,
                       const mot_tickets_result *tk, mot_lang lang,
                       char **out, size_t *len)
{
    *out = NULL;
    FILE *m = open_memstream(out, len);
    if (!m)
        return MOT_ENOMEM;
    mot_status st;
    if (strcmp(id, "blueprint") == 0) {
        st = p->blueprint.n ? mot_blueprint_svg(&p->blueprint, a, tk, lang, m)
                            : MOT_ENOENT;
    } else {
        mot_chart_fn fn = mot_chart_find(id);
        st = fn ? fn(m, p, a, lang) : MOT_ENOENT;
    }
    if (fclose(m) != 0 && st == MOT_OK)
        st = MOT_ENOMEM;
    if (st != MOT_OK) {
        free(*out);
        *out = NULL;
    }
    return st;
}

static mot_status put_figure(FILE *f, const char *id, const mot_project *p,
                             const mot_analysis *a,
                             const mot_tickets_result *tk, mot_lang lang)
{
    char *svg;
    size_t len;
    mot_status st = draw(id, p, a, tk, lang, &svg, &len);
    if (st == MOT_ENOENT)
        return MOT_OK;
    if (st != MOT_OK)
        return st;
    char key[64];
    snprintf(key, sizeof key, "fig.%s", id);
    fprintf(f, "<figure class=\"chart%s\" data-chart=\"%s\">\n",
            strcmp(id, "blueprint") == 0 ? " wide" : "", id);
    put_svg(f, svg, len);
    fputs("<figcaption>", f);
    esc(f, mot_tr(lang, key));
    fputs("</figcaption>\n</figure>\n", f);
    free(svg);
    return MOT_OK;
}

static void put_table(FILE *f, const mot_table *t)
{
    size_t rows = mot_table_rows(t), cols = mot_table_cols(t);
    fputs("<div class=\"tbl\"><table>\n", f);
    for (size_t r = 0; r < rows; r++) {
        fputs(r == 0 ? "<thead><tr>" : "<tr>", f);
        for (size_t c = 0; c < cols; c++) {
            const char *cell = mot_table_cell(t, r, c);
            const char *tag = r == 0 ? "th" : "td";
            fprintf(f, "<%s%s>", tag,
                    mot_table_right(t, c) ? " class=\"num\"" : "");
            esc(f, cell ? cell : "");
            fprintf(f, "</%s>", tag);
        }
        fputs(r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n", f);
    }
    fputs(rows ? "</tbody></table></div>\n" : "</table></div>\n", f);
}

/* The table of contents: one link per heading. */
static void put_toc(FILE *f, const mot_doc *d, mot_lang lang)
{
    fputs("<nav class=\"toc\"><strong>", f);
    esc(f, mot_tr(lang, "html.contents"));
    fputs("</strong><ol>\n", f);
    for (size_t i = 0, k = 0; i < d->n; i++)
        if (d->block[i].kind == MOT_BLOCK_HEADING) {
            fprintf(f, "<li><a href=\"#s%zu\">", ++k);
            esc(f, d->block[i].text);
            fputs("</a></li>\n", f);
        }
    fputs("</ol></nav>\n", f);
}

mot_status mot_report_html(const mot_project *p, const mot_analysis *a,
                           const mot_tickets_result *tk, FILE *f,
                           mot_lang lang)
{
    mot_doc d;
    mot_doc_init(&d);
    mot_report_doc(&d, p, a, lang);
    if (d.status != MOT_OK) {
        mot_status st = d.status;
        mot_doc_free(&d);
        return st;
    }
    const char *title = d.n && d.block[0].kind == MOT_BLOCK_TITLE
                            ? d.block[0].text : "mot";
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
               "<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, "
               "initial-scale=1\">\n<title>",
            lang == MOT_LANG_ZH ? "zh-CN" : "en");
    esc(f, title);
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n",
            page_style);

    mot_status st = MOT_OK;
    size_t section = 0;
    int in_section = 0;
    for (size_t i = 0; i < d.n && st == MOT_OK; i++) {
        const mot_block *b = &d.block[i];
        mot_block_kind prev = i ? d.block[i - 1].kind : MOT_BLOCK_TITLE;
        /* close a list the previous blocks opened */
        if (i && prev != b->kind &&
            (prev == MOT_BLOCK_ITEM || prev == MOT_BLOCK_BULLET))
            fputs(prev == MOT_BLOCK_ITEM ? "</ol>\n" : "</ul>\n", f);
        switch (b->kind) {
        case MOT_BLOCK_TITLE:
            fputs("<header>\n<h1>", f);
            esc(f, b->text);
            fputs("</h1>\n</header>\n", f);
            break;
        case MOT_BLOCK_HEADING:
            if (!in_section)
                put_toc(f, &d, lang);
            if (in_section)
                fputs("</section>\n", f);
            fprintf(f, "<section id=\"s%zu\">\n<h2>", ++section);
            esc(f, b->text);
            fputs("</h2>\n", f);
            in_section = 1;
            break;
        case MOT_BLOCK_PARA:
            fputs("<p>", f);
            esc(f, b->text);
            fputs("</p>\n", f);
            break;
        case MOT_BLOCK_ITEM:
        case MOT_BLOCK_BULLET:
            if (prev != b->kind)
                fputs(b->kind == MOT_BLOCK_ITEM ? "<ol class=\"moments\">\n"
                                                : "<ul>\n", f);
            fputs("<li>", f);
            esc(f, b->text);
            fputs("</li>\n", f);
            break;
        case MOT_BLOCK_TABLE:
            put_table(f, b->table);
            break;
        case MOT_BLOCK_FIGURE:
            st = put_figure(f, b->text, p, a, tk, lang);
            break;
        }
    }
    if (d.n && (d.block[d.n - 1].kind == MOT_BLOCK_ITEM ||
                d.block[d.n - 1].kind == MOT_BLOCK_BULLET))
        fputs(d.block[d.n - 1].kind == MOT_BLOCK_ITEM ? "</ol>\n" : "</ul>\n",
              f);
    if (in_section)
        fputs("</section>\n", f);
    fputs("<footer>", f);
    fprintf(f, mot_tr(lang, "html.footer"), mot_version());
    fputs("</footer>\n</main>\n</body>\n</html>\n", f);
    mot_doc_free(&d);
    if (st == MOT_OK && ferror(f))
        st = MOT_EIO;
    return st;
}
