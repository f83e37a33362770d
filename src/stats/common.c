/*
** common.c: what the statistics modules share: the one-time GSL error
** handler switch-off, the serialized-state header check and the
** column-naming Cholesky by bordering.
**
** Bordering (Golub & Van Loan, Matrix Computations, 4.2.5): with A_k =
** L_k L_k', adding column k gives l = L_k^{-1} a_k and the new pivot
** d = sqrt(a_kk - l'l). d^2 / a_kk is 1 - R^2 of column k on columns
** 0..k-1 (its "tolerance"), so the first column with a tiny ratio is the
** first one that is collinear with those before it.
*/
#include <math.h>
#include <pthread.h>

#include <gsl/gsl_errno.h>

#include "stats/stats_int.h"

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void gsl_quiet_once(void) { gsl_set_error_handler_off(); }

void mot_stats_gsl_quiet(void) { pthread_once(&gsl_once, gsl_quiet_once); }

mot_status mot_ser_check_header(rbuf *r, const char tag[4], const char *what,
                                mot_error *err)
{
    if (r->len < MOT_SER_HEADER)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "%s state is truncated (%zu bytes)", what, r->len);
    if (memcmp(r->p, tag, 4) != 0)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "not a %s state (wrong tag)", what);
    if (r->p[4] != MOT_SER_VERSION)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "%s state has version %u, expected %u", what,
                             (unsigned)r->p[4], (unsigned)MOT_SER_VERSION);
    if (r->p[5] || r->p[6] || r->p[7])
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "%s state has a corrupt header", what);
    r->pos = MOT_SER_HEADER;
    return MOT_OK;
}

size_t mot_chol_first_bad(const double *a, size_t lda, size_t k, double tol,
                          double *l, size_t ldl)
{
    for (size_t j = 0; j < k; j++) {
        double ajj = a[j * lda + j];
        if (!(ajj > 0) || !isfinite(ajj))
            return j;
        double ss = 0;
        for (size_t i = 0; i < j; i++) {
            double s = a[j * lda + i];
            for (size_t m = 0; m < i; m++)
                s -= l[i * ldl + m] * l[j * ldl + m];
            s /= l[i * ldl + i];
            l[j * ldl + i] = s;
            ss += s * s;
        }
        double d2 = ajj - ss;
        if (!(d2 >= tol * ajj))
            return j;
        l[j * ldl + j] = sqrt(d2);
    }
    return k;
}
