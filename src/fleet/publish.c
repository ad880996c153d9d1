/*
 * publish.c - the headless publisher. See publish.h.
 *
 * One poll(2) loop turns the data source (opened as the board opens it,
 * provider_open) and the MQTT client (mqtt.h). After each new snapshot
 * the data of every layout goes out, retained, on PREFIX/data/NAME; the
 * layouts' definitions on PREFIX/layout/NAME and the publisher's status
 * on PREFIX/status are retained too, the status with a last will that
 * says offline. Whenever the broker connection comes back, all of it is
 * published again: a restarted broker with no memory loses nothing a
 * screen needs.
 *
 * Several publishers on one PREFIX agree on which one polls upstream:
 *
 *   claiming  connected; a claim (id, start time) is out on PREFIX/claim,
 *             and for CLAIM_WAIT the others may answer: one that holds
 *             the feed (an online status, or a "holding" claim), or an
 *             earlier claimant, wins, and this one stands by
 *   standby   no upstream; waits for the holder's offline status (its last
 *             will, or its clean stop), then claims again
 *   active    holds the upstream subscription, publishes, answers claims
 *             with "holding"; an online status of a newer holder (one that
 *             took over while this one was cut off) makes it give the
 *             upstream back and stand by
 *
 * While the broker is unreachable an active publisher keeps polling (the
 * screens get everything again when it returns) unless a standby has been
 * seen: then, after the time in which the broker declares it dead, it
 * gives the upstream back, so two publishers never both hold it for
 * longer than a takeover.
 */
#include "autoconf.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "fleet/message.h"
#include "fleet/mqtt.h"
#include "fleet/publish.h"
#include "provider.h"
#include "reload.h"
#include "sanitize.h"

#define CLAIM_WAIT 1.0		/* seconds others have to answer a claim */
#define RELEASE_WAIT 5.0	/* seconds for releasing upstream on exit */
#define MAX_FDS 32
#define MAX_LAYOUT_TEXT (1 << 20)

enum pub_role { R_CLAIMING, R_STANDBY, R_ACTIVE };

static const char *const role_names[] = { "claiming", "standby", "active" };

struct publisher {
	const struct config *cfg;	/* view's */
	const struct layoutset *set;	/* view's */
	/* the settings and layouts published */
	struct reading *view;
	struct reading *data;		/* the ones prov was opened with */
	const struct reloader *rl;	/* SIGHUP: read them again */
	struct log *log;
	struct mqtt_url url;
	struct mqtt *mqtt;
	char *t_status, *t_claim;
	char **t_data, **t_layout;	/* per layout */
	/* per layout: its definition, encoded */
	char **layout_msg;
	struct fleet_status me;		/* id, source, started, layouts */
	enum pub_role role;
	bool connected;
	double claim_until;		/* R_CLAIMING: decide then */
	/* an earlier claim or a holder was seen */
	bool lost_claim;
	/* R_ACTIVE after a reconnection: listen first */
	double hold_until;
	/* the other publisher known to hold the feed */
	char holder[128];
	char standby[128];		/* a standby seen, "" none */
	/* now_mono() the broker went away, 0 while up */
	double lost_at;
	/* now_mono() the holder's offline came */
	double will_at;
	char will_of[128];
	struct provider *prov;		/* R_ACTIVE: the upstream */
	struct provider_status up;
	struct snapshot *last;		/* the last data published */
	unsigned long seq;
	bool quit;
};

/* --- publishing --------------------------------------------------- */

/* Publish the status (online with the upstream's words) or a claim. */
static void publish_me(struct publisher *p, bool claim)
{
	char *msg;

	p->me.online = claim ? p->role == R_ACTIVE : true;
	snprintf(p->me.upstream, sizeof(p->me.upstream), "%s",
		 p->prov ? conn_state_name(p->up.state) : "starting");
	snprintf(p->me.message, sizeof(p->me.message), "%s", p->up.message);
	msg = claim ? fleet_encode_claim(&p->me) : fleet_encode_status(&p->me);
	if (msg)
		mqtt_publish(p->mqtt, claim ? p->t_claim : p->t_status, msg,
			     strlen(msg), !claim, true);
	free(msg);
}

