/*
 * fuzz_layout.c - libFuzzer target: a layout of arbitrary text (up to its
 * first NUL: layout_load_text takes a string). The parser must refuse it
 * cleanly or load it, and what loads must make a set. (What a source
 * builds of it is fuzzed in that source's tests/.)
 */
#include "autoconf.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "layout/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errlist errs = { 0 }, warns = { 0 };
	char *text = xstrndup((const char *)data, size);
	struct layout *l =
		layout_load_text("fuzz.layout", text, NULL, &errs, &warns);

	if (l) {
		struct layoutset *set = layoutset_new(&l, 1, &errs);
		if (set)
			layoutset_free(set);
		else
			layout_free(l);
	}
	free(text);
	errlist_free(&errs);
	errlist_free(&warns);
	return 0;
}
