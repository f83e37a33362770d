/*
** sqfactorial.h: a SERVQUAL data set whose derived importance is worked
** by hand (header only), for test_servqual_analysis.c and
** test_instruments.c.
**
** Respondents <prefix>1..<prefix>8 are the runs of a 2^3 factorial: with
** i = 0..7, A = +1 when bit 0 of i is set, else -1, B bit 1, C bit 2.
** Their perceptions of items 1 (tangibles), 5 (reliability), 10
** (responsiveness), 14 (assurance) and 18 (empathy) are a base (4, 3, 6,
** 5, 4) plus A, B, C, AB and AC: five contrasts of the factorial, so
** mutually uncorrelated. Their overall score is
**   Y = 3 + 0.75 A + 0.5 B + 0.25 C + 0.25 AB + 0.25 ABC
** (ABC is uncorrelated with the five: the unexplained part). Every
** contrast has population variance 1, so var Y = 0.5625 + 0.25 + 0.0625
** + 0.0625 + 0.0625 = 1 and r_j is the coefficient: r^2 = 0.5625, 0.25,
** 0.0625, 0.0625, 0. With uncorrelated predictors every subset's R^2 is
** the sum of its r^2, so LMG_j = r_j^2, R^2 = 0.9375 and the shares
** LMG_j / R^2 are 0.6, 4/15, 1/15, 1/15, 0. Respondent <prefix>9 has the
** base perceptions (the means stay the base: 4, 3, 6, 5, 4, mean 4.4) and
** no overall score, so it is left out (n = 8). The shares' mean is 1/5,
** so the IPA crosshair is (0.2, 4.4): tangibles and reliability
** concentrate here, responsiveness and assurance possible overkill,
** empathy low priority.
**
** Include after <cmocka.h>.
*/
#ifndef MOT_TESTS_SQFACTORIAL_H
#define MOT_TESTS_SQFACTORIAL_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "mot/survey.h"

#define SQF_N 9     /* respondents, the last without an overall score */

static const double sqf_share[MOT_NDIMENSIONS] = {0.6, 4 / 15.0, 1 / 15.0,
                                                  1 / 15.0, 0};

/* Y of respondent i (0-based): NAN for the last. */
static inline double sqf_overall(int i)
{
    int a = i & 1 ? 1 : -1, b = i & 2 ? 1 : -1, c = i & 4 ? 1 : -1;
    if (i >= SQF_N - 1)
        return NAN;
    return 3 + 0.75 * a + 0.5 * b + 0.25 * c + 0.25 * a * b +
           0.25 * a * b * c;
}

/* servqual.csv of the respondents (ids prefix1..prefix9), with Y in
** column `column` (empty for the last) when column is not NULL. A new
** string; fails the test when it cannot be made. */
static inline char *sqf_answers(const char *prefix, const char *column)
{
    static const int item[MOT_NDIMENSIONS] = {1, 5, 10, 14, 18};
    static const int base[MOT_NDIMENSIONS] = {4, 3, 6, 5, 4};
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    if (!f)
        fail_msg("open_memstream failed");
    fprintf(f, "respondent_id,item,expectation,perception%s%s\n",
            column ? "," : "", column ? column : "");
    for (int i = 0; i < SQF_N; i++) {
        int a = i & 1 ? 1 : -1, b = i & 2 ? 1 : -1, c = i & 4 ? 1 : -1;
        int x[MOT_NDIMENSIONS] = {a, b, c, a * b, a * c};
        double y = sqf_overall(i);
        for (int d = 0; d < MOT_NDIMENSIONS; d++) {
            fprintf(f, "%s%d,%d,5,%d", prefix, i + 1, item[d],
                    base[d] + (isnan(y) ? 0 : x[d]));
            if (column && !isnan(y))
                fprintf(f, ",%g", y);
            else if (column)
                fputc(',', f);
            fputc('\n', f);
        }
    }
    fclose(f);
    return s;
}

/* r's derived importance is that of the factorial, from outcome. */
static inline void sqf_check(const mot_servqual_result *r,
                             const char *outcome)
{
    static const mot_ipa_quadrant want[MOT_NDIMENSIONS] = {
        MOT_IPA_CONCENTRATE, MOT_IPA_CONCENTRATE, MOT_IPA_OVERKILL,
        MOT_IPA_OVERKILL, MOT_IPA_LOW_PRIORITY};
    assert_int_equal(r->importance_source, MOT_IMPORTANCE_DERIVED);
    assert_string_equal(r->derived.outcome, outcome);
    assert_int_equal(r->derived.n, SQF_N - 1);
    assert_true(fabs(r->derived.r2 - 0.9375) < 1e-12);
    for (int d = 0; d < MOT_NDIMENSIONS; d++) {
        const mot_servqual_dim *x = &r->dims[d];
        if (!(fabs(x->importance - sqf_share[d]) < 1e-12))
            fail_msg("%s: importance %.15g, want %.15g",
                     mot_dimension_name((mot_dimension)d), x->importance,
                     sqf_share[d]);
        assert_int_equal(x->ipa, want[d]);
    }
    assert_int_equal(r->ipa.n, MOT_NDIMENSIONS);
    assert_true(fabs(r->ipa.importance - 0.2) < 1e-12);
    assert_true(fabs(r->ipa.performance - 4.4) < 1e-12);
}

#endif /* MOT_TESTS_SQFACTORIAL_H */
