/*
 * view_objects.c - the objects of the simulated Genesys server: Stat
 * Server's object types (Agent, Queue, RoutePoint, GroupQueues, Tenant,
 * GroupAgents) and what an object id is in the model, found through
 * indexes of agents, services and teams built when first needed.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "providers/genesys/view_internal.h"
#include "util.h"

static const struct {
	const char *name;
	enum otype type;
} otypes[] = {
	{ "Agent", OT_AGENT }, { "Queue", OT_QUEUE },
	{ "GroupQueues", OT_GROUP_QUEUES }, { "Tenant", OT_TENANT },
	{ "RoutePoint", OT_QUEUE }, { "GroupAgents", OT_GROUP_AGENTS },
};

/* An object type by name; false when unknown. */
bool view_otype_find(const char *name, enum otype *t)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(otypes); i++)
		if (strcmp(otypes[i].name, name) == 0) {
			*t = otypes[i].type;
			return true;
		}
	return false;
}

/* qsort and bsearch order of keys. */
static int key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct key *)a)->key,
		      ((const struct key *)b)->key);
}

/* Add a key to an index being built. */
static void index_add(struct index *x, const char *key, int idx)
{
	x->v[x->n++] = (struct key){ key, idx };
}

/* The agents by login id. */
static void index_agents(const struct sim *s, struct index *x)
{
	x->v = xcalloc((size_t)s->nagents + 1, sizeof(*x->v));
	for (int i = 0; i < s->nagents; i++)
		index_add(x, s->agents[i].login_id, i);
}

/* The services by name and by id. */
static void index_services(const struct sim *s, struct index *x)
{
	x->v = xcalloc(2 * (size_t)s->nsvcs + 1, sizeof(*x->v));
	for (int i = 0; i < s->nsvcs; i++) {
		index_add(x, s->svcs[i].name, i);
		index_add(x, s->svcs[i].id, i);
	}
}

/* The teams by name and by id. */
static void index_teams(const struct sim *s, struct index *x)
{
	x->v = xcalloc(2 * (size_t)s->nteams + 1, sizeof(*x->v));
	for (int i = 0; i < s->nteams; i++) {
		index_add(x, s->teams[i].name, i);
		index_add(x, s->teams[i].id, i);
	}
}

/* The index of key in x (built by fill when first used), -1 if none. */
static int lookup_in(const struct sim *s, struct index *x,
		     void (*fill)(const struct sim *, struct index *),
		     const char *key)
{
	struct key want = { key, -1 }, *k;

	if (!x->built) {
		fill(s, x);
		qsort(x->v, x->n, sizeof(*x->v), key_cmp);
		x->built = true;
	}
	k = bsearch(&want, x->v, x->n, sizeof(*x->v), key_cmp);
	return k ? k->idx : -1;
}

/* Free the indexes. */
void view_lookup_free(struct lookup *l)
{
	free(l->agents.v);
	free(l->services.v);
	free(l->teams.v);
}

/* What an object of this type and id is in the model. */
struct target view_resolve(struct lookup *l, enum otype type, const char *oid)
{
	struct target tg = { TG_NONE, -1 };

	switch (type) {
	case OT_AGENT:
		tg.idx = lookup_in(l->s, &l->agents, index_agents, oid);
		tg.kind = TG_AGENT;
		break;
	case OT_QUEUE:
		tg.idx = lookup_in(l->s, &l->services, index_services, oid);
		tg.kind = TG_SERVICE;
		break;
	case OT_GROUP_QUEUES:
		tg.idx = lookup_in(l->s, &l->services, index_services, oid);
		tg.kind = TG_SERVICE;
		if (tg.idx < 0) {
			tg.idx = lookup_in(l->s, &l->teams, index_teams, oid);
			tg.kind = TG_TEAM_QUEUES;
		}
		break;
	case OT_TENANT:
		return (struct target){ TG_TENANT, 0 };
	case OT_GROUP_AGENTS:
		tg.idx = lookup_in(l->s, &l->teams, index_teams, oid);
		tg.kind = TG_TEAM_AGENTS;
		break;
	}
	if (tg.idx < 0)
		tg.kind = TG_NONE;
	return tg;
}
