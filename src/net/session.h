/*
 * session.h - what every data source over HTTP shares, whatever its vendor:
 * one request in flight at a time, a planned next step and the time it runs,
 * exponential backoff with jitter after a fault, a pause before logging in
 * again when logins keep being ended, a bearer token and its renewal, the
 * status line's words, and the snapshot waiting to be taken.
 *
 * A provider embeds a struct session, numbers its own steps (0 is "none"),
 * and gives a function that starts a step. Answers come back to the
 * function each request names. A provider's struct begins with its
 * session, whose first member is the struct provider, so the provider_ops
 * of every HTTP provider are the session_op_* functions below but for
 * release and destroy, and the fault handling a user sees is the same on
 * every platform.
 */
#ifndef WB_SESSION_H
#define WB_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "net/http.h"
#include "provider.h"
#include "util.h"

#define STEP_IDLE 0		/* no step planned */

struct session;

/* Start step (a provider's own number) at now. */
typedef void (*session_step_fn)(void *owner, int step, double now);
/* The answer to a request. */
typedef void (*session_answer_fn)(void *owner, const struct http_result *res,
				  double now);
/* The message of an error body (malloc'd, sanitised), or NULL. */
typedef char *(*session_error_fn)(const char *body, size_t len);

struct session {
	struct provider base;		/* first: a session is its provider */
	const struct config *cfg;
	/* base URL: cfg->url unless the provider sets one */
	const char *url;
	struct http *http;
	void *owner;			/* the provider */
	session_step_fn run;
	session_error_fn error_text;
	struct http_req *inflight;	/* the request of the current step */
	int inflight_step;
	int next;			/* the planned step */
	double wake;			/* when it runs */
	/* the current fault backoff, 0 = none */
	double backoff;
	/* faults in a row since the last good data */
	unsigned streak;
	/* now_mono() when the last request began */
	double last_request;
	/* now_mono() when the last poll began */
	double poll_began;
	double last_login;		/* now_mono() of the last login */
	/* the release goes out at once, whatever the streak */
	bool releasing;
	double relogin_backoff;
	char *token;			/* bearer token, or NULL */
	/* now_mono() when it runs out; 0 = never */
	double token_expires;
	struct snapshot *pending;	/* for take() */
	struct provider_status st;
};

/* Start a session for the provider owner (ops: its operations). */
void session_init(struct session *s, const struct provider_ops *ops,
		  const struct config *cfg, void *owner, session_step_fn run,
		  session_error_fn error_text);
/* Free what the session holds (the HTTP client, the token, the snapshot). */
void session_free(struct session *s);

/*
 * Plan step to run at time at (now_mono()). While faults repeat (streak),
 * no request starts sooner than one interval after the last one began,
 * whatever the step: a server never sees a faster stream of requests from
 * a board that is not getting data.
 */
void session_plan(struct session *s, int step, double at);
/* A poll (its first request) begins now: the interval counts from here. */
void session_poll_began(struct session *s, double now);
/* Plan step (the next poll) one interval after the last began, or now. */
void session_plan_poll(struct session *s, int step, double now);
/* Say what is happening, in the status line's words. */
void session_say(struct session *s, enum conn_state state, const char *fmt, ...)
	WB_PRINTF(3, 4);
/*
 * Say how things go (logging in, subscribing, waiting): while faults
 * repeat, the fault stays on the status line until data comes back, so
 * it reads (and is logged) as one state, not a flicker.
 */
void session_progress(struct session *s, enum conn_state state,
		      const char *what);
/* A fault retrying may cure: report what, retry step after the backoff. */
void session_fault(struct session *s, int step, double now, const char *what);
/* A fault only a change of settings cures: report it, retry step slowly. */
void session_fatal(struct session *s, int step, double now, const char *what);
/* Describe a failed request for the status line (never a secret). */
void session_describe(const struct session *s, const struct http_result *res,
		      char *out, size_t outsz);
/* A failed request: describe it and retry step after the backoff. */
void session_transport_fault(struct session *s, int step, double now,
			     const struct http_result *res);
/*
 * The login was ended by the server (a 401): drop the token and log in
 * again with login_step, after a pause that doubles while it keeps
 * happening within a minute of the last login. what says why.
 */
void session_relogin(struct session *s, int login_step, double now,
		     const char *what);

/* The base URL joined with path (malloc'd). */
char *session_url(const struct session *s, const char *path);
/* A request of a session: the path is joined to the session's base URL. */
struct session_call {
	const char *method, *path;
	/* extra header lines, NULL-terminated, or NULL */
	const char *const *headers;
	const char *body;		/* NULL: none */
	const char *ctype;		/* the body's Content-Type */
	const char *user, *password;	/* HTTP Basic credentials, or NULL */
};

/*
 * Start a request; fn gets the answer unless the request is cancelled.
 * Content-Type is added for ctype, and "Accept: application/json" always.
 */
void session_request(struct session *s, const struct session_call *c,
		     session_answer_fn fn);
/* Cancel the request in flight, if any; its answer is never delivered. */
void session_cancel(struct session *s);
/*
 * Give back what the server holds with step (the release, or a login
 * first), now: not held back by a streak of faults. The provider cancels
 * what it no longer needs first.
 */
void session_release(struct session *s, int step);

/* Keep a new token living expires_in seconds (0: no expiry known). */
void session_set_token(struct session *s, char *token, double expires_in,
		       double now);
/* True when the token is missing or near its end and must be renewed. */
bool session_token_due(const struct session *s, double now);
/* "Authorization: Bearer <token>" (malloc'd; wipe it), or NULL. */
char *session_bearer(const struct session *s);

/* A complete new snapshot: offer it, and the fault is over. */
void session_accept(struct session *s, struct snapshot *snap);
/*
 * A body that could not be read: counted, reported, the last data kept,
 * step retried after the backoff like any fault.
 */
void session_malformed(struct session *s, int step, double now,
		       const char *err);

/* The provider_ops of an HTTP provider, over its session. */
int session_pollfds(struct session *s, struct pollfd *fds, int max);
double session_next_wake(struct session *s);
void session_dispatch(struct session *s, const struct pollfd *fds, int nfds);
struct snapshot *session_take(struct session *s);

/*
 * The same as provider_ops members, for a provider whose struct begins
 * with its struct session (whose base is the provider): only release and
 * destroy are the provider's own.
 */
int session_op_pollfds(struct provider *p, struct pollfd *fds, int max);
double session_op_next_wake(struct provider *p);
void session_op_dispatch(struct provider *p, const struct pollfd *fds,
			 int nfds, double now);
struct snapshot *session_op_take(struct provider *p);
void session_op_status(struct provider *p, struct provider_status *st);

/*
 * Drive the session on its own until *done, a fault, or a request's
 * timeouts have passed (--list-*: one answer, no board).
 */
void session_run(struct session *s, const bool *done);

/* A URL-encoded copy of s (malloc'd). */
char *url_escape(const char *s);

#endif
