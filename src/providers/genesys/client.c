/*
 * client.c - the Genesys Statistics API v3 as a data source.
 *
 *     LOGIN -> SUBSCRIBE -> POLL, POLL, ... -> RELEASE -> closed
 *
 * LOGIN asks the authentication service for a bearer token (POST
 * /auth/v3/oauth/token, the client's id and secret as Basic credentials,
 * the client credentials grant, or the password grant when a user and
 * password are set). Every request carries the x-api-key header too.
 * SUBSCRIBE opens one subscription for every statistic of every loaded
 * layout (POST /statistics/v3/subscriptions); POLL reads its values (GET
 * .../subscriptions/{id}/statistic-values) once an interval; RELEASE
 * deletes it (DELETE .../subscriptions/{id}) on exit, as the Bright
 * Pattern subscription is. Statistics Stat Server computes when asked
 * (ExpectedWaitTime) are not subscribed but peeked after each poll: one by
 * GET /statistics/v3/statistic-values/{name}, several by POST
 * .../operations/get-statistic-ex; a failed peek leaves the last peeked
 * values in place. The token is renewed before it runs out; a 401
 * logs in again, a 404 on a poll subscribes again, 5xx and timeouts back
 * off, and a body that cannot be read keeps the last good data.
 */
#include "autoconf.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "providers/genesys/client.h"
#include "net/session.h"
#include "options.h"
#include "net/http.h"
#include "net/oauth.h"

#define SUBS_PATH "/statistics/v3/subscriptions"

enum step { STEP_NONE = STEP_IDLE, STEP_LOGIN, STEP_SUBSCRIBE, STEP_POLL,
	    STEP_PEEK, STEP_RELEASE };

struct genesys {
	struct session s;	/* first: its base is the provider */
	const struct config *cfg;
	const struct layoutset *set;
	struct genesys_objects objs;
	char *sub_body;		/* built once */
	char *sub_id;		/* the server's subscription id, or NULL */
	char *peek_body;	/* get-statistic-ex of the peeked statistics, or NULL */
	char *peek_path;	/* statistic-values/{name}?... when there is one */
	struct buf last_peek;	/* the last good peek answer, applied to each poll */
	struct snapshot *held;	/* a poll's snapshot waiting for its peek */
	char *api_key;		/* "x-api-key: ..." header; wiped on free */
	bool releasing;
	bool release_login;	/* a login was tried for the release */
};

/* Send a request with the API key and, once logged in, the token. */
static void request(struct genesys *g, const char *method, const char *path,
		    const char *body, const char *ctype, session_answer_fn fn)
{
	char *bearer = session_bearer(&g->s);
	const char *headers[] = { g->api_key, bearer, NULL };
	struct session_call c = { method, path, headers, body, ctype, NULL, NULL };

	session_request(&g->s, &c, fn);
	secret_free(bearer);
}

/* What comes after a login. */
static void after_login(struct genesys *g, double now)
{
	g->s.last_login = now;
	g->s.st.fatal = false;
	if (g->releasing)
		session_plan(&g->s, g->sub_id ? STEP_RELEASE : STEP_NONE, now);
	else if (g->sub_id)
		session_plan_poll(&g->s, STEP_POLL, now);
	else
		session_plan(&g->s, STEP_SUBSCRIBE, now);
}

