/*
 * http.c - libcurl multi interface driven by the program's poll loop.
 *
 * curl tells us which sockets it wants watched (socket callback) and when
 * it next needs a call (timer callback); we keep both here and hand them to
 * the loop. No thread, no blocking call.
 *
 * Under --record every exchange is also handed to net/record.c when it
 * ends; under --replay no request reaches curl: its answer comes from the
 * recording (net/replay.c), delivered by http_dispatch() when its recorded
 * time has passed, through the same callback and struct http_result as a
 * real answer, so every source's client runs unchanged on a recording.
 */
#include "autoconf.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"
#include "net/record.h"
#include "net/replay.h"
#include "util.h"

#define HTTP_MAX_SOCKS 16
#define HTTP_MAX_COOKIES 64	/* more than any login needs */
#define HTTP_OWN_COOKIES 4	/* the client's own: a login's token ... */

struct http_sock {
	curl_socket_t fd;
	int what;		/* CURL_POLL_IN / OUT / INOUT */
};

struct http {
	CURLM *multi;
	CURLSH *share;
	struct http_opts opts;
	struct http_sock socks[HTTP_MAX_SOCKS];
	int nsocks;
	double wake;		/* now_mono() of curl's timer; <0 = none */
	int running;
	struct http_req *reqs;	/* all live requests */
	/*
	 * cookies the client set (Netscape lines, secret): they outlive a
	 * flush
	 */
	char *own[HTTP_OWN_COOKIES];
	size_t nown;
};

struct http_req {
	struct http *h;
	CURL *easy;
	struct curl_slist *headers;
	char *body;		/* request body (copied) */
	struct buf resp;
	bool too_large;
	char errbuf[CURL_ERROR_SIZE];
	http_done_fn done;
	void *ctx;
	struct http_req *next;
	struct record_req *rec;		/* --record: this exchange, or NULL */
	/* --replay: answered from the recording, at due (now_mono()) */
	bool replayed, ready;
	double due;
	struct replay_answer ans;
};

/* curl's socket callback: remember what to poll on fd. */
static int on_socket(CURL *easy, curl_socket_t fd, int what, void *userp,
		     void *sockp)
{
	struct http *h = userp;
	int i;

	for (i = 0; i < h->nsocks; i++)
		if (h->socks[i].fd == fd)
			break;
	if (what == CURL_POLL_REMOVE) {
		if (i < h->nsocks)
			h->socks[i] = h->socks[--h->nsocks];
		return 0;
	}
	if (i == h->nsocks) {
		if (h->nsocks == HTTP_MAX_SOCKS)
			return -1;
		h->nsocks++;
	}
	h->socks[i].fd = fd;
	h->socks[i].what = what;
	return 0;
}

/* curl's timer callback: when to call it next (-1: no timer). */
static int on_timer(CURLM *multi, long timeout_ms, void *userp)
{
	struct http *h = userp;

	h->wake =
		timeout_ms < 0 ? -1 : now_mono() + (double)timeout_ms / 1000.0;
	return 0;
}

/* --record: each header line of the answer. */
static size_t on_header(char *data, size_t size, size_t n, void *userp)
{
	struct http_req *r = userp;

	record_header(r->rec, data, size * n);
	return size * n;
}

/* --record: the request's headers as sent (with cookies, credentials). */
static int on_debug(CURL *easy, curl_infotype type, char *data, size_t size,
		    void *userp)
{
	struct http_req *r = userp;

	if (type == CURLINFO_HEADER_OUT)
		record_sent(r->rec, data, size);
	return 0;
}

/* Append a chunk of the answer, refusing to grow past max_body. */
static size_t on_write(char *data, size_t size, size_t n, void *userp)
{
	struct http_req *r = userp;
	size_t len = size * n;

	if (r->h->opts.max_body > 0 &&
	    r->resp.len + len > (size_t)r->h->opts.max_body) {
		r->too_large = true;
		return 0;
	}
	buf_append(&r->resp, data, len);
	return len;
}

struct http *http_new(const struct http_opts *opts)
{
	struct http *h = xcalloc(1, sizeof(*h));

