/*
 * table.h - what a panel shows of a snapshot: grid rows filtered, sorted
 * (client-side: the server's order is not trusted) and limited; cell text
 * and the role its thresholds or state give it; the ticker's messages.
 * Shared by the terminal board and the plain-text output.
 */
#ifndef WB_TABLE_H
#define WB_TABLE_H

#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

struct table {
	size_t *rows;		/* snapshot row indexes in display order */
	size_t nrows;		/* shown (after filter and limit) */
	size_t matched;		/* after the filter, before the limit */
	size_t total;		/* rows the server sent */
	size_t cap;
};

/* Fill t with the rows of grid panel p in s to show, in order. */
void table_build(struct table *t, const struct panel *p,
		 const struct snapshot *s);
/*
 * The same, keeping only the rows whose name (table_name_column) holds
 * match, in any case: a search on the board. NULL or "": every row.
 */
void table_build_match(struct table *t, const struct panel *p,
		       const struct snapshot *s, const char *match);
void table_free(struct table *t);

/*
 * The column a search looks in: the grid's name, its first text column
 * (a queue's, an agent's name), else its first.
 */
size_t table_name_column(const struct panel *p);

/*
 * The rows of grid panel p in s that its filter lets through (and, for
 * logged_in_only, the agents logged in), in the server's order, into
 * rows (room for the grid's every row). Returns their count.
 */
size_t table_filter(const struct panel *p, const struct snapshot *s,
		    size_t *rows);

/*
 * The number of a cell in display units (percent 0-100, durations in
 * seconds with tick added when they count up), as thresholds judge it,
 * into out; false when the cell holds no number.
 */
bool table_number(const struct column *c, const struct cell *v, double tick,
		  double *out);

/*
 * The display text of a cell in column c (into out) and its role:
 * thresholds for numbers, the state map (or the default agent-state roles)
 * for text. tick is the seconds since the snapshot arrived: ticking
 * durations count up by it.
 */
enum role table_cell(const struct column *c, const struct cell *v, double tick,
		     char *out, size_t outsz);

/* The role alone (for sorting by severity or for markers). */
enum role table_role(const struct column *c, const struct cell *v, double tick);

/*
 * The messages a ticker shows, newest first: indexes into s->msgs that
 * contain the panel's match text, at most its limit. Returns the count.
 */
size_t table_messages(const struct panel *p, const struct snapshot *s,
		      size_t *idx, size_t max);

/* A ticker message as one line: "HH:MM [URGENT ]First Last: content". */
void table_message_text(const struct snap_msg *m, char *out, size_t outsz);

/*
 * The level a role stands for, as machine-readable outputs write it:
 * "ok", "warn", "crit"; NULL for a role that is no level.
 */
const char *role_level(enum role r);

/*
 * The non-colour cue of a role: "" / "!" / "!!" (so colour is never the only
 * one).
 */
const char *role_marker(enum role r);

#endif
