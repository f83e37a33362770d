/*
** scenarios.c: the tables of the four demo industries (telecom, rail,
** property, hotel).
**
** Each table lists the blueprint in journey order, stage rows contiguous.
** Rows with reach 0 (backstage, support, physical evidence) appear in
** blueprint.csv but never in events.csv. The role flags say which planted
** truth a touchpoint carries (see demo.c); a touchpoint without a role has
** scores drawn independently of everything else. Score weights per mille:
** PLAIN for unplanted touchpoints (routine moments: 6% of scores below 3),
** NEG gives 24% scores below 3, POS 35% fives, END the journey's closing
** moment. TICKET and QA touchpoints draw their scores from the ticket's SLA
** and the staff's behaviour instead, so their score weights are left zero.
** Rated shares: 25% of routine contacts, 35% at QA touchpoints, 40% at
** NEG, 45% at POS and TICKET, 60% at END (a follow-up survey).
*/
#include <string.h>

#include "mot/demo.h"
#include "demo/scenario.h"

#define MINUTES(x) (x)
#define HOURS(x) ((x) * 60u)
#define DAYS(x) ((x) * 1440u)

#define ONCE {0, 0, 0, 0, 0, 0}
#define NOSCORE {0, 0, 0, 0, 0}
#define PLAIN {15, 45, 190, 420, 330}
#define NEG {120, 120, 160, 300, 300}
#define POS {40, 80, 180, 350, 350}
#define END {50, 100, 200, 350, 300}

const char *const mot_demo_scenarios[] = {"telecom", "rail", "property",
                                          "hotel", NULL};

const char *const demo_sq_dims[DEMO_NDIM] = {
    "tangibles", "reliability", "responsiveness", "assurance", "empathy"};

static const char *const five_steps[] = {"营造氛围", "分析问题", "解决问题",
                                         "总结问题", "完善跟进"};
static const char *const four_steps[] = {"探索", "提议", "行动", "确认"};

/* Column order of a demo_tp row:
** id, name, stage, phase, lane, channel, supports, tolerance, target,
** sla_hours, servqual, kano, owner,
** reach, rated, gap_lo, gap_hi, repeat, wait_median, score, flags,
** sla_miss, ticket categories */

/* ---- telecom ---------------------------------------------------------- */

static const demo_tp telecom_tp[] = {
    {"T01", "线上咨询", "咨询", "expectation", "customer", "digital", "",
     30, 45, 0, "assurance", "", "电子渠道部",
     600, 250, MINUTES(0), MINUTES(60), ONCE, 0, PLAIN, 0, 0, {0}},
    {"T02", "营业厅环境", "办理", "contact", "evidence", "front", "",
     0, 0, 0, "tangibles", "", "营业厅",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"T03", "营业厅办理", "办理", "contact", "frontstage", "front", "",
     30, 45, 0, "responsiveness", "", "营业厅",
     750, 350, DAYS(0), DAYS(3), ONCE, 120, NOSCORE,
     DEMO_QA | DEMO_STAFF, 0, {0}},
    {"T04", "实名审核", "办理", "contact", "backstage", "back", "T03",
     0, 0, 0, "", "", "营业厅后台",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"T05", "号码开通", "开通", "contact", "customer", "digital", "",
     30, 45, 0, "reliability", "", "网络部",
     1000, 250, HOURS(1), HOURS(24), ONCE, 0, PLAIN, 0, 0, {0}},
    {"T06", "首月账单", "账单", "contact", "customer", "digital", "",
     30, 45, 0, "reliability", "账单准确无误", "计费中心",
     1000, 400, DAYS(28), DAYS(33), ONCE, 0, NEG, DEMO_NEG, 0, {0}},
    {"T07", "计费核算", "账单", "contact", "support", "back", "T06",
     0, 0, 0, "", "", "计费中心",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"T08", "网络体验", "使用", "contact", "customer", "digital", "",
     30, 45, 0, "reliability", "网络覆盖与网速", "网络部",
     900, 250, DAYS(5), DAYS(30), ONCE, 0, PLAIN, 0, 0, {0}},
    {"T09", "网络运维", "使用", "contact", "support", "back", "T08",
     0, 0, 0, "", "", "网络部",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"T10", "客服热线", "售后", "contact", "frontstage", "front", "",
     30, 45, 0, "responsiveness", "", "客服中心",
     600, 350, DAYS(2), DAYS(15), {450, 300, 120, 70, 40, 20}, 30, NOSCORE,
     DEMO_TOL | DEMO_QA | DEMO_STAFF, 0, {0}},
    {"T11", "故障报修", "售后", "contact", "frontstage", "front", "",
     30, 45, 48, "responsiveness", "故障当天修复", "装维中心",
     300, 450, DAYS(3), DAYS(20), ONCE, 0, NOSCORE,
     DEMO_TICKET | DEMO_STAFF, 350, {"宽带故障", "信号弱", "设备故障"}},
    {"T12", "工单派发", "售后", "contact", "backstage", "back", "T11",
     0, 0, 0, "", "", "装维中心",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"T13", "投诉处理", "售后", "follow-up", "frontstage", "front", "",
     30, 45, 24, "empathy", "", "客户服务部",
     250, 450, DAYS(1), DAYS(7), ONCE, 0, NOSCORE,
     DEMO_POS | DEMO_TICKET | DEMO_STAFF, 80,
     {"计费争议", "服务态度", "网络质量"}},
    {"T14", "续约回访", "续约", "follow-up", "frontstage", "front", "",
     30, 45, 0, "empathy", "专属客户经理", "客户服务部",
     1000, 600, DAYS(30), DAYS(80), ONCE, 0, END, DEMO_END | DEMO_STAFF,
     0, {0}},
};

