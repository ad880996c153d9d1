/*
 * record.c - writing a recording (--record DIR), every secret taken out
 * first. See record.h; the format is in wallboard(1), RECORDINGS, and
 * net/replay.c reads it.
 *
 * A secret is masked by where it is (a header that carries one, a field
 * named for one) and by what it is (a value the config holds or an
 * answer gave as a token or a cookie), so a secret in an unexpected place
 * (an error message quoting the request, a token echoed in a URL) is
 * masked too. The texts are masked whole in memory before a byte of them
 * is written.
 */
#include "autoconf.h"

#include <ctype.h>
#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "net/record.h"
#include "net/replay.h"

#define MAX_SECRETS 1024	/* values learned past this are still masked
				   where they stand (headers, fields) */
#define MIN_SECRET 4		/* shorter values would mask common words */

struct recorder {
	char *dir;
	double t0;		/* now_mono() when it started */
	unsigned long next;	/* the next exchange's number */
	char **secrets;		/* the config's, then those learned */
	size_t nsecrets;
	char *source;		/* the manifest's lines before the url ... */
	char *manifest;		/* ... and after it */
	bool url_known;
	char *error;		/* why it stopped, or NULL */
};

static struct recorder *rec;

struct record_req {
	double began;		/* now_mono() */
	char *method;
	char *url;
	struct buf headers;	/* "Name: value\n" lines, as sent */
	char *body;
	size_t len;
	struct buf answer;	/* the answer's headers that matter */
};

/* --- what a secret looks like -------------------------------------------- */

/* Overwrite what b holds: a secret may be in it. */
static void wipe(struct buf *b)
{
	if (b->data)
		explicit_bzero(b->data, b->len);
}

/*
 * True for a field or header named like one holding a secret: password,
 * client_secret, api_key, x-api-key, access_token, refresh_token ...
 * (any case, with or without '_' and '-').
 */
static bool secret_name(const char *name, size_t n)
{
	static const char *const ends[] = {
		"password", "passwd", "secret", "token", "apikey"
	};
	char norm[64];
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < sizeof(norm); i++)
		if (name[i] != '_' && name[i] != '-' && name[i] != ' ')
			norm[k++] = (char)tolower((unsigned char)name[i]);
	norm[k] = '\0';
	if (strcmp(norm, "authorization") == 0)
		return true;
	for (size_t i = 0; i < WB_ARRAY_LEN(ends); i++) {
		size_t e = strlen(ends[i]);
		if (k >= e && strcmp(norm + k - e, ends[i]) == 0)
			return true;
	}
	return false;
}

/* Remember a value to mask wherever it appears again. */
static void secret_add(const char *v, size_t n)
{
	if (rec == NULL || n < MIN_SECRET || rec->nsecrets >= MAX_SECRETS ||
	    (n == strlen(RECORDING_MARK) && memcmp(v, RECORDING_MARK, n) == 0))
		return;
	for (size_t i = 0; i < rec->nsecrets; i++)
		if (strlen(rec->secrets[i]) == n &&
		    memcmp(rec->secrets[i], v, n) == 0)
			return;
	rec->secrets = xreallocarray(rec->secrets, rec->nsecrets + 1,
				     sizeof(char *));
	rec->secrets[rec->nsecrets++] = xstrndup(v, n);
}

/* The forms a secret takes in a text: URL-encoded (both ways), JSON. */
static void secret_forms(const char *s, char **forms, size_t *n)
{
	char *e = curl_easy_escape(NULL, s, 0);
	struct buf j;

	*n = 0;
	if (e && strcmp(e, s) != 0) {
		forms[(*n)++] = xstrdup(e);
		if (strstr(e, "%20")) {
			char *plus = xstrdup(e), *p;
			while ((p = strstr(plus, "%20")) != NULL) {
				*p = '+';
				memmove(p + 1, p + 3, strlen(p + 3) + 1);
			}
			forms[(*n)++] = plus;
		}
	}
	if (e) {
		explicit_bzero(e, strlen(e));
		curl_free(e);
	}
	buf_init(&j);
	for (const char *p = s; *p; p++) {
		if (*p == '"' || *p == '\\' || *p == '/')
			buf_printf(&j, "\\%c", *p);
		else if ((unsigned char)*p < 0x20)
			buf_printf(&j, "\\u%04x", (unsigned char)*p);
		else
			buf_append(&j, p, 1);
	}
	buf_append(&j, "", 0);
	if (strcmp(j.data, s) != 0)
		forms[(*n)++] = j.data;
	else
		secret_free(j.data);
}

