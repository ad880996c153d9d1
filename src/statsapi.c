/*
 * statsapi.c - the Bright Pattern Real-Time Statistics API provider.
 *
 * A small state machine over asynchronous HTTP, one request at a time:
 *
 *     LOGIN -> SUBSCRIBE -> POLL, POLL, ... -> RELEASE -> closed
 *
 * LOGIN is OAuth2 client credentials (POST /configapi/v2/oauth/token, then
 * "Authorization: Bearer") when a client secret is configured, else the
 * password login (POST /statsapi/auth, then the session cookies the server
 * sets). Every answer decides the next step and when it runs:
 *
 *   data 200  -> a snapshot; next poll one interval after the last began
 *   data 204  -> still waiting for the first data; poll again
 *   401       -> the token is gone (expired, or another client logged in
 *                as this user): log in again, backing off when it repeats
 *                so two boards sharing a user do not fight in a tight loop
 *   404       -> the subscription is gone: subscribe again
 *   409       -> the tenant's subscription limit: retry with backoff
 *   5xx, timeouts, refused/reset connections, DNS failures
 *             -> exponential backoff to retry_max (config, default 30 s),
 *                with jitter; the board keeps the last
 *                good snapshot and marks it stale
 *   malformed -> counted and reported; the last good snapshot stays
 *
 * OAuth tokens are renewed before expires_in runs out. Secrets are only
 * ever written into request bodies; no message here contains one.
 */
#include "autoconf.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http.h"
#include "sanitize.h"
#include "statsapi.h"
#include "statsapi_parse.h"
#include "subscription.h"

#define BACKOFF_FIRST 1.0	/* seconds before the first retry */
#define SLOW_RETRY 60.0	/* retrying what needs a change of settings */
#define RELOGIN_WINDOW 60.0	/* a 401 this soon after a login backs off */
#define RELOGIN_CAP 300.0
#define TOKEN_MARGIN 0.1	/* renew when this share of the lifetime is left */

enum step { STEP_NONE, STEP_LOGIN, STEP_RESOLVE, STEP_SUBSCRIBE, STEP_POLL,
	    STEP_LIST, STEP_RELEASE };

struct statsapi {
	struct provider base;
	const struct config *cfg;
	const struct layoutset *set;
	struct http *http;
	char *sub_body;		/* the subscription, built once */
	bool need_ids;		/* teams/services to turn into ids first */
	int resolving;		/* 0: teams next, 1: services next, 2: done */
	struct id_map ids[2];	/* teams, services */
	bool oauth;
	char *token;		/* OAuth bearer token */
	double token_expires;	/* now_mono() when it runs out; 0 = never */
	double last_login;
	double relogin_backoff;
	bool subscribed;
	bool releasing;
	struct http_req *inflight;
	enum step inflight_step;
	enum step next;		/* what to do at wake */
	double wake;
	double last_poll;
	double backoff;		/* current fault backoff */
	struct snapshot *pending;
	struct provider_status st;
	struct probe_ref *probes;	/* service availability, asked apart */
	size_t nprobes;
	/* --list-* */
	const char *list_what;
	FILE *list_out;
	bool list_done;
};

static void run_step(struct statsapi *sa, double now);
static void start_probes(struct statsapi *sa);
static void relogin(struct statsapi *sa, double now);

/* Schedule what happens next. */
static void plan(struct statsapi *sa, enum step s, double at)
{
	sa->next = s;
	sa->wake = at;
}

/* Say what is happening in the status line's words. */
static void say(struct statsapi *sa, enum conn_state state, const char *fmt, ...)
	WB_PRINTF(3, 4);
static void say(struct statsapi *sa, enum conn_state state, const char *fmt, ...)
{
	va_list ap;

	sa->st.state = state;
	va_start(ap, fmt);
	vsnprintf(sa->st.message, sizeof(sa->st.message), fmt, ap);
	va_end(ap);
}

/* The next fault backoff, with some jitter so many boards spread out. */
static double next_backoff(struct statsapi *sa)
{
	double b = sa->backoff ? sa->backoff * 2 : BACKOFF_FIRST;
	if (b > sa->cfg->retry_max)
		b = sa->cfg->retry_max;
	sa->backoff = b;
	/* Jitter only shortens the wait, so retry_max holds. */
	return b * (0.8 + 0.2 * ((double)rand() / RAND_MAX));
}

