/*
 * lists.c - the server's configuration lists (--list-teams, --list-services,
 * --list-agents, --list-dispositions), and the collection dialect's team
 * and service names turned into the ids it sends.
 *
 * The text documents GET /statsapi/cfg/teams and /statsapi/cfg/dispositions
 * and no list of services or agents. Those two are asked the documented
 * way: a short subscription of one grid (a service grid's names, an agent
 * grid's login ids and names), polled until its first data and released
 * at once. Only when that gives no list (refused, the tenant at its limit,
 * no data within the timeout) is the undocumented GET /statsapi/cfg/services
 * or /cfg/agents tried, which some servers answer; the order is the text's
 * first. A service found the documented way has no id (the text names
 * services by name everywhere, as check_available_agents does): its line
 * is its name twice, what a layout writes and what it is called.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/brightpattern/client_internal.h"
#include "providers/brightpattern/parse.h"

/* The grids a list is read from, as layouts (their columns, in order). */
static const char services_layout[] =
	"title = \"services\"\n"
	"row { panel \"list\" { type = service_grid\n"
	"  column \"name\" { stat = \"name\" } } }\n";
static const char agents_layout[] =
	"title = \"agents\"\n"
	"row { panel \"list\" { type = agent_grid\n"
	"  column \"login\" { stat = \"login_id\" }\n"
	"  column \"first\" { stat = \"firstname\" }\n"
	"  column \"last\" { stat = \"lastname\" } } }\n";

void bp_list_open(struct brightpattern *sa, const char *what)
{
	const char *text = strcmp(what, "services") == 0 ? services_layout :
			   strcmp(what, "agents") == 0 ? agents_layout : NULL;
	struct errlist errs = { 0 }, warns = { 0 };
	struct layout *l;

	sa->list_what = what;
	if (text == NULL)
		return;
	l = layout_load_text(what, text, "brightpattern", &errs, &warns);
	if (l)
		sa->list.set = layoutset_new(&l, 1, &errs);
	if (sa->list.set)
		sa->list.body = brightpattern_subscription_build(sa->list.set,
							bp_dialect(sa->cfg), 0);
	errlist_free(&errs);
	errlist_free(&warns);
}

void bp_list_free(struct brightpattern *sa)
{
	layoutset_free(sa->list.set);
	free(sa->list.body);
}

int bp_list_next(const struct brightpattern *sa)
{
	if (sa->list_what == NULL)
		return STEP_NONE;
	if (sa->list.set == NULL || sa->list.tried)
		return STEP_LIST;
	return sa->subscribed ? STEP_LIST_POLL : STEP_LIST_SUBSCRIBE;
}

/* The list is printed, or cannot be had: the run ends. */
static void list_end(struct brightpattern *sa, const char *failure)
{
	if (failure) {
		sa->s.st.fatal = true;
		session_say(&sa->s, CONN_RETRYING, "%s", failure);
	} else
		session_say(&sa->s, CONN_CLOSED, "%s", "");
	sa->list_done = true;
	session_plan(&sa->s, STEP_NONE, 1e300);
}

/*
 * The documented way gave no list (why, for the message): release what
 * was subscribed, then try the undocumented list.
 */
static void list_fall_back(struct brightpattern *sa, const char *why,
			   double now)
{
	snprintf(sa->list.why, sizeof(sa->list.why), "%s", why);
	sa->list.tried = true;
	sa->list.fallback = true;
	if (sa->subscribed) {
		sa->releasing = true;
		session_plan(&sa->s, STEP_RELEASE, now);
	} else
		session_plan(&sa->s, STEP_LIST, now);
}

void bp_list_released(struct brightpattern *sa, double now)
{
	sa->releasing = false;
	if (sa->list.fallback)
		session_plan(&sa->s, STEP_LIST, now);
	else
		sa->list_done = true;
}

void bp_list_finish(struct brightpattern *sa)
{
	bool held =
		sa->subscribed ||
		(sa->s.inflight && sa->s.inflight_step == STEP_LIST_SUBSCRIBE);

	if (!held)
		return;
	if (!sa->list.printed && !sa->list.fallback) {
		if (sa->s.st.faults)
			snprintf(sa->list.why, sizeof(sa->list.why), "%s",
				 sa->s.st.message);
		else
			snprintf(sa->list.why, sizeof(sa->list.why),
				 "no data came within %g s",
				 sa->cfg->timeout + sa->cfg->connect_timeout);
		sa->list.tried = true;
		sa->list.fallback = true;
	}
	session_cancel(&sa->s);
	sa->s.st.faults = 0;
	sa->s.st.fatal = false;
	sa->subscribed = true;	/* a subscribe cut short may have made it */
	sa->releasing = true;
	if (sa->login_lost)
		sa->release_login = true;
	session_plan(&sa->s, sa->login_lost ? STEP_LOGIN : STEP_RELEASE,
		     now_mono());
	session_run(&sa->s, &sa->list_done);
}

