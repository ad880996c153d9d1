/*
 * check_selection.c - unit tests of how a panel's selection of rows is
 * applied in each dialect (selection.[ch]), as the subscription writes it
 * (subscription.c) and the data's parser reads it (parse.c).
 *
 * The plan: the documented dialect's notices (a team, an agent grid's
 * services), the columns the board adds (and their ids, clear of the
 * panel's own), the grids totals over services are read from; the
 * collection dialect's empty plan. The subscription: added columns at the
 * end, no limit or filter where the board chooses the rows, totals over
 * services left out of stats_totals. The data: rows kept by name (any
 * case) and by is_logged, a name in no row said on the panel and in a
 * note with file, line and panel, totals from one row or added up, a
 * share over several services unavailable, and the JSON types seen.
 */
#include "autoconf.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "testlib.h"
#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/selection.h"
#include "providers/brightpattern/subscription.h"

/* Every kind of selection (grid keys "1-team", "1-both", "1-svcs",
 * "1-own", "1-clash", "1-in"; totals "one", "two", "probe"). */
static const char layout_sel[] =
	"title = \"Sel\"\n"
	"row {\n"
	"  panel \"team\" { type = agent_grid\n"
	"    column \"l\" { stat = \"login_id\" }\n"
	"    teams = {\"Sales Team\"} }\n"
	"  panel \"both\" { type = agent_grid\n"
	"    column \"l\" { stat = \"login_id\" }\n"
	"    teams = {\"Sales Team\"} services = {\"Voice Inbound\"} }\n"
	"  panel \"svcs\" { type = agent_grid\n"
	"    column \"l\" { stat = \"login_id\" }\n"
	"    services = {\"Voice Inbound\"} }\n"
	"  panel \"own\" { type = service_grid\n"
	"    column \"n\" { stat = \"name\" }\n"
	"    column \"w\" { stat = \"in_calls_waiting\" }\n"
	"    services = {\"Voice Inbound\", \"Chat Service\"}\n"
	"    order_by = \"w\" order_dir = desc limit = 1\n"
	"    filter_by = \"w\" filter_operation = GE filter_value = \"0\" }\n"
	"  panel \"clash\" { type = service_grid\n"
	"    column \"sel_name\" { stat = \"in_calls_waiting\" }\n"
	"    services = {\"Voice Inbound\"} }\n"
	"  panel \"in\" { type = agent_grid\n"
	"    column \"l\" { stat = \"login_id\" }\n"
	"    logged_in_only = true }\n"
	"  panel \"one\" { type = totals\n"
	"    column \"h\" { stat = \"in_calls_handled_per_day\" }\n"
	"    column \"sl\" { stat = \"service_level\" }\n"
	"    services = {\"Voice Inbound\"} }\n"
	"  panel \"two\" { type = totals\n"
	"    column \"h\" { stat = \"in_calls_handled_per_day\" }\n"
	"    column \"sl\" { stat = \"service_level\" }\n"
	"    services = {\"Voice Inbound\", \"Chat Service\"} }\n"
	"  panel \"all\" { type = totals\n"
	"    column \"h\" { stat = \"in_calls_handled_per_day\" } }\n"
	"  panel \"probe\" { type = totals\n"
	"    column \"a\" { stat = \"service_available\" }\n"
	"    services = {\"Voice Inbound\"} }\n"
	"}\n";

static struct layoutset *set_sel(void)
{
	return testlib_layoutset1("brightpattern", layout_sel);
}

/* The plan's entry for the grid with this key. */
static const struct sel_grid *plan_of(const struct selection *sel,
				      const struct layoutset *set,
				      const char *key)
{
	return &sel->grids[testlib_gid_of(set, key)];
}

/* --- the plan ------------------------------------------------------------ */

START_TEST(test_plan_notices)
{
	struct layoutset *set = set_sel();
	struct selection *sel =
		brightpattern_selection_plan(set, DIALECT_DOCUMENTED);

	ck_assert_str_eq(
		plan_of(sel, set, "1-team")->notice,
		"all teams shown: teams need api_dialect = collection");
	ck_assert_str_eq(
		plan_of(sel, set, "1-both")->notice,
		"all teams and services shown: they need api_dialect = "
		"collection");
	ck_assert_str_eq(plan_of(sel, set, "1-svcs")->notice,
			 "agents of all services shown: services need "
			 "api_dialect = collection");
	ck_assert_ptr_null(plan_of(sel, set, "1-own")->notice);
	ck_assert_ptr_null(plan_of(sel, set, "1-in")->notice);
	/* An agent grid's services are not chosen by the board either. */
	ck_assert_ptr_null(plan_of(sel, set, "1-svcs")->name_id);
	ck_assert(!brightpattern_selection_client(
		sel, testlib_gid_of(set, "1-team")));
	brightpattern_selection_free(sel);
	layoutset_free(set);
}
END_TEST