/*
 * A fault that retrying may cure: report it and try step again after the
 * backoff. what is a full sentence fragment such as "server answered 503".
 */
static void fault(struct statsapi *sa, enum step step, double now,
		  const char *what)
{
	double wait = next_backoff(sa);

	sa->st.faults++;
	sa->st.retry_at = now + wait;
	say(sa, CONN_RETRYING, "%s", what);
	plan(sa, step, now + wait);
}

/* A fault that only a change of configuration cures: retry slowly. */
static void fatal(struct statsapi *sa, double now, const char *what)
{
	sa->st.faults++;
	sa->st.fatal = true;
	sa->st.retry_at = now + SLOW_RETRY;
	say(sa, CONN_RETRYING, "%s", what);
	plan(sa, STEP_LOGIN, now + SLOW_RETRY);
}

/* The base URL joined with path. */
static char *url_for(const struct statsapi *sa, const char *path)
{
	const char *base = sa->cfg->url;
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	return xasprintf("%.*s%s", (int)n, base, path);
}

/* True when a transfer failed on the server's certificate or our CA file. */
static bool tls_trust_failure(const struct http_result *res)
{
	return res->curl_code == CURLE_PEER_FAILED_VERIFICATION ||
	       res->curl_code == CURLE_SSL_CACERT_BADFILE ||
	       res->curl_code == CURLE_SSL_CERTPROBLEM ||
	       res->curl_code == CURLE_SSL_ISSUER_ERROR ||
	       res->curl_code == CURLE_SSL_PINNEDPUBKEYNOTMATCH;
}

/* Describe a transport failure or an HTTP status for the status line. */
static void describe(const struct http_result *res, char *out, size_t outsz)
{
	char *msg;

	if (res->too_large)
		snprintf(out, outsz, "the server's answer was larger than max_body");
	else if (tls_trust_failure(res)) {
		char *clean = sanitize_dup(res->error, strlen(res->error));
		snprintf(out, outsz, "the server's certificate is not trusted (%s): "
			 "give its CA with ca_file or --ca-file", clean);
		free(clean);
	} else if (res->status == 0) {
		char *clean = sanitize_dup(res->error ? res->error : "no answer",
					   strlen(res->error ? res->error : "no answer"));
		snprintf(out, outsz, "no answer from the server (%s)", clean);
		free(clean);
	} else if ((msg = statsapi_parse_error(res->body, res->len)) != NULL) {
		snprintf(out, outsz, "server answered %ld: %s", res->status, msg);
		free(msg);
	} else
		snprintf(out, outsz, "server answered %ld", res->status);
}

/*
 * A failed request that retrying may cure: say what happened and try step
 * again after the backoff. An untrusted certificate needs a change of
 * settings, so it is also marked fatal (--once gives up on it).
 */
static void transport_fault(struct statsapi *sa, enum step step, double now,
			    const struct http_result *res)
{
	char what[400];

	describe(res, what, sizeof(what));
	fault(sa, step, now, what);
	if (tls_trust_failure(res))
		sa->st.fatal = true;
}

typedef void (*answer_fn)(struct statsapi *sa, const struct http_result *res,
			  double now);

struct call {
	struct statsapi *sa;
	answer_fn fn;
};

/* Route a finished request to its handler. */
static void on_done(void *ctx, const struct http_result *res)
{
	struct call *c = ctx;
	struct statsapi *sa = c->sa;
	answer_fn fn = c->fn;

	free(c);
	sa->inflight = NULL;
	if (res->cancelled)
		return;
	fn(sa, res, now_mono());
}

/* Send a request with the credentials of the current login. */
static void request(struct statsapi *sa, const char *method, const char *path,
		 const char *body, const char *ctype, answer_fn fn)
{
	const char *headers[4];
	char *auth = NULL, *ct = NULL, *url = url_for(sa, path);
	int n = 0;
	struct call *c = xmalloc(sizeof(*c));

	if (sa->oauth && sa->token)
		headers[n++] = auth = xasprintf("Authorization: Bearer %s", sa->token);
	if (ctype)
		headers[n++] = ct = xasprintf("Content-Type: %s", ctype);
	headers[n++] = "Accept: application/json";
	headers[n] = NULL;
	c->sa = sa;
	c->fn = fn;
	sa->inflight = http_start(sa->http, method, url, headers, body,
				  body ? strlen(body) : 0, on_done, c);
	if (auth) {
		explicit_bzero(auth, strlen(auth));
		free(auth);
	}
	free(ct);
	free(url);
}

