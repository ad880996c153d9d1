/*
 * view_internal.h - what the parts of the simulated Bright Pattern server
 * share: a subscription as parsed (view_sub.c), the statistics resolved
 * to the model's figures (view_stats.c), and the data answers made of
 * both (view.c).
 */
#ifndef WB_BRIGHTPATTERN_VIEW_INTERNAL_H
#define WB_BRIGHTPATTERN_VIEW_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "providers/brightpattern/view.h"
#include "sim/sim_internal.h"
#include "util.h"

struct figure_stat;
struct text_stat;

/* A statistic name resolved once, at subscription. */
struct stat_ref {
	const char *name;
	const struct stat_info *info;	/* NULL: unknown, the value is "" */
	const struct figure_stat *fig;
	const struct text_stat *text;
	bool disp_count, disp_ratio;
	unsigned hash;
};

enum filter_op { F_EQ, F_NE, F_LT, F_GT, F_LE, F_GE };

struct sub_col {
	char *id;
	char *stat;
	struct stat_ref ref;		/* when not a SUM */
	char **sum_names;
	struct stat_ref *sums;		/* a SUM's statistics */
	size_t nsums;
	unsigned disp;			/* dispositions mask, 0 = all */
};

struct sort_key {
	int col;
	bool desc;
};

struct sub_grid {
	char *id;
	bool agents;
	struct sub_col *cols;
	size_t ncols;
	struct sort_key *order;
	size_t norder;
	long limit;			/* -1: all rows */
	int filter_col;			/* -1: none */
	char *filter_value;
	enum filter_op filter_op;
	/* team_ids, service_ids: ids or names */
	char **teams, **svcs;
	size_t nteams, nsvcs;
	bool logged_only;
};

struct sub_app {
	char *id;
	bool has_totals, has_sgrids, has_agrids, has_chat;
	char **total_names;
	struct stat_ref *totals;
	size_t ntotals;
	char **total_svcs;
	size_t ntotal_svcs;
	unsigned total_disp;
	struct sub_grid *grids;		/* service and agent grids, in order */
	size_t ngrids;
	char *chat_filter;
	long chat_limit;
};

struct sim_sub {
	struct sub_app *apps;
	size_t napps;
};

/* What a value is of: totals, one service or one agent, with its figures. */
struct ent {
	const struct sim_agent *a;	/* an agent row */
	int svc;			/* a service row, -1 otherwise */
	const double *f;		/* FIG_N figures */
	const unsigned *disp;		/* SIM_NDISP disposition counts */
	unsigned key;			/* mixes into made-up values */
};

/* Resolve a statistic name (kept by pointer: it lives in the subscription). */
void view_stat_resolve(struct stat_ref *r, const char *name);

/* The value of statistic r for entity e, as text, into out. */
void view_stat_value(struct sim *s, const struct ent *e,
		     const struct stat_ref *r, unsigned disp, struct buf *out);
/* The value of a column (a statistic or a SUM) for e, into out. */
void view_column_value(struct sim *s, const struct ent *e,
		       const struct sub_col *c, struct buf *out);

#endif
