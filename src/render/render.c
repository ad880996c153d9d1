/*
 * render.c - the board on a terminal, with ncursesw.
 *
 * The screen is a title bar, the active layout's rows of panels, and a
 * status line. Each frame is drawn whole into curses' virtual screen and
 * curses sends only the difference, so nothing flickers and no clear() is
 * ever needed. Styles come from a scheme table indexed by role, chosen once
 * at start-up from what the terminal can do (cf. htop's CRT.c).
 */
#include "autoconf.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "format.h"
#include "keys.h"
#include "render/render.h"
#include "render/spark.h"
#include "table.h"

/* Roles of the screen itself, after the roles a layout can name. */
enum {
	R_TITLE = ROLE_COUNT_,
	R_HEADER,
	R_BORDER,
	R_STALE,
	R_FAULT,
	R_URGENT,
	R_HELP,
	R_COUNT
};

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

/* Line-drawing glyphs, picked once from the locale (cf. htop's tree glyphs). */
struct glyphs {
	const char *h, *v, *tl, *tr, *bl, *br, *full, *upper, *lower, *bullet;
};
static const struct glyphs glyphs_utf8 = {
	"─", "│", "┌", "┐", "└", "┘", "█", "▀", "▄", "•"
};
static const struct glyphs glyphs_ascii = {
	"-", "|", "+", "+", "+", "+", "#", "#", "#", "*"
};

struct render {
	SCREEN *screen;
	attr_t attrs[R_COUNT];
	const struct glyphs *g;
	bool ascii;
	bool kiosk;
	bool animating;
	unsigned ticker_pos;	/* scroll offset of the ticker, in cells */
	/*
	 * Each grid's rows in display order, kept until the snapshot changes:
	 * between polls only the clock moves, and a tick adds the same seconds
	 * to every ticking duration, so the order cannot change.
	 */
	struct table *tables;	/* [ngrids] */
	unsigned long *sorted;	/* [ngrids]: serial of the snapshot each was built from */
	size_t ngrids;
	/*
	 * The frame's alerts: what flashes is drawn inverted while
	 * flash_on, which turns once a second (a calm blink, no strobe).
	 */
	const struct alerts *alerts;
	size_t layout;		/* the index of the layout shown */
	bool flash_on;
	const struct history *history;	/* the frame's trends, or NULL */
	enum spark_set spark;	/* the glyphs trends are drawn with */
	char match[VIEW_SEARCH_MAX];	/* the search the tables were built for */
};

/* Turn the scheme for this terminal into attributes, one pair a role. */
static void setup_colors(struct render *r, bool want_color)
{
	const struct style *scheme = scheme_mono;

	if (want_color && has_colors()) {
		start_color();
		use_default_colors();
		scheme = COLORS >= 256 ? scheme256 : scheme8;
	}
	for (int i = 0; i < R_COUNT; i++) {
		r->attrs[i] = scheme[i].attr;
		if (scheme != scheme_mono && (scheme[i].fg >= 0 || scheme[i].bg >= 0)) {
			init_pair((short)(i + 1), scheme[i].fg, scheme[i].bg);
			r->attrs[i] |= COLOR_PAIR(i + 1);
		}
	}
}

/* ASCII when asked, or when the locale cannot show UTF-8. */
static bool want_ascii(int ascii)
{
	const char *cs;

	if (ascii >= 0)
		return ascii;
	cs = nl_langinfo(CODESET);
	return !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
}

/* Common set-up once a SCREEN exists. */
static struct render *render_setup(struct render *r, const struct render_opts *o)
{
	r->ascii = want_ascii(o->ascii);
	r->g = r->ascii ? &glyphs_ascii : &glyphs_utf8;
	r->kiosk = o->kiosk;
	r->spark = spark_set_for(r->ascii, termname());
	/*
	 * A wall screen's keyboard must not end the board: in kiosk mode
	 * Ctrl-C and Ctrl-\ are keys, not signals (raw). A signal sent to
	 * the process (systemctl stop) still ends it, releasing first.
	 */
	if (o->kiosk)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Esc ends a search: at once, not after curses' second of waiting. */
	set_escdelay(25);
	nodelay(stdscr, TRUE);
	curs_set(0);
	leaveok(stdscr, TRUE);
	setup_colors(r, o->color && getenv("NO_COLOR") == NULL);
	return r;
}

struct render *render_init(const struct render_opts *o)
{
	struct render *r = xcalloc(1, sizeof(*r));

	const char *term = getenv("TERM") ? getenv("TERM") : "";
	char *cup;