static const demo_kano telecom_kano[] = {
    {"账单准确无误", 'M'}, {"网络覆盖与网速", 'O'}, {"故障当天修复", 'O'},
    {"专属客户经理", 'A'}, {"流量惊喜包", 'A'},     {"积分兑换商城", 'I'},
};

/* ---- rail ------------------------------------------------------------- */

static const demo_tp rail_tp[] = {
    {"R01", "出行查询", "购票", "expectation", "customer", "digital", "",
     30, 45, 0, "", "", "客运部",
     700, 250, MINUTES(0), MINUTES(30), ONCE, 0, PLAIN, 0, 0, {0}},
    {"R02", "网上购票", "购票", "contact", "customer", "digital", "",
     30, 45, 0, "reliability", "候补购票成功率", "票务中心",
     1000, 250, MINUTES(5), MINUTES(120), ONCE, 0, PLAIN, 0, 0, {0}},
    {"R03", "改签退款", "购票", "contact", "frontstage", "digital", "",
     30, 45, 72, "responsiveness", "", "票务中心",
     180, 450, HOURS(1), DAYS(3), ONCE, 0, NOSCORE, DEMO_TICKET, 350,
     {"退票退款", "改签差价退款", "候补失败退款"}},
    {"R04", "票务清算", "购票", "contact", "support", "back", "R03",
     0, 0, 0, "", "", "票务中心",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"R05", "车站环境与导向标识", "进站", "contact", "evidence", "front", "",
     0, 0, 0, "tangibles", "", "车站",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"R06", "实名核验进站", "进站", "contact", "frontstage", "front", "",
     30, 45, 0, "assurance", "", "车站",
     1000, 350, DAYS(1), DAYS(14), ONCE, 30, NOSCORE,
     DEMO_QA | DEMO_STAFF, 0, {0}},
    {"R07", "安检", "进站", "contact", "frontstage", "front", "",
     30, 45, 0, "responsiveness", "", "车站",
     1000, 250, MINUTES(1), MINUTES(10), ONCE, 100, PLAIN, DEMO_TOL, 0, {0}},
    {"R08", "候车", "候车", "contact", "customer", "front", "",
     30, 45, 0, "tangibles", "站内免费无线网络", "车站",
     1000, 450, MINUTES(10), MINUTES(60), ONCE, 0, POS, DEMO_POS, 0, {0}},
    {"R09", "检票上车", "候车", "contact", "frontstage", "front", "",
     30, 45, 0, "responsiveness", "", "车站",
     1000, 350, MINUTES(5), MINUTES(40), ONCE, 50, NOSCORE,
     DEMO_QA | DEMO_STAFF, 0, {0}},
    {"R10", "列车服务", "乘车", "contact", "frontstage", "front", "",
     30, 45, 0, "reliability", "列车准点", "客运段",
     1000, 400, MINUTES(10), MINUTES(20), ONCE, 0, NEG,
     DEMO_NEG | DEMO_STAFF, 0, {0}},
    {"R11", "列车调度", "乘车", "contact", "support", "back", "R10",
     0, 0, 0, "", "", "调度所",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"R12", "餐饮服务", "乘车", "contact", "frontstage", "front", "",
     30, 45, 0, "", "", "餐饮公司",
     400, 250, MINUTES(20), MINUTES(120), ONCE, 0, PLAIN, DEMO_STAFF, 0,
     {0}},
    {"R13", "到站出站", "出站", "follow-up", "frontstage", "front", "",
     30, 45, 0, "empathy", "", "车站",
     1000, 600, MINUTES(60), MINUTES(300), ONCE, 0, END,
     DEMO_END | DEMO_STAFF, 0, {0}},
};

