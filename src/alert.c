/*
 * alert.c - breach alerts: the table of alerts and its state machine.
 * See alert.h.
 *
 * Each alert moves free -> pending -> standing <-> clearing -> free, on
 * the snapshots alone: pending becomes standing when the level has held
 * for the debounce time; standing becomes clearing when the value is
 * short of the level, and clearing becomes free (the alert is over) when
 * it has stayed short for the clear time, or standing again if the level
 * comes back first. Only cells at the level take a slot: a cell short of
 * it is looked up only while some alert stands.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "table.h"
#include "format.h"

/* A column that asks for alerts, and where its rows' keys are. */
struct watch {
	size_t layout, panel, col;
	int keycol;		/* grids: the first text column, or -1 */
};

struct alerts {
	const struct layoutset *set;
	struct alert_opts o;
	struct watch *watches;
	size_t nwatches;
	struct alert v[ALERT_MAX];
	size_t used;		/* slots not free */
	size_t dropped;		/* breaches of the last feed without room */
	size_t *rows;		/* scratch: a grid's rows, table_filter's */
	size_t rows_cap;
};

/* The first text column of a grid panel, or -1. */
static int key_column(const struct panel *p)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (p->cols[i].fmt == FMT_TEXT)
			return (int)i;
	return -1;
}

/* Every column of the set that asks for alerts. */
static void find_watches(struct alerts *al)
{
	const struct layoutset *set = al->set;

	for (size_t li = 0; li < set->n; li++) {
		const struct layout *l = set->layouts[li];
		for (size_t pi = 0; pi < l->npanels; pi++) {
			const struct panel *p = &l->panels[pi];
			for (size_t ci = 0; ci < p->ncols; ci++) {
				if (p->cols[ci].alert == ALERT_NONE)
					continue;
				al->watches = xreallocarray(al->watches,
					al->nwatches + 1, sizeof(*al->watches));
				al->watches[al->nwatches++] = (struct watch){
					li, pi, ci, p->kind == PANEL_TOTALS ?
					-1 : key_column(p) };
			}
		}
	}
}

struct alerts *alerts_new(const struct layoutset *set,
			  const struct alert_opts *o)
{
	struct alerts *al = xcalloc(1, sizeof(*al));

	al->set = set;
	al->o = *o;
	find_watches(al);
	return al;
}

void alerts_free(struct alerts *al)
{
	if (al == NULL)
		return;
	free(al->watches);
	free(al->rows);
	free(al);
}

bool alerts_wanted(const struct alerts *al)
{
	return al->nwatches > 0;
}

const struct layout *alert_layout(const struct alerts *al,
				  const struct alert *a)
{
	return al->set->layouts[a->key.layout];
}

const struct panel *alert_panel(const struct alerts *al, const struct alert *a)
{
	return &alert_layout(al, a)->panels[a->key.panel];
}

const struct column *alert_column(const struct alerts *al,
				  const struct alert *a)
{
	return &alert_panel(al, a)->cols[a->key.col];
}

double alert_threshold(const struct alerts *al, const struct alert *a)
{
	const struct threshold *th = &alert_column(al, a)->th;

	if (a->level == ROLE_CRIT && th->has_crit)
		return th->crit;
	if (a->level == ROLE_WARN && th->has_warn)
		return th->warn;
	return NAN;
}

