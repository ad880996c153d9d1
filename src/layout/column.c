/*
 * column.c - one column of a panel, from its section of a layout file:
 * the statistic resolved against the provider's catalogue (or SUM and
 * the statistics it adds up), the format and alignment it implies, the
 * thresholds and the roles of text values, each problem reported at the
 * line of the option at fault.
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout/build.h"
#include "state.h"

/* Numbers right, words left. */
static enum align align_for_fmt(enum fmt f)
{
	return f == FMT_TEXT || f == FMT_STATE ? ALIGN_LEFT : ALIGN_RIGHT;
}

/* Formats whose values have thresholds (and may be added up). */
static bool fmt_measures(enum fmt f)
{
	return f == FMT_COUNT || f == FMT_DURATION || f == FMT_PERCENT ||
	       f == FMT_DECIMAL;
}

/* True for the statistics that take a list of dispositions. */
static bool is_dispositions_stat(const char *stat)
{
	return strstr(stat, "dispositions") != NULL;
}

/* The catalogue scope of a panel kind. */
static unsigned scope_of(enum panel_kind k)
{
	switch (k) {
	case PANEL_TOTALS:	return STAT_SCOPE_TOTAL;
	case PANEL_AGENT_GRID:	return STAT_SCOPE_AGENT;
	case PANEL_SERVICE_GRID: return STAT_SCOPE_SERVICE;
	case PANEL_TICKER:	break;
	}
	return STAT_SCOPE_ANY;
}

/*
 * The format a column gives for a statistic the catalogue does not know:
 * its format word when it is one and not auto, else NULL (a bad word is
 * reported where the format is read).
 */
static const char *shown_as(const struct build *b, const struct syntax_node *n)
{
	const struct syntax_node *v = n ? build_opt(b, n, "format") : NULL;
	int i = v ? words_find(&fmt_words, v->str) : -1;

	return i > FMT_AUTO ? fmt_name((enum fmt)i) : NULL;
}

/*
 * Look a statistic up; report it unknown, or warn that it was renamed.
 * In an open catalogue (a deployment defines its own statistics) a name
 * not listed is taken when shown says how to show it, with a warning;
 * *deployment is then set.
 */
static const struct stat_info *find_stat(struct build *b, const char *name,
					 int line, const char *where,
					 const char *shown, bool *deployment)
{
	const struct stat_info *info = catalog_find(b->cat, name);
	const char *near = info ? NULL : catalog_suggest(b->cat, name);
	char hint[160] = "";

	*deployment = false;
	if (near != NULL)
		snprintf(hint, sizeof(hint), "; did you mean \"%s\"?", near);
	if (info == NULL && b->cat->open && shown != NULL) {
		build_warn(b, line,
			   "statistic \"%s\"%s is not in the %s catalogue: "
			   "shown as %s",
			   name, where, b->cat->provider, shown);
		*deployment = true;
	} else if (info == NULL && b->cat->open) {
		build_error(b, line,
			    "unknown statistic \"%s\"%s (not in the %s "
			    "catalogue%s): a statistic your deployment defines "
			    "needs format = count, duration, percent, decimal, "
			    "text, state or time in its column",
			    name, where, b->cat->provider, hint);
	} else if (info == NULL) {
		build_error(b, line,
			    "unknown statistic \"%s\"%s (not in the %s "
			    "catalogue%s)",
			    name, where, b->cat->provider, hint);
	} else if (info->flags & STAT_RENAMED) {
		build_warn(b, line, "statistic \"%s\" is renamed to \"%s\"",
			   name, info->renamed_to ? info->renamed_to : "?");
	}
	return info;
}

/* The statistic of a column: catalogue entry, or SUM; false if unusable. */
static bool column_stat(struct build *b, int kind, struct column *c,
			const struct syntax_node *n)
{
	const struct syntax_node *v = build_opt(b, n, "stat");
	bool deployment;

	if (v == NULL) {
		build_error(b, n->line, "column \"%s\" has no stat", c->id);
		return false;
	}
	c->stat = xstrdup(v->str);
	if (strcmp(c->stat, "SUM") == 0) {
		if (kind == PANEL_TOTALS)
			build_error(
				b, v->line,
				"stat \"SUM\" is not available in a "
				"totals panel (only grids add statistics up)");
		return true;
	}
	if (b->cat == NULL)
		return false;
	c->info =
		find_stat(b, c->stat, v->line, "", shown_as(b, n), &deployment);
	if (c->info != NULL && kind >= 0 && !(c->info->scope & scope_of(kind)))
		build_warn(b, v->line,
			   "statistic \"%s\" is not available in %s %s "
			   "panel in the %s catalogue",
			   c->stat, build_article(panel_kind_name(kind)),
			   panel_kind_name(kind), b->cat->provider);
	return c->info != NULL || deployment;
}

