/*
 * input: SDL events to the show's actions; see input.h.
 */
#include "input.h"

#include "util.h"

#define STAFF_MODS (KMOD_CTRL | KMOD_ALT)

/* One key binding: a key, whether it needs the staff chord, an action. */
struct binding {
	SDL_Keycode key;
	bool staff;
	enum show_action action;
};

static const struct binding bindings[] = {
	/* presenter and clicker keys (obeyed in present and kiosk modes) */
	{ SDLK_RIGHT, false, SHOW_NEXT },
	{ SDLK_DOWN, false, SHOW_NEXT },
	{ SDLK_PAGEDOWN, false, SHOW_NEXT },
	{ SDLK_SPACE, false, SHOW_NEXT },
	{ SDLK_n, false, SHOW_NEXT },
	{ SDLK_LEFT, false, SHOW_PREV },
	{ SDLK_UP, false, SHOW_PREV },
	{ SDLK_PAGEUP, false, SHOW_PREV },
	{ SDLK_BACKSPACE, false, SHOW_PREV },
	{ SDLK_p, false, SHOW_PREV },
	{ SDLK_HOME, false, SHOW_FIRST },
	{ SDLK_END, false, SHOW_LAST },
	{ SDLK_b, false, SHOW_BLACKOUT },
	{ SDLK_PERIOD, false, SHOW_BLACKOUT },
	{ SDLK_w, false, SHOW_WHITEOUT },
	{ SDLK_COMMA, false, SHOW_WHITEOUT },
	{ SDLK_l, false, SHOW_LANGUAGE },
	/* staff controls, with Ctrl+Alt, obeyed in every mode */
	{ SDLK_RIGHT, true, SHOW_NEXT },
	{ SDLK_LEFT, true, SHOW_PREV },
	{ SDLK_HOME, true, SHOW_FIRST },
	{ SDLK_END, true, SHOW_LAST },
	{ SDLK_p, true, SHOW_PAUSE },
	{ SDLK_b, true, SHOW_BLACKOUT },
	{ SDLK_l, true, SHOW_LANGUAGE },
};

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void
input_init(struct input *in, enum deck_mode mode, bool locked, int w, int h)
{
	SDL_zerop(in);
	in->mode = mode;
	in->locked = locked;
	input_resize(in, w, h);
}

void
input_resize(struct input *in, int w, int h)
{
	bool turned = in->rotate == 90 || in->rotate == 270;
	int old_w = in->w, old_h = in->h;

	in->screen_w = clamp(w, 1, GESTURE_MAX_SIDE);
	in->screen_h = clamp(h, 1, GESTURE_MAX_SIDE);
	in->w = turned ? in->screen_h : in->screen_w;
	in->h = turned ? in->screen_w : in->screen_h;
	if (in->w != old_w || in->h != old_h) /* else keep fingers down */
		gesture_init(&in->gesture, in->w, in->h);
}

void
input_set_rotation(struct input *in, int degrees)
{
	in->rotate = degrees;
	input_resize(in, in->screen_w, in->screen_h);
}

/* A point on the screen, in the coordinates of the (turned) slide. */
static void
to_slide(const struct input *in, int sx, int sy, int *x, int *y)
{
	int dx = sx - in->screen_w / 2, dy = sy - in->screen_h / 2;

	switch (in->rotate) {
	case 90:
		*x = in->w / 2 + dy, *y = in->h / 2 - dx;
		break;
	case 180:
		*x = in->w / 2 - dx, *y = in->h / 2 - dy;
		break;
	case 270:
		*x = in->w / 2 - dy, *y = in->h / 2 + dx;
		break;
	default:
		*x = sx, *y = sy;
		return;
	}
	*x = clamp(*x, 0, in->w - 1);
	*y = clamp(*y, 0, in->h - 1);
}

static struct input_result
result(enum input_kind kind)
{
	return (struct input_result){ .kind = kind };
}

static struct input_result
act(enum show_action action, enum show_source source, bool staff, size_t arg)
{
	struct input_result r = { .kind = INPUT_SHOW };

	r.show = (struct show_input){ action, source, staff, arg };
	return r;
}

static int
digit_of(SDL_Keycode key)
{
	if (key >= SDLK_0 && key <= SDLK_9)
		return key - SDLK_0;
	if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
		return key - SDLK_KP_1 + 1;
	return key == SDLK_KP_0 ? 0 : -1;
}

static struct input_result
key_binding(SDL_Keycode key, bool staff)
{
	for (size_t i = 0; i < SDL_arraysize(bindings); i++)
		if (bindings[i].key == key && bindings[i].staff == staff)
			return act(bindings[i].action, SHOW_SOURCE_KEY, staff,
			           0);
	return result(INPUT_NONE);
}

