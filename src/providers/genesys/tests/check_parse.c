/*
 * check_parse.c - unit tests of the Genesys Statistics API v3 answers
 * (parse.[ch]).
 *
 * The reference's own example answers (subscription, peek, error) are
 * taken verbatim. Then values of every shape, state words, ObjectId cells,
 * SUM cells, totals combined (counts added, durations the largest,
 * percentages averaged), refused answers, ignored statisticIds, hostile
 * text and error answers. The catalogue, the subscription and peek bodies
 * and the subscription id are check_subscription.c's.
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* --- helpers ------------------------------------------------------------- */

/* Parse an answer given as a C string. */
static struct snapshot *parse(const char *body, const struct layoutset *set,
			      char *err, size_t errsz)
{
	return genesys_parse_values(body, strlen(body), set, &objs, NULL, err,
				    errsz);
}

/* An answer holding the given statistics (a JSON list's inside). */
static struct snapshot *parse_stats(const char *stats,
				    const struct layoutset *set, char *err,
				    size_t errsz)
{
	char *body = xasprintf("{\"data\":{\"statistics\":[%s]},"
			       "\"status\":{\"code\":0}}", stats);
	struct snapshot *s = parse(body, set, err, errsz);

	free(body);
	return s;
}

/* The value one statistic gets, given as JSON: the cell or total it fills. */
static struct snapshot *parse_one(const char *id, const char *value,
				  const struct layoutset *set)
{
	char err[256];
	char *stat =
		xasprintf("{\"statisticId\":\"%s\",\"value\":%s}", id, value);
	struct snapshot *s = parse_stats(stat, set, err, sizeof(err));

	free(stat);
	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_str_eq(err, "");
	return s;
}

/* --- the reference's example answers ------------------------------------- */

/* POST /subscriptions and GET .../statistic-values, 200 (verbatim). */
static const char ref_subscription[] =
	"{\n"
	"  \"data\": {\n"
	"    \"operationId\": \"string\",\n"
	"    \"statistics\": [\n"
	"      {\n"
	"        \"name\": \"string\",\n"
	"        \"objectId\": \"string\",\n"
	"        \"objectType\": \"string\",\n"
	"        \"statisticId\": \"string\",\n"
	"        \"timestamp\": 0,\n"
	"        \"value\": {\n"
	"        }\n"
	"      }\n"
	"    ],\n"
	"    \"subscriptionId\": \"string\"\n"
	"  },\n"
	"  \"errors\": [\n"
	"    {\n"
	"      \"status\": {\n"
	"        \"code\": 0,\n"
	"        \"detail\": {\n"
	"        },\n"
	"        \"message\": \"string\"\n"
	"      }\n"
	"    }\n"
	"  ],\n"
	"  \"path\": \"string\",\n"
	"  \"status\": {\n"
	"    \"code\": 0,\n"
	"    \"detail\": {\n"
	"    },\n"
	"    \"message\": \"string\"\n"
	"  }\n"
	"}\n";

/* POST /operations/get-statistic-ex, 200 (verbatim): no statisticId. */
static const char ref_peek[] =
	"{\n"
	"  \"data\": {\n"
	"    \"statistics\": [\n"
	"      {\n"
	"        \"name\": \"string\",\n"
	"        \"objectId\": \"string\",\n"
	"        \"objectType\": \"string\",\n"
	"        \"timestamp\": 0,\n"
	"        \"value\": {\n"
	"        }\n"
	"      }\n"
	"    ]\n"
	"  },\n"
	"  \"errors\": [\n"
	"    {\n"
	"      \"status\": {\n"
	"        \"code\": 0,\n"
	"        \"detail\": {\n"
	"        },\n"
	"        \"message\": \"string\"\n"
	"      }\n"
	"    }\n"
	"  ],\n"
	"  \"path\": \"string\",\n"
	"  \"status\": {\n"
	"    \"code\": 0,\n"
	"    \"detail\": {\n"
	"    },\n"
	"    \"message\": \"string\"\n"
	"  }\n"
	"}\n";

