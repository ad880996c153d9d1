/*
 * check_view.c - unit tests of the simulated contact centre (src/sim/) as
 * the Bright Pattern API presents it (view.c): a seed replays the same day, the
 * day moves on, every catalogue statistic comes out as a string of the right
 * kind, agent states are the API's raw words, names are UTF-8 with non-ASCII
 * ones among them, both subscription dialects are accepted, bad and too large
 * ones are refused with a message, data answers are shaped after the
 * subscription (ids, filter, order, limit, SUM, selections, chat), and a
 * 5000-agent centre steps and answers whole.
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
#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/view.h"
#include "util.h"
#include "simlib.h"

/* Subscribe to body; fail the test with the message if refused. */
static struct sim_sub *subscribe(struct sim *s, const char *body)
{
	char err[256];
	struct sim_sub *sub = brightpattern_view_subscribe(
		s, body, strlen(body), err, sizeof(err));

	ck_assert_msg(sub != NULL, "refused: %s", err);
	return sub;
}

/* The data of a subscription, parsed. */
static json_t *data_json(struct sim *s, struct sim_sub *sub)
{
	char *text = brightpattern_view_data(s, sub);
	json_error_t jerr;
	json_t *j;

	ck_assert_ptr_nonnull(text);
	j = json_loads(text, 0, &jerr);
	ck_assert_msg(j != NULL, "data is not JSON: %s", jerr.text);
	free(text);
	return j;
}

/* Subscribe to body and return its first data, parsed. */
static json_t *fetch(struct sim *s, const char *body)
{
	struct sim_sub *sub = subscribe(s, body);
	json_t *j = data_json(s, sub);

	brightpattern_view_free(sub);
	return j;
}

/*
 * The values array of the grid of app "a" at path
 * "agent_grids"/"service_grids".
 */
static json_t *grid_values(json_t *data, const char *app, const char *list,
			   size_t i)
{
	json_t *g = json_array_get(
		json_object_get(json_object_get(data, app), list), i);

	ck_assert_ptr_nonnull(g);
	return json_object_get(g, "values");
}

/* A cell of a row as a string (the test fails if it is not one). */
static const char *cell(json_t *row, const char *col)
{
	json_t *v = json_object_get(row, col);

	ck_assert_msg(json_is_string(v), "column %s is not a string", col);
	return json_string_value(v);
}

/* A total of app "a", as a string. */
static const char *total(json_t *data, const char *app, const char *name)
{
	json_t *t = json_object_get(json_object_get(json_object_get(data, app),
						    "stats_totals"), name);

	ck_assert_msg(json_is_string(t), "total %s is not a string", name);
	return json_string_value(t);
}

/* True when s is valid UTF-8. */
static bool utf8_valid(const char *s)
{
	json_t *j = json_string(s);

	json_decref(j);
	return j != NULL;
}

/* True when s has a byte outside ASCII. */
static bool non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

static const char *const AGENTS_BODY =
	"{\"a\": {\"agent_grids\": [{\"id\": \"ag\", \"columns\": ["
	"{\"id\": \"login\", \"stat_name\": \"login_id\"},"
	"{\"id\": \"name\", \"stat_name\": \"first_last_name\"},"
	"{\"id\": \"state\", \"stat_name\": \"acd_state\"},"
	"{\"id\": \"reason\", \"stat_name\": \"reason\"},"
	"{\"id\": \"dur\", \"stat_name\": \"state_duration\"},"
	"{\"id\": \"handled\", \"stat_name\": \"in_calls_handled_per_day\"},"
	"{\"id\": \"login_time\", \"stat_name\": \"login_time\"},"
	"{\"id\": \"next\", \"stat_name\": \"acd_next_state\"}]}],"
	"\"service_grids\": [{\"id\": \"sg\", \"columns\": ["
	"{\"id\": \"name\", \"stat_name\": \"name\"},"
	"{\"id\": \"waiting\", \"stat_name\": \"in_calls_waiting\"},"
	"{\"id\": \"handled\", \"stat_name\": \"in_calls_handled_per_day\"},"
	"{\"id\": \"sl\", \"stat_name\": \"service_level\"}]}],"
	"\"stats_totals\": [\"in_calls_handled_per_day\", \"agents_logged\","
	"\"agents_ready\", \"in_average_speed_of_answer\"],"
	"\"chat_messages\": {\"filter\": \"\", \"limit\": \"10\"}}}";