/* The data of every layout from the last snapshot. */
static void publish_data(struct publisher *p)
{
	struct fleet_words w = { conn_state_name(p->up.state), p->up.message,
				 p->up.partial };

	if (p->last == NULL || !p->connected || p->hold_until > 0)
		return;
	p->seq++;
	for (size_t i = 0; i < p->set->n; i++) {
		size_t len;
		char *msg =
			fleet_encode_data(p->last, p->set->layouts[i],
					  p->me.layouts[i], p->seq, &w, &len);
		if (msg)
			mqtt_publish(p->mqtt, p->t_data[i], msg, len, true,
				     false);
		free(msg);
	}
}

/* Everything the broker keeps for screens: status, layouts, the last data. */
static void publish_all(struct publisher *p)
{
	publish_me(p, false);
	for (size_t i = 0; i < p->set->n; i++)
		mqtt_publish(p->mqtt, p->t_layout[i], p->layout_msg[i],
			     strlen(p->layout_msg[i]), true, true);
	publish_data(p);
}

/* --- the upstream --------------------------------------------------- */

/* Take the feed: open the data source, publish what the broker keeps. */
static void become_active(struct publisher *p)
{
	struct errlist errs = { 0 };

	p->prov = provider_open(p->cfg, p->set, p->cfg->demo, &errs);
	if (p->data != NULL && p->data != p->view)
		p->rl->free(p->data);	/* a reading the last upstream had */
	p->data = p->view;
	if (p->prov == NULL) {
		/*
		 * Its settings were checked at the start: this is no state to
		 * run in.
		 */
		for (size_t i = 0; i < errs.n; i++) {
			log_event(p->log, "cannot open the data source: %s",
				  errs.msgs[i]);
			fprintf(stderr,
				"wallboard: cannot open the data source\n");
		}
		errlist_free(&errs);
		p->quit = true;
		return;
	}
	p->role = R_ACTIVE;
	p->hold_until = 0;
	p->holder[0] = '\0';
	p->me.since = now_wall();
	memset(&p->up, 0, sizeof(p->up));
	p->prov->ops->status(p->prov, &p->up);
	if (p->will_at > 0)
		log_event(p->log,
			  "active: taking over from publisher %s, whose "
			  "offline status came %.0f ms ago",
			  p->will_of, (now_mono() - p->will_at) * 1000);
	else
		log_event(p->log, "active: publishing %zu layouts from %s",
			  p->set->n, p->cfg->provider);
	publish_all(p);
}

/*
 * Give the upstream back (release, then close), keeping the loop turning
 * for the source alone as the board does on exit.
 */
static void release_upstream(struct publisher *p)
{
	struct pollfd fds[MAX_FDS];
	struct provider_status st;
	double deadline = now_mono() + RELEASE_WAIT;

	if (p->prov == NULL)
		return;
	p->prov->ops->release(p->prov);
	for (;;) {
		p->prov->ops->status(p->prov, &st);
		if (st.state == CONN_CLOSED || now_mono() >= deadline)
			break;
		int n = p->prov->ops->pollfds(p->prov, fds, MAX_FDS);
		double wake = p->prov->ops->next_wake(p->prov) - now_mono();
		if (wake > deadline - now_mono())
			wake = deadline - now_mono();
		if (poll(fds, (nfds_t)n,
			 wake <= 0 ? 0 : (int)ceil(wake * 1000)) < 0 &&
		    errno != EINTR)
			break;
		p->prov->ops->dispatch(p->prov, fds, n, now_mono());
	}
	log_event(p->log, "upstream %s",
		  st.state == CONN_CLOSED
			  ? (st.message[0] ? st.message : "closed")
			  : "not released in time: it may still "
			    "be held on the server");
	p->prov->ops->destroy(p->prov);
	p->prov = NULL;
	snapshot_free(p->last);
	p->last = NULL;
}

/* Stand by: give the upstream back if held. */
static void stand_by(struct publisher *p, const char *why)
{
	if (p->role != R_STANDBY)
		log_event(p->log, "standby: %s", why);
	p->role = R_STANDBY;
	p->hold_until = 0;
	release_upstream(p);
}

