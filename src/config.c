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

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "keys.h"
#include "net/replay.h"
#include "options.h"
#include "provider.h"
#include "syntax.h"

/* An option of the table, with the source it belongs to (NULL: the core). */
struct known {
	const struct option_def *o;
	const struct source *src;
};

/* A value given for an option: by the command line or the config file. */
struct given {
	const struct known *k;
	char *text;
	/* in the config file; 0 for the command line */
	int line;
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
	/* ':' first: a missing argument is told apart */
	char shorts[32] = ":";
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
			if (ks[j].o->short_name == c &&
			    (ks[j].o->where & OPT_CLI))
				i = j;
		if (i >= nk) {
			errlist_add(errs, "%s: %s (see --help)",
				    argv[optind - 1],
				    c == ':' ? "needs an argument"
					     : "unknown option");
			ok = false;
			continue;
		}
		given_add(l, &ks[i],
			  ks[i].o->implied ? ks[i].o->implied : optarg, 0);
	}
	if (optind < argc) {
		errlist_add(errs,
			    "unexpected argument \"%s\" (secrets are never "
			    "taken on the command line; see --help)",
			    argv[optind]);
		ok = false;
	}
	free(names);
	free(lo);
	return ok;
}

/* --- the config file ----------------------------------------------------- */

/*
 * Refuse a file that others can write (for the config) or read (for a
 * secret): someone else could change where the board logs in, or read
 * the secret.
 */
static bool file_private(const char *path, const struct stat *st,
			 mode_t forbidden, const char *what,
			 struct errlist *errs)
{
	if (!S_ISREG(st->st_mode)) {
		errlist_add(errs, "%s: not a regular file: refusing it as %s",
			    path, what);
		return false;
	}
	if (st->st_uid != getuid() && st->st_uid != 0) {
		errlist_add(errs, "%s: refusing %s owned by another user (uid "
			    "%u): it must be yours or root's", path, what,
			    (unsigned)st->st_uid);
		return false;
	}
	if (st->st_mode & forbidden) {
		errlist_add(errs,
			    "%s: refusing %s that %s (mode %03o): chmod %s it",
			    path, what,
			    forbidden == (S_IWGRP | S_IWOTH)
				    ? "others can write"
				    : "others can read or write",
			    (unsigned)(st->st_mode & 0777),
			    forbidden == (S_IWGRP | S_IWOTH) ? "go-w"
							     : "go-rwx");
		return false;
	}
	return true;
}

/*
 * The file is opened without blocking (a FIFO must not hang the board)
 * and checked on what was opened, not on its name.
 */
