/*
 * parse.c - 8x8 real-time statistics bodies to the core's model.
 *
 * The API serves XML and a JSON conversion of it, so an agents body is
 * {"agents": {"agent": [{...}, ...]}}, with one agent as an object rather
 * than a list, an empty list as "" or null, and every value a string ("1")
 * or, from other converters, a number. A single record (agent/{id}.json)
 * comes bare or as {"agent": {...}}. All of these are accepted; anything
 * else refuses the body whole, so a poll never shows half a picture.
 *
 * Rows become grid cells in the panel's column order; the totals the API
 * does not send are derived from the rows by the catalogue's rules. Every
 * string from the server goes through snapshot_text() (the sanitiser).
 * Sorting, filters and limits are the core's (table.c).
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "providers/8x8/parse.h"
#include "state.h"
#include "net/jsonbody.h"
#include "sanitize.h"

/* How one of the two lists is wrapped. */
struct list_shape {
	const char *plural;	/* "agents" */
	const char *singular;	/* "agent" */
	unsigned scope;		/* catalogue scope of the record's fields */
};

static const struct list_shape agent_shape = {
	"agents", "agent", STAT_SCOPE_AGENT
};
static const struct list_shape queue_shape = {
	"queues", "queue", STAT_SCOPE_SERVICE
};

/* The records of one body; the rows point into root. */
struct list {
	json_t *root;
	json_t **rows;
	size_t n, cap;
};

/*
 * Field names of the text's examples that differ from its table. The
 * table's name is looked up first; the other is taken when it is absent.
 * Only names that mean the same: the example's
 * <day-rejected-count>1</day-offered-count> is a broken tag, and an
 * offered count is not a rejected one, so day-offered-count is a field
 * of its own (catalog.c), never read as day-rejected-count.
 */
static const struct alias {
	const char *name;
	const char *wire;
} aliases[] = {
	{ "day-accepted", "all-day-accepted" },
	{ "day-avg-duration", "all-day-avg-duration" },
	{ "day-avg-processing-time", "day-avg-handling-time" },
	{ "day-avg-wait-time", "all-day-avg-wait-time" },
	{ "day-queued", "all-day-queued" },
	{ "day-sla-activity", "all-day-sla-activity" },
};

/* A value as the server wrote it, before sanitising. */
struct raw {
	const char *s;
	size_t len;
	char num[64];
};

/* A code and the word it stands for. */
struct code_word {
	int code;
	const char *word;
};

static const struct code_word state_words[] = {
	{ 0, "ready" }, { 1, "busy" }, { 2, "busy" }, { 3, "after_call_work" },
	{ 4, "not_ready" }, { 5, "not_ready" }, { 9, "logged_out" },
};

static const struct code_word media_words[] = {
	{ 0, "" }, { 1, "phone" }, { 2, "chat" }, { 3, "email" },
	{ 4, "voicemail" },
};

/* --- values ------------------------------------------------------------- */

/* A row's field by its catalogue name, or by the name the examples use. */
static json_t *field(json_t *row, const char *name)
{
	json_t *v = json_object_get(row, name);

	for (size_t i = 0; v == NULL && i < WB_ARRAY_LEN(aliases); i++)
		if (strcmp(aliases[i].name, name) == 0)
			v = json_object_get(row, aliases[i].wire);
	return v;
}

/*
 * The text of a JSON value: strings as they are, numbers written out
 * (integers plainly, others in at most 15 significant digits), booleans
 * as 1 and 0; null and containers (an empty XML element) as "".
 */
static void raw_of(json_t *v, struct raw *r)
{
	int n = 0;

	r->s = r->num;
	r->num[0] = '\0';
	switch (json_typeof(v)) {
	case JSON_STRING:
		r->s = json_string_value(v);
		r->len = json_string_length(v);
		return;
	case JSON_INTEGER:
		n = snprintf(r->num, sizeof(r->num), "%" JSON_INTEGER_FORMAT,
			     json_integer_value(v));
		break;
	case JSON_REAL:
		n = snprintf(r->num, sizeof(r->num), "%.15g",
			     json_real_value(v));
		break;
	case JSON_TRUE:
		n = snprintf(r->num, sizeof(r->num), "1");
		break;
	case JSON_FALSE:
		n = snprintf(r->num, sizeof(r->num), "0");
		break;
	default:
		break;
	}
	r->len = n > 0 ? (size_t)n : 0;
}

