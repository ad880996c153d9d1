/*
 * refusal.c - what the Genesys server refused: a statistic, or a
 * credential.
 *
 * The reference shows how an answer fails (errors[], each a status with a
 * code, an open "detail" object and a message) but never how an error
 * says which statistic it is about. An error is taken to be about
 * statistics of ours when it names them: a statisticId we gave, or a
 * statistic name the subscription (or the peek) asks, as a string of its
 * detail (any member, nested or not) or as a whole word of its message.
 * The detail is read first: it is the structured part, and a message
 * that quotes a name in passing is the weaker sign.
 *
 * The board keeps what was refused (struct genesys_refusals, the client's)
 * so that the next subscription leaves it out and every snapshot shows it
 * "unavailable" with the reason: the server may say it only once, in the
 * answer to the subscription.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "providers/genesys/parse_internal.h"
#include "net/jsonbody.h"
#include "sanitize.h"

#define NAMED_MAX 8		/* statistics one error may name */
#define ID_MAX 64		/* bytes of a statisticId of ours, at most */
#define DETAIL_DEPTH 4		/* levels of a detail object looked into */
#define DETAIL_STRINGS 256	/* strings of one detail looked at */
#define MESSAGE_MAX 2048	/* bytes of a message searched */
#define REASON_MAX 240		/* bytes of a reason kept */

/* --- what an error names ------------------------------------------------- */

/* What one error names of ours. */
struct named {
	/* statistic names (the set's strings) */
	const char *names[NAMED_MAX];
	size_t nnames;
	char ids[NAMED_MAX][ID_MAX];	/* statisticIds of ours */
	size_t nids;
};

/* Looking for our statistics in the errors of one answer. */
struct finder {
	const struct layoutset *set;
	const struct genesys_objects *o;
	bool peek;			/* the answer is a peek's */
	const char **names;		/* the names asked, each once */
	size_t nnames;
	size_t strings;			/* detail strings looked at so far */
	struct named found;
};

/*
 * True for a byte of a statistic name or id: a word of a message ends
 * elsewhere.
 */
