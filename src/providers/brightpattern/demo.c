/*
 * demo.c - --demo for Bright Pattern: the subscription the layouts map to,
 * its data and the service availability probes, asked of the simulator's
 * view of this API and read by this source's parser.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "providers/brightpattern/client.h"
#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/probes.h"
#include "providers/brightpattern/selection.h"
#include "providers/brightpattern/subscription.h"
#include "providers/brightpattern/view.h"
#include "providers/demo.h"

struct bp_demo {
	const struct layoutset *set;
	struct selection *sel;
	struct sim_sub *sub;
	struct probe_ref *probes;
	size_t nprobes;
};

static void bp_close(void *state)
{
	struct bp_demo *d = state;

	brightpattern_probes_free(d->probes, d->nprobes);
	brightpattern_view_free(d->sub);
	brightpattern_selection_free(d->sel);
	free(d);
}

static void *bp_open(struct sim *sim, const struct config *cfg,
		     const struct layoutset *set, char *err, size_t errsz)
{
	struct bp_demo *d = xcalloc(1, sizeof(*d));
	char *body;

	d->set = set;
	d->sel = brightpattern_selection_plan(set, DIALECT_DOCUMENTED);
	body = brightpattern_subscription_write(set, d->sel, 0, NULL, NULL);
	d->sub = brightpattern_view_subscribe(sim, body, strlen(body), err,
					      errsz);
	free(body);
	d->nprobes = brightpattern_probes(set, &d->probes);
	if (d->sub == NULL) {
		bp_close(d);
		return NULL;
	}
	return d;
}

static struct snapshot *bp_poll(void *state, struct sim *sim, char *err,
				size_t errsz)
{
	struct bp_demo *d = state;
	char *body = brightpattern_view_data(sim, d->sub);
	struct snapshot *snap = brightpattern_parse_data(
		body, strlen(body), d->set, d->sel, err, errsz);

	free(body);
	for (size_t i = 0; snap && i < d->nprobes; i++) {
		int a = brightpattern_view_available(sim, d->probes[i].service);
		d->probes[i].value = a < 0 ? NULL
				     : a   ? "service_available"
					   : "service_none_ready";
	}
	if (snap)
		brightpattern_probes_apply(d->probes, d->nprobes, snap);
	return snap;
}

const struct demo_view brightpattern_demo = { bp_open, bp_poll, bp_close };
