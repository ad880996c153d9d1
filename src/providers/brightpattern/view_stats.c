/*
 * view_stats.c - the statistics of the simulated Bright Pattern server:
 * every name resolved once, when a subscription is made, into a stat_ref
 * (a row of figure_stats: arithmetic over the model's figures, see
 * sim_internal.h; a row of text_stats: names, states, the current
 * interaction; the dispositions counts; or a stable made-up value by the
 * catalogue's kind), and the value of each for the totals, a service or an
 * agent. Values are text, as the real server sends them: counts as
 * integers, durations in whole seconds, shares as the catalogue's
 * pct_scale says (fractions 0-1 or 0-100), "" where there is nothing yet.
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/view_internal.h"

/* --- statistics: names to values --------------------------------------- */

enum op {
	OP_NUM,		/* f[a], rounded */
	OP_AVG,		/* f[a] / f[b] rounded; "" when f[b] is 0 */
	OP_RATIO,	/* f[a] / f[b] as the catalogue's pct_scale says */
	OP_PER_HOUR,	/* f[a] per hour of f[b] seconds, one decimal */
	OP_DIFF,	/* f[a] - f[b], at least 0 */
	OP_DEC,		/* f[a], one decimal */
	OP_ZERO		/* always 0 here */
};

struct figure_stat {
	const char *name;
	unsigned char op, a, b;
};

