/*
** dist.c: normal, chi-square, t and F distribution functions (GSL's
** gsl_cdf_*, with arguments checked here so GSL never sees a bad one),
** and confidence intervals for a proportion.
**
** Wilson (1927) score interval for p = x/n with z = z_{(1+level)/2}:
**     centre = (p + z^2/(2n)) / (1 + z^2/n)
**     half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
** Wald interval: p -+ z sqrt(p(1-p)/n), clipped to [0, 1] (Agresti &
** Coull 1998 compare the two; Wilson is the one to report for rates).
**
** Student's t interval for a mean (Student 1908): mean -+ t_{(1+level)/2,
** n-1} sd / sqrt(n), sd the sample standard deviation (divisor n - 1).
*/
#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>

#include "mot/stats.h"
#include "stats/stats_int.h"

/* sqrt(2 pi); M_PI is not in strict C11. */
#define SQRT_2PI 2.50662827463100050242

double mot_norm_pdf(double z)
{
    return exp(-0.5 * z * z) / SQRT_2PI;
}

double mot_norm_cdf(double z)
{
    return isnan(z) ? NAN : gsl_cdf_ugaussian_P(z);
}

double mot_norm_sf(double z)
{
    return isnan(z) ? NAN : gsl_cdf_ugaussian_Q(z);
}

/* NAN for p outside [0, 1], the ends of the support at 0 and 1, else 0
** (meaning "compute"). */
static int quantile_edge(double p, double lo, double hi, double *q)
{
    if (!(p >= 0 && p <= 1)) {
        *q = NAN;
        return 1;
    }
    if (p == 0) {
        *q = lo;
        return 1;
    }
    if (p == 1) {
        *q = hi;
        return 1;
    }
    return 0;
}

double mot_norm_quantile(double p)
{
    double q;
    if (quantile_edge(p, -INFINITY, INFINITY, &q))
        return q;
    return gsl_cdf_ugaussian_Pinv(p);
}

static int bad_df(double df) { return !(df > 0) || isinf(df); }

double mot_chisq_cdf(double x, double df)
{
    if (isnan(x) || bad_df(df))
        return NAN;
    return x <= 0 ? 0 : gsl_cdf_chisq_P(x, df);
}

double mot_chisq_sf(double x, double df)
{
    if (isnan(x) || bad_df(df))
        return NAN;
    return x <= 0 ? 1 : gsl_cdf_chisq_Q(x, df);
}

double mot_chisq_quantile(double p, double df)
{
    double q;
    if (bad_df(df))
        return NAN;
    if (quantile_edge(p, 0, INFINITY, &q))
        return q;
    mot_stats_gsl_quiet();
    return gsl_cdf_chisq_Pinv(p, df);
}

double mot_t_cdf(double t, double df)
{
    if (isnan(t) || bad_df(df))
        return NAN;
    return gsl_cdf_tdist_P(t, df);
}

double mot_t_sf(double t, double df)
{
    if (isnan(t) || bad_df(df))
        return NAN;
    return gsl_cdf_tdist_Q(t, df);
}

double mot_t_quantile(double p, double df)
{
    double q;
    if (bad_df(df))
        return NAN;
    if (quantile_edge(p, -INFINITY, INFINITY, &q))
        return q;
    mot_stats_gsl_quiet();
    return gsl_cdf_tdist_Pinv(p, df);
}

double mot_f_cdf(double x, double df1, double df2)
{
    if (isnan(x) || bad_df(df1) || bad_df(df2))
        return NAN;
    return x <= 0 ? 0 : gsl_cdf_fdist_P(x, df1, df2);
}

double mot_f_sf(double x, double df1, double df2)
{
    if (isnan(x) || bad_df(df1) || bad_df(df2))
        return NAN;
    return x <= 0 ? 1 : gsl_cdf_fdist_Q(x, df1, df2);
}

/* The p-quantile of F(df1, df2) by bisection on its CDF, for where GSL's
** inverse gives up (it returns NaN for about one pair of degrees of
** freedom in 25, e.g. p 0.975 with (11, 1900) or (1, 478)): the bracket
** doubles until it holds the quantile, then halves to the last bit. */
static double f_quantile_bisect(double p, double df1, double df2)
{
    double lo = 0, hi = 1;
    for (int i = 0; i < 2000 && gsl_cdf_fdist_P(hi, df1, df2) < p; i++) {
        lo = hi;
        hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 4 * DBL_EPSILON * hi; i++) {
        double mid = lo + (hi - lo) / 2;
        if (gsl_cdf_fdist_P(mid, df1, df2) < p)
            lo = mid;
        else
            hi = mid;
    }
    return lo + (hi - lo) / 2;
}

double mot_f_quantile(double p, double df1, double df2)
{
    double q;
    if (bad_df(df1) || bad_df(df2))
        return NAN;
    if (quantile_edge(p, 0, INFINITY, &q))
        return q;
    mot_stats_gsl_quiet();
    q = gsl_cdf_fdist_Pinv(p, df1, df2);
    return isnan(q) ? f_quantile_bisect(p, df1, df2) : q;
}

static int bad_prop(double x, double n, double level)
{
    return !(n > 0) || !isfinite(n) || !(x >= 0) || !(x <= n) ||
           !(level > 0 && level < 1);
}

mot_status mot_prop_wilson(double x, double n, double level, double *lo,
                           double *hi)
{
    if (bad_prop(x, n, level))
        return MOT_EUSAGE;
    double z = mot_norm_quantile(0.5 + level / 2);
    double p = x / n, z2 = z * z;
    double den = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / den;
    double half = z / den * sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    *lo = fmax(0, centre - half);
    *hi = fmin(1, centre + half);
    return MOT_OK;
}

mot_status mot_prop_wald(double x, double n, double level, double *lo,
                         double *hi)
{
    if (bad_prop(x, n, level))
        return MOT_EUSAGE;
    double z = mot_norm_quantile(0.5 + level / 2);
    double p = x / n;
    double half = z * sqrt(p * (1 - p) / n);
    *lo = fmax(0, p - half);
    *hi = fmin(1, p + half);
    return MOT_OK;
}

mot_status mot_mean_t_interval(double mean, double sd, double n,
                               double level, double *lo, double *hi)
{
    if (!(n >= 2) || !isfinite(mean) || !(sd >= 0) || !isfinite(sd) ||
        !(level > 0 && level < 1))
        return MOT_EUSAGE;
    double half = mot_t_quantile(0.5 + level / 2, n - 1) * sd / sqrt(n);
    *lo = mean - half;
    *hi = mean + half;
    return MOT_OK;
}
