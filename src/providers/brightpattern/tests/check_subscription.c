/*
 * check_subscription.c - unit tests of the subscription builder
 * (src/subscription.[ch]): layout files written by the test are loaded
 * into a layoutset, and the JSON of both dialects is checked with jansson:
 * the documented one (one app "wallboard", stats_totals, service_grids and
 * agent_grids with stat_name, order_by/order_dir, limit as a string,
 * filter_*) and the one of the vendor's collection (an app per totals panel
 * and per grid, statName, order [{by, dir}], limit as a number, team_ids,
 * service_ids, logged_in_agents_only, stats_totals_service_ids).
 * brightpattern_subscription_grid_in() maps a server's error message back to a
 * grid.
 */
#include "autoconf.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "testlib.h"
#include "providers/brightpattern/subscription.h"

/* The layout of the brief: every panel kind and every grid option. */
static const char layout_one[] =
	"title = \"T\"\n"
	"key = 1\n"
	"row {\n"
	"  height = 1\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"w\" { stat = \"in_calls_waiting\" title = \"Waiting\" "
	"warn = 5 crit = 10 }\n"
	"    services = {\"Voice Inbound\"} }\n"
	"  panel \"svc\" { type = service_grid\n"
	"    column \"name\" { stat = \"name\" }\n"
	"    column \"w\" { stat = \"in_calls_waiting\" }\n"
	"    column \"sl\" { stat = \"service_level\" warn = 80 crit = 70 }\n"
	"    column \"s\" { stat = \"SUM\" sum = {\"in_calls_waiting\", "
	"\"out_calls_waiting\"} }\n"
	"    order_by = \"w\"  order_dir = desc  limit = 5\n"
	"    filter_by = \"w\" filter_operation = GT filter_value = \"0\" }\n"
	"  panel \"ag\" { type = agent_grid\n"
	"    column \"n\" { stat = \"first_last_name\" }\n"
	"    column \"st\" { stat = \"acd_state\" }\n"
	"    column \"d\" { stat = \"state_duration\" warn = 300 crit = 600 }\n"
	"    column \"disp\" { stat = \"calls_dispositions_per_day\" "
	"dispositions = {\"Product sold\"} }\n"
	"    teams = {\"Customer Service\"} logged_in_only = true }\n"
	"  panel \"chat\" { type = ticker limit = 5 match = \"outage\" }\n"
	"}\n";

/*
 * A second layout: totals that overlap the first's (distinct names once),
 * grids whose keys share a prefix ("2-svc" and "2-svc2"), an order without
 * a direction, a service grid with services, no ticker.
 */
static const char layout_two[] =
	"title = \"Second\"\n"
	"key = 2\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"w\" { stat = \"in_calls_waiting\" }\n"
	"    column \"asa\" { stat = \"in_average_speed_of_answer\" } }\n"
	"  panel \"t2\" { type = totals\n"
	"    column \"al\" { stat = \"agents_logged\" } }\n"
	"}\n"
	"row {\n"
	"  panel \"svc\" { type = service_grid\n"
	"    column \"nm\" { stat = \"name\" }\n"
	"    order_by = \"nm\" }\n"
	"  panel \"svc2\" { type = service_grid\n"
	"    column \"nm\" { stat = \"name\" }\n"
	"    column \"ewt\" { stat = \"in_ewt\" }\n"
	"    services = {\"Voice Inbound\", \"Email Svc\"} }\n"
	"}\n";

/* One agent grid and nothing else. */
static const char layout_bare[] = "title = \"Bare\"\n"
				  "row { panel \"a\" { type = agent_grid "
				  "column \"n\" { stat = \"login_id\" } } }\n";

/* Tickers only: one with a bigger limit, one with the default limit. */
static const char layout_ticker_big[] =
	"title = \"News\"\n"
	"row { panel \"news\" { type = ticker limit = 30 } }\n";
static const char layout_ticker_default[] =
	"title = \"Chat\"\nrow { panel \"c\" { type = ticker } }\n";

/* A layoutset of the given Bright Pattern layout texts. */
static struct layoutset *set_of(const char *const *texts, size_t n)
{
	return testlib_layoutset("brightpattern", texts, n);
}

