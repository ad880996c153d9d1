/*
 * check_parse.c - unit tests of the Bright Pattern data body parser
 * (parse.[ch]).
 *
 * Data: the vendor's own example response from the Postman collection
 * (tests/data/postman-data.json, verbatim) parses without error and fills
 * the totals; the same body with its ids renamed to our grid keys
 * (tests/data/postman-data-ours.json) fills the grids. Then, on small
 * bodies: cells in column order, NULL for a missing column and "" kept,
 * numbers and booleans as text, agent states normalised, chat messages
 * (urgency, send times in seconds, milliseconds and ISO 8601), malformed
 * and wrongly shaped bodies, and control characters that never survive.
 * The login, OAuth, error and configuration-list answers are check_auth.c's.
 */
#include "autoconf.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout/layout.h"
#include "testlib.h"
#include "snapshot.h"
#include "providers/brightpattern/parse.h"

/* --- helpers ------------------------------------------------------------- */

/* The layout the vendor's example fits: grid ids "1-agents", "1-services". */
static const char layout_postman[] =
	"title = \"Postman\"\n"
	"key = 1\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"al\" { stat = \"agents_logged\" }\n"
	"    column \"ar\" { stat = \"agents_ready\" }\n"
	"    column \"asa\" { stat = \"in_average_speed_of_answer\" }\n"
	"    column \"w\" { stat = \"in_calls_waiting\" } }\n"
	"  panel \"agents\" { type = agent_grid\n"
	"    column \"1\" { stat = \"login_id\" }\n"
	"    column \"2\" { stat = \"is_logged\" }\n"
	"    column \"3\" { stat = \"acd_state\" } }\n"
	"  panel \"services\" { type = service_grid\n"
	"    column \"1\" { stat = \"name\" }\n"
	"    column \"2\" { stat = \"priority\" } }\n"
	"  panel \"chat\" { type = ticker }\n"
	"}\n";

/* A general layout: grid keys "1-ag" and "1-sv". */
static const char layout_gen[] =
	"title = \"Gen\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"w\" { stat = \"in_calls_waiting\" }\n"
	"    column \"sl\" { stat = \"service_level\" } }\n"
	"  panel \"ag\" { type = agent_grid\n"
	"    column \"n\" { stat = \"first_last_name\" }\n"
	"    column \"st\" { stat = \"acd_state\" }\n"
	"    column \"d\" { stat = \"state_duration\" } }\n"
	"  panel \"sv\" { type = service_grid\n"
	"    column \"name\" { stat = \"name\" }\n"
	"    column \"w\" { stat = \"in_calls_waiting\" } }\n"
	"  panel \"chat\" { type = ticker }\n"
	"}\n";

/* Two totals panels asking for one statistic for different services. */
static const char layout_two_totals[] =
	"title = \"Two totals\"\n"
	"row {\n"
	"  panel \"voice\" { type = totals\n"
	"    column \"w\" { stat = \"in_calls_waiting\" }\n"
	"    services = {\"Voice Inbound\"} }\n"
	"  panel \"email\" { type = totals\n"
	"    column \"w\" { stat = \"in_calls_waiting\" }\n"
	"    services = {\"Email Svc\"} }\n"
	"}\n";

/* A layoutset of one Bright Pattern layout given as text. */
static struct layoutset *set_of(const char *text)
{
	return testlib_layoutset1("brightpattern", text);
}

/* The text of a file of the source tree (malloc'd), its length in *len. */
static char *read_data(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	char *text;
	long n;
	FILE *fp;

	snprintf(path, sizeof(path),
		 "%s/src/providers/brightpattern/tests/data/%s",
		 top ? top : ".", name);
	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s (is top_srcdir set?)", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	ck_assert_int_gt(n, 0);
	rewind(fp);
	text = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, fp), (size_t)n);
	text[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return text;
}

/* Parse a body given as a C string. */
static struct snapshot *parse(const char *body, const struct layoutset *set,
			      char *err, size_t errsz)
{
	return brightpattern_parse_data(body, strlen(body), set, NULL, err,
					errsz);
}

