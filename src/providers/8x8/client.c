/*
 * client.c - the 8x8 Contact Center real-time statistics API as a data source.
 *
 * The API has no login and no subscription: every request carries the
 * tenant name and its API token as HTTP Basic credentials, and the server
 * answers from a cache it refreshes every ten seconds. One poll is
 *
 *     GET .../agents.json   (when an agent grid or an agent count needs it)
 *     GET .../queues.json   (when a service grid or a queue total needs it)
 *
 * one request at a time on the one connection, and the snapshot is made
 * when both have arrived, so agents and queues always show the same
 * moment. Totals, sorting, filtering and limits are computed here and in
 * the core, as the API sends only rows. Faults are the session's: 5xx,
 * timeouts and resets back off; 401/403 say the token is wrong; a body
 * that cannot be read keeps the last good data.
 */
#include "autoconf.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "providers/8x8/client.h"
#include "providers/8x8/parse.h"
#include "net/session.h"
#include "options.h"

#define API_PATH "/api/rtstats/stats"

enum step { STEP_NONE = STEP_IDLE, STEP_AGENTS, STEP_QUEUES, STEP_LIST };

struct eightbyeight {
	struct session s;	/* first: its base is the provider */
	const struct layoutset *set;
	char *base_url;		/* without a trailing /api/rtstats/stats */
	bool need_agents, need_queues;
	/* this poll's agents body, until queues come */
	struct buf agents;
	/* --list-* */
	const char *list_what;
	FILE *list_out;
	bool list_done;
};

/* This source's settings in cfg. */
static const struct eightbyeight_settings *e8_settings(const struct config *cfg)
{
	return cfg->source;
}

/* The regional servers of the reference, by the names users know them by. */
static const struct region {
	const char *name, *url;
} regions[] = {
	{ "na1", "https://na1.mycontactual.com" },
	{ "na2", "https://na2.mycontactual.com" },
	{ "na3", "https://na3.mycontactual.com" },
	{ "na4", "https://na4.mycontactual.com" },
	{ "na7", "https://vcc-na7.8x8.com" },
	{ "ca", "https://www.mycontactual.ca" },
	{ "uk", "https://www.mycontactual.co.uk" },
};

const char *eightbyeight_region_url(const char *region)
{
	for (size_t i = 0; region && i < WB_ARRAY_LEN(regions); i++)
		if (strcmp(regions[i].name, region) == 0)
			return regions[i].url;
	return NULL;
}

/*
 * The server's base URL: url as given (users paste the text's
 * ".../api/rtstats/stats" as often as the bare host), else the region's.
 */
static char *base_url(const struct config *cfg)
{
	const char *u =
		cfg->url ? cfg->url
			 : eightbyeight_region_url(e8_settings(cfg)->region);
	size_t n = strlen(u), k = strlen(API_PATH);

	while (n > 0 && u[n - 1] == '/')
		n--;
	if (n >= k && strncmp(u + n - k, API_PATH, k) == 0)
		n -= k;
	return xstrndup(u, n);
}

/* A GET of one of the API's lists, with the tenant's credentials. */
static void get(struct eightbyeight *e, const char *what, session_answer_fn fn)
{
	char *path = xasprintf(API_PATH "/%s.json", what);
	struct session_call c = {
		"GET", path, NULL, NULL, NULL, e->s.cfg->tenant,
		e8_settings(e->s.cfg)->api_token
	};

	session_request(&e->s, &c, fn);
	free(path);
}

/* The first step of a poll. */
static int first_step(const struct eightbyeight *e)
{
	return e->need_agents ? STEP_AGENTS : STEP_QUEUES;
}

/* Both bodies of a poll are in: make the snapshot. */
static void take_poll(struct eightbyeight *e, const struct http_result *queues,
		      double now)
{
	char err[200];
	struct snapshot *snap = eightbyeight_parse(
		e->need_agents ? e->agents.data : NULL, e->agents.len,
		queues ? queues->body : NULL, queues ? queues->len : 0,
		e->set, err, sizeof(err));

	if (snap == NULL) {
		session_malformed(&e->s, first_step(e), now, err);
		return;
	}
	session_accept(&e->s, snap);
	session_plan_poll(&e->s, first_step(e), now);
}

/*
 * An answer that is not a 200: wrong credentials need a change of
 * settings; everything else may pass and is retried with backoff.
 */
