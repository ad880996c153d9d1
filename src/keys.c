/*
 * keys.c - the board's keys. See keys.h. Arrow and page keys are turned
 * into n and p by the terminal module (render_key) before they get here.
 */
#include "autoconf.h"

#include <string.h>

#include "keys.h"
#include "util.h"

static const struct key_binding bindings[] = {
	{ "123456789", "1..9", ACT_LAYOUT, true, "show that layout" },
	{ "\tn", "Tab, n", ACT_NEXT, true, "next layout" },
	{ "p", "p", ACT_PREV, true, "previous layout" },
	{ "aA", "a", ACT_ACK, true, "acknowledge alerts: silence their bell" },
	{ "?h", "?", ACT_HELP, true, "this help (any key closes it)" },
	{ "qQ", "q", ACT_QUIT, false, "quit (not in kiosk mode)" },
	{ "\f", "^L", ACT_REDRAW, true, NULL },
};

const struct key_binding *key_find(int code)
{
	for (size_t i = 0; code > 0 && code < 256 && i < WB_ARRAY_LEN(bindings); i++)
		if (strchr(bindings[i].keys, code) != NULL)
			return &bindings[i];
	return NULL;
}

const struct key_binding *key_at(size_t i)
{
	return i < WB_ARRAY_LEN(bindings) ? &bindings[i] : NULL;
}
