/*
 * check_catalog.c - unit tests of the 8x8 statistic catalogue
 * (catalog.c) and of the lists a layout needs (parse.[ch]).
 *
 * Both tables sorted strictly (they are bisected), every derived total a
 * known total statistic reading known fields, the kinds the board relies
 * on, the rules the spec names; and the agents list fetched only for agent
 * grids and agent counts, the queues list only for the rest.
 */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fixture.h"

/* --- the catalogue ------------------------------------------------------- */

/* The catalogue is the 8x8 provider's, with every statistic and rule. */
START_TEST(test_catalog_for)
{
	ck_assert_ptr_eq(catalog_for("8x8"), &catalog_8x8);
	ck_assert_str_eq(catalog_8x8.provider, "8x8");
	ck_assert(!catalog_8x8.messages);
	ck_assert_uint_eq(catalog_8x8.n, 72);
	ck_assert_uint_eq(catalog_8x8.nderive, 35);
}
END_TEST

/* Statistics sorted strictly by name, each found by bisection. */
START_TEST(test_stats_sorted)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 1; i < cat->n; i++)
		ck_assert_msg(
			strcmp(cat->stats[i - 1].name, cat->stats[i].name) < 0,
			"stats not strictly sorted at %zu: \"%s\" then \"%s\"",
			i, cat->stats[i - 1].name, cat->stats[i].name);
	for (size_t i = 0; i < cat->n; i++)
		ck_assert_ptr_eq(catalog_find(cat, cat->stats[i].name),
				 &cat->stats[i]);
}
END_TEST

/* Rules sorted strictly by name, each found; row fields have none. */
START_TEST(test_derive_sorted)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 1; i < cat->nderive; i++)
		ck_assert_msg(
			strcmp(cat->derive[i - 1].name, cat->derive[i].name) <
				0,
			"derive not strictly sorted at %zu: \"%s\" then \"%s\"",
			i, cat->derive[i - 1].name, cat->derive[i].name);
	for (size_t i = 0; i < cat->nderive; i++)
		ck_assert_ptr_eq(catalog_derive(cat, cat->derive[i].name),
				 &cat->derive[i]);
	ck_assert_ptr_null(catalog_derive(cat, "agent-name"));
	ck_assert_ptr_null(catalog_derive(cat, "queue-name"));
	ck_assert_ptr_null(catalog_derive(cat, "zzz"));
}
END_TEST

/* Every rule makes a known total from known row fields of the right rows. */
START_TEST(test_derive_well_formed)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 0; i < cat->nderive; i++) {
		const struct stat_derive *d = &cat->derive[i];
		const struct stat_info *total = catalog_find(cat, d->name);
		const struct stat_info *f = catalog_find(cat, d->field);

		ck_assert_msg(total != NULL, "%s not in stats", d->name);
		ck_assert_msg(total->scope & STAT_SCOPE_TOTAL,
			      "%s: not a total", d->name);
		ck_assert_msg(f != NULL && (f->scope & d->rows), "%s: field %s",
			      d->name, d->field);
		if (d->op == DERIVE_WAVG) {
			const struct stat_info *w = catalog_find(cat, d->arg);
			ck_assert_msg(w && w->kind == STAT_COUNT &&
					      (w->scope & d->rows),
				      "%s: weight %s", d->name, d->arg);
		}
		if (d->op == DERIVE_COUNT_EQ || d->op == DERIVE_COUNT_NE) {
			ck_assert_ptr_nonnull(d->arg);
			ck_assert_uint_eq(d->rows, STAT_SCOPE_AGENT);
		}
	}
}
END_TEST

/* Every total a layout may name has a rule; row-only fields are no total. */
START_TEST(test_every_total_derived)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 0; i < cat->n; i++) {
		const struct stat_info *st = &cat->stats[i];
		bool derived = catalog_derive(cat, st->name) != NULL;
		ck_assert_msg(derived == ((st->scope & STAT_SCOPE_TOTAL) != 0),
			      "%s: total scope %d, rule %d", st->name,
			      (st->scope & STAT_SCOPE_TOTAL) != 0, derived);
		ck_assert_msg(st->desc && st->desc[0], "%s: no description",
			      st->name);
		ck_assert_uint_eq(st->flags & STAT_RENAMED, 0);
	}
}
END_TEST

