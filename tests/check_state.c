/*
 * check_state.c - the state words (state.c) and what the board says when
 * the data contradicts its guesses (observe.c).
 *
 * A case per spelling and per synonym family: the vendors' texts give no
 * vocabulary, so every common way a contact-centre platform writes a
 * state must land on the same word, and every other word must stay
 * unknown (shown as sent, sorted last, reported).
 */
#include "autoconf.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "observe.h"
#include "snapshot.h"
#include "state.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* --- the table ----------------------------------------------------------- */

struct word_case {
	const char *raw;
	const char *want;	/* the core's word, or NULL: unknown */
};

static const struct word_case word_cases[] = {
	/* spellings: case, spaces, underscores, hyphens */
	{ "ready", "ready" }, { "READY", "ready" }, { "Ready", "ready" },
	{ "not_ready", "not_ready" }, { "Not Ready", "not_ready" },
	{ "NOT_READY", "not_ready" }, { "not-ready", "not_ready" },
	{ "NotReady", "not_ready" }, { " not  ready ", "not_ready" },
	{ "after_call_work", "after_call_work" },
	{ "After Call Work", "after_call_work" },
	{ "AFTER-CALL-WORK", "after_call_work" },
	{ "logged_out", "logged_out" }, { "Logged Out", "logged_out" },
	{ "LOGGED-OUT", "logged_out" }, { "LoggedOut", "logged_out" },
	/* ready */
	{ "Available", "ready" }, { "Idle", "ready" }, { "Waiting", "ready" },
	{ "WaitForNextCall", "ready" },
	/* busy */
	{ "Busy", "busy" }, { "Talking", "busy" }, { "On Call", "busy" },
	{ "on_call", "busy" }, { "In Interaction", "busy" },
	{ "Dialing", "busy" }, { "Dialling", "busy" }, { "Ringing", "busy" },
	{ "On Hold", "busy" }, { "CallInbound", "busy" },
	{ "CallOutbound", "busy" }, { "Engaged", "busy" },
	/* after call work */
	{ "ACW", "after_call_work" }, { "acw", "after_call_work" },
	{ "Wrap-up", "after_call_work" }, { "Wrap Up", "after_call_work" },
	{ "WRAP_UP", "after_call_work" }, { "WrapUp", "after_call_work" },
	{ "AfterCallWork", "after_call_work" },
	{ "Post Call", "after_call_work" },
	/* not ready */
	{ "Break", "not_ready" }, { "On Break", "not_ready" },
	{ "Away", "not_ready" }, { "Aux", "not_ready" },
	{ "AUX_WORK", "not_ready" }, { "Lunch", "not_ready" },
	{ "Do Not Disturb", "not_ready" }, { "DND", "not_ready" },
	{ "NotReadyForNextCall", "not_ready" },
	/* logged out */
	{ "Logged Off", "logged_out" }, { "Offline", "logged_out" },
	{ "logoff", "logged_out" }, { "Signed Out", "logged_out" },
	{ "LogOut", "logged_out" },
	/* unknown: shown as sent */
	{ "supervising", NULL }, { "Monitored", NULL }, { "NotReadyX", NULL },
	{ "readyish", NULL }, { "", NULL }, { "   ", NULL }, { "-_-", NULL },
	{ "\033[31mready", NULL }, { "re\xc3\xa4" "dy", NULL },
	/* service availability words the board makes itself */
	{ "service_available", "service_available" },
	{ "service_none_ready", "service_none_ready" },
};

START_TEST(test_word)
{
	const struct word_case *k = &word_cases[_i];
	int got = state_find(k->raw);
	const struct state_word *sw = state_at(got);

	if (k->want == NULL)
		ck_assert_msg(got == STATE_NONE, "\"%s\" is %s, want unknown",
			      k->raw, sw ? sw->word : "?");
	else
		ck_assert_msg(sw != NULL && strcmp(sw->word, k->want) == 0,
			      "\"%s\" is %s, want %s", k->raw,
			      sw ? sw->word : "unknown", k->want);
}
END_TEST

/* A grid sorted by state: what a supervisor looks for first comes first. */
START_TEST(test_rank)
{
	static const char *const order[] = {
		"ready", "busy", "after_call_work", "not_ready", "logged_out"
	};

	for (size_t i = 0; i + 1 < N(order); i++)
		ck_assert_int_lt(state_find(order[i]),
				 state_find(order[i + 1]));
	ck_assert_ptr_null(state_at(STATE_NONE));
	ck_assert_ptr_null(state_at(1000));
	ck_assert_int_eq(state_find(NULL), STATE_NONE);
}
END_TEST

