/*
** projutil.h: helpers for the tests of the engine's parts (header only):
** build a project folder from text, or a demo project, load it, derive
** its features and run mot_analyse. Aborts the test on any failure.
**
** Include after <cmocka.h> and "testutil.h".
*/
#ifndef MOT_TESTS_PROJUTIL_H
#define MOT_TESTS_PROJUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mot/mot.h"
#include "mot/derive.h"
#include "mot/analyse.h"

typedef struct pu_run {
    mot_project *p;
    mot_features *f;
    mot_analysis *a;
} pu_run;

/* Load the project in dir, derive and analyse it with options o. */
static inline void pu_analyse(pu_run *u, const char *dir,
                              const mot_analyse_options *o)
{
    mot_diag d;
    mot_error err;
    mot_diag_init(&d, 0);
    if (mot_project_load(&u->p, dir, NULL, &d) != MOT_OK) {
        char buf[1200];
        mot_error_format(&d.items[0], buf, sizeof buf);
        fail_msg("%s did not load: %s", dir, buf);
    }
    mot_diag_free(&d);
    if (mot_features_derive(u->p, o->threads, &u->f, &err) != MOT_OK)
        fail_msg("derive: %s", err.message);
    if (mot_analyse(u->p, u->f, o, &u->a, &err) != MOT_OK)
        fail_msg("analyse: %s", err.message);
}

/* Write the demo (scenario, customers, seed) under MOT_TEST_TMP and
** analyse it. */
static inline void pu_demo(pu_run *u, const char *scenario, size_t n,
                           uint64_t seed, const mot_analyse_options *o)
{
    char name[96];
    snprintf(name, sizeof name, "demo_%s_%zu_%llu", scenario, n,
             (unsigned long long)seed);
    const char *dir = tu_tmpdir(name);
    mot_demo_options d = {scenario, n, seed};
    mot_error err;
    if (mot_demo_write(dir, &d, &err) != MOT_OK)
        fail_msg("demo: %s", err.message);
    pu_analyse(u, dir, o);
}

static inline void pu_free(pu_run *u)
{
    mot_analysis_free(u->a);
    mot_features_free(u->f);
    mot_project_free(u->p);
    memset(u, 0, sizeof *u);
}

/* The index of touchpoint `id`, or abort. */
static inline size_t pu_tp(const pu_run *u, const char *id)
{
    long t = mot_blueprint_find(&u->p->blueprint, id, strlen(id));
    if (t < 0)
        fail_msg("no touchpoint %s", id);
    return (size_t)t;
}

/* True when some note of the analysis contains text. */
static inline int pu_note(const pu_run *u, const char *text)
{
    for (size_t i = 0; i < u->a->nnotes; i++)
        if (strstr(u->a->notes[i], text))
            return 1;
    return 0;
}

/* A growing text buffer for writing test files. */
typedef struct pu_text {
    char *s;
    size_t len;
    FILE *f;
} pu_text;

static inline void pu_text_open(pu_text *t)
{
    t->s = NULL;
    t->len = 0;
    if (!(t->f = open_memstream(&t->s, &t->len)))
        fail_msg("open_memstream");
}

/* Close t and write it to dir/name; frees the text. */
static inline void pu_text_write(pu_text *t, const char *dir,
                                 const char *name)
{
    fclose(t->f);
    tu_write(dir, name, t->s, t->len);
    free(t->s);
}

#endif /* MOT_TESTS_PROJUTIL_H */
