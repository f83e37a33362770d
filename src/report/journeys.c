/*
** journeys.c (report): the journeys of an analysis (mot/journeys.h) as
** the "journeys" JSON object of `mot analyze` and as a section of its
** text and Markdown reports.
**
** Both say the same things: the directly-follows steps (most frequent
** first, with the median time between the two events and its interval),
** the steps and variants whose churn differs from the rest (Holm-adjusted
** p below alpha), the most common variants, first-contact resolution per
** touchpoint and the high-frequency needs (contacts per 100 customers by
** stage, in the first days and by segment). Keys are in docs/report.md.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/internal.h"

#define TOP_STEPS 10       /* steps in the text table */
#define TOP_NEEDS 3        /* touchpoints named per stage or segment */

/* The id of step end x: a touchpoint id, "start" or "end". */
static const char *step_id(const mot_project *p, size_t ntp, size_t x)
{
    if (x == MOT_JOURNEY_START(ntp))
        return "start";
    if (x == MOT_JOURNEY_END(ntp))
        return "end";
    return p->blueprint.tp[x].id;
}

/* ---- JSON ---------------------------------------------------------------- */

static void churn_json(mot_json *j, const mot_journeys *jr,
                       const mot_journey_churn *c)
{
    mot_json_key(j, "churn");
    if (!jr->has_churn) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_member_number(j, "n", c->n);
    mot_json_member_number(j, "churners", c->churners);
    mot_json_member_number(j, "rate", c->rate);
    mot_json_member_interval(j, "ci", c->lo, c->hi);
    mot_json_member_number(j, "rest_n", c->rest_n);
    mot_json_member_number(j, "rest_rate", c->rest_rate);
    mot_json_member_interval(j, "rest_ci", c->rest_lo, c->rest_hi);
    mot_json_member_number(j, "ratio", c->ratio);
    mot_json_member_number(j, "chisq", c->chisq);
    mot_json_member_number(j, "p", c->p);
    mot_json_member_number(j, "p_adjusted", c->p_adjusted);
    mot_json_end_object(j);
}

