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

/* --- how the view computes a statistic (view_stats.c) ------------------- */

/* Figures the views add after the model's (FIG_N and on). */
enum xfig {
	/* agent: logged in, neither ready nor on a call */
	X_NOT_READY = FIG_N,
	X_TALK,			/* agent: talk time, the current call's too */
	/* queue: entered the queue (inbound, campaign) */
	X_ENTERED,
	/* queue: answered (callbacks, campaign calls too) */
	X_ANSWERED,
	X_ABANDONED,		/* queue: abandoned waiting or ringing */
	X_DISTRIBUTED,		/* queue: offered to an agent */
	XFIG_N
};

enum gop {
	G_NUM,		/* f[a] rounded */
	G_AVG,		/* f[a] / f[b] rounded, 0 when f[b] is 0 */
	/* f[a] / f[b] in percent, one decimal, null when f[b] is 0 */
	G_PCT,
	G_STATE,	/* the agent's state and reason */
	G_REASON,	/* the agent's not-ready reason, "" when none */
	G_IN_STATE,	/* seconds in the agent's current state */
	G_OBJECT_ID	/* the object's id */
};

/* Which objects a statistic is open on. */
#define ON_AGENT  0x1	/* one agent */
#define ON_GROUP  0x2	/* a team's agents (summed) */
#define ON_QUEUES 0x4	/* a service, a team's services, the tenant */
#define ON_ANY    0x7

struct gdef {
	const char *name;
	unsigned char op, on;
	unsigned short a, b;
};

/*
 * How the view computes a statistic, or NULL (a catalogue name it has no
 * formula for answers 0).
 */
const struct gdef *gdef_find(const char *name);
/* Which ON_* a target is. */
unsigned target_class(const struct target *tg);

#endif
