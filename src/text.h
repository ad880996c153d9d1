/*
 * text.h - UTF-8 text by terminal cells: its width, fitting it to a column,
 * skipping cells of it; and the strict UTF-8 decoder.
 */
#ifndef WB_TEXT_H
#define WB_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout/layout.h"

/*
 * Decode one UTF-8 sequence strictly (Unicode table 3-7). Returns its
 * length (2-4) and sets *cp, or returns 0 if s[0] does not start a valid,
 * complete, shortest-form sequence of a scalar value in s[0..n). s[0] is
 * >= 0x80.
 */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

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

/* The bytes of s that take its first cells cells (whole characters). */
size_t text_skip_cells(const char *s, int cells);

#endif