/* A row's field as raw text; false when the row has no such field. */
static bool row_raw(json_t *row, const char *name, struct raw *r)
{
	json_t *v = field(row, name);

	if (v == NULL)
		return false;
	raw_of(v, r);
	return true;
}

/* True when text is a number and that number is -1 ("no value yet"). */
static bool is_minus_one(const char *text)
{
	double v;

	return parse_double(text, &v) && v == -1;
}

/*
 * A row's field as a number; false when it has none: absent, "", -1 or
 * not a number.
 */
static bool row_number(json_t *row, const char *name, double *out)
{
	struct raw r;

	if (!row_raw(row, name, &r) || !parse_double(r.s, out))
		return false;
	return *out != -1;
}

/*
 * True when a raw value is the code want: the same number ("9", 9, "9.0")
 * when both are numbers, else the same text.
 */
static bool same_code(const char *raw, const char *want)
{
	double a, b;

	if (parse_double(raw, &a) && parse_double(want, &b))
		return a == b;
	return strcmp(raw, want) == 0;
}

/* The word of a numeric code in table, or NULL. */
static const char *code_lookup(const char *raw, const struct code_word *table,
			       size_t n)
{
	double v;

	if (!parse_double(raw, &v))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (v == table[i].code)
			return table[i].word;
	return NULL;
}

/* An agent-status code as the core's state word (see the header). */
const char *eightbyeight_state_word(const char *raw)
{
	const char *w =
		code_lookup(raw, state_words, WB_ARRAY_LEN(state_words));
	const struct state_word *sw;

	if (w)
		return w;
	/* A status given as a word (a converter's, or a newer release's). */
	sw = state_at(state_find(raw));
	return sw ? sw->word : raw;
}

/* The medium of an agent-media-id code; other text passes through. */
static const char *media_word(const char *raw)
{
	const char *w =
		code_lookup(raw, media_words, WB_ARRAY_LEN(media_words));

	return w ? w : raw;
}

/* --- bodies ------------------------------------------------------------- */

/* Say why a body is refused: "<list>: unexpected shape: <why>". */
static bool shape_error(char *err, size_t errsz, const struct list_shape *k,
			const char *fmt, ...) WB_PRINTF(4, 5);

static bool shape_error(char *err, size_t errsz, const struct list_shape *k,
			const char *fmt, ...)
{
	char why[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (errsz)
		snprintf(err, errsz, "%s: unexpected shape: %s", k->plural,
			 why);
	return false;
}

/* What a JSON value is, for messages. */
static const char *type_name(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:	return "an object";
	case JSON_ARRAY:	return "a list";
	case JSON_STRING:	return "a string";
	case JSON_INTEGER:
	case JSON_REAL:		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:	return "a boolean";
	case JSON_NULL:		return "null";
	}
	return "?";
}

/* True for the forms an empty XML element takes: null, "" and {}. */
static bool is_empty(json_t *v)
{
	return json_is_null(v) ||
	       (json_is_string(v) && json_string_length(v) == 0) ||
	       (json_is_object(v) && json_object_size(v) == 0);
}

/* Add a record to the list. */
static void list_add(struct list *l, json_t *row)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->rows = xreallocarray(l->rows, l->cap, sizeof(*l->rows));
	}
	l->rows[l->n++] = row;
}

/* Free a list and the JSON its rows point into. */
static void list_free(struct list *l)
{
	free(l->rows);
	json_decref(l->root);
	memset(l, 0, sizeof(*l));
}

/*
 * True when obj looks like one record: it holds a field the catalogue
 * lists for such rows (or one of the examples' names for it).
 */
static bool is_record(json_t *obj, unsigned scope)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		const struct stat_info *info = catalog_find(&catalog_8x8, key);
		if (info && (info->scope & scope))
			return true;
		for (size_t i = 0; i < WB_ARRAY_LEN(aliases); i++)
			if (strcmp(aliases[i].wire, key) == 0)
				return true;
	}
	return false;
}

/* The value of "agent": one record, a list of them, or none. */
static bool take_items(struct list *l, json_t *v, const struct list_shape *k,
		       char *err, size_t errsz)
{
	size_t i;
	json_t *row;

	if (json_is_object(v)) {
		list_add(l, v);
		return true;
	}
	if (json_is_null(v) ||
	    (json_is_string(v) && json_string_length(v) == 0))
		return true;
	if (!json_is_array(v))
		return shape_error(err, errsz, k, "\"%s\" is %s", k->singular,
				   type_name(v));
	json_array_foreach(v, i, row) {
		if (!json_is_object(row))
			return shape_error(err, errsz, k, "%s %zu is %s",
					   k->singular, i + 1, type_name(row));
		list_add(l, row);
	}
	return true;
}

