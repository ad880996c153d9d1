/*
 * check_subscription.c - unit tests of the Genesys Statistics API v3
 * catalogue (catalog.c) and of what is asked of the server (parse.[ch]).
 *
 * The catalogue is sorted (catalog_find bisects it) and says what the spec
 * says. The subscription body is read back with jansson: the statisticId,
 * objectId, objectType and name of agent grid cells and SUM statistics,
 * service grids over the panel's services and over every queue, totals over
 * the tenant and over two services, in a fixed order; an object id that is
 * not UTF-8 is left out. The subscription id is taken from an answer only
 * when the answer did not fail and the id can go into a request path as
 * it is. Statistics that are peeked (ExpectedWaitTime) stay out of the
 * subscription, go into one get-statistic-ex body, and their answers fill
 * cells and totals by name and object.
 */
#include "autoconf.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fixture.h"

/* --- the catalogue ------------------------------------------------------- */

START_TEST(test_catalog_sorted)
{
	const struct catalog *cat = &catalog_genesys;

	ck_assert_uint_gt(cat->n, 20);
	for (size_t i = 1; i < cat->n; i++)
		ck_assert_msg(
			strcmp(cat->stats[i - 1].name, cat->stats[i].name) < 0,
			"\"%s\" sorts after \"%s\"", cat->stats[i - 1].name,
			cat->stats[i].name);
	for (size_t i = 0; i < cat->n; i++)
		ck_assert_ptr_eq(catalog_find(cat, cat->stats[i].name),
				 &cat->stats[i]);
}
END_TEST

START_TEST(test_catalog_entries)
{
	const struct catalog *cat = catalog_for("genesys");
	const struct stat_info *i;

	ck_assert_ptr_eq(cat, &catalog_genesys);
	ck_assert_str_eq(cat->provider, "genesys");
	ck_assert_ptr_null(cat->derive);
	ck_assert_uint_eq(cat->nderive, 0);
	ck_assert(!cat->messages);

	i = catalog_find(cat, "ObjectId");
	ck_assert_ptr_nonnull(i);
	ck_assert_int_eq(i->kind, STAT_TEXT);
	ck_assert_uint_eq(i->scope, STAT_SCOPE_AGENT | STAT_SCOPE_SERVICE);
	i = catalog_find(cat, "CurrentAgentState");
	ck_assert_int_eq(i->kind, STAT_STATE);
	ck_assert_uint_eq(i->scope, STAT_SCOPE_AGENT);
	i = catalog_find(cat, "TimeInCurrentState");
	ck_assert_int_eq(i->kind, STAT_DURATION);
	ck_assert(i->flags & STAT_TICKS);
	i = catalog_find(cat, "CurrMaxCallWaitingTime");
	ck_assert_int_eq(i->kind, STAT_DURATION);
	ck_assert(i->flags & STAT_TICKS);
	ck_assert_uint_eq(i->scope, STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL);
	i = catalog_find(cat, "ServiceFactor1");
	ck_assert_int_eq(i->kind, STAT_PERCENT);
	ck_assert(i->pct_scale == 1);
	i = catalog_find(cat, "PercentageCallsAbandoned");
	ck_assert_int_eq(i->kind, STAT_PERCENT);
	ck_assert(i->pct_scale == 1);
	i = catalog_find(cat, "TotalNumberOutboundCalls");
	ck_assert_int_eq(i->kind, STAT_COUNT);
	ck_assert_uint_eq(i->scope, STAT_SCOPE_AGENT);
	i = catalog_find(cat, "ExpectedWaitTime");
	ck_assert_int_eq(i->kind, STAT_DURATION);
	ck_assert(!(i->flags & STAT_TICKS));
	ck_assert_ptr_null(catalog_find(cat, "currentagentstate"));
	ck_assert_ptr_null(catalog_find(cat, "agents_ready"));
}
END_TEST

/* --- the subscription body ----------------------------------------------- */

