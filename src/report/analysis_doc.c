/*
** analysis_doc.c: what the text and Markdown reports say, in what order.
**
** From a mot_analysis this builds the report as a mot_doc (internal.h):
** the title and a summary of the inputs; the moments of truth in plain
** words, best first, each a sentence with the evidence the engine found
** (churn after a bad experience, the drop of the overall score, the
** loyalty lift of a good one, the tolerance line, the share of the
** overall score it explains, the churners attributable to it, what each
** recommendation would be worth, the KANO category of a feature and the
** SERVQUAL zone of a dimension tied to it); then tables of the
** touchpoints' performance and impact, their importance-performance grid,
** tolerance lines, peak-end, the survey instruments (the blocks `mot
** kano` and `mot servqual` show, survey.c), front-line behaviour (the
** blocks `mot behaviour` shows, behaviour.c) and recommendations; the
** engine's notes; sample sizes and methods.
**
** Numbers are only formatted here, never computed: a missing estimate
** (NAN) prints as "-" in tables. The prose states the evidence the
** engine typed the moment on and, besides it, only effects whose 95%
** interval excludes no effect (and a survival hazard ratio above 1 at
** p < 0.05); the tables show every estimate.
** Every display string comes from mot_tr, so both languages say the same.
*/
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mot/stats.h"
#include "report/internal.h"

#define NA "-"                  /* a missing number in a table */
#define NAME_COLS 24            /* widest touchpoint cell in a table */
#define TOP_COUNTS 3            /* touchpoints named per peak-end sentence */

/* ---- number formatting ---------------------------------------------------- */

/* Each formatter writes into buf (size n) and returns it; NAN gives NA. */
typedef const char *(*fmt_fn)(char *buf, size_t n, double x);

const char *mot_report_fixed(char *buf, size_t n, double x, int decimals)
{
    if (!isfinite(x))
        snprintf(buf, n, NA);
    else
        snprintf(buf, n, "%.*f", decimals, x);
    if (buf[0] == '-' && buf[1] == '0' &&
        buf[1 + strspn(buf + 1, "0.")] == '\0')
        memmove(buf, buf + 1, strlen(buf));
    return buf;
}

/* Up to two decimals, trailing zeros dropped: 3 -> "3", 12.5 -> "12.5". */
static const char *fmt_value(char *buf, size_t n, double x)
{
    mot_report_fixed(buf, n, x, 2);
    if (isfinite(x) && strchr(buf, '.')) {
        char *e = buf + strlen(buf) - 1;
        while (*e == '0')
            *e-- = '\0';
        if (*e == '.')
            *e = '\0';
    }
    return buf;
}

/* A share as a percentage: whole percents, one decimal under 10% (but
** "0%"); with or without the "%" sign. */
static const char *fmt_percent(char *buf, size_t n, double x, int sign)
{
    if (!isfinite(x))
        snprintf(buf, n, NA);
    else
        snprintf(buf, n, "%.*f%s", x != 0 && fabs(x) * 100 < 9.95 ? 1 : 0,
                 x * 100, sign ? "%" : "");
    return buf;
}

static const char *fmt_pct(char *buf, size_t n, double x)
{
    return fmt_percent(buf, n, x, 1);
}

static const char *fmt_pct_bare(char *buf, size_t n, double x)
{
    return fmt_percent(buf, n, x, 0);
}

/* An odds ratio: two decimals, fewer past 10 and 100. */
static const char *fmt_ratio(char *buf, size_t n, double x)
{
    return mot_report_fixed(buf, n, x, x >= 100 ? 0 : x >= 10 ? 1 : 2);
}

const char *mot_report_pval(char *buf, size_t n, double p)
{
    if (!isfinite(p))
        snprintf(buf, n, NA);
    else if (p < 0.001)
        snprintf(buf, n, "< 0.001");
    else
        snprintf(buf, n, "%.3f", p);
    return buf;
}

/* A p-value in prose: "p < 0.001", "p = 0.012"; "" when NAN. */
static const char *fmt_p(char *buf, size_t n, double p)
{
    if (!isfinite(p))
        buf[0] = '\0';
    else if (p < 0.001)
        snprintf(buf, n, "p < 0.001");
    else
        snprintf(buf, n, "p = %.3f", p);
    return buf;
}

/* Scores, points and lifts: two decimals. */
static const char *fmt_mean(char *buf, size_t n, double x)
{
    return mot_report_fixed(buf, n, x, 2);
}

/* R² and differences of R²: three decimals. */
static const char *fmt_r2(char *buf, size_t n, double x)
{
    return mot_report_fixed(buf, n, x, 3);
}

/* A table cell "est [lo, hi]" (the estimate formatted by fmt, the bounds
** by bound), or "est" when the interval is missing. */
static const char *fmt_cell_ci(char *buf, size_t n, fmt_fn fmt, fmt_fn bound,
                               double x, double lo, double hi)
{
    char e[32], l[32], h[32];
    fmt(e, sizeof e, x);
    if (isfinite(x) && isfinite(lo) && isfinite(hi))
        snprintf(buf, n, "%s [%s, %s]", e, bound(l, sizeof l, lo),
                 bound(h, sizeof h, hi));
    else
        snprintf(buf, n, "%s", e);
    return buf;
}

/* The p-value of a test in prose: "adjusted p = ..." (Holm, over every
** test of the analysis) when adj is known, else "p = ..."; "" when both
** are NAN. */
static const char *fmt_p_test(char *buf, size_t n, mot_lang lang, double p,
                              double adj)
{
    char v[32];
    if (isfinite(adj))
        snprintf(buf, n, mot_tr(lang, "stat.p_adjusted"),
                 fmt_p(v, sizeof v, adj));
    else
        fmt_p(buf, n, p);
    return buf;
}

