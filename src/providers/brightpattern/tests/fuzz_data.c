/*
 * fuzz_data.c - libFuzzer target: a statistics server's data body, as
 * anything at all, into a snapshot of the shipped layouts (read as the
 * documented dialect's plan of selections has them read), then through
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
#include "providers/brightpattern/selection.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layoutset *set = fuzz_layouts_of("brightpattern");
	static struct selection *sel;	/* made once, like the layouts */
	char err[256];
	struct snapshot *s;

	if (sel == NULL)
		sel = brightpattern_selection_plan(set, DIALECT_DOCUMENTED);
	s = brightpattern_parse_data((const char *)data, size, set, sel, err,
				     sizeof(err));
	if (s) {
		fuzz_print_clean(set, s);
		snapshot_free(s);
	}
	return 0;
}
