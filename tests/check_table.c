/*
 * check_table.c - unit tests of what a panel shows of a snapshot
 * (src/table.[ch]): table_build() filters (every operator, numbers compared
 * as numbers, text as text), sorts (numbers, text case-insensitively, agent
 * states by rank, descending, empty values last either way, ties in server
 * order) and limits grid rows and counts them; table_role() applies
 * thresholds (high or low is bad, edges inclusive, percent scaling, ticking
 * durations) and state maps; table_cell() gives display text; and
 * table_messages() and role_marker(); table_build_match() keeps the rows
 * whose name holds a search, before the sort and the limit, and
 * table_name_column() says which column is the name. Panels, columns and
 * snapshots are built by hand, so nothing here depends on layout files.
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "snapshot.h"
#include "state.h"
#include "table.h"

/* A text as the cell a column of format fmt holds. */
static struct cell cell_for(const char *text, enum fmt fmt)
{
	return cell_of(text, fmt == FMT_STATE);
}

/* A pointer to the cell of text in column col, for one call. */
#define CELL(col, text) ((const struct cell[]){ cell_for((text), (col).fmt) })

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* --- fixtures ------------------------------------------------------------ */

/* The columns of the test grid. */
enum { C_NAME, C_W, C_ST, C_SL, C_D, NCOLS };

static struct column cols[NCOLS];
static struct panel panel;
static struct grid_ref gref;
static struct layoutset set;
static struct snapshot *snap;
static struct table tab;

static void setup(void)
{
	memset(cols, 0, sizeof(cols));
	cols[C_NAME] = (struct column){ .id = "name",
					.stat = "name",
					.fmt = FMT_TEXT };
	cols[C_W] = (struct column){ .id = "w",
				     .stat = "in_calls_waiting",
				     .fmt = FMT_COUNT };
	cols[C_ST] = (struct column){ .id = "st",
				      .stat = "acd_state",
				      .fmt = FMT_STATE };
	cols[C_SL] = (struct column){ .id = "sl", .stat = "service_level",
				      .fmt = FMT_PERCENT, .pct_scale = 1 };
	cols[C_D] = (struct column){ .id = "d", .stat = "state_duration",
				     .fmt = FMT_DURATION, .ticks = true };
	memset(&panel, 0, sizeof(panel));
	panel.id = "g";
	panel.kind = PANEL_AGENT_GRID;
	panel.cols = cols;
	panel.ncols = NCOLS;
	panel.gid = 0;
	memset(&gref, 0, sizeof(gref));
	gref.panel = &panel;
	gref.key = "1-g";
	memset(&set, 0, sizeof(set));
	set.grids = &gref;
	set.ngrids = 1;
	snap = snapshot_new(&set);
	memset(&tab, 0, sizeof(tab));
}

static void teardown(void)
{
	table_free(&tab);
	snapshot_free(snap);
	snap = NULL;
}

/* Fill the grid with nrows rows of one column (others NULL). */
static void fill_column(size_t col, const char *const *values, size_t nrows)
{
	snapshot_grid_alloc(snap, 0, nrows);
	for (size_t r = 0; r < nrows; r++)
		snapshot_set(snap, 0, r, col, values[r]);
}

/* Sort by a column. */
static void order(size_t col, bool desc)
{
	panel.order_by = cols[col].id;
	panel.order_col = col;
	panel.order_desc = desc;
}

/* The shown rows must be want[0..n). */
static void assert_rows(const size_t *want, size_t n)
{
	char got[256] = "", exp[256] = "";
	size_t ug = 0, ue = 0;

	for (size_t i = 0; i < tab.nrows && ug < sizeof(got); i++)
		ug += (size_t)snprintf(got + ug, sizeof(got) - ug, " %zu",
				       tab.rows[i]);
	for (size_t i = 0; i < n && ue < sizeof(exp); i++)
		ue += (size_t)snprintf(exp + ue, sizeof(exp) - ue, " %zu",
				       want[i]);
	ck_assert_msg(tab.nrows == n &&
			      memcmp(tab.rows, want, n * sizeof(*want)) == 0,
		      "rows [%s ], want [%s ]", got, exp);
}

/* --- sorting ------------------------------------------------------------- */

/* Counts as numbers: "10" after "3"; empty ("" and absent) last. */
static const char *const counts[] = { "3", "10", "", "2", NULL, "10", "0" };

START_TEST(test_sort_numeric_asc)
{
	static const size_t want[] = { 6, 3, 0, 1, 5, 2, 4 };

	fill_column(C_W, counts, N(counts));
	order(C_W, false);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
	ck_assert_uint_eq(tab.total, N(counts));
	ck_assert_uint_eq(tab.matched, N(counts));
}
END_TEST

