/*
 * check_layout.c - the layout language: the shipped layouts, a fixture that
 * uses every option, one fixture per error (asserting the exact
 * "FILE:LINE: message"), warnings, providers, and the layoutset.
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "testlib.h"

#define MAX_MSGS 8

/* A file under the source tree ($top_srcdir, else "."). */
static char *src_path(const char *rel)
{
	const char *top = getenv("top_srcdir");
	return xasprintf("%s/%s", top && *top ? top : ".", rel);
}

/* A fixture under tests/data/layouts. */
static char *fixture(const char *rel)
{
	char *tmp = xasprintf("tests/data/layouts/%s", rel);
	char *path = src_path(tmp);
	free(tmp);
	return path;
}

/* Assert that got holds exactly want (NULL-terminated), each after "PATH:". */
static void expect_msgs(const struct errlist *got, const char *path,
			const char *const *want)
{
	testlib_expect_msgs(got, path, want, MAX_MSGS);
}

/* Load a fixture that must load without errors or warnings. */
static struct layout *load_clean(const char *path)
{
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = layout_load(path, "brightpattern", &errs, &warns);

	testlib_no_messages("error", &errs);
	testlib_no_messages("warning", &warns);
	ck_assert_ptr_nonnull(l);
	return l;
}

/* A panel of l by id. */
static const struct panel *panel_by_id(const struct layout *l, const char *id)
{
	for (size_t i = 0; i < l->npanels; i++)
		if (strcmp(l->panels[i].id, id) == 0)
			return &l->panels[i];
	ck_abort_msg("no panel %s", id);
	return NULL;
}

/* A column of p by id. */
static const struct column *col_by_id(const struct panel *p, const char *id)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (strcmp(p->cols[i].id, id) == 0)
			return &p->cols[i];
	ck_abort_msg("no column %s in %s", id, p->id);
	return NULL;
}

/* ---- the shipped layouts --------------------------------------------- */

static const char *const shipped[] = {
	"layouts/brightpattern/inbound.layout",
	"layouts/brightpattern/agents.layout",
	"layouts/brightpattern/outbound.layout",
	"layouts/brightpattern/digital.layout",
};

/* What every loaded column and panel must look like after resolution. */
static void check_resolved(const struct layout *l)
{
	ck_assert_uint_gt(l->npanels, 0);
	for (size_t i = 0; i < l->npanels; i++) {
		const struct panel *p = &l->panels[i];
		int cells = 1;
		ck_assert_ptr_nonnull(p->title);
		for (size_t c = 0; c < p->ncols; c++) {
			const struct column *col = &p->cols[c];
			ck_assert_int_ne(col->fmt, FMT_AUTO);
			ck_assert_int_ne(col->align, ALIGN_AUTO);
			ck_assert(col->info != NULL ||
				  strcmp(col->stat, "SUM") == 0);
			ck_assert(col->pct_scale > 0);
			ck_assert_int_gt(col->line, 0);
			cells += col->width + 1;
		}
		if (p->kind == PANEL_AGENT_GRID ||
		    p->kind == PANEL_SERVICE_GRID) {
			ck_assert_int_le(cells, 79);	/* fits 80 columns */
			if (p->order_by)
				ck_assert_str_eq(p->cols[p->order_col].id,
						 p->order_by);
		}
	}
	for (size_t r = 0, next = 0; r < l->nrows; r++) {
		ck_assert_uint_eq(l->rows[r].first, next);
		ck_assert_uint_gt(l->rows[r].npanels, 0);
		next += l->rows[r].npanels;
		if (r + 1 == l->nrows)
			ck_assert_uint_eq(next, l->npanels);
	}
}

START_TEST(test_shipped_load_clean)
{
	char *path = src_path(shipped[_i]);
	struct layout *l = load_clean(path);

	ck_assert_int_eq(l->key, _i + 1);
	ck_assert_str_eq(l->provider, "brightpattern");
	ck_assert_str_eq(l->file, path);
	check_resolved(l);
	layout_free(l);
	free(path);
}
END_TEST