/* The sum of a numeric column over a grid's rows. */
static double column_sum(json_t *values, const char *col)
{
	double sum = 0, v;
	size_t i;
	json_t *row;

	json_array_foreach(values, i, row)
		if (parse_double(cell(row, col), &v))
			sum += v;
	return sum;
}

/* --- determinism and time ------------------------------------------------ */

START_TEST(test_same_seed_same_day)
{
	struct sim *a = simlib_new(7, 0, 0, 10.5),
		   *b = simlib_new(7, 0, 0, 10.5);
	struct sim_sub *sa = subscribe(a, AGENTS_BODY),
		       *sb = subscribe(b, AGENTS_BODY);
	char *da, *db;

	sim_step(a, 900);
	sim_step(b, 900);
	da = brightpattern_view_data(a, sa);
	db = brightpattern_view_data(b, sb);
	ck_assert_str_eq(da, db);
	free(da);
	free(db);
	brightpattern_view_free(sa);
	brightpattern_view_free(sb);
	sim_free(a);
	sim_free(b);
}
END_TEST

START_TEST(test_other_seed_other_day)
{
	struct sim *a = simlib_new(1, 0, 0, 10.5),
		   *b = simlib_new(2, 0, 0, 10.5);
	char *ca = brightpattern_view_cfg(a, "agents"),
	     *cb = brightpattern_view_cfg(b, "agents");

	ck_assert_str_ne(ca, cb);
	free(ca);
	free(cb);
	sim_free(a);
	sim_free(b);
}
END_TEST

START_TEST(test_day_evolves)
{
	struct sim *s = simlib_new(3, 0, 0, 10.5);
	struct sim_sub *sub = subscribe(s, AGENTS_BODY);
	json_t *before, *after, *va, *vb;
	double clock = sim_clock(s);
	int changed = 0;

	before = data_json(s, sub);
	sim_step(s, 3600);
	after = data_json(s, sub);
	ck_assert(fabs(sim_clock(s) - clock - 3600) < 1e-6);
	ck_assert_int_gt(atoi(total(after, "a", "in_calls_handled_per_day")),
			 atoi(total(before, "a", "in_calls_handled_per_day")));
	va = grid_values(before, "a", "agent_grids", 0);
	vb = grid_values(after, "a", "agent_grids", 0);
	ck_assert_uint_eq(json_array_size(va), json_array_size(vb));
	for (size_t i = 0; i < json_array_size(va); i++)
		changed += strcmp(cell(json_array_get(va, i), "state"),
				  cell(json_array_get(vb, i), "state")) != 0;
	ck_assert_int_gt(changed, 3);
	ck_assert(column_sum(vb, "handled") > column_sum(va, "handled"));
	json_decref(before);
	json_decref(after);
	brightpattern_view_free(sub);
	sim_free(s);
}
END_TEST

START_TEST(test_advance_scales_time)
{
	struct sim_options o;
	struct sim *s;
	double c0, t0;

	sim_options_default(&o);
	o.time_scale = 600;
	s = sim_new(&o);
	t0 = now_mono();
	sim_advance(s, t0);
	c0 = sim_clock(s);
	sim_advance(s, t0 + 2);
	ck_assert(fabs(sim_clock(s) - c0 - 1200) < 1);
	sim_advance(s, t0 + 1);		/* time never runs back */
	ck_assert(fabs(sim_clock(s) - c0 - 1200) < 1);
	sim_free(s);
}
END_TEST

START_TEST(test_midnight_starts_empty)
{
	struct sim_options o;
	struct sim *s;
	json_t *d;

	sim_options_default(&o);
	o.start_of_day = 0;
	s = sim_new(&o);
	d = fetch(s, AGENTS_BODY);
	ck_assert_str_eq(total(d, "a", "agents_logged"), "0");
	ck_assert_str_eq(total(d, "a", "in_average_speed_of_answer"), "");
	ck_assert_str_eq(total(d, "a", "in_calls_handled_per_day"), "0");
	json_decref(d);
	sim_free(s);
}
END_TEST

