/*
 * test_show: every path through the show's state machine, with explicit
 * timestamps: cycling, staff controls, pause, present mode, the ends,
 * digits and Enter, blanking, transitions, the kiosk's touch and idle
 * return, reload.
 */
#include "show.h"

#include <math.h>
#include <string.h>

#include "check.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define NONE DECK_TRANSITION_NONE
#define FADE DECK_TRANSITION_FADE
#define PUSH DECK_TRANSITION_PUSH

#define R SHOW_CHANGE_REDRAW
#define S SHOW_CHANGE_SLIDE

/* Three instant slides with their own times. */
static const struct show_slide three[] = {
	{ 1000, NONE, false },
	{ 2000, NONE, false },
	{ 3000, NONE, false },
};

/* Five fading slides of one second. */
static const struct show_slide fades[] = {
	{ 1000, FADE, false }, { 1000, FADE, false }, { 1000, FADE, false },
	{ 1000, FADE, false }, { 1000, FADE, false },
};

static const struct show_slide pushes[] = {
	{ 1000, PUSH, false },
	{ 1000, PUSH, false },
	{ 1000, PUSH, false },
	{ 1000, PUSH, false },
};

static struct show_slide twenty[20];

static struct show_config
config(enum deck_mode mode, const struct show_slide *slides, size_t n)
{
	return (struct show_config){ mode, slides, n, 400, 60000 };
}

static void
start(struct show *s, enum deck_mode mode, const struct show_slide *slides,
      size_t n)
{
	struct show_config cfg = config(mode, slides, n);

	show_init(s, &cfg, 0);
}

static unsigned
input(struct show *s, enum show_action action, bool staff, size_t arg,
      enum show_source source, uint64_t now, struct show_trace *trace)
{
	struct show_input in = { action, source, staff, arg };

	return show_handle(s, &in, now, trace);
}

/* An attendee's (or presenter's) key. */
static unsigned
key(struct show *s, enum show_action action, uint64_t now)
{
	return input(s, action, false, 0, SHOW_SOURCE_KEY, now, NULL);
}

static unsigned
staff(struct show *s, enum show_action action, uint64_t now)
{
	return input(s, action, true, 0, SHOW_SOURCE_KEY, now, NULL);
}

static unsigned
tick(struct show *s, uint64_t now)
{
	return show_tick(s, now, NULL);
}

static struct show_frame
frame(const struct show *s, uint64_t now)
{
	struct show_frame f;

	show_frame(s, now, &f);
	return f;
}

static bool
near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

/* A step of a scripted run: an input (SHOW_TICK: show_tick) at a time and
 * what it should return and leave as the current slide. */
struct step {
	uint64_t now;
	enum show_action action;
	bool staff;
	size_t arg;
	unsigned changes;
	size_t index;
};

static void
run_steps(struct show *s, const struct step *steps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct step *st = &steps[i];
		unsigned got = input(s, st->action, st->staff, st->arg,
		                     SHOW_SOURCE_KEY, st->now, NULL);

		if (got != st->changes || s->index != st->index) {
			fprintf(stderr,
			        "step %zu (t=%llu %s): changes %u index %zu, "
			        "expected %u %zu\n",
			        i, (unsigned long long)st->now,
			        show_action_name(st->action), got, s->index,
			        st->changes, st->index);
			check_failures_in_test++;
		}
	}
}

/* --- lobby ------------------------------------------------------------- */

static void
test_init(void)
{
	struct show s;
	struct show_frame f;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	f = frame(&s, 0);
	CHECK_INT(f.index, 0);
	CHECK(!f.in_transition);
	CHECK(near(f.progress, 1));
	CHECK(near(f.dwell, 0));
	CHECK(f.cycling);
	CHECK(!f.paused && !f.interacting);
	CHECK_INT(f.blank, SHOW_BLANK_NONE);
	CHECK_STR(f.digits, "");
}

/* seconds is the time a slide is fully on screen; the 400 ms fade comes
 * on top, for every slide alike, the first one too when the loop comes
 * back to it: a change every 1,400 ms after the first. */
static void
test_lobby_dwell_excludes_the_transition(void)
{
	static const struct show_slide two[] = { { 1000, FADE, false },
		                                 { 1000, FADE, false } };
	static const struct {
		uint64_t now;
		size_t index;
		bool changes;
	} expect[] = {
		{ 999, 0, false },  { 1000, 1, true },  { 2399, 1, false },
		{ 2400, 0, true },  { 3799, 0, false }, { 3800, 1, true },
		{ 5199, 1, false }, { 5200, 0, true },
	};
	struct show s;

	start(&s, DECK_MODE_LOBBY, two, N(two));
	for (size_t i = 0; i < N(expect); i++) {
		bool changed = tick(&s, expect[i].now) & SHOW_CHANGE_SLIDE;

		/* the transitions' frames in between, as the loop draws them */
		for (uint64_t t = expect[i].now + 16;
		     i + 1 < N(expect) && t < expect[i + 1].now; t += 16)
			tick(&s, t);
		CHECK_INT(changed, expect[i].changes);
		CHECK_INT(s.index, expect[i].index);
	}
}

