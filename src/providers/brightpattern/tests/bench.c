/*
 * bench.c - make bench for Bright Pattern, the default source: the whole
 * poll-to-frame cycle against the parse floor. For a typical tenant (50
 * agents, 10 services, the shipped agent board) and a large one (5,000
 * agents x 12 columns, 500 services x 10 columns, 100 chat messages:
 * large.layout) the simulator writes a real data body; then, on the same
 * body:
 *
 *   (a) the floor: jansson's json_loadb alone (and json_decref);
 *   (b) the cycle: parse -> snapshot -> sort/filter/thresholds -> render
 *       of the active layout into an off-screen curses screen.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/subscription.h"
#include "providers/brightpattern/view.h"
#include "snapshot.h"

/* The simulator's data body for set, after an hour of simulated day. */
static char *make_body(const struct tenant *t, struct layoutset *set)
{
	struct sim *sim = bench_sim(t);
	struct sim_sub *sub;
	char err[256], *sub_json, *body;

	sub_json = brightpattern_subscription_build(set, DIALECT_DOCUMENTED, 0);
	sub = brightpattern_view_subscribe(sim, sub_json, strlen(sub_json), err,
					   sizeof(err));
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

/* Seconds per call of the whole cycle, drawing into r. */
__attribute__((noinline)) static double run_cycle(const char *body, size_t len,
						  struct layoutset *set,
						  struct render *r, int iters)
{
	struct provider_status st = { .state = CONN_LIVE };
	double t0 = now_mono();

	for (int i = 0; i < iters; i++) {
		char err[200];
		struct snapshot *s = brightpattern_parse_data(
			body, len, set, NULL, err, sizeof(err));
		struct view v = {
			.set = set, .snap = s, .st = &st,
			.now = now_mono(), .interval = 2,
		};
		if (s == NULL) {
			fprintf(stderr, "bench: parse failed: %s\n", err);
			exit(1);
		}
		render_draw(r, &v);
		snapshot_free(s);
	}
	return (now_mono() - t0) / iters;
}

/* One tenant: both sides, their best rounds, the figures. */
static void tenant_cycle(const struct bench_args *a, const struct tenant *t,
			 struct layoutset *set)
{
	char *body = make_body(t, set);
	size_t len = strlen(body);
	int iters = a->iters > 0 ? a->iters : t->agents > 1000 ? 4 : 100;
	int rounds = a->iters > 0 ? 1 : 5;
	double floor_s = 0, cycle_s = 0, ratio;

	/* Alternate the two sides and keep each one's best round: a burst
	 * of other work on the machine then spoils a round, not a side. */
	for (int rd = 0; rd < rounds; rd++) {
		double f = 0, c = 0;

		if (a->only == NULL || strcmp(a->only, "floor") == 0)
			f = run_floor(body, len, iters);
		if (a->only == NULL || strcmp(a->only, "cycle") == 0)
			c = run_cycle(body, len, set, a->r, iters);
		floor_s = rd == 0 || f < floor_s ? f : floor_s;
		cycle_s = rd == 0 || c < cycle_s ? c : cycle_s;
	}
	free(body);
	if (a->only != NULL)
		return;
	ratio = cycle_s / floor_s;
	bench_fig(t->name, "body", "%.0f", (double)len, "bytes",
		  "reference: the simulator's data body");
	bench_fig(t->name, "floor", "%.3f", floor_s * 1e3, "ms",
		  "reference: json_loadb alone");
	bench_fig(t->name, "cycle", "%.3f", cycle_s * 1e3, "ms",
		  "no target: parse, snapshot, table, render");
	bench_fig(t->name, "cycle/floor", "%.2f", ratio, "",
		  t->agents > 1000 ? bench_target(ratio) :
		  "no target: a small body, drawing dominates");
}

void bench_brightpattern(const struct bench_args *a)
{
	static const char *const typical[] = { "layouts/brightpattern/"
					       "agents.layout" };
	static const char *const large[] = {
		"src/providers/brightpattern/tests/large.layout"
	};

	for (size_t k = 0; k < WB_ARRAY_LEN(bench_tenants); k++) {
		const struct tenant *t = &bench_tenants[k];
		struct layoutset *set;

		if (a->tenant && strcmp(a->tenant, t->name) != 0)
			continue;
		set = bench_layouts(a->dir, "brightpattern",
				    k ? large : typical, 1);
		tenant_cycle(a, t, set);
		layoutset_free(set);
	}
}