START_TEST(test_sort_numeric_desc)
{
	/*
	 * the tie 1/5 keeps server order in this direction too; empties stay
	 * last
	 */
	static const size_t want[] = { 1, 5, 0, 3, 6, 2, 4 };

	fill_column(C_W, counts, N(counts));
	order(C_W, true);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

/*
 * Decimal and negative numbers, percent and duration columns are numeric too.
 */
START_TEST(test_sort_numeric_kinds)
{
	static const char *const v[] = { "9.5", "-1", "10", "9.25", "1e1" };
	static const size_t want[] = { 1, 3, 0, 2, 4 };

	snapshot_grid_alloc(snap, 0, N(v));
	for (size_t r = 0; r < N(v); r++) {
		snapshot_set(snap, 0, r, C_SL, v[r]);
		snapshot_set(snap, 0, r, C_D, v[r]);
	}
	order(C_SL, false);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
	order(C_D, false);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

/* Text case-insensitively; a text column with digits sorts as text. */
static const char *const names[] = {
	"bravo", "Alpha", "charlie", "", "alpha", NULL, "10", "9"
};

START_TEST(test_sort_text_asc)
{
	static const size_t want[] = { 6, 7, 1, 4, 0, 2, 3, 5 };

	fill_column(C_NAME, names, N(names));
	order(C_NAME, false);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

START_TEST(test_sort_text_desc)
{
	static const size_t want[] = { 2, 0, 1, 4, 7, 6, 3, 5 };

	fill_column(C_NAME, names, N(names));
	order(C_NAME, true);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

/* Agent states by how much a supervisor cares, not alphabetically. */
static const char *const states[] = { "logged_out", "ready", "",
				      "not_ready",  "busy",  "after_call_work",
				      "ready" };

START_TEST(test_sort_states_asc)
{
	static const size_t want[] = { 1, 6, 4, 5, 3, 0, 2 };

	fill_column(C_ST, states, N(states));
	order(C_ST, false);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

START_TEST(test_sort_states_desc)
{
	static const size_t want[] = { 0, 3, 5, 4, 1, 6, 2 };

	fill_column(C_ST, states, N(states));
	order(C_ST, true);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

/* A state the core does not know goes after the known ones, before empties. */
START_TEST(test_sort_states_unknown)
{
	static const char *const v[] = { "", "supervising", "logged_out",
					 "ready" };
	static const size_t want[] = { 3, 2, 1, 0 };

	fill_column(C_ST, v, N(v));
	order(C_ST, false);
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

/* All values equal or all empty: server order. */
START_TEST(test_sort_stable)
{
	static const char *const same[] = { "5", "5", "5", "5", "5" };
	static const char *const none[] = { "", NULL, "", NULL };
	static const size_t want5[] = { 0, 1, 2, 3, 4 };
	static const size_t want4[] = { 0, 1, 2, 3 };

	fill_column(C_W, same, N(same));
	order(C_W, true);
	table_build(&tab, &panel, snap);
	assert_rows(want5, N(want5));
	fill_column(C_W, none, N(none));
	table_build(&tab, &panel, snap);
	assert_rows(want4, N(want4));
}
END_TEST

/* No order: server order. */
START_TEST(test_no_order)
{
	static const size_t want[] = { 0, 1, 2, 3, 4, 5, 6 };

	fill_column(C_W, counts, N(counts));
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
}
END_TEST

/* A stray text in a numeric column still gives a complete, stable order. */
START_TEST(test_sort_numeric_with_text)
{
	static const char *const v[] = { "5", "n/a", "10", "" };

	fill_column(C_W, v, N(v));
	order(C_W, false);
	table_build(&tab, &panel, snap);
	ck_assert_uint_eq(tab.nrows, 4);
	ck_assert_uint_eq(tab.rows[3], 3);	/* the empty one last */
}
END_TEST

/* --- filter, limit, counts ----------------------------------------------- */

struct filter_case {
	size_t col;
	enum cmp_op op;
	const char *value;
	size_t want[8];
	size_t n;
};

/* The filter grid: a count column and a text column, no empty values. */
static const char *const filter_counts[] = { "3",  "10", "-5", "2",
					     NULL, "10", "0",  "1" };
static const char *const filter_names[] = {
	"bravo", "Alpha", "charlie", "Delta", "alpha", NULL, "10", "9"
};

static const struct filter_case filter_cases[] = {
	/* numbers compare as numbers: "10" > "3", "-5" < "2" */
	{ C_W, OP_EQ, "10", { 1, 5 }, 2 },
	{ C_W, OP_EQ, "10.0", { 1, 5 }, 2 },
	{ C_W, OP_NE, "10", { 0, 2, 3, 6, 7 }, 5 },
	{ C_W, OP_GT, "3", { 1, 5 }, 2 },
	{ C_W, OP_GE, "3", { 0, 1, 5 }, 3 },
	{ C_W, OP_LT, "3", { 2, 3, 6, 7 }, 4 },
	{ C_W, OP_LE, "3", { 0, 2, 3, 6, 7 }, 5 },
	{ C_W, OP_GT, "0", { 0, 1, 3, 5, 7 }, 5 },
	{ C_W, OP_EQ, "0", { 6 }, 1 },
	{ C_W, OP_GT, "100", { 0 }, 0 },
	/* text compares as text, case-insensitively; absent never matches */
	{ C_NAME, OP_EQ, "ALPHA", { 1, 4 }, 2 },
	{ C_NAME, OP_NE, "alpha", { 0, 2, 3, 6, 7 }, 5 },
	{ C_NAME, OP_LT, "b", { 1, 4, 6, 7 }, 4 },
	{ C_NAME, OP_GE, "Bravo", { 0, 2, 3 }, 3 },
	{ C_NAME, OP_GT, "bravo", { 2, 3 }, 2 },
	{ C_NAME, OP_LE, "Bravo", { 0, 1, 4, 6, 7 }, 5 },
};

static void fill_filter_grid(void)
{
	snapshot_grid_alloc(snap, 0, N(filter_names));
	for (size_t r = 0; r < N(filter_names); r++) {
		snapshot_set(snap, 0, r, C_NAME, filter_names[r]);
		snapshot_set(snap, 0, r, C_W, filter_counts[r]);
	}
}

START_TEST(test_filter)
{
	const struct filter_case *k = &filter_cases[_i];
	struct filter f = { .set = true,
			    .column = cols[k->col].id,
			    .col = k->col,
			    .op = k->op,
			    .value = (char *)k->value };

	fill_filter_grid();
	panel.filter = f;
	table_build(&tab, &panel, snap);
	assert_rows(k->want, k->n);
	ck_assert_uint_eq(tab.matched, k->n);
	ck_assert_uint_eq(tab.total, snap->grids[0].nrows);
}
END_TEST

/*
 * In a numeric column "no value" is not a number: it is not less than,
 * greater than or equal to any number, only different from it.
 */
struct empty_case {
	enum cmp_op op;
	bool matches;
};

static const struct empty_case empty_cases[] = {
	{ OP_EQ, false }, { OP_NE, true }, { OP_LT, false }, { OP_LE, false },
	{ OP_GT, false }, { OP_GE, false },
};

START_TEST(test_filter_empty_numeric)
{
	static const char *const v[] = { "" };
	struct filter f = { .set = true, .column = "w", .col = C_W,
			    .op = empty_cases[_i].op, .value = "5" };

	fill_column(C_W, v, 1);
	panel.filter = f;
	table_build(&tab, &panel, snap);
	ck_assert_msg(tab.matched == (empty_cases[_i].matches ? 1u : 0u),
		      "\"\" %s 5 in a count column: matched %zu",
		      cmp_op_name(f.op), tab.matched);
}
END_TEST

/* Filter, sort and limit together; the counts say what was cut. */
START_TEST(test_filter_sort_limit)
{
	static const size_t want[] = { 1, 5 };
	struct filter f = { .set = true, .column = "w", .col = C_W, .op = OP_GE,
			    .value = "2" };

	fill_column(C_W, counts, N(counts));
	panel.filter = f;
	order(C_W, true);
	panel.limit = 2;
	table_build(&tab, &panel, snap);
	assert_rows(want, N(want));
	ck_assert_uint_eq(tab.matched, 4);	/* 10, 10, 3, 2 */
	ck_assert_uint_eq(tab.total, N(counts));
}
END_TEST

START_TEST(test_limit)
{
	static const size_t want3[] = { 0, 1, 2 };
	static const size_t want7[] = { 0, 1, 2, 3, 4, 5, 6 };

	fill_column(C_W, counts, N(counts));
	panel.limit = 3;
	table_build(&tab, &panel, snap);
	assert_rows(want3, N(want3));
	ck_assert_uint_eq(tab.matched, N(counts));
	ck_assert_uint_eq(tab.total, N(counts));
	panel.limit = 100;
	table_build(&tab, &panel, snap);
	assert_rows(want7, N(want7));
	panel.limit = 0;	/* no limit */
	table_build(&tab, &panel, snap);
	assert_rows(want7, N(want7));
}
END_TEST

/* A grid the server did not send shows nothing; a table is reusable. */
START_TEST(test_absent_and_reuse)
{
	static const char *const many[] = { "1", "2", "3", "4", "5",
					    "6", "7", "8", "9" };

	table_build(&tab, &panel, snap);
	ck_assert_uint_eq(tab.nrows, 0);
	ck_assert_uint_eq(tab.matched, 0);
	ck_assert_uint_eq(tab.total, 0);
	fill_column(C_W, counts, 2);
	table_build(&tab, &panel, snap);
	ck_assert_uint_eq(tab.nrows, 2);
	fill_column(C_W, many, N(many));
	order(C_W, true);
	table_build(&tab, &panel, snap);
	ck_assert_uint_eq(tab.nrows, N(many));
	ck_assert_uint_eq(tab.rows[0], 8);
	ck_assert_uint_eq(tab.rows[8], 0);
	snapshot_grid_alloc(snap, 0, 0);
	table_build(&tab, &panel, snap);
	ck_assert_uint_eq(tab.nrows, 0);
	ck_assert_uint_eq(tab.total, 0);
}
END_TEST

/* --- roles --------------------------------------------------------------- */

struct role_case {
	const char *what;
	enum fmt fmt;
	double pct_scale;
	bool ticks;
	bool has_warn, has_crit;
	double warn, crit;
	bool high_is_bad;
	const char *raw;
	double tick;
	enum role want;
};

#define HIGH(w, c) true, true, w, c, true
#define LOW(w, c) true, true, w, c, false

static const struct role_case role_cases[] = {
	/* a queue: high is bad, both edges inclusive */
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "0", 0, ROLE_OK },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "4", 0, ROLE_OK },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "4.99", 0, ROLE_OK },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "5", 0, ROLE_WARN },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "9", 0, ROLE_WARN },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "10", 0, ROLE_CRIT },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "250", 0, ROLE_CRIT },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "", 0, ROLE_NORMAL },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), NULL, 0, ROLE_NORMAL },
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "n/a", 0, ROLE_NORMAL },
	/* a tick never moves a count */
	{ "count", FMT_COUNT, 0, false, HIGH(5, 10), "4", 100, ROLE_OK },
	/* only one level */
	{ "warn only", FMT_COUNT, 0, false, true, false, 5, 0, true, "5", 0,
	  ROLE_WARN },
	{ "warn only", FMT_COUNT, 0, false, true, false, 5, 0, true, "500", 0,
	  ROLE_WARN },
	{ "warn only", FMT_COUNT, 0, false, true, false, 5, 0, true, "4", 0,
	  ROLE_OK },
	{ "crit only", FMT_COUNT, 0, false, false, true, 0, 10, true, "9", 0,
	  ROLE_OK },
	{ "crit only", FMT_COUNT, 0, false, false, true, 0, 10, true, "10", 0,
	  ROLE_CRIT },
	/* no thresholds: a number is just normal */
	{ "none", FMT_COUNT, 0, false, false, false, 0, 0, true, "99", 0,
	  ROLE_NORMAL },
	/* a service level 0-100: low is bad */
	{ "sl 0-100", FMT_PERCENT, 1, false, LOW(80, 70), "100", 0, ROLE_OK },
	{ "sl 0-100", FMT_PERCENT, 1, false, LOW(80, 70), "80.1", 0, ROLE_OK },
	{ "sl 0-100", FMT_PERCENT, 1, false, LOW(80, 70), "80", 0, ROLE_WARN },
	{ "sl 0-100", FMT_PERCENT, 1, false, LOW(80, 70), "75", 0, ROLE_WARN },
	{ "sl 0-100", FMT_PERCENT, 1, false, LOW(80, 70), "70", 0, ROLE_CRIT },
	{ "sl 0-100", FMT_PERCENT, 1, false, LOW(80, 70), "0", 0, ROLE_CRIT },
	/* a ratio 0-1 scaled by 100 against thresholds in percent */
	{ "ratio", FMT_PERCENT, 100, false, LOW(80, 70), "0.81", 0, ROLE_OK },
	{ "ratio", FMT_PERCENT, 100, false, LOW(80, 70), "0.8", 0, ROLE_WARN },
	{ "ratio", FMT_PERCENT, 100, false, LOW(80, 70), "0.75", 0, ROLE_WARN },
	{ "ratio", FMT_PERCENT, 100, false, LOW(80, 70), "0.7", 0, ROLE_CRIT },
	{ "ratio", FMT_PERCENT, 100, false, LOW(80, 70), "1", 0, ROLE_OK },
	{ "ratio", FMT_PERCENT, 100, false, HIGH(5, 10), "0.04", 0, ROLE_OK },
	{ "ratio", FMT_PERCENT, 100, false, HIGH(5, 10), "0.05", 0, ROLE_WARN },
	{ "ratio", FMT_PERCENT, 100, false, HIGH(5, 10), "0.1", 0, ROLE_CRIT },
	/* the edge as shown: 0.57 is "57%", which is at warn 57 */
	{ "ratio edge", FMT_PERCENT, 100, false, HIGH(57, 90), "0.57", 0,
	  ROLE_WARN },
	{ "ratio edge", FMT_PERCENT, 100, false, HIGH(20, 29), "0.29", 0,
	  ROLE_CRIT },
	/* a duration that ticks: the tick is added before comparing */
	{ "ticking", FMT_DURATION, 0, true, HIGH(300, 600), "290", 0, ROLE_OK },
	{ "ticking", FMT_DURATION, 0, true, HIGH(300, 600), "290", 9.5,
	  ROLE_OK },
	{ "ticking", FMT_DURATION, 0, true, HIGH(300, 600), "290", 10,
	  ROLE_WARN },
	{ "ticking", FMT_DURATION, 0, true, HIGH(300, 600), "590", 10,
	  ROLE_CRIT },
	{ "ticking", FMT_DURATION, 0, true, HIGH(300, 600), "0", 700,
	  ROLE_CRIT },
	/* a duration that does not tick (an average) ignores the tick */
	{ "still", FMT_DURATION, 0, false, HIGH(300, 600), "290", 10, ROLE_OK },
	{ "still", FMT_DURATION, 0, false, HIGH(300, 600), "300", 0,
	  ROLE_WARN },
	/* a server that sends milliseconds, with scale = 0.001 */
	{ "ms", FMT_DURATION, 0.001, false, HIGH(300, 600), "299000", 0,
	  ROLE_OK },
	{ "ms", FMT_DURATION, 0.001, false, HIGH(300, 600), "300000", 0,
	  ROLE_WARN },
	{ "ms ticking", FMT_DURATION, 0.001, true, HIGH(300, 600), "590000", 10,
	  ROLE_CRIT },
	{ "decimal", FMT_DECIMAL, 0, false, LOW(10, 5), "5.5", 0, ROLE_WARN },
	{ "decimal", FMT_DECIMAL, 0, false, LOW(10, 5), "5", 0, ROLE_CRIT },
};

