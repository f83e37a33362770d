/*
** tickets.c: the tickets and service-recovery result (mot_tickets_result)
** as JSON (the object of DESIGN §4's free-form "tickets" key; every key
** is listed in docs/report.md) and as a terminal report in English or
** Chinese (tables aligned by display width, texts from i18n.c).
**
** Only presentation: every number comes from the result; missing
** estimates (NAN) are null in JSON and "-" in text.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mot/parse.h"
#include "mot/tickets.h"
#include "mot/consistency.h"
#include "report/internal.h"

/* ---- JSON ------------------------------------------------------------------ */

/* The end of the data as an ISO 8601 UTC time, "-" when there is none. */
static void iso_time(int64_t t, char *buf, size_t n)
{
    if (t == MOT_NO_TIME)
        snprintf(buf, n, "-");
    else
        mot_format_time(t, buf, n);
}

static void json_hours(mot_json *j, const char *key, const mot_tk_hours *h)
{
    mot_json_key(j, key);
    mot_json_begin_object(j);
    mot_json_member_count(j, "n", h->n);
    mot_json_member_number(j, "median_hours", h->median);
    mot_json_member_interval(j, "median_ci", h->median_lo, h->median_hi);
    mot_json_member_number(j, "p90_hours", h->p90);
    mot_json_member_interval(j, "p90_ci", h->p90_lo, h->p90_hi);
    mot_json_end_object(j);
}

/* A share within the standard, or null when there is no standard. */
static void json_share(mot_json *j, const char *key, const mot_tk_share *s,
                       int has_standard)
{
    mot_json_key(j, key);
    if (!has_standard) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_member_count(j, "judged", s->judged);
    mot_json_member_count(j, "within", s->within);
    mot_json_member_number(j, "share", s->share);
    mot_json_member_interval(j, "ci", s->lo, s->hi);
    mot_json_end_object(j);
}

static void json_group(mot_json *j, const mot_tk_group *g,
                       const mot_tickets_result *r, int tier)
{
    mot_json_begin_object(j);
    if (g->key) {
        mot_json_key(j, "key");
        mot_json_string(j, g->key);
        mot_json_key(j, "name");
        mot_json_string(j, g->name);
    }
    mot_json_member_count(j, "tickets", g->n);
    json_hours(j, "first_response", &g->response);
    json_hours(j, "resolution", &g->resolution);
    json_share(j, "first_response_within", &g->response_sla,
               r->has_response_sla);
    json_share(j, "resolution_within", &g->resolution_sla, 1);
    mot_json_key(j, "open");
    mot_json_begin_object(j);
    mot_json_member_count(j, "n", g->open);
    mot_json_member_count(j, "overdue", g->open_overdue);
    mot_json_member_number(j, "age_median_hours", g->open_age_median);
    mot_json_member_number(j, "age_max_hours", g->open_age_max);
    mot_json_end_object(j);
    mot_json_member_count(j, "repeats", g->repeats);
    if (tier) {
        mot_json_key(j, "by_tier_standard");
        mot_json_begin_object(j);
        mot_json_member_count(j, "resolution", g->resolution_tier_std);
        mot_json_member_count(j, "first_response", g->response_tier_std);
        mot_json_end_object(j);
    }
    mot_json_end_object(j);
}

static void json_pareto(mot_json *j, const mot_tickets_result *r)
{
    mot_json_key(j, "pareto");
    if (!r->has_category) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_key(j, "categories");
    mot_json_begin_array(j);
    for (size_t i = 0; i < r->npareto; i++) {
        const mot_tk_pareto *q = &r->pareto[i];
        mot_json_begin_object(j);
        mot_json_key(j, "category");
        mot_json_string(j, q->category);
        mot_json_member_count(j, "tickets", q->n);
        mot_json_member_number(j, "share", q->share);
        mot_json_member_number(j, "cumulative", q->cumulative);
        mot_json_key(j, "vital");
        mot_json_bool(j, q->vital);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "vital_few");
    mot_json_begin_array(j);
    for (size_t i = 0; i < r->npareto; i++)
        if (r->pareto[i].vital)
            mot_json_string(j, r->pareto[i].category);
    mot_json_end_array(j);
    mot_json_end_object(j);
}

static void json_outcome(mot_json *j, const char *key, const char *value_key,
                         const mot_tk_outcome_stat *s)
{
    mot_json_key(j, key);
    mot_json_begin_object(j);
    mot_json_member_count(j, "n", s->n);
    mot_json_member_number(j, value_key, s->value);
    mot_json_member_interval(j, "ci", s->lo, s->hi);
    mot_json_end_object(j);
}

static void json_line(mot_json *j, const mot_tolerance *l)
{
    mot_json_key(j, "tolerance_line");
    if (!l->found) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_key(j, "measure");
    mot_json_string(j, l->measure);
    mot_json_member_number(j, "value", l->value);
    mot_json_key(j, "direction");
    mot_json_string(j, l->direction > 0 ? "above" : "below");
    mot_json_member_number(j, "churn_beyond", l->rate_beyond);
    mot_json_member_number(j, "churn_within", l->rate_within);
    mot_json_member_number(j, "n_beyond", l->n_beyond);
    mot_json_member_number(j, "n_within", l->n_within);
    mot_json_member_number(j, "statistic", l->statistic);
    mot_json_member_number(j, "p_adjusted", l->p_adjusted);
    mot_json_key(j, "p_method");
    mot_json_string(j, l->p_method);
    mot_json_end_object(j);
}

