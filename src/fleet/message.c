/*
 * message.c - the fleet's JSON messages, both ways. See message.h and
 * wallboard(1), MESSAGES, for the contract.
 *
 * Decoding is strict about shape (a message that breaks the contract is
 * refused whole, and the screen keeps the last good one) and lenient about
 * nothing: every text that reaches a snapshot goes through snapshot_text(),
 * every other text through the sanitiser, so a message cannot put a
 * control character on a terminal or in a log.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fleet/message.h"
#include "net/jsonbody.h"
#include "sanitize.h"
#include "state.h"

const char *fleet_layout_name(const struct layout *l, char *buf, size_t size)
{
	const char *base = strrchr(l->file, '/');
	size_t n;

	base = base ? base + 1 : l->file;
	n = strlen(base);
	if (n > 7 && strcmp(base + n - 7, ".layout") == 0)
		n -= 7;
	if (n >= size)
		n = size - 1;
	if (n > FLEET_NAME_MAX)
		n = FLEET_NAME_MAX;
	/* A topic level: no '/', no wildcard, nothing a shell would mind. */
	for (size_t i = 0; i < n; i++) {
		char c = base[i];
		buf[i] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
					 (c >= '0' && c <= '9') || c == '-' ||
					 c == '_' || c == '.'
				 ? c
				 : '_';
	}
	buf[n] = '\0';
	return buf;
}

/* Print JSON compactly (malloc'd); takes the reference. */
static char *dump(json_t *root, size_t *len)
{
	char *s = root ? json_dumps(root, JSON_COMPACT) : NULL;

	json_decref(root);
	if (len)
		*len = s ? strlen(s) : 0;
	return s;
}

/* A sanitised string member of o into out; "" when missing. */
static void get_text(const json_t *o, const char *key, char *out, size_t size)
{
	const json_t *v = json_object_get(o, key);
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);

	out[0] = '\0';
	if (s == NULL)
		return;
	char *clean = sanitize_dup(s, n);
	snprintf(out, size, "%s", clean);
	free(clean);
}

/* A finite number member of o, or 0. */
static double get_num(const json_t *o, const char *key)
{
	double v = json_number_value(json_object_get(o, key));

	return isfinite(v) ? v : 0;
}

/*
 * Read payload as a message of this contract: a JSON object of version
 * FLEET_VERSION, not over the size bound. NULL with the reason in err.
 */
static json_t *open_message(const char *payload, size_t len, char *err,
			    size_t errsz)
{
	json_t *root, *v;

	if (len > FLEET_MAX_MESSAGE) {
		snprintf(err, errsz,
			 "message of %zu bytes is over the bound of %u",
			 len, FLEET_MAX_MESSAGE);
		return NULL;
	}
	if ((root = json_body(payload, len, true, err, errsz)) == NULL)
		return NULL;
	v = json_object_get(root, "v");
	if (!json_is_integer(v) || json_integer_value(v) != FLEET_VERSION) {
		snprintf(err, errsz,
			 "message of version %s%lld is not understood "
			 "(this program reads version %d)",
			 json_is_integer(v) ? "" : "(none) ",
			 json_is_integer(v) ? (long long)json_integer_value(v)
					    : 0LL,
			 FLEET_VERSION);
		json_decref(root);
		return NULL;
	}
	return root;
}

/* --- status and claim --------------------------------------------------- */

/* The members status and claim share. */
static json_t *status_object(const struct fleet_status *st, const char *state)
{
	json_t *o = json_pack("{s:i, s:s, s:s, s:s, s:f}", "v", FLEET_VERSION,
			      "state", state, "id", st->id, "source",
			      st->source, "started", st->started);

	if (o && st->since > 0)
		json_object_set_new(o, "since", json_real(st->since));
	return o;
}

char *fleet_encode_status(const struct fleet_status *st)
{
	json_t *o = status_object(st, st->online ? "online" : "offline");
	json_t *names = json_array();

	for (size_t i = 0; i < st->nlayouts; i++)
		json_array_append_new(names, json_string(st->layouts[i]));
	json_object_set_new(o, "layouts", names);
	if (st->interval > 0)
		json_object_set_new(o, "interval", json_real(st->interval));
	if (st->online)
		json_object_set_new(o, "upstream",
				    json_pack("{s:s, s:s}", "state",
					      st->upstream, "message",
					      st->message));
	return dump(o, NULL);
}

