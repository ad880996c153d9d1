/*
 * check_deployment.c - unit tests of statistics a Genesys deployment
 * defines itself: a layout may name one the catalogue does not know when
 * its column gives a format (a warning, not an error; the other sources
 * still refuse it), the subscription opens it on the objects of its panel,
 * its values are read as its format says, and the JSON type of every
 * value read is recorded for --probe.
 */
#include "autoconf.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* Columns of the agent grid of layout_dep (gid 0). */
enum { DEP_ID, DEP_STATE, DEP_NUMBER };

static const char layout_dep[] =
	"title = \"Deployment\" provider = \"genesys\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"m\" { stat = \"MyCount\" format = count } }\n"
	"  panel \"two\" { type = totals\n"
	"    services = {\"Sales\", \"Support\"}\n"
	"    column \"c\" { stat = \"MyCount\" format = count }\n"
	"    column \"d\" { stat = \"MyWait\" format = duration }\n"
	"    column \"p\" { stat = \"MyShare\" format = percent } }\n"
	"  panel \"ag\" { type = agent_grid\n"
	"    column \"id\" { stat = \"ObjectId\" }\n"
	"    column \"st\" { stat = \"MyState\" format = state }\n"
	"    column \"n\" { stat = \"MyNumber\" format = decimal } }\n"
	"  panel \"sv\" { type = service_grid\n"
	"    column \"x\" { stat = \"MyQueueStat\" format = count }\n"
	"    column \"s\" { stat = \"SUM\"\n"
	"      sum = {\"TotalNumberCallsAnswered\", \"MyQueueExtra\"} } }\n"
	"}\n";

/* Load a layout for provider; its errors and warnings in errs and warns. */
static struct layout *load(const char *provider, const char *text,
			   struct errlist *errs, struct errlist *warns)
{
	return layout_load_text("dep", text, provider, errs, warns);
}

/* A layoutset of one layout that loads, warnings allowed. */
static struct layoutset *dep_set(const char *text)
{
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = load("genesys", text, &errs, &warns);
	struct layoutset *set;

	testlib_no_messages("layout error", &errs);
	errlist_free(&warns);
	set = layoutset_new(&l, 1, &errs);
	testlib_no_messages("layoutset error", &errs);
	return set;
}

/* True when a message of e is exactly text. */
static bool has_msg(const struct errlist *e, const char *text)
{
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->msgs[i], text) == 0)
			return true;
	return false;
}

/* --- the layout ---------------------------------------------------------- */

/* With a format: taken, each listed as a warning at its line. */
START_TEST(test_layout_with_format)
{
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = load("genesys", layout_dep, &errs, &warns);

	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert(has_msg(&warns, "dep:4: statistic \"MyCount\" is not in the "
			  "genesys catalogue: shown as count"));
	ck_assert(has_msg(&warns, "dep:8: statistic \"MyWait\" is not in the "
			  "genesys catalogue: shown as duration"));
	ck_assert(has_msg(&warns, "dep:12: statistic \"MyState\" is not in the "
			  "genesys catalogue: shown as state"));
	ck_assert(has_msg(&warns,
			  "dep:17: statistic \"MyQueueExtra\" in sum is not in "
			  "the genesys catalogue: shown as a number in the "
			  "sum"));
	/* The catalogue still gives the names it knows. */
	ck_assert_ptr_nonnull(l->panels[2].cols[0].info);
	ck_assert_int_eq(l->panels[2].cols[0].fmt, FMT_TEXT);
	ck_assert_int_eq(l->panels[1].cols[1].fmt, FMT_DURATION);
	ck_assert_ptr_null(l->panels[1].cols[1].info);
	layout_free(l);
	errlist_free(&warns);
}
END_TEST

static const struct {
	const char *provider;
	const char *column;	/* the column at line 3 */
	const char *error;	/* the error, NULL: a warning only */
} unknown_cases[] = {
	{ "genesys", "column \"x\" { stat = \"MyStat\" }",
	  "dep:3: unknown statistic \"MyStat\" (not in the genesys catalogue): "
	  "a statistic your deployment defines needs format = count, duration, "
	  "percent, decimal, text, state or time in its column" },
	{ "genesys", "column \"x\" { stat = \"MyStat\" format = auto }",
	  "dep:3: unknown statistic \"MyStat\" (not in the genesys catalogue): "
	  "a statistic your deployment defines needs format = count, duration, "
	  "percent, decimal, text, state or time in its column" },
	{ "genesys", "column \"x\" { stat = \"MyStat\" format = text }", NULL },
	/*
	 * The other sources' catalogues are closed: a format changes nothing.
	 */
	{ "brightpattern", "column \"x\" { stat = \"MyStat\" format = count }",
	  "dep:3: unknown statistic \"MyStat\" (not in the brightpattern "
	  "catalogue)" },
	{ "8x8", "column \"x\" { stat = \"MyStat\" format = count }",
	  "dep:3: unknown statistic \"MyStat\" (not in the 8x8 catalogue)" },
};

