/*
 * sim.h - a simulated contact centre that evolves in time from a seed.
 *
 * The model (agents, services, calls, chat) knows nothing of any vendor's
 * API; the views (src/providers/<name>/view.c) present it the way each
 * statistics server would. The same model serves --demo in process and
 * wallboard-sim over HTTP, so the demo board runs the production parse path.
 */
#ifndef WB_SIM_H
#define WB_SIM_H

#include <stdbool.h>
#include <stddef.h>

struct sim;

struct sim_options {
	unsigned seed;		/* same seed, same day */
	/* simulated seconds per real second (1 = real time) */
	double time_scale;
	/* simulated clock at start, seconds after midnight */
	double start_of_day;
	int agents;		/* number of agents (0 = default 48) */
	int services;		/* number of services (0 = default 10) */
	int messages;		/* chat messages kept (0 = default 40) */
	/*
	 * Demand in waves of a few minutes over the day's: each service's
	 * arrivals swing by this share of its rate around it (0 = none;
	 * --demo's lively room), so queues build past what the agents can
	 * take and drain again. The waves start at start_of_day with the
	 * first services' rising, and reach the others in turn.
	 */
	double surge;
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

/*
 * Speak as another server would: state is "ready", "not_ready", "busy",
 * "after_call_work" or "logged_out", word what to send for it (NULL: the
 * view's own word). False for an unknown state.
 */
bool sim_set_state_text(struct sim *s, const char *state, const char *word);
/* Shares as fractions (1), as percent (100), or as the catalogue says (0). */
void sim_set_share_scale(struct sim *s, double scale);
/* Every state word and the share scale back to the view's own. */
void sim_vocabulary_reset(struct sim *s);

/*
 * Pin service (a name or an id) at waiting calls and a longest wait of
 * longest seconds (either NAN: as the model has it), in every figure a
 * view reads, until sim_pins_reset. False for an unknown service.
 */
bool sim_pin_service(struct sim *s, const char *service, double waiting,
		     double longest);
/* Call service (a name or an id) name from now on; false when unknown. */
bool sim_rename_service(struct sim *s, const char *service, const char *name);
/* Every pin gone and every service called as it was built. */
void sim_pins_reset(struct sim *s);

/* --- object lists (names.c) --- */

/*
 * Object ids: "agents" (login ids), "queues" (service names), one per line
 * (malloc'd).
 */
char *sim_object_list(struct sim *s, const char *what);

/*
 * The model's objects as a server's configuration lists them (--list-*
 * with --demo): "teams", "services", "agents" (id and name) and
 * "dispositions" (name); the count, or -1 for another what. Free with
 * cfg_items_free.
 */
struct cfg_item;
long sim_cfg_list(struct sim *s, const char *what, struct cfg_item **out);

#endif
