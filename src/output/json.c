/*
 * json.c - the JSON document of --once --format json. See json.h; the
 * shape is documented in wallboard(1), JSON OUTPUT, and built with
 * jansson, so whatever a name holds the document is well formed.
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "alert.h"
#include "format.h"
#include "output/json.h"
#include "state.h"
#include "table.h"

#define CELL_MAX 256

/* The unit of a column's numbers, in words; NULL for text and states. */
static const char *unit_word(enum fmt f)
{
	switch (f) {
	case FMT_COUNT: return "count";
	case FMT_DURATION: return "seconds";
	case FMT_PERCENT: return "percent";
	case FMT_DECIMAL: return "number";
	case FMT_TIME: return "epoch_seconds";
	default: return NULL;
	}
}

/* A string or null. */
static json_t *str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* A number: whole numbers as integers, others as reals. */
static json_t *number(double v)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* A column as the document describes it. */
static json_t *column_json(const struct column *c)
{
	json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:o, s:s}",
			      "id", c->id, "title", c->title,
			      "statistic", c->stat, "format", fmt_name(c->fmt),
			      "unit", str_or_null(unit_word(c->fmt)),
			      "alert", alert_kind_name(c->alert));

	if (c->th.has_warn || c->th.has_crit) {
		json_object_set_new(j, "warn", c->th.has_warn ?
				    number(c->th.warn) : json_null());
		json_object_set_new(j, "crit", c->th.has_crit ?
				    number(c->th.crit) : json_null());
		json_object_set_new(j, "bad", json_string(c->th.high_is_bad ?
							  "high" : "low"));
	}
	return j;
}

/* The typed value of a cell: number, state word, text, or null. */
static json_t *cell_value(const struct column *c, const struct cell *v)
{
	const struct state_word *sw;
	double d;

	if (v->unavailable || v->text == NULL || *v->text == '\0')
		return json_null();
	if (c->fmt == FMT_STATE)
		return (sw = state_at(v->state)) ? json_string(sw->word) :
		       json_null();
	if (c->fmt == FMT_TIME && !isnan(v->num))
		return number(v->num > 1e11 ? floor(v->num / 1000) : v->num);
	if (c->fmt != FMT_TEXT && table_number(c, v, 0, &d))
		return number(d);
	return json_string(v->text);
}

/* A cell: its value, the text shown, its level; refused ones marked. */
static json_t *cell_json(const struct column *c, const struct cell *v)
{
	char text[CELL_MAX];
	enum role r = table_cell(c, v, 0, text, sizeof(text));
	json_t *j =
		json_pack("{s:o, s:s, s:o}", "value", cell_value(c, v), "text",
			  text, "level", str_or_null(role_level(r)));

	if (v->unavailable)
		json_object_set_new(j, "unavailable", json_true());
	return j;
}

/* The cells of one grid row, by column id. */
static json_t *row_values(const struct panel *p, const struct snapshot *s,
			  size_t r)
{
	json_t *j = json_object();

	for (size_t c = 0; c < p->ncols; c++)
		json_object_set_new(j, p->cols[c].id, cell_json(&p->cols[c],
				    snapshot_cell(s, p->gid, r, c)));
	return j;
}

/* A grid's rows as the board shows them: filtered, sorted, limited. */
static void grid_json(json_t *j, const struct panel *p,
		      const struct snapshot *s)
{
	const struct snap_grid *g = &s->grids[p->gid];
	struct table t = { 0 };
	json_t *rows = json_array();
	char key[ALERT_ROW_MAX];

	json_object_set_new(j, "present", json_boolean(g->present));
	json_object_set_new(j, "notice", str_or_null(g->notice));
	table_build(&t, p, s);
	for (size_t i = 0; i < t.nrows; i++)
		json_array_append_new(rows, json_pack("{s:s, s:o}", "key",
			alert_row_key(p, s, t.rows[i], key, sizeof(key)),
			"values", row_values(p, s, t.rows[i])));
	json_object_set_new(j, "rows", rows);
	json_object_set_new(j, "rows_sent", json_integer((json_int_t)t.total));
	json_object_set_new(j, "rows_more",
			    json_integer((json_int_t)(t.matched - t.nrows)));
	table_free(&t);
}

