/*
 * check_sim_views.c - unit tests of the simulated contact centre's 8x8 and
 * Genesys views (src/sim/eightbyeight.c, src/sim/genesys.c): the bodies'
 * shapes (a list of one element is that element), every field of the 8x8
 * reference's tables (and of the 8x8 catalogue), agent states consistent with the model, unknown ids,
 * the object lists, Genesys subscriptions refused for what Stat Server
 * would refuse, a value for every catalogue statistic, the statisticIds
 * filter, single values (peek, get-statistic-ex), and the same bodies from
 * the same seed.
 */
#include "autoconf.h"

#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "sim/sim_internal.h"
#include "util.h"

/* The reference's Agent table, in its example's order. */
static const char *const agent_fields[] = {
	"agent-id", "agent-media-id", "agent-name", "agent-status",
	"assigned-skill-count", "day-accepted-count", "day-available-time",
	"day-avg-processing-time", "day-break-time", "day-login-time",
	"day-offline-time", "day-processing-time", "day-rejected-count",
	"day-wrap-up-time", "enabled-skill-count", "group-id",
	"last-login-time", "phone-line1-status", "phone-line1-status-time",
	"phone-line2-status", "phone-line2-status-time", "status-code-item-id",
	"status-code-item-short-code", "status-code-list-id",
	"thirty-min-accepted-count", "thirty-min-available-time",
	"thirty-min-avg-handling-time", "thirty-min-break-time",
	"thirty-min-offline-time", "thirty-min-processing-time",
	"thirty-min-rejected-count", "thirty-min-wrap-up-time", "time-in-status",
};

/* The reference's Queue table and the example's two abandoned fields. */
static const char *const queue_fields[] = {
	"agent-count-busy", "agent-count-loggedOut", "agent-count-onBreak",
	"agent-count-postProcess", "agent-count-waitTransact",
	"agent-count-workOffline", "day-abandoned", "day-accepted",
	"day-avg-duration", "day-avg-wait-time", "day-queued",
	"day-sla-activity", "assigned-agent-count", "enabled-agent-count",
	"longest-wait-time", "media-type", "number-in-offered",
	"number-in-progress", "queue-id", "queue-name", "queue-size",
	"sla-activity", "sla-target", "thirty-min-abandoned",
	"thirty-min-accepted", "thirty-min-avg-duration",
	"thirty-min-avg-wait-time", "thirty-min-longest-wait-time",
	"thirty-min-queued", "thirty-min-sla-activity",
};

/* A sim of n agents and m services (0: defaults) at hour h. */
static struct sim *new_sim(unsigned seed, int agents, int services, double h)
{
	struct sim_options o;

	sim_options_default(&o);
	o.seed = seed;
	o.agents = agents;
	o.services = services;
	o.start_of_day = h * 3600;
	return sim_new(&o);
}

/* A body parsed (the test fails if it is not JSON); frees the text. */
static json_t *parse(char *text)
{
	json_error_t jerr;
	json_t *j;

	ck_assert_ptr_nonnull(text);
	j = json_loads(text, 0, &jerr);
	ck_assert_msg(j != NULL, "not JSON: %s", jerr.text);
	free(text);
	return j;
}

/* A field of an 8x8 record: always a string. */
static const char *field(json_t *rec, const char *name)
{
	json_t *v = json_object_get(rec, name);

	ck_assert_msg(json_is_string(v), "%s is not a string", name);
	return json_string_value(v);
}

/* A field of an 8x8 record as a number (the test fails if it is none). */
static double num(json_t *rec, const char *name)
{
	double d;

	ck_assert_msg(parse_double(field(rec, name), &d), "%s is \"%s\"", name,
		      field(rec, name));
	return d;
}

/* Check that rec has exactly these fields, all strings. */
static void check_fields(json_t *rec, const char *const *names, size_t n)
{
	ck_assert(json_is_object(rec));
	ck_assert_uint_eq(json_object_size(rec), n);
	for (size_t i = 0; i < n; i++)
		field(rec, names[i]);
}

/* The list inside {"<outer>": {"<inner>": ...}} (an array or an object). */
static json_t *list_of(json_t *root, const char *outer, const char *inner)
{
	json_t *o = json_object_get(root, outer);

	ck_assert_uint_eq(json_object_size(root), 1);
	ck_assert(json_is_object(o));
	ck_assert_uint_eq(json_object_size(o), 1);
	return json_object_get(o, inner);
}

/* The 8x8 status code the model's agent should show. */
static int expected_status(const struct sim *s, const struct sim_agent *a)
{
	switch (a->state) {
	case AS_READY:
		return 0;
	case AS_BUSY:
		return s->t - a->since < a->ring_len ? 1 : 2;
	case AS_ACW:
		return 3;
	case AS_NOT_READY:
		return a->reason && (strcmp(a->reason, "Break") == 0 ||
				     strcmp(a->reason, "Lunch") == 0) ? 4 : 5;
	case AS_LOGGED_OUT:
		break;
	}
	return 9;
}

/* --- 8x8 -------------------------------------------------------------- */