/* The kinds and scopes the board's formats and tickers rely on. */
START_TEST(test_kinds)
{
	static const struct {
		const char *name;
		enum stat_kind kind;
		unsigned scope, flags;
	} want[] = {
		{ "agent-status", STAT_STATE, STAT_SCOPE_AGENT, 0 },
		{ "agent-media-id", STAT_TEXT, STAT_SCOPE_AGENT, 0 },
		{ "time-in-status", STAT_DURATION, STAT_SCOPE_AGENT,
		  STAT_TICKS },
		{ "day-login-time", STAT_DURATION, STAT_SCOPE_AGENT, 0 },
		{ "last-login-time", STAT_TIME, STAT_SCOPE_AGENT, 0 },
		{ "group-id", STAT_TEXT, STAT_SCOPE_AGENT, 0 },
		{ "day-rejected-count", STAT_COUNT, STAT_SCOPE_AGENT, 0 },
		{ "longest-wait-time", STAT_DURATION,
		  STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL, STAT_TICKS },
		{ "queue-size", STAT_COUNT,
		  STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL, 0 },
		{ "agent-count-loggedOut", STAT_COUNT,
		  STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL, 0 },
		{ "queue-name", STAT_TEXT, STAT_SCOPE_SERVICE, 0 },
		{ "queue-id", STAT_TEXT, STAT_SCOPE_SERVICE, 0 },
		{ "media-type", STAT_TEXT, STAT_SCOPE_SERVICE, 0 },
		{ "agents-logged-in", STAT_COUNT, STAT_SCOPE_TOTAL, 0 },
		{ "agents-offered", STAT_COUNT, STAT_SCOPE_TOTAL, 0 },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct stat_info *st =
			catalog_find(&catalog_8x8, want[i].name);
		ck_assert_msg(st != NULL, "%s missing", want[i].name);
		ck_assert_msg(st->kind == want[i].kind, "%s: kind",
			      want[i].name);
		ck_assert_msg(st->scope == want[i].scope, "%s: scope",
			      want[i].name);
		ck_assert_msg(st->flags == want[i].flags, "%s: flags",
			      want[i].name);
	}
	for (const char *const *p = (const char *const[]){ "day-sla-activity",
	     "sla-activity", "thirty-min-sla-activity", NULL }; *p; p++) {
		const struct stat_info *st = catalog_find(&catalog_8x8, *p);
		ck_assert_msg(st && st->kind == STAT_PERCENT &&
				      st->pct_scale == 1,
			      "%s", *p);
	}
	/* the examples' other names are not statistics of their own */
	ck_assert_ptr_null(catalog_find(&catalog_8x8, "all-day-accepted"));
	ck_assert_ptr_null(catalog_find(&catalog_8x8, "day-avg-handling-time"));
}
END_TEST