static void
test_lobby_cycles_at_each_slides_time(void)
{
	static const struct step steps[] = {
		{ 999, SHOW_TICK, false, 0, 0, 0 },
		{ 1000, SHOW_TICK, false, 0, S | R, 1 },
		{ 2999, SHOW_TICK, false, 0, 0, 1 },
		{ 3000, SHOW_TICK, false, 0, S | R, 2 },
		{ 5999, SHOW_TICK, false, 0, 0, 2 },
		{ 6000, SHOW_TICK, false, 0, S | R, 0 }, /* loops */
		{ 6999, SHOW_TICK, false, 0, 0, 0 },
		{ 7000, SHOW_TICK, false, 0, S | R, 1 },
	};
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	run_steps(&s, steps, N(steps));
}

static void
test_lobby_trace_and_wakeup(void)
{
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	CHECK_INT(show_next_wakeup(&s, 0), 1000);
	CHECK_INT(show_next_wakeup(&s, 400), 600);
	CHECK_INT(show_next_wakeup(&s, 1000), 0);
	CHECK_INT(show_next_wakeup(&s, 1500), 0);
	CHECK_INT(show_tick(&s, 1000, &tr), S | R);
	CHECK_INT(tr.action, SHOW_NEXT);
	CHECK_STR(show_source_name(tr.source), "timer");
	CHECK_INT(tr.from, 0);
	CHECK_INT(tr.to, 1);
	CHECK_INT(show_next_wakeup(&s, 1000), 2000);
	CHECK_INT(show_tick(&s, 1200, &tr), 0);
	CHECK_STR(tr.note, "nothing to do");
	/* SHOW_TICK through show_handle is show_tick. */
	CHECK_INT(input(&s, SHOW_TICK, false, 0, SHOW_SOURCE_KEY, 3000, &tr),
	          S | R);
	CHECK_INT(tr.source, SHOW_SOURCE_TIMER);
	CHECK_INT(s.index, 2);
}

static void
test_lobby_late_tick_advances_once(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	CHECK_INT(tick(&s, 5000), S | R);
	CHECK_INT(s.index, 1);
	CHECK_INT(show_next_wakeup(&s, 5000), 2000);
	CHECK_INT(tick(&s, 5001), 0);
}

static void
test_lobby_progress_bar(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	CHECK(near(frame(&s, 250).dwell, 0.25));
	CHECK(near(frame(&s, 500).dwell, 0.5));
	CHECK(near(frame(&s, 1500).dwell, 1)); /* due, not yet ticked */
	tick(&s, 1000);
	CHECK(near(frame(&s, 1500).dwell, 0.25));
}

static void
test_lobby_ignores_attendees(void)
{
	static const enum show_action actions[] = {
		SHOW_NEXT,  SHOW_PREV,     SHOW_FIRST,    SHOW_LAST,
		SHOW_GOTO,  SHOW_DIGIT,    SHOW_ENTER,    SHOW_CANCEL,
		SHOW_PAUSE, SHOW_BLACKOUT, SHOW_WHITEOUT, SHOW_TOUCH,
	};
	static const enum show_source sources[] = {
		SHOW_SOURCE_KEY,
		SHOW_SOURCE_CLICK,
		SHOW_SOURCE_TAP,
		SHOW_SOURCE_SWIPE,
	};
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	for (size_t i = 0; i < N(actions); i++) {
		for (size_t j = 0; j < N(sources); j++) {
			CHECK_INT(input(&s, actions[i], false, 2, sources[j],
			                100 + i, &tr),
			          0);
			CHECK(!strncmp(tr.note, "ignored", 7));
		}
	}
	CHECK_INT(s.index, 0);
	CHECK_STR(frame(&s, 500).digits, "");
	CHECK_INT(show_next_wakeup(&s, 500), 500);
	CHECK_INT(tick(&s, 1000), S | R);
	CHECK_INT(s.index, 1);
}

static void
test_lobby_attendee_leaves_transition_alone(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, fades, N(fades));
	CHECK_INT(tick(&s, 1000), S | R);
	CHECK(frame(&s, 1100).in_transition);
	CHECK_INT(key(&s, SHOW_NEXT, 1100), 0);
	CHECK(frame(&s, 1100).in_transition);
	CHECK_INT(s.tr.start_ms, 1000);
}

static void
test_lobby_staff_controls(void)
{
	static const struct step steps[] = {
		{ 500, SHOW_NEXT, true, 0, S | R, 1 },
		{ 2499, SHOW_TICK, false, 0, 0, 1 }, /* dwell restarted */
		{ 2500, SHOW_TICK, false, 0, S | R, 2 },
		{ 2600, SHOW_NEXT, true, 0, S | R, 0 }, /* wraps */
		{ 2700, SHOW_PREV, true, 0, S | R, 2 }, /* wraps back */
		{ 2800, SHOW_PREV, true, 0, S | R, 1 },
		{ 2900, SHOW_FIRST, true, 0, S | R, 0 },
		{ 3000, SHOW_LAST, true, 0, S | R, 2 },
		{ 3100, SHOW_GOTO, true, 1, S | R, 1 },
		{ 3200, SHOW_DIGIT, true, 3, R, 1 },
		{ 3300, SHOW_ENTER, true, 0, S | R, 2 },
		{ 3400, SHOW_BLACKOUT, true, 0, R, 2 },
		{ 3500, SHOW_BLACKOUT, true, 0, R, 2 },
		/* 3000 ms from 3300, plus the 100 ms blanked */
		{ 6399, SHOW_TICK, false, 0, 0, 2 },
		{ 6400, SHOW_TICK, false, 0, S | R, 0 },
	};
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	run_steps(&s, steps, N(steps));
}

