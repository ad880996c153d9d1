/*
 * view.c - the simulated contact centre as a Bright Pattern statistics
 * server sees it: data answers shaped after a subscription (view_sub.c)
 * with the values of its statistics (view_stats.c), filtered, sorted and
 * limited as the server would; the configuration lists; and service
 * availability.
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

/* --- data answers ------------------------------------------------------- */

/* A buffer's text, "" when nothing was ever written to it. */
static const char *buf_text(const struct buf *b)
{
	return b->data != NULL ? b->data : "";
}

/* What one data answer computes once: every service's figures. */
struct view {
	struct sim *s;
	double *svc_f;		/* nsvcs * FIG_N */
	struct arena arena;	/* cell texts */
	struct buf tmp;
};

/* One grid row while it is filtered and sorted. */
struct row {
	/* agent or service index: the final tie-break */
	int idx;
	const char **cells;
	double *nums;		/* numeric cell values, NAN when not numbers */
	const struct sub_grid *g;
};

/* Compare two cell values: numerically when both are numbers. */
static int cell_cmp(const char *a, double na, const char *b, double nb)
{
	if (!isnan(na) && !isnan(nb))
		return na < nb ? -1 : na > nb;
	return strcmp(a, b);
}

/* qsort order of rows: the grid's sort keys, then the model's order. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	const struct sub_grid *g = a->g;

	for (size_t i = 0; i < g->norder; i++) {
		int c = g->order[i].col;
		int r = cell_cmp(a->cells[c], a->nums[c], b->cells[c],
				 b->nums[c]);

		if (r != 0)
			return g->order[i].desc ? -r : r;
	}
	return a->idx - b->idx;
}

/* True when a row passes the grid's filter. */
static bool row_passes(const struct row *r)
{
	const struct sub_grid *g = r->g;
	int c = g->filter_col, cmp;
	double want = NAN;

	if (c < 0)
		return true;
	if (!parse_double(g->filter_value, &want))
		want = NAN;
	cmp = cell_cmp(r->cells[c], r->nums[c], g->filter_value, want);
	switch (g->filter_op) {
	case F_EQ:
		return cmp == 0;
	case F_NE:
		return cmp != 0;
	case F_LT:
		return cmp < 0;
	case F_GT:
		return cmp > 0;
	case F_LE:
		return cmp <= 0;
	case F_GE:
		return cmp >= 0;
	}
	return true;
}

/* Compute a row's cells for the entity e. */
static void row_fill(struct view *v, struct row *r, const struct ent *e)
{
	const struct sub_grid *g = r->g;

	r->cells = arena_alloc(&v->arena, g->ncols * sizeof(*r->cells));
	r->nums = arena_alloc(&v->arena, g->ncols * sizeof(*r->nums));
	for (size_t c = 0; c < g->ncols; c++) {
		buf_reset(&v->tmp);
		view_column_value(v->s, e, &g->cols[c], &v->tmp);
		r->cells[c] =
			arena_strndup(&v->arena, buf_text(&v->tmp), v->tmp.len);
		if (!parse_double(r->cells[c], &r->nums[c]))
			r->nums[c] = NAN;
	}
}

/* Marks for the services named in ids (by id or name); NULL when ids is
 * empty, meaning every service. */
static bool *select_services(const struct sim *s, char **ids, size_t n)
{
	bool *sel;

	if (n == 0)
		return NULL;
	sel = xcalloc((size_t)s->nsvcs, sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		int k = sim_find_service(s, ids[i]);

		if (k >= 0)
			sel[k] = true;
	}
	return sel;
}

/* Marks for the teams named in ids; NULL for every team. */
static bool *select_teams(const struct sim *s, char **ids, size_t n)
{
	bool *sel;

	if (n == 0)
		return NULL;
	sel = xcalloc((size_t)s->nteams, sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		int k = sim_find_team(s, ids[i]);

		if (k >= 0)
			sel[k] = true;
	}
	return sel;
}

/* True when agent a serves any marked service. */
static bool agent_serves_any(const struct sim *s, const struct sim_agent *a,
			     const bool *svcs)
{
	const struct sim_team *tm = &s->teams[a->team];

	for (size_t i = 0; i < tm->nsvcs; i++)
		if (svcs[tm->svcs[i]])
			return true;
	return false;
}

/* True when a marked team serves service v. */
static bool service_served_by(const struct sim *s, int v, const bool *teams)
{
	for (size_t i = 0; i < s->svcs[v].nteams; i++)
		if (teams[s->svcs[v].teams[i]])
			return true;
	return false;
}

