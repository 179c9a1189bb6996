/*
 * test_gesture: taps, swipes and everything that is neither, on a
 * 1000 x 800 px screen (slop 30 px, swipe 100 px), with explicit times;
 * second fingers, stray events, mouse echoes of touches, and a random flood.
 */
#include "gesture.h"

#include "check.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define W     1000
#define H     800
#define MOUSE GESTURE_MOUSE_ID

static struct gesture
fresh(void)
{
	struct gesture g;

	gesture_init(&g, W, H);
	return g;
}

/* One finger down at x, y, t, up dx, dy, dt later. */
static struct gesture_event
stroke(struct gesture *g, int64_t id, int x, int y, uint64_t t, int dx, int dy,
       uint64_t dt)
{
	gesture_down(g, id, x, y, t);
	gesture_move(g, id, x + dx / 2, y + dy / 2, t + dt / 2);
	return gesture_up(g, id, x + dx, y + dy, t + dt);
}

static void
test_thresholds(void)
{
	struct gesture g = fresh();

	CHECK_INT(g.slop_px, 30);
	CHECK_INT(g.swipe_px, 100);
	gesture_init(&g, 10, 10);
	CHECK_INT(g.slop_px, 1);
	CHECK_INT(g.swipe_px, 1);
}

static void
test_strokes(void)
{
	static const struct {
		int dx, dy;
		uint64_t dt;
		enum gesture_kind kind;
	} cases[] = {
		{ 0, 0, 0, GESTURE_TAP },
		{ 5, -3, 120, GESTURE_TAP },
		{ 30, 0, 499, GESTURE_TAP },  /* at the limits */
		{ 31, 0, 100, GESTURE_NONE }, /* too far to tap, too short */
		{ 0, 0, 500, GESTURE_NONE },  /* too slow for a tap */
		{ 0, 0, 900, GESTURE_NONE },  /* long press */
		{ 3, 2, 5000, GESTURE_NONE }, /* very long press */
		{ 100, 0, 800, GESTURE_SWIPE_RIGHT },
		{ -100, 0, 800, GESTURE_SWIPE_LEFT },
		{ -400, 10, 200, GESTURE_SWIPE_LEFT },
		{ 99, 0, 100, GESTURE_NONE }, /* too short */
		{ -99, 0, 100, GESTURE_NONE },
		{ 100, 0, 801, GESTURE_NONE }, /* too slow */
		{ -300, 0, 2000, GESTURE_NONE },
		{ 100, 50, 300, GESTURE_SWIPE_RIGHT }, /* half as steep */
		{ 100, 51, 300, GESTURE_NONE },        /* steeper */
		{ 0, -300, 200, GESTURE_NONE },        /* vertical */
		{ 10, 300, 200, GESTURE_NONE },
	};

	for (size_t i = 0; i < N(cases); i++) {
		struct gesture g = fresh();
		struct gesture_event ev =
		        stroke(&g, 1, 500, 400, 1000, cases[i].dx, cases[i].dy,
		               cases[i].dt);

		if (ev.kind != cases[i].kind) {
			fprintf(stderr, "case %zu: kind %d, expected %d\n", i,
			        ev.kind, cases[i].kind);
			check_failures_in_test++;
		}
		if (ev.kind == GESTURE_TAP) {
			CHECK_INT(ev.x, 500); /* where it went down */
			CHECK_INT(ev.y, 400);
		} else {
			CHECK_INT(ev.x, 0);
			CHECK_INT(ev.y, 0);
		}
		CHECK_INT(g.n_down, 0);
	}
}

static void
test_strayed_is_no_tap(void)
{
	struct gesture g = fresh();

	gesture_down(&g, 1, 500, 400, 0);
	gesture_move(&g, 1, 600, 400, 100);
	gesture_move(&g, 1, 500, 400, 200);
	CHECK_INT(gesture_up(&g, 1, 500, 400, 250).kind, GESTURE_NONE);
}

