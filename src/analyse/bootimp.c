/*
** bootimp.c: a statistic of moment accumulators with a batched one-pass
** Poisson bootstrap interval (docs/methods.md, "Bootstrap of importance").
**
** Rows are accumulated, in one pass, into B batches (mot_moments per
** batch): with at most MOT_BOOT_BATCHES rows each row is its own batch;
** above, row i goes to batch h(seed, i) mod B, h the splitmix64 finalizer
** (Steele, Lea & Flood 2014), i.e. at random. The statistic on all rows
** comes from the batches merged. Replicate r merges batch b w_rb times,
** w_rb = mot_boot_weight(seed, b, r) ~ Poisson(1) (Hanley & MacGibbon
** 2006): with one row per batch this is the one-pass Poisson bootstrap of
** the rows; with more, it is the same bootstrap over B exchangeable
** batches, whose sums are i.i.d. sums of rows, so their resampling gives
** the sampling variability of the sums, and of smooth functions of them
** such as correlations and importance, as resampling rows does, at a
** cost that does not grow with the rows. Intervals are type-7 percentile
** intervals of the replicates (mot_boot_percentile).
**
** Threads: batches are filled by part (batch mod parts), each part
** scanning every row and keeping its own; replicates are computed by part
** (replicate mod parts). Merge orders are fixed, so the result does not
** depend on the number of threads.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/shared.h"
#include "core/parallel.h"

#define MAX_ACC 4

struct mot_boot {
    const mot_boot_job *job;
    size_t nbatch;
    mot_moments **batch;              /* nbatch * nacc */
    mot_moments *total[MAX_ACC];      /* every row */
    double *rep;                      /* reps * q, while mot_boot_stats runs */
    mot_status st[MOT_MAX_THREADS];   /* per part */
};

/* The batch of row `row`. */
static size_t batch_of(const mot_boot *b, size_t row)
{
    if (b->nbatch == b->job->nrows)
        return row;
    uint64_t z = (b->job->seed ^ 0x6a09e667f3bcc909ull) +
                 (uint64_t)row * 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return (size_t)((z ^ (z >> 31)) % b->nbatch);
}

/* Part `part` of the pass: rows of the batches k with k % nparts == part. */
static void fill_part(void *ctx, unsigned part, unsigned nparts)
{
    mot_boot *b = ctx;
    const mot_boot_job *j = b->job;
    double *buf[MAX_ACC] = {NULL};
    size_t tot = 0;
    for (size_t a = 0; a < j->nacc; a++)
        tot += j->dims[a];
    double *mem = malloc((tot ? tot : 1) * sizeof *mem);
    if (!mem) {
        b->st[part] = MOT_ENOMEM;
        return;
    }
    for (size_t a = 0, off = 0; a < j->nacc; off += j->dims[a], a++)
        buf[a] = mem + off;
    for (size_t i = 0; i < j->nrows && b->st[part] == MOT_OK; i++) {
        size_t k = batch_of(b, i);
        if (k % nparts != part || !j->row(j->ctx, i, buf))
            continue;
        for (size_t a = 0; a < j->nacc && b->st[part] == MOT_OK; a++)
            b->st[part] = mot_moments_add(b->batch[k * j->nacc + a], buf[a],
                                          1);
    }
    free(mem);
}

/* New accumulators acc[0..nacc-1] of the job's dimensions. */
static mot_status new_accs(const mot_boot_job *j, mot_moments **acc)
{
    for (size_t a = 0; a < j->nacc; a++)
        if (mot_moments_new(j->dims[a], &acc[a]) != MOT_OK)
            return MOT_ENOMEM;
    return MOT_OK;
}

/* Free acc[0..n-1] (NULL entries are no-ops). */
static void free_accs(mot_moments **acc, size_t n)
{
    for (size_t a = 0; a < n; a++)
        mot_moments_free(acc[a]);
}

void mot_boot_free(mot_boot *b)
{
    if (!b)
        return;
    if (b->batch)
        free_accs(b->batch, b->nbatch * b->job->nacc);
    free(b->batch);
    free_accs(b->total, b->job->nacc);
    free(b);
}

mot_moments *const *mot_boot_total(const mot_boot *b) { return b->total; }

/* Allocate the batches, fill them, merge them in order into the totals. */
static mot_status pass(mot_boot *b)
{
    const mot_boot_job *j = b->job;
    if (!(b->batch = calloc(b->nbatch * j->nacc + 1, sizeof *b->batch)) ||
        new_accs(j, b->total) != MOT_OK)
        return MOT_ENOMEM;
    for (size_t k = 0; k < b->nbatch * j->nacc; k++)
        if (mot_moments_new(j->dims[k % j->nacc], &b->batch[k]) != MOT_OK)
            return MOT_ENOMEM;
    unsigned parts = mot_parallel_threads(j->threads, b->nbatch);
    mot_parallel_run(parts, fill_part, b);
    for (unsigned t = 0; t < parts; t++)
        if (b->st[t] != MOT_OK)
            return b->st[t];
    for (size_t k = 0; k < b->nbatch; k++)
        for (size_t a = 0; a < j->nacc; a++)
            mot_moments_merge(b->total[a], b->batch[k * j->nacc + a]);
    return MOT_OK;
}

