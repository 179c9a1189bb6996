/*
 * test_screenfade: a crossfade drawn on a real window's surface (SDL's dummy
 * video driver, the software renderer, the bundled deck) gives exactly the
 * per-byte mix of the two slides drawn whole, at its start, its end and in
 * between; touches only part of the screen; and gives up, rather than draw
 * into a stale picture, when the window's size changes.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>

#include "check.h"
#include "deck.h"
#include "render.h"
#include "screenfade.h"

#define BUNDLED "slides/igf2007.json"
#define W       960
#define H       540

struct win {
	SDL_Window *win;
	SDL_Renderer *sdl;
	struct render *r;
};

static int
win_open(struct win *w)
{
	struct report rep;

	report_init(&rep);
	w->win = SDL_CreateWindow("test", 0, 0, W, H, 0);
	w->sdl = w->win ? SDL_CreateRenderer(w->win, -1, 0) : NULL;
	w->r = w->sdl ? render_create(w->sdl, "assets/fonts", &rep) : NULL;
	report_print(&rep, stderr);
	report_destroy(&rep);
	if (!w->r)
		fprintf(stderr, "no window: %s\n", SDL_GetError());
	return w->r ? 0 : -1;
}

static void
win_close(struct win *w)
{
	render_destroy(w->r);
	if (w->sdl)
		SDL_DestroyRenderer(w->sdl);
	if (w->win)
		SDL_DestroyWindow(w->win);
}

/* Draws slide i whole; with present, shows it as the player would. */
static void
draw_slide(struct win *w, size_t i, bool present)
{
	SDL_SetRenderDrawColor(w->sdl, 0, 0, 0, 255);
	SDL_RenderClear(w->sdl);
	render_slide(w->r, i, W, H, 0, 255);
	if (present)
		SDL_RenderPresent(w->sdl);
	else
		SDL_RenderFlush(w->sdl);
}

/* A copy of the window surface's pixels, rows packed. */
static uint32_t *
grab(SDL_Window *win)
{
	SDL_Surface *s = SDL_GetWindowSurface(win);
	uint32_t *px = malloc((size_t)W * H * 4);

	for (int y = 0; y < H; y++)
		memcpy(px + (size_t)y * W,
		       (char *)s->pixels + (size_t)y * s->pitch, (size_t)W * 4);
	return px;
}

/*
 * Pixels of the window surface that are not the mix of a and b at t
 * (fade_pixel, which test_fade holds to a per-byte reference).
 */
static long
wrong_pixels(SDL_Window *win, const uint32_t *a, const uint32_t *b, unsigned t)
{
	uint32_t *now = grab(win);
	long wrong = 0;

	for (size_t i = 0; i < (size_t)W * H; i++)
		wrong += now[i] != fade_pixel(a[i], b[i], t);
	free(now);
	return wrong;
}

static void
test_fade_on_the_window(void)
{
	struct win w = { 0 };
	struct deck deck;
	struct report rep;
	struct screenfade sf;
	uint32_t *a, *b;
	size_t tiles;

	report_init(&rep);
	CHECK_INT(deck_load(&deck, BUNDLED, &rep), 0);
	if (win_open(&w) < 0) {
		CHECK(!"window");
		goto out;
	}
	render_set_deck(w.r, &deck);
	CHECK(screenfade_usable(w.win, w.sdl));
	draw_slide(&w, 2, false);
	b = grab(w.win);
	draw_slide(&w, 1, true); /* on screen: slide 2 of the deck */
	a = grab(w.win);
	CHECK(memcmp(a, b, (size_t)W * H * 4) != 0);

	screenfade_init(&sf);
	CHECK(!screenfade_is_live(&sf, 1, 2));
	CHECK_INT(screenfade_show(&sf, w.win, 100), -1); /* nothing live */
	CHECK_INT(screenfade_capture_from(&sf, w.win, w.sdl), 0);
	draw_slide(&w, 2, false);
	CHECK_INT(screenfade_capture_to(&sf, w.win, w.sdl, 1, 2), 0);
	CHECK(screenfade_is_live(&sf, 1, 2));
	CHECK(!screenfade_is_live(&sf, 2, 1));

	CHECK_INT(screenfade_show(&sf, w.win, 0), 0);
	CHECK_INT(wrong_pixels(w.win, a, b, 0), 0);
	CHECK_INT(screenfade_show(&sf, w.win, 77), 0);
	CHECK_INT(wrong_pixels(w.win, a, b, 77), 0);
	CHECK_INT(screenfade_show(&sf, w.win, 200), 0);
	CHECK_INT(wrong_pixels(w.win, a, b, 200), 0);
	CHECK_INT(screenfade_show(&sf, w.win, FADE_FULL), 0);
	CHECK_INT(wrong_pixels(w.win, a, b, FADE_FULL), 0);

	/* only the tiles with text change: far from the whole screen */
	tiles = (size_t)((W + FADE_TILE_W - 1) / FADE_TILE_W) *
	        ((H + FADE_TILE_H - 1) / FADE_TILE_H);
	CHECK(sf.fade.n > 0);
	CHECK(sf.fade.n < tiles * 3 / 4);
	CHECK(sf.fade.n_runs < sf.fade.n);

	/* a new size: the surface is new, the fade must end */
	SDL_SetWindowSize(w.win, W / 2, H / 2);
	SDL_PumpEvents();
	CHECK_INT(screenfade_show(&sf, w.win, 100), -1);
	CHECK(!screenfade_is_live(&sf, 1, 2));
	screenfade_end(&sf);
	screenfade_end(&sf); /* twice is fine */
	free(a);
	free(b);
out:
	win_close(&w);
	deck_free(&deck);
	report_destroy(&rep);
}

int
main(void)
{
	/* a window without a display: the dummy driver's surface */
	SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (SDL_Init(SDL_INIT_VIDEO) < 0 || TTF_Init() < 0 ||
	    IMG_Init(IMG_INIT_PNG) == 0) {
		fprintf(stderr, "cannot start SDL: %s\n", SDL_GetError());
		return 1;
	}
	RUN(test_fade_on_the_window);
	IMG_Quit();
	TTF_Quit();
	SDL_Quit();
	return check_done("test_screenfade");
}
