/*
 * sim_internal.h - the simulated contact centre's model, shared by sim.c
 * (which moves it in time), names.c (its names and texts) and each
 * source's view (src/providers/<name>/view.c, which presents it as that
 * source's statistics server).
 *
 * Time: s->t is absolute simulated seconds since midnight of day 0; the
 * clock shown is t modulo a day. Every scheduled time in the model (an
 * agent's state end, a caller's give-up time) is absolute too.
 *
 * Figures: each service and each agent keeps per-day tallies in an array
 * indexed by enum fig (T_*, zeroed at midnight). sim_*_figures() add the
 * live gauges (L_*: waiting now, longest wait, agents ready...) computed
 * from the model, so a view turns any statistic into arithmetic over one
 * array of doubles (the views' tables).
 */
#ifndef WB_SIM_INTERNAL_H
#define WB_SIM_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim.h"

#define SIM_DAY 86400.0
#define HOUR 3600.0
#define SIM_NDISP 9		/* dispositions: names.c sim_dispositions[] */
#define SIM_ID_LEN 37		/* a GUID and its NUL */

enum media { MEDIA_VOICE, MEDIA_CHAT, MEDIA_EMAIL, MEDIA_OUTBOUND };

enum agent_state {
	AS_LOGGED_OUT, AS_READY, AS_NOT_READY, AS_BUSY, AS_ACW
};

/* Per-day tallies (T_*), then live gauges (L_*). */
enum fig {
	T_RECEIVED, T_IVR_SELF, T_IVR_ABANDONED, T_IVR_DROPPED, T_QUEUED,
	T_ROUTED, T_ANSWERED, T_ANSWERED_SL, T_WAIT, T_HANDLED,
	T_ABANDONED_Q, T_ABANDONED_SHORT, T_ABANDONED_RING, T_ABANDONED,
	T_DROPPED_Q, T_DROPPED_RING, T_REJECTED, T_TRANSFERRED,
	T_TRANSFERS_IN, T_HOLD_FIRST, T_HOLD, T_DISCONNECTED, T_DROPPED_TALK,
	T_TALK, T_ACW, T_HANDLE, T_HANDLED_ALL, T_SUCCESS,
	T_CB_REQUESTED, T_CB_ABANDONED, T_CB_QUEUED, T_CB_CANCELLED,
	T_CB_FAILED, T_CB_ANSWERED,
	T_OUT_PLACED, T_OUT_ANSWERED, T_OUT_FAILED, T_OUT_QUEUED,
	T_OUT_ROUTED, T_OUT_ABANDONED_Q, T_OUT_ABANDONED_IVR, T_OUT_ABANDONED,
	T_OUT_UNATTENDED, T_OUT_HANDLED, T_OUT_TALK, T_OUT_REJECTED,
	T_OUT_DISCONNECTED, T_OUT_DROPPED_TALK, T_OUT_TRANSFERRED,
	T_REC_ATTEMPTED, T_REC_ACCEPTED, T_REC_SKIPPED, T_REC_COMPLETED,
	T_EMAIL_NEW, T_EMAIL_JOINED, T_EMAIL_OFFERED, T_EMAIL_PULLED,
	T_EMAIL_REPLIED, T_EMAIL_NOREPLY,
	T_READY_TIME, T_LOGGED_TIME,
	FIG_NTALLY,
	L_WAITING = FIG_NTALLY, L_MAX_WAIT, L_IN_PROGRESS, L_IVR, L_RINGING,
	L_ACTIVE, L_LOGGED, L_READY, L_BUSY, L_EWT, L_CB_WAITING,
	L_OUT_WAITING, L_OUT_RINGING, L_OUT_ACTIVE, L_OUT_IN_PROGRESS,
	L_CALL_RATE, L_SL_THRESHOLD, L_SL_TARGET, L_PRIORITY, L_ENABLED,
	L_REC_TOTAL, L_REC_COMPLETED, L_REC_REMAINING, L_REC_DIALABLE,
	L_REC_DNC, L_REC_EXPIRED, L_REC_QUOTA, L_REC_OUT_OF_QUOTA,
	L_REC_SUCCESSES, L_REC_ASSIGNED_DONE, L_REC_ASSIGNED_LEFT,
	L_CAMPAIGN_FORECAST, L_EMAIL_CARRIED, L_EMAIL_CARRIED_NEW,
	L_STATE_DURATION, L_TALK_DURATION, L_HOLD_DURATION, L_ITEMS,
	L_SERVICES,
	FIG_N
};

