/*
 * probe.h - the first-contact report of --probe: what a real server sent
 * for every statistic the layouts use, put beside what the board assumes
 * of it. It is what an integrator runs on day one and pastes into a
 * support ticket, so it holds samples of the data (sanitised; names are
 * fine) and never a secret.
 */
#ifndef WB_PROBE_H
#define WB_PROBE_H

#include <stdio.h>

#include "output/once.h"

/*
 * Print the report of r to out. Returns 0 when every statistic the
 * layouts need arrived, 1 otherwise (no data at all included).
 */
int probe_report(FILE *out, const struct once_result *r);

#endif
