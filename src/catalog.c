/*
 * catalog.c - looking statistics up in the catalogues of the data sources.
 * Each source keeps its own table (src/providers/<name>/catalog.c); the
 * registry (src/providers/providers.def) says which there are.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* Every source's catalogue, in registry order. */
#define SOURCE(id, name) extern const struct catalog catalog_##id;
#include "providers/providers.def"
#undef SOURCE

static const struct catalog *const catalogs[] = {
#define SOURCE(id, name) &catalog_##id,
#include "providers/providers.def"
#undef SOURCE
};

const struct catalog *catalog_for(const char *provider)
{
	for (size_t i = 0; provider && i < WB_ARRAY_LEN(catalogs); i++)
		if (strcmp(catalogs[i]->provider, provider) == 0)
			return catalogs[i];
	return NULL;
}

const struct catalog *catalog_at(size_t i)
{
	return i < WB_ARRAY_LEN(catalogs) ? catalogs[i] : NULL;
}

const char *catalog_default_provider(void)
{
	return catalogs[0]->provider;
}

static int stat_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct stat_info *)elem)->name);
}

const struct stat_info *catalog_find(const struct catalog *cat, const char *name)
{
	if (cat == NULL || name == NULL)
		return NULL;
	return bsearch(name, cat->stats, cat->n, sizeof(cat->stats[0]), stat_cmp);
}

static int derive_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct stat_derive *)elem)->name);
}

const struct stat_derive *catalog_derive(const struct catalog *cat,
					 const char *name)
{
	if (cat == NULL || name == NULL || cat->derive == NULL)
		return NULL;
	return bsearch(name, cat->derive, cat->nderive, sizeof(cat->derive[0]),
		       derive_cmp);
}

const char *catalog_kind_name(enum stat_kind kind)
{
	static const char *const names[] = {
		"count", "duration", "percent", "rate", "text", "state", "time"
	};
	return (size_t)kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?";
}
