/*
 * watch.c - noticing that the loaded layouts or the config file changed
 * on disk: inotify on their directories, or their times once a second
 * where inotify cannot be had (see watch.h).
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "watch.h"

/* What a watched file was when last seen: a change of any is a change. */
struct seen {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

struct wfile {
	char *path;
	char *dir;		/* its directory */
	const char *base;	/* its name in dir (into path) */
	int wd;			/* inotify watch of dir, or -1 */
	struct seen seen;
};

struct watch {
	int fd;			/* inotify, or -1: compare times */
	struct wfile *files;
	size_t n;
	double due;		/* when a settled change is to be answered */
	double next_poll;	/* without inotify: the next comparison */
};

/* What path is now (nothing there is a state too). */
static struct seen look(const char *path)
{
	struct stat st;
	struct seen s = { 0 };

	if (stat(path, &st) != 0)
		return s;
	s.exists = true;
	s.dev = st.st_dev;
	s.ino = st.st_ino;
	s.size = st.st_size;
	s.mtime = st.st_mtim;
	return s;
}

/* True when two looks at a file differ. */
static bool differs(const struct seen *a, const struct seen *b)
{
	return a->exists != b->exists || a->dev != b->dev ||
	       a->ino != b->ino || a->size != b->size ||
	       a->mtime.tv_sec != b->mtime.tv_sec ||
	       a->mtime.tv_nsec != b->mtime.tv_nsec;
}

/* Split path into its directory and its name (the file's own copy). */
static void split(struct wfile *f, const char *path)
{
	const char *slash;

	f->path = xstrdup(path);
	slash = strrchr(f->path, '/');
	if (slash == NULL) {
		f->dir = xstrdup(".");
		f->base = f->path;
	} else {
		f->dir = slash == f->path ? xstrdup("/") :
			 xstrndup(f->path, (size_t)(slash - f->path));
		f->base = slash + 1;
	}
}

/*
 * Watch each file's directory for what replaces, writes or removes a
 * file in it. A directory shared by several files is one watch (inotify
 * gives the same descriptor back).
 */
static void watch_dirs(struct watch *w)
{
	const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
			      IN_DELETE | IN_MODIFY | IN_ATTRIB;

	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	for (size_t i = 0; w->fd >= 0 && i < w->n; i++) {
		w->files[i].wd =
			inotify_add_watch(w->fd, w->files[i].dir, mask);
		if (w->files[i].wd < 0) {
			/*
			 * A directory that cannot be watched: compare times.
			 */
			close(w->fd);
			w->fd = -1;
		}
	}
}

/* A watch of files, by inotify when with_inotify and it can be had. */
static struct watch *watch_open(const char *const *files, size_t n,
				bool with_inotify)
{
	struct watch *w = xcalloc(1, sizeof(*w));

	w->files = xcalloc(n ? n : 1, sizeof(*w->files));
	for (size_t i = 0; i < n; i++) {
		if (files[i] == NULL)
			continue;
		split(&w->files[w->n], files[i]);
		w->files[w->n].seen = look(files[i]);
		w->files[w->n].wd = -1;
		w->n++;
	}
	w->due = INFINITY;
	w->fd = -1;
	if (w->n > 0 && with_inotify)
		watch_dirs(w);
	w->next_poll = now_mono() + WATCH_POLL;
	return w;
}

struct watch *watch_new(const char *const *files, size_t n)
{
	return watch_open(files, n, true);
}

struct watch *watch_new_polling(const char *const *files, size_t n)
{
	return watch_open(files, n, false);
}

void watch_free(struct watch *w)
{
	if (w == NULL)
		return;
	if (w->fd >= 0)
		close(w->fd);
	for (size_t i = 0; i < w->n; i++) {
		free(w->files[i].path);
		free(w->files[i].dir);
	}
	free(w->files);
	free(w);
}

bool watch_polling(const struct watch *w)
{
	return w->fd < 0;
}

int watch_pollfds(struct watch *w, struct pollfd *fds, int max)
{
	if (w->fd < 0 || max < 1)
		return 0;
	fds[0] = (struct pollfd){ w->fd, POLLIN, 0 };
	return 1;
}

double watch_next_wake(const struct watch *w)
{
	if (w->fd < 0 && w->n > 0 && w->next_poll < w->due)
		return w->next_poll;
	return w->due;
}

/*
 * True when an event of inotify names one of the watched files: a
 * change of another file in the same directory is no reason to reload.
 */
static bool names_ours(const struct watch *w, const struct inotify_event *ev)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->files[i].wd == ev->wd && ev->len > 0 &&
		    strcmp(w->files[i].base, ev->name) == 0)
			return true;
	return false;
}

/* Read inotify's events; true when one concerns a watched file. */
static bool read_events(struct watch *w)
{
	char buf[4096]
		__attribute__((aligned(__alignof__(struct inotify_event))));
	bool ours = false;
	ssize_t len;

	while ((len = read(w->fd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + len;) {
			const struct inotify_event *ev = (const void *)p;
			if (names_ours(w, ev))
				ours = true;
			p += sizeof(*ev) + ev->len;
		}
	}
	return ours;
}

/* Without inotify: true when a file's look changed since the last. */
static bool compare_times(struct watch *w)
{
	bool changed = false;

	for (size_t i = 0; i < w->n; i++) {
		struct seen now = look(w->files[i].path);
		if (differs(&now, &w->files[i].seen))
			changed = true;
		w->files[i].seen = now;
	}
	return changed;
}

bool watch_dispatch(struct watch *w, const struct pollfd *fds, int nfds,
		    double now)
{
	bool changed = false;

	if (w->fd >= 0 && nfds > 0 && fds[0].fd == w->fd && fds[0].revents)
		changed = read_events(w);
	if (w->fd < 0 && now >= w->next_poll) {
		changed = compare_times(w);
		w->next_poll = now + WATCH_POLL;
	}
	if (changed)	/* each change of a storm puts the answer off */
		w->due = now + WATCH_SETTLE;
	if (now < w->due)
		return false;
	w->due = INFINITY;
	return true;
}
