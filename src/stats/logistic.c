/*
** logistic.c: logistic regression by iteratively reweighted least squares
** (IRLS, i.e. Newton-Raphson on the log-likelihood; McCullagh & Nelder,
** Generalized Linear Models, 2nd ed., 2.5), built on a mergeable
** accumulator of the per-iteration sufficient statistics.
**
** At coefficients beta, each row (x, y, w) has eta = x'beta,
** mu = 1/(1 + e^-eta), v = mu (1 - mu), and contributes
**     H += w v x x'            (X'WX)
**     U += w (y - mu) x        (the score; X'Wz = H beta + U)
**     D += 2 w [y log(y/mu) + (1-y) log((1-y)/(1-mu))]   (deviance)
** The next iterate is beta + H^{-1} U (Cholesky of H via GSL), the
** Fisher information at the MLE is H, so the Wald standard errors are
** sqrt(diag H^{-1}); odds ratio exp(beta), interval exp(beta -+ z se),
** p-value 2 P(Z > |beta/se|). Convergence is R's glm rule: |D - D_old| /
** (|D| + 0.1) < 1e-8, at most 25 iterations; a step that raises the
** deviance is halved.
**
** Separation (Albert & Anderson 1984): when a linear combination of the
** columns separates events from non-events (completely, or
** quasi-completely with ties), the MLE does not exist: fitted
** probabilities go to 0/1 and the coefficients along the separating
** direction grow by about one unit of eta per Newton step forever, while
** the deviance converges. We detect it after convergence: if some rows
** are fitted beyond |eta| > 15 we take up to 10 more Newton steps; a
** finite MLE's steps vanish (quadratic convergence), a separated fit's
** steps stay of order 1 in eta. The coefficients that keep moving are
** flagged MOT_LOGIT_DIVERGED and reported as NAN.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "mot/stats.h"
#include "stats/stats_int.h"

#define EXTREME_ETA 15.0

struct mot_irls {
    size_t p;
    uint64_t rows, skipped;
    double sw, swy;     /* sum w, sum w y */
    double dev;
    double extreme;     /* weight of rows with |eta| > EXTREME_ETA */
    double *beta;       /* p */
    double *u;          /* p */
    double *xmax;       /* p: max |x_j| over rows with w > 0 */
    double *h;          /* packed upper triangle of X'WX */
};

static const char TAG[4] = {'I', 'R', 'L', 'S'};

static size_t packed_len(size_t p) { return p * (p + 1) / 2; }

static size_t pk(size_t p, size_t i, size_t j)
{
    return i * p - i * (i - 1) / 2 + (j - i);
}

mot_status mot_irls_new(size_t p, const double *beta, mot_irls **out)
{
    *out = NULL;
    if (p < 1 || p > MOT_IRLS_MAXP)
        return MOT_EUSAGE;
    mot_irls *a = calloc(1, sizeof *a);
    if (!a)
        return MOT_ENOMEM;
    a->p = p;
    a->beta = calloc(p, sizeof *a->beta);
    a->u = calloc(p, sizeof *a->u);
    a->xmax = calloc(p, sizeof *a->xmax);
    a->h = calloc(packed_len(p), sizeof *a->h);
    if (!a->beta || !a->u || !a->xmax || !a->h) {
        mot_irls_free(a);
        return MOT_ENOMEM;
    }
    if (beta)
        memcpy(a->beta, beta, p * sizeof *beta);
    *out = a;
    return MOT_OK;
}

void mot_irls_free(mot_irls *a)
{
    if (!a)
        return;
    free(a->beta);
    free(a->u);
    free(a->xmax);
    free(a->h);
    free(a);
}

void mot_irls_reset(mot_irls *a, const double *beta)
{
    a->rows = a->skipped = 0;
    a->sw = a->swy = a->dev = a->extreme = 0;
    memset(a->u, 0, a->p * sizeof *a->u);
    memset(a->xmax, 0, a->p * sizeof *a->xmax);
    memset(a->h, 0, packed_len(a->p) * sizeof *a->h);
    if (beta)
        memmove(a->beta, beta, a->p * sizeof *beta);
}