mot_status mot_boot_pass(const mot_boot_job *j, mot_boot **out)
{
    *out = NULL;
    if (j->nacc < 1 || j->nacc > MAX_ACC || !j->row || !j->stat ||
        j->q < 1 || !(j->level > 0 && j->level < 1))
        return MOT_EUSAGE;
    mot_boot *b = calloc(1, sizeof *b);
    if (!b)
        return MOT_ENOMEM;
    size_t maxb = j->max_batches ? j->max_batches : MOT_BOOT_BATCHES;
    b->job = j;
    b->nbatch = j->nrows <= maxb ? j->nrows : maxb;
    mot_status st = pass(b);
    if (st != MOT_OK) {
        mot_boot_free(b);
        return st;
    }
    *out = b;
    return MOT_OK;
}

/* Part `part` of the replicates: r with r % nparts == part. */
static void rep_part(void *ctx, unsigned part, unsigned nparts)
{
    mot_boot *b = ctx;
    const mot_boot_job *j = b->job;
    mot_moments *acc[MAX_ACC] = {NULL};
    if ((b->st[part] = new_accs(j, acc)) != MOT_OK) {
        free_accs(acc, j->nacc);
        return;
    }
    for (size_t r = part; r < j->reps; r += nparts) {
        for (size_t a = 0; a < j->nacc; a++)
            mot_moments_reset(acc[a]);
        for (size_t k = 0; k < b->nbatch; k++) {
            unsigned w = mot_boot_weight(j->seed, k, (uint32_t)r);
            for (unsigned c = 0; c < w; c++)
                for (size_t a = 0; a < j->nacc; a++)
                    mot_moments_merge(acc[a], b->batch[k * j->nacc + a]);
        }
        j->stat(j->ctx, acc, b->rep + r * j->q);
    }
    free_accs(acc, j->nacc);
}

void mot_boot_out_free(mot_boot_out *out)
{
    free(out->est);
    free(out->lo);
    free(out->hi);
    memset(out, 0, sizeof *out);
}

/* Percentile intervals of each of the q values over the replicates. */
static mot_status intervals(const mot_boot *b, mot_boot_out *out)
{
    const mot_boot_job *j = b->job;
    double *col = malloc((j->reps ? j->reps : 1) * sizeof *col);
    if (!col)
        return MOT_ENOMEM;
    for (size_t r = 0; r < j->reps; r++)
        for (size_t v = 0; v < j->q; v++)
            if (isnan(b->rep[r * j->q + v])) {
                out->failed++;
                break;
            }
    mot_status st = MOT_OK;
    for (size_t v = 0; v < j->q && st != MOT_ENOMEM; v++) {
        for (size_t r = 0; r < j->reps; r++)
            col[r] = b->rep[r * j->q + v];
        st = mot_boot_percentile(col, j->reps, j->level, &out->lo[v],
                                 &out->hi[v], NULL);
        if (st != MOT_OK)
            out->lo[v] = out->hi[v] = NAN;
    }
    free(col);
    return st == MOT_ENOMEM ? st : MOT_OK;
}

/* Replicates into b->rep, then their intervals. */
static mot_status replicate(mot_boot *b, mot_boot_out *out)
{
    const mot_boot_job *j = b->job;
    unsigned parts = mot_parallel_threads(j->threads, j->reps);
    for (unsigned t = 0; t < parts; t++)
        b->st[t] = MOT_OK;
    mot_parallel_run(parts, rep_part, b);
    for (unsigned t = 0; t < parts; t++)
        if (b->st[t] != MOT_OK)
            return b->st[t];
    return intervals(b, out);
}

mot_status mot_boot_stats(mot_boot *b, mot_boot_out *out)
{
    const mot_boot_job *j = b->job;
    memset(out, 0, sizeof *out);
    out->batches = b->nbatch;
    out->est = malloc(j->q * sizeof *out->est);
    out->lo = malloc(j->q * sizeof *out->lo);
    out->hi = malloc(j->q * sizeof *out->hi);
    b->rep = malloc((j->reps * j->q + 1) * sizeof *b->rep);
    mot_status st = MOT_ENOMEM;
    if (out->est && out->lo && out->hi && b->rep) {
        for (size_t v = 0; v < j->q; v++)
            out->lo[v] = out->hi[v] = NAN;
        j->stat(j->ctx, b->total, out->est);
        st = j->reps ? replicate(b, out) : MOT_OK;
    }
    free(b->rep);
    b->rep = NULL;
    if (st != MOT_OK)
        mot_boot_out_free(out);
    return st;
}

mot_status mot_boot_run(const mot_boot_job *job, mot_boot_out *out)
{
    mot_boot *b;
    memset(out, 0, sizeof *out);
    mot_status st = mot_boot_pass(job, &b);
    if (st != MOT_OK)
        return st;
    st = mot_boot_stats(b, out);
    mot_boot_free(b);
    return st;
}
