/*
 * mqtt.h - a small MQTT client for the one poll(2) loop, over libmosquitto.
 *
 * The fleet (a publisher and its screens, doc/fleet.md) talks through an
 * MQTT broker. This client is driven like a data source (provider.h): the
 * loop asks it for its descriptor and the time it next needs a turn, and
 * calls dispatch when either comes. It never blocks and starts no thread
 * (libmosquitto's own loop thread is never used): the socket is read and
 * written when poll says so, keep-alive pings go out from dispatch.
 *
 * It connects by itself and, when the broker goes away or refuses it,
 * reconnects with a backoff that doubles up to retry_max, with jitter so
 * thirty screens do not knock at once. Every (re)connection is announced
 * to the owner (on_connect), who subscribes and publishes what it must
 * again: a clean session each time, so nothing depends on the broker
 * remembering a client.
 *
 * mqtts:// verifies the broker's certificate and name by default, against
 * the system's CAs or the CA file given. The password never leaves the
 * client but in the CONNECT packet; no message here quotes it.
 */
#ifndef WB_FLEET_MQTT_H
#define WB_FLEET_MQTT_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

/* mqtt[s]://HOST[:PORT]/PREFIX, as --publish and --from take it. */
struct mqtt_url {
	bool tls;
	char *host;
	int port;		/* 1883, or 8883 for mqtts, unless given */
	char *prefix;		/* the topic prefix, without a trailing '/' */
};

/*
 * Read url into u. False with the reason in err: not mqtt:// or
 * mqtts://, no host, a bad port, no prefix, or a prefix with MQTT's
 * wildcards (+, #), an empty level or a control character.
 */
bool mqtt_url_parse(const char *url, struct mqtt_url *u, char *err,
		    size_t errsz);
void mqtt_url_free(struct mqtt_url *u);

/* How to connect. Strings are copied; NULLs are "none". */
struct mqtt_opts {
	const struct mqtt_url *url;
	const char *client_id;	/* NULL: "wallboard-<role>-<host>-<pid>" */
	const char *role;	/* "pub" or "screen", for the default id */
	const char *user;
	const char *password;
	const char *ca_file;	/* NULL: the system's CAs */
	int keepalive;		/* seconds */
	double retry_max;	/* the longest wait between tries */
	/* The last will: published by the broker if this client vanishes. */
	const char *will_topic;
	const char *will_payload;
};

/*
 * The options of cfg (mqtt_user, the password, mqtt_ca_file,
 * mqtt_client_id, mqtt_keepalive, retry_max) for the broker of url.
 */
struct config;
void mqtt_opts_from_config(struct mqtt_opts *o, const struct config *cfg,
			   const struct mqtt_url *url, const char *role);

/*
 * "wallboard-<role>-<host>-<pid>" (malloc'd): unique on a site, and telling.
 */
char *mqtt_default_id(const char *role);

struct mqtt;

/* The owner's callbacks, called from within mqtt_dispatch. */
struct mqtt_handler {
	/*
	 * Connected (again): subscribe and publish what the broker must hold.
	 */
	void (*on_connect)(void *ctx);
	/* Lost the connection (or never got it): why, in words. */
	void (*on_disconnect)(void *ctx, const char *why);
	/* A message on a subscribed topic. */
	void (*on_message)(void *ctx, const char *topic, const void *payload,
			   size_t len, bool retained);
	void *ctx;
};

/*
 * A client that starts connecting at the first dispatch. NULL with the
 * reason in err when libmosquitto refuses the settings (a CA file it
 * cannot use).
 */
struct mqtt *mqtt_new(const struct mqtt_opts *o, const struct mqtt_handler *h,
		      char *err, size_t errsz);
void mqtt_free(struct mqtt *m);

/* The loop's side, as struct provider_ops. */
int mqtt_pollfds(struct mqtt *m, struct pollfd *fds, int max);
double mqtt_next_wake(const struct mqtt *m);
void mqtt_dispatch(struct mqtt *m, const struct pollfd *fds, int nfds,
		   double now);

/* True while connected (the broker accepted the CONNECT). */
bool mqtt_connected(const struct mqtt *m);
/* What is wrong with the connection, in words; "" while connected. */
const char *mqtt_problem(const struct mqtt *m);
/*
 * True when the last try failed in a way only a person cures (refused, TLS).
 */
bool mqtt_fatal(const struct mqtt *m);
/* now_mono() of the next try while disconnected, else 0. */
double mqtt_retry_at(const struct mqtt *m);
/* "host:port", for messages. */
const char *mqtt_where(const struct mqtt *m);
/* The client id in use. */
const char *mqtt_client_id(const struct mqtt *m);

/*
 * Queue a message (QoS 1 when reliable, else 0); it goes out as the
 * socket allows. False when not connected (the owner publishes its
 * retained state again on_connect).
 */
bool mqtt_publish(struct mqtt *m, const char *topic, const void *payload,
		  size_t len, bool retain, bool reliable);
/* Subscribe to a topic filter (QoS 1). False when not connected. */
bool mqtt_subscribe(struct mqtt *m, const char *filter);
/* True when nothing queued is left to write to the socket (a clean exit). */
bool mqtt_flushed(const struct mqtt *m);
/* Say goodbye to the broker (no last will is sent) and stop reconnecting. */
void mqtt_disconnect(struct mqtt *m);

#endif
