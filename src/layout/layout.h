/*
 * layout.h - the layout model: what a board shows and where.
 *
 * A layout file (see doc/wallboard.layout.5; read by syntax.h) becomes a
 * struct layout: a title, the key that selects it, an optional rotation time,
 * and rows of panels. Each row has a relative height; each panel a relative
 * width inside its row. A panel is a totals block, an agent grid, a service
 * grid or a chat ticker, and carries its columns (a totals panel's statistics
 * are columns too, the title being the label).
 *
 * All loaded layouts form a layoutset. The set numbers every grid panel
 * (gid) and every distinct totals statistic and service selection (tid) once,
 * so a snapshot can hold its data in plain arrays indexed by those numbers:
 * nothing is looked up by name after load time.
 */
#ifndef WB_LAYOUT_H
#define WB_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

struct state_map;
#include "util.h"

/*
 * What the renderer can draw: a layout beyond these is refused when it
 * loads, with the line at fault, rather than cut short on screen.
 */
#define LAYOUT_MAX_ROWS 64		/* rows of a layout */
#define LAYOUT_MAX_PANELS_PER_ROW 64	/* panels of a row */
#define LAYOUT_MAX_COLUMNS 64		/* columns of a panel */

enum panel_kind {
	PANEL_TOTALS,
	PANEL_AGENT_GRID,
	PANEL_SERVICE_GRID,
	PANEL_TICKER
};

/*
 * How an agent grid lays its agents out: a list (a row an agent),
 * tiles flowing into as many columns as the width holds, or tiles
 * when the width holds enough of them and the list when not.
 */
enum panel_view { VIEW_LIST, VIEW_TILES, VIEW_AUTO };

enum align { ALIGN_AUTO, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };

/* How a value is shown; FMT_AUTO takes it from the statistic's kind. */
enum fmt {
	FMT_AUTO,
	FMT_COUNT,
	FMT_DURATION,
	FMT_PERCENT,
	FMT_DECIMAL,
	FMT_TEXT,
	FMT_STATE,
	FMT_TIME
};

/*
 * Roles name what a cell means, never a colour: the render module maps
 * roles onto a colour scheme and a non-colour cue (htop's CRT.c idea).
 */
enum role {
	ROLE_NORMAL,
	ROLE_OK,
	ROLE_INFO,
	ROLE_WARN,
	ROLE_CRIT,
	ROLE_DIM,
	ROLE_COUNT_	/* number of roles a layout may name */
};

enum cmp_op { OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE };

/*
 * What a column does when one of its cells reaches its alert level (see
 * alert.h): nothing, make the panel flash, or ring the terminal's bell
 * as well (the sound says that, the flash says where).
 */
enum alert_kind { ALERT_NONE, ALERT_FLASH, ALERT_BELL };

/* Warning and critical levels, in display units (percent 0-100, seconds). */
struct threshold {
	bool has_warn, has_crit;
	double warn, crit;
	/* a queue is bad when high, a service level when low */
	bool high_is_bad;
};

/* A text value (an agent state, a campaign mode) mapped to a role. */
struct state_role {
	char *value;
	/* the state word value names (state.h), or STATE_NONE */
	int state;
	enum role role;
};

struct column {
	/* the column id sent to and returned by the server */
	char *id;
	char *stat;		/* statistic name, or "SUM" */
	char *title;		/* header; the label in a totals panel */
	int width;		/* display columns; 0 = from the format */
	/* resolved at load: numbers right, text left */
	enum align align;
	enum fmt fmt;		/* resolved: never FMT_AUTO after load */
	/*
	 * percent: raw times this is 0-100; duration: raw times this is
	 * seconds
	 */
	double pct_scale;
	bool ticks;		/* a duration that counts up between polls */
	struct threshold th;
	struct state_role *states;
	size_t nstates;
	/* resolved: the column's, the panel's or the layout's */
	enum alert_kind alert;
	enum role alert_at;	/* ROLE_CRIT (the default) or ROLE_WARN */
	/* totals: minutes of history drawn; 0 = none */
	double trend;
	char **sum_stats;	/* SUM: the statistics added up */
	size_t nsum;
	char **dispositions;	/* disposition statistics: which ones */
	size_t ndisp;
	const struct stat_info *info;	/* catalogue entry; NULL for SUM */
	/* totals panels: index into layoutset totals */
	size_t tid;
	int line;
};

struct filter {
	bool set;
	char *column;		/* column id */
	size_t col;		/* index into the panel's columns */
	enum cmp_op op;
	char *value;
};

