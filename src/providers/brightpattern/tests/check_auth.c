/*
 * check_auth.c - unit tests of the Bright Pattern answers around the
 * data (parse.[ch], and net/oauth.[ch] for OAuth).
 *
 * The login answer's token, the OAuth answer's access token and its
 * lifetime (a number, a numeric string or none), the error answers in
 * every dialect the server speaks, and the configuration lists
 * (/cfg/dispositions, /cfg/teams): bare names, objects, the documented
 * wrapped shape, empty lists, bodies that are no list, and control
 * characters that never survive.
 */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "providers/brightpattern/parse.h"
#include "net/oauth.h"

/* --- token, OAuth, error ------------------------------------------------- */

/* The collection's example answers. */
static const char auth_answer[] =
	"{\n"
	"    \"token\": \"61XXXXX2-XEX5-4XBX-81C3-14CXXXXXX721\",\n"
	"    \"privileges\": [\n"
	"        \"PUSH_PULL_GLOBAL_WALLBOARDS\",\n"
	"        \"CUSTOMIZE_WALLBOARDS\",\n"
	"        \"SYS_USE_AGENT_SEAT_MAPS\"\n"
	"    ],\n"
	"    \"user_id\": \"XXXC49E4-E9XX-4XFX-X4X4-62XXXXXXXX8E\"\n"
	"}";
static const char oauth_answer[] =
	"{\n"
	"    \"access_token\": "
	"\"15490315E83EBC929978DB0AE84D0AC6"
	"3F0DC38AAB701A949FDEF6054E4A1AF9\",\n"
	"    \"token_type\": \"Bearer\",\n"
	"    \"expires_in\": \"3600\",\n"
	"    \"scope\": \"yourcompany.brightpattern.com\"\n"
	"}";

START_TEST(test_token)
{
	static const char *const bad[] = {
		"", "{", "{}", "[]", "{\"token\": 5}", "{\"token\": null}",
		"[\"token\"]", "\"token\"", "{\"Token\": \"x\"}",
	};
	char *t = brightpattern_parse_token(auth_answer, strlen(auth_answer));

	ck_assert_pstr_eq(t, "61XXXXX2-XEX5-4XBX-81C3-14CXXXXXX721");
	free(t);
	t = brightpattern_parse_token("{\"token\": \"abc\"}xyz",
				      strlen("{\"token\": \"abc\"}"));
	ck_assert_pstr_eq(t, "abc");
	free(t);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		t = brightpattern_parse_token(bad[i], strlen(bad[i]));
		ck_assert_msg(t == NULL, "token \"%s\" from %s", t, bad[i]);
	}
}
END_TEST

struct oauth_case {
	const char *body;
	const char *token;	/* NULL: none */
	double expires;
};

static const struct oauth_case oauth_cases[] = {
	{ oauth_answer,
	  "15490315E83EBC929978DB0AE84D0AC63F0DC38AAB701A949FDEF6054E4A1AF9",
	  3600 },
	{ "{\"access_token\": \"t\", \"expires_in\": 3600}", "t", 3600 },
	{ "{\"access_token\": \"t\", \"expires_in\": 59.5}", "t", 59.5 },
	{ "{\"access_token\": \"t\", \"expires_in\": \"120\"}", "t", 120 },
	{ "{\"access_token\": \"t\"}", "t", 0 },
	{ "{\"access_token\": \"t\", \"expires_in\": \"soon\"}", "t", 0 },
	{ "{\"access_token\": \"t\", \"expires_in\": null}", "t", 0 },
	{ "{\"access_token\": \"\", \"expires_in\": 3600}", NULL, 3600 },
	{ "{\"expires_in\": 3600}", NULL, 3600 },
	{ "{\"access_token\": 12, \"expires_in\": 3600}", NULL, 3600 },
	{ "{\"error\": \"invalid_client\"}", NULL, 0 },
	{ "", NULL, 0 },
	{ "[]", NULL, 0 },
	{ "{", NULL, 0 },
};

