/*
 * config.c - the settings of a run, from the one table of options: the
 * command line (getopt, built from the table), the config file, the
 * environment's secrets, in the order of precedence config.h gives.
 *
 * Every option is known before the data source is: the command line and
 * the file are read whole first, then the source is chosen (the command
 * line's --provider over the file's), then the values are applied: the
 * core's and the chosen source's; another source's option is ignored with
 * a warning that names the source it belongs to.
 */
#include "autoconf.h"

#include <confuse.h>
#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "keys.h"
#include "options.h"
#include "provider.h"

/* An option of the table, with the source it belongs to (NULL: the core). */
struct known {
	const struct option_def *o;
	const struct source *src;
};

/* A value given for an option: by the command line or the config file. */
struct given {
	const struct known *k;
	char *text;
	int line;		/* in the config file; 0 for the command line */
};

struct given_list {
	struct given *v;
	size_t n;
};

/* Every option: the core's, then each source's, in registry order. */
static struct known *known_options(size_t *n)
{
	struct known *v = NULL;
	const struct source *src;

	*n = 0;
	for (size_t i = 0; i < options_ncore; i++) {
		v = xreallocarray(v, *n + 1, sizeof(*v));
		v[(*n)++] = (struct known){ &options_core[i], NULL };
	}
	for (size_t s = 0; (src = source_at(s)) != NULL; s++)
		for (size_t i = 0; i < src->noptions; i++) {
			v = xreallocarray(v, *n + 1, sizeof(*v));
			v[(*n)++] = (struct known){ &src->options[i], src };
		}
	return v;
}

static void given_add(struct given_list *l, const struct known *k,
		      const char *text, int line)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = (struct given){ k, xstrdup(text), line };
}

static void given_free(struct given_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
}

/* The last value given for the option named name, or NULL. */
static const char *given_value(const struct given_list *l, const char *name)
{
	const char *v = NULL;

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].k->o->name, name) == 0)
			v = l->v[i].text;
	return v;
}

/* --- the command line ---------------------------------------------------- */

#define OPT_VAL_BASE 256

/*
 * Read argv into l. False with the reason in errs for an unknown option,
 * a missing argument or a word that is not an option (secrets are never
 * taken on the command line, so there is no place for one).
 */
static bool read_argv(int argc, char **argv, const struct known *ks, size_t nk,
		      struct given_list *l, struct errlist *errs)
{
	struct option *lo = xcalloc(nk + 1, sizeof(*lo));
	char (*names)[64] = xcalloc(nk, sizeof(*names));
	char shorts[32] = ":";	/* ':' first: a missing argument is told apart */
	size_t nlo = 0;
	int c;
	bool ok = true;

	for (size_t i = 0; i < nk; i++) {
		const struct option_def *o = ks[i].o;
		if (!(o->where & OPT_CLI))
			continue;
		lo[nlo].name = option_cli_name(o, names[i], sizeof(names[i]));
		lo[nlo].has_arg = o->implied ? no_argument : required_argument;
		lo[nlo].val = OPT_VAL_BASE + (int)i;
		nlo++;
		if (o->short_name && strlen(shorts) + 3 < sizeof(shorts)) {
			size_t n = strlen(shorts);
			shorts[n] = o->short_name;
			shorts[n + 1] = o->implied ? '\0' : ':';
			shorts[n + 2] = '\0';
		}
	}
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		size_t i = nk;
		if (c >= OPT_VAL_BASE)
			i = (size_t)(c - OPT_VAL_BASE);
		for (size_t j = 0; c < OPT_VAL_BASE && j < nk; j++)
			if (ks[j].o->short_name == c && (ks[j].o->where & OPT_CLI))
				i = j;
		if (i >= nk) {
			errlist_add(errs, "%s: %s (see --help)", argv[optind - 1],
				    c == ':' ? "needs an argument" : "unknown option");
			ok = false;
			continue;
		}
		given_add(l, &ks[i], ks[i].o->implied ? ks[i].o->implied : optarg, 0);
	}
	if (optind < argc) {
		errlist_add(errs, "unexpected argument \"%s\" (secrets are never "
			    "taken on the command line; see --help)", argv[optind]);
		ok = false;
	}
	free(names);
	free(lo);
	return ok;
}

/* --- the config file ------------------------------------------------------ */

/* Route libconfuse's messages into the error list as "file:line: ...". */
static struct errlist *cfg_errs;
static void on_cfg_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	char msg[512];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (cfg && cfg->filename)
		errlist_add(cfg_errs, "%s:%d: %s", cfg->filename, cfg->line, msg);
	else
		errlist_add(cfg_errs, "%s", msg);
}

/*
 * Refuse a file that others can write (for the config) or read (for a
 * secret): someone else could change where the board logs in, or read
 * the secret.
 */
