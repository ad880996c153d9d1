/*
 * testlib.h - what the unit tests (Check) share: a layoutset made from
 * layouts given as text (layout_load_text, no files), for the tests of
 * the core and of each source, and the check that a list of messages is
 * exactly the one expected.
 *
 * A test's layouts are part of the test: any error or warning prints
 * every message and aborts, which fails the test case that asked.
 */
#ifndef WB_TESTLIB_H
#define WB_TESTLIB_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "layout/layout.h"

/* Print a list of messages and abort when it is not empty. */
static inline void testlib_no_messages(const char *what, struct errlist *e)
{
	if (e->n == 0)
		return;
	for (size_t i = 0; i < e->n; i++)
		fprintf(stderr, "%s: %s\n", what, e->msgs[i]);
	abort();
}

/*
 * A layoutset of n layouts given as text, for provider (NULL: whatever
 * the layouts say). Layout i is named "layout-<i+1>" in messages.
 */
static inline struct layoutset *testlib_layoutset(const char *provider,
						  const char *const *texts,
						  size_t n)
{
	struct errlist errs = { NULL, 0 }, warns = { NULL, 0 };
	struct layout **ls = xcalloc(n ? n : 1, sizeof(*ls));
	struct layoutset *set;

	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof(name), "layout-%zu", i + 1);
		ls[i] = layout_load_text(name, texts[i], provider, &errs, &warns);
		testlib_no_messages("layout error", &errs);
		testlib_no_messages("layout warning", &warns);
	}
	set = layoutset_new(ls, n, &errs);
	testlib_no_messages("layoutset error", &errs);
	free(ls);
	return set;
}

/* A layoutset of one layout given as text. */
static inline struct layoutset *testlib_layoutset1(const char *provider,
						   const char *text)
{
	return testlib_layoutset(provider, &text, 1);
}

/*
 * Assert that got holds exactly want[0..max) (up to the first NULL), each
 * after "prefix:"; all of got is printed when the counts differ.
 */
static inline void testlib_expect_msgs(const struct errlist *got,
				       const char *prefix,
				       const char *const *want, size_t max)
{
	size_t n = 0;

	while (n < max && want[n] != NULL)
		n++;
	for (size_t i = 0; got->n != n && i < got->n; i++)
		fprintf(stderr, "got: %s\n", got->msgs[i]);
	for (size_t i = 0; i < got->n && i < n; i++) {
		char *full = xasprintf("%s:%s", prefix, want[i]);
		ck_assert_str_eq(got->msgs[i], full);
		free(full);
	}
	ck_assert_uint_eq(got->n, n);
}

#endif
