/*
 * test_schedule: a conference's schedule.json as pretalx, frab and OSEM
 * export it (tests/data/schedule/sample.json, a sample written for these
 * tests): unknown keys ignored, nulls taken as absent, each event's own
 * offset honoured, an event past midnight, a day's events with no date;
 * the queries a door sign asks (now, next, the next change); and the
 * errors a broken file gets, with their line and column.
 */
#include "schedule.h"

#include <string.h>

#include "check.h"
#include "civil.h"
#include "times.h"

#define SAMPLE "tests/data/schedule/sample.json"

static void
test_sample(void)
{
	struct schedule s;
	struct report rep;

	report_init(&rep);
	CHECK_INT(schedule_load(&s, SAMPLE, &rep), 0);
	if (rep.errors)
		fprintf(stderr, "%s\n", report_first(&rep));
	CHECK_STR(s.time_zone, "America/Sao_Paulo");
	CHECK_INT(s.n_rooms, 3);
	CHECK_STR(s.rooms[0], "Room 1");
	CHECK_STR(s.rooms[2], "Room 3");
	CHECK_INT(s.n_events, 5);
	/* by start: Room 1 10:00, Room 2 10:00 (12:00 UTC), 11:45, ... */
	CHECK_STR(s.events[0].title, "Moving Beyond the Talk");
	CHECK_STR(s.events[0].persons, "Ana Lima, Bo Chen");
	CHECK_STR(s.events[0].subtitle, "Partnerships in Practice");
	CHECK_STR(s.events[1].title, "Offsets are the event's own line two");
	CHECK_INT(s.events[1].start_ms, at("2007-11-13T10:00"));
	CHECK(s.events[2].subtitle == NULL && s.events[2].track == NULL);
	CHECK(s.events[2].persons == NULL);
	/* the night session runs past midnight into the next day */
	CHECK_INT(s.events[3].end_ms, at("2007-11-14T00:30"));
	/* no date: the day's date and its start, in the zone in use */
	CHECK_STR(s.events[4].title, "Day two opening");
	CHECK_INT(s.events[4].start_ms, at("2007-11-14T09:30"));
	schedule_free(&s);
	report_destroy(&rep);
}

static void
test_door_sign(void)
{
	struct schedule s;
	struct report rep;
	const struct schedule_event *e;
	long room1;

	report_init(&rep);
	CHECK_INT(schedule_load(&s, SAMPLE, &rep), 0);
	room1 = schedule_room(&s, "Room 1");
	CHECK_INT(room1, 0);
	CHECK_INT(schedule_room(&s, "Hall 9"), -1);
	e = schedule_now(&s, 0, at("2007-11-13T11:00"));
	CHECK(e && !strcmp(e->title, "Moving Beyond the Talk"));
	e = schedule_next(&s, 0, at("2007-11-13T11:00"));
	CHECK(e && !strcmp(e->title, "Capacity building"));
	/* between talks: nothing now, the next one */
	CHECK(schedule_now(&s, 0, at("2007-11-13T11:35")) == NULL);
	CHECK(schedule_next(&s, 0, at("2007-11-13T11:35")) != NULL);
	/* after midnight the night session still runs */
	e = schedule_now(&s, 0, at("2007-11-14T00:10"));
	CHECK(e && !strcmp(e->title, "Night session"));
	CHECK(schedule_next(&s, 0, at("2007-11-14T00:10")) == NULL);
	/* the sign changes exactly at starts and ends */
	CHECK_INT(schedule_next_change(&s, at("2007-11-13T09:00")),
	          at("2007-11-13T10:00"));
	CHECK_INT(schedule_next_change(&s, at("2007-11-13T11:00")),
	          at("2007-11-13T11:30")); /* the first talk ends */
	CHECK_INT(schedule_next_change(&s, at("2007-11-15T00:00")), INT64_MAX);
	schedule_free(&s);
	report_destroy(&rep);
}

static void
test_errors(void)
{
	static const char *const bad[][2] = {
		{ "{\"slides\": []}", "1:1: not a schedule" },
		{ "{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": "
		  "{\"A\": [{\"title\": \"x\", \"duration\": \"01:00\"}]}}]}}}",
		  "1:56: schedule.conference.days[0].rooms.A[0]: no time" },
		{ "{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": "
		  "{\"A\": [{\"date\": \"2007-11-13T10:00:00Z\", "
		  "\"duration\": \"an hour\"}]}}]}}}",
		  "no \"duration\"" },
		{ "{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": "
		  "{\"A\": {}}}]}}}",
		  "a room's events are an array" },
		{ "{\"schedule\": {\"conference\": ", "1:29: unexpected end" },
		{ "", "empty file; a schedule needs at least" },
	};
	struct schedule s;
	struct report rep;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		report_init(&rep);
		CHECK_INT(schedule_parse(&s, "schedule.json", bad[i][0],
		                         strlen(bad[i][0]), &rep),
		          -1);
		CHECK(s.n_events == 0 && !s.arena);
		if (!strstr(report_first(&rep), bad[i][1])) {
			fprintf(stderr, "  want /%s/ in: %s\n", bad[i][1],
			        report_first(&rep));
			CHECK(!"the message");
		}
		report_destroy(&rep);
	}
}

/* Control characters in a title or a room's name (C0, DEL and the C1
 * range, U+0085 among them, that the fuzzer found) become spaces: the
 * sign never draws or logs them. */
static void
test_control_characters(void)
{
	static const char doc[] =
	        "{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": "
	        "{\"Hall\\u0085A\\t\": [{\"date\": \"2007-11-13T10:00:00Z\", "
	        "\"duration\": \"01:00\", \"title\": "
	        "\"One\\u0085two\xc2\x9fthree\\nfour\\u007f \"}]}}]}}}";
	struct schedule s;
	struct report rep;

	report_init(&rep);
	CHECK_INT(schedule_parse(&s, "schedule.json", doc, strlen(doc), &rep),
	          0);
	CHECK_INT(s.n_events, 1);
	CHECK_STR(s.events[0].title, "One two three four");
	CHECK_INT(s.n_rooms, 1);
	CHECK_STR(s.rooms[0], "Hall A");
	schedule_free(&s);
	report_destroy(&rep);
}

int
main(void)
{
	civil_use_zone("America/Sao_Paulo");
	RUN(test_sample);
	RUN(test_door_sign);
	RUN(test_errors);
	RUN(test_control_characters);
	return check_done("test_schedule");
}
