/*
 * media.c - which media a service serves: the layout's word on it, else
 * the words of its name (see media.h for why a name).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "media.h"
#include "util.h"

static const struct {
	const char *word;
	unsigned bit;
} media_words[] = {
	{ "voice", MEDIA_VOICE_BIT },
	{ "chat", MEDIA_CHAT_BIT },
	{ "email", MEDIA_EMAIL_BIT },
};

/* Words in a service's name that tell its media, the first found wins. */
static const struct {
	const char *part;
	unsigned bit;
} name_parts[] = {
	{ "chat", MEDIA_CHAT_BIT },
	{ "sms", MEDIA_CHAT_BIT },
	{ "messag", MEDIA_CHAT_BIT },
	{ "whatsapp", MEDIA_CHAT_BIT },
	{ "mail", MEDIA_EMAIL_BIT },
};

unsigned media_word(const char *word)
{
	for (size_t i = 0; word && i < WB_ARRAY_LEN(media_words); i++)
		if (strcasecmp(media_words[i].word, word) == 0)
			return media_words[i].bit;
	return 0;
}

const char *media_choices(void)
{
	return "voice, chat or email";
}

bool media_map_add(struct media_map *m, const char *entry, char *err,
		   size_t errsz)
{
	const char *eq = strrchr(entry, '=');
	unsigned bit = eq ? media_word(eq + 1) : 0;

	if (eq == NULL || eq == entry) {
		snprintf(err, errsz, "service_media entry \"%s\" is not "
			 "\"Service name=media\"", entry);
		return false;
	}
	if (bit == 0) {
		snprintf(err, errsz,
			 "service_media entry \"%s\": unknown media \"%s\" "
			 "(%s)",
			 entry, eq + 1, media_choices());
		return false;
	}
	m->names = xreallocarray(m->names, m->n + 1, sizeof(*m->names));
	m->media = xreallocarray(m->media, m->n + 1, sizeof(*m->media));
	m->names[m->n] = xstrndup(entry, (size_t)(eq - entry));
	m->media[m->n++] = bit;
	return true;
}

void media_map_free(struct media_map *m)
{
	if (m == NULL)
		return;
	strv_free(m->names, m->n);
	free(m->media);
	m->names = NULL;
	m->media = NULL;
	m->n = 0;
}

/* True when name holds part, ASCII letters of either case alike. */
static bool holds(const char *name, const char *part)
{
	size_t n = strlen(part);

	for (; *name; name++)
		if (strncasecmp(name, part, n) == 0)
			return true;
	return false;
}

unsigned media_of(const char *name, const struct media_map *m)
{
	if (name == NULL)
		return 0;
	for (size_t i = 0; m && i < m->n; i++)
		if (strcasecmp(m->names[i], name) == 0)
			return m->media[i];
	for (size_t i = 0; i < WB_ARRAY_LEN(name_parts); i++)
		if (holds(name, name_parts[i].part))
			return name_parts[i].bit;
	return MEDIA_VOICE_BIT;
}
