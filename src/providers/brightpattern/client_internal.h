/*
 * client_internal.h - what the parts of the Bright Pattern source share:
 * its state over the session, its steps, and the requests and answers
 * both the board (client.c) and the configuration lists (lists.c) use.
 */
#ifndef WB_BRIGHTPATTERN_CLIENT_INTERNAL_H
#define WB_BRIGHTPATTERN_CLIENT_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "net/session.h"
#include "providers/brightpattern/client.h"
#include "providers/brightpattern/probes.h"
#include "providers/brightpattern/selection.h"
#include "providers/brightpattern/subscription.h"

enum step { STEP_NONE = STEP_IDLE, STEP_LOGIN, STEP_RESOLVE, STEP_SUBSCRIBE,
	    STEP_POLL, STEP_LIST, STEP_LIST_SUBSCRIBE, STEP_LIST_POLL,
	    STEP_RELEASE };

/* --list-services and --list-agents as a short subscription (lists.c). */
struct list_sub {
	struct layoutset *set;	/* one grid: the list's columns */
	char *body;		/* its subscription */
	/* why it gave no list: the fallback's message */
	char why[512];
	/* made (or refused): the fallback comes next */
	bool tried;
	/* its rows are out: only the release is left */
	bool printed;
	bool fallback;		/* released for the undocumented list */
};

struct brightpattern {
	struct session s;	/* first: its base is the provider */
	const struct config *cfg;
	const struct layoutset *set;
	struct selection *sel;	/* how panels' selections are applied */
	char *sub_body;		/* the subscription, built once */
	bool need_ids;		/* teams/services to turn into ids first */
	int resolving;		/* 0: teams next, 1: services next, 2: done */
	struct id_map ids[2];	/* teams, services */
	/* why a list of ids could not be had, or NULL */
	char *why_ids[2];
	bool oauth;
	bool subscribed;
	bool releasing;
	bool login_lost;	/* a 401 ended the login; no login since */
	bool release_login;	/* a login was tried for the release */
	struct probe_ref *probes;	/* service availability, asked apart */
	size_t nprobes;
	/* --list-* */
	const char *list_what;
	FILE *list_out;
	bool list_done;
	struct list_sub list;
};

/* The dialect the subscription is written in (api_dialect). */
enum api_dialect bp_dialect(const struct config *cfg);

/* Send a request with the credentials of the current login. */
void bp_request(struct brightpattern *sa, const char *method, const char *path,
		const char *body, const char *ctype, session_answer_fn fn);

/* What comes after a successful login. */
void bp_after_login(struct brightpattern *sa, double now);

/* A 401 on a request that needed the login: log in again, backing off. */
void bp_relogin(struct brightpattern *sa, double now);

/*
 * A data answer that says to wait (204: poll again with step poll) or that
 * the login ended (401: log in again): handled, true. Else false.
 */
bool bp_data_pending(struct brightpattern *sa, const struct http_result *res,
		     enum step poll, double now);

/* --- lists.c ------------------------------------------------------------- */

/* The step after a login for --list-*, or STEP_NONE when it is no list. */
int bp_list_next(const struct brightpattern *sa);
/* Start a list's step. */
void bp_list_step(struct brightpattern *sa, enum step s);
/* The list's subscription was released: the fallback, or done. */
void bp_list_released(struct brightpattern *sa, double now);
/*
 * The run ended without the list while its subscription is held (no data
 * within the timeout, the login ended): release it, then try the
 * undocumented list, in a run of their own.
 */
void bp_list_finish(struct brightpattern *sa);
/* Set up the list of what (its subscription when it has one). */
void bp_list_open(struct brightpattern *sa, const char *what);
void bp_list_free(struct brightpattern *sa);

/* The collection dialect's names to ids: GET the next list of ids. */
void bp_resolve_step(struct brightpattern *sa);
/* After the lists of ids: say which names of the layouts are unknown. */
void bp_resolve_report(struct brightpattern *sa);

#endif
