/*
 * check_watch.c - unit tests of the watch on layout and config files
 * (src/watch.[ch]) on a real directory: a file saved as editors save it
 * (a temporary file renamed over it) is noticed by inotify and, without
 * inotify, by its times; a save storm is answered once; a change of
 * another file in the same directory is none; a removed file is a change.
 */
#include "autoconf.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "watch.h"

static char dir[64];
static char file[128];

/* A scratch directory with one file in it. */
static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/check_watch.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/board.layout", dir);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Write text to name in the scratch directory, as editors save. */
static void save(const char *name, const char *text)
{
	char tmp[160], path[160];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s/.%s.swp", dir, name);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(tmp, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(rename(tmp, path), 0);
}

/* How many times w says a reload is due within secs of polling. */
static int due_within(struct watch *w, double secs)
{
	double end = now_mono() + secs;
	int n = 0;

	while (now_mono() < end) {
		struct pollfd fds[1];
		int nf = watch_pollfds(w, fds, 1);
		double wake = watch_next_wake(w) - now_mono();
		double left = end - now_mono();
		if (wake > left)
			wake = left;
		poll(fds, (nfds_t)nf, wake > 0 ? (int)ceil(wake * 1000) : 0);
		if (watch_dispatch(w, fds, nf, now_mono()))
			n++;
	}
	return n;
}

/* The first wave of a storm: several saves, then the settle time. */
static void storm(int saves)
{
	for (int i = 0; i < saves; i++) {
		char text[32];
		snprintf(text, sizeof(text), "title = \"%d\"\n", i);
		save("board.layout", text);
	}
}

START_TEST(test_inotify_rename)
{
	const char *files[] = { file };
	struct watch *w;

	save("board.layout", "title = \"a\"\n");
	w = watch_new(files, 1);
	ck_assert(!watch_polling(w));
	ck_assert_int_eq(due_within(w, 0.2), 0);
	save("board.layout", "title = \"b\"\n");
	ck_assert_int_eq(due_within(w, 1.0), 1);
	watch_free(w);
}
END_TEST

START_TEST(test_inotify_storm_once)
{
	const char *files[] = { file };
	struct watch *w;

	save("board.layout", "title = \"a\"\n");
	w = watch_new(files, 1);
	storm(20);
	ck_assert_int_eq(due_within(w, 1.5), 1);
	watch_free(w);
}
END_TEST

START_TEST(test_inotify_other_file)
{
	const char *files[] = { file };
	struct watch *w;

	save("board.layout", "title = \"a\"\n");
	w = watch_new(files, 1);
	save("other.layout", "title = \"x\"\n");
	ck_assert_int_eq(due_within(w, 1.0), 0);
	/* The watch still sees its own file after that. */
	save("board.layout", "title = \"b\"\n");
	ck_assert_int_eq(due_within(w, 1.0), 1);
	watch_free(w);
}
END_TEST

START_TEST(test_polling_times)
{
	const char *files[] = { file, NULL };
	struct watch *w;

	save("board.layout", "title = \"a\"\n");
	w = watch_new_polling(files, 2);
	ck_assert(watch_polling(w));
	ck_assert_int_eq(due_within(w, 1.3), 0);
	storm(5);
	ck_assert_int_eq(due_within(w, WATCH_POLL + 1.0), 1);
	ck_assert_int_eq(unlink(file), 0);
	ck_assert_int_eq(due_within(w, WATCH_POLL + 1.0), 1);
	watch_free(w);
}
END_TEST

static Suite *watch_suite(void)
{
	Suite *s = suite_create("watch");
	TCase *tc = tcase_create("watch");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_inotify_rename);
	tcase_add_test(tc, test_inotify_storm_once);
	tcase_add_test(tc, test_inotify_other_file);
	tcase_add_test(tc, test_polling_times);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(watch_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