size_t mot_irls_dim(const mot_irls *a) { return a->p; }
const double *mot_irls_beta(const mot_irls *a) { return a->beta; }
uint64_t mot_irls_rows(const mot_irls *a) { return a->rows; }
uint64_t mot_irls_skipped(const mot_irls *a) { return a->skipped; }
double mot_irls_weight(const mot_irls *a) { return a->sw; }
double mot_irls_events(const mot_irls *a) { return a->swy; }
double mot_irls_deviance(const mot_irls *a) { return a->dev; }
double mot_irls_extreme(const mot_irls *a) { return a->extreme; }

/* log(1 + e^t) without overflow. */
static double softplus(double t)
{
    return t > 0 ? t + log1p(exp(-t)) : log1p(exp(t));
}

/* y log y + (1-y) log(1-y), with 0 log 0 = 0. */
static double ent(double y)
{
    double s = 0;
    if (y > 0)
        s += y * log(y);
    if (y < 1)
        s += (1 - y) * log1p(-y);
    return s;
}

mot_status mot_irls_add(mot_irls *a, const double *x, double y, double w)
{
    size_t p = a->p;
    if (isnan(y)) {
        a->skipped++;
        return MOT_OK;
    }
    for (size_t j = 0; j < p; j++)
        if (isnan(x[j])) {
            a->skipped++;
            return MOT_OK;
        }
    if (!(y >= 0 && y <= 1) || !(w >= 0) || !isfinite(w))
        return MOT_EDATA;
    double eta = 0;
    for (size_t j = 0; j < p; j++) {
        if (isinf(x[j]))
            return MOT_EDATA;
        eta += x[j] * a->beta[j];
    }
    if (!isfinite(eta))
        return MOT_EDATA;
    a->rows++;
    if (w == 0)
        return MOT_OK;
    double e = exp(-fabs(eta));
    double mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    double v = e / ((1 + e) * (1 + e));
    a->sw += w;
    a->swy += w * y;
    a->dev += 2 * w * (ent(y) + y * softplus(-eta) + (1 - y) * softplus(eta));
    if (fabs(eta) > EXTREME_ETA)
        a->extreme += w;
    double r = w * (y - mu), wv = w * v;
    double *h = a->h;
    for (size_t i = 0; i < p; i++) {
        a->u[i] += r * x[i];
        if (fabs(x[i]) > a->xmax[i])
            a->xmax[i] = fabs(x[i]);
        double t = wv * x[i];
        for (size_t j = i; j < p; j++)
            *h++ += t * x[j];
    }
    return MOT_OK;
}

mot_status mot_irls_merge(mot_irls *dst, const mot_irls *src)
{
    size_t p = dst->p;
    if (src->p != p || memcmp(dst->beta, src->beta, p * sizeof *dst->beta))
        return MOT_EUSAGE;
    dst->rows += src->rows;
    dst->skipped += src->skipped;
    dst->sw += src->sw;
    dst->swy += src->swy;
    dst->dev += src->dev;
    dst->extreme += src->extreme;
    for (size_t j = 0; j < p; j++) {
        dst->u[j] += src->u[j];
        dst->xmax[j] = fmax(dst->xmax[j], src->xmax[j]);
    }
    for (size_t i = 0; i < packed_len(p); i++)
        dst->h[i] += src->h[i];
    return MOT_OK;
}

void mot_irls_xtwx(const mot_irls *a, double *h)
{
    size_t p = a->p;
    for (size_t i = 0; i < p; i++)
        for (size_t j = i; j < p; j++)
            h[i * p + j] = h[j * p + i] = a->h[pk(p, i, j)];
}

void mot_irls_score(const mot_irls *a, double *u)
{
    memcpy(u, a->u, a->p * sizeof *u);
}

