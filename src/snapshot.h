/*
 * snapshot.h - one complete picture of the contact centre as a data source
 * delivered it: totals, grid rows and chat messages, with the time it came.
 *
 * A snapshot is immutable once handed over. Its arrays are indexed by the
 * numbers the layoutset gave (tid for totals, gid for grids), and its grid
 * cells follow the panel's column order, so drawing never looks anything up
 * by name. Every string in it has passed the sanitiser and lives in the
 * snapshot's arena. A NULL cell means the server sent no such column; ""
 * means the server sent "no value", which is not zero.
 */
#ifndef WB_SNAPSHOT_H
#define WB_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "util.h"

struct snap_grid {
	bool present;		/* the server sent this grid */
	size_t ncols;		/* = the panel's column count */
	size_t nrows;
	const char **cells;	/* nrows * ncols, row-major */
};

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
	const char **totals;	/* [ntotals]; NULL = not sent */
	size_t ngrids;
	struct snap_grid *grids;	/* [ngrids] */
	size_t nmsgs;
	struct snap_msg *msgs;
	unsigned long serial;	/* distinct for every snapshot made (caches key on it) */
	double received;	/* now_mono() when it arrived */
	double received_wall;	/* now_wall() when it arrived */
	struct arena arena;
};

/* An empty snapshot shaped for set: no totals, no rows, no messages. */
struct snapshot *snapshot_new(const struct layoutset *set);
void snapshot_free(struct snapshot *s);

/* Sanitise len bytes of outside text into the snapshot's arena. */
const char *snapshot_text(struct snapshot *s, const char *raw, size_t len);

/* A number as text in the snapshot's arena (number_text's forms). */
const char *snapshot_number(struct snapshot *s, double v, int decimals);

/* Give grid gid room for nrows rows (cells start NULL). */
void snapshot_grid_alloc(struct snapshot *s, size_t gid, size_t nrows);

/* The cell of grid gid at row r, column c (NULL when absent). */
static inline const char *snapshot_cell(const struct snapshot *s, size_t gid,
					size_t r, size_t c)
{
	const struct snap_grid *g = &s->grids[gid];
	return g->cells[r * g->ncols + c];
}

#endif
