/*
** i18n.c: every piece of display text of the reports, in English and, through
** a gettext message catalog, in Chinese.
**
** The English text lives here, in one table of messages looked up by a dotted
** key: MSG(key, english). The translations live in the standard gettext
** catalog po/zh_CN.po, where each message is `msgctxt key`, `msgid english`,
** `msgstr chinese`, so translators use the usual tools (`make po` extracts
** the template with xgettext and merges it into the catalog with msgmerge;
** msgfmt --check compiles it and checks that both texts take the same
** printf arguments). The build compiles the catalog to a GNU .mo file and
** embeds its bytes in the library (catalog_zh.c, generated), so the program
** needs no files at run time and the library sets no global locale: this
** file reads the .mo format itself (mo_find below) and a lookup costs a
** binary search.
**
** Messages with arguments are printf formats whose conversions are only
** strings (%s, so numbers are formatted once, the same way, for either
** language), in order, or by position (%2$s, POSIX) where Chinese orders
** them differently; tests/report/test_analysis_report.c checks every key is
** unique and translated and the arguments agree, and the ctest
** po_template_current that the catalog is complete and current.
**
** The Chinese uses the field's usual terms: 关键时刻 (moment of truth),
** 负面/正面/保健型关键时刻, 峰值体验 and 终值体验 (peak and end of the
** peak-end rule, 峰终定律), 忍耐底线 (tolerance line), 流失 (churn),
** 置信区间 (confidence interval), 优势比 (odds ratio), 服务蓝图 (service
** blueprint), 互动线 / 可视线 / 内部互动线 (its three lines).
*/
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "report/internal.h"

/* The compiled zh_CN catalog (generated from po/zh_CN.po by the build). */
extern const unsigned char mot_catalog_zh[];
extern const size_t mot_catalog_zh_size;

typedef struct message {
    const char *key, *en;
} message;

/* xgettext reads MSG(key, english) as msgctxt key, msgid english. */
#define MSG(key, en) {key, en}

