/*
** test_survey_report.c: the JSON and text renderings of KANO and SERVQUAL
** results (src/report/survey.c): the keys of DESIGN 4 with their values,
** null (never 0) for what is undefined, stable English identifiers in
** JSON whatever the language, and text tables whose columns line up with
** Chinese names (every line of a table ending in a right-aligned column
** has the same display width); the derived importance of the SERVQUAL
** dimensions (the factorial of tests/analyse/sqfactorial.h) in JSON and
** in the zone table and its sentence.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/report.h"
#include "testutil.h"
#include "analyse/sqfactorial.h"

/* Fail unless haystack contains needle. */
static void assert_has(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("\"%s\" not in:\n%s", needle, haystack);
}

/* Load the KANO text as a file of its own and analyse it. */
static mot_kano_result *kano(const char *name, const char *csv)
{
    const char *path = tu_write(tu_tmpdir(name), "kano.csv", csv,
                                (size_t)-1);
    mot_diag d;
    mot_kano *k = NULL;
    mot_kano_result *r = NULL;
    mot_error err;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_kano_load_file(&k, path, NULL, &d), MOT_OK);
    mot_diag_free(&d);
    assert_int_equal(mot_kano_analyse(k, NULL, NULL, &r, &err), MOT_OK);
    mot_kano_free(k);
    return r;
}

/* The same for SERVQUAL. */
static mot_servqual_result *servqual(const char *name, const char *csv)
{
    const char *path = tu_write(tu_tmpdir(name), "servqual.csv", csv,
                                (size_t)-1);
    mot_diag d;
    mot_servqual *s = NULL;
    mot_servqual_result *r = NULL;
    mot_error err;
    mot_diag_init(&d, 0);
    assert_int_equal(mot_servqual_load_file(&s, path, NULL, NULL, &d),
                     MOT_OK);
    mot_diag_free(&d);
    assert_int_equal(mot_servqual_analyse(s, NULL, NULL, &r, &err), MOT_OK);
    mot_servqual_free(s);
    return r;
}

/* Render with fn into a new string (compact JSON). */
static char *json_of(void (*fn)(mot_json *, const void *), const void *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    mot_json j;
    assert_non_null(f);
    mot_json_init(&j, f, 0);
    fn(&j, r);
    assert_int_equal(mot_json_finish(&j), MOT_OK);
    fclose(f);
    return buf;
}

static void kano_json(mot_json *j, const void *r)
{
    mot_report_kano_json(j, r);
}

static void servqual_json(mot_json *j, const void *r)
{
    mot_report_servqual_json(j, r);
}

static void test_kano_json(void **state)
{
    (void)state;
    /* wifi: one O (like/dislike), one Q (like/like); 报修: all Q */
    mot_kano_result *r = kano("rep_kano", "respondent_id,feature,functional,"
                              "dysfunctional\nR1,wifi,1,5\nR2,wifi,1,1\n"
                              "R1,报修,5,5\n");
    char *s = json_of(kano_json, r);
    assert_has(s, "{\"features\":[{\"feature\":\"wifi\",\"touchpoint\":null,"
                  "\"touchpoint_name\":null,\"n\":2,\"counts\":{\"A\":0,"
                  "\"O\":1,\"M\":0,\"I\":0,\"R\":0,\"Q\":1},\"shares\":{"
                  "\"A\":0,\"O\":0.5,\"M\":0,\"I\":0,\"R\":0,\"Q\":0.5},"
                  "\"category\":\"O\",\"mode\":\"O\",\"category_name\":"
                  "\"one_dimensional\",\"better\":1,\"better_ci\":[");
    assert_has(s, "\"worse\":-1,\"worse_ci\":[-1,");
    assert_has(s, "\"fong\":{\"first\":\"O\",\"second\":null,"
                  "\"difference\":1,");
    assert_has(s, "\"importance\":null}");
    /* all Q: undefined coefficients are null, not 0 */
    assert_has(s, "{\"feature\":\"报修\"");
    assert_has(s, "\"category\":\"Q\",\"mode\":\"Q\",\"category_name\":"
                  "\"questionable\",\"better\":null,\"better_ci\":[null,null],"
                  "\"worse\":null,\"worse_ci\":[null,null]");
    assert_has(s, "\"significant\":null}");
    assert_has(s, "],\"respondents\":2,\"answers\":3,\"tie_rule\":{\"order\":"
                  "\"M>O>A>I\",\"close\":0.05},\"level\":0.95}");
    free(s);
    mot_kano_result_free(r);
}

static void test_servqual_json(void **state)
{
    (void)state;
    mot_servqual_result *r = servqual("rep_sq", "respondent_id,item,"
                                      "expectation,perception\n"
                                      "R1,1,6,5\nR2,1,7,5\n");
    char *s = json_of(servqual_json, r);
    assert_has(s, "{\"dimensions\":[{\"dimension\":\"tangibles\",\"items\":1,"
                  "\"n\":2,\"expectation\":6.5,\"expectation_ci\":[");
    assert_has(s, "\"perception\":5,\"perception_ci\":[5,5],\"gap\":-1.5,");
    assert_has(s, "\"msa\":null,\"msa_ci\":[null,null],\"mss\":null,"
                  "\"mss_ci\":[null,null],\"alpha\":{\"expectation\":null,"
                  "\"perception\":null,\"items\":1,");
    assert_has(s, "\"zone\":null,\"weight\":null,\"weight_ci\":[null,null],"
                  "\"importance\":null,\"importance_ci\":[null,null],"
                  "\"ipa\":null,\"touchpoints\":[]}],\"weighted_score\":null,"
                  "\"weighted_ci\":[null,null],\"weighted_n\":0,"
                  "\"unweighted_score\":-1.5,");
    assert_has(s, "\"respondents\":2,\"importance_source\":null,"
                  "\"derived_importance\":null,\"ipa\":null,\"items\":[{\"item\":\"1\","
                  "\"dimension\":\"tangibles\",\"n\":2,");
    assert_has(s, "\"level\":0.95}");
    /* only the dimensions in the data */
    assert_null(strstr(s, "reliability"));
    free(s);
    mot_servqual_result_free(r);
}

