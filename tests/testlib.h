/*
 * testlib.h - what the unit tests (Check) share: the check that a list of
 * messages is exactly the one expected.
 */
#ifndef WB_TESTLIB_H
#define WB_TESTLIB_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

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
