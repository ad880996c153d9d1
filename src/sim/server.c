/*
 * server.c - wallboard-sim's HTTP server: libmicrohttpd, requests and
 * replies, tokens and who a request is, routing to the API served and to
 * the /sim/ endpoints, the faults every API shares (statuses, delays,
 * dropped connections, spoiled bodies), gzip, and the counters.
 *
 * libmicrohttpd runs a thread per connection; one mutex guards the model
 * and the server state, and is not held while a request is delayed.
 * Users: every --user logs in with the password from $WALLBOARD_SIM_PASSWORD
 * or the API secret from $WALLBOARD_SIM_SECRET; each user has one token and
 * one active subscription at a time. Neither secret is ever printed.
 */
#include "autoconf.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>
#include <zlib.h>

#include "sim/server.h"

struct server server;

/* --- the APIs ----------------------------------------------------------- */

#define SOURCE(id, name) extern const struct sim_api simapi_##id;
#include "providers/providers.def"
#undef SOURCE

static const struct sim_api *const apis[] = {
#define SOURCE(id, name) &simapi_##id,
#include "providers/providers.def"
#undef SOURCE
};

const struct sim_api *sim_api_find(const char *name)
{
	if (name == NULL)
		return apis[0];	/* the registry's first is the default */
	for (size_t i = 0; i < WB_ARRAY_LEN(apis); i++)
		if (strcmp(apis[i]->name, name) == 0)
			return apis[i];
	return NULL;
}

const char *sim_api_names(void)
{
	static char names[256];

	if (names[0] == '\0')
		for (size_t i = 0; i < WB_ARRAY_LEN(apis); i++)
			snprintf(names + strlen(names),
				 sizeof(names) - strlen(names), "%s%s",
				 i ? ", " : "", apis[i]->name);
	return names;
}

/* --- replies ------------------------------------------------------------ */

/* --- replies ------------------------------------------------------------ */

/* A reply with a JSON body; takes the reference to v. */
void reply_json(struct reply *rp, int status, json_t *v)
{
	rp->status = status;
	rp->body = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER |
					 JSON_ENCODE_ANY);
	rp->len = rp->body ? strlen(rp->body) : 0;
	rp->ctype = "application/json";
	json_decref(v);
}

/* A reply with a body that is already text (taken over). */
void reply_text(struct reply *rp, int status, char *body,
		       const char *ctype)
{
	rp->status = status;
	rp->body = body;
	rp->len = body ? strlen(body) : 0;
	rp->ctype = ctype;
}

/* The documented error answer: {"error_code": N, "error_message": "..."};
 * a message that is not UTF-8 goes out with its other bytes as '?'. */
void reply_error(struct reply *rp, int status, int code, const char *msg)
{
	json_t *m = json_string(msg);

	if (m == NULL) {
		char *ascii = xstrdup(msg);

		for (char *p = ascii; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 ||
			    (unsigned char)*p >= 0x7f)
				*p = '?';
		m = json_string(ascii);
		free(ascii);
	}
	reply_json(rp, status, json_pack("{s:i, s:o}", "error_code", code,
					 "error_message", m));
}

