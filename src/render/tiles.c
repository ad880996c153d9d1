/*
 * tiles.c - an agent grid as tiles: a tile an agent, flowing left to
 * right into as many columns as the panel's width holds, in the grid's
 * order and after its filter. A tile is two lines behind a bar in the
 * state's colour: the name; the state's tag (readable without colour),
 * the time in state with its level's marker, and one more column the
 * layout chose. What does not fit is counted in the last tile's place.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include "render/render_int.h"
#include "state.h"
#include "text.h"

/* The least width of a tile, its lines, and the cells between tiles. */
#define TILE_W 26
#define TILE_H 2
#define TILE_GAP 2
/* view = auto shows tiles when at least this many fit side by side. */
#define TILES_AUTO_MIN 4
/* The cells of a state's tag. */
#define TAG_W 7

/* Short tags of the state words (state.h): the state without colour. */
static const struct {
	const char *word, *tag;
} state_tags[] = {
	{ "ready", "READY" },
	{ "busy", "BUSY" },
	{ "after_call_work", "ACW" },
	{ "not_ready", "NOT RDY" },
	{ STATE_LOGGED_OUT, "OUT" },
};

/* How many tiles fit side by side in width cells (at least 1). */
static int tiles_across(int width)
{
	int n = (width + TILE_GAP) / (TILE_W + TILE_GAP);

	return n > 0 ? n : 1;
}

bool tiles_fit(const struct panel *p, int width)
{
	(void)p;
	return tiles_across(width) >= TILES_AUTO_MIN;
}

/*
 * The tag of a state cell into out: the table's for a state word it
 * knows, else the text as it came (cut to the tag's width).
 */
static void state_tag(const struct cell *v, const char *text, char *out,
		      size_t size)
{
	const struct state_word *sw = state_at(v->state);

	for (size_t i = 0; sw != NULL && i < WB_ARRAY_LEN(state_tags); i++)
		if (strcmp(sw->word, state_tags[i].word) == 0) {
			snprintf(out, size, "%s", state_tags[i].tag);
			return;
		}
	snprintf(out, size, "%s", text);
}

/* A tile's geometry: its width, its pitch down, and how many fit. */
struct tile_grid {
	int across, down, w, pitch;
};

/*
 * Lay out n tiles in area a: as many across as fit, tiles widened to
 * share the width, a blank line between rows of tiles when all of them
 * still fit with it.
 */
static void tiles_layout(size_t n, const struct area *a, struct tile_grid *tg)
{
	tg->across = tiles_across(a->w);
	tg->w = (a->w + TILE_GAP) / tg->across - TILE_GAP;
	tg->pitch = TILE_H + 1;
	tg->down = (a->h + 1) / tg->pitch;
	if ((size_t)(tg->across * tg->down) < n) {
		tg->pitch = TILE_H;
		tg->down = a->h / TILE_H;
	}
}

/* One agent's tile with its top-left at (y, x). */
static void draw_tile(struct render *r, const struct panel *p, size_t pi,
		      const struct snapshot *s, double tick, size_t row,
		      int y, int x, int w, bool may_flash)
{
	char text[256], tag[256], key[ALERT_ROW_MAX];
	enum role srole = ROLE_NORMAL, trole;
	int tx = x + 2, rest = w - 2;

	if (may_flash)
		alert_row_key(p, s, row, key, sizeof(key));
	if (p->tile_state >= 0) {
		const struct cell *v = snapshot_cell(s, p->gid, row,
						     (size_t)p->tile_state);
		srole = table_cell(&p->cols[p->tile_state], v, tick, text,
				   sizeof(text));
		state_tag(v, text, tag, sizeof(tag));
	}
	style(r, (int)srole);
	mvaddstr(y, x, r->g->bar);
	mvaddstr(y + 1, x, r->g->bar);
	style(r, ROLE_NORMAL);
	table_cell(&p->cols[0], snapshot_cell(s, p->gid, row, 0), tick, text,
		   sizeof(text));
	put_fit(r, y, tx, rest, text, ALIGN_LEFT);
	if (p->tile_state >= 0 && rest > TAG_W) {
		style(r, (int)srole);
		put_fit(r, y + 1, tx, TAG_W, tag, ALIGN_LEFT);
		tx += TAG_W + 1;
		rest -= TAG_W + 1;
	}
	if (p->tile_time >= 0 && rest >= 8) {
		const struct column *c = &p->cols[p->tile_time];
		trole = table_cell(c, snapshot_cell(s, p->gid, row,
						    (size_t)p->tile_time),
				   tick, text, sizeof(text) - 3);
		strcat(text, role_marker(trole));
		style_flip(r, (int)trole, may_flash && c->alert != ALERT_NONE &&
			   flashing(r, pi, (size_t)p->tile_time, key));
		put_fit(r, y + 1, tx, 8, text, ALIGN_LEFT);
		tx += 8;
		rest -= 8;
	}
	if (p->tile_extra >= 0 && rest > 1) {
		trole = table_cell(&p->cols[p->tile_extra],
				   snapshot_cell(s, p->gid, row,
						 (size_t)p->tile_extra),
				   tick, text, sizeof(text));
		/* An empty value ("-") says nothing a tile needs. */
		style(r, trole == ROLE_NORMAL ? ROLE_DIM : (int)trole);
		put_fit(r, y + 1, tx, rest, strcmp(text, "-") ? text : "",
			ALIGN_LEFT);
	}
}

/* An agent grid as tiles in area a. */
void draw_tiles(struct render *r, const struct panel *p, size_t pi,
		const struct snapshot *s, double tick, const struct area *a)
{
	struct tile_grid tg;
	struct table *t;
	size_t slots, shown;
	bool may_flash;

	if (a->h < TILE_H || a->w < TILE_W) {
		too_small(r, a);
		return;
	}
	if (s == NULL || !s->grids[p->gid].present) {
		style(r, ROLE_DIM);
		put_fit(r, a->y, a->x, a->w, s ? "no data" : "waiting for data",
			ALIGN_LEFT);
		return;
	}
	t = grid_table(r, p, s);
	if (t->total == 0 || t->nrows == 0) {
		grid_empty(r, t, a->y, a);
		return;
	}
	tiles_layout(t->nrows, a, &tg);
	slots = (size_t)(tg.across * tg.down);
	shown = t->nrows;
	if (shown > slots)
		shown = slots - 1;	/* the last place says how many more */
	may_flash = row_may_flash(r, pi);
	for (size_t i = 0; i < shown; i++)
		draw_tile(r, p, pi, s, tick, t->rows[i],
			  a->y + (int)i / tg.across * tg.pitch,
			  a->x + (int)i % tg.across * (tg.w + TILE_GAP), tg.w,
			  may_flash);
	if (t->matched > shown) {
		char note[64];
		snprintf(note, sizeof(note), "+%zu more", t->matched - shown);
		style(r, ROLE_DIM);
		put_fit(r, a->y + a->h - 1, a->x, a->w, note, ALIGN_RIGHT);
	}
}