START_TEST(test_8x8_agent_list_shape)
{
	struct sim *s = new_sim(1, 0, 0, 10.5);
	json_t *root = parse(sim_8x8_agents(s, NULL));
	json_t *list = list_of(root, "agents", "agent"), *rec;
	size_t i;

	ck_assert(json_is_array(list));
	ck_assert_uint_eq(json_array_size(list), (size_t)s->nagents);
	json_array_foreach(list, i, rec) {
		check_fields(rec, agent_fields, WB_ARRAY_LEN(agent_fields));
		ck_assert_str_eq(field(rec, "agent-id"), s->agents[i].login_id);
		ck_assert_str_eq(field(rec, "agent-name"), s->agents[i].full);
	}
	json_decref(root);
	sim_free(s);
}
END_TEST

START_TEST(test_8x8_queue_list_shape)
{
	struct sim *s = new_sim(1, 0, 0, 11);
	json_t *root = parse(sim_8x8_queues(s, NULL));
	json_t *list = list_of(root, "queues", "queue"), *rec;
	size_t i;

	ck_assert(json_is_array(list));
	ck_assert_uint_eq(json_array_size(list), (size_t)s->nsvcs);
	json_array_foreach(list, i, rec) {
		const struct sim_service *sv = &s->svcs[i];
		const char *media = field(rec, "media-type");
		double counts = 0;

		check_fields(rec, queue_fields, WB_ARRAY_LEN(queue_fields));
		ck_assert_str_eq(field(rec, "queue-name"), sv->name);
		ck_assert_int_eq((int)num(rec, "queue-id"), 100 + (int)i);
		ck_assert(strcmp(media, "phone") == 0 || strcmp(media, "chat") == 0 ||
			  strcmp(media, "email") == 0);
		ck_assert_str_eq(media, sv->media == MEDIA_CHAT ? "chat" :
				 sv->media == MEDIA_EMAIL ? "email" : "phone");
		ck_assert_int_eq((int)num(rec, "queue-size"), (int)sv->queue.n);
		for (size_t k = 0; k < 6; k++)
			counts += num(rec, queue_fields[k]);
		ck_assert_int_eq((int)counts, (int)num(rec, "assigned-agent-count"));
		ck_assert(num(rec, "sla-activity") >= -1 && num(rec, "sla-activity") <= 100);
		ck_assert(num(rec, "day-sla-activity") >= -1 &&
			  num(rec, "day-sla-activity") <= 100);
		ck_assert(num(rec, "thirty-min-queued") <= num(rec, "day-queued"));
		ck_assert(num(rec, "thirty-min-accepted") <= num(rec, "day-accepted"));
		ck_assert(num(rec, "longest-wait-time") >= 0);
	}
	json_decref(root);
	sim_free(s);
}
END_TEST

START_TEST(test_8x8_catalogue_fields)
{
	struct sim *s = new_sim(1, 2, 2, 11);
	json_t *a = parse(sim_8x8_agents(s, NULL)), *q = parse(sim_8x8_queues(s, NULL));
	json_t *agent = json_array_get(list_of(a, "agents", "agent"), 0);
	json_t *queue = json_array_get(list_of(q, "queues", "queue"), 0);
	size_t agents = 0, queues = 0;

	for (size_t i = 0; i < catalog_8x8.n; i++) {
		const struct stat_info *info = &catalog_8x8.stats[i];

		if (info->scope & STAT_SCOPE_AGENT) {
			field(agent, info->name);
			agents++;
		}
		if (info->scope & STAT_SCOPE_SERVICE) {
			field(queue, info->name);
			queues++;
		}
	}
	ck_assert_uint_eq(agents, WB_ARRAY_LEN(agent_fields));
	ck_assert_uint_eq(queues, WB_ARRAY_LEN(queue_fields));
	json_decref(a);
	json_decref(q);
	sim_free(s);
}
END_TEST

START_TEST(test_8x8_one_element_is_object)
{
	struct sim *s = new_sim(3, 1, 1, 11);
	json_t *a = parse(sim_8x8_agents(s, NULL));
	json_t *q = parse(sim_8x8_queues(s, NULL));

	check_fields(list_of(a, "agents", "agent"), agent_fields,
		     WB_ARRAY_LEN(agent_fields));
	check_fields(list_of(q, "queues", "queue"), queue_fields,
		     WB_ARRAY_LEN(queue_fields));
	json_decref(a);
	json_decref(q);
	sim_free(s);
}
END_TEST

START_TEST(test_8x8_by_id)
{
	struct sim *s = new_sim(1, 0, 0, 11);
	json_t *a = parse(sim_8x8_agents(s, s->agents[5].login_id));
	json_t *byid = parse(sim_8x8_queues(s, "102"));
	json_t *byname = parse(sim_8x8_queues(s, s->svcs[2].name));
	json_t *rec = json_object_get(a, "agent");
	char past[16];

	ck_assert_uint_eq(json_object_size(a), 1);
	check_fields(rec, agent_fields, WB_ARRAY_LEN(agent_fields));
	ck_assert_str_eq(field(rec, "agent-id"), s->agents[5].login_id);
	ck_assert_uint_eq(json_object_size(byid), 1);
	rec = json_object_get(byid, "queue");
	check_fields(rec, queue_fields, WB_ARRAY_LEN(queue_fields));
	ck_assert_str_eq(field(rec, "queue-name"), s->svcs[2].name);
	ck_assert(json_equal(byid, byname));
	snprintf(past, sizeof(past), "%d", 100 + s->nsvcs);
	ck_assert_ptr_null(sim_8x8_agents(s, "no.such.agent"));
	ck_assert_ptr_null(sim_8x8_queues(s, past));
	ck_assert_ptr_null(sim_8x8_queues(s, "99"));
	ck_assert_ptr_null(sim_8x8_queues(s, "No such queue"));
	json_decref(a);
	json_decref(byid);
	json_decref(byname);
	sim_free(s);
}
END_TEST

