/*
 * check_parse.c - unit tests of the 8x8 body parser (parse.[ch]): the
 * records and their values.
 *
 * The reference's example agent and queue records, transcribed into JSON
 * once with string values and once with numbers; every shape the lists
 * come in; the field names the examples use instead of the table's; -1 as
 * no value; agent states and media; control characters that never
 * survive; bodies refused whole; and the --list-* lists. The catalogue is
 * check_catalog.c's, selections and derived totals check_totals.c's.
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* --- helpers ------------------------------------------------------------- */

/* A body must be refused: NULL, and err names the list and the fault. */
static void assert_refused(const char *agents, const char *queues,
			   const struct layoutset *set, const char *want)
{
	char err[256] = "";
	struct snapshot *s = parse(agents, queues, set, err, sizeof(err));

	ck_assert_msg(s == NULL, "accepted: agents %s, queues %s",
		      agents ? agents : "NULL", queues ? queues : "NULL");
	ck_assert_msg(strstr(err, want) != NULL,
		      "err \"%s\", want \"%s\" in it", err, want);
	testlib_assert_clean(err, "err");
}

/* --- the examples -------------------------------------------------------- */

/* The example agents, whichever way their values are written. */
static void check_example_agents(const char *body)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok(body, NULL, set);
	size_t g = testlib_gid_of(set, "1-ag");
	static const char *const want[2][13] = {
		{ "ag1", "John Doe", "busy", "phone", "0", "1", "", "0", "", "",
		  "", "101", "0" },
		{ "clee", "Cecilia Lee", "busy", "chat", "0", "0", "1323826680",
		  "5", "102", "", "", "101", "0" },
	};

	ck_assert(s->grids[g].present);
	ck_assert_uint_eq(s->grids[g].nrows, 2);
	for (size_t r = 0; r < 2; r++)
		for (size_t c = 0; c < 13; c++)
			assert_cell(s, g, r, c, want[r][c]);
	assert_total(s, set, "agents-logged-in", "", "2");
	assert_total(s, set, "agents-offered", "", "2");
	assert_total(s, set, "agents-available", "", "0");
	assert_total(s, set, "agents-busy", "", "0");
	assert_total(s, set, "agents-logged-out", "", "0");
	snapshot_free(s);
	layoutset_free(set);
}

/* The example agents with string values. */
START_TEST(test_example_agents_text)
{
	check_example_agents(agents_text);
}
END_TEST

/* The example agents with numbers and nulls. */
START_TEST(test_example_agents_numbers)
{
	check_example_agents(agents_numbers);
}
END_TEST

/* The example queues, whichever way their values are written. */
static void check_example_queues(const char *body)
{
	struct layoutset *set = set_of(layout_queues);
	struct snapshot *s = parse_ok(NULL, body, set);
	size_t g = testlib_gid_of(set, "1-sv");
	static const char *const want[2][13] = {
		{ "outbound queue", "115", "phone", "4", "1113", "10", "134",
		  "566", "", "", "340", "30", "5" },
		{ "sales-chat", "111", "chat", "1", "0", "0", "0", "0", "", "",
		  "", "0", "2" },
	};
	static const char *const totals[][2] = {
		{ "queue-size", "5" },
		{ "longest-wait-time", "1113" },
		{ "thirty-min-longest-wait-time", "340" },
		{ "day-accepted", "10" },
		{ "day-queued", "30" },
		{ "day-abandoned", "3" },
		{ "agent-count-busy", "4" },
		{ "agent-count-waitTransact", "2" },
		{ "number-in-offered", "2" },
		{ "day-avg-wait-time", "566" },
		{ "day-avg-duration", "134" },
		{ "thirty-min-avg-wait-time", "110" },
		{ "thirty-min-avg-duration", "34" },
		{ "day-sla-activity", "" },
		{ "sla-activity", "0" },
		{ "thirty-min-sla-activity", "" },
		{ "sla-target", "0" },
	};

	ck_assert(s->grids[g].present);
	ck_assert_uint_eq(s->grids[g].nrows, 2);
	for (size_t r = 0; r < 2; r++)
		for (size_t c = 0; c < 13; c++)
			assert_cell(s, g, r, c, want[r][c]);
	for (size_t i = 0; i < sizeof(totals) / sizeof(totals[0]); i++)
		assert_total(s, set, totals[i][0], "", totals[i][1]);
	snapshot_free(s);
	layoutset_free(set);
}

