/*
 * grammar.c - the layout language as data: the keys of each level of a
 * layout file, with the panel kinds each applies to, and the words of
 * the enumerated options with their parse and name functions.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "layout/grammar.h"

/* ---- the keys, innermost level first ---------------------------------- */

static const struct syntax_key column_keys[] = {
	{ .name = "stat", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "title", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "width", .type = SYNTAX_INT, .tag = K_ANY },
	{ .name = "align", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "format", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "scale", .type = SYNTAX_FLOAT, .tag = K_ANY },
	{ .name = "warn", .type = SYNTAX_FLOAT, .tag = K_ANY },
	{ .name = "crit", .type = SYNTAX_FLOAT, .tag = K_ANY },
	{ .name = "bad", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "states", .type = SYNTAX_LIST, .tag = K_ANY },
	{ .name = "sum", .type = SYNTAX_LIST, .tag = K_GRIDS },
	{ .name = "dispositions", .type = SYNTAX_LIST, .tag = K_GRIDS },
	{ .name = "alert", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "alert_at", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "trend", .type = SYNTAX_FLOAT, .tag = K_TOTALS },
	{ .name = NULL }
};

static const struct syntax_key panel_keys[] = {
	{ .name = "type", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "title", .type = SYNTAX_STR, .tag = K_ANY },
	{ .name = "width", .type = SYNTAX_FLOAT, .tag = K_ANY },
	{ .name = "order_by", .type = SYNTAX_STR, .tag = K_GRIDS },
	{ .name = "order_dir", .type = SYNTAX_STR, .tag = K_GRIDS },
	{ .name = "limit", .type = SYNTAX_INT, .tag = K_GRIDS | K_TICKER },
	{ .name = "filter_by", .type = SYNTAX_STR, .tag = K_GRIDS },
	{ .name = "filter_operation", .type = SYNTAX_STR, .tag = K_GRIDS },
	{ .name = "filter_value", .type = SYNTAX_STR, .tag = K_GRIDS },
	{ .name = "teams", .type = SYNTAX_LIST, .tag = K_AGENTS },
	{ .name = "services", .type = SYNTAX_LIST, .tag = K_GRIDS | K_TOTALS },
	{ .name = "media", .type = SYNTAX_LIST, .tag = K_SERVICES },
	{ .name = "logged_in_only", .type = SYNTAX_BOOL, .tag = K_AGENTS },
	{ .name = "view", .type = SYNTAX_STR, .tag = K_AGENTS },
	{ .name = "tile_column", .type = SYNTAX_STR, .tag = K_AGENTS },
	{ .name = "match", .type = SYNTAX_STR, .tag = K_TICKER },
	{ .name = "alert", .type = SYNTAX_STR, .tag = K_TOTALS | K_GRIDS },
	{ .name = "alert_at", .type = SYNTAX_STR, .tag = K_TOTALS | K_GRIDS },
	{ .name = "trend", .type = SYNTAX_FLOAT, .tag = K_TOTALS },
	{ .name = "column",
	  .type = SYNTAX_SECTION,
	  .tag = K_ANY,
	  .titled = true,
	  .keys = column_keys },
	{ .name = NULL }
};

static const struct syntax_key row_keys[] = {
	{ .name = "height",		.type = SYNTAX_FLOAT },
	{ .name = "panel",		.type = SYNTAX_SECTION,
	  .titled = true, .keys = panel_keys },
	{ .name = NULL }
};

const struct syntax_key grammar_layout[] = {
	{ .name = "title", .type = SYNTAX_STR },
	{ .name = "key", .type = SYNTAX_INT },
	{ .name = "rotate", .type = SYNTAX_FLOAT },
	{ .name = "provider", .type = SYNTAX_STR },
	{ .name = "state_map", .type = SYNTAX_LIST },
	{ .name = "service_media", .type = SYNTAX_LIST },
	{ .name = "alert", .type = SYNTAX_STR },
	{ .name = "alert_at", .type = SYNTAX_STR },
	{ .name = "trend", .type = SYNTAX_FLOAT },
	{ .name = "row", .type = SYNTAX_SECTION, .keys = row_keys },
	{ .name = NULL }
};

/* ---- the words --------------------------------------------------------- */

static const char *const kind_names[] = {
	"totals", "agent_grid", "service_grid", "ticker"
};
static const char *const fmt_names[] = { "auto",    "count",   "duration",
					 "percent", "decimal", "text",
					 "state",   "time" };
