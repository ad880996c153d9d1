/*
 * parse.h - the bodies of the Genesys Statistics API v3: the
 * subscription the layouts need, and the answers (subscription, statistic
 * values, errors) into the core's model. Pure functions over a body, so they
 * are unit-tested and fuzzed without a network.
 *
 * Every statistic of a subscription carries an id of ours that says where
 * its value goes: "g<gid>.<row>.<col>" for a grid cell,
 * "g<gid>.<row>.<col>.<k>" for the k-th statistic of a SUM column, "t<tid>.<k>"
 * for the k-th object of a total. Answers are read by that id alone.
 */
#ifndef WB_GENESYS_PARSE_H
#define WB_GENESYS_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

/* The Stat Server objects the layouts are drawn over. */
struct genesys_objects {
	/* agent object ids: rows of every agent grid */
	char **agents;
	size_t nagents;
	/* queue object ids: rows of service grids naming none */
	char **queues;
	size_t nqueues;
	/* objectId of Tenant totals; NULL: none asked */
	const char *tenant;
};

/*
 * The statistics the server refused, kept by the client while its layouts
 * stay the same. The reference gives an error no member that says which
 * statistic it is about (errors[].status has a code, an open "detail"
 * object and a message): a refusal is found where an error names one of
 * ours, by a statisticId or a statistic name in its detail or its message.
 * A statistic refused by name is left out of later subscriptions and
 * peeks; one refused by statisticId (one object) stays subscribed. Every
 * refused statistic shows as "unavailable", its reason a note.
 */
struct genesys_refusal {
	char *name;		/* the statistic's name */
	/* one statisticId of ours; NULL: every object */
	char *id;
	/* the server's words, sanitised, secrets removed */
	char *reason;
};

struct genesys_refusals {
	struct genesys_refusal *v;
	size_t n;
	/* What a server's reason must never repeat (the client's secrets). */
	const char *const *secrets;
	size_t nsecrets;
};

/* Refusals kept at most (a hostile server cannot grow the list further). */
#define GENESYS_MAX_REFUSALS 256

void genesys_refusals_free(struct genesys_refusals *r);

/* True when r (may be NULL) refuses statistic name on every object. */
bool genesys_refused(const struct genesys_refusals *r, const char *name);

/*
 * A subscription (or, with peek, a peek) the server refused as a whole
 * (400): the statistics its answer names are added to r by name, since a
 * subscription is refused for a statistic it cannot open on any object.
 * Returns how many names were new: 0 when the answer names none of ours
 * not refused already (then the refusal is not a statistic's).
 */
size_t genesys_parse_refusal(const char *body, size_t len,
			     const struct layoutset *set,
			     const struct genesys_objects *o, bool peek,
			     struct genesys_refusals *r);

/*
 * The errors[] of an accepted subscription answer: the statistics they
 * name are added to r (by statisticId when they give one).
 */
void genesys_parse_errors(const char *body, size_t len,
			  const struct layoutset *set,
			  const struct genesys_objects *o,
			  struct genesys_refusals *r);

/*
 * Mark what r refuses in s: a cell or total without a value, and every
 * SUM cell or total over several objects a refused statistic is part of,
 * as unavailable; a note of s for each statistic and reason.
 */
void genesys_refusals_mark(struct snapshot *s, const struct layoutset *set,
			   const struct genesys_objects *o,
			   const struct genesys_refusals *r);

/*
 * The POST /statistics/v3/subscriptions body (malloc'd compact JSON):
 * {"operationId": op, "data": {"statistics": [{"statisticId", "objectId",
 * "objectType", "name"}, ...]}}, grids by gid, rows, columns, then totals by
 * tid and object. ObjectId columns are not subscribed; a SUM column is, one
 * statistic per summed name; statistics refused by name (refused, may be
 * NULL) are not. A statistic the catalogue does not know (a deployment's
 * own) is opened as a known one in its place would be: on the Agent
 * objects in an agent grid, on Queues in a service grid, and in a totals
 * panel on the Tenant, or on each queue the panel names. operation_id
 * NULL leaves operationId out. The number of statistics goes to *count
 * (when count is not NULL). o NULL is taken as no objects (and so does
 * genesys_parse_values()).
 */
