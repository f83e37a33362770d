/*
** demo.c: mot_demo_write, the synthetic project generator, and the truths
** it plants.
**
** The run opens all ten files as NAME.tmp, writes mot.ini, blueprint.csv
** and staff.csv, then streams customers one at a time: the journey's
** events, tickets and interactions (journey.c), the customers.csv row and,
** for sampled respondents, KANO and SERVQUAL answers (survey.c). When all
** is written and closed, every NAME.tmp is renamed to NAME; on any failure
** the .tmp files are removed. Memory is constant in the number of
** customers. Each customer draws from its own random streams seeded from
** (seed, stream, customer number), so the output is a pure function of
** (scenario, customers, seed).
**
** Planted truths (the roles are flags on touchpoints in scenarios.c; the
** effect sizes are constants in gen.h, staff.c and survey.c; docs/demo.md
** lists them per scenario). "Score" is the 1..5 score the customer
** experienced at a contact; only some contacts are rated (score written),
** the outcomes follow the experienced scores.
**
**  (1) Negative MOT (role NEG; telecom T06 首月账单, rail R10 列车服务,
**      property P03 入住交付, hotel H05 客房): met by every customer; 24%
**      of its scores are 1 or 2 (below the tolerance 3). A customer whose
**      lowest NEG score is below 3 has churn odds x4 (DEMO_NEG_ODDS).
**  (2) Positive MOT (role POS; telecom T13 投诉处理, rail R08 候车,
**      property P12 社区活动, hotel H08 早餐): a customer whose best score
**      there is 5 gets +2 NPS points (DEMO_POS_NPS) before rounding.
**  (3) Tolerance line (role TOL): churn odds x3.5 (DEMO_TOL_ODDS) beyond
**      it. Telecom: 3 or more contacts at T10 客服热线; property: 3 or more
**      contacts at P07 报修; rail: wait_minutes > 15 at R07 安检; hotel:
**      wait_minutes > 10 at H04 入住办理. The TOL touchpoint's scores carry
**      no effect (only its count or wait does).
**  (4) Peak-end: overall = 1 + 0.6 (worst - 1) + 0.35 (end - 1) +
**      N(0,0.35), one decimal, within 1..5, where worst is the lowest score
**      over the contacts at NEG, POS, TICKET and END touchpoints (the
**      moments that can go badly wrong) and end is the score at the END
**      touchpoint (the journey's last contact, met by everyone: T14
**      续约回访, R13 到站出站, P14 年度回访, H11 退房结账). The mean score
**      does not enter. nps = 2.5 + 1.5 (overall - 1) + (2) + N(0,1.2),
**      rounded, within 0..10. Churn depends only on (1) and (3), from a
**      baseline odds (telecom 0.075, rail 0.10, property 0.06, hotel 0.25).
**  (5) KANO: each feature has a planted category A, O, M or I; 60-65% of
**      answers fall in it, the rest in the others with 2-4% R and 1.5-2%
**      Q (survey.c). At least one feature per category.
**  (6) SERVQUAL: expectation ~6.1, adequate ~4.8, desired ~6.5 (1..7);
**      perception 5.6 - 0.1 d for dimension d, but 4.0 for the planted
**      dimension (telecom and property responsiveness, rail reliability,
**      hotel tangibles): a gap near -2, below the adequate level.
**      Respondents with a late or open ticket perceive responsiveness 0.5
**      lower.
**  (7) Tickets (role TICKET): every contact opens a ticket; resolution
**      time = SLA/20 + exponential, with 35% of resolved tickets past the
**      SLA at telecom T11 故障报修 (48 h), rail R03 改签退款 (72 h),
**      property P07 报修 (48 h) and hotel H07 客房服务 (1 h), and 8% at
**      the complaint desks (T13, P13; 24 h). 4% stay open, and so do those
**      not resolved by the end of 2026. The contact's score is drawn from
**      a good distribution if the SLA was met, a poor one if not.
**  (8) Behaviour (role QA; staff.c): the key step weighs 2.0 in the
**      customer score, the others 0.35 (telecom 解决问题, rail 探索,
**      property 解决问题, hotel 营造氛围). Most staff skip the weak step
**      (done 45%); S10 does it 80% but does the odd step only 20%.
**      Training (trained_at on S01-S03 and S07-S09) lifts the key step
**      from 65% to 90% after the training date in branch 0 (S01-S03) and
**      does nothing in branch 1 (S07-S09).
**  (8b) Consistency (staff.c): at QA contacts S14 (branch 2) scores 1.0
**      lower and branch 3 (S19-S24) 0.6 lower than their steps give: one
**      staff member and one branch below the rest; no other staff member
**      or branch differs but by their steps.
**  (9) Every other touchpoint's scores, reach and waits are drawn
**      independently of all the above: they have no effect on overall,
**      nps or churn. Routine touchpoints score below 3 only 6% of the time.
**
** Draws that are independent by design: NEG, POS, TOL and TICKET outcomes
** of a customer do not influence one another, so each planted effect can
** be measured on its own. Staff, branch and segment have no effect on the
** outcomes (staff behaviour shapes only the QA touchpoints' scores).
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "mot/demo.h"
#include "demo/gen.h"

#define MAX_CUSTOMERS 50000000UL
#define KANO_RESPONDENTS 300UL
#define SERVQUAL_RESPONDENTS 200UL

static const char *const file_names[DF_COUNT] = {
    "mot.ini", "blueprint.csv", "staff.csv", "events.csv", "customers.csv",
    "tickets.csv", "interactions.csv", "kano.csv", "servqual.csv",
    "servqual_weights.csv"};

static const char *const headers[DF_COUNT] = {
    NULL,
    "id,name,stage,phase,lane,channel,supports,tolerance,target,sla_hours,"
    "servqual_dimension,kano_feature,owner",
    "staff_id,name,branch,trained_at",
    "customer_id,journey_id,time,touchpoint,score,staff_id,branch,"
    "wait_minutes,channel",
    "customer_id,segment,value,tenure_months,overall,nps,churned,churn_time",
    "ticket_id,customer_id,touchpoint,opened_at,first_response_at,"
    "resolved_at,category,satisfaction,staff_id,branch,compensation",
    "interaction_id,staff_id,time,customer_id,touchpoint,branch,"
    "customer_score",
    "respondent_id,feature,functional,dysfunctional,importance,segment",
    NULL,
    "respondent_id,dimension,points"};

/* Copy s into buf, cut to about 40 bytes at a UTF-8 boundary with "...". */
static const char *shorten(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    if (n <= 40 || size < 48)
        return s;
    n = 40;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    snprintf(buf, size, "%.*s...", (int)n, s);
    return buf;
}

