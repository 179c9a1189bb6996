/*
 * deck_time: the deck's times: its time zone, a countdown's moment, and a
 * slide's window (the days and times it is due). Getters for deck_check.c's
 * walk; each checks one value against civil.h and stores it.
 */
#include "deck_schema.h"

#include <stdio.h>
#include <string.h>

#include "civil.h"

#define MAX_DATES 366 /* days in one window */

static const char *const day_names[] = { "sunday",    "monday",   "tuesday",
	                                 "wednesday", "thursday", "friday",
	                                 "saturday",  NULL };
static const char *const day_short[] = { "sun", "mon", "tue", "wed",
	                                 "thu", "fri", "sat", NULL };

static void *
at(const struct slot *s)
{
	return (char *)s->base + s->f->off;
}

void
deck_get_zone(struct ctx *c, const struct slot *s)
{
	const char *name = deck_take_string(
	        c, s->n, s->path, "empty; give an IANA zone, e.g. \"UTC\"");
	char why[128], q[QUOTE_BUF];

	if (name && !civil_zone_exists(name, why, sizeof(why)))
		deck_value_error(c, s->n, s->path,
		                 "%s: %s; give an IANA zone such as "
		                 "\"America/Sao_Paulo\" (Debian: install "
		                 "tzdata)",
		                 deck_quote(q, name), why);
	else if (name)
		*(const char **)at(s) = name;
}

void
deck_get_time(struct ctx *c, const struct slot *s)
{
	const char *t = deck_take_string(c, s->n, s->path,
	                                 "empty; give a date-time, e.g. "
	                                 "\"2007-11-13T10:00\"");
	char q[QUOTE_BUF];
	int64_t ms;

	if (t && civil_parse(t, &ms) < 0)
		deck_value_error(c, s->n, s->path,
		                 "%s is not a date-time; write it as "
		                 "\"2007-11-13T10:00\" (ISO 8601: seconds "
		                 "and an offset such as \"-02:00\" may "
		                 "follow)",
		                 deck_quote(q, t));
	else if (t)
		*(const char **)at(s) = t;
}

/* One "YYYY-MM-DD" as YYYYMMDD, or 0 after an error. */
static uint32_t
take_date(struct ctx *c, struct node e, const char *path)
{
	const char *d = deck_take_string(c, e, path,
	                                 "empty; give a day, e.g. "
	                                 "\"2007-11-13\"");
	char q[QUOTE_BUF];
	int y, m, day;

	if (!d)
		return 0;
	if (civil_parse_date(d, &y, &m, &day) == 0)
		return (uint32_t)(y * 10000 + m * 100 + day);
	deck_value_error(c, e, path,
	                 "%s is not a day; write it as \"2007-11-13\"",
	                 deck_quote(q, d));
	return 0;
}

void
deck_get_dates(struct ctx *c, const struct slot *s)
{
	struct deck_when *w = s->base;
	size_t count = deck_count_children(s->n), k = 0;
	uint32_t *dates;
	char path[PATH_LEN];

	if (!deck_is_type(c, s->n, s->path, cJSON_Array,
	                  "an array of days such as [\"2007-11-13\"]"))
		return;
	if (count == 0 || count > MAX_DATES) {
		deck_value_error(c, s->n, s->path,
		                 "%zu days; give 1 to %d, or leave \"dates\" "
		                 "out for every day",
		                 count, MAX_DATES);
		return;
	}
	dates = deck_arena_alloc(c->arena, count * sizeof(*dates));
	for (struct node e = deck_first_child(s->n); e.j;
	     e = deck_next_child(c, e)) {
		deck_path_index(path, s->path, k);
		dates[k++] = take_date(c, e, path);
	}
	w->dates = dates;
	w->n_dates = count;
}

/* One weekday's bit, from its name in English, whole or in three letters
 * and in any case; 0 after an error. */
static uint8_t
take_day(struct ctx *c, struct node e, const char *path)
{
	const char *d = deck_take_string(c, e, path, "empty; give a weekday");
	char low[16] = "", q[QUOTE_BUF];
	size_t n = d ? strlen(d) : 0;
	int k;

	for (size_t i = 0; d && i < n && i + 1 < sizeof(low); i++)
		low[i] = (char)(d[i] >= 'A' && d[i] <= 'Z' ? d[i] + 32 : d[i]);
	if (!d)
		return 0;
	k = deck_name_index(low, day_names);
	if (k < 0)
		k = deck_name_index(low, day_short);
	if (k >= 0 && n < sizeof(low))
		return (uint8_t)(1u << k);
	deck_value_error(c, e, path,
	                 "%s is not a weekday; write \"monday\" or \"mon\", "
	                 "... \"sunday\" or \"sun\"",
	                 deck_quote(q, d));
	return 0;
}

void
deck_get_days(struct ctx *c, const struct slot *s)
{
	uint8_t days = 0;
	size_t k = 0;
	char path[PATH_LEN];

	if (!deck_is_type(c, s->n, s->path, cJSON_Array,
	                  "an array of weekdays such as [\"tue\", \"wed\"]"))
		return;
	if (deck_count_children(s->n) == 0) {
		deck_value_error(
		        c, s->n, s->path,
		        "no days; name some, or leave \"days\" out for "
		        "every day");
		return;
	}
	for (struct node e = deck_first_child(s->n); e.j;
	     e = deck_next_child(c, e)) {
		deck_path_index(path, s->path, k++);
		days |= take_day(c, e, path);
	}
	*(uint8_t *)at(s) = days;
}

void
deck_get_hm(struct ctx *c, const struct slot *s)
{
	const char *t = deck_take_string(
	        c, s->n, s->path, "empty; give a time such as \"09:30\"");
	char q[QUOTE_BUF];
	int minutes;

	if (t && civil_parse_hm(t, &minutes) == 0)
		*(int *)at(s) = minutes + 1;
	else if (t)
		deck_value_error(
		        c, s->n, s->path,
		        "%s is not a time of day; write it as \"09:30\" "
		        "(24-hour, \"24:00\" for the end of the day)",
		        deck_quote(q, t));
}

/* The node of root.settings.fallback, when there is one. */
static bool
find_fallback(const struct ctx *c, const cJSON *root, struct node *out)
{
	struct node r = { root, 0 }, settings;

	return cJSON_IsObject(root) &&
	       deck_find_member(c, r, "settings", &settings) &&
	       cJSON_IsObject(settings.j) &&
	       deck_find_member(c, settings, "fallback", out);
}

void
deck_check_fallback(struct ctx *c, const cJSON *root, const struct deck *d)
{
	const char *id = d->settings.fallback;
	char q[QUOTE_BUF];
	struct node n;

	if (!id || !find_fallback(c, root, &n))
		return;
	for (size_t i = 0; i < d->n_slides; i++)
		if (d->slides[i].id && strcmp(d->slides[i].id, id) == 0)
			return;
	deck_value_error(c, n, "settings.fallback",
	                 "no slide has the id %s; give the \"id\" of the "
	                 "slide to show when no other is due",
	                 deck_quote(q, id));
}