/* SUM's list of statistics; sum without SUM. */
static void column_sum(struct build *b, int kind, struct column *c,
		       const struct syntax_node *n)
{
	const struct syntax_node *v = build_opt(b, n, "sum");
	const struct syntax_node *stat = build_opt(b, n, "stat");
	bool is_sum = c->stat != NULL && strcmp(c->stat, "SUM") == 0;

	if (is_sum && v == NULL && kind != PANEL_TOTALS)
		build_error(b, stat->line,
			    "stat \"SUM\" needs sum = {...}, the "
			    "statistics to add up");
	if (v == NULL)
		return;
	if (!is_sum) {
		build_error(b, v->line, "sum needs stat = \"SUM\"");
		return;
	}
	c->sum_stats = build_list(v, &c->nsum);
	for (size_t i = 0; b->cat != NULL && i < v->n; i++) {
		bool deployment;
		/*
		 * What a sum adds up is a number, whatever the column shows.
		 */
		const struct stat_info *info =
			find_stat(b, v->list[i], v->lines[i], " in sum",
				  "a number in the sum", &deployment);
		if (info != NULL && !fmt_measures(fmt_for_kind(info->kind)))
			build_error(b, v->lines[i],
				    "statistic \"%s\" in sum is not a "
				    "number (it is %s)",
				    v->list[i], catalog_kind_name(info->kind));
	}
}

/* Dispositions: only for a dispositions statistic. */
static void column_dispositions(struct build *b, struct column *c,
				const struct syntax_node *n)
{
	const struct syntax_node *v = build_opt(b, n, "dispositions");

	if (v == NULL || c->stat == NULL)
		return;
	if (strcmp(c->stat, "SUM") == 0 || !is_dispositions_stat(c->stat)) {
		build_error(b, v->line,
			    "dispositions need a dispositions statistic "
			    "(such as calls_dispositions_per_day), not \"%s\"",
			    c->stat);
		return;
	}
	c->dispositions = build_list(v, &c->ndisp);
}

/*
 * The scale of a percent (to 0-100) or a duration (to seconds: 0.001 for
 * a server that sends milliseconds): more than 0, and not absurd.
 */
static void column_scale(struct build *b, struct column *c,
			 const struct syntax_node *n)
{
	const struct syntax_node *v = build_opt(b, n, "scale");

	c->pct_scale = c->fmt == FMT_PERCENT && c->info &&
		       c->info->pct_scale != 0 ? c->info->pct_scale : 1;
	if (v == NULL)
		return;
	if (c->fmt != FMT_PERCENT && c->fmt != FMT_DURATION)
		build_error(b, v->line,
			    "scale applies only to percent and duration "
			    "columns, \"%s\" is %s", c->id, fmt_name(c->fmt));
	else if (!isfinite(v->fnum) || v->fnum <= 0 ||
		 v->fnum > GRAMMAR_MAX_SCALE)
		build_error(b, v->line,
			    "scale must be more than 0 and at most %d",
			    GRAMMAR_MAX_SCALE);
	else
		c->pct_scale = v->fnum;
}

/* Format and alignment, explicit or from the statistic; the scale. */
static void column_format(struct build *b, struct column *c,
			  const struct syntax_node *n)
{
	const struct syntax_node *v;
	int i;

	c->fmt = c->info ? fmt_for_kind(c->info->kind) : FMT_COUNT;
	if (c->info == NULL && c->stat != NULL && strcmp(c->stat, "SUM") != 0)
		/* unknown: an error, or its format follows */
		c->fmt = FMT_TEXT;
	if ((v = build_opt(b, n, "format")) != NULL &&
	    build_word(b, v, "format", &fmt_words, &i) && i != FMT_AUTO)
		c->fmt = (enum fmt)i;
	c->align = align_for_fmt(c->fmt);
	if ((v = build_opt(b, n, "align")) != NULL &&
	    build_word(b, v, "align", &align_words, &i) && i != ALIGN_AUTO)
		c->align = (enum align)i;
	c->ticks = c->info && (c->info->flags & STAT_TICKS);
	column_scale(b, c, n);
}

/* A threshold value: a finite number. */
static bool threshold_value(struct build *b, const struct syntax_node *v,
			    const char *opt, bool *has, double *out)
{
	if (v == NULL)
		return true;
	if (!isfinite(v->fnum)) {
		build_error(b, v->line, "%s must be a finite number", opt);
		return false;
	}
	*has = true;
	*out = v->fnum;
	return true;
}