/* Every occurrence of v in b replaced by the mark. */
static void replace_all(struct buf *b, const char *v)
{
	size_t n = strlen(v), at = 0;
	struct buf out;
	char *p;

	if (n == 0 || b->len < n)
		return;
	buf_init(&out);
	while ((p = memmem(b->data + at, b->len - at, v, n)) != NULL) {
		buf_append(&out, b->data + at, (size_t)(p - (b->data + at)));
		buf_puts(&out, RECORDING_MARK);
		at = (size_t)(p - b->data) + n;
	}
	if (at == 0) {
		buf_free(&out);
		return;
	}
	buf_append(&out, b->data + at, b->len - at);
	wipe(b);
	buf_free(b);
	*b = out;
}

/* Every known secret, in each of its forms, masked in b. */
static void mask_secrets(struct buf *b)
{
	char *forms[3];
	size_t n;

	for (size_t i = 0; rec && i < rec->nsecrets; i++) {
		replace_all(b, rec->secrets[i]);
		secret_forms(rec->secrets[i], forms, &n);
		for (size_t f = 0; f < n; f++) {
			replace_all(b, forms[f]);
			secret_free(forms[f]);
		}
	}
}

/* --- fields named for a secret ------------------------------------------- */

/* The index of the quote ending the JSON string opened at s[i]. */
static size_t json_string_end(const char *s, size_t len, size_t i)
{
	for (i++; i < len && s[i] != '"'; i++)
		if (s[i] == '\\')
			i++;
	return i < len ? i : len;
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	return i;
}

/*
 * The string values of JSON members named like a secret masked in b,
 * and learned (an answer's token is a secret wherever it is seen next).
 * A text scan, not a parse: the body is kept byte for byte otherwise,
 * and a body that is not JSON is left as it is.
 */
static void mask_json(struct buf *b, bool learn)
{
	const char *s = b->data;
	size_t len = b->len, i = 0, copied = 0, end, colon, v, vend;
	struct buf out;

	buf_init(&out);
	while (i < len) {
		if (s[i] != '"') {
			i++;
			continue;
		}
		end = json_string_end(s, len, i);
		colon = skip_blanks(s, len, end + 1);
		if (end >= len || colon >= len || s[colon] != ':' ||
		    !secret_name(s + i + 1, end - i - 1)) {
			i = end + 1;
			continue;
		}
		v = skip_blanks(s, len, colon + 1);
		if (v >= len || s[v] != '"') {
			i = v;
			continue;
		}
		vend = json_string_end(s, len, v);
		if (learn)
			secret_add(s + v + 1, vend - v - 1);
		buf_append(&out, s + copied, v + 1 - copied);
		buf_puts(&out, RECORDING_MARK);
		copied = vend;	/* from its closing quote on */
		i = vend + 1;
	}
	if (copied == 0) {
		buf_free(&out);
		return;
	}
	buf_append(&out, s + copied, len - copied);
	wipe(b);
	buf_free(b);
	*b = out;
}

/* True when the %-decoded s[0..n) is named like a secret. */
static bool form_name_secret(const char *s, size_t n)
{
	char name[64];
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < sizeof(name); i++) {
		if (s[i] == '%' && i + 2 < n &&
		    isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], '\0' };
			name[k++] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else
			name[k++] = s[i] == '+' ? ' ' : s[i];
	}
	return secret_name(name, k);
}