/* Queue a reply on the connection. */
static mhd_result reply_send(struct MHD_Connection *conn, struct reply *rp)
{
	struct MHD_Response *r;
	mhd_result ret;

	r = MHD_create_response_from_buffer(
		rp->len, rp->body ? rp->body : (char *)"",
		rp->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (r == NULL) {
		free(rp->body);
		return MHD_NO;
	}
	if (rp->ctype != NULL && rp->status != 204)
		MHD_add_response_header(r, "Content-Type", rp->ctype);
	for (int i = 0; i < rp->ncookies; i++) {
		MHD_add_response_header(r, "Set-Cookie", rp->cookies[i]);
		free(rp->cookies[i]);
	}
	if (rp->allow != NULL)
		MHD_add_response_header(r, "Allow", rp->allow);
	for (int i = 0; i < rp->flood; i++) {
		char c[48];
		snprintf(c, sizeof(c), "flood%ld=x; Path=/",
			 rp->flood_base + i);
		MHD_add_response_header(r, "Set-Cookie", c);
	}
	if (rp->retry_after > 0) {
		char ra[16];
		snprintf(ra, sizeof(ra), "%d", rp->retry_after);
		MHD_add_response_header(r, "Retry-After", ra);
	}
	if (rp->gzipped)
		MHD_add_response_header(r, "Content-Encoding", "gzip");
	if (rp->len > 0)
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
	ret = MHD_queue_response(conn, (unsigned)rp->status, r);
	MHD_destroy_response(r);
	return ret;
}

/* --- small helpers ------------------------------------------------------- */

/* n random bytes from the system. */
static void random_bytes(unsigned char *p, size_t n)
{
	FILE *f;

	if (getentropy(p, n) == 0)
		return;
	f = fopen("/dev/urandom", "rb");
	if (f == NULL || fread(p, 1, n, f) != n) {
		for (size_t i = 0; i < n; i++)
			p[i] = (unsigned char)(rand() ^
					       (int)(now_mono() * 1e6));
	}
	if (f != NULL)
		fclose(f);
}

/* A random token: a lowercase UUID, or 64 uppercase hex digits for OAuth. */
void token_new(char *out, bool oauth)
{
	unsigned char b[32];
	size_t o = 0;

	random_bytes(b, sizeof(b));
	for (size_t i = 0; i < (oauth ? 32u : 16u); i++) {
		if (!oauth && (i == 4 || i == 6 || i == 8 || i == 10))
			out[o++] = '-';
		o += (size_t)snprintf(out + o, TOKEN_LEN - o,
				      oauth ? "%02X" : "%02x", b[i]);
	}
	out[o] = '\0';
}

/* The field a form_get looks for, and its value as it arrives. */
struct form_field {
	const char *key;
	struct buf value;	/* data NULL until the field is seen */
};

/* libmicrohttpd's post processor hands over each field in pieces. */
static mhd_result on_form_field(void *cls, enum MHD_ValueKind kind,
				const char *key, const char *filename,
				const char *content_type,
				const char *transfer_encoding,
				const char *data, uint64_t off, size_t size)
{
	struct form_field *f = cls;

	/* A piece at offset 0 starts a value: only the first field counts. */
	if (strcmp(key, f->key) != 0 || (off == 0 && f->value.data != NULL))
		return MHD_YES;
	buf_append(&f->value, data, size);
	return MHD_YES;
}

char *form_get(struct request *rq, const char *key)
{
	struct form_field f = { key, { NULL, 0, 0 } };
	struct MHD_PostProcessor *pp;

	pp = MHD_create_post_processor(rq->conn, 1024, on_form_field, &f);
	if (pp == NULL)
		return NULL;	/* not a form */
	MHD_post_process(pp, rq->body.data, rq->body.len);
	MHD_destroy_post_processor(pp);
	return f.value.data;
}

/* A string member of a JSON object, NULL when absent or not a string. */
const char *json_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* True when a tenant URL names our tenant (with or without scheme, slash). */
bool tenant_matches(const char *url)
{
	const char *t = server.tenant;
	size_t n = strlen(t);

	if (strncasecmp(url, "https://", 8) == 0)
		url += 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		url += 7;
	return strncasecmp(url, t, n) == 0 &&
	       (url[n] == '\0' || (url[n] == '/' && url[n + 1] == '\0'));
}

/* The user with this login name, or NULL. */
struct user *user_find(const char *name)
{
	for (int i = 0; i < server.nusers; i++)
		if (strcmp(server.users[i].name, name) == 0)
			return &server.users[i];
	return NULL;
}

/* Subscriptions active in the tenant, not counting except's. */
int active_subs(const struct user *except)
{
	int n = 0;

	for (int i = 0; i < server.nusers; i++)
		n += server.users[i].sub != NULL &&
		     &server.users[i] != except;
	return n;
}

/* Issue a new token to u, which invalidates the previous one. */
void token_issue(struct user *u, bool oauth)
{
	token_new(u->token, oauth);
	u->cookie_login = !oauth;
	u->expires = oauth ? now_mono() + server.set.token_ttl : INFINITY;
	server.tokens_issued++;
}

/* --- authentication ------------------------------------------------------ */

/* The token a request carries: Authorization (Bearer or raw), else cookie. */
static const char *request_token(struct request *rq)
{
	const char *h = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
						    "Authorization");

	rq->by_cookie = false;
	if (h != NULL && *h != '\0') {
		if (strncasecmp(h, "Bearer ", 7) == 0)
			h += 7;
		while (*h == ' ')
			h++;
		return h;
	}
	rq->by_cookie = true;
	if (server.api->token_cookie == NULL)
		return NULL;
	return MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND,
					   server.api->token_cookie);
}