START_TEST(test_shipped_inbound)
{
	char *path = src_path("layouts/brightpattern/inbound.layout");
	struct layout *l = load_clean(path);
	const struct panel *q = panel_by_id(l, "queues");
	const struct column *sl = col_by_id(q, "sl");

	ck_assert_str_eq(l->title, "Inbound queues");
	ck_assert_int_eq(q->kind, PANEL_SERVICE_GRID);
	ck_assert_str_eq(q->order_by, "waiting");
	ck_assert_uint_eq(q->order_col, 1);
	ck_assert(q->order_desc);
	ck_assert_int_eq(sl->fmt, FMT_PERCENT);
	ck_assert_int_eq(sl->align, ALIGN_RIGHT);
	ck_assert(!sl->th.high_is_bad);
	ck_assert_int_eq(col_by_id(q, "name")->align, ALIGN_LEFT);
	ck_assert(col_by_id(q, "longest")->ticks);
	ck_assert_int_eq(col_by_id(q, "longest")->fmt, FMT_DURATION);
	ck_assert_int_eq(panel_by_id(l, "messages")->kind, PANEL_TICKER);
	ck_assert_int_eq(panel_by_id(l, "messages")->msg_limit, 20);
	ck_assert(
		!col_by_id(panel_by_id(l, "agents"), "ready")->th.high_is_bad);
	layout_free(l);
	free(path);
}
END_TEST

START_TEST(test_shipped_agents)
{
	char *path = src_path("layouts/brightpattern/agents.layout");
	struct layout *l = load_clean(path);
	const struct panel *b = panel_by_id(l, "board");
	const struct column *st = col_by_id(b, "state");

	ck_assert_int_eq(b->kind, PANEL_AGENT_GRID);
	ck_assert(b->logged_in_only);
	ck_assert_str_eq(b->order_by, "state");
	ck_assert(!b->order_desc);
	ck_assert_int_eq(st->fmt, FMT_STATE);
	ck_assert_int_eq(st->align, ALIGN_LEFT);
	ck_assert_uint_eq(st->nstates, 5);
	ck_assert_str_eq(st->states[0].value, "ready");
	ck_assert_int_eq(st->states[0].role, ROLE_OK);
	ck_assert_str_eq(st->states[4].value, "logged_out");
	ck_assert_int_eq(st->states[4].role, ROLE_DIM);
	ck_assert(col_by_id(b, "time")->ticks);
	ck_assert_int_eq(col_by_id(b, "login")->fmt, FMT_TIME);
	layout_free(l);
	free(path);
}
END_TEST

/* ---- one fixture with everything ------------------------------------- */

