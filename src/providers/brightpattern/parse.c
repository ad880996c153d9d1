/*
 * parse.c - Bright Pattern response bodies to the core's model.
 *
 * The data body is {"<app id>": {"stats_totals": {...}, "service_grids":
 * [...], "agent_grids": [...], "chat_messages": [...]}, ...}. Grids are
 * matched to panels by the grid id the subscription gave them; a row's
 * cells are taken in the panel's column order by column id. Everything the
 * server says is text that goes through snapshot_text() (the sanitiser).
 */
#include "autoconf.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "net/jsonbody.h"
#include "sanitize.h"
#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/selection.h"
#include "state.h"

/*
 * Take a JSON value as the text of a cell: strings as they are, numbers
 * and booleans written out (servers are not always consistent), null and
 * containers as no cell at all.
 */
static const char *value_text(struct snapshot *s, json_t *v)
{
	char num[64];
	int n;

	switch (json_typeof(v)) {
	case JSON_STRING:
		return snapshot_text(s, json_string_value(v),
				     json_string_length(v));
	case JSON_INTEGER:
		n = snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			     json_integer_value(v));
		return snapshot_text(s, num, (size_t)n);
	case JSON_REAL:
		return snapshot_number(s, json_real_value(v), -1);
	case JSON_TRUE:
		return "1";
	case JSON_FALSE:
		return "0";
	default:
		return NULL;
	}
}

const char *brightpattern_state_word(const char *raw)
{
	const struct state_word *sw;

	/*
	 * The server leaves acd_state empty (or "0") for an agent logged out.
	 */
	if (raw[0] == '\0' || strcmp(raw, "0") == 0)
		return STATE_LOGGED_OUT;
	sw = state_at(state_find(raw));
	return sw ? sw->word : raw;
}

/*
 * The service selection an app's totals were asked for: a totals panel's
 * own app (the collection dialect) has its panel's; any other app (the
 * documented dialect's one app) answers for every selection (NULL).
 */
static const char *app_scope(const struct layoutset *set, const char *appid)
{
	for (size_t i = 0; i < set->ntotal_apps; i++)
		if (strcmp(set->total_apps[i], appid) == 0)
			return set->total_app_scopes[i];
	return NULL;
}

/*
 * What one parse reads against: the layouts, and the plan of selections
 * (NULL: every row as the server sent it).
 */
struct parse {
	struct snapshot *s;
	const struct layoutset *set;
	const struct selection *sel;
	struct shape *sh;
};

/*
 * The totals of one app: an object of name -> value (or a list of them).
 * In the documented dialect, totals over services come from their own
 * grids (selection.h): the app's are the unselected ones only.
 */
static void parse_totals(struct parse *ps, json_t *totals, const char *scope)
{
	struct snapshot *s = ps->s;
	const struct layoutset *set = ps->set;
	bool unscoped = ps->sel && ps->sel->dialect == DIALECT_DOCUMENTED;
	const char *name;
	json_t *v;

	if (json_is_array(totals)) {
		size_t i;
		json_t *item;
		json_array_foreach(totals, i, item) {
			if (json_is_object(item))
				parse_totals(ps, item, scope);
			else
				shape_skip(ps->sh, "stats_totals entry is not "
						   "an object");
		}
		return;
	}
	if (!json_is_object(totals)) {
		shape_skip(ps->sh, "stats_totals is not an object");
		return;
	}
	json_object_foreach(totals, name, v) {
		const char *text = NULL;
		for (size_t t = 0; t < set->ntotals; t++) {
			if (strcmp(set->totals[t], name) != 0 ||
			    (scope &&
			     strcmp(set->total_scopes[t], scope) != 0) ||
			    (unscoped && set->total_scopes[t][0] != '\0'))
				continue;
			if (text == NULL)
				text = value_text(s, v);
			snapshot_set_total(s, t, text);
			snapshot_saw_json_total(s, t, json_typeof(v));
		}
	}
}

/* The grid panel a grid id names, or -1. */
static long grid_lookup(const struct layoutset *set, const char *id)
{
	for (size_t g = 0; g < set->ngrids; g++)
		if (strcmp(set->grids[g].key, id) == 0)
			return (long)g;
	return -1;
}

/* Fill one row of grid gid from a row object. */
static void parse_row(struct snapshot *s, const struct panel *p, size_t gid,
		      size_t r, json_t *row)
{
	for (size_t c = 0; c < p->ncols; c++) {
		json_t *v = json_object_get(row, p->cols[c].id);
		const char *text = v ? value_text(s, v) : NULL;
		if (v)
			snapshot_saw_json(s, gid, c, json_typeof(v));
		if (text && p->cols[c].fmt == FMT_STATE)
			text = brightpattern_state_word(text);
		snapshot_set(s, gid, r, c, text);
	}
}

