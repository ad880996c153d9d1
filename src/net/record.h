/*
 * record.h - --record DIR: every request of the session and its answer
 * written to DIR as a recording (the format: wallboard(1), RECORDINGS;
 * read back by net/replay.c), with every secret replaced by
 * RECORDING_MARK before anything reaches the disk: the config's secrets
 * wherever they appear, the values of Authorization, Cookie, Set-Cookie
 * and x-api-key headers, the form and JSON fields named like a secret
 * (password, client_secret, api_key, token, access_token ...), and every
 * value an answer gave in such a field or in a cookie, wherever it is
 * seen again.
 *
 * net/http.c calls record_begin() when a request starts, record_sent()
 * with the headers it sent, record_header() with each header of the
 * answer, and record_end() when the exchange is over (record_drop() for
 * one cancelled: no answer to record).
 */
#ifndef WB_RECORD_H
#define WB_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "net/http.h"
#include "util.h"

/*
 * Start recording into dir (created 0700; an empty directory is taken,
 * anything else refused): the manifest is written at once. False with
 * the reason in errs.
 */
bool record_open(const char *dir, const struct config *cfg,
		 struct errlist *errs);
/* True while a recording is being written. */
bool record_active(void);
/*
 * Finish the recording: NULL, or why it stopped early (a full disk),
 * malloc'd, for the user.
 */
char *record_close(void);

struct record_req;

/* A request starts (what http_start() was given). */
struct record_req *record_begin(const struct http_call *call);
/* The header block as sent (libcurl's, with its cookies and credentials). */
void record_sent(struct record_req *q, const char *data, size_t len);
/* One header line of the answer. */
void record_header(struct record_req *q, const char *line, size_t len);
/* The exchange is over: write it, and free q. */
void record_end(struct record_req *q, const struct http_result *res);
/* The request was cancelled: nothing to write; free q. */
void record_drop(struct record_req *q);

#endif
