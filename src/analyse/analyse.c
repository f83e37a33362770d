/*
** analyse.c: mot_analyse, the moment-of-truth engine's entry point, and
** the small shared pieces (options, kind names, notes).
**
** mot_analyse checks that the features belong to the project, allocates
** the result with every estimate NAN ("not estimated") and runs the parts
** in their fixed order (src/analyse/internal.h):
**     perf -> overall -> churn -> tolerance -> experience -> peak-end
**     -> typing -> ipa -> surveys -> behaviour -> journeys
** Each part fills its own fields and explains what it could not estimate
** with mot_analysis_note; typing reads everything before it. On any
** failure the whole result is freed and nothing is returned.
**
** Behaviour and journeys read nothing of the analysis: with 2 or more
** threads they run on a thread of their own while the other parts run,
** each into a blank result of its own, which is then moved into the
** analysis in the fixed order (their fields, then their notes after those
** of the parts before them; their failure reported only if every part
** before them succeeded), so the result, notes and errors are those of
** the parts run one after another.
**
** mot_analyse_tickets is the tickets hook: the tickets and consistency
** analyses that `mot tickets` runs, whose results a caller attaches to the
** analysis (mot analyze runs it before the features exist and then
** frees what only it used, to keep the peak memory that of the
** analysis).
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/internal.h"
#include "core/parallel.h"
#include "mot/consistency.h"
#include "mot/tickets.h"

void mot_analyse_options_default(mot_analyse_options *o)
{
    o->bootstrap = 200;
    o->seed = 1;
    o->threads = 0;
    o->alpha = 0.05;
    o->min_group = 30;
    o->permutations = 0;
    o->ipa_midpoint = 0;
    o->repeat_days = 7;
}

const char *mot_kind_name(mot_kind k)
{
    switch (k) {
    case MOT_KIND_NEGATIVE: return "negative";
    case MOT_KIND_POSITIVE: return "positive";
    case MOT_KIND_HYGIENE: return "hygiene";
    case MOT_KIND_NONE: break;
    }
    return "none";
}

mot_status mot_analysis_note(mot_analysis *a, const char *fmt, ...)
{
    va_list ap;
    char buf[512], *copy, **grown;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!(copy = strdup(buf)))
        return MOT_ENOMEM;
    if (!(grown = realloc(a->notes, (a->nnotes + 1) * sizeof *grown))) {
        free(copy);
        return MOT_ENOMEM;
    }
    a->notes = grown;
    a->notes[a->nnotes++] = copy;
    return MOT_OK;
}

/* Every estimate of touchpoint tp "not estimated". */
static void tp_init(mot_tp_result *r, size_t tp)
{
    memset(r, 0, sizeof *r);
    r->tp = tp;
    r->reach = r->mean = r->sd = r->mean_lo = r->mean_hi = NAN;
    r->tolerance = r->target = NAN;
    r->below_tolerance = r->below_lo = r->below_hi = NAN;
    r->importance = r->importance_lo = r->importance_hi = NAN;
    r->odds_ratio = r->or_lo = r->or_hi = r->p = NAN;
    r->churn_if_bad = r->churn_if_good = r->n_bad = r->n_good = NAN;
    r->attributable_churners = NAN;
    r->lift = r->lift_lo = r->lift_hi = r->lift_p = NAN;
    r->n_lift_good = r->n_lift_rest = NAN;
    r->km_median_bad = r->km_median_good = r->km_hr = NAN;
    r->km_stat = r->km_p = NAN;
    r->overall_bad = r->overall_adequate = r->overall_good = NAN;
    r->overall_drop = r->overall_drop_lo = r->overall_drop_hi = NAN;
    r->overall_drop_p = NAN;
    r->gain_tolerance = r->gain_tolerance_lo = r->gain_tolerance_hi = NAN;
    r->gain_target = r->gain_target_lo = r->gain_target_hi = NAN;
    r->line.value = r->line.rate_beyond = r->line.rate_within = NAN;
    r->line.n_beyond = r->line.n_within = NAN;
    r->line.statistic = r->line.p_adjusted = r->line.p_scan = NAN;
    r->churn_p_adj = r->lift_p_adj = r->drop_p_adj = r->line_p_adj = NAN;
    r->kind = MOT_KIND_NONE;
    r->expected_effect = NAN;
}

