/*
 * oauth.c - reading an OAuth2 token answer. See oauth.h.
 */
#include "autoconf.h"

#include <jansson.h>

#include "net/jsonbody.h"
#include "net/oauth.h"
#include "util.h"

char *oauth_parse_token(const char *body, size_t len, double *expires_in)
{
	json_t *root = json_body(body, len, true, NULL, 0);
	json_t *tok, *exp;
	char *out = NULL;

	*expires_in = 0;
	if (root == NULL)
		return NULL;
	tok = json_object_get(root, "access_token");
	exp = json_object_get(root, "expires_in");
	if (json_is_string(tok) && json_string_length(tok) > 0)
		out = xstrdup(json_string_value(tok));
	if (json_is_number(exp))
		*expires_in = json_number_value(exp);
	else if (json_is_string(exp) &&
		 !parse_double(json_string_value(exp), expires_in))
		*expires_in = 0;
	json_decref(root);
	return out;
}
