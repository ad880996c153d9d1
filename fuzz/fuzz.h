/*
 * fuzz.h - shared by the fuzz targets: the shipped layouts, loaded once.
 */
#ifndef WB_FUZZ_H
#define WB_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "layout.h"

/* The entry point every target defines (libFuzzer's, or replay.c's caller). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef WB_SRCDIR
#define WB_SRCDIR "."
#endif

/* The shipped layouts as one set, loaded on first use. */
static inline struct layoutset *fuzz_layouts(void)
{
	static struct layoutset *set;
	static const char *const files[] = {
		"inbound.layout", "agents.layout", "outbound.layout", "digital.layout"
	};
	struct errlist errs = { 0 }, warns = { 0 };
	struct layout *ls[4];

	if (set)
		return set;
	for (size_t i = 0; i < 4; i++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/layouts/%s", WB_SRCDIR, files[i]);
		ls[i] = layout_load(path, "brightpattern", &errs, &warns);
		if (ls[i] == NULL) {
			fprintf(stderr, "fuzz: %s\n", errs.n ? errs.msgs[0] : path);
			abort();
		}
	}
	set = layoutset_new(ls, 4, &errs);
	if (set == NULL)
		abort();
	return set;
}

#endif
