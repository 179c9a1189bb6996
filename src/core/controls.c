/*
 * controls: the kiosk's arrows and dots; see controls.h.
 */
#include "controls.h"

#include <stdbool.h>

static bool
contains(struct layout_rect r, int x, int y)
{
	return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static int
min_int(int a, int b)
{
	return a < b ? a : b;
}

static int
max_int(int a, int b)
{
	return a > b ? a : b;
}

int
controls_target_px(int h_px, double h_mm)
{
	double px_per_mm = h_mm > 0 ? h_px / h_mm : 480 / 86.0;
	int px = (int)(CONTROLS_TARGET_MM * px_per_mm + 0.5);

	return min_int(max_int(px, 24), h_px / 8);
}

int
controls_target_for(int w, int h, double h_mm)
{
	return max_int(controls_target_px(h, h_mm), min_int(w, h) / 12);
}

int
controls_bar_px(int h)
{
	return max_int(h / 270, 2);
}

int
controls_reserve_px(enum deck_mode mode, bool progress_bar, int w, int h,
                    double h_mm)
{
	if (mode == DECK_MODE_KIOSK) /* the targets and a quarter below */
		return controls_target_for(w, h, h_mm) * 5 / 4;
	if (mode == DECK_MODE_LOBBY && progress_bar)
		return controls_bar_px(h) + h / 54;
	return 0;
}

/* Where the dots go beside the language button: between the back arrow
 * and the button, as many as fit at a pitch of t down to t / 2. */
static void
dots_beside_language(struct controls *c, const size_t *slides, size_t n)
{
	int t = c->target, left = c->prev.x + c->prev.w + t / 2,
	    right = c->language.x - t / 2;
	int pitch = n ? min_int(t, (right - left) / (int)n) : t, x0;

	if (n > CONTROLS_MAX_DOTS || pitch < t / 2)
		return;
	x0 = left + (right - left - (int)n * pitch) / 2;
	for (size_t i = 0; i < n; i++) {
		c->dots[i] = (struct layout_rect){ x0 + (int)i * pitch,
			                           c->band.y, pitch, t };
		c->dot_slide[i] = slides ? slides[i] : i;
	}
	c->n_dots = n;
}

void
controls_place_dots(struct controls *c, const size_t *slides, size_t n)
{
	struct layout_rect b = c->band;
	int room = b.w - 2 * (c->target + c->target / 2);
	int x0;

	c->n_dots = 0;
	if (c->language.w) {
		dots_beside_language(c, slides, n);
		return;
	}
	if (n > CONTROLS_MAX_DOTS || (long)n * c->target > (long)room)
		return;
	x0 = b.x + (b.w - (int)n * c->target) / 2;
	for (size_t i = 0; i < n; i++) {
		c->dots[i] = (struct layout_rect){ x0 + (int)i * c->target, b.y,
			                           c->target, c->target };
		c->dot_slide[i] = slides ? slides[i] : i;
	}
	c->n_dots = n;
}

void
controls_place(struct controls *c, struct layout_rect safe, int target_px,
               size_t n_slides)
{
	int t = target_px;

	c->target = t;
	c->band =
	        (struct layout_rect){ safe.x, safe.y + safe.h - t, safe.w, t };
	c->prev = (struct layout_rect){ safe.x, c->band.y, t, t };
	c->next = (struct layout_rect){ safe.x + safe.w - t, c->band.y, t, t };
	c->language = (struct layout_rect){ 0, 0, 0, 0 };
	controls_place_dots(c, NULL, n_slides);
}

void
controls_place_language(struct controls *c, bool on, size_t n_slides)
{
	int t = c->target, w = CONTROLS_LANGUAGE_WIDE * t;

	c->language = (struct layout_rect){ 0, 0, 0, 0 };
	if (on && c->band.w >= 2 * t + w + t / 2) /* room beside the arrows */
		c->language = (struct layout_rect){ c->next.x - t / 4 - w,
			                            c->band.y, w, t };
	controls_place_dots(c, NULL, n_slides);
}

enum controls_hit
controls_hit(const struct controls *c, int x, int y, size_t *dot)
{
	if (contains(c->prev, x, y))
		return CONTROLS_PREV;
	if (contains(c->next, x, y))
		return CONTROLS_NEXT;
	if (contains(c->language, x, y))
		return CONTROLS_LANGUAGE;
	for (size_t i = 0; i < c->n_dots; i++) {
		if (contains(c->dots[i], x, y)) {
			*dot = c->dot_slide[i];
			return CONTROLS_DOT;
		}
	}
	return CONTROLS_NONE;
}