static void json_recovery(mot_json *j, const mot_tickets_result *r)
{
    const mot_tk_recovery *rec = &r->recovery;
    mot_json_key(j, "recovery");
    mot_json_begin_object(j);
    mot_json_key(j, "rate");
    mot_json_begin_object(j);
    mot_json_member_count(j, "judged", rec->rate.judged);
    mot_json_member_count(j, "recovered", rec->rate.within);
    mot_json_member_number(j, "share", rec->rate.share);
    mot_json_member_interval(j, "ci", rec->rate.lo, rec->rate.hi);
    mot_json_end_object(j);
    mot_json_key(j, "groups");
    if (!r->has_customers) {
        mot_json_null(j);
    } else {
        mot_json_begin_object(j);
        for (int g = 0; g < MOT_TK_NGROUPS; g++) {
            mot_json_key(j, mot_tk_group_name(g));
            mot_json_begin_object(j);
            mot_json_member_count(j, "customers", rec->customers[g]);
            json_outcome(j, "overall", "mean", &rec->overall[g]);
            json_outcome(j, "nps", "nps", &rec->nps[g]);
            json_outcome(j, "churn", "rate", &rec->churn[g]);
            mot_json_end_object(j);
        }
        mot_json_end_object(j);
    }
    mot_json_key(j, "comparisons");
    mot_json_begin_array(j);
    for (size_t i = 0; i < rec->ncmp; i++) {
        const mot_tk_compare *c = &rec->cmp[i];
        int rate = strcmp(c->outcome, "churn") == 0;
        mot_json_begin_object(j);
        mot_json_key(j, "outcome");
        mot_json_string(j, c->outcome);
        mot_json_key(j, "groups");
        mot_json_string(j, c->groups);
        mot_json_member_number(j, "difference", c->diff);
        mot_json_member_interval(j, "ci", c->lo, c->hi);
        mot_json_key(j, "test");
        mot_json_string(j, rate ? "chi_square" : "welch_t");
        mot_json_member_number(j, "statistic", c->statistic);
        mot_json_member_number(j, "p", c->p);
        mot_json_member_number(j, "p_holm", c->p_holm);
        mot_json_member_number(j, "cohen_d", c->cohen_d);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "paradox");
    mot_json_bool(j, rec->paradox);
    json_line(j, &rec->line);
    mot_json_end_object(j);
}

/* The name "T03" and display name of touchpoint t of c as members. */
static void json_tp(mot_json *j, const mot_consistency_result *c, size_t t)
{
    mot_json_key(j, "touchpoint");
    mot_json_string(j, c->tp_id[t]);
    mot_json_key(j, "name");
    mot_json_string(j, c->tp_name[t]);
}

static void json_icc(mot_json *j, const char *key, const mot_icc *s)
{
    mot_json_key(j, key);
    if (s->groups < 2) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_member_count(j, "n", s->n);
    mot_json_member_count(j, "groups", s->groups);
    mot_json_member_number(j, "n0", s->n0);
    mot_json_member_number(j, "icc", s->icc);
    mot_json_member_interval(j, "ci", s->lo, s->hi);
    mot_json_member_number(j, "f", s->f);
    mot_json_member_number(j, "p", s->p);
    mot_json_member_number(j, "var_between", s->var_between);
    mot_json_member_number(j, "var_within", s->var_within);
    mot_json_end_object(j);
}