START_TEST(test_plan_columns)
{
	struct layoutset *set = set_sel();
	struct selection *sel =
		brightpattern_selection_plan(set, DIALECT_DOCUMENTED);
	const struct sel_grid *g;

	g = plan_of(sel, set, "1-own");		/* its own name column */
	ck_assert_str_eq(g->name_id, "n");
	ck_assert(!g->name_hidden);
	ck_assert(brightpattern_selection_client(sel,
						 testlib_gid_of(set, "1-own")));
	g = plan_of(sel, set, "1-clash");	/* "sel_name" is taken */
	ck_assert_str_eq(g->name_id, "sel_name_");
	ck_assert(g->name_hidden);
	g = plan_of(sel, set, "1-in");
	ck_assert_str_eq(g->logged_id, "sel_logged");
	ck_assert(g->logged_hidden);
	ck_assert_ptr_null(g->name_id);
	brightpattern_selection_free(sel);
	layoutset_free(set);
}
END_TEST

START_TEST(test_plan_totals)
{
	struct layoutset *set = set_sel();
	struct selection *sel =
		brightpattern_selection_plan(set, DIALECT_DOCUMENTED);

	/* "probe" asks for nothing but availability: no grid for it. */
	ck_assert_uint_eq(sel->ntotals, 2);
	ck_assert_str_eq(sel->totals[0].key, "1-one");
	ck_assert_str_eq(sel->totals[0].panel->id, "one");
	ck_assert_str_eq(sel->totals[0].name_id, "sel_name");
	ck_assert_ptr_eq(brightpattern_selection_totals(sel, "1-two"),
			 &sel->totals[1]);
	ck_assert_ptr_null(brightpattern_selection_totals(sel, "1-all"));
	/* A share of two services cannot be added up: said once, for "two". */
	ck_assert_uint_eq(sel->nnotes, 1);
	ck_assert_str_eq(sel->notes[0].panel->id, "two");
	ck_assert_msg(strstr(sel->notes[0].text,
			     "column \"sl\" (service_level) "
			     "of 2 services cannot be added up") != NULL,
		      "note: %s", sel->notes[0].text);
	brightpattern_selection_free(sel);
	layoutset_free(set);
}
END_TEST

START_TEST(test_plan_collection)
{
	struct layoutset *set = set_sel();
	struct selection *sel =
		brightpattern_selection_plan(set, DIALECT_COLLECTION);

	/* The collection dialect sends every selection: nothing to do. */
	for (size_t g = 0; g < sel->ngrids; g++) {
		ck_assert_ptr_null(sel->grids[g].notice);
		ck_assert(!brightpattern_selection_client(sel, g));
	}
	ck_assert_uint_eq(sel->ntotals, 0);
	ck_assert_uint_eq(sel->nnotes, 0);
	brightpattern_selection_free(sel);
	layoutset_free(set);
}
END_TEST

START_TEST(test_unknown_names)
{
	struct layoutset *set = set_sel();
	struct selection *sel =
		brightpattern_selection_plan(set, DIALECT_COLLECTION);
	const struct layout *l = set->layouts[0];
	size_t team = testlib_gid_of(set, "1-team");

	brightpattern_selection_unknown(sel, l, set->grids[team].panel, "team",
					"Ghost", "is not on the list", true);
	brightpattern_selection_unknown(sel, l, set->grids[team].panel, "team",
					"Maybe", "cannot be looked up", false);
	brightpattern_selection_unknown(sel, l, &l->panels[6], "service",
					"Nope", "is not on the list", true);
	/* On the grid's panel only what surely is unknown; every one noted. */
	ck_assert_str_eq(sel->grids[team].notice, "team \"Ghost\" not found");
	ck_assert_uint_eq(sel->nnotes, 3);
	ck_assert_str_eq(sel->notes[0].text,
			 "team \"Ghost\" is not on the list");
	ck_assert_str_eq(sel->notes[1].text,
			 "team \"Maybe\" cannot be looked up");
	ck_assert_str_eq(sel->notes[2].panel->id, "one");
	brightpattern_selection_unknown(sel, l, set->grids[team].panel, "team",
					"Other", "is not on the list", true);
	ck_assert_str_eq(sel->grids[team].notice,
			 "team \"Ghost\" not found; team \"Other\" not found");
	brightpattern_selection_free(sel);
	layoutset_free(set);
}
END_TEST

