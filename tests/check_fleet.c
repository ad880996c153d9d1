/*
 * check_fleet.c - the fleet's message contract (src/fleet/message.c):
 * a snapshot encoded for a layout and decoded on a screen is the same
 * data, typed the same way; status, claim and layout messages round-trip;
 * every message that breaks the contract is refused with a reason, and
 * hostile text reaches a snapshot sanitised.
 */
#include "autoconf.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fleet/message.h"
#include "state.h"
#include "testlib.h"

/* Agents, a scoped total, a service availability, a ticker. */
static const char *const layout_text =
	"title = \"Floor\"\n"
	"key = 3\n"
	"row {\n"
	"  panel \"now\" {\n"
	"    type = totals\n"
	"    column \"waiting\" { stat = \"in_calls_waiting\" }\n"
	"  }\n"
	"  panel \"voice\" {\n"
	"    type = totals\n"
	"    services = {\"Voice Inbound\", \"Sales\"}\n"
	"    column \"open\" { stat = \"service_available\" }\n"
	"    column \"sl\" { stat = \"in_calls_waiting\" }\n"
	"  }\n"
	"  panel \"board\" {\n"
	"    type = agent_grid\n"
	"    column \"agent\" { stat = \"first_last_name\" }\n"
	"    column \"state\" { stat = \"acd_state\" }\n"
	"    column \"time\" { stat = \"state_duration\" }\n"
	"  }\n"
	"  panel \"chat\" {\n"
	"    type = ticker\n"
	"  }\n"
	"}\n";

static struct layoutset *set;

static void setup(void)
{
	set = testlib_layoutset1("brightpattern", layout_text);
}

static void teardown(void)
{
	layoutset_free(set);
}

/* A snapshot as a source makes it: typed cells, a refusal, a chat line. */
static struct snapshot *sample(void)
{
	struct snapshot *s = snapshot_new(set);
	size_t gid = testlib_gid_of(set, "1-board");

	snapshot_set_total(s, testlib_tid_of(set, "in_calls_waiting", ""), "4");
	snapshot_set_total(s, testlib_tid_of(set, "in_calls_waiting",
					     "Voice Inbound\nSales"), "2");
	snapshot_set_total_unavailable(s,
				       testlib_tid_of(set, "service_available",
						      "Voice Inbound\nSales"));
	snapshot_grid_alloc(s, gid, 2);
	snapshot_set(s, gid, 0, 0, snapshot_text(s, "Zoë Groß", 10));
	snapshot_set(s, gid, 0, 1, "Not Ready");	/* a server's words */
	snapshot_set(s, gid, 0, 2, "75.5");
	snapshot_set(s, gid, 1, 0, "Bob");
	/* a word nobody knows */
	snapshot_set(s, gid, 1, 1, "Pausa");
	s->msgs = xcalloc(1, sizeof(*s->msgs));
	s->msgs[0] = (struct snap_msg){ "m1", "bob", "Bob", "Lee", "Hello",
					1700000000, true };
	s->nmsgs = 1;
	snapshot_note(s, "a note of the source");
	return s;
}

/* Encode s for the set's one layout and decode it into a new snapshot. */
static struct snapshot *round_trip(const struct snapshot *s, char **json)
{
	struct fleet_words w = { "live", "", false };
	struct fleet_data d;
	struct snapshot *out = snapshot_new(set);
	char err[256] = "";
	size_t len;

	*json = fleet_encode_data(s, set->layouts[0], "floor", 7, &w, &len);
	ck_assert_ptr_nonnull(*json);
	ck_assert_msg(fleet_decode_data(*json, len, &d, err, sizeof(err)),
		      "refused: %s", err);
	ck_assert_uint_eq(d.seq, 7);
	ck_assert(fabs(d.time - s->received_wall) < 1e-3);
	fleet_apply_data(out, set->layouts[0], &d);
	fleet_data_free(&d);
	return out;
}