/*
 * True when the %-decoded value s[0..n) holds a known secret, however
 * its encoder chose to escape it.
 */
static bool form_value_secret(const char *s, size_t n)
{
	struct buf v;
	bool found = false;

	buf_init(&v);
	for (size_t i = 0; i < n; i++) {
		char c = s[i] == '+' ? ' ' : s[i];
		if (s[i] == '%' && i + 2 < n &&
		    isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], '\0' };
			c = (char)strtol(hex, NULL, 16);
			i += 2;
		}
		buf_append(&v, &c, 1);
	}
	for (size_t i = 0; rec && v.data && !found && i < rec->nsecrets; i++)
		found = memmem(v.data, v.len, rec->secrets[i],
			       strlen(rec->secrets[i])) != NULL;
	wipe(&v);
	buf_free(&v);
	return found;
}

/*
 * The values of form fields (k=v&...) named like a secret, or holding
 * one, masked.
 */
static void mask_form(const char *s, size_t len, struct buf *out)
{
	size_t i = 0;

	while (i < len) {
		size_t n = 0, eq;
		while (i + n < len && s[i + n] != '&')
			n++;
		for (eq = 0; eq < n && s[i + eq] != '='; eq++)
			;
		if (eq < n && (form_name_secret(s + i, eq) ||
			       form_value_secret(s + i + eq + 1, n - eq - 1))) {
			buf_append(out, s + i, eq + 1);
			buf_puts(out, RECORDING_MARK);
		} else
			buf_append(out, s + i, n);
		i += n;
		if (i < len) {
			buf_append(out, "&", 1);
			i++;
		}
	}
}

/* --- headers ------------------------------------------------------------ */

/* "name=value; ..." pairs with each value masked (a Cookie header). */
static void mask_pairs(const char *v, bool first_only, struct buf *out)
{
	bool first = true;

	while (*v) {
		size_t n = strcspn(v, ";");
		const char *eq = memchr(v, '=', n);
		if (eq && (first || !first_only)) {
			buf_append(out, v, (size_t)(eq + 1 - v));
			buf_puts(out, RECORDING_MARK);
		} else
			buf_append(out, v, n);
		first = false;
		v += n;
		if (*v == ';') {
			buf_append(out, ";", 1);
			v++;
		}
	}
}

/* Learn the value a Set-Cookie sets. */
static void learn_cookie(const char *v)
{
	const char *eq = strchr(v, '=');
	size_t n;

	if (eq == NULL)
		return;
	eq++;
	eq += strspn(eq, " \"");
	n = strcspn(eq, ";\"");
	while (n > 0 && eq[n - 1] == ' ')
		n--;
	secret_add(eq, n);
}

/*
 * One header line onto out, its value masked by what the header is:
 * credentials keep their scheme ("Bearer", "Basic"), cookies their
 * names, a Set-Cookie its attributes.
 */
static void header_onto(struct buf *out, const char *line, size_t len)
{
	const char *colon = memchr(line, ':', len), *v;
	char *value;
	size_t name;
	bool auth;

	if (colon == NULL) {
		buf_append(out, line, len);
		buf_puts(out, "\n");
		return;
	}
	name = (size_t)(colon - line);
	v = colon + 1;
	while (v < line + len && (*v == ' ' || *v == '\t'))
		v++;
	value = xstrndup(v, (size_t)(line + len - v));
	auth = (name == 13 && strncasecmp(line, "Authorization", 13) == 0) ||
	       (name == 19 &&
		strncasecmp(line, "Proxy-Authorization", 19) == 0);
	buf_append(out, line, name);
	buf_puts(out, ": ");
	if ((name == 6 && strncasecmp(line, "Cookie", 6) == 0))
		mask_pairs(value, false, out);
	else if (name == 10 && strncasecmp(line, "Set-Cookie", 10) == 0)
		mask_pairs(value, true, out);
	else if (auth || secret_name(line, name)) {
		/* "Bearer", "Basic": the scheme says which login it was. */
		size_t scheme = strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				       "abcdefghijklmnopqrstuvwxyz");
		if (auth && scheme > 0 &&
		    scheme < 16 && value[scheme] == ' ')
			buf_append(out, value, scheme + 1);
		buf_puts(out, RECORDING_MARK);
	} else
		buf_puts(out, value);
	buf_puts(out, "\n");
	secret_free(value);
}