static bool word_byte(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Add name to the names asked, once. */
static void names_add(struct finder *f, const char *name)
{
	for (size_t i = 0; i < f->nnames; i++)
		if (strcmp(f->names[i], name) == 0)
			return;
	f->names = xreallocarray(f->names, f->nnames + 1, sizeof(*f->names));
	f->names[f->nnames++] = name;
}

/*
 * True for a statistic the subscription asks (peek: the peek asks): not
 * ObjectId, and subscribed or peeked as the answer is.
 */
static bool asked(const struct layoutset *set, const char *name, bool peek)
{
	return !genesys_is_object_id(name) &&
	       genesys_is_probe(set, name) == peek;
}

/* Start looking: the names the layouts ask, each once. */
static void finder_init(struct finder *f, const struct layoutset *set,
			const struct genesys_objects *o, bool peek)
{
	memset(f, 0, sizeof(*f));
	f->set = set;
	f->o = o;
	f->peek = peek;
	for (size_t g = 0; g < set->ngrids; g++) {
		const struct panel *p = set->grids[g].panel;

		for (size_t c = 0; c < p->ncols; c++) {
			const struct column *col = &p->cols[c];

			if (!genesys_is_sum(col) && asked(set, col->stat, peek))
				names_add(f, col->stat);
			for (size_t k = 0; genesys_is_sum(col) && !peek &&
			     k < col->nsum; k++)
				if (!genesys_is_object_id(col->sum_stats[k]))
					names_add(f, col->sum_stats[k]);
		}
	}
	for (size_t t = 0; t < set->ntotals; t++)
		if (asked(set, set->totals[t], peek))
			names_add(f, set->totals[t]);
}

/* Free what looking held. */
static void finder_free(struct finder *f)
{
	free(f->names);
}

/*
 * The statistic a statisticId of ours stands for, or NULL when it is not
 * one of this subscription's (out of range, an ObjectId column).
 */
static const char *ref_name(const struct layoutset *set,
			    const struct genesys_objects *o,
			    const struct genesys_ref *ref)
{
	const struct panel *p;
	const struct column *col;
	size_t nrows;

	if (ref->total) {
		if (ref->n[0] >= set->ntotals || ref->n[1] >=
		    genesys_total_nobjects(set->total_scopes[ref->n[0]]))
			return NULL;
		return set->totals[ref->n[0]];
	}
	if (ref->n[0] >= set->ngrids)
		return NULL;
	p = set->grids[ref->n[0]].panel;
	genesys_grid_rows(p, o, &nrows);
	if (ref->n[1] >= nrows || ref->n[2] >= p->ncols)
		return NULL;
	col = &p->cols[ref->n[2]];
	if (genesys_is_sum(col))
		return ref->count == 4 && ref->n[3] < col->nsum ?
		       col->sum_stats[ref->n[3]] : NULL;
	return ref->count == 3 && !genesys_is_object_id(col->stat) ?
	       col->stat : NULL;
}

/* Note a name found, once. */
static void found_name(struct named *n, const char *name)
{
	for (size_t i = 0; i < n->nnames; i++)
		if (n->names[i] == name)
			return;
	if (n->nnames < NAMED_MAX)
		n->names[n->nnames++] = name;
}

/* Note a statisticId found (len bytes), once. */
static void found_id(struct named *n, const char *id, size_t len)
{
	for (size_t i = 0; i < n->nids; i++)
		if (strlen(n->ids[i]) == len && memcmp(n->ids[i], id, len) == 0)
			return;
	if (n->nids < NAMED_MAX && len < ID_MAX) {
		memcpy(n->ids[n->nids], id, len);
		n->ids[n->nids++][len] = '\0';
	}
}

/* A statisticId of this subscription's (len bytes)? Noted when it is. */
static bool look_id(struct finder *f, const char *s, size_t len)
{
	char id[ID_MAX];
	struct genesys_ref ref;

	if (f->peek || len == 0 || len >= sizeof(id))
		return false;
	memcpy(id, s, len);
	id[len] = '\0';
	if (!genesys_ref_parse(id, &ref) ||
	    ref_name(f->set, f->o, &ref) == NULL)
		return false;
	found_id(&f->found, id, len);
	return true;
}

/* A string of a detail: one of our ids, or one of the names asked. */
static void look_string(struct finder *f, const char *s, size_t len)
{
	if (look_id(f, s, len))
		return;
	for (size_t i = 0; i < f->nnames; i++)
		if (strlen(f->names[i]) == len &&
		    memcmp(f->names[i], s, len) == 0)
			found_name(&f->found, f->names[i]);
}

/* Every string of a detail, nested objects and lists too (bounded). */
static void look_detail(struct finder *f, json_t *v, int depth)
{
	const char *key;
	json_t *m;
	size_t i;

	if (depth > DETAIL_DEPTH || f->strings >= DETAIL_STRINGS)
		return;
	if (json_is_string(v)) {
		f->strings++;
		look_string(f, json_string_value(v), json_string_length(v));
	} else if (json_is_object(v)) {
		json_object_foreach(v, key, m)
			look_detail(f, m, depth + 1);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m)
			look_detail(f, m, depth + 1);
	}
}

/* True when text[at, at + len) is a whole word of text (n bytes). */
static bool whole_word(const char *text, size_t n, size_t at, size_t len)
{
	return (at == 0 || !word_byte(text[at - 1])) &&
	       (at + len == n || !word_byte(text[at + len]));
}

/* The ids of ours a message holds: g or t, digits and dots, as a word. */
static void message_ids(struct finder *f, const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = i + 1;

		if ((text[i] != 'g' && text[i] != 't') ||
		    (i > 0 && word_byte(text[i - 1])))
			continue;
		while (j < n &&
		       (isdigit((unsigned char)text[j]) || text[j] == '.'))
			j++;
		while (j > i + 1 && text[j - 1] == '.')
			j--;	/* a sentence's full stop */
		if (whole_word(text, n, i, j - i))
			look_id(f, text + i, j - i);
	}
}

