/*
 * client.h - the Genesys Statistics API v3 as a provider.
 */
#ifndef WB_GENESYS_H
#define WB_GENESYS_H

#include "config.h"
#include "providers/genesys/parse.h"
#include "layout/layout.h"
#include "provider.h"
#include "providers/demo.h"

/* The settings of this source (cfg->source): its options' values. */
struct genesys_settings {
	char *api_key;		/* secret: the x-api-key */
	char **agents;		/* agent object ids: the rows of agent grids */
	size_t nagents;
	char **queues;		/* queue object ids: service rows naming none */
	size_t nqueues;
};

struct provider *genesys_open(const struct config *cfg,
			      const struct layoutset *set,
			      struct errlist *errs);

/*
 * The objects the layouts' rows are: the config's agents and queues, the
 * tenant's object id. Fails (errs) when a grid has no objects to show.
 */
bool genesys_objects_from(const struct config *cfg, const struct layoutset *set,
			  struct genesys_objects *o, struct errlist *errs);

/*
 * --check: the subscription the layouts map to, then the get-statistic-ex
 * body of the statistics peeked beside it, if any (malloc'd JSON).
 */
char *genesys_plan(const struct config *cfg, const struct layoutset *set);

/* The simulated centre answering as this source (demo.c). */
extern const struct demo_view genesys_demo;

#endif
