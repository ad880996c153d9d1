/*
 * client.c - the Genesys Statistics API v3 as a data source.
 *
 *     [LOGIN ->] SUBSCRIBE -> POLL, POLL, ... -> RELEASE -> closed
 *
 * Every request carries the x-api-key header, the one credential the
 * reference documents. When a client id is configured, LOGIN first asks
 * the authentication service for a bearer token too (POST
 * /auth/v3/oauth/token, the client's id and secret as Basic credentials,
 * the client credentials grant, or the password grant when a user and
 * password are set), and the statistics requests carry it; without one
 * the API key alone is sent. A 401 or 403 says which of the two the
 * server refused (genesys_auth_refused()).
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
 *
 * A statistic the server refuses does not stop the board. An error of an
 * answer that names one (refusal.c) is remembered for as long as the
 * provider lives, which is as long as its layouts: its cells show
 * "unavailable" and the reason is a note of every snapshot (the server
 * may say it only once, in its answer to the subscription). A
 * subscription refused as a whole (400) for statistics its answer names
 * is made again at once without them, by name: a whole subscription is
 * refused for a statistic the deployment cannot open at all, where one
 * object's trouble comes as an error entry of an accepted answer. Each
 * such round must name a statistic not refused before, so there are no
 * more rounds than statistic names in the layouts, and never more than
 * REFUSAL_ROUNDS: a server that keeps refusing cannot make the board
 * loop. A refusal naming nothing of ours stops as before, with the
 * server's words. A peek answered 400 or 404 for a peeked statistic
 * refuses it the same way, and later peeks leave it out.
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
/* Subscriptions refused for a statistic and made again without it, at most. */
#define REFUSAL_ROUNDS 10
/* Secrets a server's words are scrubbed of: the config's, and the token. */
#define MAX_SECRETS 8

enum step { STEP_NONE = STEP_IDLE, STEP_LOGIN, STEP_SUBSCRIBE, STEP_POLL,
	    STEP_PEEK, STEP_RELEASE };

struct genesys {
	struct session s;	/* first: its base is the provider */
	const struct config *cfg;
	const struct layoutset *set;
	struct genesys_objects objs;
	char *sub_body;		/* without what is refused by name */
	char *sub_id;		/* the server's subscription id, or NULL */
	/* get-statistic-ex of the peeked statistics, or NULL */
	char *peek_body;
	/* statistic-values/{name}?... when there is one */
	char *peek_path;
	/* the last good peek answer, applied to each poll */
	struct buf last_peek;
	struct snapshot *held;	/* a poll's snapshot waiting for its peek */
	char *api_key;		/* "x-api-key: ..." header; wiped on free */
	bool oauth;		/* a client id is set: a bearer token too */
	bool releasing;
	bool release_login;	/* a login was tried for the release */
	char opid[64];		/* the operationId of our subscriptions */
	struct genesys_refusals refused;	/* what the server refused */
	/* subscriptions made again without one */
	unsigned refusal_rounds;
	/* why the next subscription is made again, or "" */
	char again[300];
	const char *secrets[MAX_SECRETS];	/* refused.secrets */
};

/* Send a request with the API key and, once logged in, the token. */
static void request(struct genesys *g, const char *method, const char *path,
		    const char *body, const char *ctype, session_answer_fn fn)
{
	char *bearer = session_bearer(&g->s);
	const char *headers[] = { g->api_key, bearer, NULL };
	struct session_call c = {
		method, path, headers, body, ctype, NULL, NULL
	};

	session_request(&g->s, &c, fn);
	secret_free(bearer);
}

/*
 * Which credential a 401 or 403 answer to what (the login, the
 * subscription, the statistics) refused, said in so many words; then
 * only new settings help (a token the server refused: a new login).
 */