/* --- values -------------------------------------------------------------- */

/* Check a value against its statistic's kind. */
static void check_kind(const struct stat_info *si, const char *v)
{
	double d;
	bool num = parse_double(v, &d);

	if (*v == '\0')
		return;			/* none yet */
	switch (si->kind) {
	case STAT_COUNT:
	case STAT_DURATION:
		ck_assert_msg(num && d >= 0 && d == floor(d), "%s: %s",
			      si->name, v);
		break;
	case STAT_PERCENT:
		ck_assert_msg(num && d >= 0 &&
				      d <= (si->pct_scale == 100 ? 1 : 100),
			      "%s: %s", si->name, v);
		break;
	case STAT_RATE:
		ck_assert_msg(num && d >= 0, "%s: %s", si->name, v);
		break;
	case STAT_TIME:
		ck_assert_msg(num && d > 1e9, "%s: %s", si->name, v);
		break;
	case STAT_STATE:
		ck_assert_msg(strcmp(v, "ready") == 0 ||
				      strcmp(v, "not_ready") == 0 ||
				      strcmp(v, "busy") == 0 ||
				      strcmp(v, "after_call_work") == 0,
			      "%s: %s", si->name, v);
		break;
	case STAT_TEXT:
		ck_assert(utf8_valid(v));
		break;
	}
}

/* A subscription of every catalogue statistic: totals and both grids. */
static char *every_stat_body(void)
{
	const struct catalog *cat = &catalog_brightpattern;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "{\"a\": {\"stats_totals\": [");
	for (size_t i = 0; i < cat->n; i++)
		buf_printf(&b, "%s\"%s\"", i ? "," : "", cat->stats[i].name);
	for (int g = 0; g < 2; g++) {
		buf_printf(&b, "], \"%s\": [{\"id\": \"g\", \"columns\": [",
			   g ? "agent_grids" : "service_grids");
		for (size_t i = 0; i < cat->n; i++)
			buf_printf(&b,
				   "%s{\"id\": \"%s\", \"stat_name\": \"%s\"}",
				   i ? "," : "", cat->stats[i].name,
				   cat->stats[i].name);
		buf_puts(&b, "]}");
	}
	buf_puts(&b, "]}}");
	return b.data;
}

START_TEST(test_every_stat_is_a_string)
{
	const struct catalog *cat = &catalog_brightpattern;
	struct sim *s = simlib_new(5, 0, 0, 10.5);
	char *body = every_stat_body();
	json_t *d, *row;
	size_t i;

	brightpattern_view_limits(s, 1000, 10);
	d = fetch(s, body);
	for (size_t k = 0; k < cat->n; k++)
		check_kind(&cat->stats[k], total(d, "a", cat->stats[k].name));
	for (int g = 0; g < 2; g++) {
		json_t *values = grid_values(
			d, "a", g ? "agent_grids" : "service_grids", 0);

		ck_assert_uint_gt(json_array_size(values), 0);
		json_array_foreach(values, i, row)
			for (size_t k = 0; k < cat->n; k++)
				check_kind(&cat->stats[k],
					   cell(row, cat->stats[k].name));
	}
	json_decref(d);
	free(body);
	sim_free(s);
}
END_TEST

START_TEST(test_unknown_stat_is_empty)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	json_t *d = fetch(s, "{\"a\": {\"stats_totals\": [\"no_such_stat\"],"
			     "\"agent_grids\": [{\"id\": \"g\", \"columns\": "
			     "[{\"id\": \"x\","
			     "\"stat_name\": \"no_such_stat\"}]}]}}");

	ck_assert_str_eq(total(d, "a", "no_such_stat"), "");
	ck_assert_str_eq(
		cell(json_array_get(grid_values(d, "a", "agent_grids", 0), 0),
		     "x"),
		"");
	json_decref(d);
	sim_free(s);
}
END_TEST

