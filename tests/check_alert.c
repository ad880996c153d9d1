/*
 * check_alert.c - unit tests of breach alerts (src/alert.[ch]): the
 * layout syntax that asks for them (alert, alert_at on a layout, a panel
 * or a column, and the errors, each at its line), the state machine on
 * snapshots made by hand (debounce: a spike never fires; hysteresis by
 * time: a value back short of its level clears only when it stays so, a
 * flapping value stands as one alert; levels rising; rows gone; data
 * that stop), the bell (rings once, repeats, acknowledged, a new alert
 * rings again), the bounded table and its steady state without
 * allocation; and the hook's environment (src/hook.c) of a hostile name.
 */
#include "autoconf.h"

#include <check.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "hook.h"
#include "layout/layout.h"
#include "snapshot.h"
#include "testlib.h"

/* A layout with a totals alert (bell at crit) and a grid alert (flash). */
static const char *const layout_text =
	"title = \"Floor\"\n"
	"row {\n"
	"  panel \"queue\" {\n"
	"    type = totals\n"
	"    alert = bell\n"
	"    column \"waiting\" { stat = \"in_calls_waiting\" warn = 5 crit = "
	"10 }\n"
	"  }\n"
	"  panel \"queues\" {\n"
	"    type = service_grid\n"
	"    column \"name\" { stat = \"name\" }\n"
	"    column \"waiting\" { stat = \"in_calls_waiting\" warn = 3 crit = "
	"8\n"
	"                       alert = flash alert_at = warn }\n"
	"  }\n"
	"}\n";

static struct layoutset *set;
static struct alerts *al;
static size_t tid, gid;

/* What the callback heard, in order: "start Voice", "clear -", ... */
static char heard[4096];
static unsigned nstart, nclear, nraise, nack;

static void listen(void *ctx, enum alert_event ev, const struct alert *a)
{
	static const char *const names[] = { "start", "raise", "clear", "ack" };
	size_t n = strlen(heard);

	(void)ctx;
	snprintf(heard + n, sizeof(heard) - n, "%s%s %s/%s", n ? "; " : "",
		 names[ev], a->key.row[0] ? a->key.row : "total", a->text);
	nstart += ev == ALERT_START;
	nclear += ev == ALERT_CLEAR;
	nraise += ev == ALERT_RAISE;
	nack += ev == ALERT_ACK;
}

/* The alerts of the layout with debounce, clear and repeat in seconds. */
static void make(double debounce, double clear, double repeat)
{
	struct alert_opts o = { debounce, clear, repeat };

	alerts_free(al);
	al = alerts_new(set, &o);
}

static void setup(void)
{
	set = testlib_layoutset1("brightpattern", layout_text);
	tid = testlib_tid_of(set, "in_calls_waiting", "");
	gid = testlib_gid_of(set, "1-queues");
	al = NULL;
	make(1.5, 5, 60);
	heard[0] = '\0';
	nstart = nclear = nraise = nack = 0;
}

static void teardown(void)
{
	alerts_free(al);
	layoutset_free(set);
}

/*
 * Feed a snapshot of time t: the total waiting, and queues given as
 * "name=waiting" (NULL-terminated).
 */
static void feed(double t, const char *total, const char *const *rows)
{
	struct snapshot *s = snapshot_new(set);
	size_t n = 0;

	while (rows && rows[n])
		n++;
	s->received = t;
	s->received_wall = 1700000000 + t;
	if (total)
		snapshot_set_total(s, tid,
				   snapshot_text(s, total, strlen(total)));
	snapshot_grid_alloc(s, gid, n);
	for (size_t r = 0; r < n; r++) {
		const char *eq = strchr(rows[r], '=');
		snapshot_set(s, gid, r, 0, snapshot_text(s, rows[r],
			     (size_t)(eq - rows[r])));
		snapshot_set(s, gid, r, 1,
			     snapshot_text(s, eq + 1, strlen(eq + 1)));
	}
	alerts_feed(al, s, listen, NULL);
	snapshot_free(s);
}

/* Feed the total alone. */
static void feed_total(double t, const char *total)
{
	feed(t, total, NULL);
}

/* How many alerts stand. */
static size_t standing(void)
{
	const struct alert *old;
	size_t acked;

	return alerts_standing(al, &old, &acked);
}

