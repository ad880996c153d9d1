/*
 * render.c - the board on a terminal, with ncursesw: the frame.
 *
 * The screen is a title bar, the active layout's rows of panels, and a
 * status line. Each frame is drawn whole into curses' virtual screen and
 * curses sends only the difference, so nothing flickers and no clear() is
 * ever needed. Styles come from a scheme table indexed by role (scheme.c),
 * characters from the terminal's glyph set (glyphs.c), both chosen once
 * at start-up; each kind of panel is drawn by its own part (render_int.h).
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_int.h"
#include "text.h"
#include "util.h"

/* Common set-up once a SCREEN exists on a terminal of type term. */
static struct render *
render_setup(struct render *r, const struct render_opts *o, const char *term)
{
	r->g = glyphs_for(o->ascii, term);
	r->ascii = r->g->ascii_ellipsis;
	r->kiosk = o->kiosk;
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
	r->color =
		scheme_apply(r->attrs, o->color && getenv("NO_COLOR") == NULL);
	return r;
}

struct render *render_init(const struct render_opts *o)
{
	struct render *r = xcalloc(1, sizeof(*r));

	const char *term = getenv("TERM") ? getenv("TERM") : "";
	char *cup;

	r->screen = newterm(NULL, stdout, stdin);
	if (r->screen == NULL) {
		fprintf(stderr, "wallboard: cannot use terminal \"%s\"\n",
			term);
		free(r);
		return NULL;
	}
	/* A terminal that cannot place the cursor would smear every frame. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(r->screen);
		free(r);
		fprintf(stderr,
			"wallboard: terminal \"%s\" cannot place text "
			"on the screen: set TERM to the terminal's type, or "
			"use --once for plain text\n",
			term);
		return NULL;
	}
	return render_setup(r, o, term);
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
	return render_setup(r, o, term);
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
	free(r->needs);
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
void style(struct render *r, int role)
{
	attrset(r->attrs[role]);
}

/* The same, inverted when flip (a flashing alert in its bright phase). */
void style_flip(struct render *r, int role, bool flip)
{
	attrset(flip ? r->attrs[role] ^ A_REVERSE : r->attrs[role]);
}

/* True when cell ci of panel pi (row key row) is to be drawn inverted now. */
bool flashing(const struct render *r, size_t pi, size_t ci,
		     const char *row)
{
	return r->flash_on && r->alerts != NULL &&
	       alerts_cell_flashing(r->alerts, r->layout, pi, ci, row);
}

/* Write s fitted to exactly w cells at (y, x). */
void put_fit(struct render *r, int y, int x, int w, const char *s,
		    enum align a)
{
	char buf[1024];

	if (w <= 0)
		return;
	if (w > 250)
		w = 250;
	text_fit(buf, sizeof(buf), s, w, a, r->ascii);
	mvaddstr(y, x, glyphs_filter(r->g->cls, buf, sizeof(buf)));
}

/* Fill a line segment with spaces in the current style. */
void blank(int y, int x, int w)
{
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
}

/* A box with a title in its top border; the border inverted when flip. */
void draw_box(struct render *r, int y, int x, int h, int w,
		     const char *title, bool flip)
{
	struct buf line;

	/*
	 * Each horizontal edge in one call: borders are most of a frame's
	 * cells.
	 */
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
		glyphs_filter(r->g->cls, t, sizeof(t));
		mvaddstr(y, x + 2, " ");
		addstr(t);
		addstr(" ");
	}
	style(r, ROLE_NORMAL);
	for (int i = 1; i < h - 1; i++)
		blank(y + i, x + 1, w - 2);
}

/* Say that a panel has no room, rather than drawing rubbish. */
void too_small(struct render *r, const struct area *a)
{
	style(r, ROLE_DIM);
	if (a->h > 0 && a->w > 0)
		put_fit(r, a->y + a->h / 2, a->x, a->w, "(too small)",
			ALIGN_CENTER);
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
		out[i] = i + 1 == n ? total - used
				    : (int)floor(total * wgt / sum);
		used += out[i];
	}
}

/*
 * The big-digit scale of a row's totals panels: the smallest of their
 * best scales (panels where big digits fit nowhere left aside), so that
 * one row shows one size of digits; 0 when the row has none.
 */
static int row_scale(struct render *r, const struct layout *l,
		     const struct layout_row *row, size_t np,
		     const struct snapshot *s, double tick, const int *ws,
		     int h)
{
	int scale = 0;

	for (size_t j = 0; j < np; j++) {
		const struct panel *p = &l->panels[row->first + j];
		struct area in = { 0, 0, h - 2, ws[j] - 2 };
		int best;

		if (p->kind != PANEL_TOTALS || in.h < 1 || in.w < 4)
			continue;
		best = totals_best_scale(r, p, s, tick, &in);
		if (best > 0 && (scale == 0 || best < scale))
			scale = best;
	}
	return scale;
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
		r->row_scale = row_scale(r, l, row, np, s, tick, ws, hs[i]);
		for (size_t j = 0; j < np; j++) {
			struct area box = { y, x, hs[i], ws[j] };
			draw_panel(r, &l->panels[row->first + j],
				   row->first + j, s, tick, &box);
			x += ws[j];
		}
		y += hs[i];
	}
}

void render_draw(struct render *r, const struct view *v)
{
	double tick = v->snap ? v->now - v->snap->received : 0;

	r->animating = false;
	r->ticker_pos = (unsigned)(v->now * 4);	/* four cells a second */
	r->alerts = v->alerts;
	r->layout = v->active;
	/* turns once a second */
	r->flash_on = (long)floor(v->now) % 2 == 0;
	r->history = v->history;
	if (strcmp(v->search ? v->search : "", r->match) != 0) {
		/* Another search: every grid's rows are chosen again. */
		snprintf(r->match, sizeof(r->match), "%s",
			 v->search ? v->search : "");
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
		draw_panel(r, &l->panels[v->zoom - 1], v->zoom - 1, v->snap,
			   tick, &body); /* alone: at its own best digit size */
	else
		draw_layout(r, l, v->snap, tick, &body);
	r->row_scale = 0;	/* a panel drawn alone takes its own best */
	draw_status(r, v);
	if (r->kiosk && view_stale(v))
		draw_stale_band(r, v);
	if (v->help)
		draw_help(r, v);
	refresh();
}
