/*
 * test_due: slides' time windows with explicit times (São Paulo, tzdata):
 * times of day, a window passing midnight, dates and weekdays, a countdown
 * with no "after", the next change computed rather than polled, the show
 * passing by what is not due, and the deck's keys and warnings; and the
 * slide a synchronised loop shows at a time of day (sync.h).
 */
#include "due.h"

#include <string.h>

#include "check.h"
#include "civil.h"
#include "controls.h"
#include "lint.h"
#include "report.h"
#include "show.h"
#include "sync.h"
#include "times.h"

/* A deck parsed from JSON text; the test frees it. */
static struct deck
parse(const char *json)
{
	struct deck d;
	struct report rep;

	report_init(&rep);
	if (deck_parse(&d, "due.json", NULL, json, strlen(json), &rep) < 0) {
		fprintf(stderr, "%s\n", report_first(&rep));
		CHECK(!"the deck loads");
	}
	report_destroy(&rep);
	return d;
}

static const char windows[] =
        "{\"event\": {\"date\": \"13 November 2007\"},\n"
        " \"settings\": {\"fallback\": \"welcome\"},\n"
        " \"slides\": [\n"
        "{\"id\": \"welcome\", \"title\": \"Welcome\",\n"
        " \"when\": {\"from\": \"07:00\", \"until\": \"09:00\"}},\n"
        "{\"title\": \"Morning\", \"when\": {\"dates\": [\"2007-11-13\"],\n"
        " \"from\": \"09:00\", \"until\": \"12:30\"}},\n"
        "{\"title\": \"Party\", \"when\": {\"days\": [\"tue\", \"Friday\"],\n"
        " \"from\": \"22:00\", \"until\": \"02:00\"}},\n"
        "{\"title\": \"Doors\", \"until\": \"2007-11-13T10:00\"}]}\n";

static void
test_windows(void)
{
	struct deck d = parse(windows);

	CHECK(due_varies(&d));
	CHECK(due_slide(&d, 0, at("2007-11-13T08:59")));
	CHECK(!due_slide(&d, 0, at("2007-11-13T09:00")));
	CHECK(!due_slide(&d, 1, at("2007-11-13T08:59")));
	CHECK(due_slide(&d, 1, at("2007-11-13T09:00")));
	CHECK(due_slide(&d, 1, at("2007-11-13T12:29")));
	CHECK(!due_slide(&d, 1, at("2007-11-13T12:30")));
	CHECK(!due_slide(&d, 1, at("2007-11-14T10:00"))); /* not its date */
	/* a Tuesday night runs into Wednesday; a Wednesday night does not */
	CHECK(due_slide(&d, 2, at("2007-11-13T23:00")));
	CHECK(due_slide(&d, 2, at("2007-11-14T01:59")));
	CHECK(!due_slide(&d, 2, at("2007-11-14T02:00")));
	CHECK(!due_slide(&d, 2, at("2007-11-14T23:00")));
	CHECK(due_slide(&d, 2, at("2007-11-16T22:00"))); /* a Friday */
	/* a countdown with no "after" is due until its moment */
	CHECK(due_slide(&d, 3, at("2007-11-13T09:59:59")));
	CHECK(!due_slide(&d, 3, at("2007-11-13T10:00")));
	CHECK_INT(due_fallback(&d), 0);
	deck_free(&d);
}

static void
test_next_change(void)
{
	struct deck d = parse(windows);

	CHECK_INT(due_next_change(&d, at("2007-11-13T06:00")),
	          at("2007-11-13T07:00"));
	CHECK_INT(due_next_change(&d, at("2007-11-13T09:30")),
	          at("2007-11-13T10:00")); /* the countdown's moment */
	CHECK_INT(due_next_change(&d, at("2007-11-13T10:00")),
	          at("2007-11-13T12:30"));
	CHECK_INT(due_next_change(&d, at("2007-11-13T22:30")),
	          at("2007-11-14T00:00")); /* midnight: the day changes */
	CHECK_INT(due_next_change(&d, at("2007-11-14T00:00")),
	          at("2007-11-14T02:00"));
	deck_free(&d);
	d = parse("{\"slides\": [{\"title\": \"Always\"}]}");
	CHECK(!due_varies(&d));
	CHECK_INT(due_next_change(&d, at("2007-11-13T06:00")), INT64_MAX);
	deck_free(&d);
}

