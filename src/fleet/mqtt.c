/*
 * mqtt.c - the MQTT client of the fleet over libmosquitto, on the one
 * poll(2) loop. See mqtt.h.
 *
 * libmosquitto is used without its loop thread: mosquitto_loop_read and
 * mosquitto_loop_write when poll says the socket is ready,
 * mosquitto_loop_misc for keep-alive on every turn, and the async connect
 * (the TCP connect and the TLS handshake go on in loop_read/write). Its
 * callbacks run inside those calls, so inside mqtt_dispatch.
 *
 * The broker's name is resolved by libmosquitto through getaddrinfo when
 * a connection starts; that is the one call that can wait on the network
 * (a DNS server that does not answer), so doc/fleet.md advises an address
 * or an /etc/hosts entry for the broker on kiosk units.
 */
#include "autoconf.h"

#include <errno.h>
#include <mosquitto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "fleet/mqtt.h"
#include "sanitize.h"
#include "util.h"

#define BACKOFF_FIRST 1.0	/* seconds before the first retry */
#define CONNECT_WAIT 10.0	/* seconds for a CONNACK after connecting */
#define TURN 1.0		/* keep-alive is checked at least this often */
#define SYSTEM_CA_DIR "/etc/ssl/certs"	/* Debian's ca-certificates */

enum mqtt_state { M_IDLE, M_CONNECTING, M_CONNECTED, M_CLOSED };

struct mqtt {
	struct mosquitto *mosq;
	struct mqtt_handler h;
	char *host;
	int port;
	int keepalive;
	double retry_max;
	char where[96];
	char *client_id;
	enum mqtt_state state;
	bool started;		/* the first connect was made */
	/* the broker answered the CONNECT with a refusal */
	bool refused;
	bool fatal;		/* refused, or TLS failed: a person must act */
	double retry_at;	/* M_IDLE: when to try again */
	double connect_by;	/* M_CONNECTING: give up waiting then */
	double backoff;
	char problem[384];
};

/* --- the URL --------------------------------------------------- */

/* A topic prefix MQTT can publish under and a filter can name. */
static bool prefix_ok(const char *p, char *err, size_t errsz)
{
	if (*p == '\0') {
		snprintf(err, errsz, "no topic prefix (mqtt://HOST/PREFIX)");
		return false;
	}
	for (const char *c = p; *c; c++) {
		if (*c == '+' || *c == '#' || (unsigned char)*c < 0x20 ||
		    *c == 0x7f) {
			snprintf(err, errsz,
				 "the topic prefix may not hold '+', "
				 "'#' or control characters");
			return false;
		}
		if (*c == '/' && (c == p || c[1] == '/' || c[1] == '\0')) {
			snprintf(err, errsz,
				 "the topic prefix has an empty level");
			return false;
		}
	}
	return true;
}

bool mqtt_url_parse(const char *url, struct mqtt_url *u, char *err,
		    size_t errsz)
{
	const char *p, *slash, *colon, *end;
	long port;
	char *stop;

	memset(u, 0, sizeof(*u));
	if (strncmp(url, "mqtt://", 7) == 0)
		p = url + 7;
	else if (strncmp(url, "mqtts://", 8) == 0) {
		p = url + 8;
		u->tls = true;
	} else {
		snprintf(err, errsz,
			 "not an MQTT URL (mqtt://HOST[:PORT]/PREFIX or "
			 "mqtts://...)");
		return false;
	}
	slash = strchr(p, '/');
	end = slash ? slash : p + strlen(p);
	colon = memchr(p, ':', (size_t)(end - p));
	if (strchr(p, '@') && strchr(p, '@') < end) {
		snprintf(err, errsz, "no user or password in the URL: give "
			 "mqtt_user and $WALLBOARD_MQTT_PASSWORD instead");
		return false;
	}
	if ((colon ? colon : end) == p) {
		snprintf(err, errsz, "no broker host in the URL");
		return false;
	}
	u->port = u->tls ? 8883 : 1883;
	if (colon) {
		errno = 0;
		port = strtol(colon + 1, &stop, 10);
		if (stop != end || colon + 1 == end || errno || port < 1 ||
		    port > 65535) {
			snprintf(err, errsz, "bad port in the URL");
			return false;
		}
		u->port = (int)port;
	}
	if (slash == NULL || !prefix_ok(slash + 1, err, errsz))
		goto fail;
	u->host = xstrndup(p, (size_t)((colon ? colon : end) - p));
	u->prefix = xstrdup(slash + 1);
	return true;
fail:
	if (slash == NULL)
		snprintf(err, errsz, "no topic prefix (mqtt://HOST/PREFIX)");
	return false;
}