static const struct figure_stat figure_stats[] = {
	{ "active_item_hold_duration", OP_NUM, L_HOLD_DURATION, 0 },
	{ "active_item_is_flagged", OP_ZERO, 0, 0 },
	{ "active_item_talk_duration", OP_NUM, L_TALK_DURATION, 0 },
	{ "agent_call_handling_rate", OP_PER_HOUR, T_HANDLED_ALL,
	  T_LOGGED_TIME },
	{ "agent_total_ready_time", OP_NUM, T_READY_TIME, 0 },
	{ "agents_logged", OP_NUM, L_LOGGED, 0 },
	{ "agents_ready", OP_NUM, L_READY, 0 },
	{ "calls_average_acw_time_per_day", OP_AVG, T_ACW, T_HANDLED_ALL },
	{ "calls_average_handling_time_per_day", OP_AVG, T_HANDLE,
	  T_HANDLED_ALL },
	{ "hold_duration", OP_NUM, L_HOLD_DURATION, 0 },
	{ "in_average_speed_of_answer", OP_AVG, T_WAIT, T_ANSWERED },
	{ "in_callbacks_abandoned_per_day", OP_NUM, T_CB_ABANDONED, 0 },
	{ "in_callbacks_answered_per_day", OP_NUM, T_CB_ANSWERED, 0 },
	{ "in_callbacks_cancelled_per_day", OP_NUM, T_CB_CANCELLED, 0 },
	{ "in_callbacks_failed_per_day", OP_NUM, T_CB_FAILED, 0 },
	{ "in_callbacks_queued_per_day", OP_NUM, T_CB_QUEUED, 0 },
	{ "in_callbacks_requested_per_day", OP_NUM, T_CB_REQUESTED, 0 },
	{ "in_callbacks_waiting", OP_NUM, L_CB_WAITING, 0 },
	{ "in_calls_abandoned_in_ivr_per_day", OP_NUM, T_IVR_ABANDONED, 0 },
	{ "in_calls_abandoned_in_queue_per_day", OP_NUM, T_ABANDONED_Q, 0 },
	{ "in_calls_abandoned_in_queue_ratio_per_day", OP_RATIO, T_ABANDONED_Q,
	  T_QUEUED },
	{ "in_calls_abandoned_percent_per_day", OP_RATIO, T_ABANDONED,
	  T_RECEIVED },
	{ "in_calls_abandoned_ringing_per_day", OP_NUM, T_ABANDONED_RING, 0 },
	{ "in_calls_abandoned_total_per_day", OP_NUM, T_ABANDONED, 0 },
	{ "in_calls_active_on_agents", OP_NUM, L_ACTIVE, 0 },
	{ "in_calls_disconnected_talking_per_day", OP_NUM, T_DISCONNECTED, 0 },
	{ "in_calls_dropped_in_ivr_per_day", OP_NUM, T_IVR_DROPPED, 0 },
	{ "in_calls_dropped_in_queue_per_day", OP_NUM, T_DROPPED_Q, 0 },
	{ "in_calls_dropped_ringing_per_day", OP_NUM, T_DROPPED_RING, 0 },
	{ "in_calls_dropped_talking_per_day", OP_NUM, T_DROPPED_TALK, 0 },
	{ "in_calls_duration_average_per_day", OP_AVG, T_TALK, T_HANDLED },
	{ "in_calls_duration_total_per_day", OP_NUM, T_TALK, 0 },
	{ "in_calls_first_time_handled_per_day", OP_DIFF, T_HANDLED,
	  T_TRANSFERS_IN },
	{ "in_calls_first_time_put_on_hold_per_day", OP_NUM, T_HOLD_FIRST, 0 },
	{ "in_calls_first_time_queued_per_day", OP_DIFF, T_QUEUED,
	  T_TRANSFERS_IN },
	{ "in_calls_handled_per_day", OP_NUM, T_HANDLED, 0 },
	{ "in_calls_handled_percent_per_day", OP_RATIO, T_HANDLED, T_RECEIVED },
	{ "in_calls_in_ivr", OP_NUM, L_IVR, 0 },
	{ "in_calls_in_progress", OP_NUM, L_IN_PROGRESS, 0 },
	{ "in_calls_put_on_hold_per_day", OP_NUM, T_HOLD, 0 },
	{ "in_calls_queued_per_day", OP_NUM, T_QUEUED, 0 },
	{ "in_calls_received_per_day", OP_NUM, T_RECEIVED, 0 },
	{ "in_calls_rejected_per_day", OP_NUM, T_REJECTED, 0 },
	{ "in_calls_ringing", OP_NUM, L_RINGING, 0 },
	{ "in_calls_routed_per_day", OP_NUM, T_ROUTED, 0 },
	{ "in_calls_self_serviced_per_day", OP_NUM, T_IVR_SELF, 0 },
	{ "in_calls_short_abandoned_in_queue_per_day", OP_NUM,
	  T_ABANDONED_SHORT, 0 },
	{ "in_calls_short_abandoned_in_queue_ratio_per_day", OP_RATIO,
	  T_ABANDONED_SHORT, T_QUEUED },
	{ "in_calls_talking", OP_NUM, L_ACTIVE, 0 },
	{ "in_calls_transferred_per_day", OP_NUM, T_TRANSFERRED, 0 },
	{ "in_calls_waiting", OP_NUM, L_WAITING, 0 },
	{ "in_calls_waiting_or_active", OP_NUM, L_IN_PROGRESS, 0 },
	{ "in_email_carried_over", OP_NUM, L_EMAIL_CARRIED, 0 },
	{ "in_email_carried_over_new", OP_NUM, L_EMAIL_CARRIED_NEW, 0 },
	{ "in_email_offered_per_day", OP_NUM, T_EMAIL_OFFERED, 0 },
	{ "in_email_processed_noreply_per_day", OP_NUM, T_EMAIL_NOREPLY, 0 },
	{ "in_email_processed_replied_per_day", OP_NUM, T_EMAIL_REPLIED, 0 },
	{ "in_email_pulled_per_day", OP_NUM, T_EMAIL_PULLED, 0 },
	{ "in_email_received_new_per_day", OP_NUM, T_EMAIL_NEW, 0 },
	{ "in_email_waiting_in_all_queues", OP_NUM, L_IN_PROGRESS, 0 },
	{ "in_emails_joined_existing_queue", OP_NUM, T_EMAIL_JOINED, 0 },
	{ "in_ewt", OP_NUM, L_EWT, 0 },
	{ "in_max_wait_time", OP_NUM, L_MAX_WAIT, 0 },
	{ "in_transfers_received_per_day", OP_NUM, T_TRANSFERS_IN, 0 },
	{ "is_enabled", OP_NUM, L_ENABLED, 0 },
	{ "is_flagged", OP_ZERO, 0, 0 },
	{ "is_logged", OP_NUM, L_LOGGED, 0 },
	{ "items", OP_NUM, L_ITEMS, 0 },
	{ "out_average_success_rate", OP_RATIO, T_OUT_ANSWERED, T_OUT_PLACED },
	{ "out_calls_abandoned_in_ivr_per_day", OP_NUM, T_OUT_ABANDONED_IVR,
	  0 },
	{ "out_calls_abandoned_in_ivr_ratio_per_day", OP_RATIO,
	  T_OUT_ABANDONED_IVR, T_OUT_ANSWERED },
	{ "out_calls_abandoned_in_queue_per_day", OP_NUM, T_OUT_ABANDONED_Q,
	  0 },
	{ "out_calls_abandoned_in_queue_ratio_per_day", OP_RATIO,
	  T_OUT_ABANDONED_Q, T_OUT_ANSWERED },
	{ "out_calls_abandoned_per_day", OP_NUM, T_OUT_ABANDONED, 0 },
	{ "out_calls_abandoned_ratio_per_day", OP_RATIO, T_OUT_ABANDONED,
	  T_OUT_ANSWERED },
	{ "out_calls_abandoned_ringing_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_active_on_agents", OP_NUM, L_OUT_ACTIVE, 0 },
	{ "out_calls_answered_per_day", OP_NUM, T_OUT_ANSWERED, 0 },
	{ "out_calls_answered_ratio_per_day", OP_RATIO, T_OUT_ANSWERED,
	  T_OUT_PLACED },
	{ "out_calls_current_call_rate", OP_DEC, L_CALL_RATE, 0 },
	{ "out_calls_disconnected_talking_per_day", OP_NUM, T_OUT_DISCONNECTED,
	  0 },
	{ "out_calls_dropped_in_ivr_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_dropped_in_queue_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_dropped_ringing_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_dropped_talking_per_day", OP_NUM, T_OUT_DROPPED_TALK, 0 },
	{ "out_calls_duration_average_per_day", OP_AVG, T_OUT_TALK,
	  T_OUT_HANDLED },
	{ "out_calls_duration_total_per_day", OP_NUM, T_OUT_TALK, 0 },
	{ "out_calls_failed_per_day", OP_NUM, T_OUT_FAILED, 0 },
	{ "out_calls_handled_per_day", OP_NUM, T_OUT_HANDLED, 0 },
	{ "out_calls_in_ivr", OP_ZERO, 0, 0 },
	{ "out_calls_in_progress", OP_NUM, L_OUT_IN_PROGRESS, 0 },
	{ "out_calls_placed_per_day", OP_NUM, T_OUT_PLACED, 0 },
	{ "out_calls_queued_per_day", OP_NUM, T_OUT_QUEUED, 0 },
	{ "out_calls_rejected_per_day", OP_NUM, T_OUT_REJECTED, 0 },
	{ "out_calls_ringing", OP_NUM, L_OUT_RINGING, 0 },
	{ "out_calls_routed_per_day", OP_NUM, T_OUT_ROUTED, 0 },
	{ "out_calls_self_serviced_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_talking", OP_NUM, L_OUT_ACTIVE, 0 },
	{ "out_calls_transferred_per_day", OP_NUM, T_OUT_TRANSFERRED, 0 },
	{ "out_calls_unattended_per_day", OP_NUM, T_OUT_UNATTENDED, 0 },
	{ "out_calls_unattended_ratio_per_day", OP_RATIO, T_OUT_UNATTENDED,
	  T_OUT_ANSWERED },
	{ "out_calls_waiting", OP_NUM, L_OUT_WAITING, 0 },
	{ "out_campaign_duration_forecast", OP_NUM, L_CAMPAIGN_FORECAST, 0 },
	{ "priority", OP_NUM, L_PRIORITY, 0 },
	{ "qm_is_recording", OP_NUM, L_ITEMS, 0 },
	{ "records_accepted_per_day", OP_NUM, T_REC_ACCEPTED, 0 },
	{ "records_attempted_per_day", OP_NUM, T_REC_ATTEMPTED, 0 },
	{ "records_attempted_ratio_per_day", OP_RATIO, T_REC_ATTEMPTED,
	  L_REC_TOTAL },
	{ "records_completed", OP_NUM, L_REC_COMPLETED, 0 },
	{ "records_completed_per_day", OP_NUM, T_REC_COMPLETED, 0 },
	{ "records_completed_ratio", OP_RATIO, L_REC_COMPLETED, L_REC_TOTAL },
	{ "records_completed_ratio_per_day", OP_RATIO, T_REC_COMPLETED,
	  T_REC_ATTEMPTED },
	{ "records_dialable", OP_NUM, L_REC_DIALABLE, 0 },
	{ "records_expired", OP_NUM, L_REC_EXPIRED, 0 },
	{ "records_in_dnc", OP_NUM, L_REC_DNC, 0 },
	{ "records_out_of_quota", OP_NUM, L_REC_OUT_OF_QUOTA, 0 },
	{ "records_quota", OP_NUM, L_REC_QUOTA, 0 },
	{ "records_remaining", OP_NUM, L_REC_REMAINING, 0 },
	{ "records_skipped_per_day", OP_NUM, T_REC_SKIPPED, 0 },
	{ "records_skipped_ratio_per_day", OP_RATIO, T_REC_SKIPPED,
	  T_REC_ACCEPTED },
	{ "records_successes", OP_NUM, L_REC_SUCCESSES, 0 },
	{ "records_total", OP_NUM, L_REC_TOTAL, 0 },
	{ "records_with_assigned_agents_completed", OP_NUM, L_REC_ASSIGNED_DONE,
	  0 },
	{ "records_with_assigned_agents_remaining", OP_NUM, L_REC_ASSIGNED_LEFT,
	  0 },
	{ "service_level", OP_RATIO, T_ANSWERED_SL, T_ANSWERED },
	{ "service_level_target", OP_NUM, L_SL_TARGET, 0 },
	{ "service_level_threshold_time", OP_NUM, L_SL_THRESHOLD, 0 },
	{ "state_duration", OP_NUM, L_STATE_DURATION, 0 },
	{ "talk_duration", OP_NUM, L_TALK_DURATION, 0 },
	{ "team_success_ratio_per_day", OP_RATIO, T_SUCCESS, T_HANDLED_ALL },
};