/* Prose "95% CI lo–hi" in lang, or "" when the interval is missing. */
static const char *fmt_ci(char *buf, size_t n, mot_lang lang, fmt_fn fmt,
                          double lo, double hi)
{
    char l[32], h[32], range[80];
    buf[0] = '\0';
    if (isfinite(lo) && isfinite(hi)) {
        snprintf(range, sizeof range, "%s\xe2\x80\x93%s", fmt(l, sizeof l, lo),
                 fmt(h, sizeof h, hi));
        snprintf(buf, n, mot_tr(lang, "ci"), range);
    }
    return buf;
}

/* Join the non-empty strings of parts (n of them) with sep into buf. */
static const char *join(char *buf, size_t size, const char *sep,
                        const char *const *parts, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (!parts[i] || !parts[i][0])
            continue;
        int k = snprintf(buf + used, size - used, "%s%s", used ? sep : "",
                         parts[i]);
        if (k < 0 || (size_t)k >= size - used)
            break;
        used += (size_t)k;
    }
    return buf;
}

/* inner in the language's parentheses, " (inner)" or "（inner）"; "" when
** inner is empty. */
static const char *paren(char *buf, size_t n, mot_lang lang, const char *inner)
{
    buf[0] = '\0';
    if (inner[0])
        snprintf(buf, n, mot_tr(lang, "paren"), inner);
    return buf;
}

/* ---- words ---------------------------------------------------------------- */

/* The message key of a kind as a table word, and as a sentence. */
static const char *kind_key(mot_kind k)
{
    switch (k) {
    case MOT_KIND_NEGATIVE: return "kind.negative";
    case MOT_KIND_POSITIVE: return "kind.positive";
    case MOT_KIND_HYGIENE: return "kind.hygiene";
    case MOT_KIND_NONE: break;
    }
    return "kind.none";
}

static const char *moment_key(mot_kind k)
{
    switch (k) {
    case MOT_KIND_NEGATIVE: return "moment.negative";
    case MOT_KIND_POSITIVE: return "moment.positive";
    case MOT_KIND_HYGIENE: return "moment.hygiene";
    case MOT_KIND_NONE: break;
    }
    return "moment.none";
}

/* Display name of a measure of a tolerance line; customers.csv columns
** keep their own names. */
static const char *measure_text(mot_lang lang, const char *measure)
{
    if (strcmp(measure, "score") == 0)
        return mot_tr(lang, "measure.score");
    if (strcmp(measure, "contacts") == 0)
        return mot_tr(lang, "measure.contacts");
    if (strcmp(measure, "wait_minutes") == 0)
        return mot_tr(lang, "measure.wait_minutes");
    return measure;
}

/* The outcome of a tolerance line: as a table word and as a rate. */
static const char *outcome_text(mot_lang lang, const char *outcome, int rate)
{
    if (strcmp(outcome, "dissatisfied") == 0)
        return mot_tr(lang, rate ? "outcome.dissatisfied.rate"
                                 : "outcome.dissatisfied");
    return mot_tr(lang, rate ? "outcome.churn.rate" : "outcome.churn");
}

/* Display names of the engine's method identifiers; unknown ones as they
** are. */
static const char *p_method_text(mot_lang lang, const char *m)
{
    if (strcmp(m, "miller-siegmund") == 0)
        return mot_tr(lang, "method.miller-siegmund");
    if (strcmp(m, "permutation") == 0)
        return mot_tr(lang, "method.permutation");
    return m;
}

static const char *importance_method_text(mot_lang lang, const char *m)
{
    if (strcmp(m, "lmg") == 0)
        return mot_tr(lang, "method.lmg");
    if (strcmp(m, "relative_weights") == 0)
        return mot_tr(lang, "method.relative_weights");
    return m;
}

/* What a loyalty lift is measured on: NPS, or else the overall score. */
static const char *lift_measure_text(mot_lang lang, const char *m)
{
    return mot_tr(lang, strcmp(m, "nps") == 0 ? "measure.nps"
                                              : "measure.overall");
}

/* "name (id)" in lang, or the name alone when it is the id. */
static const char *tp_label(char *buf, size_t n, mot_lang lang,
                            const mot_touchpoint *t)
{
    if (strcmp(t->name, t->id) == 0)
        snprintf(buf, n, "%s", t->name);
    else
        snprintf(buf, n, mot_tr(lang, "tp.label"), t->name, t->id);
    return buf;
}

/* A table cell "id name", cut to NAME_COLS display columns. */
static const char *tp_cell(char *buf, size_t n, const mot_touchpoint *t)
{
    char full[512];
    if (strcmp(t->name, t->id) == 0)
        snprintf(full, sizeof full, "%s", t->id);
    else
        snprintf(full, sizeof full, "%s %s", t->id, t->name);
    mot_text_fit(full, NAME_COLS, buf, n);
    return buf;
}

/* The rank of a moment of truth, "" for other touchpoints. */
static const char *priority_text(char *buf, size_t n, const mot_tp_result *r)
{
    if (r->priority > 0)
        snprintf(buf, n, "%d", r->priority);
    else
        buf[0] = '\0';
    return buf;
}

/* "> 2" or "< 3": where a tolerance line's beyond side lies. */
static const char *line_text(char *buf, size_t n, const mot_tolerance *l)
{
    char v[32];
    snprintf(buf, n, "%s %s", l->direction > 0 ? ">" : "<",
             fmt_value(v, sizeof v, l->value));
    return buf;
}

/* The action of a recommendation as display text with its level (as a
** table cell, or as the start of a sentence when prose is set); NULL for
** an action this version does not know. */
static const char *action_text(char *buf, size_t n, mot_lang lang,
                               const mot_analysis *a,
                               const mot_recommendation *rec, int prose)
{
    char v[32];
    const char *key;
    fmt_value(v, sizeof v, rec->level);
    if (strcmp(rec->action, "lift_to_tolerance") == 0) {
        key = prose ? "rec.prose.tolerance" : "rec.tolerance";
    } else if (strcmp(rec->action, "lift_to_target") == 0) {
        key = prose ? "rec.prose.target" : "rec.target";
    } else if (strcmp(rec->action, "stay_within_line") == 0) {
        const mot_tolerance *l = &a->tp[rec->tp].line;
        if (l->direction > 0)
            key = prose ? "rec.prose.at_most" : "rec.at_most";
        else
            key = prose ? "rec.prose.at_least" : "rec.at_least";
        snprintf(buf, n, mot_tr(lang, key), measure_text(lang, l->measure), v);
        return buf;
    } else {
        return NULL;
    }
    snprintf(buf, n, mot_tr(lang, key), v);
    return buf;
}

