/*
 * civil: wall-clock time through the C library's time zones; see civil.h.
 */
#include "civil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

#define ZONE_NAME_MAX 64

static const char *const weekdays[] = { "Sunday",    "Monday",   "Tuesday",
	                                "Wednesday", "Thursday", "Friday",
	                                "Saturday" };
static const char *const months[] = { "January", "February", "March",
	                              "April",   "May",      "June",
	                              "July",    "August",   "September",
	                              "October", "November", "December" };

/* Whether name is made of the characters zone names use, in parts that
 * are not "." or "..". */
static bool
zone_name_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > ZONE_NAME_MAX || name[0] == '/' ||
	    name[len - 1] == '/' || strstr(name, "//") || name[0] == '.' ||
	    strstr(name, "/."))
		return false;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_-+/", *p))
			return false;
	return true;
}

/* Whether the file at path begins as a compiled zone does ("TZif"). */
static bool
is_tzif(const char *path)
{
	char magic[4];
	FILE *f = fopen(path, "rb");
	bool ok = f && fread(magic, 1, 4, f) == 4 && !memcmp(magic, "TZif", 4);

	if (f)
		fclose(f);
	return ok;
}

bool
civil_zone_exists(const char *name, char *why, size_t why_size)
{
	const char *dir = getenv("TZDIR");
	char path[512];

	if (!zone_name_ok(name)) {
		snprintf(why, why_size, "not a time zone name");
		return false;
	}
	snprintf(path, sizeof(path), "%s/%s",
	         dir && *dir ? dir : "/usr/share/zoneinfo", name);
	if (is_tzif(path))
		return true;
	snprintf(why, why_size, "no such zone in %s",
	         dir && *dir ? dir : "/usr/share/zoneinfo");
	return false;
}

void
civil_use_zone(const char *name)
{
	static bool saved;
	static char *start; /* TZ as the process started, or NULL */

	if (!saved) {
		const char *tz = getenv("TZ");

		start = tz ? strdup(tz) : NULL;
		saved = true;
	}
	if (name)
		setenv("TZ", name, 1);
	else if (start)
		setenv("TZ", start, 1);
	else
		unsetenv("TZ");
	tzset();
}

char *
civil_push_zone(const char *name)
{
	const char *tz = getenv("TZ");
	char *before = xstrdup(tz ? tz : ""), why[64];

	if (name && civil_zone_exists(name, why, sizeof(why))) {
		setenv("TZ", name, 1);
		tzset();
	}
	return before;
}

void
civil_pop_zone(char *before)
{
	if (*before)
		setenv("TZ", before, 1);
	else
		unsetenv("TZ");
	tzset();
	free(before);
}

void
civil_local(int64_t ms, struct civil_tm *out)
{
	time_t t = (time_t)(ms >= 0 ? ms / 1000 : -((999 - ms) / 1000));
	struct tm tm;

	localtime_r(&t, &tm);
	*out = (struct civil_tm){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		                  tm.tm_hour,        tm.tm_min,     tm.tm_sec,
		                  tm.tm_wday,        tm.tm_gmtoff };
}

/* Reads exactly n digits at *s into *v; advances *s. */
static bool
digits(const char **s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*s)++) {
		if (!isdigit((unsigned char)**s))
			return false;
		*v = *v * 10 + (**s - '0');
	}
	return true;
}

/* Whether y-m-d names a day of the proleptic Gregorian calendar. */
static bool
real_day(int y, int m, int d)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
	time_t t;

	if (m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	return tm.tm_mday == d && tm.tm_mon == m - 1;
}

int
civil_parse_date(const char *s, int *year, int *month, int *day)
{
	const char *p = s;

	if (!digits(&p, 4, year) || *p++ != '-' || !digits(&p, 2, month) ||
	    *p++ != '-' || !digits(&p, 2, day))
		return -1;
	return *p == '\0' && real_day(*year, *month, *day) ? 0 : -1;
}

