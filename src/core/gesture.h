/*
 * gesture: recognises taps and horizontal swipes from pointer events
 * (fingers and the mouse). Pure C: the input layer converts SDL's events
 * to pixel coordinates and milliseconds and feeds them in; only an up
 * event can complete a gesture.
 *
 * Usage:
 *	struct gesture g;
 *	gesture_init(&g, width_px, height_px);
 *	gesture_down(&g, id, x, y, t);
 *	gesture_move(&g, id, x, y, t);
 *	struct gesture_event ev = gesture_up(&g, id, x, y, t);
 *	if (ev.kind == GESTURE_TAP) hit-test ev.x, ev.y;
 *
 * Units: x and y are pixels in the window (SDL gives finger positions as
 * 0..1: multiply by the window's size); t is milliseconds from a 64-bit
 * monotonic clock (SDL_GetTicks64, not the 32-bit event timestamp, which
 * wraps after 49 days). id is the finger id, or GESTURE_MOUSE_ID for the
 * left mouse button.
 *
 * Rules (thresholds below):
 *  - A tap: down then up within GESTURE_TAP_MS, never straying more than
 *    GESTURE_SLOP_PERCENT of the width from where it went down. The tap is
 *    reported where it went down, clamped to the screen.
 *  - A swipe: up within GESTURE_SWIPE_MS of down, at least
 *    GESTURE_SWIPE_PERCENT of the width away horizontally and at most half
 *    that far vertically. GESTURE_SWIPE_LEFT means the finger moved left
 *    (the caller maps it to the next slide).
 *  - Anything else (a long press, a slow or vertical swipe) is nothing.
 *  - A second pointer going down while one is down cancels the gesture;
 *    nothing is recognised until every pointer is up again.
 *  - Events of pointers that are not down (an up without a down, a move of
 *    another finger) are ignored; so are times going backwards.
 *  - When nothing was heard of the pointers down for GESTURE_STALE_MS, they
 *    are forgotten as the next one goes down, so a lost up event cannot
 *    block gestures for good.
 *
 * Touch and mouse echoes: SDL turns each touch into a mouse event too
 * (event.button.which == SDL_TOUCH_MOUSEID) and, with a hint, each click
 * into a touch (event.tfinger.touchId == SDL_MOUSE_TOUCHID); the input layer
 * drops both by those constants. Some systems (X11's pointer emulation)
 * also send an unmarked mouse click for a touch, just before or after the
 * finger's own events. So a mouse down within GESTURE_ECHO_MS and the slop
 * distance of a finger's last event is an echo and ignored, and a finger
 * going down right where the mouse just went down takes the mouse's place
 * instead of cancelling it. gesture_is_echo tells the input layer the same
 * for other mouse uses.
 */
#ifndef VITRINE_GESTURE_H
#define VITRINE_GESTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GESTURE_TAP_MS        500   /* a tap is shorter than this */
#define GESTURE_SWIPE_MS      800   /* a swipe is no longer than this */
#define GESTURE_SLOP_PERCENT  3     /* of the width: a tap's wobble */
#define GESTURE_SWIPE_PERCENT 10    /* of the width: a swipe's length */
#define GESTURE_ECHO_MS       500   /* mouse echo of a touch */
#define GESTURE_STALE_MS      10000 /* pointers silent this long are gone */
#define GESTURE_MAX_POINTERS  10
#define GESTURE_MAX_SIDE      65536     /* largest width or height accepted */
#define GESTURE_MOUSE_ID      INT64_MIN /* id for the mouse's left button */

enum gesture_kind {
	GESTURE_NONE,
	GESTURE_TAP,
	GESTURE_SWIPE_LEFT,
	GESTURE_SWIPE_RIGHT
};

struct gesture_event {
	enum gesture_kind kind;
	int x, y; /* GESTURE_TAP: where, inside the screen; 0 otherwise */
};

/* Where and when a pointer was. */
struct gesture_point {
	int x, y;
	uint64_t t;
};

/* The recogniser's state; caller-owned, owns nothing. */
struct gesture {
	int width, height;                  /* screen size, px */
	int slop_px, swipe_px;              /* thresholds derived from width */
	int64_t down[GESTURE_MAX_POINTERS]; /* ids of pointers down */
	size_t n_down;
	bool tracking;  /* the first pointer down is being followed */
	bool cancelled; /* a second pointer went down */
	bool strayed;   /* moved beyond the slop: no longer a tap */
	int64_t id;     /* the followed pointer */
	struct gesture_point start;  /* where and when it went down */
	uint64_t last_ms;            /* the latest event */
	bool has_finger;             /* a finger event was seen, for echoes: */
	struct gesture_point finger; /* the last one */
};

/* Starts with nothing down, for a width x height px screen (each 1 to
 * GESTURE_MAX_SIDE). Call again when the window's size changes. */
void gesture_init(struct gesture *g, int width, int height);

/* Forgets every pointer down (e.g. when the window loses focus). */
void gesture_reset(struct gesture *g);

void gesture_down(struct gesture *g, int64_t id, int x, int y, uint64_t t);
void gesture_move(struct gesture *g, int64_t id, int x, int y, uint64_t t);

/* Returns the gesture this up completes, or GESTURE_NONE. */
struct gesture_event gesture_up(struct gesture *g, int64_t id, int x, int y,
                                uint64_t t);

/* Whether a mouse event at x, y, t is likely an echo of a touch. */
bool gesture_is_echo(const struct gesture *g, int x, int y, uint64_t t);

#endif
