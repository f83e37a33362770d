/*
** staff.c: the demo's staff, their behaviour and their training.
**
** Every scenario has DEMO_NBRANCH branches of DEMO_STAFF_PER_BRANCH staff;
** staff member s (0-based, id S01..S24) works in branch s / 6. At each
** contact at a QA touchpoint a staff member does step k of the behaviour
** model with a per-mille chance: 780 in general, 650 for the key step,
** 450 for the step most staff skip (weak_step). The odd one out, S10,
** does the weak step 800 times in 1000 but the scenario's odd_step only
** 200. The first three staff of branches 0 and 1 are trained (trained_at
** the scenario's training_day + 0, 1, 2 x training_step, near the median
** time of its QA contacts): after that date, training adds 300 to the key
** step in branch 0 and nothing in branch 1.
**
** Consistency: at QA contacts, S14 (branch 2) scores 1.0 lower and every
** staff member of branch 3 (S19-S24) 0.6 lower than the steps they do
** would give (demo_staff_offset): one staff member and one branch clearly
** below the rest, neither among the trained staff nor S10, so that the
** behaviour and training truths stay as they were.
*/
#include "demo/gen.h"

#define ODD_STAFF 9        /* S10 */
#define TRAINED_PER_BRANCH 3
#define TRAINING_WORKS 0   /* branch where training changes behaviour */
#define TRAINING_IDLE 1    /* branch where it does not */
#define LOW_STAFF 13       /* S14 */
#define LOW_BRANCH 3

static const char *const surnames[DEMO_NSTAFF] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
    "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋"};
static const char *const given[DEMO_NSTAFF] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
    "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晓东",
    "建华"};

/* Seconds since 2026-01-01 when staff s was trained, or -1 if never. */
static long long trained_at(const demo_scenario *sc, unsigned s)
{
    unsigned branch = s / DEMO_STAFF_PER_BRANCH;
    unsigned pos = s % DEMO_STAFF_PER_BRANCH;
    if ((branch != TRAINING_WORKS && branch != TRAINING_IDLE) ||
        pos >= TRAINED_PER_BRANCH)
        return -1;
    return (long long)(sc->training_day + sc->training_step * pos) * 86400;
}

unsigned demo_staff_step(const demo_scenario *sc, unsigned s, unsigned k,
                         long long t)
{
    unsigned p = 780;
    if (k == sc->key_step)
        p = 650;
    if (k == sc->weak_step)
        p = s == ODD_STAFF ? 800 : 450;
    if (s == ODD_STAFF && k == sc->odd_step)
        p = 200;
    long long trained = trained_at(sc, s);
    if (k == sc->key_step && trained >= 0 && t >= trained &&
        s / DEMO_STAFF_PER_BRANCH == TRAINING_WORKS)
        p += 300;
    return p;
}

double demo_staff_offset(unsigned s)
{
    double x = 0;
    if (s == LOW_STAFF)
        x -= 1.0;
    if (s / DEMO_STAFF_PER_BRANCH == LOW_BRANCH)
        x -= 0.6;
    return x;
}

void demo_line_staff(demo_line *l, unsigned s)
{
    demo_line_id(l, "S", s + 1, 2);
}

void demo_staff_rows(demo_gen *g)
{
    demo_line l;
    char name[32];
    for (unsigned s = 0; s < DEMO_NSTAFF; s++) {
        demo_line_start(&l);
        demo_line_staff(&l, s);
        snprintf(name, sizeof name, "%s%s", surnames[s], given[s]);
        demo_line_text(&l, name);
        demo_line_text(&l, g->sc->branch[s / DEMO_STAFF_PER_BRANCH]);
        if (trained_at(g->sc, s) >= 0)
            demo_line_date(&l, trained_at(g->sc, s));
        else
            demo_line_empty(&l);
        demo_file_put(&g->file[DF_STAFF], &l);
    }
}