static void
test_lobby_pause_continues_dwell(void)
{
	struct show s;
	struct show_frame f;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	CHECK_INT(staff(&s, SHOW_PAUSE, 400), R);
	f = frame(&s, 5000);
	CHECK(f.paused && !f.cycling);
	CHECK(near(f.dwell, 0.4));
	CHECK_INT(show_next_wakeup(&s, 400), SHOW_WAKE_NEVER);
	CHECK_INT(tick(&s, 5000), 0);
	CHECK_INT(s.index, 0);
	CHECK_INT(key(&s, SHOW_PAUSE, 5500), 0); /* attendee: ignored */
	CHECK_INT(staff(&s, SHOW_PAUSE, 6000), R);
	CHECK(near(frame(&s, 6000).dwell, 0.4));
	CHECK_INT(show_next_wakeup(&s, 6000), 600);
	CHECK_INT(tick(&s, 6599), 0);
	CHECK_INT(tick(&s, 6600), S | R);
	CHECK_INT(s.index, 1);
}

static void
test_lobby_staff_steps_while_paused(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	staff(&s, SHOW_PAUSE, 100);
	CHECK_INT(staff(&s, SHOW_NEXT, 200), S | R);
	CHECK_INT(s.index, 1);
	CHECK(s.paused);
	CHECK_INT(tick(&s, 10000), 0);
	CHECK(near(frame(&s, 10000).dwell, 0));
	CHECK_INT(staff(&s, SHOW_PAUSE, 10000), R);
	CHECK_INT(show_next_wakeup(&s, 10000), 2000); /* the full time */
}

static void
test_lobby_single_slide_never_wakes(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, 1);
	CHECK_INT(show_next_wakeup(&s, 0), SHOW_WAKE_NEVER);
	CHECK_INT(tick(&s, 100000), 0);
	CHECK_INT(staff(&s, SHOW_NEXT, 100000), 0); /* wraps to itself */
	CHECK(!frame(&s, 100000).cycling);
}

/* --- present ----------------------------------------------------------- */

static void
test_present_never_advances(void)
{
	static const uint64_t times[] = { 1000, 3000, 100000, 1000000000 };
	struct show s;

	start(&s, DECK_MODE_PRESENT, three, N(three));
	CHECK_INT(show_next_wakeup(&s, 0), SHOW_WAKE_NEVER);
	for (size_t i = 0; i < N(times); i++) {
		CHECK_INT(tick(&s, times[i]), 0);
		CHECK_INT(s.index, 0);
	}
	key(&s, SHOW_NEXT, 1000000001);
	CHECK_INT(show_next_wakeup(&s, 1000000001), SHOW_WAKE_NEVER);
	CHECK(!frame(&s, 1000000001).cycling);
	CHECK(near(frame(&s, 2000000000).dwell, 0));
}

static void
test_present_stops_at_the_ends(void)
{
	static const struct step steps[] = {
		{ 100, SHOW_PREV, false, 0, 0, 0 },
		{ 200, SHOW_NEXT, false, 0, S | R, 1 },
		{ 300, SHOW_NEXT, false, 0, S | R, 2 },
		{ 400, SHOW_NEXT, false, 0, 0, 2 },
		{ 500, SHOW_FIRST, false, 0, S | R, 0 },
		{ 600, SHOW_FIRST, false, 0, 0, 0 },
		{ 700, SHOW_LAST, false, 0, S | R, 2 },
		{ 800, SHOW_LAST, false, 0, 0, 2 },
		{ 900, SHOW_PREV, false, 0, S | R, 1 },
		{ 1000, SHOW_GOTO, false, 1, 0, 1 },
		{ 1100, SHOW_PAUSE, false, 0, 0, 1 }, /* nothing cycles */
		{ 1200, SHOW_PAUSE, true, 0, 0, 1 },
		{ 1300, SHOW_TOUCH, false, 0, 0, 1 },
	};
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_PRESENT, three, N(three));
	run_steps(&s, steps, N(steps));
	key(&s, SHOW_LAST, 2000);
	input(&s, SHOW_NEXT, false, 0, SHOW_SOURCE_KEY, 2100, &tr);
	CHECK_STR(tr.note, "at the last slide");
	key(&s, SHOW_FIRST, 2200);
	input(&s, SHOW_PREV, false, 0, SHOW_SOURCE_KEY, 2300, &tr);
	CHECK_STR(tr.note, "at the first slide");
	input(&s, SHOW_GOTO, false, 0, SHOW_SOURCE_KEY, 2400, &tr);
	CHECK_STR(tr.note, "already shown");
}

/* --- digits and Enter -------------------------------------------------- */

struct digits_case {
	const char *keys; /* digits; E Enter, X Escape, N next, B blackout */
	size_t index;     /* expected, starting from index 9 */
};

static enum show_action
key_action(char c)
{
	switch (c) {
	case 'E':
		return SHOW_ENTER;
	case 'X':
		return SHOW_CANCEL;
	case 'N':
		return SHOW_NEXT;
	case 'B':
		return SHOW_BLACKOUT;
	default:
		return SHOW_DIGIT;
	}
}

