/*
 * view.h - the simulated contact centre as the Genesys Statistics API v3
 * presents it: the bodies a server of that API would answer, made from the
 * model (src/sim/). Used in process by --demo and over HTTP by wallboard-
 * sim.
 */
#ifndef WB_GENESYS_VIEW_H
#define WB_GENESYS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"

struct sim_gsub;
struct sim_gsub *genesys_view_subscribe(struct sim *s, const char *body, size_t len, char *err, size_t errsz);
void genesys_view_free(struct sim_gsub *g);
const char *genesys_view_id(const struct sim_gsub *g);
/* data.statistics of every (ids NULL) or the listed (comma-separated) statistics. */
char *genesys_view_values(struct sim *s, const struct sim_gsub *g, const char *ids);
/* One value: statistic-values/{name}?objectId&objectType (data.statistic), NULL when unknown. */
char *genesys_view_peek(struct sim *s, const char *name, const char *object_id, const char *object_type);
/* get-statistic-ex: body {"data":{"statistics":[{name,objectId,objectType}]}} -> data.statistics. */
char *genesys_view_peek_ex(struct sim *s, const char *body, size_t len, char *err, size_t errsz);

#endif