START_TEST(test_role_thresholds)
{
	const struct role_case *k = &role_cases[_i];
	struct column c = {
		.id = "x",
		.fmt = k->fmt,
		.pct_scale = k->pct_scale,
		.ticks = k->ticks,
		.th = { k->has_warn, k->has_crit, k->warn, k->crit,
			k->high_is_bad },
	};
	enum role got = table_role(&c, CELL(c, k->raw), k->tick);

	ck_assert_msg(got == k->want, "%s: \"%s\" tick %g -> %s, want %s",
		      k->what, k->raw ? k->raw : "NULL", k->tick,
		      role_name(got), role_name(k->want));
}
END_TEST

struct state_role_case {
	const char *raw;
	enum role want;
};

/* The default roles of the core's state words. */
static const struct state_role_case default_states[] = {
	{ "ready", ROLE_OK },
	{ "not_ready", ROLE_WARN },
	{ "busy", ROLE_INFO },
	{ "after_call_work", ROLE_INFO },
	{ "logged_out", ROLE_DIM },
	{ "supervising", ROLE_NORMAL },
	{ "", ROLE_NORMAL },
	{ NULL, ROLE_NORMAL },
};

START_TEST(test_role_default_states)
{
	const struct state_role_case *k = &default_states[_i];
	struct column c = { .id = "st", .fmt = FMT_STATE };

	ck_assert_msg(table_role(&c, CELL(c, k->raw), 0) == k->want,
		      "\"%s\": %s, want %s", k->raw ? k->raw : "NULL",
		      role_name(table_role(&c, CELL(c, k->raw), 0)),
		      role_name(k->want));
}
END_TEST