static const message messages[] = {
    /* title and summary */
    MSG("title", "Moments of truth: %s"),
    MSG("summary", "%s customers (%s of them in customers.csv), %s events, %s touchpoints."),

    /* section headings */
    MSG("h.short", "In short"),
    MSG("h.moments", "Moments of truth, most important first"),
    MSG("h.performance", "Touchpoints: performance"),
    MSG("h.impact", "Touchpoints: impact"),
    MSG("h.tolerance", "Tolerance lines"),
    MSG("h.peak_end", "Peak-end"),
    MSG("h.recommendations", "What to fix first"),
    MSG("h.notes", "Notes"),
    MSG("h.sample", "Sample sizes and methods"),

    /* punctuation of sentences */
    MSG("sep.evidence", ": "),
    MSG("sep.clause", "; "),
    MSG("sep.list", ", "),
    /* TRANSLATORS: between the items of a list of names (顿号 in Chinese) */
    MSG("sep.names", ", "),
    MSG("sentence.end", "."),
    MSG("paren", " (%s)"),
    MSG("tp.label", "%s (%s)"),
    MSG("tp.count", "%s (%s)"),
    MSG("ci", "95%% CI %s"),

    /* the moments of truth in plain words */
    MSG("moments.none", "No touchpoint is a moment of truth on these data."),
    /* the short summary: one moment, the list, the cost, the first fix */
    MSG("short.moment", "%s (%s)"),
    MSG("short.moments", "The moments of truth, most important first: %s."),
    MSG("short.cost", "Bad experiences at %s cost about %s of the %s churners, by the churn model."),
    MSG("short.fix", "Fix first: %s; %s."),
    MSG("moment.negative", "%s is a negative moment of truth"),
    MSG("moment.positive", "%s is a positive moment of truth"),
    MSG("moment.hygiene", "%s is a hygiene moment of truth (it matters only below tolerance)"),
    MSG("moment.none", "%s is not a moment of truth"),
    MSG("ev.churn", "customers with a bad experience there churn at %s, against %s after "
     "a good one%s"),
    MSG("stat.or", "odds ratio %s"),
    MSG("ev.lift", "a good experience there lifts %s by %s points over the rest%s"),
    MSG("ev.line", "past its tolerance line (%s) %s is %s, against %s within it%s"),
    MSG("stat.p_adjusted", "adjusted %s"),
    MSG("ev.drop", "a bad experience there lowers the overall score by %s points%s"),
    MSG("ev.importance", "it carries %s of the explained variance of %s%s"),
    MSG("ev.survival", "over time, customers with a bad experience there churn at %s times the "
     "rate of those with a good one%s"),
    MSG("ev.attributable", "about %s churners are attributable to it"),
    MSG("rec.prose.tolerance", "lifting it to its tolerance (%s) would "),
    MSG("rec.prose.target", "lifting it to its target (%s) would "),
    MSG("rec.prose.at_most", "holding %s to %s or less would "),
    MSG("rec.prose.at_least", "holding %s to %s or more would "),
    MSG("eff.keep", "keep about %s churners"),
    MSG("eff.gain", "add %s points to the mean overall score"),
    MSG("eff.and", " and "),
    MSG("ev.kano", "%s is %s here (KANO)"),
    MSG("kano.prose.A", "an attractive feature"),
    MSG("kano.prose.O", "a performance feature"),
    MSG("kano.prose.M", "a must-be feature"),
    MSG("kano.prose.I", "an indifferent feature"),
    MSG("kano.prose.R", "a reverse feature"),
    MSG("kano.prose.Q", "a questionable feature"),
    MSG("ev.zone.below", "its SERVQUAL dimension, %s, is below the zone of tolerance%s"),
    MSG("ev.zone.inside", "its SERVQUAL dimension, %s, is inside the zone of tolerance%s"),
    MSG("ev.zone.above", "its SERVQUAL dimension, %s, is above the zone of tolerance%s"),

    /* the service blueprint (blueprint.c) */
    MSG("bp.title", "Service blueprint"),
    MSG("bp.lane.evidence", "Physical evidence"),
    MSG("bp.lane.customer", "Customer actions"),
    MSG("bp.lane.frontstage", "Frontstage (onstage) actions"),
    MSG("bp.lane.backstage", "Backstage actions"),
    MSG("bp.lane.support", "Support processes"),
    MSG("bp.line.interaction", "line of interaction"),
    MSG("bp.line.visibility", "line of visibility"),
    MSG("bp.line.internal", "line of internal interaction"),
    MSG("bp.mean", "mean %s"),
    MSG("bp.below", "below tolerance %s"),
    MSG("bp.sla", "SLA %s h"),
    MSG("bp.moment", "%s MOT"),
    MSG("bp.legend.negative", "negative moment of truth"),
    MSG("bp.legend.positive", "positive moment of truth"),
    MSG("bp.legend.hygiene", "hygiene moment of truth"),
    MSG("bp.legend.fail", "fail point: over %s of scores below tolerance or of tickets late"),
    MSG("bp.legend.wait", "wait point: a line on waiting or contacts, or over %s replies late"),
    MSG("bp.late", "%s of tickets late"),
    MSG("bp.legend.supports", "supports (backstage step to the step it serves)"),

    /* kinds of moment, as table words */
    MSG("kind.negative", "negative"),
    MSG("kind.positive", "positive"),
    MSG("kind.hygiene", "hygiene"),
    MSG("kind.none", "none"),

    /* charts (charts.c) and the HTML page (html.c) */
    MSG("chart.tip.mean", "%s: mean %s [%s, %s]"),
    MSG("chart.worst", "worst"),
    MSG("chart.best", "best"),
    MSG("chart.end", "end"),
    MSG("chart.lg.mean", "mean score with its interval"),
    MSG("chart.lg.below", "below tolerance"),
    MSG("chart.lg.target", "target"),
    MSG("chart.lg.negative", "negative MOT"),
    MSG("chart.lg.positive", "positive MOT"),
    MSG("chart.lg.hygiene", "hygiene MOT"),
    MSG("chart.lg.reach", "bubble area: reach"),
    MSG("chart.tip.ipa", "%s: importance %s%%, mean %s, reach %s%%"),
    MSG("chart.ax.mean", "mean score (performance)"),
    MSG("chart.ax.importance", "importance"),
    MSG("chart.ax.importance_ci", "share of explained variance, with its bootstrap interval"),
    MSG("chart.tip.importance", "%s: %s%% [%s, %s]"),
    MSG("chart.m.score", "score"),
    MSG("chart.m.wait", "waiting minutes"),
    MSG("chart.m.contacts", "contacts"),
    MSG("chart.m.column", "customer column"),
    MSG("chart.line_at", "line %s"),
    MSG("chart.ax.churn", "churn rate"),
    MSG("chart.ax.dissatisfied", "share dissatisfied"),
    MSG("chart.lg.beyond", "rate beyond the line"),
    MSG("chart.lg.within", "rate within it"),
    MSG("chart.lg.line", "the tolerance line"),
    MSG("chart.pe.mean", "mean of the journey"),
    MSG("chart.pe.peak_end", "peak-end"),
    MSG("chart.pe.primacy", "first + peak-end"),
    MSG("chart.ax.r2", "cross-validated R²"),
    MSG("chart.tip.kano", "%s: Better %s, Worse %s, %s"),
    MSG("chart.ax.better", "Better (satisfaction if present)"),
    MSG("chart.ax.worse", "|Worse|"),
    MSG("chart.tip.gap", "%s: gap %s [%s, %s]"),
    MSG("chart.ax.gap", "perception minus expectation (points)"),
    MSG("chart.lg.gap", "gap P - E with its interval"),
    MSG("chart.lg.zone", "zone of tolerance, MSS to MSA (inside when it spans 0)"),
    MSG("fig.blueprint", "Service blueprint: moments of truth coloured, fail (F) and wait (W) points marked; hover a box for its name and id."),
    MSG("fig.curve", "Journey emotion curve: touchpoints in blueprint order, stages shaded; the red band is below tolerance, the dashed line the target."),
    MSG("fig.importance", "Importance: each touchpoint's share of the explained variance, with its interval; coloured bars are moments of truth."),
    MSG("fig.ipa", "Priority chart: importance against performance around the crosshair; bubble area is reach."),
    MSG("fig.tolerance", "Tolerance lines: the outcome rate on each side of the line."),
    MSG("fig.peak_end", "Peak-end: how well each model predicts the overall score (cross-validated R²)."),
    MSG("fig.kano", "KANO Better-Worse: features placed by how much having them pleases and lacking them displeases."),
    MSG("fig.servqual", "SERVQUAL gaps by dimension, with the zone of tolerance where adequate and desired levels were asked."),
    MSG("html.contents", "Contents"),
    MSG("html.footer", "Made by mot %s from the project's data; every number is the analysis's own (see --format json)."),

    /* measures and outcomes */
    MSG("measure.score", "score"),
    MSG("measure.contacts", "contacts"),
    MSG("measure.wait_minutes", "minutes waited"),
    MSG("measure.nps", "NPS"),
    MSG("measure.overall", "the overall score"),
    MSG("measure.customer_column", "(customer column)"),
    MSG("outcome.churn", "churn"),
    MSG("outcome.churn.rate", "churn"),
    MSG("outcome.dissatisfied", "dissatisfied"),
    MSG("outcome.dissatisfied.rate", "the share dissatisfied"),

    /* methods */
    MSG("method.miller-siegmund", "Miller-Siegmund"),
    MSG("method.permutation", "permutation"),
    MSG("method.lmg", "LMG (Shapley value)"),
    MSG("method.relative_weights", "Johnson's relative weights"),
    MSG("method.boot", "percentile Poisson bootstrap (%s resamples)"),

    /* the touchpoint tables */
    MSG("col.priority", "#"),
    MSG("col.touchpoint", "touchpoint"),
    MSG("col.stage", "stage"),
    MSG("col.reach", "reach"),
    MSG("col.rated", "rated"),
    MSG("col.mean", "mean"),
    MSG("col.below", "below tolerance"),
    MSG("col.kind", "MOT"),
    /* xgettext:no-c-format */
    MSG("legend.performance", "Reach: share of customers who met the touchpoint; rated: rated "
     "contacts; mean: their mean score [95% confidence interval]; below "
     "tolerance: share of them under the touchpoint's tolerance; MOT: the "
     "kind of moment of truth, # its rank."),
    MSG("col.importance", "importance"),
    MSG("col.drop", "drop"),
    MSG("col.churn_bad", "churn if bad"),
    MSG("col.churn_good", "if good"),
    MSG("col.churn_or", "churn OR"),
    MSG("col.p", "p"),
    MSG("col.attributable", "churners"),
    MSG("legend.impact", "Brackets hold 95%% confidence intervals. Importance: share of the "
     "explained variance of %s; drop: how many points lower "
     "the overall score is after a bad experience there; churn if bad / if "
     "good: churn rate after a bad / a good experience there; churn OR: odds "
     "ratio of churn after a bad experience, p its Wald p-value "
     "(unadjusted); churners: churners attributable to the touchpoint (who "
     "would have stayed had every bad experience there been good)."),
    MSG("table.caveat", "* The churn estimate rests on a tiny group or meets separation in the "
     "model; see the notes."),

    /* importance-performance */
    MSG("h.ipa", "Importance and performance"),
    MSG("col.quadrant", "quadrant"),
    MSG("ipa.none", "Not available: no touchpoint has both an importance on the overall "
     "score and a mean score."),
    MSG("ipa.legend.means", "Importance: share of the explained variance of %s; mean: mean score. "
     "Quadrants of Martilla and James (1977) around the means of the "
     "touchpoints shown (importance %s, mean %s); a value equal to the "
     "crosshair counts as high."),
    MSG("ipa.legend.midpoint", "Importance: share of the explained variance of %s; mean: mean score. "
     "Quadrants of Martilla and James (1977) around the mean importance of "
     "the touchpoints shown (%s) and the midpoint of the score scale (%s); "
     "a value equal to the crosshair counts as high."),
    MSG("ipa.left_out", "Left out, without an importance estimate or a mean score: %s."),

    /* tolerance lines */
    MSG("tolerance.none", "No significant tolerance line was found."),
    MSG("col.measure", "measure"),
    MSG("col.line", "line"),
    MSG("col.outcome", "outcome"),
    MSG("col.beyond", "beyond"),
    MSG("col.within", "within"),
    MSG("col.n_sides", "n"),
    MSG("col.p_adjusted", "adjusted p"),
    MSG("col.method", "method"),
    MSG("legend.tolerance", "Beyond / within: the outcome's rate past the line and inside it; n: "
     "customers on each side; adjusted p: p-value adjusted for the search "
     "over every cut point (by the method named) and, by Holm's method, for "
     "every line searched."),

    /* peak-end */
    MSG("pe.unavailable", "Not available: the comparison needs an overall score per customer and "
     "rated events."),
    MSG("pe.peak_end_wins", "The worst, best and end moments predict the overall score better than "
     "the journey mean: cross-validated R² %s against %s%s."),
    MSG("pe.mean_wins", "The journey mean predicts the overall score at least as well as the "
     "worst, best and end moments: cross-validated R² %s for peak-end "
     "against %s for the mean%s."),
    MSG("pe.worst", "Most often the worst moment: %s."),
    MSG("pe.best", "Most often the best moment: %s."),
    MSG("pe.end", "Most often the end moment: %s."),
    MSG("pe.primacy_adds", "Adding the first moment (primacy) explains the overall score better "
     "than peak-end alone: cross-validated R² %s against %s%s."),
    MSG("pe.primacy_not", "Adding the first moment (primacy) does not clearly improve on peak-end "
     "alone: cross-validated R² %s against %s%s."),
    MSG("pe.first", "Most often the first impression: %s."),
    MSG("pe.diff", "difference %s"),
    MSG("col.first", "first impression"),
    MSG("col.worst", "worst moment"),
    MSG("col.best", "best moment"),
    MSG("col.end", "end moment"),

    /* recommendations */
    MSG("recs.none", "No recommendation: there is no moment of truth to lift."),
    MSG("col.action", "action"),
    MSG("col.retained", "churners kept"),
    MSG("col.gain", "overall gain"),
    MSG("rec.tolerance", "lift to tolerance (%s)"),
    MSG("rec.target", "lift to target (%s)"),
    MSG("rec.at_most", "hold %s to %s or less"),
    MSG("rec.at_least", "hold %s to %s or more"),

    /* sample sizes and methods */
    MSG("n.overall", "Importance on %s: %s over %s customers (R² = %s), intervals by "
     "%s."),
    MSG("n.overall.none", "Importance on the overall score: not estimated (see the notes)."),
    MSG("n.churn", "Churn: logistic regression over %s customers, %s of whom churned; "
     "odds ratios with Wald intervals."),
    MSG("n.holm", "The p-values in the text are adjusted by Holm's method over every test "
     "of every touchpoint, so that the chance of typing any touchpoint "
     "without an effect as a moment of truth stays within the significance "
     "level; tolerance lines are first adjusted for the search over cut "
     "points."),
    MSG("n.churn.none", "Churn: not estimated (see the notes)."),
    MSG("n.perf", "Means have t intervals and shares below tolerance Wilson intervals, "
     "all at 95%."),
    /* mot tickets (report/tickets.c) */
    MSG("tk.title", "Tickets and service recovery"),
    MSG("tk.summary", "%s tickets up to %s; %s open (%s past the standard). Resolution within "
     "the standard: %s %s."),
    MSG("tk.repeats", "Repeat complaints: %s tickets (%s) came from a customer who had opened "
     "another within %s days; %s customers did so."),
    MSG("tk.no_response_sla", "First response has no standard (no sla_response_hours in the "
     "blueprint): its times are shown without a share within."),
    MSG("tk.h.touchpoint", "By touchpoint"),
    MSG("tk.h.category", "By category"),
    MSG("tk.h.branch", "By branch"),
    MSG("tk.h.staff", "By staff"),
    MSG("tk.h.tier", "By customer tier"),
    MSG("tk.tier_default", "Tier %s has no standard of its own in the blueprint: its tickets are judged by sla_hours and sla_response_hours."),
    MSG("tk.tier_std", "Tier %s: %s of %s judged resolutions were held to the tier's own "
     "standard sla_hours_%s, the rest to sla_hours; %s of %s judged first responses to "
     "sla_response_hours_%s."),
    MSG("tk.h.pareto", "Pareto of categories"),
    MSG("tk.h.recovery", "Service recovery"),
    MSG("tk.h.notes", "Notes"),
    MSG("tk.h.notes_section", "Notes on the tickets"),
    MSG("tk.col.group", "group"),
    MSG("tk.col.tickets", "tickets"),
    MSG("tk.col.resp_median", "1st resp. median h"),
    MSG("tk.col.resp_p90", "1st resp. p90 h"),
    MSG("tk.col.resp_within", "1st resp. in std"),
    MSG("tk.col.res_median", "resolve median h"),
    MSG("tk.col.res_p90", "resolve p90 h"),
    MSG("tk.col.res_within", "resolved in std"),
    MSG("tk.col.open", "open"),
    MSG("tk.col.overdue", "overdue"),
    MSG("tk.col.repeats", "repeats"),
    MSG("tk.col.category", "category"),
    MSG("tk.col.share", "share"),
    MSG("tk.col.cumulative", "cumulative"),
    MSG("tk.col.vital", "vital few"),
    MSG("tk.col.customers", "customers"),
    MSG("tk.col.overall", "overall"),
    MSG("tk.col.nps", "NPS"),
    MSG("tk.col.churn", "churn"),
    MSG("tk.col.outcome", "outcome"),
    MSG("tk.col.compare", "comparison"),
    MSG("tk.col.diff", "difference"),
    MSG("tk.col.p", "p"),
    MSG("tk.col.p_holm", "p (Holm)"),
    MSG("tk.col.d", "Cohen's d"),
    MSG("tk.pareto", "The vital few: %s categories make %s of the tickets."),
    MSG("tk.rate", "Recovery rate (resolved within the standard and rated at least the "
     "tolerance afterwards): %s %s of %s judged tickets."),
    MSG("tk.group.recovered", "failure recovered"),
    MSG("tk.group.no_failure", "no failure"),
    MSG("tk.group.not_recovered", "failure not recovered"),
    MSG("tk.paradox", "Recovery paradox: customers whose failure was recovered do "
     "significantly better than customers without a failure."),
    MSG("tk.no_paradox", "No recovery paradox: recovered customers do not do significantly "
     "better than customers without a failure."),
    MSG("tk.line", "Tolerance line: churn is %s for customers whose longest resolution "
     "took more than %s hours, against %s within (adjusted p = %s)."),
    MSG("tk.no_line", "No significant tolerance line in hours to resolve."),
    /* mot tickets: consistency, expectation, trends (report/tickets.c) */
    MSG("cs.h.consistency", "Consistency across staff and branches"),
    MSG("cs.none", "Events carry neither staff_id nor branch: consistency cannot be measured."),
    MSG("cs.col.touchpoint", "touchpoint"),
    MSG("cs.col.rated", "rated"),
    MSG("cs.col.icc_staff", "staff ICC"),
    MSG("cs.col.icc_branch", "branch ICC"),
    MSG("cs.col.p_staff", "p (staff)"),
    MSG("cs.col.p_branch", "p (branch)"),
    MSG("cs.legend.icc", "ICC: the share of the touchpoint's score variance due to staff, or to branch (one-way random-effects model, ICC(1)), with its %s interval; p tests that the share is zero (F test)."),
    MSG("cs.flagged", "Significantly below the rest (Holm-adjusted p < %s, at least %s rated scores): %s of %s staff tests, %s of %s branch tests."),
    MSG("cs.col.factor", "who"),
    MSG("cs.col.key", "id"),
    MSG("cs.col.within", "compared within"),
    MSG("cs.col.n", "n"),
    MSG("cs.col.mean", "mean"),
    MSG("cs.col.shrunk", "shrunk mean"),
    MSG("cs.col.diff", "vs the rest"),
    MSG("cs.factor.staff", "staff"),
    MSG("cs.factor.branch", "branch"),
    MSG("cs.all", "all"),
    MSG("cs.legend.below", "A staff member is compared with the other staff of the branch where most of their rated scores are, a branch with the other branches (Welch t test). The shrunk mean is the empirical-Bayes estimate, pulled towards the touchpoint's mean the more, the fewer scores there are."),
    MSG("ex.h", "Expectation against experience"),
    MSG("ex.none", "Events carry no expected column (the customer's expectation before the service): no disconfirmation."),
    MSG("ex.col.expected", "expected"),
    MSG("ex.col.score", "experienced"),
    MSG("ex.col.gap", "score - expected"),
    MSG("ex.legend", "Disconfirmation: the mean of score - expected over the events that have both, with its t interval; below 0 the touchpoint gives less than customers expected (over-promising). p is Holm-adjusted over the touchpoints."),
    MSG("tr.h.month", "Trends by month"),
    MSG("tr.h.week", "Trends by week"),
    MSG("tr.col.period", "period"),
    MSG("tr.col.below", "below tolerance"),
    MSG("tr.legend", "Mean of the rated scores with its t interval; the share below the touchpoint's tolerance with its Wilson interval."),
    MSG("ch.h", "Before and after %s"),
    MSG("ch.col.before", "mean before"),
    MSG("ch.col.after", "mean after"),
    MSG("ch.col.diff", "change"),
    MSG("ch.col.below_before", "below before"),
    MSG("ch.col.below_after", "below after"),
    MSG("ch.col.below_diff", "change below"),
    MSG("ch.legend", "After minus before: the mean by Welch's t test, the share below tolerance with Newcombe's interval and a z test; p is Holm-adjusted over both measures of every touchpoint, * marks a significant change."),

    /* mot drivers */
    MSG("drv.title", "Drivers of %s"),
    MSG("drv.logistic", "A logistic regression on %1$s of %2$s rows (event \"%3$s\": %4$s rows)."),
    MSG("drv.linear", "A linear regression on %1$s of %2$s rows."),
    MSG("drv.r2.lpm", "R² of the linear-probability model %1$s; importance = each driver's part of it (%2$s), with a %3$s interval."),
    MSG("drv.r2.linear", "R² of the linear model %1$s; importance = each driver's part of it (%2$s), with a %3$s interval."),
    MSG("drv.lmg", "LMG / Shapley"),
    MSG("drv.relative_weights", "relative weights"),
    MSG("drv.col.driver", "driver"),
    MSG("drv.col.importance", "importance"),
    /* xgettext:no-c-format */
    MSG("drv.col.ci", "95% CI"),
    MSG("drv.col.or", "odds ratio"),
    MSG("drv.col.beta", "beta"),
    MSG("drv.col.line", "tolerance line"),
    MSG("drv.none", "none"),
    MSG("drv.level", "%1$s=%2$s (vs %3$s)"),
    MSG("drv.separated", "%s (separated)"),
    MSG("drv.notes", "Notes"),

    /* mot behaviour */
    MSG("bh.title", "Front-line behaviour (MOT steps)"),
    MSG("bh.summary.binary", "%s interactions, %s steps scored 0/1 (done well = 1)."),
    MSG("bh.summary.ratings", "%s interactions, %s steps rated 1-5 (done well = 4 or more)."),
    MSG("bh.model", "Customer score on the steps: %s interactions, R² %s (LMG shares)."),
    MSG("bh.no_model", "No customer_score model (no scores or too few rows)."),
    MSG("bh.key_step", "The step that moves the customer's score most: %s."),
    MSG("bh.most_missing", "Most often missing before a low score (below %2$s): %1$s, not done in %3$s of low-score interactions vs %4$s of the rest."),
    MSG("bh.h.steps", "Steps"),
    MSG("bh.h.staff", "Staff: shrunken shares done well and coaching priority"),
    MSG("bh.staff", "%1$s staff ranked (at least %2$s interactions); * = flagged (%3$s): the priority step is done well significantly more than %4$s points below the overall level."),
    MSG("bh.h.training", "Training effect (difference-in-differences)"),
    MSG("bh.h.branches", "Branches: shrunken shares done well and coaching priority"),
    MSG("bh.branches", "%1$s branches ranked (at least %2$s interactions); * = flagged (%3$s): the priority step is done well significantly more than %4$s points below the overall level."),
    /* xgettext:no-c-format */
    MSG("bh.training", "Effects are differences-in-differences: the trained staff's change from before to after their training minus the untrained staff's change over the same dates, with 95% intervals; an interval that holds 0 shows no clear effect."),
    MSG("bh.col.branch", "branch"),
    MSG("bh.all_staff", "all staff"),
    MSG("bh.col.step", "step"),
    /* xgettext:no-c-format */
    MSG("bh.col.done", "done well [95% CI]"),
    MSG("bh.col.importance", "importance [CI]"),
    MSG("bh.col.beta", "effect on score [CI]"),
    MSG("bh.col.missing", "missing: low / rest"),
    MSG("bh.col.p", "p (Holm)"),
    MSG("bh.col.p_did", "p"),
    MSG("bh.col.staff", "staff"),
    MSG("bh.col.n", "n"),
    MSG("bh.col.priority", "priority"),
    MSG("bh.col.lift", "lift"),
    MSG("bh.col.group", "group"),
    MSG("bh.col.trained", "trained / not"),
    MSG("bh.col.reference", "reference"),
    MSG("bh.col.did_score", "score effect [CI]"),
    MSG("bh.col.did_key", "key step effect [CI]"),

    /* journeys (journeys.c) */
    MSG("h.journeys", "Journeys"),
    MSG("jr.summary", "%s customers with events, %s events, each customer's events in time order. The most frequent steps (one touchpoint directly followed by another):"),
    MSG("jr.start", "(start)"),
    MSG("jr.end", "(end)"),
    MSG("jr.col.step", "step"),
    MSG("jr.col.count", "times"),
    MSG("jr.col.customers", "customers"),
    MSG("jr.col.median", "median hours [CI]"),
    MSG("jr.col.churn", "churn [CI]"),
    MSG("jr.col.churn_rest", "churn of the rest [CI]"),
    MSG("jr.col.p_adj", "adjusted p"),
    MSG("jr.col.path", "path"),
    MSG("jr.col.share", "share"),
    MSG("jr.col.contacts", "contacts"),
    MSG("jr.col.episodes", "needs"),
    MSG("jr.col.repeats", "repeat contacts"),
    MSG("jr.col.fcr", "first-contact resolution [CI]"),
    MSG("jr.legend.steps", "Median hours between the two events of a step, with a distribution-free 95%% interval; churn of the customers who take the step against all other customers, with Wilson 95%% intervals and a chi-square test adjusted by Holm's method over the steps with at least 30 customers on each side."),
    MSG("jr.churn_steps", "Steps whose customers churn differently from the rest:"),
    MSG("jr.churn_step", "%s: %s customers, churn %s against %s for the rest (adjusted p %s)"),
    MSG("jr.churn_none", "No step's churn differs significantly from the rest."),
    MSG("jr.variants", "Journey variants (each customer's touchpoints in order, repeats collapsed): %s distinct, the %s most common:"),
    MSG("jr.fcr", "First-contact resolution: a contact opens a need unless the customer contacted the same touchpoint in the %s days before; the need is resolved at first contact when no contact there follows within that window (Wilson 95%% intervals)."),
    MSG("jr.needs", "High-frequency needs (contacts per 100 customers):"),
    MSG("jr.needs.stage", "stage %s: %s"),
    MSG("jr.needs.first", "in the first %s days of each journey: %s"),
    MSG("jr.needs.segment", "segment %s (%s customers): %s"),

    /* segments (segments.c) */
    MSG("h.segments", "Segments by %s"),
    MSG("sg.tiers", "Value tiers by thirds of the customers' value: low up to %s, mid up to %s, high above."),
    MSG("sg.tier_tol", "Tier %s is judged by its own tolerance at %s touchpoints (the blueprint's tolerance_%s): its below-tolerance shares and bad experiences use that standard."),
    MSG("sg.col.segment", "segment"),
    MSG("sg.col.customers", "customers"),
    MSG("sg.col.churners", "churners"),
    MSG("sg.col.moments", "moments of truth"),
    MSG("sg.same", "The moments of truth are of the same type in every segment."),
    MSG("sg.differs", "Where the moments differ between segments:"),
    MSG("sg.diff", "%s %s: %s. Heterogeneity across segments: churn odds ratios p %s, loyalty lifts p %s"),
    MSG("sg.evidence", "%s %s (churn OR %s, lift %s)"),
    MSG("sg.legend", "Each segment is analysed as a project of its own. Heterogeneity: Woolf's test (Cochran's Q of the log odds ratios weighted by their inverse variances, k - 1 degrees of freedom), and the same for the loyalty lifts; a difference of type with a large p may be chance."),
};

