/*
 * oauth.h - what every OAuth2 server answers alike (RFC 6749), read the
 * same way for every data source that logs in with a bearer token.
 */
#ifndef WB_OAUTH_H
#define WB_OAUTH_H

#include <stddef.h>

/*
 * A token answer: access_token (malloc'd; secret_free() it) and
 * expires_in seconds, which servers send as a string or a number (0 when
 * absent). NULL when the body holds no token.
 */
char *oauth_parse_token(const char *body, size_t len, double *expires_in);

/* Why a token with characters a header cannot carry is refused. */
#define TOKEN_REFUSED "the server's token holds characters a request " \
	"header cannot carry (a blank, CR, LF or control byte): refused"

#endif