/*
 * A state map overrides the defaults, case-insensitively, on state and text
 * columns.
 */
START_TEST(test_role_state_map)
{
	struct state_role map[] = {
		{ "ready", state_find("ready"), ROLE_INFO },
		{ "not_ready", state_find("not_ready"), ROLE_CRIT },
		{ "Running", STATE_NONE, ROLE_OK },
		{ "Stopped", STATE_NONE, ROLE_CRIT },
	};
	struct column st = {
		.id = "st", .fmt = FMT_STATE, .states = map, .nstates = 2
	};
	struct column tx = { .id = "mode", .fmt = FMT_TEXT, .states = map + 2,
			     .nstates = 2 };

	ck_assert_int_eq(table_role(&st, CELL(st, "ready"), 0), ROLE_INFO);
	ck_assert_int_eq(table_role(&st, CELL(st, "not_ready"), 0), ROLE_CRIT);
	ck_assert_int_eq(table_role(&st, CELL(st, "NOT_READY"), 0), ROLE_CRIT);
	/* the map names a state: its other spellings and synonyms follow it */
	ck_assert_int_eq(table_role(&st, CELL(st, "Not Ready"), 0), ROLE_CRIT);
	ck_assert_int_eq(table_role(&st, CELL(st, "Available"), 0), ROLE_INFO);
	ck_assert_int_eq(table_role(&st, CELL(st, ""), 0), ROLE_NORMAL);
	ck_assert_int_eq(table_role(&tx, CELL(tx, "running"), 0), ROLE_OK);
	ck_assert_int_eq(table_role(&tx, CELL(tx, "Stopped"), 0), ROLE_CRIT);
	ck_assert_int_eq(table_role(&tx, CELL(tx, "Paused"), 0), ROLE_NORMAL);
	/* a text column matches the text, even a word that names a state */
	map[2].state = state_find("available");
	map[2].value = "Available";
	ck_assert_int_eq(table_role(&tx, CELL(tx, "available"), 0), ROLE_OK);
	ck_assert_int_eq(table_role(&tx, CELL(tx, "ready"), 0), ROLE_NORMAL);
	ck_assert_int_eq(table_role(&tx, CELL(tx, NULL), 0), ROLE_NORMAL);
	/* a text column without a map has no role */
	tx.nstates = 0;
	ck_assert_int_eq(table_role(&tx, CELL(tx, "ready"), 0), ROLE_NORMAL);
}
END_TEST

