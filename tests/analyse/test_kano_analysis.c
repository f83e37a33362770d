/*
** test_kano_analysis.c: the KANO analysis (src/analyse/kano.c) against
** values computed elsewhere (METHODS-NOTES 1):
**   - the 25 cells of the evaluation table of Berger et al. (1993), as
**     printed in the stp25kano README, and their composition Q 2, A 3,
**     O 1, M 3, I 9, R 7 [C]: the same 25 pairs read from a file in words;
**   - the published stp25kano table (five attributes, n = 296 each [V]):
**     mode, category by M > O > A > I, total and category strength,
**     Better, Worse and Fong's verdict, to the printed digits;
**   - the 31-respondent stp25stat example [C]: attribute 2 (M, Better
**     0.24, Worse -0.92), attribute 6 (A, 0.8636, -0.2273), attribute 10
**     (every answer R: Better and Worse undefined);
**   - hand-made ties at and around the threshold, all-Q and all-R
**     features; Wilson intervals of Better and Worse against R's
**     prop.test(correct = FALSE); the mean importance against R's t.test;
**     segments; the touchpoint of a feature from each of its three
**     sources.
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

#include "mot/mot.h"
#include "testutil.h"
#include "read/loadutil.h"

/* |got - want| <= tol, else fail saying both (NAN fails). */
static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.15g, want %.15g (abs tol %g)", got, want, tol);
}

/* ---- building answer files ------------------------------------------------ */

/* A kano.csv being written in memory, and a respondent counter. */
typedef struct ku_file {
    FILE *f;
    char *text;
    size_t len;
    unsigned long next_respondent;
} ku_file;

/* Start a file whose header line is `header`. */
static void ku_start(ku_file *k, const char *header)
{
    k->text = NULL;
    k->len = 0;
    k->next_respondent = 1;
    k->f = open_memstream(&k->text, &k->len);
    assert_non_null(k->f);
    fprintf(k->f, "%s\n", header);
}

/* The text of a (functional, dysfunctional) pair that is in category c:
** one cell of the evaluation table, spelt in numbers or words. */
static const char *ku_pair(char c)
{
    switch (c) {
    case 'A': return "1,3";
    case 'O': return "like,dislike";
    case 'M': return "must-be,5";
    case 'I': return "3,live-with";
    case 'R': return "不喜欢,喜欢";
    case 'Q': return "1,1";
    }
    fail_msg("no category %c", c);
    return NULL;
}

/* Append `count` answers of category c about feature, each by a new
** respondent, followed by `extra` (more fields, or ""). */
static void ku_answers(ku_file *k, const char *feature, char c,
                       unsigned long count, const char *extra)
{
    for (unsigned long i = 0; i < count; i++)
        fprintf(k->f, "P%lu,%s,%s%s\n", k->next_respondent++, feature,
                ku_pair(c), extra);
}

/* Append answers of feature in the counts M, O, A, I, R, Q (the column
** order of the published tables). */
static void ku_counts(ku_file *k, const char *feature,
                      const unsigned long counts[6])
{
    static const char order[] = "MOAIRQ";
    for (int c = 0; c < 6; c++)
        ku_answers(k, feature, order[c], counts[c], "");
}

/* Write the file as MOT_TEST_TMP/<name>/kano.csv and read it on its own;
** the test fails with every message when it does not load. */
static mot_kano *ku_load(ku_file *k, const char *name)
{
    assert_int_equal(fclose(k->f), 0);
    const char *path = tu_write(tu_tmpdir(name), "kano.csv", k->text, k->len);
    free(k->text);
    mot_diag d;
    mot_kano *out = NULL;
    mot_diag_init(&d, 0);
    mot_status st = mot_kano_load_file(&out, path, NULL, &d);
    for (size_t i = 0; i < d.n; i++) {
        char buf[1200];
        mot_error_format(&d.items[i], buf, sizeof buf);
        print_error("%s\n", buf);
    }
    mot_diag_free(&d);
    if (st != MOT_OK)
        fail_msg("%s did not load: %s", path, mot_strerror(st));
    return out;
}