static void auth_refused(struct genesys *g, int step,
			 const struct http_result *res, bool token_request,
			 const char *what, double now)
{
	bool with_token = g->oauth && !token_request && g->s.token != NULL;
	char said[400], full[700];

	session_describe(&g->s, res, said, sizeof(said));
	switch (genesys_auth_refused(res->status, res->body, res->len,
				     token_request, with_token)) {
	case GENESYS_REFUSED_TOKEN:
		if (res->status == 401) {
			snprintf(full, sizeof(full),
				 "the server ended the login: it refused the "
				 "OAuth token (%s); logging in again",
				 said);
			session_relogin(&g->s, STEP_LOGIN, now, full);
			return;
		}
		snprintf(full, sizeof(full),
			 "the server refused the OAuth token "
			 "(%s): check the rights of the OAuth client",
			 said);
		break;
	case GENESYS_REFUSED_CLIENT:
		snprintf(full, sizeof(full),
			 "the authentication service refused "
			 "the client credentials (%s): check --client-id and "
			 "the client secret%s",
			 said,
			 g->cfg->user ? ", the user and the password" : "");
		break;
	case GENESYS_REFUSED_OTHER:
		snprintf(full, sizeof(full), "the server refused %s (%s)", what,
			 said);
		break;
	case GENESYS_REFUSED_KEY:
	default:
		snprintf(full, sizeof(full), "the server refused the API key "
			 "(%s): check WALLBOARD_API_KEY or api_key_file", said);
		break;
	}
	session_fatal(&g->s, step, now, full);
}

/*
 * Point refused.secrets at what a server's words must never repeat: the
 * config's secrets and the token now held. Before each answer is read.
 */
static void scrub_setup(struct genesys *g)
{
	size_t n = config_secrets(g->cfg, g->secrets, MAX_SECRETS - 1);

	g->secrets[n++] = g->s.token;
	g->refused.secrets = g->secrets;
	g->refused.nsecrets = n;
}

/* The subscription body without what is refused; how many statistics. */
static size_t build_subscription(struct genesys *g)
{
	size_t n;

	free(g->sub_body);
	g->sub_body = genesys_subscription_build(g->set, &g->objs, &g->refused,
						 g->opid, &n);
	return n;
}

/*
 * The GET statistic-values/{name}?objectId=&objectType= path of a peek
 * body asking one statistic (malloc'd).
 */
static char *peek_path(const char *peek_body)
{
	json_t *root = json_loads(peek_body, 0, NULL);
	json_t *st = json_array_get(
		json_object_get(json_object_get(root, "data"), "statistics"),
		0);
	char *name = url_escape(json_string_value(json_object_get(st, "name")));
	char *oid =
		url_escape(json_string_value(json_object_get(st, "objectId")));
	char *type = url_escape(
		json_string_value(json_object_get(st, "objectType")));
	char *path = xasprintf("/statistics/v3/statistic-values/%s?objectId=%s"
			       "&objectType=%s", name, oid, type);

	free(name);
	free(oid);
	free(type);
	json_decref(root);
	return path;
}

