/*
 * syntax.h - the reader of the board's file syntax (that of libconfuse,
 * which the files were first written for):
 *
 *     title = "Inbound queues"       # strings; a word needs no quotes
 *     key   = 1                      // integers, floats, booleans
 *     teams = {"Sales", Support}     lists; += appends to one
 *     row { panel "q" { ... } }      sections, with or without a title
 *
 * and C comments too.
 *
 * A schema, a table of keys per level, says what may appear where. The
 * text becomes a tree of nodes, every node and every list element with
 * its line. Problems are collected, all of them, and handed over as
 * "FILE:LINE: message" sorted by line; any error means no tree. The
 * caller's own complaints about the tree go to the same collector, so a
 * file's messages come out together and in order.
 *
 * Hostile input is bounded: the size of the text, the depth of sections,
 * the number of tokens and of values, the number of messages; NUL bytes
 * are refused. Every message is sanitised (sanitize.h) before it leaves.
 */
#ifndef WB_SYNTAX_H
#define WB_SYNTAX_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* The largest text read, in bytes. */
#define SYNTAX_MAX_SIZE (1024 * 1024)
/* Sections inside sections, at most. */
#define SYNTAX_MAX_DEPTH 16
/* Tokens of a text, and values (options, sections, list elements). */
#define SYNTAX_MAX_TOKENS 200000
#define SYNTAX_MAX_VALUES 50000
/* Messages kept of one file; the rest are counted. */
#define SYNTAX_MAX_MESSAGES 100

/* Flags of syntax_parse. */
enum {
	/*
	 * Expand ${VAR} and ${VAR:-default} from the environment, as
	 * libconfuse does (an unset variable is ""). Only for files their
	 * owner trusts with the environment: without the flag ${...} is
	 * text like any other.
	 */
	SYNTAX_ENV = 1 << 0
};

enum syntax_type {
	SYNTAX_STR,		/* any one value, as text */
	SYNTAX_INT,		/* decimal, or 0x hexadecimal */
	SYNTAX_FLOAT,		/* a finite number */
	SYNTAX_BOOL,		/* true/false, yes/no, on/off, any case */
	SYNTAX_LIST,		/* {"a", "b"}: a list of strings */
	SYNTAX_SECTION		/* name { ... } or name "title" { ... } */
};

/* One key of a schema level. A level is an array ended by a NULL name. */
struct syntax_key {
	const char *name;
	enum syntax_type type;
	bool titled;			/* sections: name "title" { ... } */
	const struct syntax_key *keys;	/* sections: the level inside */
	unsigned tag;			/* the caller's own; never read here */
};

/*
 * A node of the tree: an option with its value, or a section with its
 * children (options and sections in file order). An option appears once
 * in its section; a section may appear many times, titled alike or not.
 */
struct syntax_node {
	const struct syntax_key *key;	/* NULL for the root */
	int line;			/* where its name is (the root: 1) */
	char *title;			/* titled sections */
	char *str;			/* SYNTAX_STR */
	long num;			/* SYNTAX_INT */
	double fnum;			/* SYNTAX_FLOAT */
	bool flag;			/* SYNTAX_BOOL */
	char **list;			/* SYNTAX_LIST: n strings ... */
	int *lines;			/* ... and the line of each */
	size_t n;
	struct syntax_node *kids;	/* SYNTAX_SECTION and the root */
	size_t nkids;
};

/* The messages about one file, kept until they are handed over. */
struct syntax_msg;
struct syntax_diags {
	char *name;			/* the file, as messages name it */
	struct syntax_msg *v;
	size_t n;
	size_t nerrors;			/* errors among them (not warnings) */
	size_t dropped;			/* over SYNTAX_MAX_MESSAGES */
};

void syntax_diags_init(struct syntax_diags *d, const char *name);
/* A problem at a line (0: the file as a whole). */
void syntax_error(struct syntax_diags *d, int line, const char *fmt, ...)
	WB_PRINTF(3, 4);
void syntax_warn(struct syntax_diags *d, int line, const char *fmt, ...)
	WB_PRINTF(3, 4);
void syntax_errorv(struct syntax_diags *d, int line, const char *fmt,
		   va_list ap);
/*
 * Hand the messages over as "FILE:LINE: message", sorted by line (those
 * of one line in the order they came), errors to errs and warnings to
 * warns (either may be NULL: dropped), and empty d.
 */
void syntax_diags_flush(struct syntax_diags *d, struct errlist *errs,
			struct errlist *warns);

/*
 * Parse len bytes of text against the level keys. NULL, with every
 * problem in d, on any error (also one reported in d before the call).
 */
struct syntax_node *syntax_parse(struct syntax_diags *d, const char *text,
				 size_t len, const struct syntax_key *keys,
				 unsigned flags);
/*
 * The same for a file: a regular file (a FIFO or a device is refused
 * without blocking) of at most SYNTAX_MAX_SIZE bytes. d names the file.
 */
struct syntax_node *syntax_parse_file(struct syntax_diags *d, const char *path,
				      const struct syntax_key *keys,
				      unsigned flags);
void syntax_free(struct syntax_node *root);

/* The child of sec called name (the first, for a section), or NULL. */
const struct syntax_node *syntax_get(const struct syntax_node *sec,
				     const char *name);
/* The next child called name after prev (NULL: the first), or NULL. */
const struct syntax_node *syntax_next(const struct syntax_node *sec,
				      const char *name,
				      const struct syntax_node *prev);
/* How many children of sec are called name. */
size_t syntax_count(const struct syntax_node *sec, const char *name);

#endif
