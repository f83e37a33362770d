/*
** journey.c: one customer's journey and outcomes.
**
** demo_journey walks the blueprint in order. A customer meets touchpoint
** tp with chance tp->reach, 1 to 6 times (tp->repeat); each contact comes
** tp->gap_lo..gap_hi minutes after the previous one (a gap of a day or
** more lands in opening hours, 08:00-22:00), so times are increasing.
** The experienced score of a contact comes from, in this order:
**  - a TICKET touchpoint: the ticket's outcome (SLA met or missed/open);
**  - a QA touchpoint: the staff member's behaviour steps;
**  - otherwise tp->score, independently of everything else.
** The score is written (rated) with chance tp->rated, else left empty;
** the customer's latent story (st) sees every score, rated or not.
**
** demo_outcomes turns the story into overall, nps and churn with the
** formulas in gen.h.
*/
#include <assert.h>

#include "demo/gen.h"

#define TICKET_OPEN 40        /* per mille of tickets still open */
#define COMPENSATED 500       /* per mille of late tickets compensated */
#define QA_REVIEWED 500       /* per mille of unrated QA contacts a
                                 reviewer assessed (interactions.csv) */
#define WAIT_SIGMA 0.6        /* wait = median x exp(WAIT_SIGMA N(0,1)) */
#define OPEN_HOUR 8
#define OPEN_HOURS 14

static const unsigned short score_met[DEMO_NSCORE] = {20, 50, 180, 400, 350};
static const unsigned short score_missed[DEMO_NSCORE] = {200, 300, 300, 150,
                                                         50};

/* One contact, as written to events.csv. */
typedef struct contact {
    long long time;
    int score;        /* experienced score 1..5 */
    int staff;        /* -1: none */
    long wait;        /* tenths of a minute; -1: none */
} contact;

/* One ticket's times, seconds after it opened. */
typedef struct ticket {
    long long response, resolved; /* resolved -1: still open */
    int missed;                   /* past its SLA, or open */
} ticket;

void demo_line_customer(demo_line *l, const demo_gen *g, unsigned long index)
{
    demo_line_id(l, "C", index + 1, g->id_width);
}

/* The time of the next contact at tp after time t: t plus a gap drawn in
** tp's range; a gap of a day or more lands in opening hours that day. */
static long long advance(demo_rng *r, long long t, const demo_tp *tp)
{
    long long lo = (long long)tp->gap_lo * 60;
    long long span = (long long)(tp->gap_hi - tp->gap_lo) * 60;
    long long gap = lo + (long long)demo_rng_below(r, (uint64_t)span + 1);
    if (gap < 86400)
        return t + gap;
    long long day = (t + gap) / 86400;
    return day * 86400 + OPEN_HOUR * 3600 +
           (long long)demo_rng_below(r, OPEN_HOURS * 3600);
}

/* Draw how a ticket at tp goes: resolution time = SLA/20 + an exponential
** whose mean makes tp->sla_miss per mille of them late; tickets not
** resolved by the end of 2026 stay open (and count as missed). */
static ticket draw_ticket(demo_rng *r, const demo_tp *tp, long long opened)
{
    ticket k;
    double sla = tp->sla_hours * 3600.0, floor_s = sla / 20;
    double mean = (sla - floor_s) / demo_log(1000.0 / tp->sla_miss);
    long long total = demo_round(floor_s + demo_rng_exp(r, mean));
    double share = 0.05 + 0.25 * mot_rng_uniform(r);
    k.response = demo_round((double)total * share);
    k.resolved = total;
    if (demo_rng_chance(r, TICKET_OPEN) || opened + total >= DEMO_YEAR_SECONDS)
        k.resolved = -1;
    k.missed = k.resolved < 0 || total > (long long)sla;
    return k;
}

/* The score of a QA contact: 1.5 (+0.35 for a four-step model) plus 2.0
** for the key step and 0.35 for every other step done, plus the staff
** member's offset (demo_staff_offset), plus N(0, 0.6), rounded into 1..5;
** steps[] receives the 0/1 step marks. */
static int qa_score(demo_rng *r, const demo_scenario *sc, int staff,
                    long long t, int *steps)
{
    double x = 1.5 + 0.35 * (5 - sc->nsteps) +
               demo_staff_offset((unsigned)staff);
    for (unsigned k = 0; k < sc->nsteps; k++) {
        steps[k] = demo_rng_chance(r, demo_staff_step(sc, (unsigned)staff,
                                                      k, t));
        x += steps[k] * (k == sc->key_step ? 2.0 : 0.35);
    }
    long s = demo_round(x + 0.6 * demo_rng_normal(r));
    return (int)(s < 1 ? 1 : s > 5 ? 5 : s);
}

