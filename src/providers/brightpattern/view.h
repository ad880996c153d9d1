/*
 * view.h - the simulated contact centre as the Bright Pattern Real-Time
 * Statistics API presents it: the bodies a server of that API would
 * answer, made from the model (src/sim/). Used in process by --demo and
 * over HTTP by wallboard-sim.
 */
#ifndef WB_BRIGHTPATTERN_VIEW_H
#define WB_BRIGHTPATTERN_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"

struct sim_sub;
/*
 * Parse a subscription body in either dialect. On success returns a
 * subscription; on a malformed one returns NULL with a message for the
 * 400 answer's error_message in err.
 */
struct sim_sub *brightpattern_view_subscribe(struct sim *s, const char *body,
				       size_t len, char *err, size_t errsz);
void brightpattern_view_free(struct sim_sub *sub);
/*
 * True when a subscription body uses only the words the text documents
 * (stat_name, order_by, filter_by...; not the collection's statName,
 * order, team_ids...); else false with "unknown field "X"" in err. A
 * body that is no JSON object passes: the subscription's parse says why.
 */
bool brightpattern_view_documented(const char *body, size_t len, char *err,
				   size_t errsz);
/*
 * Limits of brightpattern_view_subscribe: more columns in one grid, or more
 * grids in one subscription, are refused as too large (default 64 and 64).
 */
void brightpattern_view_limits(struct sim *s, int max_columns, int max_grids);
/* The data body for a subscription, shaped after it (malloc'd JSON). */
char *brightpattern_view_data(struct sim *s, const struct sim_sub *sub);
/* GET /statsapi/cfg/... bodies (malloc'd JSON). what: "teams", "services",
 * "agents", "dispositions". NULL for an unknown what. */
char *brightpattern_view_cfg(struct sim *s, const char *what);
/* check_available_agents: -1 unknown service, 0 none ready, 1 some ready. */
int brightpattern_view_available(struct sim *s, const char *service);

#endif