/* The example queues with string values. */
START_TEST(test_example_queues_text)
{
	check_example_queues(queues_text);
}
END_TEST

/* The example queues with numbers and nulls. */
START_TEST(test_example_queues_numbers)
{
	check_example_queues(queues_numbers);
}
END_TEST

/* --- shapes -------------------------------------------------------------- */

#define AG(id, st, grp) \
	"{\"agent-id\": \"" id "\", \"agent-status\": \"" st "\", " \
	"\"group-id\": \"" grp "\"}"
#define AG_A AG("a", "0", "1")
#define AG_B AG("b", "9", "2")
#define QU(name, id) "{\"queue-name\": \"" name "\", \"queue-id\": \"" id "\"}"
#define QU_A QU("qa", "1")
#define QU_B QU("qb", "2")

/* An agents body must give exactly the agents of ids. */
static void assert_agents(const char *body, const char *const *ids, size_t n)
{
	struct layoutset *set = set_of(layout_agent_grid);
	struct snapshot *s = parse_ok(body, NULL, set);

	assert_rows(s, testlib_gid_of(set, "1-ag"), ids, n);
	snapshot_free(s);
	layoutset_free(set);
}

/* A queues body must give exactly the queues of names. */
static void assert_queues(const char *body, const char *const *names, size_t n)
{
	struct layoutset *set = set_of(layout_queue_grid);
	struct snapshot *s = parse_ok(NULL, body, set);

	assert_rows(s, testlib_gid_of(set, "1-sv"), names, n);
	snapshot_free(s);
	layoutset_free(set);
}

/* Every wrapping of the agents list, and a bare agent record. */
START_TEST(test_shapes_agents)
{
	static const char *const a[] = { "a" }, *const ab[] = { "a", "b" };

	assert_agents("{\"agents\": {\"agent\": [" AG_A ", " AG_B "]}}", ab, 2);
	assert_agents("{\"agents\": {\"agent\": " AG_A "}}", a, 1);
	assert_agents("{\"agents\": [" AG_A ", " AG_B "]}", ab, 2);
	assert_agents("{\"agent\": [" AG_A ", " AG_B "]}", ab, 2);
	assert_agents("{\"agent\": " AG_A "}", a, 1);
	assert_agents("[" AG_A ", " AG_B "]", ab, 2);
	assert_agents("  " AG_A "\n", a, 1);
	/* a bare record known by any field, the examples' names too */
	assert_agents("{\"day-offered-count\": 1, \"agent-id\": \"a\"}", a, 1);
}
END_TEST

/* Every wrapping of the queues list, and a bare queue record. */
START_TEST(test_shapes_queues)
{
	static const char *const a[] = { "qa" }, *const ab[] = { "qa", "qb" };

	assert_queues("{\"queues\": {\"queue\": [" QU_A ", " QU_B "]}}", ab, 2);
	assert_queues("{\"queues\": {\"queue\": " QU_A "}}", a, 1);
	assert_queues("{\"queues\": [" QU_A ", " QU_B "]}", ab, 2);
	assert_queues("{\"queue\": [" QU_A ", " QU_B "]}", ab, 2);
	assert_queues("{\"queue\": " QU_A "}", a, 1);
	assert_queues("[" QU_A ", " QU_B "]", ab, 2);
	assert_queues(QU_A, a, 1);
}
END_TEST

