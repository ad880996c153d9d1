/*
 * source.c - a screen's data source over a publisher's feed. See source.h.
 *
 * Everything arrives as MQTT messages on the one client (mqtt.h):
 *
 *   PREFIX/status        the publisher: online (with its upstream's words),
 *                        or offline (its last will, or a clean stop)
 *   PREFIX/layout/NAME   its layouts, for a screen that has none of its own
 *   PREFIX/data/NAME     the data of layout NAME, the last one retained
 *
 * The last good data of each layout shown is kept; a snapshot is made of
 * all of them when the board takes one, dated with the oldest data time
 * among them (a screen never shows data as newer than it is).
 */
#include "autoconf.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fleet/message.h"
#include "fleet/mqtt.h"
#include "fleet/source.h"
#include "sanitize.h"

#define REFUSAL_SHOWN 30.0 /* seconds a refused message stays in the status */
#define WAIT_SAY 1.0 /* the layouts' wait says how it goes this often */
#define WAIT_ALL 3.0		/* seconds the first data waits for the rest */

struct fleet_source {
	struct provider base;	/* first: the source is its provider */
	const struct config *cfg;
	struct log *log;
	struct mqtt_url url;
	struct mqtt *mqtt;
	char *t_status, *t_layouts;	/* PREFIX/status, PREFIX/layout/+ */
	/* the publisher */
	struct fleet_status pub;
	bool have_status;
	double down_since;	/* epoch seconds; 0 unknown */
	/* its layouts as published: for fleet_source_layouts */
	struct fleet_layout *layouts;
	size_t nlayouts;
	bool own_layouts;	/* the screen shows its own (-l) */
	bool layouts_changed;
	/* the layouts shown and the last good data of each */
	const struct layoutset *set;
	char **names;
	struct fleet_data *data;
	bool dirty;
	double first_at;	/* now_mono() the first data came, 0 before */
	double last_time;	/* the newest data time taken */
	unsigned refused;
	char refusal[420];
	double refusal_at;
	unsigned drops;		/* connections lost */
	bool closed;
};

static const struct provider_ops fleet_ops;

/* --- messages --------------------------------------------------- */

/* A message that breaks the contract: counted, logged, shown a while. */
static void refuse(struct fleet_source *f, const char *topic, const char *why)
{
	f->refused++;
	snprintf(f->refusal, sizeof(f->refusal), "refused a message on %s: %s",
		 topic, why);
	f->refusal_at = now_mono();
	log_event(f->log, "%s (%u refused in all)", f->refusal, f->refused);
}

/* "HH:MM:SS" of an epoch time, local. */
static const char *clock_of(double t, char *buf, size_t size)
{
	time_t s = (time_t)t;
	struct tm tm;

	localtime_r(&s, &tm);
	strftime(buf, size, "%H:%M:%S", &tm);
	return buf;
}

/*
 * PREFIX/status. An offline status counts only for the publisher known to
 * be online (a standby's will says nothing of the one publishing), or when
 * none is known.
 */
static void on_status(struct fleet_source *f, const char *topic,
		      const char *payload, size_t len, bool retained)
{
	struct fleet_status st;
	char err[256], when[16];

	if (len == 0)
		return;		/* the retained status was cleared */
	if (!fleet_decode_status(payload, len, false, &st, err, sizeof(err))) {
		refuse(f, topic, err);
		return;
	}
	if (!st.online && f->have_status && f->pub.online &&
	    strcmp(st.id, f->pub.id) != 0) {
		log_event(f->log, "publisher %s went away; %s still publishes",
			  st.id, f->pub.id);
		fleet_status_free(&st);
		return;
	}
	if (!st.online) {
		/*
		 * Its clean stop says when; a will does not: now, or its last
		 * data.
		 */
		f->down_since = st.since > 0 ? st.since
				: !retained  ? now_wall()
					     : f->last_time;
		log_event(f->log, "publisher %s is down%s%s", st.id,
			  f->down_since > 0 ? " since " : "",
			  f->down_since > 0 ? clock_of(f->down_since, when,
						       sizeof(when)) : "");
	} else if (!f->have_status || !f->pub.online ||
		   strcmp(st.id, f->pub.id))
		log_event(f->log, "publisher %s is online (source %s)", st.id,
			  st.source);
	fleet_status_free(&f->pub);
	f->pub = st;
	f->have_status = true;
}