/* Claim the feed: others have CLAIM_WAIT (plus grace) to answer. */
static void claim(struct publisher *p, double grace)
{
	p->role = R_CLAIMING;
	p->lost_claim = false;
	p->claim_until = now_mono() + CLAIM_WAIT + grace;
	publish_me(p, true);
}

/* The upstream's turn: its new data and changes of its state. */
static void upstream_turn(struct publisher *p)
{
	struct snapshot *s = p->prov->ops->take(p->prov);
	struct provider_status st;

	p->prov->ops->status(p->prov, &st);
	if (st.state != p->up.state || strcmp(st.message, p->up.message) != 0) {
		log_event(p->log, "upstream %s%s%s", conn_state_name(st.state),
			  st.message[0] ? ": " : "", st.message);
		p->up = st;
		if (p->connected && p->hold_until == 0)
			publish_me(p, false);
	}
	p->up = st;
	if (s == NULL)
		return;
	snapshot_free(p->last);
	p->last = s;
	publish_data(p);
	if (p->will_at > 0 && p->connected) {
		log_event(p->log,
			  "takeover: first data published %.0f ms after "
			  "publisher %s went offline",
			  (now_mono() - p->will_at) * 1000, p->will_of);
		p->will_at = 0;
	}
}

/* --- the broker --------------------------------------------------- */

/* a wins over b: the earlier start, then the smaller id. */
static bool earlier(double a_started, const char *a_id, double b_started,
		    const char *b_id)
{
	if (a_started != b_started)
		return a_started < b_started;
	return strcmp(a_id, b_id) < 0;
}

/* Another publisher's status. */
static void on_status(struct publisher *p, const struct fleet_status *st)
{
	if (strcmp(st->id, p->me.id) == 0)
		return;
	if (st->online) {
		if (p->role != R_ACTIVE) {
			snprintf(p->holder, sizeof(p->holder), "%s", st->id);
			if (p->role == R_CLAIMING)
				p->lost_claim = true;
			return;
		}
		/*
		 * Two hold the feed: the newer holder took over from this one.
		 */
		if (st->since > p->me.since || (st->since == p->me.since &&
						strcmp(st->id, p->me.id) < 0)) {
			snprintf(p->holder, sizeof(p->holder), "%s", st->id);
			stand_by(p,
				 "another publisher took over while this one "
				 "was cut off from the broker");
		} else
			publish_me(p, false);	/* ours is the retained one */
		return;
	}
	/* Offline: the holder's (or, none known, anyone's) means take over. */
	if (p->role == R_ACTIVE) {
		publish_me(p, false);	/* a standby's will covered ours */
		return;
	}
	if (p->holder[0] && strcmp(st->id, p->holder) != 0)
		return;
	if (p->role == R_STANDBY || (p->role == R_CLAIMING && p->holder[0])) {
		log_event(p->log, "publisher %s is offline: claiming the feed",
			  st->id);
		snprintf(p->will_of, sizeof(p->will_of), "%s", st->id);
		p->will_at = now_mono();
		p->holder[0] = '\0';
		claim(p, 0);
	}
}

/* Another publisher's claim. */
static void on_claim(struct publisher *p, const struct fleet_status *c)
{
	if (strcmp(c->id, p->me.id) == 0)
		return;
	if (p->role == R_ACTIVE) {
		snprintf(p->standby, sizeof(p->standby), "%s", c->id);
		publish_me(p, true);	/* "holding": the claimant stands by */
		return;
	}
	if (p->role != R_CLAIMING)
		return;
	if (c->online || earlier(c->started, c->id, p->me.started, p->me.id)) {
		p->lost_claim = true;
		if (c->online)
			snprintf(p->holder, sizeof(p->holder), "%s", c->id);
	} else
		publish_me(p, true);	/* it may have missed ours */
}