/* The ids of ours and the names asked text (n bytes) holds as words. */
static void look_words(struct finder *f, const char *text, size_t n)
{
	message_ids(f, text, n);
	if (f->found.nids > 0)
		return;		/* an id says more than its name */
	for (size_t i = 0; i < f->nnames; i++) {
		size_t len = strlen(f->names[i]);

		for (size_t at = 0; len > 0 && at + len <= n; at++)
			if (memcmp(text + at, f->names[i], len) == 0 &&
			    whole_word(text, n, at, len)) {
				found_name(&f->found, f->names[i]);
				break;
			}
	}
}

/*
 * The ids of ours and the names asked a message holds as whole words,
 * once sanitised (an escape sequence is no part of a word).
 */
static void look_message(struct finder *f, const char *raw, size_t n)
{
	char *text = sanitize_dup(raw, n < MESSAGE_MAX ? n : MESSAGE_MAX);

	n = strlen(text);
	look_words(f, text, n);
	free(text);
}

/*
 * What one status (an error's, or the answer's) names: its detail's
 * strings, else its message's words; statisticIds, when there are any,
 * rather than names (an id says which object too). The number found.
 */
static size_t identify(struct finder *f, json_t *status)
{
	json_t *m = json_object_get(status, "message");

	memset(&f->found, 0, sizeof(f->found));
	f->strings = 0;
	look_detail(f, json_object_get(status, "detail"), 0);
	if (f->found.nids > 0)
		f->found.nnames = 0;
	if (f->found.nids + f->found.nnames == 0 && json_is_string(m))
		look_message(
			f, json_string_value(m),
			strnlen(json_string_value(m), json_string_length(m)));
	return f->found.nids + f->found.nnames;
}

/* --- the reason ---------------------------------------------------------- */

/* The text of a message member when it is a non-empty string, else NULL. */
static const char *message_of(json_t *status)
{
	json_t *m = json_object_get(status, "message");

	return json_is_string(m) && json_string_length(m) > 0 ?
	       json_string_value(m) : NULL;
}

/* Text from the server as a reason: secrets removed, sanitised, cut short. */
static void reason_text(const struct genesys_refusals *r, const char *raw,
			char *out, size_t outsz)
{
	char buf[REASON_MAX * 2];

	snprintf(buf, sizeof(buf), "%s", raw);
	if (r != NULL)
		sanitize_secrets(buf, sizeof(buf), r->secrets, r->nsecrets);
	sanitize_line(out, outsz, buf);
}

/*
 * Why a status refused: its message, else that of the answer when the
 * answer failed (an accepted one says "OK"), else its code.
 */
static void reason_of(const struct genesys_refusals *r, json_t *status,
		      json_t *root, char *out, size_t outsz)
{
	json_t *top = json_object_get(root, "status");
	const char *m = message_of(status);
	double code = 0;
	char num[64];

	if (m == NULL && genesys_code_failed(top, NULL))
		m = message_of(top);
	if (m == NULL && genesys_code_failed(status, &code)) {
		number_text(num, sizeof(num), code, -1);
		snprintf(out, outsz, "status code %s", num);
		return;
	}
	reason_text(r, m ? m : "no reason given", out, outsz);
}

/* --- the refusals kept --------------------------------------------------- */

void genesys_refusals_free(struct genesys_refusals *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].name);
		free(r->v[i].id);
		free(r->v[i].reason);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

bool genesys_refused(const struct genesys_refusals *r, const char *name)
{
	for (size_t i = 0; r != NULL && i < r->n; i++)
		if (r->v[i].id == NULL && strcmp(r->v[i].name, name) == 0)
			return true;
	return false;
}

/* Drop the refusals of name by statisticId: it is refused everywhere now. */
static void drop_ids_of(struct genesys_refusals *r, const char *name)
{
	size_t k = 0;

	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].id != NULL && strcmp(r->v[i].name, name) == 0) {
			free(r->v[i].name);
			free(r->v[i].id);
			free(r->v[i].reason);
			continue;
		}
		r->v[k++] = r->v[i];
	}
	r->n = k;
}

