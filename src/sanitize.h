/*
 * sanitize.h - the one gate between text from the network (agent names,
 * service names, chat messages, error bodies) and the terminal.
 *
 * Everything that came from outside passes here before it is stored in a
 * snapshot or written anywhere: control characters (C0, DEL, C1), every
 * escape sequence whole (CSI, OSC, DCS...: its printable bytes too, so a
 * name does not show "[31m" or a title it tried to set), bidi overrides and
 * isolates, zero-width and other invisible format characters are removed or
 * replaced, invalid UTF-8 becomes U+FFFD, and tabs and newlines become spaces.
 * What comes out is valid UTF-8 that draws exactly as many cells as it says.
 */
#ifndef WB_SANITIZE_H
#define WB_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Write the sanitised form of src[0..len) to dst, NUL-terminated.
 * dst must have room for SANITIZE_MAX(len) bytes. Returns the number of
 * bytes written, not counting the NUL.
 */
#define SANITIZE_MAX(len) ((len) * 3 + 1)
size_t sanitize_copy(char *dst, const char *src, size_t len);

/* A newly allocated sanitised copy (free() it). */
char *sanitize_dup(const char *src, size_t len);

/*
 * The sanitised form of the string src into dst (size bytes), cut at a
 * character boundary when it does not fit. Returns dst.
 */
char *sanitize_line(char *dst, size_t size, const char *src);

/* True if s needs no change (fast path for the common all-ASCII case). */
bool sanitize_is_clean(const char *s, size_t len);

/*
 * Remove secrets from a message (in place, NUL-terminated in size bytes)
 * before it is shown or logged: every occurrence of each known secret
 * (secrets[0..n), NULLs skipped), and whatever follows a word that
 * introduces one ("client_secret=", "password", "token", "Authorization:",
 * "api_key"...) up to the next separator, become "[secret]". A server's
 * error that quotes the request it refused cannot show the secret.
 */
void sanitize_secrets(char *msg, size_t size, const char *const *secrets,
		      size_t n);

#endif
