/*
 * wallboard-sim.c - the simulated contact centre served over HTTP as a
 * Bright Pattern real-time statistics server (the statsapi), for tests and
 * demos: both logins (the password login with its cookies, and OAuth2
 * client credentials), subscriptions, data, configuration lists, and a
 * loopback-only control endpoint that injects faults (errors, delays,
 * truncated or malformed answers, dropped connections, lost subscriptions,
 * expired tokens) and reports what the server has seen.
 *
 * libmicrohttpd runs a thread per connection; one mutex guards the model
 * and the server state, and is not held while a request is delayed.
 * Users: every --user logs in with the password from $WALLBOARD_SIM_PASSWORD
 * or the API secret from $WALLBOARD_SIM_SECRET; each user has one token and
 * one active subscription at a time. Neither secret is ever printed.
 *
 * Usage: wallboard-sim [--port N] [--bind ADDR] [--tls-cert FILE
 * --tls-key FILE] [...] (--help lists them all). With --tls-cert and
 * --tls-key (PEM files) it serves HTTPS instead of HTTP, through
 * libmicrohttpd's TLS (GnuTLS); the tests use that with a self-signed
 * certificate to check the client's certificate verification.
 */
#include "autoconf.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>
#include <zlib.h>

#include "simserver.h"

struct server server;

/* --- replies ------------------------------------------------------------ */

/* A reply with a JSON body; takes the reference to v. */
void reply_json(struct reply *rp, int status, json_t *v)
{
	rp->status = status;
	rp->body = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
	rp->len = rp->body ? strlen(rp->body) : 0;
	rp->ctype = "application/json";
	json_decref(v);
}

/* A reply with a body that is already text (taken over). */
void reply_text(struct reply *rp, int status, char *body,
		       const char *ctype)
{
	rp->status = status;
	rp->body = body;
	rp->len = body ? strlen(body) : 0;
	rp->ctype = ctype;
}

/* The documented error answer: {"error_code": N, "error_message": "..."};
 * a message that is not UTF-8 goes out with its other bytes as '?'. */
static void reply_error(struct reply *rp, int status, int code, const char *msg)
{
	json_t *m = json_string(msg);

	if (m == NULL) {
		char *ascii = xstrdup(msg);

		for (char *p = ascii; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
				*p = '?';
		m = json_string(ascii);
		free(ascii);
	}
	reply_json(rp, status, json_pack("{s:i, s:o}", "error_code", code,
					 "error_message", m));
}

/* An OAuth error answer: {"error": ..., "error_description": ...}. */
static void reply_oauth_error(struct reply *rp, int status, const char *error,
			      const char *desc)
{
	reply_json(rp, status, json_pack("{s:s, s:s}", "error", error,
					 "error_description", desc));
}

/* Queue a reply on the connection. */
static mhd_result reply_send(struct MHD_Connection *conn, struct reply *rp)
{
	struct MHD_Response *r;
	mhd_result ret;

	r = MHD_create_response_from_buffer(rp->len, rp->body ? rp->body : (char *)"",
					    rp->body ? MHD_RESPMEM_MUST_FREE :
						       MHD_RESPMEM_PERSISTENT);
	if (r == NULL) {
		free(rp->body);
		return MHD_NO;
	}
	if (rp->ctype != NULL && rp->status != 204)
		MHD_add_response_header(r, "Content-Type", rp->ctype);
	for (int i = 0; i < rp->ncookies; i++) {
		MHD_add_response_header(r, "Set-Cookie", rp->cookies[i]);
		free(rp->cookies[i]);
	}
	if (rp->allow != NULL)
		MHD_add_response_header(r, "Allow", rp->allow);
	if (rp->gzipped)
		MHD_add_response_header(r, "Content-Encoding", "gzip");
	if (rp->len > 0)
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
	ret = MHD_queue_response(conn, (unsigned)rp->status, r);
	MHD_destroy_response(r);
	return ret;
}

/* --- small helpers -------------------------------------------------------- */

/* n random bytes from the system. */
static void random_bytes(unsigned char *p, size_t n)
{
	FILE *f;

	if (getentropy(p, n) == 0)
		return;
	f = fopen("/dev/urandom", "rb");
	if (f == NULL || fread(p, 1, n, f) != n) {
		for (size_t i = 0; i < n; i++)
			p[i] = (unsigned char)(rand() ^ (int)(now_mono() * 1e6));
	}
	if (f != NULL)
		fclose(f);
}

/* A random token: a lowercase UUID, or 64 uppercase hex digits for OAuth. */
static void new_token(char *out, bool oauth)
{
	unsigned char b[32];
	size_t o = 0;

	random_bytes(b, sizeof(b));
	for (size_t i = 0; i < (oauth ? 32u : 16u); i++) {
		if (!oauth && (i == 4 || i == 6 || i == 8 || i == 10))
			out[o++] = '-';
		o += (size_t)snprintf(out + o, TOKEN_LEN - o,
				      oauth ? "%02X" : "%02x", b[i]);
	}
	out[o] = '\0';
}

/* A hex digit's value, -1 for none. */
static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode application/x-www-form-urlencoded text of length n (malloc'd). */
static char *url_decode(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+')
			*o++ = ' ';
		else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
			 hexval(s[i + 2]) >= 0) {
			*o++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else
			*o++ = s[i];
	}
	*o = '\0';
	return out;
}

/* The value of key in a urlencoded form (malloc'd), NULL when absent. */
char *form_get(const char *form, const char *key)
{
	size_t klen = strlen(key);
	const char *p = form;

	while (p != NULL && *p != '\0') {
		const char *end = strchr(p, '&');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=')
			return url_decode(p + klen + 1, len - klen - 1);
		p = end ? end + 1 : NULL;
	}
	return NULL;
}

/* A string member of a JSON object, NULL when absent or not a string. */
const char *json_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* True when a tenant URL names our tenant (with or without scheme, slash). */
static bool tenant_matches(const char *url)
{
	const char *t = server.tenant;
	size_t n = strlen(t);

	if (strncasecmp(url, "https://", 8) == 0)
		url += 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		url += 7;
	return strncasecmp(url, t, n) == 0 &&
	       (url[n] == '\0' || (url[n] == '/' && url[n + 1] == '\0'));
}

/* The user with this login name, or NULL. */
struct user *user_find(const char *name)
{
	for (int i = 0; i < server.nusers; i++)
		if (strcmp(server.users[i].name, name) == 0)
			return &server.users[i];
	return NULL;
}

/* Subscriptions active in the tenant, not counting except's. */
static int active_subs(const struct user *except)
{
	int n = 0;

	for (int i = 0; i < server.nusers; i++)
		n += (server.users[i].sub != NULL || server.users[i].gsub != NULL) &&
		     &server.users[i] != except;
	return n;
}

/* Issue a new token to u, which invalidates the previous one. */
void token_issue(struct user *u, bool oauth)
{
	new_token(u->token, oauth);
	u->cookie_login = !oauth;
	u->expires = oauth ? now_mono() + server.set.token_ttl : INFINITY;
	server.tokens_issued++;
}

/* --- authentication ------------------------------------------------------ */

/* The token a request carries: Authorization (Bearer or raw), else cookie. */
static const char *request_token(struct request *rq)
{
	const char *h = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
						    "Authorization");

	rq->by_cookie = false;
	if (h != NULL && *h != '\0') {
		if (strncasecmp(h, "Bearer ", 7) == 0)
			h += 7;
		while (*h == ' ')
			h++;
		return h;
	}
	rq->by_cookie = true;
	return MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND,
					   "X-STATSAPI-TOKEN");
}