	curl_global_init(CURL_GLOBAL_DEFAULT);
	h->opts = *opts;
	h->wake = -1;
	h->multi = curl_multi_init();
	curl_multi_setopt(h->multi, CURLMOPT_SOCKETFUNCTION, on_socket);
	curl_multi_setopt(h->multi, CURLMOPT_SOCKETDATA, h);
	curl_multi_setopt(h->multi, CURLMOPT_TIMERFUNCTION, on_timer);
	curl_multi_setopt(h->multi, CURLMOPT_TIMERDATA, h);
	/* One connection to the server: a probe waits its turn behind a poll
	 * rather than opening a second one (keep-alive is the point). */
	curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 1L);
	h->share = curl_share_init();
	curl_share_setopt(h->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
	curl_share_setopt(h->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	return h;
}

/* Detach a request from the live list and free it. */
static void req_free(struct http_req *r)
{
	struct http_req **pp;

	for (pp = &r->h->reqs; *pp; pp = &(*pp)->next)
		if (*pp == r) {
			*pp = r->next;
			break;
		}
	if (r->easy) {
		curl_multi_remove_handle(r->h->multi, r->easy);
		curl_easy_cleanup(r->easy);
	}
	curl_slist_free_all(r->headers);
	record_drop(r->rec);
	buf_free(&r->ans.body);
	/* A login body holds a secret: leave nothing of it behind. */
	if (r->body)
		explicit_bzero(r->body, strlen(r->body));
	free(r->body);
	buf_free(&r->resp);
	free(r);
}

void http_free(struct http *h)
{
	if (h == NULL)
		return;
	while (h->reqs)
		http_cancel(h, h->reqs);
	curl_multi_cleanup(h->multi);
	curl_share_cleanup(h->share);
	for (size_t i = 0; i < h->nown; i++)
		secret_free(h->own[i]);
	free(h);
	curl_global_cleanup();
}

/* Set the options every request has. */
static void easy_setup(struct http_req *r, const char *method, const char *url)
{
	const struct http_opts *o = &r->h->opts;
	CURL *e = r->easy;

	curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_SHARE, r->h->share);
	curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
			 (long)(o->connect_timeout * 1000));
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(o->timeout * 1000));
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->errbuf);
	curl_easy_setopt(e, CURLOPT_USERAGENT,
			 PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
	if (o->gzip)
		curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	if (o->insecure) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	if (o->ca_file)
		curl_easy_setopt(e, CURLOPT_CAINFO, o->ca_file);
	if (o->max_body > 0)
		curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
				 (curl_off_t)o->max_body);
	if (strcmp(method, "GET") != 0)
		curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
	if (r->rec) {
		curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
		curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
		/* The debug callback is how curl shows what it sent. */
		curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
		curl_easy_setopt(e, CURLOPT_DEBUGDATA, r);
		curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
	}
}

/*
 * --replay: the request answered from the recording; the answer waits
 * for its recorded duration (or the request's timeout, when that is
 * shorter: a live client would have given up), both at the replay's
 * speed.
 */
static struct http_req *replay_start(struct http *h,
				     const struct http_call *call,
				     http_done_fn done, void *ctx)
{
	struct http_req *r = xcalloc(1, sizeof(*r));
	double now = now_mono();
	double limit = call->timeout > 0 ? call->timeout : h->opts.timeout;

	r->h = h;
	r->done = done;
	r->ctx = ctx;
	r->replayed = true;
	buf_init(&r->resp);
	replay_answer(replay_active(), call->method, call->url, now,
		      h->opts.max_body > 0 ? (size_t)h->opts.max_body : 0,
		      &r->ans);
	r->due = now + r->ans.delay;
	if (r->ans.x && limit > 0 && r->ans.x->took > limit) {
		r->due = now + limit / replay_active()->speed;
		r->ans.status = 0;
		snprintf(r->ans.error, sizeof(r->ans.error), "timed out after "
			 "%g s (the recorded answer took %.3f s)", limit,
			 r->ans.x->took);
	}
	r->next = h->reqs;
	h->reqs = r;
	return r;
}

