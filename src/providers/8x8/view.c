/*
 * view.c - the simulated contact centre as the 8x8 real-time
 * statistics API presents it: the agent list and one agent (GET
 * /api/rtstats/stats/agents.json, /agent/{id}.json), the queue list and one
 * queue (/queues.json, /queue/{id}.json), with every field of the
 * reference's Agent and Queue tables; and the plain lists of object ids
 * the other views name their objects by.
 *
 * The API's JSON is its XML run through a converter, so every value is a
 * string, an empty element is "", and a list of one element is that
 * element, not an array. Durations are whole seconds, times epoch seconds,
 * and -1 stands where the API has nothing (a logged-out agent's time in
 * status, a queue's SLA before anything was answered).
 *
 * The model keeps day tallies, not a half-hour history, so the thirty-min
 * figures are the day's scaled to the part of the last half hour: for an
 * agent the time logged in during it (the current state counted exactly),
 * for a queue the half hour's share of the day's opening hours.
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/8x8/view.h"
#include "sim/sim_internal.h"
#include "util.h"

#define HALF_HOUR 1800.0
#define OPENS (7 * 3600.0)	/* when the first work of the day arrives */
#define GROUP_BASE 100		/* group-id of team 0 */
#define QUEUE_BASE 100		/* queue-id of service 0 */
#define SHORT_CODE_MAX 8	/* characters of a status short code */

/* agent-status codes. */
enum status {
	ST_AVAILABLE = 0, ST_OFFERED = 1, ST_BUSY = 2, ST_POST = 3,
	ST_BREAK = 4, ST_OFFLINE = 5, ST_LOGGED_OUT = 9
};

/* agent-media-id codes. */
enum media_id { MID_NONE = 0, MID_PHONE = 1, MID_CHAT = 2, MID_EMAIL = 3 };

/* Where an agent's time goes, as the day-*-time fields split it. */
enum bucket { B_AVAIL, B_PROC, B_WRAP, B_BREAK, B_OFFLINE, B_N };

/* One agent's time today. */
struct agent_day {
	double past[B_N];	/* before the current state, by bucket */
	double past_login;	/* logged-in time before the current state */
	/* seconds in the current state (0 logged out) */
	double in;
	int cur;		/* the current state's bucket, -1 logged out */
	/* seconds logged in during the last half hour */
	double window;
};

/* --- values as the converter writes them --------------------------------- */

/* Set key to a whole number as a string. */
static void put_num(json_t *o, const char *key, double v)
{
	char num[32];

	snprintf(num, sizeof(num), "%.0f", floor(v + 0.5));
	json_object_set_new(o, key, json_string(num));
}

/* Set key to a text (names are UTF-8: the model's tables are). */
static void put_text(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v));
}

/* a / b, or 0 when b is 0 (the API's averages before anything happened). */
static double ratio(double a, double b)
{
	return b > 0 ? a / b : 0;
}

/* A share a / b in percent, or -1 when b is 0. */
static double percent(double a, double b)
{
	return b > 0 ? fmin(100, floor(a * 100 / b + 0.5)) : -1;
}

/*
 * The body of a list: {"<outer>": {"<inner>": [...]}}, the one element
 * itself in place of the array when there is only one (as converters do).
 */
static char *list_body(const char *outer, const char *inner, json_t *items)
{
	json_t *list = json_object(), *root = json_object();
	char *text;

	if (json_array_size(items) == 1)
		json_object_set(list, inner, json_array_get(items, 0));
	else
		json_object_set(list, inner, items);
	json_decref(items);
	json_object_set_new(root, outer, list);
	text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	return text;
}

/* The body of one element: {"<inner>": {...}}. */
static char *one_body(const char *inner, json_t *item)
{
	json_t *root = json_object();
	char *text;

	json_object_set_new(root, inner, item);
	text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	return text;
}

/* --- agents: states ------------------------------------------------------ */

/* True when reason is one of the scheduled breaks' (a break, lunch). */
static bool break_reason(const char *reason)
{
	for (int slot = 0; slot < 3; slot++)
		if (strcmp(reason, names_break_reason(slot)) == 0)
			return true;
	return false;
}

/* True when the agent is not ready for a scheduled break. */
static bool on_break(const struct sim_agent *a)
{
	return a->state == AS_NOT_READY && a->reason != NULL &&
	       break_reason(a->reason);
}

