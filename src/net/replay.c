/*
 * replay.c - reading a recording and answering requests from it. See
 * replay.h; the format is documented in wallboard(1), RECORDINGS.
 *
 * Only the heads of the exchanges are held in memory (a day of polls is
 * tens of thousands of bodies); a body is read from its file when it is
 * the answer. Every fault of a file is reported with the file and the
 * reason, so a person who edited one by hand knows what to fix.
 */
#include "autoconf.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "net/replay.h"

#define HEAD_MAX (64 * 1024)	/* a first line and headers, at most */
#define MANIFEST_MAX (64 * 1024)
#define MAX_ERRORS 10		/* faults listed before "and more" */
/*
 * A request this long (recording time) after the last answer still gets
 * the answer nearest in time: a replayed client keeps the recorded pace
 * only to a few milliseconds, and its last request (the release) must
 * not be cut off by them.
 */
#define REPLAY_GRACE 1.0

/* --- the manifest -------------------------------------------------------- */

void rec_manifest_free(struct rec_manifest *m)
{
	free(m->file);
	free(m->source);
	free(m->url);
	free(m->started);
	strv_free(m->credentials, m->ncredentials);
	memset(m, 0, sizeof(*m));
}

/* The credentials line's names, separated by blanks. */
static void manifest_credentials(struct rec_manifest *m, const char *v)
{
	m->has_credentials = true;
	while (*v) {
		size_t n = strcspn(v, " \t");
		if (n > 0) {
			m->credentials = xreallocarray(m->credentials,
						       m->ncredentials + 1,
						       sizeof(char *));
			m->credentials[m->ncredentials++] = xstrndup(v, n);
		}
		v += n;
		v += strspn(v, " \t");
	}
}

/* The first line: "wallboard-recording N", N the version this reads. */
static bool manifest_version(struct rec_manifest *m, const char *line,
			     struct errlist *errs)
{
	const char *magic = "wallboard-recording ";
	char *end;
	long v;

	if (strncmp(line, magic, strlen(magic)) != 0) {
		errlist_add(errs, "%s: line 1: not a wallboard recording (the "
			    "first line is not \"wallboard-recording %d\")",
			    m->file, RECORDING_VERSION);
		return false;
	}
	v = strtol(line + strlen(magic), &end, 10);
	if (end == line + strlen(magic) || *end != '\0' || v < 1) {
		errlist_add(errs, "%s: line 1: not a version number", m->file);
		return false;
	}
	if (v != RECORDING_VERSION) {
		errlist_add(errs,
			    "%s: line 1: a recording of version %ld: this "
			    "wallboard reads version %d",
			    m->file, v, RECORDING_VERSION);
		return false;
	}
	m->version = (int)v;
	return true;
}

/* One "key value" line after the first; unknown keys are for later. */
static bool manifest_line(struct rec_manifest *m, char *line, int no,
			  struct errlist *errs)
{
	size_t k = strcspn(line, " \t");
	char *v = line + k;
	char **slot = NULL;

	v += strspn(v, " \t");
	line[k] = '\0';
	if (strcmp(line, "credentials") == 0) {
		manifest_credentials(m, v);
		return true;
	}
	if (strcmp(line, "source") == 0) {
		slot = &m->source;
		m->source_line = no;
	} else if (strcmp(line, "url") == 0)
		slot = &m->url;
	else if (strcmp(line, "started") == 0)
		slot = &m->started;
	if (slot == NULL)
		return true;
	if (*v == '\0') {
		errlist_add(errs, "%s: line %d: %s has no value", m->file, no,
			    line);
		return false;
	}
	free(*slot);
	*slot = xstrdup(v);
	return true;
}

bool rec_manifest_read(const char *dir, struct rec_manifest *m,
		       struct errlist *errs)
{
	struct buf b;
	char *line, *next;
	int no = 0;
	bool ok = true;

