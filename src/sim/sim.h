/*
 * sim.h - a simulated contact centre that evolves in time from a seed.
 *
 * The model (agents, services, calls, chat) knows nothing of any vendor's
 * API; the views (sim_statsapi_*) present it the way a statistics server
 * would. The same model serves --demo in process and wallboard-sim over
 * HTTP, so the demo board runs the production parse path.
 */
#ifndef WB_SIM_H
#define WB_SIM_H

#include <stdbool.h>
#include <stddef.h>

struct sim;
struct sim_sub;

struct sim_options {
	unsigned seed;		/* same seed, same day */
	double time_scale;	/* simulated seconds per real second (1 = real time) */
	double start_of_day;	/* simulated clock at start, seconds after midnight */
	int agents;		/* number of agents (0 = default 48) */
	int services;		/* number of services (0 = default 10) */
	int messages;		/* chat messages kept (0 = default 40) */
};

void sim_options_default(struct sim_options *o);
struct sim *sim_new(const struct sim_options *o);
void sim_free(struct sim *s);

/* Move the simulation to real time now (now_mono() seconds). */
void sim_advance(struct sim *s, double now);
/* Step the simulation by dt simulated seconds (tests, benchmarks). */
void sim_step(struct sim *s, double dt);
/* Simulated seconds since midnight. */
double sim_clock(const struct sim *s);

/* --- the Bright Pattern statsapi view (src/sim/statsapi.c) --- */

/*
 * Parse a subscription body in either dialect. On success returns a
 * subscription; on a malformed one returns NULL with a message for the
 * 400 answer's error_message in err.
 */
struct sim_sub *sim_statsapi_subscribe(struct sim *s, const char *body,
				       size_t len, char *err, size_t errsz);
void sim_sub_free(struct sim_sub *sub);
/*
 * Limits of sim_statsapi_subscribe: more columns in one grid, or more grids
 * in one subscription, are refused as too large (default 64 and 64).
 */
void sim_statsapi_limits(struct sim *s, int max_columns, int max_grids);
/* The data body for a subscription, shaped after it (malloc'd JSON). */
char *sim_statsapi_data(struct sim *s, const struct sim_sub *sub);
/* GET /statsapi/cfg/... bodies (malloc'd JSON). what: "teams", "services",
 * "agents", "dispositions". NULL for an unknown what. */
char *sim_statsapi_cfg(struct sim *s, const char *what);
/* check_available_agents: -1 unknown service, 0 none ready, 1 some ready. */
int sim_service_available(struct sim *s, const char *service);

/* --- the 8x8 real-time statistics view (src/sim/eightbyeight.c) --- */

/* 8x8: GET /api/rtstats/stats/agents.json (id NULL) or /agent/{id}.json; NULL for an unknown id. */
char *sim_8x8_agents(struct sim *s, const char *id);
char *sim_8x8_queues(struct sim *s, const char *id);	/* queues.json, queue/{id}.json */

/* --- the Genesys Statistics API v3 view (src/sim/genesys.c) --- */

struct sim_gsub;
struct sim_gsub *sim_genesys_subscribe(struct sim *s, const char *body, size_t len, char *err, size_t errsz);
void sim_gsub_free(struct sim_gsub *g);
const char *sim_gsub_id(const struct sim_gsub *g);
/* data.statistics of every (ids NULL) or the listed (comma-separated) statistics. */
char *sim_genesys_values(struct sim *s, const struct sim_gsub *g, const char *ids);
/* One value: statistic-values/{name}?objectId&objectType (data.statistic), NULL when unknown. */
char *sim_genesys_peek(struct sim *s, const char *name, const char *object_id, const char *object_type);
/* get-statistic-ex: body {"data":{"statistics":[{name,objectId,objectType}]}} -> data.statistics. */
char *sim_genesys_peek_ex(struct sim *s, const char *body, size_t len, char *err, size_t errsz);

/* --- object lists (src/sim/eightbyeight.c) --- */

/* Object ids: "agents" (login ids), "queues" (service names), one per line (malloc'd). */
char *sim_object_list(struct sim *s, const char *what);

#endif
