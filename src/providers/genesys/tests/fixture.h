/*
 * fixture.h - what the Genesys source's unit tests of its body functions
 * share (check_parse.c, check_subscription.c): the layout they build and
 * parse for, the agents and queues it shows, and the helpers that check
 * cells, totals and text.
 */
#ifndef WB_GENESYS_TESTS_FIXTURE_H
#define WB_GENESYS_TESTS_FIXTURE_H

#include <check.h>
#include <stdbool.h>
#include <string.h>

#include "providers/genesys/parse.h"
#include "layout/layout.h"
#include "testlib.h"
#include "snapshot.h"

/* --- fixtures ------------------------------------------------------------ */

/*
 * Grids: gid 0 "ag" (agents), 1 "sv" (every queue), 2 "svs" (Sales only).
 * Totals: the "tot" panel over the tenant, the "two" panel over Sales and
 * Support (their tids are looked up, not assumed).
 */
static const char layout_main[] =
	"title = \"Genesys\"\n"
	"provider = \"genesys\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"w\" { stat = \"CurrNumberWaitingCalls\" }\n"
	"    column \"l\" { stat = \"CurrMaxCallWaitingTime\" }\n"
	"    column \"sl\" { stat = \"ServiceFactor1\" } }\n"
	"  panel \"two\" { type = totals\n"
	"    services = {\"Sales\", \"Support\"}\n"
	"    column \"w\" { stat = \"CurrNumberWaitingCalls\" }\n"
	"    column \"l\" { stat = \"CurrMaxCallWaitingTime\" }\n"
	"    column \"sl\" { stat = \"ServiceFactor1\" }\n"
	"    column \"ab\" { stat = \"PercentageCallsAbandoned\" } }\n"
	"  panel \"ag\" { type = agent_grid\n"
	"    column \"id\" { stat = \"ObjectId\" }\n"
	"    column \"st\" { stat = \"CurrentAgentState\" }\n"
	"    column \"t\" { stat = \"TimeInCurrentState\" }\n"
	"    column \"calls\" { stat = \"SUM\"\n"
	"      sum = {\"TotalNumberInboundCalls\", "
	"\"TotalNumberOutboundCalls\"} }\n"
	"    column \"why\" { stat = \"CurrentNotReadyReason\" } }\n"
	"  panel \"sv\" { type = service_grid\n"
	"    column \"id\" { stat = \"ObjectId\" }\n"
	"    column \"w\" { stat = \"CurrNumberWaitingCalls\" } }\n"
	"  panel \"svs\" { type = service_grid\n"
	"    services = {\"Sales\"}\n"
	"    column \"w\" { stat = \"CurrNumberWaitingCalls\" }\n"
	"    column \"q\" { stat = \"ObjectId\" } }\n"
	"}\n";

/* Columns of the agent grid (gid 0). */
enum { AG_ID, AG_STATE, AG_TIME, AG_CALLS, AG_WHY };

static char *agents[] = { "a1", "a2", "a3" };
static char *queues[] = { "Q1", "Q2" };
static const struct genesys_objects objs = {
	agents, 3, queues, 2, "Environment"
};

/* A layoutset of one Genesys layout given as text. */
static inline struct layoutset *set_of(const char *text)
{
	return testlib_layoutset1("genesys", text);
}

/* Assert a cell holds text (NULL: no cell). */
static inline void assert_cell(const struct snapshot *s, size_t gid, size_t r,
			       size_t c, const char *want)
{
	const char *got = snapshot_cell_text(s, gid, r, c);

	if (want == NULL)
		ck_assert_msg(got == NULL,
			      "cell %zu.%zu.%zu: want none, got \"%s\"", gid, r,
			      c, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0,
			      "cell %zu.%zu.%zu: want \"%s\", got %s%s%s", gid,
			      r, c, want, got ? "\"" : "", got ? got : "none",
			      got ? "\"" : "");
}

/* Assert a total holds text (NULL: none). */
static inline void assert_total(const struct snapshot *s, size_t tid,
				const char *want)
{
	const char *got = s->totals[tid].text;

	if (want == NULL)
		ck_assert_msg(got == NULL, "total %zu: want none, got \"%s\"",
			      tid, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0,
			      "total %zu: want \"%s\", got %s", tid, want,
			      got ? got : "none");
}

/* True when text holds no control character (C0 or DEL) nor ESC. */
static inline bool clean(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

#endif
