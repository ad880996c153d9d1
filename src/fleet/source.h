/*
 * source.h - a screen's data source when it reads a publisher's feed
 * (--from mqtt[s]://HOST[:PORT]/PREFIX): a struct provider like a
 * vendor's, so the board and everything in it work unchanged.
 *
 * It subscribes to the publisher's status, its layouts and the data of
 * the layouts shown. Each update becomes a snapshot whose data time is
 * the publisher's, so old data reads as old (STALE, with its true age).
 * When the publisher's last will arrives the status says the source is
 * down and since when, and the last data stays, growing stale. When the
 * broker is unreachable the status says so and the client reconnects by
 * itself. A message that breaks the contract is refused, counted and
 * logged; the last good data stays.
 */
#ifndef WB_FLEET_SOURCE_H
#define WB_FLEET_SOURCE_H

#include "config.h"
#include "layout/layout.h"
#include "log.h"
#include "provider.h"

/*
 * A source for cfg->from, connecting at once. NULL with the reason in
 * errs (a bad URL, TLS settings libmosquitto refuses).
 */
struct provider *fleet_source_new(const struct config *cfg, struct log *log,
				  struct errlist *errs);

/*
 * The layouts the publisher publishes, in their keys' order, once its
 * status and every layout it lists have arrived: a screen given no -l
 * shows these. Waits up to timeout seconds (0: for ever, saying so on
 * stderr as things change); NULL with the reason in errs when none came
 * or one does not load.
 */
struct layoutset *fleet_source_layouts(struct provider *p, double timeout,
				       struct errlist *errs);

/* The publisher's poll interval (from its status), or 0 when unknown. */
double fleet_source_interval(const struct provider *p);

/*
 * Show set (the publisher's layouts or the screen's own -l): subscribe
 * to the data of each, matched by name. Call once, before the board runs.
 */
void fleet_source_show(struct provider *p, const struct layoutset *set,
		       struct log *log);

#endif
