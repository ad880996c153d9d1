/*
 * probes.c - the services whose availability the layouts show, and their
 * answers. See probes.h.
 */
#include "autoconf.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "net/jsonbody.h"
#include "providers/brightpattern/probes.h"

size_t brightpattern_probes(const struct layoutset *set, struct probe_ref **out)
{
	size_t n = 0;

	*out = NULL;
	for (size_t t = 0; t < set->ntotals; t++) {
		const struct stat_info *si =
			catalog_find(set->catalog, set->totals[t]);
		const char *scope = set->total_scopes[t];
		if (si == NULL || !(si->flags & STAT_PROBE) || *scope == '\0')
			continue;
		*out = xreallocarray(*out, n + 1, sizeof(**out));
		(*out)[n].tid = t;
		(*out)[n].service = xstrndup(scope, strcspn(scope, "\n"));
		(*out)[n].value = NULL;
		(*out)[n].req = NULL;
		(*out)[n].tried = false;
		n++;
	}
	return n;
}

void brightpattern_probes_free(struct probe_ref *probes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(probes[i].service);
	free(probes);
}

void brightpattern_probes_apply(const struct probe_ref *probes, size_t n,
			   struct snapshot *s)
{
	for (size_t i = 0; i < n; i++)
		if (probes[i].value && probes[i].tid < s->ntotals)
			snapshot_set_total(s, probes[i].tid, probes[i].value);
}

const char *brightpattern_probe_answer(const char *body, size_t len)
{
	json_t *root = json_body(body, len, false, NULL, 0), *v;
	const char *word = NULL;

	v = json_object_get(root, "availability");
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_boolean(v))
		word = json_is_true(v) ? "service_available"
				       : "service_none_ready";
	json_decref(root);
	return word;
}
