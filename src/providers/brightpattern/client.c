/*
 * client.c - the Bright Pattern Real-Time Statistics API as a data source.
 *
 * A small state machine over asynchronous HTTP, one request at a time:
 *
 *     LOGIN [-> RESOLVE] -> SUBSCRIBE -> POLL, POLL, ... -> RELEASE -> closed
 *
 * LOGIN is OAuth2 client credentials (POST /configapi/v2/oauth/token, then
 * "Authorization: Bearer") when a client secret is configured, else the
 * password login (POST /statsapi/auth, then its token as the cookies the
 * text describes, kept in the cookie store beside the server's own). RESOLVE
 * turns team and service names into ids for the collection dialect; it and
 * --list-* are lists.c's. How a panel's selection is applied is selection.c's
 * plan, made once here. Every answer decides the next step and when it runs:
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
 * ever written into request bodies, the Bearer header and the cookie
 * store; no message here contains one.
 */
#include "autoconf.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/http.h"
#include "sanitize.h"
#include "providers/brightpattern/client_internal.h"
#include "providers/brightpattern/parse.h"
#include "net/oauth.h"

#include "options.h"

/*
 * The cookies of the password login, as the text writes them by hand
 * (Authenticate: "Cookie:X-STATSAPI-TOKEN=...; X-STATSAPI-TENANT=...;
 * X-STATSAPI-LOGIN=..."): their names come from the text, so no
 * Set-Cookie needs reading.
 */
#define COOKIE_TOKEN "X-STATSAPI-TOKEN"
#define COOKIE_TENANT "X-STATSAPI-TENANT"
#define COOKIE_LOGIN "X-STATSAPI-LOGIN"

/* Why a login token a cookie cannot carry is refused. */
#define COOKIE_REFUSED "the server's login token holds characters a " \
	"cookie cannot carry (a quote, comma, semicolon or backslash): refused"

static void start_probes(struct brightpattern *sa);

enum api_dialect bp_dialect(const struct config *cfg)
{
	return ((const struct brightpattern_settings *)cfg->source)->dialect;
}

/*
 * True when v can be a cookie's value as it is: visible ASCII but for the
 * quote, comma, semicolon and backslash (RFC 6265's cookie-octet).
 */
static bool cookie_value_ok(const char *v)
{
	return v != NULL && v[0] != '\0' && http_value_ok(v) &&
	       strpbrk(v, "\",;\\") == NULL;
}

/*
 * The cookies of a password login, in the cookie store beside the
 * server's own (a load balancer's or a session's cookie goes back as a
 * browser sends it): the token, and the tenant and login name as the
 * text shows them (each only when a cookie can carry it as it is; the
 * token alone is the login). False when the store takes none.
 */
static bool login_cookies(struct brightpattern *sa, const char *token)
{
	const struct config *c = sa->cfg;
	struct http *h = sa->s.http;

	if (!http_set_cookie(h, c->url, COOKIE_TOKEN, token))
		return false;
	if (cookie_value_ok(c->tenant))
		http_set_cookie(h, c->url, COOKIE_TENANT, c->tenant);
	if (cookie_value_ok(c->user))
		http_set_cookie(h, c->url, COOKIE_LOGIN, c->user);
	return true;
}

void bp_request(struct brightpattern *sa, const char *method, const char *path,
		const char *body, const char *ctype, session_answer_fn fn)
{
	char *auth = sa->oauth ? session_bearer(&sa->s) : NULL;
	const char *headers[] = { auth, NULL };

	struct session_call c = {
		method, path, headers, body, ctype, NULL, NULL
	};

	session_request(&sa->s, &c, fn);
	secret_free(auth);
}

void bp_after_login(struct brightpattern *sa, double now)
{
	int list = bp_list_next(sa);

	sa->s.last_login = now;
	sa->login_lost = false;
	if (sa->releasing)
		session_plan(&sa->s, STEP_RELEASE, now);
	else if (list != STEP_NONE)
		session_plan(&sa->s, list, now);
	else if (sa->need_ids && sa->resolving < 2)
		session_plan(&sa->s, STEP_RESOLVE, now);
	else if (sa->subscribed)
		session_plan_poll(&sa->s, STEP_POLL, now);
	else
		session_plan(&sa->s, STEP_SUBSCRIBE, now);
}

