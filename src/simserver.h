/*
 * simserver.h - the parts of wallboard-sim that every simulated API shares:
 * the server's state (users, settings, faults, counters), a request and its
 * reply, the route table's shape, and the helpers the API handlers use.
 * wallboard-sim.c holds the HTTP server, the Bright Pattern statsapi and the
 * control endpoints; simserver_8x8.c and simserver_genesys.c hold the other
 * platforms' APIs over the same simulated contact centre.
 *
 * Every handler runs with server.lock held.
 */
#ifndef WB_SIMSERVER_H
#define WB_SIMSERVER_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>

#include "sim/sim.h"
#include "util.h"

#if MHD_VERSION >= 0x00097002
typedef enum MHD_Result mhd_result;
#else
typedef int mhd_result;
#endif

#define BODY_MAX (1024 * 1024)	/* bigger request bodies get 413 */
/* The control path takes whole fault bodies (huge answers, 50,000 rows). */
#define CONTROL_BODY_MAX (32 * 1024 * 1024)
#define MAX_USERS 16
#define MAX_PATHS 64		/* distinct paths counted; the rest as "other" */
#define TOKEN_LEN 80

struct user {
	const char *name;
	char id[40];			/* user_id of the login answer */
	char token[TOKEN_LEN];		/* the one valid token, "" for none */
	double expires;			/* now_mono() when it stops working */
	bool cookie_login;		/* the token came from /statsapi/auth */
	char session[TOKEN_LEN];	/* JSESSIONID of that login */
	struct sim_sub *sub;		/* the active subscription */
	struct sim_gsub *gsub;		/* the Genesys one, when serving Genesys */
	int polls;			/* 204 answers given for it so far */
};

/* What the command line sets and /sim/control may change. */
struct settings {
	int max_subs;
	bool legacy_forbidden;
	double token_ttl;
	int first_data_delay;
	bool require_session;
	int max_columns, max_grids;
};

/* Faults to inject; counts of -1 last until reset. */
struct faults {
	char *fail_path;		/* NULL: any API path */
	char *fail_body;
	int fail_status, fail_count;
	int delay_ms, delay_count;
	int truncate, malformed, drop;
};

struct counter {
	char *key;
	long n;
};

struct server {
	pthread_mutex_t lock;
	struct sim *sim;
	const char *tenant, *password, *secret;
	const char *api_key;		/* Genesys x-api-key */
	struct user users[MAX_USERS];
	int nusers;
	struct settings set, set0;	/* now, and as started */
	struct faults f;
	struct counter paths[MAX_PATHS + 1];
	int npaths;
	long status_n[600];
	long connections, logins, tokens_issued, dropped;
	long subs_created, subs_deleted;
	long long bytes_sent;		/* API answer bodies, as sent (gzip'd or not) */
	bool verbose;
};

/* One request while its body arrives. */
struct request {
	struct MHD_Connection *conn;
	const char *method, *path;
	struct buf body;
	bool too_large;
	struct user *user;		/* once authenticated */
	bool by_cookie;
};

/* The answer to a request. */
struct reply {
	int status;
	char *body;			/* malloc'd; NULL for none */
	size_t len;
	const char *ctype;
	char *cookies[4];
	int ncookies;
	const char *allow;		/* 405: the method allowed */
	bool gzipped;			/* body is gzip: Content-Encoding */
};

extern struct server server;

/* Which requests a route takes, and what it asks of them first. */
enum guard { OPEN, TOKEN, LOOPBACK };

struct route {
	const char *method, *path;
	void (*fn)(struct request *, struct reply *);
	enum guard guard;
	bool prefix;		/* path is a prefix: the rest is an id */
};

/* The APIs wallboard-sim can serve (--api). */
struct api {
	const char *name;
	const struct route *routes;
	size_t nroutes;
	const char *const *prefixes;	/* its paths, where faults apply */
	/* The error answer of this API. */
	void (*error)(struct reply *rp, int status, const char *msg);
};

extern const struct api api_8x8, api_genesys;

/* A reply with a JSON body; takes the reference to v. */
void reply_json(struct reply *rp, int status, json_t *v);
/* A reply with a body that is already text (taken over). */
void reply_text(struct reply *rp, int status, char *body, const char *ctype);
/* The error answer of the API being served. */
void reply_api_error(struct reply *rp, int status, const char *msg);
/* A string member of a JSON object, NULL when absent or not a string. */
const char *json_str(json_t *o, const char *key);
/* The value of key in a urlencoded form (malloc'd), NULL when absent. */
char *form_get(const char *form, const char *key);
/* The user with this login name, or NULL. */
struct user *user_find(const char *name);
/* Issue a new token to u, which invalidates the previous one. */
void token_issue(struct user *u, bool oauth);
/* The user a request's token authenticates as, or NULL. */
struct user *authenticate(struct request *rq);
/* A data body spoiled by the truncate or malformed fault, if one is due. */
char *data_fault(char *body);
/* The user name and password of a Basic Authorization header (malloc'd
 * "user:password" split at the first colon), false when there is none. */
bool basic_credentials(struct request *rq, char **user, char **password);

#endif
