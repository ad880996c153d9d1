/*
 * check_recording.c - recordings: what --record writes (net/record.c),
 * above all that no secret reaches the files, wherever it stands, and
 * what --replay reads back (net/replay.c): the manifest, the exchanges,
 * the refusals with file and reason, and which exchange answers a
 * request at which time.
 *
 * The HTTP side is played by hand here (record_begin ... record_end as
 * net/http.c calls them); tests/record.sh records real sessions against
 * wallboard-sim.
 */
#include "autoconf.h"

#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "net/http.h"
#include "net/record.h"
#include "net/replay.h"
#include "util.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/check_recording.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

/* The whole of a file of the test directory (malloc'd). */
static char *slurp(const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct buf b;

	ck_assert_msg(read_file(path, 1 << 20, &b), "cannot read %s", path);
	free(path);
	return b.data;
}

/* Write a file of the test directory. */
static void put(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

/* --- recording: secrets never reach the files ---------------------------- */

#define PASSWORD "p@ss w0rd/\"9" /* needs escaping in a form and in JSON */
#define SECRET "client-secret-4711"
#define TOKEN "tok-abcdef-123456"	/* an answer's token */
#define COOKIE "sess-cookie-987654"	/* an answer's cookie */

/* A config with a password and a client secret, for a source. */
static void config_with_secrets(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->provider = (char *)"brightpattern";
	cfg->url = (char *)"https://cc.example.com";
	cfg->tenant = (char *)"example.com";
	cfg->user = (char *)"ann";
	cfg->password = (char *)PASSWORD;
	cfg->client_secret = (char *)SECRET;
}

/* One exchange, as net/http.c hands it over. */
static void exchange(const char *method, const char *url,
		     const char *const *headers, const char *body,
		     const char *sent, const char *const *answer_headers,
		     long status, const char *answer)
{
	struct http_call call = {
		method, url, headers, body, body ? strlen(body) : 0, NULL,
		NULL, 0
	};
	struct http_result res = { 0 };
	struct record_req *q = record_begin(&call);

	ck_assert_ptr_nonnull(q);
	if (sent)
		record_sent(q, sent, strlen(sent));
	for (size_t i = 0; answer_headers && answer_headers[i]; i++)
		record_header(q, answer_headers[i], strlen(answer_headers[i]));
	res.status = status;
	res.body = (char *)answer;
	res.len = answer ? strlen(answer) : 0;
	res.error = status ? NULL : "Failed to connect: " SECRET " refused";
	record_end(q, &res);
}

/* Every file written holds none of the secrets. */
static void assert_no_secret(const char *name)
{
	static const char *const secrets[] = {
		PASSWORD, SECRET, TOKEN, COOKIE, "p%40ss%20w0rd", "p%40ss+w0rd",
		"p%40ss w0rd",
		"p@ss w0rd\\/\\\"9"
	};
	char *text = slurp(name);

	for (size_t i = 0; i < sizeof(secrets) / sizeof(*secrets); i++)
		ck_assert_msg(strstr(text, secrets[i]) == NULL,
			      "%s holds \"%s\":\n%s", name, secrets[i], text);
	free(text);
}

/* The session of the test: a login, a data poll, a failure. */
static void record_session(void)
{
	static const char *const login_headers[] = {
		"Content-Type: application/json", NULL
	};
	static const char *const login_answer[] = {
		"HTTP/1.1 200 OK\r\n",
		"Content-Type: application/json\r\n",
		"Set-Cookie: SESSION=" COOKIE "; Path=/; HttpOnly\r\n",
		"Server: test\r\n",
		"\r\n", NULL
	};
	static const char *const form_headers[] = {
		"Content-Type: application/x-www-form-urlencoded", NULL
	};
	struct config cfg;
	struct errlist errs = { 0 };

	config_with_secrets(&cfg);
	ck_assert(record_open(dir, &cfg, &errs));
	ck_assert_int_eq((int)errs.n, 0);
	ck_assert(record_active());
	exchange("POST", "https://cc.example.com/login", login_headers,
		 "{\"username\": \"ann\", \"password\": \"p@ss w0rd\\/\\\"9\"}",
		 NULL, login_answer, 200,
		 "{\"token\": \"" TOKEN "\", \"user\": \"ann\"}");
	exchange("GET",
		 "https://cc.example.com/data?access_token=" TOKEN
		 "&x=1&name=" SECRET,
		 NULL, NULL,
		 "GET /data?x HTTP/1.1\r\n"
		 "Host: cc.example.com\r\n"
		 "Authorization: Bearer " TOKEN "\r\n"
		 "Cookie: SESSION=" COOKIE "; lang=en\r\n"
		 "x-api-key: " SECRET "\r\n\r\n",
		 NULL, 200,
		 "{\"echo\": \"you sent " TOKEN " and " COOKIE "\"}");
	exchange("POST", "https://cc.example.com/oauth/token", form_headers,
		 "grant_type=password&username=ann&password=p%40ss+w0rd%2F%229"
		 "&note=p%40ss%20w0rd/%229", NULL, NULL, 0, NULL);
	ck_assert_ptr_null(record_close());
}

START_TEST(test_record_masks_secrets)
{
	const char *files[] = {
		"recording", "000001.request", "000001.response",
		"000002.request", "000002.response", "000003.request",
		"000003.response"
	};

	record_session();
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++)
		assert_no_secret(files[i]);
}
END_TEST

