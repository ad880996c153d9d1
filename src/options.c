/*
 * options.c - the core's options as one table, and setting and freeing an
 * option's value the same way whether it came from the command line or the
 * config file. See options.h.
 */
#include "autoconf.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "options.h"
#include "util.h"

#define AT(field) offsetof(struct config, field)

static const char *const ascii_words[] = { "auto", "yes", "no", NULL };

/*
 * The table. Seconds are fractions allowed; every range is the one place
 * it is written. Options only the command line has come first (the run's
 * mode), then the connection, then the board.
 */
const struct option_def options_core[] = {
	{ "config", NULL, 'c', OPT_STRING, OPT_CLI, AT(file), 0, NULL, 0, 0,
	  NULL, NULL, NULL, "FILE", "main config (default: $XDG_CONFIG_HOME/"
	  "wallboard/wallboard.conf, then /etc/wallboard/wallboard.conf); "
	  "options override it" },
	{ "layouts", "layout", 'l', OPT_LIST, OPT_BOTH, AT(layouts), AT(nlayouts),
	  NULL, 0, 0, NULL, NULL, NULL, "FILE", "a layout file; repeatable; keys "
	  "1..9 in the order given" },
	{ "provider", NULL, 0, OPT_STRING, OPT_BOTH, AT(provider), 0, NULL, 0, 0,
	  NULL, NULL, NULL, "NAME", "the data source (see PROVIDERS below)" },
	{ "url", NULL, 0, OPT_STRING, OPT_BOTH, AT(url), 0, NULL, 0, 0, NULL,
	  NULL, NULL, "URL", "base URL of the statistics server, http:// or "
	  "https://" },
	{ "tenant", NULL, 0, OPT_STRING, OPT_BOTH, AT(tenant), 0, NULL, 0, 0,
	  NULL, NULL, NULL, "NAME", "the tenant, as the data source names it" },
	{ "user", NULL, 0, OPT_STRING, OPT_BOTH, AT(user), 0, NULL, 0, 0, NULL,
	  NULL, NULL, "NAME", "login name; password from $WALLBOARD_PASSWORD or "
	  "password_file" },
	{ "client_id", NULL, 0, OPT_STRING, OPT_BOTH, AT(client_id), 0, NULL, 0,
	  0, NULL, NULL, NULL, "ID", "OAuth2 client credentials instead of a "
	  "password; secret from $WALLBOARD_CLIENT_SECRET or client_secret_file" },
	{ "password_file", NULL, 0, OPT_SECRET, OPT_FILE, AT(password), 0, NULL,
	  0, 0, NULL, NULL, "WALLBOARD_PASSWORD", NULL, NULL },
	{ "client_secret_file", NULL, 0, OPT_SECRET, OPT_FILE, AT(client_secret),
	  0, NULL, 0, 0, NULL, NULL, "WALLBOARD_CLIENT_SECRET", NULL, NULL },
	{ "interval", NULL, 0, OPT_NUMBER, OPT_BOTH, AT(interval), 0, "2", 0.1,
	  3600, NULL, NULL, NULL, "SEC", "poll interval in seconds (fractions "
	  "allowed)" },
	{ "rotate", NULL, 0, OPT_NUMBER, OPT_BOTH, AT(rotate), 0, "20", 1, 86400,
	  NULL, NULL, NULL, "SEC", "seconds a layout stays on screen when "
	  "rotating (given here, the board rotates)" },
	{ "connect_timeout", NULL, 0, OPT_NUMBER, OPT_FILE, AT(connect_timeout),
	  0, "5", 0.1, 600, NULL, NULL, NULL, NULL, NULL },
	{ "timeout", NULL, 0, OPT_NUMBER, OPT_FILE, AT(timeout), 0, "15", 0.1,
	  3600, NULL, NULL, NULL, NULL, NULL },
	{ "retry_max", NULL, 0, OPT_NUMBER, OPT_FILE, AT(retry_max), 0, "30",
	  0.1, 3600, NULL, NULL, NULL, NULL, NULL },
	{ "max_body", NULL, 0, OPT_INTEGER, OPT_FILE, AT(max_body), 0, "67108864",
	  1024, 1073741824, NULL, NULL, NULL, NULL, NULL },
	{ "gzip", NULL, 0, OPT_FLAG, OPT_FILE, AT(gzip), 0, "true", 0, 0, NULL,
	  NULL, NULL, NULL, NULL },
	{ "insecure", NULL, 0, OPT_FLAG, OPT_FILE, AT(insecure), 0, "false", 0, 0,
	  NULL, NULL, NULL, NULL, NULL },
	{ "ca_file", NULL, 0, OPT_STRING, OPT_BOTH, AT(ca_file), 0, NULL, 0, 0,
	  NULL, NULL, NULL, "FILE", "CA bundle for verifying the server's "
	  "certificate" },
	{ "log_file", "log", 0, OPT_STRING, OPT_BOTH, AT(log_file), 0, NULL, 0, 0,
	  NULL, NULL, NULL, "FILE", "append connection events (faults, "
	  "recoveries) to FILE" },
	{ "demo", NULL, 0, OPT_FLAG, OPT_CLI, AT(demo), 0, NULL, 0, 0, NULL,
	  "true", NULL, NULL, "run against the built-in simulated contact centre" },
	{ "once", NULL, 0, OPT_FLAG, OPT_CLI, AT(once), 0, NULL, 0, 0, NULL,
	  "true", NULL, NULL, "print every panel of every layout as plain text, "
	  "then exit" },
	{ "check", NULL, 0, OPT_FLAG, OPT_CLI, AT(check), 0, NULL, 0, 0, NULL,
	  "true", NULL, NULL, "validate config and layouts, print what will be "
	  "asked of the server, exit" },
	{ "kiosk", NULL, 0, OPT_FLAG, OPT_CLI, AT(kiosk), 0, NULL, 0, 0, NULL,
	  "true", NULL, NULL, "fullscreen wall mode: rotate layouts, no quit key" },
	{ "no_color", NULL, 0, OPT_FLAG, OPT_BOTH, AT(no_color), 0, "false", 0, 0,
	  NULL, "true", NULL, NULL, "no colours (thresholds still show as "
	  "bold/reverse and ! marks)" },
	{ "ascii", NULL, 0, OPT_CHOICE, OPT_BOTH, AT(ascii), 0, "auto", 0, 0,
	  ascii_words, "yes", NULL, NULL, "ASCII borders and glyphs (config: "
	  "auto, yes or no)" },
	{ "list_teams", NULL, 0, OPT_STRING, OPT_CLI, AT(list), 0, NULL, 0, 0,
	  NULL, "teams", NULL, NULL, "print the server's teams and exit" },
	{ "list_services", NULL, 0, OPT_STRING, OPT_CLI, AT(list), 0, NULL, 0, 0,
	  NULL, "services", NULL, NULL, "print the server's services and exit" },
	{ "list_agents", NULL, 0, OPT_STRING, OPT_CLI, AT(list), 0, NULL, 0, 0,
	  NULL, "agents", NULL, NULL, "print the server's agents and exit" },
	{ "list_dispositions", NULL, 0, OPT_STRING, OPT_CLI, AT(list), 0, NULL,
	  0, 0, NULL, "dispositions", NULL, NULL, "print the server's "
	  "dispositions and exit" },
	{ "help", NULL, 'h', OPT_FLAG, OPT_CLI, AT(help), 0, NULL, 0, 0, NULL,
	  "true", NULL, NULL, "this help" },
	{ "version", NULL, 'V', OPT_FLAG, OPT_CLI, AT(version), 0, NULL, 0, 0,
	  NULL, "true", NULL, NULL, "the version" },
};