/* True when the other cookies, if sent, agree with the user's login. */
static bool cookies_agree(struct request *rq, const struct user *u)
{
	const char *login = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND,
							"X-STATSAPI-LOGIN");
	const char *tenant = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND,
							 "X-STATSAPI-TENANT");
	const char *session = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND,
							  "JSESSIONID");

	if (login != NULL && strcmp(login, u->name) != 0)
		return false;
	if (tenant != NULL && !tenant_matches(tenant))
		return false;
	if (session == NULL)
		return !server.set.require_session;
	return strcmp(session, u->session) == 0;
}

/* The user a request authenticates as, or NULL (then 401). */
struct user *authenticate(struct request *rq)
{
	const char *tok = request_token(rq);

	if (tok == NULL || *tok == '\0')
		return NULL;
	for (int i = 0; i < server.nusers; i++) {
		struct user *u = &server.users[i];

		if (u->token[0] == '\0' || strcmp(u->token, tok) != 0)
			continue;
		if (now_mono() >= u->expires)
			return NULL;
		if (rq->by_cookie && !cookies_agree(rq, u))
			return NULL;
		return u;
	}
	return NULL;
}

bool basic_credentials(struct request *rq, char **user, char **password)
{
	char *pw = NULL;
	char *u = MHD_basic_auth_get_username_password(rq->conn, &pw);

	if (u == NULL) {
		if (pw)
			MHD_free(pw);
		return false;
	}
	*user = xstrdup(u);
	*password = xstrdup(pw ? pw : "");
	MHD_free(u);
	if (pw) {
		explicit_bzero(pw, strlen(pw));
		MHD_free(pw);
	}
	return true;
}

/* --- the statsapi ---------------------------------------------------------- */

/* The Set-Cookie headers of a password login. */
static void login_cookies(struct reply *rp, const struct user *u)
{
	rp->cookies[0] = xasprintf("X-STATSAPI-TOKEN=%s; Path=/; HttpOnly", u->token);
	rp->cookies[1] = xasprintf("X-STATSAPI-TENANT=%s; Path=/", server.tenant);
	rp->cookies[2] = xasprintf("X-STATSAPI-LOGIN=%s; Path=/", u->name);
	rp->cookies[3] = xasprintf("JSESSIONID=%s; Path=/; HttpOnly", u->session);
	rp->ncookies = 4;
}

/* POST /statsapi/auth {tenant_url, username, password}. */
static void h_auth(struct request *rq, struct reply *rp)
{
	json_t *j;
	const char *tenant, *name, *pw;
	struct user *u;

	if (server.set.legacy_forbidden) {
		reply_json(rp, 403, json_pack("{s:s}", "error", "illegal login attempt"));
		return;
	}
	j = json_loadb(rq->body.data, rq->body.len, 0, NULL);
	tenant = json_str(j, "tenant_url");
	name = json_str(j, "username");
	pw = json_str(j, "password");
	if (tenant == NULL || name == NULL || pw == NULL) {
		reply_error(rp, 400, 1, "expected {\"tenant_url\", \"username\", "
			    "\"password\"}");
	} else if (!tenant_matches(tenant) || (u = user_find(name)) == NULL ||
		   strcmp(pw, server.password) != 0) {
		reply_error(rp, 401, 401, "Unauthorized");
	} else {
		token_issue(u, false);
		new_token(u->session, true);
		u->session[32] = '\0';
		server.logins++;
		reply_json(rp, 200, json_pack("{s:s, s:[sss], s:s}", "token", u->token,
			   "privileges", "PUSH_PULL_GLOBAL_WALLBOARDS",
			   "CUSTOMIZE_WALLBOARDS", "SYS_USE_AGENT_SEAT_MAPS",
			   "user_id", u->id));
		login_cookies(rp, u);
	}
	json_decref(j);
}

