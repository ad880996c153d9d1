/*
 * set.c - the layoutset: every loaded layout, with the keys that select
 * them, and the numbers a snapshot indexes by (gid for each grid panel,
 * tid for each totals statistic over a selection of services) given once,
 * so nothing is looked up by name after load time.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"

/* Two layouts with one key, or for different providers: report them. */
static bool set_check(struct layout **layouts, size_t n, struct errlist *errs)
{
	bool ok = true;

	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (layouts[i]->key == 0 ||
			    layouts[i]->key != layouts[j]->key)
				continue;
			errlist_add(errs, "%s: key %d is also the key of %s",
				    layouts[i]->file, layouts[i]->key,
				    layouts[j]->file);
			ok = false;
			break;
		}
		if (i > 0 &&
		    strcmp(layouts[i]->provider, layouts[0]->provider) != 0) {
			errlist_add(errs,
				    "%s: layout is written for provider %s, %s "
				    "for %s",
				    layouts[i]->file, layouts[i]->provider,
				    layouts[0]->file, layouts[0]->provider);
			ok = false;
		}
	}
	return ok;
}

/* Layouts without a key get the free keys in order (none left: no key). */
static void set_keys(struct layoutset *set)
{
	bool used[10] = { false };
	int next = 1;

	for (size_t i = 0; i < set->n; i++)
		used[set->layouts[i]->key] = true;
	for (size_t i = 0; i < set->n; i++) {
		if (set->layouts[i]->key != 0)
			continue;
		while (next <= 9 && used[next])
			next++;
		if (next > 9)
			break;
		set->layouts[i]->key = next;
		used[next] = true;
	}
}

/* A panel's service selection as one string: the names joined by '\n'. */
static char *services_key(const struct panel *p)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < p->nservices; i++) {
		if (i)
			buf_puts(&b, "\n");
		buf_puts(&b, p->services[i]);
	}
	return b.data;
}

/* The tid of a totals statistic over a selection, added when new. */
static size_t set_total(struct layoutset *set, const char *stat,
			const char *scope)
{
	for (size_t i = 0; i < set->ntotals; i++)
		if (strcmp(set->totals[i], stat) == 0 &&
		    strcmp(set->total_scopes[i], scope) == 0)
			return i;
	set->totals = xreallocarray(set->totals, set->ntotals + 1,
				    sizeof(*set->totals));
	set->total_scopes = xreallocarray(set->total_scopes, set->ntotals + 1,
					  sizeof(*set->total_scopes));
	set->totals[set->ntotals] = xstrdup(stat);
	set->total_scopes[set->ntotals] = xstrdup(scope);
	return set->ntotals++;
}

/* Number a totals panel's statistics and remember its app id and selection. */
static void set_totals_panel(struct layoutset *set, size_t li, struct panel *p)
{
	char *scope = services_key(p);

	for (size_t c = 0; c < p->ncols; c++)
		p->cols[c].tid = set_total(set, p->cols[c].stat, scope);
	set->total_apps = xreallocarray(set->total_apps, set->ntotal_apps + 1,
					sizeof(*set->total_apps));
	set->total_app_scopes = xreallocarray(set->total_app_scopes,
					      set->ntotal_apps + 1,
					      sizeof(*set->total_app_scopes));
	set->total_apps[set->ntotal_apps] = xasprintf("%zu-%s", li + 1, p->id);
	set->total_app_scopes[set->ntotal_apps++] = scope;
}

/* Number the grids and totals of one layout; note its tickers. */
static void set_panel(struct layoutset *set, size_t li, struct panel *p)
{
	struct grid_ref *g;

	switch (p->kind) {
	case PANEL_TOTALS:
		set_totals_panel(set, li, p);
		break;
	case PANEL_AGENT_GRID:
	case PANEL_SERVICE_GRID:
		set->grids = xreallocarray(set->grids, set->ngrids + 1,
					   sizeof(*set->grids));
		g = &set->grids[set->ngrids];
		g->layout = set->layouts[li];
		g->panel = p;
		g->layout_index = li;
		g->key = xasprintf("%zu-%s", li + 1, p->id);
		p->gid = set->ngrids++;
		break;
	case PANEL_TICKER:
		set->has_ticker = true;
		if (p->msg_limit > set->msg_limit)
			set->msg_limit = p->msg_limit;
		break;
	}
}

/*
 * The set takes the layouts (not the array, which it copies) only when it
 * succeeds; on failure they are still the caller's to free.
 */
struct layoutset *layoutset_new(struct layout **layouts, size_t n,
				struct errlist *errs)
{
	struct layoutset *set;

	if (!set_check(layouts, n, errs))
		return NULL;	/* the layouts stay the caller's */
	set = xcalloc(1, sizeof(*set));
	set->layouts = xcalloc(n, sizeof(*set->layouts));
	for (size_t i = 0; i < n; i++)
		set->layouts[i] = layouts[i];
	set->n = n;
	set_keys(set);
	for (size_t li = 0; li < n; li++)
		for (size_t i = 0; i < layouts[li]->npanels; i++)
			set_panel(set, li, &layouts[li]->panels[i]);
	set->catalog = n > 0 ? catalog_for(layouts[0]->provider) : NULL;
	return set;
}

void layoutset_free(struct layoutset *set)
{
	if (set == NULL)
		return;
	for (size_t i = 0; i < set->n; i++)
		layout_free(set->layouts[i]);
	free(set->layouts);
	for (size_t i = 0; i < set->ngrids; i++)
		free(set->grids[i].key);
	free(set->grids);
	strv_free(set->totals, set->ntotals);
	strv_free(set->total_scopes, set->ntotals);
	strv_free(set->total_apps, set->ntotal_apps);
	strv_free(set->total_app_scopes, set->ntotal_apps);
	free(set);
}
