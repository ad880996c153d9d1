/*
 * main.c - wallboard: options, configuration, layouts, and the choice of
 * mode (--check, --list-*, --once, the interactive board).
 */
#include "autoconf.h"

#include <dirent.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "board.h"
#include "config.h"
#include "layout/layout.h"
#include "provider.h"

enum {
	OPT_PROVIDER = 256, OPT_URL, OPT_TENANT, OPT_USER, OPT_CLIENT_ID,
	OPT_INTERVAL, OPT_DEMO, OPT_ONCE, OPT_CHECK, OPT_KIOSK, OPT_NO_COLOR,
	OPT_ASCII, OPT_ROTATE, OPT_LIST, OPT_DIALECT, OPT_INSECURE, OPT_CA,
	OPT_LOG, OPT_REGION
};

struct options {
	const char *config;
	const char **layouts;
	size_t nlayouts;
	const char *provider, *url, *tenant, *user, *client_id, *dialect, *ca;
	const char *region;
	const char *log;
	double interval;
	double rotate;
	bool demo, once, check, kiosk, no_color, ascii;
	const char *list;	/* teams, services, agents, dispositions */
};

static const struct option long_opts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "layout", required_argument, NULL, 'l' },
	{ "provider", required_argument, NULL, OPT_PROVIDER },
	{ "url", required_argument, NULL, OPT_URL },
	{ "region", required_argument, NULL, OPT_REGION },
	{ "tenant", required_argument, NULL, OPT_TENANT },
	{ "user", required_argument, NULL, OPT_USER },
	{ "client-id", required_argument, NULL, OPT_CLIENT_ID },
	{ "interval", required_argument, NULL, OPT_INTERVAL },
	{ "rotate", required_argument, NULL, OPT_ROTATE },
	{ "api-dialect", required_argument, NULL, OPT_DIALECT },
	{ "ca-file", required_argument, NULL, OPT_CA },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "once", no_argument, NULL, OPT_ONCE },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "kiosk", no_argument, NULL, OPT_KIOSK },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "list-teams", no_argument, NULL, OPT_LIST },
	{ "list-services", no_argument, NULL, OPT_LIST },
	{ "list-agents", no_argument, NULL, OPT_LIST },
	{ "list-dispositions", no_argument, NULL, OPT_LIST },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void usage(FILE *out)
{
	fputs(
"Usage: wallboard [OPTIONS]\n"
"A terminal wallboard for contact centres.\n"
"\n"
"  -c, --config FILE     main config (default: $XDG_CONFIG_HOME/wallboard/wallboard.conf,\n"
"                        then /etc/wallboard/wallboard.conf); options override it\n"
"  -l, --layout FILE     a layout file; repeatable; keys 1..9 in the order given\n"
"      --provider NAME   data source: brightpattern (default), 8x8, genesys\n"
"      --url URL         base URL of the statistics server, http:// or https://\n"
"      --region NAME     8x8: the tenant's region instead of --url\n"
"                        (na1, na2, na3, na4, na7, ca, uk)\n"
"      --tenant NAME     tenant URL sent at login (tenant_url, OAuth scope);\n"
"                        8x8: the tenant name (token from $WALLBOARD_API_TOKEN);\n"
"                        genesys: the Tenant object (API key from $WALLBOARD_API_KEY)\n"
"      --user NAME       login name; password from $WALLBOARD_PASSWORD or password_file\n"
"      --client-id ID    OAuth2 client credentials instead of a password;\n"
"                        secret from $WALLBOARD_CLIENT_SECRET or client_secret_file\n"
"      --interval SEC    poll interval in seconds (fractions allowed; default 2)\n"
"      --rotate SEC      seconds a layout stays on screen when rotating\n"
"      --api-dialect D   subscription dialect: documented (default) or collection\n"
"      --ca-file FILE    CA bundle for verifying the server's certificate\n"
"      --log FILE        append connection events (faults, recoveries) to FILE\n"
"      --demo            run against the built-in simulated contact centre\n"
"      --once            print every panel of every layout as plain text, then exit\n"
"      --check           validate config and layouts, print what will be asked\n"
"                        of the server (the subscription JSON), exit\n"
"      --kiosk           fullscreen wall mode: rotate layouts, no quit key\n"
"      --no-color        no colours (thresholds still show as bold/reverse and ! marks)\n"
"      --ascii           ASCII borders and glyphs\n"
"      --list-teams, --list-services, --list-agents, --list-dispositions\n"
"                        print what the server knows and exit\n"
"  -h, --help            this help\n"
"  -V, --version         the version\n"
"\n"
"Keys: 1..9 layout, Tab/n next, p previous, ? help, q quit.\n", out);
}

