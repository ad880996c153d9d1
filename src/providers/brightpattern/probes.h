/*
 * probes.h - service availability (the service_available statistic), which
 * the Bright Pattern API does not put in a subscription: it is asked apart,
 * per service, from GET /statsapi/info/check_available_agents, and the last
 * answer is written into every snapshot handed over.
 */
#ifndef WB_BRIGHTPATTERN_PROBES_H
#define WB_BRIGHTPATTERN_PROBES_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/layout.h"
#include "snapshot.h"

/*
 * A totals value that is not part of the subscription (a STAT_PROBE
 * statistic such as service_available) and the service it is about: the
 * provider asks for it apart and writes it into the snapshot it hands over.
 */
struct http_req;
struct probe_ref {
	size_t tid;
	char *service;
	/* the last answer, a static word; NULL = none yet */
	const char *value;
	struct http_req *req;	/* the request on its way, or NULL */
	/* an answer (or a failure) came at least once */
	bool tried;
};

/* Every probe of set (the first service of each selection). */
size_t brightpattern_probes(const struct layoutset *set,
			    struct probe_ref **out);
void brightpattern_probes_free(struct probe_ref *probes, size_t n);
/* Write the probes' last answers into s. */
void brightpattern_probes_apply(const struct probe_ref *probes, size_t n,
			   struct snapshot *s);

/*
 * The answer to check_available_agents ({"availability": true|false},
 * sometimes a one-element list) as a state word, or NULL when it says
 * neither.
 */
const char *brightpattern_probe_answer(const char *body, size_t len);

#endif