static void edges_json(mot_json *j, const mot_project *p,
                       const mot_journeys *jr)
{
    mot_json_key(j, "directly_follows");
    mot_json_begin_array(j);
    for (size_t i = 0; i < jr->nedges; i++) {
        const mot_journey_edge *e = &jr->edges[i];
        mot_json_begin_object(j);
        mot_json_key(j, "from");
        mot_json_string(j, step_id(p, jr->ntp, e->from));
        mot_json_key(j, "to");
        mot_json_string(j, step_id(p, jr->ntp, e->to));
        mot_json_member_count(j, "count", e->count);
        mot_json_member_count(j, "customers", e->customers);
        mot_json_member_number(j, "median_hours", e->median_hours);
        mot_json_member_interval(j, "median_ci", e->median_lo, e->median_hi);
        mot_json_member_count(j, "n_times", e->n_times);
        mot_json_key(j, "median_method");
        if (e->n_times)
            mot_json_string(j, e->median_exact ? "exact" : "binned");
        else
            mot_json_null(j);
        churn_json(j, jr, &e->churn);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
}

static void variants_json(mot_json *j, const mot_project *p,
                          const mot_journeys *jr)
{
    mot_json_key(j, "variants");
    mot_json_begin_object(j);
    mot_json_member_count(j, "distinct", jr->distinct_variants);
    mot_json_member_count(j, "other_customers", jr->other_customers);
    mot_json_member_count(j, "tested", jr->variants_tested);
    mot_json_key(j, "top");
    mot_json_begin_array(j);
    for (size_t i = 0; i < jr->nvariants; i++) {
        const mot_journey_variant *v = &jr->variants[i];
        mot_json_begin_object(j);
        mot_json_key(j, "path");
        mot_json_begin_array(j);
        for (size_t k = 0; k < v->nsteps; k++)
            mot_json_string(j, p->blueprint.tp[v->steps[k]].id);
        mot_json_end_array(j);
        mot_json_member_count(j, "customers", v->customers);
        mot_json_member_number(j, "share", v->share);
        churn_json(j, jr, &v->churn);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_end_object(j);
}

static void fcr_json(mot_json *j, const mot_project *p,
                     const mot_journeys *jr)
{
    mot_json_key(j, "first_contact_resolution");
    mot_json_begin_array(j);
    for (size_t t = 0; t < jr->ntp; t++) {
        const mot_journey_fcr *r = &jr->fcr[t];
        if (!r->contacts)
            continue;
        mot_json_begin_object(j);
        mot_json_key(j, "touchpoint");
        mot_json_string(j, p->blueprint.tp[t].id);
        mot_json_member_count(j, "contacts", r->contacts);
        mot_json_member_count(j, "episodes", r->episodes);
        mot_json_member_count(j, "resolved", r->resolved);
        mot_json_member_count(j, "repeats", r->repeats);
        mot_json_member_number(j, "fcr", r->fcr);
        mot_json_member_interval(j, "ci", r->lo, r->hi);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
}

/* Contacts per 100 of n customers. */
static double per100(uint64_t contacts, size_t n)
{
    return n ? 100.0 * (double)contacts / (double)n : NAN;
}

static void needs_json(mot_json *j, const mot_project *p,
                       const mot_journeys *jr)
{
    const mot_blueprint *b = &p->blueprint;
    mot_json_key(j, "needs");
    mot_json_begin_object(j);
    mot_json_key(j, "by_touchpoint");
    mot_json_begin_array(j);
    for (size_t t = 0; t < jr->ntp; t++) {
        if (!jr->contacts[t])
            continue;
        mot_json_begin_object(j);
        mot_json_key(j, "touchpoint");
        mot_json_string(j, b->tp[t].id);
        mot_json_key(j, "stage");
        mot_json_string(j, b->tp[t].stage);
        mot_json_member_count(j, "contacts", jr->contacts[t]);
        mot_json_member_number(j, "per_100_customers",
                               per100(jr->contacts[t], jr->customers));
        mot_json_member_count(j, "first_days_contacts", jr->first_contacts[t]);
        mot_json_member_number(j, "first_days_per_100_customers",
                               per100(jr->first_contacts[t], jr->customers));
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "by_stage");
    mot_json_begin_array(j);
    for (size_t s = 0; s < b->nstages; s++) {
        uint64_t n = 0;
        for (size_t t = 0; t < jr->ntp; t++)
            if (b->tp[t].stage_index == s)
                n += jr->contacts[t];
        mot_json_begin_object(j);
        mot_json_key(j, "stage");
        mot_json_string(j, b->stages[s]);
        mot_json_member_count(j, "contacts", n);
        mot_json_member_number(j, "per_100_customers",
                               per100(n, jr->customers));
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "by_segment");
    mot_json_begin_array(j);
    for (size_t s = 0; s < jr->nsegments; s++) {
        mot_json_begin_object(j);
        mot_json_key(j, "segment");
        mot_json_string(j, jr->segment_names[s]);
        mot_json_member_count(j, "customers", jr->segment_customers[s]);
        mot_json_key(j, "touchpoints");
        mot_json_begin_array(j);
        for (size_t t = 0; t < jr->ntp; t++) {
            uint64_t n = jr->segment_contacts[s * jr->ntp + t];
            if (!n)
                continue;
            mot_json_begin_object(j);
            mot_json_key(j, "touchpoint");
            mot_json_string(j, b->tp[t].id);
            mot_json_member_count(j, "contacts", n);
            mot_json_member_number(j, "per_100_customers",
                                   per100(n, jr->segment_customers[s]));
            mot_json_end_object(j);
        }
        mot_json_end_array(j);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_end_object(j);
}

void mot_report_journeys_json(mot_json *j, const mot_project *p,
                              const mot_analysis *a)
{
    const mot_journeys *jr = a->journeys;
    if (!jr)
        return;
    mot_json_key(j, "journeys");
    mot_json_begin_object(j);
    mot_json_member_count(j, "customers", jr->customers);
    mot_json_member_count(j, "events", jr->events);
    mot_json_member_number(j, "repeat_days", jr->repeat_days);
    mot_json_member_number(j, "first_days", jr->first_days);
    mot_json_member_number(j, "level", jr->level);
    mot_json_member_count(j, "min_group", jr->min_group);
    mot_json_member_count(j, "steps_tested", jr->edges_tested);
    edges_json(j, p, jr);
    variants_json(j, p, jr);
    fcr_json(j, p, jr);
    needs_json(j, p, jr);
    mot_json_end_object(j);
}

/* ---- text and Markdown --------------------------------------------------- */

/* "a → b" of a step, with names, into buf. */
static const char *step_text(char *buf, size_t n, const mot_project *p,
                             const mot_journeys *jr, size_t from, size_t to,
                             mot_lang lang)
{
    const char *f = from == MOT_JOURNEY_START(jr->ntp)
                        ? mot_tr(lang, "jr.start")
                        : p->blueprint.tp[from].name;
    const char *t = to == MOT_JOURNEY_END(jr->ntp)
                        ? mot_tr(lang, "jr.end")
                        : p->blueprint.tp[to].name;
    snprintf(buf, n, "%s \xe2\x86\x92 %s", f, t);
    return buf;
}

/* A churn rate with its interval, "12% [10%, 14%]". */
static const char *rate_cell(char *buf, size_t n, double x, double lo,
                             double hi)
{
    return mot_report_est(buf, n, x, lo, hi, 0, 1);
}

static int churn_differs(const mot_journey_churn *c, double alpha)
{
    return isfinite(c->p_adjusted) && c->p_adjusted < alpha;
}

static void steps_table(mot_doc *d, const mot_project *p,
                        const mot_journeys *jr, mot_lang lang)
{
    static const int right[] = {0, 1, 1, 1, 1, 1, 1};
    const char *head[] = {mot_tr(lang, "jr.col.step"),
                          mot_tr(lang, "jr.col.count"),
                          mot_tr(lang, "jr.col.customers"),
                          mot_tr(lang, "jr.col.median"),
                          mot_tr(lang, "jr.col.churn"),
                          mot_tr(lang, "jr.col.churn_rest"),
                          mot_tr(lang, "jr.col.p_adj")};
    mot_table *t = mot_doc_table(d, 7, right);
    mot_doc_row(d, t, head);
    for (size_t i = 0; i < jr->nedges && i < TOP_STEPS; i++) {
        const mot_journey_edge *e = &jr->edges[i];
        char step[512], cnt[32], cust[32], med[96], ch[96], rest[96], pv[16];
        snprintf(cnt, sizeof cnt, "%llu", (unsigned long long)e->count);
        snprintf(cust, sizeof cust, "%zu", e->customers);
        const char *cells[] = {
            step_text(step, sizeof step, p, jr, e->from, e->to, lang), cnt,
            cust,
            mot_report_est(med, sizeof med, e->median_hours, e->median_lo,
                           e->median_hi, 1, 0),
            rate_cell(ch, sizeof ch, e->churn.rate, e->churn.lo, e->churn.hi),
            rate_cell(rest, sizeof rest, e->churn.rest_rate, e->churn.rest_lo,
                      e->churn.rest_hi),
            mot_report_pval(pv, sizeof pv, e->churn.p_adjusted)};
        mot_doc_row(d, t, cells);
    }
}

/* The steps whose churn differs from the rest's, higher churn first. */
static void churn_steps(mot_doc *d, const mot_project *p,
                        const mot_journeys *jr, double alpha, mot_lang lang)
{
    int any = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < jr->nedges; i++) {
            const mot_journey_edge *e = &jr->edges[i];
            if (!churn_differs(&e->churn, alpha) ||
                (pass == 0) != (e->churn.rate > e->churn.rest_rate))
                continue;
            char step[512], ch[96], rest[96], pv[16], n[32];
            snprintf(n, sizeof n, "%zu", e->customers);
            mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "jr.churn_step"),
                        step_text(step, sizeof step, p, jr, e->from, e->to,
                                  lang),
                        n,
                        rate_cell(ch, sizeof ch, e->churn.rate, e->churn.lo,
                                  e->churn.hi),
                        rate_cell(rest, sizeof rest, e->churn.rest_rate,
                                  e->churn.rest_lo, e->churn.rest_hi),
                        mot_report_pval(pv, sizeof pv, e->churn.p_adjusted));
            any = 1;
        }
    if (!any)
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "jr.churn_none"));
}