char *fleet_encode_claim(const struct fleet_status *st)
{
	return dump(status_object(st, st->online ? "holding" : "claiming"),
		    NULL);
}

/* The layouts a status lists: names only, each a topic level. */
static bool decode_names(const json_t *a, struct fleet_status *st, char *err,
			 size_t errsz)
{
	size_t i;
	const json_t *v;

	if (a == NULL)
		return true;
	if (!json_is_array(a) || json_array_size(a) > FLEET_MAX_LAYOUTS) {
		snprintf(err, errsz, "status: layouts is not a list of at most "
			 "%d names", FLEET_MAX_LAYOUTS);
		return false;
	}
	st->layouts = xcalloc(json_array_size(a) + 1, sizeof(*st->layouts));
	json_array_foreach(a, i, v) {
		const char *s = json_string_value(v);
		if (s == NULL || *s == '\0' || strlen(s) > FLEET_NAME_MAX ||
		    strcspn(s, "/+#") != strlen(s) ||
		    !sanitize_is_clean(s, strlen(s))) {
			snprintf(err, errsz, "status: layout name %zu is not a "
				 "name", i + 1);
			return false;
		}
		st->layouts[st->nlayouts++] = xstrdup(s);
	}
	return true;
}

bool fleet_decode_status(const char *payload, size_t len, bool claim,
			 struct fleet_status *st, char *err, size_t errsz)
{
	json_t *root = open_message(payload, len, err, errsz);
	char state[16];
	bool ok;

	memset(st, 0, sizeof(*st));
	if (root == NULL)
		return false;
	get_text(root, "state", state, sizeof(state));
	get_text(root, "id", st->id, sizeof(st->id));
	get_text(root, "source", st->source, sizeof(st->source));
	st->started = get_num(root, "started");
	st->since = get_num(root, "since");
	st->interval = get_num(root, "interval");
	get_text(json_object_get(root, "upstream"), "state", st->upstream,
		 sizeof(st->upstream));
	get_text(json_object_get(root, "upstream"), "message", st->message,
		 sizeof(st->message));
	st->online = strcmp(state, claim ? "holding" : "online") == 0;
	ok = st->id[0] != '\0' && (st->online || strcmp(state, claim ?
				   "claiming" : "offline") == 0);
	if (!ok)
		snprintf(err, errsz, "%s: no id, or a state that is none of %s",
			 claim ? "claim" : "status",
			 claim ? "holding, claiming" : "online, offline");
	if (ok && !claim)
		ok = decode_names(json_object_get(root, "layouts"), st, err,
				  errsz);
	json_decref(root);
	if (!ok)
		fleet_status_free(st);
	return ok;
}

void fleet_status_free(struct fleet_status *st)
{
	strv_free(st->layouts, st->nlayouts);
	st->layouts = NULL;
	st->nlayouts = 0;
}

/* --- layouts --------------------------------------------------- */

char *fleet_encode_layout(const struct layout *l, size_t index,
			  const char *name, const char *source,
			  const char *text)
{
	json_t *t = json_string(text);

	if (t == NULL)
		return NULL;
	return dump(json_pack("{s:i, s:s, s:i, s:I, s:s, s:s, s:o}", "v",
			      FLEET_VERSION, "name", name, "key", l->key,
			      "index", (json_int_t)index, "title",
			      l->title ? l->title : name,
			      "source", source, "text", t), NULL);
}

bool fleet_decode_layout(const char *payload, size_t len,
			 struct fleet_layout *fl, char *err, size_t errsz)
{
	json_t *root = open_message(payload, len, err, errsz);
	const json_t *text, *key, *index;
	char name[FLEET_NAME_MAX + 1], source[64];