START_TEST(test_oauth)
{
	const struct oauth_case *k = &oauth_cases[_i];
	double exp = -1;
	char *t = oauth_parse_token(k->body, strlen(k->body), &exp);

	if (k->token)
		ck_assert_pstr_eq(t, k->token);
	else
		ck_assert_msg(t == NULL, "token \"%s\" from %s", t, k->body);
	ck_assert_msg(exp == k->expires, "expires_in %g, want %g from %s", exp,
		      k->expires, k->body);
	free(t);
}
END_TEST

struct error_case {
	const char *body;
	const char *message;	/* NULL: none */
};

static const struct error_case error_cases[] = {
	{ "{\"error_code\": 400, \"error_message\": \"Invalid grid 1-ag: "
	  "unknown statistic\"}",
	  "Invalid grid 1-ag: unknown statistic" },
	{ "{\"error_code\": \"400\", \"error_message\": \"bad\"}", "bad" },
	{ "{\"error\": \"illegal login attempt\"}", "illegal login attempt" },
	{ "{\"error\": \"invalid_client\", \"error_description\": \"Client "
	  "authentication failed\"}",
	  "Client authentication failed" },
	{ "{\"error\": \"e\", \"error_message\": \"m\"}", "m" },
	{ "{\"message\": \"Internal error\"}", "Internal error" },
	{ "{\"error\": 5}", NULL },
	{ "{\"error_code\": 400}", NULL },
	{ "{}", NULL },
	{ "[\"error\"]", NULL },
	{ "<html>502 Bad Gateway</html>", NULL },
	{ "", NULL },
};

START_TEST(test_error)
{
	const struct error_case *k = &error_cases[_i];
	char *m = brightpattern_parse_error(k->body, strlen(k->body));

	if (k->message)
		ck_assert_pstr_eq(m, k->message);
	else
		ck_assert_msg(m == NULL, "message \"%s\" from %s", m, k->body);
	free(m);
}
END_TEST

START_TEST(test_error_sanitised)
{
	static const char body[] =
		"{\"error_message\": "
		"\"\\u001b]0;x\\u0007\\u001b[2Jbad\\ngrid\\u009b\"}";
	char *m = brightpattern_parse_error(body, strlen(body));

	ck_assert_ptr_nonnull(m);
	testlib_assert_clean(m, "error message");
	ck_assert_ptr_nonnull(strstr(m, "bad"));
	ck_assert_ptr_nonnull(strstr(m, "grid"));
	free(m);
}
END_TEST

/* --- configuration lists ------------------------------------------------- */

/*
 * The collection's example answers to /statsapi/cfg/dispositions and
 * /cfg/teams.
 */
static const char dispositions_answer[] =
	"[\n"
	"    \"Agent failure\",\n"
	"    \"Disposition not found\",\n"
	"    \"Dropped while talking\",\n"
	"    \"Offer rejected\",\n"
	"    \"Phone number out of service\",\n"
	"    \"Product sold\",\n"
	"    \"Silence\",\n"
	"    \"System failure\",\n"
	"    \"Wrong number\"\n"
	"]";
static const char teams_answer[] =
	"[\n"
	"    {\n"
	"        \"id\": \"F4ED90FA-5A49-4D76-9487-4E41B24CA45F\",\n"
	"        \"name\": \"Customer Service\"\n"
	"    }\n"
	"]";

START_TEST(test_list_bare_names)
{
	struct cfg_item *items = NULL;
	long n = brightpattern_parse_list(dispositions_answer,
					  strlen(dispositions_answer),
					  "dispositions", &items);

	ck_assert_int_eq(n, 9);
	ck_assert_ptr_nonnull(items);
	ck_assert_str_eq(items[0].name, "Agent failure");
	ck_assert_str_eq(items[5].name, "Product sold");
	ck_assert_str_eq(items[8].name, "Wrong number");
	for (long i = 0; i < n; i++)
		ck_assert_ptr_null(items[i].id);
	cfg_items_free(items, n);
}
END_TEST

START_TEST(test_list_objects)
{
	struct cfg_item *items = NULL;
	long n = brightpattern_parse_list(teams_answer, strlen(teams_answer),
					  "teams", &items);

	ck_assert_int_eq(n, 1);
	ck_assert_pstr_eq(items[0].id, "F4ED90FA-5A49-4D76-9487-4E41B24CA45F");
	ck_assert_str_eq(items[0].name, "Customer Service");
	cfg_items_free(items, n);
}
END_TEST