/* Analyse k with tie threshold `close`, by segment when asked. */
static mot_kano_result *ku_analyse(const mot_kano *k,
                                   const mot_blueprint *b, double close,
                                   int by_segment)
{
    mot_kano_options o;
    mot_kano_result *r = NULL;
    mot_error err;
    mot_kano_options_default(&o);
    o.close = close;
    o.by_segment = by_segment;
    if (mot_kano_analyse(k, b, &o, &r, &err) != MOT_OK)
        fail_msg("analysis failed: %s", err.message);
    return r;
}

/* The statistics of the feature named name. */
static const mot_kano_stats *ku_stats(const mot_kano_result *r,
                                      const char *name)
{
    for (size_t i = 0; i < r->nfeatures; i++)
        if (strcmp(r->features[i].name, name) == 0)
            return &r->features[i].all;
    fail_msg("no feature %s", name);
    return NULL;
}

/* The category of a letter. */
static mot_kano_category cat(char c)
{
    const char *letters = "AOMIRQ";
    const char *p = strchr(letters, c);
    assert_non_null(p);
    return (mot_kano_category)(p - letters);
}

/* ---- the evaluation table ------------------------------------------------- */

/* Rows: functional like .. dislike; columns: dysfunctional like ..
** dislike; as printed in the stp25kano README (METHODS-NOTES 1). */
static const char *const berger[5] = {"QAAAO", "RIIIM", "RIIIM", "RIIIM",
                                      "RRRRQ"};

static void test_evaluation_table(void **state)
{
    (void)state;
    int composition[MOT_KANO_NCAT] = {0};
    for (int f = 1; f <= 5; f++)
        for (int d = 1; d <= 5; d++) {
            mot_kano_category c = mot_kano_evaluate(f, d);
            assert_int_equal(c, cat(berger[f - 1][d - 1]));
            composition[c]++;
        }
    /* Q 2, A 3, O 1, M 3, I 9, R 7 */
    assert_int_equal(composition[MOT_KANO_Q], 2);
    assert_int_equal(composition[MOT_KANO_A], 3);
    assert_int_equal(composition[MOT_KANO_O], 1);
    assert_int_equal(composition[MOT_KANO_M], 3);
    assert_int_equal(composition[MOT_KANO_I], 9);
    assert_int_equal(composition[MOT_KANO_R], 7);
    assert_int_equal(mot_kano_evaluate(0, 3), MOT_KANO_NONE);
    assert_int_equal(mot_kano_evaluate(3, 6), MOT_KANO_NONE);
    assert_string_equal(mot_kano_letter(MOT_KANO_O), "O");
    assert_string_equal(mot_kano_letter(MOT_KANO_NONE), "");
    assert_string_equal(mot_kano_category_name(MOT_KANO_M), "must_be");
}

/* The stp25 example attribute f1/d1: one respondent per cell, answers
** written as English and Chinese words, gives the composition above. */
static void test_all_cells_from_a_file(void **state)
{
    (void)state;
    static const char *const en[5] = {"like", "must-be", "neutral",
                                      "live-with", "dislike"};
    static const char *const zh[5] = {"喜欢", "理所当然", "无所谓", "能忍受",
                                      "不喜欢"};
    ku_file f;
    ku_start(&f, "respondent_id,feature,functional,dysfunctional");
    for (int i = 0; i < 25; i++)
        fprintf(f.f, "R%d,f1,%s,%s\n", i, en[i / 5], zh[i % 5]);
    mot_kano *k = ku_load(&f, "ka_cells");
    mot_kano_result *r = ku_analyse(k, NULL, 0.05, 0);
    const mot_kano_stats *s = &r->features[0].all;
    const uint64_t want[MOT_KANO_NCAT] = {3, 1, 3, 9, 7, 2}; /* A O M I R Q */
    assert_int_equal(s->n, 25);
    for (int c = 0; c < MOT_KANO_NCAT; c++)
        assert_int_equal(s->count[c], want[c]);
    /* I 9 is the mode; R 7 is 8 points behind: not close at 5 */
    assert_int_equal(s->mode, MOT_KANO_I);
    assert_int_equal(s->category, MOT_KANO_I);
    /* Better 4/16, Worse -4/16 by hand */
    assert_abs(s->better, 0.25, 1e-15);
    assert_abs(s->worse, -0.25, 1e-15);
    mot_kano_result_free(r);
    mot_kano_free(k);
}

