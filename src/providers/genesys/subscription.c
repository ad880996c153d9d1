/*
 * subscription.c - the Genesys subscription: one Stat Server statistic
 * per value the layouts show (a grid cell is its column's statistic on the
 * row's object, an Agent or a Queue; a total is its statistic on the
 * Tenant or on each queue the totals panel names), each with a
 * statisticId that says where its value goes (parse.c reads them back).
 * Statistics the catalogue marks STAT_PROBE are left out: they are peeked.
 */
#include "autoconf.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/genesys/parse.h"
#include "providers/genesys/parse_internal.h"

/* The objects of a caller that gave none: no agents, no queues, no tenant. */
static const struct genesys_objects no_objects;

/* --- objects and statistic ids ------------------------------------------- */


/* True for a SUM column. */
bool genesys_is_sum(const struct column *c)
{
	return strcmp(c->stat, "SUM") == 0;
}

/* True for ObjectId: the row's object id, which is no statistic. */
bool genesys_is_object_id(const char *stat)
{
	return strcmp(stat, "ObjectId") == 0;
}

/*
 * True for a statistic Stat Server computes when asked (ExpectedWaitTime):
 * it is peeked beside each poll, not subscribed.
 */
bool genesys_is_probe(const struct layoutset *set, const char *stat)
{
	const struct stat_info *info = catalog_find(set->catalog, stat);

	return info != NULL && (info->flags & STAT_PROBE);
}

/*
 * The object ids a grid panel's rows are, their count in *n: every agent
 * for an agent grid; for a service grid the panel's services, else every
 * queue.
 */
char *const *genesys_grid_rows(const struct panel *p,
			       const struct genesys_objects *o, size_t *n)
{
	if (p->kind == PANEL_AGENT_GRID) {
		*n = o->nagents;
		return o->agents;
	}
	if (p->nservices > 0) {
		*n = p->nservices;
		return p->services;
	}
	*n = o->nqueues;
	return o->queues;
}

/*
 * The Stat Server object type of a grid panel's rows. The reference names
 * no object type: Agent and Queue are Stat Server's words for them. It is
 * the panel's, whatever the statistic: a deployment's own statistic, which
 * the catalogue does not know, is opened on the same objects.
 */
const char *genesys_grid_type(const struct panel *p)
{
	return p->kind == PANEL_AGENT_GRID ? "Agent" : "Queue";
}

/* How many objects a total is over: the tenant, or each service of scope. */
size_t genesys_total_nobjects(const char *scope)
{
	size_t n = 1;

	for (const char *p = scope; *p != '\0'; p++)
		if (*p == '\n')
			n++;
	return n;
}

/* The k-th service of a '\n'-joined scope: its start, its length in *len. */
const char *genesys_scope_item(const char *scope, size_t k, size_t *len)
{
	const char *p = scope, *nl;

	while (k > 0 && (nl = strchr(p, '\n')) != NULL) {
		p = nl + 1;
		k--;
	}
	nl = strchr(p, '\n');
	*len = nl ? (size_t)(nl - p) : strlen(p);
	return p;
}

/* --- the subscription body ----------------------------------------------- */

/*
 * Append one statistic to the list (taking id). An object id or name that
 * is not UTF-8 cannot be written as JSON: that statistic is left out.
 */
static void add_stat(json_t *list, char *id, const char *oid, size_t oidlen,
		     const char *type, const char *name)
{
	json_t *jid = json_string(id), *joid = json_stringn(oid, oidlen);
	json_t *jname = json_string(name), *st;

	free(id);
	if (jid == NULL || joid == NULL || jname == NULL) {
		json_decref(jid);
		json_decref(joid);
		json_decref(jname);
		return;
	}
	st = json_object();
	json_object_set_new(st, "statisticId", jid);
	json_object_set_new(st, "objectId", joid);
	json_object_set_new(st, "objectType", json_string(type));
	json_object_set_new(st, "name", jname);
	json_array_append_new(list, st);
}

/* What building a subscription needs. */
struct plan {
	json_t *list;		/* the statistics so far */
	const struct layoutset *set;
	const struct genesys_objects *o;
	const struct genesys_refusals *refused;
};

/*
 * True for a statistic the subscription opens: not ObjectId, not refused
 * by name, and (but in a SUM column, which adds up what it is given)
 * not peeked instead.
 */
static bool subscribed(const struct plan *pl, const char *name, bool in_sum)
{
	return !genesys_is_object_id(name) &&
	       (in_sum || !genesys_is_probe(pl->set, name)) &&
	       !genesys_refused(pl->refused, name);
}

/* The statistics of one cell: its column's, or each of a SUM column's. */
static void build_cell(const struct plan *pl, size_t gid, size_t r, size_t c,
		       const struct column *col, const char *oid,
		       const char *type)
{
	if (!genesys_is_sum(col)) {
		if (subscribed(pl, col->stat, false))
			add_stat(pl->list, xasprintf("g%zu.%zu.%zu", gid, r, c),
				 oid, strlen(oid), type, col->stat);
		return;
	}
	for (size_t k = 0; k < col->nsum; k++)
		if (subscribed(pl, col->sum_stats[k], true))
			add_stat(pl->list,
				 xasprintf("g%zu.%zu.%zu.%zu", gid, r, c, k),
				 oid, strlen(oid), type, col->sum_stats[k]);
}

/* The statistics of grid gid: rows, then columns. */
static void build_grid(const struct plan *pl, size_t gid)
{
	const struct panel *p = pl->set->grids[gid].panel;
	size_t nrows;
	char *const *rows = genesys_grid_rows(p, pl->o, &nrows);

	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < p->ncols; c++)
			build_cell(pl, gid, r, c, &p->cols[c], rows[r],
				   genesys_grid_type(p));
}

/*
 * The statistics of total tid: one on the Tenant when it is over every
 * service (none when no tenant is known), else one per queue it names.
 * The reference names no object type; a deployment's statistic in a
 * totals panel is opened there too, as the catalogue's queue statistics
 * are (a layout names the queues when the Tenant has no such statistic).
 */
static void build_total(const struct plan *pl, size_t tid)
{
	const char *scope = pl->set->total_scopes[tid];
	const char *name = pl->set->totals[tid];
	size_t n = genesys_total_nobjects(scope), len;
	const char *item;

	if (!subscribed(pl, name, false))
		return;
	if (scope[0] == '\0') {
		if (pl->o->tenant != NULL)
			add_stat(pl->list, xasprintf("t%zu.0", tid),
				 pl->o->tenant, strlen(pl->o->tenant), "Tenant",
				 name);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		item = genesys_scope_item(scope, k, &len);
		add_stat(pl->list, xasprintf("t%zu.%zu", tid, k), item, len,
			 "Queue", name);
	}
}

char *genesys_subscription_build(const struct layoutset *set,
				 const struct genesys_objects *o,
				 const struct genesys_refusals *refused,
				 const char *operation_id, size_t *count)
{
	json_t *root = json_object(), *data = json_object();
	struct plan pl = { json_array(), set, o ? o : &no_objects, refused };
	char *text;

	if (operation_id != NULL)
		json_object_set_new(root, "operationId",
				    json_string(operation_id));
	for (size_t g = 0; g < set->ngrids; g++)
		build_grid(&pl, g);
	for (size_t t = 0; t < set->ntotals; t++)
		build_total(&pl, t);
	if (count != NULL)
		*count = json_array_size(pl.list);
	json_object_set_new(data, "statistics", pl.list);
	json_object_set_new(root, "data", data);
	text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	return text;
}

