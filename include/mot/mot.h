/*
** mot/mot.h: the umbrella header of libmot.
**
** libmot finds and manages the moments of truth of a service. Data flows
** one way: read (CSV and config into typed tables) -> derive (per-customer
** features) -> analyse (statistics on tables) -> report. Include this
** header to get the whole public API; each module also has its own header.
**
** Conventions for the whole API (stated once, here):
**
**  - Errors: fallible functions return a mot_status, MOT_OK (0) or a
**    negative code (mot_strerror gives its text); when given a mot_error
**    they fill it with file, line, column and a message. The library never
**    prints and never exits.
**  - Ownership: an object made by mot_X_new / mot_X_open / mot_X_load is
**    owned by the caller and freed with the matching mot_X_free, which
**    accepts NULL. Pointers a function returns into an object (strings,
**    arrays, fields) are borrowed: they belong to the object and stay valid
**    until it is freed or, where a header says so, until the next call on
**    it. Strings passed in are copied when kept.
**  - On failure, outputs are left NULL/unchanged and nothing is leaked.
*/
#ifndef MOT_MOT_H
#define MOT_MOT_H

#include "mot/error.h"
#include "mot/strtab.h"
#include "mot/parse.h"
#include "mot/csv.h"
#include "mot/config.h"
#include "mot/project.h"
#include "mot/demo.h"
#include "mot/stats.h"
#include "mot/survey.h"
#include "mot/wide.h"
#include "mot/drivers.h"
#include "mot/derive.h"
#include "mot/journeys.h"
#include "mot/segments.h"
#include "mot/analyse.h"
#include "mot/tickets.h"
#include "mot/consistency.h"
#include "mot/behaviour.h"
#include "mot/svg.h"
#include "mot/blueprint_svg.h"
#include "mot/charts.h"
#include "mot/report.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MOT_VERSION_MAJOR 0
#define MOT_VERSION_MINOR 1
#define MOT_VERSION_PATCH 0
#define MOT_VERSION_STRING "0.1.0"

/* The library's version string, e.g. "0.1.0". */
const char *mot_version(void);

#ifdef __cplusplus
}
#endif
#endif /* MOT_MOT_H */