/* --- the layout syntax --------------------------------------------------- */

START_TEST(test_syntax_resolved)
{
	static const char *const text =
		"title = \"t\"\n"
		"alert = flash\n"
		"alert_at = warn\n"
		"row { panel \"p\" { type = totals\n"
		"  column \"w\" { stat = \"in_calls_waiting\" warn = 1 }\n"
		"  column \"h\" { stat = \"in_calls_handled_per_day\" }\n"
		"  column \"sl\" { stat = \"service_level\" warn = 80 crit = "
		"70 alert = bell alert_at = crit }\n"
		"}\n"
		" panel \"q\" { type = totals alert = none\n"
		"  column \"w\" { stat = \"in_calls_waiting\" warn = 1 crit = "
		"2 }\n"
		"  column \"x\" { stat = \"in_calls_waiting\" crit = 2 alert = "
		"bell }\n"
		"} }\n";
	struct layoutset *s2 = testlib_layoutset1("brightpattern", text);
	const struct panel *p = &s2->layouts[0]->panels[0];
	const struct panel *q = &s2->layouts[0]->panels[1];

	/* The layout's flash at warn on the column with a level ... */
	ck_assert_int_eq(p->cols[0].alert, ALERT_FLASH);
	ck_assert_int_eq(p->cols[0].alert_at, ROLE_WARN);
	/* ... none on the column without ... */
	ck_assert_int_eq(p->cols[1].alert, ALERT_NONE);
	/* ... the column's own over it. */
	ck_assert_int_eq(p->cols[2].alert, ALERT_BELL);
	ck_assert_int_eq(p->cols[2].alert_at, ROLE_CRIT);
	/*
	 * A panel's none over the layout's, a column's bell over the panel's.
	 */
	ck_assert_int_eq(q->cols[0].alert, ALERT_NONE);
	ck_assert_int_eq(q->cols[1].alert, ALERT_BELL);
	ck_assert_int_eq(q->cols[1].alert_at, ROLE_WARN);
	layoutset_free(s2);
}
END_TEST

/* Layouts with a mistake in their alert options, and the messages. */
static const struct {
	const char *text;
	const char *msg;
} bad_syntax[] = {
	{ "title = \"t\"\n"
	  "row { panel \"p\" { type = totals\n"
	  "column \"h\" { stat = \"in_calls_handled_per_day\"\n"
	  "alert = bell } } }\n",
	  "t.layout:4: alert needs a level: give column \"h\" warn or crit (or "
	  "states)" },
	{ "title = \"t\"\n"
	  "row { panel \"p\" { type = totals\n"
	  "column \"w\" { stat = \"in_calls_waiting\" warn = 3\n"
	  "alert = flash } } }\n",
	  "t.layout:4: alert at crit, but column \"w\" has no crit: give crit, "
	  "or alert_at = warn" },
	{ "title = \"t\"\n"
	  "alert = loud\n"
	  "row { panel \"p\" { type = totals\n"
	  "column \"w\" { stat = \"in_calls_waiting\" crit = 3 } } }\n",
	  "t.layout:2: unknown alert \"loud\" (none, flash or bell)" },
	{ "title = \"t\"\n"
	  "row { panel \"p\" { type = totals\n"
	  "column \"w\" { stat = \"in_calls_waiting\" crit = 3\n"
	  "alert_at = ok } } }\n",
	  "t.layout:4: unknown alert_at \"ok\" (warn or crit)" },
	{ "title = \"t\"\n"
	  "row { panel \"p\" { type = ticker\n"
	  "alert = bell } }\n",
	  "t.layout:3: option \"alert\" does not apply to a ticker panel" },
};

START_TEST(test_syntax_errors)
{
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = layout_load_text("t.layout", bad_syntax[_i].text,
					    "brightpattern", &errs, &warns);

	ck_assert_ptr_null(l);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.msgs[0], bad_syntax[_i].msg);
	errlist_free(&errs);
	errlist_free(&warns);
}
END_TEST

/* --- debounce ------------------------------------------------------------ */

/* The level must hold for the debounce time before the alert fires. */
START_TEST(test_debounce)
{
	feed_total(0, "12");
	feed_total(1, "12");
	ck_assert_uint_eq(nstart, 0);
	ck_assert_uint_eq(standing(), 0);
	feed_total(2, "13");
	ck_assert_str_eq(heard, "start total/13");
	ck_assert_uint_eq(standing(), 1);
}
END_TEST

