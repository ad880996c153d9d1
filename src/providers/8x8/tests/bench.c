/*
 * bench.c - make bench for 8x8: the parser of the large tenant's two
 * bodies (agents.json and queues.json, the shipped agent board, every
 * agent a row) against the floor of the same bodies.
 */
#include "autoconf.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "providers/8x8/parse.h"
#include "providers/8x8/view.h"
#include "snapshot.h"

/* Best-of-five seconds per parse of 8x8's two bodies, and per floor. */
void bench_8x8(const struct bench_args *ba)
{
	static const char *const files[] = { "layouts/8x8/agents.layout" };
	char err[200];
	struct sim *sim;
	char *a, *q;
	size_t alen, qlen;
	struct layoutset *set;
	double fbest = 0, pbest = 0;

	if (ba->only || (ba->tenant && strcmp(ba->tenant, "large") != 0))
		return;
	sim = bench_sim(&bench_tenants[1]);
	a = eightbyeight_view_agents(sim, NULL);
	q = eightbyeight_view_queues(sim, NULL);
	alen = strlen(a);
	qlen = strlen(q);

	set = bench_layouts(ba->dir, "8x8", files, 1);
	for (int rd = 0; rd < 5; rd++) {
		double t0 = now_mono(), f, p;
		for (int i = 0; i < 4; i++) {
			json_decref(json_loadb(a, alen, 0, NULL));
			json_decref(json_loadb(q, qlen, 0, NULL));
		}
		f = (now_mono() - t0) / 4;
		t0 = now_mono();
		for (int i = 0; i < 4; i++)
			snapshot_free(eightbyeight_parse(a, alen, q, qlen, set,
							 err, sizeof(err)));
		p = (now_mono() - t0) / 4;
		fbest = rd == 0 || f < fbest ? f : fbest;
		pbest = rd == 0 || p < pbest ? p : pbest;
	}
	bench_fig("8x8.large", "body", "%.0f", (double)(alen + qlen), "bytes",
	    "reference: agents.json + queues.json");
	bench_fig("8x8.large", "parse", "%.3f", pbest * 1e3, "ms",
	    "no target: parse, derived totals, snapshot");
	bench_fig("8x8.large", "parse/floor", "%.2f", pbest / fbest, "",
	    bench_target(pbest / fbest));
	layoutset_free(set);
	free(a);
	free(q);
	sim_free(sim);
}