static void json_consistency(mot_json *j, const mot_consistency_result *c)
{
    mot_json_key(j, "consistency");
    if (!c->has_events || (!c->has_staff && !c->has_branch)) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_member_count(j, "min_n", c->min_n);
    mot_json_key(j, "touchpoints");
    mot_json_begin_array(j);
    for (size_t i = 0; i < c->ntps; i++) {
        const mot_cs_touchpoint *q = &c->tp[i];
        mot_json_begin_object(j);
        json_tp(j, c, q->tp);
        mot_json_member_count(j, "rated", q->n);
        json_icc(j, "staff", &q->icc[MOT_CS_STAFF]);
        json_icc(j, "branch", &q->icc[MOT_CS_BRANCH]);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "groups");
    mot_json_begin_array(j);
    for (size_t i = 0; i < c->ngroups; i++) {
        const mot_cs_group *g = &c->group[i];
        mot_json_begin_object(j);
        json_tp(j, c, g->tp);
        mot_json_key(j, "factor");
        mot_json_string(j, mot_cs_factor_name(g->factor));
        mot_json_key(j, "key");
        mot_json_string(j, g->key);
        mot_json_key(j, "within");
        mot_json_string(j, g->within);
        mot_json_member_count(j, "n", g->n);
        mot_json_member_number(j, "mean", g->mean);
        mot_json_member_number(j, "shrunk", g->shrunk);
        mot_json_member_number(j, "weight", g->weight);
        mot_json_member_count(j, "rest_n", g->rest_n);
        mot_json_member_number(j, "rest_mean", g->rest_mean);
        mot_json_member_number(j, "difference", g->diff);
        mot_json_member_interval(j, "ci", g->lo, g->hi);
        mot_json_member_number(j, "p", g->p);
        mot_json_member_number(j, "p_holm", g->p_holm);
        mot_json_key(j, "flagged");
        mot_json_bool(j, g->flagged);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    for (int f = 0; f < MOT_CS_NFACTORS; f++) {
        char key[32];
        snprintf(key, sizeof key, "flagged_%s", mot_cs_factor_name(f));
        mot_json_key(j, key);
        mot_json_begin_array(j);
        for (size_t i = 0; i < c->ngroups; i++)
            if (c->group[i].flagged && c->group[i].factor == f) {
                mot_json_begin_object(j);
                json_tp(j, c, c->group[i].tp);
                mot_json_key(j, "key");
                mot_json_string(j, c->group[i].key);
                mot_json_end_object(j);
            }
        mot_json_end_array(j);
    }
    mot_json_end_object(j);
}

static void json_expectation(mot_json *j, const mot_consistency_result *c)
{
    mot_json_key(j, "expectation");
    if (!c->has_expected) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_key(j, "touchpoints");
    mot_json_begin_array(j);
    for (size_t i = 0; i < c->nexpect; i++) {
        const mot_cs_expect *e = &c->expect[i];
        mot_json_begin_object(j);
        json_tp(j, c, e->tp);
        mot_json_member_count(j, "n", e->n);
        mot_json_member_number(j, "expected", e->expected);
        mot_json_member_number(j, "score", e->score);
        mot_json_member_number(j, "disconfirmation", e->diff);
        mot_json_member_interval(j, "ci", e->lo, e->hi);
        mot_json_member_number(j, "t", e->t);
        mot_json_member_number(j, "p", e->p);
        mot_json_member_number(j, "p_holm", e->p_holm);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_end_object(j);
}

static void json_trends(mot_json *j, const mot_consistency_result *c)
{
    mot_json_key(j, "trends");
    if (!c->has_events) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_key(j, "period");
    mot_json_string(j, c->period);
    mot_json_key(j, "series");
    mot_json_begin_array(j);
    for (size_t i = 0; i < c->ntrend; i++) {
        const mot_cs_trend *q = &c->trend[i];
        mot_json_begin_object(j);
        json_tp(j, c, q->tp);
        mot_json_key(j, "period");
        mot_json_string(j, q->period);
        mot_json_member_count(j, "n", q->n);
        mot_json_member_number(j, "mean", q->mean);
        mot_json_member_interval(j, "mean_ci", q->lo, q->hi);
        mot_json_member_number(j, "tolerance", c->tolerance[q->tp]);
        mot_json_member_count(j, "below", q->below);
        mot_json_member_number(j, "below_share", q->share);
        mot_json_member_interval(j, "below_ci", q->share_lo, q->share_hi);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "change");
    if (c->change_time == MOT_NO_TIME) {
        mot_json_null(j);
    } else {
        char when[32];
        iso_time(c->change_time, when, sizeof when);
        mot_json_begin_object(j);
        mot_json_key(j, "date");
        mot_json_string(j, when);
        mot_json_key(j, "touchpoints");
        mot_json_begin_array(j);
        for (size_t i = 0; i < c->nchange; i++) {
            const mot_cs_change *q = &c->change[i];
            mot_json_begin_object(j);
            json_tp(j, c, q->tp);
            mot_json_member_count(j, "n_before", q->n_before);
            mot_json_member_count(j, "n_after", q->n_after);
            mot_json_member_number(j, "mean_before", q->mean_before);
            mot_json_member_number(j, "mean_after", q->mean_after);
            mot_json_member_number(j, "mean_difference", q->diff);
            mot_json_member_interval(j, "mean_ci", q->lo, q->hi);
            mot_json_member_number(j, "mean_p", q->p);
            mot_json_member_number(j, "mean_p_holm", q->p_holm);
            mot_json_member_number(j, "below_before", q->below_before);
            mot_json_member_number(j, "below_after", q->below_after);
            mot_json_member_number(j, "below_difference", q->below_diff);
            mot_json_member_interval(j, "below_ci", q->below_lo, q->below_hi);
            mot_json_member_number(j, "below_p", q->below_p);
            mot_json_member_number(j, "below_p_holm", q->below_p_holm);
            mot_json_end_object(j);
        }
        mot_json_end_array(j);
        mot_json_end_object(j);
    }
    mot_json_end_object(j);
}

void mot_report_tickets_json(mot_json *j, const mot_tickets_result *r)
{
    mot_report_tickets_json_with(j, r, NULL);
}

void mot_report_tickets_json_with(mot_json *j, const mot_tickets_result *r,
                                  const mot_consistency_result *c)
{
    char end[32];
    iso_time(r->end_time, end, sizeof end);
    mot_json_begin_object(j);
    mot_json_member_count(j, "tickets", r->n);
    mot_json_key(j, "end_time");
    mot_json_string(j, end);
    mot_json_key(j, "standards");
    mot_json_begin_object(j);
    mot_json_key(j, "resolution");
    mot_json_string(j, "sla_hours");
    mot_json_key(j, "first_response");
    mot_json_string(j, r->has_response_sla ? "sla_response_hours" : NULL);
    if (r->has_tiers) {
        mot_json_key(j, "per_tier");
        mot_json_begin_array(j);
        for (size_t i = 0; i < r->ntier_columns; i++)
            mot_json_string(j, r->tier_columns[i]);
        mot_json_end_array(j);
    }
    mot_json_end_object(j);
    mot_json_key(j, "total");
    json_group(j, &r->total, r, 0);
    for (int by = 0; by < MOT_TK_NBY; by++) {
        char key[32];
        if (by == MOT_TK_TIER && !r->has_tiers)
            continue;
        snprintf(key, sizeof key, "by_%s", mot_tk_by_name((mot_tk_by)by));
        mot_json_key(j, key);
        mot_json_begin_array(j);
        for (size_t i = 0; i < r->nby[by]; i++)
            json_group(j, &r->by[by][i], r, by == MOT_TK_TIER);
        mot_json_end_array(j);
    }
    json_pareto(j, r);
    mot_json_key(j, "repeats");
    mot_json_begin_object(j);
    mot_json_member_number(j, "within_days", r->repeat_days);
    mot_json_member_count(j, "tickets", r->total.repeats);
    mot_json_member_number(j, "share", r->n ? (double)r->total.repeats / (double)r->n : NAN);
    mot_json_member_count(j, "customers", r->repeat_customers);
    mot_json_end_object(j);
    json_recovery(j, r);
    if (c) {
        json_consistency(j, c);
        json_expectation(j, c);
        json_trends(j, c);
    }
    mot_json_key(j, "methods");
    mot_json_begin_object(j);
    mot_json_member_number(j, "level", r->level);
    mot_json_member_number(j, "alpha", r->alpha);
    mot_json_key(j, "quantile");
    mot_json_string(j, "type 7");
    mot_json_key(j, "quantile_ci");
    mot_json_string(j, "order statistics (exact, distribution-free)");
    mot_json_key(j, "share_ci");
    mot_json_string(j, "wilson");
    mot_json_key(j, "multiple_testing");
    mot_json_string(j, "holm");
    if (c) {
        mot_json_key(j, "icc");
        mot_json_string(j, "ICC(1), one-way random effects, n0 for "
                           "unbalanced groups; F-based interval (Shrout & "
                           "Fleiss 1979, McGraw & Wong 1996 case 1)");
        mot_json_key(j, "shrinkage");
        mot_json_string(j, "empirical Bayes: m + B (mean - m), B = vb / "
                           "(vb + vw / n)");
        mot_json_key(j, "group_test");
        mot_json_string(j, "welch_t against the rest (staff within their "
                           "branch)");
        mot_json_key(j, "share_difference_ci");
        mot_json_string(j, "newcombe hybrid score");
    }
    mot_json_end_object(j);
    mot_json_key(j, "notes");
    mot_json_begin_array(j);
    for (size_t i = 0; i < r->nnotes; i++)
        mot_json_string(j, r->notes[i]);
    mot_json_end_array(j);
    mot_json_end_object(j);
}

/* ---- text ------------------------------------------------------------------ */

/* x with `digits` decimals, "-" when NAN. */
const char *mot_report_num(char *buf, size_t n, double x, int digits)
{
    if (isnan(x))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.*f", digits, x);
    return buf;
}

/* x as a percentage, "-" when NAN. */
const char *mot_report_pct(char *buf, size_t n, double x)
{
    if (isnan(x))
        snprintf(buf, n, "-");
    else   /* no "-0%" */
        snprintf(buf, n, "%.0f%%", fabs(100 * x) < 0.5 ? 0.0 : 100 * x);
    return buf;
}

/* "[lo, hi]" with digits decimals (percentages when pct), "" when both
** ends are NAN. */
const char *mot_report_ci(char *buf, size_t n, double lo, double hi,
                          int digits, int pct)
{
    char a[32], b[32];
    if (isnan(lo) && isnan(hi)) {
        snprintf(buf, n, "%s", "");
        return buf;
    }
    if (pct)
        snprintf(buf, n, "[%s, %s]", mot_report_pct(a, sizeof a, lo),
                 mot_report_pct(b, sizeof b, hi));
    else
        snprintf(buf, n, "[%s, %s]", mot_report_num(a, sizeof a, lo, digits),
                 mot_report_num(b, sizeof b, hi, digits));
    return buf;
}

/* "estimate [lo, hi]" in one cell. */
const char *mot_report_est(char *buf, size_t n, double x, double lo,
                           double hi, int digits, int pct)
{
    char e[32], c[80];
    if (pct)
        mot_report_pct(e, sizeof e, x);
    else
        mot_report_num(e, sizeof e, x, digits);
    mot_report_ci(c, sizeof c, lo, hi, digits, pct);
    /* a cell too long for buf is cut, like any table cell */
    if (snprintf(buf, n, "%s%s%s", e, c[0] ? " " : "", c) < 0)
        buf[0] = '\0';
    return buf;
}

/* Print a printf message of mot_tr(lang, key) taking string arguments. */
void mot_report_say(FILE *f, mot_lang lang, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    vfprintf(f, mot_tr(lang, key), ap);
    va_end(ap);
    fputc('\n', f);
}

void mot_report_heading(FILE *f, mot_lang lang, const char *key)
{
    const char *h = mot_tr(lang, key);
    fprintf(f, "\n%s\n", h);
    for (size_t i = mot_text_width(h, (size_t)-1); i > 0; i--)
        fputc('=', f);
    fputc('\n', f);
}

/* ---- the document (text and Markdown) ------------------------------------ */

/* A table of d whose header row is the messages keys (n of them). */
static mot_table *doc_table(mot_doc *d, mot_lang lang, const char *const *keys,
                            const int *right, size_t n)
{
    const char *head[16];
    for (size_t c = 0; c < n && c < 16; c++)
        head[c] = keys[c][0] ? mot_tr(lang, keys[c]) : "";
    mot_table *t = mot_doc_table(d, n, right);
    mot_doc_row(d, t, head);
    return t;
}

/* A paragraph of mot_tr(lang, key) with string arguments. */
static void doc_say(mot_doc *d, mot_lang lang, const char *key, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, key);
    vsnprintf(buf, sizeof buf, mot_tr(lang, key), ap);
    va_end(ap);
    mot_doc_add(d, MOT_BLOCK_PARA, "%s", buf);
}

static void group_doc(mot_doc *d, mot_lang lang, const char *title,
                      const mot_tk_group *g, size_t n,
                      const mot_tickets_result *r)
{
    static const char *const keys[10] = {
        "tk.col.group", "tk.col.tickets", "tk.col.resp_median",
        "tk.col.resp_p90", "tk.col.res_median", "tk.col.res_p90",
        "tk.col.res_within", "tk.col.open", "tk.col.repeats",
        "tk.col.resp_within"};
    static const int right[10] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, title));
    mot_table *t = doc_table(d, lang, keys, right,
                             r->has_response_sla ? 10 : 9);
    for (size_t i = 0; i < n; i++) {
        char c[10][128], label[160];
        const mot_tk_group *q = &g[i];
        if (strcmp(q->key, q->name) != 0)
            snprintf(label, sizeof label, "%s %s", q->key, q->name);
        else
            snprintf(label, sizeof label, "%s", q->key);
        snprintf(c[1], sizeof c[1], "%zu", q->n);
        mot_report_est(c[2], sizeof c[2], q->response.median,
                       q->response.median_lo, q->response.median_hi, 1, 0);
        mot_report_num(c[3], sizeof c[3], q->response.p90, 1);
        mot_report_est(c[4], sizeof c[4], q->resolution.median,
                       q->resolution.median_lo, q->resolution.median_hi, 1, 0);
        mot_report_est(c[5], sizeof c[5], q->resolution.p90,
                       q->resolution.p90_lo, q->resolution.p90_hi, 1, 0);
        mot_report_est(c[6], sizeof c[6], q->resolution_sla.share,
                       q->resolution_sla.lo, q->resolution_sla.hi, 0, 1);
        snprintf(c[7], sizeof c[7], "%zu (%zu %s)", q->open, q->open_overdue,
                 mot_tr(lang, "tk.col.overdue"));
        snprintf(c[8], sizeof c[8], "%zu", q->repeats);
        mot_report_est(c[9], sizeof c[9], q->response_sla.share,
                       q->response_sla.lo, q->response_sla.hi, 0, 1);
        const char *cells[10] = {label, c[1], c[2], c[3], c[4],
                                 c[5], c[6], c[7], c[8], c[9]};
        mot_doc_row(d, t, cells);
    }
}