/* The checks of an OAuth token request: an error reply, or the user. */
static struct user *oauth_check(const char *form, struct reply *rp)
{
	char *grant = form_get(form, "grant_type"), *id = form_get(form, "client_id");
	char *secret = form_get(form, "client_secret"), *scope = form_get(form, "scope");
	struct user *u = id ? user_find(id) : NULL;

	if (grant == NULL || strcmp(grant, "client_credentials") != 0)
		reply_oauth_error(rp, 400, "unsupported_grant_type",
				  "grant_type must be client_credentials");
	else if (id == NULL || secret == NULL || scope == NULL)
		reply_oauth_error(rp, 400, "invalid_request",
				  "client_id, client_secret and scope are required");
	else if (u == NULL || strcmp(secret, server.secret) != 0)
		reply_oauth_error(rp, 401, "invalid_client", "bad client credentials");
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
	struct user *u = oauth_check(rq->body.data, rp);
	char ttl[32];

	if (u == NULL)
		return;
	token_issue(u, true);
	snprintf(ttl, sizeof(ttl), "%.0f", server.set.token_ttl);
	reply_json(rp, 200, json_pack("{s:s, s:s, s:s, s:s}", "access_token",
				      u->token, "token_type", "Bearer",
				      "expires_in", ttl, "scope", server.tenant));
}

/* POST /statsapi/subscription: one active per user, a cap per tenant. */
static void h_subscribe(struct request *rq, struct reply *rp)
{
	char err[512];
	struct sim_sub *sub = sim_statsapi_subscribe(server.sim, rq->body.data,
						     rq->body.len, err, sizeof(err));

	if (sub == NULL) {
		reply_error(rp, 400, 1, err);
		return;
	}
	if (active_subs(rq->user) + 1 > server.set.max_subs) {
		sim_sub_free(sub);
		reply_error(rp, 409, 409, "limit of active subscriptions exceeded "
			    "for tenant");
		return;
	}
	sim_sub_free(rq->user->sub);
	rq->user->sub = sub;
	rq->user->polls = 0;
	server.subs_created++;
	reply_text(rp, 200, NULL, NULL);
}

/* A data body spoiled by the truncate or malformed fault, if one is due. */
char *data_fault(char *body)
{
	if (server.f.truncate != 0) {
		if (server.f.truncate > 0)
			server.f.truncate--;
		body[strlen(body) / 2] = '\0';
	} else if (server.f.malformed != 0) {
		if (server.f.malformed > 0)
			server.f.malformed--;
		free(body);
		body = xstrdup("<html><body><h1>502 Bad Gateway</h1></body></html>");
	}
	return body;
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
	reply_text(rp, 200, data_fault(sim_statsapi_data(server.sim, u->sub)),
		   "application/json");
}

/* DELETE /statsapi/subscription/active. */
static void h_delete(struct request *rq, struct reply *rp)
{
	if (rq->user->sub == NULL) {
		reply_error(rp, 404, 404, "There is no active subscription");
		return;
	}
	sim_sub_free(rq->user->sub);
	rq->user->sub = NULL;
	server.subs_deleted++;
	reply_text(rp, 200, NULL, NULL);
}

/* GET /statsapi/cfg/<what>. */
static void h_cfg(struct request *rq, struct reply *rp)
{
	const char *what = strrchr(rq->path, '/') + 1;

	sim_advance(server.sim, now_mono());
	reply_text(rp, 200, sim_statsapi_cfg(server.sim, what), "application/json");
}

/* GET /statsapi/info/check_available_agents?service=NAME (no login). */
static void h_available(struct request *rq, struct reply *rp)
{
	const char *svc = MHD_lookup_connection_value(rq->conn,
						      MHD_GET_ARGUMENT_KIND, "service");
	int ok;

	if (svc == NULL) {
		reply_error(rp, 400, 1, "the service parameter is required");
		return;
	}
	sim_advance(server.sim, now_mono());
	ok = sim_service_available(server.sim, svc);
	if (ok < 0)
		reply_error(rp, 404, 404, "unknown service");
	else
		reply_json(rp, 200, json_pack("{s:b}", "availability", ok > 0));
}

/* --- /sim/control and /sim/state ------------------------------------------ */

/* A whole number from JSON into *out, within [lo, hi]. */
static bool json_int_in(json_t *v, long lo, long hi, int *out)
{
	if (!json_is_integer(v) || json_integer_value(v) < lo ||
	    json_integer_value(v) > hi)
		return false;
	*out = (int)json_integer_value(v);
	return true;
}

/* Every fault cleared, every setting as started. */
static void control_reset(void)
{
	free(server.f.fail_path);
	free(server.f.fail_body);
	memset(&server.f, 0, sizeof(server.f));
	server.set = server.set0;
	sim_statsapi_limits(server.sim, server.set.max_columns, server.set.max_grids);
}

