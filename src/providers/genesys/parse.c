/*
 * parse.c - Genesys Statistics API v3 answers to the core's model, and
 * the peek beside each poll.
 *
 * The statisticId subscription.c gives each statistic says where its value
 * goes, so an answer ({"data": {"statistics": [{"statisticId", "value",
 * ...}]}}) is read without looking anything up by name. Values of a total
 * over several queues, and the statistics of a SUM column, are combined once
 * the whole answer is read. Statistics Stat Server computes when asked
 * (the catalogue's STAT_PROBE) are left out of the subscription and peeked
 * instead; a peek answer has no statisticIds, so its values are put where
 * the layouts show that statistic on that object. Everything the server
 * says goes through snapshot_text() (the sanitiser).
 */
#include "autoconf.h"

#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "providers/genesys/parse.h"
#include "providers/genesys/parse_internal.h"
#include "state.h"
#include "net/jsonbody.h"
#include "sanitize.h"

/* The objects of a caller that gave none: no agents, no queues, no tenant. */
static const struct genesys_objects no_objects;

/* --- statistic kinds ---------------------------------------------------- */

/* The kind of value a format shows (how a deployment's statistic is read). */
static enum stat_kind kind_for_fmt(enum fmt f)
{
	switch (f) {
	case FMT_COUNT:		return STAT_COUNT;
	case FMT_DURATION:	return STAT_DURATION;
	case FMT_PERCENT:	return STAT_PERCENT;
	case FMT_DECIMAL:	return STAT_RATE;
	case FMT_STATE:		return STAT_STATE;
	case FMT_TIME:		return STAT_TIME;
	case FMT_AUTO:
	case FMT_TEXT:		break;
	}
	return STAT_TEXT;
}

/* The kind of a column's statistic: the catalogue's, else its format's. */
static enum stat_kind col_kind(const struct column *c)
{
	return c->info ? c->info->kind : kind_for_fmt(c->fmt);
}

/*
 * The kind of total tid: its statistic's in the catalogue, else that of
 * the format of the first column showing it (text when none does).
 */
static enum stat_kind total_kind(const struct layoutset *set, size_t tid)
{
	const struct stat_info *info = catalog_find(set->catalog,
						    set->totals[tid]);

	if (info != NULL)
		return info->kind;
	for (size_t i = 0; i < set->n; i++) {
		const struct layout *l = set->layouts[i];

		for (size_t j = 0; j < l->npanels; j++) {
			const struct panel *p = &l->panels[j];

			for (size_t c = 0; p->kind == PANEL_TOTALS &&
			     c < p->ncols; c++)
				if (p->cols[c].tid == tid)
					return kind_for_fmt(p->cols[c].fmt);
		}
	}
	return STAT_TEXT;
}

/* --- values -------------------------------------------------------------- */

/* A whole number as text in the snapshot's arena. */
static const char *integer_cell(struct snapshot *s, json_int_t i)
{
	char num[64];
	int n = snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, i);

	return snapshot_text(s, num, (size_t)n);
}

/*
 * The scalar a statistic's value holds, or NULL. The reference leaves the
 * value's shape open ("its structure reflects the structure of the Stat
 * Server message"). Assumed: a bare number, string or boolean; or an object
 * whose "value" member is a number or a string; or, for agent states, an
 * object whose "state", "status" or "agentState" member (tried in that
 * order) is a string or an object with a string "name". null, and an object
 * with none of these, hold no value.
 */
static json_t *value_scalar(json_t *v, bool state)
{
	static const char *const state_keys[] = { "state", "status",
						  "agentState" };
	json_t *m;

	if (json_is_string(v) || json_is_number(v) || json_is_boolean(v))
		return v;
	if (!json_is_object(v))
		return NULL;
	m = json_object_get(v, "value");
	if (json_is_string(m) || json_is_number(m))
		return m;
	for (size_t i = 0; state && i < WB_ARRAY_LEN(state_keys); i++) {
		m = json_object_get(v, state_keys[i]);
		if (json_is_object(m))
			m = json_object_get(m, "name");
		if (json_is_string(m))
			return m;
	}
	return NULL;
}

/*
 * What --probe reports of a value: the JSON type of the number or text it
 * holds, else its own (an object of another shape, null); -1 when the
 * statistic came without a value.
 */