/* A login was refused: a fault for the administrator, not the network. */
static void login_refused(struct brightpattern *sa,
			  const struct http_result *res, double now)
{
	char what[300];

	if (sa->releasing) {
		session_describe(&sa->s, res, what, sizeof(what));
		session_say(&sa->s, CONN_CLOSED, "could not log in to release "
			    "the subscription (%s)", what);
		session_plan(&sa->s, STEP_NONE, 1e300);
		return;
	}

	if (!sa->oauth && res->status == 403)
		session_fatal(
			&sa->s, STEP_LOGIN, now,
			"the server refuses password login (403 illegal login "
			"attempt): use an API secret (client_id and "
			"WALLBOARD_CLIENT_SECRET) instead");
	else {
		session_describe(&sa->s, res, what, sizeof(what));
		char full[400];
		snprintf(full, sizeof(full),
			 "login refused (%s): check %s and tenant", what,
			 sa->oauth ? "client id, client secret"
				   : "user, password");
		session_fatal(&sa->s, STEP_LOGIN, now, full);
	}
}

/* The answer to POST /configapi/v2/oauth/token. */
static void on_oauth(void *owner, const struct http_result *res,
		double now)
{
	struct brightpattern *sa = owner;
	double expires = 0;

	if (res->status == 200) {
		char *tok = oauth_parse_token(res->body, res->len, &expires);
		if (tok && !http_value_ok(tok)) {
			secret_free(tok);
			session_fatal(&sa->s, STEP_LOGIN, now, TOKEN_REFUSED);
			return;
		}
		if (tok) {
			session_set_token(&sa->s, tok, expires, now);
			sa->s.st.fatal = false;
			bp_after_login(sa, now);
			return;
		}
		session_fault(&sa->s, STEP_LOGIN, now,
			      "the token answer had no access_token");
		return;
	}
	if (res->status == 400 || res->status == 401 || res->status == 403) {
		login_refused(sa, res, now);
		return;
	}
	session_transport_fault(&sa->s, STEP_LOGIN, now, res);
}

/*
 * The answer to POST /statsapi/auth: {"token": ...}, which "has the same
 * value that is set in the server cookie" and is sent as the text's
 * Cookie header from now on. An answer without one leaves the cookies
 * the server set, if any, to the cookie store.
 */
static void on_auth(void *owner, const struct http_result *res,
		double now)
{
	struct brightpattern *sa = owner;
	char *tok;

	if (res->status == 200) {
		tok = brightpattern_parse_token(res->body, res->len);
		if (tok && !cookie_value_ok(tok)) {
			session_fatal(&sa->s, STEP_LOGIN, now,
				      http_value_ok(tok) ? COOKIE_REFUSED :
				      TOKEN_REFUSED);
			secret_free(tok);
			return;
		}
		if (tok && !login_cookies(sa, tok)) {
			session_fatal(&sa->s, STEP_LOGIN, now,
				      "the login token cannot be kept as a "
				      "cookie for the server's URL");
			secret_free(tok);
			return;
		}
		secret_free(tok);
		sa->s.st.fatal = false;
		bp_after_login(sa, now);
		return;
	}
	if (res->status == 401 || res->status == 403) {
		login_refused(sa, res, now);
		return;
	}
	session_transport_fault(&sa->s, STEP_LOGIN, now, res);
}

/* The body of POST /statsapi/auth. */
static void json_login_body(struct buf *b, const char *tenant, const char *user,
			    const char *password)
{
	json_t *o =
		json_pack("{s:s, s:s, s:s}", "tenant_url", tenant ? tenant : "",
			  "username", user ? user : "", "password",
			  password ? password : "");
	char *text = json_dumps(o, JSON_COMPACT);

	buf_puts(b, text);
	secret_free(text);
	json_decref(o);
}

