/*
 * test_overlay: the player's overlays drawn into a software renderer: the
 * marker lands amber in the top right corner and nowhere else, the progress
 * bar covers its fraction of the safe area's width, the kiosk's buttons and
 * dots mark their touch targets, the current dot lit in the accent colour;
 * the staff's feedback (paused, digits, the exit chord) lands where and as
 * it should.
 */
#include <SDL.h>

#include "check.h"
#include "controls.h"
#include "overlay.h"

#define W 800
#define H 480

static SDL_Surface *surface;
static SDL_Renderer *sdl;

static Uint32
pixel(int x, int y)
{
	return ((const Uint32 *)((const Uint8 *)surface->pixels +
	                         y * surface->pitch))[x] &
	       0xffffff; /* RGB888: the top byte is not a colour */
}

static void
clear(void)
{
	SDL_FillRect(surface, NULL, 0);
}

/* Pixels in rect r that are not black, and the same outside it. */
static void
count(struct layout_rect r, long *in, long *out)
{
	*in = *out = 0;
	SDL_RenderFlush(sdl);
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			bool inside = x >= r.x && x < r.x + r.w && y >= r.y &&
			              y < r.y + r.h;

			if (pixel(x, y))
				(inside ? (*in)++ : (*out)++);
		}
}

static void
test_marker(void)
{
	struct layout_rect corner = { W * 3 / 4, 0, W / 4, H / 4 };
	long in, out;

	clear();
	overlay_marker(sdl, W, H);
	count(corner, &in, &out);
	CHECK(in > 0);
	CHECK_INT(out, 0);
	SDL_RenderFlush(sdl);
	CHECK(pixel(W - W / 40 - 2, H / 40 + 2) == 0xffa000);
}

static void
test_progress(void)
{
	struct layout_rect safe = { 40, 24, 720, 432 };
	struct deck_color accent = { 0x20, 0x40, 0xff };
	struct deck_color navy = { 0x10, 0x24, 0x3e };
	long in, out, half;
	SDL_Rect bar;

	clear();
	bar = overlay_progress(sdl, safe, H, accent, navy, 0.5);
	CHECK_INT(bar.x, safe.x);
	CHECK_INT(bar.y + bar.h, safe.y + safe.h);
	CHECK_INT(bar.w * bar.h, 360 * 2); /* what it says it drew */
	count(safe, &in, &out);
	CHECK_INT(out, 0);
	CHECK_INT(in, 360 * 2); /* half of 720 px, 2 px thick at 480 */
	half = in;
	clear();
	overlay_progress(sdl, safe, H, accent, navy, 1.0);
	count(safe, &in, &out);
	CHECK_INT(in, 2 * half);
	SDL_RenderFlush(sdl);
	/* the accent halfway into the background: no second heading rule */
	CHECK(pixel(safe.x, safe.y + safe.h - 1) == 0x18329f);
	/* its strip keeps text clear of it: thicker than the bar */
	CHECK(controls_reserve_px(DECK_MODE_LOBBY, true, W, H, 0) > bar.h);
	CHECK(controls_reserve_px(DECK_MODE_LOBBY, true, 1920, 1080, 0) >=
	      4 + 20);
	CHECK(controls_reserve_px(DECK_MODE_LOBBY, false, W, H, 0) == 0);
	CHECK(controls_reserve_px(DECK_MODE_PRESENT, true, W, H, 0) == 0);
	/* the kiosk keeps its controls' band: a target and a quarter */
	CHECK_INT(controls_target_for(W, H, 0), 56);
	CHECK_INT(controls_reserve_px(DECK_MODE_KIOSK, false, W, H, 0), 70);
	clear();
	bar = overlay_progress(sdl, safe, H, accent, navy, 0);
	count(safe, &in, &out);
	CHECK_INT(in + out, 0);
	CHECK_INT(bar.w, 0);
}