/* ---- the published table ---------------------------------------------------- */

typedef struct published {
    const char *name;
    unsigned long counts[6];   /* M O A I R Q */
    char mode, category;
    int total_pct, strength_pct;
    double better, worse;
    double fong_difference, fong_threshold;
    int significant;
} published;

/* stp4/stp25kano README (METHODS-NOTES 1), n = 296 per attribute. */
static const published stp25kano[] = {
    {"Service app", {95, 123, 45, 33, 0, 0}, 'O', 'O', 89, 9, 0.568, -0.736,
     28, 19.4, 1},
    {"Excellent service", {101, 54, 54, 81, 3, 3}, 'M', 'M', 71, 7, 0.372,
     -0.534, 20, 18.5, 1},
    {"Hotline", {15, 24, 121, 124, 6, 6}, 'I', 'A', 54, 1, 0.511, -0.137, 3,
     19.8, 0},
    {"Loan machine", {65, 87, 93, 51, 0, 0}, 'A', 'O', 83, 2, 0.608, -0.514,
     6, 18.5, 0},
    {"Ready-to-use return", {9, 18, 83, 177, 6, 3}, 'I', 'I', 37, 32, 0.352,
     -0.094, 94, 19.9, 1},
};

/* Check every published value of one attribute; close is the tie
** threshold the analysis ran with. */
static void check_published(const mot_kano_result *r, const published *p)
{
    const mot_kano_stats *s = ku_stats(r, p->name);
    assert_int_equal(s->n, 296);
    assert_int_equal(s->mode, cat(p->mode));
    assert_int_equal(s->category, cat(p->category));
    assert_int_equal((int)lround(100 * s->total_strength), p->total_pct);
    assert_int_equal((int)lround(100 * s->category_strength),
                     p->strength_pct);
    assert_abs(s->better, p->better, 0.0005);
    assert_abs(s->worse, p->worse, 0.0005);
    assert_abs(s->fong_difference, p->fong_difference, 0);
    assert_abs(s->fong_threshold, p->fong_threshold, 0.05);
    assert_int_equal(s->fong_significant, p->significant);
}

static void test_published_table(void **state)
{
    (void)state;
    ku_file f;
    ku_start(&f, "respondent_id,feature,functional,dysfunctional");
    for (size_t i = 0; i < 5; i++)
        ku_counts(&f, stp25kano[i].name, stp25kano[i].counts);
    mot_kano *k = ku_load(&f, "ka_published");
    /* the README's 5 points, and the stp25 code's 6: the same verdicts */
    for (int t = 0; t < 2; t++) {
        mot_kano_result *r = ku_analyse(k, NULL, t ? 0.06 : 0.05, 0);
        assert_int_equal(r->nfeatures, 5);
        assert_string_equal(r->features[0].name, "Service app");
        for (size_t i = 0; i < 5; i++)
            check_published(r, &stp25kano[i]);
        mot_kano_result_free(r);
    }
    /* with no closeness at all, the category is the mode */
    mot_kano_result *r = ku_analyse(k, NULL, 0, 0);
    assert_int_equal(ku_stats(r, "Hotline")->category, MOT_KANO_I);
    assert_int_equal(ku_stats(r, "Loan machine")->category, MOT_KANO_A);
    /* the first and second of the ranking (Q left out) */
    const mot_kano_stats *s = ku_stats(r, "Excellent service");
    assert_int_equal(s->first, MOT_KANO_M);
    assert_int_equal(s->second, MOT_KANO_I);
    /* Wilson intervals, R: prop.test(168, 296, correct = FALSE) and
    ** prop.test(218, 296, ...) for Service app; prop.test(145, 284, ...)
    ** for Hotline (R and Q are not in the denominator) */
    s = ku_stats(r, "Service app");
    assert_abs(s->better_lo, 0.510620121470246, 1e-12);
    assert_abs(s->better_hi, 0.622783711866625, 1e-12);
    assert_abs(s->worse_lo, -0.783412551777509, 1e-12);
    assert_abs(s->worse_hi, -0.683500864901538, 1e-12);
    s = ku_stats(r, "Hotline");
    assert_abs(s->better, 145.0 / 284, 1e-15);
    assert_abs(s->better_lo, 0.452673230636266, 1e-12);
    assert_abs(s->better_hi, 0.568171577559823, 1e-12);
    /* shares use every answer, R and Q included */
    assert_abs(s->share[MOT_KANO_Q], 6.0 / 296, 1e-15);
    mot_kano_result_free(r);
    mot_kano_free(k);
}