START_TEST(test_norm)
{
	char out[16];

	ck_assert_str_eq(state_norm("Not-Ready_x Y", out, sizeof(out)),
			 "notreadyxy");
	/*
	 * bytes above ASCII are kept, so a name in another script stays itself
	 */
	ck_assert_str_eq(state_norm("Pr\xc3\xaat", out, sizeof(out)),
			 "pr\xc3\xaat");
	/* cut at the buffer, always terminated */
	ck_assert_str_eq(state_norm("abcdefghijklmnopqrstuvwxyz", out, 8),
			 "abcdefg");
	ck_assert_str_eq(state_norm("", out, sizeof(out)), "");
}
END_TEST

/* A word far longer than any state is never taken for one. */
START_TEST(test_long_word)
{
	char w[4096];

	memset(w, 'a', sizeof(w) - 1);
	w[sizeof(w) - 1] = '\0';
	memcpy(w, "ready", 5);
	ck_assert_int_eq(state_find(w), STATE_NONE);
}
END_TEST

/* --- maps ---------------------------------------------------------------- */

struct map_error {
	const char *entry;
	const char *msg;
};

static const struct map_error map_errors[] = {
	{ "Pausa", "state_map entry \"Pausa\" is not word=state" },
	{ "=ready", "state_map entry \"=ready\" is not word=state" },
	{ "Pausa=", "state_map entry \"Pausa=\" is not word=state" },
	{ "Pausa=lunchtime",
	  "state_map entry \"Pausa=lunchtime\": \"lunchtime\" "
	  "is no state (ready, busy, after_call_work, not_ready, logged_out)" },
	{ "--=ready", "state_map entry \"--=ready\" has no word" },
};

START_TEST(test_map_errors)
{
	struct state_map m = { 0 };
	char err[300] = "";

	ck_assert(!state_map_add(&m, map_errors[_i].entry, err, sizeof(err)));
	ck_assert_str_eq(err, map_errors[_i].msg);
	ck_assert_uint_eq(m.n, 0);
	state_map_free(&m);
}
END_TEST

/* The layout's map, then the config's, then the table. */
START_TEST(test_map_lookup)
{
	struct state_map layout = { 0 }, config = { 0 };
	const struct state_map *maps[] = { &layout, NULL, &config };
	char err[300];

	ck_assert(state_map_add(&layout, "Pausa=not_ready", err, sizeof(err)));
	ck_assert(state_map_add(&config, "Pausa=logged_out", err, sizeof(err)));
	ck_assert(state_map_add(&config, "En linea=On Call", err, sizeof(err)));
	/* a map may say a word of the table means something else here */
	ck_assert(state_map_add(&config, "Away=logged_out", err, sizeof(err)));
	/* the word is the part before the last '=' */
	ck_assert(state_map_add(&config, "a=b=ready", err, sizeof(err)));

	ck_assert_int_eq(state_lookup("PAUSA", maps, 3),
			 state_find("not_ready"));
	ck_assert_int_eq(state_lookup("pausa", maps + 1, 2),
			 state_find("logged_out"));
	ck_assert_int_eq(state_lookup("en-linea", maps, 3), state_find("busy"));
	ck_assert_int_eq(state_lookup("Away", maps, 3),
			 state_find("logged_out"));
	ck_assert_int_eq(state_lookup("Away", NULL, 0),
			 state_find("not_ready"));
	ck_assert_int_eq(state_lookup("A=B", maps, 3), state_find("ready"));
	ck_assert_int_eq(state_lookup("Wrap Up", maps, 3), state_find("acw"));
	ck_assert_int_eq(state_lookup("Comida", maps, 3), STATE_NONE);
	ck_assert_int_eq(state_lookup(NULL, maps, 3), STATE_NONE);
	state_map_free(&layout);
	state_map_free(&config);
	state_map_free(NULL);
}
END_TEST

/* --- observe ------------------------------------------------------------- */

/* One layout of one agent grid: a name, a state and a 0-1 share. */
enum { C_NAME, C_ST, C_SL, C_PCT, NCOLS };

static struct column cols[NCOLS];
static struct panel panel;
static struct layout lay;
static struct layout *lays[1];
static struct grid_ref gref;
static struct layoutset set;
static char notes[40][1000];
static size_t nnotes;

static void note(void *ctx, const char *what)
{
	(void)ctx;
	if (nnotes < N(notes))
		snprintf(notes[nnotes], sizeof(notes[0]), "%s", what);
	nnotes++;
}

