/*
 * gesture: tap and swipe recognition (see gesture.h for the rules). It
 * follows the first pointer that goes down, remembers every other one down
 * only to know when all are up, and decides on the followed pointer's up.
 */
#include "gesture.h"

#include <assert.h>

static int
clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Keeps coordinates within a screen's size of the screen, so distances
 * cannot overflow; far away counts the same as a bit away. */
static void
bound(const struct gesture *g, int *x, int *y)
{
	*x = clamp_int(*x, -g->width, 2 * g->width);
	*y = clamp_int(*y, -g->height, 2 * g->height);
}

static int64_t
abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

static uint64_t
time_apart(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

static bool
is_near(const struct gesture *g, int x, int y, struct gesture_point p)
{
	int64_t dx = (int64_t)x - p.x, dy = (int64_t)y - p.y;

	return dx * dx + dy * dy <= (int64_t)g->slop_px * g->slop_px;
}

/* Index of pointer id in g->down, or g->n_down when it is not down. */
static size_t
find(const struct gesture *g, int64_t id)
{
	size_t i = 0;

	while (i < g->n_down && g->down[i] != id)
		i++;
	return i;
}

static void
remove_at(struct gesture *g, size_t i)
{
	g->down[i] = g->down[--g->n_down];
}

static void
note_finger(struct gesture *g, int64_t id, int x, int y, uint64_t t)
{
	if (id == GESTURE_MOUSE_ID)
		return;
	g->has_finger = true;
	g->finger = (struct gesture_point){ x, y, t };
}

static void
follow(struct gesture *g, int64_t id, int x, int y, uint64_t t)
{
	g->tracking = true;
	g->cancelled = false;
	g->strayed = false;
	g->id = id;
	g->start = (struct gesture_point){ x, y, t };
}

/* Whether the mouse alone is down and followed, having gone down near x,
 * y just before t. */
static bool
mouse_just_down(const struct gesture *g, int x, int y, uint64_t t)
{
	return g->n_down == 1 && g->tracking && g->id == GESTURE_MOUSE_ID &&
	       !g->cancelled && t - g->start.t <= GESTURE_ECHO_MS &&
	       is_near(g, x, y, g->start);
}

/* A finger going down right where the mouse just did: the mouse was the
 * system's echo of this touch, so the finger takes its place. */
static bool
adopt_finger(struct gesture *g, int64_t id, int x, int y, uint64_t t)
{
	if (id == GESTURE_MOUSE_ID || !mouse_just_down(g, x, y, t))
		return false;
	g->down[0] = id;
	follow(g, id, x, y, t);
	return true;
}

static void
forget_stale(struct gesture *g, uint64_t t)
{
	if (g->n_down && t - g->last_ms > GESTURE_STALE_MS)
		gesture_reset(g);
}

static void
add_pointer(struct gesture *g, int64_t id, int x, int y, uint64_t t)
{
	if (g->n_down < GESTURE_MAX_POINTERS)
		g->down[g->n_down++] = id;
	if (g->n_down == 1)
		follow(g, id, x, y, t);
	else
		g->cancelled = true; /* a second pointer, or one too many */
}

void
gesture_down(struct gesture *g, int64_t id, int x, int y, uint64_t t)
{
	assert(g);
	bound(g, &x, &y);
	if (t < g->last_ms)
		return;
	forget_stale(g, t);
	g->last_ms = t;
	if (id == GESTURE_MOUSE_ID && gesture_is_echo(g, x, y, t))
		return;
	if (find(g, id) < g->n_down)
		return;
	if (!adopt_finger(g, id, x, y, t))
		add_pointer(g, id, x, y, t);
	note_finger(g, id, x, y, t);
}

void
gesture_move(struct gesture *g, int64_t id, int x, int y, uint64_t t)
{
	assert(g);
	bound(g, &x, &y);
	if (t < g->last_ms || find(g, id) == g->n_down)
		return;
	g->last_ms = t;
	note_finger(g, id, x, y, t);
	if (g->tracking && id == g->id && !is_near(g, x, y, g->start))
		g->strayed = true;
}

static struct gesture_event
tap_at(const struct gesture *g)
{
	return (struct gesture_event){
		GESTURE_TAP, clamp_int(g->start.x, 0, g->width - 1),
		clamp_int(g->start.y, 0, g->height - 1)
	};
}

/* The swipe from the start to x, y at t, or GESTURE_NONE. */
static enum gesture_kind
swipe_kind(const struct gesture *g, int x, int y, uint64_t t)
{
	int64_t dx = (int64_t)x - g->start.x, dy = (int64_t)y - g->start.y;

	if (t - g->start.t > GESTURE_SWIPE_MS || abs64(dx) < g->swipe_px ||
	    2 * abs64(dy) > abs64(dx))
		return GESTURE_NONE;
	return dx < 0 ? GESTURE_SWIPE_LEFT : GESTURE_SWIPE_RIGHT;
}

/* The followed pointer went up at x, y, t (t >= g->start.t). */
static struct gesture_event
classify(const struct gesture *g, int x, int y, uint64_t t)
{
	if (!g->strayed && t - g->start.t < GESTURE_TAP_MS &&
	    is_near(g, x, y, g->start))
		return tap_at(g);
	return (struct gesture_event){ swipe_kind(g, x, y, t), 0, 0 };
}

struct gesture_event
gesture_up(struct gesture *g, int64_t id, int x, int y, uint64_t t)
{
	struct gesture_event ev = { GESTURE_NONE, 0, 0 };
	size_t i = find(g, id);
	bool followed;

	assert(g);
	bound(g, &x, &y);
	if (i == g->n_down)
		return ev;
	remove_at(g, i);
	followed = g->tracking && id == g->id;
	if (followed && !g->cancelled && t >= g->last_ms)
		ev = classify(g, x, y, t);
	if (followed)
		g->tracking = false;
	if (g->n_down == 0)
		g->cancelled = false;
	if (t > g->last_ms)
		g->last_ms = t;
	note_finger(g, id, x, y, t);
	return ev;
}

bool
gesture_is_echo(const struct gesture *g, int x, int y, uint64_t t)
{
	assert(g);
	bound(g, &x, &y);
	return g->has_finger && time_apart(t, g->finger.t) <= GESTURE_ECHO_MS &&
	       is_near(g, x, y, g->finger);
}

void
gesture_reset(struct gesture *g)
{
	assert(g);
	g->n_down = 0;
	g->tracking = false;
	g->cancelled = false;
	g->strayed = false;
}

void
gesture_init(struct gesture *g, int width, int height)
{
	assert(g && width >= 1 && height >= 1);
	assert(width <= GESTURE_MAX_SIDE && height <= GESTURE_MAX_SIDE);
	*g = (struct gesture){ .width = width, .height = height };
	g->slop_px = clamp_int(width * GESTURE_SLOP_PERCENT / 100, 1, width);
	g->swipe_px = clamp_int(width * GESTURE_SWIPE_PERCENT / 100, 1, width);
}