START_TEST(test_data_round_trip)
{
	struct snapshot *s = sample(), *r;
	size_t gid = testlib_gid_of(set, "1-board");
	size_t scoped =
		testlib_tid_of(set, "in_calls_waiting", "Voice Inbound\nSales");
	char *json;

	r = round_trip(s, &json);
	ck_assert_str_eq(
		r->totals[testlib_tid_of(set, "in_calls_waiting", "")].text,
		"4");
	ck_assert_double_eq(r->totals[scoped].num, 2);
	ck_assert(r->totals[testlib_tid_of(set, "service_available",
					   "Voice Inbound\nSales")]
			  .unavailable);
	ck_assert(r->grids[gid].present);
	ck_assert_uint_eq(r->grids[gid].nrows, 2);
	ck_assert_str_eq(snapshot_cell_text(r, gid, 0, 0), "Zoë Groß");
	/* A state travels as the core's word and is typed again. */
	ck_assert_str_eq(snapshot_cell_text(r, gid, 0, 1), "not_ready");
	ck_assert_int_eq(snapshot_cell(r, gid, 0, 1)->state,
			 state_find("not_ready"));
	ck_assert_int_eq(snapshot_cell(r, gid, 1, 1)->state, STATE_NONE);
	ck_assert_str_eq(snapshot_cell_text(r, gid, 1, 1), "Pausa");
	ck_assert_double_eq(snapshot_cell(r, gid, 0, 2)->num, 75.5);
	ck_assert_ptr_null(snapshot_cell_text(r, gid, 1, 2));	/* not sent */
	ck_assert_uint_eq(r->nmsgs, 1);
	ck_assert_str_eq(r->msgs[0].content, "Hello");
	ck_assert(r->msgs[0].urgent);
	ck_assert_double_eq(r->msgs[0].send_time, 1700000000);
	ck_assert_uint_eq(r->nnotes, 1);
	ck_assert(strstr(json, "\"v\":1,") == json + 1);
	free(json);
	snapshot_free(s);
	snapshot_free(r);
}
END_TEST

/* A screen's own layout: columns matched by id, in its own order. */
START_TEST(test_data_columns_by_id)
{
	static const char *const mine =
		"title = \"Mine\"\n"
		"row {\n"
		"  panel \"board\" {\n"
		"    type = agent_grid\n"
		"    column \"state\" { stat = \"acd_state\" }\n"
		"    column \"agent\" { stat = \"first_last_name\" }\n"
		"    column \"extra\" { stat = \"reason\" }\n"
		"  }\n"
		"}\n";
	struct layoutset *own = testlib_layoutset1("brightpattern", mine);
	struct snapshot *s = sample(), *r = snapshot_new(own);
	struct fleet_words w = { "live", "", false };
	struct fleet_data d;
	char err[256], *json;
	size_t len;

	json = fleet_encode_data(s, set->layouts[0], "floor", 1, &w, &len);
	ck_assert(fleet_decode_data(json, len, &d, err, sizeof(err)));
	fleet_apply_data(r, own->layouts[0], &d);
	ck_assert_str_eq(snapshot_cell_text(r, 0, 0, 1), "Zoë Groß");
	ck_assert_str_eq(snapshot_cell_text(r, 0, 0, 0), "not_ready");
	ck_assert_ptr_null(snapshot_cell_text(r, 0, 0, 2));
	fleet_data_free(&d);
	free(json);
	snapshot_free(s);
	snapshot_free(r);
	layoutset_free(own);
}
END_TEST

/* Hostile text in a message reaches the snapshot sanitised. */
START_TEST(test_data_hostile_text)
{
	static const char msg[] =
		"{\"v\":1,\"time\":1700000000.5,\"totals\":[],\"grids\":{"
		"\"board\":{\"columns\":[\"agent\",\"state\",\"time\"],"
		"\"rows\":[[\"Eve "
		"\\u001b]0;owned\\u0007\\u001b[31mRed\\u202e\\u0000x\","
		"\"\\u009b2J\",null]]}},\"chat\":[{\"content\":\"\\u001b["
		"2Jhi\",\"time\":1}]}";
	struct snapshot *r = snapshot_new(set);
	struct fleet_data d;
	char err[256];

	ck_assert_msg(
		fleet_decode_data(msg, sizeof(msg) - 1, &d, err, sizeof(err)),
		"refused: %s", err);
	fleet_apply_data(r, set->layouts[0], &d);
	testlib_assert_snapshot_clean(r);
	ck_assert(strncmp(snapshot_cell_text(r, 0, 0, 0), "Eve Red", 7) == 0);
	ck_assert_str_eq(r->msgs[0].content, "hi");
	fleet_data_free(&d);
	snapshot_free(r);
}
END_TEST