static void
type_keys(struct show *s, const char *keys, uint64_t now)
{
	for (const char *k = keys; *k; k++, now += 100)
		input(s, key_action(*k), false, (size_t)(*k - '0') % 10,
		      SHOW_SOURCE_KEY, now, NULL);
}

static void
test_digits_enter(void)
{
	static const struct digits_case cases[] = {
		{ "12E", 11 },  { "5E", 4 },      { "1E", 0 },   { "20E", 19 },
		{ "0E", 0 },    { "00E", 0 },     { "21E", 19 }, { "99E", 19 },
		{ "020E", 19 }, { "99999E", 19 }, { "E", 9 },    { "1XE", 9 },
		{ "1NE", 10 },  { "1BE", 9 },     { "10E", 9 },  { "1E2E", 1 },
		{ "3X4E", 3 },  { "7EE", 6 },
	};
	struct show s;

	for (size_t i = 0; i < N(cases); i++) {
		start(&s, DECK_MODE_PRESENT, twenty, N(twenty));
		input(&s, SHOW_GOTO, false, 9, SHOW_SOURCE_KEY, 1, NULL);
		type_keys(&s, cases[i].keys, 1000);
		if (s.index != cases[i].index) {
			fprintf(stderr, "\"%s\": index %zu, expected %zu\n",
			        cases[i].keys, s.index, cases[i].index);
			check_failures_in_test++;
		}
		CHECK_STR(frame(&s, 5000).digits, "");
	}
}

static void
test_digits_shown_and_capped(void)
{
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_PRESENT, twenty, N(twenty));
	type_keys(&s, "01234", 100);
	CHECK_STR(frame(&s, 600).digits, "01234");
	CHECK_INT(input(&s, SHOW_DIGIT, false, 5, SHOW_SOURCE_KEY, 600, &tr),
	          0);
	CHECK_STR(tr.note, "ignored: too many digits");
	CHECK_STR(frame(&s, 600).digits, "01234");
	CHECK_INT(key(&s, SHOW_CANCEL, 700), R);
	CHECK_STR(frame(&s, 700).digits, "");
	CHECK_INT(key(&s, SHOW_CANCEL, 800), 0);
	CHECK_INT(key(&s, SHOW_ENTER, 900), 0);
}

static void
test_digits_time_out(void)
{
	struct show s;

	start(&s, DECK_MODE_PRESENT, twenty, N(twenty));
	/* 1 at 1000, 2 three seconds later: only "2" is left. */
	input(&s, SHOW_DIGIT, false, 1, SHOW_SOURCE_KEY, 1000, NULL);
	input(&s, SHOW_DIGIT, false, 2, SHOW_SOURCE_KEY, 4000, NULL);
	CHECK_STR(frame(&s, 4000).digits, "2");
	CHECK_INT(key(&s, SHOW_ENTER, 4100), S | R);
	CHECK_INT(s.index, 1);
	/* Enter just in time, and just too late. */
	input(&s, SHOW_DIGIT, false, 5, SHOW_SOURCE_KEY, 5000, NULL);
	CHECK_INT(key(&s, SHOW_ENTER, 7999), S | R);
	CHECK_INT(s.index, 4);
	input(&s, SHOW_DIGIT, false, 9, SHOW_SOURCE_KEY, 9000, NULL);
	CHECK_INT(key(&s, SHOW_ENTER, 12000), R); /* only the redraw */
	CHECK_INT(s.index, 4);
	/* A tick clears them and says when. */
	input(&s, SHOW_DIGIT, false, 3, SHOW_SOURCE_KEY, 20000, NULL);
	CHECK_INT(show_next_wakeup(&s, 20000), 3000);
	CHECK_INT(show_next_wakeup(&s, 21000), 2000);
	CHECK_INT(tick(&s, 22999), 0);
	CHECK_INT(tick(&s, 23000), R);
	CHECK_STR(frame(&s, 23000).digits, "");
	CHECK_INT(show_next_wakeup(&s, 23000), SHOW_WAKE_NEVER);
}

/* --- blanking ----------------------------------------------------------- */

static void
test_blank_toggles(void)
{
	static const struct {
		enum show_action action;
		enum show_blank blank;
	} steps[] = {
		{ SHOW_BLACKOUT, SHOW_BLANK_BLACK },
		{ SHOW_BLACKOUT, SHOW_BLANK_NONE },
		{ SHOW_WHITEOUT, SHOW_BLANK_WHITE },
		{ SHOW_WHITEOUT, SHOW_BLANK_NONE },
		{ SHOW_WHITEOUT, SHOW_BLANK_WHITE },
		{ SHOW_BLACKOUT,
		  SHOW_BLANK_BLACK }, /* one replaces the other */
		{ SHOW_WHITEOUT, SHOW_BLANK_WHITE },
		{ SHOW_CANCEL, SHOW_BLANK_WHITE },
		{ SHOW_DIGIT, SHOW_BLANK_WHITE },
		{ SHOW_WHITEOUT, SHOW_BLANK_NONE },
	};
	struct show s;

	start(&s, DECK_MODE_PRESENT, three, N(three));
	for (size_t i = 0; i < N(steps); i++) {
		unsigned c = key(&s, steps[i].action, 100 * i);

		CHECK_INT(c & S, 0);
		CHECK_INT(frame(&s, 100 * i).blank, steps[i].blank);
		CHECK_INT(s.index, 0);
	}
}