START_TEST(test_full_model)
{
	char *path = fixture("good/full.layout");
	struct layout *l = load_clean(path);
	const struct panel *t, *m, *a, *q;
	const struct column *c;

	ck_assert_str_eq(l->title, "Full model");
	ck_assert_int_eq(l->key, 7);
	ck_assert_double_eq(l->rotate, 45.5);
	ck_assert_str_eq(l->provider, "brightpattern");
	ck_assert_uint_eq(l->nrows, 2);
	ck_assert_uint_eq(l->npanels, 4);
	ck_assert_double_eq(l->rows[0].height, 2);
	ck_assert_uint_eq(l->rows[0].first, 0);
	ck_assert_uint_eq(l->rows[0].npanels, 2);
	ck_assert_double_eq(l->rows[1].height, 1);
	ck_assert_uint_eq(l->rows[1].first, 2);
	ck_assert_uint_eq(l->rows[1].npanels, 2);

	t = &l->panels[0];
	ck_assert_str_eq(t->id, "totals");
	ck_assert_int_eq(t->line, 12);
	ck_assert_int_eq(t->kind, PANEL_TOTALS);
	ck_assert_str_eq(t->title, "Right now");
	ck_assert_double_eq(t->width, 2);
	ck_assert_uint_eq(t->nservices, 2);
	ck_assert_str_eq(t->services[1], "Chat");
	ck_assert_uint_eq(t->ncols, 3);
	c = &t->cols[0];
	ck_assert_str_eq(c->id, "waiting");
	ck_assert_str_eq(c->title, "Waiting");
	ck_assert_int_eq(c->line, 17);
	ck_assert_int_eq(c->fmt, FMT_COUNT);
	ck_assert_int_eq(c->align, ALIGN_RIGHT);
	ck_assert(c->th.has_warn && c->th.has_crit && c->th.high_is_bad);
	ck_assert_double_eq(c->th.warn, 5);
	ck_assert_double_eq(c->th.crit, 10);
	c = &t->cols[1];
	ck_assert_str_eq(c->title, "sl");
	ck_assert_int_eq(c->line, 23);
	ck_assert_int_eq(c->fmt, FMT_PERCENT);
	ck_assert_double_eq(c->pct_scale, 1);
	ck_assert(!c->th.high_is_bad);
	ck_assert_double_eq(c->th.crit, 70.5);
	c = &t->cols[2];
	/* scale overrides the catalogue's 100 */
	ck_assert_double_eq(c->pct_scale, 1);
	ck_assert(c->th.has_warn && !c->th.has_crit && c->th.high_is_bad);

	m = &l->panels[1];
	ck_assert_str_eq(m->id, "msgs");
	ck_assert_int_eq(m->line, 36);
	ck_assert_int_eq(m->kind, PANEL_TICKER);
	ck_assert_str_eq(m->title, "msgs");
	ck_assert_int_eq(m->msg_limit, 30);
	ck_assert_str_eq(m->msg_filter, "outage");
	ck_assert_uint_eq(m->ncols, 0);

	a = &l->panels[2];
	ck_assert_str_eq(a->id, "agents");
	ck_assert_int_eq(a->line, 43);
	ck_assert_int_eq(a->kind, PANEL_AGENT_GRID);
	ck_assert_uint_eq(a->ncols, 6);
	ck_assert_int_eq(a->cols[0].width, 20);
	ck_assert_int_eq(a->cols[0].fmt, FMT_TEXT);
	ck_assert_int_eq(a->cols[0].align, ALIGN_LEFT);
	c = &a->cols[1];
	ck_assert_int_eq(c->line, 46);
	ck_assert_str_eq(c->stat, "acd_state");
	ck_assert_int_eq(c->fmt, FMT_STATE);
	ck_assert_uint_eq(c->nstates, 3);
	ck_assert_str_eq(c->states[1].value, "not_ready");
	ck_assert_int_eq(c->states[1].role, ROLE_WARN);
	ck_assert_int_eq(c->states[2].role, ROLE_INFO);
	c = &a->cols[2];
	ck_assert_int_eq(c->fmt, FMT_DURATION);
	ck_assert_int_eq(c->align, ALIGN_CENTER);
	ck_assert(c->ticks);
	ck_assert(!c->th.has_warn && c->th.has_crit && c->th.high_is_bad);
	c = &a->cols[3];
	ck_assert_str_eq(c->title, "Sold");
	ck_assert_uint_eq(c->ndisp, 1);
	ck_assert_str_eq(c->dispositions[0], "Product sold");
	c = &a->cols[4];
	ck_assert_str_eq(c->stat, "SUM");
	ck_assert_ptr_null(c->info);
	ck_assert_int_eq(c->fmt, FMT_COUNT);
	ck_assert_uint_eq(c->nsum, 2);
	ck_assert_str_eq(c->sum_stats[1], "out_calls_handled_per_day");
	c = &a->cols[5];
	ck_assert_int_eq(c->fmt, FMT_TEXT);	/* explicit */
	ck_assert_int_eq(c->align, ALIGN_RIGHT);	/* explicit */
	ck_assert_str_eq(a->order_by, "time");
	ck_assert_uint_eq(a->order_col, 2);
	ck_assert(a->order_desc);
	ck_assert_int_eq(a->limit, 15);
	ck_assert(a->filter.set);
	ck_assert_str_eq(a->filter.column, "calls");
	ck_assert_uint_eq(a->filter.col, 4);
	ck_assert_int_eq(a->filter.op, OP_GE);
	ck_assert_str_eq(a->filter.value, "1");
	ck_assert_uint_eq(a->nteams, 2);
	ck_assert_str_eq(a->teams[0], "Customer Service");
	ck_assert(a->logged_in_only);

	q = &l->panels[3];
	ck_assert_int_eq(q->line, 75);
	ck_assert_double_eq(q->width, 0.5);
	ck_assert_ptr_null(q->order_by);
	ck_assert(!q->filter.set);
	ck_assert(!q->cols[1].th.high_is_bad);
	ck_assert_int_eq(q->cols[1].line, 79);
	layout_free(l);
	free(path);
}
END_TEST

