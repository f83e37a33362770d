/*
** test_svg.c: the chart module (mot/svg.h).
**
** Escaping of every XML special character, dropped control characters
** and replaced invalid UTF-8; numbers with at most two decimals; a whole
** small document (elements, groups, marker, title) byte for byte; nesting
** errors reported by mot_svg_end; scales and nice ticks; an axis; width
** estimates of Latin and Chinese text; and wrapping of English (at
** spaces, cutting a word longer than a line), Chinese (between
** characters) and mixed text, never splitting a UTF-8 sequence and never
** making a line wider than asked unless it holds a single character.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/svg.h"
#include "testutil.h"

/* A memory stream and its buffer. */
typedef struct mem {
    FILE *f;
    char *s;
    size_t len;
} mem;

static void mem_open(mem *m)
{
    m->s = NULL;
    m->len = 0;
    m->f = open_memstream(&m->s, &m->len);
    assert_non_null(m->f);
}

/* Close m and return its text (the caller frees it). */
static char *mem_close(mem *m)
{
    assert_int_equal(fclose(m->f), 0);
    return m->s;
}

static char *escaped(const char *in, size_t len)
{
    mem m;
    mem_open(&m);
    assert_int_equal(mot_svg_escape(m.f, in, len), 0);
    return mem_close(&m);
}

static void test_escape(void **state)
{
    (void)state;
    char *s = escaped("a<b>&\"c\" 'd'", (size_t)-1);
    assert_string_equal(s, "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;");
    free(s);
    s = escaped("营业厅\x01\x1f\tok\n", (size_t)-1);
    assert_string_equal(s, "营业厅\tok\n");
    free(s);
    s = escaped("x\xff\xc3y", (size_t)-1);    /* invalid bytes */
    assert_string_equal(s, "x\xef\xbf\xbd\xef\xbf\xbdy");
    free(s);
    s = escaped("abc<def", 4);                 /* len bytes only */
    assert_string_equal(s, "abc&lt;");
    free(s);
}

static char *number(double x)
{
    mem m;
    mem_open(&m);
    mot_svg_number(m.f, x);
    return mem_close(&m);
}