/* The tid of a totals statistic. */
static size_t tid_of(const struct layoutset *set, const char *stat)
{
	for (size_t t = 0; t < set->ntotals; t++)
		if (strcmp(set->totals[t], stat) == 0)
			return t;
	ck_abort_msg("no totals statistic %s", stat);
	return 0;
}

/* A cell must be NULL (want NULL) or equal to want. */
static void assert_cell(const struct snapshot *s, size_t gid, size_t r,
			size_t c, const char *want)
{
	const char *got;

	ck_assert_uint_lt(r, s->grids[gid].nrows);
	got = snapshot_cell_text(s, gid, r, c);
	if (want == NULL)
		ck_assert_msg(got == NULL, "cell %zu,%zu: \"%s\", want NULL", r,
			      c, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0,
			      "cell %zu,%zu: %s%s%s, want \"%s\"", r, c,
			      got ? "\"" : "", got ? got : "NULL",
			      got ? "\"" : "", want);
}

static void assert_total(const struct snapshot *s, const struct layoutset *set,
			 const char *stat, const char *want)
{
	const char *got = s->totals[tid_of(set, stat)].text;

	if (want == NULL)
		ck_assert_msg(got == NULL, "%s: \"%s\", want NULL", stat, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0,
			      "%s: %s, want \"%s\"", stat, got ? got : "NULL",
			      want);
}

/* --- the vendor's example ------------------------------------------------ */

START_TEST(test_postman_verbatim)
{
	struct layoutset *set = set_of(layout_postman);
	size_t len;
	char *body = read_data("postman-data.json", &len);
	char err[256] = "unset";
	struct snapshot *s = brightpattern_parse_data(body, len, set, NULL, err,
						      sizeof(err));

	ck_assert_ptr_nonnull(s);
	ck_assert_msg(err[0] == '\0', "err: %s", err);
	assert_total(s, set, "agents_logged", "2");
	assert_total(s, set, "agents_ready", "2");
	/* "" is "no value": kept, not NULL and not "0" */
	assert_total(s, set, "in_average_speed_of_answer", "");
	assert_total(s, set, "in_calls_waiting", NULL);
	/* its grid ids are not ours: no grid filled */
	for (size_t g = 0; g < set->ngrids; g++)
		ck_assert(!s->grids[g].present);
	ck_assert_uint_eq(s->nmsgs, 0);
	snapshot_free(s);
	free(body);
	layoutset_free(set);
}
END_TEST

START_TEST(test_postman_our_ids)
{
	struct layoutset *set = set_of(layout_postman);
	size_t len, ag, sv;
	char *body = read_data("postman-data-ours.json", &len);
	char err[256] = "unset";
	struct snapshot *s = brightpattern_parse_data(body, len, set, NULL, err,
						      sizeof(err));
	static const char *const agents[][2] = {
		{ "christy.borden", "0" }, { "marky.mark", "0" },
		{ "allen.fawcett", "0" }, { "jeffery.lozada", "0" },
		{ "liza.smith", "1" },
	};
	static const char *const services[][2] = {
		{ "Chat Service", "2" },      { "1", "1" },
		{ "Outbound Voice", "2" },    { "3", "1" },
		{ "Best Chat Service", "1" }, { "Voice Inbound", "2" },
		{ "Support for CSIM", "2" },  { "Email Svc", "2" },
		{ "Nice Inbound", "1" },      { "2", "1" },
	};

	ck_assert_ptr_nonnull(s);
	ck_assert_msg(err[0] == '\0', "err: %s", err);
	ag = testlib_gid_of(set, "1-agents");
	sv = testlib_gid_of(set, "1-services");
	ck_assert(s->grids[ag].present);
	ck_assert_uint_eq(s->grids[ag].ncols, 3);
	ck_assert_uint_eq(s->grids[ag].nrows, 5);
	for (size_t r = 0; r < 5; r++) {
		assert_cell(s, ag, r, 0, agents[r][0]);
		assert_cell(s, ag, r, 1, agents[r][1]);
		assert_cell(s, ag, r, 2, NULL);	/* acd_state was not sent */
	}
	ck_assert(s->grids[sv].present);
	ck_assert_uint_eq(s->grids[sv].nrows, 10);
	for (size_t r = 0; r < 10; r++) {
		assert_cell(s, sv, r, 0, services[r][0]);
		assert_cell(s, sv, r, 1, services[r][1]);
	}
	assert_total(s, set, "agents_logged", "2");
	assert_total(s, set, "in_average_speed_of_answer", "");
	snapshot_free(s);
	free(body);
	layoutset_free(set);
}
END_TEST