static int value_type(json_t *v, enum stat_kind kind)
{
	json_t *x = value_scalar(v, kind == STAT_STATE);

	return v == NULL ? -1 : (int)json_typeof(x ? x : v);
}

/*
 * One statistic's value as cell text, or NULL when it holds none: strings
 * sanitised, numbers as their shortest text, booleans as 1 and 0, agent
 * states as the core's state words.
 */
static const char *value_text(struct snapshot *s, json_t *v,
			      enum stat_kind kind)
{
	const char *t = NULL;

	v = value_scalar(v, kind == STAT_STATE);
	if (v == NULL)
		return NULL;
	switch (json_typeof(v)) {
	case JSON_STRING:
		t = snapshot_text(s, json_string_value(v),
				  json_string_length(v));
		break;
	case JSON_INTEGER:
		t = integer_cell(s, json_integer_value(v));
		break;
	case JSON_REAL:
		t = snapshot_number(s, json_real_value(v), -1);
		break;
	case JSON_TRUE:
		t = "1";
		break;
	case JSON_FALSE:
		t = "0";
		break;
	default:
		return NULL;
	}
	return kind == STAT_STATE ? genesys_state_word(t) : t;
}

/*
 * Values that are combined once the whole answer is read: those of each
 * object of a total, and those of each statistic of a SUM cell.
 */
struct parts {
	const char **total;	/* the objects of every total, tid by tid */
	size_t *tbase;		/* [ntotals + 1]: where total tid's start */
	const char **sum;	/* per grid, row, SUM column and statistic */
	size_t *gbase;		/* [ngrids + 1]: where grid gid's start */
};

/* What reading one answer needs. */
struct reader {
	struct snapshot *s;
	const struct layoutset *set;
	struct parts pt;
	struct shape sh;
};

/* How many SUM statistics one row of a panel has, all columns together. */
static size_t sum_width(const struct panel *p)
{
	size_t w = 0;

	for (size_t c = 0; c < p->ncols; c++)
		if (genesys_is_sum(&p->cols[c]))
			w += p->cols[c].nsum;
	return w;
}

/* Where the statistics of SUM column c start inside one row. */
static size_t sum_offset(const struct panel *p, size_t c)
{
	size_t off = 0;

	for (size_t i = 0; i < c; i++)
		if (genesys_is_sum(&p->cols[i]))
			off += p->cols[i].nsum;
	return off;
}

/* Room for every part of the answer, all absent. */
static void parts_init(struct parts *pt, const struct layoutset *set,
		       const struct snapshot *s)
{
	pt->tbase = xcalloc(set->ntotals + 1, sizeof(*pt->tbase));
	for (size_t t = 0; t < set->ntotals; t++)
		pt->tbase[t + 1] = pt->tbase[t] +
				   genesys_total_nobjects(set->total_scopes[t]);
	pt->total = xcalloc(pt->tbase[set->ntotals] + 1, sizeof(*pt->total));
	pt->gbase = xcalloc(set->ngrids + 1, sizeof(*pt->gbase));
	for (size_t g = 0; g < set->ngrids; g++)
		pt->gbase[g + 1] = pt->gbase[g] + s->grids[g].nrows *
				   sum_width(set->grids[g].panel);
	pt->sum = xcalloc(pt->gbase[set->ngrids] + 1, sizeof(*pt->sum));
}

/* Free what parts_init() allocated. */
static void parts_free(struct parts *pt)
{
	free(pt->total);
	free(pt->tbase);
	free(pt->sum);
	free(pt->gbase);
}

/* Give every grid its rows, each with its object id in ObjectId columns. */
static void grids_init(struct snapshot *s, const struct layoutset *set,
		       const struct genesys_objects *o)
{
	for (size_t g = 0; g < set->ngrids; g++) {
		const struct panel *p = set->grids[g].panel;
		size_t nrows;
		char *const *rows = genesys_grid_rows(p, o, &nrows);

		snapshot_grid_alloc(s, g, nrows);
		for (size_t r = 0; r < nrows; r++)
			for (size_t c = 0; c < p->ncols; c++)
				if (!genesys_is_sum(&p->cols[c]) &&
				    genesys_is_object_id(p->cols[c].stat))
					snapshot_set(
						s, g, r, c,
						snapshot_text(s, rows[r],
							      strlen(rows[r])));
	}
}

