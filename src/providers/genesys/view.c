/*
 * view.c - the simulated contact centre as the Genesys Statistics API v3
 * presents it: subscriptions to Stat Server statistics on objects (POST
 * /statistics/v3/subscriptions), their values (GET .../statistic-values,
 * all or some by statisticId), and single values without a subscription
 * (GET /statistic-values/{name}, POST /operations/get-statistic-ex).
 *
 * A statistic is a catalogue name (or an inline definition) opened on an
 * object: an Agent (login id), a Queue or RoutePoint (a service's name or
 * id), GroupQueues (a service, or a team's services), the Tenant (every
 * service) or GroupAgents (a team's agents). Names and objects are
 * resolved once, when the subscription is made; an object the centre does
 * not have is not refused, its statistics answer null as Stat Server
 * reports a statistic it could not open. Values come from the model's
 * figures (sim_internal.h), computed once per object and answer:
 * numbers as {"value": N}, agent states as {"state", "reason"}.
 *
 * Which names the server has is its deployment's (struct
 * genesys_view_rules): the catalogue's, and those a test adds with the
 * value they answer. A name it does not have refuses the subscription
 * (400); a name it is told to refuse too, in words that name it but no
 * statisticId; a name it is told to fail is opened, and each of its
 * objects answered as an entry of errors[] (the reference's shape:
 * a status with a code, a detail and a message) instead of a value.
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "providers/genesys/parse.h"
#include "providers/genesys/view_internal.h"
#include "sim/sim_internal.h"
#include "util.h"

#define MAX_STATS 20000		/* statistics in one subscription or request */
#define QUOTE_MAX 60 /* bytes of a client's text quoted in an error */
/* The words of a refused statistic: its name, but no statisticId. */
#define REFUSED_FMT "Statistic '%.*s' is not defined in the Stat Server " \
	"configuration"

/* --- subscriptions ------------------------------------------------------- */

/* One statistic opened on one object. */
struct gstat {
	char *id;		/* statisticId; NULL when none was given */
	char *oid, *otype;	/* objectId, objectType as given */
	/* the statistic's name; NULL for a definition */
	char *name;
	json_t *definition;	/* an inline definition, its value is 0 */
	const struct gdef *def;	/* how it is computed; NULL: extra, or null */
	/* a deployment's statistic: its value, or NULL */
	json_t *extra;
	bool error;		/* answered as an error entry, not a value */
	struct target tg;
};

struct sim_gsub {
	char id[SIM_ID_LEN];	/* subscriptionId */
	char *op;		/* operationId, NULL when none was given */
	struct gstat *v;
	size_t n;
	size_t *order;		/* v's indexes sorted by statisticId */
};

/* The state of one parse: the first error wins. */
struct gparse {
	char *err;
	size_t errsz;
	bool failed;
	bool need_id;		/* statisticId is required (subscriptions) */
	struct lookup l;
	const struct genesys_view_rules *rules;	/* NULL: the catalogue only */
};

/* Record the first error; returns false for the caller to pass on. */
static bool WB_PRINTF(2, 3) fail(struct gparse *p, const char *fmt, ...)
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

/* How many bytes of a client's text to quote: at most QUOTE_MAX, never
 * cutting a UTF-8 character. */
static int quote_len(const char *s)
{
	size_t n = strlen(s);

	if (n <= QUOTE_MAX)
		return (int)n;
	n = QUOTE_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return (int)n;
}

/* A member that must be a string when present; false (and an error) when
 * it is something else. */
static bool opt_string(struct gparse *p, json_t *e, const char *key,
		       const char *label, const char **out)
{
	json_t *v = json_object_get(e, key);

	*out = NULL;
	if (v == NULL)
		return true;
	if (!json_is_string(v))
		return fail(p, "statistic %.*s: %s must be a string",
			    quote_len(label), label, key);
	*out = json_string_value(v);
	return true;
}

/* True when a list of names (a JSON array, or NULL) holds name. */
static bool listed(json_t *list, const char *name)
{
	json_t *v;
	size_t i;

	json_array_foreach(list, i, v)
		if (json_is_string(v) &&
		    strcmp(json_string_value(v), name) == 0)
			return true;
	return false;
}