	memset(fl, 0, sizeof(*fl));
	if (root == NULL)
		return false;
	text = json_object_get(root, "text");
	key = json_object_get(root, "key");
	index = json_object_get(root, "index");
	get_text(root, "name", name, sizeof(name));
	get_text(root, "source", source, sizeof(source));
	if (!json_is_string(text) || !json_is_integer(key) ||
	    json_integer_value(key) < 0 || json_integer_value(key) > 9 ||
	    !json_is_integer(index) || json_integer_value(index) < 0 ||
	    json_integer_value(index) >= FLEET_MAX_LAYOUTS || name[0] == '\0' ||
	    strlen(json_string_value(text)) != json_string_length(text)) {
		snprintf(err, errsz,
			 "layout: text, name, key (0-9) or index is "
			 "missing or of the wrong type");
		json_decref(root);
		return false;
	}
	fl->name = xstrdup(name);
	fl->key = (int)json_integer_value(key);
	fl->index = (long)json_integer_value(index);
	fl->source = xstrdup(source);
	fl->text = xstrdup(json_string_value(text));
	json_decref(root);
	return true;
}

void fleet_layout_free(struct fleet_layout *fl)
{
	free(fl->name);
	free(fl->source);
	free(fl->text);
	memset(fl, 0, sizeof(*fl));
}

/* --- data: encoding --------------------------------------------------- */

/* A cell as the contract writes it: null, a string, or unavailable. */
static json_t *cell_json(const struct cell *c)
{
	const struct state_word *w = state_at(c->state);

	if (c->unavailable)
		return json_pack("{s:b}", "unavailable", 1);
	if (c->text == NULL)
		return json_null();
	/* A state travels as the core's word: read the same everywhere. */
	return json_string(w ? w->word : c->text);
}

/* The services of a totals scope ('\n'-joined; "" is every service). */
static json_t *scope_json(const char *scope)
{
	json_t *a = json_array();
	const char *p = scope;

	while (p && *p) {
		size_t n = strcspn(p, "\n");
		json_array_append_new(a, json_stringn(p, n));
		p += n + (p[n] == '\n');
	}
	return a;
}

/* The totals of l's totals panels: one entry per statistic and scope. */
static json_t *totals_json(const struct snapshot *s, const struct layout *l)
{
	const struct layoutset *set = s->set;
	json_t *a = json_array();
	bool *done = xcalloc(set->ntotals + 1, sizeof(*done));

	for (size_t p = 0; p < l->npanels; p++) {
		const struct panel *pn = &l->panels[p];
		if (pn->kind != PANEL_TOTALS)
			continue;
		for (size_t c = 0; c < pn->ncols; c++) {
			size_t tid = pn->cols[c].tid;
			if (tid >= set->ntotals || done[tid])
				continue;
			done[tid] = true;
			json_t *e = json_pack("{s:s, s:o}", "stat",
					      set->totals[tid], "value",
					      cell_json(&s->totals[tid]));
			if (set->total_scopes[tid][0])
				json_object_set_new(
					e, "scope",
					scope_json(set->total_scopes[tid]));
			json_array_append_new(a, e);
		}
	}
	free(done);
	return a;
}

/* One grid: its column ids and rows of cells; NULL when not sent. */
static json_t *grid_json(const struct snapshot *s, const struct panel *p)
{
	const struct snap_grid *g = &s->grids[p->gid];
	json_t *cols = json_array(), *rows = json_array(), *o;

	if (!g->present) {
		json_decref(cols);
		json_decref(rows);
		return NULL;
	}
	for (size_t c = 0; c < p->ncols; c++)
		json_array_append_new(cols, json_string(p->cols[c].id));
	for (size_t r = 0; r < g->nrows; r++) {
		json_t *row = json_array();
		for (size_t c = 0; c < g->ncols; c++)
			json_array_append_new(
				row, cell_json(snapshot_cell(s, p->gid, r, c)));
		json_array_append_new(rows, row);
	}
	o = json_pack("{s:o, s:o}", "columns", cols, "rows", rows);
	if (g->notice)
		json_object_set_new(o, "notice", json_string(g->notice));
	return o;
}

/* A string member, or nothing when the text is NULL. */
static void set_text(json_t *o, const char *key, const char *text)
{
	if (text)
		json_object_set_new(o, key, json_string(text));
}

/* The chat messages, as the snapshot has them. */
static json_t *chat_json(const struct snapshot *s)
{
	json_t *a = json_array();

	for (size_t i = 0; i < s->nmsgs && i < FLEET_MAX_CHAT; i++) {
		const struct snap_msg *m = &s->msgs[i];
		json_t *o = json_pack("{s:b}", "urgent", m->urgent);
		set_text(o, "id", m->id);
		set_text(o, "login_id", m->login_id);
		set_text(o, "first_name", m->first_name);
		set_text(o, "last_name", m->last_name);
		set_text(o, "content", m->content);
		if (m->send_time > 0)
			json_object_set_new(o, "time", json_real(m->send_time));
		json_array_append_new(a, o);
	}
	return a;
}