/* Texts the model knows, for an agent (TX_*) or a service (SX_*). */
enum text_id {
	TX_NONE, TX_LOGIN_ID, TX_FIRST, TX_LAST, TX_FULL, TX_EXT,
	TX_ACD_STATE, TX_NEXT_STATE, TX_REASON, TX_NEXT_REASON, TX_LOGIN_TIME,
	TX_ITEM_ID, TX_ITEM_SVC_ID, TX_ITEM_SVC_NAME, TX_MEDIA, TX_ITEM_STATE,
	TX_DIRECTION, TX_PARTY_NAME, TX_PARTY_FIRST, TX_PARTY_LAST, TX_LIST_ID,
	SX_NAME, SX_STATE, SX_MEDIA, SX_CAMPAIGN_MODE, SX_RECORDS_PROGRESS,
	SX_LIST_ID
};

struct text_stat {
	const char *name;
	unsigned char agent, service;
};

static const struct text_stat text_stats[] = {
	{ "acd_next_state", TX_NEXT_STATE, TX_NONE },
	{ "acd_state", TX_ACD_STATE, TX_NONE },
	{ "active_item_direction", TX_DIRECTION, TX_NONE },
	{ "active_item_id", TX_ITEM_ID, TX_NONE },
	{ "active_item_media_type", TX_MEDIA, TX_NONE },
	{ "active_item_party_firstname", TX_PARTY_FIRST, TX_NONE },
	{ "active_item_party_lastname", TX_PARTY_LAST, TX_NONE },
	{ "active_item_party_name", TX_PARTY_NAME, TX_NONE },
	{ "active_item_service_id", TX_ITEM_SVC_ID, TX_NONE },
	{ "active_item_service_name", TX_ITEM_SVC_NAME, TX_NONE },
	{ "active_item_state", TX_ITEM_STATE, TX_NONE },
	{ "direction", TX_DIRECTION, TX_NONE },
	{ "extension", TX_EXT, TX_NONE },
	{ "first_last_name", TX_FULL, TX_NONE },
	{ "firstname", TX_FIRST, TX_NONE },
	{ "lastname", TX_LAST, TX_NONE },
	{ "list_id", TX_LIST_ID, SX_LIST_ID },
	{ "login_id", TX_LOGIN_ID, TX_NONE },
	{ "login_time", TX_LOGIN_TIME, TX_NONE },
	{ "media_type", TX_MEDIA, SX_MEDIA },
	{ "name", TX_FULL, SX_NAME },
	{ "next_reason", TX_NEXT_REASON, TX_NONE },
	{ "out_campaign_mode", TX_NONE, SX_CAMPAIGN_MODE },
	{ "party_firstname", TX_PARTY_FIRST, TX_NONE },
	{ "party_lastname", TX_PARTY_LAST, TX_NONE },
	{ "party_name", TX_PARTY_NAME, TX_NONE },
	{ "reason", TX_REASON, TX_NONE },
	{ "records_progress", TX_NONE, SX_RECORDS_PROGRESS },
	{ "service_name", TX_ITEM_SVC_NAME, SX_NAME },
	{ "state", TX_ITEM_STATE, SX_STATE },
};

