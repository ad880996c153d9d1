/*
 * syntax.c - the parser of the syntax reader: tokens (syntax_lex.c) -> a
 * tree of nodes checked against a schema, by recursive descent.
 *
 *     body    := { item } ( "}" | end of file at the top level )
 *     item    := KEY ( "=" | "+=" ) value
 *              | KEY [ TITLE ] "{" body
 *     value   := VALUE | "{" [ VALUE { "," VALUE } ] "}"
 *
 * KEY is a word; TITLE and VALUE are words or strings. The schema says
 * which keys exist at each level and what they hold. What is wrong but
 * leaves the structure clear (an unknown key, a bad number, an option
 * given twice) is reported and the reading goes on, so that one pass
 * finds them all; what leaves it unclear (a missing "=", a string without
 * its end) is reported and stops it. An unknown section is read through
 * without a schema, so its contents add no noise.
 *
 * The depth of sections is bounded (SYNTAX_MAX_DEPTH), and with it the
 * recursion.
 */
#include "autoconf.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syntax.h"
#include "syntax_lex.h"

/* An open section, for messages: the innermost first, its parents up. */
struct frame {
	const char *name;		/* NULL: the top level */
	const char *title;
	int line;
	const struct syntax_key *keys;	/* NULL: a section being skipped */
	const struct frame *up;
};

struct parser {
	struct lexer lx;
	struct token tok;		/* the current token */
	struct syntax_diags *d;
	size_t nvalues;
	bool stop;			/* a fatal problem: unwind */
};

/* ---- tokens and problems --------------------------------------------- */

/* Move to the next token. */
static void advance(struct parser *p)
{
	lex_next(&p->lx, &p->tok);
	if (p->tok.type == TOK_STOP)
		p->stop = true;
}

/* A word or a string: what a value or a title may be. */
static bool tok_is_value(const struct parser *p)
{
	return p->tok.type == TOK_WORD || p->tok.type == TOK_STRING;
}

/* Report a problem that stops the reading (once: the first is the cause). */
static void WB_PRINTF(3, 4)
fatal(struct parser *p, int line, const char *fmt, ...)
{
	va_list ap;

	if (p->stop)
		return;
	va_start(ap, fmt);
	syntax_errorv(p->d, line, fmt, ap);
	va_end(ap);
	p->stop = true;
}

/* The current token, quoted for a message. */
static const char *tok_text(const struct parser *p, char *out, size_t size)
{
	return lex_describe(&p->tok, out, size);
}

/* Count one more value; false (reported) past the bound. */
static bool count_value(struct parser *p, int line)
{
	if (++p->nvalues <= SYNTAX_MAX_VALUES)
		return true;
	fatal(p, line,
	      "more than %d values (options, sections and list elements)",
	      SYNTAX_MAX_VALUES);
	return false;
}

/* " in panel \"q\"", " in row", or "" at the top level. */
static const char *frame_where(const struct frame *f, char *out, size_t size)
{
	if (f->name == NULL)
		out[0] = '\0';
	else if (f->title != NULL)
		snprintf(out, size, " in %s \"%.40s\"", f->name, f->title);
	else
		snprintf(out, size, " in %s", f->name);
	return out;
}

/* ---- the schema --------------------------------------------------------- */

