/*
 * view.h - the simulated contact centre as the Genesys Statistics API v3
 * presents it: the bodies a server of that API would answer, made from the
 * model (src/sim/). Used in process by --demo and over HTTP by wallboard-
 * sim.
 */
#ifndef WB_GENESYS_VIEW_H
#define WB_GENESYS_VIEW_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"

/*
 * How the server treats statistic names, as a deployment's Stat Server
 * would (wallboard-sim's /sim/control sets them; NULL: the catalogue's
 * names only).
 */
struct genesys_view_rules {
	/* {"name": value}: configured, answering value */
	json_t *extra;
	json_t *refuse; /* ["name"]: a subscription or peek naming one is
			 * refused (400) */
	json_t *error;		/* ["name"]: opened, but answered as an error
				 * entry of errors[] for each object */
	/* any name is configured, answering null (--demo) */
	bool any_name;
};

struct sim_gsub;
/*
 * POST /subscriptions: the subscription, or NULL with the 400 answer's
 * message in err.
 */
struct sim_gsub *genesys_view_subscribe(struct sim *s, const char *body,
					size_t len,
					const struct genesys_view_rules *rules,
					char *err, size_t errsz);
void genesys_view_free(struct sim_gsub *g);
const char *genesys_view_id(const struct sim_gsub *g);
/*
 * data.statistics of every (ids NULL) or the listed (comma-separated)
 * statistics.
 */
char *genesys_view_values(struct sim *s, const struct sim_gsub *g,
			  const char *ids);
/*
 * One value: statistic-values/{name}?objectId&objectType (data.statistic);
 * NULL for a name the server does not have (a refused one: with the 400
 * answer's message in err, else a 404).
 */
char *genesys_view_peek(struct sim *s, const char *name, const char *object_id,
			const char *object_type,
			const struct genesys_view_rules *rules, char *err,
			size_t errsz);
/*
 * get-statistic-ex: body {"data":{"statistics":[{name,objectId,objectType}]}}
 * -> data.statistics.
 */
char *genesys_view_peek_ex(struct sim *s, const char *body, size_t len,
			   const struct genesys_view_rules *rules, char *err,
			   size_t errsz);

#endif