/* Check every agent record against the model; counts codes seen. */
static void check_states(struct sim *s, int *seen)
{
	json_t *root = parse(sim_8x8_agents(s, NULL));
	json_t *list = list_of(root, "agents", "agent"), *rec;
	size_t i;

	json_array_foreach(list, i, rec) {
		const struct sim_agent *a = &s->agents[i];
		int st = (int)num(rec, "agent-status");
		bool reason = a->state == AS_NOT_READY && a->reason != NULL;

		ck_assert_int_eq(st, expected_status(s, a));
		seen[st]++;
		ck_assert_int_eq((int)num(rec, "group-id"), 100 + a->team);
		ck_assert_int_eq(num(rec, "time-in-status") < 0, st == 9);
		ck_assert_int_eq(num(rec, "phone-line1-status") < 0, st == 9);
		ck_assert_int_eq(num(rec, "last-login-time") < 0, a->login_at == 0);
		ck_assert_int_eq(field(rec, "status-code-item-id")[0] != '\0', reason);
		ck_assert_int_eq(field(rec, "status-code-item-short-code")[0] != '\0',
				 reason);
		ck_assert_str_eq(field(rec, "status-code-list-id"), reason ? "1" : "");
	}
	json_decref(root);
}

START_TEST(test_8x8_states_match_model)
{
	struct sim *s = new_sim(5, 60, 0, 9.5);
	int seen[10] = { 0 };

	for (int i = 0; i < 40; i++) {
		check_states(s, seen);
		sim_step(s, 97);
	}
	ck_assert_int_gt(seen[0], 0);
	ck_assert_int_gt(seen[2], 0);
	ck_assert_int_gt(seen[3], 0);
	ck_assert_int_gt(seen[4], 0);
	ck_assert_int_gt(seen[5], 0);
	ck_assert_int_gt(seen[9], 0);
	sim_free(s);
}
END_TEST

/* The sum of some time fields of a record. */
static double sum_times(json_t *rec, const char *prefix)
{
	static const char *const parts[] = {
		"available-time", "break-time", "offline-time",
		"processing-time", "wrap-up-time",
	};
	char name[64];
	double t = 0;

	for (size_t i = 0; i < WB_ARRAY_LEN(parts); i++) {
		snprintf(name, sizeof(name), "%s-%s", prefix, parts[i]);
		t += num(rec, name);
	}
	return t;
}

START_TEST(test_8x8_times_add_up)
{
	struct sim *s = new_sim(8, 0, 0, 15);
	json_t *root = parse(sim_8x8_agents(s, NULL));
	json_t *list = list_of(root, "agents", "agent"), *rec;
	size_t i;
	int logged = 0;

	json_array_foreach(list, i, rec) {
		double login = num(rec, "day-login-time");
		double half = sum_times(rec, "thirty-min");

		ck_assert_msg(fabs(sum_times(rec, "day") - login) <= 3,
			      "agent %zu: %.0f s of %.0f", i, sum_times(rec, "day"), login);
		ck_assert(half <= 1800 + 3);
		ck_assert(num(rec, "thirty-min-accepted-count") <=
			  num(rec, "day-accepted-count"));
		ck_assert(num(rec, "thirty-min-rejected-count") <=
			  num(rec, "day-rejected-count"));
		if (s->agents[i].state == AS_LOGGED_OUT)
			continue;
		logged++;
		ck_assert(login > 0);
		ck_assert(half > 0);
	}
	ck_assert_int_gt(logged, 0);
	json_decref(root);
	sim_free(s);
}
END_TEST

START_TEST(test_8x8_status_code_of_reason)
{
	struct sim *s = new_sim(2, 0, 0, 12);
	const struct sim_agent *a = NULL;
	json_t *root, *rec;
	const char *code;

	for (int tries = 0; a == NULL && tries < 100; tries++) {
		for (int i = 0; i < s->nagents && a == NULL; i++)
			if (s->agents[i].state == AS_NOT_READY && s->agents[i].reason)
				a = &s->agents[i];
		if (a == NULL)
			sim_step(s, 60);
	}
	ck_assert_ptr_nonnull(a);
	root = parse(sim_8x8_agents(s, a->login_id));
	rec = json_object_get(root, "agent");
	ck_assert(num(rec, "status-code-item-id") >= 1000);
	code = field(rec, "status-code-item-short-code");
	ck_assert(code[0] != '\0');
	for (const char *p = code; *p; p++)
		ck_assert(!(*p >= 'a' && *p <= 'z'));
	json_decref(root);
	sim_free(s);
}
END_TEST