/* The key called name in a level, or NULL. */
static const struct syntax_key *key_find(const struct syntax_key *keys,
					 const char *name)
{
	for (size_t i = 0; keys != NULL && keys[i].name != NULL; i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/*
 * The edit distance of a and b (insertions, deletions, substitutions and
 * swaps of neighbours), for names of at most 63 bytes.
 */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t d[64][64];

	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

/* The known key nearest to a misspelt name, if one is near enough. */
static const char *key_suggest(const struct syntax_key *keys, const char *name)
{
	size_t len = strlen(name), best = 1 + len / 5;
	const char *found = NULL;

	if (len >= 64)
		return NULL;
	for (size_t i = 0; keys[i].name != NULL; i++) {
		size_t dist = strlen(keys[i].name) < 64 ?
			      edit_distance(name, keys[i].name) : best + 1;
		if (dist <= best && (found == NULL || dist < best)) {
			best = dist;
			found = keys[i].name;
		}
	}
	return found;
}

/* The enclosing section (not f itself) whose level knows name, or NULL. */
static const struct frame *frame_knowing(const struct frame *f,
					 const char *name)
{
	for (const struct frame *up = f->up; up != NULL; up = up->up)
		if (key_find(up->keys, name) != NULL)
			return up;
	return NULL;
}

/*
 * Report a key the level does not have: with the nearest known key, or
 * with the hint that a brace is missing when it belongs further out, or
 * with the keys the level knows.
 */
static void report_unknown(struct parser *p, const struct frame *f,
			   const char *name, int line, bool option)
{
	const char *kind = option ? "option" : "section";
	const char *near = key_suggest(f->keys, name);
	char where[128];
	struct buf known;

	frame_where(f, where, sizeof(where));
	if (near != NULL) {
		syntax_error(p->d, line,
			     "unknown %s \"%s\"%s: did you mean \"%s\"?", kind,
			     name, where, near);
	} else if (f->name != NULL && frame_knowing(f, name) != NULL) {
		syntax_error(p->d, line,
			     "%s \"%s\" cannot be%s (opened at line %d): "
			     "is a \"}\" missing before it?",
			     kind, name, where, f->line);
	} else {
		buf_init(&known);
		buf_puts(&known, "");
		for (size_t i = 0; f->keys[i].name != NULL; i++)
			buf_printf(&known, "%s%s", i ? ", " : "",
				   f->keys[i].name);
		syntax_error(p->d, line, "unknown %s \"%s\"%s (known: %s)",
			     kind, name, where, known.data);
		buf_free(&known);
	}
}

/* ---- the tree -------------------------------------------------------- */

/* Free what a node holds (not the node). */
static void node_clear(struct syntax_node *n)
{
	free(n->title);
	free(n->str);
	strv_free(n->list, n->n);
	free(n->lines);
	for (size_t i = 0; i < n->nkids; i++)
		node_clear(&n->kids[i]);
	free(n->kids);
	memset(n, 0, sizeof(*n));
}

/* A new last child of sec (the array doubles as it fills). */
static struct syntax_node *node_add(struct syntax_node *sec)
{
	struct syntax_node *n;

	if ((sec->nkids & (sec->nkids - 1)) == 0)
		sec->kids = xreallocarray(sec->kids,
					  sec->nkids ? sec->nkids * 2 : 1,
					  sizeof(*sec->kids));
	n = &sec->kids[sec->nkids++];
	memset(n, 0, sizeof(*n));
	return n;
}

/* The option k already given in sec, or NULL. */
static struct syntax_node *option_in(struct syntax_node *sec,
				     const struct syntax_key *k)
{
	for (size_t i = 0; sec != NULL && i < sec->nkids; i++)
		if (sec->kids[i].key == k)
			return &sec->kids[i];
	return NULL;
}

/* ---- values --------------------------------------------------------- */

/* An integer: decimal, or hexadecimal after 0x; false for anything else. */
static bool parse_long(const char *s, long *out)
{
	const char *digits = s + (*s == '+' || *s == '-');
	bool hex = digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
	char *end;

	if (!(hex ? isxdigit((unsigned char)digits[2]) :
		    isdigit((unsigned char)digits[0])))
		return false;
	errno = 0;
	*out = strtol(s, &end, hex ? 16 : 10);
	return *end == '\0' && errno != ERANGE;
}

/* A boolean word, in any case; false for anything else. */
static bool parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };

	for (size_t i = 0; i < WB_ARRAY_LEN(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0 || strcasecmp(s, no[i]) == 0) {
			*out = strcasecmp(s, yes[i]) == 0;
			return true;
		}
	}
	return false;
}