char *fleet_encode_data(const struct snapshot *s, const struct layout *l,
			const char *name, unsigned long seq,
			const struct fleet_words *w, size_t *len)
{
	json_t *grids = json_object(), *notes = json_array(), *o;
	bool ticker = false;

	for (size_t p = 0; p < l->npanels; p++) {
		const struct panel *pn = &l->panels[p];
		json_t *g;
		if (pn->kind == PANEL_TICKER)
			ticker = true;
		if ((pn->kind == PANEL_AGENT_GRID ||
		     pn->kind == PANEL_SERVICE_GRID) &&
		    (g = grid_json(s, pn)) != NULL)
			json_object_set_new(grids, pn->id, g);
	}
	for (size_t i = 0; i < s->nnotes; i++)
		json_array_append_new(notes, json_string(s->notes[i]));
	o = json_pack("{s:i, s:s, s:I, s:f, s:{s:s, s:s, s:b}, s:o, s:o, s:o}",
		      "v", FLEET_VERSION, "layout", name, "seq",
		      (json_int_t)seq, "time", s->received_wall, "status",
		      "state", w->state, "message", w->message, "partial",
		      w->partial, "totals", totals_json(s, l), "grids", grids,
		      "notes", notes);
	if (ticker)
		json_object_set_new(o, "chat", chat_json(s));
	return dump(o, len);
}

/* --- data: decoding --------------------------------------------------- */

/* A cell of the contract: null, a string, or {"unavailable": true}. */
static bool cell_ok(const json_t *v)
{
	return json_is_null(v) || json_is_string(v) ||
	       (json_is_object(v) &&
		json_is_true(json_object_get(v, "unavailable")));
}

/* The totals: a list of {stat, scope?, value}. */
static bool totals_ok(const json_t *a, char *err, size_t errsz)
{
	size_t i;
	const json_t *e;

	if (!json_is_array(a)) {
		snprintf(err, errsz, "data: totals is not a list");
		return false;
	}
	json_array_foreach(a, i, e) {
		const json_t *scope = json_object_get(e, "scope");
		size_t j;
		const json_t *sv;
		bool ok = json_is_string(json_object_get(e, "stat")) &&
			  cell_ok(json_object_get(e, "value")) &&
			  (scope == NULL || json_is_array(scope));
		json_array_foreach(scope, j, sv)
			ok = ok && json_is_string(sv);
		if (!ok) {
			snprintf(err, errsz,
				 "data: total %zu is not {stat, value, scope}",
				 i + 1);
			return false;
		}
	}
	return true;
}

/* One grid: columns of ids, rows of as many cells, within the bound. */
static bool grid_ok(const char *id, const json_t *g, char *err, size_t errsz)
{
	const json_t *cols = json_object_get(g, "columns");
	const json_t *rows = json_object_get(g, "rows");
	const json_t *notice = json_object_get(g, "notice");
	size_t i, j, ncols = json_array_size(cols);
	const json_t *r, *c;
	char name[64];

	sanitize_line(name, sizeof(name), id);
	if (!json_is_array(cols) || !json_is_array(rows) ||
	    ncols > LAYOUT_MAX_COLUMNS || (notice && !json_is_string(notice))) {
		snprintf(err, errsz, "data: grid \"%s\" lacks columns or rows",
			 name);
		return false;
	}
	if (json_array_size(rows) > FLEET_MAX_ROWS) {
		snprintf(err, errsz,
			 "data: grid \"%s\" has %zu rows, over the bound of %d",
			 name, json_array_size(rows), FLEET_MAX_ROWS);
		return false;
	}
	json_array_foreach(cols, i, c)
		if (!json_is_string(c)) {
			snprintf(err, errsz,
				 "data: grid \"%s\": a column id is not a "
				 "string",
				 name);
			return false;
		}
	json_array_foreach(rows, i, r) {
		bool ok = json_is_array(r) && json_array_size(r) == ncols;
		json_array_foreach(r, j, c)
			ok = ok && cell_ok(c);
		if (!ok) {
			snprintf(err, errsz,
				 "data: grid \"%s\": row %zu is not a "
				 "list of %zu cells",
				 name, i + 1, ncols);
			return false;
		}
	}
	return true;
}

