/*
 * config.h - the main configuration: where the statistics server is, how to
 * log in, how often to poll, which layouts to load. Read from a libconfuse
 * file, then overridden by command-line options. Secrets (password, client
 * secret) come only from the environment or from a file only its owner can
 * read; they are held here and never printed.
 */
#ifndef WB_CONFIG_H
#define WB_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum api_dialect {
	DIALECT_DOCUMENTED,	/* stat_name, order_by/order_dir, filter_by... */
	DIALECT_COLLECTION	/* the vendor's collection: statName, order[], team_ids... */
};

struct config {
	char *file;		/* the file read, or NULL */
	char *provider;		/* "brightpattern", "8x8" or "genesys" */
	char *url;		/* base URL, http:// or https:// */
	char *tenant;		/* tenant_url / OAuth scope */
	char *user;		/* login name for the password login */
	char *client_id;	/* OAuth2 client id (the user's login name) */
	char *password;		/* secret */
	char *client_secret;	/* secret */
	char *api_token;	/* secret: 8x8's data request token */
	char *api_key;		/* secret: Genesys's x-api-key */
	char *region;		/* 8x8: the tenant's region (na1 ... uk), for url */
	char **agents;		/* object ids of agent rows where the API lists none */
	size_t nagents;
	char **queues;		/* object ids of service rows likewise */
	size_t nqueues;
	double interval;	/* poll interval, seconds */
	double connect_timeout;	/* seconds */
	double timeout;		/* whole request, seconds */
	double rotate;		/* seconds per layout in rotation */
	double retry_max;	/* the longest wait between retries after a fault */
	char *log_file;		/* connection events are appended here, or NULL */
	long max_body;		/* bytes; a larger response is refused */
	bool insecure;		/* skip TLS verification (warned) */
	char *ca_file;		/* CA bundle for TLS */
	bool gzip;		/* accept compressed responses */
	enum api_dialect dialect;
	char **layouts;		/* layout files from the config */
	size_t nlayouts;
	bool color;		/* false with no_color = true or NO_COLOR */
	char *ascii;		/* "auto", "yes", "no": ASCII borders */
};

/* Defaults only (no file read). */
void config_defaults(struct config *cfg);

/*
 * Read path into cfg. required: a missing file is an error (given with -c);
 * otherwise a missing file is fine. Errors go to errs as "file:line: ...".
 * Also reads password_file / client_secret_file, refusing one that others
 * can read, and refuses a config file others can write.
 */
bool config_load(struct config *cfg, const char *path, bool required,
		 struct errlist *errs);

/* Take secrets from WALLBOARD_PASSWORD, WALLBOARD_CLIENT_SECRET,
 * WALLBOARD_API_TOKEN and WALLBOARD_API_KEY when set. */
void config_secrets_from_env(struct config *cfg);

/*
 * Read a secret from a file: the first line, refused (false, errs) when the
 * file can be read or written by group or others.
 */
bool config_read_secret_file(const char *path, char **out, struct errlist *errs);

/* The default config path ($XDG_CONFIG_HOME/..., then /etc/...), or NULL. */
char *config_default_path(void);

void config_free(struct config *cfg);

#endif