static void refused(struct eightbyeight *e, const struct http_result *res,
		    int step, double now)
{
	char what[400], full[600];

	if (res->status == 401 || res->status == 403) {
		session_describe(&e->s, res, what, sizeof(what));
		snprintf(full, sizeof(full),
			 "the server refused the tenant and "
			 "API token (%s): check tenant and the token "
			 "(WALLBOARD_API_TOKEN or api_token_file)",
			 what);
		session_fatal(&e->s, step, now, full);
	} else if (res->status == 404) {
		session_describe(&e->s, res, what, sizeof(what));
		snprintf(full, sizeof(full), "%s: is the url (or region) the "
			 "tenant's 8x8 server?", what);
		session_fault(&e->s, step, now, full);
	} else
		session_transport_fault(&e->s, step, now, res);
}

/* The answer to GET agents.json. */
static void on_agents(void *owner, const struct http_result *res, double now)
{
	struct eightbyeight *e = owner;

	if (res->status != 200) {
		refused(e, res, STEP_AGENTS, now);
		return;
	}
	buf_reset(&e->agents);
	buf_append(&e->agents, res->body, res->len);
	if (e->need_queues)
		session_plan(&e->s, STEP_QUEUES, now);
	else
		take_poll(e, NULL, now);
}

/* The answer to GET queues.json. */
static void on_queues(void *owner, const struct http_result *res, double now)
{
	struct eightbyeight *e = owner;

	if (res->status != 200)
		refused(e, res, first_step(e), now);
	else
		take_poll(e, res, now);
}

/* The answer to --list-*'s GET: print the list, or say why not. */
static void on_list(void *owner, const struct http_result *res, double now)
{
	struct eightbyeight *e = owner;
	struct cfg_item *items;
	long n = -1;

	e->list_done = true;
	if (res->status != 200) {
		refused(e, res, STEP_NONE, now);
		e->s.st.fatal = true;
		return;
	}
	n = eightbyeight_parse_list(res->body, res->len, e->list_what, &items);
	if (n < 0) {
		session_say(&e->s, CONN_RETRYING, "the server's list is not a "
			    "list of %s", e->list_what);
		e->s.st.fatal = true;
		return;
	}
	cfg_items_print(e->list_out, items, n);
	cfg_items_free(items, n);
	session_say(&e->s, CONN_CLOSED, "%s", "");
}

/* Start a step of the poll. */
static void run_step(void *owner, int step, double now)
{
	struct eightbyeight *e = owner;

	if (step == STEP_LIST) {
		get(e, strcmp(e->list_what, "services") == 0 ? "queues" :
		    "agents", on_list);
		return;
	}
	if (e->s.st.state == CONN_STARTING)
		session_say(&e->s, CONN_WAITING, "waiting for the first data");
	if (step == first_step(e))
		session_poll_began(&e->s, now);
	if (step == STEP_AGENTS)
		get(e, "agents", on_agents);
	else if (step == STEP_QUEUES)
		get(e, "queues", on_queues);
}

/* Nothing is held on the server: stop at once. */
static void e_release(struct provider *p)
{
	struct eightbyeight *e = (struct eightbyeight *)p;

	session_cancel(&e->s);
	session_plan(&e->s, STEP_NONE, 1e300);
	session_say(&e->s, CONN_CLOSED, "%s", "");
}

static void e_destroy(struct provider *p)
{
	struct eightbyeight *e = (struct eightbyeight *)p;

	session_free(&e->s);
	buf_free(&e->agents);
	free(e->base_url);
	free(e);
}

static const struct provider_ops eightbyeight_ops = {
	"8x8", session_op_pollfds, session_op_next_wake,
	session_op_dispatch, session_op_take, session_op_status,
	e_release, e_destroy
};

/* Check the settings the API needs; the reason in errs when one is missing. */
static bool settings_ok(const struct config *cfg, struct errlist *errs)
{
	const char *u = cfg->url;

	if (u == NULL && e8_settings(cfg)->region != NULL &&
	    eightbyeight_region_url(e8_settings(cfg)->region) == NULL) {
		errlist_add(errs, "unknown 8x8 region \"%s\" (known: na1, na2, "
			    "na3, na4, na7, ca, uk)", e8_settings(cfg)->region);
		return false;
	}
	if (u == NULL)
		u = eightbyeight_region_url(e8_settings(cfg)->region);
	if (u == NULL || (strncmp(u, "http://", 7) != 0 &&
			  strncmp(u, "https://", 8) != 0)) {
		errlist_add(errs,
			    "no server: give --url https://host, or url or "
			    "region (na1 ... na4, na7, ca, uk) in the config");
		return false;
	}
	if (cfg->tenant == NULL || e8_settings(cfg)->api_token == NULL) {
		errlist_add(errs,
			    "no credentials: give --tenant (the tenant name) "
			    "with WALLBOARD_API_TOKEN (or api_token_file)");
		return false;
	}
	return true;
}

