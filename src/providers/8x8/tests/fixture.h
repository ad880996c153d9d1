/*
 * fixture.h - what the 8x8 source's unit tests share (check_catalog.c,
 * check_parse.c, check_totals.c): the layouts they parse for, the
 * reference's example agent and queue records and a list of agents in
 * several teams, and the helpers that parse bodies and check cells,
 * totals and rows.
 */
#ifndef WB_EIGHTBYEIGHT_TESTS_FIXTURE_H
#define WB_EIGHTBYEIGHT_TESTS_FIXTURE_H

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "providers/8x8/parse.h"
#include "layout/layout.h"
#include "testlib.h"
#include "snapshot.h"

/* --- layouts ------------------------------------------------------------- */

/* Agent grid "1-ag" (columns 0-12) and the agent counts. */
static const char layout_agents[] =
	"title = \"Agents\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"in\" { stat = \"agents-logged-in\" }\n"
	"    column \"av\" { stat = \"agents-available\" }\n"
	"    column \"of\" { stat = \"agents-offered\" }\n"
	"    column \"bu\" { stat = \"agents-busy\" }\n"
	"    column \"pp\" { stat = \"agents-post-processing\" }\n"
	"    column \"br\" { stat = \"agents-on-break\" }\n"
	"    column \"wo\" { stat = \"agents-working-offline\" }\n"
	"    column \"out\" { stat = \"agents-logged-out\" } }\n"
	"  panel \"ag\" { type = agent_grid\n"
	"    column \"id\" { stat = \"agent-id\" }\n"
	"    column \"name\" { stat = \"agent-name\" }\n"
	"    column \"st\" { stat = \"agent-status\" }\n"
	"    column \"md\" { stat = \"agent-media-id\" }\n"
	"    column \"aht\" { stat = \"day-avg-processing-time\" }\n"
	"    column \"rej\" { stat = \"day-rejected-count\" }\n"
	"    column \"ll\" { stat = \"last-login-time\" }\n"
	"    column \"p1\" { stat = \"phone-line1-status\" }\n"
	"    column \"p1t\" { stat = \"phone-line1-status-time\" }\n"
	"    column \"code\" { stat = \"status-code-item-id\" }\n"
	"    column \"tis\" { stat = \"time-in-status\" }\n"
	"    column \"grp\" { stat = \"group-id\" }\n"
	"    column \"acc\" { stat = \"day-accepted-count\" } }\n"
	"}\n";

enum { A_ID, A_NAME, A_ST, A_MD, A_AHT, A_REJ, A_LL, A_P1, A_P1T, A_CODE,
       A_TIS, A_GRP, A_ACC };

/* Service grid "1-sv" (columns 0-12) and every total over queues. */
static const char layout_queues[] =
	"title = \"Queues\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"qs\" { stat = \"queue-size\" }\n"
	"    column \"lw\" { stat = \"longest-wait-time\" }\n"
	"    column \"tlw\" { stat = \"thirty-min-longest-wait-time\" }\n"
	"    column \"acc\" { stat = \"day-accepted\" }\n"
	"    column \"q\" { stat = \"day-queued\" }\n"
	"    column \"ab\" { stat = \"day-abandoned\" }\n"
	"    column \"busy\" { stat = \"agent-count-busy\" }\n"
	"    column \"wt\" { stat = \"agent-count-waitTransact\" }\n"
	"    column \"off\" { stat = \"number-in-offered\" }\n"
	"    column \"dw\" { stat = \"day-avg-wait-time\" }\n"
	"    column \"dd\" { stat = \"day-avg-duration\" }\n"
	"    column \"tw\" { stat = \"thirty-min-avg-wait-time\" }\n"
	"    column \"td\" { stat = \"thirty-min-avg-duration\" }\n"
	"    column \"dsla\" { stat = \"day-sla-activity\" }\n"
	"    column \"sla\" { stat = \"sla-activity\" }\n"
	"    column \"tsla\" { stat = \"thirty-min-sla-activity\" }\n"
	"    column \"tgt\" { stat = \"sla-target\" } }\n"
	"  panel \"sv\" { type = service_grid\n"
	"    column \"name\" { stat = \"queue-name\" }\n"
	"    column \"id\" { stat = \"queue-id\" }\n"
	"    column \"mt\" { stat = \"media-type\" }\n"
	"    column \"qs\" { stat = \"queue-size\" }\n"
	"    column \"lw\" { stat = \"longest-wait-time\" }\n"
	"    column \"acc\" { stat = \"day-accepted\" }\n"
	"    column \"dd\" { stat = \"day-avg-duration\" }\n"
	"    column \"dw\" { stat = \"day-avg-wait-time\" }\n"
	"    column \"dsla\" { stat = \"day-sla-activity\" }\n"
	"    column \"tsla\" { stat = \"thirty-min-sla-activity\" }\n"
	"    column \"tlw\" { stat = \"thirty-min-longest-wait-time\" }\n"
	"    column \"q\" { stat = \"day-queued\" }\n"
	"    column \"sum\" { stat = \"SUM\"\n"
	"      sum = {\"queue-size\", \"number-in-offered\"} } }\n"
	"}\n";

