/*
 * check_refusal.c - unit tests of what the Genesys server refuses
 * (refusal.c): a subscription refused as a whole for the statistics its
 * answer names (in errors[], its status, a gateway's message, plain
 * text; by name or by statisticId, in the detail or the message), the
 * error entries of accepted answers, the subscription and peek made
 * again without what was refused, the cells marked unavailable with one
 * note a statistic, the bounds, and which credential a 401 or 403
 * refused.
 */
#include "autoconf.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* --- helpers ------------------------------------------------------------- */

/* genesys_parse_refusal of a C string, for the subscription. */
static size_t refusal(const char *body, const struct layoutset *set,
		      struct genesys_refusals *r)
{
	return genesys_parse_refusal(body, strlen(body), set, &objs, false, r);
}

/*
 * An accepted answer: values (a JSON list's inside) and errors[] (the same).
 */
static struct snapshot *answer(const char *stats, const char *errors,
			       const struct layoutset *set,
			       struct genesys_refusals *r)
{
	char err[256];
	char *body =
		xasprintf("{\"data\":{\"statistics\":[%s]},\"errors\":[%s],"
			  "\"status\":{\"code\":0,\"message\":\"OK\"}}",
			  stats, errors);
	struct snapshot *s = genesys_parse_values(body, strlen(body), set,
						  &objs, r, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	free(body);
	return s;
}

/* True when some note of s holds text. */
static bool noted(const struct snapshot *s, const char *text)
{
	for (size_t i = 0; i < s->nnotes; i++)
		if (strstr(s->notes[i], text) != NULL)
			return true;
	return false;
}

/* The number of notes of s that hold text. */
static size_t notes_with(const struct snapshot *s, const char *text)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nnotes; i++)
		n += strstr(s->notes[i], text) != NULL;
	return n;
}

/* True when the subscription body names statistic name. */
static bool subscribes(const struct layoutset *set,
		       const struct genesys_refusals *r, const char *name)
{
	char *body = genesys_subscription_build(set, &objs, r, NULL, NULL);
	char *quoted = xasprintf("\"name\":\"%s\"", name);
	bool has = strstr(body, quoted) != NULL;

	free(quoted);
	free(body);
	return has;
}

/* --- a subscription refused as a whole ----------------------------------- */

static const struct {
	const char *body;
	const char *name;	/* the statistic refused, NULL: none */
	const char *reason;	/* the reason kept (exactly) */
} whole_cases[] = {
	/* The reference's 400 shape, the name in an error's message. */
	{ "{\"data\":{},\"errors\":[{\"status\":{\"code\":400,\"detail\":{},"
	  "\"message\":\"Statistic 'TimeInCurrentState' is not configured\"}}],"
	  "\"path\":\"/statistics/v3/subscriptions\",\"status\":{\"code\":400,"
	  "\"detail\":{},\"message\":\"Bad Request\"}}",
	  "TimeInCurrentState",
	  "Statistic 'TimeInCurrentState' is not configured" },
	/* A statisticId in the detail: its statistic, by name. */
	{ "{\"errors\":[{\"status\":{\"code\":400,\"detail\":{\"statisticId\":"
	  "\"g0.1.4\"},\"message\":\"cannot "
	  "open\"}}],\"status\":{\"code\":400}}",
	  "CurrentNotReadyReason", "cannot open" },
	/* The name nested in the detail; the answer's message as reason. */
	{ "{\"errors\":[{\"status\":{\"code\":1,\"detail\":{\"failed\":[{"
	  "\"statistic\":\"ServiceFactor1\"}]}}}],\"status\":{\"code\":400,"
	  "\"message\":\"invalid statistics\"}}",
	  "ServiceFactor1", "invalid statistics" },
	/* Only the answer's own status names it. */
	{ "{\"status\":{\"code\":400,\"message\":\"unknown statistic "
	  "CurrMaxCallWaitingTime.\"}}",
	  "CurrMaxCallWaitingTime",
	  "unknown statistic CurrMaxCallWaitingTime." },
	/* A gateway's top-level message. */
	{ "{\"message\":\"Bad statistic: TotalNumberOutboundCalls\"}",
	  "TotalNumberOutboundCalls",
	  "Bad statistic: TotalNumberOutboundCalls" },
	/* Plain text. */
	{ "statistic TotalNumberInboundCalls is not defined",
	  "TotalNumberInboundCalls",
	  "statistic TotalNumberInboundCalls is not defined" },
	/* An id of ours in the words (wallboard-sim's own message). */
	{ "{\"status\":{\"code\":400,\"message\":\"statistic g0.2.1: unknown "
	  "statistic name \\\"X\\\"\"}}",
	  "CurrentAgentState",
	  "statistic g0.2.1: unknown statistic name \"X\"" },
	/* The reference's verbatim example names nothing of ours. */
	{ "{\"data\":{},\"errors\":[{\"status\":{\"code\":0,\"detail\":{},"
	  "\"message\":\"string\"}}],\"path\":\"string\",\"status\":{\"code\":"
	  "0,\"detail\":{},\"message\":\"string\"}}",
	  NULL, "" },
	/* A longer word is not the name; nor is an id out of range. */
	{ "{\"status\":{\"code\":400,\"message\":\"ServiceFactor10 and "
	  "xTimeInCurrentState and g9.0.1 and g0.7.1 are unknown\"}}",
	  NULL, "" },
	/* ObjectId is no statistic of a subscription. */
	{ "{\"status\":{\"code\":400,\"message\":\"ObjectId\"}}", NULL, "" },
	{ "", NULL, "" },
	{ "[\"nothing\"]", NULL, "" },
};

