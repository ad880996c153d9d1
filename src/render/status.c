/*
 * status.c - what the board says of itself: the title bar (layout, k/N,
 * clock), the status line (data age, alerts, connection state), the
 * STALE band of kiosk mode and the help overlay.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "keys.h"
#include "render/render_int.h"
#include "text.h"
#include "util.h"

/* "12s", "4m05s", "2h10m": an age a person reads at a glance. */
void format_age(char *out, size_t outsz, double secs)
{
	long s = secs < 0 ? 0 : (long)secs;

	if (s < 60)
		snprintf(out, outsz, "%lds", s);
	else if (s < 3600)
		snprintf(out, outsz, "%ldm%02lds", s / 60, s % 60);
	else
		snprintf(out, outsz, "%ldh%02ldm", s / 3600, s / 60 % 60);
}

/* The title bar: layout name, k/N, clock. */
void draw_title(struct render *r, const struct view *v)
{
	const struct layout *l = v->set->layouts[v->active];
	char left[512], clock[32];
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(clock, sizeof(clock), "%H:%M:%S", &tm);
	snprintf(left, sizeof(left), " %s  [%zu/%zu]%s", l->title,
		 v->active + 1, v->set->n, v->demo ? "  DEMO" : "");
	if (v->zoom > 0 && v->zoom <= l->npanels)
		snprintf(left + strlen(left), sizeof(left) - strlen(left),
			 "  ZOOM %zu/%zu (z: next)", v->zoom, l->npanels);
	style(r, R_TITLE);
	blank(0, 0, COLS);
	put_fit(r, 0, 0, COLS - 10, left, ALIGN_LEFT);
	put_fit(r, 0, COLS - 10, 10, clock, ALIGN_RIGHT);
}

/* True when the data is too old to trust: more than three intervals. */
bool view_stale(const struct view *v)
{
	return v->snap && v->now - v->snap->received > 3 * v->interval;
}

/* " (5 times)" when the state repeated, else "". */
static const char *repeated(const struct provider_status *st, char *out,
			    size_t size)
{
	if (st->repeats == 0)
		return "";
	snprintf(out, size, " (%u times)", st->repeats + 1);
	return out;
}

/*
 * The alerts' part of the status line at x: how many stand and the
 * oldest, "2 ALERTS, oldest for 1m05s: Queues: Voice Inbound: Waiting 30",
 * with the layout it is on when that is not the one shown, and whether
 * their bell is silenced. Returns the x after it.
 */
static int draw_alerts(struct render *r, const struct view *v, int x)
{
	const struct alert *old;
	size_t acked,
		n = v->alerts ? alerts_standing(v->alerts, &old, &acked) : 0;
	char line[400], what[300], age[32], where[32] = "";
	int w;

	if (n == 0 || x >= COLS - 12)
		return x;
	format_age(age, sizeof(age), v->now - old->started);
	alert_describe(v->alerts, old, what, sizeof(what));
	if (old->key.layout != v->active)
		snprintf(where, sizeof(where), " (layout %zu)",
			 old->key.layout + 1);
	snprintf(line, sizeof(line), " %zu ALERT%s%s%s for %s: %s%s ", n,
		 n > 1 ? "S" : "", acked == n ? " (silenced)" : "",
		 n > 1 ? ", oldest" : "", age, what, where);
	w = text_width(line);
	if (w > COLS - 12 - x)
		w = COLS - 12 - x;
	if (v->notice && w > (COLS - 12 - x) * 3 / 5)
		w = (COLS - 12 - x) * 3 / 5;	/* leave the notice room */
	style(r, acked == n ? ROLE_WARN : R_FAULT);
	put_fit(r, LINES - 1, x, w, line, ALIGN_LEFT);
	return x + w + 1;
}

/*
 * The search at x in the status line: "/text_" while it is typed,
 * "/text" while it holds. Returns the x after it.
 */
static int draw_search(struct render *r, const struct view *v, int x)
{
	char line[VIEW_SEARCH_MAX + 40];
	int w;

	if (!v->searching && (v->search == NULL || v->search[0] == '\0'))
		return x;
	snprintf(line, sizeof(line), " /%s%s ", v->search ? v->search : "",
		 v->searching ? "_" : "  (Esc clears)");
	w = text_width(line);
	if (w > COLS - 12 - x)
		w = COLS - 12 - x;
	if (w <= 0)
		return x;
	style(r, R_TITLE);
	put_fit(r, LINES - 1, x, w, line, ALIGN_LEFT);
	return x + w + 1;
}

