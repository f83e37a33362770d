/*
** lines.c: tolerance lines (docs/methods.md, "Tolerance lines"): one scan
** of a binary outcome along a measure, and the Holm adjustment over the
** family of every scan of an analysis.
**
** A scan is the maximally selected chi-square of the stats core
** (mot_maxstat_scan): the cut with the largest 2x2 chi-square, with its
** p-value adjusted for the scan over cut points (Miller & Siegmund 1982,
** or a seeded permutation test). Scanning several measures and columns
** multiplies the chances of a spurious line, so the scan p-values of the
** whole family are adjusted again by Holm's (1979) step-down method,
** which holds the family-wise error rate at alpha under any dependence.
** A line is reported (found = 1) only when that adjusted p is below alpha
** and the outcome is worse on the side the measure says is worse (a lower
** score, more contacts, a longer wait); a significant change the other
** way is not a tolerance line (the caller may note it).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/shared.h"

void mot_line_clear(mot_tolerance *t)
{
    memset(t, 0, sizeof *t);
    t->value = t->rate_beyond = t->rate_within = NAN;
    t->n_beyond = t->n_within = t->statistic = NAN;
    t->p_adjusted = t->p_scan = NAN;
}

/* Copy the scan result into a line: which side is beyond, and its rate. */
static void describe(const mot_maxstat *m, const mot_line_opts *o,
                     mot_tolerance *t)
{
    t->found = 1;
    t->direction = m->direction;
    if (m->direction > 0) {
        t->value = m->cut;
        t->rate_beyond = m->rate_above;
        t->n_beyond = m->n_above;
        t->rate_within = m->rate_below;
        t->n_within = m->n_below;
    } else {
        t->value = m->cut_next;
        t->rate_beyond = m->rate_below;
        t->n_beyond = m->n_below;
        t->rate_within = m->rate_above;
        t->n_within = m->n_above;
    }
    t->statistic = m->stat;
    t->p_scan = t->p_adjusted = m->p;
    snprintf(t->p_method, sizeof t->p_method, "%s",
             o->perm ? "permutation" : "miller-siegmund");
}

/* A scan s of measure and outcome not run yet; the scan options of o. */
static void line_start(const mot_line_opts *o, const char *measure,
                       const char *outcome, int expect, mot_line_scan *s,
                       mot_maxstat_opts *mo)
{
    memset(s, 0, sizeof *s);
    mot_line_clear(&s->line);
    s->expect = expect;
    snprintf(s->line.measure, sizeof s->line.measure, "%s", measure);
    snprintf(s->line.outcome, sizeof s->line.outcome, "%s", outcome);
    mot_maxstat_opts_default(mo);
    mo->min_group = o->min_group;
    mo->min_prop = o->min_prop;
    mo->perm = o->perm;
    mo->seed = o->seed;
}

/* Describe the cut of scan m, which ended with st, in s's line when it
** found one; returns st. */
static mot_status line_finish(mot_status st, const mot_maxstat *m,
                              const mot_line_opts *o, mot_line_scan *s)
{
    if (st == MOT_OK && m->found && isfinite(m->p))
        describe(m, o, &s->line);
    return st;
}

mot_status mot_line_scan_run(const double *x, const double *y, size_t n,
                             const mot_line_opts *o, const char *measure,
                             const char *outcome, int expect,
                             mot_line_scan *s, mot_error *err)
{
    mot_maxstat_opts mo;
    mot_maxstat m;
    line_start(o, measure, outcome, expect, s, &mo);
    return line_finish(mot_maxstat_scan(x, y, n, &mo, &m, err), &m, o, s);
}

mot_status mot_line_scan_tally(const mot_maxstat_tally *t,
                               const mot_line_opts *o, const char *measure,
                               const char *outcome, int expect,
                               mot_line_scan *s, mot_error *err)
{
    mot_maxstat_opts mo;
    mot_maxstat m;
    line_start(o, measure, outcome, expect, s, &mo);
    return line_finish(mot_maxstat_tally_scan(t, &mo, &m, err), &m, o, s);
}

mot_status mot_line_family(mot_line_scan *s, size_t n, double alpha)
{
    double *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        return MOT_ENOMEM;
    size_t family = 0;
    for (size_t i = 0; i < n; i++) {
        p[i] = s[i].line.found ? s[i].line.p_scan : NAN;
        family += s[i].line.found;
    }
    mot_status st = mot_p_holm(p, n, p);
    for (size_t i = 0; i < n && st == MOT_OK; i++) {
        mot_tolerance *t = &s[i].line;
        if (!t->found)
            continue;
        t->p_adjusted = p[i];
        t->family = family;
        int wrong = s[i].expect && t->direction != s[i].expect;
        s[i].wrong_way = wrong && p[i] < alpha;
        if (wrong || !(p[i] < alpha)) {
            char measure[sizeof t->measure], outcome[sizeof t->outcome];
            memcpy(measure, t->measure, sizeof measure);
            memcpy(outcome, t->outcome, sizeof outcome);
            mot_line_clear(t);
            memcpy(t->measure, measure, sizeof measure);
            memcpy(t->outcome, outcome, sizeof outcome);
            t->family = family;
        }
    }
    free(p);
    return st;
}
