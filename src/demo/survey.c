/*
** survey.c: the KANO and SERVQUAL questionnaires of the demo.
**
** Respondents are customers, spread evenly over the customer list: customer
** i answers when floor((i+1) R / N) > floor(i R / N), which picks exactly R
** of N. KANO answers come from each feature's planted category (with the
** noise in kano_mix below), written as numbers 1..5, or as English or
** Chinese words, one style per respondent. SERVQUAL answers are on a 1..7
** scale, with a respondent-level shift per dimension (so items of one
** dimension agree, giving a usable Cronbach's alpha) and a planted gap in
** one dimension. Each respondent also spreads exactly 100 points over the
** five dimensions, in twenty chips of 5 points.
*/
#include "demo/gen.h"
#include "mot/survey.h"

/* Category order used by the tables below: mot_kano_category's. */
enum { KA = MOT_KANO_A, KO = MOT_KANO_O, KM = MOT_KANO_M, KI = MOT_KANO_I,
       KR = MOT_KANO_R, KQ = MOT_KANO_Q, KN = MOT_KANO_NCAT };

/* Per mille of answers in each category (A O M I R Q), by planted one. */
static const unsigned short kano_mix[4][KN] = {
    {650, 100, 20, 190, 25, 15},  /* A */
    {120, 600, 130, 110, 25, 15}, /* O */
    {20, 120, 620, 200, 25, 15},  /* M */
    {130, 70, 100, 640, 40, 20},  /* I */
};

/* Weights of importance 1..5 by planted category. */
static const unsigned short kano_importance[4][5] = {
    {60, 150, 350, 300, 140},  /* A */
    {20, 60, 180, 380, 360},   /* O */
    {20, 40, 120, 330, 490},   /* M */
    {200, 320, 300, 130, 50},  /* I */
};

static const char *const answer_zh[5] = {"喜欢", "理所当然", "无所谓",
                                         "能忍受", "不喜欢"};
static const char *const answer_en[5] = {"like", "must-be", "neutral",
                                         "live-with", "dislike"};
/* Weights of answer styles: numbers, Chinese words, English words. */
static const unsigned short answer_style[3] = {600, 250, 150};

/* SERVQUAL means (1..7 scale): expectation, adequate (minimum), desired;
** perception is PERCEIVED - 0.1 d for dimension d, GAP_PERCEIVED for the
** planted dimension, and MISSED_SLA lower for responsiveness when the
** respondent had a late or open ticket. */
#define SQ_EXPECTED 6.1
#define SQ_ADEQUATE 4.8
#define SQ_DESIRED 6.5
#define SQ_PERCEIVED 5.6
#define SQ_GAP_PERCEIVED 4.0
#define SQ_MISSED_SLA 0.5
#define SQ_RESPONDENT_SD 0.5
#define SQ_ITEM_SD 0.6
#define SQ_RESPONSIVENESS 2

/* Per mille chance of each dimension for each 5-point chip. */
static const unsigned short weight_chips[DEMO_NDIM] = {150, 300, 220, 180,
                                                       150};

/* 1 if customer i of n is one of the r respondents. */
static int responds(unsigned long i, unsigned long r, unsigned long n)
{
    return (unsigned long long)(i + 1) * r / n >
           (unsigned long long)i * r / n;
}

/* Row of the tables above for a planted category letter. */
static int category_index(char c)
{
    return c == 'A' ? KA : c == 'O' ? KO : c == 'M' ? KM : KI;
}

/* A (functional, dysfunctional) pair, uniformly among the cells of the
** Berger et al. evaluation table (mot_kano_evaluate) that give category
** cat. */
static void kano_pair(demo_rng *r, int cat, int *f, int *d)
{
    unsigned n = 0;
    *f = *d = 0;
    for (int i = 0; i < 25; i++)
        n += (int)mot_kano_evaluate(i / 5 + 1, i % 5 + 1) == cat;
    unsigned k = (unsigned)demo_rng_below(r, n);
    for (int i = 0; i < 25; i++) {
        if ((int)mot_kano_evaluate(i / 5 + 1, i % 5 + 1) != cat)
            continue;
        if (k-- == 0) {
            *f = i / 5;
            *d = i % 5;
            return;
        }
    }
}

/* Append answer a (0 like .. 4 dislike) in the respondent's style. */
static void kano_answer(demo_line *l, unsigned style, int a)
{
    if (style == 0)
        demo_line_uint(l, (unsigned)a + 1);
    else
        demo_line_text(l, style == 1 ? answer_zh[a] : answer_en[a]);
}

