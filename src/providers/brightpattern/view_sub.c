/*
 * view_sub.c - subscriptions to the simulated Bright Pattern server, in
 * both dialects (the documented one and the one of the vendor's own
 * collection): a body checked as the real server would check it (a
 * malformed or too large one refused with a message for the 400 answer),
 * kept as what the data answers are shaped after.
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/view_internal.h"

/* --- subscriptions ---------------------------------------------------- */

static const char *const filter_ops[] = { "EQ", "NE", "LT", "GT", "LE", "GE" };

/* The state of one parse: the first error wins. */
struct parse {
	struct sim *s;
	char *err;
	size_t errsz;
	bool failed;
	int ngrids;
};

/* Record the first error; returns false for the caller to pass on. */
static bool WB_PRINTF(2, 3) fail(struct parse *p, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return false;
	p->failed = true;
	if (p->err != NULL && p->errsz > 0) {
		va_start(ap, fmt);
		vsnprintf(p->err, p->errsz, fmt, ap);
		va_end(ap);
	}
	return false;
}

/* An id given as a string or an integer, as text (malloc'd), else NULL. */
static char *id_text(json_t *v)
{
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_integer(v))
		return xasprintf("%lld", (long long)json_integer_value(v));
	return NULL;
}

/* True when an optional member is absent, null or "". */
static bool json_none(json_t *v)
{
	return v == NULL || json_is_null(v) ||
	       (json_is_string(v) && *json_string_value(v) == '\0');
}

/* A limit as a string of digits or an integer; 0 or absent means all. */
static bool parse_limit(json_t *v, long *out)
{
	double d;

	*out = -1;
	if (json_none(v))
		return true;
	if (json_is_integer(v))
		d = (double)json_integer_value(v);
	else if (!json_is_string(v) || !parse_double(json_string_value(v), &d))
		return false;
	if (d < 0 || d != floor(d) || d > 1e9)
		return false;
	*out = d > 0 ? (long)d : -1;
	return true;
}

/* A flag as a JSON boolean, a number, or "true"/"false"/"1"/"0". */
static bool parse_flag(json_t *v, bool *out)
{
	const char *t;

	if (v == NULL || json_is_null(v)) {
		*out = false;
		return true;
	}
	if (json_is_boolean(v) || json_is_integer(v)) {
		*out = json_is_true(v) ||
		       (json_is_integer(v) && json_integer_value(v));
		return true;
	}
	if (!json_is_string(v))
		return false;
	t = json_string_value(v);
	*out = strcasecmp(t, "true") == 0 || strcmp(t, "1") == 0;
	return *out || strcasecmp(t, "false") == 0 || strcmp(t, "0") == 0 ||
	       *t == '\0';
}

/* An optional array of strings (NULL is an empty one). */
static bool parse_strings(struct parse *p, json_t *v, const char *what,
			  char ***out, size_t *n)
{
	size_t i;
	json_t *e;

	*out = NULL;
	*n = 0;
	if (v == NULL || json_is_null(v))
		return true;
	if (!json_is_array(v))
		return fail(p, "%s must be an array of strings", what);
	*out = xcalloc(json_array_size(v) + 1, sizeof(char *));
	json_array_foreach(v, i, e) {
		if (!json_is_string(e))
			return fail(p, "%s must be an array of strings", what);
		(*out)[(*n)++] = xstrdup(json_string_value(e));
	}
	return true;
}