START_TEST(test_record_keeps_the_rest)
{
	char *q1, *r1, *q2, *r2, *q3, *r3, *m;

	record_session();
	m = slurp("recording");
	ck_assert_msg(strstr(m, "wallboard-recording 1\n"
			     "source brightpattern\n"
			     "url https://cc.example.com\n") == m, "%s", m);
	ck_assert_msg(strstr(m, "\n"
			     "credentials tenant user password_file "
			     "client_secret_file\n") != NULL, "%s", m);
	q1 = slurp("000001.request");
	r1 = slurp("000001.response");
	ck_assert_ptr_nonnull(strstr(q1, "POST /login\nAt: "));
	ck_assert_ptr_nonnull(strstr(q1, "\"password\": \"@REDACTED@\""));
	ck_assert_ptr_nonnull(strstr(q1, "\"username\": \"ann\""));
	ck_assert_ptr_nonnull(strstr(r1, "200\nTook: "));
	ck_assert_ptr_nonnull(strstr(r1,
				     "Set-Cookie: SESSION=@REDACTED@; Path=/; "
				     "HttpOnly\n"));
	/* not one that matters */
	ck_assert_ptr_null(strstr(r1, "Server:"));
	ck_assert_ptr_nonnull(strstr(r1, "\n"
				     "\n"
				     "{\"token\": \"@REDACTED@\", \"user\": "
				     "\"ann\"}"));
	q2 = slurp("000002.request");
	r2 = slurp("000002.response");
	ck_assert_msg(strstr(q2, "GET "
			     "/data?access_token=@REDACTED@"
			     "&x=1&name=@REDACTED@\n"
			     "At: ") == q2, "%s", q2);
	ck_assert_ptr_nonnull(strstr(q2, "Authorization: Bearer @REDACTED@\n"));
	ck_assert_ptr_nonnull(strstr(q2, "Cookie: SESSION=@REDACTED@; "
				     "lang=@REDACTED@\n"));
	ck_assert_ptr_nonnull(strstr(q2, "x-api-key: @REDACTED@\n"));
	ck_assert_ptr_nonnull(strstr(q2, "Host: cc.example.com\n"));
	ck_assert_ptr_nonnull(strstr(r2, "you sent @REDACTED@ and @REDACTED@"));
	q3 = slurp("000003.request");
	r3 = slurp("000003.response");
	ck_assert_ptr_nonnull(strstr(q3, "\n"
				     "\n"
				     "grant_type=password&username=ann"
				     "&password=@REDACTED@&note=@REDACTED@"));
	ck_assert_msg(strncmp(r3, "0\nTook: ", 8) == 0, "%s", r3);
	ck_assert_ptr_nonnull(strstr(r3, "Error: Failed to connect: @REDACTED@ "
				     "refused\n"));
	free(m);
	free(q1);
	free(r1);
	free(q2);
	free(r2);
	free(q3);
	free(r3);
}
END_TEST

