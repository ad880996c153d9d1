/*
 * config.h - the settings of a run: the command line, the config file
 * and the environment, read in that order of precedence (the command line
 * over the environment over the file over the defaults) through the one
 * table of options (options.h). Secrets (password, client secret, a
 * source's tokens) come only from the environment or from a file only its
 * owner can read; they are held here and never printed.
 */
#ifndef WB_CONFIG_H
#define WB_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* ascii: ASCII borders and glyphs. */
enum { ASCII_AUTO, ASCII_YES, ASCII_NO };
/* format: what a once run prints (output/). */
enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV, FORMAT_NAGIOS };

struct config {
	/* the run (command line only) */
	char *file;		/* the config file read, or NULL */
	bool demo, once, check, probe, kiosk, help, version;
	/* --list-*: "teams", "services", ... or NULL */
	char *list;
	/* --demo-time HH:MM, or NULL: a busy morning */
	char *demo_time;
	/* the data source */
	char *provider;		/* its name in the registry */
	void *source;		/* its own settings (the source's options) */
	char *url;		/* base URL, http:// or https:// */
	char *tenant;		/* tenant_url / OAuth scope / tenant name */
	char *user;		/* login name for a password login */
	char *client_id;	/* OAuth2 client id */
	char *password;		/* secret */
	char *client_secret;	/* secret */
	double interval;	/* poll interval, seconds */
	double connect_timeout;	/* seconds */
	double timeout;		/* whole request, seconds */
	/* the longest wait between retries after a fault */
	double retry_max;
	long max_body;		/* bytes; a larger response is refused */
	bool insecure;		/* skip TLS verification (warned) */
	char *ca_file;		/* CA bundle for TLS */
	bool gzip;		/* accept compressed responses */
	/* the board */
	char **layouts;		/* layout files */
	size_t nlayouts;
	double rotate;		/* seconds per layout in rotation */
	bool rotate_given;	/* --rotate: rotate even out of kiosk mode */
	/* kiosk mode: no search, no zoom (the default) */
	bool kiosk_readonly;
	/* connection events are appended here, or NULL */
	char *log_file;
	bool no_color;		/* no_color = true or --no-color */
	int ascii;		/* ASCII_AUTO, ASCII_YES or ASCII_NO */
	/* a server's words for states: "Pausa=not_ready" */
	char **state_map;
	size_t nstate_map;
	/* the fleet (doc/fleet.md) */
	/* --publish mqtt[s]://HOST[:PORT]/PREFIX, or NULL */
	char *publish;
	/* --from mqtt[s]://HOST[:PORT]/PREFIX, or NULL */
	char *from;
	char *mqtt_user;	/* the broker's login name */
	char *mqtt_password;	/* secret */
	char *mqtt_ca_file;	/* CA bundle for mqtts:// */
	char *mqtt_client_id;	/* NULL: one made of the role, host and pid */
	long mqtt_keepalive;	/* seconds */
	/* a --log line for every update a screen takes */
	bool log_updates;
	/* --interval or interval: not the publisher's */
	bool interval_given;
	/* once runs' output; breach alerts and their hook (alert.h, hook.h) */
	int format;		/* FORMAT_TEXT ... */
	double alert_debounce;	/* seconds; unset: a poll and a half */
	/* seconds short of the level before clearing */
	double alert_clear;
	double alert_repeat;	/* seconds between rings; 0: once */
	char *on_alert;		/* the hook program (config only), or NULL */
	double on_alert_timeout;	/* seconds before a run is killed */
	double on_alert_gap;	/* seconds between runs for one alert */
	/* recordings (net/record.h, net/replay.h) */
	char *record;		/* --record DIR, or NULL */
	char *replay;		/* --replay DIR, or NULL */
	/* --replay-speed N: N times the recorded pace */
	double replay_speed;
};

/*
 * Read the command line, the config file (-c FILE, else the default
 * path; none under --demo) and the environment into cfg. False with
 * every error in errs ("file:line: ..." where a file is at fault);
 * warnings (an option of another data source, ignored) go to warns.
 * --help and --version only set their flags.
 */
bool config_load(struct config *cfg, int argc, char **argv,
		 struct errlist *errs, struct errlist *warns);

/* --help: every option of the table, and of every data source. */
void config_usage(FILE *out);

/*
 * Read a secret from a file: the first line, refused (false, errs) when the
 * file can be read or written by group or others.
 */
bool config_read_secret_file(const char *path, char **out,
			     struct errlist *errs);

/* True when cfg holds a secret (a password, a token, a key). */
bool config_holds_secret(const struct config *cfg);
/* The secrets cfg holds (at most max), for scrubbing messages; the count. */
size_t config_secrets(const struct config *cfg, const char **out, size_t max);

/*
 * The names of the credential settings cfg holds (tenant, user, client_id
 * and every secret's config key), at most max; the count. Names only:
 * a recording's manifest says which a session had.
 */
size_t config_credentials(const struct config *cfg, const char **out,
			  size_t max);

/* The default config path ($XDG_CONFIG_HOME/..., then /etc/...), or NULL. */
char *config_default_path(void);

void config_free(struct config *cfg);

#endif
