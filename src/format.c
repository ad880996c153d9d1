/*
 * format.c - statistic values into words and numbers a person reads, and
 * UTF-8 text measured and fitted by terminal cells.
 *
 * Widths come from wcwidth(3) in the process locale, the same table curses
 * draws with, so what is measured here is what lands on the screen. On the
 * systems we build for (glibc, musl) wchar_t holds the code point itself.
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wchar.h>

#include "format.h"

/*
 * A canonical state word, the word shown for it and its default role:
 * agent states, and whether a service has an agent ready for it.
 */
struct state_word {
	const char *word;
	const char *display;
	enum role role;
};

static const struct state_word state_words[] = {
	{ "ready",		"Ready",		ROLE_OK },
	{ "not_ready",		"Not Ready",		ROLE_WARN },
	{ "busy",		"Busy",			ROLE_INFO },
	{ "after_call_work",	"After Call Work",	ROLE_INFO },
	{ "logged_out",		"Logged Out",		ROLE_DIM },
	{ "available",		"Available",		ROLE_OK },
	{ "unavailable",	"None Ready",		ROLE_CRIT },
};

/* Cells a column of each format takes when the layout does not say. */
static const int default_widths[] = {
	[FMT_AUTO] = 8,
	[FMT_COUNT] = 6,
	[FMT_DURATION] = 8,
	[FMT_PERCENT] = 6,
	[FMT_DECIMAL] = 7,
	[FMT_TEXT] = 16,
	[FMT_STATE] = 15,
	[FMT_TIME] = 5,
};

/* Powers of ten for rounding to a number of decimals. */
static const double pow10s[] = {
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9
};

#define ELLIPSIS "\xe2\x80\xa6"		/* U+2026, one cell */
#define BIG_NUMBER 1e15			/* beyond this, %g instead of digits */
#define MS_EPOCH 1e11			/* epoch values above this are in ms */
#define LAST_EPOCH 253402300799.0	/* 9999-12-31T23:59:59Z */

/*
 * Copy s into out, cut if need be at a character boundary so no UTF-8
 * sequence is split.
 */