	memset(m, 0, sizeof(*m));
	m->file = xasprintf("%s/%s", dir, RECORDING_MANIFEST);
	if (!read_file(m->file, MANIFEST_MAX, &b)) {
		errlist_add(errs, "%s: %s: not a recording (it has no "
			    "manifest)", m->file, strerror(errno));
		return false;
	}
	for (line = b.data; ok && line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		if (++no == 1)
			ok = manifest_version(m, line, errs);
		else if (*line != '\0' && *line != '#')
			ok = manifest_line(m, line, no, errs);
	}
	buf_free(&b);
	if (ok && no == 0) {
		errlist_add(errs, "%s: empty: not a wallboard recording",
			    m->file);
		ok = false;
	}
	if (ok && (m->source == NULL || m->url == NULL)) {
		errlist_add(errs, "%s: no %s line: the recording does not say "
			    "what it is of", m->file,
			    m->source == NULL ? "source" : "url");
		ok = false;
	}
	if (ok && strncmp(m->url, "http://", 7) != 0 &&
	    strncmp(m->url, "https://", 8) != 0) {
		errlist_add(errs,
			    "%s: url \"%.60s\" is not http:// or https://",
			    m->file, m->url);
		ok = false;
	}
	return ok;
}

/* --- keys: targets compared decoded -------------------------------------- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* s[0..n) %-decoded (and '+' as a blank when plus) onto b. */
static void decode_onto(struct buf *b, const char *s, size_t n, bool plus)
{
	for (size_t i = 0; i < n; i++) {
		int hi, lo;
		char c = s[i];
		/* "%00" stays as it is: a key is a C string. */
		if (c == '%' && i + 2 < n && (hi = hexval(s[i + 1])) >= 0 &&
		    (lo = hexval(s[i + 2])) >= 0 && (hi | lo) != 0) {
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus)
			c = ' ';
		buf_append(b, &c, 1);
	}
}

char *recording_key(const char *method, const char *target)
{
	const char *q = strchr(target, '?');
	size_t plen = q ? (size_t)(q - target) : strlen(target);
	struct buf b;
	bool first = true;

	buf_init(&b);
	buf_printf(&b, "%s ", method);
	decode_onto(&b, target, plen, false);
	for (const char *p = q ? q + 1 : NULL; p && *p; ) {
		size_t n = strcspn(p, "&");
		const char *eq = memchr(p, '=', n);
		if (n > 0) {
			buf_puts(&b, first ? "?" : "&");
			first = false;
			decode_onto(&b, p, eq ? (size_t)(eq - p) : n, true);
			if (eq) {
				buf_puts(&b, "=");
				decode_onto(&b, eq + 1,
					    n - (size_t)(eq + 1 - p), true);
			}
		}
		p += n;
		if (*p == '&')
			p++;
	}
	buf_append(&b, "", 0);
	return b.data;
}

/* --- the exchanges ------------------------------------------------------- */

/* A file of an exchange being read: its path and its lines. */
struct head {
	char *path;
	struct buf text;	/* the head, NUL-terminated */
	long body_at;
};

/* The first blank line of text ("\n\n" or "\n\r\n"), or NULL. */
static char *blank_line(char *text)
{
	char *lf = strstr(text, "\n\n"), *crlf = strstr(text, "\n\r\n");

	return lf == NULL ? crlf : crlf == NULL || lf < crlf ? lf : crlf;
}

/* Read the head of a file: up to the blank line (or the end). */
static bool head_read(struct head *h, struct errlist *errs)
{
	int fd = open(h->path, O_RDONLY | O_CLOEXEC);
	char chunk[4096];
	ssize_t n;
	char *end;
	size_t len;

	buf_init(&h->text);
	buf_append(&h->text, "", 0);
	if (fd < 0) {
		errlist_add(errs, "%s: %s", h->path, strerror(errno));
		return false;
	}
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			errlist_add(errs, "%s: %s", h->path, strerror(errno));
			close(fd);
			return false;
		}
		buf_append(&h->text, chunk, (size_t)n);
		if ((end = blank_line(h->text.data)) != NULL) {
			len = (size_t)(end - h->text.data);
			h->body_at = (long)len + (end[1] == '\r' ? 3 : 2);
			*end = '\0';
			break;
		}
		if (n == 0) {
			/*
			 * No blank line: no body, and the last line ends here.
			 */
			len = h->text.len;
			h->body_at = (long)len;
			while (len > 0 && (h->text.data[len - 1] == '\n' ||
					   h->text.data[len - 1] == '\r'))
				h->text.data[--len] = '\0';
			break;
		}
		if (h->text.len > HEAD_MAX) {
			errlist_add(errs, "%s: no blank line in the first %d "
				    "bytes: the headers never end", h->path,
				    HEAD_MAX);
			close(fd);
			return false;
		}
	}
	close(fd);
	if (strlen(h->text.data) != len) {
		errlist_add(errs, "%s: a NUL byte before the body: not a "
			    "recorded exchange", h->path);
		return false;
	}
	return true;
}