/* The user a request authenticates as, or NULL (then 401). */
struct user *authenticate(struct request *rq)
{
	const char *tok = request_token(rq);

	if (tok == NULL || *tok == '\0')
		return NULL;
	for (int i = 0; i < server.nusers; i++) {
		struct user *u = &server.users[i];

		if (u->token[0] == '\0' || strcmp(u->token, tok) != 0)
			continue;
		if (now_mono() >= u->expires)
			return NULL;
		if (rq->by_cookie && server.api->cookies_agree &&
		    !server.api->cookies_agree(rq, u))
			return NULL;
		return u;
	}
	return NULL;
}

bool basic_credentials(struct request *rq, char **user, char **password)
{
	char *pw = NULL;
	char *u = MHD_basic_auth_get_username_password(rq->conn, &pw);

	if (u == NULL) {
		if (pw)
			MHD_free(pw);
		return false;
	}
	*user = xstrdup(u);
	*password = xstrdup(pw ? pw : "");
	MHD_free(u);
	if (pw) {
		explicit_bzero(pw, strlen(pw));
		MHD_free(pw);
	}
	return true;
}

/* A data body spoiled by the truncate or malformed fault, if one is due. */
char *data_fault(char *body)
{
	if (server.f.truncate != 0) {
		if (server.f.truncate > 0)
			server.f.truncate--;
		body[strlen(body) / 2] = '\0';
	} else if (server.f.malformed != 0) {
		if (server.f.malformed > 0)
			server.f.malformed--;
		free(body);
		body = xstrdup(
			"<html><body><h1>502 Bad Gateway</h1></body></html>");
	}
	return body;
}

/* The API being served (--api). */
void reply_api_error(struct reply *rp, int status, const char *msg)
{
	server.api->error(rp, status, msg);
}

/* True for the paths of the API (where faults apply). */
static bool api_path(const char *path)
{
	for (size_t i = 0; server.api->prefixes[i]; i++)
		if (strncmp(path, server.api->prefixes[i],
			    strlen(server.api->prefixes[i])) == 0)
			return true;
	return false;
}

/* True when route r serves path. */
static bool route_matches(const struct route *r, const char *path)
{
	size_t n = strlen(r->path);

	if (!r->prefix)
		return strcmp(r->path, path) == 0;
	return strncmp(r->path, path, n) == 0;
}

/* True when an address is on the loopback network: 127/8, ::1, or 127/8
 * mapped into IPv6. */
static bool addr_is_loopback(const struct sockaddr *sa)
{
	static const unsigned char v4mapped[12] = { [10] = 0xff, [11] = 0xff };
	const struct sockaddr_in *in = (const void *)sa;
	const struct sockaddr_in6 *in6 = (const void *)sa;
	const unsigned char *a6 = in6->sin6_addr.s6_addr;

	if (sa->sa_family == AF_INET)
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	if (sa->sa_family != AF_INET6)
		return false;
	return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr) ||
	       (memcmp(a6, v4mapped, 12) == 0 && a6[12] == 127);
}

/* True when the peer of a connection is on a loopback address. */
static bool peer_is_loopback(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn,
		MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	return ci != NULL && ci->client_addr != NULL &&
	       addr_is_loopback(ci->client_addr);
}