/* Only len bytes are read. */
START_TEST(test_data_len)
{
	struct layoutset *set = set_of(layout_gen);
	static const char body[] = "{\"a\":{\"stats_totals\":{\"in_calls_"
				   "waiting\":\"4\"}}}trailing junk";
	char err[256];
	struct snapshot *s = brightpattern_parse_data(
		body, strlen(body) - strlen("trailing junk"), set, NULL, err,
		sizeof(err));

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "");
	assert_total(s, set, "in_calls_waiting", "4");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- grids --------------------------------------------------------------- */

START_TEST(test_grid_column_order)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256];
	struct snapshot *s =
		parse("{\"wallboard\": {\"agent_grids\": [{\"id\": \"1-ag\", "
		      "\"values\": [{\"d\": \"12\", \"st\": \"ready\", \"n\": "
		      "\"Ann Lee\", \"zz\": \"x\"},{\"n\": \"Bo\"},{\"n\": "
		      "\"\", \"st\": \"busy\", \"d\": \"\"},{}]}]}}",
		      set, err, sizeof(err));
	size_t ag = testlib_gid_of(set, "1-ag");

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "");
	ck_assert(s->grids[ag].present);
	ck_assert(!s->grids[testlib_gid_of(set, "1-sv")].present);
	ck_assert_uint_eq(s->grids[ag].nrows, 4);
	assert_cell(s, ag, 0, 0, "Ann Lee");
	assert_cell(s, ag, 0, 1, "ready");
	assert_cell(s, ag, 0, 2, "12");
	assert_cell(s, ag, 1, 0, "Bo");
	assert_cell(s, ag, 1, 1, NULL);
	assert_cell(s, ag, 1, 2, NULL);
	assert_cell(s, ag, 2, 0, "");
	assert_cell(s, ag, 2, 1, "busy");
	assert_cell(s, ag, 2, 2, "");
	for (size_t c = 0; c < 3; c++)
		assert_cell(s, ag, 3, c, NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* An empty grid is present with no rows; an unknown grid id is ignored. */
START_TEST(test_grid_empty_and_foreign)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256];
	struct snapshot *s = parse(
		"{\"x\": {\"service_grids\": [{\"id\": \"1-sv\", \"values\": "
		"[]},{\"id\": \"9-other\", \"values\": [{\"name\": \"a\"}]}]}}",
		set, err, sizeof(err));
	size_t sv = testlib_gid_of(set, "1-sv");

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "");
	ck_assert(s->grids[sv].present);
	ck_assert_uint_eq(s->grids[sv].nrows, 0);
	ck_assert(!s->grids[testlib_gid_of(set, "1-ag")].present);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/*
 * Numbers and booleans where strings belong become text; null and containers
 * no cell.
 */
