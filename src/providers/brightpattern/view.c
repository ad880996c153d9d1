/*
 * view.c - the simulated contact centre as a Bright Pattern statistics
 * server sees it: subscriptions in both dialects (the documented one and the
 * one of the vendor's own collection), data answers shaped after them, and
 * the configuration lists.
 *
 * Every statistic name is resolved once, when a subscription is made, into
 * a stat_ref: a row of figure_stats (arithmetic over the model's figures,
 * see sim_internal.h), a row of text_stats (names, states, the current
 * interaction), the dispositions counts, or a stable made-up value by the
 * catalogue's kind. Values go out as JSON strings, as the real server sends
 * them: counts as integers, durations in whole seconds, shares as the
 * catalogue's pct_scale says (fractions 0-1 or 0-100), "" where there is
 * nothing yet.
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "providers/brightpattern/parse.h"
#include "providers/brightpattern/view.h"
#include "sim/sim_internal.h"
#include "util.h"

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
	{ "agent_call_handling_rate", OP_PER_HOUR, T_HANDLED_ALL, T_LOGGED_TIME },
	{ "agent_total_ready_time", OP_NUM, T_READY_TIME, 0 },
	{ "agents_logged", OP_NUM, L_LOGGED, 0 },
	{ "agents_ready", OP_NUM, L_READY, 0 },
	{ "calls_average_acw_time_per_day", OP_AVG, T_ACW, T_HANDLED_ALL },
	{ "calls_average_handling_time_per_day", OP_AVG, T_HANDLE, T_HANDLED_ALL },
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
	{ "in_calls_abandoned_in_queue_ratio_per_day", OP_RATIO, T_ABANDONED_Q, T_QUEUED },
	{ "in_calls_abandoned_percent_per_day", OP_RATIO, T_ABANDONED, T_RECEIVED },
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
	{ "in_calls_first_time_handled_per_day", OP_DIFF, T_HANDLED, T_TRANSFERS_IN },
	{ "in_calls_first_time_put_on_hold_per_day", OP_NUM, T_HOLD_FIRST, 0 },
	{ "in_calls_first_time_queued_per_day", OP_DIFF, T_QUEUED, T_TRANSFERS_IN },
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
	{ "in_calls_short_abandoned_in_queue_per_day", OP_NUM, T_ABANDONED_SHORT, 0 },
	{ "in_calls_short_abandoned_in_queue_ratio_per_day", OP_RATIO, T_ABANDONED_SHORT, T_QUEUED },
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
	{ "out_calls_abandoned_in_ivr_per_day", OP_NUM, T_OUT_ABANDONED_IVR, 0 },
	{ "out_calls_abandoned_in_ivr_ratio_per_day", OP_RATIO, T_OUT_ABANDONED_IVR, T_OUT_ANSWERED },
	{ "out_calls_abandoned_in_queue_per_day", OP_NUM, T_OUT_ABANDONED_Q, 0 },
	{ "out_calls_abandoned_in_queue_ratio_per_day", OP_RATIO, T_OUT_ABANDONED_Q, T_OUT_ANSWERED },
	{ "out_calls_abandoned_per_day", OP_NUM, T_OUT_ABANDONED, 0 },
	{ "out_calls_abandoned_ratio_per_day", OP_RATIO, T_OUT_ABANDONED, T_OUT_ANSWERED },
	{ "out_calls_abandoned_ringing_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_active_on_agents", OP_NUM, L_OUT_ACTIVE, 0 },
	{ "out_calls_answered_per_day", OP_NUM, T_OUT_ANSWERED, 0 },
	{ "out_calls_answered_ratio_per_day", OP_RATIO, T_OUT_ANSWERED, T_OUT_PLACED },
	{ "out_calls_current_call_rate", OP_DEC, L_CALL_RATE, 0 },
	{ "out_calls_disconnected_talking_per_day", OP_NUM, T_OUT_DISCONNECTED, 0 },
	{ "out_calls_dropped_in_ivr_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_dropped_in_queue_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_dropped_ringing_per_day", OP_ZERO, 0, 0 },
	{ "out_calls_dropped_talking_per_day", OP_NUM, T_OUT_DROPPED_TALK, 0 },
	{ "out_calls_duration_average_per_day", OP_AVG, T_OUT_TALK, T_OUT_HANDLED },
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
	{ "out_calls_unattended_ratio_per_day", OP_RATIO, T_OUT_UNATTENDED, T_OUT_ANSWERED },
	{ "out_calls_waiting", OP_NUM, L_OUT_WAITING, 0 },
	{ "out_campaign_duration_forecast", OP_NUM, L_CAMPAIGN_FORECAST, 0 },
	{ "priority", OP_NUM, L_PRIORITY, 0 },
	{ "qm_is_recording", OP_NUM, L_ITEMS, 0 },
	{ "records_accepted_per_day", OP_NUM, T_REC_ACCEPTED, 0 },
	{ "records_attempted_per_day", OP_NUM, T_REC_ATTEMPTED, 0 },
	{ "records_attempted_ratio_per_day", OP_RATIO, T_REC_ATTEMPTED, L_REC_TOTAL },
	{ "records_completed", OP_NUM, L_REC_COMPLETED, 0 },
	{ "records_completed_per_day", OP_NUM, T_REC_COMPLETED, 0 },
	{ "records_completed_ratio", OP_RATIO, L_REC_COMPLETED, L_REC_TOTAL },
	{ "records_completed_ratio_per_day", OP_RATIO, T_REC_COMPLETED, T_REC_ATTEMPTED },
	{ "records_dialable", OP_NUM, L_REC_DIALABLE, 0 },
	{ "records_expired", OP_NUM, L_REC_EXPIRED, 0 },
	{ "records_in_dnc", OP_NUM, L_REC_DNC, 0 },
	{ "records_out_of_quota", OP_NUM, L_REC_OUT_OF_QUOTA, 0 },
	{ "records_quota", OP_NUM, L_REC_QUOTA, 0 },
	{ "records_remaining", OP_NUM, L_REC_REMAINING, 0 },
	{ "records_skipped_per_day", OP_NUM, T_REC_SKIPPED, 0 },
	{ "records_skipped_ratio_per_day", OP_RATIO, T_REC_SKIPPED, T_REC_ACCEPTED },
	{ "records_successes", OP_NUM, L_REC_SUCCESSES, 0 },
	{ "records_total", OP_NUM, L_REC_TOTAL, 0 },
	{ "records_with_assigned_agents_completed", OP_NUM, L_REC_ASSIGNED_DONE, 0 },
	{ "records_with_assigned_agents_remaining", OP_NUM, L_REC_ASSIGNED_LEFT, 0 },
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

/* A statistic name resolved once, at subscription. */
struct stat_ref {
	const char *name;
	const struct stat_info *info;	/* NULL: unknown, the value is "" */
	const struct figure_stat *fig;
	const struct text_stat *text;
	bool disp_count, disp_ratio;
	unsigned hash;
};

