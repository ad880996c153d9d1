/*
 * jsonbody.h - a body from the network read as JSON, the same way for
 * every data source: NUL bytes allowed inside strings, and a refusal that
 * says where the text broke without letting the text itself through
 * unsanitised (jansson quotes the offending input).
 */
#ifndef WB_JSONBODY_H
#define WB_JSONBODY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * The JSON of body, or NULL with the reason in err ("malformed JSON at
 * byte N: ..."). object: anything but an object is refused too
 * ("unexpected shape: the body is not an object"); otherwise any JSON
 * value is taken, a bare number included.
 */
json_t *json_body(const char *body, size_t len, bool object, char *err,
		  size_t errsz);

#endif