/* The value of "agents": {"agent": ...}, a list, or empty. */
static bool take_plural(struct list *l, json_t *v, const struct list_shape *k,
			char *err, size_t errsz)
{
	json_t *items;

	if (is_empty(v))
		return true;
	if (json_is_array(v))
		return take_items(l, v, k, err, errsz);
	if (!json_is_object(v))
		return shape_error(err, errsz, k, "\"%s\" is %s", k->plural,
				   type_name(v));
	items = json_object_get(v, k->singular);
	if (items == NULL)
		return shape_error(err, errsz, k, "\"%s\" holds no \"%s\"",
				   k->plural, k->singular);
	return take_items(l, items, k, err, errsz);
}

/* The records of a whole body, in any of the shapes the API takes. */
static bool take_body(struct list *l, json_t *root, const struct list_shape *k,
		      char *err, size_t errsz)
{
	json_t *v;

	if (json_is_array(root))
		return take_items(l, root, k, err, errsz);
	if (!json_is_object(root))
		return shape_error(err, errsz, k, "the body is %s",
				   type_name(root));
	if ((v = json_object_get(root, k->plural)) != NULL)
		return take_plural(l, v, k, err, errsz);
	if ((v = json_object_get(root, k->singular)) != NULL)
		return take_items(l, v, k, err, errsz);
	if (is_record(root, k->scope)) {
		list_add(l, root);
		return true;
	}
	return shape_error(err, errsz, k,
			   "neither \"%s\", \"%s\" nor %s record", k->plural,
			   k->singular,
			   k == &agent_shape ? "an agent" : "a queue");
}

/* Parse a body into its records; false (with err) when it is refused. */
static bool load_list(const char *body, size_t len, const struct list_shape *k,
		      struct list *l, char *err, size_t errsz)
{
	char why[200];

	memset(l, 0, sizeof(*l));
	l->root = json_body(body, len, false, why, sizeof(why));
	if (l->root == NULL) {
		if (errsz)
			snprintf(err, errsz, "%s: %s", k->plural, why);
		return false;
	}
	if (!take_body(l, l->root, k, err, errsz)) {
		list_free(l);
		return false;
	}
	return true;
}

/* --- grids -------------------------------------------------------------- */

/* True when s is one of the n strings of v. */
static bool in_list(char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

/* True when s is one of the lines of joined ("a\nb\nc"). */
static bool in_lines(const char *joined, const char *s)
{
	size_t n = strlen(s);

	for (const char *p = joined; p != NULL; ) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == n && strncmp(p, s, n) == 0)
			return true;
		p = nl ? nl + 1 : NULL;
	}
	return false;
}

/* An agent row's place in an agent grid: its team, logged in or not. */
static bool agent_kept(const struct panel *p, json_t *row)
{
	struct raw r;

	if (p->nteams > 0 && (!row_raw(row, "group-id", &r) ||
			      !in_list(p->teams, p->nteams, r.s)))
		return false;
	if (p->logged_in_only && row_raw(row, "agent-status", &r) &&
	    same_code(r.s, "9"))
		return false;
	return true;
}

/* True when the queue is named, by name or id, by match(names, ...). */
static bool queue_named(json_t *row, bool (*match)(const void *, size_t,
						    const char *),
			const void *names, size_t n)
{
	struct raw r;

	if (row_raw(row, "queue-name", &r) && match(names, n, r.s))
		return true;
	return row_raw(row, "queue-id", &r) && match(names, n, r.s);
}

/* in_list() for queue_named(). */
static bool match_list(const void *names, size_t n, const char *s)
{
	return in_list(names, n, s);
}

/* in_lines() for queue_named(). */
static bool match_lines(const void *names, size_t n, const char *s)
{
	(void)n;
	return in_lines(names, s);
}

/* A queue row's place in a service grid: the panel's services, if any. */
static bool queue_kept(const struct panel *p, json_t *row)
{
	return p->nservices == 0 ||
	       queue_named(row, match_list, p->services, p->nservices);
}

/* A SUM column's cell: the sum of its statistics that have a value. */
static const char *sum_cell(struct snapshot *s, json_t *row,
			    const struct column *c)
{
	double sum = 0, v;
	bool any = false;

	for (size_t i = 0; i < c->nsum; i++) {
		if (row_number(row, c->sum_stats[i], &v)) {
			sum += v;
			any = true;
		}
	}
	return any ? snapshot_number(s, sum, -1) : "";
}

