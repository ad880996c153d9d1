/*
 * check_history.c - unit tests of the trends' history (src/history.[ch])
 * and of trend in the layout language: rings sized from the layouts (a
 * point a poll, or fewer when the window is long), one ring per
 * statistic and selection shared by every layout that shows it (so a
 * layout switch loses nothing), a ring that wraps keeping the newest,
 * pushes that take no memory, polls closer than a step that replace the
 * newest point, values that did not come kept as gaps, and the direction
 * of a value against its window; a history made for layouts loaded
 * again takes the old one's points.
 */
#include "autoconf.h"

#include <check.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "layout/layout.h"
#include "snapshot.h"
#include "testlib.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Layout 1: waiting with a 30-minute trend, handled without one. */
static const char *const queues =
	"title = \"Queues\"\n"
	"row { panel \"now\" { type = totals\n"
	"  column \"waiting\" { stat = \"in_calls_waiting\" trend = 30 }\n"
	"  column \"handled\" { stat = \"in_calls_handled_per_day\" }\n"
	"} }\n";
/*
 * Layout 2: waiting again (the same number) with a 5-minute trend, the
 * panel's 1-minute trend for ready, and waiting over one service (another
 * number).
 */
static const char *const agents =
	"title = \"Agents\"\n"
	"row { panel \"a\" { type = totals\n"
	"  trend = 1\n"
	"  column \"waiting\" { stat = \"in_calls_waiting\" trend = 5 }\n"
	"  column \"ready\" { stat = \"agents_ready\" }\n"
	"  column \"text\" { stat = \"service_available\" }\n"
	"}\n"
	"panel \"voice\" { type = totals services = {\"Voice Inbound\"}\n"
	"  column \"waiting\" { stat = \"in_calls_waiting\" trend = 2 }\n"
	"} }\n";

static struct layoutset *set;
static struct history *hist;
static struct snapshot *snap;

/* The column of layout li, panel pi, column ci. */
static const struct column *col(size_t li, size_t pi, size_t ci)
{
	return &set->layouts[li]->panels[pi].cols[ci];
}

/* The set of both layouts, a history for polls every interval seconds. */
static void start(double interval)
{
	const char *texts[] = { queues, agents };

	set = testlib_layoutset("brightpattern", texts, N(texts));
	hist = history_new(set, interval);
	snap = snapshot_new(set);
}

static void teardown(void)
{
	snapshot_free(snap);
	history_free(hist);
	layoutset_free(set);
	snap = NULL;
	hist = NULL;
	set = NULL;
}

/*
 * A poll at time t (seconds) in which total tid is v (NAN: not sent).
 * The cell is set in place: a snapshot's text would take memory, and
 * the pushes are to be seen taking none.
 */
static void poll_at(size_t tid, double v, double t)
{
	snap->totals[tid] = cell_none;
	if (!isnan(v)) {
		snap->totals[tid].text = "";
		snap->totals[tid].num = v;
	}
	snap->received = t;
	snap->received_wall = 1e9 + t;
	history_push(hist, snap);
}

/* --- sizing and keying --------------------------------------------------- */

/* A point a poll while that fits; a long window keeps fewer, further apart. */
START_TEST(test_sizing)
{
	const struct ring *w, *voice;

	start(2);
	w = history_ring(hist, col(0, 0, 0)->tid);
	ck_assert_ptr_nonnull(w);
	ck_assert_double_eq_tol(w->window, 30 * 60, 1e-9);
	ck_assert_uint_eq(w->cap, HISTORY_MAX_POINTS);
	ck_assert_double_eq_tol(w->step, 1800.0 / (HISTORY_MAX_POINTS - 1),
				1e-9);
	voice = history_ring(hist, col(1, 1, 0)->tid);
	ck_assert_ptr_nonnull(voice);
	/* 2 minutes at 2 s, both ends */
	ck_assert_uint_eq(voice->cap, 61);
	ck_assert_double_eq_tol(voice->step, 2, 1e-9);
	/* Bounded: the rings and their points, nothing that grows. */
	ck_assert_uint_le(history_bytes(hist),
			  4096 + 3 * 2 * HISTORY_MAX_POINTS * sizeof(double));
}
END_TEST

