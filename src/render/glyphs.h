/*
 * glyphs.h - the characters the board draws with, one set per class of
 * terminal: a UTF-8 terminal, the Linux console (whose font has box
 * drawing and the blocks ▀ ▄ █ ▌ ▐ ░ ▒ ▓ but not ▁▂▃▅▆▇, braille or CJK),
 * and plain ASCII (a locale that is not UTF-8). Big digits, borders,
 * markers and state bars all come from the set chosen at start-up.
 */
#ifndef WB_GLYPHS_H
#define WB_GLYPHS_H

#include <stdbool.h>
#include <stddef.h>

enum term_class { TERM_UTF8, TERM_LINUX, TERM_ASCII };

struct glyphs {
	enum term_class cls;
	const char *name;	/* "utf8", "linux", "ascii" */
	/* box drawing */
	const char *h, *v, *tl, *tr, *bl, *br;
	/* blocks: big digits are drawn with these two pixel rows a cell */
	const char *full, *upper, *lower;
	const char *bar;	/* an agent tile's state bar (left edge) */
	const char *bullet;	/* between messages of the ticker */
	bool ascii_ellipsis;	/* cut text ends in "~", not "…" */
};

/*
 * The glyph set for a terminal: ASCII when asked (ascii 1) or when the
 * locale cannot show UTF-8 (ascii -1), the console's when term names the
 * Linux console ("linux", "linux-16color"...), else UTF-8.
 */
const struct glyphs *glyphs_for(int ascii, const char *term);

/*
 * True when the code point cp can be shown by terminals of class cls:
 * everything on a UTF-8 terminal, the console font's repertoire on the
 * console (Latin-1 and Latin-9 letters, box drawing, the blocks above),
 * printable ASCII in ASCII.
 */
bool glyphs_has(enum term_class cls, unsigned long cp);

/*
 * Replace, in place, every character of the UTF-8 text s that terminals
 * of class cls cannot show by '?' once for each cell it takes (so the
 * columns after it stay where they are). Returns s.
 */
char *glyphs_filter(enum term_class cls, char *s, size_t size);

#endif
