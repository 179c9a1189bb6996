/*
 * input: the only place that reads SDL events. Turns keys, clicks, wheel
 * turns and touches into the show's actions through one binding table,
 * recognises taps and swipes (gesture.c), hit-tests the kiosk's controls
 * (controls.c), drops SDL's touch/mouse echoes, and watches for the staff
 * exit chord (Ctrl+Alt+Q held for INPUT_CHORD_MS).
 *
 * Lockdown: a fullscreen lobby or kiosk ignores every way an attendee
 * could leave (Escape, Alt+F4, Ctrl+Q/W, the window manager's close
 * request); only the staff chord or a signal ends it. In a window, or in
 * present mode, Escape, Q and closing the window leave.
 */
#ifndef VITRINE_INPUT_H
#define VITRINE_INPUT_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "controls.h"
#include "deck.h"
#include "gesture.h"
#include "show.h"

#define INPUT_CHORD_MS 2000

enum input_kind {
	INPUT_NONE,       /* nothing to do */
	INPUT_SHOW,       /* pass .show to show_handle */
	INPUT_QUIT,       /* leave, status 0 */
	INPUT_STAFF_EXIT, /* the staff chord was held: leave */
	INPUT_RESIZED,    /* the window's size changed: relayout */
	INPUT_REDRAW,     /* the window needs drawing again */
	INPUT_RESET,      /* textures were lost: rebuild them */
};

struct input_result {
	enum input_kind kind;
	struct show_input show;
};

struct input {
	enum deck_mode mode;
	bool locked; /* attendees cannot leave */
	int w, h;    /* the slide's size, px: the window's, turned by rotate */
	int screen_w, screen_h; /* the window's size, px */
	int rotate;             /* 0, 90, 180 or 270 degrees clockwise */
	struct gesture gesture;
	struct controls controls; /* kiosk: placed by the caller */
	bool chord_down;          /* Ctrl+Alt+Q is held */
	uint64_t chord_ms;        /* since when */
};

void input_init(struct input *in, enum deck_mode mode, bool locked, int w,
                int h);

/* The window is now w x h px. */
void input_resize(struct input *in, int w, int h);

/*
 * The picture is turned by degrees (0, 90, 180, 270) clockwise on the
 * screen; pointer positions are turned back into slide coordinates.
 */
void input_set_rotation(struct input *in, int degrees);

/*
 * Maps one event. digits_pending: the show has typed digits, so Enter
 * means "go there" rather than "next" and Escape clears them.
 */
struct input_result input_event(struct input *in, const SDL_Event *ev,
                                uint64_t now_ms, bool digits_pending);

/* INPUT_STAFF_EXIT once the chord has been held long enough. */
struct input_result input_tick(struct input *in, uint64_t now_ms);

/* Milliseconds until input_tick has something to say; UINT32_MAX: never. */
uint32_t input_next_wakeup(const struct input *in, uint64_t now_ms);

#endif