/* A spike of one poll (or a level that never holds) never fires. */
START_TEST(test_spike)
{
	for (int t = 0; t < 40; t += 2) {
		feed_total(t, "50");
		feed_total(t + 1, "0");
	}
	ck_assert_uint_eq(nstart, 0);
	ck_assert_str_eq(heard, "");
}
END_TEST

/* With no debounce the first snapshot at the level fires. */
START_TEST(test_no_debounce)
{
	make(0, 0, 0);
	feed_total(0, "10");
	ck_assert_str_eq(heard, "start total/10");
	feed_total(1, "9");
	ck_assert_str_eq(heard, "start total/10; clear total/9");
}
END_TEST

/* --- hysteresis ---------------------------------------------------------- */

/* It clears only when the value stays short of the level for the time. */
START_TEST(test_hysteresis)
{
	feed_total(0, "12");
	feed_total(2, "12");
	ck_assert_uint_eq(nstart, 1);
	feed_total(10, "3");
	/* back before the clear time: the same alert */
	feed_total(12, "11");
	feed_total(13, "2");
	feed_total(17, "2");	/* 4 s short of it */
	ck_assert_uint_eq(nclear, 0);
	ck_assert_uint_eq(standing(), 1);
	feed_total(18, "1");	/* 5 s */
	ck_assert_str_eq(heard, "start total/12; clear total/1");
	ck_assert_uint_eq(standing(), 0);
}
END_TEST

/* A value that breached, then flaps at its limit, is one alert. */
START_TEST(test_flapping)
{
	for (int t = 0; t < 3; t++)
		feed_total(t, "10");
	for (int t = 3; t < 60; t++)
		feed_total(t, t % 2 ? "9" : "10");
	ck_assert_uint_eq(nstart, 1);
	ck_assert_uint_eq(nclear, 0);
	for (int t = 60; t < 70; t++)
		feed_total(t, "9");
	ck_assert_uint_eq(nstart, 1);
	ck_assert_uint_eq(nclear, 1);
}
END_TEST

/* Without fresh data nothing clears; a value with none is short of it. */
START_TEST(test_no_data)
{
	feed_total(0, "12");
	feed_total(2, "12");
	/* No snapshot for an hour: the alert stands. */
	ck_assert_uint_eq(standing(), 1);
	feed_total(3600, "");
	feed_total(3606, "");
	ck_assert_str_eq(heard, "start total/12; clear total/-");
}
END_TEST

/* --- grids -------------------------------------------------------------- */

/* One alert a row, known by its name; a row gone clears in time. */
START_TEST(test_rows)
{
	static const char *const both[] = { "Voice=9", "Chat=4", "Mail=0",
					    NULL };
	static const char *const gone[] = { "Chat=4", "Mail=0", NULL };

	feed(0, "0", both);
	feed(2, "0", both);
	ck_assert_str_eq(heard, "start Voice/9; start Chat/4");
	ck_assert_uint_eq(standing(), 2);
	ck_assert(alerts_panel_flashing(al, 0, 1));
	ck_assert(!alerts_panel_flashing(al, 0, 0));
	ck_assert(alerts_cell_flashing(al, 0, 1, 1, "Voice"));
	ck_assert(!alerts_cell_flashing(al, 0, 1, 1, "Mail"));
	feed(3, "0", gone);
	feed(8, "0", gone);
	ck_assert_str_eq(heard, "start Voice/9; start Chat/4; clear Voice/");
}
END_TEST

/* A warn alert that reaches crit rises, and rings again. */
START_TEST(test_raise)
{
	static const char *const warn[] = { "Voice=4", NULL };
	static const char *const crit[] = { "Voice=9", NULL };

	feed(0, "0", warn);
	feed(2, "0", warn);
	ck_assert_str_eq(heard, "start Voice/4");
	feed(3, "0", crit);
	ck_assert_str_eq(heard, "start Voice/4; raise Voice/9");
	feed(4, "0", crit);
	ck_assert_uint_eq(nraise, 1);
}
END_TEST