/* What comes after a successful login. */
static void after_login(struct statsapi *sa, double now)
{
	sa->last_login = now;
	if (sa->list_what)
		plan(sa, STEP_LIST, now);
	else if (sa->need_ids && sa->resolving < 2)
		plan(sa, STEP_RESOLVE, now);
	else if (sa->subscribed)
		plan(sa, STEP_POLL, sa->last_poll + sa->cfg->interval);
	else
		plan(sa, STEP_SUBSCRIBE, now);
}

/* A login was refused: a fault for the administrator, not the network. */
static void login_refused(struct statsapi *sa, const struct http_result *res,
			  double now)
{
	char what[300];

	if (!sa->oauth && res->status == 403)
		fatal(sa, now, "the server refuses password login (403 illegal login "
		      "attempt): use an API secret (client_id and "
		      "WALLBOARD_CLIENT_SECRET) instead");
	else {
		describe(res, what, sizeof(what));
		char full[400];
		snprintf(full, sizeof(full), "login refused (%s): check %s and tenant",
			 what, sa->oauth ? "client id, client secret" :
			 "user, password");
		fatal(sa, now, full);
	}
}

/* The answer to POST /configapi/v2/oauth/token. */
static void on_oauth(struct statsapi *sa, const struct http_result *res,
		     double now)
{
	double expires = 0;

	if (res->status == 200) {
		char *tok = statsapi_parse_oauth(res->body, res->len, &expires);
		if (tok) {
			free(sa->token);
			sa->token = tok;
			sa->token_expires = expires > 0 ? now + expires : 0;
			sa->st.fatal = false;
			after_login(sa, now);
			return;
		}
		fault(sa, STEP_LOGIN, now, "the token answer had no access_token");
		return;
	}
	if (res->status == 400 || res->status == 401 || res->status == 403) {
		login_refused(sa, res, now);
		return;
	}
	transport_fault(sa, STEP_LOGIN, now, res);
}

/* The answer to POST /statsapi/auth. */
static void on_auth(struct statsapi *sa, const struct http_result *res,
		    double now)
{
	if (res->status == 200) {
		sa->st.fatal = false;
		after_login(sa, now);
		return;
	}
	if (res->status == 401 || res->status == 403) {
		login_refused(sa, res, now);
		return;
	}
	transport_fault(sa, STEP_LOGIN, now, res);
}

/* A URL-encoded copy of s (malloc'd). */
static char *curl_escape_dup(const char *s)
{
	char *e = curl_easy_escape(NULL, s ? s : "", 0);
	char *out = xstrdup(e ? e : "");

	if (e) {
		explicit_bzero(e, strlen(e));
		curl_free(e);
	}
	return out;
}

/* The body of POST /statsapi/auth. */
static void json_login_body(struct buf *b, const char *tenant, const char *user,
			    const char *password)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "tenant_url", tenant ? tenant : "",
			      "username", user ? user : "",
			      "password", password ? password : "");
	char *text = json_dumps(o, JSON_COMPACT);

	buf_puts(b, text);
	explicit_bzero(text, strlen(text));
	free(text);
	json_decref(o);
}

/* Start a login of the configured kind. */
static void do_login(struct statsapi *sa)
{
	const struct config *c = sa->cfg;
	struct buf body;

	say(sa, sa->st.state == CONN_RETRYING ? CONN_RETRYING : CONN_AUTH,
	    "%s", sa->st.state == CONN_RETRYING ? sa->st.message : "logging in");
	http_clear_cookies(sa->http);
	buf_init(&body);
	if (sa->oauth) {
		char *id = curl_escape_dup(c->client_id);
		char *secret = curl_escape_dup(c->client_secret);
		char *scope = curl_escape_dup(c->tenant ? c->tenant : "");
		buf_printf(&body, "grant_type=client_credentials&client_id=%s"
			   "&client_secret=%s&scope=%s", id, secret, scope);
		explicit_bzero(secret, strlen(secret));
		free(id);
		free(secret);
		free(scope);
		request(sa, "POST", "/configapi/v2/oauth/token", body.data,
		     "application/x-www-form-urlencoded", on_oauth);
	} else {
		json_login_body(&body, c->tenant, c->user, c->password);
		request(sa, "POST", "/statsapi/auth", body.data, "application/json",
		     on_auth);
	}
	explicit_bzero(body.data, body.len);
	buf_free(&body);
}

