/*
** vocab.c: the blueprint's controlled vocabulary, as names and from text.
**
** Each enumeration (phase, lane, channel, SERVQUAL dimension) has one
** stable English name, used in JSON and never translated, and a table of
** the words people write for it in spreadsheets: the name itself, common
** English variants and Chinese. Words are compared loosely (ASCII case,
** spaces, hyphens and underscores do not matter; see mot_text_loose_eq),
** so "Follow_up", "follow up" and "FOLLOWUP" are all the follow-up phase.
**
** SERVQUAL items 1..22 map to dimensions as in Parasuraman, Zeithaml and
** Berry (1988): 1-4 tangibles, 5-9 reliability, 10-13 responsiveness,
** 14-17 assurance, 18-22 empathy.
*/
#include <stddef.h>

#include "mot/project.h"
#include "read/textutil.h"

typedef struct vocab_word {
    const char *word;
    int value;
} vocab_word;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The value of the first word equal to (s, len), or none. */
static int lookup(const vocab_word *words, size_t n, const char *s,
                  size_t len, int none)
{
    for (size_t i = 0; i < n; i++)
        if (mot_text_loose_eq(s, len, words[i].word))
            return words[i].value;
    return none;
}

/* ---- phases ------------------------------------------------------------- */

static const vocab_word phase_words[] = {
    {"expectation", MOT_PHASE_EXPECTATION},
    {"预期", MOT_PHASE_EXPECTATION},
    {"期望", MOT_PHASE_EXPECTATION},
    {"contact", MOT_PHASE_CONTACT},
    {"接触", MOT_PHASE_CONTACT},
    {"服务中", MOT_PHASE_CONTACT},
    {"follow-up", MOT_PHASE_FOLLOW_UP},   /* also follow_up, followup */
    {"跟进", MOT_PHASE_FOLLOW_UP},
    {"后续", MOT_PHASE_FOLLOW_UP},
};

/* "" for MOT_PHASE_UNSET or any value outside the enumeration. */
const char *mot_phase_name(mot_phase p)
{
    switch (p) {
    case MOT_PHASE_EXPECTATION: return "expectation";
    case MOT_PHASE_CONTACT: return "contact";
    case MOT_PHASE_FOLLOW_UP: return "follow-up";
    case MOT_PHASE_UNSET: break;
    }
    return "";
}

mot_phase mot_phase_from_text(const char *s, size_t len)
{
    return (mot_phase)lookup(phase_words, COUNT(phase_words), s, len,
                             MOT_PHASE_UNSET);
}

/* ---- lanes (Bitner, Ostrom & Morgan 2008) -------------------------------- */

static const vocab_word lane_words[] = {
    {"evidence", MOT_LANE_EVIDENCE},
    {"physical evidence", MOT_LANE_EVIDENCE},
    {"有形展示", MOT_LANE_EVIDENCE},
    {"实体证据", MOT_LANE_EVIDENCE},
    {"customer", MOT_LANE_CUSTOMER},
    {"customer actions", MOT_LANE_CUSTOMER},
    {"顾客行为", MOT_LANE_CUSTOMER},
    {"客户行为", MOT_LANE_CUSTOMER},
    {"顾客", MOT_LANE_CUSTOMER},
    {"frontstage", MOT_LANE_FRONTSTAGE},
    {"onstage", MOT_LANE_FRONTSTAGE},
    {"前台", MOT_LANE_FRONTSTAGE},
    {"backstage", MOT_LANE_BACKSTAGE},
    {"后台", MOT_LANE_BACKSTAGE},
    {"support", MOT_LANE_SUPPORT},
    {"support processes", MOT_LANE_SUPPORT},
    {"支持", MOT_LANE_SUPPORT},
    {"支持过程", MOT_LANE_SUPPORT},
};