START_TEST(test_record_file_modes)
{
	struct stat st;
	char *path;

	record_session();
	ck_assert_int_eq(stat(dir, &st), 0);
	path = xasprintf("%s/000002.response", dir);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq((int)(st.st_mode & 0777), 0600);
	free(path);
}
END_TEST

START_TEST(test_record_refuses_directories)
{
	struct config cfg;
	struct errlist errs = { 0 };
	char *file = xasprintf("%s/file", dir), *sub = xasprintf("%s/new", dir);
	struct stat st;

	config_with_secrets(&cfg);
	put("file", "x");
	ck_assert(!record_open(dir, &cfg, &errs));
	ck_assert_msg(strstr(errs.msgs[0], "exists and is not empty"), "%s",
		      errs.msgs[0]);
	ck_assert(!record_open(file, &cfg, &errs));
	ck_assert_msg(strstr(errs.msgs[1], "exists and is not a directory"),
		      "%s", errs.msgs[1]);
	ck_assert(!record_active());
	ck_assert(record_open(sub, &cfg, &errs));
	ck_assert_int_eq(stat(sub, &st), 0);
	ck_assert_int_eq((int)(st.st_mode & 0777), 0700);
	free(record_close());
	errlist_free(&errs);
	free(file);
	free(sub);
}
END_TEST

/* --- reading a recording ------------------------------------------------- */

/* A recording written by hand: a login and three polls. */
static void hand_recording(void)
{
	put("recording", "wallboard-recording 1\n# by hand\nsource 8x8\n"
	    "url http://h\ncredentials tenant api_token_file\n");
	put("000001.request", "POST /login\nAt: 0.1\n\n{}");
	put("000001.response", "200\nTook: 0.5\nContent-Type: text/plain\n"
	    "Set-Cookie: a=@REDACTED@\nRetry-After: 7\n\nhello");
	put("000002.request", "GET /data?x=a%20b&y=1\nAt: 1\n\n");
	put("000002.response", "200 OK\nTook: 0.25\n\nA\n\nwith a blank line");
	put("000003.request", "GET /data?x=a+b&y=1 HTTP/1.1\r\nAt: 3\r\n\r\n");
	put("000003.response", "200\r\nTook: 0\r\n\r\nB");
	put("12.request", "GET /data?x=a+b&y=1\nAt: 5\n");
	put("12.response", "0\nTook: 2\nError: timed out\n");
	put("README", "not part of the recording");
}

START_TEST(test_load_hand_recording)
{
	struct errlist errs = { 0 };
	struct recording *r;
	struct buf body;
	bool big;
	char err[200];

	hand_recording();
	r = recording_load(dir, &errs);
	ck_assert_msg(r != NULL, "%s", errs.n ? errs.msgs[0] : "");
	ck_assert_int_eq((int)r->n, 4);
	ck_assert_str_eq(r->m.source, "8x8");
	ck_assert_str_eq(r->m.url, "http://h");
	ck_assert_int_eq((int)r->m.ncredentials, 2);
	ck_assert_str_eq(r->x[0].ctype, "text/plain");
	ck_assert_str_eq(r->x[0].cookies[0], "a=@REDACTED@");
	ck_assert(r->x[0].retry_after == 7);
	ck_assert_str_eq(r->x[1].key, "GET /data?x=a b&y=1");
	ck_assert_str_eq(r->x[2].key, "GET /data?x=a b&y=1");
	ck_assert_int_eq((int)r->x[3].number, 12);
	ck_assert_int_eq((int)r->x[3].status, 0);
	ck_assert_str_eq(r->x[3].error, "timed out");
	ck_assert(r->first == 0.1);
	ck_assert(r->end == 7);
	ck_assert(
		recording_body(r, &r->x[1], 0, &body, &big, err, sizeof(err)));
	ck_assert_str_eq(body.data, "A\n\nwith a blank line");
	buf_free(&body);
	ck_assert(
		recording_body(r, &r->x[2], 0, &body, &big, err, sizeof(err)));
	ck_assert_str_eq(body.data, "B");
	buf_free(&body);
	ck_assert(
		!recording_body(r, &r->x[0], 3, &body, &big, err, sizeof(err)));
	ck_assert(big);
	recording_free(r);
}
END_TEST