/* The collapsed path of v as "a → b → c" into buf. */
static const char *path_text(char *buf, size_t n, const mot_project *p,
                             const mot_journey_variant *v)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < v->nsteps; k++) {
        int w = snprintf(buf + used, n - used, "%s%s",
                         k ? " \xe2\x86\x92 " : "",
                         p->blueprint.tp[v->steps[k]].id);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

static void variants_table(mot_doc *d, const mot_project *p,
                           const mot_journeys *jr, mot_lang lang)
{
    static const int right[] = {0, 1, 1, 1, 1};
    const char *head[] = {mot_tr(lang, "jr.col.path"),
                          mot_tr(lang, "jr.col.customers"),
                          mot_tr(lang, "jr.col.share"),
                          mot_tr(lang, "jr.col.churn"),
                          mot_tr(lang, "jr.col.p_adj")};
    char n[32], m[32];
    snprintf(n, sizeof n, "%zu", jr->distinct_variants);
    snprintf(m, sizeof m, "%zu", jr->nvariants);
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "jr.variants"), n, m);
    mot_table *t = mot_doc_table(d, 5, right);
    mot_doc_row(d, t, head);
    for (size_t i = 0; i < jr->nvariants; i++) {
        const mot_journey_variant *v = &jr->variants[i];
        char path[1024], cust[32], share[32], ch[96], pv[16];
        snprintf(cust, sizeof cust, "%zu", v->customers);
        const char *cells[] = {
            path_text(path, sizeof path, p, v), cust,
            mot_report_pct(share, sizeof share, v->share),
            rate_cell(ch, sizeof ch, v->churn.rate, v->churn.lo, v->churn.hi),
            mot_report_pval(pv, sizeof pv, v->churn.p_adjusted)};
        mot_doc_row(d, t, cells);
    }
}

