/*
 * selection.c - the plan of how each panel's selection of rows is applied
 * (see selection.h): by the server in the collection dialect, by the
 * board where a documented statistic tells, and said on the panel where
 * none does.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "providers/brightpattern/selection.h"

/* The statistics the board reads to choose rows itself. */
#define STAT_SERVICE_NAME "name"
#define STAT_LOGGED "is_logged"

/* What the panel says when the documented dialect cannot select so. */
#define NEEDS_COLLECTION "need api_dialect = collection"
/* True when a statistic is one the provider asks apart (not subscribed). */
static bool probed(const struct layoutset *set, const char *stat)
{
	const struct stat_info *si = catalog_find(set->catalog, stat);
	return si && (si->flags & STAT_PROBE);
}

/* True when panel p has a column of this id. */
static bool has_column_id(const struct panel *p, const char *id)
{
	for (size_t c = 0; c < p->ncols; c++)
		if (strcmp(p->cols[c].id, id) == 0)
			return true;
	return false;
}

/*
 * The id of the column holding stat in panel p (malloc'd): the panel's own
 * when it shows it, else one of the board's (*hidden set) named base, with
 * "_" added until no column of the panel has that id.
 */
static char *column_for(const struct panel *p, const char *stat,
			const char *base, bool *hidden)
{
	struct buf id;

	for (size_t c = 0; c < p->ncols; c++)
		if (strcmp(p->cols[c].stat, stat) == 0) {
			*hidden = false;
			return xstrdup(p->cols[c].id);
		}
	*hidden = true;
	buf_init(&id);
	buf_puts(&id, base);
	while (has_column_id(p, id.data))
		buf_puts(&id, "_");
	return id.data;
}

/* Add text to a panel's notice, after what it says already. */
static void notice_add(char **notice, const char *text)
{
	char *old = *notice;

	*notice = old ? xasprintf("%s; %s", old, text) : xstrdup(text);
	free(old);
}

/* A note every snapshot carries about panel p of layout l (text taken). */
static void note_add(struct selection *sel, const struct layout *l,
		     const struct panel *p, char *text)
{
	struct sel_note *n;

	sel->notes = xreallocarray(sel->notes, sel->nnotes + 1,
				   sizeof(*sel->notes));
	n = &sel->notes[sel->nnotes++];
	n->layout = l;
	n->panel = p;
	n->text = text;
}

/* A grid in the documented dialect: what the board can choose itself. */
static void plan_grid(struct sel_grid *g, const struct panel *p)
{
	bool agents = p->kind == PANEL_AGENT_GRID;

	if (p->logged_in_only && agents)
		g->logged_id = column_for(p, STAT_LOGGED, "sel_logged",
					  &g->logged_hidden);
	if (p->nservices && !agents)
		g->name_id = column_for(p, STAT_SERVICE_NAME, "sel_name",
					&g->name_hidden);
	/* No documented statistic says an agent's team, or what it serves. */
	if (agents && p->nteams && p->nservices)
		g->notice = xstrdup("all teams and services shown: they "
				    NEEDS_COLLECTION);
	else if (agents && p->nteams)
		g->notice = xstrdup("all teams shown: teams " NEEDS_COLLECTION);
	else if (agents && p->nservices)
		g->notice = xstrdup("agents of all services shown: services "
				    NEEDS_COLLECTION);
}

/*
 * A totals panel over services in the documented dialect: read from a
 * service grid of its own; a column several services cannot add up to
 * is noted (it shows as unavailable).
 */
static void plan_totals(struct selection *sel, const struct layoutset *set,
			size_t li, const struct panel *p)
{
	const struct layout *l = set->layouts[li];
	struct sel_totals *t;
	bool any = false, hidden;

	for (size_t c = 0; c < p->ncols; c++) {
		if (probed(set, p->cols[c].stat))
			continue;
		any = true;
		if (p->nservices > 1 &&
		    !brightpattern_selection_adds_up(set, &p->cols[c]))
			note_add(sel, l, p, xasprintf("column \"%s\" (%s) of "
				 "%zu services cannot be added up from their "
				 "rows: shown as unavailable (api_dialect = "
				 "collection asks the server)", p->cols[c].id,
				 p->cols[c].stat, p->nservices));
	}
	if (!any)
		return;
	sel->totals = xreallocarray(sel->totals, sel->ntotals + 1,
				    sizeof(*sel->totals));
	t = &sel->totals[sel->ntotals++];
	t->layout = l;
	t->panel = p;
	t->key = xasprintf("%zu-%s", li + 1, p->id);
	t->name_id = column_for(p, STAT_SERVICE_NAME, "sel_name", &hidden);
}

