/*
 * overlay: what the player draws over a slide with SDL_Renderer: the kiosk's
 * on-screen buttons and slide dots, the lobby's progress bar, the staff's
 * failed-reload marker and the staff's feedback (paused, digits typed, the
 * exit chord held). Each draws into whatever target sdl has.
 */
#ifndef VITRINE_OVERLAY_H
#define VITRINE_OVERLAY_H

#include <SDL.h>
#include <stddef.h>

#include "controls.h"
#include "deck.h"
#include "layout.h"
#include "render.h"

/* The kiosk's previous/next buttons and one dot a slide, current lit. */
void overlay_controls(SDL_Renderer *sdl, const struct controls *c,
                      const struct deck_theme *th, size_t current);

/* The language button's name, set once and kept while it stays the same
 * (a kiosk draws it every frame of a transition). Zeroed: empty. */
struct overlay_label {
	SDL_Texture *tex; /* owned */
	const char *name; /* what tex shows (a static name) */
	int px, w, h;
	struct deck_color color;
};

/* Destroys its texture; the label is then empty. */
void overlay_label_free(struct overlay_label *l);

/*
 * The kiosk's language button (c->language; nothing when its w is 0): a
 * plate in the arrows' ring colour with name, the language on screen in its
 * own script, in the body font, set through r into label (or, with label
 * NULL, set for this draw only). name NULL: nothing.
 */
void overlay_language(SDL_Renderer *sdl, struct render *r,
                      const struct controls *c, const struct deck_theme *th,
                      const char *name, struct overlay_label *label);

/*
 * The lobby's progress bar: a hairline (controls_bar_px(screen_h)) along
 * the bottom of the safe area, fraction (0..1) of its width, in the
 * accent mixed halfway into the slide's background, so that it reads as
 * a quiet indicator and not as another heading rule. It sits in the strip
 * controls_reserve_px keeps free of text. Returns the rectangle drawn (w 0
 * when nothing was).
 */
SDL_Rect overlay_progress(SDL_Renderer *sdl, struct layout_rect safe,
                          int screen_h, struct deck_color accent,
                          struct deck_color background, double fraction);

/* A small amber square near the top right corner of a w x h screen. */
void overlay_marker(SDL_Renderer *sdl, int w, int h);

/*
 * Staff feedback, never in an export; each on a dark plate so it reads on
 * any slide, sized from the safe area's height:
 *  - overlay_paused: a pause sign (two bars) at the safe area's top left
 *    while cycling is paused;
 *  - overlay_digits: the slide number typed so far (digits only, drawn
 *    as seven-segment figures, no font) at its bottom right;
 *  - overlay_hold: a bar across the middle filling to fraction (0..1)
 *    while the staff exit chord is held.
 * Each returns the rectangle it covers.
 */
SDL_Rect overlay_paused(SDL_Renderer *sdl, struct layout_rect safe);
SDL_Rect overlay_digits(SDL_Renderer *sdl, struct layout_rect safe,
                        const char *digits);
SDL_Rect overlay_hold(SDL_Renderer *sdl, struct layout_rect safe,
                      double fraction);

#endif