/*
 * The answer to GET /statsapi/cfg/teams or /cfg/services while turning the
 * layouts' names into ids. A list that cannot be had leaves the names as
 * written (the server may take them, or say which it does not know).
 */
static void on_resolve(struct statsapi *sa, const struct http_result *res,
		       double now)
{
	static const char *const what[] = { "teams", "services" };
	struct id_map *m = &sa->ids[sa->resolving];
	struct cfg_item *items;
	long n;

	if (res->status == 401) {
		relogin(sa, now);
		return;
	}
	n = res->status == 200 ?
	    statsapi_parse_list(res->body, res->len, what[sa->resolving], &items) : -1;
	for (long i = 0; i < n; i++) {
		if (items[i].id == NULL)
			continue;
		m->names = xreallocarray(m->names, m->n + 1, sizeof(*m->names));
		m->ids = xreallocarray(m->ids, m->n + 1, sizeof(*m->ids));
		m->names[m->n] = xstrdup(items[i].name);
		m->ids[m->n++] = xstrdup(items[i].id);
	}
	if (n >= 0)
		statsapi_list_free(items, n);
	if (++sa->resolving == 2) {
		free(sa->sub_body);
		sa->sub_body = subscription_build_ids(sa->set, sa->cfg->dialect, 0,
						      &sa->ids[0], &sa->ids[1]);
	}
	after_login(sa, now);
}

/* The grid a 400's message names, as "layout "X", panel "Y"". */
static void name_grid(const struct statsapi *sa, const char *msg, char *out,
		      size_t outsz)
{
	const struct grid_ref *g = subscription_grid_in(sa->set, msg);

	if (g)
		snprintf(out, outsz, " (layout \"%s\" in %s, panel \"%s\")",
			 g->layout->title, g->layout->file, g->panel->id);
	else
		out[0] = '\0';
}

/* A 401 on a request that needed the login: log in again, backing off. */
static void relogin(struct statsapi *sa, double now)
{
	if (now - sa->last_login < RELOGIN_WINDOW) {
		sa->relogin_backoff = sa->relogin_backoff ?
				      sa->relogin_backoff * 2 : 2;
		if (sa->relogin_backoff > RELOGIN_CAP)
			sa->relogin_backoff = RELOGIN_CAP;
	} else
		sa->relogin_backoff = 0;
	free(sa->token);
	sa->token = NULL;
	sa->st.faults++;
	sa->st.retry_at = now + sa->relogin_backoff;
	say(sa, CONN_RETRYING, "the server ended the login (401: another client "
	    "logged in as this user, or the token expired); logging in again%s",
	    sa->relogin_backoff ? " after a pause" : "");
	plan(sa, STEP_LOGIN, now + sa->relogin_backoff);
}

/* The answer to POST /statsapi/subscription. */
static void on_subscribe(struct statsapi *sa, const struct http_result *res,
			 double now)
{
	char where[300], full[700];
	char *msg;

	switch (res->status) {
	case 200:
	case 201:
	case 204:
		sa->subscribed = true;
		sa->backoff = 0;
		say(sa, CONN_WAITING, "waiting for the first data");
		plan(sa, STEP_POLL, now);
		return;
	case 401:
		relogin(sa, now);
		return;
	case 409:
		fault(sa, STEP_SUBSCRIBE, now, "the tenant's subscription limit is "
		      "reached (409): another wallboard must stop first");
		return;
	case 400:
	case 413:
		msg = statsapi_parse_error(res->body, res->len);
		name_grid(sa, msg, where, sizeof(where));
		snprintf(full, sizeof(full), "the server refused the subscription "
			 "(%ld%s%s)%s%s", res->status, msg ? ": " : "",
			 msg ? msg : "", where,
			 where[0] ? "" : ": it may be too large; load fewer layouts");
		free(msg);
		sa->st.fatal = true;
		fault(sa, STEP_SUBSCRIBE, now, full);
		sa->backoff = sa->cfg->retry_max;
		return;
	default:
		transport_fault(sa, STEP_SUBSCRIBE, now, res);
	}
}

/*
 * The answer to GET /statsapi/info/check_available_agents: {"availability":
 * true|false}, sometimes as a one-element list. Anything else leaves the
 * last answer in place.
 */
