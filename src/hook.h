/*
 * hook.h - the alert hook (on_alert in the config): a program the board
 * runs when an alert starts and when it clears, with what happened in
 * its environment (WALLBOARD_ALERT_*; wallboard(1), ALERT HOOK).
 *
 * The program is run without a shell (posix_spawn of the program alone:
 * nothing from the network is ever a command or an option), in a session
 * of its own with /dev/null for input and a pipe for its output, which
 * goes to the log a line at a time, and with an environment of PATH,
 * HOME, LANG and the alert's variables only (no secret of the board).
 * Nothing waits for it: the board's poll loop reads its output, reaps it
 * and kills it (its whole process group) when it runs past the timeout.
 *
 * Runs are limited per alert (a layout, panel, column and row): one at a
 * time and no two starting within the gap. Events that come faster are
 * merged: a clear that comes before its start could be told cancels it,
 * a start that comes before its clear could be told cancels that; so the
 * program hears start and clear in turn and a flapping value cannot
 * start it more than once a gap. At most HOOK_RUNNING_MAX run at once.
 */
#ifndef WB_HOOK_H
#define WB_HOOK_H

#include <poll.h>
#include <stddef.h>

#include "alert.h"

#define HOOK_RUNNING_MAX 4	/* children at once */
#define HOOK_LOG_LINES 20	/* lines of one run's output logged */

struct hook_opts {
	const char *program;	/* an absolute path */
	/* seconds a run may take before it is killed */
	double timeout;
	/* seconds between the starts of two runs of one alert */
	double gap;
};

struct hook;
struct log;

/* A hook that runs o->program (copied), logging to log (may be NULL). */
struct hook *hook_new(const struct hook_opts *o, struct log *log);
/* Stop: runs still going are killed and reaped if they have ended. */
void hook_free(struct hook *h);

/*
 * Alert a of al started (ALERT_START) or cleared (ALERT_CLEAR) at now:
 * run the program for it now, or when its limits allow. Other events
 * are not the hook's.
 */
void hook_alert(struct hook *h, const struct alerts *al, enum alert_event ev,
		const struct alert *a, double now);

/* The descriptors to watch (the runs' output), into fds; their count. */
int hook_pollfds(struct hook *h, struct pollfd *fds, int max);
/* After poll: read output, reap, kill what ran too long, start what waits. */
void hook_dispatch(struct hook *h, const struct pollfd *fds, int n, double now);
/* When hook_dispatch next has something to do (INFINITY: nothing). */
double hook_next_wake(const struct hook *h);
/* Runs going now. */
size_t hook_running(const struct hook *h);

/* Bytes of one run's variables (values are cut to fit). */
#define HOOK_ENV_SIZE 2048

/*
 * The alert's variables of a run for event ev of alert a at now_wall
 * (epoch seconds): "NAME=value" strings one after another, each ended by
 * a NUL, into buf (size bytes); returns the bytes used. Values are
 * sanitised (no control character) and cut to a bound; whatever they
 * hold, they are data.
 */
size_t hook_env(const struct alerts *al, enum alert_event ev,
		const struct alert *a, double now_wall, char *buf, size_t size);

#endif
