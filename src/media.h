/*
 * media.h - the media a service serves (voice, chat, email), for a
 * service grid that shows some of them only (media = {"chat", "email"}
 * in a layout).
 *
 * A service's media is what the layout says of it (service_media =
 * {"Name=chat", ...}), else what its name says: Bright Pattern's
 * Real-Time Statistics API 5.2 names a service but not its media (only
 * an agent's interactions carry a media_type), so the name's words
 * decide: "chat", "sms", "messag"(ing), "whatsapp" make it chat; "mail"
 * (email, e-mail) makes it email; anything else is voice.
 */
#ifndef WB_MEDIA_H
#define WB_MEDIA_H

#include <stdbool.h>
#include <stddef.h>

/* The media, as bits: a panel selects a set of them (0: every one). */
#define MEDIA_VOICE_BIT	0x1u
#define MEDIA_CHAT_BIT	0x2u
#define MEDIA_EMAIL_BIT	0x4u

/* A layout's word on its services' media: names and their media bits. */
struct media_map {
	char **names;
	unsigned *media;
	size_t n;
};

/* The bit of a media word ("voice", "chat", "email"), or 0. */
unsigned media_word(const char *word);
/* The words media_word knows, for messages: "voice, chat or email". */
const char *media_choices(void);

/*
 * Add "Service name=media" to m. False with the reason in err (no '=',
 * an empty name, an unknown media word).
 */
bool media_map_add(struct media_map *m, const char *entry, char *err,
		   size_t errsz);
void media_map_free(struct media_map *m);

/*
 * The media bit of the service named name: m's word on it (m may be
 * NULL), else its name's.
 */
unsigned media_of(const char *name, const struct media_map *m);

#endif
