/*
 * catalog.c - the statistics of the Genesys Statistics API v3.
 *
 * The API carries whatever Stat Server statistics a deployment configures
 * ("the name of the pre-configured statistic"): the catalogue is open. These
 * are the names deployments commonly define (the Stat Server defaults and
 * the usual wallboard set); a layout may name any other when its column
 * gives a format. Agent statistics are opened on Agent objects,
 * queue statistics on Queue objects, and totals on the Tenant or on queues.
 * ObjectId is no statistic: it is the row's object id, never subscribed.
 *
 * Kept sorted by strcmp() order (capitals before small letters, so
 * "CurrNumber..." comes before "Current..."): catalog_find() bisects it.
 */
#include "autoconf.h"

#include <stddef.h>

#include "catalog.h"

#define AGENT	STAT_SCOPE_AGENT
#define QUEUE	(STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL)

static const struct stat_info genesys_stats[] = {
	{ "AverageHandlingTime", STAT_DURATION, 0, AGENT, 0, NULL,
	  "Average handling time of the agent's calls" },
	{ "AverageSpeedOfAnswer", STAT_DURATION, 0, QUEUE, 0, NULL,
	  "Average time calls waited before an agent answered" },
	{ "CurrMaxCallWaitingTime", STAT_DURATION, 0, QUEUE, STAT_TICKS, NULL,
	  "Longest wait of a call now in the queue" },
	{ "CurrNumberBusyAgents", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Agents now busy with a call" },
	{ "CurrNumberLoggedInAgents", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Agents now logged in" },
	{ "CurrNumberReadyAgents", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Agents now ready for a call" },
	{ "CurrNumberWaitingCalls", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Calls now waiting in the queue" },
	{ "CurrentAgentState", STAT_STATE, 0, AGENT, 0, NULL,
	  "The agent's current state" },
	{ "CurrentNotReadyReason", STAT_TEXT, 0, AGENT, 0, NULL,
	  "Why the agent is not ready" },
	{ "ExpectedWaitTime", STAT_DURATION, 0, QUEUE, STAT_PROBE, NULL,
	  "Expected wait of a call entering the queue now; computed on "
	  "request, so peeked (get-statistic-ex) beside each poll" },
	{ "ObjectId", STAT_TEXT, 0, STAT_SCOPE_AGENT | STAT_SCOPE_SERVICE, 0,
	  NULL, "The row's object id (agent login or queue name)" },
	{ "PercentageCallsAbandoned", STAT_PERCENT, 1, QUEUE, 0, NULL,
	  "Percentage of calls entered that were abandoned" },
	{ "ServiceFactor1", STAT_PERCENT, 1, QUEUE, 0, NULL,
	  "Service level: percentage of calls answered within the threshold" },
	{ "TimeInCurrentState", STAT_DURATION, 0, AGENT, STAT_TICKS, NULL,
	  "Time in the current state" },
	{ "TotalLoginTime", STAT_DURATION, 0, AGENT, 0, NULL,
	  "Time logged in" },
	{ "TotalNotReadyTime", STAT_DURATION, 0, AGENT, 0, NULL,
	  "Time not ready" },
	{ "TotalNumberCallsAbandoned", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Calls abandoned in the queue" },
	{ "TotalNumberCallsAnswered", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Calls answered" },
	{ "TotalNumberCallsDistributed", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Calls distributed to agents" },
	{ "TotalNumberCallsEntered", STAT_COUNT, 0, QUEUE, 0, NULL,
	  "Calls that entered the queue" },
	{ "TotalNumberInboundCalls", STAT_COUNT, 0, AGENT, 0, NULL,
	  "Inbound calls the agent handled" },
	{ "TotalNumberOutboundCalls", STAT_COUNT, 0, AGENT, 0, NULL,
	  "Outbound calls the agent made" },
	{ "TotalReadyTime", STAT_DURATION, 0, AGENT, 0, NULL, "Time ready" },
	{ "TotalTalkTime", STAT_DURATION, 0, AGENT, 0, NULL, "Time talking" },
};

const struct catalog catalog_genesys = {
	"genesys",
	genesys_stats, sizeof(genesys_stats) / sizeof(genesys_stats[0]),
	NULL, 0,
	false,
	true		/* Stat Server statistics are the deployment's own */
};
