/*
** mot/project.h: a user's project folder, read into typed tables.
**
** A project is a folder of CSV files (DESIGN §2). mot_project_load reads
** every file that is present (but for those the caller's options skip),
** validates each row and the references between files, and keeps the
** data in compact column arrays: ids are interned to uint32_t indexes
** (mot_strtab), scores are floats with NAN for "not rated", times are int64
** Unix seconds with MOT_NO_TIME for "none".
**
** Files: blueprint.csv (required), mot.ini, events.csv, customers.csv,
** kano.csv, servqual.csv, servqual_weights.csv, tickets.csv,
** interactions.csv, staff.csv. Each may also be given gzip-compressed as
** NAME.csv.gz. Columns not named in DESIGN §2 are kept as attribute
** columns (mot_columns): numeric when every non-empty value is a number,
** categorical otherwise.
**
** Events exported by process-mining tools load as they are: case_id or
** case:concept:name stand for customer_id, activity or concept:name for
** touchpoint, timestamp or time:timestamp for time.
**
** Ownership: the caller owns the mot_project and frees it with
** mot_project_free, which frees every table, string and array in it. All
** pointers inside stay valid until then.
*/
#ifndef MOT_PROJECT_H
#define MOT_PROJECT_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"
#include "mot/config.h"
#include "mot/strtab.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "No time": stored where a time field is empty. */
#define MOT_NO_TIME INT64_MIN

typedef enum mot_phase {
    MOT_PHASE_UNSET = 0, MOT_PHASE_EXPECTATION, MOT_PHASE_CONTACT,
    MOT_PHASE_FOLLOW_UP
} mot_phase;

typedef enum mot_lane {
    MOT_LANE_UNSET = 0, MOT_LANE_EVIDENCE, MOT_LANE_CUSTOMER,
    MOT_LANE_FRONTSTAGE, MOT_LANE_BACKSTAGE, MOT_LANE_SUPPORT
} mot_lane;

typedef enum mot_channel {
    MOT_CHANNEL_UNSET = 0, MOT_CHANNEL_FRONT, MOT_CHANNEL_BACK,
    MOT_CHANNEL_DIGITAL
} mot_channel;

/* The five SERVQUAL dimensions of Parasuraman, Zeithaml & Berry (1988). */
typedef enum mot_dimension {
    MOT_DIM_UNSET = -1,
    MOT_DIM_TANGIBLES = 0, MOT_DIM_RELIABILITY, MOT_DIM_RESPONSIVENESS,
    MOT_DIM_ASSURANCE, MOT_DIM_EMPATHY
} mot_dimension;
#define MOT_NDIMENSIONS 5

/* Stable English identifiers ("frontstage", "reliability", ...); the
** *_from_text functions accept those and Chinese names, any case, and
** return *_UNSET (or MOT_DIM_UNSET) for anything else. */
const char *mot_phase_name(mot_phase p);
const char *mot_lane_name(mot_lane l);
const char *mot_channel_name(mot_channel c);
const char *mot_dimension_name(mot_dimension d);
mot_phase mot_phase_from_text(const char *s, size_t len);
mot_lane mot_lane_from_text(const char *s, size_t len);
mot_channel mot_channel_from_text(const char *s, size_t len);
mot_dimension mot_dimension_from_text(const char *s, size_t len);
/* Dimension of standard SERVQUAL item 1..22, MOT_DIM_UNSET otherwise. */
mot_dimension mot_dimension_of_item(long item);

/* ---- attribute columns ---------------------------------------------------- */

typedef struct mot_column {
    char *name;
    int numeric;        /* 1: num is set; 0: code and dict are set */
    double *num;        /* one value per row, NAN where empty */
    uint32_t *code;     /* one index into dict per row, MOT_NONE if empty */
    mot_strtab *dict;
} mot_column;

typedef struct mot_columns {
    mot_column *col;
    size_t n;
} mot_columns;

/* The column named `name`, or NULL. */
const mot_column *mot_columns_find(const mot_columns *c, const char *name);

/* ---- blueprint.csv -------------------------------------------------------- */

typedef struct mot_touchpoint {
    char *id, *name, *stage;
    size_t stage_index;        /* into mot_blueprint.stages */
    mot_phase phase;
    mot_lane lane;
    mot_channel channel;
    long supports;             /* index of the touchpoint served, -1 none */
    double tolerance, target, sla_hours;   /* NAN when not given */
    mot_dimension servqual_dimension;
    char *kano_feature, *owner;            /* NULL when not given */
    unsigned long line;        /* line in blueprint.csv */
} mot_touchpoint;

/* What a per-tier column of blueprint.csv gives: sla_hours_<tier>,
** sla_response_hours_<tier> or tolerance_<tier>. */
typedef enum mot_tier_kind {
    MOT_TIER_SLA = 0, MOT_TIER_SLA_RESPONSE, MOT_TIER_TOLERANCE,
    MOT_TIER_NKINDS
} mot_tier_kind;

