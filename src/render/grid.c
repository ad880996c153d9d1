/*
 * grid.c - agent and service grids as lists: a header, one row a name,
 * columns as wide as their headers and, for names, as their longest
 * name needs (capped), spare width between the columns rather than
 * after the names, and each level's marker ("!", "!!") in a column of
 * its own after a right-aligned value, so that values keep one edge.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include "format.h"
#include "render/render_int.h"
#include "text.h"

/* A name column takes at most this many cells unless its width says more. */
#define NAME_CAP 32
/* Spare width between two columns: at most this many cells. */
#define GAP_MAX 3
/* The cells of the marker column ("!!"). */
#define MARK_W 2

/* How a grid's columns are laid out across its width this frame. */
struct grid_cols {
	size_t n;			/* columns shown */
	int gap;			/* cells between two columns */
	int w[LAYOUT_MAX_COLUMNS];	/* the value's cells */
	int mark[LAYOUT_MAX_COLUMNS];	/* the marker's cells after it */
};

/* True for a column whose cells are words (names, states): left-aligned. */
static bool is_words(const struct column *c)
{
	return c->fmt == FMT_TEXT || c->fmt == FMT_STATE;
}

/*
 * The cells a column's values need: its width, else its format's, and
 * never less than its header; a column of words as wide as its longest
 * word in the rows (need), up to NAME_CAP or its width if more.
 */
static int col_width(const struct column *c, int need)
{
	int w = c->width ? c->width : format_default_width(c->fmt);
	int hw = text_width(c->title);

	if (is_words(c) && need > 0) {
		int cap = w > NAME_CAP ? w : NAME_CAP;
		w = need < cap ? need : cap;
	}
	if (w < hw)
		w = hw;
	return w < 2 ? 2 : w;
}

/* The cells of the marker column of c: none when no level can mark it. */
static int col_mark(const struct column *c)
{
	bool levels = c->th.has_warn || c->th.has_crit;

	return levels && c->align != ALIGN_LEFT ? MARK_W : 0;
}

/*
 * Fit the columns into avail cells: shrink columns of words (never
 * below their header, nor 8), then drop columns from the right; what
 * is left over widens the gaps, up to GAP_MAX.
 */
static void fit_columns(const struct panel *p, const int *need, int avail,
			struct grid_cols *gc)
{
	int total = 0;

	gc->n = p->ncols;
	gc->gap = 1;
	gc->w[0] = gc->mark[0] = 0;
	for (size_t i = 0; i < gc->n; i++) {
		gc->w[i] = col_width(&p->cols[i], need[i]);
		gc->mark[i] = col_mark(&p->cols[i]);
		total += gc->w[i] + gc->mark[i] + (i ? 1 : 0);
	}
	for (size_t i = 0; i < gc->n && total > avail; i++) {
		const struct column *c = &p->cols[i];
		int least = text_width(c->title) > 8 ? text_width(c->title) : 8;
		if (!is_words(c) || gc->w[i] <= least)
			continue;
		int cut = total - avail < gc->w[i] - least ?
			  total - avail : gc->w[i] - least;
		gc->w[i] -= cut;
		total -= cut;
	}
	while (gc->n > 1 && total > avail) {
		gc->n--;
		total -= gc->w[gc->n] + gc->mark[gc->n] + 1;
	}
	if (total > avail) {
		gc->w[0] = avail - gc->mark[0];
		return;
	}
	if (gc->n > 1) {
		gc->gap += (avail - total) / (int)(gc->n - 1);
		if (gc->gap > GAP_MAX)
			gc->gap = GAP_MAX;
	}
}

/*
 * The widest text of each column of words over the grid's rows (0 for
 * the other columns), found once per snapshot (words do not tick), over
 * the rows a screen can show.
 */
static void words_need(const struct panel *p, const struct snapshot *s,
		       const struct table *t, int *need)
{
	char text[256];

	for (size_t c = 0; c < p->ncols && c < LAYOUT_MAX_COLUMNS; c++) {
		need[c] = 0;
		if (!is_words(&p->cols[c]))
			continue;
		for (size_t i = 0; i < t->nrows && i < (size_t)LINES; i++) {
			const struct cell *v =
				snapshot_cell(s, p->gid, t->rows[i], c);
			table_cell(&p->cols[c], v, 0, text, sizeof(text));
			int w = text_width(text);
			if (w > need[c])
				need[c] = w;
		}
	}
}

/* The rows of grid panel p for snapshot s, sorted once per snapshot. */
struct table *grid_table(struct render *r, const struct panel *p,
			 const struct snapshot *s)
{
	if (r->ngrids < s->ngrids) {
		r->tables =
			xreallocarray(r->tables, s->ngrids, sizeof(*r->tables));
		r->sorted =
			xreallocarray(r->sorted, s->ngrids, sizeof(*r->sorted));
		r->needs =
			xreallocarray(r->needs, s->ngrids, sizeof(*r->needs));
		memset(r->tables + r->ngrids, 0,
		       (s->ngrids - r->ngrids) * sizeof(*r->tables));
		memset(r->sorted + r->ngrids, 0,
		       (s->ngrids - r->ngrids) * sizeof(*r->sorted));
		r->ngrids = s->ngrids;
	}
	if (r->sorted[p->gid] != s->serial) {
		table_build_match(&r->tables[p->gid], p, s, r->match);
		words_need(p, s, &r->tables[p->gid], r->needs[p->gid]);
		r->sorted[p->gid] = s->serial;
	}
	return &r->tables[p->gid];
}

