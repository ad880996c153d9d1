/*
 * observe.h - what the data says of the board's guesses. Where a vendor's
 * text is silent the board guesses (a share comes as 0-1 or as 0-100, a
 * word is an agent state it knows), and a real server may send otherwise.
 * An observer looks at every snapshot and says, once each, where the
 * data contradicts a guess: a state word nobody knows, a share that is
 * out of the scale assumed, and the notes the source left in the snapshot
 * (a statistic refused). It never changes what is shown: it says what to
 * write in the layout to fix it.
 */
#ifndef WB_OBSERVE_H
#define WB_OBSERVE_H

#include "layout/layout.h"
#include "snapshot.h"

/* A share the catalogue takes as 0-100 and never above 1 for this long. */
#define OBSERVE_DAY (8 * 3600.0)
/* Unknown state words said at most (a server could send endless ones). */
#define OBSERVE_MAX_WORDS 32

struct observer;

/* Called once for each new finding, with a sentence that says it all. */
typedef void (*observe_note_fn)(void *ctx, const char *what);

struct observer *observe_new(const struct layoutset *set);
/* Look at s; note what is new. */
void observe_snapshot(struct observer *o, const struct snapshot *s,
		      observe_note_fn note, void *ctx);
void observe_free(struct observer *o);

#endif