enum { Q_NAME, Q_ID, Q_MT, Q_QS, Q_LW, Q_ACC, Q_DD, Q_DW, Q_DSLA, Q_TSLA,
       Q_TLW, Q_Q, Q_SUM };

/* Agent grids "1-team" (group 101 or 7) and "1-in" (logged in only). */
static const char layout_select_agents[] =
	"title = \"Select agents\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"team\" { type = agent_grid\n"
	"    column \"id\" { stat = \"agent-id\" }\n"
	"    teams = {\"101\", \"7\"} }\n"
	"  panel \"in\" { type = agent_grid\n"
	"    column \"id\" { stat = \"agent-id\" }\n"
	"    logged_in_only = true }\n"
	"  panel \"both\" { type = agent_grid\n"
	"    column \"id\" { stat = \"agent-id\" }\n"
	"    teams = {\"101\"}\n"
	"    logged_in_only = true }\n"
	"}\n";

/* Service grid "1-some" by name and id, and totals over selections. */
static const char layout_select_queues[] =
	"title = \"Select queues\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"some\" { type = service_grid\n"
	"    column \"name\" { stat = \"queue-name\" }\n"
	"    services = {\"sales-chat\", \"115\"} }\n"
	"  panel \"one\" { type = service_grid\n"
	"    column \"name\" { stat = \"queue-name\" }\n"
	"    services = {\"111\"} }\n"
	"  panel \"all\" { type = totals\n"
	"    column \"qs\" { stat = \"queue-size\" }\n"
	"    column \"lw\" { stat = \"longest-wait-time\" }\n"
	"    column \"in\" { stat = \"agents-logged-in\" } }\n"
	"  panel \"chat\" { type = totals\n"
	"    column \"qs\" { stat = \"queue-size\" }\n"
	"    column \"lw\" { stat = \"longest-wait-time\" }\n"
	"    column \"in\" { stat = \"agents-logged-in\" }\n"
	"    services = {\"sales-chat\"} }\n"
	"  panel \"byid\" { type = totals\n"
	"    column \"qs\" { stat = \"queue-size\" }\n"
	"    column \"dw\" { stat = \"day-avg-wait-time\" }\n"
	"    services = {\"115\"} }\n"
	"  panel \"none\" { type = totals\n"
	"    column \"qs\" { stat = \"queue-size\" }\n"
	"    column \"lw\" { stat = \"longest-wait-time\" }\n"
	"    column \"dw\" { stat = \"day-avg-wait-time\" }\n"
	"    services = {\"no such queue\"} }\n"
	"}\n";

/* Only queue totals: the agents list is not needed. */
static const char layout_queue_totals[] =
	"title = \"Queue totals\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"qs\" { stat = \"queue-size\" } }\n"
	"}\n";

/* Only an agent count: the queues list is not needed. */
static const char layout_agent_totals[] =
	"title = \"Agent totals\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"tot\" { type = totals\n"
	"    column \"av\" { stat = \"agents-available\" } }\n"
	"}\n";

