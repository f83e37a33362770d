/*
** i18n.c: every piece of display text of the reports, in English and
** Chinese.
**
** One table of message pairs, looked up by a dotted key. Keeping both
** languages on adjacent lines makes a missing or stale translation easy to
** see; tests/report/test_analysis_report.c checks that keys are unique and
** that both texts of a pair take the same printf arguments: only strings
** (%s, so numbers are formatted once, the same way, for either language),
** in order, or by position (%2$s, POSIX) where the other language orders
** them differently.
**
** The Chinese uses the field's usual terms: 关键时刻 (moment of truth),
** 负面/正面/保健型关键时刻, 峰值体验 and 终值体验 (peak and end of the
** peak-end rule, 峰终定律), 忍耐底线 (tolerance line), 流失 (churn),
** 置信区间 (confidence interval), 优势比 (odds ratio).
*/
#include <assert.h>
#include <string.h>

#include "report/internal.h"

typedef struct message {
    const char *key, *en, *zh;
} message;

static const message messages[] = {
    /* title and summary */
    {"title", "Moments of truth: %s", "关键时刻分析：%s"},
    {"summary",
     "%s customers (%s of them in customers.csv), %s events, %s touchpoints.",
     "客户 %s 名（其中 %s 名在 customers.csv 中），事件 %s 条，触点 %s 个。"},

    /* section headings */
    {"h.moments", "Moments of truth, most important first",
     "关键时刻（按重要性排序）"},
    {"h.performance", "Touchpoints: performance", "触点表现"},
    {"h.impact", "Touchpoints: impact", "触点影响"},
    {"h.tolerance", "Tolerance lines", "忍耐底线"},
    {"h.peak_end", "Peak-end", "峰终定律"},
    {"h.recommendations", "What to fix first", "优先改进"},
    {"h.notes", "Notes", "说明"},
    {"h.sample", "Sample sizes and methods", "样本量与方法"},

    /* punctuation of sentences */
    {"sep.evidence", ": ", "："},
    {"sep.clause", "; ", "；"},
    {"sep.list", ", ", "，"},
    {"sentence.end", ".", "。"},
    {"paren", " (%s)", "（%s）"},
    {"tp.label", "%s (%s)", "%s（%s）"},
    {"tp.count", "%s (%s)", "%s（%s）"},
    {"ci", "95%% CI %s", "95%% 置信区间 %s"},

    /* the moments of truth in plain words */
    {"moments.none", "No touchpoint is a moment of truth on these data.",
     "在这些数据中没有触点构成关键时刻。"},
    {"moment.negative", "%s is a negative moment of truth", "%s是负面关键时刻"},
    {"moment.positive", "%s is a positive moment of truth", "%s是正面关键时刻"},
    {"moment.hygiene",
     "%s is a hygiene moment of truth (it matters only below tolerance)",
     "%s是保健型关键时刻（只在低于忍耐底线时起作用）"},
    {"moment.none", "%s is not a moment of truth", "%s不是关键时刻"},
    {"ev.churn",
     "customers with a bad experience there churn at %s, against %s after "
     "a good one%s",
     "在此体验差的客户流失率为 %s，体验好的为 %s%s"},
    {"stat.or", "odds ratio %s", "优势比 %s"},
    {"ev.lift", "a good experience there lifts %s by %s points over the rest%s",
     "在此体验好的客户%s比其他客户高 %s 分%s"},
    {"ev.line", "past its tolerance line (%s) %s is %s, against %s within it%s",
     "越过忍耐底线（%s）后%s为 %s，底线以内为 %s%s"},
    {"stat.p_adjusted", "adjusted %s", "校正后 %s"},
    {"ev.drop",
     "a bad experience there lowers the overall score by %s points%s",
     "在此体验差会使总体满意度降低 %s 分%s"},
    {"ev.importance", "it carries %s of the explained variance of %s%s",
     "它占%2$s已解释方差的 %1$s%3$s"},
    {"ev.survival",
     "over time, customers with a bad experience there churn at %s times the "
     "rate of those with a good one%s",
     "从流失时间看，在此体验差的客户流失风险是体验好客户的 %s 倍%s"},
    {"ev.attributable", "about %s churners are attributable to it",
     "约 %s 名流失客户可归因于此"},
    {"rec.prose.tolerance", "lifting it to its tolerance (%s) would ",
     "提升到忍耐底线（%s）可"},
    {"rec.prose.target", "lifting it to its target (%s) would ",
     "提升到目标水平（%s）可"},
    {"rec.prose.at_most", "holding %s to %s or less would ",
     "将%s控制在 %s 以内可"},
    {"rec.prose.at_least", "holding %s to %s or more would ",
     "将%s保持在 %s 以上可"},
    {"eff.keep", "keep about %s churners", "挽留约 %s 名客户"},
    {"eff.gain", "add %s points to the mean overall score",
     "使总体满意度均值提高 %s 分"},
    {"eff.and", " and ", "，并"},
    {"ev.kano", "%s is %s here (KANO)", "“%s”是此处的%s（KANO）"},
    {"kano.prose.A", "an attractive feature", "魅力型需求"},
    {"kano.prose.O", "a performance feature", "期望型需求"},
    {"kano.prose.M", "a must-be feature", "必备型需求"},
    {"kano.prose.I", "an indifferent feature", "无差异型需求"},
    {"kano.prose.R", "a reverse feature", "反向型需求"},
    {"kano.prose.Q", "a questionable feature", "可疑型需求"},
    {"ev.zone.below",
     "its SERVQUAL dimension, %s, is below the zone of tolerance%s",
     "其 SERVQUAL 维度%s低于容忍区%s"},
    {"ev.zone.inside",
     "its SERVQUAL dimension, %s, is inside the zone of tolerance%s",
     "其 SERVQUAL 维度%s处于容忍区内%s"},
    {"ev.zone.above",
     "its SERVQUAL dimension, %s, is above the zone of tolerance%s",
     "其 SERVQUAL 维度%s高于容忍区%s"},

    /* the service blueprint (blueprint.c) */
    {"bp.title", "Service blueprint", "服务蓝图"},
    {"bp.lane.evidence", "Physical evidence", "有形展示"},
    {"bp.lane.customer", "Customer actions", "顾客行为"},
    {"bp.lane.frontstage", "Frontstage (onstage) actions", "前台员工行为"},
    {"bp.lane.backstage", "Backstage actions", "后台员工行为"},
    {"bp.lane.support", "Support processes", "支持过程"},
    {"bp.line.interaction", "line of interaction", "互动线"},
    {"bp.line.visibility", "line of visibility", "可视线"},
    {"bp.line.internal", "line of internal interaction", "内部互动线"},
    {"bp.mean", "mean %s", "均分 %s"},
    {"bp.below", "below tolerance %s", "低于底线 %s"},
    {"bp.sla", "SLA %s h", "服务时限 %s 小时"},
    {"bp.moment", "%s MOT", "%s关键时刻"},
    {"bp.legend.negative", "negative moment of truth", "负面关键时刻"},
    {"bp.legend.positive", "positive moment of truth", "正面关键时刻"},
    {"bp.legend.hygiene", "hygiene moment of truth", "保健型关键时刻"},
    {"bp.legend.fail", "fail point: over %s of scores below tolerance",
     "失误点：超过 %s 的评分低于忍耐底线"},
    {"bp.legend.wait", "wait point: a tolerance line on waiting or contacts",
     "等待点：等待时间或接触次数存在忍耐底线"},
    {"bp.legend.supports", "supports (backstage step to the step it serves)",
     "支持（后台步骤指向其服务的步骤）"},

    /* kinds of moment, as table words */
    {"kind.negative", "negative", "负面"},
    {"kind.positive", "positive", "正面"},
    {"kind.hygiene", "hygiene", "保健型"},
    {"kind.none", "none", "无"},

    /* measures and outcomes */
    {"measure.score", "score", "评分"},
    {"measure.contacts", "contacts", "接触次数"},
    {"measure.wait_minutes", "minutes waited", "等待分钟数"},
    {"measure.nps", "NPS", "净推荐值"},
    {"measure.overall", "the overall score", "总体满意度"},
    {"measure.customer_column", "(customer column)", "（客户属性）"},
    {"outcome.churn", "churn", "流失"},
    {"outcome.churn.rate", "churn", "流失率"},
    {"outcome.dissatisfied", "dissatisfied", "不满意"},
    {"outcome.dissatisfied.rate", "the share dissatisfied", "不满意比例"},

    /* methods */
    {"method.miller-siegmund", "Miller-Siegmund", "Miller-Siegmund 校正"},
    {"method.permutation", "permutation", "置换检验"},
    {"method.lmg", "LMG (Shapley value)", "LMG（Shapley 值）"},
    {"method.relative_weights", "Johnson's relative weights",
     "Johnson 相对权重"},

    /* the touchpoint tables */
    {"col.priority", "#", "#"},
    {"col.touchpoint", "touchpoint", "触点"},
    {"col.stage", "stage", "阶段"},
    {"col.reach", "reach", "触达率"},
    {"col.rated", "rated", "评分数"},
    {"col.mean", "mean", "均值"},
    {"col.below", "below tolerance", "低于底线"},
    {"col.kind", "MOT", "关键时刻"},
    {"legend.performance",
     "Reach: share of customers who met the touchpoint; rated: rated "
     "contacts; mean: their mean score [95% confidence interval]; below "
     "tolerance: share of them under the touchpoint's tolerance; MOT: the "
     "kind of moment of truth, # its rank.",
     "触达率：接触过该触点的客户比例；评分数：有评分的接触次数；均值：平均评分"
     "[95% 置信区间]；"
     "低于底线：评分低于该触点忍耐底线的比例；关键时刻：关键时刻类型，# 为其排名。"},
    {"col.importance", "importance", "重要性"},
    {"col.drop", "drop", "满意度降幅"},
    {"col.churn_bad", "churn if bad", "体验差流失率"},
    {"col.churn_good", "if good", "体验好流失率"},
    {"col.churn_or", "churn OR", "流失优势比"},
    {"col.p", "p", "p"},
    {"col.attributable", "churners", "归因流失"},
    {"legend.impact",
     "Brackets hold 95%% confidence intervals. Importance: share of the "
     "explained variance of %s; drop: how many points lower "
     "the overall score is after a bad experience there; churn if bad / if "
     "good: churn rate after a bad / a good experience there; churn OR: odds "
     "ratio of churn after a bad experience, p its Wald p-value "
     "(unadjusted); churners: churners attributable to the touchpoint (who "
     "would have stayed had every bad experience there been good).",
     "方括号内为 95%% 置信区间。重要性：占%s已解释方差的比例；满意度降幅："
     "在此体验差的客户总体满意度低多少分；体验差/体验好流失率：在此体验差/体验好"
     "的客户的流失率；流失优势比：体验差后流失的优势比，p 为其 Wald p 值（未校"
     "正）；归因流失：可归因于该触点的流失客户数（若此处的差体验都变好即可留住的"
     "客户）。"},
    {"table.caveat",
     "* The churn estimate rests on a tiny group or meets separation in the "
     "model; see the notes.",
     "* 该流失估计基于很小的组，或模型出现分离，见说明。"},

    /* importance-performance */
    {"h.ipa", "Importance and performance", "重要性-表现分析（IPA）"},
    {"col.quadrant", "quadrant", "象限"},
    {"ipa.none",
     "Not available: no touchpoint has both an importance on the overall "
     "score and a mean score.",
     "无法分析：没有触点同时具有对总体满意度的重要性和平均评分。"},
    {"ipa.legend.means",
     "Importance: share of the explained variance of %s; mean: mean score. "
     "Quadrants of Martilla and James (1977) around the means of the "
     "touchpoints shown (importance %s, mean %s); a value equal to the "
     "crosshair counts as high.",
     "重要性：占%s已解释方差的比例；均值：平均评分。象限按 Martilla 与 "
     "James（1977）划分，十字线在所列触点的均值（重要性 %s，均值 %s）；等于"
     "十字线算高。"},
    {"ipa.legend.midpoint",
     "Importance: share of the explained variance of %s; mean: mean score. "
     "Quadrants of Martilla and James (1977) around the mean importance of "
     "the touchpoints shown (%s) and the midpoint of the score scale (%s); "
     "a value equal to the crosshair counts as high.",
     "重要性：占%s已解释方差的比例；均值：平均评分。象限按 Martilla 与 "
     "James（1977）划分，十字线在所列触点的平均重要性（%s）和评分量表的"
     "中点（%s）；等于十字线算高。"},
    {"ipa.left_out",
     "Left out, without an importance estimate or a mean score: %s.",
     "未列入（没有重要性估计或平均评分）：%s。"},

    /* tolerance lines */
    {"tolerance.none", "No significant tolerance line was found.",
     "没有发现显著的忍耐底线。"},
    {"col.measure", "measure", "指标"},
    {"col.line", "line", "底线"},
    {"col.outcome", "outcome", "结果"},
    {"col.beyond", "beyond", "越线"},
    {"col.within", "within", "线内"},
    {"col.n_sides", "n", "样本量"},
    {"col.p_adjusted", "adjusted p", "校正 p"},
    {"col.method", "method", "方法"},
    {"legend.tolerance",
     "Beyond / within: the outcome's rate past the line and inside it; n: "
     "customers on each side; adjusted p: p-value adjusted for the search "
     "over every cut point (by the method named) and, by Holm's method, for "
     "every line searched.",
     "越线/线内：越过底线与在底线以内的结果比例；样本量：两侧的客户数；校正 p：对"
     "所有切点的搜索（方法见最后一列）和所有被搜索的底线（Holm 方法）校正后的 p 值。"},

    /* peak-end */
    {"pe.unavailable",
     "Not available: the comparison needs an overall score per customer and "
     "rated events.",
     "无法分析：需要每位客户的总体满意度和有评分的事件。"},
    {"pe.peak_end_wins",
     "The worst, best and end moments predict the overall score better than "
     "the journey mean: cross-validated R\xc2\xb2 %s against %s%s.",
     "峰值体验（最差与最好时刻）和终值体验比旅程平均分更能预测总体满意度：交叉"
     "验证 R\xc2\xb2 为 %s，平均分模型为 %s%s。"},
    {"pe.mean_wins",
     "The journey mean predicts the overall score at least as well as the "
     "worst, best and end moments: cross-validated R\xc2\xb2 %s for peak-end "
     "against %s for the mean%s.",
     "旅程平均分对总体满意度的预测不逊于峰值体验和终值体验：峰终模型交叉验证 "
     "R\xc2\xb2 为 %s，平均分模型为 %s%s。"},
    {"pe.worst", "Most often the worst moment: %s.",
     "最常成为最差时刻（负面峰值体验）的触点：%s。"},
    {"pe.best", "Most often the best moment: %s.",
     "最常成为最好时刻（正面峰值体验）的触点：%s。"},
    {"pe.end", "Most often the end moment: %s.",
     "最常成为终值体验的触点：%s。"},
    {"pe.primacy_adds",
     "Adding the first moment (primacy) explains the overall score better "
     "than peak-end alone: cross-validated R\xc2\xb2 %s against %s%s.",
     "加入第一印象（首因效应）后，对总体满意度的解释优于只用峰终模型：交叉验证 "
     "R\xc2\xb2 为 %s，峰终模型为 %s%s。"},
    {"pe.primacy_not",
     "Adding the first moment (primacy) does not clearly improve on peak-end "
     "alone: cross-validated R\xc2\xb2 %s against %s%s.",
     "加入第一印象（首因效应）后，对总体满意度的解释未明显优于峰终模型：交叉验证 "
     "R\xc2\xb2 为 %s，峰终模型为 %s%s。"},
    {"pe.first", "Most often the first impression: %s.",
     "最常成为第一印象（首因效应）的触点：%s。"},
    {"pe.diff", "difference %s", "差值 %s"},
    {"col.first", "first impression", "第一印象"},
    {"col.worst", "worst moment", "最差时刻"},
    {"col.best", "best moment", "最好时刻"},
    {"col.end", "end moment", "终值体验"},

    /* recommendations */
    {"recs.none", "No recommendation: there is no moment of truth to lift.",
     "暂无建议：没有需要提升的关键时刻。"},
    {"col.action", "action", "行动"},
    {"col.retained", "churners kept", "挽留客户"},
    {"col.gain", "overall gain", "满意度提升"},
    {"rec.tolerance", "lift to tolerance (%s)", "提升到忍耐底线（%s）"},
    {"rec.target", "lift to target (%s)", "提升到目标水平（%s）"},
    {"rec.at_most", "hold %s to %s or less", "将%s控制在 %s 以内"},
    {"rec.at_least", "hold %s to %s or more", "将%s保持在 %s 以上"},

    /* sample sizes and methods */
    {"n.overall",
     "Importance on %s: %s over %s customers (R\xc2\xb2 = %s), intervals by "
     "%s.",
     "对%s的重要性：%s，样本 %s 名客户（R\xc2\xb2 = %s），区间方法：%s。"},
    {"n.overall.none",
     "Importance on the overall score: not estimated (see the notes).",
     "对总体满意度的重要性：未估计（见说明）。"},
    {"n.churn",
     "Churn: logistic regression over %s customers, %s of whom churned; "
     "odds ratios with Wald intervals.",
     "流失：逻辑回归，样本 %s 名客户，其中 %s 名流失；优势比采用 Wald 区间。"},
    {"n.holm",
     "The p-values in the text are adjusted by Holm's method over every test "
     "of every touchpoint, so that the chance of typing any touchpoint "
     "without an effect as a moment of truth stays within the significance "
     "level; tolerance lines are first adjusted for the search over cut "
     "points.",
     "正文中的 p 值经 Holm 方法对所有触点的全部检验统一校正，使任一无效触点被误判"
     "为关键时刻的概率不超过显著性水平；忍耐底线的 p 值先对切点搜索做了校正。"},
    {"n.churn.none", "Churn: not estimated (see the notes).",
     "流失：未估计（见说明）。"},
    {"n.perf",
     "Means have t intervals and shares below tolerance Wilson intervals, "
     "all at 95%.",
     "均值采用 t 区间，低于底线比例采用 Wilson 区间，置信水平均为 95%。"},
    /* mot tickets (report/tickets.c) */
    {"tk.title", "Tickets and service recovery", "工单与服务补救"},
    {"tk.summary",
     "%s tickets up to %s; %s open (%s past the standard). Resolution within "
     "the standard: %s %s.",
     "截至 %2$s 共 %1$s 张工单；未结 %3$s 张（其中 %4$s 张已超出标准）。"
     "在标准时限内解决：%5$s %6$s。"},
    {"tk.repeats",
     "Repeat complaints: %s tickets (%s) came from a customer who had opened "
     "another within %s days; %s customers did so.",
     "重复投诉：%s 张工单（%s）来自 %s 天内已开过工单的客户，共 %s 名客户。"},
    {"tk.no_response_sla",
     "First response has no standard (no sla_response_hours in the "
     "blueprint): its times are shown without a share within.",
     "首次响应没有标准（服务蓝图无 sla_response_hours 列）：只列出时长，不计达标率。"},
    {"tk.h.touchpoint", "By touchpoint", "按触点"},
    {"tk.h.category", "By category", "按类别"},
    {"tk.h.branch", "By branch", "按网点"},
    {"tk.h.staff", "By staff", "按员工"},
    {"tk.h.pareto", "Pareto of categories", "投诉类别帕累托"},
    {"tk.h.recovery", "Service recovery", "服务补救"},
    {"tk.h.notes", "Notes", "说明"},
    {"tk.col.group", "group", "分组"},
    {"tk.col.tickets", "tickets", "工单"},
    {"tk.col.resp_median", "1st resp. median h", "首响中位 h"},
    {"tk.col.resp_p90", "1st resp. p90 h", "首响 P90 h"},
    {"tk.col.resp_within", "1st resp. in std", "首响达标"},
    {"tk.col.res_median", "resolve median h", "解决中位 h"},
    {"tk.col.res_p90", "resolve p90 h", "解决 P90 h"},
    {"tk.col.res_within", "resolved in std", "按时解决"},
    {"tk.col.open", "open", "未结"},
    {"tk.col.overdue", "overdue", "超时"},
    {"tk.col.repeats", "repeats", "重复"},
    {"tk.col.category", "category", "类别"},
    {"tk.col.share", "share", "占比"},
    {"tk.col.cumulative", "cumulative", "累计"},
    {"tk.col.vital", "vital few", "关键少数"},
    {"tk.col.customers", "customers", "客户"},
    {"tk.col.overall", "overall", "总体满意度"},
    {"tk.col.nps", "NPS", "NPS"},
    {"tk.col.churn", "churn", "流失率"},
    {"tk.col.outcome", "outcome", "指标"},
    {"tk.col.compare", "comparison", "比较"},
    {"tk.col.diff", "difference", "差值"},
    {"tk.col.p", "p", "p"},
    {"tk.col.p_holm", "p (Holm)", "p（Holm）"},
    {"tk.col.d", "Cohen's d", "Cohen's d"},
    {"tk.pareto",
     "The vital few: %s categories make %s of the tickets.",
     "关键少数：%s 个类别占全部工单的 %s。"},
    {"tk.rate",
     "Recovery rate (resolved within the standard and rated at least the "
     "tolerance afterwards): %s %s of %s judged tickets.",
     "补救成功率（在标准时限内解决且事后评分不低于容忍水平）：%s %s，"
     "共判定 %s 张工单。"},
    {"tk.group.recovered", "failure recovered", "失误已补救"},
    {"tk.group.no_failure", "no failure", "未遇失误"},
    {"tk.group.not_recovered", "failure not recovered", "失误未补救"},
    {"tk.paradox",
     "Recovery paradox: customers whose failure was recovered do "
     "significantly better than customers without a failure.",
     "存在服务补救悖论：失误得到补救的客户显著优于未遇失误的客户。"},
    {"tk.no_paradox",
     "No recovery paradox: recovered customers do not do significantly "
     "better than customers without a failure.",
     "未见服务补救悖论：失误得到补救的客户并未显著优于未遇失误的客户。"},
    {"tk.line",
     "Tolerance line: churn is %s for customers whose longest resolution "
     "took more than %s hours, against %s within (adjusted p = %s).",
     "忍耐底线：最长解决时长超过 %2$s 小时的客户流失率为 %1$s，"
     "其余客户为 %3$s（校正后 p = %4$s）。"},
    {"tk.no_line",
     "No significant tolerance line in hours to resolve.",
     "解决时长未见显著的忍耐底线。"},

    /* mot drivers */
    {"drv.title", "Drivers of %s", "%s 的驱动因素"},
    {"drv.logistic",
     "A logistic regression on %1$s of %2$s rows (event \"%3$s\": %4$s rows).",
     "逻辑回归：%2$s 行中的 %1$s 行（事件“%3$s”：%4$s 行）。"},
    {"drv.linear", "A linear regression on %1$s of %2$s rows.",
     "线性回归：%2$s 行中的 %1$s 行。"},
    {"drv.r2.lpm",
     "R² of the linear-probability model %1$s; importance = each driver's part of it (%2$s), with a %3$s interval.",
     "线性概率模型的 R² 为 %1$s；重要性 = 各驱动因素在其中所占的份额（%2$s），区间方法：%3$s。"},
    {"drv.r2.linear",
     "R² of the linear model %1$s; importance = each driver's part of it (%2$s), with a %3$s interval.",
     "线性模型的 R² 为 %1$s；重要性 = 各驱动因素在其中所占的份额（%2$s），区间方法：%3$s。"},
    {"drv.lmg", "LMG / Shapley", "LMG / Shapley 值"},
    {"drv.relative_weights", "relative weights", "相对权重"},
    {"drv.col.driver", "driver", "驱动因素"},
    {"drv.col.importance", "importance", "重要性"},
    {"drv.col.ci", "95% CI", "95% 置信区间"},
    {"drv.col.or", "odds ratio", "优势比"},
    {"drv.col.beta", "beta", "回归系数"},
    {"drv.col.line", "tolerance line", "忍耐底线"},
    {"drv.none", "none", "无"},
    {"drv.level", "%1$s=%2$s (vs %3$s)", "%1$s=%2$s（对照 %3$s）"},
    {"drv.separated", "%s (separated)", "%s（完全分离）"},
    {"drv.notes", "Notes", "说明"},

    /* mot behaviour */
    {"bh.title", "Front-line behaviour (MOT steps)", "一线服务行为（关键时刻步骤）"},
    {"bh.summary.binary", "%s interactions, %s steps scored 0/1 (done well = 1).",
     "互动 %s 次，%s 个步骤按 0/1 评分（做到 = 1）。"},
    {"bh.summary.ratings",
     "%s interactions, %s steps rated 1-5 (done well = 4 or more).",
     "互动 %s 次，%s 个步骤按 1-5 评分（做到 = 4 分及以上）。"},
    {"bh.model",
     "Customer score on the steps: %s interactions, R² %s (LMG shares).",
     "客户评分对各步骤的回归：互动 %s 次，R² %s（LMG 分解）。"},
    {"bh.no_model", "No customer_score model (no scores or too few rows).",
     "无客户评分模型（无评分或数据过少）。"},
    {"bh.key_step", "The step that moves the customer's score most: %s.",
     "对客户评分影响最大的步骤：%s。"},
    {"bh.most_missing",
     "Most often missing before a low score (below %2$s): %1$s, not done in %3$s of low-score interactions vs %4$s of the rest.",
     "低分（低于 %2$s）前最常缺失的步骤：%1$s，低分互动中 %3$s 未做到，其余互动中为 %4$s。"},
    {"bh.h.steps", "Steps", "服务步骤"},
    {"bh.h.staff", "Staff: shrunken shares done well and coaching priority",
     "员工：收缩后的做到率与辅导重点"},
    {"bh.staff",
     "%1$s staff ranked (at least %2$s interactions); * = flagged (%3$s): the priority step is done well significantly more than %4$s points below the overall level.",
     "参与排名员工 %1$s 名（至少 %2$s 次互动）；* 表示需关注（%3$s 名）：辅导重点步骤的做到率显著低于总体水平 %4$s 个百分点以上。"},
    {"bh.h.training", "Training effect (difference-in-differences)",
     "培训效果（双重差分）"},
    {"bh.h.branches", "Branches: shrunken shares done well and coaching priority",
     "网点：收缩后的做到率与辅导重点"},
    {"bh.branches",
     "%1$s branches ranked (at least %2$s interactions); * = flagged (%3$s): the priority step is done well significantly more than %4$s points below the overall level.",
     "参与排名网点 %1$s 个（至少 %2$s 次互动）；* 表示需关注（%3$s 个）：辅导重点步骤的做到率显著低于总体水平 %4$s 个百分点以上。"},
    {"bh.training",
     "Effects are differences-in-differences: the trained staff's change from before to after their training minus the untrained staff's change over the same dates, with 95% intervals; an interval that holds 0 shows no clear effect.",
     "效果为双重差分：已培训员工培训前后的变化减去未培训员工同期的变化，附 95% 置信区间；区间包含 0 表示效果不明确。"},
    {"bh.col.branch", "branch", "网点"},
    {"bh.all_staff", "all staff", "全部员工"},
    {"bh.col.step", "step", "步骤"},
    {"bh.col.done", "done well [95% CI]", "做到率 [95% 置信区间]"},
    {"bh.col.importance", "importance [CI]", "重要性 [置信区间]"},
    {"bh.col.beta", "effect on score [CI]", "对评分的影响 [置信区间]"},
    {"bh.col.missing", "missing: low / rest", "缺失：低分 / 其余"},
    {"bh.col.p", "p (Holm)", "p（Holm）"},
    {"bh.col.p_did", "p", "p"},
    {"bh.col.staff", "staff", "员工"},
    {"bh.col.n", "n", "互动数"},
    {"bh.col.priority", "priority", "辅导重点"},
    {"bh.col.lift", "lift", "预期提升"},
    {"bh.col.group", "group", "组别"},
    {"bh.col.trained", "trained / not", "已培训 / 未培训"},
    {"bh.col.reference", "reference", "参照日期"},
    {"bh.col.did_score", "score effect [CI]", "评分效果 [置信区间]"},
    {"bh.col.did_key", "key step effect [CI]", "关键步骤效果 [置信区间]"},
};

enum { NMESSAGES = sizeof messages / sizeof messages[0] };

const char *mot_tr(mot_lang lang, const char *key)
{
    for (size_t i = 0; i < NMESSAGES; i++)
        if (strcmp(messages[i].key, key) == 0)
            return lang == MOT_LANG_ZH ? messages[i].zh : messages[i].en;
    assert(!"unknown message key");
    return key;
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
    *zh = messages[i].zh;
}