/* A decimal number at *p, advancing *p past it; false if none or too big. */
static bool ref_number(const char **p, size_t *out)
{
	const char *s = *p;
	size_t v = 0;

	if (!isdigit((unsigned char)*s))
		return false;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > (SIZE_MAX - 9) / 10)
			return false;
		v = v * 10 + (size_t)(*s - '0');
	}
	*p = s;
	*out = v;
	return true;
}

/* Take a statisticId apart; false when it is none of ours. */
bool genesys_ref_parse(const char *id, struct genesys_ref *ref)
{
	const char *p = id + 1;

	if (id[0] != 'g' && id[0] != 't')
		return false;
	ref->total = id[0] == 't';
	ref->count = 0;
	for (;;) {
		if (ref->count == WB_ARRAY_LEN(ref->n) ||
		    !ref_number(&p, &ref->n[ref->count++]))
			return false;
		if (*p == '\0')
			break;
		if (*p++ != '.')
			return false;
	}
	return ref->total ? ref->count == 2
			  : ref->count == 3 || ref->count == 4;
}

/* Record the JSON type of a value of grid gid's column c (none: -1). */
static void saw_cell(struct snapshot *s, size_t gid, size_t c, int type)
{
	if (type >= 0)
		snapshot_saw_json(s, gid, c, type);
}

/* Record the JSON type of a value of total tid (none: -1). */
static void saw_total(struct snapshot *s, size_t tid, int type)
{
	if (type >= 0)
		snapshot_saw_json_total(s, tid, type);
}

/* The value of a grid cell, or of one statistic of a SUM cell. */
static void take_cell(struct reader *rd, const struct genesys_ref *ref,
		      json_t *v)
{
	size_t gid = ref->n[0], r = ref->n[1], c = ref->n[2];
	const struct panel *p;
	const struct column *col;
	struct snap_grid *g;

	if (gid >= rd->set->ngrids)
		return;
	p = rd->set->grids[gid].panel;
	g = &rd->s->grids[gid];
	if (r >= g->nrows || c >= p->ncols)
		return;
	col = &p->cols[c];
	if (genesys_is_sum(col)) {
		if (ref->count != 4 || ref->n[3] >= col->nsum)
			return;
		rd->pt.sum[rd->pt.gbase[gid] + r * sum_width(p) +
			   sum_offset(p, c) + ref->n[3]] =
			value_text(rd->s, v, STAT_COUNT);
		saw_cell(rd->s, gid, c, value_type(v, STAT_COUNT));
		return;
	}
	if (ref->count != 3 || genesys_is_object_id(col->stat))
		return;
	snapshot_set(rd->s, gid, r, c, value_text(rd->s, v, col_kind(col)));
	saw_cell(rd->s, gid, c, value_type(v, col_kind(col)));
}

/* The value of one object of a total. */
static void take_total(struct reader *rd, const struct genesys_ref *ref,
		       json_t *v)
{
	size_t tid = ref->n[0], k = ref->n[1];

	if (tid >= rd->set->ntotals ||
	    k >= rd->pt.tbase[tid + 1] - rd->pt.tbase[tid])
		return;
	rd->pt.total[rd->pt.tbase[tid] + k] =
		value_text(rd->s, v, total_kind(rd->set, tid));
	saw_total(rd->s, tid, value_type(v, total_kind(rd->set, tid)));
}

/* One element of data.statistics: its value where its statisticId says. */
static void take_stat(struct reader *rd, json_t *st)
{
	json_t *id = json_object_get(st, "statisticId");
	struct genesys_ref ref;

	if (!json_is_object(st)) {
		shape_skip(&rd->sh, "a statistic is not an object");
		return;
	}
	if (!json_is_string(id)) {
		shape_skip(&rd->sh, "a statistic without a statisticId");
		return;
	}
	if (strlen(json_string_value(id)) != json_string_length(id) ||
	    !genesys_ref_parse(json_string_value(id), &ref))
		return;		/* not one of ours */
	if (ref.total)
		take_total(rd, &ref, json_object_get(st, "value"));
	else
		take_cell(rd, &ref, json_object_get(st, "value"));
}