/* ---- the 31-respondent example ---------------------------------------------- */

static void test_stp25stat_example(void **state)
{
    (void)state;
    ku_file f;
    ku_start(&f, "respondent_id,feature,functional,dysfunctional");
    ku_counts(&f, "attribute 2", (const unsigned long[6]){18, 5, 1, 1, 1, 1});
    ku_counts(&f, "attribute 6", (const unsigned long[6]){2, 3, 16, 1, 5, 0});
    /* attribute 10: every answer is functional 5, dysfunctional 2 */
    for (int i = 0; i < 26; i++)
        fprintf(f.f, "Q%d,attribute 10,5,2\n", i);
    mot_kano *k = ku_load(&f, "ka_stp25stat");
    mot_kano_result *r = ku_analyse(k, NULL, 0.05, 0);
    const mot_kano_stats *s = ku_stats(r, "attribute 2");
    assert_int_equal(s->category, MOT_KANO_M);
    assert_abs(s->better, 0.24, 1e-15);
    assert_abs(s->worse, -0.92, 1e-15);
    s = ku_stats(r, "attribute 6");
    assert_int_equal(s->category, MOT_KANO_A);
    assert_abs(s->better, 0.8636, 0.00005);
    assert_abs(s->worse, -0.2273, 0.00005);
    s = ku_stats(r, "attribute 10");
    assert_int_equal(s->count[MOT_KANO_R], 26);
    assert_int_equal(s->category, MOT_KANO_R);
    assert_true(isnan(s->better) && isnan(s->worse));
    assert_true(isnan(s->better_lo) && isnan(s->worse_hi));
    mot_kano_result_free(r);
    mot_kano_free(k);
}

/* ---- ties and degenerate features -------------------------------------------- */

