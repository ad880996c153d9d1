/*
 * keys.h - the keys of the interactive board, as one table (cf. tmux's
 * key-bindings.c): the board dispatches on it, and the help screen and
 * --help list it, so a key is written once.
 */
#ifndef WB_KEYS_H
#define WB_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum key_action {
	ACT_LAYOUT,		/* 1..9: the layout on that key */
	ACT_NEXT,
	ACT_PREV,
	ACT_HELP,
	ACT_QUIT,
	ACT_REDRAW,
	ACT_ACK,		/* silence the bell of the alerts standing */
	ACT_SEARCH,		/* type a search of the grids' names */
	/* the next panel alone, then the layout again */
	ACT_ZOOM,
	ACT_BACK		/* Esc: clear the search, else leave the zoom */
};

/* What a key may do in kiosk mode. */
enum key_kiosk {
	KIOSK_NEVER,		/* the wall must not lose it (quit) */
	KIOSK_ALWAYS,
	KIOSK_UNLESS_READONLY	/* changes what the room sees: not when
				   the config says kiosk_readonly */
};

struct key_binding {
	const char *keys;	/* the key codes (characters) that do it */
	const char *names;	/* as the help writes them: "Tab, n" */
	enum key_action action;
	enum key_kiosk kiosk;	/* allowed in kiosk mode */
	const char *what;	/* what a refusal calls it: "quit" */
	const char *help;	/* NULL: not listed */
};

/* The binding of a key code, or NULL. */
const struct key_binding *key_find(int code);

/* The bindings in help order: the i-th, or NULL past the last. */
const struct key_binding *key_at(size_t i);

#endif
