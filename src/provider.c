/*
 * provider.c - choosing a data source by name.
 */
#include "autoconf.h"

#include <string.h>

#include "config.h"
#include "provider.h"
#include "statsapi.h"

struct provider *demo_open(const struct config *cfg, const struct layoutset *set,
			   struct errlist *errs);

struct provider *provider_open(const struct config *cfg,
			       const struct layoutset *set, bool demo,
			       struct errlist *errs)
{
	if (demo)
		return demo_open(cfg, set, errs);
	if (strcmp(cfg->provider, "brightpattern") == 0)
		return statsapi_open(cfg, set, errs);
	errlist_add(errs, "unknown provider \"%s\" (known: brightpattern)",
		    cfg->provider);
	return NULL;
}

const char *conn_state_name(enum conn_state s)
{
	static const char *const names[] = {
		"connecting", "logging in", "subscribing", "waiting for data",
		"live", "retrying", "releasing", "closed"
	};
	return (size_t)s < WB_ARRAY_LEN(names) ? names[s] : "?";
}