/* The text of a row's member (a string, or a number written out), or NULL. */
static const char *member_text(json_t *row, const char *key, char *num,
			       size_t numsz)
{
	json_t *v = key ? json_object_get(row, key) : NULL;

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(num, numsz, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		return num;
	}
	if (json_is_boolean(v))
		return json_is_true(v) ? "1" : "0";
	return NULL;
}

/*
 * True when a row is one the panel chose (sel: the board's choice of grid
 * rows, or NULL): its service name is selected, its agent logged in. The
 * selected services a row names are marked in seen.
 */
static bool row_chosen(const struct panel *p, const struct sel_grid *sel,
		       json_t *row, bool *seen)
{
	char num[32];
	const char *v;
	size_t which;
	double d;

	if (sel == NULL)
		return true;
	if (sel->logged_id &&
	    (v = member_text(row, sel->logged_id, num, sizeof(num))) != NULL &&
	    (strcasecmp(v, "false") == 0 ||
	     (parse_double(v, &d) && d == 0)))
		return false;
	if (sel->name_id == NULL)
		return true;
	v = member_text(row, sel->name_id, num, sizeof(num));
	if (!brightpattern_selection_names(p, v, &which))
		return false;
	seen[which] = true;
	return true;
}

/*
 * Say what a selection named that no row of the server's data had: the
 * name on the panel (grids) and, with its layout and panel, in a note.
 */
static void unseen_services(struct snapshot *s, const struct layout *l,
			    const struct panel *p, const bool *seen)
{
	char text[300];

	for (size_t i = 0; i < p->nservices; i++) {
		if (seen[i])
			continue;
		snapshot_note(s, "%s:%d: panel \"%s\": service \"%s\" is in no "
			      "row of the server's data", l->file, p->line,
			      p->id, p->services[i]);
		if (p->kind == PANEL_TOTALS)
			continue;
		snprintf(text, sizeof(text), "%s%sservice \"%s\" not found",
			 s->grids[p->gid].notice ? s->grids[p->gid].notice : "",
			 s->grids[p->gid].notice ? "; " : "", p->services[i]);
		snapshot_grid_notice(s, p->gid, text);
	}
}

/* One grid panel's rows: those the plan keeps, in the server's order. */
static void parse_grid_rows(struct parse *ps, size_t gid, json_t *values)
{
	const struct grid_ref *g = &ps->set->grids[gid];
	const struct sel_grid *sel =
		brightpattern_selection_client(ps->sel, gid)
			? &ps->sel->grids[gid]
			: NULL;
	bool *seen = xcalloc(g->panel->nservices + 1, sizeof(bool));
	size_t nrows = 0, i;
	json_t *row;

	json_array_foreach(values, i, row)
		if (json_is_object(row) && row_chosen(g->panel, sel, row, seen))
			nrows++;
	snapshot_grid_alloc(ps->s, gid, nrows);
	nrows = 0;
	json_array_foreach(values, i, row) {
		if (!json_is_object(row)) {
			shape_skip(ps->sh, "grid row is not an object");
			continue;
		}
		if (row_chosen(g->panel, sel, row, seen))
			parse_row(ps->s, g->panel, gid, nrows++, row);
	}
	if (sel && sel->name_id)
		unseen_services(ps->s, g->layout, g->panel, seen);
	free(seen);
}

/*
 * A totals panel over services, from its own service grid (documented
 * dialect): one service's row as it is; several services' counts added
 * up, and what cannot be added up unavailable.
 */
