/*
** tickets_int.h: what tickets.c and recovery.c share (not public): the
** per-ticket table both read and the recovery step.
*/
#ifndef MOT_ANALYSE_TICKETS_INT_H
#define MOT_ANALYSE_TICKETS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "mot/tickets.h"
#include "mot/stats.h"
#include "mot/segments.h"

/* Per ticket (row of tickets.csv): hours to first response and to
** resolution (NAN when not yet), age at the end of the data, whether it
** is within the standard (1), missed it (0) or is not judged (-1), and
** whether it is a repeat (docs/methods.md 26). */
typedef struct mot_tk_table {
    double *response_h, *resolution_h, *age_h;
    int8_t *response_ok, *resolution_ok;
    uint8_t *repeat;
    uint8_t *response_tier, *resolution_tier;  /* 1: judged by the
                                                  ticket's tier's standard */
    uint32_t *tier;        /* per ticket: index into tiers, or MOT_NONE */
    mot_tiers *tiers;      /* NULL when the blueprint has no per-tier
                              columns; owned */
} mot_tk_table;

/* Append a plain-English note to r (printf-formatted). MOT_ENOMEM. */
mot_status mot_tk_note(mot_tickets_result *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* s = within / judged with its Wilson interval at level (NAN when
** judged = 0). */
void mot_tk_share_fill(mot_tk_share *s, size_t within, size_t judged,
                       double level);

/* Fill r->recovery from the tickets of p judged in t (recovery.c).
** MOT_ENOMEM; MOT_EDATA from a scan (err says why). */
mot_status mot_tk_recovery_run(const mot_project *p, const mot_tk_table *t,
                               const mot_tickets_options *o,
                               mot_tickets_result *r, mot_error *err);

#endif /* MOT_ANALYSE_TICKETS_INT_H */
