/*
** behaviour.c: the front-line behaviour result (mot/behaviour.h) as JSON
** (stable English keys, docs/report.md "mot behaviour") and as a report
** in English or Chinese: a document (internal.h) of the summary, the
** steps, the staff and branch profiles and the training effect, laid out
** for a terminal or as Markdown, and appended as a section of the
** analysis report. Nothing is recomputed here: every number comes from
** the result.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/parse.h"
#include "report/internal.h"

/* ---- JSON ------------------------------------------------------------------ */

static void step_or_null(mot_json *j, const char *key,
                         const mot_behaviour_result *r, int k)
{
    mot_json_key(j, key);
    if (k < 0)
        mot_json_null(j);
    else
        mot_json_string(j, r->steps[k].name);
}

static void did_json(mot_json *j, const mot_bh_did *d)
{
    mot_json_begin_object(j);
    mot_json_member_number(j, "estimate", d->estimate);
    mot_json_member_interval(j, "ci", d->lo, d->hi);
    mot_json_member_number(j, "p", d->p);
    mot_json_key(j, "n");
    mot_json_begin_array(j);
    for (int c = 0; c < 4; c++)
        mot_json_int(j, (int64_t)d->n[c]);
    mot_json_end_array(j);
    mot_json_key(j, "mean");
    mot_json_begin_array(j);
    for (int c = 0; c < 4; c++)
        mot_json_number(j, d->mean[c]);
    mot_json_end_array(j);
    mot_json_end_object(j);
}

/* {"step name": x, ...} */
static void by_step(mot_json *j, const char *key,
                    const mot_behaviour_result *r, const double *x)
{
    mot_json_key(j, key);
    mot_json_begin_object(j);
    for (size_t k = 0; k < r->nsteps; k++)
        mot_json_member_number(j, r->steps[k].name, x[k]);
    mot_json_end_object(j);
}

/* key: [{id_key, "n", "ranked", "share", "shrunk", "priority", "lift",
** "flagged"}, ...] of staff or branch profiles. */
static void profiles_json(mot_json *j, const char *key, const char *id_key,
                          const mot_behaviour_result *r,
                          const mot_bh_staff *g, size_t n)
{
    mot_json_key(j, key);
    mot_json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        const mot_bh_staff *f = &g[i];
        mot_json_begin_object(j);
        mot_json_key(j, id_key);
        mot_json_string(j, f->staff_id);
        mot_json_member_count(j, "n", f->n);
        mot_json_key(j, "ranked");
        mot_json_bool(j, f->ranked);
        by_step(j, "share", r, f->share);
        by_step(j, "shrunk", r, f->shrunk);
        step_or_null(j, "priority", r, f->priority);
        mot_json_member_number(j, "lift", f->lift);
        mot_json_key(j, "flagged");
        mot_json_bool(j, f->flagged);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
}