/* The agent rows of a grid, before the filter. */
static size_t agent_rows(struct view *v, const struct sub_grid *g,
			 struct row *rows)
{
	struct sim *s = v->s;
	bool *teams = select_teams(s, g->teams, g->nteams);
	bool *svcs = select_services(s, g->svcs, g->nsvcs);
	double *f = xmalloc(FIG_N * sizeof(*f));
	size_t n = 0;

	for (int i = 0; i < s->nagents; i++) {
		const struct sim_agent *a = &s->agents[i];
		struct ent e = { a, -1, f, a->disp, (unsigned)i + 1 };

		if ((teams && !teams[a->team]) ||
		    (svcs && !agent_serves_any(s, a, svcs)) ||
		    (g->logged_only && a->state == AS_LOGGED_OUT))
			continue;
		sim_agent_figures(s, a, f);
		rows[n] = (struct row){ i, NULL, NULL, g };
		row_fill(v, &rows[n++], &e);
	}
	free(f);
	free(teams);
	free(svcs);
	return n;
}

/* The service rows of a grid, before the filter. */
static size_t service_rows(struct view *v, const struct sub_grid *g,
			   struct row *rows)
{
	struct sim *s = v->s;
	bool *teams = select_teams(s, g->teams, g->nteams);
	bool *svcs = select_services(s, g->svcs, g->nsvcs);
	size_t n = 0;

	for (int i = 0; i < s->nsvcs; i++) {
		struct ent e = { NULL, i, v->svc_f + (size_t)i * FIG_N,
				 s->svcs[i].disp, 100000u + (unsigned)i };

		if ((svcs && !svcs[i]) ||
		    (teams && !service_served_by(s, i, teams)))
			continue;
		rows[n] = (struct row){ i, NULL, NULL, g };
		row_fill(v, &rows[n++], &e);
	}
	free(teams);
	free(svcs);
	return n;
}

/* A grid's answer: {"id", "values": [{"<col id>": "value"}...]}. */
static json_t *grid_json(struct view *v, const struct sub_grid *g)
{
	size_t max = (size_t)(g->agents ? v->s->nagents : v->s->nsvcs);
	struct row *rows = xcalloc(max + 1, sizeof(*rows));
	size_t n =
		g->agents ? agent_rows(v, g, rows) : service_rows(v, g, rows);
	size_t kept = 0;
	json_t *values = json_array();

	for (size_t i = 0; i < n; i++)
		if (row_passes(&rows[i]))
			rows[kept++] = rows[i];
	qsort(rows, kept, sizeof(*rows), row_cmp);
	if (g->limit >= 0 && (size_t)g->limit < kept)
		kept = (size_t)g->limit;
	for (size_t i = 0; i < kept; i++) {
		json_t *o = json_object();

		for (size_t c = 0; c < g->ncols; c++)
			json_object_set_new(o, g->cols[c].id,
					    json_string(rows[i].cells[c]));
		json_array_append_new(values, o);
	}
	free(rows);
	return json_pack("{s:s, s:o}", "id", g->id, "values", values);
}

/* Totals over the selected services: {"name": "value"...}. */
static json_t *totals_json(struct view *v, const struct sub_app *app)
{
	struct sim *s = v->s;
	bool *sel = select_services(s, app->total_svcs, app->ntotal_svcs);
	double *f = xmalloc(FIG_N * sizeof(*f));
	unsigned disp[SIM_NDISP] = { 0 };
	struct ent e = { NULL, -1, f, disp, 0 };
	json_t *o = json_object();

	sim_total_figures(s, sel, f);
	for (int i = 0; i < s->nsvcs; i++)
		for (int d = 0; d < SIM_NDISP && (sel == NULL || sel[i]); d++)
			disp[d] += s->svcs[i].disp[d];
	for (size_t i = 0; i < app->ntotals; i++) {
		buf_reset(&v->tmp);
		view_stat_value(s, &e, &app->totals[i], app->total_disp,
				&v->tmp);
		json_object_set_new(o, app->totals[i].name,
				    json_string(buf_text(&v->tmp)));
	}
	free(f);
	free(sel);
	return o;
}

/* One chat message as the API sends it; send_time in epoch milliseconds. */
static json_t *message_json(const struct sim *s, const struct sim_msg *m)
{
	char id[16], sent[32];

	snprintf(id, sizeof(id), "%u", m->id);
	snprintf(sent, sizeof(sent), "%.0f",
		 floor(sim_epoch(s, m->sent) * 1000));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", id,
			 "login_id", m->login_id, "first_name", m->first,
			 "last_name", m->last, "send_time", sent, "is_urgent",
			 m->urgent ? "1" : "0", "content", m->content);
}