/* --- the subscription ---------------------------------------------------- */

/* The documented subscription of the plan, parsed back: its one app. */
static json_t *documented_app(const struct layoutset *set, json_t **root)
{
	struct selection *sel =
		brightpattern_selection_plan(set, DIALECT_DOCUMENTED);
	char *text = brightpattern_subscription_write(set, sel, 0, NULL, NULL);

	*root = json_loads(text, 0, NULL);
	ck_assert_ptr_nonnull(*root);
	free(text);
	brightpattern_selection_free(sel);
	return json_object_get(*root, "wallboard");
}

/* The grid of this id in a list of grids, which must be there. */
static json_t *grid_in(json_t *grids, const char *id)
{
	size_t i;
	json_t *g;

	json_array_foreach(grids, i, g)
		if (strcmp(json_string_value(json_object_get(g, "id")), id) ==
		    0)
			return g;
	ck_abort_msg("no grid %s", id);
	return NULL;
}

/* Column i of a grid is {"id": id, "stat_name": stat}. */
static void column_is(json_t *grid, size_t i, const char *id, const char *stat)
{
	json_t *c = json_array_get(json_object_get(grid, "columns"), i);

	ck_assert_str_eq(json_string_value(json_object_get(c, "id")), id);
	ck_assert_str_eq(json_string_value(json_object_get(c, "stat_name")),
			 stat);
}

START_TEST(test_subscription_columns)
{
	struct layoutset *set = set_sel();
	json_t *root, *app = documented_app(set, &root);
	json_t *sg = json_object_get(app, "service_grids");
	json_t *ag = json_object_get(app, "agent_grids");
	json_t *g;

	g = grid_in(sg, "1-own");	/* its own name: nothing added */
	ck_assert_uint_eq(json_array_size(json_object_get(g, "columns")), 2);
	/* The board chooses the rows: the server sends them all, in order. */
	ck_assert_ptr_null(json_object_get(g, "limit"));
	ck_assert_ptr_null(json_object_get(g, "filter_by"));
	ck_assert_str_eq(json_string_value(json_object_get(g, "order_by")),
			 "w");
	g = grid_in(sg, "1-clash");
	column_is(g, 0, "sel_name", "in_calls_waiting");
	column_is(g, 1, "sel_name_", "name");
	g = grid_in(ag, "1-in");
	column_is(g, 1, "sel_logged", "is_logged");
	g = grid_in(ag, "1-team");	/* nothing the board can read */
	ck_assert_uint_eq(json_array_size(json_object_get(g, "columns")), 1);
	/* Totals over services: their own grids, the name first. */
	g = grid_in(sg, "1-two");
	ck_assert_uint_eq(json_array_size(json_object_get(g, "columns")), 3);
	column_is(g, 0, "sel_name", "name");
	column_is(g, 1, "h", "in_calls_handled_per_day");
	column_is(g, 2, "sl", "service_level");
	/* ... and stats_totals has only the totals over every service. */
	ck_assert_uint_eq(json_array_size(json_object_get(app, "stats_totals")),
			  1);
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(app,
			 "stats_totals"), 0)), "in_calls_handled_per_day");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* --- the data ------------------------------------------------------------ */

/* Parse body against the documented plan of set. */
static struct snapshot *parse_sel(const struct layoutset *set, const char *body,
				  struct selection **sel)
{
	char err[256];
	struct snapshot *s;

	*sel = brightpattern_selection_plan(set, DIALECT_DOCUMENTED);
	s = brightpattern_parse_data(body, strlen(body), set, *sel, err,
				     sizeof(err));
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(err, "");
	return s;
}

/* Free what a data test made. */
static void data_free(struct snapshot *s, struct selection *sel,
		      struct layoutset *set)
{
	snapshot_free(s);
	brightpattern_selection_free(sel);
	layoutset_free(set);
}

/* True when the snapshot has a note containing text. */
static bool has_note(const struct snapshot *s, const char *text)
{
	for (size_t i = 0; i < s->nnotes; i++)
		if (strstr(s->notes[i], text))
			return true;
	return false;
}