static struct layoutset *set_main(void)
{
	static const char *const texts[] = { layout_one, layout_two };
	return set_of(texts, 2);
}

/* The subscription of set in a dialect, parsed back. */
static json_t *build(const struct layoutset *set, enum api_dialect d,
		     int indent)
{
	char *text = brightpattern_subscription_build(set, d, indent);
	json_error_t jerr;
	json_t *root;

	ck_assert_ptr_nonnull(text);
	root = json_loads(text, 0, &jerr);
	ck_assert_msg(root != NULL, "not JSON (%s): %s", jerr.text, text);
	ck_assert_msg(json_is_object(root), "not an object: %s", text);
	free(text);
	return root;
}

/* A member that must exist (with its expected type). */
static json_t *member(json_t *o, const char *key, json_type type)
{
	json_t *v;

	ck_assert_msg(json_is_object(o), "looking for \"%s\" in a non-object",
		      key);
	v = json_object_get(o, key);
	ck_assert_msg(v != NULL, "no member \"%s\"", key);
	ck_assert_msg(json_typeof(v) == type,
		      "member \"%s\" has type %d, want %d", key,
		      (int)json_typeof(v), (int)type);
	return v;
}

static const char *str_member(json_t *o, const char *key)
{
	return json_string_value(member(o, key, JSON_STRING));
}

/* An array of strings equal to want (NULL-terminated). */
static void assert_strings(json_t *a, const char *const *want)
{
	size_t n = 0;

	ck_assert_msg(json_is_array(a), "not an array");
	while (want[n])
		n++;
	ck_assert_uint_eq(json_array_size(a), n);
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(a, i);
		ck_assert_msg(json_is_string(v), "element %zu is not a string",
			      i);
		ck_assert_str_eq(json_string_value(v), want[i]);
	}
}

/* The grid object with an id in an array of grids, or NULL. */
static json_t *grid_by_id(json_t *grids, const char *id)
{
	size_t i;
	json_t *g;

	json_array_foreach(grids, i, g)
		if (json_is_string(json_object_get(g, "id")) &&
		    strcmp(json_string_value(json_object_get(g, "id")), id) ==
			    0)
			return g;
	return NULL;
}

/* Column i of a grid: its id and statistic name under key. */
static json_t *column_at(json_t *grid, size_t i, const char *id,
			 const char *statkey, const char *stat)
{
	json_t *cols = member(grid, "columns", JSON_ARRAY);
	json_t *c = json_array_get(cols, i);

	ck_assert_msg(json_is_object(c), "column %zu is not an object", i);
	ck_assert_str_eq(str_member(c, "id"), id);
	ck_assert_str_eq(str_member(c, statkey), stat);
	return c;
}

/* --- the layoutset the tests build on ----------------------------------- */

START_TEST(test_layoutset_shape)
{
	struct layoutset *set = set_main();
	static const char *const keys[] = { "1-svc", "1-ag", "2-svc",
					    "2-svc2" };

	ck_assert_uint_eq(set->n, 2);
	ck_assert_uint_eq(set->ngrids, 4);
	for (size_t g = 0; g < set->ngrids; g++) {
		ck_assert_str_eq(set->grids[g].key, keys[g]);
		ck_assert_uint_eq(set->grids[g].panel->gid, g);
	}
	/* A slot per statistic and service selection: in_calls_waiting over
	 * "Voice Inbound" (layout one) is another number than over all. */
	ck_assert_uint_eq(set->ntotals, 4);
	ck_assert_str_eq(set->totals[0], "in_calls_waiting");
	ck_assert_str_eq(set->total_scopes[0], "Voice Inbound");
	ck_assert_str_eq(set->totals[1], "in_calls_waiting");
	ck_assert_str_eq(set->total_scopes[1], "");
	ck_assert_str_eq(set->totals[2], "in_average_speed_of_answer");
	ck_assert_str_eq(set->totals[3], "agents_logged");
	ck_assert_uint_eq(set->ntotal_apps, 3);
	ck_assert_str_eq(set->total_apps[0], "1-tot");
	ck_assert_str_eq(set->total_app_scopes[0], "Voice Inbound");
	ck_assert(set->has_ticker);
	ck_assert_int_eq(set->msg_limit, 5);
	layoutset_free(set);
}
END_TEST

