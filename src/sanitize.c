/*
 * sanitize.c - the one gate between text from the network and the terminal.
 *
 * Input is any bytes, NULs included. Output is valid UTF-8 holding nothing
 * that could move the cursor, change colours, retitle the window, reorder
 * the line or hide from view:
 *
 *   printable ASCII           copied (a run of it is one memcpy)
 *   TAB LF VT FF CR           one space each
 *   an escape sequence        removed whole (ECMA-48): CSI up to its final
 *                             byte, OSC, DCS, SOS, PM and APC up to BEL or
 *                             ST (or the end of the text), other escapes
 *                             with their intermediate and final bytes; the
 *                             same for the C1 forms (U+009B CSI ...)
 *   other C0, DEL             removed
 *   C1 (U+0080-U+009F)        removed (NEL, ...)
 *   U+2028, U+2029            one space each (line and paragraph separator)
 *   bidi controls, invisible  removed (see the drop table)
 *   format characters
 *   invalid UTF-8             U+FFFD for each byte that does not start a
 *                             valid sequence (overlong, surrogate, above
 *                             U+10FFFF, truncated, stray continuation)
 *   anything else             copied as it came (private use, unassigned)
 *
 * Every input byte gives at most 3 output bytes (a bad byte becomes the
 * 3-byte U+FFFD), hence SANITIZE_MAX.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sanitize.h"
#include "text.h"
#include "util.h"

/* A range of code points, both ends included. */
struct cp_range {
	uint32_t lo, hi;
};

/*
 * Code points removed outright, sorted. Bidi controls reorder what the
 * terminal draws; the invisible format characters draw nothing, so text
 * holding them looks identical to different text.
 */
static const struct cp_range drop_ranges[] = {
	{ 0x0080, 0x009f },	/* C1 controls */
	{ 0x00ad, 0x00ad },	/* soft hyphen */
	{ 0x061c, 0x061c },	/* arabic letter mark */
	{ 0x180e, 0x180e },	/* mongolian vowel separator */
	{ 0x200b, 0x200f },	/* zero-width space, ZWNJ, ZWJ, LRM, RLM */
	{ 0x202a, 0x202e },	/* LRE, RLE, PDF, LRO, RLO */
	{ 0x2060, 0x2064 },	/* word joiner, invisible operators */
	/* LRI, RLI, FSI, PDI, deprecated format chars */
	{ 0x2066, 0x206f },
	{ 0xfeff, 0xfeff },	/* zero-width no-break space (BOM) */
	{ 0xfff9, 0xfffb },	/* interlinear annotation controls */
	{ 0xe0000, 0xe007f },	/* tag characters */
};

/* Code points that break a line: shown as one space, like LF. */
static const struct cp_range space_ranges[] = {
	{ 0x2028, 0x2029 },	/* line separator, paragraph separator */
};

/*
 * What becomes of each C0 control: ' ' for the whitespace controls,
 * 0 for removal. DEL (0x7f) is removed too.
 */
static const char c0_action[0x20] = {
	['\t'] = ' ', ['\n'] = ' ', ['\v'] = ' ', ['\f'] = ' ', ['\r'] = ' ',
};

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

/* True if byte c is printable ASCII (space to tilde). */
#define IS_PRINT_ASCII(c) ((unsigned char)((c) - 0x20) < 0x5f)

/* True if cp falls in one of the sorted ranges r[0..n). */
static bool in_ranges(const struct cp_range *r, size_t n, uint32_t cp)
{
	for (size_t i = 0; i < n; i++) {
		if (cp < r[i].lo)
			return false;
		if (cp <= r[i].hi)
			return true;
	}
	return false;
}

/* The length of the run of printable ASCII at the start of s[0..n). */
static inline size_t ascii_run(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && IS_PRINT_ASCII(s[i]))
		i++;
	return i;
}

/*
 * The body of a control string (OSC, DCS, SOS, PM, APC) up to and with
 * its terminator: BEL, ESC \ or ST (U+009C); the rest of the text when
 * it has none, as a terminal would swallow it.
 */
