/*
 * check_layout_text.c - layouts given as text (layout_load_text): the
 * syntax as a layout meets it (lines after comments, what is left open,
 * stray braces, ${...} left alone), the range of every number, the
 * renderer's limits, text sanitised on its way into the model and into
 * messages, and files that are no layout files (a FIFO, a directory).
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout/layout.h"
#include "testlib.h"

#define MAX_MSGS 4
#define NAME "t.layout"

/* Assert that got holds exactly want (NULL-terminated), each after "NAME:". */
static void expect_msgs(const struct errlist *got, const char *const *want)
{
	testlib_expect_msgs(got, NAME, want, MAX_MSGS);
}

/* Load text that must load cleanly. */
static struct layout *load_ok(const char *text)
{
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = layout_load_text(NAME, text, "brightpattern", &errs,
					    &warns);

	testlib_no_messages("error", &errs);
	testlib_no_messages("warning", &warns);
	ck_assert_ptr_nonnull(l);
	return l;
}

/* ---- texts, each loading or failing with its messages ------------------ */

struct text_case {
	const char *text;
	const char *msgs[MAX_MSGS];	/* none: it loads */
};

#define TICKER "row { panel \"p\" { type = ticker } }\n"
#define HEAD "title = \"t\"\n"
/* A layout with one totals column; s is inside the column, at line 4. */
#define COLUMN(s) HEAD "row { panel \"p\" { type = totals\n" \
	"column \"c\" { stat = \"service_level\"\n" s "\n} } }\n"

/* An agent grid of four columns; s is among its options, at line 4. */
#define AGENTS(s) HEAD "row { panel \"p\" { type = agent_grid\n" \
	"column \"n\" { stat = \"first_last_name\" }\n" s "\n" \
	"column \"s\" { stat = \"acd_state\" }\n" \
	"column \"t\" { stat = \"state_duration\" }\n" \
	"column \"r\" { stat = \"reason\" } } }\n"