static const demo_kano rail_kano[] = {
    {"列车准点", 'M'},       {"候补购票成功率", 'O'}, {"座位充电插座", 'O'},
    {"站内免费无线网络", 'A'}, {"静音车厢", 'A'},     {"车厢纪念品", 'I'},
    {"进站刷脸", 'I'},
};

/* ---- property --------------------------------------------------------- */

static const demo_tp property_tp[] = {
    {"P01", "交付预约", "交付", "expectation", "customer", "digital", "",
     30, 45, 0, "", "", "客服中心",
     800, 250, MINUTES(0), MINUTES(60), ONCE, 0, PLAIN, 0, 0, {0}},
    {"P02", "样板间与公区环境", "交付", "contact", "evidence", "front", "",
     0, 0, 0, "tangibles", "", "工程部",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"P03", "入住交付", "交付", "contact", "frontstage", "front", "",
     30, 45, 0, "reliability", "交付验房陪同", "工程部",
     1000, 400, DAYS(1), DAYS(10), ONCE, 0, NEG, DEMO_NEG | DEMO_STAFF, 0,
     {0}},
    {"P04", "工程整改", "交付", "contact", "backstage", "back", "P03",
     0, 0, 0, "", "", "工程部",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"P05", "装修审批", "装修", "contact", "frontstage", "front", "",
     30, 45, 0, "responsiveness", "", "客服中心",
     700, 250, DAYS(3), DAYS(20), ONCE, 80, PLAIN, DEMO_STAFF, 0, {0}},
    {"P06", "管家服务", "日常服务", "contact", "frontstage", "front", "",
     30, 45, 0, "empathy", "24小时管家响应", "客服中心",
     800, 350, DAYS(2), DAYS(10), {500, 300, 120, 50, 20, 10}, 40, NOSCORE,
     DEMO_QA | DEMO_STAFF, 0, {0}},
    {"P07", "报修", "日常服务", "contact", "frontstage", "front", "",
     30, 45, 48, "responsiveness", "报修及时上门", "工程部",
     450, 450, DAYS(2), DAYS(12), {480, 280, 120, 70, 35, 15}, 0, NOSCORE,
     DEMO_TOL | DEMO_TICKET | DEMO_STAFF, 350,
     {"水电维修", "门窗维修", "公共设施"}},
    {"P08", "维修派工", "日常服务", "contact", "backstage", "back", "P07",
     0, 0, 0, "", "", "工程部",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"P09", "保洁绿化", "日常服务", "contact", "customer", "front", "",
     30, 45, 0, "tangibles", "", "环境部",
     900, 250, DAYS(1), DAYS(10), ONCE, 0, PLAIN, 0, 0, {0}},
    {"P10", "门禁安保", "日常服务", "contact", "frontstage", "front", "",
     30, 45, 0, "assurance", "门禁安全", "安保部",
     900, 250, DAYS(1), DAYS(10), ONCE, 0, PLAIN, DEMO_STAFF, 0, {0}},
    {"P11", "物业缴费", "缴费", "contact", "customer", "digital", "",
     30, 45, 0, "reliability", "线上缴费", "财务部",
     1000, 250, DAYS(3), DAYS(20), ONCE, 0, PLAIN, 0, 0, {0}},
    {"P12", "社区活动", "社区", "contact", "frontstage", "front", "",
     30, 45, 0, "empathy", "社区节日活动", "社区运营部",
     450, 450, DAYS(3), DAYS(25), ONCE, 0, POS, DEMO_POS | DEMO_STAFF, 0,
     {0}},
    {"P13", "投诉处理", "投诉", "follow-up", "frontstage", "front", "",
     30, 45, 24, "empathy", "", "客服中心",
     200, 450, DAYS(1), DAYS(7), ONCE, 0, NOSCORE,
     DEMO_TICKET | DEMO_STAFF, 80, {"噪音扰民", "停车纠纷", "服务态度"}},
    {"P14", "年度回访", "回访", "follow-up", "frontstage", "front", "",
     30, 45, 0, "empathy", "", "客服中心",
     1000, 600, DAYS(15), DAYS(45), ONCE, 0, END, DEMO_END | DEMO_STAFF,
     0, {0}},
};

