/*
 * log.h - the event log (--log FILE, log_file): every change of the
 * connection's state, with the local time, for a wall screen nobody
 * watches. The file is created for its owner alone (0600), must be a
 * regular file (a FIFO would block the board), and every line is
 * sanitised: nothing in it can reach a terminal that shows it as a
 * control sequence.
 */
#ifndef WB_LOG_H
#define WB_LOG_H

#include "util.h"

struct log;

/* Open path for appending; NULL with the reason in errs. path NULL: no log. */
struct log *log_open(const char *path, struct errlist *errs);
/* One line: the local time, then the text. Nothing when log is NULL. */
void log_event(struct log *log, const char *fmt, ...) WB_PRINTF(2, 3);
void log_close(struct log *log);

#endif
