/*
 * check_syntax.c - the syntax reader (syntax.c, syntax_lex.c,
 * syntax_diag.c) against a schema of its own: texts that parse, shown as
 * a dump of their tree with the line of every node; texts that do not,
 * with the exact "NAME:LINE: message" of each problem; ${VAR} with and
 * without SYNTAX_ENV; files; and every bound on hostile input.
 */
#include "autoconf.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syntax.h"
#include "testlib.h"

#define MAX_MSGS 6

/* A schema with one key of each type, and sections inside sections. */
static const struct syntax_key nest_keys[3];
static const struct syntax_key nest_keys[3] = {
	{ .name = "v", .type = SYNTAX_STR },
	{ .name = "nest", .type = SYNTAX_SECTION, .keys = nest_keys },
	{ .name = NULL }
};
static const struct syntax_key item_keys[] = {
	{ .name = "label", .type = SYNTAX_STR },
	{ .name = "weight", .type = SYNTAX_FLOAT },
	{ .name = NULL }
};
static const struct syntax_key group_keys[] = { { .name = "size",
						  .type = SYNTAX_INT },
						{ .name = "item",
						  .type = SYNTAX_SECTION,
						  .titled = true,
						  .keys = item_keys },
						{ .name = NULL } };
static const struct syntax_key top_keys[] = {
	{ .name = "name", .type = SYNTAX_STR },
	{ .name = "count", .type = SYNTAX_INT },
	{ .name = "ratio", .type = SYNTAX_FLOAT },
	{ .name = "enabled", .type = SYNTAX_BOOL },
	{ .name = "colors", .type = SYNTAX_LIST },
	{ .name = "group", .type = SYNTAX_SECTION, .keys = group_keys },
	{ .name = "nest", .type = SYNTAX_SECTION, .keys = nest_keys },
	{ .name = NULL }
};

/* The tree of n as text: "key@line=value ...", sections in braces. */
static void dump(struct buf *out, const struct syntax_node *n)
{
	for (size_t i = 0; i < n->nkids; i++) {
		const struct syntax_node *k = &n->kids[i];
		buf_printf(out, "%s%s@%d", i ? " " : "", k->key->name, k->line);
		switch (k->key->type) {
		case SYNTAX_STR:
			buf_printf(out, "=\"%s\"", k->str);
			break;
		case SYNTAX_INT:
			buf_printf(out, "=%ld", k->num);
			break;
		case SYNTAX_FLOAT:
			buf_printf(out, "=%g", k->fnum);
			break;
		case SYNTAX_BOOL:
			buf_printf(out, "=%s", k->flag ? "true" : "false");
			break;
		case SYNTAX_LIST:
			buf_puts(out, "=[");
			for (size_t j = 0; j < k->n; j++)
				buf_printf(out, "%s%s@%d", j ? "," : "",
					   k->list[j], k->lines[j]);
			buf_puts(out, "]");
			break;
		case SYNTAX_SECTION:
			if (k->title)
				buf_printf(out, " \"%s\"", k->title);
			buf_puts(out, "{");
			dump(out, k);
			buf_puts(out, "}");
			break;
		}
	}
}

/* Parse text (len bytes) with flags; its messages into errs. */
static struct syntax_node *parse_n(const char *text, size_t len, unsigned flags,
				   struct errlist *errs)
{
	struct syntax_diags d;
	struct syntax_node *root;

	syntax_diags_init(&d, "t.conf");
	root = syntax_parse(&d, text, len, top_keys, flags);
	syntax_diags_flush(&d, errs, NULL);
	return root;
}

static struct syntax_node *parse(const char *text, unsigned flags,
				 struct errlist *errs)
{
	return parse_n(text, strlen(text), flags, errs);
}

/*
 * Assert that errs holds exactly want (NULL-terminated), each after "t.conf:".
 */
static void expect_msgs(const struct errlist *errs, const char *const *want)
{
	testlib_expect_msgs(errs, "t.conf", want, MAX_MSGS);
}