/* Whether the server has a statistic. */
enum has { HAS_NAME, HAS_REFUSED, HAS_NOT };

/*
 * Whether the server has statistic name (*extra: its value when it is a
 * deployment's own), refuses it, or does not have it.
 */
static enum has has_name(const struct genesys_view_rules *rules,
			 const char *name, json_t **extra)
{
	*extra = rules && rules->extra ? json_object_get(rules->extra, name)
				       : NULL;
	if (rules && listed(rules->refuse, name))
		return HAS_REFUSED;
	if (catalog_find(&catalog_genesys, name) != NULL || *extra != NULL ||
	    (rules && rules->any_name))
		return HAS_NAME;
	return HAS_NOT;
}

/* The statistic's name, or its inline definition. */
static bool parse_name(struct gparse *p, json_t *e, const char *label,
		       struct gstat *st)
{
	json_t *name = json_object_get(e, "name");
	json_t *def = json_object_get(e, "definition");
	enum has has;
	const char *n;
	json_t *extra;

	if (json_is_string(name)) {
		n = json_string_value(name);
		has = has_name(p->rules, n, &extra);
		if (has == HAS_REFUSED)
			return fail(p, REFUSED_FMT, quote_len(n), n);
		if (has == HAS_NOT)
			return fail(p, "statistic %.*s: unknown statistic name "
				    "\"%.*s\"", quote_len(label), label,
				    quote_len(n), n);
		st->name = xstrdup(n);
		st->def = gdef_find(n);
		st->extra = extra ? json_incref(extra) : NULL;
		st->error = p->rules && listed(p->rules->error, n);
		return true;
	}
	if (name == NULL && json_is_object(def)) {
		st->definition = json_incref(def);
		return true;
	}
	return fail(p, "statistic %.*s has no name (a string) or definition "
		    "(an object)", quote_len(label), label);
}

/* Its object: objectId and a known objectType, resolved in the model. */
static bool parse_object(struct gparse *p, json_t *e, const char *label,
			 struct gstat *st)
{
	const char *oid, *otype;
	enum otype t;

	if (!opt_string(p, e, "objectId", label, &oid) ||
	    !opt_string(p, e, "objectType", label, &otype))
		return false;
	if (oid == NULL)
		return fail(p, "statistic %.*s has no objectId",
			    quote_len(label), label);
	if (otype == NULL)
		return fail(p, "statistic %.*s has no objectType",
			    quote_len(label), label);
	if (!view_otype_find(otype, &t))
		return fail(p, "statistic %.*s: unknown objectType \"%.*s\" "
			    "(known: Agent, Queue, GroupQueues, Tenant, "
			    "RoutePoint, GroupAgents)", quote_len(label), label,
			    quote_len(otype), otype);
	st->oid = xstrdup(oid);
	st->otype = xstrdup(otype);
	st->tg = view_resolve(&p->l, t, oid);
	return true;
}

/* One element of data.statistics; i numbers it in errors without an id. */
static bool parse_stat(struct gparse *p, size_t i, json_t *e, struct gstat *st)
{
	char num[32];
	const char *id, *label;

	if (!json_is_object(e))
		return fail(p, "statistic number %zu is not an object", i + 1);
	snprintf(num, sizeof(num), "number %zu", i + 1);
	if (!opt_string(p, e, "statisticId", num, &id))
		return false;
	if (id == NULL && p->need_id)
		return fail(p, "statistic number %zu has no statisticId",
			    i + 1);
	if (id != NULL)
		st->id = xstrdup(id);
	label = id ? id : num;
	return parse_object(p, e, label, st) && parse_name(p, e, label, st);
}

/* Free parsed statistics. */
static void stats_free(struct gstat *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].oid);
		free(v[i].otype);
		free(v[i].name);
		json_decref(v[i].definition);
		json_decref(v[i].extra);
	}
	free(v);
}

/*
 * data.statistics of a body (or a top-level statistics, for get-statistic-ex).
 */
