/*
 * fuzz_data_genesys.c - libFuzzer target: anything at all as a Genesys
 * statistic-values answer into a snapshot of the shipped Genesys layouts
 * over a few objects, its errors read as refusals (of statistics, and of
 * a whole subscription) and marked, then through plain-text output. Nothing may
 * crash, and no control byte may come out.
 */
#include "autoconf.h"

#include <stdint.h>

#include "fuzz.h"
#include "providers/genesys/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *agents[] = { "jdoe", "asmith", "kwong" };
	static char *queues[] = { "Sales", "Support" };
	static const struct genesys_objects o = {
		agents, 3, queues, 2, "Environment"
	};
	struct layoutset *set = fuzz_layouts_of("genesys");
	struct genesys_refusals refused = { 0 };
	char err[256];
	struct snapshot *s = genesys_parse_values(
		(const char *)data, size, set, &o, &refused, err, sizeof(err));

	/* What errors[] refused, marked and noted as the client does. */
	genesys_parse_refusal((const char *)data, size, set, &o, false,
			      &refused);
	if (s) {
		genesys_refusals_mark(s, set, &o, &refused);
		fuzz_print_clean(set, s);
		snapshot_free(s);
	}
	genesys_refusals_free(&refused);
	return 0;
}