	r->screen = newterm(NULL, stdout, stdin);
	if (r->screen == NULL) {
		fprintf(stderr, "wallboard: cannot use terminal \"%s\"\n", term);
		free(r);
		return NULL;
	}
	/* A terminal that cannot place the cursor would smear every frame. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(r->screen);
		free(r);
		fprintf(stderr, "wallboard: terminal \"%s\" cannot place text "
			"on the screen: set TERM to the terminal's type, or use "
			"--once for plain text\n", term);
		return NULL;
	}
	return render_setup(r, o);
}

struct render *render_init_term(const struct render_opts *o, const char *term,
				FILE *out, FILE *in)
{
	struct render *r = xcalloc(1, sizeof(*r));

	r->screen = newterm(term, out, in);
	if (r->screen == NULL) {
		free(r);
		return NULL;
	}
	set_term(r->screen);
	return render_setup(r, o);
}

void render_end(struct render *r)
{
	if (r == NULL)
		return;
	endwin();
	delscreen(r->screen);
	for (size_t g = 0; g < r->ngrids; g++)
		table_free(&r->tables[g]);
	free(r->tables);
	free(r->sorted);
	free(r);
}

void render_resize(struct render *r)
{
	endwin();
	refresh();
}

/*
 * The next key as the board knows keys: arrows become n and p,
 * Backspace DEL and the keypad's Enter a return.
 */
int render_key(struct render *r)
{
	int c = getch();

	switch (c) {
	case ERR:
		return -1;
	case KEY_RIGHT:
	case KEY_NPAGE:
		return 'n';
	case KEY_LEFT:
	case KEY_PPAGE:
	case KEY_BTAB:
		return 'p';
	case KEY_RESIZE:
		return 12;
	case KEY_BACKSPACE:
		return 127;
	case KEY_ENTER:
		return '\r';
	default:
		return c;
	}
}

void render_bell(struct render *r)
{
	(void)r;
	beep();
}

bool render_animating(const struct render *r)
{
	return r->animating;
}

/* Set the style of a role. */
static void style(struct render *r, int role)
{
	attrset(r->attrs[role]);
}

/* The same, inverted when flip (a flashing alert in its bright phase). */
static void style_flip(struct render *r, int role, bool flip)
{
	attrset(flip ? r->attrs[role] ^ A_REVERSE : r->attrs[role]);
}

/* True when cell ci of panel pi (row key row) is to be drawn inverted now. */
static bool flashing(const struct render *r, size_t pi, size_t ci,
		     const char *row)
{
	return r->flash_on && r->alerts != NULL &&
	       alerts_cell_flashing(r->alerts, r->layout, pi, ci, row);
}

/* Write s fitted to exactly w cells at (y, x). */
static void put_fit(struct render *r, int y, int x, int w, const char *s,
		    enum align a)
{
	char buf[1024];

	if (w <= 0)
		return;
	if (w > 250)
		w = 250;
	text_fit(buf, sizeof(buf), s, w, a, r->ascii);
	mvaddstr(y, x, buf);
}

/* Fill a line segment with spaces in the current style. */
static void blank(int y, int x, int w)
{
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
}

/* A box with a title in its top border; the border inverted when flip. */
static void draw_box(struct render *r, int y, int x, int h, int w,
		     const char *title, bool flip)
{
	struct buf line;

	/* Each horizontal edge in one call: borders are most of a frame's cells. */
	buf_init(&line);
	for (int i = 1; i < w - 1; i++)
		buf_puts(&line, r->g->h);
	style_flip(r, R_BORDER, flip);
	mvaddstr(y, x, r->g->tl);
	if (line.data)
		addstr(line.data);
	addstr(r->g->tr);
	mvaddstr(y + h - 1, x, r->g->bl);
	if (line.data)
		addstr(line.data);
	addstr(r->g->br);
	buf_free(&line);
	for (int i = 1; i < h - 1; i++) {
		mvaddstr(y + i, x, r->g->v);
		mvaddstr(y + i, x + w - 1, r->g->v);
	}
	if (title && w > 6) {
		char t[512];
		int tw = text_width(title);
		if (tw > w - 6)
			tw = w - 6;
		style(r, R_HEADER);
		text_fit(t, sizeof(t), title, tw, ALIGN_LEFT, r->ascii);
		mvaddstr(y, x + 2, " ");
		addstr(t);
		addstr(" ");
	}
	style(r, ROLE_NORMAL);
	for (int i = 1; i < h - 1; i++)
		blank(y + i, x + 1, w - 2);
}

/* A rectangle of the screen. */
struct area {
	int y, x, h, w;
};

/* Say that a panel has no room, rather than drawing rubbish. */
static void too_small(struct render *r, const struct area *a)
{
	style(r, ROLE_DIM);
	if (a->h > 0 && a->w > 0)
		put_fit(r, a->y + a->h / 2, a->x, a->w, "(too small)", ALIGN_CENTER);
}

/* --- big digits -------------------------------------------------------- */

/*
 * A 3x5 pixel font, drawn with half blocks so that two pixel rows share
 * one text row; scaled up whole when the panel has room.
 */
struct big_glyph {
	char c;
	unsigned char w;
	const char *rows[5];
};
static const struct big_glyph big_font[] = {
	{ '0', 3, { "###", "# #", "# #", "# #", "###" } },
	{ '1', 3, { " # ", "## ", " # ", " # ", "###" } },
	{ '2', 3, { "###", "  #", "###", "#  ", "###" } },
	{ '3', 3, { "###", "  #", "###", "  #", "###" } },
	{ '4', 3, { "# #", "# #", "###", "  #", "  #" } },
	{ '5', 3, { "###", "#  ", "###", "  #", "###" } },
	{ '6', 3, { "###", "#  ", "###", "# #", "###" } },
	{ '7', 3, { "###", "  #", "  #", "  #", "  #" } },
	{ '8', 3, { "###", "# #", "###", "# #", "###" } },
	{ '9', 3, { "###", "# #", "###", "  #", "###" } },
	{ ':', 1, { " ", "#", " ", "#", " " } },
	{ '.', 1, { " ", " ", " ", " ", "#" } },
	{ '%', 3, { "# #", "  #", " # ", "#  ", "# #" } },
	{ '-', 3, { "   ", "   ", "###", "   ", "   " } },
	{ ' ', 2, { "  ", "  ", "  ", "  ", "  " } },
	{ 'S', 3, { "###", "#  ", "###", "  #", "###" } },
	{ 'T', 3, { "###", " # ", " # ", " # ", " # " } },
	{ 'A', 3, { " # ", "# #", "###", "# #", "# #" } },
	{ 'L', 3, { "#  ", "#  ", "#  ", "#  ", "###" } },
	{ 'E', 3, { "###", "#  ", "###", "#  ", "###" } },
};

static const struct big_glyph *big_find(char c)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(big_font); i++)
		if (big_font[i].c == c)
			return &big_font[i];
	return NULL;
}

