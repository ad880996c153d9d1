/*
 * routes.c - wallboard-sim --api genesys: the simulated contact
 * centre as the Genesys Statistics API v3, with its authentication service.
 *
 *   POST   /auth/v3/oauth/token                     client credentials or
 *                                                   password grant
 *   POST   /statistics/v3/subscriptions             open a subscription
 *   GET    /statistics/v3/subscriptions/{id}/statistic-values
 *   DELETE /statistics/v3/subscriptions/{id}        always 200
 *   GET    /statistics/v3/statistic-values/{name}?objectId=&objectType=
 *   POST   /statistics/v3/operations/get-statistic-ex
 *
 * Every request needs the x-api-key header (403 otherwise); the statistics
 * need the bearer token too (401), unless the server is told the API key
 * alone will do (/sim/control "api_key_only"; a request without a token
 * is then its first user's). Each user holds one subscription; the
 * subscription cap of the tenant answers 403. Errors have the API's shape:
 * {"status": {"code": N, "message": "..."}}, and a refused subscription or
 * peek (400) the reference's whole shape, errors[] too. Which statistics
 * the deployment has, refuses or fails is /sim/control's ("extra_stats",
 * "refuse_stats", "error_stats"; view.h).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/genesys/view.h"
#include "sim/server.h"

#define SUBS "/statistics/v3/subscriptions"

/* The Genesys error answer. */
static void error_genesys(struct reply *rp, int status, const char *msg)
{
	json_t *m = json_string(msg);

	reply_json(rp, status, json_pack("{s:{s:i, s:o}}", "status", "code",
					 status, "message",
					 m ? m : json_string("error")));
}

/*
 * A refused request (400) in the reference's shape: the message in
 * errors[] and in the status.
 */
static void refused_genesys(struct reply *rp, const char *path, const char *msg)
{
	json_t *m = json_string(msg);

	if (m == NULL)
		m = json_string("Bad Request");
	reply_json(rp, 400,
		   json_pack("{s:{}, s:[{s:{s:i, s:{}, s:O}}], s:s, "
			     "s:{s:i, s:o}}",
			     "data", "errors", "status", "code", 400, "detail",
			     "message", m, "path", path, "status", "code", 400,
			     "message", m));
}

/* How the server treats statistic names now (/sim/control). */
static struct genesys_view_rules rules_now(void)
{
	return (struct genesys_view_rules){ server.f.extra_stats,
		server.f.refuse_stats, server.f.error_stats, false };
}

/* True when the request carries the API key; a 403 answer otherwise. */
static bool api_key_ok(struct request *rq, struct reply *rp)
{
	const char *k = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
						    "x-api-key");

	if (k != NULL && strcmp(k, server.api_key) == 0)
		return true;
	error_genesys(rp, 403, "Forbidden: missing or wrong x-api-key");
	return false;
}

/*
 * The user a token request is for, or NULL with the error answer set:
 * the client's Basic credentials (client id = a user, its secret), then
 * for the password grant the user's password.
 */
static struct user *token_user(struct request *rq, struct reply *rp)
{
	char *id = NULL, *secret = NULL;
	char *grant = form_get(rq, "grant_type");
	char *name = form_get(rq, "username");
	char *pw = form_get(rq, "password");
	struct user *u = NULL;
	bool client = basic_credentials(rq, &id, &secret);

	if (grant == NULL || (strcmp(grant, "client_credentials") != 0 &&
			      strcmp(grant, "password") != 0))
		reply_json(rp, 400,
			   json_pack("{s:s, s:s}", "error",
				     "unsupported_grant_type",
				     "error_description",
				     "grant_type must be client_credentials or "
				     "password"));
	else if (!client || user_find(id) == NULL ||
		 (strcmp(grant, "client_credentials") == 0 &&
		  strcmp(secret, server.secret) != 0))
		reply_json(rp, 401, json_pack("{s:s, s:s}", "error",
			   "invalid_client", "error_description",
			   "bad client credentials"));
	else if (strcmp(grant, "password") == 0 &&
		 (name == NULL || pw == NULL || user_find(name) == NULL ||
		  strcmp(pw, server.password) != 0))
		reply_json(rp, 400, json_pack("{s:s, s:s}", "error",
			   "invalid_grant", "error_description",
			   "bad user credentials"));
	else
		u = user_find(strcmp(grant, "password") == 0 ? name : id);
	if (secret)
		explicit_bzero(secret, strlen(secret));
	if (pw)
		explicit_bzero(pw, strlen(pw));
	free(id);
	free(secret);
	free(grant);
	free(name);
	free(pw);
	return u;
}

/* POST /auth/v3/oauth/token. */
static void h_token(struct request *rq, struct reply *rp)
{
	struct user *u;

	if (!api_key_ok(rq, rp) || (u = token_user(rq, rp)) == NULL)
		return;
	token_issue(u, true);
	server.logins++;
	reply_json(rp, 200, json_pack("{s:s, s:s, s:I, s:s}", "access_token",
				      u->token, "token_type", "bearer",
				      "expires_in",
				      (json_int_t)server.set.token_ttl,
				      "scope", "*"));
}

/*
 * True when a statistics request may go on: the API key (403), then the
 * bearer token (401), unless the API key alone will do (then a request
 * without a valid token is the first user's).
 */
static bool authorized(struct request *rq, struct reply *rp)
{
	if (!api_key_ok(rq, rp))
		return false;
	rq->user = authenticate(rq);
	if (rq->user == NULL && server.f.api_key_only && server.nusers > 0)
		rq->user = &server.users[0];
	if (rq->user != NULL)
		return true;
	error_genesys(rp, 401, "Unauthorized");
	return false;
}