START_TEST(test_rows_by_name)
{
	struct layoutset *set = set_sel();
	struct selection *sel;
	struct snapshot *s = parse_sel(
		set,
		"{\"wallboard\": {\"service_grids\": [{\"id\": \"1-own\", "
		"\"values\": [{\"n\": \"Email Svc\", \"w\": \"9\"},"
		"{\"n\": \"CHAT SERVICE\", \"w\": 4},"
		"{\"n\": \"Voice Inbound\", \"w\": \"2\"},{\"w\": \"7\"}]},"
		"{\"id\": \"1-clash\", \"values\": ["
		"{\"sel_name\": \"3\", \"sel_name_\": \"Voice Inbound\"},"
		"{\"sel_name\": \"5\", \"sel_name_\": \"Chat Service\"}]}]}}",
		&sel);
	size_t own = testlib_gid_of(set, "1-own"),
	       clash = testlib_gid_of(set, "1-clash");

	/*
	 * Any case; in the server's order; a row without a name is no one's.
	 */
	ck_assert_uint_eq(s->grids[own].nrows, 2);
	ck_assert_str_eq(snapshot_cell_text(s, own, 0, 0), "CHAT SERVICE");
	ck_assert_str_eq(snapshot_cell_text(s, own, 0, 1), "4");
	ck_assert_str_eq(snapshot_cell_text(s, own, 1, 0), "Voice Inbound");
	ck_assert_ptr_null(s->grids[own].notice);
	/* The column the board added is read, never shown. */
	ck_assert_uint_eq(s->grids[clash].nrows, 1);
	ck_assert_uint_eq(s->grids[clash].ncols, 1);
	ck_assert_str_eq(snapshot_cell_text(s, clash, 0, 0), "3");
	/* The JSON types the server sent, for --probe. */
	ck_assert(s->grids[own].json_seen[1] & (1u << JSON_STRING));
	ck_assert(s->grids[own].json_seen[1] & (1u << JSON_INTEGER));
	ck_assert(!(s->grids[own].json_seen[1] & (1u << JSON_REAL)));
	data_free(s, sel, set);
}
END_TEST

START_TEST(test_name_in_no_row)
{
	struct layoutset *set = set_sel();
	struct selection *sel;
	struct snapshot *s =
		parse_sel(set,
			  "{\"wallboard\": {\"service_grids\": [{\"id\": "
			  "\"1-own\", \"values\": ["
			  "{\"n\": \"Voice Inbound\", \"w\": \"2\"}]}]}}",
			  &sel);
	size_t own = testlib_gid_of(set, "1-own");

	ck_assert_uint_eq(s->grids[own].nrows, 1);
	ck_assert_str_eq(s->grids[own].notice,
			 "service \"Chat Service\" not found");
	ck_assert(has_note(
		s, "layout-1:12: panel \"own\": service \"Chat Service\" "
		   "is in no row of the server's data"));
	data_free(s, sel, set);
}
END_TEST

START_TEST(test_rows_logged_in)
{
	struct layoutset *set = set_sel();
	struct selection *sel;
	struct snapshot *s =
		parse_sel(set,
			  "{\"wallboard\": {\"agent_grids\": [{\"id\": "
			  "\"1-in\", \"values\": ["
			  "{\"l\": \"a\", \"sel_logged\": \"1\"},"
			  "{\"l\": \"b\", \"sel_logged\": \"0\"},"
			  "{\"l\": \"c\", \"sel_logged\": 0},"
			  "{\"l\": \"d\", \"sel_logged\": false},"
			  "{\"l\": \"e\", \"sel_logged\": \"FALSE\"},"
			  "{\"l\": \"f\", \"sel_logged\": true},"
			  "{\"l\": \"g\"}]}]}}",
			  &sel);
	size_t in = testlib_gid_of(set, "1-in");

	/*
	 * Logged out in any spelling left out; not saying is not logged out.
	 */
	ck_assert_uint_eq(s->grids[in].nrows, 3);
	ck_assert_str_eq(snapshot_cell_text(s, in, 0, 0), "a");
	ck_assert_str_eq(snapshot_cell_text(s, in, 1, 0), "f");
	ck_assert_str_eq(snapshot_cell_text(s, in, 2, 0), "g");
	data_free(s, sel, set);
}
END_TEST