/* Parse text, which must parse, and compare the dump of its tree. */
static void expect_tree(const char *text, unsigned flags, const char *want)
{
	struct errlist errs = { NULL, 0 };
	struct syntax_node *root = parse(text, flags, &errs);
	struct buf out;

	for (size_t i = 0; i < errs.n; i++)
		fprintf(stderr, "error: %s\n", errs.msgs[i]);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_ptr_nonnull(root);
	buf_init(&out);
	buf_puts(&out, "");
	dump(&out, root);
	ck_assert_str_eq(out.data, want);
	buf_free(&out);
	syntax_free(root);
}

/* ---- texts that parse ------------------------------------------------- */

struct good_case {
	const char *text;
	const char *tree;
};

static const struct good_case good_cases[] = {
	/* Every value type, quoted or bare. */
	{ "name = \"x y\"\ncount = 42\nratio = 0.5\nenabled = yes\n",
	  "name@1=\"x y\" count@2=42 ratio@3=0.5 enabled@4=true" },
	{ "name = bare count = -7 ratio = 3 enabled = OFF",
	  "name@1=\"bare\" count@1=-7 ratio@1=3 enabled@1=false" },
	{ "name = 'single' count = \"12\" enabled = True",
	  "name@1=\"single\" count@1=12 enabled@1=true" },
	{ "count = 0x1F ratio = 1e3 enabled = On",
	  "count@1=31 ratio@1=1000 enabled@1=true" },
	{ "count = 010", "count@1=10" },
	{ "name = 42", "name@1=\"42\"" },
	{ "name = https://host.example/a//b",
	  "name@1=\"https://host.example/a//b\"" },
	/* Lists: braces, bare words, lines of elements, +=, one value, {}. */
	{ "colors = {\"red\", green,\n 3}", "colors@1=[red@1,green@1,3@2]" },
	{ "colors = {a}\ncolors += {b,\nc}", "colors@1=[a@1,b@2,c@3]" },
	{ "colors += {a}", "colors@1=[a@1]" },
	{ "colors = one", "colors@1=[one@1]" },
	{ "colors = {}", "colors@1=[]" },
	/* Sections, titled with a string or a word; equal titles both kept. */
	{ "group {\n"
	  " size = 2\n"
	  " item \"a\" { label = A }\n"
	  " item b { weight = 2 }\n"
	  " item \"a\" { }\n"
	  "}\n"
	  "group { }",
	  "group@1{size@2=2 item@3 \"a\"{label@3=\"A\"} item@4 "
	  "\"b\"{weight@4=2} "
	  "item@5 \"a\"{}} group@7{}" },
	/* Comments of every kind, and the line count across them. */
	{ "# one\n"
	  "// two\n"
	  "/* three\n"
	  " four */ name = x # five\n"
	  "count = 1 // six\n"
	  "/**/ratio = 2 /* seven\n"
	  " */\n"
	  "enabled = no",
	  "name@4=\"x\" count@5=1 ratio@6=2 enabled@8=false" },
	{ "\r\nname = x\r\n\r\ncount = 2\r\n", "name@2=\"x\" count@4=2" },
	/* Escapes of double-quoted strings, as libconfuse reads them. */
	{ "name = \"a\\tb\\x41\\101\\\"\\'\\\\\\q\"",
	  "name@1=\"a\tbAA\"'\\q\"" },
	{ "name = \"\\n\\r\\b\\f\\a\\e\\v\\x7\"",
	  "name@1=\"\n\r\b\f\a\033\v\a\"" },
	{ "name = 'it\\'s \\\\ \\n'", "name@1=\"it's \\ \\n\"" },
	{ "name = \"one \\\ntwo\"\ncount = 1", "name@1=\"one two\" count@3=1" },
	{ "name = \"two\nlines\"\ncount = 1",
	  "name@1=\"two\nlines\" count@3=1" },
	/* Without SYNTAX_ENV, ${...} is text. */
	{ "name = \"${HOME}\" colors = {${HOME}, '${HOME}'}",
	  "name@1=\"${HOME}\" colors@1=[${HOME}@1,${HOME}@1]" },
};

