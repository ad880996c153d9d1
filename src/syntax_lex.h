/*
 * syntax_lex.h - the tokens of the syntax reader: syntax.c's own view of
 * the lexer in syntax_lex.c, not for other modules.
 */
#ifndef WB_SYNTAX_LEX_H
#define WB_SYNTAX_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "syntax.h"
#include "util.h"

enum tok {
	TOK_EOF,
	TOK_WORD, /* an unquoted word (a number is one too) */
	TOK_STRING, /* a quoted string, or ${...} */
	TOK_LBRACE,
	TOK_RBRACE,
	TOK_EQ,
	TOK_PLUSEQ,
	TOK_COMMA,
	TOK_STOP /* a fatal problem was reported: read no further */
};

struct token {
	enum tok type;
	int line;		/* where the token starts */
	struct buf text;	/* words and strings, always NUL-terminated */
};

struct lexer {
	struct syntax_diags *d;
	const char *p, *end;
	int line;
	unsigned flags;		/* SYNTAX_ENV */
	size_t ntokens;
	bool stop;
};

void lex_init(struct lexer *lx, struct syntax_diags *d, const char *text,
	      size_t len, unsigned flags);
/* The next token into t (whose text buffer is reused). */
void lex_next(struct lexer *lx, struct token *t);
/* A token as an error message quotes it: "\"=\"", "end of file", ... */
const char *lex_describe(const struct token *t, char *out, size_t size);

#endif