/* Build the subscription and read it back. */
static json_t *built(const struct layoutset *set,
		     const struct genesys_objects *o, const char *op,
		     size_t *count)
{
	char *text = genesys_subscription_build(set, o, NULL, op, count);
	json_t *root;

	ck_assert_ptr_nonnull(text);
	ck_assert_msg(strchr(text, '\n') == NULL &&
			      strstr(text, "\": ") == NULL,
		      "not compact: %s", text);
	root = json_loads(text, 0, NULL);
	ck_assert_msg(root != NULL, "not JSON: %s", text);
	free(text);
	return root;
}

/* The subscription's list of statistics. */
static json_t *stat_list(json_t *root)
{
	json_t *list =
		json_object_get(json_object_get(root, "data"), "statistics");

	ck_assert(json_is_array(list));
	return list;
}

/* The statistic of a subscription with a statisticId, or NULL. */
static json_t *stat_by_id(json_t *root, const char *id)
{
	json_t *list = stat_list(root), *st;
	size_t i;

	json_array_foreach(list, i, st)
		if (strcmp(json_string_value(json_object_get(st, "statisticI"
								 "d")),
			   id) == 0)
			return st;
	return NULL;
}

/* A member of a statistic as a string ("" when absent). */
static const char *member(json_t *st, const char *key)
{
	const char *v = json_string_value(json_object_get(st, key));

	return v ? v : "";
}

/* Assert the subscription has a statistic, with these members only. */
static void assert_stat(json_t *root, const char *id, const char *oid,
			const char *type, const char *name)
{
	json_t *st = stat_by_id(root, id);

	ck_assert_msg(st != NULL, "no statistic %s", id);
	ck_assert_uint_eq(json_object_size(st), 4);
	ck_assert_str_eq(member(st, "objectId"), oid);
	ck_assert_str_eq(member(st, "objectType"), type);
	ck_assert_str_eq(member(st, "name"), name);
}