/* The panel options of the brief's layout reach the model. */
START_TEST(test_layout_model)
{
	struct layoutset *set = set_main();
	const struct layout *l = set->layouts[0];
	const struct panel *tot = &l->panels[0], *svc = &l->panels[1];
	const struct panel *ag = &l->panels[2], *chat = &l->panels[3];

	ck_assert_uint_eq(l->npanels, 4);
	ck_assert_int_eq(l->key, 1);
	ck_assert_int_eq(tot->kind, PANEL_TOTALS);
	ck_assert_str_eq(tot->cols[0].title, "Waiting");
	ck_assert_uint_eq(tot->nservices, 1);
	ck_assert_int_eq(svc->kind, PANEL_SERVICE_GRID);
	ck_assert_uint_eq(svc->ncols, 4);
	ck_assert_str_eq(svc->order_by, "w");
	ck_assert_uint_eq(svc->order_col, 1);
	ck_assert(svc->order_desc);
	ck_assert_int_eq(svc->limit, 5);
	ck_assert(svc->filter.set);
	ck_assert_int_eq(svc->filter.op, OP_GT);
	ck_assert_uint_eq(svc->filter.col, 1);
	ck_assert_uint_eq(svc->cols[3].nsum, 2);
	/* a service level is bad low */
	ck_assert(!svc->cols[2].th.high_is_bad);
	ck_assert(svc->cols[2].th.has_warn && svc->cols[2].th.has_crit);
	ck_assert_int_eq(ag->kind, PANEL_AGENT_GRID);
	ck_assert(ag->logged_in_only);
	ck_assert_uint_eq(ag->nteams, 1);
	ck_assert_uint_eq(ag->cols[3].ndisp, 1);
	ck_assert(ag->cols[2].ticks);
	ck_assert(ag->cols[2].th.high_is_bad);
	ck_assert_int_eq(chat->kind, PANEL_TICKER);
	ck_assert_int_eq(chat->msg_limit, 5);
	ck_assert_str_eq(chat->msg_filter, "outage");
	layoutset_free(set);
}
END_TEST

/* --- the documented dialect -------------------------------------------- */

