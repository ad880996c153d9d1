/*
 * format.h - turning raw statistic values into text a person reads.
 */
#ifndef WB_FORMAT_H
#define WB_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"
#include "text.h"

/*
 * Format a cell into out. A cell with no text, or "", is "no value" and
 * gives "-" (distinct from "0"). fmt is never FMT_AUTO here. pct_scale
 * multiplies a percent value into 0-100. tick adds seconds to a duration
 * (local count-up between polls). A value that is not a number of its
 * format is shown as text. Returns out.
 */
const char *format_cell(char *out, size_t outsz, enum fmt fmt,
			const struct cell *v, double pct_scale, double tick);

/* 42 -> "0:42", 605 -> "10:05", 3723 -> "1:02:03", 90061 -> "25:01:01". */
void format_duration(char *out, size_t outsz, double secs);

/*
 * Big counts stay readable: 1234567 -> "1234567" (no grouping), 2.5 -> "2.5".
 */
void format_number(char *out, size_t outsz, double v, int decimals);

/*
 * Epoch seconds (or milliseconds, when large) as ISO 8601 in UTC:
 * "2025-03-01T09:30:00Z"; "" for none (0 or less). Returns out.
 */
const char *format_iso_utc(char *out, size_t outsz, double epoch);

/* The default display width of a format (a duration needs 8, ...). */
int format_default_width(enum fmt fmt);

#endif
