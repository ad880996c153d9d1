/*
 * main.c - wallboard: the wiring. The settings (config.c, from the one
 * table of options), the layouts, the data source, then the mode the
 * settings ask for (--check, --list-*, --once, the interactive board).
 */
#include "autoconf.h"

#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "board.h"
#include "log.h"
#include "sanitize.h"
#include "state.h"
#include "config.h"
#include "layout/layout.h"
#include "fleet/publish.h"
#include "fleet/source.h"
#include "output/csv.h"
#include "output/json.h"
#include "output/nagios.h"
#include "output/probe.h"
#include "net/record.h"
#include "net/replay.h"
#include "provider.h"
#include "providers/demo.h"

/*
 * Print every collected message with the program's name. Messages quote
 * what was given (a file name, a provider's name): it is sanitised here,
 * whatever it holds.
 */
static void print_list(const struct errlist *e, const char *prefix)
{
	char line[1024];

	for (size_t i = 0; i < e->n; i++)
		fprintf(stderr, "wallboard: %s%s\n", prefix,
			sanitize_line(line, sizeof(line), e->msgs[i]));
}

/* The same, then forget them. */
static void print_errs(struct errlist *e, const char *prefix)
{
	print_list(e, prefix);
	errlist_free(e);
}

/*
 * Everything written to stdout has reached it: a cron job on a full disk
 * must get a failure, not an empty file and status 0.
 */
static int finish_output(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "wallboard: cannot write the output: %s\n",
			strerror(errno));
		return rc ? rc : 1;
	}
	return rc;
}

/*
 * A process holding a secret leaves no core file behind and cannot be
 * read by a debugger of the same user: a crash must not put the secret
 * on disk.
 */
static void no_core_dumps(void)
{
	struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/*
 * The exit status of a usage, config or layout error: 2, or for a
 * monitoring plugin (--format nagios) UNKNOWN, with its status line on
 * stdout, where a monitoring system reads it.
 */
static int usage_failure(const struct config *cfg, const char *why)
{
	char line[1024];

	if (cfg->format != FORMAT_NAGIOS)
		return 2;
	nagios_unknown(stdout, sanitize_line(line, sizeof(line), why));
	fflush(stdout);
	return NAGIOS_UNKNOWN;
}

/*
 * True when the command line asks for --format nagios, read as words:
 * a command line that could not be read is still a plugin's, whose
 * monitoring system expects UNKNOWN of it.
 */
static bool argv_nagios(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--format=nagios") == 0 ||
		    (strcmp(argv[i], "--format") == 0 && i + 1 < argc &&
		     strcmp(argv[i + 1], "nagios") == 0))
			return true;
	return false;
}

/*
 * The output of a run that prints once: --probe's report, else the
 * format asked for. --format is for --once: with --probe, or without a
 * run that prints once, it is an error (why, into err), not ignored.
 */
static once_output_fn once_output(const struct config *cfg, char *err,
				  size_t errsz)
{
	static const once_output_fn outputs[] = {
		[FORMAT_TEXT] = plain_once, [FORMAT_JSON] = once_json,
		[FORMAT_CSV] = once_csv, [FORMAT_NAGIOS] = once_nagios,
	};

	if (cfg->probe && cfg->format != FORMAT_TEXT) {
		snprintf(err, errsz,
			 "--format applies to --once: --probe prints its own "
			 "report");
		return NULL;
	}
	if (cfg->probe)
		return probe_report;
	if (!cfg->once && cfg->format != FORMAT_TEXT) {
		snprintf(err, errsz, "--format %s needs --once",
			 cfg->format == FORMAT_JSON  ? "json"
			 : cfg->format == FORMAT_CSV ? "csv"
						     : "nagios");
		return NULL;
	}
	return outputs[cfg->format];
}

/*
 * The command line, the config file and the environment (config.h).
 * Exits 2 on an error, 0 after --help or --version. The warnings are
 * printed, and kept in warns for the log.
 */
static void load_config(struct config *cfg, int argc, char **argv,
			struct errlist *warns)
{
	struct errlist errs = { 0 };
	bool ok = config_load(cfg, argc, argv, &errs, warns);

