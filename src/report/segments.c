/*
** segments.c (report): the analysis per segment (mot/segments.h) as the
** "segments" JSON object of `mot analyze --segment COL` and as a section
** of its text and Markdown reports: each segment's size and moments of
** truth, then the touchpoints whose moment differs between segments with
** each segment's evidence (churn odds ratio and loyalty lift with their
** intervals) and the heterogeneity tests. Keys are in docs/report.md.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/internal.h"

/* ---- JSON ---------------------------------------------------------------- */

static void test_json(mot_json *j, const char *key, const mot_segment_test *t)
{
    mot_json_key(j, key);
    if (t->k < 2) {
        mot_json_null(j);
        return;
    }
    mot_json_begin_object(j);
    mot_json_member_count(j, "segments", t->k);
    mot_json_member_number(j, "q", t->q);
    mot_json_member_number(j, "df", t->df);
    mot_json_member_number(j, "p", t->p);
    mot_json_end_object(j);
}

/* One touchpoint of one segment, compact. */
static void tp_json(mot_json *j, const mot_project *p, const mot_tp_result *r)
{
    mot_json_begin_object(j);
    mot_json_key(j, "id");
    mot_json_string(j, p->blueprint.tp[r->tp].id);
    mot_json_key(j, "mot");
    mot_json_string(j, mot_kind_name(r->kind));
    if (r->priority > 0)
        mot_json_member_count(j, "priority", (uint64_t)r->priority);
    else {
        mot_json_key(j, "priority");
        mot_json_null(j);
    }
    mot_json_member_count(j, "n", r->n);
    mot_json_member_number(j, "reach", r->reach);
    mot_json_member_number(j, "mean", r->mean);
    mot_json_member_number(j, "importance", r->importance);
    mot_json_member_interval(j, "importance_ci", r->importance_lo,
                             r->importance_hi);
    mot_json_member_number(j, "odds_ratio", r->odds_ratio);
    mot_json_member_interval(j, "odds_ratio_ci", r->or_lo, r->or_hi);
    mot_json_member_number(j, "churn_p_holm", r->churn_p_adj);
    mot_json_member_number(j, "lift", r->lift);
    mot_json_member_interval(j, "lift_ci", r->lift_lo, r->lift_hi);
    mot_json_member_number(j, "lift_p_holm", r->lift_p_adj);
    mot_json_end_object(j);
}

