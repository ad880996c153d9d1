/*
 * figures.c - what the views read of the simulated centre: the census of
 * agents per team and service, each service's and each agent's figures
 * (the day's tallies and the live gauges), totals over a selection of
 * services, and finding a service or team by name or id. See
 * sim_internal.h for the figures' layout.
 */
#include "autoconf.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sim_internal.h"
#include "util.h"

/* Count agent a into its team's and its service's census. */
static void census_agent(struct sim *s, const struct sim_agent *a)
{
	struct sim_team *tm = &s->teams[a->team];
	struct sim_service *sv;

	if (a->state == AS_LOGGED_OUT)
		return;
	tm->logged++;
	tm->ready += a->state == AS_READY;
	tm->busy += a->state == AS_BUSY || a->state == AS_ACW;
	if (a->svc < 0)
		return;
	sv = &s->svcs[a->svc];
	if (a->state == AS_ACW)
		sv->wrapping++;
	else if (a->state == AS_BUSY && s->t - a->since < a->ring_len)
		sv->ringing++;
	else if (a->state == AS_BUSY)
		sv->talking++;
}

/* Count logged-in, ready and busy agents per team, and the calls
 * ringing, talking and wrapping up per service (once per tick). */
void sim_census(struct sim *s)
{
	if (s->census_t == s->t)
		return;
	for (int i = 0; i < s->nteams; i++)
		s->teams[i].logged = s->teams[i].ready = s->teams[i].busy = 0;
	for (int i = 0; i < s->nsvcs; i++)
		s->svcs[i].ringing = s->svcs[i].talking = s->svcs[i].wrapping =
			0;
	for (int i = 0; i < s->nagents; i++)
		census_agent(s, &s->agents[i]);
	s->census_t = s->t;
}

/* Agents logged in, ready and busy among the teams serving service v. */
static void service_staff(const struct sim *s, const struct sim_service *sv,
			  double *f)
{
	for (size_t i = 0; i < sv->nteams; i++) {
		const struct sim_team *tm = &s->teams[sv->teams[i]];

		f[L_LOGGED] += tm->logged;
		f[L_READY] += tm->ready;
		f[L_BUSY] += tm->busy;
	}
}

/* The calling list figures of a campaign. */
static void service_records(const struct sim_service *sv, double *f)
{
	double left = sv->rec_total - sv->rec_done;

	f[L_REC_TOTAL] = sv->rec_total;
	f[L_REC_COMPLETED] = sv->rec_done;
	f[L_REC_REMAINING] = left;
	f[L_REC_DIALABLE] = floor(left * 0.8);
	f[L_REC_DNC] = sv->rec_dnc;
	f[L_REC_EXPIRED] = floor(sv->rec_total * 0.01);
	f[L_REC_QUOTA] = floor(sv->rec_total * 0.1);
	f[L_REC_SUCCESSES] = floor(sv->rec_done * 0.18);
	f[L_REC_OUT_OF_QUOTA] = f[L_REC_SUCCESSES] > f[L_REC_QUOTA] ?
				floor(left * 0.1) : 0;
	f[L_REC_ASSIGNED_DONE] = floor(sv->rec_done * 0.05);
	f[L_REC_ASSIGNED_LEFT] = floor(left * 0.05);
	f[L_CAMPAIGN_FORECAST] = floor(left * 60 / fmax(1, f[L_LOGGED]));
}

/* What wallboard-sim's control pinned of a service's queue, into f. */
static void service_pins(const struct sim_service *sv, double *f)
{
	if (sv->pin_waiting)
		f[L_WAITING] = sv->pinned_waiting;
	if (sv->pin_longest)
		f[L_MAX_WAIT] = sv->pinned_longest;
}

/* The live figures of an inbound service: queue, IVR, agents, EWT. */
static void service_live_inbound(const struct sim *s,
				 const struct sim_service *sv, double *f)
{
	double aht = sv->tally[T_HANDLED_ALL] > 0 ?
		     sv->tally[T_HANDLE] / sv->tally[T_HANDLED_ALL] :
		     sv->mean_talk + sv->mean_acw;

	f[L_WAITING] = (double)sv->queue.n;
	f[L_MAX_WAIT] = sv->queue.n ? floor(s->t - sv->queue.v[0].arrived) : 0;
	service_pins(sv, f);
	if (sv->media == MEDIA_VOICE)
		f[L_IVR] =
			floor(sv->rate * sim_day_load(s->t) * 25 / HOUR + 0.5);
	f[L_RINGING] = sv->ringing;
	f[L_ACTIVE] = sv->talking + sv->wrapping;
	f[L_IN_PROGRESS] = f[L_IVR] + f[L_WAITING] + f[L_RINGING] + f[L_ACTIVE];
	f[L_CB_WAITING] = floor(sv->cb_waiting);
	f[L_EWT] = floor(f[L_WAITING] * aht / fmax(1, f[L_LOGGED]));
	if (sv->media == MEDIA_EMAIL) {
		f[L_EMAIL_CARRIED] = sv->carried_over;
		f[L_EMAIL_CARRIED_NEW] = floor(sv->carried_over * 0.7);
	}
}