/* A navigation key on a blank screen only brings the slide back; digits
 * and Enter still jump (and unblank). */
static void
test_blank_ended_by_navigation(void)
{
	static const struct step steps[] = {
		{ 100, SHOW_BLACKOUT, false, 0, R, 0 },
		{ 200, SHOW_NEXT, false, 0, R, 0 }, /* only unblanks */
		{ 300, SHOW_WHITEOUT, false, 0, R, 0 },
		{ 400, SHOW_LAST, false, 0, R, 0 }, /* only unblanks */
		{ 500, SHOW_LAST, false, 0, S | R, 2 },
		{ 600, SHOW_BLACKOUT, false, 0, R, 2 },
		{ 700, SHOW_NEXT, false, 0, R, 2 }, /* at the end: unblanks */
		{ 800, SHOW_BLACKOUT, false, 0, R, 2 },
		{ 850, SHOW_DIGIT, false, 1, R, 2 }, /* still black */
		{ 900, SHOW_ENTER, false, 0, S | R, 0 },
		{ 1000, SHOW_BLACKOUT, false, 0, R, 0 },
		{ 1100, SHOW_ENTER, false, 0, 0, 0 }, /* no digits: stays */
		{ 1200, SHOW_GOTO, false, 2, R, 0 },  /* only unblanks */
	};
	static const enum show_blank after[] = {
		SHOW_BLANK_BLACK, SHOW_BLANK_NONE,  SHOW_BLANK_WHITE,
		SHOW_BLANK_NONE,  SHOW_BLANK_NONE,  SHOW_BLANK_BLACK,
		SHOW_BLANK_NONE,  SHOW_BLANK_BLACK, SHOW_BLANK_BLACK,
		SHOW_BLANK_NONE,  SHOW_BLANK_BLACK, SHOW_BLANK_BLACK,
		SHOW_BLANK_NONE,
	};
	struct show s;

	start(&s, DECK_MODE_PRESENT, three, N(three));
	for (size_t i = 0; i < N(steps); i++) {
		run_steps(&s, &steps[i], 1);
		CHECK_INT(s.blank, after[i]);
	}
}

static void
test_blank_holds_lobby(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	CHECK_INT(staff(&s, SHOW_BLACKOUT, 300), R);
	CHECK(!frame(&s, 300).cycling);
	CHECK_INT(show_next_wakeup(&s, 300), SHOW_WAKE_NEVER);
	CHECK_INT(tick(&s, 5000), 0);
	CHECK_INT(staff(&s, SHOW_BLACKOUT, 5000), R);
	CHECK_INT(show_next_wakeup(&s, 5000), 700);
	CHECK_INT(tick(&s, 5699), 0);
	CHECK_INT(tick(&s, 5700), S | R);
}

static void
test_kiosk_blank_is_staff_only(void)
{
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_KIOSK, three, N(three));
	CHECK_INT(input(&s, SHOW_BLACKOUT, false, 0, SHOW_SOURCE_TAP, 50, &tr),
	          0);
	CHECK_STR(tr.note, "ignored: staff only in this mode");
	CHECK_INT(staff(&s, SHOW_BLACKOUT, 100), R);
	CHECK_INT(input(&s, SHOW_NEXT, false, 0, SHOW_SOURCE_TAP, 200, &tr), 0);
	CHECK_STR(tr.note, "ignored: blanked by staff");
	CHECK_INT(input(&s, SHOW_TOUCH, false, 0, SHOW_SOURCE_TAP, 300, &tr),
	          0);
	CHECK_INT(s.blank, SHOW_BLANK_BLACK);
	/* Blanked: no idle return either. */
	CHECK_INT(show_next_wakeup(&s, 300), SHOW_WAKE_NEVER);
	CHECK_INT(tick(&s, 1000000), 0);
	CHECK_INT(staff(&s, SHOW_NEXT, 1000000), R); /* only unblanks */
	CHECK_INT(s.blank, SHOW_BLANK_NONE);
	CHECK_INT(s.index, 0);
	CHECK_INT(staff(&s, SHOW_NEXT, 1000100), S | R);
	CHECK_INT(s.index, 1);
}

/* --- transitions -------------------------------------------------------- */

static void
test_input_finishes_transition(void)
{
	struct show s;
	struct show_frame f;

	start(&s, DECK_MODE_PRESENT, fades, N(fades));
	CHECK_INT(key(&s, SHOW_NEXT, 0), S | R);
	f = frame(&s, 0);
	CHECK(f.in_transition);
	CHECK_INT(f.from, 0);
	CHECK_INT(f.to, 1);
	CHECK(near(f.progress, 0));
	CHECK_INT(key(&s, SHOW_NEXT, 100), S | R);
	f = frame(&s, 100);
	CHECK(f.in_transition);
	CHECK_INT(f.from, 1);
	CHECK_INT(f.to, 2);
	CHECK(near(f.progress, 0));
	CHECK_INT(s.tr.start_ms, 100);
	CHECK_INT(key(&s, SHOW_PREV, 150), S | R);
	f = frame(&s, 150);
	CHECK_INT(f.from, 2);
	CHECK_INT(f.to, 1);
	CHECK_INT(f.direction, -1);
	CHECK_INT(tick(&s, 549), R);
	CHECK_INT(tick(&s, 550), R);
	CHECK(!frame(&s, 550).in_transition);
	CHECK_INT(s.index, 1);
	/* A blackout during a transition ends it too. */
	key(&s, SHOW_NEXT, 1000);
	CHECK_INT(key(&s, SHOW_BLACKOUT, 1100), R);
	f = frame(&s, 1100);
	CHECK(!f.in_transition);
	CHECK_INT(f.index, 2);
	CHECK_INT(f.blank, SHOW_BLANK_BLACK);
}

