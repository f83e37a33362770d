/*
** mot/demo.h: synthetic demo projects with planted moments of truth.
**
** mot_demo_write writes a complete project folder (mot.ini, blueprint.csv,
** events.csv, customers.csv, kano.csv, servqual.csv, servqual_weights.csv,
** tickets.csv, interactions.csv, staff.csv) for one industry, with Chinese
** touchpoint names, and with known truths planted in the data so that the
** analyses can be checked against them. What is planted is documented in
** src/demo/demo.c and in docs/demo.md.
**
** Output is a pure function of (scenario, customers, seed): the same
** arguments write byte-identical files on every machine (the generator
** uses its own PRNG and integer-exact formatting). Rows are streamed to
** disk: memory does not grow with the number of customers.
**
** Each file is first written as NAME.tmp and renamed when complete, so a
** failure leaves no partial CSV behind under its real name.
*/
#ifndef MOT_DEMO_H
#define MOT_DEMO_H

#include <stdint.h>
#include "mot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The number of customers `mot demo` writes when not told otherwise. */
#define MOT_DEMO_DEFAULT_CUSTOMERS 2000UL

typedef struct mot_demo_options {
    const char *scenario;        /* "telecom" (the default when NULL),
                                    "rail", "property", "hotel" */
    unsigned long customers;     /* 1 .. 50,000,000; callers default it
                                    to MOT_DEMO_DEFAULT_CUSTOMERS */
    uint64_t seed;               /* any value; 0 is a valid seed */
} mot_demo_options;

/* The scenario names, NULL-terminated. */
extern const char *const mot_demo_scenarios[];

/* Write the demo project into folder `dir` (created if missing, with its
** parents; existing files of the same names are replaced). opt NULL means
** telecom, MOT_DEMO_DEFAULT_CUSTOMERS customers, seed 0. Returns MOT_OK;
** MOT_EUSAGE for an unknown scenario or zero/too many customers (limit
** 50,000,000); MOT_EIO when a folder or file cannot be written (err->file
** names it); on failure no file of the project is left half-written. */
mot_status mot_demo_write(const char *dir, const mot_demo_options *opt,
                          mot_error *err);

#ifdef __cplusplus
}
#endif
#endif /* MOT_DEMO_H */
