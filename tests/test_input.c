/*
 * test_input: SDL events through input.c, the path the app uses: key
 * bindings per mode, staff keys and the exit chord, lockdown, taps, swipes
 * and the kiosk's controls from finger events, and the touch/mouse echo
 * filter (one tap is exactly one action).
 */
#include <SDL.h>

#include "check.h"
#include "input.h"

#define W 1000
#define H 600

static SDL_Event
key(SDL_EventType type, SDL_Keycode sym, Uint16 mod)
{
	SDL_Event ev = { .type = type };

	ev.key.keysym.sym = sym;
	ev.key.keysym.mod = mod;
	return ev;
}

static struct input_result
press(struct input *in, SDL_Keycode sym, Uint16 mod, bool digits)
{
	SDL_Event ev = key(SDL_KEYDOWN, sym, mod);

	return input_event(in, &ev, 1000, digits);
}

static SDL_Event
finger(SDL_EventType type, float x, float y, SDL_FingerID id)
{
	SDL_Event ev = { .type = type };

	ev.tfinger.touchId = 1;
	ev.tfinger.fingerId = id;
	ev.tfinger.x = x;
	ev.tfinger.y = y;
	return ev;
}

static SDL_Event
mouse(SDL_EventType type, int x, int y, Uint32 which)
{
	SDL_Event ev = { .type = type };

	ev.button.which = which;
	ev.button.button = SDL_BUTTON_LEFT;
	ev.button.x = x;
	ev.button.y = y;
	return ev;
}

/*
 * Feeds events at the given times (after all earlier ones: the clock only
 * goes forward); returns the last non-NONE result.
 */
static struct input_result
feed(struct input *in, const SDL_Event *evs, const uint64_t *t, size_t n,
     int *actions)
{
	static uint64_t base;
	struct input_result last = { .kind = INPUT_NONE };

	base += 100000;
	*actions = 0;
	for (size_t i = 0; i < n; i++) {
		struct input_result r =
		        input_event(in, &evs[i], base + t[i], false);

		if (r.kind != INPUT_NONE) {
			last = r;
			(*actions)++;
		}
	}
	return last;
}

static void
test_present_keys(void)
{
	static const struct {
		SDL_Keycode key;
		enum show_action action;
	} cases[] = {
		{ SDLK_RIGHT, SHOW_NEXT },      { SDLK_DOWN, SHOW_NEXT },
		{ SDLK_PAGEDOWN, SHOW_NEXT },   { SDLK_SPACE, SHOW_NEXT },
		{ SDLK_RETURN, SHOW_NEXT },     { SDLK_n, SHOW_NEXT },
		{ SDLK_LEFT, SHOW_PREV },       { SDLK_UP, SHOW_PREV },
		{ SDLK_PAGEUP, SHOW_PREV },     { SDLK_BACKSPACE, SHOW_PREV },
		{ SDLK_p, SHOW_PREV },          { SDLK_HOME, SHOW_FIRST },
		{ SDLK_END, SHOW_LAST },        { SDLK_b, SHOW_BLACKOUT },
		{ SDLK_PERIOD, SHOW_BLACKOUT }, { SDLK_w, SHOW_WHITEOUT },
		{ SDLK_COMMA, SHOW_WHITEOUT },
	};
	struct input in;

	input_init(&in, DECK_MODE_PRESENT, false, W, H);
	for (size_t i = 0; i < SDL_arraysize(cases); i++) {
		struct input_result r = press(&in, cases[i].key, 0, false);

		CHECK_INT(r.kind, INPUT_SHOW);
		CHECK_INT(r.show.action, cases[i].action);
		CHECK(!r.show.staff);
	}
	CHECK_INT(press(&in, SDLK_F5, 0, false).kind, INPUT_NONE);
	CHECK_INT(press(&in, SDLK_F5, KMOD_LSHIFT, false).kind, INPUT_NONE);
	CHECK_INT(press(&in, SDLK_ESCAPE, 0, false).kind, INPUT_QUIT);
	CHECK_INT(press(&in, SDLK_q, 0, false).kind, INPUT_QUIT);
}