void mot_irls_xtwz(const mot_irls *a, double *xtwz)
{
    size_t p = a->p;
    for (size_t i = 0; i < p; i++) {
        double s = a->u[i];
        for (size_t j = 0; j < p; j++)
            s += a->h[i <= j ? pk(p, i, j) : pk(p, j, i)] * a->beta[j];
        xtwz[i] = s;
    }
}

/* Cholesky-factor H into a new gsl_matrix; NULL (and *st set) on
** failure. */
static gsl_matrix *factor_h(const mot_irls *a, mot_status *st)
{
    size_t p = a->p;
    mot_stats_gsl_quiet();
    gsl_matrix *m = gsl_matrix_alloc(p, p);
    if (!m) {
        *st = MOT_ENOMEM;
        return NULL;
    }
    mot_irls_xtwx(a, m->data);  /* tda == p for a fresh matrix */
    if (gsl_linalg_cholesky_decomp1(m) != GSL_SUCCESS) {
        gsl_matrix_free(m);
        *st = MOT_EDATA;
        return NULL;
    }
    for (size_t j = 0; j < p; j++)
        if (!(gsl_matrix_get(m, j, j) > 0)) {
            gsl_matrix_free(m);
            *st = MOT_EDATA;
            return NULL;
        }
    *st = MOT_OK;
    return m;
}

mot_status mot_irls_step(const mot_irls *a, double *beta_next,
                         mot_error *err)
{
    size_t p = a->p;
    mot_status st;
    gsl_matrix *l = factor_h(a, &st);
    if (!l)
        return mot_error_set(err, st, NULL, 0, 0,
                             st == MOT_EDATA ? "X'WX is not positive definite "
                                               "(collinear columns or "
                                               "separated data)"
                                             : "out of memory");
    gsl_vector_const_view u = gsl_vector_const_view_array(a->u, p);
    gsl_vector *d = gsl_vector_alloc(p);
    if (!d) {
        gsl_matrix_free(l);
        return mot_error_set(err, MOT_ENOMEM, NULL, 0, 0, "out of memory");
    }
    int rc = gsl_linalg_cholesky_solve(l, &u.vector, d);
    gsl_matrix_free(l);
    if (rc != GSL_SUCCESS) {
        gsl_vector_free(d);
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "X'WX could not be solved");
    }
    for (size_t j = 0; j < p; j++)
        beta_next[j] = a->beta[j] + gsl_vector_get(d, j);
    gsl_vector_free(d);
    return MOT_OK;
}

static void put_state(const mot_irls *a, wbuf *w)
{
    wb_header(w, TAG);
    wb_u64(w, a->p);
    wb_u64(w, a->rows);
    wb_u64(w, a->skipped);
    wb_f64(w, a->sw);
    wb_f64(w, a->swy);
    wb_f64(w, a->dev);
    wb_f64(w, a->extreme);
    for (size_t j = 0; j < a->p; j++) {
        wb_f64(w, a->beta[j]);
        wb_f64(w, a->u[j]);
        wb_f64(w, a->xmax[j]);
    }
    for (size_t i = 0; i < packed_len(a->p); i++)
        wb_f64(w, a->h[i]);
}

mot_status mot_irls_serialize(const mot_irls *a, void *buf, size_t cap,
                              size_t *len)
{
    wbuf probe = {NULL, 0, 0};
    put_state(a, &probe);
    if (len)
        *len = probe.len;
    if (!buf || cap < probe.len)
        return MOT_ELIMIT;
    wbuf w = {buf, cap, 0};
    put_state(a, &w);
    return MOT_OK;
}

