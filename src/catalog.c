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

const struct stat_info *catalog_find(const struct catalog *cat,
				     const char *name)
{
	if (cat == NULL || name == NULL)
		return NULL;
	return bsearch(name, cat->stats, cat->n, sizeof(cat->stats[0]),
		       stat_cmp);
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
	return (size_t)kind < sizeof(names) / sizeof(names[0]) ? names[kind]
							       : "?";
}

/*
 * The edit distance of a and b (insertions, deletions, substitutions and
 * swaps of two neighbours: "wating", "waitnig"), or more than max when it
 * is beyond max; names are short, so one row of the table per letter.
 */
static size_t edits(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *mem, *prev2, *prev, *row, d;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	mem = calloc(3 * (lb + 1), sizeof(*mem));
	if (mem == NULL)
		return max + 1;
	prev2 = mem;
	prev = prev2 + lb + 1;
	row = prev + lb + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = row[j - 1] + 1;
			size_t best = sub < del ? sub : del;
			best = ins < best ? ins : best;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			row[j] = best;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = row;
		row = t;
	}
	d = prev[lb];
	free(mem);
	return d;
}

/* The name to offer for an entry: a renamed one's current name. */
static const char *offered(const struct stat_info *si)
{
	return (si->flags & STAT_RENAMED) && si->renamed_to ? si->renamed_to :
	       si->name;
}

const char *catalog_suggest(const struct catalog *cat, const char *name)
{
	size_t len = name ? strlen(name) : 0;
	/* A third of the name may be wrong, at least one letter, at most 3. */
	size_t max = len / 3 < 1 ? 1 : len / 3 > 3 ? 3 : len / 3;
	const char *best = NULL, *holder = NULL;
	size_t best_d = max + 1, nholders = 0;

	if (cat == NULL || len == 0)
		return NULL;
	for (size_t i = 0; i < cat->n; i++) {
		size_t d = edits(name, cat->stats[i].name, max);
		if (d < best_d) {
			best_d = d;
			best = offered(&cat->stats[i]);
		}
		if (len >= 4 && strstr(cat->stats[i].name, name) != NULL) {
			holder = offered(&cat->stats[i]);
			nholders++;
		}
	}
	if (best != NULL)
		return best;
	return nholders == 1 ? holder : NULL;
}

/* The unit a kind's values are in, as a layout's thresholds give them. */
static const char *kind_unit(enum stat_kind kind)
{
	switch (kind) {
	case STAT_DURATION:	return "seconds";
	case STAT_PERCENT:	return "percent";
	case STAT_TIME:		return "epoch";
	default:		return "-";
	}
}

void catalog_print(const struct catalog *cat, FILE *out)
{
	static const struct { unsigned scope; const char *panel; } panels[] = {
		{ STAT_SCOPE_TOTAL, "totals" },
		{ STAT_SCOPE_AGENT, "agent_grid" },
		{ STAT_SCOPE_SERVICE, "service_grid" },
	};

	for (size_t i = 0; i < cat->n; i++) {
		const struct stat_info *si = &cat->stats[i];
		const char *sep = "";

		if (si->flags & STAT_RENAMED)
			continue;
		fprintf(out, "%s\t%s\t%s\t", si->name,
			catalog_kind_name(si->kind), kind_unit(si->kind));
		for (size_t k = 0; k < WB_ARRAY_LEN(panels); k++)
			if (si->scope & panels[k].scope) {
				fprintf(out, "%s%s", sep, panels[k].panel);
				sep = ",";
			}
		fputs(*sep ? "\n" : "-\n", out);
	}
}
