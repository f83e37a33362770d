/*
** boot.c: resampling support: a seeded PRNG, Poisson(1) bootstrap
** weights and percentile intervals.
**
** PRNG: xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear
** pseudorandom number generators", ACM TOMS 47(4), 2021), its state
** filled from the seed by splitmix64 (Steele, Lea & Flood 2014), as the
** authors recommend. Uniform doubles take the top 53 bits; integers below
** n use Lemire's (2019) nearly-divisionless rejection, so they are
** unbiased.
**
** One-pass Poisson bootstrap (Hanley & MacGibbon 2006; Chamandy et al.
** 2012, "Estimating uncertainty for massive data streams"): instead of
** drawing n rows with replacement per replicate, each row gets an
** independent Poisson(1) weight in each replicate while the data stream
** past once; the replicate statistics are weighted statistics (e.g. a
** mot_moments per replicate). mot_boot_weight makes the weight a pure
** function of (seed, row, replicate), so shards and threads agree.
** Poisson(1) is drawn by inversion of its CDF (sum e^-1 / k!).
**
** Percentile interval (Efron & Tibshirani 1993, ch. 13): the (1-level)/2
** and (1+level)/2 quantiles of the replicate values, type 7 of Hyndman
** & Fan (1996): h = (n-1) prob, q = x[floor h] + (h - floor h)
** (x[floor h + 1] - x[floor h]).
**
** Order-statistic interval of a quantile (Conover 1999, "Practical
** nonparametric statistics", 3.2): the number of rows below the true
** prob-quantile is Binomial(n, prob), so [x_(l), x_(u)] covers it with
** probability F(u-1) - F(l-1) whatever the distribution; l and u are the
** tightest ranks that leave at most (1-level)/2 in each tail. GSL's
** binomial CDF gives F.
*/
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "mot/stats.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void mot_rng_seed(mot_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

uint64_t mot_rng_next(mot_rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

double mot_rng_uniform(mot_rng *r)
{
    return (double)(mot_rng_next(r) >> 11) * 0x1.0p-53;
}

uint64_t mot_rng_below(mot_rng *r, uint64_t n)
{
    if (n == 0)
        return 0;
    /* Lemire: the high 64 bits of x * n, rejecting the biased low part. */
    unsigned __int128 m = (unsigned __int128)mot_rng_next(r) * n;
    uint64_t lo = (uint64_t)m;
    if (lo < n) {
        uint64_t t = (0 - n) % n;
        while (lo < t) {
            m = (unsigned __int128)mot_rng_next(r) * n;
            lo = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

/* Poisson(1) by inversion of a uniform u in [0, 1). */
static unsigned poisson1_inv(double u)
{
    double p = 0.36787944117144233; /* e^-1 */
    double cdf = p;
    unsigned k = 0;
    while (u >= cdf && k < 40) {
        k++;
        p /= k;
        cdf += p;
    }
    return k;
}

unsigned mot_rng_poisson1(mot_rng *r)
{
    return poisson1_inv(mot_rng_uniform(r));
}

void mot_rng_shuffle(mot_rng *r, double *a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)mot_rng_below(r, i);
        double t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

unsigned mot_boot_weight(uint64_t seed, uint64_t row, uint32_t rep)
{
    uint64_t x = seed;
    uint64_t a = splitmix64(&x);
    x = a ^ (row * 0xd1b54a32d192ed03u);
    uint64_t b = splitmix64(&x);
    x = b ^ ((uint64_t)rep * 0xaef17502108ef2d9u + 0x2545f4914f6cdd1du);
    uint64_t z = splitmix64(&x);
    return poisson1_inv((double)(z >> 11) * 0x1.0p-53);
}

double mot_quantile_sorted(const double *sorted, size_t n, double prob)
{
    if (n == 0 || !(prob >= 0 && prob <= 1))
        return NAN;
    double h = (double)(n - 1) * prob;
    size_t lo = (size_t)floor(h);
    if (lo >= n - 1)
        return sorted[n - 1];
    return sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

mot_status mot_quantile_ci_sorted(const double *sorted, size_t n,
                                  double prob, double level, double *lo,
                                  double *hi, double *coverage)
{
    if (n == 0 || n > UINT_MAX || !(prob > 0 && prob < 1) ||
        !(level > 0 && level < 1))
        return MOT_EUSAGE;
    double tail = (1 - level) / 2, flo = NAN, fhi = NAN;
    size_t l = 0, u = 0;    /* 1-based ranks; 0 = none */
    /* F(k) does not decrease with k: binary searches for the first k
    ** with F(k) > tail (l is the count before it) and the first with
    ** F(k) >= 1 - tail. */
    size_t a = 0, b = n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (gsl_cdf_binomial_P((unsigned)mid, prob, (unsigned)n) <= tail)
            a = mid + 1;
        else
            b = mid;
    }
    if (a > 0) {
        l = a;
        flo = gsl_cdf_binomial_P((unsigned)(a - 1), prob, (unsigned)n);
    }
    a = 0;
    b = n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (gsl_cdf_binomial_P((unsigned)mid, prob, (unsigned)n) >= 1 - tail)
            b = mid;
        else
            a = mid + 1;
    }
    if (a < n) {
        u = a + 1;
        fhi = gsl_cdf_binomial_P((unsigned)a, prob, (unsigned)n);
    }
    *lo = l ? sorted[l - 1] : NAN;
    *hi = u ? sorted[u - 1] : NAN;
    if (coverage)
        *coverage = l && u ? fhi - flo : NAN;
    return MOT_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

mot_status mot_boot_percentile(const double *rep, size_t b, double level,
                               double *lo, double *hi, size_t *dropped)
{
    if (!(level > 0 && level < 1))
        return MOT_EUSAGE;
    double *v = malloc((b ? b : 1) * sizeof *v);
    if (!v)
        return MOT_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < b; i++)
        if (!isnan(rep[i]))
            v[n++] = rep[i];
    if (dropped)
        *dropped = b - n;
    if (n < 2) {
        free(v);
        return MOT_EDATA;
    }
    qsort(v, n, sizeof *v, cmp_double);
    *lo = mot_quantile_sorted(v, n, (1 - level) / 2);
    *hi = mot_quantile_sorted(v, n, (1 + level) / 2);
    free(v);
    return MOT_OK;
}