/* Free a list of strings. */
static void strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Dispositions by name as a mask (unknown names select nothing). */
static bool parse_dispositions(struct parse *p, json_t *v, const char *what,
			       unsigned *mask)
{
	char **names;
	size_t n;

	*mask = 0;
	if (!parse_strings(p, v, what, &names, &n)) {
		/* what was read before the bad entry */
		strings_free(names, n);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		for (int d = 0; d < SIM_NDISP; d++)
			if (strcmp(names[i], sim_dispositions[d]) == 0)
				*mask |= 1u << d;
	if (n > 0 && *mask == 0)
		*mask = 1u << SIM_NDISP;	/* only unknown names: none */
	strings_free(names, n);
	return true;
}

/*
 * A column: {"id", "stat_name"|"statName", "sum_stat_names", "dispositions"}.
 */
static bool parse_column(struct parse *p, const char *grid, json_t *v,
			 struct sub_col *c)
{
	json_t *stat;

	if (!json_is_object(v))
		return fail(p, "grid %s: a column is not an object", grid);
	c->id = id_text(json_object_get(v, "id"));
	if (c->id == NULL)
		return fail(p, "grid %s: a column has no id", grid);
	stat = json_object_get(v, "stat_name");
	if (stat == NULL)
		stat = json_object_get(v, "statName");
	if (!json_is_string(stat))
		return fail(p, "grid %s: column %s has no stat_name", grid,
			    c->id);
	c->stat = xstrdup(json_string_value(stat));
	if (!parse_dispositions(p, json_object_get(v, "dispositions"),
				"dispositions", &c->disp))
		return false;
	if (strcmp(c->stat, "SUM") != 0) {
		view_stat_resolve(&c->ref, c->stat);
		return true;
	}
	if (!parse_strings(p, json_object_get(v, "sum_stat_names"),
			   "sum_stat_names", &c->sum_names, &c->nsums))
		return false;
	if (c->nsums == 0)
		return fail(
			p, "grid %s: column %s is a SUM without sum_stat_names",
			grid, c->id);
	c->sums = xcalloc(c->nsums, sizeof(*c->sums));
	for (size_t i = 0; i < c->nsums; i++)
		view_stat_resolve(&c->sums[i], c->sum_names[i]);
	return true;
}

/* The index of the column with this id (string or number), -1 if none. */
static int column_index(const struct sub_grid *g, json_t *id)
{
	char *want = id_text(id);
	int found = -1;

	for (size_t i = 0; want != NULL && i < g->ncols; i++)
		if (strcmp(g->cols[i].id, want) == 0) {
			found = (int)i;
			break;
		}
	free(want);
	return found;
}

/* One sort key: a column and ASC or DESC (default ASC). */
static bool parse_sort_key(struct parse *p, struct sub_grid *g, json_t *by,
			   json_t *dir)
{
	struct sort_key k;
	const char *d = json_is_string(dir) ? json_string_value(dir) : "ASC";

	k.col = column_index(g, by);
	if (k.col < 0)
		return fail(p, "grid %s: order by names no column", g->id);
	if (dir != NULL && !json_is_string(dir))
		return fail(p, "grid %s: order direction must be ASC or DESC",
			    g->id);
	if (strcasecmp(d, "ASC") != 0 && strcasecmp(d, "DESC") != 0)
		return fail(p, "grid %s: order direction must be ASC or DESC",
			    g->id);
	k.desc = strcasecmp(d, "DESC") == 0;
	g->order = xreallocarray(g->order, g->norder + 1, sizeof(*g->order));
	g->order[g->norder++] = k;
	return true;
}

/*
 * The order: "order_by"/"order_dir", or the collection's "order": [{by, dir}].
 */
static bool parse_order(struct parse *p, struct sub_grid *g, json_t *v)
{
	json_t *order = json_object_get(v, "order"), *e;
	size_t i;

	if (!json_none(json_object_get(v, "order_by")) &&
	    !parse_sort_key(p, g, json_object_get(v, "order_by"),
			    json_object_get(v, "order_dir")))
		return false;
	if (order == NULL || json_is_null(order))
		return true;
	if (!json_is_array(order))
		return fail(p, "grid %s: order must be an array", g->id);
	json_array_foreach(order, i, e) {
		if (!json_is_object(e))
			return fail(p,
				    "grid %s: an order entry is not an object",
				    g->id);
		if (!parse_sort_key(p, g, json_object_get(e, "by"),
				    json_object_get(e, "dir")))
			return false;
	}
	return true;
}

/* The filter: filter_by, filter_value, filter_operation (default EQ). */
static bool parse_filter(struct parse *p, struct sub_grid *g, json_t *v)
{
	json_t *by = json_object_get(v, "filter_by");
	json_t *val = json_object_get(v, "filter_value");
	json_t *op = json_object_get(v, "filter_operation");
	size_t i;

	g->filter_col = -1;
	if (json_none(by))
		return true;
	g->filter_col = column_index(g, by);
	if (g->filter_col < 0)
		return fail(p, "grid %s: filter_by names no column", g->id);
	g->filter_value = id_text(val);
	if (g->filter_value == NULL && !json_is_real(val))
		return fail(p, "grid %s: filter_by without a filter_value",
			    g->id);
	if (g->filter_value == NULL)
		g->filter_value = xasprintf("%g", json_real_value(val));
	if (op == NULL)
		return true;
	for (i = 0; json_is_string(op) && i < WB_ARRAY_LEN(filter_ops); i++)
		if (strcasecmp(json_string_value(op), filter_ops[i]) == 0)
			break;
	if (!json_is_string(op) || i == WB_ARRAY_LEN(filter_ops))
		return fail(p,
			    "grid %s: filter_operation must be one of EQ, NE, "
			    "LT, GT, LE, GE",
			    g->id);
	g->filter_op = (enum filter_op)i;
	return true;
}

/* The grid's columns, refusing a grid with too many. */
static bool parse_columns(struct parse *p, struct sub_grid *g, json_t *cols)
{
	size_t i;
	json_t *c;

	if (!json_is_array(cols))
		return fail(p, "grid %s: columns must be an array", g->id);
	if (json_array_size(cols) == 0)
		return fail(p, "grid %s has no columns", g->id);
	if (json_array_size(cols) > (size_t)p->s->max_columns)
		return fail(p, "grid %s is too large: %zu columns (limit %d)",
			    g->id, json_array_size(cols), p->s->max_columns);
	g->cols = xcalloc(json_array_size(cols), sizeof(*g->cols));
	json_array_foreach(cols, i, c) {
		g->ncols++;
		if (!parse_column(p, g->id, c, &g->cols[i]))
			return false;
	}
	return true;
}

/* Which agents or services a grid shows: team_ids, service_ids, logged in. */
static bool parse_selection(struct parse *p, struct sub_grid *g, json_t *v)
{
	if (!parse_strings(p, json_object_get(v, "team_ids"), "team_ids",
			   &g->teams, &g->nteams) ||
	    !parse_strings(p, json_object_get(v, "service_ids"), "service_ids",
			   &g->svcs, &g->nsvcs))
		return false;
	if (!parse_flag(json_object_get(v, "logged_in_agents_only"),
			&g->logged_only))
		return fail(p,
			    "grid %s: logged_in_agents_only must be a boolean",
			    g->id);
	return true;
}

/* One grid definition of either dialect. */
static bool parse_grid(struct parse *p, json_t *v, struct sub_grid *g)
{
	g->limit = -1;
	g->filter_col = -1;
	if (!json_is_object(v))
		return fail(p, "a grid is not an object");
	g->id = id_text(json_object_get(v, "id"));
	if (g->id == NULL)
		return fail(p, "a grid has no id");
	if (++p->ngrids > p->s->max_grids)
		return fail(p,
			    "subscription is too large: grid %s is grid number "
			    "%d (limit %d)",
			    g->id, p->ngrids, p->s->max_grids);
	if (!parse_columns(p, g, json_object_get(v, "columns")) ||
	    !parse_order(p, g, v) || !parse_filter(p, g, v) ||
	    !parse_selection(p, g, v))
		return false;
	if (!parse_limit(json_object_get(v, "limit"), &g->limit))
		return fail(p, "grid %s: limit must be a whole number", g->id);
	return true;
}

/* An app's "service_grids" or "agent_grids". */
static bool parse_grids(struct parse *p, struct sub_app *app, json_t *v,
			const char *what, bool agents)
{
	size_t i;
	json_t *g;

	if (v == NULL)
		return true;
	if (!json_is_array(v))
		return fail(p, "app %s: %s must be an array", app->id, what);
	app->grids = xreallocarray(app->grids, app->ngrids + json_array_size(v),
				   sizeof(*app->grids));
	json_array_foreach(v, i, g) {
		struct sub_grid *grid = &app->grids[app->ngrids++];

		memset(grid, 0, sizeof(*grid));
		grid->agents = agents;
		if (!parse_grid(p, g, grid))
			return false;
	}
	return true;
}

/* "chat_messages": {"filter", "limit"}. */
static bool parse_chat(struct parse *p, struct sub_app *app, json_t *v)
{
	json_t *filter = json_object_get(v, "filter");

	app->chat_limit = -1;
	if (v == NULL)
		return true;
	app->has_chat = true;
	if (!json_is_object(v))
		return fail(p, "app %s: chat_messages must be an object",
			    app->id);
	if (filter != NULL && !json_is_null(filter) && !json_is_string(filter))
		return fail(p, "app %s: chat_messages filter must be a string",
			    app->id);
	app->chat_filter = xstrdup(json_is_string(filter) ?
				   json_string_value(filter) : "");
	if (!parse_limit(json_object_get(v, "limit"), &app->chat_limit))
		return fail(
			p, "app %s: chat_messages limit must be a whole number",
			app->id);
	return true;
}

/* "stats_totals" and the collection's stats_totals_service_ids and
 * stats_totals_dispositions. */
static bool parse_totals(struct parse *p, struct sub_app *app, json_t *v)
{
	json_t *names = json_object_get(v, "stats_totals");

	app->has_totals = names != NULL;
	if (!parse_strings(p, names, "stats_totals", &app->total_names,
			   &app->ntotals) ||
	    !parse_strings(p, json_object_get(v, "stats_totals_service_ids"),
			   "stats_totals_service_ids", &app->total_svcs,
			   &app->ntotal_svcs) ||
	    !parse_dispositions(p,
				json_object_get(v, "stats_totals_dispositions"),
				"stats_totals_dispositions", &app->total_disp))
		return false;
	app->totals = xcalloc(app->ntotals + 1, sizeof(*app->totals));
	for (size_t i = 0; i < app->ntotals; i++)
		view_stat_resolve(&app->totals[i], app->total_names[i]);
	return true;
}

/* One app id's part of the subscription. */
static bool parse_app(struct parse *p, const char *id, json_t *v,
		      struct sub_app *app)
{
	json_t *sg, *ag;

	app->id = xstrdup(id);
	app->chat_limit = -1;
	if (!json_is_object(v))
		return fail(p, "app %s: its definition must be an object", id);
	sg = json_object_get(v, "service_grids");
	ag = json_object_get(v, "agent_grids");
	app->has_sgrids = sg != NULL;
	app->has_agrids = ag != NULL;
	return parse_totals(p, app, v) &&
	       parse_grids(p, app, sg, "service_grids", false) &&
	       parse_grids(p, app, ag, "agent_grids", true) &&
	       parse_chat(p, app, json_object_get(v, "chat_messages"));
}

/* The whole body: an object of app ids. */
static bool parse_sub(struct parse *p, json_t *root, struct sim_sub *sub)
{
	const char *key;
	json_t *v;

	if (!json_is_object(root))
		return fail(p, "the subscription must be a JSON object");
	if (json_object_size(root) == 0)
		return fail(p, "the subscription has no app id");
	sub->apps = xcalloc(json_object_size(root), sizeof(*sub->apps));
	json_object_foreach(root, key, v) {
		if (!parse_app(p, key, v, &sub->apps[sub->napps++]))
			return false;
	}
	return true;
}

/* Parse a subscription body of either dialect; NULL with the reason in err. */
struct sim_sub *brightpattern_view_subscribe(struct sim *s, const char *body,
				       size_t len, char *err, size_t errsz)
{
	struct parse p = { s, err, errsz, false, 0 };
	struct sim_sub *sub;
	json_error_t jerr;
	json_t *root;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (body == NULL)
		len = 0;
	root = json_loadb(body ? body : "", len, 0, &jerr);
	if (root == NULL) {
		fail(&p, "malformed JSON at line %d column %d: %s", jerr.line,
		     jerr.column, jerr.text);
		return NULL;
	}
	sub = xcalloc(1, sizeof(*sub));
	parse_sub(&p, root, sub);
	json_decref(root);
	if (p.failed) {
		brightpattern_view_free(sub);
		return NULL;
	}
	return sub;
}

/* Free a grid's parts. */
static void grid_free(struct sub_grid *g)
{
	for (size_t i = 0; i < g->ncols; i++) {
		free(g->cols[i].id);
		free(g->cols[i].stat);
		strings_free(g->cols[i].sum_names, g->cols[i].nsums);
		free(g->cols[i].sums);
	}
	free(g->cols);
	free(g->id);
	free(g->order);
	free(g->filter_value);
	strings_free(g->teams, g->nteams);
	strings_free(g->svcs, g->nsvcs);
}

/* Free a subscription. */
void brightpattern_view_free(struct sim_sub *sub)
{
	if (sub == NULL)
		return;
	for (size_t a = 0; a < sub->napps; a++) {
		struct sub_app *app = &sub->apps[a];

		for (size_t i = 0; i < app->ngrids; i++)
			grid_free(&app->grids[i]);
		free(app->grids);
		free(app->id);
		strings_free(app->total_names, app->ntotals);
		free(app->totals);
		strings_free(app->total_svcs, app->ntotal_svcs);
		free(app->chat_filter);
	}
	free(sub->apps);
	free(sub);
}

/* Set the largest grid (columns) and subscription (grids) accepted. */
void brightpattern_view_limits(struct sim *s, int max_columns, int max_grids)
{
	s->max_columns = max_columns >= 0 ? max_columns : 64;
	s->max_grids = max_grids >= 0 ? max_grids : 64;
}

/* --- the documented words only ---------------------------------------- */

/* The members the text documents at each level of a subscription. */
static const char *const doc_app[] = {
	"stats_totals", "service_grids", "agent_grids", "chat_messages", NULL
};
static const char *const doc_grid[] = {
	"id", "columns", "order_by", "order_dir", "limit", "filter_by",
	"filter_value", "filter_operation", NULL
};
static const char *const doc_column[] = {
	"id", "stat_name", "sum_stat_names", "dispositions", NULL
};
static const char *const doc_chat[] = { "filter", "limit", NULL };

/* The first member of object o not in known, or NULL. */
static const char *undocumented_member(json_t *o, const char *const *known)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v) {
		size_t i = 0;
		while (known[i] != NULL && strcmp(known[i], key) != 0)
			i++;
		if (known[i] == NULL)
			return key;
	}
	return NULL;
}

