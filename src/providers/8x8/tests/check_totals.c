/*
 * check_totals.c - unit tests of the 8x8 body parser (parse.[ch]): what a
 * layout selects and the totals derived from the records.
 *
 * Team, logged-in and service selections; totals over all queues and over
 * a selection by name and by id; every rule a total is derived by (counts
 * by status, sums, maxima, weighted averages and their rounding); SUM
 * columns.
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* --- selections ---------------------------------------------------------- */

/* Team (group-id) and logged-in selections, alone and together. */
START_TEST(test_select_agents)
{
	struct layoutset *set = set_of(layout_select_agents);
	struct snapshot *s = parse_ok(agents_mixed, NULL, set);
	static const char *const team[] = { "a", "b", "e", "f" };
	static const char *const in[] = { "a", "c", "d", "f", "g" };
	static const char *const both[] = { "a", "f" };

	assert_rows(s, testlib_gid_of(set, "1-team"), team, 4);
	assert_rows(s, testlib_gid_of(set, "1-in"), in, 5);
	assert_rows(s, testlib_gid_of(set, "1-both"), both, 2);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* The example queues and one more. */
static const char queues_three[] =
	"{\"queues\": {\"queue\": ["
	"{\"queue-name\": \"outbound queue\", \"queue-id\": \"115\", "
	"\"queue-size\": \"4\", \"longest-wait-time\": \"1113\", "
	"\"day-avg-wait-time\": \"566\", \"day-queued\": \"30\"},"
	"{\"queue-name\": \"sales-chat\", \"queue-id\": 111, "
	"\"queue-size\": 1, \"longest-wait-time\": 0, "
	"\"day-avg-wait-time\": 0, \"day-queued\": 0},"
	"{\"queue-name\": \"115\", \"queue-id\": \"9\", "
	"\"queue-size\": 2, \"longest-wait-time\": 50, "
	"\"day-avg-wait-time\": 100, \"day-queued\": 10}]}}";

/* Service grids keep the queues named by name or by id. */
START_TEST(test_select_queues)
{
	struct layoutset *set = set_of(layout_select_queues);
	struct snapshot *s = parse_ok(agents_text, queues_three, set);
	static const char *const some[] = { "outbound queue", "sales-chat",
					    "115" };
	static const char *const one[] = { "sales-chat" };

	/* "115" names the first queue by id and the third by name */
	assert_rows(s, testlib_gid_of(set, "1-some"), some, 3);
	assert_rows(s, testlib_gid_of(set, "1-one"), one, 1);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* Totals over all queues and over selections by name and by id. */
START_TEST(test_totals_scope)
{
	struct layoutset *set = set_of(layout_select_queues);
	struct snapshot *s = parse_ok(agents_text, queues_three, set);

	assert_total(s, set, "queue-size", "", "7");
	assert_total(s, set, "longest-wait-time", "", "1113");
	assert_total(s, set, "queue-size", "sales-chat", "1");
	assert_total(s, set, "longest-wait-time", "sales-chat", "0");
	/* agents say nothing of queues: counted over every agent */
	assert_total(s, set, "agents-logged-in", "", "2");
	assert_total(s, set, "agents-logged-in", "sales-chat", "2");
	/* (566 * 30 + 100 * 10) / 40 = 449.5 */
	assert_total(s, set, "queue-size", "115", "6");
	assert_total(s, set, "day-avg-wait-time", "115", "450");
	assert_total(s, set, "queue-size", "no such queue", "0");
	assert_total(s, set, "longest-wait-time", "no such queue", "");
	assert_total(s, set, "day-avg-wait-time", "no such queue", "");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* A two-queue selection, given as the layout joins it. */
START_TEST(test_totals_scope_two)
{
	static const char layout[] =
		"title = \"Two\"\n"
		"provider = \"8x8\"\n"
		"row {\n"
		"  panel \"t\" { type = totals\n"
		"    column \"qs\" { stat = \"queue-size\" }\n"
		"    column \"lw\" { stat = \"longest-wait-time\" }\n"
		"    services = {\"9\", \"sales-chat\"} }\n"
		"}\n";
	struct layoutset *set = set_of(layout);
	struct snapshot *s = parse_ok(NULL, queues_three, set);

	assert_total(s, set, "queue-size", "9\nsales-chat", "3");
	assert_total(s, set, "longest-wait-time", "9\nsales-chat", "50");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- derived totals ------------------------------------------------------ */

/* Counts by status: equal to a code, or not 9; no status counts nowhere. */
START_TEST(test_derive_counts)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok(
		"[{\"agent-status\": 0}, "
		"{\"agent-status\": \"1\"}, {\"agent-status\": 2}, "
		"{\"agent-status\": \"3\"}, {\"agent-status\": \"4\"}, "
		"{\"agent-status\": \"5\"}, {\"agent-status\": 9}, "
		"{\"agent-status\": \"9\"}, {\"agent-status\": \"9.0\"}, "
		"{\"agent-id\": \"none\"}, {\"agent-status\": \"\"}, "
		"{\"agent-status\": null}, {\"agent-status\": \"-1\"}, "
		"{\"agent-status\": \"7\"}, {\"agent-status\": \"0\"}]",
		NULL, set);
	static const char *const want[][2] = {
		{ "agents-logged-in", "8" }, { "agents-available", "2" },
		{ "agents-offered", "1" }, { "agents-busy", "1" },
		{ "agents-post-processing", "1" }, { "agents-on-break", "1" },
		{ "agents-working-offline", "1" }, { "agents-logged-out", "3" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_total(s, set, want[i][0], "", want[i][1]);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* Sums, maxima and weighted averages, with their rounding. */
START_TEST(test_derive_numbers)
{
	struct layoutset *set = set_of(layout_queues);
	struct snapshot *s = parse_ok(
		NULL,
		"[{\"queue-size\": 1, \"longest-wait-time\": 5, "
		"\"thirty-min-longest-wait-time\": -1, \"day-sla-activity\": "
		"100, \"day-queued\": 1, \"sla-activity\": 80, "
		"\"thirty-min-sla-activity\": 87.5, \"thirty-min-queued\": 2, "
		"\"thirty-min-avg-wait-time\": 10, \"day-avg-duration\": 100, "
		"\"day-accepted\": 3, \"thirty-min-avg-duration\": 40, "
		"\"thirty-min-accepted\": 0, \"sla-target\": 20, "
		"\"agent-count-busy\": 0.5}, {\"queue-size\": \"2\", "
		"\"longest-wait-time\": \"12\", "
		"\"thirty-min-longest-wait-time\": \"-1\", "
		"\"day-sla-activity\": \"50\", \"day-queued\": \"2\", "
		"\"sla-activity\": \"95\", \"thirty-min-sla-activity\": "
		"\"90\", \"thirty-min-queued\": \"2\", "
		"\"thirty-min-avg-wait-time\": \"11\", \"day-avg-duration\": "
		"\"200\", \"day-accepted\": \"0\", "
		"\"thirty-min-avg-duration\": 80, \"thirty-min-accepted\": "
		"\"\", \"sla-target\": \"40\", \"agent-count-busy\": \"2\"}, "
		"{\"queue-size\": \"\", \"longest-wait-time\": \"x\", "
		"\"day-avg-duration\": 500, \"day-accepted\": -1, "
		"\"day-sla-activity\": 10, \"thirty-min-longest-wait-time\": "
		"-7}]",
		set);
	static const char *const want[][2] = {
		{ "queue-size", "3" },
		{ "agent-count-busy", "2.5" },
		{ "day-abandoned", "0" },
		{ "longest-wait-time", "12" },
		/* the largest even when all are below 0 (-1 is no value) */
		{ "thirty-min-longest-wait-time", "-7" },
		{ "sla-target", "40" },
		/* (100 * 1 + 50 * 2) / 3; the third has no weight */
		{ "day-sla-activity", "66.67" },
		/* (80 * 1 + 95 * 2) / 3 */
		{ "sla-activity", "90" },
		/* (87.5 * 2 + 90 * 2) / 4 */
		{ "thirty-min-sla-activity", "88.75" },
		/* 10.5 s: whole seconds, rounded half up */
		{ "thirty-min-avg-wait-time", "11" },
		/* weight 0 and -1 count for nothing */
		{ "day-avg-duration", "100" },
		{ "thirty-min-avg-duration", "" },
		{ "day-accepted", "3" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_total(s, set, want[i][0], "", want[i][1]);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* SUM columns add the row's statistics that have a value. */
START_TEST(test_sum_columns)
{
	struct layoutset *set = set_of(layout_queues);
	struct snapshot *s = parse_ok(NULL, "[{\"queue-size\": 1, "
		"\"number-in-offered\": 2}, {\"queue-size\": -1, "
		"\"number-in-offered\": \"2\"}, {\"queue-name\": \"n\"}, "
		"{\"queue-size\": \"x\", \"number-in-offered\": \"\"}, "
		"{\"queue-size\": 1.5, \"number-in-offered\": \"1\"}, "
		"{\"queue-size\": \"0\", \"number-in-offered\": null}]", set);
	size_t g = testlib_gid_of(set, "1-sv");
	static const char *const want[] = { "3", "2", "", "", "2.5", "0" };

	ck_assert_uint_eq(s->grids[g].nrows, 6);
	for (size_t r = 0; r < 6; r++)
		assert_cell(s, g, r, Q_SUM, want[r]);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- the suite ----------------------------------------------------------- */

static Suite *totals_suite(void)
{
	Suite *s = suite_create("eightbyeight_totals");
	TCase *sel = tcase_create("selections");
	TCase *tot = tcase_create("totals");

	tcase_add_test(sel, test_select_agents);
	tcase_add_test(sel, test_select_queues);
	suite_add_tcase(s, sel);
	tcase_add_test(tot, test_totals_scope);
	tcase_add_test(tot, test_totals_scope_two);
	tcase_add_test(tot, test_derive_counts);
	tcase_add_test(tot, test_derive_numbers);
	tcase_add_test(tot, test_sum_columns);
	suite_add_tcase(s, tot);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(totals_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