/* FNV-1a of a name, to make stable values for what the model lacks. */
static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Resolve a statistic name (kept by pointer: it lives in the subscription). */
static void stat_resolve(struct stat_ref *r, const char *name)
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

/* --- subscriptions ---------------------------------------------------- */

enum filter_op { F_EQ, F_NE, F_LT, F_GT, F_LE, F_GE };
static const char *const filter_ops[] = { "EQ", "NE", "LT", "GT", "LE", "GE" };

struct sub_col {
	char *id;
	char *stat;
	struct stat_ref ref;		/* when not a SUM */
	char **sum_names;
	struct stat_ref *sums;		/* a SUM's statistics */
	size_t nsums;
	unsigned disp;			/* dispositions mask, 0 = all */
};

struct sort_key {
	int col;
	bool desc;
};

struct sub_grid {
	char *id;
	bool agents;
	struct sub_col *cols;
	size_t ncols;
	struct sort_key *order;
	size_t norder;
	long limit;			/* -1: all rows */
	int filter_col;			/* -1: none */
	char *filter_value;
	enum filter_op filter_op;
	char **teams, **svcs;		/* team_ids, service_ids: ids or names */
	size_t nteams, nsvcs;
	bool logged_only;
};

struct sub_app {
	char *id;
	bool has_totals, has_sgrids, has_agrids, has_chat;
	char **total_names;
	struct stat_ref *totals;
	size_t ntotals;
	char **total_svcs;
	size_t ntotal_svcs;
	unsigned total_disp;
	struct sub_grid *grids;		/* service and agent grids, in order */
	size_t ngrids;
	char *chat_filter;
	long chat_limit;
};

struct sim_sub {
	struct sub_app *apps;
	size_t napps;
};

/* The state of one parse: the first error wins. */
struct parse {
	struct sim *s;
	char *err;
	size_t errsz;
	bool failed;
	int ngrids;
};

/* Record the first error; returns false for the caller to pass on. */
static bool WB_PRINTF(2, 3) fail(struct parse *p, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return false;
	p->failed = true;
	if (p->err != NULL && p->errsz > 0) {
		va_start(ap, fmt);
		vsnprintf(p->err, p->errsz, fmt, ap);
		va_end(ap);
	}
	return false;
}

/* An id given as a string or an integer, as text (malloc'd), else NULL. */
static char *id_text(json_t *v)
{
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_integer(v))
		return xasprintf("%lld", (long long)json_integer_value(v));
	return NULL;
}

/* True when an optional member is absent, null or "". */
static bool json_none(json_t *v)
{
	return v == NULL || json_is_null(v) ||
	       (json_is_string(v) && *json_string_value(v) == '\0');
}

/* A limit as a string of digits or an integer; 0 or absent means all. */
static bool parse_limit(json_t *v, long *out)
{
	double d;

	*out = -1;
	if (json_none(v))
		return true;
	if (json_is_integer(v))
		d = (double)json_integer_value(v);
	else if (!json_is_string(v) || !parse_double(json_string_value(v), &d))
		return false;
	if (d < 0 || d != floor(d) || d > 1e9)
		return false;
	*out = d > 0 ? (long)d : -1;
	return true;
}

/* A flag as a JSON boolean, a number, or "true"/"false"/"1"/"0". */
static bool parse_flag(json_t *v, bool *out)
{
	const char *t;

	if (v == NULL || json_is_null(v)) {
		*out = false;
		return true;
	}
	if (json_is_boolean(v) || json_is_integer(v)) {
		*out = json_is_true(v) || (json_is_integer(v) && json_integer_value(v));
		return true;
	}
	if (!json_is_string(v))
		return false;
	t = json_string_value(v);
	*out = strcasecmp(t, "true") == 0 || strcmp(t, "1") == 0;
	return *out || strcasecmp(t, "false") == 0 || strcmp(t, "0") == 0 ||
	       *t == '\0';
}

