/*
 * state.c - the core's state words. See state.h.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "util.h"

/*
 * In the order a grid sorted by state shows them: ready, busy, after call
 * work, not ready, logged out; then the words of service availability,
 * which no server sends (the board makes them of a yes or a no).
 * Synonyms are folded (state_norm): "on call" is written "oncall".
 */
static const struct state_word words[] = {
	{ "ready", "Ready", ROLE_OK,
	  "available idle waiting waitfornextcall waitingforcall free" },
	{ "busy", "Busy", ROLE_INFO,
	  "talking oncall incall inacall ininteraction interaction dialing "
	  "dialling ringing offering offered engaged handling connected "
	  "onhold hold callinbound calloutbound callinternal callconsult "
	  "callonhold callringing calldialing callunknown inbound outbound" },
	{ "after_call_work", "After Call Work", ROLE_INFO,
	  "acw wrapup wrappingup wrap postprocessing postprocess postcall "
	  "aftercall" },
	{ "not_ready", "Not Ready", ROLE_WARN,
	  "break onbreak away aux auxwork lunch meeting training paused "
	  "pause dnd donotdisturb unavailable notreadyfornextcall "
	  "workoffline personal" },
	{ STATE_LOGGED_OUT, "Logged Out", ROLE_DIM,
	  "loggedoff logout logoff offline signedout signedoff notloggedin "
	  "loggedoutofacd" },
	{ "service_available", "Available", ROLE_OK, "" },
	{ "service_none_ready", "None Ready", ROLE_CRIT, "" },
};

char *state_norm(const char *word, char *out, size_t outsz)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)word;
	     *p && n + 1 < outsz; p++) {
		if (*p >= 'A' && *p <= 'Z')
			out[n++] = (char)(*p - 'A' + 'a');
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			 *p >= 0x80)
			out[n++] = (char)*p;
	}
	if (outsz > 0)
		out[n] = '\0';
	return out;
}

/* True when the folded word is one of the space-separated list. */
static bool in_list(const char *list, const char *folded)
{
	size_t n = strlen(folded);

	for (const char *p = list; *p; ) {
		size_t len = strcspn(p, " ");
		if (len == n && strncmp(p, folded, n) == 0)
			return true;
		p += len;
		p += strspn(p, " ");
	}
	return false;
}

/* The index of a folded word in the table, or STATE_NONE. */
static int find_folded(const char *folded)
{
	char w[64];

	if (*folded == '\0')
		return STATE_NONE;
	for (size_t i = 0; i < WB_ARRAY_LEN(words); i++) {
		if (strcmp(state_norm(words[i].word, w, sizeof(w)), folded) ==
			    0 ||
		    strcmp(state_norm(words[i].display, w, sizeof(w)),
			   folded) == 0 ||
		    in_list(words[i].synonyms, folded))
			return (int)i;
	}
	return STATE_NONE;
}

int state_find(const char *word)
{
	char folded[128];

	if (word == NULL)
		return STATE_NONE;
	return find_folded(state_norm(word, folded, sizeof(folded)));
}

const struct state_word *state_at(int index)
{
	return index >= 0 && (size_t)index < WB_ARRAY_LEN(words) ?
	       &words[index] : NULL;
}

bool state_map_add(struct state_map *m, const char *entry, char *err,
		   size_t errsz)
{
	const char *eq = strrchr(entry, '=');
	char word[128], folded[128];
	int state;

	if (eq == NULL || eq == entry || eq[1] == '\0') {
		snprintf(err, errsz, "state_map entry \"%s\" is not word=state",
			 entry);
		return false;
	}
	if ((state = state_find(eq + 1)) == STATE_NONE) {
		snprintf(
			err, errsz,
			"state_map entry \"%s\": \"%s\" is no state "
			"(ready, busy, after_call_work, not_ready, logged_out)",
			entry, eq + 1);
		return false;
	}
	snprintf(word, sizeof(word), "%.*s", (int)(eq - entry), entry);
	state_norm(word, folded, sizeof(folded));
	if (*folded == '\0') {
		snprintf(err, errsz, "state_map entry \"%s\" has no word",
			 entry);
		return false;
	}
	m->words = xreallocarray(m->words, m->n + 1, sizeof(*m->words));
	m->states = xreallocarray(m->states, m->n + 1, sizeof(*m->states));
	m->words[m->n] = xstrdup(folded);
	m->states[m->n++] = state;
	return true;
}

void state_map_free(struct state_map *m)
{
	if (m == NULL)
		return;
	strv_free(m->words, m->n);
	free(m->states);
	memset(m, 0, sizeof(*m));
}

int state_lookup(const char *word, const struct state_map *const *maps,
		 size_t nmaps)
{
	char folded[128];

	if (word == NULL)
		return STATE_NONE;
	state_norm(word, folded, sizeof(folded));
	for (size_t k = 0; k < nmaps; k++)
		for (size_t i = 0; maps[k] && i < maps[k]->n; i++)
			if (strcmp(maps[k]->words[i], folded) == 0)
				return maps[k]->states[i];
	return find_folded(folded);
}