START_TEST(test_agent_states)
{
	struct sim *s = simlib_new(1, 200, 0, 10.5);
	json_t *d = fetch(s, AGENTS_BODY), *row;
	json_t *values = grid_values(d, "a", "agent_grids", 0);
	int seen[5] = { 0 };
	size_t i;

	ck_assert_uint_eq(json_array_size(values), 200);
	json_array_foreach(values, i, row) {
		const char *st = cell(row, "state");

		if (*st == '\0') {
			seen[0]++;
			ck_assert_str_eq(cell(row, "login_time"), "");
			ck_assert_str_eq(cell(row, "reason"), "");
		} else if (strcmp(st, "ready") == 0)
			seen[1]++;
		else if (strcmp(st, "not_ready") == 0)
			seen[2]++;
		else if (strcmp(st, "busy") == 0)
			seen[3]++;
		else if (strcmp(st, "after_call_work") == 0)
			seen[4]++;
		else
			ck_abort_msg("bad acd_state %s", st);
		if (*st != '\0')
			ck_assert(atof(cell(row, "login_time")) > 1e9);
	}
	for (int k = 0; k < 5; k++)
		ck_assert_msg(seen[k] > 0, "state %d never seen", k);
	json_decref(d);
	sim_free(s);
}
END_TEST

START_TEST(test_names_utf8)
{
	struct sim *s = simlib_new(1, 300, 12, 10.5);
	const char *what[] = { "agents", "services", "teams" };
	bool cjk = false;

	for (size_t w = 0; w < 3; w++) {
		char *text = brightpattern_view_cfg(s, what[w]);
		json_t *list = json_loads(text, 0, NULL), *e;
		bool any_non_ascii = false;
		size_t i;

		ck_assert(json_is_array(list));
		json_array_foreach(list, i, e) {
			const char *name =
				json_string_value(json_object_get(e, "name"));

			ck_assert_ptr_nonnull(name);
			ck_assert(utf8_valid(name));
			ck_assert_ptr_nonnull(
				json_string_value(json_object_get(e, "id")));
			any_non_ascii = any_non_ascii || non_ascii(name);
			cjk = cjk || strcmp(name, "販売 窓口") == 0;
		}
		ck_assert_msg(any_non_ascii, "no non-ASCII %s name", what[w]);
		json_decref(list);
		free(text);
	}
	ck_assert(cjk);
	sim_free(s);
}
END_TEST

START_TEST(test_showcase_names)
{
	static const char *const names[] = {
		"Zoë Müller", "José Álvarez", "李 娜",
		"佐藤 花子",  "Ørjan Åsen",
	};
	struct sim *s = simlib_new(11, 0, 0, 10.5);
	char *text = brightpattern_view_cfg(s, "agents");

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		ck_assert_msg(strstr(text, names[i]) != NULL, "no %s",
			      names[i]);
	ck_assert_ptr_nonnull(strstr(text, "\"id\":\"zoe.mueller\""));
	free(text);
	sim_free(s);
}
END_TEST

/* --- subscriptions ------------------------------------------------------- */

START_TEST(test_documented_dialect)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	json_t *d = fetch(s, AGENTS_BODY), *app = json_object_get(d, "a");
	json_t *msgs = json_object_get(app, "chat_messages"), *m;
	size_t i;

	ck_assert_uint_eq(json_object_size(d), 1);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(
		json_object_get(app, "agent_grids"), 0), "id")), "ag");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(
		json_object_get(app, "service_grids"), 0), "id")), "sg");
	ck_assert_uint_eq(
		json_array_size(grid_values(d, "a", "service_grids", 0)), 10);
	ck_assert_uint_eq(
		json_array_size(grid_values(d, "a", "agent_grids", 0)), 48);
	ck_assert(json_is_array(msgs));
	ck_assert_uint_le(json_array_size(msgs), 10);
	ck_assert_uint_gt(json_array_size(msgs), 0);
	json_array_foreach(msgs, i, m) {
		const char *u = cell(m, "is_urgent");

		ck_assert(strcmp(u, "0") == 0 || strcmp(u, "1") == 0);
		cell(m, "id");
		cell(m, "login_id");
		cell(m, "first_name");
		cell(m, "last_name");
		cell(m, "content");
		/* milliseconds */
		ck_assert(atof(cell(m, "send_time")) > 1e12);
	}
	json_decref(d);
	sim_free(s);
}
END_TEST

