/*
 * once.h - what a run that prints once (--once, --probe) has to show:
 * the first complete data and how getting it went. Each output turns it
 * into text and an exit status; the board (board.c) waits for the data
 * and releases the server afterwards, whatever the output.
 */
#ifndef WB_ONCE_H
#define WB_ONCE_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "layout/layout.h"
#include "provider.h"
#include "snapshot.h"

struct once_result {
	const struct config *cfg;
	const struct layoutset *set;
	/* NULL: no data came (said on stderr) */
	const struct snapshot *snap;
	const struct provider_status *st;
	double waited;			/* seconds from start to the data */
	bool ascii;			/* ASCII only in the output */
};

/* An output of a once run: print r to out, return the exit status. */
typedef int (*once_output_fn)(FILE *out, const struct once_result *r);

/* --once: every panel of every layout as plain text (plain.h). */
int plain_once(FILE *out, const struct once_result *r);

#endif