START_TEST(test_good)
{
	expect_tree(good_cases[_i].text, 0, good_cases[_i].tree);
}
END_TEST

/* ---- texts that do not ------------------------------------------------ */

struct bad_case {
	const char *text;
	const char *msgs[MAX_MSGS];
};

static const struct bad_case bad_cases[] = {
	/* Unknown keys: the nearest known one, the known ones, or a brace. */
	{ "nmae = x",
	  { "1: unknown option \"nmae\": did you mean \"name\"?" } },
	{ "group {\n  sise = 1\n}",
	  { "2: unknown option \"sise\" in group: did you mean \"size\"?" } },
	{ "group {\n item \"a\" {\n  colour = red\n }\n}",
	  { "3: unknown option \"colour\" in item \"a\" (known: label, "
	    "weight)" } },
	{ "grope { size = 1 }",
	  { "1: unknown section \"grope\": did you mean \"group\"?" } },
	{ "zzz { count = x nonsense = 1 }\n"
	  "zzz \"t\" { }\n"
	  "q = {1, 2}\n"
	  "count = 1",
	  { "1: unknown section \"zzz\" (known: name, count, ratio, enabled, "
	    "colors, group, nest)",
	    "2: unknown section \"zzz\" (known: name, count, ratio, enabled, "
	    "colors, group, nest)",
	    "3: unknown option \"q\" (known: name, count, ratio, enabled, "
	    "colors, group, nest)" } },
	{ "group {\n item \"a\" {\n  label = x\n}\ngroup { }\n}",
	  { "5: section \"group\" cannot be in group (opened at line 1): is a "
	    "\"}\" missing before it?" } },
	/* Values of the wrong type. */
	{ "count = 1.5\n"
	  "ratio = fast\n"
	  "enabled = maybe\n"
	  "count = 99999999999999999999",
	  { "1: option \"count\" takes an integer, not \"1.5\"",
	    "2: option \"ratio\" takes a finite number, not \"fast\"",
	    "3: option \"enabled\" takes true or false (yes/no, on/off), not "
	    "\"maybe\"",
	    "4: option \"count\" is given twice (first at line 1)",
	    "4: option \"count\" takes an integer, not "
	    "\"99999999999999999999\"" } },
	{ "ratio = inf\ncount = 0x\nname = {a}\nname += b",
	  { "1: option \"ratio\" takes a finite number, not \"inf\"",
	    "2: option \"count\" takes an integer, not \"0x\"",
	    "3: option \"name\" takes one value, not a list",
	    "4: \"+=\" appends to a list, and option \"name\" is not one",
	    "4: option \"name\" is given twice (first at line 3)" } },
	/* Given twice, lists too (only += adds to one). */
	{ "name = a\n\nname = b\ncolors = {x}\ncolors = {y}",
	  { "3: option \"name\" is given twice (first at line 1)",
	    "5: option \"colors\" is given twice (first at line 4)" } },
	/* Titles where they belong. */
	{ "group \"g\" { item { } }",
	  { "1: section \"group\" takes no title",
	    "1: section \"item\" needs a title: item \"...\" { ... }" } },
	/* Structure: each stops the reading, at its line. */
	{ "name = x\ncount 3", { "2: missing \"=\" after option \"count\"" } },
	{ "name =\n",
	  { "2: expected a value for \"name\", not the end of the file" } },
	{ "colors = {a b}",
	  { "1: expected \",\" or \"}\" in the list of \"colors\", not "
	    "\"b\"" } },
	{ "colors = {a,}",
	  { "1: expected a value in the list of \"colors\", not \"}\"" } },
	{ "colors = {a, {b}}",
	  { "1: expected a value in the list of \"colors\", not \"{\"" } },
	{ "= 3", { "1: expected an option name, not \"=\"" } },
	{ "group = 3", { "1: expected \"{\" after \"group\", not \"=\"" } },
	{ "name = (x)", { "1: unexpected character '('" } },
	{ "name = a * b", { "1: unexpected character '*'" } },
	/* A stray brace is reported at its line, and the reading goes on. */
	{ "name = x\n}\ncount = y",
	  { "2: unexpected \"}\": no section is open",
	    "3: option \"count\" takes an integer, not \"y\"" } },
	/* What opened and did not close: at the line where it opened. */
	{ "group {\n"
	  " item \"a\" {\n"
	  "  label = x\n"
	  " }\n"
	  " item \"b\" {\n"
	  "  label = y\n",
	  { "5: section \"item\" \"b\" opened at line 5 has no closing "
	    "brace" } },
	{ "group {\n size = 1\n\n",
	  { "1: section \"group\" opened at line 1 has no closing brace" } },
	{ "name = x\ncolors = {\"a\",\n \"b\nc\n",
	  { "3: string has no closing '\"'" } },
	{ "name = 'it\n\n", { "1: string has no closing \"'\"" } },
	{ "name = x\n/* a\n comment\n",
	  { "2: comment \"/*\" has no closing \"*/\"" } },
	/* Lines stay exact after comments of every kind. */
	{ "# a\n// b\n/* c\n d */\n\ncount = x",
	  { "6: option \"count\" takes an integer, not \"x\"" } },
	/* Escapes libconfuse refuses, and those that would make a NUL. */
	{ "name = \"\\400\"\nname = \"\\8\"",
	  { "1: bad escape \"\\400\" in a string (octal runs from \\1 to "
	    "\\377)",
	    "2: bad escape \"\\8\" in a string (octal runs from \\1 to \\377)",
	    "2: option \"name\" is given twice (first at line 1)" } },
	{ "name = \"a\\0b\"\ncolors = {\"\\x00\", \"\\000\"}",
	  { "1: escape \"\\0\" in a string makes a NUL byte",
	    "2: escape \"\\x00\" in a string makes a NUL byte",
	    "2: escape \"\\000\" in a string makes a NUL byte" } },
	/* Messages quote the file sanitised: no escape reaches a terminal. */
	{ "\x1b]0;x\x07\xe2\x80\xae = 1",
	  { "1: unknown option \"\" (known: name, count, ratio, enabled, "
	    "colors, group, nest)" } },
	{ "count = \"\x1b[2J\n\"",
	  { "1: option \"count\" takes an integer, not \" \"" } },
};

