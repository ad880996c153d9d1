/*
 * check_catalog.c - unit tests of the Bright Pattern statistic catalogue
 * (catalog.c): it is sorted strictly by name so catalog_find() can
 * bisect it, every entry is findable, the entries are well formed, the kinds
 * and flags of the statistics the board relies on are right (durations that
 * tick, percent scales, agent states), renamed names point at current ones,
 * and unknown names are not found.
 */
#include "autoconf.h"

#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "providers/brightpattern/parse.h"

static const struct catalog *bp(void)
{
	const struct catalog *cat = catalog_for("brightpattern");
	ck_assert_ptr_nonnull(cat);
	return cat;
}

/* --- catalog_for -------------------------------------------------------- */

START_TEST(test_for_brightpattern)
{
	const struct catalog *cat = catalog_for("brightpattern");

	ck_assert_ptr_eq(cat, &catalog_brightpattern);
	ck_assert_str_eq(cat->provider, "brightpattern");
	ck_assert_ptr_nonnull(cat->stats);
	ck_assert_uint_gt(cat->n, 100);
}
END_TEST

/* --- order and lookup --------------------------------------------------- */

START_TEST(test_sorted_strictly)
{
	const struct catalog *cat = bp();

	for (size_t i = 1; i < cat->n; i++)
		ck_assert_msg(
			strcmp(cat->stats[i - 1].name, cat->stats[i].name) < 0,
			"catalogue not strictly sorted at %zu: \"%s\" then "
			"\"%s\"",
			i, cat->stats[i - 1].name, cat->stats[i].name);
}
END_TEST

START_TEST(test_every_entry_findable)
{
	const struct catalog *cat = bp();

	for (size_t i = 0; i < cat->n; i++) {
		const struct stat_info *si =
			catalog_find(cat, cat->stats[i].name);
		ck_assert_msg(si == &cat->stats[i],
			      "\"%s\" not found by bisection",
			      cat->stats[i].name);
	}
}
END_TEST

/* Names that are absent: near misses on both sides of real entries. */
static const char *const unknown_names[] = {
	"", "a", "zzzz", "acd_stat", "acd_state_", "acd_state ", " acd_state",
	"ACD_STATE", "Acd_state", "service_level_", "service_leve",
	"in_calls_waiting\n", "stat name", "SUM", "name\x1b[31m",
	"0", "_", "~",
};

START_TEST(test_unknown_names)
{
	const char *name = unknown_names[_i];

	ck_assert_msg(catalog_find(bp(), name) == NULL,
		      "\"%s\" should be unknown", name);
}
END_TEST

/* --- well-formed entries ------------------------------------------------- */

START_TEST(test_entries_well_formed)
{
	const struct catalog *cat = bp();

	for (size_t i = 0; i < cat->n; i++) {
		const struct stat_info *si = &cat->stats[i];
		ck_assert_ptr_nonnull(si->name);
		ck_assert_msg(si->name[0] >= 'a' && si->name[0] <= 'z',
			      "\"%s\" does not start with a letter", si->name);
		ck_assert_msg(strspn(si->name, "abcdefghijklmnopqrstuvwxyz01234"
					       "56789_") == strlen(si->name),
			      "\"%s\": not a protocol name", si->name);
		ck_assert_msg(si->kind >= STAT_COUNT && si->kind <= STAT_TIME,
			      "\"%s\": bad kind %d", si->name, (int)si->kind);
		ck_assert_msg(si->scope != 0 &&
				      (si->scope & ~STAT_SCOPE_ANY) == 0,
			      "\"%s\": bad scope %#x", si->name, si->scope);
		ck_assert_msg((si->flags &
			       ~(STAT_TICKS | STAT_RENAMED | STAT_PROBE)) == 0,
			      "\"%s\": unknown flags %#x", si->name, si->flags);
		ck_assert_msg(si->desc != NULL && si->desc[0] != '\0',
			      "\"%s\": no description", si->name);
		if (si->kind == STAT_PERCENT)
			ck_assert_msg(si->pct_scale == 1 ||
					      si->pct_scale == 100,
				      "\"%s\": percent with pct_scale %g",
				      si->name, si->pct_scale);
		else
			ck_assert_msg(si->pct_scale == 0,
				      "\"%s\": pct_scale %g on a non-percent",
				      si->name, si->pct_scale);
		if (si->flags & STAT_TICKS)
			ck_assert_msg(si->kind == STAT_DURATION,
				      "\"%s\": ticks but is not a duration",
				      si->name);
	}
}
END_TEST

