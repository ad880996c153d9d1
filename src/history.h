/*
 * history.h - a short memory of every totals value that a layout shows
 * as a trend: one ring of points per statistic and service selection
 * (the layoutset's tid), so every layout that shows the same number
 * reads the same history, whatever is on screen.
 *
 * The rings are sized when the layouts load, from the longest trend any
 * column asks of the value (minutes) at the poll interval, at most
 * HISTORY_MAX_POINTS points (longer windows keep one point per step of
 * window / HISTORY_MAX_POINTS seconds): the memory is bounded and taken
 * once, and a poll only writes into it. The history starts empty: the
 * board does not invent a past it did not see.
 */
#ifndef WB_HISTORY_H
#define WB_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

/* The most points a ring holds: more than a sparkline has cells. */
#define HISTORY_MAX_POINTS 256
/* Points a trend needs before it is drawn ("collecting" until then). */
#define HISTORY_MIN_POINTS 3

/* One value's ring: the points oldest first are at (start + i) % cap. */
struct ring {
	const char *stat;	/* the statistic (the set's string) */
	const char *scope;	/* its services, '\n'-joined; "" = all */
	double window;		/* seconds the ring spans */
	/* seconds between points, at least the interval */
	double step;
	size_t cap, start, n;
	double *val;		/* [cap] raw values; NAN: none came */
	double *at;		/* [cap] now_mono() of each point */
	double first_wall;	/* now_wall() of the first point ever */
};

/* Which way a value went against the start of its window. */
enum trend_dir { TREND_NONE, TREND_UP, TREND_DOWN, TREND_FLAT };

struct history;

/*
 * The rings the layouts of set ask for (a column's trend), for polls
 * every interval seconds; every allocation happens here. Never NULL; a
 * set without trends gives a history of no rings.
 */
struct history *history_new(const struct layoutset *set, double interval);
void history_free(struct history *h);

/*
 * Carry what from holds over to to, a history made for other layouts (a
 * reload): each ring of to takes the points of from's ring of the same
 * statistic and selection, the newest that fit. Nothing is allocated.
 */
void history_carry(struct history *to, const struct history *from);

/* Add the totals of a new snapshot (the time is the snapshot's). */
void history_push(struct history *h, const struct snapshot *s);

/* The ring of total tid, or NULL when no column shows its trend. */
const struct ring *history_ring(const struct history *h, size_t tid);

/* Bytes the history holds (make bench reports it). */
size_t history_bytes(const struct history *h);

/* Point i of r, oldest first (i < r->n): its value and time. */
double ring_value(const struct ring *r, size_t i);
double ring_time(const struct ring *r, size_t i);

/*
 * The newest value against the one window seconds before it (or the
 * oldest held while the window fills): up, down, flat (within 1% of the
 * larger), or none before HISTORY_MIN_POINTS points.
 */
enum trend_dir ring_direction(const struct ring *r, double window);

#endif