/* Two rows of one name are one alert, at the worse of the two. */
START_TEST(test_same_name)
{
	static const char *const rows[] = { "Voice=0", "Voice=12", NULL };

	make(0, 0, 0);
	feed(0, "0", rows);
	ck_assert_str_eq(heard, "start Voice/12");
	ck_assert_uint_eq(standing(), 1);
}
END_TEST

/* --- the bell ------------------------------------------------------------ */

/* Rings when an alert fires, again after the repeat, not when silenced. */
START_TEST(test_bell)
{
	feed_total(0, "12");
	ck_assert(!alerts_bell(al, 0.5));	/* nothing has fired */
	feed_total(2, "12");
	ck_assert_double_eq(alerts_next_bell(al), 0);
	ck_assert(alerts_bell(al, 2));
	ck_assert(!alerts_bell(al, 3));
	ck_assert_double_eq(alerts_next_bell(al), 62);
	ck_assert(!alerts_bell(al, 61));
	ck_assert(alerts_bell(al, 62));
	ck_assert_uint_eq(alerts_ack(al, listen, NULL), 1);
	ck_assert_uint_eq(nack, 1);
	ck_assert(!alerts_bell(al, 200));
	ck_assert(isinf(alerts_next_bell(al)));
	ck_assert_uint_eq(alerts_ack(al, listen, NULL), 0);
}
END_TEST

/* After an acknowledge, an alert that fires later rings. */
START_TEST(test_bell_new_alert)
{
	static const char *const rows[] = { "Voice=9", NULL };
	struct alert_opts o = { 1.5, 5, 0 };
	static const char *const text =
		"title = \"t\"\n"
		"alert = bell\n"
		"row { panel \"q\" { type = service_grid\n"
		"column \"name\" { stat = \"name\" }\n"
		"column \"w\" { stat = \"in_calls_waiting\" crit = 8 } }\n"
		"panel \"t\" { type = totals\n"
		"column \"w\" { stat = \"in_calls_waiting\" crit = 10 } } }\n";

	layoutset_free(set);
	alerts_free(al);
	set = testlib_layoutset1("brightpattern", text);
	al = alerts_new(set, &o);
	tid = testlib_tid_of(set, "in_calls_waiting", "");
	gid = testlib_gid_of(set, "1-q");
	feed(0, "11", NULL);
	feed(2, "11", NULL);
	ck_assert(alerts_bell(al, 2));
	ck_assert_uint_eq(alerts_ack(al, NULL, NULL), 1);
	feed(3, "11", rows);
	ck_assert(!alerts_bell(al, 3));		/* pending: not yet */
	feed(5, "11", rows);
	ck_assert(alerts_bell(al, 5));		/* the new one */
	ck_assert(!alerts_bell(al, 6));		/* repeat 0: once */
}
END_TEST

/* --- bounds -------------------------------------------------------------- */

/* More breaches than room: ALERT_MAX stand, the rest are counted. */
START_TEST(test_bounded)
{
	size_t n = ALERT_MAX + 44;
	char (*names)[32] = xcalloc(n, sizeof(*names));
	const char **rows = xcalloc(n + 1, sizeof(*rows));

	make(0, 5, 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof(names[i]), "Queue %zu=9", i);
		rows[i] = names[i];
	}
	feed(0, "0", rows);
	ck_assert_uint_eq(standing(), ALERT_MAX);
	ck_assert_uint_eq(alerts_dropped(al), 44);
	ck_assert_uint_eq(nstart, ALERT_MAX);
	free(rows);
	free(names);
}
END_TEST

/* Once running, feeding a snapshot allocates nothing. */
START_TEST(test_no_allocation)
{
	static const char *const rows[] = { "Voice=9", "Chat=4", "Mail=0",
					    NULL };
	struct snapshot *s[2];
	size_t before, after;

	for (int i = 0; i < 2; i++) {
		s[i] = snapshot_new(set);
		snapshot_set_total(s[i], tid, "12");
		snapshot_grid_alloc(s[i], gid, 3);
		for (size_t r = 0; r < 3; r++) {
			const char *eq = strchr(rows[r], '=');
			snapshot_set(s[i], gid, r, 0,
				     snapshot_text(s[i], rows[r],
						   (size_t)(eq - rows[r])));
			snapshot_set(s[i], gid, r, 1, eq + 1);
		}
		s[i]->received = i;
	}
	alerts_feed(al, s[0], listen, NULL);	/* the first: room for rows */
	before = mallinfo2().uordblks;
	alerts_feed(al, s[1], listen, NULL);
	after = mallinfo2().uordblks;
	ck_assert_uint_eq(before, after);
	snapshot_free(s[0]);
	snapshot_free(s[1]);
}
END_TEST