mot_status mot_irls_deserialize(const void *buf, size_t len, mot_irls **out,
                                mot_error *err)
{
    rbuf r = {buf, len, 0, 0};
    *out = NULL;
    mot_status st = mot_ser_check_header(&r, TAG, "IRLS", err);
    if (st != MOT_OK)
        return st;
    uint64_t p = rb_u64(&r);
    if (r.bad || p < 1 || p > MOT_IRLS_MAXP)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "IRLS state has a bad dimension");
    size_t need = MOT_SER_HEADER + 8 * (7 + 3 * p + packed_len(p));
    if (len != need)
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "IRLS state is %zu bytes, expected %zu", len,
                             need);
    mot_irls *a;
    st = mot_irls_new(p, NULL, &a);
    if (st != MOT_OK)
        return mot_error_set(err, st, NULL, 0, 0, "%s", mot_strerror(st));
    a->rows = rb_u64(&r);
    a->skipped = rb_u64(&r);
    a->sw = rb_f64(&r);
    a->swy = rb_f64(&r);
    a->dev = rb_f64(&r);
    a->extreme = rb_f64(&r);
    int ok = a->sw >= 0 && isfinite(a->sw) && a->swy >= 0 &&
             a->swy <= a->sw && a->dev >= 0 && isfinite(a->dev) &&
             a->extreme >= 0 && a->extreme <= a->sw;
    for (size_t j = 0; j < p; j++) {
        a->beta[j] = rb_f64(&r);
        a->u[j] = rb_f64(&r);
        a->xmax[j] = rb_f64(&r);
        ok = ok && isfinite(a->beta[j]) && isfinite(a->u[j]) &&
             a->xmax[j] >= 0 && isfinite(a->xmax[j]);
    }
    for (size_t i = 0; i < packed_len(p); i++) {
        a->h[i] = rb_f64(&r);
        ok = ok && isfinite(a->h[i]);
    }
    if (r.bad || !ok) {
        mot_irls_free(a);
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                             "IRLS state holds invalid numbers");
    }
    *out = a;
    return MOT_OK;
}

/* ---- the fit ---------------------------------------------------------- */

void mot_logit_opts_default(mot_logit_opts *o)
{
    o->intercept = 1;
    o->max_iter = 25;
    o->tol = 1e-8;
    o->min_group = 5;
    o->level = 0.95;
}

void mot_logit_free(mot_logit *f)
{
    if (!f)
        return;
    free(f->coef);
    free(f);
}

/* What a fit needs while it runs. */
typedef struct fit {
    const double *x, *y, *w;
    size_t n, p, q;     /* rows, columns given, coefficients */
    int intercept;
    int binary;         /* every outcome used is 0 or 1 */
    double *row;        /* q */
    mot_irls *acc;
} fit;

/* Row i as the model sees it (intercept first). */
static const double *model_row(fit *f, size_t i)
{
    size_t o = f->intercept ? 1 : 0;
    if (o)
        f->row[0] = 1;
    memcpy(f->row + o, f->x + i * f->p, f->p * sizeof *f->row);
    return f->row;
}

/* One pass over the data at beta. */
static mot_status pass(fit *f, const double *beta)
{
    mot_irls_reset(f->acc, beta);
    for (size_t i = 0; i < f->n; i++) {
        mot_status st = mot_irls_add(f->acc, model_row(f, i), f->y[i],
                                     f->w ? f->w[i] : 1);
        if (st != MOT_OK)
            return st;
    }
    return MOT_OK;
}

