/*
 * test_talk: the talk timer (start on leaving slide 1 or on a key, pause,
 * reset) and the pace and time left for given times.
 */
#include "talk.h"

#include <string.h>

#include "check.h"

#define MIN 60000u

static void
test_starts_on_leaving_slide_1(void)
{
	struct talk t;

	talk_init(&t);
	talk_on_slide(&t, 0, 1000); /* still the title: not started */
	CHECK(!t.started);
	CHECK_INT(talk_elapsed(&t, 50000), 0);
	talk_on_slide(&t, 1, 60000);
	CHECK(t.started && t.running);
	CHECK_INT(talk_elapsed(&t, 65000), 5000);
	talk_on_slide(&t, 0, 70000); /* back to the title: keeps counting */
	talk_on_slide(&t, 2, 80000); /* and does not restart */
	CHECK_INT(talk_elapsed(&t, 90000), 30000);
}

static void
test_toggle_pause_reset(void)
{
	struct talk t;

	talk_init(&t);
	talk_toggle(&t, 1000); /* a key starts it on slide 1 */
	CHECK(t.running);
	talk_toggle(&t, 4000); /* pause at 3 s */
	CHECK(!t.running && t.started);
	CHECK_INT(talk_elapsed(&t, 100000), 3000);
	talk_on_slide(&t, 3, 101000); /* a slide change does not resume */
	CHECK(!t.running);
	talk_toggle(&t, 200000); /* resume */
	CHECK_INT(talk_elapsed(&t, 201500), 4500);
	talk_reset(&t);
	CHECK(!t.started && !t.running);
	CHECK_INT(talk_elapsed(&t, 300000), 0);
	talk_on_slide(&t, 4, 300000); /* starts again on the next change */
	CHECK(t.running);
	CHECK_INT(talk_elapsed(&t, 299000), 0); /* a clock going back */
}

/* 20 minutes, 10 slides: slide k (1-based) expects 2 (k - 0.5) minutes. */
static void
test_pace(void)
{
	static const struct {
		uint64_t elapsed;
		size_t index;
		enum talk_pace want;
	} cases[] = {
		{ 1 * MIN, 0, TALK_PACE_ON_TIME }, /* expected 1:00 */
		{ 2 * MIN + 1, 0, TALK_PACE_BEHIND },
		{ 2 * MIN, 0, TALK_PACE_ON_TIME }, /* exactly 60 s: not yet */
		{ 8 * MIN, 4, TALK_PACE_ON_TIME }, /* expected 9:00 */
		{ 7 * MIN, 5, TALK_PACE_AHEAD },   /* expected 11:00 */
		{ 12 * MIN + 1, 5, TALK_PACE_BEHIND },
		{ 20 * MIN, 9, TALK_PACE_ON_TIME },
		{ 20 * MIN + 1, 9, TALK_PACE_OVER },
		{ 25 * MIN, 3, TALK_PACE_OVER },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct talk t;

		talk_init(&t);
		talk_toggle(&t, 0);
		CHECK_INT(talk_pace(&t, cases[i].elapsed, 20 * MIN,
		                    cases[i].index, 10),
		          cases[i].want);
	}
}

static void
test_no_pace_without_length_or_start(void)
{
	struct talk t;

	talk_init(&t);
	CHECK_INT(talk_pace(&t, 5 * MIN, 20 * MIN, 3, 10), TALK_PACE_NONE);
	talk_toggle(&t, 0);
	CHECK_INT(talk_pace(&t, 5 * MIN, 0, 3, 10), TALK_PACE_NONE);
}

static void
test_text(void)
{
	struct talk t;
	char buf[64];

	talk_clock_text(0, buf, sizeof(buf));
	CHECK_STR(buf, "0:00");
	talk_clock_text(65999, buf, sizeof(buf));
	CHECK_STR(buf, "1:05");
	talk_clock_text(3723000, buf, sizeof(buf));
	CHECK_STR(buf, "1:02:03");

	talk_init(&t);
	talk_text(&t, 0, 20 * MIN, 0, 10, buf, sizeof(buf));
	CHECK_STR(buf, "0:00 \xc2\xb7 starts on slide 2");
	talk_on_slide(&t, 1, 1000);
	talk_text(&t, 1000 + 2 * MIN + 500, 0, 1, 10, buf, sizeof(buf));
	CHECK_STR(buf, "2:00");
	talk_text(&t, 1000 + 2 * MIN + 500, 20 * MIN, 1, 10, buf, sizeof(buf));
	CHECK_STR(buf, "18:00 left \xc2\xb7 on time");
	talk_text(&t, 1000 + 10 * MIN, 20 * MIN, 1, 10, buf, sizeof(buf));
	CHECK_STR(buf, "10:00 left \xc2\xb7 behind");
	talk_text(&t, 1000 + 22 * MIN + 10000, 20 * MIN, 9, 10, buf,
	          sizeof(buf));
	CHECK_STR(buf, "+2:10 over");
	talk_toggle(&t, 1000 + 3 * MIN);
	talk_text(&t, 1000 + 5 * MIN, 0, 1, 10, buf, sizeof(buf));
	CHECK_STR(buf, "3:00 \xc2\xb7 paused");
}

static void
test_next_change(void)
{
	struct talk t;

	talk_init(&t);
	CHECK(talk_next_change_ms(&t, 0) == UINT64_MAX);
	talk_toggle(&t, 100);
	CHECK_INT(talk_next_change_ms(&t, 100), 1000);
	CHECK_INT(talk_next_change_ms(&t, 1050), 50);
	talk_toggle(&t, 1200);
	CHECK(talk_next_change_ms(&t, 1300) == UINT64_MAX);
}

int
main(void)
{
	RUN(test_starts_on_leaving_slide_1);
	RUN(test_toggle_pause_reset);
	RUN(test_pace);
	RUN(test_no_pace_without_length_or_start);
	RUN(test_text);
	RUN(test_next_change);
	return check_done("test_talk");
}
