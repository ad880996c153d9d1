/*
 * main.c - wallboard-sim: serve a simulated contact centre as any data
 * source's real-time statistics API (--api), for tests and demos. See
 * server.h for the parts, and --help for the options.
 *
 * With --tls-cert and --tls-key (PEM files) it serves HTTPS instead of
 * HTTP, through libmicrohttpd's TLS (GnuTLS); the tests use that with a
 * self-signed certificate to check the client's certificate verification.
 */
#include "autoconf.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "sanitize.h"
#include "sim/server.h"

/* --- start-up ------------------------------------------------------------ */

struct options {
	const char *bind;
	long port;
	struct sim_options sim;
	const char *users[MAX_USERS];
	int nusers;
	const char *tls_cert, *tls_key;	/* PEM files: serve HTTPS */
	const char *replay;		/* a recording to serve, or NULL */
	double replay_speed;
	bool api_given;
};

/* The usage text. */
static void usage(FILE *f)
{
	fprintf(f,
		"usage: wallboard-sim [OPTIONS]\n"
		"Serve a simulated contact centre as a real-time statistics "
		"server.\n"
		"  --api NAME               the API to serve: %s\n"
		"                           (the first is the default)\n",
		sim_api_names());
	fputs("  --port N                 port to listen on; 0 picks a free "
	      "one (default 0)\n"
	      "  --bind ADDR              address to listen on (default "
	      "127.0.0.1)\n"
	      "  --seed N                 random seed: the same seed, the same "
	      "day (default 1)\n"
	      "  --time-scale X           simulated seconds per real second "
	      "(default 1)\n"
	      "  --agents N               number of agents (default 48)\n"
	      "  --services N             number of services (default 10)\n"
	      "  --tenant NAME            tenant (default "
	      "demo.wallboard.test)\n"
	      "  --user NAME              login name; repeatable (default "
	      "supervisor)\n"
	      "  --token-ttl SEC          OAuth token lifetime (default 3600)\n"
	      "  --legacy-login-forbidden refuse the password login (403)\n"
	      "  --max-subscriptions N    active subscriptions per tenant "
	      "(default 10)\n"
	      "  --first-data-delay N     \"no data yet\" answers before a "
	      "subscription's\n"
	      "                           first data (default 1)\n"
	      "  --tls-cert FILE          serve HTTPS with this PEM "
	      "certificate (chain);\n"
	      "                           needs --tls-key\n"
	      "  --tls-key FILE           the PEM private key of --tls-cert\n"
	      "  --replay DIR             serve a recording (wallboard "
	      "--record DIR) in\n"
	      "                           place of the simulated centre; the "
	      "API is the\n"
	      "                           recording's\n"
	      "  --replay-speed N         play the recording N times faster "
	      "(default 1)\n"
	      "  -v, --verbose            log each request to stderr\n"
	      "  -h, --help               show this help\n"
	      "  -V, --version            show the version\n"
	      "The password is $WALLBOARD_SIM_PASSWORD (default demo), the API "
	      "secret\n"
	      "$WALLBOARD_SIM_SECRET (default demo-secret; also the API token "
	      "or the\n"
	      "client secret of the APIs that use one), the API key of those "
	      "that use\n"
	      "one $WALLBOARD_SIM_API_KEY (default demo-api-key). It prints\n"
	      "\"listening on port N\" once it listens; SIGINT or SIGTERM stop "
	      "it.\n"
	      "Faults are injected with POST /sim/control (loopback only) and "
	      "the\n"
	      "counters read from GET /sim/state: see wallboard-sim(1).\n",
	      f);
}

/* The API --api names, or exit 2. */
static const struct sim_api *api_by_name(const char *name)
{
	const struct sim_api *a = sim_api_find(name);

	if (a == NULL) {
		fprintf(stderr,
			"wallboard-sim: --api: \"%s\" is not one of: %s\n",
			name, sim_api_names());
		exit(2);
	}
	return a;
}

/* A number option within [lo, hi], or exit 2. */
static double opt_number(const char *name, const char *arg, double lo,
			 double hi)
{
	double v;

	if (!parse_double(arg, &v) || v < lo || v > hi) {
		fprintf(stderr, "wallboard-sim: bad value for --%s: %s\n", name,
			arg);
		exit(2);
	}
	return v;
}
enum {
	O_PORT = 256, O_BIND, O_SEED, O_SCALE, O_AGENTS, O_SERVICES, O_TENANT,
	O_USER, O_TTL, O_LEGACY, O_MAXSUBS, O_DELAY,
	O_TLS_CERT, O_TLS_KEY, O_API, O_REPLAY, O_REPLAY_SPEED
};