static json_t *stats_list(struct gparse *p, json_t *root, bool top_ok)
{
	json_t *data, *list;

	if (!json_is_object(root)) {
		fail(p, "the body must be a JSON object");
		return NULL;
	}
	data = json_object_get(root, "data");
	list = json_object_get(data, "statistics");
	if (list == NULL && data == NULL && top_ok)
		list = json_object_get(root, "statistics");
	if (!json_is_array(list)) {
		fail(p, "the body has no data.statistics list");
		return NULL;
	}
	if (json_array_size(list) > MAX_STATS) {
		fail(p, "too many statistics: %zu (limit %d)",
		     json_array_size(list), MAX_STATS);
		return NULL;
	}
	return list;
}

/* Every element of the list; *n counts those parsed, even on failure. */
static bool parse_stats(struct gparse *p, json_t *list, struct gstat **out,
			size_t *n)
{
	size_t i;
	json_t *e;

	*out = xcalloc(json_array_size(list) + 1, sizeof(**out));
	*n = 0;
	json_array_foreach(list, i, e) {
		(*n)++;
		if (!parse_stat(p, i, e, &(*out)[i]))
			return false;
	}
	return true;
}

/* The statistics being sorted by id (qsort has no context). */
static const struct gstat *sort_stats;

/* qsort order of indexes: by their statistic's id. */
static int order_cmp(const void *a, const void *b)
{
	return strcmp(sort_stats[*(const size_t *)a].id,
		      sort_stats[*(const size_t *)b].id);
}

/* Sort the subscription's statistics by id; refuse an id used twice. */
static bool sort_ids(struct gparse *p, struct sim_gsub *g)
{
	g->order = xcalloc(g->n + 1, sizeof(*g->order));
	for (size_t i = 0; i < g->n; i++)
		g->order[i] = i;
	sort_stats = g->v;
	qsort(g->order, g->n, sizeof(*g->order), order_cmp);
	sort_stats = NULL;
	for (size_t i = 1; i < g->n; i++) {
		const char *id = g->v[g->order[i]].id;

		if (strcmp(id, g->v[g->order[i - 1]].id) == 0)
			return fail(p, "statisticId \"%.*s\" is used twice",
				    quote_len(id), id);
	}
	return true;
}

/* The operationId: optional, a string when given. */
static bool parse_operation(struct gparse *p, json_t *root, struct sim_gsub *g)
{
	json_t *op = json_object_get(root, "operationId");

	if (op == NULL || json_is_null(op))
		return true;
	if (!json_is_string(op))
		return fail(p, "operationId must be a string");
	g->op = xstrdup(json_string_value(op));
	return true;
}

/* Load a body as JSON, or NULL with the reason. */
static json_t *load(struct gparse *p, const char *body, size_t len)
{
	json_error_t jerr;
	json_t *root = json_loadb(body ? body : "", body ? len : 0, 0, &jerr);

	if (root == NULL)
		fail(p, "malformed JSON at line %d column %d: %s", jerr.line,
		     jerr.column, jerr.text);
	return root;
}

/*
 * A fresh subscription id, GUID-shaped: the clocks, a counter and an
 * address mixed (splitmix64). Not drawn from the model's generator, so
 * subscribing does not change the simulated day.
 */
static void new_sub_id(char out[SIM_ID_LEN])
{
	static uint64_t counter;
	uint64_t x = (uint64_t)(now_wall() * 1e6) ^
		     ((uint64_t)(now_mono() * 1e9) << 21) ^
		     (++counter * 0x9e3779b97f4a7c15ULL) ^
		     (uint64_t)(uintptr_t)out;
	uint64_t r[2];

	for (int i = 0; i < 2; i++) {
		uint64_t z = (x += 0x9e3779b97f4a7c15ULL);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		r[i] = z ^ (z >> 31);
	}
	snprintf(out, SIM_ID_LEN, "%08x-%04x-%04x-%04x-%012llx",
		 (unsigned)(r[0] >> 32), (unsigned)(r[0] >> 16) & 0xffff,
		 (unsigned)r[0] & 0xffff, (unsigned)(r[1] >> 48),
		 (unsigned long long)(r[1] & 0xffffffffffffULL));
}

/*
 * POST /statistics/v3/subscriptions: {"operationId": op, "data":
 * {"statistics": [{"statisticId", "objectId", "objectType", "name" or
 * "definition"}...]}}. NULL with the 400 answer's message in err.
 */
