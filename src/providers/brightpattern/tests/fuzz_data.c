/*
 * fuzz_data.c - libFuzzer target: a statistics server's data body, as
 * anything at all, into a snapshot of the shipped layouts, then through
 * every panel's table and plain-text output. Nothing may crash, and no
 * control byte may come out.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "providers/brightpattern/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layoutset *set = fuzz_layouts_of("brightpattern");
	char err[256];
	struct snapshot *s = brightpattern_parse_data((const char *)data, size, set,
						 NULL, err, sizeof(err));
	if (s) {
		fuzz_print_clean(set, s);
		snapshot_free(s);
	}
	return 0;
}