void mot_report_segments_json(mot_json *j, const mot_project *p,
                              const mot_analysis *a)
{
    const mot_segments *s = a->segments;
    if (!s)
        return;
    mot_json_key(j, "segments");
    mot_json_begin_object(j);
    mot_json_key(j, "column");
    mot_json_string(j, s->column);
    mot_json_key(j, "tiers");
    if (s->tiers) {
        mot_json_begin_object(j);
        mot_json_key(j, "measure");
        mot_json_string(j, "value");
        mot_json_key(j, "method");
        mot_json_string(j, "quantile thirds (type 7)");
        mot_json_member_interval(j, "cuts", s->tier_cut[0], s->tier_cut[1]);
        mot_json_end_object(j);
    } else {
        mot_json_null(j);
    }
    mot_json_member_count(j, "unassigned", s->unassigned);
    mot_json_key(j, "segments");
    mot_json_begin_array(j);
    for (size_t k = 0; k < s->nseg; k++) {
        const mot_segment *g = &s->seg[k];
        mot_json_begin_object(j);
        mot_json_key(j, "segment");
        mot_json_string(j, g->name);
        mot_json_member_count(j, "n", g->n);
        mot_json_member_count(j, "events", g->events);
        mot_json_member_count(j, "tier_tolerances", g->tier_tolerances);
        mot_json_member_count(j, "churn_n", g->a->churn_n);
        mot_json_member_number(j, "churners", g->a->churners);
        mot_json_key(j, "moments_of_truth");
        mot_json_begin_array(j);
        for (size_t i = 0; i < g->a->nmoments; i++)
            mot_json_string(j,
                            p->blueprint.tp[g->a->tp[g->a->moments[i]].tp].id);
        mot_json_end_array(j);
        mot_json_key(j, "touchpoints");
        mot_json_begin_array(j);
        for (size_t t = 0; t < g->a->ntp; t++)
            tp_json(j, p, &g->a->tp[t]);
        mot_json_end_array(j);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_key(j, "differs");
    mot_json_begin_array(j);
    for (size_t i = 0; i < s->ndiff; i++) {
        const mot_segment_diff *d = &s->diff[i];
        mot_json_begin_object(j);
        mot_json_key(j, "touchpoint");
        mot_json_string(j, p->blueprint.tp[d->tp].id);
        mot_json_key(j, "by_segment");
        mot_json_begin_array(j);
        for (size_t k = 0; k < s->nseg; k++) {
            const mot_tp_result *r = &s->seg[k].a->tp[d->tp];
            mot_json_begin_object(j);
            mot_json_key(j, "segment");
            mot_json_string(j, s->seg[k].name);
            mot_json_key(j, "mot");
            mot_json_string(j, mot_kind_name(r->kind));
            mot_json_member_number(j, "odds_ratio", r->odds_ratio);
            mot_json_member_interval(j, "odds_ratio_ci", r->or_lo, r->or_hi);
            mot_json_member_number(j, "churn_p_holm", r->churn_p_adj);
            mot_json_member_number(j, "lift", r->lift);
            mot_json_member_interval(j, "lift_ci", r->lift_lo, r->lift_hi);
            mot_json_member_number(j, "lift_p_holm", r->lift_p_adj);
            mot_json_end_object(j);
        }
        mot_json_end_array(j);
        test_json(j, "churn_heterogeneity", &d->churn);
        test_json(j, "lift_heterogeneity", &d->lift);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_end_object(j);
}

/* ---- text and Markdown --------------------------------------------------- */

static const char *kind_word(mot_lang lang, mot_kind k)
{
    switch (k) {
    case MOT_KIND_NEGATIVE: return mot_tr(lang, "kind.negative");
    case MOT_KIND_POSITIVE: return mot_tr(lang, "kind.positive");
    case MOT_KIND_HYGIENE: return mot_tr(lang, "kind.hygiene");
    case MOT_KIND_NONE: break;
    }
    return mot_tr(lang, "kind.none");
}

/* "T06 (negative), T13 (positive)" or "-" into buf. */
static const char *moments_text(char *buf, size_t n, const mot_project *p,
                                const mot_analysis *a, mot_lang lang)
{
    size_t used = 0;
    snprintf(buf, n, "-");
    for (size_t i = 0; i < a->nmoments; i++) {
        const mot_tp_result *r = &a->tp[a->moments[i]];
        int w = snprintf(buf + used, n - used, "%s%s %s", i ? ", " : "",
                         p->blueprint.tp[r->tp].id, kind_word(lang, r->kind));
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

/* One segment's evidence at a touchpoint, for the differs list. */
static const char *evidence(char *buf, size_t n, const mot_segment *g,
                            const mot_tp_result *r, mot_lang lang)
{
    char or[96], lift[96];
    mot_report_est(or, sizeof or, r->odds_ratio, r->or_lo, r->or_hi, 2, 0);
    mot_report_est(lift, sizeof lift, r->lift, r->lift_lo, r->lift_hi, 2, 0);
    snprintf(buf, n, mot_tr(lang, "sg.evidence"), g->name,
             kind_word(lang, r->kind), or, lift);
    return buf;
}

void mot_report_segments_doc(mot_doc *d, const mot_project *p,
                             const mot_analysis *a, mot_lang lang)
{
    const mot_segments *s = a->segments;
    if (!s)
        return;
    mot_doc_add(d, MOT_BLOCK_HEADING, mot_tr(lang, "h.segments"), s->column);
    if (s->tiers) {
        char lo[32], hi[32];
        mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "sg.tiers"),
                    mot_report_num(lo, sizeof lo, s->tier_cut[0], 2),
                    mot_report_num(hi, sizeof hi, s->tier_cut[1], 2));
    }
    static const int right[] = {0, 1, 1, 0};
    const char *head[] = {mot_tr(lang, "sg.col.segment"),
                          mot_tr(lang, "sg.col.customers"),
                          mot_tr(lang, "sg.col.churners"),
                          mot_tr(lang, "sg.col.moments")};
    mot_table *t = mot_doc_table(d, 4, right);
    mot_doc_row(d, t, head);
    for (size_t k = 0; k < s->nseg; k++) {
        const mot_segment *g = &s->seg[k];
        char n[32], ch[32], m[1024];
        snprintf(n, sizeof n, "%zu", g->n);
        mot_report_fixed(ch, sizeof ch, g->a->churners, 0);
        const char *cells[] = {g->name, n, ch,
                               moments_text(m, sizeof m, p, g->a, lang)};
        mot_doc_row(d, t, cells);
    }
    for (size_t k = 0; k < s->nseg; k++)
        if (s->seg[k].tier_tolerances) {
            char n[32];
            snprintf(n, sizeof n, "%zu", s->seg[k].tier_tolerances);
            mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "sg.tier_tol"),
                        s->seg[k].name, n, s->seg[k].name);
        }
    if (s->ndiff == 0) {
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "sg.same"));
        return;
    }
    mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "sg.differs"));
    for (size_t i = 0; i < s->ndiff; i++) {
        const mot_segment_diff *df = &s->diff[i];
        char line[2048], ev[512], pc[32], pl[32];
        size_t used = 0;
        line[0] = '\0';
        for (size_t k = 0; k < s->nseg; k++) {
            int w = snprintf(line + used, sizeof line - used, "%s%s",
                             k ? "; " : "",
                             evidence(ev, sizeof ev, &s->seg[k],
                                      &s->seg[k].a->tp[df->tp], lang));
            if (w < 0 || (size_t)w >= sizeof line - used)
                break;
            used += (size_t)w;
        }
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "sg.diff"),
                    p->blueprint.tp[df->tp].id, p->blueprint.tp[df->tp].name,
                    line, mot_report_pval(pc, sizeof pc, df->churn.p),
                    mot_report_pval(pl, sizeof pl, df->lift.p));
    }
    mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "sg.legend"));
}
