/*
 * syntax_lex.c - the lexer of the syntax reader: text -> tokens, with the
 * real line of each.
 *
 * It reads what libconfuse's lexer reads, so files written for it keep
 * their meaning: blanks and three kinds of comments between tokens;
 * words of any bytes but blanks and # " ' = { } ( ) + , * (a slash inside
 * a word is part of it: url = https://host); strings in double quotes
 * with C escapes, or in single quotes with \' and \\ only; a backslash
 * at the end of a line continues a string on the next. Unlike libconfuse
 * it counts every line once, refuses what libconfuse silently drops (a
 * stray character, an escape that makes a NUL), and expands ${VAR} only
 * when asked to (SYNTAX_ENV).
 *
 * A string or comment without its end is reported at the line where it
 * opened, and stops the reading (TOK_STOP), as does an unexpected
 * character or too many tokens.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax_lex.h"

void lex_init(struct lexer *lx, struct syntax_diags *d, const char *text,
	      size_t len, unsigned flags)
{
	memset(lx, 0, sizeof(*lx));
	lx->d = d;
	lx->p = text;
	lx->end = text + len;
	lx->line = 1;
	lx->flags = flags;
}

/* The byte at p + i, or '\0' past the end. */
static char peek(const struct lexer *lx, size_t i)
{
	return (size_t)(lx->end - lx->p) > i ? lx->p[i] : '\0';
}

/* All of the text is read. */
static bool at_end(const struct lexer *lx)
{
	return lx->p >= lx->end;
}

/* Report a problem that ends the reading. */
static void lex_fatal(struct lexer *lx, struct token *t, int line,
		      const char *msg)
{
	syntax_error(lx->d, line, "%s", msg);
	lx->stop = true;
	t->type = TOK_STOP;
}

/* Characters of an unquoted word (libconfuse's rule, '/' included). */
static bool word_char(char c)
{
	return c != '\0' && strchr(" \t\r\n#\"'={}()+,*", c) == NULL;
}

/* Skip blanks, newlines and comments; false (reported) at an open comment. */
static bool skip_space(struct lexer *lx, struct token *t)
{
	while (!at_end(lx)) {
		char c = *lx->p;
		if (c == ' ' || c == '\t' || c == '\r') {
			lx->p++;
		} else if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (c == '#' || (c == '/' && peek(lx, 1) == '/')) {
			while (!at_end(lx) && *lx->p != '\n')
				lx->p++;
		} else if (c == '/' && peek(lx, 1) == '*') {
			int line = lx->line;
			lx->p += 2;
			while (!at_end(lx) &&
			       !(*lx->p == '*' && peek(lx, 1) == '/'))
				if (*lx->p++ == '\n')
					lx->line++;
			if (at_end(lx)) {
				lex_fatal(
					lx, t, line,
					"comment \"/*\" has no closing \"*/\"");
				return false;
			}
			lx->p += 2;
		} else {
			return true;
		}
	}
	return true;
}

/*
 * The value of "${NAME}" or "${NAME:-default}" at p (len bytes, braces
 * included) into out: the variable, else the default, else nothing.
 */
static void expand_env(const char *p, size_t len, struct buf *out)
{
	char *name = xstrndup(p + 2, len - 3);
	char *dflt = strstr(name, ":-");
	const char *v;

	if (dflt != NULL) {
		*dflt = '\0';
		dflt += 2;
	}
	v = getenv(name);
	if (v == NULL)
		v = dflt;
	if (v != NULL)
		buf_puts(out, v);
	free(name);
}

/*
 * The length of "${...}" at the lexer's position, or 0: a closing brace
 * before the end of the line or of a string.
 */
static size_t env_length(const struct lexer *lx)
{
	size_t i = 2;

	if (peek(lx, 0) != '$' || peek(lx, 1) != '{')
		return 0;
	while (peek(lx, i) != '\0' && strchr("}\"\n", peek(lx, i)) == NULL)
		i++;
	return peek(lx, i) == '}' ? i + 1 : 0;
}

/* "${...}" in a double-quoted string or alone: expanded, or kept as text. */
static void lex_env(struct lexer *lx, size_t len, struct buf *out)
{
	if (lx->flags & SYNTAX_ENV)
		expand_env(lx->p, len, out);
	else
		buf_append(out, lx->p, len);
	lx->p += len;
}

/* The value of a digit in base (8, 10 or 16), or -1. */
static int digit(char c, int base)
{
	int v = c >= '0' && c <= '9' ? c - '0' :
		c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

	return v < base ? v : -1;
}

/*
 * A numeric escape, after the backslash: x and one or two hex digits, or
 * up to three octal digits (a longer run of digits, or an 8 or 9, is
 * refused, as libconfuse refuses it). The byte, or -1 (reported); *n is
 * how many characters it took.
 */
static int numeric_escape(struct lexer *lx, size_t *n)
{
	size_t run = 0;
	int v = 0;

	if (*lx->p == 'x') {
		*n = digit(peek(lx, 2), 16) >= 0 ? 3 : 2;
		for (size_t i = 1; i < *n; i++)
			v = v * 16 + digit(peek(lx, i), 16);
	} else {
		while (peek(lx, run) >= '0' && peek(lx, run) <= '9')
			run++;
		*n = run;
		for (size_t i = 0; i < run && i < 3 && v >= 0; i++)
			v = digit(peek(lx, i), 8) < 0
				    ? -1
				    : v * 8 + digit(peek(lx, i), 8);
		if (run > 3 || v < 0 || v > 0xff) {
			syntax_error(lx->d, lx->line,
				     "bad escape \"\\%.*s\" in a string "
				     "(octal runs from \\1 to \\377)",
				     (int)(run < 8 ? run : 8), lx->p);
			return -1;
		}
	}
	if (v == 0) {
		syntax_error(lx->d, lx->line,
			     "escape \"\\%.*s\" in a string makes a NUL byte",
			     (int)*n, lx->p);
		return -1;
	}
	return v;
}