static size_t string_body(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == 0x07)
			return i + 1;
		if (i + 1 < n && ((s[i] == 0x1b && s[i + 1] == '\\') ||
				  (s[i] == 0xc2 && s[i + 1] == 0x9c)))
			return i + 2;
	}
	return n;
}

/*
 * The body of a CSI: parameter bytes, intermediate bytes, the final
 * byte. It stops before a byte that cannot be part of it, which is then
 * sanitised as itself.
 */
static size_t csi_body(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= 0x30 && s[i] <= 0x3f)
		i++;
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i < n && s[i] >= 0x40 && s[i] <= 0x7e)
		i++;
	return i;
}

/* The length of the escape sequence that starts with ESC at s[0]. */
static size_t escape_length(const unsigned char *s, size_t n)
{
	size_t i = 1;

	if (n < 2)
		return 1;
	switch (s[1]) {
	case '[':
		return 2 + csi_body(s + 2, n - 2);
	case ']': case 'P': case 'X': case '^': case '_':
		return 2 + string_body(s + 2, n - 2);
	}
	/* ESC, intermediate bytes, a final byte: ESC ( B, ESC 7, ESC c ... */
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i < n && s[i] >= 0x30 && s[i] <= 0x7e)
		i++;
	return i;
}

/*
 * The length of what follows a C1 control that opens a sequence (U+009B
 * CSI; U+009D OSC, U+0090 DCS, U+0098 SOS, U+009E PM, U+009F APC open a
 * string); 0 for the other C1 controls.
 */
static size_t c1_body(uint32_t cp, const unsigned char *s, size_t n)
{
	switch (cp) {
	case 0x9b:
		return csi_body(s, n);
	case 0x9d: case 0x90: case 0x98: case 0x9e: case 0x9f:
		return string_body(s, n);
	}
	return 0;
}

/*
 * Sanitise the one character at s[0] (not printable ASCII) into dst.
 * Sets *used to the input bytes consumed; returns the bytes written.
 */
static size_t sanitize_char(char *dst, const unsigned char *s, size_t n,
			    size_t *used)
{
	uint32_t cp;
	size_t len;

	if (s[0] == 0x1b) {
		*used = escape_length(s, n);
		return 0;
	}
	if (s[0] < 0x80) {
		*used = 1;
		if (s[0] < 0x20 && c0_action[s[0]] != 0) {
			dst[0] = c0_action[s[0]];
			return 1;
		}
		return 0;	/* other C0, DEL */
	}
	len = utf8_decode(s, n, &cp);
	if (len == 0) {
		*used = 1;
		memcpy(dst, REPLACEMENT, 3);
		return 3;
	}
	*used = len;
	if (cp >= 0x80 && cp <= 0x9f) {
		*used += c1_body(cp, s + len, n - len);
		return 0;
	}
	if (in_ranges(drop_ranges, WB_ARRAY_LEN(drop_ranges), cp))
		return 0;
	if (in_ranges(space_ranges, WB_ARRAY_LEN(space_ranges), cp)) {
		dst[0] = ' ';
		return 1;
	}
	memcpy(dst, s, len);
	return len;
}

/*
 * The sanitiser proper: runs of printable ASCII are copied whole, anything
 * else goes through sanitize_char. No allocation, no per-byte calls on
 * ASCII.
 */
size_t sanitize_copy(char *dst, const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, o = 0, run, used;

	while (i < len) {
		run = ascii_run(s + i, len - i);
		memcpy(dst + o, s + i, run);
		i += run;
		o += run;
		if (i == len)
			break;
		o += sanitize_char(dst + o, s + i, len - i, &used);
		i += used;
	}
	dst[o] = '\0';
	return o;
}

/* A sanitised heap copy, no bigger than it needs to be. */
char *sanitize_dup(const char *src, size_t len)
{
	char *dst;
	size_t n;

	if (src == NULL || len == 0)
		return xstrdup("");
	if (sanitize_is_clean(src, len))
		return xstrndup(src, len);
	if (len > (SIZE_MAX - 1) / 3)
		return xstrdup("");	/* cannot exist in practice */
	dst = xmalloc(SANITIZE_MAX(len));
	n = sanitize_copy(dst, src, len);
	return xrealloc(dst, n + 1);
}

