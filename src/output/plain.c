/*
 * plain.c - plain-text rendering of panels.
 */
#include "autoconf.h"

#include <string.h>
#include <time.h>

#include "format.h"
#include "output/once.h"
#include "output/plain.h"
#include "table.h"

#define CELL_MAX 256

/* The width of a grid column: its own, else its format's default. */
static int col_width(const struct column *c)
{
	int w = c->width ? c->width : format_default_width(c->fmt);
	int tw = text_width(c->title);
	return tw > w && c->width == 0 ? tw : w;
}

/* A totals panel: one "label: value" line a statistic. */
static void plain_totals(FILE *out, const struct panel *p,
			 const struct snapshot *s)
{
	char text[CELL_MAX];

	for (size_t i = 0; i < p->ncols; i++) {
		const struct column *c = &p->cols[i];
		enum role r = table_cell(c, &s->totals[c->tid], 0, text,
					 sizeof(text));
		fprintf(out, "  %s: %s%s%s\n", c->title, text,
			*role_marker(r) ? " " : "", role_marker(r));
	}
}

/* A grid: a header line and one line a row, columns fitted to width. */
static void plain_grid(FILE *out, const struct panel *p,
		       const struct snapshot *s, bool ascii)
{
	struct table t = { 0 };
	char text[CELL_MAX], cell[CELL_MAX * 4 + 8];

	if (s->grids[p->gid].notice != NULL)
		fprintf(out, "  (%s)\n", s->grids[p->gid].notice);
	if (!s->grids[p->gid].present) {
		fputs("  (no data)\n", out);
		return;
	}
	fputs(" ", out);
	for (size_t i = 0; i < p->ncols; i++) {
		text_fit(cell, sizeof(cell), p->cols[i].title,
			 col_width(&p->cols[i]), p->cols[i].align, ascii);
		fprintf(out, " %s", cell);
	}
	fputs("\n", out);
	table_build(&t, p, s);
	for (size_t r = 0; r < t.nrows; r++) {
		fputs(" ", out);
		for (size_t i = 0; i < p->ncols; i++) {
			const struct cell *v =
				snapshot_cell(s, p->gid, t.rows[r], i);
			enum role role = table_cell(&p->cols[i], v, 0, text,
						    sizeof(text) - 3);
			strcat(text, role_marker(role));
			text_fit(cell, sizeof(cell), text,
				 col_width(&p->cols[i]), p->cols[i].align,
				 ascii);
			fprintf(out, " %s", cell);
		}
		fputs("\n", out);
	}
	if (t.matched > t.nrows)
		fprintf(out, "  (%zu more)\n", t.matched - t.nrows);
	table_free(&t);
}

/* A ticker: the newest messages, urgent ones marked. */
static void plain_ticker(FILE *out, const struct panel *p,
			 const struct snapshot *s)
{
	size_t idx[512];
	size_t n = table_messages(p, s, idx, WB_ARRAY_LEN(idx));

	if (n == 0)
		fputs("  (no messages)\n", out);
	for (size_t i = 0; i < n; i++) {
		char line[4096];
		table_message_text(&s->msgs[idx[i]], line, sizeof(line));
		fprintf(out, "  %s\n", line);
	}
}

void plain_layout(FILE *out, const struct layout *l, const struct snapshot *s,
		  bool ascii)
{
	fprintf(out, "== %s [%c] ==\n", l->title, l->key ? l->key + '0' : '-');
	for (size_t i = 0; i < l->npanels; i++) {
		const struct panel *p = &l->panels[i];
		fprintf(out, "-- %s --\n", p->title);
		switch (p->kind) {
		case PANEL_TOTALS:
			plain_totals(out, p, s);
			break;
		case PANEL_AGENT_GRID:
		case PANEL_SERVICE_GRID:
			plain_grid(out, p, s, ascii);
			break;
		case PANEL_TICKER:
			plain_ticker(out, p, s);
			break;
		}
	}
	fputs("\n", out);
}

int plain_once(FILE *out, const struct once_result *r)
{
	if (r->snap == NULL)
		return 1;
	for (size_t i = 0; i < r->set->n; i++)
		plain_layout(out, r->set->layouts[i], r->snap, r->ascii);
	return 0;
}