char *genesys_subscription_build(const struct layoutset *set,
				 const struct genesys_objects *o,
				 const struct genesys_refusals *refused,
				 const char *operation_id, size_t *count);

/*
 * The data.subscriptionId of a POST /subscriptions answer (malloc'd), or
 * NULL: also when status.code says it failed, or when the id is not
 * printable ASCII without spaces (it goes into request paths as it is).
 */
char *genesys_parse_subscription_id(const char *body, size_t len);

/*
 * A statistic-values (or subscription) answer into a new snapshot shaped
 * for set: data.statistics[] by statisticId. NULL with the reason in err
 * when the body is not JSON or not of that shape, or when status.code is
 * set and not 0 (err is then the server's message). Unknown and out of range
 * statisticIds are ignored. Otherwise err says what was skipped, or what
 * a failed entry of errors[] says ('\0' when nothing). The statistics
 * errors[] names are added to refused (when not NULL; marking them is
 * genesys_refusals_mark()'s); a failed entry naming none is a note.
 * The JSON type of each value read is recorded for --probe: the type of
 * the number or text it holds, else its own (an object, null).
 */
struct snapshot *genesys_parse_values(const char *body, size_t len,
				      const struct layoutset *set,
				      const struct genesys_objects *o,
				      struct genesys_refusals *refused,
				      char *err, size_t errsz);

/*
 * Statistics Stat Server computes when asked (the catalogue's STAT_PROBE,
 * ExpectedWaitTime) are not subscribed: they are peeked beside each poll.
 * The POST /statistics/v3/operations/get-statistic-ex body for them
 * ({"data": {"statistics": [{"name", "objectId", "objectType"}]}}, each
 * statistic and object once; malloc'd), or NULL when the layouts have
 * none. Their number goes to *count. Statistics refused by name are
 * left out.
 */
char *genesys_peek_build(const struct layoutset *set,
			 const struct genesys_objects *o,
			 const struct genesys_refusals *refused, size_t *count);

/*
 * Put the values of a get-statistic-ex answer (data.statistics[]) or of a
 * statistic-values/{name} answer (data.statistic) into s, wherever the
 * layouts show that statistic on that object. An answer has no statistic
 * ids: values are matched by name, objectId and objectType. False (with
 * err) when the body is refused; s is then unchanged. The statistics its
 * errors[] names are added to refused (when not NULL).
 */
bool genesys_parse_peeked(const char *body, size_t len,
			  const struct layoutset *set,
			  const struct genesys_objects *o, struct snapshot *s,
			  struct genesys_refusals *refused,
			  char *err, size_t errsz);

/*
 * The message of an error answer: status.message, else the first message
 * of errors[].status, else a top-level "message" (what API gateways send),
 * else an OAuth error's error_description or error (RFC 6749, what the
 * token service sends); sanitised, malloc'd, or NULL.
 */
char *genesys_parse_error(const char *body, size_t len);

/* Which credential a 401 or 403 answer refused. */
enum genesys_refuser {
	GENESYS_REFUSED_KEY,		/* the API key (x-api-key) */
	GENESYS_REFUSED_CLIENT,		/* the OAuth client's credentials */
	GENESYS_REFUSED_TOKEN,		/* the OAuth bearer token */
	GENESYS_REFUSED_OTHER		/* no credential: a limit, a right */
};

/*
 * The reference documents one credential, the x-api-key header, and no
 * 401; the OAuth token comes from the Authentication API. Which of them a
 * 401 or 403 answer refused: what its words name first (the API key; the
 * token), else the request: the token request (token_request) refuses
 * the client's credentials; a 401 to a request carrying a token
 * (with_token) refuses the token; a 403 whose words name no credential
 * nor access is no credential's; any other, the API key, the one
 * credential every request carries.
 */
enum genesys_refuser genesys_auth_refused(long status, const char *body,
					  size_t len, bool token_request,
					  bool with_token);

/*
 * A Stat Server agent state to the core's state word, without regard to
 * case: LoggedOut/Logout/LogOut, Ready/WaitForNextCall, NotReady/
 * NotReadyForNextCall, AfterCallWork/ACW/WrapUp and the call states (busy).
 * Anything else passes through unchanged.
 */
const char *genesys_state_word(const char *raw);

/* The statistics of this source (catalog.c). */
extern const struct catalog catalog_genesys;

#endif