/* Check the data before fitting: values, a varying outcome, enough rows,
** no constant or collinear column; and look for tiny groups. */
static mot_status precheck(fit *f, const mot_logit_opts *o, mot_logit *res,
                           mot_error *err)
{
    size_t p = f->p;
    mot_moments *mom = NULL;
    mot_status st = MOT_OK;
    double *cross = NULL, *l = NULL, *lv = NULL;
    /* Per column: the first two distinct values, counts and events at
    ** each, and whether a third value occurs. */
    double *lvl = calloc(p ? 6 * p : 1, sizeof *lvl);
    unsigned char *nval = calloc(p ? p : 1, 1);
    double sent = 0;
    if (!lvl || !nval) {
        st = MOT_ENOMEM;
        goto done;
    }
    if (p && (st = mot_moments_new(p, &mom)) != MOT_OK)
        goto done;
    size_t q = f->q;
    cross = calloc(q * q, sizeof *cross);
    l = calloc(q * q, sizeof *l);
    if (!cross || !l) {
        st = MOT_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < f->n; i++) {
        const double *xi = f->x + i * p;
        double yi = f->y[i], wi = f->w ? f->w[i] : 1;
        int miss = isnan(yi);
        for (size_t j = 0; j < p && !miss; j++)
            miss = isnan(xi[j]);
        if (miss)
            continue;
        if (!(yi >= 0 && yi <= 1)) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "row %zu: outcome %g is not in [0, 1]", i, yi);
            goto done;
        }
        if (!(wi >= 0) || !isfinite(wi)) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "row %zu: weight %g is not a finite number "
                               ">= 0", i, wi);
            goto done;
        }
        for (size_t j = 0; j < p; j++)
            if (isinf(xi[j])) {
                st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                   "row %zu, column %zu: value is infinite",
                                   i, j);
                goto done;
            }
        if (wi == 0)
            continue;
        f->binary &= yi == 0 || yi == 1;
        res->n += wi;
        res->events += wi * yi;
        sent += wi * ent(yi);
        if (mom)
            mot_moments_add(mom, xi, wi);
        const double *r = model_row(f, i);
        for (size_t a = 0; a < q; a++)
            for (size_t b = 0; b < q; b++)
                cross[a * q + b] += wi * r[a] * r[b];
        for (size_t j = 0; j < p; j++) {
            double v = xi[j], *L = lvl + 6 * j;
            int k;
            if (nval[j] == 0 || v == L[0]) {
                L[0] = v;
                k = 0;
                if (!nval[j])
                    nval[j] = 1;
            } else if (nval[j] == 1 || v == L[3]) {
                L[3] = v;
                k = 1;
                nval[j] = 2;
            } else {
                nval[j] = 3;
                continue;
            }
            L[3 * k + 1] += wi;
            L[3 * k + 2] += wi * yi;
        }
    }
    if (!(res->events > 0) || !(res->events < res->n)) {
        st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                           "the outcome does not vary (%g events in %g)",
                           res->events, res->n);
        goto done;
    }
    /* Collinearity: centred columns (correlations) with an intercept,
    ** raw cross-products scaled to a unit diagonal without. */
    if (f->intercept && p) {
        lv = malloc(p * p * sizeof *lv);
        if (!lv) {
            st = MOT_ENOMEM;
            goto done;
        }
        mot_moments_corr(mom, lv);
        for (size_t j = 0; j < p; j++)
            if (isnan(lv[j * p + j])) {
                st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                   "column %zu is constant", j);
                goto done;
            }
        size_t bad = mot_chol_first_bad(lv, p, p, MOT_COLLINEAR_TOL, l, p);
        if (bad < p) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "column %zu is collinear with the columns "
                               "before it", bad);
            goto done;
        }
    } else if (!f->intercept) {
        for (size_t a = 0; a < q; a++)
            if (!(cross[a * q + a] > 0)) {
                st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                                   "column %zu is all zero", a);
                goto done;
            }
        for (size_t a = 0; a < q; a++)
            for (size_t b = 0; b < q; b++)
                if (a != b)
                    cross[a * q + b] /= sqrt(cross[a * q + a] *
                                             cross[b * q + b]);
        for (size_t a = 0; a < q; a++)
            cross[a * q + a] = 1;
        size_t bad = mot_chol_first_bad(cross, q, q, MOT_COLLINEAR_TOL, l, q);
        if (bad < q) {
            st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                               "column %zu is collinear with the columns "
                               "before it", bad);
            goto done;
        }
    }
    /* Tiny groups. */
    double mg = o->min_group;
    if (res->events < mg || res->n - res->events < mg)
        res->flags |= MOT_LOGIT_SMALL;
    for (size_t j = 0; j < p; j++) {
        const double *L = lvl + 6 * j;
        if (nval[j] != 2)
            continue;
        for (int k = 0; k < 2; k++) {
            double nk = L[3 * k + 1], ek = L[3 * k + 2];
            if (nk < mg || ek < mg || nk - ek < mg) {
                res->coef[j + (f->intercept ? 1 : 0)].flags |= MOT_LOGIT_SMALL;
                res->flags |= MOT_LOGIT_SMALL;
            }
        }
    }
    /* Null deviance with an intercept: the intercept-only MLE is the mean
    ** rate; without, R's convention, the deviance at eta = 0. */
    if (f->intercept) {
        double m = res->events / res->n;
        res->null_deviance = 2 * (sent - res->events * log(m) -
                                  (res->n - res->events) * log1p(-m));
    }
