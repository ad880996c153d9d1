/*
 * options.c - the core's options as one table, and setting and freeing an
 * option's value the same way whether it came from the command line or the
 * config file. See options.h.
 */
#include "autoconf.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "options.h"
#include "providers/demo.h"
#include "state.h"
#include "util.h"

#define AT(field) offsetof(struct config, field)

static const char *const ascii_words[] = { "auto", "yes", "no", NULL };
static const char *const format_words[] = {
	"text", "json", "csv", "nagios", NULL
};

/* A state_map entry: "word=state", the state one of the table's. */
static bool state_map_check(const char *value, char *err, size_t errsz)
{
	struct state_map m = { 0 };
	bool ok = state_map_add(&m, value, err, errsz);

	state_map_free(&m);
	return ok;
}

/* --demo-time: a time of day, HH:MM. */
static bool demo_time_check(const char *value, char *err, size_t errsz)
{
	double secs;

	if (demo_time_parse(value, &secs))
		return true;
	snprintf(err, errsz, "\"%s\" is not a time of day HH:MM (00:00 to "
		 "23:59)", value);
	return false;
}

/*
 * on_alert: a program named by an absolute path (run without a shell or
 * a search of PATH), which may be run, and which nobody else can change:
 * it runs as the board's user.
 */
static bool program_check(const char *value, char *err, size_t errsz)
{
	struct stat st;

	if (value[0] != '/') {
		snprintf(err, errsz, "\"%s\" is not an absolute path (it is "
			 "run without a shell or a search of PATH)", value);
		return false;
	}
	if (stat(value, &st) != 0 || access(value, X_OK) != 0) {
		snprintf(err, errsz, "%s: %s", value, strerror(errno));
		return false;
	}
	if (!S_ISREG(st.st_mode) || (st.st_mode & (S_IWGRP | S_IWOTH)) ||
	    (st.st_uid != getuid() && st.st_uid != 0)) {
		snprintf(err, errsz, "%s: refusing a program that is not a "
			 "regular file of yours or root's that only its owner "
			 "can change", value);
		return false;
	}
	return true;
}

/*
 * The table. Seconds are fractions allowed; every range is the one place
 * it is written. Options only the command line has come first (the run's
 * mode), then the connection, then the board.
 */