/* ---- errors, one fixture each ---------------------------------------- */

struct bad_case {
	const char *file;
	const char *provider;
	const char *msgs[MAX_MSGS];
};

static const struct bad_case bad_cases[] = {
	{ "bad/syntax.layout",
	  NULL,
	  { "4: missing \"=\" after option \"type\"" } },
	{ "bad/unknown_option.layout",
	  NULL,
	  { "6: unknown option \"colour\" in panel \"p\" (known: type, title, "
	    "width, order_by, order_dir, limit, filter_by, filter_operation, "
	    "filter_value, teams, services, media, logged_in_only, view, "
	    "tile_column, match, alert, alert_at, trend, column)" } },
	{ "bad/bad_integer.layout",
	  NULL,
	  { "2: option \"key\" takes an integer, not \"one\"" } },
	{ "bad/no_title.layout",
	  NULL,
	  { "1: layout has no title (title = \"...\")" } },
	{ "bad/bad_key.layout", NULL, { "2: key 12 is not 1..9" } },
	{ "bad/bad_type.layout",
	  NULL,
	  { "4: unknown panel type \"graph\" (totals, agent_grid, service_grid "
	    "or ticker)",
	    "6: panel \"q\" has no type (totals, agent_grid, service_grid or "
	    "ticker)" } },
	{ "bad/unknown_stat.layout",
	  NULL,
	  { "7: unknown statistic \"foo\" (not in the brightpattern "
	    "catalogue)" } },
	{ "bad/dup_panel.layout",
	  NULL,
	  { "4: duplicate panel id \"p\" (first at line 3)",
	    "7: duplicate panel id \"p\" (first at line 3)" } },
	{ "bad/dup_column.layout",
	  NULL,
	  { "6: duplicate column id \"name\" in panel \"p\" (first at line "
	    "5)" } },
	{ "bad/bad_id.layout",
	  NULL,
	  { "3: bad panel id \"my panel\": use letters, digits, '_', '.' and "
	    "'-'",
	    "5: bad column id \"\": use letters, digits, '_', '.' and '-'" } },
	{ "bad/order_by.layout",
	  NULL,
	  { "6: order_by \"waiting\" names no column of panel \"p\"",
	    "7: unknown order_dir \"up\" (asc or desc)" } },
	{ "bad/filter_incomplete.layout",
	  NULL,
	  { "7: filter_by needs filter_operation",
	    "13: filter_operation needs filter_by" } },
	{ "bad/filter_bad.layout",
	  NULL,
	  { "7: filter_by \"wait\" names no column of panel \"p\"",
	    "16: unknown filter_operation \"MORE\" (EQ, NE, LT, GT, LE or GE)",
	    "24: filter_value \"many\" is not a number (column \"waiting\" is "
	    "count)" } },
	{ "bad/thresholds.layout",
	  NULL,
	  { "8: warn and crit are both 5: crit must be beyond warn",
	    "14: bad = high needs crit above warn (warn 10, crit 5)",
	    "20: bad = low needs crit below warn (warn 70, crit 80)",
	    "25: unknown bad \"sideways\" (high or low)",
	    "29: bad needs warn or crit",
	    "36: thresholds need a numeric column (count, duration, percent or "
	    "decimal), \"agent\" is text" } },
	{ "bad/words.layout",
	  NULL,
	  { "7: unknown format \"fancy\" (auto, count, duration, percent, "
	    "decimal, text, state or time)",
	    "8: unknown align \"middle\" (auto, left, right or center)",
	    "12: unknown role \"blue\" in states (normal, ok, info, warn, crit "
	    "or dim)" } },
	{ "bad/states.layout",
	  NULL,
	  { "8: states entry \"not_ready\" has no '=' (write value=role)",
	    "9: states gives \"ready\" twice",
	    "13: states need a text or state column, \"handled\" is count" } },
	{ "bad/sum.layout",
	  NULL,
	  { "6: stat \"SUM\" needs sum = {...}, the statistics to add up",
	    "10: sum needs stat = \"SUM\"",
	    "15: unknown statistic \"in_calls_wating\" in sum (not in the "
	    "brightpattern catalogue; did you mean \"in_calls_waiting\"?)",
	    "16: statistic \"name\" in sum is not a number (it is text)",
	    "22: stat \"SUM\" is not available in a totals panel (only "
	    "grids add statistics up)" } },
	{ "bad/dispositions.layout",
	  NULL,
	  { "7: dispositions need a dispositions statistic (such as "
	    "calls_dispositions_per_day), not \"in_calls_handled_per_day\"" } },
	{ "bad/no_columns.layout",
	  NULL,
	  { "3: service_grid panel \"empty\" has no columns",
	    "8: a ticker has no columns: remove column \"x\" from panel "
	    "\"news\"" } },
	{ "bad/not_applicable.layout",
	  NULL,
	  { "5: option \"order_by\" does not apply to a totals panel",
	    "10: option \"teams\" does not apply to a service_grid panel",
	    "11: option \"match\" does not apply to a service_grid panel",
	    "18: option \"logged_in_only\" does not apply to a ticker panel",
	    "24: option \"match\" does not apply to an agent_grid panel",
	    "27: sum needs stat = \"SUM\"",
	    "34: option \"dispositions\" does not apply to a totals panel" } },
	{ "bad/no_rows.layout",
	  NULL,
	  { "1: layout has no panels (add row { panel \"id\" { ... } })" } },
	{ "bad/empty_row.layout", NULL, { "2: row has no panels" } },
	{ "bad/provider.layout",
	  NULL,
	  { "2: unknown provider \"acme\" (no statistic catalogue for it)" } },
	{ "good/full.layout",
	  "genesys",
	  { "6: layout is written for provider brightpattern, the data "
	    "source is genesys" } },
	{ "good/set-a.layout",
	  "8x8",
	  { "1: layout is written for provider brightpattern, the data source "
	    "is 8x8" } },
	{ "bad/sizes.layout",
	  NULL,
	  { "2: rotate must be 0 (the default) or 1 to 86400 seconds",
	    "4: height must be more than 0 and at most 1000",
	    "7: width must be more than 0 and at most 1000",
	    "8: limit must be 0 (no limit) to 100000",
	    "11: width must be 0 (from the format) to 1000 cells",
	    "12: scale applies only to percent and duration columns, \"name\" "
	    "is text" } },
	{ "bad/twice.layout",
	  NULL,
	  { "2: option \"title\" is given twice (first at line 1)" } },
	{ "bad/unclosed.layout",
	  NULL,
	  { "2: section \"row\" opened at line 2 has no closing brace" } },
	{ "bad/nul.layout", NULL, { "2: a NUL byte: not a text file" } },
	{ "bad/unclosed_comment.layout",
	  NULL,
	  { "5: comment \"/*\" has no closing \"*/\"" } },
	{ "bad/many.layout",
	  NULL,
	  { "4: key 0 is not 1..9",
	    "14: unknown statistic \"in_calls_wating\" (not in the "
	    "brightpattern catalogue; did you mean \"in_calls_waiting\"?)",
	    "17: order_by \"longest\" names no column of panel \"queues\"",
	    "19: duplicate panel id \"queues\" (first at line 10)",
	    "21: warn and crit are both 80: crit must be beyond warn" } },
};