START_TEST(test_doc_one_app)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_DOCUMENTED, 0);
	json_t *app;
	static const char *const totals[] = { "in_calls_waiting",
					      "in_average_speed_of_answer",
					      "agents_logged", NULL };

	ck_assert_uint_eq(json_object_size(root), 1);
	app = member(root, "wallboard", JSON_OBJECT);
	json_t *tot;

	assert_strings(member(app, "stats_totals", JSON_ARRAY), totals);
	/*
	 * The three grids, and the one the totals over a service are read
	 * from.
	 */
	ck_assert_uint_eq(
		json_array_size(member(app, "service_grids", JSON_ARRAY)), 4);
	ck_assert_uint_eq(
		json_array_size(member(app, "agent_grids", JSON_ARRAY)), 1);
	tot = grid_by_id(member(app, "service_grids", JSON_ARRAY), "1-tot");
	ck_assert_msg(tot != NULL,
		      "no service grid for the totals over a service");
	ck_assert_uint_eq(json_array_size(member(tot, "columns", JSON_ARRAY)),
			  2);
	column_at(tot, 0, "sel_name", "stat_name", "name");
	column_at(tot, 1, "w", "stat_name", "in_calls_waiting");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_doc_service_grid)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_DOCUMENTED, 0);
	json_t *app = member(root, "wallboard", JSON_OBJECT);
	json_t *grids = member(app, "service_grids", JSON_ARRAY);
	json_t *g = grid_by_id(grids, "1-svc"), *c;
	static const char *const sum[] = { "in_calls_waiting",
					   "out_calls_waiting", NULL };

	ck_assert_msg(g != NULL, "no service grid 1-svc");
	ck_assert_ptr_eq(json_array_get(grids, 0), g);
	ck_assert_uint_eq(json_array_size(member(g, "columns", JSON_ARRAY)), 4);
	c = column_at(g, 0, "name", "stat_name", "name");
	ck_assert_ptr_null(json_object_get(c, "sum_stat_names"));
	ck_assert_ptr_null(json_object_get(c, "dispositions"));
	ck_assert_ptr_null(json_object_get(c, "statName"));
	column_at(g, 1, "w", "stat_name", "in_calls_waiting");
	column_at(g, 2, "sl", "stat_name", "service_level");
	c = column_at(g, 3, "s", "stat_name", "SUM");
	assert_strings(member(c, "sum_stat_names", JSON_ARRAY), sum);
	ck_assert_str_eq(str_member(g, "order_by"), "w");
	ck_assert_str_eq(str_member(g, "order_dir"), "DESC");
	ck_assert_str_eq(str_member(g, "limit"), "5");
	ck_assert_str_eq(str_member(g, "filter_by"), "w");
	ck_assert_str_eq(str_member(g, "filter_operation"), "GT");
	ck_assert_str_eq(str_member(g, "filter_value"), "0");
	/* collection-only members stay out */
	ck_assert_ptr_null(json_object_get(g, "order"));
	ck_assert_ptr_null(json_object_get(g, "service_ids"));
	ck_assert_ptr_null(json_object_get(g, "team_ids"));

	/* an order without a direction is ascending; no limit, no filter */
	g = grid_by_id(grids, "2-svc");
	ck_assert_msg(g != NULL, "no service grid 2-svc");
	ck_assert_str_eq(str_member(g, "order_by"), "nm");
	ck_assert_str_eq(str_member(g, "order_dir"), "ASC");
	ck_assert_ptr_null(json_object_get(g, "limit"));
	ck_assert_ptr_null(json_object_get(g, "filter_by"));
	ck_assert_ptr_null(json_object_get(g, "filter_operation"));
	ck_assert_ptr_null(json_object_get(g, "filter_value"));

	/* no order at all */
	g = grid_by_id(grids, "2-svc2");
	ck_assert_msg(g != NULL, "no service grid 2-svc2");
	ck_assert_ptr_null(json_object_get(g, "order_by"));
	ck_assert_ptr_null(json_object_get(g, "order_dir"));
	column_at(g, 1, "ewt", "stat_name", "in_ewt");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_doc_agent_grid)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_DOCUMENTED, 0);
	json_t *app = member(root, "wallboard", JSON_OBJECT);
	json_t *g = grid_by_id(member(app, "agent_grids", JSON_ARRAY), "1-ag"),
	       *c;
	static const char *const disp[] = { "Product sold", NULL };

	ck_assert_msg(g != NULL, "no agent grid 1-ag");
	/* logged_in_only: the board reads is_logged, a column it adds */
	ck_assert_uint_eq(json_array_size(member(g, "columns", JSON_ARRAY)), 5);
	column_at(g, 4, "sel_logged", "stat_name", "is_logged");
	column_at(g, 0, "n", "stat_name", "first_last_name");
	column_at(g, 1, "st", "stat_name", "acd_state");
	c = column_at(g, 2, "d", "stat_name", "state_duration");
	ck_assert_ptr_null(json_object_get(c, "dispositions"));
	c = column_at(g, 3, "disp", "stat_name", "calls_dispositions_per_day");
	assert_strings(member(c, "dispositions", JSON_ARRAY), disp);
	ck_assert_ptr_null(json_object_get(c, "sum_stat_names"));
	ck_assert_ptr_null(json_object_get(g, "order_by"));
	ck_assert_ptr_null(json_object_get(g, "limit"));
	/* an agent grid is never in the service grid list, and vice versa */
	ck_assert_ptr_null(
		grid_by_id(member(app, "service_grids", JSON_ARRAY), "1-ag"));
	ck_assert_ptr_null(
		grid_by_id(member(app, "agent_grids", JSON_ARRAY), "1-svc"));
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_doc_chat)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_DOCUMENTED, 0);
	json_t *chat = member(member(root, "wallboard", JSON_OBJECT),
			      "chat_messages", JSON_OBJECT);

	ck_assert_str_eq(str_member(chat, "limit"), "5");
	ck_assert_str_eq(str_member(chat, "filter"), "");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/*
 * Without totals and ticker, no stats_totals, service_grids or chat_messages.
 */