static bool file_private(const char *path, mode_t forbidden, const char *what,
			 struct errlist *errs)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		errlist_add(errs, "%s: %s", path, strerror(errno));
		return false;
	}
	if (st.st_mode & forbidden) {
		errlist_add(errs, "%s: refusing %s that %s (mode %03o): "
			    "chmod %s it", path, what,
			    forbidden == (S_IWGRP | S_IWOTH) ?
			    "others can write" : "others can read or write",
			    (unsigned)(st.st_mode & 0777),
			    forbidden == (S_IWGRP | S_IWOTH) ? "go-w" : "go-rwx");
		return false;
	}
	return true;
}

bool config_read_secret_file(const char *path, char **out, struct errlist *errs)
{
	FILE *f;
	char line[4096];

	if (!file_private(path, S_IRWXG | S_IRWXO, "a secret file", errs))
		return false;
	f = fopen(path, "r");
	if (f == NULL) {
		errlist_add(errs, "%s: %s", path, strerror(errno));
		return false;
	}
	if (fgets(line, sizeof(line), f) == NULL)
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	if (line[0] == '\0') {
		errlist_add(errs, "%s: the secret file is empty", path);
		return false;
	}
	secret_free(*out);
	*out = xstrdup(line);
	explicit_bzero(line, sizeof(line));
	return true;
}

/* The libconfuse option of a table entry. */
static cfg_opt_t cfg_opt_of(const struct option_def *o)
{
	switch (o->type) {
	case OPT_FLAG:
		return (cfg_opt_t)CFG_BOOL(o->name, cfg_false, CFGF_NODEFAULT);
	case OPT_NUMBER:
		return (cfg_opt_t)CFG_FLOAT(o->name, 0, CFGF_NODEFAULT);
	case OPT_INTEGER:
		return (cfg_opt_t)CFG_INT(o->name, 0, CFGF_NODEFAULT);
	case OPT_LIST:
		return (cfg_opt_t)CFG_STR_LIST(o->name, NULL, CFGF_NODEFAULT);
	default:
		return (cfg_opt_t)CFG_STR(o->name, NULL, CFGF_NODEFAULT);
	}
}

/* The values the file gives, as text, into l. */
static void take_file_values(cfg_t *c, const struct known *ks, size_t nk,
			     struct given_list *l)
{
	char num[64];

	for (size_t i = 0; i < nk; i++) {
		const struct option_def *o = ks[i].o;
		if (!(o->where & OPT_FILE) || cfg_size(c, o->name) == 0)
			continue;
		switch (o->type) {
		case OPT_FLAG:
			given_add(l, &ks[i], cfg_getbool(c, o->name) ? "true" : "false", 0);
			break;
		case OPT_NUMBER:
			snprintf(num, sizeof(num), "%.17g", cfg_getfloat(c, o->name));
			given_add(l, &ks[i], num, 0);
			break;
		case OPT_INTEGER:
			snprintf(num, sizeof(num), "%ld", cfg_getint(c, o->name));
			given_add(l, &ks[i], num, 0);
			break;
		case OPT_LIST:
			for (unsigned j = 0; j < cfg_size(c, o->name); j++)
				given_add(l, &ks[i], cfg_getnstr(c, o->name, j), 0);
			break;
		default:
			given_add(l, &ks[i], cfg_getstr(c, o->name), 0);
			break;
		}
	}
}

/*
 * Read the config file at path into l. A missing file is an error only
 * when it was asked for (-c); a file others can write is refused.
 */
static bool read_file_values(const char *path, bool required,
			     const struct known *ks, size_t nk,
			     struct given_list *l, struct errlist *errs)
{
	size_t before = errs->n, n = 0;
	cfg_opt_t *opts = xcalloc(nk + 1, sizeof(*opts));
	struct stat st;
	cfg_t *c;
	int rc;

	if (stat(path, &st) != 0) {
		free(opts);
		if (required || errno != ENOENT)
			errlist_add(errs, "%s: %s", path, strerror(errno));
		return !required && errno == ENOENT;
	}
	if (!file_private(path, S_IWGRP | S_IWOTH, "a config file", errs)) {
		free(opts);
		return false;
	}
	for (size_t i = 0; i < nk; i++)
		if (ks[i].o->where & OPT_FILE)
			opts[n++] = cfg_opt_of(ks[i].o);
	opts[n] = (cfg_opt_t)CFG_END();
	c = cfg_init(opts, CFGF_NONE);
	cfg_errs = errs;
	cfg_set_error_function(c, on_cfg_error);
	rc = cfg_parse(c, path);
	if (rc == CFG_FILE_ERROR)
		errlist_add(errs, "%s: %s", path, strerror(errno));
	else if (rc == CFG_SUCCESS)
		take_file_values(c, ks, nk, l);
	cfg_free(c);
	free(opts);
	return errs->n == before;
}

