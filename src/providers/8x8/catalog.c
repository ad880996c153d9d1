/*
 * catalog.c - the statistic catalogue of the 8x8 Contact Center real-time
 * statistics API (7.1): the fields of its agent and queue records, named as
 * the API names them, and the totals the board derives from those records,
 * since the API sends rows only. Descriptions follow the API's field table.
 *
 * Both tables are kept sorted by name (strcmp order): catalog_find() and
 * catalog_derive() bisect them.
 */
#include "autoconf.h"

#include "catalog.h"

/* Queue fields: a service grid's columns, and totals over queues. */
#define QUEUE_ROWS (STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL)

static const struct stat_info e8_stats[] = {
	{ "agent-count-busy", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Agents busy on interactions from this queue and other queues, "
	  "including agents being offered a transaction" },
	{ "agent-count-loggedOut", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Agents enabled for this queue, who are logged out" },
	{ "agent-count-onBreak", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Agents enabled for this queue, who are on break" },
	{ "agent-count-postProcess", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Agents post processing interactions from this queue and other "
	  "queues" },
	{ "agent-count-waitTransact", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Agents available to take interactions from this queue" },
	{ "agent-count-workOffline", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Agents enabled for this queue, who are working offline" },
	{ "agent-id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Agent login ID" },
	{ "agent-media-id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "The media type of the transaction this agent last processed or is "
	  "processing: phone, chat, email, voicemail (none since system start: "
	  "empty)" },
	{ "agent-name", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Agent full name (Firstname Lastname)" },
	{ "agent-status", STAT_STATE, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Agent current status: 0 available, 1 transaction offered, 2 busy, 3 "
	  "post processing, 4 on break, 5 work offline, 9 logged out" },
	{ "agents-available", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents available (agent-status 0), counted over the agent list" },
	{ "agents-busy", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents busy (agent-status 2), counted over the agent list" },
	{ "agents-logged-in", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents logged in (agent-status other than 9), counted over the "
	  "agent list" },
	{ "agents-logged-out", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents logged out (agent-status 9), counted over the agent list" },
	{ "agents-offered", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents being offered a transaction (agent-status 1), counted "
	  "over the agent list" },
	{ "agents-on-break", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents on break (agent-status 4), counted over the agent list" },
	{ "agents-post-processing", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents post processing (agent-status 3), counted over the agent "
	  "list" },
	{ "agents-working-offline", STAT_COUNT, 0, STAT_SCOPE_TOTAL, 0, NULL,
	  "Agents working offline (agent-status 5), counted over the agent "
	  "list" },
	{ "assigned-agent-count", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Current number of agents assigned to this queue" },
	{ "assigned-skill-count", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total number of skills assigned to this agent" },
	{ "day-abandoned", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Total number of abandoned transactions from beginning of the day" },
	{ "day-accepted", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Total number of accepted transactions from beginning of the day" },
	{ "day-accepted-count", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total accepted transaction count from beginning of the day" },
	{ "day-available-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total available time from beginning of the day" },
	{ "day-avg-duration", STAT_DURATION, 0, QUEUE_ROWS, 0, NULL,
	  "Average duration among all accepted transactions from beginning of "
	  "the day" },
	{ "day-avg-processing-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0,
	  NULL,
	  "Average transaction processing time from beginning of the day" },
	{ "day-avg-wait-time", STAT_DURATION, 0, QUEUE_ROWS, 0, NULL,
	  "Average wait time among all queued transactions from beginning of "
	  "the day" },
	{ "day-break-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total break time from beginning of the day" },
	{ "day-login-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total login time from beginning of the day" },
	{ "day-offered-count", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Transactions offered from beginning of the day (in the text's "
	  "example only, not its table)" },
	{ "day-offline-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total time of working offline from beginning of the day" },
	{ "day-processing-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total transaction processing time from beginning of the day" },
	{ "day-queued", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Total number of queued transactions from beginning of the day" },
	{ "day-rejected-count", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total rejected transaction count from beginning of the day" },
	{ "day-sla-activity", STAT_PERCENT, 1, QUEUE_ROWS, 0, NULL,
	  "SLA activity from beginning of the day, in percent" },
	{ "day-wrap-up-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total transaction wrap up time from beginning of the day" },
	{ "enabled-agent-count", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Number of agents currently enabled in this queue, by the "
	  "administrator or in the Agent Profile" },
	{ "enabled-skill-count", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total number of skills enabled for this agent" },
	{ "group-id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Group ID of the group this agent belongs to" },
	{ "last-login-time", STAT_TIME, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Last login time stamp in UTC seconds (empty when the system has "
	  "no record since a restart)" },
	{ "longest-wait-time", STAT_DURATION, 0, QUEUE_ROWS, STAT_TICKS, NULL,
	  "Duration of the longest waiting interaction in this queue" },
	{ "media-type", STAT_TEXT, 0, STAT_SCOPE_SERVICE, 0, NULL,
	  "Queue type of this queue: phone, chat, vmail, email" },
	{ "number-in-offered", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Interactions from this queue in the state of alerting agents" },
	{ "number-in-progress", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Agents busy on interactions from this queue, in processing and "
	  "post processing states" },
	{ "phone-line1-status", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Current status of phone line 1: -1 not in use, 0 idle or "
	  "post-processing, 1 on hold, 2 on mute, 3 being offered a "
	  "transaction, 4 monitoring, 5 busy" },
	{ "phone-line1-status-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Status time of the current status of phone line 1" },
	{ "phone-line2-status", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Current status of phone line 2: -1 not in use, 0 being offered a "
	  "transaction, 1 on hold, 2 on mute, 3 error, 4 monitoring, 5 busy" },
	{ "phone-line2-status-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Status time of the current status of phone line 2" },
	{ "queue-id", STAT_TEXT, 0, STAT_SCOPE_SERVICE, 0, NULL,
	  "Queue ID of this queue, as displayed on the Configuration "
	  "Manager's queues tab" },
	{ "queue-name", STAT_TEXT, 0, STAT_SCOPE_SERVICE, 0, NULL,
	  "Queue Name of this queue" },
	{ "queue-size", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Number of interactions waiting in the queue" },
	{ "sla-activity", STAT_PERCENT, 1, QUEUE_ROWS, 0, NULL,
	  "Current SLA activity, in percent" },
	{ "sla-target", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Target hours for raising SLA (the SLA tab of the queue's "
	  "configuration)" },
	{ "status-code-item-id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Code ID of current status code of this agent" },
	{ "status-code-item-short-code", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Short code of current status code of this agent" },
	{ "status-code-list-id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Code List ID of the current status code of this agent" },
	{ "thirty-min-abandoned", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Total number of abandoned transactions in last 30 minutes" },
	{ "thirty-min-accepted", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Total number of accepted transactions in last 30 minutes" },
	{ "thirty-min-accepted-count", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Total accepted transaction count in last 30 minutes" },
	{ "thirty-min-available-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Average available time in last 30 minutes" },
	{ "thirty-min-avg-duration", STAT_DURATION, 0, QUEUE_ROWS, 0, NULL,
	  "Average duration of accepted transactions in last 30 minutes" },
	{ "thirty-min-avg-handling-time", STAT_DURATION, 0, STAT_SCOPE_AGENT,
	  0, NULL, "Average transaction handling time in last 30 minutes" },
	{ "thirty-min-avg-wait-time", STAT_DURATION, 0, QUEUE_ROWS, 0, NULL,
	  "Average wait time of the queued transactions in last 30 minutes" },
	{ "thirty-min-break-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL,
	  "Total break time in last 30 minutes" },
	{ "thirty-min-longest-wait-time", STAT_DURATION, 0, QUEUE_ROWS, 0,
	  NULL, "Longest wait time among the queued transactions in last "
	  "30 minutes" },
	{ "thirty-min-offline-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Total time of working offline in last 30 minutes" },
	{ "thirty-min-processing-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Total transaction processing time in last 30 minutes" },
	{ "thirty-min-queued", STAT_COUNT, 0, QUEUE_ROWS, 0, NULL,
	  "Total number of queued transactions in last 30 minutes" },
	{ "thirty-min-rejected-count", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Total number of transactions rejected by this agent in "
	  "last 30 minutes" },
	{ "thirty-min-sla-activity", STAT_PERCENT, 1, QUEUE_ROWS, 0, NULL,
	  "SLA activity in last 30 minutes, in percent (empty when no SLA "
	  "activity is available)" },
	{ "thirty-min-wrap-up-time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0,
	  NULL, "Total transaction wrap up time in last 30 minutes" },
	{ "time-in-status", STAT_DURATION, 0, STAT_SCOPE_AGENT, STAT_TICKS,
	  NULL, "Total time in current status" },
};

/*
 * How the totals are made from the rows: agent counts by status over the
 * agent list; over the selected queues, counts summed, longest waits and
 * the SLA target the largest, averages weighted by the transactions they
 * average over.
 */
static const struct stat_derive e8_derive[] = {
	{ "agent-count-busy", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "agent-count-busy", NULL },
	{ "agent-count-loggedOut", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "agent-count-loggedOut", NULL },
	{ "agent-count-onBreak", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "agent-count-onBreak", NULL },
	{ "agent-count-postProcess", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "agent-count-postProcess", NULL },
	{ "agent-count-waitTransact", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "agent-count-waitTransact", NULL },
	{ "agent-count-workOffline", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "agent-count-workOffline", NULL },
	{ "agents-available", STAT_SCOPE_AGENT, DERIVE_COUNT_EQ,
	  "agent-status", "0" },
	{ "agents-busy", STAT_SCOPE_AGENT, DERIVE_COUNT_EQ, "agent-status",
	  "2" },
	{ "agents-logged-in", STAT_SCOPE_AGENT, DERIVE_COUNT_NE,
	  "agent-status", "9" },
	{ "agents-logged-out", STAT_SCOPE_AGENT, DERIVE_COUNT_EQ,
	  "agent-status", "9" },
	{ "agents-offered", STAT_SCOPE_AGENT, DERIVE_COUNT_EQ, "agent-status",
	  "1" },
	{ "agents-on-break", STAT_SCOPE_AGENT, DERIVE_COUNT_EQ, "agent-status",
	  "4" },
	{ "agents-post-processing", STAT_SCOPE_AGENT, DERIVE_COUNT_EQ,
	  "agent-status", "3" },
	{ "agents-working-offline", STAT_SCOPE_AGENT, DERIVE_COUNT_EQ,
	  "agent-status", "5" },
	{ "assigned-agent-count", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "assigned-agent-count", NULL },
	{ "day-abandoned", STAT_SCOPE_SERVICE, DERIVE_SUM, "day-abandoned",
	  NULL },
	{ "day-accepted", STAT_SCOPE_SERVICE, DERIVE_SUM, "day-accepted",
	  NULL },
	{ "day-avg-duration", STAT_SCOPE_SERVICE, DERIVE_WAVG,
	  "day-avg-duration", "day-accepted" },
	{ "day-avg-wait-time", STAT_SCOPE_SERVICE, DERIVE_WAVG,
	  "day-avg-wait-time", "day-queued" },
	{ "day-queued", STAT_SCOPE_SERVICE, DERIVE_SUM, "day-queued", NULL },
	{ "day-sla-activity", STAT_SCOPE_SERVICE, DERIVE_WAVG,
	  "day-sla-activity", "day-queued" },
	{ "enabled-agent-count", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "enabled-agent-count", NULL },
	{ "longest-wait-time", STAT_SCOPE_SERVICE, DERIVE_MAX,
	  "longest-wait-time", NULL },
	{ "number-in-offered", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "number-in-offered", NULL },
	{ "number-in-progress", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "number-in-progress", NULL },
	{ "queue-size", STAT_SCOPE_SERVICE, DERIVE_SUM, "queue-size", NULL },
	{ "sla-activity", STAT_SCOPE_SERVICE, DERIVE_WAVG, "sla-activity",
	  "day-queued" },
	{ "sla-target", STAT_SCOPE_SERVICE, DERIVE_MAX, "sla-target", NULL },
	{ "thirty-min-abandoned", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "thirty-min-abandoned", NULL },
	{ "thirty-min-accepted", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "thirty-min-accepted", NULL },
	{ "thirty-min-avg-duration", STAT_SCOPE_SERVICE, DERIVE_WAVG,
	  "thirty-min-avg-duration", "thirty-min-accepted" },
	{ "thirty-min-avg-wait-time", STAT_SCOPE_SERVICE, DERIVE_WAVG,
	  "thirty-min-avg-wait-time", "thirty-min-queued" },
	{ "thirty-min-longest-wait-time", STAT_SCOPE_SERVICE, DERIVE_MAX,
	  "thirty-min-longest-wait-time", NULL },
	{ "thirty-min-queued", STAT_SCOPE_SERVICE, DERIVE_SUM,
	  "thirty-min-queued", NULL },
	{ "thirty-min-sla-activity", STAT_SCOPE_SERVICE, DERIVE_WAVG,
	  "thirty-min-sla-activity", "thirty-min-queued" },
};

const struct catalog catalog_8x8 = {
	"8x8", e8_stats, sizeof(e8_stats) / sizeof(e8_stats[0]),
	e8_derive, sizeof(e8_derive) / sizeof(e8_derive[0]), false, false
};
