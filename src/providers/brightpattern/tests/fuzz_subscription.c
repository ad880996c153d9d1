/*
 * fuzz_subscription.c - libFuzzer target: a layout of arbitrary text
 * (seeds: fuzz/corpus/layout); what loads must build a Bright Pattern
 * subscription in both dialects.
 */
#include "autoconf.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "layout/layout.h"
#include "providers/brightpattern/subscription.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errlist errs = { 0 }, warns = { 0 };
	char *text = xstrndup((const char *)data, size);
	struct layout *l =
		layout_load_text("fuzz.layout", text, NULL, &errs, &warns);

	if (l) {
		struct layoutset *set = layoutset_new(&l, 1, &errs);
		if (set) {
			free(brightpattern_subscription_build(
				set, DIALECT_DOCUMENTED, 0));
			free(brightpattern_subscription_build(
				set, DIALECT_COLLECTION, 2));
			layoutset_free(set);
		}
	}
	free(text);
	errlist_free(&errs);
	errlist_free(&warns);
	return 0;
}
