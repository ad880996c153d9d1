/*
 * routes.c - wallboard-sim --api 8x8: the simulated contact centre
 * as the 8x8 Contact Center real-time statistics API.
 *
 * GET /api/rtstats/stats/agents.json, /agent/{id}.json, /queues.json and
 * /queue/{id}.json, each with the tenant name and the API token as HTTP
 * Basic credentials (403 otherwise, as the reference says). Only the JSON
 * format is served; a request for XML (no suffix, or .xml) gets 406.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "providers/8x8/view.h"
#include "sim/server.h"

#define STATS "/api/rtstats/stats"

/* True when the request carries the tenant's name and token. */
static bool tenant_token_ok(struct request *rq)
{
	char *user = NULL, *token = NULL;
	bool ok;

	if (!basic_credentials(rq, &user, &token))
		return false;
	ok = strcmp(user, server.tenant) == 0 &&
	     strcmp(token, server.secret) == 0;
	explicit_bzero(token, strlen(token));
	free(user);
	free(token);
	return ok;
}

/*
 * The id in a path such as ".../agent/jdoe.json" (malloc'd, without
 * ".json"), or NULL when the path asks for another format. For a list
 * path (".../agents.json") the id is "".
 */
static char *json_id(const char *path, const char *prefix)
{
	const char *rest = path + strlen(prefix);
	size_t n = strlen(rest);

	if (n < 5 || strcmp(rest + n - 5, ".json") != 0)
		return NULL;
	return xstrndup(rest, n - 5);
}

/* Serve one of the API's resources: list is the whole list's body maker. */
static void serve(struct request *rq, struct reply *rp, const char *prefix,
		  char *(*body)(struct sim *, const char *))
{
	char *id, *text;

	if (!tenant_token_ok(rq)) {
		reply_api_error(rp, 403, "Forbidden");
		return;
	}
	id = json_id(rq->path, prefix);
	if (id == NULL) {
		reply_api_error(rp, 406,
				"only the JSON format (.json) is simulated");
		return;
	}
	sim_advance(server.sim, now_mono());
	text = body(server.sim, id[0] ? id : NULL);
	if (text == NULL)
		reply_api_error(rp, 404, "Not Found");
	else
		reply_text(rp, 200, data_fault(text), "application/json");
	free(id);
}

/* GET .../agents.json (the whole list). */
static void h_agents(struct request *rq, struct reply *rp)
{
	serve(rq, rp, STATS "/agents", eightbyeight_view_agents);
}

/* GET .../agent/{id}.json. */
static void h_agent(struct request *rq, struct reply *rp)
{
	serve(rq, rp, STATS "/agent/", eightbyeight_view_agents);
}

/* GET .../queues.json. */
static void h_queues(struct request *rq, struct reply *rp)
{
	serve(rq, rp, STATS "/queues", eightbyeight_view_queues);
}

/* GET .../queue/{id}.json. */
static void h_queue(struct request *rq, struct reply *rp)
{
	serve(rq, rp, STATS "/queue/", eightbyeight_view_queues);
}

/* The 8x8 error answer: the status line's words as a small JSON body. */
static void error_8x8(struct reply *rp, int status, const char *msg)
{
	json_t *m = json_string(msg);

	reply_json(rp, status,
		   json_pack("{s:i, s:o}", "status", status, "message",
			     m ? m : json_string("error")));
}

static const struct route routes[] = {
	{ "GET", STATS "/agents", h_agents, OPEN, true },
	{ "GET", STATS "/agent/", h_agent, OPEN, true },
	{ "GET", STATS "/queues", h_queues, OPEN, true },
	{ "GET", STATS "/queue/", h_queue, OPEN, true },
};

static const char *const prefixes[] = { "/api/rtstats/", NULL };

/* The 8x8 API holds no subscription: nothing to free. */
static void sub_free(void *sub)
{
	(void)sub;
}

const struct sim_api simapi_8x8 = {
	"8x8", routes, WB_ARRAY_LEN(routes), prefixes, error_8x8, NULL, NULL,
	sub_free
};
