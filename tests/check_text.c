/*
 * check_text.c - unit tests for the sanitiser (sanitize.c) and for value
 * and text formatting (format.c).
 *
 * Run under a UTF-8 locale (the harness sets LC_ALL=C.UTF-8): widths come
 * from wcwidth in the process locale.
 */
#include "autoconf.h"

#include <check.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "format.h"
#include "state.h"
#include "sanitize.h"

#define FFFD "\xef\xbf\xbd"
#define ELL "\xe2\x80\xa6"

/* A deterministic pseudo-random stream, so a failure can be replayed. */
static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

/* True if the n bytes at p are all c (guard bytes left alone). */
static bool all_bytes(const char *p, size_t n, char c)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != c)
			return false;
	return true;
}

/* True if out holds no control byte: no C0, no DEL, no C2 80..9F (C1). */
static bool no_controls(const char *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)out[i];
		if (b < 0x20 || b == 0x7f)
			return false;
		if (b == 0xc2 && i + 1 < n && (unsigned char)out[i + 1] < 0xa0)
			return false;
	}
	return true;
}

/* ---- sanitize --------------------------------------------------------- */

struct san_case {
	const char *name;
	const char *in;
	size_t len;
	const char *want;
};
#define SAN(name, in, want) { name, in, sizeof(in) - 1, want }