/*
 * One cell: the field as the server sent it, sanitised; -1 in a numeric
 * field is no value; agent states and media become the core's words.
 */
static const char *cell(struct snapshot *s, json_t *row, const struct column *c)
{
	enum stat_kind kind = c->info ? c->info->kind : STAT_TEXT;
	const char *text;
	struct raw r;

	if (strcmp(c->stat, "SUM") == 0)
		return sum_cell(s, row, c);
	if (!row_raw(row, c->stat, &r))
		return NULL;
	if (kind != STAT_TEXT && kind != STAT_STATE && is_minus_one(r.s))
		return "";
	text = snapshot_text(s, r.s, r.len);
	if (kind == STAT_STATE)
		return eightbyeight_state_word(text);
	if (strcmp(c->stat, "agent-media-id") == 0)
		return media_word(text);
	return text;
}

/* Grid gid from the rows of l that kept() keeps, in their order. */
static void fill_grid(struct snapshot *s, const struct panel *p, size_t gid,
		      const struct list *l,
		      bool (*kept)(const struct panel *, json_t *))
{
	size_t n = 0, r = 0;

	for (size_t i = 0; i < l->n; i++)
		if (kept(p, l->rows[i]))
			n++;
	snapshot_grid_alloc(s, gid, n);
	for (size_t i = 0; i < l->n; i++) {
		if (!kept(p, l->rows[i]))
			continue;
		for (size_t c = 0; c < p->ncols; c++) {
			json_t *v = field(l->rows[i], p->cols[c].stat);
			if (v != NULL)
				snapshot_saw_json(s, gid, c, json_typeof(v));
			snapshot_set(s, gid, r, c,
				     cell(s, l->rows[i], &p->cols[c]));
		}
		r++;
	}
}

/* --- totals ------------------------------------------------------------- */

/* A total's running state. */
struct acc {
	double sum, weight, max;
	size_t rows;		/* rows that contributed */
};

/* Add one row to a total by the rule d. */
static void acc_row(struct acc *a, const struct stat_derive *d, json_t *row)
{
	struct raw r;
	double v, w;

	switch (d->op) {
	case DERIVE_SUM:
	case DERIVE_MAX:
		if (!row_number(row, d->field, &v))
			return;
		a->sum += v;
		if (a->rows == 0 || v > a->max)
			a->max = v;
		break;
	case DERIVE_WAVG:
		if (!row_number(row, d->field, &v) ||
		    !row_number(row, d->arg, &w) || w <= 0)
			return;
		a->sum += v * w;
		a->weight += w;
		break;
	case DERIVE_COUNT_EQ:
	case DERIVE_COUNT_NE:
		if (!row_raw(row, d->field, &r) || r.s[0] == '\0' ||
		    is_minus_one(r.s))
			return;
		if (same_code(r.s, d->arg) != (d->op == DERIVE_COUNT_EQ))
			return;
		break;
	}
	a->rows++;
}

/*
 * The text of a total: counts are whole numbers, "0" when no row counted;
 * the others are no value then. Durations are rounded to whole seconds,
 * other averages to two decimals.
 */
static const char *acc_text(struct snapshot *s, const struct acc *a,
			    const struct stat_derive *d)
{
	const struct stat_info *info = catalog_find(&catalog_8x8, d->name);
	bool duration = info && info->kind == STAT_DURATION;

	switch (d->op) {
	case DERIVE_COUNT_EQ:
	case DERIVE_COUNT_NE:
		return snapshot_number(s, (double)a->rows, 0);
	case DERIVE_SUM:
		return snapshot_number(s, a->sum, duration ? 0 : -1);
	case DERIVE_MAX:
		return a->rows ? snapshot_number(s, a->max, duration ? 0 : -1)
			       : "";
	case DERIVE_WAVG:
		return a->weight > 0 ? snapshot_number(s, a->sum / a->weight,
						       duration ? 0 : 2)
				     : "";
	}
	return "";
}

/* Total tid: its rule over every agent, or over the scope's queues. */
static void fill_total(struct snapshot *s, const struct layoutset *set,
		       size_t tid, const struct list *agents,
		       const struct list *queues)
{
	const struct stat_derive *d = catalog_derive(&catalog_8x8,
						     set->totals[tid]);
	const char *scope = set->total_scopes[tid];
	const struct list *l;
	struct acc a = { 0, 0, 0, 0 };

	if (d == NULL)
		return;		/* not a total of this source */
	l = d->rows == STAT_SCOPE_AGENT ? agents : queues;
	if (l == NULL)
		return;		/* its list was not fetched */
	for (size_t i = 0; i < l->n; i++) {
		if (d->rows == STAT_SCOPE_SERVICE && scope[0] != '\0' &&
		    !queue_named(l->rows[i], match_lines, scope, 0))
			continue;
		acc_row(&a, d, l->rows[i]);
	}
	snapshot_set_total(s, tid, acc_text(s, &a, d));
}