static void test_number(void **state)
{
    (void)state;
    static const struct { double x; const char *s; } cases[] = {
        {12, "12"}, {3.5, "3.5"}, {-0.25, "-0.25"}, {1.005001, "1.01"},
        {-0.001, "0"}, {0, "0"}, {1e6, "1000000"}, {2.999, "3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = number(cases[i].x);
        assert_string_equal(s, cases[i].s);
        free(s);
    }
    char *s = number(NAN);
    assert_string_equal(s, "0");
    free(s);
}

static void test_document(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    mot_svg s;
    mot_svg_begin(&s, m.f, 200, 100.5, ".a{fill:red}\n");
    mot_svg_arrow_marker(&s, "arr", "head");
    mot_svg_group(&s, "g1");
    mot_svg_title(&s, "A & B");
    mot_svg_rect(&s, 1, 2, 3, 4, 2, "a");
    mot_svg_line(&s, 0, 0, 10.126, 10, NULL);
    mot_svg_circle(&s, 5, 5, 2, "c");
    mot_svg_path(&s, "M0 0L1 1", "arr", "l");
    mot_svg_text(&s, 3, 4, MOT_SVG_MIDDLE, "t", "<首>", (size_t)-1);
    mot_svg_group_end(&s);
    assert_int_equal(mot_svg_end(&s), MOT_OK);
    char *out = mem_close(&m);
    assert_string_equal(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" "
        "height=\"100.5\" viewBox=\"0 0 200 100.5\">\n"
        "<style><![CDATA[\n.a{fill:red}\n]]></style>\n"
        "<defs><marker id=\"arr\" viewBox=\"0 0 10 10\" refX=\"9\" "
        "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        "orient=\"auto-start-reverse\"><path class=\"head\" "
        "d=\"M0 0L10 5L0 10z\"/></marker></defs>\n"
        "<g class=\"g1\">\n"
        "<title>A &amp; B</title>\n"
        "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" rx=\"2\" "
        "class=\"a\"/>\n"
        "<line x1=\"0\" y1=\"0\" x2=\"10.13\" y2=\"10\"/>\n"
        "<circle cx=\"5\" cy=\"5\" r=\"2\" class=\"c\"/>\n"
        "<path d=\"M0 0L1 1\" marker-end=\"url(#arr)\" class=\"l\"/>\n"
        "<text x=\"3\" y=\"4\" text-anchor=\"middle\" "
        "class=\"t\">&lt;首&gt;</text>\n"
        "</g>\n"
        "</svg>\n");
    free(out);
}

static void test_nesting_errors(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    mot_svg s;
    mot_svg_begin(&s, m.f, 10, 10, NULL);
    mot_svg_group(&s, NULL);
    assert_int_equal(mot_svg_end(&s), MOT_EUSAGE);     /* left open */
    mot_svg_begin(&s, m.f, 10, 10, NULL);
    mot_svg_group_end(&s);
    assert_int_equal(mot_svg_end(&s), MOT_EUSAGE);     /* closed too often */
    mot_svg_begin(&s, m.f, 10, 10, "a]]>b");
    assert_int_equal(mot_svg_end(&s), MOT_EUSAGE);     /* unsafe CSS */
    free(mem_close(&m));
}

static void test_scale_and_ticks(void **state)
{
    (void)state;
    mot_svg_scale sc = {1, 5, 100, 0};     /* y axis: 1 at the bottom */
    assert_true(fabs(mot_svg_scale_map(&sc, 1) - 100) < 1e-12);
    assert_true(fabs(mot_svg_scale_map(&sc, 5) - 0) < 1e-12);
    assert_true(fabs(mot_svg_scale_map(&sc, 2) - 75) < 1e-12);
    mot_svg_scale flat = {3, 3, 0, 50};
    assert_true(fabs(mot_svg_scale_map(&flat, 9) - 25) < 1e-12);

    double t[16];
    size_t n = mot_svg_ticks(1, 5, 4, t, 16);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++)
        assert_true(fabs(t[i] - (double)(i + 1)) < 1e-12);
    n = mot_svg_ticks(0, 1, 5, t, 16);     /* steps of 0.2 */
    assert_int_equal(n, 6);
    assert_true(t[0] == 0);
    assert_true(fabs(t[3] - 0.6) < 1e-12);
    n = mot_svg_ticks(-37, 112, 5, t, 16); /* steps of 20 */
    assert_int_equal(n, 7);
    assert_true(t[0] == -20 && t[1] == 0 && t[6] == 100);
    n = mot_svg_ticks(0, 4000, 5, t, 16);  /* steps of 1000 */
    assert_int_equal(n, 5);
    assert_true(t[4] == 4000);
    n = mot_svg_ticks(0, 100, 10, t, 3);   /* at most max */
    assert_int_equal(n, 3);
    assert_int_equal(mot_svg_ticks(2, 2, 5, t, 16), 0);
    assert_int_equal(mot_svg_ticks(0, NAN, 5, t, 16), 0);
    assert_int_equal(mot_svg_ticks(0, 1, 0, t, 16), 0);
}

static void test_axis(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    mot_svg s;
    mot_svg_begin(&s, m.f, 100, 100, NULL);
    mot_svg_scale sc = {0, 1, 10, 90};
    mot_svg_axis(&s, &sc, MOT_SVG_BOTTOM, 80, 2, "%.1f", "axis");
    assert_int_equal(mot_svg_end(&s), MOT_OK);
    char *out = mem_close(&m);
    assert_non_null(strstr(out, "<g class=\"axis\">\n"
                                "<line x1=\"10\" y1=\"80\" x2=\"90\" "
                                "y2=\"80\"/>\n"));
    assert_non_null(strstr(out, ">0.0</text>"));
    assert_non_null(strstr(out, "<text x=\"50\" y=\"97\" "
                                "text-anchor=\"middle\">0.5</text>"));
    assert_non_null(strstr(out, ">1.0</text>"));
    free(out);
}

