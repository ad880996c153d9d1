/*
 * spark.c - the trend line under a totals value: a sparkline of the
 * value's ring over the column's window, newest at the right, and an
 * arrow for the way the value went. See spark.h.
 *
 * The sparkline is laid out by time, not by point: a cell stands for
 * window / width seconds and shows the mean of the points in it, so a
 * pause in the data is a gap and a window still filling is drawn from
 * the right with the time it starts from beside it, never stretched.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "render/spark.h"
#include "text.h"
#include "util.h"

/* The widest sparkline: beyond it a line reads no better. */
#define SPARK_MAX_CELLS 60

/*
 * The glyph table. The Linux console's font has only the half and full
 * blocks and the shades (no eighth blocks, no arrows in every font): two
 * levels and ASCII arrows there.
 */
struct spark_glyphs {
	const char *const *levels;	/* lowest first */
	size_t nlevels;
	const char *up, *down, *flat;
};
static const char *const levels_utf8[] = {
	"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"
};
static const char *const levels_console[] = { "▄", "█" };
static const char *const levels_ascii[] = { "_", ".", "-", "^" };
static const struct spark_glyphs spark_glyphs[] = {
	[TERM_UTF8] = { levels_utf8, WB_ARRAY_LEN(levels_utf8), "↑", "↓",
			 "→" },
	[TERM_LINUX] = { levels_console, WB_ARRAY_LEN(levels_console), "^",
			    "v", "=" },
	[TERM_ASCII] = { levels_ascii, WB_ARRAY_LEN(levels_ascii), "^", "v",
			  "=" },
};

int spark_rows(const struct column *c)
{
	return c->trend > 0;
}

/*
 * Write s fitted to w cells at (y, x) in attribute a; cut short with
 * "~" where the class's font has no "…" (the console, ASCII).
 */
static void put(enum term_class cls, attr_t a, int y, int x, int w,
		const char *s, enum align al)
{
	char buf[512];

	if (w <= 0)
		return;
	attrset(a);
	text_fit(buf, sizeof(buf), s, w, al, cls != TERM_UTF8);
	mvaddstr(y, x, buf);
}

/*
 * The mean of the points of r in each of n cells over the window that
 * ends at r's newest point; NAN where none fell. Returns the index of
 * the first cell with a value (n when none has).
 */
static int spark_cells(const struct ring *r, double window, double *mean,
		       int n)
{
	double sum[SPARK_MAX_CELLS] = { 0 };
	int count[SPARK_MAX_CELLS] = { 0 };
	double end = ring_time(r, r->n - 1), from = end - window;
	int first = n;

	for (size_t i = 0; i < r->n; i++) {
		double v = ring_value(r, i), t = ring_time(r, i);
		int cell;
		if (isnan(v) || t < from - r->step / 2)
			continue;
		cell = (int)floor((t - from) / window * n);
		cell = cell < 0 ? 0 : cell >= n ? n - 1 : cell;
		sum[cell] += v;
		count[cell]++;
	}
	for (int j = 0; j < n; j++) {
		mean[j] = count[j] ? sum[j] / count[j] : NAN;
		if (count[j] && j < first)
			first = j;
	}
	return first;
}

/* The sparkline of means into out: a level glyph a cell, space for none. */
static void spark_line(const struct spark_glyphs *g, const double *mean,
		       int n, struct buf *out)
{
	double lo = INFINITY, hi = -INFINITY;

	for (int j = 0; j < n; j++) {
		if (isnan(mean[j]))
			continue;
		lo = mean[j] < lo ? mean[j] : lo;
		hi = mean[j] > hi ? mean[j] : hi;
	}
	for (int j = 0; j < n; j++) {
		size_t lv = g->nlevels / 2;	/* a flat line: the middle */
		if (isnan(mean[j])) {
			buf_puts(out, " ");
			continue;
		}
		if (hi > lo)
			lv = (size_t)lround((mean[j] - lo) / (hi - lo) *
					    (double)(g->nlevels - 1));
		buf_puts(out, g->levels[lv]);
	}
}

/*
 * The arrow and its role: the way that is bad for the column (its
 * thresholds say which) in the warning's style, the good way in ok's.
 */
static const char *arrow_of(const struct spark_glyphs *g,
			    enum trend_dir d, const struct column *c,
			    enum role *role)
{
	bool has_levels = c->th.has_warn || c->th.has_crit;

	*role = ROLE_DIM;
	if (d == TREND_FLAT || d == TREND_NONE)
		return g->flat;
	if (has_levels)
		*role = (d == TREND_UP) == c->th.high_is_bad ? ROLE_WARN
							     : ROLE_OK;
	return d == TREND_UP ? g->up : g->down;
}

/* Points of r with a value. */
static size_t ring_held(const struct ring *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->n; i++)
		n += !isnan(ring_value(r, i));
	return n;
}

void spark_draw(const attr_t *roles, enum term_class cls, int y, int x,
		int w, const struct ring *r, const struct column *c)
{
	const struct spark_glyphs *g = &spark_glyphs[cls];
	double mean[SPARK_MAX_CELLS], window = c->trend * 60;
	int n = w - 2 < SPARK_MAX_CELLS ? w - 2 : SPARK_MAX_CELLS;
	int left = x + (w - n - 2) / 2, first;
	struct buf line;
	enum role role;
	const char *arrow;

	if (w < 4)
		return;
	if (r == NULL || ring_held(r) < HISTORY_MIN_POINTS) {
		put(cls, roles[ROLE_DIM], y, x, w,
		    w >= 18 ? "collecting trend" : "collecting", ALIGN_CENTER);
		return;
	}
	first = spark_cells(r, window, mean, n);
	buf_init(&line);
	spark_line(g, mean, n, &line);
	put(cls, roles[ROLE_INFO], y, left, n, line.data, ALIGN_LEFT);
	buf_free(&line);
	arrow = arrow_of(g, ring_direction(r, window), c, &role);
	put(cls, roles[role], y, left + n + 1, 1, arrow, ALIGN_LEFT);
	/* A window still filling says where its line starts. */
	if (first >= 12) {
		char from[32];
		time_t t = (time_t)r->first_wall;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(from, sizeof(from), "from %H:%M", &tm);
		put(cls, roles[ROLE_DIM], y, left, first - 1, from,
		    ALIGN_RIGHT);
	}
}

void spark_arrow(const attr_t *roles, enum term_class cls, int y, int x,
		 const struct ring *r, const struct column *c)
{
	enum trend_dir d = r ? ring_direction(r, c->trend * 60) : TREND_NONE;
	enum role role;
	const char *arrow = arrow_of(&spark_glyphs[cls], d, c, &role);

	put(cls, roles[role], y, x, 1, d == TREND_NONE ? " " : arrow,
	    ALIGN_LEFT);
}