/* A new result for f's shape with everything "not estimated". */
static mot_analysis *analysis_new(const mot_project *p, const mot_features *f)
{
    mot_analysis *a = calloc(1, sizeof *a);
    size_t ntp = f->ntp;
    if (!a)
        return NULL;
    a->customers = f->ncustomers;
    a->with_outcome = p->customers ? p->customers->n : 0;
    a->events = p->events ? p->events->n : 0;
    a->ntp = ntp;
    a->overall_r2 = NAN;
    a->churners = NAN;
    a->tp = calloc(ntp + 1, sizeof *a->tp);
    a->moments = calloc(ntp + 1, sizeof *a->moments);
    a->peak_end.worst_count = calloc(ntp + 1, sizeof(size_t));
    a->peak_end.best_count = calloc(ntp + 1, sizeof(size_t));
    a->peak_end.end_count = calloc(ntp + 1, sizeof(size_t));
    a->peak_end.first_count = calloc(ntp + 1, sizeof(size_t));
    if (!a->tp || !a->moments || !a->peak_end.worst_count ||
        !a->peak_end.best_count || !a->peak_end.end_count ||
        !a->peak_end.first_count) {
        mot_analysis_free(a);
        return NULL;
    }
    for (size_t t = 0; t < ntp; t++)
        tp_init(&a->tp[t], t);
    a->peak_end.r2_peak_end = a->peak_end.r2_mean = NAN;
    a->peak_end.diff_lo = a->peak_end.diff_hi = NAN;
    a->peak_end.r2_primacy = NAN;
    a->peak_end.primacy_diff_lo = a->peak_end.primacy_diff_hi = NAN;
    a->ipa.importance = a->ipa.performance = NAN;
    return a;
}

/* MOT_EUSAGE unless f was derived from a project shaped like p and the
** options make sense. */
static mot_status check_inputs(const mot_project *p, const mot_features *f,
                               const mot_analyse_options *o, mot_error *err)
{
    size_t ncust = p->customer_ids ? mot_strtab_count(p->customer_ids) : 0;
    if (f->ntp != p->blueprint.n || f->ncustomers != ncust)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "the features (%zu customers, %zu touchpoints) "
                             "were not derived from this project (%zu, %zu)",
                             f->ncustomers, f->ntp, ncust, p->blueprint.n);
    if (!(o->alpha > 0 && o->alpha < 0.5))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "alpha must be between 0 and 0.5, found %g",
                             o->alpha);
    return MOT_OK;
}

typedef mot_status (*part_fn)(const mot_project *, const mot_features *,
                              const mot_analyse_options *, mot_analysis *,
                              mot_error *);

/* The parts in their order; the last SIDE_PARTS read nothing of the
** analysis and may run on a thread of their own. */
static const part_fn parts[] = {
    mot_analyse_perf, mot_analyse_overall, mot_analyse_churn,
    mot_analyse_tolerance, mot_analyse_experience, mot_analyse_peak_end,
    mot_analyse_typing, mot_analyse_ipa, mot_analyse_surveys,
    mot_analyse_behaviour, mot_analyse_journeys};
#define NPARTS (sizeof parts / sizeof parts[0])
#define SIDE_PARTS 2

/* A run of parts [from, to) on one analysis, stopping at the first
** failure: its status and error. */
typedef struct run {
    size_t from, to;
    mot_analysis *a;
    mot_status st;
    mot_error err;
} run;

/* The inputs of the parts, and the runs: runs[0] the main parts into the
** result, runs[1 + k] side part k into a blank result of its own. */
typedef struct runs_job {
    const mot_project *p;
    const mot_features *f;
    const mot_analyse_options *o;
    run runs[1 + SIDE_PARTS];
} runs_job;

static void run_parts(const runs_job *j, run *r)
{
    mot_error_clear(&r->err);
    r->st = MOT_OK;
    for (size_t i = r->from; i < r->to && r->st == MOT_OK; i++)
        r->st = parts[i](j->p, j->f, j->o, r->a, &r->err);
}

/* Part 0: the main parts; part 1: the side parts, one after another. */
static void runs_part(void *ctx, unsigned part, unsigned nparts)
{
    runs_job *j = ctx;
    (void)nparts;
    if (part == 0)
        run_parts(j, &j->runs[0]);
    else
        for (size_t k = 1; k <= SIDE_PARTS; k++)
            run_parts(j, &j->runs[k]);
}

/* Move what side result s holds (behaviour, journeys and the notes) into
** a, notes after a's. MOT_ENOMEM (s keeps what was not moved). */
static mot_status adopt(mot_analysis *a, mot_analysis *s)
{
    if (s->nnotes) {
        char **grown = realloc(a->notes,
                               (a->nnotes + s->nnotes) * sizeof *grown);
        if (!grown)
            return MOT_ENOMEM;
        a->notes = grown;
        memcpy(a->notes + a->nnotes, s->notes, s->nnotes * sizeof *grown);
        a->nnotes += s->nnotes;
        s->nnotes = 0;
    }
    if (s->behaviour) {
        a->behaviour = s->behaviour;
        s->behaviour = NULL;
    }
    if (s->journeys) {
        a->journeys = s->journeys;
        s->journeys = NULL;
    }
    return MOT_OK;
}