/* A ticker's messages, newest first. */
static json_t *messages_json(const struct panel *p, const struct snapshot *s)
{
	size_t idx[512];
	size_t n = table_messages(p, s, idx, WB_ARRAY_LEN(idx));
	json_t *a = json_array();
	char when[32];

	for (size_t i = 0; i < n; i++) {
		const struct snap_msg *m = &s->msgs[idx[i]];
		format_iso_utc(when, sizeof(when), m->send_time);
		json_array_append_new(
			a,
			json_pack("{s:o, s:s, s:s, s:s, s:b, s:s}", "time",
				  when[0] ? json_string(when) : json_null(),
				  "login_id", m->login_id ? m->login_id : "",
				  "first_name",
				  m->first_name ? m->first_name : "",
				  "last_name", m->last_name ? m->last_name : "",
				  "urgent", m->urgent, "text",
				  m->content ? m->content : ""));
	}
	return a;
}

/* One panel: what it is, its columns, and its data. */
static json_t *panel_json(const struct panel *p, const struct snapshot *s)
{
	json_t *j = json_pack("{s:s, s:s, s:s}", "id", p->id, "title", p->title,
			      "type", panel_kind_name(p->kind));
	json_t *cols = json_array(), *vals;

	for (size_t c = 0; c < p->ncols; c++)
		json_array_append_new(cols, column_json(&p->cols[c]));
	json_object_set_new(j, "columns", cols);
	switch (p->kind) {
	case PANEL_TOTALS:
		vals = json_object();
		for (size_t c = 0; c < p->ncols; c++)
			json_object_set_new(
				vals, p->cols[c].id,
				cell_json(&p->cols[c],
					  &s->totals[p->cols[c].tid]));
		json_object_set_new(j, "values", vals);
		break;
	case PANEL_AGENT_GRID:
	case PANEL_SERVICE_GRID:
		grid_json(j, p, s);
		break;
	case PANEL_TICKER:
		json_object_set_new(j, "messages", messages_json(p, s));
		break;
	}
	return j;
}

/* One layout and its panels. */
static json_t *layout_json(const struct layout *l, const struct snapshot *s)
{
	json_t *panels = json_array();

	for (size_t i = 0; i < l->npanels; i++)
		json_array_append_new(panels, panel_json(&l->panels[i], s));
	return json_pack("{s:s, s:o, s:s, s:o}", "title", l->title, "key",
			 l->key ? json_integer(l->key) : json_null(), "file",
			 l->file, "panels", panels);
}

int once_json(FILE *out, const struct once_result *r)
{
	json_t *doc, *layouts = json_null();
	char when[32] = "";
	size_t flags = JSON_INDENT(2) | JSON_REAL_PRECISION(15) |
		       (r->ascii ? JSON_ENSURE_ASCII : 0);

	if (r->snap != NULL) {
		layouts = json_array();
		for (size_t i = 0; i < r->set->n; i++)
			json_array_append_new(layouts,
				layout_json(r->set->layouts[i], r->snap));
		format_iso_utc(when, sizeof(when), r->snap->received_wall);
	}
	doc = json_pack("{s:i, s:s, s:s, s:{s:s, s:s, s:b}, s:o, s:f, s:o}",
			"format_version", JSON_FORMAT_VERSION,
			"generator", PACKAGE_STRING,
			"provider", r->cfg->provider,
			"source", "state", conn_state_name(r->st->state),
			"message", r->st->message, "partial", r->st->partial,
			"data_time", when[0] ? json_string(when) : json_null(),
			"waited", floor(r->waited * 1000) / 1000,
			"layouts", layouts);
	json_dumpf(doc, out, flags);
	fputc('\n', out);
	json_decref(doc);
	return r->snap != NULL ? 0 : 1;
}
