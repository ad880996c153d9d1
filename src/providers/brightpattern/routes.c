/*
 * routes.c - wallboard-sim --api brightpattern: the simulated contact
 * centre as a Bright Pattern real-time statistics server (the statsapi).
 * Both logins (the password login with its cookies, and OAuth2 client
 * credentials), subscriptions in both dialects, data (204 until the first
 * data is ready), the configuration lists and service availability.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <microhttpd.h>

#include "providers/brightpattern/view.h"
#include "sim/server.h"

/* An OAuth error answer: {"error": ..., "error_description": ...}. */
static void reply_oauth_error(struct reply *rp, int status, const char *error,
			      const char *desc)
{
	reply_json(rp, status, json_pack("{s:s, s:s}", "error", error,
					 "error_description", desc));
}

/*
 * The Set-Cookie headers of a password login: none with no_cookie, on
 * cookie_path when set (a proxy that moved them: they never come back).
 */
static void login_cookies(struct reply *rp, const struct user *u)
{
	const char *path = server.f.cookie_path[0] ? server.f.cookie_path : "/";

	if (server.f.no_cookie)
		return;
	rp->cookies[0] = xasprintf("X-STATSAPI-TOKEN=%s; Path=%s; HttpOnly",
				   u->token, path);
	rp->cookies[1] = xasprintf("X-STATSAPI-TENANT=%s; Path=%s",
				   server.tenant, path);
	rp->cookies[2] =
		xasprintf("X-STATSAPI-LOGIN=%s; Path=%s", u->name, path);
	rp->cookies[3] = xasprintf("JSESSIONID=%s; Path=%s; HttpOnly",
				   u->session, path);
	rp->ncookies = 4;
}

/* POST /statsapi/auth {tenant_url, username, password}. */
static void h_auth(struct request *rq, struct reply *rp)
{
	json_t *j;
	const char *tenant, *name, *pw;
	struct user *u;

	if (server.set.legacy_forbidden) {
		reply_json(
			rp, 403,
			json_pack("{s:s}", "error", "illegal login attempt"));
		return;
	}
	j = json_loadb(rq->body.data, rq->body.len, 0, NULL);
	tenant = json_str(j, "tenant_url");
	name = json_str(j, "username");
	pw = json_str(j, "password");
	if (tenant == NULL || name == NULL || pw == NULL) {
		reply_error(rp, 400, 1,
			    "expected {\"tenant_url\", \"username\", "
			    "\"password\"}");
	} else if (!tenant_matches(tenant) || (u = user_find(name)) == NULL ||
		   strcmp(pw, server.password) != 0) {
		reply_error(rp, 401, 401, "Unauthorized");
	} else {
		token_issue(u, false);
		token_new(u->session, true);
		u->session[32] = '\0';
		server.logins++;
		reply_json(
			rp, 200,
			json_pack("{s:s, s:[sss], s:s}", "token", u->token,
				  "privileges", "PUSH_PULL_GLOBAL_WALLBOARDS",
				  "CUSTOMIZE_WALLBOARDS",
				  "SYS_USE_AGENT_SEAT_MAPS", "user_id", u->id));
		login_cookies(rp, u);
	}
	json_decref(j);
}

/* The checks of an OAuth token request: an error reply, or the user. */
static struct user *oauth_check(struct request *form, struct reply *rp)
{
	char *grant = form_get(form, "grant_type"),
	     *id = form_get(form, "client_id");
	char *secret = form_get(form, "client_secret"),
	     *scope = form_get(form, "scope");
	struct user *u = id ? user_find(id) : NULL;

	if (grant == NULL || strcmp(grant, "client_credentials") != 0)
		reply_oauth_error(rp, 400, "unsupported_grant_type",
				  "grant_type must be client_credentials");
	else if (id == NULL || secret == NULL || scope == NULL)
		reply_oauth_error(
			rp, 400, "invalid_request",
			"client_id, client_secret and scope are required");
	else if (u == NULL || strcmp(secret, server.secret) != 0)
		reply_oauth_error(rp, 401, "invalid_client",
				  "bad client credentials");
	else if (!tenant_matches(scope))
		reply_oauth_error(rp, 400, "invalid_scope", "unknown tenant");
	if (rp->status != 0)	/* an error was set (a fresh reply has none) */
		u = NULL;
	free(grant);
	free(id);
	free(secret);
	free(scope);
	return u;
}

