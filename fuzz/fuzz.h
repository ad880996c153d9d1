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
#include "plain.h"
#include "snapshot.h"

/* The entry point every target defines (libFuzzer's, or replay.c's caller). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef WB_SRCDIR
#define WB_SRCDIR "."
#endif

/* A provider's shipped layouts as one set (layouts/<provider>/files). */
static inline struct layoutset *fuzz_load(const char *provider,
					  const char *const *files, size_t n)
{
	struct errlist errs = { 0 }, warns = { 0 };
	struct layout *ls[8];
	struct layoutset *set;

	for (size_t i = 0; i < n && i < 8; i++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/layouts/%s/%s", WB_SRCDIR,
			 provider, files[i]);
		ls[i] = layout_load(path, provider, &errs, &warns);
		if (ls[i] == NULL) {
			fprintf(stderr, "fuzz: %s\n", errs.n ? errs.msgs[0] : path);
			abort();
		}
	}
	set = layoutset_new(ls, n, &errs);
	if (set == NULL)
		abort();
	return set;
}

/* The Bright Pattern shipped layouts, loaded on first use. */
static inline struct layoutset *fuzz_layouts(void)
{
	static struct layoutset *set;
	static const char *const files[] = {
		"inbound.layout", "agents.layout", "outbound.layout", "digital.layout"
	};

	if (set == NULL)
		set = fuzz_load("brightpattern", files, 4);
	return set;
}

/* The layouts of the other providers (8x8, genesys), loaded on first use. */
static inline struct layoutset *fuzz_layouts_of(const char *provider)
{
	static struct layoutset *sets[2];
	static const char *const files[] = { "queues.layout", "agents.layout" };
	int i = provider[0] == '8' ? 0 : 1;

	if (sets[i] == NULL)
		sets[i] = fuzz_load(provider, files, 2);
	return sets[i];
}

/*
 * Print every layout of set with s as plain text and abort when a control
 * byte comes out: nothing from the network may reach the terminal as one.
 */
static inline void fuzz_print_clean(struct layoutset *set, struct snapshot *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	for (size_t i = 0; i < set->n; i++)
		plain_layout(f, set->layouts[i], s, false);
	fclose(f);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)out[i] < 0x20 && out[i] != '\n')
			abort();
	free(out);
}

#endif