enum { NMESSAGES = sizeof messages / sizeof messages[0] };

/* ---- the .mo reader ------------------------------------------------------------
** A GNU .mo file: a header of 32-bit words (magic 0x950412de in the file's
** byte order, revision, N strings, offset of the table of originals, offset
** of the table of translations, hash table size and offset), then two
** tables of N (length, offset) pairs; originals are sorted by bytes, and an
** original with a context is "context\004msgid". */

static uint32_t mo_word(const unsigned char *mo, size_t size, size_t at,
                        int swap)
{
    uint32_t w;
    if (at > size || size - at < 4)
        return 0;
    memcpy(&w, mo + at, 4);
    if (swap)
        w = (w >> 24) | ((w >> 8) & 0xff00u) | ((w << 8) & 0xff0000u) |
            (w << 24);
    return w;
}

/* The translation of "ctxt\004id" (of "id" when ctxt is NULL) in the
** catalog, or NULL when it has none
** or the catalog is not a well-formed .mo (a build error: asserted). The
** returned string is NUL-terminated inside the catalog. */
static const char *mo_find(const unsigned char *mo, size_t size,
                           const char *ctxt, const char *id)
{
    uint32_t magic = mo_word(mo, size, 0, 0);
    int swap = magic != 0x950412deu;
    if (swap && mo_word(mo, size, 0, 1) != 0x950412deu) {
        assert(!"the embedded catalog is not a .mo file");
        return NULL;
    }
    uint32_t n = mo_word(mo, size, 8, swap);
    uint32_t orig = mo_word(mo, size, 12, swap);
    uint32_t trans = mo_word(mo, size, 16, swap);
    size_t lc = ctxt ? strlen(ctxt) : 0, li = strlen(id);
    size_t lsep = ctxt ? 1 : 0; /* the \004 between context and id */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t len = mo_word(mo, size, orig + 8 * mid, swap);
        uint32_t off = mo_word(mo, size, orig + 8 * mid + 4, swap);
        if (off > size || size - off <= len) {
            assert(!"the embedded catalog is truncated");
            return NULL;
        }
        /* compare "ctxt\004id" with the original, byte by byte */
        const unsigned char *o = mo + off;
        int c = 0;
        size_t i = 0;
        for (; i < lc + lsep + li && c == 0; i++) {
            unsigned char k = i < lc ? (unsigned char)ctxt[i]
                              : i < lc + lsep ? 4u
                                              : (unsigned char)id[i - lc - lsep];
            if (i >= len)
                c = 1;
            else if (k != o[i])
                c = k < o[i] ? -1 : 1;
        }
        if (c == 0 && len > i)
            c = -1;
        if (c == 0) {
            uint32_t tlen = mo_word(mo, size, trans + 8 * mid, swap);
            uint32_t toff = mo_word(mo, size, trans + 8 * mid + 4, swap);
            if (toff > size || size - toff <= tlen || mo[toff + tlen] != 0) {
                assert(!"the embedded catalog is truncated");
                return NULL;
            }
            return tlen ? (const char *)mo + toff : NULL;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static const message *find(const char *key)
{
    for (size_t i = 0; i < NMESSAGES; i++)
        if (strcmp(messages[i].key, key) == 0)
            return &messages[i];
    return NULL;
}

static const char *translate(mot_lang lang, const message *m)
{
    if (lang != MOT_LANG_ZH)
        return m->en;
    const char *zh = mo_find(mot_catalog_zh, mot_catalog_zh_size, m->key,
                             m->en);
    return zh ? zh : m->en;
}

const char *mot_tr(mot_lang lang, const char *key)
{
    const message *m = find(key);
    if (!m) {
        assert(!"unknown message key");
        return key;
    }
    return translate(lang, m);
}

const char *mot_tr_text(mot_lang lang, const char *english)
{
    if (lang != MOT_LANG_ZH)
        return english;
    const char *zh = mo_find(mot_catalog_zh, mot_catalog_zh_size, NULL,
                             english);
    return zh ? zh : english;
}

const char *mot_interval_method_text(mot_lang lang, const char *m,
                                     char *buf, size_t n)
{
    static const char boot[] = "percentile Poisson bootstrap (";
    const char *num = m + sizeof boot - 1;
    size_t digits = strspn(num, "0123456789");
    char count[24];
    if (strncmp(m, boot, sizeof boot - 1) != 0 || digits == 0 ||
        digits >= sizeof count || strcmp(num + digits, ")") != 0)
        return m;
    memcpy(count, num, digits);
    count[digits] = '\0';
    snprintf(buf, n, mot_tr(lang, "method.boot"), count);
    return buf;
}

size_t mot_tr_count(void)
{
    return NMESSAGES;
}

void mot_tr_entry(size_t i, const char **key, const char **en,
                  const char **zh)
{
    assert(i < NMESSAGES);
    *key = messages[i].key;
    *en = messages[i].en;
    *zh = mo_find(mot_catalog_zh, mot_catalog_zh_size, messages[i].key,
                  messages[i].en);
}