static void copy_text(char *out, size_t outsz, const char *s)
{
	size_t n = strlen(s);

	if (outsz == 0)
		return;
	if (n >= outsz) {
		n = outsz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

/* v with a fixed number of decimals, rounded; huge values in %g form. */
void format_number(char *out, size_t outsz, double v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if ((size_t)decimals >= WB_ARRAY_LEN(pow10s))
		decimals = (int)WB_ARRAY_LEN(pow10s) - 1;
	if (!isfinite(v)) {
		copy_text(out, outsz, "-");
		return;
	}
	if (fabs(v) >= BIG_NUMBER) {
		snprintf(out, outsz, "%.3g", v);
		return;
	}
	/* Round half away from zero, as people do, not to even. */
	v = round(v * pow10s[decimals]) / pow10s[decimals];
	if (v == 0)
		v = 0;		/* never "-0" */
	snprintf(out, outsz, "%.*f", decimals, v);
}

/* Seconds as M:SS or H:MM:SS, hours unbounded, fractions dropped. */
void format_duration(char *out, size_t outsz, double secs)
{
	unsigned long long t, h;
	unsigned m, s;

	if (!(secs > 0))
		secs = 0;	/* negative and NaN */
	if (secs > BIG_NUMBER)
		secs = BIG_NUMBER;
	t = (unsigned long long)floor(secs);
	h = t / 3600;
	m = (unsigned)(t / 60 % 60);
	s = (unsigned)(t % 60);
	if (h > 0)
		snprintf(out, outsz, "%llu:%02u:%02u", h, m, s);
	else
		snprintf(out, outsz, "%u:%02u", m, s);
}

/* v times scale as a whole percent: 0.834 at scale 100 -> "83%". */
static void format_percent(char *out, size_t outsz, double v, double scale)
{
	char buf[64];

	if (!(scale > 0) || !isfinite(scale))
		scale = 1;	/* unset: the value is already 0-100 */
	format_number(buf, sizeof(buf) - 1, v * scale, 0);
	strcat(buf, "%");
	copy_text(out, outsz, buf);
}

/*
 * Epoch seconds (or milliseconds, when large) as local "HH:MM". Zero or
 * less means "never" and gives "-". False if v is not a time at all.
 */
static bool format_time(char *out, size_t outsz, double v)
{
	char buf[16];
	struct tm tm;
	time_t t;

	if (v > MS_EPOCH)
		v /= 1000;
	if (v <= 0) {
		copy_text(out, outsz, "-");
		return true;
	}
	if (v > LAST_EPOCH)
		return false;
	t = (time_t)floor(v);
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%H:%M", &tm) == 0)
		return false;
	copy_text(out, outsz, buf);
	return true;
}

/* Format a value that parsed as the number v; false if it makes no sense. */
static bool format_numeric(char *out, size_t outsz, enum fmt fmt, double v,
			   double pct_scale, double tick)
{
	switch (fmt) {
	case FMT_COUNT:
		format_number(out, outsz, v, 0);
		return true;
	case FMT_DECIMAL:
		format_number(out, outsz, v, 1);
		return true;
	case FMT_DURATION:
		format_duration(out, outsz, v + tick);
		return true;
	case FMT_PERCENT:
		format_percent(out, outsz, v, pct_scale);
		return true;
	case FMT_TIME:
		return format_time(out, outsz, v);
	default:
		return false;
	}
}

/* A raw statistic value as its column's format shows it. */
const char *format_value(char *out, size_t outsz, enum fmt fmt,
			 const char *raw, double pct_scale, double tick)
{
	double v;

	if (raw == NULL || *raw == '\0')
		copy_text(out, outsz, "-");
	else if (fmt == FMT_STATE)
		copy_text(out, outsz, format_state(raw));
	else if (!parse_double(raw, &v) ||
		 !format_numeric(out, outsz, fmt, v, pct_scale, tick))
		copy_text(out, outsz, raw);	/* text, or not a number */
	return out;
}

/* The table entry for a state, by canonical or display word, or NULL. */
static const struct state_word *state_lookup(const char *state)
{
	if (state == NULL)
		return NULL;
	for (size_t i = 0; i < WB_ARRAY_LEN(state_words); i++)
		if (strcasecmp(state, state_words[i].word) == 0 ||
		    strcasecmp(state, state_words[i].display) == 0)
			return &state_words[i];
	return NULL;
}

/* The display word of a state; unknown states pass through. */
const char *format_state(const char *state)
{
	const struct state_word *sw = state_lookup(state);

	if (sw != NULL)
		return sw->display;
	return state != NULL ? state : "-";
}

/* The default role of a state, from the same table. */
enum role format_state_role(const char *state)
{
	const struct state_word *sw = state_lookup(state);

	return sw != NULL ? sw->role : ROLE_NORMAL;
}

/* A format's default column width, from the table. */
int format_default_width(enum fmt fmt)
{
	if ((size_t)fmt >= WB_ARRAY_LEN(default_widths))
		return default_widths[FMT_AUTO];
	return default_widths[fmt];
}

/*
 * The cells the character at s takes, and its length in *len. The text is
 * sanitised, so decoding is lenient: a byte that does not start a complete
 * sequence stands alone, one cell wide, as does anything wcwidth refuses.
 */
static int char_width(const unsigned char *s, size_t *len)
{
	unsigned char c = s[0];
	size_t n;
	uint32_t cp;
	int w;

	*len = 1;
	if (c < 0xc2 || c > 0xf4)
		return 1;	/* ASCII, or a stray byte */
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	cp = c & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 1;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	*len = n;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Cells a (sanitised) UTF-8 string takes on the terminal. */
int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	size_t n;

	if (s == NULL)
		return 0;
	while (*p != '\0') {
		if (*p < 0x80) {
			w++;	/* ASCII: one cell, no call */
			p++;
			continue;
		}
		w += char_width(p, &n);
		p += n;
	}
	return w;
}

/* Where text_fit writes: never past the end, never half a character. */
struct sink {
	char *p;
	size_t left;	/* bytes that may still be written, NUL excluded */
	bool full;	/* something did not fit: nothing more goes in */
};

/* Append n bytes whole, or nothing (and nothing after) if they don't fit. */
static void sink_put(struct sink *k, const char *s, size_t n)
{
	if (k->full || n > k->left) {
		k->full = true;
		return;
	}
	memcpy(k->p, s, n);
	k->p += n;
	k->left -= n;
}

/* Append n spaces (none if n <= 0). */
static void sink_spaces(struct sink *k, int n)
{
	while (n-- > 0)
		sink_put(k, " ", 1);
}

/* The spaces before text extra cells narrower than its column. */
static int left_pad(enum align align, int extra)
{
	switch (align) {
	case ALIGN_RIGHT:
		return extra;
	case ALIGN_CENTER:
		return extra / 2;
	default:
		return 0;
	}
}

/*
 * Copy the characters of s that fit in cells cells; returns the cells
 * used. *cut is set when a character that takes a cell was left out.
 * With tail > 0 a character is copied only if tail - (cells used after
 * it) bytes stay free for what follows the text (padding and ellipsis):
 * a flood of combining marks loses marks, never the column's width.
 */
static int copy_cells(struct sink *k, const char *s, int cells, int tail,
		      bool *cut)
{
	const unsigned char *p = (const unsigned char *)s;
	int used = 0, w;
	size_t n;

	*cut = false;
	for (; *p != '\0' && !k->full; p += n) {
		w = char_width(p, &n);
		if (used + w > cells) {
			*cut = true;
			break;
		}
		if (tail > 0 && n + (size_t)(tail - used - w) > k->left) {
			if (w == 0)
				continue;	/* drop a mark, keep going */
			*cut = true;
			break;
		}
		sink_put(k, (const char *)p, n);
		if (!k->full)
			used += w;
	}
	return used;
}

/*
 * s fitted to exactly width cells: the left pad by alignment, the text
 * (cut and ellipsised if too wide), then the right pad.
 */
char *text_fit(char *out, size_t outsz, const char *s, int width,
	       enum align align, bool ascii)
{
	struct sink k;
	int tw, lpad = 0, cells, used, tail = 0;
	bool cut;

	if (outsz == 0)
		return out;
	k = (struct sink){ out, outsz - 1, false };
	if (width > 0) {
		if (s == NULL)
			s = "";
		tw = text_width(s);
		cells = tw > width ? width - 1 : tw;
		if (tw <= width)
			lpad = left_pad(align, width - tw);
		/* Keep room for the full width when out is big enough. */
		if ((size_t)width + 3 <= outsz)
			tail = width - lpad + 2;
		sink_spaces(&k, lpad);
		used = copy_cells(&k, s, cells, tail, &cut);
		if (cut || tw > width) {
			sink_spaces(&k, width - lpad - used - 1);
			sink_put(&k, ascii ? "~" : ELLIPSIS, ascii ? 1 : 3);
		} else
			sink_spaces(&k, width - lpad - used);
	}
	*k.p = '\0';
	return out;
}