/* The first undocumented member of a list of grid definitions, or NULL. */
static const char *undocumented_grids(json_t *grids)
{
	size_t i, j;
	json_t *g, *c;
	const char *bad;

	json_array_foreach(grids, i, g) {
		if (!json_is_object(g))
			continue;
		if ((bad = undocumented_member(g, doc_grid)) != NULL)
			return bad;
		json_array_foreach(json_object_get(g, "columns"), j, c)
			if (json_is_object(c) &&
			    (bad = undocumented_member(c, doc_column)) != NULL)
				return bad;
	}
	return NULL;
}

bool brightpattern_view_documented(const char *body, size_t len, char *err,
				   size_t errsz)
{
	json_t *root = json_loadb(body ? body : "", body ? len : 0, 0, NULL);
	json_t *app, *chat;
	const char *id, *bad = NULL;

	json_object_foreach(root, id, app) {
		if (!json_is_object(app))
			continue;
		bad = undocumented_member(app, doc_app);
		if (bad == NULL)
			bad = undocumented_grids(
				json_object_get(app, "service_grids"));
		if (bad == NULL)
			bad = undocumented_grids(
				json_object_get(app, "agent_grids"));
		chat = json_object_get(app, "chat_messages");
		if (bad == NULL && json_is_object(chat))
			bad = undocumented_member(chat, doc_chat);
		if (bad != NULL)
			break;
	}
	if (bad != NULL)
		snprintf(err, errsz, "unknown field \"%s\"", bad);
	json_decref(root);
	return bad == NULL;
}
