/*
 * load.c - the entry points of the layout module: a layout file, or a
 * layout given as text, -> struct layout. Reading and checking the syntax
 * is syntax.h's (with the schema of grammar.c, and ${...} left as text: a
 * layout is data, not the administrator's config); the model is build.c's.
 * Every message of one layout comes out together, sorted by line, and
 * any error means no layout.
 */
#include "autoconf.h"

#include <string.h>

#include "layout/build.h"

/* Build the layout of a parsed file; hand the messages over. */
static struct layout *load_finish(struct syntax_diags *d, const char *file,
				  struct syntax_node *root,
				  const char *provider, struct errlist *errs,
				  struct errlist *warns)
{
	struct build b = {
		.d = d, .want_provider = provider, .applies = K_ANY,
		.alert = ALERT_NONE, .alert_at = ROLE_NORMAL
	};
	struct layout *l = NULL;

	if (root != NULL)
		l = build_layout(&b, file, root);
	syntax_free(root);
	if (d->nerrors > 0) {
		layout_free(l);
		l = NULL;
	}
	syntax_diags_flush(d, errs, warns);
	return l;
}

struct layout *layout_load(const char *path, const char *provider,
			   struct errlist *errs, struct errlist *warns)
{
	struct syntax_diags d;
	struct syntax_node *root;

	syntax_diags_init(&d, path);
	root = syntax_parse_file(&d, path, grammar_layout, 0);
	return load_finish(&d, path, root, provider, errs, warns);
}

struct layout *layout_load_text(const char *name, const char *text,
				const char *provider, struct errlist *errs,
				struct errlist *warns)
{
	struct syntax_diags d;
	struct syntax_node *root;

	syntax_diags_init(&d, name);
	root = syntax_parse(&d, text, strlen(text), grammar_layout, 0);
	return load_finish(&d, name, root, provider, errs, warns);
}
