/*
 * table.c - filter, sort and limit grid rows; evaluate thresholds.
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <time.h>

#include "format.h"
#include "media.h"
#include "state.h"
#include "table.h"

/* A state word's place in a sort: the table's order, other words after. */
static double state_rank(int state)
{
	return state == STATE_NONE ? 1000 : state;
}

/* True when values of this format compare as numbers. */
static bool fmt_numeric(enum fmt f)
{
	return f == FMT_COUNT || f == FMT_DURATION || f == FMT_PERCENT ||
	       f == FMT_DECIMAL || f == FMT_TIME;
}

/*
 * Compare a cell with the filter's value as the operator says: as numbers
 * when both are, else as text. A cell with no value only ever differs.
 */
static bool op_holds(enum cmp_op op, const struct cell *a, const struct cell *b)
{
	int c;

	if (*a->text == '\0' && *b->text != '\0')
		return op == OP_NE;
	if (!isnan(a->num) && !isnan(b->num))
		c = a->num < b->num ? -1 : a->num > b->num;
	else
		c = strcasecmp(a->text, b->text);
	switch (op) {
	case OP_EQ: return c == 0;
	case OP_NE: return c != 0;
	case OP_LT: return c < 0;
	case OP_GT: return c > 0;
	case OP_LE: return c <= 0;
	case OP_GE: return c >= 0;
	}
	return false;
}

/* Sort context: qsort has no user pointer in C11, so one sort at a time. */
struct sort_key {
	size_t row;
	double num;		/* numeric key, NAN when empty */
	const char *text;	/* text key, NULL when empty */
};
static bool sort_desc;

/* Order rows: empty values last in either direction, ties by server order. */
static int key_cmp(const void *pa, const void *pb)
{
	const struct sort_key *a = pa, *b = pb;
	bool ea = a->text == NULL && isnan(a->num);
	bool eb = b->text == NULL && isnan(b->num);
	int c = 0;

	if (ea != eb)
		return ea ? 1 : -1;
	if (!ea) {
		if (a->text && b->text)
			c = strcasecmp(a->text, b->text);
		else
			c = a->num < b->num ? -1 : a->num > b->num;
		if (sort_desc)
			c = -c;
	}
	if (c == 0)
		c = a->row < b->row ? -1 : a->row > b->row;
	return c;
}

/*
 * Keys of the order column. Numbers when every present value is one (so a
 * numeric column with a stray text still sorts sensibly), text otherwise;
 * agent states by their rank.
 */
static void make_keys(struct sort_key *keys, size_t n, const struct panel *p,
		      const struct snapshot *s)
{
	const struct column *c = &p->cols[p->order_col];
	bool numeric = fmt_numeric(c->fmt);

	for (size_t i = 0; i < n && numeric; i++) {
		const struct cell *v =
			snapshot_cell(s, p->gid, keys[i].row, p->order_col);
		if (v->text && *v->text && isnan(v->num))
			numeric = false;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cell *v =
			snapshot_cell(s, p->gid, keys[i].row, p->order_col);
		keys[i].num = NAN;
		keys[i].text = NULL;
		if (v->text == NULL || *v->text == '\0')
			continue;
		if (c->fmt == FMT_STATE)
			keys[i].num = state_rank(v->state);
		else if (numeric)
			keys[i].num = v->num;
		else
			keys[i].text = v->text;
	}
}

/*
 * True when row r shows an agent who is logged out. Servers that cannot
 * select logged-in agents themselves send everyone; a state column tells.
 */
static bool logged_out(const struct panel *p, const struct snapshot *s,
		       size_t r, int out)
{
	/* The first state column is the agent's current state. */
	for (size_t c = 0; c < p->ncols; c++)
		if (p->cols[c].fmt == FMT_STATE)
			return snapshot_cell(s, p->gid, r, c)->state == out;
	return false;
}

/*
 * True when row r of a service grid that shows some media only (media =
 * {...}) is a service of one of them. Its name is its first text column;
 * a row without one is shown.
 */
