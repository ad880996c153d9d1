/*
 * replay.h - recordings (--record writes them, net/record.c) read back:
 * wallboard --replay answers its requests from one instead of a server
 * (net/http.c), and wallboard-sim --replay serves one over HTTP
 * (sim/replay.c). The format is in wallboard(1), RECORDINGS: a directory
 * holding a manifest, DIR/recording, and two files per exchange,
 * NNNNNN.request and NNNNNN.response, each a first line, header lines, a
 * blank line and the body to the end of the file.
 *
 * A request is answered by an exchange of the same method and target
 * (path and query, compared decoded) recorded nearest to the recording's
 * time at that moment: the clock starts at the first request (as the
 * recording's first), runs speed times faster, and the answer comes
 * after the exchange's recorded duration over speed. Past the end of the
 * recording every request fails, as against a server that has gone.
 */
#ifndef WB_REPLAY_H
#define WB_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

#define RECORDING_VERSION 1
#define RECORDING_MANIFEST "recording"
/* What stands in a recording where a secret was. */
#define RECORDING_MARK "@REDACTED@"
/* Why every request past the end of a recording fails. */
#define RECORDING_ENDS "the recording ends here"

/* DIR/recording: what the recording is of. */
struct rec_manifest {
	char *file;		/* DIR/recording */
	int version;
	char *source;		/* the data source's name */
	int source_line;
	char *url;		/* the base URL the session had */
	char *started;		/* when, as ISO 8601 (for people) */
	bool has_credentials;	/* a credentials line was there */
	char **credentials;	/* the settings the session had (names only) */
	size_t ncredentials;
};

/* One exchange: what is needed to find it and to answer with it. */
struct rec_exchange {
	unsigned long number;	/* NNNNNN of its two files */
	char *response;		/* the path of its .response */
	double at;		/* seconds since the recording started */
	double took;		/* seconds the answer took */
	char *method;
	char *target;		/* path?query as recorded */
	char *key;		/* "METHOD target", the target decoded */
	long status;		/* 0: no answer came */
	char *error;		/* status 0: why (its Error: header) */
	char *ctype;		/* the answer's Content-Type, or NULL */
	char **cookies;		/* its Set-Cookie values */
	size_t ncookies;
	double retry_after;	/* its Retry-After, seconds; 0: none */
	long body_at;		/* where the body starts in the .response */
};

struct recording {
	char *dir;
	struct rec_manifest m;
	struct rec_exchange *x;	/* in the order of their numbers */
	size_t n;
	size_t *order;		/* x's indices by key, then time */
	double first;		/* the first exchange's time */
	double end;		/* when the last answer ended */
};

/*
 * Read DIR/recording into m. False with "file: line N: why" in errs for
 * a missing file, another format or version, a line that is not
 * "key value", or no source or url.
 */
bool rec_manifest_read(const char *dir, struct rec_manifest *m,
		       struct errlist *errs);
void rec_manifest_free(struct rec_manifest *m);

/*
 * Read a whole recording: the manifest and the heads of every exchange
 * (bodies are read when answered). NULL with each file and its fault in
 * errs: a request without its response or the reverse, a first line or
 * a header line that is not one, a time that is not a number.
 */
struct recording *recording_load(const char *dir, struct errlist *errs);
void recording_free(struct recording *r);

/* "METHOD target" with the target's path and query decoded (malloc'd). */
char *recording_key(const char *method, const char *target);

/*
 * The exchange that answers key at time t of the recording, or NULL
 * with why (the recording has ended, or holds no such request; why is
 * written into a buffer of whysz bytes).
 */
const struct rec_exchange *recording_match(const struct recording *r,
					   const char *key, double t,
					   char *why, size_t whysz);

/*
 * The body of x's answer into out (buf_init'd here), at most max bytes
 * (0: any): false with the reason in err when its file cannot be read
 * or (too_large set) is longer.
 */
bool recording_body(const struct recording *r, const struct rec_exchange *x,
		    size_t max, struct buf *out, bool *too_large,
		    char *err, size_t errsz);

/* A recording being played: its clock. */
struct replay {
	struct recording *rec;
	double speed;		/* > 0; 2: twice as fast */
	/* now_mono() of the first request; < 0 before */
	double started;
};

/*
 * The recording's time for a request made at now (the first starts the clock).
 */
double replay_clock(struct replay *p, double now);

/* What a replayed request gets. */
struct replay_answer {
	long status;		/* 0: no answer (error says why) */
	char error[300];
	struct buf body;	/* buf_init'd; the caller frees it */
	bool too_large;
	double retry_after;
	double delay;		/* seconds until it arrives */
	const struct rec_exchange *x;	/* the exchange, or NULL */
};

/*
 * The answer to METHOD url (a full URL, or a target beginning with '/')
 * asked at now, bodies longer than max_body (0: any) refused as a live
 * client refuses them.
 */
void replay_answer(struct replay *p, const char *method, const char *url,
		   double now, size_t max_body, struct replay_answer *a);

/*
 * wallboard --replay: the recording every HTTP client of the process
 * answers from (net/http.c asks replay_active()). False with the reason
 * in errs when the recording is refused.
 */
bool replay_open(const char *dir, double speed, struct errlist *errs);
struct replay *replay_active(void);
void replay_close(void);

#endif
