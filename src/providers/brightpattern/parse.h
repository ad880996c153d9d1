/*
 * parse.h - reading what a Bright Pattern statistics server sends:
 * subscription data into a snapshot, login and token answers, and the
 * configuration lists. Pure functions over a body, so they are unit-tested
 * and fuzzed without a network. Shapes are accepted as the vendor really
 * sends them (the collection's examples), not only as documented.
 */
#ifndef WB_STATSAPI_PARSE_H
#define WB_STATSAPI_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

/*
 * Parse a GET /statsapi/subscription/data body into a new snapshot shaped
 * for set. NULL (with the reason in err) when the body is not JSON or not
 * an object. Parts of the wrong shape are skipped; then a snapshot still
 * comes back and err says what was skipped (err[0] is '\0' otherwise).
 * sel is the plan of selections the subscription was written with
 * (selection.h): the rows the board chooses itself, the totals read from
 * grids, what panels say; NULL takes every row as the server sent it.
 */
struct selection;
struct snapshot *brightpattern_parse_data(const char *body, size_t len,
				     const struct layoutset *set,
				     const struct selection *sel,
				     char *err, size_t errsz);

/* The token of a POST /statsapi/auth answer ({"token": "..."}), malloc'd. */
char *brightpattern_parse_token(const char *body, size_t len);

/*
 * An error answer's message ({"error_message": ...}, {"error": ...},
 * {"error_description": ...}), sanitised, or NULL.
 */
char *brightpattern_parse_error(const char *body, size_t len);

/*
 * A /statsapi/cfg/... list: {"<what>": [...]}, or a bare list; entries are
 * {id, name} objects or plain strings. Sanitised. Returns the count, or -1
 * when the body is not such a list.
 */
long brightpattern_parse_list(const char *body, size_t len, const char *what,
			 struct cfg_item **out);

/*
 * The server's acd_state words to the core's state words: "" and "0"
 * (logged out) become "logged_out"; the known words are matched without
 * regard to case; anything else passes through unchanged.
 */
const char *brightpattern_state_word(const char *raw);

/* The statistics of this source (catalog.c). */
extern const struct catalog catalog_brightpattern;

#endif