static bool media_shown(const struct panel *p, const struct snapshot *s,
			size_t r)
{
	for (size_t c = 0; c < p->ncols; c++) {
		const char *name;
		if (p->cols[c].fmt != FMT_TEXT)
			continue;
		name = snapshot_cell_text(s, p->gid, r, c);
		return name == NULL ||
		       (media_of(name, p->media_map) & p->media);
	}
	return true;
}

size_t table_filter(const struct panel *p, const struct snapshot *s,
		    size_t *rows)
{
	const struct snap_grid *g = &s->grids[p->gid];
	int out = state_find(STATE_LOGGED_OUT);
	struct cell want = cell_none;
	size_t n = 0;

	if (p->filter.set)
		want = cell_of(p->filter.value,
			       p->cols[p->filter.col].fmt == FMT_STATE);
	for (size_t r = 0; g->present && r < g->nrows; r++) {
		if (p->logged_in_only && logged_out(p, s, r, out))
			continue;
		if (p->media && !media_shown(p, s, r))
			continue;
		if (p->filter.set) {
			const struct cell *v =
				snapshot_cell(s, p->gid, r, p->filter.col);
			if (v->text == NULL ||
			    !op_holds(p->filter.op, v, &want))
				continue;
		}
		rows[n++] = r;
	}
	return n;
}

size_t table_name_column(const struct panel *p)
{
	for (size_t c = 0; c < p->ncols; c++)
		if (p->cols[c].fmt == FMT_TEXT)
			return c;
	return 0;
}

/* Keep the n rows whose name holds match (any case); returns how many. */
static size_t match_rows(const struct panel *p, const struct snapshot *s,
			 size_t *rows, size_t n, const char *match)
{
	size_t col = table_name_column(p), kept = 0;

	for (size_t i = 0; i < n && col < p->ncols; i++) {
		const char *name = snapshot_cell_text(s, p->gid, rows[i], col);
		if (name != NULL && strcasestr(name, match) != NULL)
			rows[kept++] = rows[i];
	}
	return kept;
}

void table_build(struct table *t, const struct panel *p,
		 const struct snapshot *s)
{
	table_build_match(t, p, s, NULL);
}

void table_build_match(struct table *t, const struct panel *p,
		       const struct snapshot *s, const char *match)
{
	const struct snap_grid *g = &s->grids[p->gid];
	size_t n;

	t->total = g->present ? g->nrows : 0;
	if (t->cap < t->total) {
		t->rows = xreallocarray(t->rows, t->total, sizeof(*t->rows));
		t->cap = t->total;
	}
	n = t->total ? table_filter(p, s, t->rows) : 0;
	if (match != NULL && match[0] != '\0')
		n = match_rows(p, s, t->rows, n, match);
	t->matched = n;
	if (p->order_by && n > 1) {
		struct sort_key *keys = xmalloc(n * sizeof(*keys));
		for (size_t i = 0; i < n; i++)
			keys[i].row = t->rows[i];
		make_keys(keys, n, p, s);
		sort_desc = p->order_desc;
		qsort(keys, n, sizeof(*keys), key_cmp);
		for (size_t i = 0; i < n; i++)
			t->rows[i] = keys[i].row;
		free(keys);
	}
	if (p->limit > 0 && n > (size_t)p->limit)
		n = (size_t)p->limit;
	t->nrows = n;
}