/* Width in cells of s in the big font at scale, or -1 if it has no glyph. */
static int big_width(const char *s, int scale)
{
	int w = 0;

	for (; *s; s++) {
		const struct big_glyph *g = big_find(*s);
		if (g == NULL)
			return -1;
		w += (g->w + 1) * scale;
	}
	return w > 0 ? w - scale : 0;
}

/* Rows in cells of the big font at scale. */
static int big_height(int scale)
{
	return (5 * scale + 1) / 2;
}

/* Pixel (px, py) of glyph g at scale. */
static bool big_pixel(const struct big_glyph *g, int px, int py, int scale)
{
	if (py >= 5 * scale)
		return false;
	return g->rows[py / scale][px / scale] == '#';
}

/* Draw s in the big font with its top-left at (y, x). */
static void big_draw(struct render *r, int y, int x, const char *s, int scale)
{
	for (; *s; s++) {
		const struct big_glyph *g = big_find(*s);
		for (int cy = 0; cy < big_height(scale); cy++)
			for (int cx = 0; cx < g->w * scale; cx++) {
				bool top = big_pixel(g, cx, cy * 2, scale);
				bool bot = big_pixel(g, cx, cy * 2 + 1, scale);
				const char *ch = top && bot ? r->g->full :
						 top ? r->g->upper :
						 bot ? r->g->lower : " ";
				mvaddstr(y + cy, x + cx, ch);
			}
		x += (g->w + 1) * scale;
	}
}

/* --- panels ------------------------------------------------------------ */

/*
 * The largest big-font scale at which every value fits a cell, with its
 * label and extra rows (a trend), or 0.
 */
static int totals_scale(size_t n, char vals[][64], int cellw, int cellh,
			int extra)
{
	for (int scale = 4; scale >= 1; scale--) {
		bool fits = big_height(scale) + 1 + extra <= cellh;
		for (size_t i = 0; i < n && fits; i++) {
			int w = big_width(vals[i], scale);
			if (w < 0 ? text_width(vals[i]) > cellw : w > cellw - 2)
				fits = false;
		}
		if (fits)
			return scale;
	}
	return 0;
}

/*
 * How to arrange n totals in big digits: the number of columns (rows
 * follow) that gives the largest scale, preferring one row when it ties.
 * Returns the scale, 0 when big digits fit no arrangement.
 */
static int totals_arrange(size_t n, char vals[][64], const struct area *a,
			  int extra, int *ncols)
{
	int best = 0;

	*ncols = (int)n;
	for (int cols = (int)n; cols >= 1; cols--) {
		int rows = ((int)n + cols - 1) / cols;
		int scale = totals_scale(n, vals, a->w / cols, a->h / rows,
					 extra);
		if (scale > best) {
			best = scale;
			*ncols = cols;
		}
	}
	return best;
}

/*
 * One total in big digits, centred in its cell, the label under it and
 * its trend under that; extra rows (the panel's trends) kept in every
 * cell, so the values of a row stay level.
 */