/* Escape and Q: leave when not locked; Escape first clears digits. */
static struct input_result
leave_key(const struct input *in, SDL_Keycode key, bool digits_pending)
{
	if (key == SDLK_ESCAPE && digits_pending)
		return act(SHOW_CANCEL, SHOW_SOURCE_KEY, false, 0);
	return in->locked ? result(INPUT_NONE) : result(INPUT_QUIT);
}

static struct input_result
key_down(struct input *in, const SDL_KeyboardEvent *k, uint64_t now,
         bool digits_pending)
{
	SDL_Keycode key = k->keysym.sym;
	Uint16 mod = k->keysym.mod;
	bool staff = (mod & KMOD_CTRL) && (mod & KMOD_ALT);
	int digit = digit_of(key);

	if (staff && key == SDLK_q) {
		if (!in->chord_down)
			in->chord_ms = now;
		in->chord_down = true;
		return result(INPUT_NONE);
	}
	if (k->repeat)
		return result(INPUT_NONE);
	if (!staff && (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)))
		return result(INPUT_NONE); /* Alt+F4, Ctrl+Q, Ctrl+W... */
	if (!staff && (key == SDLK_ESCAPE || key == SDLK_q))
		return leave_key(in, key, digits_pending);
	if (!staff && digit >= 0)
		return act(SHOW_DIGIT, SHOW_SOURCE_KEY, false, (size_t)digit);
	if (!staff && (key == SDLK_RETURN || key == SDLK_KP_ENTER))
		return act(digits_pending ? SHOW_ENTER : SHOW_NEXT,
		           SHOW_SOURCE_KEY, false, 0);
	return key_binding(key, staff);
}

static struct input_result
key_up(struct input *in, const SDL_KeyboardEvent *k)
{
	SDL_Keycode key = k->keysym.sym;

	if (key == SDLK_q || key == SDLK_LCTRL || key == SDLK_RCTRL ||
	    key == SDLK_LALT || key == SDLK_RALT)
		in->chord_down = false;
	return result(INPUT_NONE);
}

/* A kiosk tap: a control, else the left or right part of the screen. */
static struct input_result
tap(const struct input *in, int x, int y, enum show_source source)
{
	size_t dot = 0;

	switch (controls_hit(&in->controls, x, y, &dot)) {
	case CONTROLS_PREV:
		return act(SHOW_PREV, source, false, 0);
	case CONTROLS_NEXT:
		return act(SHOW_NEXT, source, false, 0);
	case CONTROLS_DOT:
		return act(SHOW_GOTO, source, false, dot);
	case CONTROLS_LANGUAGE:
		return act(SHOW_LANGUAGE, source, false, 0);
	case CONTROLS_NONE:
		break;
	}
	return act(x < in->w / 2 ? SHOW_PREV : SHOW_NEXT, source, false, 0);
}

static struct input_result
gesture_result(const struct input *in, struct gesture_event ev,
               enum show_source tap_source)
{
	switch (ev.kind) {
	case GESTURE_TAP:
		return tap(in, ev.x, ev.y, tap_source);
	case GESTURE_SWIPE_LEFT:
		return act(SHOW_NEXT, SHOW_SOURCE_SWIPE, false, 0);
	case GESTURE_SWIPE_RIGHT:
		return act(SHOW_PREV, SHOW_SOURCE_SWIPE, false, 0);
	case GESTURE_NONE:
		break;
	}
	return result(INPUT_NONE);
}

static int
to_px(float v, int side)
{
	if (!(v > 0)) /* also NaN */
		return 0;
	if (v >= 1)
		return side - 1;
	return (int)(v * (float)side);
}

static struct input_result
finger(struct input *in, const SDL_TouchFingerEvent *f, uint64_t now)
{
	int64_t id = (int64_t)f->fingerId;
	int x, y;

	if (f->touchId == SDL_MOUSE_TOUCHID || in->mode == DECK_MODE_LOBBY)
		return result(INPUT_NONE);
	if (id == GESTURE_MOUSE_ID)
		id++; /* keep the mouse's id for the mouse */
	to_slide(in, to_px(f->x, in->screen_w), to_px(f->y, in->screen_h), &x,
	         &y);
	if (f->type == SDL_FINGERDOWN)
		gesture_down(&in->gesture, id, x, y, now);
	else if (f->type == SDL_FINGERMOTION)
		gesture_move(&in->gesture, id, x, y, now);
	else
		return gesture_result(in,
		                      gesture_up(&in->gesture, id, x, y, now),
		                      SHOW_SOURCE_TAP);
	return result(INPUT_NONE);
}