static void setup(void)
{
	cols[C_NAME] = (struct column){ .id = "name",
					.stat = "name",
					.fmt = FMT_TEXT };
	cols[C_ST] = (struct column){ .id = "st", .stat = "acd_state",
				      .fmt = FMT_STATE, .line = 7 };
	cols[C_SL] = (struct column){ .id = "sl", .stat = "service_level",
				      .fmt = FMT_PERCENT, .pct_scale = 100,
				      .line = 9 };
	cols[C_PCT] = (struct column){ .id = "pct", .stat = "percent",
				       .fmt = FMT_PERCENT, .pct_scale = 1,
				       .line = 11 };
	panel = (struct panel){ .id = "g", .kind = PANEL_AGENT_GRID,
				.cols = cols, .ncols = NCOLS };
	lay = (struct layout){ .file = "t.layout", .title = "T",
			       .panels = &panel, .npanels = 1 };
	lays[0] = &lay;
	gref = (struct grid_ref){ .layout = &lay,
				  .panel = &panel,
				  .key = "1-g" };
	set = (struct layoutset){ .layouts = lays, .n = 1, .grids = &gref,
				  .ngrids = 1 };
	nnotes = 0;
}

/* A snapshot at wall time t of rows {state, share 0-1, share 0-100}. */
static struct snapshot *snap(double t, const char *const (*rows)[3], size_t n)
{
	struct snapshot *s = snapshot_new(&set);

	s->received_wall = t;
	s->grids[0].present = true;
	snapshot_grid_alloc(s, 0, n);
	for (size_t r = 0; r < n; r++) {
		snapshot_set(s, 0, r, C_NAME, "agent");
		snapshot_set(s, 0, r, C_ST, rows[r][0]);
		snapshot_set(s, 0, r, C_SL, rows[r][1]);
		snapshot_set(s, 0, r, C_PCT, rows[r][2]);
	}
	return s;
}

/* Look at one snapshot of rows. */
static void look(struct observer *o, double t, const char *const (*rows)[3],
		 size_t n)
{
	struct snapshot *s = snap(t, rows, n);

	observe_snapshot(o, s, note, NULL);
	snapshot_free(s);
}

/* An unknown word is said once, with where it is and the map to write. */
START_TEST(test_observe_unknown_word)
{
	static const char *const rows[][3] = {
		{ "ready", "0.5", "50" }, { "Pausa", "0.5", "50" },
		{ "Wrap Up", "", "" }, { "Pausa", "", "" },
	};
	struct observer *o = observe_new(&set);

	look(o, 1000, rows, N(rows));
	look(o, 1010, rows, N(rows));
	ck_assert_uint_eq(nnotes, 1);
	ck_assert_str_eq(
		notes[0],
		"layout \"T\" (t.layout:7), panel \"g\", "
		"column \"st\": unknown state word \"Pausa\": shown as "
		"it came and sorted after the known ones; map it with "
		"state_map = {\"Pausa=not_ready\"} (or ready, busy, "
		"after_call_work, logged_out)");
	observe_free(o);
}
END_TEST

/* A mapped word is known: nothing to say. */
START_TEST(test_observe_mapped_word)
{
	static const char *const rows[][3] = { { "Pausa", "", "" } };
	struct state_map m = { 0 };
	char err[300];
	struct observer *o;

	ck_assert(state_map_add(&m, "pausa=not_ready", err, sizeof(err)));
	set.config_states = &m;
	o = observe_new(&set);
	look(o, 1000, rows, N(rows));
	ck_assert_uint_eq(nnotes, 0);
	observe_free(o);
	state_map_free(&m);
}
END_TEST

/* Endless new words from a server: a bounded number of notes. */
START_TEST(test_observe_word_flood)
{
	struct observer *o = observe_new(&set);
	char word[32];
	const char *row[1][3] = { { word, "", "" } };

	for (int i = 0; i < 1000; i++) {
		snprintf(word, sizeof(word), "word%d", i);
		look(o, 1000 + i, (const char *const (*)[3])row, 1);
	}
	ck_assert_uint_eq(nnotes, OBSERVE_MAX_WORDS + 1);
	ck_assert_str_eq(notes[OBSERVE_MAX_WORDS], "more unknown state words "
			 "and notes of the source than that: the rest are not "
			 "listed");
	observe_free(o);
}
END_TEST

/* The source's notes: each said once, however many snapshots carry it. */
START_TEST(test_observe_notes)
{
	struct observer *o = observe_new(&set);

	for (int i = 0; i < 3; i++) {
		struct snapshot *s = snapshot_new(&set);
		snapshot_note(s, "statistic \"%s\" refused: %s", "Foo",
			      "400 \033[2Jbad");
		if (i == 2)
			snapshot_note(s, "another");
		observe_snapshot(o, s, note, NULL);
		snapshot_free(s);
	}
	ck_assert_uint_eq(nnotes, 2);
	ck_assert_str_eq(notes[0], "statistic \"Foo\" refused: 400 bad");
	ck_assert_str_eq(notes[1], "another");
	observe_free(o);
}
END_TEST

