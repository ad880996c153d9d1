/*
 * replay.c - wallboard-sim --replay DIR: a recording (wallboard --record,
 * or one written by hand; wallboard(1), RECORDINGS) served over HTTP in
 * place of the simulated centre, so a board's real client path (login,
 * subscribe, poll, release) runs against what a real server once sent.
 *
 * The request is matched as wallboard --replay matches it (net/replay.h):
 * by method and target, the exchange recorded nearest to the recording's
 * time, the clock starting at the first request; the answer waits its
 * recorded duration over the speed. A recorded failure (no answer) and
 * every request past the end of the recording get their connection
 * closed, as a server that has gone; a request the recording never saw
 * gets the API's 404. The /sim/ endpoints still work.
 */
#include "autoconf.h"

#include <math.h>
#include <string.h>

#include "net/replay.h"
#include "sim/server.h"

static struct replay play;	/* play.rec NULL: not replaying */

bool sim_replay_load(const char *dir, double speed, struct errlist *errs)
{
	const struct sim_api *api;

	play.rec = recording_load(dir, errs);
	if (play.rec == NULL)
		return false;
	api = sim_api_find(play.rec->m.source);
	if (api == NULL) {
		errlist_add(errs,
			    "%s: line %d: unknown source \"%s\" (known: %s)",
			    play.rec->m.file, play.rec->m.source_line,
			    play.rec->m.source, sim_api_names());
		sim_replay_free();
		return false;
	}
	server.api = api;	/* its paths, its error answer, its faults */
	play.speed = speed;
	play.started = -1;
	return true;
}

bool sim_replaying(void)
{
	return play.rec != NULL;
}

void sim_replay_free(void)
{
	recording_free(play.rec);
	play.rec = NULL;
}

/* A key being built: its text, and whether a query has begun. */
struct key {
	struct buf b;
	bool query;
};

/* One query argument onto the key, as recording_key() writes it. */
static mhd_result key_arg(void *cls, enum MHD_ValueKind kind,
			  const char *name, const char *value)
{
	struct key *k = cls;

	buf_puts(&k->b, k->query ? "&" : "?");
	k->query = true;
	buf_puts(&k->b, name);
	if (value) {
		buf_puts(&k->b, "=");
		buf_puts(&k->b, value);
	}
	return MHD_YES;
}

/*
 * The request's key: its method, its path and its query, decoded (as
 * libmicrohttpd gives them), in the order they came.
 */
static char *request_key(struct request *rq)
{
	struct key k = { { NULL, 0, 0 }, false };

	buf_printf(&k.b, "%s %s", rq->method, rq->path);
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, key_arg, &k);
	return k.b.data;
}

/* The recorded answer as a reply: status, body, the headers that matter. */
static void reply_recorded(const struct rec_exchange *x, struct reply *rp)
{
	struct buf body;
	bool too_large;
	char err[300];

	if (!recording_body(play.rec, x, 0, &body, &too_large, err,
			    sizeof(err))) {
		reply_api_error(rp, 500, err);
		return;
	}
	rp->status = (int)x->status;
	rp->body = body.data;
	rp->len = body.len;
	rp->ctype = x->ctype;
	for (size_t i = 0; i < x->ncookies && rp->ncookies < 4; i++)
		rp->cookies[rp->ncookies++] = xstrdup(x->cookies[i]);
	rp->retry_after = (int)ceil(x->retry_after);
}

void sim_replay_route(struct request *rq, struct reply *rp)
{
	char *key = request_key(rq), why[300];
	const struct rec_exchange *x;

	x = recording_match(play.rec, key, replay_clock(&play, now_mono()),
			    why, sizeof(why));
	free(key);
	if (x == NULL) {
		if (strcmp(why, RECORDING_ENDS) == 0)
			rp->drop = true;
		else
			reply_api_error(rp, 404, why);
		return;
	}
	rp->delay_ms = (int)(x->took / play.speed * 1000);
	if (x->status == 0)
		rp->drop = true;	/* no answer came: none comes */
	else
		reply_recorded(x, rp);
}