static const demo_kano property_kano[] = {
    {"门禁安全", 'M'},     {"交付验房陪同", 'M'}, {"报修及时上门", 'O'},
    {"24小时管家响应", 'O'}, {"社区节日活动", 'A'}, {"快递代收", 'A'},
    {"线上缴费", 'I'},     {"小区公告栏", 'I'},
};

/* ---- hotel ------------------------------------------------------------ */

static const demo_tp hotel_tp[] = {
    {"H01", "在线预订", "预订", "expectation", "customer", "digital", "",
     30, 45, 0, "reliability", "免费取消", "预订中心",
     1000, 250, MINUTES(0), MINUTES(30), ONCE, 0, PLAIN, 0, 0, {0}},
    {"H02", "订单确认", "预订", "expectation", "support", "back", "H01",
     0, 0, 0, "", "", "预订中心",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"H03", "酒店外观与大堂", "抵达", "contact", "evidence", "front", "",
     0, 0, 0, "tangibles", "大堂香氛", "前厅部",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"H04", "入住办理", "入住", "contact", "frontstage", "front", "",
     30, 45, 0, "responsiveness", "", "前厅部",
     1000, 350, DAYS(1), DAYS(20), ONCE, 65, NOSCORE,
     DEMO_TOL | DEMO_QA | DEMO_STAFF, 0, {0}},
    {"H05", "客房", "客房", "contact", "customer", "front", "",
     30, 45, 0, "tangibles", "房间干净", "客房部",
     1000, 400, MINUTES(10), MINUTES(40), ONCE, 0, NEG, DEMO_NEG, 0, {0}},
    {"H06", "客房清洁", "客房", "contact", "backstage", "back", "H05",
     0, 0, 0, "", "", "客房部",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
    {"H07", "客房服务", "客房", "contact", "frontstage", "front", "",
     30, 45, 1, "responsiveness", "", "客房部",
     350, 450, HOURS(1), HOURS(10), {700, 200, 70, 30, 0, 0}, 0, NOSCORE,
     DEMO_TICKET | DEMO_STAFF, 350, {"送物", "设施维修", "加床"}},
    {"H08", "早餐", "餐饮", "contact", "frontstage", "front", "",
     30, 45, 0, "assurance", "", "餐饮部",
     700, 450, HOURS(8), HOURS(14), ONCE, 0, POS, DEMO_POS | DEMO_STAFF, 0,
     {0}},
    {"H09", "康体设施", "休闲", "contact", "customer", "front", "",
     30, 45, 0, "tangibles", "", "康乐部",
     300, 250, HOURS(1), HOURS(6), ONCE, 0, PLAIN, 0, 0, {0}},
    {"H10", "礼宾服务", "休闲", "contact", "frontstage", "front", "",
     30, 45, 0, "empathy", "欢迎水果", "前厅部",
     400, 350, HOURS(1), HOURS(8), ONCE, 0, NOSCORE,
     DEMO_QA | DEMO_STAFF, 0, {0}},
    {"H11", "退房结账", "离店", "follow-up", "frontstage", "front", "",
     30, 45, 0, "reliability", "快速退房", "前厅部",
     1000, 600, HOURS(2), DAYS(3), ONCE, 40, END, DEMO_END | DEMO_STAFF, 0,
     {0}},
    {"H12", "账务核对", "离店", "follow-up", "support", "back", "H11",
     0, 0, 0, "", "", "财务部",
     0, 0, 0, 0, ONCE, 0, NOSCORE, 0, 0, {0}},
};

static const demo_kano hotel_kano[] = {
    {"房间干净", 'M'}, {"免费取消", 'M'}, {"床品舒适", 'O'},
    {"快速退房", 'O'}, {"欢迎水果", 'A'}, {"免费升级", 'A'},
    {"大堂香氛", 'I'},
};

static const demo_sq_item hotel_sq[] = {
    {"客房设施", 0}, {"大堂环境", 0},     {"员工仪表", 0},
    {"预订准确", 1}, {"承诺兑现", 1},     {"账单准确", 1},
    {"前台效率", 2}, {"客房服务响应", 2}, {"问题即时处理", 2},
    {"员工专业", 3}, {"入住安全感", 3},   {"礼貌周到", 3},
    {"个性化关怀", 4}, {"记住客人偏好", 4}, {"营业时间便利", 4},
};

/* ---- the scenarios ----------------------------------------------------- */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const demo_scenario scenarios[] = {
    {"telecom", telecom_tp, COUNT(telecom_tp),
     {"个人", "家庭", "政企"}, {600, 300, 100}, {6800, 15800, 88000},
     {"朝阳营业厅", "海淀营业厅", "浦东营业厅", "天河营业厅"},
     five_steps, 5, 2, 4, 0, 59, 14,
     60, 75, 3, 0, {2000, 5000, 10000},
     telecom_kano, COUNT(telecom_kano), NULL, 22, 2},
    {"rail", rail_tp, COUNT(rail_tp),
     {"商务", "家庭", "学生"}, {450, 350, 200}, {320000, 180000, 60000},
     {"北京南站", "上海虹桥站", "广州南站", "成都东站"},
     four_steps, 4, 0, 3, 1, 120, 45,
     320, 100, 0, 150, {1000, 2000, 5000},
     rail_kano, COUNT(rail_kano), NULL, 22, 1},
    {"property", property_tp, COUNT(property_tp),
     {"自住业主", "出租业主", "商铺业主"}, {600, 250, 150},
     {360000, 300000, 1200000},
     {"阳光花园", "翠湖苑", "金桂园", "锦绣华庭"},
     five_steps, 5, 2, 3, 1, 29, 5,
     20, 60, 3, 0, {5000, 10000, 20000},
     property_kano, COUNT(property_kano), NULL, 22, 2},
    {"hotel", hotel_tp, COUNT(hotel_tp),
     {"商务", "家庭", "团队"}, {500, 350, 150}, {480000, 300000, 220000},
     {"北京国贸店", "上海外滩店", "杭州西湖店", "成都春熙店"},
     five_steps, 5, 0, 4, 2, 130, 48,
     330, 250, 0, 100, {5000, 10000, 20000},
     hotel_kano, COUNT(hotel_kano), hotel_sq, COUNT(hotel_sq), 0},
};

const demo_scenario *demo_scenario_find(const char *name)
{
    for (size_t i = 0; i < COUNT(scenarios); i++)
        if (strcmp(scenarios[i].name, name) == 0)
            return &scenarios[i];
    return NULL;
}