/* The lobby passes by the slides that are not due, wrapping round. */
static void
test_show_skips(void)
{
	struct show_slide slides[4] = { { 1000, DECK_TRANSITION_NONE, false },
		                        { 1000, DECK_TRANSITION_NONE, true },
		                        { 1000, DECK_TRANSITION_NONE, false },
		                        { 1000, DECK_TRANSITION_NONE, true } };
	struct show_config cfg = { DECK_MODE_LOBBY, slides, 4, 0, 60000 };
	struct show s;

	show_init(&s, &cfg, 0);
	CHECK_INT(show_next_index(&s), 2); /* what the console shows next */
	show_tick(&s, 1000, NULL);
	CHECK_INT(s.index, 2);
	CHECK_INT(show_next_index(&s), 0); /* round the deck */
	show_tick(&s, 2000, NULL);
	CHECK_INT(s.index, 0);
	/* slide 1's window closes while it shows: on to the next due one */
	slides[0].skip = true;
	slides[3].skip = false;
	{
		struct show_trace t;

		show_refresh_due(&s, 2500, &t);
		CHECK_INT(s.index, 2);
		CHECK(t.from == 0 && t.to == 2);
	}
	/* nothing due: it stays, and says so */
	for (size_t i = 0; i < 4; i++)
		slides[i].skip = true;
	CHECK(!show_any_due(&s));
	CHECK_INT(show_refresh_due(&s, 3000, NULL), SHOW_CHANGE_NONE);
	CHECK_INT(s.index, 2);
	/* present mode shows every slide */
	cfg.mode = DECK_MODE_PRESENT;
	show_init(&s, &cfg, 0);
	show_handle(&s, &(struct show_input){ .action = SHOW_NEXT }, 10, NULL);
	CHECK_INT(s.index, 1);
	CHECK_INT(show_next_index(&s), 2);
	show_handle(&s, &(struct show_input){ .action = SHOW_LAST }, 20, NULL);
	CHECK(show_next_index(&s) == SHOW_NO_SLIDE); /* "End of deck" */
}

static void
test_bad_windows(void)
{
	static const char *const bad[][2] = {
		{ "{\"slides\": [{\"title\": \"x\", \"when\": {\"from\": "
		  "\"9:00\"}}]}",
		  "is not a time of day" },
		{ "{\"slides\": [{\"title\": \"x\", \"when\": {\"days\": "
		  "[\"tues\"]}}]}",
		  "is not a weekday" },
		{ "{\"slides\": [{\"title\": \"x\", \"when\": {\"dates\": "
		  "[\"2007-11-31\"]}}]}",
		  "is not a day" },
		{ "{\"slides\": [{\"title\": \"x\", \"when\": {\"form\": "
		  "\"09:00\"}}]}",
		  "did you mean \"from\"" },
		{ "{\"settings\": {\"fallback\": \"nope\"}, \"slides\": "
		  "[{\"title\": \"x\"}]}",
		  "no slide has the id \"nope\"" },
	};
	struct report rep;
	struct deck d;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		report_init(&rep);
		CHECK_INT(deck_parse(&d, "bad.json", NULL, bad[i][0],
		                     strlen(bad[i][0]), &rep),
		          -1);
		CHECK(strstr(report_first(&rep), bad[i][1]) != NULL);
		if (!strstr(report_first(&rep), bad[i][1]))
			fprintf(stderr, "  got: %s\n", report_first(&rep));
		report_destroy(&rep);
	}
}

static void
test_warnings(void)
{
	struct deck d = parse(
	        "{\"event\": {\"date\": \"13 November 2007\"}, \"slides\": [\n"
	        "{\"title\": \"a\", \"when\": {\"from\": \"09:00\", "
	        "\"until\": \"09:00\"}},\n"
	        "{\"title\": \"b\", \"when\": {\"dates\": [\"2007-11-14\"], "
	        "\"days\": [\"mon\"]}}]}");
	struct report rep;

	report_init(&rep);
	CHECK_INT(lint_times(&d, &rep), 4);
	CHECK_INT(rep.warnings, 4);
	report_destroy(&rep);
	deck_free(&d);
	d = parse(windows);
	report_init(&rep);
	CHECK_INT(lint_times(&d, &rep), 0);
	report_destroy(&rep);
	deck_free(&d);
}

