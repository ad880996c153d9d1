/*
 * http.h - asynchronous HTTP for the one event loop, over libcurl's multi
 * interface. The loop polls the sockets http_pollfds() lists and calls
 * http_dispatch() when one is ready or http_next_wake() has come; finished
 * requests call their callback from inside http_dispatch(), never from a
 * curl callback, so a callback may start the next request.
 *
 * All requests share one connection cache (keep-alive: one connection for
 * many polls) and one cookie store (the server's session cookies).
 */
#ifndef WB_HTTP_H
#define WB_HTTP_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

struct http;
struct http_req;

struct http_opts {
	double connect_timeout;	/* seconds */
	double timeout;		/* seconds for a whole request */
	long max_body;		/* bytes; a longer body fails the request */
	bool insecure;		/* do not verify TLS peers */
	const char *ca_file;	/* CA bundle, or NULL for the system's */
	bool gzip;		/* accept compressed bodies */
};

struct http_result {
	long status;		/* HTTP status, 0 when no answer came */
	int curl_code;		/* CURLE_OK or why the transfer failed */
	const char *error;	/* a short description of a failure */
	char *body;		/* NUL-terminated; owned by the request */
	size_t len;
	bool too_large;		/* the body passed max_body */
	/* seconds a Retry-After header asks for; 0: none */
	double retry_after;
	bool cancelled;		/* http_cancel() or http_free() ended it */
};

typedef void (*http_done_fn)(void *ctx, const struct http_result *res);

struct http *http_new(const struct http_opts *opts);
void http_free(struct http *h);

/* What a request sends. */
struct http_call {
	const char *method;
	const char *url;
	/* "Name: value" lines, NULL-terminated, or NULL */
	const char *const *headers;
	const char *body;		/* NULL: none */
	size_t len;
	/* HTTP Basic credentials (libcurl encodes them), or NULL. */
	const char *user, *password;
	/* seconds for the whole request; 0: the client's */
	double timeout;
};

/*
 * Start a request (everything in call is copied). The callback runs once,
 * from http_dispatch() (or http_free(), with status 0, for requests cut
 * short).
 */
struct http_req *http_start(struct http *h, const struct http_call *call,
			    http_done_fn done, void *ctx);

/* End a request now; its callback runs at once with cancelled set. */
void http_cancel(struct http *h, struct http_req *r);

int http_pollfds(struct http *h, struct pollfd *fds, int max);
/* now_mono() time curl wants to be called, or a large value. */
double http_next_wake(const struct http *h);
void http_dispatch(struct http *h, const struct pollfd *fds, int nfds);

/*
 * True when v can go into a request header as a value a server gave us (a
 * token): visible ASCII only. A CR or LF would let it add headers of its
 * own to every request.
 */
bool http_value_ok(const char *v);

/* Forget all cookies, the client's own too (a new login starts clean). */
void http_clear_cookies(struct http *h);

/*
 * Add a cookie of the client's own (a login's token) for url's host, sent
 * with every request there beside the server's cookies (a load balancer's
 * and a session's go back as a browser sends them) until
 * http_clear_cookies(). value must be cookie-octets (the caller checks).
 * False when url has no host or the client has set too many.
 */
bool http_set_cookie(struct http *h, const char *url, const char *name,
		     const char *value);

#endif