/* ---- the moments of truth in plain words --------------------------------- */

/* Start the next clause of a sentence: the separator after the kind, or
** between clauses. */
static void clause(FILE *m, int *k, mot_lang lang)
{
    fputs(mot_tr(lang, *k ? "sep.clause" : "sep.evidence"), m);
    (*k)++;
}

/* Whether an estimate x is worth a sentence: its 95% interval, whose
** lower bound is lo, lies wholly above `none` (no effect). */
static int clear(double x, double lo, double none)
{
    return isfinite(x) && isfinite(lo) && lo > none;
}

/* The clauses of a moment's sentence, each written to m after clause():
** churn after a bad vs a good experience, with the odds ratio ... */
static void churn_clause(FILE *m, int *k, mot_lang lang,
                         const mot_tp_result *r)
{
    char or[32], orv[64], ci[96], p[64], stats[256], ps[272], bad[16],
        good[16];
    snprintf(orv, sizeof orv, mot_tr(lang, "stat.or"),
             fmt_ratio(or, sizeof or, r->odds_ratio));
    const char *parts[] = {orv, fmt_ci(ci, sizeof ci, lang, fmt_ratio,
                                       r->or_lo, r->or_hi),
                           fmt_p_test(p, sizeof p, lang, r->p, r->churn_p_adj)};
    join(stats, sizeof stats, mot_tr(lang, "sep.list"), parts, 3);
    clause(m, k, lang);
    fprintf(m, mot_tr(lang, "ev.churn"), fmt_pct(bad, sizeof bad, r->churn_if_bad),
            fmt_pct(good, sizeof good, r->churn_if_good),
            paren(ps, sizeof ps, lang, stats));
}

/* ... the loyalty lift of a good experience ... */
static void lift_clause(FILE *m, int *k, mot_lang lang, const mot_tp_result *r)
{
    char lift[32], ci[96], p[64], stats[256], ps[272];
    const char *parts[] = {fmt_ci(ci, sizeof ci, lang, fmt_mean, r->lift_lo,
                                  r->lift_hi),
                           fmt_p_test(p, sizeof p, lang, r->lift_p,
                                      r->lift_p_adj)};
    join(stats, sizeof stats, mot_tr(lang, "sep.list"), parts, 2);
    clause(m, k, lang);
    fprintf(m, mot_tr(lang, "ev.lift"), lift_measure_text(lang, r->lift_measure),
            fmt_mean(lift, sizeof lift, r->lift),
            paren(ps, sizeof ps, lang, stats));
}

/* ... the drop of the overall score after a bad experience ... */
static void drop_clause(FILE *m, int *k, mot_lang lang, const mot_tp_result *r)
{
    char drop[32], ci[96], p[64], stats[256], ps[272];
    const char *parts[] = {fmt_ci(ci, sizeof ci, lang, fmt_mean,
                                  r->overall_drop_lo, r->overall_drop_hi),
                           fmt_p_test(p, sizeof p, lang, r->overall_drop_p,
                                      r->drop_p_adj)};
    join(stats, sizeof stats, mot_tr(lang, "sep.list"), parts, 2);
    clause(m, k, lang);
    fprintf(m, mot_tr(lang, "ev.drop"),
            fmt_mean(drop, sizeof drop, r->overall_drop),
            paren(ps, sizeof ps, lang, stats));
}

/* ... the hazard ratio of churn over time (Kaplan-Meier, log-rank) ... */
static void survival_clause(FILE *m, int *k, mot_lang lang,
                            const mot_tp_result *r)
{
    char hr[32], p[64], ps[80];
    fmt_p(p, sizeof p, r->km_p);
    clause(m, k, lang);
    fprintf(m, mot_tr(lang, "ev.survival"), fmt_ratio(hr, sizeof hr, r->km_hr),
            paren(ps, sizeof ps, lang, p));
}

/* ... and the tolerance line, with the outcome's rate on either side. */
static void line_clause(FILE *m, int *k, mot_lang lang, const mot_tp_result *r)
{
    const mot_tolerance *l = &r->line;
    char where[160], op[48], beyond[16], within[16], p[64], ps[80];
    snprintf(where, sizeof where, "%s %s", measure_text(lang, l->measure),
             line_text(op, sizeof op, l));
    /* the line's p is adjusted for the scan; Holm adjusts it further */
    double adj = isfinite(r->line_p_adj) ? r->line_p_adj : l->p_adjusted;
    p[0] = '\0';
    if (isfinite(adj))
        fmt_p_test(p, sizeof p, lang, NAN, adj);
    clause(m, k, lang);
    fprintf(m, mot_tr(lang, "ev.line"), where, outcome_text(lang, l->outcome, 1),
            fmt_pct(beyond, sizeof beyond, l->rate_beyond),
            fmt_pct(within, sizeof within, l->rate_within),
            paren(ps, sizeof ps, lang, p));
}