/* The next line of the head at *p (NUL-terminated, without CR), or NULL. */
static char *head_line(char **p)
{
	char *line = *p, *nl;

	if (line == NULL)
		return NULL;
	nl = strchr(line, '\n');
	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else
		*p = NULL;
	line[strcspn(line, "\r")] = '\0';
	return line;
}

/* A header line split at its colon; false with the reason in errs. */
static bool header_split(const struct head *h, char *line, int no,
			 char **name, char **value, struct errlist *errs)
{
	char *colon = strchr(line, ':');

	if (colon == NULL) {
		errlist_add(errs,
			    "%s: line %d: a header without a colon (a "
			    "blank line must come before the body)",
			    h->path, no);
		return false;
	}
	*colon = '\0';
	if (*line == '\0' || line[strcspn(line, " \t")] != '\0') {
		errlist_add(errs, "%s: line %d: \"%.60s\" is not a header name",
			    h->path, no, line);
		return false;
	}
	*name = line;
	*value = colon + 1 + strspn(colon + 1, " \t");
	return true;
}

/* A time header's seconds (At:, Took:); false with the reason. */
static bool header_seconds(const struct head *h, int no, const char *name,
			   const char *value, double *out, struct errlist *errs)
{
	if (!parse_double(value, out) || *out < 0) {
		errlist_add(errs,
			    "%s: line %d: %s: \"%.60s\" is not a number of "
			    "seconds",
			    h->path, no, name, value);
		return false;
	}
	return true;
}

/* A request's first line: METHOD SP TARGET [SP HTTP/x]. */
static bool request_line(struct rec_exchange *x, const struct head *h,
			 char *line, struct errlist *errs)
{
	size_t m = strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
	char *t = line + m + 1, *end;

	if (m == 0 || m > 16 || line[m] != ' ' || *t != '/') {
		errlist_add(errs, "%s: line 1: \"%.60s\" is not a request line "
			    "(METHOD /PATH?QUERY)", h->path, line);
		return false;
	}
	end = t + strcspn(t, " \t");
	if (*end != '\0' && strncmp(end, " HTTP/", 6) != 0) {
		errlist_add(errs, "%s: line 1: \"%.60s\" is not a request line "
			    "(METHOD /PATH?QUERY)", h->path, line);
		return false;
	}
	x->method = xstrndup(line, m);
	x->target = xstrndup(t, (size_t)(end - t));
	x->key = recording_key(x->method, x->target);
	return true;
}

/* A request's header: At: is when it was made; the others are for people. */
static bool request_header(struct rec_exchange *x, const struct head *h,
			   int no, const char *name, const char *value,
			   bool *at, struct errlist *errs)
{
	if (strcasecmp(name, "At") != 0)
		return true;
	*at = true;
	return header_seconds(h, no, "At", value, &x->at, errs);
}

/* A response's first line: STATUS [reason]; 0 for no answer. */
static bool status_line(struct rec_exchange *x, const struct head *h,
			char *line, struct errlist *errs)
{
	char *end;
	long s = strtol(line, &end, 10);

	if (end == line || !isdigit((unsigned char)*line) ||
	    (*end != '\0' && *end != ' ') || (s != 0 && (s < 100 || s > 599))) {
		errlist_add(errs,
			    "%s: line 1: \"%.60s\" is not a status (0, or 100 "
			    "to 599)",
			    h->path, line);
		return false;
	}
	x->status = s;
	return true;
}

