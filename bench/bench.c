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

#include <glob.h>
#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "history.h"

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

/*
 * The memory the trends' history takes for each source's shipped
 * layouts, all loaded, at the default interval (2 s): taken once when
 * the layouts load, never per poll.
 */
static void bench_history(const struct bench_args *a)
{
#define SOURCE(id, name) name,
	static const char *const names[] = {
#include "providers/providers.def"
	};
#undef SOURCE
	for (size_t i = 0; i < WB_ARRAY_LEN(names); i++) {
		char pattern[1024], what[64];
		const char *files[8];
		struct layoutset *set;
		struct history *h;
		glob_t g;
		size_t n;

		snprintf(pattern, sizeof(pattern), "%s/layouts/%s/*.layout",
			 a->dir, names[i]);
		if (glob(pattern, 0, NULL, &g) != 0)
			continue;
		n = g.gl_pathc < 8 ? g.gl_pathc : 8;
		for (size_t k = 0; k < n; k++)
			files[k] = g.gl_pathv[k] + strlen(a->dir) + 1;
		set = bench_layouts(a->dir, names[i], files, n);
		h = history_new(set, 2);
		snprintf(what, sizeof(what), "history.%s", names[i]);
		bench_fig("shipped", what, "%.0f", (double)history_bytes(h),
			  "bytes",
			  "no target: trends' rings, 2 s polls, taken at load");
		history_free(h);
		layoutset_free(set);
		globfree(&g);
	}
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
	if (a.only == NULL)
		bench_history(&a);
	render_end(a.r);
	fclose(devnull);
	return 0;
}