/* Messages that break the contract, and the words of their refusal. */
static const struct {
	const char *msg;
	const char *why;
} bad_data[] = {
	{ "{\"v\":1,\"time\":", "malformed JSON" },
	{ "[1,2]", "not an object" },
	{ "{\"time\":1,\"totals\":[],\"grids\":{}}", "version (none)" },
	{ "{\"v\":2,\"time\":1,\"totals\":[],\"grids\":{}}", "version 2" },
	{ "{\"v\":1,\"totals\":[],\"grids\":{}}", "no time" },
	{ "{\"v\":1,\"time\":-5,\"totals\":[],\"grids\":{}}", "no time" },
	{ "{\"v\":1,\"time\":1,\"totals\":{},\"grids\":{}}",
	  "totals is not a list" },
	{ "{\"v\":1,\"time\":1,\"totals\":[{\"stat\":1,\"value\":\"2\"}],"
	  "\"grids\":{}}",
	  "total 1" },
	{ "{\"v\":1,\"time\":1,\"totals\":[],\"grids\":[]}", "grids is not" },
	{ "{\"v\":1,\"time\":1,\"totals\":[],\"grids\":{\"b\":{\"columns\":["
	  "\"a\"],\"rows\":[[\"x\",\"y\"]]}}}",
	  "row 1 is not a list of 1" },
	{ "{\"v\":1,\"time\":1,\"totals\":[],\"grids\":{\"b\":{\"columns\":["
	  "\"a\"],\"rows\":[[7]]}}}",
	  "row 1" },
	{ "{\"v\":1,\"time\":1,\"totals\":[],\"grids\":{\"b\":{\"columns\":["
	  "\"a\"],\"rows\":[[{\"unavailable\":false}]]}}}",
	  "row 1" },
	{ "{\"v\":1,\"time\":1,\"totals\":[],\"grids\":{\"b\":{\"columns\":[3],"
	  "\"rows\":[]}}}",
	  "column id" },
	{ "{\"v\":1,\"time\":1,\"totals\":[],\"grids\":{},\"chat\":[{"
	  "\"content\":5}]}",
	  "chat message 1" },
};

START_TEST(test_data_refused)
{
	struct fleet_data d;
	char err[256] = "";

	ck_assert(!fleet_decode_data(bad_data[_i].msg, strlen(bad_data[_i].msg),
				     &d, err, sizeof(err)));
	ck_assert_msg(strstr(err, bad_data[_i].why) != NULL,
		      "\"%s\" lacks \"%s\"", err, bad_data[_i].why);
	ck_assert_ptr_null(d.root);
}
END_TEST

/* Over the size bound, and more rows than the bound. */
START_TEST(test_data_bounds)
{
	struct buf b;
	struct fleet_data d;
	char err[256];

	buf_init(&b);
	buf_puts(&b, "{\"v\":1,\"time\":1,\"totals\":[],\"grids\":{\"b\":"
		 "{\"columns\":[],\"rows\":[");
	for (int i = 0; i <= FLEET_MAX_ROWS; i++)
		buf_puts(&b, i ? ",[]" : "[]");
	buf_puts(&b, "]}}}");
	ck_assert(!fleet_decode_data(b.data, b.len, &d, err, sizeof(err)));
	ck_assert(strstr(err, "over the bound") != NULL);
	ck_assert(!fleet_decode_data(b.data, FLEET_MAX_MESSAGE + 1, &d, err,
				     sizeof(err)));
	ck_assert(strstr(err, "over the bound") != NULL);
	buf_free(&b);
}
END_TEST

