/*
 * format.h - turning raw statistic values into text a person reads, and
 * measuring and fitting UTF-8 text by display width (double-width CJK,
 * combining marks) so columns line up on any terminal.
 */
#ifndef WB_FORMAT_H
#define WB_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"

/*
 * Format raw (a statistic value as the server sent it) into out.
 * raw NULL or "" means "no value" and gives "-" (distinct from "0").
 * fmt is never FMT_AUTO here. pct_scale multiplies a percent value into
 * 0-100. tick adds seconds to a duration (local count-up between polls).
 * A value that does not parse as its format is shown as text.
 * Returns out.
 */
const char *format_value(char *out, size_t outsz, enum fmt fmt,
			 const char *raw, double pct_scale, double tick);

/* 42 -> "0:42", 605 -> "10:05", 3723 -> "1:02:03", 90061 -> "25:01:01". */
void format_duration(char *out, size_t outsz, double secs);

/* Big counts stay readable: 1234567 -> "1234567" (no grouping), 2.5 -> "2.5". */
void format_number(char *out, size_t outsz, double v, int decimals);

/*
 * The display word for a canonical agent state: "ready" -> "Ready",
 * "not_ready" -> "Not Ready", "busy" -> "Busy", "after_call_work" ->
 * "After Call Work", "logged_out" -> "Logged Out"; others pass through.
 */
const char *format_state(const char *state);

/* The default role of a canonical agent state (ready = ok, ...). */
enum role format_state_role(const char *state);

/* The default display width of a format (a duration needs 8, ...). */
int format_default_width(enum fmt fmt);

/*
 * Display width of a UTF-8 string in terminal cells (wcwidth per code
 * point; invalid bytes count 1). The text is assumed to be sanitised.
 */
int text_width(const char *s);

/*
 * Copy s into out so that it occupies exactly width cells: truncated with
 * an ellipsis ("…", or "~" when ascii is set) when wider, padded with
 * spaces according to align when narrower. A double-width character that
 * would straddle the edge is replaced by padding. out must hold at least
 * 4 * width + 1 bytes. Returns out.
 */
char *text_fit(char *out, size_t outsz, const char *s, int width,
	       enum align align, bool ascii);

#endif