/* True while the agent's current interaction is still being offered. */
static bool ringing(const struct sim *s, const struct sim_agent *a)
{
	return a->state == AS_BUSY && s->t - a->since < a->ring_len;
}

/* The agent's agent-status code. */
static enum status agent_status(const struct sim *s, const struct sim_agent *a)
{
	switch (a->state) {
	case AS_READY:
		return ST_AVAILABLE;
	case AS_BUSY:
		return ringing(s, a) ? ST_OFFERED : ST_BUSY;
	case AS_ACW:
		return ST_POST;
	case AS_NOT_READY:
		return on_break(a) ? ST_BREAK : ST_OFFLINE;
	case AS_LOGGED_OUT:
		break;
	}
	return ST_LOGGED_OUT;
}

/* Seconds in the current status, -1 when logged out (an offer turns
 * busy when it is answered, so busy counts from then). */
static double time_in_status(const struct sim *s, const struct sim_agent *a)
{
	double since = a->since;

	if (a->state == AS_LOGGED_OUT)
		return -1;
	if (a->state == AS_BUSY && !ringing(s, a))
		since += a->ring_len;
	return floor(s->t - since);
}

/* The agent-media-id of a service's media. */
static enum media_id media_id_of(enum media m)
{
	switch (m) {
	case MEDIA_CHAT:
		return MID_CHAT;
	case MEDIA_EMAIL:
		return MID_EMAIL;
	case MEDIA_VOICE:
	case MEDIA_OUTBOUND:
		break;
	}
	return MID_PHONE;
}

/*
 * The media of the interaction the agent is on, else of the last one:
 * the model does not keep it, so the first service of the agent's team
 * once the agent has handled anything today, else none.
 */
static enum media_id agent_media(const struct sim *s, const struct sim_agent *a)
{
	const struct sim_team *tm = &s->teams[a->team];

	if (a->svc >= 0)
		return media_id_of(s->svcs[a->svc].media);
	if (a->tally[T_HANDLED_ALL] > 0 && tm->nsvcs > 0)
		return media_id_of(s->svcs[tm->svcs[0]].media);
	return MID_NONE;
}

/* True when the agent is on a call (voice, or a campaign's call). */
static bool on_phone(const struct sim *s, const struct sim_agent *a)
{
	return a->svc >= 0 && (s->svcs[a->svc].media == MEDIA_VOICE ||
			       s->svcs[a->svc].media == MEDIA_OUTBOUND);
}

/*
 * Phone line 1: -1 logged out, 3 offered, 1 on hold, 5 busy, 0 idle (or
 * post processing); *since is when that status began.
 */
static int line1_status(const struct sim *s, const struct sim_agent *a,
			double *since)
{
	double hold_end = a->hold_at + a->hold_len;

	*since = a->since;
	if (a->state == AS_LOGGED_OUT)
		return -1;
	if (a->state != AS_BUSY || !on_phone(s, a))
		return 0;
	if (ringing(s, a))
		return 3;
	if (a->hold_len > 0 && s->t >= a->hold_at && s->t < hold_end) {
		*since = a->hold_at;
		return 1;
	}
	*since = a->hold_len > 0 && s->t >= hold_end ? hold_end :
		 a->since + a->ring_len;
	return 5;
}

/* --- agents: status codes ------------------------------------------------ */

/* A stable status-code-item-id for a not-ready reason. */
static unsigned reason_code(const char *reason)
{
	unsigned h = 2166136261u;

	for (const char *p = reason; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return 1000 + h % 9000;
}

/*
 * The status-code-item-short-code of a reason: its first word in capitals
 * (ASCII letters; other characters kept whole), at most SHORT_CODE_MAX
 * characters. out has room for them (4 bytes each) and the NUL.
 */
static void short_code(const char *reason, char *out, size_t outsz)
{
	size_t n = 0;
	int chars = 0;

	for (const char *p = reason; *p != '\0' && *p != ' '; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c & 0xc0) != 0x80 && chars++ == SHORT_CODE_MAX)
			break;
		if (n + 1 >= outsz)
			break;
		out[n++] =
			c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : (char)c;
	}
	out[n] = '\0';
}

