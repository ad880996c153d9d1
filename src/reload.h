/*
 * reload.h - what a live reload (SIGHUP, or a layout or the config file
 * changed on disk) may keep: the data source and its subscription, when
 * the new layouts and settings ask the server for exactly what the old
 * ones did and the data comes in the same shape.
 */
#ifndef WB_RELOAD_H
#define WB_RELOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "layout/layout.h"

/*
 * True when a source opened with (ocfg, oset) serves (ncfg, nset) as it
 * is: the same connection settings, the same plan (provider_plan: what it
 * subscribes to or polls for) and snapshots of the same shape (grids,
 * columns, totals, in the same order). Then only the presentation changed
 * (titles, widths, thresholds, colours, sorting done on the board) and
 * the subscription stays. False with what differs in why.
 */
bool reload_keeps_source(const struct config *ocfg,
			 const struct layoutset *oset,
			 const struct config *ncfg,
			 const struct layoutset *nset, char *why, size_t whysz);

#endif
