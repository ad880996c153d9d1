/*
 * catalog.h - the statistic catalogue of a data source: every statistic name
 * the source knows, what kind of value it carries, and how to show it. Layouts
 * are checked against it and formats and alignment take their defaults from
 * it, the way htop's Process_fields[] describes its columns as data.
 */
#ifndef WB_CATALOG_H
#define WB_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

enum stat_kind {
	STAT_COUNT,	/* a whole number: calls waiting, handled today */
	STAT_DURATION,	/* seconds, shown as m:ss or h:mm:ss */
	STAT_PERCENT,	/* a share; pct_scale turns the raw value into 0-100 */
	STAT_RATE,	/* a decimal number: calls per hour */
	STAT_TEXT,	/* names, ids, reasons */
	/* an agent state, normalised to the core's state words */
	STAT_STATE,
	STAT_TIME	/* a point in time (epoch seconds or milliseconds) */
};

/* Where a statistic can be used. */
#define STAT_SCOPE_TOTAL   0x1
#define STAT_SCOPE_AGENT   0x2
#define STAT_SCOPE_SERVICE 0x4
#define STAT_SCOPE_ANY     0x7

/* Flags. */
#define STAT_TICKS                                                             \
	0x1 /* a duration that grows while nothing changes: count up locally   \
	     */
#define STAT_RENAMED                                                           \
	0x2 /* an old name the server still accepts; --check warns */
#define STAT_PROBE 0x4	/* not subscribed: the provider asks for it apart */

struct stat_info {
	const char *name;
	enum stat_kind kind;
	/* STAT_PERCENT: 100 for fractions 0-1, 1 for 0-100 */
	double pct_scale;
	unsigned scope;
	unsigned flags;
	const char *renamed_to;	/* STAT_RENAMED: the current name */
	const char *desc;
};

/*
 * A total the source does not send, derived from the rows it does send
 * (a source whose API sends agent and queue lists but no totals). The rule is
 * data, so the catalogue says what a total means and the provider only applies
 * it.
 */
enum derive_op {
	DERIVE_SUM,		/* sum of field over the rows */
	DERIVE_MAX,		/* the largest field */
	/* average of field weighted by the statistic arg */
	DERIVE_WAVG,
	DERIVE_COUNT_EQ,	/* rows whose field equals arg */
	DERIVE_COUNT_NE		/* rows whose field differs from arg */
};

struct stat_derive {
	const char *name;	/* the total's statistic name */
	/* STAT_SCOPE_AGENT or STAT_SCOPE_SERVICE: whose rows */
	unsigned rows;
	enum derive_op op;
	const char *field;	/* the row statistic read (its raw value) */
	/* COUNT_*: the raw value compared; WAVG: the weight */
	const char *arg;
};

struct catalog {
	const char *provider;	/* the data source's name, as in --provider */
	const struct stat_info *stats;	/* sorted by name */
	size_t n;
	const struct stat_derive *derive;	/* sorted by name */
	size_t nderive;
	/* the source sends chat messages (ticker panels) */
	bool messages;
	/*
	 * The source's statistics are open: each deployment defines its own,
	 * so a layout may name one not listed here when its column says how
	 * to show it (format); the list still gives the defaults of the names
	 * it holds. Closed (false): a name not listed is an error.
	 */
	bool open;
};

/* The catalogue of a provider by name, or NULL. */
const struct catalog *catalog_for(const char *provider);
/* The catalogues in registry order: the i-th, or NULL past the last. */
const struct catalog *catalog_at(size_t i);
/*
 * Whose statistic names a layout uses when it does not say: the first
 * source of the registry (src/providers/providers.def).
 */
const char *catalog_default_provider(void);
/* A statistic by name, or NULL when the source does not know it. */
const struct stat_info *catalog_find(const struct catalog *cat,
				     const char *name);
const char *catalog_kind_name(enum stat_kind kind);
/*
 * The known statistic a misspelt name most likely meant (few edits
 * away, or the one name that holds it), for "did you mean"; NULL when
 * none is near enough to offer.
 */
const char *catalog_suggest(const struct catalog *cat, const char *name);

/*
 * --list-stats: every statistic of cat, one a line, tab-separated: its
 * name, kind, unit ("-" for none) and the panel types it serves
 * (comma-separated). Old names kept for compatibility are left out.
 */
void catalog_print(const struct catalog *cat, FILE *out);
/* How a derived total is computed, or NULL when the source sends it. */
const struct stat_derive *catalog_derive(const struct catalog *cat,
					 const char *name);

#endif