/* The status-code-* fields: the reason's code while not ready for one,
 * else empty elements. */
static void put_status_code(json_t *o, const struct sim_agent *a)
{
	char code[64];

	if (a->state != AS_NOT_READY || a->reason == NULL) {
		put_text(o, "status-code-item-id", "");
		put_text(o, "status-code-item-short-code", "");
		put_text(o, "status-code-list-id", "");
		return;
	}
	put_num(o, "status-code-item-id", reason_code(a->reason));
	short_code(a->reason, code, sizeof(code));
	put_text(o, "status-code-item-short-code", code);
	put_num(o, "status-code-list-id", 1);
}

/* --- agents: time -------------------------------------------------------- */

/* The bucket of the agent's current state, -1 logged out. */
static int state_bucket(const struct sim_agent *a)
{
	switch (a->state) {
	case AS_READY:
		return B_AVAIL;
	case AS_BUSY:
		return B_PROC;
	case AS_ACW:
		return B_WRAP;
	case AS_NOT_READY:
		return on_break(a) ? B_BREAK : B_OFFLINE;
	case AS_LOGGED_OUT:
		break;
	}
	return -1;
}

/* The usual length of the scheduled breaks the agent has finished today
 * (breaks are taken in order; the second is lunch). */
static double breaks_taken(const struct sim_agent *a)
{
	int done = a->next_break - (on_break(a) ? 1 : 0);
	double t = 0;

	for (int slot = 0; slot < done && slot < 3; slot++)
		t += slot == 1 ? 2250 : 900;
	return t;
}

/* Seconds the agent was logged in during the last half hour. */
static double half_hour_window(const struct sim *s, const struct sim_agent *a)
{
	if (a->state != AS_LOGGED_OUT)
		return fmin(HALF_HOUR, s->t - a->login_at);
	if (a->tally[T_LOGGED_TIME] <= 0)
		return 0;
	return fmax(0, fmin(HALF_HOUR, a->since - (s->t - HALF_HOUR)));
}

/*
 * The agent's time today by bucket. The tallies hold ready, talk and
 * wrap-up time of finished states; the rest of the logged-in time was not
 * ready, split into the breaks taken (their usual length) and offline.
 */
static void agent_day_fill(const struct sim *s, const struct sim_agent *a,
			   struct agent_day *d)
{
	double not_ready, brk;

	memset(d, 0, sizeof(*d));
	d->past[B_AVAIL] = a->tally[T_READY_TIME];
	d->past[B_PROC] = a->tally[T_TALK] + a->tally[T_OUT_TALK];
	d->past[B_WRAP] = a->tally[T_ACW];
	d->past_login = a->tally[T_LOGGED_TIME];
	not_ready = fmax(0, d->past_login - d->past[B_AVAIL] -
			 d->past[B_PROC] - d->past[B_WRAP]);
	brk = fmin(not_ready, breaks_taken(a));
	d->past[B_BREAK] = brk;
	d->past[B_OFFLINE] = not_ready - brk;
	d->cur = state_bucket(a);
	d->in = d->cur >= 0 ? s->t - a->since : 0;
	d->window = half_hour_window(s, a);
}

/* Today's time in bucket b. */
static double day_time(const struct agent_day *d, int b)
{
	return d->past[b] + (d->cur == b ? d->in : 0);
}

/* The share of the time before the current state that falls in the last
 * half hour (the current state's part of it is known exactly). */
static double half_hour_share(const struct agent_day *d)
{
	double cur = fmin(d->in, d->window);

	return d->past_login > 0 ? fmin(1, (d->window - cur) / d->past_login)
				 : 0;
}

/* The last half hour's time in bucket b. */
static double half_hour_time(const struct agent_day *d, int b)
{
	return d->past[b] * half_hour_share(d) +
	       (d->cur == b ? fmin(d->in, d->window) : 0);
}

/* --- agents: the record -------------------------------------------------- */

/* The day-* and thirty-min-* fields, in the reference's order. Accepted
 * are the finished interactions and the one being talked on; the half
 * hour has its share of the finished ones. */
