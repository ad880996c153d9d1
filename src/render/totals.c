/*
 * totals.c - totals panels: each value in big digits centred in its
 * cell with its label under it, one digit size for every totals panel of
 * a layout row (the largest at which all of the row's values fit), a
 * text value as a badge at the digits' height, a trend (spark.h) under
 * the label; label/value lines when big digits fit nowhere.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include "render/render_int.h"
#include "text.h"

/* A totals panel's values, as this frame shows them. */
struct totals_vals {
	size_t n;
	/* rows under every label: the panel's trends */
	int extra;
	char text[LAYOUT_MAX_COLUMNS][64];
	enum role roles[LAYOUT_MAX_COLUMNS];
	int label_w[LAYOUT_MAX_COLUMNS];	/* a label with its marker */
};

/* What one cell of a totals panel shows. */
struct totals_cell {
	const struct column *c;
	const char *val;
	enum role role;
	int scale;
	int extra;		/* rows kept under the label (the panel's) */
	bool flip;		/* a flashing alert in its bright phase */
};

/* The text and role of every value of totals panel p. */
static void totals_values(const struct panel *p, const struct snapshot *s,
			  double tick, struct totals_vals *tv)
{
	tv->n = p->ncols < LAYOUT_MAX_COLUMNS ? p->ncols : LAYOUT_MAX_COLUMNS;
	tv->extra = 0;
	for (size_t i = 0; i < tv->n; i++) {
		const struct column *c = &p->cols[i];
		if (spark_rows(c) > tv->extra)
			tv->extra = spark_rows(c);
		tv->roles[i] =
			table_cell(c, s ? &s->totals[c->tid] : &cell_none, tick,
				   tv->text[i], sizeof(tv->text[i]) - 3);
		tv->label_w[i] = text_width(c->title) +
				 (*role_marker(tv->roles[i]) ? 3 : 0);
	}
}

/*
 * The width of value v at scale: big digits, or a badge (the text with
 * a cell of padding each side) when it has letters the font lacks.
 */
static int value_width(const char *v, int scale)
{
	int w = big_width(v, scale);

	return w >= 0 ? w : text_width(v) + 2;
}

/*
 * True when every value fits a cell of cellw x cellh at scale, and
 * every label (as a header, it is never cut) fits its width.
 */
static bool fits_at(const struct totals_vals *tv, int scale, int cellw,
		    int cellh)
{
	if (big_height(scale) + 1 + tv->extra > cellh)
		return false;
	for (size_t i = 0; i < tv->n; i++)
		if (value_width(tv->text[i], scale) > cellw - 1 ||
		    tv->label_w[i] > cellw)
			return false;
	return true;
}

/*
 * How to arrange the values in area a: the scale (at most max) and the
 * number of columns of cells (rows follow) that give the largest scale,
 * preferring more columns when it ties. Returns the scale, 0 when big
 * digits fit no arrangement.
 */
static int totals_arrange(const struct totals_vals *tv, const struct area *a,
			  int max, int *ncols)
{
	int best = 0;

	*ncols = (int)tv->n;
	for (int cols = (int)tv->n; cols >= 1; cols--) {
		int rows = ((int)tv->n + cols - 1) / cols;
		for (int scale = max; scale > best; scale--)
			if (fits_at(tv, scale, a->w / cols, a->h / rows)) {
				best = scale;
				*ncols = cols;
				break;
			}
	}
	return best;
}

int totals_best_scale(struct render *r, const struct panel *p,
		      const struct snapshot *s, double tick,
		      const struct area *a)
{
	struct totals_vals tv;
	int cols;

	(void)r;
	totals_values(p, s, tick, &tv);
	return tv.n ? totals_arrange(&tv, a, BIG_MAX_SCALE, &cols) : 0;
}

/*
 * Rows a cell keeps under its label for what is drawn under a value
 * (a trend): the block of value and label is centred above them. Every
 * cell of a panel keeps as many, so the values of a row stay level.
 */
static int cell_extra_rows(const struct totals_cell *tc,
			   const struct area *cell)
{
	(void)cell;
	return tc->extra;
}

/*
 * One cell of a totals panel in its rectangle: the value centred (big
 * digits, or a text value as a badge at the digits' middle row), the
 * label with the level's marker under it. Whatever is drawn under a
 * value (a trend) belongs here too, in the rows cell_extra_rows keeps.
 */
