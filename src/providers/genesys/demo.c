/*
 * demo.c - --demo for Genesys: a subscription over the config's objects
 * (or every object the simulator has), its values, and the peeked
 * statistics, from the simulator's view of this API, read by this
 * source's parser.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "providers/demo.h"
#include "providers/genesys/client.h"
#include "providers/genesys/parse.h"
#include "providers/genesys/view.h"

/*
 * The simulator has every statistic a layout may name: a deployment's
 * own, which it cannot compute, answers null (shown as no value).
 */
static const struct genesys_view_rules demo_rules = { NULL, NULL, NULL, true };

struct g_demo {
	const struct layoutset *set;
	struct sim_gsub *gsub;
	struct genesys_objects objs;
	char *object_text[2];	/* the simulator's agent and queue lists */
	char *peek;		/* get-statistic-ex of the peeked statistics */
};

/* Split the simulator's one-a-line list into *v (pointing into text). */
static void split_lines(char *text, char ***v, size_t *n)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = line;
	}
}

static void g_close(void *state)
{
	struct g_demo *d = state;

	genesys_view_free(d->gsub);
	if (d->object_text[0])
		free(d->objs.agents);
	if (d->object_text[1])
		free(d->objs.queues);
	free(d->object_text[0]);
	free(d->object_text[1]);
	free(d->peek);
	free(d);
}

static void *g_open(struct sim *sim, const struct config *cfg,
		    const struct layoutset *set, char *err, size_t errsz)
{
	struct g_demo *d = xcalloc(1, sizeof(*d));
	const struct genesys_settings *gs = cfg->source;
	char *body;

	d->set = set;
	d->objs.tenant = cfg->tenant ? cfg->tenant : "Environment";
	if (gs->nagents) {
		d->objs.agents = gs->agents;
		d->objs.nagents = gs->nagents;
	} else {
		d->object_text[0] = sim_object_list(sim, "agents");
		split_lines(d->object_text[0], &d->objs.agents,
			    &d->objs.nagents);
	}
	if (gs->nqueues) {
		d->objs.queues = gs->queues;
		d->objs.nqueues = gs->nqueues;
	} else {
		d->object_text[1] = sim_object_list(sim, "queues");
		split_lines(d->object_text[1], &d->objs.queues,
			    &d->objs.nqueues);
	}
	body = genesys_subscription_build(set, &d->objs, NULL, "demo", NULL);
	d->gsub = genesys_view_subscribe(sim, body, strlen(body), &demo_rules,
					 err, errsz);
	free(body);
	d->peek = genesys_peek_build(set, &d->objs, NULL, NULL);
	if (d->gsub == NULL) {
		g_close(d);
		return NULL;
	}
	return d;
}

static struct snapshot *g_poll(void *state, struct sim *sim, char *err,
			       size_t errsz)
{
	struct g_demo *d = state;
	char *body = genesys_view_values(sim, d->gsub, NULL), *peeked;
	struct snapshot *snap = genesys_parse_values(
		body, strlen(body), d->set, &d->objs, NULL, err, errsz);

	free(body);
	if (snap && d->peek) {
		peeked = genesys_view_peek_ex(sim, d->peek, strlen(d->peek),
					      &demo_rules, err, errsz);
		if (peeked)
			genesys_parse_peeked(peeked, strlen(peeked), d->set,
					     &d->objs, snap, NULL, err, errsz);
		free(peeked);
	}
	return snap;
}

const struct demo_view genesys_demo = { g_open, g_poll, g_close };