START_TEST(test_whole_refusal)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };
	size_t n = refusal(whole_cases[_i].body, set, &r);

	if (whole_cases[_i].name == NULL) {
		ck_assert_uint_eq(n, 0);
		ck_assert_uint_eq(r.n, 0);
		genesys_refusals_free(&r);
		layoutset_free(set);
		return;
	}
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(r.v[0].name, whole_cases[_i].name);
	ck_assert_ptr_null(r.v[0].id);
	ck_assert_str_eq(r.v[0].reason, whole_cases[_i].reason);
	ck_assert(genesys_refused(&r, whole_cases[_i].name));
	/* The next subscription leaves it out, and keeps the others. */
	ck_assert(!subscribes(set, &r, whole_cases[_i].name));
	ck_assert(subscribes(set, &r, "CurrNumberWaitingCalls"));
	/* Named again: nothing new, so no other round. */
	ck_assert_uint_eq(refusal(whole_cases[_i].body, set, &r), 0);
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/* Several names in one answer: all refused in one round. */
START_TEST(test_whole_refusal_several)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };

	ck_assert_uint_eq(refusal("{\"errors\":[{\"status\":{\"code\":400,"
		"\"message\":\"TimeInCurrentState is not configured\"}},"
		"{\"status\":{\"code\":400,\"message\":\"neither is "
		"PercentageCallsAbandoned\"}}]}", set, &r), 2);
	ck_assert(genesys_refused(&r, "TimeInCurrentState"));
	ck_assert(genesys_refused(&r, "PercentageCallsAbandoned"));
	ck_assert(!genesys_refused(&r, "ServiceFactor1"));
	ck_assert(!genesys_refused(NULL, "ServiceFactor1"));
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/* A reason never repeats a secret, nor a control character. */
START_TEST(test_reason_scrubbed)
{
	static const char *const secrets[] = { "s3cr3t-key" };
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { NULL, 0, secrets, 1 };

	ck_assert_uint_eq(refusal("{\"status\":{\"code\":400,\"message\":"
		"\"\\u001b[2J ServiceFactor1 refused for key s3cr3t-key\"}}",
		set, &r), 1);
	ck_assert_ptr_null(strstr(r.v[0].reason, "s3cr3t-key"));
	ck_assert(clean(r.v[0].reason));
	ck_assert_ptr_nonnull(strstr(r.v[0].reason, "ServiceFactor1 refused"));
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/* --- peeks --------------------------------------------------------------- */

static const char layout_peek[] =
	"title = \"Peek\" provider = \"genesys\"\n"
	"row { panel \"q\" { type = totals\n"
	"  column \"w\" { stat = \"CurrNumberWaitingCalls\" }\n"
	"  column \"e\" { stat = \"ExpectedWaitTime\" } } }\n";

/*
 * A peek refused: only the names peeked are its candidates (a subscribed
 * one named there is not refused), and one refused is peeked no more.
 */
START_TEST(test_peek_refused)
{
	struct layoutset *set = set_of(layout_peek);
	struct genesys_refusals r = { 0 };
	const char *subscribed_name = "{\"status\":{\"code\":400,\"message\":"
				      "\"CurrNumberWaitingCalls\"}}";
	const char *peeked_name = "{\"status\":{\"code\":400,\"message\":"
				  "\"no ExpectedWaitTime here\"}}";
	char *body;
	size_t n;

	ck_assert_uint_eq(genesys_parse_refusal(subscribed_name,
		strlen(subscribed_name), set, &objs, true, &r), 0);
	body = genesys_peek_build(set, &objs, &r, &n);
	ck_assert_ptr_nonnull(body);
	ck_assert_uint_eq(n, 1);
	free(body);
	ck_assert_uint_eq(genesys_parse_refusal(peeked_name,
						strlen(peeked_name), set, &objs,
						true, &r),
			  1);
	ck_assert_ptr_null(genesys_peek_build(set, &objs, &r, &n));
	ck_assert_uint_eq(n, 0);
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/* --- error entries of accepted answers ----------------------------------- */

/* An entry naming one statisticId: that cell alone, the others as sent. */
START_TEST(test_entry_by_id)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };
	struct snapshot *s = answer(
		"{\"statisticId\":\"g0.0.2\",\"value\":{\"value\":5}},"
		"{\"statisticId\":\"g0.2.2\",\"value\":{\"value\":9}}",
		"{\"status\":{\"code\":404,\"detail\":{\"statisticId\":"
		"\"g0.1.2\",\"name\":\"TimeInCurrentState\"},\"message\":\"not "
		"opened\"}}",
		set, &r);

	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(r.v[0].id, "g0.1.2");
	ck_assert_str_eq(r.v[0].name, "TimeInCurrentState");
	ck_assert(!genesys_refused(&r, "TimeInCurrentState"));
	/* Still subscribed: only one object refused it. */
	ck_assert(subscribes(set, &r, "TimeInCurrentState"));
	genesys_refusals_mark(s, set, &objs, &r);
	assert_cell(s, 0, 0, AG_TIME, "5");
	assert_cell(s, 0, 2, AG_TIME, "9");
	ck_assert(snapshot_cell(s, 0, 1, AG_TIME)->unavailable);
	ck_assert(!snapshot_cell(s, 0, 0, AG_TIME)->unavailable);
	ck_assert_uint_eq(s->nnotes, 1);
	ck_assert_str_eq(s->notes[0],
			 "statistic \"TimeInCurrentState\" refused "
			 "by the server for Agent \"a2\": not opened");
	snapshot_free(s);
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/* An entry naming a statistic by its name: every cell of it. */
START_TEST(test_entry_by_name)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };
	struct snapshot *s = answer(
		"{\"statisticId\":\"g0.0.1\",\"value\":{\"state\":\"Ready\"}}",
		"{\"status\":{\"code\":400,\"message\":\"CurrentNotReadyReason:"
		" no such statistic\"}}",
		set, &r);

	ck_assert(genesys_refused(&r, "CurrentNotReadyReason"));
	genesys_refusals_mark(s, set, &objs, &r);
	for (size_t row = 0; row < 3; row++)
		ck_assert(snapshot_cell(s, 0, row, AG_WHY)->unavailable);
	assert_cell(s, 0, 0, AG_STATE, "ready");
	ck_assert(noted(s, "statistic \"CurrentNotReadyReason\" refused by the "
			"server: CurrentNotReadyReason: no such statistic"));
	ck_assert(!subscribes(set, &r, "CurrentNotReadyReason"));
	snapshot_free(s);
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/*
 * Code 0 is no failure; a failure naming nothing of ours is a note, not
 * a refusal; a value that comes for a refused id is shown.
 */