static const struct text_case text_cases[] = {
	/* Lines are exact after comments of all three kinds. */
	{ "# a comment\n"
	  "// another\n"
	  "/* a block\n"
	  "   comment */\n"
	  "title = \"Comments\"   /* inline */ # trailing\n"
	  "row {\n"
	  "  panel \"p\" {   // here\n"
	  "    type = totals\n"
	  "    /* x */ column \"c\" { stat = \"nope\" }\n"
	  "  }\n"
	  "}\n",
	  { "9: unknown statistic \"nope\" (not in the brightpattern "
	    "catalogue)" } },
	/* What is left open: the innermost section, at the line it opened. */
	{ HEAD "row {\n"
	       "  panel \"p\" { type = ticker }\n"
	       "  panel \"q\" {\n"
	       "    type = ticker\n",
	  { "4: section \"panel\" \"q\" opened at line 4 has no closing "
	    "brace" } },
	/* A panel without its brace before the next row. */
	{ HEAD "row {\n"
	       "  panel \"q\" {\n"
	       "    type = ticker\n"
	       "}\n"
	       "row {\n"
	       "  panel \"r\" { type = ticker }\n"
	       "}\n",
	  { "2: section \"row\" opened at line 2 has no closing brace",
	    "6: section \"row\" cannot be in row (opened at line 2): is a "
	    "\"}\" missing before it?" } },
	{ HEAD "row {\n"
	       "  panel \"p\" {\n"
	       "    type = ticker\n"
	       "    title = \"Open\n"
	       "  }\n"
	       "}\n",
	  { "5: string has no closing '\"'" } },
	{ HEAD TICKER "/* the end\n",
	  { "3: comment \"/*\" has no closing \"*/\"" } },
	{ HEAD "}\n" TICKER "}\n",
	  { "2: unexpected \"}\": no section is open",
	    "4: unexpected \"}\": no section is open" } },
	{ HEAD "colour = red\n" TICKER,
	  { "2: unknown option \"colour\" (known: title, key, rotate, "
	    "provider, state_map, "
	    "service_media, alert, alert_at, trend, row)" } },
	{ HEAD "row { panel \"p\" { type = ticker titel = x } }\n",
	  { "2: unknown option \"titel\" in panel \"p\": did you mean "
	    "\"title\"?" } },
	/* rotate: 0 (the default), or 1 to 86400 seconds. */
	{ HEAD "rotate = 0\n" TICKER, { NULL } },
	{ HEAD "rotate = 1\n" TICKER, { NULL } },
	{ HEAD "rotate = 86400\n" TICKER, { NULL } },
	{ HEAD "rotate = 1e-9\n" TICKER,
	  { "2: rotate must be 0 (the default) or 1 to 86400 seconds" } },
	{ HEAD "rotate = 0.5\n" TICKER,
	  { "2: rotate must be 0 (the default) or 1 to 86400 seconds" } },
	{ HEAD "rotate = 86401\n" TICKER,
	  { "2: rotate must be 0 (the default) or 1 to 86400 seconds" } },
	{ HEAD "rotate = inf\n" TICKER,
	  { "2: option \"rotate\" takes a finite number, not \"inf\"" } },
	/* Relative sizes: more than 0, at most 1000. */
	{ HEAD "row { height = 1000\n"
	       "panel \"p\" { type = ticker width = 0.001 } }\n",
	  { NULL } },
	{ HEAD "row { height = 1e308\npanel \"p\" { type = ticker } }\n",
	  { "2: height must be more than 0 and at most 1000" } },
	{ HEAD "row { height = -1\npanel \"p\" { type = ticker } }\n",
	  { "2: height must be more than 0 and at most 1000" } },
	{ HEAD "row {\npanel \"p\" { type = ticker\nwidth = 1001 } }\n",
	  { "4: width must be more than 0 and at most 1000" } },
	{ HEAD "row {\npanel \"p\" { type = ticker\nwidth = 0 } }\n",
	  { "4: width must be more than 0 and at most 1000" } },
	{ HEAD "row {\npanel \"p\" { type = ticker\nwidth = nan } }\n",
	  { "4: option \"width\" takes a finite number, not \"nan\"" } },
	/* A column's width in cells, 0 to 1000. */
	{ COLUMN("width = 1000"), { NULL } },
	{ COLUMN("width = 1001"),
	  { "4: width must be 0 (from the format) to 1000 cells" } },
	{ COLUMN("width = -1"),
	  { "4: width must be 0 (from the format) to 1000 cells" } },
	/* scale: more than 0, at most 1000000. */
	{ COLUMN("scale = 1000000"), { NULL } },
	{ COLUMN("scale = 0"),
	  { "4: scale must be more than 0 and at most 1000000" } },
	{ COLUMN("scale = 1e7"),
	  { "4: scale must be more than 0 and at most 1000000" } },
	/* warn and crit: finite numbers. */
	{ COLUMN("warn = -1e300 crit = 1e300"), { NULL } },
	{ COLUMN("warn = 1e999"),
	  { "4: option \"warn\" takes a finite number, not \"1e999\"" } },
	{ COLUMN("crit = -inf"),
	  { "4: option \"crit\" takes a finite number, not \"-inf\"" } },
	/* limit: 0 to 100000. */
	{ HEAD "row {\npanel \"p\" { type = ticker\nlimit = 100000 } }\n",
	  { NULL } },
	{ HEAD "row {\npanel \"p\" { type = ticker\nlimit = 100001 } }\n",
	  { "4: limit must be 0 (no limit) to 100000" } },
	{ HEAD "row {\npanel \"p\" { type = ticker\nlimit = 1e3 } }\n",
	  { "4: option \"limit\" takes an integer, not \"1e3\"" } },
	/* state_map: a server's words for the states of the table. */
	{ HEAD
	  "state_map = { \"Pausa=not_ready\", \"En linea = Busy\" }\n" TICKER,
	  { NULL } },
	{ HEAD "state_map = {\n"
	       "\"Pausa\",\n"
	       "\"Comida=lunchtime\",\n"
	       "\"=ready\" }\n" TICKER,
	  { "3: state_map entry \"Pausa\" is not word=state",
	    "4: state_map entry \"Comida=lunchtime\": \"lunchtime\" is no "
	    "state (ready, busy, after_call_work, not_ready, logged_out)",
	    "5: state_map entry \"=ready\" is not word=state" } },
	/* one entry needs no braces */
	{ HEAD "state_map = \"Pausa=not_ready\"\n" TICKER, { NULL } },
	/* key: 1 to 9. */
	{ HEAD "key = 9\n" TICKER, { NULL } },
	{ HEAD "key = 10\n" TICKER, { "2: key 10 is not 1..9" } },
	{ HEAD "key = -1\n" TICKER, { "2: key -1 is not 1..9" } },
	/* view and tile_column: agent grids only, a known word, a column. */
	{ AGENTS("view = tiles\ntile_column = \"r\""), { NULL } },
	{ AGENTS("view = cards"),
	  { "4: unknown view \"cards\" (list, tiles or auto)" } },
	{ AGENTS("tile_column = \"nope\""),
	  { "4: tile_column \"nope\" names no column of panel \"p\"" } },
	{ HEAD "row { panel \"p\" { type = service_grid\n"
	       "view = tiles\n"
	       "column \"n\" { stat = \"name\" } } }\n",
	  { "3: option \"view\" does not apply to a service_grid panel" } },
	/* Messages quote the file sanitised. */
	{ COLUMN("warn = 1  bad = \"\\033[31mred\\n\\342\\200\\256x\""),
	  { "4: unknown bad \"red x\" (high or low)" } },
	{ HEAD "row { panel \"p\" { type = totals\n"
	       "column \"c\" { stat = \"\x1b]0;PWNED\x07\\033[2J\" } } }\n",
	  { "3: unknown statistic \"\" (not in the brightpattern "
	    "catalogue)" } },
	{ HEAD "row { panel \"p\" { type = \"\xe2\x80\xae\\x1b[5mgrid\" } }\n",
	  { "2: unknown panel type \"grid\" (totals, agent_grid, "
	    "service_grid or ticker)" } },
};