static void draw_big_total(struct render *r, const struct column *c,
			   const char *val, enum role role, int scale,
			   int extra, const struct area *cell, bool flip)
{
	char label[256];
	int top = cell->y + (cell->h - big_height(scale) - 1 - extra) / 2;
	int w = big_width(val, scale);

	style_flip(r, (int)role, flip);
	if (w >= 0)
		big_draw(r, top, cell->x + (cell->w - w) / 2, val, scale);
	else
		put_fit(r, top + big_height(scale) / 2, cell->x, cell->w, val,
			ALIGN_CENTER);
	/* The level's marker goes with the label: big digits have no "!". */
	snprintf(label, sizeof(label), "%s%s%s", c->title,
		 *role_marker(role) ? " " : "", role_marker(role));
	style(r, role == ROLE_WARN || role == ROLE_CRIT ? (int)role : ROLE_DIM);
	put_fit(r, top + big_height(scale), cell->x, cell->w, label, ALIGN_CENTER);
	if (spark_rows(c) > 0)
		spark_draw(r->attrs, r->spark, top + big_height(scale) + 1,
			   cell->x, cell->w, history_ring(r->history, c->tid), c);
}

/* A totals panel: big digits when there is room, label/value lines if not. */
static void draw_totals(struct render *r, const struct panel *p, size_t pi,
			const struct snapshot *s, double tick,
			const struct area *a)
{
	char vals[LAYOUT_MAX_COLUMNS][64];
	enum role roles[LAYOUT_MAX_COLUMNS];
	size_t n = p->ncols < LAYOUT_MAX_COLUMNS ? p->ncols : LAYOUT_MAX_COLUMNS;
	int cols, scale, extra = 0;

	for (size_t i = 0; i < n; i++) {
		const struct column *c = &p->cols[i];
		if (spark_rows(c) > extra)
			extra = spark_rows(c);
		roles[i] = table_cell(c, s ? &s->totals[c->tid] : &cell_none, tick,
				      vals[i], sizeof(vals[i]) - 3);
	}
	scale = n ? totals_arrange(n, vals, a, extra, &cols) : 0;
	if (scale > 0) {
		int rows = ((int)n + cols - 1) / cols;
		for (size_t i = 0; i < n; i++) {
			struct area cell = {
				a->y + (int)i / cols * (a->h / rows),
				a->x + (int)i % cols * (a->w / cols),
				a->h / rows, a->w / cols
			};
			draw_big_total(r, &p->cols[i], vals[i], roles[i], scale,
				       extra, &cell, flashing(r, pi, i, ""));
		}
		return;
	}
	for (size_t i = 0; i < n; i++)
		strcat(vals[i], role_marker(roles[i]));
	/* Compact: as many label/value columns of >= 22 cells as fit. */
	int per = a->w / 22 > 0 ? a->w / 22 : 1;
	int colw = a->w / per;
	for (size_t i = 0; i < n; i++) {
		int y = a->y + (int)i / per, x = a->x + ((int)i % per) * colw;
		int vw = text_width(vals[i]) + 1;
		int aw = 2 * spark_rows(&p->cols[i]);	/* " ^": a trend's arrow */
		if (y >= a->y + a->h)
			break;
		if (vw > colw / 2)
			vw = colw / 2;
		style(r, ROLE_NORMAL);
		put_fit(r, y, x, colw - vw - 1 - aw, p->cols[i].title, ALIGN_LEFT);
		style_flip(r, (int)roles[i], flashing(r, pi, i, ""));
		put_fit(r, y, x + colw - vw - 1 - aw, vw, vals[i], ALIGN_RIGHT);
		if (aw > 0)
			spark_arrow(r->attrs, r->spark, y, x + colw - 2,
				    history_ring(r->history, p->cols[i].tid),
				    &p->cols[i]);
	}
}

/* The width of a grid column: its own, else its format's. */
static int grid_col_width(const struct column *c)
{
	int w = c->width ? c->width : format_default_width(c->fmt);
	return w < 2 ? 2 : w;
}

/*
 * Fit column widths into avail cells (one space between columns): shrink
 * text columns first, then drop columns from the right. Returns how many
 * columns are shown.
 */
static size_t fit_columns(const struct panel *p, int *w, int avail)
{
	size_t n = p->ncols;
	int total = 0;

	for (size_t i = 0; i < n; i++) {
		w[i] = grid_col_width(&p->cols[i]);
		total += w[i] + (i ? 1 : 0);
	}
	for (size_t i = 0; i < n && total > avail; i++) {
		const struct column *c = &p->cols[i];
		if (c->fmt != FMT_TEXT || w[i] <= 8)
			continue;
		int cut = total - avail < w[i] - 8 ? total - avail : w[i] - 8;
		w[i] -= cut;
		total -= cut;
	}
	while (n > 1 && total > avail) {
		n--;
		total -= w[n] + 1;
	}
	if (total > avail)
		w[0] = avail;
	else if (n > 0 && p->cols[0].fmt == FMT_TEXT)
		w[0] += avail - total;	/* a text first column takes the slack */
	return n;
}