static void
test_digits_and_enter(void)
{
	struct input in;
	struct input_result r;

	input_init(&in, DECK_MODE_PRESENT, false, W, H);
	r = press(&in, SDLK_1, 0, false);
	CHECK_INT(r.show.action, SHOW_DIGIT);
	CHECK_INT(r.show.arg, 1);
	r = press(&in, SDLK_KP_7, 0, true);
	CHECK_INT(r.show.action, SHOW_DIGIT);
	CHECK_INT(r.show.arg, 7);
	CHECK_INT(press(&in, SDLK_KP_0, 0, true).show.arg, 0);
	CHECK_INT(press(&in, SDLK_RETURN, 0, true).show.action, SHOW_ENTER);
	CHECK_INT(press(&in, SDLK_KP_ENTER, 0, true).show.action, SHOW_ENTER);
	r = press(&in, SDLK_ESCAPE, 0, true);
	CHECK_INT(r.kind, INPUT_SHOW);
	CHECK_INT(r.show.action, SHOW_CANCEL);
}

static void
test_lockdown(void)
{
	SDL_Event close = { .type = SDL_WINDOWEVENT };
	SDL_Event quit = { .type = SDL_QUIT };
	struct input in;

	close.window.event = SDL_WINDOWEVENT_CLOSE;
	input_init(&in, DECK_MODE_KIOSK, true, W, H);
	CHECK_INT(press(&in, SDLK_ESCAPE, 0, false).kind, INPUT_NONE);
	CHECK_INT(press(&in, SDLK_q, 0, false).kind, INPUT_NONE);
	CHECK_INT(press(&in, SDLK_F4, KMOD_LALT, false).kind, INPUT_NONE);
	CHECK_INT(press(&in, SDLK_q, KMOD_LCTRL, false).kind, INPUT_NONE);
	CHECK_INT(press(&in, SDLK_w, KMOD_LCTRL, false).kind, INPUT_NONE);
	CHECK_INT(input_event(&in, &close, 1000, false).kind, INPUT_NONE);
	CHECK_INT(input_event(&in, &quit, 1000, false).kind, INPUT_QUIT);
	/* in a window, the same keys and the close button leave */
	input_init(&in, DECK_MODE_KIOSK, false, W, H);
	CHECK_INT(press(&in, SDLK_ESCAPE, 0, false).kind, INPUT_QUIT);
	CHECK_INT(input_event(&in, &close, 1000, false).kind, INPUT_QUIT);
}

static void
test_staff_keys_and_chord(void)
{
	struct input in;
	struct input_result r;
	SDL_Event up = key(SDL_KEYUP, SDLK_q, KMOD_LCTRL | KMOD_LALT);
	SDL_Event down = key(SDL_KEYDOWN, SDLK_q, KMOD_LCTRL | KMOD_LALT);

	input_init(&in, DECK_MODE_LOBBY, true, W, H);
	r = press(&in, SDLK_RIGHT, KMOD_LCTRL | KMOD_LALT, false);
	CHECK_INT(r.show.action, SHOW_NEXT);
	CHECK(r.show.staff);
	r = press(&in, SDLK_p, KMOD_RCTRL | KMOD_RALT, false);
	CHECK_INT(r.show.action, SHOW_PAUSE);
	CHECK(r.show.staff);
	/* the chord: held 2 s exits, released early does not */
	CHECK_INT(input_event(&in, &down, 5000, false).kind, INPUT_NONE);
	CHECK_INT(input_next_wakeup(&in, 5000), INPUT_CHORD_MS);
	CHECK_INT(input_tick(&in, 6999).kind, INPUT_NONE);
	CHECK_INT(input_tick(&in, 7000).kind, INPUT_STAFF_EXIT);
	input_event(&in, &up, 7001, false);
	CHECK_INT(input_next_wakeup(&in, 7001), UINT32_MAX);
	input_event(&in, &down, 8000, false);
	input_event(&in, &up, 9000, false);
	CHECK_INT(input_tick(&in, 10500).kind, INPUT_NONE);
}

static void
test_kiosk_taps_and_swipes(void)
{
	struct input in;
	int n;
	struct input_result r;
	SDL_Event tap_right[] = { finger(SDL_FINGERDOWN, 0.8f, 0.4f, 7),
		                  finger(SDL_FINGERUP, 0.8f, 0.4f, 7) };
	SDL_Event tap_left[] = { finger(SDL_FINGERDOWN, 0.2f, 0.4f, 7),
		                 finger(SDL_FINGERUP, 0.2f, 0.4f, 7) };
	SDL_Event swipe[] = { finger(SDL_FINGERDOWN, 0.8f, 0.5f, 3),
		              finger(SDL_FINGERMOTION, 0.5f, 0.5f, 3),
		              finger(SDL_FINGERUP, 0.3f, 0.5f, 3) };
	uint64_t t[] = { 1000, 1100, 1200 };

	input_init(&in, DECK_MODE_KIOSK, true, W, H);
	r = feed(&in, tap_right, t, 2, &n);
	CHECK_INT(n, 1);
	CHECK_INT(r.show.action, SHOW_NEXT);
	CHECK_INT(r.show.source, SHOW_SOURCE_TAP);
	r = feed(&in, tap_left, t, 2, &n);
	CHECK_INT(r.show.action, SHOW_PREV);
	r = feed(&in, swipe, t, 3, &n);
	CHECK_INT(n, 1);
	CHECK_INT(r.show.action, SHOW_NEXT);
	CHECK_INT(r.show.source, SHOW_SOURCE_SWIPE);
	/* the lobby ignores touches */
	input_init(&in, DECK_MODE_LOBBY, true, W, H);
	feed(&in, tap_right, t, 2, &n);
	CHECK_INT(n, 0);
}

