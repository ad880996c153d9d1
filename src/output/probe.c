/*
 * probe.c - the first-contact report of --probe. See probe.h.
 *
 * For each column of each panel it says whether the server sent the
 * statistic, as which JSON types, two samples, the unit the board
 * assumes, and where the samples contradict the assumption (a share out
 * of its scale, a state word nobody knows); then the notes the source
 * left (a statistic refused and why), and one line of result. One
 * snapshot is all it has, so a share that looks too small is said as a
 * possibility; the board's --log says it for sure after a day of data.
 */
#include "autoconf.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "output/probe.h"
#include "state.h"
#include "text.h"

/* Unknown state words listed per column at most. */
#define PROBE_WORDS 4
/* Columns not sent, listed by name in the result line at most. */
#define PROBE_MISSING 8

/* One column as the snapshot shows it, over its grid's rows or its total. */
struct seen {
	size_t values;		/* cells with a value */
	size_t empty;		/* cells sent as "no value" */
	size_t refused;		/* cells the server refused (unavailable) */
	unsigned json;		/* the JSON types sent: 1 << json_type */
	const char *sample[2];	/* two distinct values */
	const char *unknown[PROBE_WORDS];	/* state words nobody knows */
	size_t nunknown;
	double max;		/* the largest number, -INFINITY without one */
};

/* The counts of a whole report. */
struct tally {
	size_t columns, arrived;
	size_t nmissing;
	char missing[PROBE_MISSING][200];
};

/* Add one cell to what a column has shown. */
static void see_cell(struct seen *w, const struct cell *v)
{
	if (v->unavailable) {
		w->refused++;
		return;
	}
	if (v->text == NULL)
		return;
	if (*v->text == '\0') {
		w->empty++;
		return;
	}
	w->values++;
	if (!isnan(v->num) && v->num > w->max)
		w->max = v->num;
	if (w->sample[0] == NULL)
		w->sample[0] = v->text;
	else if (w->sample[1] == NULL && strcmp(w->sample[0], v->text) != 0)
		w->sample[1] = v->text;
	if (v->state != STATE_NONE || w->nunknown >= PROBE_WORDS)
		return;
	for (size_t i = 0; i < w->nunknown; i++)
		if (strcmp(w->unknown[i], v->text) == 0)
			return;
	w->unknown[w->nunknown++] = v->text;
}

/* What column c of panel p has shown in s. */
static struct seen see_column(const struct snapshot *s, const struct panel *p,
			      size_t c)
{
	struct seen w = { .max = -INFINITY };
	const struct column *col = &p->cols[c];

	if (p->kind == PANEL_TOTALS) {
		see_cell(&w, &s->totals[col->tid]);
		w.json = s->total_json_seen[col->tid];
		/* a total's states are the board's own */
		w.nunknown = 0;
		return w;
	}
	const struct snap_grid *g = &s->grids[p->gid];
	for (size_t r = 0; g->present && r < g->nrows; r++)
		see_cell(&w, snapshot_cell(s, p->gid, r, c));
	w.json = g->json_seen[c];
	if (col->fmt != FMT_STATE)
		w.nunknown = 0;
	return w;
}

/* The JSON types of bits, "string, number"; "" when none was recorded. */
static const char *json_names(unsigned bits, char *out, size_t size)
{
	static const struct { int type; const char *name; } names[] = {
		{ JSON_STRING, "string" }, { JSON_INTEGER, "integer" },
		{ JSON_REAL, "real" }, { JSON_TRUE, "boolean" },
		{ JSON_FALSE, "boolean" }, { JSON_NULL, "null" },
		{ JSON_OBJECT, "object" }, { JSON_ARRAY, "array" },
	};
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(bits & (1u << names[i].type)) ||
		    (names[i].type == JSON_FALSE && (bits & (1u << JSON_TRUE))))
			continue;
		n += (size_t)snprintf(out + n, n < size ? size - n : 0, "%s%s",
				      n ? ", " : "", names[i].name);
		if (n >= size)
			break;
	}
	return out;
}

/* The unit the board assumes for a column, in words. */
static const char *unit_of(const struct column *c, char *out, size_t size)
{
	switch (c->fmt) {
	case FMT_PERCENT:
		snprintf(out, size, c->pct_scale >= 50 ?
			 "percent, sent as 0-1 (scale %g)" :
			 "percent, sent as 0-100 (scale %g)", c->pct_scale);
		break;
	case FMT_DURATION:
		if (c->pct_scale > 0 && c->pct_scale != 1)
			snprintf(out, size,
				 "seconds, sent times %g (scale %g)%s",
				 1 / c->pct_scale, c->pct_scale,
				 c->ticks ? ", counting up" : "");
		else
			snprintf(out, size, "seconds (scale 1)%s",
				 c->ticks ? ", counting up" : "");
		break;
	case FMT_TIME:
		snprintf(out, size, "a time (epoch seconds or milliseconds)");
		break;
	default:
		snprintf(out, size, "%s", fmt_name(c->fmt));
		break;
	}
	return out;
}

/* A sample, quoted, cut to a readable width. */
static void put_sample(FILE *out, const char *v, bool ascii)
{
	char cut[4 * 32 + 1];
	int w = text_width(v);

	text_fit(cut, sizeof(cut), v, w < 32 ? w : 32, ALIGN_LEFT, ascii);
	fprintf(out, "\"%s\"", cut);
}

