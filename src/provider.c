/*
 * provider.c - the registry of data sources (src/providers/providers.def)
 * and opening the one the config names. A new platform is one line in the
 * registry and its own folder; nothing here names it.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "provider.h"
#include "providers/demo.h"

#define SOURCE(id, name) extern const struct source source_##id;
#include "providers/providers.def"
#undef SOURCE

static const struct source *const sources[] = {
#define SOURCE(id, name) &source_##id,
#include "providers/providers.def"
#undef SOURCE
};

const struct source *source_find(const char *name)
{
	for (size_t i = 0; name && i < WB_ARRAY_LEN(sources); i++)
		if (strcmp(sources[i]->name, name) == 0)
			return sources[i];
	return NULL;
}

const struct source *source_at(size_t i)
{
	return i < WB_ARRAY_LEN(sources) ? sources[i] : NULL;
}

bool provider_known(const char *name)
{
	return source_find(name) != NULL;
}

const char *provider_names(void)
{
	static char names[256];

	if (names[0] == '\0')
		for (size_t i = 0; i < WB_ARRAY_LEN(sources); i++)
			snprintf(names + strlen(names),
				 sizeof(names) - strlen(names), "%s%s",
				 i ? ", " : "", sources[i]->name);
	return names;
}

struct provider *provider_open(const struct config *cfg,
			       const struct layoutset *set, bool demo,
			       struct errlist *errs)
{
	const struct source *src = source_find(cfg->provider);

	if (src == NULL) {
		errlist_add(errs, "unknown provider \"%s\" (known: %s)",
			    cfg->provider, provider_names());
		return NULL;
	}
	return demo ? demo_open(src, cfg, set, errs)
		    : src->open(cfg, set, errs);
}

char *provider_plan(const struct config *cfg, const struct layoutset *set)
{
	const struct source *src = source_find(cfg->provider);

	return src ? src->plan(cfg, set) : xstrdup("");
}

int provider_list(const struct config *cfg, const char *what, FILE *out,
		  char *err, size_t errsz)
{
	const struct source *src = source_find(cfg->provider);

	if (src == NULL || src->list == NULL) {
		snprintf(err, errsz,
			 "--list-%s: the %s API has no such list%s%s", what,
			 cfg->provider, src && src->no_lists ? "; " : "",
			 src && src->no_lists ? src->no_lists : "");
		return 1;
	}
	return src->list(cfg, what, out, err, errsz);
}

const char *conn_state_name(enum conn_state s)
{
	static const char *const names[] = {
		"connecting", "logging in", "subscribing", "waiting for data",
		"live", "retrying", "releasing", "closed"
	};
	return (size_t)s < WB_ARRAY_LEN(names) ? names[s] : "?";
}
