/*
** welch.c: Welch's (1947) two-sample t test for unequal variances.
**
** With group sizes n1, n2, means m1, m2 and unbiased variances v1, v2:
**     se = sqrt(v1/n1 + v2/n2),   t = (m1 - m2) / se,
**     df = se^4 / ((v1/n1)^2/(n1-1) + (v2/n2)^2/(n2-1))   (Satterthwaite),
** p = 2 P(T_df > |t|), interval (m1 - m2) -+ t_{(1+level)/2, df} se.
** This is R's t.test(x, y) default (var.equal = FALSE).
*/
#include <math.h>

#include "mot/stats.h"

mot_status mot_welch_test(double n1, double mean1, double v1, double n2,
                          double mean2, double v2, double level,
                          mot_welch *res)
{
    if (!(level > 0 && level < 1))
        return MOT_EUSAGE;
    if (!(n1 >= 2 && n2 >= 2) || !(v1 >= 0 && v2 >= 0) ||
        !isfinite(mean1) || !isfinite(mean2) || !(v1 > 0 || v2 > 0))
        return MOT_EDATA;
    double a = v1 / n1, b = v2 / n2;
    res->n1 = n1;
    res->n2 = n2;
    res->mean1 = mean1;
    res->mean2 = mean2;
    res->diff = mean1 - mean2;
    res->se = sqrt(a + b);
    res->df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
    res->t = res->diff / res->se;
    res->p = 2 * mot_t_sf(fabs(res->t), res->df);
    double q = mot_t_quantile(0.5 + level / 2, res->df);
    res->lo = res->diff - q * res->se;
    res->hi = res->diff + q * res->se;
    return MOT_OK;
}