/* A status or a claim from the broker (the others are not subscribed). */
static void on_message(void *ctx, const char *topic, const void *payload,
		       size_t len, bool retained)
{
	struct publisher *p = ctx;
	struct fleet_status st;
	bool is_claim = strcmp(topic, p->t_claim) == 0;
	char err[256];

	if (len == 0 || (!is_claim && strcmp(topic, p->t_status) != 0))
		return;
	if (!fleet_decode_status(payload, len, is_claim, &st, err,
				 sizeof(err))) {
		log_event(p->log, "refused a message on %s: %s",
			  is_claim ? p->t_claim : p->t_status, err);
		return;
	}
	if (is_claim)
		on_claim(p, &st);
	else
		on_status(p, &st);
	fleet_status_free(&st);
}

/* Connected (again): subscribe, then claim, or listen before publishing. */
static void on_connect(void *ctx)
{
	struct publisher *p = ctx;
	double away = p->lost_at > 0 ? now_mono() - p->lost_at : 0;

	log_event(p->log, "connected to the broker at %s as %s (%s)",
		  mqtt_where(p->mqtt), p->me.id, role_names[p->role]);
	p->connected = true;
	p->lost_at = 0;
	mqtt_subscribe(p->mqtt, p->t_status);
	mqtt_subscribe(p->mqtt, p->t_claim);
	if (p->role == R_ACTIVE) {
		/* Listen first: a standby may have taken over meanwhile. */
		p->hold_until = now_mono() + CLAIM_WAIT;
		publish_me(p, true);
		return;
	}
	/*
	 * A standby that lost the broker gives the holder time to come back
	 * (its retries are at most retry_max apart) before claiming.
	 */
	claim(p, p->role == R_STANDBY && away > 0 ? p->cfg->retry_max : 0);
}

/* The broker is gone: said once, the time kept for the cut-off rule. */
static void on_disconnect(void *ctx, const char *why)
{
	struct publisher *p = ctx;

	if (p->connected || p->lost_at == 0)
		log_event(p->log, "%s%s", why, p->role == R_ACTIVE ?
			  "; still polling upstream" : "");
	if (p->connected)
		p->lost_at = now_mono();
	else if (p->lost_at == 0)
		p->lost_at = now_mono();
	p->connected = false;
}

/* --- the loop --------------------------------------------------- */

/* What is due by the clock: a claim decided, a hold over, a lost broker. */
static void timers(struct publisher *p, double now)
{
	/* When the broker declares a vanished client dead, with a margin. */
	double dead = 1.5 * (double)p->cfg->mqtt_keepalive + CLAIM_WAIT + 1;

	if (p->role == R_CLAIMING && p->connected && now >= p->claim_until) {
		if (p->lost_claim)
			stand_by(p, p->holder[0]
					    ? "another publisher holds the feed"
					    : "an earlier publisher claimed "
					      "the feed");
		else
			become_active(p);
	}
	if (p->role == R_ACTIVE && p->hold_until > 0 && now >= p->hold_until) {
		p->hold_until = 0;
		log_event(p->log,
			  "publishing again after the broker came back");
		publish_all(p);
	}
	if (p->role == R_ACTIVE && !p->connected && p->standby[0] &&
	    p->lost_at > 0 && now - p->lost_at > dead)
		stand_by(p, "cut off from the broker while a standby is known: "
			    "the upstream is given back so that only one holds "
			    "it");
}

/* How long poll may sleep. */
static int timeout_ms(const struct publisher *p, double now)
{
	double wake = mqtt_next_wake(p->mqtt);

	if (p->prov && p->prov->ops->next_wake(p->prov) < wake)
		wake = p->prov->ops->next_wake(p->prov);
	if (p->role == R_CLAIMING && p->claim_until < wake)
		wake = p->claim_until;
	if (p->hold_until > 0 && p->hold_until < wake)
		wake = p->hold_until;
	wake -= now;
	if (wake <= 0)
		return 0;
	return wake > 1.0 ? 1000 : (int)ceil(wake * 1000);
}

/* --- reload ------------------------------------------------------ */

static bool prepare_layouts(struct publisher *p, struct errlist *errs);

/* What prepare_layouts makes, kept aside while a reload is tried. */
struct published {
	char **names, **t_data, **t_layout, **msgs;
	size_t n;
};