static void
test_second_finger_cancels(void)
{
	struct gesture g = fresh();

	/* Second finger down and up first, then the first one. */
	gesture_down(&g, 1, 500, 400, 0);
	gesture_down(&g, 2, 600, 400, 50);
	CHECK_INT(gesture_up(&g, 2, 600, 400, 100).kind, GESTURE_NONE);
	CHECK_INT(gesture_up(&g, 1, 500, 400, 150).kind, GESTURE_NONE);
	/* First finger up first: still nothing until all are up. */
	gesture_down(&g, 1, 500, 400, 1000);
	gesture_down(&g, 2, 700, 400, 1010);
	CHECK_INT(gesture_up(&g, 1, 500, 400, 1050).kind, GESTURE_NONE);
	gesture_down(&g, 3, 500, 400, 1060);
	CHECK_INT(gesture_up(&g, 3, 500, 400, 1100).kind, GESTURE_NONE);
	CHECK_INT(gesture_up(&g, 2, 900, 400, 1200).kind, GESTURE_NONE);
	/* A two-finger swipe is nothing either. */
	gesture_down(&g, 1, 500, 400, 2000);
	gesture_down(&g, 2, 500, 500, 2000);
	gesture_move(&g, 1, 200, 400, 2100);
	gesture_move(&g, 2, 200, 500, 2100);
	CHECK_INT(gesture_up(&g, 1, 200, 400, 2200).kind, GESTURE_NONE);
	CHECK_INT(gesture_up(&g, 2, 200, 500, 2200).kind, GESTURE_NONE);
	/* All up: the next tap counts. */
	CHECK_INT(stroke(&g, 4, 100, 100, 3000, 0, 0, 50).kind, GESTURE_TAP);
}

static void
test_other_fingers_ignored(void)
{
	struct gesture g = fresh();

	CHECK_INT(gesture_up(&g, 7, 500, 400, 0).kind, GESTURE_NONE);
	gesture_move(&g, 7, 10, 10, 10);
	CHECK_INT(g.n_down, 0);
	gesture_down(&g, 1, 500, 400, 100);
	gesture_move(&g, 2, 900, 400, 150); /* not down: ignored */
	CHECK_INT(gesture_up(&g, 2, 900, 400, 160).kind, GESTURE_NONE);
	gesture_down(&g, 1, 520, 400, 170); /* down again: ignored */
	CHECK_INT(gesture_up(&g, 1, 500, 400, 200).kind, GESTURE_TAP);
	CHECK_INT(gesture_up(&g, 1, 500, 400, 210).kind, GESTURE_NONE);
}

static void
test_mouse_click(void)
{
	struct gesture g = fresh();
	struct gesture_event ev = stroke(&g, MOUSE, 950, 700, 0, 2, 2, 90);

	CHECK_INT(ev.kind, GESTURE_TAP);
	CHECK_INT(ev.x, 950);
	CHECK_INT(ev.y, 700);
	CHECK_INT(stroke(&g, MOUSE, 800, 400, 1000, -200, 0, 300).kind,
	          GESTURE_SWIPE_LEFT);
}

static void
test_echo_after_touch(void)
{
	struct gesture g = fresh();

	CHECK(!gesture_is_echo(&g, 200, 200, 0)); /* no touch seen yet */
	CHECK_INT(stroke(&g, 1, 200, 200, 1000, 0, 0, 100).kind, GESTURE_TAP);
	CHECK(gesture_is_echo(&g, 205, 200, 1150));
	CHECK(gesture_is_echo(&g, 200, 200, 1600));
	CHECK(!gesture_is_echo(&g, 200, 200, 1601));
	CHECK(!gesture_is_echo(&g, 400, 200, 1150)); /* elsewhere */
	gesture_down(&g, MOUSE, 201, 200, 1150);     /* the echo */
	CHECK_INT(g.n_down, 0);
	CHECK_INT(gesture_up(&g, MOUSE, 201, 200, 1200).kind, GESTURE_NONE);
	/* A real click elsewhere, or later, counts. */
	CHECK_INT(stroke(&g, MOUSE, 600, 200, 1250, 0, 0, 50).kind,
	          GESTURE_TAP);
	CHECK_INT(stroke(&g, MOUSE, 200, 200, 2000, 0, 0, 50).kind,
	          GESTURE_TAP);
}

