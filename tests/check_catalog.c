/*
 * check_catalog.c - unit tests of the catalogue lookups (src/catalog.[ch])
 * and of every source's catalogue as the lookups need it: sorted strictly
 * by name so catalog_find() can bisect it, every entry findable, entries
 * well formed; unknown providers and names are not found, a catalogue of
 * one or of none still bisects, and each kind has its name. What one
 * source's statistics must be is tested in its own tests/.
 */
#include "autoconf.h"

#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

START_TEST(test_registry)
{
	const struct catalog *first = catalog_at(0);

	ck_assert_ptr_nonnull(first);
	ck_assert_str_eq(catalog_default_provider(), first->provider);
	for (size_t i = 0; catalog_at(i); i++) {
		const struct catalog *c = catalog_at(i);
		ck_assert_ptr_eq(catalog_for(c->provider), c);
		ck_assert_uint_gt(c->n, 0);
	}
	ck_assert_ptr_null(catalog_at(1000));
}
END_TEST

START_TEST(test_for_unknown)
{
	ck_assert_ptr_null(catalog_for("nosuchvendor"));
	ck_assert_ptr_null(catalog_for(""));
	ck_assert_ptr_null(catalog_for(NULL));
	ck_assert_ptr_null(catalog_for("BrightPattern"));
	ck_assert_ptr_null(catalog_for("brightpattern "));
}
END_TEST

/* Every source's table: strictly sorted, so bisection finds each entry. */
START_TEST(test_sorted_and_findable)
{
	for (size_t k = 0; catalog_at(k); k++) {
		const struct catalog *cat = catalog_at(k);

		for (size_t i = 1; i < cat->n; i++)
			ck_assert_msg(strcmp(cat->stats[i - 1].name,
					     cat->stats[i].name) < 0,
				      "%s: not strictly sorted at %zu: \"%s\" "
				      "then \"%s\"",
				      cat->provider, i, cat->stats[i - 1].name,
				      cat->stats[i].name);
		for (size_t i = 0; i < cat->n; i++)
			ck_assert_msg(catalog_find(cat, cat->stats[i].name) ==
					      &cat->stats[i],
				      "%s: \"%s\" not found by bisection",
				      cat->provider, cat->stats[i].name);
		for (size_t i = 1; i < cat->nderive; i++)
			ck_assert_msg(
				strcmp(cat->derive[i - 1].name,
				       cat->derive[i].name) < 0,
				"%s: derived totals not strictly sorted at %zu",
				cat->provider, i);
	}
}
END_TEST

/* Every source's entries: a kind, a scope, known flags, words to show. */
START_TEST(test_entries_well_formed)
{
	for (size_t k = 0; catalog_at(k); k++) {
		const struct catalog *cat = catalog_at(k);

		for (size_t i = 0; i < cat->n; i++) {
			const struct stat_info *si = &cat->stats[i];
			ck_assert_msg(si->name && si->name[0],
				      "%s: an entry has no name",
				      cat->provider);
			ck_assert_msg(
				si->kind >= STAT_COUNT && si->kind <= STAT_TIME,
				"\"%s\": bad kind %d", si->name, (int)si->kind);
			ck_assert_msg(si->scope != 0 && (si->scope &
							 ~STAT_SCOPE_ANY) == 0,
				      "\"%s\": bad scope %#x", si->name,
				      si->scope);
			ck_assert_msg((si->flags & ~(STAT_TICKS | STAT_RENAMED |
						     STAT_PROBE)) == 0,
				      "\"%s\": unknown flags %#x", si->name,
				      si->flags);
			ck_assert_msg(si->desc != NULL && si->desc[0] != '\0',
				      "\"%s\": no description", si->name);
			if (si->flags & STAT_TICKS)
				ck_assert_msg(
					si->kind == STAT_DURATION,
					"\"%s\": ticks but is not a duration",
					si->name);
		}
	}
}
END_TEST

START_TEST(test_find_null)
{
	ck_assert_ptr_null(catalog_find(NULL, "x"));
	ck_assert_ptr_null(catalog_find(catalog_at(0), NULL));
}
END_TEST

