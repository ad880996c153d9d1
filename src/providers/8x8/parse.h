/*
 * parse.h - reading what the 8x8 real-time statistics API
 * sends: the agents and queues lists (agents.json, queues.json, or one
 * record from agent/{id}.json, queue/{id}.json) into a snapshot, with the
 * totals the API does not send derived from the rows as the catalogue
 * says. Pure functions over the bodies, unit-tested and fuzzed without a
 * network. The JSON is whatever the server's XML-to-JSON conversion made
 * of the records, so every shape it is known to take is accepted.
 */
#ifndef WB_EIGHTBYEIGHT_PARSE_H
#define WB_EIGHTBYEIGHT_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"
#include "util.h"

/*
 * Which lists the layouts need: agents (for agent grids and totals derived
 * from agents), queues (for service grids and totals derived from queues).
 */
void eightbyeight_needs(const struct layoutset *set, bool *agents,
			bool *queues);

/*
 * One poll: the two bodies (a body not needed may be NULL) into a new
 * snapshot shaped for set. NULL with the reason in err when a body given
 * is not JSON or not of a known shape: it is refused whole. A NULL body
 * leaves its grids absent and the totals derived from it unset.
 */
struct snapshot *eightbyeight_parse(const char *agents, size_t alen,
				    const char *queues, size_t qlen,
				    const struct layoutset *set,
				    char *err, size_t errsz);

/*
 * The core's state word for an agent-status code ("0" ready, "1" and "2"
 * busy, "3" after_call_work, "4" and "5" not_ready, "9" logged_out), a
 * static string; any other text passes through unchanged.
 */
const char *eightbyeight_state_word(const char *raw);

/*
 * A list for --list-*: what is "agents" (an agents body: agent-id and
 * agent-name), "teams" (an agents body: the distinct group-ids) or
 * "services" (a queues body: queue-id and queue-name). Sanitised. Returns
 * the count, or -1 when the body is not such a list.
 */
long eightbyeight_parse_list(const char *body, size_t len, const char *what,
			     struct cfg_item **out);

/* The statistics of this source (catalog.c). */
extern const struct catalog catalog_8x8;

#endif
