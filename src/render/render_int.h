/*
 * render_int.h - what the parts of the renderer share: the renderer's
 * state, the screen's roles, a rectangle, and the few drawing helpers
 * every part uses. Each part draws one concern: render.c the frame and
 * the layout's rows, scheme.c the colours, glyphs.c the characters,
 * bigtext.c the big digits, totals.c totals panels, grid.c grids as
 * lists, tiles.c agent grids as tiles, ticker.c the ticker, status.c
 * the title bar, status line, STALE band and help.
 */
#ifndef WB_RENDER_INT_H
#define WB_RENDER_INT_H

#include <curses.h>

#include "render/glyphs.h"
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

/* A rectangle of the screen. */
struct area {
	int y, x, h, w;
};

struct render {
	SCREEN *screen;
	attr_t attrs[R_COUNT];
	const struct glyphs *g;
	bool ascii;		/* cut text ends in "~" */
	bool color;		/* a colour scheme is in use */
	bool kiosk;
	bool animating;
	unsigned ticker_pos;	/* scroll offset of the ticker, in cells */
	/*
	 * Each grid's rows in display order, kept until the snapshot changes:
	 * between polls only the clock moves, and a tick adds the same seconds
	 * to every ticking duration, so the order cannot change.
	 */
	struct table *tables;	/* [ngrids] */
	/* [ngrids]: serial of the snapshot each was built from */
	unsigned long *sorted;
	/* [ngrids]: the widest word of each column of words, per snapshot */
	int (*needs)[LAYOUT_MAX_COLUMNS];
	size_t ngrids;
	/*
	 * The frame's alerts: what flashes is drawn inverted while
	 * flash_on, which turns once a second (a calm blink, no strobe).
	 */
	const struct alerts *alerts;
	size_t layout;		/* the index of the layout shown */
	bool flash_on;
	/*
	 * The big-digit scale of the totals panels of the layout row being
	 * drawn (one size a row: the largest that fits all its values); 0
	 * outside draw_layout, where a totals panel takes its own best.
	 */
	int row_scale;
	const struct history *history;	/* the frame's trends, or NULL */
	/* the search the tables were built for */
	char match[VIEW_SEARCH_MAX];
};

/* render.c: the helpers */
void style(struct render *r, int role);
void style_flip(struct render *r, int role, bool flip);
bool flashing(const struct render *r, size_t pi, size_t ci, const char *row);
void put_fit(struct render *r, int y, int x, int w, const char *s,
	     enum align a);
void blank(int y, int x, int w);
void draw_box(struct render *r, int y, int x, int h, int w,
	      const char *title, bool flip);
void too_small(struct render *r, const struct area *a);

/* scheme.c */
bool scheme_apply(attr_t *attrs, bool want_color);

/* bigtext.c: a 3x5 pixel font drawn with half blocks */
int big_width(const char *s, int scale);
int big_height(int scale);
void big_draw(struct render *r, int y, int x, const char *s, int scale);
/* The largest scale drawn. */
#define BIG_MAX_SCALE 4

/* totals.c */
int totals_best_scale(struct render *r, const struct panel *p,
		      const struct snapshot *s, double tick,
		      const struct area *a);
void draw_totals(struct render *r, const struct panel *p, size_t pi,
		 const struct snapshot *s, double tick, const struct area *a);

/* grid.c */
struct table *grid_table(struct render *r, const struct panel *p,
			 const struct snapshot *s);
bool row_may_flash(const struct render *r, size_t pi);
void grid_empty(struct render *r, const struct table *t, int y,
		const struct area *a);
void draw_grid_panel(struct render *r, const struct panel *p, size_t pi,
		     const struct snapshot *s, double tick,
		     const struct area *a);

/* tiles.c */
bool tiles_fit(const struct panel *p, int width);
void draw_tiles(struct render *r, const struct panel *p, size_t pi,
		const struct snapshot *s, double tick, const struct area *a);

/* ticker.c */
void draw_ticker(struct render *r, const struct panel *p,
		 const struct snapshot *s, const struct area *a);

/* status.c */
void format_age(char *out, size_t outsz, double secs);
void draw_title(struct render *r, const struct view *v);
bool view_stale(const struct view *v);
void draw_status(struct render *r, const struct view *v);
void draw_stale_band(struct render *r, const struct view *v);
void draw_help(struct render *r, const struct view *v);

#endif