/* The answer to the list's POST /statsapi/subscription. */
static void on_list_subscribe(void *owner, const struct http_result *res,
			      double now)
{
	struct brightpattern *sa = owner;
	char what[300], why[400];

	if (res->status >= 200 && res->status < 300) {
		sa->subscribed = true;
		session_progress(&sa->s, CONN_WAITING,
				 "waiting for the first data");
		session_plan(&sa->s, STEP_LIST_POLL, now);
		return;
	}
	if (res->status == 401) {
		bp_relogin(sa, now);
		return;
	}
	session_describe(&sa->s, res, what, sizeof(what));
	snprintf(why, sizeof(why), "its subscription was refused (%s)", what);
	list_fall_back(sa, why, now);
}

/* The list's rows as entries: "login<TAB>first last", or a name twice. */
static long list_items(const struct snapshot *snap, struct cfg_item **out)
{
	const struct snap_grid *g = &snap->grids[0];
	struct cfg_item *items = xcalloc(g->nrows + 1, sizeof(*items));
	long n = 0;

	for (size_t r = 0; r < g->nrows; r++) {
		const char *a = snapshot_cell_text(snap, 0, r, 0);
		const char *first = NULL, *last = NULL;

		if (g->ncols > 2) {
			first = snapshot_cell_text(snap, 0, r, 1);
			last = snapshot_cell_text(snap, 0, r, 2);
		}

		if (a == NULL || a[0] == '\0')
			continue;
		items[n].id = xstrdup(a);
		if (g->ncols == 1)
			items[n].name = xstrdup(a);
		else
			items[n].name = xasprintf(
				"%s%s%s", first ? first : "",
				first && first[0] && last && last[0] ? " " : "",
				last ? last : "");
		n++;
	}
	*out = items;
	return n;
}

/* A data answer for the list: print its rows, then release. */
static void list_take(struct brightpattern *sa, const struct http_result *res,
		      double now)
{
	char err[200];
	struct snapshot *snap = brightpattern_parse_data(res->body, res->len,
							 sa->list.set, NULL,
							 err, sizeof(err));
	struct cfg_item *items;
	long n;

	if (snap == NULL || err[0] || !snap->grids[0].present) {
		snapshot_free(snap);
		list_fall_back(sa, "its data could not be read", now);
		return;
	}
	n = list_items(snap, &items);
	cfg_items_print(sa->list_out, items, n);
	cfg_items_free(items, n);
	snapshot_free(snap);
	sa->list.tried = true;
	sa->list.printed = true;
	sa->releasing = true;
	session_plan(&sa->s, STEP_RELEASE, now);
}

/* The answer to the list's GET /statsapi/subscription/data. */
static void on_list_data(void *owner, const struct http_result *res,
			 double now)
{
	struct brightpattern *sa = owner;
	char what[300], why[400];

	if (bp_data_pending(sa, res, STEP_LIST_POLL, now))
		return;
	switch (res->status) {
	case 200:
		list_take(sa, res, now);
		return;
	case 404:
		sa->subscribed = false;
		/* fall through */
	default:
		session_describe(&sa->s, res, what, sizeof(what));
		snprintf(why, sizeof(why), "its data did not come (%s)", what);
		list_fall_back(sa, why, now);
	}
}

/* The answer to GET /statsapi/cfg/<what>: print it. */
static void on_list(void *owner, const struct http_result *res, double now)
{
	struct brightpattern *sa = owner;
	struct cfg_item *items;
	char what[300], full[1024];
	long n;

	if (res->status != 200) {
		session_describe(&sa->s, res, what, sizeof(what));
		if (sa->list.why[0])
			snprintf(full, sizeof(full), "no list of %s: %s; "
				 "/statsapi/cfg/%s: %s", sa->list_what,
				 sa->list.why, sa->list_what, what);
		else
			snprintf(full, sizeof(full), "%s", what);
		list_end(sa, full);
		return;
	}
	n = brightpattern_parse_list(res->body, res->len, sa->list_what,
				     &items);
	if (n < 0) {
		snprintf(full, sizeof(full),
			 "the server's %s list is not a list", sa->list_what);
		list_end(sa, full);
		return;
	}
	cfg_items_print(sa->list_out, items, n);
	cfg_items_free(items, n);
	list_end(sa, NULL);
}

