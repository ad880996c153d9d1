/*
 * check_parse.c - unit tests of the 8x8 statistic catalogue
 * (catalog.c) and body parser (parse.[ch]).
 *
 * The catalogue: both tables sorted strictly (they are bisected), every
 * derived total a known total statistic reading known fields, the kinds
 * the board relies on. The parser: the reference's example agent and
 * queue records, transcribed into JSON once with string values and once
 * with numbers; every shape the lists come in; the field names the
 * examples use instead of the table's; -1 as no value; agent states and
 * media; team, logged-in and service selections; every rule a total is
 * derived by, over all queues and over a selection; SUM columns; control
 * characters that never survive; and bodies refused whole.
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "providers/8x8/parse.h"
#include "layout/layout.h"
#include "testlib.h"
#include "snapshot.h"

/* --- layouts -------------------------------------------------------------- */

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
	"{\"agents\": {\"agent\": ["
	"{"
	"\"agent-id\": \"ag1\","
	"\"agent-media-id\": \"1\","
	"\"agent-name\": \"John Doe\","
	"\"agent-status\": \"1\","
	"\"assigned-skill-count\": \"4\","
	"\"day-accepted-count\": \"0\","
	"\"day-available-time\": \"0\","
	"\"day-avg-processing-time\": \"0\","
	"\"day-break-time\": \"0\","
	"\"day-login-time\": \"0\","
	"\"day-offline-time\": \"0\","
	"\"day-processing-time\": \"0\","
	"\"day-rejected-count\": \"1\","
	"\"day-wrap-up-time\": \"0\","
	"\"enabled-skill-count\": \"4\","
	"\"group-id\": \"101\","
	"\"last-login-time\": \"-1\","
	"\"phone-line1-status\": \"0\","
	"\"phone-line1-status-time\": \"-1\","
	"\"phone-line2-status\": \"0\","
	"\"phone-line2-status-time\": \"-1\","
	"\"status-code-item-id\": \"\","
	"\"status-code-item-short-code\": \"\","
	"\"status-code-list-id\": \"\","
	"\"thirty-min-accepted-count\": \"0\","
	"\"thirty-min-available-time\": \"0\","
	"\"thirty-min-avg-handling-time\": \"0\","
	"\"thirty-min-break-time\": \"0\","
	"\"thirty-min-offline-time\": \"0\","
	"\"thirty-min-processing-time\": \"0\","
	"\"thirty-min-rejected-count\": \"0\","
	"\"thirty-min-wrap-up-time\": \"0\","
	"\"time-in-status\": \"-1\""
	"},"
	"{"
	"\"agent-id\": \"clee\","
	"\"agent-media-id\": \"2\","
	"\"agent-name\": \"Cecilia Lee\","
	"\"agent-status\": \"1\","
	"\"assigned-skill-count\": \"4\","
	"\"day-accepted-count\": \"0\","
	"\"day-available-time\": \"0\","
	"\"day-avg-handling-time\": \"0\","
	"\"day-break-time\": \"0\","
	"\"day-login-time\": \"0\","
	"\"day-offline-time\": \"0\","
	"\"day-processing-time\": \"0\","
	"\"day-rejected-count\": \"0\","
	"\"day-wrap-up-time\": \"0\","
	"\"enabled-skill-count\": \"4\","
	"\"group-id\": \"101\","
	"\"last-login-time\": \"1323826680\","
	"\"phone-line1-status\": \"5\","
	"\"phone-line1-status-time\": \"102\","
	"\"phone-line2-status\": \"0\","
	"\"phone-line2-status-time\": \"-1\","
	"\"status-code-item-id\": \"\","
	"\"status-code-item-short-code\": \"\","
	"\"status-code-list-id\": \"\","
	"\"thirty-min-accepted-count\": \"0\","
	"\"thirty-min-available-time\": \"0\","
	"\"thirty-min-avg-handling-time\": \"0\","
	"\"thirty-min-break-time\": \"0\","
	"\"thirty-min-offline-time\": \"0\","
	"\"thirty-min-processing-time\": \"0\","
	"\"thirty-min-rejected-count\": \"0\","
	"\"thirty-min-wrap-up-time\": \"0\","
	"\"time-in-status\": \"-1\""
	"}"
	"]}}";

/* The same agents from a converter that writes numbers, empty elements as null. */
static const char agents_numbers[] =
	"{\"agents\": {\"agent\": ["
	"{"
	"\"agent-id\": \"ag1\","
	"\"agent-media-id\": 1,"
	"\"agent-name\": \"John Doe\","
	"\"agent-status\": 1,"
	"\"assigned-skill-count\": 4,"
	"\"day-accepted-count\": 0,"
	"\"day-available-time\": 0,"
	"\"day-avg-processing-time\": 0,"
	"\"day-break-time\": 0,"
	"\"day-login-time\": 0,"
	"\"day-offline-time\": 0,"
	"\"day-processing-time\": 0,"
	"\"day-rejected-count\": 1,"
	"\"day-wrap-up-time\": 0,"
	"\"enabled-skill-count\": 4,"
	"\"group-id\": 101,"
	"\"last-login-time\": -1,"
	"\"phone-line1-status\": 0,"
	"\"phone-line1-status-time\": -1,"
	"\"phone-line2-status\": 0,"
	"\"phone-line2-status-time\": -1,"
	"\"status-code-item-id\": null,"
	"\"status-code-item-short-code\": null,"
	"\"status-code-list-id\": null,"
	"\"thirty-min-accepted-count\": 0,"
	"\"thirty-min-available-time\": 0,"
	"\"thirty-min-avg-handling-time\": 0,"
	"\"thirty-min-break-time\": 0,"
	"\"thirty-min-offline-time\": 0,"
	"\"thirty-min-processing-time\": 0,"
	"\"thirty-min-rejected-count\": 0,"
	"\"thirty-min-wrap-up-time\": 0,"
	"\"time-in-status\": -1"
	"},"
	"{"
	"\"agent-id\": \"clee\","
	"\"agent-media-id\": 2,"
	"\"agent-name\": \"Cecilia Lee\","
	"\"agent-status\": 1,"
	"\"assigned-skill-count\": 4,"
	"\"day-accepted-count\": 0,"
	"\"day-available-time\": 0,"
	"\"day-avg-handling-time\": 0,"
	"\"day-break-time\": 0,"
	"\"day-login-time\": 0,"
	"\"day-offline-time\": 0,"
	"\"day-processing-time\": 0,"
	"\"day-rejected-count\": 0,"
	"\"day-wrap-up-time\": 0,"
	"\"enabled-skill-count\": 4,"
	"\"group-id\": 101,"
	"\"last-login-time\": 1323826680,"
	"\"phone-line1-status\": 5,"
	"\"phone-line1-status-time\": 102,"
	"\"phone-line2-status\": 0,"
	"\"phone-line2-status-time\": -1,"
	"\"status-code-item-id\": null,"
	"\"status-code-item-short-code\": null,"
	"\"status-code-list-id\": null,"
	"\"thirty-min-accepted-count\": 0,"
	"\"thirty-min-available-time\": 0,"
	"\"thirty-min-avg-handling-time\": 0,"
	"\"thirty-min-break-time\": 0,"
	"\"thirty-min-offline-time\": 0,"
	"\"thirty-min-processing-time\": 0,"
	"\"thirty-min-rejected-count\": 0,"
	"\"thirty-min-wrap-up-time\": 0,"
	"\"time-in-status\": -1"
	"}"
	"]}}";