static void test_width(void **state)
{
    (void)state;
    double col = MOT_SVG_COLUMN_EM * 10;
    assert_true(fabs(mot_svg_text_width("abcd", (size_t)-1, 10) - 4 * col) <
                1e-9);
    /* a Chinese character is two columns */
    assert_true(fabs(mot_svg_text_width("首月账单", (size_t)-1, 10) -
                     8 * col) < 1e-9);
    assert_true(fabs(mot_svg_text_width("App 查询", (size_t)-1, 10) -
                     8 * col) < 1e-9);
}

/* Wrap `text` to `width` at font size fs and check every line: whole
** UTF-8 sequences, no wider than width unless one character, no spaces
** at either end, and the count without room for lines is the same.
** Returns the lines joined with '|' (a static buffer). */
static const char *wrap(const char *text, double fs, double width)
{
    static char joined[1024];
    mot_svg_span sp[64];
    size_t n = mot_svg_wrap(text, fs, width, sp, 64);
    assert_true(n <= 64);
    assert_int_equal(mot_svg_wrap(text, fs, width, NULL, 0), n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *u = (const unsigned char *)text + sp[i].start;
        size_t len = sp[i].len;
        assert_true(len > 0);
        assert_true((u[0] & 0xC0) != 0x80);               /* starts whole */
        assert_true(sp[i].start + len == strlen(text) ||
                    (u[len] & 0xC0) != 0x80);             /* ends whole */
        assert_true(u[0] != ' ' && u[len - 1] != ' ');
        double w = mot_svg_text_width((const char *)u, len, fs);
        size_t chars = 0;
        for (size_t j = 0; j < len; j++)
            chars += (u[j] & 0xC0) != 0x80;
        assert_true(w <= width + 1e-9 || chars == 1);
        if (i)
            joined[k++] = '|';
        memcpy(joined + k, u, len);
        k += len;
    }
    joined[k] = '\0';
    return joined;
}

static void test_wrap_english(void **state)
{
    (void)state;
    /* 6 px per column at 10 px: 60 px hold 10 columns */
    assert_string_equal(wrap("Repair callback visit", 10, 60),
                        "Repair|callback|visit");
    assert_string_equal(wrap("a bc def", 10, 60), "a bc def");
    assert_string_equal(wrap("  lead  and trail  ", 10, 60),
                        "lead  and|trail");
    /* a word longer than a line is cut between letters */
    assert_string_equal(wrap("Telecommunications", 10, 60),
                        "Telecommun|ications");
    assert_int_equal(mot_svg_wrap("", 10, 60, NULL, 0), 0);
    assert_int_equal(mot_svg_wrap("   ", 10, 60, NULL, 0), 0);
}

static void test_wrap_chinese(void **state)
{
    (void)state;
    /* 60 px hold 5 Chinese characters at 10 px */
    assert_string_equal(wrap("宽带装机上门服务预约与确认", 10, 60),
                        "宽带装机上|门服务预约|与确认");
    assert_string_equal(wrap("首月账单", 10, 60), "首月账单");
    /* mixed: breaks between Chinese and Latin, and at spaces */
    assert_string_equal(wrap("App查询账单明细 online", 10, 60),
                        "App查询账|单明细|online");
    /* narrower than one character: one character a line */
    assert_string_equal(wrap("首月账单", 10, 5), "首|月|账|单");
    /* an invalid byte is one column and never breaks a sequence */
    assert_string_equal(wrap("ab\xff" "cd首月", 10, 30), "ab\xff" "cd|首月");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_number),
        cmocka_unit_test(test_document),
        cmocka_unit_test(test_nesting_errors),
        cmocka_unit_test(test_scale_and_ticks),
        cmocka_unit_test(test_axis),
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_wrap_english),
        cmocka_unit_test(test_wrap_chinese),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