static void test_ties(void **state)
{
    (void)state;
    ku_file f;
    ku_start(&f, "respondent_id,feature,functional,dysfunctional");
    /* n 20: I 8, M 7, A 5: M is 1/20 = 0.05 behind, exactly at the
    ** threshold: close, and M ranks first */
    ku_counts(&f, "edge", (const unsigned long[6]){7, 0, 5, 8, 0, 0});
    /* n 23: I 12, A 11: 1/23 behind */
    ku_counts(&f, "near", (const unsigned long[6]){0, 0, 11, 12, 0, 0});
    /* equal counts: A 5, O 5: the mode is the first by M > O > A > I */
    ku_counts(&f, "equal", (const unsigned long[6]){0, 5, 5, 0, 0, 0});
    /* R 10 is the mode and M 9 is close: the rule is among M, O, A, I */
    ku_counts(&f, "reverse", (const unsigned long[6]){9, 0, 0, 0, 10, 0});
    /* only questionable answers */
    ku_counts(&f, "all Q", (const unsigned long[6]){0, 0, 0, 0, 0, 4});
    mot_kano *k = ku_load(&f, "ka_ties");
    mot_kano_result *r = ku_analyse(k, NULL, 0.05, 0);

    const mot_kano_stats *s = ku_stats(r, "edge");
    assert_int_equal(s->mode, MOT_KANO_I);
    assert_int_equal(s->category, MOT_KANO_M);
    assert_abs(s->category_strength, 0.05, 1e-15);
    s = ku_stats(r, "near");
    assert_int_equal(s->mode, MOT_KANO_I);
    assert_int_equal(s->category, MOT_KANO_A);
    s = ku_stats(r, "equal");
    assert_int_equal(s->mode, MOT_KANO_O);
    assert_int_equal(s->category, MOT_KANO_O);
    assert_int_equal(s->first, MOT_KANO_O);
    assert_int_equal(s->second, MOT_KANO_A);
    assert_abs(s->category_strength, 0, 0);
    /* Fong: |5 - 5| = 0 < 1.65 sqrt(10 * 10 / 20) */
    assert_abs(s->fong_threshold, 1.65 * sqrt(5.0), 1e-12);
    assert_int_equal(s->fong_significant, 0);
    s = ku_stats(r, "reverse");
    assert_int_equal(s->category, MOT_KANO_R);
    assert_int_equal(s->first, MOT_KANO_R);
    assert_int_equal(s->second, MOT_KANO_M);
    assert_abs(s->better, 0, 0);      /* 0 of 9: defined */
    assert_abs(s->worse, -1, 0);
    s = ku_stats(r, "all Q");
    assert_int_equal(s->category, MOT_KANO_Q);
    assert_int_equal(s->first, MOT_KANO_NONE);
    assert_int_equal(s->second, MOT_KANO_NONE);
    assert_true(isnan(s->better) && isnan(s->worse));
    assert_int_equal(s->fong_significant, -1);
    assert_abs(s->total_strength, 0, 0);
    mot_kano_result_free(r);

    /* a smaller threshold: 0.05 behind is no longer close; 1/23 is */
    r = ku_analyse(k, NULL, 0.045, 0);
    assert_int_equal(ku_stats(r, "edge")->category, MOT_KANO_I);
    assert_int_equal(ku_stats(r, "near")->category, MOT_KANO_A);
    mot_kano_result_free(r);
    r = ku_analyse(k, NULL, 0.04, 0);
    assert_int_equal(ku_stats(r, "near")->category, MOT_KANO_I);
    mot_kano_result_free(r);
    mot_kano_free(k);

    /* exactly at a threshold that binary rounds down: 0.29 * 100 is
    ** 28.999999999999996, and A 29 behind I in 100 answers is close */
    ku_start(&f, "respondent_id,feature,functional,dysfunctional");
    ku_counts(&f, "rounding", (const unsigned long[6]){0, 0, 21, 50, 29, 0});
    k = ku_load(&f, "ka_rounding");
    r = ku_analyse(k, NULL, 0.29, 0);
    assert_int_equal(ku_stats(r, "rounding")->mode, MOT_KANO_I);
    assert_int_equal(ku_stats(r, "rounding")->category, MOT_KANO_A);
    mot_kano_result_free(r);
    mot_kano_free(k);
}

/* ---- importance, segments, options ----------------------------------------- */

static void test_importance_and_segments(void **state)
{
    (void)state;
    ku_file f;
    ku_start(&f, "respondent_id,feature,functional,dysfunctional,"
                 "importance,segment");
    /* wifi: importance 1..5 (R: t.test(1:5) gives [1.03675683852244,
    ** 4.96324316147756], sd 1.58113883008419) and one answer without */
    ku_answers(&f, "wifi", 'A', 1, ",1,business");
    ku_answers(&f, "wifi", 'A', 1, ",2,business");
    ku_answers(&f, "wifi", 'O', 1, ",3,family");
    ku_answers(&f, "wifi", 'M', 1, ",4,family");
    ku_answers(&f, "wifi", 'M', 1, ",5,family");
    ku_answers(&f, "wifi", 'I', 1, ",,");
    ku_answers(&f, "breakfast", 'I', 3, ",2,family");
    mot_kano *k = ku_load(&f, "ka_segments");
    mot_kano_result *r = ku_analyse(k, NULL, 0.05, 1);
    assert_true(r->has_importance);
    assert_int_equal(r->respondents, 9);
    assert_int_equal(r->answers, 9);
    const mot_kano_feature *x = &r->features[0];
    assert_string_equal(x->name, "wifi");
    assert_int_equal(x->all.n, 6);
    assert_int_equal(x->all.importance.n, 5);
    assert_abs(x->all.importance.mean, 3, 1e-15);
    assert_abs(x->all.importance.sd, 1.58113883008419, 1e-12);
    assert_abs(x->all.importance.lo, 1.03675683852244, 1e-10);
    assert_abs(x->all.importance.hi, 4.96324316147756, 1e-10);
    assert_int_equal(r->nsegments, 2);
    assert_string_equal(r->segments[0], "business");
    assert_string_equal(r->segments[1], "family");
    const mot_kano_stats *b = &x->segment[0], *fam = &x->segment[1];
    assert_int_equal(b->n, 2);
    assert_int_equal(b->count[MOT_KANO_A], 2);
    assert_int_equal(b->category, MOT_KANO_A);
    assert_abs(b->importance.mean, 1.5, 1e-15);
    assert_int_equal(fam->n, 3);
    assert_int_equal(fam->category, MOT_KANO_M);
    assert_abs(fam->better, 1.0 / 3, 1e-15);
    assert_abs(fam->worse, -1, 1e-15);
    /* one answer: a mean but no interval */
    assert_int_equal(r->features[1].segment[0].n, 0);
    assert_int_equal(r->features[1].segment[0].category, MOT_KANO_NONE);
    assert_true(isnan(r->features[1].segment[0].share[MOT_KANO_I]));
    mot_kano_result_free(r);

    /* not by segment: no segment results */
    r = ku_analyse(k, NULL, 0.05, 0);
    assert_int_equal(r->nsegments, 0);
    assert_null(r->features[0].segment);
    mot_kano_result_free(r);

    mot_kano_options o;
    mot_kano_options_default(&o);
    assert_abs(o.close, 0.05, 0);
    assert_abs(o.level, 0.95, 0);
    mot_error err;
    o.close = -0.1;
    assert_int_equal(mot_kano_analyse(k, NULL, &o, &r, &err), MOT_EUSAGE);
    assert_null(r);
    o.close = 0.05;
    o.level = 1;
    assert_int_equal(mot_kano_analyse(k, NULL, &o, &r, &err), MOT_EUSAGE);
    mot_kano_free(k);
}