/* The status line: data age, alerts, connection state, what is wrong. */
void draw_status(struct render *r, const struct view *v)
{
	char line[600] = "", age[32], times[32];
	int y = LINES - 1;
	const struct provider_status *st = v->st;

	style(r, ROLE_NORMAL);
	blank(y, 0, COLS);
	if (v->snap)
		format_age(age, sizeof(age), v->now - v->snap->received);
	if (view_stale(v)) {
		snprintf(line, sizeof(line), " STALE: data is %s old ", age);
		style(r, R_STALE);
		put_fit(r, y, 0,
			text_width(line) < COLS ? text_width(line) : COLS, line,
			ALIGN_LEFT);
	} else if (v->snap) {
		snprintf(line, sizeof(line), " data %s ago ", age);
		style(r, ROLE_DIM);
		put_fit(r, y, 0,
			text_width(line) < COLS ? text_width(line) : COLS, line,
			ALIGN_LEFT);
	}
	int x = draw_alerts(r, v, v->snap ? text_width(line) + 1 : 1);
	x = draw_search(r, v, x);
	if (v->notice)
		snprintf(line, sizeof(line), "%s", v->notice);
	else if (st->state == CONN_RETRYING && st->retry_at > v->now)
		snprintf(line, sizeof(line), "%s%s; retrying in %.0f s",
			 st->message, repeated(st, times, sizeof(times)),
			 ceil(st->retry_at - v->now));
	else if (st->message[0])
		snprintf(line, sizeof(line), "%s%s", st->message,
			 repeated(st, times, sizeof(times)));
	else
		snprintf(line, sizeof(line), "%s", conn_state_name(st->state));
	style(r,
	      st->state == CONN_RETRYING && !v->notice ? R_FAULT : ROLE_NORMAL);
	if (x < COLS - 12)
		put_fit(r, y, x, COLS - 12 - x, line, ALIGN_LEFT);
	style(r, ROLE_DIM);
	put_fit(r, y, COLS - 10, 10, r->kiosk ? "" : "? help", ALIGN_RIGHT);
}

/*
 * In kiosk mode STALE is a band across the whole screen, readable from
 * across the room: the word in big letters, the data's age under it and,
 * when the source says why (a publisher down since a time), why. The
 * band covers whole rows, so no panel shows half-hidden beside it.
 */
void draw_stale_band(struct render *r, const struct view *v)
{
	char age[32], line[96];
	const char *why = v->st->state == CONN_RETRYING ? v->st->message : "";
	int scale = 2, h, y;

	while (scale > 1 && (big_width("STALE", scale) + 4 > COLS ||
			     big_height(scale) + 6 > LINES - 2))
		scale--;
	h = big_height(scale) + 4 + (why[0] != '\0');
	if (big_width("STALE", scale) > COLS || h > LINES - 2)
		return;
	y = 1 + (LINES - 2 - h) / 2;
	style(r, R_STALE);
	for (int i = 0; i < h; i++)
		blank(y + i, 0, COLS);
	big_draw(r, y + 1, (COLS - big_width("STALE", scale)) / 2, "STALE",
		 scale);
	format_age(age, sizeof(age), v->now - v->snap->received);
	snprintf(line, sizeof(line), "data is %s old", age);
	put_fit(r, y + big_height(scale) + 2, 0, COLS, line, ALIGN_CENTER);
	if (why[0])
		put_fit(r, y + big_height(scale) + 3, 1, COLS - 2, why,
			ALIGN_CENTER);
}

/* The help overlay: the keys, from the key table, and what marks mean. */
void draw_help(struct render *r, const struct view *v)
{
	static const char *const notes[] = {
		"",
		"Colours and markers: ! warning, !! critical.",
		"Agent tiles: READY BUSY ACW NOT RDY OUT.",
		"Alerts: a breach flashes its panel and may",
		"ring the bell; a silences the bell.",
		"STALE: data older than three poll intervals.",
	};
	const struct key_binding *k;
	char line[128];
	int n = 0, w = 50, h, y, x, row;

	for (size_t i = 0; (k = key_at(i)) != NULL; i++)
		n += k->help != NULL;
	h = n + (int)WB_ARRAY_LEN(notes) + 4;
	if (w > COLS)
		w = COLS;
	if (h > LINES)
		h = LINES;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	draw_box(r, y, x, h, w, "Help", false);
	style(r, ROLE_NORMAL);
	row = y + 2;
	for (size_t i = 0; (k = key_at(i)) != NULL && row < y + h - 1; i++) {
		if (k->help == NULL)
			continue;
		snprintf(line, sizeof(line), "%-8s %s", k->names, k->help);
		put_fit(r, row++, x + 2, w - 4, line, ALIGN_LEFT);
	}
	for (size_t i = 0; i < WB_ARRAY_LEN(notes) && row < y + h - 1; i++)
		put_fit(r, row++, x + 2, w - 4, notes[i], ALIGN_LEFT);
	(void)v;
}