static const struct option long_opts[] = {
	{ "port", required_argument, NULL, O_PORT },
	{ "bind", required_argument, NULL, O_BIND },
	{ "seed", required_argument, NULL, O_SEED },
	{ "time-scale", required_argument, NULL, O_SCALE },
	{ "agents", required_argument, NULL, O_AGENTS },
	{ "services", required_argument, NULL, O_SERVICES },
	{ "tenant", required_argument, NULL, O_TENANT },
	{ "user", required_argument, NULL, O_USER },
	{ "token-ttl", required_argument, NULL, O_TTL },
	{ "legacy-login-forbidden", no_argument, NULL, O_LEGACY },
	{ "max-subscriptions", required_argument, NULL, O_MAXSUBS },
	{ "first-data-delay", required_argument, NULL, O_DELAY },
	{ "tls-cert", required_argument, NULL, O_TLS_CERT },
	{ "tls-key", required_argument, NULL, O_TLS_KEY },
	{ "api", required_argument, NULL, O_API },
	{ "replay", required_argument, NULL, O_REPLAY },
	{ "replay-speed", required_argument, NULL, O_REPLAY_SPEED },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* Apply one option that takes a value. */
static void option_value(struct options *o, int c, const char *arg)
{
	struct settings *st = &server.set0;

	switch (c) {
	case O_PORT:
		o->port = (long)opt_number("port", arg, 0, 65535);
		break;
	case O_BIND:
		o->bind = arg;
		break;
	case O_SEED:
		o->sim.seed =
			(unsigned)opt_number("seed", arg, 0, 4294967295.0);
		break;
	case O_SCALE:
		o->sim.time_scale = opt_number("time-scale", arg, 1e-3, 1e6);
		break;
	case O_AGENTS:
		o->sim.agents = (int)opt_number("agents", arg, 1, 100000);
		break;
	case O_SERVICES:
		o->sim.services = (int)opt_number("services", arg, 1, 10000);
		break;
	case O_TENANT:
		server.tenant = arg;
		break;
	case O_TTL:
		st->token_ttl = opt_number("token-ttl", arg, 1e-3, 1e9);
		break;
	case O_MAXSUBS:
		st->max_subs =
			(int)opt_number("max-subscriptions", arg, 0, 1e6);
		break;
	case O_DELAY:
		st->first_data_delay =
			(int)opt_number("first-data-delay", arg, 0, 1e6);
		break;
	case O_TLS_CERT:
		o->tls_cert = arg;
		break;
	case O_TLS_KEY:
		o->tls_key = arg;
		break;
	case O_API:
		server.api = api_by_name(arg);
		o->api_given = true;
		break;
	case O_REPLAY:
		o->replay = arg;
		break;
	case O_REPLAY_SPEED:
		o->replay_speed = opt_number("replay-speed", arg, 0.01, 10000);
		break;
	case O_USER:
		if (o->nusers == MAX_USERS) {
			fprintf(stderr, "wallboard-sim: at most %d users\n",
				MAX_USERS);
			exit(2);
		}
		o->users[o->nusers++] = arg;
		break;
	}
}

/* Parse the command line into o and the server's settings. */
static void options_parse(struct options *o, int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "vhV", long_opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf("wallboard-sim %s\n", PACKAGE_VERSION);
			exit(0);
		case 'v':
			server.verbose = true;
			break;
		case O_LEGACY:
			server.set0.legacy_forbidden = true;
			break;
		case '?':
			usage(stderr);
			exit(2);
		default:
			option_value(o, c, optarg);
			break;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wallboard-sim: unexpected argument: %s\n",
			argv[optind]);
		exit(2);
	}
}

/* Defaults before the command line is read. */
static void defaults(struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->bind = "127.0.0.1";
	o->replay_speed = 1;
	sim_options_default(&o->sim);
	server.tenant = "demo.wallboard.test";
	server.set0 = (struct settings){ 10, false, 3600, 1, false, 64, 64 };
	server.password = getenv("WALLBOARD_SIM_PASSWORD");
	server.secret = getenv("WALLBOARD_SIM_SECRET");
	if (server.password == NULL)
		server.password = "demo";
	if (server.secret == NULL)
		server.secret = "demo-secret";
	server.api = sim_api_find(NULL);
	server.api_key = getenv("WALLBOARD_SIM_API_KEY");
	if (server.api_key == NULL)
		server.api_key = "demo-api-key";
}