/*
 * One ring per statistic and selection, whichever layout shows it: the
 * longest trend asked sizes it; another selection is another ring; no
 * trend, no ring; the panel's trend reaches its numbers, not its text.
 */
START_TEST(test_keyed_by_columns)
{
	start(2);
	ck_assert_uint_eq(col(0, 0, 0)->tid, col(1, 0, 0)->tid);
	ck_assert_ptr_eq(history_ring(hist, col(0, 0, 0)->tid),
			 history_ring(hist, col(1, 0, 0)->tid));
	ck_assert_double_eq_tol(history_ring(hist, col(1, 0, 0)->tid)->window,
				30 * 60, 1e-9);
	ck_assert_uint_ne(col(1, 1, 0)->tid, col(0, 0, 0)->tid);
	ck_assert_ptr_ne(history_ring(hist, col(1, 1, 0)->tid),
			 history_ring(hist, col(0, 0, 0)->tid));
	ck_assert_ptr_null(history_ring(hist, col(0, 0, 1)->tid));
	ck_assert_double_eq(col(1, 0, 1)->trend, 1);
	ck_assert_ptr_nonnull(history_ring(hist, col(1, 0, 1)->tid));
	ck_assert_double_eq(col(1, 0, 2)->trend, 0);
	ck_assert_ptr_null(history_ring(hist, col(1, 0, 2)->tid));
	ck_assert_ptr_null(history_ring(hist, set->ntotals));
}
END_TEST

/*
 * What one layout's column reads is what the other's does: the history
 * is fed from the snapshot, never from the layout on screen, so a switch
 * from one to the other finds the trend already there.
 */
START_TEST(test_survives_switch)
{
	size_t tid;
	const struct ring *a, *b;

	start(2);
	tid = col(0, 0, 0)->tid;
	for (int i = 0; i < 10; i++)
		poll_at(tid, i, 2.0 * i);
	a = history_ring(hist, col(0, 0, 0)->tid);
	b = history_ring(hist, col(1, 0, 0)->tid);
	ck_assert_uint_eq(b->n, a->n);
	ck_assert_uint_eq(a->n, 3);	/* 18 s at a 7 s step: 0, 8, 16 */
	ck_assert_double_eq(ring_value(b, b->n - 1), 9);
	ck_assert_int_eq(ring_direction(b, col(1, 0, 0)->trend * 60), TREND_UP);
}
END_TEST

/*
 * Layouts loaded again (a reload) keep the trends: the new history takes
 * the points of the old one's ring of the same statistic and selection,
 * the newest that fit, whatever numbers the new set gave them.
 */
START_TEST(test_carry)
{
	const char *texts[] = { agents };
	struct layoutset *set2;
	struct history *h2;
	const struct ring *old, *r, *voice;
	size_t tid;

	start(2);
	tid = col(0, 0, 0)->tid;
	for (int i = 0; i < 400; i++)
		poll_at(tid, i, 8.0 * i);
	old = history_ring(hist, tid);
	set2 = testlib_layoutset("brightpattern", texts, N(texts));
	h2 = history_new(set2, 2);
	history_carry(h2, hist);
	r = history_ring(h2, set2->layouts[0]->panels[0].cols[0].tid);
	ck_assert_uint_eq(old->n, old->cap);
	ck_assert_uint_eq(r->cap, 151);	/* 5 minutes at 2 s */
	ck_assert_uint_eq(r->n, r->cap);
	ck_assert_double_eq(ring_value(r, r->n - 1), 399);
	ck_assert_double_eq(ring_value(r, 0), 399 - 150);
	ck_assert_double_eq(ring_time(r, r->n - 1), 8.0 * 399);
	ck_assert_double_eq(r->first_wall, old->first_wall);
	/* The other selection's ring took its own: gaps, nothing came. */
	voice = history_ring(h2, set2->layouts[0]->panels[1].cols[0].tid);
	ck_assert_uint_eq(voice->n, voice->cap);
	ck_assert(isnan(ring_value(voice, voice->n - 1)));
	history_free(h2);
	layoutset_free(set2);
}
END_TEST

/* --- the ring ------------------------------------------------------------ */

