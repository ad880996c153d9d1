/*
 * selection.h - how a panel's choice of rows (its teams, its services,
 * logged-in agents only) reaches what it shows, in the dialect the
 * subscription is written in.
 *
 * The collection dialect carries a selection to the server (team_ids,
 * service_ids, logged_in_agents_only, stats_totals_service_ids). The
 * documented dialect has no word for one, so the board applies what the
 * documented statistics let it apply itself:
 *
 *   service grid, services    rows kept by their "name"
 *   agent grid, logged in     rows kept by their "is_logged"
 *   totals panel, services    its numbers read from a service grid of
 *                             those services: one service, its row; more,
 *                             counts added up, other kinds unavailable
 *
 * A column the panel does not show is added to the subscription under an
 * id of its own and never shown; such a grid gets every row from the
 * server (no limit, no filter there: the table applies both after the
 * selection). What no documented statistic tells (an agent's team, the
 * services an agent serves) is said on the panel itself, with what to
 * change. The plan is made once, from the
 * layouts and the dialect, and read by the subscription's writer and the
 * data's parser alike, so the two always agree.
 */
#ifndef WB_BRIGHTPATTERN_SELECTION_H
#define WB_BRIGHTPATTERN_SELECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "providers/brightpattern/subscription.h"

/* What the board does for one grid panel (by gid). */
struct sel_grid {
	/* rows kept by service name: that column's id */
	char *name_id;
	/* ... a column the board adds and never shows */
	bool name_hidden;
	/* rows of logged-in agents: is_logged's column */
	char *logged_id;
	bool logged_hidden;
	/* what the panel says of a selection not applied */
	char *notice;
};

/* A totals panel over services, read from a service grid of its own. */
struct sel_totals {
	const struct layout *layout;
	const struct panel *panel;
	char *key;		/* the grid's id: "<layout#>-<panel id>" */
	char *name_id;		/* its service name column */
};

/* A sentence about a panel for every snapshot and --check. */
struct sel_note {
	const struct layout *layout;
	const struct panel *panel;
	char *text;
};

struct selection {
	enum api_dialect dialect;
	struct sel_grid *grids;		/* [ngrids] */
	size_t ngrids;
	struct sel_totals *totals;
	size_t ntotals;
	/*
	 * What every snapshot says once (a name the server does not know,
	 * a total that cannot be added up), and --check too.
	 */
	struct sel_note *notes;
	size_t nnotes;
};

/* The plan for set in dialect d (never NULL). */
struct selection *brightpattern_selection_plan(const struct layoutset *set,
					       enum api_dialect d);
void brightpattern_selection_free(struct selection *sel);

/* True when grid gid's rows are chosen by the board, not the server. */
bool brightpattern_selection_client(const struct selection *sel, size_t gid);

/* The totals panel whose service grid has this id, or NULL. */
const struct sel_totals *
brightpattern_selection_totals(const struct selection *sel, const char *key);

/*
 * A name of panel p (of layout l) the server may not know: a note for
 * every snapshot, "file:line: panel "p": <what> "name" <why>", and, when
 * the server surely does not know it and p is a grid, a short notice on
 * the panel itself.
 */
void brightpattern_selection_unknown(struct selection *sel,
				     const struct layout *l,
				     const struct panel *p, const char *what,
				     const char *name, const char *why,
				     bool surely);

/*
 * A service of a selection is one a row's name names (ASCII case is not
 * significant: people write names as they say them).
 */
bool brightpattern_selection_names(const struct panel *p, const char *name,
				   size_t *which);

/*
 * True when a totals column over several services can be added up from
 * their rows: a count, or a SUM of counts.
 */
bool brightpattern_selection_adds_up(const struct layoutset *set,
				     const struct column *c);

/*
 * --check: a warning on stderr for every panel whose selection the board
 * cannot apply, or only in part, as "file:line: warning: panel "p": ...".
 */
void brightpattern_selection_warn(const struct selection *sel,
				  const struct layoutset *set);

#endif
