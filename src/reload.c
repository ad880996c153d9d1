/*
 * reload.c - deciding whether a reload keeps the data source (reload.h).
 *
 * The board shows a snapshot with the new layouts while the source goes
 * on making snapshots for the layouts it was opened with: that is sound
 * only when every index a snapshot is read by (a grid's number and its
 * columns, a total's number) means the same in both. The source's own
 * plan (what --check prints) says what it asks of the server, so a
 * change that the server must hear of (a column, a grid's server-side
 * order or filter, a service selection) is one the plan shows, whatever
 * the source.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "provider.h"
#include "reload.h"
#include "state.h"

/* Two strings that may be NULL are the same. */
static bool same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Two lists of strings are the same. */
static bool same_strv(char *const *a, size_t na, char *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (!same_str(a[i], b[i]))
			return false;
	return true;
}

/*
 * The settings a source is opened with are the same (its own settings
 * show in its plan; the ones here are those every source reads).
 */
static bool same_connection(const struct config *a, const struct config *b)
{
	return same_str(a->provider, b->provider) && same_str(a->url, b->url) &&
	       same_str(a->tenant, b->tenant) && same_str(a->user, b->user) &&
	       same_str(a->client_id, b->client_id) &&
	       same_str(a->password, b->password) &&
	       same_str(a->client_secret, b->client_secret) &&
	       a->interval == b->interval &&
	       a->connect_timeout == b->connect_timeout &&
	       a->timeout == b->timeout && a->retry_max == b->retry_max &&
	       a->max_body == b->max_body && a->insecure == b->insecure &&
	       same_str(a->ca_file, b->ca_file) && a->gzip == b->gzip &&
	       same_strv(a->state_map, a->nstate_map, b->state_map,
			 b->nstate_map);
}

/* A column reads the same data (its title, width, thresholds aside). */
static bool same_column(const struct column *a, const struct column *b)
{
	return same_str(a->id, b->id) && same_str(a->stat, b->stat) &&
	       a->fmt == b->fmt && a->pct_scale == b->pct_scale &&
	       a->info == b->info &&
	       same_strv(a->sum_stats, a->nsum, b->sum_stats, b->nsum) &&
	       same_strv(a->dispositions, a->ndisp, b->dispositions, b->ndisp);
}

/* Every grid has the same key, selection and columns, in order. */
static bool same_grids(const struct layoutset *a, const struct layoutset *b)
{
	if (a->ngrids != b->ngrids)
		return false;
	for (size_t i = 0; i < a->ngrids; i++) {
		const struct panel *p = a->grids[i].panel,
				   *q = b->grids[i].panel;
		if (!same_str(a->grids[i].key, b->grids[i].key) ||
		    p->kind != q->kind || p->ncols != q->ncols ||
		    p->logged_in_only != q->logged_in_only ||
		    !same_strv(p->teams, p->nteams, q->teams, q->nteams) ||
		    !same_strv(p->services, p->nservices, q->services,
			       q->nservices))
			return false;
		for (size_t c = 0; c < p->ncols; c++)
			if (!same_column(&p->cols[c], &q->cols[c]))
				return false;
	}
	return true;
}

/* The totals are numbered alike, and the ticker asks for as much. */
static bool same_totals(const struct layoutset *a, const struct layoutset *b)
{
	return same_strv(a->totals, a->ntotals, b->totals, b->ntotals) &&
	       same_strv(a->total_scopes, a->ntotals, b->total_scopes,
			 b->ntotals) &&
	       same_strv(a->total_apps, a->ntotal_apps, b->total_apps,
			 b->ntotal_apps) &&
	       same_strv(a->total_app_scopes, a->ntotal_apps,
			 b->total_app_scopes, b->ntotal_apps) &&
	       a->has_ticker == b->has_ticker && a->msg_limit == b->msg_limit &&
	       a->catalog == b->catalog;
}

/* Two maps of state words (either may be NULL) say the same. */
static bool same_state_map(const struct state_map *a,
			   const struct state_map *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (!same_strv(a->words, a->n, b->words, b->n))
		return false;
	return a->n == 0 || memcmp(a->states, b->states,
				   a->n * sizeof(*a->states)) == 0;
}

/*
 * Each layout maps the same state words: a snapshot's state cells are
 * typed by them when the source makes it.
 */
static bool same_state_maps(const struct layoutset *a,
			    const struct layoutset *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!same_state_map(a->layouts[i]->state_map,
				    b->layouts[i]->state_map))
			return false;
	return true;
}

bool reload_keeps_source(const struct config *ocfg,
			 const struct layoutset *oset,
			 const struct config *ncfg,
			 const struct layoutset *nset, char *why, size_t whysz)
{
	char *op, *np;
	bool same_plan;

	if (!same_connection(ocfg, ncfg)) {
		snprintf(why, whysz, "the connection settings changed");
		return false;
	}
	op = provider_plan(ocfg, oset);
	np = provider_plan(ncfg, nset);
	same_plan = same_str(op, np);
	free(op);
	free(np);
	if (!same_plan) {
		snprintf(why, whysz, "the statistics asked for changed");
		return false;
	}
	if (!same_grids(oset, nset) || !same_totals(oset, nset)) {
		snprintf(why, whysz, "the grids' or totals' columns changed");
		return false;
	}
	if (!same_state_maps(oset, nset)) {
		snprintf(why, whysz, "the layouts' state words changed");
		return false;
	}
	snprintf(why, whysz, "only the presentation changed");
	return true;
}