struct http_req *http_start(struct http *h, const struct http_call *call,
			    http_done_fn done, void *ctx)
{
	struct http_req *r;
	const char *body = call->body;
	size_t len = call->len;

	if (replay_active())
		return replay_start(h, call, done, ctx);
	r = xcalloc(1, sizeof(*r));
	r->h = h;
	r->done = done;
	r->ctx = ctx;
	buf_init(&r->resp);
	r->rec = record_begin(call);
	r->easy = curl_easy_init();
	easy_setup(r, call->method, call->url);
	if (call->timeout > 0)
		curl_easy_setopt(r->easy, CURLOPT_TIMEOUT_MS,
				 (long)(call->timeout * 1000));
	if (call->user) {
		/*
		 * libcurl copies both; the request's own copy is wiped with
		 * it.
		 */
		curl_easy_setopt(r->easy, CURLOPT_HTTPAUTH,
				 (long)CURLAUTH_BASIC);
		curl_easy_setopt(r->easy, CURLOPT_USERNAME, call->user);
		curl_easy_setopt(r->easy, CURLOPT_PASSWORD,
				 call->password ? call->password : "");
	}
	for (size_t i = 0; call->headers && call->headers[i]; i++)
		r->headers = curl_slist_append(r->headers, call->headers[i]);
	/* No "Expect: 100-continue" round trip for small bodies. */
	r->headers = curl_slist_append(r->headers, "Expect:");
	curl_easy_setopt(r->easy, CURLOPT_HTTPHEADER, r->headers);
	if (body) {
		r->body = xstrndup(body, len);
		curl_easy_setopt(r->easy, CURLOPT_POSTFIELDS, r->body);
		curl_easy_setopt(r->easy, CURLOPT_POSTFIELDSIZE_LARGE,
				 (curl_off_t)len);
	}
	curl_easy_setopt(r->easy, CURLOPT_PRIVATE, r);
	r->next = h->reqs;
	h->reqs = r;
	curl_multi_add_handle(h->multi, r->easy);
	return r;
}

int http_pollfds(struct http *h, struct pollfd *fds, int max)
{
	int n = 0;

	for (int i = 0; i < h->nsocks && n < max; i++, n++) {
		fds[n].fd = h->socks[i].fd;
		fds[n].events = 0;
		fds[n].revents = 0;
		if (h->socks[i].what & CURL_POLL_IN)
			fds[n].events |= POLLIN;
		if (h->socks[i].what & CURL_POLL_OUT)
			fds[n].events |= POLLOUT;
	}
	return n;
}

double http_next_wake(const struct http *h)
{
	double w = h->wake < 0 ? 1e300 : h->wake;

	for (const struct http_req *r = h->reqs; r; r = r->next)
		if (r->replayed && r->due < w)
			w = r->due;
	return w;
}

/* Give one Netscape cookie line to the shared store. */
static void store_cookie(struct http *h, const char *line)
{
	CURL *e = curl_easy_init();

	curl_easy_setopt(e, CURLOPT_SHARE, h->share);
	curl_easy_setopt(e, CURLOPT_COOKIELIST, line);
	curl_easy_cleanup(e);
}

/* Empty the store but for the client's own cookies. */
static void flush_cookies(struct http *h)
{
	CURL *e = curl_easy_init();

	curl_easy_setopt(e, CURLOPT_SHARE, h->share);
	curl_easy_setopt(e, CURLOPT_COOKIELIST, "ALL");
	curl_easy_cleanup(e);
	for (size_t i = 0; i < h->nown; i++)
		store_cookie(h, h->own[i]);
}

/*
 * A server that sets a new cookie on every answer would grow the cookie
 * store without end: past HTTP_MAX_COOKIES it is emptied, but for the
 * client's own cookies (a login's token stays; a server's cookie that
 * mattered comes back with its next Set-Cookie, or a 401 and a login).
 */
static void bound_cookies(struct http *h, CURL *easy)
{
	struct curl_slist *all = NULL, *c;
	size_t n = 0;

	if (curl_easy_getinfo(easy, CURLINFO_COOKIELIST, &all) != CURLE_OK)
		return;
	for (c = all; c; c = c->next)
		n++;
	curl_slist_free_all(all);
	if (n > HTTP_MAX_COOKIES)
		flush_cookies(h);
}

/* Hand every finished transfer to its callback. */
static void finish_done(struct http *h)
{
	CURLMsg *msg;
	int left;

	while ((msg = curl_multi_info_read(h->multi, &left)) != NULL) {
		struct http_req *r;
		struct http_result res;

		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
				  (char **)&r);
		memset(&res, 0, sizeof(res));
		res.curl_code = msg->data.result;
		curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &res.status);
		res.too_large = r->too_large ||
				msg->data.result == CURLE_FILESIZE_EXCEEDED;
		{
			curl_off_t ra = 0;
			if (curl_easy_getinfo(r->easy, CURLINFO_RETRY_AFTER,
					      &ra) == CURLE_OK &&
			    ra > 0)
				res.retry_after = (double)ra;
		}
		if (res.curl_code != CURLE_OK) {
			/*
			 * No complete answer: a status would make a partial
			 * body look whole.
			 */
			res.status = 0;
			res.error = r->errbuf[0] ? r->errbuf :
				    curl_easy_strerror(msg->data.result);
		}
		buf_append(&r->resp, "", 0);
		res.body = r->resp.data;
		res.len = r->resp.len;
		bound_cookies(h, r->easy);
		record_end(r->rec, &res);
		r->rec = NULL;
		/*
		 * Detach first so the callback may start new requests freely.
		 */
		curl_multi_remove_handle(h->multi, r->easy);
		if (r->done)
			r->done(r->ctx, &res);
		req_free(r);
	}
}