static void parse_totals_grid(struct parse *ps, const struct sel_totals *t,
			      json_t *values)
{
	const struct panel *p = t->panel;
	struct sel_grid by_name = { .name_id = t->name_id };
	bool *seen = xcalloc(p->nservices + 1, sizeof(bool));
	json_t *row, *one = NULL;
	size_t n = 0, i;

	json_array_foreach(values, i, row)
		if (json_is_object(row) && row_chosen(p, &by_name, row, seen)) {
			one = row;
			n++;
		}
	for (size_t c = 0; c < p->ncols && n > 0; c++) {
		const struct column *col = &p->cols[c];
		json_t *v;
		double sum = 0, d;

		if (n == 1 && (v = json_object_get(one, col->id)) != NULL) {
			snapshot_set_total(ps->s, col->tid,
					   value_text(ps->s, v));
			snapshot_saw_json_total(ps->s, col->tid,
						json_typeof(v));
			continue;
		}
		if (n == 1 || (col->info && (col->info->flags & STAT_PROBE)))
			continue;
		if (!brightpattern_selection_adds_up(ps->set, col)) {
			snapshot_set_total_unavailable(ps->s, col->tid);
			continue;
		}
		json_array_foreach(values, i, row) {
			char num[32];
			const char *text;
			if (!json_is_object(row) ||
			    !row_chosen(p, &by_name, row, seen))
				continue;
			v = json_object_get(row, col->id);
			if (v)
				snapshot_saw_json_total(ps->s, col->tid,
							json_typeof(v));
			text = member_text(row, col->id, num, sizeof(num));
			if (json_is_real(v))
				sum += json_real_value(v);
			else if (text && parse_double(text, &d))
				sum += d;
		}
		snapshot_set_total_number(ps->s, col->tid, sum, -1);
	}
	unseen_services(ps->s, t->layout, p, seen);
	free(seen);
}

/* One grid: {"id": ..., "values": [{col: value}, ...]}. */
static void parse_grid(struct parse *ps, json_t *grid)
{
	json_t *id = json_object_get(grid, "id");
	json_t *values = json_object_get(grid, "values");
	const struct sel_totals *t;
	long gid;

	if (!json_is_string(id) || !json_is_array(values)) {
		shape_skip(ps->sh, "grid without id or values");
		return;
	}
	gid = grid_lookup(ps->set, json_string_value(id));
	if (gid >= 0)
		parse_grid_rows(ps, (size_t)gid, values);
	else if ((t = brightpattern_selection_totals(
			  ps->sel, json_string_value(id))) != NULL)
		parse_totals_grid(ps, t, values);
	/* else not ours: another client's grid */
}

/* service_grids or agent_grids: a list of grids. */
static void parse_grids(struct parse *ps, json_t *grids)
{
	size_t i;
	json_t *grid;

	if (!json_is_array(grids)) {
		shape_skip(ps->sh, "grid list is not an array");
		return;
	}
	json_array_foreach(grids, i, grid) {
		if (json_is_object(grid))
			parse_grid(ps, grid);
		else
			shape_skip(ps->sh, "grid is not an object");
	}
}

/*
 * A send time: epoch seconds or milliseconds (as text or number), or an
 * ISO 8601 UTC time. 0 when it is none of these.
 */
static double parse_time(json_t *v)
{
	double t = 0;
	const char *s;
	struct tm tm;

	if (json_is_number(v))
		t = json_number_value(v);
	else if (json_is_string(v)) {
		s = json_string_value(v);
		if (!parse_double(s, &t)) {
			memset(&tm, 0, sizeof(tm));
			if (sscanf(s, "%d-%d-%dT%d:%d:%d", &tm.tm_year,
				   &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
				   &tm.tm_min, &tm.tm_sec) < 5)
				return 0;
			tm.tm_year -= 1900;
			tm.tm_mon -= 1;
			t = (double)timegm(&tm);
		}
	}
	if (t > 1e11)
		t /= 1000;
	/* Past the year 9999 is no time at all (and would overflow time_t). */
	return t > 0 && t < 253402300800.0 ? t : 0;
}

/* A message field as sanitised text, "" when absent. */
static const char *msg_field(struct snapshot *s, json_t *m, const char *key)
{
	json_t *v = json_object_get(m, key);
	const char *t = v ? value_text(s, v) : NULL;

	return t ? t : "";
}

/* True when an is_urgent value says so ("1", 1, true, "true"). */
static bool is_true(json_t *v)
{
	if (json_is_true(v))
		return true;
	if (json_is_integer(v))
		return json_integer_value(v) != 0;
	if (json_is_string(v))
		return strcmp(json_string_value(v), "1") == 0 ||
		       strcasecmp(json_string_value(v), "true") == 0;
	return false;
}

/* chat_messages: a list of message objects, appended to s->msgs. */
static void parse_messages(struct snapshot *s, json_t *list, struct shape *sh)
{
	size_t i;
	json_t *m;

	if (!json_is_array(list)) {
		shape_skip(sh, "chat_messages is not an array");
		return;
	}
	s->msgs = xreallocarray(s->msgs, s->nmsgs + json_array_size(list),
				sizeof(*s->msgs));
	json_array_foreach(list, i, m) {
		if (!json_is_object(m)) {
			shape_skip(sh, "chat message is not an object");
			continue;
		}
		struct snap_msg *msg = &s->msgs[s->nmsgs++];
		msg->id = msg_field(s, m, "id");
		msg->login_id = msg_field(s, m, "login_id");
		msg->first_name = msg_field(s, m, "first_name");
		msg->last_name = msg_field(s, m, "last_name");
		msg->content = msg_field(s, m, "content");
		msg->send_time = parse_time(json_object_get(m, "send_time"));
		msg->urgent = is_true(json_object_get(m, "is_urgent"));
	}
}