struct sim_gsub *genesys_view_subscribe(struct sim *s, const char *body,
					size_t len,
					const struct genesys_view_rules *rules,
					char *err, size_t errsz)
{
	struct gparse p = { err, errsz, false, true, { s, { 0 }, { 0 }, { 0 } },
			    rules };
	struct sim_gsub *g;
	json_t *root, *list;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if ((root = load(&p, body, len)) == NULL)
		return NULL;
	g = xcalloc(1, sizeof(*g));
	if ((list = stats_list(&p, root, false)) != NULL &&
	    parse_operation(&p, root, g) && parse_stats(&p, list, &g->v, &g->n))
		sort_ids(&p, g);
	json_decref(root);
	view_lookup_free(&p.l);
	if (p.failed) {
		genesys_view_free(g);
		return NULL;
	}
	new_sub_id(g->id);
	return g;
}

/* Free a subscription. */
void genesys_view_free(struct sim_gsub *g)
{
	if (g == NULL)
		return;
	stats_free(g->v, g->n);
	free(g->order);
	free(g->op);
	free(g);
}

/* The subscriptionId. */
const char *genesys_view_id(const struct sim_gsub *g)
{
	return g->id;
}

/* --- figures ------------------------------------------------------------- */

/* Figures computed once per answer, by object (XFIG_N doubles each). */
struct figs {
	struct sim *s;
	double **agent, **service, **team_agents, **team_queues;
	double *tenant;
};

/* Room for every object's figures, none computed. */
static void figs_init(struct figs *c, struct sim *s)
{
	c->s = s;
	c->agent = xcalloc((size_t)s->nagents, sizeof(double *));
	c->service = xcalloc((size_t)s->nsvcs, sizeof(double *));
	c->team_agents = xcalloc((size_t)s->nteams, sizeof(double *));
	c->team_queues = xcalloc((size_t)s->nteams, sizeof(double *));
	c->tenant = NULL;
}