static void
test_transition_progress(void)
{
	static const struct {
		uint64_t now;
		double progress;
	} points[] = {
		{ 1000, 0 },      { 1100, 0.4375 }, { 1200, 0.75 },
		{ 1300, 0.9375 }, { 1400, 1 },      { 1500, 1 },
	};
	struct show s;

	start(&s, DECK_MODE_PRESENT, fades, N(fades));
	key(&s, SHOW_NEXT, 1000);
	for (size_t i = 0; i < N(points); i++) {
		struct show_frame f = frame(&s, points[i].now);

		CHECK(f.in_transition);
		CHECK_INT(f.kind, FADE);
		CHECK(near(f.progress, points[i].progress));
		CHECK(near(f.dwell, 0));
	}
	CHECK_INT(show_next_wakeup(&s, 1100), 0);
	CHECK_INT(tick(&s, 1100), R);
	CHECK_INT(tick(&s, 1399), R);
	CHECK_INT(tick(&s, 1400), R);
	CHECK(!frame(&s, 1400).in_transition);
	CHECK_INT(show_next_wakeup(&s, 1400), SHOW_WAKE_NEVER);
	CHECK_INT(tick(&s, 1401), 0);
}

static void
test_lobby_dwell_counts_from_transition_end(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, fades, N(fades));
	CHECK_INT(tick(&s, 1000), S | R);
	CHECK_INT(show_next_wakeup(&s, 1000), 0);
	CHECK_INT(tick(&s, 1450), R); /* late: ended at 1400 */
	CHECK_INT(show_next_wakeup(&s, 1450), 950);
	CHECK_INT(tick(&s, 2399), 0);
	CHECK_INT(tick(&s, 2400), S | R);
	CHECK_INT(s.index, 2);
}

static void
test_push_direction(void)
{
	static const struct {
		enum show_action action;
		size_t arg;
		size_t from, to;
		int direction;
	} steps[] = {
		{ SHOW_NEXT, 0, 0, 1, 1 },  { SHOW_PREV, 0, 1, 0, -1 },
		{ SHOW_LAST, 0, 0, 3, 1 },  { SHOW_NEXT, 0, 3, 0, 1 },
		{ SHOW_PREV, 0, 0, 3, -1 }, { SHOW_GOTO, 1, 3, 1, -1 },
		{ SHOW_GOTO, 2, 1, 2, 1 },  { SHOW_FIRST, 0, 2, 0, -1 },
	};
	struct show s;

	start(&s, DECK_MODE_KIOSK, pushes, N(pushes));
	for (size_t i = 0; i < N(steps); i++) {
		uint64_t now = 1000 * (i + 1);
		struct show_frame f;

		input(&s, steps[i].action, false, steps[i].arg,
		      SHOW_SOURCE_SWIPE, now, NULL);
		f = frame(&s, now);
		CHECK(f.in_transition);
		CHECK_INT(f.kind, PUSH);
		CHECK_INT(f.from, steps[i].from);
		CHECK_INT(f.to, steps[i].to);
		CHECK_INT(f.direction, steps[i].direction);
	}
}

static void
test_transition_is_the_arriving_slides(void)
{
	static const struct show_slide mixed[] = {
		{ 1000, FADE, false },
		{ 1000, PUSH, false },
		{ 1000, NONE, false },
	};
	struct show s;
	struct show_frame f;

	start(&s, DECK_MODE_PRESENT, mixed, N(mixed));
	key(&s, SHOW_NEXT, 1000);
	CHECK_INT(frame(&s, 1000).kind, PUSH);
	key(&s, SHOW_NEXT, 2000); /* none: instant */
	f = frame(&s, 2000);
	CHECK(!f.in_transition);
	CHECK_INT(f.index, 2);
	CHECK(near(f.progress, 1));
	CHECK_INT(show_next_wakeup(&s, 2000), SHOW_WAKE_NEVER);
	key(&s, SHOW_PREV, 3000);
	CHECK_INT(frame(&s, 3000).kind, PUSH);
	key(&s, SHOW_PREV, 4000);
	CHECK_INT(frame(&s, 4000).kind, FADE);
}

static void
test_transition_length_zero_is_instant(void)
{
	struct show_config cfg = config(DECK_MODE_PRESENT, fades, N(fades));
	struct show s;

	cfg.transition_ms = 0;
	show_init(&s, &cfg, 0);
	CHECK_INT(key(&s, SHOW_NEXT, 100), S | R);
	CHECK(!frame(&s, 100).in_transition);
	CHECK_INT(s.index, 1);
}

/* --- kiosk -------------------------------------------------------------- */