static void on_probe(void *ctx, const struct http_result *res)
{
	struct probe_ref *pr = ctx;
	json_t *root, *v;

	pr->owner = NULL;	/* no longer in flight */
	if (res->cancelled || res->status != 200)
		return;
	root = json_loadb(res->body, res->len, 0, NULL);
	v = json_object_get(root, "availability");
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_boolean(v))
		pr->value = json_is_true(v) ? "available" : "unavailable";
	json_decref(root);
}

/* Ask, beside the poll, whether each probed service has an agent ready. */
static void start_probes(struct statsapi *sa)
{
	for (size_t i = 0; i < sa->nprobes; i++) {
		struct probe_ref *pr = &sa->probes[i];
		char *svc, *path, *url;
		if (pr->owner)
			continue;	/* the last one is still on its way */
		svc = curl_escape_dup(pr->service);
		path = xasprintf("/statsapi/info/check_available_agents?service=%s", svc);
		url = url_for(sa, path);
		pr->owner = sa;
		http_start(sa->http, "GET", url, NULL, NULL, 0, on_probe, pr);
		free(url);
		free(path);
		free(svc);
	}
}

/*
 * A data body: a new snapshot, or a body refused, counted and reported.
 * A body with parts of the wrong shape is refused whole: showing the parts
 * that parsed would blank panels that still have good, if older, data.
 */
static void take_data(struct statsapi *sa, const struct http_result *res,
		      double now)
{
	char err[200];
	struct snapshot *snap = statsapi_parse_data(res->body, res->len, sa->set,
						    err, sizeof(err));

	if (snap == NULL || err[0]) {
		snapshot_free(snap);
		sa->st.malformed++;
		say(sa, CONN_RETRYING, "the server sent a malformed answer (%s; "
		    "%u so far); keeping the last good data", err, sa->st.malformed);
		return;
	}
	start_probes(sa);
	provider_probes_apply(sa->probes, sa->nprobes, snap);
	snapshot_free(sa->pending);
	sa->pending = snap;
	sa->backoff = 0;
	sa->st.fatal = false;
	say(sa, CONN_LIVE, "%s", "");
}

/* The answer to GET /statsapi/subscription/data. */
static void on_data(struct statsapi *sa, const struct http_result *res,
		    double now)
{

	double next = sa->last_poll + sa->cfg->interval;

	if (next < now)
		next = now;
	switch (res->status) {
	case 200:
		take_data(sa, res, now);
		plan(sa, STEP_POLL, next);
		return;
	case 204:
		say(sa, CONN_WAITING, "waiting for the first data");
		plan(sa, STEP_POLL, next);
		return;
	case 401:
		relogin(sa, now);
		return;
	case 404:
		sa->subscribed = false;
		sa->st.faults++;
		say(sa, CONN_RETRYING, "the server lost the subscription (404); "
		    "subscribing again");
		/* Straight away the first time; a repeat backs off. */
		if (sa->backoff)
			fault(sa, STEP_SUBSCRIBE, now, "the subscription keeps "
			      "disappearing (404)");
		else {
			sa->backoff = BACKOFF_FIRST / 2;
			plan(sa, STEP_SUBSCRIBE, now);
		}
		return;
	default:
		transport_fault(sa, STEP_POLL, now, res);
	}
}

/* The answer to DELETE /statsapi/subscription/active: done either way. */
static void on_release(struct statsapi *sa, const struct http_result *res,
		       double now)
{
	sa->subscribed = false;
	if (res->status == 200 || res->status == 204 || res->status == 404)
		say(sa, CONN_CLOSED, "subscription released");
	else
		say(sa, CONN_CLOSED, "could not release the subscription (%ld)",
		    res->status);
	plan(sa, STEP_NONE, 1e300);
}