/* Free the figures of one kind of object. */
static void figs_free_all(double **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Free every figure computed. */
static void figs_free(struct figs *c)
{
	figs_free_all(c->agent, c->s->nagents);
	figs_free_all(c->service, c->s->nsvcs);
	figs_free_all(c->team_agents, c->s->nteams);
	figs_free_all(c->team_queues, c->s->nteams);
	free(c->tenant);
}

/*
 * An agent's figures and the agent extras: the time logged in that was
 * neither ready nor on a call (finished calls' handle time, and the
 * current one since it was offered), and talk time with the current call.
 */
static void agent_figs(struct sim *s, const struct sim_agent *a, double *f)
{
	bool on_call = a->state == AS_BUSY || a->state == AS_ACW;

	sim_agent_figures(s, a, f);
	f[X_NOT_READY] = fmax(0, f[T_LOGGED_TIME] - f[T_READY_TIME] -
					 a->tally[T_HANDLE] -
					 (on_call ? s->t - a->call_at : 0));
	f[X_TALK] = f[T_TALK] + f[T_OUT_TALK] + f[L_TALK_DURATION];
}

/* The queue extras, from a service's (or a total's) figures. */
static void queue_extras(double *f)
{
	f[X_ENTERED] = f[T_QUEUED] + f[T_OUT_QUEUED];
	f[X_ANSWERED] = f[T_ANSWERED] + f[T_CB_ANSWERED] + f[T_OUT_ROUTED];
	f[X_ABANDONED] = f[T_ABANDONED_Q] + f[T_ABANDONED_RING] +
			 f[T_OUT_ABANDONED_Q];
	f[X_DISTRIBUTED] = f[T_ROUTED] + f[T_CB_ANSWERED] + f[T_OUT_ROUTED];
}

/* A team's agents: their figures summed. */
static void team_agent_figs(struct sim *s, int team, double *f)
{
	double *one = xmalloc(XFIG_N * sizeof(*one));

	for (int i = 0; i < s->nagents; i++) {
		if (s->agents[i].team != team)
			continue;
		agent_figs(s, &s->agents[i], one);
		for (int k = 0; k < XFIG_N; k++)
			f[k] += one[k];
	}
	free(one);
}

/* A team's services, or every service (team -1): the totals' figures. */
static void total_figs(struct sim *s, int team, double *f)
{
	bool *sel = NULL;

	if (team >= 0) {
		sel = xcalloc((size_t)s->nsvcs, sizeof(bool));
		for (size_t i = 0; i < s->teams[team].nsvcs; i++)
			sel[s->teams[team].svcs[i]] = true;
	}
	sim_total_figures(s, sel, f);
	queue_extras(f);
	free(sel);
}

/* Compute a target's figures into a fresh array. */
static double *figs_compute(struct sim *s, const struct target *tg)
{
	double *f = xcalloc(XFIG_N, sizeof(*f));

	switch (tg->kind) {
	case TG_AGENT:
		agent_figs(s, &s->agents[tg->idx], f);
		break;
	case TG_SERVICE:
		sim_service_figures(s, tg->idx, f);
		queue_extras(f);
		break;
	case TG_TEAM_AGENTS:
		team_agent_figs(s, tg->idx, f);
		break;
	case TG_TEAM_QUEUES:
		total_figs(s, tg->idx, f);
		break;
	case TG_TENANT:
	case TG_NONE:
		total_figs(s, -1, f);
		break;
	}
	return f;
}

/* The slot of a target's figures in the cache. */
static double **figs_slot(struct figs *c, const struct target *tg)
{
	switch (tg->kind) {
	case TG_AGENT:
		return &c->agent[tg->idx];
	case TG_SERVICE:
		return &c->service[tg->idx];
	case TG_TEAM_AGENTS:
		return &c->team_agents[tg->idx];
	case TG_TEAM_QUEUES:
		return &c->team_queues[tg->idx];
	case TG_TENANT:
	case TG_NONE:
		break;
	}
	return &c->tenant;
}

/* A target's figures, computed the first time they are asked for. */
static const double *figs_get(struct figs *c, const struct target *tg)
{
	double **slot = figs_slot(c, tg);

	if (*slot == NULL)
		*slot = figs_compute(c->s, tg);
	return *slot;
}

/* --- values -------------------------------------------------------------- */

/* {"value": n} for a whole number. */
static json_t *int_value(double v)
{
	return json_pack("{s:I}", "value", (json_int_t)floor(v + 0.5));
}

/*
 * {"value": p}: a share in percent, one decimal (or a fraction when the
 * model speaks as a server that sends them so); null when b is 0.
 */
static json_t *pct_value(const struct sim *s, double a, double b)
{
	double p = b > 0 ? fmin(100, fmax(0, a * 100 / b)) : 0;

	/* No calls yet: a share of nothing has no value (not 0 %). */
	if (b <= 0)
		return json_pack("{s:n}", "value");
	if (s->share_scale == 1)
		return json_pack("{s:f}", "value", floor(p * 10 + 0.5) / 1000);
	return json_pack("{s:f}", "value", floor(p * 10 + 0.5) / 10);
}

/* The Stat Server word for an agent's state. */
static const char *state_native(const struct sim_agent *a)
{
	switch (a->state) {
	case AS_READY:
		return "WaitForNextCall";
	case AS_NOT_READY:
		return "NotReadyForNextCall";
	case AS_BUSY:
		return a->outbound ? "CallOutbound" : "CallInbound";
	case AS_ACW:
		return "AfterCallWork";
	case AS_LOGGED_OUT:
		break;
	}
	return "LoggedOut";
}

/* The word sent: the model's vocabulary may be another server's. */
static const char *state_name(const struct sim *s, const struct sim_agent *a)
{
	return sim_state_text(s, a->state, state_native(a));
}

/* The agent's not-ready reason, "" when it has none. */
static const char *reason_of(const struct sim_agent *a)
{
	return a->state == AS_NOT_READY && a->reason ? a->reason : "";
}

/* The value of an agent statistic the figures do not hold. */
static json_t *agent_value(const struct sim *s, const struct gdef *d,
			   const struct sim_agent *a)
{
	switch (d->op) {
	case G_STATE:
		return json_pack("{s:s, s:s}", "state", state_name(s, a),
				 "reason", reason_of(a));
	case G_REASON:
		return json_pack("{s:s}", "value", reason_of(a));
	default:
		break;
	}
	return int_value(floor(s->t - a->since));
}

/* The value object of one statistic; null for an object the centre does
 * not have, or one the statistic cannot be opened on. */
static json_t *stat_value(struct figs *c, const struct gstat *st)
{
	const struct gdef *d = st->def;
	const double *f;

	if (st->tg.kind == TG_NONE || (d && !(d->on & target_class(&st->tg))))
		return json_null();
	if (d == NULL && st->definition != NULL)
		return int_value(0);
	if (d == NULL)		/* a deployment's statistic, or one unknown */
		return st->extra ? json_pack("{s:O}", "value", st->extra) :
		       json_null();
	switch (d->op) {
	case G_OBJECT_ID:
		return json_pack("{s:s}", "value", st->oid);
	case G_STATE:
	case G_REASON:
	case G_IN_STATE:
		return agent_value(c->s, d, &c->s->agents[st->tg.idx]);
	default:
		break;
	}
	f = figs_get(c, &st->tg);
	if (d->op == G_AVG)
		return int_value(f[d->b] > 0 ? f[d->a] / f[d->b] : 0);
	if (d->op == G_PCT)
		return pct_value(c->s, f[d->a], f[d->b]);
	return int_value(f[d->a]);
}

/* The time of the answer, epoch milliseconds of the simulated now. */
static json_int_t timestamp(const struct sim *s)
{
	return (json_int_t)floor(sim_epoch(s, s->t) * 1000);
}

/* One statistic of an answer: its id (when it has one), object, name or
 * definition, timestamp and value. */
static json_t *stat_json(struct figs *c, const struct gstat *st)
{
	json_t *o = json_object();

	if (st->id != NULL)
		json_object_set_new(o, "statisticId", json_string(st->id));
	json_object_set_new(o, "objectId", json_string(st->oid));
	json_object_set_new(o, "objectType", json_string(st->otype));
	if (st->name != NULL)
		json_object_set_new(o, "name", json_string(st->name));
	else
		json_object_set(o, "definition", st->definition);
	json_object_set_new(o, "timestamp", json_integer(timestamp(c->s)));
	json_object_set_new(o, "value", stat_value(c, st));
	return o;
}

/*
 * An answer's text: {"data": data, "errors": errors (when not NULL),
 * "status": {"code": 0, "message": "OK"}}.
 */
static char *answer_with(json_t *data, json_t *errors)
{
	json_t *root = json_pack("{s:o, s:{s:i, s:s}}", "data", data, "status",
				 "code", 0, "message", "OK");
	char *text;

	if (errors != NULL)
		json_object_set_new(root, "errors", errors);
	text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER |
				JSON_REAL_PRECISION(15));

	json_decref(root);
	return text;
}

