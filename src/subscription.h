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

#include "config.h"
#include "layout.h"

/* The subscription body as JSON text (malloc'd), pretty when indent > 0. */
char *subscription_build(const struct layoutset *set, enum api_dialect dialect,
			 int indent);

/*
 * The grid a server's error message names (by its key), or NULL; used to
 * turn "grid 2-agents has too many columns" into a layout and panel name.
 */
const struct grid_ref *subscription_grid_in(const struct layoutset *set,
					    const char *message);

#endif
