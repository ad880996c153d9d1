/*
 * grammar.h - the layout language as data: its keys at each level (a
 * schema for syntax.h), the words of its enumerated options, and the
 * ranges of its numbers. The layout module's own; see
 * doc/wallboard.layout.5 for the language.
 */
#ifndef WB_LAYOUT_GRAMMAR_H
#define WB_LAYOUT_GRAMMAR_H

#include <stddef.h>

#include "layout/layout.h"
#include "syntax.h"

/*
 * Where a panel or column option applies, as the tag of its key: a bit
 * per panel kind. An option given for a kind it does not apply to is an
 * error.
 */
#define K_TOTALS	(1u << PANEL_TOTALS)
#define K_AGENTS	(1u << PANEL_AGENT_GRID)
#define K_SERVICES	(1u << PANEL_SERVICE_GRID)
#define K_TICKER	(1u << PANEL_TICKER)
#define K_GRIDS		(K_AGENTS | K_SERVICES)
#define K_ANY		(K_TOTALS | K_GRIDS | K_TICKER)

/* The top level of a layout file (rows, panels and columns inside). */
extern const struct syntax_key grammar_layout[];

/* The ranges of the numbers of a layout. */
#define GRAMMAR_MAX_ROTATE	86400	/* seconds */
#define GRAMMAR_MAX_WEIGHT	1000	/* a row's height, a panel's width */
#define GRAMMAR_MAX_COLUMN_WIDTH 1000	/* cells */
#define GRAMMAR_MAX_LIMIT	100000	/* lines of a grid, messages */
#define GRAMMAR_MAX_SCALE	1000000
#define GRAMMAR_MAX_TREND	720	/* minutes of a trend (12 hours) */
#define GRAMMAR_DEFAULT_MSG_LIMIT 20

/* The words of an enumerated option, in the order of its enum. */
struct words {
	const char *const *names;
	size_t n;
};
extern const struct words kind_words, fmt_words, align_words, role_words,
	op_words, dir_words, bad_words, alert_words, level_words, view_words;

/* The index of s in w (in any case), or -1. */
int words_find(const struct words *w, const char *s);
/* "a, b or c" into out: the choices a message offers. */
const char *words_choices(const struct words *w, char *out, size_t size);

#endif
