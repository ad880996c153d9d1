/*
 * history.c - the rings of totals values behind the trends. See
 * history.h. All memory is taken in history_new: the ring headers in one
 * array indexed by tid, and every ring's points in one block of doubles.
 * A push writes into that block and moves two indexes; nothing else.
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "util.h"

struct history {
	struct ring *rings;	/* [nrings], by tid; cap 0: no trend */
	size_t nrings;
	double *block;		/* every ring's val and at */
	size_t npoints;		/* doubles in block */
	double interval;	/* the poll interval, seconds */
};

/* The longest trend (seconds) any totals column of set asks of tid. */
static double longest_trend(const struct layoutset *set, size_t tid)
{
	double w = 0;

	for (size_t li = 0; li < set->n; li++) {
		const struct layout *l = set->layouts[li];
		for (size_t pi = 0; pi < l->npanels; pi++) {
			const struct panel *p = &l->panels[pi];
			for (size_t c = 0;
			     p->kind == PANEL_TOTALS && c < p->ncols; c++)
				if (p->cols[c].tid == tid &&
				    p->cols[c].trend * 60 > w)
					w = p->cols[c].trend * 60;
		}
	}
	return w;
}

/*
 * Size ring r for a window of seconds at the interval: a point a poll,
 * or fewer and further apart when that would be more than the most.
 */
static void ring_size(struct ring *r, double window, double interval)
{
	double want = ceil(window / interval) + 1;

	r->window = window;
	r->cap = want < HISTORY_MAX_POINTS ? (size_t)want : HISTORY_MAX_POINTS;
	if (r->cap < HISTORY_MIN_POINTS)
		r->cap = HISTORY_MIN_POINTS;
	r->step = window / (double)(r->cap - 1);
	if (r->step < interval)
		r->step = interval;
}

struct history *history_new(const struct layoutset *set, double interval)
{
	struct history *h = xcalloc(1, sizeof(*h));
	double *next;

	h->interval = interval > 0 ? interval : 1;
	h->nrings = set->ntotals;
	h->rings = h->nrings ? xcalloc(h->nrings, sizeof(*h->rings)) : NULL;
	for (size_t t = 0; t < h->nrings; t++) {
		struct ring *r = &h->rings[t];
		double w = longest_trend(set, t);

		r->stat = set->totals[t];
		r->scope = set->total_scopes[t];
		if (w > 0)
			ring_size(r, w, h->interval);
		h->npoints += 2 * r->cap;
	}
	h->block = h->npoints ? xcalloc(h->npoints, sizeof(*h->block)) : NULL;
	next = h->block;
	for (size_t t = 0; t < h->nrings; t++) {
		h->rings[t].val = next;
		h->rings[t].at = next + h->rings[t].cap;
		next += 2 * h->rings[t].cap;
	}
	return h;
}

void history_free(struct history *h)
{
	if (h == NULL)
		return;
	free(h->block);
	free(h->rings);
	free(h);
}

/* The index in the arrays of point i, oldest first. */
static size_t ring_index(const struct ring *r, size_t i)
{
	return (r->start + i) % r->cap;
}

/*
 * One value at time t. A poll sooner than a step after the newest point
 * (less half a poll of jitter) replaces its value: the point stands for
 * its step, and says what the value was last.
 */
static void ring_put(struct ring *r, double v, double t, double wall,
		     double interval)
{
	size_t i;

	if (r->n > 0) {
		i = ring_index(r, r->n - 1);
		if (t - r->at[i] < r->step - interval / 2) {
			r->val[i] = v;
			return;
		}
	} else {
		r->first_wall = wall;
	}
	if (r->n < r->cap) {
		i = ring_index(r, r->n++);
	} else {
		i = r->start;
		r->start = (r->start + 1) % r->cap;
	}
	r->val[i] = v;
	r->at[i] = t;
}

/* The ring of from for the statistic and selection of r, or NULL. */
static const struct ring *ring_like(const struct history *from,
				    const struct ring *r)
{
	for (size_t t = 0; t < from->nrings; t++) {
		const struct ring *o = &from->rings[t];
		if (o->cap > 0 && strcmp(o->stat, r->stat) == 0 &&
		    strcmp(o->scope, r->scope) == 0)
			return o;
	}
	return NULL;
}

void history_carry(struct history *to, const struct history *from)
{
	for (size_t t = 0; t < to->nrings; t++) {
		struct ring *r = &to->rings[t];
		const struct ring *o = r->cap > 0 ? ring_like(from, r) : NULL;
		size_t skip;

		if (o == NULL)
			continue;
		skip = o->n > r->cap ? o->n - r->cap : 0;
		r->start = 0;
		r->n = o->n - skip;
		for (size_t i = 0; i < r->n; i++) {
			r->val[i] = ring_value(o, skip + i);
			r->at[i] = ring_time(o, skip + i);
		}
		r->first_wall = o->first_wall;
	}
}

void history_push(struct history *h, const struct snapshot *s)
{
	for (size_t t = 0; t < h->nrings && t < s->ntotals; t++) {
		const struct cell *c = &s->totals[t];
		if (h->rings[t].cap == 0)
			continue;
		ring_put(&h->rings[t], c->text != NULL ? c->num : NAN,
			 s->received, s->received_wall, h->interval);
	}
}

const struct ring *history_ring(const struct history *h, size_t tid)
{
	if (h == NULL || tid >= h->nrings || h->rings[tid].cap == 0)
		return NULL;
	return &h->rings[tid];
}

size_t history_bytes(const struct history *h)
{
	return sizeof(*h) + h->nrings * sizeof(*h->rings) +
	       h->npoints * sizeof(*h->block);
}

double ring_value(const struct ring *r, size_t i)
{
	return r->val[ring_index(r, i)];
}

double ring_time(const struct ring *r, size_t i)
{
	return r->at[ring_index(r, i)];
}

enum trend_dir ring_direction(const struct ring *r, double window)
{
	size_t held = 0, newest = 0, oldest = 0;
	bool found = false;
	double a, b, tol;

	/* The newest point with a value, then the oldest within the window. */
	for (size_t i = r->n; i-- > 0;) {
		if (isnan(ring_value(r, i)))
			continue;
		if (!found) {
			newest = i;
			found = true;
		} else if (ring_time(r, newest) - ring_time(r, i) >
			   window + r->step / 2) {
			break;
		}
		oldest = i;
		held++;
	}
	if (held < HISTORY_MIN_POINTS)
		return TREND_NONE;
	a = ring_value(r, oldest);
	b = ring_value(r, newest);
	tol = 0.01 * (fabs(a) > fabs(b) ? fabs(a) : fabs(b));
	if (fabs(b - a) <= tol)
		return TREND_FLAT;
	return b > a ? TREND_UP : TREND_DOWN;
}