/* A service grid alone. */
static const char layout_queue_grid[] =
	"title = \"Queue grid\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"sv\" { type = service_grid\n"
	"    column \"name\" { stat = \"queue-name\" } }\n"
	"}\n";

/* An agent grid alone. */
static const char layout_agent_grid[] =
	"title = \"Agent grid\"\n"
	"provider = \"8x8\"\n"
	"row {\n"
	"  panel \"ag\" { type = agent_grid\n"
	"    column \"id\" { stat = \"agent-id\" } }\n"
	"}\n";

/* --- the reference's examples ------------------------------------------- */

/*
 * The example records of the API text, as a JSON conversion of its XML
 * gives them: values as strings, empty elements as "". Where an element's
 * tags disagree (<day-accepted>10</all-day-accepted>) the opening tag names
 * the field, so both names of each such pair occur.
 */
static const char agents_text[] =
	"{\"agents\": {\"agent\": [{\"agent-id\": \"ag1\","
	"\"agent-media-id\": \"1\",\"agent-name\": \"John Doe\","
	"\"agent-status\": \"1\",\"assigned-skill-count\": \"4\","
	"\"day-accepted-count\": \"0\",\"day-available-time\": \"0\","
	"\"day-avg-processing-time\": \"0\",\"day-break-time\": \"0\","
	"\"day-login-time\": \"0\",\"day-offline-time\": \"0\","
	"\"day-processing-time\": \"0\",\"day-rejected-count\": \"1\","
	"\"day-wrap-up-time\": \"0\",\"enabled-skill-count\": \"4\","
	"\"group-id\": \"101\",\"last-login-time\": \"-1\","
	"\"phone-line1-status\": \"0\",\"phone-line1-status-time\": \"-1\","
	"\"phone-line2-status\": \"0\",\"phone-line2-status-time\": \"-1\","
	"\"status-code-item-id\": \"\",\"status-code-item-short-code\": \"\","
	"\"status-code-list-id\": \"\",\"thirty-min-accepted-count\": \"0\","
	"\"thirty-min-available-time\": \"0\","
	"\"thirty-min-avg-handling-time\": \"0\","
	"\"thirty-min-break-time\": \"0\",\"thirty-min-offline-time\": \"0\","
	"\"thirty-min-processing-time\": \"0\","
	"\"thirty-min-rejected-count\": \"0\","
	"\"thirty-min-wrap-up-time\": \"0\",\"time-in-status\": \"-1\"},{"
	"\"agent-id\": \"clee\",\"agent-media-id\": \"2\","
	"\"agent-name\": \"Cecilia Lee\",\"agent-status\": \"1\","
	"\"assigned-skill-count\": \"4\",\"day-accepted-count\": \"0\","
	"\"day-available-time\": \"0\",\"day-avg-handling-time\": \"0\","
	"\"day-break-time\": \"0\",\"day-login-time\": \"0\","
	"\"day-offline-time\": \"0\",\"day-processing-time\": \"0\","
	"\"day-rejected-count\": \"0\",\"day-wrap-up-time\": \"0\","
	"\"enabled-skill-count\": \"4\",\"group-id\": \"101\","
	"\"last-login-time\": \"1323826680\",\"phone-line1-status\": \"5\","
	"\"phone-line1-status-time\": \"102\",\"phone-line2-status\": \"0\","
	"\"phone-line2-status-time\": \"-1\",\"status-code-item-id\": \"\","
	"\"status-code-item-short-code\": \"\",\"status-code-list-id\": \"\","
	"\"thirty-min-accepted-count\": \"0\","
	"\"thirty-min-available-time\": \"0\","
	"\"thirty-min-avg-handling-time\": \"0\","
	"\"thirty-min-break-time\": \"0\",\"thirty-min-offline-time\": \"0\","
	"\"thirty-min-processing-time\": \"0\","
	"\"thirty-min-rejected-count\": \"0\","
	"\"thirty-min-wrap-up-time\": \"0\",\"time-in-status\": \"-1\"}]}}";

