/*
 * util.c - allocation, buffers, arenas, error lists and clocks.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* Out of memory is not recoverable for a display program: say so and stop. */
static void die_oom(void)
{
	fputs("wallboard: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die_oom();
	return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		die_oom();
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap, cp;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* Make room for n more bytes plus the terminating NUL. */
static void buf_grow(struct buf *b, size_t n)
{
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_append(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap, cp;
	int n;

	va_start(ap, fmt);
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n > 0) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		b->len += (size_t)n;
	}
	va_end(ap);
}

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void arena_init(struct arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size ? block_size : 16384;
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	if (a->head == NULL || a->head->size - a->head->used < n) {
		size_t size = n > a->block_size ? n : a->block_size;
		struct arena_block *blk = xmalloc(sizeof(*blk) + size);
		blk->next = a->head;
		blk->used = 0;
		blk->size = size;
		a->head = blk;
		/*
		 * Grow blocks geometrically so big snapshots need few of them.
		 */
		if (a->block_size < (1u << 20))
			a->block_size *= 2;
	}
	void *p = (char *)a->head->data + a->head->used;
	a->head->used += n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

void errlist_addv(struct errlist *e, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *msg = xmalloc((size_t)n + 1);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	e->msgs = xreallocarray(e->msgs, e->n + 1, sizeof(*e->msgs));
	e->msgs[e->n++] = msg;
}

void errlist_add(struct errlist *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	errlist_addv(e, fmt, ap);
	va_end(ap);
}

void errlist_free(struct errlist *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->msgs[i]);
	free(e->msgs);
	e->msgs = NULL;
	e->n = 0;
}

double now_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double now_wall(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

bool read_file(const char *path, size_t max, struct buf *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	buf_init(out);
	if (fd < 0)
		return false;
	return read_fd(fd, max, out);
}

bool read_fd(int fd, size_t max, struct buf *out)
{
	char chunk[8192];
	ssize_t n;
	int err = 0;

	buf_init(out);
	buf_append(out, "", 0);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = errno ? errno : EIO;
			break;
		}
		if (out->len + (size_t)n > max) {
			err = EFBIG;
			break;
		}
		buf_append(out, chunk, (size_t)n);
	}
	close(fd);
	if (err) {
		buf_free(out);
		errno = err;
		return false;
	}
	return true;
}

bool parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno == ERANGE || !isfinite(v))
		return false;
	while (*end == ' ')
		end++;
	if (*end != '\0')
		return false;
	*out = v;
	return true;
}

int number_text(char *buf, size_t sz, double v, int decimals)
{
	int n = 0;

	if (sz == 0)
		return 0;
	buf[0] = '\0';
	if (!isfinite(v))
		return 0;
	if (decimals >= 0) {
		double p = pow(10, decimals);
		v = floor(v * p + 0.5) / p;
		n = snprintf(buf, sz, "%.*f", decimals, v);
		while (decimals > 0 && n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	} else
		n = snprintf(buf, sz, "%.15g", v);
	if (strcmp(buf, "-0") == 0)
		n = snprintf(buf, sz, "0");
	return n < 0 ? 0 : n >= (int)sz ? (int)sz - 1 : n;
}

void shape_skip(struct shape *sh, const char *what)
{
	if (sh->skipped++ == 0 && sh->errsz)
		snprintf(sh->err, sh->errsz, "unexpected shape: %s", what);
}

void secret_free(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void cfg_items_free(struct cfg_item *items, long n)
{
	for (long i = 0; i < n; i++) {
		free(items[i].id);
		free(items[i].name);
	}
	free(items);
}

void cfg_items_print(FILE *out, const struct cfg_item *items, long n)
{
	for (long i = 0; i < n; i++) {
		if (items[i].id)
			fprintf(out, "%s\t%s\n", items[i].id, items[i].name);
		else
			fprintf(out, "%s\n", items[i].name);
	}
}
