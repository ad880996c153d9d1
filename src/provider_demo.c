/*
 * provider_demo.c - the built-in simulated contact centre as a provider.
 *
 * It subscribes to the simulator with the same subscription body a server
 * would get and parses the simulator's answers with the same parser as the
 * network path, so --demo exercises everything but the socket.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "provider.h"
#include "sim/sim.h"
#include "statsapi_parse.h"
#include "subscription.h"

struct demo {
	struct provider base;
	const struct layoutset *set;
	struct sim *sim;
	struct sim_sub *sub;
	double interval;
	double next_poll;
	struct snapshot *pending;
	struct provider_status st;
	struct probe_ref *probes;
	size_t nprobes;
};

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
	char err[200];
	char *body;
	struct snapshot *snap;

	if (now < d->next_poll || d->st.state == CONN_CLOSED)
		return;
	d->next_poll = now + d->interval;
	sim_advance(d->sim, now);
	body = sim_statsapi_data(d->sim, d->sub);
	snap = statsapi_parse_data(body, strlen(body), d->set, err, sizeof(err));
	free(body);
	if (snap == NULL) {
		d->st.malformed++;
		snprintf(d->st.message, sizeof(d->st.message), "%s", err);
		return;
	}
	for (size_t i = 0; i < d->nprobes; i++) {
		int a = sim_service_available(d->sim, d->probes[i].service);
		d->probes[i].value = a < 0 ? NULL : a ? "available" : "unavailable";
	}
	provider_probes_apply(d->probes, d->nprobes, snap);
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
	sim_free(d->sim);
	free(d);
}

static const struct provider_ops demo_ops = {
	"demo", demo_pollfds, demo_next_wake, demo_dispatch, demo_take,
	demo_status, demo_release, demo_destroy
};

struct provider *demo_open(const struct config *cfg, const struct layoutset *set,
			   struct errlist *errs);

/* The simulator, subscribed to everything the layouts show. */
struct provider *demo_open(const struct config *cfg, const struct layoutset *set,
			   struct errlist *errs)
{
	struct demo *d = xcalloc(1, sizeof(*d));
	struct sim_options o;
	char err[256];
	char *body;

	sim_options_default(&o);
	o.seed = (unsigned)time(NULL);
	/* Mid-morning, whatever the hour: a demo should show a busy room. */
	o.start_of_day = 10.5 * 3600 + fmod(local_time_of_day(), 3600);
	d->base.ops = &demo_ops;
	d->set = set;
	d->interval = cfg->interval;
	d->sim = sim_new(&o);
	body = subscription_build(set, DIALECT_DOCUMENTED, 0);
	d->sub = sim_statsapi_subscribe(d->sim, body, strlen(body), err, sizeof(err));
	free(body);
	if (d->sub == NULL) {
		errlist_add(errs, "the simulator refused the subscription: %s", err);
		demo_destroy(&d->base);
		return NULL;
	}
	d->nprobes = provider_probes(set, &d->probes);
	d->st.state = CONN_WAITING;
	d->next_poll = now_mono();
	return &d->base;
}
