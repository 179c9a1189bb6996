/*
 * civil: the show's wall-clock time. An instant is a count of milliseconds
 * since the Unix epoch (UTC); its local date and time come from the time
 * zone in use, read from the system's time zone database (tzdata) through
 * the C library's POSIX TZ handling: no offsets are written here.
 *
 * Usage:
 *	civil_use_zone("America/Sao_Paulo");	// NULL: the system's
 *	int64_t t;
 *	civil_parse("2007-11-13T10:55", &t);	// in that zone
 *	struct civil_tm tm;
 *	civil_local(t, &tm);			// 10:55, a Tuesday
 *
 * The zone is process-wide state (TZ in the environment), set once a deck
 * is loaded; everything else is pure.
 */
#ifndef VITRINE_CIVIL_H
#define VITRINE_CIVIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CIVIL_MINUTE_MS 60000
#define CIVIL_DAY_S     86400

/* A local date and time. */
struct civil_tm {
	int year, month, day; /* month 1-12, day 1-31 */
	int hour, min, sec;   /* 0-23, 0-59, 0-60 */
	int wday;             /* 0 Sunday to 6 Saturday */
	long offset_s;        /* east of UTC, in seconds */
};

/*
 * Whether the system's database has a zone called name: an IANA name of
 * letters, digits, '_', '-', '+' and '/' parts, found as a file under
 * $TZDIR or /usr/share/zoneinfo. Writes why not into why.
 */
bool civil_zone_exists(const char *name, char *why, size_t why_size);

/* Uses zone name from now on (NULL: the zone the process started with). */
void civil_use_zone(const char *name);

/* The local date and time of instant ms in the zone in use. */
void civil_local(int64_t ms, struct civil_tm *out);

/*
 * Parses an ISO 8601 date-time, "2007-11-13T10:55", with optional seconds
 * (":30"), and an optional offset ("Z", "+01:00", "-0300"); a space may
 * stand for the 'T'. Without an offset it is a local time in the zone in
 * use. A date alone ("2007-11-13") is its midnight. Returns 0 and sets *ms,
 * or -1 when s is not such a date-time (or names no real day).
 */
int civil_parse(const char *s, int64_t *ms);

/* Parses a time of day "HH:MM" (24-hour) into minutes since midnight;
 * 0 or -1. "24:00" is the end of the day (1440). */
int civil_parse_hm(const char *s, int *minutes);

/* Parses a date "YYYY-MM-DD" into *year, *month, *day; 0 or -1. */
int civil_parse_date(const char *s, int *year, int *month, int *day);

/* The instant of minute (since midnight; may pass 1440) of the local day
 * year-month-day in the zone in use. */
int64_t civil_at(int year, int month, int day, int minute);

/* The first whole minute (of UTC, and so of every zone whose offset is a
 * whole number of minutes) strictly after ms. */
int64_t civil_next_minute(int64_t ms);

/* Reads local times in zone name (when tzdata has it) until civil_pop_zone
 * with what this returns puts back the zone before. */
char *civil_push_zone(const char *name);
void civil_pop_zone(char *before);

/* "10:55" or "10:55 AM" (h12), with ":07" seconds when asked. Writes a
 * NUL-terminated string into buf; returns its length. */
size_t civil_format_time(char *buf, size_t size, const struct civil_tm *t,
                         bool h12, bool seconds);

/* "Tuesday 13 November 2007". Returns the length written. */
size_t civil_format_date(char *buf, size_t size, const struct civil_tm *t);

#endif