/* The vendor collection's own "Create Subscription" example. */
static const char *const COLLECTION_BODY =
	"{\"1\": {\"agent_grids\": [{\"id\": \"1\", \"team_ids\": [\"%s\"],"
	"\"limit\": 1000, \"columns\": ["
	"{\"id\": \"1\", \"statName\": \"first_last_name\"},"
	"{\"id\": \"2\", \"statName\": \"extension\"},"
	"{\"id\": \"3\", \"statName\": \"acd_next_state\"},"
	"{\"id\": \"4\", \"statName\": \"login_time\"},"
	"{\"id\": 5, \"statName\": \"acd_state\"}],"
	"\"order\": [{\"by\": \"1\", \"dir\": \"DESC\"}],"
	"\"service_ids\": [], \"my_subteam_only\": false,"
	"\"logged_in_agents_only\": false}]},"
	"\"2\": {\"stats_totals\": [\"in_calls_waiting\"],"
	"\"stats_totals_service_ids\": [\"%s\", \"%s\"],"
	"\"stats_totals_dispositions\": []},"
	"\"3\": {\"stats_totals\": [\"in_average_speed_of_answer\"],"
	"\"stats_totals_service_ids\": [\"%s\"], "
	"\"stats_totals_dispositions\": []}}";

/* The id of the i-th entry of a cfg list (malloc'd). */
static char *cfg_id(struct sim *s, const char *what, size_t i)
{
	char *text = brightpattern_view_cfg(s, what), *id;
	json_t *list = json_loads(text, 0, NULL);

	id = xstrdup(json_string_value(
		json_object_get(json_array_get(list, i), "id")));
	json_decref(list);
	free(text);
	return id;
}

START_TEST(test_collection_dialect)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	char *team = cfg_id(s, "teams", 0), *s0 = cfg_id(s, "services", 0);
	char *s1 = cfg_id(s, "services", 1);
	char *body = xasprintf(COLLECTION_BODY, team, s0, s1, s0);
	json_t *d = fetch(s, body), *values, *row;
	const char *prev = NULL;
	size_t i;

	ck_assert_uint_eq(json_object_size(d), 3);
	values = grid_values(d, "1", "agent_grids", 0);
	ck_assert_uint_eq(json_array_size(values), 12);	/* one team of 4 */
	json_array_foreach(values, i, row) {
		ck_assert_ptr_nonnull(json_object_get(row, "5"));
		if (prev != NULL)	/* DESC by name */
			ck_assert(strcmp(prev, cell(row, "1")) >= 0);
		prev = cell(row, "1");
	}
	total(d, "2", "in_calls_waiting");
	total(d, "3", "in_average_speed_of_answer");
	json_decref(d);
	free(body);
	free(team);
	free(s0);
	free(s1);
	sim_free(s);
}
END_TEST

START_TEST(test_malformed_refused)
{
	static const char *const bad[] = {
		"",
		"not json",
		"{",
		"[]",
		"\"x\"",
		"42",
		"null",
		"{}",
		"{\"a\": 5}",
		"{\"a\": {\"stats_totals\": \"x\"}}",
		"{\"a\": {\"stats_totals\": [1]}}",
		"{\"a\": {\"agent_grids\": 5}}",
		"{\"a\": {\"agent_grids\": [5]}}",
		"{\"a\": {\"agent_grids\": [{\"columns\": []}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\"}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\", \"columns\": "
		"[]}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\"}]}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"stat_name\": \"x\"}]}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"stat_name\": \"SUM\"}]}]}}",
		"{\"a\": {\"service_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"stat_name\": \"name\"}], \"order_by\": "
		"\"9\"}]}}",
		"{\"a\": {\"service_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"stat_name\": \"name\"}], \"order_by\": "
		"\"1\", \"order_dir\": \"UP\"}]}}",
		"{\"a\": {\"service_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"stat_name\": \"name\"}], \"limit\": "
		"\"ten\"}]}}",
		"{\"a\": {\"service_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"stat_name\": \"name\"}], \"limit\": -1}]}}",
		"{\"a\": {\"service_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"stat_name\": \"name\"}], \"filter_by\": "
		"\"1\", \"filter_value\": \"x\", \"filter_operation\": "
		"\"LIKE\"}]}}",
		"{\"a\": {\"service_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"stat_name\": \"name\"}], \"filter_by\": "
		"\"1\"}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"statName\": \"name\"}], \"order\": "
		"[{\"by\": \"7\"}]}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"statName\": \"name\"}], \"team_ids\": "
		"[1]}]}}",
		"{\"a\": {\"agent_grids\": [{\"id\": \"g\", \"columns\": "
		"[{\"id\": \"1\", \"statName\": \"name\"}], "
		"\"logged_in_agents_only\": \"maybe\"}]}}",
		"{\"a\": {\"chat_messages\": []}}",
		"{\"a\": {\"chat_messages\": {\"limit\": \"x\"}}}",
	};
	struct sim *s = simlib_new(1, 0, 0, 10.5);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char err[256] = "unset";
		struct sim_sub *sub = brightpattern_view_subscribe(
			s, bad[i], strlen(bad[i]), err, sizeof(err));

		ck_assert_msg(sub == NULL, "accepted: %s", bad[i]);
		ck_assert_msg(err[0] != '\0' && strcmp(err, "unset") != 0,
			      "no message for: %s", bad[i]);
	}
	sim_free(s);
}
END_TEST