/* One header of a response: the ones an answer is made of. */
static bool response_header(struct rec_exchange *x, const struct head *h,
			    int no, const char *name, const char *value,
			    bool *took, struct errlist *errs)
{
	if (strcasecmp(name, "Took") == 0) {
		*took = true;
		return header_seconds(h, no, "Took", value, &x->took, errs);
	}
	if (strcasecmp(name, "Error") == 0) {
		free(x->error);
		x->error = xstrdup(value);
	} else if (strcasecmp(name, "Content-Type") == 0) {
		free(x->ctype);
		x->ctype = xstrdup(value);
	} else if (strcasecmp(name, "Set-Cookie") == 0) {
		x->cookies = xreallocarray(x->cookies, x->ncookies + 1,
					   sizeof(char *));
		x->cookies[x->ncookies++] = xstrdup(value);
	} else if (strcasecmp(name, "Retry-After") == 0) {
		if (!parse_double(value, &x->retry_after) || x->retry_after < 0)
			x->retry_after = 0;	/* a date: not honoured */
	}
	return true;
}

/* How a kind of file's first line and headers are read. */
struct head_kind {
	const char *first;	/* what its first line is */
	bool (*line)(struct rec_exchange *x, const struct head *h,
		     char *line, struct errlist *errs);
	bool (*header)(struct rec_exchange *x, const struct head *h, int no,
		       const char *name, const char *value, bool *seen,
		       struct errlist *errs);
	const char *missing;	/* the header it must have, and what it says */
};

static const struct head_kind request_kind = {
	"request line", request_line, request_header,
	"no At: header (when the request was made)"
};
static const struct head_kind response_kind = {
	"status line", status_line, response_header,
	"no Took: header (how long the answer took)"
};

/* Read a head of kind k into x: its first line, then its headers. */
static bool head_parse(struct rec_exchange *x, struct head *h,
		       const struct head_kind *k, struct errlist *errs)
{
	char *p = h->text.data, *line, *name, *value;
	bool seen = false;
	int no = 1;

	line = head_line(&p);
	if (line == NULL || *line == '\0') {
		errlist_add(errs, "%s: empty: no %s", h->path, k->first);
		return false;
	}
	if (!k->line(x, h, line, errs))
		return false;
	while ((line = head_line(&p)) != NULL) {
		no++;
		if (!header_split(h, line, no, &name, &value, errs) ||
		    !k->header(x, h, no, name, value, &seen, errs))
			return false;
	}
	if (!seen)
		errlist_add(errs, "%s: %s", h->path, k->missing);
	return seen;
}

/* Read one exchange's two files (paths: the request's, the response's). */
static bool exchange_read(struct rec_exchange *x, const char *request,
			  struct errlist *errs)
{
	struct head h = { 0 };
	bool ok;

	h.path = (char *)request;
	ok = head_read(&h, errs) && head_parse(x, &h, &request_kind, errs);
	buf_free(&h.text);
	if (!ok)
		return false;
	memset(&h, 0, sizeof(h));
	h.path = x->response;
	ok = head_read(&h, errs) && head_parse(x, &h, &response_kind, errs);
	x->body_at = h.body_at;
	buf_free(&h.text);
	return ok;
}

static void exchange_free(struct rec_exchange *x)
{
	free(x->response);
	free(x->method);
	free(x->target);
	free(x->key);
	free(x->error);
	free(x->ctype);
	strv_free(x->cookies, x->ncookies);
}

/* A file of an exchange: its number, its kind, its name. */
struct xfile {
	unsigned long num;
	int kind;		/* 1: .request, 2: .response */
	char *name;
};

/* The number and kind of an exchange's file name; 0 when it is not one. */
static int file_kind(const char *name, unsigned long *num)
{
	size_t d = strspn(name, "0123456789");

	if (d == 0 || d > 9)
		return 0;
	*num = strtoul(name, NULL, 10);
	if (strcmp(name + d, ".request") == 0)
		return 1;
	if (strcmp(name + d, ".response") == 0)
		return 2;
	return 0;
}

static int cmp_xfile(const void *a, const void *b)
{
	const struct xfile *x = a, *y = b;

	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	return strcmp(x->name, y->name);
}

/*
 * Every exchange file of dir, by number. Files of other names (a README a
 * person added, an editor's backup) are not the recording's: left alone.
 */