/* The clause of a recommendation for this touchpoint: what following it
** would keep (at least one churner) and gain (an interval above zero);
** nothing when neither is. */
/* The recommendation in prose, its action and its effects ("lifting it to
** its tolerance (3) would keep about 28 churners"), in buf; NULL when it
** has no action text or no effect worth saying. */
static const char *rec_text(char *buf, size_t n, mot_lang lang,
                            const mot_analysis *a,
                            const mot_recommendation *rec)
{
    char action[200], keep[96], gain[96], num[32], effect[256];
    if (!action_text(action, sizeof action, lang, a, rec, 1))
        return NULL;
    keep[0] = gain[0] = '\0';
    if (isfinite(rec->churners_retained) && rec->churners_retained >= 0.5)
        snprintf(keep, sizeof keep, mot_tr(lang, "eff.keep"),
                 mot_report_fixed(num, sizeof num, rec->churners_retained, 0));
    if (isfinite(rec->overall_gain_lo) ? rec->overall_gain_lo > 0
                                       : rec->overall_gain >= 0.005)
        snprintf(gain, sizeof gain, mot_tr(lang, "eff.gain"),
                 fmt_mean(num, sizeof num, rec->overall_gain));
    const char *parts[] = {keep, gain};
    join(effect, sizeof effect, mot_tr(lang, "eff.and"), parts, 2);
    if (!effect[0])
        return NULL;
    snprintf(buf, n, "%s%s", action, effect);
    return buf;
}

static void rec_clause(FILE *m, int *k, mot_lang lang, const mot_analysis *a,
                       const mot_recommendation *rec)
{
    char text[512];
    if (!rec_text(text, sizeof text, lang, a, rec))
        return;
    clause(m, k, lang);
    fputs(text, m);
}

/* The clauses of the survey instruments tied to touchpoint tp: the KANO
** category of each feature that belongs to it ... */
static void kano_clauses(FILE *m, int *k, mot_lang lang,
                         const mot_kano_result *kano, size_t tp)
{
    static const char *const key[MOT_KANO_NCAT] = {
        "kano.prose.A", "kano.prose.O", "kano.prose.M", "kano.prose.I",
        "kano.prose.R", "kano.prose.Q"};
    for (size_t i = 0; kano && i < kano->nfeatures; i++) {
        const mot_kano_feature *x = &kano->features[i];
        if (x->touchpoint.index != (long)tp ||
            x->all.category == MOT_KANO_NONE)
            continue;
        clause(m, k, lang);
        fprintf(m, mot_tr(lang, "ev.kano"), x->name,
                mot_tr(lang, key[x->all.category]));
    }
}

/* ... and where the SERVQUAL dimension it maps to stands against the
** zone of tolerance (MSA below it, MSS above it). */
static void zone_clauses(FILE *m, int *k, mot_lang lang,
                         const mot_servqual_result *sq, size_t tp)
{
    for (int d = 0; sq && d < MOT_NDIMENSIONS; d++) {
        const mot_servqual_dim *x = &sq->dims[d];
        int tied = 0;
        for (size_t t = 0; t < x->ntouchpoints; t++)
            tied |= x->touchpoints[t].index == (long)tp;
        if (!tied || !x->nitems || x->zone == MOT_ZONE_NONE)
            continue;
        char v[32], stat[48], ps[64];
        ps[0] = '\0';
        if (x->zone != MOT_ZONE_INSIDE) {
            int below = x->zone == MOT_ZONE_BELOW;
            snprintf(stat, sizeof stat, "%s %s", below ? "MSA" : "MSS",
                     fmt_mean(v, sizeof v, below ? x->msa.mean
                                                 : x->mss.mean));
            paren(ps, sizeof ps, lang, stat);
        }
        const char *key = x->zone == MOT_ZONE_BELOW ? "ev.zone.below"
                          : x->zone == MOT_ZONE_ABOVE ? "ev.zone.above"
                                                      : "ev.zone.inside";
        clause(m, k, lang);
        fprintf(m, mot_tr(lang, key),
                mot_report_dimension_word(lang, x->dimension), ps);
    }
}

/* One numbered item: "NAME (ID) is a negative moment of truth: ...". */
static void moment_item(mot_doc *d, const mot_project *p,
                        const mot_analysis *a, const mot_tp_result *r,
                        mot_lang lang)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) {
        d->status = MOT_ENOMEM;
        return;
    }
    char label[600], num[96];
    fprintf(m, mot_tr(lang, moment_key(r->kind)),
            tp_label(label, sizeof label, lang, &p->blueprint.tp[r->tp]));
    int k = 0, churn = 0;
    if (r->kind == MOT_KIND_POSITIVE && isfinite(r->lift)) {
        lift_clause(m, &k, lang, r);
    } else {
        if ((churn = clear(r->odds_ratio, r->or_lo, 1)))
            churn_clause(m, &k, lang, r);
        if (clear(r->overall_drop, r->overall_drop_lo, 0))
            drop_clause(m, &k, lang, r);
        if (r->km_hr > 1 && r->km_p < 0.05)
            survival_clause(m, &k, lang, r);
    }
    if (r->line.found)
        line_clause(m, &k, lang, r);
    if (r->importance >= 0.005 &&   /* prints as at least 0.5% */
        (!isfinite(r->importance_lo) || r->importance_lo > 0)) {
        char ci[96], ps[112];
        clause(m, &k, lang);
        fmt_ci(ci, sizeof ci, lang, fmt_pct, r->importance_lo,
               r->importance_hi);
        fprintf(m, mot_tr(lang, "ev.importance"),
                fmt_pct(num, sizeof num, r->importance),
                lift_measure_text(lang, a->overall_outcome),
                paren(ps, sizeof ps, lang, ci));
    }
    if (churn && r->attributable_churners >= 0.5) {
        clause(m, &k, lang);
        fprintf(m, mot_tr(lang, "ev.attributable"),
                mot_report_fixed(num, sizeof num, r->attributable_churners,
                                 0));
    }
    kano_clauses(m, &k, lang, a->kano, r->tp);
    zone_clauses(m, &k, lang, a->servqual, r->tp);
    for (size_t i = 0; i < a->nrecs; i++)
        if (a->recs[i].tp == r->tp)
            rec_clause(m, &k, lang, a, &a->recs[i]);
    fputs(mot_tr(lang, "sentence.end"), m);
    if (fclose(m) != 0) {
        free(buf);
        d->status = MOT_ENOMEM;
        return;
    }
    mot_doc_add(d, MOT_BLOCK_ITEM, "%s", buf);
    free(buf);
}

