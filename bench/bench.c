/*
 * bench.c - the cycle and parse timings of make bench: each data source's
 * own (src/providers/<name>/tests/bench.c, through the registry), over
 * bodies the simulated centre writes. Each side of a figure is the best of
 * five rounds, the sides taking turns. With --only=floor|cycle,
 * --tenant=typical|large and --iters=N the default source's cycle runs one
 * side alone, so that callgrind (--toggle-collect=run_floor / run_cycle)
 * counts the instructions of each without the set-up (bench/run).
 */
#include "autoconf.h"

#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

const struct tenant bench_tenants[2] = {
	{ "typical", 50, 10, 20 },
	{ "large", 5000, 500, 100 },
};

void bench_fig(const char *tenant, const char *what, const char *fmt, double v,
	       const char *unit, const char *note)
{
	char name[64], value[32];

	snprintf(name, sizeof(name), "%s.%s", tenant, what);
	snprintf(value, sizeof(value), fmt, v);
	printf("%-30s %12s %-10s (%s)\n", name, value, unit, note);
}

const char *bench_target(double ratio)
{
	return ratio <= 1.5 ? "target <= 1.5: met" : "target <= 1.5: MISSED";
}

__attribute__((noinline)) double run_floor(const char *body, size_t len,
					   int iters)
{
	double t0 = now_mono();
	for (int i = 0; i < iters; i++) {
		json_t *j = json_loadb(body, len, 0, NULL);
		json_decref(j);
	}
	return (now_mono() - t0) / iters;
}

struct layoutset *bench_layouts(const char *dir, const char *provider,
				const char *const *files, size_t n)
{
	struct errlist errs = { 0 }, warns = { 0 };
	struct layout *ls[8];
	struct layoutset *set;

	for (size_t i = 0; i < n && i < 8; i++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		ls[i] = layout_load(path, provider, &errs, &warns);
		if (ls[i] == NULL) {
			fprintf(stderr, "bench: %s: %s\n", path,
				errs.n ? errs.msgs[0] : "?");
			exit(1);
		}
	}
	set = layoutset_new(ls, n, &errs);
	if (set == NULL) {
		fprintf(stderr, "bench: %s\n", errs.n ? errs.msgs[0] : "?");
		exit(1);
	}
	errlist_free(&warns);
	return set;
}

struct sim *bench_sim(const struct tenant *t)
{
	struct sim_options o;
	struct sim *sim;

	sim_options_default(&o);
	o.seed = 42;
	o.agents = t->agents;
	o.services = t->services;
	o.messages = t->messages;
	o.start_of_day = 10 * 3600;
	sim = sim_new(&o);
	sim_step(sim, 3600);
	return sim;
}

int main(int argc, char **argv)
{
	struct bench_args a = { NULL, NULL, 0, getenv("BENCH_SRCDIR"), NULL };
	struct render_opts ro = { true, 0, false };
	FILE *devnull;

	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--only=", 7) == 0)
			a.only = argv[i] + 7;
		else if (strncmp(argv[i], "--tenant=", 9) == 0)
			a.tenant = argv[i] + 9;
		else if (strncmp(argv[i], "--iters=", 8) == 0)
			a.iters = atoi(argv[i] + 8);
	}
	if (a.dir == NULL)
		a.dir = ".";
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COLUMNS", "200", 1);
	setenv("LINES", "60", 1);
	devnull = fopen("/dev/null", "w");
	a.r = render_init_term(&ro, "xterm-256color", devnull, stdin);
	if (a.r == NULL) {
		fprintf(stderr,
			"bench: no terminal description for xterm-256color\n");
		return 1;
	}
#define SOURCE(id, name) bench_##id(&a);
#include "providers/providers.def"
#undef SOURCE
	render_end(a.r);
	fclose(devnull);
	return 0;
}