/* The 400/500/503/504 answers (verbatim). */
static const char ref_error[] =
	"{\n"
	"  \"data\": {\n"
	"  },\n"
	"  \"errors\": [\n"
	"    {\n"
	"      \"status\": {\n"
	"        \"code\": 0,\n"
	"        \"detail\": {\n"
	"        },\n"
	"        \"message\": \"string\"\n"
	"      }\n"
	"    }\n"
	"  ],\n"
	"  \"path\": \"string\",\n"
	"  \"status\": {\n"
	"    \"code\": 0,\n"
	"    \"detail\": {\n"
	"    },\n"
	"    \"message\": \"string\"\n"
	"  }\n"
	"}\n";

START_TEST(test_ref_subscription)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s = parse(ref_subscription, set, err, sizeof(err));
	char *id;

	ck_assert_msg(s != NULL, "refused: %s", err);
	/* Its statisticId is none of ours; its one error has code 0. */
	ck_assert_str_eq(err, "");
	for (size_t t = 0; t < set->ntotals; t++)
		assert_total(s, t, NULL);
	ck_assert(s->grids[0].present);
	ck_assert_uint_eq(s->grids[0].nrows, 3);
	assert_cell(s, 0, 0, AG_STATE, NULL);
	snapshot_free(s);

	id = genesys_parse_subscription_id(ref_subscription,
					   strlen(ref_subscription));
	ck_assert_ptr_nonnull(id);
	ck_assert_str_eq(id, "string");
	free(id);
	layoutset_free(set);
}
END_TEST

START_TEST(test_ref_peek)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s = parse(ref_peek, set, err, sizeof(err));

	/* Accepted, nothing filled, the missing statisticId noted. */
	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_ptr_nonnull(strstr(err, "statisticId"));
	assert_cell(s, 0, 0, AG_STATE, NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

START_TEST(test_ref_error)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s = parse(ref_error, set, err, sizeof(err));
	char *msg;

	/* data {} has no statistics: refused. */
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(err, "data.statistics"));
	ck_assert_ptr_null(
		genesys_parse_subscription_id(ref_error, strlen(ref_error)));
	msg = genesys_parse_error(ref_error, strlen(ref_error));
	ck_assert_ptr_nonnull(msg);
	ck_assert_str_eq(msg, "string");
	free(msg);
	layoutset_free(set);
}
END_TEST

/* --- values -------------------------------------------------------------- */

