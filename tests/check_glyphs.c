/*
 * check_glyphs.c - the glyph sets of the terminal classes (render/
 * glyphs.h): which set a terminal gets, what each class can show, and
 * text filtered to it with one '?' a cell, so columns stay in place.
 */
#include "autoconf.h"

#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "render/glyphs.h"
#include "text.h"

/* The Linux console by its names; other terminals get UTF-8. */
START_TEST(test_class_by_term)
{
	ck_assert_int_eq(glyphs_for(0, "linux")->cls, TERM_LINUX);
	ck_assert_int_eq(glyphs_for(0, "linux-16color")->cls, TERM_LINUX);
	ck_assert_int_eq(glyphs_for(0, "linuxish")->cls, TERM_UTF8);
	ck_assert_int_eq(glyphs_for(0, "xterm-256color")->cls, TERM_UTF8);
	ck_assert_int_eq(glyphs_for(0, NULL)->cls, TERM_UTF8);
	ck_assert_int_eq(glyphs_for(1, "xterm-256color")->cls, TERM_ASCII);
	ck_assert_int_eq(glyphs_for(1, "linux")->cls, TERM_ASCII);
	/* The locale of the tests is UTF-8: -1 follows it. */
	ck_assert_int_eq(glyphs_for(-1, "xterm")->cls, TERM_UTF8);
}
END_TEST

/* Every glyph of a set is one its class can show. */
START_TEST(test_sets_within_class)
{
	static const char *const terms[] = { "xterm", "linux" };

	for (int a = 0; a <= 1; a++)
		for (size_t t = 0; t < 2; t++) {
			const struct glyphs *g = glyphs_for(a, terms[t]);
			const char *all[] = { g->h,    g->v,     g->tl,
					      g->tr,   g->bl,    g->br,
					      g->full, g->upper, g->lower,
					      g->bar,  g->bullet };
			for (size_t i = 0; i < sizeof(all) / sizeof(all[0]);
			     i++) {
				char buf[16];
				snprintf(buf, sizeof(buf), "%s", all[i]);
				glyphs_filter(g->cls, buf, sizeof(buf));
				ck_assert_str_eq(buf, all[i]);
				ck_assert_int_eq(text_width(all[i]), 1);
			}
		}
}
END_TEST

/* The console's font: Latin-1, box drawing, its blocks; not the rest. */
START_TEST(test_console_repertoire)
{
	ck_assert(glyphs_has(TERM_LINUX, 'A'));
	ck_assert(!glyphs_has(TERM_LINUX, 0x1B));
	ck_assert(glyphs_has(TERM_LINUX, 0xE9));	/* é */
	ck_assert(glyphs_has(TERM_LINUX, 0x20AC));	/* € */
	ck_assert(glyphs_has(TERM_LINUX, 0x2502));	/* │ */
	ck_assert(glyphs_has(TERM_LINUX, 0x2580));	/* ▀ */
	ck_assert(glyphs_has(TERM_LINUX, 0x2593));	/* ▓ */
	ck_assert(!glyphs_has(TERM_LINUX, 0x2581));	/* ▁ */
	ck_assert(!glyphs_has(TERM_LINUX, 0x2585));	/* ▅ */
	ck_assert(!glyphs_has(TERM_LINUX, 0x2801));	/* braille */
	ck_assert(!glyphs_has(TERM_LINUX, 0x674E));	/* 李 */
	ck_assert(!glyphs_has(TERM_LINUX, 0x2026));	/* … */
	ck_assert(!glyphs_has(TERM_ASCII, 0xE9));
	ck_assert(glyphs_has(TERM_UTF8, 0x674E));
}
END_TEST

/* Filtered text keeps its width: one '?' for each cell of what goes. */
START_TEST(test_filter_keeps_width)
{
	char s[64];

	strcpy(s, "李 娜 Müller │▂");
	glyphs_filter(TERM_LINUX, s, sizeof(s));
	ck_assert_str_eq(s, "?? ?? Müller │?");
	strcpy(s, "José 李");
	glyphs_filter(TERM_ASCII, s, sizeof(s));
	ck_assert_int_eq(text_width(s), text_width("José 李"));
	ck_assert_ptr_null(strpbrk(s, "\x80\x81\xa9\xc3\xe6"));
	strcpy(s, "李 娜");
	glyphs_filter(TERM_UTF8, s, sizeof(s));
	ck_assert_str_eq(s, "李 娜");
	/* A stray byte is one cell. */
	strcpy(s, "a\xff" "b");
	glyphs_filter(TERM_LINUX, s, sizeof(s));
	ck_assert_str_eq(s, "a?b");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("glyphs");
	TCase *tc = tcase_create("glyphs");
	SRunner *r;
	int failed;

	setlocale(LC_ALL, "");
	tcase_add_test(tc, test_class_by_term);
	tcase_add_test(tc, test_sets_within_class);
	tcase_add_test(tc, test_console_repertoire);
	tcase_add_test(tc, test_filter_keeps_width);
	suite_add_tcase(s, tc);
	r = srunner_create(s);
	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
