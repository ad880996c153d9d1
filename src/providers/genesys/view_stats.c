/*
 * view_stats.c - how the simulated Genesys server computes each Stat
 * Server statistic it knows from the model's figures (a figure, a ratio
 * of two, a percentage, an agent's state), and on which objects it opens.
 */
#include "autoconf.h"

#include <string.h>

#include "providers/genesys/view_internal.h"
#include "util.h"

static const struct gdef gdefs[] = {
	{ "AverageHandlingTime", G_AVG, ON_AGENT | ON_GROUP, T_HANDLE,
	  T_HANDLED_ALL },
	{ "AverageSpeedOfAnswer", G_AVG, ON_QUEUES, T_WAIT, T_ANSWERED },
	{ "CurrMaxCallWaitingTime", G_NUM, ON_QUEUES, L_MAX_WAIT, 0 },
	{ "CurrNumberBusyAgents", G_NUM, ON_ANY, L_BUSY, 0 },
	{ "CurrNumberLoggedInAgents", G_NUM, ON_ANY, L_LOGGED, 0 },
	{ "CurrNumberReadyAgents", G_NUM, ON_ANY, L_READY, 0 },
	{ "CurrNumberWaitingCalls", G_NUM, ON_QUEUES, L_WAITING, 0 },
	{ "CurrentAgentState", G_STATE, ON_AGENT, 0, 0 },
	{ "CurrentNotReadyReason", G_REASON, ON_AGENT, 0, 0 },
	{ "ExpectedWaitTime", G_NUM, ON_QUEUES, L_EWT, 0 },
	{ "ObjectId", G_OBJECT_ID, ON_ANY, 0, 0 },
	{ "PercentageCallsAbandoned", G_PCT, ON_QUEUES, X_ABANDONED,
	  X_ENTERED },
	{ "ServiceFactor1", G_PCT, ON_QUEUES, T_ANSWERED_SL, T_ANSWERED },
	{ "TimeInCurrentState", G_IN_STATE, ON_AGENT, 0, 0 },
	{ "TotalLoginTime", G_NUM, ON_AGENT | ON_GROUP, T_LOGGED_TIME, 0 },
	{ "TotalNotReadyTime", G_NUM, ON_AGENT | ON_GROUP, X_NOT_READY, 0 },
	{ "TotalNumberCallsAbandoned", G_NUM, ON_QUEUES, X_ABANDONED, 0 },
	{ "TotalNumberCallsAnswered", G_NUM, ON_QUEUES, X_ANSWERED, 0 },
	{ "TotalNumberCallsDistributed", G_NUM, ON_QUEUES, X_DISTRIBUTED, 0 },
	{ "TotalNumberCallsEntered", G_NUM, ON_QUEUES, X_ENTERED, 0 },
	{ "TotalNumberInboundCalls", G_NUM, ON_AGENT | ON_GROUP, T_HANDLED, 0 },
	{ "TotalNumberOutboundCalls", G_NUM, ON_AGENT | ON_GROUP, T_OUT_HANDLED,
	  0 },
	{ "TotalReadyTime", G_NUM, ON_AGENT | ON_GROUP, T_READY_TIME, 0 },
	{ "TotalTalkTime", G_NUM, ON_AGENT | ON_GROUP, X_TALK, 0 },
};

/*
 * How the view computes a statistic, or NULL (a catalogue name it has no
 * formula for answers 0).
 */
const struct gdef *gdef_find(const char *name)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(gdefs); i++)
		if (strcmp(gdefs[i].name, name) == 0)
			return &gdefs[i];
	return NULL;
}

/* --- objects ------------------------------------------------------------- */

/* Which ON_* a target is: the objects a statistic may be opened on. */
unsigned target_class(const struct target *tg)
{
	switch (tg->kind) {
	case TG_AGENT:
		return ON_AGENT;
	case TG_TEAM_AGENTS:
		return ON_GROUP;
	case TG_SERVICE:
	case TG_TEAM_QUEUES:
	case TG_TENANT:
		return ON_QUEUES;
	case TG_NONE:
		break;
	}
	return 0;
}
