/*
 * layout.c - layout files (libconfuse syntax) -> the layout model.
 *
 * Loading runs in three passes over one in-memory copy of the file:
 *
 *  1. A prescan that tokenises the file the way libconfuse's lexer does. It
 *     yields two things libconfuse 3.3 cannot give: a map from libconfuse's
 *     line numbers to real ones (its lexer counts every '#' or '//' comment
 *     as two extra lines and every C comment as one), and the line of every
 *     section header (libconfuse leaves a section's line at its closing
 *     brace).
 *  2. The libconfuse parse. Validate callbacks record the line of every
 *     option as it is read; when a section closes its values are copied
 *     into a plain tree of nodes, so nothing depends on libconfuse after
 *     the parse (a duplicate section title makes libconfuse drop the first
 *     section: the copy keeps both and reports the duplicate).
 *  3. The build: nodes -> struct layout, resolving statistics against the
 *     provider's catalogue and checking everything, each problem reported
 *     with the line of the option (or section) at fault.
 *
 * Diagnostics are collected, sorted by line and then handed to the caller
 * as "FILE:LINE: message"; any error means nothing is returned.
 *
 * libconfuse's parser is not reentrant (its lexer is global), and its
 * callbacks carry no user pointer: one load runs at a time, through the
 * static pointer "current".
 */
#include "autoconf.h"

#include <confuse.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout/layout.h"

#define DEFAULT_MSG_LIMIT 20
#define MAX_FILE_SIZE (1024 * 1024)
#define MAX_COLUMN_WIDTH 1000
#define ID_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"

/* ---- names of the enums, as layout files spell them ------------------ */

static const char *const kind_names[] = {
	"totals", "agent_grid", "service_grid", "ticker"
};
static const char *const fmt_names[] = {
	"auto", "count", "duration", "percent", "decimal", "text", "state", "time"
};
static const char *const align_names[] = { "auto", "left", "right", "center" };
static const char *const role_names[] = {
	"normal", "ok", "info", "warn", "crit", "dim"
};
static const char *const op_names[] = { "EQ", "NE", "LT", "GT", "LE", "GE" };
static const char *const dir_names[] = { "asc", "desc" };
static const char *const bad_names[] = { "high", "low" };

_Static_assert(WB_ARRAY_LEN(role_names) == ROLE_COUNT_, "a name per role");
_Static_assert(WB_ARRAY_LEN(fmt_names) == FMT_TIME + 1, "a name per format");

