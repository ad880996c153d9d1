/*
 * observe.c - what the data says of the board's guesses. See observe.h.
 *
 * One watch per percent column (a grid's, or a totals panel's) keeps the
 * largest value seen and since when; unknown state words are kept by
 * column and word, so each is said once however often it comes.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "observe.h"
#include "state.h"

/* A percent column and what it has shown. */
struct share_watch {
	const struct layout *layout;
	const struct panel *panel;
	const struct column *col;
	double max;		/* the largest raw value seen */
	double since;		/* received_wall of the first value */
	double last;		/* received_wall of the last value */
	bool traffic;		/* a value above 0 was seen */
	bool said;
};

struct observer {
	const struct layoutset *set;
	struct share_watch *shares;
	size_t nshares;
	char **unknown;		/* "gid:col:word" and notes said already */
	size_t nunknown;
	bool said_more;		/* OBSERVE_MAX_WORDS reached, and said so */
};

struct observer *observe_new(const struct layoutset *set)
{
	struct observer *o = xcalloc(1, sizeof(*o));

	o->set = set;
	for (size_t i = 0; i < set->n; i++) {
		const struct layout *l = set->layouts[i];
		for (size_t j = 0; j < l->npanels; j++)
			for (size_t c = 0; c < l->panels[j].ncols; c++) {
				const struct column *col =
					&l->panels[j].cols[c];
				if (col->fmt != FMT_PERCENT)
					continue;
				o->shares =
					xreallocarray(o->shares, o->nshares + 1,
						      sizeof(*o->shares));
				o->shares[o->nshares++] = (struct share_watch){
					l, &l->panels[j], col, -INFINITY, 0, 0,
					false, false
				};
			}
	}
	return o;
}

/* Where a column is, for a sentence: layout, file:line, panel, column. */
static void where(char *out, size_t size, const struct layout *l,
		  const struct panel *p, const struct column *c)
{
	snprintf(out, size,
		 "layout \"%s\" (%s:%d), panel \"%s\", column \"%s\"",
		 l ? l->title : "?", l ? l->file : "?", c->line, p->id, c->id);
}

/* The value of a watched column in s: the largest of its rows, or NAN. */
static double share_value(const struct snapshot *s, const struct share_watch *w)
{
	double v = NAN;

	if (w->panel->kind == PANEL_TOTALS)
		return s->totals[w->col->tid].num;
	if (w->panel->kind != PANEL_AGENT_GRID &&
	    w->panel->kind != PANEL_SERVICE_GRID)
		return NAN;
	for (size_t r = 0; s->grids[w->panel->gid].present &&
	     r < s->grids[w->panel->gid].nrows; r++) {
		double x = snapshot_cell(s, w->panel->gid, r,
					 (size_t)(w->col - w->panel->cols))
				   ->num;
		if (!isnan(x) && (isnan(v) || x > v))
			v = x;
	}
	return v;
}

/*
 * A share out of its scale: a 0-1 share above 1.5 at once; a 0-100 one
 * never above 1 for a working day of values that were not all zero.
 */
static void watch_share(struct share_watch *w, const struct snapshot *s,
			observe_note_fn note, void *ctx)
{
	double v = share_value(s, w);
	char at[400], msg[800];

	if (isnan(v) || w->said)
		return;
	if (w->since == 0)
		w->since = s->received_wall;
	w->last = s->received_wall;
	if (v > w->max)
		w->max = v;
	if (v > 0)
		w->traffic = true;
	where(at, sizeof(at), w->layout, w->panel, w->col);
	if (w->col->pct_scale >= 50 && v > 1.5) {
		snprintf(msg, sizeof(msg),
			 "%s: values up to %g, where a share of 0 to 1 was "
			 "assumed: if the server sends percentages (0 to 100), "
			 "write scale = 1 in that column",
			 at, w->max);
		w->said = true;
		note(ctx, msg);
	} else if (w->col->pct_scale <= 1.5 && w->traffic && w->max <= 1 &&
		   w->last - w->since >= OBSERVE_DAY) {
		snprintf(msg, sizeof(msg),
			 "%s: never above %g in %.0f hours, where percentages "
			 "of 0 to 100 were assumed: if the server sends shares "
			 "(0 to 1), write scale = 100 in that column",
			 at, w->max, (w->last - w->since) / 3600);
		w->said = true;
		note(ctx, msg);
	}
}

/*
 * True (and remembered) when key is new and there is room to say it;
 * once the room is full, one note says so and the rest go unsaid.
 */
static bool first_time(struct observer *o, const char *key,
		       observe_note_fn note, void *ctx)
{
	for (size_t i = 0; i < o->nunknown; i++)
		if (strcmp(o->unknown[i], key) == 0)
			return false;
	if (o->nunknown >= OBSERVE_MAX_WORDS) {
		if (!o->said_more)
			note(ctx, "more unknown state words and notes of the "
			     "source than that: the rest are not listed");
		o->said_more = true;
		return false;
	}
	o->unknown =
		xreallocarray(o->unknown, o->nunknown + 1, sizeof(*o->unknown));
	o->unknown[o->nunknown++] = xstrdup(key);
	return true;
}

/* Every word of a state column that no map and no table knows. */
static void watch_states(struct observer *o, const struct snapshot *s,
			 size_t gid, observe_note_fn note, void *ctx)
{
	const struct grid_ref *g = &o->set->grids[gid];
	const struct snap_grid *sg = &s->grids[gid];
	char at[400], key[300], msg[900];

	for (size_t c = 0; sg->present && c < sg->ncols; c++) {
		if (g->panel->cols[c].fmt != FMT_STATE)
			continue;
		for (size_t r = 0; r < sg->nrows; r++) {
			const struct cell *v = snapshot_cell(s, gid, r, c);
			if (v->state != STATE_NONE || v->text == NULL ||
			    *v->text == '\0')
				continue;
			snprintf(key, sizeof(key), "%zu:%zu:%s", gid, c,
				 v->text);
			if (!first_time(o, key, note, ctx))
				continue;
			where(at, sizeof(at), g->layout, g->panel,
			      &g->panel->cols[c]);
			snprintf(
				msg, sizeof(msg),
				"%s: unknown state word \"%s\": "
				"shown as it came and sorted after the known "
				"ones; map it with state_map = "
				"{\"%s=not_ready\"} "
				"(or ready, busy, after_call_work, logged_out)",
				at, v->text, v->text);
			note(ctx, msg);
		}
	}
}

/* The source's own notes (a statistic refused...), each said once. */
static void watch_notes(struct observer *o, const struct snapshot *s,
			observe_note_fn note, void *ctx)
{
	for (size_t i = 0; i < s->nnotes; i++)
		if (first_time(o, s->notes[i], note, ctx))
			note(ctx, s->notes[i]);
}

void observe_snapshot(struct observer *o, const struct snapshot *s,
		      observe_note_fn note, void *ctx)
{
	watch_notes(o, s, note, ctx);
	for (size_t i = 0; i < o->nshares; i++)
		watch_share(&o->shares[i], s, note, ctx);
	for (size_t g = 0; g < s->ngrids; g++)
		watch_states(o, s, g, note, ctx);
}

void observe_free(struct observer *o)
{
	if (o == NULL)
		return;
	free(o->shares);
	strv_free(o->unknown, o->nunknown);
	free(o);
}