const struct option_def options_core[] = {
	{
		.name = "config",
		.short_name = 'c',
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(file),
		.arg = "FILE",
		.help = "main config (default: "
			"$XDG_CONFIG_HOME/wallboard/wallboard.conf, then "
			"/etc/wallboard/wallboard.conf); options override it",
	},
	{
		.name = "layouts",
		.cli = "layout",
		.short_name = 'l',
		.type = OPT_LIST,
		.where = OPT_BOTH,
		.offset = AT(layouts),
		.count_offset = AT(nlayouts),
		.arg = "FILE",
		.help = "a layout file; repeatable; keys 1..9 in the order "
			"given",
	},
	{
		.name = "provider",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(provider),
		.arg = "NAME",
		.help = "the data source (see PROVIDERS below)",
	},
	{
		.name = "url",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(url),
		.arg = "URL",
		.help = "base URL of the statistics server, http:// or "
			"https://",
	},
	{
		.name = "tenant",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(tenant),
		.arg = "NAME",
		.help = "the tenant, as the data source names it",
	},
	{
		.name = "user",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(user),
		.arg = "NAME",
		.help = "login name; password from $WALLBOARD_PASSWORD or "
			"password_file",
	},
	{
		.name = "client_id",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(client_id),
		.arg = "ID",
		.help = "OAuth2 client credentials instead of a password; "
			"secret from $WALLBOARD_CLIENT_SECRET or "
			"client_secret_file",
	},
	{
		.name = "password_file",
		.type = OPT_SECRET,
		.where = OPT_FILE,
		.offset = AT(password),
		.env = "WALLBOARD_PASSWORD",
	},
	{
		.name = "client_secret_file",
		.type = OPT_SECRET,
		.where = OPT_FILE,
		.offset = AT(client_secret),
		.env = "WALLBOARD_CLIENT_SECRET",
	},
	{
		.name = "interval",
		.type = OPT_NUMBER,
		.where = OPT_BOTH,
		.offset = AT(interval),
		.def = "2",
		.min = 0.1,
		.max = 3600,
		.arg = "SEC",
		.help = "poll interval in seconds (fractions allowed)",
	},
	{
		.name = "rotate",
		.type = OPT_NUMBER,
		.where = OPT_BOTH,
		.offset = AT(rotate),
		.def = "20",
		.min = 1,
		.max = 86400,
		.arg = "SEC",
		.help = "seconds a layout stays on screen when rotating (given "
			"here, the board rotates)",
	},
	{
		.name = "connect_timeout",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(connect_timeout),
		.def = "5",
		.min = 0.1,
		.max = 600,
	},
	{
		.name = "timeout",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(timeout),
		.def = "15",
		.min = 0.1,
		.max = 3600,
	},
	{
		.name = "retry_max",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(retry_max),
		.def = "30",
		.min = 0.1,
		.max = 3600,
	},
	{
		.name = "max_body",
		.type = OPT_INTEGER,
		.where = OPT_FILE,
		.offset = AT(max_body),
		.def = "67108864",
		.min = 1024,
		.max = 1073741824,
	},
	{
		.name = "gzip",
		.type = OPT_FLAG,
		.where = OPT_FILE,
		.offset = AT(gzip),
		.def = "true",
	},
	{
		.name = "insecure",
		.type = OPT_FLAG,
		.where = OPT_FILE,
		.offset = AT(insecure),
		.def = "false",
	},
	{
		.name = "ca_file",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(ca_file),
		.arg = "FILE",
		.help = "CA bundle for verifying the server's certificate",
	},
	{
		.name = "log_file",
		.cli = "log",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(log_file),
		.arg = "FILE",
		.help = "append connection events (faults, recoveries) to FILE",
	},
	{
		.name = "demo",
		.type = OPT_FLAG,
		.where = OPT_CLI,
		.offset = AT(demo),
		.implied = "true",
		.help = "run against the built-in simulated contact centre",
	},
	{
		.name = "demo_time",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(demo_time),
		.arg = "HH:MM",
		.help = "with --demo: the simulated day starts at this time "
			"(default: a busy hour of the morning)",
		.check = demo_time_check,
	},
	{
		.name = "once",
		.type = OPT_FLAG,
		.where = OPT_CLI,
		.offset = AT(once),
		.implied = "true",
		.help = "print every panel of every layout as plain text, then "
			"exit",
	},
	{
		.name = "probe",
		.type = OPT_FLAG,
		.where = OPT_CLI,
		.offset = AT(probe),
		.implied = "true",
		.help = "log in, subscribe to every statistic the layouts use, "
			"report per column what the server sent (type, "
			"samples, unit, unknown words, refusals), release; "
			"exit 0 when everything arrived",
	},
	{
		.name = "check",
		.type = OPT_FLAG,
		.where = OPT_CLI,
		.offset = AT(check),
		.implied = "true",
		.help = "validate config and layouts, print what will be asked "
			"of the server, exit",
	},
	{
		.name = "kiosk",
		.type = OPT_FLAG,
		.where = OPT_CLI,
		.offset = AT(kiosk),
		.implied = "true",
		.help = "fullscreen wall mode: rotate layouts, no quit key",
	},
	{
		/*
		 * A wall is read-only unless the config says otherwise: a
		 * search or a zoom left on by someone passing would hide
		 * rows or panels from the whole room.
		 */
		.name = "kiosk_readonly",
		.type = OPT_FLAG,
		.where = OPT_FILE,
		.offset = AT(kiosk_readonly),
		.def = "true",
	},
	{
		.name = "no_color",
		.type = OPT_FLAG,
		.where = OPT_BOTH,
		.offset = AT(no_color),
		.def = "false",
		.implied = "true",
		.help = "no colours (thresholds still show as bold/reverse and "
			"! marks)",
	},
	{
		.name = "ascii",
		.type = OPT_CHOICE,
		.where = OPT_BOTH,
		.offset = AT(ascii),
		.def = "auto",
		.choices = ascii_words,
		.implied = "yes",
		.help = "ASCII borders and glyphs (config: auto, yes or no)",
	},
	{
		.name = "state_map",
		.type = OPT_LIST,
		.where = OPT_FILE,
		.offset = AT(state_map),
		.count_offset = AT(nstate_map),
		.check = state_map_check,
	},
	/* Once runs' output, breach alerts and the alert hook. */
	{
		.name = "format",
		.type = OPT_CHOICE,
		.where = OPT_CLI,
		.offset = AT(format),
		.def = "text",
		.choices = format_words,
		.arg = "FMT",
		.help = "with --once: text (default), json, csv, or nagios "
			"(one status line with performance data; exit 0 OK, 1 "
			"WARNING, 2 CRITICAL, 3 UNKNOWN)",
	},
	{
		.name = "alert_debounce",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(alert_debounce),
		.min = 0,
		.max = 3600,
	},
	{
		.name = "alert_clear",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(alert_clear),
		.def = "30",
		.min = 0,
		.max = 86400,
	},
	{
		.name = "alert_repeat",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(alert_repeat),
		.def = "60",
		.min = 0,
		.max = 86400,
	},
	{
		.name = "on_alert",
		.type = OPT_STRING,
		.where = OPT_FILE,
		.offset = AT(on_alert),
		.check = program_check,
	},
	{
		.name = "on_alert_timeout",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(on_alert_timeout),
		.def = "10",
		.min = 0.1,
		.max = 3600,
	},
	{
		.name = "on_alert_gap",
		.type = OPT_NUMBER,
		.where = OPT_FILE,
		.offset = AT(on_alert_gap),
		.def = "30",
		.min = 0,
		.max = 86400,
	},
	{
		.name = "record",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(record),
		.arg = "DIR",
		.help = "write every request and answer to DIR (a new "
			"directory), secrets removed",
	},
	{
		.name = "replay",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(replay),
		.arg = "DIR",
		.help = "play a recording back instead of a server (no server, "
			"tenant or credential needed)",
	},
	{
		.name = "replay_speed",
		.type = OPT_NUMBER,
		.where = OPT_CLI,
		.offset = AT(replay_speed),
		.def = "1",
		.min = 0.01,
		.max = 10000,
		.arg = "N",
		.help = "with --replay: play N times faster than recorded",
	},
	{
		.name = "list_teams",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(list),
		.implied = "teams",
		.help = "print the server's teams and exit",
	},
	{
		.name = "list_services",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(list),
		.implied = "services",
		.help = "print the server's services and exit",
	},
	{
		.name = "list_agents",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(list),
		.implied = "agents",
		.help = "print the server's agents and exit",
	},
	{
		.name = "list_dispositions",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(list),
		.implied = "dispositions",
		.help = "print the server's dispositions and exit",
	},
	{
		.name = "list_stats",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(list),
		.implied = "stats",
		.help = "print the provider's statistics (name, kind, unit, "
			"panel types) and exit",
	},
	/*
	 * The fleet: a publisher and its screens through a broker
	 * (doc/fleet.md).
	 */
	{
		.name = "publish",
		.type = OPT_STRING,
		.where = OPT_CLI,
		.offset = AT(publish),
		.arg = "URL",
		.help = "headless publisher: poll the source once for the "
			"whole floor and publish every layout's data to an "
			"MQTT broker (mqtt://HOST[:PORT]/PREFIX, mqtts:// for "
			"TLS)",
	},
	{
		.name = "from",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(from),
		.arg = "URL",
		.help = "a data source that reads what a publisher publishes "
			"(mqtt[s]://HOST[:PORT]/PREFIX); with no -l, its "
			"layouts",
	},
	{
		.name = "mqtt_user",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(mqtt_user),
		.arg = "NAME",
		.help = "the broker's login name; password from "
			"$WALLBOARD_MQTT_PASSWORD or mqtt_password_file",
	},
	{
		.name = "mqtt_password_file",
		.type = OPT_SECRET,
		.where = OPT_FILE,
		.offset = AT(mqtt_password),
		.env = "WALLBOARD_MQTT_PASSWORD",
	},
	{
		.name = "mqtt_ca_file",
		.cli = "mqtt_ca",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(mqtt_ca_file),
		.arg = "FILE",
		.help = "CA bundle for verifying the broker's certificate "
			"(mqtts://)",
	},
	{
		.name = "mqtt_client_id",
		.type = OPT_STRING,
		.where = OPT_BOTH,
		.offset = AT(mqtt_client_id),
		.arg = "ID",
		.help = "the MQTT client id (default: "
			"wallboard-pub|screen-HOST-PID); unique per process",
	},
	{
		.name = "mqtt_keepalive",
		.type = OPT_INTEGER,
		.where = OPT_BOTH,
		.offset = AT(mqtt_keepalive),
		.def = "10",
		.min = 5,
		.max = 3600,
		.arg = "SEC",
		.help = "MQTT keep-alive: a publisher that vanishes is "
			"declared down within 1.5 times this",
	},
	{
		.name = "log_updates",
		.type = OPT_FLAG,
		.where = OPT_BOTH,
		.offset = AT(log_updates),
		.def = "false",
		.implied = "true",
		.help = "with --from and --log: a line for every update taken, "
			"with its delay after the publisher's data time",
	},
	{
		.name = "help",
		.short_name = 'h',
		.type = OPT_FLAG,
		.where = OPT_CLI,
		.offset = AT(help),
		.implied = "true",
		.help = "this help",
	},
	{
		.name = "version",
		.short_name = 'V',
		.type = OPT_FLAG,
		.where = OPT_CLI,
		.offset = AT(version),
		.implied = "true",
		.help = "the version",
	},
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

	if (o->check && !o->check(text, err, errsz))
		return false;
	switch (o->type) {
	case OPT_FLAG:
		if (!parse_flag(text, &b)) {
			snprintf(err, errsz, "\"%s\" is not true or false",
				 text);
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
