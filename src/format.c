/*
 * format.c - statistic values into words and numbers a person reads.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "format.h"
#include "state.h"

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

double format_seconds(double v, double scale)
{
	return scale > 0 ? v * scale : v;
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
		format_duration(out, outsz,
				format_seconds(v, pct_scale) + tick);
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

/* A cell as its column's format shows it. */
const char *format_cell(char *out, size_t outsz, enum fmt fmt,
			const struct cell *v, double pct_scale, double tick)
{
	const struct state_word *sw;

	if (v->unavailable)
		copy_text(out, outsz, "unavailable");
	else if (v->text == NULL || *v->text == '\0')
		copy_text(out, outsz, "-");
	else if (fmt == FMT_STATE)
		copy_text(out, outsz, (sw = state_at(v->state)) ? sw->display :
			  v->text);
	else if (isnan(v->num) ||
		 !format_numeric(out, outsz, fmt, v->num, pct_scale, tick))
		copy_text(out, outsz, v->text);	/* text, or not a number */
	return out;
}

const char *format_iso_utc(char *out, size_t outsz, double epoch)
{
	time_t t;
	struct tm tm;

	if (epoch > MS_EPOCH)
		epoch /= 1000;
	t = (time_t)floor(epoch);
	if (!(epoch > 0) || epoch > LAST_EPOCH || gmtime_r(&t, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		copy_text(out, outsz, "");
	return out;
}

/* A format's default column width, from the table. */
int format_default_width(enum fmt fmt)
{
	if ((size_t)fmt >= WB_ARRAY_LEN(default_widths))
		return default_widths[FMT_AUTO];
	return default_widths[fmt];
}