/* A person's name: display text and an ASCII form for login ids. */
struct person {
	const char *first, *last;
	const char *first_ascii, *last_ascii;
	bool family_first;	/* shown "last first" (Chinese, Japanese) */
};

/* A waiting interaction. */
struct sim_call {
	double arrived;		/* absolute sim time it joined the queue */
	/* when the caller abandons (INFINITY: never) */
	double giveup;
};

struct sim_queue {
	struct sim_call *v;
	size_t n, cap;
};

struct sim_team {
	char id[SIM_ID_LEN];
	char *name;
	int *svcs;		/* services this team serves */
	size_t nsvcs;
	int logged, ready, busy;	/* census */
};

struct sim_service {
	char id[SIM_ID_LEN];
	char *name;
	enum media media;
	int priority;
	double rate;		/* arrivals per hour at the day's peak */
	double sl_threshold;	/* seconds */
	double sl_target;	/* percent */
	double mean_talk, mean_acw, patience;
	int *teams;		/* teams serving it */
	size_t nteams;
	struct sim_queue queue;
	double cb_waiting;	/* callbacks waiting */
	double carried_over;	/* emails from yesterday at start of day */
	double rec_total, rec_done, rec_dnc;	/* outbound calling list */
	double tally[FIG_NTALLY];
	unsigned disp[SIM_NDISP];
	int ringing, talking, wrapping;	/* census */
	/* Set by wallboard-sim's control (sim_pin_service), until reset. */
	bool pin_waiting, pin_longest;	/* the figures below are shown */
	double pinned_waiting, pinned_longest;
	char *name0;		/* renamed: the name it was built with */
};

struct sim_agent {
	char id[SIM_ID_LEN];
	const char *first, *last;	/* static name tables */
	char *login_id, *full;
	char ext[8];
	int team;
	enum agent_state state;
	const char *reason;	/* not-ready reason, NULL for none */
	double since, until;	/* state start and scheduled end */
	double login_at;	/* when logged in (absolute) */
	double shift_start, shift_end;	/* absolute, today's shift */
	double breaks[3];	/* absolute start of each scheduled break */
	int next_break;		/* index in breaks, 3 when done */
	/* the current interaction (state busy or after_call_work) */
	int svc;		/* -1 none */
	bool outbound;
	unsigned item;		/* interaction id */
	double call_at, ring_len, hold_at, hold_len;
	struct person party;
	double tally[FIG_NTALLY];
	unsigned disp[SIM_NDISP];
};

/* An internal chat message. */
struct sim_msg {
	unsigned id;
	const char *login_id, *first, *last;	/* owned by the model */
	double sent;		/* absolute sim time */
	bool urgent;
	char *content;
};

struct sim {
	struct sim_options opt;
	uint64_t rng;
	double t;		/* absolute sim seconds */
	long day;		/* floor(t / SIM_DAY) last seen */
	double epoch0;		/* wall-clock epoch of day 0's midnight */
	/* now_mono() at the last sim_advance, 0 = none */
	double last_real;
	unsigned next_item, next_msg;
	double census_t;	/* t of the last census, -1 = stale */

	struct sim_agent *agents;
	int nagents;
	struct sim_service *svcs;
	int nsvcs;
	struct sim_team *teams;
	int nteams;