/* True when the blueprint has sla_hours_<tier> or
** sla_response_hours_<tier> for this tier (ignoring case). */
static int has_tier_column(const mot_tickets_result *r, const char *tier)
{
    static const char *const prefix[2] = {"sla_hours_",
                                          "sla_response_hours_"};
    for (size_t i = 0; i < r->ntier_columns; i++)
        for (int k = 0; k < 2; k++) {
            const char *h = r->tier_columns[i];
            size_t pl = strlen(prefix[k]);
            if (strncasecmp(h, prefix[k], pl) == 0 &&
                strcasecmp(h + pl, tier) == 0)
                return 1;
        }
    return 0;
}

/* Which standard the tickets of one tier were judged by. */
static void tier_std_doc(mot_doc *d, mot_lang lang,
                         const mot_tickets_result *r, const mot_tk_group *g)
{
    char a[32], b[32], c[32], e[32];
    if (!has_tier_column(r, g->key)) {
        doc_say(d, lang, "tk.tier_default", g->key);
        return;
    }
    snprintf(a, sizeof a, "%zu", g->resolution_tier_std);
    snprintf(b, sizeof b, "%zu", g->resolution_sla.judged);
    snprintf(c, sizeof c, "%zu", g->response_tier_std);
    snprintf(e, sizeof e, "%zu", g->response_sla.judged);
    doc_say(d, lang, "tk.tier_std", g->key, a, b, g->key, c, e, g->key);
}

