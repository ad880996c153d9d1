/*
 * state.c - the core's state words. See state.h.
 */
#include "autoconf.h"

#include <strings.h>

#include "state.h"
#include "util.h"

/*
 * In the order a grid sorted by state shows them: ready, busy, after call
 * work, not ready, logged out; then the words of service availability.
 */
static const struct state_word words[] = {
	{ "ready",		"Ready",		ROLE_OK },
	{ "busy",		"Busy",			ROLE_INFO },
	{ "after_call_work",	"After Call Work",	ROLE_INFO },
	{ "not_ready",		"Not Ready",		ROLE_WARN },
	{ STATE_LOGGED_OUT,	"Logged Out",		ROLE_DIM },
	{ "available",		"Available",		ROLE_OK },
	{ "unavailable",	"None Ready",		ROLE_CRIT },
};

int state_find(const char *word)
{
	for (size_t i = 0; word != NULL && i < WB_ARRAY_LEN(words); i++)
		if (strcasecmp(word, words[i].word) == 0 ||
		    strcasecmp(word, words[i].display) == 0)
			return (int)i;
	return STATE_NONE;
}

const struct state_word *state_at(int index)
{
	return index >= 0 && (size_t)index < WB_ARRAY_LEN(words) ?
	       &words[index] : NULL;
}