START_TEST(test_object_lists)
{
	struct sim *s = new_sim(1, 30, 7, 11);
	char *agents = sim_object_list(s, "agents");
	char *queues = sim_object_list(s, "queues");
	char *line, *save;
	int n = 0;

	for (line = strtok_r(agents, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		ck_assert_str_eq(line, s->agents[n++].login_id);
	ck_assert_int_eq(n, 30);
	n = 0;
	for (line = strtok_r(queues, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		ck_assert_str_eq(line, s->svcs[n++].name);
	ck_assert_int_eq(n, 7);
	ck_assert_ptr_null(sim_object_list(s, "teams"));
	free(agents);
	free(queues);
	sim_free(s);
}
END_TEST

START_TEST(test_8x8_same_seed_same_bodies)
{
	struct sim *a = new_sim(42, 0, 0, 10), *b = new_sim(42, 0, 0, 10);
	struct sim *c = new_sim(43, 0, 0, 10);
	char *ta, *tb, *tc;

	sim_step(a, 1200);
	sim_step(b, 1200);
	sim_step(c, 1200);
	ta = sim_8x8_agents(a, NULL);
	tb = sim_8x8_agents(b, NULL);
	tc = sim_8x8_agents(c, NULL);
	ck_assert_str_eq(ta, tb);
	ck_assert_str_ne(ta, tc);
	free(ta);
	free(tb);
	free(tc);
	ta = sim_8x8_queues(a, NULL);
	tb = sim_8x8_queues(b, NULL);
	ck_assert_str_eq(ta, tb);
	free(ta);
	free(tb);
	sim_free(a);
	sim_free(b);
	sim_free(c);
}
END_TEST

/* --- Genesys ----------------------------------------------------------- */

/* Subscribe to body; fail the test with the message if refused. */
static struct sim_gsub *gsubscribe(struct sim *s, const char *body)
{
	char err[512];
	struct sim_gsub *g = sim_genesys_subscribe(s, body, strlen(body), err,
						   sizeof(err));

	ck_assert_msg(g != NULL, "refused: %s", err);
	return g;
}

/* A subscription body of one statistic. */
static char *one_stat(const char *id, const char *oid, const char *otype,
		      const char *name)
{
	return xasprintf("{\"operationId\": \"op\", \"data\": {\"statistics\": "
			 "[{\"statisticId\": \"%s\", \"objectId\": \"%s\", "
			 "\"objectType\": \"%s\", \"name\": \"%s\"}]}}",
			 id, oid, otype, name);
}

/* The value of the statistic with this id in a values answer. */
static json_t *value_of(json_t *answer, const char *id)
{
	json_t *list = json_object_get(json_object_get(answer, "data"),
				       "statistics"), *st;
	size_t i;

	json_array_foreach(list, i, st)
		if (strcmp(json_string_value(json_object_get(st, "statisticId")),
			   id) == 0)
			return json_object_get(st, "value");
	ck_abort_msg("no statistic %s", id);
	return NULL;
}

/* The one value of a subscription of one statistic. */
static json_t *single(struct sim *s, const char *oid, const char *otype,
		      const char *name)
{
	char *body = one_stat("x", oid, otype, name);
	struct sim_gsub *g = gsubscribe(s, body);
	json_t *ans = parse(sim_genesys_values(s, g, NULL));
	json_t *v = json_incref(value_of(ans, "x"));

	json_decref(ans);
	sim_gsub_free(g);
	free(body);
	return v;
}

/* {"value": n}'s n (the test fails if it is not that shape). */
static double number_in(json_t *v)
{
	json_t *n = json_object_get(v, "value");

	ck_assert_msg(json_is_number(n), "value is not {\"value\": number}");
	return json_number_value(n);
}

START_TEST(test_genesys_refusals)
{
	static const char *const bad[] = {
		"", "not json", "[]", "{}", "{\"data\": {}}",
		"{\"data\": {\"statistics\": {}}}",
		"{\"data\": {\"statistics\": [1]}}",
		"{\"data\": {\"statistics\": [{\"objectId\": \"Env\", "
		"\"objectType\": \"Tenant\", \"name\": \"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectType\": \"Tenant\", \"name\": \"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectId\": \"Env\", \"name\": \"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", \"objectId\": "
		"\"Env\", \"objectType\": \"Planet\", \"name\": \"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", \"objectId\": "
		"\"Env\", \"objectType\": \"Tenant\", \"name\": \"NoSuchStatistic\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", \"objectId\": "
		"\"Env\", \"objectType\": \"Tenant\", \"name\": 7}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", \"objectId\": "
		"\"Env\", \"objectType\": \"Tenant\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", \"objectId\": "
		"7, \"objectType\": \"Tenant\", \"name\": \"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": 1, \"objectId\": "
		"\"Env\", \"objectType\": \"Tenant\", \"name\": \"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": ["
		"{\"statisticId\": \"a\", \"objectId\": \"Env\", \"objectType\": "
		"\"Tenant\", \"name\": \"CurrNumberWaitingCalls\"},"
		"{\"statisticId\": \"a\", \"objectId\": \"Env\", \"objectType\": "
		"\"Tenant\", \"name\": \"ServiceFactor1\"}]}}",
		"{\"operationId\": 5, \"data\": {\"statistics\": []}}",
	};
	struct sim *s = new_sim(1, 12, 2, 11);
	char err[512];

	for (size_t i = 0; i < WB_ARRAY_LEN(bad); i++) {
		strcpy(err, "");
		ck_assert_msg(sim_genesys_subscribe(s, bad[i], strlen(bad[i]), err,
						    sizeof(err)) == NULL,
			      "accepted: %s", bad[i]);
		ck_assert_msg(err[0] != '\0', "no message for: %s", bad[i]);
	}
	ck_assert_ptr_null(sim_genesys_subscribe(s, NULL, 0, err, sizeof(err)));
	sim_free(s);
}
END_TEST

/* A body of n statistics on the tenant. */
static char *many_stats(size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "{\"data\": {\"statistics\": [");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s{\"statisticId\": \"s%zu\", \"objectId\": \"Env\", "
			   "\"objectType\": \"Tenant\", \"name\": "
			   "\"CurrNumberWaitingCalls\"}", i ? "," : "", i);
	buf_puts(&b, "]}}");
	return b.data;
}

START_TEST(test_genesys_size_limit)
{
	struct sim *s = new_sim(1, 12, 2, 11);
	char *ok = many_stats(20000), *big = many_stats(20001), err[512];
	struct sim_gsub *g = gsubscribe(s, ok);
	json_t *ans = parse(sim_genesys_values(s, g, NULL));

	ck_assert_uint_eq(json_array_size(json_object_get(json_object_get(ans,
			  "data"), "statistics")), 20000);
	ck_assert_ptr_null(sim_genesys_subscribe(s, big, strlen(big), err,
						 sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "too many"));
	json_decref(ans);
	sim_gsub_free(g);
	free(ok);
	free(big);
	sim_free(s);
}
END_TEST

/* Check a value's shape by the statistic's kind. */
static void check_value(const struct stat_info *info, json_t *v, const char *oid)
{
	static const char *const states[] = {
		"WaitForNextCall", "NotReadyForNextCall", "AfterCallWork",
		"CallInbound", "CallOutbound", "LoggedOut",
	};
	json_t *state = json_object_get(v, "state");
	bool known = false;
	double d;

	ck_assert_msg(json_is_object(v), "%s has no value", info->name);
	switch (info->kind) {
	case STAT_STATE:
		ck_assert(json_is_string(state));
		for (size_t i = 0; i < WB_ARRAY_LEN(states); i++)
			known = known || strcmp(json_string_value(state), states[i]) == 0;
		ck_assert_msg(known, "state %s", json_string_value(state));
		ck_assert(json_is_string(json_object_get(v, "reason")));
		break;
	case STAT_TEXT:
		ck_assert(json_is_string(json_object_get(v, "value")));
		if (strcmp(info->name, "ObjectId") == 0)
			ck_assert_str_eq(json_string_value(json_object_get(v, "value")),
					 oid);
		break;
	case STAT_PERCENT:
		d = number_in(v);
		ck_assert(d >= 0 && d <= 100);
		break;
	default:
		ck_assert_msg(json_is_integer(json_object_get(v, "value")),
			      "%s is not a whole number", info->name);
		ck_assert(number_in(v) >= 0);
		break;
	}
}

START_TEST(test_genesys_every_statistic)
{
	struct sim *s = new_sim(4, 0, 0, 11);
	const char *agent = s->agents[2].login_id, *queue = s->svcs[0].name;
	struct buf b;
	struct sim_gsub *g;
	json_t *ans;

	buf_init(&b);
	buf_puts(&b, "{\"operationId\": \"every\", \"data\": {\"statistics\": [");
	for (size_t i = 0; i < catalog_genesys.n; i++) {
		const struct stat_info *info = &catalog_genesys.stats[i];
		bool ag = info->scope & STAT_SCOPE_AGENT;

		buf_printf(&b, "%s{\"statisticId\": \"%zu\", \"objectId\": \"%s\", "
			   "\"objectType\": \"%s\", \"name\": \"%s\"}", i ? "," : "",
			   i, ag ? agent : queue, ag ? "Agent" : "Queue", info->name);
	}
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	ans = parse(sim_genesys_values(s, g, NULL));
	for (size_t i = 0; i < catalog_genesys.n; i++) {
		const struct stat_info *info = &catalog_genesys.stats[i];
		char id[32];

		snprintf(id, sizeof(id), "%zu", i);
		check_value(info, value_of(ans, id),
			    info->scope & STAT_SCOPE_AGENT ? agent : queue);
	}
	ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(ans,
			 "status"), "code")), 0);
	json_decref(ans);
	sim_gsub_free(g);
	buf_free(&b);
	sim_free(s);
}
END_TEST

/* The Stat Server word the test expects for the model's agent. */
static const char *expected_state(const struct sim_agent *a)
{
	switch (a->state) {
	case AS_READY:
		return "WaitForNextCall";
	case AS_NOT_READY:
		return "NotReadyForNextCall";
	case AS_BUSY:
		return a->outbound ? "CallOutbound" : "CallInbound";
	case AS_ACW:
		return "AfterCallWork";
	case AS_LOGGED_OUT:
		break;
	}
	return "LoggedOut";
}

START_TEST(test_genesys_states_match_model)
{
	struct sim *s = new_sim(6, 40, 0, 10);
	struct buf b;
	struct sim_gsub *g;

	buf_init(&b);
	buf_puts(&b, "{\"data\": {\"statistics\": [");
	for (int i = 0; i < s->nagents; i++)
		buf_printf(&b, "%s{\"statisticId\": \"s%d\", \"objectId\": \"%s\", "
			   "\"objectType\": \"Agent\", \"name\": \"CurrentAgentState\"},"
			   "{\"statisticId\": \"r%d\", \"objectId\": \"%s\", "
			   "\"objectType\": \"Agent\", \"name\": \"CurrentNotReadyReason\"},"
			   "{\"statisticId\": \"t%d\", \"objectId\": \"%s\", "
			   "\"objectType\": \"Agent\", \"name\": \"TimeInCurrentState\"}",
			   i ? "," : "", i, s->agents[i].login_id, i,
			   s->agents[i].login_id, i, s->agents[i].login_id);
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	for (int round = 0; round < 10; round++) {
		json_t *ans = parse(sim_genesys_values(s, g, NULL));

		for (int i = 0; i < s->nagents; i++) {
			const struct sim_agent *a = &s->agents[i];
			const char *reason = a->state == AS_NOT_READY && a->reason ?
					     a->reason : "";
			char id[16];

			snprintf(id, sizeof(id), "s%d", i);
			ck_assert_str_eq(json_string_value(json_object_get(
					 value_of(ans, id), "state")), expected_state(a));
			snprintf(id, sizeof(id), "r%d", i);
			ck_assert_str_eq(json_string_value(json_object_get(
					 value_of(ans, id), "value")), reason);
			snprintf(id, sizeof(id), "t%d", i);
			ck_assert_int_eq((int)number_in(value_of(ans, id)),
					 (int)floor(s->t - a->since));
		}
		json_decref(ans);
		sim_step(s, 300);
	}
	sim_gsub_free(g);
	buf_free(&b);
	sim_free(s);
}
END_TEST

/* The statisticIds of an answer, comma-joined (malloc'd). */
static char *answer_ids(json_t *ans)
{
	json_t *list = json_object_get(json_object_get(ans, "data"), "statistics");
	json_t *st;
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_puts(&b, "");
	json_array_foreach(list, i, st)
		buf_printf(&b, "%s%s", i ? "," : "",
			   json_string_value(json_object_get(st, "statisticId")));
	return b.data;
}

START_TEST(test_genesys_values_filter)
{
	static const char *const names[] = {
		"CurrNumberWaitingCalls", "ServiceFactor1", "TotalNumberCallsEntered",
		"CurrMaxCallWaitingTime", "PercentageCallsAbandoned",
	};
	struct sim *s = new_sim(1, 0, 0, 11);
	struct buf b;
	struct sim_gsub *g;
	json_t *ans, *data, *st;
	char *ids;

	buf_init(&b);
	buf_puts(&b, "{\"operationId\": \"op-7\", \"data\": {\"statistics\": [");
	for (int i = 0; i < 5; i++)
		buf_printf(&b, "%s{\"statisticId\": \"%c\", \"objectId\": \"Env\", "
			   "\"objectType\": \"Tenant\", \"name\": \"%s\"}",
			   i ? "," : "", 'a' + i, names[i]);
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	ans = parse(sim_genesys_values(s, g, NULL));
	data = json_object_get(ans, "data");
	ck_assert_str_eq(json_string_value(json_object_get(data, "operationId")), "op-7");
	ck_assert_str_eq(json_string_value(json_object_get(data, "subscriptionId")),
			 sim_gsub_id(g));
	st = json_array_get(json_object_get(data, "statistics"), 1);
	ck_assert_str_eq(json_string_value(json_object_get(st, "name")), "ServiceFactor1");
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectId")), "Env");
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectType")), "Tenant");
	ck_assert(json_is_integer(json_object_get(st, "timestamp")));
	ck_assert(json_integer_value(json_object_get(st, "timestamp")) >
		  1000000000000LL);
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "a,b,c,d,e");
	free(ids);
	json_decref(ans);
	ans = parse(sim_genesys_values(s, g, "b,d"));
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "b,d");
	free(ids);
	json_decref(ans);
	ans = parse(sim_genesys_values(s, g, " e , a ,zz,,"));
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "a,e");
	free(ids);
	json_decref(ans);
	ans = parse(sim_genesys_values(s, g, "zz"));
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "");
	free(ids);
	json_decref(ans);
	sim_gsub_free(g);
	buf_free(&b);
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_objects)
{
	struct sim *s = new_sim(1, 0, 0, 11);
	const struct sim_team *tm = &s->teams[1];
	json_t *v, *w;
	double waiting = 0, logged = 0;
	char *body;
	struct sim_gsub *g;
	json_t *ans;

	v = single(s, "no.such.agent", "Agent", "TotalTalkTime");
	ck_assert(json_is_null(v));
	json_decref(v);
	v = single(s, "No such queue", "Queue", "CurrNumberWaitingCalls");
	ck_assert(json_is_null(v));
	json_decref(v);
	v = single(s, s->svcs[0].name, "Queue", "CurrentAgentState");
	ck_assert(json_is_null(v));
	json_decref(v);
	v = single(s, s->svcs[0].name, "Queue", "TotalTalkTime");
	ck_assert(json_is_null(v));
	json_decref(v);
	for (int i = 0; i < s->nsvcs; i++)
		waiting += (double)s->svcs[i].queue.n;
	v = single(s, "anything", "Tenant", "CurrNumberWaitingCalls");
	ck_assert_int_eq((int)number_in(v), (int)waiting);
	json_decref(v);
	v = single(s, s->svcs[2].name, "Queue", "TotalNumberCallsEntered");
	w = single(s, s->svcs[2].name, "GroupQueues", "TotalNumberCallsEntered");
	ck_assert(json_equal(v, w));
	json_decref(w);
	w = single(s, s->svcs[2].id, "RoutePoint", "TotalNumberCallsEntered");
	ck_assert(json_equal(v, w));
	json_decref(v);
	json_decref(w);
	waiting = 0;
	for (size_t i = 0; i < tm->nsvcs; i++)
		waiting += (double)s->svcs[tm->svcs[i]].queue.n;
	v = single(s, tm->name, "GroupQueues", "CurrNumberWaitingCalls");
	ck_assert_int_eq((int)number_in(v), (int)waiting);
	json_decref(v);
	for (int i = 0; i < s->nagents; i++)
		logged += s->agents[i].team == 1 &&
			  s->agents[i].state != AS_LOGGED_OUT;
	v = single(s, tm->name, "GroupAgents", "CurrNumberLoggedInAgents");
	ck_assert_int_eq((int)number_in(v), (int)logged);
	json_decref(v);
	v = single(s, tm->name, "GroupAgents", "CurrentAgentState");
	ck_assert(json_is_null(v));
	json_decref(v);
	body = xasprintf("{\"data\": {\"statistics\": [{\"statisticId\": \"d\", "
			 "\"objectId\": \"Env\", \"objectType\": \"Tenant\", "
			 "\"definition\": {\"category\": \"TotalNumber\", "
			 "\"subject\": \"DNAction\"}}]}}");
	g = gsubscribe(s, body);
	ans = parse(sim_genesys_values(s, g, NULL));
	ck_assert_int_eq((int)number_in(value_of(ans, "d")), 0);
	ck_assert_ptr_null(json_object_get(json_object_get(ans, "data"),
					   "operationId"));
	json_decref(ans);
	sim_gsub_free(g);
	free(body);
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_subscription_ids)
{
	struct sim *s = new_sim(1, 12, 2, 11);
	char *body = one_stat("a", "Env", "Tenant", "ServiceFactor1");
	struct sim_gsub *g1 = gsubscribe(s, body), *g2 = gsubscribe(s, body);

	ck_assert_uint_eq(strlen(sim_gsub_id(g1)), 36);
	ck_assert_str_ne(sim_gsub_id(g1), sim_gsub_id(g2));
	sim_gsub_free(g1);
	sim_gsub_free(g2);
	free(body);
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_peek)
{
	struct sim *s = new_sim(1, 0, 0, 11);
	const struct sim_agent *a = &s->agents[3];
	json_t *ans = parse(sim_genesys_peek(s, "CurrentAgentState", a->login_id,
					     "Agent"));
	json_t *st = json_object_get(json_object_get(ans, "data"), "statistic");

	ck_assert_str_eq(json_string_value(json_object_get(st, "name")),
			 "CurrentAgentState");
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectId")),
			 a->login_id);
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectType")), "Agent");
	ck_assert(json_is_integer(json_object_get(st, "timestamp")));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(st,
			 "value"), "state")), expected_state(a));
	json_decref(ans);
	ans = parse(sim_genesys_peek(s, "ServiceFactor1", "nowhere", "Queue"));
	st = json_object_get(json_object_get(ans, "data"), "statistic");
	ck_assert(json_is_null(json_object_get(st, "value")));
	json_decref(ans);
	ck_assert_ptr_null(sim_genesys_peek(s, "NoSuchStatistic", "Env", "Tenant"));
	ck_assert_ptr_null(sim_genesys_peek(s, "ServiceFactor1", "Env", "Planet"));
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_peek_ex)
{
	static const char *const bad[] = {
		"nope", "{}", "{\"data\": {\"statistics\": [{\"objectId\": \"Env\", "
		"\"objectType\": \"Tenant\", \"name\": \"NoSuchStatistic\"}]}}",
		"{\"data\": {\"statistics\": [{\"objectId\": \"Env\", "
		"\"name\": \"ServiceFactor1\"}]}}",
	};
	struct sim *s = new_sim(1, 0, 0, 11);
	char *body = xasprintf("{\"data\": {\"statistics\": ["
		"{\"name\": \"CurrNumberWaitingCalls\", \"objectId\": \"Env\", "
		"\"objectType\": \"Tenant\"},"
		"{\"name\": \"TotalLoginTime\", \"objectId\": \"%s\", "
		"\"objectType\": \"Agent\"},"
		"{\"name\": \"ServiceFactor1\", \"objectId\": \"%s\", "
		"\"objectType\": \"Queue\"}]}}", s->agents[0].login_id, s->svcs[0].name);
	char err[512];
	json_t *ans = parse(sim_genesys_peek_ex(s, body, strlen(body), err,
						sizeof(err)));
	json_t *list = json_object_get(json_object_get(ans, "data"), "statistics");
	const char *top = "{\"statistics\": [{\"name\": \"ServiceFactor1\", "
			  "\"objectId\": \"Env\", \"objectType\": \"Tenant\"}]}";

	ck_assert_uint_eq(json_array_size(list), 3);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(list, 1),
			 "name")), "TotalLoginTime");
	ck_assert(json_is_object(json_object_get(json_array_get(list, 2), "value")));
	json_decref(ans);
	ans = parse(sim_genesys_peek_ex(s, top, strlen(top), err, sizeof(err)));
	ck_assert_uint_eq(json_array_size(json_object_get(json_object_get(ans,
			  "data"), "statistics")), 1);
	json_decref(ans);
	for (size_t i = 0; i < WB_ARRAY_LEN(bad); i++) {
		strcpy(err, "");
		ck_assert_ptr_null(sim_genesys_peek_ex(s, bad[i], strlen(bad[i]), err,
						       sizeof(err)));
		ck_assert(err[0] != '\0');
	}
	free(body);
	sim_free(s);
}
END_TEST

