/*
 * check_view.c - unit tests of the simulated contact centre as the Genesys
 * Statistics API presents it (view.c): subscriptions refused for what Stat
 * Server would refuse, a value for every catalogue statistic, agent states
 * consistent with the model, the statisticIds filter, the objects, single
 * values (peek, get-statistic-ex), queues that agree with the model, the
 * same values from the same seed, and a deployment's own statistics:
 * names it has beyond the catalogue, refuses, or answers with errors.
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
#include "providers/genesys/parse.h"
#include "providers/genesys/view.h"
#include "sim/sim_internal.h"
#include "util.h"
#include "simlib.h"

/* --- Genesys ----------------------------------------------------------- */

/* Subscribe to body; fail the test with the message if refused. */
static struct sim_gsub *gsubscribe(struct sim *s, const char *body)
{
	char err[512];
	struct sim_gsub *g = genesys_view_subscribe(s, body, strlen(body), NULL,
						    err, sizeof(err));

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
		if (strcmp(json_string_value(json_object_get(st, "statisticI"
								 "d")),
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
	json_t *ans = simlib_json(genesys_view_values(s, g, NULL));
	json_t *v = json_incref(value_of(ans, "x"));

	json_decref(ans);
	genesys_view_free(g);
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
		"",
		"not json",
		"[]",
		"{}",
		"{\"data\": {}}",
		"{\"data\": {\"statistics\": {}}}",
		"{\"data\": {\"statistics\": [1]}}",
		"{\"data\": {\"statistics\": [{\"objectId\": \"Env\", "
		"\"objectType\": \"Tenant\", \"name\": "
		"\"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectType\": \"Tenant\", \"name\": "
		"\"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectId\": \"Env\", \"name\": "
		"\"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectId\": \"Env\", \"objectType\": \"Planet\", \"name\": "
		"\"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectId\": \"Env\", \"objectType\": \"Tenant\", \"name\": "
		"\"NoSuchStatistic\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectId\": \"Env\", \"objectType\": \"Tenant\", \"name\": "
		"7}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectId\": \"Env\", \"objectType\": \"Tenant\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": \"a\", "
		"\"objectId\": 7, \"objectType\": \"Tenant\", \"name\": "
		"\"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": [{\"statisticId\": 1, "
		"\"objectId\": \"Env\", \"objectType\": \"Tenant\", \"name\": "
		"\"CurrNumberWaitingCalls\"}]}}",
		"{\"data\": {\"statistics\": ["
		"{\"statisticId\": \"a\", \"objectId\": \"Env\", "
		"\"objectType\": "
		"\"Tenant\", \"name\": \"CurrNumberWaitingCalls\"},"
		"{\"statisticId\": \"a\", \"objectId\": \"Env\", "
		"\"objectType\": \"Tenant\", \"name\": \"ServiceFactor1\"}]}}",
		"{\"operationId\": 5, \"data\": {\"statistics\": []}}",
	};
	struct sim *s = simlib_new(1, 12, 2, 11);
	char err[512];

	for (size_t i = 0; i < WB_ARRAY_LEN(bad); i++) {
		strcpy(err, "");
		ck_assert_msg(genesys_view_subscribe(s, bad[i], strlen(bad[i]),
						     NULL, err,
						     sizeof(err)) == NULL,
			      "accepted: %s", bad[i]);
		ck_assert_msg(err[0] != '\0', "no message for: %s", bad[i]);
	}
	ck_assert_ptr_null(
		genesys_view_subscribe(s, NULL, 0, NULL, err, sizeof(err)));
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
		buf_printf(
			&b,
			"%s{\"statisticId\": \"s%zu\", \"objectId\": \"Env\", "
			"\"objectType\": \"Tenant\", \"name\": "
			"\"CurrNumberWaitingCalls\"}",
			i ? "," : "", i);
	buf_puts(&b, "]}}");
	return b.data;
}

START_TEST(test_genesys_size_limit)
{
	struct sim *s = simlib_new(1, 12, 2, 11);
	char *ok = many_stats(20000), *big = many_stats(20001), err[512];
	struct sim_gsub *g = gsubscribe(s, ok);
	json_t *ans = simlib_json(genesys_view_values(s, g, NULL));

	ck_assert_uint_eq(json_array_size(json_object_get(json_object_get(ans,
			  "data"), "statistics")), 20000);
	ck_assert_ptr_null(genesys_view_subscribe(s, big, strlen(big), NULL,
						  err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "too many"));
	json_decref(ans);
	genesys_view_free(g);
	free(ok);
	free(big);
	sim_free(s);
}
END_TEST

/* Check a value's shape by the statistic's kind. */
static void check_value(const struct stat_info *info, json_t *v,
			const char *oid)
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
			known = known || strcmp(json_string_value(state),
						states[i]) == 0;
		ck_assert_msg(known, "state %s", json_string_value(state));
		ck_assert(json_is_string(json_object_get(v, "reason")));
		break;
	case STAT_TEXT:
		ck_assert(json_is_string(json_object_get(v, "value")));
		if (strcmp(info->name, "ObjectId") == 0)
			ck_assert_str_eq(
				json_string_value(json_object_get(v, "value")),
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
	struct sim *s = simlib_new(4, 0, 0, 11);
	const char *agent = s->agents[2].login_id, *queue = s->svcs[0].name;
	struct buf b;
	struct sim_gsub *g;
	json_t *ans;

	buf_init(&b);
	buf_puts(&b,
		 "{\"operationId\": \"every\", \"data\": {\"statistics\": [");
	for (size_t i = 0; i < catalog_genesys.n; i++) {
		const struct stat_info *info = &catalog_genesys.stats[i];
		bool ag = info->scope & STAT_SCOPE_AGENT;

		buf_printf(&b,
			   "%s{\"statisticId\": \"%zu\", \"objectId\": \"%s\", "
			   "\"objectType\": \"%s\", \"name\": \"%s\"}",
			   i ? "," : "", i, ag ? agent : queue,
			   ag ? "Agent" : "Queue", info->name);
	}
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	ans = simlib_json(genesys_view_values(s, g, NULL));
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
	genesys_view_free(g);
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
	struct sim *s = simlib_new(6, 40, 0, 10);
	struct buf b;
	struct sim_gsub *g;

	buf_init(&b);
	buf_puts(&b, "{\"data\": {\"statistics\": [");
	for (int i = 0; i < s->nagents; i++)
		buf_printf(&b,
			   "%s{\"statisticId\": \"s%d\", \"objectId\": \"%s\", "
			   "\"objectType\": \"Agent\", \"name\": "
			   "\"CurrentAgentState\"},"
			   "{\"statisticId\": \"r%d\", \"objectId\": \"%s\", "
			   "\"objectType\": \"Agent\", \"name\": "
			   "\"CurrentNotReadyReason\"},"
			   "{\"statisticId\": \"t%d\", \"objectId\": \"%s\", "
			   "\"objectType\": \"Agent\", \"name\": "
			   "\"TimeInCurrentState\"}",
			   i ? "," : "", i, s->agents[i].login_id, i,
			   s->agents[i].login_id, i, s->agents[i].login_id);
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	for (int round = 0; round < 10; round++) {
		json_t *ans = simlib_json(genesys_view_values(s, g, NULL));

		for (int i = 0; i < s->nagents; i++) {
			const struct sim_agent *a = &s->agents[i];
			const char *reason =
				a->state == AS_NOT_READY && a->reason
					? a->reason
					: "";
			char id[16];

			snprintf(id, sizeof(id), "s%d", i);
			ck_assert_str_eq(json_string_value(json_object_get(
						 value_of(ans, id), "state")),
					 expected_state(a));
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
	genesys_view_free(g);
	buf_free(&b);
	sim_free(s);
}
END_TEST

/* The statisticIds of an answer, comma-joined (malloc'd). */
static char *answer_ids(json_t *ans)
{
	json_t *list =
		json_object_get(json_object_get(ans, "data"), "statistics");
	json_t *st;
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_puts(&b, "");
	json_array_foreach(list, i, st)
		buf_printf(
			&b, "%s%s", i ? "," : "",
			json_string_value(json_object_get(st, "statisticId")));
	return b.data;
}

START_TEST(test_genesys_values_filter)
{
	static const char *const names[] = {
		"CurrNumberWaitingCalls",   "ServiceFactor1",
		"TotalNumberCallsEntered",  "CurrMaxCallWaitingTime",
		"PercentageCallsAbandoned",
	};
	struct sim *s = simlib_new(1, 0, 0, 11);
	struct buf b;
	struct sim_gsub *g;
	json_t *ans, *data, *st;
	char *ids;

	buf_init(&b);
	buf_puts(&b,
		 "{\"operationId\": \"op-7\", \"data\": {\"statistics\": [");
	for (int i = 0; i < 5; i++)
		buf_printf(&b,
			   "%s{\"statisticId\": \"%c\", \"objectId\": \"Env\", "
			   "\"objectType\": \"Tenant\", \"name\": \"%s\"}",
			   i ? "," : "", 'a' + i, names[i]);
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	ans = simlib_json(genesys_view_values(s, g, NULL));
	data = json_object_get(ans, "data");
	ck_assert_str_eq(
		json_string_value(json_object_get(data, "operationId")),
		"op-7");
	ck_assert_str_eq(
		json_string_value(json_object_get(data, "subscriptionId")),
		genesys_view_id(g));
	st = json_array_get(json_object_get(data, "statistics"), 1);
	ck_assert_str_eq(json_string_value(json_object_get(st, "name")),
			 "ServiceFactor1");
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectId")),
			 "Env");
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectType")),
			 "Tenant");
	ck_assert(json_is_integer(json_object_get(st, "timestamp")));
	ck_assert(json_integer_value(json_object_get(st, "timestamp")) >
		  1000000000000LL);
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "a,b,c,d,e");
	free(ids);
	json_decref(ans);
	ans = simlib_json(genesys_view_values(s, g, "b,d"));
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "b,d");
	free(ids);
	json_decref(ans);
	ans = simlib_json(genesys_view_values(s, g, " e , a ,zz,,"));
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "a,e");
	free(ids);
	json_decref(ans);
	ans = simlib_json(genesys_view_values(s, g, "zz"));
	ids = answer_ids(ans);
	ck_assert_str_eq(ids, "");
	free(ids);
	json_decref(ans);
	genesys_view_free(g);
	buf_free(&b);
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_objects)
{
	struct sim *s = simlib_new(1, 0, 0, 11);
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
	w = single(s, s->svcs[2].name, "GroupQueues",
		   "TotalNumberCallsEntered");
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
	body = xasprintf(
		"{\"data\": {\"statistics\": [{\"statisticId\": \"d\", "
		"\"objectId\": \"Env\", \"objectType\": \"Tenant\", "
		"\"definition\": {\"category\": \"TotalNumber\", "
		"\"subject\": \"DNAction\"}}]}}");
	g = gsubscribe(s, body);
	ans = simlib_json(genesys_view_values(s, g, NULL));
	ck_assert_int_eq((int)number_in(value_of(ans, "d")), 0);
	ck_assert_ptr_null(json_object_get(json_object_get(ans, "data"),
					   "operationId"));
	json_decref(ans);
	genesys_view_free(g);
	free(body);
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_subscription_ids)
{
	struct sim *s = simlib_new(1, 12, 2, 11);
	char *body = one_stat("a", "Env", "Tenant", "ServiceFactor1");
	struct sim_gsub *g1 = gsubscribe(s, body), *g2 = gsubscribe(s, body);

	ck_assert_uint_eq(strlen(genesys_view_id(g1)), 36);
	ck_assert_str_ne(genesys_view_id(g1), genesys_view_id(g2));
	genesys_view_free(g1);
	genesys_view_free(g2);
	free(body);
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_peek)
{
	struct sim *s = simlib_new(1, 0, 0, 11);
	const struct sim_agent *a = &s->agents[3];
	json_t *ans = simlib_json(genesys_view_peek(
		s, "CurrentAgentState", a->login_id, "Agent", NULL, NULL, 0));
	json_t *st = json_object_get(json_object_get(ans, "data"), "statistic");

	ck_assert_str_eq(json_string_value(json_object_get(st, "name")),
			 "CurrentAgentState");
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectId")),
			 a->login_id);
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectType")),
			 "Agent");
	ck_assert(json_is_integer(json_object_get(st, "timestamp")));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(st,
			 "value"), "state")), expected_state(a));
	json_decref(ans);
	ans = simlib_json(genesys_view_peek(s, "ServiceFactor1", "nowhere",
					    "Queue", NULL, NULL, 0));
	st = json_object_get(json_object_get(ans, "data"), "statistic");
	ck_assert(json_is_null(json_object_get(st, "value")));
	json_decref(ans);
	ck_assert_ptr_null(genesys_view_peek(s, "NoSuchStatistic", "Env",
					     "Tenant", NULL, NULL, 0));
	ck_assert_ptr_null(genesys_view_peek(s, "ServiceFactor1", "Env",
					     "Planet", NULL, NULL, 0));
	sim_free(s);
}
END_TEST

