/*
 * snapshot.c - allocation of snapshots and the sanitising copy of every
 * string that enters one.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "snapshot.h"

/* An empty snapshot with one slot per totals statistic and grid of set. */
struct snapshot *snapshot_new(const struct layoutset *set)
{
	static unsigned long serial;
	struct snapshot *s = xcalloc(1, sizeof(*s));

	/* Not the address: a new snapshot may reuse a freed one's memory. */
	s->serial = ++serial;

	arena_init(&s->arena, 16384);
	s->ntotals = set->ntotals;
	s->totals = xcalloc(set->ntotals, sizeof(*s->totals));
	s->ngrids = set->ngrids;
	s->grids = xcalloc(set->ngrids, sizeof(*s->grids));
	for (size_t i = 0; i < set->ngrids; i++)
		s->grids[i].ncols = set->grids[i].panel->ncols;
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
	g->cells = xcalloc(nrows * g->ncols, sizeof(*g->cells));
}
