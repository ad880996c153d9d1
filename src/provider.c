/*
 * provider.c - choosing a data source by name.
 */
#include "autoconf.h"

#include <stdlib.h>
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

size_t provider_probes(const struct layoutset *set, struct probe_ref **out)
{
	size_t n = 0;

	*out = NULL;
	for (size_t t = 0; t < set->ntotals; t++) {
		const struct stat_info *si = catalog_find(set->catalog, set->totals[t]);
		const char *scope = set->total_scopes[t];
		if (si == NULL || !(si->flags & STAT_PROBE) || *scope == '\0')
			continue;
		*out = xreallocarray(*out, n + 1, sizeof(**out));
		(*out)[n].tid = t;
		(*out)[n].service = xstrndup(scope, strcspn(scope, "\n"));
		(*out)[n].value = NULL;
		(*out)[n].owner = NULL;
		n++;
	}
	return n;
}

void provider_probes_free(struct probe_ref *probes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(probes[i].service);
	free(probes);
}

void provider_probes_apply(const struct probe_ref *probes, size_t n,
			   struct snapshot *s)
{
	for (size_t i = 0; i < n; i++)
		if (probes[i].value && probes[i].tid < s->ntotals)
			s->totals[probes[i].tid] = probes[i].value;
}
