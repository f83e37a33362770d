/*
** kano.c: KANO analysis of kano.csv (Kano et al. 1984; Berger et al.
** 1993).
**
** Each answer pair is a category by the evaluation table of Berger et al.
** (1993), rows the functional answer, columns the dysfunctional one, both
** like, must-be, neutral, live-with, dislike:
**
**                like  must-be  neutral  live-with  dislike
**     like        Q       A        A         A         O
**     must-be     R       I        I         I         M
**     neutral     R       I        I         I         M
**     live-with   R       I        I         I         M
**     dislike     R       R        R         R         Q
**
** Per feature (and per segment), with n all answers and p_X = X/n:
**   mode      the most frequent of M, O, A, I, R, Q (equal counts: the
**             first in that order);
**   category  when the mode is M, O, A or I: the first of M, O, A, I
**             whose count is within close * n of the mode's (Matzler et
**             al. 1996's rule M > O > A > I for close categories; close is
**             an option, 0.05 by default after the stp25kano README); else
**             the mode (R or Q);
**   category strength  p_first - p_second, first and second the two
**             largest of A, O, M, I, R (Q left out; Lee & Newcomb 1997);
**   total strength     p_A + p_O + p_M;
**   Better = (A+O)/(A+O+M+I), Worse = -(O+M)/(A+O+M+I) (Berger et al.
**             1993), undefined (NAN, never 0) when A+O+M+I = 0, with
**             Wilson intervals (a share of the A+O+M+I answers);
**   Fong (1996): the top two differ significantly when
**             |a-b| >= 1.65 sqrt((a+b)(2n-a-b)/(2n)), a and b the counts
**             of first and second, n all answers.
** The sources, the published example checked and the edge cases are in
** docs/methods.md.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/survey_int.h"

/* Fong's (1996) critical value: the one-sided 95% normal quantile, as he
** prints it (not recomputed from the interval level). */
#define FONG_Z 1.65

/* Added to the tie threshold so that a share exactly `close` behind
** counts as close although close * n is rounded (0.29 * 100 is
** 28.999999999999996 in binary). */
#define CLOSE_ROUNDING 1e-9

#define A MOT_KANO_A
#define O MOT_KANO_O
#define M MOT_KANO_M
#define I MOT_KANO_I
#define R MOT_KANO_R
#define Q MOT_KANO_Q

static const signed char table[5][5] = {
    {Q, A, A, A, O},
    {R, I, I, I, M},
    {R, I, I, I, M},
    {R, I, I, I, M},
    {R, R, R, R, Q},
};

/* The order in which equal counts are broken: Matzler's M > O > A > I,
** then R and Q. */
static const mot_kano_category order[MOT_KANO_NCAT] = {M, O, A, I, R, Q};

#undef A
#undef O
#undef M
#undef I
#undef R
#undef Q

const char *mot_kano_letter(mot_kano_category c)
{
    static const char *const letter[MOT_KANO_NCAT] = {"A", "O", "M", "I",
                                                      "R", "Q"};
    return c >= 0 && c < MOT_KANO_NCAT ? letter[c] : "";
}

const char *mot_kano_category_name(mot_kano_category c)
{
    static const char *const name[MOT_KANO_NCAT] = {
        "attractive", "one_dimensional", "must_be", "indifferent", "reverse",
        "questionable"};
    return c >= 0 && c < MOT_KANO_NCAT ? name[c] : "none";
}

mot_kano_category mot_kano_evaluate(int functional, int dysfunctional)
{
    if (functional < 1 || functional > 5 || dysfunctional < 1 ||
        dysfunctional > 5)
        return MOT_KANO_NONE;
    return (mot_kano_category)table[functional - 1][dysfunctional - 1];
}

void mot_kano_options_default(mot_kano_options *o)
{
    o->close = 0.05;
    o->level = 0.95;
    o->by_segment = 0;
}

/* ---- one feature's statistics -------------------------------------------- */

/* The mode and, by the tie rule, the category. */
static void categorise(mot_kano_stats *s, double close)
{
    const uint64_t *c = s->count;
    s->mode = s->category = MOT_KANO_NONE;
    if (s->n == 0)
        return;
    s->mode = order[0];
    for (int k = 1; k < MOT_KANO_NCAT; k++)
        if (c[order[k]] > c[s->mode])
            s->mode = order[k];
    s->category = s->mode;
    if (s->mode == MOT_KANO_R || s->mode == MOT_KANO_Q)
        return;
    for (int k = 0; k < 4; k++)
        if ((double)(c[s->mode] - c[order[k]]) <=
            (close + CLOSE_ROUNDING) * (double)s->n) {
            s->category = order[k];
            return;
        }
}

