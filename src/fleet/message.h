/*
 * message.h - the fleet's messages: what a publisher puts on the broker
 * and a screen (or any other consumer) reads back. Versioned JSON, the
 * contract documented in wallboard(1), MESSAGES:
 *
 *   PREFIX/status         who publishes: online, or offline (the last will)
 *   PREFIX/claim          publishers agreeing which one polls upstream
 *   PREFIX/layout/NAME    a layout's definition, its text as loaded
 *   PREFIX/data/NAME      the data that layout shows
 *
 * NAME is the layout file's name without ".layout". Encoding reads a
 * snapshot and its layouts; decoding refuses whatever is not of the
 * contract's shape (another version, a wrong type, too many rows, a
 * message over FLEET_MAX_MESSAGE) and keeps text for the sanitiser: a
 * decoded cell reaches a snapshot only through snapshot_text() and is
 * typed there by snapshot_set(), as a vendor's answer would be.
 */
#ifndef WB_FLEET_MESSAGE_H
#define WB_FLEET_MESSAGE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

#define FLEET_VERSION 1
/* The largest message taken (bytes): a floor of thousands of agents fits. */
#define FLEET_MAX_MESSAGE (4u << 20)
/* The most rows of one grid, and chat messages, taken from a message. */
#define FLEET_MAX_ROWS 20000
#define FLEET_MAX_CHAT 1000
/* The most layouts a publisher announces. */
#define FLEET_MAX_LAYOUTS 64
/* A layout's name on the broker: the file's name, at most this long. */
#define FLEET_NAME_MAX 64

/* The layout's name on the broker (its file's name without .layout). */
const char *fleet_layout_name(const struct layout *l, char *buf, size_t size);

/* A publisher's state (PREFIX/status) or claim (PREFIX/claim). */
struct fleet_status {
	bool online;		/* status: online; claim: holds the upstream */
	char id[128];		/* the publisher's id (sanitised on decode) */
	char source[64];	/* the data source's name */
	/* when the publisher started (epoch seconds) */
	double started;
	/* online: since when; offline: when it stopped, 0 unknown */
	double since;
	double interval;	/* its poll interval, seconds (0 unknown) */
	/* its source's state word ("live", "retrying") */
	char upstream[32];
	/* and what is wrong upstream, "" when all is well */
	char message[256];
	/* status: the names of the layouts published */
	char **layouts;
	size_t nlayouts;
};

char *fleet_encode_status(const struct fleet_status *st);
/* A claim: the same fields, in a message of its own kind. */
char *fleet_encode_claim(const struct fleet_status *st);
/* Decode a status (claim false) or a claim (claim true); false with err. */
bool fleet_decode_status(const char *payload, size_t len, bool claim,
			 struct fleet_status *st, char *err, size_t errsz);
void fleet_status_free(struct fleet_status *st);

/* A layout's definition (PREFIX/layout/NAME). */
struct fleet_layout {
	char *name;
	int key;		/* 1..9, 0 none */
	long index;		/* its place among the publisher's layouts */
	char *source;
	char *text;		/* the layout language */
};

/* NULL when text is not UTF-8 (JSON carries nothing else). */
char *fleet_encode_layout(const struct layout *l, size_t index,
			  const char *name, const char *source,
			  const char *text);
bool fleet_decode_layout(const char *payload, size_t len,
			 struct fleet_layout *fl, char *err, size_t errsz);
void fleet_layout_free(struct fleet_layout *fl);

/* The upstream source's status words, as the data message carries them. */
struct fleet_words {
	const char *state;	/* conn_state_name() */
	const char *message;
	bool partial;
};

/*
 * The data layout l shows of snapshot s (PREFIX/data/NAME): the
 * publisher's data time, the source's words, the totals of its totals
 * panels by statistic and scope, its grids by panel id, the chat.
 * *len gets the length.
 */
char *fleet_encode_data(const struct snapshot *s, const struct layout *l,
			const char *name, unsigned long seq,
			const struct fleet_words *w, size_t *len);

/* A data message, checked and kept for fleet_apply_data. */
struct fleet_data {
	json_t *root;
	double time;		/* the publisher's data time, epoch seconds */
	unsigned long seq;
	bool partial;
};

/*
 * Check a data message against the contract; false with the reason in
 * err (nothing of it quoted but sanitised).
 */
bool fleet_decode_data(const char *payload, size_t len, struct fleet_data *d,
		       char *err, size_t errsz);
/*
 * Set in s what d holds for layout l of s's set: its totals, its grids
 * (columns matched by id), the chat for its ticker, the panels' notices
 * and the notes, every text through snapshot_text().
 */
void fleet_apply_data(struct snapshot *s, const struct layout *l,
		      const struct fleet_data *d);
void fleet_data_free(struct fleet_data *d);

#endif
