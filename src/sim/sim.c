/*
 * sim.c - the simulated contact centre: agents log in for their shifts, take
 * breaks and unplanned not-ready time, and answer what queues up; calls,
 * chats and emails arrive per service with the time of day; campaigns dial
 * when their agents are idle; supervisors and agents post chat messages.
 *
 * One tick moves the model by dt simulated seconds: arrivals and abandons
 * per service, then every agent whose scheduled state end has passed moves
 * on (an agent's state has an end time: a call's end, a break's end, the
 * next break for a ready agent), then ready agents pick up work. Everything
 * random comes from one seeded generator, so a seed replays the same day.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim_internal.h"
#include "util.h"

#define TICK_MAX 1.0		/* longest tick of sim_step and sim_advance */
#define WARMUP_TICK 5.0		/* ticks while catching up to start_of_day */
#define WARMUP_FROM (6 * HOUR)	/* the warm-up starts before the first shift */
#define ADVANCE_MAX (6 * HOUR)	/* sim_advance catches up at most this much */
#define ADVANCE_TICKS 2000.0	/* and in at most this many ticks */
#define QUEUE_CAP 5000		/* callers beyond this are dropped */
#define TEAM_SIZE 12		/* agents per team */
#define DIAL_EVERY 15.0 /* mean idle seconds before the dialer connects */
#define SURGE_PERIOD 300.0	/* seconds of one wave of demand (surge) */
#define SURGE_LEAD 60.0		/* the first wave's rise before start_of_day */

/* Share of the peak arrival rate at each hour of the day (interpolated). */
static const double day_profile[25] = {
	0, 0, 0, 0, 0, 0, 0, 0.05, 0.4, 0.75, 1.0, 0.95, 0.7, 0.75, 0.9,
	0.85, 0.7, 0.55, 0.4, 0.3, 0.2, 0.05, 0, 0, 0
};

/* How dispositions are spread over inbound and outbound calls. */
static const int disp_weight_in[SIM_NDISP] = { 1, 10, 2, 15, 1, 30, 3, 1, 2 };
static const int disp_weight_out[SIM_NDISP] = { 1, 5, 2, 35, 10, 20, 5, 1, 10 };

/* Per media: SL threshold, SL target, mean talk, mean ACW, mean patience. */
static const struct {
	double threshold, target, talk, acw, patience, rate;
} media_params[] = {
	[MEDIA_VOICE] = { 20, 80, 240, 30, 110, 1.0 },
	[MEDIA_CHAT] = { 60, 80, 420, 20, 300, 0.8 },
	[MEDIA_EMAIL] = { 3600, 90, 540, 15, INFINITY, 0.6 },
	[MEDIA_OUTBOUND] = { 20, 80, 180, 25, INFINITY, 0 },
};

/* --- random numbers ------------------------------------------------- */