/* One value of every shape, in the agent state column and elsewhere. */
static const struct {
	const char *id;
	size_t col;
	const char *value;	/* JSON */
	const char *want;	/* NULL: no cell */
} value_cases[] = {
	{ "g0.0.2", AG_TIME, "125", "125" },
	{ "g0.0.2", AG_TIME, "125.0", "125" },
	{ "g0.0.2", AG_TIME, "12.5", "12.5" },
	{ "g0.0.2", AG_TIME, "0.1", "0.1" },
	/* 15 digits: no binary noise */
	{ "g0.0.2", AG_TIME, "0.30000000000000004", "0.3" },
	{ "g0.0.2", AG_TIME, "-3", "-3" },
	{ "g0.0.2", AG_TIME, "1e20", "1e+20" },
	{ "g0.0.2", AG_TIME, "-0.0", "0" },
	{ "g0.0.2", AG_TIME, "123456789012345678.0", "1.23456789012346e+17" },
	{ "g0.0.2", AG_TIME, "\"7\"", "7" },
	{ "g0.0.2", AG_TIME, "\"\"", "" },
	{ "g0.0.2", AG_TIME, "{\"value\":9}", "9" },
	{ "g0.0.2", AG_TIME, "{\"value\":9.25}", "9.25" },
	{ "g0.0.2", AG_TIME, "{\"value\":\"x\"}", "x" },
	{ "g0.0.2", AG_TIME, "{\"value\":null}", NULL },
	{ "g0.0.2", AG_TIME, "{\"value\":[1]}", NULL },
	{ "g0.0.2", AG_TIME, "{\"state\":\"Ready\"}", NULL },
	{ "g0.0.2", AG_TIME, "true", "1" },
	{ "g0.0.2", AG_TIME, "false", "0" },
	{ "g0.0.2", AG_TIME, "null", NULL },
	{ "g0.0.2", AG_TIME, "{}", NULL },
	{ "g0.0.2", AG_TIME, "[3]", NULL },
	{ "g0.1.4", AG_WHY, "\"Lunch\"", "Lunch" },
	{ "g0.1.4", AG_WHY, "{\"value\":\"Meeting\"}", "Meeting" },
	{ "g0.1.4", AG_WHY, "\"NotReady\"", "NotReady" },
	{ "g0.2.1", AG_STATE, "\"WaitForNextCall\"", "ready" },
	{ "g0.2.1", AG_STATE, "{\"state\":\"WaitForNextCall\"}", "ready" },
	{ "g0.2.1", AG_STATE, "{\"status\":{\"name\":\"NotReady\"}}",
	  "not_ready" },
	{ "g0.2.1", AG_STATE, "{\"status\":\"AfterCallWork\"}",
	  "after_call_work" },
	{ "g0.2.1", AG_STATE, "{\"agentState\":\"CallInbound\"}", "busy" },
	{ "g0.2.1", AG_STATE, "{\"agentState\":{\"name\":\"LoggedOut\"}}",
	  "logged_out" },
	{ "g0.2.1", AG_STATE, "{\"value\":\"ACW\",\"state\":\"Ready\"}",
	  "after_call_work" },
	{ "g0.2.1", AG_STATE, "{\"state\":{\"id\":3},\"status\":\"Dialing\"}",
	  "busy" },
	{ "g0.2.1", AG_STATE, "{\"status\":{\"name\":7}}", NULL },
	{ "g0.2.1", AG_STATE, "\"Monitored\"", "Monitored" },
	{ "g0.2.1", AG_STATE, "{\"value\":4}", "4" },
	{ "g0.2.1", AG_STATE, "null", NULL },
	{ "g0.2.1", AG_STATE, "{}", NULL },
	{ "g1.1.1", 1, "3", "3" },
	{ "g2.0.0", 0, "{\"value\":\"11\"}", "11" },
};

