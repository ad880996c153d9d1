/*
 * config.c - the main configuration file (libconfuse) and secrets.
 *
 * Example (doc/wallboard.conf.example has them all):
 *     url       = "https://tenant.example.com"
 *     tenant    = "tenant.example.com"
 *     client_id = "wallboard.user"
 *     client_secret_file = "/etc/wallboard/secret"
 *     interval  = 2
 *     layouts   = {"/etc/wallboard/queues.layout"}
 */
#include "autoconf.h"

#include <confuse.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->provider = xstrdup("brightpattern");
	cfg->interval = 2;
	cfg->connect_timeout = 5;
	cfg->timeout = 15;
	cfg->rotate = 20;
	cfg->retry_max = 30;
	cfg->max_body = 64L * 1024 * 1024;
	cfg->gzip = true;
	cfg->dialect = DIALECT_DOCUMENTED;
	cfg->color = true;
	cfg->ascii = xstrdup("auto");
}

/* Replace *dst with a copy of src when src is set. */
static void set_str(char **dst, const char *src)
{
	if (src == NULL)
		return;
	free(*dst);
	*dst = xstrdup(src);
}

/* Route libconfuse's messages into the error list as "file:line: ...". */
static struct errlist *cfg_errs;
static void on_cfg_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	struct buf b;
	va_list cp;
	char msg[512];

	buf_init(&b);
	va_copy(cp, ap);
	vsnprintf(msg, sizeof(msg), fmt, cp);
	va_end(cp);
	if (cfg && cfg->filename)
		buf_printf(&b, "%s:%d: %s", cfg->filename, cfg->line, msg);
	else
		buf_puts(&b, msg);
	errlist_add(cfg_errs, "%s", b.data);
	buf_free(&b);
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
	free(*out);
	*out = xstrdup(line);
	explicit_bzero(line, sizeof(line));
	return true;
}

/* The option table of the main config file. */
static cfg_opt_t config_opts[] = {
	CFG_STR("provider", NULL, CFGF_NONE),
	CFG_STR("url", NULL, CFGF_NONE),
	CFG_STR("tenant", NULL, CFGF_NONE),
	CFG_STR("user", NULL, CFGF_NONE),
	CFG_STR("client_id", NULL, CFGF_NONE),
	CFG_STR("password_file", NULL, CFGF_NONE),
	CFG_STR("client_secret_file", NULL, CFGF_NONE),
	CFG_STR("api_token_file", NULL, CFGF_NONE),
	CFG_STR("api_key_file", NULL, CFGF_NONE),
	CFG_STR("region", NULL, CFGF_NONE),
	CFG_STR_LIST("agents", NULL, CFGF_NONE),
	CFG_STR_LIST("queues", NULL, CFGF_NONE),
	CFG_FLOAT("interval", 0, CFGF_NODEFAULT),
	CFG_FLOAT("connect_timeout", 0, CFGF_NODEFAULT),
	CFG_FLOAT("timeout", 0, CFGF_NODEFAULT),
	CFG_FLOAT("rotate", 0, CFGF_NODEFAULT),
	CFG_FLOAT("retry_max", 0, CFGF_NODEFAULT),
	CFG_STR("log_file", NULL, CFGF_NONE),
	CFG_INT("max_body", 0, CFGF_NODEFAULT),
	CFG_BOOL("insecure", cfg_false, CFGF_NONE),
	CFG_STR("ca_file", NULL, CFGF_NONE),
	CFG_BOOL("gzip", cfg_true, CFGF_NONE),
	CFG_STR("api_dialect", "documented", CFGF_NONE),
	CFG_STR_LIST("layouts", NULL, CFGF_NONE),
	CFG_BOOL("no_color", cfg_false, CFGF_NONE),
	CFG_STR("ascii", "auto", CFGF_NONE),
	CFG_END()
};

/* A float option when the file sets it; checked to lie in [lo, hi]. */
static void take_float(cfg_t *c, const char *name, double lo, double hi,
		       double *dst, struct errlist *errs)
{
	if (cfg_size(c, name) == 0)
		return;
	double v = cfg_getfloat(c, name);
	if (v < lo || v > hi)
		errlist_add(errs, "%s: %s = %g is out of range (%g to %g)",
			    c->filename, name, v, lo, hi);
	else
		*dst = v;
}

/* Append the strings of list option name to *v. */
static void take_list(cfg_t *c, const char *name, char ***v, size_t *n)
{
	for (unsigned i = 0; i < cfg_size(c, name); i++) {
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = xstrdup(cfg_getnstr(c, name, i));
	}
}