/* The example queues, values as strings. */
static const char queues_text[] =
	"{\"queues\": {\"queue\": ["
	"{"
	"\"agent-count-busy\": \"3\","
	"\"agent-count-loggedOut\": \"2\","
	"\"agent-count-onBreak\": \"2\","
	"\"agent-count-postProcess\": \"1\","
	"\"agent-count-waitTransact\": \"0\","
	"\"agent-count-workOffline\": \"0\","
	"\"day-abandoned\": \"2\","
	"\"day-accepted\": \"10\","
	"\"day-avg-duration\": \"134\","
	"\"day-avg-wait-time\": \"566\","
	"\"day-queued\": \"30\","
	"\"day-sla-activity\": \"-1\","
	"\"assigned-agent-count\": \"9\","
	"\"enabled-agent-count\": \"8\","
	"\"longest-wait-time\": \"1113\","
	"\"media-type\": \"phone\","
	"\"number-in-offered\": \"1\","
	"\"number-in-progress\": \"2\","
	"\"queue-id\": \"115\","
	"\"queue-name\": \"outbound queue\","
	"\"queue-size\": \"4\","
	"\"sla-activity\": \"0\","
	"\"sla-target\": \"0\","
	"\"thirty-min-abandoned\": \"0\","
	"\"thirty-min-accepted\": \"4\","
	"\"thirty-min-avg-duration\": \"34\","
	"\"thirty-min-avg-wait-time\": \"110\","
	"\"thirty-min-longest-wait-time\": \"340\","
	"\"thirty-min-queued\": \"24\","
	"\"thirty-min-sla-activity\": \"-1\""
	"},"
	"{"
	"\"agent-count-busy\": \"1\","
	"\"agent-count-loggedOut\": \"1\","
	"\"agent-count-onBreak\": \"0\","
	"\"agent-count-postProcess\": \"1\","
	"\"agent-count-waitTransact\": \"2\","
	"\"agent-count-workOffline\": \"2\","
	"\"day-abandoned\": \"1\","
	"\"all-day-accepted\": \"0\","
	"\"all-day-avg-duration\": \"0\","
	"\"all-day-avg-wait-time\": \"0\","
	"\"all-day-queued\": \"0\","
	"\"all-day-sla-activity\": \"-1\","
	"\"assigned-agent-count\": \"1\","
	"\"enabled-agent-count\": \"1\","
	"\"longest-wait-time\": \"0\","
	"\"media-type\": \"chat\","
	"\"number-in-offered\": \"1\","
	"\"number-in-progress\": \"0\","
	"\"queue-id\": \"111\","
	"\"queue-name\": \"sales-chat\","
	"\"queue-size\": \"1\","
	"\"sla-activity\": \"0\","
	"\"sla-target\": \"0\","
	"\"thirty-min-abandoned\": \"1\","
	"\"thirty-min-accepted\": \"0\","
	"\"thirty-min-avg-duration\": \"0\","
	"\"thirty-min-avg-wait-time\": \"0\","
	"\"thirty-min-longest-wait-time\": \"-1\","
	"\"thirty-min-queued\": \"0\","
	"\"thirty-min-sla-activity\": \"-1\""
	"}"
	"]}}";

/* The same queues with numbers. */
static const char queues_numbers[] =
	"{\"queues\": {\"queue\": ["
	"{"
	"\"agent-count-busy\": 3,"
	"\"agent-count-loggedOut\": 2,"
	"\"agent-count-onBreak\": 2,"
	"\"agent-count-postProcess\": 1,"
	"\"agent-count-waitTransact\": 0,"
	"\"agent-count-workOffline\": 0,"
	"\"day-abandoned\": 2,"
	"\"day-accepted\": 10,"
	"\"day-avg-duration\": 134,"
	"\"day-avg-wait-time\": 566,"
	"\"day-queued\": 30,"
	"\"day-sla-activity\": -1,"
	"\"assigned-agent-count\": 9,"
	"\"enabled-agent-count\": 8,"
	"\"longest-wait-time\": 1113,"
	"\"media-type\": \"phone\","
	"\"number-in-offered\": 1,"
	"\"number-in-progress\": 2,"
	"\"queue-id\": 115,"
	"\"queue-name\": \"outbound queue\","
	"\"queue-size\": 4,"
	"\"sla-activity\": 0,"
	"\"sla-target\": 0,"
	"\"thirty-min-abandoned\": 0,"
	"\"thirty-min-accepted\": 4,"
	"\"thirty-min-avg-duration\": 34,"
	"\"thirty-min-avg-wait-time\": 110,"
	"\"thirty-min-longest-wait-time\": 340,"
	"\"thirty-min-queued\": 24,"
	"\"thirty-min-sla-activity\": -1"
	"},"
	"{"
	"\"agent-count-busy\": 1,"
	"\"agent-count-loggedOut\": 1,"
	"\"agent-count-onBreak\": 0,"
	"\"agent-count-postProcess\": 1,"
	"\"agent-count-waitTransact\": 2,"
	"\"agent-count-workOffline\": 2,"
	"\"day-abandoned\": 1,"
	"\"all-day-accepted\": 0,"
	"\"all-day-avg-duration\": 0,"
	"\"all-day-avg-wait-time\": 0,"
	"\"all-day-queued\": 0,"
	"\"all-day-sla-activity\": -1,"
	"\"assigned-agent-count\": 1,"
	"\"enabled-agent-count\": 1,"
	"\"longest-wait-time\": 0,"
	"\"media-type\": \"chat\","
	"\"number-in-offered\": 1,"
	"\"number-in-progress\": 0,"
	"\"queue-id\": 111,"
	"\"queue-name\": \"sales-chat\","
	"\"queue-size\": 1,"
	"\"sla-activity\": 0,"
	"\"sla-target\": 0,"
	"\"thirty-min-abandoned\": 1,"
	"\"thirty-min-accepted\": 0,"
	"\"thirty-min-avg-duration\": 0,"
	"\"thirty-min-avg-wait-time\": 0,"
	"\"thirty-min-longest-wait-time\": -1,"
	"\"thirty-min-queued\": 0,"
	"\"thirty-min-sla-activity\": -1"
	"}"
	"]}}";

/* --- helpers -------------------------------------------------------------- */

/* A layoutset of one 8x8 layout given as text. */
static struct layoutset *set_of(const char *text)
{
	return testlib_layoutset1("8x8", text);
}

/* Parse two bodies given as C strings (either may be NULL). */
static struct snapshot *parse(const char *agents, const char *queues,
			      const struct layoutset *set, char *err, size_t errsz)
{
	return eightbyeight_parse(agents, agents ? strlen(agents) : 0,
				  queues, queues ? strlen(queues) : 0,
				  set, err, errsz);
}

/* Parse bodies that must be accepted with no complaint. */
static struct snapshot *parse_ok(const char *agents, const char *queues,
				 const struct layoutset *set)
{
	char err[256] = "unset";
	struct snapshot *s = parse(agents, queues, set, err, sizeof(err));

	ck_assert_msg(s != NULL, "refused: %s", err);
	ck_assert_msg(err[0] == '\0', "err set on success: %s", err);
	return s;
}

/* The grid panel of set with a key, and its gid. */
static size_t gid_of(const struct layoutset *set, const char *key)
{
	for (size_t g = 0; g < set->ngrids; g++)
		if (strcmp(set->grids[g].key, key) == 0)
			return g;
	ck_abort_msg("no grid %s", key);
	return 0;
}

/* The tid of a totals statistic over a selection ("" = all queues). */
static size_t tid_of(const struct layoutset *set, const char *stat,
		     const char *scope)
{
	for (size_t t = 0; t < set->ntotals; t++)
		if (strcmp(set->totals[t], stat) == 0 &&
		    strcmp(set->total_scopes[t], scope) == 0)
			return t;
	ck_abort_msg("no totals statistic %s over \"%s\"", stat, scope);
	return 0;
}

/* Two strings, either of which may be NULL, are the same. */
static void assert_same(const char *got, const char *want, const char *what)
{
	if (want == NULL)
		ck_assert_msg(got == NULL, "%s: \"%s\", want NULL", what, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0,
			      "%s: %s%s%s, want \"%s\"", what, got ? "\"" : "",
			      got ? got : "NULL", got ? "\"" : "", want);
}

/* A cell must be NULL (want NULL) or equal to want. */
static void assert_cell(const struct snapshot *s, size_t gid, size_t r,
			size_t c, const char *want)
{
	char what[64];

	ck_assert_msg(r < s->grids[gid].nrows, "row %zu of %zu", r,
		      s->grids[gid].nrows);
	snprintf(what, sizeof(what), "grid %zu cell %zu,%zu", gid, r, c);
	assert_same(snapshot_cell_text(s, gid, r, c), want, what);
}

/* A total over a selection must be NULL (want NULL) or equal to want. */
static void assert_total(const struct snapshot *s, const struct layoutset *set,
			 const char *stat, const char *scope, const char *want)
{
	char what[128];

	snprintf(what, sizeof(what), "%s over \"%s\"", stat, scope);
	assert_same(s->totals[tid_of(set, stat, scope)].text, want, what);
}