/* The chat: a list of objects whose members are of their types. */
static bool chat_ok(const json_t *a, char *err, size_t errsz)
{
	static const char *const texts[] = {
		"id", "login_id", "first_name", "last_name", "content"
	};
	size_t i;
	const json_t *m;

	if (a == NULL)
		return true;
	if (!json_is_array(a) || json_array_size(a) > FLEET_MAX_CHAT) {
		snprintf(err, errsz, "data: chat is not a list of at most %d "
			 "messages", FLEET_MAX_CHAT);
		return false;
	}
	json_array_foreach(a, i, m) {
		const json_t *t = json_object_get(m, "time");
		bool ok = json_is_object(m) && (t == NULL || json_is_number(t));
		for (size_t k = 0; k < WB_ARRAY_LEN(texts); k++) {
			const json_t *v = json_object_get(m, texts[k]);
			ok = ok && (v == NULL || json_is_string(v));
		}
		if (!ok) {
			snprintf(err, errsz, "data: chat message %zu is not of "
				 "the contract's shape", i + 1);
			return false;
		}
	}
	return true;
}

/* Every part of a data message, checked before any of it is used. */
static bool data_ok(const json_t *root, char *err, size_t errsz)
{
	const json_t *grids = json_object_get(root, "grids");
	const json_t *notes = json_object_get(root, "notes");
	const json_t *t = json_object_get(root, "time");
	const char *id;
	const json_t *g;

	if (!json_is_number(t) || !isfinite(json_number_value(t)) ||
	    json_number_value(t) <= 0) {
		snprintf(err, errsz, "data: no time, or not a time");
		return false;
	}
	if (!totals_ok(json_object_get(root, "totals"), err, errsz))
		return false;
	if (!json_is_object(grids)) {
		snprintf(err, errsz, "data: grids is not an object");
		return false;
	}
	json_object_foreach((json_t *)grids, id, g)
		if (!grid_ok(id, g, err, errsz))
			return false;
	if (notes && (!json_is_array(notes) ||
		      json_array_size(notes) > SNAPSHOT_MAX_NOTES)) {
		snprintf(err, errsz, "data: notes is not a short list");
		return false;
	}
	return chat_ok(json_object_get(root, "chat"), err, errsz);
}

bool fleet_decode_data(const char *payload, size_t len, struct fleet_data *d,
		       char *err, size_t errsz)
{
	json_t *root = open_message(payload, len, err, errsz);
	const json_t *status;

	memset(d, 0, sizeof(*d));
	if (root == NULL)
		return false;
	if (!data_ok(root, err, errsz)) {
		json_decref(root);
		return false;
	}
	status = json_object_get(root, "status");
	d->root = root;
	d->time = json_number_value(json_object_get(root, "time"));
	d->seq =
		(unsigned long)json_integer_value(json_object_get(root, "seq"));
	d->partial = json_is_true(json_object_get(status, "partial"));
	return true;
}

void fleet_data_free(struct fleet_data *d)
{
	json_decref(d->root);
	memset(d, 0, sizeof(*d));
}

/* A decoded string into the snapshot, sanitised; NULL for anything else. */
static const char *take_text(struct snapshot *s, const json_t *v)
{
	return json_is_string(v) ? snapshot_text(s, json_string_value(v),
						 json_string_length(v)) : NULL;
}

/* True when a message's scope (a list of services) is scope ('\n'-joined). */
static bool same_scope(const json_t *a, const char *scope)
{
	size_t i;
	const json_t *v;
	struct buf b;
	bool same;

	buf_init(&b);
	json_array_foreach(a, i, v)
		buf_printf(&b, "%s%s", i ? "\n" : "", json_string_value(v));
	same = strcmp(b.data ? b.data : "", scope) == 0;
	buf_free(&b);
	return same;
}

