/*
 * bench.c - the poll-to-frame cycle against the parse floor.
 *
 * For a typical tenant (50 agents, 10 services) and a large one (5,000
 * agents x 12 columns, 500 services x 10 columns, 100 chat messages) the
 * simulator writes a real data body; then, on the same body:
 *
 *   (a) the floor: jansson's json_loadb alone (and json_decref);
 *   (b) the cycle: parse -> snapshot -> sort/filter/thresholds -> render
 *       of the active layout into an off-screen curses screen (newterm on
 *       /dev/null, 200x60).
 *
 * For the large tenant it also times the 8x8 and Genesys parsers (their
 * shipped agent board, every agent a row) against the floor of their own
 * bodies: 8x8's agents.json and queues.json, Genesys's statistic values
 * of the subscription over 2,500 agents (six statistics each: the
 * simulator opens at most 20,000 at once).
 *
 * It prints both and the ratio (b)/(a), one figure a line with its target
 * (the form of bench/lib.sh); each side is the best of five rounds, the
 * two sides taking turns. With --only=floor|cycle,
 * --tenant=typical|large and --iters=N it runs one side alone, so that
 * callgrind (--toggle-collect=run_floor / run_cycle) counts the
 * instructions of each without the set-up (bench/run).
 */
#include "autoconf.h"

#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/8x8/parse.h"
#include "providers/genesys/parse.h"
#include "layout/layout.h"
#include "render/render.h"
#include "sim/sim.h"
#include "snapshot.h"
#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/subscription.h"
#include "providers/brightpattern/view.h"
#include "providers/8x8/view.h"
#include "providers/genesys/view.h"
#include "providers/brightpattern/subscription.h"

struct tenant {
	const char *name;
	int agents, services, messages;
	const char *layout;
};

static const struct tenant tenants[] = {
	{ "typical", 50, 10, 20, NULL },
	{ "large", 5000, 500, 100, "large.layout" },
};

/* Load one layout file of provider into a set, or exit. */
static struct layoutset *load_for(const char *path, const char *provider)
{
	struct errlist errs = { 0 }, warns = { 0 };
	struct layout *l = layout_load(path, provider, &errs, &warns);
	struct layoutset *set = l ? layoutset_new(&l, 1, &errs) : NULL;

	if (set == NULL) {
		fprintf(stderr, "bench: %s: %s\n", path, errs.n ? errs.msgs[0] : "?");
		exit(1);
	}
	errlist_free(&warns);
	return set;
}

/* Load a Bright Pattern layout file into a set, or exit. */
static struct layoutset *load(const char *path)
{
	return load_for(path, "brightpattern");
}

/* The simulator's data body for set, after an hour of simulated day. */
static char *make_body(const struct tenant *t, struct layoutset *set)
{
	struct sim_options o;
	struct sim *sim;
	struct sim_sub *sub;
	char err[256], *sub_json, *body;

	sim_options_default(&o);
	o.seed = 42;
	o.agents = t->agents;
	o.services = t->services;
	o.messages = t->messages;
	o.start_of_day = 10 * 3600;
	sim = sim_new(&o);
	sim_step(sim, 3600);
	sub_json = brightpattern_subscription_build(set, DIALECT_DOCUMENTED, 0);
	sub = brightpattern_view_subscribe(sim, sub_json, strlen(sub_json), err, sizeof(err));
	if (sub == NULL) {
		fprintf(stderr, "bench: subscription refused: %s\n", err);
		exit(1);
	}
	body = brightpattern_view_data(sim, sub);
	brightpattern_view_free(sub);
	sim_free(sim);
	free(sub_json);
	return body;
}

/* Seconds per call of the floor: json_loadb of the body. */
__attribute__((noinline)) static double run_floor(const char *body, size_t len, int iters)
{
	double t0 = now_mono();
	for (int i = 0; i < iters; i++) {
		json_t *j = json_loadb(body, len, 0, NULL);
		json_decref(j);
	}
	return (now_mono() - t0) / iters;
}

/* Seconds per call of the whole cycle, drawing into r. */
__attribute__((noinline)) static double run_cycle(const char *body, size_t len, struct layoutset *set,
			struct render *r, int iters)
{
	struct provider_status st = { .state = CONN_LIVE };
	double t0 = now_mono();

	for (int i = 0; i < iters; i++) {
		char err[200];
		struct snapshot *s = brightpattern_parse_data(body, len, set, err, sizeof(err));
		struct view v = { set, 0, s, &st, now_mono(), 2, false, NULL, false };
		if (s == NULL) {
			fprintf(stderr, "bench: parse failed: %s\n", err);
			exit(1);
		}
		render_draw(r, &v);
		snapshot_free(s);
	}
	return (now_mono() - t0) / iters;
}