START_TEST(test_bad_fixture)
{
	const struct bad_case *bc = &bad_cases[_i];
	char *path = fixture(bc->file);
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = layout_load(path, bc->provider, &errs, &warns);

	ck_assert_ptr_null(l);
	expect_msgs(&errs, path, bc->msgs);
	ck_assert_uint_eq(warns.n, 0);
	errlist_free(&errs);
	errlist_free(&warns);
	free(path);
}
END_TEST

START_TEST(test_renamed_warns)
{
	static const char *const want[] = {
		"7: statistic \"in_calls_talking\" is renamed to "
		"\"in_calls_active_on_agents\"", NULL
	};
	char *path = fixture("good/renamed.layout");
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = layout_load(path, NULL, &errs, &warns);

	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(errs.n, 0);
	expect_msgs(&warns, path, want);
	ck_assert_str_eq(l->panels[0].cols[0].stat, "in_calls_talking");
	ck_assert_ptr_nonnull(l->panels[0].cols[0].info);
	layout_free(l);
	/* No list for warnings: they are dropped, the load still works. */
	l = layout_load(path, NULL, &errs, NULL);
	ck_assert_ptr_nonnull(l);
	layout_free(l);
	errlist_free(&errs);
	errlist_free(&warns);
	free(path);
}
END_TEST