START_TEST(test_genesys_peek_ex)
{
	static const char *const bad[] = {
		"nope",
		"{}",
		"{\"data\": {\"statistics\": [{\"objectId\": \"Env\", "
		"\"objectType\": \"Tenant\", \"name\": \"NoSuchStatistic\"}]}}",
		"{\"data\": {\"statistics\": [{\"objectId\": \"Env\", "
		"\"name\": \"ServiceFactor1\"}]}}",
	};
	struct sim *s = simlib_new(1, 0, 0, 11);
	char *body = xasprintf(
		"{\"data\": {\"statistics\": ["
		"{\"name\": \"CurrNumberWaitingCalls\", \"objectId\": \"Env\", "
		"\"objectType\": \"Tenant\"},"
		"{\"name\": \"TotalLoginTime\", \"objectId\": \"%s\", "
		"\"objectType\": \"Agent\"},"
		"{\"name\": \"ServiceFactor1\", \"objectId\": \"%s\", "
		"\"objectType\": \"Queue\"}]}}",
		s->agents[0].login_id, s->svcs[0].name);
	char err[512];
	json_t *ans = simlib_json(genesys_view_peek_ex(s, body, strlen(body),
						       NULL, err, sizeof(err)));
	json_t *list =
		json_object_get(json_object_get(ans, "data"), "statistics");
	const char *top =
		"{\"statistics\": [{\"name\": \"ServiceFactor1\", "
		"\"objectId\": \"Env\", \"objectType\": \"Tenant\"}]}";

	ck_assert_uint_eq(json_array_size(list), 3);
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(list, 1), "name")),
			 "TotalLoginTime");
	ck_assert(json_is_object(
		json_object_get(json_array_get(list, 2), "value")));
	json_decref(ans);
	ans = simlib_json(genesys_view_peek_ex(s, top, strlen(top), NULL, err,
					 sizeof(err)));
	ck_assert_uint_eq(json_array_size(json_object_get(json_object_get(ans,
			  "data"), "statistics")), 1);
	json_decref(ans);
	for (size_t i = 0; i < WB_ARRAY_LEN(bad); i++) {
		strcpy(err, "");
		ck_assert_ptr_null(genesys_view_peek_ex(
			s, bad[i], strlen(bad[i]), NULL, err, sizeof(err)));
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
			buf_printf(&b,
				   "%s{\"statisticId\": \"%d\", \"objectId\": "
				   "\"%s\", \"objectType\": \"%s\", \"name\": "
				   "\"%s\"}",
				   k ? "," : "", k,
				   ag ? s->agents[o].login_id : s->svcs[o].name,
				   ag ? "Agent" : "Queue",
				   catalog_genesys.stats[i].name);
	}
	buf_puts(&b, "]}}");
	g = gsubscribe(s, b.data);
	ans = simlib_json(genesys_view_values(s, g, NULL));
	json_object_del(json_object_get(ans, "data"), "subscriptionId");
	genesys_view_free(g);
	buf_free(&b);
	return ans;
}