static void put_agent_counts(json_t *o, const struct sim *s,
			     const struct sim_agent *a, bool half)
{
	struct agent_day d;
	double done = a->tally[T_HANDLED_ALL];
	double now = a->state == AS_BUSY && !ringing(s, a);
	double talk = a->tally[T_TALK] + a->tally[T_OUT_TALK];
	double share, accepted;

	agent_day_fill(s, a, &d);
	share = half_hour_share(&d);
	if (!half) {
		put_num(o, "day-accepted-count", done + now);
		put_num(o, "day-available-time", day_time(&d, B_AVAIL));
		put_num(o, "day-avg-processing-time", ratio(talk, done));
		put_num(o, "day-break-time", day_time(&d, B_BREAK));
		put_num(o, "day-login-time", d.past_login + d.in);
		put_num(o, "day-offline-time", day_time(&d, B_OFFLINE));
		put_num(o, "day-processing-time", day_time(&d, B_PROC));
		put_num(o, "day-rejected-count", a->tally[T_REJECTED]);
		put_num(o, "day-wrap-up-time", day_time(&d, B_WRAP));
		return;
	}
	accepted = floor(done * share + 0.5) + now;
	put_num(o, "thirty-min-accepted-count", accepted);
	put_num(o, "thirty-min-available-time", half_hour_time(&d, B_AVAIL));
	put_num(o, "thirty-min-avg-handling-time", accepted > 0 ?
		ratio(a->tally[T_HANDLE], done) : 0);
	put_num(o, "thirty-min-break-time", half_hour_time(&d, B_BREAK));
	put_num(o, "thirty-min-offline-time", half_hour_time(&d, B_OFFLINE));
	put_num(o, "thirty-min-processing-time", half_hour_time(&d, B_PROC));
	put_num(o, "thirty-min-rejected-count", a->tally[T_REJECTED] * share);
	put_num(o, "thirty-min-wrap-up-time", half_hour_time(&d, B_WRAP));
}

/* The phone-line fields: line 1 from the call, line 2 never in use. */
static void put_lines(json_t *o, const struct sim *s, const struct sim_agent *a)
{
	double since;
	int line1 = line1_status(s, a, &since);

	put_num(o, "phone-line1-status", line1);
	put_num(o, "phone-line1-status-time",
		line1 < 0 ? -1 : floor(s->t - since));
	put_num(o, "phone-line2-status", -1);
	put_num(o, "phone-line2-status-time", -1);
}

/* One agent's record: every field of the reference's Agent table, in the
 * order of its example. */
static json_t *agent_json(const struct sim *s, const struct sim_agent *a)
{
	json_t *o = json_object();
	size_t skills = s->teams[a->team].nsvcs;

	put_text(o, "agent-id", a->login_id);
	put_num(o, "agent-media-id", agent_media(s, a));
	put_text(o, "agent-name", a->full);
	put_num(o, "agent-status", agent_status(s, a));
	put_num(o, "assigned-skill-count", (double)skills);
	put_agent_counts(o, s, a, false);
	put_num(o, "enabled-skill-count", (double)skills);
	put_num(o, "group-id", GROUP_BASE + a->team);
	put_num(o, "last-login-time", a->login_at > 0 ?
		floor(sim_epoch(s, a->login_at)) : -1);
	put_lines(o, s, a);
	put_status_code(o, a);
	put_agent_counts(o, s, a, true);
	put_num(o, "time-in-status", time_in_status(s, a));
	return o;
}

/* The agent with this login id, or NULL. */
static const struct sim_agent *find_agent(const struct sim *s, const char *id)
{
	for (int i = 0; i < s->nagents; i++)
		if (strcmp(s->agents[i].login_id, id) == 0)
			return &s->agents[i];
	return NULL;
}

/*
 * GET .../agents.json (id NULL): {"agents": {"agent": [...]}}; GET
 * .../agent/{login id}.json: {"agent": {...}}, NULL for an unknown id.
 */
char *eightbyeight_view_agents(struct sim *s, const char *id)
{
	const struct sim_agent *a;
	json_t *items;

	if (id != NULL) {
		a = find_agent(s, id);
		return a ? one_body("agent", agent_json(s, a)) : NULL;
	}
	items = json_array();
	for (int i = 0; i < s->nagents; i++)
		json_array_append_new(items, agent_json(s, &s->agents[i]));
	return list_body("agents", "agent", items);
}

/* --- queues -------------------------------------------------------------- */