/* Take the publisher's layouts' names, topics and definitions out. */
static struct published published_take(struct publisher *p)
{
	struct published o = { p->me.layouts, p->t_data, p->t_layout,
			       p->layout_msg, p->me.nlayouts };

	p->me.layouts = p->t_data = p->t_layout = p->layout_msg = NULL;
	p->me.nlayouts = 0;
	return o;
}

/* Put them back (a reload refused). */
static void published_put(struct publisher *p, struct published *o)
{
	p->me.layouts = o->names;
	p->t_data = o->t_data;
	p->t_layout = o->t_layout;
	p->layout_msg = o->msgs;
	p->me.nlayouts = o->n;
}

static void published_free(struct published *o)
{
	strv_free(o->names, o->n);
	strv_free(o->t_data, o->n);
	strv_free(o->t_layout, o->n);
	strv_free(o->msgs, o->n);
}

/*
 * A layout no longer published: its retained definition and data are
 * cleared on the broker (an empty retained message), so no screen starts
 * with it.
 */
static void published_clear_gone(struct publisher *p,
				 const struct published *o)
{
	for (size_t i = 0; p->connected && i < o->n; i++) {
		bool kept = false;
		for (size_t j = 0; j < p->me.nlayouts; j++)
			kept = kept ||
			       strcmp(o->names[i], p->me.layouts[j]) == 0;
		if (kept)
			continue;
		mqtt_publish(p->mqtt, o->t_layout[i], "", 0, true, true);
		mqtt_publish(p->mqtt, o->t_data[i], "", 0, true, true);
		log_event(p->log, "reload: layout %s is no longer published",
			  o->names[i]);
	}
}

/* Free a reading unless the upstream or the view still has it. */
static void reading_drop(struct publisher *p, struct reading *r)
{
	if (r != NULL && r != p->view && r != p->data)
		p->rl->free(r);
}

/*
 * The upstream after a reload: kept when the new reading asks it for
 * what it has (reload.h), else given back and taken anew for the new one.
 */
static void reload_upstream(struct publisher *p, struct reading *olddata)
{
	char why[300];

	if (p->prov == NULL) {
		p->data = NULL;
		reading_drop(p, olddata);
		return;
	}
	if (reload_keeps_source(olddata->cfg, olddata->set, p->cfg, p->set,
				why, sizeof(why))) {
		log_event(p->log, "reload: %s: the upstream subscription is "
			  "kept", why);
		return;
	}
	log_event(p->log, "reload: %s: subscribing anew", why);
	release_upstream(p);
	p->data = NULL;
	reading_drop(p, olddata);
	become_active(p);
}

/*
 * SIGHUP: read the settings and layouts again and publish the new
 * layouts (those gone cleared). A reading with an error is refused, and
 * said in the log; the old layouts stay published. The broker's settings
 * are those of the start.
 */
static void reload(struct publisher *p)
{
	char why[1024];
	struct errlist errs = { 0 };
	struct reading *r, *oldview = p->view, *olddata = p->data;
	struct published old;

	log_event(p->log, "reload (SIGHUP)");
	if (p->rl == NULL || p->rl->read == NULL ||
	    (r = p->rl->read(p->rl->ctx, why, sizeof(why))) == NULL) {
		log_event(p->log, "reload refused: %s", p->rl && p->rl->read ?
			  why : "nothing to re-read");
		return;
	}
	old = published_take(p);
	p->view = r;
	p->cfg = r->cfg;
	p->set = r->set;
	if (!prepare_layouts(p, &errs)) {
		log_event(p->log, "reload refused: %s", errs.msgs[0]);
		errlist_free(&errs);
		published_free(&(struct published){ p->me.layouts, p->t_data,
				p->t_layout, p->layout_msg, p->me.nlayouts });
		published_put(p, &old);
		p->view = oldview;
		p->cfg = oldview->cfg;
		p->set = oldview->set;
		p->rl->free(r);
		return;
	}
	log_event(p->log, "reload: %zu layouts", p->set->n);
	p->me.interval = p->cfg->interval;
	published_clear_gone(p, &old);
	published_free(&old);
	reading_drop(p, oldview);
	reload_upstream(p, olddata);
	if (p->role == R_ACTIVE && p->connected)
		publish_all(p);
}