/* The published layout of that name, or NULL. */
static struct fleet_layout *find_layout(struct fleet_source *f,
					const char *name)
{
	for (size_t i = 0; i < f->nlayouts; i++)
		if (strcmp(f->layouts[i].name, name) == 0)
			return &f->layouts[i];
	return NULL;
}

/* PREFIX/layout/NAME: kept; a change after the screen started is said. */
static void on_layout(struct fleet_source *f, const char *topic,
		      const char *name, const char *payload, size_t len)
{
	struct fleet_layout fl, *old = find_layout(f, name);
	char err[256];

	if (len == 0)
		return;		/* a layout no longer published */
	if (!fleet_decode_layout(payload, len, &fl, err, sizeof(err))) {
		refuse(f, topic, err);
		return;
	}
	if (strcmp(fl.name, name) != 0) {
		refuse(f, topic, "the layout's name is not its topic's");
		fleet_layout_free(&fl);
		return;
	}
	if (old && f->set && !f->own_layouts &&
	    strcmp(old->text, fl.text) != 0 && !f->layouts_changed) {
		f->layouts_changed = true;
		log_event(f->log,
			  "the publisher's layout %s changed: restart the "
			  "screen to show it",
			  name);
	}
	if (old) {
		fleet_layout_free(old);
		*old = fl;
		return;
	}
	if (f->nlayouts >= FLEET_MAX_LAYOUTS) {
		refuse(f, topic, "more layouts than a publisher may have");
		fleet_layout_free(&fl);
		return;
	}
	f->layouts = xreallocarray(f->layouts, f->nlayouts + 1,
				   sizeof(*f->layouts));
	f->layouts[f->nlayouts++] = fl;
}

/* PREFIX/data/NAME: the data of a layout shown, kept when it is good. */
static void on_data(struct fleet_source *f, const char *topic,
		    const char *name, const char *payload, size_t len)
{
	struct fleet_data d;
	char err[256];

	for (size_t i = 0; f->set && i < f->set->n; i++) {
		if (strcmp(f->names[i], name) != 0)
			continue;
		if (len == 0)
			return;	/* cleared: the last good data stays */
		if (!fleet_decode_data(payload, len, &d, err, sizeof(err))) {
			refuse(f, topic, err);
			return;
		}
		fleet_data_free(&f->data[i]);
		f->data[i] = d;
		f->dirty = true;
		if (f->first_at == 0)
			f->first_at = now_mono();
		return;
	}
}

/* A message under PREFIX: a bound first, then by its topic. */
static void on_message(void *ctx, const char *topic, const void *payload,
		       size_t len, bool retained)
{
	struct fleet_source *f = ctx;
	size_t n = strlen(f->url.prefix);
	const char *rest = topic + n + 1;
	char shown[120];

	if (strncmp(topic, f->url.prefix, n) != 0 || topic[n] != '/')
		return;
	sanitize_line(shown, sizeof(shown), topic);
	if (len > FLEET_MAX_MESSAGE) {
		char why[100];
		snprintf(why, sizeof(why), "%zu bytes, over the bound of %u",
			 len, FLEET_MAX_MESSAGE);
		refuse(f, shown, why);
	} else if (strcmp(rest, "status") == 0)
		on_status(f, shown, payload, len, retained);
	else if (strncmp(rest, "layout/", 7) == 0)
		on_layout(f, shown, rest + 7, payload, len);
	else if (strncmp(rest, "data/", 5) == 0)
		on_data(f, shown, rest + 5, payload, len);
}

