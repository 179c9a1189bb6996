/*
 * test_civil: ISO 8601 date-times, time zones from tzdata (São Paulo's
 * summer time of 2007, London's), minute boundaries and the formats the
 * clock shows.
 */
#include "civil.h"

#include <string.h>

#include "check.h"

/* 2007-11-13T10:55:00-02:00 (São Paulo was on summer time, UTC-2). */
#define SESSION_MS 1194958500000LL

static void
test_zone_names(void)
{
	char why[128];

	CHECK(civil_zone_exists("America/Sao_Paulo", why, sizeof(why)));
	CHECK(civil_zone_exists("UTC", why, sizeof(why)));
	CHECK(!civil_zone_exists("America/Sao_Paul", why, sizeof(why)));
	CHECK(strstr(why, "no such zone") != NULL);
	CHECK(!civil_zone_exists("../etc/passwd", why, sizeof(why)));
	CHECK(!civil_zone_exists("/etc/localtime", why, sizeof(why)));
	CHECK(!civil_zone_exists("", why, sizeof(why)));
	CHECK(!civil_zone_exists("America/", why, sizeof(why)));
	CHECK(!civil_zone_exists("zone.tab", why, sizeof(why))); /* not TZif */
}

static void
test_local_time_in_sao_paulo(void)
{
	struct civil_tm t;
	int64_t ms;

	civil_use_zone("America/Sao_Paulo");
	CHECK_INT(civil_parse("2007-11-13T10:55", &ms), 0);
	CHECK_INT(ms, SESSION_MS);
	civil_local(ms, &t);
	CHECK_INT(t.year, 2007);
	CHECK_INT(t.month, 11);
	CHECK_INT(t.day, 13);
	CHECK_INT(t.hour, 10);
	CHECK_INT(t.min, 55);
	CHECK_INT(t.wday, 2); /* a Tuesday */
	CHECK_INT(t.offset_s, -7200);
	/* in July there was no summer time: UTC-3 */
	CHECK_INT(civil_parse("2007-07-13T10:55", &ms), 0);
	civil_local(ms, &t);
	CHECK_INT(t.offset_s, -10800);
	civil_use_zone(NULL);
}

static void
test_offsets_are_honoured(void)
{
	int64_t a, b, c;

	civil_use_zone("Europe/London");
	CHECK_INT(civil_parse("2007-11-13T10:55-02:00", &a), 0);
	CHECK_INT(a, SESSION_MS);
	CHECK_INT(civil_parse("2007-11-13T12:55:00Z", &b), 0);
	CHECK_INT(b, SESSION_MS);
	CHECK_INT(civil_parse("2007-11-13 09:55:00-0300", &c), 0);
	CHECK_INT(c, SESSION_MS);
	/* no offset: London's time, GMT in November */
	CHECK_INT(civil_parse("2007-11-13T12:55", &a), 0);
	CHECK_INT(a, SESSION_MS);
	civil_use_zone(NULL);
}

static void
test_bad_date_times(void)
{
	static const char *const bad[] = {
		"",
		"2007-11-13T",
		"2007-11-13T10",
		"2007-11-13T1055",
		"2007-02-30T10:00", /* no such day */
		"2007-13-01",
		"2007-11-13T24:00",
		"2007-11-13T10:60",
		"2007-11-13T10:55:61",
		"2007-11-13T10:55+2",
		"2007-11-13T10:55+02:",
		"2007-11-13T10:55 ",
		"13/11/2007 10:55",
		"2007-11-13T10:55+25:00",
	};
	int64_t ms = 7;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_INT(civil_parse(bad[i], &ms), -1);
		if (civil_parse(bad[i], &ms) != -1)
			fprintf(stderr, "  accepted \"%s\"\n", bad[i]);
	}
	CHECK_INT(ms, 7);
	CHECK_INT(civil_parse("2008-02-29", &ms), 0); /* a leap day */
}

static void
test_times_of_day_and_dates(void)
{
	int m, y, mo, d;

	CHECK_INT(civil_parse_hm("09:30", &m), 0);
	CHECK_INT(m, 570);
	CHECK_INT(civil_parse_hm("24:00", &m), 0);
	CHECK_INT(m, 1440);
	CHECK_INT(civil_parse_hm("9:30", &m), -1);
	CHECK_INT(civil_parse_hm("09:30:00", &m), -1);
	CHECK_INT(civil_parse_hm("25:00", &m), -1);
	CHECK_INT(civil_parse_date("2007-11-13", &y, &mo, &d), 0);
	CHECK(y == 2007 && mo == 11 && d == 13);
	CHECK_INT(civil_parse_date("2007-11-31", &y, &mo, &d), -1);
	CHECK_INT(civil_parse_date("2007-11-13T10:00", &y, &mo, &d), -1);
}

static void
test_next_minute(void)
{
	CHECK_INT(civil_next_minute(SESSION_MS), SESSION_MS + 60000);
	CHECK_INT(civil_next_minute(SESSION_MS + 1), SESSION_MS + 60000);
	CHECK_INT(civil_next_minute(SESSION_MS + 59999), SESSION_MS + 60000);
	CHECK_INT(civil_next_minute(-1), 0);
}

static void
test_formats(void)
{
	struct civil_tm t = { 2007, 11, 13, 10, 5, 7, 2, -7200 };
	char buf[64];

	civil_format_time(buf, sizeof(buf), &t, false, false);
	CHECK_STR(buf, "10:05");
	civil_format_time(buf, sizeof(buf), &t, false, true);
	CHECK_STR(buf, "10:05:07");
	civil_format_time(buf, sizeof(buf), &t, true, false);
	CHECK_STR(buf, "10:05 AM");
	t.hour = 0;
	civil_format_time(buf, sizeof(buf), &t, true, false);
	CHECK_STR(buf, "12:05 AM");
	t.hour = 13;
	civil_format_time(buf, sizeof(buf), &t, true, false);
	CHECK_STR(buf, "1:05 PM");
	civil_format_time(buf, sizeof(buf), &t, false, false);
	CHECK_STR(buf, "13:05");
	civil_format_date(buf, sizeof(buf), &t);
	CHECK_STR(buf, "Tuesday 13 November 2007");
	CHECK_INT(civil_format_time(buf, 4, &t, false, false), 3);
	CHECK_STR(buf, "13:");
}

int
main(void)
{
	RUN(test_zone_names);
	RUN(test_local_time_in_sao_paulo);
	RUN(test_offsets_are_honoured);
	RUN(test_bad_date_times);
	RUN(test_times_of_day_and_dates);
	RUN(test_next_minute);
	RUN(test_formats);
	return check_done("test_civil");
}