START_TEST(test_doc_bare)
{
	static const char *const texts[] = { layout_bare };
	struct layoutset *set = set_of(texts, 1);
	json_t *root = build(set, DIALECT_DOCUMENTED, 0);
	json_t *app = member(root, "wallboard", JSON_OBJECT);
	json_t *g;

	ck_assert_ptr_null(json_object_get(app, "stats_totals"));
	ck_assert_ptr_null(json_object_get(app, "service_grids"));
	ck_assert_ptr_null(json_object_get(app, "chat_messages"));
	g = grid_by_id(member(app, "agent_grids", JSON_ARRAY), "1-a");
	ck_assert_msg(g != NULL, "no agent grid 1-a");
	column_at(g, 0, "n", "stat_name", "login_id");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* Pretty and compact text are the same JSON. */
START_TEST(test_indent_same_json)
{
	struct layoutset *set = set_main();

	for (int d = DIALECT_DOCUMENTED; d <= DIALECT_COLLECTION; d++) {
		char *compact = brightpattern_subscription_build(
			set, (enum api_dialect)d, 0);
		char *pretty = brightpattern_subscription_build(
			set, (enum api_dialect)d, 4);
		json_t *a = json_loads(compact, 0, NULL),
		       *b = json_loads(pretty, 0, NULL);

		ck_assert_ptr_nonnull(a);
		ck_assert_ptr_nonnull(b);
		ck_assert(json_equal(a, b));
		ck_assert_ptr_null(strchr(compact, '\n'));
		ck_assert_ptr_nonnull(strstr(pretty, "\n    \""));
		json_decref(a);
		json_decref(b);
		free(compact);
		free(pretty);
	}
	layoutset_free(set);
}
END_TEST

/* --- the collection dialect --------------------------------------------- */

START_TEST(test_coll_apps)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_COLLECTION, 0);
	static const char *const apps[] = {
		"1-tot", "1-svc", "1-ag", "2-tot", "2-t2", "2-svc", "2-svc2"
	};

	for (size_t i = 0; i < sizeof(apps) / sizeof(apps[0]); i++)
		member(root, apps[i], JSON_OBJECT);
	ck_assert_ptr_null(json_object_get(root, "wallboard"));
	/* the apps above and one for the chat messages */
	ck_assert_uint_eq(json_object_size(root),
			  sizeof(apps) / sizeof(apps[0]) + 1);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_coll_totals)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_COLLECTION, 0);
	json_t *app;
	static const char *const t1[] = { "in_calls_waiting", NULL };
	static const char *const s1[] = { "Voice Inbound", NULL };
	static const char *const t2[] = {
		"in_calls_waiting", "in_average_speed_of_answer", NULL
	};
	static const char *const t3[] = { "agents_logged", NULL };
	static const char *const none[] = { NULL };

	app = member(root, "1-tot", JSON_OBJECT);
	assert_strings(member(app, "stats_totals", JSON_ARRAY), t1);
	assert_strings(member(app, "stats_totals_service_ids", JSON_ARRAY), s1);
	assert_strings(member(app, "stats_totals_dispositions", JSON_ARRAY),
		       none);
	ck_assert_ptr_null(json_object_get(app, "agent_grids"));
	ck_assert_ptr_null(json_object_get(app, "service_grids"));

	app = member(root, "2-tot", JSON_OBJECT);
	assert_strings(member(app, "stats_totals", JSON_ARRAY), t2);
	assert_strings(member(app, "stats_totals_service_ids", JSON_ARRAY),
		       none);

	app = member(root, "2-t2", JSON_OBJECT);
	assert_strings(member(app, "stats_totals", JSON_ARRAY), t3);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_coll_service_grid)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_COLLECTION, 0);
	json_t *app = member(root, "1-svc", JSON_OBJECT);
	json_t *grids = member(app, "service_grids", JSON_ARRAY);
	json_t *g = json_array_get(grids, 0), *c, *ord, *o0;
	static const char *const sum[] = { "in_calls_waiting",
					   "out_calls_waiting", NULL };
	static const char *const none[] = { NULL };
	static const char *const svcs[] = { "Voice Inbound", "Email Svc",
					    NULL };

	ck_assert_uint_eq(json_array_size(grids), 1);
	ck_assert_ptr_null(json_object_get(app, "agent_grids"));
	ck_assert_str_eq(str_member(g, "id"), "1-svc");
	c = column_at(g, 0, "name", "statName", "name");
	ck_assert_ptr_null(json_object_get(c, "stat_name"));
	column_at(g, 1, "w", "statName", "in_calls_waiting");
	column_at(g, 2, "sl", "statName", "service_level");
	c = column_at(g, 3, "s", "statName", "SUM");
	assert_strings(member(c, "sum_stat_names", JSON_ARRAY), sum);

	ord = member(g, "order", JSON_ARRAY);
	ck_assert_uint_eq(json_array_size(ord), 1);
	o0 = json_array_get(ord, 0);
	ck_assert_str_eq(str_member(o0, "by"), "w");
	ck_assert_str_eq(str_member(o0, "dir"), "DESC");
	ck_assert_ptr_null(json_object_get(g, "order_by"));
	ck_assert_ptr_null(json_object_get(g, "order_dir"));
	ck_assert_int_eq(json_integer_value(member(g, "limit", JSON_INTEGER)),
			 5);
	ck_assert_str_eq(str_member(g, "filter_by"), "w");
	ck_assert_str_eq(str_member(g, "filter_operation"), "GT");
	ck_assert_str_eq(str_member(g, "filter_value"), "0");
	assert_strings(member(g, "service_ids", JSON_ARRAY), none);
	ck_assert_ptr_null(json_object_get(g, "team_ids"));
	ck_assert_ptr_null(json_object_get(g, "logged_in_agents_only"));

	g = json_array_get(member(member(root, "2-svc", JSON_OBJECT),
				  "service_grids", JSON_ARRAY),
			   0);
	ck_assert_str_eq(str_member(g, "id"), "2-svc");
	o0 = json_array_get(member(g, "order", JSON_ARRAY), 0);
	ck_assert_str_eq(str_member(o0, "by"), "nm");
	ck_assert_str_eq(str_member(o0, "dir"), "ASC");
	ck_assert_ptr_null(json_object_get(g, "limit"));

	g = json_array_get(member(member(root, "2-svc2", JSON_OBJECT),
				  "service_grids", JSON_ARRAY),
			   0);
	ck_assert_str_eq(str_member(g, "id"), "2-svc2");
	ck_assert_ptr_null(json_object_get(g, "order"));
	assert_strings(member(g, "service_ids", JSON_ARRAY), svcs);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_coll_agent_grid)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_COLLECTION, 0);
	json_t *app = member(root, "1-ag", JSON_OBJECT);
	json_t *grids = member(app, "agent_grids", JSON_ARRAY);
	json_t *g = json_array_get(grids, 0), *c;
	static const char *const teams[] = { "Customer Service", NULL };
	static const char *const disp[] = { "Product sold", NULL };
	static const char *const none[] = { NULL };

	ck_assert_uint_eq(json_array_size(grids), 1);
	ck_assert_ptr_null(json_object_get(app, "service_grids"));
	ck_assert_str_eq(str_member(g, "id"), "1-ag");
	column_at(g, 0, "n", "statName", "first_last_name");
	column_at(g, 1, "st", "statName", "acd_state");
	column_at(g, 2, "d", "statName", "state_duration");
	c = column_at(g, 3, "disp", "statName", "calls_dispositions_per_day");
	assert_strings(member(c, "dispositions", JSON_ARRAY), disp);
	assert_strings(member(g, "team_ids", JSON_ARRAY), teams);
	assert_strings(member(g, "service_ids", JSON_ARRAY), none);
	ck_assert(json_is_true(member(g, "logged_in_agents_only", JSON_TRUE)));
	ck_assert_ptr_null(json_object_get(g, "order"));
	ck_assert_ptr_null(json_object_get(g, "limit"));
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* Names become the server's ids where a map knows them; others stay. */
START_TEST(test_coll_ids_mapped)
{
	struct layoutset *set = set_main();
	char *tn[] = { "Customer Service" }, *ti[] = { "F4ED90FA-TEAM" };
	char *sn[] = { "Voice Inbound" }, *si[] = { "E66F7A0C-SVC" };
	struct id_map teams = { 1, tn, ti }, services = { 1, sn, si };
	char *text = brightpattern_subscription_build_ids(
		set, DIALECT_COLLECTION, 0, &teams, &services);
	json_t *root = json_loads(text, 0, NULL);
	json_t *g = json_array_get(member(member(root, "1-ag", JSON_OBJECT),
					  "agent_grids", JSON_ARRAY), 0);
	json_t *tot = member(root, "1-tot", JSON_OBJECT);
	json_t *svc2 =
		json_array_get(member(member(root, "2-svc2", JSON_OBJECT),
				      "service_grids", JSON_ARRAY),
			       0);
	static const char *const want_teams[] = { "F4ED90FA-TEAM", NULL };
	static const char *const want_tot[] = { "E66F7A0C-SVC", NULL };
	static const char *const want_svc2[] = { "E66F7A0C-SVC", "Email Svc",
						 NULL };

	ck_assert_ptr_nonnull(root);
	assert_strings(member(g, "team_ids", JSON_ARRAY), want_teams);
	assert_strings(member(tot, "stats_totals_service_ids", JSON_ARRAY),
		       want_tot);
	assert_strings(member(svc2, "service_ids", JSON_ARRAY), want_svc2);
	ck_assert(brightpattern_subscription_has_selections(set));
	json_decref(root);
	free(text);
	layoutset_free(set);
}
END_TEST