static void
test_echo_while_touching(void)
{
	struct gesture g = fresh();

	gesture_down(&g, 1, 300, 300, 1000);
	gesture_down(&g, MOUSE, 300, 300, 1001); /* echo: no cancel */
	CHECK_INT(gesture_up(&g, 1, 300, 300, 1100).kind, GESTURE_TAP);
	CHECK_INT(gesture_up(&g, MOUSE, 300, 300, 1101).kind, GESTURE_NONE);
}

static void
test_echo_before_touch(void)
{
	struct gesture g = fresh();

	gesture_down(&g, MOUSE, 300, 300, 1000);
	gesture_down(&g, 1, 301, 300, 1010); /* takes the mouse's place */
	CHECK_INT(g.n_down, 1);
	CHECK_INT(gesture_up(&g, 1, 301, 300, 1100).kind, GESTURE_TAP);
	CHECK_INT(gesture_up(&g, MOUSE, 300, 300, 1105).kind, GESTURE_NONE);
	/* A finger elsewhere is a second pointer. */
	gesture_down(&g, MOUSE, 300, 300, 5000);
	gesture_down(&g, 1, 800, 300, 5010);
	CHECK_INT(gesture_up(&g, 1, 800, 300, 5100).kind, GESTURE_NONE);
	CHECK_INT(gesture_up(&g, MOUSE, 300, 300, 5105).kind, GESTURE_NONE);
	/* So is one at the same place but too late. */
	gesture_down(&g, MOUSE, 300, 300, 9000);
	gesture_down(&g, 1, 300, 300, 9501);
	CHECK_INT(gesture_up(&g, 1, 300, 300, 9550).kind, GESTURE_NONE);
	CHECK_INT(gesture_up(&g, MOUSE, 300, 300, 9560).kind, GESTURE_NONE);
}

static void
test_time_backwards(void)
{
	struct gesture g = fresh();

	gesture_down(&g, 1, 500, 400, 1000);
	CHECK_INT(gesture_up(&g, 1, 500, 400, 900).kind, GESTURE_NONE);
	CHECK_INT(g.n_down, 0);
	gesture_down(&g, 2, 500, 400, 500); /* before the last event */
	CHECK_INT(g.n_down, 0);
	CHECK_INT(stroke(&g, 3, 500, 400, 1100, 0, 0, 10).kind, GESTURE_TAP);
}

static void
test_stale_pointer_forgotten(void)
{
	struct gesture g = fresh();

	gesture_down(&g, 1, 500, 400, 0); /* its up is lost */
	gesture_down(&g, 2, 500, 400, 5000);
	CHECK_INT(gesture_up(&g, 2, 500, 400, 5050).kind, GESTURE_NONE);
	CHECK_INT(g.n_down, 1);
	CHECK_INT(stroke(&g, 3, 500, 400, 15051, 0, 0, 50).kind, GESTURE_TAP);
	CHECK_INT(gesture_up(&g, 1, 500, 400, 15200).kind, GESTURE_NONE);
}

static void
test_reset(void)
{
	struct gesture g = fresh();

	gesture_down(&g, 1, 500, 400, 0);
	gesture_down(&g, 2, 500, 400, 0);
	gesture_reset(&g);
	CHECK_INT(gesture_up(&g, 1, 500, 400, 50).kind, GESTURE_NONE);
	CHECK_INT(stroke(&g, 3, 500, 400, 100, 0, 0, 50).kind, GESTURE_TAP);
}

static void
test_many_fingers(void)
{
	struct gesture g = fresh();

	for (int64_t id = 0; id < GESTURE_MAX_POINTERS + 3; id++)
		gesture_down(&g, id, 50 * (int)id, 100, 10);
	CHECK_INT(g.n_down, GESTURE_MAX_POINTERS);
	for (int64_t id = 0; id < GESTURE_MAX_POINTERS + 3; id++)
		CHECK_INT(gesture_up(&g, id, 50 * (int)id, 100, 20).kind,
		          GESTURE_NONE);
	CHECK_INT(g.n_down, 0);
	CHECK_INT(stroke(&g, 1, 500, 400, 100, 0, 0, 50).kind, GESTURE_TAP);
}