char *sanitize_line(char *dst, size_t size, const char *src)
{
	char *clean = sanitize_dup(src, strlen(src));
	size_t n = strlen(clean);

	if (size == 0) {
		free(clean);
		return dst;
	}
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)clean[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, clean, n);
	dst[n] = '\0';
	free(clean);
	return dst;
}

/*
 * True when sanitize_copy would return src unchanged: printable ASCII
 * and valid UTF-8 that holds nothing to remove or replace. A caller may
 * then keep or copy the bytes as they are.
 */
bool sanitize_is_clean(const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		i += ascii_run(s + i, len - i);
		if (i == len)
			break;
		if (s[i] < 0x80)
			return false;
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 ||
		    in_ranges(drop_ranges, WB_ARRAY_LEN(drop_ranges), cp) ||
		    in_ranges(space_ranges, WB_ARRAY_LEN(space_ranges), cp))
			return false;
		i += n;
	}
	return true;
}

#define SECRET_MARK "[secret]"

/* Replace msg[at..at+len) with the mark, if it fits. */
static bool mask(char *msg, size_t size, size_t at, size_t len)
{
	size_t tail = strlen(msg + at + len), mark = strlen(SECRET_MARK);

	if (at + mark + tail + 1 > size)
		return false;
	memmove(msg + at + mark, msg + at + len, tail + 1);
	memcpy(msg + at, SECRET_MARK, mark);
	return true;
}

/* Every occurrence of secret in msg masked. */
static void mask_all(char *msg, size_t size, const char *secret)
{
	size_t n = strlen(secret), at = 0;
	char *p;

	if (n == 0)
		return;
	while ((p = strstr(msg + at, secret)) != NULL) {
		at = (size_t)(p - msg);
		if (!mask(msg, size, at, n)) {
			memset(p, '*', n);	/* no room for the mark */
			continue;
		}
		at += strlen(SECRET_MARK);
	}
}

/*
 * The words that introduce a secret, and what may stand between a word
 * and its value (a quote, a colon, '=', blanks, "Bearer ", "Basic ").
 */
static const char *const secret_words[] = {
	"client_secret", "password", "passwd", "token", "authorization",
	"api_key", "apikey", "x-api-key", "secret", "cookie",
};

/*
 * The length of what separates a secret's word from its value: quotes,
 * blanks, and a ':' or '=' (without one it is a word in a sentence, not
 * a value: 0).
 */
static size_t value_gap(const char *p)
{
	size_t i = strspn(p, "\"' :=");

	if (memchr(p, ':', i) == NULL && memchr(p, '=', i) == NULL)
		return 0;
	if (strncasecmp(p + i, "bearer ", 7) == 0)
		i += 7;
	else if (strncasecmp(p + i, "basic ", 6) == 0)
		i += 6;
	return i;
}

/* Mask the values that follow the words of secret_words. */
static void mask_values(char *msg, size_t size)
{
	for (size_t at = 0; msg[at] != '\0'; at++) {
		for (size_t w = 0; w < WB_ARRAY_LEN(secret_words); w++) {
			size_t wl = strlen(secret_words[w]), gap, len;
			if (strncasecmp(msg + at, secret_words[w], wl) != 0)
				continue;
			gap = value_gap(msg + at + wl);
			if (gap == 0)
				/* "the token answer": no value */
				continue;
			len = strcspn(msg + at + wl + gap, "\"'&,; )}]");
			if (len > 0 && strncmp(msg + at + wl + gap, SECRET_MARK,
					       strlen(SECRET_MARK)) != 0)
				mask(msg, size, at + wl + gap, len);
			at += wl;
			break;
		}
	}
}

void sanitize_secrets(char *msg, size_t size, const char *const *secrets,
		      size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (secrets[i] && strlen(secrets[i]) >= 4)
			mask_all(msg, size, secrets[i]);
	mask_values(msg, size);
}