void mot_report_behaviour_json(mot_json *j, const mot_behaviour_result *r)
{
    mot_json_begin_object(j);
    mot_json_member_count(j, "interactions", r->n);
    mot_json_key(j, "ratings");
    mot_json_bool(j, r->ratings);
    mot_json_member_number(j, "low_below", r->low_below);
    mot_json_key(j, "model");
    if (!r->model)
        mot_json_null(j);
    else {
        mot_json_begin_object(j);
        mot_json_member_count(j, "n", r->n_model);
        mot_json_member_number(j, "r2", r->r2);
        mot_json_key(j, "method");
        mot_json_string(j, r->method);
        mot_json_member_count(j, "bootstrap_failed", r->boot_failed);
        mot_json_end_object(j);
    }
    step_or_null(j, "key_step", r, r->key_step);
    step_or_null(j, "most_missing", r, r->most_missing);
    mot_json_key(j, "steps");
    mot_json_begin_array(j);
    for (size_t k = 0; k < r->nsteps; k++) {
        const mot_bh_step *s = &r->steps[k];
        mot_json_begin_object(j);
        mot_json_key(j, "step");
        mot_json_string(j, s->name);
        mot_json_member_count(j, "n", s->n);
        mot_json_member_count(j, "done", s->done);
        mot_json_member_number(j, "share", s->share);
        mot_json_member_interval(j, "ci", s->share_lo, s->share_hi);
        mot_json_member_number(j, "importance", s->importance);
        mot_json_member_interval(j, "importance_ci", s->importance_lo,
                                 s->importance_hi);
        mot_json_member_number(j, "beta", s->beta);
        mot_json_member_interval(j, "beta_ci", s->beta_lo, s->beta_hi);
        mot_json_member_number(j, "beta_p", s->beta_p);
        mot_json_member_count(j, "n_low", s->n_low);
        mot_json_member_count(j, "n_rest", s->n_rest);
        mot_json_member_number(j, "missing_low", s->missing_low);
        mot_json_member_number(j, "missing_rest", s->missing_rest);
        mot_json_member_number(j, "chisq", s->chisq);
        mot_json_member_number(j, "p", s->p);
        mot_json_member_number(j, "p_adjusted", s->p_adjusted);
        mot_json_member_number(j, "prior_strength",
                               isinf(r->prior_strength[k])
                                   ? NAN : r->prior_strength[k]);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_member_count(j, "min_staff", r->min_staff);
    mot_json_member_number(j, "min_gap", r->min_gap);
    profiles_json(j, "staff", "staff_id", r, r->staff, r->nstaff);
    profiles_json(j, "branches", "branch", r, r->branch, r->nbranch);
    mot_json_key(j, "training");
    mot_json_begin_array(j);
    for (size_t g = 0; g < r->ntraining; g++) {
        const mot_bh_training *t = &r->training[g];
        char when[40];
        mot_format_time(t->reference, when, sizeof when);
        mot_json_begin_object(j);
        mot_json_key(j, "branch");
        if (t->branch)
            mot_json_string(j, t->branch);
        else
            mot_json_null(j);
        mot_json_member_count(j, "trained_staff", t->trained_staff);
        mot_json_member_count(j, "untrained_staff", t->untrained_staff);
        mot_json_key(j, "reference");
        mot_json_string(j, when);
        mot_json_key(j, "score");
        did_json(j, &t->score);
        mot_json_key(j, "steps");
        mot_json_begin_object(j);
        for (size_t k = 0; k < r->nsteps; k++) {
            mot_json_key(j, r->steps[k].name);
            did_json(j, &t->steps[k]);
        }
        mot_json_end_object(j);
        mot_json_end_object(j);
    }
    mot_json_end_array(j);
    mot_json_end_object(j);
}

/* ---- text and Markdown ------------------------------------------------------ */

/* The steps' table. */
static void steps_doc(mot_doc *d, mot_lang lang,
                      const mot_behaviour_result *r)
{
    static const int right[6] = {0, 1, 1, 1, 1, 1};
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "bh.h.steps"));
    mot_table *t = mot_doc_table(d, 6, right);
    const char *head[6] = {
        mot_tr(lang, "bh.col.step"), mot_tr(lang, "bh.col.done"),
        mot_tr(lang, "bh.col.importance"), mot_tr(lang, "bh.col.beta"),
        mot_tr(lang, "bh.col.missing"), mot_tr(lang, "bh.col.p")};
    mot_doc_row(d, t, head);
    for (size_t k = 0; k < r->nsteps; k++) {
        const mot_bh_step *s = &r->steps[k];
        char a[96], b[96], c[96], m[64], e[32], g[32], p[32];
        snprintf(m, sizeof m, "%s / %s",
                 mot_report_pct(e, sizeof e, s->missing_low),
                 mot_report_pct(g, sizeof g, s->missing_rest));
        const char *cells[6] = {
            s->name,
            mot_report_est(a, sizeof a, s->share, s->share_lo, s->share_hi,
                           0, 1),
            mot_report_est(b, sizeof b, s->importance, s->importance_lo,
                           s->importance_hi, 0, 1),
            mot_report_est(c, sizeof c, s->beta, s->beta_lo, s->beta_hi, 2,
                           0),
            m, mot_report_pval(p, sizeof p, s->p_adjusted)};
        mot_doc_row(d, t, cells);
    }
}