/* --- cell text ----------------------------------------------------------- */

struct cell_case {
	enum fmt fmt;
	double pct_scale;
	bool ticks;
	const char *raw;
	double tick;
	const char *text;
};

static const struct cell_case cell_cases[] = {
	{ FMT_COUNT, 0, false, "", 0, "-" },
	{ FMT_COUNT, 0, false, NULL, 0, "-" },
	{ FMT_COUNT, 0, false, "0", 0, "0" },
	{ FMT_COUNT, 0, false, "42", 0, "42" },
	{ FMT_COUNT, 0, false, "n/a", 0, "n/a" },
	{ FMT_TEXT, 0, false, "", 0, "-" },
	{ FMT_TEXT, 0, false, "0", 0, "0" },
	{ FMT_TEXT, 0, false, "Alpha", 0, "Alpha" },
	{ FMT_DURATION, 0, false, "0", 0, "0:00" },
	{ FMT_DURATION, 0, false, "125", 0, "2:05" },
	{ FMT_DURATION, 0, false, "125", 5, "2:05" },	/* does not tick */
	{ FMT_DURATION, 0, true, "125", 5, "2:10" },
	{ FMT_DURATION, 0, true, "3723", 0, "1:02:03" },
	{ FMT_DURATION, 0, true, "", 5, "-" },
	{ FMT_DURATION, 0.001, false, "125000", 0, "2:05" },	/* ms */
	{ FMT_DURATION, 0.001, true, "125000", 5, "2:10" },
	{ FMT_PERCENT, 100, false, "0.834", 0, "83%" },
	{ FMT_PERCENT, 1, false, "83.4", 0, "83%" },
	{ FMT_PERCENT, 1, false, "0", 0, "0%" },
	{ FMT_PERCENT, 1, false, "", 0, "-" },
	{ FMT_STATE, 0, false, "not_ready", 0, "Not Ready" },
	{ FMT_STATE, 0, false, "logged_out", 0, "Logged Out" },
	{ FMT_STATE, 0, false, "", 0, "-" },
};