/* The report in three sentences, for a reader who reads no further: which
** touchpoints are moments of truth, what the bad experiences there cost in
** churners (the engine's attributable churners, counted only where the
** churn effect is significant, as in the moments' own sentences), and the
** first recommendation with its effect. Nothing is computed here but the
** sum of the attributable churners. */
static void short_section(mot_doc *d, const mot_project *p,
                          const mot_analysis *a, mot_lang lang)
{
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.short"));
    if (a->nmoments == 0) {
        mot_doc_add(d, MOT_BLOCK_BULLET, "%s", mot_tr(lang, "moments.none"));
        return;
    }
    char list[2048], costly[2048], one[800], label[600];
    size_t used = 0, cused = 0;
    double cost = 0;
    list[0] = costly[0] = '\0';
    for (size_t i = 0; i < a->nmoments; i++) {
        const mot_tp_result *r = &a->tp[a->moments[i]];
        const mot_touchpoint *t = &p->blueprint.tp[r->tp];
        const char *name = tp_label(label, sizeof label, lang, t);
        const char *kind = mot_tr(lang, kind_key(r->kind));
        char inner[300];   /* "T06, negative" */
        if (strcmp(t->name, t->id) == 0)
            snprintf(inner, sizeof inner, "%s", kind);
        else
            snprintf(inner, sizeof inner, "%.200s%s%s", t->id,
                     mot_tr(lang, "sep.list"), kind);
        snprintf(one, sizeof one, mot_tr(lang, "short.moment"), t->name,
                 inner);
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 i ? mot_tr(lang, "sep.names") : "", one);
        if (used >= sizeof list)
            used = sizeof list - 1;
        if (clear(r->odds_ratio, r->or_lo, 1) &&
            r->attributable_churners >= 0.5) {
            cost += r->attributable_churners;
            cused += (size_t)snprintf(costly + cused, sizeof costly - cused,
                                      "%s%s", cused ? mot_tr(lang, "sep.names")
                                                    : "", name);
            if (cused >= sizeof costly)
                cused = sizeof costly - 1;
        }
    }
    mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "short.moments"), list);
    char num[32], total[32];
    if (cost >= 0.5 && isfinite(a->churners))
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "short.cost"), costly,
                    mot_report_fixed(num, sizeof num, cost, 0),
                    mot_report_fixed(total, sizeof total, a->churners, 0));
    for (size_t i = 0; i < a->nrecs; i++) {
        char text[512];
        const mot_recommendation *rec = &a->recs[i];
        if (!rec_text(text, sizeof text, lang, a, rec))
            continue;
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "short.fix"),
                    tp_label(label, sizeof label, lang,
                             &p->blueprint.tp[rec->tp]), text);
        break;
    }
}

/* The moments of truth in rank order, one numbered sentence each. */
static void moments_section(mot_doc *d, const mot_project *p,
                            const mot_analysis *a, mot_lang lang)
{
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.moments"));
    if (a->nmoments == 0)
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "moments.none"));
    for (size_t i = 0; i < a->nmoments; i++)
        moment_item(d, p, a, &a->tp[a->moments[i]], lang);
    mot_doc_add(d, MOT_BLOCK_FIGURE, "blueprint");
}

/* ---- tables ---------------------------------------------------------------- */

/* Table columns: a message key for the header and right alignment. */
typedef struct column {
    const char *key;
    int right;
} column;

/* A table of d with the header row of cols (n of them). */
static mot_table *table(mot_doc *d, mot_lang lang, const column *cols,
                        size_t n)
{
    int right[16];
    const char *head[16];
    assert(n <= 16);
    for (size_t c = 0; c < n; c++) {
        right[c] = cols[c].right;
        head[c] = mot_tr(lang, cols[c].key);
    }
    mot_table *t = mot_doc_table(d, n, right);
    mot_doc_row(d, t, head);
    return t;
}

/* Performance: who meets each touchpoint and how they rate it. */
static void performance_section(mot_doc *d, const mot_project *p,
                                const mot_analysis *a, mot_lang lang)
{
    static const column cols[] = {
        {"col.priority", 1}, {"col.touchpoint", 0}, {"col.stage", 0},
        {"col.reach", 1}, {"col.rated", 1}, {"col.mean", 1},
        {"col.below", 1}, {"col.kind", 0}};
    enum { NCOLS = sizeof cols / sizeof cols[0] };
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.performance"));
    mot_doc_add(d, MOT_BLOCK_FIGURE, "curve");
    mot_table *t = table(d, lang, cols, NCOLS);
    const char *prev_stage = NULL;
    for (size_t i = 0; i < a->ntp; i++) {
        const mot_tp_result *r = &a->tp[i];
        const mot_touchpoint *tp = &p->blueprint.tp[r->tp];
        char prio[16], name[128], reach[16], rated[24], mean[128], below[16];
        priority_text(prio, sizeof prio, r);
        snprintf(rated, sizeof rated, "%zu", r->n_rated);
        const char *cells[NCOLS] = {
            prio, tp_cell(name, sizeof name, tp),
            prev_stage && strcmp(prev_stage, tp->stage) == 0 ? "" : tp->stage,
            fmt_pct(reach, sizeof reach, r->reach), rated,
            fmt_cell_ci(mean, sizeof mean, fmt_mean, fmt_mean, r->mean,
                        r->mean_lo, r->mean_hi),
            fmt_pct(below, sizeof below, r->below_tolerance),
            mot_tr(lang, kind_key(r->kind))};
        mot_doc_row(d, t, cells);
        prev_stage = tp->stage;
    }
    mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "legend.performance"));
}

#define CHURN_CAVEATS (MOT_LOGIT_NOT_CONVERGED | MOT_LOGIT_SEPARATION | \
                       MOT_LOGIT_COMPLETE_SEP | MOT_LOGIT_SMALL |      \
                       MOT_LOGIT_DIVERGED)