/* The events.csv row of a contact (score written only if rated; branch
** only at physical touchpoints). */
static void write_event(demo_gen *g, const demo_story *st, const demo_tp *tp,
                        const contact *c, int rated)
{
    demo_line l;
    demo_line_start(&l);
    demo_line_customer(&l, g, st->index);
    demo_line_id(&l, "J", st->index + 1, g->id_width);
    demo_line_time(&l, c->time);
    demo_line_text(&l, tp->id);
    if (rated)
        demo_line_uint(&l, (unsigned)c->score);
    else
        demo_line_empty(&l);
    if (c->staff >= 0)
        demo_line_staff(&l, (unsigned)c->staff);
    else
        demo_line_empty(&l);
    if (tp->channel[0] == 'f')
        demo_line_text(&l, g->sc->branch[st->branch]);
    else
        demo_line_empty(&l);
    if (c->wait >= 0)
        demo_line_fixed(&l, c->wait, 1);
    else
        demo_line_empty(&l);
    demo_line_text(&l, tp->channel);
    demo_file_put(&g->file[DF_EVENTS], &l);
}

/* The tickets.csv row of a contact at a TICKET touchpoint; half of the
** late resolved tickets are compensated. */
static void write_ticket(demo_gen *g, demo_rng *r, const demo_story *st,
                         const demo_tp *tp, const contact *c,
                         const ticket *k)
{
    demo_line l;
    unsigned long cents = 0;
    if (k->missed && k->resolved >= 0 && demo_rng_chance(r, COMPENSATED))
        cents = g->sc->compensation_cents[demo_rng_below(r, 3)];
    demo_line_start(&l);
    demo_line_id(&l, "TK", ++g->tickets, 7);
    demo_line_customer(&l, g, st->index);
    demo_line_text(&l, tp->id);
    demo_line_time(&l, c->time);
    demo_line_time(&l, c->time + k->response);
    if (k->resolved >= 0) {
        demo_line_time(&l, c->time + k->resolved);
    } else {
        demo_line_empty(&l);
    }
    demo_line_text(&l, tp->category[demo_rng_below(r, 3)]);
    if (k->resolved >= 0)
        demo_line_uint(&l, (unsigned)c->score);
    else
        demo_line_empty(&l);
    if (c->staff >= 0)
        demo_line_staff(&l, (unsigned)c->staff);
    else
        demo_line_empty(&l);
    demo_line_text(&l, g->sc->branch[st->branch]);
    demo_line_fixed(&l, (long long)cents, 2);
    demo_file_put(&g->file[DF_TICKETS], &l);
}

/* The interactions.csv row of a reviewed QA contact: its steps, and the
** customer's score when the customer rated the contact. */
static void write_interaction(demo_gen *g, const demo_story *st,
                              const demo_tp *tp, const contact *c,
                              const int *steps, int rated)
{
    demo_line l;
    demo_line_start(&l);
    demo_line_id(&l, "IX", ++g->interactions, 7);
    demo_line_staff(&l, (unsigned)c->staff);
    demo_line_time(&l, c->time);
    demo_line_customer(&l, g, st->index);
    demo_line_text(&l, tp->id);
    demo_line_text(&l, g->sc->branch[c->staff / DEMO_STAFF_PER_BRANCH]);
    if (rated)
        demo_line_uint(&l, (unsigned)c->score);
    else
        demo_line_empty(&l);
    for (unsigned k = 0; k < g->sc->nsteps; k++)
        demo_line_uint(&l, (unsigned)steps[k]);
    demo_file_put(&g->file[DF_INTERACTIONS], &l);
}

/* Fold a contact into the customer's latent story. */
static void remember(demo_story *st, const demo_tp *tp, const contact *c)
{
    if (tp->flags & DEMO_NEG && c->score < st->neg_worst)
        st->neg_worst = c->score;
    if (tp->flags & DEMO_POS && c->score > st->pos_best)
        st->pos_best = c->score;
    if (tp->flags & DEMO_PEAK && c->score < st->peak)
        st->peak = c->score;
    if (tp->flags & DEMO_END)
        st->end = c->score;
    if (tp->flags & DEMO_TOL) {
        st->tol_contacts++;
        if (c->wait > (long)st->tol_wait)
            st->tol_wait = (unsigned)c->wait;
    }
    if (st->first < 0)
        st->first = c->time;
    st->last = c->time;
}

/* One contact of customer st at tp at time t: draw it, write its rows. */
static void meet(demo_gen *g, demo_rng *r, demo_story *st, const demo_tp *tp,
                 long long t)
{
    contact c = {t, 0, -1, -1};
    ticket k = {0, 0, 0};
    int steps[8];
    if (tp->flags & DEMO_STAFF)
        c.staff = (int)(st->branch * DEMO_STAFF_PER_BRANCH +
                        demo_rng_below(r, DEMO_STAFF_PER_BRANCH));
    if (tp->flags & DEMO_TICKET) {
        k = draw_ticket(r, tp, t);
        c.score = 1 + (int)demo_rng_pick(r, k.missed ? score_missed
                                                     : score_met,
                                         DEMO_NSCORE);
        st->sla_missed |= k.missed;
    } else if (tp->flags & DEMO_QA) {
        assert(c.staff >= 0 && g->sc->nsteps <= 8);
        c.score = qa_score(r, g->sc, c.staff, t, steps);
    } else {
        c.score = 1 + (int)demo_rng_pick(r, tp->score, DEMO_NSCORE);
    }
    if (tp->wait_median)
        c.wait = demo_round(tp->wait_median *
                            demo_exp(WAIT_SIGMA * demo_rng_normal(r)));
    int rated = demo_rng_chance(r, tp->rated);
    write_event(g, st, tp, &c, rated);
    if (tp->flags & DEMO_TICKET)
        write_ticket(g, r, st, tp, &c, &k);
    if (tp->flags & DEMO_QA &&
        (rated || demo_rng_chance(&st->review, QA_REVIEWED)))
        write_interaction(g, st, tp, &c, steps, rated);
    remember(st, tp, &c);
}