/*
 * The same agents from a converter that writes numbers, empty elements as
 * null.
 */
static const char agents_numbers[] =
	"{\"agents\": {\"agent\": [{\"agent-id\": \"ag1\","
	"\"agent-media-id\": 1,\"agent-name\": \"John Doe\","
	"\"agent-status\": 1,\"assigned-skill-count\": 4,"
	"\"day-accepted-count\": 0,\"day-available-time\": 0,"
	"\"day-avg-processing-time\": 0,\"day-break-time\": 0,"
	"\"day-login-time\": 0,\"day-offline-time\": 0,"
	"\"day-processing-time\": 0,\"day-rejected-count\": 1,"
	"\"day-wrap-up-time\": 0,\"enabled-skill-count\": 4,\"group-id\": 101,"
	"\"last-login-time\": -1,\"phone-line1-status\": 0,"
	"\"phone-line1-status-time\": -1,\"phone-line2-status\": 0,"
	"\"phone-line2-status-time\": -1,\"status-code-item-id\": null,"
	"\"status-code-item-short-code\": null,\"status-code-list-id\": null,"
	"\"thirty-min-accepted-count\": 0,\"thirty-min-available-time\": 0,"
	"\"thirty-min-avg-handling-time\": 0,\"thirty-min-break-time\": 0,"
	"\"thirty-min-offline-time\": 0,\"thirty-min-processing-time\": 0,"
	"\"thirty-min-rejected-count\": 0,\"thirty-min-wrap-up-time\": 0,"
	"\"time-in-status\": -1},{\"agent-id\": \"clee\",\"agent-media-id\": 2,"
	"\"agent-name\": \"Cecilia Lee\",\"agent-status\": 1,"
	"\"assigned-skill-count\": 4,\"day-accepted-count\": 0,"
	"\"day-available-time\": 0,\"day-avg-handling-time\": 0,"
	"\"day-break-time\": 0,\"day-login-time\": 0,\"day-offline-time\": 0,"
	"\"day-processing-time\": 0,\"day-rejected-count\": 0,"
	"\"day-wrap-up-time\": 0,\"enabled-skill-count\": 4,\"group-id\": 101,"
	"\"last-login-time\": 1323826680,\"phone-line1-status\": 5,"
	"\"phone-line1-status-time\": 102,\"phone-line2-status\": 0,"
	"\"phone-line2-status-time\": -1,\"status-code-item-id\": null,"
	"\"status-code-item-short-code\": null,\"status-code-list-id\": null,"
	"\"thirty-min-accepted-count\": 0,\"thirty-min-available-time\": 0,"
	"\"thirty-min-avg-handling-time\": 0,\"thirty-min-break-time\": 0,"
	"\"thirty-min-offline-time\": 0,\"thirty-min-processing-time\": 0,"
	"\"thirty-min-rejected-count\": 0,\"thirty-min-wrap-up-time\": 0,"
	"\"time-in-status\": -1}]}}";