static const struct san_case san_cases[] = {
	SAN("plain ascii", "Alice Smith-Jones (ext. 42)",
	    "Alice Smith-Jones (ext. 42)"),
	SAN("empty", "", ""),
	/* an escape sequence goes whole, its printable bytes too */
	SAN("CSI colour", "\x1b[31mred\x1b[0m", "red"),
	SAN("CSI clear screen", "a\x1b[2J\x1b[Hb", "ab"),
	SAN("CSI private", "a\x1b[?1049hb", "ab"),
	SAN("CSI cut short", "a\x1b[31\nb", "a b"),
	SAN("CSI at the end", "a\x1b[", "a"),
	SAN("OSC title BEL", "\x1b]0;title\x07x", "x"),
	SAN("OSC 8 link ST", "\x1b]8;;http://e\x1b\\l", "l"),
	SAN("OSC never ended", "ok\x1b]0;the rest of it", "ok"),
	SAN("DCS", "\x1bPq#0;2;0\x1b\\x", "x"),
	SAN("APC", "\x1b_Gf=100;AAAA\x1b\\x", "x"),
	SAN("charset", "a\x1b(Bb", "ab"),
	SAN("save cursor, reset",
	    "a\x1b"
	    "7\x1b"
	    "cb",
	    "ab"),
	SAN("ESC at the end", "a\x1b", "a"),
	SAN("ESC before a letter of another script", "\x1b\xc3\xa9t\xc3\xa9",
	    "\xc3\xa9t\xc3\xa9"),
	SAN("name with title and colours",
	    "\x1b]0;pwned\x07Mallory Evans\x1b[2J\x1b[31m", "Mallory Evans"),
	SAN("8-bit CSI",
	    "\xc2\x9b"
	    "31mred",
	    "red"),
	SAN("8-bit OSC and ST",
	    "\xc2\x9d"
	    "0;t\xc2\x9c"
	    "x",
	    "x"),
	SAN("C1 NEL",
	    "a\xc2\x85"
	    "b",
	    "ab"),
	SAN("C1 first and last",
	    "\xc2\x80"
	    "a\xc2\x9f",
	    "a"),
	SAN("DEL",
	    "a\x7f"
	    "b",
	    "ab"),
	SAN("other C0",
	    "a\x01\x02\x08\x0e\x1f"
	    "b",
	    "ab"),
	SAN("bell and backspace", "ok\x07\x08\x08xx", "okxx"),
	SAN("tab", "a\tb", "a b"),
	SAN("LF CR VT FF", "a\nb\rc\vd\fe", "a b c d e"),
	SAN("CRLF is two spaces", "a\r\nb", "a  b"),
	SAN("line separator",
	    "a\xe2\x80\xa8"
	    "b\xe2\x80\xa9"
	    "c",
	    "a b c"),
	SAN("embedded NUL", "ab\0cd", "abcd"),
	SAN("only NULs", "\0\0\0", ""),
	SAN("lone continuation",
	    "a\x80"
	    "b",
	    "a" FFFD "b"),
	SAN("continuations", "\xbf\x80", FFFD FFFD),
	SAN("overlong slash", "\xc0\xaf", FFFD FFFD),
	SAN("overlong C1 lead", "\xc1\xbf", FFFD FFFD),
	SAN("overlong 3-byte", "\xe0\x80\xaf", FFFD FFFD FFFD),
	SAN("overlong 4-byte", "\xf0\x80\x80\xaf", FFFD FFFD FFFD FFFD),
	SAN("surrogate high", "\xed\xa0\x80", FFFD FFFD FFFD),
	SAN("surrogate low", "\xed\xbf\xbf", FFFD FFFD FFFD),
	SAN("above U+10FFFF", "\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD),
	SAN("F5..FF leads", "\xf5\xf8\xfe\xff", FFFD FFFD FFFD FFFD),
	SAN("truncated at end", "ab\xe4\xb8", "ab" FFFD FFFD),
	SAN("truncated 2-byte at end", "ab\xc3", "ab" FFFD),
	SAN("truncated 4-byte at end", "\xf0\x9f\x98", FFFD FFFD FFFD),
	SAN("truncated mid-string", "\xe4\xb8x", FFFD FFFD "x"),
	SAN("ESC in a sequence", "\xe4\x1b\xb8", FFFD FFFD),
	SAN("U+10FFFF kept", "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"),
	SAN("U+FFFD kept", FFFD, FFFD),
	SAN("private use kept", "\xee\x80\x80", "\xee\x80\x80"),
	SAN("RLO",
	    "abc\xe2\x80\xae"
	    "def",
	    "abcdef"),
	SAN("LRO PDF",
	    "\xe2\x80\xad"
	    "x\xe2\x80\xac",
	    "x"),
	SAN("LRE RLE",
	    "\xe2\x80\xaa\xe2\x80\xab"
	    "x",
	    "x"),
	SAN("LRM RLM",
	    "\xe2\x80\x8e"
	    "x\xe2\x80\x8f",
	    "x"),
	SAN("isolates",
	    "\xe2\x81\xa6"
	    "a\xe2\x81\xa7"
	    "b\xe2\x81\xa8"
	    "c\xe2\x81\xa9",
	    "abc"),
	SAN("arabic letter mark",
	    "x\xd8\x9c"
	    "y",
	    "xy"),
	SAN("zero-width space", "ad\xe2\x80\x8bmin", "admin"),
	SAN("ZWNJ ZWJ",
	    "a\xe2\x80\x8c"
	    "b\xe2\x80\x8d"
	    "c",
	    "abc"),
	SAN("word joiner, invisibles",
	    "a\xe2\x81\xa0\xe2\x81\xa4"
	    "b",
	    "ab"),
	SAN("BOM",
	    "\xef\xbb\xbf"
	    "Bob",
	    "Bob"),
	SAN("soft hyphen",
	    "Ro\xc2\xad"
	    "bert",
	    "Robert"),
	SAN("mongolian vowel separator",
	    "a\xe1\xa0\x8e"
	    "b",
	    "ab"),
	SAN("tag characters",
	    "a\xf3\xa0\x80\x81\xf3\xa0\x81\x81"
	    "b",
	    "ab"),
	SAN("CJK", "\xe6\x9d\x8e \xe5\xa8\x9c", "\xe6\x9d\x8e \xe5\xa8\x9c"),
	SAN("accented", "Zo\xc3\xab M\xc3\xbcller", "Zo\xc3\xab M\xc3\xbcller"),
	SAN("combining", "e\xcc\x81", "e\xcc\x81"),
	SAN("emoji", "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"),
	SAN("mixed", "\x1b[1m\xe6\x9d\x8e\xe2\x80\xae\t\xc3\xa9\x80",
	    "\xe6\x9d\x8e \xc3\xa9" FFFD),
};

/* Each table case: the exact output, its length, and is_clean agreeing. */
START_TEST(test_sanitize_table)
{
	const struct san_case *c = &san_cases[_i];
	char out[SANITIZE_MAX(64)];
	size_t n;

	ck_assert_uint_le(c->len, 64);
	n = sanitize_copy(out, c->in, c->len);
	ck_assert_msg(strcmp(out, c->want) == 0, "%s: got \"%s\"", c->name,
		      out);
	ck_assert_uint_eq(n, strlen(c->want));
	ck_assert_msg(sanitize_is_clean(c->in, c->len) ==
		      (c->len == n && memcmp(c->in, out, n) == 0),
		      "%s: sanitize_is_clean disagrees", c->name);
}
END_TEST

/* Clean text is recognised as clean, so callers may skip the copy. */
START_TEST(test_sanitize_is_clean)
{
	static const char *clean[] = {
		"", "Alice", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./",
		"Zo\xc3\xab M\xc3\xbcller", "\xe6\x9d\x8e \xe5\xa8\x9c",
	};
	static const char *dirty[] = {
		"a\tb", "\x1b[0m", "a\x7f", "\xc2\x9b", "\x80",
		"\xe2\x80\xae", "\xef\xbb\xbf", "\xc0\xaf",
	};

	for (size_t i = 0; i < sizeof(clean) / sizeof(clean[0]); i++)
		ck_assert_msg(sanitize_is_clean(clean[i], strlen(clean[i])),
			      "clean[%zu]", i);
	for (size_t i = 0; i < sizeof(dirty) / sizeof(dirty[0]); i++)
		ck_assert_msg(!sanitize_is_clean(dirty[i], strlen(dirty[i])),
			      "dirty[%zu]", i);
	ck_assert(!sanitize_is_clean("ab\0cd", 5));
	ck_assert(sanitize_is_clean("ab\0cd", 2));
}
END_TEST

/* Every printable ASCII byte goes through the fast path unchanged. */
START_TEST(test_sanitize_ascii_fast_path)
{
	char in[95 * 20], out[SANITIZE_MAX(sizeof(in))];

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (char)(0x20 + i % 95);
	ck_assert_uint_eq(sanitize_copy(out, in, sizeof(in)), sizeof(in));
	ck_assert(memcmp(out, in, sizeof(in)) == 0);
	ck_assert_int_eq(out[sizeof(in)], '\0');
	ck_assert(sanitize_is_clean(in, sizeof(in)));
}
END_TEST

/* The worst case (every byte a bad one) fills SANITIZE_MAX exactly. */
START_TEST(test_sanitize_bound)
{
	enum { N = 256, GUARD = 64 };
	char in[N], out[SANITIZE_MAX(N) + GUARD];

	memset(in, 0x80, N);
	memset(out, 'G', sizeof(out));
	ck_assert_uint_eq(sanitize_copy(out, in, N), 3 * N);
	ck_assert_int_eq(out[3 * N], '\0');
	for (size_t i = 0; i < 3 * N; i += 3)
		ck_assert(memcmp(out + i, FFFD, 3) == 0);
	ck_assert(all_bytes(out + SANITIZE_MAX(N), GUARD, 'G'));
}
END_TEST

/*
 * Random bytes: the output stays in bounds, is clean (valid UTF-8 with
 * nothing left to remove), holds no control byte, and sanitising it again
 * changes nothing. (One assertion per round: Check's are costly.)
 */
START_TEST(test_sanitize_random)
{
	enum { N = 200, GUARD = 16 };
	unsigned char in[N];
	char out[SANITIZE_MAX(N) + GUARD], again[SANITIZE_MAX(3 * N)];

	for (int round = 0; round < 3000; round++) {
		size_t len = rng() % N, n;
		for (size_t i = 0; i < len; i++) {
			/* Bias towards the interesting bytes. */
			uint32_t r = rng();
			in[i] = (r & 3) == 0 ? (unsigned char)(0x80 +
							       (r >> 2) % 0x80)
				: (r & 3) == 1
					? (unsigned char)((r >> 2) % 0x20)
					: (unsigned char)(r >> 2);
		}
		memset(out, 'G', sizeof(out));
		n = sanitize_copy(out, (char *)in, len);
		ck_assert_msg(n < SANITIZE_MAX(len) && strlen(out) == n &&
				      all_bytes(out + SANITIZE_MAX(len),
						sizeof(out) - SANITIZE_MAX(len),
						'G') &&
				      no_controls(out, n) &&
				      sanitize_is_clean(out, n) &&
				      sanitize_copy(again, out, n) == n &&
				      strcmp(again, out) == 0,
			      "round %d", round);
	}
}
END_TEST

/* sanitize_dup gives a heap copy, clean or cleaned. */
START_TEST(test_sanitize_dup)
{
	char *s;

	s = sanitize_dup("plain", 5);
	ck_assert_str_eq(s, "plain");
	free(s);
	s = sanitize_dup("\x1b[31mx\x80", 7);
	ck_assert_str_eq(s, "x" FFFD);
	free(s);
	s = sanitize_dup("abc", 0);
	ck_assert_str_eq(s, "");
	free(s);
	s = sanitize_dup(NULL, 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

/* ---- format_cell ------------------------------------------------------ */

/* format_cell of a text as the cell a column of format fmt holds. */
static const char *format_text(char *out, size_t outsz, enum fmt fmt,
			       const char *raw, double scale, double tick)
{
	struct cell v = cell_of(raw, fmt == FMT_STATE);

	return format_cell(out, outsz, fmt, &v, scale, tick);
}

struct val_case {
	enum fmt fmt;
	const char *raw;
	double scale, tick;
	const char *want;
};

static const struct val_case val_cases[] = {
	{ FMT_COUNT, NULL, 0, 0, "-" },
	{ FMT_COUNT, "", 0, 0, "-" },
	{ FMT_COUNT, "0", 0, 0, "0" },
	{ FMT_COUNT, "12", 0, 0, "12" },
	{ FMT_COUNT, "12.0", 0, 0, "12" },
	{ FMT_COUNT, "12.5", 0, 0, "13" },
	{ FMT_COUNT, "12.4", 0, 0, "12" },
	{ FMT_COUNT, "-0.4", 0, 0, "0" },
	{ FMT_COUNT, "-3", 0, 0, "-3" },
	{ FMT_COUNT, "1234567", 0, 0, "1234567" },
	{ FMT_COUNT, "n/a", 0, 0, "n/a" },
	{ FMT_COUNT, "12abc", 0, 0, "12abc" },
	{ FMT_DECIMAL, "2.46", 0, 0, "2.5" },
	{ FMT_DECIMAL, "2.45", 0, 0, "2.5" },
	{ FMT_DECIMAL, "2", 0, 0, "2.0" },
	{ FMT_DECIMAL, "-0.04", 0, 0, "0.0" },
	{ FMT_DECIMAL, "", 0, 0, "-" },
	{ FMT_DECIMAL, "0", 0, 0, "0.0" },
	{ FMT_DURATION, "", 0, 0, "-" },
	{ FMT_DURATION, "0", 0, 0, "0:00" },
	{ FMT_DURATION, "42", 0, 0, "0:42" },
	{ FMT_DURATION, "605", 0, 0, "10:05" },
	{ FMT_DURATION, "3723", 0, 0, "1:02:03" },
	{ FMT_DURATION, "90061", 0, 0, "25:01:01" },
	{ FMT_DURATION, "41.9", 0, 0, "0:41" },
	{ FMT_DURATION, "40", 0, 2.5, "0:42" },
	{ FMT_DURATION, "3599", 0, 1, "1:00:00" },
	{ FMT_DURATION, "-5", 0, 0, "0:00" },
	{ FMT_DURATION, "soon", 0, 0, "soon" },
	{ FMT_PERCENT, "0.834", 100, 0, "83%" },
	{ FMT_PERCENT, "83.4", 1, 0, "83%" },
	{ FMT_PERCENT, "0.835", 100, 0, "84%" },
	{ FMT_PERCENT, "0", 100, 0, "0%" },
	{ FMT_PERCENT, "1", 100, 0, "100%" },
	{ FMT_PERCENT, "", 100, 0, "-" },
	{ FMT_PERCENT, "-0.001", 100, 0, "0%" },
	{ FMT_PERCENT, "55", 0, 0, "55%" },
	{ FMT_PERCENT, "high", 100, 0, "high" },
	{ FMT_TEXT, "12.0", 0, 0, "12.0" },
	{ FMT_TEXT, "Alice", 0, 0, "Alice" },
	{ FMT_TEXT, "", 0, 0, "-" },
	{ FMT_TEXT, "0", 0, 0, "0" },
	{ FMT_STATE, "ready", 0, 0, "Ready" },
	{ FMT_STATE, "not_ready", 0, 0, "Not Ready" },
	{ FMT_STATE, "busy", 0, 0, "Busy" },
	{ FMT_STATE, "after_call_work", 0, 0, "After Call Work" },
	{ FMT_STATE, "logged_out", 0, 0, "Logged Out" },
	{ FMT_STATE, "on_break", 0, 0, "Not Ready" },
	{ FMT_STATE, "Wrap-Up", 0, 0, "After Call Work" },
	{ FMT_STATE, "supervising", 0, 0, "supervising" },
	{ FMT_STATE, "", 0, 0, "-" },
	{ FMT_STATE, NULL, 0, 0, "-" },
	/* TZ=UTC in main. 1700000000 is 2023-11-14T22:13:20Z. */
	{ FMT_TIME, "1700000000", 0, 0, "22:13" },
	{ FMT_TIME, "1700000000.9", 0, 0, "22:13" },
	{ FMT_TIME, "1700000000000", 0, 0, "22:13" },
	{ FMT_TIME, "0", 0, 0, "-" },
	{ FMT_TIME, "", 0, 0, "-" },
	{ FMT_TIME, "2023-11-14", 0, 0, "2023-11-14" },
	{ FMT_TIME, "1e30", 0, 0, "1e30" },
};

START_TEST(test_format_value_table)
{
	const struct val_case *c = &val_cases[_i];
	char out[64];

	ck_assert_ptr_eq(format_text(out, sizeof(out), c->fmt, c->raw,
				      c->scale, c->tick), out);
	ck_assert_msg(strcmp(out, c->want) == 0,
		      "fmt %d raw \"%s\": got \"%s\", want \"%s\"", (int)c->fmt,
		      c->raw ? c->raw : "(null)", out, c->want);
}
END_TEST

/* A small out is cut safely, at a character boundary. */
START_TEST(test_format_value_small)
{
	char out[8];

	memset(out, 'G', sizeof(out));
	format_text(out, 3, FMT_STATE, "after_call_work", 0, 0);
	ck_assert_str_eq(out, "Af");
	ck_assert_int_eq(out[3], 'G');
	format_text(out, 4, FMT_TEXT, "\xe6\x9d\x8e\xe5\xa8\x9c", 0, 0);
	ck_assert_str_eq(out, "\xe6\x9d\x8e");
	format_text(out, 3, FMT_TEXT, "\xe6\x9d\x8e", 0, 0);
	ck_assert_str_eq(out, "");
	format_text(out, 1, FMT_COUNT, "12345", 0, 0);
	ck_assert_str_eq(out, "");
	out[0] = 'G';
	format_text(out, 0, FMT_COUNT, "12345", 0, 0);
	ck_assert_int_eq(out[0], 'G');
}
END_TEST

/* ---- durations and numbers -------------------------------------------- */

struct dur_case {
	double secs;
	const char *want;
};

static const struct dur_case dur_cases[] = {
	{ 0, "0:00" }, { 0.999, "0:00" }, { 42, "0:42" }, { 59.9, "0:59" },
	{ 60, "1:00" }, { 605, "10:05" }, { 3599, "59:59" },
	{ 3600, "1:00:00" }, { 3723, "1:02:03" }, { 86399, "23:59:59" },
	{ 90061, "25:01:01" }, { 360000, "100:00:00" }, { -1, "0:00" },
	{ -3723, "0:00" },
};

START_TEST(test_format_duration)
{
	const struct dur_case *c = &dur_cases[_i];
	char out[32];

	format_duration(out, sizeof(out), c->secs);
	ck_assert_msg(strcmp(out, c->want) == 0, "%g: got \"%s\"", c->secs,
		      out);
}
END_TEST

struct num_case {
	double v;
	int decimals;
	const char *want;
};

static const struct num_case num_cases[] = {
	{ 0, 0, "0" }, { 1234567, 0, "1234567" }, { 2.5, 1, "2.5" },
	{ 2.5, 0, "3" }, { -2.5, 0, "-3" }, { 2.46, 1, "2.5" },
	{ -0.0, 0, "0" }, { -0.04, 1, "0.0" }, { -0.4, 0, "0" },
	{ 0.125, 2, "0.13" }, { 3.14159, 3, "3.142" }, { 7, -1, "7" },
	{ -12.75, 1, "-12.8" },
};

START_TEST(test_format_number)
{
	const struct num_case *c = &num_cases[_i];
	char out[32];

	format_number(out, sizeof(out), c->v, c->decimals);
	ck_assert_msg(strcmp(out, c->want) == 0, "%g/%d: got \"%s\"", c->v,
		      c->decimals, out);
}
END_TEST

/* ---- states and widths ------------------------------------------------- */

struct state_case {
	const char *state, *display;
	enum role role;
};

static const struct state_case state_cases[] = {
	{ "ready", "Ready", ROLE_OK },
	{ "not_ready", "Not Ready", ROLE_WARN },
	{ "busy", "Busy", ROLE_INFO },
	{ "after_call_work", "After Call Work", ROLE_INFO },
	{ "logged_out", "Logged Out", ROLE_DIM },
	{ "READY", "Ready", ROLE_OK },
	{ "Not Ready", "Not Ready", ROLE_WARN },
	{ "on_break", "Not Ready", ROLE_WARN },
	{ "Logged Off", "Logged Out", ROLE_DIM },
	{ "supervising", "supervising", ROLE_NORMAL },
	{ "", "", ROLE_NORMAL },
};

START_TEST(test_format_state)
{
	const struct state_case *c = &state_cases[_i];

	const struct state_word *sw = state_at(state_find(c->state));
	char out[64];

	ck_assert_str_eq(
		format_text(out, sizeof(out), FMT_STATE, c->state, 0, 0),
		c->state[0] ? c->display : "-");
	ck_assert_int_eq(sw ? sw->role : ROLE_NORMAL, c->role);
}
END_TEST

START_TEST(test_format_default_width)
{
	static const struct { enum fmt fmt; int width; } w[] = {
		{ FMT_COUNT, 6 }, { FMT_DECIMAL, 7 }, { FMT_DURATION, 8 },
		{ FMT_PERCENT, 6 }, { FMT_TEXT, 16 }, { FMT_STATE, 15 },
		{ FMT_TIME, 5 }, { FMT_AUTO, 8 },
	};

	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		ck_assert_int_eq(format_default_width(w[i].fmt), w[i].width);
	ck_assert_int_eq(format_default_width(FMT_STATE),
			 text_width("After Call Work"));
}
END_TEST

/* ---- text_width ------------------------------------------------------- */

struct width_case {
	const char *s;
	int width;
};

static const struct width_case width_cases[] = {
	{ "", 0 },
	{ "hello", 5 },
	/* Zoë Müller */
	{ "Zo\xc3\xab M\xc3\xbcller", 10 },
	{ "\xe6\x9d\x8e \xe5\xa8\x9c", 5 },			/* 李 娜 */
	/* e + U+0301 */
	{ "e\xcc\x81", 1 },
	{ "\xe2\x80\xa6", 1 },					/* … */
	{ "\xf0\x9f\x98\x80", 2 },				/* emoji */
	/* fullwidth A */
	{ "\xef\xbc\xa1", 2 },
	/* private use */
	{ "\xee\x80\x80", 1 },
	{ FFFD, 1 },
	{ "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf", 10 },
};

START_TEST(test_text_width)
{
	const struct width_case *c = &width_cases[_i];

	ck_assert_msg(text_width(c->s) == c->width, "\"%s\": %d, want %d", c->s,
		      text_width(c->s), c->width);
}
END_TEST

/* The locale is a UTF-8 one and wcwidth knows CJK is double width. */
START_TEST(test_locale)
{
	ck_assert_msg(wcwidth(0x674e) == 2,
		      "wcwidth(U+674E) is not 2: run under LC_ALL=C.UTF-8");
	ck_assert_int_eq(text_width(NULL), 0);
}
END_TEST

/* ---- text_fit --------------------------------------------------------- */

struct fit_case {
	const char *s;
	int width;
	enum align align;
	bool ascii;
	const char *want;
};

#define LI "\xe6\x9d\x8e"	/* 李 */
#define NA "\xe5\xa8\x9c"	/* 娜 */
#define WANG "\xe7\x8e\x8b"	/* 王 */
#define EACUTE "e\xcc\x81"	/* e + combining acute */

static const struct fit_case fit_cases[] = {
	{ "hello", 8, ALIGN_LEFT, false, "hello   " },
	{ "hello", 8, ALIGN_AUTO, false, "hello   " },
	{ "hello", 8, ALIGN_RIGHT, false, "   hello" },
	{ "hello", 8, ALIGN_CENTER, false, " hello  " },
	{ "hello", 9, ALIGN_CENTER, false, "  hello  " },
	{ "hello", 5, ALIGN_RIGHT, false, "hello" },
	{ "", 3, ALIGN_LEFT, false, "   " },
	{ NULL, 2, ALIGN_LEFT, false, "  " },
	{ "hello world", 8, ALIGN_LEFT, false, "hello w" ELL },
	{ "hello world", 8, ALIGN_RIGHT, false, "hello w" ELL },
	{ "hello world", 8, ALIGN_LEFT, true, "hello w~" },
	{ "hello", 4, ALIGN_LEFT, true, "hel~" },
	{ "hello", 1, ALIGN_LEFT, false, ELL },
	{ "hello", 1, ALIGN_LEFT, true, "~" },
	{ "hello", 0, ALIGN_LEFT, false, "" },
	{ "hello", -3, ALIGN_LEFT, false, "" },
	/* 李娜王 is 6 cells. */
	{ LI NA WANG, 6, ALIGN_LEFT, false, LI NA WANG },
	{ LI NA WANG, 5, ALIGN_LEFT, false, LI NA ELL },
	/* 娜 straddles */
	{ LI NA WANG, 4, ALIGN_LEFT, false, LI " " ELL },
	{ LI NA WANG, 3, ALIGN_LEFT, true, LI "~" },
	{ LI NA WANG, 2, ALIGN_LEFT, false, " " ELL }, /* 李 straddles */
	{ LI NA, 5, ALIGN_RIGHT, false, " " LI NA },
	{ LI NA, 7, ALIGN_CENTER, false, " " LI NA "  " },
	{ "Zo\xc3\xab M\xc3\xbcller", 6, ALIGN_LEFT, false,
	  "Zo\xc3\xab M" ELL },
	{ "Zo\xc3\xab M\xc3\xbcller", 12, ALIGN_RIGHT, false,
	  "  Zo\xc3\xab M\xc3\xbcller" },
	{ EACUTE EACUTE EACUTE, 2, ALIGN_LEFT, false, EACUTE ELL },
	{ EACUTE EACUTE, 3, ALIGN_LEFT, false, EACUTE EACUTE " " },
};

/* Each case: the exact text, and exactly width cells. */
START_TEST(test_text_fit_table)
{
	const struct fit_case *c = &fit_cases[_i];
	char out[256];

	ck_assert_ptr_eq(text_fit(out, sizeof(out), c->s, c->width, c->align,
				  c->ascii), out);
	ck_assert_msg(strcmp(out, c->want) == 0, "\"%s\" in %d: got \"%s\"",
		      c->s ? c->s : "(null)", c->width, out);
	ck_assert_int_eq(text_width(out), c->width > 0 ? c->width : 0);
}
END_TEST

/* Too small an out: a NUL-terminated prefix, never a split character. */
START_TEST(test_text_fit_small)
{
	char out[32];

	memset(out, 'G', sizeof(out));
	text_fit(out, 4, "hello", 10, ALIGN_LEFT, false);
	ck_assert_str_eq(out, "hel");
	ck_assert_int_eq(out[4], 'G');

	memset(out, 'G', sizeof(out));
	text_fit(out, 3, LI NA, 4, ALIGN_LEFT, false);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(out[3], 'G');

	memset(out, 'G', sizeof(out));
	text_fit(out, 6, LI NA, 4, ALIGN_LEFT, false);
	ck_assert_str_eq(out, LI);
	ck_assert_int_eq(out[6], 'G');

	memset(out, 'G', sizeof(out));
	text_fit(out, 1, "hello", 3, ALIGN_LEFT, false);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(out[1], 'G');

	out[0] = 'G';
	text_fit(out, 0, "hello", 3, ALIGN_LEFT, false);
	ck_assert_int_eq(out[0], 'G');
}
END_TEST

/*
 * Base letters each buried under many combining marks: with out at the
 * documented 4 * width + 1 bytes, marks are dropped before the column
 * loses width.
 */
START_TEST(test_text_fit_marks)
{
	enum { W = 5 };
	char s[512] = "", out[4 * W + 1 + 8];

	for (int i = 0; i < 8; i++) {
		strcat(s, "z");
		for (int j = 0; j < 10; j++)
			strcat(s, "\xcc\x81");
	}
	for (enum align a = ALIGN_AUTO; a <= ALIGN_CENTER; a++) {
		memset(out, 'G', sizeof(out));
		text_fit(out, 4 * W + 1, s, W, a, false);
		ck_assert_int_eq(text_width(out), W);
		for (size_t i = 4 * W + 1; i < sizeof(out); i++)
			ck_assert_int_eq(out[i], 'G');
	}
	text_fit(out, 4 * W + 1,
		 "z\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
		 "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81",
		 W, ALIGN_RIGHT, false);
	ck_assert_int_eq(text_width(out), W);
	ck_assert_int_eq(out[0], ' ');
}
END_TEST

/* Random sanitised text in random columns always fills them exactly. */
START_TEST(test_text_fit_random)
{
	static const char *pieces[] = {
		"a",
		"Z",
		" ",
		LI,
		NA,
		"\xc3\xab",
		"\xcc\x81",
		"\xf0\x9f\x98\x80",
		"\xe2\x80\xa6",
		"\xef\xbc\xa1",
		FFFD,
	};
	char s[256], out[4 * 40 + 1 + 8];

	for (int round = 0; round < 3000; round++) {
		int width = 1 + (int)(rng() % 40);
		size_t np = rng() % 30;
		s[0] = '\0';
		for (size_t i = 0; i < np; i++)
			strcat(s, pieces[rng() %
					 (sizeof(pieces) / sizeof(pieces[0]))]);
		memset(out, 'G', sizeof(out));
		text_fit(out, 4 * (size_t)width + 1, s, width,
			 (enum align)(rng() % 4), rng() & 1);
		ck_assert_msg(
			text_width(out) == width &&
				sanitize_is_clean(out, strlen(out)) &&
				all_bytes(out + 4 * width + 1,
					  sizeof(out) - 4 * (size_t)width - 1,
					  'G'),
			"\"%s\" in %d: \"%s\"", s, width, out);
	}
}
END_TEST

/* ---- the suite -------------------------------------------------------- */

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc;

	tc = tcase_create("sanitize");
	tcase_add_loop_test(tc, test_sanitize_table, 0, NCASES(san_cases));
	tcase_add_test(tc, test_sanitize_is_clean);
	tcase_add_test(tc, test_sanitize_ascii_fast_path);
	tcase_add_test(tc, test_sanitize_bound);
	tcase_add_test(tc, test_sanitize_random);
	tcase_add_test(tc, test_sanitize_dup);
	suite_add_tcase(s, tc);

	tc = tcase_create("format_value");
	tcase_add_loop_test(tc, test_format_value_table, 0, NCASES(val_cases));
	tcase_add_test(tc, test_format_value_small);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_loop_test(tc, test_format_duration, 0, NCASES(dur_cases));
	tcase_add_loop_test(tc, test_format_number, 0, NCASES(num_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("states");
	tcase_add_loop_test(tc, test_format_state, 0, NCASES(state_cases));
	tcase_add_test(tc, test_format_default_width);
	suite_add_tcase(s, tc);

	tc = tcase_create("text_width");
	tcase_add_test(tc, test_locale);
	tcase_add_loop_test(tc, test_text_width, 0, NCASES(width_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("text_fit");
	tcase_add_loop_test(tc, test_text_fit_table, 0, NCASES(fit_cases));
	tcase_add_test(tc, test_text_fit_small);
	tcase_add_test(tc, test_text_fit_marks);
	tcase_add_test(tc, test_text_fit_random);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	SRunner *r;
	int failed;

	setlocale(LC_ALL, "");
	setenv("TZ", "UTC", 1);
	tzset();
	r = srunner_create(text_suite());
	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
