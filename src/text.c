/*
 * text.c - UTF-8 text measured and fitted by terminal cells (double-width
 * CJK, combining marks), so columns line up on any terminal, and the one
 * strict UTF-8 decoder every module uses.
 *
 * Widths come from wcwidth(3) in the process locale, the same table curses
 * draws with, so what is measured here is what lands on the screen. On the
 * systems we build for (glibc, musl) wchar_t holds the code point itself.
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

#define ELLIPSIS "\xe2\x80\xa6"		/* U+2026, one cell */

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;	/* allowed second byte */
	size_t len;

	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		*cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		*cp = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;	/* no overlongs */
		else if (c == 0xed)
			hi = 0x9f;	/* no surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		*cp = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;	/* no overlongs */
		else if (c == 0xf4)
			hi = 0x8f;	/* nothing above U+10FFFF */
	} else
		return 0;	/* continuation, overlong C0/C1, F5-FF */

	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	*cp = (*cp << 6) | (s[1] & 0x3f);
	for (size_t i = 2; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	return len;
}

/*
 * The cells the character at s (NUL-terminated) takes, and its length in
 * *len. The text is sanitised; still, a byte that does not start a valid
 * sequence stands alone, one cell wide, as does anything wcwidth refuses.
 */
static int char_width(const unsigned char *s, size_t *len)
{
	uint32_t cp;
	size_t n = s[0] < 0x80
			   ? 0
			   : utf8_decode(s, strnlen((const char *)s, 4), &cp);
	int w;

	*len = n ? n : 1;
	if (n == 0)
		return 1;	/* ASCII, or a stray byte */
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Cells a (sanitised) UTF-8 string takes on the terminal. */
int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	size_t n;

	if (s == NULL)
		return 0;
	while (*p != '\0') {
		if (*p < 0x80) {
			w++;	/* ASCII: one cell, no call */
			p++;
			continue;
		}
		w += char_width(p, &n);
		p += n;
	}
	return w;
}

/* Where text_fit writes: never past the end, never half a character. */
struct sink {
	char *p;
	size_t left;	/* bytes that may still be written, NUL excluded */
	bool full;	/* something did not fit: nothing more goes in */
};

/* Append n bytes whole, or nothing (and nothing after) if they don't fit. */
static void sink_put(struct sink *k, const char *s, size_t n)
{
	if (k->full || n > k->left) {
		k->full = true;
		return;
	}
	memcpy(k->p, s, n);
	k->p += n;
	k->left -= n;
}

/* Append n spaces (none if n <= 0). */
static void sink_spaces(struct sink *k, int n)
{
	while (n-- > 0)
		sink_put(k, " ", 1);
}

/* The spaces before text extra cells narrower than its column. */
static int left_pad(enum align align, int extra)
{
	switch (align) {
	case ALIGN_RIGHT:
		return extra;
	case ALIGN_CENTER:
		return extra / 2;
	default:
		return 0;
	}
}

/*
 * Copy the characters of s that fit in cells cells; returns the cells
 * used. *cut is set when a character that takes a cell was left out.
 * With tail > 0 a character is copied only if tail - (cells used after
 * it) bytes stay free for what follows the text (padding and ellipsis):
 * a flood of combining marks loses marks, never the column's width.
 */
static int copy_cells(struct sink *k, const char *s, int cells, int tail,
		      bool *cut)
{
	const unsigned char *p = (const unsigned char *)s;
	int used = 0, w;
	size_t n;

	*cut = false;
	for (; *p != '\0' && !k->full; p += n) {
		w = char_width(p, &n);
		if (used + w > cells) {
			*cut = true;
			break;
		}
		if (tail > 0 && n + (size_t)(tail - used - w) > k->left) {
			if (w == 0)
				continue;	/* drop a mark, keep going */
			*cut = true;
			break;
		}
		sink_put(k, (const char *)p, n);
		if (!k->full)
			used += w;
	}
	return used;
}

/*
 * s fitted to exactly width cells: the left pad by alignment, the text
 * (cut and ellipsised if too wide), then the right pad.
 */
char *text_fit(char *out, size_t outsz, const char *s, int width,
	       enum align align, bool ascii)
{
	struct sink k;
	int tw, lpad = 0, cells, used, tail = 0;
	bool cut;

	if (outsz == 0)
		return out;
	k = (struct sink){ out, outsz - 1, false };
	if (width > 0) {
		if (s == NULL)
			s = "";
		tw = text_width(s);
		cells = tw > width ? width - 1 : tw;
		if (tw <= width)
			lpad = left_pad(align, width - tw);
		/* Keep room for the full width when out is big enough. */
		if ((size_t)width + 3 <= outsz)
			tail = width - lpad + 2;
		sink_spaces(&k, lpad);
		used = copy_cells(&k, s, cells, tail, &cut);
		if (cut || tw > width) {
			sink_spaces(&k, width - lpad - used - 1);
			sink_put(&k, ascii ? "~" : ELLIPSIS, ascii ? 1 : 3);
		} else
			sink_spaces(&k, width - lpad - used);
	}
	*k.p = '\0';
	return out;
}

size_t text_skip_cells(const char *s, int cells)
{
	const unsigned char *p = (const unsigned char *)s;
	int used = 0;
	size_t n;

	while (*p != '\0' && used < cells) {
		used += char_width(p, &n);
		p += n;
	}
	return (size_t)(p - (const unsigned char *)s);
}