/* Parse a positive number of seconds, or exit with a usage error. */
static double seconds_arg(const char *opt, const char *arg)
{
	double v;

	if (!parse_double(arg, &v) || v < 0.1 || v > 86400) {
		fprintf(stderr, "wallboard: %s: \"%s\" is not a number of seconds "
			"(0.1 to 86400)\n", opt, arg);
		exit(2);
	}
	return v;
}

static void parse_options(int argc, char **argv, struct options *o)
{
	int c, idx;

	memset(o, 0, sizeof(*o));
	while ((c = getopt_long(argc, argv, "c:l:hV", long_opts, &idx)) != -1) {
		switch (c) {
		case 'c': o->config = optarg; break;
		case 'l':
			o->layouts = xreallocarray(o->layouts, o->nlayouts + 1,
						   sizeof(*o->layouts));
			o->layouts[o->nlayouts++] = optarg;
			break;
		case OPT_PROVIDER: o->provider = optarg; break;
		case OPT_REGION: o->region = optarg; break;
		case OPT_URL: o->url = optarg; break;
		case OPT_TENANT: o->tenant = optarg; break;
		case OPT_USER: o->user = optarg; break;
		case OPT_CLIENT_ID: o->client_id = optarg; break;
		case OPT_DIALECT: o->dialect = optarg; break;
		case OPT_CA: o->ca = optarg; break;
		case OPT_LOG: o->log = optarg; break;
		case OPT_INTERVAL: o->interval = seconds_arg("--interval", optarg); break;
		case OPT_ROTATE: o->rotate = seconds_arg("--rotate", optarg); break;
		case OPT_DEMO: o->demo = true; break;
		case OPT_ONCE: o->once = true; break;
		case OPT_CHECK: o->check = true; break;
		case OPT_KIOSK: o->kiosk = true; break;
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_ASCII: o->ascii = true; break;
		case OPT_LIST: o->list = long_opts[idx].name + strlen("list-"); break;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("wallboard %s\n", PACKAGE_VERSION); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wallboard: unexpected argument \"%s\" (secrets are "
			"never taken on the command line; see --help)\n", argv[optind]);
		exit(2);
	}
}

