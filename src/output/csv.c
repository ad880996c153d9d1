/*
 * csv.c - the CSV tables of --once --format csv. See csv.h.
 *
 * The totals table has a line per totals value: layout, panel, column,
 * statistic, value (a number in display units, or the text), the text
 * shown, the unit and the level. Each grid's table has the layout and
 * the panel, then the grid's columns by their titles, a line per row as
 * the board shows them. Lines end in CRLF, as RFC 4180 writes them.
 */
#include "autoconf.h"

#include <math.h>
#include <string.h>

#include "format.h"
#include "output/csv.h"
#include "state.h"
#include "table.h"

#define CELL_MAX 256

/* True when a spreadsheet would read s as a formula. */
static bool formula_like(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

void csv_field(struct buf *b, const char *s, bool text)
{
	bool guard = text && formula_like(s);

	if (!guard && strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_puts(b, guard ? "\"'" : "\"");
	for (; *s; s++) {
		if (*s == '"')
			buf_puts(b, "\"");
		buf_append(b, s, 1);
	}
	buf_puts(b, "\"");
}

/* The end of a line. */
static void csv_eol(struct buf *b)
{
	buf_puts(b, "\r\n");
}

/* The unit of a column's numbers for the totals table. */
static const char *unit_word(enum fmt f)
{
	switch (f) {
	case FMT_DURATION: return "s";
	case FMT_PERCENT: return "%";
	default: return "";
	}
}

/*
 * The value of a cell as a spreadsheet wants it: a number in display
 * units written by the board, else the text shown (a state's words); ""
 * for no value. *text says whether it came from outside.
 */
static const char *cell_field(const struct column *c, const struct cell *v,
			      char *out, size_t size, bool *text)
{
	double d;

	*text = false;
	if (v->unavailable || v->text == NULL || *v->text == '\0') {
		snprintf(out, size, "%s", v->unavailable ? "unavailable" : "");
		return out;
	}
	if (c->fmt != FMT_TEXT && c->fmt != FMT_STATE && c->fmt != FMT_TIME &&
	    table_number(c, v, 0, &d)) {
		number_text(out, size, d, -1);
		return out;
	}
	*text = true;
	return format_cell(out, size, c->fmt, v, c->pct_scale, 0);
}

/* The totals table: a line per value of every totals panel. */
static void totals_table(struct buf *b, const struct once_result *r)
{
	static const char *const head[] = {
		"layout", "panel", "column", "statistic", "value", "text",
		"unit", "level"
	};
	char val[CELL_MAX], shown[CELL_MAX];
	bool text;

	for (size_t i = 0; i < WB_ARRAY_LEN(head); i++) {
		buf_puts(b, i ? "," : "");
		buf_puts(b, head[i]);
	}
	csv_eol(b);
	for (size_t li = 0; li < r->set->n; li++) {
		const struct layout *l = r->set->layouts[li];
		for (size_t pi = 0; pi < l->npanels; pi++) {
			const struct panel *p = &l->panels[pi];
			for (size_t ci = 0;
			     p->kind == PANEL_TOTALS && ci < p->ncols; ci++) {
				const struct column *c = &p->cols[ci];
				const struct cell *v = &r->snap->totals[c->tid];
				enum role role = table_cell(c, v, 0, shown,
							    sizeof(shown));
				const char *lv = role_level(role);
				cell_field(c, v, val, sizeof(val), &text);
				csv_field(b, l->title, true);
				buf_puts(b, ",");
				csv_field(b, p->title, true);
				buf_puts(b, ",");
				csv_field(b, c->title, true);
				buf_puts(b, ",");
				csv_field(b, c->stat, true);
				buf_puts(b, ",");
				csv_field(b, val, text);
				buf_puts(b, ",");
				csv_field(b, shown, true);
				buf_printf(b, ",%s,%s", unit_word(c->fmt),
					   lv ? lv : "");
				csv_eol(b);
			}
		}
	}
}

/* One grid's table: its header and its rows as the board shows them. */
static void grid_table(struct buf *b, const struct layout *l,
		       const struct panel *p, const struct snapshot *s)
{
	struct table t = { 0 };
	char val[CELL_MAX];
	bool text;

	buf_puts(b, "layout,panel");
	for (size_t c = 0; c < p->ncols; c++) {
		buf_puts(b, ",");
		csv_field(b, p->cols[c].title, true);
	}
	csv_eol(b);
	table_build(&t, p, s);
	for (size_t i = 0; i < t.nrows; i++) {
		csv_field(b, l->title, true);
		buf_puts(b, ",");
		csv_field(b, p->title, true);
		for (size_t c = 0; c < p->ncols; c++) {
			buf_puts(b, ",");
			cell_field(&p->cols[c],
				   snapshot_cell(s, p->gid, t.rows[i], c), val,
				   sizeof(val), &text);
			csv_field(b, val, text);
		}
		csv_eol(b);
	}
	table_free(&t);
}

int once_csv(FILE *out, const struct once_result *r)
{
	struct buf b;

	if (r->snap == NULL)
		return 1;
	buf_init(&b);
	totals_table(&b, r);
	for (size_t li = 0; li < r->set->n; li++) {
		const struct layout *l = r->set->layouts[li];
		for (size_t pi = 0; pi < l->npanels; pi++) {
			const struct panel *p = &l->panels[pi];
			if (p->kind != PANEL_AGENT_GRID &&
			    p->kind != PANEL_SERVICE_GRID)
				continue;
			csv_eol(&b);	/* an empty line between tables */
			grid_table(&b, l, p, r->snap);
		}
	}
	fwrite(b.data ? b.data : "", 1, b.len, out);
	buf_free(&b);
	return 0;
}