/* Which way is bad: explicit, else from warn and crit; checked for sense. */
static void threshold_direction(struct build *b, struct threshold *th,
				const struct syntax_node *n)
{
	const struct syntax_node *bad = build_opt(b, n, "bad");
	const struct syntax_node *at = bad ? bad :
		build_opt(b, n, th->has_crit ? "crit" : "warn");
	int i;

	th->high_is_bad =
		!(th->has_warn && th->has_crit) || th->crit > th->warn;
	if (th->has_warn && th->has_crit && th->warn == th->crit) {
		build_error(b, at->line,
			    "warn and crit are both %g: crit must be beyond "
			    "warn",
			    th->warn);
		return;
	}
	if (bad == NULL || !build_word(b, bad, "bad", &bad_words, &i))
		return;
	th->high_is_bad = i == 0;
	if (th->has_warn && th->has_crit && th->high_is_bad &&
	    th->crit < th->warn)
		build_error(b, at->line,
			    "bad = high needs crit above warn (warn %g, crit "
			    "%g)",
			    th->warn, th->crit);
	else if (th->has_warn && th->has_crit && !th->high_is_bad &&
		 th->crit > th->warn)
		build_error(b, at->line,
			    "bad = low needs crit below warn (warn %g, crit "
			    "%g)",
			    th->warn, th->crit);
}

/* warn, crit and bad. */
static void column_thresholds(struct build *b, struct column *c,
			      const struct syntax_node *n, bool fmt_known)
{
	struct threshold *th = &c->th;
	const struct syntax_node *warn = build_opt(b, n, "warn");
	const struct syntax_node *crit = build_opt(b, n, "crit");
	const struct syntax_node *bad = build_opt(b, n, "bad");

	th->high_is_bad = true;
	if (warn == NULL && crit == NULL) {
		if (bad != NULL)
			build_error(b, bad->line, "bad needs warn or crit");
		return;
	}
	if (fmt_known && !fmt_measures(c->fmt)) {
		build_error(b, (warn ? warn : crit)->line,
			    "thresholds need a numeric column (count, "
			    "duration, percent or decimal), \"%s\" is %s",
			    c->id, fmt_name(c->fmt));
		return;
	}
	if (threshold_value(b, warn, "warn", &th->has_warn, &th->warn) &&
	    threshold_value(b, crit, "crit", &th->has_crit, &th->crit))
		threshold_direction(b, th, n);
}