/* Read every secret file the config names. */
static void take_secrets(cfg_t *c, struct config *cfg, struct errlist *errs)
{
	static const struct { const char *opt; size_t off; } files[] = {
		{ "password_file", offsetof(struct config, password) },
		{ "client_secret_file", offsetof(struct config, client_secret) },
		{ "api_token_file", offsetof(struct config, api_token) },
		{ "api_key_file", offsetof(struct config, api_key) },
	};

	for (size_t i = 0; i < WB_ARRAY_LEN(files); i++)
		if (cfg_getstr(c, files[i].opt))
			config_read_secret_file(cfg_getstr(c, files[i].opt),
				(char **)((char *)cfg + files[i].off), errs);
}

/* Copy what the parsed file says into cfg. */
static void config_take(struct config *cfg, cfg_t *c, struct errlist *errs)
{
	const char *dialect = cfg_getstr(c, "api_dialect");

	set_str(&cfg->provider, cfg_getstr(c, "provider"));
	set_str(&cfg->url, cfg_getstr(c, "url"));
	set_str(&cfg->tenant, cfg_getstr(c, "tenant"));
	set_str(&cfg->user, cfg_getstr(c, "user"));
	set_str(&cfg->client_id, cfg_getstr(c, "client_id"));
	set_str(&cfg->ca_file, cfg_getstr(c, "ca_file"));
	set_str(&cfg->ascii, cfg_getstr(c, "ascii"));
	take_float(c, "interval", 0.1, 3600, &cfg->interval, errs);
	take_float(c, "connect_timeout", 0.1, 600, &cfg->connect_timeout, errs);
	take_float(c, "timeout", 0.1, 3600, &cfg->timeout, errs);
	take_float(c, "rotate", 1, 86400, &cfg->rotate, errs);
	take_float(c, "retry_max", 0.1, 3600, &cfg->retry_max, errs);
	set_str(&cfg->log_file, cfg_getstr(c, "log_file"));
	if (cfg_size(c, "max_body"))
		cfg->max_body = cfg_getint(c, "max_body");
	cfg->insecure = cfg_getbool(c, "insecure");
	cfg->gzip = cfg_getbool(c, "gzip");
	cfg->color = !cfg_getbool(c, "no_color");
	if (strcmp(dialect, "documented") == 0)
		cfg->dialect = DIALECT_DOCUMENTED;
	else if (strcmp(dialect, "collection") == 0)
		cfg->dialect = DIALECT_COLLECTION;
	else
		errlist_add(errs, "%s: api_dialect \"%s\" is not documented or collection",
			    c->filename, dialect);
	set_str(&cfg->region, cfg_getstr(c, "region"));
	take_list(c, "layouts", &cfg->layouts, &cfg->nlayouts);
	take_list(c, "agents", &cfg->agents, &cfg->nagents);
	take_list(c, "queues", &cfg->queues, &cfg->nqueues);
	take_secrets(c, cfg, errs);
}

bool config_load(struct config *cfg, const char *path, bool required,
		 struct errlist *errs)
{
	size_t before = errs->n;
	struct stat st;
	cfg_t *c;
	int rc;

	if (stat(path, &st) != 0) {
		if (required || errno != ENOENT)
			errlist_add(errs, "%s: %s", path, strerror(errno));
		return !required && errno == ENOENT;
	}
	if (!file_private(path, S_IWGRP | S_IWOTH, "a config file", errs))
		return false;
	c = cfg_init(config_opts, CFGF_NONE);
	cfg_errs = errs;
	cfg_set_error_function(c, on_cfg_error);
	rc = cfg_parse(c, path);
	if (rc == CFG_FILE_ERROR)
		errlist_add(errs, "%s: %s", path, strerror(errno));
	else if (rc == CFG_SUCCESS)
		config_take(cfg, c, errs);
	cfg_free(c);
	set_str(&cfg->file, path);
	return errs->n == before;
}

void config_secrets_from_env(struct config *cfg)
{
	set_str(&cfg->password, getenv("WALLBOARD_PASSWORD"));
	set_str(&cfg->client_secret, getenv("WALLBOARD_CLIENT_SECRET"));
	set_str(&cfg->api_token, getenv("WALLBOARD_API_TOKEN"));
	set_str(&cfg->api_key, getenv("WALLBOARD_API_KEY"));
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
	free(cfg->file);
	free(cfg->provider);
	free(cfg->url);
	free(cfg->tenant);
	free(cfg->user);
	free(cfg->client_id);
	secret_free(cfg->password);
	secret_free(cfg->client_secret);
	secret_free(cfg->api_token);
	secret_free(cfg->api_key);
	free(cfg->region);
	strv_free(cfg->agents, cfg->nagents);
	strv_free(cfg->queues, cfg->nqueues);
	free(cfg->ca_file);
	free(cfg->ascii);
	free(cfg->log_file);
	strv_free(cfg->layouts, cfg->nlayouts);
	memset(cfg, 0, sizeof(*cfg));
}