/* Every form of an empty list: no rows, counts 0, other totals no value. */
START_TEST(test_shapes_empty)
{
	static const char *const agents[] = {
		"{\"agents\": \"\"}",
		"{\"agents\": null}",
		"{\"agents\": {}}",
		"{\"agents\": {\"agent\": []}}",
		"{\"agents\": {\"agent\": null}}",
		"{\"agents\": {\"agent\": \"\"}}",
		"{\"agents\": []}",
		"{\"agent\": []}",
		"[]",
	};
	static const char *const queues[] = {
		"{\"queues\": \"\"}", "{\"queues\": null}", "{\"queues\": {}}",
		"{\"queues\": {\"queue\": []}}", "{\"queue\": null}", "[]",
	};
	struct layoutset *sa = set_of(layout_agents),
			 *sq = set_of(layout_queues);

	for (size_t i = 0; i < sizeof(agents) / sizeof(agents[0]); i++) {
		struct snapshot *s = parse_ok(agents[i], NULL, sa);
		ck_assert(s->grids[testlib_gid_of(sa, "1-ag")].present);
		ck_assert_uint_eq(s->grids[testlib_gid_of(sa, "1-ag")].nrows,
				  0);
		assert_total(s, sa, "agents-logged-in", "", "0");
		assert_total(s, sa, "agents-logged-out", "", "0");
		snapshot_free(s);
	}
	for (size_t i = 0; i < sizeof(queues) / sizeof(queues[0]); i++) {
		struct snapshot *s = parse_ok(NULL, queues[i], sq);
		ck_assert(s->grids[testlib_gid_of(sq, "1-sv")].present);
		ck_assert_uint_eq(s->grids[testlib_gid_of(sq, "1-sv")].nrows,
				  0);
		assert_total(s, sq, "queue-size", "", "0");
		assert_total(s, sq, "day-accepted", "", "0");
		assert_total(s, sq, "longest-wait-time", "", "");
		assert_total(s, sq, "day-avg-wait-time", "", "");
		assert_total(s, sq, "day-sla-activity", "", "");
		assert_total(s, sq, "sla-target", "", "");
		snapshot_free(s);
	}
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* A list that was not fetched: its grids absent, its totals not sent. */
START_TEST(test_body_not_given)
{
	struct layoutset *set = set_of(layout_select_queues);
	struct snapshot *s = parse_ok(NULL, queues_text, set);

	assert_total(s, set, "agents-logged-in", "", NULL);
	assert_total(s, set, "queue-size", "", "5");
	snapshot_free(s);
	s = parse_ok(agents_text, NULL, set);
	ck_assert(!s->grids[testlib_gid_of(set, "1-some")].present);
	ck_assert_uint_eq(s->grids[testlib_gid_of(set, "1-some")].nrows, 0);
	assert_total(s, set, "agents-logged-in", "", "2");
	assert_total(s, set, "queue-size", "", NULL);
	assert_total(s, set, "longest-wait-time", "sales-chat", NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- values -------------------------------------------------------------- */

/*
 * The table's name wins over the examples' when both come; either works.
 * An offered count is never taken for a rejected one.
 */
START_TEST(test_aliases)
{
	struct layoutset *sa = set_of(layout_agents),
			 *sq = set_of(layout_queues);
	struct snapshot *s = parse_ok(
		"[{\"day-avg-processing-time\": \"7\", "
		"\"day-avg-handling-time\": \"8\", \"day-rejected-count\": 1, "
		"\"day-offered-count\": 2}, {\"day-avg-handling-time\": 9, "
		"\"day-rejected-count\": 3, \"day-offered-count\": 4}, "
		"{\"day-offered-count\": \"5\", \"day-avg-handling-time\": "
		"\"6\", \"day-avg-processing-time\": \"5\"}]",
		NULL, sa);
	size_t g = testlib_gid_of(sa, "1-ag");

	assert_cell(s, g, 0, A_AHT, "7");
	assert_cell(s, g, 0, A_REJ, "1");
	assert_cell(s, g, 1, A_AHT, "9");
	assert_cell(s, g, 1, A_REJ, "3");
	assert_cell(s, g, 2, A_AHT, "5");
	assert_cell(s, g, 2, A_REJ, NULL);
	snapshot_free(s);

	s = parse_ok(NULL, "{\"queues\": {\"queue\": ["
		"{\"all-day-accepted\": 6, \"day-accepted\": 5, "
		"\"all-day-queued\": 10, \"all-day-avg-wait-time\": 20, "
		"\"all-day-avg-duration\": 30, \"all-day-sla-activity\": 90}, "
		"{\"all-day-accepted\": \"4\", \"day-queued\": 30, "
		"\"all-day-queued\": 1000, \"day-avg-wait-time\": 40, "
		"\"day-avg-duration\": 10, \"day-sla-activity\": 70}]}}", sq);
	g = testlib_gid_of(sq, "1-sv");
	assert_cell(s, g, 0, Q_ACC, "5");
	assert_cell(s, g, 0, Q_Q, "10");
	assert_cell(s, g, 0, Q_DW, "20");
	assert_cell(s, g, 0, Q_DD, "30");
	assert_cell(s, g, 0, Q_DSLA, "90");
	assert_cell(s, g, 1, Q_ACC, "4");
	assert_cell(s, g, 1, Q_Q, "30");
	assert_total(s, sq, "day-accepted", "", "9");
	assert_total(s, sq, "day-queued", "", "40");
	/* (20 * 10 + 40 * 30) / 40 = 35; (30 * 5 + 10 * 4) / 9 = 21.1 */
	assert_total(s, sq, "day-avg-wait-time", "", "35");
	assert_total(s, sq, "day-avg-duration", "", "21");
	/* (90 * 10 + 70 * 30) / 40 = 75 */
	assert_total(s, sq, "day-sla-activity", "", "75");
	snapshot_free(s);
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* -1 is no value in numbers and times; text keeps it. */
START_TEST(test_minus_one)
{
	struct layoutset *sa = set_of(layout_agents),
			 *sq = set_of(layout_queues);
	struct snapshot *s = parse_ok(
		"[{\"day-avg-processing-time\": \"-1\", \"last-login-time\": "
		"-1, \"phone-line1-status\": \"-1\", "
		"\"phone-line1-status-time\": -1.0, \"day-accepted-count\": "
		"-1, \"time-in-status\": \"-1\", \"day-rejected-count\": "
		"\"-2\", \"group-id\": -1, \"agent-status\": -1}]",
		NULL, sa);
	size_t g = testlib_gid_of(sa, "1-ag");

	assert_cell(s, g, 0, A_AHT, "");
	assert_cell(s, g, 0, A_LL, "");
	assert_cell(s, g, 0, A_P1, "-1");
	assert_cell(s, g, 0, A_P1T, "");
	assert_cell(s, g, 0, A_ACC, "");
	assert_cell(s, g, 0, A_TIS, "");
	assert_cell(s, g, 0, A_REJ, "-2");
	assert_cell(s, g, 0, A_GRP, "-1");
	assert_cell(s, g, 0, A_ST, "-1");
	/* not a logged-in agent either: -1 is no status */
	assert_total(s, sa, "agents-logged-in", "", "0");
	snapshot_free(s);

	s = parse_ok(NULL,
		     "[{\"queue-size\": -1, \"day-sla-activity\": \"-1\", "
		     "\"longest-wait-time\": -1, \"day-queued\": 10, "
		     "\"day-avg-wait-time\": -1}, {\"queue-size\": \"3\", "
		     "\"longest-wait-time\": \"-1\", \"day-queued\": -1, "
		     "\"day-avg-wait-time\": 50}]",
		     sq);
	g = testlib_gid_of(sq, "1-sv");
	assert_cell(s, g, 0, Q_QS, "");
	assert_cell(s, g, 0, Q_DSLA, "");
	assert_cell(s, g, 0, Q_LW, "");
	assert_total(s, sq, "queue-size", "", "3");
	assert_total(s, sq, "longest-wait-time", "", "");
	assert_total(s, sq, "day-queued", "", "10");
	assert_total(s, sq, "day-avg-wait-time", "", "");
	snapshot_free(s);
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* Status codes to state words; anything else passes through. */
START_TEST(test_state_words)
{
	static const char *const want[][2] = {
		{ "0", "ready" },
		{ "1", "busy" },
		{ "2", "busy" },
		{ "3", "after_call_work" },
		{ "4", "not_ready" },
		{ "5", "not_ready" },
		{ "9", "logged_out" },
		{ "9.0", "logged_out" },
		{ "6", "6" },
		{ "-1", "-1" },
		{ "", "" },
		{ "ready", "ready" },
		{ "1x", "1x" },
		{ "90", "90" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_str_eq(eightbyeight_state_word(want[i][0]),
				 want[i][1]);
}
END_TEST

/* States and media in the grid, from strings and from numbers. */
START_TEST(test_state_and_media_cells)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok(
		"[{\"agent-status\": 0, \"agent-media-id\": 0}, "
		"{\"agent-status\": \"3\", \"agent-media-id\": \"1\"}, "
		"{\"agent-status\": 4, \"agent-media-id\": 2}, "
		"{\"agent-status\": \"5\", \"agent-media-id\": \"3\"}, "
		"{\"agent-status\": 9, \"agent-media-id\": 4}, "
		"{\"agent-status\": \"7\", \"agent-media-id\": \"7\"}, "
		"{\"agent-status\": \"\", \"agent-media-id\": \"\"}, "
		"{\"agent-status\": null, \"agent-media-id\": null}, "
		"{\"agent-id\": \"x\"}]",
		NULL, set);
	size_t g = testlib_gid_of(set, "1-ag");
	static const char *const want[][2] = {
		{ "ready", "" },
		{ "after_call_work", "phone" },
		{ "not_ready", "chat" },
		{ "not_ready", "email" },
		{ "logged_out", "voicemail" },
		{ "7", "7" },
		{ "", "" },
		{ "", "" },
		{ NULL, NULL },
	};

	ck_assert_uint_eq(s->grids[g].nrows, 9);
	for (size_t r = 0; r < 9; r++) {
		assert_cell(s, g, r, A_ST, want[r][0]);
		assert_cell(s, g, r, A_MD, want[r][1]);
	}
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* Numbers are written plainly, other JSON values as the text they mean. */
START_TEST(test_value_forms)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok(
		"[{\"agent-id\": 42, \"agent-name\": true, "
		"\"day-avg-processing-time\": 12.0, \"day-rejected-count\": "
		"0.5, \"last-login-time\": 1323826680, \"phone-line1-status\": "
		"1e2, \"status-code-item-id\": {}, \"group-id\": [\"101\"], "
		"\"time-in-status\": \"0012\", \"day-accepted-count\": false}]",
		NULL, set);
	size_t g = testlib_gid_of(set, "1-ag");

	assert_cell(s, g, 0, A_ID, "42");
	assert_cell(s, g, 0, A_NAME, "1");
	assert_cell(s, g, 0, A_AHT, "12");
	assert_cell(s, g, 0, A_REJ, "0.5");
	assert_cell(s, g, 0, A_LL, "1323826680");
	assert_cell(s, g, 0, A_P1, "100");
	assert_cell(s, g, 0, A_CODE, "");
	assert_cell(s, g, 0, A_GRP, "");
	assert_cell(s, g, 0, A_TIS, "0012");
	assert_cell(s, g, 0, A_ACC, "0");
	assert_cell(s, g, 0, A_MD, NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- hostile values ------------------------------------------------------ */

/* Control characters and escape sequences never reach a cell. */
START_TEST(test_control_characters)
{
	struct layoutset *sa = set_of(layout_agents),
			 *sq = set_of(layout_queues);
	struct snapshot *s = parse_ok(
		"[{\"agent-id\": \"x\\u202ey\", \"agent-name\": "
		"\"Evil\\u001b[2J\\u0007Name\\u009b31m\", \"agent-status\": "
		"\"\\u001b]0;title\\u0007\", \"agent-media-id\": "
		"\"a\\u0000b\", \"group-id\": \"\\r\\n101\", "
		"\"status-code-item-id\": \"\\u001bP1;2q\\u001b\\\\\"}]",
		NULL, sa);
	size_t g = testlib_gid_of(sa, "1-ag");
	const char *name = snapshot_cell_text(s, g, 0, A_NAME);

	testlib_assert_snapshot_clean(s);
	ck_assert_ptr_nonnull(name);
	ck_assert_msg(strstr(name, "Evil") && strstr(name, "Name"), "%s", name);
	ck_assert_ptr_null(strchr(name, '\x1b'));
	ck_assert_ptr_nonnull(snapshot_cell_text(s, g, 0, A_MD));
	snapshot_free(s);

	s = parse_ok(NULL,
		     "{\"queue\": {\"queue-name\": \"a\\tb\\nc\\u007f\", "
		     "\"media-type\": \"\\u001b[31mphone\", \"queue-size\": "
		     "\"\\u0007\"}}",
		     sq);
	testlib_assert_snapshot_clean(s);
	ck_assert_ptr_nonnull(strstr(
		snapshot_cell_text(s, testlib_gid_of(sq, "1-sv"), 0, Q_MT),
		"phone"));
	snapshot_free(s);
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* Bodies that are not JSON or not a list of records are refused whole. */
START_TEST(test_refused)
{
	struct layoutset *set = set_of(layout_select_queues);

	assert_refused("not json", NULL, set, "agents: malformed JSON");
	assert_refused("", NULL, set, "agents: malformed JSON");
	assert_refused("{\"agents\": \x1b[31m}", NULL, set,
		       "agents: malformed JSON");
	assert_refused("{\"agents\": {\"agent\": [", NULL, set,
		       "malformed JSON");
	assert_refused("5", NULL, set,
		       "agents: unexpected shape: the body is a number");
	assert_refused("\"agents\"", NULL, set, "the body is a string");
	assert_refused("null", NULL, set, "the body is null");
	assert_refused("{\"agent\": 5}", NULL, set, "\"agent\" is a number");
	assert_refused("{\"agent\": \"x\"}", NULL, set,
		       "\"agent\" is a string");
	assert_refused("{\"agent\": true}", NULL, set,
		       "\"agent\" is a boolean");
	assert_refused("{\"agents\": 5}", NULL, set, "\"agents\" is a number");
	assert_refused("{\"agents\": \"x\"}", NULL, set,
		       "\"agents\" is a string");
	assert_refused("{\"agents\": {\"x\": 1}}", NULL, set,
		       "\"agents\" holds no \"agent\"");
	assert_refused("{\"agents\": {\"agent\": [" AG_A ", 1]}}", NULL, set,
		       "agent 2 is a number");
	assert_refused("{\"agents\": [null]}", NULL, set, "agent 1 is null");
	assert_refused("[[" AG_A "]]", NULL, set, "agent 1 is a list");
	assert_refused("{\"foo\": 1}", NULL, set, "neither");
	assert_refused("{}", NULL, set, "neither");
	assert_refused(QU_A, NULL, set, "agents: unexpected shape: neither");
	assert_refused(NULL, "{\"queue\": true}", set,
		       "queues: unexpected shape: \"queue\" is a boolean");
	assert_refused(NULL, "{\"queues\": {\"agent\": []}}", set,
		       "\"queues\" holds no \"queue\"");
	assert_refused(NULL, AG_A, set, "queues: unexpected shape: neither");
	assert_refused(NULL, "<queues></queues>", set,
		       "queues: malformed JSON");
	/* one good list does not save the poll */
	assert_refused(agents_text, "[1]", set, "queue 1 is a number");
	assert_refused("[1]", queues_text, set, "agent 1 is a number");
	/* no room for a reason is no reason to crash */
	ck_assert_ptr_null(eightbyeight_parse("5", 1, NULL, 0, set, NULL, 0));
	ck_assert_ptr_null(eightbyeight_parse("x", 1, NULL, 0, set, NULL, 0));
	layoutset_free(set);
}
END_TEST

/* --- lists --------------------------------------------------------------- */

/* The --list-* lists: agents, distinct teams, services. */
START_TEST(test_parse_list)
{
	static const char hostile[] = "[{\"agent-id\": \"a\\u001b[2Jb\"}]";
	struct cfg_item *items;
	long n;

	n = eightbyeight_parse_list(agents_text, strlen(agents_text), "agents",
				    &items);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(items[0].id, "ag1");
	ck_assert_str_eq(items[0].name, "John Doe");
	ck_assert_str_eq(items[1].id, "clee");
	cfg_items_free(items, n);

	n = eightbyeight_parse_list(agents_mixed, strlen(agents_mixed), "teams",
				    &items);
	ck_assert_int_eq(n, 4);
	ck_assert_ptr_null(items[0].id);
	ck_assert_str_eq(items[0].name, "101");
	ck_assert_str_eq(items[1].name, "7");
	ck_assert_str_eq(items[2].name, "102");
	ck_assert_str_eq(items[3].name, "1010");
	cfg_items_free(items, n);

	n = eightbyeight_parse_list(queues_numbers, strlen(queues_numbers),
				    "services", &items);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(items[0].id, "115");
	ck_assert_str_eq(items[0].name, "outbound queue");
	ck_assert_str_eq(items[1].id, "111");
	ck_assert_str_eq(items[1].name, "sales-chat");
	cfg_items_free(items, n);

	n = eightbyeight_parse_list(hostile, strlen(hostile), "agents", &items);
	ck_assert_int_eq(n, 1);
	testlib_assert_clean(items[0].id, "list id");
	ck_assert_str_eq(items[0].name, "");
	cfg_items_free(items, n);

	ck_assert_int_eq(eightbyeight_parse_list("nope", 4, "agents", &items),
			 -1);
	ck_assert_ptr_null(items);
	ck_assert_int_eq(eightbyeight_parse_list("{\"agent\": 1}", 12, "teams",
						 &items), -1);
	ck_assert_int_eq(eightbyeight_parse_list("{\"queues\": 1}", 13,
						 "services", &items),
			 -1);
	n = eightbyeight_parse_list("{\"queues\": \"\"}", 14, "services",
				    &items);
	ck_assert_int_eq(n, 0);
	cfg_items_free(items, n);
}
END_TEST

/* --- the suite ----------------------------------------------------------- */

static Suite *parse_suite(void)
{
	Suite *s = suite_create("eightbyeight_parse");
	TCase *ex = tcase_create("examples");
	TCase *sh = tcase_create("shapes");
	TCase *val = tcase_create("values");
	TCase *bad = tcase_create("hostile");

	tcase_add_test(ex, test_example_agents_text);
	tcase_add_test(ex, test_example_agents_numbers);
	tcase_add_test(ex, test_example_queues_text);
	tcase_add_test(ex, test_example_queues_numbers);
	suite_add_tcase(s, ex);
	tcase_add_test(sh, test_shapes_agents);
	tcase_add_test(sh, test_shapes_queues);
	tcase_add_test(sh, test_shapes_empty);
	tcase_add_test(sh, test_body_not_given);
	suite_add_tcase(s, sh);
	tcase_add_test(val, test_aliases);
	tcase_add_test(val, test_minus_one);
	tcase_add_test(val, test_state_words);
	tcase_add_test(val, test_state_and_media_cells);
	tcase_add_test(val, test_value_forms);
	suite_add_tcase(s, val);
	tcase_add_test(bad, test_control_characters);
	tcase_add_test(bad, test_refused);
	tcase_add_test(bad, test_parse_list);
	suite_add_tcase(s, bad);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(parse_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