#define DISP_COUNT "calls_dispositions_per_day"
#define DISP_RATIO "calls_dispositions_ratio_per_day"

/* FNV-1a of a name, to make stable values for what the model lacks. */
static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Resolve a statistic name (kept by pointer: it lives in the subscription). */
void view_stat_resolve(struct stat_ref *r, const char *name)
{
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->info = catalog_find(&catalog_brightpattern, name);
	r->hash = name_hash(name);
	if (r->info == NULL)
		return;
	for (size_t i = 0; i < WB_ARRAY_LEN(figure_stats); i++)
		if (strcmp(figure_stats[i].name, name) == 0)
			r->fig = &figure_stats[i];
	for (size_t i = 0; i < WB_ARRAY_LEN(text_stats); i++)
		if (strcmp(text_stats[i].name, name) == 0)
			r->text = &text_stats[i];
	r->disp_count = strcmp(name, DISP_COUNT) == 0;
	r->disp_ratio = strcmp(name, DISP_RATIO) == 0;
}

/* --- values ------------------------------------------------------------- */

/* A whole number. */
static void put_int(struct buf *out, double v)
{
	buf_printf(out, "%.0f", floor(v + 0.5));
}

/*
 * A share a/b as the catalogue wants it, a fraction or 0-100, unless the
 * model speaks as another server that sends every share one way.
 */