done:
    mot_moments_free(mom);
    free(cross);
    free(l);
    free(lv);
    free(lvl);
    free(nval);
    return st;
}

/* Wald summaries from the accumulator at the final beta. */
static mot_status summarize(fit *f, const mot_logit_opts *o, mot_logit *res)
{
    size_t q = f->q;
    mot_status st;
    double z = mot_norm_quantile(0.5 + o->level / 2);
    const double *beta = mot_irls_beta(f->acc);
    gsl_matrix *l = factor_h(f->acc, &st);
    if (!l && st == MOT_ENOMEM)
        return st;
    if (l && gsl_linalg_cholesky_invert(l) != GSL_SUCCESS) {
        gsl_matrix_free(l);
        l = NULL;
    }
    for (size_t j = 0; j < q; j++) {
        mot_logit_coef *c = &res->coef[j];
        if (c->flags & MOT_LOGIT_DIVERGED) {
            c->beta = c->se = c->z = c->p = NAN;
            c->odds_ratio = c->or_lo = c->or_hi = NAN;
            continue;
        }
        c->beta = beta[j];
        double v = l ? gsl_matrix_get(l, j, j) : NAN;
        c->se = v > 0 ? sqrt(v) : NAN;
        c->z = c->beta / c->se;
        c->p = 2 * mot_norm_sf(fabs(c->z));
        c->odds_ratio = exp(c->beta);
        c->or_lo = exp(c->beta - z * c->se);
        c->or_hi = exp(c->beta + z * c->se);
    }
    gsl_matrix_free(l);
    return MOT_OK;
}