/* Start a login of the configured kind. */
static void do_login(struct brightpattern *sa)
{
	const struct config *c = sa->cfg;
	struct buf body;

	session_progress(&sa->s, CONN_AUTH, "logging in");
	http_clear_cookies(sa->s.http);
	buf_init(&body);
	if (sa->oauth) {
		char *id = url_escape(c->client_id);
		char *secret = url_escape(c->client_secret);
		char *scope = url_escape(c->tenant ? c->tenant : "");
		buf_printf(&body, "grant_type=client_credentials&client_id=%s"
			   "&client_secret=%s&scope=%s", id, secret, scope);
		free(id);
		secret_free(secret);
		free(scope);
		bp_request(sa, "POST", "/configapi/v2/oauth/token", body.data,
		     "application/x-www-form-urlencoded", on_oauth);
	} else {
		json_login_body(&body, c->tenant, c->user, c->password);
		bp_request(sa, "POST", "/statsapi/auth", body.data,
			   "application/json", on_auth);
	}
	explicit_bzero(body.data, body.len);
	buf_free(&body);
}

/* The grid a 400's message names, as "layout "X", panel "Y"". */
static void name_grid(const struct brightpattern *sa, const char *msg,
		      char *out, size_t outsz)
{
	const struct grid_ref *g =
		brightpattern_subscription_grid_in(sa->set, msg);

	if (g)
		snprintf(out, outsz, " (layout \"%s\" in %s, panel \"%s\")",
			 g->layout->title, g->layout->file, g->panel->id);
	else
		out[0] = '\0';
}

void bp_relogin(struct brightpattern *sa, double now)
{
	sa->login_lost = true;
	session_relogin(&sa->s, STEP_LOGIN, now, "the server ended the login "
			"(401: another client logged in as this user, or the "
			"token expired)");
}