START_TEST(test_plan_notices_every_snapshot)
{
	struct layoutset *set = set_sel();
	struct selection *sel;
	struct snapshot *s = parse_sel(set, "{\"wallboard\": {}}", &sel);

	/* Even before the server sends the grid, the panel says it. */
	ck_assert_str_eq(
		s->grids[testlib_gid_of(set, "1-team")].notice,
		"all teams shown: teams need api_dialect = collection");
	ck_assert(has_note(s, "panel \"two\": column \"sl\""));
	data_free(s, sel, set);
}
END_TEST

START_TEST(test_totals_from_grids)
{
	struct layoutset *set = set_sel();
	struct selection *sel;
	static const char rows[] =
		"[{\"sel_name\": \"Voice Inbound\", \"h\": \"95\", \"sl\": "
		"\"88\"}, {\"sel_name\": \"Chat Service\", \"h\": 55, \"sl\": "
		"\"70\"}, {\"sel_name\": \"Email Svc\", \"h\": \"1000\", "
		"\"sl\": \"10\"}]";
	char *body = xasprintf("{\"wallboard\": {"
		"\"stats_totals\": {\"in_calls_handled_per_day\": \"349\"},"
		"\"service_grids\": [{\"id\": \"1-one\", \"values\": %s},"
		"{\"id\": \"1-two\", \"values\": %s}]}}", rows, rows);
	struct snapshot *s = parse_sel(set, body, &sel);
	size_t h_all = testlib_tid_of(set, "in_calls_handled_per_day", "");
	size_t h_one = testlib_tid_of(set, "in_calls_handled_per_day",
				      "Voice Inbound");
	size_t sl_one = testlib_tid_of(set, "service_level", "Voice Inbound");
	size_t h_two = testlib_tid_of(set, "in_calls_handled_per_day",
				      "Voice Inbound\nChat Service");
	size_t sl_two = testlib_tid_of(set, "service_level",
				       "Voice Inbound\nChat Service");

	/* stats_totals is every service's: not the selections'. */
	ck_assert_str_eq(s->totals[h_all].text, "349");
	/* One service: its row as it is. */
	ck_assert_str_eq(s->totals[h_one].text, "95");
	ck_assert_str_eq(s->totals[sl_one].text, "88");
	ck_assert(s->total_json_seen[h_one] & (1u << JSON_STRING));
	/* Two: counts added up; a share cannot be. */
	ck_assert_double_eq(s->totals[h_two].num, 150);
	ck_assert(s->total_json_seen[h_two] & (1u << JSON_INTEGER));
	ck_assert(s->totals[sl_two].unavailable);
	ck_assert_ptr_null(s->totals[sl_two].text);
	free(body);
	data_free(s, sel, set);
}
END_TEST

START_TEST(test_totals_service_in_no_row)
{
	struct layoutset *set = set_sel();
	struct selection *sel;
	struct snapshot *s = parse_sel(set,
				       "{\"wallboard\": {\"service_grids\": "
				       "[{\"id\": \"1-two\", \"values\": ["
				       "{\"sel_name\": \"Voice Inbound\", "
				       "\"h\": \"95\", \"sl\": \"88\"}]}]}}",
				       &sel);
	size_t h_two = testlib_tid_of(set, "in_calls_handled_per_day",
				      "Voice Inbound\nChat Service");

	/* The one service there is counted, the other one said missing. */
	ck_assert_str_eq(s->totals[h_two].text, "95");
	ck_assert(has_note(
		s, "layout-1:28: panel \"two\": service \"Chat Service\" "
		   "is in no row"));
	data_free(s, sel, set);
}
END_TEST

static Suite *selection_suite(void)
{
	Suite *s = suite_create("selection");
	TCase *tc = tcase_create("plan");

	tcase_add_test(tc, test_plan_notices);
	tcase_add_test(tc, test_plan_columns);
	tcase_add_test(tc, test_plan_totals);
	tcase_add_test(tc, test_plan_collection);
	tcase_add_test(tc, test_unknown_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("subscription");
	tcase_add_test(tc, test_subscription_columns);
	suite_add_tcase(s, tc);

	tc = tcase_create("data");
	tcase_add_test(tc, test_rows_by_name);
	tcase_add_test(tc, test_name_in_no_row);
	tcase_add_test(tc, test_rows_logged_in);
	tcase_add_test(tc, test_plan_notices_every_snapshot);
	tcase_add_test(tc, test_totals_from_grids);
	tcase_add_test(tc, test_totals_service_in_no_row);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(selection_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