/* A subscription with one agent grid of ncols columns, or ngrids grids. */
static char *sized_body(int ngrids, int ncols)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "{\"a\": {\"agent_grids\": [");
	for (int g = 0; g < ngrids; g++) {
		buf_printf(&b, "%s{\"id\": \"grid-%d\", \"columns\": [",
			   g ? "," : "", g);
		for (int c = 0; c < ncols; c++)
			buf_printf(&b,
				   "%s{\"id\": \"%d\", \"stat_name\": "
				   "\"login_id\"}",
				   c ? "," : "", c);
		buf_puts(&b, "]}");
	}
	buf_puts(&b, "]}}");
	return b.data;
}

START_TEST(test_too_large_refused)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	char err[256], *ok = sized_body(64, 64), *wide = sized_body(3, 65);
	char *many = sized_body(65, 2);
	struct sim_sub *sub = subscribe(s, ok);

	brightpattern_view_free(sub);
	ck_assert_ptr_null(brightpattern_view_subscribe(s, wide, strlen(wide),
							err, sizeof(err)));
	ck_assert_msg(strstr(err, "grid-0") && strstr(err, "too large"), "%s",
		      err);
	ck_assert_ptr_null(brightpattern_view_subscribe(s, many, strlen(many),
							err, sizeof(err)));
	ck_assert_msg(strstr(err, "grid-64") && strstr(err, "too large"), "%s",
		      err);
	brightpattern_view_limits(s, 10, 2);
	free(wide);
	wide = sized_body(1, 11);
	ck_assert_ptr_null(brightpattern_view_subscribe(s, wide, strlen(wide),
							err, sizeof(err)));
	ck_assert_ptr_null(brightpattern_view_subscribe(s, ok, strlen(ok), err,
							sizeof(err)));
	free(ok);
	free(wide);
	free(many);
	sim_free(s);
}
END_TEST

/* --- data shaped after the subscription ---------------------------------- */

START_TEST(test_filter_order_limit)
{
	struct sim *s = simlib_new(4, 100, 0, 10.5);
	json_t *d =
		fetch(s, "{\"a\": {\"agent_grids\": ["
			 "{\"id\": \"ready\", \"columns\": [{\"id\": \"s\", "
			 "\"stat_name\": \"acd_state\"},"
			 "{\"id\": \"d\", \"stat_name\": \"state_duration\"}],"
			 "\"filter_by\": \"s\", \"filter_value\": \"ready\", "
			 "\"filter_operation\": \"EQ\","
			 "\"order_by\": \"d\", \"order_dir\": \"DESC\"},"
			 "{\"id\": \"top3\", \"columns\": [{\"id\": \"h\", "
			 "\"stat_name\": \"in_calls_handled_per_day\"}],"
			 "\"order_by\": \"h\", \"order_dir\": \"DESC\", "
			 "\"limit\": \"3\"},"
			 "{\"id\": \"busy\", \"columns\": [{\"id\": \"h\", "
			 "\"stat_name\": \"in_calls_handled_per_day\"}],"
			 "\"filter_by\": \"h\", \"filter_value\": \"5\", "
			 "\"filter_operation\": \"GE\", \"limit\": 1000}]}}");
	json_t *ready = grid_values(d, "a", "agent_grids", 0), *row;
	json_t *top = grid_values(d, "a", "agent_grids", 1);
	json_t *busy = grid_values(d, "a", "agent_grids", 2);
	double prev = INFINITY;
	size_t i;

	ck_assert_uint_gt(json_array_size(ready), 0);
	json_array_foreach(ready, i, row) {
		ck_assert_str_eq(cell(row, "s"), "ready");
		ck_assert(atof(cell(row, "d")) <= prev);
		prev = atof(cell(row, "d"));
	}
	ck_assert_uint_eq(json_array_size(top), 3);
	ck_assert(atof(cell(json_array_get(top, 0), "h")) >=
		  atof(cell(json_array_get(top, 2), "h")));
	json_array_foreach(busy, i, row)
		/* numeric, not text, compare */
		ck_assert(atof(cell(row, "h")) >= 5);
	json_decref(d);
	sim_free(s);
}
END_TEST

