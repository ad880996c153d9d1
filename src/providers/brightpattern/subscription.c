/*
 * subscription.c - build the subscription body from the layoutset.
 */
#include "autoconf.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/brightpattern/selection.h"
#include "providers/brightpattern/subscription.h"

/* The app id of the documented dialect: one app for the whole board. */
#define APP_ID "wallboard"

/* True for a statistic the provider fetches apart, not by subscription. */
static bool probed(const struct layoutset *set, const char *stat)
{
	const struct stat_info *si = catalog_find(set->catalog, stat);
	return si && (si->flags & STAT_PROBE);
}

/* The maps and plan of the body being built (one build at a time). */
static const struct id_map *team_map, *service_map;
static const struct selection *plan;

/* A name's id in m, or the name itself. */
static const char *map_id(const struct id_map *m, const char *name)
{
	for (size_t i = 0; m && i < m->n; i++)
		if (strcmp(m->names[i], name) == 0)
			return m->ids[i];
	return name;
}

/* A JSON array of ids for names. */
static json_t *id_array(char **names, size_t n, const struct id_map *m)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(map_id(m, names[i])));
	return a;
}

/* A JSON array of strings. */
static json_t *string_array(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

/*
 * One column: {"id", "stat_name"|"statName", "sum_stat_names",
 * "dispositions"}.
 */
static json_t *column_json(const struct column *c, enum api_dialect d)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(c->id));
	json_object_set_new(o,
			    d == DIALECT_DOCUMENTED ? "stat_name" : "statName",
			    json_string(c->stat));
	if (c->nsum)
		json_object_set_new(o, "sum_stat_names",
				    string_array(c->sum_stats, c->nsum));
	if (c->ndisp)
		json_object_set_new(o, "dispositions",
				    string_array(c->dispositions, c->ndisp));
	return o;
}

/*
 * A column the board adds to a grid to choose its rows: {"id", "stat_name"}.
 */
static json_t *hidden_column(const char *id, const char *stat)
{
	return json_pack("{s:s, s:s}", "id", id, "stat_name", stat);
}

/*
 * Order, filter and limit as the documented dialect writes them. A grid
 * whose rows the board chooses (client) gets every row: its filter and
 * limit are the table's, after the choice.
 */
static void grid_documented(json_t *o, const struct panel *p, bool client)
{
	char num[32];

	if (p->order_by) {
		json_object_set_new(o, "order_by", json_string(p->order_by));
		json_object_set_new(
			o, "order_dir",
			json_string(p->order_desc ? "DESC" : "ASC"));
	}
	if (client)
		return;
	if (p->limit > 0) {
		snprintf(num, sizeof(num), "%d", p->limit);
		json_object_set_new(o, "limit", json_string(num));
	}
	if (p->filter.set) {
		json_object_set_new(o, "filter_by",
				    json_string(p->filter.column));
		json_object_set_new(o, "filter_value",
				    json_string(p->filter.value));
		json_object_set_new(o, "filter_operation",
				    json_string(cmp_op_name(p->filter.op)));
	}
}

/* Order, selections and limit as the vendor's collection writes them. */
static void grid_collection(json_t *o, const struct panel *p)
{
	if (p->order_by) {
		json_t *ord = json_object();
		json_object_set_new(ord, "by", json_string(p->order_by));
		json_object_set_new(
			ord, "dir",
			json_string(p->order_desc ? "DESC" : "ASC"));
		json_object_set_new(o, "order", json_pack("[o]", ord));
	}
	if (p->limit > 0)
		json_object_set_new(o, "limit", json_integer(p->limit));
	if (p->filter.set) {
		json_object_set_new(o, "filter_by",
				    json_string(p->filter.column));
		json_object_set_new(o, "filter_value",
				    json_string(p->filter.value));
		json_object_set_new(o, "filter_operation",
				    json_string(cmp_op_name(p->filter.op)));
	}
	if (p->kind == PANEL_AGENT_GRID) {
		json_object_set_new(o, "team_ids",
				    id_array(p->teams, p->nteams, team_map));
		json_object_set_new(o, "my_subteam_only", json_false());
		json_object_set_new(o, "logged_in_agents_only",
				    json_boolean(p->logged_in_only));
	}
	json_object_set_new(o, "service_ids",
			    id_array(p->services, p->nservices, service_map));
}