/* One per-tier column: the standard of one tier of customers (a value of
** customers.csv's tier column, or a value tier low/mid/high). */
typedef struct mot_tier_column {
    mot_tier_kind kind;
    char *header;              /* the header as the file spells it */
    char *tier;                /* the header after the prefix */
    unsigned long line, column;  /* of the header in blueprint.csv */
    double *value;             /* per touchpoint; NAN when empty */
} mot_tier_column;

typedef struct mot_blueprint {
    mot_touchpoint *tp;        /* in file order */
    size_t n;
    char **stages;             /* in stage order */
    size_t nstages;
    mot_columns attrs;         /* extra columns, one row per touchpoint
                                  (per-tier columns included) */
    mot_tier_column *tiercol;  /* per-tier columns in header order */
    size_t ntiercol;
} mot_blueprint;

/* The value of tier column kind for tier `tier` (matched ignoring case)
** at touchpoint tp; NAN when the blueprint has no such column or the
** cell is empty. tier NULL gives NAN. */
double mot_blueprint_tier_value(const mot_blueprint *b, mot_tier_kind kind,
                                const char *tier, size_t tp);

/* Index of the touchpoint whose id (or, failing that, name) is (s, len);
** -1 if none. */
long mot_blueprint_find(const mot_blueprint *b, const char *s, size_t len);

/* ---- customers.csv -------------------------------------------------------- */

typedef struct mot_customers {
    size_t n;                  /* rows */
    uint32_t *customer;        /* row -> index into project customer_ids */
    float *overall;            /* NAN when empty or no column */
    float *nps;                /* 0..10, NAN when empty */
    int8_t *churned;           /* 0/1, -1 when empty */
    int64_t *churn_time;       /* MOT_NO_TIME when empty */
    uint32_t *segment;         /* into segments, MOT_NONE when empty */
    double *value;             /* NAN when empty */
    mot_strtab *segments;
    int has_overall, has_nps, has_churned, has_churn_time, has_segment,
        has_value;
    mot_columns attrs;
} mot_customers;

/* ---- events.csv ----------------------------------------------------------- */

typedef struct mot_events {
    size_t n;
    uint32_t *customer;        /* into project customer_ids */
    int64_t *time;
    uint32_t *touchpoint;      /* index into the blueprint */
    float *score;              /* NAN when not rated */
    uint32_t *journey;         /* into journeys; NULL when no column */
    uint32_t *staff;           /* into project staff_ids; NULL when none */
    uint32_t *branch;          /* into project branches; NULL when none */
    float *wait_minutes;       /* NULL when no column; NAN when empty */
    float *expected;           /* NULL when no column; NAN when empty */
    uint8_t *channel;          /* mot_channel; NULL when no column */
    mot_strtab *journeys;
    mot_columns attrs;
} mot_events;

/* ---- kano.csv ------------------------------------------------------------- */

typedef struct mot_kano {
    size_t n;
    uint32_t *respondent;      /* into respondents */
    uint32_t *feature;         /* into features */
    uint8_t *functional;       /* 1 like .. 5 dislike */
    uint8_t *dysfunctional;
    float *importance;         /* NULL when no column; NAN when empty */
    uint32_t *segment;         /* NULL when no column */
    int32_t *touchpoint;       /* NULL when no column; -1 when empty */
    mot_strtab *respondents, *features, *segments;
    mot_columns attrs;
} mot_kano;

/* ---- servqual.csv (+ servqual_weights.csv) ------------------------------- */

typedef struct mot_servqual {
    size_t n;
    uint32_t *respondent;      /* into respondents */
    uint32_t *item;            /* into items (the text of the item column) */
    int8_t *dimension;         /* mot_dimension of the row */
    float *expectation, *perception;
    float *adequate, *desired; /* NULL when no column; NAN when empty */
    float *overall;            /* the respondent's overall score (column
                                  config overall_col, default "overall"):
                                  NULL when no column; NAN when empty; the
                                  loader checks that a respondent's
                                  non-empty values are all equal */
    mot_strtab *respondents, *items;
    mot_columns attrs;
    /* servqual_weights.csv: points out of 100 per respondent and dimension */
    size_t nweights;
    uint32_t *w_respondent;    /* into respondents */
    int8_t *w_dimension;
    float *w_points;
} mot_servqual;

/* ---- tickets.csv ---------------------------------------------------------- */

