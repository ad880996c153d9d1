/*
 * watch.h - noticing that files changed on disk (the loaded layouts and
 * the config file), for the board's live reload.
 *
 * On Linux, inotify on the files' directories: an editor that saves by
 * writing a temporary file and renaming it over the old one replaces the
 * file, which a watch on the file itself would lose; the directory sees
 * it. Its one descriptor goes on the board's poll(2) loop. Where
 * inotify_init fails, the files' times are compared once a second.
 * Either way a burst of changes (a save storm) is answered once, a short
 * quiet time after its last change.
 */
#ifndef WB_WATCH_H
#define WB_WATCH_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

/* The quiet time after the last change before a reload (seconds). */
#define WATCH_SETTLE 0.3
/* How often the files' times are compared without inotify (seconds). */
#define WATCH_POLL 1.0

struct watch;

/*
 * Watch files (n paths; NULL entries are skipped). Never NULL: with
 * neither inotify nor a file that can be seen, it watches by times.
 */
struct watch *watch_new(const char *const *files, size_t n);
/* The same without inotify (by times only): what its tests use. */
struct watch *watch_new_polling(const char *const *files, size_t n);
void watch_free(struct watch *w);

/* True when it has fallen back to comparing times (no inotify). */
bool watch_polling(const struct watch *w);

/* Its descriptor for poll (0 or 1 of them, into fds); the count. */
int watch_pollfds(struct watch *w, struct pollfd *fds, int max);

/* The now_mono() time it next needs watch_dispatch, or a large value. */
double watch_next_wake(const struct watch *w);

/*
 * Read what happened (fds: those of watch_pollfds, with revents) and the
 * times; true once when a change has settled and the files are due to
 * be read again.
 */
bool watch_dispatch(struct watch *w, const struct pollfd *fds, int nfds,
		    double now);

#endif
