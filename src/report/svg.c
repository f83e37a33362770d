/*
** svg.c: the chart module (mot/svg.h): an SVG writer, linear scales and
** axes, and text measurement and wrapping for Latin and CJK text.
**
** Every element is written by one function that escapes its text and
** formats its numbers the same way (two decimals at most), so documents
** are byte-for-byte reproducible. Text layout works in display columns
** (mot_text_width) converted to user units by the font size; see the
** header for the estimate.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "mot/report.h"
#include "mot/svg.h"

/* ---- writing ------------------------------------------------------------ */

/* Nonzero when s may write: no failure so far. */
static int live(mot_svg *s)
{
    if (s->status == MOT_OK && ferror(s->f))
        s->status = MOT_EIO;
    return s->status == MOT_OK;
}

void mot_svg_number(FILE *f, double x)
{
    if (!isfinite(x))
        x = 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%.2f", x);
    char *end = buf + strlen(buf);
    while (end[-1] == '0')
        *--end = '\0';
    if (end[-1] == '.')
        *--end = '\0';
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    fputs(buf, f);
}

int mot_svg_escape(FILE *f, const char *text, size_t len)
{
    if (len == (size_t)-1)
        len = strlen(text);
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(
            (const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i),
            &cp);
        if (k <= 0) {           /* invalid byte: the replacement character */
            fputs("\xef\xbf\xbd", f);
            i++;
            continue;
        }
        switch (cp) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        default:
            /* XML 1.0 allows no control characters but tab and newlines,
            ** nor U+FFFE and U+FFFF */
            if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
                cp == 0xFFFE || cp == 0xFFFF)
                break;
            fwrite(text + i, 1, (size_t)k, f);
        }
        i += (size_t)k;
    }
    return ferror(f);
}

/* Write ` name="value"` with the value escaped; nothing for a NULL value. */
static void attr(FILE *f, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(f, " %s=\"", name);
    mot_svg_escape(f, value, (size_t)-1);
    fputc('"', f);
}

/* Write ` name="x"` for a number. */
static void num_attr(FILE *f, const char *name, double x)
{
    fprintf(f, " %s=\"", name);
    mot_svg_number(f, x);
    fputc('"', f);
}

void mot_svg_begin(mot_svg *s, FILE *f, double width, double height,
                   const char *style)
{
    s->f = f;
    s->depth = 0;
    s->status = MOT_OK;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<svg xmlns=\"http://www.w3.org/2000/svg\"", f);
    num_attr(f, "width", width);
    num_attr(f, "height", height);
    fputs(" viewBox=\"0 0 ", f);
    mot_svg_number(f, width);
    fputc(' ', f);
    mot_svg_number(f, height);
    fputs("\">\n", f);
    if (style) {
        /* CSS needs no escaping inside CDATA, unless it holds "]]>" */
        if (strstr(style, "]]>"))
            s->status = MOT_EUSAGE;
        else
            fprintf(f, "<style><![CDATA[\n%s]]></style>\n", style);
    }
    live(s);
}

mot_status mot_svg_end(mot_svg *s)
{
    if (live(s) && s->depth != 0)
        s->status = MOT_EUSAGE;
    if (s->status == MOT_OK) {
        fputs("</svg>\n", s->f);
        live(s);
    }
    return s->status;
}

void mot_svg_group(mot_svg *s, const char *cls)
{
    if (!live(s))
        return;
    if (s->depth >= MOT_SVG_MAX_DEPTH) {
        s->status = MOT_EUSAGE;
        return;
    }
    s->depth++;
    fputs("<g", s->f);
    attr(s->f, "class", cls);
    fputs(">\n", s->f);
}

void mot_svg_group_end(mot_svg *s)
{
    if (!live(s))
        return;
    if (s->depth == 0) {
        s->status = MOT_EUSAGE;
        return;
    }
    s->depth--;
    fputs("</g>\n", s->f);
}

void mot_svg_title(mot_svg *s, const char *text)
{
    if (!live(s))
        return;
    fputs("<title>", s->f);
    mot_svg_escape(s->f, text, (size_t)-1);
    fputs("</title>\n", s->f);
}

void mot_svg_arrow_marker(mot_svg *s, const char *id, const char *cls)
{
    if (!live(s))
        return;
    fputs("<defs><marker", s->f);
    attr(s->f, "id", id);
    fputs(" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
          " markerHeight=\"7\" orient=\"auto-start-reverse\"><path", s->f);
    attr(s->f, "class", cls);
    fputs(" d=\"M0 0L10 5L0 10z\"/></marker></defs>\n", s->f);
}

void mot_svg_rect(mot_svg *s, double x, double y, double w, double h,
                  double rx, const char *cls)
{
    if (!live(s))
        return;
    fputs("<rect", s->f);
    num_attr(s->f, "x", x);
    num_attr(s->f, "y", y);
    num_attr(s->f, "width", w);
    num_attr(s->f, "height", h);
    if (rx > 0)
        num_attr(s->f, "rx", rx);
    attr(s->f, "class", cls);
    fputs("/>\n", s->f);
}

void mot_svg_line(mot_svg *s, double x1, double y1, double x2, double y2,
                  const char *cls)
{
    if (!live(s))
        return;
    fputs("<line", s->f);
    num_attr(s->f, "x1", x1);
    num_attr(s->f, "y1", y1);
    num_attr(s->f, "x2", x2);
    num_attr(s->f, "y2", y2);
    attr(s->f, "class", cls);
    fputs("/>\n", s->f);
}

void mot_svg_circle(mot_svg *s, double cx, double cy, double r,
                    const char *cls)
{
    if (!live(s))
        return;
    fputs("<circle", s->f);
    num_attr(s->f, "cx", cx);
    num_attr(s->f, "cy", cy);
    num_attr(s->f, "r", r);
    attr(s->f, "class", cls);
    fputs("/>\n", s->f);
}