/* One app id's object. */
static void parse_app(struct parse *ps, const char *appid, json_t *app)
{
	json_t *v;

	if ((v = json_object_get(app, "stats_totals")) != NULL)
		parse_totals(ps, v, app_scope(ps->set, appid));
	if ((v = json_object_get(app, "service_grids")) != NULL)
		parse_grids(ps, v);
	if ((v = json_object_get(app, "agent_grids")) != NULL)
		parse_grids(ps, v);
	if ((v = json_object_get(app, "chat_messages")) != NULL)
		parse_messages(ps->s, v, ps->sh);
}

/* What the plan has every snapshot say: panels' notices, its notes. */
static void plan_notices(struct snapshot *s, const struct selection *sel)
{
	for (size_t g = 0; sel && g < sel->ngrids; g++)
		if (sel->grids[g].notice)
			snapshot_grid_notice(s, g, sel->grids[g].notice);
	for (size_t n = 0; sel && n < sel->nnotes; n++)
		snapshot_note(s, "%s:%d: panel \"%s\": %s",
			      sel->notes[n].layout->file,
			      sel->notes[n].panel->line,
			      sel->notes[n].panel->id, sel->notes[n].text);
}

struct snapshot *brightpattern_parse_data(const char *body, size_t len,
				     const struct layoutset *set,
				     const struct selection *sel,
				     char *err, size_t errsz)
{
	json_t *root, *app;
	const char *appid;
	struct shape sh = { err, errsz, 0 };
	struct parse ps = { NULL, set, sel, &sh };

	if (errsz)
		err[0] = '\0';
	root = json_body(body, len, true, err, errsz);
	if (root == NULL)
		return NULL;
	ps.s = snapshot_new(set);
	plan_notices(ps.s, sel);
	json_object_foreach(root, appid, app) {
		if (json_is_object(app))
			parse_app(&ps, appid, app);
		else
			shape_skip(&sh, "an app's data is not an object");
	}
	json_decref(root);
	return ps.s;
}

char *brightpattern_parse_token(const char *body, size_t len)
{
	json_t *root = json_body(body, len, true, NULL, 0);
	json_t *tok = root ? json_object_get(root, "token") : NULL;
	char *out =
		json_is_string(tok) ? xstrdup(json_string_value(tok)) : NULL;

	json_decref(root);
	return out;
}

char *brightpattern_parse_error(const char *body, size_t len)
{
	static const char *const keys[] = {
		"error_message", "error_description", "error", "message"
	};
	json_t *root = json_body(body, len, true, NULL, 0);
	char *out = NULL;

	for (size_t i = 0; root && out == NULL && i < WB_ARRAY_LEN(keys); i++) {
		json_t *v = json_object_get(root, keys[i]);
		if (json_is_string(v))
			out = sanitize_dup(json_string_value(v),
					   json_string_length(v));
	}
	json_decref(root);
	return out;
}

/* A sanitised copy of a string member, or NULL. */
static char *member_dup(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	return json_is_string(v) ?
	       sanitize_dup(json_string_value(v), json_string_length(v)) : NULL;
}

long brightpattern_parse_list(const char *body, size_t len, const char *what,
			 struct cfg_item **out)
{
	json_t *root = json_loadb(body, len, 0, NULL);
	json_t *list = root, *v;
	struct cfg_item *items;
	size_t i, n = 0;

	*out = NULL;
	if (json_is_object(root))
		list = json_object_get(root, what);
	if (!json_is_array(list)) {
		json_decref(root);
		return -1;
	}
	items = xcalloc(json_array_size(list), sizeof(*items));
	json_array_foreach(list, i, v) {
		if (json_is_string(v)) {
			items[n].name = sanitize_dup(json_string_value(v),
						     json_string_length(v));
		} else if (json_is_object(v)) {
			items[n].id = member_dup(v, "id");
			items[n].name = member_dup(v, "name");
			if (items[n].name == NULL)
				items[n].name = xstrdup("");
		} else
			continue;
		n++;
	}
	json_decref(root);
	*out = items;
	return (long)n;
}