/* The answer to POST /auth/v3/oauth/token. */
static void on_token(void *owner, const struct http_result *res, double now)
{
	struct genesys *g = owner;
	char what[400], full[600];
	double expires = 0;
	char *tok;

	if (res->status == 200) {
		/* An RFC 6749 token answer, read as for every OAuth server. */
		tok = oauth_parse_token(res->body, res->len, &expires);
		if (tok == NULL) {
			session_fault(&g->s, STEP_LOGIN, now, "the token answer had "
				      "no access_token");
			return;
		}
		if (!http_value_ok(tok)) {
			secret_free(tok);
			session_fatal(&g->s, STEP_LOGIN, now, TOKEN_REFUSED);
			return;
		}
		session_set_token(&g->s, tok, expires, now);
		after_login(g, now);
		return;
	}
	if (g->releasing) {
		session_describe(&g->s, res, what, sizeof(what));
		session_say(&g->s, CONN_CLOSED, "could not log in to release the "
			    "subscription (%s)", what);
		return;
	}
	if (res->status == 400 || res->status == 401 || res->status == 403) {
		session_describe(&g->s, res, what, sizeof(what));
		snprintf(full, sizeof(full), "login refused (%s): check client_id, "
			 "the client secret%s and the API key", what,
			 g->cfg->user ? ", user, password" : "");
		session_fatal(&g->s, STEP_LOGIN, now, full);
		return;
	}
	session_transport_fault(&g->s, STEP_LOGIN, now, res);
}

/* Start a login: client credentials, or the password grant. */
static void do_login(struct genesys *g)
{
	const struct config *c = g->cfg;
	const char *headers[] = { g->api_key, NULL };
	struct session_call sc = {
		"POST", "/auth/v3/oauth/token", headers, NULL,
		"application/x-www-form-urlencoded", c->client_id,
		c->client_secret
	};
	struct buf body;

	buf_init(&body);
	if (c->user && c->password) {
		char *u = url_escape(c->user), *p = url_escape(c->password);
		buf_printf(&body, "grant_type=password&username=%s&password=%s", u, p);
		free(u);
		secret_free(p);
	} else
		buf_puts(&body, "grant_type=client_credentials");
	session_progress(&g->s, CONN_AUTH, "logging in");
	/* The client's id and secret as Basic credentials, as RFC 6749 says. */
	sc.body = body.data;
	session_request(&g->s, &sc, on_token);
	explicit_bzero(body.data, body.len);
	buf_free(&body);
}

/* Offer the held snapshot with the last peeked values in it. */
static void offer_held(struct genesys *g)
{
	char err[200];

	if (g->held == NULL)
		return;
	if (g->last_peek.len > 0)
		genesys_parse_peeked(g->last_peek.data, g->last_peek.len, g->set,
				     &g->objs, g->held, err, sizeof(err));
	session_accept(&g->s, g->held);
	g->held = NULL;
}

/*
 * A snapshot from a body holding data.statistics, then the peek or the
 * next poll; or a refusal counted, and the poll retried after the backoff.
 */
static void take_values(struct genesys *g, const struct http_result *res,
			double now)
{
	char err[200];
	struct snapshot *snap = genesys_parse_values(res->body, res->len, g->set,
						     &g->objs, err, sizeof(err));

	if (snap == NULL) {
		session_malformed(&g->s, STEP_POLL, now, err);
		return;
	}
	snapshot_free(g->held);
	g->held = snap;
	if (g->peek_body != NULL) {
		session_plan(&g->s, STEP_PEEK, now);
		return;
	}
	offer_held(g);
	session_plan_poll(&g->s, STEP_POLL, now);
}

/* The answer to a peek: keep it when good, then offer the poll's snapshot. */
static void on_peek(void *owner, const struct http_result *res, double now)
{
	struct genesys *g = owner;
	char err[200];
	struct snapshot *probe = snapshot_new(g->set);

	/* Only an answer that reads is kept: a fault keeps the last one. */
	if (res->status == 200 &&
	    genesys_parse_peeked(res->body, res->len, g->set, &g->objs, probe,
				 err, sizeof(err))) {
		buf_reset(&g->last_peek);
		buf_append(&g->last_peek, res->body, res->len);
	}
	snapshot_free(probe);
	offer_held(g);
	session_plan_poll(&g->s, STEP_POLL, now);
}