static void pareto_doc(mot_doc *d, mot_lang lang, const mot_tickets_result *r)
{
    static const char *const keys[5] = {"tk.col.category", "tk.col.tickets",
                                        "tk.col.share", "tk.col.cumulative",
                                        "tk.col.vital"};
    static const int right[5] = {0, 1, 1, 1, 0};
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "tk.h.pareto"));
    mot_table *t = doc_table(d, lang, keys, right, 5);
    double vital = 0;
    for (size_t i = 0; i < r->npareto; i++) {
        const mot_tk_pareto *q = &r->pareto[i];
        char n[32], s[32], c[32];
        snprintf(n, sizeof n, "%zu", q->n);
        const char *cells[5] = {q->category, n,
                                mot_report_pct(s, sizeof s, q->share),
                                mot_report_pct(c, sizeof c, q->cumulative),
                                q->vital ? "*" : ""};
        if (q->vital)
            vital = q->cumulative;
        mot_doc_row(d, t, cells);
    }
    char a[32], b[32];
    snprintf(a, sizeof a, "%zu", r->nvital);
    doc_say(d, lang, "tk.pareto", a, mot_report_pct(b, sizeof b, vital));
}

static void recovery_doc(mot_doc *d, mot_lang lang,
                         const mot_tickets_result *r)
{
    const mot_tk_recovery *rec = &r->recovery;
    char a[64], b[80], c[32];
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "tk.h.recovery"));
    snprintf(c, sizeof c, "%zu", rec->rate.judged);
    doc_say(d, lang, "tk.rate", mot_report_pct(a, sizeof a, rec->rate.share),
            mot_report_ci(b, sizeof b, rec->rate.lo, rec->rate.hi, 0, 1), c);
    if (!r->has_customers)
        return;
    static const char *const gkey[MOT_TK_NGROUPS] = {
        "tk.group.recovered", "tk.group.no_failure", "tk.group.not_recovered"};
    static const char *const k1[5] = {"tk.col.group", "tk.col.customers",
                                      "tk.col.overall", "tk.col.nps",
                                      "tk.col.churn"};
    static const int right1[5] = {0, 1, 1, 1, 1};
    mot_table *t = doc_table(d, lang, k1, right1, 5);
    for (int g = 0; g < MOT_TK_NGROUPS; g++) {
        char n[32], o[128], p[128], q[128];
        snprintf(n, sizeof n, "%zu", rec->customers[g]);
        const char *cells[5] = {
            mot_tr(lang, gkey[g]), n,
            mot_report_est(o, sizeof o, rec->overall[g].value,
                           rec->overall[g].lo, rec->overall[g].hi, 2, 0),
            mot_report_est(p, sizeof p, 100 * rec->nps[g].value,
                           100 * rec->nps[g].lo, 100 * rec->nps[g].hi, 0, 0),
            mot_report_est(q, sizeof q, rec->churn[g].value, rec->churn[g].lo,
                           rec->churn[g].hi, 0, 1)};
        mot_doc_row(d, t, cells);
    }
    static const char *const k2[7] = {"tk.col.outcome", "tk.col.compare",
                                      "tk.col.diff", "tk.col.p",
                                      "tk.col.p_holm", "tk.col.d", ""};
    static const int right2[7] = {0, 0, 1, 1, 1, 1, 0};
    mot_table *u = doc_table(d, lang, k2, right2, 7);
    for (size_t i = 0; i < rec->ncmp; i++) {
        const mot_tk_compare *m = &rec->cmp[i];
        int rate = strcmp(m->outcome, "churn") == 0;
        int nps = strcmp(m->outcome, "nps") == 0;
        double k = nps ? 100 : 1;
        char dd[128], p[32], ph[32], cd[32], pair[160];
        mot_report_est(dd, sizeof dd, k * m->diff, k * m->lo, k * m->hi,
                       nps ? 0 : 2, rate);
        snprintf(pair, sizeof pair, "%s - %s", mot_tr(lang, gkey[m->first]),
                 mot_tr(lang, gkey[m->second]));
        const char *cells[7] = {
            mot_tr(lang, rate ? "tk.col.churn"
                         : nps ? "tk.col.nps" : "tk.col.overall"),
            pair, dd, mot_report_pval(p, sizeof p, m->p),
            mot_report_pval(ph, sizeof ph, m->p_holm),
            mot_report_num(cd, sizeof cd, m->cohen_d, 2),
            m->p_holm < r->alpha ? "*" : ""};
        mot_doc_row(d, u, cells);
    }
    doc_say(d, lang, rec->paradox ? "tk.paradox" : "tk.no_paradox");
    const mot_tolerance *l = &rec->line;
    if (l->found) {
        char x[32], y[32], z[32], w[32];
        doc_say(d, lang, "tk.line", mot_report_pct(x, sizeof x, l->rate_beyond),
                mot_report_num(y, sizeof y, l->value, 1),
                mot_report_pct(z, sizeof z, l->rate_within),
                mot_report_num(w, sizeof w, l->p_adjusted, 4));
    } else {
        doc_say(d, lang, "tk.no_line");
    }
}