static void put_ratio(const struct sim *s, struct buf *out,
		      const struct stat_info *info, double a, double b)
{
	double r = a / b;
	bool percent = s->share_scale > 0 ? s->share_scale == 100 :
		       info->pct_scale == 1;

	r = r < 0 ? 0 : r > 1 ? 1 : r;
	if (percent)
		buf_printf(out, "%.0f", floor(r * 100 + 0.5));
	else
		buf_printf(out, "%.2f", r);
}

/* A value from the figures. */
static void figure_value(const struct sim *s, const struct stat_ref *r,
			 const double *f, struct buf *out)
{
	const struct figure_stat *fs = r->fig;
	double a = f[fs->a], b = f[fs->b];

	switch ((enum op)fs->op) {
	case OP_NUM:
		put_int(out, a);
		break;
	case OP_AVG:
		if (b > 0)
			put_int(out, a / b);
		break;
	case OP_RATIO:
		if (b > 0)
			put_ratio(s, out, r->info, a, b);
		break;
	case OP_PER_HOUR:
		if (b > 0)
			buf_printf(out, "%.1f", a * 3600 / b);
		break;
	case OP_DIFF:
		put_int(out, a > b ? a - b : 0);
		break;
	case OP_DEC:
		buf_printf(out, "%.1f", a);
		break;
	case OP_ZERO:
		buf_puts(out, "0");
		break;
	}
}

/* Dispositions counted (or as a share of handled calls) for a mask. */
static void disp_value(const struct sim *s, const struct stat_ref *r,
		       const struct ent *e, unsigned mask, struct buf *out)
{
	double n = 0;

	for (int d = 0; d < SIM_NDISP; d++)
		if (mask == 0 || (mask & (1u << d)))
			n += e->disp[d];
	if (r->disp_count)
		put_int(out, n);
	else if (e->f[T_HANDLED_ALL] > 0)
		put_ratio(s, out, r->info, n, e->f[T_HANDLED_ALL]);
}

