/*
 * glyphs.c - the glyph sets of the terminal classes (glyphs.h), chosen
 * once at start-up, and the filter that keeps text within what the
 * terminal's font can show (cf. htop's tree glyph tables).
 */
#include "autoconf.h"

#include <langinfo.h>
#include <stdint.h>
#include <string.h>

#include "render/glyphs.h"
#include "text.h"
#include "util.h"

static const struct glyphs glyphs_utf8 = {
	.cls = TERM_UTF8,
	.name = "utf8",
	.h = "─",
	.v = "│",
	.tl = "┌",
	.tr = "┐",
	.bl = "└",
	.br = "┘",
	.full = "█",
	.upper = "▀",
	.lower = "▄",
	.bar = "▌",
	.bullet = "•",
};

/* The console's font: box drawing and half blocks, no bullet. */
static const struct glyphs glyphs_linux = {
	.cls = TERM_LINUX,
	.name = "linux",
	.h = "─",
	.v = "│",
	.tl = "┌",
	.tr = "┐",
	.bl = "└",
	.br = "┘",
	.full = "█",
	.upper = "▀",
	.lower = "▄",
	.bar = "▌",
	.bullet = "*",
	.ascii_ellipsis = true,
};

static const struct glyphs glyphs_ascii = {
	.cls = TERM_ASCII, .name = "ascii",
	.h = "-", .v = "|", .tl = "+", .tr = "+", .bl = "+", .br = "+",
	.full = "#", .upper = "#", .lower = "#",
	.bar = "|", .bullet = "*",
	.ascii_ellipsis = true,
};

/* True when the locale's character set is UTF-8. */
static bool locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

const struct glyphs *glyphs_for(int ascii, const char *term)
{
	if (ascii == 1 || (ascii < 0 && !locale_utf8()))
		return &glyphs_ascii;
	if (term && strncmp(term, "linux", 5) == 0 &&
	    (term[5] == '\0' || term[5] == '-'))
		return &glyphs_linux;
	return &glyphs_utf8;
}

/*
 * The Linux console font's repertoire beyond ASCII (the Lat15 fonts
 * console-setup installs): Latin-1, the Latin-9 additions, box drawing
 * and the blocks. Ranges, first and last.
 */
static const uint32_t console_ranges[][2] = {
	{ 0x00A0, 0x00FF },	/* Latin-1 */
	{ 0x0152, 0x0153 },	/* Œ œ */
	{ 0x0160, 0x0161 },	/* Š š */
	{ 0x0178, 0x0178 },	/* Ÿ */
	{ 0x017D, 0x017E },	/* Ž ž */
	{ 0x20AC, 0x20AC },	/* € */
	{ 0x2500, 0x257F },	/* box drawing */
	{ 0x2580, 0x2580 },	/* ▀ */
	{ 0x2584, 0x2584 },	/* ▄ */
	{ 0x2588, 0x2588 },	/* █ */
	{ 0x258C, 0x258C },	/* ▌ */
	{ 0x2590, 0x2593 },	/* ▐ ░ ▒ ▓ */
};

bool glyphs_has(enum term_class cls, unsigned long cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F;
	if (cls == TERM_UTF8)
		return true;
	if (cls == TERM_ASCII)
		return false;
	for (size_t i = 0; i < WB_ARRAY_LEN(console_ranges); i++)
		if (cp >= console_ranges[i][0] && cp <= console_ranges[i][1])
			return true;
	return false;
}

char *glyphs_filter(enum term_class cls, char *s, size_t size)
{
	unsigned char *in = (unsigned char *)s, *out = in;
	unsigned char *end = in + strnlen(s, size);

	if (cls == TERM_UTF8)
		return s;
	while (in < end) {
		uint32_t cp;
		size_t n;
		int w;

		if (*in < 0x80) {
			*out++ = *in++;
			continue;
		}
		n = utf8_decode(in, (size_t)(end - in), &cp);
		if (n == 0) {			/* a stray byte: one cell */
			*out++ = '?';
			in++;
			continue;
		}
		if (glyphs_has(cls, cp)) {
			memmove(out, in, n);
			out += n;
		} else {
			char one[8] = { 0 };
			memcpy(one, in, n);
			/*
			 * As wide as text.c counts it; a combining mark goes.
			 */
			w = text_width(one);
			for (int i = 0; i < w && out < in + n; i++)
				*out++ = '?';
		}
		in += n;
	}
	*out = '\0';
	return s;
}