void mqtt_url_free(struct mqtt_url *u)
{
	free(u->host);
	free(u->prefix);
	memset(u, 0, sizeof(*u));
}

void mqtt_opts_from_config(struct mqtt_opts *o, const struct config *cfg,
			   const struct mqtt_url *url, const char *role)
{
	memset(o, 0, sizeof(*o));
	o->url = url;
	o->role = role;
	o->client_id = cfg->mqtt_client_id;
	o->user = cfg->mqtt_user;
	o->password = cfg->mqtt_password;
	o->ca_file = cfg->mqtt_ca_file;
	o->keepalive = (int)cfg->mqtt_keepalive;
	o->retry_max = cfg->retry_max;
}

/* --- libmosquitto's callbacks -------------------------------------------- */

/* The wait before the next try: doubling to retry_max, with jitter. */
static double next_backoff(struct mqtt *m)
{
	double b = m->backoff ? m->backoff * 2 : BACKOFF_FIRST;

	if (m->refused && b < m->retry_max)
		/* a refusal is cured by a person, not by haste */
		b = m->retry_max;
	if (b > m->retry_max)
		b = m->retry_max;
	m->backoff = b;
	return b * (0.8 + 0.2 * ((double)rand() / RAND_MAX));
}

static void lost(struct mqtt *m, const char *fmt, ...) WB_PRINTF(2, 3);
/* The connection is gone (or never came): say why, plan the next try. */
static void lost(struct mqtt *m, const char *fmt, ...)
{
	char raw[256];
	va_list ap;
	bool was_up = m->state == M_CONNECTED;

	if (m->state == M_CLOSED)
		return;
	if (fmt != NULL) {
		va_start(ap, fmt);
		vsnprintf(raw, sizeof(raw), fmt, ap);
		va_end(ap);
		sanitize_line(m->problem, sizeof(m->problem), raw);
	}
	m->state = M_IDLE;
	/* A connection that was up is tried again at once, once. */
	m->retry_at =
		now_mono() + (was_up && !m->refused ? 0.2 : next_backoff(m));
	if (m->h.on_disconnect)
		m->h.on_disconnect(m->h.ctx, m->problem);
}

/* The CONNACK: accepted (the owner subscribes and publishes), or refused. */
static void on_connect(struct mosquitto *mosq, void *obj, int rc)
{
	struct mqtt *m = obj;

	if (rc != 0) {
		/* The broker closes the connection next; keep its reason. */
		m->refused = true;
		snprintf(m->problem, sizeof(m->problem),
			 "the broker at %s refused the connection: %s",
			 m->where, mosquitto_connack_string(rc));
		return;
	}
	m->state = M_CONNECTED;
	m->refused = false;
	m->fatal = false;
	m->backoff = 0;
	m->problem[0] = '\0';
	if (m->h.on_connect)
		m->h.on_connect(m->h.ctx);
}

/* Words for why libmosquitto dropped the connection. */
static void say_drop(struct mqtt *m, int rc)
{
	m->fatal = m->refused || rc == MOSQ_ERR_TLS;
	if (m->refused && m->problem[0])
		lost(m, NULL);
	else if (rc == MOSQ_ERR_KEEPALIVE)
		lost(m, "the broker at %s stopped answering", m->where);
	else if (rc == MOSQ_ERR_TLS)
		lost(m,
		     "TLS with the broker at %s failed: its certificate is "
		     "not trusted or not for that name (--mqtt-ca FILE)",
		     m->where);
	else if (rc == MOSQ_ERR_ERRNO && errno != 0)
		lost(m, "the broker at %s: %s", m->where, strerror(errno));
	else if (m->state == M_CONNECTED)
		lost(m, "lost the connection to the broker at %s", m->where);
	else
		lost(m, "the broker at %s is unreachable: %s", m->where,
		     mosquitto_strerror(rc));
}

/* libmosquitto closed the socket (a read, a write or keep-alive failed). */
static void on_disconnect(struct mosquitto *mosq, void *obj, int rc)
{
	say_drop(obj, rc);
}

/* A message on a subscribed topic: to the owner. */
static void on_message(struct mosquitto *mosq, void *obj,
		       const struct mosquitto_message *msg)
{
	struct mqtt *m = obj;

	if (m->h.on_message && msg->topic)
		m->h.on_message(
			m->h.ctx, msg->topic, msg->payload,
			(size_t)(msg->payloadlen > 0 ? msg->payloadlen : 0),
			msg->retain);
}

/* --- the client --------------------------------------------------- */

char *mqtt_default_id(const char *role)
{
	char host[64] = "";

	if (gethostname(host, sizeof(host) - 1) != 0 || host[0] == '\0')
		snprintf(host, sizeof(host), "host");
	host[strcspn(host, ".")] = '\0';
	return xasprintf("wallboard-%s-%s-%ld", role ? role : "client", host,
			 (long)getpid());
}

