/*
 * session.c - the part of every HTTP data source that is not about its
 * vendor: stepping, backoff, re-login pauses, tokens and the status line.
 * See session.h.
 */
#include "autoconf.h"

#include <curl/curl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sanitize.h"
#include "net/session.h"
#include "snapshot.h"

#define BACKOFF_FIRST 1.0	/* seconds before the first retry */
#define SLOW_RETRY 60.0		/* retrying what needs a change of settings */
#define RELOGIN_WINDOW 60.0	/* a 401 this soon after a login backs off */
#define RELOGIN_CAP 300.0
#define TOKEN_MARGIN 0.1 /* renew when this share of the lifetime is left */
#define RETRY_AFTER_MAX 600.0	/* the longest Retry-After honoured */

void session_init(struct session *s, const struct provider_ops *ops,
		  const struct config *cfg, void *owner, session_step_fn run,
		  session_error_fn error_text)
{
	struct http_opts o = {
		cfg->connect_timeout, cfg->timeout, cfg->max_body,
		cfg->insecure, cfg->ca_file, cfg->gzip
	};

	memset(s, 0, sizeof(*s));
	s->base.ops = ops;
	s->cfg = cfg;
	s->url = cfg->url;
	s->http = http_new(&o);
	s->owner = owner;
	s->run = run;
	s->error_text = error_text;
	s->wake = 1e300;
	/* Jitter differs between boards started together. */
	srand((unsigned)getpid() ^ (unsigned)(now_wall() * 1000));
	session_say(s, CONN_STARTING, "connecting");
}

void session_free(struct session *s)
{
	http_free(s->http);
	snapshot_free(s->pending);
	secret_free(s->token);
}

void session_plan(struct session *s, int step, double at)
{
	s->next = step;
	s->wake = at;
}

void session_poll_began(struct session *s, double now)
{
	s->poll_began = now;
}

void session_plan_poll(struct session *s, int step, double now)
{
	double at = s->poll_began + s->cfg->interval;

	session_plan(s, step, at > now ? at : now);
}

/*
 * Every word the status line and the log get of a source passes here: the
 * secrets the session knows (and anything a server's message shows after
 * "client_secret=", "Authorization:" and the like) are masked, and what is
 * left is sanitised, whatever it quotes.
 */
void session_say(struct session *s, enum conn_state state, const char *fmt, ...)
{
	char msg[sizeof(s->st.message)], raw[sizeof(s->st.message)];
	const char *secrets[8];
	size_t n;
	va_list ap;

	/* Through a copy: the message may be one of the arguments. */
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	n = config_secrets(s->cfg, secrets, WB_ARRAY_LEN(secrets) - 1);
	secrets[n++] = s->token;
	sanitize_secrets(raw, sizeof(raw), secrets, n);
	sanitize_line(msg, sizeof(msg), raw);
	if (state != s->st.state || strcmp(msg, s->st.message) != 0)
		s->st.repeats = 0;
	s->st.state = state;
	memcpy(s->st.message, msg, sizeof(msg));
}

void session_progress(struct session *s, enum conn_state state,
		      const char *what)
{
	if (s->streak == 0)
		session_say(s, state, "%s", what);
}

/*
 * The wait before retrying after a fault: doubling from one interval (or
 * a second, when the interval is shorter) up to retry_max, with jitter so
 * many boards spread out. The jitter never makes it shorter than an
 * interval, nor longer than retry_max.
 */
static double next_backoff(struct session *s)
{
	double first = s->cfg->interval > BACKOFF_FIRST ? s->cfg->interval :
		       BACKOFF_FIRST;
	double cap = s->cfg->retry_max > first ? s->cfg->retry_max : first;
	double b = s->backoff ? s->backoff * 2 : first, wait;

	if (b > cap)
		b = cap;
	s->backoff = b;
	wait = b * (0.8 + 0.2 * ((double)rand() / RAND_MAX));
	return wait > s->cfg->interval ? wait : s->cfg->interval;
}

/* One more fault in a row: counted, and the same one counted as a repeat. */
static void count_fault(struct session *s, const char *what)
{
	bool same = s->st.state == CONN_RETRYING &&
		    strcmp(s->st.message, what) == 0;
	unsigned repeats = s->st.repeats;

	s->streak++;
	s->st.faults++;
	session_say(s, CONN_RETRYING, "%s", what);
	s->st.repeats = same ? repeats + 1 : 0;
}

void session_fault(struct session *s, int step, double now, const char *what)
{
	double wait = next_backoff(s);

	count_fault(s, what);
	s->st.retry_at = now + wait;
	session_plan(s, step, now + wait);
}