/* Every "*_ratio*" is a fraction 0-1 shown as a percentage. */
START_TEST(test_ratios_are_fractions)
{
	const struct catalog *cat = bp();
	size_t seen = 0;

	for (size_t i = 0; i < cat->n; i++) {
		const struct stat_info *si = &cat->stats[i];
		/* "_ratio" or "ratio" itself, not the "ratio" in "duration" */
		if (strstr(si->name, "_ratio") == NULL &&
		    strcmp(si->name, "ratio") != 0)
			continue;
		seen++;
		ck_assert_msg(si->kind == STAT_PERCENT, "\"%s\": not a percent",
			      si->name);
		ck_assert_msg(si->pct_scale == 100,
			      "\"%s\": pct_scale %g, want 100", si->name,
			      si->pct_scale);
	}
	ck_assert_uint_ge(seen, 10);
}
END_TEST

/* Renamed names: flag and target agree, the target exists and is current. */
START_TEST(test_renamed_point_at_current)
{
	const struct catalog *cat = bp();
	size_t seen = 0;

	for (size_t i = 0; i < cat->n; i++) {
		const struct stat_info *si = &cat->stats[i], *to;
		bool flagged = (si->flags & STAT_RENAMED) != 0;
		ck_assert_msg(flagged == (si->renamed_to != NULL),
			      "\"%s\": STAT_RENAMED and renamed_to disagree",
			      si->name);
		if (!flagged)
			continue;
		seen++;
		to = catalog_find(cat, si->renamed_to);
		ck_assert_msg(to != NULL, "\"%s\" renamed to unknown \"%s\"",
			      si->name, si->renamed_to);
		ck_assert_msg(!(to->flags & STAT_RENAMED),
			      "\"%s\" renamed to \"%s\", itself renamed",
			      si->name, si->renamed_to);
		ck_assert_msg(to->kind == si->kind,
			      "\"%s\": kind differs from \"%s\"", si->name,
			      si->renamed_to);
	}
	ck_assert_uint_ge(seen, 4);
}
END_TEST

/* --- key statistics ------------------------------------------------------ */

struct key_stat {
	const char *name;
	enum stat_kind kind;
	double pct_scale;
	unsigned flags;		/* exact flags */
	unsigned scope;		/* scope bits that must be set */
	const char *renamed_to;
};

/*
 * The statistics the shipped layouts and the simulator lean on, and the
 * renames of the reference ("in_calls_in_progress (renamed from
 * in_calls_waiting_or_active, merged with in_email_waiting_in_all_queues)",
 * "in_calls_active_on_agents (renamed from in_calls_talking)",
 * "out_calls_active_on_agents (renamed from out_calls_talking)",
 * "out_calls_in_progress (renamed from out_calls_in_progress_or_active)").
 */
