/*
 * parse.h - the bodies of the Genesys Statistics API v3: the
 * subscription the layouts need, and the answers (subscription, statistic
 * values, errors) into the core's model. Pure functions over a body, so they
 * are unit-tested and fuzzed without a network.
 *
 * Every statistic of a subscription carries an id of ours that says where
 * its value goes: "g<gid>.<row>.<col>" for a grid cell, "g<gid>.<row>.<col>.<k>"
 * for the k-th statistic of a SUM column, "t<tid>.<k>" for the k-th object of
 * a total. Answers are read by that id alone.
 */
#ifndef WB_GENESYS_PARSE_H
#define WB_GENESYS_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

/* The Stat Server objects the layouts are drawn over. */
struct genesys_objects {
	char **agents;		/* agent object ids: rows of every agent grid */
	size_t nagents;
	char **queues;		/* queue object ids: rows of service grids naming none */
	size_t nqueues;
	const char *tenant;	/* objectId of Tenant totals; NULL: none asked */
};

/*
 * The POST /statistics/v3/subscriptions body (malloc'd compact JSON):
 * {"operationId": op, "data": {"statistics": [{"statisticId", "objectId",
 * "objectType", "name"}, ...]}}, grids by gid, rows, columns, then totals by
 * tid and object. ObjectId columns are not subscribed; a SUM column is, one
 * statistic per summed name. operation_id NULL leaves operationId out.
 * The number of statistics goes to *count (when count is not NULL).
 * o NULL is taken as no objects (and so does genesys_parse_values()).
 */
char *genesys_subscription_build(const struct layoutset *set,
				 const struct genesys_objects *o,
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
 * a failed entry of errors[] says ('\0' when nothing).
 */
struct snapshot *genesys_parse_values(const char *body, size_t len,
				      const struct layoutset *set,
				      const struct genesys_objects *o,
				      char *err, size_t errsz);

/*
 * Statistics Stat Server computes when asked (the catalogue's STAT_PROBE,
 * ExpectedWaitTime) are not subscribed: they are peeked beside each poll.
 * The POST /statistics/v3/operations/get-statistic-ex body for them
 * ({"data": {"statistics": [{"name", "objectId", "objectType"}]}}, each
 * statistic and object once; malloc'd), or NULL when the layouts have
 * none. Their number goes to *count.
 */
char *genesys_peek_build(const struct layoutset *set,
			 const struct genesys_objects *o, size_t *count);

/*
 * Put the values of a get-statistic-ex answer (data.statistics[]) or of a
 * statistic-values/{name} answer (data.statistic) into s, wherever the
 * layouts show that statistic on that object. An answer has no statistic
 * ids: values are matched by name, objectId and objectType. False (with
 * err) when the body is refused; s is then unchanged.
 */
bool genesys_parse_peeked(const char *body, size_t len,
			  const struct layoutset *set,
			  const struct genesys_objects *o, struct snapshot *s,
			  char *err, size_t errsz);

/*
 * The message of an error answer: status.message, else the first message
 * of errors[].status, else a top-level "message" (what API gateways send);
 * sanitised, malloc'd, or NULL.
 */
char *genesys_parse_error(const char *body, size_t len);

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