/* Reads "HH:MM" and, when there, ":SS" at *s; advances *s. */
static bool
clock_time(const char **s, int *h, int *m, int *sec)
{
	*sec = 0;
	if (!digits(s, 2, h) || *(*s)++ != ':' || !digits(s, 2, m))
		return false;
	if (**s == ':' && (++*s, !digits(s, 2, sec)))
		return false;
	return *h <= 23 && *m <= 59 && *sec <= 59;
}

int
civil_parse_hm(const char *s, int *minutes)
{
	int h, m, sec;
	const char *p = s;

	if (strcmp(s, "24:00") == 0) {
		*minutes = 1440;
		return 0;
	}
	if (!clock_time(&p, &h, &m, &sec) || *p || p - s != 5)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

/* Reads an offset at *s ("Z", "+01:00", "-0300", or nothing: *has false). */
static bool
offset(const char *s, bool *has, long *east_s)
{
	int h, m = 0, sign = *s == '-' ? -1 : 1;

	*has = *s != '\0';
	*east_s = 0;
	if (*s == '\0' || (s[0] == 'Z' && s[1] == '\0'))
		return true;
	if (*s != '+' && *s != '-')
		return false;
	s++;
	if (!digits(&s, 2, &h) || (*s == ':' && !*++s))
		return false;
	if (*s && !digits(&s, 2, &m))
		return false;
	*east_s = sign * (h * 3600L + m * 60L);
	return *s == '\0' && h <= 23 && m <= 59;
}

int
civil_parse(const char *s, int64_t *ms)
{
	struct tm tm = { .tm_isdst = -1 };
	int y, mo, d, h = 0, mi = 0, sec = 0;
	const char *p = s;
	bool has;
	long east;
	time_t t;

	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) ||
	    *p++ != '-' || !digits(&p, 2, &d) || !real_day(y, mo, d))
		return -1;
	if ((*p == 'T' || *p == ' ') && (++p, !clock_time(&p, &h, &mi, &sec)))
		return -1;
	if (!offset(p, &has, &east))
		return -1;
	tm = (struct tm){ .tm_year = y - 1900,
		          .tm_mon = mo - 1,
		          .tm_mday = d,
		          .tm_hour = h,
		          .tm_min = mi,
		          .tm_sec = sec,
		          .tm_isdst = -1 };
	t = has ? timegm(&tm) - east : mktime(&tm);
	*ms = (int64_t)t * 1000;
	return 0;
}

int64_t
civil_at(int year, int month, int day, int minute)
{
	struct tm tm = { .tm_year = year - 1900,
		         .tm_mon = month - 1,
		         .tm_mday = day,
		         .tm_hour = minute / 60,
		         .tm_min = minute % 60,
		         .tm_isdst = -1 };

	return (int64_t)mktime(&tm) * 1000;
}

int64_t
civil_next_minute(int64_t ms)
{
	int64_t r = ms % CIVIL_MINUTE_MS;

	return ms - (r < 0 ? r + CIVIL_MINUTE_MS : r) + CIVIL_MINUTE_MS;
}

size_t
civil_format_time(char *buf, size_t size, const struct civil_tm *t, bool h12,
                  bool seconds)
{
	int h = h12 ? (t->hour + 11) % 12 + 1 : t->hour;
	int n = snprintf(buf, size, "%02d:%02d", h, t->min);

	if (h12 && h < 10)
		n = snprintf(buf, size, "%d:%02d", h, t->min);
	if (seconds && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, ":%02d", t->sec);
	if (h12 && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " %s",
		              t->hour < 12 ? "AM" : "PM");
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

size_t
civil_format_date(char *buf, size_t size, const struct civil_tm *t)
{
	int n = snprintf(buf, size, "%s %d %s %d", weekdays[t->wday % 7],
	                 t->day, months[(t->month + 11) % 12], t->year);

	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}
