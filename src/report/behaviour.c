/*
** behaviour.c: the front-line behaviour result (mot/behaviour.h) as JSON
** (stable English keys, docs/report.md "mot behaviour") and as a terminal
** report in English or Chinese. Nothing is recomputed here: every number
** comes from the result.
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
    mot_json_key(j, "staff");
    mot_json_begin_array(j);
    for (size_t i = 0; i < r->nstaff; i++) {
        const mot_bh_staff *f = &r->staff[i];
        mot_json_begin_object(j);
        mot_json_key(j, "staff_id");
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

/* ---- text ------------------------------------------------------------------ */

static mot_status steps_text(FILE *f, mot_lang lang,
                             const mot_behaviour_result *r)
{
    static const int right[6] = {0, 1, 1, 1, 1, 1};
    mot_table *t = mot_table_new(6, right);
    if (!t)
        return MOT_ENOMEM;
    const char *head[6] = {
        mot_tr(lang, "bh.col.step"), mot_tr(lang, "bh.col.done"),
        mot_tr(lang, "bh.col.importance"), mot_tr(lang, "bh.col.beta"),
        mot_tr(lang, "bh.col.missing"), mot_tr(lang, "bh.col.p")};
    mot_status st = mot_table_add(t, head);
    for (size_t k = 0; k < r->nsteps && st == MOT_OK; k++) {
        const mot_bh_step *s = &r->steps[k];
        char a[96], b[96], c[96], d[64], e[32], g[32], p[32];
        snprintf(d, sizeof d, "%s / %s",
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
            d, mot_report_pval(p, sizeof p, s->p_adjusted)};
        st = mot_table_add(t, cells);
    }
    if (st == MOT_OK) {
        mot_report_heading(f, lang, "bh.h.steps");
        mot_table_print(t, f, 0, 1);
    }
    mot_table_free(t);
    return st;
}

static mot_status staff_text(FILE *f, mot_lang lang,
                             const mot_behaviour_result *r)
{
    size_t nc = r->nsteps + 4;
    int *right = malloc(nc * sizeof *right);
    const char **cells = malloc(nc * sizeof *cells);
    char (*buf)[32] = malloc(nc * sizeof *buf);
    mot_table *t = NULL;
    mot_status st = MOT_ENOMEM;
    if (!right || !cells || !buf)
        goto done;
    for (size_t c = 0; c < nc; c++)
        right[c] = c == 0 || c == nc - 2 ? 0 : 1;
    if (!(t = mot_table_new(nc, right)))
        goto done;
    cells[0] = mot_tr(lang, "bh.col.staff");
    cells[1] = mot_tr(lang, "bh.col.n");
    for (size_t k = 0; k < r->nsteps; k++)
        cells[2 + k] = r->steps[k].name;
    cells[nc - 2] = mot_tr(lang, "bh.col.priority");
    cells[nc - 1] = mot_tr(lang, "bh.col.lift");
    st = mot_table_add(t, cells);
    for (size_t i = 0; i < r->nstaff && st == MOT_OK; i++) {
        const mot_bh_staff *s = &r->staff[i];
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
        st = mot_table_add(t, cells);
    }
    if (st == MOT_OK) {
        char a[32], b[32], c[32];
        snprintf(a, sizeof a, "%zu", r->ranked);
        snprintf(b, sizeof b, "%zu", r->min_staff);
        snprintf(c, sizeof c, "%zu", r->flagged);
        mot_report_heading(f, lang, "bh.h.staff");
        mot_report_say(f, lang, "bh.staff", a, b, c);
        if (r->ranked)
            mot_table_print(t, f, 0, 1);
    }
done:
    mot_table_free(t);
    free(right);
    free(cells);
    free(buf);
    return st;
}

static mot_status training_text(FILE *f, mot_lang lang,
                                const mot_behaviour_result *r)
{
    static const int right[6] = {0, 1, 1, 1, 1, 1};
    mot_table *t = mot_table_new(6, right);
    if (!t)
        return MOT_ENOMEM;
    const char *head[6] = {
        mot_tr(lang, "bh.col.group"), mot_tr(lang, "bh.col.trained"),
        mot_tr(lang, "bh.col.reference"), mot_tr(lang, "bh.col.did_score"),
        mot_tr(lang, "bh.col.p_did"), mot_tr(lang, "bh.col.did_key")};
    mot_status st = mot_table_add(t, head);
    for (size_t g = 0; g < r->ntraining && st == MOT_OK; g++) {
        const mot_bh_training *tr = &r->training[g];
        char n[48], when[40], a[96], p[32], k[96];
        snprintf(n, sizeof n, "%zu / %zu", tr->trained_staff,
                 tr->untrained_staff);
        mot_format_time(tr->reference, when, sizeof when);
        when[10] = '\0';            /* the date */
        if (r->key_step >= 0) {
            const mot_bh_did *d = &tr->steps[r->key_step];
            mot_report_est(k, sizeof k, d->estimate, d->lo, d->hi, 0, 1);
        } else
            snprintf(k, sizeof k, "-");
        const char *cells[6] = {
            tr->branch ? tr->branch : mot_tr(lang, "bh.all_staff"), n, when,
            mot_report_est(a, sizeof a, tr->score.estimate, tr->score.lo,
                           tr->score.hi, 2, 0),
            mot_report_pval(p, sizeof p, tr->score.p), k};
        st = mot_table_add(t, cells);
    }
    if (st == MOT_OK) {
        mot_report_heading(f, lang, "bh.h.training");
        mot_table_print(t, f, 0, 1);
    }
    mot_table_free(t);
    return st;
}

mot_status mot_report_behaviour_text(FILE *f, const mot_behaviour_result *r,
                                     mot_lang lang)
{
    char a[32], b[32], c[32];
    fprintf(f, "%s\n", mot_tr(lang, "bh.title"));
    snprintf(a, sizeof a, "%zu", r->n);
    snprintf(b, sizeof b, "%zu", r->nsteps);
    mot_report_say(f, lang, r->ratings ? "bh.summary.ratings"
                                       : "bh.summary.binary", a, b);
    if (r->model) {
        snprintf(a, sizeof a, "%zu", r->n_model);
        mot_report_say(f, lang, "bh.model", a,
                       mot_report_num(b, sizeof b, r->r2, 3));
    } else
        mot_report_say(f, lang, "bh.no_model");
    if (r->key_step >= 0)
        mot_report_say(f, lang, "bh.key_step", r->steps[r->key_step].name);
    if (r->most_missing >= 0) {
        const mot_bh_step *s = &r->steps[r->most_missing];
        mot_report_num(c, sizeof c, r->low_below, 1);
        mot_report_say(f, lang, "bh.most_missing", s->name, c,
                       mot_report_pct(a, sizeof a, s->missing_low),
                       mot_report_pct(b, sizeof b, s->missing_rest));
    }
    mot_status st = steps_text(f, lang, r);
    if (st == MOT_OK)
        st = staff_text(f, lang, r);
    if (st == MOT_OK && r->ntraining)
        st = training_text(f, lang, r);
    if (st == MOT_OK && ferror(f))
        st = MOT_EIO;
    return st;
}
