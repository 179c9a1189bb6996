/*
 * report: gathers one-line diagnostics; see report.h.
 */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
report_init(struct report *rep)
{
	memset(rep, 0, sizeof(*rep));
}

void
report_clear(struct report *rep)
{
	for (size_t i = 0; i < rep->n; i++)
		free(rep->v[i].text);
	rep->n = 0;
	rep->errors = rep->warnings = rep->dropped = 0;
}

void
report_destroy(struct report *rep)
{
	report_clear(rep);
	free(rep->v);
	memset(rep, 0, sizeof(*rep));
}

static void
report_add(struct report *rep, enum report_level level, const char *fmt,
           va_list ap)
{
	char raw[1024];

	if (level == REPORT_ERROR)
		rep->errors++;
	else
		rep->warnings++;
	if (rep->n >= REPORT_MAX_MESSAGES) {
		rep->dropped++;
		return;
	}
	vsnprintf(raw, sizeof(raw), fmt, ap);
	rep->v = util_grow(rep->v, rep->n, &rep->cap, sizeof(*rep->v), 8);
	rep->v[rep->n].level = level;
	rep->v[rep->n].text = util_escape(raw, strlen(raw));
	rep->n++;
}

void
report_error(struct report *rep, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_add(rep, REPORT_ERROR, fmt, ap);
	va_end(ap);
}

void
report_warning(struct report *rep, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_add(rep, REPORT_WARNING, fmt, ap);
	va_end(ap);
}

void
report_print(const struct report *rep, FILE *out)
{
	for (size_t i = 0; i < rep->n; i++)
		fprintf(out, "%s%s\n",
		        rep->v[i].level == REPORT_WARNING ? "warning: " : "",
		        rep->v[i].text);
	if (rep->dropped)
		fprintf(out, "(%zu more messages not shown)\n", rep->dropped);
}

const char *
report_first(const struct report *rep)
{
	return rep->n ? rep->v[0].text : "";
}