/* Total tid of s from the message's list, when it has it. */
static void apply_total(struct snapshot *s, size_t tid, const json_t *totals)
{
	size_t i;
	const json_t *e, *v;

	json_array_foreach(totals, i, e) {
		if (strcmp(json_string_value(json_object_get(e, "stat")),
			   s->set->totals[tid]) != 0 ||
		    !same_scope(json_object_get(e, "scope"),
				s->set->total_scopes[tid]))
			continue;
		v = json_object_get(e, "value");
		if (json_is_object(v))
			snapshot_set_total_unavailable(s, tid);
		else if (json_is_string(v))
			snapshot_set_total(s, tid, take_text(s, v));
		return;
	}
}

/* Grid panel p of s from the message's grid g: columns matched by id. */
static void apply_grid(struct snapshot *s, const struct panel *p,
		       const json_t *g)
{
	const json_t *cols = json_object_get(g, "columns");
	const json_t *rows = json_object_get(g, "rows");
	long from[LAYOUT_MAX_COLUMNS];
	size_t r, i;
	const json_t *row, *v;

	for (size_t c = 0; c < p->ncols && c < LAYOUT_MAX_COLUMNS; c++) {
		from[c] = -1;
		json_array_foreach(cols, i, v)
			if (strcmp(json_string_value(v), p->cols[c].id) == 0)
				from[c] = (long)i;
	}
	snapshot_grid_alloc(s, p->gid, json_array_size(rows));
	json_array_foreach(rows, r, row)
		for (size_t c = 0; c < p->ncols && c < LAYOUT_MAX_COLUMNS;
		     c++) {
			if (from[c] < 0)
				continue;
			v = json_array_get(row, (size_t)from[c]);
			if (json_is_object(v))
				snapshot_set_unavailable(s, p->gid, r, c);
			else if (json_is_string(v))
				snapshot_set(s, p->gid, r, c, take_text(s, v));
		}
	if (json_is_string(json_object_get(g, "notice")))
		snapshot_grid_notice(
			s, p->gid,
			json_string_value(json_object_get(g, "notice")));
}

/* The chat messages, when s has none yet. */
static void apply_chat(struct snapshot *s, const json_t *a)
{
	size_t i;
	const json_t *m;

	if (s->msgs != NULL || !json_is_array(a))
		return;
	s->msgs = xcalloc(json_array_size(a) + 1, sizeof(*s->msgs));
	json_array_foreach(a, i, m) {
		struct snap_msg *sm = &s->msgs[s->nmsgs++];
		double t = json_number_value(json_object_get(m, "time"));
		sm->id = take_text(s, json_object_get(m, "id"));
		sm->login_id = take_text(s, json_object_get(m, "login_id"));
		sm->first_name = take_text(s, json_object_get(m, "first_name"));
		sm->last_name = take_text(s, json_object_get(m, "last_name"));
		sm->content = take_text(s, json_object_get(m, "content"));
		sm->send_time = isfinite(t) && t > 0 ? t : 0;
		sm->urgent = json_is_true(json_object_get(m, "urgent"));
	}
}

void fleet_apply_data(struct snapshot *s, const struct layout *l,
		      const struct fleet_data *d)
{
	const json_t *grids = json_object_get(d->root, "grids");
	const json_t *totals = json_object_get(d->root, "totals");
	const json_t *notes = json_object_get(d->root, "notes");
	size_t i;
	const json_t *v;

	for (size_t p = 0; p < l->npanels; p++) {
		const struct panel *pn = &l->panels[p];
		const json_t *g;
		switch (pn->kind) {
		case PANEL_TOTALS:
			for (size_t c = 0; c < pn->ncols; c++)
				if (pn->cols[c].tid < s->ntotals)
					apply_total(s, pn->cols[c].tid, totals);
			break;
		case PANEL_AGENT_GRID:
		case PANEL_SERVICE_GRID:
			if ((g = json_object_get(grids, pn->id)) != NULL)
				apply_grid(s, pn, g);
			break;
		case PANEL_TICKER:
			apply_chat(s, json_object_get(d->root, "chat"));
			break;
		}
	}
	/* Every layout's message carries the same notes: keep one of each. */
	json_array_foreach(notes, i, v) {
		bool seen = !json_is_string(v);
		char *clean = seen ? NULL : sanitize_dup(json_string_value(v),
							 json_string_length(v));
		for (size_t n = 0; !seen && n < s->nnotes; n++)
			seen = strcmp(s->notes[n], clean) == 0;
		if (!seen)
			snapshot_note(s, "%s", clean);
		free(clean);
	}
}
