/*
 * client.h - the Bright Pattern Real-Time Statistics API as a provider,
 * and the one-shot configuration lists (--list-teams and friends).
 */
#ifndef WB_STATSAPI_H
#define WB_STATSAPI_H

#include <stdio.h>

#include "config.h"
#include "layout/layout.h"
#include "provider.h"
#include "providers/demo.h"

/* The settings of this source (cfg->source): its options' values. */
struct brightpattern_settings {
	int dialect;		/* enum api_dialect */
};

struct provider *brightpattern_open(const struct config *cfg,
			       const struct layoutset *set,
			       struct errlist *errs);

/*
 * --check: the subscription body, after warning (on stderr) of panels
 * whose team or service selections the documented dialect cannot send.
 */
char *brightpattern_plan(const struct config *cfg, const struct layoutset *set);

/*
 * Log in, GET /statsapi/cfg/<what> ("teams", "services", "agents",
 * "dispositions") and print one entry a line ("id<TAB>name", or the name).
 * Returns 0, or 1 with one clear line in err.
 */
int brightpattern_list(const struct config *cfg, const char *what, FILE *out,
		  char *err, size_t errsz);

/* The simulated centre answering as this source (demo.c). */
extern const struct demo_view brightpattern_demo;

#endif