/* The newest chat messages first, filtered by content and limited. */
static json_t *chat_json(const struct sim *s, const struct sub_app *app)
{
	json_t *a = json_array();
	const struct sim_msg *m;

	for (int i = 0; (m = sim_message(s, i)) != NULL; i++) {
		if (app->chat_limit >= 0 &&
		    (long)json_array_size(a) >= app->chat_limit)
			break;
		if (strstr(m->content, app->chat_filter) != NULL)
			json_array_append_new(a, message_json(s, m));
	}
	return a;
}

/* One app's answer, with the parts it subscribed to. */
static json_t *app_json(struct view *v, const struct sub_app *app)
{
	json_t *o = json_object(), *sg = json_array(), *ag = json_array();

	if (app->has_totals)
		json_object_set_new(o, "stats_totals", totals_json(v, app));
	for (size_t i = 0; i < app->ngrids; i++)
		json_array_append_new(app->grids[i].agents ? ag : sg,
				      grid_json(v, &app->grids[i]));
	if (app->has_sgrids)
		json_object_set_new(o, "service_grids", sg);
	else
		json_decref(sg);
	if (app->has_agrids)
		json_object_set_new(o, "agent_grids", ag);
	else
		json_decref(ag);
	if (app->has_chat)
		json_object_set_new(o, "chat_messages", chat_json(v->s, app));
	return o;
}

/* The data answer of a subscription: every service's figures once, then
 * each app's totals, grids and chat messages. */
char *brightpattern_view_data(struct sim *s, const struct sim_sub *sub)
{
	struct view v = { s, NULL, { NULL, 0 }, { NULL, 0, 0 } };
	json_t *root = json_object();
	char *out;

	arena_init(&v.arena, 64 * 1024);
	buf_init(&v.tmp);
	v.svc_f = xmalloc((size_t)s->nsvcs * FIG_N * sizeof(double));
	for (int i = 0; i < s->nsvcs; i++)
		sim_service_figures(s, i, v.svc_f + (size_t)i * FIG_N);
	for (size_t i = 0; i < sub->napps; i++)
		json_object_set_new(root, sub->apps[i].id,
				    app_json(&v, &sub->apps[i]));
	out = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	free(v.svc_f);
	buf_free(&v.tmp);
	arena_free(&v.arena);
	return out;
}

/* --- configuration lists ------------------------------------------------- */

/* [{"id", "name"}...] from n (id, name) pairs read by get. */
static json_t *pairs_json(const struct sim *s, int n,
			  void (*get)(const struct sim *, int, const char **,
				      const char **))
{
	json_t *a = json_array();
	const char *id, *name;

	for (int i = 0; i < n; i++) {
		get(s, i, &id, &name);
		json_array_append_new(a, json_pack("{s:s, s:s}", "id", id,
						   "name", name));
	}
	return a;
}

/* Team i: its GUID and name. */
static void team_pair(const struct sim *s, int i, const char **id,
		      const char **name)
{
	*id = s->teams[i].id;
	*name = s->teams[i].name;
}

/* Service i: its GUID and name. */
static void service_pair(const struct sim *s, int i, const char **id,
			 const char **name)
{
	*id = s->svcs[i].id;
	*name = s->svcs[i].name;
}

/* Agent i: its login id (what agent grids show as login_id) and its name. */
static void agent_pair(const struct sim *s, int i, const char **id,
		       const char **name)
{
	*id = s->agents[i].login_id;
	*name = s->agents[i].full;
}

/*
 * The lists, bare arrays as the vendor's examples answer:
 *   teams, services: [{"id": "<GUID>", "name": "<name>"}]
 *   agents:          [{"id": "<login id>", "name": "<first last>"}]
 *   dispositions:    ["<name>", ...]
 */
char *brightpattern_view_cfg(struct sim *s, const char *what)
{
	json_t *a;
	char *out;

	if (strcmp(what, "teams") == 0)
		a = pairs_json(s, s->nteams, team_pair);
	else if (strcmp(what, "services") == 0)
		a = pairs_json(s, s->nsvcs, service_pair);
	else if (strcmp(what, "agents") == 0)
		a = pairs_json(s, s->nagents, agent_pair);
	else if (strcmp(what, "dispositions") == 0) {
		a = json_array();
		for (int d = 0; d < SIM_NDISP; d++)
			json_array_append_new(a,
					      json_string(sim_dispositions[d]));
	} else
		return NULL;
	out = json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(a);
	return out;
}

/* check_available_agents: -1 unknown service, 0 nobody ready, 1 someone. */
int brightpattern_view_available(struct sim *s, const char *service)
{
	int v = sim_find_service(s, service);
	double *f;
	bool ready;

	if (v < 0)
		return -1;
	f = xmalloc(FIG_N * sizeof(*f));
	sim_service_figures(s, v, f);
	ready = f[L_READY] > 0;
	free(f);
	return ready ? 1 : 0;
}