/* ---- touchpoints ---------------------------------------------------------- */

static void test_touchpoints(void **state)
{
    (void)state;
    /* a project: kano.csv names T2 for wifi; the blueprint names 报修 as
    ** the touchpoint of feature 早餐, and nothing for parking */
    const char *dir = lu_project("ka_tp", (lu_file[]){
        {"blueprint.csv", "id,name,stage,kano_feature\nT1,咨询,售前,\n"
                          "T2,开通,售中,wifi\nT3,报修,售后,早餐\n"},
        {"kano.csv", "respondent_id,feature,functional,dysfunctional,"
                     "touchpoint\nR1,wifi,1,5,\nR2,wifi,1,5,T1\n"
                     "R1,早餐,2,5,\nR1,parking,3,3,\n"},
        {NULL, NULL}});
    mot_project *p = lu_load(dir);
    mot_kano_result *r = ku_analyse(p->kano, &p->blueprint, 0.05, 0);
    /* the kano.csv column wins over the blueprint's kano_feature */
    const mot_survey_tp *tp = &r->features[0].touchpoint;
    assert_int_equal(tp->index, 0);
    assert_string_equal(tp->id, "T1");
    assert_string_equal(tp->name, "咨询");
    tp = &r->features[1].touchpoint;
    assert_int_equal(tp->index, 2);
    assert_string_equal(tp->name, "报修");
    tp = &r->features[2].touchpoint;
    assert_int_equal(tp->index, -1);
    assert_null(tp->id);
    mot_kano_result_free(r);
    mot_project_free(p);

    /* one file, no blueprint: the column's text is kept */
    ku_file f;
    ku_start(&f, "respondent_id,feature,functional,dysfunctional,"
                 "touchpoint");
    ku_answers(&f, "wifi", 'A', 1, ",");
    ku_answers(&f, "wifi", 'A', 1, ",报修");
    ku_answers(&f, "parking", 'A', 1, ",");
    mot_kano *k = ku_load(&f, "ka_tp_text");
    assert_null(k->touchpoint);
    r = ku_analyse(k, NULL, 0.05, 0);
    assert_int_equal(r->features[0].touchpoint.index, -1);
    assert_string_equal(r->features[0].touchpoint.id, "报修");
    assert_null(r->features[0].touchpoint.name);
    assert_null(r->features[1].touchpoint.id);
    mot_kano_result_free(r);
    mot_kano_free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_evaluation_table),
        cmocka_unit_test(test_all_cells_from_a_file),
        cmocka_unit_test(test_published_table),
        cmocka_unit_test(test_stp25stat_example),
        cmocka_unit_test(test_ties),
        cmocka_unit_test(test_importance_and_segments),
        cmocka_unit_test(test_touchpoints),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