/* The current token as the value of a single-valued option n. */
static void take_scalar(struct parser *p, struct syntax_node *n)
{
	const struct syntax_key *k = n->key;
	const char *s = p->tok.text.data;
	const char *takes = NULL;

	switch (k->type) {
	case SYNTAX_STR:
		n->str = xstrdup(s);
		break;
	case SYNTAX_INT:
		if (!parse_long(s, &n->num))
			takes = "an integer";
		break;
	case SYNTAX_FLOAT:
		if (!parse_double(s, &n->fnum))
			takes = "a finite number";
		break;
	case SYNTAX_BOOL:
		if (!parse_bool(s, &n->flag))
			takes = "true or false (yes/no, on/off)";
		break;
	case SYNTAX_LIST:
	case SYNTAX_SECTION:
		break;
	}
	if (takes != NULL)
		syntax_error(p->d, p->tok.line,
			     "option \"%s\" takes %s, not \"%.40s\"", k->name,
			     takes, s);
}

/* Append one string, and its line, to a list node. */
static void list_add(struct syntax_node *n, const char *s, int line)
{
	if ((n->n & (n->n - 1)) == 0) {
		size_t cap = n->n ? n->n * 2 : 1;
		n->list = xreallocarray(n->list, cap, sizeof(*n->list));
		n->lines = xreallocarray(n->lines, cap, sizeof(*n->lines));
	}
	n->list[n->n] = xstrdup(s);
	n->lines[n->n++] = line;
}

/* A list value: "{" [ VALUE { "," VALUE } ] "}", or one VALUE alone. */
static void parse_list(struct parser *p, struct syntax_node *n)
{
	char what[64];

	if (tok_is_value(p)) {
		if (count_value(p, p->tok.line))
			list_add(n, p->tok.text.data, p->tok.line);
		advance(p);
		return;
	}
	advance(p);	/* the "{" */
	if (p->tok.type == TOK_RBRACE) {
		advance(p);
		return;
	}
	while (!p->stop) {
		if (!tok_is_value(p)) {
			fatal(p, p->tok.line,
			      "expected a value in the list of \"%s\", not %s",
			      n->key->name, tok_text(p, what, sizeof(what)));
			return;
		}
		if (!count_value(p, p->tok.line))
			return;
		list_add(n, p->tok.text.data, p->tok.line);
		advance(p);
		if (p->tok.type == TOK_RBRACE) {
			advance(p);
			return;
		}
		if (p->tok.type != TOK_COMMA) {
			fatal(p, p->tok.line,
			      "expected \",\" or \"}\" in the list of \"%s\", "
			      "not %s",
			      n->key->name, tok_text(p, what, sizeof(what)));
			return;
		}
		advance(p);
	}
}

/* The value of option n after its "=" or "+=". */
static void parse_value(struct parser *p, struct syntax_node *n)
{
	char what[64];

	if (n->key->type == SYNTAX_LIST &&
	    (p->tok.type == TOK_LBRACE || tok_is_value(p))) {
		parse_list(p, n);
	} else if (p->tok.type == TOK_LBRACE) {
		struct syntax_key lk = { .name = n->key->name,
					 .type = SYNTAX_LIST };
		struct syntax_node dropped = { .key = &lk };
		syntax_error(p->d, p->tok.line,
			     "option \"%s\" takes one value, not a list",
			     n->key->name);
		parse_list(p, &dropped);
		node_clear(&dropped);
	} else if (tok_is_value(p)) {
		take_scalar(p, n);
		advance(p);
	} else {
		fatal(p, p->tok.line, "expected a value for \"%s\", not %s",
		      n->key->name, tok_text(p, what, sizeof(what)));
	}
}

/* ---- sections -------------------------------------------------------- */

static void parse_body(struct parser *p, const struct frame *f,
		       struct syntax_node *into, int depth);

/*
 * Option k of line after its name: "=" or "+=", then its value, into
 * the section into (NULL: read and drop).
 */
static void parse_option(struct parser *p, const struct syntax_key *k,
			 struct syntax_node *into, int line)
{
	bool append = p->tok.type == TOK_PLUSEQ;
	struct syntax_node scratch = { .key = k, .line = line };
	struct syntax_node *n = option_in(into, k);