/* Impact: what each touchpoint does to the overall score and to churn. */
static void impact_section(mot_doc *d, const mot_project *p,
                           const mot_analysis *a, mot_lang lang)
{
    static const column cols[] = {
        {"col.priority", 1}, {"col.touchpoint", 0}, {"col.importance", 1},
        {"col.drop", 1}, {"col.churn_bad", 1}, {"col.churn_good", 1},
        {"col.churn_or", 1}, {"col.p", 1}, {"col.attributable", 1}};
    enum { NCOLS = sizeof cols / sizeof cols[0] };
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.impact"));
    mot_doc_add(d, MOT_BLOCK_FIGURE, "importance");
    mot_table *t = table(d, lang, cols, NCOLS);
    int caveat = 0;
    for (size_t i = 0; i < a->ntp; i++) {
        const mot_tp_result *r = &a->tp[i];
        char prio[16], name[128], imp[128], drop[32], bad[16], good[16],
            or[128], pv[16], attr[32];
        priority_text(prio, sizeof prio, r);
        fmt_cell_ci(or, sizeof or - 2, fmt_ratio, fmt_ratio, r->odds_ratio,
                    r->or_lo, r->or_hi);
        if (r->churn_flags & CHURN_CAVEATS) {
            strcat(or, " *");
            caveat = 1;
        }
        const char *cells[NCOLS] = {
            prio, tp_cell(name, sizeof name, &p->blueprint.tp[r->tp]),
            fmt_cell_ci(imp, sizeof imp, fmt_pct, fmt_pct_bare, r->importance,
                        r->importance_lo, r->importance_hi),
            fmt_mean(drop, sizeof drop, r->overall_drop),
            fmt_pct(bad, sizeof bad, r->churn_if_bad),
            fmt_pct(good, sizeof good, r->churn_if_good), or,
            mot_report_pval(pv, sizeof pv, r->p),
            mot_report_fixed(attr, sizeof attr, r->attributable_churners, 0)};
        mot_doc_row(d, t, cells);
    }
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "legend.impact"),
                lift_measure_text(lang, a->overall_outcome));
    if (caveat)
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "table.caveat"));
}

/* "NAME (ID), NAME (ID)": the touchpoints left out of the grid, in
** blueprint order, as a new string (NULL when a malloc failed). */
static char *left_out_list(const mot_project *p, const mot_analysis *a,
                           mot_lang lang)
{
    char *buf = NULL, label[600];
    size_t len = 0, k = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    for (size_t i = 0; i < a->ntp; i++)
        if (a->tp[i].ipa == MOT_IPA_NONE)
            fprintf(m, "%s%s", k++ ? mot_tr(lang, "sep.list") : "",
                    tp_label(label, sizeof label, lang,
                             &p->blueprint.tp[a->tp[i].tp]));
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Importance against performance: each touchpoint's quadrant around the
** crosshair, and the touchpoints left out. */
static void ipa_section(mot_doc *d, const mot_project *p,
                        const mot_analysis *a, mot_lang lang)
{
    static const column cols[] = {
        {"col.touchpoint", 0}, {"col.importance", 1}, {"col.mean", 1},
        {"col.quadrant", 0}};
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.ipa"));
    if (a->ipa.n == 0) {
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "ipa.none"));
        return;
    }
    mot_doc_add(d, MOT_BLOCK_FIGURE, "ipa");
    mot_table *t = table(d, lang, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; i < a->ntp; i++) {
        const mot_tp_result *r = &a->tp[i];
        char name[128], imp[16], mean[32];
        if (r->ipa == MOT_IPA_NONE)
            continue;
        const char *cells[] = {
            tp_cell(name, sizeof name, &p->blueprint.tp[r->tp]),
            fmt_pct(imp, sizeof imp, r->importance),
            fmt_mean(mean, sizeof mean, r->mean),
            mot_report_ipa_word(lang, r->ipa)};
        mot_doc_row(d, t, cells);
    }
    char ci[16], cp[32];
    mot_doc_add(d, MOT_BLOCK_PARA,
                mot_tr(lang, a->ipa.at_point ? "ipa.legend.midpoint"
                                             : "ipa.legend.means"),
                lift_measure_text(lang, a->overall_outcome),
                fmt_pct(ci, sizeof ci, a->ipa.importance),
                fmt_mean(cp, sizeof cp, a->ipa.performance));
    if (a->ipa.n < a->ntp) {
        char *list = left_out_list(p, a, lang);
        if (!list)
            d->status = MOT_ENOMEM;
        else
            mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "ipa.left_out"),
                        list);
        free(list);
    }
}

/* One row of the tolerance table: where the line is (a touchpoint's id
** and name, or the customer column marker) and the line. */
static void tolerance_row(mot_doc *d, mot_table *t, mot_lang lang,
                          const char *where, const mot_tolerance *l)
{
    char op[48], beyond[16], within[16], sides[64], pv[32], nb[24], nw[24];
    snprintf(sides, sizeof sides, "%s / %s",
             mot_report_fixed(nb, sizeof nb, l->n_beyond, 0),
             mot_report_fixed(nw, sizeof nw, l->n_within, 0));
    const char *cells[] = {
        where, measure_text(lang, l->measure), line_text(op, sizeof op, l),
        outcome_text(lang, l->outcome, 0),
        fmt_pct(beyond, sizeof beyond, l->rate_beyond),
        fmt_pct(within, sizeof within, l->rate_within), sides,
        mot_report_pval(pv, sizeof pv, l->p_adjusted),
        p_method_text(lang, l->p_method)};
    mot_doc_row(d, t, cells);
}