void bp_list_step(struct brightpattern *sa, enum step s)
{
	char *path;

	switch (s) {
	case STEP_LIST_SUBSCRIBE:
		session_progress(&sa->s, CONN_SUBSCRIBING, "subscribing");
		bp_request(sa, "POST", "/statsapi/subscription", sa->list.body,
			   "application/json", on_list_subscribe);
		break;
	case STEP_LIST_POLL:
		session_poll_began(&sa->s, now_mono());
		bp_request(sa, "GET", "/statsapi/subscription/data", NULL, NULL,
			   on_list_data);
		break;
	default:
		/*
		 * The documented list, or the undocumented one as the
		 * fallback.
		 */
		path = xasprintf("/statsapi/cfg/%s", sa->list_what);
		bp_request(sa, "GET", path, NULL, NULL, on_list);
		free(path);
	}
}

/* --- names to ids (the collection dialect) ------------------------------- */

static const char *const id_lists[] = { "teams", "services" };

/*
 * The answer to GET /statsapi/cfg/teams or /cfg/services while turning the
 * layouts' names into ids. A list that cannot be had leaves the names as
 * written (an id already, or the server says which it does not know) and
 * says why.
 */
static void on_resolve(void *owner, const struct http_result *res, double now)
{
	struct brightpattern *sa = owner;
	struct id_map *m = &sa->ids[sa->resolving];
	struct cfg_item *items;
	char what[300];
	long n;

	if (res->status == 401) {
		bp_relogin(sa, now);
		return;
	}
	n = res->status == 200 ? brightpattern_parse_list(res->body, res->len,
					id_lists[sa->resolving], &items) : -1;
	if (n < 0) {
		session_describe(&sa->s, res, what, sizeof(what));
		sa->why_ids[sa->resolving] = res->status == 200 ?
			xstrdup("answered no list") : xstrdup(what);
	}
	for (long i = 0; i < n; i++) {
		if (items[i].id == NULL)
			continue;
		m->names = xreallocarray(m->names, m->n + 1, sizeof(*m->names));
		m->ids = xreallocarray(m->ids, m->n + 1, sizeof(*m->ids));
		m->names[m->n] = xstrdup(items[i].name);
		m->ids[m->n++] = xstrdup(items[i].id);
	}
	if (n >= 0)
		cfg_items_free(items, n);
	if (++sa->resolving == 2) {
		bp_resolve_report(sa);
		free(sa->sub_body);
		sa->sub_body = brightpattern_subscription_write(
			sa->set, sa->sel, 0, &sa->ids[0], &sa->ids[1]);
	}
	bp_after_login(sa, now);
}

void bp_resolve_step(struct brightpattern *sa)
{
	char *path = xasprintf("/statsapi/cfg/%s", id_lists[sa->resolving]);

	bp_request(sa, "GET", path, NULL, NULL, on_resolve);
	free(path);
}

/* True when m knows name, as a name or as an id already. */
static bool id_known(const struct id_map *m, const char *name)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->names[i], name) == 0 ||
		    strcmp(m->ids[i], name) == 0)
			return true;
	return false;
}

/* Say which of a panel's names (of list k: teams, services) are unknown. */
static void report_names(struct brightpattern *sa, const struct layout *l,
			 const struct panel *p, int k, char **names, size_t n)
{
	static const char *const what[] = { "team", "service" };
	char why[400];

	if (sa->why_ids[k])
		snprintf(why, sizeof(why),
			 "cannot be looked up (/statsapi/cfg/%s: "
			 "%s): sent as written; write its id",
			 id_lists[k], sa->why_ids[k]);
	else
		snprintf(why, sizeof(why), "is not on the server's list of %s "
			 "(--list-%s)", id_lists[k], id_lists[k]);
	for (size_t i = 0; i < n; i++)
		if (!id_known(&sa->ids[k], names[i]))
			brightpattern_selection_unknown(sa->sel, l, p, what[k],
							names[i], why,
							sa->why_ids[k] == NULL);
}

/*
 * True when a panel sends its names (a totals panel of probes only does not).
 */
static bool sends_names(const struct layoutset *set, const struct panel *p)
{
	for (size_t c = 0; c < p->ncols; c++) {
		const struct stat_info *si = catalog_find(set->catalog,
							  p->cols[c].stat);
		if (si == NULL || !(si->flags & STAT_PROBE))
			return true;
	}
	return p->kind != PANEL_TOTALS;
}

void bp_resolve_report(struct brightpattern *sa)
{
	for (size_t l = 0; l < sa->set->n; l++)
		for (size_t i = 0; i < sa->set->layouts[l]->npanels; i++) {
			const struct layout *lay = sa->set->layouts[l];
			const struct panel *p = &lay->panels[i];
			if (!sends_names(sa->set, p))
				continue;
			report_names(sa, lay, p, 0, p->teams, p->nteams);
			report_names(sa, lay, p, 1, p->services, p->nservices);
		}
}
