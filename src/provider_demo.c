/*
 * provider_demo.c - the built-in simulated contact centre as a provider.
 *
 * The simulator answers as the configured provider's API would (its view
 * of the same model), and the answers go through that provider's own
 * parser, so --demo --provider X exercises everything of X but the socket.
 * Each provider is one row of views[]: how to ask the simulator for what
 * the layouts need, and how to read one poll's answer.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "eightbyeight_parse.h"
#include "genesys_parse.h"
#include "provider.h"
#include "sim/sim.h"
#include "statsapi_parse.h"
#include "subscription.h"

struct demo {
	struct provider base;
	const struct config *cfg;
	const struct layoutset *set;
	const struct demo_view *view;
	struct sim *sim;
	double next_poll;
	struct snapshot *pending;
	struct provider_status st;
	/* brightpattern */
	struct sim_sub *sub;
	struct probe_ref *probes;
	size_t nprobes;
	/* 8x8 */
	bool agents, queues;
	/* genesys */
	struct sim_gsub *gsub;
	struct genesys_objects objs;
	char *object_text[2];	/* the simulator's agent and queue lists */
	char *peek;		/* get-statistic-ex of the peeked statistics */
};

struct demo_view {
	const char *provider;
	/* Ask for what the layouts need; false with err when refused. */
	bool (*open)(struct demo *d, char *err, size_t errsz);
	/* One poll's snapshot, or NULL with err. */
	struct snapshot *(*poll)(struct demo *d, char *err, size_t errsz);
};

/* --- Bright Pattern: the subscription, its data, and the probes -------- */

static bool bp_open(struct demo *d, char *err, size_t errsz)
{
	char *body = subscription_build(d->set, DIALECT_DOCUMENTED, 0);

	d->sub = sim_statsapi_subscribe(d->sim, body, strlen(body), err, errsz);
	free(body);
	d->nprobes = provider_probes(d->set, &d->probes);
	return d->sub != NULL;
}

static struct snapshot *bp_poll(struct demo *d, char *err, size_t errsz)
{
	char *body = sim_statsapi_data(d->sim, d->sub);
	struct snapshot *snap = statsapi_parse_data(body, strlen(body), d->set,
						    err, errsz);

	free(body);
	for (size_t i = 0; snap && i < d->nprobes; i++) {
		int a = sim_service_available(d->sim, d->probes[i].service);
		d->probes[i].value = a < 0 ? NULL : a ? "available" : "unavailable";
	}
	if (snap)
		provider_probes_apply(d->probes, d->nprobes, snap);
	return snap;
}

/* --- 8x8: the agent and queue lists ------------------------------------- */

static bool e_open(struct demo *d, char *err, size_t errsz)
{
	eightbyeight_needs(d->set, &d->agents, &d->queues);
	return true;
}

static struct snapshot *e_poll(struct demo *d, char *err, size_t errsz)
{
	char *a = d->agents ? sim_8x8_agents(d->sim, NULL) : NULL;
	char *q = d->queues ? sim_8x8_queues(d->sim, NULL) : NULL;
	struct snapshot *snap = eightbyeight_parse(a, a ? strlen(a) : 0,
						   q, q ? strlen(q) : 0,
						   d->set, err, errsz);

	free(a);
	free(q);
	return snap;
}

/* --- Genesys: a subscription over the config's objects, or all --------- */

/* Split the simulator's one-a-line list into *v (pointing into text). */
static void split_lines(char *text, char ***v, size_t *n)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = line;
	}
}

static bool g_open(struct demo *d, char *err, size_t errsz)
{
	char *body;

	d->objs.tenant = d->cfg->tenant ? d->cfg->tenant : "Environment";
	if (d->cfg->nagents) {
		d->objs.agents = d->cfg->agents;
		d->objs.nagents = d->cfg->nagents;
	} else {
		d->object_text[0] = sim_object_list(d->sim, "agents");
		split_lines(d->object_text[0], &d->objs.agents, &d->objs.nagents);
	}
	if (d->cfg->nqueues) {
		d->objs.queues = d->cfg->queues;
		d->objs.nqueues = d->cfg->nqueues;
	} else {
		d->object_text[1] = sim_object_list(d->sim, "queues");
		split_lines(d->object_text[1], &d->objs.queues, &d->objs.nqueues);
	}
	body = genesys_subscription_build(d->set, &d->objs, "demo", NULL);
	d->gsub = sim_genesys_subscribe(d->sim, body, strlen(body), err, errsz);
	free(body);
	d->peek = genesys_peek_build(d->set, &d->objs, NULL);
	return d->gsub != NULL;
}