	print_list(warns, "warning: ");
	if (!ok) {
		int rc;
		if (argv_nagios(argc, argv))
			cfg->format = FORMAT_NAGIOS;
		rc = usage_failure(cfg, errs.n ? errs.msgs[0] : "bad usage");
		print_errs(&errs, "");
		config_free(cfg);
		exit(rc);
	}
	if (cfg->help) {
		config_usage(stdout);
		config_free(cfg);
		exit(0);
	}
	if (cfg->version) {
		printf("wallboard %s\n", PACKAGE_VERSION);
		config_free(cfg);
		exit(0);
	}
	if (cfg->insecure)
		fprintf(stderr,
			"wallboard: warning: insecure = true: the server's "
			"certificate is not verified\n");
	if (config_holds_secret(cfg))
		no_core_dumps();
}

/* At exit: the recording finished, with why it stopped if it did. */
static void recording_close(void)
{
	char *err = record_close(), line[1024];

	if (err)
		fprintf(stderr, "wallboard: --record stopped early: %s\n",
			sanitize_line(line, sizeof(line), err));
	free(err);
	replay_close();
}

/*
 * --record DIR and --replay DIR: the HTTP layer records, or answers from
 * the recording. A directory refused (not empty, not a recording, a file
 * in it at fault) exits 2 before anything is drawn. The layouts are
 * loaded first: a layout refused leaves no recording behind.
 */
static void recording_open(struct config *cfg)
{
	struct errlist errs = { 0 };

	if ((cfg->replay &&
	     !replay_open(cfg->replay, cfg->replay_speed, &errs)) ||
	    (cfg->record && !cfg->check &&
	     !record_open(cfg->record, cfg, &errs))) {
		print_errs(&errs, "");
		config_free(cfg);
		exit(2);
	}
	atexit(recording_close);
}

/*
 * The directory the running program is in (malloc'd), or NULL. Through
 * /proc/self/exe, so a symlink in ~/bin or a full path leads to the real
 * program, whatever the current directory.
 */
