/*
 * keys.c - the board's keys. See keys.h. Arrow and page keys are turned
 * into n and p by the terminal module (render_key) before they get here.
 */
#include "autoconf.h"

#include <string.h>

#include "keys.h"
#include "util.h"

static const struct key_binding bindings[] = {
	{ "123456789", "1..9", ACT_LAYOUT, KIOSK_ALWAYS, "a layout",
	  "show that layout" },
	{ "\tn", "Tab, n", ACT_NEXT, KIOSK_ALWAYS, "a layout", "next layout" },
	{ "p", "p", ACT_PREV, KIOSK_ALWAYS, "a layout", "previous layout" },
	{ "/", "/", ACT_SEARCH, KIOSK_UNLESS_READONLY, "search",
	  "search grid rows by name" },
	{ "zZ", "z", ACT_ZOOM, KIOSK_UNLESS_READONLY, "zoom",
	  "zoom a panel; again: the next one" },
	{ "\033", "Esc", ACT_BACK, KIOSK_ALWAYS, NULL,
	  "clear the search, or unzoom" },
	{ "aA", "a", ACT_ACK, KIOSK_ALWAYS, "acknowledge",
	  "acknowledge alerts: silence their bell" },
	{ "?h", "?", ACT_HELP, KIOSK_ALWAYS, "help",
	  "this help (any key closes it)" },
	{ "qQ", "q", ACT_QUIT, KIOSK_NEVER, "quit",
	  "quit (not in kiosk mode)" },
	{ "\f", "^L", ACT_REDRAW, KIOSK_ALWAYS, NULL, NULL },
};

const struct key_binding *key_find(int code)
{
	for (size_t i = 0; code > 0 && code < 256 && i < WB_ARRAY_LEN(bindings);
	     i++)
		if (strchr(bindings[i].keys, code) != NULL)
			return &bindings[i];
	return NULL;
}

const struct key_binding *key_at(size_t i)
{
	return i < WB_ARRAY_LEN(bindings) ? &bindings[i] : NULL;
}