START_TEST(test_text_case)
{
	const struct text_case *tc = &text_cases[_i];
	struct errlist errs = { NULL, 0 };
	struct layout *l;

	l = layout_load_text(NAME, tc->text, "brightpattern", &errs, NULL);
	expect_msgs(&errs, tc->msgs);
	ck_assert(tc->msgs[0] == NULL ? l != NULL : l == NULL);
	layout_free(l);
	errlist_free(&errs);
}
END_TEST

/* ---- the renderer's limits ---------------------------------------------- */

struct limit_case {
	const char *what;	/* "rows", "panels" or "columns" */
	int n;
	int max;
};

static const struct limit_case limit_cases[] = {
	{ "rows", LAYOUT_MAX_ROWS, LAYOUT_MAX_ROWS },
	{ "rows", LAYOUT_MAX_ROWS + 1, LAYOUT_MAX_ROWS },
	{ "panels", LAYOUT_MAX_PANELS_PER_ROW, LAYOUT_MAX_PANELS_PER_ROW },
	{ "panels", LAYOUT_MAX_PANELS_PER_ROW + 1, LAYOUT_MAX_PANELS_PER_ROW },
	{ "columns", LAYOUT_MAX_COLUMNS, LAYOUT_MAX_COLUMNS },
	{ "columns", LAYOUT_MAX_COLUMNS + 2, LAYOUT_MAX_COLUMNS },
};

/*
 * A layout of n rows, n panels in a row or n columns in a panel, one a
 * line from line 3.
 */
