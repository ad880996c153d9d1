/*
 * alert.h - breach alerts: which cells of the board stand at their alert
 * level, since when, and what the board is to do about it.
 *
 * A column whose layout asks for it (alert = flash | bell, layout.h)
 * raises an alert when one of its cells reaches the column's alert level
 * (alert_at: crit, or warn and beyond) as table_role() judges it: one
 * alert per layout, panel, column and, in a grid, row, a row being known
 * by its key (the text of the panel's first text column: the queue's or
 * the agent's name).
 *
 * Debounce: an alert fires once the snapshots have shown the level for
 * the debounce time, so one poll's spike never fires. Hysteresis, by
 * time: a standing alert clears once the snapshots have shown the value
 * short of the level for the clear time, so a value hovering at the
 * limit stands as one alert rather than one a poll. Time is the
 * snapshots' (when each arrived): data that stop coming clear nothing,
 * an alert stands until fresh data say it is over.
 *
 * The table has a fixed room, ALERT_MAX, taken when it is made: feeding
 * a snapshot allocates nothing once the largest grid has been seen.
 * Breaches beyond the room are counted (alerts_dropped), never tracked.
 */
#ifndef WB_ALERT_H
#define WB_ALERT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

#define ALERT_MAX 256		/* alerts tracked at once */
#define ALERT_ROW_MAX 128	/* bytes of a row's key kept */
#define ALERT_TEXT_MAX 64	/* bytes of a value's text kept */

/* Which cell an alert is about. */
struct alert_key {
	size_t layout, panel, col;	/* indexes in the layoutset */
	char row[ALERT_ROW_MAX];	/* grids: the row's key; totals: "" */
};

enum alert_phase {
	AL_FREE,	/* an empty slot */
	AL_PENDING,	/* at the level, not yet for the debounce time */
	AL_STANDING,	/* fired: at the level */
	AL_CLEARING	/* fired, now short of the level, not yet for long */
};

struct alert {
	struct alert_key key;
	enum alert_phase phase;
	/* ROLE_WARN or ROLE_CRIT: the level it is at */
	enum role level;
	double first;		/* when the data first showed the level */
	double started;		/* when it fired (monotonic seconds) */
	/* the same on the wall clock (epoch seconds) */
	double started_wall;
	double below;		/* AL_CLEARING: since when it is short */
	double rung;		/* when the bell last rang for it; 0: never */
	bool acked;		/* the bell is silenced for it */
	double num;		/* the value in display units, NAN for none */
	char text[ALERT_TEXT_MAX];	/* the value as shown; "" when gone */
	/* What the snapshot being fed shows of it (scratch). */
	/* ROLE_WARN, ROLE_CRIT, or ROLE_NORMAL: short */
	enum role seen;
	bool present;		/* the cell is in it */
};

/* What happened to an alert, for the log, the bell and the hook. */
enum alert_event {
	ALERT_START,	/* it fired */
	ALERT_RAISE,	/* a standing warn alert reached crit */
	ALERT_CLEAR,	/* it is over (the slot is freed after the call) */
	ALERT_ACK	/* its bell was silenced */
};

typedef void (*alert_fn)(void *ctx, enum alert_event ev,
			 const struct alert *a);

struct alert_opts {
	/* seconds the level must hold before it fires */
	double debounce;
	double clear;		/* seconds short of it before it clears */
	/* seconds between rings of a standing alert; 0: once */
	double repeat;
};

struct alerts;

/* The alerts of a layoutset (kept by pointer: it must outlive them). */
struct alerts *alerts_new(const struct layoutset *set,
			  const struct alert_opts *o);
void alerts_free(struct alerts *al);

/* True when some column of the set asks for an alert. */
bool alerts_wanted(const struct alerts *al);

/*
 * Feed a new snapshot: alerts fire, rise, and clear as it shows, at the
 * time it arrived; fn (may be NULL) hears of each.
 */
void alerts_feed(struct alerts *al, const struct snapshot *s, alert_fn fn,
		 void *ctx);

/*
 * True when the bell is to ring now: an alert of kind bell fired or rose
 * and has not rung, or rang repeat seconds ago, and is not acknowledged.
 * Those alerts are marked rung at now.
 */
bool alerts_bell(struct alerts *al, double now);
/* When alerts_bell will next have a ring to give (INFINITY: none). */
double alerts_next_bell(const struct alerts *al);

/*
 * Silence the bell of every alert standing now (fn hears of each one not
 * silenced already); an alert that fires later rings. Returns how many.
 */
size_t alerts_ack(struct alerts *al, alert_fn fn, void *ctx);

/*
 * How many alerts stand (fired and not cleared), the oldest into *oldest
 * (NULL when none), and how many of them are silenced into *acked.
 */
size_t alerts_standing(const struct alerts *al, const struct alert **oldest,
		       size_t *acked);
/* Breaches the last snapshot showed that the table had no room for. */
size_t alerts_dropped(const struct alerts *al);

/* True when an alert stands on panel pi of layout li (the panel flashes). */
bool alerts_panel_flashing(const struct alerts *al, size_t li, size_t pi);
/* True when one stands on column ci of it, row key row ("" for totals). */
bool alerts_cell_flashing(const struct alerts *al, size_t li, size_t pi,
			  size_t ci, const char *row);

/*
 * The key of row r of grid panel p in s (the text of its first text
 * column, cut to fit; "#<n>" without one) into out (ALERT_ROW_MAX).
 */
const char *alert_row_key(const struct panel *p, const struct snapshot *s,
			  size_t r, char *out, size_t size);

/* The layout, panel and column of an alert. */
const struct layout *alert_layout(const struct alerts *al,
				  const struct alert *a);
const struct panel *alert_panel(const struct alerts *al, const struct alert *a);
const struct column *alert_column(const struct alerts *al,
				  const struct alert *a);
/* The threshold of the level a is at (NAN for a state's role). */
double alert_threshold(const struct alerts *al, const struct alert *a);

/*
 * An alert in a few words, for the status line and the log: "Queues:
 * Voice Inbound: Waiting 30" (panel, row, column, value), into out.
 */
const char *alert_describe(const struct alerts *al, const struct alert *a,
			   char *out, size_t size);

#endif
