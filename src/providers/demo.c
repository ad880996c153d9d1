/*
 * demo.c - the built-in simulated contact centre as a provider. See demo.h.
 *
 * The simulation moves with the clock and is asked once an interval, by
 * the source's own view; everything else (status, take, release) is the
 * same for every source.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "providers/demo.h"

/* How far demand swings above the day's in waves (sim_options.surge). */
#define DEMO_SURGE 8.0

struct demo {
	struct provider base;
	const struct config *cfg;
	const struct demo_view *view;
	void *state;		/* the view's */
	struct sim *sim;
	double next_poll;
	struct snapshot *pending;
	struct provider_status st;
};

/* Seconds after local midnight now, so the simulated day matches the clock. */
static double local_time_of_day(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return tm.tm_hour * 3600.0 + tm.tm_min * 60.0 + tm.tm_sec;
}

bool demo_time_parse(const char *text, double *secs)
{
	unsigned h, m;
	int end = 0;

	if (text == NULL || strlen(text) != 5 || text[2] != ':' ||
	    sscanf(text, "%2u:%2u%n", &h, &m, &end) != 2 || end != 5 ||
	    h > 23 || m > 59)
		return false;
	*secs = h * 3600.0 + m * 60.0;
	return true;
}

/*
 * The simulated centre a demo runs: at --demo-time, else mid-morning
 * whatever the hour, in waves of demand (DEMO_SURGE) that build queues
 * past what the agents can take and drain them again: a demo should
 * show a busy room, and its thresholds at work, from its first minute.
 */
static void demo_sim_options(const struct config *cfg, struct sim_options *o)
{
	sim_options_default(o);
	o->seed = (unsigned)time(NULL);
	o->surge = DEMO_SURGE;
	if (cfg == NULL || !demo_time_parse(cfg->demo_time, &o->start_of_day))
		o->start_of_day = 10.5 * 3600 + fmod(local_time_of_day(), 3600);
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
	snap = d->view->poll(d->state, d->sim, err, sizeof(err));
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
	if (d->state)
		d->view->close(d->state);
	sim_free(d->sim);
	free(d);
}

static const struct provider_ops demo_ops = {
	"demo", demo_pollfds, demo_next_wake, demo_dispatch, demo_take,
	demo_status, demo_release, demo_destroy
};

struct provider *demo_open(const struct source *src, const struct config *cfg,
			   const struct layoutset *set, struct errlist *errs)
{
	struct demo *d = xcalloc(1, sizeof(*d));
	struct sim_options o;
	char err[256] = "";

	demo_sim_options(cfg, &o);
	d->base.ops = &demo_ops;
	d->cfg = cfg;
	d->view = src->demo;
	d->sim = sim_new(&o);
	if (d->view == NULL ||
	    (d->state = d->view->open(d->sim, cfg, set, err, sizeof(err))) ==
		    NULL) {
		errlist_add(errs, "the simulator refused the layouts: %s",
			    d->view ? err
				    : "no simulated API for this provider");
		demo_destroy(&d->base);
		return NULL;
	}
	d->st.state = CONN_WAITING;
	d->next_poll = now_mono();
	return &d->base;
}

int demo_list(const struct config *cfg, const char *what, FILE *out,
	      char *err, size_t errsz)
{
	struct sim_options o;
	struct sim *sim;
	struct cfg_item *items;
	long n;

	demo_sim_options(cfg, &o);
	sim = sim_new(&o);
	n = sim_cfg_list(sim, what, &items);
	sim_free(sim);
	if (n < 0) {
		snprintf(err, errsz, "--list-%s: the simulated centre has no "
			 "such list", what);
		return 1;
	}
	cfg_items_print(out, items, n);
	cfg_items_free(items, n);
	return 0;
}