START_TEST(test_sub_agent_grid)
{
	struct layoutset *set = set_of(layout_main);
	json_t *root = built(set, &objs, "op-1", NULL);

	ck_assert_str_eq(
		json_string_value(json_object_get(root, "operationId")),
		"op-1");
	assert_stat(root, "g0.0.1", "a1", "Agent", "CurrentAgentState");
	assert_stat(root, "g0.0.2", "a1", "Agent", "TimeInCurrentState");
	assert_stat(root, "g0.1.1", "a2", "Agent", "CurrentAgentState");
	assert_stat(root, "g0.2.4", "a3", "Agent", "CurrentNotReadyReason");
	/* SUM: one statistic per summed name, none for the column itself. */
	assert_stat(root, "g0.2.3.0", "a3", "Agent", "TotalNumberInboundCalls");
	assert_stat(root, "g0.2.3.1", "a3", "Agent",
		    "TotalNumberOutboundCalls");
	ck_assert_ptr_null(stat_by_id(root, "g0.2.3"));
	ck_assert_ptr_null(stat_by_id(root, "g0.2.3.2"));
	/* ObjectId is the row's id, not a statistic. */
	ck_assert_ptr_null(stat_by_id(root, "g0.0.0"));
	ck_assert_ptr_null(stat_by_id(root, "g0.3.1"));
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_sub_service_grids)
{
	struct layoutset *set = set_of(layout_main);
	json_t *root = built(set, &objs, "op", NULL);

	/* No services named: every queue. */
	assert_stat(root, "g1.0.1", "Q1", "Queue", "CurrNumberWaitingCalls");
	assert_stat(root, "g1.1.1", "Q2", "Queue", "CurrNumberWaitingCalls");
	ck_assert_ptr_null(stat_by_id(root, "g1.0.0"));
	ck_assert_ptr_null(stat_by_id(root, "g1.2.1"));
	/* Services named: those, not the queue list. */
	assert_stat(root, "g2.0.0", "Sales", "Queue", "CurrNumberWaitingCalls");
	ck_assert_ptr_null(stat_by_id(root, "g2.1.0"));
	ck_assert_ptr_null(stat_by_id(root, "g2.0.1"));
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_sub_totals)
{
	struct layoutset *set = set_of(layout_main);
	json_t *root = built(set, &objs, "op", NULL);
	char id[64];
	size_t t;

	t = testlib_tid_of(set, "CurrNumberWaitingCalls", "");
	snprintf(id, sizeof(id), "t%zu.0", t);
	assert_stat(root, id, "Environment", "Tenant",
		    "CurrNumberWaitingCalls");
	snprintf(id, sizeof(id), "t%zu.1", t);
	ck_assert_ptr_null(stat_by_id(root, id));
	t = testlib_tid_of(set, "ServiceFactor1", "");
	snprintf(id, sizeof(id), "t%zu.0", t);
	assert_stat(root, id, "Environment", "Tenant", "ServiceFactor1");

	t = testlib_tid_of(set, "CurrNumberWaitingCalls", "Sales\nSupport");
	snprintf(id, sizeof(id), "t%zu.0", t);
	assert_stat(root, id, "Sales", "Queue", "CurrNumberWaitingCalls");
	snprintf(id, sizeof(id), "t%zu.1", t);
	assert_stat(root, id, "Support", "Queue", "CurrNumberWaitingCalls");
	snprintf(id, sizeof(id), "t%zu.2", t);
	ck_assert_ptr_null(stat_by_id(root, id));
	t = testlib_tid_of(set, "PercentageCallsAbandoned", "Sales\nSupport");
	snprintf(id, sizeof(id), "t%zu.1", t);
	assert_stat(root, id, "Support", "Queue", "PercentageCallsAbandoned");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* Grids by gid, rows, columns (SUM's statistics in turn), then totals. */
START_TEST(test_sub_order_and_count)
{
	static const char *const head[] = {
		"g0.0.1", "g0.0.2", "g0.0.3.0", "g0.0.3.1", "g0.0.4",
		"g0.1.1", "g0.1.2", "g0.1.3.0", "g0.1.3.1", "g0.1.4",
		"g0.2.1", "g0.2.2", "g0.2.3.0", "g0.2.3.1", "g0.2.4",
		"g1.0.1", "g1.1.1", "g2.0.0",
	};
	struct layoutset *set = set_of(layout_main);
	size_t count = 0, i, ntot = 0;
	json_t *root = built(set, &objs, "op", &count), *list = stat_list(root),
	       *st;
	char *a, *b;

	/*
	 * 3 agents x 5, 2 queues, 1 service; 3 tenant totals, 4 x 2 services.
	 */
	ck_assert_uint_eq(count, 15 + 2 + 1 + 3 + 8);
	ck_assert_uint_eq(json_array_size(list), count);
	for (i = 0; i < WB_ARRAY_LEN(head); i++)
		ck_assert_str_eq(member(json_array_get(list, i), "statisticId"),
				 head[i]);
	for (; i < json_array_size(list); i++) {
		st = json_array_get(list, i);
		ck_assert_int_eq(member(st, "statisticId")[0], 't');
		ntot++;
	}
	ck_assert_uint_eq(ntot, 11);
	st = json_array_get(list, WB_ARRAY_LEN(head));
	ck_assert_str_eq(member(st, "statisticId"), "t0.0");
	/* Built twice: the same text. */
	a = genesys_subscription_build(set, &objs, NULL, "op", NULL);
	b = genesys_subscription_build(set, &objs, NULL, "op", NULL);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_sub_no_tenant_no_operation)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_objects o = objs;
	size_t count = 0;
	json_t *root, *list, *st;
	size_t i;

	o.tenant = NULL;
	root = built(set, &o, NULL, &count);
	ck_assert_ptr_null(json_object_get(root, "operationId"));
	ck_assert_uint_eq(count, 15 + 2 + 1 + 8);
	list = stat_list(root);
	json_array_foreach(list, i, st)
		ck_assert_str_ne(member(st, "objectType"), "Tenant");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_sub_no_objects)
{
	struct layoutset *set = set_of(layout_main);
	struct genesys_objects o = { NULL, 0, NULL, 0, "T" };
	size_t count = 0;
	json_t *root = built(set, &o, "x", &count);

	/* The Sales grid and the totals remain. */
	ck_assert_uint_eq(count, 1 + 3 + 8);
	assert_stat(root, "g2.0.0", "Sales", "Queue", "CurrNumberWaitingCalls");
	ck_assert_ptr_null(stat_by_id(root, "g0.0.1"));
	json_decref(root);
	/* No objects given: the same without the tenant's totals. */
	root = built(set, NULL, "x", &count);
	ck_assert_uint_eq(count, 1 + 8);
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* An object id that is not UTF-8 is left out of the subscription. */
START_TEST(test_sub_not_utf8)
{
	struct layoutset *set = set_of(layout_main);
	char *ids[] = { "a1", "bad\xff" };
	struct genesys_objects o = { ids, 2, NULL, 0, "T" };
	size_t count = 0;
	json_t *root = built(set, &o, "op", &count);

	ck_assert_uint_eq(count, 5 + 1 + 3 + 8);
	ck_assert_ptr_nonnull(stat_by_id(root, "g0.0.1"));
	ck_assert_ptr_null(stat_by_id(root, "g0.1.1"));
	json_decref(root);
	layoutset_free(set);
}
END_TEST

/* --- the subscription id ------------------------------------------------- */

static const struct {
	const char *body;
	const char *want;	/* NULL: none */
} sub_id_cases[] = {
	{ "{\"data\":{\"subscriptionId\":\"4f1c-77\",\"statistics\":[]},"
	  "\"status\":{\"code\":0}}", "4f1c-77" },
	{ "{\"data\":{\"subscriptionId\":\"abc\"}}", "abc" },
	{ "{\"data\":{\"operationId\":\"op\"}}", NULL },
	{ "{\"subscriptionId\":\"top\"}", NULL },
	{ "{\"data\":{\"subscriptionId\":17}}", NULL },
	{ "{\"data\":{\"subscriptionId\":\"\"}}", NULL },
	{ "{\"data\":{\"subscriptionId\":\"a b\"}}", NULL },
	{ "{\"data\":{\"subscriptionId\":\"a\\u001b[2Jb\"}}", NULL },
	{ "{\"data\":{\"subscriptionId\":\"a\\u0000b\"}}", NULL },
	{ "{\"data\":{\"subscriptionId\":\"x\"},\"status\":{\"code\":403,"
	  "\"message\":\"Forbidden\"}}", NULL },
	{ "{\"data\":{\"subscriptionId\":\"x\"},\"status\":{\"code\":0,"
	  "\"message\":\"OK\"}}", "x" },
	{ "[\"data\"]", NULL },
	{ "<html>502</html>", NULL },
	{ "", NULL },
};

START_TEST(test_subscription_id)
{
	const char *body = sub_id_cases[_i].body;
	char *id = genesys_parse_subscription_id(body, strlen(body));

	if (sub_id_cases[_i].want == NULL) {
		ck_assert_msg(id == NULL, "%s: got \"%s\"", body, id);
	} else {
		ck_assert_msg(id != NULL, "%s: none", body);
		ck_assert_str_eq(id, sub_id_cases[_i].want);
	}
	free(id);
}
END_TEST

/* An id of 256 characters is taken, one of 257 is not. */
START_TEST(test_subscription_id_long)
{
	char id[300];
	char *body, *got;

	memset(id, 'k', sizeof(id));
	id[256] = '\0';
	body = xasprintf("{\"data\":{\"subscriptionId\":\"%s\"}}", id);
	got = genesys_parse_subscription_id(body, strlen(body));
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, id);
	free(got);
	free(body);
	id[256] = 'k';
	id[257] = '\0';
	body = xasprintf("{\"data\":{\"subscriptionId\":\"%s\"}}", id);
	ck_assert_ptr_null(genesys_parse_subscription_id(body, strlen(body)));
	free(body);
}
END_TEST

/* --- peeked statistics --------------------------------------------------- */

/*
 * ExpectedWaitTime is computed when asked: a service grid column, a total
 * over the tenant and a total over two services, none of it subscribed.
 */
static const char layout_peek[] =
	"title = \"Peek\"\n"
	"provider = \"genesys\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"e\" { stat = \"ExpectedWaitTime\" }\n"
	"    column \"w\" { stat = \"CurrNumberWaitingCalls\" } }\n"
	"  panel \"two\" { type = totals\n"
	"    services = {\"Sales\", \"Support\"}\n"
	"    column \"e\" { stat = \"ExpectedWaitTime\" } }\n"
	"  panel \"sv\" { type = service_grid\n"
	"    column \"id\" { stat = \"ObjectId\" }\n"
	"    column \"e\" { stat = \"ExpectedWaitTime\" }\n"
	"    column \"w\" { stat = \"CurrNumberWaitingCalls\" } }\n"
	"}\n";

START_TEST(test_peek_not_subscribed)
{
	struct layoutset *set = set_of(layout_peek);
	size_t n;
	json_t *root = built(set, &objs, "op", &n), *st;
	size_t i;

	/* The tenant's waiting calls and the grid's two rows of them. */
	ck_assert_uint_eq(n, 3);
	json_array_foreach(stat_list(root), i, st)
		ck_assert_str_ne(member(st, "name"), "ExpectedWaitTime");
	json_decref(root);
	layoutset_free(set);
}
END_TEST

START_TEST(test_peek_body)
{
	struct layoutset *set = set_of(layout_peek);
	size_t n = 0;
	char *text = genesys_peek_build(set, &objs, NULL, &n);
	json_t *root, *list, *st;
	size_t i;
	int tenant = 0, q1 = 0, sales = 0;

	ck_assert_ptr_nonnull(text);
	root = json_loads(text, 0, NULL);
	list = json_object_get(json_object_get(root, "data"), "statistics");
	ck_assert(json_is_array(list));
	/* Q1, Q2 (the grid), Environment, Sales, Support: each once. */
	ck_assert_uint_eq(n, 5);
	ck_assert_uint_eq(json_array_size(list), 5);
	json_array_foreach(list, i, st) {
		ck_assert_uint_eq(json_object_size(st), 3);
		ck_assert_str_eq(member(st, "name"), "ExpectedWaitTime");
		tenant += strcmp(member(st, "objectType"), "Tenant") == 0;
		q1 += strcmp(member(st, "objectId"), "Q1") == 0;
		sales += strcmp(member(st, "objectId"), "Sales") == 0;
	}
	ck_assert_int_eq(tenant, 1);
	ck_assert_int_eq(q1, 1);
	ck_assert_int_eq(sales, 1);
	json_decref(root);
	free(text);
	layoutset_free(set);
	/* Nothing to peek: no body. */
	set = set_of(layout_main);
	ck_assert_ptr_null(genesys_peek_build(set, &objs, NULL, &n));
	ck_assert_uint_eq(n, 0);
	layoutset_free(set);
}
END_TEST

/* A peek answer's statistic as JSON text. */
#define PEEKED(oid, type, v) "{\"name\":\"ExpectedWaitTime\",\"objectId\":\"" \
	oid "\",\"objectType\":\"" type "\",\"timestamp\":1,\"value\":" v "}"

START_TEST(test_peek_parse)
{
	struct layoutset *set = set_of(layout_peek);
	struct snapshot *s = snapshot_new(set);
	const char *body = "{\"data\":{\"statistics\":["
		PEEKED("Q2", "Queue", "{\"value\":40}") ","
		PEEKED("Environment", "Tenant", "{\"value\":35}") ","
		PEEKED("Sales", "Queue", "{\"value\":20}") ","
		PEEKED("Support", "Queue", "{\"value\":90}") ","
		PEEKED("Q1", "Agent", "{\"value\":99}") ","
		PEEKED("Nobody", "Queue", "{\"value\":7}") "]},"
		"\"status\":{\"code\":0}}";
	char err[256] = "";

	snapshot_grid_alloc(s, 0, 2);
	ck_assert_msg(genesys_parse_peeked(body, strlen(body), set, &objs, s,
					   NULL, err, sizeof(err)),
		      "refused: %s", err);
	/* Q1 was answered for another object type only: no value. */
	assert_cell(s, 0, 0, 1, NULL);
	assert_cell(s, 0, 1, 1, "40");
	assert_total(s, testlib_tid_of(set, "ExpectedWaitTime", ""), "35");
	/* Durations over several queues: the largest. */
	assert_total(s,
		     testlib_tid_of(set, "ExpectedWaitTime", "Sales\nSupport"),
		     "90");
	/* Statistics that are subscribed are not touched. */
	assert_total(s, testlib_tid_of(set, "CurrNumberWaitingCalls", ""),
		     NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

START_TEST(test_peek_single_and_refused)
{
	struct layoutset *set = set_of(layout_peek);
	struct snapshot *s = snapshot_new(set);
	const char *one = "{\"data\":{\"statistic\":"
		PEEKED("Environment", "Tenant", "12") "}}";
	const char *failed = "{\"data\":{},\"status\":{\"code\":500,"
		"\"message\":\"Stat Server \\u001b[31mdown\"}}";
	char err[256] = "";

	snapshot_grid_alloc(s, 0, 2);
	ck_assert(genesys_parse_peeked(one, strlen(one), set, &objs, s, NULL,
				       err, sizeof(err)));
	assert_total(s, testlib_tid_of(set, "ExpectedWaitTime", ""), "12");
	ck_assert(!genesys_parse_peeked(failed, strlen(failed), set, &objs, s,
					NULL, err, sizeof(err)));
	ck_assert_msg(strstr(err, "Stat Server") && clean(err), "err: %s", err);
	ck_assert(!genesys_parse_peeked("[1]", 3, set, &objs, s, NULL, err,
					sizeof(err)));
	ck_assert(!genesys_parse_peeked("{\"data\":{}}", 11, set, &objs, s,
					NULL, err, sizeof(err)));
	/* A refusal leaves what was there. */
	assert_total(s, testlib_tid_of(set, "ExpectedWaitTime", ""), "12");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- the suite ----------------------------------------------------------- */

static Suite *subscription_suite(void)
{
	Suite *s = suite_create("genesys_subscription");
	TCase *tc;
#define N(a) (int)WB_ARRAY_LEN(a)

	tc = tcase_create("catalogue");
	tcase_add_test(tc, test_catalog_sorted);
	tcase_add_test(tc, test_catalog_entries);
	suite_add_tcase(s, tc);

	tc = tcase_create("subscription");
	tcase_add_test(tc, test_sub_agent_grid);
	tcase_add_test(tc, test_sub_service_grids);
	tcase_add_test(tc, test_sub_totals);
	tcase_add_test(tc, test_sub_order_and_count);
	tcase_add_test(tc, test_sub_no_tenant_no_operation);
	tcase_add_test(tc, test_sub_no_objects);
	tcase_add_test(tc, test_sub_not_utf8);
	tcase_add_loop_test(tc, test_subscription_id, 0, N(sub_id_cases));
	tcase_add_test(tc, test_subscription_id_long);
	suite_add_tcase(s, tc);

	tc = tcase_create("peek");
	tcase_add_test(tc, test_peek_not_subscribed);
	tcase_add_test(tc, test_peek_body);
	tcase_add_test(tc, test_peek_parse);
	tcase_add_test(tc, test_peek_single_and_refused);
	suite_add_tcase(s, tc);
#undef N
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
