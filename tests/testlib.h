/*
 * testlib.h - what the unit tests (Check) share: a layoutset made from
 * layouts given as text (layout_load_text, no files), for the tests of
 * the core and of each source, and the check that a list of messages is
 * exactly the one expected; for the tests of the sources' parsers, the
 * grid and total a key names and the check that no control character
 * reached a snapshot.
 *
 * A test's layouts are part of the test: any error or warning prints
 * every message and aborts, which fails the test case that asked.
 */
#ifndef WB_TESTLIB_H
#define WB_TESTLIB_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "snapshot.h"

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
		ls[i] = layout_load_text(name, texts[i], provider, &errs,
					 &warns);
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

/* The gid of the grid panel of set with a key; the test fails without one. */
static inline size_t testlib_gid_of(const struct layoutset *set,
				    const char *key)
{
	for (size_t g = 0; g < set->ngrids; g++)
		if (strcmp(set->grids[g].key, key) == 0)
			return g;
	ck_abort_msg("no grid %s", key);
	return 0;
}

/* The tid of a totals statistic over a selection ("" = every service). */
static inline size_t testlib_tid_of(const struct layoutset *set,
				    const char *stat, const char *scope)
{
	for (size_t t = 0; t < set->ntotals; t++)
		if (strcmp(set->totals[t], stat) == 0 &&
		    strcmp(set->total_scopes[t], scope) == 0)
			return t;
	ck_abort_msg("no totals statistic %s over \"%s\"", stat, scope);
	return 0;
}

/* Assert no C0 control, DEL or C1 control (as UTF-8) in s (NULL passes). */
static inline void testlib_assert_clean(const char *s, const char *where)
{
	if (s == NULL)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		ck_assert_msg(*p >= 0x20 && *p != 0x7f,
			      "%s: control byte 0x%02x in \"%s\"", where, *p,
			      s);
		ck_assert_msg(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f),
			      "%s: C1 control in \"%s\"", where, s);
	}
}

/* Assert every string of a snapshot (totals, cells, messages) is clean. */
static inline void testlib_assert_snapshot_clean(const struct snapshot *s)
{
	for (size_t t = 0; t < s->ntotals; t++)
		testlib_assert_clean(s->totals[t].text, "total");
	for (size_t g = 0; g < s->ngrids; g++)
		for (size_t i = 0; i < s->grids[g].nrows * s->grids[g].ncols;
		     i++)
			testlib_assert_clean(s->grids[g].cells[i].text, "cell");
	for (size_t m = 0; m < s->nmsgs; m++) {
		testlib_assert_clean(s->msgs[m].id, "msg id");
		testlib_assert_clean(s->msgs[m].login_id, "msg login_id");
		testlib_assert_clean(s->msgs[m].first_name, "msg first_name");
		testlib_assert_clean(s->msgs[m].last_name, "msg last_name");
		testlib_assert_clean(s->msgs[m].content, "msg content");
	}
}

#endif