/* Count a request by path; paths beyond MAX_PATHS count as "other". */
static void count_request(const char *path)
{
	int i;

	for (i = 0; i < server.npaths; i++)
		if (strcmp(server.paths[i].key, path) == 0)
			break;
	if (i == server.npaths) {
		if (server.npaths >= MAX_PATHS)
			path = "other";
		for (i = 0; i < server.npaths; i++)
			if (strcmp(server.paths[i].key, path) == 0)
				break;
		if (i == server.npaths)
			server.paths[server.npaths++].key = xstrdup(path);
	}
	server.paths[i].n++;
}

/* The fail fault, when it matches this path: its reply. */
static bool fault_fail(const char *path, struct reply *rp)
{
	struct faults *f = &server.f;

	if (f->fail_count == 0 || f->fail_status == 0 ||
	    (f->fail_path &&
	     strncmp(path, f->fail_path, strlen(f->fail_path)) != 0))
		return false;
	if (f->fail_count > 0)
		f->fail_count--;
	rp->retry_after = f->fail_retry_after;
	if (f->fail_body != NULL)
		reply_text(rp, f->fail_status, xstrdup(f->fail_body),
			   "application/json");
	else
		reply_api_error(rp, f->fail_status, "simulated failure");
	return true;
}

/* Route a request to its handler, after the checks every route shares. */
static void route(struct request *rq, struct reply *rp)
{
	const struct route *r = NULL;
	bool path_known = false;

	const struct route *tables[] = { server.api->routes, control_routes };
	size_t sizes[] = { server.api->nroutes, ncontrol_routes };

	if (api_path(rq->path) && fault_fail(rq->path, rp))
		return;
	if (sim_replaying() && strncmp(rq->path, "/sim/", 5) != 0) {
		sim_replay_route(rq, rp);
		return;
	}
	for (size_t t = 0; t < 2; t++)
		for (size_t i = 0; i < sizes[t]; i++) {
			const struct route *c = &tables[t][i];
			if (!route_matches(c, rq->path))
				continue;
			path_known = true;
			rp->allow = c->method;
			if (strcmp(c->method, rq->method) == 0)
				r = c;
		}
	if (r == NULL) {
		reply_api_error(rp, path_known ? 405 : 404,
				path_known ? "method not allowed"
					   : "not found");
		return;
	}
	rp->allow = NULL;
	if (rq->too_large)
		reply_api_error(rp, 413, "request body too large");
	else if (r->guard == LOOPBACK && !peer_is_loopback(rq->conn))
		reply_error(rp, 403, 403,
			    "the control endpoints are loopback only");
	else if (r->guard == TOKEN && (rq->user = authenticate(rq)) == NULL)
		reply_api_error(rp, 401, "Unauthorized");
	else
		r->fn(rq, rp);
}

/* Before a request is handled: count it, drop it, or say how long to wait. */
/* Count one request's cookies (MHD's iterator). */
static mhd_result count_value(void *cls, enum MHD_ValueKind kind,
			      const char *key, const char *value)
{
	(*(long *)cls)++;
	return MHD_YES;
}

/*
 * What the hostile tests read of a request: how many cookies it sent
 * (a client's cookie store should stay bounded) and whether it carries
 * a header the client was tricked into sending.
 */
static void watch_request(struct request *rq)
{
	long n = 0;

	MHD_get_connection_values(rq->conn, MHD_COOKIE_KIND, count_value, &n);
	if (n > server.cookies_most)
		server.cookies_most = n;
	if (MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
					"X-Injected") != NULL)
		server.injected++;
}

static bool request_start(struct request *rq, int *delay_ms)
{
	count_request(rq->path);
	watch_request(rq);
	*delay_ms = 0;
	if (!api_path(rq->path))
		return true;
	if (server.f.drop != 0) {
		if (server.f.drop > 0)
			server.f.drop--;
		server.dropped++;
		return false;
	}
	if (server.f.delay_count != 0 && server.f.delay_ms > 0 &&
	    (server.f.delay_path == NULL ||
	     strncmp(rq->path, server.f.delay_path,
		     strlen(server.f.delay_path)) == 0)) {
		if (server.f.delay_count > 0)
			server.f.delay_count--;
		*delay_ms = server.f.delay_ms;
	}
	return true;
}

