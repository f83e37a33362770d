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

#include "mot/parse.h"
#include "mot/tickets.h"
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
                       const mot_tickets_result *r)
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

void mot_report_tickets_json(mot_json *j, const mot_tickets_result *r)
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
    mot_json_end_object(j);
    mot_json_key(j, "total");
    json_group(j, &r->total, r);
    for (int by = 0; by < MOT_TK_NBY; by++) {
        char key[32];
        snprintf(key, sizeof key, "by_%s", mot_tk_by_name((mot_tk_by)by));
        mot_json_key(j, key);
        mot_json_begin_array(j);
        for (size_t i = 0; i < r->nby[by]; i++)
            json_group(j, &r->by[by][i], r);
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
    snprintf(buf, n, "%s%s%s", e, c[0] ? " " : "", c);
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

static mot_status group_table(FILE *f, mot_lang lang, const char *title,
                              const mot_tk_group *g, size_t n,
                              const mot_tickets_result *r)
{
    int rs = r->has_response_sla;
    static const int right[10] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    size_t ncols = rs ? 10 : 9;
    mot_table *t = mot_table_new(ncols, right);
    if (!t)
        return MOT_ENOMEM;
    const char *head[10] = {
        mot_tr(lang, "tk.col.group"), mot_tr(lang, "tk.col.tickets"),
        mot_tr(lang, "tk.col.resp_median"), mot_tr(lang, "tk.col.resp_p90"),
        mot_tr(lang, "tk.col.res_median"), mot_tr(lang, "tk.col.res_p90"),
        mot_tr(lang, "tk.col.res_within"), mot_tr(lang, "tk.col.open"),
        mot_tr(lang, "tk.col.repeats"), mot_tr(lang, "tk.col.resp_within")};
    mot_status st = mot_table_add(t, head);
    for (size_t i = 0; i < n && st == MOT_OK; i++) {
        char c[10][128], label[160];
        const mot_tk_group *q = &g[i];
        if (strcmp(q->key, q->name) != 0)
            snprintf(label, sizeof label, "%s %s", q->key, q->name);
        else
            snprintf(label, sizeof label, "%s", q->key);
        snprintf(c[1], sizeof c[1], "%zu", q->n);
        mot_report_est(c[2], sizeof c[2], q->response.median, q->response.median_lo,
                q->response.median_hi, 1, 0);
        mot_report_num(c[3], sizeof c[3], q->response.p90, 1);
        mot_report_est(c[4], sizeof c[4], q->resolution.median,
                q->resolution.median_lo, q->resolution.median_hi, 1, 0);
        mot_report_est(c[5], sizeof c[5], q->resolution.p90, q->resolution.p90_lo,
                q->resolution.p90_hi, 1, 0);
        mot_report_est(c[6], sizeof c[6], q->resolution_sla.share,
                q->resolution_sla.lo, q->resolution_sla.hi, 0, 1);
        snprintf(c[7], sizeof c[7], "%zu (%zu %s)", q->open, q->open_overdue,
                 mot_tr(lang, "tk.col.overdue"));
        snprintf(c[8], sizeof c[8], "%zu", q->repeats);
        mot_report_est(c[9], sizeof c[9], q->response_sla.share, q->response_sla.lo,
                q->response_sla.hi, 0, 1);
        const char *cells[10] = {label, c[1], c[2], c[3], c[4],
                                 c[5], c[6], c[7], c[8], c[9]};
        st = mot_table_add(t, cells);
    }
    if (st == MOT_OK) {
        mot_report_heading(f, lang, title);
        mot_table_print(t, f, 0, 1);
    }
    mot_table_free(t);
    return st;
}

static mot_status pareto_text(FILE *f, mot_lang lang,
                              const mot_tickets_result *r)
{
    static const int right[5] = {0, 1, 1, 1, 0};
    mot_table *t = mot_table_new(5, right);
    if (!t)
        return MOT_ENOMEM;
    const char *head[5] = {
        mot_tr(lang, "tk.col.category"), mot_tr(lang, "tk.col.tickets"),
        mot_tr(lang, "tk.col.share"), mot_tr(lang, "tk.col.cumulative"),
        mot_tr(lang, "tk.col.vital")};
    mot_status st = mot_table_add(t, head);
    double vital = 0;
    for (size_t i = 0; i < r->npareto && st == MOT_OK; i++) {
        const mot_tk_pareto *q = &r->pareto[i];
        char n[32], s[32], c[32];
        snprintf(n, sizeof n, "%zu", q->n);
        const char *cells[5] = {q->category, n, mot_report_pct(s, sizeof s, q->share),
                                mot_report_pct(c, sizeof c, q->cumulative),
                                q->vital ? "*" : ""};
        if (q->vital)
            vital = q->cumulative;
        st = mot_table_add(t, cells);
    }
    if (st == MOT_OK) {
        char a[32], b[32];
        mot_report_heading(f, lang, "tk.h.pareto");
        mot_table_print(t, f, 0, 1);
        snprintf(a, sizeof a, "%zu", r->nvital);
        mot_report_say(f, lang, "tk.pareto", a, mot_report_pct(b, sizeof b, vital));
    }
    mot_table_free(t);
    return st;
}

static mot_status recovery_text(FILE *f, mot_lang lang,
                                const mot_tickets_result *r)
{
    const mot_tk_recovery *rec = &r->recovery;
    char a[64], b[80], c[32];
    mot_report_heading(f, lang, "tk.h.recovery");
    snprintf(c, sizeof c, "%zu", rec->rate.judged);
    mot_report_say(f, lang, "tk.rate", mot_report_pct(a, sizeof a, rec->rate.share),
        mot_report_ci(b, sizeof b, rec->rate.lo, rec->rate.hi, 0, 1), c);
    if (!r->has_customers)
        return MOT_OK;
    static const char *const gkey[MOT_TK_NGROUPS] = {
        "tk.group.recovered", "tk.group.no_failure", "tk.group.not_recovered"};
    static const int right[5] = {0, 1, 1, 1, 1};
    static const int right2[7] = {0, 0, 1, 1, 1, 1, 0};
    mot_table *t = mot_table_new(5, right), *u = mot_table_new(7, right2);
    mot_status st = t && u ? MOT_OK : MOT_ENOMEM;
    const char *h1[5] = {
        mot_tr(lang, "tk.col.group"), mot_tr(lang, "tk.col.customers"),
        mot_tr(lang, "tk.col.overall"), mot_tr(lang, "tk.col.nps"),
        mot_tr(lang, "tk.col.churn")};
    if (st == MOT_OK)
        st = mot_table_add(t, h1);
    for (int g = 0; g < MOT_TK_NGROUPS && st == MOT_OK; g++) {
        char n[32], o[128], p[128], q[128];
        snprintf(n, sizeof n, "%zu", rec->customers[g]);
        const char *cells[5] = {
            mot_tr(lang, gkey[g]), n,
            mot_report_est(o, sizeof o, rec->overall[g].value, rec->overall[g].lo,
                    rec->overall[g].hi, 2, 0),
            mot_report_est(p, sizeof p, 100 * rec->nps[g].value,
                    100 * rec->nps[g].lo, 100 * rec->nps[g].hi, 0, 0),
            mot_report_est(q, sizeof q, rec->churn[g].value, rec->churn[g].lo,
                    rec->churn[g].hi, 0, 1)};
        st = mot_table_add(t, cells);
    }
    const char *h2[7] = {
        mot_tr(lang, "tk.col.outcome"), mot_tr(lang, "tk.col.compare"),
        mot_tr(lang, "tk.col.diff"), mot_tr(lang, "tk.col.p"),
        mot_tr(lang, "tk.col.p_holm"), mot_tr(lang, "tk.col.d"), ""};
    if (st == MOT_OK)
        st = mot_table_add(u, h2);
    for (size_t i = 0; i < rec->ncmp && st == MOT_OK; i++) {
        const mot_tk_compare *m = &rec->cmp[i];
        int rate = strcmp(m->outcome, "churn") == 0;
        int nps = strcmp(m->outcome, "nps") == 0;
        double k = nps ? 100 : 1;
        char d[128], p[32], ph[32], cd[32];
        mot_report_est(d, sizeof d, k * m->diff, k * m->lo, k * m->hi, nps ? 0 : 2,
                rate);
        char pair[160];
        snprintf(pair, sizeof pair, "%s - %s", mot_tr(lang, gkey[m->first]),
                 mot_tr(lang, gkey[m->second]));
        const char *cells[7] = {
            mot_tr(lang, rate ? "tk.col.churn"
                         : nps ? "tk.col.nps" : "tk.col.overall"),
            pair, d, mot_report_pval(p, sizeof p, m->p),
            mot_report_pval(ph, sizeof ph, m->p_holm),
            mot_report_num(cd, sizeof cd, m->cohen_d, 2),
            m->p_holm < r->alpha ? "*" : ""};
        st = mot_table_add(u, cells);
    }
    if (st == MOT_OK) {
        fputc('\n', f);
        mot_table_print(t, f, 0, 1);
        fputc('\n', f);
        mot_table_print(u, f, 0, 1);
        fputc('\n', f);
        mot_report_say(f, lang, rec->paradox ? "tk.paradox" : "tk.no_paradox");
        const mot_tolerance *l = &rec->line;
        if (l->found) {
            char x[32], y[32], z[32], w[32];
            mot_report_say(f, lang, "tk.line", mot_report_pct(x, sizeof x, l->rate_beyond),
                mot_report_num(y, sizeof y, l->value, 1),
                mot_report_pct(z, sizeof z, l->rate_within),
                mot_report_num(w, sizeof w, l->p_adjusted, 4));
        } else {
            mot_report_say(f, lang, "tk.no_line");
        }
    }
    mot_table_free(t);
    mot_table_free(u);
    return st;
}

mot_status mot_report_tickets_text(FILE *f, const mot_tickets_result *r,
                                   mot_lang lang)
{
    static const char *const titles[MOT_TK_NBY] = {
        "tk.h.touchpoint", "tk.h.category", "tk.h.branch", "tk.h.staff"};
    const mot_tk_group *t = &r->total;
    char n[32], end[32], open[32], over[32], share[32], ci[80];
    char rep[32], rshare[32], days[32], cust[32];
    fprintf(f, "%s\n", mot_tr(lang, "tk.title"));
    snprintf(n, sizeof n, "%zu", r->n);
    iso_time(r->end_time, end, sizeof end);
    snprintf(open, sizeof open, "%zu", t->open);
    snprintf(over, sizeof over, "%zu", t->open_overdue);
    mot_report_say(f, lang, "tk.summary", n, end, open, over,
        mot_report_pct(share, sizeof share, t->resolution_sla.share),
        mot_report_ci(ci, sizeof ci, t->resolution_sla.lo, t->resolution_sla.hi, 0,
               1));
    snprintf(rep, sizeof rep, "%zu", t->repeats);
    snprintf(days, sizeof days, "%g", r->repeat_days);
    snprintf(cust, sizeof cust, "%zu", r->repeat_customers);
    mot_report_say(f, lang, "tk.repeats", rep,
        mot_report_pct(rshare, sizeof rshare,
                r->n ? (double)t->repeats / (double)r->n : NAN),
        days, cust);
    if (!r->has_response_sla)
        mot_report_say(f, lang, "tk.no_response_sla");
    mot_status st = MOT_OK;
    for (int by = 0; by < MOT_TK_NBY && st == MOT_OK; by++)
        if (r->nby[by])
            st = group_table(f, lang, titles[by], r->by[by], r->nby[by], r);
    if (st == MOT_OK && r->npareto)
        st = pareto_text(f, lang, r);
    if (st == MOT_OK)
        st = recovery_text(f, lang, r);
    if (st == MOT_OK && r->nnotes) {
        mot_report_heading(f, lang, "tk.h.notes");
        for (size_t i = 0; i < r->nnotes; i++)
            fprintf(f, "- %s\n", r->notes[i]);
    }
    if (st == MOT_OK && ferror(f))
        st = MOT_EIO;
    return st;
}
