/*
 * fuzz_data_8x8.c - libFuzzer target: anything at all as both bodies of an
 * 8x8 poll (agents.json and queues.json) into a snapshot of the shipped 8x8
 * layouts, then through plain-text output. Nothing may crash, and no
 * control byte may come out.
 */
#include "autoconf.h"

#include <stdint.h>

#include "providers/8x8/parse.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layoutset *set = fuzz_layouts_of("8x8");
	char err[256];
	struct snapshot *s = eightbyeight_parse((const char *)data, size,
						(const char *)data, size, set,
						err, sizeof(err));

	if (s) {
		fuzz_print_clean(set, s);
		snapshot_free(s);
	}
	return 0;
}