/* TLS: verify the broker against ca_file, or the system's CAs. */
static bool setup_tls(struct mqtt *m, const char *ca_file, char *err,
		      size_t errsz)
{
	int rc;

	if (ca_file != NULL && access(ca_file, R_OK) != 0) {
		snprintf(err, errsz, "%s: %s", ca_file, strerror(errno));
		return false;
	}
	/*
	 * The system's CAs as a directory, not MOSQ_OPT_TLS_USE_OS_CERTS:
	 * libmosquitto 2.0 refuses to reconnect with that option alone.
	 */
	rc = mosquitto_tls_set(m->mosq, ca_file, ca_file ? NULL : SYSTEM_CA_DIR,
			       NULL, NULL, NULL);
	if (rc == MOSQ_ERR_SUCCESS)
		rc = mosquitto_tls_opts_set(m->mosq, 1, NULL, NULL);
	if (rc == MOSQ_ERR_SUCCESS)
		rc = mosquitto_tls_insecure_set(m->mosq, false);
	if (rc != MOSQ_ERR_SUCCESS) {
		snprintf(err, errsz, "TLS for the broker: %s",
			 mosquitto_strerror(rc));
		return false;
	}
	return true;
}

struct mqtt *mqtt_new(const struct mqtt_opts *o, const struct mqtt_handler *h,
		      char *err, size_t errsz)
{
	static bool lib_ready;
	struct mqtt *m = xcalloc(1, sizeof(*m));
	int rc = MOSQ_ERR_SUCCESS;

	if (!lib_ready) {
		mosquitto_lib_init();
		lib_ready = true;
	}
	m->h = *h;
	m->host = xstrdup(o->url->host);
	m->port = o->url->port;
	m->keepalive = o->keepalive;
	m->retry_max =
		o->retry_max > BACKOFF_FIRST ? o->retry_max : BACKOFF_FIRST;
	snprintf(m->where, sizeof(m->where), "%s:%d", m->host, m->port);
	m->client_id = o->client_id ? xstrdup(o->client_id) :
		       mqtt_default_id(o->role);
	m->mosq = mosquitto_new(m->client_id, true, m);
	if (m->mosq == NULL) {
		snprintf(err, errsz, "cannot make an MQTT client: %s",
			 strerror(errno));
		mqtt_free(m);
		return NULL;
	}
	mosquitto_int_option(m->mosq, MOSQ_OPT_PROTOCOL_VERSION,
			     MQTT_PROTOCOL_V311);
	mosquitto_int_option(m->mosq, MOSQ_OPT_TCP_NODELAY, 1);
	mosquitto_connect_callback_set(m->mosq, on_connect);
	mosquitto_disconnect_callback_set(m->mosq, on_disconnect);
	mosquitto_message_callback_set(m->mosq, on_message);
	if (o->user)
		rc = mosquitto_username_pw_set(m->mosq, o->user, o->password);
	if (rc == MOSQ_ERR_SUCCESS && o->will_topic)
		rc = mosquitto_will_set(m->mosq, o->will_topic,
					(int)strlen(o->will_payload),
					o->will_payload, 1, true);
	if (rc != MOSQ_ERR_SUCCESS) {
		snprintf(err, errsz, "MQTT settings: %s",
			 mosquitto_strerror(rc));
		mqtt_free(m);
		return NULL;
	}
	if (o->url->tls && !setup_tls(m, o->ca_file, err, errsz)) {
		mqtt_free(m);
		return NULL;
	}
	snprintf(m->problem, sizeof(m->problem),
		 "connecting to the broker at %s", m->where);
	m->state = M_IDLE;
	m->retry_at = 0;
	return m;
}

void mqtt_free(struct mqtt *m)
{
	if (m == NULL)
		return;
	if (m->mosq)
		mosquitto_destroy(m->mosq);
	free(m->host);
	free(m->client_id);
	free(m);
}

int mqtt_pollfds(struct mqtt *m, struct pollfd *fds, int max)
{
	int fd = m->mosq ? mosquitto_socket(m->mosq) : -1;

	if (fd < 0 || max < 1 || m->state == M_IDLE)
		return 0;
	fds[0] = (struct pollfd){ fd, POLLIN, 0 };
	if (mosquitto_want_write(m->mosq))
		fds[0].events |= POLLOUT;
	return 1;
}

double mqtt_next_wake(const struct mqtt *m)
{
	switch (m->state) {
	case M_IDLE:
		return m->retry_at;
	case M_CONNECTING:
	case M_CONNECTED:
		return now_mono() + TURN;
	case M_CLOSED:
		break;
	}
	return 1e300;
}

