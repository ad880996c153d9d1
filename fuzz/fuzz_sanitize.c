/*
 * fuzz_sanitize.c - libFuzzer target: the sanitiser and the width-aware
 * text fitting on arbitrary bytes. The output must be valid UTF-8 with no
 * control character, never longer than SANITIZE_MAX, and fitting must give
 * exactly the asked width.
 */
#include "autoconf.h"

#include "fuzz.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "sanitize.h"

/* True when s is valid UTF-8 without C0, DEL or C1 controls. */
static int clean_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t len = c < 0x80             ? 1
			     : (c & 0xE0) == 0xC0 ? 2
			     : (c & 0xF0) == 0xE0 ? 3
			     : (c & 0xF8) == 0xF0 ? 4
						  : 0;
		if (len == 0 || i + len > n)
			return 0;
		if (c < 0x20 || c == 0x7F)
			return 0;
		if (c == 0xC2 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
			return 0;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	char *out = malloc(SANITIZE_MAX(size));
	char fit[4 * 40 + 8];
	size_t n;

	if (!init) {
		setlocale(LC_ALL, "C.UTF-8");
		init = 1;
	}
	n = sanitize_copy(out, (const char *)data, size);
	if (n >= SANITIZE_MAX(size) || out[n] != '\0' || strlen(out) != n)
		abort();
	if (!clean_utf8((const unsigned char *)out, n))
		abort();
	for (int w = 0; w <= 40; w += 7) {
		text_fit(fit, sizeof(fit), out, w, ALIGN_RIGHT, false);
		if (text_width(fit) != w)
			abort();
	}
	free(out);
	return 0;
}
