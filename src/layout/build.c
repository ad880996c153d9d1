/*
 * build.c - a parsed layout file -> struct layout: the head (title, key,
 * rotation, provider), the rows and their panels, each panel's options
 * (columns are column.c's). Everything is checked: each problem is
 * reported at the line of the option at fault, or of the section's
 * header when something is missing from it, and the build goes on to
 * find the rest. Limits the renderer has (LAYOUT_MAX_*) are refused here,
 * not met silently on screen.
 *
 * Text a layout shows (titles, state words, names, filter values) is
 * copied sanitised: a layout is data that may come from anywhere.
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/build.h"
#include "media.h"
#include "state.h"
#include "sanitize.h"

#define ID_CHARS                                                               \
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"

/* ---- helpers shared with column.c ------------------------------------- */

const struct syntax_node *build_opt(const struct build *b,
				    const struct syntax_node *sec,
				    const char *name)
{
	const struct syntax_node *v = syntax_get(sec, name);

	if (v != NULL && v->key->tag != 0 && !(v->key->tag & b->applies))
		return NULL;	/* reported by build_applies */
	return v;
}

void build_applies(struct build *b, const struct syntax_node *sec,
		   enum panel_kind k)
{
	for (size_t i = 0; i < sec->nkids; i++) {
		const struct syntax_key *key = sec->kids[i].key;
		if (key->type == SYNTAX_SECTION || (key->tag & (1u << k)))
			continue;
		build_error(b, sec->kids[i].line,
			    "option \"%s\" does not apply to %s %s panel",
			    key->name, build_article(panel_kind_name(k)),
			    panel_kind_name(k));
	}
}

bool build_word(struct build *b, const struct syntax_node *v, const char *opt,
		const struct words *w, int *out)
{
	char choices[160];
	int i = words_find(w, v->str);

	if (i >= 0) {
		*out = i;
		return true;
	}
	build_error(b, v->line, "unknown %s \"%s\" (%s)", opt, v->str,
		    words_choices(w, choices, sizeof(choices)));
	return false;
}

void build_id(struct build *b, int line, const char *what, const char *id)
{
	if (id[0] != '\0' && id[strspn(id, ID_CHARS)] == '\0')
		return;
	build_error(b, line, "bad %s id \"%s\": use letters, digits, '_', '.' "
		    "and '-'", what, id);
}

char *build_text(const char *s)
{
	return sanitize_dup(s, strlen(s));
}

char **build_list(const struct syntax_node *v, size_t *n)
{
	char **out;

	*n = v != NULL ? v->n : 0;
	if (*n == 0)
		return NULL;
	out = xcalloc(*n, sizeof(*out));
	for (size_t i = 0; i < *n; i++)
		out[i] = build_text(v->list[i]);
	return out;
}

const char *build_article(const char *word)
{
	return word[0] != '\0' && strchr("aeiou", word[0]) ? "an" : "a";
}

void build_alert(struct build *b, const struct syntax_node *n,
		 enum alert_kind *kind, enum role *at)
{
	const struct syntax_node *v;
	int i;

	if ((v = build_opt(b, n, "alert")) != NULL &&
	    build_word(b, v, "alert", &alert_words, &i))
		*kind = (enum alert_kind)i;
	if ((v = build_opt(b, n, "alert_at")) != NULL &&
	    build_word(b, v, "alert_at", &level_words, &i))
		*at = i == 0 ? ROLE_WARN : ROLE_CRIT;
}

void build_trend(struct build *b, const struct syntax_node *n,
		 double *minutes)
{
	const struct syntax_node *v = build_opt(b, n, "trend");

	if (v == NULL)
		return;
	if (!isfinite(v->fnum) || v->fnum < 0 || v->fnum > GRAMMAR_MAX_TREND)
		build_error(b, v->line, "trend must be 0 (none) to %d minutes",
			    GRAMMAR_MAX_TREND);
	else
		*minutes = v->fnum;
}

/* A relative size (a row's height, a panel's width): default 1. */
static double relative_size(struct build *b, const struct syntax_node *v,
			    const char *opt)
{
	if (v == NULL)
		return 1;
	if (isfinite(v->fnum) && v->fnum > 0 && v->fnum <= GRAMMAR_MAX_WEIGHT)
		return v->fnum;
	build_error(b, v->line, "%s must be more than 0 and at most %d", opt,
		    GRAMMAR_MAX_WEIGHT);
	return 1;
}