/* The values of a subscription to every catalogue statistic on every
 * agent and queue, without the subscription id. */
static json_t *all_values(struct sim *s)
{
	struct buf b;
	struct sim_gsub *g;
	json_t *ans;
	int k = 0;

	buf_init(&b);
	buf_puts(&b, "{\"operationId\": \"all\", \"data\": {\"statistics\": [");
	for (size_t i = 0; i < catalog_genesys.n; i++) {
		bool ag = catalog_genesys.stats[i].scope & STAT_SCOPE_AGENT;
		int n = ag ? s->nagents : s->nsvcs;

		for (int o = 0; o < n; o++, k++)
			buf_printf(&b, "%s{\"statisticId\": \"%d\", \"objectId\": \"%s\", "
				   "\"objectType\": \"%s\", \"name\": \"%s\"}",
				   k ? "," : "", k,
				   ag ? s->agents[o].login_id : s->svcs[o].name,
				   ag ? "Agent" : "Queue", catalog_genesys.stats[i].name);
	}
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	ans = parse(sim_genesys_values(s, g, NULL));
	json_object_del(json_object_get(ans, "data"), "subscriptionId");
	sim_gsub_free(g);
	buf_free(&b);
	return ans;
}

START_TEST(test_genesys_same_seed_same_values)
{
	struct sim *a = new_sim(42, 0, 0, 10), *b = new_sim(42, 0, 0, 10);
	json_t *va, *vb;

	sim_step(a, 1500);
	sim_step(b, 1500);
	va = all_values(a);
	vb = all_values(b);
	ck_assert(json_equal(va, vb));
	json_decref(vb);
	sim_step(a, 600);	/* subscribing did not change the day */
	sim_step(b, 600);
	json_decref(va);
	va = all_values(a);
	vb = all_values(b);
	ck_assert(json_equal(va, vb));
	json_decref(va);
	json_decref(vb);
	sim_free(a);
	sim_free(b);
}
END_TEST

