/*
 * due: slides' windows against the wall clock; see due.h.
 */
#include "due.h"

#include <string.h>

#include "civil.h"

static bool
countdown_ends(const struct deck_slide *s)
{
	return s->layout == DECK_LAYOUT_COUNTDOWN && s->until && !s->after;
}

/* Whether the local day t is one the window allows. */
static bool
day_allowed(const struct deck_when *w, const struct civil_tm *t)
{
	uint32_t ymd = (uint32_t)(t->year * 10000 + t->month * 100 + t->day);
	bool date = w->n_dates == 0;

	for (size_t k = 0; k < w->n_dates && !date; k++)
		date = w->dates[k] == ymd;
	return date && (!w->days || (w->days >> t->wday & 1));
}

static bool
in_window(const struct deck_when *w, int64_t now_ms)
{
	int from = w->from ? w->from - 1 : 0;
	int until = w->until ? w->until - 1 : 1440;
	struct civil_tm t;
	int m;

	civil_local(now_ms, &t);
	m = t.hour * 60 + t.min;
	if (from <= until)
		return m >= from && m < until && day_allowed(w, &t);
	if (m >= from) /* a window passing midnight, on its first day */
		return day_allowed(w, &t);
	if (m >= until)
		return false;
	civil_local(now_ms - (int64_t)(m + 1) * 60000, &t); /* the day before */
	return day_allowed(w, &t);
}

bool
due_until(const struct deck_slide *s, int64_t *ms)
{
	return s->until && civil_parse(s->until, ms) == 0;
}

bool
due_slide(const struct deck *d, size_t i, int64_t now_ms)
{
	const struct deck_slide *s = &d->slides[i];
	int64_t until;

	if (countdown_ends(s) && due_until(s, &until) && now_ms >= until)
		return false;
	return s->when.line == 0 || in_window(&s->when, now_ms);
}

bool
due_varies(const struct deck *d)
{
	for (size_t i = 0; i < d->n_slides; i++)
		if (d->slides[i].when.line || countdown_ends(&d->slides[i]))
			return true;
	return false;
}

/* The first instant after now_ms at local minute m of a day. */
static int64_t
next_at_minute(const struct civil_tm *today, int m, int64_t now_ms)
{
	int64_t t = civil_at(today->year, today->month, today->day, m);

	return t > now_ms ? t
	                  : civil_at(today->year, today->month, today->day,
	                             m + 1440);
}

static int64_t
earlier(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

int64_t
due_next_change(const struct deck *d, int64_t now_ms)
{
	int64_t next = INT64_MAX, until;
	struct civil_tm today;

	if (!due_varies(d))
		return INT64_MAX;
	civil_local(now_ms, &today);
	next = next_at_minute(&today, 0, now_ms); /* the day changes */
	for (size_t i = 0; i < d->n_slides; i++) {
		const struct deck_slide *s = &d->slides[i];

		if (s->when.from)
			next = earlier(next,
			               next_at_minute(&today, s->when.from - 1,
			                              now_ms));
		if (s->when.until)
			next = earlier(next,
			               next_at_minute(&today, s->when.until - 1,
			                              now_ms));
		if (countdown_ends(s) && due_until(s, &until) && until > now_ms)
			next = earlier(next, until);
	}
	return next;
}

size_t
due_fallback(const struct deck *d)
{
	for (size_t i = 0; d->settings.fallback && i < d->n_slides; i++)
		if (d->slides[i].id &&
		    strcmp(d->slides[i].id, d->settings.fallback) == 0)
			return i;
	return DUE_NONE;
}
