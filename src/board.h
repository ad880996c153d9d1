/*
 * board.h - the running board: the one event loop that ties the terminal,
 * the data source and the timers together, and the --once run.
 */
#ifndef WB_BOARD_H
#define WB_BOARD_H

#include <stdbool.h>

#include "config.h"
#include "layout/layout.h"
#include "output/once.h"
#include "provider.h"
#include "reload.h"

struct board_opts {
	bool kiosk;
	bool demo;
	bool color;
	int ascii;		/* 1 yes, 0 no, -1 from the locale */
	/* seconds a layout stays in rotation; 0 = off */
	double rotate;
	/* Live reload (SIGHUP, files changed); read NULL: none (--from). */
	struct reloader reload;
};

struct log;

/*
 * Run the interactive board until quit or a signal; returns the exit
 * code. Changes of the connection's state go to log (may be NULL). The
 * board owns g and prov from here (a reload replaces them) and frees
 * them, with o->reload.free, before it returns.
 */
int board_run(struct reading *g, struct provider *prov,
	      const struct board_opts *o, struct log *log);

/*
 * Wait for the first complete data, print it to stdout through output
 * (plain_once for --once, probe_report for --probe; output/once.h),
 * release. Returns output's status, or 1 with one line on stderr when no
 * data came and output says nothing of it.
 */
int board_once(const struct config *cfg, struct layoutset *set,
	       struct provider *prov, once_output_fn output, bool ascii,
	       struct log *log);

#endif