/* "T03 营业厅办理" for touchpoint t of c. */
static const char *cs_tp(char *buf, size_t n, const mot_consistency_result *c,
                         size_t t)
{
    if (strcmp(c->tp_id[t], c->tp_name[t]) != 0)
        snprintf(buf, n, "%s %s", c->tp_id[t], c->tp_name[t]);
    else
        snprintf(buf, n, "%s", c->tp_id[t]);
    return buf;
}

/* "95%" for level. */
static const char *level_text(char *buf, size_t n, double level)
{
    snprintf(buf, n, "%g%%", 100 * level);
    return buf;
}

static void consistency_doc(mot_doc *d, mot_lang lang,
                            const mot_consistency_result *c)
{
    char lv[16];
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "cs.h.consistency"));
    if (!c->has_staff && !c->has_branch) {
        doc_say(d, lang, "cs.none");
        return;
    }
    static const char *const k1[6] = {"cs.col.touchpoint", "cs.col.rated",
                                      "cs.col.icc_staff", "cs.col.p_staff",
                                      "cs.col.icc_branch", "cs.col.p_branch"};
    static const int right1[6] = {0, 1, 1, 1, 1, 1};
    mot_table *t = doc_table(d, lang, k1, right1, 6);
    for (size_t i = 0; i < c->ntps; i++) {
        const mot_cs_touchpoint *q = &c->tp[i];
        const mot_icc *s = &q->icc[MOT_CS_STAFF], *b = &q->icc[MOT_CS_BRANCH];
        if (isnan(s->icc) && isnan(b->icc))
            continue;
        char name[160], n[32], is[96], ps[32], ib[96], pb[32];
        snprintf(n, sizeof n, "%zu", q->n);
        const char *cells[6] = {
            cs_tp(name, sizeof name, c, q->tp), n,
            mot_report_est(is, sizeof is, s->icc, s->lo, s->hi, 3, 0),
            mot_report_pval(ps, sizeof ps, s->p),
            mot_report_est(ib, sizeof ib, b->icc, b->lo, b->hi, 3, 0),
            mot_report_pval(pb, sizeof pb, b->p)};
        mot_doc_row(d, t, cells);
    }
    doc_say(d, lang, "cs.legend.icc", level_text(lv, sizeof lv, c->level));
    char al[16], mn[16], f0[16], t0[16], f1[16], t1[16];
    snprintf(al, sizeof al, "%g", c->alpha);
    snprintf(mn, sizeof mn, "%zu", c->min_n);
    snprintf(f0, sizeof f0, "%zu", c->flagged[MOT_CS_STAFF]);
    snprintf(t0, sizeof t0, "%zu", c->tested[MOT_CS_STAFF]);
    snprintf(f1, sizeof f1, "%zu", c->flagged[MOT_CS_BRANCH]);
    snprintf(t1, sizeof t1, "%zu", c->tested[MOT_CS_BRANCH]);
    doc_say(d, lang, "cs.flagged", al, mn, f0, t0, f1, t1);
    if (c->flagged[MOT_CS_STAFF] + c->flagged[MOT_CS_BRANCH] == 0)
        return;
    static const char *const k2[8] = {
        "cs.col.touchpoint", "cs.col.factor", "cs.col.key", "cs.col.within",
        "cs.col.n", "cs.col.shrunk", "cs.col.diff", "tk.col.p_holm"};
    static const int right2[8] = {0, 0, 0, 0, 1, 1, 1, 1};
    mot_table *u = doc_table(d, lang, k2, right2, 8);
    for (size_t i = 0; i < c->ngroups; i++) {
        const mot_cs_group *g = &c->group[i];
        if (!g->flagged)
            continue;
        char name[160], n[32], sh[32], df[96], ph[32];
        snprintf(n, sizeof n, "%zu", g->n);
        const char *cells[8] = {
            cs_tp(name, sizeof name, c, g->tp),
            mot_tr(lang, g->factor == MOT_CS_STAFF ? "cs.factor.staff"
                                                   : "cs.factor.branch"),
            g->key, g->within ? g->within : mot_tr(lang, "cs.all"), n,
            mot_report_num(sh, sizeof sh, g->shrunk, 2),
            mot_report_est(df, sizeof df, g->diff, g->lo, g->hi, 2, 0),
            mot_report_pval(ph, sizeof ph, g->p_holm)};
        mot_doc_row(d, u, cells);
    }
    doc_say(d, lang, "cs.legend.below");
}