/* The rows of grid panel p for snapshot s, sorted once per snapshot. */
static struct table *grid_table(struct render *r, const struct panel *p,
				const struct snapshot *s)
{
	if (r->ngrids < s->ngrids) {
		r->tables = xreallocarray(r->tables, s->ngrids, sizeof(*r->tables));
		r->sorted = xreallocarray(r->sorted, s->ngrids, sizeof(*r->sorted));
		memset(r->tables + r->ngrids, 0,
		       (s->ngrids - r->ngrids) * sizeof(*r->tables));
		memset(r->sorted + r->ngrids, 0,
		       (s->ngrids - r->ngrids) * sizeof(*r->sorted));
		r->ngrids = s->ngrids;
	}
	if (r->sorted[p->gid] != s->serial) {
		table_build_match(&r->tables[p->gid], p, s, r->match);
		r->sorted[p->gid] = s->serial;
	}
	return &r->tables[p->gid];
}

/*
 * True when row r of grid panel p (index pi) may have a cell drawn
 * inverted now: only then is its key worth making.
 */
static bool row_may_flash(const struct render *r, const struct panel *p,
			  size_t pi)
{
	(void)p;
	return r->flash_on && r->alerts != NULL &&
	       alerts_panel_flashing(r->alerts, r->layout, pi);
}

/* An agent or service grid. */
static void draw_grid(struct render *r, const struct panel *p, size_t pi,
		      const struct snapshot *s, double tick,
		      const struct area *a)
{
	int w[LAYOUT_MAX_COLUMNS];
	char text[256], key[ALERT_ROW_MAX];
	size_t ncols;
	int x;

	if (p->ncols > LAYOUT_MAX_COLUMNS || a->h < 2 || a->w < 8) {
		too_small(r, a);
		return;
	}
	ncols = fit_columns(p, w, a->w);
	style(r, R_HEADER);
	x = a->x;
	for (size_t c = 0; c < ncols; c++) {
		put_fit(r, a->y, x, w[c], p->cols[c].title, p->cols[c].align);
		x += w[c] + 1;
	}
	if (s == NULL || !s->grids[p->gid].present) {
		style(r, ROLE_DIM);
		put_fit(r, a->y + 1, a->x, a->w, s ? "no data" : "waiting for data",
			ALIGN_LEFT);
		return;
	}
	struct table *t = grid_table(r, p, s);
	int rows = a->h - 1;
	bool more = t->matched > (size_t)rows && t->nrows > (size_t)rows;
	size_t shown = t->nrows < (size_t)rows ? t->nrows : (size_t)rows;
	if (more)
		shown = (size_t)rows - 1;
	bool may_flash = row_may_flash(r, p, pi);
	for (size_t i = 0; i < shown; i++) {
		x = a->x;
		if (may_flash)
			alert_row_key(p, s, t->rows[i], key, sizeof(key));
		for (size_t c = 0; c < ncols; c++) {
			const struct cell *v = snapshot_cell(s, p->gid, t->rows[i], c);
			enum role role = table_cell(&p->cols[c], v, tick, text,
						    sizeof(text) - 3);
			strcat(text, role_marker(role));
			style_flip(r, (int)role, may_flash &&
				   p->cols[c].alert != ALERT_NONE &&
				   flashing(r, pi, c, key));
			put_fit(r, a->y + 1 + (int)i, x, w[c], text, p->cols[c].align);
			x += w[c] + 1;
		}
	}
	if (more || t->matched > t->nrows) {
		char note[64];
		snprintf(note, sizeof(note), "+%zu more", t->matched - shown);
		style(r, ROLE_DIM);
		put_fit(r, a->y + a->h - 1, a->x, a->w, note, ALIGN_RIGHT);
	}
	if (t->total == 0) {
		style(r, ROLE_DIM);
		put_fit(r, a->y + 1, a->x, a->w, "(none)", ALIGN_LEFT);
	} else if (t->matched == 0 && r->match[0] != '\0') {
		snprintf(text, sizeof(text), "(no name has \"%s\")", r->match);
		style(r, ROLE_DIM);
		put_fit(r, a->y + 1, a->x, a->w, text, ALIGN_LEFT);
	}
}

/*
 * A grid, with what it must say of itself (a selection the source could
 * not apply) on its first line, where a reader looks before the rows.
 */
static void draw_grid_panel(struct render *r, const struct panel *p,
			    size_t pi, const struct snapshot *s, double tick,
			    const struct area *a)
{
	const char *notice = s ? s->grids[p->gid].notice : NULL;
	struct area rest = *a;

	if (notice != NULL && a->h >= 4) {
		style(r, ROLE_WARN);
		put_fit(r, a->y, a->x, a->w, notice, ALIGN_LEFT);
		rest.y++;
		rest.h--;
	}
	draw_grid(r, p, pi, s, tick, &rest);
}

/*
 * The ticker: with one row, the messages scroll along it; with more, the
 * newest are listed, urgent ones highlighted.
 */
