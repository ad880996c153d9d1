/*
 * log.c - the event log. See log.h.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "sanitize.h"

struct log {
	FILE *f;
};

struct log *log_open(const char *path, struct errlist *errs)
{
	struct log *log;
	struct stat st;
	int fd;

	if (path == NULL)
		return NULL;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC |
		  O_NOCTTY, 0600);
	if (fd < 0) {
		errlist_add(errs, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		errlist_add(errs,
			    "%s: not a regular file: refusing it as a log",
			    path);
		close(fd);
		return NULL;
	}
	log = xcalloc(1, sizeof(*log));
	log->f = fdopen(fd, "a");
	if (log->f == NULL) {
		errlist_add(errs, "%s: %s", path, strerror(errno));
		close(fd);
		free(log);
		return NULL;
	}
	return log;
}

void log_event(struct log *log, const char *fmt, ...)
{
	char when[32], raw[1024], line[1024];
	struct timespec ts;
	struct tm tm;
	va_list ap;

	if (log == NULL)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	fprintf(log->f, "%s.%03ld %s\n", when, ts.tv_nsec / 1000000,
		sanitize_line(line, sizeof(line), raw));
	fflush(log->f);
}

void log_close(struct log *log)
{
	if (log == NULL)
		return;
	fclose(log->f);
	free(log);
}