/* Sleep ms milliseconds. */
static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* True when an Accept-Encoding header value accepts gzip: a "gzip" or
 * "x-gzip" coding whose q is not 0 ("*" alone is not taken as gzip). */
static bool accepts_gzip(const char *h)
{
	while (h != NULL && *h != '\0') {
		size_t n, name;
		const char *q;

		h += strspn(h, " \t,");
		n = strcspn(h, ",");
		name = strcspn(h, " \t;,");
		if ((name == 4 && strncasecmp(h, "gzip", 4) == 0) ||
		    (name == 6 && strncasecmp(h, "x-gzip", 6) == 0)) {
			q = memchr(h, ';', n);
			if (q == NULL)
				return true;
			q += 1 + strspn(q + 1, " \t");
			if (strncasecmp(q, "q=", 2) != 0 ||
			    strtod(q + 2, NULL) > 0)
				return true;
		}
		h += n;
	}
	return false;
}

/* Compress the body of a reply with gzip (deflate in a gzip wrapper,
 * windowBits 31) when the request accepts gzip; unchanged otherwise. */
static void reply_gzip(struct MHD_Connection *conn, struct reply *rp)
{
	const char *ae = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     "Accept-Encoding");
	z_stream z;
	unsigned char *out;
	uLong cap;

	if (rp->body == NULL || rp->len == 0 || rp->len > UINT_MAX / 2 ||
	    !accepts_gzip(ae))
		return;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		return;
	cap = deflateBound(&z, (uLong)rp->len);
	out = xmalloc(cap);
	z.next_in = (Bytef *)rp->body;
	z.avail_in = (uInt)rp->len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) == Z_STREAM_END) {
		free(rp->body);
		rp->body = (char *)out;
		rp->len = z.total_out;
		rp->gzipped = true;
	} else
		free(out);
	deflateEnd(&z);
}

/*
 * The big header, when set: added to an API answer (under the lock), as
 * a cookie of that size (the header the reply can carry more of).
 */
static void hostile_headers(struct reply *rp)
{
	if (server.f.big_header > 0 && rp->ncookies < 4) {
		char *c = xmalloc((size_t)server.f.big_header + 16);
		memcpy(c, "big=", 4);
		memset(c + 4, 'x', (size_t)server.f.big_header);
		c[4 + server.f.big_header] = '\0';
		rp->cookies[rp->ncookies++] = c;
	}
}

/* Handle a complete request. */
static mhd_result request_handle(struct request *rq)
{
	struct reply rp;
	int delay;
	bool go;

	memset(&rp, 0, sizeof(rp));
	pthread_mutex_lock(&server.lock);
	go = request_start(rq, &delay);
	pthread_mutex_unlock(&server.lock);
	if (!go)
		return MHD_NO;
	if (delay > 0)
		sleep_ms(delay);
	pthread_mutex_lock(&server.lock);
	route(rq, &rp);
	if (rp.status > 0 && rp.status < 600)
		server.status_n[rp.status]++;
	pthread_mutex_unlock(&server.lock);
	if (rp.delay_ms > 0)
		sleep_ms(rp.delay_ms);	/* a replayed answer's time */
	if (rp.drop) {
		for (int i = 0; i < rp.ncookies; i++)
			free(rp.cookies[i]);
		free(rp.body);
		return MHD_NO;
	}
	if (api_path(rq->path)) {
		hostile_headers(&rp);
		rp.flood = server.f.cookie_flood;
		rp.flood_base = server.cookies_set;
		server.cookies_set += rp.flood;
	}
	reply_gzip(rq->conn, &rp);	/* outside the lock: it takes time */
	if (api_path(rq->path)) {
		pthread_mutex_lock(&server.lock);
		server.bytes_sent += (long long)rp.len;
		pthread_mutex_unlock(&server.lock);
	}
	if (server.verbose)
		fprintf(stderr, "%s %s -> %d\n", rq->method, rq->path,
			rp.status);
	return reply_send(rq->conn, &rp);
}