static void draw_ticker(struct render *r, const struct panel *p,
			const struct snapshot *s, const struct area *a)
{
	size_t idx[256];
	size_t n = s ? table_messages(p, s, idx, WB_ARRAY_LEN(idx)) : 0;
	char line[2048];

	if (n == 0) {
		style(r, ROLE_DIM);
		put_fit(r, a->y, a->x, a->w, s ? "no messages" : "waiting for data",
			ALIGN_LEFT);
		return;
	}
	if (a->h > 1) {
		for (size_t i = 0; i < n && (int)i < a->h; i++) {
			table_message_text(&s->msgs[idx[i]], line, sizeof(line));
			style(r, s->msgs[idx[i]].urgent ? R_URGENT : ROLE_NORMAL);
			put_fit(r, a->y + (int)i, a->x, a->w, line, ALIGN_LEFT);
		}
		return;
	}
	/* One row: a scrolling band of every message, newest first. */
	struct buf band;
	buf_init(&band);
	for (size_t i = 0; i < n; i++) {
		table_message_text(&s->msgs[idx[i]], line, sizeof(line));
		buf_printf(&band, "%s  %s  ", line, r->g->bullet);
	}
	int bw = text_width(band.data);
	if (bw <= a->w) {
		style(r, s->msgs[idx[0]].urgent ? R_URGENT : ROLE_NORMAL);
		put_fit(r, a->y, a->x, a->w, band.data, ALIGN_LEFT);
	} else {
		/* Skip whole characters until the offset, then draw. */
		size_t off = text_skip_cells(band.data,
					     (int)(r->ticker_pos % (unsigned)bw));
		char *again;

		/* The band twice over, so the scroll wraps around seamlessly. */
		again = xstrdup(band.data);
		buf_puts(&band, again);
		free(again);
		style(r, ROLE_NORMAL);
		put_fit(r, a->y, a->x, a->w, band.data + off, ALIGN_LEFT);
		r->animating = true;
	}
	buf_free(&band);
}

/* One panel (index pi of the layout) in its box. */
static void draw_panel(struct render *r, const struct panel *p, size_t pi,
		       const struct snapshot *s, double tick,
		       const struct area *box)
{
	struct area in = { box->y + 1, box->x + 1, box->h - 2, box->w - 2 };

	if (box->h < 3 || box->w < 6) {
		too_small(r, box);
		return;
	}
	draw_box(r, box->y, box->x, box->h, box->w, p->title, r->flash_on &&
		 r->alerts && alerts_panel_flashing(r->alerts, r->layout, pi));
	switch (p->kind) {
	case PANEL_TOTALS:
		draw_totals(r, p, pi, s, tick, &in);
		break;
	case PANEL_AGENT_GRID:
	case PANEL_SERVICE_GRID:
		draw_grid_panel(r, p, pi, s, tick, &in);
		break;
	case PANEL_TICKER:
		draw_ticker(r, p, s, &in);
		break;
	}
}

/* Split total cells by weights; the last part takes the rounding. */
static void split(int total, const double *weights, size_t n, int *out)
{
	double sum = 0;
	int used = 0;

	for (size_t i = 0; i < n; i++)
		sum += weights[i] > 0 ? weights[i] : 1;
	for (size_t i = 0; i < n; i++) {
		double wgt = weights[i] > 0 ? weights[i] : 1;
		out[i] = i + 1 == n ? total - used : (int)floor(total * wgt / sum);
		used += out[i];
	}
}

/* The rows and panels of a layout in the body area. */
static void draw_layout(struct render *r, const struct layout *l,
			const struct snapshot *s, double tick,
			const struct area *body)
{
	double hwts[LAYOUT_MAX_ROWS] = { 0 };
	double wwts[LAYOUT_MAX_PANELS_PER_ROW] = { 0 };
	int hs[LAYOUT_MAX_ROWS], ws[LAYOUT_MAX_PANELS_PER_ROW];
	size_t nrows = l->nrows < LAYOUT_MAX_ROWS ? l->nrows : LAYOUT_MAX_ROWS;
	int y = body->y;

	for (size_t i = 0; i < nrows; i++)
		hwts[i] = l->rows[i].height;
	split(body->h, hwts, nrows, hs);
	for (size_t i = 0; i < nrows; i++) {
		const struct layout_row *row = &l->rows[i];
		size_t np = row->npanels < LAYOUT_MAX_PANELS_PER_ROW ?
			    row->npanels : LAYOUT_MAX_PANELS_PER_ROW;
		int x = body->x;
		for (size_t j = 0; j < np; j++)
			wwts[j] = l->panels[row->first + j].width;
		split(body->w, wwts, np, ws);
		for (size_t j = 0; j < np; j++) {
			struct area box = { y, x, hs[i], ws[j] };
			draw_panel(r, &l->panels[row->first + j], row->first + j, s,
				   tick, &box);
			x += ws[j];
		}
		y += hs[i];
	}
}

/* "12s", "4m05s", "2h10m": an age a person reads at a glance. */
static void format_age(char *out, size_t outsz, double secs)
{
	long s = secs < 0 ? 0 : (long)secs;

	if (s < 60)
		snprintf(out, outsz, "%lds", s);
	else if (s < 3600)
		snprintf(out, outsz, "%ldm%02lds", s / 60, s % 60);
	else
		snprintf(out, outsz, "%ldh%02ldm", s / 3600, s / 60 % 60);
}