/* --- the connection --------------------------------------------------- */

/* Subscribe to the data of every layout shown. */
static void subscribe_data(struct fleet_source *f)
{
	for (size_t i = 0; f->set && i < f->set->n; i++) {
		char *t = xasprintf("%s/data/%s", f->url.prefix, f->names[i]);
		mqtt_subscribe(f->mqtt, t);
		free(t);
	}
}

/* Connected (again): the retained messages come again on subscribing. */
static void on_connect(void *ctx)
{
	struct fleet_source *f = ctx;

	log_event(f->log, "connected to the broker at %s", mqtt_where(f->mqtt));
	mqtt_subscribe(f->mqtt, f->t_status);
	mqtt_subscribe(f->mqtt, f->t_layouts);
	subscribe_data(f);
}

/* The broker is gone: counted and logged; the status line says it. */
static void on_disconnect(void *ctx, const char *why)
{
	struct fleet_source *f = ctx;

	f->drops++;
	log_event(f->log, "%s", why);
}

struct provider *fleet_source_new(const struct config *cfg, struct log *log,
				  struct errlist *errs)
{
	struct fleet_source *f = xcalloc(1, sizeof(*f));
	struct mqtt_handler h = { on_connect, on_disconnect, on_message, f };
	struct mqtt_opts o;
	char err[300];

	f->base.ops = &fleet_ops;
	f->cfg = cfg;
	f->log = log;
	if (!mqtt_url_parse(cfg->from, &f->url, err, sizeof(err))) {
		errlist_add(errs, "--from: %s", err);
		free(f);
		return NULL;
	}
	f->t_status = xasprintf("%s/status", f->url.prefix);
	f->t_layouts = xasprintf("%s/layout/+", f->url.prefix);
	mqtt_opts_from_config(&o, cfg, &f->url, "screen");
	if ((f->mqtt = mqtt_new(&o, &h, err, sizeof(err))) == NULL) {
		errlist_add(errs, "--from: %s", err);
		fleet_ops.destroy(&f->base);
		return NULL;
	}
	return &f->base;
}

/* --- the publisher's layouts --------------------------------------------- */