START_TEST(test_scope_warns)
{
	static const char *const want[] = {
		"6: statistic \"acd_state\" is not available in a totals panel "
		"in the brightpattern catalogue",
		"11: statistic \"name\" is not available in an agent_grid "
		"panel in the brightpattern catalogue",
		NULL
	};
	char *path = fixture("good/scope.layout");
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout *l = layout_load(path, NULL, &errs, &warns);

	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(errs.n, 0);
	expect_msgs(&warns, path, want);
	layout_free(l);
	errlist_free(&warns);
	free(path);
}
END_TEST

START_TEST(test_provider_match)
{
	char *path = fixture("good/full.layout");
	struct errlist errs = { NULL, 0 };
	struct layout *l = layout_load(path, NULL, &errs, NULL);

	ck_assert_ptr_nonnull(l);
	layout_free(l);
	l = layout_load(path, "brightpattern", &errs, NULL);
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(errs.n, 0);
	layout_free(l);
	free(path);
}
END_TEST

START_TEST(test_missing_file)
{
	struct errlist errs = { NULL, 0 };
	char *path = fixture("no/such.layout");
	char *msg =
		xasprintf("%s: cannot open: No such file or directory", path);

	ck_assert_ptr_null(layout_load(path, NULL, &errs, NULL));
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.msgs[0], msg);
	errlist_free(&errs);
	free(msg);
	free(path);
}
END_TEST

/* Carriage returns, bare-word titles, '+=' lists and a trailing comment. */
START_TEST(test_odd_syntax)
{
	static const char text[] =
		"title = 'Odd'\r\n"
		"# comment\r\n"
		"row {\r\n"
		"  panel now {\r\n"
		"    type = agent_grid\r\n"
		"    column state { stat = acd_state states = "
		"{\"ready=ok\"}\r\n"
		"      states += {\"busy=info\",\r\n"
		"                 \"gone\"} }\r\n"
		"  }\r\n"
		"}\r\n"
		"// the end";
	static const char *const want[] = {
		"8: states entry \"gone\" has no '=' (write value=role)", NULL
	};
	struct errlist errs = { NULL, 0 };

	ck_assert_ptr_null(
		layout_load_text("odd.layout", text, NULL, &errs, NULL));
	expect_msgs(&errs, "odd.layout", want);
	errlist_free(&errs);
}
END_TEST