/* The answer to GET /statsapi/cfg/<what>: print it. */
static void on_list(struct statsapi *sa, const struct http_result *res,
		    double now)
{
	struct cfg_item *items;
	long n;
	char what[300];

	if (res->status == 401) {
		login_refused(sa, res, now);
		sa->list_done = true;
		return;
	}
	if (res->status != 200) {
		describe(res, what, sizeof(what));
		sa->st.fatal = true;
		say(sa, CONN_RETRYING, "%s", what);
		sa->list_done = true;
		return;
	}
	n = statsapi_parse_list(res->body, res->len, sa->list_what, &items);
	if (n < 0) {
		sa->st.fatal = true;
		say(sa, CONN_RETRYING, "the server's %s list is not a list",
		    sa->list_what);
	} else {
		for (long i = 0; i < n; i++) {
			if (items[i].id)
				fprintf(sa->list_out, "%s\t%s\n", items[i].id,
					items[i].name);
			else
				fprintf(sa->list_out, "%s\n", items[i].name);
		}
		statsapi_list_free(items, n);
		say(sa, CONN_CLOSED, "%s", "");
	}
	sa->list_done = true;
	plan(sa, STEP_NONE, 1e300);
}

/* True when the OAuth token is due for renewal. */
static bool token_due(const struct statsapi *sa, double now)
{
	double life;

	if (!sa->oauth || sa->token_expires == 0)
		return sa->oauth && sa->token == NULL;
	life = sa->token_expires - sa->last_login;
	return now >= sa->token_expires - life * TOKEN_MARGIN;
}

/* Do the planned step. */
static void run_step(struct statsapi *sa, double now)
{
	enum step s = sa->next;

	plan(sa, STEP_NONE, 1e300);
	if (s == STEP_POLL && token_due(sa, now))
		s = STEP_LOGIN;
	sa->inflight_step = s;
	switch (s) {
	case STEP_NONE:
		break;
	case STEP_LOGIN:
		do_login(sa);
		break;
	case STEP_RESOLVE:
		request(sa, "GET", sa->resolving == 0 ? "/statsapi/cfg/teams" :
			"/statsapi/cfg/services", NULL, NULL, on_resolve);
		break;
	case STEP_SUBSCRIBE:
		if (sa->st.state != CONN_RETRYING)
			say(sa, CONN_SUBSCRIBING, "subscribing");
		request(sa, "POST", "/statsapi/subscription", sa->sub_body,
		     "application/json", on_subscribe);
		break;
	case STEP_POLL:
		sa->last_poll = now;
		request(sa, "GET", "/statsapi/subscription/data", NULL, NULL, on_data);
		break;
	case STEP_LIST: {
		char *path = xasprintf("/statsapi/cfg/%s", sa->list_what);
		request(sa, "GET", path, NULL, NULL, on_list);
		free(path);
		break;
	}
	case STEP_RELEASE:
		request(sa, "DELETE", "/statsapi/subscription/active", NULL, NULL,
		     on_release);
		break;
	}
}

static int sa_pollfds(struct provider *p, struct pollfd *fds, int max)
{
	return http_pollfds(((struct statsapi *)p)->http, fds, max);
}

static double sa_next_wake(struct provider *p)
{
	struct statsapi *sa = (struct statsapi *)p;
	double w = http_next_wake(sa->http);

	if (sa->inflight == NULL && sa->wake < w)
		w = sa->wake;
	return w;
}

static void sa_dispatch(struct provider *p, const struct pollfd *fds, int nfds,
			double now)
{
	struct statsapi *sa = (struct statsapi *)p;

	http_dispatch(sa->http, fds, nfds);
	if (sa->inflight == NULL && now_mono() >= sa->wake)
		run_step(sa, now_mono());
}

static struct snapshot *sa_take(struct provider *p)
{
	struct statsapi *sa = (struct statsapi *)p;
	struct snapshot *s = sa->pending;

	sa->pending = NULL;
	return s;
}

static void sa_status(struct provider *p, struct provider_status *st)
{
	*st = ((struct statsapi *)p)->st;
}

/*
 * Give back the subscription. A request in flight is abandoned (its
 * answer no longer matters); without a subscription there is nothing to do.
 */
static void sa_release(struct provider *p)
{
	struct statsapi *sa = (struct statsapi *)p;

	if (sa->releasing)
		return;
	sa->releasing = true;
	if (sa->inflight) {
		/* Its answer no longer matters; a subscribe may have landed. */
		if (sa->inflight_step == STEP_SUBSCRIBE)
			sa->subscribed = true;
		http_cancel(sa->http, sa->inflight);
	}
	if (!sa->subscribed) {
		say(sa, CONN_CLOSED, "%s", "");
		plan(sa, STEP_NONE, 1e300);
		return;
	}
	say(sa, CONN_RELEASING, "releasing the subscription");
	plan(sa, STEP_RELEASE, now_mono());
	run_step(sa, now_mono());
}