/* The peek (a body, or a path for one statistic) without what is refused. */
static void build_peek(struct genesys *g)
{
	size_t n;

	free(g->peek_body);
	free(g->peek_path);
	g->peek_path = NULL;
	g->peek_body = genesys_peek_build(g->set, &g->objs, &g->refused, &n);
	if (n == 1)
		g->peek_path = peek_path(g->peek_body);
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
	char what[400];
	double expires = 0;
	char *tok;

	if (res->status == 200) {
		/* An RFC 6749 token answer, read as for every OAuth server. */
		tok = oauth_parse_token(res->body, res->len, &expires);
		if (tok == NULL) {
			session_fault(&g->s, STEP_LOGIN, now,
				      "the token answer had no access_token");
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
		session_say(&g->s, CONN_CLOSED,
			    "could not log in to release the subscription (%s)",
			    what);
		return;
	}
	if (res->status == 400 || res->status == 401 || res->status == 403) {
		auth_refused(g, STEP_LOGIN, res, true, "the login", now);
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
		buf_printf(&body, "grant_type=password&username=%s&password=%s",
			   u, p);
		free(u);
		secret_free(p);
	} else
		buf_puts(&body, "grant_type=client_credentials");
	session_progress(&g->s, CONN_AUTH, "logging in");
	/*
	 * The client's id and secret as Basic credentials, as RFC 6749 says.
	 */
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
		genesys_parse_peeked(g->last_peek.data, g->last_peek.len,
				     g->set, &g->objs, g->held, &g->refused,
				     err, sizeof(err));
	genesys_refusals_mark(g->held, g->set, &g->objs, &g->refused);
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
	struct snapshot *snap;

	scrub_setup(g);
	snap = genesys_parse_values(res->body, res->len, g->set, &g->objs,
				    &g->refused, err, sizeof(err));

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

/*
 * The answer to a peek: keep it when good, then offer the poll's snapshot.
 * A 400 or 404 that names peeked statistics refuses them, and the next
 * peeks leave them out (the last peek answer with them goes too).
 */
static void on_peek(void *owner, const struct http_result *res, double now)
{
	struct genesys *g = owner;
	char err[200];
	struct snapshot *probe = snapshot_new(g->set);

	scrub_setup(g);
	/* Only an answer that reads is kept: a fault keeps the last one. */
	if (res->status == 200 &&
	    genesys_parse_peeked(res->body, res->len, g->set, &g->objs, probe,
				 &g->refused, err, sizeof(err))) {
		buf_reset(&g->last_peek);
		buf_append(&g->last_peek, res->body, res->len);
	} else if ((res->status == 400 || res->status == 404) &&
		   genesys_parse_refusal(res->body, res->len, g->set, &g->objs,
					 true, &g->refused) > 0) {
		buf_reset(&g->last_peek);
		build_peek(g);
	}
	snapshot_free(probe);
	offer_held(g);
	session_plan_poll(&g->s, STEP_POLL, now);
}

/*
 * A subscription refused (400) for statistics its answer names: they are
 * refused by name, and the subscription is made again at once without
 * them. False when the answer names none not refused before, or after
 * REFUSAL_ROUNDS such rounds: the refusal is then the subscription's.
 */
static bool subscribe_without(struct genesys *g, const struct http_result *res,
			      double now)
{
	char full[600];
	size_t n;
	const struct genesys_refusal *last;

	if (g->refusal_rounds >= REFUSAL_ROUNDS)
		return false;
	scrub_setup(g);
	n = genesys_parse_refusal(res->body, res->len, g->set, &g->objs, false,
				  &g->refused);
	if (n == 0)
		return false;
	g->refusal_rounds++;
	last = &g->refused.v[g->refused.n - 1];
	if (build_subscription(g) == 0) {
		snprintf(full, sizeof(full),
			 "the server refused every statistic "
			 "of the subscription (the last, \"%s\": %s)",
			 last->name, last->reason);
		session_fatal(&g->s, STEP_SUBSCRIBE, now, full);
		return true;
	}
	snprintf(g->again, sizeof(g->again), "subscribing again without "
		 "\"%s\"%s, which the server refused", last->name,
		 n > 1 ? " and others" : "");
	session_plan(&g->s, STEP_SUBSCRIBE, now);
	return true;
}

/* The answer to POST /statistics/v3/subscriptions. */
static void on_subscribe(void *owner, const struct http_result *res, double now)
{
	struct genesys *g = owner;
	char what[400], full[600];

	if (res->status == 200 || res->status == 201) {
		free(g->sub_id);
		g->sub_id = genesys_parse_subscription_id(res->body, res->len);
		scrub_setup(g);
		genesys_parse_errors(res->body, res->len, g->set, &g->objs,
				     &g->refused);
		if (g->releasing) {
			/*
			 * Quitting while it was on its way: delete what it
			 * made.
			 */
			session_plan(&g->s,
				     g->sub_id ? STEP_RELEASE : STEP_NONE, now);
			if (g->sub_id == NULL)
				session_say(&g->s, CONN_CLOSED, "%s", "");
			return;
		}
		if (g->sub_id == NULL) {
			session_malformed(&g->s, STEP_SUBSCRIBE, now,
					  "no subscriptionId");
			return;
		}
		session_progress(&g->s, CONN_WAITING,
				 "waiting for the first data");
		session_plan(&g->s, STEP_POLL, now);
		return;
	}
	if (g->releasing) {
		session_say(&g->s, CONN_CLOSED, "%s", "");
		return;
	}
	if (res->status == 401 || res->status == 403) {
		auth_refused(g, STEP_SUBSCRIBE, res, false, "the subscription",
			     now);
		return;
	}
	if (res->status != 400) {
		session_transport_fault(&g->s, STEP_SUBSCRIBE, now, res);
		return;
	}
	if (subscribe_without(g, res, now))
		return;
	session_describe(&g->s, res, what, sizeof(what));
	snprintf(full, sizeof(full),
		 "the server refused the subscription (%s): "
		 "check the statistic names and objects",
		 what);
	session_fatal(&g->s, STEP_SUBSCRIBE, now, full);
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
	case 403:
		auth_refused(g, STEP_POLL, res, false, "the statistics", now);
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

	if (res->status == 401 && g->oauth && !g->release_login) {
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

	if (step == STEP_POLL && g->oauth && session_token_due(&g->s, now))
		step = STEP_LOGIN;
	g->s.inflight_step = step;
	switch (step) {
	case STEP_LOGIN:
		do_login(g);
		break;
	case STEP_SUBSCRIBE:
		session_progress(&g->s, CONN_SUBSCRIBING,
				 g->again[0] ? g->again : "subscribing");
		g->again[0] = '\0';
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
		session_say(&g->s, CONN_RELEASING,
			    "releasing the subscription");
		return;
	}
	session_cancel(&g->s);
	if (g->sub_id == NULL) {
		session_plan(&g->s, STEP_NONE, 1e300);
		session_say(&g->s, CONN_CLOSED, "%s", "");
		return;
	}
	if (g->oauth && session_token_due(&g->s, now_mono())) {
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
	genesys_refusals_free(&g->refused);
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
			errlist_add(errs,
				    "%s:%d: agent grid \"%s\": the Statistics "
				    "API has no list of agents; name them with "
				    "agents = {\"id\", ...} in the config",
				    gr->layout->file, gr->panel->line,
				    gr->panel->id);
		if (gr->panel->kind == PANEL_SERVICE_GRID &&
		    gr->panel->nservices == 0 && o->nqueues == 0)
			errlist_add(
				errs,
				"%s:%d: service grid \"%s\": name its "
				"queues with services = {...} in the panel or "
				"queues = {...} in the config",
				gr->layout->file, gr->panel->line,
				gr->panel->id);
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
	body = genesys_subscription_build(set, &o, NULL, "wallboard-check",
					  NULL);
	peek = genesys_peek_build(set, &o, NULL, NULL);
	if (peek == NULL)
		return body;
	out = xasprintf("%s\n%s", body, peek);
	free(body);
	free(peek);
	return out;
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
	if (((const struct genesys_settings *)cfg->source)->api_key == NULL) {
		errlist_add(
			errs,
			"no credentials: give WALLBOARD_API_KEY (or "
			"api_key_file); with an OAuth client also --client-id "
			"with WALLBOARD_CLIENT_SECRET (or client_secret_file), "
			"or also --user with WALLBOARD_PASSWORD for the "
			"password grant");
		return false;
	}
	if (cfg->client_id == NULL && cfg->user != NULL) {
		errlist_add(errs,
			    "--user needs --client-id: the password grant "
			    "logs in through an OAuth client (or give neither: "
			    "the API key alone is enough)");
		return false;
	}
	if (cfg->client_id != NULL && cfg->client_secret == NULL &&
	    cfg->password == NULL) {
		errlist_add(errs,
			    "--client-id needs WALLBOARD_CLIENT_SECRET (or "
			    "client_secret_file), or --user with "
			    "WALLBOARD_PASSWORD for the password grant");
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

	if (!settings_ok(cfg, errs) ||
	    !genesys_objects_from(cfg, set, &o, errs))
		return NULL;
	g = xcalloc(1, sizeof(*g));
	g->cfg = cfg;
	g->set = set;
	g->objs = o;
	session_init(&g->s, &genesys_ops, cfg, g, run_step,
		     genesys_parse_error);
	g->api_key = xasprintf(
		"x-api-key: %s",
		((const struct genesys_settings *)cfg->source)->api_key);
	g->oauth = cfg->client_id != NULL;
	snprintf(g->opid, sizeof(g->opid), "wallboard-%ld-%ld", (long)getpid(),
		 (long)now_wall());
	build_subscription(g);
	build_peek(g);
	buf_init(&g->last_peek);
	session_plan(&g->s, g->oauth ? STEP_LOGIN : STEP_SUBSCRIBE, now_mono());
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
	.summary = "Genesys Statistics API v3 (--url; API key from "
		   "$WALLBOARD_API_KEY, with --client-id an OAuth token too; "
		   "agents and queues in the config)",
	.catalog = &catalog_genesys,
	.options = options,
	.noptions = WB_ARRAY_LEN(options),
	.settings_size = sizeof(struct genesys_settings),
	.open = genesys_open,
	.plan = genesys_plan,
	.no_lists = "name agents and queues in the config",
	.demo = &genesys_demo,
};
