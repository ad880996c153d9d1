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

/*
 * One reading of the settings and the layouts: the board starts with one
 * and a live reload brings another (the config's state words are kept in
 * states, which set->config_states points to).
 */
struct board_gen {
	struct config *cfg;
	struct layoutset *set;
	struct state_map *states;
};

/*
 * Read the settings and the layouts again: a new reading, or NULL with
 * the first error ("FILE:LINE: ...") in why. Nothing is printed.
 */
typedef struct board_gen *(*board_reload_fn)(void *ctx, char *why,
					      size_t whysz);

struct board_opts {
	bool kiosk;
	bool demo;
	bool color;
	int ascii;		/* 1 yes, 0 no, -1 from the locale */
	double rotate;		/* seconds a layout stays in rotation; 0 = off */
	/* Live reload (SIGHUP, files changed); NULL: none (a fleet screen). */
	board_reload_fn reload;
	void *reload_ctx;
	void (*gen_free)(struct board_gen *g);	/* frees a reading */
};

struct log;

/*
 * Run the interactive board until quit or a signal; returns the exit
 * code. Changes of the connection's state go to log (may be NULL). The
 * board owns g and prov from here (a reload replaces them) and frees
 * them, with o->gen_free, before it returns.
 */
int board_run(struct board_gen *g, struct provider *prov,
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