/* --- the API ------------------------------------------------------------ */

/* The lists the layouts read: their grids, and the rows totals count. */
void eightbyeight_needs(const struct layoutset *set, bool *agents,
			bool *queues)
{
	*agents = *queues = false;
	for (size_t g = 0; g < set->ngrids; g++) {
		enum panel_kind k = set->grids[g].panel->kind;
		if (k == PANEL_AGENT_GRID)
			*agents = true;
		else if (k == PANEL_SERVICE_GRID)
			*queues = true;
	}
	for (size_t t = 0; t < set->ntotals; t++) {
		const struct stat_derive *d =
			catalog_derive(&catalog_8x8, set->totals[t]);
		if (d && d->rows == STAT_SCOPE_AGENT)
			*agents = true;
		else if (d)
			*queues = true;
	}
}

/* Fill every grid and total of set from the lists that came (NULL: not). */
static void fill(struct snapshot *s, const struct layoutset *set,
		 const struct list *agents, const struct list *queues)
{
	for (size_t g = 0; g < set->ngrids; g++) {
		const struct panel *p = set->grids[g].panel;
		if (p->kind == PANEL_AGENT_GRID && agents)
			fill_grid(s, p, g, agents, agent_kept);
		else if (p->kind == PANEL_SERVICE_GRID && queues)
			fill_grid(s, p, g, queues, queue_kept);
	}
	for (size_t t = 0; t < set->ntotals; t++)
		fill_total(s, set, t, agents, queues);
}

/* One poll's bodies into a snapshot, or NULL when one is refused. */
struct snapshot *eightbyeight_parse(const char *agents, size_t alen,
				    const char *queues, size_t qlen,
				    const struct layoutset *set,
				    char *err, size_t errsz)
{
	struct list al, ql;
	struct snapshot *s;

	if (errsz)
		err[0] = '\0';
	if (agents && !load_list(agents, alen, &agent_shape, &al, err, errsz))
		return NULL;
	if (queues && !load_list(queues, qlen, &queue_shape, &ql, err, errsz)) {
		if (agents)
			list_free(&al);
		return NULL;
	}
	s = snapshot_new(set);
	fill(s, set, agents ? &al : NULL, queues ? &ql : NULL);
	if (agents)
		list_free(&al);
	if (queues)
		list_free(&ql);
	return s;
}

/* --- lists for --list-* ------------------------------------------------- */

/* A sanitised copy of a row's field, or NULL when it has none. */
static char *field_dup(json_t *row, const char *name)
{
	struct raw r;

	if (!row_raw(row, name, &r) || r.len == 0)
		return NULL;
	return sanitize_dup(r.s, r.len);
}

/* True when one of the first n items is named name. */
static bool seen(const struct cfg_item *items, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i].name, name) == 0)
			return true;
	return false;
}

/* The items of a list: rows by id and name, or distinct group-ids. */
static size_t list_items(const struct list *l, const char *what,
			 struct cfg_item *items)
{
	bool teams = strcmp(what, "teams") == 0;
	bool queues = strcmp(what, "services") == 0;
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		json_t *row = l->rows[i];
		char *name = field_dup(row, teams ? "group-id" :
				       queues ? "queue-name" : "agent-name");
		if (teams && (name == NULL || seen(items, n, name))) {
			free(name);
			continue;
		}
		items[n].id = teams ? NULL :
			      field_dup(row, queues ? "queue-id" : "agent-id");
		items[n++].name = name ? name : xstrdup("");
	}
	return n;
}

/* A body as a --list-* list; -1 when it is not a list of records. */
long eightbyeight_parse_list(const char *body, size_t len, const char *what,
			     struct cfg_item **out)
{
	const struct list_shape *k = strcmp(what, "services") == 0 ?
				     &queue_shape : &agent_shape;
	struct list l;
	char err[1];
	size_t n;

	*out = NULL;
	if (!load_list(body, len, k, &l, err, 0))
		return -1;
	*out = xcalloc(l.n ? l.n : 1, sizeof(**out));
	n = list_items(&l, what, *out);
	list_free(&l);
	return (long)n;
}