static void
test_kiosk_controls_hit(void)
{
	struct input in;
	struct layout_rect safe = { 50, 30, 900, 540 };
	int n;
	struct input_result r;
	SDL_Event ev[2];
	uint64_t t[] = { 1000, 1050 };

	input_init(&in, DECK_MODE_KIOSK, true, W, H);
	controls_place(&in.controls, safe, 60, 5);
	CHECK_INT(in.controls.n_dots, 5);
	/* the fourth dot: centre of its target */
	struct layout_rect d = in.controls.dots[3];
	float x = (d.x + d.w / 2.0f) / W, y = (d.y + d.h / 2.0f) / H;
	ev[0] = finger(SDL_FINGERDOWN, x, y, 1);
	ev[1] = finger(SDL_FINGERUP, x, y, 1);
	r = feed(&in, ev, t, 2, &n);
	CHECK_INT(r.show.action, SHOW_GOTO);
	CHECK_INT(r.show.arg, 3);
	/* the arrows at the ends of the band */
	x = (in.controls.prev.x + 5.0f) / W;
	y = (in.controls.prev.y + 5.0f) / H;
	ev[0] = finger(SDL_FINGERDOWN, x, y, 2);
	ev[1] = finger(SDL_FINGERUP, x, y, 2);
	CHECK_INT(feed(&in, ev, t, 2, &n).show.action, SHOW_PREV);
	x = (in.controls.next.x + 5.0f) / W;
	ev[0] = finger(SDL_FINGERDOWN, x, y, 2);
	ev[1] = finger(SDL_FINGERUP, x, y, 2);
	CHECK_INT(feed(&in, ev, t, 2, &n).show.action, SHOW_NEXT);
}

static void
test_one_tap_one_action(void)
{
	struct input in;
	int n;
	/* a touch as SDL reports it: finger events, then the mouse copy */
	SDL_Event evs[] = {
		finger(SDL_FINGERDOWN, 0.8f, 0.5f, 9),
		mouse(SDL_MOUSEBUTTONDOWN, 800, 300, SDL_TOUCH_MOUSEID),
		finger(SDL_FINGERUP, 0.8f, 0.5f, 9),
		mouse(SDL_MOUSEBUTTONUP, 800, 300, SDL_TOUCH_MOUSEID),
	};
	/* the same touch with unmarked mouse copies (X11 emulation) */
	SDL_Event unmarked[] = {
		finger(SDL_FINGERDOWN, 0.8f, 0.5f, 9),
		finger(SDL_FINGERUP, 0.8f, 0.5f, 9),
		mouse(SDL_MOUSEBUTTONDOWN, 800, 300, 0),
		mouse(SDL_MOUSEBUTTONUP, 800, 300, 0),
	};
	/* a mouse click made into a touch by SDL's hint */
	SDL_Event click[] = {
		mouse(SDL_MOUSEBUTTONDOWN, 800, 300, 0),
		finger(SDL_FINGERDOWN, 0.8f, 0.5f, 1),
		mouse(SDL_MOUSEBUTTONUP, 800, 300, 0),
		finger(SDL_FINGERUP, 0.8f, 0.5f, 1),
	};
	uint64_t t[] = { 1000, 1001, 1080, 1081 };

	click[1].tfinger.touchId = SDL_MOUSE_TOUCHID;
	click[3].tfinger.touchId = SDL_MOUSE_TOUCHID;
	input_init(&in, DECK_MODE_KIOSK, true, W, H);
	CHECK_INT(feed(&in, evs, t, 4, &n).show.action, SHOW_NEXT);
	CHECK_INT(n, 1);
	feed(&in, unmarked, t, 4, &n);
	CHECK_INT(n, 1);
	CHECK_INT(feed(&in, click, t, 4, &n).show.source, SHOW_SOURCE_CLICK);
	CHECK_INT(n, 1);
}

