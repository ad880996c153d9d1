/*
 * parse_internal.h - what the parts of the Genesys parser share: where a
 * statistic of a subscription sits in the layouts (its statisticId taken
 * apart, the objects a grid's rows and a total are over), and how an
 * answer says it failed. parse.c reads values with them, refusal.c finds
 * the statistics the server refused.
 */
#ifndef WB_GENESYS_PARSE_INTERNAL_H
#define WB_GENESYS_PARSE_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "providers/genesys/parse.h"

/* A statisticId of ours, taken apart. */
struct genesys_ref {
	/* "t<tid>.<k>"; else "g<gid>.<row>.<col>[.<k>]" */
	bool total;
	size_t n[4];
	size_t count;		/* how many numbers it has */
};

/* Take a statisticId apart; false when it is none of ours. */
bool genesys_ref_parse(const char *id, struct genesys_ref *ref);

/* True for a SUM column. */
bool genesys_is_sum(const struct column *c);
/* True for ObjectId: the row's object id, which is no statistic. */
bool genesys_is_object_id(const char *stat);
/* True for a statistic peeked beside each poll, not subscribed. */
bool genesys_is_probe(const struct layoutset *set, const char *stat);

/* The object ids a grid panel's rows are, their count in *n. */
char *const *genesys_grid_rows(const struct panel *p,
			       const struct genesys_objects *o, size_t *n);
/* The Stat Server object type of a grid panel's rows. */
const char *genesys_grid_type(const struct panel *p);
/* How many objects a total is over: the tenant, or each service of scope. */
size_t genesys_total_nobjects(const char *scope);
/* The k-th service of a '\n'-joined scope: its start, its length in *len. */
const char *genesys_scope_item(const char *scope, size_t k, size_t *len);

/* True when a status object's code is there and not 0 (the code in *code). */
bool genesys_code_failed(json_t *status, double *code);

/*
 * Read the errors[] of an accepted answer: each entry that names
 * statistics of ours refuses them (refused, when not NULL); a failed entry
 * that names none becomes a note of s (when not NULL). peek: the answer is
 * a peek's (its statistics are named, not numbered).
 */
void genesys_read_errors(json_t *root, const struct layoutset *set,
			 const struct genesys_objects *o, bool peek,
			 struct genesys_refusals *refused, struct snapshot *s);

#endif
