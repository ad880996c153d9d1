/*
 * fuzz_subscription.c - libFuzzer target: a layout file of arbitrary text
 * (seeds: fuzz/corpus/layout); what loads must build a Bright Pattern
 * subscription in both dialects.
 */
#include "autoconf.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "layout/layout.h"
#include "providers/brightpattern/subscription.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/wbfuzz-layout-XXXXXX";
	int fd = mkstemp(path);
	struct errlist errs = { 0 }, warns = { 0 };
	struct layout *l;

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	l = layout_load(path, NULL, &errs, &warns);
	unlink(path);
	if (l) {
		struct layoutset *set = layoutset_new(&l, 1, &errs);
		if (set) {
			free(brightpattern_subscription_build(set, DIALECT_DOCUMENTED, 0));
			free(brightpattern_subscription_build(set, DIALECT_COLLECTION, 2));
			layoutset_free(set);
		}
	}
	errlist_free(&errs);
	errlist_free(&warns);
	return 0;
}