void demo_kano_rows(demo_gen *g, const demo_story *st)
{
    if (!responds(st->index, g->nkano, g->ncustomers))
        return;
    const demo_scenario *sc = g->sc;
    demo_rng r;
    demo_rng_seed(&r, g->seed, DEMO_STREAM_KANO, st->index);
    unsigned style = demo_rng_pick(&r, answer_style, 3);
    for (size_t i = 0; i < sc->nkano; i++) {
        int planted = category_index(sc->kano[i].category), f, d;
        int cat = (int)demo_rng_pick(&r, kano_mix[planted], KN);
        kano_pair(&r, cat, &f, &d);
        demo_line l;
        demo_line_start(&l);
        demo_line_customer(&l, g, st->index);
        demo_line_text(&l, sc->kano[i].feature);
        kano_answer(&l, style, f);
        kano_answer(&l, style, d);
        demo_line_uint(&l, 1 + demo_rng_pick(&r, kano_importance[planted], 5));
        demo_line_text(&l, sc->segment[st->segment]);
        demo_file_put(&g->file[DF_KANO], &l);
    }
}

/* A 1..7 answer around mean. */
static unsigned likert7(demo_rng *r, double mean)
{
    long v = demo_round(mean + SQ_ITEM_SD * demo_rng_normal(r));
    return (unsigned)(v < 1 ? 1 : v > 7 ? 7 : v);
}

/* The dimension (0..4) of SERVQUAL item number item (0-based). */
static unsigned item_dim(const demo_scenario *sc, size_t item)
{
    static const unsigned char standard[22] = {0, 0, 0, 0, 1, 1, 1, 1,
                                               1, 2, 2, 2, 2, 3, 3, 3,
                                               3, 4, 4, 4, 4, 4};
    return sc->sq_items ? sc->sq_items[item].dim : standard[item];
}

/* A respondent's own level per dimension, added to every item's mean. */
typedef struct sq_shift {
    double expected[DEMO_NDIM], perceived[DEMO_NDIM], zone[DEMO_NDIM];
} sq_shift;

/* One servqual.csv row: item of respondent st. */
static void servqual_item(demo_gen *g, demo_rng *r, const demo_story *st,
                          size_t item, const sq_shift *shift)
{
    const demo_scenario *sc = g->sc;
    unsigned d = item_dim(sc, item);
    double perceived = d == sc->sq_gap_dim ? SQ_GAP_PERCEIVED
                                           : SQ_PERCEIVED - 0.1 * d;
    if (d == SQ_RESPONSIVENESS && st->sla_missed)
        perceived -= SQ_MISSED_SLA;
    unsigned e = likert7(r, SQ_EXPECTED + shift->expected[d]);
    unsigned p = likert7(r, perceived + shift->perceived[d]);
    unsigned lo = likert7(r, SQ_ADEQUATE + shift->zone[d]);
    unsigned hi = likert7(r, SQ_DESIRED + shift->zone[d]);
    if (hi < lo) {
        unsigned t = hi;
        hi = lo;
        lo = t;
    }
    demo_line l;
    demo_line_start(&l);
    demo_line_customer(&l, g, st->index);
    if (sc->sq_items) {
        demo_line_text(&l, sc->sq_items[item].name);
        demo_line_text(&l, demo_sq_dims[d]);
    } else {
        demo_line_uint(&l, item + 1);
    }
    demo_line_uint(&l, e);
    demo_line_uint(&l, p);
    demo_line_uint(&l, lo);
    demo_line_uint(&l, hi);
    demo_file_put(&g->file[DF_SERVQUAL], &l);
}

/* The five servqual_weights.csv rows of respondent st (sum 100). */
static void servqual_weights(demo_gen *g, demo_rng *r, const demo_story *st)
{
    unsigned points[DEMO_NDIM] = {0};
    for (int chip = 0; chip < 20; chip++)
        points[demo_rng_pick(r, weight_chips, DEMO_NDIM)] += 5;
    for (unsigned d = 0; d < DEMO_NDIM; d++) {
        demo_line l;
        demo_line_start(&l);
        demo_line_customer(&l, g, st->index);
        demo_line_text(&l, demo_sq_dims[d]);
        demo_line_uint(&l, points[d]);
        demo_file_put(&g->file[DF_WEIGHTS], &l);
    }
}

void demo_servqual_rows(demo_gen *g, const demo_story *st)
{
    if (!responds(st->index, g->nservqual, g->ncustomers))
        return;
    demo_rng r;
    demo_rng_seed(&r, g->seed, DEMO_STREAM_SERVQUAL, st->index);
    sq_shift shift;
    for (int d = 0; d < DEMO_NDIM; d++) {
        shift.expected[d] = SQ_RESPONDENT_SD * demo_rng_normal(&r);
        shift.perceived[d] = SQ_RESPONDENT_SD * demo_rng_normal(&r);
        shift.zone[d] = SQ_RESPONDENT_SD * demo_rng_normal(&r);
    }
    for (size_t i = 0; i < g->sc->nsq_items; i++)
        servqual_item(g, &r, st, i, &shift);
    servqual_weights(g, &r, st);
}