	/* ring, newest at msgs[(msg_head - 1) % cap] */
	struct sim_msg *msgs;
	int msg_cap, msg_n, msg_head;

	int max_columns, max_grids;	/* subscription limits (a view's) */

	/*
	 * Another server's vocabulary, for tests of the client's tolerance:
	 * its words for agent states (NULL: the view's own) and the scale it
	 * sends shares in (0: the catalogue's; 1: fractions; 100: percent).
	 */
	char *state_words[AS_ACW + 1];
	double share_scale;
	/*
	 * Names a rename replaced, kept until the end: a view may hold
	 * them (an index of names built once).
	 */
	char **old_names;
	size_t nold_names;
};

/* --- sim.c: random numbers and model queries --- */
/* The word a view sends for state st: the one set by control, or native. */
const char *sim_state_text(const struct sim *s, enum agent_state st,
			   const char *native);
uint64_t sim_rand(struct sim *s);
double sim_uniform(struct sim *s);		/* [0, 1) */
int sim_rand_int(struct sim *s, int n);		/* [0, n) */
bool sim_chance(struct sim *s, double p);	/* true with probability p */
/* How busy the day is at t (0 at night, 1 at the peak). */
double sim_day_load(double t);
/* True in the hours the outbound dialer works. */
bool sim_dialer_hours(double t);
/* Now and then a chat message (chat.c). */
void sim_chat_tick(struct sim *s, double dt);
/* Update the team and service census for now (cheap when already done). */
void sim_census(struct sim *s);
/* Figures of one service, one agent, and totals over a set of services
 * (selected[i] for service i; NULL = all). f has FIG_N entries. */
void sim_service_figures(struct sim *s, int svc, double *f);
void sim_agent_figures(struct sim *s, const struct sim_agent *a, double *f);
void sim_total_figures(struct sim *s, const bool *selected, double *f);
/* True when agent a's team serves service svc. */
bool sim_agent_serves(const struct sim *s, const struct sim_agent *a, int svc);
/* The epoch seconds of absolute sim time t. */
double sim_epoch(const struct sim *s, double t);
/* Index of a service by id or name, -1 when none. */
int sim_find_service(const struct sim *s, const char *key);
/* Index of a team by id or name, -1 when none. */
int sim_find_team(const struct sim *s, const char *key);
/* The newest chat message first: i = 0 newest; NULL past the end. */
const struct sim_msg *sim_message(const struct sim *s, int i);

/* --- names.c --- */
extern const char *const sim_dispositions[SIM_NDISP];
extern const bool sim_disposition_success[SIM_NDISP];
/* A random person's name. */
void names_person(struct sim *s, struct person *p);
/* Agent i's name: fixed showcase names for the first few, then random. */
void names_agent(struct sim *s, int i, struct person *p);
/* "First Last", or "Last First" for family-first names (malloc'd). */
char *names_full(const struct person *p);
/* A login id unique within set, from a person's ASCII name (malloc'd). */
struct name_set;
struct name_set *name_set_new(size_t expected);
void name_set_free(struct name_set *set);
char *names_login_id(struct name_set *set, const struct person *p);
/* Service i's name and media (malloc'd), team i's name (malloc'd). */
char *names_service(int i, enum media *media);
char *names_team(int i);
/* Not-ready reasons: breaks by schedule slot, and unplanned ones. */
const char *names_break_reason(int slot);
const char *names_unplanned_reason(struct sim *s, double *mean_len);
/* A chat message text; urgent says whether it is urgent (malloc'd). */
char *names_chat(struct sim *s, bool *urgent);
/* A supervisor who sends chat messages: login id and name. */
void names_supervisor(struct sim *s, const char **login_id,
		      const char **first, const char **last);
/* A GUID-like id from the model's random numbers. */
void names_guid(struct sim *s, char out[SIM_ID_LEN]);

#endif