START_TEST(test_coll_agent_grid_defaults)
{
	static const char *const texts[] = { layout_bare };
	struct layoutset *set = set_of(texts, 1);
	json_t *root = build(set, DIALECT_COLLECTION, 0);
	json_t *g = json_array_get(member(member(root, "1-a", JSON_OBJECT),
					  "agent_grids", JSON_ARRAY), 0);
	static const char *const none[] = { NULL };

	ck_assert_uint_eq(json_object_size(root), 1);
	ck_assert_str_eq(str_member(g, "id"), "1-a");
	assert_strings(member(g, "team_ids", JSON_ARRAY), none);
	ck_assert(
		json_is_false(member(g, "logged_in_agents_only", JSON_FALSE)));
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_coll_chat)
{
	struct layoutset *set = set_main();
	json_t *root = build(set, DIALECT_COLLECTION, 0);
	json_t *app = member(root, "chat", JSON_OBJECT);
	json_t *chat = member(app, "chat_messages", JSON_OBJECT);

	ck_assert_int_eq(
		json_integer_value(member(chat, "limit", JSON_INTEGER)), 5);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* The chat request asks for the largest ticker limit of all layouts. */
START_TEST(test_chat_largest_limit)
{
	static const char *const texts[] = { layout_one, layout_ticker_big };
	struct layoutset *set = set_of(texts, 2);
	json_t *root = build(set, DIALECT_DOCUMENTED, 0);
	json_t *chat = member(member(root, "wallboard", JSON_OBJECT),
			      "chat_messages", JSON_OBJECT);

	ck_assert_int_eq(set->msg_limit, 30);
	ck_assert_str_eq(str_member(chat, "limit"), "30");
	json_decref(root);
	root = build(set, DIALECT_COLLECTION, 0);
	chat = member(member(root, "chat", JSON_OBJECT), "chat_messages",
		      JSON_OBJECT);
	ck_assert_int_eq(
		json_integer_value(member(chat, "limit", JSON_INTEGER)), 30);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* A ticker alone: the default limit, and nothing but chat in the request. */
START_TEST(test_chat_only)
{
	static const char *const texts[] = { layout_ticker_default };
	struct layoutset *set = set_of(texts, 1);
	json_t *root = build(set, DIALECT_DOCUMENTED, 0);
	json_t *app = member(root, "wallboard", JSON_OBJECT);

	ck_assert_uint_eq(set->ngrids, 0);
	ck_assert_uint_eq(set->ntotals, 0);
	ck_assert_uint_eq(json_object_size(app), 1);
	ck_assert_str_eq(
		str_member(member(app, "chat_messages", JSON_OBJECT), "limit"),
		"20");
	json_decref(root);
	root = build(set, DIALECT_COLLECTION, 0);
	ck_assert_uint_eq(json_object_size(root), 1);
	member(root, "chat", JSON_OBJECT);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* --- brightpattern_subscription_grid_in ---------------------------------- */

struct grid_in_case {
	const char *message;
	const char *key;	/* NULL: no grid */
};

static const struct grid_in_case grid_in_cases[] = {
	{ "grid 1-svc has too many columns", "1-svc" },
	{ "grid 1-ag: unknown statistic", "1-ag" },
	{ "2-svc", "2-svc" },
	/* "2-svc" is in "2-svc2": the longer key wins, wherever it is */
	{ "grid 2-svc2 has too many columns", "2-svc2" },
	{ "bad column in 2-svc2", "2-svc2" },
	{ "2-svc2 and 2-svc", "2-svc2" },
	{ "unknown statistic foo", NULL },
	{ "", NULL },
	{ "1-sv", NULL },
	{ "grid 3-svc", NULL },
};

START_TEST(test_grid_in)
{
	const struct grid_in_case *k = &grid_in_cases[_i];
	struct layoutset *set = set_main();
	const struct grid_ref *g =
		brightpattern_subscription_grid_in(set, k->message);

	if (k->key == NULL) {
		ck_assert_msg(g == NULL, "\"%s\" gave grid %s", k->message,
			      g ? g->key : "");
	} else {
		ck_assert_msg(g != NULL, "\"%s\" gave no grid", k->message);
		ck_assert_str_eq(g->key, k->key);
		ck_assert_ptr_eq(g, &set->grids[g->panel->gid]);
	}
	layoutset_free(set);
}
END_TEST

START_TEST(test_grid_in_maps_back)
{
	struct layoutset *set = set_main();
	const struct grid_ref *g;

	g = brightpattern_subscription_grid_in(
		set, "grid 1-ag has too many columns");
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->layout_index, 0);
	ck_assert_ptr_eq(g->layout, set->layouts[0]);
	ck_assert_str_eq(g->layout->title, "T");
	ck_assert_str_eq(g->panel->id, "ag");
	g = brightpattern_subscription_grid_in(
		set, "grid 2-svc2 has too many columns");
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->layout_index, 1);
	ck_assert_str_eq(g->layout->title, "Second");
	ck_assert_str_eq(g->panel->id, "svc2");
	ck_assert_ptr_null(brightpattern_subscription_grid_in(set, NULL));
	layoutset_free(set);
}
END_TEST

static Suite *subscription_suite(void)
{
	Suite *s = suite_create("subscription");
	TCase *tc;

	tc = tcase_create("layoutset");
	tcase_add_test(tc, test_layoutset_shape);
	tcase_add_test(tc, test_layout_model);
	suite_add_tcase(s, tc);

	tc = tcase_create("documented");
	tcase_add_test(tc, test_doc_one_app);
	tcase_add_test(tc, test_doc_service_grid);
	tcase_add_test(tc, test_doc_agent_grid);
	tcase_add_test(tc, test_doc_chat);
	tcase_add_test(tc, test_doc_bare);
	tcase_add_test(tc, test_indent_same_json);
	suite_add_tcase(s, tc);

	tc = tcase_create("collection");
	tcase_add_test(tc, test_coll_apps);
	tcase_add_test(tc, test_coll_totals);
	tcase_add_test(tc, test_coll_service_grid);
	tcase_add_test(tc, test_coll_agent_grid);
	tcase_add_test(tc, test_coll_agent_grid_defaults);
	tcase_add_test(tc, test_coll_ids_mapped);
	tcase_add_test(tc, test_coll_chat);
	tcase_add_test(tc, test_chat_largest_limit);
	tcase_add_test(tc, test_chat_only);
	suite_add_tcase(s, tc);

	tc = tcase_create("brightpattern_subscription_grid_in");
	tcase_add_loop_test(
		tc, test_grid_in, 0,
		(int)(sizeof(grid_in_cases) / sizeof(grid_in_cases[0])));
	tcase_add_test(tc, test_grid_in_maps_back);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(subscription_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