/*
 * A backslash escape of a double-quoted string, after the backslash: its
 * byte into out. \n \t \r \b \f \a \e \v, octal, hex; any other character
 * stands for itself (\" \' \\).
 */
static void lex_escape(struct lexer *lx, struct buf *out)
{
	static const char from[] = "ntrbfaev";
	static const char to[] = "\n\t\r\b\f\a\033\v";
	const char *m;
	size_t n = 1;
	int v = (unsigned char)*lx->p;
	char c;

	if (digit(*lx->p, 10) >= 0 ||
	    (*lx->p == 'x' && digit(peek(lx, 1), 16) >= 0))
		v = numeric_escape(lx, &n);
	else if ((m = strchr(from, *lx->p)) != NULL)
		v = (unsigned char)to[m - from];
	lx->p += n;
	c = (char)v;
	if (v >= 0)
		buf_append(out, &c, 1);
}

/* A quoted string, the quote at the lexer's position; false at its end. */
static bool lex_string(struct lexer *lx, struct token *t)
{
	char q = *lx->p++;
	size_t env;

	t->type = TOK_STRING;
	while (!at_end(lx) && *lx->p != q) {
		char c = *lx->p;
		if (c == '\\' && peek(lx, 1) == '\n') {
			lx->line++;
			lx->p += 2;
		} else if (c == '\\' && peek(lx, 1) != '\0' && q == '"') {
			lx->p++;
			lex_escape(lx, &t->text);
		} else if (c == '\\' &&
			   (peek(lx, 1) == '\\' || peek(lx, 1) == '\'')) {
			buf_append(&t->text, lx->p + 1, 1);
			lx->p += 2;
		} else if (q == '"' && (env = env_length(lx)) > 0) {
			lex_env(lx, env, &t->text);
		} else {
			if (c == '\n')
				lx->line++;
			buf_append(&t->text, lx->p++, 1);
		}
	}
	if (at_end(lx)) {
		lex_fatal(lx, t, t->line,
			  q == '"' ? "string has no closing '\"'"
				   : "string has no closing \"'\"");
		return false;
	}
	lx->p++;
	return true;
}

/* One of { } = , += at the lexer's position, or false. */
static bool lex_punct(struct lexer *lx, struct token *t)
{
	static const char singles[] = "{}=,";
	static const enum tok types[] = { TOK_LBRACE, TOK_RBRACE, TOK_EQ,
					  TOK_COMMA };
	const char *s = strchr(singles, *lx->p);

	if (s != NULL && *lx->p != '\0') {
		t->type = types[s - singles];
		lx->p++;
		return true;
	}
	if (*lx->p == '+' && peek(lx, 1) == '=') {
		t->type = TOK_PLUSEQ;
		lx->p += 2;
		return true;
	}
	return false;
}

void lex_next(struct lexer *lx, struct token *t)
{
	size_t env;
	char msg[64];

	buf_reset(&t->text);
	buf_append(&t->text, "", 0);
	t->type = TOK_STOP;
	if (lx->stop || !skip_space(lx, t))
		return;
	t->line = lx->line;
	if (at_end(lx)) {
		t->type = TOK_EOF;
		return;
	}
	if (++lx->ntokens > SYNTAX_MAX_TOKENS) {
		snprintf(msg, sizeof(msg), "more than %d tokens",
			 SYNTAX_MAX_TOKENS);
		lex_fatal(lx, t, t->line, msg);
	} else if (lex_punct(lx, t)) {
		return;
	} else if (*lx->p == '"' || *lx->p == '\'') {
		lex_string(lx, t);
	} else if ((env = env_length(lx)) > 0) {
		t->type = TOK_STRING;
		lex_env(lx, env, &t->text);
	} else if (word_char(*lx->p)) {
		const char *start = lx->p;
		while (!at_end(lx) && word_char(*lx->p))
			lx->p++;
		t->type = TOK_WORD;
		buf_append(&t->text, start, (size_t)(lx->p - start));
	} else {
		snprintf(msg, sizeof(msg), "unexpected character '%c'", *lx->p);
		lex_fatal(lx, t, t->line, msg);
	}
}

const char *lex_describe(const struct token *t, char *out, size_t size)
{
	static const char *const names[] = {
		[TOK_EOF] = "the end of the file",
		[TOK_LBRACE] = "\"{\"",
		[TOK_RBRACE] = "\"}\"",
		[TOK_EQ] = "\"=\"",
		[TOK_PLUSEQ] = "\"+=\"",
		[TOK_COMMA] = "\",\"",
		[TOK_STOP] = "an error",
	};

	if (t->type == TOK_WORD || t->type == TOK_STRING)
		snprintf(out, size, "\"%.40s%s\"", t->text.data,
			 t->text.len > 40 ? "..." : "");
	else
		snprintf(out, size, "%s", names[t->type]);
	return out;
}