/* The rows of a one-column grid must be exactly want[0..n). */
static void assert_rows(const struct snapshot *s, size_t gid,
			const char *const *want, size_t n)
{
	ck_assert(s->grids[gid].present);
	ck_assert_uint_eq(s->grids[gid].nrows, n);
	for (size_t r = 0; r < n; r++)
		assert_cell(s, gid, r, 0, want[r]);
}

/* No C0 control, DEL or C1 control (as UTF-8) in s. */
static void assert_clean(const char *s, const char *where)
{
	if (s == NULL)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		ck_assert_msg(*p >= 0x20 && *p != 0x7f,
			      "%s: control byte 0x%02x in \"%s\"", where, *p, s);
		ck_assert_msg(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f),
			      "%s: C1 control in \"%s\"", where, s);
	}
}

/* Every string of a snapshot is clean. */
static void assert_snapshot_clean(const struct snapshot *s)
{
	for (size_t t = 0; t < s->ntotals; t++)
		assert_clean(s->totals[t].text, "total");
	for (size_t g = 0; g < s->ngrids; g++)
		for (size_t i = 0; i < s->grids[g].nrows * s->grids[g].ncols; i++)
			assert_clean(s->grids[g].cells[i].text, "cell");
}

/* A body must be refused: NULL, and err names the list and the fault. */
static void assert_refused(const char *agents, const char *queues,
			   const struct layoutset *set, const char *want)
{
	char err[256] = "";
	struct snapshot *s = parse(agents, queues, set, err, sizeof(err));

	ck_assert_msg(s == NULL, "accepted: agents %s, queues %s",
		      agents ? agents : "NULL", queues ? queues : "NULL");
	ck_assert_msg(strstr(err, want) != NULL, "err \"%s\", want \"%s\" in it",
		      err, want);
	assert_clean(err, "err");
}

/* --- the catalogue -------------------------------------------------------- */

/* The catalogue is the 8x8 provider's, with every statistic and rule. */
START_TEST(test_catalog_for)
{
	ck_assert_ptr_eq(catalog_for("8x8"), &catalog_8x8);
	ck_assert_str_eq(catalog_8x8.provider, "8x8");
	ck_assert(!catalog_8x8.messages);
	ck_assert_uint_eq(catalog_8x8.n, 71);
	ck_assert_uint_eq(catalog_8x8.nderive, 35);
}
END_TEST

/* Statistics sorted strictly by name, each found by bisection. */
START_TEST(test_stats_sorted)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 1; i < cat->n; i++)
		ck_assert_msg(strcmp(cat->stats[i - 1].name, cat->stats[i].name) < 0,
			      "stats not strictly sorted at %zu: \"%s\" then \"%s\"",
			      i, cat->stats[i - 1].name, cat->stats[i].name);
	for (size_t i = 0; i < cat->n; i++)
		ck_assert_ptr_eq(catalog_find(cat, cat->stats[i].name),
				 &cat->stats[i]);
}
END_TEST

/* Rules sorted strictly by name, each found; row fields have none. */
START_TEST(test_derive_sorted)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 1; i < cat->nderive; i++)
		ck_assert_msg(strcmp(cat->derive[i - 1].name, cat->derive[i].name) < 0,
			      "derive not strictly sorted at %zu: \"%s\" then \"%s\"",
			      i, cat->derive[i - 1].name, cat->derive[i].name);
	for (size_t i = 0; i < cat->nderive; i++)
		ck_assert_ptr_eq(catalog_derive(cat, cat->derive[i].name),
				 &cat->derive[i]);
	ck_assert_ptr_null(catalog_derive(cat, "agent-name"));
	ck_assert_ptr_null(catalog_derive(cat, "queue-name"));
	ck_assert_ptr_null(catalog_derive(cat, "zzz"));
}
END_TEST

/* Every rule makes a known total from known row fields of the right rows. */
START_TEST(test_derive_well_formed)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 0; i < cat->nderive; i++) {
		const struct stat_derive *d = &cat->derive[i];
		const struct stat_info *total = catalog_find(cat, d->name);
		const struct stat_info *f = catalog_find(cat, d->field);

		ck_assert_msg(total != NULL, "%s not in stats", d->name);
		ck_assert_msg(total->scope & STAT_SCOPE_TOTAL, "%s: not a total", d->name);
		ck_assert_msg(f != NULL && (f->scope & d->rows), "%s: field %s",
			      d->name, d->field);
		if (d->op == DERIVE_WAVG) {
			const struct stat_info *w = catalog_find(cat, d->arg);
			ck_assert_msg(w && w->kind == STAT_COUNT && (w->scope & d->rows),
				      "%s: weight %s", d->name, d->arg);
		}
		if (d->op == DERIVE_COUNT_EQ || d->op == DERIVE_COUNT_NE) {
			ck_assert_ptr_nonnull(d->arg);
			ck_assert_uint_eq(d->rows, STAT_SCOPE_AGENT);
		}
	}
}
END_TEST

/* Every total a layout may name has a rule; row-only fields are no total. */
START_TEST(test_every_total_derived)
{
	const struct catalog *cat = &catalog_8x8;

	for (size_t i = 0; i < cat->n; i++) {
		const struct stat_info *st = &cat->stats[i];
		bool derived = catalog_derive(cat, st->name) != NULL;
		ck_assert_msg(derived == ((st->scope & STAT_SCOPE_TOTAL) != 0),
			      "%s: total scope %d, rule %d", st->name,
			      (st->scope & STAT_SCOPE_TOTAL) != 0, derived);
		ck_assert_msg(st->desc && st->desc[0], "%s: no description", st->name);
		ck_assert_uint_eq(st->flags & STAT_RENAMED, 0);
	}
}
END_TEST

/* The kinds and scopes the board's formats and tickers rely on. */
START_TEST(test_kinds)
{
	static const struct {
		const char *name;
		enum stat_kind kind;
		unsigned scope, flags;
	} want[] = {
		{ "agent-status", STAT_STATE, STAT_SCOPE_AGENT, 0 },
		{ "agent-media-id", STAT_TEXT, STAT_SCOPE_AGENT, 0 },
		{ "time-in-status", STAT_DURATION, STAT_SCOPE_AGENT, STAT_TICKS },
		{ "day-login-time", STAT_DURATION, STAT_SCOPE_AGENT, 0 },
		{ "last-login-time", STAT_TIME, STAT_SCOPE_AGENT, 0 },
		{ "group-id", STAT_TEXT, STAT_SCOPE_AGENT, 0 },
		{ "day-rejected-count", STAT_COUNT, STAT_SCOPE_AGENT, 0 },
		{ "longest-wait-time", STAT_DURATION,
		  STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL, STAT_TICKS },
		{ "queue-size", STAT_COUNT, STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL, 0 },
		{ "agent-count-loggedOut", STAT_COUNT,
		  STAT_SCOPE_SERVICE | STAT_SCOPE_TOTAL, 0 },
		{ "queue-name", STAT_TEXT, STAT_SCOPE_SERVICE, 0 },
		{ "queue-id", STAT_TEXT, STAT_SCOPE_SERVICE, 0 },
		{ "media-type", STAT_TEXT, STAT_SCOPE_SERVICE, 0 },
		{ "agents-logged-in", STAT_COUNT, STAT_SCOPE_TOTAL, 0 },
		{ "agents-offered", STAT_COUNT, STAT_SCOPE_TOTAL, 0 },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct stat_info *st = catalog_find(&catalog_8x8, want[i].name);
		ck_assert_msg(st != NULL, "%s missing", want[i].name);
		ck_assert_msg(st->kind == want[i].kind, "%s: kind", want[i].name);
		ck_assert_msg(st->scope == want[i].scope, "%s: scope", want[i].name);
		ck_assert_msg(st->flags == want[i].flags, "%s: flags", want[i].name);
	}
	for (const char *const *p = (const char *const[]){ "day-sla-activity",
	     "sla-activity", "thirty-min-sla-activity", NULL }; *p; p++) {
		const struct stat_info *st = catalog_find(&catalog_8x8, *p);
		ck_assert_msg(st && st->kind == STAT_PERCENT && st->pct_scale == 1, "%s", *p);
	}
	/* the examples' other names are not statistics of their own */
	ck_assert_ptr_null(catalog_find(&catalog_8x8, "all-day-accepted"));
	ck_assert_ptr_null(catalog_find(&catalog_8x8, "day-avg-handling-time"));
}
END_TEST