static void fcr_table(mot_doc *d, const mot_project *p,
                      const mot_journeys *jr, mot_lang lang)
{
    static const int right[] = {0, 1, 1, 1, 1};
    const char *head[] = {mot_tr(lang, "col.touchpoint"),
                          mot_tr(lang, "jr.col.contacts"),
                          mot_tr(lang, "jr.col.episodes"),
                          mot_tr(lang, "jr.col.repeats"),
                          mot_tr(lang, "jr.col.fcr")};
    char days[32];
    mot_report_num(days, sizeof days, jr->repeat_days, 0);
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "jr.fcr"), days);
    mot_table *t = mot_doc_table(d, 5, right);
    mot_doc_row(d, t, head);
    for (size_t i = 0; i < jr->ntp; i++) {
        const mot_journey_fcr *r = &jr->fcr[i];
        if (!r->contacts)
            continue;
        char c[32], e[32], rep[32], f[96];
        snprintf(c, sizeof c, "%llu", (unsigned long long)r->contacts);
        snprintf(e, sizeof e, "%llu", (unsigned long long)r->episodes);
        snprintf(rep, sizeof rep, "%llu", (unsigned long long)r->repeats);
        const char *cells[] = {p->blueprint.tp[i].name, c, e, rep,
                               rate_cell(f, sizeof f, r->fcr, r->lo, r->hi)};
        mot_doc_row(d, t, cells);
    }
}

/* "name 12.3, name 4.5": the TOP_NEEDS touchpoints with most counts
** (ntp entries; shown per 100 of n customers), only those of stage
** *stage when stage is not NULL; "" when none has a count. */
static const char *top_needs(char *buf, size_t size, const mot_project *p,
                             const uint64_t *counts, size_t ntp, size_t n,
                             const size_t *stage)
{
    size_t used = 0, done[TOP_NEEDS], ndone = 0;
    buf[0] = '\0';
    while (ndone < TOP_NEEDS) {
        size_t best = ntp;
        for (size_t t = 0; t < ntp; t++) {
            int taken = 0;
            for (size_t k = 0; k < ndone; k++)
                taken |= done[k] == t;
            if (taken || !counts[t] ||
                (stage && p->blueprint.tp[t].stage_index != *stage))
                continue;
            if (best == ntp || counts[t] > counts[best])
                best = t;
        }
        if (best == ntp)
            break;
        done[ndone++] = best;
        char v[32];
        int w = snprintf(buf + used, size - used, "%s%s %s",
                         used ? ", " : "", p->blueprint.tp[best].name,
                         mot_report_num(v, sizeof v,
                                        per100(counts[best], n), 1));
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

static void needs_section(mot_doc *d, const mot_project *p,
                          const mot_journeys *jr, mot_lang lang)
{
    const mot_blueprint *b = &p->blueprint;
    char buf[1024], days[32], n[32];
    mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "jr.needs"));
    for (size_t s = 0; s < b->nstages; s++) {
        top_needs(buf, sizeof buf, p, jr->contacts, jr->ntp, jr->customers,
                  &s);
        if (buf[0])
            mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "jr.needs.stage"),
                        b->stages[s], buf);
    }
    mot_report_num(days, sizeof days, jr->first_days, 0);
    top_needs(buf, sizeof buf, p, jr->first_contacts, jr->ntp, jr->customers,
              NULL);
    if (buf[0])
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "jr.needs.first"), days,
                    buf);
    for (size_t s = 0; s < jr->nsegments; s++) {
        top_needs(buf, sizeof buf, p, jr->segment_contacts + s * jr->ntp,
                  jr->ntp, jr->segment_customers[s], NULL);
        snprintf(n, sizeof n, "%zu", jr->segment_customers[s]);
        if (buf[0])
            mot_doc_add(d, MOT_BLOCK_BULLET,
                        mot_tr(lang, "jr.needs.segment"),
                        jr->segment_names[s], n, buf);
    }
}

void mot_report_journeys_doc(mot_doc *d, const mot_project *p,
                             const mot_analysis *a, mot_lang lang)
{
    const mot_journeys *jr = a->journeys;
    char n[32], e[32];
    if (!jr || jr->customers == 0)
        return;
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.journeys"));
    snprintf(n, sizeof n, "%zu", jr->customers);
    snprintf(e, sizeof e, "%llu", (unsigned long long)jr->events);
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "jr.summary"), n, e);
    steps_table(d, p, jr, lang);
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "jr.legend.steps"), "");
    if (jr->has_churn) {
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "jr.churn_steps"));
        churn_steps(d, p, jr, 1 - jr->level, lang);
    }
    variants_table(d, p, jr, lang);
    fcr_table(d, p, jr, lang);
    needs_section(d, p, jr, lang);
}