/* "fail": {"path", "status", "count", "body"}. */
static bool control_fail(json_t *v, json_t *root)
{
	json_t *st = json_object_get(v, "status"), *cnt = json_object_get(v, "count");
	const char *path = json_str(v, "path"), *body = json_str(v, "body");
	int status = 503, count = 1;

	if (!json_is_object(v) || (st && !json_int_in(st, 100, 599, &status)) ||
	    (cnt && !json_int_in(cnt, -1, 1000000, &count)))
		return false;
	free(server.f.fail_path);
	free(server.f.fail_body);
	server.f.fail_path = path ? xstrdup(path) : NULL;
	server.f.fail_body = body ? xstrdup(body) : NULL;
	server.f.fail_status = status;
	server.f.fail_count = count;
	return true;
}

/* "delay_ms" with "delay_count" (default 1; -1 until reset). */
static bool control_delay(json_t *v, json_t *root)
{
	json_t *cnt = json_object_get(root, "delay_count");
	int ms, count = 1;

	if (!json_int_in(v, 0, 600000, &ms) ||
	    (cnt && !json_int_in(cnt, -1, 1000000, &count)))
		return false;
	server.f.delay_ms = ms;
	server.f.delay_count = count;
	return true;
}

/* "delay_count" alone changes the count of the delay already set. */
static bool control_delay_count(json_t *v, json_t *root)
{
	if (json_object_get(root, "delay_ms") != NULL)
		return true;
	return json_int_in(v, -1, 1000000, &server.f.delay_count);
}

/* "drop_subscriptions": true forgets every subscription (a server restart). */
static bool control_drop_subs(json_t *v, json_t *root)
{
	if (!json_is_boolean(v))
		return false;
	for (int i = 0; json_is_true(v) && i < server.nusers; i++) {
		sim_sub_free(server.users[i].sub);
		server.users[i].sub = NULL;
		sim_gsub_free(server.users[i].gsub);
		server.users[i].gsub = NULL;
	}
	return true;
}

/* "expire_tokens": true makes every token invalid. */
static bool control_expire(json_t *v, json_t *root)
{
	if (!json_is_boolean(v))
		return false;
	for (int i = 0; json_is_true(v) && i < server.nusers; i++)
		server.users[i].token[0] = '\0';
	return true;
}

/* "token_ttl": seconds for tokens issued from now on. */
static bool control_ttl(json_t *v, json_t *root)
{
	if (!json_is_number(v) || !(json_number_value(v) > 0))
		return false;
	server.set.token_ttl = json_number_value(v);
	return true;
}

/* "reset" is done before the other keys; here it is only checked. */
static bool control_reset_key(json_t *v, json_t *root)
{
	return json_is_boolean(v);
}

/*
 * The keys of /sim/control: a function, a whole number within [lo, hi]
 * (-1 meaning "until reset" where lo is -1), or a boolean setting.
 */
static const struct control {
	const char *key;
	bool (*fn)(json_t *, json_t *);
	int *num;
	long lo, hi;
	bool *flag;
} controls[] = {
	{ "reset", control_reset_key, NULL, 0, 0, NULL },
	{ "fail", control_fail, NULL, 0, 0, NULL },
	{ "delay_ms", control_delay, NULL, 0, 0, NULL },
	{ "delay_count", control_delay_count, NULL, 0, 0, NULL },
	{ "drop_subscriptions", control_drop_subs, NULL, 0, 0, NULL },
	{ "expire_tokens", control_expire, NULL, 0, 0, NULL },
	{ "token_ttl", control_ttl, NULL, 0, 0, NULL },
	{ "truncate", NULL, &server.f.truncate, -1, 1000000, NULL },
	{ "malformed", NULL, &server.f.malformed, -1, 1000000, NULL },
	{ "drop", NULL, &server.f.drop, -1, 1000000, NULL },
	{ "max_subscriptions", NULL, &server.set.max_subs, 0, 1000000, NULL },
	{ "first_data_delay", NULL, &server.set.first_data_delay, 0, 1000000, NULL },
	{ "max_columns", NULL, &server.set.max_columns, 0, 1000000, NULL },
	{ "max_grids", NULL, &server.set.max_grids, 0, 1000000, NULL },
	{ "legacy_login_forbidden", NULL, NULL, 0, 0, &server.set.legacy_forbidden },
	{ "require_session_cookie", NULL, NULL, 0, 0, &server.set.require_session },
};

/* Apply one key of a control body; false when unknown or its value is wrong. */
static bool control_key(const char *key, json_t *v, json_t *root)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(controls); i++) {
		const struct control *c = &controls[i];

		if (strcmp(c->key, key) != 0)
			continue;
		if (c->fn != NULL)
			return c->fn(v, root);
		if (c->num != NULL)
			return json_int_in(v, c->lo, c->hi, c->num);
		if (!json_is_boolean(v))
			return false;
		*c->flag = json_is_true(v);
		return true;
	}
	return false;
}