/* One turn: poll the signals, the broker and the upstream, then act. */
static void turn(struct publisher *p, int sigfd)
{
	struct pollfd fds[MAX_FDS];
	int n = 0, nm, np = 0;
	struct signalfd_siginfo si;
	double now = now_mono();

	fds[n++] = (struct pollfd){ sigfd, POLLIN, 0 };
	nm = mqtt_pollfds(p->mqtt, fds + n, MAX_FDS - n);
	if (p->prov)
		np = p->prov->ops->pollfds(p->prov, fds + n + nm,
					   MAX_FDS - n - nm);
	if (poll(fds, (nfds_t)(n + nm + np), timeout_ms(p, now)) < 0 &&
	    errno != EINTR)
		return;
	now = now_mono();
	if (fds[0].revents && read(sigfd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGHUP)
			reload(p);	/* re-read, never quit */
		else
			p->quit = true;
		return;	/* the descriptors may have changed */
	}
	mqtt_dispatch(p->mqtt, fds + n, nm, now);
	if (p->prov) {
		p->prov->ops->dispatch(p->prov, fds + n + nm, np, now);
		upstream_turn(p);
	}
	timers(p, now);
}

/* --- start and stop --------------------------------------------------- */

/* Each layout's name, topics and definition; false (errs) when names clash. */
static bool prepare_layouts(struct publisher *p, struct errlist *errs)
{
	size_t n = p->set->n;
	char name[FLEET_NAME_MAX + 1];
	struct buf text;

	p->me.layouts = xcalloc(n + 1, sizeof(*p->me.layouts));
	p->t_data = xcalloc(n + 1, sizeof(*p->t_data));
	p->t_layout = xcalloc(n + 1, sizeof(*p->t_layout));
	p->layout_msg = xcalloc(n + 1, sizeof(*p->layout_msg));
	p->me.nlayouts = n;
	for (size_t i = 0; i < n; i++) {
		const struct layout *l = p->set->layouts[i];
		p->me.layouts[i] =
			xstrdup(fleet_layout_name(l, name, sizeof(name)));
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->me.layouts[j], name) == 0)
				errlist_add(
					errs,
					"%s: another layout is named %s too "
					"(%s): each needs a name of its "
					"own on the broker",
					l->file, name,
					p->set->layouts[j]->file);
		p->t_data[i] = xasprintf("%s/data/%s", p->url.prefix, name);
		p->t_layout[i] = xasprintf("%s/layout/%s", p->url.prefix, name);
		buf_init(&text);
		if (!read_file(l->file, MAX_LAYOUT_TEXT, &text))
			errlist_add(errs, "%s: %s", l->file, strerror(errno));
		else if ((p->layout_msg[i] = fleet_encode_layout(l, i, name,
				p->cfg->provider, text.data)) == NULL)
			errlist_add(errs, "%s: not UTF-8 text", l->file);
		buf_free(&text);
	}
	return errs->n == 0;
}

/* A publisher for r (its own now), or NULL with the reason in errs. */
static struct publisher *publisher_new(struct reading *r,
				       const struct reloader *rl,
				       struct log *log, struct errlist *errs)
{
	struct publisher *p = xcalloc(1, sizeof(*p));
	struct mqtt_handler h = { on_connect, on_disconnect, on_message, p };
	const struct config *cfg = r->cfg;
	const struct layoutset *set = r->set;
	struct mqtt_opts o;
	struct provider *prov;
	char err[300], *will, *id;

