/*
 * lint_time: what --check warns of in a deck's times (lint.h): a slide
 * window that never opens, a window's dates outside the event's date, and
 * windows on every slide with no fallback for the hours between them.
 */
#include "lint.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "civil.h"

static const char *const months[] = { "january", "february", "march",
	                              "april",   "may",      "june",
	                              "july",    "august",   "september",
	                              "october", "november", "december" };

/* The event's day as YYYYMMDD when event.date names one ("2007-11-13" or
 * "13 November 2007"); 0 otherwise (a range, free text). */
static uint32_t
event_day(const struct deck *d)
{
	const char *s = d->event.date;
	int y, m, day;
	char month[16];

	if (!s)
		return 0;
	if (civil_parse_date(s, &y, &m, &day) == 0)
		return (uint32_t)(y * 10000 + m * 100 + day);
	if (sscanf(s, "%2d %15s %4d", &day, month, &y) != 3)
		return 0;
	for (m = 0; m < 12; m++)
		if (strcasecmp(month, months[m]) == 0)
			return (uint32_t)(y * 10000 + (m + 1) * 100 + day);
	return 0;
}

/* Whether a date YYYYMMDD falls on one of the window's weekdays. */
static bool
on_a_day(uint32_t ymd, uint8_t days)
{
	int64_t t = civil_at((int)(ymd / 10000), (int)(ymd / 100 % 100),
	                     (int)(ymd % 100), 720);
	struct civil_tm tm;

	civil_local(t, &tm);
	return !days || (days >> tm.wday & 1);
}

/* Why the window never opens, or NULL. */
static const char *
never_opens(const struct deck_when *w)
{
	bool any = w->n_dates == 0;

	if (w->from && w->from == w->until)
		return "\"from\" and \"until\" are the same time";
	for (size_t k = 0; k < w->n_dates && !any; k++)
		any = on_a_day(w->dates[k], w->days);
	return any ? NULL : "none of its dates falls on one of its days";
}

static size_t
lint_window(const struct deck *d, size_t i, uint32_t event, struct report *rep)
{
	const struct deck_when *w = &d->slides[i].when;
	const char *why = never_opens(w);
	size_t n = 0;

	if (why) {
		report_warning(rep,
		               "%s:%d: slides[%zu].when: never open: %s; "
		               "fix the window or remove \"when\"",
		               d->path, w->line, i, why);
		n++;
	}
	for (size_t k = 0; event && k < w->n_dates; k++) {
		if (w->dates[k] == event)
			continue;
		report_warning(rep,
		               "%s:%d: slides[%zu].when.dates[%zu]: %04u-%02u-"
		               "%02u is not the event's date (%s)",
		               d->path, w->line, i, k, w->dates[k] / 10000,
		               w->dates[k] / 100 % 100, w->dates[k] % 100,
		               d->event.date);
		n++;
	}
	return n;
}

size_t
lint_times(const struct deck *d, struct report *rep)
{
	uint32_t event = event_day(d);
	size_t n = 0, windows = 0;

	for (size_t i = 0; i < d->n_slides; i++) {
		if (!d->slides[i].when.line)
			continue;
		windows++;
		n += lint_window(d, i, event, rep);
	}
	if (windows == d->n_slides && !d->settings.fallback) {
		report_warning(rep,
		               "%s: every slide has a time window and "
		               "settings.fallback is not set: between windows "
		               "slide 1 shows; set \"fallback\" to the id of "
		               "the slide to show then",
		               d->path);
		n++;
	}
	return n;
}