/* The rules the spec names, op by op. */
START_TEST(test_derive_rules)
{
	static const struct {
		const char *name;
		enum derive_op op;
		const char *field, *arg;
	} want[] = {
		{ "agents-logged-in", DERIVE_COUNT_NE, "agent-status", "9" },
		{ "agents-available", DERIVE_COUNT_EQ, "agent-status", "0" },
		{ "agents-offered", DERIVE_COUNT_EQ, "agent-status", "1" },
		{ "agents-busy", DERIVE_COUNT_EQ, "agent-status", "2" },
		{ "agents-post-processing", DERIVE_COUNT_EQ, "agent-status",
		  "3" },
		{ "agents-on-break", DERIVE_COUNT_EQ, "agent-status", "4" },
		{ "agents-working-offline", DERIVE_COUNT_EQ, "agent-status",
		  "5" },
		{ "agents-logged-out", DERIVE_COUNT_EQ, "agent-status", "9" },
		{ "queue-size", DERIVE_SUM, "queue-size", NULL },
		{ "thirty-min-abandoned", DERIVE_SUM, "thirty-min-abandoned",
		  NULL },
		{ "longest-wait-time", DERIVE_MAX, "longest-wait-time", NULL },
		{ "thirty-min-longest-wait-time", DERIVE_MAX,
		  "thirty-min-longest-wait-time", NULL },
		{ "day-avg-wait-time", DERIVE_WAVG, "day-avg-wait-time",
		  "day-queued" },
		{ "day-avg-duration", DERIVE_WAVG, "day-avg-duration",
		  "day-accepted" },
		{ "thirty-min-avg-wait-time", DERIVE_WAVG,
		  "thirty-min-avg-wait-time", "thirty-min-queued" },
		{ "thirty-min-avg-duration", DERIVE_WAVG,
		  "thirty-min-avg-duration", "thirty-min-accepted" },
		{ "day-sla-activity", DERIVE_WAVG, "day-sla-activity",
		  "day-queued" },
		{ "sla-activity", DERIVE_WAVG, "sla-activity", "day-queued" },
		{ "thirty-min-sla-activity", DERIVE_WAVG,
		  "thirty-min-sla-activity", "thirty-min-queued" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct stat_derive *d =
			catalog_derive(&catalog_8x8, want[i].name);
		ck_assert_msg(d != NULL, "%s: no rule", want[i].name);
		ck_assert_msg(d->op == want[i].op, "%s: op", want[i].name);
		ck_assert_str_eq(d->field, want[i].field);
		if (want[i].arg)
			ck_assert_str_eq(d->arg, want[i].arg);
		ck_assert_uint_eq(d->rows,
				  strncmp(want[i].name, "agents-", 7) == 0
					  ? STAT_SCOPE_AGENT
					  : STAT_SCOPE_SERVICE);
	}
	/* every queue count is summed (the SLA target is the largest) */
	for (size_t i = 0; i < catalog_8x8.n; i++) {
		const struct stat_info *st = &catalog_8x8.stats[i];
		const struct stat_derive *d =
			catalog_derive(&catalog_8x8, st->name);
		if (st->kind != STAT_COUNT || st->scope == STAT_SCOPE_TOTAL ||
		    !(st->scope & STAT_SCOPE_TOTAL))
			continue;
		ck_assert_msg(d != NULL, "%s: no rule", st->name);
		ck_assert_msg(d->op == (strcmp(st->name, "sla-target") == 0
						? DERIVE_MAX
						: DERIVE_SUM),
			      "%s", st->name);
	}
}
END_TEST

/* --- which lists --------------------------------------------------------- */

/* The lists a layout needs must be exactly these. */
static void assert_needs(const char *layout, bool agents, bool queues)
{
	struct layoutset *set = set_of(layout);
	bool a = !agents, q = !queues;

	eightbyeight_needs(set, &a, &q);
	ck_assert_msg(a == agents && q == queues, "needs agents %d queues %d, "
		      "want %d %d", a, q, agents, queues);
	layoutset_free(set);
}

/* Agents for agent grids and agent counts, queues for the rest. */
START_TEST(test_needs)
{
	assert_needs(layout_agents, true, false);
	assert_needs(layout_queues, false, true);
	assert_needs(layout_select_agents, true, false);
	assert_needs(layout_select_queues, true, true);
	assert_needs(layout_queue_totals, false, true);
	assert_needs(layout_agent_totals, true, false);
	assert_needs(layout_queue_grid, false, true);
	assert_needs(layout_agent_grid, true, false);
}
END_TEST

/* --- the suite ----------------------------------------------------------- */

static Suite *catalog_suite(void)
{
	Suite *s = suite_create("eightbyeight_catalog");
	TCase *cat = tcase_create("catalogue");

	tcase_add_test(cat, test_catalog_for);
	tcase_add_test(cat, test_stats_sorted);
	tcase_add_test(cat, test_derive_sorted);
	tcase_add_test(cat, test_derive_well_formed);
	tcase_add_test(cat, test_every_total_derived);
	tcase_add_test(cat, test_kinds);
	tcase_add_test(cat, test_derive_rules);
	tcase_add_test(cat, test_needs);
	suite_add_tcase(s, cat);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(catalog_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
