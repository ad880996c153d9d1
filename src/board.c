/*
 * board.c - the event loop.
 *
 * One thread and one poll(2): the terminal, a self-pipe for signals, the
 * watch on the layout and config files (live reload), and the data
 * source's sockets. Timers (the data source's next step, the clock
 * second, layout rotation, the ticker) only decide how long poll may sleep.
 * Keys, signals and data only mark the screen dirty; it is drawn once per
 * loop iteration (cf. tmux's server_client_check_redraw). Nothing here
 * waits on the network, so a server that stalls for a minute freezes
 * nothing: the clock keeps ticking and the data shows its age.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alert.h"
#include "board.h"
#include "history.h"
#include "hook.h"
#include "keys.h"
#include "log.h"
#include "observe.h"
#include "reload.h"
#include "render/render.h"
#include "sanitize.h"
#include "watch.h"

#define MAX_FDS 32
#define RELEASE_WAIT 5.0	/* seconds allowed for releasing on exit */
#define NOTICE_TIME 3.0
#define REFUSED_TIME 15.0	/* a refused reload's error stays longer */

static int sig_pipe[2] = { -1, -1 };

/* Signal handler: pass the signal number to the loop through the pipe. */
static void on_signal(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;

	if (write(sig_pipe[1], &c, 1) < 0) {
		/* The pipe is full: the loop has signals to read already. */
	}
	errno = saved;
}

