/*
 * control.c - wallboard-sim's own endpoints, loopback only, whatever API
 * is served: POST /sim/control injects faults and changes settings, GET
 * /sim/state reports what the server has seen, GET /sim/objects lists the
 * model's object ids.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <microhttpd.h>

#include "sim/server.h"

/* --- /sim/control and /sim/state ----------------------------------------- */

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
void control_reset(void)
{
	free(server.f.fail_path);
	free(server.f.fail_body);
	free(server.f.delay_path);
	json_decref(server.f.extra_stats);
	json_decref(server.f.refuse_stats);
	json_decref(server.f.error_stats);
	memset(&server.f, 0, sizeof(server.f));
	server.set = server.set0;
	sim_vocabulary_reset(server.sim);
	sim_pins_reset(server.sim);
}

/* "fail": {"path", "status", "count", "body", "retry_after"}. */
static bool control_fail(json_t *v, json_t *root)
{
	json_t *st = json_object_get(v, "status"),
	       *cnt = json_object_get(v, "count");
	json_t *ra = json_object_get(v, "retry_after");
	const char *path = json_str(v, "path"), *body = json_str(v, "body");
	int status = 503, count = 1, retry_after = 0;

	if (!json_is_object(v) || (st && !json_int_in(st, 100, 599, &status)) ||
	    (cnt && !json_int_in(cnt, -1, 1000000, &count)) ||
	    (ra && !json_int_in(ra, 0, 86400, &retry_after)))
		return false;
	server.f.fail_retry_after = retry_after;
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

/* "delay_path": only requests of paths starting so are delayed. */
static bool control_delay_path(json_t *v, json_t *root)
{
	if (!json_is_string(v))
		return false;
	free(server.f.delay_path);
	server.f.delay_path = xstrdup(json_string_value(v));
	return true;
}

/* "big_header": bytes of an extra header in every API answer (0: none). */
static bool control_big_header(json_t *v, json_t *root)
{
	return json_int_in(v, 0, 16 * 1024 * 1024, &server.f.big_header);
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
		if (server.users[i].sub)
			server.api->sub_free(server.users[i].sub);
		server.users[i].sub = NULL;
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

/*
 * "state_words": {"ready": "Waiting", ...}: speak of agent states as
 * another server would (null: the view's own word again).
 */
static bool control_state_words(json_t *v, json_t *root)
{
	const char *state;
	json_t *w;

	if (!json_is_object(v))
		return false;
	json_object_foreach(v, state, w)
		if ((!json_is_string(w) && !json_is_null(w)) ||
		    !sim_set_state_text(server.sim, state,
					json_is_string(w) ? json_string_value(w)
							  : NULL))
			return false;
	return true;
}

/* "share_scale": 1 (fractions), 100 (percent) or 0 (the catalogue's). */
static bool control_share_scale(json_t *v, json_t *root)
{
	if (!json_is_integer(v) || (json_integer_value(v) != 0 &&
	    json_integer_value(v) != 1 && json_integer_value(v) != 100))
		return false;
	sim_set_share_scale(server.sim, (double)json_integer_value(v));
	return true;
}

/*
 * A deployment's own statistics: what a server whose statistics are
 * configured per deployment has, refuses, or fails (an API whose view
 * reads them; the others ignore them).
 *
 * "extra_stats": {"name": value, ...}: statistics it has beyond its API's
 * catalogue, each answering value (a number, a text, true, false or
 * null); replaces the last ones ({}: none).
 */
static bool control_extra_stats(json_t *v, json_t *root)
{
	const char *name;
	json_t *x;

	if (!json_is_object(v))
		return false;
	json_object_foreach(v, name, x)
		if (json_is_object(x) || json_is_array(x))
			return false;
	json_decref(server.f.extra_stats);
	server.f.extra_stats = json_object_size(v) ? json_incref(v) : NULL;
	return true;
}

/* A list of statistic names into *slot (replacing it; []: none). */
static bool control_names(json_t *v, json_t **slot)
{
	json_t *x;
	size_t i;

	if (!json_is_array(v))
		return false;
	json_array_foreach(v, i, x)
		if (!json_is_string(x))
			return false;
	json_decref(*slot);
	*slot = json_array_size(v) ? json_incref(v) : NULL;
	return true;
}

/* "refuse_stats": ["name", ...]: a request naming one is refused (400). */
static bool control_refuse_stats(json_t *v, json_t *root)
{
	return control_names(v, &server.f.refuse_stats);
}

/* "error_stats": ["name", ...]: opened, each object answered as an error. */
static bool control_error_stats(json_t *v, json_t *root)
{
	return control_names(v, &server.f.error_stats);
}

/*
 * "cookie_path": the Path of the cookies a login sets, as a server behind
 * a proxy that moved it would send them ("/other": never sent back to
 * the API's paths).
 */
static bool control_cookie_path(json_t *v, json_t *root)
{
	const char *p = json_is_string(v) ? json_string_value(v) : NULL;

	if (p == NULL || p[0] != '/' ||
	    strlen(p) >= sizeof(server.f.cookie_path))
		return false;
	for (const char *c = p; *c; c++)
		if (*c <= ' ' || *c > '~' || *c == ';')
			return false;
	strcpy(server.f.cookie_path, p);
	return true;
}

/*
 * The keys that drive a figure past a layout's thresholds (tests of
 * breach alerts and of the outputs), until reset:
 *
 * "force": {"service": NAME, "waiting": N, "longest": SEC} pins the
 * service's calls waiting and longest wait (either may be left out) in
 * the model, so every API's view of it, its totals and its agents show
 * them.
 */
static bool control_force(json_t *v, json_t *root)
{
	json_t *w = json_object_get(v, "waiting"),
	       *l = json_object_get(v, "longest");
	const char *svc = json_str(v, "service");

	if (svc == NULL || (w == NULL && l == NULL) ||
	    (w != NULL && (!json_is_number(w) || json_number_value(w) < 0)) ||
	    (l != NULL && (!json_is_number(l) || json_number_value(l) < 0)))
		return false;
	return sim_pin_service(server.sim, svc,
			       w ? json_number_value(w) : NAN,
			       l ? json_number_value(l) : NAN);
}

/*
 * "rename": {"service": NAME, "name": NEW} calls a service NEW from now
 * on (any text: a hostile name for a test). Before a board subscribes:
 * a server's index of names may be built once.
 */
static bool control_rename(json_t *v, json_t *root)
{
	const char *svc = json_str(v, "service"), *name = json_str(v, "name");

	return svc != NULL && name != NULL && *name != '\0' &&
	       sim_rename_service(server.sim, svc, name);
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
	{ "delay_path", control_delay_path, NULL, 0, 0, NULL },
	{ "big_header", control_big_header, NULL, 0, 0, NULL },
	{ "state_words", control_state_words, NULL, 0, 0, NULL },
	{ "share_scale", control_share_scale, NULL, 0, 0, NULL },
	/* breach alerts' tests */
	{ "force", control_force, NULL, 0, 0, NULL },
	{ "rename", control_rename, NULL, 0, 0, NULL },
	{ "cookie_flood", NULL, &server.f.cookie_flood, 0, 1000, NULL },
	{ "drop_subscriptions", control_drop_subs, NULL, 0, 0, NULL },
	{ "expire_tokens", control_expire, NULL, 0, 0, NULL },
	{ "token_ttl", control_ttl, NULL, 0, 0, NULL },
	{ "truncate", NULL, &server.f.truncate, -1, 1000000, NULL },
	{ "malformed", NULL, &server.f.malformed, -1, 1000000, NULL },
	{ "drop", NULL, &server.f.drop, -1, 1000000, NULL },
	{ "max_subscriptions", NULL, &server.set.max_subs, 0, 1000000, NULL },
	{ "first_data_delay", NULL, &server.set.first_data_delay, 0, 1000000,
	  NULL },
	{ "max_columns", NULL, &server.set.max_columns, 0, 1000000, NULL },
	{ "max_grids", NULL, &server.set.max_grids, 0, 1000000, NULL },
	{ "legacy_login_forbidden", NULL, NULL, 0, 0,
	  &server.set.legacy_forbidden },
	{ "require_session_cookie", NULL, NULL, 0, 0,
	  &server.set.require_session },
	/* A deployment's own statistics, and the API key alone as login. */
	{ "extra_stats", control_extra_stats, NULL, 0, 0, NULL },
	{ "refuse_stats", control_refuse_stats, NULL, 0, 0, NULL },
	{ "error_stats", control_error_stats, NULL, 0, 0, NULL },
	{ "api_key_only", NULL, NULL, 0, 0, &server.f.api_key_only },
	/*
	 * A server that follows the text strictly: only the documented
	 * endpoints and words (the others answer 404 or 400), a login
	 * without Set-Cookie (the token still good as a Cookie header), or
	 * its cookies on another path (as behind a proxy).
	 */
	{ "documented_only", NULL, NULL, 0, 0, &server.f.documented_only },
	{ "no_cookie", NULL, NULL, 0, 0, &server.f.no_cookie },
	{ "cookie_path", control_cookie_path, NULL, 0, 0, NULL },
};

/*
 * Apply one key of a control body; false when unknown or its value is wrong.
 */
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
		reply_error(rp, 400, 1,
			    "the control body must be a JSON object");
		json_decref(j);
		return;
	}
	if (json_is_true(json_object_get(j, "reset")))
		control_reset();
	json_object_foreach(j, key, v) {
		if (msg == NULL && !control_key(key, v, j))
			msg = xasprintf("bad or unknown control key: %s", key);
	}
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
	reply_json(rp, 200,
		   json_pack("{s:o, s:o, s:I, s:I, s:I, s:i, s:I, s:I, s:I, "
			     "s:I, s:I, s:I, s:I, s:I}",
			     "requests", req, "status_counts", st,
			     "connections", (json_int_t)server.connections,
			     "logins", (json_int_t)server.logins,
			     "tokens_issued", (json_int_t)server.tokens_issued,
			     "subscriptions_active", active_subs(NULL),
			     "subscriptions_created",
			     (json_int_t)server.subs_created,
			     "subscriptions_deleted",
			     (json_int_t)server.subs_deleted, "cookies_set",
			     (json_int_t)server.cookies_set, "cookies_most",
			     (json_int_t)server.cookies_most, "injected",
			     (json_int_t)server.injected, "dropped",
			     (json_int_t)server.dropped, "clock",
			     (json_int_t)floor(sim_clock(server.sim)),
			     "bytes_sent", (json_int_t)server.bytes_sent));
}

/* GET /sim/objects?what=agents|queues: object ids, one a line. */
static void h_objects(struct request *rq, struct reply *rp)
{
	const char *what = MHD_lookup_connection_value(
		rq->conn, MHD_GET_ARGUMENT_KIND, "what");
	char *list = what ? sim_object_list(server.sim, what) : NULL;

	if (list == NULL)
		reply_error(rp, 400, 1, "what must be agents or queues");
	else
		reply_text(rp, 200, list, "text/plain");
}

/* The control endpoints, whatever API is served. */
const struct route control_routes[] = {
	{ "POST", "/sim/control", h_control, LOOPBACK, false },
	{ "GET", "/sim/state", h_state, LOOPBACK, false },
	{ "GET", "/sim/objects", h_objects, LOOPBACK, false },
};

const size_t ncontrol_routes = WB_ARRAY_LEN(control_routes);