typedef struct mot_tickets {
    size_t n;
    uint32_t *ticket;          /* into ticket_ids */
    uint32_t *customer;        /* into project customer_ids */
    uint32_t *touchpoint;      /* blueprint index */
    int64_t *opened_at, *first_response_at, *resolved_at; /* MOT_NO_TIME */
    uint32_t *category;        /* into categories; NULL when no column */
    float *satisfaction;       /* NULL when no column */
    uint32_t *staff, *branch;  /* project tables; NULL when no column */
    float *compensation;       /* NULL when no column */
    mot_strtab *ticket_ids, *categories;
    mot_columns attrs;
} mot_tickets;

/* ---- interactions.csv and staff.csv -------------------------------------- */

typedef struct mot_interactions {
    size_t n;
    uint32_t *interaction;     /* into interaction_ids (NULL, like
                                  interaction_ids, customer, touchpoint
                                  and branch, with MOT_SKIP_INTERACTION_
                                  DETAIL) */
    uint32_t *staff;           /* project staff_ids */
    int64_t *time;
    size_t nsteps;
    char **step_names;         /* header names of the behaviour steps */
    float **steps;             /* steps[k][row], NAN when empty */
    uint32_t *customer;        /* NULL when no column */
    int32_t *touchpoint;       /* NULL when no column; -1 when empty */
    uint32_t *branch;          /* NULL when no column */
    float *customer_score;     /* NULL when no column */
    mot_strtab *interaction_ids;
} mot_interactions;

typedef struct mot_staff {
    size_t n;
    uint32_t *staff;           /* project staff_ids */
    char **name;               /* NULL entries when empty/no column */
    uint32_t *branch;          /* project branches; NULL when no column */
    int64_t *trained_at;       /* NULL when no column; MOT_NO_TIME empty */
} mot_staff;

/* ---- the project ---------------------------------------------------------- */

/* Which files were found; a table pointer below is NULL when its file was
** absent or not read (see skipped). */
typedef struct mot_project {
    char *dir;
    mot_config config;
    mot_blueprint blueprint;
    mot_customers *customers;
    mot_events *events;
    mot_kano *kano;
    mot_servqual *servqual;
    mot_tickets *tickets;
    mot_interactions *interactions;
    mot_staff *staff;
    mot_strtab *customer_ids;  /* shared by customers, events, tickets ... */
    mot_strtab *staff_ids;
    mot_strtab *branches;
    unsigned skipped;          /* MOT_SKIP_* bits of mot_load_options.skip
                                  that applied: the file is in the folder
                                  but was not read, so its table is NULL
                                  (MOT_SKIP_EVENT_DETAIL, MOT_SKIP_
                                  EVENT_EXTRA, MOT_SKIP_INTERACTION_
                                  DETAIL: the file was read without
                                  those columns) */
} mot_project;

/* What mot_project_load may leave unread (mot_load_options.skip). A file
** or column not read is not checked either: its problems go unreported,
** and the files that name staff are not checked against a skipped
** staff.csv (their staff ids are interned as given). */
#define MOT_SKIP_STAFF        0x1u  /* staff.csv */
#define MOT_SKIP_TICKETS      0x2u  /* tickets.csv */
#define MOT_SKIP_INTERACTIONS 0x4u  /* interactions.csv */
/* Of events.csv read only customer_id, time, touchpoint, score and
** wait_minutes: journey, staff, branch, expected, channel and attribute
** columns stay NULL (empty). */
#define MOT_SKIP_EVENT_DETAIL 0x8u
/* Of interactions.csv read only staff_id, time, customer_score and the
** behaviour steps: interaction, interaction_ids, customer, touchpoint and
** branch stay NULL, and interaction ids are not checked for repeats. */
#define MOT_SKIP_INTERACTION_DETAIL 0x10u
/* Of events.csv leave out journey_id, wait_minutes, channel and the
** attribute columns (they stay NULL, empty): what the tickets and
** consistency analyses (mot_analyse_tickets) do not use; staff_id, branch
** and expected are read (unless MOT_SKIP_EVENT_DETAIL is set too). */
#define MOT_SKIP_EVENT_EXTRA 0x20u
/* Of events.csv leave out journey_id, channel and the attribute columns
** (they stay NULL, empty); what `mot analyze` does not use when it runs the
** tickets part on the same load. */
#define MOT_SKIP_EVENT_JOURNEY 0x40u
/* All that mot_features_derive and mot_analyse do not use (mot_analyse
** reads staff.csv and interactions.csv for its behaviour part). */
#define MOT_SKIP_ANALYSIS (MOT_SKIP_TICKETS | MOT_SKIP_EVENT_DETAIL | \
                           MOT_SKIP_INTERACTION_DETAIL)
/* That, and the files of the behaviour part too: for callers that do not
** show it (peak-end, blueprint). */
#define MOT_SKIP_BEHAVIOUR (MOT_SKIP_TICKETS | MOT_SKIP_EVENT_DETAIL | \
                            MOT_SKIP_STAFF | MOT_SKIP_INTERACTIONS)

