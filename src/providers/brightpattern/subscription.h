/*
 * subscription.h - the loaded layouts as one statistics subscription.
 *
 * One subscription covers every panel of every loaded layout, so switching
 * layouts costs no request. Two dialects: the documented one (one app id,
 * stat_name, order_by/order_dir, filter_*) and the one of the vendor's own
 * collection (an app id per panel, statName, order[], team_ids,
 * service_ids, stats_totals_service_ids). Grids are named by their
 * layoutset key, so answers and errors map back to a layout and panel.
 */
#ifndef WB_SUBSCRIPTION_H
#define WB_SUBSCRIPTION_H

#include "layout/layout.h"

/* The two dialects a subscription can be written in. */
enum api_dialect {
	/* stat_name, order_by/order_dir, filter_by... */
	DIALECT_DOCUMENTED,
	DIALECT_COLLECTION /* the vendor's collection: statName, order[],
			      team_ids... */
};

/*
 * Names to ids: layouts name teams and services as people know them; the
 * collection dialect's team_ids / service_ids want the server's ids.
 */
struct id_map {
	size_t n;
	char **names;
	char **ids;
};

/* The subscription body as JSON text (malloc'd), pretty when indent > 0. */
char *brightpattern_subscription_build(const struct layoutset *set,
				       enum api_dialect dialect, int indent);

/*
 * The same, with team and service names replaced by the ids the maps give
 * (a name a map does not know, such as an id already, is sent as written).
 * Either map may be NULL.
 */
char *brightpattern_subscription_build_ids(const struct layoutset *set,
			     enum api_dialect dialect, int indent,
			     const struct id_map *teams,
			     const struct id_map *services);

/*
 * The same for a plan of selections (selection.h), which says the dialect
 * and the columns and grids the board adds to choose rows itself.
 */
struct selection;
char *brightpattern_subscription_write(const struct layoutset *set,
				      const struct selection *sel, int indent,
				      const struct id_map *teams,
				      const struct id_map *services);

/* True when the set selects teams or services the collection dialect sends. */
bool brightpattern_subscription_has_selections(const struct layoutset *set);

void id_map_free(struct id_map *m);

/*
 * The grid a server's error message names (by its key), or NULL; used to
 * turn "grid 2-agents has too many columns" into a layout and panel name.
 */
const struct grid_ref *
brightpattern_subscription_grid_in(const struct layoutset *set,
				   const char *message);

#endif