START_TEST(test_too_large)
{
	size_t len = 1024 * 1024 + 1;
	char *text = xmalloc(len + 1);
	struct errlist errs = { NULL, 0 };

	memset(text, '\n', len);
	text[len] = '\0';
	ck_assert_ptr_null(
		layout_load_text("big.layout", text, NULL, &errs, NULL));
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.msgs[0],
			 "big.layout: file is larger than 1048576 bytes");
	errlist_free(&errs);
	free(text);
}
END_TEST

/* ---- the layoutset ---------------------------------------------------- */

/* Load fixtures (all clean) into an array. */
static void load_all(struct layout **out, const char *const *rel, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *path = fixture(rel[i]);
		out[i] = load_clean(path);
		free(path);
	}
}

START_TEST(test_set_numbers)
{
	static const char *const files[] = {
		"good/set-a.layout", "good/set-b.layout", "good/set-c.layout"
	};
	struct layout *ls[3];
	struct errlist errs = { NULL, 0 };
	struct layoutset *set;

	load_all(ls, files, 3);
	ck_assert_int_eq(ls[0]->key, 0);
	set = layoutset_new(ls, 3, &errs);
	ck_assert_ptr_nonnull(set);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(set->n, 3);
	/* Keys: B keeps 1, A and C take the free ones in order. */
	ck_assert_int_eq(set->layouts[0]->key, 2);
	ck_assert_int_eq(set->layouts[1]->key, 1);
	ck_assert_int_eq(set->layouts[2]->key, 3);
	/* Grids, numbered in layout and panel order. */
	ck_assert_uint_eq(set->ngrids, 3);
	ck_assert_str_eq(set->grids[0].key, "1-queues");
	ck_assert_str_eq(set->grids[1].key, "2-agents");
	ck_assert_str_eq(set->grids[2].key, "3-queues");
	ck_assert_ptr_eq(set->grids[1].layout, set->layouts[1]);
	ck_assert_ptr_eq(set->grids[1].panel, &set->layouts[1]->panels[1]);
	ck_assert_uint_eq(set->grids[2].layout_index, 2);
	ck_assert_uint_eq(set->layouts[0]->panels[1].gid, 0);
	ck_assert_uint_eq(set->layouts[1]->panels[1].gid, 1);
	ck_assert_uint_eq(set->layouts[2]->panels[0].gid, 2);
	/* Totals: each statistic once. */
	ck_assert_uint_eq(set->ntotals, 3);
	ck_assert_str_eq(set->totals[0], "in_calls_waiting");
	ck_assert_str_eq(set->totals[1], "agents_ready");
	ck_assert_str_eq(set->totals[2], "service_level");
	ck_assert_uint_eq(set->layouts[0]->panels[0].cols[0].tid, 0);
	ck_assert_uint_eq(set->layouts[0]->panels[0].cols[1].tid, 1);
	ck_assert_uint_eq(set->layouts[1]->panels[0].cols[0].tid, 2);
	ck_assert_uint_eq(set->layouts[1]->panels[0].cols[1].tid, 0);
	/* Tickers: the largest limit. */
	ck_assert(set->has_ticker);
	ck_assert_int_eq(set->msg_limit, 30);
	ck_assert_ptr_eq(set->catalog, catalog_for("brightpattern"));
	layoutset_free(set);
}
END_TEST

START_TEST(test_set_duplicate_key)
{
	static const char *const files[] = { "good/set-a.layout",
					     "good/set-b.layout",
					     "good/set-dupkey.layout" };
	struct layout *ls[3];
	struct errlist errs = { NULL, 0 };
	char *b = fixture(files[1]), *d = fixture(files[2]);
	char *want = xasprintf("%s: key 1 is also the key of %s", d, b);

	load_all(ls, files, 3);
	ck_assert_ptr_null(layoutset_new(ls, 3, &errs));
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.msgs[0], want);
	for (size_t i = 0; i < 3; i++)	/* still the caller's */
		layout_free(ls[i]);
	errlist_free(&errs);
	free(want);
	free(b);
	free(d);
}
END_TEST