/*
 * A SUM cell from its statistics: the sum of those that are numbers; ""
 * when some came but none is a number; NULL when none came.
 */
static const char *sum_cell(struct snapshot *s, const char **vals, size_t n)
{
	double acc = 0, d;
	bool any = false, some = false;

	for (size_t i = 0; i < n; i++) {
		if (vals[i] == NULL)
			continue;
		some = true;
		if (parse_double(vals[i], &d)) {
			acc += d;
			any = true;
		}
	}
	return any ? snapshot_number(s, acc, -1) : some ? "" : NULL;
}

/*
 * A total from its objects' values: counts add up, durations take the
 * largest, percentages the mean; any other kind (and values that are not
 * numbers) the first value that came. A total over one object is its value.
 */
static const char *combine(struct snapshot *s, const char **vals, size_t n,
			   enum stat_kind kind)
{
	const char *first = NULL;
	double acc = 0, d;
	size_t used = 0;

	for (size_t i = 0; i < n; i++) {
		if (vals[i] == NULL)
			continue;
		if (first == NULL)
			first = vals[i];
		if (!parse_double(vals[i], &d))
			continue;
		if (kind == STAT_DURATION)
			acc = used == 0 || d > acc ? d : acc;
		else
			acc += d;
		used++;
	}
	if (n == 1 || used == 0 || (kind != STAT_COUNT &&
	    kind != STAT_DURATION && kind != STAT_PERCENT))
		return first;
	return snapshot_number(
		s, kind == STAT_PERCENT ? acc / (double)used : acc, -1);
}

/* Fill the SUM cells and the totals from the parts read. */
static void finish(struct reader *rd)
{
	const struct layoutset *set = rd->set;

	for (size_t t = 0; t < set->ntotals; t++)
		snapshot_set_total(rd->s, t, combine(rd->s,
				   rd->pt.total + rd->pt.tbase[t],
				   rd->pt.tbase[t + 1] - rd->pt.tbase[t],
				   total_kind(set, t)));
	for (size_t g = 0; g < set->ngrids; g++) {
		const struct panel *p = set->grids[g].panel;
		struct snap_grid *sg = &rd->s->grids[g];
		size_t w = sum_width(p);

		for (size_t r = 0; w > 0 && r < sg->nrows; r++)
			for (size_t c = 0; c < p->ncols; c++)
				if (genesys_is_sum(&p->cols[c]))
					snapshot_set(
						rd->s, g, r, c,
						sum_cell(rd->s,
							 rd->pt.sum +
								 rd->pt.gbase
									 [g] +
								 r * w +
								 sum_offset(p,
									    c),
							 p->cols[c].nsum));
	}
}

/* --- answers ------------------------------------------------------------- */

/* v when it is a non-empty string, else NULL. */
static json_t *nonempty(json_t *v)
{
	return json_is_string(v) && json_string_length(v) > 0 ? v : NULL;
}

/*
 * True when a status object's code is there (a number, or one as text) and not
 * 0.
 */
bool genesys_code_failed(json_t *status, double *code)
{
	json_t *c = json_object_get(status, "code");
	double d;

	if (json_is_number(c))
		d = json_number_value(c);
	else if (!json_is_string(c) || !parse_double(json_string_value(c), &d))
		return false;
	if (code != NULL)
		*code = d;
	return d != 0;
}

/*
 * The first message of errors[].status, or NULL; with failed_only, only
 * of an error whose code says it failed.
 */
static json_t *errors_message(json_t *root, bool failed_only)
{
	json_t *errors = json_object_get(root, "errors"), *e, *st, *m;
	size_t i;

	if (!json_is_array(errors))
		return NULL;
	json_array_foreach(errors, i, e) {
		st = json_object_get(e, "status");
		if (failed_only && !genesys_code_failed(st, NULL))
			continue;
		if ((m = nonempty(json_object_get(st, "message"))) != NULL)
			return m;
	}
	return NULL;
}

/*
 * The message of an answer: status.message, else the first message of
 * errors[].status, else a top-level "message" (what API gateways send).
 */