void table_free(struct table *t)
{
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

bool table_number(const struct column *c, const struct cell *v, double tick,
		  double *out)
{
	if (isnan(v->num))
		return false;
	*out = v->num;
	if (c->fmt == FMT_PERCENT)
		*out *= c->pct_scale;
	else if (c->fmt == FMT_DURATION)
		*out = format_seconds(*out, c->pct_scale) +
		       (c->ticks ? tick : 0);
	return true;
}

/*
 * At or past a level. Values are compared with a little slack: 0.57 of a
 * fraction is 56.99999999999999 percent, and a cell that reads "57%" must
 * meet a level of 57.
 */
static bool reaches(double v, double level, bool high_is_bad)
{
	double slack = 1e-9 * (fabs(level) > 1 ? fabs(level) : 1);
	return high_is_bad ? v >= level - slack : v <= level + slack;
}

enum role table_role(const struct column *c, const struct cell *v, double tick)
{
	const struct threshold *th = &c->th;
	const struct state_word *sw;
	double d;

	if (v->unavailable)
		return ROLE_DIM;
	if (v->text == NULL || *v->text == '\0')
		return ROLE_NORMAL;
	/*
	 * On a state column an entry that names a state matches every
	 * spelling of it; other entries, and every entry of a text column,
	 * match the text.
	 */
	for (size_t i = 0; i < c->nstates; i++) {
		const struct state_role *e = &c->states[i];

		if (c->fmt == FMT_STATE && e->state != STATE_NONE ?
		    e->state == v->state : strcasecmp(e->value, v->text) == 0)
			return e->role;
	}
	/* A state the layout's map leaves out keeps its usual role. */
	if (c->fmt == FMT_STATE)
		return (sw = state_at(v->state)) != NULL ? sw->role
							 : ROLE_NORMAL;
	if ((!th->has_warn && !th->has_crit) || !table_number(c, v, tick, &d))
		return ROLE_NORMAL;
	if (th->has_crit && reaches(d, th->crit, th->high_is_bad))
		return ROLE_CRIT;
	if (th->has_warn && reaches(d, th->warn, th->high_is_bad))
		return ROLE_WARN;
	return ROLE_OK;
}

enum role table_cell(const struct column *c, const struct cell *v, double tick,
		     char *out, size_t outsz)
{
	format_cell(out, outsz, c->fmt, v, c->pct_scale, c->ticks ? tick : 0);
	return table_role(c, v, tick);
}

/* Newest first. */
static const struct snapshot *msg_snap;
static int msg_cmp(const void *pa, const void *pb)
{
	const struct snap_msg *a = &msg_snap->msgs[*(const size_t *)pa];
	const struct snap_msg *b = &msg_snap->msgs[*(const size_t *)pb];

	if (a->send_time != b->send_time)
		return a->send_time > b->send_time ? -1 : 1;
	return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

size_t table_messages(const struct panel *p, const struct snapshot *s,
		      size_t *idx, size_t max)
{
	size_t n = 0, limit = p->msg_limit > 0 ? (size_t)p->msg_limit : max;
	size_t *all = xmalloc((s->nmsgs ? s->nmsgs : 1) * sizeof(*all));

	/*
	 * Every match first, then the newest: the server's order is not
	 * trusted.
	 */
	for (size_t i = 0; i < s->nmsgs; i++)
		if (p->msg_filter == NULL || *p->msg_filter == '\0' ||
		    strcasestr(s->msgs[i].content, p->msg_filter))
			all[n++] = i;
	msg_snap = s;
	qsort(all, n, sizeof(*all), msg_cmp);
	if (limit > max)
		limit = max;
	if (n > limit)
		n = limit;
	memcpy(idx, all, n * sizeof(*idx));
	free(all);
	return n;
}

void table_message_text(const struct snap_msg *m, char *out, size_t outsz)
{
	char when[16] = "--:--";

	if (m->send_time > 0 && m->send_time < 253402300800.0) {
		time_t t = (time_t)m->send_time;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(when, sizeof(when), "%H:%M", &tm);
	}
	snprintf(out, outsz, "%s %s%s %s: %s", when, m->urgent ? "URGENT " : "",
		 m->first_name, m->last_name, m->content);
}

const char *role_marker(enum role r)
{
	switch (r) {
	case ROLE_WARN: return "!";
	case ROLE_CRIT: return "!!";
	default: return "";
	}
}

const char *role_level(enum role r)
{
	switch (r) {
	case ROLE_OK: return "ok";
	case ROLE_WARN: return "warn";
	case ROLE_CRIT: return "crit";
	default: return NULL;
	}
}
