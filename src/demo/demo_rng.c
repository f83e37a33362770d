/*
** demo_rng.c: seeding by (seed, stream, index), with uniform, normal,
** exponential and weighted draws, and a portable exp and log.
**
** splitmix64 is Blackman and Vigna's public-domain design
** (https://prng.di.unimi.it/), written here from its definition; the
** xoshiro256** step is the statistics core's (src/stats/boot.c). exp
** uses Cody-Waite reduction by ln 2 and a Taylor polynomial; log uses frexp and the atanh series. frexp, ldexp and floor
** are exact operations, so neither function depends on libm's rounding.
*/
#include <assert.h>
#include <math.h>

#include "demo/demo_rng.h"

#define LN2_HI 6.93147180369123816490e-01 /* ln 2, high bits */
#define LN2_LO 1.90821492927058770002e-10 /* ln 2 - LN2_HI */

/* splitmix64's output function: a bijective 64-bit mix. */
static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* splitmix64: advance the state, return the next output. */
static uint64_t splitmix64(uint64_t *state)
{
    *state += UINT64_C(0x9E3779B97F4A7C15);
    return mix64(*state);
}

void demo_rng_seed(demo_rng *r, uint64_t seed, uint64_t stream,
                   uint64_t index)
{
    uint64_t state = mix64(seed + UINT64_C(0x632BE59BD9B4E019));
    state = mix64(state ^ (stream * UINT64_C(0xD1B54A32D192ED03)));
    state = mix64(state + index * UINT64_C(0x9E3779B97F4A7C15));
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&state);
    if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
        r->s[0] = 1; /* the one state xoshiro cannot leave */
}

uint64_t demo_rng_below(demo_rng *r, uint64_t n)
{
    assert(n > 0);
    /* Reject the top partial block so every residue is equally likely. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do
        x = mot_rng_next(r);
    while (x >= limit);
    return x % n;
}

int demo_rng_chance(demo_rng *r, unsigned permille)
{
    return demo_rng_below(r, 1000) < permille;
}

double demo_rng_normal(demo_rng *r)
{
    double u, v, s;
    do {
        u = 2.0 * mot_rng_uniform(r) - 1.0;
        v = 2.0 * mot_rng_uniform(r) - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    return u * sqrt(-2.0 * demo_log(s) / s);
}

double demo_rng_exp(demo_rng *r, double mean)
{
    assert(mean > 0);
    return -mean * demo_log(1.0 - mot_rng_uniform(r));
}

unsigned demo_rng_pick(demo_rng *r, const unsigned short *w, unsigned n)
{
    unsigned long total = 0;
    for (unsigned i = 0; i < n; i++)
        total += w[i];
    assert(total > 0);
    unsigned long x = (unsigned long)demo_rng_below(r, total);
    for (unsigned i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    assert(0 && "weights changed under us");
    return n - 1;
}

double demo_exp(double x)
{
    if (x > 700.0)
        x = 700.0;
    if (x < -700.0)
        return 0.0;
    double k = floor(x / (LN2_HI + LN2_LO) + 0.5);
    double t = (x - k * LN2_HI) - k * LN2_LO; /* |t| <= ln2/2 */
    /* Taylor series to t^14/14!: the tail is below 1e-17 for |t| <= 0.35. */
    double p = 1.0;
    for (int i = 14; i >= 1; i--)
        p = 1.0 + p * t / i;
    return ldexp(p, (int)k);
}

double demo_log(double x)
{
    assert(x > 0);
    int e;
    double m = frexp(x, &e); /* x = m * 2^e, 0.5 <= m < 1 */
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e--;
    }
    /* log m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), |s| <= 0.1716 */
    double s = (m - 1.0) / (m + 1.0), z = s * s, sum = 0.0;
    for (int i = 23; i >= 1; i -= 2)
        sum = 1.0 / i + z * sum;
    return (e * LN2_LO + 2.0 * s * sum) + e * LN2_HI;
}

long demo_round(double x)
{
    return x >= 0 ? (long)floor(x + 0.5) : -(long)floor(-x + 0.5);
}
