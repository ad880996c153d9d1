/*
 * render.h - drawing the board with ncurses: the active layout's panels,
 * a title bar, the status line (connection state, data age, STALE) and the
 * help overlay. The render module reads the model and draws; it owns no
 * data and no network code. Colours are roles mapped onto a scheme chosen
 * at start-up (256 colours, 8 colours, or monochrome), and every role also
 * has a non-colour cue.
 */
#ifndef WB_RENDER_H
#define WB_RENDER_H

#include <stdbool.h>

#include "alert.h"
#include "history.h"
#include "layout/layout.h"
#include "provider.h"
#include "snapshot.h"

struct render_opts {
	/* false: monochrome even on a colour terminal */
	bool color;
	/* 1 ASCII borders and glyphs, 0 UTF-8, -1 from the locale */
	int ascii;
	bool kiosk;		/* bigger STALE, no cursor */
};

/* The longest search text, with its terminating NUL. */
#define VIEW_SEARCH_MAX 64

/* Everything one frame shows. */
struct view {
	const struct layoutset *set;
	size_t active;			/* index of the layout shown */
	const struct snapshot *snap;	/* last good data, or NULL */
	const struct provider_status *st;
	double now;			/* now_mono() */
	/* poll interval: data older than 3 is stale */
	double interval;
	bool help;
	/* a short message (e.g. "q is disabled") or NULL */
	const char *notice;
	bool demo;
	/* breach alerts (flash, status line), or NULL */
	const struct alerts *alerts;
	const struct history *history;	/* totals' trends, or NULL */
	/* grids show the rows whose name has it; NULL: all */
	const char *search;
	bool searching;			/* the search is being typed */
	/* 1..npanels: that panel alone; 0: the layout */
	size_t zoom;
};

struct render;

/* Start ncurses on the terminal; NULL (with a reason printed) if it can't. */
struct render *render_init(const struct render_opts *o);
/* Start on an arbitrary terminal stream (benchmarks: /dev/null). */
struct render *render_init_term(const struct render_opts *o, const char *term,
				FILE *out, FILE *in);
void render_draw(struct render *r, const struct view *v);
/* Pick up a new terminal size (after SIGWINCH). */
void render_resize(struct render *r);
/* The next key, or -1 when none is waiting. */
int render_key(struct render *r);
/* Ring the terminal's bell (a BEL; the terminal may make it visual). */
void render_bell(struct render *r);
/* True when something on screen animates (the ticker scrolls). */
bool render_animating(const struct render *r);
void render_end(struct render *r);

#endif