START_TEST(test_bad)
{
	struct errlist errs = { NULL, 0 };

	ck_assert_ptr_null(parse(bad_cases[_i].text, 0, &errs));
	expect_msgs(&errs, bad_cases[_i].msgs);
	errlist_free(&errs);
}
END_TEST

/* ---- the environment -------------------------------------------------- */

START_TEST(test_env)
{
	static const char text[] = "name = "
				   "\"<${WB_SYNTAX_X}|${WB_SYNTAX_UNSET}|"
				   "${WB_SYNTAX_UNSET:-d}>\"\n"
				   "colors = {${WB_SYNTAX_X}, "
				   "\"${WB_SYNTAX_X:-no}\", '${WB_SYNTAX_X}'}\n"
				   "count = ${WB_SYNTAX_N}\n";

	setenv("WB_SYNTAX_X", "value", 1);
	setenv("WB_SYNTAX_N", "12", 1);
	unsetenv("WB_SYNTAX_UNSET");
	expect_tree(text, SYNTAX_ENV,
		    "name@1=\"<value||d>\" "
		    "colors@2=[value@2,value@2,${WB_SYNTAX_X}@2] count@3=12");
	/* Without the flag nothing is read from the environment. */
	expect_tree("name = \"${WB_SYNTAX_X}\" colors = {${WB_SYNTAX_X:-d}}", 0,
		    "name@1=\"${WB_SYNTAX_X}\" colors@1=[${WB_SYNTAX_X:-d}@1]");
}
END_TEST

/* ---- bounds ------------------------------------------------------------ */

