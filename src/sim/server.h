/*
 * server.h - wallboard-sim: the simulated contact centre served over HTTP
 * as any source's API, for tests and demos.
 *
 * What every simulated API shares lives here: the server's state (users,
 * settings, faults, counters), a request and its reply, the route table's
 * shape, and the helpers the API handlers use. server.c is the HTTP
 * server, control.c the loopback-only /sim/ endpoints (faults, counters),
 * main.c the command line; each source's API is its routes.c
 * (src/providers/<name>/routes.c), one line of the registry
 * (src/providers/providers.def) each.
 *
 * Every handler runs with server.lock held.
 */
#ifndef WB_SIMSERVER_H
#define WB_SIMSERVER_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <sys/socket.h>
#include <stdbool.h>

#include "sim/sim.h"
#include "util.h"

#if MHD_VERSION >= 0x00097002
typedef enum MHD_Result mhd_result;
#else
typedef int mhd_result;
/* The /sim/ endpoints (control.c), whatever API is served. */
extern const struct route control_routes[];
extern const size_t ncontrol_routes;
/* Every fault cleared, every setting as started. */
void control_reset(void);

/* Start serving on the address (HTTPS with PEM cert and key), or NULL. */
struct MHD_Daemon *server_start(const struct sockaddr_storage *ss,
				char *cert, char *key);
/* The port a started server listens on. */
int server_port(struct MHD_Daemon *d);
/* The address to listen on, with the port; false when it is not numeric. */
bool server_address(const char *addr, long port, struct sockaddr_storage *ss);
/* Free what the server holds, at exit. */
void server_free(void);

#endif

#define BODY_MAX (1024 * 1024)	/* bigger request bodies get 413 */
/* The control path takes whole fault bodies (huge answers, 50,000 rows). */
#define CONTROL_BODY_MAX (32 * 1024 * 1024)
#define MAX_USERS 16
#define MAX_PATHS 64 /* distinct paths counted; the rest as "other" */
#define TOKEN_LEN 80

struct user {
	const char *name;
	char id[40];			/* user_id of the login answer */
	char token[TOKEN_LEN];		/* the one valid token, "" for none */
	double expires;			/* now_mono() when it stops working */
	/* the token came from a password login (cookies) */
	bool cookie_login;
	char session[TOKEN_LEN];	/* JSESSIONID of that login */
	/* the active subscription (the API's) */
	void *sub;
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
	/* seconds for a Retry-After header; 0: none */
	int fail_retry_after;
	char *delay_path;		/* NULL: any API path */
	int delay_ms, delay_count;
	int truncate, malformed, drop;
	/* new cookies set with every API answer */
	int cookie_flood;
	/* bytes of an extra header in every API answer */
	int big_header;
	/*
	 * A deployment of its own (control.c): statistics beyond the API's
	 * catalogue ({"name": value}), refused (["name"]), or opened but
	 * answered as errors (["name"]); NULL: none. api_key_only: the API
	 * key alone authenticates, no token is asked.
	 */
	json_t *extra_stats, *refuse_stats, *error_stats;
	bool api_key_only;
	/*
	 * A server that follows its API's text strictly (an API's routes.c
	 * reads them): undocumented endpoints answer 404 and undocumented
	 * words are refused; a login sets no cookie; login cookies have
	 * this Path ("" for "/"), as behind a proxy that moved them.
	 */
	bool documented_only;
	bool no_cookie;
	char cookie_path[64];
};

struct counter {
	char *key;
	long n;
};