static const char *const align_names[] = { "auto", "left", "right", "center" };
static const char *const role_names[] = {
	"normal", "ok", "info", "warn", "crit", "dim"
};
static const char *const op_names[] = { "EQ", "NE", "LT", "GT", "LE", "GE" };
static const char *const dir_names[] = { "asc", "desc" };
static const char *const bad_names[] = { "high", "low" };
static const char *const alert_names[] = { "none", "flash", "bell" };
static const char *const view_names[] = { "list", "tiles", "auto" };
/* alert_at: the levels, as role_names writes them. */
static const char *const level_names[] = { "warn", "crit" };

_Static_assert(WB_ARRAY_LEN(kind_names) == PANEL_TICKER + 1, "a name per kind");
_Static_assert(WB_ARRAY_LEN(role_names) == ROLE_COUNT_, "a name per role");
_Static_assert(WB_ARRAY_LEN(fmt_names) == FMT_TIME + 1, "a name per format");
_Static_assert(WB_ARRAY_LEN(align_names) == ALIGN_CENTER + 1,
	       "a name per align");
_Static_assert(WB_ARRAY_LEN(op_names) == OP_GE + 1, "a name per operation");
_Static_assert(WB_ARRAY_LEN(alert_names) == ALERT_BELL + 1, "a name per alert");
_Static_assert(WB_ARRAY_LEN(view_names) == VIEW_AUTO + 1, "a name per view");

#define WORDS(a) { a, WB_ARRAY_LEN(a) }
const struct words kind_words = WORDS(kind_names);
const struct words fmt_words = WORDS(fmt_names);
const struct words align_words = WORDS(align_names);
const struct words role_words = WORDS(role_names);
const struct words op_words = WORDS(op_names);
const struct words dir_words = WORDS(dir_names);
const struct words bad_words = WORDS(bad_names);
const struct words alert_words = WORDS(alert_names);
const struct words level_words = WORDS(level_names);
const struct words view_words = WORDS(view_names);

int words_find(const struct words *w, const char *s)
{
	for (size_t i = 0; s != NULL && i < w->n; i++)
		if (strcasecmp(w->names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *words_choices(const struct words *w, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < w->n && used < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == w->n ? " or " : ", ";
		int n = snprintf(out + used, size - used, "%s%s", sep,
				 w->names[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return out;
}

/* The name at index i of w, or "?". */
static const char *words_name(const struct words *w, int i)
{
	return i >= 0 && (size_t)i < w->n ? w->names[i] : "?";
}

/* ---- the public names ---------------------------------------------- */

const char *panel_kind_name(enum panel_kind k)
{
	return words_name(&kind_words, (int)k);
}

bool panel_kind_parse(const char *s, enum panel_kind *out)
{
	int i = words_find(&kind_words, s);

	if (i >= 0)
		*out = (enum panel_kind)i;
	return i >= 0;
}

bool fmt_parse(const char *s, enum fmt *out)
{
	int i = words_find(&fmt_words, s);

	if (i >= 0)
		*out = (enum fmt)i;
	return i >= 0;
}

const char *fmt_name(enum fmt f)
{
	return words_name(&fmt_words, (int)f);
}

enum fmt fmt_for_kind(enum stat_kind kind)
{
	switch (kind) {
	case STAT_COUNT:	return FMT_COUNT;
	case STAT_DURATION:	return FMT_DURATION;
	case STAT_PERCENT:	return FMT_PERCENT;
	case STAT_RATE:		return FMT_DECIMAL;
	case STAT_TEXT:		return FMT_TEXT;
	case STAT_STATE:	return FMT_STATE;
	case STAT_TIME:		return FMT_TIME;
	}
	return FMT_TEXT;
}

bool align_parse(const char *s, enum align *out)
{
	int i = words_find(&align_words, s);

	if (i >= 0)
		*out = (enum align)i;
	return i >= 0;
}

const char *role_name(enum role r)
{
	return words_name(&role_words, (int)r);
}

bool role_parse(const char *s, enum role *out)
{
	int i = words_find(&role_words, s);

	if (i >= 0)
		*out = (enum role)i;
	return i >= 0;
}

bool cmp_op_parse(const char *s, enum cmp_op *out)
{
	int i = words_find(&op_words, s);

	if (i >= 0)
		*out = (enum cmp_op)i;
	return i >= 0;
}

const char *cmp_op_name(enum cmp_op op)
{
	return words_name(&op_words, (int)op);
}

const char *panel_view_name(enum panel_view v)
{
	return words_name(&view_words, (int)v);
}

const char *alert_kind_name(enum alert_kind k)
{
	return words_name(&alert_words, (int)k);
}
