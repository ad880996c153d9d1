/*
 * provider.c - the data sources this program knows, as a table, and what
 * every provider shares (probes). A new platform is one row here, its
 * catalogue in catalog.c, and its own files; nothing else names it.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "eightbyeight.h"
#include "genesys.h"
#include "provider.h"
#include "statsapi.h"

struct provider *demo_open(const struct config *cfg, const struct layoutset *set,
			   struct errlist *errs);

static const struct provider_kind {
	const char *name;
	struct provider *(*open)(const struct config *, const struct layoutset *,
				 struct errlist *);
	char *(*plan)(const struct config *, const struct layoutset *);
	int (*list)(const struct config *, const char *, FILE *, char *, size_t);
} kinds[] = {
	{ "brightpattern", statsapi_open, statsapi_plan, statsapi_list },
	{ "8x8", eightbyeight_open, eightbyeight_plan, eightbyeight_list },
	{ "genesys", genesys_open, genesys_plan, NULL },
};

/* The row of the provider cfg names, or NULL. */
static const struct provider_kind *kind_of(const char *name)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

bool provider_known(const char *name)
{
	return kind_of(name) != NULL;
}

const char *provider_names(void)
{
	return "brightpattern, 8x8, genesys";
}

struct provider *provider_open(const struct config *cfg,
			       const struct layoutset *set, bool demo,
			       struct errlist *errs)
{
	const struct provider_kind *k = kind_of(cfg->provider);

	if (k == NULL) {
		errlist_add(errs, "unknown provider \"%s\" (known: %s)",
			    cfg->provider, provider_names());
		return NULL;
	}
	return demo ? demo_open(cfg, set, errs) : k->open(cfg, set, errs);
}

char *provider_plan(const struct config *cfg, const struct layoutset *set)
{
	const struct provider_kind *k = kind_of(cfg->provider);

	return k ? k->plan(cfg, set) : xstrdup("");
}

int provider_list(const struct config *cfg, const char *what, FILE *out,
		  char *err, size_t errsz)
{
	const struct provider_kind *k = kind_of(cfg->provider);

	if (k == NULL || k->list == NULL) {
		snprintf(err, errsz, "--list-%s: the %s API has no such list%s",
			 what, cfg->provider, k && strcmp(k->name, "genesys") == 0 ?
			 "; name agents and queues in the config" : "");
		return 1;
	}
	return k->list(cfg, what, out, err, errsz);
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