static bool listing_read(const char *dir, struct xfile **out, size_t *n,
			 struct errlist *errs)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct xfile *v = NULL;
	size_t cap = 0;
	unsigned long num;
	int kind;

	*n = 0;
	*out = NULL;
	if (d == NULL) {
		errlist_add(errs, "%s: %s", dir, strerror(errno));
		return false;
	}
	while ((e = readdir(d)) != NULL) {
		if ((kind = file_kind(e->d_name, &num)) == 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = (struct xfile){ num, kind, xstrdup(e->d_name) };
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_xfile);
	*out = v;
	return true;
}

static void listing_free(struct xfile *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* The fault of a number's files: a half of a pair, or two of one kind. */
static void pair_fault(const char *dir, const struct xfile *f, size_t n,
		       struct errlist *errs)
{
	size_t stem;

	if (n == 1) {
		stem = strlen(f->name) - (f->kind == 1 ? 8 : 9);
		errlist_add(errs, "%s/%s: no %.*s.%s beside it: the recording "
			    "is truncated", dir, f->name, (int)stem, f->name,
			    f->kind == 1 ? "response" : "request");
	} else
		errlist_add(errs, "%s: two files for exchange %lu: %s and %s",
			    dir, f->num, f[0].kind == f[1].kind ? f[0].name :
			    f[1].name, f[0].kind == f[1].kind ? f[1].name :
			    f[2].name);
}

/* Each number's request and response paired into r->x. */
static bool listing_pairs(struct recording *r, const struct xfile *v,
			  size_t n, struct errlist *errs)
{
	size_t bad = 0, i = 0, j;

	r->x = xcalloc(n / 2 + 1, sizeof(*r->x));
	for (; i < n; i = j) {
		for (j = i; j < n && v[j].num == v[i].num; j++)
			;
		if (j - i != 2 || v[i].kind != 1 || v[i + 1].kind != 2) {
			if (bad++ < MAX_ERRORS)
				pair_fault(r->dir, &v[i], j - i, errs);
			continue;
		}
		r->x[r->n].number = v[i].num;
		r->x[r->n++].response =
			xasprintf("%s/%s", r->dir, v[i + 1].name);
	}
	return bad == 0;
}

/* Read every exchange's head; stop after MAX_ERRORS faults. */
static bool exchanges_read(struct recording *r, const struct xfile *v,
			   struct errlist *errs)
{
	size_t bad = 0;

	for (size_t i = 0; i < r->n && bad < MAX_ERRORS; i++) {
		char *request = xasprintf("%s/%s", r->dir, v[2 * i].name);
		if (!exchange_read(&r->x[i], request, errs))
			bad++;
		free(request);
	}
	return bad == 0;
}

/* The recording whose order[] is being sorted (qsort has no context). */
static const struct recording *sorting;

static int cmp_order(const void *a, const void *b)
{
	const struct rec_exchange *x = &sorting->x[*(const size_t *)a];
	const struct rec_exchange *y = &sorting->x[*(const size_t *)b];
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->number < y->number ? -1 : x->number > y->number;
}

/* The index by key and time, the first time and the end. */
static void recording_index(struct recording *r)
{
	r->order = xcalloc(r->n ? r->n : 1, sizeof(*r->order));
	for (size_t i = 0; i < r->n; i++) {
		const struct rec_exchange *x = &r->x[i];
		r->order[i] = i;
		if (i == 0 || x->at < r->first)
			r->first = x->at;
		if (x->at + x->took > r->end)
			r->end = x->at + x->took;
	}
	sorting = r;
	qsort(r->order, r->n, sizeof(*r->order), cmp_order);
	sorting = NULL;
}

struct recording *recording_load(const char *dir, struct errlist *errs)
{
	struct recording *r = xcalloc(1, sizeof(*r));
	struct xfile *v = NULL;
	size_t n = 0;
	bool ok;

	r->dir = xstrdup(dir);
	ok = rec_manifest_read(dir, &r->m, errs) &&
	     listing_read(dir, &v, &n, errs) &&
	     listing_pairs(r, v, n, errs) && exchanges_read(r, v, errs);
	listing_free(v, n);
	if (!ok) {
		recording_free(r);
		return NULL;
	}
	recording_index(r);
	return r;
}

void recording_free(struct recording *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++)
		exchange_free(&r->x[i]);
	free(r->x);
	free(r->order);
	rec_manifest_free(&r->m);
	free(r->dir);
	free(r);
}