/* The answer to POST /statsapi/subscription. */
static void on_subscribe(void *owner, const struct http_result *res,
		double now)
{
	struct brightpattern *sa = owner;
	char where[300], full[700];
	char *msg;

	if (sa->releasing) {
		/*
		 * Quitting while it was on its way: give back what it made, and
		 * what it may have made when no answer came (DELETE .../active
		 * needs no id; a 404 then says there was none).
		 */
		sa->subscribed = (res->status >= 200 && res->status < 300) ||
				 res->status == 0;
		session_plan(&sa->s, sa->subscribed ? STEP_RELEASE : STEP_NONE,
			     now);
		if (!sa->subscribed)
			session_say(&sa->s, CONN_CLOSED, "%s", "");
		return;
	}
	switch (res->status) {
	case 200:
	case 201:
	case 204:
		sa->subscribed = true;
		session_progress(&sa->s, CONN_WAITING,
				 "waiting for the first data");
		session_plan(&sa->s, STEP_POLL, now);
		return;
	case 401:
		bp_relogin(sa, now);
		return;
	case 409:
		session_fault(
			&sa->s, STEP_SUBSCRIBE, now,
			"the tenant's subscription limit is "
			"reached (409): another wallboard must stop first");
		return;
	case 400:
	case 413:
		msg = brightpattern_parse_error(res->body, res->len);
		name_grid(sa, msg, where, sizeof(where));
		snprintf(full, sizeof(full),
			 "the server refused the subscription (%ld%s%s)%s%s",
			 res->status, msg ? ": " : "", msg ? msg : "", where,
			 where[0] ? ""
			 : bp_dialect(sa->cfg) == DIALECT_COLLECTION
				 ? ": it may not take api_dialect = "
				   "collection, or be "
				   "too large (load fewer layouts)"
				 : ": it may be too large; load fewer layouts");
		free(msg);
		session_fatal(&sa->s, STEP_SUBSCRIBE, now, full);
		return;
	default:
		session_transport_fault(&sa->s, STEP_SUBSCRIBE, now, res);
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
	const char *word;

	pr->req = NULL;		/* no longer on its way */
	if (res->cancelled)
		return;
	pr->tried = true;
	if (res->status != 200)
		return;
	if ((word = brightpattern_probe_answer(res->body, res->len)) != NULL)
		pr->value = word;
}

/*
 * Ask, beside the poll, whether each probed service has an agent ready.
 * A probe has a short timeout of its own (it shares the connection with
 * the polls), and whatever is still on its way when the next poll or the
 * release starts is cancelled: a probe never holds up either.
 */
static void start_probes(struct brightpattern *sa)
{
	double timeout = sa->cfg->interval < sa->cfg->timeout ?
			 sa->cfg->interval : sa->cfg->timeout;

	for (size_t i = 0; i < sa->nprobes; i++) {
		struct probe_ref *pr = &sa->probes[i];
		char *svc, *path, *url;
		if (pr->req)
			continue;	/* the last one is still on its way */
		svc = url_escape(pr->service);
		path = xasprintf(
			"/statsapi/info/check_available_agents?service=%s",
			svc);
		url = session_url(&sa->s, path);
		struct http_call hc = {
			"GET", url, NULL, NULL, 0, NULL, NULL,
			timeout > 0.5 ? timeout : 0.5
		};
		pr->req = http_start(sa->s.http, &hc, on_probe, pr);
		free(url);
		free(path);
		free(svc);
	}
}

/* Cancel every probe still on its way. */
static void cancel_probes(struct brightpattern *sa)
{
	for (size_t i = 0; i < sa->nprobes; i++)
		if (sa->probes[i].req)
			http_cancel(sa->s.http, sa->probes[i].req);
}

/*
 * A data body: a new snapshot, or a body refused, counted and reported.
 * A body with parts of the wrong shape is refused whole: showing the parts
 * that parsed would blank panels that still have good, if older, data.
 */
static void take_data(struct brightpattern *sa, const struct http_result *res,
		      double now)
{
	char err[200];
	struct snapshot *snap = brightpattern_parse_data(
		res->body, res->len, sa->set, sa->sel, err, sizeof(err));

	if (snap == NULL || err[0]) {
		snapshot_free(snap);
		session_malformed(&sa->s, STEP_POLL, now, err);
		return;
	}
	start_probes(sa);
	brightpattern_probes_apply(sa->probes, sa->nprobes, snap);
	session_accept(&sa->s, snap);
	/* The probes' first answers come with the next poll's data. */
	sa->s.st.partial = false;
	for (size_t i = 0; i < sa->nprobes; i++)
		if (!sa->probes[i].tried)
			sa->s.st.partial = true;
	session_plan_poll(&sa->s, STEP_POLL, now);
}

bool bp_data_pending(struct brightpattern *sa, const struct http_result *res,
		     enum step poll, double now)
{
	switch (res->status) {
	case 204:
		session_progress(&sa->s, CONN_WAITING,
				 "waiting for the first data");
		session_plan_poll(&sa->s, poll, now);
		return true;
	case 401:
		bp_relogin(sa, now);
		return true;
	default:
		return false;
	}
}

/* The answer to GET /statsapi/subscription/data. */
static void on_data(void *owner, const struct http_result *res,
		double now)
{
	struct brightpattern *sa = owner;

	if (bp_data_pending(sa, res, STEP_POLL, now))
		return;
	switch (res->status) {
	case 200:
		take_data(sa, res, now);
		return;
	case 404:
		/*
		 * Backs off like any fault: a server that keeps losing it is
		 * not stormed.
		 */
		sa->subscribed = false;
		session_fault(&sa->s, STEP_SUBSCRIBE, now,
			      "the server lost the subscription (404)");
		return;
	default:
		session_transport_fault(&sa->s, STEP_POLL, now, res);
	}
}

/*
 * The answer to DELETE /statsapi/subscription/active: done either way,
 * but for a 401 the first time (the login ended meanwhile): log in once
 * more and ask again, within the release's time.
 */
static void on_release(void *owner, const struct http_result *res,
		double now)
{
	struct brightpattern *sa = owner;

	if (res->status == 401 && !sa->release_login) {
		sa->release_login = true;
		session_plan(&sa->s, STEP_LOGIN, now);
		return;
	}
	sa->subscribed = false;
	if (res->status == 200 || res->status == 204 || res->status == 404)
		session_say(&sa->s, CONN_CLOSED, "subscription released");
	else
		session_say(&sa->s, CONN_CLOSED,
			    "could not release the subscription (%ld)",
			    res->status);
	session_plan(&sa->s, STEP_NONE, 1e300);
	if (sa->list_what)
		bp_list_released(sa, now);
}

/* Do the planned step. */
static void run_step(void *owner, int step, double now)
{
	struct brightpattern *sa = owner;
	enum step s = step;

	if (s == STEP_POLL && sa->oauth && session_token_due(&sa->s, now))
		s = STEP_LOGIN;
	sa->s.inflight_step = s;
	switch (s) {
	case STEP_NONE:
		break;
	case STEP_LOGIN:
		do_login(sa);
		break;
	case STEP_RESOLVE:
		bp_resolve_step(sa);
		break;
	case STEP_SUBSCRIBE:
		session_progress(&sa->s, CONN_SUBSCRIBING, "subscribing");
		bp_request(sa, "POST", "/statsapi/subscription", sa->sub_body,
		     "application/json", on_subscribe);
		break;
	case STEP_POLL:
		cancel_probes(sa);
		session_poll_began(&sa->s, now);
		bp_request(sa, "GET", "/statsapi/subscription/data", NULL, NULL,
			   on_data);
		break;
	case STEP_LIST:
	case STEP_LIST_SUBSCRIBE:
	case STEP_LIST_POLL:
		bp_list_step(sa, s);
		break;
	case STEP_RELEASE:
		cancel_probes(sa);
		bp_request(sa, "DELETE", "/statsapi/subscription/active", NULL,
			   NULL, on_release);
		break;
	}
}

/*
 * Give back the subscription. A subscribe on its way is let finish (a
 * DELETE sent beside it could reach the server first, and the subscription
 * made after it would stay); any other request in flight is abandoned.
 * Without a subscription there is nothing to do. When the login was ended
 * (a 401, a token run out), the release logs in again first: a DELETE
 * without a login would leave the subscription on the server.
 */
static void sa_release(struct provider *p)
{
	struct brightpattern *sa = (struct brightpattern *)p;

	if (sa->releasing)
		return;
	sa->releasing = true;
	sa->s.releasing = true;
	cancel_probes(sa);
	if (sa->s.inflight && sa->s.inflight_step == STEP_SUBSCRIBE) {
		session_say(&sa->s, CONN_RELEASING,
			    "releasing the subscription");
		return;
	}
	session_cancel(&sa->s);
	if (!sa->subscribed) {
		session_say(&sa->s, CONN_CLOSED, "%s", "");
		session_plan(&sa->s, STEP_NONE, 1e300);
		return;
	}
	if (sa->login_lost ||
	    (sa->oauth && session_token_due(&sa->s, now_mono()))) {
		sa->release_login = true;
		session_release(&sa->s, STEP_LOGIN);
	} else
		session_release(&sa->s, STEP_RELEASE);
}

static void sa_destroy(struct provider *p)
{
	struct brightpattern *sa = (struct brightpattern *)p;

	session_free(&sa->s);
	free(sa->sub_body);
	brightpattern_selection_free(sa->sel);
	id_map_free(&sa->ids[0]);
	id_map_free(&sa->ids[1]);
	free(sa->why_ids[0]);
	free(sa->why_ids[1]);
	bp_list_free(sa);
	brightpattern_probes_free(sa->probes, sa->nprobes);
	free(sa);
}

static const struct provider_ops brightpattern_ops = {
	"brightpattern", session_op_pollfds, session_op_next_wake,
	session_op_dispatch, session_op_take,
	session_op_status, sa_release, sa_destroy
};

/*
 * Check the credentials a login needs; the reason in errs when one is missing.
 */
static bool secret_ok(const struct config *cfg, struct errlist *errs)
{
	if (cfg->client_secret) {
		if (cfg->client_id == NULL && cfg->user == NULL) {
			errlist_add(errs, "a client secret needs --client-id "
					  "(the user's login name)");
			return false;
		}
		return true;
	}
	if (cfg->user == NULL || cfg->password == NULL) {
		errlist_add(
			errs,
			"no credentials: give --client-id with "
			"WALLBOARD_CLIENT_SECRET (or client_secret_file), or "
			"--user with WALLBOARD_PASSWORD (or password_file)");
		return false;
	}
	return true;
}

/*
 * Check the settings a login needs; every reason in errs when some are
 * missing. Both logins name the tenant (tenant_url, the OAuth scope): an
 * empty one would only be refused by the server as a bad password.
 */
static bool creds_ok(const struct config *cfg, struct errlist *errs)
{
	bool ok = true;

	if (cfg->url == NULL || (strncmp(cfg->url, "http://", 7) != 0 &&
				 strncmp(cfg->url, "https://", 8) != 0)) {
		errlist_add(errs, "no server: give --url http(s)://host or url "
			    "in the config");
		return false;
	}
	if (cfg->tenant == NULL || cfg->tenant[0] == '\0') {
		errlist_add(errs,
			    "no tenant: give --tenant NAME (tenant in the "
			    "config), the tenant URL such as "
			    "yourcompany.brightpattern.com");
		ok = false;
	}
	return secret_ok(cfg, errs) && ok;
}

/* A provider value without a subscription body yet. */
static struct brightpattern *sa_new(const struct config *cfg,
			       const struct layoutset *set)
{
	struct brightpattern *sa = xcalloc(1, sizeof(*sa));

	sa->cfg = cfg;
	sa->set = set;
	session_init(&sa->s, &brightpattern_ops, cfg, sa, run_step,
		     brightpattern_parse_error);
	sa->oauth = cfg->client_secret != NULL;
	session_plan(&sa->s, STEP_LOGIN, now_mono());
	return sa;
}

struct provider *brightpattern_open(const struct config *cfg,
			       const struct layoutset *set,
			       struct errlist *errs)
{
	struct brightpattern *sa;

	if (!creds_ok(cfg, errs))
		return NULL;
	sa = sa_new(cfg, set);
	sa->sel = brightpattern_selection_plan(set, bp_dialect(cfg));
	sa->sub_body =
		brightpattern_subscription_write(set, sa->sel, 0, NULL, NULL);
	sa->need_ids = bp_dialect(cfg) == DIALECT_COLLECTION &&
		       brightpattern_subscription_has_selections(set);
	sa->nprobes = brightpattern_probes(set, &sa->probes);
	return &sa->s.base;
}

/*
 * Say which panels' selections the board cannot apply, or only in part,
 * before the subscription they map to.
 */
char *brightpattern_plan(const struct config *cfg, const struct layoutset *set)
{
	struct selection *sel =
		brightpattern_selection_plan(set, bp_dialect(cfg));
	char *text = brightpattern_subscription_write(set, sel, 2, NULL, NULL);

	brightpattern_selection_warn(sel, set);
	brightpattern_selection_free(sel);
	return text;
}

int brightpattern_list(const struct config *cfg, const char *what, FILE *out,
		  char *err, size_t errsz)
{
	struct errlist errs = { 0 };
	struct brightpattern *sa;
	int rc = 0;

	if (!creds_ok(cfg, &errs)) {
		snprintf(err, errsz, "%s", errs.msgs[0]);
		errlist_free(&errs);
		return 1;
	}
	sa = sa_new(cfg, NULL);
	sa->list_out = out;
	bp_list_open(sa, what);
	session_run(&sa->s, &sa->list_done);
	if (!sa->list_done)
		bp_list_finish(sa);
	if (!sa->list_done || sa->s.st.state != CONN_CLOSED) {
		snprintf(err, errsz, "%s",
			 sa->s.st.message[0] ? sa->s.st.message : "timed out");
		rc = 1;
	}
	sa_destroy(&sa->s.base);
	return rc;
}

static const char *const dialects[] = { "documented", "collection", NULL };

/* The options of this source. */
static const struct option_def options[] = {
	{
		.name = "api_dialect",
		.type = OPT_CHOICE,
		.where = OPT_BOTH,
		.offset = offsetof(struct brightpattern_settings, dialect),
		.def = "documented",
		.choices = dialects,
		.arg = "D",
		.help = "subscription dialect: documented (default) or "
			"collection",
	},
};

const struct source source_brightpattern = {
	.name = "brightpattern",
	.summary = "Bright Pattern Real-Time Statistics API (--url, --tenant, "
		   "--client-id or --user)",
	.catalog = &catalog_brightpattern,
	.options = options,
	.noptions = WB_ARRAY_LEN(options),
	.settings_size = sizeof(struct brightpattern_settings),
	.open = brightpattern_open,
	.plan = brightpattern_plan,
	.list = brightpattern_list,
	.demo = &brightpattern_demo,
};
