/*
 * fuzz_data_genesys.c - libFuzzer target: anything at all as a Genesys
 * statistic-values answer into a snapshot of the shipped Genesys layouts
 * over a few objects, then through plain-text output. Nothing may crash,
 * and no control byte may come out.
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
	char err[256];
	struct snapshot *s = genesys_parse_values((const char *)data, size, set,
						  &o, err, sizeof(err));

	if (s) {
		fuzz_print_clean(set, s);
		snapshot_free(s);
	}
	return 0;
}