/* How many agents of one team are in each agent-count-* state. */
struct team_count {
	int busy, logged_out, on_break, post, waiting, offline;
};

/* Count every team's agents by status, once per body. */
static struct team_count *count_teams(const struct sim *s)
{
	struct team_count *tc = xcalloc((size_t)s->nteams, sizeof(*tc));

	for (int i = 0; i < s->nagents; i++) {
		const struct sim_agent *a = &s->agents[i];
		struct team_count *c = &tc[a->team];

		switch (agent_status(s, a)) {
		case ST_AVAILABLE:
			c->waiting++;
			break;
		case ST_OFFERED:
		case ST_BUSY:
			c->busy++;
			break;
		case ST_POST:
			c->post++;
			break;
		case ST_BREAK:
			c->on_break++;
			break;
		case ST_OFFLINE:
			c->offline++;
			break;
		case ST_LOGGED_OUT:
			c->logged_out++;
			break;
		}
	}
	return tc;
}

/* The agent-count-* fields and the agents assigned: the serving teams'. */
static void put_agent_counts_q(json_t *o, const struct sim_service *sv,
			       const struct team_count *tc, double *assigned)
{
	struct team_count sum = { 0, 0, 0, 0, 0, 0 };

	for (size_t i = 0; i < sv->nteams; i++) {
		const struct team_count *c = &tc[sv->teams[i]];

		sum.busy += c->busy;
		sum.logged_out += c->logged_out;
		sum.on_break += c->on_break;
		sum.post += c->post;
		sum.waiting += c->waiting;
		sum.offline += c->offline;
	}
	put_num(o, "agent-count-busy", sum.busy);
	put_num(o, "agent-count-loggedOut", sum.logged_out);
	put_num(o, "agent-count-onBreak", sum.on_break);
	put_num(o, "agent-count-postProcess", sum.post);
	put_num(o, "agent-count-waitTransact", sum.waiting);
	put_num(o, "agent-count-workOffline", sum.offline);
	*assigned = sum.busy + sum.logged_out + sum.on_break + sum.post +
		    sum.waiting + sum.offline;
}

/* What a queue's record is computed from. */
struct queue_day {
	double accepted, queued, abandoned;
	double avg_wait, avg_duration;
	double sla_day, sla_now;
	double share;		/* the last half hour's share of the day */
};

/* Callers now waiting no longer than the service level threshold. */
static double waiting_in_sl(const struct sim *s, const struct sim_service *sv)
{
	double n = 0;

	for (size_t i = 0; i < sv->queue.n; i++)
		n += s->t - sv->queue.v[i].arrived <= sv->sl_threshold;
	return n;
}

/* The last half hour's share of the day's work so far. */
static double queue_share(const struct sim *s)
{
	double open = sim_clock(s) - OPENS;

	return open > HALF_HOUR ? HALF_HOUR / open : 1;
}

/*
 * A queue's day from its figures: accepted = finished plus being talked
 * to; queued, abandoned in the queue, inbound and campaign alike; the SLA
 * of the day (answered in time), and now (also counting who waits).
 */
static void queue_day_fill(const struct sim *s, const struct sim_service *sv,
			   const double *f, struct queue_day *q)
{
	q->accepted = f[T_HANDLED_ALL] + sv->talking;
	q->queued = f[T_QUEUED] + f[T_OUT_QUEUED];
	q->abandoned = f[T_ABANDONED_Q] + f[T_OUT_ABANDONED_Q];
	q->avg_wait = ratio(f[T_WAIT], f[T_ANSWERED]);
	q->avg_duration = ratio(f[T_TALK] + f[T_OUT_TALK],
				f[T_HANDLED] + f[T_OUT_HANDLED]);
	q->sla_day = percent(f[T_ANSWERED_SL], f[T_ANSWERED]);
	q->sla_now = percent(f[T_ANSWERED_SL] + waiting_in_sl(s, sv),
			     f[T_ANSWERED] + f[L_WAITING]);
	q->share = queue_share(s);
}

/* The day-* fields, in the example's order. */
static void put_queue_day(json_t *o, const struct queue_day *q)
{
	put_num(o, "day-abandoned", q->abandoned);
	put_num(o, "day-accepted", q->accepted);
	put_num(o, "day-avg-duration", q->avg_duration);
	put_num(o, "day-avg-wait-time", q->avg_wait);
	put_num(o, "day-queued", q->queued);
	put_num(o, "day-sla-activity", q->sla_day);
}