/* The example queues, values as strings. */
static const char queues_text[] =
	"{\"queues\": {\"queue\": [{\"agent-count-busy\": \"3\","
	"\"agent-count-loggedOut\": \"2\",\"agent-count-onBreak\": \"2\","
	"\"agent-count-postProcess\": \"1\","
	"\"agent-count-waitTransact\": \"0\","
	"\"agent-count-workOffline\": \"0\",\"day-abandoned\": \"2\","
	"\"day-accepted\": \"10\",\"day-avg-duration\": \"134\","
	"\"day-avg-wait-time\": \"566\",\"day-queued\": \"30\","
	"\"day-sla-activity\": \"-1\",\"assigned-agent-count\": \"9\","
	"\"enabled-agent-count\": \"8\",\"longest-wait-time\": \"1113\","
	"\"media-type\": \"phone\",\"number-in-offered\": \"1\","
	"\"number-in-progress\": \"2\",\"queue-id\": \"115\","
	"\"queue-name\": \"outbound queue\",\"queue-size\": \"4\","
	"\"sla-activity\": \"0\",\"sla-target\": \"0\","
	"\"thirty-min-abandoned\": \"0\",\"thirty-min-accepted\": \"4\","
	"\"thirty-min-avg-duration\": \"34\","
	"\"thirty-min-avg-wait-time\": \"110\","
	"\"thirty-min-longest-wait-time\": \"340\","
	"\"thirty-min-queued\": \"24\",\"thirty-min-sla-activity\": \"-1\"},{"
	"\"agent-count-busy\": \"1\",\"agent-count-loggedOut\": \"1\","
	"\"agent-count-onBreak\": \"0\",\"agent-count-postProcess\": \"1\","
	"\"agent-count-waitTransact\": \"2\","
	"\"agent-count-workOffline\": \"2\",\"day-abandoned\": \"1\","
	"\"all-day-accepted\": \"0\",\"all-day-avg-duration\": \"0\","
	"\"all-day-avg-wait-time\": \"0\",\"all-day-queued\": \"0\","
	"\"all-day-sla-activity\": \"-1\",\"assigned-agent-count\": \"1\","
	"\"enabled-agent-count\": \"1\",\"longest-wait-time\": \"0\","
	"\"media-type\": \"chat\",\"number-in-offered\": \"1\","
	"\"number-in-progress\": \"0\",\"queue-id\": \"111\","
	"\"queue-name\": \"sales-chat\",\"queue-size\": \"1\","
	"\"sla-activity\": \"0\",\"sla-target\": \"0\","
	"\"thirty-min-abandoned\": \"1\",\"thirty-min-accepted\": \"0\","
	"\"thirty-min-avg-duration\": \"0\","
	"\"thirty-min-avg-wait-time\": \"0\","
	"\"thirty-min-longest-wait-time\": \"-1\",\"thirty-min-queued\": \"0\","
	"\"thirty-min-sla-activity\": \"-1\"}]}}";

/* The same queues with numbers. */
static const char queues_numbers[] =
	"{\"queues\": {\"queue\": [{\"agent-count-busy\": 3,"
	"\"agent-count-loggedOut\": 2,\"agent-count-onBreak\": 2,"
	"\"agent-count-postProcess\": 1,\"agent-count-waitTransact\": 0,"
	"\"agent-count-workOffline\": 0,\"day-abandoned\": 2,"
	"\"day-accepted\": 10,\"day-avg-duration\": 134,"
	"\"day-avg-wait-time\": 566,\"day-queued\": 30,"
	"\"day-sla-activity\": -1,\"assigned-agent-count\": 9,"
	"\"enabled-agent-count\": 8,\"longest-wait-time\": 1113,"
	"\"media-type\": \"phone\",\"number-in-offered\": 1,"
	"\"number-in-progress\": 2,\"queue-id\": 115,"
	"\"queue-name\": \"outbound queue\",\"queue-size\": 4,"
	"\"sla-activity\": 0,\"sla-target\": 0,\"thirty-min-abandoned\": 0,"
	"\"thirty-min-accepted\": 4,\"thirty-min-avg-duration\": 34,"
	"\"thirty-min-avg-wait-time\": 110,"
	"\"thirty-min-longest-wait-time\": 340,\"thirty-min-queued\": 24,"
	"\"thirty-min-sla-activity\": -1},{\"agent-count-busy\": 1,"
	"\"agent-count-loggedOut\": 1,\"agent-count-onBreak\": 0,"
	"\"agent-count-postProcess\": 1,\"agent-count-waitTransact\": 2,"
	"\"agent-count-workOffline\": 2,\"day-abandoned\": 1,"
	"\"all-day-accepted\": 0,\"all-day-avg-duration\": 0,"
	"\"all-day-avg-wait-time\": 0,\"all-day-queued\": 0,"
	"\"all-day-sla-activity\": -1,\"assigned-agent-count\": 1,"
	"\"enabled-agent-count\": 1,\"longest-wait-time\": 0,"
	"\"media-type\": \"chat\",\"number-in-offered\": 1,"
	"\"number-in-progress\": 0,\"queue-id\": 111,"
	"\"queue-name\": \"sales-chat\",\"queue-size\": 1,\"sla-activity\": 0,"
	"\"sla-target\": 0,\"thirty-min-abandoned\": 1,"
	"\"thirty-min-accepted\": 0,\"thirty-min-avg-duration\": 0,"
	"\"thirty-min-avg-wait-time\": 0,\"thirty-min-longest-wait-time\": -1,"
	"\"thirty-min-queued\": 0,\"thirty-min-sla-activity\": -1}]}}";