/* Parse text that must fail with exactly one message. */
static void expect_one(const char *text, size_t len, const char *want)
{
	struct errlist errs = { NULL, 0 };
	const char *const msgs[] = { want, NULL };

	ck_assert_ptr_null(parse_n(text, len, 0, &errs));
	expect_msgs(&errs, msgs);
	errlist_free(&errs);
}

START_TEST(test_nul)
{
	static const char text[] = "name = x\ncount = 1\0\n";

	expect_one(text, sizeof(text) - 1, "2: a NUL byte: not a text file");
}
END_TEST

START_TEST(test_depth)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < SYNTAX_MAX_DEPTH; i++)
		buf_printf(&b, "nest {\n");
	for (int i = 0; i < SYNTAX_MAX_DEPTH; i++)
		buf_puts(&b, "}");
	expect_tree(
		b.data, 0,
		"nest@1{nest@2{nest@3{nest@4{nest@5{nest@6{nest@7{"
		"nest@8{nest@9{nest@10{nest@11{nest@12{nest@13{nest@14{nest@15{"
		"nest@16{}}}}}}}}}}}}}}}}");
	buf_reset(&b);
	for (int i = 0; i < 100000; i++)
		buf_printf(&b, "nest {\n");
	expect_one(b.data, b.len, "17: sections nested deeper than 16");
	buf_free(&b);
}
END_TEST

START_TEST(test_size)
{
	size_t len = SYNTAX_MAX_SIZE + 1;
	char *text = xmalloc(len + 1);

	memset(text, '\n', len);
	text[len] = '\0';
	expect_one(text, len, " file is larger than 1048576 bytes");
	free(text);
}
END_TEST

START_TEST(test_tokens)
{
	struct errlist errs = { NULL, 0 };
	struct buf b;
	char *want;

	/* An unknown section is read without counting values: tokens only. */
	buf_init(&b);
	buf_puts(&b, "zzz {\n");
	for (int i = 0; i < SYNTAX_MAX_TOKENS / 3 + 10; i++)
		buf_puts(&b, "a {}\n");
	buf_puts(&b, "}\n");
	ck_assert_ptr_null(parse(b.data, 0, &errs));
	ck_assert_uint_eq(errs.n, 2);
	/* Token SYNTAX_MAX_TOKENS + 1: 2 on line 1, then 3 a line. */
	want = xasprintf("t.conf:%d: more than %d tokens",
			 1 + (SYNTAX_MAX_TOKENS + 1) / 3, SYNTAX_MAX_TOKENS);
	ck_assert_str_eq(errs.msgs[1], want);
	free(want);
	errlist_free(&errs);
	buf_free(&b);
}
END_TEST

START_TEST(test_values)
{
	struct buf b;
	char *want;

	buf_init(&b);
	buf_puts(&b, "colors = {");
	for (int i = 0; i < SYNTAX_MAX_VALUES; i++)
		buf_puts(&b, "a,");
	buf_puts(&b, "b}");
	want = xasprintf("1: more than %d values (options, sections and list "
			 "elements)", SYNTAX_MAX_VALUES);
	expect_one(b.data, b.len, want);
	free(want);
	buf_free(&b);
}
END_TEST

START_TEST(test_many_messages)
{
	struct errlist errs = { NULL, 0 };
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < 250; i++)
		buf_puts(&b, "}\n");
	ck_assert_ptr_null(parse(b.data, 0, &errs));
	ck_assert_uint_eq(errs.n, SYNTAX_MAX_MESSAGES + 1);
	ck_assert_str_eq(errs.msgs[0], "t.conf:1: unexpected \"}\": no section "
			 "is open");
	ck_assert_str_eq(errs.msgs[SYNTAX_MAX_MESSAGES - 1], "t.conf:100: "
			 "unexpected \"}\": no section is open");
	ck_assert_str_eq(errs.msgs[SYNTAX_MAX_MESSAGES], "t.conf: too many "
			 "problems; only the first 100 are shown");
	errlist_free(&errs);
	buf_free(&b);
}
END_TEST