	if (p->tok.type != TOK_EQ && !append) {
		fatal(p, line, "missing \"=\" after option \"%s\"", k->name);
		return;
	}
	advance(p);
	if (append && k->type != SYNTAX_LIST)
		syntax_error(p->d, line,
			     "\"+=\" appends to a list, and option \"%s\" is "
			     "not one",
			     k->name);
	if (n != NULL && !(append && k->type == SYNTAX_LIST)) {
		syntax_error(p->d, line,
			     "option \"%s\" is given twice (first at line %d)",
			     k->name, n->line);
		n = NULL;
	} else if (n == NULL && into != NULL && count_value(p, line)) {
		n = node_add(into);
		n->key = k;
		n->line = line;
	}
	parse_value(p, n != NULL ? n : &scratch);
	node_clear(&scratch);
}

/*
 * A section called name at line, after its name: its title, "{" and
 * body. k is its key (NULL: unknown, read and dropped); into the section
 * that gets it (NULL: dropped).
 */
static void parse_section(struct parser *p, const struct frame *f,
			  const struct syntax_key *k, const char *name,
			  int line, struct syntax_node *into, int depth)
{
	struct syntax_node n = { .key = k, .line = line };
	struct frame sub = { name, NULL, line, k ? k->keys : NULL, f };
	char what[64];

	if (tok_is_value(p)) {
		n.title = xstrdup(p->tok.text.data);
		advance(p);
		if (k != NULL && !k->titled)
			syntax_error(p->d, line,
				     "section \"%s\" takes no title", name);
	} else if (k != NULL && k->titled) {
		syntax_error(p->d, line,
			     "section \"%s\" needs a title: %s \"...\" { ... }",
			     name, name);
	}
	sub.title = n.title;
	if (p->tok.type != TOK_LBRACE)
		fatal(p, p->tok.line, "expected \"{\" after \"%s\", not %s",
		      name, tok_text(p, what, sizeof(what)));
	else if (depth >= SYNTAX_MAX_DEPTH)
		fatal(p, line, "sections nested deeper than %d",
		      SYNTAX_MAX_DEPTH);
	if (!p->stop && into != NULL && k != NULL)
		count_value(p, line);
	if (!p->stop) {
		advance(p);
		parse_body(p, &sub, into != NULL && k != NULL ? &n : NULL,
			   depth + 1);
	}
	if (into != NULL && k != NULL && !p->stop)
		*node_add(into) = n;
	else
		node_clear(&n);
}

/* One item of a body: a key and what follows it. */
static void parse_item(struct parser *p, const struct frame *f,
		       struct syntax_node *into, int depth)
{
	char *name = xstrdup(p->tok.text.data);
	int line = p->tok.line;
	const struct syntax_key *k = key_find(f->keys, name);
	bool option;

	advance(p);
	option = p->tok.type == TOK_EQ || p->tok.type == TOK_PLUSEQ;
	if (k == NULL && f->keys != NULL && !p->stop)
		report_unknown(p, f, name, line, option);
	if (k != NULL && k->type != SYNTAX_SECTION)
		parse_option(p, k, into, line);
	else if (k != NULL || !option)
		parse_section(p, f, k, name, line, into, depth);
	else
		parse_option(p, &(const struct syntax_key){ .name = name,
				 .type = SYNTAX_LIST }, NULL, line);
	free(name);
}

/* Items up to the "}" of section f (the end of the text at the top). */
static void parse_body(struct parser *p, const struct frame *f,
		       struct syntax_node *into, int depth)
{
	char what[64];