/* Copy s into out (size bytes), cut at a character boundary. */
static void copy_cut(char *out, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

const char *alert_row_key(const struct panel *p, const struct snapshot *s,
			  size_t r, char *out, size_t size)
{
	int kc = key_column(p);
	const char *t = kc >= 0 ? snapshot_cell_text(s, p->gid, r, (size_t)kc) :
			NULL;

	if (t != NULL && *t != '\0')
		copy_cut(out, size, t);
	else
		snprintf(out, size, "#%zu", r + 1);
	return out;
}

/* The slot of the alert on key, or NULL. */
static struct alert *find(struct alerts *al, const struct watch *w,
			  const char *row)
{
	for (size_t i = 0, seen = 0; seen < al->used && i < ALERT_MAX; i++) {
		struct alert *a = &al->v[i];
		if (a->phase == AL_FREE)
			continue;
		seen++;
		if (a->key.col == w->col && a->key.panel == w->panel &&
		    a->key.layout == w->layout && strcmp(a->key.row, row) == 0)
			return a;
	}
	return NULL;
}

/* A free slot made pending on key at time t, or NULL when there is none. */
static struct alert *take(struct alerts *al, const struct watch *w,
			  const char *row, double t)
{
	for (size_t i = 0; i < ALERT_MAX; i++) {
		struct alert *a = &al->v[i];
		if (a->phase != AL_FREE)
			continue;
		memset(a, 0, sizeof(*a));
		a->key.layout = w->layout;
		a->key.panel = w->panel;
		a->key.col = w->col;
		copy_cut(a->key.row, sizeof(a->key.row), row);
		a->phase = AL_PENDING;
		a->first = t;
		a->num = NAN;
		al->used++;
		return a;
	}
	return NULL;
}

/* True when role r is at the alert level at of a column. */
static bool at_level(enum role r, enum role at)
{
	return r == ROLE_CRIT || (r == ROLE_WARN && at == ROLE_WARN);
}

/*
 * One cell of a watched column as the snapshot shows it. A row key met
 * twice (two agents of one name) is one alert at the worse of the two.
 */
static void see_cell(struct alerts *al, const struct watch *w, const char *row,
		     const struct cell *v, double t)
{
	const struct column *c =
		&al->set->layouts[w->layout]->panels[w->panel].cols[w->col];
	enum role r = table_role(c, v, 0);
	bool hit = at_level(r, c->alert_at);
	struct alert *a;

	if (!hit && al->used == 0)
		return;
	if ((a = find(al, w, row)) == NULL) {
		if (!hit)
			return;
		if ((a = take(al, w, row, t)) == NULL) {
			al->dropped++;
			return;
		}
	}
	if (a->present && (!hit || (a->seen == ROLE_CRIT)))
		return;		/* the other row of the key says as much */
	a->present = true;
	a->seen = hit ? r : ROLE_NORMAL;
	format_cell(a->text, sizeof(a->text), c->fmt, v, c->pct_scale, 0);
	if (!table_number(c, v, 0, &a->num))
		a->num = NAN;
}

/* The rows of a watched grid column. */
static void see_grid(struct alerts *al, const struct watch *w,
		     const struct snapshot *s, double t)
{
	const struct panel *p = &al->set->layouts[w->layout]->panels[w->panel];
	const struct snap_grid *g = &s->grids[p->gid];
	char row[ALERT_ROW_MAX];
	size_t n;

	if (!g->present)
		return;
	if (al->rows_cap < g->nrows) {
		al->rows = xreallocarray(al->rows, g->nrows, sizeof(*al->rows));
		al->rows_cap = g->nrows;
	}
	n = table_filter(p, s, al->rows);
	for (size_t i = 0; i < n; i++) {
		size_t r = al->rows[i];
		alert_row_key(p, s, r, row, sizeof(row));
		see_cell(al, w, row, snapshot_cell(s, p->gid, r, w->col), t);
	}
}

/* Free a slot. */
static void release(struct alerts *al, struct alert *a)
{
	a->phase = AL_FREE;
	al->used--;
}

/* Move one alert on by what the snapshot of time t showed of it. */
static void step(struct alerts *al, struct alert *a, double t, double wall,
		 alert_fn fn, void *ctx)
{
	bool hit = a->seen != ROLE_NORMAL;

	if (!a->present)
		a->text[0] = '\0';	/* its row is gone */
	switch (a->phase) {
	case AL_PENDING:
		if (!hit) {
			release(al, a);
			return;
		}
		a->level = a->seen;
		if (t - a->first < al->o.debounce)
			return;
		a->phase = AL_STANDING;
		a->started = t;
		a->started_wall = wall;
		if (fn)
			fn(ctx, ALERT_START, a);
		return;
	case AL_CLEARING:
		if (hit)
			a->phase = AL_STANDING;
		/* fall through */
	case AL_STANDING:
		if (hit && a->seen == ROLE_CRIT && a->level == ROLE_WARN) {
			a->level = ROLE_CRIT;
			a->rung = 0;
			a->acked = false;
			if (fn)
				fn(ctx, ALERT_RAISE, a);
		} else if (hit) {
			a->level = a->seen;
		}
		if (hit)
			return;
		if (a->phase == AL_STANDING) {
			a->phase = AL_CLEARING;
			a->below = t;
		}
		if (t - a->below < al->o.clear)
			return;
		if (fn)
			fn(ctx, ALERT_CLEAR, a);
		release(al, a);
		return;
	case AL_FREE:
		return;
	}
}

void alerts_feed(struct alerts *al, const struct snapshot *s, alert_fn fn,
		 void *ctx)
{
	double t = s->received;

	al->dropped = 0;
	for (size_t i = 0; i < ALERT_MAX; i++) {
		al->v[i].seen = ROLE_NORMAL;
		al->v[i].present = false;
	}
	for (size_t i = 0; i < al->nwatches; i++) {
		const struct watch *w = &al->watches[i];
		const struct panel *p =
			&al->set->layouts[w->layout]->panels[w->panel];
		if (p->kind == PANEL_TOTALS)
			see_cell(al, w, "", &s->totals[p->cols[w->col].tid], t);
		else
			see_grid(al, w, s, t);
	}
	for (size_t i = 0; i < ALERT_MAX && al->used > 0; i++)
		if (al->v[i].phase != AL_FREE)
			step(al, &al->v[i], t, s->received_wall, fn, ctx);
}

/* True when a's bell is due at now. */
static bool bell_due(const struct alerts *al, const struct alert *a, double now)
{
	if (a->phase != AL_STANDING || a->acked ||
	    alert_column(al, a)->alert != ALERT_BELL)
		return false;
	return a->rung == 0 ||
	       (al->o.repeat > 0 && now - a->rung >= al->o.repeat);
}

bool alerts_bell(struct alerts *al, double now)
{
	bool ring = false;

	for (size_t i = 0; i < ALERT_MAX && al->used > 0; i++) {
		struct alert *a = &al->v[i];
		if (bell_due(al, a, now)) {
			a->rung = now;
			ring = true;
		}
	}
	return ring;
}

double alerts_next_bell(const struct alerts *al)
{
	double next = INFINITY;

	for (size_t i = 0; i < ALERT_MAX && al->used > 0; i++) {
		const struct alert *a = &al->v[i];
		double at;
		if (a->phase != AL_STANDING || a->acked ||
		    alert_column(al, a)->alert != ALERT_BELL)
			continue;
		if (a->rung == 0)
			return 0;
		if (al->o.repeat <= 0)
			continue;
		at = a->rung + al->o.repeat;
		if (at < next)
			next = at;
	}
	return next;
}

/* True when a has fired and not cleared. */
static bool standing(const struct alert *a)
{
	return a->phase == AL_STANDING || a->phase == AL_CLEARING;
}

size_t alerts_ack(struct alerts *al, alert_fn fn, void *ctx)
{
	size_t n = 0;

	for (size_t i = 0; i < ALERT_MAX && al->used > 0; i++) {
		struct alert *a = &al->v[i];
		if (!standing(a) || a->acked)
			continue;
		a->acked = true;
		n++;
		if (fn)
			fn(ctx, ALERT_ACK, a);
	}
	return n;
}

size_t alerts_standing(const struct alerts *al, const struct alert **oldest,
		       size_t *acked)
{
	size_t n = 0, k = 0;

	*oldest = NULL;
	for (size_t i = 0; i < ALERT_MAX && al->used > 0; i++) {
		const struct alert *a = &al->v[i];
		if (!standing(a))
			continue;
		n++;
		k += a->acked;
		if (*oldest == NULL || a->started < (*oldest)->started)
			*oldest = a;
	}
	if (acked)
		*acked = k;
	return n;
}

size_t alerts_dropped(const struct alerts *al)
{
	return al->dropped;
}

bool alerts_panel_flashing(const struct alerts *al, size_t li, size_t pi)
{
	for (size_t i = 0; i < ALERT_MAX && al->used > 0; i++) {
		const struct alert *a = &al->v[i];
		if (standing(a) && a->key.layout == li && a->key.panel == pi)
			return true;
	}
	return false;
}

bool alerts_cell_flashing(const struct alerts *al, size_t li, size_t pi,
			  size_t ci, const char *row)
{
	for (size_t i = 0; i < ALERT_MAX && al->used > 0; i++) {
		const struct alert *a = &al->v[i];
		if (standing(a) && a->key.layout == li && a->key.panel == pi &&
		    a->key.col == ci && strcmp(a->key.row, row) == 0)
			return true;
	}
	return false;
}

const char *alert_describe(const struct alerts *al, const struct alert *a,
			   char *out, size_t size)
{
	const struct panel *p = alert_panel(al, a);

	snprintf(out, size, "%s: %s%s%s%s%s", p->title, a->key.row,
		 a->key.row[0] ? ": " : "", alert_column(al, a)->title,
		 a->text[0] ? " " : "", a->text);
	return out;
}