typedef struct mot_load_options {
    size_t max_errors;      /* stop collecting after this many (0 = 100) */
    char *summary;          /* if not NULL, receives mot_project_summary of
                               what loaded, also when loading failed (then
                               it counts the rows that had no problem) */
    size_t summary_size;    /* bytes at summary */
    unsigned skip;          /* MOT_SKIP_* bits: what not to read; 0 reads
                               and checks everything */
    unsigned threads;       /* threads to read with, 0 = one per core; with
                               MOT_SKIP_EVENT_DETAIL, or MOT_SKIP_EVENT_
                               EXTRA or MOT_SKIP_EVENT_JOURNEY when
                               staff.csv is read or events.csv has no
                               staff_id, chunks of events.csv are read
                               side by side after customers.csv (same
                               result as one thread) */
} mot_load_options;

/* Read the project in folder `dir`. Every problem found is added to diag
** (which must be initialised; it may hold errors from several files); the
** reading of a file goes on after a bad row so that all of its problems
** are reported, and stops at a syntax error that makes the rest of the
** file unreadable. Returns MOT_OK and a new project in *out when nothing
** was wrong; otherwise *out is NULL and the status is that of the first
** problem (MOT_ENOENT if blueprint.csv or the folder is missing,
** MOT_EDATA for bad data, MOT_ENOMEM, MOT_EIO). opt may be NULL. */
mot_status mot_project_load(mot_project **out, const char *dir,
                            const mot_load_options *opt, mot_diag *diag);

/* Free the project and everything it owns. NULL is a no-op. */
void mot_project_free(mot_project *p);

/* True when folder dir holds base.csv or base.csv.gz (base "tickets",
** say): a file mot_project_load would read. */
int mot_project_has_file(const char *dir, const char *base);

/* Free the parts of a loaded project that the MOT_SKIP_* bits in `what`
** name, leaving p as mot_project_load would have made it with those bits
** added to its skip: MOT_SKIP_TICKETS (tickets.csv's table),
** MOT_SKIP_INTERACTIONS (interactions.csv's), MOT_SKIP_EVENT_DETAIL (the
** events' journey, staff, branch, expected, channel and attribute
** columns), MOT_SKIP_EVENT_EXTRA (journey, wait_minutes, channel,
** attributes) and MOT_SKIP_EVENT_JOURNEY (journey, channel, attributes).
** The bits go to p->skipped where the part was there, and ids that only
** the freed parts named leave the project's id tables (customer_ids,
** staff_ids, branches), whose indexes are renumbered as the load would
** have numbered them (the columns that remain are rewritten to match).
** `mot analyze` uses this to read events.csv once for its tickets part and
** for the analysis, and to free the waits once the features hold them.
** Returns MOT_OK; MOT_EUSAGE (p unchanged) for any other bit; MOT_ENOMEM
** if renumbering needs memory it cannot get: the parts are freed and each
** id table is renumbered or left as it was, its columns matching it, but
** ids no table refers to may remain. */
mot_status mot_project_drop(mot_project *p, unsigned what);

/* Read one KANO answer file at `path` on its own (any name; gzip too),
** with the checks mot_project_load makes of kano.csv; problems name the
** file as `path` gives it. There is no blueprint, so a touchpoint column is
** not checked: it is kept as text, the categorical attribute column
** "touchpoint" (k->touchpoint stays NULL). Returns MOT_OK and a new table
** in *out when nothing was wrong; otherwise *out is NULL and the status is
** the first problem's (MOT_ENOENT for a missing file, MOT_EDATA, MOT_EIO,
** MOT_ENOMEM), every problem being in diag. opt may be NULL; only its
** max_errors is used. The caller frees *out with mot_kano_free. */
mot_status mot_kano_load_file(mot_kano **out, const char *path,
                              const mot_load_options *opt, mot_diag *diag);

/* Read one SERVQUAL answer file at `path` and, when weights_path is not
** NULL, its dimension weights (the format of servqual_weights.csv) at
** weights_path, with the checks mot_project_load makes of those files.
** Returns like mot_kano_load_file; the caller frees *out with
** mot_servqual_free. */
mot_status mot_servqual_load_file(mot_servqual **out, const char *path,
                                  const char *weights_path,
                                  const mot_load_options *opt,
                                  mot_diag *diag);

/* Free a table read by the functions above; NULL is a no-op. */
void mot_kano_free(mot_kano *k);
void mot_servqual_free(mot_servqual *s);

/* One line of counts: "customers 1000, events 23456, touchpoints 12, ...",
** with "tickets not read" (and so on) for a file skipped, written into buf
** (size n); returns snprintf's result. */
int mot_project_summary(const mot_project *p, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif /* MOT_PROJECT_H */