static void expectation_doc(mot_doc *d, mot_lang lang,
                            const mot_consistency_result *c)
{
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "ex.h"));
    if (!c->has_expected || c->nexpect == 0) {
        doc_say(d, lang, "ex.none");
        return;
    }
    static const char *const keys[7] = {
        "cs.col.touchpoint", "cs.col.n", "ex.col.expected", "ex.col.score",
        "ex.col.gap", "tk.col.p_holm", ""};
    static const int right[7] = {0, 1, 1, 1, 1, 1, 0};
    mot_table *t = doc_table(d, lang, keys, right, 7);
    for (size_t i = 0; i < c->nexpect; i++) {
        const mot_cs_expect *e = &c->expect[i];
        char name[160], n[32], ex[32], sc[32], df[96], ph[32];
        snprintf(n, sizeof n, "%zu", e->n);
        const char *cells[7] = {
            cs_tp(name, sizeof name, c, e->tp), n,
            mot_report_num(ex, sizeof ex, e->expected, 2),
            mot_report_num(sc, sizeof sc, e->score, 2),
            mot_report_est(df, sizeof df, e->diff, e->lo, e->hi, 2, 0),
            mot_report_pval(ph, sizeof ph, e->p_holm),
            e->p_holm < c->alpha ? "*" : ""};
        mot_doc_row(d, t, cells);
    }
    doc_say(d, lang, "ex.legend");
}

static void trends_doc(mot_doc *d, mot_lang lang,
                       const mot_consistency_result *c)
{
    if (c->ntrend == 0)
        return;
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s",
                mot_tr(lang, strcmp(c->period, "week") == 0 ? "tr.h.week"
                                                            : "tr.h.month"));
    static const char *const keys[5] = {"cs.col.touchpoint", "tr.col.period",
                                        "cs.col.n", "cs.col.mean",
                                        "tr.col.below"};
    static const int right[5] = {0, 0, 1, 1, 1};
    mot_table *t = doc_table(d, lang, keys, right, 5);
    for (size_t i = 0; i < c->ntrend; i++) {
        const mot_cs_trend *q = &c->trend[i];
        char name[160], n[32], m[96], b[96];
        snprintf(n, sizeof n, "%zu", q->n);
        const char *cells[5] = {
            i > 0 && c->trend[i - 1].tp == q->tp
                ? "" : cs_tp(name, sizeof name, c, q->tp),
            q->period, n,
            mot_report_est(m, sizeof m, q->mean, q->lo, q->hi, 2, 0),
            mot_report_est(b, sizeof b, q->share, q->share_lo, q->share_hi, 0,
                           1)};
        mot_doc_row(d, t, cells);
    }
    doc_say(d, lang, "tr.legend");
}