static json_t *answer_message(json_t *root)
{
	json_t *m = nonempty(json_object_get(json_object_get(root, "status"),
					     "message"));

	if (m == NULL)
		m = errors_message(root, false);
	if (m == NULL)
		m = nonempty(json_object_get(root, "message"));
	return m;
}

/*
 * True when the answer says it failed: status.code is there (a number, or
 * a number as text) and not 0. err is then the server's message.
 */
static bool answer_failed(json_t *root, char *err, size_t errsz)
{
	json_t *m;
	double d = 0;
	char *why;

	if (!genesys_code_failed(json_object_get(root, "status"), &d))
		return false;
	if ((m = answer_message(root)) != NULL) {
		why = sanitize_dup(json_string_value(m), json_string_length(m));
		snprintf(err, errsz, "%s", why);
		free(why);
	} else {
		char num[64];
		number_text(num, sizeof(num), d, -1);
		snprintf(err, errsz, "the server answered status code %s", num);
	}
	return true;
}

/*
 * Note what a failed entry of errors[] in an accepted answer says, unless
 * a skip was noted.
 */
static void note_errors(json_t *root, struct shape *sh)
{
	json_t *m;
	char *why;

	if (sh->skipped > 0 || sh->errsz == 0 ||
	    (m = errors_message(root, true)) == NULL)
		return;
	why = sanitize_dup(json_string_value(m), json_string_length(m));
	snprintf(sh->err, sh->errsz, "the server reports: %s", why);
	free(why);
}

/* Read data.statistics into a new snapshot. */
static struct snapshot *read_values(json_t *list, const struct layoutset *set,
				    const struct genesys_objects *o,
				    struct shape *sh)
{
	struct reader rd = { NULL, set, { NULL, NULL, NULL, NULL }, *sh };
	size_t i;
	json_t *st;

	rd.s = snapshot_new(set);
	grids_init(rd.s, set, o);
	parts_init(&rd.pt, set, rd.s);
	json_array_foreach(list, i, st)
		take_stat(&rd, st);
	finish(&rd);
	parts_free(&rd.pt);
	*sh = rd.sh;
	return rd.s;
}

struct snapshot *genesys_parse_values(const char *body, size_t len,
				      const struct layoutset *set,
				      const struct genesys_objects *o,
				      struct genesys_refusals *refused,
				      char *err, size_t errsz)
{
	struct shape sh = { err, errsz, 0 };
	struct snapshot *s;
	json_t *root, *list;

	if (errsz)
		err[0] = '\0';
	if ((root = json_body(body, len, true, err, errsz)) == NULL)
		return NULL;
	if (answer_failed(root, err, errsz)) {
		json_decref(root);
		return NULL;
	}
	list = json_object_get(json_object_get(root, "data"), "statistics");
	if (!json_is_array(list)) {
		snprintf(err, errsz,
			 "unexpected shape: no data.statistics list");
		json_decref(root);
		return NULL;
	}
	s = read_values(list, set, o ? o : &no_objects, &sh);
	note_errors(root, &sh);
	genesys_read_errors(root, set, o ? o : &no_objects, false, refused, s);
	json_decref(root);
	return s;
}

/*
 * True when a subscription id can go into a request path as it is:
 * printable ASCII without spaces (so no NUL either), and not too long.
 */
static bool id_usable(const char *id, size_t len)
{
	if (len == 0 || len > 256)
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)id[i] <= 0x20 ||
		    (unsigned char)id[i] >= 0x7f)
			return false;
	return true;
}

char *genesys_parse_subscription_id(const char *body, size_t len)
{
	char err[8];
	json_t *root = json_body(body, len, true, err, sizeof(err));
	json_t *id;
	char *out = NULL;

	if (root == NULL)
		return NULL;
	id = json_object_get(json_object_get(root, "data"), "subscriptionId");
	if (!answer_failed(root, err, sizeof(err)) && json_is_string(id) &&
	    id_usable(json_string_value(id), json_string_length(id)))
		out = xstrdup(json_string_value(id));
	json_decref(root);
	return out;
}

