/*
 * scheme.c - the colour schemes as data: one table a scheme, one style a
 * role, chosen once at start-up from what the terminal can do (cf.
 * htop's CRT.c). Every role also has a cue that is not a colour (an
 * attribute, a marker, a state tag), so monochrome loses nothing.
 */
#include "autoconf.h"

#include "render/render_int.h"

struct style {
	short fg, bg;
	attr_t attr;
};

/* 8 colours: the common denominator of terminals and kiosk consoles. */
static const struct style scheme8[R_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL },
	[ROLE_OK] = { COLOR_GREEN, -1, A_NORMAL },
	[ROLE_INFO] = { COLOR_CYAN, -1, A_NORMAL },
	[ROLE_WARN] = { COLOR_YELLOW, -1, A_BOLD },
	[ROLE_CRIT] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[ROLE_DIM] = { -1, -1, A_DIM },
	[R_TITLE] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[R_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE },
	[R_BORDER] = { COLOR_BLUE, -1, A_NORMAL },
	[R_STALE] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
	[R_FAULT] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[R_URGENT] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[R_HELP] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL },
};

/* 256 colours: softer shades that read well on a wall from a distance. */
static const struct style scheme256[R_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL },
	[ROLE_OK] = { 78, -1, A_NORMAL },
	[ROLE_INFO] = { 75, -1, A_NORMAL },
	[ROLE_WARN] = { 214, -1, A_BOLD },
	[ROLE_CRIT] = { 231, 160, A_BOLD },
	[ROLE_DIM] = { 245, -1, A_NORMAL },
	[R_TITLE] = { 231, 24, A_BOLD },
	[R_HEADER] = { 252, -1, A_BOLD | A_UNDERLINE },
	[R_BORDER] = { 67, -1, A_NORMAL },
	[R_STALE] = { 16, 214, A_BOLD },
	[R_FAULT] = { 231, 160, A_BOLD },
	[R_URGENT] = { 231, 161, A_BOLD },
	[R_HELP] = { 231, 24, A_NORMAL },
};

/* Monochrome: attributes only; markers in the text carry the levels too. */
static const struct style scheme_mono[R_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL },
	[ROLE_OK] = { -1, -1, A_NORMAL },
	[ROLE_INFO] = { -1, -1, A_NORMAL },
	[ROLE_WARN] = { -1, -1, A_BOLD },
	[ROLE_CRIT] = { -1, -1, A_BOLD | A_REVERSE },
	[ROLE_DIM] = { -1, -1, A_DIM },
	[R_TITLE] = { -1, -1, A_REVERSE },
	[R_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE },
	[R_BORDER] = { -1, -1, A_NORMAL },
	[R_STALE] = { -1, -1, A_BOLD | A_REVERSE },
	[R_FAULT] = { -1, -1, A_BOLD | A_REVERSE },
	[R_URGENT] = { -1, -1, A_BOLD | A_REVERSE },
	[R_HELP] = { -1, -1, A_REVERSE },
};

/*
 * Turn the scheme for this terminal into attributes, one pair a role:
 * 256 colours, else 8, else (or when colour is not wanted) monochrome.
 * True when a colour scheme was chosen.
 */
bool scheme_apply(attr_t *attrs, bool want_color)
{
	const struct style *scheme = scheme_mono;

	if (want_color && has_colors()) {
		start_color();
		use_default_colors();
		scheme = COLORS >= 256 ? scheme256 : scheme8;
	}
	for (int i = 0; i < R_COUNT; i++) {
		attrs[i] = scheme[i].attr;
		if (scheme != scheme_mono &&
		    (scheme[i].fg >= 0 || scheme[i].bg >= 0)) {
			init_pair((short)(i + 1), scheme[i].fg, scheme[i].bg);
			attrs[i] |= COLOR_PAIR(i + 1);
		}
	}
	return scheme != scheme_mono;
}