/* Past its capacity the ring keeps the newest points, oldest first. */
START_TEST(test_ring_wraps)
{
	size_t tid;
	const struct ring *r;

	start(2);
	tid = col(1, 1, 0)->tid;
	r = history_ring(hist, tid);
	for (size_t i = 0; i < r->cap + 10; i++)
		poll_at(tid, (double)i, 2.0 * (double)i);
	ck_assert_uint_eq(r->n, r->cap);
	ck_assert_double_eq(ring_value(r, 0), 10);
	ck_assert_double_eq(ring_value(r, r->cap - 1), (double)(r->cap + 9));
	for (size_t i = 1; i < r->n; i++) {
		ck_assert_double_eq(ring_value(r, i), ring_value(r, i - 1) + 1);
		ck_assert_double_eq_tol(ring_time(r, i) - ring_time(r, i - 1),
					2, 1e-9);
	}
}
END_TEST

/*
 * A push takes no memory: the points stay where history_new put them,
 * the history's size does not change, and the allocator's bytes in use
 * are the same after thousands of polls.
 */
START_TEST(test_no_allocation_per_push)
{
	size_t tid, bytes;
	const struct ring *r;
	const double *val;
	struct mallinfo2 before, after;

	start(0.5);
	tid = col(0, 0, 0)->tid;
	r = history_ring(hist, tid);
	val = r->val;
	bytes = history_bytes(hist);
	before = mallinfo2();
	for (int i = 0; i < 20000; i++)
		poll_at(tid, i % 7, 0.5 * i);
	after = mallinfo2();
	ck_assert_ptr_eq(r->val, val);
	ck_assert_uint_eq(history_bytes(hist), bytes);
	ck_assert_uint_eq(after.uordblks, before.uordblks);
	ck_assert_uint_eq(r->n, r->cap);
}
END_TEST

/*
 * Polls closer than a step replace the newest point's value (a point
 * stands for its step); a poll jittered by less than half an interval
 * still makes a point of its own.
 */
START_TEST(test_step_buckets)
{
	size_t tid;
	const struct ring *r;

	start(2);
	tid = col(0, 0, 0)->tid;
	r = history_ring(hist, tid);
	poll_at(tid, 1, 0);
	poll_at(tid, 2, 2);
	poll_at(tid, 3, 4);
	ck_assert_uint_eq(r->n, 1);
	ck_assert_double_eq(ring_value(r, 0), 3);
	ck_assert_double_eq(ring_time(r, 0), 0);
	poll_at(tid, 4, r->step - 0.9);
	ck_assert_uint_eq(r->n, 2);
	ck_assert_double_eq(ring_value(r, 1), 4);
}
END_TEST

/* A value that did not come is a gap, not a zero, and no trend counts it. */
START_TEST(test_missing_is_gap)
{
	size_t tid;
	const struct ring *r;

	start(2);
	tid = col(1, 1, 0)->tid;
	r = history_ring(hist, tid);
	poll_at(tid, 5, 0);
	poll_at(tid, NAN, 2);
	poll_at(tid, NAN, 4);
	ck_assert_uint_eq(r->n, 3);
	ck_assert(isnan(ring_value(r, 1)));
	ck_assert_int_eq(ring_direction(r, 120), TREND_NONE);
	poll_at(tid, 5, 6);
	poll_at(tid, 9, 8);
	ck_assert_int_eq(ring_direction(r, 120), TREND_UP);
}
END_TEST

/* --- direction ----------------------------------------------------------- */

struct dir_case {
	double from, to;	/* the first and last values */
	size_t points;
	enum trend_dir want;
};
static const struct dir_case dir_cases[] = {
	{ 2, 8, 5, TREND_UP },
	{ 80, 60, 5, TREND_DOWN },
	{ 85, 85.5, 5, TREND_FLAT },	/* within 1% */
	{ 0, 0, 5, TREND_FLAT },
	{ 0, 1, 5, TREND_UP },
	{ 3, 9, 2, TREND_NONE },	/* too few points */
};