START_TEST(test_set_shipped)
{
	struct layout *ls[4];
	struct errlist errs = { NULL, 0 };
	struct layoutset *set;

	for (size_t i = 0; i < 4; i++) {
		char *path = src_path(shipped[i]);
		ls[i] = load_clean(path);
		free(path);
	}
	set = layoutset_new(ls, 4, &errs);
	ck_assert_ptr_nonnull(set);
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(set->layouts[i]->key, (int)i + 1);
	ck_assert_uint_eq(set->ngrids, 4);
	ck_assert_str_eq(set->grids[0].key, "1-queues");
	ck_assert_str_eq(set->grids[1].key, "2-board");
	ck_assert_str_eq(set->grids[2].key, "3-campaigns");
	ck_assert_str_eq(set->grids[3].key, "4-services");
	ck_assert(set->has_ticker);
	ck_assert_int_eq(set->msg_limit, 20);
	for (size_t i = 0; i < set->ntotals; i++)
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(set->totals[i], set->totals[j]);
	layoutset_free(set);
}
END_TEST

/* ---- names ------------------------------------------------------------ */

START_TEST(test_names)
{
	enum panel_kind k;
	enum fmt f;
	enum align a;
	enum role r;
	enum cmp_op op;

	ck_assert(panel_kind_parse("service_grid", &k));
	ck_assert_int_eq(k, PANEL_SERVICE_GRID);
	ck_assert_str_eq(panel_kind_name(PANEL_AGENT_GRID), "agent_grid");
	ck_assert(!panel_kind_parse("grid", &k));
	ck_assert(fmt_parse("Duration", &f));
	ck_assert_int_eq(f, FMT_DURATION);
	ck_assert_str_eq(fmt_name(FMT_DECIMAL), "decimal");
	ck_assert(!fmt_parse("", &f));
	ck_assert_int_eq(fmt_for_kind(STAT_RATE), FMT_DECIMAL);
	ck_assert_int_eq(fmt_for_kind(STAT_STATE), FMT_STATE);
	ck_assert_int_eq(fmt_for_kind(STAT_TIME), FMT_TIME);
	ck_assert(align_parse("center", &a));
	ck_assert_int_eq(a, ALIGN_CENTER);
	ck_assert(!align_parse("centre", &a));
	for (int i = 0; i < ROLE_COUNT_; i++) {
		ck_assert(role_parse(role_name((enum role)i), &r));
		ck_assert_int_eq(r, i);
	}
	ck_assert(!role_parse("red", &r));
	ck_assert(cmp_op_parse("le", &op));
	ck_assert_int_eq(op, OP_LE);
	ck_assert_str_eq(cmp_op_name(OP_NE), "NE");
	ck_assert(!cmp_op_parse("=", &op));
}
END_TEST

static Suite *layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("shipped");

	tcase_add_loop_test(tc, test_shipped_load_clean, 0,
			    (int)WB_ARRAY_LEN(shipped));
	tcase_add_test(tc, test_shipped_inbound);
	tcase_add_test(tc, test_shipped_agents);
	suite_add_tcase(s, tc);

	tc = tcase_create("load");
	tcase_add_test(tc, test_full_model);
	tcase_add_loop_test(tc, test_bad_fixture, 0,
			    (int)WB_ARRAY_LEN(bad_cases));
	tcase_add_test(tc, test_renamed_warns);
	tcase_add_test(tc, test_scope_warns);
	tcase_add_test(tc, test_provider_match);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_odd_syntax);
	tcase_add_test(tc, test_too_large);
	suite_add_tcase(s, tc);

	tc = tcase_create("set");
	tcase_add_test(tc, test_set_numbers);
	tcase_add_test(tc, test_set_duplicate_key);
	tcase_add_test(tc, test_set_shipped);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(layout_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