bool config_read_secret_file(const char *path, char **out, struct errlist *errs)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	FILE *f;
	char line[4096];

	if (fd < 0 || fstat(fd, &st) != 0) {
		errlist_add(errs, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (!file_private(path, &st, S_IRWXG | S_IRWXO, "a secret file",
			  errs) ||
	    (f = fdopen(fd, "r")) == NULL) {
		close(fd);
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

/* The schema of the config file: every option the file may set. */
static struct syntax_key *file_schema(const struct known *ks, size_t nk)
{
	struct syntax_key *keys = xcalloc(nk + 1, sizeof(*keys));
	size_t n = 0;

	for (size_t i = 0; i < nk; i++) {
		if (!(ks[i].o->where & OPT_FILE))
			continue;
		/*
		 * Values are text here: the table parses them, as it does
		 * argv's.
		 */
		keys[n].name = ks[i].o->name;
		keys[n].type =
			ks[i].o->type == OPT_LIST ? SYNTAX_LIST : SYNTAX_STR;
		keys[n].tag = (unsigned)i;
		n++;
	}
	return keys;
}

/*
 * Read the config file at path into l. A missing file is an error only
 * when it was asked for (-c); a file others can write, or another user's,
 * is refused. ${VAR} in a value is taken from the environment: the file
 * is its owner's, who may keep a setting there.
 */
static bool read_file_values(const char *path, bool required,
			     const struct known *ks, size_t nk,
			     struct given_list *l, struct errlist *errs)
{
	size_t before = errs->n;
	struct syntax_key *keys;
	struct syntax_diags d;
	struct syntax_node *root;
	struct stat st;

	if (stat(path, &st) != 0) {
		if (required || errno != ENOENT)
			errlist_add(errs, "%s: %s", path, strerror(errno));
		return !required && errno == ENOENT;
	}
	if (!file_private(path, &st, S_IWGRP | S_IWOTH, "a config file", errs))
		return false;
	keys = file_schema(ks, nk);
	syntax_diags_init(&d, path);
	root = syntax_parse_file(&d, path, keys, SYNTAX_ENV);
	for (size_t i = 0; root && i < root->nkids; i++) {
		const struct syntax_node *n = &root->kids[i];
		const struct known *k = &ks[n->key->tag];
		if (n->key->type == SYNTAX_LIST)
			for (size_t j = 0; j < n->n; j++)
				given_add(l, k, n->list[j], n->lines[j]);
		else
			given_add(l, k, n->str, n->line);
	}
	syntax_free(root);
	syntax_diags_flush(&d, errs, NULL);
	free(keys);
	return errs->n == before;
}

/* --- applying ------------------------------------------------------------ */

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
			if (o->where & OPT_CLI &&
			    strcmp(from, "command line") == 0)
				errlist_add(
					warns,
					"--%s applies to provider %s only; "
					"ignored",
					option_cli_name(o, name, sizeof(name)),
					g->k->src->name);
			else if (g->line > 0)
				errlist_add(warns,
					    "%s:%d: %s applies to provider "
					    "%s only; ignored",
					    from, g->line, o->name,
					    g->k->src->name);
			else
				errlist_add(warns,
					    "%s: %s applies to provider %s "
					    "only; ignored",
					    from, o->name, g->k->src->name);
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
		if (!option_set(o, base_of(cfg, g->k), g->text, err,
				sizeof(err))) {
			if (strcmp(from, "command line") == 0)
				errlist_add(
					errs, "--%s: %s",
					option_cli_name(o, name, sizeof(name)),
					err);
			else if (g->line > 0)
				errlist_add(errs, "%s:%d: %s = %s", from,
					    g->line, o->name, err);
			else
				errlist_add(errs, "%s: %s = %s", from, o->name,
					    err);
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
			option_set(o, base_of(cfg, &ks[i]), v, err,
				   sizeof(err));
	}
}

/* --- --replay ------------------------------------------------------------ */

#define REPLAY_MIN_INTERVAL 0.01 /* seconds between polls, at any speed */

/* True for an option a login uses: the identity ones and every secret. */
static bool credential_option(const struct option_def *o)
{
	return o->type == OPT_SECRET || strcmp(o->name, "tenant") == 0 ||
	       strcmp(o->name, "user") == 0 ||
	       strcmp(o->name, "client_id") == 0;
}

/* True when the manifest names the setting (or names none: all are). */
static bool manifest_names(const struct rec_manifest *m, const char *name)
{
	for (size_t i = 0; i < m->ncredentials; i++)
		if (strcmp(m->credentials[i], name) == 0)
			return true;
	return !m->has_credentials;
}

/*
 * --replay: the recording answers, so the settings that reach a server
 * are the recording's: its base URL, and the credentials the recorded
 * session had, each the mark that stands for it in the recording (a
 * secret it did not have is cleared: the login taken is the recorded
 * one). A login name or tenant given stays.
 */
static void replay_settings(struct config *cfg, const struct known *ks,
			    size_t nk, const struct source *src,
			    const struct rec_manifest *m)
{
	free(cfg->url);
	cfg->url = xstrdup(m->url);
	for (size_t i = 0; i < nk; i++) {
		const struct option_def *o = ks[i].o;
		char **at;
		if ((ks[i].src != NULL && ks[i].src != src) ||
		    !credential_option(o))
			continue;
		at = (char **)(void *)((char *)base_of(cfg, &ks[i]) +
				       o->offset);
		if (o->type == OPT_SECRET) {
			secret_free(*at);
			*at = manifest_names(m, o->name) ?
			      xstrdup(RECORDING_MARK) : NULL;
		} else if (*at == NULL && manifest_names(m, o->name))
			*at = xstrdup(RECORDING_MARK);
	}
}

/*
 * The source a recording is of, for --replay: the command line's
 * --provider must agree with it; a config file's provider gives way.
 */
static const struct source *replay_source(const struct given_list *cli,
					  const struct rec_manifest *m,
					  struct errlist *errs)
{
	const char *name = given_value(cli, "provider");
	const struct source *src = source_find(m->source);

	if (src == NULL)
		errlist_add(errs, "%s: line %d: unknown source \"%s\" (known: "
			    "%s)", m->file, m->source_line, m->source,
			    provider_names());
	else if (name && strcmp(name, src->name) != 0) {
		errlist_add(errs, "--provider %s: the recording %s is of %s",
			    name, m->file, src->name);
		src = NULL;
	}
	return src;
}

/* Options that do not go together; --replay-speed's and --demo-time's use. */
static void recording_conflicts(const struct config *cfg,
				struct errlist *errs)
{
	if (cfg->record && cfg->replay)
		errlist_add(errs, "--record and --replay go separately (a "
			    "recording is made of a server)");
	if ((cfg->record || cfg->replay) && cfg->demo)
		errlist_add(errs, "--%s: --demo has no server to %s",
			    cfg->record ? "record" : "replay",
			    cfg->record ? "record" : "stand in for");
	if (cfg->replay_speed != 1 && cfg->replay == NULL)
		errlist_add(errs, "--replay-speed goes with --replay DIR");
	if (cfg->demo_time && !cfg->demo)
		errlist_add(errs, "--demo-time goes with --demo");
}

/* --- loading ------------------------------------------------------------- */

bool config_load(struct config *cfg, int argc, char **argv,
		 struct errlist *errs, struct errlist *warns)
{
	struct given_list cli = { 0 }, file = { 0 };
	size_t nk, before = errs->n;
	struct known *ks = known_options(&nk);
	const struct source *src;
	const char *name;
	char *path;
	struct rec_manifest m = { 0 };
	const char *replay;

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
	if ((replay = given_value(&cli, "replay")) != NULL) {
		if (!rec_manifest_read(replay, &m, errs) ||
		    (src = replay_source(&cli, &m, errs)) == NULL)
			goto out;
	} else if ((src = source_find(name)) == NULL) {
		errlist_add(errs, "unknown provider \"%s\" (known: %s)", name,
			    provider_names());
		goto out;
	}
	cfg->provider = xstrdup(src->name);
	source_defaults(cfg, src);
	if (src->interval > 0)
		cfg->interval = src->interval;
	apply(cfg, src, &file, cfg->file ? cfg->file : "config", errs, warns);
	secrets_from_env(cfg, ks, nk, src);
	apply(cfg, src, &cli, "command line", errs, warns);
	if (src->interval > 0 && cfg->interval < src->interval)
		errlist_add(warns,
			    "interval %g s is shorter than the %s source's "
			    "%g s: %s, so faster polls only load the server",
			    cfg->interval, src->name, src->interval,
			    src->interval_why);
	recording_conflicts(cfg, errs);
	if (cfg->replay) {
		replay_settings(cfg, ks, nk, src, &m);
		/* The whole session plays faster: its polls too (within
		 * reason: a board polling a recording in a busy loop shows
		 * nothing more). */
		cfg->interval /= cfg->replay_speed;
		if (cfg->interval < REPLAY_MIN_INTERVAL)
			cfg->interval = REPLAY_MIN_INTERVAL;
	}
	cfg->rotate_given = given_value(&cli, "rotate") != NULL;
	cfg->interval_given = given_value(&cli, "interval") != NULL ||
			      given_value(&file, "interval") != NULL;
	/*
	 * Debounce a little over one poll unless given: no ring for a spike.
	 */
	if (given_value(&file, "alert_debounce") == NULL)
		cfg->alert_debounce = 1.5 * cfg->interval;
	if (cfg->client_id == NULL && cfg->client_secret && cfg->user)
		cfg->client_id = xstrdup(cfg->user);
out:
	rec_manifest_free(&m);
	given_free(&cli);
	given_free(&file);
	free(ks);
	return errs->n == before;
}

/* --- --help -------------------------------------------------------------- */

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
		snprintf(head, sizeof(head), "  -%c, --%s%s%s", o->short_name,
			 name, o->arg ? " " : "", o->arg ? o->arg : "");
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
	      "A terminal wallboard for contact centres.\n"
	      "\n", out);
	for (size_t i = 0; i < options_ncore; i++)
		usage_option(out, &options_core[i]);
	fputs("\nPROVIDERS (--provider NAME; the first is the default):\n",
	      out);
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
	const struct source *src =
		cfg->provider ? source_find(cfg->provider) : NULL;
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

size_t config_credentials(const struct config *cfg, const char **out,
			  size_t max)
{
	const struct source *src =
		cfg->provider ? source_find(cfg->provider) : NULL;
	size_t n = 0;

	for (size_t i = 0; i < options_ncore && n < max; i++)
		if (credential_option(&options_core[i]) &&
		    *(char *const *)(const void *)((const char *)cfg +
						   options_core[i].offset))
			out[n++] = options_core[i].name;
	for (size_t i = 0; src && i < src->noptions && n < max; i++)
		if (secret_of(&src->options[i], cfg->source))
			out[n++] = src->options[i].name;
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
	const struct source *src =
		cfg->provider ? source_find(cfg->provider) : NULL;

	for (size_t i = 0; i < options_ncore; i++)
		option_free(&options_core[i], cfg);
	for (size_t i = 0; src && cfg->source && i < src->noptions; i++)
		option_free(&src->options[i], cfg->source);
	free(cfg->source);
	memset(cfg, 0, sizeof(*cfg));
}