START_TEST(test_genesys_same_seed_same_values)
{
	struct sim *a = simlib_new(42, 0, 0, 10), *b = simlib_new(42, 0, 0, 10);
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

START_TEST(test_queues_agree_with_model)
{
	struct sim *s = simlib_new(9, 0, 0, 11.5);
	double f[FIG_N];

	for (int i = 0; i < s->nsvcs; i++) {
		json_t *v = single(s, s->svcs[i].name, "Queue",
				   "CurrNumberWaitingCalls");
		json_t *w = single(s, s->svcs[i].name, "Queue",
				   "CurrMaxCallWaitingTime");

		sim_service_figures(s, i, f);
		ck_assert_int_eq((int)number_in(v), (int)f[L_WAITING]);
		ck_assert_int_eq((int)number_in(w), (int)f[L_MAX_WAIT]);
		json_decref(v);
		json_decref(w);
	}
	sim_free(s);
}
END_TEST

/* --- a deployment's own statistics ------------------------------------ */

/* Rules from JSON text: extra, refuse, error (NULL: none). */
static struct genesys_view_rules rules_of(const char *extra,
					  const char *refuse, const char *error)
{
	struct genesys_view_rules r = {
		extra ? json_loads(extra, 0, NULL) : NULL,
		refuse ? json_loads(refuse, 0, NULL) : NULL,
		error ? json_loads(error, 0, NULL) : NULL, false
	};
	return r;
}

static void rules_free(struct genesys_view_rules *r)
{
	json_decref(r->extra);
	json_decref(r->refuse);
	json_decref(r->error);
}

/*
 * Names beyond the catalogue: refused unless the deployment has them
 * (answering their value everywhere), or any name is taken (the demo's
 * null).
 */
START_TEST(test_genesys_extra_stats)
{
	struct sim *s = simlib_new(1, 12, 2, 11);
	struct genesys_view_rules r = rules_of("{\"MyStat\": 42, \"MyText\": "
					       "\"on\"}", NULL, NULL);
	struct genesys_view_rules any = { NULL, NULL, NULL, true };
	char *body = one_stat("x", s->agents[0].login_id, "Agent", "MyStat");
	char *text = one_stat("y", s->svcs[0].name, "Queue", "MyText");
	char *other = one_stat("z", "Env", "Tenant", "NotMine");
	char err[512];
	struct sim_gsub *g;
	json_t *ans;

	ck_assert_ptr_null(genesys_view_subscribe(s, body, strlen(body), NULL,
						  err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "unknown statistic name \"MyStat\""));
	g = genesys_view_subscribe(s, body, strlen(body), &r, err, sizeof(err));
	ck_assert_msg(g != NULL, "refused: %s", err);
	ans = simlib_json(genesys_view_values(s, g, NULL));
	ck_assert_int_eq((int)number_in(value_of(ans, "x")), 42);
	json_decref(ans);
	genesys_view_free(g);
	g = genesys_view_subscribe(s, text, strlen(text), &r, err, sizeof(err));
	ans = simlib_json(genesys_view_values(s, g, NULL));
	ck_assert_str_eq(json_string_value(json_object_get(value_of(ans, "y"),
							   "value")), "on");
	json_decref(ans);
	genesys_view_free(g);
	ck_assert_ptr_null(genesys_view_subscribe(s, other, strlen(other), &r,
						  err, sizeof(err)));
	g = genesys_view_subscribe(s, other, strlen(other), &any, err,
				   sizeof(err));
	ans = simlib_json(genesys_view_values(s, g, NULL));
	ck_assert(json_is_null(value_of(ans, "z")));
	json_decref(ans);
	genesys_view_free(g);
	ans = simlib_json(genesys_view_peek(s, "MyStat", "Env", "Tenant", &r,
					    err, sizeof(err)));
	ck_assert_int_eq((int)number_in(json_object_get(json_object_get(
		json_object_get(ans, "data"), "statistic"), "value")), 42);
	json_decref(ans);
	rules_free(&r);
	free(body);
	free(text);
	free(other);
	sim_free(s);
}
END_TEST

/*
 * A refused name refuses the subscription and the peeks, in words that
 * name it but give no statisticId; a catalogue name can be refused too.
 */
START_TEST(test_genesys_refuse_stats)
{
	struct sim *s = simlib_new(1, 12, 2, 11);
	struct genesys_view_rules r =
		rules_of(NULL, "[\"TotalLoginTime\"]", NULL);
	char *body = one_stat("g0.1.2", s->agents[0].login_id, "Agent",
			      "TotalLoginTime");
	char *peek = xasprintf("{\"data\": {\"statistics\": [{\"name\": "
			       "\"TotalLoginTime\", \"objectId\": \"%s\", "
			       "\"objectType\": \"Agent\"}]}}",
			       s->agents[0].login_id);
	char err[512];

	ck_assert_ptr_null(genesys_view_subscribe(s, body, strlen(body), &r,
						  err, sizeof(err)));
	ck_assert_str_eq(err,
			 "Statistic 'TotalLoginTime' is not defined in the "
			 "Stat Server configuration");
	ck_assert_ptr_null(genesys_view_peek(s, "TotalLoginTime", "x", "Agent",
					     &r, err, sizeof(err)));
	ck_assert_str_eq(err,
			 "Statistic 'TotalLoginTime' is not defined in the "
			 "Stat Server configuration");
	ck_assert_ptr_null(genesys_view_peek_ex(s, peek, strlen(peek), &r, err,
						sizeof(err)));
	ck_assert_ptr_null(strstr(err, "g0.1.2"));
	/* A name it does not have is a 404 for a peek: no reason. */
	ck_assert_ptr_null(genesys_view_peek(s, "Nope", "x", "Agent", &r, err,
					     sizeof(err)));
	ck_assert_str_eq(err, "");
	rules_free(&r);
	free(body);
	free(peek);
	sim_free(s);
}
END_TEST

/*
 * A failed name is opened, but answered as one error entry for each
 * object (its statisticId in the detail) instead of a value.
 */
START_TEST(test_genesys_error_stats)
{
	struct sim *s = simlib_new(1, 12, 2, 11);
	struct genesys_view_rules r =
		rules_of(NULL, NULL, "[\"TotalTalkTime\"]");
	char *body = xasprintf("{\"data\": {\"statistics\": ["
			       "{\"statisticId\": \"a\", \"objectId\": \"%s\", "
			       "\"objectType\": "
			       "\"Agent\", \"name\": \"TotalTalkTime\"},"
			       "{\"statisticId\": \"b\", \"objectId\": \"%s\", "
			       "\"objectType\": "
			       "\"Agent\", \"name\": \"TotalReadyTime\"}]}}",
			       s->agents[0].login_id, s->agents[0].login_id);
	char err[512];
	struct sim_gsub *g = genesys_view_subscribe(s, body, strlen(body), &r,
						    err, sizeof(err));
	json_t *ans, *list, *e;

	ck_assert_msg(g != NULL, "refused: %s", err);
	ans = simlib_json(genesys_view_values(s, g, NULL));
	list = json_object_get(json_object_get(ans, "data"), "statistics");
	ck_assert_uint_eq(json_array_size(list), 1);
	value_of(ans, "b");
	e = json_object_get(json_array_get(json_object_get(ans, "errors"), 0),
			    "status");
	ck_assert_int_eq(json_integer_value(json_object_get(e, "code")), 404);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(e,
			 "detail"), "statisticId")), "a");
	ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(e,
				     "message")), "TotalTalkTime"));
	json_decref(ans);
	genesys_view_free(g);
	rules_free(&r);
	free(body);
	sim_free(s);
}
END_TEST

/* The test cases. */
static Suite *views_suite(void)
{
	Suite *s = suite_create("genesys_view");
	TCase *t = tcase_create("view");

	tcase_set_timeout(t, 30);
	tcase_add_test(t, test_genesys_refusals);
	tcase_add_test(t, test_genesys_size_limit);
	tcase_add_test(t, test_genesys_every_statistic);
	tcase_add_test(t, test_genesys_states_match_model);
	tcase_add_test(t, test_genesys_values_filter);
	tcase_add_test(t, test_genesys_objects);
	tcase_add_test(t, test_genesys_subscription_ids);
	tcase_add_test(t, test_genesys_peek);
	tcase_add_test(t, test_genesys_peek_ex);
	tcase_add_test(t, test_genesys_same_seed_same_values);
	tcase_add_test(t, test_queues_agree_with_model);
	tcase_add_test(t, test_genesys_extra_stats);
	tcase_add_test(t, test_genesys_refuse_stats);
	tcase_add_test(t, test_genesys_error_stats);
	suite_add_tcase(s, t);
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