/* The title bar: layout name, k/N, clock. */
static void draw_title(struct render *r, const struct view *v)
{
	const struct layout *l = v->set->layouts[v->active];
	char left[512], clock[32];
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(clock, sizeof(clock), "%H:%M:%S", &tm);
	snprintf(left, sizeof(left), " %s  [%zu/%zu]%s", l->title, v->active + 1,
		 v->set->n, v->demo ? "  DEMO" : "");
	if (v->zoom > 0 && v->zoom <= l->npanels)
		snprintf(left + strlen(left), sizeof(left) - strlen(left),
			 "  ZOOM %zu/%zu (z: next)", v->zoom, l->npanels);
	style(r, R_TITLE);
	blank(0, 0, COLS);
	put_fit(r, 0, 0, COLS - 10, left, ALIGN_LEFT);
	put_fit(r, 0, COLS - 10, 10, clock, ALIGN_RIGHT);
}

/* True when the data is too old to trust: more than three intervals. */
static bool is_stale(const struct view *v)
{
	return v->snap && v->now - v->snap->received > 3 * v->interval;
}

/* " (5 times)" when the state repeated, else "". */
static const char *repeated(const struct provider_status *st, char *out,
			    size_t size)
{
	if (st->repeats == 0)
		return "";
	snprintf(out, size, " (%u times)", st->repeats + 1);
	return out;
}

/*
 * The alerts' part of the status line at x: how many stand and the
 * oldest, "2 ALERTS, oldest for 1m05s: Queues: Voice Inbound: Waiting 30",
 * with the layout it is on when that is not the one shown, and whether
 * their bell is silenced. Returns the x after it.
 */
static int draw_alerts(struct render *r, const struct view *v, int x)
{
	const struct alert *old;
	size_t acked, n = v->alerts ? alerts_standing(v->alerts, &old, &acked) : 0;
	char line[400], what[300], age[32], where[32] = "";
	int w;

	if (n == 0 || x >= COLS - 12)
		return x;
	format_age(age, sizeof(age), v->now - old->started);
	alert_describe(v->alerts, old, what, sizeof(what));
	if (old->key.layout != v->active)
		snprintf(where, sizeof(where), " (layout %zu)", old->key.layout + 1);
	snprintf(line, sizeof(line), " %zu ALERT%s%s%s for %s: %s%s ", n,
		 n > 1 ? "S" : "", acked == n ? " (silenced)" : "",
		 n > 1 ? ", oldest" : "", age, what, where);
	w = text_width(line);
	if (w > COLS - 12 - x)
		w = COLS - 12 - x;
	if (v->notice && w > (COLS - 12 - x) * 3 / 5)
		w = (COLS - 12 - x) * 3 / 5;	/* leave the notice room */
	style(r, acked == n ? ROLE_WARN : R_FAULT);
	put_fit(r, LINES - 1, x, w, line, ALIGN_LEFT);
	return x + w + 1;
}

/*
 * The search at x in the status line: "/text_" while it is typed,
 * "/text" while it holds. Returns the x after it.
 */
static int draw_search(struct render *r, const struct view *v, int x)
{
	char line[VIEW_SEARCH_MAX + 40];
	int w;

	if (!v->searching && (v->search == NULL || v->search[0] == '\0'))
		return x;
	snprintf(line, sizeof(line), " /%s%s ", v->search ? v->search : "",
		 v->searching ? "_" : "  (Esc clears)");
	w = text_width(line);
	if (w > COLS - 12 - x)
		w = COLS - 12 - x;
	if (w <= 0)
		return x;
	style(r, R_TITLE);
	put_fit(r, LINES - 1, x, w, line, ALIGN_LEFT);
	return x + w + 1;
}

/* The status line: data age, alerts, connection state, what is wrong. */
static void draw_status(struct render *r, const struct view *v)
{
	char line[600] = "", age[32], times[32];
	int y = LINES - 1;
	const struct provider_status *st = v->st;

	style(r, ROLE_NORMAL);
	blank(y, 0, COLS);
	if (v->snap)
		format_age(age, sizeof(age), v->now - v->snap->received);
	if (is_stale(v)) {
		snprintf(line, sizeof(line), " STALE: data is %s old ", age);
		style(r, R_STALE);
		put_fit(r, y, 0, text_width(line) < COLS ? text_width(line) : COLS,
			line, ALIGN_LEFT);
	} else if (v->snap) {
		snprintf(line, sizeof(line), " data %s ago ", age);
		style(r, ROLE_DIM);
		put_fit(r, y, 0, text_width(line) < COLS ? text_width(line) : COLS,
			line, ALIGN_LEFT);
	}
	int x = draw_alerts(r, v, v->snap ? text_width(line) + 1 : 1);
	x = draw_search(r, v, x);
	if (v->notice)
		snprintf(line, sizeof(line), "%s", v->notice);
	else if (st->state == CONN_RETRYING && st->retry_at > v->now)
		snprintf(line, sizeof(line), "%s%s; retrying in %.0f s", st->message,
			 repeated(st, times, sizeof(times)),
			 ceil(st->retry_at - v->now));
	else if (st->message[0])
		snprintf(line, sizeof(line), "%s%s", st->message,
			 repeated(st, times, sizeof(times)));
	else
		snprintf(line, sizeof(line), "%s", conn_state_name(st->state));
	style(r, st->state == CONN_RETRYING && !v->notice ? R_FAULT : ROLE_NORMAL);
	if (x < COLS - 12)
		put_fit(r, y, x, COLS - 12 - x, line, ALIGN_LEFT);
	style(r, ROLE_DIM);
	put_fit(r, y, COLS - 10, 10, r->kiosk ? "" : "? help", ALIGN_RIGHT);
}

