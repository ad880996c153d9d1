/*
 * bench.c - make bench for Genesys: the parser of the statistic values of
 * a subscription over 2,500 agents of the large tenant (six statistics
 * each, the shipped agent board: the simulator opens at most 20,000 at
 * once) against the floor of the same body.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "providers/genesys/parse.h"
#include "providers/genesys/view.h"
#include "snapshot.h"

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
void bench_genesys(const struct bench_args *ba)
{
	static const char *const files[] = { "layouts/genesys/agents.layout" };
	char err[200];
	struct sim *sim;
	char *at, *qt;
	struct genesys_objects o = { NULL, 0, NULL, 0, "Environment" };
	struct layoutset *set;
	struct sim_gsub *g;
	char *sub, *body;
	size_t len, nstats;
	double fbest = 0, pbest = 0;

	if (ba->only || (ba->tenant && strcmp(ba->tenant, "large") != 0))
		return;
	sim = bench_sim(&bench_tenants[1]);
	at = sim_object_list(sim, "agents");
	qt = sim_object_list(sim, "queues");
	o.agents = lines(at, &o.nagents);
	o.queues = lines(qt, &o.nqueues);
	/* The simulator opens at most 20,000 statistics at once. */
	if (o.nagents > 2500)
		o.nagents = 2500;
	set = bench_layouts(ba->dir, "genesys", files, 1);
	sub = genesys_subscription_build(set, &o, NULL, "bench", &nstats);
	g = genesys_view_subscribe(sim, sub, strlen(sub), NULL, err,
				   sizeof(err));
	if (g == NULL) {
		fprintf(stderr, "bench: genesys subscription refused: %s\n", err);
		exit(1);
	}
	body = genesys_view_values(sim, g, NULL);
	len = strlen(body);
	for (int rd = 0; rd < 5; rd++) {
		double f = run_floor(body, len, 4), t0 = now_mono(), p;
		for (int i = 0; i < 4; i++)
			snapshot_free(genesys_parse_values(body, len, set, &o, NULL, err,
							   sizeof(err)));
		p = (now_mono() - t0) / 4;
		fbest = rd == 0 || f < fbest ? f : fbest;
		pbest = rd == 0 || p < pbest ? p : pbest;
	}
	bench_fig("genesys.large", "statistics", "%.0f", (double)nstats, "",
	    "reference: one per agent and column, and the totals");
	bench_fig("genesys.large", "body", "%.0f", (double)len, "bytes",
	    "reference: statistic-values");
	bench_fig("genesys.large", "parse", "%.3f", pbest * 1e3, "ms",
	    "no target: parse, totals, snapshot");
	bench_fig("genesys.large", "parse/floor", "%.2f", pbest / fbest, "",
	    bench_target(pbest / fbest));
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