/* Resolve the scenario (NULL: telecom) into *sc and check the customer
** count; MOT_EUSAGE with a message naming what was found otherwise. */
static mot_status check_options(const mot_demo_options *opt,
                                const demo_scenario **sc, mot_error *err)
{
    const char *name = opt->scenario ? opt->scenario : "telecom";
    char buf[64];
    *sc = demo_scenario_find(name);
    if (!*sc)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "scenario must be one of telecom, rail, "
                             "property, hotel, found \"%s\"",
                             shorten(name, buf, sizeof buf));
    if (opt->customers < 1 || opt->customers > MAX_CUSTOMERS)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "customers must be a whole number from 1 to "
                             "%lu, found %lu",
                             MAX_CUSTOMERS, opt->customers);
    return MOT_OK;
}

/* Create dir and its missing parents (like mkdir -p). */
static mot_status make_dir(const char *dir, mot_error *err)
{
    char path[4096];
    struct stat sb;
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return mot_error_set(err, MOT_EUSAGE, dir, 0, 0,
                             "the output folder name is too long");
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            return mot_error_set(err, MOT_EIO, path, 0, 0,
                                 "cannot create the folder (%s)",
                                 strerror(errno));
        *p = c;
        if (c == '\0')
            break;
    }
    if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return mot_error_set(err, MOT_EIO, path, 0, 0,
                             "the output folder exists and is not a "
                             "folder");
    return MOT_OK;
}

