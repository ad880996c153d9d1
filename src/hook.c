/*
 * hook.c - the alert hook: a table of jobs, one per alert the program
 * has to hear of, each running its program at most once at a time and
 * once a gap. See hook.h.
 *
 * A job is kept while its program runs, while it has an event to tell,
 * while a start it told is not yet followed by the clear, and for the
 * gap after its last run (which is what limits a flapping alert); after
 * that its slot is free again. The table is taken once, when the board
 * starts.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "format.h"
#include "hook.h"
#include "log.h"
#include "sanitize.h"

#define HOOK_JOBS 64		/* alerts the hook keeps track of at once */
#define HOOK_VALUE_MAX 200	/* bytes of a variable's value */
#define HOOK_LINE_MAX 256	/* bytes of a line of output logged */
#define HOOK_DEFAULT_PATH "/usr/local/bin:/usr/bin:/bin"

enum want { W_NONE, W_START, W_CLEAR };

/* One alert's runs of the program. */
struct job {
	bool used;
	struct alert_key key;
	pid_t pid;		/* the run going, 0 none */
	int fd;			/* its output, -1 when closed */
	double started;		/* when it started */
	bool killed;		/* it ran past the timeout */
	double last;		/* when the last run started */
	enum want want;		/* the event waiting to be told */
	bool told;		/* a start was told, a clear is owed */
	char env[HOOK_ENV_SIZE];	/* the waiting event's variables */
	size_t envlen;
	char what[200];		/* the alert, for the log */
	char line[HOOK_LINE_MAX];	/* output not yet a whole line */
	size_t linelen;
	unsigned lines;		/* lines of this run logged */
};

struct hook {
	char *program;
	double timeout, gap;
	struct log *log;
	struct job jobs[HOOK_JOBS];
	size_t running;
	bool full_said;		/* the table was full, and the log says so */
};

struct hook *hook_new(const struct hook_opts *o, struct log *log)
{
	struct hook *h = xcalloc(1, sizeof(*h));

	h->program = xstrdup(o->program);
	h->timeout = o->timeout;
	h->gap = o->gap;
	h->log = log;
	for (size_t i = 0; i < HOOK_JOBS; i++)
		h->jobs[i].fd = -1;
	return h;
}

/* --- the variables ------------------------------------------------------ */

/* Append "name=value" and its NUL to buf, the value sanitised and cut. */
static void env_put(char *buf, size_t size, size_t *used, const char *name,
		    const char *value)
{
	char clean[HOOK_VALUE_MAX];
	int n;

	if (*used >= size)
		return;
	sanitize_line(clean, sizeof(clean), value ? value : "");
	n = snprintf(buf + *used, size - *used, "WALLBOARD_ALERT_%s=%s", name,
		     clean);
	if (n < 0 || (size_t)n >= size - *used) {
		buf[*used] = '\0';	/* no room: the variable is left out */
		return;
	}
	*used += (size_t)n + 1;
}

/* A number as the variables write it; "" for none. */
static const char *num_text(double v, char *out, size_t size)
{
	if (!isfinite(v) || number_text(out, size, v, -1) == 0)
		out[0] = '\0';
	return out;
}

size_t hook_env(const struct alerts *al, enum alert_event ev,
		const struct alert *a, double now_wall, char *buf, size_t size)
{
	const struct column *c = alert_column(al, a);
	const struct panel *p = alert_panel(al, a);
	char num[64], when[32];
	size_t used = 0;

	env_put(buf, size, &used, "EVENT",
		ev == ALERT_CLEAR ? "clear" : "start");
	env_put(buf, size, &used, "LEVEL", role_name(a->level));
	env_put(buf, size, &used, "LAYOUT", alert_layout(al, a)->title);
	env_put(buf, size, &used, "PANEL", p->title);
	env_put(buf, size, &used, "PANEL_ID", p->id);
	env_put(buf, size, &used, "COLUMN", c->title);
	env_put(buf, size, &used, "COLUMN_ID", c->id);
	env_put(buf, size, &used, "STAT", c->stat);
	env_put(buf, size, &used, "ROW", a->key.row);
	env_put(buf, size, &used, "VALUE", isfinite(a->num) ?
		num_text(a->num, num, sizeof(num)) : a->text);
	env_put(buf, size, &used, "TEXT", a->text);
	env_put(buf, size, &used, "THRESHOLD",
		num_text(alert_threshold(al, a), num, sizeof(num)));
	env_put(buf, size, &used, "STARTED",
		format_iso_utc(when, sizeof(when), a->started_wall));
	env_put(buf, size, &used, "TIME",
		format_iso_utc(when, sizeof(when), now_wall));
	snprintf(num, sizeof(num), "%.0f",
		 ev == ALERT_CLEAR && a->started_wall > 0
			 ? fmax(0, now_wall - a->started_wall)
			 : 0.0);
	env_put(buf, size, &used, "DURATION", num);
	return used;
}