char *genesys_parse_error(const char *body, size_t len)
{
	char err[8];
	json_t *root = json_body(body, len, true, err, sizeof(err));
	json_t *m = root ? answer_message(root) : NULL;
	char *out = NULL;

	/* The token service answers as every OAuth server (RFC 6749, 5.2). */
	if (m == NULL && root != NULL)
		m = nonempty(json_object_get(root, "error_description"));
	if (m == NULL && root != NULL)
		m = nonempty(json_object_get(root, "error"));
	if (m != NULL)
		out = sanitize_dup(json_string_value(m), json_string_length(m));
	json_decref(root);
	return out;
}

const char *genesys_state_word(const char *raw)
{
	const struct state_word *sw;

	if (raw == NULL)
		return NULL;
	/* Stat Server names every kind of call state Call...: all busy. */
	if (strncasecmp(raw, "call", 4) == 0 && raw[4] != '\0')
		return "busy";
	sw = state_at(state_find(raw));
	return sw ? sw->word : raw;
}

/* --- peeked statistics ------------------------------------------------- */

/* One peeked statistic where the layouts show it. */
struct probe {
	const char *name, *oid, *type;
	size_t oidlen;
	bool total;
	size_t at, row, col;	/* total: tid, k; grid: gid, row, column */
};

typedef void (*probe_fn)(void *ctx, const struct probe *pr);

/* True for a statistic peeked: a probe not refused by name. */
static bool peeked(const struct layoutset *set,
		   const struct genesys_refusals *refused, const char *name)
{
	return genesys_is_probe(set, name) && !genesys_refused(refused, name);
}

/*
 * Call fn for every probe statistic of set not refused: grid cells, then
 * totals.
 */
static void each_probe(const struct layoutset *set,
		       const struct genesys_objects *o,
		       const struct genesys_refusals *refused, probe_fn fn,
		       void *ctx)
{
	struct probe pr;

	for (size_t g = 0; g < set->ngrids; g++) {
		const struct panel *p = set->grids[g].panel;
		size_t nrows;
		char *const *rows = genesys_grid_rows(p, o, &nrows);

		for (size_t c = 0; c < p->ncols; c++) {
			if (genesys_is_sum(&p->cols[c]) ||
			    !peeked(set, refused, p->cols[c].stat))
				continue;
			for (size_t r = 0; r < nrows; r++) {
				pr = (struct probe){ p->cols[c].stat,
						     rows[r],
						     genesys_grid_type(p),
						     strlen(rows[r]),
						     false,
						     g,
						     r,
						     c };
				fn(ctx, &pr);
			}
		}
	}
	for (size_t t = 0; t < set->ntotals; t++) {
		const char *scope = set->total_scopes[t];

		if (!peeked(set, refused, set->totals[t]))
			continue;
		if (scope[0] == '\0') {
			if (o->tenant == NULL)
				continue;
			pr = (struct probe){ set->totals[t],
					     o->tenant,
					     "Tenant",
					     strlen(o->tenant),
					     true,
					     t,
					     0,
					     0 };
			fn(ctx, &pr);
			continue;
		}
		for (size_t k = 0; k < genesys_total_nobjects(scope); k++) {
			size_t len;
			const char *item = genesys_scope_item(scope, k, &len);
			pr = (struct probe){ set->totals[t], item, "Queue", len,
					     true, t, k, 0 };
			fn(ctx, &pr);
		}
	}
}

/* True when a statistic of an answer (or of a request) is the probe's. */
static bool probe_is(const struct probe *pr, json_t *st)
{
	json_t *name = json_object_get(st, "name");
	json_t *oid = json_object_get(st, "objectId");
	json_t *type = json_object_get(st, "objectType");

	return json_is_string(name) && json_is_string(oid) &&
	       json_is_string(type) &&
	       strcmp(json_string_value(name), pr->name) == 0 &&
	       json_string_length(oid) == pr->oidlen &&
	       memcmp(json_string_value(oid), pr->oid, pr->oidlen) == 0 &&
	       strcmp(json_string_value(type), pr->type) == 0;
}

/* Add a probe to the request list, once for each statistic and object. */
static void peek_add(void *ctx, const struct probe *pr)
{
	json_t *list = ctx, *st, *oid;
	size_t i;

	json_array_foreach(list, i, st)
		if (probe_is(pr, st))
			return;
	if ((oid = json_stringn(pr->oid, pr->oidlen)) == NULL)
		return;		/* not UTF-8: cannot be asked */
	st = json_object();
	json_object_set_new(st, "name", json_string(pr->name));
	json_object_set_new(st, "objectId", oid);
	json_object_set_new(st, "objectType", json_string(pr->type));
	json_array_append_new(list, st);
}