/*
 * In kiosk mode STALE is a banner readable from across the room; when the
 * source says why (a publisher down since a time), the banner says it too.
 */
static void draw_stale_banner(struct render *r, const struct view *v)
{
	char age[32], line[64];
	const char *why = v->st->state == CONN_RETRYING ? v->st->message : "";
	int scale = 2, w, h, y, x;

	while (scale > 1 && big_width("STALE", scale) + 4 > COLS)
		scale--;
	w = big_width("STALE", scale) + 4;
	if (why[0] && text_width(why) + 4 > w)
		w = text_width(why) + 4 < COLS ? text_width(why) + 4 : COLS;
	h = big_height(scale) + 3 + (why[0] != '\0');
	if (w > COLS || h > LINES - 2)
		return;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	style(r, R_STALE);
	for (int i = 0; i < h; i++)
		blank(y + i, x, w);
	big_draw(r, y + 1, x + 2, "STALE", scale);
	format_age(age, sizeof(age), v->now - v->snap->received);
	snprintf(line, sizeof(line), "data is %s old", age);
	put_fit(r, y + big_height(scale) + 2, x, w, line, ALIGN_CENTER);
	if (why[0])
		put_fit(r, y + h - 1, x + 1, w - 2, why, ALIGN_CENTER);
}

/* The help overlay: the keys, from the key table, and what marks mean. */
static void draw_help(struct render *r, const struct view *v)
{
	static const char *const notes[] = {
		"",
		"Colours and markers: ! warning, !! critical.",
		"Alerts: a breach flashes its panel and may",
		"ring the bell; a silences the bell.",
		"STALE: data older than three poll intervals.",
	};
	const struct key_binding *k;
	char line[128];
	int n = 0, w = 50, h, y, x, row;

	for (size_t i = 0; (k = key_at(i)) != NULL; i++)
		n += k->help != NULL;
	h = n + (int)WB_ARRAY_LEN(notes) + 4;
	if (w > COLS)
		w = COLS;
	if (h > LINES)
		h = LINES;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	draw_box(r, y, x, h, w, "Help", false);
	style(r, ROLE_NORMAL);
	row = y + 2;
	for (size_t i = 0; (k = key_at(i)) != NULL && row < y + h - 1; i++) {
		if (k->help == NULL)
			continue;
		snprintf(line, sizeof(line), "%-8s %s", k->names, k->help);
		put_fit(r, row++, x + 2, w - 4, line, ALIGN_LEFT);
	}
	for (size_t i = 0; i < WB_ARRAY_LEN(notes) && row < y + h - 1; i++)
		put_fit(r, row++, x + 2, w - 4, notes[i], ALIGN_LEFT);
	(void)v;
}

void render_draw(struct render *r, const struct view *v)
{
	double tick = v->snap ? v->now - v->snap->received : 0;

	r->animating = false;
	r->ticker_pos = (unsigned)(v->now * 4);	/* four cells a second */
	r->alerts = v->alerts;
	r->layout = v->active;
	r->flash_on = (long)floor(v->now) % 2 == 0;	/* turns once a second */
	r->history = v->history;
	if (strcmp(v->search ? v->search : "", r->match) != 0) {
		/* Another search: every grid's rows are chosen again. */
		snprintf(r->match, sizeof(r->match), "%s", v->search ? v->search : "");
		for (size_t g = 0; g < r->ngrids; g++)
			r->sorted[g] = 0;
	}
	if (COLS < 20 || LINES < 6) {
		style(r, ROLE_NORMAL);
		erase();
		put_fit(r, 0, 0, COLS, "terminal too small", ALIGN_LEFT);
		refresh();
		return;
	}
	draw_title(r, v);
	struct area body = { 1, 0, LINES - 2, COLS };
	const struct layout *l = v->set->layouts[v->active];
	if (v->zoom > 0 && v->zoom <= l->npanels)
		draw_panel(r, &l->panels[v->zoom - 1], v->zoom - 1, v->snap, tick,
			   &body);
	else
		draw_layout(r, l, v->snap, tick, &body);
	draw_status(r, v);
	if (r->kiosk && is_stale(v))
		draw_stale_banner(r, v);
	if (v->help)
		draw_help(r, v);
	refresh();
}
