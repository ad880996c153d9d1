/*
 * replay.c - runs a fuzz target's entry point over files given on the
 * command line, without libFuzzer: the seed corpora and every input that
 * once crashed are replayed by `make check` with the ordinary compiler,
 * printing TAP.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "util.h"

int main(int argc, char **argv)
{
	printf("1..%d\n", argc - 1);
	for (int i = 1; i < argc; i++) {
		struct buf b;

		if (!read_file(argv[i], (size_t)1 << 30, &b)) {
			printf("not ok %d - %s: cannot read\n", i, argv[i]);
			continue;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
		printf("ok %d - %s\n", i, argv[i]);
		buf_free(&b);
	}
	return 0;
}