/* The lines of one column; true when what it needs arrived. */
static bool report_column(FILE *out, const struct layout *l,
			  const struct panel *p, size_t c,
			  const struct snapshot *s, bool ascii)
{
	const struct column *col = &p->cols[c];
	struct seen w = see_column(s, p, c);
	bool grid_rows =
		p->kind == PANEL_TOTALS ||
		(s->grids[p->gid].present && s->grids[p->gid].nrows > 0);
	char types[80], unit[80];

	fprintf(out, "    column \"%s\" (%s): ", col->id, col->stat);
	if (p->kind != PANEL_TOTALS && !s->grids[p->gid].present) {
		fputs("NOT SENT (the grid did not come)\n", out);
		return false;
	}
	if (!grid_rows) {
		fprintf(out, "no rows to show it; %s\n",
			unit_of(col, unit, sizeof(unit)));
		return true;
	}
	if (w.refused > 0) {
		fputs("UNAVAILABLE: the server refused it (its reason is under "
		      "\"notes of the source\")\n", out);
		return false;
	}
	if (w.values == 0 && w.empty == 0) {
		fputs("NOT SENT\n", out);
		return false;
	}
	json_names(w.json, types, sizeof(types));
	fprintf(out, "sent%s%s", types[0] ? " as " : " (derived by the board)",
		types);
	if (w.values == 0)
		fputs("; no value yet", out);
	for (int i = 0; i < 2 && w.sample[i]; i++) {
		fputs(i ? ", " : "; ", out);
		put_sample(out, w.sample[i], ascii);
	}
	fprintf(out, "; %s\n", unit_of(col, unit, sizeof(unit)));
	if (col->fmt == FMT_PERCENT && col->pct_scale >= 50 && w.max > 1.5)
		fprintf(out,
			"      ! values up to %g where a share of 0 to 1 was "
			"assumed: if the server sends percentages, write scale "
			"= 1 in this column (%s:%d)\n",
			w.max, l->file, col->line);
	else if (col->fmt == FMT_PERCENT && col->pct_scale <= 1.5 &&
		 w.max > 0 && w.max <= 1)
		fprintf(out,
			"      ? values no higher than %g where percentages of "
			"0 to 100 were assumed: if the server sends shares (0 "
			"to 1), write scale = 100 in this column (%s:%d); one "
			"poll is not proof, --log says so after a day of "
			"data\n",
			w.max, l->file, col->line);
	for (size_t i = 0; i < w.nunknown; i++)
		fprintf(out,
			"      ! unknown state word \"%s\": shown as sent and "
			"sorted last; map it with state_map = "
			"{\"%s=not_ready\"} "
			"(or ready, busy, after_call_work, logged_out)\n",
			w.unknown[i], w.unknown[i]);
	return true;
}

/* One panel: its kind and rows, then each column. */
static void report_panel(FILE *out, const struct layout *l,
			 const struct panel *p, const struct snapshot *s,
			 bool ascii, struct tally *t)
{
	fprintf(out, "  panel \"%s\": %s", p->id, panel_kind_name(p->kind));
	if (p->kind == PANEL_TICKER) {
		fprintf(out, ", %zu messages\n", s->nmsgs);
		return;
	}
	if (p->kind != PANEL_TOTALS && s->grids[p->gid].present)
		fprintf(out, ", %zu rows", s->grids[p->gid].nrows);
	fputc('\n', out);
	if (p->kind != PANEL_TOTALS && s->grids[p->gid].notice)
		fprintf(out, "    (%s)\n", s->grids[p->gid].notice);
	for (size_t c = 0; c < p->ncols; c++) {
		t->columns++;
		if (report_column(out, l, p, c, s, ascii)) {
			t->arrived++;
			continue;
		}
		if (t->nmissing < PROBE_MISSING)
			snprintf(t->missing[t->nmissing], sizeof(t->missing[0]),
				 "%s:%d panel \"%s\" column \"%s\" (%s)",
				 l->file, p->cols[c].line, p->id, p->cols[c].id,
				 p->cols[c].stat);
		t->nmissing++;
	}
}

int probe_report(FILE *out, const struct once_result *r)
{
	const struct snapshot *s = r->snap;
	struct tally t = { 0 };

	fprintf(out, "wallboard probe: %s%s%s\n", r->cfg->provider,
		r->cfg->url ? " at " : "", r->cfg->url ? r->cfg->url : "");
	if (s == NULL) {
		fprintf(out, "result: no data: %s\n", r->st->message[0] ?
			r->st->message : conn_state_name(r->st->state));
		return 1;
	}
	fprintf(out, "first complete data after %.1f s; status: %s%s%s\n",
		r->waited, conn_state_name(r->st->state),
		r->st->message[0] ? ": " : "", r->st->message);
	for (size_t i = 0; i < r->set->n; i++) {
		const struct layout *l = r->set->layouts[i];
		fprintf(out, "\nlayout \"%s\" (%s)\n", l->title, l->file);
		for (size_t j = 0; j < l->npanels; j++)
			report_panel(out, l, &l->panels[j], s, r->ascii, &t);
	}
	if (s->nnotes > 0) {
		fputs("\nnotes of the source:\n", out);
		for (size_t i = 0; i < s->nnotes; i++)
			fprintf(out, "  %s\n", s->notes[i]);
		if (s->notes_dropped)
			fprintf(out, "  (and %zu more)\n", s->notes_dropped);
	}
	fprintf(out, "\nresult: %zu of %zu statistics arrived\n", t.arrived,
		t.columns);
	for (size_t i = 0; i < t.nmissing && i < PROBE_MISSING; i++)
		fprintf(out, "  missing: %s\n", t.missing[i]);
	if (t.nmissing > PROBE_MISSING)
		fprintf(out, "  (and %zu more missing)\n",
			t.nmissing - PROBE_MISSING);
	return t.arrived == t.columns ? 0 : 1;
}