/* Split "value=role" (at the last '=', blanks around either part dropped). */
static bool split_state(const char *entry, char **value, char **role)
{
	const char *eq = strrchr(entry, '=');
	const char *a = entry, *r, *e;

	if (eq == NULL)
		return false;
	while (*a == ' ' || *a == '\t')
		a++;
	e = eq;
	while (e > a && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*value = xstrndup(a, (size_t)(e - a));
	r = eq + 1;
	while (*r == ' ' || *r == '\t')
		r++;
	e = r + strlen(r);
	while (e > r && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*role = xstrndup(r, (size_t)(e - r));
	return true;
}

/* One states entry into c->states; false (reported) when it is bad. */
static bool state_entry(struct build *b, struct column *c, const char *entry,
			int line)
{
	char choices[160];
	char *raw, *role, *value;
	int r;

	if (!split_state(entry, &raw, &role)) {
		build_error(b, line, "states entry \"%s\" has no '=' (write "
			    "value=role)", entry);
		return false;
	}
	r = words_find(&role_words, role);
	if (r < 0)
		build_error(
			b, line, "unknown role \"%s\" in states (%s)", role,
			words_choices(&role_words, choices, sizeof(choices)));
	free(role);
	value = build_text(raw);
	free(raw);
	for (size_t i = 0; r >= 0 && i < c->nstates; i++) {
		if (strcasecmp(c->states[i].value, value) == 0) {
			build_error(b, line, "states gives \"%s\" twice",
				    value);
			r = -1;
		}
	}
	if (r < 0) {
		free(value);
		return false;
	}
	c->states[c->nstates].value = value;
	c->states[c->nstates].state = state_find(value);
	c->states[c->nstates++].role = (enum role)r;
	return true;
}

/* The states map: text values -> roles. */
static void column_states(struct build *b, struct column *c,
			  const struct syntax_node *n, bool fmt_known)
{
	const struct syntax_node *v = build_opt(b, n, "states");

	if (v == NULL)
		return;
	if (fmt_known && c->fmt != FMT_TEXT && c->fmt != FMT_STATE) {
		build_error(b, v->line,
			    "states need a text or state column, \"%s\" is %s",
			    c->id, fmt_name(c->fmt));
		return;
	}
	c->states = xcalloc(v->n, sizeof(*c->states));
	for (size_t i = 0; i < v->n; i++)
		state_entry(b, c, v->list[i], v->lines[i]);
}

/* True when cells of c can reach a level (warn or crit): an alert can fire. */
static bool column_has_levels(const struct column *c)
{
	return c->th.has_warn || c->th.has_crit || c->nstates > 0 ||
	       c->fmt == FMT_STATE;
}

/*
 * alert and alert_at: the column's own, else the panel's or the layout's.
 * Given on the column, an alert that can never fire is an error; taken
 * from above, it applies to the columns that have the level and no other.
 */
static void column_alert(struct build *b, struct column *c,
			 const struct syntax_node *n)
{
	const struct syntax_node *own = build_opt(b, n, "alert");
	const struct syntax_node *at = build_opt(b, n, "alert_at");
	bool thresholds_only = c->nstates == 0 && c->fmt != FMT_STATE;

	c->alert = b->alert;
	c->alert_at = b->alert_at;
	build_alert(b, n, &c->alert, &c->alert_at);
	if (c->alert_at != ROLE_WARN)
		c->alert_at = ROLE_CRIT;
	if (c->alert == ALERT_NONE)
		return;
	if (!column_has_levels(c)) {
		if (own != NULL)
			build_error(b, own->line,
				    "alert needs a level: give column "
				    "\"%s\" warn or crit (or states)",
				    c->id);
		c->alert = ALERT_NONE;
	} else if (thresholds_only && c->alert_at == ROLE_CRIT &&
		   !c->th.has_crit) {
		if (own != NULL || at != NULL)
			build_error(b, (own ? own : at)->line,
				    "alert at crit, but column \"%s\" has no "
				    "crit: give crit, or alert_at = warn",
				    c->id);
		c->alert = ALERT_NONE;
	}
}

/*
 * trend: the column's own, else the panel's or the layout's. Only a
 * totals number has a history; given on the column, anything else is an
 * error, taken from above it is passed by.
 */
static void column_trend(struct build *b, int kind, struct column *c,
			 const struct syntax_node *n)
{
	const struct syntax_node *own = build_opt(b, n, "trend");
	double minutes = b->trend;

	build_trend(b, n, &minutes);
	if (kind != PANEL_TOTALS || minutes <= 0)
		return;
	if (!fmt_measures(c->fmt)) {
		if (own != NULL)
			build_error(
				b, own->line,
				"trend needs a number (count, "
				"duration, percent or decimal), \"%s\" is %s",
				c->id, fmt_name(c->fmt));
		return;
	}
	c->trend = minutes;
}

/* The width in cells: 0 (from the format) to GRAMMAR_MAX_COLUMN_WIDTH. */
static void column_width(struct build *b, struct column *c,
			 const struct syntax_node *n)
{
	const struct syntax_node *v = build_opt(b, n, "width");

	if (v == NULL)
		return;
	if (v->num < 0 || v->num > GRAMMAR_MAX_COLUMN_WIDTH)
		build_error(b, v->line,
			    "width must be 0 (from the format) to %d cells",
			    GRAMMAR_MAX_COLUMN_WIDTH);
	else
		c->width = (int)v->num;
}

void build_column(struct build *b, int kind, struct column *c,
		  const struct syntax_node *n)
{
	const struct syntax_node *v;
	unsigned applies = b->applies;
	bool stat_ok;

	/* A ticker's columns are an error of their own: no second one. */
	b->applies = kind >= 0 && kind != PANEL_TICKER ? 1u << kind : K_ANY;
	c->id = xstrdup(n->title ? n->title : "");
	c->line = n->line;
	build_id(b, n->line, "column", c->id);
	if (b->applies != K_ANY)
		build_applies(b, n, (enum panel_kind)kind);
	c->title = build_text((v = build_opt(b, n, "title")) ? v->str : c->id);
	stat_ok = column_stat(b, kind, c, n);
	column_width(b, c, n);
	column_format(b, c, n);
	stat_ok = stat_ok || build_opt(b, n, "format") != NULL;
	column_thresholds(b, c, n, stat_ok);
	column_states(b, c, n, stat_ok);
	column_sum(b, kind, c, n);
	column_dispositions(b, c, n);
	column_alert(b, c, n);
	column_trend(b, kind, c, n);
	b->applies = applies;
}

void column_free(struct column *c)
{
	free(c->id);
	free(c->stat);
	free(c->title);
	for (size_t i = 0; i < c->nstates; i++)
		free(c->states[i].value);
	free(c->states);
	strv_free(c->sum_stats, c->nsum);
	strv_free(c->dispositions, c->ndisp);
}