/* The rules the spec names, op by op. */
START_TEST(test_derive_rules)
{
	static const struct {
		const char *name;
		enum derive_op op;
		const char *field, *arg;
	} want[] = {
		{ "agents-logged-in", DERIVE_COUNT_NE, "agent-status", "9" },
		{ "agents-available", DERIVE_COUNT_EQ, "agent-status", "0" },
		{ "agents-offered", DERIVE_COUNT_EQ, "agent-status", "1" },
		{ "agents-busy", DERIVE_COUNT_EQ, "agent-status", "2" },
		{ "agents-post-processing", DERIVE_COUNT_EQ, "agent-status", "3" },
		{ "agents-on-break", DERIVE_COUNT_EQ, "agent-status", "4" },
		{ "agents-working-offline", DERIVE_COUNT_EQ, "agent-status", "5" },
		{ "agents-logged-out", DERIVE_COUNT_EQ, "agent-status", "9" },
		{ "queue-size", DERIVE_SUM, "queue-size", NULL },
		{ "thirty-min-abandoned", DERIVE_SUM, "thirty-min-abandoned", NULL },
		{ "longest-wait-time", DERIVE_MAX, "longest-wait-time", NULL },
		{ "thirty-min-longest-wait-time", DERIVE_MAX,
		  "thirty-min-longest-wait-time", NULL },
		{ "day-avg-wait-time", DERIVE_WAVG, "day-avg-wait-time", "day-queued" },
		{ "day-avg-duration", DERIVE_WAVG, "day-avg-duration", "day-accepted" },
		{ "thirty-min-avg-wait-time", DERIVE_WAVG, "thirty-min-avg-wait-time",
		  "thirty-min-queued" },
		{ "thirty-min-avg-duration", DERIVE_WAVG, "thirty-min-avg-duration",
		  "thirty-min-accepted" },
		{ "day-sla-activity", DERIVE_WAVG, "day-sla-activity", "day-queued" },
		{ "sla-activity", DERIVE_WAVG, "sla-activity", "day-queued" },
		{ "thirty-min-sla-activity", DERIVE_WAVG, "thirty-min-sla-activity",
		  "thirty-min-queued" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct stat_derive *d = catalog_derive(&catalog_8x8, want[i].name);
		ck_assert_msg(d != NULL, "%s: no rule", want[i].name);
		ck_assert_msg(d->op == want[i].op, "%s: op", want[i].name);
		ck_assert_str_eq(d->field, want[i].field);
		if (want[i].arg)
			ck_assert_str_eq(d->arg, want[i].arg);
		ck_assert_uint_eq(d->rows, strncmp(want[i].name, "agents-", 7) == 0 ?
				  STAT_SCOPE_AGENT : STAT_SCOPE_SERVICE);
	}
	/* every queue count is summed (the SLA target is the largest) */
	for (size_t i = 0; i < catalog_8x8.n; i++) {
		const struct stat_info *st = &catalog_8x8.stats[i];
		const struct stat_derive *d = catalog_derive(&catalog_8x8, st->name);
		if (st->kind != STAT_COUNT || st->scope == STAT_SCOPE_TOTAL ||
		    !(st->scope & STAT_SCOPE_TOTAL))
			continue;
		ck_assert_msg(d != NULL, "%s: no rule", st->name);
		ck_assert_msg(d->op == (strcmp(st->name, "sla-target") == 0 ?
					DERIVE_MAX : DERIVE_SUM), "%s", st->name);
	}
}
END_TEST

/* --- which lists ---------------------------------------------------------- */

/* The lists a layout needs must be exactly these. */
static void assert_needs(const char *layout, bool agents, bool queues)
{
	struct layoutset *set = set_of(layout);
	bool a = !agents, q = !queues;

	eightbyeight_needs(set, &a, &q);
	ck_assert_msg(a == agents && q == queues, "needs agents %d queues %d, "
		      "want %d %d", a, q, agents, queues);
	layoutset_free(set);
}

/* Agents for agent grids and agent counts, queues for the rest. */
START_TEST(test_needs)
{
	assert_needs(layout_agents, true, false);
	assert_needs(layout_queues, false, true);
	assert_needs(layout_select_agents, true, false);
	assert_needs(layout_select_queues, true, true);
	assert_needs(layout_queue_totals, false, true);
	assert_needs(layout_agent_totals, true, false);
	assert_needs(layout_queue_grid, false, true);
	assert_needs(layout_agent_grid, true, false);
}
END_TEST

/* --- the examples --------------------------------------------------------- */

/* The example agents, whichever way their values are written. */
static void check_example_agents(const char *body)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok(body, NULL, set);
	size_t g = gid_of(set, "1-ag");
	static const char *const want[2][13] = {
		{ "ag1", "John Doe", "busy", "phone", "0", "1", "", "0", "", "",
		  "", "101", "0" },
		{ "clee", "Cecilia Lee", "busy", "chat", "0", "0", "1323826680",
		  "5", "102", "", "", "101", "0" },
	};

	ck_assert(s->grids[g].present);
	ck_assert_uint_eq(s->grids[g].nrows, 2);
	for (size_t r = 0; r < 2; r++)
		for (size_t c = 0; c < 13; c++)
			assert_cell(s, g, r, c, want[r][c]);
	assert_total(s, set, "agents-logged-in", "", "2");
	assert_total(s, set, "agents-offered", "", "2");
	assert_total(s, set, "agents-available", "", "0");
	assert_total(s, set, "agents-busy", "", "0");
	assert_total(s, set, "agents-logged-out", "", "0");
	snapshot_free(s);
	layoutset_free(set);
}

/* The example agents with string values. */
START_TEST(test_example_agents_text)
{
	check_example_agents(agents_text);
}
END_TEST

/* The example agents with numbers and nulls. */
START_TEST(test_example_agents_numbers)
{
	check_example_agents(agents_numbers);
}
END_TEST

/* The example queues, whichever way their values are written. */
static void check_example_queues(const char *body)
{
	struct layoutset *set = set_of(layout_queues);
	struct snapshot *s = parse_ok(NULL, body, set);
	size_t g = gid_of(set, "1-sv");
	static const char *const want[2][13] = {
		{ "outbound queue", "115", "phone", "4", "1113", "10", "134", "566",
		  "", "", "340", "30", "5" },
		{ "sales-chat", "111", "chat", "1", "0", "0", "0", "0", "", "", "",
		  "0", "2" },
	};
	static const char *const totals[][2] = {
		{ "queue-size", "5" }, { "longest-wait-time", "1113" },
		{ "thirty-min-longest-wait-time", "340" }, { "day-accepted", "10" },
		{ "day-queued", "30" }, { "day-abandoned", "3" },
		{ "agent-count-busy", "4" }, { "agent-count-waitTransact", "2" },
		{ "number-in-offered", "2" }, { "day-avg-wait-time", "566" },
		{ "day-avg-duration", "134" }, { "thirty-min-avg-wait-time", "110" },
		{ "thirty-min-avg-duration", "34" }, { "day-sla-activity", "" },
		{ "sla-activity", "0" }, { "thirty-min-sla-activity", "" },
		{ "sla-target", "0" },
	};

	ck_assert(s->grids[g].present);
	ck_assert_uint_eq(s->grids[g].nrows, 2);
	for (size_t r = 0; r < 2; r++)
		for (size_t c = 0; c < 13; c++)
			assert_cell(s, g, r, c, want[r][c]);
	for (size_t i = 0; i < sizeof(totals) / sizeof(totals[0]); i++)
		assert_total(s, set, totals[i][0], "", totals[i][1]);
	snapshot_free(s);
	layoutset_free(set);
}

/* The example queues with string values. */
START_TEST(test_example_queues_text)
{
	check_example_queues(queues_text);
}
END_TEST

/* The example queues with numbers and nulls. */
START_TEST(test_example_queues_numbers)
{
	check_example_queues(queues_numbers);
}
END_TEST

/* --- shapes --------------------------------------------------------------- */