static char *program_dir(void)
{
	char path[4096];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	path[n] = '\0';
	if ((slash = strrchr(path, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(path);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.layout file of dir, sorted by name. */
static char **list_dir(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 7 && strcmp(e->d_name + len - 7, ".layout") == 0) {
			v = xreallocarray(v, *n + 1, sizeof(*v));
			v[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

/*
 * The shipped layouts of a provider, from the first of these that has
 * any: $WALLBOARD_LAYOUTDIR/<provider>; layouts/<provider> beside the
 * program (a build tree, where the build links the source's layouts);
 * the installed $(pkgdatadir)/layouts/<provider>. When none has any,
 * the error (into errs) names every place looked in, and NULL comes back.
 */
static char **shipped_layouts(const char *provider, size_t *n,
			       struct errlist *errs)
{
	const char *env = getenv("WALLBOARD_LAYOUTDIR");
	char *exe = program_dir();
	char *dirs[3];
	size_t nd = 0;
	char **files = NULL;
	struct buf looked;

	if (env && *env)
		dirs[nd++] = xasprintf("%s/%s", env, provider);
	if (exe)
		dirs[nd++] = xasprintf("%s/layouts/%s", exe, provider);
	dirs[nd++] = xasprintf("%s/%s", WB_LAYOUTDIR, provider);
	free(exe);
	*n = 0;
	for (size_t i = 0; i < nd && *n == 0; i++)
		files = list_dir(dirs[i], n);
	if (*n == 0) {
		buf_init(&looked);
		for (size_t i = 0; i < nd; i++)
			buf_printf(&looked, "%s%s", i ? ", " : "", dirs[i]);
		errlist_add(errs,
			    "no layouts for %s: none in %s; give -l FILE "
			    "(or set WALLBOARD_LAYOUTDIR)",
			    provider, looked.data);
		buf_free(&looked);
	}
	for (size_t i = 0; i < nd; i++)
		free(dirs[i]);
	return files;
}

/* Keys first (1..9), layouts without a key after them in file order. */
static int cmp_key(const void *a, const void *b)
{
	const struct layout *x = *(struct layout *const *)a;
	const struct layout *y = *(struct layout *const *)b;
	int kx = x->key ? x->key : 10, ky = y->key ? y->key : 10;

	return kx - ky;
}

/*
 * Put the layouts in key order. Given with -l, the order on the command
 * line is the order of the keys (the contract of -l); otherwise each file's
 * own key decides, and unkeyed files follow by name.
 */
static void order_layouts(struct layout **ls, size_t n, bool by_position)
{
	if (by_position) {
		for (size_t i = 0; i < n; i++)
			ls[i]->key = i < 9 ? (int)i + 1 : 0;
		return;
	}
	/* Insertion sort: stable, and n is small. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp_key(&ls[j - 1], &ls[j]) > 0;
		     j--) {
			struct layout *t = ls[j];
			ls[j] = ls[j - 1];
			ls[j - 1] = t;
		}
}

/*
 * Load every layout; nothing half-loads: NULL when any file has an
 * error. The errors go to errs, the warnings to warns.
 */
static struct layoutset *read_layouts(const struct config *cfg,
				      struct errlist *errs,
				      struct errlist *warns)
{
	char **files;
	size_t n;
	struct layout **ls;
	struct layoutset *set;

	if (cfg->nlayouts) {
		n = cfg->nlayouts;
		files = xcalloc(n, sizeof(*files));
		for (size_t i = 0; i < n; i++)
			files[i] = xstrdup(cfg->layouts[i]);
	} else if ((files = shipped_layouts(cfg->provider, &n, errs)) == NULL)
		return NULL;
	ls = xcalloc(n, sizeof(*ls));
	for (size_t i = 0; i < n; i++)
		/*
		 * A screen's own layouts may be of any source a publisher has.
		 */
		ls[i] = layout_load(files[i], cfg->from ? NULL : cfg->provider,
				    errs, warns);
	if (errs->n == 0)
		order_layouts(ls, n, cfg->nlayouts > 0);
	set = errs->n ? NULL : layoutset_new(ls, n, errs);
	if (set == NULL)
		for (size_t i = 0; i < n; i++)
			layout_free(ls[i]);
	strv_free(files, n);
	free(ls);
	return set;
}

/*
 * Load every layout; all errors are printed and nothing half-loads: NULL
 * when any file has an error (the first into why).
 */
static struct layoutset *load_layouts(const struct config *cfg, char *why,
				      size_t whysz)
{
	struct errlist errs = { 0 }, warns = { 0 };
	struct layoutset *set = read_layouts(cfg, &errs, &warns);

	print_errs(&warns, "warning: ");
	snprintf(why, whysz, "%s", errs.n ? errs.msgs[0] : "");
	print_errs(&errs, "");
	return set;
}

/*
 * --publish and --from: the modes they combine with. False (said on
 * stderr) for a combination that means nothing.
 */
static bool fleet_mode_ok(struct config *cfg)
{
	const char *bad = NULL;

	if (cfg->publish && cfg->from)
		bad = "--publish and --from exclude each other";
	else if (cfg->publish && (cfg->once || cfg->probe || cfg->kiosk))
		bad = "--publish runs headless: not with --once, --probe or "
		      "--kiosk";
	else if (cfg->from && (cfg->demo || cfg->probe))
		bad = "--from reads a publisher: not with --demo or --probe "
		      "(give those to the publisher)";
	else if (cfg->from && (cfg->record || cfg->replay))
		bad = "--from reads a publisher: not with --record or --replay "
		      "(give those to the publisher)";
	if (bad == NULL)
		return true;
	fprintf(stderr, "wallboard: %s\n", bad);
	config_free(cfg);
	return false;
}

/*
 * A screen's layouts (--from): its own (-l), or the publisher's, waited
 * for (for ever in kiosk mode, which never gives up). The source is
 * opened here, so its connection carries the layouts; NULL when it cannot
 * be opened or no layouts come. Without --interval the publisher's
 * interval is the one data is judged stale by.
 */
static struct layoutset *fleet_layouts(struct config *cfg,
				       struct provider **fleet, char *why,
				       size_t whysz)
{
	struct errlist errs = { 0 };
	struct layoutset *set = NULL;

	*fleet = fleet_source_new(cfg, NULL, &errs);
	if (*fleet && cfg->nlayouts == 0)
		set = fleet_source_layouts(
			*fleet,
			cfg->kiosk ? 0 : cfg->connect_timeout + cfg->timeout,
			&errs);
	else if (*fleet)
		set = load_layouts(cfg, why, whysz);
	if (set == NULL && errs.n)
		snprintf(why, whysz, "%s", errs.msgs[0]);
	print_errs(&errs, "");
	if (set && !cfg->interval_given && fleet_source_interval(*fleet) > 0)
		cfg->interval = fleet_source_interval(*fleet);
	return set;
}

/* What the board needs to read the settings and layouts again. */
struct rereader {
	int argc;
	char **argv;
	struct log *log;
};

/* A reading of the board's: the config, its state words, the layouts. */
static struct reading *gen_new(struct config *cfg, struct layoutset *set,
				 struct state_map *states)
{
	struct reading *g = xcalloc(1, sizeof(*g));

	g->cfg = xmalloc(sizeof(*cfg));
	*g->cfg = *cfg;
	g->states = xmalloc(sizeof(*states));
	*g->states = *states;
	g->set = set;
	set->config_states = g->states;
	return g;
}

/* Free a reading (struct reloader's free). */
static void gen_free(struct reading *g)
{
	layoutset_free(g->set);
	state_map_free(g->states);
	free(g->states);
	config_free(g->cfg);
	free(g->cfg);
	free(g);
}

/*
 * The board's live reload: the command line, the config file and the
 * layouts read again, as at start, with nothing printed (the terminal is
 * the board's): the first error into why, the warnings to the log.
 */
static struct reading *reread(void *ctx, char *why, size_t whysz)
{
	struct rereader *rr = ctx;
	struct errlist errs = { 0 }, warns = { 0 };
	struct state_map states = { 0 };
	struct layoutset *set = NULL;
	struct config cfg;

	if (config_load(&cfg, rr->argc, rr->argv, &errs, &warns))
		set = read_layouts(&cfg, &errs, &warns);
	for (size_t i = 0; i < warns.n; i++)
		log_event(rr->log, "warning: %s", warns.msgs[i]);
	errlist_free(&warns);
	if (set == NULL) {
		snprintf(why, whysz, "%s",
			 errs.n ? errs.msgs[0] : "no layouts");
		errlist_free(&errs);
		config_free(&cfg);
		return NULL;
	}
	errlist_free(&errs);
	for (size_t i = 0; i < cfg.nstate_map; i++) {
		char err[300];
		state_map_add(&states, cfg.state_map[i], err, sizeof(err));
	}
	return gen_new(&cfg, set, &states);
}

/*
 * --list-*: the source's statistics from its catalogue (--list-stats,
 * no server asked), the simulated centre's lists with --demo, else what
 * the server lists. 0, or 1 with one line in err.
 */
static int run_list(const struct config *cfg, char *err, size_t errsz)
{
	const struct catalog *cat = catalog_for(cfg->provider);

	if (strcmp(cfg->list, "stats") == 0 && cat != NULL) {
		catalog_print(cat, stdout);
		return 0;
	}
	if (strcmp(cfg->list, "stats") == 0) {
		snprintf(err, errsz, "--list-stats: no catalogue for provider "
			 "\"%s\"", cfg->provider);
		return 1;
	}
	if (cfg->demo)
		return demo_list(cfg, cfg->list, stdout, err, errsz);
	return provider_list(cfg, cfg->list, stdout, err, errsz);
}

/* --check: say what loaded and show the subscription it maps to. */
static int run_check(const struct config *cfg, const struct layoutset *set)
{
	size_t panels = 0;
	char *json;

	for (size_t i = 0; i < set->n; i++) {
		char file[512];
		panels += set->layouts[i]->npanels;
		fprintf(stderr,
			"wallboard: %s: ok: \"%s\" on key %d, %zu panels\n",
			sanitize_line(file, sizeof(file),
				      set->layouts[i]->file),
			set->layouts[i]->title, set->layouts[i]->key,
			set->layouts[i]->npanels);
	}
	json = provider_plan(cfg, set);
	puts(json);
	free(json);
	fprintf(stderr,
		"wallboard: %zu layouts, %zu panels, %zu grids, %zu totals: "
		"ok\n",
		set->n, panels, set->ngrids, set->ntotals);
	return 0;
}

int main(int argc, char **argv)
{
	struct config cfg;
	struct layoutset *set;
	struct provider *prov, *fleet = NULL;
	struct errlist errs = { 0 }, warns = { 0 };
	struct state_map states = { 0 };
	struct log *log;
	char why[1024];
	int rc;

	setlocale(LC_ALL, "");
	/* Numbers on the wire and in layouts use '.', whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	load_config(&cfg, argc, argv, &warns);
	if (cfg.list) {
		char err[512];
		recording_open(&cfg);
		rc = run_list(&cfg, err, sizeof(err));
		if (rc)
			fprintf(stderr, "wallboard: %s\n", err);
		config_free(&cfg);
		return finish_output(rc);
	}
	if (!fleet_mode_ok(&cfg))
		return 2;
	if (once_output(&cfg, why, sizeof(why)) == NULL) {
		fprintf(stderr, "wallboard: %s\n", why);
		rc = usage_failure(&cfg, why);
		config_free(&cfg);
		return rc;
	}
	why[0] = '\0';
	set = cfg.from ? fleet_layouts(&cfg, &fleet, why, sizeof(why)) :
	      load_layouts(&cfg, why, sizeof(why));
	if (set == NULL) {
		if (fleet)
			fleet->ops->destroy(fleet);
		rc = usage_failure(&cfg, why[0] ? why : "no layouts");
		config_free(&cfg);
		return rc;
	}
	/* after the layouts: one refused records nothing */
	recording_open(&cfg);
	/* The config's words for states, checked when it was read. */
	for (size_t i = 0; i < cfg.nstate_map; i++) {
		char err[300];
		state_map_add(&states, cfg.state_map[i], err, sizeof(err));
	}
	set->config_states = &states;
	if (cfg.check) {
		rc = run_check(&cfg, set);
		if (fleet)
			fleet->ops->destroy(fleet);
		layoutset_free(set);
		state_map_free(&states);
		config_free(&cfg);
		return finish_output(rc);
	}
	if (cfg.kiosk && !isatty(STDOUT_FILENO))
		errlist_add(&errs,
			    "--kiosk needs a terminal: its output is not one");
	log = errs.n ? NULL : log_open(cfg.log_file, &errs);
	for (size_t i = 0; log != NULL && i < warns.n; i++)
		log_event(log, "warning: %s", warns.msgs[i]);
	errlist_free(&warns);
	if (errs.n == 0 && cfg.publish) {
		struct rereader rr = { argc, argv, log };
		struct reloader rl = { reread, &rr, gen_free };
		/* The publisher owns the reading now, and frees it. */
		rc = publish_run(gen_new(&cfg, set, &states), &rl, log);
		log_close(log);
		return rc;
	}
	prov = fleet;
	if (prov == NULL && errs.n == 0)
		prov = provider_open(&cfg, set, cfg.demo, &errs);
	else if (prov && errs.n == 0)
		fleet_source_show(prov, set, log);
	if (prov == NULL || errs.n) {
		if (prov)
			prov->ops->destroy(prov);
		rc = usage_failure(&cfg,
				   errs.n ? errs.msgs[0] : "no data source");
		print_errs(&errs, "");
		log_close(log);
		layoutset_free(set);
		state_map_free(&states);
		config_free(&cfg);
		return rc;
	}
	if (cfg.probe || cfg.once || !isatty(STDOUT_FILENO)) {
		rc = finish_output(board_once(
			&cfg, set, prov, once_output(&cfg, why, sizeof(why)),
			cfg.ascii == ASCII_YES, log));
	} else {
		struct rereader rr = { argc, argv, log };
		struct board_opts bo = {
			cfg.kiosk,
			cfg.demo,
			!cfg.no_color,
			cfg.ascii == ASCII_YES  ? 1
			: cfg.ascii == ASCII_NO ? 0
						: -1,
			cfg.kiosk || cfg.rotate_given ? cfg.rotate : 0,
			/* A screen's source holds its layouts: no reload. */
			{ cfg.from ? NULL : reread, &rr, gen_free }
		};
		/* The board owns them now, and frees them. */
		rc = board_run(gen_new(&cfg, set, &states), prov, &bo, log);
		log_close(log);
		return rc;
	}
	log_close(log);
	prov->ops->destroy(prov);
	layoutset_free(set);
	state_map_free(&states);
	config_free(&cfg);
	return rc;
}