	while (!p->stop && p->d->dropped == 0) {
		if (p->tok.type == TOK_WORD) {
			parse_item(p, f, into, depth);
		} else if (p->tok.type == TOK_RBRACE && f->name != NULL) {
			advance(p);
			return;
		} else if (p->tok.type == TOK_RBRACE) {
			syntax_error(p->d, p->tok.line,
				     "unexpected \"}\": no section is open");
			advance(p);
		} else if (p->tok.type == TOK_EOF && f->name != NULL) {
			if (f->title != NULL)
				fatal(p, f->line,
				      "section \"%s\" \"%.40s\" opened at line "
				      "%d has no closing brace",
				      f->name, f->title, f->line);
			else
				fatal(p, f->line,
				      "section \"%s\" opened at line %d has no "
				      "closing brace",
				      f->name, f->line);
		} else if (p->tok.type == TOK_EOF) {
			return;
		} else {
			fatal(p, p->tok.line, "expected an option name, not %s",
			      tok_text(p, what, sizeof(what)));
		}
	}
}

/* ---- entry points ---------------------------------------------------- */

/* The line of byte at in text. */
static int line_at(const char *text, const char *at)
{
	int line = 1;

	for (const char *s = text; s < at; s++)
		line += *s == '\n';
	return line;
}

struct syntax_node *syntax_parse(struct syntax_diags *d, const char *text,
				 size_t len, const struct syntax_key *keys,
				 unsigned flags)
{
	struct frame top = { NULL, NULL, 1, keys, NULL };
	struct syntax_node *root;
	struct parser p;
	const char *nul;

	if (len > SYNTAX_MAX_SIZE) {
		syntax_error(d, 0, "file is larger than %d bytes",
			     SYNTAX_MAX_SIZE);
		return NULL;
	}
	if ((nul = memchr(text, '\0', len)) != NULL) {
		syntax_error(d, line_at(text, nul),
			     "a NUL byte: not a text file");
		return NULL;
	}
	memset(&p, 0, sizeof(p));
	p.d = d;
	lex_init(&p.lx, d, text, len, flags);
	buf_init(&p.tok.text);
	root = xcalloc(1, sizeof(*root));
	root->line = 1;
	advance(&p);
	parse_body(&p, &top, root, 0);
	buf_free(&p.tok.text);
	if (d->nerrors > 0) {
		syntax_free(root);
		return NULL;
	}
	return root;
}

/* Open a file for reading without blocking; -1 (reported) if it is no file. */
static int open_regular(struct syntax_diags *d, const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;

	if (fd < 0) {
		syntax_error(d, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		syntax_error(d, 0, "not a regular file");
		close(fd);
		return -1;
	}
	if (st.st_size > SYNTAX_MAX_SIZE) {
		syntax_error(d, 0, "file is larger than %d bytes",
			     SYNTAX_MAX_SIZE);
		close(fd);
		return -1;
	}
	return fd;
}

struct syntax_node *syntax_parse_file(struct syntax_diags *d, const char *path,
				      const struct syntax_key *keys,
				      unsigned flags)
{
	struct syntax_node *root;
	struct buf b;
	int fd = open_regular(d, path);

	if (fd < 0)
		return NULL;
	if (!read_fd(fd, SYNTAX_MAX_SIZE, &b)) {
		if (errno == EFBIG)
			syntax_error(d, 0, "file is larger than %d bytes",
				     SYNTAX_MAX_SIZE);
		else
			syntax_error(d, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	root = syntax_parse(d, b.data, b.len, keys, flags);
	buf_free(&b);
	return root;
}

void syntax_free(struct syntax_node *root)
{
	if (root == NULL)
		return;
	node_clear(root);
	free(root);
}

/* The name of a child: its key's. */
static bool named(const struct syntax_node *n, const char *name)
{
	return n->key != NULL && strcmp(n->key->name, name) == 0;
}

const struct syntax_node *syntax_get(const struct syntax_node *sec,
				     const char *name)
{
	return syntax_next(sec, name, NULL);
}

const struct syntax_node *syntax_next(const struct syntax_node *sec,
				      const char *name,
				      const struct syntax_node *prev)
{
	size_t i = prev != NULL ? (size_t)(prev - sec->kids) + 1 : 0;

	for (; i < sec->nkids; i++)
		if (named(&sec->kids[i], name))
			return &sec->kids[i];
	return NULL;
}

size_t syntax_count(const struct syntax_node *sec, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < sec->nkids; i++)
		n += named(&sec->kids[i], name);
	return n;
}