START_TEST(test_long_message)
{
	struct errlist errs = { NULL, 0 };
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < 20000; i++)
		buf_puts(&b, "x");
	buf_puts(&b, " = 1");
	ck_assert_ptr_null(parse(b.data, 0, &errs));
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_uint_le(strlen(errs.msgs[0]), strlen("t.conf:1: ") + 400);
	ck_assert(strstr(errs.msgs[0], "...") != NULL);
	errlist_free(&errs);
	buf_free(&b);
}
END_TEST

/* ---- files ---------------------------------------------------------- */

/* Parse a file; its messages into errs. */
static struct syntax_node *parse_file(const char *path, struct errlist *errs)
{
	struct syntax_diags d;
	struct syntax_node *root;

	syntax_diags_init(&d, path);
	root = syntax_parse_file(&d, path, top_keys, 0);
	syntax_diags_flush(&d, errs, NULL);
	return root;
}

START_TEST(test_file)
{
	char path[] = "/tmp/check_syntax.XXXXXX";
	int fd = mkstemp(path);
	struct errlist errs = { NULL, 0 };
	struct syntax_node *root;
	char *want;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "name = x\n", 9), 9);
	close(fd);
	root = parse_file(path, &errs);
	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(syntax_get(root, "name")->str, "x");
	syntax_free(root);
	unlink(path);
	ck_assert_ptr_null(parse_file(path, &errs));
	want = xasprintf("%s: cannot open: %s", path, strerror(ENOENT));
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.msgs[0], want);
	free(want);
	errlist_free(&errs);
	ck_assert_ptr_null(parse_file("/tmp", &errs));
	ck_assert_str_eq(errs.msgs[0], "/tmp: not a regular file");
	errlist_free(&errs);
	/* Too large: refused by its size, before a byte is read. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, SYNTAX_MAX_SIZE + 1), 0);
	close(fd);
	ck_assert_ptr_null(parse_file(path, &errs));
	want = xasprintf("%s: file is larger than %d bytes", path,
			 SYNTAX_MAX_SIZE);
	ck_assert_str_eq(errs.msgs[0], want);
	free(want);
	errlist_free(&errs);
	unlink(path);
}
END_TEST

/* ---- lookups -------------------------------------------------------- */

START_TEST(test_lookups)
{
	struct errlist errs = { NULL, 0 };
	struct syntax_node *root =
		parse("group { item a {} size = 1 item b {} }\n"
		      "name = x group { }",
		      0, &errs);
	const struct syntax_node *g, *it;

	ck_assert_ptr_nonnull(root);
	ck_assert_uint_eq(syntax_count(root, "group"), 2);
	ck_assert_uint_eq(syntax_count(root, "nest"), 0);
	ck_assert_ptr_null(syntax_get(root, "count"));
	g = syntax_get(root, "group");
	ck_assert_int_eq(syntax_get(g, "size")->num, 1);
	it = syntax_next(g, "item", NULL);
	ck_assert_str_eq(it->title, "a");
	it = syntax_next(g, "item", it);
	ck_assert_str_eq(it->title, "b");
	ck_assert_ptr_null(syntax_next(g, "item", it));
	ck_assert_uint_eq(syntax_next(root, "group", g)->nkids, 0);
	syntax_free(root);
}
END_TEST

static Suite *syntax_suite(void)
{
	Suite *s = suite_create("syntax");
	TCase *tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_good, 0, (int)WB_ARRAY_LEN(good_cases));
	tcase_add_loop_test(tc, test_bad, 0, (int)WB_ARRAY_LEN(bad_cases));
	tcase_add_test(tc, test_env);
	tcase_add_test(tc, test_lookups);
	suite_add_tcase(s, tc);

	tc = tcase_create("bounds");
	tcase_add_test(tc, test_nul);
	tcase_add_test(tc, test_depth);
	tcase_add_test(tc, test_size);
	tcase_add_test(tc, test_tokens);
	tcase_add_test(tc, test_values);
	tcase_add_test(tc, test_many_messages);
	tcase_add_test(tc, test_long_message);
	tcase_add_test(tc, test_file);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(syntax_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