/* Users holding a subscription, not counting except. */
static int subscriptions(const struct user *except)
{
	int n = 0;

	for (int i = 0; i < server.nusers; i++)
		n += server.users[i].sub != NULL && &server.users[i] != except;
	return n;
}

/* POST /statistics/v3/subscriptions: the subscription and its first values. */
static void h_subscribe(struct request *rq, struct reply *rp)
{
	struct genesys_view_rules rules = rules_now();
	char err[512];
	struct sim_gsub *g;

	if (!authorized(rq, rp))
		return;
	if (subscriptions(rq->user) + 1 > server.set.max_subs) {
		error_genesys(rp, 403,
			      "the limit of open subscriptions is reached");
		return;
	}
	g = genesys_view_subscribe(server.sim, rq->body.data, rq->body.len,
				   &rules, err, sizeof(err));
	if (g == NULL) {
		refused_genesys(rp, rq->path, err);
		return;
	}
	genesys_view_free(rq->user->sub);
	rq->user->sub = g;
	server.subs_created++;
	sim_advance(server.sim, now_mono());
	reply_text(rp, 200, genesys_view_values(server.sim, g, NULL),
		   "application/json");
}

/* The {id} of ".../subscriptions/{id}[/rest]" (malloc'd). */
static char *sub_id(const char *path)
{
	const char *id = path + strlen(SUBS "/");

	return xstrndup(id, strcspn(id, "/"));
}

/* The user's subscription when id names it, else NULL. */
static struct sim_gsub *user_sub(const struct user *u, const char *id)
{
	return u->sub && strcmp(genesys_view_id(u->sub), id) == 0 ? u->sub
								  : NULL;
}

/*
 * GET .../subscriptions/{id}/statistic-values, DELETE .../subscriptions/{id}.
 */
static void h_subscription(struct request *rq, struct reply *rp)
{
	char *id = sub_id(rq->path);
	const char *rest = rq->path + strlen(SUBS "/") + strlen(id);
	bool del = strcmp(rq->method, "DELETE") == 0;
	struct sim_gsub *g;

	if (!authorized(rq, rp)) {
		free(id);
		return;
	}
	g = user_sub(rq->user, id);
	free(id);
	if (del && *rest == '\0') {
		if (g) {
			genesys_view_free(g);
			rq->user->sub = NULL;
			server.subs_deleted++;
		}
		reply_json(rp, 200,
			   json_pack("{s:{s:i}}", "status", "code", 0));
	} else if (del || strcmp(rest, "/statistic-values") != 0)
		error_genesys(rp, 404, "Not Found");
	else if (g == NULL)
		error_genesys(rp, 404, "no such subscription");
	else {
		const char *ids = MHD_lookup_connection_value(rq->conn,
				MHD_GET_ARGUMENT_KIND, "statisticIds");
		sim_advance(server.sim, now_mono());
		reply_text(rp, 200,
			   data_fault(genesys_view_values(server.sim, g, ids)),
			   "application/json");
	}
}

/* GET /statistics/v3/statistic-values/{name}?objectId=&objectType=. */
static void h_peek(struct request *rq, struct reply *rp)
{
	const char *name =
		rq->path + strlen("/statistics/v3/statistic-values/");
	const char *oid = MHD_lookup_connection_value(rq->conn,
				MHD_GET_ARGUMENT_KIND, "objectId");
	const char *otype = MHD_lookup_connection_value(rq->conn,
				MHD_GET_ARGUMENT_KIND, "objectType");
	struct genesys_view_rules rules = rules_now();
	char err[512];
	char *body;

	if (!authorized(rq, rp))
		return;
	if (oid == NULL || otype == NULL) {
		error_genesys(rp, 400, "objectId and objectType are required");
		return;
	}
	sim_advance(server.sim, now_mono());
	body = genesys_view_peek(server.sim, name, oid, otype, &rules, err,
				 sizeof(err));
	if (body == NULL && err[0] != '\0')
		refused_genesys(rp, rq->path, err);
	else if (body == NULL)
		error_genesys(rp, 404, "unknown statistic");
	else
		reply_text(rp, 200, body, "application/json");
}

/* POST /statistics/v3/operations/get-statistic-ex. */
static void h_peek_ex(struct request *rq, struct reply *rp)
{
	struct genesys_view_rules rules = rules_now();
	char err[512];
	char *body;

	if (!authorized(rq, rp))
		return;
	sim_advance(server.sim, now_mono());
	body = genesys_view_peek_ex(server.sim, rq->body.data, rq->body.len,
				    &rules, err, sizeof(err));
	if (body == NULL)
		refused_genesys(rp, rq->path, err);
	else
		reply_text(rp, 200, body, "application/json");
}

static const struct route routes[] = {
	{ "POST", "/auth/v3/oauth/token", h_token, OPEN, false },
	/* The API key, then the token: each handler's authorized(). */
	{ "POST", SUBS, h_subscribe, OPEN, false },
	{ "GET", SUBS "/", h_subscription, OPEN, true },
	{ "DELETE", SUBS "/", h_subscription, OPEN, true },
	{ "GET", "/statistics/v3/statistic-values/", h_peek, OPEN, true },
	{ "POST", "/statistics/v3/operations/get-statistic-ex", h_peek_ex,
	  OPEN, false },
};

static const char *const prefixes[] = { "/statistics/v3/", "/auth/v3/", NULL };

/* Free a subscription of this API. */
static void sub_free(void *sub)
{
	genesys_view_free(sub);
}

const struct sim_api simapi_genesys = {
	"genesys", routes, WB_ARRAY_LEN(routes), prefixes, error_genesys,
	NULL, NULL, sub_free
};
