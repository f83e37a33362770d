/*
** demo_rng.h: the demo generator's own deterministic random numbers.
**
** The core's xoshiro256** generator seeded through splitmix64 from a
** (seed, stream, index) triple, plus the few
** distributions the generator needs. Everything here is computed with
** IEEE-754 double arithmetic (+ - * / and sqrt, all correctly rounded) and
** the generator's own exp and log (polynomials written here, never libm's,
** whose last bit may differ between C libraries), so a seed gives the same
** numbers on every machine with IEEE doubles. Floating-point contraction
** (fused multiply-add) would change results, so it is turned off: GCC does
** not contract in ISO C mode, and the pragma below tells clang.
**
** Probabilities are given in per mille (0..1000) as integers wherever a
** table holds them, so that tables stay exact.
*/
#ifndef MOT_DEMO_RNG_H
#define MOT_DEMO_RNG_H

#include <stdint.h>

#include "mot/stats.h"

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

/* The generator is the statistics core's xoshiro256** (mot_rng); only
** the seeding by (seed, stream, index) and the distributions are the
** demo's own. */
typedef mot_rng demo_rng;

/* Seed r from (seed, stream, index): distinct triples give independent
** looking streams, so each customer and each purpose has its own stream
** and the output of one never shifts another's. */
void demo_rng_seed(demo_rng *r, uint64_t seed, uint64_t stream,
                   uint64_t index);

/* The next 64 random bits and uniform doubles in [0, 1) are the core's:
** mot_rng_next and mot_rng_uniform. */

/* A uniform integer in [0, n); n must be > 0. Unbiased (rejection). */
uint64_t demo_rng_below(demo_rng *r, uint64_t n);

/* 1 with probability permille/1000, else 0 (permille may exceed 1000). */
int demo_rng_chance(demo_rng *r, unsigned permille);

/* A standard normal variate (Marsaglia's polar method; no cached value,
** so the stream never depends on a hidden state). */
double demo_rng_normal(demo_rng *r);

/* An exponential variate with the given mean (> 0). */
double demo_rng_exp(demo_rng *r, double mean);

/* Index i in [0, n) drawn with probability w[i] / sum(w); the weights are
** integers (per mille or any scale) and their sum must be > 0. */
unsigned demo_rng_pick(demo_rng *r, const unsigned short *w, unsigned n);

/* e^x and the natural logarithm of x > 0, to about 1e-15 relative error,
** from basic arithmetic only (bit-identical everywhere). */
double demo_exp(double x);
double demo_log(double x);

/* The nearest integer to x (halves away from zero), as a long. */
long demo_round(double x);

#endif /* MOT_DEMO_RNG_H */