/* The answer to POST /statistics/v3/subscriptions. */
static void on_subscribe(void *owner, const struct http_result *res, double now)
{
	struct genesys *g = owner;
	char what[400], full[600];

	if (res->status == 200 || res->status == 201) {
		free(g->sub_id);
		g->sub_id = genesys_parse_subscription_id(res->body, res->len);
		if (g->releasing) {
			/* Quitting while it was on its way: delete what it made. */
			session_plan(&g->s, g->sub_id ? STEP_RELEASE : STEP_NONE, now);
			if (g->sub_id == NULL)
				session_say(&g->s, CONN_CLOSED, "%s", "");
			return;
		}
		if (g->sub_id == NULL) {
			session_malformed(&g->s, STEP_SUBSCRIBE, now,
					  "no subscriptionId");
			return;
		}
		session_progress(&g->s, CONN_WAITING, "waiting for the first data");
		session_plan(&g->s, STEP_POLL, now);
		return;
	}
	if (g->releasing) {
		session_say(&g->s, CONN_CLOSED, "%s", "");
		return;
	}
	if (res->status == 401) {
		session_relogin(&g->s, STEP_LOGIN, now, "the server ended the "
				"login (401: the token expired or was revoked)");
		return;
	}
	if (res->status == 400 || res->status == 403) {
		session_describe(&g->s, res, what, sizeof(what));
		snprintf(full, sizeof(full), "the server refused the subscription "
			 "(%s)%s", what, res->status == 403 ?
			 ": check the API key and the client's rights" :
			 ": check the statistic names and objects");
		session_fatal(&g->s, STEP_SUBSCRIBE, now, full);
		return;
	}
	session_transport_fault(&g->s, STEP_SUBSCRIBE, now, res);
}

/* The answer to GET .../statistic-values. */
static void on_values(void *owner, const struct http_result *res, double now)
{
	struct genesys *g = owner;

	switch (res->status) {
	case 200:
		take_values(g, res, now);
		return;
	case 401:
		session_relogin(&g->s, STEP_LOGIN, now, "the server ended the "
				"login (401: the token expired or was revoked)");
		return;
	case 404:
		free(g->sub_id);
		g->sub_id = NULL;
		session_fault(&g->s, STEP_SUBSCRIBE, now, "the server lost the "
			      "subscription (404)");
		return;
	default:
		session_transport_fault(&g->s, STEP_POLL, now, res);
	}
}

/*
 * The answer to DELETE .../subscriptions/{id}: done either way, but for a
 * 401 the first time (the token ended meanwhile): a new token, and again.
 */
static void on_release(void *owner, const struct http_result *res, double now)
{
	struct genesys *g = owner;

	if (res->status == 401 && !g->release_login) {
		g->release_login = true;
		session_set_token(&g->s, NULL, 0, now);
		session_plan(&g->s, STEP_LOGIN, now);
		return;
	}
	free(g->sub_id);
	g->sub_id = NULL;
	if (res->status == 200 || res->status == 204 || res->status == 404)
		session_say(&g->s, CONN_CLOSED, "subscription released");
	else
		session_say(&g->s, CONN_CLOSED, "could not release the "
			    "subscription (%ld)", res->status);
}

/* Do the planned step. */
static void run_step(void *owner, int step, double now)
{
	struct genesys *g = owner;
	char *path;

	if (step == STEP_POLL && session_token_due(&g->s, now))
		step = STEP_LOGIN;
	g->s.inflight_step = step;
	switch (step) {
	case STEP_LOGIN:
		do_login(g);
		break;
	case STEP_SUBSCRIBE:
		session_progress(&g->s, CONN_SUBSCRIBING, "subscribing");
		request(g, "POST", SUBS_PATH "?verbose=OFF", g->sub_body,
			"application/json", on_subscribe);
		break;
	case STEP_POLL:
		session_poll_began(&g->s, now);
		path = xasprintf(SUBS_PATH "/%s/statistic-values?verbose=OFF",
				 g->sub_id);
		request(g, "GET", path, NULL, NULL, on_values);
		free(path);
		break;
	case STEP_PEEK:
		if (g->peek_path)
			request(g, "GET", g->peek_path, NULL, NULL, on_peek);
		else
			request(g, "POST", "/statistics/v3/operations/"
				"get-statistic-ex", g->peek_body,
				"application/json", on_peek);
		break;
	case STEP_RELEASE:
		path = xasprintf(SUBS_PATH "/%s", g->sub_id);
		request(g, "DELETE", path, NULL, NULL, on_release);
		free(path);
		break;
	}
}

