/*
 * provider.h - the data-source interface: the contract between whatever
 * produces statistics (a vendor's API over HTTP, the built-in simulator) and
 * the board that shows them.
 *
 * A provider is created from the config and the loaded layouts. It is driven
 * by the one event loop of the program: the loop asks it for file
 * descriptors to poll and the time it next needs to wake, and calls dispatch
 * when either comes. A provider never blocks and never draws. When it has a
 * complete new picture it offers it through take(); the board owns what it
 * takes. status() says, in words a supervisor understands, what the
 * connection is doing. release() starts giving back what the provider holds
 * on the server (a subscription); the loop keeps dispatching until status
 * reports CONN_CLOSED or its own deadline passes.
 *
 * Nothing vendor-specific crosses this interface: snapshots hold values as
 * text in the layout's column order, agent states in the core's words
 * (ready, not_ready, busy, after_call_work, logged_out).
 */
#ifndef WB_PROVIDER_H
#define WB_PROVIDER_H

#include <poll.h>
#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "layout/layout.h"
#include "snapshot.h"

struct config;

enum conn_state {
	CONN_STARTING,		/* nothing sent yet */
	CONN_AUTH,		/* logging in */
	CONN_SUBSCRIBING,	/* asking for the statistics */
	CONN_WAITING,		/* subscribed, no data yet */
	CONN_LIVE,		/* data is arriving */
	CONN_RETRYING,		/* a fault; trying again at retry_at */
	CONN_RELEASING,		/* giving back the subscription */
	CONN_CLOSED		/* done; nothing held on the server */
};

struct provider_status {
	enum conn_state state;
	/* what is wrong or happening; "" when all is well */
	char message[256];
	/* retrying cannot help without a change (bad login) */
	bool fatal;
	/* the last data lacks values that come a poll later */
	bool partial;
	unsigned faults;	/* faults seen since start */
	/* the same fault again, this many times in a row */
	unsigned repeats;
	unsigned malformed;	/* bodies refused as malformed since start */
	double retry_at;	/* CONN_RETRYING: now_mono() of the next try */
};

struct provider;

struct provider_ops {
	const char *name;
	/* Fill fds (at most max) with what to poll; return how many. */
	int (*pollfds)(struct provider *p, struct pollfd *fds, int max);
	/*
	 * The now_mono() time the provider next needs dispatch, or a large
	 * value.
	 */
	double (*next_wake)(struct provider *p);
	/* Do what is due: fds are those from pollfds with revents filled. */
	void (*dispatch)(struct provider *p, const struct pollfd *fds, int nfds,
			 double now);
	/* A new snapshot if one arrived since the last call, else NULL. */
	struct snapshot *(*take)(struct provider *p);
	void (*status)(struct provider *p, struct provider_status *st);
	/* Start releasing what is held on the server. */
	void (*release)(struct provider *p);
	void (*destroy)(struct provider *p);
};

struct provider {
	const struct provider_ops *ops;
};

/*
 * A data source: one line of the registry (src/providers/providers.def),
 * defined as source_<id> in its own folder. Nothing outside the folder
 * knows more of a source than this row.
 */
struct demo_view;
struct option_def;
struct source {
	const char *name;		/* as --provider and layouts name it */
	const char *summary;		/* one line for --help */
	const struct catalog *catalog;	/* the statistics it knows */
	/*
	 * Its own options (config keys, command line options) and the size
	 * of the struct their values live in (cfg->source).
	 */
	const struct option_def *options;
	size_t noptions;
	size_t settings_size;
	/* A provider for the layouts, or NULL with the reason in errs. */
	struct provider *(*open)(const struct config *cfg,
				 const struct layoutset *set,
				 struct errlist *errs);
	/* --check: what it will ask of the server, as text (malloc'd). */
	char *(*plan)(const struct config *cfg, const struct layoutset *set);
	/*
	 * --list-*: print what the server knows; 0, or 1 with one line in
	 * err. NULL when the API has no such lists; no_lists says why.
	 */
	int (*list)(const struct config *cfg, const char *what, FILE *out,
		    char *err, size_t errsz);
	const char *no_lists;
	/* The simulated centre answering as this source (--demo). */
	const struct demo_view *demo;
	/*
	 * Its poll interval when none is set, and the shortest worth asking
	 * for (0: the core's default, and any): a server whose data changes
	 * only so often gains nothing from faster polls but load. interval_why
	 * says why, for the warning a shorter interval gets.
	 */
	double interval;
	const char *interval_why;
};

/* The source of that name, or NULL. */
const struct source *source_find(const char *name);
/* The sources in registry order: the i-th, or NULL past the last. */
const struct source *source_at(size_t i);

/*
 * Open the provider the config names (or the simulator answering as that
 * provider when demo is set). On failure returns NULL with the reason in
 * errs.
 */
struct provider *provider_open(const struct config *cfg,
			       const struct layoutset *set, bool demo,
			       struct errlist *errs);

/* True when name is a data source this program knows. */
bool provider_known(const char *name);
/* The known data sources' names, ", "-separated, for messages. */
const char *provider_names(void);

/*
 * --check: what the provider will ask the server for, as text (a
 * subscription body, or the requests of a poll); malloc'd.
 */
char *provider_plan(const struct config *cfg, const struct layoutset *set);

/*
 * --list-*: print what the server knows (what: "teams", "services",
 * "agents", "dispositions"). 0, or 1 with one clear line in err.
 */
int provider_list(const struct config *cfg, const char *what, FILE *out,
		  char *err, size_t errsz);

const char *conn_state_name(enum conn_state s);

#endif