/* --- the hook's environment ---------------------------------------------- */

/* A hostile queue name reaches the program as data, verbatim. */
START_TEST(test_hook_env)
{
	static const char *const rows[] = { "$(touch pwned); -rf=9", NULL };
	const struct alert *a;
	char buf[HOOK_ENV_SIZE], *want[] = {
		"WALLBOARD_ALERT_EVENT=start",
		"WALLBOARD_ALERT_LEVEL=crit",
		"WALLBOARD_ALERT_LAYOUT=Floor",
		"WALLBOARD_ALERT_PANEL=queues",
		"WALLBOARD_ALERT_PANEL_ID=queues",
		"WALLBOARD_ALERT_COLUMN=waiting",
		"WALLBOARD_ALERT_COLUMN_ID=waiting",
		"WALLBOARD_ALERT_STAT=in_calls_waiting",
		"WALLBOARD_ALERT_ROW=$(touch pwned); -rf",
		"WALLBOARD_ALERT_VALUE=9",
		"WALLBOARD_ALERT_TEXT=9",
		"WALLBOARD_ALERT_THRESHOLD=8",
		"WALLBOARD_ALERT_STARTED=2023-11-14T22:13:22Z",
		"WALLBOARD_ALERT_TIME=2023-11-14T22:13:22Z",
		"WALLBOARD_ALERT_DURATION=0",
	};
	size_t len, off = 0, i = 0;

	feed(0, "0", rows);
	feed(2, "0", rows);
	ck_assert_uint_eq(standing(), 1);
	alerts_standing(al, &a, NULL);
	len = hook_env(al, ALERT_START, a, 1700000002, buf, sizeof(buf));
	for (; off < len; off += strlen(buf + off) + 1, i++) {
		ck_assert_uint_lt(i, WB_ARRAY_LEN(want));
		ck_assert_str_eq(buf + off, want[i]);
	}
	ck_assert_uint_eq(i, WB_ARRAY_LEN(want));
	len = hook_env(al, ALERT_CLEAR, a, 1700000062, buf, sizeof(buf));
	ck_assert_str_eq(buf, "WALLBOARD_ALERT_EVENT=clear");
	ck_assert_ptr_nonnull(memmem(buf, len, "DURATION=60", 11));
}
END_TEST

/* Values are cut to their bound and the whole stays within its room. */
START_TEST(test_hook_env_bounded)
{
	char name[400], row[410], buf[HOOK_ENV_SIZE];
	const char *rows[] = { row, NULL };
	const struct alert *a;
	size_t len;

	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	snprintf(row, sizeof(row), "%s=9", name);
	make(0, 5, 0);
	feed(0, "0", rows);
	alerts_standing(al, &a, NULL);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(strlen(a->key.row), ALERT_ROW_MAX - 1);
	len = hook_env(al, ALERT_START, a, 1, buf, 64);
	ck_assert_uint_le(len, 64);
}
END_TEST

static Suite *alert_suite(void)
{
	Suite *s = suite_create("alert");
	TCase *tc = tcase_create("alert");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_syntax_resolved);
	tcase_add_loop_test(tc, test_syntax_errors, 0,
			    (int)WB_ARRAY_LEN(bad_syntax));
	tcase_add_test(tc, test_debounce);
	tcase_add_test(tc, test_spike);
	tcase_add_test(tc, test_no_debounce);
	tcase_add_test(tc, test_hysteresis);
	tcase_add_test(tc, test_flapping);
	tcase_add_test(tc, test_no_data);
	tcase_add_test(tc, test_rows);
	tcase_add_test(tc, test_raise);
	tcase_add_test(tc, test_same_name);
	tcase_add_test(tc, test_bell);
	tcase_add_test(tc, test_bell_new_alert);
	tcase_add_test(tc, test_bounded);
	tcase_add_test(tc, test_no_allocation);
	tcase_add_test(tc, test_hook_env);
	tcase_add_test(tc, test_hook_env_bounded);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(alert_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