/*
 * Delete the subscription. A subscribe on its way is let finish (its
 * answer has the id to delete); any other request in flight is abandoned.
 * Without a token (it ran out, or a 401 ended it) a new one comes first.
 */
static void g_release(struct provider *p)
{
	struct genesys *g = (struct genesys *)p;

	if (g->releasing)
		return;
	g->releasing = true;
	g->s.releasing = true;
	if (g->s.inflight && g->s.inflight_step == STEP_SUBSCRIBE) {
		session_say(&g->s, CONN_RELEASING, "releasing the subscription");
		return;
	}
	session_cancel(&g->s);
	if (g->sub_id == NULL) {
		session_plan(&g->s, STEP_NONE, 1e300);
		session_say(&g->s, CONN_CLOSED, "%s", "");
		return;
	}
	if (session_token_due(&g->s, now_mono())) {
		g->release_login = true;
		session_release(&g->s, STEP_LOGIN);
	} else
		session_release(&g->s, STEP_RELEASE);
}

static void g_destroy(struct provider *p)
{
	struct genesys *g = (struct genesys *)p;

	session_free(&g->s);
	secret_free(g->api_key);
	free(g->sub_body);
	free(g->sub_id);
	free(g->peek_body);
	free(g->peek_path);
	buf_free(&g->last_peek);
	snapshot_free(g->held);
	free(g);
}

static const struct provider_ops genesys_ops = {
	"genesys", session_op_pollfds, session_op_next_wake,
	session_op_dispatch, session_op_take, session_op_status,
	g_release, g_destroy
};

bool genesys_objects_from(const struct config *cfg, const struct layoutset *set,
			  struct genesys_objects *o, struct errlist *errs)
{
	size_t before = errs->n;

	memset(o, 0, sizeof(*o));
	const struct genesys_settings *gs = cfg->source;

	o->agents = gs->agents;
	o->nagents = gs->nagents;
	o->queues = gs->queues;
	o->nqueues = gs->nqueues;
	o->tenant = cfg->tenant ? cfg->tenant : "Environment";
	for (size_t i = 0; i < set->ngrids; i++) {
		const struct grid_ref *gr = &set->grids[i];
		if (gr->panel->kind == PANEL_AGENT_GRID && o->nagents == 0)
			errlist_add(errs, "%s:%d: agent grid \"%s\": the Statistics "
				    "API has no list of agents; name them with "
				    "agents = {\"id\", ...} in the config",
				    gr->layout->file, gr->panel->line, gr->panel->id);
		if (gr->panel->kind == PANEL_SERVICE_GRID &&
		    gr->panel->nservices == 0 && o->nqueues == 0)
			errlist_add(errs, "%s:%d: service grid \"%s\": name its "
				    "queues with services = {...} in the panel or "
				    "queues = {...} in the config",
				    gr->layout->file, gr->panel->line, gr->panel->id);
	}
	return errs->n == before;
}

char *genesys_plan(const struct config *cfg, const struct layoutset *set)
{
	struct genesys_objects o;
	struct errlist errs = { 0 };
	char *body, *peek, *out;

	genesys_objects_from(cfg, set, &o, &errs);
	errlist_free(&errs);
	body = genesys_subscription_build(set, &o, "wallboard-check", NULL);
	peek = genesys_peek_build(set, &o, NULL);
	if (peek == NULL)
		return body;
	out = xasprintf("%s\n%s", body, peek);
	free(body);
	free(peek);
	return out;
}

/*
 * The GET statistic-values/{name}?objectId=&objectType= path of a peek
 * body asking one statistic (malloc'd).
 */