START_TEST(test_cell_text)
{
	const struct cell_case *k = &cell_cases[_i];
	struct column c = { .id = "x", .fmt = k->fmt, .pct_scale = k->pct_scale,
			    .ticks = k->ticks };
	char out[64];

	memset(out, 'x', sizeof(out));
	table_cell(&c, CELL(c, k->raw), k->tick, out, sizeof(out));
	ck_assert_str_eq(out, k->text);
}
END_TEST

/* The role comes back with the text; a small buffer is never overrun. */
START_TEST(test_cell_role_and_size)
{
	struct column c = { .id = "w", .fmt = FMT_COUNT,
			    .th = { true, true, 5, 10, true } };
	struct column t = { .id = "n", .fmt = FMT_TEXT };
	char out[8];

	ck_assert_int_eq(table_cell(&c, CELL(c, "12"), 0, out, sizeof(out)),
			 ROLE_CRIT);
	ck_assert_str_eq(out, "12");
	ck_assert_int_eq(table_cell(&c, CELL(c, "6"), 0, out, sizeof(out)),
			 ROLE_WARN);
	ck_assert_int_eq(table_cell(&c, CELL(c, "0"), 0, out, sizeof(out)),
			 ROLE_OK);
	ck_assert_str_eq(out, "0");
	ck_assert_int_eq(table_cell(&c, CELL(c, ""), 0, out, sizeof(out)),
			 ROLE_NORMAL);
	ck_assert_str_eq(out, "-");
	memset(out, 'x', sizeof(out));
	table_cell(&t, CELL(t, "Alphabetical"), 0, out, 4);
	ck_assert_str_eq(out, "Alp");
	ck_assert_int_eq(out[4], 'x');
}
END_TEST