static void change_doc(mot_doc *d, mot_lang lang,
                       const mot_consistency_result *c)
{
    if (c->change_time == MOT_NO_TIME)
        return;
    char when[40];
    iso_time(c->change_time, when, sizeof when);
    when[10] = '\0';
    char head[128];
    snprintf(head, sizeof head, mot_tr(lang, "ch.h"), when);
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", head);
    static const char *const keys[10] = {
        "cs.col.touchpoint", "ch.col.before", "ch.col.after", "ch.col.diff",
        "tk.col.p_holm", "ch.col.below_before", "ch.col.below_after",
        "ch.col.below_diff", "tk.col.p_holm", ""};
    static const int right[10] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 0};
    mot_table *t = doc_table(d, lang, keys, right, 10);
    for (size_t i = 0; i < c->nchange; i++) {
        const mot_cs_change *q = &c->change[i];
        char name[160], mb[64], ma[64], df[96], p1[32], bb[32], ba[32],
            bd[96], p2[32];
        snprintf(mb, sizeof mb, "%s (%zu)",
                 mot_report_fixed(name, sizeof name, q->mean_before, 2),
                 q->n_before);
        snprintf(ma, sizeof ma, "%s (%zu)",
                 mot_report_fixed(name, sizeof name, q->mean_after, 2),
                 q->n_after);
        int sig = q->p_holm < c->alpha || q->below_p_holm < c->alpha;
        const char *cells[10] = {
            cs_tp(name, sizeof name, c, q->tp), mb, ma,
            mot_report_est(df, sizeof df, q->diff, q->lo, q->hi, 2, 0),
            mot_report_pval(p1, sizeof p1, q->p_holm),
            mot_report_pct(bb, sizeof bb, q->below_before),
            mot_report_pct(ba, sizeof ba, q->below_after),
            mot_report_est(bd, sizeof bd, q->below_diff, q->below_lo,
                           q->below_hi, 0, 1),
            mot_report_pval(p2, sizeof p2, q->below_p_holm), sig ? "*" : ""};
        mot_doc_row(d, t, cells);
    }
    doc_say(d, lang, "ch.legend");
}

void mot_report_tickets_doc(mot_doc *d, const mot_tickets_result *r,
                            const mot_consistency_result *c, mot_lang lang,
                            int section)
{
    static const char *const titles[MOT_TK_NBY] = {
        "tk.h.touchpoint", "tk.h.category", "tk.h.branch", "tk.h.staff",
        "tk.h.tier"};
    const mot_tk_group *t = &r->total;
    char n[32], end[32], open[32], over[32], share[32], ci[80];
    char rep[32], rshare[32], days[32], cust[32];
    mot_doc_add(d, section ? MOT_BLOCK_HEADING : MOT_BLOCK_TITLE, "%s",
                mot_tr(lang, "tk.title"));
    snprintf(n, sizeof n, "%zu", r->n);
    iso_time(r->end_time, end, sizeof end);
    snprintf(open, sizeof open, "%zu", t->open);
    snprintf(over, sizeof over, "%zu", t->open_overdue);
    doc_say(d, lang, "tk.summary", n, end, open, over,
            mot_report_pct(share, sizeof share, t->resolution_sla.share),
            mot_report_ci(ci, sizeof ci, t->resolution_sla.lo,
                          t->resolution_sla.hi, 0, 1));
    snprintf(rep, sizeof rep, "%zu", t->repeats);
    snprintf(days, sizeof days, "%g", r->repeat_days);
    snprintf(cust, sizeof cust, "%zu", r->repeat_customers);
    doc_say(d, lang, "tk.repeats", rep,
            mot_report_pct(rshare, sizeof rshare,
                           r->n ? (double)t->repeats / (double)r->n : NAN),
            days, cust);
    if (!r->has_response_sla)
        doc_say(d, lang, "tk.no_response_sla");
    for (int by = 0; by < MOT_TK_NBY; by++)
        if (r->nby[by])
            group_doc(d, lang, titles[by], r->by[by], r->nby[by], r);
    for (size_t i = 0; i < r->nby[MOT_TK_TIER]; i++)
        tier_std_doc(d, lang, r, &r->by[MOT_TK_TIER][i]);
    if (r->npareto)
        pareto_doc(d, lang, r);
    recovery_doc(d, lang, r);
    if (c && c->has_events) {
        consistency_doc(d, lang, c);
        expectation_doc(d, lang, c);
        trends_doc(d, lang, c);
        change_doc(d, lang, c);
    }
    if (r->nnotes) {
        mot_doc_add(d, MOT_BLOCK_HEADING, "%s",
                    mot_tr(lang, section ? "tk.h.notes_section"
                                         : "tk.h.notes"));
        for (size_t i = 0; i < r->nnotes; i++)
            mot_doc_add(d, MOT_BLOCK_BULLET, "%s", r->notes[i]);
    }
}

mot_status mot_report_tickets_render(FILE *f, const mot_tickets_result *r,
                                     const mot_consistency_result *c,
                                     mot_lang lang, int markdown)
{
    mot_doc d;
    mot_doc_init(&d);
    mot_report_tickets_doc(&d, r, c, lang, 0);
    mot_status st = d.status;
    if (st == MOT_OK)
        st = markdown ? mot_doc_layout_md(&d, f) : mot_doc_layout_text(&d, f);
    mot_doc_free(&d);
    if (st == MOT_OK && ferror(f))
        st = MOT_EIO;
    return st;
}

mot_status mot_report_tickets_text(FILE *f, const mot_tickets_result *r,
                                   mot_lang lang)
{
    return mot_report_tickets_render(f, r, NULL, lang, 0);
}
