/*
 * fuzz_layout.c - libFuzzer target: a layout file of arbitrary text. The
 * parser must refuse it cleanly or load it, and what loads must make a set.
 * (What a source builds of it is fuzzed in that source's tests/.)
 */
#include "autoconf.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "layout/layout.h"

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
		if (set)
			layoutset_free(set);
		else
			layout_free(l);
	}
	errlist_free(&errs);
	errlist_free(&warns);
	return 0;
}