/* POST /configapi/v2/oauth/token, client credentials (urlencoded). */
static void h_oauth(struct request *rq, struct reply *rp)
{
	struct user *u = oauth_check(rq, rp);
	char ttl[32];

	if (u == NULL)
		return;
	token_issue(u, true);
	snprintf(ttl, sizeof(ttl), "%.0f", server.set.token_ttl);
	reply_json(rp, 200,
		   json_pack("{s:s, s:s, s:s, s:s}", "access_token", u->token,
			     "token_type", "Bearer", "expires_in", ttl, "scope",
			     server.tenant));
}

/* POST /statsapi/subscription: one active per user, a cap per tenant. */
static void h_subscribe(struct request *rq, struct reply *rp)
{
	char err[512];
	struct sim_sub *sub;

	brightpattern_view_limits(server.sim, server.set.max_columns,
				  server.set.max_grids);
	if (server.f.documented_only &&
	    !brightpattern_view_documented(rq->body.data, rq->body.len, err,
					   sizeof(err))) {
		reply_error(rp, 400, 1, err);
		return;
	}
	sub = brightpattern_view_subscribe(server.sim, rq->body.data,
					   rq->body.len, err, sizeof(err));

	if (sub == NULL) {
		reply_error(rp, 400, 1, err);
		return;
	}
	if (active_subs(rq->user) + 1 > server.set.max_subs) {
		brightpattern_view_free(sub);
		reply_error(rp, 409, 409,
			    "limit of active subscriptions exceeded for "
			    "tenant");
		return;
	}
	brightpattern_view_free(rq->user->sub);
	rq->user->sub = sub;
	rq->user->polls = 0;
	server.subs_created++;
	reply_text(rp, 200, NULL, NULL);
}

/* GET /statsapi/subscription/data: 204 while the first data is not ready. */
static void h_data(struct request *rq, struct reply *rp)
{
	struct user *u = rq->user;

	if (u->sub == NULL) {
		reply_error(rp, 404, 404, "There is no active subscription");
		return;
	}
	if (u->polls < server.set.first_data_delay) {
		u->polls++;
		reply_text(rp, 204, NULL, NULL);
		return;
	}
	sim_advance(server.sim, now_mono());
	reply_text(rp, 200,
		   data_fault(brightpattern_view_data(server.sim, u->sub)),
		   "application/json");
}

/* DELETE /statsapi/subscription/active. */
static void h_delete(struct request *rq, struct reply *rp)
{
	if (rq->user->sub == NULL) {
		reply_error(rp, 404, 404, "There is no active subscription");
		return;
	}
	brightpattern_view_free(rq->user->sub);
	rq->user->sub = NULL;
	server.subs_deleted++;
	reply_text(rp, 200, NULL, NULL);
}

/*
 * GET /statsapi/cfg/<what>. The text documents teams and dispositions
 * only: with documented_only, services and agents are unknown paths.
 */
static void h_cfg(struct request *rq, struct reply *rp)
{
	const char *what = strrchr(rq->path, '/') + 1;

	if (server.f.documented_only && (strcmp(what, "services") == 0 ||
					   strcmp(what, "agents") == 0)) {
		reply_error(rp, 404, 404, "not found");
		return;
	}

	sim_advance(server.sim, now_mono());
	reply_text(rp, 200, brightpattern_view_cfg(server.sim, what),
		   "application/json");
}

/* GET /statsapi/info/check_available_agents?service=NAME (no login). */
static void h_available(struct request *rq, struct reply *rp)
{
	const char *svc = MHD_lookup_connection_value(
		rq->conn, MHD_GET_ARGUMENT_KIND, "service");
	int ok;

	if (svc == NULL) {
		reply_error(rp, 400, 1, "the service parameter is required");
		return;
	}
	sim_advance(server.sim, now_mono());
	ok = brightpattern_view_available(server.sim, svc);
	if (ok < 0)
		reply_error(rp, 404, 404, "unknown service");
	else
		reply_json(rp, 200, json_pack("{s:b}", "availability", ok > 0));
}