START_TEST(test_layout_unknown)
{
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	char *text = xasprintf("title = \"T\" provider = \"%s\"\n"
			       "row { panel \"p\" { type = totals\n"
			       "  %s } }\n", unknown_cases[_i].provider,
			       unknown_cases[_i].column);
	struct layout *l =
		load(unknown_cases[_i].provider, text, &errs, &warns);

	if (unknown_cases[_i].error == NULL) {
		ck_assert_ptr_nonnull(l);
		ck_assert_uint_eq(warns.n, 1);
		ck_assert_str_eq(warns.msgs[0],
				 "dep:3: statistic \"MyStat\" is not "
				 "in the genesys catalogue: shown as text");
	} else {
		ck_assert_ptr_null(l);
		ck_assert_msg(has_msg(&errs, unknown_cases[_i].error),
			      "no error \"%s\" (first: %s)",
			      unknown_cases[_i].error,
			      errs.n ? errs.msgs[0] : "none");
	}
	layout_free(l);
	errlist_free(&errs);
	errlist_free(&warns);
	free(text);
}
END_TEST

/* --- the subscription ---------------------------------------------------- */

/* The statistic with this statisticId in a subscription body, or NULL. */
static json_t *stat_of(json_t *root, const char *id)
{
	json_t *list =
		json_object_get(json_object_get(root, "data"), "statistics");
	json_t *st;
	size_t i;

	json_array_foreach(list, i, st)
		if (strcmp(json_string_value(json_object_get(st, "statisticI"
								 "d")),
			   id) == 0)
			return st;
	return NULL;
}

/* Assert the statistic of id is name opened on object oid of type. */
static void assert_opened(json_t *root, const char *id, const char *name,
			  const char *oid, const char *type)
{
	json_t *st = stat_of(root, id);

	ck_assert_msg(st != NULL, "no statistic %s", id);
	ck_assert_str_eq(json_string_value(json_object_get(st, "name")), name);
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectId")),
			 oid);
	ck_assert_str_eq(json_string_value(json_object_get(st, "objectType")),
			 type);
}

/*
 * A deployment's statistic is opened on its panel's objects: the agents,
 * the queues, the Tenant, or the queues a totals panel names.
 */
START_TEST(test_subscription_objects)
{
	struct layoutset *set = dep_set(layout_dep);
	char *text = genesys_subscription_build(set, &objs, NULL, NULL, NULL);
	json_t *root = json_loads(text, 0, NULL);
	size_t tenant = testlib_tid_of(set, "MyCount", "");
	size_t two = testlib_tid_of(set, "MyWait", "Sales\nSupport");
	char id[32];

	ck_assert_ptr_nonnull(root);
	assert_opened(root, "g0.1.1", "MyState", "a2", "Agent");
	assert_opened(root, "g0.2.2", "MyNumber", "a3", "Agent");
	assert_opened(root, "g1.1.0", "MyQueueStat", "Q2", "Queue");
	assert_opened(root, "g1.0.1.1", "MyQueueExtra", "Q1", "Queue");
	snprintf(id, sizeof(id), "t%zu.0", tenant);
	assert_opened(root, id, "MyCount", "Environment", "Tenant");
	snprintf(id, sizeof(id), "t%zu.1", two);
	assert_opened(root, id, "MyWait", "Support", "Queue");
	json_decref(root);
	free(text);
	layoutset_free(set);
}
END_TEST

/* --- values -------------------------------------------------------------- */

