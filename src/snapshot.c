/*
 * snapshot.c - allocation of snapshots and the sanitising copy of every
 * string that enters one.
 */
#include "autoconf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "snapshot.h"
#include "state.h"

const struct cell cell_none = { NULL, NAN, STATE_NONE, false };

struct cell cell_of(const char *text, bool state)
{
	return cell_read(text, state, NULL, 0);
}

struct cell cell_read(const char *text, bool state,
		      const struct state_map *const *maps, size_t nmaps)
{
	struct cell c = { text, NAN, STATE_NONE, false };

	if (text != NULL && *text != '\0' && !parse_double(text, &c.num))
		c.num = NAN;
	if (state)
		c.state = state_lookup(text, maps, nmaps);
	return c;
}

/* An empty snapshot with one slot per totals statistic and grid of set. */
struct snapshot *snapshot_new(const struct layoutset *set)
{
	static unsigned long serial;
	struct snapshot *s = xcalloc(1, sizeof(*s));

	/* Not the address: a new snapshot may reuse a freed one's memory. */
	s->serial = ++serial;

	arena_init(&s->arena, 16384);
	s->set = set;
	s->ntotals = set->ntotals;
	s->totals =
		xcalloc(set->ntotals ? set->ntotals : 1, sizeof(*s->totals));
	for (size_t i = 0; i < set->ntotals; i++)
		s->totals[i] = cell_none;
	s->total_json_seen = arena_alloc(&s->arena, (set->ntotals + 1) *
					 sizeof(*s->total_json_seen));
	memset(s->total_json_seen, 0, (set->ntotals + 1) *
	       sizeof(*s->total_json_seen));
	s->ngrids = set->ngrids;
	s->grids = xcalloc(set->ngrids, sizeof(*s->grids));
	for (size_t i = 0; i < set->ngrids; i++) {
		struct snap_grid *g = &s->grids[i];

		g->ncols = set->grids[i].panel->ncols;
		g->cols = set->grids[i].panel->cols;
		g->json_seen = arena_alloc(&s->arena, (g->ncols + 1) *
					   sizeof(*g->json_seen));
		memset(g->json_seen, 0, (g->ncols + 1) * sizeof(*g->json_seen));
	}
	s->received = now_mono();
	s->received_wall = now_wall();
	return s;
}

void snapshot_free(struct snapshot *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->ngrids; i++)
		free(s->grids[i].cells);
	free(s->grids);
	free(s->totals);
	free(s->msgs);
	arena_free(&s->arena);
	free(s);
}

/*
 * Copy outside text into the arena through the sanitiser. Clean text (the
 * common case: digits and ASCII names) is copied as is.
 */
const char *snapshot_text(struct snapshot *s, const char *raw, size_t len)
{
	if (sanitize_is_clean(raw, len))
		return arena_strndup(&s->arena, raw, len);
	char *dst = arena_alloc(&s->arena, SANITIZE_MAX(len));
	sanitize_copy(dst, raw, len);
	return dst;
}

const char *snapshot_number(struct snapshot *s, double v, int decimals)
{
	char buf[64];
	int n = number_text(buf, sizeof(buf), v, decimals);

	return n ? snapshot_text(s, buf, (size_t)n) : "";
}

void snapshot_grid_alloc(struct snapshot *s, size_t gid, size_t nrows)
{
	struct snap_grid *g = &s->grids[gid];

	free(g->cells);
	g->present = true;
	g->nrows = nrows;
	g->cells =
		xreallocarray(NULL, nrows * g->ncols > 0 ? nrows * g->ncols : 1,
			      sizeof(*g->cells));
	for (size_t i = 0; i < nrows * g->ncols; i++)
		g->cells[i] = cell_none;
}

/*
 * A state column reads a word through the maps of the layout it is in,
 * then of the config, then the table (state.h).
 */
void snapshot_set(struct snapshot *s, size_t gid, size_t r, size_t c,
		  const char *text)
{
	struct snap_grid *g = &s->grids[gid];
	const struct layout *l = s->set->grids[gid].layout;
	const struct state_map *maps[2] = {
		l != NULL ? l->state_map : NULL, s->set->config_states
	};

	g->cells[r * g->ncols + c] =
		cell_read(text, g->cols[c].fmt == FMT_STATE, maps, 2);
}

/* True when a total is a state (service availability). */
static bool total_is_state(const struct snapshot *s, size_t tid)
{
	const struct stat_info *si = catalog_find(s->set->catalog,
						  s->set->totals[tid]);

	return si != NULL && si->kind == STAT_STATE;
}

void snapshot_set_total(struct snapshot *s, size_t tid, const char *text)
{
	s->totals[tid] = cell_of(text, total_is_state(s, tid));
}

/*
 * A computed number is typed from the text it is shown as, so that what a
 * threshold compares is what the cell reads (12.345 shown as "12.35" is
 * 12.35 everywhere).
 */
void snapshot_set_number(struct snapshot *s, size_t gid, size_t r, size_t c,
			 double v, int decimals)
{
	snapshot_set(s, gid, r, c, snapshot_number(s, v, decimals));
}

void snapshot_set_total_number(struct snapshot *s, size_t tid, double v,
			       int decimals)
{
	snapshot_set_total(s, tid, snapshot_number(s, v, decimals));
}

void snapshot_set_unavailable(struct snapshot *s, size_t gid, size_t r,
			      size_t c)
{
	struct snap_grid *g = &s->grids[gid];

	g->cells[r * g->ncols + c] = cell_none;
	g->cells[r * g->ncols + c].unavailable = true;
}

void snapshot_set_total_unavailable(struct snapshot *s, size_t tid)
{
	s->totals[tid] = cell_none;
	s->totals[tid].unavailable = true;
}

/* A bit per type; jansson's types are few (object ... null, under 16). */
static unsigned short json_bit(int json_type)
{
	return json_type >= 0 && json_type < 16
		       ? (unsigned short)(1u << json_type)
		       : 0;
}

void snapshot_saw_json(struct snapshot *s, size_t gid, size_t c, int json_type)
{
	s->grids[gid].json_seen[c] |= json_bit(json_type);
}

void snapshot_saw_json_total(struct snapshot *s, size_t tid, int json_type)
{
	s->total_json_seen[tid] |= json_bit(json_type);
}

void snapshot_note(struct snapshot *s, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	if (s->nnotes >= SNAPSHOT_MAX_NOTES) {
		s->notes_dropped++;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	s->notes[s->nnotes++] = snapshot_text(s, buf, strlen(buf));
}

void snapshot_grid_notice(struct snapshot *s, size_t gid, const char *text)
{
	s->grids[gid].notice =
		text ? snapshot_text(s, text, strlen(text)) : NULL;
}