/* One figure line, as bench/lib.sh prints them: name, value, unit, note. */
static void fig(const char *tenant, const char *what, const char *fmt,
		double v, const char *unit, const char *note)
{
	char name[64], value[32];

	snprintf(name, sizeof(name), "%s.%s", tenant, what);
	snprintf(value, sizeof(value), fmt, v);
	printf("%-30s %12s %-10s (%s)\n", name, value, unit, note);
}

/* The large tenant's simulator an hour into the day. */
static struct sim *large_sim(void)
{
	struct sim_options o;
	struct sim *sim;

	sim_options_default(&o);
	o.seed = 42;
	o.agents = tenants[1].agents;
	o.services = tenants[1].services;
	o.start_of_day = 10 * 3600;
	sim = sim_new(&o);
	sim_step(sim, 3600);
	return sim;
}

/* Best-of-five seconds per parse of 8x8's two bodies, and per floor. */
static void bench_8x8(const char *dir)
{
	char path[1024], err[200];
	struct sim *sim = large_sim();
	char *a = eightbyeight_view_agents(sim, NULL), *q = eightbyeight_view_queues(sim, NULL);
	size_t alen = strlen(a), qlen = strlen(q);
	struct layoutset *set;
	double fbest = 0, pbest = 0;

	snprintf(path, sizeof(path), "%s/../layouts/8x8/agents.layout", dir);
	set = load_for(path, "8x8");
	for (int rd = 0; rd < 5; rd++) {
		double t0 = now_mono(), f, p;
		for (int i = 0; i < 4; i++) {
			json_decref(json_loadb(a, alen, 0, NULL));
			json_decref(json_loadb(q, qlen, 0, NULL));
		}
		f = (now_mono() - t0) / 4;
		t0 = now_mono();
		for (int i = 0; i < 4; i++)
			snapshot_free(eightbyeight_parse(a, alen, q, qlen, set, err,
							 sizeof(err)));
		p = (now_mono() - t0) / 4;
		fbest = rd == 0 || f < fbest ? f : fbest;
		pbest = rd == 0 || p < pbest ? p : pbest;
	}
	fig("8x8.large", "body", "%.0f", (double)(alen + qlen), "bytes",
	    "reference: agents.json + queues.json");
	fig("8x8.large", "parse", "%.3f", pbest * 1e3, "ms",
	    "no target: parse, derived totals, snapshot");
	fig("8x8.large", "parse/floor", "%.2f", pbest / fbest, "",
	    pbest / fbest <= 1.5 ? "target <= 1.5: met" : "target <= 1.5: MISSED");
	layoutset_free(set);
	free(a);
	free(q);
	sim_free(sim);
}

/* Split a one-a-line list into a vector pointing into text. */
static char **lines(char *text, size_t *n)
{
	char **v = NULL;

	*n = 0;
	for (char *l = strtok(text, "\n"); l; l = strtok(NULL, "\n")) {
		v = xreallocarray(v, *n + 1, sizeof(*v));
		v[(*n)++] = l;
	}
	return v;
}

/* Best-of-five seconds per parse of Genesys's values body, and per floor. */
static void bench_genesys(const char *dir)
{
	char path[1024], err[200];
	struct sim *sim = large_sim();
	char *at = sim_object_list(sim, "agents"), *qt = sim_object_list(sim, "queues");
	struct genesys_objects o = { NULL, 0, NULL, 0, "Environment" };
	struct layoutset *set;
	struct sim_gsub *g;
	char *sub, *body;
	size_t len, nstats;
	double fbest = 0, pbest = 0;

	o.agents = lines(at, &o.nagents);
	o.queues = lines(qt, &o.nqueues);
	/* The simulator opens at most 20,000 statistics at once. */
	if (o.nagents > 2500)
		o.nagents = 2500;
	snprintf(path, sizeof(path), "%s/../layouts/genesys/agents.layout", dir);
	set = load_for(path, "genesys");
	sub = genesys_subscription_build(set, &o, "bench", &nstats);
	g = genesys_view_subscribe(sim, sub, strlen(sub), err, sizeof(err));
	if (g == NULL) {
		fprintf(stderr, "bench: genesys subscription refused: %s\n", err);
		exit(1);
	}
	body = genesys_view_values(sim, g, NULL);
	len = strlen(body);
	for (int rd = 0; rd < 5; rd++) {
		double f = run_floor(body, len, 4), t0 = now_mono(), p;
		for (int i = 0; i < 4; i++)
			snapshot_free(genesys_parse_values(body, len, set, &o, err,
							   sizeof(err)));
		p = (now_mono() - t0) / 4;
		fbest = rd == 0 || f < fbest ? f : fbest;
		pbest = rd == 0 || p < pbest ? p : pbest;
	}
	fig("genesys.large", "statistics", "%.0f", (double)nstats, "",
	    "reference: one per agent and column, and the totals");
	fig("genesys.large", "body", "%.0f", (double)len, "bytes",
	    "reference: statistic-values");
	fig("genesys.large", "parse", "%.3f", pbest * 1e3, "ms",
	    "no target: parse, totals, snapshot");
	fig("genesys.large", "parse/floor", "%.2f", pbest / fbest, "",
	    pbest / fbest <= 1.5 ? "target <= 1.5: met" : "target <= 1.5: MISSED");
	genesys_view_free(g);
	free(body);
	free(sub);
	layoutset_free(set);
	free(o.agents);
	free(o.queues);
	free(at);
	free(qt);
	sim_free(sim);
}