/* Every line of the first table in text (from its header line, which
** contains `header`, to the first empty line) has the display width of
** the rule under the header. */
static void assert_table_aligned(const char *text, const char *header)
{
    const char *line = strstr(text, header);
    assert_non_null(line);
    while (line > text && line[-1] != '\n')
        line--;
    size_t width = 0, rows = 0;
    for (;;) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        if (end == line)
            break;
        size_t w = mot_text_width(line, (size_t)(end - line));
        if (rows++ == 0)
            width = w;
        else if (w != width)
            fail_msg("line %zu is %zu columns, not %zu:\n%s", rows, w, width,
                     text);
        line = end + 1;
    }
    assert_true(rows >= 3);
}

static void test_text_aligns_chinese(void **state)
{
    (void)state;
    mot_servqual_result *r = servqual("rep_sq_text",
        "respondent_id,item,expectation,perception,dimension\n"
        "R1,服务态度,6,5,empathy\nR2,服务态度,7,5,empathy\n"
        "R1,响应速度很快,6,4,responsiveness\n"
        "R2,响应速度很快,6,5,responsiveness\n");
    for (int zh = 0; zh < 2; zh++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        assert_int_equal(mot_report_servqual_text(f, r, zh ? "zh" : "en"),
                         MOT_OK);
        fclose(f);
        assert_table_aligned(buf, zh ? "维度" : "dimension");
        assert_has(buf, zh ? "移情性" : "empathy");
        assert_has(buf, "响应速度很快");
        free(buf);
    }
    mot_servqual_result_free(r);

    mot_kano_result *k = kano("rep_kano_text", "respondent_id,feature,"
                              "functional,dysfunctional,importance\n"
                              "R1,免费无线网络,1,5,4\nR1,wifi,2,5,5\n"
                              "R2,wifi,3,3,3\nR3,wifi,2,5,5\n");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(mot_report_kano_text(f, k, "zh"), MOT_OK);
    fclose(f);
    assert_table_aligned(buf, "  功能 ");
    assert_has(buf, "M 必备");
    assert_has(buf, "O 期望");
    free(buf);
    mot_kano_result_free(k);
}

static void test_servqual_derived(void **state)
{
    (void)state;
    char *answers = sqf_answers("R", "overall");
    mot_servqual_result *r = servqual("rep_sq_derived", answers);
    free(answers);
    /* the numbers are mot_servqual_analyse's (test_servqual_analysis.c);
    ** rendered here with the keys and words that name them */
    r->dims[MOT_DIM_TANGIBLES].importance = 0.6;
    r->dims[MOT_DIM_TANGIBLES].importance_lo = 0.375;
    r->dims[MOT_DIM_TANGIBLES].importance_hi = 0.625;
    r->derived.r2 = 0.9375;
    r->derived.failed = 7;
    char *s = json_of(servqual_json, r);
    assert_has(s, "\"weight\":null,\"weight_ci\":[null,null],\"importance\":0.6,"
                  "\"importance_ci\":[0.375,0.625],"
                  "\"ipa\":\"concentrate_here\"");
    assert_has(s, "\"importance_source\":\"derived\",\"derived_importance\":"
                  "{\"method\":\"lmg\",\"outcome\":\"servqual.csv\","
                  "\"n\":8,\"r2\":0.9375,\"bootstrap\":200,"
                  "\"bootstrap_failed\":7},\"ipa\":{\"importance\":"
                  "\"derived\",\"performance\":\"perception\",");
    free(s);
    for (int zh = 0; zh < 2; zh++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        assert_int_equal(mot_report_servqual_text(f, r, zh ? "zh" : "en"),
                         MOT_OK);
        fclose(f);
        assert_has(buf, zh ? "重要度  区间" : "importance  interval");
        assert_has(buf, "0.60  [0.38, 0.62]");
        /* undo the wrapping of the prose: at a space in English, anywhere
        ** in Chinese */
        for (char *c = buf, *o = buf;; c++) {
            if (*c != '\n' || !zh)
                *o++ = *c == '\n' ? ' ' : *c;
            if (!*c)
                break;
        }
        assert_has(buf, zh ? "R² = 0.938，n = 8" : "R² = 0.938, n = 8");
        assert_has(buf, zh ? "200 次 bootstrap" : "200 bootstrap replicates "
                                                 "(7 could not");
        assert_has(buf, zh ? "重要度 = 推导重要度" : "importance = derived");
        free(buf);
    }
    mot_servqual_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kano_json),
        cmocka_unit_test(test_servqual_json),
        cmocka_unit_test(test_text_aligns_chinese),
        cmocka_unit_test(test_servqual_derived),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