	p->view = r;
	p->rl = rl;
	p->cfg = cfg;
	p->set = set;
	p->log = log;
	p->role = R_CLAIMING;
	if (!mqtt_url_parse(cfg->publish, &p->url, err, sizeof(err))) {
		errlist_add(errs, "--publish: %s", err);
		return p;
	}
	p->t_status = xasprintf("%s/status", p->url.prefix);
	p->t_claim = xasprintf("%s/claim", p->url.prefix);
	if (!prepare_layouts(p, errs))
		return p;
	snprintf(p->me.source, sizeof(p->me.source), "%s", cfg->provider);
	p->me.started = now_wall();
	p->me.interval = cfg->interval;
	if ((prov = provider_open(cfg, set, cfg->demo, errs)) == NULL)
		/* its settings are checked now, not at a takeover */
		return p;
	prov->ops->destroy(prov);
	mqtt_opts_from_config(&o, cfg, &p->url, "pub");
	id = cfg->mqtt_client_id ? xstrdup(cfg->mqtt_client_id) :
	     mqtt_default_id("pub");
	snprintf(p->me.id, sizeof(p->me.id), "%s", id);
	free(id);
	o.client_id = p->me.id;
	o.will_topic = p->t_status;
	o.will_payload = will = fleet_encode_status(&p->me);
	p->mqtt = mqtt_new(&o, &h, err, sizeof(err));
	free(will);
	if (p->mqtt == NULL)
		errlist_add(errs, "--publish: %s", err);
	return p;
}

/* Free what the publisher holds (the upstream is released before). */
static void publisher_free(struct publisher *p)
{
	if (p->prov)
		p->prov->ops->destroy(p->prov);
	if (p->data != NULL && p->data != p->view)
		p->rl->free(p->data);
	p->rl->free(p->view);
	snapshot_free(p->last);
	mqtt_free(p->mqtt);
	for (size_t i = 0; i < p->me.nlayouts; i++) {
		free(p->t_data[i]);
		free(p->t_layout[i]);
		free(p->layout_msg[i]);
	}
	free(p->t_data);
	free(p->t_layout);
	free(p->layout_msg);
	fleet_status_free(&p->me);
	free(p->t_status);
	free(p->t_claim);
	mqtt_url_free(&p->url);
	free(p);
}

/*
 * A clean stop: the upstream released, an offline status that says when
 * (screens show it at once, a standby takes over), then goodbye.
 */
static void stop(struct publisher *p)
{
	double deadline = now_mono() + 2;
	struct pollfd fds[2];
	bool was_active = p->role == R_ACTIVE;

	/* Claims are no longer answered: a standby may take over at once. */
	p->role = R_STANDBY;
	release_upstream(p);
	if (was_active && p->connected) {
		p->me.online = false;
		p->me.since = now_wall();
		char *msg = fleet_encode_status(&p->me);
		mqtt_publish(p->mqtt, p->t_status, msg, strlen(msg), true,
			     true);
		free(msg);
	}
	while (p->connected && !mqtt_flushed(p->mqtt) &&
	       now_mono() < deadline) {
		int n = mqtt_pollfds(p->mqtt, fds, 2);
		if (poll(fds, (nfds_t)n, 100) < 0 && errno != EINTR)
			break;
		mqtt_dispatch(p->mqtt, fds, n, now_mono());
	}
	mqtt_disconnect(p->mqtt);
	log_event(p->log, "exit");
}

/* The signals that stop the publisher, read from a descriptor. */
static int signals_fd(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

int publish_run(struct reading *r, const struct reloader *rl,
		struct log *log)
{
	struct errlist errs = { 0 };
	struct publisher *p = publisher_new(r, rl, log, &errs);
	int sigfd;
	char line[1024];

	if (errs.n) {
		for (size_t i = 0; i < errs.n; i++)
			fprintf(stderr, "wallboard: %s\n",
				sanitize_line(line, sizeof(line),
					      errs.msgs[i]));
		errlist_free(&errs);
		publisher_free(p);
		return 2;
	}
	if ((sigfd = signals_fd()) < 0) {
		fprintf(stderr, "wallboard: signalfd: %s\n", strerror(errno));
		publisher_free(p);
		return 1;
	}
	log_event(log, "publisher %s: %zu layouts to %s://%s/%s", p->me.id,
		  p->set->n, p->url.tls ? "mqtts" : "mqtt", mqtt_where(p->mqtt),
		  p->url.prefix);
	while (!p->quit)
		turn(p, sigfd);
	stop(p);
	close(sigfd);
	publisher_free(p);
	return 0;
}