START_TEST(test_sum_column)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	json_t *d = fetch(
		s,
		"{\"a\": {\"service_grids\": [{\"id\": \"g\", \"columns\": ["
		"{\"id\": \"sum\", \"stat_name\": \"SUM\", \"sum_stat_names\": "
		"[\"in_calls_handled_per_day\", "
		"\"in_calls_abandoned_in_queue_per_day\"]},"
		"{\"id\": \"h\", \"stat_name\": \"in_calls_handled_per_day\"},"
		"{\"id\": \"a\", \"stat_name\": "
		"\"in_calls_abandoned_in_queue_per_day\"}]}]}}");
	json_t *row;
	size_t i;

	json_array_foreach(grid_values(d, "a", "service_grids", 0), i, row)
		ck_assert_int_eq(atoi(cell(row, "sum")),
				 atoi(cell(row, "h")) + atoi(cell(row, "a")));
	json_decref(d);
	sim_free(s);
}
END_TEST

START_TEST(test_selections)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	char *svc = cfg_id(s, "services", 0);
	char *body = xasprintf(
		"{\"a\": {\"stats_totals\": "
		"[\"in_calls_handled_per_day\"],\"stats_totals_service_ids\": "
		"[\"%s\"],\"service_grids\": [{\"id\": \"g\", \"service_ids\": "
		"[\"Chat Service\", \"%s\"],\"columns\": [{\"id\": \"n\", "
		"\"stat_name\": \"name\"},{\"id\": \"h\", \"stat_name\": "
		"\"in_calls_handled_per_day\"}]}],\"agent_grids\": [{\"id\": "
		"\"in\", \"logged_in_agents_only\": \"true\",\"columns\": "
		"[{\"id\": \"s\", \"stat_name\": \"acd_state\"}]},{\"id\": "
		"\"team\", \"team_ids\": [\"Sales Team\"],\"columns\": "
		"[{\"id\": \"s\", \"stat_name\": \"acd_state\"}]}]}}",
		svc, svc);
	json_t *d = fetch(s, body),
	       *sg = grid_values(d, "a", "service_grids", 0), *row;
	size_t i;

	ck_assert_uint_eq(json_array_size(sg), 2);
	ck_assert_str_eq(cell(json_array_get(sg, 0), "n"), "Voice Inbound");
	ck_assert_str_eq(cell(json_array_get(sg, 1), "n"), "Chat Service");
	ck_assert_str_eq(total(d, "a", "in_calls_handled_per_day"),
			 cell(json_array_get(sg, 0), "h"));
	json_array_foreach(grid_values(d, "a", "agent_grids", 0), i, row)
		ck_assert_str_ne(cell(row, "s"), "");
	ck_assert_uint_eq(
		json_array_size(grid_values(d, "a", "agent_grids", 1)), 12);
	json_decref(d);
	free(body);
	free(svc);
	sim_free(s);
}
END_TEST