static void
test_outside_the_screen(void)
{
	struct gesture g = fresh();
	struct gesture_event ev = stroke(&g, MOUSE, -50, 900, 0, 0, 0, 50);

	CHECK_INT(ev.kind, GESTURE_TAP);
	CHECK_INT(ev.x, 0);
	CHECK_INT(ev.y, H - 1);
	CHECK_INT(stroke(&g, 1, 100, 400, 1000, -2000000000, 0, 100).kind,
	          GESTURE_SWIPE_LEFT);
	CHECK_INT(stroke(&g, 1, 2000000000, 2000000000, 2000, 0, 0, 10).kind,
	          GESTURE_TAP);
}

/* A small deterministic generator (xorshift), so a failure repeats. */
static uint32_t
next_random(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* Anywhere on the screen, far outside it, or at the extremes of int. */
static int
random_coord(uint32_t *state, int side)
{
	uint32_t r = next_random(state);

	switch (r % 8) {
	case 0:
		return (int)(r >> 3) - (1 << 28);
	case 1:
		return r & 16 ? -2147483647 - 1 : 2147483647;
	default:
		return (int)((r >> 3) % (uint32_t)side);
	}
}

/* Half the time near the previous point, so that taps happen too. */
static void
random_point(uint32_t *state, int *x, int *y)
{
	uint32_t r = next_random(state);

	if (r % 2 && *x > -W && *x<2 * W && * y> - H && *y < 2 * H) {
		*x += (int)((r >> 1) % 21) - 10;
		*y += (int)((r >> 6) % 21) - 10;
		return;
	}
	*x = random_coord(state, W);
	*y = random_coord(state, H);
}

static void
test_random_flood(void)
{
	static const int64_t ids[] = { 0, 1, 2, 3, MOUSE, -1 };
	struct gesture g = fresh();
	uint32_t state = 2463534242u;
	uint64_t t = 1000;
	size_t taps = 0, swipes = 0, bad = 0;
	int x = W / 2, y = H / 2;

	for (int i = 0; i < 10000; i++) {
		uint32_t r = next_random(&state), kind = r % 3;
		uint32_t pick = next_random(&state) % 16;
		int64_t id = pick < 10 ? 1 : ids[pick % N(ids)];
		struct gesture_event ev = { GESTURE_NONE, 0, 0 };

		random_point(&state, &x, &y);
		r = next_random(&state);
		t = r % 16 == 0 ? t - r % 200 : t + r % 300;
		if (kind == 0)
			gesture_down(&g, id, x, y, t);
		else if (kind == 1)
			gesture_move(&g, id, x, y, t);
		else
			ev = gesture_up(&g, id, x, y, t);
		if (ev.kind == GESTURE_TAP) {
			taps++;
			bad += ev.x < 0 || ev.x >= W || ev.y < 0 || ev.y >= H;
		} else if (ev.kind == GESTURE_SWIPE_LEFT ||
		           ev.kind == GESTURE_SWIPE_RIGHT) {
			swipes++;
			bad += ev.x != 0 || ev.y != 0;
		} else {
			bad += ev.kind != GESTURE_NONE || ev.x || ev.y;
		}
		bad += g.n_down > GESTURE_MAX_POINTERS;
	}
	CHECK_INT(bad, 0);
	/* The flood did reach every outcome (8 taps, 9 swipes today). */
	CHECK(taps > 0);
	CHECK(swipes > 0);
}

int
main(void)
{
	RUN(test_thresholds);
	RUN(test_strokes);
	RUN(test_strayed_is_no_tap);
	RUN(test_second_finger_cancels);
	RUN(test_other_fingers_ignored);
	RUN(test_mouse_click);
	RUN(test_echo_after_touch);
	RUN(test_echo_while_touching);
	RUN(test_echo_before_touch);
	RUN(test_time_backwards);
	RUN(test_stale_pointer_forgotten);
	RUN(test_reset);
	RUN(test_many_fingers);
	RUN(test_outside_the_screen);
	RUN(test_random_flood);
	return check_done("test_gesture");
}
