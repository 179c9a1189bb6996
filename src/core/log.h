/*
 * log: one line per event on stderr, with the time and a level:
 *   2026-11-29T12:40:01.123Z warn: slides/igf2007.json: reload failed: ...
 * The message is formatted first and then escaped (util_escape), so deck
 * text quoted in a message can never drive the terminal or split a line.
 * Deck text must only ever reach a log through a "%s" argument.
 */
#ifndef VITRINE_LOG_H
#define VITRINE_LOG_H

#include "report.h"

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Sets the most detailed level printed (default LOG_INFO). */
void log_set_level(enum log_level level);
/* Parses "error", "warn", "info" or "debug"; -1 when it is none. */
int log_level_parse(const char *name);

void log_msg(enum log_level level, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Logs each message of rep: errors at LOG_ERROR, warnings at LOG_WARN. */
void log_report(const struct report *rep);

#endif