/* Open a connection (the first, or again). */
static void start(struct mqtt *m, double now)
{
	int rc;

	errno = 0;
	rc = m->started ? mosquitto_reconnect_async(m->mosq) :
	     mosquitto_connect_async(m->mosq, m->host, m->port, m->keepalive);
	m->started = true;
	if (rc == MOSQ_ERR_SUCCESS) {
		m->state = M_CONNECTING;
		m->connect_by = now + CONNECT_WAIT;
		return;
	}
	m->state = M_CONNECTING;	/* so that lost() plans the next try */
	if (rc == MOSQ_ERR_EAI)
		lost(m, "the broker's name %s cannot be resolved", m->host);
	else if (rc == MOSQ_ERR_ERRNO)
		lost(m, "the broker at %s is unreachable: %s", m->where,
		     strerror(errno));
	else
		lost(m, "the broker at %s is unreachable: %s", m->where,
		     mosquitto_strerror(rc));
}

void mqtt_dispatch(struct mqtt *m, const struct pollfd *fds, int nfds,
		   double now)
{
	int fd = mosquitto_socket(m->mosq);

	if (m->state == M_CLOSED)
		return;
	if (m->state == M_IDLE) {
		if (now >= m->retry_at)
			start(m, now);
		return;
	}
	for (int i = 0; i < nfds && fd >= 0; i++) {
		int rc = MOSQ_ERR_SUCCESS;
		if (fds[i].fd != fd || fds[i].revents == 0)
			continue;
		if (fds[i].revents & (POLLIN | POLLHUP | POLLERR))
			rc = mosquitto_loop_read(m->mosq, 1);
		if (rc == MOSQ_ERR_SUCCESS && m->state != M_IDLE &&
		    (fds[i].revents & POLLOUT))
			rc = mosquitto_loop_write(m->mosq, 1);
		/*
		 * A failed TLS handshake closes the socket with no callback.
		 */
		if (rc != MOSQ_ERR_SUCCESS && m->state != M_IDLE &&
		    mosquitto_socket(m->mosq) < 0)
			say_drop(m, rc);
	}
	if (m->state == M_IDLE)
		return;
	/* Whatever was queued while reading goes out now, not a turn later. */
	if (mosquitto_socket(m->mosq) >= 0 && mosquitto_want_write(m->mosq) &&
	    m->state == M_CONNECTED)
		mosquitto_loop_write(m->mosq, 1);
	if (m->state != M_IDLE && mosquitto_socket(m->mosq) >= 0)
		mosquitto_loop_misc(m->mosq);
	if (m->state == M_CONNECTING && now > m->connect_by) {
		mosquitto_disconnect(m->mosq);
		lost(m, "the broker at %s did not answer within %.0f s",
		     m->where, CONNECT_WAIT);
	}
}

bool mqtt_connected(const struct mqtt *m)
{
	return m->state == M_CONNECTED;
}

const char *mqtt_problem(const struct mqtt *m)
{
	return m->state == M_CONNECTED ? "" : m->problem;
}

bool mqtt_fatal(const struct mqtt *m)
{
	return m->state != M_CONNECTED && m->fatal;
}

double mqtt_retry_at(const struct mqtt *m)
{
	return m->state == M_IDLE ? m->retry_at : 0;
}

const char *mqtt_where(const struct mqtt *m)
{
	return m->where;
}

const char *mqtt_client_id(const struct mqtt *m)
{
	return m->client_id;
}

bool mqtt_publish(struct mqtt *m, const char *topic, const void *payload,
		  size_t len, bool retain, bool reliable)
{
	if (m->state != M_CONNECTED)
		return false;
	if (mosquitto_publish(m->mosq, NULL, topic, (int)len, payload,
			      reliable ? 1 : 0, retain) != MOSQ_ERR_SUCCESS)
		return false;
	/* libmosquitto writes it at once, or (in a callback) dispatch does. */
	return true;
}

bool mqtt_subscribe(struct mqtt *m, const char *filter)
{
	if (m->state != M_CONNECTED)
		return false;
	return mosquitto_subscribe(m->mosq, NULL, filter, 1) ==
	       MOSQ_ERR_SUCCESS;
}

bool mqtt_flushed(const struct mqtt *m)
{
	/* Written is enough: a DISCONNECT after it arrives after it. */
	return m->state != M_CONNECTED || !mosquitto_want_write(m->mosq);
}

void mqtt_disconnect(struct mqtt *m)
{
	enum mqtt_state was = m->state;

	/*
	 * Closed first: libmosquitto reports the goodbye as a disconnection.
	 */
	m->state = M_CLOSED;
	if (was == M_CONNECTED || was == M_CONNECTING)
		mosquitto_disconnect(m->mosq);
}