struct selection *brightpattern_selection_plan(const struct layoutset *set,
					       enum api_dialect d)
{
	struct selection *sel = xcalloc(1, sizeof(*sel));

	sel->dialect = d;
	sel->ngrids = set->ngrids;
	sel->grids = xcalloc(set->ngrids + 1, sizeof(*sel->grids));
	if (d != DIALECT_DOCUMENTED)
		return sel;
	for (size_t g = 0; g < set->ngrids; g++)
		plan_grid(&sel->grids[g], set->grids[g].panel);
	for (size_t l = 0; l < set->n; l++)
		for (size_t i = 0; i < set->layouts[l]->npanels; i++) {
			const struct panel *p = &set->layouts[l]->panels[i];
			if (p->kind == PANEL_TOTALS && p->nservices)
				plan_totals(sel, set, l, p);
		}
	return sel;
}

void brightpattern_selection_free(struct selection *sel)
{
	if (sel == NULL)
		return;
	for (size_t g = 0; g < sel->ngrids; g++) {
		free(sel->grids[g].name_id);
		free(sel->grids[g].logged_id);
		free(sel->grids[g].notice);
	}
	for (size_t t = 0; t < sel->ntotals; t++) {
		free(sel->totals[t].key);
		free(sel->totals[t].name_id);
	}
	for (size_t n = 0; n < sel->nnotes; n++)
		free(sel->notes[n].text);
	free(sel->grids);
	free(sel->totals);
	free(sel->notes);
	free(sel);
}

bool brightpattern_selection_client(const struct selection *sel, size_t gid)
{
	return sel && gid < sel->ngrids &&
	       (sel->grids[gid].name_id || sel->grids[gid].logged_id);
}

const struct sel_totals *
brightpattern_selection_totals(const struct selection *sel, const char *key)
{
	for (size_t t = 0; sel && t < sel->ntotals; t++)
		if (strcmp(sel->totals[t].key, key) == 0)
			return &sel->totals[t];
	return NULL;
}

void brightpattern_selection_unknown(struct selection *sel,
				     const struct layout *l,
				     const struct panel *p, const char *what,
				     const char *name, const char *why,
				     bool surely)
{
	char *short_text;

	note_add(sel, l, p, xasprintf("%s \"%s\" %s", what, name, why));
	if (!surely || (p->kind != PANEL_AGENT_GRID &&
			p->kind != PANEL_SERVICE_GRID))
		return;
	short_text = xasprintf("%s \"%s\" not found", what, name);
	notice_add(&sel->grids[p->gid].notice, short_text);
	free(short_text);
}

bool brightpattern_selection_names(const struct panel *p, const char *name,
				   size_t *which)
{
	for (size_t i = 0; name && i < p->nservices; i++)
		if (strcasecmp(p->services[i], name) == 0) {
			*which = i;
			return true;
		}
	return false;
}

bool brightpattern_selection_adds_up(const struct layoutset *set,
				     const struct column *c)
{
	if (c->info)
		return c->info->kind == STAT_COUNT;
	for (size_t i = 0; i < c->nsum; i++) {
		const struct stat_info *si = catalog_find(set->catalog,
							  c->sum_stats[i]);
		if (si == NULL || si->kind != STAT_COUNT)
			return false;
	}
	return c->nsum > 0;
}

void brightpattern_selection_warn(const struct selection *sel,
				  const struct layoutset *set)
{
	for (size_t g = 0; g < sel->ngrids; g++) {
		const struct grid_ref *r = &set->grids[g];
		if (sel->grids[g].notice)
			fprintf(stderr,
				"wallboard: %s:%d: warning: panel \"%s\": %s\n",
				r->layout->file, r->panel->line, r->panel->id,
				sel->grids[g].notice);
	}
	for (size_t n = 0; n < sel->nnotes; n++)
		fprintf(stderr, "wallboard: %s:%d: warning: panel \"%s\": %s\n",
			sel->notes[n].layout->file, sel->notes[n].panel->line,
			sel->notes[n].panel->id, sel->notes[n].text);
}