/* An optional array of strings (NULL is an empty one). */
static bool parse_strings(struct parse *p, json_t *v, const char *what,
			  char ***out, size_t *n)
{
	size_t i;
	json_t *e;

	*out = NULL;
	*n = 0;
	if (v == NULL || json_is_null(v))
		return true;
	if (!json_is_array(v))
		return fail(p, "%s must be an array of strings", what);
	*out = xcalloc(json_array_size(v) + 1, sizeof(char *));
	json_array_foreach(v, i, e) {
		if (!json_is_string(e))
			return fail(p, "%s must be an array of strings", what);
		(*out)[(*n)++] = xstrdup(json_string_value(e));
	}
	return true;
}

/* Free a list of strings. */
static void strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Dispositions by name as a mask (unknown names select nothing). */
static bool parse_dispositions(struct parse *p, json_t *v, const char *what,
			       unsigned *mask)
{
	char **names;
	size_t n;

	*mask = 0;
	if (!parse_strings(p, v, what, &names, &n)) {
		strings_free(names, n);	/* what was read before the bad entry */
		return false;
	}
	for (size_t i = 0; i < n; i++)
		for (int d = 0; d < SIM_NDISP; d++)
			if (strcmp(names[i], sim_dispositions[d]) == 0)
				*mask |= 1u << d;
	if (n > 0 && *mask == 0)
		*mask = 1u << SIM_NDISP;	/* only unknown names: none */
	strings_free(names, n);
	return true;
}

/* A column: {"id", "stat_name"|"statName", "sum_stat_names", "dispositions"}. */
static bool parse_column(struct parse *p, const char *grid, json_t *v,
			 struct sub_col *c)
{
	json_t *stat;

	if (!json_is_object(v))
		return fail(p, "grid %s: a column is not an object", grid);
	c->id = id_text(json_object_get(v, "id"));
	if (c->id == NULL)
		return fail(p, "grid %s: a column has no id", grid);
	stat = json_object_get(v, "stat_name");
	if (stat == NULL)
		stat = json_object_get(v, "statName");
	if (!json_is_string(stat))
		return fail(p, "grid %s: column %s has no stat_name", grid, c->id);
	c->stat = xstrdup(json_string_value(stat));
	if (!parse_dispositions(p, json_object_get(v, "dispositions"),
				"dispositions", &c->disp))
		return false;
	if (strcmp(c->stat, "SUM") != 0) {
		stat_resolve(&c->ref, c->stat);
		return true;
	}
	if (!parse_strings(p, json_object_get(v, "sum_stat_names"),
			   "sum_stat_names", &c->sum_names, &c->nsums))
		return false;
	if (c->nsums == 0)
		return fail(p, "grid %s: column %s is a SUM without sum_stat_names",
			    grid, c->id);
	c->sums = xcalloc(c->nsums, sizeof(*c->sums));
	for (size_t i = 0; i < c->nsums; i++)
		stat_resolve(&c->sums[i], c->sum_names[i]);
	return true;
}

/* The index of the column with this id (string or number), -1 if none. */
static int column_index(const struct sub_grid *g, json_t *id)
{
	char *want = id_text(id);
	int found = -1;

	for (size_t i = 0; want != NULL && i < g->ncols; i++)
		if (strcmp(g->cols[i].id, want) == 0) {
			found = (int)i;
			break;
		}
	free(want);
	return found;
}

/* One sort key: a column and ASC or DESC (default ASC). */
static bool parse_sort_key(struct parse *p, struct sub_grid *g, json_t *by,
			   json_t *dir)
{
	struct sort_key k;
	const char *d = json_is_string(dir) ? json_string_value(dir) : "ASC";

	k.col = column_index(g, by);
	if (k.col < 0)
		return fail(p, "grid %s: order by names no column", g->id);
	if (dir != NULL && !json_is_string(dir))
		return fail(p, "grid %s: order direction must be ASC or DESC", g->id);
	if (strcasecmp(d, "ASC") != 0 && strcasecmp(d, "DESC") != 0)
		return fail(p, "grid %s: order direction must be ASC or DESC", g->id);
	k.desc = strcasecmp(d, "DESC") == 0;
	g->order = xreallocarray(g->order, g->norder + 1, sizeof(*g->order));
	g->order[g->norder++] = k;
	return true;
}

/* The order: "order_by"/"order_dir", or the collection's "order": [{by, dir}]. */
static bool parse_order(struct parse *p, struct sub_grid *g, json_t *v)
{
	json_t *order = json_object_get(v, "order"), *e;
	size_t i;

	if (!json_none(json_object_get(v, "order_by")) &&
	    !parse_sort_key(p, g, json_object_get(v, "order_by"),
			    json_object_get(v, "order_dir")))
		return false;
	if (order == NULL || json_is_null(order))
		return true;
	if (!json_is_array(order))
		return fail(p, "grid %s: order must be an array", g->id);
	json_array_foreach(order, i, e) {
		if (!json_is_object(e))
			return fail(p, "grid %s: an order entry is not an object", g->id);
		if (!parse_sort_key(p, g, json_object_get(e, "by"),
				    json_object_get(e, "dir")))
			return false;
	}
	return true;
}