static void
test_kiosk_touch_stops_cycling(void)
{
	struct show s;
	struct show_frame f;

	start(&s, DECK_MODE_KIOSK, three, N(three));
	CHECK_INT(tick(&s, 1000), S | R); /* cycles like a lobby */
	CHECK_INT(input(&s, SHOW_TOUCH, false, 0, SHOW_SOURCE_TAP, 1500, NULL),
	          R);
	f = frame(&s, 1500);
	CHECK(f.interacting && !f.cycling);
	CHECK_INT(show_next_wakeup(&s, 1500), 60000);
	CHECK_INT(tick(&s, 3000), 0); /* slide 2's time: no advance */
	CHECK_INT(input(&s, SHOW_TOUCH, false, 0, SHOW_SOURCE_TAP, 30000, NULL),
	          0);
	CHECK_INT(show_next_wakeup(&s, 30000), 60000);
	CHECK_INT(tick(&s, 89999), 0);
	CHECK_INT(s.index, 1);
}

static void
test_kiosk_taps_and_swipes(void)
{
	static const struct {
		enum show_action action;
		enum show_source source;
		size_t arg, index;
	} steps[] = {
		{ SHOW_NEXT, SHOW_SOURCE_TAP, 0, 1 },
		{ SHOW_NEXT, SHOW_SOURCE_SWIPE, 0, 2 },
		{ SHOW_NEXT, SHOW_SOURCE_CLICK, 0, 0 }, /* wraps */
		{ SHOW_PREV, SHOW_SOURCE_TAP, 0, 2 },   /* wraps back */
		{ SHOW_PREV, SHOW_SOURCE_SWIPE, 0, 1 },
		{ SHOW_GOTO, SHOW_SOURCE_TAP, 2, 2 }, /* a dot */
		{ SHOW_GOTO, SHOW_SOURCE_TAP, 0, 0 },
	};
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_KIOSK, three, N(three));
	for (size_t i = 0; i < N(steps); i++) {
		CHECK_INT(input(&s, steps[i].action, false, steps[i].arg,
		                steps[i].source, 100 * (i + 1), &tr),
		          S | R);
		CHECK_INT(s.index, steps[i].index);
		CHECK_INT(tr.to, steps[i].index);
		CHECK_INT(tr.source, steps[i].source);
	}
	CHECK_STR(show_source_name(tr.source), "tap");
	CHECK(frame(&s, 800).interacting);
}

static void
test_kiosk_idle_returns_and_cycles(void)
{
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_KIOSK, three, N(three));
	CHECK_INT(tick(&s, 1000), S | R);
	input(&s, SHOW_NEXT, false, 0, SHOW_SOURCE_TAP, 1500, NULL);
	input(&s, SHOW_NEXT, false, 0, SHOW_SOURCE_SWIPE, 1600, NULL);
	input(&s, SHOW_NEXT, false, 0, SHOW_SOURCE_TAP, 1700, NULL);
	CHECK_INT(s.index, 1);
	CHECK_INT(show_next_wakeup(&s, 1700), 60000);
	CHECK_INT(show_tick(&s, 61699, &tr), 0);
	CHECK_INT(show_tick(&s, 61700, &tr), S | R);
	CHECK_INT(s.index, 0);
	CHECK_STR(show_source_name(tr.source), "idle");
	CHECK_INT(tr.action, SHOW_FIRST);
	CHECK_INT(tr.from, 1);
	CHECK_INT(tr.to, 0);
	CHECK(frame(&s, 61700).cycling);
	CHECK(!frame(&s, 61700).interacting);
	CHECK_INT(show_next_wakeup(&s, 61700), 1000);
	CHECK_INT(show_tick(&s, 62700, &tr), S | R);
	CHECK_STR(show_source_name(tr.source), "timer");
	CHECK_INT(s.index, 1);
}

static void
test_kiosk_idle_on_first_slide(void)
{
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_KIOSK, three, N(three));
	input(&s, SHOW_TOUCH, false, 0, SHOW_SOURCE_TAP, 500, NULL);
	CHECK_INT(show_tick(&s, 60500, &tr), R); /* no slide change */
	CHECK_STR(show_source_name(tr.source), "idle");
	CHECK_INT(s.index, 0);
	CHECK_INT(show_next_wakeup(&s, 60500), 1000); /* a full dwell */
}

static void
test_kiosk_idle_with_transition(void)
{
	struct show s;

	start(&s, DECK_MODE_KIOSK, fades, N(fades));
	input(&s, SHOW_GOTO, false, 3, SHOW_SOURCE_TAP, 100, NULL);
	CHECK_INT(tick(&s, 500), R); /* its fade ends */
	CHECK_INT(tick(&s, 60100), S | R);
	CHECK(frame(&s, 60100).in_transition);
	CHECK_INT(frame(&s, 60100).direction, -1);
	CHECK_INT(tick(&s, 60500), R);
	CHECK_INT(show_next_wakeup(&s, 60500), 1000);
	CHECK_INT(tick(&s, 61500), S | R);
	CHECK_INT(s.index, 1);
}

static void
test_kiosk_pause_is_staff(void)
{
	struct show s;

	start(&s, DECK_MODE_KIOSK, three, N(three));
	CHECK_INT(input(&s, SHOW_PAUSE, false, 0, SHOW_SOURCE_TAP, 100, NULL),
	          0);
	CHECK_INT(staff(&s, SHOW_PAUSE, 200), R);
	CHECK(s.paused);
	/* Idle still brings slide 1 back, but it stays paused. */
	CHECK_INT(tick(&s, 60200), R);
	CHECK(!frame(&s, 60200).cycling);
	CHECK_INT(show_next_wakeup(&s, 60200), SHOW_WAKE_NEVER);
}

