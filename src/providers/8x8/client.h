/*
 * client.h - the 8x8 Contact Center real-time statistics API as a
 * provider.
 */
#ifndef WB_EIGHTBYEIGHT_H
#define WB_EIGHTBYEIGHT_H

#include <stdio.h>

#include "config.h"
#include "layout/layout.h"
#include "provider.h"
#include "providers/demo.h"

/* The settings of this source (cfg->source): its options' values. */
struct eightbyeight_settings {
	char *region;		/* the tenant's region (na1 ... uk), for url */
	char *api_token;	/* secret: the data request token */
};

struct provider *eightbyeight_open(const struct config *cfg,
				   const struct layoutset *set,
				   struct errlist *errs);

/* --check: the requests each poll makes (malloc'd text). */
char *eightbyeight_plan(const struct config *cfg, const struct layoutset *set);

/*
 * --list-agents, --list-services (the queues), --list-teams (the agents'
 * group ids): one a line, "id<TAB>name". 0, or 1 with one line in err.
 */
int eightbyeight_list(const struct config *cfg, const char *what, FILE *out,
		      char *err, size_t errsz);

/* The base URL of a region ("na1" ... "na4", "na7", "ca", "uk"), or NULL. */
const char *eightbyeight_region_url(const char *region);

/* The simulated centre answering as this source (demo.c). */
extern const struct demo_view eightbyeight_demo;

#endif