/*
 * True when a row of grid panel pi may have a cell drawn inverted now:
 * only then is its key worth making.
 */
bool row_may_flash(const struct render *r, size_t pi)
{
	return r->flash_on && r->alerts != NULL &&
	       alerts_panel_flashing(r->alerts, r->layout, pi);
}

/* The header row: each title aligned as its column's values. */
static void draw_header(struct render *r, const struct panel *p,
			const struct grid_cols *gc, const struct area *a)
{
	int x = a->x;

	style(r, R_HEADER);
	for (size_t c = 0; c < gc->n; c++) {
		put_fit(r, a->y, x, gc->w[c], p->cols[c].title,
			p->cols[c].align);
		x += gc->w[c] + gc->mark[c] + gc->gap;
	}
}

/* One row of the list at screen row y. */
static void draw_row(struct render *r, const struct panel *p, size_t pi,
		     const struct snapshot *s, double tick, size_t row,
		     const struct grid_cols *gc, int y, int x, bool may_flash)
{
	char text[256], key[ALERT_ROW_MAX];

	if (may_flash)
		alert_row_key(p, s, row, key, sizeof(key));
	for (size_t c = 0; c < gc->n; c++) {
		const struct column *col = &p->cols[c];
		const struct cell *v = snapshot_cell(s, p->gid, row, c);
		enum role role =
			table_cell(col, v, tick, text, sizeof(text) - 3);
		bool flip = may_flash && col->alert != ALERT_NONE &&
			    flashing(r, pi, c, key);

		if (gc->mark[c] == 0)
			strcat(text, role_marker(role));
		style_flip(r, (int)role, flip);
		put_fit(r, y, x, gc->w[c], text, col->align);
		if (gc->mark[c] > 0)
			put_fit(r, y, x + gc->w[c], gc->mark[c],
				role_marker(role), ALIGN_LEFT);
		x += gc->w[c] + gc->mark[c] + gc->gap;
	}
}

/*
 * Say at row y of area a why a grid shows no rows, if it shows none:
 * the server sent none, or none has the search's text in its name.
 */
void grid_empty(struct render *r, const struct table *t, int y,
		const struct area *a)
{
	char text[VIEW_SEARCH_MAX + 32];

	if (t->total == 0) {
		style(r, ROLE_DIM);
		put_fit(r, y, a->x, a->w, "(none)", ALIGN_LEFT);
	} else if (t->matched == 0 && r->match[0] != '\0') {
		snprintf(text, sizeof(text), "(no name has \"%s\")", r->match);
		style(r, ROLE_DIM);
		put_fit(r, y, a->x, a->w, text, ALIGN_LEFT);
	}
}

/* An agent or service grid as a list. */
static void draw_list(struct render *r, const struct panel *p, size_t pi,
		      const struct snapshot *s, double tick,
		      const struct area *a)
{
	static const int no_need[LAYOUT_MAX_COLUMNS];
	struct grid_cols gc;
	struct table *t = NULL;

	if (p->ncols > LAYOUT_MAX_COLUMNS || a->h < 2 || a->w < 8) {
		too_small(r, a);
		return;
	}
	if (s != NULL && s->grids[p->gid].present)
		t = grid_table(r, p, s);
	fit_columns(p, t ? r->needs[p->gid] : no_need, a->w, &gc);
	draw_header(r, p, &gc, a);
	if (t == NULL) {
		style(r, ROLE_DIM);
		put_fit(r, a->y + 1, a->x, a->w,
			s ? "no data" : "waiting for data", ALIGN_LEFT);
		return;
	}
	int rows = a->h - 1;
	bool more = t->matched > (size_t)rows && t->nrows > (size_t)rows;
	size_t shown = t->nrows < (size_t)rows ? t->nrows : (size_t)rows;
	if (more)
		shown = (size_t)rows - 1;
	bool may_flash = row_may_flash(r, pi);
	for (size_t i = 0; i < shown; i++)
		draw_row(r, p, pi, s, tick, t->rows[i], &gc, a->y + 1 + (int)i,
			 a->x, may_flash);
	if (more || t->matched > t->nrows) {
		char note[64];
		snprintf(note, sizeof(note), "+%zu more", t->matched - shown);
		style(r, ROLE_DIM);
		put_fit(r, a->y + a->h - 1, a->x, a->w, note, ALIGN_RIGHT);
	}
	grid_empty(r, t, a->y + 1, a);
}

/*
 * A grid, with what it must say of itself (a selection the source could
 * not apply) on its first line, where a reader looks before the rows;
 * an agent grid as tiles when its view asks for them, or (auto) when
 * its width holds enough of them.
 */
void draw_grid_panel(struct render *r, const struct panel *p, size_t pi,
		     const struct snapshot *s, double tick,
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
	if (p->kind == PANEL_AGENT_GRID &&
	    (p->view == VIEW_TILES ||
	     (p->view == VIEW_AUTO && tiles_fit(p, rest.w))))
		draw_tiles(r, p, pi, s, tick, &rest);
	else
		draw_list(r, p, pi, s, tick, &rest);
}