/* The filter: filter_by, filter_value, filter_operation (default EQ). */
static bool parse_filter(struct parse *p, struct sub_grid *g, json_t *v)
{
	json_t *by = json_object_get(v, "filter_by");
	json_t *val = json_object_get(v, "filter_value");
	json_t *op = json_object_get(v, "filter_operation");
	size_t i;

	g->filter_col = -1;
	if (json_none(by))
		return true;
	g->filter_col = column_index(g, by);
	if (g->filter_col < 0)
		return fail(p, "grid %s: filter_by names no column", g->id);
	g->filter_value = id_text(val);
	if (g->filter_value == NULL && !json_is_real(val))
		return fail(p, "grid %s: filter_by without a filter_value", g->id);
	if (g->filter_value == NULL)
		g->filter_value = xasprintf("%g", json_real_value(val));
	if (op == NULL)
		return true;
	for (i = 0; json_is_string(op) && i < WB_ARRAY_LEN(filter_ops); i++)
		if (strcasecmp(json_string_value(op), filter_ops[i]) == 0)
			break;
	if (!json_is_string(op) || i == WB_ARRAY_LEN(filter_ops))
		return fail(p, "grid %s: filter_operation must be one of EQ, NE, "
			    "LT, GT, LE, GE", g->id);
	g->filter_op = (enum filter_op)i;
	return true;
}

/* The grid's columns, refusing a grid with too many. */
static bool parse_columns(struct parse *p, struct sub_grid *g, json_t *cols)
{
	size_t i;
	json_t *c;

	if (!json_is_array(cols))
		return fail(p, "grid %s: columns must be an array", g->id);
	if (json_array_size(cols) == 0)
		return fail(p, "grid %s has no columns", g->id);
	if (json_array_size(cols) > (size_t)p->s->max_columns)
		return fail(p, "grid %s is too large: %zu columns (limit %d)",
			    g->id, json_array_size(cols), p->s->max_columns);
	g->cols = xcalloc(json_array_size(cols), sizeof(*g->cols));
	json_array_foreach(cols, i, c) {
		g->ncols++;
		if (!parse_column(p, g->id, c, &g->cols[i]))
			return false;
	}
	return true;
}

/* Which agents or services a grid shows: team_ids, service_ids, logged in. */
static bool parse_selection(struct parse *p, struct sub_grid *g, json_t *v)
{
	if (!parse_strings(p, json_object_get(v, "team_ids"), "team_ids",
			   &g->teams, &g->nteams) ||
	    !parse_strings(p, json_object_get(v, "service_ids"), "service_ids",
			   &g->svcs, &g->nsvcs))
		return false;
	if (!parse_flag(json_object_get(v, "logged_in_agents_only"),
			&g->logged_only))
		return fail(p, "grid %s: logged_in_agents_only must be a boolean",
			    g->id);
	return true;
}

/* One grid definition of either dialect. */
static bool parse_grid(struct parse *p, json_t *v, struct sub_grid *g)
{
	g->limit = -1;
	g->filter_col = -1;
	if (!json_is_object(v))
		return fail(p, "a grid is not an object");
	g->id = id_text(json_object_get(v, "id"));
	if (g->id == NULL)
		return fail(p, "a grid has no id");
	if (++p->ngrids > p->s->max_grids)
		return fail(p, "subscription is too large: grid %s is grid number "
			    "%d (limit %d)", g->id, p->ngrids, p->s->max_grids);
	if (!parse_columns(p, g, json_object_get(v, "columns")) ||
	    !parse_order(p, g, v) || !parse_filter(p, g, v) ||
	    !parse_selection(p, g, v))
		return false;
	if (!parse_limit(json_object_get(v, "limit"), &g->limit))
		return fail(p, "grid %s: limit must be a whole number", g->id);
	return true;
}

/* An app's "service_grids" or "agent_grids". */
static bool parse_grids(struct parse *p, struct sub_app *app, json_t *v,
			const char *what, bool agents)
{
	size_t i;
	json_t *g;

	if (v == NULL)
		return true;
	if (!json_is_array(v))
		return fail(p, "app %s: %s must be an array", app->id, what);
	app->grids = xreallocarray(app->grids, app->ngrids + json_array_size(v),
				   sizeof(*app->grids));
	json_array_foreach(v, i, g) {
		struct sub_grid *grid = &app->grids[app->ngrids++];

		memset(grid, 0, sizeof(*grid));
		grid->agents = agents;
		if (!parse_grid(p, g, grid))
			return false;
	}
	return true;
}

/* "chat_messages": {"filter", "limit"}. */
static bool parse_chat(struct parse *p, struct sub_app *app, json_t *v)
{
	json_t *filter = json_object_get(v, "filter");

	app->chat_limit = -1;
	if (v == NULL)
		return true;
	app->has_chat = true;
	if (!json_is_object(v))
		return fail(p, "app %s: chat_messages must be an object", app->id);
	if (filter != NULL && !json_is_null(filter) && !json_is_string(filter))
		return fail(p, "app %s: chat_messages filter must be a string",
			    app->id);
	app->chat_filter = xstrdup(json_is_string(filter) ?
				   json_string_value(filter) : "");
	if (!parse_limit(json_object_get(v, "limit"), &app->chat_limit))
		return fail(p, "app %s: chat_messages limit must be a whole number",
			    app->id);
	return true;
}

/* "stats_totals" and the collection's stats_totals_service_ids and
 * stats_totals_dispositions. */