/* POST /sim/control: reset first, then every other key in turn. */
static void h_control(struct request *rq, struct reply *rp)
{
	json_t *j = json_loadb(rq->body.data, rq->body.len, 0, NULL), *v;
	const char *key;
	char *msg = NULL;

	if (!json_is_object(j)) {
		reply_error(rp, 400, 1, "the control body must be a JSON object");
		json_decref(j);
		return;
	}
	if (json_is_true(json_object_get(j, "reset")))
		control_reset();
	json_object_foreach(j, key, v) {
		if (msg == NULL && !control_key(key, v, j))
			msg = xasprintf("bad or unknown control key: %s", key);
	}
	sim_statsapi_limits(server.sim, server.set.max_columns, server.set.max_grids);
	if (msg != NULL)
		reply_error(rp, 400, 1, msg);
	else
		reply_json(rp, 200, json_object());
	free(msg);
	json_decref(j);
}

/* GET /sim/state: what the server has seen; bytes_sent is the bodies of
 * API answers as they went out (gzip'd when accepted), not of /sim/. */
static void h_state(struct request *rq, struct reply *rp)
{
	json_t *req = json_object(), *st = json_object();
	char code[16];

	for (int i = 0; i < server.npaths; i++)
		json_object_set_new(req, server.paths[i].key,
				    json_integer(server.paths[i].n));
	for (int i = 0; i < 600; i++) {
		if (server.status_n[i] == 0)
			continue;
		snprintf(code, sizeof(code), "%d", i);
		json_object_set_new(st, code, json_integer(server.status_n[i]));
	}
	sim_advance(server.sim, now_mono());
	reply_json(rp, 200, json_pack("{s:o, s:o, s:I, s:I, s:I, s:i, s:I, s:I, s:I, s:I, s:I}",
		"requests", req, "status_counts", st,
		"connections", (json_int_t)server.connections,
		"logins", (json_int_t)server.logins,
		"tokens_issued", (json_int_t)server.tokens_issued,
		"subscriptions_active", active_subs(NULL),
		"subscriptions_created", (json_int_t)server.subs_created,
		"subscriptions_deleted", (json_int_t)server.subs_deleted,
		"dropped", (json_int_t)server.dropped,
		"clock", (json_int_t)floor(sim_clock(server.sim)),
		"bytes_sent", (json_int_t)server.bytes_sent));
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
	{ "GET", "/statsapi/info/check_available_agents", h_available, OPEN, false },
};

static const char *const statsapi_prefixes[] = {
	"/statsapi/", "/configapi/", NULL
};

/* The statsapi's error answer: {"error_code": N, "error_message": "..."}. */
static void statsapi_error(struct reply *rp, int status, const char *msg)
{
	reply_error(rp, status, status, msg);
}

static const struct api api_statsapi = {
	"brightpattern", statsapi_routes, WB_ARRAY_LEN(statsapi_routes),
	statsapi_prefixes, statsapi_error
};

/* The API being served (--api). */
static const struct api *api = &api_statsapi;

void reply_api_error(struct reply *rp, int status, const char *msg)
{
	api->error(rp, status, msg);
}

/* GET /sim/objects?what=agents|queues: object ids, one a line. */
static void h_objects(struct request *rq, struct reply *rp)
{
	const char *what = MHD_lookup_connection_value(rq->conn,
						       MHD_GET_ARGUMENT_KIND, "what");
	char *list = what ? sim_object_list(server.sim, what) : NULL;

	if (list == NULL)
		reply_error(rp, 400, 1, "what must be agents or queues");
	else
		reply_text(rp, 200, list, "text/plain");
}

/* The control endpoints, whatever API is served. */
static const struct route control_routes[] = {
	{ "POST", "/sim/control", h_control, LOOPBACK, false },
	{ "GET", "/sim/state", h_state, LOOPBACK, false },
	{ "GET", "/sim/objects", h_objects, LOOPBACK, false },
};

/* True for the paths of the API (where faults apply). */
static bool api_path(const char *path)
{
	for (size_t i = 0; api->prefixes[i]; i++)
		if (strncmp(path, api->prefixes[i], strlen(api->prefixes[i])) == 0)
			return true;
	return false;
}

/* True when route r serves path. */
static bool route_matches(const struct route *r, const char *path)
{
	size_t n = strlen(r->path);

	if (!r->prefix)
		return strcmp(r->path, path) == 0;
	return strncmp(r->path, path, n) == 0;
}

/* True when an address is on the loopback network: 127/8, ::1, or 127/8
 * mapped into IPv6. */
static bool addr_is_loopback(const struct sockaddr *sa)
{
	static const unsigned char v4mapped[12] = { [10] = 0xff, [11] = 0xff };
	const struct sockaddr_in *in = (const void *)sa;
	const struct sockaddr_in6 *in6 = (const void *)sa;
	const unsigned char *a6 = in6->sin6_addr.s6_addr;

	if (sa->sa_family == AF_INET)
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	if (sa->sa_family != AF_INET6)
		return false;
	return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr) ||
	       (memcmp(a6, v4mapped, 12) == 0 && a6[12] == 127);
}

/* True when the peer of a connection is on a loopback address. */
static bool peer_is_loopback(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn,
		MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	return ci != NULL && ci->client_addr != NULL &&
	       addr_is_loopback(ci->client_addr);
}

/* Count a request by path; paths beyond MAX_PATHS count as "other". */
static void count_request(const char *path)
{
	int i;

	for (i = 0; i < server.npaths; i++)
		if (strcmp(server.paths[i].key, path) == 0)
			break;
	if (i == server.npaths) {
		if (server.npaths >= MAX_PATHS)
			path = "other";
		for (i = 0; i < server.npaths; i++)
			if (strcmp(server.paths[i].key, path) == 0)
				break;
		if (i == server.npaths)
			server.paths[server.npaths++].key = xstrdup(path);
	}
	server.paths[i].n++;
}

