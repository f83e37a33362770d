/*
** reliability.c: Cronbach's alpha and the Net Promoter Score.
**
** Cronbach (1951), from the items' covariance matrix C (k x k, listwise
** complete rows):
**     alpha     = k/(k-1) (1 - sum_i C_ii / sum_ij C_ij)
**     alpha_std = k rbar / (1 + (k-1) rbar),
** rbar the mean of the k(k-1)/2 inter-item correlations. Alpha can be
** negative; it is undefined for k < 2 or a zero total variance. Listwise
** deletion differs from psych::alpha's pairwise default (METHODS-NOTES
** 6).
**
** NPS (Reichheld 2003): answers 0-6 are detractors, 7-8 passives, 9-10
** promoters; NPS = p_P - p_D in [-1, 1]. Scoring each answer +1/0/-1, its
** variance is var = p_P + p_D - NPS^2 and SE = sqrt(var / n) (the
** IUHhelpers calc_nps_std_error form); the Wald interval is
** NPS -+ z SE (as the nps.test package).
*/
#include <math.h>
#include <stdlib.h>

#include "mot/stats.h"

mot_status mot_alpha_from_moments(const mot_moments *m, mot_alpha *res,
                                  mot_error *err)
{
    size_t k = mot_moments_dim(m);
    res->k = k;
    res->rows = mot_moments_rows(m);
    res->skipped = mot_moments_skipped(m);
    res->alpha = res->alpha_std = res->rbar = NAN;
    if (k < 2)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "alpha needs at least 2 items, got %zu", k);
    if (mot_moments_weight(m) < 2)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "alpha needs at least 2 complete rows");
    double *c = malloc(2 * k * k * sizeof *c);
    if (!c)
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    double *r = c + k * k;
    mot_moments_comoment(m, c);
    mot_moments_corr(m, r);
    double diag = 0, tot = 0, rs = 0;
    mot_status st = MOT_OK;
    for (size_t i = 0; i < k; i++) {
        diag += c[i * k + i];
        for (size_t j = 0; j < k; j++) {
            tot += c[i * k + j];
            if (j > i)
                rs += r[i * k + j];
        }
        if (isnan(r[i * k + i]))
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "item %zu is constant", i);
    }
    if (!(tot > 0))
        st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                           "the total score has no variance");
    /* C is a co-moment matrix: the divisor cancels in the ratio. */
    if (tot > 0)
        res->alpha = (double)k / (double)(k - 1) * (1 - diag / tot);
    if (st == MOT_OK) {
        double rbar = rs / ((double)k * (double)(k - 1) / 2);
        res->rbar = rbar;
        res->alpha_std = (double)k * rbar / (1 + (double)(k - 1) * rbar);
    }
    free(c);
    return st;
}

mot_status mot_alpha_compute(const double *x, size_t n, size_t k,
                             mot_alpha *res, mot_error *err)
{
    mot_moments *m;
    mot_status st = mot_moments_new(k, &m);
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "cannot accumulate %zu "
                             "items: %s", k, mot_strerror(st));
    for (size_t i = 0; i < n; i++)
        if ((st = mot_moments_add(m, x + i * k, 1)) != MOT_OK) {
            mot_moments_free(m);
            return mot_error_set(err, st, NULL, 0, 0,
                                 "row %zu: infinite value", i);
        }
    st = mot_alpha_from_moments(m, res, err);
    mot_moments_free(m);
    return st;
}

mot_status mot_nps_from_counts(uint64_t promoters, uint64_t passives,
                               uint64_t detractors, mot_nps *res)
{
    uint64_t n = promoters + passives + detractors;
    res->n = n;
    res->promoters = promoters;
    res->passives = passives;
    res->detractors = detractors;
    res->skipped = 0;
    res->nps = res->var = res->se = NAN;
    if (n == 0)
        return MOT_EDATA;
    double pp = (double)promoters / (double)n;
    double pd = (double)detractors / (double)n;
    res->nps = pp - pd;
    double v = pp + pd - res->nps * res->nps;
    res->var = v > 0 ? v : 0;
    res->se = sqrt(res->var / (double)n);
    return MOT_OK;
}

mot_status mot_nps_compute(const double *score, size_t n, mot_nps *res,
                           mot_error *err)
{
    uint64_t p = 0, q = 0, d = 0, skipped = 0;
    for (size_t i = 0; i < n; i++) {
        double s = score[i];
        if (isnan(s)) {
            skipped++;
            continue;
        }
        if (!(s >= 0 && s <= 10) || s != floor(s))
            return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                 "answer %zu is %g, expected an integer "
                                 "0..10", i, s);
        if (s >= 9)
            p++;
        else if (s >= 7)
            q++;
        else
            d++;
    }
    mot_status st = mot_nps_from_counts(p, q, d, res);
    res->skipped = skipped;
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "no valid answers");
    return MOT_OK;
}

mot_status mot_nps_wald(const mot_nps *s, double level, double *lo,
                        double *hi)
{
    if (!(level > 0 && level < 1) || s->n == 0)
        return MOT_EUSAGE;
    double z = mot_norm_quantile(0.5 + level / 2);
    *lo = fmax(-1, s->nps - z * s->se);
    *hi = fmin(1, s->nps + z * s->se);
    return MOT_OK;
}
