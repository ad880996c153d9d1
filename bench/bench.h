/*
 * bench.h - what the timing programs of make bench share (bench/bench.c
 * runs each data source's own, src/providers/<name>/tests/bench.c): the
 * figure lines bench/lib.sh prints too, the floor of a body (json_loadb
 * alone), loading layouts, the simulated centre of a tenant's size.
 */
#ifndef WB_BENCH_H
#define WB_BENCH_H

#include <stddef.h>

#include "layout/layout.h"
#include "render/render.h"
#include "sim/sim.h"

/* What the command line asked (--only=floor|cycle, --tenant=, --iters=). */
struct bench_args {
	const char *only;	/* one side alone, for callgrind; NULL: both */
	const char *tenant;	/* "typical" or "large"; NULL: both */
	int iters;		/* > 0: one round of that many calls */
	const char *dir;	/* the source tree */
	struct render *r;	/* an off-screen terminal, 200x60 */
};

/* A tenant's size. */
struct tenant {
	const char *name;
	int agents, services, messages;
};
extern const struct tenant bench_tenants[2];	/* typical, large */

/* One figure line: name (tenant.what), value, unit, note. */
void bench_fig(const char *tenant, const char *what, const char *fmt, double v,
	       const char *unit, const char *note);
/* The note of a ratio against its target of 1.5. */
const char *bench_target(double ratio);
/* Seconds per call of the floor: json_loadb of the body (and decref). */
double run_floor(const char *body, size_t len, int iters);
/* The layouts of files (paths under dir) for provider, as one set, or exit. */
struct layoutset *bench_layouts(const char *dir, const char *provider,
				const char *const *files, size_t n);
/* The simulated centre of tenant t, an hour into its day. */
struct sim *bench_sim(const struct tenant *t);

/* Every data source's own timing, by its id in the registry. */
#define SOURCE(id, name) void bench_##id(const struct bench_args *a);
#include "providers/providers.def"
#undef SOURCE

#endif