/* A table of ranked profiles (staff or branches): id, n, the shrunken
** share of every step, the priority and its lift. */
static void profiles_doc(mot_doc *d, mot_lang lang,
                         const mot_behaviour_result *r, const char *id_key,
                         const mot_bh_staff *g, size_t n)
{
    size_t nc = r->nsteps + 4;
    int *right = malloc(nc * sizeof *right);
    const char **cells = malloc(nc * sizeof *cells);
    char (*buf)[64] = malloc(nc * sizeof *buf);
    if (!right || !cells || !buf) {
        d->status = MOT_ENOMEM;
        goto done;
    }
    for (size_t c = 0; c < nc; c++)
        right[c] = c == 0 || c == nc - 2 ? 0 : 1;
    mot_table *t = mot_doc_table(d, nc, right);
    cells[0] = mot_tr(lang, id_key);
    cells[1] = mot_tr(lang, "bh.col.n");
    for (size_t k = 0; k < r->nsteps; k++)
        cells[2 + k] = r->steps[k].name;
    cells[nc - 2] = mot_tr(lang, "bh.col.priority");
    cells[nc - 1] = mot_tr(lang, "bh.col.lift");
    mot_doc_row(d, t, cells);
    for (size_t i = 0; i < n; i++) {
        const mot_bh_staff *s = &g[i];
        if (!s->ranked)
            continue;
        snprintf(buf[0], sizeof buf[0], "%s%s", s->staff_id,
                 s->flagged ? " *" : "");
        cells[0] = buf[0];
        snprintf(buf[1], sizeof buf[1], "%zu", s->n);
        cells[1] = buf[1];
        for (size_t k = 0; k < r->nsteps; k++)
            cells[2 + k] = mot_report_pct(buf[2 + k], sizeof buf[2 + k],
                                          s->shrunk[k]);
        cells[nc - 2] = s->priority >= 0 ? r->steps[s->priority].name : "-";
        cells[nc - 1] = mot_report_num(buf[nc - 1], sizeof buf[nc - 1],
                                       s->lift, 2);
        mot_doc_row(d, t, cells);
    }
done:
    free(right);
    free(cells);
    free(buf);
}

/* Staff, then branches: a heading, who is ranked and flagged, the table
** (only when someone is ranked). */
static void ranked_doc(mot_doc *d, mot_lang lang,
                       const mot_behaviour_result *r)
{
    char a[32], b[32], c[32], g[32];
    snprintf(a, sizeof a, "%zu", r->ranked);
    snprintf(b, sizeof b, "%zu", r->min_staff);
    snprintf(c, sizeof c, "%zu", r->flagged);
    snprintf(g, sizeof g, "%.0f", 100 * r->min_gap);
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "bh.h.staff"));
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "bh.staff"), a, b, c, g);
    if (r->ranked)
        profiles_doc(d, lang, r, "bh.col.staff", r->staff, r->nstaff);
    if (!r->nbranch)
        return;
    snprintf(a, sizeof a, "%zu", r->branches_ranked);
    snprintf(c, sizeof c, "%zu", r->branches_flagged);
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "bh.h.branches"));
    mot_doc_add(d, MOT_BLOCK_PARA, mot_tr(lang, "bh.branches"), a, b, c, g);
    if (r->branches_ranked)
        profiles_doc(d, lang, r, "bh.col.branch", r->branch, r->nbranch);
}