/* ---- panels ------------------------------------------------------------ */

/* The index of the column with an id in p, or -1. */
static int column_index(const struct panel *p, const char *id)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (strcmp(p->cols[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* A column id named by an option (order_by, filter_by): must exist. */
static bool named_column(struct build *b, const struct panel *p,
			 const struct syntax_node *v, const char *opt,
			 size_t *out)
{
	int i = column_index(p, v->str);

	if (i < 0) {
		build_error(b, v->line,
			    "%s \"%s\" names no column of panel \"%s\"", opt,
			    v->str, p->id);
		return false;
	}
	*out = (size_t)i;
	return true;
}

/* order_by and order_dir. */
static void panel_order(struct build *b, struct panel *p,
			const struct syntax_node *n)
{
	const struct syntax_node *by = build_opt(b, n, "order_by");
	const struct syntax_node *dir = build_opt(b, n, "order_dir");
	int i;

	if (dir != NULL && by == NULL)
		build_error(b, dir->line, "order_dir needs order_by");
	if (dir != NULL && build_word(b, dir, "order_dir", &dir_words, &i))
		p->order_desc = i == 1;
	if (by != NULL && named_column(b, p, by, "order_by", &p->order_col))
		p->order_by = xstrdup(by->str);
}

/* Formats whose values compare as numbers (the table module's view). */
static bool fmt_numeric(enum fmt f)
{
	return f == FMT_COUNT || f == FMT_DURATION || f == FMT_PERCENT ||
	       f == FMT_DECIMAL || f == FMT_TIME;
}

/* filter_operation and filter_value without filter_by. */
static void filter_orphans(struct build *b, const struct syntax_node *op,
			   const struct syntax_node *val)
{
	if (op != NULL)
		build_error(b, op->line, "filter_operation needs filter_by");
	if (val != NULL)
		build_error(b, val->line, "filter_value needs filter_by");
}

/* filter_by, filter_operation, filter_value: all three or none. */
static void panel_filter(struct build *b, struct panel *p,
			 const struct syntax_node *n)
{
	const struct syntax_node *by = build_opt(b, n, "filter_by");
	const struct syntax_node *op = build_opt(b, n, "filter_operation");
	const struct syntax_node *val = build_opt(b, n, "filter_value");
	const struct column *c;
	bool ok = op != NULL && val != NULL;
	int i = 0;
	double d;

	if (by == NULL) {
		filter_orphans(b, op, val);
		return;
	}
	if (!ok)
		build_error(b, by->line, "filter_by needs %s",
			    op == NULL && val == NULL
				    ? "filter_operation and filter_value"
			    : op == NULL ? "filter_operation"
					 : "filter_value");
	if (op != NULL && !build_word(b, op, "filter_operation", &op_words, &i))
		ok = false;
	if (!named_column(b, p, by, "filter_by", &p->filter.col) || !ok)
		return;
	c = &p->cols[p->filter.col];
	if (fmt_numeric(c->fmt) && !parse_double(val->str, &d)) {
		build_error(b, val->line,
			    "filter_value \"%s\" is not a number "
			    "(column \"%s\" is %s)",
			    val->str, c->id, fmt_name(c->fmt));
		return;
	}
	p->filter.set = true;
	p->filter.op = (enum cmp_op)i;
	p->filter.column = xstrdup(by->str);
	p->filter.value = build_text(val->str);
}

/* media = {"chat", "email"}: the media bits a service grid shows. */
static unsigned panel_media(struct build *b, const struct syntax_node *v)
{
	unsigned bits = 0;

	for (size_t i = 0; i < v->n; i++) {
		unsigned bit = media_word(v->list[i]);
		if (bit == 0)
			build_error(b, v->lines[i], "unknown media \"%s\" (%s)",
				    v->list[i], media_choices());
		bits |= bit;
	}
	return bits;
}

/* limit, teams, services, media, logged_in_only, match. */
static void panel_selection(struct build *b, struct panel *p,
			    const struct syntax_node *n)
{
	const struct syntax_node *v;

	if ((v = build_opt(b, n, "limit")) != NULL) {
		if (v->num < 0 || v->num > GRAMMAR_MAX_LIMIT)
			build_error(b, v->line,
				    "limit must be 0 (no limit) to %d",
				    GRAMMAR_MAX_LIMIT);
		else
			p->limit = (int)v->num;
	}
	if (p->kind == PANEL_TICKER)
		p->limit = p->msg_limit = v != NULL ? p->limit :
			   GRAMMAR_DEFAULT_MSG_LIMIT;
	p->teams = build_list(build_opt(b, n, "teams"), &p->nteams);
	p->services = build_list(build_opt(b, n, "services"), &p->nservices);
	if ((v = build_opt(b, n, "media")) != NULL)
		p->media = panel_media(b, v);
	if ((v = build_opt(b, n, "logged_in_only")) != NULL)
		p->logged_in_only = v->flag;
	if ((v = build_opt(b, n, "match")) != NULL && v->str[0] != '\0')
		p->msg_filter = build_text(v->str);
}

/*
 * An agent grid's view and its tiles' columns: the state and the time
 * in state found by their formats, the extra one named (tile_column).
 */
static void panel_view(struct build *b, struct panel *p,
		       const struct syntax_node *n)
{
	const struct syntax_node *v;
	size_t col;
	int i;

	p->tile_state = p->tile_time = p->tile_extra = -1;
	if ((v = build_opt(b, n, "view")) != NULL &&
	    build_word(b, v, "view", &view_words, &i))
		p->view = (enum panel_view)i;
	for (size_t c = 1; c < p->ncols; c++) {
		if (p->tile_state < 0 && p->cols[c].fmt == FMT_STATE)
			p->tile_state = (int)c;
		if (p->tile_time < 0 && p->cols[c].fmt == FMT_DURATION)
			p->tile_time = (int)c;
	}
	if ((v = build_opt(b, n, "tile_column")) != NULL &&
	    named_column(b, p, v, "tile_column", &col))
		p->tile_extra = (int)col;
}

/* The type of a panel, or -1 (reported) when missing or unknown. */
static int panel_type(struct build *b, const struct panel *p,
		      const struct syntax_node *n)
{
	const struct syntax_node *v = syntax_get(n, "type");
	char choices[160];
	int i;

	if (v == NULL) {
		build_error(
			b, n->line, "panel \"%s\" has no type (%s)", p->id,
			words_choices(&kind_words, choices, sizeof(choices)));
		return -1;
	}
	if (!build_word(b, v, "panel type", &kind_words, &i))
		return -1;
	return i;
}

/* A column id met twice in p: report the second. */
static void check_column_unique(struct build *b, const struct panel *p,
				const struct column *c)
{
	for (const struct column *o = p->cols; o < c; o++) {
		if (strcmp(o->id, c->id) == 0) {
			build_error(b, c->line,
				    "duplicate column id \"%s\" in panel "
				    "\"%s\" (first at line %d)",
				    c->id, p->id, o->line);
			return;
		}
	}
}

/* Columns: built, unique, and present exactly where the kind wants them. */
static void panel_columns(struct build *b, int kind, struct panel *p,
			  const struct syntax_node *n)
{
	size_t ncols = syntax_count(n, "column");
	const struct syntax_node *cn = NULL;

	p->cols = ncols ? xcalloc(ncols, sizeof(*p->cols)) : NULL;
	while ((cn = syntax_next(n, "column", cn)) != NULL) {
		struct column *c = &p->cols[p->ncols];
		build_column(b, kind, c, cn);
		check_column_unique(b, p, c);
		if (++p->ncols == LAYOUT_MAX_COLUMNS + 1)
			build_error(b, c->line,
				    "panel \"%s\" has more than %d columns",
				    p->id, LAYOUT_MAX_COLUMNS);
		if (kind == PANEL_TICKER)
			build_error(b, c->line,
				    "a ticker has no columns: remove column "
				    "\"%s\" from panel \"%s\"",
				    c->id, p->id);
	}
	if (kind >= 0 && kind != PANEL_TICKER && p->ncols == 0)
		build_error(b, n->line, "%s panel \"%s\" has no columns",
			    panel_kind_name((enum panel_kind)kind), p->id);
	if (kind == PANEL_TICKER && b->cat != NULL && !b->cat->messages)
		build_error(b, n->line,
			    "ticker panel \"%s\": provider %s sends no chat "
			    "messages",
			    p->id, b->cat->provider);
}

/* Build one panel. */
static void build_panel(struct build *b, struct panel *p,
			const struct syntax_node *n)
{
	const struct syntax_node *v;
	enum alert_kind alert = b->alert;
	enum role alert_at = b->alert_at;
	double trend = b->trend;
	int kind;

	p->id = xstrdup(n->title ? n->title : "");
	p->line = n->line;
	build_id(b, n->line, "panel", p->id);
	b->applies = K_ANY;
	p->title = build_text((v = build_opt(b, n, "title")) ? v->str : p->id);
	p->width = relative_size(b, build_opt(b, n, "width"), "width");
	kind = panel_type(b, p, n);
	if (kind >= 0) {
		p->kind = (enum panel_kind)kind;
		b->applies = 1u << kind;
		build_applies(b, n, p->kind);
		build_alert(b, n, &b->alert, &b->alert_at);
		build_trend(b, n, &b->trend);
	}
	panel_columns(b, kind, p, n);
	if (kind >= 0) {
		panel_order(b, p, n);
		panel_filter(b, p, n);
		panel_selection(b, p, n);
		panel_view(b, p, n);
	}
	/* The next panel starts from the layout's alert again. */
	b->alert = alert;
	b->alert_at = alert_at;
	b->trend = trend;
	b->applies = K_ANY;
}

/* ---- rows and the layout --------------------------------------------- */

/* A panel id met twice in l: report the newest. */
static void check_panel_unique(struct build *b, const struct layout *l,
			       const struct panel *p)
{
	for (const struct panel *o = l->panels; o < p; o++) {
		if (strcmp(o->id, p->id) == 0) {
			build_error(b, p->line,
				    "duplicate panel id \"%s\" (first at line "
				    "%d)",
				    p->id, o->line);
			return;
		}
	}
}

/* Build one row and its panels (appended to l->panels). */
static void build_row(struct build *b, struct layout *l, struct layout_row *r,
		      const struct syntax_node *n)
{
	const struct syntax_node *pn = NULL;

	r->height = relative_size(b, syntax_get(n, "height"), "height");
	r->first = l->npanels;
	while ((pn = syntax_next(n, "panel", pn)) != NULL) {
		struct panel *p = &l->panels[l->npanels++];
		build_panel(b, p, pn);
		check_panel_unique(b, l, p);
		if (l->npanels - r->first == LAYOUT_MAX_PANELS_PER_ROW + 1)
			build_error(b, p->line, "row has more than %d panels",
				    LAYOUT_MAX_PANELS_PER_ROW);
	}
	r->npanels = l->npanels - r->first;
	if (r->npanels == 0)
		build_error(b, n->line, "row has no panels");
}

/* state_map = {"Pausa=not_ready", ...}: a server's words for states. */
static void layout_state_map(struct build *b, struct layout *l,
			     const struct syntax_node *v)
{
	char err[300];

	l->state_map = xcalloc(1, sizeof(*l->state_map));
	for (size_t i = 0; i < v->n; i++)
		if (!state_map_add(l->state_map, v->list[i], err, sizeof(err)))
			build_error(b, v->lines[i], "%s", err);
}

/*
 * service_media = {"Support=email", ...}: what its services' names do
 * not say.
 */
static void layout_service_media(struct build *b, struct layout *l,
				 const struct syntax_node *v)
{
	char err[300];

	l->service_media = xcalloc(1, sizeof(*l->service_media));
	for (size_t i = 0; i < v->n; i++)
		if (!media_map_add(l->service_media, v->list[i], err,
				   sizeof(err)))
			build_error(b, v->lines[i], "%s", err);
}

/* title, key, state_map, service_media, rotate. */
static void layout_head(struct build *b, struct layout *l,
			const struct syntax_node *root)
{
	const struct syntax_node *v;

	if ((v = syntax_get(root, "title")) == NULL || v->str[0] == '\0')
		build_error(b, v ? v->line : 1,
			    "layout has no title (title = \"...\")");
	else
		l->title = build_text(v->str);
	if ((v = syntax_get(root, "key")) != NULL) {
		if (v->num < 1 || v->num > 9)
			build_error(b, v->line, "key %ld is not 1..9", v->num);
		else
			l->key = (int)v->num;
	}
	if ((v = syntax_get(root, "state_map")) != NULL)
		layout_state_map(b, l, v);
	if ((v = syntax_get(root, "service_media")) != NULL)
		layout_service_media(b, l, v);
	build_alert(b, root, &b->alert, &b->alert_at);
	build_trend(b, root, &b->trend);
	if ((v = syntax_get(root, "rotate")) != NULL) {
		if (!isfinite(v->fnum) || (v->fnum != 0 && (v->fnum < 1 ||
		    v->fnum > GRAMMAR_MAX_ROTATE)))
			build_error(b, v->line,
				    "rotate must be 0 (the default) or 1 to %d "
				    "seconds",
				    GRAMMAR_MAX_ROTATE);
		else
			l->rotate = v->fnum;
	}
}

/* The provider and its catalogue; NULL (reported) when there is none. */
static const struct catalog *layout_provider(struct build *b, struct layout *l,
					     const struct syntax_node *root)
{
	const struct syntax_node *v = syntax_get(root, "provider");
	int line = v ? v->line : 1;
	const struct catalog *cat;

	l->provider = xstrdup(v ? v->str : catalog_default_provider());
	cat = catalog_for(l->provider);
	if (cat == NULL)
		build_error(b, line,
			    "unknown provider \"%s\" (no statistic catalogue "
			    "for it)",
			    l->provider);
	if (b->want_provider != NULL &&
	    strcmp(b->want_provider, l->provider) != 0)
		build_error(b, line,
			    "layout is written for provider %s, the data "
			    "source is %s",
			    l->provider, b->want_provider);
	return cat;
}

/* The panels of every row: their number, and the rows over the limit. */
static size_t count_panels(struct build *b, const struct syntax_node *root)
{
	const struct syntax_node *rn = NULL;
	size_t npanels = 0, nrows = 0;

	while ((rn = syntax_next(root, "row", rn)) != NULL) {
		npanels += syntax_count(rn, "panel");
		if (++nrows == LAYOUT_MAX_ROWS + 1)
			build_error(b, rn->line, "layout has more than %d rows",
				    LAYOUT_MAX_ROWS);
	}
	return npanels;
}

struct layout *build_layout(struct build *b, const char *file,
			    const struct syntax_node *root)
{
	struct layout *l = xcalloc(1, sizeof(*l));
	size_t nrows = syntax_count(root, "row");
	size_t npanels = count_panels(b, root);
	const struct syntax_node *rn = NULL;

	l->file = xstrdup(file);
	b->applies = K_ANY;
	layout_head(b, l, root);
	b->cat = layout_provider(b, l, root);
	l->panels = npanels ? xcalloc(npanels, sizeof(*l->panels)) : NULL;
	l->rows = nrows ? xcalloc(nrows, sizeof(*l->rows)) : NULL;
	while ((rn = syntax_next(root, "row", rn)) != NULL)
		build_row(b, l, &l->rows[l->nrows++], rn);
	if (nrows == 0)
		build_error(b, 1,
			    "layout has no panels (add row { panel \"id\" { "
			    "... } })");
	for (size_t i = 0; i < l->npanels; i++)
		l->panels[i].media_map = l->service_media;
	return l;
}

/* ---- freeing ---------------------------------------------------------- */

/* Free what a panel holds. */
static void panel_free(struct panel *p)
{
	free(p->id);
	free(p->title);
	for (size_t i = 0; i < p->ncols; i++)
		column_free(&p->cols[i]);
	free(p->cols);
	free(p->order_by);
	free(p->filter.column);
	free(p->filter.value);
	strv_free(p->teams, p->nteams);
	strv_free(p->services, p->nservices);
	free(p->msg_filter);
}

void layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	state_map_free(l->state_map);
	free(l->state_map);
	media_map_free(l->service_media);
	free(l->service_media);
	free(l->file);
	free(l->title);
	free(l->provider);
	for (size_t i = 0; i < l->npanels; i++)
		panel_free(&l->panels[i]);
	free(l->panels);
	free(l->rows);
	free(l);
}