void session_fatal(struct session *s, int step, double now, const char *what)
{
	count_fault(s, what);
	s->st.fatal = true;
	s->st.retry_at = now + SLOW_RETRY;
	session_plan(s, step, now + SLOW_RETRY);
}

/* True when a transfer failed on the server's certificate or our CA file. */
static bool tls_trust_failure(const struct http_result *res)
{
	return res->curl_code == CURLE_PEER_FAILED_VERIFICATION ||
	       res->curl_code == CURLE_SSL_CACERT_BADFILE ||
	       res->curl_code == CURLE_SSL_CERTPROBLEM ||
	       res->curl_code == CURLE_SSL_ISSUER_ERROR ||
	       res->curl_code == CURLE_SSL_PINNEDPUBKEYNOTMATCH;
}

void session_describe(const struct session *s, const struct http_result *res,
		      char *out, size_t outsz)
{
	const char *why = res->error ? res->error : "no answer";
	char *clean, *msg = NULL;

	if (res->too_large) {
		snprintf(out, outsz,
			 "the server's answer was larger than max_body");
		return;
	}
	if (tls_trust_failure(res) || res->status == 0) {
		clean = sanitize_dup(why, strlen(why));
		if (tls_trust_failure(res))
			snprintf(out, outsz, "the server's certificate is not "
				 "trusted (%s): give its CA with ca_file or "
				 "--ca-file", clean);
		else if (res->curl_code == CURLE_OUT_OF_MEMORY)
			/*
			 * What libcurl says of a header past its limit, too.
			 */
			snprintf(out, outsz, "the server's answer could not be "
				 "read (headers too large, or no memory)");
		else
			snprintf(out, outsz, "no answer from the server (%s)",
				 clean);
		free(clean);
		return;
	}
	if (s->error_text)
		msg = s->error_text(res->body, res->len);
	if (msg)
		snprintf(out, outsz, "server answered %ld: %s", res->status,
			 msg);
	else
		snprintf(out, outsz, "server answered %ld", res->status);
	free(msg);
}

/*
 * An untrusted certificate needs a change of settings, so besides the
 * retry it is marked fatal (--once gives up on it).
 */
void session_transport_fault(struct session *s, int step, double now,
			     const struct http_result *res)
{
	char what[400];
	double wait;

	session_describe(s, res, what, sizeof(what));
	if ((res->status == 429 || res->status == 503) &&
	    res->retry_after > 0) {
		/* The server says when: honoured, within reason. */
		wait = res->retry_after < RETRY_AFTER_MAX ? res->retry_after :
		       RETRY_AFTER_MAX;
		if (wait < s->cfg->interval)
			wait = s->cfg->interval;
		count_fault(s, what);
		s->st.retry_at = now + wait;
		session_plan(s, step, now + wait);
		return;
	}
	session_fault(s, step, now, what);
	if (tls_trust_failure(res))
		s->st.fatal = true;
}

void session_relogin(struct session *s, int login_step, double now,
		     const char *what)
{
	if (now - s->last_login < RELOGIN_WINDOW) {
		s->relogin_backoff =
			s->relogin_backoff ? s->relogin_backoff * 2 : 2;
		if (s->relogin_backoff > RELOGIN_CAP)
			s->relogin_backoff = RELOGIN_CAP;
	} else
		s->relogin_backoff = 0;
	session_set_token(s, NULL, 0, now);
	count_fault(s, what);
	s->st.retry_at = now + s->relogin_backoff;
	session_plan(s, login_step, now + s->relogin_backoff);
}

char *session_url(const struct session *s, const char *path)
{
	const char *base = s->url ? s->url : "";
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	return xasprintf("%.*s%s", (int)n, base, path);
}

struct call {
	struct session *s;
	session_answer_fn fn;
};

/* Route a finished request to its handler. */
static void on_done(void *ctx, const struct http_result *res)
{
	struct call *c = ctx;
	struct session *s = c->s;
	session_answer_fn fn = c->fn;

	free(c);
	s->inflight = NULL;
	if (res->cancelled)
		return;
	fn(s->owner, res, now_mono());
}

void session_request(struct session *s, const struct session_call *sc,
		     session_answer_fn fn)
{
	const char *all[12];
	char *ct = NULL, *url = session_url(s, sc->path);
	struct call *c = xmalloc(sizeof(*c));
	struct http_call hc = {
		sc->method, url, all, sc->body, sc->body ? strlen(sc->body) : 0,
		sc->user, sc->password, 0
	};
	int n = 0;

	for (size_t i = 0; sc->headers && sc->headers[i] && n < 9; i++)
		all[n++] = sc->headers[i];
	if (sc->ctype)
		all[n++] = ct = xasprintf("Content-Type: %s", sc->ctype);
	all[n++] = "Accept: application/json";
	all[n] = NULL;
	c->s = s;
	c->fn = fn;
	s->last_request = now_mono();
	s->inflight = http_start(s->http, &hc, on_done, c);
	free(ct);
	free(url);
}