START_TEST(test_grid_value_types)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256];
	struct snapshot *s = parse(
		"{\"w\": {\"service_grids\": [{\"id\": \"1-sv\", \"values\": ["
		"{\"name\": 42, \"w\": 12.5},{\"name\": true, \"w\": false},"
		"{\"name\": null, \"w\": 1700000000123},"
		"{\"name\": {\"a\": 1}, \"w\": [1]},{\"name\": -3, \"w\": 0.1},"
		"{\"name\": \"0\", \"w\": 0}"
		"]}], \"stats_totals\": {\"in_calls_waiting\": 7, "
		"\"service_level\": 87.5}}}",
		set, err, sizeof(err));
	size_t sv = testlib_gid_of(set, "1-sv");
	double d = 0;

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->grids[sv].nrows, 6);
	assert_cell(s, sv, 0, 0, "42");
	assert_cell(s, sv, 0, 1, "12.5");
	assert_cell(s, sv, 1, 0, "1");
	assert_cell(s, sv, 1, 1, "0");
	assert_cell(s, sv, 2, 0, NULL);
	assert_cell(s, sv, 2, 1, "1700000000123");
	assert_cell(s, sv, 3, 0, NULL);
	assert_cell(s, sv, 3, 1, NULL);
	assert_cell(s, sv, 4, 0, "-3");
	ck_assert(parse_double(snapshot_cell_text(s, sv, 4, 1), &d));
	ck_assert(d == 0.1);
	assert_cell(s, sv, 5, 0, "0");
	assert_cell(s, sv, 5, 1, "0");
	assert_total(s, set, "in_calls_waiting", "7");
	assert_total(s, set, "service_level", "87.5");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- agent states -------------------------------------------------------- */

struct state_case {
	const char *raw;
	const char *word;
};

static const struct state_case state_cases[] = {
	{ "", "logged_out" },
	{ "0", "logged_out" },
	{ "ready", "ready" },
	{ "Ready", "ready" },
	{ "READY", "ready" },
	{ "not_ready", "not_ready" },
	{ "Not_Ready", "not_ready" },
	{ "busy", "busy" },
	{ "BUSY", "busy" },
	{ "after_call_work", "after_call_work" },
	{ "After_Call_Work", "after_call_work" },
	{ "logged_out", "logged_out" },
	{ "Logged_Out", "logged_out" },
	{ "supervising", "supervising" },
	/* the header: anything else passes through unchanged */
	{ "Supervising", "Supervising" },
};

START_TEST(test_state_word)
{
	const struct state_case *k = &state_cases[_i];
	const char *got = brightpattern_state_word(k->raw);

	ck_assert_ptr_nonnull(got);
	/* the function cannot lower-case into the caller's string: compare
	 * case-insensitively here, exactly through the parser below */
	ck_assert_msg(strcasecmp(got, k->word) == 0,
		      "\"%s\" -> \"%s\", want \"%s\"", k->raw, got, k->word);
}
END_TEST