/* --- running the program ------------------------------------------------ */

/* The board's own value of name as "name=value" in out, or the default. */
static char *pass_env(const char *name, const char *def, char *out,
		      size_t size)
{
	const char *v = getenv(name);

	if (v == NULL || *v == '\0')
		v = def;
	if (v == NULL)
		return NULL;
	snprintf(out, size, "%s=%s", name, v);
	return out;
}

/*
 * The child's set-up: its own session (no terminal, a process group to
 * kill whole), the signals at their defaults and none blocked, /dev/null
 * for input, the pipe for output, nothing else of the board's open.
 */
static bool spawn_setup(posix_spawn_file_actions_t *fa, posix_spawnattr_t *at,
			int out)
{
	static const int sigs[] = {
		SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGWINCH,
		SIGALRM, SIGUSR1, SIGUSR2, SIGTSTP, SIGTTIN, SIGTTOU
	};
	sigset_t none, dfl;

	sigemptyset(&none);
	sigemptyset(&dfl);
	for (size_t i = 0; i < WB_ARRAY_LEN(sigs); i++)
		sigaddset(&dfl, sigs[i]);
	if (posix_spawn_file_actions_init(fa) != 0)
		return false;
	if (posix_spawnattr_init(at) != 0) {
		posix_spawn_file_actions_destroy(fa);
		return false;
	}
	posix_spawn_file_actions_addopen(fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(fa, out, 1);
	posix_spawn_file_actions_adddup2(fa, out, 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
	posix_spawn_file_actions_addclosefrom_np(fa, 3);
#endif
	posix_spawnattr_setflags(at, POSIX_SPAWN_SETSID |
					     POSIX_SPAWN_SETSIGMASK |
					     POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setsigmask(at, &none);
	posix_spawnattr_setsigdefault(at, &dfl);
	return true;
}

/*
 * Start the program for j's waiting event: argv is the program alone,
 * the environment the event's variables and PATH, HOME and LANG.
 */
static void spawn(struct hook *h, struct job *j, double now)
{
	char *env[32], path[4096], home[1024], lang[256];
	char *argv[] = { h->program, NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	size_t n = 0;
	int p[2], err;
	pid_t pid;

	for (size_t off = 0; off < j->envlen && n < WB_ARRAY_LEN(env) - 4;
	     off += strlen(j->env + off) + 1)
		env[n++] = j->env + off;
	if ((env[n] = pass_env("PATH", HOOK_DEFAULT_PATH, path, sizeof(path))))
		n++;
	if ((env[n] = pass_env("HOME", NULL, home, sizeof(home))))
		n++;
	if ((env[n] = pass_env("LANG", NULL, lang, sizeof(lang))))
		n++;
	env[n] = NULL;
	j->last = now;
	if (pipe2(p, O_CLOEXEC) != 0) {
		log_event(h->log, "on_alert: cannot run %s: %s", h->program,
			  strerror(errno));
		j->want = W_NONE;
		return;
	}
	if (!spawn_setup(&fa, &at, p[1])) {
		log_event(h->log, "on_alert: cannot run %s: out of memory",
			  h->program);
		close(p[0]);
		close(p[1]);
		j->want = W_NONE;
		return;
	}
	err = posix_spawn(&pid, h->program, &fa, &at, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(p[1]);
	if (err != 0) {
		close(p[0]);
		log_event(h->log, "on_alert: cannot run %s: %s", h->program,
			  strerror(err));
		j->want = W_NONE;
		return;
	}
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	j->pid = pid;
	j->fd = p[0];
	j->started = now;
	j->killed = false;
	j->told = j->want == W_START;
	j->linelen = 0;
	j->lines = 0;
	log_event(h->log, "on_alert: %s of %s (pid %ld)", j->want == W_START ?
		  "start" : "clear", j->what, (long)pid);
	j->want = W_NONE;
	h->running++;
}

/* Start j's waiting event when its limits allow. */
static void try_start(struct hook *h, struct job *j, double now)
{
	if (j->want != W_NONE && j->pid == 0 && now - j->last >= h->gap &&
	    h->running < HOOK_RUNNING_MAX)
		spawn(h, j, now);
}

/* --- the table of jobs ------------------------------------------------- */

/* True when two keys name the same alert. */
static bool same_key(const struct alert_key *a, const struct alert_key *b)
{
	return a->layout == b->layout && a->panel == b->panel &&
	       a->col == b->col && strcmp(a->row, b->row) == 0;
}

/* True when nothing is left to do for j and its gap has passed. */
static bool job_done(const struct hook *h, const struct job *j, double now)
{
	return j->pid == 0 && j->want == W_NONE && !j->told &&
	       now - j->last >= h->gap;
}

/* The job of key, or NULL. */
static struct job *job_find(struct hook *h, const struct alert_key *key)
{
	for (size_t i = 0; i < HOOK_JOBS; i++)
		if (h->jobs[i].used && same_key(&h->jobs[i].key, key))
			return &h->jobs[i];
	return NULL;
}

/* A new job for key, or NULL when every one is busy. */
static struct job *job_take(struct hook *h, const struct alert_key *key,
			    double now)
{
	for (size_t i = 0; i < HOOK_JOBS; i++) {
		struct job *j = &h->jobs[i];
		if (j->used && !job_done(h, j, now))
			continue;
		memset(j, 0, sizeof(*j));
		j->used = true;
		j->key = *key;
		j->fd = -1;
		j->last = -INFINITY;
		return j;
	}
	return NULL;
}

void hook_alert(struct hook *h, const struct alerts *al, enum alert_event ev,
		const struct alert *a, double now)
{
	struct job *j = job_find(h, &a->key);

	if (ev == ALERT_START) {
		if (j != NULL && j->want == W_CLEAR) {
			/* back before its clear was told */
			j->want = W_NONE;
			return;
		}
		if (j != NULL && j->told)
			return;
		if (j == NULL && (j = job_take(h, &a->key, now)) == NULL) {
			if (!h->full_said)
				log_event(h->log,
					  "on_alert: more than %d alerts "
					  "to tell at once: some are not told",
					  HOOK_JOBS);
			h->full_said = true;
			return;
		}
		h->full_said = false;
		j->want = W_START;
	} else if (ev == ALERT_CLEAR) {
		if (j == NULL)
			return;		/* its start was never told */
		if (j->want == W_START) {
			j->want = W_NONE;	/* over before it was told */
			return;
		}
		if (!j->told)
			return;
		j->want = W_CLEAR;
	} else {
		return;
	}
	j->envlen = hook_env(al, ev, a, now_wall(), j->env, sizeof(j->env));
	alert_describe(al, a, j->what, sizeof(j->what));
	try_start(h, j, now);
}

/* --- output, reaping, timeouts ------------------------------------------ */

/* Log the line j has gathered, if any (and while its run may log). */
static void flush_line(struct hook *h, struct job *j)
{
	if (j->linelen == 0)
		return;
	j->line[j->linelen] = '\0';
	if (j->lines < HOOK_LOG_LINES)
		log_event(h->log, "on_alert[%ld]: %s", (long)j->pid, j->line);
	else if (j->lines == HOOK_LOG_LINES)
		log_event(h->log, "on_alert[%ld]: (more output not logged)",
			  (long)j->pid);
	j->lines++;
	j->linelen = 0;
}

/* Read what j's run has written, without blocking; close at its end. */
static void read_output(struct hook *h, struct job *j)
{
	char buf[1024];
	ssize_t n;

	while (j->fd >= 0 && (n = read(j->fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return;
			break;
		}
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n' || j->linelen + 1 >= sizeof(j->line))
				flush_line(h, j);
			if (buf[i] != '\n')
				j->line[j->linelen++] = buf[i];
		}
	}
	flush_line(h, j);
	if (j->fd >= 0)
		close(j->fd);
	j->fd = -1;
}

/* Reap j's run if it has ended; say how it ended when not well. */
static void reap(struct hook *h, struct job *j)
{
	int status;
	pid_t r = waitpid(j->pid, &status, WNOHANG);

	if (r == 0 || (r < 0 && errno == EINTR))
		return;
	if (j->fd >= 0) {
		/* what is left; a child of its own may keep the pipe */
		read_output(h, j);
		if (j->fd >= 0) {
			close(j->fd);
			j->fd = -1;
		}
	}
	if (r > 0 && WIFEXITED(status) && WEXITSTATUS(status) != 0)
		log_event(h->log, "on_alert[%ld]: exit status %d", (long)j->pid,
			  WEXITSTATUS(status));
	else if (r > 0 && WIFSIGNALED(status) && !j->killed)
		log_event(h->log, "on_alert[%ld]: ended by signal %d",
			  (long)j->pid, WTERMSIG(status));
	j->pid = 0;
	h->running--;
}

/* Kill j's run, and whatever it started, when it has run too long. */
static void check_timeout(struct hook *h, struct job *j, double now)
{
	if (j->killed || now - j->started < h->timeout)
		return;
	kill(-j->pid, SIGKILL);
	j->killed = true;
	log_event(h->log, "on_alert[%ld]: killed after %g s (on_alert_timeout)",
		  (long)j->pid, h->timeout);
}

int hook_pollfds(struct hook *h, struct pollfd *fds, int max)
{
	int n = 0;

	for (size_t i = 0; i < HOOK_JOBS && n < max; i++)
		if (h->jobs[i].used && h->jobs[i].fd >= 0)
			fds[n++] = (struct pollfd){ h->jobs[i].fd, POLLIN, 0 };
	return n;
}

void hook_dispatch(struct hook *h, const struct pollfd *fds, int n, double now)
{
	for (int k = 0; k < n; k++)
		for (size_t i = 0; fds[k].revents && i < HOOK_JOBS; i++)
			if (h->jobs[i].used && h->jobs[i].fd == fds[k].fd)
				read_output(h, &h->jobs[i]);
	for (size_t i = 0; i < HOOK_JOBS; i++) {
		struct job *j = &h->jobs[i];
		if (!j->used || j->pid == 0)
			continue;
		reap(h, j);
		if (j->pid != 0)
			check_timeout(h, j, now);
	}
	for (size_t i = 0; i < HOOK_JOBS; i++)
		if (h->jobs[i].used)
			try_start(h, &h->jobs[i], now);
}

double hook_next_wake(const struct hook *h)
{
	double wake = INFINITY;

	for (size_t i = 0; i < HOOK_JOBS; i++) {
		const struct job *j = &h->jobs[i];
		double at = INFINITY;
		if (!j->used)
			continue;
		if (j->pid != 0 && !j->killed)
			at = j->started + h->timeout;
		else if (j->pid == 0 && j->want != W_NONE &&
			 h->running < HOOK_RUNNING_MAX)
			/* else a run's end wakes the board */
			at = j->last + h->gap;
		if (at < wake)
			wake = at;
	}
	return wake;
}

size_t hook_running(const struct hook *h)
{
	return h->running;
}

void hook_free(struct hook *h)
{
	if (h == NULL)
		return;
	for (size_t i = 0; i < HOOK_JOBS; i++) {
		struct job *j = &h->jobs[i];
		if (!j->used || j->pid == 0)
			continue;
		kill(-j->pid, SIGTERM);
		log_event(h->log, "on_alert[%ld]: stopped with the board",
			  (long)j->pid);
		j->killed = true;
		reap(h, j);
		if (j->fd >= 0)
			close(j->fd);
	}
	free(h->program);
	free(h);
}