/* --- matching ------------------------------------------------------------ */

/* The first position in order[] whose key is not below key. */
static size_t lower_bound(const struct recording *r, const char *key)
{
	size_t lo = 0, hi = r->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(r->x[r->order[mid]].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The nearest in time: the last exchange at or before t, or the next
 * one when it is nearer (a client a few milliseconds early still gets
 * the poll it is making, not the one before), or the first.
 */
const struct rec_exchange *recording_match(const struct recording *r,
					   const char *key, double t,
					   char *why, size_t whysz)
{
	size_t lo = lower_bound(r, key), hi = lo, i;
	const struct rec_exchange *x, *next;

	if (t > r->end + REPLAY_GRACE) {
		snprintf(why, whysz, "%s", RECORDING_ENDS);
		return NULL;
	}
	while (hi < r->n && strcmp(r->x[r->order[hi]].key, key) == 0)
		hi++;
	if (lo == hi) {
		snprintf(why, whysz, "the recording has no %s", key);
		return NULL;
	}
	for (i = lo; i + 1 < hi && r->x[r->order[i + 1]].at <= t; i++)
		;
	x = &r->x[r->order[i]];
	if (x->at <= t && i + 1 < hi) {
		next = &r->x[r->order[i + 1]];
		if (next->at - t < t - x->at)
			x = next;
	}
	return x;
}

bool recording_body(const struct recording *r, const struct rec_exchange *x,
		    size_t max, struct buf *out, bool *too_large,
		    char *err, size_t errsz)
{
	const char *path = x->response;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool ok = false;

	*too_large = false;
	buf_init(out);
	if (fd < 0 || lseek(fd, x->body_at, SEEK_SET) < 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else if (!read_fd(fd, max ? max : (size_t)-1 / 2, out)) {
		*too_large = errno == EFBIG;
		snprintf(err, errsz, "%s: %s", path,
			 *too_large ? "the answer is larger than max_body"
				    : strerror(errno));
		buf_init(out);
	} else
		ok = true;
	return ok;
}

/* --- playing ------------------------------------------------------------- */

double replay_clock(struct replay *p, double now)
{
	if (p->started < 0)
		p->started = now;
	return p->rec->first + (now - p->started) * p->speed;
}

/* The target of a URL: from the first '/' after the host ("/" if none). */
static const char *url_target(const char *url)
{
	const char *p = strstr(url, "://");

	if (url[0] == '/' || p == NULL)
		return url;
	p += 3;
	p += strcspn(p, "/?");
	return *p == '/' ? p : *p == '?' ? p : "/";
}

void replay_answer(struct replay *p, const char *method, const char *url,
		   double now, size_t max_body, struct replay_answer *a)
{
	const char *target = url_target(url);
	char *slash = *target == '?' ? xasprintf("/%s", target) : NULL;
	char *key = recording_key(method, slash ? slash : target);
	double t = replay_clock(p, now);

	free(slash);
	memset(a, 0, sizeof(*a));
	buf_init(&a->body);
	a->x = recording_match(p->rec, key, t, a->error, sizeof(a->error));
	free(key);
	if (a->x == NULL)
		return;
	a->delay = a->x->took / p->speed;
	a->retry_after = a->x->retry_after;
	a->status = a->x->status;
	if (a->status == 0) {
		snprintf(a->error, sizeof(a->error), "%s",
			 a->x->error ? a->x->error : "no answer");
		return;
	}
	if (!recording_body(p->rec, a->x, max_body, &a->body, &a->too_large,
			    a->error, sizeof(a->error)))
		a->status = 0;
}

/* The recording this process plays, if any. */
static struct replay *active;

bool replay_open(const char *dir, double speed, struct errlist *errs)
{
	struct recording *r = recording_load(dir, errs);

	if (r == NULL)
		return false;
	replay_close();
	active = xcalloc(1, sizeof(*active));
	active->rec = r;
	active->speed = speed > 0 ? speed : 1;
	active->started = -1;
	return true;
}

struct replay *replay_active(void)
{
	return active;
}

void replay_close(void)
{
	if (active == NULL)
		return;
	recording_free(active->rec);
	free(active);
	active = NULL;
}