/* The two largest of A, O, M, I, R (NONE where the count is 0), the
** strengths and Fong's test. */
static void rank(mot_kano_stats *s)
{
    const uint64_t *c = s->count;
    mot_kano_category first = MOT_KANO_NONE, second = MOT_KANO_NONE;
    for (int k = 0; k < MOT_KANO_NCAT - 1; k++) {
        mot_kano_category x = order[k];
        if (c[x] == 0)
            continue;
        if (first == MOT_KANO_NONE || c[x] > c[first]) {
            second = first;
            first = x;
        } else if (second == MOT_KANO_NONE || c[x] > c[second]) {
            second = x;
        }
    }
    s->first = first;
    s->second = second;
    double n = (double)s->n;
    double a = first == MOT_KANO_NONE ? 0 : (double)c[first];
    double b = second == MOT_KANO_NONE ? 0 : (double)c[second];
    s->category_strength = n > 0 ? (a - b) / n : NAN;
    s->total_strength = n > 0 ? (double)(c[MOT_KANO_A] + c[MOT_KANO_O] +
                                         c[MOT_KANO_M]) / n
                              : NAN;
    s->fong_difference = a - b;
    s->fong_threshold = NAN;
    s->fong_significant = -1;
    if (a + b > 0) {
        s->fong_threshold = FONG_Z * sqrt((a + b) * (2 * n - a - b) /
                                          (2 * n));
        s->fong_significant = s->fong_difference >= s->fong_threshold;
    }
}

/* Better and Worse with their Wilson intervals. */
static void coefficients(mot_kano_stats *s, double level)
{
    const uint64_t *c = s->count;
    double v = (double)(c[MOT_KANO_A] + c[MOT_KANO_O] + c[MOT_KANO_M] +
                        c[MOT_KANO_I]);
    double better = (double)(c[MOT_KANO_A] + c[MOT_KANO_O]);
    double worse = (double)(c[MOT_KANO_O] + c[MOT_KANO_M]);
    double lo, hi;
    s->better = s->better_lo = s->better_hi = NAN;
    s->worse = s->worse_lo = s->worse_hi = NAN;
    if (v == 0)
        return;
    s->better = better / v;
    s->worse = -worse / v;
    if (mot_prop_wilson(better, v, level, &lo, &hi) == MOT_OK) {
        s->better_lo = lo;
        s->better_hi = hi;
    }
    if (mot_prop_wilson(worse, v, level, &lo, &hi) == MOT_OK) {
        s->worse_lo = -hi;
        s->worse_hi = -lo;
    }
}

/* Everything in s from its counts (already in s) and the importance
** accumulator imp (NULL when there is none). */
static void finish(mot_kano_stats *s, const mot_moments *imp,
                   const mot_kano_options *o)
{
    s->n = 0;
    for (int k = 0; k < MOT_KANO_NCAT; k++)
        s->n += s->count[k];
    for (int k = 0; k < MOT_KANO_NCAT; k++)
        s->share[k] = s->n ? (double)s->count[k] / (double)s->n : NAN;
    categorise(s, o->close);
    rank(s);
    coefficients(s, o->level);
    if (imp)
        mot_est_finish(imp, o->level, &s->importance);
    else
        mot_est_none(&s->importance);
}

/* ---- the result ------------------------------------------------------------ */

void mot_kano_result_free(mot_kano_result *r)
{
    if (!r)
        return;
    for (size_t f = 0; f < r->nfeatures; f++) {
        free(r->features[f].name);
        mot_survey_tp_clear(&r->features[f].touchpoint);
        free(r->features[f].segment);
    }
    free(r->features);
    for (size_t g = 0; g < r->nsegments; g++)
        free(r->segments[g]);
    free(r->segments);
    free(r);
}

/* A result with nf features and ns segments, names copied from k; NULL
** if a malloc fails. */
static mot_kano_result *result_new(const mot_kano *k, size_t nf, size_t ns)
{
    mot_kano_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->features = calloc(nf ? nf : 1, sizeof *r->features);
    r->segments = calloc(ns ? ns : 1, sizeof *r->segments);
    if (!r->features || !r->segments)
        goto fail;
    for (size_t f = 0; f < nf; f++) {
        mot_kano_feature *x = &r->features[f];
        x->touchpoint.index = -1;
        r->nfeatures++;
        x->name = strdup(mot_strtab_get(k->features, (uint32_t)f));
        if (!x->name)
            goto fail;
        if (ns && !(x->segment = calloc(ns, sizeof *x->segment)))
            goto fail;
    }
    for (size_t g = 0; g < ns; g++) {
        r->nsegments++;
        if (!(r->segments[g] = strdup(mot_strtab_get(k->segments,
                                                     (uint32_t)g))))
            goto fail;
    }
    return r;
fail:
    mot_kano_result_free(r);
    return NULL;
}

/* ---- touchpoints ----------------------------------------------------------- */

/* The text of row i of attribute column c (a number printed with %g when
** the column is numeric); NULL when empty. buf holds a number's text. */
static const char *attr_text(const mot_column *c, size_t i, char *buf,
                             size_t n)
{
    if (c->numeric) {
        if (isnan(c->num[i]))
            return NULL;
        snprintf(buf, n, "%g", c->num[i]);
        return buf;
    }
    return c->code[i] == MOT_NONE ? NULL : mot_strtab_get(c->dict,
                                                         c->code[i]);
}