/* --- routing ------------------------------------------------------------ */

static const struct route statsapi_routes[] = {
	{ "POST", "/statsapi/auth", h_auth, OPEN, false },
	{ "POST", "/configapi/v2/oauth/token", h_oauth, OPEN, false },
	{ "POST", "/statsapi/subscription", h_subscribe, TOKEN, false },
	{ "GET", "/statsapi/subscription/data", h_data, TOKEN, false },
	{ "DELETE", "/statsapi/subscription/active", h_delete, TOKEN, false },
	{ "GET", "/statsapi/cfg/dispositions", h_cfg, TOKEN, false },
	{ "GET", "/statsapi/cfg/teams", h_cfg, TOKEN, false },
	{ "GET", "/statsapi/cfg/services", h_cfg, TOKEN, false },
	{ "GET", "/statsapi/cfg/agents", h_cfg, TOKEN, false },
	{ "GET", "/statsapi/info/check_available_agents", h_available, OPEN,
	  false },
};

static const char *const statsapi_prefixes[] = {
	"/statsapi/", "/configapi/", NULL
};

/* The statsapi's error answer: {"error_code": N, "error_message": "..."}. */
static void statsapi_error(struct reply *rp, int status, const char *msg)
{
	reply_error(rp, status, status, msg);
}

/* The cookie names of a request's Cookie headers, while they are counted. */
struct cookie_names {
	char names[128][64];
	size_t n;
	bool repeated;
};

/* One header (MHD's iterator): note the names of a Cookie header. */
static mhd_result note_cookie_names(void *cls, enum MHD_ValueKind kind,
				    const char *key, const char *value)
{
	struct cookie_names *cn = cls;

	if (strcasecmp(key, "Cookie") != 0 || value == NULL)
		return MHD_YES;
	for (const char *p = value; *p && cn->n < 128;) {
		size_t len;
		while (*p == ' ' || *p == ';')
			p++;
		len = strcspn(p, "=;");
		if (len > 0 && len < 64) {
			memcpy(cn->names[cn->n], p, len);
			cn->names[cn->n][len] = '\0';
			for (size_t i = 0; i < cn->n; i++)
				cn->repeated |= strcmp(cn->names[i],
						       cn->names[cn->n]) == 0;
			cn->n++;
		}
		p += strcspn(p, ";");
	}
	return MHD_YES;
}

/*
 * True when a request sends some cookie twice, in one Cookie header or
 * across several: a client that sends the token both from its cookie
 * store and by hand. This server refuses it rather than guess which.
 */
static bool cookie_repeated(struct request *rq)
{
	struct cookie_names cn = { .n = 0, .repeated = false };

	MHD_get_connection_values(rq->conn, MHD_HEADER_KIND, note_cookie_names,
				  &cn);
	return cn.repeated;
}

/* True when the other cookies, if sent, agree with the user's login. */
static bool cookies_agree(struct request *rq, const struct user *u)
{
	const char *login = MHD_lookup_connection_value(
		rq->conn, MHD_COOKIE_KIND, "X-STATSAPI-LOGIN");
	const char *tenant = MHD_lookup_connection_value(
		rq->conn, MHD_COOKIE_KIND, "X-STATSAPI-TENANT");
	const char *session = MHD_lookup_connection_value(
		rq->conn, MHD_COOKIE_KIND, "JSESSIONID");

	if (cookie_repeated(rq))
		return false;
	if (login != NULL && strcmp(login, u->name) != 0)
		return false;
	if (tenant != NULL && !tenant_matches(tenant))
		return false;
	if (session == NULL)
		return !server.set.require_session;
	return strcmp(session, u->session) == 0;
}

/* Free a subscription of this API. */
static void sub_free(void *sub)
{
	brightpattern_view_free(sub);
}

const struct sim_api simapi_brightpattern = {
	"brightpattern", statsapi_routes, WB_ARRAY_LEN(statsapi_routes),
	statsapi_prefixes, statsapi_error, "X-STATSAPI-TOKEN", cookies_agree,
	sub_free
};