static void
test_controls(void)
{
	struct layout_rect safe = { 40, 24, 720, 432 };
	struct deck_theme th = { .text = { 255, 255, 255 },
		                 .accent = { 0, 255, 0 } };
	struct controls c;
	long in, out;

	controls_place(&c, safe, 60, 5);
	CHECK_INT(c.n_dots, 5);
	clear();
	overlay_controls(sdl, &c, &th, 2);
	count(c.band, &in, &out);
	CHECK(in > 0);
	CHECK_INT(out, 0);
	count(c.prev, &in, &out);
	CHECK(in > 0);
	count(c.next, &in, &out);
	CHECK(in > 0);
	SDL_RenderFlush(sdl);
	for (size_t i = 0; i < c.n_dots; i++) {
		struct layout_rect d = c.dots[i];
		Uint32 mid = pixel(d.x + d.w / 2, d.y + d.h / 2);

		if (i == 2)
			CHECK(mid == 0x00ff00); /* lit: the accent */
		else
			CHECK(mid != 0 && mid != 0x00ff00); /* dimmed text */
	}
}

/* Lit (light) pixels in rect r, on a white-filled background they would
 * not be told from: the surface is cleared to mid grey first. */
static long
light(SDL_Rect r)
{
	long n = 0;

	SDL_RenderFlush(sdl);
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++)
			n += (pixel(x, y) & 0xff) > 0xe0;
	return n;
}

static void
grey(void)
{
	SDL_FillRect(surface, NULL, 0x808080);
}

static void
test_staff_feedback(void)
{
	struct layout_rect safe = { 40, 24, 720, 432 };
	SDL_Rect r, half;
	long left, right;

	/* paused: two bars at the safe area's top left, on a dark plate */
	grey();
	r = overlay_paused(sdl, safe);
	CHECK(r.x >= safe.x && r.y >= safe.y && r.x + r.w < W / 4);
	SDL_RenderFlush(sdl);
	CHECK((pixel(r.x + 1, r.y + 1) & 0xff) < 0x40); /* the plate */
	half = (SDL_Rect){ r.x, r.y, r.w / 2, r.h };
	left = light(half);
	half.x += r.w / 2;
	right = light(half);
	CHECK(left > 0 && left == right); /* two equal bars */

	/* digits: "1" lights the two right segments only, "8" all seven */
	grey();
	r = overlay_digits(sdl, safe, "1");
	CHECK(r.x + r.w <= safe.x + safe.w && r.y + r.h <= safe.y + safe.h);
	half = (SDL_Rect){ r.x, r.y, r.w / 2, r.h };
	left = light(half);
	half.x += r.w / 2;
	right = light(half);
	CHECK(left == 0 && right > 0);
	grey();
	r = overlay_digits(sdl, safe, "18");
	CHECK(r.w > 0);
	left = light(r);
	grey();
	CHECK(overlay_digits(sdl, safe, "").w == 0);
	grey();
	r = overlay_digits(sdl, safe, "88");
	CHECK(light(r) > left); /* 8 has more segments than 1 */

	/* the exit chord: amber to its fraction, grey after */
	grey();
	r = overlay_hold(sdl, safe, 0.5);
	SDL_RenderFlush(sdl);
	CHECK(pixel(r.x + r.w / 2 - r.w / 8, r.y + r.h / 2) == 0xffa000);
	CHECK(pixel(r.x + r.w / 2 + r.w / 8, r.y + r.h / 2) == 0x606060);
}

int
main(void)
{
	surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32,
	                                         SDL_PIXELFORMAT_RGB888);
	sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
	if (!sdl) {
		fprintf(stderr, "no software renderer: %s\n", SDL_GetError());
		return 1;
	}
	RUN(test_marker);
	RUN(test_progress);
	RUN(test_controls);
	RUN(test_staff_feedback);
	SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surface);
	SDL_Quit();
	return check_done("test_overlay");
}