static struct snapshot *g_poll(struct demo *d, char *err, size_t errsz)
{
	char *body = sim_genesys_values(d->sim, d->gsub, NULL), *peeked;
	struct snapshot *snap = genesys_parse_values(body, strlen(body), d->set,
						     &d->objs, err, errsz);

	free(body);
	if (snap && d->peek) {
		peeked = sim_genesys_peek_ex(d->sim, d->peek, strlen(d->peek),
					     err, errsz);
		if (peeked)
			genesys_parse_peeked(peeked, strlen(peeked), d->set,
					     &d->objs, snap, err, errsz);
		free(peeked);
	}
	return snap;
}

static const struct demo_view views[] = {
	{ "brightpattern", bp_open, bp_poll },
	{ "8x8", e_open, e_poll },
	{ "genesys", g_open, g_poll },
};

/* --- the provider ------------------------------------------------------- */

/* Seconds after local midnight now, so the simulated day matches the clock. */
static double local_time_of_day(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return tm.tm_hour * 3600.0 + tm.tm_min * 60.0 + tm.tm_sec;
}

static int demo_pollfds(struct provider *p, struct pollfd *fds, int max)
{
	return 0;
}

static double demo_next_wake(struct provider *p)
{
	return ((struct demo *)p)->next_poll;
}

/* Advance the simulation and take its answer through the real parser. */
static void demo_dispatch(struct provider *p, const struct pollfd *fds,
			  int nfds, double now)
{
	struct demo *d = (struct demo *)p;
	char err[200] = "";
	struct snapshot *snap;

	if (now < d->next_poll || d->st.state == CONN_CLOSED)
		return;
	d->next_poll = now + d->cfg->interval;
	sim_advance(d->sim, now);
	snap = d->view->poll(d, err, sizeof(err));
	if (snap == NULL) {
		d->st.malformed++;
		snprintf(d->st.message, sizeof(d->st.message), "%s", err);
		return;
	}
	snapshot_free(d->pending);
	d->pending = snap;
	d->st.state = CONN_LIVE;
}

static struct snapshot *demo_take(struct provider *p)
{
	struct demo *d = (struct demo *)p;
	struct snapshot *s = d->pending;

	d->pending = NULL;
	return s;
}

static void demo_status(struct provider *p, struct provider_status *st)
{
	*st = ((struct demo *)p)->st;
}

static void demo_release(struct provider *p)
{
	struct demo *d = (struct demo *)p;

	d->st.state = CONN_CLOSED;
	d->next_poll = 1e300;
}

static void demo_destroy(struct provider *p)
{
	struct demo *d = (struct demo *)p;

	snapshot_free(d->pending);
	provider_probes_free(d->probes, d->nprobes);
	sim_sub_free(d->sub);
	sim_gsub_free(d->gsub);
	if (d->object_text[0])
		free(d->objs.agents);
	if (d->object_text[1])
		free(d->objs.queues);
	free(d->object_text[0]);
	free(d->object_text[1]);
	free(d->peek);
	sim_free(d->sim);
	free(d);
}

static const struct provider_ops demo_ops = {
	"demo", demo_pollfds, demo_next_wake, demo_dispatch, demo_take,
	demo_status, demo_release, demo_destroy
};

struct provider *demo_open(const struct config *cfg, const struct layoutset *set,
			   struct errlist *errs);

/* The simulator, answering as cfg's provider for everything the layouts show. */
struct provider *demo_open(const struct config *cfg, const struct layoutset *set,
			   struct errlist *errs)
{
	struct demo *d = xcalloc(1, sizeof(*d));
	struct sim_options o;
	char err[256] = "";

	for (size_t i = 0; i < WB_ARRAY_LEN(views); i++)
		if (strcmp(views[i].provider, cfg->provider) == 0)
			d->view = &views[i];
	sim_options_default(&o);
	o.seed = (unsigned)time(NULL);
	/* Mid-morning, whatever the hour: a demo should show a busy room. */
	o.start_of_day = 10.5 * 3600 + fmod(local_time_of_day(), 3600);
	d->base.ops = &demo_ops;
	d->cfg = cfg;
	d->set = set;
	d->sim = sim_new(&o);
	if (d->view == NULL || !d->view->open(d, err, sizeof(err))) {
		errlist_add(errs, "the simulator refused the layouts: %s",
			    d->view ? err : "no simulated API for this provider");
		demo_destroy(&d->base);
		return NULL;
	}
	d->st.state = CONN_WAITING;
	d->next_poll = now_mono();
	return &d->base;
}