mot_status mot_logit_fit(const double *x, size_t n, size_t p,
                         const double *y, const double *w,
                         const mot_logit_opts *opts, mot_logit **out,
                         mot_error *err)
{
    mot_logit_opts o;
    if (opts)
        o = *opts;
    else
        mot_logit_opts_default(&o);
    *out = NULL;
    size_t q = p + (o.intercept ? 1 : 0);
    if (q < 1 || q > MOT_IRLS_MAXP || (p && !x) || !y || o.max_iter < 1 ||
        !(o.tol > 0) || !(o.level > 0 && o.level < 1) || !(o.min_group >= 0))
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "invalid arguments to mot_logit_fit");
    fit f = {x, y, w, n, p, q, o.intercept ? 1 : 0, 1, NULL, NULL};
    mot_logit *res = calloc(1, sizeof *res);
    double *beta = calloc(q, sizeof *beta), *next = calloc(q, sizeof *next);
    f.row = calloc(q, sizeof *f.row);
    mot_status st = MOT_ENOMEM;
    if (!res || !beta || !next || !f.row ||
        !(res->coef = calloc(q, sizeof *res->coef)))
        goto fail;
    res->p = q;
    if ((st = mot_irls_new(q, NULL, &f.acc)) != MOT_OK)
        goto fail;
    if ((st = precheck(&f, &o, res, err)) != MOT_OK)
        goto fail;
    if ((st = pass(&f, beta)) != MOT_OK)
        goto fail;
    res->rows = mot_irls_rows(f.acc);
    res->skipped = mot_irls_skipped(f.acc);
    if (res->rows < q) {
        st = mot_error_set(err, MOT_EDATA, NULL, 0, 0,
                           "%llu complete rows for %zu coefficients",
                           (unsigned long long)res->rows, q);
        goto fail;
    }
    if (!o.intercept)
        res->null_deviance = mot_irls_deviance(f.acc);

    double dev_old = mot_irls_deviance(f.acc);
    int sep_suspect = 0;
    for (int it = 1; it <= o.max_iter; it++) {
        st = mot_irls_step(f.acc, next, NULL);
        if (st == MOT_ENOMEM)
            goto fail;
        if (st != MOT_OK) {
            /* H singular after the precheck: only separation does that. */
            sep_suspect = 1;
            break;
        }
        if ((st = pass(&f, next)) != MOT_OK)
            goto fail;
        for (int half = 0; half < 30 &&
             !(mot_irls_deviance(f.acc) <= dev_old * (1 + 1e-12) + 1e-12);
             half++) {
            for (size_t j = 0; j < q; j++)
                next[j] = (beta[j] + next[j]) / 2;
            if ((st = pass(&f, next)) != MOT_OK)
                goto fail;
        }
        memcpy(beta, next, q * sizeof *beta);
        double dev = mot_irls_deviance(f.acc);
        res->iterations = it;
        int conv = fabs(dev - dev_old) / (fabs(dev) + 0.1) < o.tol;
        dev_old = dev;
        if (conv) {
            res->converged = 1;
            break;
        }
    }
    if (!res->converged && !sep_suspect)
        res->flags |= MOT_LOGIT_NOT_CONVERGED;

    /* Separation: more Newton steps; do they still move? */
    if (sep_suspect || mot_irls_extreme(f.acc) > 0) {
        int diverging = sep_suspect;
        double bound = 0;
        for (int extra = 0; extra < 10 && !diverging; extra++) {
            st = mot_irls_step(f.acc, next, NULL);
            if (st == MOT_ENOMEM)
                goto fail;
            if (st != MOT_OK) {
                diverging = 1;
                break;
            }
            const double *b0 = mot_irls_beta(f.acc);
            bound = 0;
            for (size_t j = 0; j < q; j++)
                bound += fabs(next[j] - b0[j]) * f.acc->xmax[j];
            memcpy(beta, next, q * sizeof *beta);
            if ((st = pass(&f, beta)) != MOT_OK)
                goto fail;
            if (bound < 1e-6)
                break;
        }
        if (!diverging && bound > 1e-2)
            diverging = 1;
        if (diverging) {
            res->flags |= MOT_LOGIT_SEPARATION;
            res->flags &= ~MOT_LOGIT_NOT_CONVERGED;
            /* a deviance near 0 means every row fitted at 0/1 only for
            ** 0/1 outcomes: grouped rows (a share y with weight n) fit
            ** exactly without separation */
            if (mot_irls_extreme(f.acc) >= mot_irls_weight(f.acc) * (1 - 1e-12)
                || (f.binary && mot_irls_deviance(f.acc) < 1e-6 * res->n))
                res->flags |= MOT_LOGIT_COMPLETE_SEP;
            /* Which coefficients move: one more step's change. */
            int moved = 0;
            if (mot_irls_step(f.acc, next, NULL) == MOT_OK) {
                const double *b0 = mot_irls_beta(f.acc);
                for (size_t j = 0; j < q; j++)
                    if (fabs(next[j] - b0[j]) * f.acc->xmax[j] > 1e-3) {
                        res->coef[j].flags |= MOT_LOGIT_DIVERGED;
                        moved = 1;
                    }
            }
            if (!moved || (res->flags & MOT_LOGIT_COMPLETE_SEP))
                for (size_t j = 0; j < q; j++)
                    res->coef[j].flags |= MOT_LOGIT_DIVERGED;
        }
    }
    res->deviance = mot_irls_deviance(f.acc);
    if ((st = summarize(&f, &o, res)) != MOT_OK)
        goto fail;
    mot_irls_free(f.acc);
    free(beta);
    free(next);
    free(f.row);
    *out = res;
    return MOT_OK;
fail:
    if (st == MOT_ENOMEM)
        mot_error_set(err, st, NULL, 0, 0, "out of memory");
    mot_irls_free(f.acc);
    mot_logit_free(res);
    free(beta);
    free(next);
    free(f.row);
    return st;
}