int main(int argc, char **argv)
{
	const char *only = NULL, *which = NULL, *dir = getenv("BENCH_DIR");
	int forced_iters = 0;
	struct render_opts ro = { true, 0, false };
	FILE *devnull;
	struct render *r;

	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--only=", 7) == 0)
			only = argv[i] + 7;
		else if (strncmp(argv[i], "--tenant=", 9) == 0)
			which = argv[i] + 9;
		else if (strncmp(argv[i], "--iters=", 8) == 0)
			forced_iters = atoi(argv[i] + 8);
	}
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COLUMNS", "200", 1);
	setenv("LINES", "60", 1);
	devnull = fopen("/dev/null", "w");
	r = render_init_term(&ro, "xterm-256color", devnull, stdin);
	if (r == NULL) {
		fprintf(stderr, "bench: no terminal description for xterm-256color\n");
		return 1;
	}
	for (size_t k = 0; k < WB_ARRAY_LEN(tenants); k++) {
		const struct tenant *t = &tenants[k];
		char path[1024];
		struct layoutset *set;
		char *body;
		size_t len;
		int iters, rounds;
		double floor_s = 0, cycle_s = 0;

		if (which && strcmp(which, t->name) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir ? dir : "bench",
			 t->layout ? t->layout : "../layouts/brightpattern/agents.layout");
		set = load(path);
		body = make_body(t, set);
		len = strlen(body);
		if (forced_iters > 0) {	/* callgrind: one round, as asked */
			iters = forced_iters;
			rounds = 1;
		} else {
			iters = t->agents > 1000 ? 4 : 100;
			rounds = 5;
		}
		/* Alternate the two sides and keep each one's best round: a burst
		 * of other work on the machine then spoils a round, not a side. */
		for (int rd = 0; rd < rounds; rd++) {
			double f = 0, c = 0;

			if (only == NULL || strcmp(only, "floor") == 0)
				f = run_floor(body, len, iters);
			if (only == NULL || strcmp(only, "cycle") == 0)
				c = run_cycle(body, len, set, r, iters);
			floor_s = rd == 0 || f < floor_s ? f : floor_s;
			cycle_s = rd == 0 || c < cycle_s ? c : cycle_s;
		}
		if (only == NULL) {
			double ratio = cycle_s / floor_s;

			fig(t->name, "body", "%.0f", (double)len, "bytes",
			    "reference: the simulator's data body");
			fig(t->name, "floor", "%.3f", floor_s * 1e3, "ms",
			    "reference: json_loadb alone");
			fig(t->name, "cycle", "%.3f", cycle_s * 1e3, "ms",
			    "no target: parse, snapshot, table, render");
			if (t->agents > 1000)
				fig(t->name, "cycle/floor", "%.2f", ratio, "",
				    ratio <= 1.5 ? "target <= 1.5: met" :
						   "target <= 1.5: MISSED");
			else
				fig(t->name, "cycle/floor", "%.2f", ratio, "",
				    "no target: a small body, drawing dominates");
		}
		free(body);
		layoutset_free(set);
	}
	render_end(r);
	fclose(devnull);
	if (only == NULL && (which == NULL || strcmp(which, "large") == 0)) {
		bench_8x8(dir ? dir : "bench");
		bench_genesys(dir ? dir : "bench");
	}
	return 0;
}
