/*
 * screenfade: crossfades on the window's own pixels; see screenfade.h.
 */
#include "screenfade.h"

#include <stdlib.h>
#include <string.h>

void
screenfade_init(struct screenfade *s)
{
	memset(s, 0, sizeof(*s));
	fade_init(&s->fade);
}

void
screenfade_end(struct screenfade *s)
{
	fade_destroy(&s->fade);
	free(s->rects);
	screenfade_init(s);
}

/* Whether surface is there with the 4 bytes a pixel fade mixes. */
static bool
is_32bit(const SDL_Surface *surface)
{
	return surface && surface->format->BytesPerPixel == 4;
}

bool
screenfade_usable(SDL_Window *win, SDL_Renderer *sdl)
{
	SDL_RendererInfo info;

	return win && sdl && SDL_GetRendererInfo(sdl, &info) == 0 &&
	       !SDL_strcmp(info.name, "software") &&
	       is_32bit(SDL_GetWindowSurface(win));
}

bool
screenfade_is_live(const struct screenfade *s, size_t from, size_t to)
{
	return s->live && s->from == from && s->to == to;
}

/* The window's surface, drawn up to date, when it can be mixed into. */
static SDL_Surface *
drawn_surface(SDL_Window *win, SDL_Renderer *sdl)
{
	SDL_Surface *surface;

	if (sdl && SDL_RenderFlush(sdl) < 0)
		return NULL;
	surface = SDL_GetWindowSurface(win);
	return is_32bit(surface) && !SDL_MUSTLOCK(surface) ? surface : NULL;
}

int
screenfade_capture_from(struct screenfade *s, SDL_Window *win,
                        SDL_Renderer *sdl)
{
	SDL_Surface *surface = drawn_surface(win, sdl);

	screenfade_end(s);
	if (!surface)
		return -1;
	return fade_capture_from(&s->fade, surface->pixels, surface->pitch,
	                         surface->w, surface->h);
}

/* Ends the fade after a failure; returns -1. */
static int
give_up(struct screenfade *s)
{
	screenfade_end(s);
	return -1;
}

/* Whether surface is there, at the size the fade's start was captured. */
static bool
fits(const struct screenfade *s, const SDL_Surface *surface)
{
	return surface && surface->w == s->fade.w && surface->h == s->fade.h;
}

int
screenfade_capture_to(struct screenfade *s, SDL_Window *win, SDL_Renderer *sdl,
                      size_t from, size_t to)
{
	SDL_Surface *surface = drawn_surface(win, sdl);

	if (!fits(s, surface) ||
	    fade_capture_to(&s->fade, surface->pixels, surface->pitch) < 0)
		return give_up(s);
	s->rects = malloc((s->fade.n_runs + 1) * sizeof(*s->rects));
	if (!s->rects)
		return give_up(s);
	for (size_t i = 0; i < s->fade.n_runs; i++) {
		struct fade_rect r = s->fade.runs[i];

		s->rects[i] = (SDL_Rect){ r.x, r.y, r.w, r.h };
	}
	s->from = from;
	s->to = to;
	s->live = true;
	return 0;
}

int
screenfade_show(struct screenfade *s, SDL_Window *win, unsigned t)
{
	SDL_Surface *surface = s->live ? drawn_surface(win, NULL) : NULL;

	if (!fits(s, surface))
		return give_up(s);
	fade_mix(&s->fade, surface->pixels, surface->pitch, t);
	if (!s->fade.n_runs)
		return 0;
	return SDL_UpdateWindowSurfaceRects(win, s->rects, (int)s->fade.n_runs);
}