/* "" for MOT_LANE_UNSET or any value outside the enumeration. */
const char *mot_lane_name(mot_lane l)
{
    switch (l) {
    case MOT_LANE_EVIDENCE: return "evidence";
    case MOT_LANE_CUSTOMER: return "customer";
    case MOT_LANE_FRONTSTAGE: return "frontstage";
    case MOT_LANE_BACKSTAGE: return "backstage";
    case MOT_LANE_SUPPORT: return "support";
    case MOT_LANE_UNSET: break;
    }
    return "";
}

mot_lane mot_lane_from_text(const char *s, size_t len)
{
    return (mot_lane)lookup(lane_words, COUNT(lane_words), s, len,
                            MOT_LANE_UNSET);
}

/* ---- channels ------------------------------------------------------------ */

static const vocab_word channel_words[] = {
    {"front", MOT_CHANNEL_FRONT},
    {"offline", MOT_CHANNEL_FRONT},
    {"线下", MOT_CHANNEL_FRONT},
    {"前台", MOT_CHANNEL_FRONT},
    {"back", MOT_CHANNEL_BACK},
    {"后台", MOT_CHANNEL_BACK},
    {"digital", MOT_CHANNEL_DIGITAL},
    {"online", MOT_CHANNEL_DIGITAL},
    {"线上", MOT_CHANNEL_DIGITAL},
    {"数字", MOT_CHANNEL_DIGITAL},
};

/* "" for MOT_CHANNEL_UNSET or any value outside the enumeration. */
const char *mot_channel_name(mot_channel c)
{
    switch (c) {
    case MOT_CHANNEL_FRONT: return "front";
    case MOT_CHANNEL_BACK: return "back";
    case MOT_CHANNEL_DIGITAL: return "digital";
    case MOT_CHANNEL_UNSET: break;
    }
    return "";
}

mot_channel mot_channel_from_text(const char *s, size_t len)
{
    return (mot_channel)lookup(channel_words, COUNT(channel_words), s, len,
                               MOT_CHANNEL_UNSET);
}

/* ---- SERVQUAL dimensions -------------------------------------------------- */

static const vocab_word dimension_words[] = {
    {"tangibles", MOT_DIM_TANGIBLES},
    {"有形性", MOT_DIM_TANGIBLES},
    {"reliability", MOT_DIM_RELIABILITY},
    {"可靠性", MOT_DIM_RELIABILITY},
    {"responsiveness", MOT_DIM_RESPONSIVENESS},
    {"响应性", MOT_DIM_RESPONSIVENESS},
    {"assurance", MOT_DIM_ASSURANCE},
    {"保证性", MOT_DIM_ASSURANCE},
    {"empathy", MOT_DIM_EMPATHY},
    {"移情性", MOT_DIM_EMPATHY},
    {"关怀性", MOT_DIM_EMPATHY},
};

/* "" for MOT_DIM_UNSET or any value outside the enumeration. */
const char *mot_dimension_name(mot_dimension d)
{
    switch (d) {
    case MOT_DIM_TANGIBLES: return "tangibles";
    case MOT_DIM_RELIABILITY: return "reliability";
    case MOT_DIM_RESPONSIVENESS: return "responsiveness";
    case MOT_DIM_ASSURANCE: return "assurance";
    case MOT_DIM_EMPATHY: return "empathy";
    case MOT_DIM_UNSET: break;
    }
    return "";
}

mot_dimension mot_dimension_from_text(const char *s, size_t len)
{
    return (mot_dimension)lookup(dimension_words, COUNT(dimension_words), s,
                                 len, MOT_DIM_UNSET);
}

mot_dimension mot_dimension_of_item(long item)
{
    /* The last item of each dimension, in dimension order. */
    static const long last_item[MOT_NDIMENSIONS] = {4, 9, 13, 17, 22};
    if (item < 1)
        return MOT_DIM_UNSET;
    for (int d = 0; d < MOT_NDIMENSIONS; d++)
        if (item <= last_item[d])
            return (mot_dimension)d;
    return MOT_DIM_UNSET;
}