/* A provider value for cfg, its first step planned. */
static struct eightbyeight *e_new(const struct config *cfg,
				  const struct layoutset *set)
{
	struct eightbyeight *e = xcalloc(1, sizeof(*e));

	e->set = set;
	session_init(&e->s, &eightbyeight_ops, cfg, e, run_step, NULL);
	e->base_url = base_url(cfg);
	e->s.url = e->base_url;
	buf_init(&e->agents);
	return e;
}

struct provider *eightbyeight_open(const struct config *cfg,
				   const struct layoutset *set,
				   struct errlist *errs)
{
	struct eightbyeight *e;

	if (!settings_ok(cfg, errs))
		return NULL;
	e = e_new(cfg, set);
	eightbyeight_needs(set, &e->need_agents, &e->need_queues);
	if (!e->need_agents && !e->need_queues)
		/* still say whether the server answers */
		e->need_queues = true;
	session_plan(&e->s, first_step(e), now_mono());
	return &e->s.base;
}

char *eightbyeight_plan(const struct config *cfg, const struct layoutset *set)
{
	bool agents, queues;
	struct buf b;

	eightbyeight_needs(set, &agents, &queues);
	buf_init(&b);
	if (agents)
		buf_puts(&b, "GET " API_PATH "/agents.json\n");
	if (queues || !agents)
		buf_puts(&b, "GET " API_PATH "/queues.json\n");
	buf_printf(&b,
		   "every %g s (the server refreshes its figures every 10 s)",
		   cfg->interval);
	return b.data;
}

int eightbyeight_list(const struct config *cfg, const char *what, FILE *out,
		      char *err, size_t errsz)
{
	struct errlist errs = { 0 };
	struct eightbyeight *e;
	int rc = 0;

	if (strcmp(what, "dispositions") == 0) {
		snprintf(err, errsz, "--list-dispositions: the 8x8 API has no "
			 "dispositions");
		return 1;
	}
	if (!settings_ok(cfg, &errs)) {
		snprintf(err, errsz, "%s", errs.msgs[0]);
		errlist_free(&errs);
		return 1;
	}
	e = e_new(cfg, NULL);
	e->list_what = what;
	e->list_out = out;
	session_plan(&e->s, STEP_LIST, now_mono());
	session_run(&e->s, &e->list_done);
	if (!e->list_done || e->s.st.state != CONN_CLOSED) {
		snprintf(err, errsz, "%s",
			 e->s.st.message[0] ? e->s.st.message : "timed out");
		rc = 1;
	}
	e_destroy(&e->s.base);
	return rc;
}

/* The options of this source. */
static const struct option_def options[] = {
	{
		.name = "region",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = offsetof(struct eightbyeight_settings, region),
		.arg = "NAME",
		.help = "the tenant's region instead of --url (na1, na2, na3, "
			"na4, na7, ca, uk)",
	},
	{
		.name = "api_token_file",
		.type = OPT_SECRET,
		.where = OPT_FILE,
		.offset = offsetof(struct eightbyeight_settings, api_token),
		.env = "WALLBOARD_API_TOKEN",
	},
};

const struct source source_8x8 = {
	.name = "8x8",
	.summary = "8x8 Contact Center real-time statistics (--tenant: the "
		   "tenant name; token from $WALLBOARD_API_TOKEN)",
	.catalog = &catalog_8x8,
	.options = options,
	.noptions = WB_ARRAY_LEN(options),
	.settings_size = sizeof(struct eightbyeight_settings),
	.open = eightbyeight_open,
	.plan = eightbyeight_plan,
	.list = eightbyeight_list,
	.demo = &eightbyeight_demo,
	/* "from a server cache that is refreshed every 10 seconds" */
	.interval = 10,
	.interval_why = "its statistics come from a server cache refreshed "
			"every 10 seconds",
};