/* --- applying ------------------------------------------------------------- */

/* The struct an option's value lives in. */
static void *base_of(struct config *cfg, const struct known *k)
{
	return k->src ? cfg->source : (void *)cfg;
}

/* Set every default of the core's options. */
static void core_defaults(struct config *cfg)
{
	char err[160];

	for (size_t i = 0; i < options_ncore; i++)
		if (options_core[i].def)
			option_set(&options_core[i], cfg, options_core[i].def,
				   err, sizeof(err));
}

/* The chosen source's settings, with its defaults. */
static void source_defaults(struct config *cfg, const struct source *src)
{
	char err[160];

	cfg->source = xcalloc(1, src->settings_size ? src->settings_size : 1);
	for (size_t i = 0; i < src->noptions; i++)
		if (src->options[i].def)
			option_set(&src->options[i], cfg->source,
				   src->options[i].def, err, sizeof(err));
}

/*
 * Apply the values of l in order. A list given again replaces what an
 * earlier source of values (the file) set: the first value of each list
 * in l clears it. A secret file's value is the path to read the secret from.
 */
static void apply(struct config *cfg, const struct source *src,
		  const struct given_list *l, const char *from,
		  struct errlist *errs, struct errlist *warns)
{
	bool *started = xcalloc(l->n + 1, sizeof(*started));
	char err[300], name[64];

	for (size_t i = 0; i < l->n; i++) {
		const struct given *g = &l->v[i];
		const struct option_def *o = g->k->o;
		if (g->k->src != NULL && g->k->src != src) {
			if (o->where & OPT_CLI && strcmp(from, "command line") == 0)
				errlist_add(warns, "--%s applies to provider %s only; "
					    "ignored", option_cli_name(o, name, sizeof(name)),
					    g->k->src->name);
			else
				errlist_add(warns, "%s: %s applies to provider %s "
					    "only; ignored", from, o->name,
					    g->k->src->name);
			continue;
		}
		if (o->type == OPT_LIST && !started[i]) {
			option_free(o, base_of(cfg, g->k));
			for (size_t j = i; j < l->n; j++)
				if (l->v[j].k == g->k)
					started[j] = true;
		}
		if (o->type == OPT_SECRET) {
			config_read_secret_file(g->text, (char **)(void *)
				((char *)base_of(cfg, g->k) + o->offset), errs);
			continue;
		}
		if (!option_set(o, base_of(cfg, g->k), g->text, err, sizeof(err))) {
			if (strcmp(from, "command line") == 0)
				errlist_add(errs, "--%s: %s", option_cli_name(o, name,
					    sizeof(name)), err);
			else if (g->line > 0)
				errlist_add(errs, "%s:%d: %s = %s", from, g->line,
					    o->name, err);
			else
				errlist_add(errs, "%s: %s = %s", from, o->name, err);
		}
	}
	free(started);
}

/* Secrets from the environment win over the config file's. */
static void secrets_from_env(struct config *cfg, const struct known *ks,
			     size_t nk, const struct source *src)
{
	for (size_t i = 0; i < nk; i++) {
		const struct option_def *o = ks[i].o;
		const char *v;
		char err[160];
		if (o->type != OPT_SECRET || o->env == NULL ||
		    (ks[i].src != NULL && ks[i].src != src))
			continue;
		if ((v = getenv(o->env)) != NULL)
			option_set(o, base_of(cfg, &ks[i]), v, err, sizeof(err));
	}
}

bool config_load(struct config *cfg, int argc, char **argv,
		 struct errlist *errs, struct errlist *warns)
{
	struct given_list cli = { 0 }, file = { 0 };
	size_t nk, before = errs->n;
	struct known *ks = known_options(&nk);
	const struct source *src;
	const char *name;
	char *path;

	memset(cfg, 0, sizeof(*cfg));
	core_defaults(cfg);
	if (!read_argv(argc, argv, ks, nk, &cli, errs))
		goto out;
	if (given_value(&cli, "help") || given_value(&cli, "version")) {
		apply(cfg, NULL, &cli, "command line", errs, warns);
		goto out;
	}
	name = given_value(&cli, "config");
	path = name ? xstrdup(name) :
	       given_value(&cli, "demo") ? NULL : config_default_path();
	if (path && read_file_values(path, name != NULL, ks, nk, &file, errs))
		cfg->file = xstrdup(path);
	free(path);
	if (errs->n > before)
		goto out;
	name = given_value(&cli, "provider");
	if (name == NULL)
		name = given_value(&file, "provider");
	if (name == NULL)
		name = source_at(0)->name;
	if ((src = source_find(name)) == NULL) {
		errlist_add(errs, "unknown provider \"%s\" (known: %s)", name,
			    provider_names());
		goto out;
	}
	cfg->provider = xstrdup(src->name);
	source_defaults(cfg, src);
	apply(cfg, src, &file, cfg->file ? cfg->file : "config", errs, warns);
	secrets_from_env(cfg, ks, nk, src);
	apply(cfg, src, &cli, "command line", errs, warns);
	cfg->rotate_given = given_value(&cli, "rotate") != NULL;
	if (cfg->client_id == NULL && cfg->client_secret && cfg->user)
		cfg->client_id = xstrdup(cfg->user);
out:
	given_free(&cli);
	given_free(&file);
	free(ks);
	return errs->n == before;
}