/* The fail fault, when it matches this path: its reply. */
static bool fault_fail(const char *path, struct reply *rp)
{
	struct faults *f = &server.f;

	if (f->fail_count == 0 || f->fail_status == 0 ||
	    (f->fail_path && strncmp(path, f->fail_path, strlen(f->fail_path)) != 0))
		return false;
	if (f->fail_count > 0)
		f->fail_count--;
	if (f->fail_body != NULL)
		reply_text(rp, f->fail_status, xstrdup(f->fail_body), "application/json");
	else
		reply_api_error(rp, f->fail_status, "simulated failure");
	return true;
}

/* Route a request to its handler, after the checks every route shares. */
static void route(struct request *rq, struct reply *rp)
{
	const struct route *r = NULL;
	bool path_known = false;

	const struct route *tables[] = { api->routes, control_routes };
	size_t sizes[] = { api->nroutes, WB_ARRAY_LEN(control_routes) };

	if (api_path(rq->path) && fault_fail(rq->path, rp))
		return;
	for (size_t t = 0; t < 2; t++)
		for (size_t i = 0; i < sizes[t]; i++) {
			const struct route *c = &tables[t][i];
			if (!route_matches(c, rq->path))
				continue;
			path_known = true;
			rp->allow = c->method;
			if (strcmp(c->method, rq->method) == 0)
				r = c;
		}
	if (r == NULL) {
		reply_api_error(rp, path_known ? 405 : 404,
				path_known ? "method not allowed" : "not found");
		return;
	}
	rp->allow = NULL;
	if (rq->too_large)
		reply_api_error(rp, 413, "request body too large");
	else if (r->guard == LOOPBACK && !peer_is_loopback(rq->conn))
		reply_error(rp, 403, 403, "the control endpoints are loopback only");
	else if (r->guard == TOKEN && (rq->user = authenticate(rq)) == NULL)
		reply_api_error(rp, 401, "Unauthorized");
	else
		r->fn(rq, rp);
}

/* Before a request is handled: count it, drop it, or say how long to wait. */
static bool request_start(struct request *rq, int *delay_ms)
{
	count_request(rq->path);
	*delay_ms = 0;
	if (!api_path(rq->path))
		return true;
	if (server.f.drop != 0) {
		if (server.f.drop > 0)
			server.f.drop--;
		server.dropped++;
		return false;
	}
	if (server.f.delay_count != 0 && server.f.delay_ms > 0) {
		if (server.f.delay_count > 0)
			server.f.delay_count--;
		*delay_ms = server.f.delay_ms;
	}
	return true;
}

/* Sleep ms milliseconds. */
static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* True when an Accept-Encoding header value accepts gzip: a "gzip" or
 * "x-gzip" coding whose q is not 0 ("*" alone is not taken as gzip). */
static bool accepts_gzip(const char *h)
{
	while (h != NULL && *h != '\0') {
		size_t n, name;
		const char *q;

		h += strspn(h, " \t,");
		n = strcspn(h, ",");
		name = strcspn(h, " \t;,");
		if ((name == 4 && strncasecmp(h, "gzip", 4) == 0) ||
		    (name == 6 && strncasecmp(h, "x-gzip", 6) == 0)) {
			q = memchr(h, ';', n);
			if (q == NULL)
				return true;
			q += 1 + strspn(q + 1, " \t");
			if (strncasecmp(q, "q=", 2) != 0 || strtod(q + 2, NULL) > 0)
				return true;
		}
		h += n;
	}
	return false;
}

/* Compress the body of a reply with gzip (deflate in a gzip wrapper,
 * windowBits 31) when the request accepts gzip; unchanged otherwise. */
static void reply_gzip(struct MHD_Connection *conn, struct reply *rp)
{
	const char *ae = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     "Accept-Encoding");
	z_stream z;
	unsigned char *out;
	uLong cap;

	if (rp->body == NULL || rp->len == 0 || rp->len > UINT_MAX / 2 ||
	    !accepts_gzip(ae))
		return;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		return;
	cap = deflateBound(&z, (uLong)rp->len);
	out = xmalloc(cap);
	z.next_in = (Bytef *)rp->body;
	z.avail_in = (uInt)rp->len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) == Z_STREAM_END) {
		free(rp->body);
		rp->body = (char *)out;
		rp->len = z.total_out;
		rp->gzipped = true;
	} else
		free(out);
	deflateEnd(&z);
}

/* Handle a complete request. */
static mhd_result request_handle(struct request *rq)
{
	struct reply rp;
	int delay;
	bool go;

	memset(&rp, 0, sizeof(rp));
	pthread_mutex_lock(&server.lock);
	go = request_start(rq, &delay);
	pthread_mutex_unlock(&server.lock);
	if (!go)
		return MHD_NO;
	if (delay > 0)
		sleep_ms(delay);
	pthread_mutex_lock(&server.lock);
	route(rq, &rp);
	if (rp.status > 0 && rp.status < 600)
		server.status_n[rp.status]++;
	pthread_mutex_unlock(&server.lock);
	reply_gzip(rq->conn, &rp);	/* outside the lock: it takes time */
	if (api_path(rq->path)) {
		pthread_mutex_lock(&server.lock);
		server.bytes_sent += (long long)rp.len;
		pthread_mutex_unlock(&server.lock);
	}
	if (server.verbose)
		fprintf(stderr, "%s %s -> %d\n", rq->method, rq->path, rp.status);
	return reply_send(rq->conn, &rp);
}

