/*
 * util.h - small helpers every module uses: allocation that never returns
 * NULL, a growable byte buffer, a bump arena for per-snapshot strings, a list
 * of error messages collected before reporting, and the monotonic clock.
 */
#ifndef WB_UTIL_H
#define WB_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define WB_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define WB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define WB_PRINTF(f, a)
#endif

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) WB_PRINTF(1, 2);

/* A growable byte buffer, always NUL-terminated after its data. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};
void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) WB_PRINTF(2, 3);

/*
 * A bump allocator: many small strings freed together. A snapshot keeps all
 * its cell text in one arena, so parsing a large grid costs a few mallocs,
 * not one per cell.
 */
struct arena_block;
struct arena {
	struct arena_block *head;
	size_t block_size;
};
void arena_init(struct arena *a, size_t block_size);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* Error messages collected so all of them can be shown, not just the first. */
struct errlist {
	char **msgs;
	size_t n;
};
void errlist_add(struct errlist *e, const char *fmt, ...) WB_PRINTF(2, 3);
void errlist_addv(struct errlist *e, const char *fmt, va_list ap);
void errlist_free(struct errlist *e);

/* Seconds on the monotonic clock; never jumps with the wall clock. */
double now_mono(void);
/* Seconds since the epoch on the wall clock, with fractions. */
double now_wall(void);

/*
 * Read a whole file into out (NUL-terminated, binary-safe). False with errno
 * set when it cannot be opened or read, or (EFBIG) when it is over max bytes.
 */
bool read_file(const char *path, size_t max, struct buf *out);
/* The same from an open descriptor, which it closes whatever happens. */
bool read_fd(int fd, size_t max, struct buf *out);

/* Parse a decimal number that fills the whole string; false for "" or junk. */
bool parse_double(const char *s, double *out);

/*
 * Write a number as text into buf: decimals < 0 gives 15 significant
 * digits, enough for any figure a server sends and few enough to hide the
 * noise of adding binary fractions (whole numbers have no fraction, and
 * there is no "-0"); else v rounded to that many decimals without trailing
 * zeros. Returns the length; "" (0) when v is not finite.
 */
int number_text(char *buf, size_t sz, double v, int decimals);

/*
 * What a parser skipped of a body it still took: the first complaint, into
 * err, and how many. err[0] stays '\0' while nothing is skipped.
 */
struct shape {
	char *err;
	size_t errsz;
	unsigned skipped;
};
/* Note a part of a body that is not of the expected shape. */
void shape_skip(struct shape *sh, const char *what);

/* Overwrite a secret, then free it (NULL is fine). */
void secret_free(char *s);

/* Free n strings and the array holding them. */
void strv_free(char **v, size_t n);

/*
 * One entry of a list a server keeps (teams, queues, agents): id may be NULL.
 */
struct cfg_item {
	char *id;
	char *name;
};
void cfg_items_free(struct cfg_item *items, long n);
/* Print a list one entry a line: "id<TAB>name", or the name alone. */
void cfg_items_print(FILE *out, const struct cfg_item *items, long n);

#endif