START_TEST(test_entry_not_ours)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };
	struct snapshot *s = answer(
		"{\"statisticId\":\"g0.1.2\",\"value\":{\"value\":3}}",
		"{\"status\":{\"code\":0,\"message\":\"TimeInCurrentState "
		"ok\"}},{\"status\":{\"code\":503,\"message\":\"Stat Server "
		"busy\"}},{\"status\":{\"code\":404,\"detail\":{"
		"\"statisticId\":\"g0.1.2\"}}}",
		set, &r);

	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(r.v[0].reason, "status code 404");
	genesys_refusals_mark(s, set, &objs, &r);
	assert_cell(s, 0, 1, AG_TIME, "3");
	ck_assert(!snapshot_cell(s, 0, 1, AG_TIME)->unavailable);
	ck_assert(noted(s, "the server reports: Stat Server busy"));
	ck_assert(!noted(s, "ok"));
	snapshot_free(s);
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/*
 * A SUM cell or a total over several queues that a refused statistic is
 * part of would be wrong without it: unavailable even with the rest.
 */
START_TEST(test_parts_refused)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };
	size_t two =
		testlib_tid_of(set, "CurrNumberWaitingCalls", "Sales\nSupport");
	size_t one = testlib_tid_of(set, "CurrNumberWaitingCalls", "");
	char *stats = xasprintf(
		"{\"statisticId\":\"g0.0.3.0\",\"value\":{\"value\":4}},"
		"{\"statisticId\":\"t%zu.0\",\"value\":{\"value\":2}},"
		"{\"statisticId\":\"t%zu.0\",\"value\":{\"value\":7}}",
		two, one);
	char *errors = xasprintf("{\"status\":{\"code\":1,\"detail\":{"
				 "\"statisticId\":\"g0.0.3.1\"}}},"
				 "{\"status\":{\"code\":1,\"detail\":{"
				 "\"statisticId\":\"t%zu.1\"}}}",
				 two);
	struct snapshot *s = answer(stats, errors, set, &r);

	ck_assert_uint_eq(r.n, 2);
	genesys_refusals_mark(s, set, &objs, &r);
	ck_assert(snapshot_cell(s, 0, 0, AG_CALLS)->unavailable);
	ck_assert(!snapshot_cell(s, 0, 1, AG_CALLS)->unavailable);
	ck_assert(s->totals[two].unavailable);
	ck_assert(!s->totals[one].unavailable);
	assert_total(s, one, "7");
	free(stats);
	free(errors);
	snapshot_free(s);
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/* Many objects refused: one note for the statistic, the list bounded. */
START_TEST(test_many_objects_one_note)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };
	struct buf errors;
	struct snapshot *s;

	buf_init(&errors);
	for (int row = 0; row < 3; row++)
		buf_printf(
			&errors,
			"%s{\"status\":{\"code\":1,\"detail\":"
			"{\"statisticId\":\"g0.%d.2\"},\"message\":\"no %d\"}}",
			row ? "," : "", row, row);
	s = answer("", errors.data, set, &r);
	ck_assert_uint_eq(r.n, 3);
	genesys_refusals_mark(s, set, &objs, &r);
	ck_assert_uint_eq(notes_with(s, "TimeInCurrentState"), 1);
	ck_assert(noted(s, "for Agent \"a1\" and other objects: no 0"));
	snapshot_free(s);
	/* Refused by name since: the ids go, one note by name. */
	ck_assert_uint_eq(refusal("{\"status\":{\"code\":400,\"message\":"
				  "\"TimeInCurrentState\"}}", set, &r), 1);
	ck_assert_uint_eq(r.n, 1);
	genesys_refusals_free(&r);
	/* A hostile server cannot grow the list without end. */
	for (size_t i = 0; i < GENESYS_MAX_REFUSALS + 50; i++) {
		char *e =
			xasprintf("{\"status\":{\"code\":1,\"message\":\"x\","
				  "\"detail\":{\"statisticId\":\"g0.%zu.2\"}}}",
				  i % 3);
		snapshot_free(answer("", e, set, &r));
		free(e);
	}
	ck_assert_uint_le(r.n, GENESYS_MAX_REFUSALS);
	genesys_refusals_free(&r);
	buf_free(&errors);
	layoutset_free(set);
}
END_TEST

