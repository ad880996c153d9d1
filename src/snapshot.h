/*
 * snapshot.h - one complete picture of the contact centre as a data source
 * delivered it: totals, grid rows and chat messages, with the time it came.
 *
 * A snapshot is immutable once handed over. Its arrays are indexed by the
 * numbers the layoutset gave (tid for totals, gid for grids), and its grid
 * cells follow the panel's column order, so drawing never looks anything up
 * by name. Every string in it has passed the sanitiser and lives in the
 * snapshot's arena.
 *
 * A cell is typed once, when it is set: its text, the number it holds and,
 * in a state column, the state word it is. Sorting, filtering, thresholds,
 * formatting and every output read those; nothing parses a cell's text
 * again after the snapshot is built.
 */
#ifndef WB_SNAPSHOT_H
#define WB_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "util.h"

/*
 * One value. text is NULL when the server sent no such column and "" when
 * it sent "no value", which is not zero; num is NAN unless the text is a
 * number; state is the state word's index (state.h) in a state column,
 * else STATE_NONE; unavailable is set when the server refused the
 * statistic (the reason is a note of the snapshot), text is then NULL.
 */
struct cell {
	const char *text;
	double num;
	int state;
	bool unavailable;
};

struct snap_grid {
	bool present;		/* the server sent this grid */
	size_t ncols;		/* = the panel's column count */
	size_t nrows;
	struct cell *cells;	/* nrows * ncols, row-major */
	/* the panel's: how each column is typed */
	const struct column *cols;
	/*
	 * What the panel must say of itself, or NULL: a selection the
	 * source could not apply, a list it could not get.
	 */
	const char *notice;
	/* The JSON types the server sent for each column: 1 << json_type. */
	unsigned short *json_seen;	/* [ncols] */
};

/* Notes a snapshot can carry (more are counted, not kept). */
#define SNAPSHOT_MAX_NOTES 16

struct snap_msg {
	const char *id;
	const char *login_id;
	const char *first_name;
	const char *last_name;
	const char *content;
	double send_time;	/* epoch seconds, 0 if unknown */
	bool urgent;
};

struct snapshot {
	size_t ntotals;
	struct cell *totals;	/* [ntotals] */
	size_t ngrids;
	struct snap_grid *grids;	/* [ngrids] */
	size_t nmsgs;
	struct snap_msg *msgs;
	/* distinct for every snapshot made (caches key on it) */
	unsigned long serial;
	/*
	 * What the source found out while reading the answer and a user
	 * should hear of, once (a statistic refused and why, a name that
	 * could not be resolved): sanitised sentences, logged by the board
	 * when first seen and printed by --probe.
	 */
	const char *notes[SNAPSHOT_MAX_NOTES];
	size_t nnotes;
	size_t notes_dropped;
	unsigned short *total_json_seen;	/* [ntotals], as json_seen */
	double received;	/* now_mono() when it arrived */
	double received_wall;	/* now_wall() when it arrived */
	const struct layoutset *set;	/* what it is shaped for */
	struct arena arena;
};

/* A cell the server did not send. */
extern const struct cell cell_none;

/* A text typed as a cell (state: as a state word too). */
struct cell cell_of(const char *text, bool state);
/* The same, a state word read through the user's maps first. */
struct state_map;
struct cell cell_read(const char *text, bool state,
		      const struct state_map *const *maps, size_t nmaps);

/* An empty snapshot shaped for set: no totals, no rows, no messages. */
struct snapshot *snapshot_new(const struct layoutset *set);
void snapshot_free(struct snapshot *s);

/* Sanitise len bytes of outside text into the snapshot's arena. */
const char *snapshot_text(struct snapshot *s, const char *raw, size_t len);

/* A number as text in the snapshot's arena (number_text's forms). */
const char *snapshot_number(struct snapshot *s, double v, int decimals);

/* Give grid gid room for nrows rows (cells start as not sent). */
void snapshot_grid_alloc(struct snapshot *s, size_t gid, size_t nrows);

/*
 * Set the cell of grid gid at row r, column c, or total tid, to text: a
 * string already in the snapshot (snapshot_text, snapshot_number) or a
 * static one, typed here once.
 */
void snapshot_set(struct snapshot *s, size_t gid, size_t r, size_t c,
		  const char *text);
void snapshot_set_total(struct snapshot *s, size_t tid, const char *text);

/*
 * The same with a number the source computed (its text in number_text's form).
 */
void snapshot_set_number(struct snapshot *s, size_t gid, size_t r, size_t c,
			 double v, int decimals);
void snapshot_set_total_number(struct snapshot *s, size_t tid, double v,
			       int decimals);

/* The server refused the statistic of a cell or total (see struct cell). */
void snapshot_set_unavailable(struct snapshot *s, size_t gid, size_t r,
			      size_t c);
void snapshot_set_total_unavailable(struct snapshot *s, size_t tid);

/*
 * The server sent a value of JSON type json_type (jansson's json_type) for
 * a column of grid gid, or for total tid: what --probe reports.
 */
void snapshot_saw_json(struct snapshot *s, size_t gid, size_t c, int json_type);
void snapshot_saw_json_total(struct snapshot *s, size_t tid, int json_type);

/* A note of the snapshot (printf-style), sanitised; see struct snapshot. */
void snapshot_note(struct snapshot *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What grid gid's panel must say of itself (copied, sanitised). */
void snapshot_grid_notice(struct snapshot *s, size_t gid, const char *text);

/* The cell of grid gid at row r, column c. */
static inline const struct cell *snapshot_cell(const struct snapshot *s,
					       size_t gid, size_t r, size_t c)
{
	const struct snap_grid *g = &s->grids[gid];
	return &g->cells[r * g->ncols + c];
}

/* Its text: NULL when the server sent no such column. */
static inline const char *snapshot_cell_text(const struct snapshot *s,
					     size_t gid, size_t r, size_t c)
{
	return snapshot_cell(s, gid, r, c)->text;
}

#endif