/* The index of s in names (case-insensitive), or -1. */
static int name_index(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; s != NULL && i < n; i++)
		if (strcasecmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

/* "a, b or c" into out: the choices an error message offers. */
static const char *name_choices(char *out, size_t size,
				const char *const *names, size_t n)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
		int w = snprintf(out + used, size - used, "%s%s", sep, names[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return out;
}

const char *panel_kind_name(enum panel_kind k)
{
	return (size_t)k < WB_ARRAY_LEN(kind_names) ? kind_names[k] : "?";
}

bool panel_kind_parse(const char *s, enum panel_kind *out)
{
	int i = name_index(kind_names, WB_ARRAY_LEN(kind_names), s);
	if (i < 0)
		return false;
	*out = (enum panel_kind)i;
	return true;
}

bool fmt_parse(const char *s, enum fmt *out)
{
	int i = name_index(fmt_names, WB_ARRAY_LEN(fmt_names), s);
	if (i < 0)
		return false;
	*out = (enum fmt)i;
	return true;
}

const char *fmt_name(enum fmt f)
{
	return (size_t)f < WB_ARRAY_LEN(fmt_names) ? fmt_names[f] : "?";
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
	int i = name_index(align_names, WB_ARRAY_LEN(align_names), s);
	if (i < 0)
		return false;
	*out = (enum align)i;
	return true;
}

const char *role_name(enum role r)
{
	return (size_t)r < WB_ARRAY_LEN(role_names) ? role_names[r] : "?";
}

bool role_parse(const char *s, enum role *out)
{
	int i = name_index(role_names, WB_ARRAY_LEN(role_names), s);
	if (i < 0)
		return false;
	*out = (enum role)i;
	return true;
}

bool cmp_op_parse(const char *s, enum cmp_op *out)
{
	int i = name_index(op_names, WB_ARRAY_LEN(op_names), s);
	if (i < 0)
		return false;
	*out = (enum cmp_op)i;
	return true;
}

const char *cmp_op_name(enum cmp_op op)
{
	return (size_t)op < WB_ARRAY_LEN(op_names) ? op_names[op] : "?";
}

/* "a" or "an" before a word of the language ("an agent_grid panel"). */
static const char *article(const char *word)
{
	return word[0] != '\0' && strchr("aeiou", word[0]) ? "an" : "a";
}

/* Numbers right, words left. */
static enum align align_for_fmt(enum fmt f)
{
	return f == FMT_TEXT || f == FMT_STATE ? ALIGN_LEFT : ALIGN_RIGHT;
}

/* Formats whose values have thresholds. */
static bool fmt_measures(enum fmt f)
{
	return f == FMT_COUNT || f == FMT_DURATION || f == FMT_PERCENT ||
	       f == FMT_DECIMAL;
}

/* Formats whose values compare as numbers (the table module's view). */
static bool fmt_numeric(enum fmt f)
{
	return fmt_measures(f) || f == FMT_TIME;
}

/* ---- the language: option tables ------------------------------------- */

enum otype { OT_STR, OT_INT, OT_FLOAT, OT_BOOL, OT_LIST, OT_SEC };

#define K_TOTALS	(1u << PANEL_TOTALS)
#define K_AGENTS	(1u << PANEL_AGENT_GRID)
#define K_SERVICES	(1u << PANEL_SERVICE_GRID)
#define K_TICKER	(1u << PANEL_TICKER)
#define K_GRIDS		(K_AGENTS | K_SERVICES)
#define K_ANY		(K_TOTALS | K_GRIDS | K_TICKER)

struct lopt {
	const char *name;
	enum otype type;
	unsigned kinds;		/* panel and column options: where they apply */
};

enum { L_TITLE, L_KEY, L_ROTATE, L_PROVIDER, L_ROW, L_N };
static const struct lopt layout_opts[L_N] = {
	[L_TITLE]	= { "title",		OT_STR,		0 },
	[L_KEY]		= { "key",		OT_INT,		0 },
	[L_ROTATE]	= { "rotate",		OT_FLOAT,	0 },
	[L_PROVIDER]	= { "provider",		OT_STR,		0 },
	[L_ROW]		= { "row",		OT_SEC,		0 },
};

enum { R_HEIGHT, R_PANEL, R_N };
static const struct lopt row_opts[R_N] = {
	[R_HEIGHT]	= { "height",		OT_FLOAT,	0 },
	[R_PANEL]	= { "panel",		OT_SEC,		0 },
};

enum {
	P_TYPE, P_TITLE, P_WIDTH, P_ORDER_BY, P_ORDER_DIR, P_LIMIT, P_FILTER_BY,
	P_FILTER_OP, P_FILTER_VALUE, P_TEAMS, P_SERVICES, P_LOGGED_IN_ONLY,
	P_MATCH, P_COLUMN, P_N
};
static const struct lopt panel_opts[P_N] = {
	[P_TYPE]	= { "type",		OT_STR,		K_ANY },
	[P_TITLE]	= { "title",		OT_STR,		K_ANY },
	[P_WIDTH]	= { "width",		OT_FLOAT,	K_ANY },
	[P_ORDER_BY]	= { "order_by",		OT_STR,		K_GRIDS },
	[P_ORDER_DIR]	= { "order_dir",	OT_STR,		K_GRIDS },
	[P_LIMIT]	= { "limit",		OT_INT,		K_GRIDS | K_TICKER },
	[P_FILTER_BY]	= { "filter_by",	OT_STR,		K_GRIDS },
	[P_FILTER_OP]	= { "filter_operation",	OT_STR,		K_GRIDS },
	[P_FILTER_VALUE] = { "filter_value",	OT_STR,		K_GRIDS },
	[P_TEAMS]	= { "teams",		OT_LIST,	K_AGENTS },
	[P_SERVICES]	= { "services",		OT_LIST,	K_GRIDS | K_TOTALS },
	[P_LOGGED_IN_ONLY] = { "logged_in_only", OT_BOOL,	K_AGENTS },
	[P_MATCH]	= { "match",		OT_STR,		K_TICKER },
	[P_COLUMN]	= { "column",		OT_SEC,		K_ANY },
};

enum {
	C_STAT, C_TITLE, C_WIDTH, C_ALIGN, C_FORMAT, C_SCALE, C_WARN, C_CRIT,
	C_BAD, C_STATES, C_SUM, C_DISPOSITIONS, C_N
};
static const struct lopt column_opts[C_N] = {
	[C_STAT]	= { "stat",		OT_STR,		K_ANY },
	[C_TITLE]	= { "title",		OT_STR,		K_ANY },
	[C_WIDTH]	= { "width",		OT_INT,		K_ANY },
	[C_ALIGN]	= { "align",		OT_STR,		K_ANY },
	[C_FORMAT]	= { "format",		OT_STR,		K_ANY },
	[C_SCALE]	= { "scale",		OT_FLOAT,	K_ANY },
	[C_WARN]	= { "warn",		OT_FLOAT,	K_ANY },
	[C_CRIT]	= { "crit",		OT_FLOAT,	K_ANY },
	[C_BAD]		= { "bad",		OT_STR,		K_ANY },
	[C_STATES]	= { "states",		OT_LIST,	K_ANY },
	[C_SUM]		= { "sum",		OT_LIST,	K_GRIDS },
	[C_DISPOSITIONS] = { "dispositions",	OT_LIST,	K_GRIDS },
};

/* The nesting levels of a layout file, outermost first. */
enum { LV_LAYOUT, LV_ROW, LV_PANEL, LV_COLUMN, LV_N };

struct secdef {
	const char *name;
	const struct lopt *opts;
	size_t nopts;
	bool titled;		/* "panel ID { ... }" */
};

static const struct secdef secdefs[LV_N] = {
	[LV_LAYOUT]	= { "layout",	layout_opts,	L_N,	false },
	[LV_ROW]	= { "row",	row_opts,	R_N,	false },
	[LV_PANEL]	= { "panel",	panel_opts,	P_N,	true },
	[LV_COLUMN]	= { "column",	column_opts,	C_N,	true },
};

/* The level a section name opens; the top level for anything else. */
static int level_of(const char *name)
{
	for (int lv = LV_ROW; lv < LV_N; lv++)
		if (name != NULL && strcmp(secdefs[lv].name, name) == 0)
			return lv;
	return LV_LAYOUT;
}

/* The index of an option in its level's table, or -1. */
static int opt_index(int level, const char *name)
{
	const struct secdef *d = &secdefs[level];

	for (size_t i = 0; i < d->nopts; i++)
		if (strcmp(d->opts[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* ---- load state ------------------------------------------------------ */

/* One value as read, with where it was read. */
struct capval {
	bool set;
	int line;		/* the line of the (first) value */
	long num;
	double fnum;
	bool flag;
	char *str;
	char **list;
	int *lines;		/* lists: the line of each element */
	size_t n;
	size_t seen;		/* lists: elements whose line was recorded */
};

/* A section as read: its title, header line, values and subsections. */
struct node {
	int level;
	char *title;
	int line;
	struct capval *v;	/* one per option of its level */
	struct node *kids;
	size_t nkids;
};

struct nodelist {
	struct node *v;
	size_t n;
};

/* An open section whose options are being read. */
struct frame {
	cfg_t *sec;
	int level;
	struct capval *v;
};

/* A section header found by the prescan, in the order sections close. */
struct closing {
	char *name;
	char *title;		/* NULL: untitled, or not known literally */
	int line;
};

struct diag {
	int line;
	size_t seq;
	bool warn;
	char *msg;
};

struct load {
	const char *path;
	const char *want_provider;
	struct diag *diags;
	size_t ndiags;
	size_t nerrors;
	int *cstart;		/* libconfuse's count at the start of each line */
	size_t nlines;
	struct closing *closings;
	size_t nclosings;
	size_t next_closing;
	bool scan_ok;		/* the prescan agrees with libconfuse so far */
	struct frame *frames;
	size_t nframes;
	struct nodelist pending[LV_N];	/* closed sections awaiting their parent */
};

static struct load *current;

/* Record a problem at a line (0: the file as a whole). */
static void WB_PRINTF(4, 5)
diag(struct load *ld, bool warn, int line, const char *fmt, ...)
{
	va_list ap;
	struct errlist tmp = { NULL, 0 };
	struct diag *d;

	/* util has no va_list asprintf: errlist_addv formats, the list is dropped. */
	va_start(ap, fmt);
	errlist_addv(&tmp, fmt, ap);
	va_end(ap);
	ld->diags = xreallocarray(ld->diags, ld->ndiags + 1, sizeof(*ld->diags));
	d = &ld->diags[ld->ndiags];
	d->line = line;
	d->seq = ld->ndiags++;
	d->warn = warn;
	d->msg = tmp.msgs[0];
	free(tmp.msgs);
	if (!warn)
		ld->nerrors++;
}

#define error_at(ld, line, ...) diag((ld), false, (line), __VA_ARGS__)
#define warn_at(ld, line, ...) diag((ld), true, (line), __VA_ARGS__)

/* Order diagnostics by line, keeping the order of those on one line. */
static int diag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Hand the diagnostics over as "FILE:LINE: message", sorted by line. */
static void diag_flush(struct load *ld, struct errlist *errs,
		       struct errlist *warns)
{
	if (ld->ndiags > 1)
		qsort(ld->diags, ld->ndiags, sizeof(*ld->diags), diag_cmp);
	for (size_t i = 0; i < ld->ndiags; i++) {
		struct diag *d = &ld->diags[i];
		struct errlist *to = d->warn ? warns : errs;
		if (to == NULL)
			;
		else if (d->line > 0)
			errlist_add(to, "%s:%d: %s", ld->path, d->line, d->msg);
		else
			errlist_add(to, "%s: %s", ld->path, d->msg);
		free(d->msg);
	}
	free(ld->diags);
	ld->diags = NULL;
	ld->ndiags = 0;
}

/* ---- pass 1: the prescan --------------------------------------------- */

enum { TK_EOF, TK_WORD, TK_LBRACE, TK_RBRACE, TK_EQ, TK_PLUSEQ, TK_COMMA, TK_OTHER };

struct token {
	int type;
	char *text;		/* words and strings; NULL when not literal */
	int line;
	bool value;		/* a word in value position (after '=' or in a list) */
};

struct scanner {
	struct load *ld;
	const char *p;
	int line;		/* the real line */
	int count;		/* libconfuse's idea of it */
	struct buf text;
	bool literal;		/* the token's text is what libconfuse sees */
};

/* An open brace: a section (with its header) or a list. */
struct open_brace {
	bool section;
	char *name, *title;
	int line;
};

/* A newline; counted says whether libconfuse's lexer counts it too. */
static void scan_newline(struct scanner *sc, bool counted)
{
	struct load *ld = sc->ld;

	sc->line++;
	if (counted)
		sc->count++;
	ld->cstart = xreallocarray(ld->cstart, ld->nlines + 1, sizeof(*ld->cstart));
	ld->cstart[ld->nlines++] = sc->count;
}

/* Characters of an unquoted word (libconfuse's lexer rule). */
static bool word_char(char c)
{
	return c != '\0' && strchr(" #\"'\t\n\r={}()+,*", c) == NULL;
}

/* Skip a '#' or '//' comment: libconfuse counts two lines for it. */
static void scan_line_comment(struct scanner *sc)
{
	while (*sc->p != '\0' && *sc->p != '\n')
		sc->p++;
	sc->count += 2;
}

/*
 * Skip a C comment: libconfuse counts one line more than it has, and
 * silently takes an unclosed one as the end of the file.
 */
static void scan_block_comment(struct scanner *sc)
{
	int line = sc->line;

	sc->p += 2;
	while (*sc->p != '\0' && !(sc->p[0] == '*' && sc->p[1] == '/')) {
		if (*sc->p == '\n')
			scan_newline(sc, true);
		sc->p++;
	}
	if (*sc->p != '\0') {
		sc->p += 2;
		sc->count++;
	} else {
		error_at(sc->ld, line, "comment \"/*\" has no closing \"*/\"");
	}
}

/* Skip "${VAR}": its value is not known here, its newlines not counted. */
static void scan_env(struct scanner *sc)
{
	sc->literal = false;
	sc->p += 2;
	while (*sc->p != '\0' && *sc->p != '}') {
		if (*sc->p == '\n')
			scan_newline(sc, false);
		sc->p++;
	}
	if (*sc->p == '}')
		sc->p++;
}

/* The value of n digits in base (8 or 16); -1 if one is not a digit. */
static int digits_value(const char *s, size_t n, int base)
{
	static const char digits[] = "0123456789abcdef";
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		const char *d = s[i] != '\0' ? strchr(digits, s[i] | 0x20) : NULL;
		if (d == NULL || d - digits >= base)
			return -1;
		v = v * base + (int)(d - digits);
	}
	return v;
}

/*
 * A backslash escape of a double-quoted string, after the backslash: its
 * character into sc->text, as libconfuse's lexer reads it. Escapes that
 * lexer refuses leave the text unknown.
 */
static void scan_escape(struct scanner *sc)
{
	static const char from[] = "nrbfaetv";
	static const char to[] = "\n\r\b\f\a\033\t\v";
	const char *p = sc->p, *m;
	size_t n = 1;
	int v = (unsigned char)*p;
	char c;

	if (*p >= '0' && *p <= '9') {
		for (n = 0; p[n] >= '0' && p[n] <= '9'; n++)
			;
		v = n <= 3 ? digits_value(p, n, 8) : -1;
		if (v < 0 || v > 0xff) {
			sc->literal = false;
			v = -1;
		}
	} else if (*p == 'x' && digits_value(p + 1, 1, 16) >= 0) {
		n = digits_value(p + 2, 1, 16) >= 0 ? 3 : 2;
		v = digits_value(p + 1, n - 1, 16);
	} else if ((m = strchr(from, *p)) != NULL) {
		v = (unsigned char)to[m - from];
	}
	sc->p += n;
	c = (char)v;
	if (v >= 0)
		buf_append(&sc->text, &c, 1);
}

/* A quoted string, opening quote at sc->p; its text into sc->text. */
static void scan_string(struct scanner *sc)
{
	char q = *sc->p++;

	while (*sc->p != '\0' && *sc->p != q) {
		char c = *sc->p++;
		if (c == '\n') {
			scan_newline(sc, true);
		} else if (c == '\\' && *sc->p == '\n') {
			scan_newline(sc, true);
			sc->p++;
			continue;
		} else if (q == '"' && c == '$' && *sc->p == '{') {
			sc->p--;
			scan_env(sc);
			continue;
		} else if (c == '\\' && *sc->p != '\0' && q == '"') {
			scan_escape(sc);
			continue;
		} else if (c == '\\' && *sc->p != '\0') {
			c = *sc->p++;
			if (c != '\\' && c != '\'')
				buf_append(&sc->text, "\\", 1);
		}
		buf_append(&sc->text, &c, 1);
	}
	if (*sc->p == q)
		sc->p++;
}

/* Skip blanks, newlines and comments before a token. */
static void scan_space(struct scanner *sc)
{
	for (;;) {
		char c = *sc->p;
		if (c == ' ' || c == '\t' || c == '\r') {
			sc->p++;
		} else if (c == '\n') {
			scan_newline(sc, true);
			sc->p++;
		} else if (c == '#' || (c == '/' && sc->p[1] == '/')) {
			scan_line_comment(sc);
		} else if (c == '/' && sc->p[1] == '*') {
			scan_block_comment(sc);
		} else {
			return;
		}
	}
}

/* The next token, the way libconfuse's lexer would cut it. */
static void scan_token(struct scanner *sc, struct token *t)
{
	static const char singles[] = "{}=,()";
	static const int single_types[] = {
		TK_LBRACE, TK_RBRACE, TK_EQ, TK_COMMA, TK_OTHER, TK_OTHER
	};
	const char *s;

	for (;;) {
		scan_space(sc);
		t->line = sc->line;
		t->text = NULL;
		buf_reset(&sc->text);
		sc->literal = true;
		if (*sc->p == '\0') {
			t->type = TK_EOF;
			return;
		}
		if ((s = strchr(singles, *sc->p)) != NULL) {
			t->type = single_types[s - singles];
			sc->p++;
			return;
		}
		if (sc->p[0] == '+' && sc->p[1] == '=') {
			t->type = TK_PLUSEQ;
			sc->p += 2;
			return;
		}
		t->type = TK_WORD;
		if (*sc->p == '"' || *sc->p == '\'') {
			scan_string(sc);
		} else if (sc->p[0] == '$' && sc->p[1] == '{') {
			scan_env(sc);
		} else if (word_char(*sc->p)) {
			while (word_char(*sc->p))
				buf_append(&sc->text, sc->p++, 1);
		} else {
			sc->p++;	/* a stray '+' or '*': the lexer drops it */
			continue;
		}
		buf_append(&sc->text, "", 0);
		t->text = sc->literal ? xstrdup(sc->text.data) : NULL;
		return;
	}
}

/* Record that the section of an open brace has closed. */
static void scan_close(struct load *ld, struct open_brace *b)
{
	struct closing *c;

	if (!b->section)
		return;
	ld->closings = xreallocarray(ld->closings, ld->nclosings + 1,
				     sizeof(*ld->closings));
	c = &ld->closings[ld->nclosings++];
	c->name = b->name;
	c->title = b->title;
	c->line = b->line;
	b->name = b->title = NULL;
}

/* True for a word that may name a titled section ("panel", "column"). */
static bool titled_section(const struct token *t)
{
	int lv = t->type == TK_WORD && !t->value && t->text ? level_of(t->text) : 0;
	return lv != LV_LAYOUT && secdefs[lv].titled;
}

/* An opening brace after prev2 prev: a list, or a section and its header. */
static void scan_open(struct open_brace *b, const struct token *prev2,
		      const struct token *prev)
{
	memset(b, 0, sizeof(*b));
	if (prev->type == TK_EQ || prev->type == TK_PLUSEQ)
		return;
	b->section = true;
	if (prev->type != TK_WORD || prev->value)
		return;
	if (titled_section(prev2)) {
		b->name = xstrdup(prev2->text);
		b->title = prev->text ? xstrdup(prev->text) : NULL;
		b->line = prev2->line;
	} else {
		b->name = prev->text ? xstrdup(prev->text) : NULL;
		b->line = prev->line;
	}
}

/* Is the next word in value position? */
static bool scan_in_value(const struct token *prev, const struct open_brace *stack,
			  size_t depth)
{
	if (prev->type == TK_EQ || prev->type == TK_PLUSEQ || prev->type == TK_COMMA)
		return true;
	return depth > 0 && !stack[depth - 1].section;
}

/*
 * Tokenise the whole file: fill the line map and the section headers in
 * the order their sections close. Sections still open at the end of the
 * file (libconfuse accepts that) are reported.
 */
static void prescan(struct load *ld, const char *text)
{
	struct scanner sc = { ld, text, 1, 1, { NULL, 0, 0 }, true };
	struct token prev2 = { TK_EOF, NULL, 0, false };
	struct token prev = prev2, t;
	struct open_brace *stack = NULL;
	size_t depth = 0;

	ld->cstart = xmalloc(sizeof(*ld->cstart));
	ld->cstart[0] = 1;
	ld->nlines = 1;
	for (;;) {
		scan_token(&sc, &t);
		if (t.type == TK_EOF)
			break;
		t.value = t.type == TK_WORD && scan_in_value(&prev, stack, depth);
		if (t.type == TK_LBRACE) {
			stack = xreallocarray(stack, depth + 1, sizeof(*stack));
			scan_open(&stack[depth++], &prev2, &prev);
		} else if (t.type == TK_RBRACE && depth > 0) {
			scan_close(ld, &stack[--depth]);
		}
		free(prev2.text);
		prev2 = prev;
		prev = t;
	}
	while (depth > 0) {
		struct open_brace *b = &stack[--depth];
		if (b->section && b->name != NULL)
			error_at(ld, b->line, "section \"%s\" has no closing brace",
				 b->name);
		scan_close(ld, b);
		free(b->name);
		free(b->title);
	}
	free(prev2.text);
	free(prev.text);
	free(stack);
	buf_free(&sc.text);
	ld->scan_ok = true;
}

/* The real line of a line number libconfuse reports. */
static int real_line(const struct load *ld, int count)
{
	size_t lo = 0, hi = ld->nlines;

	if (count <= 0 || ld->nlines == 0)
		return 0;
	/* The last line whose start libconfuse counts at or before count. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ld->cstart[mid] <= count)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

/* ---- pass 2: the libconfuse parse ------------------------------------ */

/* Free what one captured value holds. */
static void capval_clear(struct capval *v, enum otype type)
{
	free(v->str);
	for (size_t i = 0; type == OT_LIST && i < v->n; i++)
		free(v->list[i]);
	free(v->list);
	free(v->lines);
}

/* Free a node's values and subsections (not the node itself). */
static void node_clear(struct node *n)
{
	const struct secdef *d = &secdefs[n->level];

	for (size_t i = 0; n->v != NULL && i < d->nopts; i++)
		capval_clear(&n->v[i], d->opts[i].type);
	free(n->v);
	for (size_t i = 0; i < n->nkids; i++)
		node_clear(&n->kids[i]);
	free(n->kids);
	free(n->title);
}

/* The values of an open section, found or started. */
static struct frame *frame_for(struct load *ld, cfg_t *sec, int level)
{
	struct frame *f;

	if (ld->nframes > 0 && ld->frames[ld->nframes - 1].sec == sec)
		return &ld->frames[ld->nframes - 1];
	ld->frames = xreallocarray(ld->frames, ld->nframes + 1, sizeof(*ld->frames));
	f = &ld->frames[ld->nframes++];
	f->sec = sec;
	f->level = level;
	f->v = xcalloc(secdefs[level].nopts, sizeof(*f->v));
	return f;
}

/* Note the line of a list's newest element (called once more at its '}'). */
static void note_element(struct capval *v, size_t n, int line)
{
	if (n == 0 || n == v->seen)
		return;
	if (n == 1 || v->line == 0)
		v->line = line;
	v->lines = xreallocarray(v->lines, n, sizeof(*v->lines));
	for (size_t i = v->seen; i + 1 < n; i++)
		v->lines[i] = line;
	v->lines[n - 1] = line;
	v->seen = n;
}

/* libconfuse validate callback of every option: note where it was set. */
static int option_seen(cfg_t *cfg, cfg_opt_t *opt)
{
	struct load *ld = current;
	int level = level_of(cfg->name);
	int i = opt_index(level, opt->name);
	int line = real_line(ld, cfg->line);
	struct capval *v;

	if (i < 0)
		return 0;
	v = &frame_for(ld, cfg, level)->v[i];
	if (secdefs[level].opts[i].type == OT_LIST) {
		note_element(v, cfg_opt_size(opt), line);
	} else {
		if (v->line > 0)
			error_at(ld, line, "option \"%s\" is given twice (first at line %d)",
				 opt->name, v->line);
		v->line = line;
	}
	return 0;
}

/* Copy a list option's strings; elements whose line is unknown get v->line. */
static void capture_list(struct capval *v, cfg_t *sec, const char *name)
{
	size_t n = cfg_size(sec, name);

	v->list = xcalloc(n, sizeof(*v->list));
	v->lines = xreallocarray(v->lines, n, sizeof(*v->lines));
	for (size_t j = 0; j < n; j++) {
		v->list[j] = xstrdup(cfg_getnstr(sec, name, (unsigned)j));
		if (j >= v->seen)
			v->lines[j] = v->line;
	}
	v->n = n;
}

/* Copy the values of a section into v (which holds their lines). */
static void capture(cfg_t *sec, int level, struct capval *v, int header_line)
{
	const struct secdef *d = &secdefs[level];

	for (size_t i = 0; i < d->nopts; i++) {
		const char *name = d->opts[i].name;
		v[i].set = d->opts[i].type != OT_SEC && cfg_size(sec, name) > 0;
		if (!v[i].set) {
			v[i].line = 0;
			continue;
		}
		if (v[i].line == 0)
			v[i].line = header_line;
		switch (d->opts[i].type) {
		case OT_STR:
			v[i].str = xstrdup(cfg_getstr(sec, name));
			break;
		case OT_INT:
			v[i].num = cfg_getint(sec, name);
			break;
		case OT_FLOAT:
			v[i].fnum = cfg_getfloat(sec, name);
			break;
		case OT_BOOL:
			v[i].flag = cfg_getbool(sec, name) == cfg_true;
			break;
		case OT_LIST:
			capture_list(&v[i], sec, name);
			break;
		case OT_SEC:
			break;
		}
	}
}

/* The prescan's header of the section that just closed, if it agrees. */
static const struct closing *next_header(struct load *ld, const char *name,
					 const struct frame *f)
{
	const struct closing *c;

	if (!ld->scan_ok || ld->next_closing >= ld->nclosings) {
		ld->scan_ok = false;
		return NULL;
	}
	c = &ld->closings[ld->next_closing++];
	if (c->name == NULL || strcmp(c->name, name) != 0 ||
	    (f != NULL && c->title != NULL && cfg_title(f->sec) != NULL &&
	     strcmp(c->title, cfg_title(f->sec)) != 0)) {
		ld->scan_ok = false;
		return NULL;
	}
	return c;
}

/* The section that just closed, when no option of it was seen. */
static cfg_t *closed_section(cfg_t *parent, const char *name,
			     const struct closing *h)
{
	cfg_t *sec = NULL;
	unsigned n = cfg_size(parent, name);

	if (h != NULL && h->title != NULL)
		sec = cfg_gettsec(parent, name, h->title);
	if (sec == NULL && n > 0)
		sec = cfg_getnsec(parent, name, n - 1);
	return sec;
}

/* Append a node to a list. */
static void nodelist_add(struct nodelist *l, struct node *n)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = *n;
}

/*
 * libconfuse validate callback of the sections: copy the section that just
 * closed into a node, with its subsections, and keep it for its parent.
 */
static int section_closed(cfg_t *cfg, cfg_opt_t *opt)
{
	struct load *ld = current;
	int level = level_of(opt->name);
	struct frame *f = NULL;
	const struct closing *h;
	struct node n = { level, NULL, 0, NULL, NULL, 0 };
	cfg_t *sec;

	if (ld->nframes > 0 && ld->frames[ld->nframes - 1].level == level)
		f = &ld->frames[--ld->nframes];
	h = next_header(ld, opt->name, f);
	sec = f != NULL ? f->sec : closed_section(cfg, opt->name, h);
	n.line = h != NULL ? h->line : real_line(ld, cfg->line);
	n.v = f != NULL ? f->v : xcalloc(secdefs[level].nopts, sizeof(*n.v));
	if (sec != NULL) {
		n.title = cfg_title(sec) ? xstrdup(cfg_title(sec)) : NULL;
		capture(sec, level, n.v, n.line);
	}
	if (level + 1 < LV_N) {
		n.kids = ld->pending[level + 1].v;
		n.nkids = ld->pending[level + 1].n;
		ld->pending[level + 1].v = NULL;
		ld->pending[level + 1].n = 0;
	}
	nodelist_add(&ld->pending[level], &n);
	return 0;
}

/* libconfuse error function: its messages become diagnostics. */
static void parse_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	struct load *ld = current;
	char msg[512];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	error_at(ld, cfg != NULL ? real_line(ld, cfg->line) : 0, "%s", msg);
}

/* The libconfuse option of one table entry. */
static cfg_opt_t cfg_opt_of(const struct lopt *o, cfg_opt_t *sub, bool titled)
{
	cfg_opt_t c;

	switch (o->type) {
	case OT_STR:
		c = (cfg_opt_t)CFG_STR(o->name, NULL, CFGF_NODEFAULT);
		break;
	case OT_INT:
		c = (cfg_opt_t)CFG_INT(o->name, 0, CFGF_NODEFAULT);
		break;
	case OT_FLOAT:
		c = (cfg_opt_t)CFG_FLOAT(o->name, 0, CFGF_NODEFAULT);
		break;
	case OT_BOOL:
		c = (cfg_opt_t)CFG_BOOL(o->name, cfg_false, CFGF_NODEFAULT);
		break;
	case OT_LIST:
		c = (cfg_opt_t)CFG_STR_LIST(o->name, NULL, CFGF_NODEFAULT);
		break;
	case OT_SEC:
	default:
		c = (cfg_opt_t)CFG_SEC(o->name, sub,
				       CFGF_MULTI | (titled ? CFGF_TITLE : 0));
		c.validcb = section_closed;
		return c;
	}
	c.validcb = option_seen;
	return c;
}

/* Fill out with the libconfuse options of a level; sub is its subsection's. */
static void make_cfg_opts(cfg_opt_t *out, int level, cfg_opt_t *sub)
{
	const struct secdef *d = &secdefs[level];
	bool titled = level + 1 < LV_N && secdefs[level + 1].titled;

	for (size_t i = 0; i < d->nopts; i++)
		out[i] = cfg_opt_of(&d->opts[i], sub, titled);
	out[d->nopts] = (cfg_opt_t)CFG_END();
}

/* Forget everything the parse left half done (after a syntax error). */
static void parse_cleanup(struct load *ld)
{
	for (size_t i = 0; i < ld->nframes; i++) {
		const struct secdef *d = &secdefs[ld->frames[i].level];
		for (size_t j = 0; j < d->nopts; j++)
			capval_clear(&ld->frames[i].v[j], d->opts[j].type);
		free(ld->frames[i].v);
	}
	free(ld->frames);
	ld->frames = NULL;
	ld->nframes = 0;
	for (int lv = 0; lv < LV_N; lv++) {
		for (size_t i = 0; i < ld->pending[lv].n; i++)
			node_clear(&ld->pending[lv].v[i]);
		free(ld->pending[lv].v);
		ld->pending[lv].v = NULL;
		ld->pending[lv].n = 0;
	}
}

/* The top level as a node once the parse is done. */
static struct node *root_node(struct load *ld, cfg_t *cfg)
{
	struct node *root = xcalloc(1, sizeof(*root));
	struct frame *f = NULL;

	if (ld->nframes > 0 && ld->frames[ld->nframes - 1].level == LV_LAYOUT)
		f = &ld->frames[--ld->nframes];
	root->level = LV_LAYOUT;
	root->line = 1;
	root->v = f != NULL ? f->v : xcalloc(L_N, sizeof(*root->v));
	capture(cfg, LV_LAYOUT, root->v, 1);
	root->kids = ld->pending[LV_ROW].v;
	root->nkids = ld->pending[LV_ROW].n;
	ld->pending[LV_ROW].v = NULL;
	ld->pending[LV_ROW].n = 0;
	return root;
}

/* Parse text with libconfuse into a node tree; NULL on a syntax error. */
static struct node *parse(struct load *ld, const char *text)
{
	cfg_opt_t col[C_N + 1], panel[P_N + 1], row[R_N + 1], top[L_N + 1];
	struct node *root = NULL;
	size_t errors = ld->nerrors;
	cfg_t *cfg;
	int rc;

	make_cfg_opts(col, LV_COLUMN, NULL);
	make_cfg_opts(panel, LV_PANEL, col);
	make_cfg_opts(row, LV_ROW, panel);
	make_cfg_opts(top, LV_LAYOUT, row);
	cfg = cfg_init(top, CFGF_NONE);
	if (cfg == NULL) {
		error_at(ld, 0, "cannot set up the parser");
		return NULL;
	}
	cfg_set_error_function(cfg, parse_error);
	current = ld;
	rc = cfg_parse_buf(cfg, text);
	if (rc == CFG_SUCCESS)
		root = root_node(ld, cfg);
	else if (ld->nerrors == errors)
		error_at(ld, 0, "syntax error");
	current = NULL;
	parse_cleanup(ld);
	cfg_free(cfg);
	return root;
}

/* ---- pass 3: nodes -> model ------------------------------------------ */

/* A value of a node, or NULL when the file does not give it. */
static const struct capval *given(const struct node *n, int i)
{
	return n->v[i].set ? &n->v[i] : NULL;
}

/* Report the options of n that do not apply to a panel of kind k; drop them. */
static void check_applies(struct load *ld, struct node *n, enum panel_kind k)
{
	const struct secdef *d = &secdefs[n->level];

	for (size_t i = 0; i < d->nopts; i++) {
		if (!n->v[i].set || (d->opts[i].kinds & (1u << k)))
			continue;
		error_at(ld, n->v[i].line, "option \"%s\" does not apply to %s %s panel",
			 d->opts[i].name, article(panel_kind_name(k)), panel_kind_name(k));
		n->v[i].set = false;
	}
}

/* An id of a panel or column: letters, digits, '_', '.' and '-'. */
static void check_id(struct load *ld, int line, const char *what, const char *id)
{
	if (id[0] != '\0' && id[strspn(id, ID_CHARS)] == '\0')
		return;
	error_at(ld, line, "bad %s id \"%s\": use letters, digits, '_', '.' and '-'",
		 what, id);
}

/* Parse an enum word; report it (with the choices) when unknown. */
static bool parse_word(struct load *ld, const struct capval *v, const char *opt,
		       const char *const *names, size_t n, int *out)
{
	char choices[160];
	int i = name_index(names, n, v->str);

	if (i >= 0) {
		*out = i;
		return true;
	}
	error_at(ld, v->line, "unknown %s \"%s\" (%s)", opt, v->str,
		 name_choices(choices, sizeof(choices), names, n));
	return false;
}

/* A relative size (a row's height, a panel's width): more than 0. */
static double relative_size(struct load *ld, const struct capval *v,
			    const char *opt)
{
	if (v == NULL)
		return 1;
	if (isfinite(v->fnum) && v->fnum > 0)
		return v->fnum;
	error_at(ld, v->line, "%s must be more than 0", opt);
	return 1;
}

/* Copy a list of strings. */
static char **list_dup(const struct capval *v, size_t *n)
{
	char **out;

	*n = v != NULL ? v->n : 0;
	if (*n == 0)
		return NULL;
	out = xcalloc(*n, sizeof(*out));
	for (size_t i = 0; i < *n; i++)
		out[i] = xstrdup(v->list[i]);
	return out;
}

/* True for the statistics that take a list of dispositions. */
static bool is_dispositions_stat(const char *stat)
{
	return strstr(stat, "dispositions") != NULL;
}

/* The catalogue scope of a panel kind. */
static unsigned scope_of(enum panel_kind k)
{
	switch (k) {
	case PANEL_TOTALS:	return STAT_SCOPE_TOTAL;
	case PANEL_AGENT_GRID:	return STAT_SCOPE_AGENT;
	case PANEL_SERVICE_GRID: return STAT_SCOPE_SERVICE;
	case PANEL_TICKER:	break;
	}
	return STAT_SCOPE_ANY;
}

/* Look a statistic up; report it unknown, or warn that it was renamed. */
static const struct stat_info *find_stat(struct load *ld, const struct catalog *cat,
					 const char *name, int line, const char *where)
{
	const struct stat_info *info = catalog_find(cat, name);

	if (info == NULL) {
		error_at(ld, line, "unknown statistic \"%s\"%s (not in the %s catalogue)",
			 name, where, cat->provider);
	} else if (info->flags & STAT_RENAMED) {
		warn_at(ld, line, "statistic \"%s\" is renamed to \"%s\"", name,
			info->renamed_to ? info->renamed_to : "?");
	}
	return info;
}

/* The statistic of a column: catalogue entry, or SUM; false if unusable. */
static bool column_stat(struct load *ld, const struct catalog *cat, int kind,
			struct column *c, const struct node *n)
{
	const struct capval *v = given(n, C_STAT);

	if (v == NULL) {
		error_at(ld, n->line, "column \"%s\" has no stat", c->id);
		return false;
	}
	c->stat = xstrdup(v->str);
	if (strcmp(c->stat, "SUM") == 0) {
		if (kind == PANEL_TOTALS)
			error_at(ld, v->line, "stat \"SUM\" is not available in a totals panel "
				 "(only grids add statistics up)");
		return true;
	}
	if (cat == NULL)
		return false;
	c->info = find_stat(ld, cat, c->stat, v->line, "");
	if (c->info != NULL && kind >= 0 && !(c->info->scope & scope_of(kind)))
		warn_at(ld, v->line, "statistic \"%s\" is not available in %s %s "
			"panel in the %s catalogue", c->stat,
			article(panel_kind_name(kind)), panel_kind_name(kind),
			cat->provider);
	return c->info != NULL;
}

/* SUM's list of statistics; sum without SUM. */
static void column_sum(struct load *ld, const struct catalog *cat, int kind,
		       struct column *c, const struct node *n)
{
	const struct capval *v = given(n, C_SUM);
	bool is_sum = c->stat != NULL && strcmp(c->stat, "SUM") == 0;

	if (is_sum && v == NULL && kind != PANEL_TOTALS)
		error_at(ld, n->v[C_STAT].line, "stat \"SUM\" needs sum = {...}, "
			 "the statistics to add up");
	if (v == NULL)
		return;
	if (!is_sum) {
		error_at(ld, v->line, "sum needs stat = \"SUM\"");
		return;
	}
	c->sum_stats = list_dup(v, &c->nsum);
	for (size_t i = 0; cat != NULL && i < v->n; i++) {
		const struct stat_info *info =
			find_stat(ld, cat, v->list[i], v->lines[i], " in sum");
		if (info != NULL && !fmt_measures(fmt_for_kind(info->kind)))
			error_at(ld, v->lines[i], "statistic \"%s\" in sum is not a number "
				 "(it is %s)", v->list[i], catalog_kind_name(info->kind));
	}
}

/* Dispositions: only for a dispositions statistic. */
static void column_dispositions(struct load *ld, struct column *c,
				const struct node *n)
{
	const struct capval *v = given(n, C_DISPOSITIONS);

	if (v == NULL || c->stat == NULL)
		return;
	if (strcmp(c->stat, "SUM") == 0 || !is_dispositions_stat(c->stat)) {
		error_at(ld, v->line, "dispositions need a dispositions statistic "
			 "(such as calls_dispositions_per_day), not \"%s\"", c->stat);
		return;
	}
	c->dispositions = list_dup(v, &c->ndisp);
}

/* Format, alignment and percent scale, explicit or from the statistic. */
static void column_format(struct load *ld, struct column *c, const struct node *n)
{
	const struct capval *v;
	int i;

	c->fmt = c->info ? fmt_for_kind(c->info->kind) : FMT_COUNT;
	if (c->info == NULL && c->stat != NULL && strcmp(c->stat, "SUM") != 0)
		c->fmt = FMT_TEXT;	/* unknown statistic: already an error */
	if ((v = given(n, C_FORMAT)) != NULL &&
	    parse_word(ld, v, "format", fmt_names, WB_ARRAY_LEN(fmt_names), &i) &&
	    i != FMT_AUTO)
		c->fmt = (enum fmt)i;
	c->align = align_for_fmt(c->fmt);
	if ((v = given(n, C_ALIGN)) != NULL &&
	    parse_word(ld, v, "align", align_names, WB_ARRAY_LEN(align_names), &i) &&
	    i != ALIGN_AUTO)
		c->align = (enum align)i;
	c->ticks = c->info && (c->info->flags & STAT_TICKS);
	c->pct_scale = c->info && c->info->pct_scale != 0 ? c->info->pct_scale : 1;
	if ((v = given(n, C_SCALE)) == NULL)
		return;
	if (c->fmt != FMT_PERCENT)
		error_at(ld, v->line, "scale applies only to percent columns, "
			 "\"%s\" is %s", c->id, fmt_name(c->fmt));
	else if (!isfinite(v->fnum) || v->fnum <= 0)
		error_at(ld, v->line, "scale must be more than 0");
	else
		c->pct_scale = v->fnum;
}

/* A threshold value: a finite number. */
static bool threshold_value(struct load *ld, const struct capval *v,
			    const char *opt, bool *has, double *out)
{
	if (v == NULL)
		return true;
	if (!isfinite(v->fnum)) {
		error_at(ld, v->line, "%s must be a number", opt);
		return false;
	}
	*has = true;
	*out = v->fnum;
	return true;
}

/* Which way is bad: explicit, else from warn and crit; checked for sense. */
static void threshold_direction(struct load *ld, struct threshold *th,
				const struct node *n)
{
	const struct capval *bad = given(n, C_BAD);
	int line = bad ? bad->line : n->v[th->has_crit ? C_CRIT : C_WARN].line;
	int i;

	th->high_is_bad = !(th->has_warn && th->has_crit) || th->crit > th->warn;
	if (th->has_warn && th->has_crit && th->warn == th->crit) {
		error_at(ld, line, "warn and crit are both %g: crit must be beyond warn",
			 th->warn);
		return;
	}
	if (bad == NULL ||
	    !parse_word(ld, bad, "bad", bad_names, WB_ARRAY_LEN(bad_names), &i))
		return;
	th->high_is_bad = i == 0;
	if (th->has_warn && th->has_crit && th->high_is_bad && th->crit < th->warn)
		error_at(ld, line, "bad = high needs crit above warn (warn %g, crit %g)",
			 th->warn, th->crit);
	else if (th->has_warn && th->has_crit && !th->high_is_bad &&
		 th->crit > th->warn)
		error_at(ld, line, "bad = low needs crit below warn (warn %g, crit %g)",
			 th->warn, th->crit);
}

/* warn, crit and bad. */
static void column_thresholds(struct load *ld, struct column *c,
			      const struct node *n, bool fmt_known)
{
	struct threshold *th = &c->th;
	const struct capval *warn = given(n, C_WARN), *crit = given(n, C_CRIT);
	const struct capval *bad = given(n, C_BAD);

	th->high_is_bad = true;
	if (warn == NULL && crit == NULL) {
		if (bad != NULL)
			error_at(ld, bad->line, "bad needs warn or crit");
		return;
	}
	if (fmt_known && !fmt_measures(c->fmt)) {
		error_at(ld, (warn ? warn : crit)->line, "thresholds need a numeric "
			 "column (count, duration, percent or decimal), \"%s\" is %s",
			 c->id, fmt_name(c->fmt));
		return;
	}
	if (threshold_value(ld, warn, "warn", &th->has_warn, &th->warn) &&
	    threshold_value(ld, crit, "crit", &th->has_crit, &th->crit))
		threshold_direction(ld, th, n);
}

/* Split "value=role" (at the last '=', blanks around either part dropped). */
static bool split_state(const char *entry, char **value, char **role)
{
	const char *eq = strrchr(entry, '=');
	const char *a = entry, *b, *e;

	if (eq == NULL)
		return false;
	while (*a == ' ' || *a == '\t')
		a++;
	e = eq;
	while (e > a && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*value = xstrndup(a, (size_t)(e - a));
	b = eq + 1;
	while (*b == ' ' || *b == '\t')
		b++;
	e = b + strlen(b);
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*role = xstrndup(b, (size_t)(e - b));
	return true;
}

/* One states entry into c->states; false (reported) when it is bad. */
static bool state_entry(struct load *ld, struct column *c, const char *entry,
			int line)
{
	char choices[160];
	char *value, *role;
	enum role r;

	if (!split_state(entry, &value, &role)) {
		error_at(ld, line, "states entry \"%s\" has no '=' (write value=role)",
			 entry);
		return false;
	}
	if (!role_parse(role, &r)) {
		error_at(ld, line, "unknown role \"%s\" in states (%s)", role,
			 name_choices(choices, sizeof(choices), role_names,
				      WB_ARRAY_LEN(role_names)));
		free(value);
		free(role);
		return false;
	}
	free(role);
	for (size_t i = 0; i < c->nstates; i++) {
		if (strcasecmp(c->states[i].value, value) == 0) {
			error_at(ld, line, "states gives \"%s\" twice", value);
			free(value);
			return false;
		}
	}
	c->states[c->nstates].value = value;
	c->states[c->nstates++].role = r;
	return true;
}

/* The states map: text values -> roles. */
static void column_states(struct load *ld, struct column *c, const struct node *n,
			  bool fmt_known)
{
	const struct capval *v = given(n, C_STATES);

	if (v == NULL)
		return;
	if (fmt_known && c->fmt != FMT_TEXT && c->fmt != FMT_STATE) {
		error_at(ld, v->line, "states need a text or state column, \"%s\" is %s",
			 c->id, fmt_name(c->fmt));
		return;
	}
	c->states = xcalloc(v->n, sizeof(*c->states));
	for (size_t i = 0; i < v->n; i++)
		state_entry(ld, c, v->list[i], v->lines[i]);
}

/* Build one column of a panel of kind (-1: unknown kind). */
static void build_column(struct load *ld, const struct catalog *cat, int kind,
			 struct column *c, struct node *n)
{
	const struct capval *v;
	bool stat_ok;

	c->id = xstrdup(n->title ? n->title : "");
	c->line = n->line;
	check_id(ld, n->line, "column", c->id);
	if (kind >= 0 && kind != PANEL_TICKER)
		check_applies(ld, n, (enum panel_kind)kind);
	c->title = xstrdup((v = given(n, C_TITLE)) ? v->str : c->id);
	stat_ok = column_stat(ld, cat, kind, c, n);
	if ((v = given(n, C_WIDTH)) != NULL) {
		if (v->num < 0 || v->num > MAX_COLUMN_WIDTH)
			error_at(ld, v->line, "width must be 0 (from the format) to %d cells",
				 MAX_COLUMN_WIDTH);
		else
			c->width = (int)v->num;
	}
	column_format(ld, c, n);
	stat_ok = stat_ok || given(n, C_FORMAT) != NULL;
	column_thresholds(ld, c, n, stat_ok);
	column_states(ld, c, n, stat_ok);
	column_sum(ld, cat, kind, c, n);
	column_dispositions(ld, c, n);
}

/* The index of the column with an id in p, or -1. */
static int column_index(const struct panel *p, const char *id)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (strcmp(p->cols[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* A column id named by an option (order_by, filter_by): must exist. */
static bool named_column(struct load *ld, const struct panel *p,
			 const struct capval *v, const char *opt, size_t *out)
{
	int i = column_index(p, v->str);

	if (i < 0) {
		error_at(ld, v->line, "%s \"%s\" names no column of panel \"%s\"",
			 opt, v->str, p->id);
		return false;
	}
	*out = (size_t)i;
	return true;
}

/* order_by and order_dir. */
static void panel_order(struct load *ld, struct panel *p, const struct node *n)
{
	const struct capval *by = given(n, P_ORDER_BY), *dir = given(n, P_ORDER_DIR);
	int i;

	if (dir != NULL && by == NULL)
		error_at(ld, dir->line, "order_dir needs order_by");
	if (dir != NULL &&
	    parse_word(ld, dir, "order_dir", dir_names, WB_ARRAY_LEN(dir_names), &i))
		p->order_desc = i == 1;
	if (by != NULL && named_column(ld, p, by, "order_by", &p->order_col))
		p->order_by = xstrdup(by->str);
}

/* filter_by, filter_operation, filter_value: all three or none. */
static void panel_filter(struct load *ld, struct panel *p, const struct node *n)
{
	const struct capval *by = given(n, P_FILTER_BY);
	const struct capval *op = given(n, P_FILTER_OP);
	const struct capval *val = given(n, P_FILTER_VALUE);
	const struct column *c;
	bool ok = true;
	int i = 0;
	double d;

	if (by == NULL) {
		if (op != NULL)
			error_at(ld, op->line, "filter_operation needs filter_by");
		if (val != NULL)
			error_at(ld, val->line, "filter_value needs filter_by");
		return;
	}
	if (op == NULL || val == NULL) {
		error_at(ld, by->line, "filter_by needs %s", op == NULL && val == NULL ?
			 "filter_operation and filter_value" :
			 op == NULL ? "filter_operation" : "filter_value");
		ok = false;
	}
	if (op != NULL && !parse_word(ld, op, "filter_operation", op_names,
				      WB_ARRAY_LEN(op_names), &i))
		ok = false;
	if (!named_column(ld, p, by, "filter_by", &p->filter.col) || !ok)
		return;
	c = &p->cols[p->filter.col];
	if (fmt_numeric(c->fmt) && !parse_double(val->str, &d)) {
		error_at(ld, val->line, "filter_value \"%s\" is not a number "
			 "(column \"%s\" is %s)", val->str, c->id, fmt_name(c->fmt));
		return;
	}
	p->filter.set = true;
	p->filter.op = (enum cmp_op)i;
	p->filter.column = xstrdup(by->str);
	p->filter.value = xstrdup(val->str);
}

/* limit, teams, services, logged_in_only, match. */
static void panel_selection(struct load *ld, struct panel *p, const struct node *n)
{
	const struct capval *v;

	if ((v = given(n, P_LIMIT)) != NULL) {
		if (v->num < 0 || v->num > 100000)
			error_at(ld, v->line, "limit must be 0 (no limit) to 100000");
		else
			p->limit = (int)v->num;
	}
	if (p->kind == PANEL_TICKER)
		p->limit = p->msg_limit = v != NULL ? p->limit : DEFAULT_MSG_LIMIT;
	p->teams = list_dup(given(n, P_TEAMS), &p->nteams);
	p->services = list_dup(given(n, P_SERVICES), &p->nservices);
	if ((v = given(n, P_LOGGED_IN_ONLY)) != NULL)
		p->logged_in_only = v->flag;
	if ((v = given(n, P_MATCH)) != NULL && v->str[0] != '\0')
		p->msg_filter = xstrdup(v->str);
}

/* The type of a panel, or -1 (reported) when missing or unknown. */
static int panel_type(struct load *ld, const struct panel *p, const struct node *n)
{
	const struct capval *v = given(n, P_TYPE);
	int i;

	if (v == NULL) {
		error_at(ld, n->line, "panel \"%s\" has no type (totals, agent_grid, "
			 "service_grid or ticker)", p->id);
		return -1;
	}
	if (!parse_word(ld, v, "panel type", kind_names, WB_ARRAY_LEN(kind_names), &i))
		return -1;
	return i;
}

/* Columns: built, unique, and present exactly where the kind wants them. */
static void panel_columns(struct load *ld, const struct catalog *cat, int kind,
			  struct panel *p, struct node *n)
{
	p->cols = n->nkids ? xcalloc(n->nkids, sizeof(*p->cols)) : NULL;
	for (size_t i = 0; i < n->nkids; i++) {
		struct column *c = &p->cols[p->ncols];
		build_column(ld, cat, kind, c, &n->kids[i]);
		for (size_t j = 0; j < p->ncols; j++)
			if (strcmp(p->cols[j].id, c->id) == 0) {
				error_at(ld, c->line, "duplicate column id \"%s\" in panel "
					 "\"%s\" (first at line %d)", c->id, p->id,
					 p->cols[j].line);
				break;
			}
		p->ncols++;
		if (kind == PANEL_TICKER)
			error_at(ld, c->line, "a ticker has no columns: remove column "
				 "\"%s\" from panel \"%s\"", c->id, p->id);
	}
	if (kind >= 0 && kind != PANEL_TICKER && p->ncols == 0)
		error_at(ld, n->line, "%s panel \"%s\" has no columns",
			 panel_kind_name((enum panel_kind)kind), p->id);
	if (kind == PANEL_TICKER && cat != NULL && !cat->messages)
		error_at(ld, n->line, "ticker panel \"%s\": provider %s sends no "
			 "chat messages", p->id, cat->provider);
}

/* Build one panel. */
static void build_panel(struct load *ld, const struct catalog *cat,
			struct panel *p, struct node *n)
{
	const struct capval *v;
	int kind;

	p->id = xstrdup(n->title ? n->title : "");
	p->line = n->line;
	check_id(ld, n->line, "panel", p->id);
	p->title = xstrdup((v = given(n, P_TITLE)) ? v->str : p->id);
	p->width = relative_size(ld, given(n, P_WIDTH), "width");
	kind = panel_type(ld, p, n);
	if (kind >= 0) {
		p->kind = (enum panel_kind)kind;
		check_applies(ld, n, p->kind);
	}
	panel_columns(ld, cat, kind, p, n);
	if (kind < 0)
		return;
	panel_order(ld, p, n);
	panel_filter(ld, p, n);
	panel_selection(ld, p, n);
}

/* Build one row and its panels (appended to l->panels). */
static void build_row(struct load *ld, const struct catalog *cat,
		      struct layout *l, struct layout_row *r, struct node *n)
{
	r->height = relative_size(ld, given(n, R_HEIGHT), "height");
	r->first = l->npanels;
	for (size_t i = 0; i < n->nkids; i++) {
		struct panel *p = &l->panels[l->npanels++];
		build_panel(ld, cat, p, &n->kids[i]);
		for (size_t j = 0; j < l->npanels - 1; j++)
			if (strcmp(l->panels[j].id, p->id) == 0) {
				error_at(ld, p->line, "duplicate panel id \"%s\" "
					 "(first at line %d)", p->id, l->panels[j].line);
				break;
			}
	}
	r->npanels = l->npanels - r->first;
	if (r->npanels == 0)
		error_at(ld, n->line, "row has no panels");
}

/* title, key, rotate. */
static void layout_head(struct load *ld, struct layout *l, const struct node *n)
{
	const struct capval *v;

	if ((v = given(n, L_TITLE)) == NULL || v->str[0] == '\0')
		error_at(ld, v ? v->line : 1, "layout has no title (title = \"...\")");
	else
		l->title = xstrdup(v->str);
	if ((v = given(n, L_KEY)) != NULL) {
		if (v->num < 1 || v->num > 9)
			error_at(ld, v->line, "key %ld is not 1..9", v->num);
		else
			l->key = (int)v->num;
	}
	if ((v = given(n, L_ROTATE)) != NULL) {
		if (!isfinite(v->fnum) || v->fnum < 0)
			error_at(ld, v->line, "rotate must be 0 (the default) or more seconds");
		else
			l->rotate = v->fnum;
	}
}

/* The provider and its catalogue; NULL (reported) when there is none. */
static const struct catalog *layout_provider(struct load *ld, struct layout *l,
					     const struct node *n)
{
	const struct capval *v = given(n, L_PROVIDER);
	int line = v ? v->line : 1;
	const struct catalog *cat;

	l->provider = xstrdup(v ? v->str : catalog_default_provider());
	cat = catalog_for(l->provider);
	if (cat == NULL)
		error_at(ld, line, "unknown provider \"%s\" (no statistic catalogue "
			 "for it)", l->provider);
	if (ld->want_provider != NULL && strcmp(ld->want_provider, l->provider) != 0)
		error_at(ld, line, "layout is written for provider %s, the data source "
			 "is %s", l->provider, ld->want_provider);
	return cat;
}

/* The model of a parsed file; problems go to ld. */
static struct layout *build_layout(struct load *ld, struct node *root)
{
	struct layout *l = xcalloc(1, sizeof(*l));
	const struct catalog *cat;
	size_t npanels = 0;

	l->file = xstrdup(ld->path);
	layout_head(ld, l, root);
	cat = layout_provider(ld, l, root);
	for (size_t i = 0; i < root->nkids; i++)
		npanels += root->kids[i].nkids;
	l->panels = npanels ? xcalloc(npanels, sizeof(*l->panels)) : NULL;
	l->rows = root->nkids ? xcalloc(root->nkids, sizeof(*l->rows)) : NULL;
	for (size_t i = 0; i < root->nkids; i++)
		build_row(ld, cat, l, &l->rows[l->nrows++], &root->kids[i]);
	if (root->nkids == 0)
		error_at(ld, 1, "layout has no panels (add row { panel \"id\" { ... } })");
	return l;
}

/* ---- loading --------------------------------------------------------- */

/* The whole file as a string; NULL (reported) when it cannot be read. */
static char *read_text(struct load *ld, const char *path)
{
	struct buf b;

	if (!read_file(path, MAX_FILE_SIZE, &b)) {
		if (errno == EFBIG)
			error_at(ld, 0, "file is larger than %d bytes: not a layout",
				 MAX_FILE_SIZE);
		else
			error_at(ld, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (strlen(b.data) != b.len) {
		error_at(ld, 0, "file contains a NUL byte: not a layout");
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* Free what a load holds besides its diagnostics. */
static void load_free(struct load *ld)
{
	for (size_t i = 0; i < ld->nclosings; i++) {
		free(ld->closings[i].name);
		free(ld->closings[i].title);
	}
	free(ld->closings);
	free(ld->cstart);
}

struct layout *layout_load(const char *path, const char *provider,
			   struct errlist *errs, struct errlist *warns)
{
	struct load ld;
	struct layout *l = NULL;
	struct node *root;
	char *text;

	memset(&ld, 0, sizeof(ld));
	ld.path = path;
	ld.want_provider = provider;
	text = read_text(&ld, path);
	if (text != NULL && ld.nerrors == 0) {
		prescan(&ld, text);
		root = parse(&ld, text);
		if (root != NULL) {
			l = build_layout(&ld, root);
			node_clear(root);
			free(root);
		}
	}
	free(text);
	load_free(&ld);
	if (ld.nerrors > 0) {
		layout_free(l);
		l = NULL;
	}
	diag_flush(&ld, errs, warns);
	return l;
}


/* Free what a column holds. */
static void column_free(struct column *c)
{
	free(c->id);
	free(c->stat);
	free(c->title);
	for (size_t i = 0; i < c->nstates; i++)
		free(c->states[i].value);
	free(c->states);
	strv_free(c->sum_stats, c->nsum);
	strv_free(c->dispositions, c->ndisp);
}

/* Free what a panel holds. */
static void panel_free(struct panel *p)
{
	free(p->id);
	free(p->title);
	for (size_t i = 0; i < p->ncols; i++)
		column_free(&p->cols[i]);
	free(p->cols);
	free(p->order_by);
	free(p->filter.column);
	free(p->filter.value);
	strv_free(p->teams, p->nteams);
	strv_free(p->services, p->nservices);
	free(p->msg_filter);
}

void layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->file);
	free(l->title);
	free(l->provider);
	for (size_t i = 0; i < l->npanels; i++)
		panel_free(&l->panels[i]);
	free(l->panels);
	free(l->rows);
	free(l);
}

/* ---- the set of loaded layouts --------------------------------------- */

/* Two layouts with one key, or for different providers: report them. */
static bool set_check(struct layout **layouts, size_t n, struct errlist *errs)
{
	bool ok = true;

	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (layouts[i]->key == 0 || layouts[i]->key != layouts[j]->key)
				continue;
			errlist_add(errs, "%s: key %d is also the key of %s",
				    layouts[i]->file, layouts[i]->key, layouts[j]->file);
			ok = false;
			break;
		}
		if (i > 0 && strcmp(layouts[i]->provider, layouts[0]->provider) != 0) {
			errlist_add(errs, "%s: layout is written for provider %s, %s for %s",
				    layouts[i]->file, layouts[i]->provider,
				    layouts[0]->file, layouts[0]->provider);
			ok = false;
		}
	}
	return ok;
}

/* Layouts without a key get the free keys in order (none left: no key). */
static void set_keys(struct layoutset *set)
{
	bool used[10] = { false };
	int next = 1;

	for (size_t i = 0; i < set->n; i++)
		used[set->layouts[i]->key] = true;
	for (size_t i = 0; i < set->n; i++) {
		if (set->layouts[i]->key != 0)
			continue;
		while (next <= 9 && used[next])
			next++;
		if (next > 9)
			break;
		set->layouts[i]->key = next;
		used[next] = true;
	}
}

/* A panel's service selection as one string: the names joined by '\n'. */
static char *services_key(const struct panel *p)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < p->nservices; i++) {
		if (i)
			buf_puts(&b, "\n");
		buf_puts(&b, p->services[i]);
	}
	return b.data;
}

/* The tid of a totals statistic over a selection, added when new. */
static size_t set_total(struct layoutset *set, const char *stat,
			const char *scope)
{
	for (size_t i = 0; i < set->ntotals; i++)
		if (strcmp(set->totals[i], stat) == 0 &&
		    strcmp(set->total_scopes[i], scope) == 0)
			return i;
	set->totals = xreallocarray(set->totals, set->ntotals + 1,
				    sizeof(*set->totals));
	set->total_scopes = xreallocarray(set->total_scopes, set->ntotals + 1,
					  sizeof(*set->total_scopes));
	set->totals[set->ntotals] = xstrdup(stat);
	set->total_scopes[set->ntotals] = xstrdup(scope);
	return set->ntotals++;
}

/* Number a totals panel's statistics and remember its app id and selection. */
static void set_totals_panel(struct layoutset *set, size_t li, struct panel *p)
{
	char *scope = services_key(p);

	for (size_t c = 0; c < p->ncols; c++)
		p->cols[c].tid = set_total(set, p->cols[c].stat, scope);
	set->total_apps = xreallocarray(set->total_apps, set->ntotal_apps + 1,
					sizeof(*set->total_apps));
	set->total_app_scopes = xreallocarray(set->total_app_scopes,
					      set->ntotal_apps + 1,
					      sizeof(*set->total_app_scopes));
	set->total_apps[set->ntotal_apps] = xasprintf("%zu-%s", li + 1, p->id);
	set->total_app_scopes[set->ntotal_apps++] = scope;
}

/* Number the grids and totals of one layout; note its tickers. */
static void set_panel(struct layoutset *set, size_t li, struct panel *p)
{
	struct grid_ref *g;

	switch (p->kind) {
	case PANEL_TOTALS:
		set_totals_panel(set, li, p);
		break;
	case PANEL_AGENT_GRID:
	case PANEL_SERVICE_GRID:
		set->grids = xreallocarray(set->grids, set->ngrids + 1,
					   sizeof(*set->grids));
		g = &set->grids[set->ngrids];
		g->layout = set->layouts[li];
		g->panel = p;
		g->layout_index = li;
		g->key = xasprintf("%zu-%s", li + 1, p->id);
		p->gid = set->ngrids++;
		break;
	case PANEL_TICKER:
		set->has_ticker = true;
		if (p->msg_limit > set->msg_limit)
			set->msg_limit = p->msg_limit;
		break;
	}
}

/*
 * The set takes the layouts (not the array, which it copies) only when it
 * succeeds; on failure they are still the caller's to free.
 */
struct layoutset *layoutset_new(struct layout **layouts, size_t n,
				struct errlist *errs)
{
	struct layoutset *set;

	if (!set_check(layouts, n, errs))
		return NULL;	/* the layouts stay the caller's */
	set = xcalloc(1, sizeof(*set));
	set->layouts = xcalloc(n, sizeof(*set->layouts));
	for (size_t i = 0; i < n; i++)
		set->layouts[i] = layouts[i];
	set->n = n;
	set_keys(set);
	for (size_t li = 0; li < n; li++)
		for (size_t i = 0; i < layouts[li]->npanels; i++)
			set_panel(set, li, &layouts[li]->panels[i]);
	set->catalog = n > 0 ? catalog_for(layouts[0]->provider) : NULL;
	return set;
}

void layoutset_free(struct layoutset *set)
{
	if (set == NULL)
		return;
	for (size_t i = 0; i < set->n; i++)
		layout_free(set->layouts[i]);
	free(set->layouts);
	for (size_t i = 0; i < set->ngrids; i++)
		free(set->grids[i].key);
	free(set->grids);
	strv_free(set->totals, set->ntotals);
	strv_free(set->total_scopes, set->ntotals);
	strv_free(set->total_apps, set->ntotal_apps);
	strv_free(set->total_app_scopes, set->ntotal_apps);
	free(set);
}
