/*
 * check_view.c - unit tests of the simulated contact centre as the 8x8 API
 * presents it (view.c): the bodies' shapes (a list of one element is that
 * element), every field of the reference's tables (and of the catalogue),
 * agent states consistent with the model, unknown ids, the object lists,
 * queues that agree with the model, and the same bodies from the same seed.
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
#include "providers/8x8/parse.h"
#include "providers/8x8/view.h"
#include "sim/sim_internal.h"
#include "util.h"
#include "simlib.h"

/* The reference's Agent table, in its example's order. */
static const char *const agent_fields[] = {
	"agent-id",
	"agent-media-id",
	"agent-name",
	"agent-status",
	"assigned-skill-count",
	"day-accepted-count",
	"day-available-time",
	"day-avg-processing-time",
	"day-break-time",
	"day-login-time",
	"day-offline-time",
	"day-processing-time",
	"day-rejected-count",
	"day-wrap-up-time",
	"enabled-skill-count",
	"group-id",
	"last-login-time",
	"phone-line1-status",
	"phone-line1-status-time",
	"phone-line2-status",
	"phone-line2-status-time",
	"status-code-item-id",
	"status-code-item-short-code",
	"status-code-list-id",
	"thirty-min-accepted-count",
	"thirty-min-available-time",
	"thirty-min-avg-handling-time",
	"thirty-min-break-time",
	"thirty-min-offline-time",
	"thirty-min-processing-time",
	"thirty-min-rejected-count",
	"thirty-min-wrap-up-time",
	"time-in-status",
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
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	json_t *root = simlib_json(eightbyeight_view_agents(s, NULL));
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
	struct sim *s = simlib_new(1, 0, 0, 11);
	json_t *root = simlib_json(eightbyeight_view_queues(s, NULL));
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
		ck_assert(strcmp(media, "phone") == 0 ||
			  strcmp(media, "chat") == 0 ||
			  strcmp(media, "email") == 0);
		ck_assert_str_eq(media, sv->media == MEDIA_CHAT ? "chat" :
				 sv->media == MEDIA_EMAIL ? "email" : "phone");
		ck_assert_int_eq((int)num(rec, "queue-size"), (int)sv->queue.n);
		for (size_t k = 0; k < 6; k++)
			counts += num(rec, queue_fields[k]);
		ck_assert_int_eq((int)counts,
				 (int)num(rec, "assigned-agent-count"));
		ck_assert(num(rec, "sla-activity") >= -1 &&
			  num(rec, "sla-activity") <= 100);
		ck_assert(num(rec, "day-sla-activity") >= -1 &&
			  num(rec, "day-sla-activity") <= 100);
		ck_assert(num(rec, "thirty-min-queued") <=
			  num(rec, "day-queued"));
		ck_assert(num(rec, "thirty-min-accepted") <=
			  num(rec, "day-accepted"));
		ck_assert(num(rec, "longest-wait-time") >= 0);
	}
	json_decref(root);
	sim_free(s);
}
END_TEST

START_TEST(test_8x8_catalogue_fields)
{
	struct sim *s = simlib_new(1, 2, 2, 11);
	json_t *a = simlib_json(eightbyeight_view_agents(s, NULL)),
	       *q = simlib_json(eightbyeight_view_queues(s, NULL));
	json_t *agent = json_array_get(list_of(a, "agents", "agent"), 0);
	json_t *queue = json_array_get(list_of(q, "queues", "queue"), 0);
	size_t agents = 0, queues = 0;

	for (size_t i = 0; i < catalog_8x8.n; i++) {
		const struct stat_info *info = &catalog_8x8.stats[i];

		/*
		 * in the text's example only: the simulator keeps to the table
		 */
		if (strcmp(info->name, "day-offered-count") == 0)
			continue;
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
	struct sim *s = simlib_new(3, 1, 1, 11);
	json_t *a = simlib_json(eightbyeight_view_agents(s, NULL));
	json_t *q = simlib_json(eightbyeight_view_queues(s, NULL));

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
	struct sim *s = simlib_new(1, 0, 0, 11);
	json_t *a =
		simlib_json(eightbyeight_view_agents(s, s->agents[5].login_id));
	json_t *byid = simlib_json(eightbyeight_view_queues(s, "102"));
	json_t *byname =
		simlib_json(eightbyeight_view_queues(s, s->svcs[2].name));
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
	ck_assert_ptr_null(eightbyeight_view_agents(s, "no.such.agent"));
	ck_assert_ptr_null(eightbyeight_view_queues(s, past));
	ck_assert_ptr_null(eightbyeight_view_queues(s, "99"));
	ck_assert_ptr_null(eightbyeight_view_queues(s, "No such queue"));
	json_decref(a);
	json_decref(byid);
	json_decref(byname);
	sim_free(s);
}
END_TEST

/* Check every agent record against the model; counts codes seen. */
static void check_states(struct sim *s, int *seen)
{
	json_t *root = simlib_json(eightbyeight_view_agents(s, NULL));
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
		ck_assert_int_eq(num(rec, "last-login-time") < 0,
				 a->login_at == 0);
		ck_assert_int_eq(field(rec, "status-code-item-id")[0] != '\0',
				 reason);
		ck_assert_int_eq(field(rec, "status-code-item-short-code")[0] !=
					 '\0',
				 reason);
		ck_assert_str_eq(field(rec, "status-code-list-id"),
				 reason ? "1" : "");
	}
	json_decref(root);
}