char *genesys_peek_build(const struct layoutset *set,
			 const struct genesys_objects *o,
			 const struct genesys_refusals *refused, size_t *count)
{
	json_t *list = json_array(), *root;
	char *text = NULL;

	each_probe(set, o ? o : &no_objects, refused, peek_add, list);
	if (count != NULL)
		*count = json_array_size(list);
	if (json_array_size(list) == 0) {
		json_decref(list);
		return NULL;
	}
	root = json_pack("{s:{s:o}}", "data", "statistics", list);
	text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	return text;
}

/* What filling a snapshot with peeked values needs. */
struct peeked {
	struct reader rd;
	json_t *list;		/* the answer's statistics */
	const struct genesys_refusals *refused;
};

/* Put the answer's value for one probe where the layouts show it. */
static void peek_take(void *ctx, const struct probe *pr)
{
	struct peeked *pk = ctx;

	json_t *st, *v;
	enum stat_kind kind;
	size_t i;

	json_array_foreach(pk->list, i, st) {
		if (!json_is_object(st) || !probe_is(pr, st))
			continue;
		v = json_object_get(st, "value");
		if (pr->total) {
			kind = total_kind(pk->rd.set, pr->at);
			pk->rd.pt.total[pk->rd.pt.tbase[pr->at] + pr->row] =
				value_text(pk->rd.s, v, kind);
			saw_total(pk->rd.s, pr->at, value_type(v, kind));
		} else {
			struct snap_grid *g = &pk->rd.s->grids[pr->at];
			const struct panel *p = pk->rd.set->grids[pr->at].panel;

			kind = col_kind(&p->cols[pr->col]);
			if (pr->row >= g->nrows)
				return;
			snapshot_set(pk->rd.s, pr->at, pr->row, pr->col,
				     value_text(pk->rd.s, v, kind));
			saw_cell(pk->rd.s, pr->at, pr->col,
				 value_type(v, kind));
		}
		return;
	}
}

/* Combine the peeked objects of each probe total into the snapshot. */
static void peek_totals(struct peeked *pk)
{
	const struct layoutset *set = pk->rd.set;

	for (size_t t = 0; t < set->ntotals; t++)
		if (peeked(set, pk->refused, set->totals[t]))
			snapshot_set_total(pk->rd.s, t, combine(pk->rd.s,
				pk->rd.pt.total + pk->rd.pt.tbase[t],
				pk->rd.pt.tbase[t + 1] - pk->rd.pt.tbase[t],
				total_kind(set, t)));
}

bool genesys_parse_peeked(const char *body, size_t len,
			  const struct layoutset *set,
			  const struct genesys_objects *o, struct snapshot *s,
			  struct genesys_refusals *refused,
			  char *err, size_t errsz)
{
	json_t *root = json_body(body, len, true, err, errsz), *data, *one;
	struct peeked pk;

	if (root == NULL)
		return false;
	if (answer_failed(root, err, errsz)) {
		json_decref(root);
		return false;
	}
	data = json_object_get(root, "data");
	pk.list = json_object_get(data, "statistics");
	one = json_object_get(data, "statistic");
	if (!json_is_array(pk.list) && json_is_object(one)) {
		/* statistic-values/{name}: one value */
		pk.list = json_array();
		json_array_append(pk.list, one);
	} else if (json_is_array(pk.list))
		json_incref(pk.list);
	else {
		if (errsz)
			snprintf(err, errsz,
				 "unexpected shape: no data.statistics");
		json_decref(root);
		return false;
	}
	if (o == NULL)
		o = &no_objects;
	genesys_read_errors(root, set, o, true, refused, s);
	pk.rd.s = s;
	pk.rd.set = set;
	pk.refused = refused;
	parts_init(&pk.rd.pt, set, s);
	each_probe(set, o, refused, peek_take, &pk);
	peek_totals(&pk);
	parts_free(&pk.rd.pt);
	json_decref(pk.list);
	json_decref(root);
	return true;
}
