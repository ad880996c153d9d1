/*
 * csv.h - --once --format csv: the data as RFC 4180 tables for a
 * spreadsheet or a script: one table of every totals value, then one per
 * grid, separated by an empty line (wallboard(1), CSV OUTPUT). Names keep
 * every character (UTF-8, no byte order mark); a text that a spreadsheet
 * would take for a formula is made safe with a leading apostrophe.
 */
#ifndef WB_OUTPUT_CSV_H
#define WB_OUTPUT_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "output/once.h"
#include "util.h"

/* Print r as CSV tables to out. Returns 0, or 1 when no data came. */
int once_csv(FILE *out, const struct once_result *r);

/*
 * Append one field to b as RFC 4180 writes it: quoted when it holds a
 * comma, a quote, a CR or an LF (quotes doubled). A text (not a number
 * the board wrote) that begins with "=", "+", "-", "@", a tab or a CR
 * gets a leading apostrophe and quotes, so that a spreadsheet shows it
 * rather than runs it.
 */
void csv_field(struct buf *b, const char *s, bool text);

#endif