static char *peek_path(const char *peek_body)
{
	json_t *root = json_loads(peek_body, 0, NULL);
	json_t *st = json_array_get(json_object_get(json_object_get(root, "data"),
						    "statistics"), 0);
	char *name = url_escape(json_string_value(json_object_get(st, "name")));
	char *oid = url_escape(json_string_value(json_object_get(st, "objectId")));
	char *type = url_escape(json_string_value(json_object_get(st, "objectType")));
	char *path = xasprintf("/statistics/v3/statistic-values/%s?objectId=%s"
			       "&objectType=%s", name, oid, type);

	free(name);
	free(oid);
	free(type);
	json_decref(root);
	return path;
}

/* Check the settings a login needs; the reason in errs when one is missing. */
static bool settings_ok(const struct config *cfg, struct errlist *errs)
{
	if (cfg->url == NULL || (strncmp(cfg->url, "http://", 7) != 0 &&
				 strncmp(cfg->url, "https://", 8) != 0)) {
		errlist_add(errs, "no server: give --url https://host (the API "
			    "gateway) or url in the config");
		return false;
	}
	if (((const struct genesys_settings *)cfg->source)->api_key == NULL || cfg->client_id == NULL ||
	    (cfg->client_secret == NULL && cfg->password == NULL)) {
		errlist_add(errs, "no credentials: give WALLBOARD_API_KEY (or "
			    "api_key_file) and --client-id with "
			    "WALLBOARD_CLIENT_SECRET (or client_secret_file), or "
			    "also --user with WALLBOARD_PASSWORD for the password "
			    "grant");
		return false;
	}
	return true;
}

struct provider *genesys_open(const struct config *cfg,
			      const struct layoutset *set,
			      struct errlist *errs)
{
	struct genesys *g;
	struct genesys_objects o;
	char opid[64];
	size_t n;

	if (!settings_ok(cfg, errs) || !genesys_objects_from(cfg, set, &o, errs))
		return NULL;
	g = xcalloc(1, sizeof(*g));
	g->cfg = cfg;
	g->set = set;
	g->objs = o;
	session_init(&g->s, &genesys_ops, cfg, g, run_step,
		     genesys_parse_error);
	g->api_key = xasprintf("x-api-key: %s", ((const struct genesys_settings *)cfg->source)->api_key);
	snprintf(opid, sizeof(opid), "wallboard-%ld-%ld", (long)getpid(),
		 (long)now_wall());
	g->sub_body = genesys_subscription_build(set, &g->objs, opid, &n);
	g->peek_body = genesys_peek_build(set, &g->objs, &n);
	if (n == 1)
		g->peek_path = peek_path(g->peek_body);
	buf_init(&g->last_peek);
	session_plan(&g->s, STEP_LOGIN, now_mono());
	return &g->s.base;
}

/* The options of this source. */
static const struct option_def options[] = {
	{
		.name = "api_key_file",
		.type = OPT_SECRET,
		.where = OPT_FILE,
		.offset = offsetof(struct genesys_settings, api_key),
		.env = "WALLBOARD_API_KEY",
	},
	{
		.name = "agents",
		.type = OPT_LIST,
		.where = OPT_FILE,
		.offset = offsetof(struct genesys_settings, agents),
		.count_offset = offsetof(struct genesys_settings, nagents),
	},
	{
		.name = "queues",
		.type = OPT_LIST,
		.where = OPT_FILE,
		.offset = offsetof(struct genesys_settings, queues),
		.count_offset = offsetof(struct genesys_settings, nqueues),
	},
};

const struct source source_genesys = {
	.name = "genesys",
	.summary = "Genesys Statistics API v3 (--url, --client-id; API key "
		   "from $WALLBOARD_API_KEY; agents and queues in the config)",
	.catalog = &catalog_genesys,
	.options = options,
	.noptions = WB_ARRAY_LEN(options),
	.settings_size = sizeof(struct genesys_settings),
	.open = genesys_open,
	.plan = genesys_plan,
	.no_lists = "name agents and queues in the config",
	.demo = &genesys_demo,
};