struct server {
	pthread_mutex_t lock;
	struct sim *sim;
	const char *tenant, *password, *secret;
	const char *api_key;		/* the API key of APIs that use one */
	struct user users[MAX_USERS];
	int nusers;
	const struct sim_api *api;	/* the API served */
	struct settings set, set0;	/* now, and as started */
	struct faults f;
	struct counter paths[MAX_PATHS + 1];
	int npaths;
	long status_n[600];
	long connections, logins, tokens_issued, dropped;
	long subs_created, subs_deleted;
	long cookies_set;		/* by cookie_flood */
	long cookies_most;		/* the most cookies one request sent */
	/* requests with an X-Injected header */
	long injected;
	/* API answer bodies, as sent (gzip'd or not) */
	long long bytes_sent;
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
	/* seconds for a Retry-After header; 0: none */
	int retry_after;
	/* new cookies to set (cookie_flood) ... */
	int flood;
	long flood_base;		/* ... numbered from here */
	bool gzipped;			/* body is gzip: Content-Encoding */
	int delay_ms;			/* wait this long before answering */
	bool drop;			/* close the connection: no answer */
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

/*
 * An API wallboard-sim can serve (--api NAME): simapi_<id> of a source
 * of the registry, defined in its routes.c.
 */
struct sim_api {
	const char *name;
	const struct route *routes;
	size_t nroutes;
	const char *const *prefixes;	/* its paths, where faults apply */
	/* The error answer of this API. */
	void (*error)(struct reply *rp, int status, const char *msg);
	/* The cookie a token may come in instead of Authorization, or NULL. */
	const char *token_cookie;
	/*
	 * With the token from a cookie: do the other cookies agree? (NULL:
	 * yes)
	 */
	bool (*cookies_agree)(struct request *rq, const struct user *u);
	/* Free a user's subscription. */
	void (*sub_free)(void *sub);
};

/* The API of that name, or NULL; name NULL: the default (the first). */
const struct sim_api *sim_api_find(const char *name);
/* The names of every API, ", "-separated, for messages. */
const char *sim_api_names(void);

/* A reply with a JSON body; takes the reference to v. */
void reply_json(struct reply *rp, int status, json_t *v);
/* A reply with a body that is already text (taken over). */
void reply_text(struct reply *rp, int status, char *body, const char *ctype);
/* The error answer of the API being served. */
void reply_api_error(struct reply *rp, int status, const char *msg);
/*
 * {"error_code": code, "error_message": msg}: the /sim/ endpoints' error
 * answer (and the Bright Pattern API's); a message that is not UTF-8 goes
 * out with its other bytes as '?'.
 */
void reply_error(struct reply *rp, int status, int code, const char *msg);
/* A random token: a lowercase UUID, or 64 uppercase hex digits for OAuth. */
void token_new(char *out, bool oauth);
/* True when a tenant URL names our tenant (with or without scheme, slash). */
bool tenant_matches(const char *url);
/* Subscriptions active in the tenant, not counting except's. */
int active_subs(const struct user *except);
/* A string member of a JSON object, NULL when absent or not a string. */
const char *json_str(json_t *o, const char *key);
/*
 * The value of key in the request's form body (urlencoded, decoded by
 * libmicrohttpd's post processor; malloc'd), NULL when absent or when the
 * body is not a form.
 */
char *form_get(struct request *rq, const char *key);
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

/*
 * --replay DIR (replay.c): a recording served instead of the simulated
 * API. Load it (the API served becomes the recording's source); false
 * with the reasons in errs.
 */
bool sim_replay_load(const char *dir, double speed, struct errlist *errs);
/* True while a recording is served. */
bool sim_replaying(void);
/* The recording's answer to a request of the API. */
void sim_replay_route(struct request *rq, struct reply *rp);
void sim_replay_free(void);

/* The /sim/ endpoints (control.c), whatever API is served. */
extern const struct route control_routes[];
extern const size_t ncontrol_routes;
/* Every fault cleared, every setting as started. */
void control_reset(void);

/* Start serving on the address (HTTPS with PEM cert and key), or NULL. */
struct MHD_Daemon *server_start(const struct sockaddr_storage *ss,
				char *cert, char *key);
/* The port a started server listens on. */
int server_port(struct MHD_Daemon *d);
/* The address to listen on, with the port; false when it is not numeric. */
bool server_address(const char *addr, long port, struct sockaddr_storage *ss);
/* Free what the server holds, at exit. */
void server_free(void);

#endif
