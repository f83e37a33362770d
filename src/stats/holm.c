/*
** holm.c: Holm's (1979) step-down multiple-testing adjustment.
**
** Sort the m valid p-values ascending, p_(1) <= ... <= p_(m); the
** adjusted values are adj_(i) = max_{j <= i} min(1, (m - j + 1) p_(j))
** (Holm 1979, Scand. J. Statist. 6:65-70; R's p.adjust(p, "holm")). They
** control the family-wise error rate at any dependence between the tests.
** NAN entries are not tests: they stay NAN and do not count in m.
*/
#include <math.h>
#include <stdlib.h>

#include "mot/stats.h"

typedef struct pv {
    double p;
    size_t i;
} pv;

/* Ascending p, ties by position (a stable order). */
static int cmp_pv(const void *a, const void *b)
{
    const pv *x = a, *y = b;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

mot_status mot_p_holm(const double *p, size_t n, double *adj)
{
    pv *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return MOT_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(p[i]))
            v[m++] = (pv){p[i], i};
    qsort(v, m, sizeof *v, cmp_pv);
    for (size_t i = 0; i < n; i++)
        if (isnan(p[i]))
            adj[i] = NAN;
    double run = 0;
    for (size_t j = 0; j < m; j++) {
        double a = (double)(m - j) * v[j].p;
        if (a > 1)
            a = 1;
        if (a > run)
            run = a;
        adj[v[j].i] = run;
    }
    free(v);
    return MOT_OK;
}