/* Through the parser, state words come out exactly (lower case). */
START_TEST(test_state_cells)
{
	struct layoutset *set = set_of(layout_gen);
	size_t n = sizeof(state_cases) / sizeof(state_cases[0]);
	char body[4096], err[256];
	size_t used = 0, ag = testlib_gid_of(set, "1-ag");
	struct snapshot *s;

	used += (size_t)snprintf(
		body + used, sizeof(body) - used,
		"{\"w\": {\"agent_grids\": [{\"id\": \"1-ag\", \"values\": [");
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(body + used, sizeof(body) - used,
					 "%s{\"n\": \"%s\", \"st\": \"%s\"}",
					 i ? "," : "", state_cases[i].raw,
					 state_cases[i].raw);
	used += (size_t)snprintf(body + used, sizeof(body) - used,
				 ",{\"n\": \"num\", \"st\": 0}]}]}}");
	ck_assert_uint_lt(used, sizeof(body));
	s = parse(body, set, err, sizeof(err));
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(s->grids[ag].nrows, n + 1);
	for (size_t i = 0; i < n; i++) {
		/*
		 * a text column keeps the raw value, a state column normalises
		 * it
		 */
		assert_cell(s, ag, i, 0, state_cases[i].raw);
		assert_cell(s, ag, i, 1, state_cases[i].word);
	}
	assert_cell(s, ag, n, 1, "logged_out");	/* the number 0 */
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- chat messages ------------------------------------------------------- */

START_TEST(test_chat_messages)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256];
	struct snapshot *s =
		parse("{\"w\": {\"chat_messages\": ["
		      "{\"id\": \"m1\", \"login_id\": \"ann\", \"first_name\": "
		      "\"Ann\", \"last_name\": \"Lee\", \"send_time\": "
		      "\"1700000000\", \"is_urgent\": \"1\", \"content\": "
		      "\"Outage on line 3\"},{\"id\": \"m2\", \"send_time\": "
		      "1700000000, \"is_urgent\": true, \"content\": "
		      "\"b\"},{\"id\": \"m3\", \"send_time\": 1700000000123, "
		      "\"is_urgent\": \"0\"},{\"id\": \"m4\", \"send_time\": "
		      "\"1700000000500\", \"is_urgent\": 0},{\"id\": \"m5\", "
		      "\"send_time\": \"2023-11-14T22:13:20Z\", \"is_urgent\": "
		      "false},{\"id\": \"m6\", \"send_time\": "
		      "\"2023-11-14T22:13:20.250Z\", \"is_urgent\": "
		      "1},{\"id\": \"m7\", \"send_time\": \"yesterday\", "
		      "\"is_urgent\": \"true\"},{\"id\": 8}]}}",
		      set, err, sizeof(err));
	const struct snap_msg *m;

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(s->nmsgs, 8);
	m = &s->msgs[0];
	ck_assert_str_eq(m->id, "m1");
	ck_assert_str_eq(m->login_id, "ann");
	ck_assert_str_eq(m->first_name, "Ann");
	ck_assert_str_eq(m->last_name, "Lee");
	ck_assert_str_eq(m->content, "Outage on line 3");
	ck_assert_double_eq(m->send_time, 1700000000);
	ck_assert(m->urgent);
	ck_assert_double_eq(s->msgs[1].send_time, 1700000000);
	ck_assert(s->msgs[1].urgent);
	ck_assert_double_eq_tol(s->msgs[2].send_time, 1700000000.123, 1e-6);
	ck_assert(!s->msgs[2].urgent);
	ck_assert_double_eq_tol(s->msgs[3].send_time, 1700000000.5, 1e-6);
	ck_assert(!s->msgs[3].urgent);
	ck_assert_double_eq_tol(s->msgs[4].send_time, 1700000000, 1);
	ck_assert(!s->msgs[4].urgent);
	ck_assert_double_eq_tol(s->msgs[5].send_time, 1700000000, 1);
	ck_assert(s->msgs[5].urgent);
	ck_assert_double_eq(s->msgs[6].send_time, 0);
	ck_assert(s->msgs[6].urgent);
	/* absent fields are "" and 0, never NULL */
	m = &s->msgs[7];
	ck_assert_str_eq(m->id, "8");
	ck_assert_str_eq(m->login_id, "");
	ck_assert_str_eq(m->first_name, "");
	ck_assert_str_eq(m->last_name, "");
	ck_assert_str_eq(m->content, "");
	ck_assert_double_eq(m->send_time, 0);
	ck_assert(!m->urgent);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/*
 * The collection's shape: an app per panel; totals, grids and chat all land.
 */
START_TEST(test_collection_apps)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256];
	struct snapshot *s =
		parse("{\"1-tot\": {\"stats_totals\": {\"in_calls_waiting\": "
		      "\"3\", \"service_level\": \"\"}},"
		      " \"1-ag\": {\"agent_grids\": [{\"id\": \"1-ag\", "
		      "\"values\": [{\"n\": \"A\"}]}]},"
		      " \"1-sv\": {\"service_grids\": [{\"id\": \"1-sv\", "
		      "\"values\": [{\"name\": \"S\"}, {\"name\": \"T\"}]}]},"
		      " \"chat\": {\"chat_messages\": [{\"id\": \"1\", "
		      "\"content\": \"x\"}]},"
		      " \"chat2\": {\"chat_messages\": [{\"id\": \"2\", "
		      "\"content\": \"y\"}]}}",
		      set, err, sizeof(err));

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "");
	assert_total(s, set, "in_calls_waiting", "3");
	assert_total(s, set, "service_level", "");
	ck_assert_uint_eq(s->grids[testlib_gid_of(set, "1-ag")].nrows, 1);
	assert_cell(s, testlib_gid_of(set, "1-sv"), 1, 0, "T");
	ck_assert_uint_eq(s->nmsgs, 2);
	ck_assert_str_eq(s->msgs[1].content, "y");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/*
 * In the collection dialect every totals panel is its own app with its own
 * stats_totals_service_ids, so one statistic can come back with a
 * different value per panel; each panel must show its own.
 */