const size_t options_ncore = WB_ARRAY_LEN(options_core);

const char *option_cli_name(const struct option_def *o, char *buf, size_t size)
{
	snprintf(buf, size, "%s", o->cli ? o->cli : o->name);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = '-';
	return buf;
}

const char *option_choices(const struct option_def *o, char *buf, size_t size)
{
	size_t n = 0, used = 0;

	buf[0] = '\0';
	while (o->choices && o->choices[n])
		n++;
	for (size_t i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s",
				 i == 0 ? "" : i + 1 == n ? " or " : ", ",
				 o->choices[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* A boolean as people write it; false when it is none. */
static bool parse_flag(const char *s, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };

	for (size_t i = 0; i < WB_ARRAY_LEN(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* A number within the option's range, or the reason why not. */
static bool parse_in_range(const struct option_def *o, const char *text,
			   double *v, char *err, size_t errsz)
{
	if (!parse_double(text, v) || !isfinite(*v) ||
	    (o->type == OPT_INTEGER && *v != floor(*v))) {
		snprintf(err, errsz, "\"%s\" is not a %s", text,
			 o->type == OPT_INTEGER ? "whole number" : "number");
		return false;
	}
	if (*v < o->min || *v > o->max) {
		snprintf(err, errsz, "%s is out of range (%g to %g)", text,
			 o->min, o->max);
		return false;
	}
	return true;
}

/* Replace the string at p with a copy of text (a secret is wiped). */
static void set_string(char **p, const char *text, bool secret)
{
	if (secret)
		secret_free(*p);
	else
		free(*p);
	*p = xstrdup(text);
}

bool option_set(const struct option_def *o, void *base, const char *text,
		char *err, size_t errsz)
{
	char *at = (char *)base + o->offset, buf[160];
	double v;
	bool b;

	switch (o->type) {
	case OPT_FLAG:
		if (!parse_flag(text, &b)) {
			snprintf(err, errsz, "\"%s\" is not true or false", text);
			return false;
		}
		*(bool *)(void *)at = b;
		return true;
	case OPT_STRING:
		set_string((char **)(void *)at, text, false);
		return true;
	case OPT_SECRET:
		set_string((char **)(void *)at, text, true);
		return true;
	case OPT_NUMBER:
		if (!parse_in_range(o, text, &v, err, errsz))
			return false;
		*(double *)(void *)at = v;
		return true;
	case OPT_INTEGER:
		if (!parse_in_range(o, text, &v, err, errsz))
			return false;
		*(long *)(void *)at = (long)v;
		return true;
	case OPT_CHOICE:
		for (int i = 0; o->choices[i]; i++)
			if (strcasecmp(o->choices[i], text) == 0) {
				*(int *)(void *)at = i;
				return true;
			}
		snprintf(err, errsz, "\"%s\" is not %s", text,
			 option_choices(o, buf, sizeof(buf)));
		return false;
	case OPT_LIST: {
		char ***list = (char ***)(void *)at;
		size_t *n = (size_t *)(void *)((char *)base + o->count_offset);
		*list = xreallocarray(*list, *n + 1, sizeof(**list));
		(*list)[(*n)++] = xstrdup(text);
		return true;
	}
	}
	return false;
}

void option_free(const struct option_def *o, void *base)
{
	char *at = (char *)base + o->offset;

	switch (o->type) {
	case OPT_STRING:
		free(*(char **)(void *)at);
		*(char **)(void *)at = NULL;
		break;
	case OPT_SECRET:
		secret_free(*(char **)(void *)at);
		*(char **)(void *)at = NULL;
		break;
	case OPT_LIST: {
		size_t *n = (size_t *)(void *)((char *)base + o->count_offset);
		strv_free(*(char ***)(void *)at, *n);
		*(char ***)(void *)at = NULL;
		*n = 0;
		break;
	}
	default:
		break;
	}
}