struct panel {
	char *id;
	char *title;
	enum panel_kind kind;
	double width;		/* relative width in its row */
	struct column *cols;
	size_t ncols;
	/* grids */
	char *order_by;		/* column id or NULL */
	size_t order_col;
	bool order_desc;
	int limit;		/* 0 = no limit */
	struct filter filter;
	char **teams;
	size_t nteams;
	char **services;
	size_t nservices;
	/* service grids: media bits shown (media.h); 0 = all */
	unsigned media;
	/* the layout's service_media, or NULL */
	const struct media_map *media_map;
	bool logged_in_only;
	enum panel_view view;	/* agent grids: list, tiles or auto */
	/*
	 * A tile's columns beyond the name (the first column): the state
	 * (the first column of states), the time in state (the first
	 * duration) and the one more the layout chose (tile_column); -1
	 * when there is none.
	 */
	int tile_state, tile_time, tile_extra;
	size_t gid;		/* grid panels: index into layoutset grids */
	/* ticker */
	/* substring a message must contain; NULL = all */
	char *msg_filter;
	int msg_limit;
	int line;
};

struct layout_row {
	double height;		/* relative height */
	size_t first;		/* index of its first panel */
	size_t npanels;
};

struct layout {
	char *file;
	char *title;
	char *provider;		/* whose statistic names it uses */
	int key;		/* 1..9, or 0 for "by position" */
	/* seconds on screen in rotation; 0 = default */
	double rotate;
	/* its words for states (state_map), or NULL */
	struct state_map *state_map;
	/* its services' media, or NULL */
	struct media_map *service_media;
	struct panel *panels;
	size_t npanels;
	struct layout_row *rows;
	size_t nrows;
};

/* A grid panel as the data source sees it. */
struct grid_ref {
	const struct layout *layout;
	const struct panel *panel;
	size_t layout_index;
	/* unique id sent to the server: "<layout#>-<panel id>" */
	char *key;
};

struct layoutset {
	struct layout **layouts;
	size_t n;
	struct grid_ref *grids;		/* every grid panel of every layout */
	size_t ngrids;
	/*
	 * Totals: one slot per statistic and service selection, since the
	 * same statistic over other services is another number.
	 */
	char **totals;			/* [ntotals] statistic names */
	/* [ntotals] services, joined by '\n'; "" = all */
	char **total_scopes;
	size_t ntotals;
	/* Totals panels by the app id the collection dialect gives them. */
	/* [ntotal_apps] "<layout#>-<panel id>" */
	char **total_apps;
	/* [ntotal_apps] their service selections */
	char **total_app_scopes;
	size_t ntotal_apps;
	/* the config's state_map, or NULL */
	const struct state_map *config_states;
	bool has_ticker;
	int msg_limit;			/* the largest ticker limit */
	const struct catalog *catalog;
};

/*
 * Load one layout file. On any error nothing is returned: every error found
 * is added to errs as "file:line: message" and NULL comes back. Warnings
 * (a renamed statistic) go to warns and do not stop the load.
 */
struct layout *layout_load(const char *path, const char *provider,
			   struct errlist *errs, struct errlist *warns);
/*
 * The same for a layout given as text; name stands for the file in
 * messages and in the layout's file.
 */
struct layout *layout_load_text(const char *name, const char *text,
				const char *provider, struct errlist *errs,
				struct errlist *warns);
void layout_free(struct layout *l);

/*
 * Build a set from loaded layouts (taking ownership) and number its grids
 * and totals. Fails (with errs) when two layouts claim the same key.
 */
struct layoutset *layoutset_new(struct layout **layouts, size_t n,
				struct errlist *errs);
void layoutset_free(struct layoutset *set);

const char *panel_kind_name(enum panel_kind k);
bool panel_kind_parse(const char *s, enum panel_kind *out);
/* Names used in layout files: "auto", "count", "duration", ... */
bool fmt_parse(const char *s, enum fmt *out);
const char *fmt_name(enum fmt f);
/* The format that fits a catalogue kind. */
enum fmt fmt_for_kind(enum stat_kind kind);
bool align_parse(const char *s, enum align *out);
const char *role_name(enum role r);
bool role_parse(const char *s, enum role *out);
bool cmp_op_parse(const char *s, enum cmp_op *out);
const char *cmp_op_name(enum cmp_op op);
/* "list", "tiles", "auto". */
const char *panel_view_name(enum panel_view v);
/* "none", "flash", "bell". */
const char *alert_kind_name(enum alert_kind k);

#endif