START_TEST(test_collection_totals_per_panel)
{
	struct layoutset *set = set_of(layout_two_totals);
	const struct layout *l = set->layouts[0];
	const struct column *voice = &l->panels[0].cols[0];
	const struct column *email = &l->panels[1].cols[0];
	char err[256];
	struct snapshot *s = parse("{\"1-voice\": {\"stats_totals\": "
				   "{\"in_calls_waiting\": \"3\"}},"
				   " \"1-email\": {\"stats_totals\": "
				   "{\"in_calls_waiting\": \"7\"}}}",
				   set, err, sizeof(err));

	ck_assert_ptr_nonnull(s);
	ck_assert_msg(s->totals[voice->tid].text &&
			      strcmp(s->totals[voice->tid].text, "3") == 0,
		      "panel \"voice\" shows %s, want 3 (its own app's value)",
		      s->totals[voice->tid].text ? s->totals[voice->tid].text
						 : "NULL");
	ck_assert_msg(s->totals[email->tid].text &&
			      strcmp(s->totals[email->tid].text, "7") == 0,
		      "panel \"email\" shows %s, want 7",
		      s->totals[email->tid].text ? s->totals[email->tid].text
						 : "NULL");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- malformed bodies and wrong shapes ----------------------------------- */

static const char *const malformed_bodies[] = {
	"",         "{",        "{\"a\": ",    "{\"a\": {}",
	"not json", "{'a': 1}", "{\"a\": 1,}", "\xff\xfe{}",
};

START_TEST(test_malformed)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256] = "";
	struct snapshot *s = parse(malformed_bodies[_i], set, err, sizeof(err));

	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err, "malformed JSON") != NULL, "err: \"%s\"",
		      err);
	layoutset_free(set);
}
END_TEST

static const char *const not_object_bodies[] = {
	"[]", "[{\"a\": {}}]", "\"text\"", "42", "null", "true",
};

START_TEST(test_not_object)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256] = "";
	struct snapshot *s =
		parse(not_object_bodies[_i], set, err, sizeof(err));

	ck_assert_ptr_null(s);
	ck_assert_msg(err[0] != '\0', "no reason given for %s",
		      not_object_bodies[_i]);
	layoutset_free(set);
}
END_TEST

/* A part of the wrong shape is skipped; the rest is kept. */
struct shape_case {
	const char *body;
	/* the good stats_totals in the body survives */
	bool totals_kept;
};

