/*
 * nagios.c - the status line of --once --format nagios. See nagios.h.
 *
 * The level of the run is the worst level of any value of the layouts
 * that has levels of its own (warn and crit thresholds, or a column's
 * states): totals, and every row of a grid its filter lets through
 * (whatever its limit shows). An agent state's usual role (not ready is
 * warn) is not a level here: a check must not go WARNING for a break.
 * The line names the worst few values; the performance data give every
 * number of the totals and every value of a grid column with thresholds,
 * as label=value[UOM];warn;crit;min;max (the plugin guidelines' form).
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "format.h"
#include "output/nagios.h"
#include "state.h"
#include "table.h"

#define NAGIOS_NAMED 3		/* values named in the line, per level */
#define NAGIOS_PERF_MAX 7000	/* bytes of performance data at most */
#define CELL_MAX 256

/* What the layouts show, added up. */
struct tally {
	/* values at crit, at warn, with levels */
	size_t crit, warn, levels;
	/* the first few at crit [0] and warn [1] */
	struct buf named[2];
	struct buf perf;
	/* more than one layout: labels say which */
	bool multi;
};

/* Copy s into b with nothing the plugin format reads: no '|'. */
static void put_text(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_append(b, *s == '|' ? "/" : s, 1);
}

/* A label, quoted when it holds a blank or a quote (doubled); no '='. */
static void put_label(struct buf *b, const char *s)
{
	bool quote = strpbrk(s, " '\t") != NULL;

	if (quote)
		buf_puts(b, "'");
	for (; *s; s++) {
		if (*s == '\'')
			buf_puts(b, "''");
		else
			buf_append(b, *s == '=' || *s == '|' ? "_" : s, 1);
	}
	if (quote)
		buf_puts(b, "'");
}

/* A number as performance data write it. */
static void put_number(struct buf *b, double v)
{
	char num[64];

	number_text(num, sizeof(num), v, -1);
	buf_puts(b, num);
}

/* True when a column has levels of its own. */
static bool has_levels(const struct column *c)
{
	return c->th.has_warn || c->th.has_crit || c->nstates > 0;
}

/* True when a column's values are numbers with a unit of measure. */
static bool measured(const struct column *c)
{
	return c->fmt == FMT_COUNT || c->fmt == FMT_DURATION ||
	       c->fmt == FMT_PERCENT || c->fmt == FMT_DECIMAL;
}

/* One threshold in the plugin's range form: "N" high is bad, "N:" low. */
static void put_threshold(struct buf *b, bool has, double v, bool high)
{
	buf_puts(b, ";");
	if (!has)
		return;
	put_number(b, v);
	if (!high)
		buf_puts(b, ":");
}

/* One value's performance data: label=value[UOM];warn;crit;min;max. */
static void perf(struct tally *t, const char *prefix, const struct panel *p,
		 const char *row, const struct column *c, const struct cell *v)
{
	const struct threshold *th = &c->th;
	char label[512];
	double d;

	if (t->perf.len > NAGIOS_PERF_MAX)
		return;
	snprintf(label, sizeof(label), "%s%s.%s%s%s", prefix, p->id,
		 row ? row : "", row ? "." : "", c->id);
	buf_puts(&t->perf, " ");
	put_label(&t->perf, label);
	buf_puts(&t->perf, "=");
	if (!table_number(c, v, 0, &d)) {
		buf_puts(&t->perf, "U");
		return;
	}
	put_number(&t->perf, d);
	buf_puts(&t->perf, c->fmt == FMT_DURATION ? "s" :
		 c->fmt == FMT_PERCENT ? "%" : "");
	put_threshold(&t->perf, th->has_warn, th->warn, th->high_is_bad);
	put_threshold(&t->perf, th->has_crit, th->crit, th->high_is_bad);
	buf_puts(&t->perf, c->fmt == FMT_PERCENT ? ";0;100" : ";0");
}

/* Count one value's level; name it when it is among the first few. */
static void judge(struct tally *t, const struct panel *p, const char *row,
		  const struct column *c, const struct cell *v)
{
	char text[CELL_MAX];
	enum role r = table_cell(c, v, 0, text, sizeof(text));
	struct buf *b;
	size_t *n;

	t->levels++;
	if (r != ROLE_CRIT && r != ROLE_WARN)
		return;
	n = r == ROLE_CRIT ? &t->crit : &t->warn;
	b = &t->named[r == ROLE_CRIT ? 0 : 1];
	if ((*n)++ >= NAGIOS_NAMED)
		return;
	buf_puts(b, b->len ? ", " : "");
	put_text(b, p->title);
	buf_puts(b, ": ");
	if (row) {
		put_text(b, row);
		buf_puts(b, ": ");
	}
	put_text(b, c->title);
	buf_puts(b, " ");
	put_text(b, text);
	if ((r == ROLE_CRIT && c->th.has_crit) ||
	    (r == ROLE_WARN && c->th.has_warn)) {
		/* The threshold as the value is shown: 0:30, not 30. */
		struct cell th = { "t",
				   r == ROLE_CRIT ? c->th.crit : c->th.warn,
				   STATE_NONE, false };
		format_cell(text, sizeof(text), c->fmt, &th, 1, 0);
		buf_printf(b, " (%s %s)", role_name(r), text);
	}
}