/* One grid definition, with the columns the plan adds to grid gid. */
static json_t *grid_json(const struct grid_ref *g, size_t gid,
			 enum api_dialect d)
{
	const struct panel *p = g->panel;
	const struct sel_grid *sg = plan ? &plan->grids[gid] : NULL;
	json_t *o = json_object(), *cols = json_array();

	json_object_set_new(o, "id", json_string(g->key));
	for (size_t c = 0; c < p->ncols; c++)
		json_array_append_new(cols, column_json(&p->cols[c], d));
	if (sg && sg->name_hidden)
		json_array_append_new(cols, hidden_column(sg->name_id, "name"));
	if (sg && sg->logged_hidden)
		json_array_append_new(cols, hidden_column(sg->logged_id,
							  "is_logged"));
	json_object_set_new(o, "columns", cols);
	if (d == DIALECT_DOCUMENTED)
		grid_documented(o, p,
				brightpattern_selection_client(plan, gid));
	else
		grid_collection(o, p);
	return o;
}

/*
 * The service grid a totals panel over services is read from (the
 * documented dialect): the services' names and the panel's statistics.
 */
static json_t *totals_grid_json(const struct layoutset *set,
				const struct sel_totals *t)
{
	const struct panel *p = t->panel;
	json_t *cols = json_array();

	json_array_append_new(cols, hidden_column(t->name_id, "name"));
	for (size_t c = 0; c < p->ncols; c++)
		if (!probed(set, p->cols[c].stat) &&
		    strcmp(p->cols[c].id, t->name_id) != 0)
			json_array_append_new(
				cols,
				column_json(&p->cols[c], DIALECT_DOCUMENTED));
	return json_pack("{s:s, s:o}", "id", t->key, "columns", cols);
}

/*
 * The chat_messages request: the largest ticker limit, filtered client-side.
 */
static json_t *chat_json(const struct layoutset *set, enum api_dialect d)
{
	char num[32];

	snprintf(num, sizeof(num), "%d",
		 set->msg_limit > 0 ? set->msg_limit : 20);
	return json_pack("{s:s, s:o}", "filter", "", "limit",
			 d == DIALECT_DOCUMENTED
				 ? json_string(num)
				 : json_integer(set->msg_limit > 0
							? set->msg_limit
							: 20));
}

/* app's list of that name, made when it has none yet. */
static json_t *app_list(json_t *app, const char *list)
{
	json_t *a = json_object_get(app, list);

	if (a == NULL) {
		a = json_array();
		json_object_set_new(app, list, a);
	}
	return a;
}

/* Append grid gid of set to app's agent_grids or service_grids list. */
static void app_add_grid(json_t *app, const struct layoutset *set, size_t gid,
			 enum api_dialect d)
{
	const struct grid_ref *g = &set->grids[gid];

	json_array_append_new(app_list(app, g->panel->kind == PANEL_AGENT_GRID ?
					    "agent_grids" : "service_grids"),
			      grid_json(g, gid, d));
}

/* The documented dialect: everything in one app. */
static json_t *build_documented(const struct layoutset *set)
{
	json_t *app = json_object();

	if (set->ntotals) {
		/*
		 * One name once. Totals over services come from service grids
		 * of their own when the plan says so (the documented
		 * stats_totals has no service selection).
		 */
		json_t *names = json_array();
		for (size_t t = 0; t < set->ntotals; t++) {
			bool seen = probed(set, set->totals[t]) ||
				    (plan && set->total_scopes[t][0] != '\0');
			for (size_t u = 0; u < t && !seen; u++)
				seen = strcmp(set->totals[u], set->totals[t]) ==
					       0 &&
				       !(plan &&
					 set->total_scopes[u][0] != '\0');
			if (!seen)
				json_array_append_new(
					names, json_string(set->totals[t]));
		}
		json_object_set_new(app, "stats_totals", names);
	}
	for (size_t g = 0; g < set->ngrids; g++)
		app_add_grid(app, set, g, DIALECT_DOCUMENTED);
	for (size_t t = 0; plan && t < plan->ntotals; t++)
		json_array_append_new(app_list(app, "service_grids"),
				      totals_grid_json(set, &plan->totals[t]));
	if (set->has_ticker)
		json_object_set_new(app, "chat_messages",
				    chat_json(set, DIALECT_DOCUMENTED));
	return json_pack("{s:o}", APP_ID, app);
}

