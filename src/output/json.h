/*
 * json.h - --once --format json: every panel of every layout as one JSON
 * document for scripts and other systems, versioned (format_version) and
 * described in wallboard(1), JSON OUTPUT. Values are typed (numbers as
 * numbers in display units, text as strings, state words as the core's
 * word beside the text shown, null for no value), each with its
 * threshold level; the document also says when the data came and how
 * the source stood.
 */
#ifndef WB_OUTPUT_JSON_H
#define WB_OUTPUT_JSON_H

#include <stdio.h>

#include "output/once.h"

/*
 * The version of the document's shape; a change that breaks a reader bumps it.
 */
#define JSON_FORMAT_VERSION 1

/*
 * Print r as one JSON document to out. Returns 0, or 1 when no data
 * came (the document then says why, with "layouts": null).
 */
int once_json(FILE *out, const struct once_result *r);

#endif