/* Print every collected message with the program's name, then forget them. */
static void print_errs(struct errlist *e, const char *prefix)
{
	for (size_t i = 0; i < e->n; i++)
		fprintf(stderr, "wallboard: %s%s\n", prefix, e->msgs[i]);
	errlist_free(e);
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

/* The config file, then the options over it. Exits on an error. */
static void load_config(struct config *cfg, const struct options *o)
{
	struct errlist errs = { 0 };
	char *path = o->config ? xstrdup(o->config) :
		     o->demo ? NULL : config_default_path();

	config_defaults(cfg);
	if (path && !config_load(cfg, path, o->config != NULL, &errs)) {
		print_errs(&errs, "");
		exit(2);
	}
	free(path);
	config_secrets_from_env(cfg);
#define OVERRIDE(field, val) do { if (val) { free(cfg->field); cfg->field = xstrdup(val); } } while (0)
	OVERRIDE(provider, o->provider);
	OVERRIDE(url, o->url);
	OVERRIDE(region, o->region);
	OVERRIDE(tenant, o->tenant);
	OVERRIDE(user, o->user);
	OVERRIDE(client_id, o->client_id);
	OVERRIDE(ca_file, o->ca);
	OVERRIDE(log_file, o->log);
#undef OVERRIDE
	if (cfg->client_id == NULL && cfg->client_secret)
		cfg->client_id = cfg->user ? xstrdup(cfg->user) : NULL;
	if (o->interval > 0)
		cfg->interval = o->interval;
	if (o->rotate > 0)
		cfg->rotate = o->rotate;
	if (o->no_color)
		cfg->color = false;
	if (o->dialect) {
		if (strcmp(o->dialect, "documented") == 0)
			cfg->dialect = DIALECT_DOCUMENTED;
		else if (strcmp(o->dialect, "collection") == 0)
			cfg->dialect = DIALECT_COLLECTION;
		else {
			fprintf(stderr, "wallboard: --api-dialect: \"%s\" is not "
				"documented or collection\n", o->dialect);
			exit(2);
		}
	}
	if (!provider_known(cfg->provider)) {
		fprintf(stderr, "wallboard: unknown provider \"%s\" (known: %s)\n",
			cfg->provider, provider_names());
		exit(2);
	}
	if (cfg->insecure)
		fprintf(stderr, "wallboard: warning: insecure = true: the server's "
			"certificate is not verified\n");
	if (cfg->password || cfg->client_secret || cfg->api_token || cfg->api_key)
		no_core_dumps();
}

/*
 * The shipped layouts of a provider: <dir>/<provider>, where dir is
 * $WALLBOARD_LAYOUTDIR, the installed directory, else the build tree's
 * (malloc'd).
 */
static char *shipped_dir(const char *provider)
{
	struct stat st;
	const char *env = getenv("WALLBOARD_LAYOUTDIR");
	const char *dir = "layouts";

	if (env && *env)
		dir = env;
	else if (stat(WB_LAYOUTDIR, &st) == 0 && S_ISDIR(st.st_mode))
		dir = WB_LAYOUTDIR;
	return xasprintf("%s/%s", dir, provider);
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
		for (size_t j = i; j > 0 && cmp_key(&ls[j - 1], &ls[j]) > 0; j--) {
			struct layout *t = ls[j];
			ls[j] = ls[j - 1];
			ls[j - 1] = t;
		}
}

/*
 * Load every layout; all errors are printed and nothing half-loads: NULL
 * when any file has an error.
 */
static struct layoutset *load_layouts(const struct config *cfg,
				      const struct options *o)
{
	struct errlist errs = { 0 }, warns = { 0 };
	char **files;
	size_t n;
	struct layout **ls;
	struct layoutset *set;

	if (o->nlayouts) {
		n = o->nlayouts;
		files = xcalloc(n, sizeof(*files));
		for (size_t i = 0; i < n; i++)
			files[i] = xstrdup(o->layouts[i]);
	} else if (cfg->nlayouts) {
		n = cfg->nlayouts;
		files = xcalloc(n, sizeof(*files));
		for (size_t i = 0; i < n; i++)
			files[i] = xstrdup(cfg->layouts[i]);
	} else {
		char *dir = shipped_dir(cfg->provider);
		files = list_dir(dir, &n);
		if (n == 0) {
			fprintf(stderr, "wallboard: no layouts: give -l FILE (none "
				"found in %s)\n", dir);
			exit(2);
		}
		free(dir);
	}
	ls = xcalloc(n, sizeof(*ls));
	for (size_t i = 0; i < n; i++)
		ls[i] = layout_load(files[i], cfg->provider, &errs, &warns);
	print_errs(&warns, "warning: ");
	if (errs.n == 0)
		order_layouts(ls, n, o->nlayouts > 0);
	set = errs.n ? NULL : layoutset_new(ls, n, &errs);
	if (set == NULL)
		for (size_t i = 0; i < n; i++)
			layout_free(ls[i]);
	print_errs(&errs, "");
	strv_free(files, n);
	free(ls);
	return set;
}

/* --check: say what loaded and show the subscription it maps to. */
static int run_check(const struct config *cfg, const struct layoutset *set)
{
	size_t panels = 0;
	char *json;

	for (size_t i = 0; i < set->n; i++) {
		panels += set->layouts[i]->npanels;
		fprintf(stderr, "wallboard: %s: ok: \"%s\" on key %d, %zu panels\n",
			set->layouts[i]->file, set->layouts[i]->title,
			set->layouts[i]->key, set->layouts[i]->npanels);
	}
	json = provider_plan(cfg, set);
	puts(json);
	free(json);
	fprintf(stderr, "wallboard: %zu layouts, %zu panels, %zu grids, %zu totals: ok\n",
		set->n, panels, set->ngrids, set->ntotals);
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;
	struct config cfg;
	struct layoutset *set;
	struct provider *prov;
	struct errlist errs = { 0 };
	int rc;

	setlocale(LC_ALL, "");
	/* Numbers on the wire and in layouts use '.', whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	parse_options(argc, argv, &o);
	load_config(&cfg, &o);
	if (o.list) {
		char err[512];
		rc = provider_list(&cfg, o.list, stdout, err, sizeof(err));
		if (rc)
			fprintf(stderr, "wallboard: %s\n", err);
		free(o.layouts);
		config_free(&cfg);
		return rc;
	}
	set = load_layouts(&cfg, &o);
	free(o.layouts);
	if (set == NULL) {
		config_free(&cfg);
		return 2;
	}
	if (o.check) {
		rc = run_check(&cfg, set);
		layoutset_free(set);
		config_free(&cfg);
		return rc;
	}
	prov = provider_open(&cfg, set, o.demo, &errs);
	if (prov == NULL) {
		print_errs(&errs, "");
		layoutset_free(set);
		config_free(&cfg);
		return 2;
	}
	if (o.once || !isatty(STDOUT_FILENO)) {
		rc = board_once(&cfg, set, prov, o.ascii);
	} else {
		struct board_opts bo = {
			o.kiosk, o.demo, cfg.color,
			o.ascii ? 1 : strcmp(cfg.ascii, "yes") == 0 ? 1 :
			strcmp(cfg.ascii, "no") == 0 ? 0 : -1,
			o.kiosk || o.rotate > 0 ? cfg.rotate : 0
		};
		rc = board_run(&cfg, set, prov, &bo);
	}
	prov->ops->destroy(prov);
	layoutset_free(set);
	config_free(&cfg);
	return rc;
}