/* The live figures of a campaign: calls on agents and being dialed. */
static void service_live_outbound(const struct sim *s,
				  const struct sim_service *sv, double *f)
{
	service_pins(sv, f);
	f[L_OUT_ACTIVE] = sv->talking + sv->wrapping;
	f[L_OUT_IN_PROGRESS] = sim_dialer_hours(s->t) ?
			       f[L_OUT_ACTIVE] + floor(f[L_READY] * 1.5) : 0;
	f[L_CALL_RATE] = f[L_OUT_IN_PROGRESS] * 2;
	service_records(sv, f);
}

/* The figures of service v: its tallies and live gauges. */
void sim_service_figures(struct sim *s, int v, double *f)
{
	const struct sim_service *sv = &s->svcs[v];

	sim_census(s);
	memset(f, 0, FIG_N * sizeof(*f));
	memcpy(f, sv->tally, sizeof(sv->tally));
	service_staff(s, sv, f);
	if (sv->media == MEDIA_OUTBOUND)
		service_live_outbound(s, sv, f);
	else
		service_live_inbound(s, sv, f);
	f[L_SL_THRESHOLD] = sv->sl_threshold;
	f[L_SL_TARGET] = sv->sl_target;
	f[L_PRIORITY] = sv->priority;
	f[L_ENABLED] = 1;
	f[L_SERVICES] = 1;
}

/* Add one service's figures into totals: sums, but maxima for waits. */
static void figures_add(double *tot, const double *f)
{
	for (int i = 0; i < FIG_N; i++) {
		if (i == L_MAX_WAIT || i == L_EWT)
			tot[i] = fmax(tot[i], f[i]);
		else
			tot[i] += f[i];
	}
}

/* Distinct agents logged in, ready and busy who serve a selected service. */
static void total_staff(struct sim *s, const bool *selected, double *f)
{
	bool *team_in = xcalloc((size_t)s->nteams, sizeof(bool));

	for (int v = 0; v < s->nsvcs; v++)
		for (size_t i = 0; i < s->svcs[v].nteams; i++)
			if (selected == NULL || selected[v])
				team_in[s->svcs[v].teams[i]] = true;
	f[L_LOGGED] = f[L_READY] = f[L_BUSY] = 0;
	for (int i = 0; i < s->nteams; i++) {
		if (!team_in[i])
			continue;
		f[L_LOGGED] += s->teams[i].logged;
		f[L_READY] += s->teams[i].ready;
		f[L_BUSY] += s->teams[i].busy;
	}
	free(team_in);
}

/* The figures over the selected services (NULL: all): sums, maxima of
 * waits, averages of targets, and distinct agents. */
void sim_total_figures(struct sim *s, const bool *selected, double *f)
{
	double *one = xmalloc(FIG_N * sizeof(*one));
	double n;

	memset(f, 0, FIG_N * sizeof(*f));
	for (int v = 0; v < s->nsvcs; v++) {
		if (selected != NULL && !selected[v])
			continue;
		sim_service_figures(s, v, one);
		figures_add(f, one);
	}
	free(one);
	total_staff(s, selected, f);
	n = fmax(1, f[L_SERVICES]);
	f[L_SL_THRESHOLD] = floor(f[L_SL_THRESHOLD] / n);
	f[L_SL_TARGET] = floor(f[L_SL_TARGET] / n);
	f[L_PRIORITY] = floor(f[L_PRIORITY] / n);
}

/* True when agent a's team serves service v. */
bool sim_agent_serves(const struct sim *s, const struct sim_agent *a, int v)
{
	const struct sim_team *tm = &s->teams[a->team];

	for (size_t i = 0; i < tm->nsvcs; i++)
		if (tm->svcs[i] == v)
			return true;
	return false;
}