/* The users: the --user names, or "supervisor". */
static void users_init(const struct options *o)
{
	server.nusers = o->nusers > 0 ? o->nusers : 1;
	for (int i = 0; i < server.nusers; i++) {
		struct user *u = &server.users[i];
		unsigned h = 2166136261u;

		u->name = o->nusers > 0 ? o->users[i] : "supervisor";
		for (const char *p = u->name; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		snprintf(u->id, sizeof(u->id), "%08X-E9A1-4F00-8000-%012X", h,
			 i + 1);
	}
}

/* The whole of a PEM file given to option opt (malloc'd), or exit 2. */
static char *read_pem(const char *opt, const char *path)
{
	struct buf b;

	if (!read_file(path, BODY_MAX, &b)) {
		fprintf(stderr, "wallboard-sim: --%s %s: %s\n", opt, path,
			strerror(errno));
		exit(2);
	}
	if (b.len == 0 || strstr(b.data, "-----BEGIN ") == NULL) {
		fprintf(stderr, "wallboard-sim: --%s %s: not a PEM file\n", opt,
			path);
		exit(2);
	}
	return b.data;
}

/*
 * --replay: load the recording (its source is the API served), or say
 * what is wrong with it, file and reason, and exit 2.
 */
static void replay_setup(const struct options *o)
{
	const struct sim_api *asked = server.api;
	struct errlist errs = { 0 };

	if (o->replay == NULL) {
		if (o->replay_speed != 1) {
			fprintf(stderr,
				"wallboard-sim: --replay-speed goes with "
				"--replay DIR\n");
			exit(2);
		}
		return;
	}
	if (!sim_replay_load(o->replay, o->replay_speed, &errs)) {
		char line[512];
		for (size_t i = 0; i < errs.n; i++)
			fprintf(stderr, "wallboard-sim: %s\n",
				sanitize_line(line, sizeof(line),
					      errs.msgs[i]));
		exit(2);
	}
	if (o->api_given && asked != server.api) {
		fprintf(stderr, "wallboard-sim: --api %s: the recording is of "
			"%s\n", asked->name, server.api->name);
		exit(2);
	}
}

/* Parse options, start the model and the daemon, serve until SIGINT or
 * SIGTERM, then stop cleanly. */
int main(int argc, char **argv)
{
	struct options o;
	struct sockaddr_storage ss;
	struct MHD_Daemon *d;
	char *cert = NULL, *key = NULL;
	sigset_t stop;
	int sig;

	defaults(&o);
	options_parse(&o, argc, argv);
	replay_setup(&o);
	if (!server_address(o.bind, o.port, &ss)) {
		fprintf(stderr,
			"wallboard-sim: --bind needs a numeric address: %s\n",
			o.bind);
		return 2;
	}
	if ((o.tls_cert == NULL) != (o.tls_key == NULL)) {
		fprintf(stderr, "wallboard-sim: --tls-cert and --tls-key go "
				"together\n");
		return 2;
	}
	if (o.tls_cert != NULL) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			fprintf(stderr,
				"wallboard-sim: cannot serve HTTPS: this "
				"libmicrohttpd was built without TLS "
				"support\n");
			return 1;
		}
		cert = read_pem("tls-cert", o.tls_cert);
		key = read_pem("tls-key", o.tls_key);
	}
	users_init(&o);
	server.set = server.set0;
	pthread_mutex_init(&server.lock, NULL);
	server.sim = sim_new(&o.sim);
	signal(SIGPIPE, SIG_IGN);
	/* a shell's background job inherits it ignored */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	if ((d = server_start(&ss, cert, key)) == NULL) {
		if (cert != NULL)
			fprintf(stderr,
				"wallboard-sim: cannot serve HTTPS on %s port "
				"%ld: is the port free, do --tls-cert and "
				"--tls-key hold a matching PEM certificate and "
				"key?\n",
				o.bind, o.port);
		else
			fprintf(stderr,
				"wallboard-sim: cannot listen on %s port %ld: "
				"%s\n",
				o.bind, o.port, strerror(errno));
		return 1;
	}
	printf("listening on port %d\n", server_port(d));
	fflush(stdout);
	while (sigwait(&stop, &sig) != 0)
		;
	MHD_stop_daemon(d);
	server_free();
	free(cert);
	if (key != NULL) {
		explicit_bzero(key, strlen(key));
		free(key);
	}
	return 0;
}