/* --- reload ------------------------------------------------------------- */

static void
test_reload_clamps_index(void)
{
	struct show_config small = config(DECK_MODE_PRESENT, three, 3);
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_PRESENT, fades, N(fades));
	key(&s, SHOW_LAST, 0);
	CHECK_INT(show_reload(&s, &small, 4, 100, &tr), S | R);
	CHECK_INT(s.index, 2);
	CHECK(!frame(&s, 100).in_transition); /* ended at once */
	CHECK_STR(show_source_name(tr.source), "reload");
	CHECK_INT(tr.from, 4);
	CHECK_INT(tr.to, 2);
	CHECK_INT(show_reload(&s, &small, 2, 200, NULL), R);
	CHECK_INT(show_reload(&s, &small, 0, 300, NULL), S | R);
	CHECK_INT(s.index, 0);
}

static void
test_reload_keeps_dwell(void)
{
	struct show_config cfg = config(DECK_MODE_LOBBY, three, N(three));
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, N(three));
	CHECK_INT(show_reload(&s, &cfg, 0, 500, NULL), R);
	CHECK_INT(show_next_wakeup(&s, 500), 500);
	CHECK_INT(tick(&s, 999), 0);
	CHECK_INT(tick(&s, 1000), S | R);
}

static void
test_reload_from_one_slide(void)
{
	struct show_config cfg = config(DECK_MODE_LOBBY, three, N(three));
	struct show s;

	start(&s, DECK_MODE_LOBBY, three, 1);
	CHECK_INT(show_reload(&s, &cfg, 0, 5000, NULL), R);
	CHECK_INT(show_next_wakeup(&s, 5000), 1000);
	CHECK_INT(tick(&s, 6000), S | R);
}

static void
test_reload_changes_mode(void)
{
	struct show_config lobby = config(DECK_MODE_LOBBY, three, N(three));
	struct show s;

	start(&s, DECK_MODE_KIOSK, three, N(three));
	input(&s, SHOW_TOUCH, false, 0, SHOW_SOURCE_TAP, 400, NULL);
	CHECK(!frame(&s, 400).cycling);
	CHECK_INT(show_reload(&s, &lobby, 0, 5000, NULL), R);
	CHECK(frame(&s, 5000).cycling);
	CHECK(!frame(&s, 5000).interacting);
	CHECK_INT(show_next_wakeup(&s, 5000), 600); /* 400 ms were gone */
	CHECK_INT(input(&s, SHOW_NEXT, false, 0, SHOW_SOURCE_TAP, 5100, NULL),
	          0);
}

static void
test_names(void)
{
	CHECK_STR(show_action_name(SHOW_NEXT), "next");
	CHECK_STR(show_action_name(SHOW_BLACKOUT), "blackout");
	CHECK_STR(show_action_name(SHOW_ACTION_COUNT), "?");
	CHECK_STR(show_source_name(SHOW_SOURCE_SWIPE), "swipe");
	CHECK_STR(show_source_name(SHOW_SOURCE_COUNT), "?");
	for (int a = 0; a < SHOW_ACTION_COUNT; a++)
		CHECK(show_action_name((enum show_action)a)[0] != '?');
	for (int src = 0; src < SHOW_SOURCE_COUNT; src++)
		CHECK(show_source_name((enum show_source)src)[0] != '?');
}

int
main(void)
{
	for (size_t i = 0; i < N(twenty); i++)
		twenty[i] = (struct show_slide){ 1000, NONE, false };
	RUN(test_init);
	RUN(test_lobby_dwell_excludes_the_transition);
	RUN(test_lobby_cycles_at_each_slides_time);
	RUN(test_lobby_trace_and_wakeup);
	RUN(test_lobby_late_tick_advances_once);
	RUN(test_lobby_progress_bar);
	RUN(test_lobby_ignores_attendees);
	RUN(test_lobby_attendee_leaves_transition_alone);
	RUN(test_lobby_staff_controls);
	RUN(test_lobby_pause_continues_dwell);
	RUN(test_lobby_staff_steps_while_paused);
	RUN(test_lobby_single_slide_never_wakes);
	RUN(test_present_never_advances);
	RUN(test_present_stops_at_the_ends);
	RUN(test_digits_enter);
	RUN(test_digits_shown_and_capped);
	RUN(test_digits_time_out);
	RUN(test_blank_toggles);
	RUN(test_blank_ended_by_navigation);
	RUN(test_blank_holds_lobby);
	RUN(test_kiosk_blank_is_staff_only);
	RUN(test_input_finishes_transition);
	RUN(test_transition_progress);
	RUN(test_lobby_dwell_counts_from_transition_end);
	RUN(test_push_direction);
	RUN(test_transition_is_the_arriving_slides);
	RUN(test_transition_length_zero_is_instant);
	RUN(test_kiosk_touch_stops_cycling);
	RUN(test_kiosk_taps_and_swipes);
	RUN(test_kiosk_idle_returns_and_cycles);
	RUN(test_kiosk_idle_on_first_slide);
	RUN(test_kiosk_idle_with_transition);
	RUN(test_kiosk_pause_is_staff);
	RUN(test_reload_clamps_index);
	RUN(test_reload_keeps_dwell);
	RUN(test_reload_from_one_slide);
	RUN(test_reload_changes_mode);
	RUN(test_names);
	return check_done("test_show");
}