/* From the first value to the last, evenly, over points polls. */
START_TEST(test_direction)
{
	const struct dir_case *c = &dir_cases[_i];
	size_t tid;
	const struct ring *r;

	start(2);
	tid = col(1, 1, 0)->tid;
	r = history_ring(hist, tid);
	for (size_t i = 0; i < c->points; i++)
		poll_at(tid, c->from + (c->to - c->from) * (double)i /
			(double)(c->points - 1), 2.0 * (double)i);
	ck_assert_int_eq(ring_direction(r, 120), c->want);
}
END_TEST

/*
 * Against the window asked, not the oldest point held: a value that
 * rose long ago and has held since is flat over the last minutes.
 */
START_TEST(test_direction_window)
{
	size_t tid;
	const struct ring *r;

	start(2);
	tid = col(1, 1, 0)->tid;
	r = history_ring(hist, tid);
	for (int i = 0; i < 60; i++)
		poll_at(tid, i < 20 ? 1 : 10, 2.0 * i);
	ck_assert_int_eq(ring_direction(r, 120), TREND_UP);
	ck_assert_int_eq(ring_direction(r, 30), TREND_FLAT);
}
END_TEST

/* --- trend in layouts ---------------------------------------------------- */

#define HEAD "title = \"t\"\n"
struct text_case {
	const char *text;
	const char *msg;	/* NULL: it loads */
};
static const struct text_case text_cases[] = {
	{ HEAD "row { panel \"p\" { type = totals\n"
	       "column \"c\" { stat = \"service_available\"\n"
	       "trend = 5 } } }\n",
	  "t.layout:4: trend needs a number (count, duration, percent or "
	  "decimal), \"c\" is state" },
	{ HEAD "row { panel \"p\" { type = totals\n"
	       "column \"c\" { stat = \"service_level\"\n"
	       "trend = 721 } } }\n",
	  "t.layout:4: trend must be 0 (none) to 720 minutes" },
	{ HEAD "row { panel \"p\" { type = totals\n"
	       "column \"c\" { stat = \"service_level\"\n"
	       "trend = -1 } } }\n",
	  "t.layout:4: trend must be 0 (none) to 720 minutes" },
	{ HEAD "row { panel \"p\" { type = service_grid\n"
	       "trend = 5\n"
	       "column \"c\" { stat = \"name\" } } }\n",
	  "t.layout:3: option \"trend\" does not apply to a service_grid "
	  "panel" },
	{ HEAD "trend = 10\n"
	       "row { panel \"p\" { type = service_grid\n"
	       "column \"c\" { stat = \"name\" } }\n"
	       "panel \"t\" { type = totals\n"
	       "column \"c\" { stat = \"service_level\" } } }\n",
	  NULL },
};

/* Each text loads, or fails with its one message. */
START_TEST(test_layout_trend)
{
	const struct text_case *c = &text_cases[_i];
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = layout_load_text("t.layout", c->text,
					    "brightpattern", &errs, &warns);

	if (c->msg == NULL) {
		testlib_no_messages("error", &errs);
		ck_assert_ptr_nonnull(l);
		/* The layout's trend reaches the totals' numbers. */
		ck_assert_double_eq(l->panels[1].cols[0].trend, 10);
		ck_assert_double_eq(l->panels[0].cols[0].trend, 0);
	} else {
		ck_assert_ptr_null(l);
		ck_assert_uint_eq(errs.n, 1);
		ck_assert_str_eq(errs.msgs[0], c->msg);
	}
	layout_free(l);
	errlist_free(&errs);
	errlist_free(&warns);
}
END_TEST

static Suite *history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc;

	tc = tcase_create("rings");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, test_sizing);
	tcase_add_test(tc, test_keyed_by_columns);
	tcase_add_test(tc, test_survives_switch);
	tcase_add_test(tc, test_carry);
	tcase_add_test(tc, test_ring_wraps);
	tcase_add_test(tc, test_no_allocation_per_push);
	tcase_add_test(tc, test_step_buckets);
	tcase_add_test(tc, test_missing_is_gap);
	suite_add_tcase(s, tc);

	tc = tcase_create("direction");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_loop_test(tc, test_direction, 0, (int)N(dir_cases));
	tcase_add_test(tc, test_direction_window);
	suite_add_tcase(s, tc);

	tc = tcase_create("layouts");
	tcase_add_loop_test(tc, test_layout_trend, 0, (int)N(text_cases));
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(history_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
