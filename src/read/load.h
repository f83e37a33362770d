/*
** load.h: the loaders of the project's files, called by mot_project_load
** in this order: blueprint, staff, customers, events, kano, servqual
** (with servqual_weights), tickets, interactions.
**
** Each loader reads its file if it is in the folder, stores a table in
** ld->p (attached before it is filled, so that mot_project_free frees it
** whatever happens) and reports every problem to the load. It returns
** MOT_DONE when the file is absent, MOT_OK when it was read (problems or
** not: they are in ld->status), or a failure that stopped it.
*/
#ifndef MOT_READ_LOAD_H
#define MOT_READ_LOAD_H

#include "mot/project.h"
#include "read/table.h"

mot_status mot_load_blueprint(mot_load *ld);
mot_status mot_load_staff(mot_load *ld);
mot_status mot_load_customers(mot_load *ld);
mot_status mot_load_events(mot_load *ld);
mot_status mot_load_kano(mot_load *ld);

/* Load customers.csv and then events.csv, as mot_load_customers and
** mot_load_events one after the other would (events.csv not read when the
** load stops after customers.csv), with the same tables, ids and reported
** problems. When the load reads no event detail (MOT_SKIP_EVENT_DETAIL),
** ld->threads allows more than one, and events.csv is a plain UTF-8 file
** of at least two chunks (chunks.h), customers.csv is read while the
** other threads count the chunks' rows, then the chunks are read side by
** side straight into the events' arrays (events.c) and put together in the
** order of the file, new customer ids interned in the order a single
** reader meets them. If any chunk has a problem, events.csv is read again
** in one piece, which reports it. Returns MOT_OK. */
mot_status mot_load_customers_events(mot_load *ld);
mot_status mot_load_servqual(mot_load *ld);
mot_status mot_load_tickets(mot_load *ld);
mot_status mot_load_interactions(mot_load *ld);

/* Read the file at path as kano.csv, and the files at path and (unless
** NULL) weights_path as servqual.csv and servqual_weights.csv, into ld->p,
** which has no blueprint: a touchpoint column of kano.csv is kept as an
** attribute column. Return like the loaders above (never MOT_DONE: a
** missing file is reported). */
mot_status mot_load_kano_file(mot_load *ld, const char *path);
mot_status mot_load_servqual_files(mot_load *ld, const char *path,
                                   const char *weights_path);

/* Free a table and all it owns; NULL is a no-op. (mot_kano_free and
** mot_servqual_free are public: mot/project.h.) */
void mot_blueprint_free(mot_blueprint *b);
void mot_staff_free(mot_staff *s);
void mot_customers_free(mot_customers *c);
void mot_events_free(mot_events *e);
void mot_tickets_free(mot_tickets *t);
void mot_interactions_free(mot_interactions *x);

#endif /* MOT_READ_LOAD_H */