static void
test_harmless_inputs(void)
{
	struct input in;
	SDL_Event wheel = { .type = SDL_MOUSEWHEEL };
	SDL_Event two[] = { finger(SDL_FINGERDOWN, 0.8f, 0.5f, 1),
		            finger(SDL_FINGERDOWN, 0.2f, 0.5f, 2),
		            finger(SDL_FINGERUP, 0.8f, 0.5f, 1),
		            finger(SDL_FINGERUP, 0.2f, 0.5f, 2) };
	SDL_Event long_press[] = { finger(SDL_FINGERDOWN, 0.8f, 0.5f, 1),
		                   finger(SDL_FINGERUP, 0.8f, 0.5f, 1) };
	uint64_t t[] = { 1000, 1010, 1090, 1100 }, t_long[] = { 1000, 3000 };
	int n;

	wheel.wheel.y = -3;
	input_init(&in, DECK_MODE_KIOSK, true, W, H);
	CHECK_INT(input_event(&in, &wheel, 1000, false).kind, INPUT_NONE);
	feed(&in, two, t, 4, &n);
	CHECK_INT(n, 0);
	feed(&in, long_press, t_long, 2, &n);
	CHECK_INT(n, 0);
	/* a presenter's wheel turns pages */
	input_init(&in, DECK_MODE_PRESENT, false, W, H);
	CHECK_INT(input_event(&in, &wheel, 1000, false).show.action, SHOW_NEXT);
}

static void
test_window_events(void)
{
	struct input in;
	SDL_Event ev = { .type = SDL_WINDOWEVENT };
	SDL_Event reset = { .type = SDL_RENDER_TARGETS_RESET };

	input_init(&in, DECK_MODE_LOBBY, true, W, H);
	ev.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
	ev.window.data1 = 1080;
	ev.window.data2 = 1920;
	CHECK_INT(input_event(&in, &ev, 1, false).kind, INPUT_RESIZED);
	CHECK_INT(in.w, 1080);
	CHECK_INT(in.h, 1920);
	CHECK_INT(input_event(&in, &reset, 1, false).kind, INPUT_RESET);
	reset.type = SDL_RENDER_DEVICE_RESET;
	CHECK_INT(input_event(&in, &reset, 1, false).kind, INPUT_RESET);
}

static void
test_rotated_taps(void)
{
	/* the panel is 1000x600; the picture turned 90 degrees clockwise,
	 * so the slide is 600x1000 and its right edge is the screen's bottom */
	static const struct {
		int rotate;
		float x, y; /* where the finger lands on the screen, 0..1 */
		enum show_action action;
	} cases[] = {
		{ 0, 0.9f, 0.1f, SHOW_NEXT },   { 0, 0.1f, 0.9f, SHOW_PREV },
		{ 90, 0.5f, 0.9f, SHOW_NEXT },  { 90, 0.5f, 0.1f, SHOW_PREV },
		{ 180, 0.1f, 0.5f, SHOW_NEXT }, { 180, 0.9f, 0.5f, SHOW_PREV },
		{ 270, 0.5f, 0.1f, SHOW_NEXT }, { 270, 0.5f, 0.9f, SHOW_PREV },
	};
	uint64_t t[] = { 1000, 1050 };

	for (size_t i = 0; i < SDL_arraysize(cases); i++) {
		struct input in;
		SDL_Event ev[2] = {
			finger(SDL_FINGERDOWN, cases[i].x, cases[i].y, 1),
			finger(SDL_FINGERUP, cases[i].x, cases[i].y, 1)
		};
		int n;

		input_init(&in, DECK_MODE_KIOSK, true, W, H);
		input_set_rotation(&in, cases[i].rotate);
		CHECK_INT(in.w, cases[i].rotate % 180 ? H : W);
		CHECK_INT(feed(&in, ev, t, 2, &n).show.action, cases[i].action);
	}
}

int
main(void)
{
	RUN(test_present_keys);
	RUN(test_digits_and_enter);
	RUN(test_lockdown);
	RUN(test_staff_keys_and_chord);
	RUN(test_kiosk_taps_and_swipes);
	RUN(test_kiosk_controls_hit);
	RUN(test_one_tap_one_action);
	RUN(test_harmless_inputs);
	RUN(test_window_events);
	RUN(test_rotated_taps);
	return check_done("test_input");
}