/* The thirty-min-* fields: the day's counts scaled, its averages kept
 * while there is something to average, the longest wait within the half
 * hour. */
static void put_queue_half(json_t *o, const struct queue_day *q,
			   const double *f)
{
	double accepted = floor(q->accepted * q->share + 0.5);
	double queued = floor(q->queued * q->share + 0.5);
	bool any = queued > 0 || f[L_WAITING] > 0;

	put_num(o, "thirty-min-abandoned", q->abandoned * q->share);
	put_num(o, "thirty-min-accepted", accepted);
	put_num(o, "thirty-min-avg-duration",
		accepted > 0 ? q->avg_duration : 0);
	put_num(o, "thirty-min-avg-wait-time", queued > 0 ? q->avg_wait : 0);
	put_num(o, "thirty-min-longest-wait-time", any ?
		fmin(HALF_HOUR, fmax(f[L_MAX_WAIT], q->avg_wait)) : -1);
	put_num(o, "thirty-min-queued", queued);
	put_num(o, "thirty-min-sla-activity", queued > 0 ? q->sla_now : -1);
}

/* The media-type of a service: campaigns are phone queues. */
static const char *media_type(enum media m)
{
	switch (m) {
	case MEDIA_CHAT:
		return "chat";
	case MEDIA_EMAIL:
		return "email";
	case MEDIA_VOICE:
	case MEDIA_OUTBOUND:
		break;
	}
	return "phone";
}

/* One queue's record: every field of the reference's Queue table (and
 * the example's day-abandoned, thirty-min-abandoned), in the example's
 * order. */
static json_t *queue_json(struct sim *s, int v, const struct team_count *tc)
{
	const struct sim_service *sv = &s->svcs[v];
	double *f = xmalloc(FIG_N * sizeof(*f)), assigned;
	struct queue_day q;
	json_t *o = json_object();

	sim_service_figures(s, v, f);
	queue_day_fill(s, sv, f, &q);
	put_agent_counts_q(o, sv, tc, &assigned);
	put_queue_day(o, &q);
	put_num(o, "assigned-agent-count", assigned);
	put_num(o, "enabled-agent-count", assigned);
	put_num(o, "longest-wait-time", f[L_MAX_WAIT]);
	put_text(o, "media-type", media_type(sv->media));
	put_num(o, "number-in-offered", sv->ringing);
	put_num(o, "number-in-progress", sv->talking + sv->wrapping);
	put_num(o, "queue-id", QUEUE_BASE + v);
	put_text(o, "queue-name", sv->name);
	put_num(o, "queue-size", f[L_WAITING]);
	put_num(o, "sla-activity", q.sla_now);
	put_num(o, "sla-target",
		sv->media == MEDIA_OUTBOUND ? 0 : sv->sl_target);
	put_queue_half(o, &q, f);
	free(f);
	return o;
}

/* The service a queue id names: its queue-id, name or GUID; -1 if none. */
static int find_queue(const struct sim *s, const char *id)
{
	char *end;
	long n = strtol(id, &end, 10);

	if (end != id && *end == '\0' && n >= QUEUE_BASE &&
	    n < QUEUE_BASE + (long)s->nsvcs)
		return (int)(n - QUEUE_BASE);
	return sim_find_service(s, id);
}

/*
 * GET .../queues.json (id NULL): {"queues": {"queue": [...]}}; GET
 * .../queue/{queue id}.json: {"queue": {...}}, NULL for an unknown id.
 */
char *eightbyeight_view_queues(struct sim *s, const char *id)
{
	int v = id ? find_queue(s, id) : -1;
	struct team_count *tc;
	json_t *items;
	char *body;

	if (id != NULL && v < 0)
		return NULL;
	sim_census(s);
	tc = count_teams(s);
	if (id != NULL) {
		body = one_body("queue", queue_json(s, v, tc));
	} else {
		items = json_array();
		for (int i = 0; i < s->nsvcs; i++)
			json_array_append_new(items, queue_json(s, i, tc));
		body = list_body("queues", "queue", items);
	}
	free(tc);
	return body;
}