static char *limit_text(const struct limit_case *lc)
{
	bool rows = strcmp(lc->what, "rows") == 0;
	bool panels = strcmp(lc->what, "panels") == 0;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, HEAD);
	buf_puts(&b, rows ? "\n" : panels ? "row {\n" :
		 "row { panel \"p\" { type = service_grid\n");
	for (int i = 0; i < lc->n; i++)
		buf_printf(&b,
			   rows ? "row { panel \"p%d\" { type = ticker } }\n"
			   : panels ? "panel \"p%d\" { type = ticker }\n"
				    : "column \"c%d\" { stat = \"name\" }\n",
			   i);
	buf_puts(&b, rows ? "" : panels ? "}\n" : "} }\n");
	return b.data;
}

START_TEST(test_limit)
{
	const struct limit_case *lc = &limit_cases[_i];
	char *text = limit_text(lc);
	struct errlist errs = { NULL, 0 };
	struct layout *l = layout_load_text(NAME, text, NULL, &errs, NULL);
	char *msg = xasprintf("%d: %s has more than %d %s", 3 + lc->max,
			      strcmp(lc->what, "rows") == 0     ? "layout"
			      : strcmp(lc->what, "panels") == 0 ? "row"
								: "panel \"p\"",
			      lc->max, lc->what);
	const char *const want[] = { msg, NULL };

	if (lc->n <= lc->max) {
		ck_assert_ptr_nonnull(l);
		ck_assert_uint_eq(strcmp(lc->what, "rows") == 0 ? l->nrows :
				  strcmp(lc->what, "panels") == 0 ? l->npanels :
				  l->panels[0].ncols, (size_t)lc->n);
	} else {
		ck_assert_ptr_null(l);
		expect_msgs(&errs, want);
	}
	layout_free(l);
	errlist_free(&errs);
	free(msg);
	free(text);
}
END_TEST

/* ---- text into the model --------------------------------------------- */

/* True if s holds no control byte and no bidi override. */
static bool clean(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0xae || p[2] == 0xab)))
			return false;
	return true;
}

START_TEST(test_text_sanitised)
{
	static const char text[] =
		"title = \"\\033]0;PWNED\\a\\033[2J\\nx\\342\\200\\256y\"\n"
		"row {\n"
		"  panel \"a\" {\n"
		"    type  = agent_grid\n"
		"    title = \"\x1b]0;PWNED\x07\xe2\x80\xae\"\n"
		"    teams = {\"\\033[31mSales\", \"Ops\\r\\n\"}\n"
		"    services = {'\x1b[1mVoice'}\n"
		"    filter_by = \"st\"  filter_operation = EQ\n"
		"    filter_value = \"\\e]8;;x\\aready\"\n"
		"    column \"st\" {\n"
		"      stat   = acd_state\n"
		"      title  = \"\\342\\200\\253State\\t\"\n"
		"      states = {\"\\033[1mready = ok\", \"busy\\n=info\"}\n"
		"    }\n"
		"    column \"d\" {\n"
		"      stat = calls_dispositions_per_day\n"
		"      dispositions = {\"\\x9b2JSold\"}\n"
		"    }\n"
		"  }\n"
		"  panel \"t\" { type = ticker  match = \"\\033[5mout\\nage\" "
		"}\n"
		"}\n";
	struct layout *l = load_ok(text);
	const struct panel *a = &l->panels[0];

	ck_assert_str_eq(l->title, " xy");
	ck_assert_str_eq(a->title, "");
	ck_assert_str_eq(a->teams[0], "Sales");
	ck_assert_str_eq(a->teams[1], "Ops  ");
	ck_assert_str_eq(a->services[0], "Voice");
	ck_assert_str_eq(a->filter.value, "ready");
	ck_assert_str_eq(a->cols[0].title, "State ");
	ck_assert_str_eq(a->cols[0].states[0].value, "ready");
	ck_assert_str_eq(a->cols[0].states[1].value, "busy ");
	ck_assert(clean(a->cols[1].dispositions[0]));
	ck_assert_str_eq(l->panels[1].msg_filter, "out age");
	layout_free(l);
}
END_TEST