#define AG(id, st, grp) \
	"{\"agent-id\": \"" id "\", \"agent-status\": \"" st "\", " \
	"\"group-id\": \"" grp "\"}"
#define AG_A AG("a", "0", "1")
#define AG_B AG("b", "9", "2")
#define QU(name, id) "{\"queue-name\": \"" name "\", \"queue-id\": \"" id "\"}"
#define QU_A QU("qa", "1")
#define QU_B QU("qb", "2")

/* An agents body must give exactly the agents of ids. */
static void assert_agents(const char *body, const char *const *ids, size_t n)
{
	struct layoutset *set = set_of(layout_agent_grid);
	struct snapshot *s = parse_ok(body, NULL, set);

	assert_rows(s, gid_of(set, "1-ag"), ids, n);
	snapshot_free(s);
	layoutset_free(set);
}

/* A queues body must give exactly the queues of names. */
static void assert_queues(const char *body, const char *const *names, size_t n)
{
	struct layoutset *set = set_of(layout_queue_grid);
	struct snapshot *s = parse_ok(NULL, body, set);

	assert_rows(s, gid_of(set, "1-sv"), names, n);
	snapshot_free(s);
	layoutset_free(set);
}

/* Every wrapping of the agents list, and a bare agent record. */
START_TEST(test_shapes_agents)
{
	static const char *const a[] = { "a" }, *const ab[] = { "a", "b" };

	assert_agents("{\"agents\": {\"agent\": [" AG_A ", " AG_B "]}}", ab, 2);
	assert_agents("{\"agents\": {\"agent\": " AG_A "}}", a, 1);
	assert_agents("{\"agents\": [" AG_A ", " AG_B "]}", ab, 2);
	assert_agents("{\"agent\": [" AG_A ", " AG_B "]}", ab, 2);
	assert_agents("{\"agent\": " AG_A "}", a, 1);
	assert_agents("[" AG_A ", " AG_B "]", ab, 2);
	assert_agents("  " AG_A "\n", a, 1);
	/* a bare record known by any field, the examples' names too */
	assert_agents("{\"day-offered-count\": 1, \"agent-id\": \"a\"}", a, 1);
}
END_TEST

/* Every wrapping of the queues list, and a bare queue record. */
START_TEST(test_shapes_queues)
{
	static const char *const a[] = { "qa" }, *const ab[] = { "qa", "qb" };

	assert_queues("{\"queues\": {\"queue\": [" QU_A ", " QU_B "]}}", ab, 2);
	assert_queues("{\"queues\": {\"queue\": " QU_A "}}", a, 1);
	assert_queues("{\"queues\": [" QU_A ", " QU_B "]}", ab, 2);
	assert_queues("{\"queue\": [" QU_A ", " QU_B "]}", ab, 2);
	assert_queues("{\"queue\": " QU_A "}", a, 1);
	assert_queues("[" QU_A ", " QU_B "]", ab, 2);
	assert_queues(QU_A, a, 1);
}
END_TEST

