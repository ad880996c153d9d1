/*
 * state.h - the core's state words, in one table: an agent's state (what
 * every data source's own words are turned into) and whether a service
 * has an agent ready. Each word has the text a person reads, the role it
 * is drawn in, and its place in a grid ordered by state: what a
 * supervisor looks for first comes first.
 */
#ifndef WB_STATE_H
#define WB_STATE_H

#include "layout/layout.h"

/* No state word: a text that is not one (sorts after every state). */
#define STATE_NONE (-1)

struct state_word {
	const char *word;	/* the core's word: "ready", "not_ready" ... */
	const char *display;	/* "Ready", "Not Ready" ... */
	enum role role;		/* its role when the layout's states say none */
};

/*
 * The index of a state word in the table (its rank in a sort), by the
 * core's word or its display text, without regard to case; STATE_NONE
 * for anything else (NULL included).
 */
int state_find(const char *word);

/* The entry at an index state_find returned, or NULL for STATE_NONE. */
const struct state_word *state_at(int index);

/* The core's word for an agent who is logged out. */
#define STATE_LOGGED_OUT "logged_out"

#endif