START_TEST(test_value_shapes)
{
	struct layoutset *set = set_of(layout_main);
	struct snapshot *s =
		parse_one(value_cases[_i].id, value_cases[_i].value, set);
	size_t gid = (size_t)(value_cases[_i].id[1] - '0');
	size_t row = (size_t)(value_cases[_i].id[3] - '0');

	assert_cell(s, gid, row, value_cases[_i].col, value_cases[_i].want);
	/* Nothing else filled (but the ObjectId cells). */
	for (size_t r = 0; r < s->grids[0].nrows; r++)
		for (size_t c = AG_STATE; c <= AG_WHY; c++)
			if (gid != 0 || r != row || c != value_cases[_i].col)
				assert_cell(s, 0, r, c, NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

START_TEST(test_object_id_cells)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s = parse_stats("", set, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_uint_eq(s->ngrids, 3);
	ck_assert(s->grids[0].present && s->grids[1].present &&
		  s->grids[2].present);
	ck_assert_uint_eq(s->grids[0].nrows, 3);
	ck_assert_uint_eq(s->grids[0].ncols, 5);
	assert_cell(s, 0, 0, AG_ID, "a1");
	assert_cell(s, 0, 1, AG_ID, "a2");
	assert_cell(s, 0, 2, AG_ID, "a3");
	assert_cell(s, 0, 2, AG_CALLS, NULL);
	ck_assert_uint_eq(s->grids[1].nrows, 2);
	assert_cell(s, 1, 0, 0, "Q1");
	assert_cell(s, 1, 1, 0, "Q2");
	assert_cell(s, 1, 1, 1, NULL);
	ck_assert_uint_eq(s->grids[2].nrows, 1);
	assert_cell(s, 2, 0, 1, "Sales");
	assert_cell(s, 2, 0, 0, NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

START_TEST(test_sum_cells)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s = parse_stats(
		"{\"statisticId\":\"g0.0.3.0\",\"value\":2},"
		"{\"statisticId\":\"g0.0.3.1\",\"value\":{\"value\":\"3.5\"}},"
		"{\"statisticId\":\"g0.1.3.1\",\"value\":4},"
		"{\"statisticId\":\"g0.1.3.0\",\"value\":null}",
		set, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	assert_cell(s, 0, 0, AG_CALLS, "5.5");
	assert_cell(s, 0, 1, AG_CALLS, "4");
	assert_cell(s, 0, 2, AG_CALLS, NULL);
	snapshot_free(s);

	/* Parts came, none a number: "no value", not "no cell". */
	s = parse_stats("{\"statisticId\":\"g0.2.3.0\",\"value\":\"n/a\"}",
			set, err, sizeof(err));
	ck_assert_ptr_nonnull(s);
	assert_cell(s, 0, 2, AG_CALLS, "");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- totals -------------------------------------------------------------- */

/* A statistic of total (stat over scope), object k, with a JSON value. */
static void add_total(struct buf *b, const struct layoutset *set,
		      const char *stat, const char *scope, size_t k,
		      const char *value)
{
	if (b->len > 0)
		buf_puts(b, ",");
	buf_printf(b, "{\"statisticId\":\"t%zu.%zu\",\"value\":%s}",
		   testlib_tid_of(set, stat, scope), k, value);
}

START_TEST(test_totals_combined)
{
	static const char two[] = "Sales\nSupport";
	struct layoutset *set = set_of(layout_main);
	struct snapshot *s;
	struct buf b;
	char err[256];

	buf_init(&b);
	add_total(&b, set, "CurrNumberWaitingCalls", two, 0, "3");
	add_total(&b, set, "CurrNumberWaitingCalls", two, 1, "\"4\"");
	add_total(&b, set, "CurrMaxCallWaitingTime", two, 0, "{\"value\":95}");
	add_total(&b, set, "CurrMaxCallWaitingTime", two, 1, "30");
	add_total(&b, set, "ServiceFactor1", two, 0, "80");
	add_total(&b, set, "ServiceFactor1", two, 1, "90.5");
	add_total(&b, set, "PercentageCallsAbandoned", two, 1, "10");
	add_total(&b, set, "PercentageCallsAbandoned", two, 0, "null");
	add_total(&b, set, "CurrNumberWaitingCalls", "", 0, "{\"value\":12}");
	add_total(&b, set, "ServiceFactor1", "", 0, "\"87.5\"");
	s = parse_stats(b.data, set, err, sizeof(err));
	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_str_eq(err, "");
	assert_total(s, testlib_tid_of(set, "CurrNumberWaitingCalls", two),
		     "7");
	assert_total(s, testlib_tid_of(set, "CurrMaxCallWaitingTime", two),
		     "95");
	assert_total(s, testlib_tid_of(set, "ServiceFactor1", two), "85.25");
	assert_total(s, testlib_tid_of(set, "PercentageCallsAbandoned", two),
		     "10");
	assert_total(s, testlib_tid_of(set, "CurrNumberWaitingCalls", ""),
		     "12");
	assert_total(s, testlib_tid_of(set, "ServiceFactor1", ""), "87.5");
	assert_total(s, testlib_tid_of(set, "CurrMaxCallWaitingTime", ""),
		     NULL);
	snapshot_free(s);
	buf_free(&b);
	layoutset_free(set);
}
END_TEST

START_TEST(test_totals_not_numbers)
{
	static const char two[] = "Sales\nSupport";
	struct layoutset *set = set_of(layout_main);
	struct snapshot *s;
	struct buf b;
	char err[256];

	buf_init(&b);
	/* No number among them: the first value that came. */
	add_total(&b, set, "CurrNumberWaitingCalls", two, 1, "\"n/a\"");
	add_total(&b, set, "CurrNumberWaitingCalls", two, 0, "\"\"");
	/* One number and one text: the number. */
	add_total(&b, set, "CurrMaxCallWaitingTime", two, 0, "\"-\"");
	add_total(&b, set, "CurrMaxCallWaitingTime", two, 1, "-5");
	s = parse_stats(b.data, set, err, sizeof(err));
	ck_assert_ptr_nonnull(s);
	assert_total(s, testlib_tid_of(set, "CurrNumberWaitingCalls", two), "");
	assert_total(s, testlib_tid_of(set, "CurrMaxCallWaitingTime", two),
		     "-5");
	assert_total(s, testlib_tid_of(set, "ServiceFactor1", two), NULL);
	snapshot_free(s);
	buf_free(&b);
	layoutset_free(set);
}
END_TEST

/* A later value for the same statistic replaces the earlier one. */
START_TEST(test_totals_repeated)
{
	static const char two[] = "Sales\nSupport";
	struct layoutset *set = set_of(layout_main);
	struct snapshot *s;
	struct buf b;
	char err[256];

	buf_init(&b);
	add_total(&b, set, "CurrNumberWaitingCalls", two, 0, "3");
	add_total(&b, set, "CurrNumberWaitingCalls", two, 0, "5");
	add_total(&b, set, "CurrNumberWaitingCalls", two, 1, "1");
	s = parse_stats(b.data, set, err, sizeof(err));
	ck_assert_ptr_nonnull(s);
	assert_total(s, testlib_tid_of(set, "CurrNumberWaitingCalls", two),
		     "6");
	snapshot_free(s);
	buf_free(&b);
	layoutset_free(set);
}
END_TEST

/* --- state words --------------------------------------------------------- */

static const struct {
	const char *raw;
	const char *want;
} state_cases[] = {
	{ "LoggedOut", "logged_out" },
	{ "Logout", "logged_out" },
	{ "LogOut", "logged_out" },
	{ "LOGGEDOUT", "logged_out" },
	{ "Ready", "ready" },
	{ "WaitForNextCall", "ready" },
	{ "waitfornextcall", "ready" },
	{ "NotReady", "not_ready" },
	{ "NotReadyForNextCall", "not_ready" },
	{ "AfterCallWork", "after_call_work" },
	{ "ACW", "after_call_work" },
	{ "acw", "after_call_work" },
	{ "WrapUp", "after_call_work" },
	{ "Busy", "busy" },
	{ "CallInbound", "busy" },
	{ "CallOutbound", "busy" },
	{ "CallInternal", "busy" },
	{ "CallConsult", "busy" },
	{ "CallOnHold", "busy" },
	{ "CallRinging", "busy" },
	{ "Ringing", "busy" },
	{ "Dialing", "busy" },
	{ "DIALING", "busy" },
	{ "Talking", "busy" },
	{ "Monitored", "Monitored" },
	{ "", "" },
	{ "Ready ", "ready" },
	{ "NotReadyX", "NotReadyX" },
};

START_TEST(test_state_word)
{
	const char *raw = state_cases[_i].raw;

	ck_assert_str_eq(genesys_state_word(raw), state_cases[_i].want);
	if (strcmp(raw, state_cases[_i].want) == 0)
		ck_assert_ptr_eq(genesys_state_word(raw), raw);
}
END_TEST

START_TEST(test_state_word_null)
{
	ck_assert_ptr_null(genesys_state_word(NULL));
}
END_TEST

/* --- refused answers ----------------------------------------------------- */

static const struct {
	const char *body;
	const char *err;	/* what err says (exactly) */
} refused_cases[] = {
	{ "{\"data\":{\"statistics\":[]},\"status\":{\"code\":2,"
	  "\"message\":\"Subscription not found\"}}",
	  "Subscription not found" },
	{ "{\"data\":{},\"status\":{\"code\":500},\"errors\":[{\"status\":"
	  "{\"code\":500,\"message\":\"Stat Server unavailable\"}}]}",
	  "Stat Server unavailable" },
	{ "{\"status\":{\"code\":\"404\",\"message\":\"no such id\"}}",
	  "no such id" },
	{ "{\"status\":{\"code\":-1,\"message\":\"negative\"}}", "negative" },
	{ "{\"status\":{\"code\":3}}", "the server answered status code 3" },
	{ "{\"status\":{\"code\":7,\"message\":\"bad \\u001b[31mred\\u0007\"}}",
	  "bad red" },
};

START_TEST(test_refused_status)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s =
		parse(refused_cases[_i].body, set, err, sizeof(err));

	ck_assert_ptr_null(s);
	ck_assert_str_eq(err, refused_cases[_i].err);
	layoutset_free(set);
}
END_TEST

static const char *const bad_bodies[] = {
	"", "<html><body>502 Bad Gateway</body></html>", "{\"data\":", "null",
	"[]", "\"data\"", "42", "{}", "{\"data\":{}}", "{\"data\":[]}",
	"{\"data\":null}", "{\"data\":{\"statistics\":{}}}",
	"{\"data\":{\"statistics\":\"none\"}}", "{\"statistics\":[]}",
	"{\"data\":{\"statistic\":{\"name\":\"x\",\"value\":1}}}",
};

START_TEST(test_refused_shape)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s = parse(bad_bodies[_i], set, err, sizeof(err));

	ck_assert_msg(s == NULL, "accepted %s", bad_bodies[_i]);
	ck_assert_msg(err[0] != '\0', "no reason for %s", bad_bodies[_i]);
	ck_assert(clean(err));
	layoutset_free(set);
}
END_TEST

START_TEST(test_status_zero_accepted)
{
	static const char *const bodies[] = {
		"{\"data\":{\"statistics\":[]},\"status\":{\"code\":0,"
		"\"message\":\"OK\"}}",
		"{\"data\":{\"statistics\":[]},\"status\":{\"code\":\"0\"}}",
		"{\"data\":{\"statistics\":[]},\"status\":{\"message\":\"no "
		"code\"}}",
		"{\"data\":{\"statistics\":[]},\"status\":{\"code\":\"x\"}}",
		"{\"data\":{\"statistics\":[]}}",
	};
	struct layoutset *set = set_of(layout_main);
	char err[256];

	for (size_t i = 0; i < WB_ARRAY_LEN(bodies); i++) {
		struct snapshot *s = parse(bodies[i], set, err, sizeof(err));
		ck_assert_msg(s != NULL, "refused %s: %s", bodies[i], err);
		ck_assert_str_eq(err, "");
		snapshot_free(s);
	}
	layoutset_free(set);
}
END_TEST

/* A failed entry of errors[] in an accepted answer is noted. */
START_TEST(test_errors_noted)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s =
		parse("{\"data\":{\"statistics\":[{\"statisticId\":\"g1.0.1\","
		      "\"value\":2}]},\"errors\":[{\"status\":{\"code\":0,"
		      "\"message\":\"fine\"}},{\"status\":{\"code\":404,"
		      "\"message\":\"Statistic "
		      "\\u001b[1mFoo unknown\"}}],\"status\":{\"code\":0}}",
		      set, err, sizeof(err));

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "the server reports: Statistic Foo unknown");
	assert_cell(s, 1, 0, 1, "2");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- ignored statistics -------------------------------------------------- */

static const char *const ignored_ids[] = {
	"g3.0.0",
	"g9.0.1",
	"g0.3.1",
	"g0.0.5",
	"g0.0.0",
	"g0.0.3",
	"g0.0.3.2",
	"g0.0.1.0",
	"g0.0",
	"g0",
	"g",
	"t",
	"t0",
	"t99.0",
	"t3.2",
	"t0.1",
	"t0.0.0",
	"x0.0.1",
	"G0.0.1",
	"g-1.0.1",
	"g+0.0.1",
	"g0..1",
	"g0.0.1.",
	"g0.0.1 ",
	" g0.0.1",
	"g0.0.1.0.0",
	"g0.0x1",
	"g184467440737095516160.0.1",
	"g0.18446744073709551617.1",
	"",
};

START_TEST(test_ignored_ids)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	char *stat = xasprintf("{\"statisticId\":\"%s\",\"value\":77}",
			       ignored_ids[_i]);
	struct snapshot *s = parse_stats(stat, set, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_str_eq(err, "");
	for (size_t g = 0; g < s->ngrids; g++)
		for (size_t r = 0; r < s->grids[g].nrows; r++)
			for (size_t c = 0; c < s->grids[g].ncols; c++) {
				const char *v = snapshot_cell_text(s, g, r, c);
				ck_assert_msg(v == NULL || strcmp(v, "77") != 0,
					      "%s filled %zu.%zu.%zu",
					      ignored_ids[_i], g, r, c);
			}
	for (size_t t = 0; t < s->ntotals; t++)
		assert_total(s, t, NULL);
	/* ObjectId stays the row's id. */
	assert_cell(s, 0, 0, AG_ID, "a1");
	snapshot_free(s);
	free(stat);
	layoutset_free(set);
}
END_TEST

/* Sanity of the case above: the same shape with a valid id does fill. */
START_TEST(test_valid_ids_fill)
{
	struct layoutset *set = set_of(layout_main);
	struct snapshot *s = parse_one("g0.2.2", "77", set);

	assert_cell(s, 0, 2, AG_TIME, "77");
	snapshot_free(s);
	s = parse_one("t0.0", "77", set);
	assert_total(s, 0, "77");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

START_TEST(test_entries_skipped)
{
	struct layoutset *set = set_of(layout_main);
	char err[256];
	struct snapshot *s =
		parse_stats("5, \"g0.0.2\", null, {\"value\":1}, "
			    "{\"statisticId\":7,\"value\":1},"
			    "{\"statisticId\":\"g0.0.2\",\"value\":8},"
			    "{\"statisticId\":\"g0.1.2\"},"
			    "{\"statisticId\":\"g0.2\\u00002\",\"value\":1}",
			    set, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_ptr_nonnull(strstr(err, "unexpected shape"));
	assert_cell(s, 0, 0, AG_TIME, "8");
	assert_cell(s, 0, 1, AG_TIME, NULL);
	assert_cell(s, 0, 2, AG_TIME, NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* Answer body without an err buffer or without objects. */
static struct snapshot *parse_bare(const char *body,
				   const struct layoutset *set,
				   const struct genesys_objects *o)
{
	return genesys_parse_values(body, strlen(body), set, o, NULL, NULL, 0);
}

START_TEST(test_no_err_buffer)
{
	struct layoutset *set = set_of(layout_main);
	struct snapshot *s;

	ck_assert_ptr_null(parse_bare("nope", set, &objs));
	ck_assert_ptr_null(parse_bare("{\"status\":{\"code\":1}}", set, &objs));
	s = parse_bare("{\"data\":{\"statistics\":[1]}}", set, &objs);
	ck_assert_ptr_nonnull(s);
	snapshot_free(s);
	/* No objects at all: grids without rows, but the panel's services. */
	s = parse_bare("{\"data\":{\"statistics\":[]}}", set, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->grids[0].nrows, 0);
	ck_assert_uint_eq(s->grids[1].nrows, 0);
	ck_assert_uint_eq(s->grids[2].nrows, 1);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- hostile text -------------------------------------------------------- */

static const struct {
	const char *id;
	size_t col;
	const char *value;
} hostile[] = {
	{ "g0.0.4", AG_WHY, "\"\\u001b]0;pwned\\u0007Lunch\"" },
	{ "g0.0.4", AG_WHY, "\"\\u001b[2J\\u001b[H\"" },
	{ "g0.0.4", AG_WHY,
	  "{\"value\":\"a\\u0000b\\r\\nc\\u007f\\u009b31m\"}" },
	{ "g0.0.4", AG_WHY, "\"\\u202eevil\\u2066\"" },
	{ "g0.0.1", AG_STATE, "{\"state\":\"\\u001b[31mReady\"}" },
	{ "g0.0.1", AG_STATE, "{\"status\":{\"name\":\"Not\\u0008Ready\"}}" },
};

START_TEST(test_sanitised)
{
	struct layoutset *set = set_of(layout_main);
	struct snapshot *s = parse_one(hostile[_i].id, hostile[_i].value, set);
	const char *v = snapshot_cell_text(s, 0, 0, hostile[_i].col);

	ck_assert_ptr_nonnull(v);
	ck_assert_msg(clean(v), "control character in \"%s\"", v);
	ck_assert_ptr_null(strstr(v, "\xc2\x9b"));
	ck_assert_ptr_null(strstr(v, "\xe2\x80\xae"));
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

START_TEST(test_sanitised_object_ids)
{
	struct layoutset *set = set_of(layout_main);
	char *bad[] = { "ok", "evil\x1b[2J\x07" };
	struct genesys_objects o = { bad, 2, bad, 2, "T" };
	struct snapshot *s =
		parse_bare("{\"data\":{\"statistics\":[]}}", set, &o);

	ck_assert_ptr_nonnull(s);
	assert_cell(s, 0, 0, AG_ID, "ok");
	ck_assert(clean(snapshot_cell_text(s, 0, 1, AG_ID)));
	ck_assert_ptr_nonnull(
		strstr(snapshot_cell_text(s, 0, 1, AG_ID), "evil"));
	ck_assert(clean(snapshot_cell_text(s, 1, 1, 0)));
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- error answers ------------------------------------------------------- */

static const struct {
	const char *body;
	const char *want;	/* NULL: none */
} error_cases[] = {
	{ "{\"status\":{\"code\":400,\"message\":\"Bad statistic\"},"
	  "\"errors\":[{\"status\":{\"message\":\"second\"}}]}",
	  "Bad statistic" },
	{ "{\"status\":{\"code\":400,\"message\":\"\"},"
	  "\"errors\":[{\"status\":{\"code\":1}},"
	  "{\"status\":{\"message\":\"first\"}}]}",
	  "first" },
	{ "{\"errors\":[{\"status\":{\"code\":503,\"message\":\"Stat Server "
	  "down\"}}]}",
	  "Stat Server down" },
	{ "{\"message\":\"Invalid API key\"}", "Invalid API key" },
	{ "{\"status\":{\"code\":500}}", NULL },
	{ "{\"errors\":\"x\"}", NULL },
	{ "{\"status\":\"bad\"}", NULL },
	{ "[{\"message\":\"m\"}]", NULL },
	{ "Service Unavailable", NULL },
	{ "", NULL },
	{ "{\"status\":{\"message\":\"tab\\there \\u001b[5mblink\\u0000\"}}",
	  "tab here blink" },
};

START_TEST(test_error)
{
	const char *body = error_cases[_i].body;
	char *msg = genesys_parse_error(body, strlen(body));

	if (error_cases[_i].want == NULL) {
		ck_assert_msg(msg == NULL, "%s: got \"%s\"", body, msg);
	} else {
		ck_assert_msg(msg != NULL, "%s: none", body);
		ck_assert_str_eq(msg, error_cases[_i].want);
	}
	free(msg);
}
END_TEST

/* --- the suite ----------------------------------------------------------- */

static Suite *parse_suite(void)
{
	Suite *s = suite_create("genesys_parse");
	TCase *tc;
#define N(a) (int)WB_ARRAY_LEN(a)

	tc = tcase_create("reference");
	tcase_add_test(tc, test_ref_subscription);
	tcase_add_test(tc, test_ref_peek);
	tcase_add_test(tc, test_ref_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("values");
	tcase_add_loop_test(tc, test_value_shapes, 0, N(value_cases));
	tcase_add_test(tc, test_object_id_cells);
	tcase_add_test(tc, test_sum_cells);
	tcase_add_test(tc, test_totals_combined);
	tcase_add_test(tc, test_totals_not_numbers);
	tcase_add_test(tc, test_totals_repeated);
	suite_add_tcase(s, tc);

	tc = tcase_create("states");
	tcase_add_loop_test(tc, test_state_word, 0, N(state_cases));
	tcase_add_test(tc, test_state_word_null);
	suite_add_tcase(s, tc);

	tc = tcase_create("bad answers");
	tcase_add_loop_test(tc, test_refused_status, 0, N(refused_cases));
	tcase_add_loop_test(tc, test_refused_shape, 0, N(bad_bodies));
	tcase_add_test(tc, test_status_zero_accepted);
	tcase_add_test(tc, test_errors_noted);
	tcase_add_loop_test(tc, test_ignored_ids, 0, N(ignored_ids));
	tcase_add_test(tc, test_valid_ids_fill);
	tcase_add_test(tc, test_entries_skipped);
	tcase_add_test(tc, test_no_err_buffer);
	suite_add_tcase(s, tc);

	tc = tcase_create("sanitise");
	tcase_add_loop_test(tc, test_sanitised, 0, N(hostile));
	tcase_add_test(tc, test_sanitised_object_ids);
	tcase_add_loop_test(tc, test_error, 0, N(error_cases));
	suite_add_tcase(s, tc);
#undef N
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(parse_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