/* MHD's access handler: collect the body, then handle the request. */
static mhd_result on_access(void *cls, struct MHD_Connection *conn,
			    const char *url, const char *method,
			    const char *version, const char *upload_data,
			    size_t *upload_size, void **con_cls)
{
	struct request *rq = *con_cls;

	if (rq == NULL) {
		rq = xcalloc(1, sizeof(*rq));
		rq->conn = conn;
		rq->method = method;
		rq->path = url;
		buf_init(&rq->body);
		buf_puts(&rq->body, "");
		*con_cls = rq;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		size_t cap = strncmp(url, "/sim/", 5) == 0 ? CONTROL_BODY_MAX : BODY_MAX;
		if (rq->body.len + *upload_size > cap)
			rq->too_large = true;
		else
			buf_append(&rq->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	return request_handle(rq);
}

/* MHD's completion callback: free the request. */
static void on_completed(void *cls, struct MHD_Connection *conn,
			 void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *con_cls;

	if (rq == NULL)
		return;
	buf_free(&rq->body);
	free(rq);
	*con_cls = NULL;
}

/* MHD's connection callback: count the TCP connections accepted. */
static void on_connection(void *cls, struct MHD_Connection *conn,
			  void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	if (toe != MHD_CONNECTION_NOTIFY_STARTED)
		return;
	pthread_mutex_lock(&server.lock);
	server.connections++;
	pthread_mutex_unlock(&server.lock);
}

/* --- start-up ------------------------------------------------------------ */

struct options {
	const char *bind;
	long port;
	struct sim_options sim;
	const char *users[MAX_USERS];
	int nusers;
	const char *tls_cert, *tls_key;	/* PEM files: serve HTTPS */
};

/* The usage text. */
static void usage(FILE *f)
{
	fputs("usage: wallboard-sim [OPTIONS]\n"
	      "Serve a simulated contact centre as a real-time statistics server.\n"
	      "  --api NAME               the API to serve: brightpattern (default), 8x8\n"
	      "                           or genesys\n"
	      "  --port N                 port to listen on; 0 picks a free one (default 0)\n"
	      "  --bind ADDR              address to listen on (default 127.0.0.1)\n"
	      "  --seed N                 random seed: the same seed, the same day (default 1)\n"
	      "  --time-scale X           simulated seconds per real second (default 1)\n"
	      "  --agents N               number of agents (default 48)\n"
	      "  --services N             number of services (default 10)\n"
	      "  --tenant NAME            tenant URL (default demo.wallboard.test)\n"
	      "  --user NAME              login name; repeatable (default supervisor)\n"
	      "  --token-ttl SEC          OAuth token lifetime (default 3600)\n"
	      "  --legacy-login-forbidden refuse POST /statsapi/auth (403)\n"
	      "  --max-subscriptions N    active subscriptions per tenant (default 10)\n"
	      "  --first-data-delay N     204 answers before a subscription's first data\n"
	      "                           (default 1)\n"
	      "  --tls-cert FILE          serve HTTPS with this PEM certificate (chain);\n"
	      "                           needs --tls-key\n"
	      "  --tls-key FILE           the PEM private key of --tls-cert\n"
	      "  -v, --verbose            log each request to stderr\n"
	      "  -h, --help               show this help\n"
	      "  -V, --version            show the version\n"
	      "The password is $WALLBOARD_SIM_PASSWORD (default demo), the API secret\n"
	      "$WALLBOARD_SIM_SECRET (default demo-secret; also 8x8's API token and\n"
	      "Genesys's client secret), Genesys's API key $WALLBOARD_SIM_API_KEY\n"
	      "(default demo-api-key). The 8x8 tenant name is --tenant. It prints\n"
	      "\"listening on port N\" once it listens; SIGINT or SIGTERM stop it.\n", f);
}

/* The API --api names, or exit 2. */
static const struct api *api_by_name(const char *name)
{
	static const struct api *const apis[] = {
		&api_statsapi, &api_8x8, &api_genesys
	};

	for (size_t i = 0; i < WB_ARRAY_LEN(apis); i++)
		if (strcmp(apis[i]->name, name) == 0)
			return apis[i];
	fprintf(stderr, "wallboard-sim: --api: \"%s\" is not brightpattern, "
		"8x8 or genesys\n", name);
	exit(2);
}

/* A number option within [lo, hi], or exit 2. */
static double opt_number(const char *name, const char *arg, double lo, double hi)
{
	double v;

	if (!parse_double(arg, &v) || v < lo || v > hi) {
		fprintf(stderr, "wallboard-sim: bad value for --%s: %s\n", name, arg);
		exit(2);
	}
	return v;
}

enum {
	O_PORT = 256, O_BIND, O_SEED, O_SCALE, O_AGENTS, O_SERVICES, O_TENANT,
	O_USER, O_TTL, O_LEGACY, O_MAXSUBS, O_DELAY,
	O_TLS_CERT, O_TLS_KEY, O_API
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
		o->sim.seed = (unsigned)opt_number("seed", arg, 0, 4294967295.0);
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
		st->max_subs = (int)opt_number("max-subscriptions", arg, 0, 1e6);
		break;
	case O_DELAY:
		st->first_data_delay = (int)opt_number("first-data-delay", arg, 0, 1e6);
		break;
	case O_TLS_CERT:
		o->tls_cert = arg;
		break;
	case O_TLS_KEY:
		o->tls_key = arg;
		break;
	case O_API:
		api = api_by_name(arg);
		break;
	case O_USER:
		if (o->nusers == MAX_USERS) {
			fprintf(stderr, "wallboard-sim: at most %d users\n", MAX_USERS);
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
		fprintf(stderr, "wallboard-sim: unexpected argument: %s\n", argv[optind]);
		exit(2);
	}
}

/* Defaults before the command line is read. */
static void defaults(struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->bind = "127.0.0.1";
	sim_options_default(&o->sim);
	server.tenant = "demo.wallboard.test";
	server.set0 = (struct settings){ 10, false, 3600, 1, false, 64, 64 };
	server.password = getenv("WALLBOARD_SIM_PASSWORD");
	server.secret = getenv("WALLBOARD_SIM_SECRET");
	if (server.password == NULL)
		server.password = "demo";
	if (server.secret == NULL)
		server.secret = "demo-secret";
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
		snprintf(u->id, sizeof(u->id), "%08X-E9A1-4F00-8000-%012X", h, i + 1);
	}
}

/* The address to listen on, with the port; false when it is not numeric. */
static bool bind_address(const char *addr, long port, struct sockaddr_storage *ss)
{
	struct addrinfo hints, *res;

	memset(&hints, 0, sizeof(hints));
	hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(addr, NULL, &hints, &res) != 0)
		return false;
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	if (ss->ss_family == AF_INET6)
		((struct sockaddr_in6 *)(void *)ss)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)(void *)ss)->sin_port = htons((uint16_t)port);
	return true;
}

