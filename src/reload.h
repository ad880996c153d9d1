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
 * One reading of the settings and the layouts: a run starts with one and
 * a live reload brings another (the config's state words are kept in
 * states, which set->config_states points to).
 */
struct reading {
	struct config *cfg;
	struct layoutset *set;
	struct state_map *states;
};

/*
 * How a run reads its settings and layouts again (main.c knows how):
 * read gives a new reading, or NULL with the first error ("FILE:LINE:
 * ...") in why, printing nothing; free frees a reading. read NULL: the
 * run has nothing to re-read.
 */
struct reloader {
	struct reading *(*read)(void *ctx, char *why, size_t whysz);
	void *ctx;
	void (*free)(struct reading *r);
};

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