/* An answer of the given statistics (a JSON list's inside), accepted. */
static struct snapshot *values(const char *stats, const struct layoutset *set)
{
	char err[256];
	char *body = xasprintf("{\"data\":{\"statistics\":[%s]}}", stats);
	struct snapshot *s = genesys_parse_values(
		body, strlen(body), set, &objs, NULL, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	free(body);
	return s;
}

/* Values are read as the format says: a state, totals combined by kind. */
START_TEST(test_values_by_format)
{
	struct layoutset *set = dep_set(layout_dep);
	size_t c = testlib_tid_of(set, "MyCount", "Sales\nSupport");
	size_t d = testlib_tid_of(set, "MyWait", "Sales\nSupport");
	size_t p = testlib_tid_of(set, "MyShare", "Sales\nSupport");
	char *stats = xasprintf(
		"{\"statisticId\":\"g0.0.1\",\"value\":{\"state\":"
		"\"WaitForNextCall\"}},"
		"{\"statisticId\":\"g0.0.2\",\"value\":{\"value\":2.5}},"
		"{\"statisticId\":\"t%zu.0\",\"value\":{\"value\":3}},"
		"{\"statisticId\":\"t%zu.1\",\"value\":{\"value\":4}},"
		"{\"statisticId\":\"t%zu.0\",\"value\":{\"value\":30}},"
		"{\"statisticId\":\"t%zu.1\",\"value\":{\"value\":90}},"
		"{\"statisticId\":\"t%zu.0\",\"value\":{\"value\":80}},"
		"{\"statisticId\":\"t%zu.1\",\"value\":{\"value\":90}}",
		c, c, d, d, p, p);
	struct snapshot *s = values(stats, set);

	assert_cell(s, 0, 0, DEP_STATE, "ready");
	assert_cell(s, 0, 0, DEP_NUMBER, "2.5");
	assert_total(s, c, "7");	/* counts add up */
	assert_total(s, d, "90");	/* durations: the longest */
	assert_total(s, p, "85");	/* shares: the mean */
	snapshot_free(s);
	free(stats);
	layoutset_free(set);
}
END_TEST

/* The bit of a JSON type in json_seen. */
#define SEEN(t) (1u << (t))

/*
 * The JSON type of each value read, for --probe: the scalar's, else its own.
 */
START_TEST(test_json_types)
{
	struct layoutset *set = dep_set(layout_dep);
	size_t t = testlib_tid_of(set, "MyCount", "");
	char *stats = xasprintf(
		"{\"statisticId\":\"g0.0.1\",\"value\":{\"state\":\"Ready\"}},"
		"{\"statisticId\":\"g0.0.2\",\"value\":{\"value\":2.5}},"
		"{\"statisticId\":\"g0.1.2\",\"value\":7},"
		"{\"statisticId\":\"g0.2.2\",\"value\":null},"
		"{\"statisticId\":\"g1.0.1.0\",\"value\":{\"value\":\"4\"}},"
		"{\"statisticId\":\"g1.0.0\"},"
		"{\"statisticId\":\"t%zu.0\",\"value\":{\"x\":1}}", t);
	struct snapshot *s = values(stats, set);

	ck_assert_uint_eq(s->grids[0].json_seen[DEP_STATE], SEEN(JSON_STRING));
	ck_assert_uint_eq(s->grids[0].json_seen[DEP_NUMBER],
			  SEEN(JSON_REAL) | SEEN(JSON_INTEGER) |
				  SEEN(JSON_NULL));
	ck_assert_uint_eq(s->grids[0].json_seen[DEP_ID], 0);
	ck_assert_uint_eq(s->grids[1].json_seen[1], SEEN(JSON_STRING));
	/* Sent without a value: nothing seen. */
	ck_assert_uint_eq(s->grids[1].json_seen[0], 0);
	ck_assert_uint_eq(s->total_json_seen[t], SEEN(JSON_OBJECT));
	snapshot_free(s);
	free(stats);
	layoutset_free(set);
}
END_TEST

/* A peeked value's type is recorded too. */
START_TEST(test_json_types_peeked)
{
	static const char text[] =
		"title = \"Peek\" provider = \"genesys\"\n"
		"row { panel \"q\" { type = totals\n"
		"  column \"e\" { stat = \"ExpectedWaitTime\" } } }\n";
	struct layoutset *set = set_of(text);
	struct snapshot *s = snapshot_new(set);
	const char *body =
		"{\"data\":{\"statistic\":{\"name\":\"ExpectedWaitTime\","
		"\"objectId\":\"Environment\",\"objectType\":\"Tenant\","
		"\"value\":{\"value\":12}}}}";
	char err[128];

	ck_assert(genesys_parse_peeked(body, strlen(body), set, &objs, s, NULL,
				       err, sizeof(err)));
	assert_total(s, 0, "12");
	ck_assert_uint_eq(s->total_json_seen[0], SEEN(JSON_INTEGER));
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

static Suite *deployment_suite(void)
{
	Suite *s = suite_create("genesys_deployment");
	TCase *tc = tcase_create("layout");

	tcase_add_test(tc, test_layout_with_format);
	tcase_add_loop_test(tc, test_layout_unknown, 0,
			    WB_ARRAY_LEN(unknown_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("subscription");
	tcase_add_test(tc, test_subscription_objects);
	suite_add_tcase(s, tc);
	tc = tcase_create("values");
	tcase_add_test(tc, test_values_by_format);
	tcase_add_test(tc, test_json_types);
	tcase_add_test(tc, test_json_types_peeked);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(deployment_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
