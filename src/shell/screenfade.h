/*
 * screenfade: crossfades drawn on the window's own pixels, sending the
 * display only the tiles that change (see fade.h).
 *
 * With SDL's software renderer the frame is drawn straight into the
 * window's surface, so a fade can start from what the screen shows, draw
 * the new frame once, and from then on mix just the tiles where the two
 * differ and present those (SDL_UpdateWindowSurfaceRects), instead of
 * drawing and sending the whole screen every frame. Any other renderer,
 * or a surface that is not 32 bits a pixel, is not usable: the caller
 * then draws its fades the ordinary way.
 *
 * Usage, for each frame of a fade from slide a to slide b:
 *	if (!screenfade_is_live(&sf, a, b)) {
 *		screenfade_capture_from(&sf, win, sdl);   // the screen now
 *		(draw slide b's whole frame with sdl)
 *		screenfade_capture_to(&sf, win, sdl, a, b);
 *	}
 *	screenfade_show(&sf, win, t);
 * The screen must show what the window's surface holds when a fade starts:
 * after an expose event, present one whole frame first.
 */
#ifndef VITRINE_SCREENFADE_H
#define VITRINE_SCREENFADE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "fade.h"

struct screenfade {
	struct fade fade;
	SDL_Rect *rects; /* fade.runs as SDL_Rects; owned */
	size_t from, to; /* the slides of the live fade */
	bool live;       /* both frames captured */
};

void screenfade_init(struct screenfade *s);
/* Ends the fade and frees its pictures. */
void screenfade_end(struct screenfade *s);

/* Whether sdl draws into win's own 32-bit pixels (the software renderer). */
bool screenfade_usable(SDL_Window *win, SDL_Renderer *sdl);

/* Whether a fade from slide a to slide b is live. */
bool screenfade_is_live(const struct screenfade *s, size_t from, size_t to);

/*
 * Keeps what the window's surface holds now as the start. Returns 0, or
 * -1 (nothing kept) when it cannot: then draw the fade the ordinary way.
 */
int screenfade_capture_from(struct screenfade *s, SDL_Window *win,
                            SDL_Renderer *sdl);

/*
 * Takes what sdl drew since screenfade_capture_from as the end of a fade
 * from slide `from` to slide `to`. Returns 0, or -1 (no fade live).
 */
int screenfade_capture_to(struct screenfade *s, SDL_Window *win,
                          SDL_Renderer *sdl, size_t from, size_t to);

/*
 * Mixes the live fade at t (0..FADE_FULL) into the window's surface and
 * presents the tiles that change: the rest of the screen must already show
 * what the surface holds (the caller presented its last frame whole).
 * Returns 0, or -1 when no fade is live or the surface changed under it
 * (the fade is then ended).
 */
int screenfade_show(struct screenfade *s, SDL_Window *win, unsigned t);

#endif
