/*
** mot/config.h: a project's settings, read from its optional mot.ini.
**
** The file is INI: `[section]` headers, `key = value` lines, comments from
** `;` or `#` at the start of a line, blank lines. Keys and sections are
** ASCII and case-insensitive; values are trimmed UTF-8. Known settings:
**
**   [scale]    min, max, neutral   the score scale (default 1, 5, 3;
**                                  neutral defaults to the middle)
**   [outcomes] overall, nps, churn, churn_time
**                                  customers.csv column names of the
**                                  outcomes (default overall, nps,
**                                  churned, churn_time)
**   [report]   lang                en or zh (default: unset)
**   [stages]   order               comma-separated stage names: the stage
**                                  order, when blueprint rows do not give it
**
** An unknown section or key, a malformed line or a bad value is an error
** naming mot.ini:line:column (column = 1-based byte column on the line).
*/
#ifndef MOT_CONFIG_H
#define MOT_CONFIG_H

#include <stddef.h>
#include "mot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mot_scale {
    double min, max, neutral;
} mot_scale;

typedef struct mot_config {
    mot_scale scale;
    char *overall_col, *nps_col, *churn_col, *churn_time_col; /* never NULL */
    char lang[8];            /* "en", "zh" or "" when not set */
    char **stage_order;      /* NULL when not set */
    size_t nstage_order;
} mot_config;

/* Fill *cfg with the defaults. Returns MOT_ENOMEM if a malloc fails. */
mot_status mot_config_init(mot_config *cfg);

/* Read settings from the INI text (data, len) named `name` into *cfg,
** which must have been initialised. On error *cfg keeps every valid
** setting (a bad value leaves its setting, a bad scale the whole scale, as
** it was); every error is added to diag (may be NULL) and the
** first is also returned in *err (may be NULL). Returns MOT_OK, MOT_EDATA
** or MOT_ENOMEM. */
mot_status mot_config_parse(mot_config *cfg, const char *name,
                            const char *data, size_t len,
                            mot_error *err, mot_diag *diag);

/* Read the file at path (see mot_config_parse). A missing file is
** MOT_ENOENT and leaves *cfg unchanged; it fills *err but is not added to
** diag (mot.ini is optional). Errors name the file as given in path. */
mot_status mot_config_load(mot_config *cfg, const char *path,
                           mot_error *err, mot_diag *diag);

/* Free what *cfg owns. */
void mot_config_free(mot_config *cfg);

#ifdef __cplusplus
}
#endif
#endif /* MOT_CONFIG_H */