static const struct key_stat key_stats[] = {
	{ "state_duration", STAT_DURATION, 0, STAT_TICKS, STAT_SCOPE_AGENT,
	  NULL },
	{ "talk_duration", STAT_DURATION, 0, STAT_TICKS, STAT_SCOPE_AGENT,
	  NULL },
	{ "hold_duration", STAT_DURATION, 0, STAT_TICKS, STAT_SCOPE_AGENT,
	  NULL },
	{ "active_item_talk_duration", STAT_DURATION, 0, STAT_TICKS,
	  STAT_SCOPE_AGENT, NULL },
	{ "in_max_wait_time", STAT_DURATION, 0, STAT_TICKS, STAT_SCOPE_SERVICE,
	  NULL },
	{ "in_average_speed_of_answer", STAT_DURATION, 0, 0, STAT_SCOPE_TOTAL,
	  NULL },
	{ "in_ewt", STAT_DURATION, 0, 0, STAT_SCOPE_SERVICE, NULL },
	{ "service_level_threshold_time", STAT_DURATION, 0, 0,
	  STAT_SCOPE_SERVICE, NULL },
	{ "service_level", STAT_PERCENT, 1, 0,
	  STAT_SCOPE_TOTAL | STAT_SCOPE_SERVICE, NULL },
	{ "service_level_target", STAT_PERCENT, 1, 0, STAT_SCOPE_SERVICE,
	  NULL },
	{ "in_calls_abandoned_in_queue_ratio_per_day", STAT_PERCENT, 100, 0,
	  STAT_SCOPE_SERVICE, NULL },
	{ "out_calls_answered_ratio_per_day", STAT_PERCENT, 100, 0,
	  STAT_SCOPE_TOTAL, NULL },
	{ "team_success_ratio_per_day", STAT_PERCENT, 100, 0, 0, NULL },
	{ "calls_dispositions_ratio_per_day", STAT_PERCENT, 100, 0,
	  STAT_SCOPE_AGENT, NULL },
	{ "acd_state", STAT_STATE, 0, 0, STAT_SCOPE_AGENT, NULL },
	{ "acd_next_state", STAT_STATE, 0, 0, STAT_SCOPE_AGENT, NULL },
	{ "login_time", STAT_TIME, 0, 0, STAT_SCOPE_AGENT, NULL },
	{ "first_last_name", STAT_TEXT, 0, 0, STAT_SCOPE_AGENT, NULL },
	{ "name", STAT_TEXT, 0, 0, STAT_SCOPE_SERVICE, NULL },
	{ "in_calls_waiting", STAT_COUNT, 0, 0, STAT_SCOPE_ANY, NULL },
	{ "out_calls_waiting", STAT_COUNT, 0, 0, STAT_SCOPE_ANY, NULL },
	{ "calls_dispositions_per_day", STAT_COUNT, 0, 0, STAT_SCOPE_AGENT,
	  NULL },
	{ "agents_logged", STAT_COUNT, 0, 0, STAT_SCOPE_TOTAL, NULL },
	{ "agents_ready", STAT_COUNT, 0, 0, STAT_SCOPE_TOTAL, NULL },
	{ "agent_call_handling_rate", STAT_RATE, 0, 0, STAT_SCOPE_AGENT, NULL },
	{ "in_calls_in_progress", STAT_COUNT, 0, 0, STAT_SCOPE_ANY, NULL },
	{ "in_calls_active_on_agents", STAT_COUNT, 0, 0, STAT_SCOPE_ANY, NULL },
	{ "out_calls_in_progress", STAT_COUNT, 0, 0, STAT_SCOPE_ANY, NULL },
	{ "in_calls_waiting_or_active", STAT_COUNT, 0, STAT_RENAMED, 0,
	  "in_calls_in_progress" },
	{ "in_email_waiting_in_all_queues", STAT_COUNT, 0, STAT_RENAMED, 0,
	  "in_calls_in_progress" },
	{ "in_calls_talking", STAT_COUNT, 0, STAT_RENAMED, 0,
	  "in_calls_active_on_agents" },
	{ "out_calls_talking", STAT_COUNT, 0, STAT_RENAMED, 0,
	  "out_calls_active_on_agents" },
	{ "out_calls_in_progress_or_active", STAT_COUNT, 0, STAT_RENAMED, 0,
	  "out_calls_in_progress" },
};

START_TEST(test_key_stats)
{
	const struct key_stat *k = &key_stats[_i];
	const struct stat_info *si = catalog_find(bp(), k->name);

	ck_assert_msg(si != NULL, "\"%s\" missing from the catalogue", k->name);
	ck_assert_str_eq(si->name, k->name);
	ck_assert_msg(si->kind == k->kind, "\"%s\": kind %s, want %s", k->name,
		      catalog_kind_name(si->kind), catalog_kind_name(k->kind));
	ck_assert_msg(si->pct_scale == k->pct_scale,
		      "\"%s\": pct_scale %g, want %g", k->name, si->pct_scale,
		      k->pct_scale);
	ck_assert_msg(si->flags == k->flags, "\"%s\": flags %#x, want %#x",
		      k->name, si->flags, k->flags);
	ck_assert_msg((si->scope & k->scope) == k->scope,
		      "\"%s\": scope %#x lacks %#x", k->name, si->scope,
		      k->scope);
	if (k->renamed_to)
		ck_assert_pstr_eq(si->renamed_to, k->renamed_to);
	else
		ck_assert_ptr_null(si->renamed_to);
}
END_TEST

static Suite *catalog_suite(void)
{
	Suite *s = suite_create("brightpattern_catalog");
	TCase *tc;

	tc = tcase_create("catalog_for");
	tcase_add_test(tc, test_for_brightpattern);
	suite_add_tcase(s, tc);

	tc = tcase_create("catalog_find");
	tcase_add_test(tc, test_sorted_strictly);
	tcase_add_test(tc, test_every_entry_findable);
	tcase_add_loop_test(
		tc, test_unknown_names, 0,
		(int)(sizeof(unknown_names) / sizeof(unknown_names[0])));
	suite_add_tcase(s, tc);

	tc = tcase_create("entries");
	tcase_add_test(tc, test_entries_well_formed);
	tcase_add_test(tc, test_ratios_are_fractions);
	tcase_add_test(tc, test_renamed_point_at_current);
	tcase_add_loop_test(tc, test_key_stats, 0,
			    (int)(sizeof(key_stats) / sizeof(key_stats[0])));
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	SRunner *r = srunner_create(catalog_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