/* The training table: all staff, then each branch. */
static void training_doc(mot_doc *d, mot_lang lang,
                         const mot_behaviour_result *r)
{
    static const int right[6] = {0, 1, 1, 1, 1, 1};
    mot_doc_add(d, MOT_BLOCK_HEADING, "%s", mot_tr(lang, "bh.h.training"));
    mot_table *t = mot_doc_table(d, 6, right);
    const char *head[6] = {
        mot_tr(lang, "bh.col.group"), mot_tr(lang, "bh.col.trained"),
        mot_tr(lang, "bh.col.reference"), mot_tr(lang, "bh.col.did_score"),
        mot_tr(lang, "bh.col.p_did"), mot_tr(lang, "bh.col.did_key")};
    mot_doc_row(d, t, head);
    for (size_t g = 0; g < r->ntraining; g++) {
        const mot_bh_training *tr = &r->training[g];
        char n[48], when[40], a[96], p[32], k[96];
        snprintf(n, sizeof n, "%zu / %zu", tr->trained_staff,
                 tr->untrained_staff);
        mot_format_time(tr->reference, when, sizeof when);
        when[10] = '\0';            /* the date */
        if (r->key_step >= 0) {
            const mot_bh_did *x = &tr->steps[r->key_step];
            mot_report_est(k, sizeof k, x->estimate, x->lo, x->hi, 0, 1);
        } else
            snprintf(k, sizeof k, "-");
        const char *cells[6] = {
            tr->branch ? tr->branch : mot_tr(lang, "bh.all_staff"), n, when,
            mot_report_est(a, sizeof a, tr->score.estimate, tr->score.lo,
                           tr->score.hi, 2, 0),
            mot_report_pval(p, sizeof p, tr->score.p), k};
        mot_doc_row(d, t, cells);
    }
    mot_doc_add(d, MOT_BLOCK_PARA, "%s", mot_tr(lang, "bh.training"));
}

void mot_report_behaviour_doc(mot_doc *d, const mot_behaviour_result *r,
                              mot_lang lang, int section)
{
    char a[32], b[32], c[32];
    mot_doc_add(d, section ? MOT_BLOCK_HEADING : MOT_BLOCK_TITLE, "%s",
                mot_tr(lang, "bh.title"));
    snprintf(a, sizeof a, "%zu", r->n);
    snprintf(b, sizeof b, "%zu", r->nsteps);
    mot_doc_add(d, MOT_BLOCK_PARA,
                mot_tr(lang, r->ratings ? "bh.summary.ratings"
                                        : "bh.summary.binary"), a, b);
    if (r->model) {
        snprintf(a, sizeof a, "%zu", r->n_model);
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "bh.model"), a,
                    mot_report_num(b, sizeof b, r->r2, 3));
    } else
        mot_doc_add(d, MOT_BLOCK_BULLET, "%s", mot_tr(lang, "bh.no_model"));
    if (r->key_step >= 0)
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "bh.key_step"),
                    r->steps[r->key_step].name);
    if (r->most_missing >= 0) {
        const mot_bh_step *s = &r->steps[r->most_missing];
        mot_report_num(c, sizeof c, r->low_below, 1);
        mot_doc_add(d, MOT_BLOCK_BULLET, mot_tr(lang, "bh.most_missing"),
                    s->name, c, mot_report_pct(a, sizeof a, s->missing_low),
                    mot_report_pct(b, sizeof b, s->missing_rest));
    }
    steps_doc(d, lang, r);
    ranked_doc(d, lang, r);
    if (r->ntraining)
        training_doc(d, lang, r);
}

/* Build the standalone report and lay it out on f. */
static mot_status render(FILE *f, const mot_behaviour_result *r,
                         mot_lang lang, mot_doc_layout layout)
{
    mot_doc d;
    mot_doc_init(&d);
    mot_report_behaviour_doc(&d, r, lang, 0);
    mot_status st = d.status == MOT_OK ? layout(&d, f) : d.status;
    mot_doc_free(&d);
    return st;
}

mot_status mot_report_behaviour_text(FILE *f, const mot_behaviour_result *r,
                                     mot_lang lang)
{
    return render(f, r, lang, mot_doc_layout_text);
}

mot_status mot_report_behaviour_md(FILE *f, const mot_behaviour_result *r,
                                   mot_lang lang)
{
    return render(f, r, lang, mot_doc_layout_md);
}