void session_cancel(struct session *s)
{
	if (s->inflight)
		http_cancel(s->http, s->inflight);
	s->inflight = NULL;
}

void session_release(struct session *s, int step)
{
	s->releasing = true;
	session_say(s, CONN_RELEASING, "releasing the subscription");
	session_plan(s, step, now_mono());
	session_dispatch(s, NULL, 0);
}

void session_set_token(struct session *s, char *token, double expires_in,
		       double now)
{
	secret_free(s->token);
	s->token = token;
	s->token_expires = token && expires_in > 0 ? now + expires_in : 0;
}

/*
 * Renewal starts when a tenth of the token's life is left, so a slow
 * answer still arrives before the old token runs out.
 */
bool session_token_due(const struct session *s, double now)
{
	double life;

	if (s->token == NULL)
		return true;
	if (s->token_expires == 0)
		return false;
	life = s->token_expires - s->last_login;
	return now >= s->token_expires - life * TOKEN_MARGIN;
}

char *session_bearer(const struct session *s)
{
	return s->token ? xasprintf("Authorization: Bearer %s", s->token)
			: NULL;
}

void session_accept(struct session *s, struct snapshot *snap)
{
	snapshot_free(s->pending);
	s->pending = snap;
	s->backoff = 0;
	s->streak = 0;
	s->st.fatal = false;
	session_say(s, CONN_LIVE, "%s", "");
}

/*
 * A body with parts of the wrong shape is refused whole: showing the parts
 * that parsed would blank panels that still have good, if older, data.
 */
void session_malformed(struct session *s, int step, double now, const char *err)
{
	char what[sizeof(s->st.message)];

	s->st.malformed++;
	snprintf(what, sizeof(what), "the server sent a malformed answer (%s); "
		 "keeping the last good data", err);
	session_fault(s, step, now, what);
}

int session_pollfds(struct session *s, struct pollfd *fds, int max)
{
	return http_pollfds(s->http, fds, max);
}

double session_next_wake(struct session *s)
{
	double w = http_next_wake(s->http);

	if (s->inflight == NULL && s->wake < w)
		w = s->wake;
	return w;
}

/*
 * Let curl work, then run the planned step when it is due and nothing is
 * in flight. While faults repeat, a step waits until an interval has
 * passed since the last request began.
 */
void session_dispatch(struct session *s, const struct pollfd *fds, int nfds)
{
	double now;
	int step;

	http_dispatch(s->http, fds, nfds);
	now = now_mono();
	if (s->inflight != NULL || now < s->wake)
		return;
	if (s->streak > 0 && s->next != STEP_IDLE && !s->releasing &&
	    now < s->last_request + s->cfg->interval) {
		s->wake = s->last_request + s->cfg->interval;
		return;
	}
	step = s->next;
	session_plan(s, STEP_IDLE, 1e300);
	s->inflight_step = step;
	if (step != STEP_IDLE)
		s->run(s->owner, step, now);
}

struct snapshot *session_take(struct session *s)
{
	struct snapshot *snap = s->pending;

	s->pending = NULL;
	return snap;
}

void session_run(struct session *s, const bool *done)
{
	double deadline =
		now_mono() + s->cfg->timeout + s->cfg->connect_timeout;
	struct pollfd fds[16];

	while (!*done && s->st.faults == 0 && now_mono() < deadline) {
		int n = session_pollfds(s, fds, 16);
		double wake = session_next_wake(s) - now_mono();
		int ms = wake < 0 ? 0 : wake > 0.5 ? 500 : (int)(wake * 1000);
		if (poll(fds, (nfds_t)n, ms) < 0)
			break;
		session_dispatch(s, fds, n);
	}
}

int session_op_pollfds(struct provider *p, struct pollfd *fds, int max)
{
	return session_pollfds((struct session *)p, fds, max);
}

double session_op_next_wake(struct provider *p)
{
	return session_next_wake((struct session *)p);
}

void session_op_dispatch(struct provider *p, const struct pollfd *fds,
			 int nfds, double now)
{
	session_dispatch((struct session *)p, fds, nfds);
}

struct snapshot *session_op_take(struct provider *p)
{
	return session_take((struct session *)p);
}

void session_op_status(struct provider *p, struct provider_status *st)
{
	*st = ((struct session *)p)->st;
}

char *url_escape(const char *s)
{
	char *e = curl_easy_escape(NULL, s ? s : "", 0);
	char *out = xstrdup(e ? e : "");

	if (e) {
		explicit_bzero(e, strlen(e));
		curl_free(e);
	}
	return out;
}