/* Decimal digits of n (1 for 0). */
static int digits(unsigned long n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

/* How many of n customers answer a survey capped at cap respondents:
** n/5, but at least cap/3 and at most cap, and never more than n. */
static unsigned long respondents(unsigned long n, unsigned long cap)
{
    unsigned long r = n / 5 < cap / 3 ? cap / 3 : n / 5;
    r = r > cap ? cap : r;
    return r > n ? n : r;
}

/* Write text as one raw line of file f. */
static void put_header(demo_gen *g, enum demo_file_id f, const char *text)
{
    demo_line l;
    demo_line_start(&l);
    demo_line_raw(&l, text);
    demo_file_put(&g->file[f], &l);
}

/* The header row of every CSV file (interactions.csv names the
** scenario's behaviour steps; hotel's servqual.csv has a dimension). */
static void write_headers(demo_gen *g)
{
    demo_line l;
    for (int f = 0; f < DF_COUNT; f++)
        if (headers[f] && f != DF_INTERACTIONS)
            put_header(g, (enum demo_file_id)f, headers[f]);
    demo_line_start(&l);
    demo_line_raw(&l, headers[DF_INTERACTIONS]);
    for (unsigned k = 0; k < g->sc->nsteps; k++)
        demo_line_text(&l, g->sc->steps[k]);
    demo_file_put(&g->file[DF_INTERACTIONS], &l);
    put_header(g, DF_SERVQUAL,
               g->sc->sq_items
                   ? "respondent_id,item,dimension,expectation,perception,"
                     "adequate,desired"
                   : "respondent_id,item,expectation,perception,adequate,"
                     "desired");
}

/* mot.ini: a comment with the arguments, the 1..5 scale, Chinese report. */
static void write_ini(demo_gen *g)
{
    char text[160];
    snprintf(text, sizeof text,
             "; mot demo --scenario %s --customers %lu --seed %llu",
             g->sc->name, g->ncustomers, (unsigned long long)g->seed);
    const char *lines[] = {text, "[scale]", "min = 1", "max = 5",
                           "neutral = 3", "", "[report]", "lang = zh"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        put_header(g, DF_INI, lines[i]);
}

/* A blueprint score column: tenths as "4.5" or "3"; 0 is empty. */
static void put_score(demo_line *l, unsigned tenths)
{
    if (tenths == 0)
        demo_line_empty(l);
    else
        demo_line_fixed(l, tenths % 10 ? tenths : tenths / 10,
                        tenths % 10 ? 1 : 0);
}

/* blueprint.csv, one row per scenario touchpoint in journey order. */
static void write_blueprint(demo_gen *g)
{
    for (size_t i = 0; i < g->sc->ntp; i++) {
        const demo_tp *tp = &g->sc->tp[i];
        demo_line l;
        demo_line_start(&l);
        const char *text[] = {tp->id, tp->name, tp->stage, tp->phase,
                              tp->lane, tp->channel, tp->supports};
        for (size_t k = 0; k < sizeof text / sizeof text[0]; k++)
            demo_line_text(&l, text[k]);
        put_score(&l, tp->tolerance);
        put_score(&l, tp->target);
        if (tp->sla_hours)
            demo_line_uint(&l, tp->sla_hours);
        else
            demo_line_empty(&l);
        demo_line_text(&l, tp->servqual);
        demo_line_text(&l, tp->kano);
        demo_line_text(&l, tp->owner);
        demo_file_put(&g->file[DF_BLUEPRINT], &l);
    }
}

/* 1 if a write to any file has failed (the run then stops early). */
static int write_failed(const demo_gen *g)
{
    for (int f = 0; f < DF_COUNT; f++)
        if (g->file[f].error)
            return 1;
    return 0;
}

/* Close and remove every .tmp file still held. */
static void discard_all(demo_gen *g)
{
    for (int f = 0; f < DF_COUNT; f++)
        demo_file_discard(&g->file[f]);
}

/* Stream every customer: journey, outcomes, survey answers. Stops at
** the first failed write (reported when the files are closed). */
static void write_customers(demo_gen *g)
{
    for (unsigned long i = 0; i < g->ncustomers && !write_failed(g); i++) {
        demo_story st;
        demo_rng r;
        st.index = i;
        demo_rng_seed(&r, g->seed, DEMO_STREAM_JOURNEY, i);
        demo_rng_seed(&st.review, g->seed, DEMO_STREAM_REVIEW, i);
        demo_journey(g, &r, &st);
        demo_outcomes(g, &r, &st);
        demo_kano_rows(g, &st);
        demo_servqual_rows(g, &st);
    }
}

/* Close every file, then rename them all into place; on any failure
** remove what is left of the .tmp files. */
static mot_status finish(demo_gen *g, mot_error *err)
{
    mot_status st = MOT_OK;
    for (int f = 0; f < DF_COUNT; f++) {
        mot_status s = demo_file_close(&g->file[f], st ? NULL : err);
        if (st == MOT_OK)
            st = s;
    }
    for (int f = 0; f < DF_COUNT && st == MOT_OK; f++)
        st = demo_file_commit(&g->file[f], err);
    discard_all(g);
    return st;
}

mot_status mot_demo_write(const char *dir, const mot_demo_options *opt,
                          mot_error *err)
{
    mot_demo_options defaults = {"telecom", MOT_DEMO_DEFAULT_CUSTOMERS, 0};
    demo_gen g;
    mot_status st;
    if (!dir || !*dir)
        return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0,
                             "the output folder must be given");
    if (!opt)
        opt = &defaults;
    memset(&g, 0, sizeof g);
    if ((st = check_options(opt, &g.sc, err)) != MOT_OK ||
        (st = make_dir(dir, err)) != MOT_OK)
        return st;
    g.seed = opt->seed;
    g.ncustomers = opt->customers;
    g.id_width = digits(g.ncustomers) < 5 ? 5 : digits(g.ncustomers);
    g.nkano = respondents(g.ncustomers, KANO_RESPONDENTS);
    g.nservqual = respondents(g.ncustomers, SERVQUAL_RESPONDENTS);
    for (int f = 0; f < DF_COUNT; f++) {
        if ((st = demo_file_open(&g.file[f], dir, file_names[f], err))) {
            discard_all(&g);
            return st;
        }
    }
    write_headers(&g);
    write_ini(&g);
    write_blueprint(&g);
    demo_staff_rows(&g);
    write_customers(&g);
    return finish(&g, err);
}