/* How far the working day has gone, 0 to 1, for made-up daily counts. */
static double day_progress(const struct sim *s)
{
	double p = (sim_clock(s) - 7 * 3600) / (14 * 3600);

	return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* A stable made-up value of the statistic's kind, for what the model lacks. */
static void fallback_value(const struct sim *s, const struct stat_ref *r,
			   unsigned key, struct buf *out)
{
	unsigned h = (r->hash ^ (key * 2654435761u)) * 16777619u;

	h ^= h >> 15;
	switch (r->info->kind) {
	case STAT_COUNT:
		if (strstr(r->name, "_per_day") != NULL)
			put_int(out, (h % 40) * 10 * day_progress(s));
		else
			buf_printf(out, "%u", h % 10);
		break;
	case STAT_DURATION:
		buf_printf(out, "%u", 30 + h % 600);
		break;
	case STAT_PERCENT:
		put_ratio(s, out, r->info, h % 101, 100);
		break;
	case STAT_RATE:
		buf_printf(out, "%.1f", (h % 200) / 10.0);
		break;
	case STAT_TIME:
		buf_printf(out, "%.0f",
			   sim_epoch(s, floor(s->t / SIM_DAY) * SIM_DAY +
						8 * 3600 + h % 3600));
		break;
	case STAT_TEXT:
	case STAT_STATE:
		break;
	}
}

/* The ACD state word of an agent, "" when logged out. */
static const char *state_word(const struct sim *s, enum agent_state st)
{
	static const char *const words[] = {
		[AS_LOGGED_OUT] = "", [AS_READY] = "ready",
		[AS_NOT_READY] = "not_ready", [AS_BUSY] = "busy",
		[AS_ACW] = "after_call_work",
	};
	return sim_state_text(s, st, words[st]);
}

/* True when the agent will go not ready after this interaction. */
static bool break_pending(const struct sim *s, const struct sim_agent *a)
{
	return (a->state == AS_BUSY || a->state == AS_ACW) &&
	       a->next_break < 3 && s->t >= a->breaks[a->next_break];
}

/* The state of the agent's current interaction. */
static const char *item_state(const struct sim *s, const struct sim_agent *a)
{
	if (a->svc < 0)
		return "";
	if (a->state == AS_ACW)
		return "wrap_up";
	if (s->t - a->since < a->ring_len)
		return "ringing";
	if (s->t >= a->hold_at && s->t < a->hold_at + a->hold_len)
		return "on_hold";
	return "connected";
}

/* The media word of a service. */
static const char *media_word(enum media m)
{
	static const char *const words[] = {
		[MEDIA_VOICE] = "voice", [MEDIA_CHAT] = "chat",
		[MEDIA_EMAIL] = "email", [MEDIA_OUTBOUND] = "voice",
	};
	return words[m];
}

/* An agent's texts about its state and login. */
static void agent_state_text(const struct sim *s, const struct sim_agent *a,
			     int id, struct buf *out)
{
	switch (id) {
	case TX_ACD_STATE:
		buf_puts(out, state_word(s, a->state));
		break;
	case TX_NEXT_STATE:
		buf_puts(out, break_pending(s, a) ?
			 sim_state_text(s, AS_NOT_READY, "not_ready") : "");
		break;
	case TX_REASON:
		if (a->state == AS_NOT_READY && a->reason != NULL)
			buf_puts(out, a->reason);
		break;
	case TX_NEXT_REASON:
		if (break_pending(s, a))
			buf_puts(out, names_break_reason(a->next_break));
		break;
	case TX_LOGIN_TIME:
		if (a->state != AS_LOGGED_OUT)
			buf_printf(out, "%.0f",
				   floor(sim_epoch(s, a->login_at)));
		break;
	}
}

/* An agent's texts about its current interaction ("" when it has none). */
static void agent_item_text(const struct sim *s, const struct sim_agent *a,
			    int id, struct buf *out)
{
	const struct sim_service *sv;

	if (a->svc < 0)
		return;
	sv = &s->svcs[a->svc];
	switch (id) {
	case TX_ITEM_ID:
		buf_printf(out, "%u", a->item);
		break;
	case TX_ITEM_SVC_ID:
		buf_puts(out, sv->id);
		break;
	case TX_ITEM_SVC_NAME:
		buf_puts(out, sv->name);
		break;
	case TX_MEDIA:
		buf_puts(out, media_word(sv->media));
		break;
	case TX_ITEM_STATE:
		buf_puts(out, item_state(s, a));
		break;
	case TX_DIRECTION:
		buf_puts(out, a->outbound ? "outbound" : "inbound");
		break;
	case TX_PARTY_FIRST:
		buf_puts(out, a->party.first);
		break;
	case TX_PARTY_LAST:
		buf_puts(out, a->party.last);
		break;
	case TX_PARTY_NAME:
		buf_printf(out, "%s %s", a->party.first, a->party.last);
		break;
	case TX_LIST_ID:
		if (a->outbound)
			buf_printf(out, "%s list", sv->name);
		break;
	}
}

/* An agent's text statistic. */
static void agent_text(const struct sim *s, const struct sim_agent *a, int id,
		       struct buf *out)
{
	switch (id) {
	case TX_LOGIN_ID:
		buf_puts(out, a->login_id);
		break;
	case TX_FIRST:
		buf_puts(out, a->first);
		break;
	case TX_LAST:
		buf_puts(out, a->last);
		break;
	case TX_FULL:
		buf_puts(out, a->full);
		break;
	case TX_EXT:
		buf_puts(out, a->ext);
		break;
	default:
		if (id >= TX_ACD_STATE && id <= TX_LOGIN_TIME)
			agent_state_text(s, a, id, out);
		else
			agent_item_text(s, a, id, out);
	}
}

/* A service's text statistic. */
static void service_text(const struct sim *s, const struct sim_service *sv,
			 int id, struct buf *out)
{
	bool campaign = sv->media == MEDIA_OUTBOUND;

	switch (id) {
	case SX_NAME:
		buf_puts(out, sv->name);
		break;
	case SX_MEDIA:
		buf_puts(out, media_word(sv->media));
		break;
	case SX_STATE:
		if (campaign)
			buf_puts(out, sv->rec_done < sv->rec_total
					      ? "Running"
					      : "Completed");
		break;
	case SX_CAMPAIGN_MODE:
		if (campaign)
			buf_puts(out, "Predictive");
		break;
	case SX_RECORDS_PROGRESS:
		if (campaign)
			buf_printf(out, "%.0f/%.0f", sv->rec_done,
				   sv->rec_total);
		break;
	case SX_LIST_ID:
		if (campaign)
			buf_printf(out, "%s list", sv->name);
		break;
	}
}

/* The text id this statistic has for this row, TX_NONE when none. */
static int text_for(const struct stat_ref *r, const struct ent *e)
{
	if (r->text == NULL)
		return TX_NONE;
	if (e->a != NULL)
		return r->text->agent;
	if (e->svc >= 0)
		return r->text->service;
	return TX_NONE;
}

/* The value of one statistic for a row or the totals, appended to out. */
void view_stat_value(struct sim *s, const struct ent *e,
		     const struct stat_ref *r, unsigned disp, struct buf *out)
{
	int tx = text_for(r, e);

	if (r->info == NULL)
		return;
	if (tx != TX_NONE && e->a != NULL)
		agent_text(s, e->a, tx, out);
	else if (tx != TX_NONE)
		service_text(s, &s->svcs[e->svc], tx, out);
	else if (r->text != NULL)
		return;
	else if (r->fig != NULL)
		figure_value(s, r, e->f, out);
	else if (r->disp_count || r->disp_ratio)
		disp_value(s, r, e, disp, out);
	else
		fallback_value(s, r, e->key, out);
}

/* A SUM column: the sum of its statistics' numeric values. */
static void sum_value(struct sim *s, const struct ent *e,
		      const struct sub_col *c, struct buf *out)
{
	struct buf one;
	double total = 0, v;
	bool any = false, whole = true;

	buf_init(&one);
	for (size_t i = 0; i < c->nsums; i++) {
		buf_reset(&one);
		view_stat_value(s, e, &c->sums[i], c->disp, &one);
		if (one.data == NULL || !parse_double(one.data, &v))
			continue;
		any = true;
		whole = whole && v == floor(v);
		total += v;
	}
	buf_free(&one);
	if (any && whole)
		put_int(out, total);
	else if (any)
		buf_printf(out, "%.2f", total);
}

/* A column's value for a row. */
void view_column_value(struct sim *s, const struct ent *e,
		       const struct sub_col *c, struct buf *out)
{
	if (c->sums != NULL)
		sum_value(s, e, c, out);
	else
		view_stat_value(s, e, &c->ref, c->disp, out);
}
