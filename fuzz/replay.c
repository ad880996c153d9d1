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
		FILE *f = fopen(argv[i], "rb");
		struct buf b;
		char chunk[65536];
		size_t n;

		buf_init(&b);
		if (f == NULL) {
			printf("not ok %d - %s: cannot open\n", i, argv[i]);
			continue;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_append(&b, chunk, n);
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)(b.data ? b.data : ""), b.len);
		printf("ok %d - %s\n", i, argv[i]);
		buf_free(&b);
	}
	return 0;
}
