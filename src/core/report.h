/*
 * report: a list of diagnostics (errors and warnings) gathered while checking
 * something, printed once by whoever asked. Pure C.
 *
 * Each message is one line; control characters in it are escaped on the way
 * in, so deck text quoted in a message can never drive a terminal.
 *
 * Usage:
 *	struct report rep;
 *	report_init(&rep);
 *	report_error(&rep, "%s:%d:%d: %s: expected a string", file, l, c, path);
 *	report_print(&rep, stderr);
 *	report_destroy(&rep);
 */
#ifndef VITRINE_REPORT_H
#define VITRINE_REPORT_H

#include <stddef.h>
#include <stdio.h>

#define REPORT_MAX_MESSAGES 200 /* later ones are counted, not kept */

enum report_level { REPORT_ERROR, REPORT_WARNING };

struct report_message {
	enum report_level level;
	char *text; /* owned; one line, no trailing newline */
};

struct report {
	struct report_message *v; /* owned */
	size_t n, cap;
	size_t errors, warnings; /* counted, including dropped ones */
	size_t dropped;
};

void report_init(struct report *rep);
/* Frees every message. Accepts a zeroed report. */
void report_destroy(struct report *rep);
/* Drops every message, keeps the storage. */
void report_clear(struct report *rep);

void report_error(struct report *rep, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void report_warning(struct report *rep, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Prints each message as one line ("warning: " before warnings). */
void report_print(const struct report *rep, FILE *out);

/* The first message's text, or "" when there is none. Borrowed. */
const char *report_first(const struct report *rep);

#endif