/* How many times the customer meets tp (1 unless tp has repeats). */
static unsigned contacts_at(demo_rng *r, const demo_tp *tp)
{
    unsigned long total = 0;
    for (int i = 0; i < DEMO_NREPEAT; i++)
        total += tp->repeat[i];
    return total ? 1 + demo_rng_pick(r, tp->repeat, DEMO_NREPEAT) : 1;
}

void demo_journey(demo_gen *g, demo_rng *r, demo_story *st)
{
    const demo_scenario *sc = g->sc;
    st->segment = demo_rng_pick(r, sc->segment_weight, DEMO_NSEGMENT);
    st->branch = (unsigned)demo_rng_below(r, DEMO_NBRANCH);
    st->neg_worst = 6;
    st->pos_best = 0;
    st->peak = 6;
    st->end = 0;
    st->tol_contacts = st->tol_wait = 0;
    st->sla_missed = 0;
    st->first = st->last = -1;
    long long t = (long long)demo_rng_below(r, sc->start_days) * 86400 +
                  OPEN_HOUR * 3600 +
                  (long long)demo_rng_below(r, OPEN_HOURS * 3600);
    for (size_t i = 0; i < sc->ntp; i++) {
        const demo_tp *tp = &sc->tp[i];
        if (!tp->reach || !demo_rng_chance(r, tp->reach))
            continue;
        unsigned n = contacts_at(r, tp);
        for (unsigned j = 0; j < n; j++) {
            t = advance(r, t, tp);
            meet(g, r, st, tp, t);
        }
    }
}

/* ---- outcomes ------------------------------------------------------------ */

/* 1 if the customer is past the scenario's tolerance line. */
static int beyond_tolerance(const demo_scenario *sc, const demo_story *st)
{
    if (sc->tol_contacts)
        return st->tol_contacts >= sc->tol_contacts;
    return st->tol_wait > sc->tol_wait;
}

/* x kept within lo..hi. */
static long clamp(long x, long lo, long hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

void demo_outcomes(demo_gen *g, demo_rng *r, const demo_story *st)
{
    const demo_scenario *sc = g->sc;
    int worst = st->peak <= 5 ? st->peak : 3, end = st->end ? st->end : 3;
    double x = 1 + DEMO_PEAK_W * (worst - 1) + DEMO_END_W * (end - 1) +
               DEMO_OVERALL_SD * demo_rng_normal(r);
    long overall = clamp(demo_round(10 * x), 10, 50); /* tenths */
    double y = DEMO_NPS_BASE + DEMO_NPS_PER_OVERALL * (overall - 10) / 10.0 +
               (st->pos_best == 5 ? DEMO_POS_NPS : 0) +
               DEMO_NPS_SD * demo_rng_normal(r);
    long nps = clamp(demo_round(y), 0, 10);
    double odds = sc->churn_base / 1000.0;
    if (st->neg_worst < 3)
        odds *= DEMO_NEG_ODDS;
    if (beyond_tolerance(sc, st))
        odds *= DEMO_TOL_ODDS;
    int churned = mot_rng_uniform(r) < odds / (1 + odds);
    long long churn_time = st->last + 86400 +
                           (long long)demo_rng_below(r, 20 * 86400);
    if (churn_time >= DEMO_YEAR_SECONDS)
        churn_time = DEMO_YEAR_SECONDS - 1;
    /* months with the company before this year: unplanted, so that no
    ** analysis finds an effect in it (tenure counted up to the churn date
    ** would encode the outcome itself) */
    unsigned long tenure = 1 + (unsigned long)demo_rng_below(r, 120);
    double v = sc->value_cents[st->segment] *
               demo_exp(0.4 * demo_rng_normal(r));

    demo_line l;
    demo_line_start(&l);
    demo_line_customer(&l, g, st->index);
    demo_line_text(&l, sc->segment[st->segment]);
    demo_line_fixed(&l, demo_round(v), 2);
    demo_line_uint(&l, tenure);
    demo_line_fixed(&l, overall, 1);
    demo_line_uint(&l, (unsigned long)nps);
    demo_line_uint(&l, (unsigned)churned);
    if (churned)
        demo_line_time(&l, churn_time);
    else
        demo_line_empty(&l);
    demo_file_put(&g->file[DF_CUSTOMERS], &l);
}