static const struct shape_case shape_cases[] = {
	{ "{\"a\": {\"agent_grids\": [{\"id\": \"1-ag\", \"values\": {\"n\": "
	  "\"x\"}}], \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": {\"agent_grids\": [{\"id\": \"1-ag\", \"values\": "
	  "\"none\"}], \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": {\"agent_grids\": [{\"values\": []}],"
	  " \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": {\"agent_grids\": {\"id\": \"1-ag\", \"values\": []},"
	  " \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": {\"agent_grids\": [\"1-ag\"],"
	  " \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": {\"service_grids\": 5,"
	  " \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": {\"stats_totals\": [\"in_calls_waiting\"]}}", false },
	{ "{\"a\": {\"stats_totals\": \"in_calls_waiting\"}}", false },
	{ "{\"a\": {\"stats_totals\": 1}}", false },
	{ "{\"a\": {\"chat_messages\": {\"id\": \"1\"},"
	  " \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": {\"chat_messages\": [\"hello\"],"
	  " \"stats_totals\": {\"in_calls_waiting\": \"1\"}}}",
	  true },
	{ "{\"a\": [], \"b\": {\"stats_totals\": {\"in_calls_waiting\": "
	  "\"1\"}}}",
	  true },
	{ "{\"a\": \"x\", \"b\": {\"stats_totals\": {\"in_calls_waiting\": "
	  "\"1\"}}}",
	  true },
};

START_TEST(test_wrong_shape)
{
	const struct shape_case *k = &shape_cases[_i];
	struct layoutset *set = set_of(layout_gen);
	char err[256] = "";
	struct snapshot *s = parse(k->body, set, err, sizeof(err));

	ck_assert_msg(s != NULL, "no snapshot for %s", k->body);
	ck_assert_msg(strstr(err, "unexpected shape") != NULL,
		      "err \"%s\" for %s", err, k->body);
	if (k->totals_kept)
		assert_total(s, set, "in_calls_waiting", "1");
	else
		assert_total(s, set, "in_calls_waiting", NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* A row that is not an object is skipped; the other rows stay in order. */
START_TEST(test_row_not_object)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256] = "";
	struct snapshot *s = parse(
		"{\"a\": {\"agent_grids\": [{\"id\": \"1-ag\", \"values\": "
		"[{\"n\": \"A\"}, \"B\", 3, null, [\"C\"], {\"n\": \"D\"}]}]}}",
		set, err, sizeof(err));
	size_t ag = testlib_gid_of(set, "1-ag");

	ck_assert_ptr_nonnull(s);
	ck_assert_msg(strstr(err, "unexpected shape") != NULL, "err \"%s\"",
		      err);
	ck_assert(s->grids[ag].present);
	ck_assert_uint_eq(s->grids[ag].nrows, 2);
	assert_cell(s, ag, 0, 0, "A");
	assert_cell(s, ag, 1, 0, "D");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/*
 * The documented response writes stats_totals in brackets: a list of objects
 * is read.
 */
START_TEST(test_totals_list_of_objects)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256] = "";
	struct snapshot *s = parse(
		"{\"a\": {\"stats_totals\": [{\"in_calls_waiting\": \"5\"},"
		" {\"service_level\": \"90\"}]}}", set, err, sizeof(err));

	ck_assert_ptr_nonnull(s);
	assert_total(s, set, "in_calls_waiting", "5");
	assert_total(s, set, "service_level", "90");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* err may be absent. */
START_TEST(test_no_err_buffer)
{
	struct layoutset *set = set_of(layout_gen);
	struct snapshot *s =
		parse("{\"a\": {\"stats_totals\": 1}}", set, NULL, 0);

	ck_assert_ptr_nonnull(s);
	snapshot_free(s);
	ck_assert_ptr_null(parse("{", set, NULL, 0));
	ck_assert_ptr_null(parse("[]", set, NULL, 0));
	layoutset_free(set);
}
END_TEST

/* --- sanitising ---------------------------------------------------------- */

/* Hostile text: escape sequences (CSI, OSC, 8-bit CSI), C0, DEL, NUL. */
static const char *const hostile[] = {
	"\\u001b[31mRed\\u001b[0m",
	"\\u001b]0;pwned\\u0007title",
	"\\u001b[2J\\u001b[H",
	"bell\\u0007 and back\\bspace",
	"tab\\there\\nnew\\rline",
	"del\\u007fete",
	"c1 \\u009b31m csi \\u0085 nel",
	"nul\\u0000byte",
	"\\u001bP1$r\\u001b\\\\dcs",
};

START_TEST(test_sanitised)
{
	struct layoutset *set = set_of(layout_gen);
	const char *h = hostile[_i];
	char body[2048], err[256];
	struct snapshot *s;
	size_t ag = testlib_gid_of(set, "1-ag");

	snprintf(body, sizeof(body),
		 "{\"a\": {\"stats_totals\": {\"in_calls_waiting\": \"%s\"}, "
		 "\"agent_grids\": [{\"id\": \"1-ag\", \"values\": [{\"n\": "
		 "\"%s\", \"st\": \"%s\", \"d\": \"%s\"}]}], "
		 "\"service_grids\": [{\"id\": \"1-sv\", \"values\": "
		 "[{\"name\": \"%s\"}]}], \"chat_messages\": [{\"id\": \"%s\", "
		 "\"login_id\": \"%s\", \"first_name\": \"%s\", \"last_name\": "
		 "\"%s\", \"content\": \"%s\"}]}}",
		 h, h, h, h, h, h, h, h, h, h);
	s = parse(body, set, err, sizeof(err));
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(s->grids[ag].nrows, 1);
	ck_assert_uint_eq(s->nmsgs, 1);
	testlib_assert_snapshot_clean(s);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* What is left of a name is its printable text, nothing is cut short. */
START_TEST(test_sanitised_text_kept)
{
	struct layoutset *set = set_of(layout_gen);
	char err[256];
	struct snapshot *s = parse(
		"{\"a\": {\"agent_grids\": [{\"id\": \"1-ag\", \"values\": ["
		"{\"n\": \"\\u001b[31mRed\\u001b[0m\"}, {\"n\": "
		"\"nul\\u0000byte\"},{\"n\": \"Zo\\u00eb \\u5f20\"}]}]}}",
		set, err, sizeof(err));
	size_t ag = testlib_gid_of(set, "1-ag");
	const char *c0, *c1;

	ck_assert_ptr_nonnull(s);
	c0 = snapshot_cell_text(s, ag, 0, 0);
	c1 = snapshot_cell_text(s, ag, 1, 0);
	ck_assert_ptr_nonnull(strstr(c0, "Red"));
	ck_assert_ptr_null(strchr(c0, '\x1b'));
	ck_assert_ptr_nonnull(strstr(c1, "nul"));
	ck_assert_msg(strstr(c1, "byte") != NULL,
		      "text after a NUL lost: \"%s\"", c1);
	/* clean UTF-8 untouched */
	assert_cell(s, ag, 2, 0, "Zo\xc3\xab \xe5\xbc\xa0");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

static Suite *parse_suite(void)
{
	Suite *s = suite_create("brightpattern_parse");
	TCase *tc;

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
	tc = tcase_create("data");
	tcase_add_test(tc, test_postman_verbatim);
	tcase_add_test(tc, test_postman_our_ids);
	tcase_add_test(tc, test_data_len);
	tcase_add_test(tc, test_grid_column_order);
	tcase_add_test(tc, test_grid_empty_and_foreign);
	tcase_add_test(tc, test_grid_value_types);
	tcase_add_test(tc, test_chat_messages);
	tcase_add_test(tc, test_collection_apps);
	tcase_add_test(tc, test_collection_totals_per_panel);
	suite_add_tcase(s, tc);

	tc = tcase_create("states");
	tcase_add_loop_test(tc, test_state_word, 0, N(state_cases));
	tcase_add_test(tc, test_state_cells);
	suite_add_tcase(s, tc);

	tc = tcase_create("bad bodies");
	tcase_add_loop_test(tc, test_malformed, 0, N(malformed_bodies));
	tcase_add_loop_test(tc, test_not_object, 0, N(not_object_bodies));
	tcase_add_loop_test(tc, test_wrong_shape, 0, N(shape_cases));
	tcase_add_test(tc, test_row_not_object);
	tcase_add_test(tc, test_totals_list_of_objects);
	tcase_add_test(tc, test_no_err_buffer);
	suite_add_tcase(s, tc);

	tc = tcase_create("sanitise");
	tcase_add_loop_test(tc, test_sanitised, 0, N(hostile));
	tcase_add_test(tc, test_sanitised_text_kept);
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