/* Three slides of 8 s, 10 s and 8 s with 400 ms fades after each: a
 * 27.2 s loop from midnight. */
static void
test_sync_position(void)
{
	struct show_slide slides[3] = { { 8000, DECK_TRANSITION_FADE, false },
		                        { 10000, DECK_TRANSITION_FADE, false },
		                        { 8000, DECK_TRANSITION_FADE, false } };
	struct sync_position pos;

	CHECK_INT(sync_position(slides, 3, 400, 0, &pos), 0);
	CHECK(pos.index == 0 && pos.into_ms == 0);
	CHECK_INT(sync_position(slides, 3, 400, 8399, &pos), 0);
	CHECK(pos.index == 0 && pos.into_ms == 8399); /* in its fade */
	CHECK_INT(sync_position(slides, 3, 400, 8400, &pos), 0);
	CHECK(pos.index == 1 && pos.into_ms == 0);
	CHECK_INT(sync_position(slides, 3, 400, 27200 * 100 + 18800, &pos), 0);
	CHECK(pos.index == 2 && pos.into_ms == 0);
	/* a slide not due takes no time; one arriving with no transition
	 * takes none from the slide before it */
	slides[1].skip = true;
	slides[2].transition = DECK_TRANSITION_NONE;
	CHECK_INT(sync_position(slides, 3, 400, 8000, &pos), 0);
	CHECK(pos.index == 2 && pos.into_ms == 0);
	for (size_t i = 0; i < 3; i++)
		slides[i].skip = true;
	CHECK_INT(sync_position(slides, 3, 400, 5000, &pos), -1);
}

/* show_sync puts a cycling show on a slide, part-way through it. */
static void
test_show_sync(void)
{
	struct show_slide slides[3] = { { 1000, DECK_TRANSITION_NONE, false },
		                        { 1000, DECK_TRANSITION_NONE, false },
		                        { 1000, DECK_TRANSITION_NONE, false } };
	struct show_config cfg = { DECK_MODE_LOBBY, slides, 3, 0, 60000 };
	struct show s;

	show_init(&s, &cfg, 0);
	CHECK(show_sync(&s, 2, 700, 5000, NULL) & SHOW_CHANGE_SLIDE);
	CHECK_INT(s.index, 2);
	show_tick(&s, 5299, NULL);
	CHECK_INT(s.index, 2);
	show_tick(&s, 5300, NULL); /* its second ends 300 ms later */
	CHECK_INT(s.index, 0);
	/* a paused show is left alone */
	show_handle(&s,
	            &(struct show_input){ .action = SHOW_PAUSE, .staff = true },
	            5400, NULL);
	CHECK_INT(show_sync(&s, 1, 0, 5500, NULL), SHOW_CHANGE_NONE);
	CHECK_INT(s.index, 0);
}

/* A kiosk shows dots only for the slides due: a tap on one goes to its
 * slide, and the row stays centred. */
static void
test_dots_of_due_slides(void)
{
	struct layout_rect safe = { 40, 24, 720, 432 };
	static const size_t due[] = { 0, 2, 4 };
	struct controls c;
	size_t slide = 99;
	int mid;

	controls_place(&c, safe, 60, 5);
	CHECK_INT(c.n_dots, 5);
	controls_place_dots(&c, due, 3);
	CHECK_INT(c.n_dots, 3);
	mid = c.dots[1].x + c.dots[1].w / 2;
	CHECK_INT(mid, safe.x + safe.w / 2);
	CHECK_INT(controls_hit(&c, mid, c.dots[1].y + 5, &slide), CONTROLS_DOT);
	CHECK_INT(slide, 2);
	controls_hit(&c, c.dots[2].x + 5, c.dots[2].y + 5, &slide);
	CHECK_INT(slide, 4);
}

int
main(void)
{
	civil_use_zone("America/Sao_Paulo");
	RUN(test_windows);
	RUN(test_next_change);
	RUN(test_show_skips);
	RUN(test_bad_windows);
	RUN(test_warnings);
	RUN(test_sync_position);
	RUN(test_show_sync);
	RUN(test_dots_of_due_slides);
	return check_done("test_due");
}