/* An answer without errors. */
static char *answer(json_t *data)
{
	return answer_with(data, NULL);
}

/*
 * The error entry of a statistic the server could not open: its
 * statisticId and object in the detail, in the reference's shape.
 */
static json_t *stat_error(const struct gstat *st)
{
	json_t *detail =
		json_pack("{s:s, s:s, s:s}", "name", st->name, "objectId",
			  st->oid, "objectType", st->otype);
	char *msg = xasprintf("Statistic '%.*s' could not be opened on %.*s "
			      "'%.*s'", quote_len(st->name), st->name,
			      quote_len(st->otype), st->otype,
			      quote_len(st->oid), st->oid);
	json_t *e;

	if (st->id != NULL)
		json_object_set_new(detail, "statisticId", json_string(st->id));
	e = json_pack("{s:{s:i, s:o, s:s}}", "status", "code", 404, "detail",
		      detail, "message", msg);
	free(msg);
	return e;
}

/* The index of the statistic with this id (of length len), or -1. */
static long find_id(const struct sim_gsub *g, const char *id, size_t len)
{
	size_t lo = 0, hi = g->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = g->v[g->order[mid]].id;
		int r = strncmp(k, id, len);

		if (r == 0 && k[len] != '\0')
			r = 1;
		if (r == 0)
			return (long)g->order[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Marks for the statistics a comma-separated id list names (spaces
 * around ids ignored, unknown ids too). */
static bool *select_ids(const struct sim_gsub *g, const char *ids)
{
	bool *want = xcalloc(g->n + 1, sizeof(bool));
	const char *p = ids;

	while (*p != '\0') {
		size_t len = strcspn(p, ",");
		const char *end = p + len;
		long i;

		while (p < end && *p == ' ')
			p++;
		while (end > p && end[-1] == ' ')
			end--;
		if (end > p && (i = find_id(g, p, (size_t)(end - p))) >= 0)
			want[i] = true;
		p += strcspn(p, ",");
		if (*p == ',')
			p++;
	}
	return want;
}

/*
 * GET .../subscriptions/{id}/statistic-values: {"data": {"operationId",
 * "subscriptionId", "statistics": [...]}, "status": {"code": 0}}, every
 * statistic (ids NULL) or those of the comma-separated statisticIds, in
 * the subscription's order.
 */
char *genesys_view_values(struct sim *s, const struct sim_gsub *g,
			 const char *ids)
{
	bool *want = ids ? select_ids(g, ids) : NULL;
	json_t *data = json_object(), *list = json_array(), *errors = NULL;
	struct figs c;

	figs_init(&c, s);
	for (size_t i = 0; i < g->n; i++) {
		if (want != NULL && !want[i])
			continue;
		if (!g->v[i].error) {
			json_array_append_new(list, stat_json(&c, &g->v[i]));
			continue;
		}
		if (errors == NULL)
			errors = json_array();
		json_array_append_new(errors, stat_error(&g->v[i]));
	}
	figs_free(&c);
	free(want);
	if (g->op != NULL)
		json_object_set_new(data, "operationId", json_string(g->op));
	json_object_set_new(data, "subscriptionId", json_string(g->id));
	json_object_set_new(data, "statistics", list);
	return answer_with(data, errors);
}

/*
 * GET /statistic-values/{name}?objectId&objectType: {"data": {"statistic":
 * {...}}}. NULL for a name the server does not have (err says why when it
 * is refused, else it is "") or an unknown object type; an unknown object
 * answers value null.
 */
char *genesys_view_peek(struct sim *s, const char *name, const char *object_id,
			const char *object_type,
			const struct genesys_view_rules *rules, char *err,
			size_t errsz)
{
	struct lookup l = { s, { 0 }, { 0 }, { 0 } };
	json_t *one, *extra;
	enum has has = has_name(rules, name, &extra);
	struct gstat st;
	struct figs c;
	enum otype t;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (has == HAS_REFUSED && err != NULL)
		snprintf(err, errsz, REFUSED_FMT, quote_len(name), name);
	if (has != HAS_NAME || !view_otype_find(object_type, &t))
		return NULL;
	memset(&st, 0, sizeof(st));
	st.name = (char *)name;
	st.oid = (char *)object_id;
	st.otype = (char *)object_type;
	st.def = gdef_find(name);
	st.extra = extra;
	st.tg = view_resolve(&l, t, object_id);
	view_lookup_free(&l);
	figs_init(&c, s);
	one = stat_json(&c, &st);
	figs_free(&c);
	return answer(json_pack("{s:o}", "statistic", one));
}

/*
 * POST /operations/get-statistic-ex: {"data": {"statistics": [{"name" or
 * "definition", "objectId", "objectType"}...]}} answers {"data":
 * {"statistics": [...]}} in the same order. NULL with the 400 answer's
 * message in err, refused as a subscription would be.
 */
char *genesys_view_peek_ex(struct sim *s, const char *body, size_t len,
			   const struct genesys_view_rules *rules, char *err,
			   size_t errsz)
{
	struct gparse p = {
		err, errsz, false, false, { s, { 0 }, { 0 }, { 0 } }, rules
	};
	struct gstat *v = NULL;
	size_t n = 0;
	json_t *root, *list, *out = NULL;
	struct figs c;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if ((root = load(&p, body, len)) == NULL)
		return NULL;
	if ((list = stats_list(&p, root, true)) != NULL &&
	    parse_stats(&p, list, &v, &n)) {
		out = json_array();
		figs_init(&c, s);
		for (size_t i = 0; i < n; i++)
			json_array_append_new(out, stat_json(&c, &v[i]));
		figs_free(&c);
	}
	stats_free(v, n);
	json_decref(root);
	view_lookup_free(&p.l);
	return out ? answer(json_pack("{s:o}", "statistics", out)) : NULL;
}