/* Every form of an empty list: no rows, counts 0, other totals no value. */
START_TEST(test_shapes_empty)
{
	static const char *const agents[] = {
		"{\"agents\": \"\"}", "{\"agents\": null}", "{\"agents\": {}}",
		"{\"agents\": {\"agent\": []}}", "{\"agents\": {\"agent\": null}}",
		"{\"agents\": {\"agent\": \"\"}}", "{\"agents\": []}",
		"{\"agent\": []}", "[]",
	};
	static const char *const queues[] = {
		"{\"queues\": \"\"}", "{\"queues\": null}", "{\"queues\": {}}",
		"{\"queues\": {\"queue\": []}}", "{\"queue\": null}", "[]",
	};
	struct layoutset *sa = set_of(layout_agents), *sq = set_of(layout_queues);

	for (size_t i = 0; i < sizeof(agents) / sizeof(agents[0]); i++) {
		struct snapshot *s = parse_ok(agents[i], NULL, sa);
		ck_assert(s->grids[gid_of(sa, "1-ag")].present);
		ck_assert_uint_eq(s->grids[gid_of(sa, "1-ag")].nrows, 0);
		assert_total(s, sa, "agents-logged-in", "", "0");
		assert_total(s, sa, "agents-logged-out", "", "0");
		snapshot_free(s);
	}
	for (size_t i = 0; i < sizeof(queues) / sizeof(queues[0]); i++) {
		struct snapshot *s = parse_ok(NULL, queues[i], sq);
		ck_assert(s->grids[gid_of(sq, "1-sv")].present);
		ck_assert_uint_eq(s->grids[gid_of(sq, "1-sv")].nrows, 0);
		assert_total(s, sq, "queue-size", "", "0");
		assert_total(s, sq, "day-accepted", "", "0");
		assert_total(s, sq, "longest-wait-time", "", "");
		assert_total(s, sq, "day-avg-wait-time", "", "");
		assert_total(s, sq, "day-sla-activity", "", "");
		assert_total(s, sq, "sla-target", "", "");
		snapshot_free(s);
	}
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* A list that was not fetched: its grids absent, its totals not sent. */
START_TEST(test_body_not_given)
{
	struct layoutset *set = set_of(layout_select_queues);
	struct snapshot *s = parse_ok(NULL, queues_text, set);

	assert_total(s, set, "agents-logged-in", "", NULL);
	assert_total(s, set, "queue-size", "", "5");
	snapshot_free(s);
	s = parse_ok(agents_text, NULL, set);
	ck_assert(!s->grids[gid_of(set, "1-some")].present);
	ck_assert_uint_eq(s->grids[gid_of(set, "1-some")].nrows, 0);
	assert_total(s, set, "agents-logged-in", "", "2");
	assert_total(s, set, "queue-size", "", NULL);
	assert_total(s, set, "longest-wait-time", "sales-chat", NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- values --------------------------------------------------------------- */

/* The table's name wins over the examples' when both come; either works. */
START_TEST(test_aliases)
{
	struct layoutset *sa = set_of(layout_agents), *sq = set_of(layout_queues);
	struct snapshot *s = parse_ok("[{\"day-avg-processing-time\": \"7\", "
		"\"day-avg-handling-time\": \"8\", \"day-rejected-count\": 1, "
		"\"day-offered-count\": 2}, {\"day-avg-handling-time\": 9, "
		"\"day-rejected-count\": 3, \"day-offered-count\": 4}, "
		"{\"day-offered-count\": \"5\", \"day-avg-handling-time\": \"6\", "
		"\"day-avg-processing-time\": \"5\"}]", NULL, sa);
	size_t g = gid_of(sa, "1-ag");

	assert_cell(s, g, 0, A_AHT, "7");
	assert_cell(s, g, 0, A_REJ, "1");
	assert_cell(s, g, 1, A_AHT, "9");
	assert_cell(s, g, 1, A_REJ, "3");
	assert_cell(s, g, 2, A_AHT, "5");
	assert_cell(s, g, 2, A_REJ, "5");
	snapshot_free(s);

	s = parse_ok(NULL, "{\"queues\": {\"queue\": ["
		"{\"all-day-accepted\": 6, \"day-accepted\": 5, "
		"\"all-day-queued\": 10, \"all-day-avg-wait-time\": 20, "
		"\"all-day-avg-duration\": 30, \"all-day-sla-activity\": 90}, "
		"{\"all-day-accepted\": \"4\", \"day-queued\": 30, "
		"\"all-day-queued\": 1000, \"day-avg-wait-time\": 40, "
		"\"day-avg-duration\": 10, \"day-sla-activity\": 70}]}}", sq);
	g = gid_of(sq, "1-sv");
	assert_cell(s, g, 0, Q_ACC, "5");
	assert_cell(s, g, 0, Q_Q, "10");
	assert_cell(s, g, 0, Q_DW, "20");
	assert_cell(s, g, 0, Q_DD, "30");
	assert_cell(s, g, 0, Q_DSLA, "90");
	assert_cell(s, g, 1, Q_ACC, "4");
	assert_cell(s, g, 1, Q_Q, "30");
	assert_total(s, sq, "day-accepted", "", "9");
	assert_total(s, sq, "day-queued", "", "40");
	/* (20 * 10 + 40 * 30) / 40 = 35; (30 * 5 + 10 * 4) / 9 = 21.1 */
	assert_total(s, sq, "day-avg-wait-time", "", "35");
	assert_total(s, sq, "day-avg-duration", "", "21");
	/* (90 * 10 + 70 * 30) / 40 = 75 */
	assert_total(s, sq, "day-sla-activity", "", "75");
	snapshot_free(s);
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* -1 is no value in numbers and times; text keeps it. */
START_TEST(test_minus_one)
{
	struct layoutset *sa = set_of(layout_agents), *sq = set_of(layout_queues);
	struct snapshot *s = parse_ok("[{\"day-avg-processing-time\": \"-1\", "
		"\"last-login-time\": -1, \"phone-line1-status\": \"-1\", "
		"\"phone-line1-status-time\": -1.0, \"day-accepted-count\": -1, "
		"\"time-in-status\": \"-1\", \"day-rejected-count\": \"-2\", "
		"\"group-id\": -1, \"agent-status\": -1}]", NULL, sa);
	size_t g = gid_of(sa, "1-ag");

	assert_cell(s, g, 0, A_AHT, "");
	assert_cell(s, g, 0, A_LL, "");
	assert_cell(s, g, 0, A_P1, "-1");
	assert_cell(s, g, 0, A_P1T, "");
	assert_cell(s, g, 0, A_ACC, "");
	assert_cell(s, g, 0, A_TIS, "");
	assert_cell(s, g, 0, A_REJ, "-2");
	assert_cell(s, g, 0, A_GRP, "-1");
	assert_cell(s, g, 0, A_ST, "-1");
	/* not a logged-in agent either: -1 is no status */
	assert_total(s, sa, "agents-logged-in", "", "0");
	snapshot_free(s);

	s = parse_ok(NULL, "[{\"queue-size\": -1, \"day-sla-activity\": \"-1\", "
		"\"longest-wait-time\": -1, \"day-queued\": 10, "
		"\"day-avg-wait-time\": -1}, {\"queue-size\": \"3\", "
		"\"longest-wait-time\": \"-1\", \"day-queued\": -1, "
		"\"day-avg-wait-time\": 50}]", sq);
	g = gid_of(sq, "1-sv");
	assert_cell(s, g, 0, Q_QS, "");
	assert_cell(s, g, 0, Q_DSLA, "");
	assert_cell(s, g, 0, Q_LW, "");
	assert_total(s, sq, "queue-size", "", "3");
	assert_total(s, sq, "longest-wait-time", "", "");
	assert_total(s, sq, "day-queued", "", "10");
	assert_total(s, sq, "day-avg-wait-time", "", "");
	snapshot_free(s);
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* Status codes to state words; anything else passes through. */
START_TEST(test_state_words)
{
	static const char *const want[][2] = {
		{ "0", "ready" }, { "1", "busy" }, { "2", "busy" },
		{ "3", "after_call_work" }, { "4", "not_ready" },
		{ "5", "not_ready" }, { "9", "logged_out" }, { "9.0", "logged_out" },
		{ "6", "6" }, { "-1", "-1" }, { "", "" }, { "ready", "ready" },
		{ "1x", "1x" }, { "90", "90" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_str_eq(eightbyeight_state_word(want[i][0]), want[i][1]);
}
END_TEST

/* States and media in the grid, from strings and from numbers. */
START_TEST(test_state_and_media_cells)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok("[{\"agent-status\": 0, \"agent-media-id\": 0}, "
		"{\"agent-status\": \"3\", \"agent-media-id\": \"1\"}, "
		"{\"agent-status\": 4, \"agent-media-id\": 2}, "
		"{\"agent-status\": \"5\", \"agent-media-id\": \"3\"}, "
		"{\"agent-status\": 9, \"agent-media-id\": 4}, "
		"{\"agent-status\": \"7\", \"agent-media-id\": \"7\"}, "
		"{\"agent-status\": \"\", \"agent-media-id\": \"\"}, "
		"{\"agent-status\": null, \"agent-media-id\": null}, "
		"{\"agent-id\": \"x\"}]", NULL, set);
	size_t g = gid_of(set, "1-ag");
	static const char *const want[][2] = {
		{ "ready", "" }, { "after_call_work", "phone" },
		{ "not_ready", "chat" }, { "not_ready", "email" },
		{ "logged_out", "voicemail" }, { "7", "7" }, { "", "" }, { "", "" },
		{ NULL, NULL },
	};

	ck_assert_uint_eq(s->grids[g].nrows, 9);
	for (size_t r = 0; r < 9; r++) {
		assert_cell(s, g, r, A_ST, want[r][0]);
		assert_cell(s, g, r, A_MD, want[r][1]);
	}
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* Numbers are written plainly, other JSON values as the text they mean. */
START_TEST(test_value_forms)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok("[{\"agent-id\": 42, \"agent-name\": true, "
		"\"day-avg-processing-time\": 12.0, \"day-rejected-count\": 0.5, "
		"\"last-login-time\": 1323826680, \"phone-line1-status\": 1e2, "
		"\"status-code-item-id\": {}, \"group-id\": [\"101\"], "
		"\"time-in-status\": \"0012\", \"day-accepted-count\": false}]",
		NULL, set);
	size_t g = gid_of(set, "1-ag");

	assert_cell(s, g, 0, A_ID, "42");
	assert_cell(s, g, 0, A_NAME, "1");
	assert_cell(s, g, 0, A_AHT, "12");
	assert_cell(s, g, 0, A_REJ, "0.5");
	assert_cell(s, g, 0, A_LL, "1323826680");
	assert_cell(s, g, 0, A_P1, "100");
	assert_cell(s, g, 0, A_CODE, "");
	assert_cell(s, g, 0, A_GRP, "");
	assert_cell(s, g, 0, A_TIS, "0012");
	assert_cell(s, g, 0, A_ACC, "0");
	assert_cell(s, g, 0, A_MD, NULL);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- selections ----------------------------------------------------------- */

/* Agents for the team and logged-in selections. */
static const char agents_mixed[] =
	"{\"agents\": {\"agent\": ["
	"{\"agent-id\": \"a\", \"group-id\": \"101\", \"agent-status\": \"0\"},"
	"{\"agent-id\": \"b\", \"group-id\": 7, \"agent-status\": 9},"
	"{\"agent-id\": \"c\", \"group-id\": \"102\", \"agent-status\": \"2\"},"
	"{\"agent-id\": \"d\", \"agent-status\": \"1\"},"
	"{\"agent-id\": \"e\", \"group-id\": \"101\", \"agent-status\": \"9\"},"
	"{\"agent-id\": \"f\", \"group-id\": \"101\"},"
	"{\"agent-id\": \"g\", \"group-id\": \"1010\", \"agent-status\": \"0\"}"
	"]}}";

/* Team (group-id) and logged-in selections, alone and together. */
START_TEST(test_select_agents)
{
	struct layoutset *set = set_of(layout_select_agents);
	struct snapshot *s = parse_ok(agents_mixed, NULL, set);
	static const char *const team[] = { "a", "b", "e", "f" };
	static const char *const in[] = { "a", "c", "d", "f", "g" };
	static const char *const both[] = { "a", "f" };

	assert_rows(s, gid_of(set, "1-team"), team, 4);
	assert_rows(s, gid_of(set, "1-in"), in, 5);
	assert_rows(s, gid_of(set, "1-both"), both, 2);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* The example queues and one more. */
static const char queues_three[] =
	"{\"queues\": {\"queue\": ["
	"{\"queue-name\": \"outbound queue\", \"queue-id\": \"115\", "
	"\"queue-size\": \"4\", \"longest-wait-time\": \"1113\", "
	"\"day-avg-wait-time\": \"566\", \"day-queued\": \"30\"},"
	"{\"queue-name\": \"sales-chat\", \"queue-id\": 111, "
	"\"queue-size\": 1, \"longest-wait-time\": 0, "
	"\"day-avg-wait-time\": 0, \"day-queued\": 0},"
	"{\"queue-name\": \"115\", \"queue-id\": \"9\", "
	"\"queue-size\": 2, \"longest-wait-time\": 50, "
	"\"day-avg-wait-time\": 100, \"day-queued\": 10}"
	"]}}";

/* Service grids keep the queues named by name or by id. */
START_TEST(test_select_queues)
{
	struct layoutset *set = set_of(layout_select_queues);
	struct snapshot *s = parse_ok(agents_text, queues_three, set);
	static const char *const some[] = { "outbound queue", "sales-chat", "115" };
	static const char *const one[] = { "sales-chat" };

	/* "115" names the first queue by id and the third by name */
	assert_rows(s, gid_of(set, "1-some"), some, 3);
	assert_rows(s, gid_of(set, "1-one"), one, 1);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* Totals over all queues and over selections by name and by id. */
START_TEST(test_totals_scope)
{
	struct layoutset *set = set_of(layout_select_queues);
	struct snapshot *s = parse_ok(agents_text, queues_three, set);

	assert_total(s, set, "queue-size", "", "7");
	assert_total(s, set, "longest-wait-time", "", "1113");
	assert_total(s, set, "queue-size", "sales-chat", "1");
	assert_total(s, set, "longest-wait-time", "sales-chat", "0");
	/* agents say nothing of queues: counted over every agent */
	assert_total(s, set, "agents-logged-in", "", "2");
	assert_total(s, set, "agents-logged-in", "sales-chat", "2");
	/* (566 * 30 + 100 * 10) / 40 = 449.5 */
	assert_total(s, set, "queue-size", "115", "6");
	assert_total(s, set, "day-avg-wait-time", "115", "450");
	assert_total(s, set, "queue-size", "no such queue", "0");
	assert_total(s, set, "longest-wait-time", "no such queue", "");
	assert_total(s, set, "day-avg-wait-time", "no such queue", "");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* A two-queue selection, given as the layout joins it. */
START_TEST(test_totals_scope_two)
{
	static const char layout[] =
		"title = \"Two\"\n"
		"provider = \"8x8\"\n"
		"row {\n"
		"  panel \"t\" { type = totals\n"
		"    column \"qs\" { stat = \"queue-size\" }\n"
		"    column \"lw\" { stat = \"longest-wait-time\" }\n"
		"    services = {\"9\", \"sales-chat\"} }\n"
		"}\n";
	struct layoutset *set = set_of(layout);
	struct snapshot *s = parse_ok(NULL, queues_three, set);

	assert_total(s, set, "queue-size", "9\nsales-chat", "3");
	assert_total(s, set, "longest-wait-time", "9\nsales-chat", "50");
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- derived totals ------------------------------------------------------- */

/* Counts by status: equal to a code, or not 9; no status counts nowhere. */
START_TEST(test_derive_counts)
{
	struct layoutset *set = set_of(layout_agents);
	struct snapshot *s = parse_ok("[{\"agent-status\": 0}, "
		"{\"agent-status\": \"1\"}, {\"agent-status\": 2}, "
		"{\"agent-status\": \"3\"}, {\"agent-status\": \"4\"}, "
		"{\"agent-status\": \"5\"}, {\"agent-status\": 9}, "
		"{\"agent-status\": \"9\"}, {\"agent-status\": \"9.0\"}, "
		"{\"agent-id\": \"none\"}, {\"agent-status\": \"\"}, "
		"{\"agent-status\": null}, {\"agent-status\": \"-1\"}, "
		"{\"agent-status\": \"7\"}, {\"agent-status\": \"0\"}]", NULL, set);
	static const char *const want[][2] = {
		{ "agents-logged-in", "8" }, { "agents-available", "2" },
		{ "agents-offered", "1" }, { "agents-busy", "1" },
		{ "agents-post-processing", "1" }, { "agents-on-break", "1" },
		{ "agents-working-offline", "1" }, { "agents-logged-out", "3" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_total(s, set, want[i][0], "", want[i][1]);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* Sums, maxima and weighted averages, with their rounding. */
START_TEST(test_derive_numbers)
{
	struct layoutset *set = set_of(layout_queues);
	struct snapshot *s = parse_ok(NULL, "[{\"queue-size\": 1, "
		"\"longest-wait-time\": 5, \"thirty-min-longest-wait-time\": -1, "
		"\"day-sla-activity\": 100, \"day-queued\": 1, "
		"\"sla-activity\": 80, \"thirty-min-sla-activity\": 87.5, "
		"\"thirty-min-queued\": 2, \"thirty-min-avg-wait-time\": 10, "
		"\"day-avg-duration\": 100, \"day-accepted\": 3, "
		"\"thirty-min-avg-duration\": 40, \"thirty-min-accepted\": 0, "
		"\"sla-target\": 20, \"agent-count-busy\": 0.5}, "
		"{\"queue-size\": \"2\", \"longest-wait-time\": \"12\", "
		"\"thirty-min-longest-wait-time\": \"-1\", "
		"\"day-sla-activity\": \"50\", \"day-queued\": \"2\", "
		"\"sla-activity\": \"95\", \"thirty-min-sla-activity\": \"90\", "
		"\"thirty-min-queued\": \"2\", \"thirty-min-avg-wait-time\": \"11\", "
		"\"day-avg-duration\": \"200\", \"day-accepted\": \"0\", "
		"\"thirty-min-avg-duration\": 80, \"thirty-min-accepted\": \"\", "
		"\"sla-target\": \"40\", \"agent-count-busy\": \"2\"}, "
		"{\"queue-size\": \"\", \"longest-wait-time\": \"x\", "
		"\"day-avg-duration\": 500, \"day-accepted\": -1, "
		"\"day-sla-activity\": 10, \"thirty-min-longest-wait-time\": -7}]",
		set);
	static const char *const want[][2] = {
		{ "queue-size", "3" }, { "agent-count-busy", "2.5" },
		{ "day-abandoned", "0" }, { "longest-wait-time", "12" },
		/* the largest even when all are below 0 (-1 is no value) */
		{ "thirty-min-longest-wait-time", "-7" }, { "sla-target", "40" },
		/* (100 * 1 + 50 * 2) / 3; the third has no weight */
		{ "day-sla-activity", "66.67" },
		/* (80 * 1 + 95 * 2) / 3 */
		{ "sla-activity", "90" },
		/* (87.5 * 2 + 90 * 2) / 4 */
		{ "thirty-min-sla-activity", "88.75" },
		/* 10.5 s: whole seconds, rounded half up */
		{ "thirty-min-avg-wait-time", "11" },
		/* weight 0 and -1 count for nothing */
		{ "day-avg-duration", "100" },
		{ "thirty-min-avg-duration", "" },
		{ "day-accepted", "3" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_total(s, set, want[i][0], "", want[i][1]);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* SUM columns add the row's statistics that have a value. */
START_TEST(test_sum_columns)
{
	struct layoutset *set = set_of(layout_queues);
	struct snapshot *s = parse_ok(NULL, "[{\"queue-size\": 1, "
		"\"number-in-offered\": 2}, {\"queue-size\": -1, "
		"\"number-in-offered\": \"2\"}, {\"queue-name\": \"n\"}, "
		"{\"queue-size\": \"x\", \"number-in-offered\": \"\"}, "
		"{\"queue-size\": 1.5, \"number-in-offered\": \"1\"}, "
		"{\"queue-size\": \"0\", \"number-in-offered\": null}]", set);
	size_t g = gid_of(set, "1-sv");
	static const char *const want[] = { "3", "2", "", "", "2.5", "0" };

	ck_assert_uint_eq(s->grids[g].nrows, 6);
	for (size_t r = 0; r < 6; r++)
		assert_cell(s, g, r, Q_SUM, want[r]);
	snapshot_free(s);
	layoutset_free(set);
}
END_TEST

/* --- hostile values ------------------------------------------------------- */

/* Control characters and escape sequences never reach a cell. */
START_TEST(test_control_characters)
{
	struct layoutset *sa = set_of(layout_agents), *sq = set_of(layout_queues);
	struct snapshot *s = parse_ok("[{\"agent-id\": \"x\\u202ey\", "
		"\"agent-name\": \"Evil\\u001b[2J\\u0007Name\\u009b31m\", "
		"\"agent-status\": \"\\u001b]0;title\\u0007\", "
		"\"agent-media-id\": \"a\\u0000b\", "
		"\"group-id\": \"\\r\\n101\", "
		"\"status-code-item-id\": \"\\u001bP1;2q\\u001b\\\\\"}]", NULL, sa);
	size_t g = gid_of(sa, "1-ag");
	const char *name = snapshot_cell_text(s, g, 0, A_NAME);

	assert_snapshot_clean(s);
	ck_assert_ptr_nonnull(name);
	ck_assert_msg(strstr(name, "Evil") && strstr(name, "Name"), "%s", name);
	ck_assert_ptr_null(strchr(name, '\x1b'));
	ck_assert_ptr_nonnull(snapshot_cell_text(s, g, 0, A_MD));
	snapshot_free(s);

	s = parse_ok(NULL, "{\"queue\": {\"queue-name\": \"a\\tb\\nc\\u007f\", "
		"\"media-type\": \"\\u001b[31mphone\", \"queue-size\": \"\\u0007\"}}",
		sq);
	assert_snapshot_clean(s);
	ck_assert_ptr_nonnull(strstr(snapshot_cell_text(s, gid_of(sq, "1-sv"), 0, Q_MT),
				     "phone"));
	snapshot_free(s);
	layoutset_free(sa);
	layoutset_free(sq);
}
END_TEST

/* Bodies that are not JSON or not a list of records are refused whole. */
START_TEST(test_refused)
{
	struct layoutset *set = set_of(layout_select_queues);

	assert_refused("not json", NULL, set, "agents: malformed JSON");
	assert_refused("", NULL, set, "agents: malformed JSON");
	assert_refused("{\"agents\": \x1b[31m}", NULL, set, "agents: malformed JSON");
	assert_refused("{\"agents\": {\"agent\": [", NULL, set, "malformed JSON");
	assert_refused("5", NULL, set, "agents: unexpected shape: the body is a number");
	assert_refused("\"agents\"", NULL, set, "the body is a string");
	assert_refused("null", NULL, set, "the body is null");
	assert_refused("{\"agent\": 5}", NULL, set, "\"agent\" is a number");
	assert_refused("{\"agent\": \"x\"}", NULL, set, "\"agent\" is a string");
	assert_refused("{\"agent\": true}", NULL, set, "\"agent\" is a boolean");
	assert_refused("{\"agents\": 5}", NULL, set, "\"agents\" is a number");
	assert_refused("{\"agents\": \"x\"}", NULL, set, "\"agents\" is a string");
	assert_refused("{\"agents\": {\"x\": 1}}", NULL, set,
		       "\"agents\" holds no \"agent\"");
	assert_refused("{\"agents\": {\"agent\": [" AG_A ", 1]}}", NULL, set,
		       "agent 2 is a number");
	assert_refused("{\"agents\": [null]}", NULL, set, "agent 1 is null");
	assert_refused("[[" AG_A "]]", NULL, set, "agent 1 is a list");
	assert_refused("{\"foo\": 1}", NULL, set, "neither");
	assert_refused("{}", NULL, set, "neither");
	assert_refused(QU_A, NULL, set, "agents: unexpected shape: neither");
	assert_refused(NULL, "{\"queue\": true}", set,
		       "queues: unexpected shape: \"queue\" is a boolean");
	assert_refused(NULL, "{\"queues\": {\"agent\": []}}", set,
		       "\"queues\" holds no \"queue\"");
	assert_refused(NULL, AG_A, set, "queues: unexpected shape: neither");
	assert_refused(NULL, "<queues></queues>", set, "queues: malformed JSON");
	/* one good list does not save the poll */
	assert_refused(agents_text, "[1]", set, "queue 1 is a number");
	assert_refused("[1]", queues_text, set, "agent 1 is a number");
	/* no room for a reason is no reason to crash */
	ck_assert_ptr_null(eightbyeight_parse("5", 1, NULL, 0, set, NULL, 0));
	ck_assert_ptr_null(eightbyeight_parse("x", 1, NULL, 0, set, NULL, 0));
	layoutset_free(set);
}
END_TEST

/* --- lists ---------------------------------------------------------------- */

/* The --list-* lists: agents, distinct teams, services. */
START_TEST(test_parse_list)
{
	static const char hostile[] = "[{\"agent-id\": \"a\\u001b[2Jb\"}]";
	struct cfg_item *items;
	long n;

	n = eightbyeight_parse_list(agents_text, strlen(agents_text), "agents", &items);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(items[0].id, "ag1");
	ck_assert_str_eq(items[0].name, "John Doe");
	ck_assert_str_eq(items[1].id, "clee");
	cfg_items_free(items, n);

	n = eightbyeight_parse_list(agents_mixed, strlen(agents_mixed), "teams", &items);
	ck_assert_int_eq(n, 4);
	ck_assert_ptr_null(items[0].id);
	ck_assert_str_eq(items[0].name, "101");
	ck_assert_str_eq(items[1].name, "7");
	ck_assert_str_eq(items[2].name, "102");
	ck_assert_str_eq(items[3].name, "1010");
	cfg_items_free(items, n);

	n = eightbyeight_parse_list(queues_numbers, strlen(queues_numbers),
				    "services", &items);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(items[0].id, "115");
	ck_assert_str_eq(items[0].name, "outbound queue");
	ck_assert_str_eq(items[1].id, "111");
	ck_assert_str_eq(items[1].name, "sales-chat");
	cfg_items_free(items, n);

	n = eightbyeight_parse_list(hostile, strlen(hostile), "agents", &items);
	ck_assert_int_eq(n, 1);
	assert_clean(items[0].id, "list id");
	ck_assert_str_eq(items[0].name, "");
	cfg_items_free(items, n);

	ck_assert_int_eq(eightbyeight_parse_list("nope", 4, "agents", &items), -1);
	ck_assert_ptr_null(items);
	ck_assert_int_eq(eightbyeight_parse_list("{\"agent\": 1}", 12, "teams",
						 &items), -1);
	ck_assert_int_eq(eightbyeight_parse_list("{\"queues\": 1}", 13, "services",
						 &items), -1);
	n = eightbyeight_parse_list("{\"queues\": \"\"}", 14, "services", &items);
	ck_assert_int_eq(n, 0);
	cfg_items_free(items, n);
}
END_TEST

/* --- the suite ------------------------------------------------------------ */

static Suite *eightbyeight_suite(void)
{
	Suite *s = suite_create("eightbyeight");
	TCase *cat = tcase_create("catalogue");
	TCase *ex = tcase_create("examples");
	TCase *sh = tcase_create("shapes");
	TCase *val = tcase_create("values");
	TCase *sel = tcase_create("selections");
	TCase *tot = tcase_create("totals");
	TCase *bad = tcase_create("hostile");

	tcase_add_test(cat, test_catalog_for);
	tcase_add_test(cat, test_stats_sorted);
	tcase_add_test(cat, test_derive_sorted);
	tcase_add_test(cat, test_derive_well_formed);
	tcase_add_test(cat, test_every_total_derived);
	tcase_add_test(cat, test_kinds);
	tcase_add_test(cat, test_derive_rules);
	tcase_add_test(cat, test_needs);
	suite_add_tcase(s, cat);
	tcase_add_test(ex, test_example_agents_text);
	tcase_add_test(ex, test_example_agents_numbers);
	tcase_add_test(ex, test_example_queues_text);
	tcase_add_test(ex, test_example_queues_numbers);
	suite_add_tcase(s, ex);
	tcase_add_test(sh, test_shapes_agents);
	tcase_add_test(sh, test_shapes_queues);
	tcase_add_test(sh, test_shapes_empty);
	tcase_add_test(sh, test_body_not_given);
	suite_add_tcase(s, sh);
	tcase_add_test(val, test_aliases);
	tcase_add_test(val, test_minus_one);
	tcase_add_test(val, test_state_words);
	tcase_add_test(val, test_state_and_media_cells);
	tcase_add_test(val, test_value_forms);
	suite_add_tcase(s, val);
	tcase_add_test(sel, test_select_agents);
	tcase_add_test(sel, test_select_queues);
	suite_add_tcase(s, sel);
	tcase_add_test(tot, test_totals_scope);
	tcase_add_test(tot, test_totals_scope_two);
	tcase_add_test(tot, test_derive_counts);
	tcase_add_test(tot, test_derive_numbers);
	tcase_add_test(tot, test_sum_columns);
	suite_add_tcase(s, tot);
	tcase_add_test(bad, test_control_characters);
	tcase_add_test(bad, test_refused);
	tcase_add_test(bad, test_parse_list);
	suite_add_tcase(s, bad);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(eightbyeight_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