/* Every touchpoint's strongest tolerance line, then the lines of
** customers.csv columns, where there are any. */
static void tolerance_section(mot_doc *d, const mot_project *p,
                              const mot_analysis *a, mot_lang lang)
{
    static const column cols[] = {
        {"col.touchpoint", 0}, {"col.measure", 0}, {"col.line", 1},
        {"col.outcome", 0}, {"col.beyond", 1}, {"col.within", 1},
        {"col.n_sides", 1}, {"col.p_adjusted", 1}, {"col.method", 0}};
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.tolerance"));
    mot_doc_add(d, MOT_BLOCK_FIGURE, "tolerance");
    mot_table *t = NULL;
    for (size_t i = 0; i < a->ntp + a->ncustomer_lines; i++) {
        int tp = i < a->ntp;
        const mot_tolerance *l = tp ? &a->tp[i].line
                                    : &a->customer_lines[i - a->ntp];
        if (!l->found)
            continue;
        if (!t)
            t = table(d, lang, cols, sizeof cols / sizeof cols[0]);
        char name[128];
        tolerance_row(d, t, lang,
                      tp ? tp_cell(name, sizeof name,
                                   &p->blueprint.tp[a->tp[i].tp])
                         : mot_tr(lang, "measure.customer_column"),
                      l);
    }
    mot_doc_add(d, MOT_BLOCK_PARA, "%s",
                mot_tr(lang, t ? "legend.tolerance" : "tolerance.none"));
}

size_t mot_report_rank_counts(const size_t *counts, size_t ntp, size_t *idx)
{
    size_t k = 0;
    for (size_t i = 0; counts && i < ntp; i++) {
        if (counts[i] == 0)
            continue;
        size_t j = k++;
        while (j > 0 && counts[idx[j - 1]] < counts[i]) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = i;
    }
    return k;
}

/* "NAME (412), NAME (200), NAME (150)": the touchpoints most often at
** this place of the journey, or nothing when none is. */
static void top_counts(mot_doc *d, const mot_project *p, const mot_analysis *a,
                       mot_lang lang, const size_t *counts, const char *key)
{
    size_t *idx = malloc((a->ntp ? a->ntp : 1) * sizeof *idx);
    if (!idx) {
        d->status = MOT_ENOMEM;
        return;
    }
    size_t k = mot_report_rank_counts(counts, a->ntp, idx);
    char list[TOP_COUNTS * 300];
    size_t used = 0;
    list[0] = '\0';
    for (size_t i = 0; i < k && i < TOP_COUNTS; i++) {
        char n[24];
        snprintf(n, sizeof n, "%zu", counts[idx[i]]);
        int w = snprintf(list + used, sizeof list - used, "%s",
                         i ? mot_tr(lang, "sep.list") : "");
        if (w >= 0 && (size_t)w < sizeof list - used)
            w += snprintf(list + used + w, sizeof list - used - (size_t)w,
                          mot_tr(lang, "tp.count"), p->blueprint.tp[idx[i]].name,
                          n);
        if (w < 0 || (size_t)w >= sizeof list - used)
            break;
        used += (size_t)w;
    }
    if (k)
        mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, key), list);
    free(idx);
}

/* Primacy: whether first + worst + best + end beats peak-end alone (by
** the interval of the difference); nothing when r2_primacy is NAN. */
static void primacy_para(mot_doc *d, const mot_peak_end *pe, mot_lang lang)
{
    char r2f[32], r2pe[32], ci[96], diff[128], ps[144];
    if (isnan(pe->r2_primacy))
        return;
    fmt_ci(ci, sizeof ci, lang, fmt_r2, pe->primacy_diff_lo,
           pe->primacy_diff_hi);
    if (ci[0])
        snprintf(diff, sizeof diff, mot_tr(lang, "pe.diff"), ci);
    else
        diff[0] = '\0';
    mot_doc_add(d, MOT_BLOCK_PARA,
                mot_tr(lang, pe->primacy_adds ? "pe.primacy_adds"
                                              : "pe.primacy_not"),
                fmt_r2(r2f, sizeof r2f, pe->r2_primacy),
                fmt_r2(r2pe, sizeof r2pe, pe->r2_peak_end),
                paren(ps, sizeof ps, lang, diff));
}

/* The peak-end comparison: the winner, the touchpoints most often the
** first, worst, best and end moments, and every touchpoint's counts. */
static void peak_end_section(mot_doc *d, const mot_project *p,
                             const mot_analysis *a, mot_lang lang)
{
    const mot_peak_end *pe = &a->peak_end;
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.peak_end"));
    if (!pe->available) {
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "pe.unavailable"));
        return;
    }
    mot_doc_add(d, MOT_BLOCK_FIGURE, "peak_end");
    char r2pe[32], r2m[32], ci[96], diff[128], n[48], stats[192], ps[208];
    snprintf(n, sizeof n, "n = %zu", pe->n);
    fmt_ci(ci, sizeof ci, lang, fmt_r2, pe->diff_lo, pe->diff_hi);
    if (ci[0])
        snprintf(diff, sizeof diff, mot_tr(lang, "pe.diff"), ci);
    else
        diff[0] = '\0';
    const char *parts[] = {diff, n};
    join(stats, sizeof stats, mot_tr(lang, "sep.clause"), parts, 2);
    mot_doc_add(d, MOT_BLOCK_PARA,
                mot_tr(lang, strcmp(pe->winner, "peak_end") == 0
                                 ? "pe.peak_end_wins" : "pe.mean_wins"),
                fmt_r2(r2pe, sizeof r2pe, pe->r2_peak_end),
                fmt_r2(r2m, sizeof r2m, pe->r2_mean),
                paren(ps, sizeof ps, lang, stats));
    top_counts(d, p, a, lang, pe->worst_count, "pe.worst");
    top_counts(d, p, a, lang, pe->best_count, "pe.best");
    top_counts(d, p, a, lang, pe->end_count, "pe.end");
    primacy_para(d, pe, lang);
    top_counts(d, p, a, lang, pe->first_count, "pe.first");

    static const column cols[] = {{"col.touchpoint", 0}, {"col.first", 1},
                                  {"col.worst", 1}, {"col.best", 1},
                                  {"col.end", 1}};
    mot_table *t = NULL;
    for (size_t i = 0; i < a->ntp; i++) {
        size_t w = pe->worst_count ? pe->worst_count[i] : 0;
        size_t b = pe->best_count ? pe->best_count[i] : 0;
        size_t e = pe->end_count ? pe->end_count[i] : 0;
        size_t f = pe->first_count ? pe->first_count[i] : 0;
        if (w + b + e + f == 0)
            continue;
        if (!t)
            t = table(d, lang, cols, 5);
        char name[128], fs[24], ws[24], bs[24], es[24];
        snprintf(fs, sizeof fs, "%zu", f);
        snprintf(ws, sizeof ws, "%zu", w);
        snprintf(bs, sizeof bs, "%zu", b);
        snprintf(es, sizeof es, "%zu", e);
        const char *cells[] = {tp_cell(name, sizeof name, &p->blueprint.tp[i]),
                               fs, ws, bs, es};
        mot_doc_row(d, t, cells);
    }
}

