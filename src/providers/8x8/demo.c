/*
 * demo.c - --demo for 8x8: the agent and queue lists the layouts need,
 * from the simulator's view of this API, read by this source's parser.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "providers/8x8/client.h"
#include "providers/8x8/parse.h"
#include "providers/8x8/view.h"
#include "providers/demo.h"

struct e8_demo {
	const struct layoutset *set;
	bool agents, queues;
};

static void *e8_open(struct sim *sim, const struct config *cfg,
		     const struct layoutset *set, char *err, size_t errsz)
{
	struct e8_demo *d = xcalloc(1, sizeof(*d));

	d->set = set;
	eightbyeight_needs(set, &d->agents, &d->queues);
	return d;
}

static struct snapshot *e8_poll(void *state, struct sim *sim, char *err,
				size_t errsz)
{
	struct e8_demo *d = state;
	char *a = d->agents ? eightbyeight_view_agents(sim, NULL) : NULL;
	char *q = d->queues ? eightbyeight_view_queues(sim, NULL) : NULL;
	struct snapshot *snap = eightbyeight_parse(a, a ? strlen(a) : 0,
						   q, q ? strlen(q) : 0,
						   d->set, err, errsz);

	free(a);
	free(q);
	return snap;
}

const struct demo_view eightbyeight_demo = { e8_open, e8_poll, free };