/* The documented shape: {"dispositions": [...]}. */
START_TEST(test_list_wrapped)
{
	static const char body[] = "{\"dispositions\": [\"Product sold\", "
				   "\"Silence\"], \"other\": 1}";
	static const char teams[] = "{\"teams\": [{\"id\": \"T1\", \"name\": "
				    "\"A\"}, {\"id\": \"T2\"},"
				    " {\"name\": \"C\"}, 5, null, \"D\"]}";
	struct cfg_item *items = NULL;
	long n = brightpattern_parse_list(body, strlen(body), "dispositions",
					  &items);

	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(items[0].name, "Product sold");
	ck_assert_str_eq(items[1].name, "Silence");
	cfg_items_free(items, n);

	/* entries that are neither are skipped; a missing name is "" */
	n = brightpattern_parse_list(teams, strlen(teams), "teams", &items);
	ck_assert_int_eq(n, 4);
	ck_assert_pstr_eq(items[0].id, "T1");
	ck_assert_str_eq(items[0].name, "A");
	ck_assert_pstr_eq(items[1].id, "T2");
	ck_assert_str_eq(items[1].name, "");
	ck_assert_ptr_null(items[2].id);
	ck_assert_str_eq(items[2].name, "C");
	ck_assert_ptr_null(items[3].id);
	ck_assert_str_eq(items[3].name, "D");
	cfg_items_free(items, n);
}
END_TEST

START_TEST(test_list_empty)
{
	struct cfg_item *items = NULL;
	long n = brightpattern_parse_list("[]", 2, "teams", &items);

	ck_assert_int_eq(n, 0);
	cfg_items_free(items, n);
	n = brightpattern_parse_list(
		"{\"teams\": []}", strlen("{\"teams\": []}"), "teams", &items);
	ck_assert_int_eq(n, 0);
	cfg_items_free(items, n);
}
END_TEST

static const char *const not_lists[] = {
	"{}",
	"{\"teams\": []}",
	"{\"dispositions\": {}}",
	"{\"dispositions\": \"x\"}",
	"\"Product sold\"",
	"42",
	"null",
	"",
	"[",
	"not json",
};

START_TEST(test_list_not_a_list)
{
	struct cfg_item *items = (struct cfg_item *)1;
	long n = brightpattern_parse_list(not_lists[_i], strlen(not_lists[_i]),
				     "dispositions", &items);

	ck_assert_msg(n == -1, "%ld from %s", n, not_lists[_i]);
	ck_assert_ptr_null(items);
}
END_TEST

START_TEST(test_list_sanitised)
{
	static const char body[] = "[{\"id\": \"\\u001b[31mX\", \"name\": "
				   "\"Evil\\u001b]0;t\\u0007\\nteam\"}, "
				   "\"bad\\u007f\\u0008name\"]";
	struct cfg_item *items = NULL;
	long n = brightpattern_parse_list(body, strlen(body), "teams", &items);

	ck_assert_int_eq(n, 2);
	testlib_assert_clean(items[0].id, "team id");
	testlib_assert_clean(items[0].name, "team name");
	testlib_assert_clean(items[1].name, "disposition");
	ck_assert_ptr_nonnull(strstr(items[0].name, "Evil"));
	cfg_items_free(items, n);
}
END_TEST

static Suite *auth_suite(void)
{
	Suite *s = suite_create("brightpattern_auth");
	TCase *tc;

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
	tc = tcase_create("auth");
	tcase_add_test(tc, test_token);
	tcase_add_loop_test(tc, test_oauth, 0, N(oauth_cases));
	tcase_add_loop_test(tc, test_error, 0, N(error_cases));
	tcase_add_test(tc, test_error_sanitised);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_test(tc, test_list_bare_names);
	tcase_add_test(tc, test_list_objects);
	tcase_add_test(tc, test_list_wrapped);
	tcase_add_test(tc, test_list_empty);
	tcase_add_loop_test(tc, test_list_not_a_list, 0, N(not_lists));
	tcase_add_test(tc, test_list_sanitised);
	suite_add_tcase(s, tc);
#undef N
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(auth_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