void mot_svg_path(mot_svg *s, const char *d, const char *marker_end,
                  const char *cls)
{
    if (!live(s))
        return;
    fputs("<path", s->f);
    attr(s->f, "d", d);
    if (marker_end) {
        fputs(" marker-end=\"url(#", s->f);
        mot_svg_escape(s->f, marker_end, (size_t)-1);
        fputs(")\"", s->f);
    }
    attr(s->f, "class", cls);
    fputs("/>\n", s->f);
}

void mot_svg_text(mot_svg *s, double x, double y, mot_svg_anchor anchor,
                  const char *cls, const char *text, size_t len)
{
    if (!live(s))
        return;
    fputs("<text", s->f);
    num_attr(s->f, "x", x);
    num_attr(s->f, "y", y);
    if (anchor == MOT_SVG_MIDDLE)
        fputs(" text-anchor=\"middle\"", s->f);
    else if (anchor == MOT_SVG_END)
        fputs(" text-anchor=\"end\"", s->f);
    attr(s->f, "class", cls);
    fputc('>', s->f);
    mot_svg_escape(s->f, text, len);
    fputs("</text>\n", s->f);
}

/* ---- scales and axes ---------------------------------------------------- */

double mot_svg_scale_map(const mot_svg_scale *sc, double x)
{
    if (sc->d1 == sc->d0)
        return (sc->r0 + sc->r1) / 2;
    return sc->r0 + (x - sc->d0) / (sc->d1 - sc->d0) * (sc->r1 - sc->r0);
}

size_t mot_svg_ticks(double lo, double hi, size_t count, double *ticks,
                       size_t max)
{
    if (!isfinite(lo) || !isfinite(hi) || !(hi > lo) || count == 0 ||
        max == 0)
        return 0;
    /* the round step nearest (hi - lo) / count */
    double raw = (hi - lo) / (double)count;
    double p = pow(10, floor(log10(raw)));
    double m = raw / p;
    double step = (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    double first = ceil(lo / step - 1e-9);
    size_t n = 0;
    for (double k = first; n < max; k++) {
        double t = k * step;
        if (t > hi + step * 1e-9)
            break;
        /* snap values like 0.30000000000000004 to the step's precision */
        ticks[n++] = fabs(t) < step * 1e-9 ? 0 : t;
    }
    return n;
}

void mot_svg_axis(mot_svg *s, const mot_svg_scale *sc, mot_svg_side side,
                  double pos, size_t count, const char *fmt, const char *cls)
{
    enum { MAXTICKS = 32 };
    double lo = sc->d0 < sc->d1 ? sc->d0 : sc->d1;
    double hi = sc->d0 < sc->d1 ? sc->d1 : sc->d0;
    double t[MAXTICKS];
    size_t n = mot_svg_ticks(lo, hi, count, t, MAXTICKS);
    mot_svg_group(s, cls);
    if (side == MOT_SVG_BOTTOM)
        mot_svg_line(s, sc->r0, pos, sc->r1, pos, NULL);
    else
        mot_svg_line(s, pos, sc->r0, pos, sc->r1, NULL);
    for (size_t i = 0; i < n; i++) {
        char label[64];
        snprintf(label, sizeof label, fmt, t[i]);
        double at = mot_svg_scale_map(sc, t[i]);
        if (side == MOT_SVG_BOTTOM) {
            mot_svg_line(s, at, pos, at, pos + 5, NULL);
            mot_svg_text(s, at, pos + 17, MOT_SVG_MIDDLE, NULL, label,
                         (size_t)-1);
        } else {
            mot_svg_line(s, pos - 5, at, pos, at, NULL);
            mot_svg_text(s, pos - 8, at + 4, MOT_SVG_END, NULL, label,
                         (size_t)-1);
        }
    }
    mot_svg_group_end(s);
}

/* ---- text layout -------------------------------------------------------- */

double mot_svg_text_width(const char *text, size_t len, double font_size)
{
    return (double)mot_text_width(text, len) * MOT_SVG_COLUMN_EM * font_size;
}

size_t mot_svg_wrap(const char *text, double font_size, double width,
                    mot_svg_span *lines, size_t max)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t len = strlen(text);
    double colw = MOT_SVG_COLUMN_EM * font_size;
    size_t n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && u[i] == ' ')      /* no line starts with a space */
            i++;
        if (i == len)
            break;
        size_t start = i;
        size_t brk = 0;     /* end of the line if broken at the last chance */
        size_t next = 0;    /* where the next line then starts */
        double w = 0;
        while (i < len) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate(u + i,
                                                  (utf8proc_ssize_t)(len - i),
                                                  &cp);
            size_t kb = k > 0 ? (size_t)k : 1;
            int cw = k > 0 ? utf8proc_charwidth(cp) : 1;
            if (cw < 0)
                cw = 0;
            if (k > 0 && cp == ' ') {
                brk = i;
                next = i + 1;
                w += cw * colw;
                i += kb;
                continue;
            }
            if (cw == 2 && i > start) {     /* a chance before a wide one */
                brk = i;
                next = i;
            }
            if (i > start && w + cw * colw > width + 1e-9) {
                if (brk > start) {          /* break at the last chance */
                    i = next;
                } else {                    /* cut the word here */
                    brk = i;
                }
                break;
            }
            w += cw * colw;
            i += kb;
            if (cw == 2) {                  /* and after it */
                brk = i;
                next = i;
            }
        }
        size_t end = i == len ? len : brk;
        while (end > start && u[end - 1] == ' ')
            end--;
        if (n < max) {
            lines[n].start = start;
            lines[n].len = end - start;
        }
        n++;
    }
    return n;
}
