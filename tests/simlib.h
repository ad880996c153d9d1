/*
 * simlib.h - what the unit tests of the simulated contact centre share:
 * a centre made at a chosen hour of its day, and a body the views answer
 * read as JSON (the test fails when it is not).
 */
#ifndef WB_SIMLIB_H
#define WB_SIMLIB_H

#include <check.h>
#include <jansson.h>
#include <stdlib.h>

#include "sim/sim.h"

/* A sim of n agents and m services (0: defaults) at hour h of its day. */
static inline struct sim *simlib_new(unsigned seed, int agents, int services,
				     double h)
{
	struct sim_options o;

	sim_options_default(&o);
	o.seed = seed;
	o.agents = agents;
	o.services = services;
	o.start_of_day = h * 3600;
	return sim_new(&o);
}

/* A body parsed (the test fails if it is not JSON); frees the text. */
static inline json_t *simlib_json(char *text)
{
	json_error_t jerr;
	json_t *j;

	ck_assert_ptr_nonnull(text);
	j = json_loads(text, 0, &jerr);
	ck_assert_msg(j != NULL, "not JSON: %s", jerr.text);
	free(text);
	return j;
}

#endif
