/*
 * spark.h - a totals value's trend on one line of the screen: a
 * sparkline of its history and an arrow for the way it went, drawn
 * from the glyphs the terminal's class has (glyphs.h). The render module's own.
 */
#ifndef WB_RENDER_SPARK_H
#define WB_RENDER_SPARK_H

#include <curses.h>
#include <stdbool.h>

#include "history.h"
#include "render/glyphs.h"
#include "layout/layout.h"

/*
 * Draw the trend of column c (its ring r, NULL while none) in w cells at
 * (y, x), in the styles of roles (attributes indexed by enum role):
 * "collecting" until the ring has enough points, then the sparkline
 * over the column's window, what time it starts from while the window
 * fills, and the arrow.
 */
void spark_draw(const attr_t *roles, enum term_class cls, int y, int x,
		int w, const struct ring *r, const struct column *c);

/*
 * Only the arrow of column c's trend, at (y, x) (one cell; a blank one
 * while the ring has too few points): where there is no room for a line.
 */
void spark_arrow(const attr_t *roles, enum term_class cls, int y, int x,
		 const struct ring *r, const struct column *c);

/* The rows a trend takes under a value of column c: 1 or 0. */
int spark_rows(const struct column *c);

#endif