static bool parse_totals(struct parse *p, struct sub_app *app, json_t *v)
{
	json_t *names = json_object_get(v, "stats_totals");

	app->has_totals = names != NULL;
	if (!parse_strings(p, names, "stats_totals", &app->total_names,
			   &app->ntotals) ||
	    !parse_strings(p, json_object_get(v, "stats_totals_service_ids"),
			   "stats_totals_service_ids", &app->total_svcs,
			   &app->ntotal_svcs) ||
	    !parse_dispositions(p, json_object_get(v, "stats_totals_dispositions"),
				"stats_totals_dispositions", &app->total_disp))
		return false;
	app->totals = xcalloc(app->ntotals + 1, sizeof(*app->totals));
	for (size_t i = 0; i < app->ntotals; i++)
		stat_resolve(&app->totals[i], app->total_names[i]);
	return true;
}

/* One app id's part of the subscription. */
static bool parse_app(struct parse *p, const char *id, json_t *v,
		      struct sub_app *app)
{
	json_t *sg, *ag;

	app->id = xstrdup(id);
	app->chat_limit = -1;
	if (!json_is_object(v))
		return fail(p, "app %s: its definition must be an object", id);
	sg = json_object_get(v, "service_grids");
	ag = json_object_get(v, "agent_grids");
	app->has_sgrids = sg != NULL;
	app->has_agrids = ag != NULL;
	return parse_totals(p, app, v) &&
	       parse_grids(p, app, sg, "service_grids", false) &&
	       parse_grids(p, app, ag, "agent_grids", true) &&
	       parse_chat(p, app, json_object_get(v, "chat_messages"));
}

/* The whole body: an object of app ids. */
static bool parse_sub(struct parse *p, json_t *root, struct sim_sub *sub)
{
	const char *key;
	json_t *v;

	if (!json_is_object(root))
		return fail(p, "the subscription must be a JSON object");
	if (json_object_size(root) == 0)
		return fail(p, "the subscription has no app id");
	sub->apps = xcalloc(json_object_size(root), sizeof(*sub->apps));
	json_object_foreach(root, key, v) {
		if (!parse_app(p, key, v, &sub->apps[sub->napps++]))
			return false;
	}
	return true;
}

/* Parse a subscription body of either dialect; NULL with the reason in err. */
struct sim_sub *brightpattern_view_subscribe(struct sim *s, const char *body,
				       size_t len, char *err, size_t errsz)
{
	struct parse p = { s, err, errsz, false, 0 };
	struct sim_sub *sub;
	json_error_t jerr;
	json_t *root;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (body == NULL)
		len = 0;
	root = json_loadb(body ? body : "", len, 0, &jerr);
	if (root == NULL) {
		fail(&p, "malformed JSON at line %d column %d: %s", jerr.line,
		     jerr.column, jerr.text);
		return NULL;
	}
	sub = xcalloc(1, sizeof(*sub));
	parse_sub(&p, root, sub);
	json_decref(root);
	if (p.failed) {
		brightpattern_view_free(sub);
		return NULL;
	}
	return sub;
}

/* Free a grid's parts. */
static void grid_free(struct sub_grid *g)
{
	for (size_t i = 0; i < g->ncols; i++) {
		free(g->cols[i].id);
		free(g->cols[i].stat);
		strings_free(g->cols[i].sum_names, g->cols[i].nsums);
		free(g->cols[i].sums);
	}
	free(g->cols);
	free(g->id);
	free(g->order);
	free(g->filter_value);
	strings_free(g->teams, g->nteams);
	strings_free(g->svcs, g->nsvcs);
}

/* Free a subscription. */
void brightpattern_view_free(struct sim_sub *sub)
{
	if (sub == NULL)
		return;
	for (size_t a = 0; a < sub->napps; a++) {
		struct sub_app *app = &sub->apps[a];

		for (size_t i = 0; i < app->ngrids; i++)
			grid_free(&app->grids[i]);
		free(app->grids);
		free(app->id);
		strings_free(app->total_names, app->ntotals);
		free(app->totals);
		strings_free(app->total_svcs, app->ntotal_svcs);
		free(app->chat_filter);
	}
	free(sub->apps);
	free(sub);
}

/* Set the largest grid (columns) and subscription (grids) accepted. */
void brightpattern_view_limits(struct sim *s, int max_columns, int max_grids)
{
	s->max_columns = max_columns >= 0 ? max_columns : 64;
	s->max_grids = max_grids >= 0 ? max_grids : 64;
}

/* --- values ------------------------------------------------------------- */

/* What a value is of: totals, one service or one agent, with its figures. */
struct ent {
	const struct sim_agent *a;	/* an agent row */
	int svc;			/* a service row, -1 otherwise */
	const double *f;		/* FIG_N figures */
	const unsigned *disp;		/* SIM_NDISP disposition counts */
	unsigned key;			/* mixes into made-up values */
};

/* A whole number. */
static void put_int(struct buf *out, double v)
{
	buf_printf(out, "%.0f", floor(v + 0.5));
}

/* A share a/b as the catalogue wants it: a fraction or 0-100. */
static void put_ratio(struct buf *out, const struct stat_info *info,
		      double a, double b)
{
	double r = a / b;

	r = r < 0 ? 0 : r > 1 ? 1 : r;
	if (info->pct_scale == 1)
		buf_printf(out, "%.0f", floor(r * 100 + 0.5));
	else
		buf_printf(out, "%.2f", r);
}