/*
 * --replay: hand every answer whose time has come to its callback. Only
 * those due when this began: an answer a callback's new request gets at
 * once waits for the next dispatch, as a network answer would.
 */
static void finish_replayed(struct http *h)
{
	double now = now_mono();
	struct http_req *r;

	for (r = h->reqs; r; r = r->next)
		r->ready = r->replayed && r->due <= now;
	for (;;) {
		struct http_result res;
		for (r = h->reqs; r && !r->ready; r = r->next)
			;
		if (r == NULL)
			break;
		memset(&res, 0, sizeof(res));
		res.status = r->ans.status;
		res.retry_after = r->ans.retry_after;
		res.too_large = r->ans.too_large;
		if (res.status == 0) {
			res.curl_code = res.too_large ? CURLE_FILESIZE_EXCEEDED
						      : CURLE_RECV_ERROR;
			res.error = r->ans.error;
			buf_reset(&r->ans.body);
		}
		buf_append(&r->ans.body, "", 0);
		res.body = r->ans.body.data;
		res.len = r->ans.body.len;
		r->ready = false;
		/* no longer due: it is being answered */
		r->replayed = false;
		if (r->done)
			r->done(r->ctx, &res);
		req_free(r);
	}
}

void http_dispatch(struct http *h, const struct pollfd *fds, int nfds)
{
	for (int i = 0; i < nfds; i++) {
		int ev = 0;
		if (fds[i].revents == 0)
			continue;
		if (fds[i].revents & (POLLIN | POLLHUP))
			ev |= CURL_CSELECT_IN;
		if (fds[i].revents & POLLOUT)
			ev |= CURL_CSELECT_OUT;
		if (fds[i].revents & (POLLERR | POLLNVAL))
			ev |= CURL_CSELECT_ERR;
		curl_multi_socket_action(h->multi, fds[i].fd, ev, &h->running);
	}
	if (h->wake >= 0 && now_mono() >= h->wake) {
		h->wake = -1;
		curl_multi_socket_action(h->multi, CURL_SOCKET_TIMEOUT, 0,
					 &h->running);
	}
	finish_done(h);
	finish_replayed(h);
}

void http_cancel(struct http *h, struct http_req *r)
{
	struct http_result res;
	http_done_fn done = r->done;
	void *ctx = r->ctx;

	memset(&res, 0, sizeof(res));
	res.curl_code = CURLE_ABORTED_BY_CALLBACK;
	res.error = "cancelled";
	res.cancelled = true;
	req_free(r);
	if (done)
		done(ctx, &res);
}

bool http_value_ok(const char *v)
{
	for (; *v; v++)
		if ((unsigned char)*v < 0x21 || (unsigned char)*v > 0x7e)
			return false;
	return true;
}

void http_clear_cookies(struct http *h)
{
	for (size_t i = 0; i < h->nown; i++)
		secret_free(h->own[i]);
	h->nown = 0;
	flush_cookies(h);
}

bool http_set_cookie(struct http *h, const char *url, const char *name,
		     const char *value)
{
	CURLU *u = curl_url();
	char *host = NULL, *line;
	bool ok = false;

	if (h->nown == HTTP_OWN_COOKIES || u == NULL ||
	    curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		goto out;
	/*
	 * Netscape format: this host alone (no subdomains), every path, over
	 * http too, for the session. A Set-Cookie of the same name, host and
	 * path from the server replaces it, so it never goes out twice.
	 */
	line = xasprintf("%s\tFALSE\t/\tFALSE\t0\t%s\t%s", host, name, value);
	h->own[h->nown++] = line;
	store_cookie(h, line);
	ok = true;
out:
	curl_free(host);
	curl_url_cleanup(u);
	return ok;
}