/* Keep a refusal (id NULL: by name); true when it is new. */
static bool refusal_add(struct genesys_refusals *r, const char *name,
			const char *id, const char *reason)
{
	if (r == NULL || genesys_refused(r, name))
		return false;
	for (size_t i = 0; id != NULL && i < r->n; i++)
		if (r->v[i].id != NULL && strcmp(r->v[i].id, id) == 0)
			return false;
	if (id == NULL)
		drop_ids_of(r, name);
	if (r->n >= GENESYS_MAX_REFUSALS)
		return false;
	r->v = xreallocarray(r->v, r->n + 1, sizeof(*r->v));
	r->v[r->n].name = xstrdup(name);
	r->v[r->n].id = id ? xstrdup(id) : NULL;
	r->v[r->n++].reason = xstrdup(reason);
	return true;
}

/* The name a found id stands for. */
static const char *id_name(const struct finder *f, const char *id)
{
	struct genesys_ref ref;

	return genesys_ref_parse(id, &ref) ? ref_name(f->set, f->o, &ref)
					   : NULL;
}

/* Refuse by name everything found (an id: its statistic). The new ones. */
static size_t refuse_names(struct finder *f, struct genesys_refusals *r,
			   const char *reason)
{
	size_t n = 0;

	for (size_t i = 0; i < f->found.nids; i++)
		n += refusal_add(r, id_name(f, f->found.ids[i]), NULL, reason);
	for (size_t i = 0; i < f->found.nnames; i++)
		n += refusal_add(r, f->found.names[i], NULL, reason);
	return n;
}

size_t genesys_parse_refusal(const char *body, size_t len,
			     const struct layoutset *set,
			     const struct genesys_objects *o, bool peek,
			     struct genesys_refusals *r)
{
	char err[8], reason[REASON_MAX], *text;
	json_t *root = json_body(body, len, true, err, sizeof(err));
	json_t *errors = json_object_get(root, "errors"), *e;
	struct finder f;
	size_t n = 0, i;

	finder_init(&f, set, o, peek);
	if (root == NULL && body != NULL) {
		/*
		 * Not a JSON object (a gateway's text): its words are the
		 * message.
		 */
		text = sanitize_dup(body,
				    len < MESSAGE_MAX ? len : MESSAGE_MAX);
		look_words(&f, text, strlen(text));
		reason_text(r, text, reason, sizeof(reason));
		n = refuse_names(&f, r, reason);
		free(text);
	}
	json_array_foreach(errors, i, e) {
		if (identify(&f, json_object_get(e, "status")) == 0)
			continue;
		reason_of(r, json_object_get(e, "status"), root, reason,
			  sizeof(reason));
		n += refuse_names(&f, r, reason);
	}
	/* The answer's own status, and a gateway's top-level message. */
	if (root != NULL && identify(&f, json_object_get(root, "status")) > 0) {
		reason_of(r, json_object_get(root, "status"), root, reason,
			  sizeof(reason));
		n += refuse_names(&f, r, reason);
	}
	if (root != NULL && identify(&f, root) > 0) {
		reason_of(r, root, root, reason, sizeof(reason));
		n += refuse_names(&f, r, reason);
	}
	finder_free(&f);
	json_decref(root);
	return n;
}

/* A failed error that names nothing of ours, as a note of s. */
static void note_report(struct snapshot *s, const struct genesys_refusals *r,
			json_t *status, json_t *root)
{
	char reason[REASON_MAX];

	if (s == NULL || !genesys_code_failed(status, NULL))
		return;
	reason_of(r, status, root, reason, sizeof(reason));
	snapshot_note(s, "the server reports: %s", reason);
}

void genesys_read_errors(json_t *root, const struct layoutset *set,
			 const struct genesys_objects *o, bool peek,
			 struct genesys_refusals *refused, struct snapshot *s)
{
	json_t *errors = json_object_get(root, "errors"), *e, *st, *code;
	char reason[REASON_MAX];
	struct finder f;
	size_t i;

