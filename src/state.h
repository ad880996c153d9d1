/*
 * state.h - the core's state words, in one table: an agent's state and
 * whether a service has an agent ready. Each word has the text a person
 * reads, the role it is drawn in, its place in a grid ordered by state
 * (what a supervisor looks for first comes first: ready, busy, after call
 * work, not ready, logged out, then words the table does not know), and
 * the other words servers use for it.
 *
 * The vendors' texts give no vocabulary for agent states, so a word is
 * recognised whatever its case and whether its words are joined by
 * spaces, underscores or hyphens ("Not Ready", "NOT_READY", "not-ready"),
 * by any of the common names of the platforms ("ACW", "Wrap Up",
 * "Break", "Aux", "Logged Off", "On Call"...). A layout or the config can
 * map any other word to a state (state_map); a word nobody knows is shown
 * as it came, sorts after the known ones, and is reported.
 */
#ifndef WB_STATE_H
#define WB_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"

/* No state word: a text that is none (sorts after every state). */
#define STATE_NONE (-1)

struct state_word {
	const char *word;	/* the core's word: "ready", "not_ready" ... */
	const char *display;	/* "Ready", "Not Ready" ... */
	/* its role when the layout's states say none */
	enum role role;
	/* other names, space-separated, as state_norm writes them */
	const char *synonyms;
};

/*
 * The index of a state word in the table (its rank in a sort), by the
 * core's word, its display text or a synonym, without regard to case,
 * spaces, underscores or hyphens; STATE_NONE for anything else (NULL too).
 */
int state_find(const char *word);

/* The entry at an index state_find returned, or NULL for STATE_NONE. */
const struct state_word *state_at(int index);

/*
 * A word folded for comparison into out: lowercase letters and digits
 * only (other ASCII dropped, other bytes kept). Returns out.
 */
char *state_norm(const char *word, char *out, size_t outsz);

/* Words a user maps to states: "Pausa=not_ready" (state_map). */
struct state_map {
	char **words;		/* folded by state_norm */
	int *states;
	size_t n;
};

/*
 * Add "word=state" to m: state is a word of the table (any of its
 * names). False with the reason in err.
 */
bool state_map_add(struct state_map *m, const char *entry, char *err,
		   size_t errsz);
void state_map_free(struct state_map *m);

/*
 * The state of a word as a column reads it: the maps first, in order
 * (NULLs skipped), then the table; STATE_NONE when nobody knows it.
 */
int state_lookup(const char *word, const struct state_map *const *maps,
		 size_t nmaps);

/* The core's word for an agent who is logged out. */
#define STATE_LOGGED_OUT "logged_out"

#endif
