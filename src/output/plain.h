/*
 * plain.h - every panel of a layout as plain text (for --once and for any
 * output that is not a terminal): no escape sequences, sanitised values,
 * columns aligned by display width, threshold levels as markers.
 */
#ifndef WB_PLAIN_H
#define WB_PLAIN_H

#include <stdio.h>

#include "layout/layout.h"
#include "snapshot.h"

void plain_layout(FILE *out, const struct layout *l, const struct snapshot *s,
		  bool ascii);

#endif