/* --- agents in teams ----------------------------------------------------- */

/* Agents for the team and logged-in selections. */
static const char agents_mixed[] =
	"{\"agents\": {\"agent\": [{\"agent-id\": \"a\", \"group-id\": "
	"\"101\", \"agent-status\": \"0\"},{\"agent-id\": \"b\", \"group-id\": "
	"7, \"agent-status\": 9},{\"agent-id\": \"c\", \"group-id\": \"102\", "
	"\"agent-status\": \"2\"},{\"agent-id\": \"d\", \"agent-status\": "
	"\"1\"},{\"agent-id\": \"e\", \"group-id\": \"101\", \"agent-status\": "
	"\"9\"},{\"agent-id\": \"f\", \"group-id\": \"101\"},{\"agent-id\": "
	"\"g\", \"group-id\": \"1010\", \"agent-status\": \"0\"}]}}";

/* --- helpers ------------------------------------------------------------- */

/* A layoutset of one 8x8 layout given as text. */
static inline struct layoutset *set_of(const char *text)
{
	return testlib_layoutset1("8x8", text);
}

/* Parse two bodies given as C strings (either may be NULL). */
static inline struct snapshot *parse(const char *agents, const char *queues,
				     const struct layoutset *set, char *err,
				     size_t errsz)
{
	return eightbyeight_parse(agents, agents ? strlen(agents) : 0,
				  queues, queues ? strlen(queues) : 0,
				  set, err, errsz);
}

/* Parse bodies that must be accepted with no complaint. */
static inline struct snapshot *parse_ok(const char *agents, const char *queues,
					const struct layoutset *set)
{
	char err[256] = "unset";
	struct snapshot *s = parse(agents, queues, set, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_msg(err[0] == '\0', "err set on success: %s", err);
	return s;
}

/* Two strings, either of which may be NULL, are the same. */
static inline void assert_same(const char *got, const char *want,
			       const char *what)
{
	if (want == NULL)
		ck_assert_msg(got == NULL, "%s: \"%s\", want NULL", what, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0,
			      "%s: %s%s%s, want \"%s\"", what, got ? "\"" : "",
			      got ? got : "NULL", got ? "\"" : "", want);
}

/* A cell must be NULL (want NULL) or equal to want. */
static inline void assert_cell(const struct snapshot *s, size_t gid, size_t r,
			       size_t c, const char *want)
{
	char what[64];

	ck_assert_msg(r < s->grids[gid].nrows, "row %zu of %zu", r,
		      s->grids[gid].nrows);
	snprintf(what, sizeof(what), "grid %zu cell %zu,%zu", gid, r, c);
	assert_same(snapshot_cell_text(s, gid, r, c), want, what);
}

/* A total over a selection must be NULL (want NULL) or equal to want. */
static inline void assert_total(const struct snapshot *s,
				const struct layoutset *set, const char *stat,
				const char *scope, const char *want)
{
	char what[128];

	snprintf(what, sizeof(what), "%s over \"%s\"", stat, scope);
	assert_same(s->totals[testlib_tid_of(set, stat, scope)].text, want,
		    what);
}

/* The rows of a one-column grid must be exactly want[0..n). */
static inline void assert_rows(const struct snapshot *s, size_t gid,
			       const char *const *want, size_t n)
{
	ck_assert(s->grids[gid].present);
	ck_assert_uint_eq(s->grids[gid].nrows, n);
	for (size_t r = 0; r < n; r++)
		assert_cell(s, gid, r, 0, want[r]);
}

#endif