/* The exchange number that answers key at t, or 0 with why. */
static unsigned long match(const struct recording *r, const char *key,
			   double t, char *why)
{
	const struct rec_exchange *x = recording_match(r, key, t, why, 200);

	return x ? x->number : 0;
}

START_TEST(test_match_by_time)
{
	struct errlist errs = { 0 };
	struct recording *r;
	char why[200];
	const char *k = "GET /data?x=a b&y=1";

	hand_recording();
	r = recording_load(dir, &errs);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq((int)match(r, k, 0, why), 2);	/* before: the first */
	ck_assert_int_eq((int)match(r, k, 1.9, why), 2);
	/* nearer the next */
	ck_assert_int_eq((int)match(r, k, 2.1, why), 3);
	/* a client early */
	ck_assert_int_eq((int)match(r, k, 2.98, why), 3);
	ck_assert_int_eq((int)match(r, k, 3.5, why), 3);
	ck_assert_int_eq((int)match(r, k, 4.5, why), 12);
	/* within grace */
	ck_assert_int_eq((int)match(r, k, 7.9, why), 12);
	ck_assert_int_eq((int)match(r, k, 8.5, why), 0);
	ck_assert_str_eq(why, RECORDING_ENDS);
	ck_assert_int_eq((int)match(r, "GET /data?y=1", 1, why), 0);
	ck_assert_str_eq(why, "the recording has no GET /data?y=1");
	ck_assert_int_eq((int)match(r, "POST /login", 4, why), 1);
	recording_free(r);
}
END_TEST

START_TEST(test_replay_answer_and_speed)
{
	struct errlist errs = { 0 };
	struct replay p = { NULL, 2, -1 };
	struct replay_answer a;

	hand_recording();
	p.rec = recording_load(dir, &errs);
	ck_assert_ptr_nonnull(p.rec);
	replay_answer(&p, "POST", "http://elsewhere:8080/login", 100, 0, &a);
	ck_assert_int_eq((int)a.status, 200);
	ck_assert_str_eq(a.body.data, "hello");
	ck_assert(a.delay == 0.25);	/* 0.5 s at twice the speed */
	ck_assert(a.retry_after == 7);
	buf_free(&a.body);
	/* 1.5 s later at speed 2: the recording's 3.1 s. */
	replay_answer(&p, "GET", "http://h/data?x=a%20b&y=1", 101.5, 0, &a);
	ck_assert_str_eq(a.body.data, "B");
	buf_free(&a.body);
	replay_answer(&p, "GET", "/data?x=a+b&y=1", 102.5, 0, &a);
	ck_assert_int_eq((int)a.status, 0);
	ck_assert_str_eq(a.error, "timed out");
	ck_assert(a.delay == 1);
	buf_free(&a.body);
	replay_answer(&p, "GET", "/data?x=a+b&y=1", 105, 0, &a);
	ck_assert_int_eq((int)a.status, 0);
	ck_assert_str_eq(a.error, RECORDING_ENDS);
	buf_free(&a.body);
	recording_free(p.rec);
}
END_TEST

START_TEST(test_key_decoding)
{
	char *k = recording_key("GET", "/a%20b/c?x=1+2&&y=%41%zz&z&%00=0");

	ck_assert_str_eq(k, "GET /a b/c?x=1 2&y=A%zz&z&%00=0");
	free(k);
}
END_TEST

/* A fault of a hand-made recording: the first message, for file. */
static const char *refusal(void)
{
	static char msg[512];
	struct errlist errs = { 0 };
	struct recording *r = recording_load(dir, &errs);

	ck_assert_ptr_null(r);
	ck_assert_int_ge((int)errs.n, 1);
	snprintf(msg, sizeof(msg), "%s", errs.msgs[0] + strlen(dir));
	errlist_free(&errs);
	return msg;
}