START_TEST(test_env_not_expanded)
{
	static const char text[] = "title = \"${WB_LAYOUT_SECRET}\"\n"
				   "row { panel \"p\" { type = ticker  title = "
				   "${WB_LAYOUT_SECRET}\n"
				   "  match = \"${WB_LAYOUT_SECRET:-x}\" } }\n";
	struct layout *l;

	setenv("WB_LAYOUT_SECRET", "s3cret", 1);
	l = load_ok(text);
	ck_assert_str_eq(l->title, "${WB_LAYOUT_SECRET}");
	ck_assert_str_eq(l->panels[0].title, "${WB_LAYOUT_SECRET}");
	ck_assert_str_eq(l->panels[0].msg_filter, "${WB_LAYOUT_SECRET:-x}");
	layout_free(l);
	unsetenv("WB_LAYOUT_SECRET");
}
END_TEST

START_TEST(test_load_text_name)
{
	struct layout *l = load_ok("title = \"Named\"\n" TICKER);
	struct errlist errs = { NULL, 0 };

	ck_assert_str_eq(l->file, NAME);
	ck_assert_str_eq(l->title, "Named");
	ck_assert_uint_eq(l->npanels, 1);
	layout_free(l);
	ck_assert_ptr_null(layout_load_text("<inline>", "", NULL, &errs, NULL));
	ck_assert_uint_eq(errs.n, 2);
	ck_assert_str_eq(errs.msgs[0], "<inline>:1: layout has no title "
			 "(title = \"...\")");
	errlist_free(&errs);
}
END_TEST

/* ---- files that are not layout files --------------------------------- */

START_TEST(test_fifo_refused)
{
	char dir[] = "/tmp/check_layout_text.XXXXXX";
	struct errlist errs = { NULL, 0 };
	char *path, *want;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/fifo.layout", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	/* No writer: opening it the usual way would block for ever. */
	ck_assert_ptr_null(layout_load(path, NULL, &errs, NULL));
	want = xasprintf("%s: not a regular file", path);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.msgs[0], want);
	errlist_free(&errs);
	free(want);
	ck_assert_ptr_null(layout_load(dir, NULL, &errs, NULL));
	want = xasprintf("%s: not a regular file", dir);
	ck_assert_str_eq(errs.msgs[0], want);
	errlist_free(&errs);
	free(want);
	unlink(path);
	rmdir(dir);
	free(path);
}
END_TEST

/*
 * An agent grid's tiles find their columns: the state and the time in
 * state by their formats, the extra one by tile_column; the view is
 * the list unless the layout says otherwise.
 */
START_TEST(test_tile_columns)
{
	struct layout *l = load_ok(AGENTS("view = auto\ntile_column = \"r\""));
	const struct panel *p = &l->panels[0];

	ck_assert_int_eq(p->view, VIEW_AUTO);
	ck_assert_int_eq(p->tile_state, 1);
	ck_assert_int_eq(p->tile_time, 2);
	ck_assert_int_eq(p->tile_extra, 3);
	ck_assert_str_eq(panel_view_name(p->view), "auto");
	layout_free(l);
	l = load_ok(AGENTS(""));
	ck_assert_int_eq(l->panels[0].view, VIEW_LIST);
	ck_assert_int_eq(l->panels[0].tile_extra, -1);
	layout_free(l);
}
END_TEST

static Suite *layout_text_suite(void)
{
	Suite *s = suite_create("layout_text");
	TCase *tc = tcase_create("text");

	tcase_add_loop_test(tc, test_text_case, 0,
			    (int)WB_ARRAY_LEN(text_cases));
	tcase_add_loop_test(tc, test_limit, 0, (int)WB_ARRAY_LEN(limit_cases));
	tcase_add_test(tc, test_text_sanitised);
	tcase_add_test(tc, test_env_not_expanded);
	tcase_add_test(tc, test_load_text_name);
	tcase_add_test(tc, test_fifo_refused);
	tcase_add_test(tc, test_tile_columns);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(layout_text_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