/* One cell: its level and its performance data. */
static void see(struct tally *t, const char *prefix, const struct panel *p,
		const char *row, const struct column *c, const struct cell *v)
{
	if (has_levels(c))
		judge(t, p, row, c, v);
	if (measured(c) && (row == NULL || c->th.has_warn || c->th.has_crit))
		perf(t, prefix, p, row, c, v);
}

/*
 * Every value of a grid its filter lets through. A row's label is its
 * key; a key met again (two agents of one name) gets "#2", "#3"...
 */
static void see_grid(struct tally *t, const char *prefix, const struct panel *p,
		     const struct snapshot *s)
{
	const struct snap_grid *g = &s->grids[p->gid];
	char (*keys)[ALERT_ROW_MAX];
	char key[ALERT_ROW_MAX + 16];
	size_t *rows;
	size_t n;

	if (!g->present || g->nrows == 0)
		return;
	rows = xcalloc(g->nrows, sizeof(*rows));
	keys = xcalloc(g->nrows, sizeof(*keys));
	n = table_filter(p, s, rows);
	for (size_t i = 0; i < n; i++) {
		size_t same = 1;
		alert_row_key(p, s, rows[i], keys[i], sizeof(keys[i]));
		for (size_t j = 0; j < i; j++)
			same += strcmp(keys[j], keys[i]) == 0;
		snprintf(key, sizeof(key), same > 1 ? "%s#%zu" : "%s", keys[i],
			 same);
		for (size_t c = 0; c < p->ncols; c++)
			see(t, prefix, p, key, &p->cols[c],
			    snapshot_cell(s, p->gid, rows[i], c));
	}
	free(keys);
	free(rows);
}

/* Every panel of a layout. */
static void see_layout(struct tally *t, const struct layout *l, size_t li,
		       const struct snapshot *s)
{
	char prefix[16] = "";

	if (t->multi)
		snprintf(prefix, sizeof(prefix), "%d:", l->key ? l->key :
			 (int)li + 1);
	for (size_t pi = 0; pi < l->npanels; pi++) {
		const struct panel *p = &l->panels[pi];
		if (p->kind == PANEL_TOTALS)
			for (size_t c = 0; c < p->ncols; c++)
				see(t, prefix, p, NULL, &p->cols[c],
				    &s->totals[p->cols[c].tid]);
		else if (p->kind != PANEL_TICKER)
			see_grid(t, prefix, p, s);
	}
}

/* "and 4 more" after the named values of a level. */
static void more(struct buf *line, size_t n)
{
	if (n > NAGIOS_NAMED)
		buf_printf(line, " and %zu more", n - NAGIOS_NAMED);
}

/* The line's words: how many at each level, and which. */
static int summary(struct buf *line, const struct tally *t)
{
	int rc = t->crit   ? NAGIOS_CRITICAL
		 : t->warn ? NAGIOS_WARNING
			   : NAGIOS_OK;

	buf_printf(line, "WALLBOARD %s - ", rc == NAGIOS_CRITICAL ? "CRITICAL" :
		   rc == NAGIOS_WARNING ? "WARNING" : "OK");
	if (rc == NAGIOS_OK) {
		buf_printf(line, "%zu values within their levels", t->levels);
		return rc;
	}
	if (t->crit) {
		buf_printf(line, "%zu critical: %s", t->crit, t->named[0].data);
		more(line, t->crit);
	}
	if (t->warn) {
		buf_printf(line, "%s%zu warning: %s", t->crit ? "; " : "",
			   t->warn, t->named[1].data);
		more(line, t->warn);
	}
	return rc;
}

int nagios_unknown(FILE *out, const char *why)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "WALLBOARD UNKNOWN - ");
	put_text(&b, why);
	fprintf(out, "%s\n", b.data);
	buf_free(&b);
	return NAGIOS_UNKNOWN;
}

int once_nagios(FILE *out, const struct once_result *r)
{
	struct tally t;
	struct buf line;
	int rc;

	if (r->snap == NULL) {
		char why[400];
		snprintf(why, sizeof(why), "no data: %s", r->st->message[0] ?
			 r->st->message : conn_state_name(r->st->state));
		return nagios_unknown(out, why);
	}
	memset(&t, 0, sizeof(t));
	buf_init(&t.named[0]);
	buf_init(&t.named[1]);
	buf_init(&t.perf);
	buf_init(&line);
	t.multi = r->set->n > 1;
	for (size_t i = 0; i < r->set->n; i++)
		see_layout(&t, r->set->layouts[i], i, r->snap);
	rc = summary(&line, &t);
	fprintf(out, "%s%s%s\n", line.data, t.perf.len ? " |" : "",
		t.perf.len ? t.perf.data : "");
	buf_free(&line);
	buf_free(&t.perf);
	buf_free(&t.named[0]);
	buf_free(&t.named[1]);
	return rc;
}
