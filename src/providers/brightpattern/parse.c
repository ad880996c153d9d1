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
		return snapshot_text(s, json_string_value(v), json_string_length(v));
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

	/* The server leaves acd_state empty (or "0") for an agent logged out. */
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

/* The totals of one app: an object of name -> value (or a list of them). */
static void parse_totals(struct snapshot *s, const struct layoutset *set,
			 json_t *totals, const char *scope, struct shape *sh)
{
	const char *name;
	json_t *v;

	if (json_is_array(totals)) {
		size_t i;
		json_t *item;
		json_array_foreach(totals, i, item) {
			if (json_is_object(item))
				parse_totals(s, set, item, scope, sh);
			else
				shape_skip(sh, "stats_totals entry is not an object");
		}
		return;
	}
	if (!json_is_object(totals)) {
		shape_skip(sh, "stats_totals is not an object");
		return;
	}
	json_object_foreach(totals, name, v) {
		const char *text = NULL;
		for (size_t t = 0; t < set->ntotals; t++) {
			if (strcmp(set->totals[t], name) != 0 ||
			    (scope && strcmp(set->total_scopes[t], scope) != 0))
				continue;
			if (text == NULL)
				text = value_text(s, v);
			snapshot_set_total(s, t, text);
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
		if (text && p->cols[c].fmt == FMT_STATE)
			text = brightpattern_state_word(text);
		snapshot_set(s, gid, r, c, text);
	}
}

/* One grid: {"id": ..., "values": [{col: value}, ...]}. */
static void parse_grid(struct snapshot *s, const struct layoutset *set,
		       json_t *grid, struct shape *sh)
{
	json_t *id = json_object_get(grid, "id");
	json_t *values = json_object_get(grid, "values");
	long gid;
	size_t nrows = 0, i;
	json_t *row;

	if (!json_is_string(id) || !json_is_array(values)) {
		shape_skip(sh, "grid without id or values");
		return;
	}
	gid = grid_lookup(set, json_string_value(id));
	if (gid < 0)
		return;		/* not ours: another client's grid */
	json_array_foreach(values, i, row)
		if (json_is_object(row))
			nrows++;
	snapshot_grid_alloc(s, (size_t)gid, nrows);
	nrows = 0;
	json_array_foreach(values, i, row) {
		if (!json_is_object(row)) {
			shape_skip(sh, "grid row is not an object");
			continue;
		}
		parse_row(s, set->grids[gid].panel, (size_t)gid, nrows++, row);
	}
}

/* service_grids or agent_grids: a list of grids. */
static void parse_grids(struct snapshot *s, const struct layoutset *set,
			json_t *grids, struct shape *sh)
{
	size_t i;
	json_t *grid;

	if (!json_is_array(grids)) {
		shape_skip(sh, "grid list is not an array");
		return;
	}
	json_array_foreach(grids, i, grid) {
		if (json_is_object(grid))
			parse_grid(s, set, grid, sh);
		else
			shape_skip(sh, "grid is not an object");
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
			if (sscanf(s, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon,
				   &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
				   &tm.tm_sec) < 5)
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
static void parse_app(struct snapshot *s, const struct layoutset *set,
		      const char *appid, json_t *app, struct shape *sh)
{
	json_t *v;

	if ((v = json_object_get(app, "stats_totals")) != NULL)
		parse_totals(s, set, v, app_scope(set, appid), sh);
	if ((v = json_object_get(app, "service_grids")) != NULL)
		parse_grids(s, set, v, sh);
	if ((v = json_object_get(app, "agent_grids")) != NULL)
		parse_grids(s, set, v, sh);
	if ((v = json_object_get(app, "chat_messages")) != NULL)
		parse_messages(s, v, sh);
}

struct snapshot *brightpattern_parse_data(const char *body, size_t len,
				     const struct layoutset *set,
				     char *err, size_t errsz)
{
	json_t *root, *app;
	const char *appid;
	struct snapshot *s;
	struct shape sh = { err, errsz, 0 };

	if (errsz)
		err[0] = '\0';
	root = json_body(body, len, true, err, errsz);
	if (root == NULL)
		return NULL;
	s = snapshot_new(set);
	json_object_foreach(root, appid, app) {
		if (json_is_object(app))
			parse_app(s, set, appid, app, &sh);
		else
			shape_skip(&sh, "an app's data is not an object");
	}
	json_decref(root);
	return s;
}

char *brightpattern_parse_token(const char *body, size_t len)
{
	json_t *root = json_body(body, len, true, NULL, 0);
	json_t *tok = root ? json_object_get(root, "token") : NULL;
	char *out = json_is_string(tok) ? xstrdup(json_string_value(tok)) : NULL;

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
			out = sanitize_dup(json_string_value(v), json_string_length(v));
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

