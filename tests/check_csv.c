/*
 * check_csv.c - unit tests of the CSV output's quoting (src/output/csv.c,
 * csv_field): RFC 4180 (a field with a comma, a quote, a CR or an LF is
 * quoted, quotes doubled; others as they are), names in any script kept
 * byte for byte, and text a spreadsheet would take for a formula ("=",
 * "+", "-", "@", a tab, a CR first) made safe with a leading apostrophe,
 * while a number the board wrote (a negative one too) stays a number.
 */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "output/csv.h"

static const struct {
	const char *in;
	bool text;
	const char *out;
} cases[] = {
	{ "Voice Inbound", true, "Voice Inbound" },
	{ "", true, "" },
	{ "42", false, "42" },
	{ "-3.5", false, "-3.5" }, /* a number stays a number */
	{ "a,b", true, "\"a,b\"" },
	{ "say \"hi\"", true, "\"say \"\"hi\"\"\"" },
	{ "two\nlines", true, "\"two\nlines\"" },
	{ "cr\rhere", true, "\"cr\rhere\"" },
	{ "販売 窓口", true, "販売 窓口" },
	{ "Service Client Français", true, "Service Client Français" },
	{ "=HYPERLINK(\"http://x\")", true,
	  "\"'=HYPERLINK(\"\"http://x\"\")\"" },
	{ "=cmd|' /C calc'!A0", true, "\"'=cmd|' /C calc'!A0\"" },
	{ "+1+1", true, "\"'+1+1\"" },
	{ "-rf", true, "\"'-rf\"" },
	{ "@SUM(A1)", true, "\"'@SUM(A1)\"" },
	{ "\tx", true, "\"'\tx\"" },
	{ "\rx", true, "\"'\rx\"" },
	{ "$(touch pwned); -rf", true, "$(touch pwned); -rf" },
	{ "a=b", true, "a=b" }, /* only a first character counts */
};

START_TEST(test_field)
{
	struct buf b;

	buf_init(&b);
	csv_field(&b, cases[_i].in, cases[_i].text);
	ck_assert_str_eq(b.data ? b.data : "", cases[_i].out);
	buf_free(&b);
}
END_TEST

static Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");

	tcase_add_loop_test(tc, test_field, 0,
			    (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(csv_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