/* MHD's access handler: collect the body, then handle the request. */
static mhd_result on_access(void *cls, struct MHD_Connection *conn,
			    const char *url, const char *method,
			    const char *version, const char *upload_data,
			    size_t *upload_size, void **con_cls)
{
	struct request *rq = *con_cls;

	if (rq == NULL) {
		rq = xcalloc(1, sizeof(*rq));
		rq->conn = conn;
		rq->method = method;
		rq->path = url;
		buf_init(&rq->body);
		buf_puts(&rq->body, "");
		*con_cls = rq;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		size_t cap = strncmp(url, "/sim/", 5) == 0 ? CONTROL_BODY_MAX
							   : BODY_MAX;
		if (rq->body.len + *upload_size > cap)
			rq->too_large = true;
		else
			buf_append(&rq->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	return request_handle(rq);
}

/* MHD's completion callback: free the request. */
static void on_completed(void *cls, struct MHD_Connection *conn,
			 void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *con_cls;

	if (rq == NULL)
		return;
	buf_free(&rq->body);
	free(rq);
	*con_cls = NULL;
}

/* MHD's connection callback: count the TCP connections accepted. */
static void on_connection(void *cls, struct MHD_Connection *conn,
			  void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	if (toe != MHD_CONNECTION_NOTIFY_STARTED)
		return;
	pthread_mutex_lock(&server.lock);
	server.connections++;
	pthread_mutex_unlock(&server.lock);
}

/* The address to listen on, with the port; false when it is not numeric. */
bool server_address(const char *addr, long port, struct sockaddr_storage *ss)
{
	struct addrinfo hints, *res;

	memset(&hints, 0, sizeof(hints));
	hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(addr, NULL, &hints, &res) != 0)
		return false;
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	if (ss->ss_family == AF_INET6)
		((struct sockaddr_in6 *)(void *)ss)->sin6_port =
			htons((uint16_t)port);
	else
		((struct sockaddr_in *)(void *)ss)->sin_port =
			htons((uint16_t)port);
	return true;
}

/* Start the daemon on the address, or NULL; HTTPS when cert and key (PEM
 * text) are given. */
struct MHD_Daemon *server_start(const struct sockaddr_storage *ss,
				char *cert, char *key)
{
	unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
	struct MHD_OptionItem tls[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, key },
		{ MHD_OPTION_END, 0, NULL }
	};

	if (ss->ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (cert != NULL)
		flags |= MHD_USE_TLS;
	return MHD_start_daemon(
		flags, 0, NULL, NULL, on_access, NULL, MHD_OPTION_SOCK_ADDR,
		(const struct sockaddr *)ss, MHD_OPTION_NOTIFY_COMPLETED,
		on_completed, NULL, MHD_OPTION_NOTIFY_CONNECTION, on_connection,
		NULL, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
		/* Room for the big_header fault's answers. */
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(2 * 1024 * 1024),
		MHD_OPTION_ARRAY, cert != NULL ? tls : &tls[2], MHD_OPTION_END);
}

/* The port the daemon listens on. */
int server_port(struct MHD_Daemon *d)
{
	const union MHD_DaemonInfo *di =
		MHD_get_daemon_info(d, MHD_DAEMON_INFO_LISTEN_FD);
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (di == NULL ||
	    getsockname(di->listen_fd, (struct sockaddr *)&ss, &len) != 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)(void *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)(void *)&ss)->sin_port);
}

/* Free what the server holds, at exit. */
void server_free(void)
{
	for (int i = 0; i < server.nusers; i++)
		if (server.users[i].sub)
			server.api->sub_free(server.users[i].sub);
	for (int i = 0; i < server.npaths; i++)
		free(server.paths[i].key);
	free(server.f.fail_path);
	free(server.f.fail_body);
	free(server.f.delay_path);
	sim_free(server.sim);
	sim_replay_free();
}