/* Run every part into a, the side parts on a thread of their own; the
** first failure in the parts' order, with its error in *err. */
static mot_status run_all(const mot_project *p, const mot_features *f,
                          const mot_analyse_options *o, mot_analysis *a,
                          mot_error *err)
{
    runs_job j;
    j.p = p;
    j.f = f;
    j.o = o;
    j.runs[0].from = 0;
    j.runs[0].to = NPARTS - SIDE_PARTS;
    j.runs[0].a = a;
    mot_status st = MOT_OK;
    for (size_t k = 1; k <= SIDE_PARTS; k++) {
        j.runs[k].from = NPARTS - SIDE_PARTS + k - 1;
        j.runs[k].to = j.runs[k].from + 1;
        if (!(j.runs[k].a = calloc(1, sizeof *j.runs[k].a)))
            st = MOT_ENOMEM;
    }
    if (st == MOT_OK)
        mot_parallel_run(2, runs_part, &j);
    for (size_t k = 0; k <= SIDE_PARTS && st == MOT_OK; k++) {
        if (k > 0 && (st = adopt(a, j.runs[k].a)) != MOT_OK)
            break;
        if ((st = j.runs[k].st) != MOT_OK && err)
            *err = j.runs[k].err;
    }
    for (size_t k = 1; k <= SIDE_PARTS; k++)
        mot_analysis_free(j.runs[k].a);
    return st;
}

mot_status mot_analyse(const mot_project *p, const mot_features *f,
                       const mot_analyse_options *opt, mot_analysis **out,
                       mot_error *err)
{
    mot_analyse_options o;
    mot_analysis *a;
    mot_status st = MOT_OK;
    *out = NULL;
    if (opt)
        o = *opt;
    else
        mot_analyse_options_default(&o);
    if ((st = check_inputs(p, f, &o, err)) != MOT_OK)
        return st;
    if (!(a = analysis_new(p, f)))
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    if (mot_parallel_threads(o.threads, 2) > 1)
        st = run_all(p, f, &o, a, err);
    else
        for (size_t i = 0; i < NPARTS && st == MOT_OK; i++)
            st = parts[i](p, f, &o, a, err);
    if (st != MOT_OK) {
        mot_analysis_free(a);
        if (st == MOT_ENOMEM) /* notes fail without a message */
            mot_error_set(err, st, NULL, 0, 0, "out of memory");
        return st;
    }
    *out = a;
    return MOT_OK;
}

void mot_analysis_free(mot_analysis *a)
{
    if (!a)
        return;
    free(a->tp);
    free(a->moments);
    free(a->peak_end.worst_count);
    free(a->peak_end.best_count);
    free(a->peak_end.end_count);
    free(a->peak_end.first_count);
    free(a->recs);
    free(a->customer_lines);
    for (size_t i = 0; i < a->nnotes; i++)
        free(a->notes[i]);
    free(a->notes);
    mot_kano_result_free(a->kano);
    mot_servqual_result_free(a->servqual);
    mot_behaviour_result_free(a->behaviour);
    mot_journeys_free(a->journeys);
    mot_segments_free(a->segments);
    mot_tickets_result_free(a->tickets);
    mot_consistency_result_free(a->consistency);
    free(a);
}

/* The two analyses of mot_analyse_tickets, each with its status and
** error. */
typedef struct tickets_job {
    const mot_project *p;
    mot_tickets_result *tickets;
    mot_consistency_result *consistency;
    mot_status st[2];
    mot_error err[2];
} tickets_job;

/* Part 0 (or the only part) analyses the tickets; the other part, or part
** 0 after them when it is alone, the consistency. */
static void tickets_part(void *ctx, unsigned part, unsigned nparts)
{
    tickets_job *j = ctx;
    if (part == 0)
        j->st[0] = mot_tickets_analyse(j->p, NULL, &j->tickets, &j->err[0]);
    if (part == 1 || nparts == 1)
        j->st[1] = mot_consistency_analyse(j->p, NULL, &j->consistency,
                                           &j->err[1]);
}

mot_status mot_analyse_tickets(const mot_project *p, unsigned threads,
                               mot_tickets_result **tickets,
                               mot_consistency_result **consistency,
                               mot_error *err)
{
    *tickets = NULL;
    *consistency = NULL;
    if (!p->tickets)
        return MOT_OK;
    tickets_job j = {p, NULL, NULL, {MOT_OK, MOT_OK}, {{0}}};
    mot_error_clear(&j.err[0]);
    mot_error_clear(&j.err[1]);
    mot_parallel_run(mot_parallel_threads(threads, 2), tickets_part, &j);
    for (int k = 0; k < 2; k++)
        if (j.st[k] != MOT_OK) {
            if (err)
                *err = j.err[k];
            mot_tickets_result_free(j.tickets);
            mot_consistency_result_free(j.consistency);
            return j.st[k];
        }
    *tickets = j.tickets;
    *consistency = j.consistency;
    return MOT_OK;
}