START_TEST(test_views_agree)
{
	struct sim *s = new_sim(9, 0, 0, 11.5);
	json_t *q = parse(sim_8x8_queues(s, NULL));
	json_t *list = list_of(q, "queues", "queue"), *rec;
	size_t i;

	json_array_foreach(list, i, rec) {
		json_t *v = single(s, s->svcs[i].name, "Queue", "CurrNumberWaitingCalls");
		json_t *w = single(s, s->svcs[i].name, "Queue", "CurrMaxCallWaitingTime");

		ck_assert_int_eq((int)number_in(v), (int)num(rec, "queue-size"));
		ck_assert_int_eq((int)number_in(w), (int)num(rec, "longest-wait-time"));
		json_decref(v);
		json_decref(w);
	}
	json_decref(q);
	sim_free(s);
}
END_TEST

/* The test cases. */
static Suite *views_suite(void)
{
	Suite *s = suite_create("sim_views");
	TCase *e = tcase_create("8x8");
	TCase *g = tcase_create("genesys");

	tcase_set_timeout(e, 30);
	tcase_set_timeout(g, 30);
	tcase_add_test(e, test_8x8_agent_list_shape);
	tcase_add_test(e, test_8x8_queue_list_shape);
	tcase_add_test(e, test_8x8_catalogue_fields);
	tcase_add_test(e, test_8x8_one_element_is_object);
	tcase_add_test(e, test_8x8_by_id);
	tcase_add_test(e, test_8x8_states_match_model);
	tcase_add_test(e, test_8x8_times_add_up);
	tcase_add_test(e, test_8x8_status_code_of_reason);
	tcase_add_test(e, test_object_lists);
	tcase_add_test(e, test_8x8_same_seed_same_bodies);
	tcase_add_test(g, test_genesys_refusals);
	tcase_add_test(g, test_genesys_size_limit);
	tcase_add_test(g, test_genesys_every_statistic);
	tcase_add_test(g, test_genesys_states_match_model);
	tcase_add_test(g, test_genesys_values_filter);
	tcase_add_test(g, test_genesys_objects);
	tcase_add_test(g, test_genesys_subscription_ids);
	tcase_add_test(g, test_genesys_peek);
	tcase_add_test(g, test_genesys_peek_ex);
	tcase_add_test(g, test_genesys_same_seed_same_values);
	tcase_add_test(g, test_views_agree);
	suite_add_tcase(s, e);
	suite_add_tcase(s, g);
	return s;
}

/* Run the suite; non-zero when a test failed. */
int main(void)
{
	SRunner *r = srunner_create(views_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? 0 : 1;
}
