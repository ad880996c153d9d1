/*
 * view_internal.h - what the parts of the simulated Genesys server share:
 * the object types of Stat Server and what an object is in the model
 * (view_objects.c), used by the subscriptions and values of view.c.
 */
#ifndef WB_GENESYS_VIEW_INTERNAL_H
#define WB_GENESYS_VIEW_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "providers/genesys/view.h"
#include "sim/sim_internal.h"

enum otype {
	OT_AGENT, OT_QUEUE, OT_GROUP_QUEUES, OT_TENANT, OT_GROUP_AGENTS
};


/* What an object is in the model. */
enum tkind {
	TG_NONE,		/* no such object: values are null */
	TG_AGENT,		/* agent idx */
	TG_SERVICE,		/* service idx */
	TG_TEAM_AGENTS,		/* the agents of team idx */
	TG_TEAM_QUEUES,		/* the services of team idx */
	TG_TENANT		/* every service */
};

struct target {
	enum tkind kind;
	int idx;
};

/* One key of a sorted index: an object's id or name. */
struct key {
	const char *key;
	int idx;
};

/* Keys sorted for bisection, built when first needed. */
struct index {
	struct key *v;
	size_t n;
	bool built;
};

/* The objects of one kind, indexed. */
struct lookup {
	const struct sim *s;
	struct index agents, services, teams;
};

/* An object type by name; false when unknown. */
bool view_otype_find(const char *name, enum otype *t);
/* What an object of this type and id is in the model. */
struct target view_resolve(struct lookup *l, enum otype type, const char *oid);
/* Free the indexes. */
void view_lookup_free(struct lookup *l);

#endif