/* Notes past what a snapshot keeps are counted, not kept. */
START_TEST(test_snapshot_notes_bounded)
{
	struct snapshot *s = snapshot_new(&set);

	for (int i = 0; i < SNAPSHOT_MAX_NOTES + 5; i++)
		snapshot_note(s, "note %d", i);
	ck_assert_uint_eq(s->nnotes, SNAPSHOT_MAX_NOTES);
	ck_assert_uint_eq(s->notes_dropped, 5);
	ck_assert_str_eq(s->notes[SNAPSHOT_MAX_NOTES - 1], "note 15");
	snapshot_free(s);
}
END_TEST

/* A share taken as 0-1 above 1.5: said at once, with the scale to write. */
START_TEST(test_observe_share_above_one)
{
	static const char *const fine[][3] = { { "ready", "0.97", "" } };
	static const char *const over[][3] = { { "ready", "44", "" },
					       { "ready", "12", "" } };
	struct observer *o = observe_new(&set);

	look(o, 1000, fine, N(fine));
	ck_assert_uint_eq(nnotes, 0);
	look(o, 1010, over, N(over));
	look(o, 1020, over, N(over));
	ck_assert_uint_eq(nnotes, 1);
	ck_assert_str_eq(notes[0], "layout \"T\" (t.layout:9), panel \"g\", "
			 "column \"sl\": values up to 44, where a share of 0 "
			 "to 1 was assumed: if the server sends percentages "
			 "(0 to 100), write scale = 1 in that column");
	observe_free(o);
}
END_TEST

/* A share taken as 0-100 never above 1 for a working day of traffic. */
START_TEST(test_observe_share_below_one)
{
	static const char *const low[][3] = { { "ready", "", "0.3" } };
	static const char *const zero[][3] = { { "ready", "", "0" } };
	struct observer *o = observe_new(&set);

	look(o, 1000, low, N(low));
	look(o, 1000 + OBSERVE_DAY - 60, low, N(low));
	ck_assert_uint_eq(nnotes, 0);
	look(o, 1000 + OBSERVE_DAY, low, N(low));
	ck_assert_uint_eq(nnotes, 1);
	ck_assert_str_eq(
		notes[0],
		"layout \"T\" (t.layout:11), panel \"g\", "
		"column \"pct\": never above 0.3 in 8 hours, where "
		"percentages of 0 to 100 were assumed: if the server "
		"sends shares (0 to 1), write scale = 100 in that column");
	observe_free(o);

	/* all zero is no traffic: nothing is said of it */
	nnotes = 0;
	o = observe_new(&set);
	look(o, 1000, zero, N(zero));
	look(o, 1000 + 2 * OBSERVE_DAY, zero, N(zero));
	ck_assert_uint_eq(nnotes, 0);
	observe_free(o);
}
END_TEST

/* A percentage that goes above 1 is what was assumed: nothing said. */
START_TEST(test_observe_share_as_assumed)
{
	static const char *const rows[][3] = { { "ready", "0.4", "0.5" } };
	static const char *const more[][3] = { { "ready", "1", "45" } };
	struct observer *o = observe_new(&set);

	look(o, 1000, rows, N(rows));
	look(o, 2000, more, N(more));
	look(o, 1000 + 2 * OBSERVE_DAY, rows, N(rows));
	ck_assert_uint_eq(nnotes, 0);
	observe_free(o);
}
END_TEST

static Suite *state_suite(void)
{
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("words");
	TCase *om = tcase_create("observe");

	tcase_add_loop_test(tc, test_word, 0, (int)N(word_cases));
	tcase_add_test(tc, test_rank);
	tcase_add_test(tc, test_norm);
	tcase_add_test(tc, test_long_word);
	tcase_add_loop_test(tc, test_map_errors, 0, (int)N(map_errors));
	tcase_add_test(tc, test_map_lookup);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(om, setup, NULL);
	tcase_add_test(om, test_observe_unknown_word);
	tcase_add_test(om, test_observe_mapped_word);
	tcase_add_test(om, test_observe_word_flood);
	tcase_add_test(om, test_observe_notes);
	tcase_add_test(om, test_snapshot_notes_bounded);
	tcase_add_test(om, test_observe_share_above_one);
	tcase_add_test(om, test_observe_share_below_one);
	tcase_add_test(om, test_observe_share_as_assumed);
	suite_add_tcase(s, om);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(state_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