/* Keys 1..9 first, then by the publisher's order. */
static int cmp_published(const void *a, const void *b)
{
	const struct fleet_layout *x = *(const struct fleet_layout *const *)a;
	const struct fleet_layout *y = *(const struct fleet_layout *const *)b;
	int kx = x->key ? x->key : 10, ky = y->key ? y->key : 10;

	if (kx != ky)
		return kx - ky;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The layouts the status lists, loaded from their text; NULL (errs) if not. */
static struct layoutset *load_published(struct fleet_source *f,
					struct errlist *errs)
{
	size_t n = f->pub.nlayouts;
	struct fleet_layout **fl = xcalloc(n + 1, sizeof(*fl));
	struct layout **ls = xcalloc(n + 1, sizeof(*ls));
	struct errlist warns = { 0 };
	struct layoutset *set = NULL;
	size_t loaded = 0;

	for (size_t i = 0; i < n; i++)
		fl[i] = find_layout(f, f->pub.layouts[i]);
	qsort(fl, n, sizeof(*fl), cmp_published);
	for (size_t i = 0; i < n; i++) {
		/* Its name stands for its file: messages and topics use it. */
		ls[i] = layout_load_text(fl[i]->name, fl[i]->text, NULL, errs,
					 &warns);
		if (ls[i] == NULL)
			break;
		ls[i]->key = fl[i]->key;
		loaded++;
	}
	for (size_t i = 0; i < warns.n; i++)
		log_event(f->log, "warning: %s", warns.msgs[i]);
	errlist_free(&warns);
	if (loaded == n && n > 0)
		set = layoutset_new(ls, n, errs);
	if (set == NULL)
		for (size_t i = 0; i < loaded; i++)
			layout_free(ls[i]);
	free(ls);
	free(fl);
	return set;
}

/* True when the status and every layout it lists have come. */
static bool layouts_complete(struct fleet_source *f)
{
	if (!f->have_status || f->pub.nlayouts == 0)
		return false;
	for (size_t i = 0; i < f->pub.nlayouts; i++)
		if (find_layout(f, f->pub.layouts[i]) == NULL)
			return false;
	return true;
}

/* What the wait for the layouts is at, in words. */
static void wait_words(struct fleet_source *f, char *out, size_t size)
{
	if (!mqtt_connected(f->mqtt))
		snprintf(out, size, "%s", mqtt_problem(f->mqtt));
	else if (!f->have_status)
		snprintf(out, size,
			 "no publisher has announced itself on %s yet",
			 f->t_status);
	else if (f->pub.nlayouts == 0)
		snprintf(out, size, "publisher %s announces no layouts",
			 f->pub.id);
	else
		snprintf(out, size,
			 "%zu of the %zu layouts of publisher %s have come",
			 f->nlayouts, f->pub.nlayouts, f->pub.id);
}

struct layoutset *fleet_source_layouts(struct provider *p, double timeout,
				       struct errlist *errs)
{
	struct fleet_source *f = (struct fleet_source *)p;
	double start = now_mono(), said = start;
	char words[300] = "", last[300] = "";
	struct pollfd fds[4];

	fprintf(stderr,
		"wallboard: waiting for the publisher's layouts on "
		"%s://%s/%s\n",
		f->url.tls ? "mqtts" : "mqtt", mqtt_where(f->mqtt),
		f->url.prefix);
	while (!layouts_complete(f)) {
		double now = now_mono(), wake = mqtt_next_wake(f->mqtt) - now;
		int n = mqtt_pollfds(f->mqtt, fds, 4);

		/*
		 * A refusal or a failed TLS check is final for a run that
		 * ends.
		 */
		if (timeout > 0 &&
		    (now - start > timeout || mqtt_fatal(f->mqtt))) {
			wait_words(f, words, sizeof(words));
			errlist_add(errs, "no layouts from the publisher: %s",
				    words);
			return NULL;
		}
		if (wake > 0.25)
			wake = 0.25;
		if (poll(fds, (nfds_t)n,
			 wake > 0 ? (int)ceil(wake * 1000) : 0) < 0 &&
		    errno != EINTR)
			break;
		mqtt_dispatch(f->mqtt, fds, n, now_mono());
		wait_words(f, words, sizeof(words));
		if (strcmp(words, last) != 0 && now_mono() - said > WAIT_SAY) {
			fprintf(stderr, "wallboard: waiting: %s\n", words);
			snprintf(last, sizeof(last), "%s", words);
			said = now_mono();
		}
	}
	return layouts_complete(f) ? load_published(f, errs) : NULL;
}

double fleet_source_interval(const struct provider *p)
{
	const struct fleet_source *f = (const struct fleet_source *)p;

	return f->have_status ? f->pub.interval : 0;
}

void fleet_source_show(struct provider *p, const struct layoutset *set,
		       struct log *log)
{
	struct fleet_source *f = (struct fleet_source *)p;
	char name[FLEET_NAME_MAX + 1];

	f->log = log;
	f->set = set;
	f->own_layouts = f->cfg->nlayouts > 0;
	f->names = xcalloc(set->n + 1, sizeof(*f->names));
	f->data = xcalloc(set->n + 1, sizeof(*f->data));
	for (size_t i = 0; i < set->n; i++)
		f->names[i] = xstrdup(fleet_layout_name(set->layouts[i], name,
							sizeof(name)));
	if (mqtt_connected(f->mqtt))
		subscribe_data(f);
}

/* --- the provider --------------------------------------------------- */

/* The client's socket: all a screen polls for its data. */
static int fleet_pollfds(struct provider *p, struct pollfd *fds, int max)
{
	return mqtt_pollfds(((struct fleet_source *)p)->mqtt, fds, max);
}

/* The client's next turn, or sooner when a shown message expires. */
static double fleet_next_wake(struct provider *p)
{
	struct fleet_source *f = (struct fleet_source *)p;
	double wake = mqtt_next_wake(f->mqtt);

	/* A refusal leaves the status line when its time is up. */
	if (f->refusal[0] && f->refusal_at + REFUSAL_SHOWN < wake)
		wake = f->refusal_at + REFUSAL_SHOWN;
	if (f->dirty && f->last_time == 0 && f->first_at + WAIT_ALL < wake)
		wake = f->first_at + WAIT_ALL;
	return wake;
}

/* The client's turn; an old refusal leaves the status line. */
static void fleet_dispatch(struct provider *p, const struct pollfd *fds,
			   int nfds, double now)
{
	struct fleet_source *f = (struct fleet_source *)p;

	if (!f->closed)
		mqtt_dispatch(f->mqtt, fds, nfds, now);
	if (f->refusal[0] && now >= f->refusal_at + REFUSAL_SHOWN)
		f->refusal[0] = '\0';
}

/* True when layout i is one the publisher says it publishes. */
static bool published(const struct fleet_source *f, size_t i)
{
	if (!f->have_status)
		return true;
	for (size_t j = 0; j < f->pub.nlayouts; j++)
		if (strcmp(f->pub.layouts[j], f->names[i]) == 0)
			return true;
	return false;
}

/*
 * True when the first picture may be shown: every layout the publisher
 * publishes has its data (they come one message each), or the rest is
 * late by WAIT_ALL.
 */
static bool first_complete(const struct fleet_source *f)
{
	if (f->last_time > 0 || now_mono() - f->first_at > WAIT_ALL)
		return true;
	for (size_t i = 0; i < f->set->n; i++)
		if (f->data[i].root == NULL && published(f, i))
			return false;
	return true;
}

/*
 * The snapshot of every layout's last good data. Its time is the oldest
 * of theirs, mapped onto this host's monotonic clock (a publisher's clock
 * a little ahead counts as now).
 */
static struct snapshot *fleet_take(struct provider *p)
{
	struct fleet_source *f = (struct fleet_source *)p;
	struct snapshot *s;
	double oldest = 0, newest = 0, age;

	if (!f->dirty || f->set == NULL || !first_complete(f))
		return NULL;
	f->dirty = false;
	s = snapshot_new(f->set);
	for (size_t i = 0; i < f->set->n; i++) {
		const struct fleet_data *d = &f->data[i];
		if (d->root == NULL)
			continue;
		fleet_apply_data(s, f->set->layouts[i], d);
		if (oldest == 0 || d->time < oldest)
			oldest = d->time;
		if (d->time > newest)
			newest = d->time;
	}
	age = s->received_wall - oldest;
	if (age < 0)
		age = 0;
	s->received_wall -= age;
	s->received -= age;
	if (f->cfg->log_updates && newest > f->last_time)
		log_event(f->log,
			  "update: data of %.3f taken %.0f ms after the "
			  "publisher's data time",
			  newest, (now_wall() - newest) * 1000);
	if (newest > f->last_time)
		f->last_time = newest;
	return s;
}

/* Partial when any layout shown lacks values a later poll brings. */
static bool any_partial(const struct fleet_source *f)
{
	for (size_t i = 0; f->set && i < f->set->n; i++)
		if (f->data[i].root && f->data[i].partial)
			return true;
	return false;
}

/* True when some layout shown has had data. */
static bool any_data(const struct fleet_source *f)
{
	for (size_t i = 0; f->set && i < f->set->n; i++)
		if (f->data[i].root)
			return true;
	return false;
}

/* The publisher's words for its upstream, as a status. */
static void upstream_status(const struct fleet_source *f,
			    struct provider_status *st)
{
	const char *u = f->pub.upstream;

	if (strcmp(u, "live") == 0 || u[0] == '\0') {
		st->state = any_data(f) ? CONN_LIVE : CONN_WAITING;
		if (!any_data(f))
			snprintf(st->message, sizeof(st->message),
				 "waiting for data from publisher %s",
				 f->pub.id);
		return;
	}
	st->state = strcmp(u, "retrying") == 0 ? CONN_RETRYING : CONN_WAITING;
	snprintf(st->message, sizeof(st->message),
		 "publisher %.40s: %s%s%.150s", f->pub.id, u,
		 f->pub.message[0] ? ": " : "", f->pub.message);
}

/*
 * In the status line's words: the broker first, then the publisher, then
 * its upstream; a refusal or a change of layouts while all is well.
 */
static void fleet_status(struct provider *p, struct provider_status *st)
{
	struct fleet_source *f = (struct fleet_source *)p;
	char when[16];

	memset(st, 0, sizeof(*st));
	st->malformed = f->refused;
	st->faults = f->drops;
	st->partial = any_partial(f);
	if (f->closed) {
		st->state = CONN_CLOSED;
		snprintf(st->message, sizeof(st->message), "closed");
	} else if (!mqtt_connected(f->mqtt) && f->drops == 0) {
		st->state = CONN_STARTING;
		snprintf(st->message, sizeof(st->message), "connecting to the "
			 "broker at %s", mqtt_where(f->mqtt));
	} else if (!mqtt_connected(f->mqtt)) {
		st->state = CONN_RETRYING;
		st->retry_at = mqtt_retry_at(f->mqtt);
		st->fatal = mqtt_fatal(f->mqtt);
		snprintf(st->message, sizeof(st->message), "%s",
			 mqtt_problem(f->mqtt));
	} else if (!f->have_status) {
		st->state = CONN_WAITING;
		snprintf(st->message, sizeof(st->message), "waiting for a "
			 "publisher on %s", f->t_status);
	} else if (!f->pub.online) {
		double since = f->down_since > 0 ? f->down_since : f->last_time;
		st->state = CONN_RETRYING;
		snprintf(st->message, sizeof(st->message), "source down%s%s: "
			 "publisher %s is offline", since > 0 ? " since " : "",
			 since > 0 ? clock_of(since, when, sizeof(when)) : "",
			 f->pub.id);
	} else
		upstream_status(f, st);
	if (st->state == CONN_LIVE && f->refusal[0])
		snprintf(st->message, sizeof(st->message), "%.*s",
			 (int)sizeof(st->message) - 1, f->refusal);
	else if (st->state == CONN_LIVE && f->layouts_changed)
		snprintf(st->message, sizeof(st->message), "the publisher's "
			 "layouts changed: restart to show them");
}

/* A screen holds nothing upstream: saying goodbye to the broker is all. */
static void fleet_release(struct provider *p)
{
	struct fleet_source *f = (struct fleet_source *)p;

	mqtt_disconnect(f->mqtt);
	f->closed = true;
}

/* Free everything; the connection is closed by then (release). */
static void fleet_destroy(struct provider *p)
{
	struct fleet_source *f = (struct fleet_source *)p;

	mqtt_free(f->mqtt);
	mqtt_url_free(&f->url);
	free(f->t_status);
	free(f->t_layouts);
	fleet_status_free(&f->pub);
	for (size_t i = 0; i < f->nlayouts; i++)
		fleet_layout_free(&f->layouts[i]);
	free(f->layouts);
	for (size_t i = 0; f->set && i < f->set->n; i++) {
		free(f->names[i]);
		fleet_data_free(&f->data[i]);
	}
	free(f->names);
	free(f->data);
	free(f);
}

static const struct provider_ops fleet_ops = {
	"fleet", fleet_pollfds, fleet_next_wake, fleet_dispatch, fleet_take,
	fleet_status, fleet_release, fleet_destroy
};
