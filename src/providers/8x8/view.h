/*
 * view.h - the simulated contact centre as the 8x8 real-time statistics
 * API presents it: the bodies a server of that API would answer, made from
 * the model (src/sim/). Used in process by --demo and over HTTP by
 * wallboard-sim.
 */
#ifndef WB_EIGHTBYEIGHT_VIEW_H
#define WB_EIGHTBYEIGHT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"

/*
 * 8x8: GET /api/rtstats/stats/agents.json (id NULL) or /agent/{id}.json; NULL
 * for an unknown id.
 */
char *eightbyeight_view_agents(struct sim *s, const char *id);
/* queues.json, queue/{id}.json */
char *eightbyeight_view_queues(struct sim *s, const char *id);

#endif