/* Route the signals the board handles into the self-pipe. */
static void signals_setup(void)
{
	struct sigaction sa;

	if (sig_pipe[0] < 0 && pipe(sig_pipe) == 0) {
		for (int i = 0; i < 2; i++) {
			fcntl(sig_pipe[i], F_SETFL, O_NONBLOCK);
			fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
		}
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	/* Ctrl-\ too: release, restore the terminal */
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGWINCH, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/*
 * The end of an alert hook's run wakes the loop, which reaps it: a
 * SIGCHLD through the same pipe (only when there is a hook to run).
 */
static void sigchld_setup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	/* poll(2) still wakes */
	sa.sa_flags = SA_NOCLDSTOP | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
}

/*
 * A data source being let go after a reload that subscribes anew: it
 * releases its subscription on the loop, with the reading it was opened
 * with, while the new source waits its turn (a server that allows one
 * subscription at a time sees the old one gone first).
 */
struct retiring {
	struct provider *prov;		/* NULL: none */
	struct reading *gen;
	double deadline;
};

/* The board's state between frames. */
struct board {
	const struct config *cfg;	/* view's */
	struct layoutset *set;		/* view's */
	struct reading *view;		/* the reading shown */
	struct reading *data;		/* the one prov was opened with */
	struct provider *prov;
	struct retiring old;
	/* the files a reload reads; NULL: none */
	struct watch *watch;
	const char *reload_due;		/* why a reload is due, or NULL */
	double rotate;
	struct render *r;
	const struct board_opts *o;
	struct snapshot *snap;
	struct provider_status st;
	size_t active;
	bool help;
	bool quit;
	bool dirty;
	const char *notice;
	double notice_until;
	double next_rotate;
	double next_tick;
	struct log *log;
	struct observer *obs;	/* what the data says of the board's guesses */
	bool logged_data;	/* the last event logged was fresh data */
	struct alerts *alerts;	/* breach alerts; NULL in a once run */
	struct hook *hook;	/* on_alert, or NULL */
	size_t dropped;		/* breaches the alerts had no room for */
	char notice_buf[160];
	struct history *hist;	/* the totals' trends; NULL in a once run */
	/* the grids show rows with this name */
	char search[VIEW_SEARCH_MAX];
	bool searching;		/* keys go to the search until Enter or Esc */
	size_t zoom;		/* 1..npanels: that panel alone; 0: none */
};

/* Show layout i (wrapping), restarting its rotation time. */
static void show_layout(struct board *b, size_t i, double now)
{
	double rot;

	b->active = i % b->set->n;
	/* a zoom names a panel of the layout it was on */
	b->zoom = 0;
	rot = b->set->layouts[b->active]->rotate > 0 ?
	      b->set->layouts[b->active]->rotate : b->rotate;
	b->next_rotate = rot > 0 && b->set->n > 1 ? now + rot : INFINITY;
	b->dirty = true;
}

/* A message in the status line for secs seconds. */
static void notice_for(struct board *b, const char *msg, double now,
		       double secs)
{
	b->notice = msg;
	b->notice_until = now + secs;
	b->dirty = true;
}

/* A short message in the status line for a few seconds. */
static void notice(struct board *b, const char *msg, double now)
{
	notice_for(b, msg, now, NOTICE_TIME);
}

/*
 * What happened to an alert: said in the log (the value is the data's,
 * sanitised there), told to the hook, and the screen redrawn.
 */
static void on_alert_event(void *ctx, enum alert_event ev,
			   const struct alert *a)
{
	static const char *const what[] = { [ALERT_START] = "alert",
					    [ALERT_RAISE] = "alert raised",
					    [ALERT_CLEAR] = "alert cleared",
					    [ALERT_ACK] =
						    "alert acknowledged" };
	struct board *b = ctx;
	const struct layout *l = alert_layout(b->alerts, a);
	char desc[400], th[64] = "";
	double t = alert_threshold(b->alerts, a);

	if (isfinite(t) && ev != ALERT_ACK)
		snprintf(th, sizeof(th), " (%s %g)", role_name(a->level), t);
	else if (ev != ALERT_ACK)
		snprintf(th, sizeof(th), " (%s)", role_name(a->level));
	log_event(b->log, "%s: %s: %s%s%s", what[ev], l->title,
		  alert_describe(b->alerts, a, desc, sizeof(desc)), th,
		  ev == ALERT_CLEAR && a->text[0] == '\0' ? " (row gone)" : "");
	if (b->hook)
		hook_alert(b->hook, b->alerts, ev, a, now_mono());
	b->dirty = true;
}

/* The acknowledge key: the bell of the alerts standing goes quiet. */
static void acknowledge(struct board *b, double now)
{
	size_t n = b->alerts ? alerts_ack(b->alerts, on_alert_event, b) : 0;
	const struct alert *old;
	size_t acked;

	if (n > 0)
		snprintf(b->notice_buf, sizeof(b->notice_buf), "%zu alert%s "
			 "acknowledged", n, n > 1 ? "s" : "");
	else if (b->alerts && alerts_standing(b->alerts, &old, &acked) > 0)
		snprintf(b->notice_buf, sizeof(b->notice_buf),
			 "the alerts standing are acknowledged already");
	else
		snprintf(b->notice_buf, sizeof(b->notice_buf),
			 "no alert to acknowledge");
	notice(b, b->notice_buf, now);
}

/*
 * A key while the search is typed: text is added to it (UTF-8 comes a
 * byte at a time), Backspace takes the last character, Enter keeps the
 * search, Esc clears it. Control keys are not text.
 */
static void search_key(struct board *b, int key)
{
	size_t n = strlen(b->search);

	b->dirty = true;
	if (key == '\r' || key == '\n') {
		b->searching = false;
	} else if (key == 27) {
		b->searching = false;
		b->search[0] = '\0';
	} else if (key == 127 || key == 8) {
		while (n > 0 && ((unsigned char)b->search[--n] & 0xC0) == 0x80)
			; /* back over the character's continuation bytes */
		b->search[n] = '\0';
	} else if (key >= 32 && key < 256 && key != 127 &&
		   n + 1 < sizeof(b->search)) {
		b->search[n] = (char)key;
		b->search[n + 1] = '\0';
	}
}

/* The zoom key: the next panel of the layout alone, after the last none. */
static void zoom_next(struct board *b)
{
	size_t n = b->set->layouts[b->active]->npanels;

	b->zoom = b->zoom >= n ? 0 : b->zoom + 1;
	b->dirty = true;
}

/* Esc: a search that holds is cleared first, else the zoom is left. */
static void back(struct board *b)
{
	if (b->search[0] != '\0')
		b->search[0] = '\0';
	else
		b->zoom = 0;
	b->dirty = true;
}

/* Whether key binding k may be used now; refused with a notice if not. */
static bool key_allowed(struct board *b, const struct key_binding *k,
			double now)
{
	if (!b->o->kiosk || k->kiosk == KIOSK_ALWAYS ||
	    (k->kiosk == KIOSK_UNLESS_READONLY && !b->cfg->kiosk_readonly))
		return true;
	if (k->kiosk == KIOSK_NEVER)
		snprintf(b->notice_buf, sizeof(b->notice_buf), "%s is disabled "
			 "in kiosk mode", k->what);
	else
		snprintf(b->notice_buf, sizeof(b->notice_buf),
			 "%s is disabled: "
			 "this wall is read-only (kiosk_readonly)",
			 k->what);
	notice(b, b->notice_buf, now);
	return false;
}

/* One key press. */
static void handle_key(struct board *b, int key, double now)
{
	const struct key_binding *k;

	if (b->searching) {
		search_key(b, key);
		return;
	}
	k = key_find(key);
	if (b->help) {
		b->help = false;
		b->dirty = true;
		return;
	}
	if (k == NULL || !key_allowed(b, k, now))
		return;
	switch (k->action) {
	case ACT_LAYOUT:
		for (size_t i = 0; i < b->set->n; i++)
			if (b->set->layouts[i]->key == key - '0') {
				show_layout(b, i, now);
				return;
			}
		notice(b, "no layout on that key", now);
		break;
	case ACT_NEXT:
		show_layout(b, b->active + 1, now);
		break;
	case ACT_PREV:
		show_layout(b, b->active + b->set->n - 1, now);
		break;
	case ACT_HELP:
		b->help = true;
		b->dirty = true;
		break;
	case ACT_QUIT:
		b->quit = true;
		break;
	case ACT_REDRAW:
		render_resize(b->r);
		b->dirty = true;
		break;
	case ACT_ACK:
		acknowledge(b, now);
		break;
	case ACT_SEARCH:
		b->searching = true;
		b->search[0] = '\0';
		b->dirty = true;
		break;
	case ACT_ZOOM:
		zoom_next(b);
		break;
	case ACT_BACK:
		back(b);
		break;
	}
}

/* Read every pending signal. */
static void handle_signals(struct board *b)
{
	unsigned char c;

	while (read(sig_pipe[0], &c, 1) == 1) {
		if (c == SIGCHLD)
			/* a hook's run ended: reaped on this turn */
			continue;
		if (c == SIGWINCH)
			render_resize(b->r);
		else if (c == SIGHUP)
			/* re-read, never quit */
			b->reload_due = "SIGHUP";
		else
			b->quit = true;
		b->dirty = true;
	}
}

/* How long poll may sleep: until the first timer that is due. */
static int poll_timeout(const struct board *b, double now)
{
	double wake = b->old.prov ? b->old.prov->ops->next_wake(b->old.prov) :
		      b->prov->ops->next_wake(b->prov);

	if (b->next_tick < wake)
		wake = b->next_tick;
	if (b->next_rotate < wake)
		wake = b->next_rotate;
	if (b->notice && b->notice_until < wake)
		wake = b->notice_until;
	if (b->alerts && alerts_next_bell(b->alerts) < wake)
		wake = alerts_next_bell(b->alerts);
	if (b->hook && hook_next_wake(b->hook) < wake)
		wake = hook_next_wake(b->hook);
	if (b->watch && watch_next_wake(b->watch) < wake)
		wake = watch_next_wake(b->watch);
	if (b->old.prov && b->old.deadline < wake)
		wake = b->old.deadline;
	wake -= now;
	if (wake <= 0)
		return 0;
	return wake > 1.0 ? 1000 : (int)ceil(wake * 1000);
}

/* A finding of the observer goes to the log. */
static void note_finding(void *ctx, const char *what)
{
	struct board *b = ctx;

	log_event(b->log, "%s", what);
}

/* A new snapshot to the alerts; breaches beyond their room said once. */
static void feed_alerts(struct board *b, const struct snapshot *s)
{
	size_t dropped;

	alerts_feed(b->alerts, s, on_alert_event, b);
	dropped = alerts_dropped(b->alerts);
	if (dropped > 0 && b->dropped == 0)
		log_event(b->log, "more than %d alerts at once: %zu breaches "
			  "are not tracked", ALERT_MAX, dropped);
	b->dropped = dropped;
}

/* Take a new snapshot and status from the data source. */
static void collect(struct board *b)
{
	struct snapshot *s = b->prov->ops->take(b->prov);
	struct provider_status st;

	b->prov->ops->status(b->prov, &st);
	if (st.repeats != b->st.repeats)
		b->dirty = true;
	if (st.state != b->st.state || strcmp(st.message, b->st.message) != 0) {
		/*
		 * A state that repeated is logged once, and its count when it
		 * ends.
		 */
		if (b->st.repeats > 0)
			log_event(b->log, "the same %u times in all",
				  b->st.repeats + 1);
		b->dirty = true;
		log_event(b->log, "%s%s%s", conn_state_name(st.state),
			  st.message[0] ? ": " : "", st.message);
		b->logged_data = false;
	}
	b->st = st;
	if (s) {
		if (b->obs)
			observe_snapshot(b->obs, s, note_finding, b);
		if (b->alerts)
			feed_alerts(b, s);
		if (b->hist)
			history_push(b->hist, s);
		snapshot_free(b->snap);
		b->snap = s;
		b->dirty = true;
		if (!b->logged_data)
			log_event(b->log, "fresh data");
		b->logged_data = true;
	}
}

/* The timers: clock second, ticker, rotation, notices, the bell. */
static void timers(struct board *b, double now)
{
	if (b->alerts && alerts_bell(b->alerts, now))
		render_bell(b->r);
	if (now >= b->next_tick) {
		double step = render_animating(b->r) ? 0.25 : 1.0;
		b->next_tick = floor(now / step) * step + step;
		b->dirty = true;
	}
	if (now >= b->next_rotate)
		show_layout(b, b->active + 1, now);
	if (b->notice && now >= b->notice_until) {
		b->notice = NULL;
		b->dirty = true;
	}
}

/* Draw the frame if anything changed. */
static void redraw(struct board *b, double now)
{
	struct view v = {
		.set = b->set, .active = b->active, .snap = b->snap,
		.st = &b->st, .now = now, .interval = b->cfg->interval,
		.help = b->help, .notice = b->notice, .demo = b->o->demo,
		.alerts = b->alerts, .history = b->hist, .search = b->search,
		.searching = b->searching, .zoom = b->zoom,
	};

	if (!b->dirty)
		return;
	render_draw(b->r, &v);
	b->dirty = false;
}

/*
 * Keep the loop turning for a data source that was told to release
 * alone until it says it is closed, or the deadline passes. Says what
 * became of it into out, for the log.
 */
static void release_wait(struct provider *prov, double deadline, char *out,
			 size_t outsz)
{
	struct pollfd fds[MAX_FDS];
	struct provider_status st;

	for (;;) {
		prov->ops->status(prov, &st);
		if (st.state == CONN_CLOSED || now_mono() >= deadline)
			break;
		int n = prov->ops->pollfds(prov, fds, MAX_FDS);
		double wake = prov->ops->next_wake(prov) - now_mono();
		double left = deadline - now_mono();
		if (wake > left)
			wake = left;
		if (poll(fds, (nfds_t)n,
			 wake <= 0 ? 0 : (int)ceil(wake * 1000)) < 0 &&
		    errno != EINTR)
			break;
		prov->ops->dispatch(prov, fds, n, now_mono());
	}
	prov->ops->status(prov, &st);
	if (st.state == CONN_CLOSED)
		snprintf(out, outsz, "%s",
			 st.message[0] ? st.message : "closed");
	else
		snprintf(out, outsz,
			 "the subscription was not released within "
			 "%.0f s: it may still be active on the server",
			 RELEASE_WAIT);
}

/* Give back the subscription (release_wait); what became of it into out. */
static void release(struct provider *prov, char *out, size_t outsz)
{
	prov->ops->release(prov);
	release_wait(prov, now_mono() + RELEASE_WAIT, out, outsz);
}

/* --- live reload --------------------------------------------------- */

/* Watch the files the reading shown was read from (its layouts, config). */
static void watch_files(struct board *b)
{
	const struct layoutset *set = b->view->set;
	const char **files;

	watch_free(b->watch);
	b->watch = NULL;
	if (b->o->reload.read == NULL)
		return;
	files = xcalloc(set->n + 1, sizeof(*files));
	for (size_t i = 0; i < set->n; i++)
		files[i] = set->layouts[i]->file;
	files[set->n] = b->view->cfg->file;
	b->watch = watch_new(files, set->n + 1);
	free(files);
}

/* Free a reading unless the source still reads it. */
static void gen_drop(struct board *b, struct reading *g)
{
	if (g != NULL && g != b->data)
		b->o->reload.free(g);
}

/*
 * The trends are kept per statistic and selection: new layouts get a
 * history of their own, with the points of every value the old one had.
 */
static void rebuild_history(struct board *b)
{
	struct history *h = history_new(b->set, b->cfg->interval);

	if (b->hist != NULL) {
		history_carry(h, b->hist);
		history_free(b->hist);
	}
	b->hist = h;
}

/*
 * The alerts and the observer are built for the layouts shown: built
 * again for new ones (standing alerts start over, said in the log).
 */
static void rebuild_watchers(struct board *b)
{
	struct alert_opts ao = {
		b->cfg->alert_debounce, b->cfg->alert_clear,
		b->cfg->alert_repeat
	};

	observe_free(b->obs);
	b->obs = observe_new(b->set);
	alerts_free(b->alerts);
	b->alerts = alerts_new(b->set, &ao);
	b->dropped = 0;
	rebuild_history(b);
}

/*
 * Let the old source finish releasing: on the loop while the board runs
 * (retire_step), here at once when another reload or the exit needs it
 * gone.
 */
static void retire_finish(struct board *b)
{
	char how[300];

	if (b->old.prov == NULL)
		return;
	release_wait(b->old.prov, b->old.deadline, how, sizeof(how));
	log_event(b->log, "reload: the old subscription: %s", how);
	b->old.prov->ops->destroy(b->old.prov);
	b->o->reload.free(b->old.gen);
	b->old = (struct retiring){ 0 };
}

/* A turn of the loop for the old source; gone once it says it is closed. */
static void retire_step(struct board *b, struct pollfd *fds, int n,
			double now)
{
	struct provider_status st;

	if (b->old.prov == NULL)
		return;
	b->old.prov->ops->dispatch(b->old.prov, fds, n, now);
	b->old.prov->ops->status(b->old.prov, &st);
	if (st.state == CONN_CLOSED || now >= b->old.deadline)
		retire_finish(b);
}

/*
 * The new reading needs another subscription: open a source for it
 * (refused, the old one stays: false with why), let the old one release
 * its subscription, and forget the data shaped for the old layouts.
 */
static bool resubscribe(struct board *b, struct reading *g, char *why,
			size_t whysz)
{
	struct errlist errs = { 0 };
	struct provider *prov =
		provider_open(g->cfg, g->set, b->o->demo, &errs);

	if (prov == NULL) {
		snprintf(why, whysz, "%s", errs.n ? errs.msgs[0] :
			 "the data source cannot be opened");
		errlist_free(&errs);
		return false;
	}
	errlist_free(&errs);
	retire_finish(b);
	b->prov->ops->release(b->prov);
	b->old = (struct retiring){ b->prov, b->data,
				    now_mono() + RELEASE_WAIT };
	b->prov = prov;
	b->data = g;
	memset(&b->st, 0, sizeof(b->st));
	snapshot_free(b->snap);
	b->snap = NULL;
	return true;
}

/* Show g's layouts: the layout of the same title stays on screen. */
static void show_gen(struct board *b, struct reading *g, double now)
{
	const char *title = b->set->layouts[b->active]->title;
	size_t active = 0;

	for (size_t i = 0; i < g->set->n; i++)
		if (strcmp(g->set->layouts[i]->title, title) == 0)
			active = i;
	if (active == 0 && b->active < g->set->n &&
	    strcmp(g->set->layouts[0]->title, title) != 0)
		active = b->active;	/* its title changed: the same place */
	b->view = g;
	b->cfg = g->cfg;
	b->set = g->set;
	if (b->o->kiosk || g->cfg->rotate_given)
		b->rotate = g->cfg->rotate;
	rebuild_watchers(b);
	watch_files(b);
	show_layout(b, active, now);
}

/*
 * Read the settings and layouts again (SIGHUP, or a file changed). A
 * reading with an error is refused: its message stays on the status line
 * a while and goes to the log, and the old layouts stay on screen. A
 * reading that asks the server for what the source already has keeps
 * the subscription (reload.h); another subscribes anew.
 */
static void reload(struct board *b, const char *cause, double now)
{
	char why[1024], line[1024];
	struct reading *g, *oldview = b->view;

	log_event(b->log, "reload (%s)", cause);
	g = b->o->reload.read(b->o->reload.ctx, why, sizeof(why));
	if (g != NULL && reload_keeps_source(b->data->cfg, b->data->set,
					     g->cfg, g->set, line,
					     sizeof(line))) {
		log_event(b->log, "reload: %zu layouts; %s: the subscription "
			  "is kept", g->set->n, line);
		show_gen(b, g, now);
		gen_drop(b, oldview);
		notice(b, "layouts reloaded", now);
		return;
	}
	if (g != NULL) {
		log_event(b->log, "reload: %zu layouts; %s: subscribing anew",
			  g->set->n, line);
		if (resubscribe(b, g, why, sizeof(why))) {
			show_gen(b, g, now);
			if (oldview != b->old.gen)
				b->o->reload.free(oldview);
			notice(b, "layouts reloaded: subscribing anew", now);
			return;
		}
		b->o->reload.free(g);
	}
	log_event(b->log, "reload refused: %s", why);
	snprintf(b->notice_buf, sizeof(b->notice_buf), "reload refused: %s",
		 sanitize_line(line, sizeof(line), why));
	notice_for(b, b->notice_buf, now, REFUSED_TIME);
}

/* The reload that is due, or the log's word on why there is none. */
static void reload_or_say(struct board *b, double now)
{
	if (b->o->reload.read)
		reload(b, b->reload_due, now);
	else
		log_event(b->log, "%s: this board has nothing to re-read "
			  "(see wallboard(1), SIGNALS)", b->reload_due);
	b->reload_due = NULL;
}

/* The descriptors of a turn: where each part begins in fds. */
struct turn {
	int nh, nw, no, np, n;
	int hook, watch, old, prov;
};

/* Fill fds with all the loop polls this turn. */
static void turn_fds(struct board *b, struct pollfd *fds, bool tty_in,
		     struct turn *t)
{
	int n = 0;

	fds[n++] = (struct pollfd){ tty_in ? STDIN_FILENO : -1, POLLIN, 0 };
	fds[n++] = (struct pollfd){ sig_pipe[0], POLLIN, 0 };
	t->hook = n;
	t->nh = b->hook ? hook_pollfds(b->hook, fds + n, HOOK_RUNNING_MAX) : 0;
	n += t->nh;
	t->watch = n;
	t->nw = b->watch ? watch_pollfds(b->watch, fds + n, MAX_FDS - n) : 0;
	n += t->nw;
	t->old = n;
	t->no = b->old.prov ? b->old.prov->ops->pollfds(b->old.prov, fds + n,
							MAX_FDS - n) : 0;
	n += t->no;
	t->prov = n;
	/* A new source waits until the old one has released. */
	t->np = b->old.prov ? 0 : b->prov->ops->pollfds(b->prov, fds + n,
							 MAX_FDS - n);
	t->n = n + t->np;
}

/* Everything the board holds, given back at its end. */
static void board_end(struct board *b)
{
	char how[300];

	render_end(b->r);
	hook_free(b->hook);
	if (b->st.repeats > 0)
		log_event(b->log, "the same %u times in all",
			  b->st.repeats + 1);
	retire_finish(b);
	release(b->prov, how, sizeof(how));
	log_event(b->log, "exit: %s", how);
	b->prov->ops->destroy(b->prov);
	watch_free(b->watch);
	observe_free(b->obs);
	alerts_free(b->alerts);
	history_free(b->hist);
	snapshot_free(b->snap);
	if (b->view != b->data)
		b->o->reload.free(b->view);
	b->o->reload.free(b->data);
}

int board_run(struct reading *g, struct provider *prov,
	      const struct board_opts *o, struct log *log)
{
	struct render_opts ro = { o->color, o->ascii, o->kiosk };
	struct board b;
	struct pollfd fds[MAX_FDS];
	struct turn t;
	bool tty_in = isatty(STDIN_FILENO);

	memset(&b, 0, sizeof(b));
	b.view = b.data = g;
	b.cfg = g->cfg;
	b.set = g->set;
	b.prov = prov;
	b.o = o;
	b.rotate = o->rotate;
	b.log = log;
	signals_setup();
	log_event(b.log, "start: %zu layouts", b.set->n);
	b.r = render_init(&ro);
	if (b.r == NULL) {
		prov->ops->destroy(prov);
		o->reload.free(g);
		return 1;
	}
	rebuild_watchers(&b);
	watch_files(&b);
	if (b.cfg->on_alert != NULL && alerts_wanted(b.alerts)) {
		struct hook_opts ho = {
			b.cfg->on_alert, b.cfg->on_alert_timeout,
			b.cfg->on_alert_gap
		};
		b.hook = hook_new(&ho, log);
		sigchld_setup();
	}
	show_layout(&b, 0, now_mono());
	b.dirty = true;
	while (!b.quit) {
		double now = now_mono();

		turn_fds(&b, fds, tty_in, &t);
		if (poll(fds, (nfds_t)t.n, poll_timeout(&b, now)) < 0 &&
		    errno != EINTR)
			break;
		now = now_mono();
		if (fds[1].revents)
			handle_signals(&b);
		if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			tty_in = false;	/* no keyboard: a kiosk carries on */
		else if (fds[0].revents) {
			int key;
			while ((key = render_key(b.r)) >= 0)
				handle_key(&b, key, now);
		}
		if (b.watch &&
		    watch_dispatch(b.watch, fds + t.watch, t.nw, now))
			b.reload_due = "a file changed";
		if (b.reload_due && !b.quit) {
			reload_or_say(&b, now);
			timers(&b, now);
			redraw(&b, now);
			continue;	/* the descriptors may have changed */
		}
		retire_step(&b, fds + t.old, t.no, now);
		if (t.np > 0 || b.old.prov == NULL)
			b.prov->ops->dispatch(b.prov, fds + t.prov, t.np, now);
		collect(&b);
		if (b.hook)
			hook_dispatch(b.hook, fds + t.hook, t.nh, now);
		timers(&b, now);
		redraw(&b, now);
	}
	board_end(&b);
	return 0;
}

/*
 * The data --once prints: the first snapshot that has every value the
 * layouts ask for (a source may bring some a poll later, as Bright
 * Pattern's service availability), or, when the time runs out, the best
 * one that came. NULL on a fault or an interruption (said on stderr).
 */
static struct snapshot *once_wait(struct board *b)
{
	struct pollfd fds[MAX_FDS];
	/* Long enough for a slow login, a subscribe and a few 204s. */
	double deadline = now_mono() + b->cfg->connect_timeout +
			  b->cfg->timeout + 10 * b->cfg->interval;

	for (;;) {
		unsigned char c;
		int n = b->prov->ops->pollfds(b->prov, fds + 1, MAX_FDS - 1);
		double wake = b->prov->ops->next_wake(b->prov) - now_mono();
		fds[0] = (struct pollfd){ sig_pipe[0], POLLIN, 0 };
		if (wake > 0.5)
			wake = 0.5;
		if (poll(fds, (nfds_t)n + 1,
			 wake <= 0 ? 0 : (int)ceil(wake * 1000)) < 0 &&
		    errno != EINTR)
			break;
		if (fds[0].revents && read(sig_pipe[0], &c, 1) == 1) {
			fprintf(stderr, "wallboard: interrupted\n");
			return NULL;
		}
		b->prov->ops->dispatch(b->prov, fds + 1, n, now_mono());
		collect(b);
		if (b->snap && !b->st.partial)
			break;
		if (b->snap == NULL && b->st.state == CONN_RETRYING) {
			fprintf(stderr, "wallboard: %s\n", b->st.message);
			return NULL;
		}
		if (now_mono() > deadline) {
			if (b->snap) {
				fprintf(stderr,
					"wallboard: warning: some values "
					"did not arrive in time: %s\n",
					b->st.message[0] ? b->st.message
							 : "shown as -");
				break;
			}
			fprintf(stderr, "wallboard: timed out: %s\n",
				b->st.message[0] ? b->st.message :
				conn_state_name(b->st.state));
			return NULL;
		}
	}
	return b->snap;
}

int board_once(const struct config *cfg, struct layoutset *set,
	       struct provider *prov, once_output_fn output, bool ascii,
	       struct log *log)
{
	struct board b;
	struct snapshot *snap;
	struct once_result res;
	double start = now_mono();
	char how[300];
	int rc;

	memset(&b, 0, sizeof(b));
	b.cfg = cfg;
	b.set = set;
	b.prov = prov;
	b.log = log;
	b.obs = observe_new(set);
	signals_setup();
	log_event(b.log, "start (once): %zu layouts", set->n);
	snap = once_wait(&b);
	res = (struct once_result){ cfg, set, snap, &b.st, now_mono() - start,
				    ascii };
	rc = output(stdout, &res);
	release(prov, how, sizeof(how));
	log_event(b.log, "exit: %s", how);
	prov->ops->status(prov, &b.st);
	if (rc == 0 && b.st.state != CONN_CLOSED)
		fprintf(stderr, "wallboard: warning: %s\n", how);
	observe_free(b.obs);
	snapshot_free(b.snap);
	return rc;
}
