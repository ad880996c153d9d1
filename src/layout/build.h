/*
 * build.h - what the parts of the layout build share (build.c: the
 * layout, its rows and panels; column.c: columns). The layout module's
 * own.
 */
#ifndef WB_LAYOUT_BUILD_H
#define WB_LAYOUT_BUILD_H

#include "layout/grammar.h"
#include "layout/layout.h"
#include "syntax.h"

/* One build: where problems go, and what is known so far. */
struct build {
	struct syntax_diags *d;
	const char *want_provider;	/* the data source's, or NULL */
	const struct catalog *cat;	/* the layout provider's, or NULL */
	unsigned applies;		/* K_* of the panel being built */
	/*
	 * alert and alert_at as given above the column being built (the
	 * layout's, then its panel's): what a column without its own takes.
	 * alert_at 0: not given (crit).
	 */
	enum alert_kind alert;
	enum role alert_at;
	/* trend as given above the column (the layout's, its panel's). */
	double trend;
};

#define build_error(b, line, ...) syntax_error((b)->d, (line), __VA_ARGS__)
#define build_warn(b, line, ...) syntax_warn((b)->d, (line), __VA_ARGS__)

/* Build the model of a parsed layout file; problems go to b. */
struct layout *build_layout(struct build *b, const char *file,
			    const struct syntax_node *root);

/* Option name of sec, or NULL when not given or not for this panel kind. */
const struct syntax_node *build_opt(const struct build *b,
				    const struct syntax_node *sec,
				    const char *name);
/* Report the options of sec that do not apply to a panel of kind k. */
void build_applies(struct build *b, const struct syntax_node *sec,
		   enum panel_kind k);
/* Parse the word of option v (named opt); report it when it is none. */
bool build_word(struct build *b, const struct syntax_node *v, const char *opt,
		const struct words *w, int *out);
/* Report an id (of a panel or column) that is not made of ID_CHARS. */
void build_id(struct build *b, int line, const char *what, const char *id);
/* A copy of text from the file, sanitised for the terminal. */
char *build_text(const char *s);
/* Sanitised copies of the strings of a list option (NULL: none). */
char **build_list(const struct syntax_node *v, size_t *n);
/* "a" or "an" before a word of the language ("an agent_grid panel"). */
const char *build_article(const char *word);

/*
 * Read alert and alert_at of section n (a layout, a panel or a column)
 * over what kind and at hold; reported when they are no words of theirs.
 */
void build_alert(struct build *b, const struct syntax_node *n,
		 enum alert_kind *kind, enum role *at);

/* Read trend (minutes) of section n over *minutes; reported when bad. */
void build_trend(struct build *b, const struct syntax_node *n,
		 double *minutes);

/* Build column c of a panel of kind (-1: unknown) from section n. */
void build_column(struct build *b, int kind, struct column *c,
		  const struct syntax_node *n);
void column_free(struct column *c);

#endif