static struct input_result
present_click(const SDL_MouseButtonEvent *b)
{
	if (b->type != SDL_MOUSEBUTTONDOWN ||
	    (b->button != SDL_BUTTON_LEFT && b->button != SDL_BUTTON_RIGHT))
		return result(INPUT_NONE);
	return act(b->button == SDL_BUTTON_LEFT ? SHOW_NEXT : SHOW_PREV,
	           SHOW_SOURCE_CLICK, false, 0);
}

static struct input_result
button(struct input *in, const SDL_MouseButtonEvent *b, uint64_t now)
{
	int x, y;

	if (b->which == SDL_TOUCH_MOUSEID || in->mode == DECK_MODE_LOBBY)
		return result(INPUT_NONE);
	if (in->mode == DECK_MODE_PRESENT)
		return present_click(b);
	if (b->button != SDL_BUTTON_LEFT)
		return result(INPUT_NONE);
	to_slide(in, b->x, b->y, &x, &y);
	if (b->type == SDL_MOUSEBUTTONDOWN) {
		if (!gesture_is_echo(&in->gesture, x, y, now))
			gesture_down(&in->gesture, GESTURE_MOUSE_ID, x, y, now);
		return result(INPUT_NONE);
	}
	return gesture_result(
	        in, gesture_up(&in->gesture, GESTURE_MOUSE_ID, x, y, now),
	        SHOW_SOURCE_CLICK);
}

static struct input_result
motion(struct input *in, const SDL_MouseMotionEvent *m, uint64_t now)
{
	int x, y;

	if (m->which == SDL_TOUCH_MOUSEID || !(m->state & SDL_BUTTON_LMASK))
		return result(INPUT_NONE);
	to_slide(in, m->x, m->y, &x, &y);
	gesture_move(&in->gesture, GESTURE_MOUSE_ID, x, y, now);
	return result(INPUT_NONE);
}

static struct input_result
wheel(const struct input *in, const SDL_MouseWheelEvent *w)
{
	if (in->mode != DECK_MODE_PRESENT || w->which == SDL_TOUCH_MOUSEID ||
	    w->y == 0)
		return result(INPUT_NONE);
	return act(w->y < 0 ? SHOW_NEXT : SHOW_PREV, SHOW_SOURCE_WHEEL, false,
	           0);
}

static struct input_result
window(struct input *in, const SDL_WindowEvent *w)
{
	switch (w->event) {
	case SDL_WINDOWEVENT_SIZE_CHANGED:
		input_resize(in, w->data1, w->data2);
		return result(INPUT_RESIZED);
	case SDL_WINDOWEVENT_EXPOSED:
	case SDL_WINDOWEVENT_SHOWN:
	case SDL_WINDOWEVENT_RESTORED:
		return result(INPUT_REDRAW);
	case SDL_WINDOWEVENT_FOCUS_LOST:
		gesture_reset(&in->gesture);
		in->chord_down = false;
		return result(INPUT_NONE);
	case SDL_WINDOWEVENT_CLOSE:
		return in->locked ? result(INPUT_NONE) : result(INPUT_QUIT);
	}
	return result(INPUT_NONE);
}

struct input_result
input_event(struct input *in, const SDL_Event *ev, uint64_t now_ms,
            bool digits_pending)
{
	switch (ev->type) {
	case SDL_QUIT:
		return result(INPUT_QUIT);
	case SDL_KEYDOWN:
		return key_down(in, &ev->key, now_ms, digits_pending);
	case SDL_KEYUP:
		return key_up(in, &ev->key);
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP:
		return finger(in, &ev->tfinger, now_ms);
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		return button(in, &ev->button, now_ms);
	case SDL_MOUSEMOTION:
		return motion(in, &ev->motion, now_ms);
	case SDL_MOUSEWHEEL:
		return wheel(in, &ev->wheel);
	case SDL_WINDOWEVENT:
		return window(in, &ev->window);
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET:
		return result(INPUT_RESET);
	}
	return result(INPUT_NONE);
}

struct input_result
input_tick(struct input *in, uint64_t now_ms)
{
	if (in->chord_down && now_ms - in->chord_ms >= INPUT_CHORD_MS)
		return result(INPUT_STAFF_EXIT);
	return result(INPUT_NONE);
}

uint32_t
input_next_wakeup(const struct input *in, uint64_t now_ms)
{
	if (!in->chord_down)
		return UINT32_MAX;
	return util_ms_until(in->chord_ms + INPUT_CHORD_MS, now_ms);
}