struct fault_case {
	const char *file, *text;	/* what is written over the good one */
	const char *want;		/* the start of the message */
};

static const struct fault_case faults[] = {
	{ "recording", "", "/recording: empty: not a wallboard recording" },
	{ "recording", "wallboard-recording 2\nsource 8x8\nurl http://h\n",
	  "/recording: line 1: a recording of version 2: this wallboard reads "
	  "version 1" },
	{ "recording", "GET /x\n", "/recording: line 1: not a wallboard "
	  "recording" },
	{ "recording", "wallboard-recording 1\nurl http://h\n",
	  "/recording: no source line" },
	{ "recording", "wallboard-recording 1\nsource 8x8\nurl\n",
	  "/recording: line 3: url has no value" },
	{ "recording", "wallboard-recording 1\nsource 8x8\nurl ftp://h\n",
	  "/recording: url \"ftp://h\" is not http:// or https://" },
	{ "000002.request", "garbage\nAt: 1\n\n",
	  "/000002.request: line 1: \"garbage\" is not a request line" },
	{ "000002.request", "GET /data\nAt 1\n\n",
	  "/000002.request: line 2: a header without a colon" },
	{ "000002.request", "GET /data\nHost: h\n\n",
	  "/000002.request: no At: header" },
	{ "000002.request", "GET /data\nAt: soon\n\n",
	  "/000002.request: line 2: At: \"soon\" is not a number of seconds" },
	{ "000002.response", "OK\nTook: 0\n\n",
	  "/000002.response: line 1: \"OK\" is not a status" },
	{ "000002.response", "700\nTook: 0\n\n",
	  "/000002.response: line 1: \"700\" is not a status" },
	{ "000002.response", "200\n\nbody",
	  "/000002.response: no Took: header" },
	{ "000002.response", "", "/000002.response: empty: no status line" },
	{ "13.request", "GET /x\nAt: 1\n\n",
	  "/13.request: no 13.response beside it: the recording is truncated" },
	{ "14.response", "200\nTook: 1\n\n",
	  "/14.response: no 14.request beside it" },
	{ "2.request", "GET /x\nAt: 1\n\n", ": two files for exchange 2: "
	  "000002.request and 2.request" },
};

START_TEST(test_refusals)
{
	const struct fault_case *f = &faults[_i];
	const char *msg;

	hand_recording();
	put(f->file, f->text);
	msg = refusal();
	ck_assert_msg(strncmp(msg, f->want, strlen(f->want)) == 0,
		      "want \"%s\", got \"%s\"", f->want, msg);
}
END_TEST

START_TEST(test_no_manifest)
{
	char *path = xasprintf("%s/recording", dir);

	hand_recording();
	unlink(path);
	ck_assert_ptr_nonnull(strstr(refusal(), "/recording: No such file or "
				     "directory: not a recording"));
	free(path);
}
END_TEST

/* What was recorded plays back byte for byte, as masked. */
START_TEST(test_round_trip)
{
	struct errlist errs = { 0 };
	struct recording *r;
	struct buf body;
	bool big;
	char err[200];

	record_session();
	r = recording_load(dir, &errs);
	ck_assert_msg(r != NULL, "%s", errs.n ? errs.msgs[0] : "");
	ck_assert_int_eq((int)r->n, 3);
	ck_assert_str_eq(r->m.url, "https://cc.example.com");
	ck_assert_str_eq(r->x[1].key, "GET /data?access_token=@REDACTED@&x=1&"
			 "name=@REDACTED@");
	ck_assert(
		recording_body(r, &r->x[0], 0, &body, &big, err, sizeof(err)));
	ck_assert_str_eq(body.data,
			 "{\"token\": \"@REDACTED@\", \"user\": \"ann\"}");
	buf_free(&body);
	ck_assert_int_eq((int)r->x[2].status, 0);
	ck_assert_str_eq(r->x[2].error,
			 "Failed to connect: @REDACTED@ refused");
	recording_free(r);
}
END_TEST

/* --- net/http.c answering from a recording ------------------------------- */

/* What a request's callback got. */
struct got {
	bool done;
	long status;
	char body[64], error[200];
	double retry_after, at;
};