/*
 * The collection dialect: an app per totals panel (with its services) and per
 * grid.
 */
static json_t *build_collection(const struct layoutset *set)
{
	json_t *root = json_object();
	char key[256];

	for (size_t l = 0; l < set->n; l++) {
		const struct layout *lay = set->layouts[l];
		for (size_t i = 0; i < lay->npanels; i++) {
			const struct panel *p = &lay->panels[i];
			json_t *app, *names;
			if (p->kind != PANEL_TOTALS)
				continue;
			names = json_array();
			for (size_t c = 0; c < p->ncols; c++)
				if (!probed(set, p->cols[c].stat))
					json_array_append_new(
						names,
						json_string(p->cols[c].stat));
			app = json_pack("{s:o, s:o, s:[]}", "stats_totals",
					names, "stats_totals_service_ids",
					id_array(p->services, p->nservices,
						 service_map),
					"stats_totals_dispositions");
			snprintf(key, sizeof(key), "%zu-%s", l + 1, p->id);
			json_object_set_new(root, key, app);
		}
	}
	for (size_t g = 0; g < set->ngrids; g++) {
		json_t *app = json_object();
		app_add_grid(app, set, g, DIALECT_COLLECTION);
		json_object_set_new(root, set->grids[g].key, app);
	}
	if (set->has_ticker)
		json_object_set_new(
			root, "chat",
			json_pack("{s:o}", "chat_messages",
				  chat_json(set, DIALECT_COLLECTION)));
	return root;
}

char *brightpattern_subscription_write(const struct layoutset *set,
				      const struct selection *sel, int indent,
				      const struct id_map *teams,
				      const struct id_map *services)
{
	json_t *root;
	size_t flags = JSON_PRESERVE_ORDER;
	char *text;

	team_map = teams;
	service_map = services;
	plan = sel;
	root = sel->dialect == DIALECT_DOCUMENTED ? build_documented(set) :
	       build_collection(set);
	team_map = service_map = NULL;
	plan = NULL;
	if (indent > 0)
		flags |= JSON_INDENT(indent);
	else
		flags |= JSON_COMPACT;
	text = json_dumps(root, flags);
	json_decref(root);
	return text;
}

char *brightpattern_subscription_build_ids(const struct layoutset *set,
			     enum api_dialect dialect, int indent,
			     const struct id_map *teams,
			     const struct id_map *services)
{
	struct selection *sel = brightpattern_selection_plan(set, dialect);
	char *text = brightpattern_subscription_write(set, sel, indent, teams,
						      services);

	brightpattern_selection_free(sel);
	return text;
}

char *brightpattern_subscription_build(const struct layoutset *set,
				       enum api_dialect dialect, int indent)
{
	return brightpattern_subscription_build_ids(set, dialect, indent, NULL,
						    NULL);
}

bool brightpattern_subscription_has_selections(const struct layoutset *set)
{
	for (size_t l = 0; l < set->n; l++)
		for (size_t i = 0; i < set->layouts[l]->npanels; i++) {
			const struct panel *p = &set->layouts[l]->panels[i];
			if (p->nteams || p->nservices)
				return true;
		}
	return false;
}

void id_map_free(struct id_map *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->names[i]);
		free(m->ids[i]);
	}
	free(m->names);
	free(m->ids);
	memset(m, 0, sizeof(*m));
}

const struct grid_ref *
brightpattern_subscription_grid_in(const struct layoutset *set,
				   const char *message)
{
	const struct grid_ref *best = NULL;

	if (message == NULL)
		return NULL;
	/* The longest key that appears wins: "1-a" must not match "1-ab". */
	for (size_t g = 0; g < set->ngrids; g++)
		if (strstr(message, set->grids[g].key) &&
		    (best == NULL ||
		     strlen(set->grids[g].key) > strlen(best->key)))
			best = &set->grids[g];
	return best;
}
