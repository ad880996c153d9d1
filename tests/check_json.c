/*
 * check_json.c - unit tests of the JSON output (src/output/json.c) on a
 * snapshot made by hand, for what a simulator does not send: a statistic
 * the server refused ("unavailable"), a state word nobody knows, a value
 * that is "no value", a number that is no number; and the document
 * without data. The document is read back with jansson.
 */
#include "autoconf.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "output/json.h"
#include "testlib.h"

static const char *const layout_text =
	"title = \"J\"\n"
	"key = 3\n"
	"row { panel \"t\" { type = totals\n"
	"  column \"w\" { stat = \"in_calls_waiting\" warn = 5 crit = 10 }\n"
	"  column \"sl\" { stat = \"service_level\" }\n"
	"  column \"h\" { stat = \"in_calls_handled_per_day\" } }\n"
	"panel \"a\" { type = agent_grid\n"
	"  column \"name\" { stat = \"first_last_name\" }\n"
	"  column \"st\" { stat = \"acd_state\" }\n"
	"  column \"d\" { stat = \"state_duration\" warn = 600 } } }\n";

static struct layoutset *set;
static struct snapshot *snap;
static struct config cfg;
static struct provider_status st;

static void setup(void)
{
	set = testlib_layoutset1("brightpattern", layout_text);
	snap = snapshot_new(set);
	memset(&cfg, 0, sizeof(cfg));
	cfg.provider = "brightpattern";
	memset(&st, 0, sizeof(st));
	st.state = CONN_LIVE;
}

static void teardown(void)
{
	snapshot_free(snap);
	layoutset_free(set);
}

/* The document once_json prints of snap (or of no data), parsed. */
static json_t *document(const struct snapshot *s, int *rc)
{
	struct once_result r = { &cfg, set, s, &st, 0.25, false };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	json_error_t err;
	json_t *doc;

	*rc = once_json(f, &r);
	fclose(f);
	doc = json_loadb(text, len, 0, &err);
	ck_assert_msg(doc != NULL, "not JSON: %s: %s", err.text, text);
	free(text);
	return doc;
}

/* The value of total id in the first panel of the first layout. */
static json_t *first_total(json_t *doc, const char *id)
{
	json_t *layout = json_array_get(json_object_get(doc, "layouts"), 0);
	json_t *panel = json_array_get(json_object_get(layout, "panels"), 0);

	return json_object_get(json_object_get(panel, "values"), id);
}

START_TEST(test_cells)
{
	const struct panel *a = &set->layouts[0]->panels[1];
	size_t g = a->gid;
	json_t *doc, *t, *rows;
	int rc;

	snapshot_set_total(snap, testlib_tid_of(set, "in_calls_waiting", ""),
			   "12");
	snapshot_set_total_unavailable(
		snap, testlib_tid_of(set, "service_level", ""));
	snapshot_set_total(snap,
			   testlib_tid_of(set, "in_calls_handled_per_day", ""),
			   "n/a");
	snapshot_grid_alloc(snap, g, 2);
	snapshot_set(snap, g, 0, 0, "販売 太郎");
	snapshot_set(snap, g, 0, 1, "Not Ready");
	snapshot_set(snap, g, 0, 2, "700");
	snapshot_set(snap, g, 1, 0, "-rf");
	snapshot_set(snap, g, 1, 1, "Pausa");
	snapshot_set(snap, g, 1, 2, "");
	snap->received_wall = 1700000000;
	doc = document(snap, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(
		json_integer_value(json_object_get(doc, "format_version")), 1);
	ck_assert_str_eq(json_string_value(json_object_get(doc, "data_time")),
			 "2023-11-14T22:13:20Z");
	t = first_total(doc, "w");
	ck_assert_int_eq(json_integer_value(json_object_get(t, "value")), 12);
	ck_assert_str_eq(json_string_value(json_object_get(t, "level")),
			 "crit");
	/* Refused: marked, no value. */
	t = first_total(doc, "sl");
	ck_assert(json_is_true(json_object_get(t, "unavailable")));
	ck_assert(json_is_null(json_object_get(t, "value")));
	ck_assert_str_eq(json_string_value(json_object_get(t, "text")),
			 "unavailable");
	/* A count that is no number stays the text it was. */
	t = first_total(doc, "h");
	ck_assert_str_eq(json_string_value(json_object_get(t, "value")), "n/a");
	ck_assert_ptr_null(json_object_get(t, "unavailable"));
	rows = json_object_get(json_array_get(json_object_get(json_array_get(
		json_object_get(doc, "layouts"), 0), "panels"), 1), "rows");
	ck_assert_uint_eq(json_array_size(rows), 2);
	t = json_object_get(json_array_get(rows, 0), "values");
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(rows, 0), "key")),
			 "販売 太郎");
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(t, "st"), "value")),
			 "not_ready");
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(t, "st"), "text")),
			 "Not Ready");
	ck_assert_int_eq(json_integer_value(json_object_get(
				 json_object_get(t, "d"), "value")),
			 700);
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(t, "d"), "text")),
			 "11:40");
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(t, "d"), "level")),
			 "warn");
	/* A word nobody knows: no state, the word as text; no value: null. */
	t = json_object_get(json_array_get(rows, 1), "values");
	ck_assert(json_is_null(
		json_object_get(json_object_get(t, "st"), "value")));
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(t, "st"), "text")),
			 "Pausa");
	ck_assert(json_is_null(
		json_object_get(json_object_get(t, "d"), "value")));
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_object_get(t, "d"), "text")),
			 "-");
	ck_assert(json_is_null(
		json_object_get(json_object_get(t, "d"), "level")));
	json_decref(doc);
}
END_TEST

/* No data: still a document, saying why, and exit status 1. */
START_TEST(test_no_data)
{
	json_t *doc;
	int rc;

	st.state = CONN_RETRYING;
	snprintf(st.message, sizeof(st.message), "no answer from the server");
	doc = document(NULL, &rc);
	ck_assert_int_eq(rc, 1);
	ck_assert(json_is_null(json_object_get(doc, "layouts")));
	ck_assert(json_is_null(json_object_get(doc, "data_time")));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(doc,
			 "source"), "message")), "no answer from the server");
	json_decref(doc);
}
END_TEST

static Suite *json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("json");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cells);
	tcase_add_test(tc, test_no_data);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(json_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