START_TEST(test_status_round_trip)
{
	char *names[] = { "inbound", "agents" };
	struct fleet_status st = { .online = true,
				   .started = 10,
				   .since = 20,
				   .interval = 2,
				   .layouts = names,
				   .nlayouts = 2 };
	struct fleet_status back;
	char err[256], *msg;

	snprintf(st.id, sizeof(st.id), "pub-a");
	snprintf(st.source, sizeof(st.source), "genesys");
	snprintf(st.upstream, sizeof(st.upstream), "retrying");
	snprintf(st.message, sizeof(st.message), "server said 503");
	msg = fleet_encode_status(&st);
	ck_assert(fleet_decode_status(msg, strlen(msg), false, &back, err,
				      sizeof(err)));
	ck_assert(back.online);
	ck_assert_str_eq(back.id, "pub-a");
	ck_assert_str_eq(back.source, "genesys");
	ck_assert_str_eq(back.upstream, "retrying");
	ck_assert_str_eq(back.message, "server said 503");
	ck_assert_double_eq(back.since, 20);
	ck_assert_uint_eq(back.nlayouts, 2);
	ck_assert_str_eq(back.layouts[1], "agents");
	fleet_status_free(&back);
	/* A status is not a claim, nor the other way round. */
	ck_assert(!fleet_decode_status(msg, strlen(msg), true, &back, err,
				       sizeof(err)));
	free(msg);
	msg = fleet_encode_claim(&st);
	ck_assert(fleet_decode_status(msg, strlen(msg), true, &back, err,
				      sizeof(err)));
	ck_assert(back.online);		/* "holding" */
	ck_assert_double_eq(back.started, 10);
	free(msg);
}
END_TEST

START_TEST(test_status_hostile)
{
	static const char msg[] =
		"{\"v\":1,\"state\":\"offline\",\"id\":\"x\\u001b[2Jy\","
		"\"source\":\"s\",\"started\":1}";
	static const char bad_name[] =
		"{\"v\":1,\"state\":\"online\",\"id\":\"x\",\"started\":1,"
		"\"layouts\":[\"a/#\"]}";
	struct fleet_status st;
	char err[256];

	ck_assert(fleet_decode_status(msg, sizeof(msg) - 1, false, &st, err,
				      sizeof(err)));
	ck_assert(!st.online);
	testlib_assert_clean(st.id, "id");
	ck_assert(!fleet_decode_status(bad_name, sizeof(bad_name) - 1, false,
				       &st, err, sizeof(err)));
	ck_assert(strstr(err, "layout name 1") != NULL);
}
END_TEST

START_TEST(test_layout_round_trip)
{
	struct fleet_layout fl;
	char err[256], *msg;

	msg = fleet_encode_layout(set->layouts[0], 2, "floor", "brightpattern",
				  layout_text);
	ck_assert(fleet_decode_layout(msg, strlen(msg), &fl, err, sizeof(err)));
	ck_assert_str_eq(fl.name, "floor");
	ck_assert_int_eq(fl.key, 3);
	ck_assert_int_eq(fl.index, 2);
	ck_assert_str_eq(fl.text, layout_text);
	fleet_layout_free(&fl);
	free(msg);
	ck_assert_ptr_null(fleet_encode_layout(set->layouts[0], 0, "x", "y",
					       "not \xff UTF-8"));
}
END_TEST

/* A layout's name on the broker: its file's, topic-safe. */
START_TEST(test_layout_name)
{
	struct layout l = { .file = "/etc/wallboard/Floor 2+#.layout" };
	char buf[FLEET_NAME_MAX + 1];

	ck_assert_str_eq(fleet_layout_name(&l, buf, sizeof(buf)), "Floor_2__");
	l.file = "agents";
	ck_assert_str_eq(fleet_layout_name(&l, buf, sizeof(buf)), "agents");
}
END_TEST

static Suite *fleet_suite(void)
{
	Suite *s = suite_create("fleet");
	TCase *tc = tcase_create("data");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_data_round_trip);
	tcase_add_test(tc, test_data_columns_by_id);
	tcase_add_test(tc, test_data_hostile_text);
	tcase_add_loop_test(tc, test_data_refused, 0,
			    (int)WB_ARRAY_LEN(bad_data));
	tcase_add_test(tc, test_data_bounds);
	suite_add_tcase(s, tc);
	tc = tcase_create("status_layout");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_status_round_trip);
	tcase_add_test(tc, test_status_hostile);
	tcase_add_test(tc, test_layout_round_trip);
	tcase_add_test(tc, test_layout_name);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(fleet_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