/* Give each feature of r the touchpoint kano.csv or the blueprint names
** (see mot_kano_analyse). MOT_OK or MOT_ENOMEM. */
static mot_status find_touchpoints(const mot_kano *k, const mot_blueprint *b,
                                   mot_kano_result *r, mot_error *err)
{
    const mot_column *text = mot_columns_find(&k->attrs, "touchpoint");
    for (size_t i = 0; k->touchpoint && b && i < k->n; i++) {
        mot_survey_tp *tp = &r->features[k->feature[i]].touchpoint;
        int32_t t = k->touchpoint[i];
        if (!tp->id && t >= 0 && (size_t)t < b->n &&
            mot_survey_tp_set(tp, b, (size_t)t, err) != MOT_OK)
            return MOT_ENOMEM;
    }
    for (size_t f = 0; b && f < r->nfeatures; f++) {
        mot_survey_tp *tp = &r->features[f].touchpoint;
        for (size_t t = 0; !tp->id && t < b->n; t++) {
            const char *kf = b->tp[t].kano_feature;
            if (kf && strcmp(kf, r->features[f].name) == 0 &&
                mot_survey_tp_set(tp, b, t, err) != MOT_OK)
                return MOT_ENOMEM;
        }
    }
    for (size_t i = 0; text && i < k->n; i++) {
        mot_survey_tp *tp = &r->features[k->feature[i]].touchpoint;
        char buf[32];
        const char *s = attr_text(text, i, buf, sizeof buf);
        if (tp->id || !s)
            continue;
        if (!(tp->id = strdup(s)))
            return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0,
                                 "out of memory");
    }
    return MOT_OK;
}

/* ---- the analysis ----------------------------------------------------------- */

/* Check the options; MOT_OK or MOT_EUSAGE. */
static mot_status check_options(const mot_kano_options *o, mot_error *err)
{
    if (!(o->close >= 0 && o->close <= 1))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "the KANO tie "
                             "threshold must be a share from 0 to 1");
    if (!(o->level > 0 && o->level < 1))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "the interval "
                             "level must be between 0 and 1");
    return MOT_OK;
}

/* Count every answer of k into r's statistics (cells: feature f's own
** stats and those of its segment), and the importances into imp (one
** accumulator per feature and segment, f * (1 + ns) + cell; NULL when
** there is no importance column). MOT_OK or MOT_EDATA for a bad row. */
static mot_status count_answers(const mot_kano *k, mot_kano_result *r,
                                mot_moments **imp, mot_error *err)
{
    size_t ns = r->nsegments, nf = r->nfeatures;
    for (size_t i = 0; i < k->n; i++) {
        mot_kano_category c = mot_kano_evaluate(k->functional[i],
                                                k->dysfunctional[i]);
        uint32_t f = k->feature[i];
        if (c == MOT_KANO_NONE || f >= nf)
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0, "KANO answer "
                                 "%zu has no feature or an answer that is "
                                 "not 1 to 5", i + 1);
        mot_kano_feature *x = &r->features[f];
        x->all.count[c]++;
        if (imp)
            mot_est_add(imp[f * (1 + ns)], k->importance[i]);
        uint32_t g = ns && k->segment ? k->segment[i] : MOT_NONE;
        if (g == MOT_NONE || g >= ns)
            continue;
        x->segment[g].count[c]++;
        if (imp)
            mot_est_add(imp[f * (1 + ns) + 1 + g], k->importance[i]);
    }
    return MOT_OK;
}

mot_status mot_kano_analyse(const mot_kano *k, const mot_blueprint *b,
                            const mot_kano_options *opt,
                            mot_kano_result **out, mot_error *err)
{
    mot_kano_options o;
    mot_status st;
    mot_moments **imp = NULL;
    *out = NULL;
    if (opt)
        o = *opt;
    else
        mot_kano_options_default(&o);
    if ((st = check_options(&o, err)) != MOT_OK)
        return st;
    size_t nf = mot_strtab_count(k->features);
    size_t ns = o.by_segment && k->segment ? mot_strtab_count(k->segments)
                                           : 0;
    size_t nacc = nf * (1 + ns);
    mot_kano_result *r = result_new(k, nf, ns);
    if (!r)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    r->respondents = mot_strtab_count(k->respondents);
    r->answers = k->n;
    r->has_importance = k->importance != NULL;
    r->options = o;
    if (k->importance) {
        if (!(imp = calloc(nacc ? nacc : 1, sizeof *imp)))
            st = mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
        else
            st = mot_est_new(imp, nacc, err);
    }
    if (st == MOT_OK)
        st = count_answers(k, r, imp, err);
    if (st == MOT_OK)
        st = find_touchpoints(k, b, r, err);
    for (size_t f = 0; st == MOT_OK && f < nf; f++) {
        mot_kano_feature *x = &r->features[f];
        finish(&x->all, imp ? imp[f * (1 + ns)] : NULL, &o);
        for (size_t g = 0; g < ns; g++)
            finish(&x->segment[g], imp ? imp[f * (1 + ns) + 1 + g] : NULL,
                   &o);
    }
    if (imp)
        mot_est_free(imp, nacc);
    free(imp);
    if (st != MOT_OK) {
        mot_kano_result_free(r);
        return st;
    }
    *out = r;
    return MOT_OK;
}