static void sa_destroy(struct provider *p)
{
	struct statsapi *sa = (struct statsapi *)p;

	http_free(sa->http);
	snapshot_free(sa->pending);
	if (sa->token) {
		explicit_bzero(sa->token, strlen(sa->token));
		free(sa->token);
	}
	free(sa->sub_body);
	id_map_free(&sa->ids[0]);
	id_map_free(&sa->ids[1]);
	provider_probes_free(sa->probes, sa->nprobes);
	free(sa);
}

static const struct provider_ops statsapi_ops = {
	"brightpattern", sa_pollfds, sa_next_wake, sa_dispatch, sa_take,
	sa_status, sa_release, sa_destroy
};

/* Check the settings a login needs; the reason in errs when one is missing. */
static bool creds_ok(const struct config *cfg, struct errlist *errs)
{
	if (cfg->url == NULL || (strncmp(cfg->url, "http://", 7) != 0 &&
				 strncmp(cfg->url, "https://", 8) != 0)) {
		errlist_add(errs, "no server: give --url http(s)://host or url in the config");
		return false;
	}
	if (cfg->client_secret) {
		if (cfg->client_id == NULL && cfg->user == NULL) {
			errlist_add(errs, "a client secret needs --client-id (the user's login name)");
			return false;
		}
		return true;
	}
	if (cfg->user == NULL || cfg->password == NULL) {
		errlist_add(errs, "no credentials: give --client-id with "
			    "WALLBOARD_CLIENT_SECRET (or client_secret_file), or "
			    "--user with WALLBOARD_PASSWORD (or password_file)");
		return false;
	}
	return true;
}

/* A provider value without a subscription body yet. */
static struct statsapi *sa_new(const struct config *cfg,
			       const struct layoutset *set)
{
	struct statsapi *sa = xcalloc(1, sizeof(*sa));
	struct http_opts o = {
		cfg->connect_timeout, cfg->timeout, cfg->max_body,
		cfg->insecure, cfg->ca_file, cfg->gzip
	};

	sa->base.ops = &statsapi_ops;
	sa->cfg = cfg;
	sa->set = set;
	sa->http = http_new(&o);
	sa->oauth = cfg->client_secret != NULL;
	srand((unsigned)getpid() ^ (unsigned)(now_wall() * 1000));
	say(sa, CONN_STARTING, "connecting");
	plan(sa, STEP_LOGIN, now_mono());
	return sa;
}

struct provider *statsapi_open(const struct config *cfg,
			       const struct layoutset *set,
			       struct errlist *errs)
{
	struct statsapi *sa;

	if (!creds_ok(cfg, errs))
		return NULL;
	sa = sa_new(cfg, set);
	sa->sub_body = subscription_build(set, cfg->dialect, 0);
	sa->need_ids = cfg->dialect == DIALECT_COLLECTION &&
		       subscription_has_selections(set);
	sa->nprobes = provider_probes(set, &sa->probes);
	return &sa->base;
}

int statsapi_list(const struct config *cfg, const char *what, FILE *out,
		  char *err, size_t errsz)
{
	struct errlist errs = { 0 };
	struct statsapi *sa;
	struct pollfd fds[16];
	double deadline = now_mono() + cfg->timeout + cfg->connect_timeout;
	int rc = 0;

	if (!creds_ok(cfg, &errs)) {
		snprintf(err, errsz, "%s", errs.msgs[0]);
		errlist_free(&errs);
		return 1;
	}
	sa = sa_new(cfg, NULL);
	sa->list_what = what;
	sa->list_out = out;
	while (!sa->list_done && sa->st.faults == 0 && now_mono() < deadline) {
		int n = http_pollfds(sa->http, fds, 16);
		double wake = sa_next_wake(&sa->base) - now_mono();
		int ms = wake < 0 ? 0 : wake > 0.5 ? 500 : (int)(wake * 1000);
		if (poll(fds, (nfds_t)n, ms) < 0)
			break;
		sa_dispatch(&sa->base, fds, n, now_mono());
	}
	if (!sa->list_done || sa->st.state != CONN_CLOSED) {
		snprintf(err, errsz, "%s", sa->st.message[0] ? sa->st.message :
			 "timed out");
		rc = 1;
	}
	sa_destroy(&sa->base);
	return rc;
}