/* The lines of a header block onto out, masked ("\r\n" or "\n" ended). */
static void headers_onto(struct buf *out, const struct buf *lines)
{
	const char *p = lines->data, *end = lines->data + lines->len;

	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		while (n > 0 && (p[n - 1] == '\r'))
			n--;
		if (n > 0)
			header_onto(out, p, n);
		p = nl ? nl + 1 : NULL;
	}
}

/* The value of header name in a block of lines, or NULL (malloc'd). */
static char *header_find(const struct buf *lines, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = lines->data; p && *p; ) {
		const char *nl = strchr(p, '\n');
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1 + strspn(p + n + 1, " \t");
			return xstrndup(v, strcspn(v, "\r\n"));
		}
		p = nl ? nl + 1 : NULL;
	}
	return NULL;
}

/* --- the files ----------------------------------------------------------- */

/* Write a whole file only its owner may read; false with the reason. */
static bool write_private(const char *path, const char *data, size_t len)
{
	int fd =
		open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
		     0600);
	size_t done = 0;

	if (fd < 0)
		goto fail;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			errno = e;
			goto fail;
		}
		done += (size_t)n;
	}
	if (close(fd) == 0)
		return true;
fail:
	if (rec->error == NULL)
		rec->error = xasprintf("%s: %s", path, strerror(errno));
	return false;
}

/* The scheme and host of a URL ("https://host:port"), malloc'd. */
static char *url_origin(const char *url)
{
	const char *p = strstr(url, "://");

	p = p ? p + 3 : url;
	return xstrndup(url, (size_t)(p - url) + strcspn(p, "/?#"));
}

/* Write the manifest with the base URL (NULL: not known yet). */
static bool manifest_write(const char *url)
{
	char *path = xasprintf("%s/%s", rec->dir, RECORDING_MANIFEST);
	char *tmp = xasprintf("%s.new", path);
	struct buf b;
	bool ok;

	buf_init(&b);
	buf_printf(&b, "wallboard-recording %d\n%s", RECORDING_VERSION,
		   rec->source);
	if (url)
		buf_printf(&b, "url %s\n", url);
	buf_puts(&b, rec->manifest);
	mask_secrets(&b);
	unlink(tmp);
	ok = write_private(tmp, b.data, b.len);
	if (ok && rename(tmp, path) != 0) {
		rec->error = xasprintf("%s: %s", path, strerror(errno));
		ok = false;
	}
	if (!ok)
		unlink(tmp);
	buf_free(&b);
	free(tmp);
	free(path);
	return ok;
}

/*
 * dir made for the recording (0700), or an empty directory taken: a
 * recording is never mixed with another, nor with other files.
 */
static bool dir_ready(const char *dir, struct errlist *errs)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	bool empty = true;

	if (mkdir(dir, 0700) == 0)
		return true;
	if (errno != EEXIST) {
		errlist_add(errs, "--record %s: %s", dir, strerror(errno));
		return false;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		errlist_add(errs, "--record %s: exists and is not a directory",
			    dir);
		return false;
	}
	if ((d = opendir(dir)) == NULL) {
		errlist_add(errs, "--record %s: %s", dir, strerror(errno));
		return false;
	}
	while (empty && (e = readdir(d)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 ||
			strcmp(e->d_name, "..") == 0;
	closedir(d);
	if (!empty)
		errlist_add(errs,
			    "--record %s: exists and is not empty: give a new "
			    "directory (a recording is never written over "
			    "another)",
			    dir);
	return empty;
}

/* The manifest's lines after the url: start time, credentials. */
static char *manifest_text(const struct config *cfg)
{
	const char *names[32];
	size_t n = config_credentials(cfg, names, WB_ARRAY_LEN(names));
	char when[64];
	time_t now = time(NULL);
	struct tm tm;
	struct buf b;

	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_init(&b);
	buf_printf(&b, "started %s\ncredentials", when);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, " %s", names[i]);
	buf_puts(&b, "\n");
	return b.data;
}