/* The engine's recommendations in its order, with their effects. */
static void recommendations_section(mot_doc *d, const mot_project *p,
                                    const mot_analysis *a, mot_lang lang)
{
    static const column cols[] = {
        {"col.priority", 1}, {"col.touchpoint", 0}, {"col.action", 0},
        {"col.retained", 1}, {"col.gain", 1}};
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.recommendations"));
    if (a->nrecs == 0) {
        mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "recs.none"));
        return;
    }
    mot_table *t = table(d, lang, cols, 5);
    for (size_t i = 0; i < a->nrecs; i++) {
        const mot_recommendation *rec = &a->recs[i];
        char no[24], name[128], action[200], kept[32], gain[128];
        snprintf(no, sizeof no, "%zu", i + 1);
        const char *act = action_text(action, sizeof action, lang, a, rec, 0);
        const char *cells[] = {
            no, tp_cell(name, sizeof name, &p->blueprint.tp[rec->tp]),
            act ? act : rec->action,
            mot_report_fixed(kept, sizeof kept, rec->churners_retained, 0),
            fmt_cell_ci(gain, sizeof gain, fmt_mean, fmt_mean,
                        rec->overall_gain, rec->overall_gain_lo,
                        rec->overall_gain_hi)};
        mot_doc_row(d, t, cells);
    }
}

/* The engine's notes as they are (English in both languages). */
static void notes_section(mot_doc *d, const mot_analysis *a, mot_lang lang)
{
    if (a->nnotes == 0)
        return;
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.notes"));
    for (size_t i = 0; i < a->nnotes; i++)
        mot_doc_add(d, MOT_BLOCK_BULLET, "%s", a->notes[i]);
}

/* Who the models rest on and how the intervals were made. */
static void sample_section(mot_doc *d, const mot_analysis *a, mot_lang lang)
{
    char n[32], m[32], r2[32], im[96];
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "h.sample"));
    if (a->overall_n > 0) {
        snprintf(n, sizeof n, "%zu", a->overall_n);
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "n.overall"),
                    lift_measure_text(lang, a->overall_outcome),
                    importance_method_text(lang, a->importance_method), n,
                    fmt_r2(r2, sizeof r2, a->overall_r2),
                    mot_interval_method_text(lang, a->interval_method, im,
                                             sizeof im));
    } else {
        mot_doc_add(d, MOT_BLOCK_BULLET, "%s", mot_tr(lang, "n.overall.none"));
    }
    if (a->churn_n > 0) {
        snprintf(n, sizeof n, "%zu", a->churn_n);
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "n.churn"), n,
                    mot_report_fixed(m, sizeof m, a->churners, 0));
    } else {
        mot_doc_add(d, MOT_BLOCK_BULLET, "%s", mot_tr(lang, "n.churn.none"));
    }
    mot_doc_add(d, MOT_BLOCK_BULLET, "%s", mot_tr(lang, "n.perf"));
    mot_doc_add(d, MOT_BLOCK_BULLET, "%s", mot_tr(lang, "n.holm"));
}

/* The last component of the project's folder, for the title. */
static const char *base_name(const char *dir)
{
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    const char *s = dir + len;
    while (s > dir && s[-1] != '/')
        s--;
    return s;
}

void mot_report_doc(mot_doc *d, const mot_project *p, const mot_analysis *a,
                    mot_lang lang)
{
    const char *dir = base_name(p->dir);
    char cust[32], with[32], ev[32], ntp[32];
    snprintf(cust, sizeof cust, "%zu", a->customers);
    snprintf(with, sizeof with, "%zu", a->with_outcome);
    snprintf(ev, sizeof ev, "%zu", a->events);
    snprintf(ntp, sizeof ntp, "%zu", a->ntp);
    char title[512];   /* a folder name is at most NAME_MAX (255) bytes */
    snprintf(title, sizeof title, "%.*s", (int)strcspn(dir, "/"), dir);
    mot_doc_add(d, MOT_BLOCK_TITLE, mot_tr(lang, "title"), title);
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "summary"), cust, with, ev,
                ntp);
    short_section(d, p, a, lang);
    moments_section(d, p, a, lang);
    performance_section(d, p, a, lang);
    impact_section(d, p, a, lang);
    ipa_section(d, p, a, lang);
    tolerance_section(d, p, a, lang);
    peak_end_section(d, p, a, lang);
    if (a->kano)
        mot_report_kano_doc(d, a->kano, lang);
    if (a->servqual)
        mot_report_servqual_doc(d, a->servqual, lang);
    if (a->tickets)
        mot_report_tickets_doc(d, a->tickets, a->consistency, lang, 1);
    if (a->behaviour)
        mot_report_behaviour_doc(d, a->behaviour, lang, 1);
    mot_report_journeys_doc(d, p, a, lang);
    mot_report_segments_doc(d, p, a, lang);
    recommendations_section(d, p, a, lang);
    notes_section(d, a, lang);
    sample_section(d, a, lang);
}

mot_status mot_report_render(const mot_project *p, const mot_analysis *a,
                             mot_lang lang, int peak_end_only,
                             mot_doc_layout layout, FILE *f)
{
    mot_doc d;
    mot_doc_init(&d);
    if (peak_end_only)
        peak_end_section(&d, p, a, lang);
    else
        mot_report_doc(&d, p, a, lang);
    mot_status st = d.status == MOT_OK ? layout(&d, f) : d.status;
    mot_doc_free(&d);
    return st;
}