/* A value from the figures. */
static void figure_value(const struct stat_ref *r, const double *f,
			 struct buf *out)
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
			put_ratio(out, r->info, a, b);
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
static void disp_value(const struct stat_ref *r, const struct ent *e,
		       unsigned mask, struct buf *out)
{
	double n = 0;

	for (int d = 0; d < SIM_NDISP; d++)
		if (mask == 0 || (mask & (1u << d)))
			n += e->disp[d];
	if (r->disp_count)
		put_int(out, n);
	else if (e->f[T_HANDLED_ALL] > 0)
		put_ratio(out, r->info, n, e->f[T_HANDLED_ALL]);
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
		put_ratio(out, r->info, h % 101, 100);
		break;
	case STAT_RATE:
		buf_printf(out, "%.1f", (h % 200) / 10.0);
		break;
	case STAT_TIME:
		buf_printf(out, "%.0f", sim_epoch(s, floor(s->t / SIM_DAY) *
						      SIM_DAY + 8 * 3600 + h % 3600));
		break;
	case STAT_TEXT:
	case STAT_STATE:
		break;
	}
}

/* The ACD state word of an agent, "" when logged out. */
static const char *state_word(enum agent_state st)
{
	static const char *const words[] = {
		[AS_LOGGED_OUT] = "", [AS_READY] = "ready",
		[AS_NOT_READY] = "not_ready", [AS_BUSY] = "busy",
		[AS_ACW] = "after_call_work",
	};
	return words[st];
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
		buf_puts(out, state_word(a->state));
		break;
	case TX_NEXT_STATE:
		buf_puts(out, break_pending(s, a) ? "not_ready" : "");
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
			buf_printf(out, "%.0f", floor(sim_epoch(s, a->login_at)));
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
			buf_puts(out, sv->rec_done < sv->rec_total ? "Running" : "Completed");
		break;
	case SX_CAMPAIGN_MODE:
		if (campaign)
			buf_puts(out, "Predictive");
		break;
	case SX_RECORDS_PROGRESS:
		if (campaign)
			buf_printf(out, "%.0f/%.0f", sv->rec_done, sv->rec_total);
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
static void stat_value(struct sim *s, const struct ent *e,
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
		figure_value(r, e->f, out);
	else if (r->disp_count || r->disp_ratio)
		disp_value(r, e, disp, out);
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
		stat_value(s, e, &c->sums[i], c->disp, &one);
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
static void column_value(struct sim *s, const struct ent *e,
			 const struct sub_col *c, struct buf *out)
{
	if (c->sums != NULL)
		sum_value(s, e, c, out);
	else
		stat_value(s, e, &c->ref, c->disp, out);
}

/* --- data answers ------------------------------------------------------- */

/* A buffer's text, "" when nothing was ever written to it. */
static const char *buf_text(const struct buf *b)
{
	return b->data != NULL ? b->data : "";
}

/* What one data answer computes once: every service's figures. */
struct view {
	struct sim *s;
	double *svc_f;		/* nsvcs * FIG_N */
	struct arena arena;	/* cell texts */
	struct buf tmp;
};

/* One grid row while it is filtered and sorted. */
struct row {
	int idx;		/* agent or service index: the final tie-break */
	const char **cells;
	double *nums;		/* numeric cell values, NAN when not numbers */
	const struct sub_grid *g;
};

/* Compare two cell values: numerically when both are numbers. */
static int cell_cmp(const char *a, double na, const char *b, double nb)
{
	if (!isnan(na) && !isnan(nb))
		return na < nb ? -1 : na > nb;
	return strcmp(a, b);
}

/* qsort order of rows: the grid's sort keys, then the model's order. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	const struct sub_grid *g = a->g;

	for (size_t i = 0; i < g->norder; i++) {
		int c = g->order[i].col;
		int r = cell_cmp(a->cells[c], a->nums[c], b->cells[c], b->nums[c]);

		if (r != 0)
			return g->order[i].desc ? -r : r;
	}
	return a->idx - b->idx;
}

/* True when a row passes the grid's filter. */
static bool row_passes(const struct row *r)
{
	const struct sub_grid *g = r->g;
	int c = g->filter_col, cmp;
	double want = NAN;

	if (c < 0)
		return true;
	if (!parse_double(g->filter_value, &want))
		want = NAN;
	cmp = cell_cmp(r->cells[c], r->nums[c], g->filter_value, want);
	switch (g->filter_op) {
	case F_EQ:
		return cmp == 0;
	case F_NE:
		return cmp != 0;
	case F_LT:
		return cmp < 0;
	case F_GT:
		return cmp > 0;
	case F_LE:
		return cmp <= 0;
	case F_GE:
		return cmp >= 0;
	}
	return true;
}

/* Compute a row's cells for the entity e. */
static void row_fill(struct view *v, struct row *r, const struct ent *e)
{
	const struct sub_grid *g = r->g;

	r->cells = arena_alloc(&v->arena, g->ncols * sizeof(*r->cells));
	r->nums = arena_alloc(&v->arena, g->ncols * sizeof(*r->nums));
	for (size_t c = 0; c < g->ncols; c++) {
		buf_reset(&v->tmp);
		column_value(v->s, e, &g->cols[c], &v->tmp);
		r->cells[c] = arena_strndup(&v->arena, buf_text(&v->tmp), v->tmp.len);
		if (!parse_double(r->cells[c], &r->nums[c]))
			r->nums[c] = NAN;
	}
}

/* Marks for the services named in ids (by id or name); NULL when ids is
 * empty, meaning every service. */
static bool *select_services(const struct sim *s, char **ids, size_t n)
{
	bool *sel;

	if (n == 0)
		return NULL;
	sel = xcalloc((size_t)s->nsvcs, sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		int k = sim_find_service(s, ids[i]);

		if (k >= 0)
			sel[k] = true;
	}
	return sel;
}

/* Marks for the teams named in ids; NULL for every team. */
static bool *select_teams(const struct sim *s, char **ids, size_t n)
{
	bool *sel;

	if (n == 0)
		return NULL;
	sel = xcalloc((size_t)s->nteams, sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		int k = sim_find_team(s, ids[i]);

		if (k >= 0)
			sel[k] = true;
	}
	return sel;
}

/* True when agent a serves any marked service. */
static bool agent_serves_any(const struct sim *s, const struct sim_agent *a,
			     const bool *svcs)
{
	const struct sim_team *tm = &s->teams[a->team];

	for (size_t i = 0; i < tm->nsvcs; i++)
		if (svcs[tm->svcs[i]])
			return true;
	return false;
}

/* True when a marked team serves service v. */
static bool service_served_by(const struct sim *s, int v, const bool *teams)
{
	for (size_t i = 0; i < s->svcs[v].nteams; i++)
		if (teams[s->svcs[v].teams[i]])
			return true;
	return false;
}

/* The agent rows of a grid, before the filter. */
static size_t agent_rows(struct view *v, const struct sub_grid *g,
			 struct row *rows)
{
	struct sim *s = v->s;
	bool *teams = select_teams(s, g->teams, g->nteams);
	bool *svcs = select_services(s, g->svcs, g->nsvcs);
	double *f = xmalloc(FIG_N * sizeof(*f));
	size_t n = 0;

	for (int i = 0; i < s->nagents; i++) {
		const struct sim_agent *a = &s->agents[i];
		struct ent e = { a, -1, f, a->disp, (unsigned)i + 1 };

		if ((teams && !teams[a->team]) || (svcs && !agent_serves_any(s, a, svcs)) ||
		    (g->logged_only && a->state == AS_LOGGED_OUT))
			continue;
		sim_agent_figures(s, a, f);
		rows[n] = (struct row){ i, NULL, NULL, g };
		row_fill(v, &rows[n++], &e);
	}
	free(f);
	free(teams);
	free(svcs);
	return n;
}

/* The service rows of a grid, before the filter. */
static size_t service_rows(struct view *v, const struct sub_grid *g,
			   struct row *rows)
{
	struct sim *s = v->s;
	bool *teams = select_teams(s, g->teams, g->nteams);
	bool *svcs = select_services(s, g->svcs, g->nsvcs);
	size_t n = 0;

	for (int i = 0; i < s->nsvcs; i++) {
		struct ent e = { NULL, i, v->svc_f + (size_t)i * FIG_N,
				 s->svcs[i].disp, 100000u + (unsigned)i };

		if ((svcs && !svcs[i]) || (teams && !service_served_by(s, i, teams)))
			continue;
		rows[n] = (struct row){ i, NULL, NULL, g };
		row_fill(v, &rows[n++], &e);
	}
	free(teams);
	free(svcs);
	return n;
}

/* A grid's answer: {"id", "values": [{"<col id>": "value"}...]}. */
static json_t *grid_json(struct view *v, const struct sub_grid *g)
{
	size_t max = (size_t)(g->agents ? v->s->nagents : v->s->nsvcs);
	struct row *rows = xcalloc(max + 1, sizeof(*rows));
	size_t n = g->agents ? agent_rows(v, g, rows) : service_rows(v, g, rows);
	size_t kept = 0;
	json_t *values = json_array();

	for (size_t i = 0; i < n; i++)
		if (row_passes(&rows[i]))
			rows[kept++] = rows[i];
	qsort(rows, kept, sizeof(*rows), row_cmp);
	if (g->limit >= 0 && (size_t)g->limit < kept)
		kept = (size_t)g->limit;
	for (size_t i = 0; i < kept; i++) {
		json_t *o = json_object();

		for (size_t c = 0; c < g->ncols; c++)
			json_object_set_new(o, g->cols[c].id,
					    json_string(rows[i].cells[c]));
		json_array_append_new(values, o);
	}
	free(rows);
	return json_pack("{s:s, s:o}", "id", g->id, "values", values);
}

/* Totals over the selected services: {"name": "value"...}. */
static json_t *totals_json(struct view *v, const struct sub_app *app)
{
	struct sim *s = v->s;
	bool *sel = select_services(s, app->total_svcs, app->ntotal_svcs);
	double *f = xmalloc(FIG_N * sizeof(*f));
	unsigned disp[SIM_NDISP] = { 0 };
	struct ent e = { NULL, -1, f, disp, 0 };
	json_t *o = json_object();

	sim_total_figures(s, sel, f);
	for (int i = 0; i < s->nsvcs; i++)
		for (int d = 0; d < SIM_NDISP && (sel == NULL || sel[i]); d++)
			disp[d] += s->svcs[i].disp[d];
	for (size_t i = 0; i < app->ntotals; i++) {
		buf_reset(&v->tmp);
		stat_value(s, &e, &app->totals[i], app->total_disp, &v->tmp);
		json_object_set_new(o, app->totals[i].name,
				    json_string(buf_text(&v->tmp)));
	}
	free(f);
	free(sel);
	return o;
}

/* One chat message as the API sends it; send_time in epoch milliseconds. */
static json_t *message_json(const struct sim *s, const struct sim_msg *m)
{
	char id[16], sent[32];

	snprintf(id, sizeof(id), "%u", m->id);
	snprintf(sent, sizeof(sent), "%.0f", floor(sim_epoch(s, m->sent) * 1000));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", id,
			 "login_id", m->login_id, "first_name", m->first,
			 "last_name", m->last, "send_time", sent,
			 "is_urgent", m->urgent ? "1" : "0", "content", m->content);
}

/* The newest chat messages first, filtered by content and limited. */
static json_t *chat_json(const struct sim *s, const struct sub_app *app)
{
	json_t *a = json_array();
	const struct sim_msg *m;

	for (int i = 0; (m = sim_message(s, i)) != NULL; i++) {
		if (app->chat_limit >= 0 && (long)json_array_size(a) >= app->chat_limit)
			break;
		if (strstr(m->content, app->chat_filter) != NULL)
			json_array_append_new(a, message_json(s, m));
	}
	return a;
}

/* One app's answer, with the parts it subscribed to. */
static json_t *app_json(struct view *v, const struct sub_app *app)
{
	json_t *o = json_object(), *sg = json_array(), *ag = json_array();

	if (app->has_totals)
		json_object_set_new(o, "stats_totals", totals_json(v, app));
	for (size_t i = 0; i < app->ngrids; i++)
		json_array_append_new(app->grids[i].agents ? ag : sg,
				      grid_json(v, &app->grids[i]));
	if (app->has_sgrids)
		json_object_set_new(o, "service_grids", sg);
	else
		json_decref(sg);
	if (app->has_agrids)
		json_object_set_new(o, "agent_grids", ag);
	else
		json_decref(ag);
	if (app->has_chat)
		json_object_set_new(o, "chat_messages", chat_json(v->s, app));
	return o;
}

/* The data answer of a subscription: every service's figures once, then
 * each app's totals, grids and chat messages. */
char *brightpattern_view_data(struct sim *s, const struct sim_sub *sub)
{
	struct view v = { s, NULL, { NULL, 0 }, { NULL, 0, 0 } };
	json_t *root = json_object();
	char *out;

	arena_init(&v.arena, 64 * 1024);
	buf_init(&v.tmp);
	v.svc_f = xmalloc((size_t)s->nsvcs * FIG_N * sizeof(double));
	for (int i = 0; i < s->nsvcs; i++)
		sim_service_figures(s, i, v.svc_f + (size_t)i * FIG_N);
	for (size_t i = 0; i < sub->napps; i++)
		json_object_set_new(root, sub->apps[i].id, app_json(&v, &sub->apps[i]));
	out = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	free(v.svc_f);
	buf_free(&v.tmp);
	arena_free(&v.arena);
	return out;
}

/* --- configuration lists ------------------------------------------------- */

/* [{"id", "name"}...] from n (id, name) pairs read by get. */
static json_t *pairs_json(const struct sim *s, int n,
			  void (*get)(const struct sim *, int, const char **,
				      const char **))
{
	json_t *a = json_array();
	const char *id, *name;

	for (int i = 0; i < n; i++) {
		get(s, i, &id, &name);
		json_array_append_new(a, json_pack("{s:s, s:s}", "id", id,
						   "name", name));
	}
	return a;
}

/* Team i: its GUID and name. */
static void team_pair(const struct sim *s, int i, const char **id,
		      const char **name)
{
	*id = s->teams[i].id;
	*name = s->teams[i].name;
}

/* Service i: its GUID and name. */
static void service_pair(const struct sim *s, int i, const char **id,
			 const char **name)
{
	*id = s->svcs[i].id;
	*name = s->svcs[i].name;
}

/* Agent i: its login id (what agent grids show as login_id) and its name. */
static void agent_pair(const struct sim *s, int i, const char **id,
		       const char **name)
{
	*id = s->agents[i].login_id;
	*name = s->agents[i].full;
}

/*
 * The lists, bare arrays as the vendor's examples answer:
 *   teams, services: [{"id": "<GUID>", "name": "<name>"}]
 *   agents:          [{"id": "<login id>", "name": "<first last>"}]
 *   dispositions:    ["<name>", ...]
 */
char *brightpattern_view_cfg(struct sim *s, const char *what)
{
	json_t *a;
	char *out;

	if (strcmp(what, "teams") == 0)
		a = pairs_json(s, s->nteams, team_pair);
	else if (strcmp(what, "services") == 0)
		a = pairs_json(s, s->nsvcs, service_pair);
	else if (strcmp(what, "agents") == 0)
		a = pairs_json(s, s->nagents, agent_pair);
	else if (strcmp(what, "dispositions") == 0) {
		a = json_array();
		for (int d = 0; d < SIM_NDISP; d++)
			json_array_append_new(a, json_string(sim_dispositions[d]));
	} else
		return NULL;
	out = json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(a);
	return out;
}

/* check_available_agents: -1 unknown service, 0 nobody ready, 1 someone. */
int brightpattern_view_available(struct sim *s, const char *service)
{
	int v = sim_find_service(s, service);
	double *f;
	bool ready;

	if (v < 0)
		return -1;
	f = xmalloc(FIG_N * sizeof(*f));
	sim_service_figures(s, v, f);
	ready = f[L_READY] > 0;
	free(f);
	return ready ? 1 : 0;
}