/* --- --help ---------------------------------------------------------------- */

/* Text in lines that end before column 80, the next ones indented. */
static void usage_wrap(FILE *out, const char *text, int indent)
{
	int width = 79 - indent;

	while (*text) {
		int n = (int)strlen(text);
		if (n > width) {
			n = width;
			while (n > 0 && text[n] != ' ')
				n--;
			if (n == 0)
				n = width;
		}
		fprintf(out, "%.*s\n", n, text);
		text += n;
		while (*text == ' ')
			text++;
		if (*text)
			fprintf(out, "%*s", indent, "");
	}
}

/* One option's lines of --help. */
static void usage_option(FILE *out, const struct option_def *o)
{
	char name[64], head[96];

	if (!(o->where & OPT_CLI) || o->help == NULL)
		return;
	option_cli_name(o, name, sizeof(name));
	if (o->short_name)
		snprintf(head, sizeof(head), "  -%c, --%s%s%s", o->short_name, name,
			 o->arg ? " " : "", o->arg ? o->arg : "");
	else
		snprintf(head, sizeof(head), "      --%s%s%s", name,
			 o->arg ? " " : "", o->arg ? o->arg : "");
	if (strlen(head) < 24)
		fprintf(out, "%-24s", head);
	else
		fprintf(out, "%s\n%24s", head, "");
	usage_wrap(out, o->help, 24);
}

void config_usage(FILE *out)
{
	const struct key_binding *k;
	const struct source *src;

	fputs("Usage: wallboard [OPTIONS]\n"
	      "A terminal wallboard for contact centres.\n\n", out);
	for (size_t i = 0; i < options_ncore; i++)
		usage_option(out, &options_core[i]);
	fputs("\nPROVIDERS (--provider NAME; the first is the default):\n", out);
	for (size_t s = 0; (src = source_at(s)) != NULL; s++) {
		fprintf(out, "  %s: ", src->name);
		usage_wrap(out, src->summary, 4 + (int)strlen(src->name));
		for (size_t i = 0; i < src->noptions; i++)
			usage_option(out, &src->options[i]);
	}
	fputs("\nKEYS\n", out);
	for (size_t i = 0; (k = key_at(i)) != NULL; i++)
		if (k->help)
			fprintf(out, "  %-8s %s\n", k->names, k->help);
}

/* The secret option o holds in the struct at base, or NULL. */
static const char *secret_of(const struct option_def *o, const void *base)
{
	if (o->type != OPT_SECRET || base == NULL)
		return NULL;
	return *(char *const *)(const void *)((const char *)base + o->offset);
}

size_t config_secrets(const struct config *cfg, const char **out, size_t max)
{
	const struct source *src = cfg->provider ? source_find(cfg->provider) : NULL;
	const char *v;
	size_t n = 0;

	for (size_t i = 0; i < options_ncore && n < max; i++)
		if ((v = secret_of(&options_core[i], cfg)) != NULL)
			out[n++] = v;
	for (size_t i = 0; src && i < src->noptions && n < max; i++)
		if ((v = secret_of(&src->options[i], cfg->source)) != NULL)
			out[n++] = v;
	return n;
}

bool config_holds_secret(const struct config *cfg)
{
	const char *v[1];

	return config_secrets(cfg, v, 1) > 0;
}

char *config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char *p = NULL;
	struct stat st;

	if (xdg && *xdg)
		p = xasprintf("%s/wallboard/wallboard.conf", xdg);
	else if (home && *home)
		p = xasprintf("%s/.config/wallboard/wallboard.conf", home);
	if (p && stat(p, &st) == 0)
		return p;
	free(p);
	if (stat("/etc/wallboard/wallboard.conf", &st) == 0)
		return xstrdup("/etc/wallboard/wallboard.conf");
	return NULL;
}

void config_free(struct config *cfg)
{
	const struct source *src = cfg->provider ? source_find(cfg->provider) : NULL;

	for (size_t i = 0; i < options_ncore; i++)
		option_free(&options_core[i], cfg);
	for (size_t i = 0; src && cfg->source && i < src->noptions; i++)
		option_free(&src->options[i], cfg->source);
	free(cfg->source);
	memset(cfg, 0, sizeof(*cfg));
}