	if (!json_is_array(errors) || json_array_size(errors) == 0)
		return;
	finder_init(&f, set, o, peek);
	json_array_foreach(errors, i, e) {
		st = json_object_get(e, "status");
		code = json_object_get(st, "code");
		/* Code 0 is no failure (the reference's own example). */
		if (code != NULL && !genesys_code_failed(st, NULL))
			continue;
		if (identify(&f, st) == 0) {
			note_report(s, refused, st, root);
			continue;
		}
		reason_of(refused, st, root, reason, sizeof(reason));
		for (size_t k = 0; k < f.found.nids; k++)
			refusal_add(refused, id_name(&f, f.found.ids[k]),
				    f.found.ids[k], reason);
		for (size_t k = 0; k < f.found.nnames; k++)
			refusal_add(refused, f.found.names[k], NULL, reason);
	}
	finder_free(&f);
}

void genesys_parse_errors(const char *body, size_t len,
			  const struct layoutset *set,
			  const struct genesys_objects *o,
			  struct genesys_refusals *r)
{
	char err[8];
	json_t *root = json_body(body, len, true, err, sizeof(err));

	if (root != NULL)
		genesys_read_errors(root, set, o, false, r, NULL);
	json_decref(root);
}

/* --- marking a snapshot -------------------------------------------------- */

/*
 * Grid gid's cell at row r, column c is refused: unavailable when it has
 * no value, or when it adds several statistics up (a SUM column), whose
 * sum without the refused one would be wrong.
 */
static void mark_cell(struct snapshot *s, size_t gid, size_t r, size_t c)
{
	const struct panel *p = s->set->grids[gid].panel;

	if (genesys_is_sum(&p->cols[c]) ||
	    snapshot_cell_text(s, gid, r, c) == NULL)
		snapshot_set_unavailable(s, gid, r, c);
}

/*
 * Total tid is refused: unavailable when it has no value or is over several
 * objects.
 */
static void mark_total(struct snapshot *s, size_t tid)
{
	if (s->totals[tid].text == NULL ||
	    genesys_total_nobjects(s->set->total_scopes[tid]) > 1)
		snapshot_set_total_unavailable(s, tid);
}

/* True when column c shows statistic name (itself, or in its sum). */
static bool column_has(const struct column *c, const char *name)
{
	if (!genesys_is_sum(c))
		return strcmp(c->stat, name) == 0;
	for (size_t k = 0; k < c->nsum; k++)
		if (strcmp(c->sum_stats[k], name) == 0)
			return true;
	return false;
}

/* Every cell and total of statistic name. */
static void mark_name(struct snapshot *s, const char *name)
{
	const struct layoutset *set = s->set;

	for (size_t g = 0; g < set->ngrids; g++) {
		const struct panel *p = set->grids[g].panel;

		for (size_t c = 0; c < p->ncols; c++)
			for (size_t r = 0; column_has(&p->cols[c], name) &&
			     r < s->grids[g].nrows; r++)
				mark_cell(s, g, r, c);
	}
	for (size_t t = 0; t < set->ntotals; t++)
		if (strcmp(set->totals[t], name) == 0)
			mark_total(s, t);
}

/* The cell or total of one statisticId of ours. */
static void mark_id(struct snapshot *s, const struct genesys_objects *o,
		    const char *id)
{
	struct genesys_ref ref;

	if (!genesys_ref_parse(id, &ref) || ref_name(s->set, o, &ref) == NULL)
		return;
	if (ref.total)
		mark_total(s, ref.n[0]);
	else if (ref.n[1] < s->grids[ref.n[0]].nrows)
		mark_cell(s, ref.n[0], ref.n[1], ref.n[2]);
}

/* The object a statisticId of ours is opened on: its type, id and length. */
static void id_object(const struct layoutset *set,
		      const struct genesys_objects *o, const char *id,
		      const char **type, const char **oid, size_t *len)
{
	struct genesys_ref ref;
	const char *scope;
	size_t n;

	*type = "object";
	*oid = "?";
	*len = 1;
	if (!genesys_ref_parse(id, &ref) || ref_name(set, o, &ref) == NULL)
		return;
	if (!ref.total) {
		const struct panel *p = set->grids[ref.n[0]].panel;
		char *const *rows = genesys_grid_rows(p, o, &n);

		*type = genesys_grid_type(p);
		*oid = rows[ref.n[1]];
		*len = strlen(*oid);
		return;
	}
	scope = set->total_scopes[ref.n[0]];
	if (scope[0] == '\0' && o->tenant != NULL) {
		*type = "Tenant";
		*oid = o->tenant;
		*len = strlen(o->tenant);
	} else if (scope[0] != '\0') {
		*type = "Queue";
		*oid = genesys_scope_item(scope, ref.n[1], len);
	}
}

