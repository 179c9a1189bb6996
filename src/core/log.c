/*
 * log: timestamped, levelled, escaped log lines on stderr; see log.h.
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

static enum log_level threshold = LOG_INFO;
static const char *const names[] = { "error", "warn", "info", "debug" };

void
log_set_level(enum log_level level)
{
	threshold = level;
}

int
log_level_parse(const char *name)
{
	for (int i = LOG_ERROR; i <= LOG_DEBUG; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

static void
print_line(enum log_level level, const char *text)
{
	struct timespec ts;
	struct tm tm;
	char stamp[32];
	char *safe = util_escape(text, strlen(text));

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
	fprintf(stderr, "%s.%03ldZ %s: %s\n", stamp, ts.tv_nsec / 1000000,
	        names[level], safe);
	free(safe);
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	char text[2048];
	va_list ap;

	if (level > threshold)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	print_line(level, text);
}

void
log_report(const struct report *rep)
{
	for (size_t i = 0; i < rep->n; i++)
		log_msg(rep->v[i].level == REPORT_ERROR ? LOG_ERROR : LOG_WARN,
		        "%s", rep->v[i].text);
	if (rep->dropped)
		log_msg(LOG_ERROR, "(%zu more messages not shown)",
		        rep->dropped);
}
