/*
 * syntax_diag.c - the messages about one file: collected while it is read
 * and checked, then handed over as "FILE:LINE: message" sorted by line.
 *
 * Messages quote what the file says (an unknown word, a bad value), and a
 * file is data from anywhere: every message is sanitised (sanitize.h) and
 * cut to a length a terminal line can hold before it is kept, so none can
 * carry an escape sequence, a newline or a bidi override to a terminal or
 * a log. A file that makes more than SYNTAX_MAX_MESSAGES is summed up.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "syntax.h"

/* The longest message kept, in bytes (a longer one ends in "..."). */
#define MSG_MAX 400

struct syntax_msg {
	int line;
	size_t seq;		/* the order it came in */
	bool warn;
	char *text;
};

void syntax_diags_init(struct syntax_diags *d, const char *name)
{
	memset(d, 0, sizeof(*d));
	d->name = sanitize_dup(name, strlen(name));
}

/* s sanitised and cut to MSG_MAX bytes at a character boundary. */
static char *msg_clean(const char *s)
{
	char *clean = sanitize_dup(s, strlen(s));
	size_t len = strlen(clean);
	char *cut;

	if (len <= MSG_MAX)
		return clean;
	len = MSG_MAX - 3;
	while (len > 0 && (clean[len] & 0xc0) == 0x80)
		len--;
	cut = xasprintf("%.*s...", (int)len, clean);
	free(clean);
	return cut;
}

/* Keep one message. */
static void msg_add(struct syntax_diags *d, bool warn, int line,
		    const char *fmt, va_list ap)
{
	struct errlist tmp = { NULL, 0 };
	struct syntax_msg *m;

	if (!warn)
		d->nerrors++;
	if (d->n >= SYNTAX_MAX_MESSAGES) {
		d->dropped++;
		return;
	}
	/* errlist_addv is the one va_list formatter util has. */
	errlist_addv(&tmp, fmt, ap);
	d->v = xreallocarray(d->v, d->n + 1, sizeof(*d->v));
	m = &d->v[d->n];
	m->line = line;
	m->seq = d->n++;
	m->warn = warn;
	m->text = msg_clean(tmp.msgs[0]);
	errlist_free(&tmp);
}

void syntax_errorv(struct syntax_diags *d, int line, const char *fmt,
		   va_list ap)
{
	msg_add(d, false, line, fmt, ap);
}

void syntax_error(struct syntax_diags *d, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_add(d, false, line, fmt, ap);
	va_end(ap);
}

void syntax_warn(struct syntax_diags *d, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_add(d, true, line, fmt, ap);
	va_end(ap);
}

/* By line, and in the order they came within a line. */
static int msg_cmp(const void *pa, const void *pb)
{
	const struct syntax_msg *a = pa, *b = pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void syntax_diags_flush(struct syntax_diags *d, struct errlist *errs,
			struct errlist *warns)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), msg_cmp);
	for (size_t i = 0; i < d->n; i++) {
		struct syntax_msg *m = &d->v[i];
		struct errlist *to = m->warn ? warns : errs;
		if (to != NULL && m->line > 0)
			errlist_add(to, "%s:%d: %s", d->name, m->line, m->text);
		else if (to != NULL)
			errlist_add(to, "%s: %s", d->name, m->text);
		free(m->text);
	}
	if (d->dropped > 0 && (d->nerrors > 0 ? errs : warns) != NULL)
		errlist_add(d->nerrors > 0 ? errs : warns,
			    "%s: too many problems; "
			    "only the first %d are shown",
			    d->name, SYNTAX_MAX_MESSAGES);
	free(d->v);
	free(d->name);
	memset(d, 0, sizeof(*d));
}
