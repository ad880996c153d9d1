/*
 * fuzz_sim_subscribe.c - libFuzzer target: the test server's subscription
 * parser (both dialects) and the data it then produces. A bad body must be
 * refused with a message, never crash the server.
 */
#include "autoconf.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdlib.h>

#include "providers/brightpattern/view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sim *sim;
	char err[256];
	struct sim_sub *sub;

	if (sim == NULL) {
		struct sim_options o;
		sim_options_default(&o);
		o.seed = 1;
		sim = sim_new(&o);
	}
	sub = brightpattern_view_subscribe(sim, (const char *)data, size, err,
					   sizeof(err));
	if (sub) {
		free(brightpattern_view_data(sim, sub));
		brightpattern_view_free(sub);
	}
	return 0;
}