static void on_answer(void *ctx, const struct http_result *res)
{
	struct got *g = ctx;

	g->done = true;
	g->status = res->status;
	snprintf(g->body, sizeof(g->body), "%s",
		 res->body ? res->body : "(null)");
	snprintf(g->error, sizeof(g->error), "%s",
		 res->error ? res->error : "");
	g->retry_after = res->retry_after;
	g->at = now_mono();
}

/* Start METHOD url on h and run the loop until its answer, at most 5 s. */
static void ask(struct http *h, const char *method, const char *url,
		struct got *g)
{
	struct http_call call = { method, url, NULL, NULL, 0, NULL, NULL, 0 };
	double deadline = now_mono() + 5;

	memset(g, 0, sizeof(*g));
	http_start(h, &call, on_answer, g);
	while (!g->done && now_mono() < deadline) {
		double wait = http_next_wake(h) - now_mono();
		int ms = wait <= 0     ? 0
			 : wait > 0.05 ? 50
				       : (int)(wait * 1000) + 1;
		poll(NULL, 0, ms);
		http_dispatch(h, NULL, 0);
	}
	ck_assert_msg(g->done, "no answer to %s %s", method, url);
}

START_TEST(test_http_replays)
{
	/* timeout 1 s */
	struct http_opts o = { 1, 1, 0, false, NULL, true };
	struct errlist errs = { 0 };
	struct http *h;
	struct got g;
	double t0;

	hand_recording();
	ck_assert(replay_open(dir, 10, &errs));
	h = http_new(&o);
	t0 = now_mono();
	ask(h, "POST", "https://cc.example.com/login", &g);
	ck_assert_int_eq((int)g.status, 200);
	ck_assert_str_eq(g.body, "hello");
	ck_assert(g.retry_after == 7);
	/* Took: 0.5 s at ten times the speed: after 0.05 s, not at once. */
	ck_assert_msg(g.at - t0 >= 0.045 && g.at - t0 < 0.5, "%f", g.at - t0);
	/* The recording's 5 s: its exchange 12 took 2 s, past the timeout. */
	while (now_mono() < t0 + 0.45)
		poll(NULL, 0, 10);
	t0 = now_mono();
	ask(h, "GET", "https://cc.example.com/data?x=a+b&y=1", &g);
	ck_assert_int_eq((int)g.status, 0);
	ck_assert_str_eq(g.error, "timed out after 1 s (the recorded answer "
			 "took 2.000 s)");
	ck_assert_msg(g.at - t0 >= 0.09 && g.at - t0 < 0.5, "%f", g.at - t0);
	/* Past the end of the recording. */
	while (now_mono() < t0 + 0.45)
		poll(NULL, 0, 10);
	ask(h, "GET", "https://cc.example.com/data?x=a+b&y=1", &g);
	ck_assert_int_eq((int)g.status, 0);
	ck_assert_str_eq(g.error, RECORDING_ENDS);
	http_free(h);
	replay_close();
}
END_TEST

static Suite *recording_suite(void)
{
	Suite *s = suite_create("recording");
	TCase *rec = tcase_create("record");
	TCase *play = tcase_create("replay");

	tcase_add_checked_fixture(rec, setup, teardown);
	tcase_add_test(rec, test_record_masks_secrets);
	tcase_add_test(rec, test_record_keeps_the_rest);
	tcase_add_test(rec, test_record_file_modes);
	tcase_add_test(rec, test_record_refuses_directories);
	tcase_add_test(rec, test_round_trip);
	suite_add_tcase(s, rec);
	tcase_add_checked_fixture(play, setup, teardown);
	tcase_add_test(play, test_load_hand_recording);
	tcase_add_test(play, test_match_by_time);
	tcase_add_test(play, test_replay_answer_and_speed);
	tcase_add_test(play, test_key_decoding);
	tcase_add_loop_test(play, test_refusals, 0,
			    (int)(sizeof(faults) / sizeof(*faults)));
	tcase_add_test(play, test_no_manifest);
	tcase_add_test(play, test_http_replays);
	suite_add_tcase(s, play);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(recording_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
