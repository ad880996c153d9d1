/*
 * fuzz.h - shared by the fuzz targets (here and in each source's tests/):
 * the shipped layouts, loaded once, and the check that nothing printed
 * holds a control byte.
 */
#ifndef WB_FUZZ_H
#define WB_FUZZ_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "output/plain.h"
#include "snapshot.h"

/* The entry point every target defines (libFuzzer's, or replay.c's caller). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef WB_SRCDIR
#define WB_SRCDIR "."
#endif

static inline int fuzz_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * A provider's shipped layouts (layouts/<provider>/ *.layout, in name
 * order) as one set, loaded on first use and kept: the targets run
 * millions of inputs against the same layouts.
 */
static inline struct layoutset *fuzz_layouts_of(const char *provider)
{
	static struct { const char *provider; struct layoutset *set; } cache[8];
	struct errlist errs = { 0 }, warns = { 0 };
	struct layout *ls[16];
	char *names[16], dir[1024];
	size_t n = 0, i;
	struct dirent *e;
	DIR *d;

	for (i = 0; i < 8 && cache[i].provider; i++)
		if (strcmp(cache[i].provider, provider) == 0)
			return cache[i].set;
	if (i == 8)
		abort();
	snprintf(dir, sizeof(dir), "%s/layouts/%s", WB_SRCDIR, provider);
	if ((d = opendir(dir)) == NULL)
		abort();
	while ((e = readdir(d)) != NULL && n < 16) {
		size_t len = strlen(e->d_name);
		if (len > 7 && strcmp(e->d_name + len - 7, ".layout") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), fuzz_cmp);
	for (size_t k = 0; k < n; k++) {
		char path[2048];
		snprintf(path, sizeof(path), "%s/%s", dir, names[k]);
		ls[k] = layout_load(path, provider, &errs, &warns);
		if (ls[k] == NULL) {
			fprintf(stderr, "fuzz: %s\n",
				errs.n ? errs.msgs[0] : path);
			abort();
		}
		free(names[k]);
	}
	cache[i].provider = provider;
	cache[i].set = layoutset_new(ls, n, &errs);
	if (cache[i].set == NULL)
		abort();
	return cache[i].set;
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
