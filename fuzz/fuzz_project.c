/*
** fuzz_project.c: libFuzzer target for the project loader
** (mot_project_load).
**
** The input is a whole project folder: its bytes are cut at each 0x1E
** (the ASCII record separator) into the texts of blueprint.csv, mot.ini,
** events.csv, customers.csv, kano.csv, servqual.csv, servqual_weights.csv,
** tickets.csv, interactions.csv and staff.csv, in that order; an empty
** text means the file is absent. Loading must never crash, read out of
** bounds or leak; a failed load must hand out no project and report its
** problems; a loaded project must only hold references that resolve.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mot/project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {
    "blueprint.csv", "mot.ini", "events.csv", "customers.csv", "kano.csv",
    "servqual.csv", "servqual_weights.csv", "tickets.csv",
    "interactions.csv", "staff.csv",
};
#define NFILES (sizeof files / sizeof *files)

static char dir[4096];

/* Remove the folder and its files when the fuzzer exits. */
static void cleanup(void)
{
    char path[4200];
    for (size_t k = 0; k < NFILES; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        unlink(path);
    }
    rmdir(dir);
}

/* The folder the files are written to, made once per process under
** $TMPDIR (or /tmp). */
static const char *folder(void)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/mot-fuzz-project-XXXXXX",
                 tmp && tmp[0] ? tmp : "/tmp");
        if (!mkdtemp(dir))
            abort();
        atexit(cleanup);
    }
    return dir;
}

/* Write file k with (s, n), or remove it when n is 0. */
static void put(size_t k, const uint8_t *s, size_t n)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, files[k]);
    unlink(path);
    if (n == 0)
        return;
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n)
        abort();
    fclose(f);
}

/* Abort unless every reference in the loaded project resolves. */
static void check(const mot_project *p)
{
    const mot_blueprint *b = &p->blueprint;
    for (size_t i = 0; i < b->n; i++)
        if (b->tp[i].stage_index >= b->nstages ||
            b->tp[i].supports >= (long)b->n)
            abort();
    if (p->events)
        for (size_t i = 0; i < p->events->n; i++)
            if (p->events->touchpoint[i] >= b->n ||
                p->events->customer[i] >= mot_strtab_count(p->customer_ids))
                abort();
    if (p->tickets)
        for (size_t i = 0; i < p->tickets->n; i++)
            if (p->tickets->touchpoint[i] >= b->n)
                abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *where = folder();
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= size && k < NFILES; i++)
        if (i == size || data[i] == 0x1E) {
            put(k++, data + start, i - start);
            start = i + 1;
        }
    for (; k < NFILES; k++)
        put(k, NULL, 0);
    mot_diag diag;
    mot_project *p = NULL;
    mot_diag_init(&diag, 0);
    mot_status st = mot_project_load(&p, where, NULL, &diag);
    if (st == MOT_OK) {
        if (!p || diag.total != 0)
            abort();
        check(p);
    } else if (p || diag.total == 0 || st >= 0) {
        abort();
    }
    mot_project_free(p);
    mot_diag_free(&diag);
    return 0;
}