/* The whole of a PEM file given to option opt (malloc'd), or exit 2. */
static char *read_pem(const char *opt, const char *path)
{
	struct buf b;

	if (!read_file(path, BODY_MAX, &b)) {
		fprintf(stderr, "wallboard-sim: --%s %s: %s\n", opt, path, strerror(errno));
		exit(2);
	}
	if (b.len == 0 || strstr(b.data, "-----BEGIN ") == NULL) {
		fprintf(stderr, "wallboard-sim: --%s %s: not a PEM file\n", opt, path);
		exit(2);
	}
	return b.data;
}

/* Start the daemon on the address, or NULL; HTTPS when cert and key (PEM
 * text) are given. */
static struct MHD_Daemon *daemon_start(const struct sockaddr_storage *ss,
				       char *cert, char *key)
{
	unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
	struct MHD_OptionItem tls[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, key },
		{ MHD_OPTION_END, 0, NULL }
	};

	if (ss->ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (cert != NULL)
		flags |= MHD_USE_TLS;
	return MHD_start_daemon(flags, 0, NULL, NULL, on_access, NULL,
				MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)ss,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
				MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
				MHD_OPTION_ARRAY, cert != NULL ? tls : &tls[2],
				MHD_OPTION_END);
}

/* The port the daemon listens on. */
static int daemon_port(struct MHD_Daemon *d)
{
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_LISTEN_FD);
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (di == NULL || getsockname(di->listen_fd, (struct sockaddr *)&ss, &len) != 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)(void *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)(void *)&ss)->sin_port);
}

/* Free what the server holds, at exit. */
static void server_free(void)
{
	for (int i = 0; i < server.nusers; i++) {
		sim_sub_free(server.users[i].sub);
		sim_gsub_free(server.users[i].gsub);
	}
	for (int i = 0; i < server.npaths; i++)
		free(server.paths[i].key);
	free(server.f.fail_path);
	free(server.f.fail_body);
	sim_free(server.sim);
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
	if (!bind_address(o.bind, o.port, &ss)) {
		fprintf(stderr, "wallboard-sim: --bind needs a numeric address: %s\n", o.bind);
		return 2;
	}
	if ((o.tls_cert == NULL) != (o.tls_key == NULL)) {
		fprintf(stderr, "wallboard-sim: --tls-cert and --tls-key go together\n");
		return 2;
	}
	if (o.tls_cert != NULL) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			fprintf(stderr, "wallboard-sim: cannot serve HTTPS: this "
				"libmicrohttpd was built without TLS support\n");
			return 1;
		}
		cert = read_pem("tls-cert", o.tls_cert);
		key = read_pem("tls-key", o.tls_key);
	}
	users_init(&o);
	server.set = server.set0;
	pthread_mutex_init(&server.lock, NULL);
	server.sim = sim_new(&o.sim);
	sim_statsapi_limits(server.sim, server.set.max_columns, server.set.max_grids);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGINT, SIG_DFL);	/* a shell's background job inherits it ignored */
	signal(SIGTERM, SIG_DFL);
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	if ((d = daemon_start(&ss, cert, key)) == NULL) {
		if (cert != NULL)
			fprintf(stderr, "wallboard-sim: cannot serve HTTPS on %s port "
				"%ld: is the port free, do --tls-cert and "
				"--tls-key hold a matching PEM certificate and "
				"key?\n", o.bind, o.port);
		else
			fprintf(stderr, "wallboard-sim: cannot listen on %s port %ld: %s\n",
				o.bind, o.port, strerror(errno));
		return 1;
	}
	printf("listening on port %d\n", daemon_port(d));
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
