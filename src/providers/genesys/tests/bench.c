/*
 * bench.c - make bench for Genesys: the parser of the statistic values of
 * a subscription over 2,500 agents of the large tenant (six statistics
 * each, the shipped agent board: the simulator opens at most 20,000 at
 * once) against the floor of the same body; and the most a server can make
 * the board do for refused statistics each poll (the most refusals kept,
 * marked and noted).
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

/*
 * The most refusals a server can leave (GENESYS_MAX_REFUSALS: one error
 * entry for each agent of column c of grid 0, and one by name), and the
 * best-of-five seconds one poll's snapshot takes to be marked with them.
 */
static double mark_worst(const struct layoutset *set,
			 const struct genesys_objects *o, size_t *kept)
{
	const struct panel *p = set->grids[0].panel;
	struct genesys_refusals r = { 0 };
	struct buf errors;
	struct snapshot *s;
	char err[200], *body;
	size_t c = 1;
	double best = 0;

	while (c < p->ncols && (strcmp(p->cols[c].stat, "SUM") == 0 ||
				strcmp(p->cols[c].stat, "ObjectId") == 0))
		c++;
	buf_init(&errors);
	buf_puts(&errors, "{\"data\":{\"statistics\":[]},\"errors\":[{"
			  "\"status\":{\"code\":1,\"message\":\"TotalLoginTime "
			  "is not configured\"}}");
	for (size_t i = 0; i < GENESYS_MAX_REFUSALS; i++)
		buf_printf(
			&errors,
			",{\"status\":{\"code\":1,\"detail\":"
			"{\"statisticId\":\"g0.%zu.%zu\"},\"message\":\"no\"}}",
			i, c);
	buf_puts(&errors, "]}");
	body = errors.data;
	snapshot_free(genesys_parse_values(body, errors.len, set, o, &r, err,
					   sizeof(err)));
	*kept = r.n;
	for (int rd = 0; rd < 5; rd++) {
		double t0;

		s = genesys_parse_values(body, errors.len, set, o, NULL, err,
					 sizeof(err));
		t0 = now_mono();
		genesys_refusals_mark(s, set, o, &r);
		t0 = now_mono() - t0;
		best = rd == 0 || t0 < best ? t0 : best;
		snapshot_free(s);
	}
	genesys_refusals_free(&r);
	buf_free(&errors);
	return best;
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
	size_t len, nstats, kept;
	double fbest = 0, pbest = 0, mark;

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
		fprintf(stderr, "bench: genesys subscription refused: %s\n",
			err);
		exit(1);
	}
	body = genesys_view_values(sim, g, NULL);
	len = strlen(body);
	for (int rd = 0; rd < 5; rd++) {
		double f = run_floor(body, len, 4), t0 = now_mono(), p;
		for (int i = 0; i < 4; i++)
			snapshot_free(genesys_parse_values(
				body, len, set, &o, NULL, err, sizeof(err)));
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
	mark = mark_worst(set, &o, &kept);
	bench_fig("genesys.large", "refusals kept", "%.0f", (double)kept, "",
	    "target: at most GENESYS_MAX_REFUSALS (256)");
	bench_fig("genesys.large", "mark refusals", "%.3f", mark * 1e3, "ms",
	    "target: under parse (each poll marks them)");
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
