/*
 * jsonbody.c - a body from the network read as JSON. See jsonbody.h.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/jsonbody.h"
#include "sanitize.h"

json_t *json_body(const char *body, size_t len, bool object, char *err,
		  size_t errsz)
{
	json_error_t jerr;
	json_t *root = json_loadb(body, len, JSON_ALLOW_NUL |
				  (object ? 0 : JSON_DECODE_ANY), &jerr);
	char *why;

	if (root == NULL) {
		why = sanitize_dup(jerr.text, strlen(jerr.text));
		if (errsz)
			snprintf(err, errsz, "malformed JSON at byte %d: %s",
				 jerr.position, why);
		free(why);
		return NULL;
	}
	if (object && !json_is_object(root)) {
		if (errsz)
			snprintf(err, errsz,
				 "unexpected shape: the body is not an object");
		json_decref(root);
		return NULL;
	}
	return root;
}