/* --- messages ------------------------------------------------------------ */

static void set_messages(const double *times, const char *const *contents,
			 size_t n)
{
	snap->msgs = calloc(n, sizeof(*snap->msgs));
	ck_assert_ptr_nonnull(snap->msgs);
	snap->nmsgs = n;
	for (size_t i = 0; i < n; i++) {
		snap->msgs[i].id = "";
		snap->msgs[i].login_id = "";
		snap->msgs[i].first_name = "";
		snap->msgs[i].last_name = "";
		snap->msgs[i].content = contents[i];
		snap->msgs[i].send_time = times[i];
	}
}

static void assert_idx(const size_t *got, size_t ngot, const size_t *want,
		       size_t n)
{
	ck_assert_uint_eq(ngot, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(got[i] == want[i], "message %zu: %zu, want %zu",
			      i, got[i], want[i]);
}

static const double msg_times[] = { 100, 300, 200, 0, 300, 250 };
static const char *const msg_texts[] = { "Outage in EU", "lunch is here",
					 "outage over",  "",
					 "OUTAGE again", "all fine" };

START_TEST(test_messages_newest_first)
{
	struct panel p = { .id = "chat", .kind = PANEL_TICKER };
	size_t idx[16];
	/* 300 twice: server order between them; time 0 (unknown) last */
	static const size_t want[] = { 1, 4, 5, 2, 0, 3 };

	set_messages(msg_times, msg_texts, N(msg_times));
	assert_idx(idx, table_messages(&p, snap, idx, N(idx)), want, N(want));
}
END_TEST

START_TEST(test_messages_match)
{
	struct panel p = { .id = "chat",
			   .kind = PANEL_TICKER,
			   .msg_filter = "outage" };
	size_t idx[16];
	static const size_t want[] = { 4, 2, 0 };

	set_messages(msg_times, msg_texts, N(msg_times));
	assert_idx(idx, table_messages(&p, snap, idx, N(idx)), want, N(want));
	p.msg_filter = "";
	ck_assert_uint_eq(table_messages(&p, snap, idx, N(idx)), N(msg_times));
	p.msg_filter = "nothing like it";
	ck_assert_uint_eq(table_messages(&p, snap, idx, N(idx)), 0);
}
END_TEST

START_TEST(test_messages_limit)
{
	struct panel p = { .id = "chat", .kind = PANEL_TICKER, .msg_limit = 2 };
	size_t idx[16];
	static const size_t want2[] = { 1, 4 };
	static const size_t want_match[] = { 4, 2 };

	set_messages(msg_times, msg_texts, N(msg_times));
	assert_idx(idx, table_messages(&p, snap, idx, N(idx)), want2, N(want2));
	p.msg_filter = "OUTAGE";
	assert_idx(idx, table_messages(&p, snap, idx, N(idx)), want_match,
		   N(want_match));
	p.msg_limit = 100;
	ck_assert_uint_eq(table_messages(&p, snap, idx, N(idx)), 3);
}
END_TEST

/* Room for fewer than there are: still the newest ones. */
START_TEST(test_messages_small_room)
{
	static const double times[] = { 100, 200, 300, 400 };
	static const char *const texts[] = { "a", "b", "c", "d" };
	struct panel p = { .id = "chat", .kind = PANEL_TICKER };
	size_t idx[2];
	static const size_t want[] = { 3, 2 };

	set_messages(times, texts, N(times));
	assert_idx(idx, table_messages(&p, snap, idx, N(idx)), want, N(want));
	ck_assert_uint_eq(table_messages(&p, snap, idx, 0), 0);
}
END_TEST

START_TEST(test_messages_none)
{
	struct panel p = { .id = "chat",
			   .kind = PANEL_TICKER,
			   .msg_filter = "x" };
	size_t idx[4];

	ck_assert_uint_eq(table_messages(&p, snap, idx, N(idx)), 0);
}
END_TEST

/* --- markers ------------------------------------------------------------- */

START_TEST(test_role_marker)
{
	ck_assert_str_eq(role_marker(ROLE_NORMAL), "");
	ck_assert_str_eq(role_marker(ROLE_OK), "");
	ck_assert_str_eq(role_marker(ROLE_INFO), "");
	ck_assert_str_eq(role_marker(ROLE_DIM), "");
	ck_assert_str_eq(role_marker(ROLE_WARN), "!");
	ck_assert_str_eq(role_marker(ROLE_CRIT), "!!");
	/* distinct cues for the two alarm levels */
	ck_assert_str_ne(role_marker(ROLE_WARN), role_marker(ROLE_CRIT));
}
END_TEST

/* --- search -------------------------------------------------------------- */

static const char *const queue_names[] = { "Voice Inbound", "Chat Service",
					   "Support für Kunden", NULL,
					   "voice VIP" };

/* The name column is the first text column, wherever it is. */
START_TEST(test_name_column)
{
	ck_assert_uint_eq(table_name_column(&panel), C_NAME);
	cols[C_NAME].fmt = FMT_COUNT;
	ck_assert_uint_eq(table_name_column(&panel), 0);
	cols[C_SL].fmt = FMT_TEXT;
	ck_assert_uint_eq(table_name_column(&panel), C_SL);
}
END_TEST

/* Any case, anywhere in the name; a row with no name never matches. */
START_TEST(test_search_narrows)
{
	static const size_t voice[] = { 0, 4 }, kunden[] = { 2 }, none[1];

	fill_column(C_NAME, queue_names, N(queue_names));
	table_build_match(&tab, &panel, snap, "VOICE");
	assert_rows(voice, N(voice));
	ck_assert_uint_eq(tab.matched, 2);
	ck_assert_uint_eq(tab.total, N(queue_names));
	table_build_match(&tab, &panel, snap, "für");
	assert_rows(kunden, N(kunden));
	table_build_match(&tab, &panel, snap, "no such queue");
	assert_rows(none, 0);
}
END_TEST

/* No search, or an empty one, is every row, as table_build gives them. */
START_TEST(test_search_empty_is_all)
{
	static const size_t all[] = { 0, 1, 2, 3, 4 };

	fill_column(C_NAME, queue_names, N(queue_names));
	table_build_match(&tab, &panel, snap, "");
	assert_rows(all, N(all));
	table_build_match(&tab, &panel, snap, NULL);
	assert_rows(all, N(all));
	table_build(&tab, &panel, snap);
	assert_rows(all, N(all));
}
END_TEST

/* The search comes before the sort and the limit: a match past it is found. */
START_TEST(test_search_before_limit)
{
	static const char *const w[] = { "9", "8", "7", "6", "1" };
	static const size_t want[] = { 4 };

	fill_column(C_NAME, queue_names, N(queue_names));
	for (size_t r = 0; r < N(w); r++)
		snapshot_set(snap, 0, r, C_W, w[r]);
	order(C_W, true);
	panel.limit = 2;
	table_build_match(&tab, &panel, snap, "vip");
	assert_rows(want, N(want));
}
END_TEST

static Suite *table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc;

	tc = tcase_create("sort");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sort_numeric_asc);
	tcase_add_test(tc, test_sort_numeric_desc);
	tcase_add_test(tc, test_sort_numeric_kinds);
	tcase_add_test(tc, test_sort_text_asc);
	tcase_add_test(tc, test_sort_text_desc);
	tcase_add_test(tc, test_sort_states_asc);
	tcase_add_test(tc, test_sort_states_desc);
	tcase_add_test(tc, test_sort_states_unknown);
	tcase_add_test(tc, test_sort_stable);
	tcase_add_test(tc, test_no_order);
	tcase_add_test(tc, test_sort_numeric_with_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("filter and limit");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_filter, 0, (int)N(filter_cases));
	tcase_add_loop_test(tc, test_filter_empty_numeric, 0,
			    (int)N(empty_cases));
	tcase_add_test(tc, test_filter_sort_limit);
	tcase_add_test(tc, test_limit);
	tcase_add_test(tc, test_absent_and_reuse);
	suite_add_tcase(s, tc);

	tc = tcase_create("search");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_name_column);
	tcase_add_test(tc, test_search_narrows);
	tcase_add_test(tc, test_search_empty_is_all);
	tcase_add_test(tc, test_search_before_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("table_role");
	tcase_add_loop_test(tc, test_role_thresholds, 0, (int)N(role_cases));
	tcase_add_loop_test(tc, test_role_default_states, 0,
			    (int)N(default_states));
	tcase_add_test(tc, test_role_state_map);
	suite_add_tcase(s, tc);

	tc = tcase_create("table_cell");
	tcase_add_loop_test(tc, test_cell_text, 0, (int)N(cell_cases));
	tcase_add_test(tc, test_cell_role_and_size);
	suite_add_tcase(s, tc);

	tc = tcase_create("table_messages");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_messages_newest_first);
	tcase_add_test(tc, test_messages_match);
	tcase_add_test(tc, test_messages_limit);
	tcase_add_test(tc, test_messages_small_room);
	tcase_add_test(tc, test_messages_none);
	suite_add_tcase(s, tc);

	tc = tcase_create("role_marker");
	tcase_add_test(tc, test_role_marker);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(table_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
