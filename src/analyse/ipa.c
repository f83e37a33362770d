/*
** ipa.c: importance-performance analysis (Martilla & James 1977).
**
** Each item has an importance and a performance. A crosshair splits the
** plane into four quadrants:
**     high importance, low performance    concentrate here
**     high importance, high performance   keep up the good work
**     low importance,  low performance    low priority
**     low importance,  high performance   possible overkill
** The crosshair sits at the means of the items' importances and
** performances (the data-centred variant, Bacon 2003) or at a point the
** caller gives (e.g. the scale midpoint). A value equal to the crosshair
** counts as high (METHODS-NOTES 3: with the midpoint 3, an item at
** performance 3.0 is otherwise on the line).
*/
#include <math.h>

#include "mot/survey.h"

const char *mot_ipa_quadrant_name(mot_ipa_quadrant q)
{
    switch (q) {
    case MOT_IPA_CONCENTRATE: return "concentrate_here";
    case MOT_IPA_KEEP_UP: return "keep_up_the_good_work";
    case MOT_IPA_LOW_PRIORITY: return "low_priority";
    case MOT_IPA_OVERKILL: return "possible_overkill";
    case MOT_IPA_NONE: break;
    }
    return "none";
}

/* True when item i has both values. */
static int has_both(const double *importance, const double *performance,
                    size_t i)
{
    return !isnan(importance[i]) && !isnan(performance[i]);
}

mot_status mot_ipa_classify(const double *importance,
                            const double *performance, size_t n,
                            const mot_ipa_options *opt,
                            mot_ipa_quadrant *quadrant, mot_ipa *res,
                            mot_error *err)
{
    double ci = 0, cp = 0;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        quadrant[i] = MOT_IPA_NONE;
        if (has_both(importance, performance, i)) {
            ci += importance[i];
            cp += performance[i];
            used++;
        }
    }
    if (opt && opt->at_point) {
        if (!isfinite(opt->importance) || !isfinite(opt->performance))
            return mot_error_set(err, MOT_EUSAGE, NULL, 0, 0, "the IPA "
                                 "crosshair must be a finite point");
        ci = opt->importance;
        cp = opt->performance;
    } else if (used == 0) {
        return mot_error_set(err, MOT_EDATA, NULL, 0, 0, "no item has both "
                             "an importance and a performance");
    } else {
        ci /= (double)used;
        cp /= (double)used;
    }
    for (size_t i = 0; i < n; i++) {
        if (!has_both(importance, performance, i))
            continue;
        int high_i = importance[i] >= ci, high_p = performance[i] >= cp;
        quadrant[i] = high_i ? (high_p ? MOT_IPA_KEEP_UP : MOT_IPA_CONCENTRATE)
                             : (high_p ? MOT_IPA_OVERKILL
                                       : MOT_IPA_LOW_PRIORITY);
    }
    res->importance = ci;
    res->performance = cp;
    res->at_point = opt ? opt->at_point : 0;
    res->n = used;
    return MOT_OK;
}