START_TEST(test_8x8_states_match_model)
{
	struct sim *s = simlib_new(5, 60, 0, 9.5);
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
	struct sim *s = simlib_new(8, 0, 0, 15);
	json_t *root = simlib_json(eightbyeight_view_agents(s, NULL));
	json_t *list = list_of(root, "agents", "agent"), *rec;
	size_t i;
	int logged = 0;

	json_array_foreach(list, i, rec) {
		double login = num(rec, "day-login-time");
		double half = sum_times(rec, "thirty-min");

		ck_assert_msg(fabs(sum_times(rec, "day") - login) <= 3,
			      "agent %zu: %.0f s of %.0f", i,
			      sum_times(rec, "day"), login);
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
	struct sim *s = simlib_new(2, 0, 0, 12);
	const struct sim_agent *a = NULL;
	json_t *root, *rec;
	const char *code;

	for (int tries = 0; a == NULL && tries < 100; tries++) {
		for (int i = 0; i < s->nagents && a == NULL; i++)
			if (s->agents[i].state == AS_NOT_READY &&
			    s->agents[i].reason)
				a = &s->agents[i];
		if (a == NULL)
			sim_step(s, 60);
	}
	ck_assert_ptr_nonnull(a);
	root = simlib_json(eightbyeight_view_agents(s, a->login_id));
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

START_TEST(test_8x8_same_seed_same_bodies)
{
	struct sim *a = simlib_new(42, 0, 0, 10), *b = simlib_new(42, 0, 0, 10);
	struct sim *c = simlib_new(43, 0, 0, 10);
	char *ta, *tb, *tc;

	sim_step(a, 1200);
	sim_step(b, 1200);
	sim_step(c, 1200);
	ta = eightbyeight_view_agents(a, NULL);
	tb = eightbyeight_view_agents(b, NULL);
	tc = eightbyeight_view_agents(c, NULL);
	ck_assert_str_eq(ta, tb);
	ck_assert_str_ne(ta, tc);
	free(ta);
	free(tb);
	free(tc);
	ta = eightbyeight_view_queues(a, NULL);
	tb = eightbyeight_view_queues(b, NULL);
	ck_assert_str_eq(ta, tb);
	free(ta);
	free(tb);
	sim_free(a);
	sim_free(b);
	sim_free(c);
}
END_TEST

START_TEST(test_queues_agree_with_model)
{
	struct sim *s = simlib_new(9, 0, 0, 11.5);
	json_t *q = simlib_json(eightbyeight_view_queues(s, NULL));
	json_t *list = list_of(q, "queues", "queue"), *rec;
	double f[FIG_N];
	size_t i;

	json_array_foreach(list, i, rec) {
		sim_service_figures(s, (int)i, f);
		ck_assert_int_eq((int)f[L_WAITING],
				 (int)num(rec, "queue-size"));
		ck_assert_int_eq((int)f[L_MAX_WAIT],
				 (int)num(rec, "longest-wait-time"));
	}
	json_decref(q);
	sim_free(s);
}
END_TEST

/* The test cases. */
static Suite *views_suite(void)
{
	Suite *s = suite_create("8x8_view");
	TCase *t = tcase_create("view");

	tcase_set_timeout(t, 30);
	tcase_add_test(t, test_8x8_agent_list_shape);
	tcase_add_test(t, test_8x8_queue_list_shape);
	tcase_add_test(t, test_8x8_catalogue_fields);
	tcase_add_test(t, test_8x8_one_element_is_object);
	tcase_add_test(t, test_8x8_by_id);
	tcase_add_test(t, test_8x8_states_match_model);
	tcase_add_test(t, test_8x8_times_add_up);
	tcase_add_test(t, test_8x8_status_code_of_reason);
	tcase_add_test(t, test_8x8_same_seed_same_bodies);
	tcase_add_test(t, test_queues_agree_with_model);
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