bool record_open(const char *dir, const struct config *cfg,
		 struct errlist *errs)
{
	const char *secrets[16];
	size_t n;

	if (!dir_ready(dir, errs))
		return false;
	rec = xcalloc(1, sizeof(*rec));
	rec->dir = xstrdup(dir);
	rec->t0 = now_mono();
	rec->next = 1;
	n = config_secrets(cfg, secrets, WB_ARRAY_LEN(secrets));
	for (size_t i = 0; i < n; i++)
		secret_add(secrets[i], strlen(secrets[i]));
	rec->source = xasprintf("source %s\n", cfg->provider);
	rec->manifest = manifest_text(cfg);
	rec->url_known = cfg->url != NULL;
	if (!manifest_write(cfg->url)) {
		errlist_add(errs, "--record %s", rec->error);
		free(record_close());
		return false;
	}
	return true;
}

bool record_active(void)
{
	return rec != NULL && rec->error == NULL;
}

char *record_close(void)
{
	char *err;

	if (rec == NULL)
		return NULL;
	err = rec->error;
	for (size_t i = 0; i < rec->nsecrets; i++)
		secret_free(rec->secrets[i]);
	free(rec->secrets);
	free(rec->source);
	free(rec->manifest);
	free(rec->dir);
	free(rec);
	rec = NULL;
	return err;
}

/* --- the exchanges ------------------------------------------------------- */

struct record_req *record_begin(const struct http_call *call)
{
	struct record_req *q;

	if (!record_active())
		return NULL;
	q = xcalloc(1, sizeof(*q));
	q->began = now_mono();
	q->method = xstrdup(call->method);
	q->url = xstrdup(call->url);
	buf_init(&q->headers);
	buf_init(&q->answer);
	/* What is sent, until libcurl says what it sent (record_sent). */
	for (size_t i = 0; call->headers && call->headers[i]; i++)
		buf_printf(&q->headers, "%s\n", call->headers[i]);
	if (call->user)
		buf_puts(&q->headers,
			 "Authorization: Basic " RECORDING_MARK "\n");
	if (call->body) {
		q->body = xmalloc(call->len + 1);
		memcpy(q->body, call->body, call->len);
		q->body[call->len] = '\0';
		q->len = call->len;
	}
	return q;
}

void record_sent(struct record_req *q, const char *data, size_t len)
{
	const char *nl = memchr(data, '\n', len);

	if (q == NULL || nl == NULL)
		return;
	/* The request line is the file's own first line. */
	wipe(&q->headers);
	buf_reset(&q->headers);
	buf_append(&q->headers, nl + 1, len - (size_t)(nl + 1 - data));
}

void record_header(struct record_req *q, const char *line, size_t len)
{
	static const char *const kept[] = {
		"Content-Type", "Set-Cookie", "Retry-After", "Location",
		"WWW-Authenticate"
	};

	if (q == NULL)
		return;
	if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		buf_reset(&q->answer);	/* a new answer (after a 100) */
		return;
	}
	for (size_t i = 0; i < WB_ARRAY_LEN(kept); i++) {
		size_t n = strlen(kept[i]);
		if (len > n && strncasecmp(line, kept[i], n) == 0 &&
		    line[n] == ':') {
			buf_append(&q->answer, line, len);
			if (line[len - 1] != '\n')
				buf_puts(&q->answer, "\n");
		}
	}
}

/* The target of a URL: its path and query ("/" when it has none). */
static const char *target_of(const char *url)
{
	const char *p = strstr(url, "://");

	p = p ? p + 3 : url;
	p += strcspn(p, "/?#");
	return *p == '/' ? p : "/";
}