/*
 * The note of refusal i, unless an earlier one of the same statistic said
 * it: by name, or for its first object (and others when more follow),
 * with the first reason. The same refusals give the same words, so the
 * board logs each once, however many objects a statistic is refused on.
 */
static void note_refusal(struct snapshot *s, const struct genesys_objects *o,
			 const struct genesys_refusals *r, size_t i)
{
	const struct genesys_refusal *x = &r->v[i];
	const char *type, *oid;
	size_t len, more = 0;

	for (size_t j = 0; j < r->n; j++) {
		const struct genesys_refusal *y = &r->v[j];

		if (strcmp(y->name, x->name) != 0)
			continue;
		if (j < i)
			return;		/* said with the first */
		more += j > i;
	}
	if (x->id == NULL) {
		snapshot_note(s, "statistic \"%s\" refused by the server: %s",
			      x->name, x->reason);
		return;
	}
	id_object(s->set, o, x->id, &type, &oid, &len);
	snapshot_note(s, "statistic \"%s\" refused by the server for %s "
		      "\"%.*s\"%s: %s", x->name, type, (int)len, oid,
		      more ? " and other objects" : "", x->reason);
}

void genesys_refusals_mark(struct snapshot *s, const struct layoutset *set,
			   const struct genesys_objects *o,
			   const struct genesys_refusals *r)
{
	static const struct genesys_objects none;

	if (r == NULL || s == NULL || s->set != set)
		return;
	if (o == NULL)
		o = &none;
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].id == NULL)
			mark_name(s, r->v[i].name);
		else
			mark_id(s, o, r->v[i].id);
		note_refusal(s, o, r, i);
	}
}

/* --- credentials --------------------------------------------------------- */

/* True when the lowercase text holds one of words. */
static bool says(const char *text, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++)
		if (strstr(text, words[i]) != NULL)
			return true;
	return false;
}

/*
 * The words of an answer, in lowercase: its message (genesys_parse_error:
 * the API's, a gateway's, the token service's) and an OAuth error code.
 */
static char *answer_words(const char *body, size_t len)
{
	char err[8];
	char *msg = genesys_parse_error(body, len);
	json_t *root = json_body(body, len, true, err, sizeof(err));
	json_t *code = json_object_get(root, "error");
	char *out =
		xasprintf("%s %s", msg ? msg : "",
			  json_is_string(code) ? json_string_value(code) : "");

	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	free(msg);
	json_decref(root);
	return out;
}

enum genesys_refuser genesys_auth_refused(long status, const char *body,
					  size_t len, bool token_request,
					  bool with_token)
{
	static const char *const key[] = {
		"api key", "api-key", "apikey", "api_key", NULL
	};
	static const char *const token[] = {
		"token", "bearer", "oauth", "jwt", NULL
	};
	/* Words of a refusal of who asks, as opposed to of what is asked. */
	static const char *const access[] = {
		"unauthori",   "forbidden",      "denied",
		"permission",  "credential",     "auth",
		"access",      "invalid client", "invalid_client",
		"not allowed", "scope",          "key",
		NULL
	};
	char *words = answer_words(body, len);
	enum genesys_refuser who;

	if (says(words, key))
		who = GENESYS_REFUSED_KEY;
	else if (token_request)
		who = GENESYS_REFUSED_CLIENT;
	else if (with_token && says(words, token))
		who = GENESYS_REFUSED_TOKEN;
	else if (status == 403 && words[strspn(words, " ")] != '\0' &&
		 !says(words, access))
		who = GENESYS_REFUSED_OTHER;
	else if (status == 401 && with_token)
		who = GENESYS_REFUSED_TOKEN;
	else
		who = GENESYS_REFUSED_KEY;
	free(words);
	return who;
}