/*
 * The queue an agent sees: waiting work and the longest wait of its services.
 */
static void agent_queue(const struct sim *s, const struct sim_agent *a,
			double *f)
{
	const struct sim_team *tm = &s->teams[a->team];

	for (size_t i = 0; i < tm->nsvcs; i++) {
		const struct sim_service *sv = &s->svcs[tm->svcs[i]];
		double q[FIG_N];

		if (sv->media == MEDIA_OUTBOUND)
			continue;
		q[L_WAITING] = (double)sv->queue.n;
		q[L_MAX_WAIT] = sv->queue.n ?
				floor(s->t - sv->queue.v[0].arrived) : 0;
		service_pins(sv, q);
		f[L_WAITING] += q[L_WAITING];
		f[L_MAX_WAIT] = fmax(f[L_MAX_WAIT], q[L_MAX_WAIT]);
	}
	f[L_SERVICES] = (double)tm->nsvcs;
}

/* The figures of agent a: its tallies, time in the current state, and
 * the queues of its services. */
void sim_agent_figures(struct sim *s, const struct sim_agent *a, double *f)
{
	double in_state = s->t - a->since;
	bool logged = a->state != AS_LOGGED_OUT, busy = a->state == AS_BUSY;

	memset(f, 0, FIG_N * sizeof(*f));
	memcpy(f, a->tally, sizeof(a->tally));
	if (logged)
		f[T_LOGGED_TIME] += in_state;
	if (a->state == AS_READY)
		f[T_READY_TIME] += in_state;
	f[L_LOGGED] = logged;
	f[L_READY] = a->state == AS_READY;
	f[L_BUSY] = busy || a->state == AS_ACW;
	f[L_ACTIVE] = busy && !a->outbound;
	f[L_OUT_ACTIVE] = busy && a->outbound;
	f[L_ITEMS] = a->svc >= 0;
	f[L_STATE_DURATION] = logged ? floor(in_state) : 0;
	if (busy && in_state > a->ring_len)
		f[L_TALK_DURATION] = floor(in_state - a->ring_len);
	if (busy && s->t >= a->hold_at && s->t < a->hold_at + a->hold_len)
		f[L_HOLD_DURATION] = floor(s->t - a->hold_at);
	agent_queue(s, a, f);
}

/* Index of the service with this id or name, -1 when none. */
int sim_find_service(const struct sim *s, const char *key)
{
	for (int i = 0; i < s->nsvcs; i++)
		if (strcmp(s->svcs[i].id, key) == 0 ||
		    strcmp(s->svcs[i].name, key) == 0)
			return i;
	return -1;
}

/* Index of the team with this id or name, -1 when none. */
int sim_find_team(const struct sim *s, const char *key)
{
	for (int i = 0; i < s->nteams; i++)
		if (strcmp(s->teams[i].id, key) == 0 ||
		    strcmp(s->teams[i].name, key) == 0)
			return i;
	return -1;
}

bool sim_pin_service(struct sim *s, const char *service, double waiting,
		     double longest)
{
	int v = sim_find_service(s, service);

	if (v < 0)
		return false;
	if (!isnan(waiting)) {
		s->svcs[v].pin_waiting = true;
		s->svcs[v].pinned_waiting = waiting;
	}
	if (!isnan(longest)) {
		s->svcs[v].pin_longest = true;
		s->svcs[v].pinned_longest = longest;
	}
	return true;
}

/* Keep a name a rename replaced until the model is freed. */
static void retire_name(struct sim *s, char *name)
{
	s->old_names = xreallocarray(s->old_names, s->nold_names + 1,
				     sizeof(*s->old_names));
	s->old_names[s->nold_names++] = name;
}

bool sim_rename_service(struct sim *s, const char *service, const char *name)
{
	int v = sim_find_service(s, service);
	struct sim_service *sv;

	if (v < 0)
		return false;
	sv = &s->svcs[v];
	if (sv->name0 == NULL)
		sv->name0 = sv->name;
	else
		retire_name(s, sv->name);
	sv->name = xstrdup(name);
	return true;
}

void sim_pins_reset(struct sim *s)
{
	for (int i = 0; i < s->nsvcs; i++) {
		struct sim_service *sv = &s->svcs[i];
		sv->pin_waiting = sv->pin_longest = false;
		if (sv->name0 != NULL) {
			retire_name(s, sv->name);
			sv->name = sv->name0;
			sv->name0 = NULL;
		}
	}
}