START_TEST(test_chat_filter_and_limit)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	json_t *d, *row;
	size_t i;

	sim_step(s, 3 * 3600);
	d = fetch(s, "{\"a\": {\"chat_messages\": {\"filter\": \"e\", "
		     "\"limit\": 3}},\"b\": {\"chat_messages\": {\"filter\": "
		     "\"no such words here\"}}}");
	ck_assert_uint_eq(json_array_size(json_object_get(
				  json_object_get(d, "a"), "chat_messages")),
			  3);
	json_array_foreach(
		json_object_get(json_object_get(d, "a"), "chat_messages"), i,
		row)
		ck_assert_ptr_nonnull(strstr(cell(row, "content"), "e"));
	ck_assert_uint_eq(json_array_size(json_object_get(
				  json_object_get(d, "b"), "chat_messages")),
			  0);
	json_decref(d);
	sim_free(s);
}
END_TEST

START_TEST(test_cfg_lists)
{
	struct sim *s = simlib_new(1, 0, 0, 10.5);
	char *disp = brightpattern_view_cfg(s, "dispositions"),
	     *teams = brightpattern_view_cfg(s, "teams");
	json_t *dj = json_loads(disp, 0, NULL),
	       *tj = json_loads(teams, 0, NULL);

	ck_assert(json_is_array(dj));
	ck_assert(json_is_string(json_array_get(dj, 0)));
	ck_assert_uint_eq(json_array_size(tj), 4);
	ck_assert_uint_eq(json_object_size(json_array_get(tj, 0)), 2);
	ck_assert_ptr_null(brightpattern_view_cfg(s, "nothing"));
	ck_assert_int_eq(brightpattern_view_available(s, "no such service"),
			 -1);
	ck_assert_int_ge(brightpattern_view_available(s, "Voice Inbound"), 0);
	json_decref(dj);
	json_decref(tj);
	free(disp);
	free(teams);
	sim_free(s);
}
END_TEST

/* --- scale --------------------------------------------------------------- */

/*
 * A centre of 5,000 agents and 500 services steps and answers whole. How
 * fast is a benchmark's question (make bench), not a test's: a wall-clock
 * limit would fail on a loaded machine or under a sanitizer.
 */
START_TEST(test_large_centre)
{
	struct sim *s;
	struct sim_sub *sub;
	char *data;
	json_t *d;

	s = simlib_new(1, 5000, 500, 10.5);
	sub = subscribe(s, AGENTS_BODY);
	sim_step(s, 1);
	data = brightpattern_view_data(s, sub);
	d = json_loads(data, 0, NULL);
	ck_assert_uint_eq(
		json_array_size(grid_values(d, "a", "agent_grids", 0)), 5000);
	ck_assert_uint_eq(
		json_array_size(grid_values(d, "a", "service_grids", 0)), 500);
	json_decref(d);
	free(data);
	brightpattern_view_free(sub);
	sim_free(s);
}
END_TEST

/* The test cases. */
static Suite *sim_suite(void)
{
	Suite *s = suite_create("sim");
	TCase *model = tcase_create("model");
	TCase *values = tcase_create("values");
	TCase *subs = tcase_create("subscriptions");
	TCase *data = tcase_create("data");

	tcase_add_test(model, test_same_seed_same_day);
	tcase_add_test(model, test_other_seed_other_day);
	tcase_add_test(model, test_day_evolves);
	tcase_add_test(model, test_advance_scales_time);
	tcase_add_test(model, test_midnight_starts_empty);
	tcase_add_test(model, test_large_centre);
	tcase_add_test(values, test_every_stat_is_a_string);
	tcase_add_test(values, test_unknown_stat_is_empty);
	tcase_add_test(values, test_agent_states);
	tcase_add_test(values, test_names_utf8);
	tcase_add_test(values, test_showcase_names);
	tcase_add_test(subs, test_documented_dialect);
	tcase_add_test(subs, test_collection_dialect);
	tcase_add_test(subs, test_malformed_refused);
	tcase_add_test(subs, test_too_large_refused);
	tcase_add_test(data, test_filter_order_limit);
	tcase_add_test(data, test_sum_column);
	tcase_add_test(data, test_selections);
	tcase_add_test(data, test_chat_filter_and_limit);
	tcase_add_test(data, test_cfg_lists);
	suite_add_tcase(s, model);
	suite_add_tcase(s, values);
	suite_add_tcase(s, subs);
	suite_add_tcase(s, data);
	return s;
}

/* Run the suite; non-zero when a test failed. */
int main(void)
{
	SRunner *r = srunner_create(sim_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? 0 : 1;
}