static void totals_cell_draw(struct render *r, const struct totals_cell *tc,
			     const struct area *cell)
{
	char label[256], badge[80];
	int bh = big_height(tc->scale), extra = cell_extra_rows(tc, cell);
	int top = cell->y + (cell->h - bh - 1 - extra) / 2;
	int w = big_width(tc->val, tc->scale);
	const char *mark = role_marker(tc->role);

	if (w >= 0) {
		style_flip(r, (int)tc->role, tc->flip);
		big_draw(r, top, cell->x + (cell->w - w) / 2, tc->val,
			 tc->scale);
	} else {
		/*
		 * A word: inverted, so it reads as a badge, not small print.
		 */
		snprintf(badge, sizeof(badge), " %s ", tc->val);
		w = text_width(badge) < cell->w ? text_width(badge) : cell->w;
		style_flip(r, (int)tc->role, !tc->flip);
		put_fit(r, top + (bh - 1) / 2, cell->x + (cell->w - w) / 2, w,
			badge, ALIGN_CENTER);
	}
	/* The level's marker goes with the label: big digits have no "!". */
	snprintf(label, sizeof(label), "%s%s%s", tc->c->title,
		 *mark ? " " : "", mark);
	style(r, tc->role == ROLE_WARN || tc->role == ROLE_CRIT ?
		 (int)tc->role : ROLE_DIM);
	put_fit(r, top + bh, cell->x, cell->w, label, ALIGN_CENTER);
	if (spark_rows(tc->c) > 0)
		spark_draw(r->attrs, r->g->cls, top + bh + 1, cell->x, cell->w,
			   history_ring(r->history, tc->c->tid), tc->c);
}

/* Label/value lines, as many columns of >= 22 cells as fit. */
static void draw_compact(struct render *r, const struct panel *p, size_t pi,
			 struct totals_vals *tv, const struct area *a)
{
	int per = a->w / 22 > 0 ? a->w / 22 : 1;
	int colw = a->w / per;

	for (size_t i = 0; i < tv->n; i++) {
		const struct column *c = &p->cols[i];
		int y = a->y + (int)i / per, x = a->x + ((int)i % per) * colw;
		int aw = 2 * spark_rows(c);	/* " ^": a trend's arrow */
		int vw;

		strcat(tv->text[i], role_marker(tv->roles[i]));
		vw = text_width(tv->text[i]) + 1;
		if (y >= a->y + a->h)
			break;
		if (vw > colw / 2)
			vw = colw / 2;
		style(r, ROLE_NORMAL);
		put_fit(r, y, x, colw - vw - 1 - aw, c->title, ALIGN_LEFT);
		style_flip(r, (int)tv->roles[i], flashing(r, pi, i, ""));
		put_fit(r, y, x + colw - vw - 1 - aw, vw, tv->text[i],
			ALIGN_RIGHT);
		if (aw > 0)
			spark_arrow(r->attrs, r->g->cls, y, x + colw - 2,
				    history_ring(r->history, c->tid), c);
	}
}

/*
 * A totals panel: big digits at the row's scale (r->row_scale, or the
 * panel's own best when the row sets none), else label/value lines.
 */
void draw_totals(struct render *r, const struct panel *p, size_t pi,
		 const struct snapshot *s, double tick, const struct area *a)
{
	struct totals_vals tv;
	int cols, rows, scale;

	totals_values(p, s, tick, &tv);
	if (tv.n == 0)
		return;
	scale = totals_arrange(&tv, a, r->row_scale > 0 ? r->row_scale :
			       BIG_MAX_SCALE, &cols);
	if (scale == 0) {
		draw_compact(r, p, pi, &tv, a);
		return;
	}
	rows = ((int)tv.n + cols - 1) / cols;
	for (size_t i = 0; i < tv.n; i++) {
		int row = (int)i / cols, in_row = (int)tv.n - row * cols;
		/* A last row with fewer cells is centred under the others. */
		int shift =
			in_row < cols ? (cols - in_row) * (a->w / cols) / 2 : 0;
		struct area cell = {
			a->y + row * (a->h / rows),
			a->x + shift + (int)i % cols * (a->w / cols),
			a->h / rows, a->w / cols
		};
		struct totals_cell tc = {
			&p->cols[i], tv.text[i], tv.roles[i], scale, tv.extra,
			flashing(r, pi, i, "")
		};
		totals_cell_draw(r, &tc, &cell);
	}
}