/* The subscription answer's errors[] are read too. */
START_TEST(test_subscription_answer_errors)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_refusals r = { 0 };
	const char *body =
		"{\"data\":{\"subscriptionId\":\"s1\",\"statistics\":[]},"
		"\"errors\":[{\"status\":{\"code\":404,\"message\":"
		"\"Statistic 'ServiceFactor1' could not be opened\"}}]}";

	genesys_parse_errors(body, strlen(body), set, &objs, &r);
	ck_assert(genesys_refused(&r, "ServiceFactor1"));
	genesys_parse_errors("nope", 4, set, &objs, &r);
	ck_assert_uint_eq(r.n, 1);
	genesys_refusals_free(&r);
	layoutset_free(set);
}
END_TEST

/* --- credentials --------------------------------------------------------- */

static const struct {
	long status;
	const char *body;
	bool token_request, with_token;
	enum genesys_refuser who;
} auth_cases[] = {
	/* The token request: the client, unless the words name the key. */
	{ 401,
	  "{\"error\":\"invalid_client\",\"error_description\":\"bad client "
	  "credentials\"}",
	  true, false, GENESYS_REFUSED_CLIENT },
	{ 400, "{\"error\":\"invalid_grant\"}", true, false,
	  GENESYS_REFUSED_CLIENT },
	{ 403,
	  "{\"status\":{\"code\":403,\"message\":\"Forbidden: missing or "
	  "wrong x-api-key\"}}",
	  true, false, GENESYS_REFUSED_KEY },
	{ 401, "", true, false, GENESYS_REFUSED_CLIENT },
	/* With a token: a 401 is the token's, unless the key is named. */
	{ 401, "{\"status\":{\"code\":401,\"message\":\"Unauthorized\"}}",
	  false, true, GENESYS_REFUSED_TOKEN },
	{ 401, "{\"message\":\"Invalid API Key\"}", false, true,
	  GENESYS_REFUSED_KEY },
	{ 403, "{\"message\":\"token lacks the scope\"}", false, true,
	  GENESYS_REFUSED_TOKEN },
	{ 403, "{\"message\":\"Forbidden\"}", false, true,
	  GENESYS_REFUSED_KEY },
	/* The API key alone: it is the one refused. */
	{ 401, "{\"status\":{\"code\":401,\"message\":\"Unauthorized\"}}",
	  false, false, GENESYS_REFUSED_KEY },
	{ 401, "{\"message\":\"token expired\"}", false, false,
	  GENESYS_REFUSED_KEY },
	{ 403, "<html>403</html>", false, false, GENESYS_REFUSED_KEY },
	/* A 403 whose words name no credential is none's. */
	{ 403,
	  "{\"status\":{\"code\":403,\"message\":\"the limit of open "
	  "subscriptions is reached\"}}",
	  false, true, GENESYS_REFUSED_OTHER },
	{ 403, "{\"status\":{\"code\":403}}", false, true,
	  GENESYS_REFUSED_KEY },
};