/* The next 64 random bits (splitmix64). */
uint64_t sim_rand(struct sim *s)
{
	uint64_t z = (s->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform double in [0, 1). */
double sim_uniform(struct sim *s)
{
	return (double)(sim_rand(s) >> 11) * 0x1.0p-53;
}

/* A uniform integer in [0, n). */
int sim_rand_int(struct sim *s, int n)
{
	return n <= 0 ? 0 : (int)(sim_uniform(s) * n);
}

/* True with probability p. */
bool sim_chance(struct sim *s, double p)
{
	return sim_uniform(s) < p;
}

/* An exponential variate with this mean. */
static double rand_exp(struct sim *s, double mean)
{
	return -mean * log(1.0 - sim_uniform(s));
}

/* A duration around mean, never tiny or huge (Erlang-2). */
static double rand_around(struct sim *s, double mean)
{
	return (rand_exp(s, mean) + rand_exp(s, mean)) / 2;
}

/* A Poisson count with mean lambda (normal approximation when large). */
static int rand_poisson(struct sim *s, double lambda)
{
	double limit, p = 1.0;
	int k = 0;

	if (lambda <= 0)
		return 0;
	if (lambda > 30) {
		double n = sqrt(-2 * log(1.0 - sim_uniform(s))) *
			   cos(2 * M_PI * sim_uniform(s));
		return (int)fmax(0, floor(lambda + sqrt(lambda) * n + 0.5));
	}
	limit = exp(-lambda);
	do {
		k++;
		p *= sim_uniform(s);
	} while (p > limit);
	return k - 1;
}

/* An index drawn with these weights. */
static int rand_weighted(struct sim *s, const int *w, int n)
{
	int total = 0, r;

	for (int i = 0; i < n; i++)
		total += w[i];
	r = sim_rand_int(s, total);
	for (int i = 0; i < n; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

/* --- time ----------------------------------------------------------- */

/* Share of the peak load at absolute time t. */
double sim_day_load(double t)
{
	double h = fmod(t, SIM_DAY) / HOUR;
	int i = (int)h;

	if (i < 0 || i >= 24)
		return 0;
	return day_profile[i] + (day_profile[i + 1] - day_profile[i]) * (h - i);
}

/* Absolute time of the midnight that starts t's day. */
static double midnight_of(double t)
{
	return floor(t / SIM_DAY) * SIM_DAY;
}

/* The epoch of today's local midnight. */
static double local_midnight(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (double)mktime(&tm);
}

/* The epoch seconds of absolute sim time t. */
double sim_epoch(const struct sim *s, double t)
{
	return s->epoch0 + t;
}

/* Simulated seconds since midnight. */
double sim_clock(const struct sim *s)
{
	return fmod(s->t, SIM_DAY);
}

/* --- queues --------------------------------------------------------- */

/* Append a caller. */
static void queue_push(struct sim_queue *q, struct sim_call c)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 8;
		q->v = xreallocarray(q->v, q->cap, sizeof(*q->v));
	}
	q->v[q->n++] = c;
}

/* Put a caller back at the head (an offer the agent did not answer). */
static void queue_push_front(struct sim_queue *q, struct sim_call c)
{
	queue_push(q, c);
	memmove(q->v + 1, q->v, (q->n - 1) * sizeof(*q->v));
	q->v[0] = c;
}

/* Take the caller at the head. */
static struct sim_call queue_pop(struct sim_queue *q)
{
	struct sim_call c = q->v[0];

	memmove(q->v, q->v + 1, --q->n * sizeof(*q->v));
	return c;
}

/* --- agents --------------------------------------------------------- */

/* Add v to tally f of both the agent and its current service. */
static void tally(struct sim *s, struct sim_agent *a, enum fig f, double v)
{
	a->tally[f] += v;
	s->svcs[a->svc].tally[f] += v;
}

/* Enter state st at t until until, accounting the time of the old state. */
static void agent_set(struct sim_agent *a, enum agent_state st,
		      const char *reason, double t, double until)
{
	if (a->state != AS_LOGGED_OUT)
		a->tally[T_LOGGED_TIME] += t - a->since;
	if (a->state == AS_READY)
		a->tally[T_READY_TIME] += t - a->since;
	a->state = st;
	a->reason = reason;
	a->since = t;
	a->until = until > t ? until : t;
}

/* When the agent next starts a shift, on the day at midnight or later:
 * most start 7:00-9:00, some 9:00-10:00, the late shift 12:00-13:00
 * (by agent number, so every seed staffs the day alike). */
static double next_shift(struct sim *s, const struct sim_agent *a,
			 double midnight)
{
	int kind = (int)((a - s->agents) * 7 % 20);

	while (sim_chance(s, 0.08))
		midnight += SIM_DAY;	/* a day off */
	if (kind < 3)
		return midnight + 12 * HOUR + sim_uniform(s) * HOUR;
	if (kind < 6)
		return midnight + 9 * HOUR + sim_uniform(s) * HOUR;
	return midnight + 7 * HOUR + sim_uniform(s) * 2 * HOUR;
}

/* True when the agent's next scheduled break is due at t. */
static bool break_due(const struct sim_agent *a, double t)
{
	return a->next_break < 3 && t >= a->breaks[a->next_break];
}

/* Log in at t: plan the shift and its breaks, start not ready. */
static void agent_login(struct sim *s, struct sim_agent *a, double t)
{
	static const double at[3] = { 2 * HOUR, 4 * HOUR, 6 * HOUR };

	a->login_at = a->shift_start = t;
	a->shift_end = t + 8 * HOUR + sim_uniform(s) * HOUR / 2;
	for (int i = 0; i < 3; i++)
		a->breaks[i] = t + at[i] + (sim_uniform(s) - 0.5) * HOUR / 2;
	a->next_break = 0;
	agent_set(a, AS_NOT_READY, NULL, t, t + 30 + sim_uniform(s) * 120);
}

/* Log out at t until the next shift. */
static void agent_logout(struct sim *s, struct sim_agent *a, double t)
{
	a->svc = -1;
	agent_set(a, AS_LOGGED_OUT, NULL, t,
		  next_shift(s, a, midnight_of(t) + SIM_DAY));
}

/* Be ready at t until the next break, the shift's end or a random pause. */
static void agent_ready(struct sim *s, struct sim_agent *a, double t)
{
	double until = fmin(a->shift_end, t + rand_exp(s, 2.5 * HOUR));

	if (a->next_break < 3)
		until = fmin(until, a->breaks[a->next_break]);
	agent_set(a, AS_READY, NULL, t, until);
}

/* Take the scheduled break that is due: a break or lunch. */
static void agent_break(struct sim *s, struct sim_agent *a, double t)
{
	int slot = a->next_break++;
	double len = slot == 1 ? 1800 + sim_uniform(s) * 900 :
				 720 + sim_uniform(s) * 360;

	agent_set(a, AS_NOT_READY, names_break_reason(slot), t, t + len);
}

/* An unplanned pause: a meeting, coaching, a technical issue. */
static void agent_pause(struct sim *s, struct sim_agent *a, double t)
{
	double mean;
	const char *reason = names_unplanned_reason(s, &mean);

	agent_set(a, AS_NOT_READY, reason, t, t + rand_around(s, mean));
}

/* The agent is free at t: log out, take a due break, or be ready. */
static void agent_free(struct sim *s, struct sim_agent *a, double t)
{
	if (t >= a->shift_end)
		agent_logout(s, a, t);
	else if (break_due(a, t))
		agent_break(s, a, t);
	else
		agent_ready(s, a, t);
}

/* A disposition for a finished call. */
static int pick_disposition(struct sim *s, bool outbound)
{
	return rand_weighted(s, outbound ? disp_weight_out : disp_weight_in,
			     SIM_NDISP);
}

/* Tallies of a finished outbound call. */
static void call_end_outbound(struct sim *s, struct sim_agent *a, double talk)
{
	tally(s, a, T_OUT_HANDLED, 1);
	tally(s, a, T_OUT_TALK, talk);
	tally(s, a,
	      sim_chance(s, 0.7) ? T_OUT_DISCONNECTED : T_OUT_DROPPED_TALK, 1);
	if (sim_chance(s, 0.03))
		tally(s, a, T_OUT_TRANSFERRED, 1);
}

/* Tallies of a finished inbound call, chat or email. */
static void call_end_inbound(struct sim *s, struct sim_agent *a, double talk)
{
	enum media m = s->svcs[a->svc].media;

	tally(s, a, T_HANDLED, 1);
	tally(s, a, T_TALK, talk);
	if (a->hold_len > 0) {
		tally(s, a, T_HOLD_FIRST, 1);
		tally(s, a, T_HOLD, sim_chance(s, 0.3) ? 2 : 1);
	}
	tally(s, a, sim_chance(s, 0.8) ? T_DISCONNECTED : T_DROPPED_TALK, 1);
	if (sim_chance(s, 0.05)) {
		tally(s, a, T_TRANSFERRED, 1);
		tally(s, a, T_TRANSFERS_IN, 1);
	}
	if (m == MEDIA_EMAIL)
		tally(s, a,
		      sim_chance(s, 0.85) ? T_EMAIL_REPLIED : T_EMAIL_NOREPLY,
		      1);
}

/* The conversation ends at t: tallies, disposition, then wrap-up. */
static void call_end(struct sim *s, struct sim_agent *a, double t)
{
	struct sim_service *sv = &s->svcs[a->svc];
	double talk = t - a->call_at - a->ring_len;
	int d = pick_disposition(s, a->outbound);

	if (a->outbound)
		call_end_outbound(s, a, talk);
	else
		call_end_inbound(s, a, talk);
	tally(s, a, T_HANDLED_ALL, 1);
	if (sim_disposition_success[d])
		tally(s, a, T_SUCCESS, 1);
	a->disp[d]++;
	sv->disp[d]++;
	agent_set(a, AS_ACW, NULL, t, t + rand_around(s, sv->mean_acw));
}

/* Wrap-up ends at t: handle time, then whatever is next. */
static void wrap_end(struct sim *s, struct sim_agent *a, double t)
{
	tally(s, a, T_ACW, t - a->since);
	tally(s, a, T_HANDLE, t - a->call_at - a->ring_len);
	a->svc = -1;
	agent_free(s, a, t);
}

/* Start a conversation on service v at t. */
static void call_start(struct sim *s, struct sim_agent *a, int v,
		       bool outbound, double t)
{
	struct sim_service *sv = &s->svcs[v];
	double talk = fmax(15, rand_around(s, sv->mean_talk));

	a->svc = v;
	a->outbound = outbound;
	a->item = ++s->next_item;
	names_person(s, &a->party);
	a->call_at = t;
	a->ring_len = outbound ? 0 : 2 + sim_uniform(s) * 5;
	a->hold_len = sv->media == MEDIA_VOICE && sim_chance(s, 0.15) ?
		      20 + rand_exp(s, 40) : 0;
	a->hold_at = t + a->ring_len + talk * 0.4;
	agent_set(a, AS_BUSY, NULL, t, t + a->ring_len + talk + a->hold_len);
}

/* The state's scheduled end has come: move the agent on. */
static void agent_expire(struct sim *s, struct sim_agent *a)
{
	double t = a->until;

	switch (a->state) {
	case AS_LOGGED_OUT:
		agent_login(s, a, t);
		break;
	case AS_READY:
		if (t >= a->shift_end || break_due(a, t))
			agent_free(s, a, t);
		else
			agent_pause(s, a, t);
		break;
	case AS_NOT_READY:
		agent_free(s, a, t);
		break;
	case AS_BUSY:
		call_end(s, a, t);
		break;
	case AS_ACW:
		wrap_end(s, a, t);
		break;
	}
}

/* --- work arriving and being picked up -------------------------------- */

/* A caller leaves the queue at its give-up time: abandon or a callback. */
static void call_abandon(struct sim *s, struct sim_service *sv,
			 const struct sim_call *c)
{
	double wait = c->giveup - c->arrived;

	if (sv->media == MEDIA_VOICE && wait > 45 && sim_chance(s, 0.25)) {
		sv->tally[T_CB_REQUESTED]++;
		if (sim_chance(s, 0.9)) {
			sv->tally[T_CB_QUEUED]++;
			sv->cb_waiting++;
		} else
			sv->tally[T_CB_ABANDONED]++;
		return;
	}
	sv->tally[T_ABANDONED_Q]++;
	sv->tally[T_ABANDONED]++;
	if (wait < 10)
		sv->tally[T_ABANDONED_SHORT]++;
}

/* Remove the callers of a queue who have given up by t. */
static void service_abandons(struct sim *s, struct sim_service *sv, double t)
{
	size_t k = 0;

	for (size_t i = 0; i < sv->queue.n; i++) {
		if (sv->queue.v[i].giveup <= t)
			call_abandon(s, sv, &sv->queue.v[i]);
		else
			sv->queue.v[k++] = sv->queue.v[i];
	}
	sv->queue.n = k;
}

/* True when an arriving voice call ends in the IVR (self service etc.). */
static bool ivr_ends(struct sim *s, struct sim_service *sv)
{
	double u = sim_uniform(s);

	if (sv->media != MEDIA_VOICE || u >= 0.101)
		return false;
	if (u < 0.08)
		sv->tally[T_IVR_SELF]++;
	else if (u < 0.1) {
		sv->tally[T_IVR_ABANDONED]++;
		sv->tally[T_ABANDONED]++;
	} else
		sv->tally[T_IVR_DROPPED]++;
	return true;
}

/* One interaction arrives at t. */
static void service_arrival(struct sim *s, struct sim_service *sv, double t)
{
	struct sim_call c = { t, t + rand_exp(s, sv->patience) };

	sv->tally[T_RECEIVED]++;
	if (ivr_ends(s, sv))
		return;
	if (sv->media == MEDIA_EMAIL)
		sv->tally[sim_chance(s, 0.1) ? T_EMAIL_JOINED : T_EMAIL_NEW]++;
	if (sv->queue.n >= QUEUE_CAP) {
		sv->tally[T_DROPPED_Q]++;
		return;
	}
	sv->tally[T_QUEUED]++;
	queue_push(&sv->queue, c);
}

/*
 * The share of its usual demand service v has at t (opt.surge): waves
 * whose first rise began SURGE_LEAD before start_of_day on the first
 * service, the others' a little later each, so a demo opens on queues
 * building; the hours before were an ordinary morning.
 */
static double surge_factor(const struct sim *s, const struct sim_service *sv,
			   double t)
{
	double v = (double)(sv - s->svcs), x;

	x = (t - s->opt.start_of_day + SURGE_LEAD) / SURGE_PERIOD -
	    v / (2.0 * s->nsvcs);
	if (s->opt.surge <= 0 || x < 0)
		/* the day before the demo is an ordinary one */
		return 1;
	x = fmax(0, sin(2 * M_PI * x));
	return 1 + s->opt.surge * x * x * x * x;
}

/* Arrivals and abandons of one service during the tick ending at t. */
static void service_tick(struct sim *s, struct sim_service *sv, double t,
			 double dt)
{
	int n = 0;

	if (sv->media != MEDIA_OUTBOUND)
		n = rand_poisson(s, sv->rate * sim_day_load(t) *
				 surge_factor(s, sv, t) * dt / HOUR);
	for (int i = 0; i < n; i++)
		service_arrival(s, sv, t);
	if (sv->queue.n > 0)
		service_abandons(s, sv, t);
}

/* Offer the head of service v's queue to agent a at t. */
static void call_offer(struct sim *s, struct sim_agent *a, int v, double t)
{
	struct sim_service *sv = &s->svcs[v];
	struct sim_call c = queue_pop(&sv->queue);
	double wait = t - c.arrived;

	a->svc = v;
	tally(s, a, T_ROUTED, 1);
	if (sim_chance(s, 0.02)) {	/* not answered: back to the queue */
		tally(s, a, T_REJECTED, 1);
		queue_push_front(&sv->queue, c);
		a->svc = -1;
		agent_set(a, AS_NOT_READY, "Missed call", t, t + 30);
		return;
	}
	/* the caller hangs up while it rings */
	if (sim_chance(s, 0.005)) {
		tally(s, a, T_ABANDONED_RING, 1);
		tally(s, a, T_ABANDONED, 1);
		a->svc = -1;
		return;
	}
	tally(s, a, T_ANSWERED, 1);
	tally(s, a, T_WAIT, wait);
	if (wait <= sv->sl_threshold)
		tally(s, a, T_ANSWERED_SL, 1);
	if (sv->media == MEDIA_EMAIL)
		tally(s, a,
		      sim_chance(s, 0.2) ? T_EMAIL_PULLED : T_EMAIL_OFFERED, 1);
	call_start(s, a, v, false, t);
}

/* Agent a calls back a customer of service v. */
static void callback_dial(struct sim *s, struct sim_agent *a, int v, double t)
{
	struct sim_service *sv = &s->svcs[v];

	sv->cb_waiting--;
	if (sim_chance(s, 0.15)) {
		sv->tally[T_CB_FAILED]++;
		return;
	}
	sv->tally[T_CB_ANSWERED]++;
	call_start(s, a, v, false, t);
}

/* The dialer connects agent a to a customer of campaign v. */
static void dialer_call(struct sim *s, struct sim_agent *a, int v, double t)
{
	struct sim_service *sv = &s->svcs[v];
	int tries = 1;

	if (sv->rec_done >= sv->rec_total)
		return;
	while (tries < 8 && !sim_chance(s, 0.35))
		tries++;
	a->svc = v;
	tally(s, a, T_OUT_PLACED, tries);
	tally(s, a, T_OUT_FAILED, tries - 1);
	tally(s, a, T_OUT_ANSWERED, 1);
	tally(s, a, T_REC_ATTEMPTED, tries);
	tally(s, a, T_REC_ACCEPTED, 1);
	if (sim_chance(s, 0.05))
		tally(s, a, T_REC_SKIPPED, 1);
	sv->rec_done++;
	tally(s, a, T_REC_COMPLETED, 1);
	/* nobody free in time: a nuisance call */
	if (sim_chance(s, 0.03)) {
		tally(s, a, T_OUT_ABANDONED_Q, 1);
		tally(s, a, T_OUT_ABANDONED, 1);
		tally(s, a, T_OUT_UNATTENDED, 1);
		a->svc = -1;
		return;
	}
	tally(s, a, T_OUT_QUEUED, 1);
	tally(s, a, T_OUT_ROUTED, 1);
	call_start(s, a, v, true, t);
}

/* True when the dialer works at t (9:00 to 20:00). */
bool sim_dialer_hours(double t)
{
	double c = fmod(t, SIM_DAY);

	return c >= 9 * HOUR && c < 20 * HOUR;
}

/* How urgent a service's head of queue is: its wait in SL thresholds. */
static double urgency(const struct sim_service *sv, double t)
{
	return sv->queue.n ? (t - sv->queue.v[0].arrived) / sv->sl_threshold
			   : -1;
}

/* A ready agent takes the most urgent work of its services, else a
 * callback, else a campaign call. */
static void agent_pickup(struct sim *s, struct sim_agent *a, double t,
			 double dt)
{
	const struct sim_team *tm = &s->teams[a->team];
	int best = -1, cb = -1, out = -1;

	for (size_t i = 0; i < tm->nsvcs; i++) {
		int v = tm->svcs[i];
		const struct sim_service *sv = &s->svcs[v];

		if (sv->queue.n > 0 && (best < 0 || urgency(sv, t) >
					urgency(&s->svcs[best], t)))
			best = v;
		if (sv->cb_waiting >= 1)
			cb = v;
		if (sv->media == MEDIA_OUTBOUND)
			out = v;
	}
	if (best >= 0)
		call_offer(s, a, best, t);
	else if (cb >= 0)
		callback_dial(s, a, cb, t);
	else if (out >= 0 && sim_dialer_hours(t) &&
		 sim_chance(s, dt / DIAL_EVERY))
		dialer_call(s, a, out, t);
}

/* --- the day ---------------------------------------------------------- */

/* Midnight: the per-day tallies start again; yesterday's emails carry over. */
static void new_day(struct sim *s)
{
	for (int i = 0; i < s->nagents; i++) {
		memset(s->agents[i].tally, 0, sizeof(s->agents[i].tally));
		memset(s->agents[i].disp, 0, sizeof(s->agents[i].disp));
	}
	for (int i = 0; i < s->nsvcs; i++) {
		struct sim_service *sv = &s->svcs[i];

		memset(sv->tally, 0, sizeof(sv->tally));
		memset(sv->disp, 0, sizeof(sv->disp));
		if (sv->media == MEDIA_EMAIL)
			sv->carried_over = (double)sv->queue.n;
		if (sv->rec_done >= sv->rec_total)
			sv->rec_done = 0;	/* a fresh calling list */
	}
}

/* Move the model by dt simulated seconds in one tick. */
static void sim_tick(struct sim *s, double dt)
{
	double t;
	int n = s->nagents, start;

	s->t += dt;
	t = s->t;
	if ((long)floor(t / SIM_DAY) != s->day) {
		s->day = (long)floor(t / SIM_DAY);
		new_day(s);
	}
	for (int i = 0; i < s->nsvcs; i++)
		service_tick(s, &s->svcs[i], t, dt);
	for (int i = 0; i < n; i++)
		while (s->agents[i].until <= t)
			agent_expire(s, &s->agents[i]);
	start = sim_rand_int(s, n);	/* no agent is always first */
	for (int i = 0; i < n; i++) {
		struct sim_agent *a = &s->agents[(start + i) % n];

		if (a->state == AS_READY)
			agent_pickup(s, a, t, dt);
	}
	sim_chat_tick(s, dt);
	s->census_t = -1;
}

/* Move the model by dt in ticks of at most tick seconds. */
static void sim_run(struct sim *s, double dt, double tick)
{
	while (dt > 1e-9) {
		double step = dt < tick ? dt : tick;

		sim_tick(s, step);
		dt -= step;
	}
}

/* Move the model by dt simulated seconds (tests, benchmarks). */
void sim_step(struct sim *s, double dt)
{
	sim_run(s, dt, TICK_MAX);
}

/* Move the model to real time now: elapsed real time times the time
 * scale, at most ADVANCE_MAX at once, in at most ADVANCE_TICKS ticks. */
void sim_advance(struct sim *s, double now)
{
	double dt;

	if (now <= s->last_real)
		return;
	dt = (now - s->last_real) * s->opt.time_scale;
	s->last_real = now;
	if (dt > ADVANCE_MAX)
		dt = ADVANCE_MAX;
	sim_run(s, dt, fmax(TICK_MAX, dt / ADVANCE_TICKS));
}

/* --- building the centre ------------------------------------------------ */

/* Team tm serves service v (both directions; once). */
static void link_team(struct sim *s, int tm, int v)
{
	struct sim_team *team = &s->teams[tm];
	struct sim_service *sv = &s->svcs[v];

	for (size_t i = 0; i < team->nsvcs; i++)
		if (team->svcs[i] == v)
			return;
	team->svcs = xreallocarray(team->svcs, team->nsvcs + 1, sizeof(int));
	team->svcs[team->nsvcs++] = v;
	sv->teams = xreallocarray(sv->teams, sv->nteams + 1, sizeof(int));
	sv->teams[sv->nteams++] = tm;
}

/* Which teams serve which services: every service one or two teams, every
 * team at least one service. */
static void link_teams(struct sim *s)
{
	for (int v = 0; v < s->nsvcs; v++) {
		link_team(s, v % s->nteams, v);
		if (v % 2 == 0 && s->nteams > 1)
			link_team(s, (v + 1) % s->nteams, v);
	}
	for (int tm = s->nsvcs; tm < s->nteams; tm++)
		link_team(s, tm, tm % s->nsvcs);
}

/* Service v's parameters from its media, before its rate. */
static void service_init(struct sim *s, int v)
{
	struct sim_service *sv = &s->svcs[v];

	names_guid(s, sv->id);
	sv->name = names_service(v, &sv->media);
	sv->priority = 1 + sim_rand_int(s, 5);
	sv->sl_threshold = media_params[sv->media].threshold;
	sv->sl_target = media_params[sv->media].target;
	sv->mean_talk =
		media_params[sv->media].talk * (0.8 + 0.4 * sim_uniform(s));
	sv->mean_acw = media_params[sv->media].acw;
	sv->patience = media_params[sv->media].patience;
	if (sv->media == MEDIA_OUTBOUND) {
		sv->rec_total = 1000 + sim_rand_int(s, 5000);
		sv->rec_done =
			floor(sv->rec_total * (0.1 + 0.3 * sim_uniform(s)));
		sv->rec_dnc = floor(sv->rec_total * 0.03);
	}
}

/* Yesterday's unanswered emails, waiting since last night. */
static void service_backlog(struct sim *s, struct sim_service *sv)
{
	int n = 3 + sim_rand_int(s, 10);
	double from = midnight_of(s->t) - 6 * HOUR;

	sv->carried_over = n;
	for (int i = 0; i < n; i++)
		queue_push(&sv->queue, (struct sim_call){
			from + i * (4 * HOUR / n), INFINITY });
}

/* Peak arrival rate: what the serving agents can handle, times a load
 * that leaves some services comfortable and others short of staff. */
static void service_rate(struct sim *s, struct sim_service *sv,
			 const int *team_size)
{
	double agents = 0, per_agent;

	for (size_t i = 0; i < sv->nteams; i++) {
		const struct sim_team *tm = &s->teams[sv->teams[i]];

		agents += (double)team_size[sv->teams[i]] / (double)tm->nsvcs;
	}
	per_agent = HOUR / (sv->mean_talk + sv->mean_acw);
	sv->rate = agents * per_agent * media_params[sv->media].rate *
		   (0.4 + 0.3 * sim_uniform(s));
}

/* Create the teams, services and their links and rates. */
static void build_services(struct sim *s)
{
	int *size = xcalloc((size_t)s->nteams, sizeof(int));

	for (int i = 0; i < s->nteams; i++) {
		names_guid(s, s->teams[i].id);
		s->teams[i].name = names_team(i);
	}
	for (int v = 0; v < s->nsvcs; v++)
		service_init(s, v);
	link_teams(s);
	for (int i = 0; i < s->nagents; i++)
		size[i % s->nteams]++;
	for (int v = 0; v < s->nsvcs; v++) {
		service_rate(s, &s->svcs[v], size);
		if (s->svcs[v].media == MEDIA_EMAIL)
			service_backlog(s, &s->svcs[v]);
	}
	free(size);
}

/* Create agent i, logged out until its first shift. */
static void agent_init(struct sim *s, int i, struct name_set *ids)
{
	struct sim_agent *a = &s->agents[i];
	struct person p;

	names_guid(s, a->id);
	names_agent(s, i, &p);
	a->first = p.first;
	a->last = p.last;
	a->full = names_full(&p);
	a->login_id = names_login_id(ids, &p);
	snprintf(a->ext, sizeof(a->ext), "%d", 2001 + i % 97999);
	a->team = i % s->nteams;
	a->svc = -1;
	a->state = AS_LOGGED_OUT;
	a->since = s->t;
	a->until = next_shift(s, a, midnight_of(s->t));
	a->next_break = 3;
}

/* Options with defaults filled in and limits applied. */
static void options_fix(struct sim_options *o)
{
	if (o->agents <= 0)
		o->agents = 48;
	if (o->services <= 0)
		o->services = 10;
	if (o->messages <= 0)
		o->messages = 40;
	if (o->agents > 100000)
		o->agents = 100000;
	if (o->services > 10000)
		o->services = 10000;
	if (!(o->time_scale > 0))
		o->time_scale = 1;
	if (!(o->start_of_day >= 0) || o->start_of_day >= SIM_DAY)
		o->start_of_day = 0;
}

/* The default options: seed 1, real time, 10:30, 48 agents, 10 services. */
void sim_options_default(struct sim_options *o)
{
	memset(o, 0, sizeof(*o));
	o->seed = 1;
	o->time_scale = 1;
	o->start_of_day = 10.5 * HOUR;
	o->agents = 48;
	o->services = 10;
	o->messages = 40;
}

/* A new centre, warmed up from early morning to start_of_day. */
struct sim *sim_new(const struct sim_options *o)
{
	struct sim *s = xcalloc(1, sizeof(*s));
	struct name_set *ids;

	s->opt = *o;
	options_fix(&s->opt);
	s->rng = s->opt.seed * 0x2545f4914f6cdd1dULL + 1;
	s->t = fmin(WARMUP_FROM, s->opt.start_of_day);
	s->epoch0 = local_midnight();
	s->census_t = -1;
	s->max_columns = s->max_grids = 64;
	s->nagents = s->opt.agents;
	s->nsvcs = s->opt.services;
	s->nteams = s->nagents / TEAM_SIZE > 0 ? s->nagents / TEAM_SIZE : 1;
	s->agents = xcalloc((size_t)s->nagents, sizeof(*s->agents));
	s->svcs = xcalloc((size_t)s->nsvcs, sizeof(*s->svcs));
	s->teams = xcalloc((size_t)s->nteams, sizeof(*s->teams));
	s->msg_cap = s->opt.messages;
	s->msgs = xcalloc((size_t)s->msg_cap, sizeof(*s->msgs));
	build_services(s);
	ids = name_set_new((size_t)s->nagents);
	for (int i = 0; i < s->nagents; i++)
		agent_init(s, i, ids);
	name_set_free(ids);
	sim_run(s, s->opt.start_of_day - s->t, WARMUP_TICK);
	s->last_real = now_mono();
	return s;
}

/* Free the centre. */
/* The names of enum agent_state, as sim_set_state_text takes them. */
static const char *const state_names[] = {
	[AS_LOGGED_OUT] = "logged_out", [AS_READY] = "ready",
	[AS_NOT_READY] = "not_ready", [AS_BUSY] = "busy",
	[AS_ACW] = "after_call_work",
};

const char *sim_state_text(const struct sim *s, enum agent_state st,
			   const char *native)
{
	return s->state_words[st] != NULL ? s->state_words[st] : native;
}

bool sim_set_state_text(struct sim *s, const char *state, const char *word)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(state_names); i++) {
		if (strcmp(state_names[i], state) != 0)
			continue;
		free(s->state_words[i]);
		s->state_words[i] = word != NULL ? xstrdup(word) : NULL;
		return true;
	}
	return false;
}

void sim_set_share_scale(struct sim *s, double scale)
{
	s->share_scale = scale;
}

void sim_vocabulary_reset(struct sim *s)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(s->state_words); i++) {
		free(s->state_words[i]);
		s->state_words[i] = NULL;
	}
	s->share_scale = 0;
}

void sim_free(struct sim *s)
{
	if (s == NULL)
		return;
	sim_vocabulary_reset(s);
	sim_pins_reset(s);
	strv_free(s->old_names, s->nold_names);
	for (int i = 0; i < s->nagents; i++) {
		free(s->agents[i].login_id);
		free(s->agents[i].full);
	}
	for (int i = 0; i < s->nsvcs; i++) {
		free(s->svcs[i].name);
		free(s->svcs[i].teams);
		free(s->svcs[i].queue.v);
	}
	for (int i = 0; i < s->nteams; i++) {
		free(s->teams[i].name);
		free(s->teams[i].svcs);
	}
	for (int i = 0; i < s->msg_cap; i++)
		free(s->msgs[i].content);
	free(s->msgs);
	free(s->agents);
	free(s->svcs);
	free(s->teams);
	free(s);
}