/* The text of NNNNNN.request, masked. */
static void request_text(const struct record_req *q, struct buf *b)
{
	const char *target = target_of(q->url), *query = strchr(target, '?');
	char *ctype = header_find(&q->headers, "Content-Type");
	struct buf body;

	buf_printf(b, "%s ", q->method);
	buf_append(b, target,
		   query ? (size_t)(query - target) : strlen(target));
	if (query) {
		buf_puts(b, "?");
		mask_form(query + 1, strcspn(query + 1, "#"), b);
	}
	buf_printf(b, "\nAt: %.3f\n", q->began - rec->t0);
	headers_onto(b, &q->headers);
	buf_puts(b, "\n");
	buf_init(&body);
	if (ctype && strstr(ctype, "x-www-form-urlencoded"))
		mask_form(q->body ? q->body : "", q->len, &body);
	else
		buf_append(&body, q->body ? q->body : "", q->len);
	mask_json(&body, false);
	buf_append(b, body.data ? body.data : "", body.len);
	secret_free(body.data);
	free(ctype);
}

/* The text of NNNNNN.response, masked. */
static void response_text(struct record_req *q, const struct http_result *res,
			  struct buf *b)
{
	struct buf body;

	buf_printf(b, "%ld\nTook: %.3f\n", res->status, now_mono() - q->began);
	if (res->status == 0) {
		char *e = xstrdup(res->error ? res->error : "no answer");
		for (char *p = e; *p; p++)
			if ((unsigned char)*p < 0x20)
				*p = ' ';
		buf_printf(b, "Error: %s\n", e);
		free(e);
	}
	headers_onto(b, &q->answer);
	buf_puts(b, "\n");
	buf_init(&body);
	buf_append(&body, res->body ? res->body : "", res->body ? res->len : 0);
	mask_json(&body, true);
	buf_append(b, body.data ? body.data : "", body.len);
	secret_free(body.data);
}

/* What the answer teaches: the values of its cookies. */
static void learn_answer(const struct record_req *q)
{
	for (const char *p = q->answer.data; p && *p; ) {
		const char *nl = strchr(p, '\n');
		if (strncasecmp(p, "Set-Cookie:", 11) == 0) {
			char *v = xstrndup(p + 11, nl ? (size_t)(nl - p - 11) :
					   strlen(p + 11));
			learn_cookie(v + strspn(v, " "));
			secret_free(v);
		}
		p = nl ? nl + 1 : NULL;
	}
}

/* Write both files of an exchange, masked whole first. */
static void exchange_write(struct record_req *q, const struct http_result *res)
{
	struct buf req, resp;
	char *path;

	buf_init(&req);
	buf_init(&resp);
	learn_answer(q);
	response_text(q, res, &resp);	/* learns the answer's tokens */
	request_text(q, &req);
	mask_secrets(&req);
	mask_secrets(&resp);
	path = xasprintf("%s/%06lu.request", rec->dir, rec->next);
	if (write_private(path, req.data ? req.data : "", req.len)) {
		free(path);
		path = xasprintf("%s/%06lu.response", rec->dir, rec->next);
		if (write_private(path, resp.data ? resp.data : "", resp.len))
			rec->next++;
	}
	free(path);
	buf_free(&req);
	buf_free(&resp);
}

void record_end(struct record_req *q, const struct http_result *res)
{
	if (q == NULL)
		return;
	if (record_active()) {
		if (!rec->url_known) {
			char *origin = url_origin(q->url);
			rec->url_known = manifest_write(origin);
			free(origin);
		}
		if (record_active())
			exchange_write(q, res);
	}
	record_drop(q);
}

void record_drop(struct record_req *q)
{
	if (q == NULL)
		return;
	free(q->method);
	free(q->url);
	wipe(&q->headers);
	buf_free(&q->headers);
	buf_free(&q->answer);
	if (q->body)
		explicit_bzero(q->body, q->len);
	free(q->body);
	free(q);
}