START_TEST(test_auth_refused)
{
	const char *b = auth_cases[_i].body;

	ck_assert_int_eq(genesys_auth_refused(auth_cases[_i].status, b,
					      strlen(b),
					      auth_cases[_i].token_request,
					      auth_cases[_i].with_token),
			 auth_cases[_i].who);
}
END_TEST

/* The token service's OAuth error is the message of its answer. */
START_TEST(test_oauth_error_message)
{
	const char *a = "{\"error\":\"invalid_client\",\"error_description\":"
			"\"bad client credentials\"}";
	const char *b = "{\"error\":\"invalid_grant\"}";
	char *m = genesys_parse_error(a, strlen(a));

	ck_assert_str_eq(m, "bad client credentials");
	free(m);
	m = genesys_parse_error(b, strlen(b));
	ck_assert_str_eq(m, "invalid_grant");
	free(m);
}
END_TEST

static Suite *refusal_suite(void)
{
	Suite *s = suite_create("genesys_refusal");
	TCase *tc = tcase_create("subscription");

	tcase_add_loop_test(tc, test_whole_refusal, 0,
			    WB_ARRAY_LEN(whole_cases));
	tcase_add_test(tc, test_whole_refusal_several);
	tcase_add_test(tc, test_reason_scrubbed);
	tcase_add_test(tc, test_peek_refused);
	suite_add_tcase(s, tc);
	tc = tcase_create("entries");
	tcase_add_test(tc, test_entry_by_id);
	tcase_add_test(tc, test_entry_by_name);
	tcase_add_test(tc, test_entry_not_ours);
	tcase_add_test(tc, test_parts_refused);
	tcase_add_test(tc, test_many_objects_one_note);
	tcase_add_test(tc, test_subscription_answer_errors);
	suite_add_tcase(s, tc);
	tc = tcase_create("credentials");
	tcase_add_loop_test(tc, test_auth_refused, 0, WB_ARRAY_LEN(auth_cases));
	tcase_add_test(tc, test_oauth_error_message);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(refusal_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