/* A catalogue of one and of none still bisect. */
START_TEST(test_find_small)
{
	static const struct stat_info one[] = {
		{ "x", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "x" },
	};
	struct catalog c1 = { "t", one, 1, NULL, 0, false, false },
		       c0 = { "t", one, 0, NULL, 0, false, false };

	ck_assert_ptr_eq(catalog_find(&c1, "x"), &one[0]);
	ck_assert_ptr_null(catalog_find(&c1, "y"));
	ck_assert_ptr_null(catalog_find(&c0, "x"));
}
END_TEST

START_TEST(test_kind_names)
{
	ck_assert_str_eq(catalog_kind_name(STAT_COUNT), "count");
	ck_assert_str_eq(catalog_kind_name(STAT_DURATION), "duration");
	ck_assert_str_eq(catalog_kind_name(STAT_PERCENT), "percent");
	ck_assert_str_eq(catalog_kind_name(STAT_RATE), "rate");
	ck_assert_str_eq(catalog_kind_name(STAT_TEXT), "text");
	ck_assert_str_eq(catalog_kind_name(STAT_STATE), "state");
	ck_assert_str_eq(catalog_kind_name(STAT_TIME), "time");
	ck_assert_str_eq(catalog_kind_name((enum stat_kind)(STAT_TIME + 1)),
			 "?");
	ck_assert_str_eq(catalog_kind_name((enum stat_kind)99), "?");
}
END_TEST

/*
 * "Did you mean": a name a few edits away from a statistic, or held by
 * one name alone, gets it; a name near nothing gets nothing. Every
 * source's own names, misspelt, lead back to themselves.
 */
START_TEST(test_suggest)
{
	const struct catalog *bp = catalog_for("brightpattern");

	ck_assert_ptr_nonnull(bp);
	ck_assert_str_eq(catalog_suggest(bp, "in_calls_wating"),
			 "in_calls_waiting");
	ck_assert_str_eq(catalog_suggest(bp, "in_calls_waitnig"),
			 "in_calls_waiting");
	ck_assert_ptr_null(catalog_suggest(bp, "IN_CALLS_WAITING"));
	ck_assert_ptr_null(catalog_suggest(bp, "foo"));
	ck_assert_ptr_null(catalog_suggest(bp, ""));
	ck_assert_ptr_null(catalog_suggest(bp, NULL));
	ck_assert_ptr_null(catalog_suggest(NULL, "in_calls_waiting"));
	ck_assert_ptr_null(catalog_suggest(bp, "completely_unrelated_words"));
	for (size_t k = 0; catalog_at(k); k++) {
		const struct catalog *cat = catalog_at(k);
		for (size_t i = 0; i < cat->n; i++) {
			const struct stat_info *si = &cat->stats[i];
			char typo[128];
			const char *got;
			size_t len = strlen(si->name);
			if (len < 6 || len >= sizeof(typo) ||
			    (si->flags & STAT_RENAMED))
				continue;
			/* The last letter dropped. */
			memcpy(typo, si->name, len - 1);
			typo[len - 1] = '\0';
			if (catalog_find(cat, typo) != NULL)
				continue;
			got = catalog_suggest(cat, typo);
			ck_assert_msg(got != NULL, "%s: nothing for %s",
				      cat->provider, typo);
			ck_assert_msg(catalog_find(cat, got) != NULL,
				      "%s: %s offers %s, not a statistic",
				      cat->provider, typo, got);
		}
	}
}
END_TEST

static Suite *catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("catalog");

	tcase_add_test(tc, test_registry);
	tcase_add_test(tc, test_for_unknown);
	tcase_add_test(tc, test_sorted_and_findable);
	tcase_add_test(tc, test_entries_well_formed);
	tcase_add_test(tc, test_find_null);
	tcase_add_test(tc, test_find_small);
	tcase_add_test(tc, test_kind_names);
	tcase_add_test(tc, test_suggest);
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
