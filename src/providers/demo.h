/*
 * demo.h - the built-in simulated contact centre as a provider (--demo).
 *
 * The simulator answers as the configured source's API would (its view of
 * the same model), and the answers go through that source's own parser, so
 * --demo --provider X exercises everything of X but the socket. A source
 * says how in its struct demo_view (src/providers/<name>/demo.c).
 */
#ifndef WB_DEMO_H
#define WB_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "layout/layout.h"
#include "provider.h"
#include "sim/sim.h"
#include "snapshot.h"

struct demo_view {
	/*
	 * Ask the simulator for what the layouts need, as the source would
	 * ask its server: the view's own state, or NULL with err.
	 */
	void *(*open)(struct sim *sim, const struct config *cfg,
		      const struct layoutset *set, char *err, size_t errsz);
	/* One poll's answer, read by the source's parser; NULL with err. */
	struct snapshot *(*poll)(void *state, struct sim *sim, char *err,
				 size_t errsz);
	void (*close)(void *state);
};

/* The simulator answering as src for everything the layouts show. */
struct provider *demo_open(const struct source *src, const struct config *cfg,
			   const struct layoutset *set, struct errlist *errs);

/* A time of day "HH:MM" as seconds after midnight; false when it is not one. */
bool demo_time_parse(const char *text, double *secs);

/*
 * --list-* with --demo: the simulated centre's teams, services, agents
 * or dispositions, printed as a server's lists are. 0, or 1 with err.
 */
int demo_list(const struct config *cfg, const char *what, FILE *out,
	      char *err, size_t errsz);

#endif
